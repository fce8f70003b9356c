/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-conflicts"

#include "config.h"

#include <string.h>

#include "gui-test.h"
#include "waymark-canvas.h"
#include "waymark-conflict-panel.h"
#include "waymark-edits.h"
#include "waymark-window.h"

/* A merged map with conflicts in the window: the title and a banner say
 * so, the panel lists them and the map marks their items; a side picked
 * (or an edit kept) settles one, undo brings it back, and saving when
 * all are settled writes a clean file. */

/* What `waymark merge` writes when both sides retitled the card "Call"
 * and the journey. */
static const char merged_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-000000000002\">\n"
  "  <title>Shop</title>\n"
  "  <state>as-is</state>\n"
  "  <phase id=\"p1\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <lane id=\"l1\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\">\n"
  "    <title>Call back</title>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"t2\" phase=\"p1\" lane=\"l1\">\n"
  "    <title>Visit</title>\n"
  "  </touchpoint>\n"
  "  <conflict item=\"t1\" field=\"title\">\n"
  "    <base>Call</base>\n"
  "    <ours>Call back</ours>\n"
  "    <theirs>Ring us</theirs>\n"
  "  </conflict>\n"
  "  <conflict field=\"title\">\n"
  "    <base>Shop</base>\n"
  "    <ours>Shop</ours>\n"
  "    <theirs>Our shop</theirs>\n"
  "  </conflict>\n"
  "</journey>\n";

static char *test_dir;

static WaymarkWindow *
open_window (GFile *file)
{
  WaymarkWindow *window = waymark_window_new (NULL);

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  g_assert_nonnull (waymark_window_get_document (window));
  gui_test_spin (300);  /* the panel slides in */
  return window;
}

static const char *
window_title (WaymarkWindow *window)
{
  return gtk_window_get_title (GTK_WINDOW (window));
}

static WaymarkEditor *
editor_of (WaymarkWindow *window)
{
  return waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
}

/* The button of @css_class in the first row of the panel. */
static GtkButton *
first_row_button (WaymarkConflictPanel *panel,
                  const char           *css_class)
{
  GtkWidget *row = gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW, "conflict-row");
  GtkWidget *button;

  g_assert_nonnull (row);
  button = gui_test_find_widget (row, GTK_TYPE_BUTTON, css_class);
  g_assert_nonnull (button);
  return GTK_BUTTON (button);
}

static gboolean
banner_visible (WaymarkWindow *window)
{
  GtkWidget *banner = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "conflict-banner");

  g_assert_nonnull (banner);
  return gtk_widget_get_visible (banner);
}

/* What the banner's button shows (not its mnemonic's underscore). */
static const char *
banner_button_text (WaymarkWindow *window)
{
  GtkWidget *banner = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "conflict-banner");
  GtkWidget *button = gui_test_find_widget (banner, GTK_TYPE_TOGGLE_BUTTON, NULL);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
  return gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

static void
test_resolve_and_save (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "merged.journey", merged_map);
  WaymarkWindow *window = open_window (file);
  WaymarkDocumentTab *tab = waymark_window_get_selected_tab (window);
  WaymarkEditor *editor = editor_of (window);
  WaymarkConflictPanel *panel = waymark_editor_get_conflict_panel (editor);
  WaymarkJourney *journey = waymark_window_get_journey (window);
  WaymarkTouchpoint *call = waymark_journey_lookup (journey, "t1");
  WaymarkTouchpoint *visit = waymark_journey_lookup (journey, "t2");
  WaymarkCanvas *canvas = waymark_editor_get_canvas (editor);
  g_autofree char *saved = NULL;

  /* The map says it has conflicts, and shows them. */
  g_assert_cmpstr (window_title (window), ==, "Shop — 2 Conflicts");
  g_assert_true (banner_visible (window));
  g_assert_cmpstr (banner_button_text (window), ==, "Resolve Conflicts");
  g_assert_true (waymark_editor_get_show_conflicts (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (panel)));
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 2);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_CONFLICT);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, visit), ==, WAYMARK_CANVAS_MARK_NONE);

  /* Theirs for the card, as a click on its button. */
  g_signal_emit_by_name (first_row_button (panel, "conflict-theirs"), "clicked");
  gui_test_iterate ();
  g_assert_cmpstr (call->title, ==, "Ring us");
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 1);
  g_assert_cmpstr (window_title (window), ==, "• Shop — 1 Conflict");
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_NONE);

  /* Undo brings the conflict back, with ours on the map. */
  waymark_document_tab_undo (tab);
  gui_test_iterate ();
  g_assert_cmpstr (call->title, ==, "Call back");
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 2);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_CONFLICT);
  waymark_document_tab_redo (tab);
  gui_test_iterate ();
  g_assert_cmpstr (call->title, ==, "Ring us");

  /* The journey's title edited by hand, then kept. */
  gui_test_edit_title (window, "The shop");
  gui_test_spin (50);
  g_signal_emit_by_name (first_row_button (panel, "conflict-keep"), "clicked");
  gui_test_iterate ();
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 0);
  g_assert_cmpstr (window_title (window), ==, "• The shop");
  /* The banner stays while the panel is open, saying what is left to do. */
  g_assert_true (banner_visible (window));
  g_assert_cmpstr (banner_button_text (window), ==, "Close");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  gui_test_iterate ();

  saved = gui_test_read_file (file);
  g_assert_null (strstr (saved, "<conflict"));
  g_assert_nonnull (strstr (saved, "<title>Ring us</title>"));
  g_assert_nonnull (strstr (saved, "<title>The shop</title>"));
  /* Nothing else of format 2 is left. */
  g_assert_nonnull (strstr (saved, "format=\"1\""));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_clean_map_has_no_panel (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "clean.journey",
                                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                               "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n"
                                               "  <title>Clean</title>\n"
                                               "  <state>as-is</state>\n"
                                               "</journey>\n");
  WaymarkWindow *window = open_window (file);
  WaymarkEditor *editor = editor_of (window);

  g_assert_cmpstr (window_title (window), ==, "Clean");
  g_assert_false (banner_visible (window));
  g_assert_false (waymark_editor_get_show_conflicts (editor));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A side whose value no longer fits is refused with a message, and
 * nothing is recorded. */
static void
test_side_that_does_not_fit (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "order.journey",
                                               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                               "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-000000000002\">\n"
                                               "  <title>Shop</title>\n"
                                               "  <state>as-is</state>\n"
                                               "  <phase id=\"p1\">\n"
                                               "    <name>Awareness</name>\n"
                                               "  </phase>\n"
                                               "  <lane id=\"l1\" kind=\"touchpoints\">\n"
                                               "    <name>Touchpoints</name>\n"
                                               "  </lane>\n"
                                               "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\">\n"
                                               "    <title>Call</title>\n"
                                               "  </touchpoint>\n"
                                               "  <conflict item=\"l1\" field=\"kind\">\n"
                                               "    <base>touchpoints</base>\n"
                                               "    <ours>touchpoints</ours>\n"
                                               "    <theirs>emotion</theirs>\n"
                                               "  </conflict>\n"
                                               "</journey>\n");
  WaymarkWindow *window = open_window (file);
  WaymarkEditor *editor = editor_of (window);
  WaymarkConflictPanel *panel = waymark_editor_get_conflict_panel (editor);
  WaymarkDocument *document = waymark_window_get_document (window);

  g_assert_cmpstr (window_title (window), ==, "Shop — 1 Conflict");
  /* An emotion lane holds no cards: theirs cannot be taken as it is. */
  g_assert_false (waymark_conflict_panel_resolve (panel, 0, WAYMARK_CONFLICT_THEIRS));
  gui_test_iterate ();
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 1);
  g_assert_false (waymark_document_is_modified (document));
  /* Ours can. */
  g_assert_true (waymark_conflict_panel_resolve (panel, 0, WAYMARK_CONFLICT_OURS));
  gui_test_iterate ();
  g_assert_cmpuint (waymark_conflict_panel_get_n_conflicts (panel), ==, 0);
  g_assert_true (waymark_document_is_modified (document));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery = NULL;
  int status;

  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  test_dir = gui_test_make_dir ("waymark-conflicts-XXXXXX");
  /* Maps left edited here must not be offered for recovery to the tests
   * that start the application after this one. */
  recovery = g_build_filename (test_dir, "recovery", NULL);
  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);
  g_test_add_func ("/conflicts/resolve-and-save", test_resolve_and_save);
  g_test_add_func ("/conflicts/clean-map-has-no-panel", test_clean_map_has_no_panel);
  g_test_add_func ("/conflicts/side-that-does-not-fit", test_side_that_does_not_fit);
  status = g_test_run ();
  gui_test_remove_tree (test_dir);
  return status;
}
