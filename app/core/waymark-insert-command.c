/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-insert-command.h"
#include "waymark-text-limit.h"

struct _WaymarkInsertCommand
{
  WaymarkCommand parent_instance;
  gpointer item;
  guint index;        /* where the item is when it is in the journey */
  gboolean removing;
};

G_DEFINE_FINAL_TYPE (WaymarkInsertCommand, waymark_insert_command, WAYMARK_TYPE_COMMAND)

static void
insert (WaymarkInsertCommand *self,
        WaymarkJourney       *journey)
{
  gboolean inserted = waymark_journey_insert_item (journey, self->item, (int) self->index);

  g_assert (inserted);
}

static void
remove_item (WaymarkInsertCommand *self,
             WaymarkJourney       *journey)
{
  int index = waymark_journey_index_of (journey, self->item);

  g_assert (index >= 0);
  /* Remember where it was, so that undo puts it back in the same place. */
  self->index = (guint) index;
  waymark_item_unref (waymark_journey_remove_item (journey, self->item));
}

static void
waymark_insert_command_apply (WaymarkCommand *command,
                              WaymarkJourney *journey)
{
  WaymarkInsertCommand *self = WAYMARK_INSERT_COMMAND (command);

  if (self->removing)
    remove_item (self, journey);
  else
    insert (self, journey);
}

static void
waymark_insert_command_revert (WaymarkCommand *command,
                               WaymarkJourney *journey)
{
  WaymarkInsertCommand *self = WAYMARK_INSERT_COMMAND (command);

  if (self->removing)
    insert (self, journey);
  else
    remove_item (self, journey);
}

static void
waymark_insert_command_finalize (GObject *object)
{
  WaymarkInsertCommand *self = WAYMARK_INSERT_COMMAND (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  G_OBJECT_CLASS (waymark_insert_command_parent_class)->finalize (object);
}

static void
waymark_insert_command_class_init (WaymarkInsertCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_insert_command_finalize;
  command_class->apply = waymark_insert_command_apply;
  command_class->revert = waymark_insert_command_revert;
}

static void
waymark_insert_command_init (WaymarkInsertCommand *self)
{
}

WaymarkCommand *
waymark_insert_command_new_insert (gpointer item,
                                   guint    index)
{
  WaymarkInsertCommand *self = g_object_new (WAYMARK_TYPE_INSERT_COMMAND, NULL);

  /* A new item is not in the map yet: it enters it within the limits a
   * file has (an item read from a file already is). */
  waymark_text_limit_cut_item (item);
  self->item = waymark_item_ref (item);
  self->index = index;
  return WAYMARK_COMMAND (self);
}

WaymarkCommand *
waymark_insert_command_new_remove (gpointer item)
{
  WaymarkInsertCommand *self = g_object_new (WAYMARK_TYPE_INSERT_COMMAND, NULL);

  self->item = waymark_item_ref (item);
  self->removing = TRUE;
  return WAYMARK_COMMAND (self);
}
