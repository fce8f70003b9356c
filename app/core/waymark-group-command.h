/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_GROUP_COMMAND (waymark_group_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkGroupCommand, waymark_group_command, WAYMARK, GROUP_COMMAND, WaymarkCommand)

/* Several commands that are one step for the user (a drag of three cards,
 * deleting a phase with its cards).  Applied in order, reverted backwards. */
WaymarkCommand *waymark_group_command_new        (const char *label);
/* Appends @command (takes ownership).  When @journey is not NULL the command
 * is applied at once, so later commands can be computed on its result. */
void            waymark_group_command_add        (WaymarkGroupCommand *self,
                                                  WaymarkCommand      *command,
                                                  WaymarkJourney      *journey);
guint           waymark_group_command_get_length (WaymarkGroupCommand *self);

G_END_DECLS
