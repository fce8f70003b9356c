/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-outline"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-edits.h"
#include "waymark-editor.h"
#include "waymark-outline.h"
#include "waymark-outline-row.h"
#include "waymark-outline-text.h"
#include "waymark-reader.h"

#define INSTAGRAM_AD "tp-b9b597d94ddb"     /* first in Awareness: emotion +1 "curious", a weak spot */
#define POSTER "tp-a80cc12b6704"           /* second in the same cell */
#define LIVE_CHAT "tp-c11ce95ce4c0"        /* -2, a weak spot and a moment of truth */
#define PRODUCT_PAGE "tp-1fc1fb25bb67"
#define AWARENESS "phase-c2d0419b9eb4"
#define CONSIDERATION "phase-fc6a2da3b5e6"

typedef struct {
  WaymarkDocument *document;
  WaymarkJourney  *journey;
  WaymarkHistory  *history;
  GtkWindow       *window;
  WaymarkEditor   *editor;
  WaymarkOutline  *outline;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = gui_test_load_example ();
  f->journey = waymark_document_get_journey (f->document);
  f->history = waymark_document_get_history (f->document);
  f->window = GTK_WINDOW (gtk_window_new ());
  /* Wide enough for both side panels beside the map. */
  gtk_window_set_default_size (f->window, 1400, 700);
  f->editor = WAYMARK_EDITOR (waymark_editor_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  waymark_editor_set_document (f->editor, f->document);
  f->outline = waymark_editor_get_outline (f->editor);
  gtk_window_present (f->window);
  /* Ctrl+2, as a user switches. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "outline");
  gui_test_iterate ();
  g_assert_cmpstr (waymark_editor_get_view (f->editor), ==, "outline");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->outline)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_iterate ();
  g_clear_object (&f->document);
}

static gpointer
lookup (Fixture    *f,
        const char *id)
{
  gpointer item = waymark_journey_lookup (f->journey, id);

  g_assert_nonnull (item);
  return item;
}

static WaymarkOutlineRow *
row_of (Fixture    *f,
        const char *id)
{
  GtkWidget *row = waymark_outline_get_row (f->outline, lookup (f, id));

  g_assert_true (WAYMARK_IS_OUTLINE_ROW (row));
  return WAYMARK_OUTLINE_ROW (row);
}

/* The items of the outline's rows, top to bottom. */
static GPtrArray *
listed_items (Fixture *f)
{
  GPtrArray *items = g_ptr_array_new ();
  GtkWidget *first = waymark_outline_get_row (f->outline, lookup (f, AWARENESS));
  GtkWidget *list = gtk_widget_get_parent (first);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (WAYMARK_IS_OUTLINE_ROW (child))
      g_ptr_array_add (items, waymark_outline_row_get_item (WAYMARK_OUTLINE_ROW (child)));
  return items;
}

/* The order a reader of the map expects: phase by phase, lane by lane,
 * card by card; computed lanes have no cards. */
static GPtrArray *
expected_items (Fixture *f)
{
  GPtrArray *items = g_ptr_array_new ();
  GPtrArray *phases = waymark_journey_get_items (f->journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (f->journey, WAYMARK_ITEM_LANE);

  for (guint p = 0; p < phases->len; p++)
    {
      g_ptr_array_add (items, g_ptr_array_index (phases, p));
      for (guint l = 0; l < lanes->len; l++)
        {
          g_autoptr(GPtrArray) cell = waymark_journey_get_cell (f->journey, g_ptr_array_index (phases, p),
                                                                g_ptr_array_index (lanes, l));

          g_ptr_array_extend (items, cell, NULL, NULL);
        }
    }
  return items;
}

static void
assert_order_matches_model (Fixture *f)
{
  g_autoptr(GPtrArray) listed = listed_items (f);
  g_autoptr(GPtrArray) expected = expected_items (f);

  g_assert_cmpuint (listed->len, ==, expected->len);
  for (guint i = 0; i < listed->len; i++)
    if (g_ptr_array_index (listed, i) != g_ptr_array_index (expected, i))
      g_error ("Row %u shows %s, the map has %s there", i,
               waymark_item_get_id (g_ptr_array_index (listed, i)),
               waymark_item_get_id (g_ptr_array_index (expected, i)));
}

/* The items of the rows, whatever heads them. */
static GPtrArray *
rows_of_list (Fixture *f)
{
  GPtrArray *items = g_ptr_array_new ();
  GtkWidget *list = gui_test_find_widget (GTK_WIDGET (f->outline), GTK_TYPE_LIST_BOX, "outline-list");

  g_assert_nonnull (list);
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (WAYMARK_IS_OUTLINE_ROW (child))
      g_ptr_array_add (items, waymark_outline_row_get_item (WAYMARK_OUTLINE_ROW (child)));
  return items;
}

static void
vote (Fixture  *f,
      gpointer  card,
      int       delta)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_ptr_array_add (cards, card);
  g_assert_true (waymark_edits_vote (f->history, cards, delta));
  gui_test_iterate ();
}

/* ---- Tests ---- */

static void
test_groups_and_order (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) listed = listed_items (f);
  guint phases = 0, notes = 0, touchpoints = 0;

  assert_order_matches_model (f);
  for (guint i = 0; i < listed->len; i++)
    switch (waymark_item_get_item_type (g_ptr_array_index (listed, i)))
      {
      case WAYMARK_ITEM_PHASE: phases++; break;
      case WAYMARK_ITEM_NOTE: notes++; break;
      case WAYMARK_ITEM_TOUCHPOINT: touchpoints++; break;
      default: g_assert_not_reached ();
      }
  /* Every phase heads its group, and every card of the map is there. */
  g_assert_cmpuint (phases, ==, 5);
  g_assert_cmpuint (touchpoints, ==, waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_TOUCHPOINT));
  g_assert_cmpuint (notes, ==, waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_NOTE));
  g_assert_cmpuint (notes, >, 0);
  g_assert_true (g_ptr_array_index (listed, 0) == lookup (f, AWARENESS));
  g_assert_true (g_ptr_array_index (listed, 1) == lookup (f, INSTAGRAM_AD));
  g_assert_true (g_ptr_array_index (listed, 2) == lookup (f, POSTER));
}

static void
test_sort_by_votes (Fixture       *f,
                    gconstpointer  data)
{
  gpointer poster = lookup (f, POSTER);
  gpointer note = g_ptr_array_index (waymark_journey_get_items (f->journey, WAYMARK_ITEM_NOTE), 0);
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (f->outline), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_autoptr(GPtrArray) expected = expected_items (f);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *details = NULL;
  guint n_cards = 0;

  vote (f, poster, 2);
  vote (f, note, 5);

  /* The outline's button, as a person clicks it. */
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Sort by Votes");
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
  g_assert_true (waymark_outline_get_sort_by_votes (f->outline));

  /* Most votes first, then the rest in the map's order; no phase rows. */
  listed = rows_of_list (f);
  g_assert_true (g_ptr_array_index (listed, 0) == note);
  g_assert_true (g_ptr_array_index (listed, 1) == poster);
  for (guint i = 0, j = 2; i < expected->len; i++)
    {
      gpointer item = g_ptr_array_index (expected, i);

      if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE || item == note || item == poster)
        continue;
      n_cards++;
      g_assert_cmpuint (j, <, listed->len);
      g_assert_true (g_ptr_array_index (listed, j++) == item);
    }
  g_assert_cmpuint (listed->len, ==, n_cards + 2);
  details = waymark_outline_card_details (poster);
  g_assert_nonnull (strstr (details, "2 votes"));

  /* A vote reorders. */
  vote (f, poster, 4);
  again = rows_of_list (f);
  g_assert_true (g_ptr_array_index (again, 0) == poster);
  g_assert_true (g_ptr_array_index (again, 1) == note);

  /* Off: the map's order, phase by phase. */
  waymark_outline_set_sort_by_votes (f->outline, FALSE);
  gui_test_iterate ();
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  assert_order_matches_model (f);
}

static void
test_accessible_label (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkOutlineRow *row = row_of (f, LIVE_CHAT);
  g_autofree char *description = waymark_outline_card_description (lookup (f, LIVE_CHAT));
  char *mismatch;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Live chat: “Does it work with my phone?”. "
                                                 "Channel: Live chat · Lane: Touchpoints · "
                                                 "Emotion: -2, very negative (“waits 14 minutes, gives up”) · "
                                                 "Owner: Service. Weak spot. Moment of truth");
  if (mismatch != NULL)
    g_error ("The row's accessible name: %s", mismatch);

  /* The description reads the rest of the card. */
  g_assert_nonnull (strstr (description, "Phase: Consideration."));
  g_assert_nonnull (strstr (description, "Initiated by the customer."));
  g_assert_nonnull (strstr (description, "High priority."));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                 description);
  g_assert_null (mismatch);

  /* A note reads as one, with its lane. */
  {
    WaymarkNote *note = waymark_journey_get_item (f->journey, WAYMARK_ITEM_NOTE, 0);
    g_autofree char *expected = g_strdup_printf ("%s. Note · Lane: %s", note->text, note->lane->name);

    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (waymark_outline_get_row (f->outline, note)),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
    if (mismatch != NULL)
      g_error ("A note row's accessible name: %s", mismatch);
  }

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row_of (f, AWARENESS)),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "Awareness, 6 touchpoints · 3 notes");
  if (mismatch != NULL)
    g_error ("The phase row's accessible name: %s", mismatch);
}

static void
test_model_change_updates_row (Fixture       *f,
                               gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkOutlineRow *row = row_of (f, INSTAGRAM_AD);
  WaymarkTouchpoint *edited = waymark_item_copy (tp);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  char *mismatch;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  /* As the inspector edits: the same row shows it, and keeps the keyboard. */
  edited->emotion = -1;
  g_free (edited->owner);
  edited->owner = g_strdup ("Service");
  waymark_edits_update (f->history, tp, edited, NULL);
  gui_test_iterate ();
  g_assert_true (row_of (f, INSTAGRAM_AD) == row);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                 "Instagram ad. Channel: Social media · Lane: Touchpoints · "
                                                 "Emotion: -1, negative (“curious”) · Owner: Service. Weak spot");
  if (mismatch != NULL)
    g_error ("After an edit: %s", mismatch);

  /* A card moved on the map (another cell) moves in the list; the
   * keyboard stays on the card it was on. */
  g_ptr_array_add (cards, tp);
  g_assert_true (waymark_edits_move_cards (f->history, cards, lookup (f, CONSIDERATION), tp->lane, 0));
  gui_test_iterate ();
  assert_order_matches_model (f);
  g_assert_true (gtk_widget_has_focus (waymark_outline_get_row (f->outline, tp)));

  /* A phase added on the map gets its heading. */
  waymark_edits_add_item (f->history, waymark_phase_new ("phase-new", "Onboarding"), 1);
  gui_test_iterate ();
  assert_order_matches_model (f);
  g_assert_nonnull (waymark_outline_get_row (f->outline, lookup (f, "phase-new")));
}

static void
test_edit_title (Fixture       *f,
                 gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkOutlineRow *row = row_of (f, INSTAGRAM_AD);
  guint steps = waymark_history_get_n_undo (f->history);
  GtkEditable *entry;

  /* F2 */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  g_assert_true (waymark_outline_row_is_editing (row));
  entry = waymark_outline_row_get_entry (row);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Instagram ad");
  /* Typing, then Enter. */
  gtk_editable_set_text (entry, "Instagram");
  gtk_editable_set_text (entry, "Instagram story ad");
  g_signal_emit_by_name (entry, "activate");
  gui_test_iterate ();

  g_assert_false (waymark_outline_row_is_editing (row));
  g_assert_cmpstr (tp->title, ==, "Instagram story ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);
  /* The keyboard is back on the row, for the next one. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps);

  /* Escape leaves the card as it was. */
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  gtk_editable_set_text (waymark_outline_row_get_entry (row), "Something else");
  gtk_widget_activate_action (GTK_WIDGET (row), "row.cancel", NULL);
  gui_test_iterate ();
  g_assert_false (waymark_outline_row_is_editing (row));
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row)));

  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  gtk_editable_set_text (waymark_outline_row_get_entry (row), "Something else");
  gtk_widget_grab_focus (GTK_WIDGET (row_of (f, POSTER)));
  gui_test_iterate ();
  /* Leaving the field keeps what was typed, as on the map. */
  g_assert_cmpstr (tp->title, ==, "Something else");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);
}

static void
test_delete_and_move (Fixture       *f,
                      gconstpointer  data)
{
  WaymarkTouchpoint *ad = lookup (f, INSTAGRAM_AD);
  WaymarkTouchpoint *poster = lookup (f, POSTER);
  guint n = waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autoptr(GPtrArray) cell = NULL;

  /* Alt+Down: one down in its cell, one undo step. */
  gtk_widget_grab_focus (GTK_WIDGET (row_of (f, INSTAGRAM_AD)));
  gtk_widget_activate_action (GTK_WIDGET (row_of (f, INSTAGRAM_AD)), "row.move", "i", 1);
  gui_test_iterate ();
  cell = waymark_journey_get_cell (f->journey, ad->phase, ad->lane);
  g_assert_true (g_ptr_array_index (cell, 0) == poster);
  g_assert_true (g_ptr_array_index (cell, 1) == ad);
  assert_order_matches_model (f);
  g_assert_true (gtk_widget_has_focus (waymark_outline_get_row (f->outline, ad)));
  /* Alt+Up at the top of its cell does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (row_of (f, POSTER)), "row.move", "i", -1);
  gui_test_iterate ();
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = waymark_journey_get_cell (f->journey, ad->phase, ad->lane);
  g_assert_true (g_ptr_array_index (cell, 0) == poster);
  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  assert_order_matches_model (f);

  /* Delete, then undo. */
  gtk_widget_grab_focus (GTK_WIDGET (row_of (f, INSTAGRAM_AD)));
  gtk_widget_activate_action (GTK_WIDGET (row_of (f, INSTAGRAM_AD)), "row.delete", NULL);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_TOUCHPOINT), ==, n - 1);
  g_assert_null (waymark_journey_lookup (f->journey, INSTAGRAM_AD));
  assert_order_matches_model (f);
  /* The keyboard moves on to the next card. */
  g_assert_true (gtk_widget_has_focus (waymark_outline_get_row (f->outline, poster)));
  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  g_assert_nonnull (waymark_journey_lookup (f->journey, INSTAGRAM_AD));
  assert_order_matches_model (f);
}

static void
test_selection_sync (Fixture       *f,
                     gconstpointer  data)
{
  WaymarkCanvas *canvas = waymark_editor_get_canvas (f->editor);
  WaymarkOutlineRow *row = row_of (f, LIVE_CHAT);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (row)));

  /* Switching views moves the keyboard, not the selection. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row_of (f, AWARENESS))));
  g_assert_null (waymark_canvas_get_selected_item (canvas));

  /* A row picked in the outline is the canvas's selection (and so the
   * inspector's). */
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
  gui_test_iterate ();
  g_assert_true (waymark_canvas_get_selected_item (canvas) == lookup (f, LIVE_CHAT));
  g_assert_true (waymark_outline_get_selected_item (f->outline) == lookup (f, LIVE_CHAT));

  /* A phase heading selects the phase. */
  gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row_of (f, AWARENESS)));
  gui_test_iterate ();
  g_assert_true (waymark_canvas_get_selected_item (canvas) == lookup (f, AWARENESS));

  /* And the other way round. */
  waymark_canvas_select_item (canvas, lookup (f, PRODUCT_PAGE), WAYMARK_CANVAS_SELECT_REPLACE);
  gui_test_iterate ();
  g_assert_true (waymark_outline_get_selected_item (f->outline) == lookup (f, PRODUCT_PAGE));
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row_of (f, PRODUCT_PAGE)));

  /* Several cards on the map: no single row. */
  waymark_canvas_select_item (canvas, lookup (f, LIVE_CHAT), WAYMARK_CANVAS_SELECT_ADD);
  gui_test_iterate ();
  g_assert_null (waymark_outline_get_selected_item (f->outline));
  g_assert_null (gtk_list_box_get_selected_row (list));

  /* The selection survives a switch to the map and back. */
  waymark_canvas_select_item (canvas, lookup (f, POSTER), WAYMARK_CANVAS_SELECT_REPLACE);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "map");
  gui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "outline");
  gui_test_iterate ();
  g_assert_true (gtk_list_box_get_selected_row (list) == GTK_LIST_BOX_ROW (row_of (f, POSTER)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (row_of (f, POSTER))));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  WaymarkOutlineRow *row = row_of (f, INSTAGRAM_AD);

  waymark_document_set_read_only (f->document, "A newer file format");
  gui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (row), "row.edit", NULL);
  g_assert_false (waymark_outline_row_is_editing (row));
  gtk_widget_activate_action (GTK_WIDGET (row), "row.delete", NULL);
  gui_test_iterate ();
  g_assert_nonnull (waymark_journey_lookup (f->journey, INSTAGRAM_AD));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Untitled documents keep a recovery journal a few seconds after an
   * edit: not in the user's own state directory. */
  state_dir = gui_test_make_dir ("waymark-test-outline-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_ACCESSIBILITY))
    {
      gui_test_remove_tree (state_dir);
      return GUI_TEST_SKIP;
    }

#define ADD(path, func) g_test_add ("/outline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sort-by-votes", test_sort_by_votes);
  ADD ("groups-and-order", test_groups_and_order);
  ADD ("accessible-label", test_accessible_label);
  ADD ("model-change-updates-row", test_model_change_updates_row);
  ADD ("edit-title", test_edit_title);
  ADD ("delete-and-move", test_delete_and_move);
  ADD ("selection-sync", test_selection_sync);
  ADD ("read-only", test_read_only);
#undef ADD

  status = g_test_run ();
  gui_test_remove_tree (state_dir);
  return status;
}
