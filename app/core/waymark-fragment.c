/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-fragment.h"

static const WaymarkDiffField reference_fields[] = {
  WAYMARK_DIFF_FIELD_PHASE,
  WAYMARK_DIFF_FIELD_LANE,
  WAYMARK_DIFF_FIELD_CHANNEL,
  WAYMARK_DIFF_FIELD_FROM,
  WAYMARK_DIFF_FIELD_TO,
};

gpointer
waymark_fragment_copy_item (gconstpointer      item,
                            WaymarkDiffMapFunc map,
                            gpointer           user_data)
{
  gpointer copy = waymark_item_copy (item);
  guint32 mask = waymark_diff_field_mask (waymark_item_get_item_type (item));

  for (guint i = 0; i < G_N_ELEMENTS (reference_fields); i++)
    if (mask & WAYMARK_DIFF_FIELD_BIT (reference_fields[i]))
      waymark_diff_field_copy (copy, item, reference_fields[i], map, user_data);
  return copy;
}
