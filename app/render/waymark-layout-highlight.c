/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"

/* The highlight a layout is drawn with: view state kept beside the
 * geometry so that every painter of this layout (the canvas and its
 * sticky headers, a print, an export) dims the same cards. */

void
waymark_layout_set_highlight (WaymarkLayout          *self,
                              const WaymarkHighlight *highlight,
                              WaymarkChecker         *checker)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  g_return_if_fail (checker == NULL || WAYMARK_IS_CHECKER (checker));

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  if (highlight != NULL && waymark_highlight_is_active (highlight))
    self->highlight = waymark_highlight_copy (highlight);
  g_set_object (&self->checker, checker);
}

const WaymarkHighlight *
waymark_layout_get_highlight (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), NULL);
  return self->highlight;
}

gboolean
waymark_layout_is_dimmed (WaymarkLayout *self,
                          gconstpointer  item)
{
  const WaymarkLink *link;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  if (self->highlight == NULL || item == NULL)
    return FALSE;
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
      return !waymark_highlight_matches (self->highlight, self->checker, item);
    case WAYMARK_ITEM_LINK:
      /* A link stands out only between two cards that do. */
      link = item;
      return waymark_layout_is_dimmed (self, link->from) || waymark_layout_is_dimmed (self, link->to);
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}
