/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PROPERTY_COMMAND (waymark_property_command_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPropertyCommand, waymark_property_command, WAYMARK, PROPERTY_COMMAND, WaymarkCommand)

/* Changes the journey's title, subject or goal (typing in one of them
 * merges into one undo step), or its state. */
WaymarkCommand *waymark_property_command_new_text  (WaymarkJourneyField field, const char *value);
WaymarkCommand *waymark_property_command_new_state (WaymarkState state);

G_END_DECLS
