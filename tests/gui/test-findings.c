/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-findings"

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-editor.h"
#include "waymark-edits.h"
#include "waymark-finding-object.h"
#include "waymark-findings-panel.h"
#include "waymark-preferences.h"
#include "waymark-window.h"

typedef struct {
  WaymarkDocument      *document;
  WaymarkJourney       *journey;
  WaymarkHistory       *history;
  GtkWindow            *window;
  WaymarkEditor        *editor;
  WaymarkCanvas        *canvas;
  WaymarkFindingsPanel *panel;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = gui_test_load_example ();
  f->journey = waymark_document_get_journey (f->document);
  f->history = waymark_document_get_history (f->document);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 760);
  f->editor = WAYMARK_EDITOR (waymark_editor_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  waymark_editor_set_document (f->editor, f->document);
  f->canvas = waymark_editor_get_canvas (f->editor);
  f->panel = waymark_editor_get_findings_panel (f->editor);
  gtk_window_present (f->window);
  gui_test_iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_iterate ();
  g_clear_object (&f->document);
}

static WaymarkChecker *
checker_of (Fixture *f)
{
  WaymarkChecker *checker = waymark_findings_panel_get_checker (f->panel);

  g_assert_nonnull (checker);
  return checker;
}

/* The position in the panel of @rule_id's finding about @item, or -1. */
static int
find_row (Fixture       *f,
          gconstpointer  item,
          const char    *rule_id)
{
  GListModel *model = waymark_findings_panel_get_model (f->panel);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WaymarkFindingObject) object = g_list_model_get_item (model, i);

      if (waymark_finding_object_get_item (object) == item &&
          g_str_equal (waymark_finding_object_get_rule_id (object), rule_id))
        return (int) i;
    }
  return -1;
}

/* The panel lists what the checker found, in its order (an edit inserts
 * its findings in their places), and the canvas
 * marks each item with its worst finding. */
static void
assert_panel_and_marks_match (Fixture *f)
{
  WaymarkChecker *checker = checker_of (f);
  g_autoptr(GPtrArray) findings = waymark_checker_list (checker);
  GListModel *model = waymark_findings_panel_get_model (f->panel);

  g_assert_false (waymark_checker_is_pending (checker));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      WaymarkFinding *finding = findings->pdata[i];
      WaymarkSeverity mark;

      g_assert_cmpint (find_row (f, finding->item, waymark_finding_get_rule_id (finding)), ==, (int) i);
      g_assert_true (waymark_canvas_get_finding_mark (f->canvas, finding->item, &mark));
      g_assert_cmpint (mark, ==, waymark_checker_get_worst (checker, finding->item)->severity);
    }
}

static void
test_counts_and_list (Fixture       *f,
                      gconstpointer  data)
{
  WaymarkChecker *checker = checker_of (f);

  /* The example map has weak spots to show. */
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), >, 0);
  assert_panel_and_marks_match (f);
}

/* The header bar's button counts the selected map's findings by severity
 * and shows its panel; F8 does too. */
static void
test_header_button (void)
{
  WaymarkWindow *window = waymark_window_new (NULL);
  g_autoptr(WaymarkDocument) document = gui_test_load_example ();
  WaymarkDocumentTab *tab = waymark_window_add_document (window, document);
  WaymarkEditor *editor = waymark_document_tab_get_editor (tab);
  WaymarkChecker *checker;
  GtkWidget *button;
  g_autofree char *expected = NULL;

  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  checker = waymark_findings_panel_get_checker (waymark_editor_get_findings_panel (editor));
  button = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "findings-button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  expected = g_strdup_printf ("Findings: %u high, %u medium, %u low (F8)",
                              waymark_checker_count (checker, WAYMARK_SEVERITY_HIGH),
                              waymark_checker_count (checker, WAYMARK_SEVERITY_MEDIUM),
                              waymark_checker_count (checker, WAYMARK_SEVERITY_LOW));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, expected);

  g_assert_false (waymark_editor_get_show_findings (editor));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-findings", NULL);
  g_assert_true (waymark_editor_get_show_findings (editor));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_false (waymark_editor_get_show_findings (editor));

  /* An edit that adds a finding is counted before the next frame. */
  {
    WaymarkJourney *journey = waymark_document_get_journey (document);
    g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_PHASE);
    WaymarkPhase *phase = waymark_phase_new (id, "Aftercare");
    g_autofree char *after = NULL;

    waymark_edits_add_item (waymark_document_get_history (document), phase, -1);
    waymark_item_unref (phase);
    gui_test_iterate ();
    after = g_strdup_printf ("Findings: %u high, %u medium, %u low (F8)",
                             waymark_checker_count (checker, WAYMARK_SEVERITY_HIGH),
                             waymark_checker_count (checker, WAYMARK_SEVERITY_MEDIUM),
                             waymark_checker_count (checker, WAYMARK_SEVERITY_LOW));
    g_assert_cmpstr (after, !=, expected);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, after);
  }

  /* With no map left, there is nothing to count: no button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  /* The edit above asks first; its changes go. */
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "discard");
  gui_test_iterate ();
  g_assert_null (waymark_window_get_selected_tab (window));
  g_assert_false (gtk_widget_get_visible (button));

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

static void
test_toggle_and_select (Fixture       *f,
                        gconstpointer  data)
{
  WaymarkChecker *checker = checker_of (f);
  g_autoptr(GPtrArray) findings = waymark_checker_list (checker);
  WaymarkFinding *last;
  GtkAdjustment *vadjustment;
  GtkAdjustment *hadjustment;
  WaymarkRect rect;
  double zoom;

  g_assert_false (waymark_editor_get_show_findings (f->editor));
  /* F8, as a user opens it. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-findings", NULL);
  gui_test_spin (400);
  g_assert_true (waymark_editor_get_show_findings (f->editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->panel)));

  /* Zoomed in, the last finding's item is out of view until chosen. */
  waymark_canvas_set_zoom (f->canvas, 2.0);
  gui_test_iterate ();
  last = findings->pdata[findings->len - 1];
  waymark_findings_panel_activate (f->panel, findings->len - 1);
  gui_test_iterate ();
  g_assert_true (waymark_canvas_get_selected_item (f->canvas) == last->item);

  g_object_get (f->canvas, "hadjustment", &hadjustment, "vadjustment", &vadjustment, NULL);
  g_assert_true (waymark_item_get_item_type (last->item) == WAYMARK_ITEM_TOUCHPOINT ?
                 waymark_layout_get_card_rect (waymark_canvas_get_layout (f->canvas), last->item, &rect) :
                 waymark_layout_get_phase_header_rect (waymark_canvas_get_layout (f->canvas), last->item, &rect));
  zoom = waymark_canvas_get_zoom (f->canvas);
  /* Its rectangle overlaps the visible part of the map. */
  g_assert_cmpfloat (rect.x * zoom, <, gtk_adjustment_get_value (hadjustment) + gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat ((rect.x + rect.width) * zoom, >, gtk_adjustment_get_value (hadjustment) - 1);
  g_assert_cmpfloat (rect.y * zoom, <, gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment));
  g_assert_cmpfloat ((rect.y + rect.height) * zoom, >, gtk_adjustment_get_value (vadjustment) - 1);
  g_object_unref (hadjustment);
  g_object_unref (vadjustment);

  /* F8 again hides it. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.show-findings", NULL);
  g_assert_false (waymark_editor_get_show_findings (f->editor));
}

static void
set_emotion (Fixture           *f,
             WaymarkTouchpoint *tp,
             int                emotion)
{
  WaymarkTouchpoint *edited = waymark_item_copy (tp);

  edited->has_emotion = TRUE;
  edited->emotion = emotion;
  waymark_edits_update (f->history, tp, edited, "emotion");
}

/* An edit changes the list, the counts and the markers before the next
 * frame, through the incremental checker; undo takes it back. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  WaymarkChecker *checker = checker_of (f);
  GPtrArray *touchpoints = waymark_journey_get_items (f->journey, WAYMARK_ITEM_TOUCHPOINT);
  WaymarkTouchpoint *tp = NULL;
  guint before = waymark_checker_get_n_findings (checker);

  /* A touchpoint the customer is happy with. */
  for (guint i = 0; i < touchpoints->len && tp == NULL; i++)
    if (find_row (f, touchpoints->pdata[i], "negative-emotion") < 0)
      tp = touchpoints->pdata[i];
  g_assert_nonnull (tp);

  set_emotion (f, tp, -2);
  /* Nothing has run yet: the update waits for the main loop, before the
   * frame is drawn. */
  g_assert_true (waymark_checker_is_pending (checker));
  gui_test_iterate ();
  g_assert_cmpint (find_row (f, tp, "negative-emotion"), >=, 0);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), >, before);
  assert_panel_and_marks_match (f);

  waymark_history_undo (f->history);
  gui_test_iterate ();
  g_assert_cmpint (find_row (f, tp, "negative-emotion"), <, 0);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before);
  assert_panel_and_marks_match (f);
}

/* The message of @rule_id's finding about @item in the panel, or NULL. */
static const char *
row_message (Fixture       *f,
             gconstpointer  item,
             const char    *rule_id)
{
  GListModel *model = waymark_findings_panel_get_model (f->panel);
  int row = find_row (f, item, rule_id);
  g_autoptr(WaymarkFindingObject) object = NULL;

  if (row < 0)
    return NULL;
  object = g_list_model_get_item (model, (guint) row);
  /* The store keeps the object, and with it the message. */
  return waymark_finding_object_get_message (object);
}

/* A persona that feels bad where the map's curve is fine is a weak spot;
 * the finding names the persona and follows its renaming. */
static void
test_persona_feeling (Fixture       *f,
                      gconstpointer  data)
{
  GPtrArray *touchpoints = waymark_journey_get_items (f->journey, WAYMARK_ITEM_TOUCHPOINT);
  WaymarkPersona *persona = waymark_journey_get_items (f->journey, WAYMARK_ITEM_PERSONA)->pdata[0];
  WaymarkTouchpoint *tp = NULL;
  WaymarkTouchpoint *edited;
  WaymarkPersona *renamed;
  WaymarkPersonaMark *mark;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < touchpoints->len && tp == NULL; i++)
    if (find_row (f, touchpoints->pdata[i], "negative-emotion") < 0 &&
        ((WaymarkTouchpoint *) touchpoints->pdata[i])->has_emotion &&
        ((WaymarkTouchpoint *) touchpoints->pdata[i])->emotion > 0)
      tp = touchpoints->pdata[i];
  g_assert_nonnull (tp);

  edited = waymark_item_copy (tp);
  mark = waymark_touchpoint_mark_persona (edited, persona);
  mark->has_emotion = TRUE;
  mark->emotion = -2;
  waymark_edits_update (f->history, tp, edited, NULL);
  gui_test_iterate ();
  g_assert_cmpint (find_row (f, tp, "negative-emotion"), >=, 0);
  expected = g_strdup_printf ("Persona “%s” feels bad at “%s”", persona->name, tp->title);
  g_assert_true (g_str_has_prefix (row_message (f, tp, "negative-emotion"), expected));
  assert_panel_and_marks_match (f);

  renamed = waymark_item_copy (persona);
  g_free (renamed->name);
  renamed->name = g_strdup ("Walker, 70+");
  waymark_edits_update (f->history, persona, renamed, NULL);
  gui_test_iterate ();
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Persona “Walker, 70+” feels bad at “%s”", tp->title);
  g_assert_true (g_str_has_prefix (row_message (f, tp, "negative-emotion"), expected));
  assert_panel_and_marks_match (f);

  waymark_history_undo (f->history);
  waymark_history_undo (f->history);
  gui_test_iterate ();
  g_assert_cmpint (find_row (f, tp, "negative-emotion"), <, 0);
  assert_panel_and_marks_match (f);
}

/* The dismiss button of the row on screen that shows @message: rows are
 * recycled, so the widget tree's order is not the list's, and a row put
 * aside keeps its last texts. */
static GtkWidget *
find_dismiss_button (GtkWidget  *root,
                     const char *message)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      GtkWidget *label = gtk_widget_get_prev_sibling (child);

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) && gtk_widget_has_css_class (child, "finding-dismiss") &&
          GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), message) == 0)
        return child;
      found = find_dismiss_button (child, message);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Dismissing a finding keeps the dismissal on the item (so in the file)
 * as one undo step; the finding leaves the list, undo brings it back. */
static void
test_dismiss (Fixture       *f,
              gconstpointer  data)
{
  WaymarkChecker *checker = checker_of (f);
  GListModel *model = waymark_findings_panel_get_model (f->panel);
  g_autoptr(WaymarkFindingObject) first = g_list_model_get_item (model, 0);
  gpointer item = waymark_finding_object_get_item (first);
  g_autofree char *rule_id = g_strdup (waymark_finding_object_get_rule_id (first));
  guint before = waymark_checker_get_n_findings (checker);
  GtkWidget *button;

  waymark_editor_set_show_findings (f->editor, TRUE);
  gui_test_spin (400);
  g_assert_false (waymark_item_is_dismissed (item, rule_id));
  /* The first row's dismiss button, as a click would. */
  button = find_dismiss_button (GTK_WIDGET (f->panel), waymark_finding_object_get_message (first));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* A button activated from the keyboard shows itself pressed for a
   * moment before it emits ::clicked. */
  gtk_widget_activate (button);
  gui_test_spin (400);
  g_assert_true (waymark_item_is_dismissed (item, rule_id));
  /* The list follows in the next frame; frames come late on a loaded
   * machine. */
  for (guint waited = 0; find_row (f, item, rule_id) >= 0 && waited < 5000; waited += 50)
    gui_test_spin (50);
  g_assert_cmpint (find_row (f, item, rule_id), <, 0);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before - 1);
  assert_panel_and_marks_match (f);

  waymark_history_undo (f->history);
  gui_test_iterate ();
  g_assert_false (waymark_item_is_dismissed (item, rule_id));
  g_assert_cmpint (find_row (f, item, rule_id), >=, 0);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before);
  assert_panel_and_marks_match (f);
}

/* A dismissal saved and reopened is no longer in the undo history: the
 * panel says how many findings the map dismissed, and Show Again brings
 * them all back, as one undo step. */
static void
test_show_dismissed_again (Fixture       *f,
                           gconstpointer  data)
{
  WaymarkChecker *checker = checker_of (f);
  GListModel *model = waymark_findings_panel_get_model (f->panel);
  g_autoptr(WaymarkFindingObject) first = g_list_model_get_item (model, 0);
  gpointer item = waymark_finding_object_get_item (first);
  g_autofree char *rule_id = g_strdup (waymark_finding_object_get_rule_id (first));
  guint before = waymark_checker_get_n_findings (checker);
  GtkWidget *show = gui_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_BUTTON, "show-dismissed-button");
  GtkWidget *bar;
  GtkWidget *label;
  gpointer edited;

  g_assert_nonnull (show);
  bar = gtk_widget_get_parent (gtk_widget_get_parent (show));
  label = gtk_widget_get_prev_sibling (show);
  waymark_editor_set_show_findings (f->editor, TRUE);
  gui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (bar));

  /* Dismissed as the file keeps it; then the undo history forgotten, as
   * after opening the saved file. */
  edited = waymark_item_copy (item);
  waymark_item_set_dismissed (edited, rule_id, TRUE);
  waymark_edits_update (f->history, item, edited, NULL);
  waymark_history_clear (f->history);
  waymark_findings_panel_update (f->panel);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before - 1);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   g_strcmp0 (data, "de") == 0 ? "1 Befund verworfen" : "1 finding dismissed");

  /* Shown in the next frame; frames come late on a loaded machine. */
  for (guint waited = 0; !gtk_widget_get_mapped (show) && waited < 5000; waited += 50)
    gui_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (show));
  gtk_widget_activate (show);
  for (guint waited = 0; waymark_item_is_dismissed (item, rule_id) && waited < 5000; waited += 50)
    gui_test_spin (50);
  g_assert_false (waymark_item_is_dismissed (item, rule_id));
  waymark_findings_panel_update (f->panel);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before);
  g_assert_cmpint (find_row (f, item, rule_id), >=, 0);
  g_assert_false (gtk_widget_get_visible (bar));

  g_assert_true (waymark_history_undo (f->history));
  waymark_findings_panel_update (f->panel);
  gui_test_iterate ();
  g_assert_true (waymark_item_is_dismissed (item, rule_id));
  g_assert_true (gtk_widget_get_visible (bar));
}

static void
german_set_up (Fixture       *f,
               gconstpointer  data)
{
  g_setenv ("LANGUAGE", data, TRUE);
  setlocale (LC_ALL, "");
  fixture_set_up (f, data);
}

static void
german_tear_down (Fixture       *f,
                  gconstpointer  data)
{
  fixture_tear_down (f, data);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* The thresholds are preferences: a change re-runs the rules. */
static void
test_thresholds (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = waymark_preferences_get_settings ();
  WaymarkChecker *checker = checker_of (f);
  guint before;

  /* The meson test points GSETTINGS_SCHEMA_DIR at the compiled schema. */
  g_assert_nonnull (settings);
  g_assert_cmpint (waymark_checker_get_settings (checker)->negative_emotion, ==, -1);
  before = waymark_checker_count (checker, WAYMARK_SEVERITY_LOW) + waymark_checker_count (checker, WAYMARK_SEVERITY_MEDIUM) +
           waymark_checker_count (checker, WAYMARK_SEVERITY_HIGH);

  /* Only −2 counts as negative now: fewer findings. */
  g_settings_set_int (settings, "finding-negative-emotion", -2);
  gui_test_iterate ();
  g_assert_cmpint (waymark_checker_get_settings (checker)->negative_emotion, ==, -2);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), <, before);
  assert_panel_and_marks_match (f);

  g_settings_reset (settings, "finding-negative-emotion");
  gui_test_iterate ();
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, before);
  assert_panel_and_marks_match (f);
}

/* A new document gets a checker of its own. */
static void
test_document_replaced (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WaymarkDocument) empty = waymark_document_new_untitled (waymark_journey_new ());
  WaymarkChecker *old = checker_of (f);

  waymark_editor_set_document (f->editor, empty);
  gui_test_iterate ();
  g_assert_true (checker_of (f) != old);
  g_assert_cmpuint (g_list_model_get_n_items (waymark_findings_panel_get_model (f->panel)), ==,
                    waymark_checker_get_n_findings (checker_of (f)));
  waymark_editor_set_document (f->editor, f->document);
  gui_test_iterate ();
  assert_panel_and_marks_match (f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  state_dir = gui_test_make_dir ("waymark-test-findings-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_SWITCHES_LANGUAGE))
    {
      gui_test_remove_tree (state_dir);
      return GUI_TEST_SKIP;
    }

#define ADD(path, func) g_test_add ("/findings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("counts-and-list", test_counts_and_list);
  ADD ("toggle-and-select", test_toggle_and_select);
  ADD ("follows-edits", test_follows_edits);
  ADD ("persona-feeling", test_persona_feeling);
  ADD ("document-replaced", test_document_replaced);
  ADD ("dismiss", test_dismiss);
  ADD ("show-dismissed-again", test_show_dismissed_again);
  /* In German too: its longer words once made the panel ask for more
   * width than it reported as natural (a warning, so fatal here). */
  g_test_add ("/findings/show-dismissed-again-german", Fixture, "de",
              german_set_up, test_show_dismissed_again, german_tear_down);
  ADD ("thresholds", test_thresholds);
#undef ADD
  g_test_add_func ("/findings/header-button", test_header_button);

  status = g_test_run ();
  gui_test_remove_tree (state_dir);
  return status;
}
