/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-document-tab.h"
#include "waymark-preferences.h"
#include "waymark-preferences-window.h"

typedef struct {
  GSettings                *settings;
  WaymarkPreferencesWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->settings = waymark_preferences_get_settings ();
  /* The meson test points GSETTINGS_SCHEMA_DIR at the compiled schema. */
  g_assert_nonnull (f->settings);
  /* The memory backend keeps values between tests of one run. */
  g_settings_delay (f->settings);
  g_settings_revert (f->settings);
  g_settings_apply (f->settings);
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (f->settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (f->settings, keys[i]);
  }
  f->window = WAYMARK_PREFERENCES_WINDOW (waymark_preferences_window_new (f->settings));
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_test_iterate ();
  g_clear_object (&f->settings);
}

static GtkWidget *
control (Fixture    *f,
         const char *key)
{
  GtkWidget *widget = waymark_preferences_window_get_control (f->window, key);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_user_name (Fixture       *f,
                gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (control (f, "user-name"));
  const char *placeholder = gtk_entry_get_placeholder_text (GTK_ENTRY (entry));

  /* Empty means the account's name, which the field shows as a hint. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_nonnull (placeholder);
  g_assert_cmpstr (placeholder, !=, "");

  gtk_editable_set_text (entry, "Kim (Service)");
  g_assert_cmpstr (g_settings_get_string (f->settings, "user-name"), ==, "Kim (Service)");
  g_settings_set_string (f->settings, "user-name", "Alex");
  gui_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Alex");
}

static void
test_recovery (Fixture       *f,
               gconstpointer  data)
{
  GtkSwitch *toggle = GTK_SWITCH (control (f, "autosave"));
  GtkSpinButton *delay = GTK_SPIN_BUTTON (control (f, "autosave-delay-seconds"));
  GtkWidget *delay_row = gtk_widget_get_ancestor (GTK_WIDGET (delay), ADW_TYPE_ACTION_ROW);

  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (delay), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (delay_row));

  g_assert_cmpuint (waymark_preferences_recovery_delay (f->settings), ==, 3);
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (g_settings_get_boolean (f->settings, "autosave"));
  /* What a document is told: no journal at all. */
  g_assert_cmpuint (waymark_preferences_recovery_delay (f->settings), ==, 0);
  /* No journal, no delay to choose. */
  g_assert_false (gtk_widget_get_sensitive (delay_row));

  gtk_spin_button_set_value (delay, 10);
  g_assert_cmpint (g_settings_get_int (f->settings, "autosave-delay-seconds"), ==, 10);
  g_settings_set_int (f->settings, "autosave-delay-seconds", 30);
  g_settings_set_boolean (f->settings, "autosave", TRUE);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_preferences_recovery_delay (f->settings), ==, 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (delay), ==, 30);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (gtk_widget_get_sensitive (delay_row));
}

static void
test_export_defaults (Fixture       *f,
                      gconstpointer  data)
{
  AdwComboRow *paper = ADW_COMBO_ROW (control (f, "default-paper"));
  AdwComboRow *orientation = ADW_COMBO_ROW (control (f, "default-orientation"));
  GtkSpinButton *dpi = GTK_SPIN_BUTTON (control (f, "export-dpi"));
  g_autofree char *paper_nick = NULL;
  g_autofree char *orientation_nick = NULL;
  g_autoptr(GtkStringObject) shown = NULL;

  /* The defaults: A3 landscape, 150 dpi. */
  shown = g_list_model_get_item (adw_combo_row_get_model (paper), adw_combo_row_get_selected (paper));
  g_assert_nonnull (strstr (gtk_string_object_get_string (shown), "A3"));
  g_assert_cmpuint (adw_combo_row_get_selected (orientation), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dpi), ==, 150);

  adw_combo_row_set_selected (paper, 0);
  paper_nick = g_settings_get_string (f->settings, "default-paper");
  g_assert_cmpstr (paper_nick, ==, "a4");
  adw_combo_row_set_selected (orientation, 1);
  orientation_nick = g_settings_get_string (f->settings, "default-orientation");
  g_assert_cmpstr (orientation_nick, ==, "portrait");
  gtk_spin_button_set_value (dpi, 300);
  g_assert_cmpint (g_settings_get_int (f->settings, "export-dpi"), ==, 300);

  g_settings_set_string (f->settings, "default-paper", "letter");
  g_settings_set_string (f->settings, "default-orientation", "landscape");
  g_settings_set_int (f->settings, "export-dpi", 600);
  gui_test_iterate ();
  g_clear_object (&shown);
  shown = g_list_model_get_item (adw_combo_row_get_model (paper), adw_combo_row_get_selected (paper));
  g_assert_nonnull (strstr (gtk_string_object_get_string (shown), "Letter"));
  g_assert_cmpuint (adw_combo_row_get_selected (orientation), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dpi), ==, 600);
}

static void
test_color_scheme (Fixture       *f,
                   gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (control (f, "color-scheme"));
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *nick = NULL;

  g_assert_cmpint (waymark_preferences_color_scheme ("default"), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpint (waymark_preferences_color_scheme ("light"), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (waymark_preferences_color_scheme ("dark"), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (waymark_preferences_color_scheme ("purple"), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* As the application does at startup. */
  waymark_preferences_bind_style (f->settings, manager);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* Choosing "Dark" saves the key and applies at once. */
  adw_combo_row_set_selected (row, 2);
  nick = g_settings_get_string (f->settings, "color-scheme");
  g_assert_cmpstr (nick, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));

  /* A change of the key elsewhere shows in the window and applies. */
  g_settings_set_string (f->settings, "color-scheme", "light");
  gui_test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  g_settings_reset (f->settings, "color-scheme");
  gui_test_iterate ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* An open map follows the recovery journal's settings, live. */
static void
test_open_map_follows_recovery (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(WaymarkDocument) document = waymark_document_new (journey);
  WaymarkDocumentTab *tab = g_object_ref_sink (waymark_document_tab_new (document));
  /* Not the fixture's: that one holds its changes until applied. */
  g_autoptr(GSettings) settings = waymark_preferences_get_settings ();

  g_assert_cmpuint (waymark_document_get_recovery_delay (document), ==, WAYMARK_DOCUMENT_RECOVERY_DELAY);
  g_settings_set_int (settings, "autosave-delay-seconds", 10);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_document_get_recovery_delay (document), ==, 10);
  g_settings_set_boolean (settings, "autosave", FALSE);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_document_get_recovery_delay (document), ==, 0);
  g_settings_set_boolean (settings, "autosave", TRUE);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_document_get_recovery_delay (document), ==, 10);
  g_object_unref (tab);

  /* A tab gone no longer listens. */
  g_settings_set_int (settings, "autosave-delay-seconds", 5);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_document_get_recovery_delay (document), ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

#define ADD(path, func) g_test_add ("/preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("user-name", test_user_name);
  ADD ("recovery", test_recovery);
  ADD ("export-defaults", test_export_defaults);
  ADD ("color-scheme", test_color_scheme);
  ADD ("open-map-follows-recovery", test_open_map_follows_recovery);
#undef ADD

  return g_test_run ();
}
