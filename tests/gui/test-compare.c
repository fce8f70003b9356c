/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-compare"

#include "config.h"

#include "gui-test.h"
#include "waymark-canvas.h"
#include "waymark-compare-panel.h"
#include "waymark-curve-steps.h"
#include "waymark-curves-view.h"
#include "waymark-deviation.h"
#include "waymark-edits.h"
#include "waymark-window.h"

/* "Compare with the saved version": after edits, the panel lists the
 * changes, the map outlines the added card, marks the changed one and
 * draws the removed one as a ghost; a save makes the saved version the
 * map itself again; closing it takes the marks away. */

static const char map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000002\">\n"
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
  "  <touchpoint id=\"t2\" phase=\"p1\" lane=\"l1\">\n"
  "    <title>Visit</title>\n"
  "  </touchpoint>\n"
  "</journey>\n";

/* The same map made separately (another id): matched by content. */
static const char other_map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000099\">\n"
  "  <title>Shop</title>\n"
  "  <state>as-is</state>\n"
  "  <phase id=\"x1\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <lane id=\"x2\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <touchpoint id=\"x3\" phase=\"x1\" lane=\"x2\">\n"
  "    <title>Visit</title>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"x4\" phase=\"x1\" lane=\"x2\">\n"
  "    <title>Letter</title>\n"
  "  </touchpoint>\n"
  "</journey>\n";

static void
updated_cb (gpointer  panel,
            gboolean *updated)
{
  *updated = TRUE;
}

/* The diff is made anew in an idle after a burst of edits: wait for it
 * (a fixed wait is too short on a loaded machine). */
static void
wait_for_update (WaymarkComparePanel *panel)
{
  gboolean updated = FALSE;
  gulong id = g_signal_connect (panel, "updated", G_CALLBACK (updated_cb), &updated);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!updated && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (panel, id);
  g_assert_true (updated);
}

/* The texts of the panel's list, one a line. */
static char *
list_text (WaymarkComparePanel *panel)
{
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, NULL);
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gui_test_find_widget (row, GTK_TYPE_LABEL, NULL);

      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (text, FALSE);
}

static void
test_compare_with_saved (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-compare-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkEditor *editor;
  WaymarkComparePanel *panel;
  WaymarkCanvas *canvas;
  WaymarkJourney *journey;
  WaymarkHistory *history;
  WaymarkTouchpoint *call, *visit, *added;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  editor = waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
  panel = waymark_editor_get_compare_panel (editor);
  canvas = waymark_editor_get_canvas (editor);
  journey = waymark_window_get_journey (window);
  history = waymark_document_get_history (waymark_window_get_document (window));
  call = waymark_journey_lookup (journey, "t1");
  visit = waymark_journey_lookup (journey, "t2");

  /* Unchanged: nothing to show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-saved", NULL));
  gui_test_iterate ();
  g_assert_true (waymark_compare_panel_is_comparing (panel));
  g_assert_cmpuint (waymark_compare_panel_get_n_changes (panel), ==, 0);

  /* Edits: one retitled, one deleted, one added. */
  {
    WaymarkTouchpoint *edited = waymark_item_copy (call);
    g_autoptr(GPtrArray) gone = g_ptr_array_new ();

    g_free (edited->title);
    edited->title = g_strdup ("Call back");
    waymark_edits_update (history, call, edited, "title");
    g_ptr_array_add (gone, visit);
    waymark_edits_delete (history, gone);
  }
  added = waymark_edits_add_touchpoint (history, call->phase, call->lane, 1, "Chat", NULL);
  wait_for_update (panel);
  g_assert_cmpuint (waymark_compare_panel_get_n_changes (panel), ==, 3);
  {
    g_autofree char *text = list_text (panel);

    g_assert_nonnull (strstr (text, "Call back"));
    g_assert_nonnull (strstr (text, "Visit"));
    g_assert_nonnull (strstr (text, "Chat"));
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (panel)));
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_CHANGED);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, added), ==, WAYMARK_CANVAS_MARK_ADDED);
  g_assert_cmpuint (waymark_canvas_get_n_ghosts (canvas), ==, 1);

  /* Saved: the saved version is this one now, so nothing differs. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (waymark_document_save (waymark_window_get_document (window), FALSE, &error));
    g_assert_no_error (error);
  }
  gui_test_iterate ();
  g_assert_true (waymark_compare_panel_is_comparing (panel));
  g_assert_cmpuint (waymark_compare_panel_get_n_changes (panel), ==, 0);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_NONE);
  g_assert_cmpuint (waymark_canvas_get_n_ghosts (canvas), ==, 0);

  g_signal_emit_by_name (panel, "close");
  gui_test_iterate ();
  g_assert_false (waymark_compare_panel_is_comparing (panel));
  g_assert_cmpint (waymark_canvas_get_mark (canvas, call), ==, WAYMARK_CANVAS_MARK_NONE);
  g_assert_cmpuint (waymark_canvas_get_n_ghosts (canvas), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

/* Another file, made separately: the card only it has is a ghost, the
 * one only this map has is outlined; the map itself is not touched. */
static void
test_compare_with_file (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-compare-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  g_autoptr(GFile) other = gui_test_write_file (dir, "other.journey", other_map);
  g_autoptr(GFile) broken = gui_test_write_file (dir, "broken.journey", "<journey");
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkEditor *editor;
  WaymarkComparePanel *panel;
  WaymarkCanvas *canvas;
  WaymarkJourney *journey;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  editor = waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
  panel = waymark_editor_get_compare_panel (editor);
  canvas = waymark_editor_get_canvas (editor);
  journey = waymark_window_get_journey (window);

  /* A file that cannot be read: said, and no comparison. */
  g_assert_false (waymark_editor_compare_with_file (editor, broken));
  g_assert_false (waymark_compare_panel_is_comparing (panel));

  g_assert_true (waymark_editor_compare_with_file (editor, other));
  gui_test_iterate ();
  g_assert_true (waymark_compare_panel_is_comparing (panel));
  /* "Call" added, "Letter" removed; "Visit" is the same card. */
  g_assert_cmpuint (waymark_compare_panel_get_n_changes (panel), ==, 2);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, waymark_journey_lookup (journey, "t1")), ==,
                   WAYMARK_CANVAS_MARK_ADDED);
  g_assert_cmpint (waymark_canvas_get_mark (canvas, waymark_journey_lookup (journey, "t2")), ==,
                   WAYMARK_CANVAS_MARK_NONE);
  g_assert_cmpuint (waymark_canvas_get_n_ghosts (canvas), ==, 1);
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

static void
item_activated_cb (gpointer  panel,
                   gpointer  item,
                   gpointer *activated)
{
  *activated = item;
}

/* Picks the @index-th row of the panel's list, as a click would: the
 * document item it is about. */
static gpointer
activate_row (WaymarkComparePanel *panel,
              int                  index)
{
  GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, NULL));
  gpointer activated = GINT_TO_POINTER (1);
  gulong id = g_signal_connect (panel, "item-activated", G_CALLBACK (item_activated_cb), &activated);

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, index));
  g_signal_handler_disconnect (panel, id);
  g_assert_true (activated != GINT_TO_POINTER (1));
  return activated;
}

/* As is against intended: the other map is the plan.  The list names
 * the deviations, the chart holds both curves' steps, rows and steps
 * show the document's items, edits update it, and the roles swap. */
static void
test_as_intended (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-compare-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  g_autoptr(GFile) other = gui_test_write_file (dir, "plan.journey", other_map);
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkComparePanel *panel;
  WaymarkJourney *journey;
  WaymarkHistory *history;
  WaymarkTouchpoint *call, *visit;
  GtkWidget *mode, *curves;
  GArray *steps;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  panel = waymark_editor_get_compare_panel (waymark_document_tab_get_editor (waymark_window_get_selected_tab (window)));
  journey = waymark_window_get_journey (window);
  history = waymark_document_get_history (waymark_window_get_document (window));
  call = waymark_journey_lookup (journey, "t1");
  visit = waymark_journey_lookup (journey, "t2");

  g_assert_true (waymark_editor_compare_with_file (waymark_document_tab_get_editor (waymark_window_get_selected_tab (window)), other));
  gui_test_iterate ();
  g_assert_false (waymark_compare_panel_get_show_deviations (panel));
  curves = gui_test_find_widget (GTK_WIDGET (panel), WAYMARK_TYPE_CURVES_VIEW, NULL);
  g_assert_false (gtk_widget_get_visible (curves));

  /* The mode button, as the user clicks it. */
  mode = gtk_widget_get_next_sibling (gui_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_TOGGLE_BUTTON, NULL));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (mode)), ==, "As Is / Intended");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mode), TRUE);
  g_assert_true (waymark_compare_panel_get_show_deviations (panel));
  g_assert_true (gtk_widget_get_visible (curves));
  {
    g_autofree char *text = list_text (panel);

    g_assert_cmpstr (text, ==,
                     "◆ Planned touchpoint “Letter” (Awareness) is missing from the journey as it is\n"
                     "● Touchpoint “Call” (Awareness) was not planned: an ad-hoc touchpoint\n");
  }
  /* The missing card has no place of its own: its phase is shown. */
  g_assert_true (activate_row (panel, 0) == call->phase);
  g_assert_true (activate_row (panel, 1) == call);
  steps = waymark_compare_panel_get_curve_steps (panel);
  g_assert_nonnull (steps);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_true (g_array_index (steps, WaymarkCurveStep, 0).actual == call);
  g_assert_true (g_array_index (steps, WaymarkCurveStep, 1).actual == visit);
  g_assert_null (g_array_index (steps, WaymarkCurveStep, 2).actual);

  /* The customer now feels bad at "Visit", which the plan had fine. */
  {
    WaymarkTouchpoint *edited = waymark_item_copy (visit);

    edited->has_emotion = TRUE;
    edited->emotion = -2;
    waymark_edits_update (history, visit, edited, "emotion");
  }
  wait_for_update (panel);
  g_assert_cmpuint (waymark_compare_panel_get_deviations (panel)->len, ==, 3);
  /* By severity, then kind: missing, failing, ad hoc. */
  g_assert_cmpint (((WaymarkDeviation *) waymark_compare_panel_get_deviations (panel)->pdata[1])->kind, ==,
                   WAYMARK_DEVIATION_FAILING);
  g_assert_true (activate_row (panel, 1) == visit);

  /* This map is the plan now: "Call" is missing from the other one. */
  waymark_compare_panel_set_document_intended (panel, TRUE);
  {
    g_autofree char *text = list_text (panel);

    g_assert_cmpstr (text, ==,
                     "◆ Planned touchpoint “Call” (Awareness) is missing from the journey as it is\n"
                     "● Touchpoint “Letter” (Awareness) was not planned: an ad-hoc touchpoint\n");
  }
  g_assert_true (activate_row (panel, 0) == call);
  g_assert_true (activate_row (panel, 1) == call->phase);

  /* Back to the changes. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (mode)), TRUE);
  g_assert_false (waymark_compare_panel_get_show_deviations (panel));
  g_assert_null (waymark_compare_panel_get_deviations (panel));
  g_assert_cmpuint (waymark_compare_panel_get_n_changes (panel), ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  g_test_add_func ("/compare/with-saved", test_compare_with_saved);
  g_test_add_func ("/compare/with-file", test_compare_with_file);
  g_test_add_func ("/compare/as-intended", test_as_intended);
  return g_test_run ();
}
