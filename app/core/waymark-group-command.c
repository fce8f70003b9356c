/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-group-command.h"

struct _WaymarkGroupCommand
{
  WaymarkCommand parent_instance;
  GPtrArray *commands;
};

G_DEFINE_FINAL_TYPE (WaymarkGroupCommand, waymark_group_command, WAYMARK_TYPE_COMMAND)

static void
waymark_group_command_apply (WaymarkCommand *command,
                             WaymarkJourney *journey)
{
  WaymarkGroupCommand *self = WAYMARK_GROUP_COMMAND (command);

  for (guint i = 0; i < self->commands->len; i++)
    waymark_command_apply (g_ptr_array_index (self->commands, i), journey);
}

static void
waymark_group_command_revert (WaymarkCommand *command,
                              WaymarkJourney *journey)
{
  WaymarkGroupCommand *self = WAYMARK_GROUP_COMMAND (command);

  for (guint i = self->commands->len; i > 0; i--)
    waymark_command_revert (g_ptr_array_index (self->commands, i - 1), journey);
}

static void
waymark_group_command_finalize (GObject *object)
{
  WaymarkGroupCommand *self = WAYMARK_GROUP_COMMAND (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);
  G_OBJECT_CLASS (waymark_group_command_parent_class)->finalize (object);
}

static void
waymark_group_command_class_init (WaymarkGroupCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_group_command_finalize;
  command_class->apply = waymark_group_command_apply;
  command_class->revert = waymark_group_command_revert;
}

static void
waymark_group_command_init (WaymarkGroupCommand *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

WaymarkCommand *
waymark_group_command_new (const char *label)
{
  WaymarkCommand *self = g_object_new (WAYMARK_TYPE_GROUP_COMMAND, NULL);

  waymark_command_set_label (self, label);
  return self;
}

void
waymark_group_command_add (WaymarkGroupCommand *self,
                           WaymarkCommand      *command,
                           WaymarkJourney      *journey)
{
  g_return_if_fail (WAYMARK_IS_GROUP_COMMAND (self));
  g_return_if_fail (WAYMARK_IS_COMMAND (command));

  if (journey)
    waymark_command_apply (command, journey);
  g_ptr_array_add (self->commands, command);
}

guint
waymark_group_command_get_length (WaymarkGroupCommand *self)
{
  g_return_val_if_fail (WAYMARK_IS_GROUP_COMMAND (self), 0);
  return self->commands->len;
}
