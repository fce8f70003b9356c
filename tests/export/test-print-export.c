/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-print-export"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "waymark-export-dialog.h"
#include "waymark-file-launcher.h"
#include "waymark-file.h"
#include "waymark-print-operation.h"
#include "waymark-window.h"

/* Printing and the Export dialog (a display is needed: run under Xvfb).
 * Printing is checked through GTK's own PDF export of a print operation
 * (GTK_PRINT_OPERATION_ACTION_EXPORT), read back with pdfinfo and
 * pdftotext, so what is tested is what a printer would get. */

static WaymarkJourney *
load_example (void)
{
  g_autofree char *path = g_build_filename (TEMPLATES_DIR, "example-fitness-watch.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return journey;
}

static char *
run_tool (const char *tool,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* "Pages: 6" and "Page size: 841.89 x 595.276 pts (A4)" from pdfinfo. */
static void
pdf_info (const char *path,
          guint      *pages,
          double     *width,
          double     *height)
{
  g_autofree char *out = run_tool ("pdfinfo", path, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  *pages = 0;
  *width = *height = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        *pages = (guint) g_ascii_strtoull (lines[i] + 6, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:"))
        g_assert_cmpint (sscanf (lines[i] + 10, "%lf x %lf", width, height), ==, 2);
    }
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-print-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
print_to_pdf (WaymarkPrintOperation *operation,
              const char            *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdfinfo == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext are not installed (package poppler-utils)");
      return FALSE;
    }
  return TRUE;
}

/* ---- Printing ---- */

/* How many pages the PDF export makes of @journey on @paper. */
static guint
export_pages (WaymarkJourney     *journey,
              WaymarkPaper        paper,
              WaymarkOrientation  orientation)
{
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  WaymarkExportOptions options;
  WaymarkPagePlan plan;

  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = paper;
  options.orientation = orientation;
  waymark_export_get_page_plan (layout, &options, &plan);
  return waymark_page_plan_get_n_pages (&plan);
}

static void
test_print_default_paper (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkPrintOperation) operation = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = temp_path ("a4-portrait.pdf");
  g_autofree char *text = NULL;
  GtkPageSetup *setup;
  guint pages;
  double width, height;

  if (!have_poppler ())
    return;

  /* The first print of a run starts from the GSettings defaults. */
  waymark_print_forget_session ();
  g_settings_set_string (settings, "default-paper", "a4");
  g_settings_set_string (settings, "default-orientation", "portrait");
  operation = waymark_print_operation_new (journey);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, "iso_a4");
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);

  /* One A4 page is too small to read for this map: a booklet, the same
   * pages as the PDF export makes. */
  g_assert_cmpint (waymark_print_operation_get_pages (operation), ==, WAYMARK_PAGES_AUTO);
  print_to_pdf (operation, path);
  pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, >, 1);
  g_assert_cmpuint (pages, ==, export_pages (journey, WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_PORTRAIT));
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.05);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.05);

  /* The same painter: the titles are real text in what GTK prints. */
  text = run_tool ("pdftotext", "-raw", path, "-", NULL);
  g_assert_nonnull (strstr (text, "Fitness watch: from ad to advocate"));
  g_assert_nonnull (strstr (text, "Instagram ad"));
  g_assert_nonnull (strstr (text, "page 2 of"));

  /* One page on request. */
  g_clear_object (&operation);
  operation = waymark_print_operation_new (journey);
  waymark_print_operation_set_pages (operation, WAYMARK_PAGES_ONE);
  print_to_pdf (operation, path);
  pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 1);

  g_settings_reset (settings, "default-paper");
  g_settings_reset (settings, "default-orientation");
  remove_temp (path);
}

/* The app and `waymark --export` start from the same defaults: the
 * schema's defaults are the render layer's constants. */
static void
test_shared_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                       APP_ID, TRUE);
  g_autoptr(GSettingsSchemaKey) paper_key = NULL;
  g_autoptr(GSettingsSchemaKey) dpi_key = NULL;
  g_autoptr(GVariant) paper = NULL;
  g_autoptr(GVariant) dpi = NULL;
  WaymarkExportOptions options;

  g_assert_nonnull (schema);
  paper_key = g_settings_schema_get_key (schema, "default-paper");
  dpi_key = g_settings_schema_get_key (schema, "export-dpi");
  paper = g_settings_schema_key_get_default_value (paper_key);
  dpi = g_settings_schema_key_get_default_value (dpi_key);
  g_assert_cmpstr (g_variant_get_string (paper, NULL), ==, waymark_paper_to_nick (WAYMARK_EXPORT_DEFAULT_PDF_PAPER));
  g_assert_cmpint (g_variant_get_int32 (dpi), ==, WAYMARK_EXPORT_DEFAULT_DPI);

  waymark_export_options_init_default (&options, WAYMARK_EXPORT_PDF);
  g_assert_cmpint (options.paper, ==, WAYMARK_PAPER_A3);
  g_assert_cmpint (options.orientation, ==, WAYMARK_ORIENTATION_LANDSCAPE);
  waymark_export_options_init_default (&options, WAYMARK_EXPORT_PNG);
  g_assert_cmpint (options.paper, ==, WAYMARK_PAPER_NATURAL);
  g_assert_cmpfloat (options.dpi, ==, 150);
}

static void
test_print_poster_and_session (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkPrintOperation) first = NULL;
  g_autoptr(WaymarkPrintOperation) second = NULL;
  g_autoptr(GtkPageSetup) a3 = waymark_print_page_setup_new (WAYMARK_PAPER_A3, WAYMARK_ORIENTATION_LANDSCAPE);
  g_autofree char *path = temp_path ("poster.pdf");
  g_autofree char *last_sheet = NULL;
  GtkPageSetup *setup;
  guint pages, columns, rows;
  double width, height;

  if (!have_poppler ())
    return;

  waymark_print_forget_session ();
  first = waymark_print_operation_new (journey);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), a3);
  waymark_print_operation_set_poster (first, 3, 2);
  print_to_pdf (first, path);

  pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (pages, ==, 6);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.05);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.05);
  last_sheet = run_tool ("pdftotext", "-raw", "-f", "6", "-l", "6", path, "-", NULL);
  g_assert_nonnull (strstr (last_sheet, "row 2, column 3 · Fitness watch: from ad to advocate"));

  /* The next print in this run starts where this one ended. */
  second = waymark_print_operation_new (journey);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, "iso_a3");
  waymark_print_operation_get_poster (second, &columns, &rows);
  g_assert_cmpuint (columns, ==, 3);
  g_assert_cmpuint (rows, ==, 2);

  waymark_print_forget_session ();
  remove_temp (path);
}

/* The dialog's "Add the KPI dashboard" adds one page after the map's, on
 * the same paper, with the dashboard's headings and figures; the next
 * print starts with the same choice. */
static void
test_print_dashboard (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkPrintOperation) plain = NULL;
  g_autoptr(WaymarkPrintOperation) with_dashboard = NULL;
  g_autoptr(WaymarkPrintOperation) next = NULL;
  g_autoptr(GtkPageSetup) a4 = waymark_print_page_setup_new (WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE);
  g_autofree char *plain_path = temp_path ("plain.pdf");
  g_autofree char *path = temp_path ("dashboard.pdf");
  g_autofree char *last = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *last_info = NULL;
  g_autofree char *map_pages = NULL;
  guint plain_pages, pages;
  double width, height;

  if (!have_poppler ())
    return;

  waymark_print_forget_session ();
  plain = waymark_print_operation_new (journey);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (plain), a4);
  waymark_print_operation_set_poster (plain, 2, 1);
  g_assert_false (waymark_print_operation_get_dashboard (plain));
  print_to_pdf (plain, plain_path);
  pdf_info (plain_path, &plain_pages, &width, &height);

  with_dashboard = waymark_print_operation_new (journey);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (with_dashboard), a4);
  waymark_print_operation_set_poster (with_dashboard, 2, 1);
  waymark_print_operation_set_dashboard (with_dashboard, TRUE);
  print_to_pdf (with_dashboard, path);
  pdf_info (path, &pages, &width, &height);
  g_assert_cmpuint (plain_pages, >=, 1);
  g_assert_cmpuint (pages, ==, plain_pages + 1);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.05);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.05);

  last = g_strdup_printf ("%u", pages);
  /* The example's 49 KPIs make a tall dashboard: its page turns portrait,
   * as the PDF export's does. */
  last_info = run_tool ("pdfinfo", "-f", last, "-l", last, path, NULL);
  g_assert_nonnull (strstr (last_info, "595.2"));
  g_assert_true (strstr (last_info, "x 841.89") != NULL || strstr (last_info, "x 841.8") != NULL);
  last_page = run_tool ("pdftotext", "-raw", "-f", last, "-l", last, path, "-", NULL);
  g_assert_nonnull (strstr (last_page, "KPI dashboard"));
  g_assert_nonnull (strstr (last_page, "By phase"));
  g_assert_nonnull (strstr (last_page, "By channel category"));
  g_assert_nonnull (strstr (last_page, "KPIs against their targets"));
  g_assert_nonnull (strstr (last_page, "36 touchpoints"));
  /* The map's pages have no dashboard on them. */
  map_pages = run_tool ("pdftotext", "-raw", "-l", "1", path, "-", NULL);
  g_assert_null (strstr (map_pages, "By channel category"));

  next = waymark_print_operation_new (journey);
  g_assert_true (waymark_print_operation_get_dashboard (next));

  waymark_print_forget_session ();
  remove_temp (plain_path);
  remove_temp (path);
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The @index-th widget of @type under @root, in tree order. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  return index < found->len ? g_ptr_array_index (found, index) : NULL;
}

static void
test_print_custom_tab (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkPrintOperation) operation = NULL;
  GtkPrintOperationClass *klass;
  GtkWidget *tab;
  GtkWidget *automatic, *fit, *booklet, *poster, *across, *down, *dashboard;
  GtkWidget *holder;
  guint columns, rows;

  waymark_print_forget_session ();
  operation = waymark_print_operation_new (journey);
  klass = GTK_PRINT_OPERATION_GET_CLASS (operation);

  /* The "Map" tab, as the print dialog would show it. */
  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  automatic = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 0);
  fit = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 1);
  booklet = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 2);
  poster = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 3);
  across = find_widget (tab, GTK_TYPE_SPIN_BUTTON, 0);
  down = find_widget (tab, GTK_TYPE_SPIN_BUTTON, 1);
  g_assert_nonnull (automatic);
  dashboard = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 4);
  g_assert_nonnull (dashboard);
  g_assert_nonnull (fit);
  g_assert_nonnull (booklet);
  g_assert_nonnull (poster);
  g_assert_nonnull (across);
  g_assert_nonnull (down);

  /* Named for a screen reader as they read, without the mnemonic's
   * underscore that GTK 4.8 would keep (in a window, as the print
   * dialog shows the tab). */
  holder = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (holder), tab);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fit), GTK_ACCESSIBLE_PROPERTY_LABEL, "Fit the map on one page");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dashboard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Add the KPI dashboard as a page after the map");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (automatic), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Automatic: a booklet on A4 or Letter when one page would be too small to read");

  /* The export's default (a booklet when one office page is too small
   * to read); the sheet counts only matter for a poster. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (automatic)));
  g_assert_false (gtk_widget_get_sensitive (across));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (booklet), TRUE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  g_assert_cmpint (waymark_print_operation_get_pages (operation), ==, WAYMARK_PAGES_BOOKLET);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  g_assert_true (gtk_widget_get_sensitive (across));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (across), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (down), 2);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  waymark_print_operation_get_poster (operation, &columns, &rows);
  g_assert_cmpuint (columns, ==, 4);
  g_assert_cmpuint (rows, ==, 2);

  /* Back to one page. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fit), TRUE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  waymark_print_operation_get_poster (operation, &columns, &rows);
  g_assert_cmpuint (columns * rows, ==, 1);
  g_assert_cmpint (waymark_print_operation_get_pages (operation), ==, WAYMARK_PAGES_ONE);

  /* The dashboard page: off until asked for. */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (dashboard)));
  g_assert_false (waymark_print_operation_get_dashboard (operation));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (dashboard), TRUE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  g_assert_true (waymark_print_operation_get_dashboard (operation));

  gtk_window_destroy (GTK_WINDOW (holder));
  g_object_unref (tab);
}

/* Whether the file at @path holds @needle (a PDF's uncompressed
 * graphics state: cairo writes a dimmed group's alpha as "/ca 0.28"). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length, n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* "Print what is highlighted": with the map's highlight the rest prints
 * dimmed by default, plain when the Map tab's check box is cleared; with
 * no highlight there is nothing to dim. */
static void
test_print_highlight (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse ("owner=Sales", NULL);
  g_autoptr(GtkPageSetup) a4 = waymark_print_page_setup_new (WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE);
  g_autofree char *dim_path = temp_path ("dim.pdf");
  g_autofree char *plain_path = temp_path ("plain.pdf");
  g_autoptr(WaymarkPrintOperation) dimmed = NULL;
  g_autoptr(WaymarkPrintOperation) plain = NULL;
  g_autoptr(WaymarkPrintOperation) none = NULL;
  GtkPrintOperationClass *klass;
  GtkWidget *tab, *check;

  waymark_print_forget_session ();
  dimmed = waymark_print_operation_new (journey);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (dimmed), a4);
  waymark_print_operation_set_highlight (dimmed, highlight, NULL);
  g_assert_true (waymark_print_operation_get_dim (dimmed));
  print_to_pdf (dimmed, dim_path);
  g_assert_true (file_contains (dim_path, "/ca 0.28"));
  g_assert_nonnull (waymark_layout_get_highlight (waymark_print_operation_get_layout (dimmed)));

  /* The Map tab offers it, checked; cleared, the print is plain. */
  plain = waymark_print_operation_new (journey);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (plain), a4);
  waymark_print_operation_set_highlight (plain, highlight, NULL);
  klass = GTK_PRINT_OPERATION_GET_CLASS (plain);
  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (plain)));
  check = find_widget (tab, GTK_TYPE_CHECK_BUTTON, 5);
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (plain), tab);
  g_assert_false (waymark_print_operation_get_dim (plain));
  g_object_unref (tab);
  print_to_pdf (plain, plain_path);
  g_assert_false (file_contains (plain_path, "/ca 0.28"));

  none = waymark_print_operation_new (journey);
  waymark_print_operation_set_dim (none, TRUE);
  g_assert_false (waymark_print_operation_get_dim (none));
  remove_temp (dim_path);
  remove_temp (plain_path);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* "Export what is highlighted": the Highlight switch is there for a drawn
 * format while the map has a highlight, on; off, the export is plain. */
static void
test_export_dialog_highlight (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse ("channel=email,channel=website", NULL);
  g_autofree char *dim_path = temp_path ("dim.pdf");
  g_autofree char *plain_path = temp_path ("plain.pdf");
  g_autoptr(GFile) dim_file = g_file_new_for_path (dim_path);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain_path);
  g_autoptr(GError) error = NULL;
  WaymarkExportDialog *dialog = waymark_export_dialog_new (NULL, journey, NULL);
  WaymarkExportOptions options;
  GtkWidget *sw = NULL, *row;

  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; (sw = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (sw), "highlight-switch") == 0)
      break;
  g_assert_nonnull (sw);
  row = gtk_widget_get_ancestor (sw, ADW_TYPE_ACTION_ROW);
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  waymark_export_dialog_set_options (dialog, &options);
  /* No highlight: no row. */
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_false (waymark_export_dialog_get_dim (dialog));

  waymark_export_dialog_set_highlight (dialog, highlight, NULL);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  /* The dialog opens tall enough for all a PDF's rows, the Highlight
   * switch last: one below its edge is one nobody finds. */
  {
    graphene_rect_t bounds;
    gboolean drawn = FALSE;

    g_timeout_add (300, set_flag, &drawn);
    while (!drawn)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (dialog), &bounds));
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (dialog)));
  }
  g_assert_true (waymark_export_dialog_get_dim (dialog));
  g_assert_true (waymark_export_dialog_export_to (dialog, dim_file, &error));
  g_assert_no_error (error);
  g_assert_true (file_contains (dim_path, "/ca 0.28"));

  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_false (waymark_export_dialog_get_dim (dialog));
  g_assert_true (waymark_export_dialog_export_to (dialog, plain_file, &error));
  g_assert_no_error (error);
  g_assert_false (file_contains (plain_path, "/ca 0.28"));

  /* A table has no cards to dim. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_CSV);
  waymark_export_dialog_set_options (dialog, &options);
  g_assert_false (gtk_widget_get_visible (row));

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_temp (dim_path);
  remove_temp (plain_path);
}

static void
test_print_page_setup (void)
{
  for (guint paper = WAYMARK_PAPER_A4; paper < WAYMARK_N_PAPERS; paper++)
    {
      g_autoptr(GtkPageSetup) setup = waymark_print_page_setup_new (paper, WAYMARK_ORIENTATION_LANDSCAPE);
      double width, height;

      /* GTK's paper matches ours, turned the same way. */
      waymark_paper_get_size (paper, WAYMARK_ORIENTATION_LANDSCAPE, &width, &height);
      g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS), width, 0.5);
      g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), height, 0.5);
    }
}

/* ---- The Export dialog ---- */

static void
test_export_rows (void)
{
  WaymarkExportOptions options;

  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  g_assert_cmpint (waymark_export_rows_for (&options), ==,
                   WAYMARK_EXPORT_ROW_PAPER | WAYMARK_EXPORT_ROW_POSTER | WAYMARK_EXPORT_ROW_DASHBOARD);
  options.paper = WAYMARK_PAPER_A3;
  g_assert_cmpint (waymark_export_rows_for (&options), ==,
                   WAYMARK_EXPORT_ROW_PAPER | WAYMARK_EXPORT_ROW_ORIENTATION | WAYMARK_EXPORT_ROW_POSTER |
                   WAYMARK_EXPORT_ROW_PAGES | WAYMARK_EXPORT_ROW_DASHBOARD);
  /* A poster has no booklet. */
  options.poster_columns = 2;
  g_assert_cmpint (waymark_export_rows_for (&options), ==,
                   WAYMARK_EXPORT_ROW_PAPER | WAYMARK_EXPORT_ROW_ORIENTATION | WAYMARK_EXPORT_ROW_POSTER |
                   WAYMARK_EXPORT_ROW_DASHBOARD);
  options.poster_columns = 1;
  options.format = WAYMARK_EXPORT_PNG;
  g_assert_cmpint (waymark_export_rows_for (&options), ==,
                   WAYMARK_EXPORT_ROW_PAPER | WAYMARK_EXPORT_ROW_ORIENTATION | WAYMARK_EXPORT_ROW_DPI);
  options.format = WAYMARK_EXPORT_SVG;
  g_assert_cmpint (waymark_export_rows_for (&options), ==, WAYMARK_EXPORT_ROW_PAPER | WAYMARK_EXPORT_ROW_ORIENTATION);
  options.format = WAYMARK_EXPORT_CSV;
  g_assert_cmpint (waymark_export_rows_for (&options), ==, WAYMARK_EXPORT_ROW_DELIMITER);
  options.format = WAYMARK_EXPORT_MERMAID;
  g_assert_cmpint (waymark_export_rows_for (&options), ==, 0);
}

static void
test_export_suggest_name (void)
{
  g_autoptr(GFile) source = g_file_new_for_path ("/home/lena/maps/fitness.watch.journey");
  g_autofree char *a = waymark_export_suggest_name (source, "Ignored", WAYMARK_EXPORT_PDF);
  g_autofree char *b = waymark_export_suggest_name (NULL, "Shop: online/offline", WAYMARK_EXPORT_CSV);
  g_autofree char *c = waymark_export_suggest_name (NULL, "", WAYMARK_EXPORT_PNG);
  g_autofree char *d = waymark_export_suggest_name (NULL, "Fitnessuhr: von der Anzeige zur Empfehlung",
                                                    WAYMARK_EXPORT_PDF);
  g_autofree char *e = waymark_export_suggest_name (NULL, ".Suche „beste Uhr?“ / Ist:Soll *",
                                                    WAYMARK_EXPORT_SVG);

  g_assert_cmpstr (a, ==, "fitness.watch.pdf");
  g_assert_cmpstr (b, ==, "Shop - online-offline.csv");
  /* A colon between words is a dash between words, never "Fitnessuhr-". */
  g_assert_cmpstr (d, ==, "Fitnessuhr - von der Anzeige zur Empfehlung.pdf");
  g_assert_cmpstr (e, ==, "Suche beste Uhr - Ist-Soll.svg");
  g_assert_cmpstr (c, ==, "Journey map.png");
}

static void
test_export_dialog (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("map.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  WaymarkExportDialog *dialog;
  WaymarkExportOptions options, shown;
  GtkWidget *poster_row, *pages_row;
  g_autofree char *expected = NULL;
  GtkWidget *dashboard_switch;
  gsize length;
  guint32 width, height;
  guint n;

  dialog = waymark_export_dialog_new (NULL, journey, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  poster_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, 0);
  g_assert_nonnull (poster_row);
  /* Format, paper, orientation, pages. */
  pages_row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 3);
  g_assert_nonnull (pages_row);

  /* A poster PDF: the poster row shows. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = WAYMARK_PAPER_A4;
  options.orientation = WAYMARK_ORIENTATION_PORTRAIT;
  options.poster_columns = 2;
  options.poster_rows = 3;
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.format, ==, WAYMARK_EXPORT_PDF);
  g_assert_cmpint (shown.paper, ==, WAYMARK_PAPER_A4);
  g_assert_cmpint (shown.orientation, ==, WAYMARK_ORIENTATION_PORTRAIT);
  g_assert_cmpuint (shown.poster_columns, ==, 2);
  g_assert_cmpuint (shown.poster_rows, ==, 3);
  g_assert_true (gtk_widget_get_visible (poster_row));
  g_assert_false (gtk_widget_get_visible (pages_row));

  /* A4 without a poster: the same choice as printing, with the same
   * default, and what it gives. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = WAYMARK_PAPER_A4;
  waymark_export_dialog_set_options (dialog, &options);
  g_assert_true (gtk_widget_get_visible (pages_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (pages_row)), ==, WAYMARK_PAGES_AUTO);
  n = export_pages (journey, WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE);
  g_assert_cmpuint (n, >, 1);
  expected = g_strdup_printf ("%u pages, card titles ", n);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pages_row)), expected));
  adw_combo_row_set_selected (ADW_COMBO_ROW (pages_row), WAYMARK_PAGES_ONE);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.pages, ==, WAYMARK_PAGES_ONE);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (pages_row)), "1 page, card titles "));

  g_assert_false (shown.dashboard);

  /* With the dashboard page: its switch row shows, and a 2 × 3 poster
   * PDF has one page more than its six sheets. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = WAYMARK_PAPER_A4;
  options.orientation = WAYMARK_ORIENTATION_PORTRAIT;
  options.poster_columns = 2;
  options.poster_rows = 3;
  options.dashboard = TRUE;
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_true (shown.dashboard);
  /* The poster row has a switch of its own: this one is named. */
  for (guint i = 0; (dashboard_switch = find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (dashboard_switch), "dashboard-switch") == 0)
      break;
  g_assert_nonnull (dashboard_switch);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (dashboard_switch, ADW_TYPE_ACTION_ROW)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dashboard_switch)));
  if (have_poppler ())
    {
      g_autofree char *pdf_path = temp_path ("map.pdf");
      g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
      guint pages;
      double page_width, page_height;

      g_assert_true (waymark_export_dialog_export_to (dialog, pdf, &error));
      g_assert_no_error (error);
      pdf_info (pdf_path, &pages, &page_width, &page_height);
      g_assert_cmpuint (pages, ==, 2 * 3 + 1);
      remove_temp (pdf_path);
    }

  /* A PNG at 192 dpi: no poster, and the file has twice the natural size. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PNG);
  options.dpi = 192;
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.format, ==, WAYMARK_EXPORT_PNG);
  g_assert_cmpuint (shown.poster_columns * shown.poster_rows, ==, 1);
  g_assert_cmpfloat (shown.dpi, ==, 192);
  g_assert_false (gtk_widget_get_visible (poster_row));
  /* A PNG holds only the map. */
  g_assert_false (shown.dashboard);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (dashboard_switch, ADW_TYPE_ACTION_ROW)));

  g_assert_true (waymark_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  width = GUINT32_FROM_BE (*(guint32 *) (contents + 16));
  height = GUINT32_FROM_BE (*(guint32 *) (contents + 20));
  g_assert_cmpuint (width, >, 2 * 3000);
  g_assert_cmpuint (height, >, 2 * 1000);

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_temp (path);
}

/* Mermaid from the dialog: the format is offered, has no paper, and the
 * file is the journey diagram. */
static void
test_export_dialog_mermaid (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("map.mmd");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  WaymarkExportDialog *dialog;
  WaymarkExportOptions options, shown;
  AdwComboRow *format_row;
  GListModel *formats;

  dialog = waymark_export_dialog_new (NULL, journey, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  /* The first combo row is the format's. */
  format_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));
  formats = adw_combo_row_get_model (format_row);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), WAYMARK_EXPORT_MERMAID), ==,
                   "Mermaid journey diagram (text)");

  waymark_export_options_init (&options, WAYMARK_EXPORT_MERMAID);
  options.paper = WAYMARK_PAPER_A3;
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.format, ==, WAYMARK_EXPORT_MERMAID);
  g_assert_cmpint (shown.paper, ==, WAYMARK_PAPER_NATURAL);

  g_assert_true (waymark_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "journey\n  title Fitness watch: from ad to advocate\n"));
  g_assert_nonnull (strstr (contents, "\n  section Awareness\n    Instagram ad: 4: Marketing\n"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_temp (path);
}

/* CSV from the dialog: only the delimiter row shows, its choice goes
 * into the file, and the row says how numbers will be written. */
static void
test_export_dialog_csv (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("map.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  WaymarkExportDialog *dialog;
  WaymarkExportOptions options, shown;
  AdwComboRow *delimiter_row = NULL;

  dialog = waymark_export_dialog_new (NULL, journey, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; delimiter_row == NULL; i++)
    {
      GtkWidget *row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, i);

      g_assert_nonnull (row);
      if (g_strcmp0 (gtk_widget_get_name (row), "delimiter-row") == 0)
        delimiter_row = ADW_COMBO_ROW (row);
    }

  /* English: commas by default. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_CSV);
  waymark_export_dialog_set_options (dialog, &options);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (delimiter_row)));
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.csv_delimiter, ==, WAYMARK_CSV_DELIMITER_COMMA);

  adw_combo_row_set_selected (delimiter_row, 1);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.csv_delimiter, ==, WAYMARK_CSV_DELIMITER_SEMICOLON);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (delimiter_row)), ==, "Numbers as 0.5");
  g_assert_true (waymark_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFID;Type;Phase;Lane;"));

  /* Other formats hide it. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  waymark_export_dialog_set_options (dialog, &options);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (delimiter_row)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_temp (path);
}

/* CJML from the dialog: the file, and what it left out for the dialog
 * that follows. */
static void
test_export_dialog_cjml (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("map.cjml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  WaymarkExportDialog *dialog;
  WaymarkExportOptions options, shown;
  GListModel *formats;
  GPtrArray *warnings;
  gboolean notes_said = FALSE;

  dialog = waymark_export_dialog_new (NULL, journey, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  formats = adw_combo_row_get_model (ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0)));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (formats), WAYMARK_EXPORT_CJML), ==, "CJML journey (XML)");

  waymark_export_options_init (&options, WAYMARK_EXPORT_CJML);
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_get_options (dialog, &shown);
  g_assert_cmpint (shown.format, ==, WAYMARK_EXPORT_CJML);
  g_assert_cmpuint (waymark_export_dialog_get_warnings (dialog)->len, ==, 0);

  g_assert_true (waymark_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CJML version=\"2.0\">\n  <actualJourney>\n"));
  g_assert_nonnull (strstr (contents, "<initiatorLabel>Instagram ad</initiatorLabel>"));
  warnings = waymark_export_dialog_get_warnings (dialog);
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (warnings, i), "CJML has no notes: "))
      notes_said = TRUE;
  g_assert_true (notes_said);

  gtk_window_destroy (GTK_WINDOW (dialog));
  remove_temp (path);
}

/* ---- The window's actions ---- */

static WaymarkFileLaunch last_launch;
static GFile *last_launched;

static void
record_launch (WaymarkFileLaunch  launch,
               GFile             *file)
{
  last_launch = launch;
  g_set_object (&last_launched, file);
}

/* The widget under @root named @name, or the button labelled @label. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name,
            const char *label)
{
  if ((name != NULL && g_strcmp0 (gtk_widget_get_name (root), name) == 0) ||
      (label != NULL && GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_export_action (void)
{
  g_autofree char *path = g_build_filename (TEMPLATES_DIR, "example-fitness-watch.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkWindow *window = waymark_window_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  WaymarkExportDialog *dialog = NULL;
  WaymarkExportOptions options;
  g_autofree char *exported_path = temp_path ("map.csv");
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  g_autofree char *folder = g_path_get_dirname (exported_path);
  g_autofree char *folder_name = g_path_get_basename (folder);
  g_autofree char *expected = NULL;
  GtkWidget *title, *show, *open;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  while (waymark_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (waymark_window_get_journey (window));

  /* Export… (Ctrl+Shift+E) opens the dialog over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (WAYMARK_IS_EXPORT_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        dialog = WAYMARK_EXPORT_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  waymark_export_dialog_get_options (dialog, &options);
  g_assert_true (waymark_export_options_validate (&options, NULL));

  /* After the export, a toast over the map says where the file went,
   * with Open and Show in Folder, which reach the desktop's launcher. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_CSV);
  waymark_export_dialog_set_options (dialog, &options);
  g_assert_true (waymark_export_dialog_export_to (dialog, exported, NULL));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  title = find_named (GTK_WIDGET (window), "export-toast-title", NULL);
  g_assert_nonnull (title);
  expected = g_strdup_printf ("Exported “map.csv” to %s", folder_name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, expected);

  waymark_file_launcher_set_hook (record_launch);
  show = find_named (GTK_WIDGET (window), "export-toast-show", NULL);
  g_assert_nonnull (show);
  g_signal_emit_by_name (show, "clicked");
  g_assert_cmpint (last_launch, ==, WAYMARK_FILE_LAUNCH_SHOW_IN_FOLDER);
  g_assert_true (last_launched != NULL && g_file_equal (last_launched, exported));
  g_clear_object (&last_launched);
  open = find_named (GTK_WIDGET (window), NULL, "Open");
  g_assert_nonnull (open);
  g_signal_emit_by_name (open, "clicked");
  g_assert_cmpint (last_launch, ==, WAYMARK_FILE_LAUNCH_OPEN);
  g_assert_true (last_launched != NULL && g_file_equal (last_launched, exported));
  g_clear_object (&last_launched);
  waymark_file_launcher_set_hook (NULL);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp (exported_path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* Accessible names are kept, for the print dialog's check buttons. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run the GUI tests under Xvfb (xvfb-run meson test).\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/print/page-setup", test_print_page_setup);
  g_test_add_func ("/print/default-paper", test_print_default_paper);
  g_test_add_func ("/print/shared-defaults", test_shared_defaults);
  g_test_add_func ("/print/poster-and-session", test_print_poster_and_session);
  g_test_add_func ("/print/custom-tab", test_print_custom_tab);
  g_test_add_func ("/print/dashboard", test_print_dashboard);
  g_test_add_func ("/print/highlight", test_print_highlight);
  g_test_add_func ("/export-dialog/rows", test_export_rows);
  g_test_add_func ("/export-dialog/suggest-name", test_export_suggest_name);
  g_test_add_func ("/export-dialog/options", test_export_dialog);
  g_test_add_func ("/export-dialog/mermaid", test_export_dialog_mermaid);
  g_test_add_func ("/export-dialog/cjml", test_export_dialog_cjml);
  g_test_add_func ("/export-dialog/csv", test_export_dialog_csv);
  g_test_add_func ("/export-dialog/highlight", test_export_dialog_highlight);
  g_test_add_func ("/window/export-action", test_window_export_action);

  return g_test_run ();
}
