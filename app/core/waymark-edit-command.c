/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-edit-command.h"
#include "waymark-text-limit.h"

struct _WaymarkEditCommand
{
  WaymarkCommand parent_instance;
  gpointer item;
  gpointer other;   /* the contents the item does not have right now */
};

G_DEFINE_FINAL_TYPE (WaymarkEditCommand, waymark_edit_command, WAYMARK_TYPE_COMMAND)

static void
waymark_edit_command_swap (WaymarkCommand *command,
                           WaymarkJourney *journey)
{
  WaymarkEditCommand *self = WAYMARK_EDIT_COMMAND (command);

  waymark_journey_swap_item (journey, self->item, self->other);
}

static gboolean
waymark_edit_command_merge (WaymarkCommand *command,
                            WaymarkCommand *next_command)
{
  WaymarkEditCommand *self = WAYMARK_EDIT_COMMAND (command);
  WaymarkEditCommand *next = WAYMARK_EDIT_COMMAND (next_command);

  /* Both are applied: the item holds the newest contents and self->other
   * the contents before the first edit, which is what undo must restore.
   * next->other (the intermediate state) is simply dropped. */
  return self->item == next->item;
}

static void
waymark_edit_command_finalize (GObject *object)
{
  WaymarkEditCommand *self = WAYMARK_EDIT_COMMAND (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  g_clear_pointer (&self->other, waymark_item_unref);
  G_OBJECT_CLASS (waymark_edit_command_parent_class)->finalize (object);
}

static void
waymark_edit_command_class_init (WaymarkEditCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_edit_command_finalize;
  command_class->apply = waymark_edit_command_swap;
  command_class->revert = waymark_edit_command_swap;
  command_class->merge = waymark_edit_command_merge;
}

static void
waymark_edit_command_init (WaymarkEditCommand *self)
{
}

WaymarkCommand *
waymark_edit_command_new (gpointer item,
                          gpointer edited)
{
  WaymarkEditCommand *self;

  g_return_val_if_fail (item != NULL && edited != NULL, NULL);
  g_return_val_if_fail (waymark_item_get_item_type (item) == waymark_item_get_item_type (edited), NULL);

  /* Whatever a view let through, the map keeps only what a file may
   * hold, so every map saved opens again. */
  waymark_text_limit_cut_item (edited);
  self = g_object_new (WAYMARK_TYPE_EDIT_COMMAND, NULL);
  self->item = waymark_item_ref (item);
  self->other = edited;
  return WAYMARK_COMMAND (self);
}
