/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-rules.h"

G_BEGIN_DECLS

/* The application's settings (the io.github.waymark.Waymark schema), or
 * NULL when the schema is not installed: an uninstalled build then runs
 * with its defaults and offers no Preferences window. */
GSettings      *waymark_preferences_get_settings     (void);

/* The style of a "color-scheme" keyword: "default" follows the system,
 * "light" and "dark" force one.  Unknown keywords follow the system. */
AdwColorScheme  waymark_preferences_color_scheme     (const char *nick);

/* Seconds of quiet after an edit before a document writes its recovery
 * journal: the "autosave-delay-seconds" key, or 0 when "autosave" is off
 * (no journal).  @settings may be NULL: the built-in default then. */
guint           waymark_preferences_recovery_delay   (GSettings *settings);

/* The thresholds of the weak-spot rules: the "finding-*" keys, or the
 * built-in defaults when @settings is NULL. */
void            waymark_preferences_rule_settings    (GSettings           *settings,
                                                      WaymarkRuleSettings *rule_settings);

/* Applies the "color-scheme" key to @manager now and whenever it changes. */
void            waymark_preferences_bind_style       (GSettings       *settings,
                                                      AdwStyleManager *manager);

/* For the application's startup: the app.preferences action (Ctrl+comma),
 * which opens the Preferences window, and the color scheme. */
void            waymark_preferences_install          (GtkApplication *app);

G_END_DECLS
