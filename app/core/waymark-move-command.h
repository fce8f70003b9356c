/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_MOVE_COMMAND (waymark_move_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkMoveCommand, waymark_move_command, WAYMARK, MOVE_COMMAND, WaymarkCommand)

/* Moves @item to @new_index of its list (phase and lane order, the order
 * of cards in their cells). */
WaymarkCommand *waymark_move_command_new (gpointer item, guint new_index);

G_END_DECLS
