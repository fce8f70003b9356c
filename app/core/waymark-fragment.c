/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-edits.h"
#include "waymark-fragment.h"
#include "waymark-group-command.h"
#include "waymark-insert-command.h"

/* Pasting text makes at most this many cards: a clipboard is another
 * program's data. */
#define MAX_TEXT_CARDS 500

static const WaymarkDiffField reference_fields[] = {
  WAYMARK_DIFF_FIELD_PHASE,
  WAYMARK_DIFF_FIELD_LANE,
  WAYMARK_DIFF_FIELD_CHANNEL,
  WAYMARK_DIFF_FIELD_PERSONAS,
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

/* ---- Copy ---- */

typedef struct {
  WaymarkJourney *fragment;
  GHashTable *copies;   /* item of the journey → its copy in the fragment */
} Copying;

/* The fragment's copy of @ref, made (and added) the first time. */
static gpointer
copy_once (gconstpointer ref,
           gpointer      user_data)
{
  Copying *c = user_data;
  gpointer copy = g_hash_table_lookup (c->copies, ref);

  if (copy == NULL)
    {
      copy = waymark_item_copy (ref);
      waymark_journey_insert_item (c->fragment, copy, -1);
      waymark_item_unref (copy);
      g_hash_table_insert (c->copies, (gpointer) ref, copy);
    }
  return copy;
}

static gpointer
copied (gconstpointer ref,
        gpointer      user_data)
{
  return g_hash_table_lookup (((Copying *) user_data)->copies, ref);
}

WaymarkJourney *
waymark_fragment_new (WaymarkJourney *journey,
                      GPtrArray      *cards)
{
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  Copying c = { NULL, copies };
  GPtrArray *links;
  const char *title;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  c.fragment = waymark_journey_new ();
  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  waymark_journey_set_text (c.fragment, WAYMARK_FIELD_TITLE, title && *title ? title : _("Copied cards"));
  waymark_journey_set_state (c.fragment, waymark_journey_get_state (journey));

  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      WaymarkItemType type = waymark_item_get_item_type (card);
      gpointer copy;

      if (type != WAYMARK_ITEM_TOUCHPOINT && type != WAYMARK_ITEM_NOTE)
        continue;
      copy = waymark_fragment_copy_item (card, copy_once, &c);
      waymark_journey_insert_item (c.fragment, copy, -1);
      g_hash_table_insert (copies, card, copy);
      waymark_item_unref (copy);
    }

  /* The flow between copied touchpoints comes along. */
  links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);

      if (g_hash_table_contains (copies, link->from) && g_hash_table_contains (copies, link->to))
        {
          WaymarkLink *copy = waymark_fragment_copy_item (link, copied, &c);

          waymark_journey_insert_item (c.fragment, copy, -1);
          waymark_item_unref (copy);
        }
    }

  return c.fragment;
}

/* ---- Paste ---- */

static gboolean
lane_takes (WaymarkLane     *lane,
            WaymarkItemType  type)
{
  return lane != NULL &&
         (type == WAYMARK_ITEM_NOTE ? lane->kind == WAYMARK_LANE_NOTES : lane->kind == WAYMARK_LANE_TOUCHPOINTS);
}

static WaymarkLane *
find_lane (WaymarkJourney  *journey,
           WaymarkLane     *source,
           WaymarkItemType  type)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  gpointer same_id = waymark_journey_lookup (journey, waymark_item_get_id (source));

  if (same_id != NULL && waymark_item_get_item_type (same_id) == WAYMARK_ITEM_LANE && lane_takes (same_id, type))
    return same_id;
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (lane_takes (lane, type) && g_strcmp0 (lane->name, source->name) == 0)
        return lane;
    }
  for (guint i = 0; i < lanes->len; i++)
    if (lane_takes (g_ptr_array_index (lanes, i), type))
      return g_ptr_array_index (lanes, i);
  return NULL;
}

typedef struct {
  WaymarkJourney *journey;
  WaymarkCommand *group;
  GHashTable *targets;   /* item of the fragment → the item it becomes here */
} Pasting;

/* The channel of the same name and icon, or the persona of the same
 * name, recreated here when the map has none. */
static gpointer
map_by_name (Pasting       *p,
             gconstpointer  source)
{
  WaymarkItemType type = waymark_item_get_item_type (source);
  GPtrArray *list = waymark_journey_get_items (p->journey, type);
  gpointer copy;

  for (guint i = 0; i < list->len; i++)
    {
      gpointer item = g_ptr_array_index (list, i);

      if (type == WAYMARK_ITEM_CHANNEL &&
          g_strcmp0 (((WaymarkChannel *) item)->name, ((const WaymarkChannel *) source)->name) == 0 &&
          g_strcmp0 (((WaymarkChannel *) item)->icon, ((const WaymarkChannel *) source)->icon) == 0)
        return item;
      if (type == WAYMARK_ITEM_PERSONA &&
          g_strcmp0 (((WaymarkPersona *) item)->name, ((const WaymarkPersona *) source)->name) == 0)
        return item;
    }

  /* Missing here: recreate it (with a fresh id if its own is taken). */
  copy = waymark_item_copy (source);
  if (waymark_journey_lookup (p->journey, waymark_item_get_id (copy)) != NULL)
    {
      g_free (WAYMARK_ITEM (copy)->id);
      WAYMARK_ITEM (copy)->id = waymark_journey_new_id (p->journey, type);
    }
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (p->group),
                             waymark_insert_command_new_insert (copy, waymark_journey_get_n_items (p->journey, type)),
                             p->journey);
  waymark_item_unref (copy);
  return copy;
}

/* Where a reference of a pasted item goes: the cell the caller chose,
 * the channel of the same name and icon, the persona of the same name,
 * the pasted touchpoint. */
static gpointer
map_target (gconstpointer ref,
            gpointer      user_data)
{
  Pasting *p = user_data;
  gpointer target = g_hash_table_lookup (p->targets, ref);

  if (target == NULL && (waymark_item_get_item_type (ref) == WAYMARK_ITEM_CHANNEL ||
                         waymark_item_get_item_type (ref) == WAYMARK_ITEM_PERSONA))
    {
      target = map_by_name (p, ref);
      g_hash_table_insert (p->targets, (gpointer) ref, target);
    }
  return target;
}

static void
insert_card (WaymarkJourney *journey,
             WaymarkCommand *group,
             gpointer        card,
             WaymarkPhase   *phase,
             WaymarkLane    *lane,
             guint           position)
{
  WaymarkItemType type = waymark_item_get_item_type (card);
  guint at = waymark_edits_cell_index (journey, type, phase, lane, position, NULL);

  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_insert_command_new_insert (card, at), journey);
}

static GPtrArray *
push_group (WaymarkHistory *history,
            WaymarkCommand *group,
            GPtrArray      *created)
{
  if (waymark_group_command_get_length (WAYMARK_GROUP_COMMAND (group)) == 0)
    {
      g_object_unref (group);
      return created;
    }
  waymark_history_push_applied (history, group);
  return created;
}

GPtrArray *
waymark_fragment_paste (WaymarkHistory *history,
                        WaymarkJourney *fragment,
                        WaymarkPhase   *phase,
                        WaymarkLane    *lane,
                        guint           index)
{
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
  Pasting p = { NULL, NULL, targets };
  GPtrArray *created;
  GPtrArray *links;
  guint in_target = 0;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (history), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (fragment), NULL);
  g_return_val_if_fail (phase != NULL && lane != NULL, NULL);

  p.journey = waymark_history_get_journey (history);
  p.group = waymark_group_command_new (_("Paste"));
  created = g_ptr_array_new ();

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (fragment, type);

      for (guint i = 0; i < cards->len; i++)
        {
          gpointer card = g_ptr_array_index (cards, i);
          WaymarkLane *source_lane = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) card)->lane
                                                                      : ((WaymarkNote *) card)->lane;
          WaymarkPhase *source_phase = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) card)->phase
                                                                        : ((WaymarkNote *) card)->phase;
          WaymarkLane *target = lane_takes (lane, type) ? lane : find_lane (p.journey, source_lane, type);
          WaymarkItem *copy;
          guint position;

          if (target == NULL)
            continue;
          g_hash_table_insert (targets, source_phase, phase);
          g_hash_table_insert (targets, source_lane, target);
          copy = waymark_fragment_copy_item (card, map_target, &p);
          g_free (copy->id);
          copy->id = waymark_journey_new_id (p.journey, type);
          /* Cards for the target cell keep their order there. */
          position = target == lane && index != G_MAXUINT ? index + in_target++ : G_MAXUINT;
          insert_card (p.journey, p.group, copy, phase, target, position);
          g_hash_table_insert (targets, card, copy);
          g_ptr_array_add (created, copy);
          waymark_item_unref (copy);
        }
    }

  links = waymark_journey_get_items (fragment, WAYMARK_ITEM_LINK);
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);
      WaymarkItem *copy;

      if (!g_hash_table_contains (targets, link->from) || !g_hash_table_contains (targets, link->to))
        continue;
      copy = waymark_fragment_copy_item (link, map_target, &p);
      g_free (copy->id);
      copy->id = waymark_journey_new_id (p.journey, WAYMARK_ITEM_LINK);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (p.group),
                                 waymark_insert_command_new_insert (copy, waymark_journey_get_n_items (p.journey,
                                                                                                      WAYMARK_ITEM_LINK)),
                                 p.journey);
      waymark_item_unref (copy);
    }

  return push_group (history, p.group, created);
}

GPtrArray *
waymark_fragment_paste_text (WaymarkHistory *history,
                             const char     *text,
                             WaymarkPhase   *phase,
                             WaymarkLane    *lane,
                             guint           index)
{
  g_auto(GStrv) lines = NULL;
  WaymarkJourney *journey;
  WaymarkCommand *group;
  GPtrArray *created;
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (history), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  created = g_ptr_array_new ();
  if (!waymark_lane_kind_holds_cards (lane->kind) || !g_utf8_validate (text, -1, NULL))
    return created;

  journey = waymark_history_get_journey (history);
  group = waymark_group_command_new (_("Paste"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && n < MAX_TEXT_CARDS; i++)
    {
      g_autofree char *id = NULL;
      char *line = g_strstrip (lines[i]);
      gpointer card;

      if (line[0] == '\0')
        continue;
      if (lane->kind == WAYMARK_LANE_NOTES)
        {
          id = waymark_journey_new_id (journey, WAYMARK_ITEM_NOTE);
          card = waymark_note_new (id, phase, lane, line);
        }
      else
        {
          id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
          card = waymark_touchpoint_new (id, phase, lane, line);
        }
      insert_card (journey, group, card, phase, lane, index == G_MAXUINT ? G_MAXUINT : index + n);
      g_ptr_array_add (created, card);
      waymark_item_unref (card);
      n++;
    }

  return push_group (history, group, created);
}

/* ---- Import ---- */

static gpointer
find_by_name (WaymarkJourney  *journey,
              WaymarkItemType  type,
              WaymarkLaneKind  lane_kind,
              const char      *name)
{
  GPtrArray *items = waymark_journey_get_items (journey, type);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      const char *item_name = type == WAYMARK_ITEM_PHASE ? ((WaymarkPhase *) item)->name
                              : type == WAYMARK_ITEM_LANE ? ((WaymarkLane *) item)->name
                              : ((WaymarkChannel *) item)->name;

      if (type == WAYMARK_ITEM_LANE && ((WaymarkLane *) item)->kind != lane_kind)
        continue;
      if (g_strcmp0 (item_name, name) == 0)
        return item;
    }
  return NULL;
}

/* A copy of @item (a phase, lane or channel of the table) added to the
 * journey at @index with a new id. */
static gpointer
add_copy (Pasting         *p,
          gpointer         item,
          WaymarkItemType  type,
          guint            index)
{
  WaymarkItem *copy = waymark_item_copy (item);

  g_free (copy->id);
  copy->id = waymark_journey_new_id (p->journey, type);
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (p->group), waymark_insert_command_new_insert (copy, index),
                             p->journey);
  waymark_item_unref (copy);
  return copy;
}

/* After the last touchpoint lane, so that a new one joins its kind. */
static guint
new_lane_index (WaymarkJourney  *journey,
                WaymarkLaneKind  kind)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);

  for (guint i = lanes->len; i > 0; i--)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i - 1))->kind == kind)
      return i;
  return lanes->len;
}

GPtrArray *
waymark_fragment_import (WaymarkHistory *history,
                         WaymarkJourney *table,
                         const char     *label)
{
  g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
  Pasting p = { NULL, NULL, targets };
  GPtrArray *created = g_ptr_array_new ();
  GPtrArray *items;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (history), created);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (table), created);

  p.journey = waymark_history_get_journey (history);
  p.group = waymark_group_command_new (label);

  items = waymark_journey_get_items (table, WAYMARK_ITEM_PHASE);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (items, i);
      gpointer target = find_by_name (p.journey, WAYMARK_ITEM_PHASE, 0, phase->name);

      if (target == NULL)
        target = add_copy (&p, phase, WAYMARK_ITEM_PHASE, waymark_journey_get_n_items (p.journey, WAYMARK_ITEM_PHASE));
      g_hash_table_insert (targets, phase, target);
    }
  items = waymark_journey_get_items (table, WAYMARK_ITEM_LANE);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (items, i);
      gpointer target;

      if (lane->kind != WAYMARK_LANE_TOUCHPOINTS && lane->kind != WAYMARK_LANE_NOTES)
        continue;
      target = find_by_name (p.journey, WAYMARK_ITEM_LANE, lane->kind, lane->name);
      if (target == NULL)
        target = add_copy (&p, lane, WAYMARK_ITEM_LANE, new_lane_index (p.journey, lane->kind));
      g_hash_table_insert (targets, lane, target);
    }
  /* By name alone: the table knows no icons. */
  items = waymark_journey_get_items (table, WAYMARK_ITEM_CHANNEL);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (items, i);
      gpointer target = find_by_name (p.journey, WAYMARK_ITEM_CHANNEL, 0, channel->name);

      if (target == NULL)
        target = add_copy (&p, channel, WAYMARK_ITEM_CHANNEL,
                           waymark_journey_get_n_items (p.journey, WAYMARK_ITEM_CHANNEL));
      g_hash_table_insert (targets, channel, target);
    }

  items = waymark_journey_get_items (table, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (items, i);
      WaymarkTouchpoint *copy = waymark_fragment_copy_item (tp, map_target, &p);

      g_free (WAYMARK_ITEM (copy)->id);
      WAYMARK_ITEM (copy)->id = waymark_journey_new_id (p.journey, WAYMARK_ITEM_TOUCHPOINT);
      insert_card (p.journey, p.group, copy, copy->phase, copy->lane, G_MAXUINT);
      g_hash_table_insert (targets, tp, copy);
      g_ptr_array_add (created, copy);
      waymark_item_unref (copy);
    }

  items = waymark_journey_get_items (table, WAYMARK_ITEM_NOTE);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkNote *copy = waymark_fragment_copy_item (g_ptr_array_index (items, i), map_target, &p);

      g_free (WAYMARK_ITEM (copy)->id);
      WAYMARK_ITEM (copy)->id = waymark_journey_new_id (p.journey, WAYMARK_ITEM_NOTE);
      insert_card (p.journey, p.group, copy, copy->phase, copy->lane, G_MAXUINT);
      g_ptr_array_add (created, copy);
      waymark_item_unref (copy);
    }

  items = waymark_journey_get_items (table, WAYMARK_ITEM_LINK);
  for (guint i = 0; i < items->len; i++)
    {
      WaymarkLink *copy = waymark_fragment_copy_item (g_ptr_array_index (items, i), map_target, &p);

      g_free (WAYMARK_ITEM (copy)->id);
      WAYMARK_ITEM (copy)->id = waymark_journey_new_id (p.journey, WAYMARK_ITEM_LINK);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (p.group),
                                 waymark_insert_command_new_insert (copy, waymark_journey_get_n_items (p.journey,
                                                                                                      WAYMARK_ITEM_LINK)),
                                 p.journey);
      waymark_item_unref (copy);
    }

  return push_group (history, p.group, created);
}
