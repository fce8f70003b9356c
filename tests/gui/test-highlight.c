/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-highlight"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-edits.h"
#include "waymark-editor.h"
#include "waymark-export-dialog.h"
#include "waymark-findings-panel.h"
#include "waymark-highlight-popover.h"
#include "waymark-outline-row.h"

/* The map toolbar's Highlight: its popover's check boxes set what stands
 * out, the canvas and the outline dim the rest, the button shows that a
 * highlight is on; Escape on the map (with nothing selected) and Clear let
 * go of it; it never touches the document or its history. */

typedef struct {
  WaymarkDocument *document;
  WaymarkJourney  *journey;
  GtkWindow       *window;
  WaymarkEditor   *editor;
  WaymarkCanvas   *canvas;
  WaymarkOutline  *outline;
  GtkWidget       *button;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = gui_test_load_example ();
  f->journey = waymark_document_get_journey (f->document);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 760);
  f->editor = WAYMARK_EDITOR (waymark_editor_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  waymark_editor_set_document (f->editor, f->document);
  f->canvas = waymark_editor_get_canvas (f->editor);
  f->outline = waymark_editor_get_outline (f->editor);
  gtk_window_present (f->window);
  gui_test_iterate ();
  f->button = gui_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_MENU_BUTTON, "highlight-button");
  g_assert_nonnull (f->button);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_iterate ();
  g_clear_object (&f->document);
}

static GtkPopover *
open_popover (Fixture *f)
{
  GtkPopover *popover;

  /* Shift+Ctrl+H */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.highlight", NULL));
  gui_test_spin (100);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (f->button));
  g_assert_true (WAYMARK_IS_HIGHLIGHT_POPOVER (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return popover;
}

/* The check box labelled @label in the popover. */
static GtkCheckButton *
find_check (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return GTK_CHECK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_check (GtkPopover *popover,
             const char *label)
{
  GtkCheckButton *check = find_check (GTK_WIDGET (popover), label);

  if (check == NULL)
    g_error ("no check box “%s” in the Highlight popover", label);
  gtk_widget_activate (GTK_WIDGET (check));
  gui_test_iterate ();
}

/* The first touchpoint whose channel is (or is not) called @channel. */
static WaymarkTouchpoint *
touchpoint_on (Fixture    *f,
               const char *channel,
               gboolean    on)
{
  GPtrArray *tps = waymark_journey_get_items (f->journey, WAYMARK_ITEM_TOUCHPOINT);

  for (guint i = 0; i < tps->len; i++)
    {
      WaymarkTouchpoint *tp = tps->pdata[i];
      gboolean is_on = tp->channel != NULL && g_strcmp0 (tp->channel->name, channel) == 0;

      if (is_on == on)
        return tp;
    }
  g_assert_not_reached ();
}

static gboolean
row_dimmed (Fixture       *f,
            gconstpointer  item)
{
  GtkWidget *row = waymark_outline_get_row (f->outline, (gpointer) item);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "highlight-dimmed");
}

static void
show_outline (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "outline"));
  gui_test_spin (200);
}

static void
test_channel (Fixture       *f,
              gconstpointer  data)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (f->canvas);
  WaymarkTouchpoint *shop = touchpoint_on (f, "Online shop", TRUE);
  WaymarkTouchpoint *other = touchpoint_on (f, "Online shop", FALSE);
  GtkPopover *popover;

  show_outline (f);
  g_assert_null (waymark_editor_get_highlight (f->editor));
  g_assert_false (gtk_widget_has_css_class (f->button, "highlight-active"));
  g_assert_false (row_dimmed (f, other));

  popover = open_popover (f);
  click_check (popover, "Online shop");
  g_assert_nonnull (waymark_editor_get_highlight (f->editor));
  g_assert_nonnull (waymark_canvas_get_highlight (f->canvas));
  /* On the map … */
  g_assert_false (waymark_layout_is_dimmed (layout, shop));
  g_assert_true (waymark_layout_is_dimmed (layout, other));
  /* … and in the outline. */
  g_assert_false (row_dimmed (f, shop));
  g_assert_true (row_dimmed (f, other));
  /* The button says so, to the eye and to a screen reader's tooltip. */
  g_assert_true (gtk_widget_has_css_class (f->button, "highlight-active"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (f->button), "stand out"));
  /* An edit that lights another card counts it, and undo puts it out. */
  {
    g_autofree char *before = g_strdup (gtk_widget_get_tooltip_text (f->button));
    WaymarkHistory *history = waymark_document_get_history (f->document);

    waymark_edits_set_channel (history, other, shop->channel);
    gui_test_spin (100);
    g_assert_false (waymark_layout_is_dimmed (layout, other));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (f->button), !=, before);
    g_assert_true (waymark_history_undo (history));
    gui_test_spin (100);
    g_assert_true (waymark_layout_is_dimmed (layout, other));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (f->button), ==, before);
  }

  /* OR within a kind: a second channel adds its cards. */
  click_check (popover, "E-mail");
  g_assert_false (waymark_layout_is_dimmed (layout, shop));
  g_assert_false (waymark_layout_is_dimmed (layout, touchpoint_on (f, "E-mail", TRUE)));
  /* AND across kinds: an owner the shop's cards lack dims them. */
  click_check (popover, "Logistics");
  g_assert_true (waymark_layout_is_dimmed (layout, shop));

  /* Clear: every card as it was. */
  g_signal_emit_by_name (gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "highlight-clear"), "clicked");
  gui_test_iterate ();
  g_assert_null (waymark_editor_get_highlight (f->editor));
  g_assert_false (waymark_layout_is_dimmed (layout, other));
  g_assert_false (row_dimmed (f, other));
  g_assert_false (gtk_widget_has_css_class (f->button, "highlight-active"));
  g_assert_false (gtk_check_button_get_active (find_check (GTK_WIDGET (popover), "Online shop")));
  gtk_popover_popdown (popover);
}

static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (f->canvas);
  WaymarkTouchpoint *other = touchpoint_on (f, "Online shop", FALSE);
  GtkPopover *popover = open_popover (f);

  click_check (popover, "Digital");
  gtk_popover_popdown (popover);
  gui_test_iterate ();
  g_assert_true (waymark_layout_is_dimmed (layout, touchpoint_on (f, "Store", TRUE)));

  /* With a selection, Escape lets go of it first … */
  waymark_canvas_select_item (f->canvas, other, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.escape", NULL));
  gui_test_iterate ();
  g_assert_null (waymark_canvas_get_selected_item (f->canvas));
  g_assert_nonnull (waymark_editor_get_highlight (f->editor));
  /* … then of the highlight. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.escape", NULL));
  gui_test_iterate ();
  g_assert_null (waymark_editor_get_highlight (f->editor));
  g_assert_null (waymark_canvas_get_highlight (f->canvas));
  g_assert_false (waymark_layout_is_dimmed (layout, touchpoint_on (f, "Store", TRUE)));
  g_assert_false (gtk_widget_has_css_class (f->button, "highlight-active"));
}

static void
test_findings_and_votes (Fixture       *f,
                         gconstpointer  data)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (f->canvas);
  WaymarkChecker *checker = waymark_findings_panel_get_checker (waymark_editor_get_findings_panel (f->editor));
  GPtrArray *tps = waymark_journey_get_items (f->journey, WAYMARK_ITEM_TOUCHPOINT);
  GtkPopover *popover = open_popover (f);
  guint n_high = 0;

  g_assert_nonnull (checker);
  waymark_checker_update (checker);
  click_check (popover, "High");
  /* Exactly the cards with a high finding stand out. */
  for (guint i = 0; i < tps->len; i++)
    {
      WaymarkFinding *worst = waymark_checker_get_worst (checker, tps->pdata[i]);
      gboolean high = worst != NULL && worst->severity == WAYMARK_SEVERITY_HIGH;

      g_assert_cmpint (waymark_layout_is_dimmed (layout, tps->pdata[i]), ==, !high);
      n_high += high;
    }
  g_assert_cmpuint (n_high, >, 0);
  /* One severity at a time. */
  click_check (popover, "Any weak spot");
  g_assert_false (gtk_check_button_get_active (find_check (GTK_WIDGET (popover), "High")));
  g_assert_true (waymark_highlight_has_finding (waymark_editor_get_highlight (f->editor), NULL, WAYMARK_SEVERITY_LOW));
  click_check (popover, "Any weak spot");
  g_assert_null (waymark_editor_get_highlight (f->editor));

  /* At least N votes: the check box, or setting the count. */
  click_check (popover, "_At least");
  g_assert_cmpuint (waymark_highlight_get_min_votes (waymark_editor_get_highlight (f->editor)), ==, 1);
  click_check (popover, "_At least");
  g_assert_null (waymark_editor_get_highlight (f->editor));
  {
    GtkWidget *votes = gui_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON, "highlight-votes");

    g_assert_nonnull (votes);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (votes), 3);
    gui_test_iterate ();
    g_assert_true (gtk_check_button_get_active (find_check (GTK_WIDGET (popover), "_At least")));
    g_assert_cmpuint (waymark_highlight_get_min_votes (waymark_editor_get_highlight (f->editor)), ==, 3);
  }
  /* Emotion from −2 to −1. */
  click_check (popover, "_From");
  {
    int min, max;

    g_assert_true (waymark_highlight_get_emotion (waymark_editor_get_highlight (f->editor), &min, &max));
    g_assert_cmpint (min, ==, -2);
    g_assert_cmpint (max, ==, -1);
  }
  gtk_popover_popdown (popover);
}

/* The map's personas are offered; a touchpoint that names none applies
 * to every persona, and a note to none. */
static void
test_persona (Fixture       *f,
              gconstpointer  data)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (f->canvas);
  WaymarkPersona *persona = waymark_journey_get_item (f->journey, WAYMARK_ITEM_PERSONA, 0);
  GtkPopover *popover = open_popover (f);

  click_check (popover, persona->name);
  g_assert_true (waymark_highlight_has_persona (waymark_editor_get_highlight (f->editor), waymark_item_get_id (persona)));
  g_assert_false (waymark_layout_is_dimmed (layout, waymark_journey_get_item (f->journey, WAYMARK_ITEM_TOUCHPOINT, 0)));
  g_assert_true (waymark_layout_is_dimmed (layout, waymark_journey_get_item (f->journey, WAYMARK_ITEM_NOTE, 0)));
  gtk_popover_popdown (popover);
}

/* The dashboard has nothing to dim: no button there, and Shift+Ctrl+H
 * goes to the map. */
static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "dashboard"));
  gui_test_spin (200);
  g_assert_false (gtk_widget_get_visible (f->button));
  gtk_popover_popdown (open_popover (f));
  g_assert_true (gtk_widget_get_visible (f->button));
  g_assert_cmpstr (waymark_editor_get_view (f->editor), ==, "map");
}

/* View state: a highlight is not an edit. */
static void
test_not_in_document (Fixture       *f,
                      gconstpointer  data)
{
  WaymarkHistory *history = waymark_document_get_history (f->document);
  GtkPopover *popover = open_popover (f);

  click_check (popover, "Physical");
  g_assert_nonnull (waymark_editor_get_highlight (f->editor));
  g_assert_false (waymark_history_can_undo (history));
  g_assert_false (waymark_document_is_modified (f->document));
  gtk_popover_popdown (popover);
}

/* The action row under @root whose subtitle holds @text, or NULL. */
static AdwActionRow *
find_row_saying (GtkWidget  *root,
                 const char *text)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (root));

      if (subtitle != NULL && strstr (subtitle, text) != NULL)
        return ADW_ACTION_ROW (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row_saying (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Exporting what is highlighted, in German: the switch speaks German and
 * the size of the card titles has a decimal comma, as every number of
 * the map (printf's "%.1f" followed LC_NUMERIC: "9.0 pt"). */
static void
test_export_dialog_german (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse ("category=physical", NULL);
  WaymarkExportDialog *dialog;
  WaymarkExportOptions options;
  AdwActionRow *pages;

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  dialog = waymark_export_dialog_new (f->window, f->journey, NULL);
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  waymark_export_dialog_set_options (dialog, &options);
  waymark_export_dialog_set_highlight (dialog, highlight, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_iterate ();

  g_assert_nonnull (find_row_saying (GTK_WIDGET (dialog), "Die nicht hervorgehobenen Karten abblenden"));
  pages = find_row_saying (GTK_WIDGET (dialog), "Kartentitel");
  g_assert_nonnull (pages);
  g_test_message ("%s", adw_action_row_get_subtitle (pages));
  g_assert_true (g_regex_match_simple ("[0-9] Seiten?, Kartentitel [0-9]+(,[0-9])? pt$",
                                       adw_action_row_get_subtitle (pages), 0, 0));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  state_dir = gui_test_make_dir ("waymark-test-highlight-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_SWITCHES_LANGUAGE))
    {
      gui_test_remove_tree (state_dir);
      return GUI_TEST_SKIP;
    }

#define ADD(path, func) g_test_add ("/highlight/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("channel", test_channel);
  ADD ("escape", test_escape);
  ADD ("findings-and-votes", test_findings_and_votes);
  ADD ("not-in-document", test_not_in_document);
  ADD ("dashboard", test_dashboard);
  ADD ("persona", test_persona);
  ADD ("export-dialog-german", test_export_dialog_german);
#undef ADD

  status = g_test_run ();
  gui_test_remove_tree (state_dir);
  return status;
}
