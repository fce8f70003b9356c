/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-conflict.h"
#include "waymark-id.h"
#include "waymark-journey.h"
#include "waymark-snapshot-private.h"

struct _WaymarkJourney
{
  GObject parent_instance;

  char *id;
  char *text[3];          /* WaymarkJourneyField */
  WaymarkState state;
  WaymarkForeign *foreign;

  GPtrArray *items[WAYMARK_N_ITEM_TYPES];
  GHashTable *by_id;      /* id → item (borrowed) */
  GPtrArray *conflicts;   /* WaymarkConflict */
  /* Saves and journal writes in progress (WaymarkSnapshot, borrowed):
   * told before an item changes in place. */
  GSList *snapshots;
};

G_DEFINE_FINAL_TYPE (WaymarkJourney, waymark_journey, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
waymark_journey_finalize (GObject *object)
{
  WaymarkJourney *self = WAYMARK_JOURNEY (object);

  /* Links and cards hold references to what they point at, so lists go in
   * reverse dependency order; the references make any order safe anyway. */
  for (int t = WAYMARK_N_ITEM_TYPES - 1; t >= 0; t--)
    g_clear_pointer (&self->items[t], g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_clear_pointer (&self->text[i], g_free);
  g_clear_pointer (&self->foreign, waymark_foreign_free);
  /* A snapshot holds a reference: none can be left. */
  g_warn_if_fail (self->snapshots == NULL);

  G_OBJECT_CLASS (waymark_journey_parent_class)->finalize (object);
}

static void
waymark_journey_class_init (WaymarkJourneyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_journey_finalize;

  /**
   * WaymarkJourney::changed:
   * @change: (type gpointer): the WaymarkChange, valid during the emission
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
waymark_journey_init (WaymarkJourney *self)
{
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    self->items[t] = g_ptr_array_new_with_free_func (waymark_item_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_conflict_free);
  self->state = WAYMARK_STATE_AS_IS;
}

WaymarkJourney *
waymark_journey_new (void)
{
  WaymarkJourney *self = g_object_new (WAYMARK_TYPE_JOURNEY, NULL);

  self->id = waymark_id_new ("j");
  return self;
}

static void
emit (WaymarkJourney    *self,
      WaymarkChangeKind  kind,
      gpointer           item,
      guint              index,
      guint              old_index)
{
  WaymarkChange change = { kind, item, index, old_index, NULL, NULL };

  g_signal_emit (self, signals[CHANGED], 0, &change);
}

const char *
waymark_journey_get_id (WaymarkJourney *self)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  return self->id;
}

void
waymark_journey_set_id (WaymarkJourney *self,
                        const char     *id)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
waymark_journey_get_text (WaymarkJourney      *self,
                          WaymarkJourneyField  field)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  g_return_val_if_fail (field < G_N_ELEMENTS (self->text), NULL);
  return self->text[field];
}

void
waymark_journey_set_text (WaymarkJourney      *self,
                          WaymarkJourneyField  field,
                          const char          *value)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  g_return_if_fail (field < G_N_ELEMENTS (self->text));

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[field], value) == 0)
    return;
  g_free (self->text[field]);
  self->text[field] = g_strdup (value);
  emit (self, WAYMARK_CHANGE_PROPERTIES, NULL, 0, 0);
}

WaymarkState
waymark_journey_get_state (WaymarkJourney *self)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), WAYMARK_STATE_AS_IS);
  return self->state;
}

void
waymark_journey_set_state (WaymarkJourney *self,
                           WaymarkState    state)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  if (self->state == state)
    return;
  self->state = state;
  emit (self, WAYMARK_CHANGE_PROPERTIES, NULL, 0, 0);
}

WaymarkForeign *
waymark_journey_get_foreign (WaymarkJourney *self)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  return self->foreign;
}

WaymarkForeign **
waymark_journey_get_foreign_slot (WaymarkJourney *self)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  return &self->foreign;
}

guint
waymark_journey_get_n_items (WaymarkJourney  *self,
                             WaymarkItemType  type)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), 0);
  g_return_val_if_fail (type < WAYMARK_N_ITEM_TYPES, 0);
  return self->items[type]->len;
}

gpointer
waymark_journey_get_item (WaymarkJourney  *self,
                          WaymarkItemType  type,
                          guint            index)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  g_return_val_if_fail (type < WAYMARK_N_ITEM_TYPES, NULL);
  g_return_val_if_fail (index < self->items[type]->len, NULL);
  return g_ptr_array_index (self->items[type], index);
}

GPtrArray *
waymark_journey_get_items (WaymarkJourney  *self,
                           WaymarkItemType  type)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  g_return_val_if_fail (type < WAYMARK_N_ITEM_TYPES, NULL);
  return self->items[type];
}

gpointer
waymark_journey_lookup (WaymarkJourney *self,
                        const char     *id)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

int
waymark_journey_index_of (WaymarkJourney *self,
                          gconstpointer   item)
{
  GPtrArray *items;
  guint index;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), -1);
  g_return_val_if_fail (item != NULL, -1);

  items = self->items[waymark_item_get_item_type (item)];
  if (!g_ptr_array_find (items, item, &index))
    return -1;
  return (int) index;
}

GPtrArray *
waymark_journey_get_cell (WaymarkJourney *self,
                          WaymarkPhase   *phase,
                          WaymarkLane    *lane)
{
  GPtrArray *cell = g_ptr_array_new ();
  GPtrArray *cards;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), cell);

  if (lane->kind == WAYMARK_LANE_TOUCHPOINTS)
    {
      cards = self->items[WAYMARK_ITEM_TOUCHPOINT];
      for (guint i = 0; i < cards->len; i++)
        {
          WaymarkTouchpoint *tp = g_ptr_array_index (cards, i);
          if (tp->phase == phase && tp->lane == lane)
            g_ptr_array_add (cell, tp);
        }
    }
  else if (lane->kind == WAYMARK_LANE_NOTES)
    {
      cards = self->items[WAYMARK_ITEM_NOTE];
      for (guint i = 0; i < cards->len; i++)
        {
          WaymarkNote *note = g_ptr_array_index (cards, i);
          if (note->phase == phase && note->lane == lane)
            g_ptr_array_add (cell, note);
        }
    }
  return cell;
}

char *
waymark_journey_new_id (WaymarkJourney  *self,
                        WaymarkItemType  type)
{
  const char *prefix = waymark_item_type_id_prefix (type);

  for (;;)
    {
      g_autofree char *id = waymark_id_new (prefix);
      if (!g_hash_table_contains (self->by_id, id) && g_strcmp0 (id, self->id) != 0)
        return g_steal_pointer (&id);
    }
}

gboolean
_waymark_journey_append_quiet (WaymarkJourney *self,
                               gpointer        item)
{
  WaymarkItem *it = item;

  /* g_hash_table_insert() would replace the value of a taken id before
   * reporting it, leaving the index pointing at the rejected item. */
  if (g_hash_table_contains (self->by_id, it->id))
    return FALSE;
  g_hash_table_insert (self->by_id, it->id, it);
  g_ptr_array_add (self->items[it->type], waymark_item_ref (item));
  return TRUE;
}

void
_waymark_journey_append_new (WaymarkJourney *self,
                             gpointer        item)
{
  WaymarkItem *it = item;

  /* No second lookup: a load hashes every id it meets, and this one has
   * been looked up already.  g_hash_table_insert() still tells. */
  if (!g_hash_table_insert (self->by_id, it->id, it))
    g_critical ("%s: the id '%s' was taken", G_STRFUNC, it->id);
  g_ptr_array_add (self->items[it->type], waymark_item_ref (item));
}

void
_waymark_journey_replace_quiet (WaymarkJourney *self,
                                guint           index,
                                gpointer        item)
{
  WaymarkItem *it = item;
  GPtrArray *items = self->items[it->type];
  WaymarkItem *old;

  g_return_if_fail (index < items->len);
  old = items->pdata[index];
  g_return_if_fail (g_strcmp0 (old->id, it->id) == 0);

  /* The index's key is the old item's id: replace it before that goes. */
  g_hash_table_replace (self->by_id, it->id, it);
  items->pdata[index] = waymark_item_ref (item);
  waymark_item_unref (old);
}

gboolean
waymark_journey_insert_item (WaymarkJourney *self,
                             gpointer        item,
                             int             index)
{
  WaymarkItem *it = item;
  GPtrArray *items;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (g_hash_table_contains (self->by_id, it->id))
    return FALSE;
  items = self->items[it->type];
  if (index < 0 || (guint) index > items->len)
    index = (int) items->len;
  g_hash_table_insert (self->by_id, it->id, it);
  g_ptr_array_insert (items, index, waymark_item_ref (item));
  emit (self, WAYMARK_CHANGE_INSERTED, item, (guint) index, (guint) index);
  return TRUE;
}

gpointer
waymark_journey_remove_item (WaymarkJourney *self,
                             gpointer        item)
{
  WaymarkItem *it = item;
  int index;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);

  index = waymark_journey_index_of (self, item);
  g_return_val_if_fail (index >= 0, NULL);

  for (GSList *l = self->snapshots; l != NULL; l = l->next)
    _waymark_snapshot_keep (l->data, item);
  g_hash_table_remove (self->by_id, it->id);
  g_ptr_array_steal_index (self->items[it->type], (guint) index);
  emit (self, WAYMARK_CHANGE_REMOVED, item, (guint) index, (guint) index);
  return item;
}

void
waymark_journey_move_item (WaymarkJourney *self,
                           gpointer        item,
                           guint           new_index)
{
  GPtrArray *items;
  int index;

  g_return_if_fail (WAYMARK_IS_JOURNEY (self));

  index = waymark_journey_index_of (self, item);
  g_return_if_fail (index >= 0);
  items = self->items[waymark_item_get_item_type (item)];
  g_return_if_fail (new_index < items->len);

  if ((guint) index == new_index)
    return;
  g_ptr_array_steal_index (items, (guint) index);
  g_ptr_array_insert (items, (int) new_index, item);
  emit (self, WAYMARK_CHANGE_MOVED, item, new_index, (guint) index);
}

void
waymark_journey_swap_item (WaymarkJourney *self,
                           gpointer        item,
                           gpointer        other)
{
  WaymarkChange change = { WAYMARK_CHANGE_EDITED, item, 0, 0, NULL, NULL };
  int index;
  /* Keep the old cell alive and known across the swap, for views. */
  g_autoptr(GPtrArray) hold = g_ptr_array_new_with_free_func (waymark_item_unref);

  g_return_if_fail (WAYMARK_IS_JOURNEY (self));

  index = waymark_journey_index_of (self, item);
  g_return_if_fail (index >= 0);

  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      change.old_phase = ((WaymarkTouchpoint *) item)->phase;
      change.old_lane = ((WaymarkTouchpoint *) item)->lane;
      break;
    case WAYMARK_ITEM_NOTE:
      change.old_phase = ((WaymarkNote *) item)->phase;
      change.old_lane = ((WaymarkNote *) item)->lane;
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      break;
    }
  if (change.old_phase)
    g_ptr_array_add (hold, waymark_item_ref (change.old_phase));
  if (change.old_lane)
    g_ptr_array_add (hold, waymark_item_ref (change.old_lane));

  for (GSList *l = self->snapshots; l != NULL; l = l->next)
    _waymark_snapshot_begin_change (l->data, item);
  waymark_item_swap_contents (item, other);
  for (GSList *l = self->snapshots; l != NULL; l = l->next)
    _waymark_snapshot_end_change (l->data);
  change.index = change.old_index = (guint) index;
  g_signal_emit (self, signals[CHANGED], 0, &change);
}

GPtrArray *
waymark_journey_get_conflicts (WaymarkJourney *self)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), NULL);
  return self->conflicts;
}

int
waymark_journey_index_of_conflict (WaymarkJourney *self,
                                   gconstpointer   conflict)
{
  guint index;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (self), -1);
  if (!g_ptr_array_find (self->conflicts, conflict, &index))
    return -1;
  return (int) index;
}

void
waymark_journey_insert_conflict (WaymarkJourney *self,
                                 gpointer        conflict,
                                 int             index)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  g_return_if_fail (conflict != NULL);

  if (index < 0 || (guint) index > self->conflicts->len)
    index = (int) self->conflicts->len;
  g_ptr_array_insert (self->conflicts, index, conflict);
  emit (self, WAYMARK_CHANGE_PROPERTIES, NULL, 0, 0);
}

void
waymark_journey_remove_conflict (WaymarkJourney *self,
                                 gpointer        conflict)
{
  guint index;

  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  g_return_if_fail (g_ptr_array_find (self->conflicts, conflict, &index));

  g_ptr_array_steal_index (self->conflicts, index);
  emit (self, WAYMARK_CHANGE_PROPERTIES, NULL, 0, 0);
}

void
_waymark_journey_append_conflict (WaymarkJourney *self,
                                  gpointer        conflict)
{
  g_ptr_array_add (self->conflicts, conflict);
}

void
waymark_journey_emit_reloaded (WaymarkJourney *self)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  emit (self, WAYMARK_CHANGE_RELOADED, NULL, 0, 0);
}

void
_waymark_journey_add_snapshot (WaymarkJourney  *self,
                               WaymarkSnapshot *snapshot)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  /* Always locked in the same order (newest first), so that two writers
   * and a change never wait for each other in a circle. */
  self->snapshots = g_slist_prepend (self->snapshots, snapshot);
}

void
_waymark_journey_remove_snapshot (WaymarkJourney  *self,
                                  WaymarkSnapshot *snapshot)
{
  g_return_if_fail (WAYMARK_IS_JOURNEY (self));
  self->snapshots = g_slist_remove (self->snapshots, snapshot);
}
