/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"
#include "waymark-conflict.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CONFLICT_COMMAND (waymark_conflict_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkConflictCommand, waymark_conflict_command, WAYMARK, CONFLICT_COMMAND, WaymarkCommand)

/* Takes @conflict (one of the journey's) off the list of open conflicts:
 * it is resolved.  Undo puts it back in its place. */
WaymarkCommand *waymark_conflict_command_new_resolve (WaymarkConflict *conflict);

G_END_DECLS
