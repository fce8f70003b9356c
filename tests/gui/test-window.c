/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "gui-test.h"
#include "waymark-application.h"
#include "waymark-canvas.h"
#include "waymark-window.h"

/* ---- Looking at what the user sees ---- */

static const char *
visible_page (WaymarkWindow *window)
{
  GtkWidget *stack = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, "content-stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GFile *
write_temp_file (const char *basename,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, basename, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
remove_temp_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static WaymarkWindow *
open_in_new_window (GFile *file)
{
  WaymarkWindow *window = waymark_window_new (NULL);

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (waymark_window_get_loading (window));
  gui_test_wait_until_loaded (window);

  return window;
}

/* ---- Tests ---- */

static void
test_example_map (void)
{
  g_autoptr(GFile) example = waymark_application_find_data_file ("templates/example-fitness-watch.journey");
  WaymarkWindow *window;
  WaymarkJourney *journey;
  AdwWindowTitle *title;
  WaymarkCanvas *canvas;
  GPtrArray *phases;

  g_assert_nonnull (example);
  window = open_in_new_window (example);

  journey = waymark_window_get_journey (window);
  g_assert_nonnull (journey);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (visible_page (window), ==, "editor");
  g_assert_false (waymark_window_get_read_only (window));

  /* A bundled template opens as an untitled copy: Save never overwrites
   * it, and it is unsaved only once edited. */
  g_assert_null (waymark_window_get_file (window));
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));

  /* The header names the journey and its tab. */
  title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Fitness watch: from ad to advocate");
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Untitled Map");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Fitness watch: from ad to advocate");

  /* The editor's canvas shows the document: every phase has its column. */
  canvas = WAYMARK_CANVAS (gui_test_find_widget (GTK_WIDGET (window), WAYMARK_TYPE_CANVAS, NULL));
  g_assert_nonnull (canvas);
  g_assert_true (waymark_canvas_get_document (canvas) == waymark_window_get_document (window));
  g_assert_true (waymark_document_get_journey (waymark_window_get_document (window)) == journey);
  phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  g_assert_cmpuint (phases->len, >=, 3);
  for (guint i = 0; i < phases->len; i++)
    {
      WaymarkRect rect;

      g_assert_true (waymark_layout_get_phase_header_rect (waymark_canvas_get_layout (canvas),
                                                           g_ptr_array_index (phases, i), &rect));
    }
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_journey_text_is_not_markup (void)
{
  g_autoptr(GFile) file = write_temp_file ("markup.journey",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n"
    "  <title>Shoes &amp; socks &lt;b&gt;online&lt;/b&gt;</title>\n"
    "  <state>intended</state>\n"
    "  <phase id=\"phase-000000000001\">\n"
    "    <name>Before &amp; after</name>\n"
    "  </phase>\n"
    "</journey>\n");
  WaymarkWindow *window = open_in_new_window (file);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  GtkWidget *label;

  g_assert_nonnull (waymark_window_get_journey (window));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Shoes & socks <b>online</b>");
  /* What is drawn is the text, not bold "online". */
  label = gui_test_find_widget (GTK_WIDGET (title), GTK_TYPE_LABEL, "title");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Shoes & socks <b>online</b>");

  g_assert_cmpstr (((WaymarkPhase *) waymark_journey_get_item (waymark_window_get_journey (window),
                                                               WAYMARK_ITEM_PHASE, 0))->name, ==, "Before & after");

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (file);
}

static void
test_broken_file (void)
{
  g_autoptr(GFile) file = write_temp_file ("broken.journey",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n"
    "  <title>Broken</title>\n"
    "  <state>sometimes</state>\n"
    "</journey>\n");
  g_autofree char *expected_prefix = g_strdup_printf ("%s:4: ", g_file_peek_path (file));
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();
  WaymarkWindow *window;
  AdwMessageDialog *dialog;

  /* The file chooser puts what it opens into the recent files, before
   * Waymark reads it. */
  g_assert_true (gtk_recent_manager_add_item (recent, uri));
  for (guint waited = 0; waited < 5000 && !gtk_recent_manager_has_item (recent, uri); waited += 50)
    gui_test_spin (50);
  g_assert_true (gtk_recent_manager_has_item (recent, uri));
  window = open_in_new_window (file);

  /* The loader's message, with file and line, in a dialog over an empty window. */
  g_assert_null (waymark_window_get_journey (window));
  g_assert_cmpstr (visible_page (window), ==, "empty");
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), expected_prefix));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken.journey”");
  /* A map that does not open is no recent map. */
  g_assert_false (gtk_recent_manager_has_item (recent, uri));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (file);
}

static void
test_newer_format_is_read_only (void)
{
  g_autoptr(GFile) file = write_temp_file ("newer.journey",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey xmlns=\"urn:waymark:journey\" format=\"3\" id=\"j-000000000001\">\n"
    "  <title>From the future</title>\n"
    "  <state>as-is</state>\n"
    "</journey>\n");
  WaymarkWindow *window = open_in_new_window (file);
  GtkWidget *banner = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "read-only-banner");
  GtkWidget *label;

  g_assert_nonnull (waymark_window_get_journey (window));
  g_assert_true (waymark_window_get_read_only (window));
  g_assert_nonnull (banner);
  g_assert_true (gtk_widget_get_visible (banner));
  label = gui_test_find_widget (banner, GTK_TYPE_LABEL, NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "newer version of Waymark (format 3)"));
  /* Reopening would not help: the banner offers no Edit button. */
  g_assert_false (gtk_widget_get_visible (gui_test_find_widget (banner, GTK_TYPE_BUTTON, NULL)));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (file);
}

static void
test_example_map_in_german (void)
{
  g_autoptr(GFile) example = waymark_application_find_data_file ("templates/example-fitness-watch.journey");
  WaymarkWindow *window;
  GtkWidget *search;
  g_autofree char *placeholder = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");

  window = open_in_new_window (example);
  /* The palette beside the map speaks German. */
  search = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Touchpoints suchen");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* The whole application: start-up, the start page on activate, the about
 * window, and a clean exit when the last window closes. */
static gboolean
check_running_app (gpointer user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *active = gtk_application_get_active_window (app);
  AdwWindowTitle *title;
  GtkWindow *about = NULL;
  GtkWidget *start;

  if (active == NULL || waymark_window_get_loading (WAYMARK_WINDOW (active)))
    return G_SOURCE_CONTINUE;

  /* No file: the start page, with New and Open. */
  g_assert_cmpstr (visible_page (WAYMARK_WINDOW (active)), ==, "empty");
  g_assert_null (waymark_window_get_document (WAYMARK_WINDOW (active)));
  start = gui_test_find_widget (GTK_WIDGET (active), ADW_TYPE_STATUS_PAGE, "start-page");
  g_assert_nonnull (start);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (start)), ==, "Start a Journey Map");
  title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (active), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Waymark");
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (GTK_WIDGET (active), GTK_TYPE_TOGGLE_BUTTON, "inspector-button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (active), "win.about", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_ABOUT_WINDOW (window) && gtk_window_get_transient_for (window) == active)
        about = window;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* The icon comes from the resources, installed or not. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about))));
  gtk_window_destroy (about);

  gtk_window_destroy (active);
  return G_SOURCE_REMOVE;
}

static void
test_application (void)
{
  g_autoptr(WaymarkApplication) app = waymark_application_new ();
  char *argv[] = { (char *) "waymark", NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, check_running_app, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  g_test_add_func ("/window/example-map", test_example_map);
  g_test_add_func ("/window/journey-text-is-not-markup", test_journey_text_is_not_markup);
  g_test_add_func ("/window/broken-file", test_broken_file);
  g_test_add_func ("/window/newer-format-is-read-only", test_newer_format_is_read_only);
  g_test_add_func ("/window/example-map-in-german", test_example_map_in_german);
  g_test_add_func ("/application/run", test_application);

  return g_test_run ();
}
