/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-document.h"
#include "waymark-preferences.h"
#include "waymark-preferences-window.h"

GSettings *
waymark_preferences_get_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  /* g_settings_new() would abort without the schema. */
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

void
waymark_preferences_rule_settings (GSettings           *settings,
                                   WaymarkRuleSettings *rule_settings)
{
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (rule_settings != NULL);

  waymark_rule_settings_init (rule_settings);
  if (settings == NULL)
    return;
  rule_settings->negative_emotion = g_settings_get_int (settings, "finding-negative-emotion");
  rule_settings->emotion_drop = g_settings_get_int (settings, "finding-emotion-drop");
  rule_settings->silo_owners = (guint) MAX (g_settings_get_int (settings, "finding-silo-owners"), 2);
}

AdwColorScheme
waymark_preferences_color_scheme (const char *nick)
{
  /* FORCE_*: the user asked for this style whatever the system prefers. */
  if (g_strcmp0 (nick, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (nick, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

guint
waymark_preferences_recovery_delay (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), 0);

  if (settings == NULL)
    return WAYMARK_DOCUMENT_RECOVERY_DELAY;
  if (!g_settings_get_boolean (settings, "autosave"))
    return 0;
  /* The schema's range is 1 … 60; a value from an older schema may not be. */
  return (guint) CLAMP (g_settings_get_int (settings, "autosave-delay-seconds"), 1, 60);
}

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  g_value_set_enum (value, waymark_preferences_color_scheme (g_variant_get_string (variant, NULL)));
  return TRUE;
}

void
waymark_preferences_bind_style (GSettings       *settings,
                                AdwStyleManager *manager)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_STYLE_MANAGER (manager));

  /* GET only: the style manager's scheme is ours to set, never to save. */
  g_settings_bind_with_mapping (settings, "color-scheme", manager, "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_get_mapping, NULL, NULL, NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  GSettings *settings = g_object_get_data (G_OBJECT (app), "waymark-settings");
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkWidget *window;

  /* One Preferences window: the settings are the application's. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (WAYMARK_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  window = waymark_preferences_window_new (settings);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_application (GTK_WINDOW (window), app);
  gtk_window_present (GTK_WINDOW (window));
}

void
waymark_preferences_install (GtkApplication *app)
{
  static const char *accels[] = { "<Control>comma", NULL };
  g_autoptr(GSimpleAction) action = g_simple_action_new ("preferences", NULL);
  GSettings *settings = waymark_preferences_get_settings ();

  g_return_if_fail (GTK_IS_APPLICATION (app));

  g_signal_connect (action, "activate", G_CALLBACK (preferences_activated), app);
  g_simple_action_set_enabled (action, settings != NULL);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));
  gtk_application_set_accels_for_action (app, "app.preferences", accels);

  if (settings == NULL)
    return;
  waymark_preferences_bind_style (settings, adw_style_manager_get_default ());
  g_object_set_data_full (G_OBJECT (app), "waymark-settings", settings, g_object_unref);
}
