/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include <gio/gio.h>

/* The settings schema as compiled at build time (GSETTINGS_SCHEMA_DIR points
 * at it): the keys the application reads exist, with the defaults a new
 * user gets. */

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  if (schema == NULL)
    g_error ("schema %s not found in GSETTINGS_SCHEMA_DIR=%s", APP_ID,
             g_getenv ("GSETTINGS_SCHEMA_DIR"));
  return schema;
}

static void
assert_choices (GSettingsSchema    *schema,
                const char         *key,
                const char * const *expected)
{
  g_autoptr(GSettingsSchemaKey) schema_key = g_settings_schema_get_key (schema, key);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (schema_key);
  g_autoptr(GVariant) choices = NULL;
  g_autofree const char **values = NULL;
  const char *kind;

  g_variant_get (range, "(&sv)", &kind, &choices);
  g_assert_cmpstr (kind, ==, "enum");
  values = g_variant_get_strv (choices, NULL);
  g_assert_cmpstrv (values, expected);
}

static void
test_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *paper = g_settings_get_string (settings, "default-paper");
  g_autofree char *orientation = g_settings_get_string (settings, "default-orientation");
  g_autofree char *user_name = g_settings_get_string (settings, "user-name");
  g_autofree char *color_scheme = g_settings_get_string (settings, "color-scheme");
  g_autofree char *export_format = g_settings_get_string (settings, "recent-export-format");
  g_autofree char *template = g_settings_get_string (settings, "last-template");

  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/waymark/Waymark/");
  /* Never losing work is on out of the box, about 3 s after an edit. */
  g_assert_true (g_settings_get_boolean (settings, "autosave"));
  g_assert_cmpint (g_settings_get_int (settings, "autosave-delay-seconds"), ==, 3);
  /* A workshop wall poster, not a letter. */
  g_assert_cmpstr (paper, ==, "a3");
  g_assert_cmpstr (orientation, ==, "landscape");
  g_assert_cmpint (g_settings_get_int (settings, "export-dpi"), ==, 150);
  g_assert_cmpstr (export_format, ==, "pdf");
  /* Empty: the lock file shows g_get_real_name (). */
  g_assert_cmpstr (user_name, ==, "");
  g_assert_cmpstr (color_scheme, ==, "default");
  g_assert_cmpstr (template, ==, "");
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >=, 360);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >=, 294);
}

static void
test_choices (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  const char * const papers[] = { "a4", "a3", "a2", "a1", "a0", "letter", "tabloid", NULL };
  const char * const orientations[] = { "landscape", "portrait", NULL };
  const char * const schemes[] = { "default", "light", "dark", NULL };
  const char * const formats[] = { "pdf", "svg", "png", "csv", "mmd", "cjml", NULL };

  assert_choices (schema, "default-paper", papers);
  assert_choices (schema, "default-orientation", orientations);
  assert_choices (schema, "color-scheme", schemes);
  assert_choices (schema, "recent-export-format", formats);
}

static void
test_ranges (void)
{
  g_autoptr(GSettingsSchema) schema = lookup_schema ();
  g_autoptr(GSettingsSchemaKey) delay = g_settings_schema_get_key (schema, "autosave-delay-seconds");
  g_autoptr(GSettingsSchemaKey) dpi = g_settings_schema_get_key (schema, "export-dpi");
  g_autoptr(GVariant) zero = g_variant_ref_sink (g_variant_new_int32 (0));
  g_autoptr(GVariant) one = g_variant_ref_sink (g_variant_new_int32 (1));
  g_autoptr(GVariant) low_dpi = g_variant_ref_sink (g_variant_new_int32 (10));
  g_autoptr(GVariant) print_dpi = g_variant_ref_sink (g_variant_new_int32 (300));

  /* A zero delay would write the journal on every keystroke. */
  g_assert_false (g_settings_schema_key_range_check (delay, zero));
  g_assert_true (g_settings_schema_key_range_check (delay, one));
  g_assert_false (g_settings_schema_key_range_check (dpi, low_dpi));
  g_assert_true (g_settings_schema_key_range_check (dpi, print_dpi));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/choices", test_choices);
  g_test_add_func ("/settings/ranges", test_ranges);
  return g_test_run ();
}
