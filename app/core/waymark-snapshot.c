/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-conflict.h"
#include "waymark-snapshot-private.h"

WaymarkSnapshot *
waymark_snapshot_new (WaymarkJourney *journey)
{
  WaymarkSnapshot *self;
  GPtrArray *conflicts;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_new0 (WaymarkSnapshot, 1);
  self->journey = g_object_ref (journey);
  self->id = g_strdup (waymark_journey_get_id (journey));
  self->text[WAYMARK_FIELD_TITLE] = g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE));
  self->text[WAYMARK_FIELD_SUBJECT] = g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_SUBJECT));
  self->text[WAYMARK_FIELD_GOAL] = g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL));
  self->state = waymark_journey_get_state (journey);
  self->foreign = waymark_journey_get_foreign (journey);
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, t);

      /* One memcpy of the pointers, no item touched: a reference on
       * each (a cache miss each) made 100,000 cards cost 20 ms.  The
       * journey's own references keep them alive instead, and an item it
       * lets go of while the snapshot lives is kept here
       * (_waymark_snapshot_keep ()). */
      self->items[t] = g_ptr_array_sized_new (items->len);
      g_ptr_array_set_size (self->items[t], (int) items->len);
      if (items->len > 0)
        memcpy (self->items[t]->pdata, items->pdata, items->len * sizeof (gpointer));
    }
  /* Conflicts are few, and a command that takes one off the list may
   * free it while the snapshot is written. */
  conflicts = waymark_journey_get_conflicts (journey);
  self->conflicts = g_ptr_array_new_full (conflicts->len, (GDestroyNotify) waymark_conflict_free);
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (self->conflicts, waymark_conflict_copy (conflicts->pdata[i]));
  g_mutex_init (&self->lock);
  self->preserved = g_hash_table_new_full (NULL, NULL, NULL, waymark_item_unref);
  self->kept = g_ptr_array_new_with_free_func (waymark_item_unref);
  _waymark_journey_add_snapshot (journey, self);
  return self;
}

void
waymark_snapshot_free (WaymarkSnapshot *self)
{
  if (self == NULL)
    return;
  _waymark_journey_remove_snapshot (self->journey, self);
  g_clear_pointer (&self->preserved, g_hash_table_unref);
  g_clear_pointer (&self->kept, g_ptr_array_unref);
  g_mutex_clear (&self->lock);
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    g_clear_pointer (&self->items[t], g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);
  g_free (self->id);
  g_clear_object (&self->journey);
  g_free (self);
}

guint
waymark_snapshot_get_n_preserved (WaymarkSnapshot *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = g_hash_table_size (self->preserved);
  g_mutex_unlock (&self->lock);
  return n;
}

void
_waymark_snapshot_begin_change (WaymarkSnapshot *self,
                                gpointer         item)
{
  g_mutex_lock (&self->lock);
  /* The first change is the one that matters: the copy is the item as
   * the snapshot saw it.  An item the snapshot does not hold (inserted
   * since) gets a copy no one asks for, which costs less than finding
   * out; it cannot be mistaken for one of ours, whose references keep
   * their addresses taken. */
  if (!g_hash_table_contains (self->preserved, item))
    g_hash_table_insert (self->preserved, item, waymark_item_copy (item));
}

void
_waymark_snapshot_end_change (WaymarkSnapshot *self)
{
  g_mutex_unlock (&self->lock);
}

void
_waymark_snapshot_keep (WaymarkSnapshot *self,
                        gpointer         item)
{
  /* Only this thread looks at @kept: no lock. */
  g_ptr_array_add (self->kept, waymark_item_ref (item));
}

gconstpointer
_waymark_snapshot_lock_item (WaymarkSnapshot *self,
                             WaymarkItemType  type,
                             guint            index)
{
  gpointer item = self->items[type]->pdata[index];
  gpointer copy;

  g_mutex_lock (&self->lock);
  copy = g_hash_table_lookup (self->preserved, item);
  return copy != NULL ? copy : item;
}

void
_waymark_snapshot_release_item (WaymarkSnapshot *self)
{
  g_mutex_unlock (&self->lock);
}
