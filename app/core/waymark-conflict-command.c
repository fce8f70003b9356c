/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-conflict-command.h"

struct _WaymarkConflictCommand
{
  WaymarkCommand parent_instance;
  WaymarkConflict *conflict;   /* the journey's while open; ours while resolved */
  int index;
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (WaymarkConflictCommand, waymark_conflict_command, WAYMARK_TYPE_COMMAND)

static void
waymark_conflict_command_apply (WaymarkCommand *command,
                                WaymarkJourney *journey)
{
  WaymarkConflictCommand *self = WAYMARK_CONFLICT_COMMAND (command);

  /* Remember the place, so that undo puts it back there. */
  self->index = waymark_journey_index_of_conflict (journey, self->conflict);
  g_assert (self->index >= 0);
  waymark_journey_remove_conflict (journey, self->conflict);
  self->resolved = TRUE;
}

static void
waymark_conflict_command_revert (WaymarkCommand *command,
                                 WaymarkJourney *journey)
{
  WaymarkConflictCommand *self = WAYMARK_CONFLICT_COMMAND (command);

  waymark_journey_insert_conflict (journey, self->conflict, self->index);
  self->resolved = FALSE;
}

static void
waymark_conflict_command_finalize (GObject *object)
{
  WaymarkConflictCommand *self = WAYMARK_CONFLICT_COMMAND (object);

  if (self->resolved)
    waymark_conflict_free (self->conflict);
  G_OBJECT_CLASS (waymark_conflict_command_parent_class)->finalize (object);
}

static void
waymark_conflict_command_class_init (WaymarkConflictCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_conflict_command_finalize;
  command_class->apply = waymark_conflict_command_apply;
  command_class->revert = waymark_conflict_command_revert;
}

static void
waymark_conflict_command_init (WaymarkConflictCommand *self)
{
}

WaymarkCommand *
waymark_conflict_command_new_resolve (WaymarkConflict *conflict)
{
  WaymarkConflictCommand *self = g_object_new (WAYMARK_TYPE_CONFLICT_COMMAND, NULL);

  self->conflict = conflict;
  return WAYMARK_COMMAND (self);
}
