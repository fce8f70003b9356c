/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-move-command.h"

struct _WaymarkMoveCommand
{
  WaymarkCommand parent_instance;
  gpointer item;
  guint new_index;
  guint old_index;
};

G_DEFINE_FINAL_TYPE (WaymarkMoveCommand, waymark_move_command, WAYMARK_TYPE_COMMAND)

static void
waymark_move_command_apply (WaymarkCommand *command,
                            WaymarkJourney *journey)
{
  WaymarkMoveCommand *self = WAYMARK_MOVE_COMMAND (command);
  int index = waymark_journey_index_of (journey, self->item);

  g_assert (index >= 0);
  self->old_index = (guint) index;
  waymark_journey_move_item (journey, self->item, self->new_index);
}

static void
waymark_move_command_revert (WaymarkCommand *command,
                             WaymarkJourney *journey)
{
  WaymarkMoveCommand *self = WAYMARK_MOVE_COMMAND (command);

  waymark_journey_move_item (journey, self->item, self->old_index);
}

static void
waymark_move_command_finalize (GObject *object)
{
  WaymarkMoveCommand *self = WAYMARK_MOVE_COMMAND (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  G_OBJECT_CLASS (waymark_move_command_parent_class)->finalize (object);
}

static void
waymark_move_command_class_init (WaymarkMoveCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_move_command_finalize;
  command_class->apply = waymark_move_command_apply;
  command_class->revert = waymark_move_command_revert;
}

static void
waymark_move_command_init (WaymarkMoveCommand *self)
{
}

WaymarkCommand *
waymark_move_command_new (gpointer item,
                          guint    new_index)
{
  WaymarkMoveCommand *self = g_object_new (WAYMARK_TYPE_MOVE_COMMAND, NULL);

  self->item = waymark_item_ref (item);
  self->new_index = new_index;
  return WAYMARK_COMMAND (self);
}
