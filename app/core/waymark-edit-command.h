/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_EDIT_COMMAND (waymark_edit_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkEditCommand, waymark_edit_command, WAYMARK, EDIT_COMMAND, WaymarkCommand)

/* Replaces the contents of @item with those of @edited, a changed copy of
 * it (waymark_item_copy, then change fields).  Takes ownership of @edited.
 * Applying and reverting both exchange contents, so views keep valid
 * pointers and a card's cell change is one edit. */
WaymarkCommand *waymark_edit_command_new (gpointer item, gpointer edited);

G_END_DECLS
