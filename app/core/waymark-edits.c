/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-conflict-command.h"
#include "waymark-edit-command.h"
#include "waymark-edits.h"
#include "waymark-group-command.h"
#include "waymark-insert-command.h"
#include "waymark-move-command.h"
#include "waymark-property-command.h"
#include "waymark-describe.h"
#include "waymark-votes.h"

static gboolean
in_cell (gconstpointer  card,
         WaymarkPhase  *phase,
         WaymarkLane   *lane)
{
  WaymarkPhase *p;
  WaymarkLane *l;

  return waymark_describe_card_cell (card, &p, &l) && p == phase && l == lane;
}

guint
waymark_edits_cell_index (WaymarkJourney  *journey,
                          WaymarkItemType  type,
                          WaymarkPhase    *phase,
                          WaymarkLane     *lane,
                          guint            position,
                          gconstpointer    moving)
{
  GPtrArray *cards = waymark_journey_get_items (journey, type);
  guint counted = 0;      /* cards seen, not counting @moving */
  guint seen_in_cell = 0;
  gboolean any = FALSE;
  guint after_last = 0;

  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);

      if (card == moving)
        continue;
      if (in_cell (card, phase, lane))
        {
          if (seen_in_cell == position)
            return counted;
          seen_in_cell++;
          any = TRUE;
          after_last = counted + 1;
        }
      counted++;
    }
  /* At the end of the cell; an empty cell takes new cards at the end of
   * the file, which keeps diffs of a growing map small. */
  return any ? after_last : counted;
}

static gboolean
lane_holds_cards (WaymarkJourney *journey,
                  WaymarkLane    *lane)
{
  for (int t = WAYMARK_ITEM_TOUCHPOINT; t <= WAYMARK_ITEM_NOTE; t++)
    {
      GPtrArray *cards = waymark_journey_get_items (journey, t);

      for (guint i = 0; i < cards->len; i++)
        {
          WaymarkPhase *p;
          WaymarkLane *l;

          if (waymark_describe_card_cell (g_ptr_array_index (cards, i), &p, &l) && l == lane)
            return TRUE;
        }
    }
  return FALSE;
}

static WaymarkItemType
card_type_for_lane (WaymarkLane *lane)
{
  return lane->kind == WAYMARK_LANE_NOTES ? WAYMARK_ITEM_NOTE : WAYMARK_ITEM_TOUCHPOINT;
}

/* A channel made for this edit (by the palette or the channel editor)
 * enters the journey in the same step as the card that uses it, so one
 * undo takes both away and never leaves an unused channel behind. */
static void
add_channel_if_new (WaymarkGroupCommand *group,
                    WaymarkJourney      *journey,
                    WaymarkChannel      *channel)
{
  if (channel == NULL || waymark_journey_index_of (journey, channel) >= 0)
    return;
  waymark_group_command_add (group,
                             waymark_insert_command_new_insert (channel,
                                                                waymark_journey_get_n_items (journey,
                                                                                             WAYMARK_ITEM_CHANNEL)),
                             journey);
}

WaymarkTouchpoint *
waymark_edits_add_touchpoint (WaymarkHistory *history,
                              WaymarkPhase   *phase,
                              WaymarkLane    *lane,
                              guint           position,
                              const char     *title,
                              WaymarkChannel *channel)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  g_autofree char *id = NULL;
  WaymarkTouchpoint *tp;
  WaymarkCommand *group;
  guint index;

  g_return_val_if_fail (lane->kind == WAYMARK_LANE_TOUCHPOINTS, NULL);

  group = waymark_group_command_new (_("Add Touchpoint"));
  add_channel_if_new (WAYMARK_GROUP_COMMAND (group), journey, channel);
  id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
  tp = waymark_touchpoint_new (id, phase, lane, title);
  waymark_touchpoint_set_channel (tp, channel);
  index = waymark_edits_cell_index (journey, WAYMARK_ITEM_TOUCHPOINT, phase, lane, position, NULL);
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                             waymark_insert_command_new_insert (tp, index),
                             journey);
  waymark_history_push_applied (history, group);
  waymark_item_unref (tp);
  return tp;
}

void
waymark_edits_set_channel (WaymarkHistory    *history,
                           WaymarkTouchpoint *touchpoint,
                           WaymarkChannel    *channel)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkTouchpoint *edited;
  WaymarkCommand *group;

  group = waymark_group_command_new (_("Set Channel"));
  add_channel_if_new (WAYMARK_GROUP_COMMAND (group), journey, channel);
  edited = waymark_item_copy (touchpoint);
  waymark_touchpoint_set_channel (edited, channel);
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                             waymark_edit_command_new (touchpoint, edited),
                             journey);
  waymark_history_push_applied (history, group);
}

WaymarkNote *
waymark_edits_add_note (WaymarkHistory *history,
                        WaymarkPhase   *phase,
                        WaymarkLane    *lane,
                        guint           position,
                        const char     *text)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  g_autofree char *id = NULL;
  WaymarkNote *note;
  WaymarkCommand *command;
  guint index;

  g_return_val_if_fail (lane->kind == WAYMARK_LANE_NOTES, NULL);

  id = waymark_journey_new_id (journey, WAYMARK_ITEM_NOTE);
  note = waymark_note_new (id, phase, lane, text);
  index = waymark_edits_cell_index (journey, WAYMARK_ITEM_NOTE, phase, lane, position, NULL);
  command = waymark_insert_command_new_insert (note, index);
  waymark_command_set_label (command, _("Add Note"));
  waymark_history_push (history, command);
  waymark_item_unref (note);
  return note;
}

static gpointer
copy_in_cell (gconstpointer  card,
              WaymarkPhase  *phase,
              WaymarkLane   *lane)
{
  gpointer copy = waymark_item_copy (card);

  if (waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT)
    {
      waymark_touchpoint_set_phase (copy, phase);
      waymark_touchpoint_set_lane (copy, lane);
    }
  else
    {
      waymark_note_set_phase (copy, phase);
      waymark_note_set_lane (copy, lane);
    }
  return copy;
}

gboolean
waymark_edits_move_cards (WaymarkHistory *history,
                          GPtrArray      *cards,
                          WaymarkPhase   *phase,
                          WaymarkLane    *lane,
                          guint           position)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  g_autoptr(GHashTable) moving = g_hash_table_new (NULL, NULL);
  g_autoptr(WaymarkCommand) group = NULL;
  gpointer anchor = NULL;
  WaymarkItemType type;

  g_return_val_if_fail (cards != NULL && cards->len > 0, FALSE);
  g_return_val_if_fail (waymark_lane_kind_holds_cards (lane->kind), FALSE);

  type = card_type_for_lane (lane);
  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);

      g_return_val_if_fail (waymark_item_get_item_type (card) == type, FALSE);
      g_hash_table_add (moving, card);
    }

  /* The cards go before the card now at @position among the others; find
   * it once, since every moved card shifts the positions. */
  {
    g_autoptr(GPtrArray) cell = waymark_journey_get_cell (journey, phase, lane);
    guint seen = 0;

    for (guint i = 0; i < cell->len && anchor == NULL; i++)
      {
        gpointer card = g_ptr_array_index (cell, i);

        if (g_hash_table_contains (moving, card))
          continue;
        if (seen++ == position)
          anchor = card;
      }
  }

  group = waymark_group_command_new (cards->len == 1 ? _("Move Card") : _("Move Cards"));

  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      WaymarkPhase *p = NULL;
      WaymarkLane *l = NULL;
      guint target;
      int now;

      waymark_describe_card_cell (card, &p, &l);
      if (p != phase || l != lane)
        waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                                   waymark_edit_command_new (card, copy_in_cell (card, phase, lane)),
                                   journey);
      if (anchor != NULL)
        {
          int a = waymark_journey_index_of (journey, anchor);
          now = waymark_journey_index_of (journey, card);
          target = (guint) (now < a ? a - 1 : a);
        }
      else
        {
          /* At the end of the cell: after the last card in it, which by now
           * includes the cards moved before this one. */
          target = waymark_edits_cell_index (journey, type, phase, lane, G_MAXUINT, card);
          now = waymark_journey_index_of (journey, card);
        }
      if ((guint) now != target)
        waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                                   waymark_move_command_new (card, target),
                                   journey);
    }

  if (waymark_group_command_get_length (WAYMARK_GROUP_COMMAND (group)) == 0)
    return FALSE;
  waymark_history_push_applied (history, g_steal_pointer (&group));
  return TRUE;
}

GPtrArray *
waymark_edits_duplicate (WaymarkHistory *history,
                         GPtrArray      *cards)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  GPtrArray *copies = g_ptr_array_new ();
  WaymarkCommand *group;

  group = waymark_group_command_new (_("Duplicate"));
  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      WaymarkItem *copy = waymark_item_copy (card);
      int index = waymark_journey_index_of (journey, card);

      g_free (copy->id);
      copy->id = waymark_journey_new_id (journey, copy->type);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                                 waymark_insert_command_new_insert (copy, (guint) index + 1),
                                 journey);
      g_ptr_array_add (copies, copy);
      waymark_item_unref (copy);
    }
  waymark_history_push_applied (history, group);
  return copies;
}

static void
collect_dependents (WaymarkJourney *journey,
                    gpointer        item,
                    GHashTable     *remove,
                    GPtrArray      *order)
{
  WaymarkItemType type = waymark_item_get_item_type (item);
  GPtrArray *list;

  if (g_hash_table_contains (remove, item))
    return;

  if (type == WAYMARK_ITEM_PHASE || type == WAYMARK_ITEM_LANE)
    {
      for (int t = WAYMARK_ITEM_TOUCHPOINT; t <= WAYMARK_ITEM_NOTE; t++)
        {
          list = waymark_journey_get_items (journey, t);
          for (guint i = 0; i < list->len; i++)
            {
              gpointer card = g_ptr_array_index (list, i);
              WaymarkPhase *p = NULL;
              WaymarkLane *l = NULL;

              waymark_describe_card_cell (card, &p, &l);
              if ((gpointer) p == item || (gpointer) l == item)
                collect_dependents (journey, card, remove, order);
            }
        }
    }
  else if (type == WAYMARK_ITEM_TOUCHPOINT)
    {
      list = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);
      for (guint i = 0; i < list->len; i++)
        {
          WaymarkLink *link = g_ptr_array_index (list, i);
          if ((gpointer) link->from == item || (gpointer) link->to == item)
            collect_dependents (journey, link, remove, order);
        }
    }
  g_hash_table_add (remove, item);
  g_ptr_array_add (order, item);
}

/* Whether @text, a value of the field personas, names the persona @id. */
static gboolean
persona_text_names (const char *text,
                    const char *id)
{
  gsize length = strlen (id);

  for (const char *line = text; line != NULL; line = strchr (line, '\n'))
    {
      if (*line == '\n')
        line++;
      if (strncmp (line, id, length) == 0 && (line[length] == ' ' || line[length] == '\n' || line[length] == '\0'))
        return TRUE;
    }
  return FALSE;
}

/* Whether @conflict names @item: it is about it, or one of its values
 * refers to it. */
static gboolean
conflict_names (const WaymarkConflict *conflict,
                gconstpointer          item)
{
  const char *id = waymark_item_get_id (item);
  gboolean references = conflict->kind == WAYMARK_CONFLICT_ORDER ||
                        conflict->field == WAYMARK_DIFF_FIELD_PHASE || conflict->field == WAYMARK_DIFF_FIELD_LANE ||
                        conflict->field == WAYMARK_DIFF_FIELD_CHANNEL || conflict->field == WAYMARK_DIFF_FIELD_FROM ||
                        conflict->field == WAYMARK_DIFF_FIELD_TO;

  if (g_strcmp0 (conflict->item, id) == 0)
    return TRUE;
  if (conflict->kind == WAYMARK_CONFLICT_FIELD && conflict->field == WAYMARK_DIFF_FIELD_PERSONAS)
    {
      /* Its values list personas, one a line, each by its id first. */
      for (int s = WAYMARK_CONFLICT_OURS; s < WAYMARK_CONFLICT_N_SIDES; s++)
        if (persona_text_names (conflict->values[s].text, id))
          return TRUE;
      return FALSE;
    }
  if (!references || conflict->kind == WAYMARK_CONFLICT_DELETED)
    return FALSE;
  /* The base's value is only a record: it may name what is gone. */
  for (int s = WAYMARK_CONFLICT_OURS; s < WAYMARK_CONFLICT_N_SIDES; s++)
    if (g_strcmp0 (conflict->values[s].text, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean add_taking (WaymarkJourney      *journey,
                            WaymarkCommand      *group,
                            WaymarkConflict     *conflict,
                            WaymarkConflictSide  side);

/* Whether @side's value of @conflict names one of @items. */
static gboolean
value_names_any (const WaymarkConflict *conflict,
                 WaymarkConflictSide    side,
                 GPtrArray             *items)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (conflict->values[side].text, waymark_item_get_id (g_ptr_array_index (items, i))) == 0)
      return TRUE;
  return FALSE;
}

/* A side that deletes something also had its way where its other
 * conflicts touch it: a card it put in another phase goes there rather
 * than away with this one, an item it put first stays first. */
static void
take_side_around (WaymarkJourney      *journey,
                  WaymarkCommand      *group,
                  GPtrArray           *items,
                  WaymarkConflictSide  side)
{
  g_autoptr(GHashTable) remove = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) taking = g_ptr_array_new ();
  GPtrArray *conflicts = waymark_journey_get_conflicts (journey);

  for (guint i = 0; i < items->len; i++)
    collect_dependents (journey, g_ptr_array_index (items, i), remove, order);
  for (guint c = 0; c < conflicts->len; c++)
    {
      WaymarkConflict *conflict = g_ptr_array_index (conflicts, c);
      gpointer item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
      gboolean named = FALSE;

      if (conflict->kind == WAYMARK_CONFLICT_DELETED || item == NULL ||
          g_ptr_array_find (items, item, NULL) || value_names_any (conflict, side, order))
        continue;
      for (guint i = 0; i < order->len && !named; i++)
        named = conflict_names (conflict, g_ptr_array_index (order, i));
      if (named)
        g_ptr_array_add (taking, conflict);
    }
  for (guint c = 0; c < taking->len; c++)
    if (add_taking (journey, group, g_ptr_array_index (taking, c), side))
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                                 waymark_conflict_command_new_resolve (g_ptr_array_index (taking, c)), journey);
}

/* Whether @tp uses @item, a channel or persona about to go. */
static gboolean
touchpoint_uses (const WaymarkTouchpoint *tp,
                 gconstpointer            item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_CHANNEL)
    return (gconstpointer) tp->channel == item;
  return waymark_touchpoint_get_persona_mark (tp, waymark_item_get_id (item)) != NULL;
}

/* Edits to the touchpoints that stay, so that none refers to a channel
 * or persona in @order (the items being deleted; @remove the same as a
 * set): one edit per touchpoint, whatever it loses. */
static void
add_unreferencing (WaymarkJourney *journey,
                   WaymarkCommand *group,
                   GPtrArray      *order,
                   GHashTable     *remove)
{
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();

  for (guint i = 0; i < order->len; i++)
    {
      WaymarkItemType type = waymark_item_get_item_type (g_ptr_array_index (order, i));

      if (type == WAYMARK_ITEM_CHANNEL || type == WAYMARK_ITEM_PERSONA)
        g_ptr_array_add (gone, g_ptr_array_index (order, i));
    }
  if (gone->len == 0)
    return;
  for (guint j = 0; j < tps->len; j++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (tps, j);
      WaymarkTouchpoint *copy = NULL;

      if (g_hash_table_contains (remove, tp))
        continue;
      for (guint i = 0; i < gone->len; i++)
        {
          gpointer item = g_ptr_array_index (gone, i);

          if (!touchpoint_uses (tp, item))
            continue;
          if (copy == NULL)
            copy = waymark_item_copy (tp);
          if (waymark_item_get_item_type (item) == WAYMARK_ITEM_CHANNEL)
            waymark_touchpoint_set_channel (copy, NULL);
          else
            waymark_touchpoint_unmark_persona (copy, waymark_item_get_id (item));
        }
      if (copy != NULL)
        waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_edit_command_new (tp, copy), journey);
    }
}

/* Adds to @group the deletion of @items and of what depends on them,
 * and settles the merge conflicts that name any of them; @side is the
 * side of a conflict whose resolution this is (else N_SIDES). */
static void
add_deletion (WaymarkJourney      *journey,
              WaymarkCommand      *group,
              GPtrArray           *items,
              WaymarkConflictSide  side)
{
  g_autoptr(GHashTable) remove = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) settled = g_ptr_array_new ();
  GPtrArray *conflicts;

  if (side < WAYMARK_CONFLICT_N_SIDES)
    take_side_around (journey, group, items, side);
  conflicts = waymark_journey_get_conflicts (journey);
  for (guint i = 0; i < items->len; i++)
    collect_dependents (journey, g_ptr_array_index (items, i), remove, order);

  /* Touchpoints that use a deleted channel, or are marked for a deleted
   * persona, keep everything else. */
  add_unreferencing (journey, group, order, remove);

  /* A conflict about something that is gone has nothing left to pick. */
  for (guint c = 0; c < conflicts->len; c++)
    for (guint i = 0; i < order->len; i++)
      if (conflict_names (g_ptr_array_index (conflicts, c), g_ptr_array_index (order, i)))
        {
          g_ptr_array_add (settled, g_ptr_array_index (conflicts, c));
          break;
        }
  for (guint c = 0; c < settled->len; c++)
    waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                               waymark_conflict_command_new_resolve (g_ptr_array_index (settled, c)),
                               journey);

  /* Dependents were collected before what they depend on. */
  for (guint i = 0; i < order->len; i++)
    waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                               waymark_insert_command_new_remove (g_ptr_array_index (order, i)),
                               journey);
}

void
waymark_edits_delete (WaymarkHistory *history,
                      GPtrArray      *items)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkCommand *group;

  if (items->len == 0)
    return;

  group = waymark_group_command_new (items->len == 1 ? _("Delete") : _("Delete Items"));
  add_deletion (journey, group, items, WAYMARK_CONFLICT_N_SIDES);
  waymark_history_push_applied (history, group);
}

void
waymark_edits_update (WaymarkHistory *history,
                      gpointer        item,
                      gpointer        edited,
                      const char     *merge_key)
{
  WaymarkCommand *command = waymark_edit_command_new (item, edited);

  if (merge_key)
    {
      g_autofree char *key = g_strconcat (merge_key, ":", waymark_item_get_id (item), NULL);
      waymark_command_set_merge_key (command, key);
    }
  waymark_command_set_label (command, _("Edit"));
  waymark_history_push (history, command);
}

guint
waymark_edits_count_dismissed (WaymarkJourney *journey)
{
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), 0);

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, type);

      for (guint i = 0; i < items->len; i++)
        {
          char **dismissed = WAYMARK_ITEM (g_ptr_array_index (items, i))->dismissed;

          if (dismissed != NULL)
            n += g_strv_length (dismissed);
        }
    }
  return n;
}

guint
waymark_edits_restore_dismissed (WaymarkHistory *history)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  g_autoptr(WaymarkCommand) group = waymark_group_command_new (_("Show Dismissed Findings Again"));
  guint n = 0;

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, type);

      /* Edits replace an item's contents, not the item: the array stays. */
      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);
          g_auto(GStrv) ids = g_strdupv (WAYMARK_ITEM (item)->dismissed);
          gpointer copy;

          if (ids == NULL)
            continue;
          copy = waymark_item_copy (item);
          for (guint j = 0; ids[j] != NULL; j++)
            waymark_item_set_dismissed (copy, ids[j], FALSE);
          n += g_strv_length (ids);
          waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_edit_command_new (item, copy), journey);
        }
    }
  if (n > 0)
    waymark_history_push_applied (history, g_steal_pointer (&group));
  return n;
}

gboolean
waymark_edits_vote (WaymarkHistory *history,
                    GPtrArray      *cards,
                    int             delta)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  g_autoptr(WaymarkCommand) group = NULL;

  g_return_val_if_fail (cards != NULL, FALSE);

  group = waymark_group_command_new (delta >= 0 ? _("Add Vote") : _("Remove Vote"));
  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      gint64 votes;
      gpointer copy;

      if (!waymark_describe_is_card (card))
        continue;
      votes = CLAMP ((gint64) waymark_votes_get (card) + delta, 0, WAYMARK_VOTES_MAX);
      if ((guint) votes == waymark_votes_get (card))
        continue;
      copy = waymark_item_copy (card);
      waymark_votes_set (copy, (guint) votes);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_edit_command_new (card, copy), journey);
    }
  if (waymark_group_command_get_length (WAYMARK_GROUP_COMMAND (group)) == 0)
    return FALSE;
  waymark_history_push_applied (history, g_steal_pointer (&group));
  return TRUE;
}

gpointer
waymark_edits_add_item (WaymarkHistory *history,
                        gpointer        item,
                        int             index)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkItemType type = waymark_item_get_item_type (item);
  WaymarkCommand *command;
  guint n = waymark_journey_get_n_items (journey, type);
  static const char *labels[] = {
    [WAYMARK_ITEM_PERSONA] = N_("Add Persona"),
    [WAYMARK_ITEM_PHASE] = N_("Add Phase"),
    [WAYMARK_ITEM_LANE] = N_("Add Lane"),
    [WAYMARK_ITEM_CHANNEL] = N_("Add Channel"),
  };

  g_return_val_if_fail (type <= WAYMARK_ITEM_CHANNEL, NULL);

  command = waymark_insert_command_new_insert (item, (index < 0 || (guint) index > n) ? n : (guint) index);
  waymark_command_set_label (command, _(labels[type]));
  waymark_history_push (history, command);
  return item;
}

gboolean
waymark_edits_move_item (WaymarkHistory *history,
                         gpointer        item,
                         guint           new_index)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkCommand *command;
  int index = waymark_journey_index_of (journey, item);

  g_return_val_if_fail (index >= 0, FALSE);
  if ((guint) index == new_index ||
      new_index >= waymark_journey_get_n_items (journey, waymark_item_get_item_type (item)))
    return FALSE;
  command = waymark_move_command_new (item, new_index);
  waymark_command_set_label (command, _("Reorder"));
  waymark_history_push (history, command);
  return TRUE;
}

WaymarkLink *
waymark_edits_link (WaymarkHistory    *history,
                    WaymarkTouchpoint *from,
                    WaymarkTouchpoint *to)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);
  g_autofree char *id = NULL;
  WaymarkCommand *command;
  WaymarkLink *link;

  if (from == to)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *l = g_ptr_array_index (links, i);
      if (l->from == from && l->to == to)
        return NULL;
    }
  id = waymark_journey_new_id (journey, WAYMARK_ITEM_LINK);
  link = waymark_link_new (id, from, to);
  command = waymark_insert_command_new_insert (link, links->len);
  waymark_command_set_label (command, _("Link Touchpoints"));
  waymark_history_push (history, command);
  waymark_item_unref (link);
  return link;
}

void
waymark_edits_set_text (WaymarkHistory      *history,
                        WaymarkJourneyField  field,
                        const char          *value)
{
  WaymarkCommand *command = waymark_property_command_new_text (field, value);
  char key[16];

  g_snprintf (key, sizeof key, "field:%d", field);
  waymark_command_set_merge_key (command, key);
  waymark_command_set_label (command, _("Edit Journey"));
  waymark_history_push (history, command);
}

void
waymark_edits_set_state (WaymarkHistory *history,
                         WaymarkState    state)
{
  WaymarkCommand *command = waymark_property_command_new_state (state);

  waymark_command_set_label (command, _("Change State"));
  waymark_history_push (history, command);
}

/* Where @item goes to come right after @before in its cell (cards) or
 * list: its new index in the journey's list, not counting itself. */
static guint
index_after (WaymarkJourney *journey,
             gpointer        item,
             gpointer        before)
{
  WaymarkItemType type = waymark_item_get_item_type (item);
  WaymarkPhase *phase;
  WaymarkLane *lane;
  int index;

  if (waymark_describe_card_cell (item, &phase, &lane))
    {
      g_autoptr(GPtrArray) cell = waymark_journey_get_cell (journey, phase, lane);
      guint position = 0;

      if (before != NULL && in_cell (before, phase, lane))
        for (guint i = 0; i < cell->len; i++)
          {
            gpointer card = g_ptr_array_index (cell, i);

            if (card == item)
              continue;
            position++;
            if (card == before)
              break;
          }
      return waymark_edits_cell_index (journey, type, phase, lane, position, item);
    }
  if (before == NULL)
    return 0;
  index = waymark_journey_index_of (journey, before);
  return (guint) (index < waymark_journey_index_of (journey, item) ? index + 1 : index);
}

/* Adds to @group what taking @side's value of @conflict (about a field
 * or an order) takes.  FALSE when that value cannot be taken. */
static gboolean
add_taking (WaymarkJourney      *journey,
            WaymarkCommand      *group,
            WaymarkConflict     *conflict,
            WaymarkConflictSide  side)
{
  gpointer item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;

  if (conflict->kind == WAYMARK_CONFLICT_ORDER)
    {
      gpointer before = waymark_journey_lookup (journey, conflict->values[side].text);
      guint target;

      g_return_val_if_fail (item != NULL, FALSE);
      target = index_after (journey, item, before);
      if ((int) target != waymark_journey_index_of (journey, item))
        waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_move_command_new (item, target), journey);
      return TRUE;
    }

  g_return_val_if_fail (conflict->kind == WAYMARK_CONFLICT_FIELD, FALSE);
  /* The base's value may name something that is gone. */
  if (!conflict->values[side].set ||
      !waymark_conflict_check_value (conflict, side, journey, conflict->values[side].text, NULL))
    return FALSE;
  if (item == NULL)
    {
      const char *value = conflict->values[side].text;
      WaymarkCommand *command;

      if (conflict->field == WAYMARK_DIFF_FIELD_STATE)
        {
          WaymarkState state = WAYMARK_STATE_AS_IS;

          waymark_state_from_nick (value, &state);
          command = waymark_property_command_new_state (state);
        }
      else
        command = waymark_property_command_new_text (conflict->field == WAYMARK_DIFF_FIELD_TITLE ? WAYMARK_FIELD_TITLE
                                                     : conflict->field == WAYMARK_DIFF_FIELD_SUBJECT ? WAYMARK_FIELD_SUBJECT
                                                     : WAYMARK_FIELD_GOAL, value);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), command, journey);
      return TRUE;
    }

  /* A lane keeps the kind its cards need. */
  if (conflict->field == WAYMARK_DIFF_FIELD_KIND)
    {
      WaymarkLaneKind kind;

      if (!waymark_lane_kind_from_nick (conflict->values[side].text, &kind) ||
          (kind != ((WaymarkLane *) item)->kind && lane_holds_cards (journey, item)))
        return FALSE;
    }
  {
    gpointer copy = waymark_item_copy (item);

    waymark_conflict_apply_value (conflict, side, journey, copy);
    waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_edit_command_new (item, copy), journey);
  }
  return TRUE;
}

gboolean
waymark_edits_resolve_conflict (WaymarkHistory      *history,
                                WaymarkConflict     *conflict,
                                WaymarkConflictSide  side)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  gpointer item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
  g_autoptr(WaymarkCommand) group = NULL;

  g_return_val_if_fail (waymark_journey_index_of_conflict (journey, conflict) >= 0, FALSE);
  g_return_val_if_fail (side < WAYMARK_CONFLICT_N_SIDES, FALSE);

  group = waymark_group_command_new (_("Resolve Conflict"));
  if (conflict->kind == WAYMARK_CONFLICT_DELETED)
    {
      if (side == conflict->deleted_by && item != NULL)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new ();

          /* Deleting it settles this conflict with the others about it. */
          g_ptr_array_add (items, item);
          add_deletion (journey, group, items, side);
          waymark_history_push_applied (history, g_steal_pointer (&group));
          return TRUE;
        }
    }
  else if (!add_taking (journey, group, conflict, side))
    return FALSE;

  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_conflict_command_new_resolve (conflict), journey);
  waymark_history_push_applied (history, g_steal_pointer (&group));
  return TRUE;
}

void
waymark_edits_keep_conflict (WaymarkHistory  *history,
                             WaymarkConflict *conflict)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkCommand *command;

  g_return_if_fail (waymark_journey_index_of_conflict (journey, conflict) >= 0);

  command = waymark_conflict_command_new_resolve (conflict);
  waymark_command_set_label (command, _("Resolve Conflict"));
  waymark_history_push (history, command);
}
