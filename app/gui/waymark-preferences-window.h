/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_PREFERENCES_WINDOW (waymark_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPreferencesWindow, waymark_preferences_window, WAYMARK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The Preferences window: the name teammates see in lock files, the
 * style, the recovery journal, and the defaults of printing and export.
 * Every control is bound to its key of @settings: a change shows and
 * applies at once, in both directions. */
GtkWidget *waymark_preferences_window_new         (GSettings                *settings);
/* The control that edits @key (a GtkEntry, GtkSwitch, GtkSpinButton or
 * AdwComboRow), for tests and keyboard focus; NULL for other keys. */
GtkWidget *waymark_preferences_window_get_control (WaymarkPreferencesWindow *self,
                                                   const char               *key);

G_END_DECLS
