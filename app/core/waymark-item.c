/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-channel.h"
#include "waymark-item.h"
#include "waymark-lane.h"
#include "waymark-link.h"
#include "waymark-note.h"
#include "waymark-persona.h"
#include "waymark-phase.h"
#include "waymark-touchpoint.h"

static const struct {
  gsize size;
  const char *prefix;
  const char *element;
} item_types[WAYMARK_N_ITEM_TYPES] = {
  [WAYMARK_ITEM_PERSONA]    = { sizeof (WaymarkPersona),    "persona", "persona" },
  [WAYMARK_ITEM_PHASE]      = { sizeof (WaymarkPhase),      "phase",   "phase" },
  [WAYMARK_ITEM_LANE]       = { sizeof (WaymarkLane),       "lane",    "lane" },
  [WAYMARK_ITEM_CHANNEL]    = { sizeof (WaymarkChannel),    "ch",      "channel" },
  [WAYMARK_ITEM_TOUCHPOINT] = { sizeof (WaymarkTouchpoint), "tp",      "touchpoint" },
  [WAYMARK_ITEM_NOTE]       = { sizeof (WaymarkNote),       "note",    "note" },
  [WAYMARK_ITEM_LINK]       = { sizeof (WaymarkLink),       "link",    "link" },
};

gpointer
_waymark_item_alloc (WaymarkItemType  type,
                     gsize            size,
                     const char      *id)
{
  WaymarkItem *item;

  g_assert (size == item_types[type].size);
  item = g_rc_box_alloc0 (size);
  item->type = type;
  item->id = g_strdup (id);
  return item;
}

static void
item_clear (gpointer data)
{
  WaymarkItem *item = data;

  switch (item->type)
    {
    case WAYMARK_ITEM_PERSONA:    _waymark_persona_clear (data); break;
    case WAYMARK_ITEM_PHASE:      _waymark_phase_clear (data); break;
    case WAYMARK_ITEM_LANE:       _waymark_lane_clear (data); break;
    case WAYMARK_ITEM_CHANNEL:    _waymark_channel_clear (data); break;
    case WAYMARK_ITEM_TOUCHPOINT: _waymark_touchpoint_clear (data); break;
    case WAYMARK_ITEM_NOTE:       _waymark_note_clear (data); break;
    case WAYMARK_ITEM_LINK:       _waymark_link_clear (data); break;
    case WAYMARK_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }
  g_clear_pointer (&item->id, g_free);
  g_clear_pointer (&item->foreign, waymark_foreign_free);
  g_clear_pointer (&item->dismissed, g_strfreev);
}

gpointer
waymark_item_ref (gpointer item)
{
  return g_rc_box_acquire (item);
}

void
waymark_item_unref (gpointer item)
{
  g_rc_box_release_full (item, item_clear);
}

gpointer
waymark_item_copy (gconstpointer data)
{
  const WaymarkItem *src = data;
  WaymarkItem *dst = _waymark_item_alloc (src->type, item_types[src->type].size, src->id);

  dst->foreign = waymark_foreign_copy (src->foreign);
  dst->dismissed = g_strdupv (src->dismissed);
  switch (src->type)
    {
    case WAYMARK_ITEM_PERSONA:    _waymark_persona_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_PHASE:      _waymark_phase_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_LANE:       _waymark_lane_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_CHANNEL:    _waymark_channel_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_TOUCHPOINT: _waymark_touchpoint_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_NOTE:       _waymark_note_copy_into (data, (gpointer) dst); break;
    case WAYMARK_ITEM_LINK:       _waymark_link_copy_into (data, (gpointer) dst); break;
    case WAYMARK_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }
  return dst;
}

void
waymark_item_swap_contents (gpointer a,
                            gpointer b)
{
  WaymarkItem *ia = a;
  WaymarkItem *ib = b;
  gsize size;
  gpointer tmp;

  g_return_if_fail (ia->type == ib->type);
  g_return_if_fail (g_strcmp0 (ia->id, ib->id) == 0);

  /* Items are flat structs of owned pointers, so exchanging their bytes
   * exchanges ownership too; the rc-box header lives before the struct.
   * The id strings stay where they are: the journey's id table uses the
   * live item's string as its key, and the other copy may be freed long
   * before the item is. */
  size = item_types[ia->type].size;
  tmp = g_alloca (size);
  memcpy (tmp, a, size);
  memcpy (a, b, size);
  memcpy (b, tmp, size);
  tmp = ia->id;
  ia->id = ib->id;
  ib->id = tmp;
}

const char *
waymark_item_get_id (gconstpointer item)
{
  return ((const WaymarkItem *) item)->id;
}

WaymarkItemType
waymark_item_get_item_type (gconstpointer item)
{
  return ((const WaymarkItem *) item)->type;
}

const char *
waymark_item_type_id_prefix (WaymarkItemType type)
{
  g_return_val_if_fail (type < WAYMARK_N_ITEM_TYPES, NULL);
  return item_types[type].prefix;
}

const char *
waymark_item_type_element (WaymarkItemType type)
{
  g_return_val_if_fail (type < WAYMARK_N_ITEM_TYPES, NULL);
  return item_types[type].element;
}

gboolean
waymark_item_is_dismissed (gconstpointer  item,
                           const char    *rule_id)
{
  const WaymarkItem *it = item;

  return it->dismissed != NULL && g_strv_contains ((const char * const *) it->dismissed, rule_id);
}

void
waymark_item_set_dismissed (gpointer    item,
                            const char *rule_id,
                            gboolean    dismissed)
{
  WaymarkItem *it = item;
  GStrvBuilder *builder;

  g_return_if_fail (rule_id != NULL);

  if (waymark_item_is_dismissed (item, rule_id) == !!dismissed)
    return;
  /* Kept in the order they were dismissed, so that saving is stable. */
  builder = g_strv_builder_new ();
  for (guint i = 0; it->dismissed != NULL && it->dismissed[i] != NULL; i++)
    if (dismissed || strcmp (it->dismissed[i], rule_id) != 0)
      g_strv_builder_add (builder, it->dismissed[i]);
  if (dismissed)
    g_strv_builder_add (builder, rule_id);
  g_strfreev (it->dismissed);
  it->dismissed = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  if (it->dismissed[0] == NULL)
    g_clear_pointer (&it->dismissed, g_strfreev);
}
