/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INSERT_COMMAND (waymark_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkInsertCommand, waymark_insert_command, WAYMARK, INSERT_COMMAND, WaymarkCommand)

/* Adds an item at a position of its list, or (the inverse) removes it.
 * The item keeps its identity across undo and redo. */
WaymarkCommand *waymark_insert_command_new_insert (gpointer item, guint index);
WaymarkCommand *waymark_insert_command_new_remove (gpointer item);

G_END_DECLS
