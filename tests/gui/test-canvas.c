/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include "test-canvas-util.h"
#include "waymark-channel-palette.h"
#include "waymark-edits.h"
#include "waymark-editor.h"
#include "waymark-reader.h"

/* The canvas in a real window on the test's display.  Input goes through
 * the canvas's gesture entry points (_waymark_canvas_press/motion/release,
 * _drop_motion/_drop: what the GtkGestureDrag and GtkDropTarget handlers
 * call with the pointer's widget coordinates), keys through the actions
 * their bindings activate.  tests/e2e drives the installed binary with
 * real X events on top of this. */

static WaymarkPaletteItem *
palette_item (const char *icon)
{
  g_autoptr(GPtrArray) items = waymark_palette_item_get_catalogue ();

  for (guint i = 0; i < items->len; i++)
    {
      WaymarkPaletteItem *item = g_ptr_array_index (items, i);

      if (waymark_palette_item_is_note (item) ? g_strcmp0 (icon, "note") == 0
                                              : g_strcmp0 (waymark_palette_item_get_icon (item), icon) == 0)
        return g_object_ref (item);
    }
  g_error ("no palette item %s", icon);
  return NULL;
}

static guint
count_channels_with_icon (WaymarkJourney *journey,
                          const char     *icon)
{
  GPtrArray *channels = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);
  guint n = 0;

  for (guint i = 0; i < channels->len; i++)
    n += g_strcmp0 (((WaymarkChannel *) g_ptr_array_index (channels, i))->icon, icon) == 0;
  return n;
}

static GtkEntry *
inline_editor (WaymarkCanvas *canvas)
{
  GtkWidget *entry = gui_test_find_widget (GTK_WIDGET (canvas), GTK_TYPE_ENTRY, "inline-editor");

  g_assert_nonnull (entry);
  return GTK_ENTRY (entry);
}

/* The canvas's CSS-named part @css_name (a child that takes no input). */
static GtkWidget *
canvas_part (WaymarkCanvas *canvas,
             const char    *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), css_name) == 0)
      return child;
  g_error ("no part %s", css_name);
  return NULL;
}

/* A key press as the key controllers of @widget see it: the first that
 * handles it wins. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* Types @text into the open in-place editor and presses Enter. */
static void
type_and_enter (WaymarkCanvas *canvas,
                const char    *text)
{
  GtkEntry *entry = inline_editor (canvas);

  g_assert_true (waymark_canvas_is_editing (canvas));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (waymark_canvas_is_editing (canvas));
}

/* ---- Dropping palette items ---- */

static void
test_drop_palette_item (void)
{
  CanvasFixture f = { 0 };
  g_autoptr(WaymarkPaletteItem) website = palette_item ("website");
  g_autoptr(WaymarkPaletteItem) event = palette_item ("event");
  g_autoptr(WaymarkPaletteItem) note = palette_item ("note");
  g_autofree char *saved = NULL;
  g_autoptr(WaymarkJourney) reread = NULL;
  WaymarkPhase *during;
  WaymarkLane *actions, *emotions, *pains;
  WaymarkTouchpoint *tp, *tp2;
  guint n_undo, n_channels;
  double x, y;

  canvas_fixture_open (&f, "three-stages.journey");
  during = find_phase (f.journey, "During the purchase");
  actions = find_lane (f.journey, "Customer actions");
  emotions = find_lane (f.journey, "Emotions");
  pains = find_lane (f.journey, "Pain points");
  n_channels = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL);

  /* While the item is over a cell, that cell and the insertion point
   * show; over the emotion curve nothing can land. */
  cell_point (f.canvas, during, emotions, &x, &y);
  g_assert_cmpint (_waymark_canvas_drop_motion (f.canvas, website, x, y), ==, 0);
  g_assert_false (f.canvas->drop.valid);
  cell_point (f.canvas, during, actions, &x, &y);
  g_assert_cmpint (_waymark_canvas_drop_motion (f.canvas, website, x, y), ==, GDK_ACTION_COPY);
  g_assert_true (f.canvas->drop.valid);
  g_assert_true (f.canvas->drop.phase == during);
  g_assert_true (f.canvas->drop.lane == actions);
  canvas_fixture_settle (&f);
  g_assert_true (gtk_widget_get_child_visible (f.canvas->drop_preview));
  /* A touchpoint does not go into a notes lane. */
  cell_point (f.canvas, during, pains, &x, &y);
  g_assert_cmpint (_waymark_canvas_drop_motion (f.canvas, website, x, y), ==, 0);
  _waymark_canvas_drop_leave (f.canvas);
  g_assert_false (f.canvas->drop.valid);

  /* Dropped: a touchpoint in that phase and lane with the map's own
   * Website channel, named in place right away. */
  n_undo = waymark_history_get_n_undo (f.history);
  cell_point (f.canvas, during, actions, &x, &y);
  g_assert_true (_waymark_canvas_drop (f.canvas, website, x, y));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  tp = waymark_journey_get_item (f.journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  g_assert_true (tp->phase == during);
  g_assert_true (tp->lane == actions);
  g_assert_nonnull (tp->channel);
  g_assert_cmpstr (tp->channel->icon, ==, "website");
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels);
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == tp);
  g_assert_false (f.canvas->drop.valid);
  type_and_enter (f.canvas, "Compare prices online");
  g_assert_cmpstr (tp->title, ==, "Compare prices online");
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 2);

  /* A channel the map lacks is added in the same undo step. */
  cell_point (f.canvas, during, actions, &x, &y);
  g_assert_true (_waymark_canvas_drop (f.canvas, event, x, y));
  _waymark_canvas_stop_editing (f.canvas, FALSE);
  tp2 = waymark_canvas_get_selected_item (f.canvas);
  g_assert_nonnull (tp2);
  g_assert_cmpstr (tp2->channel->icon, ==, "event");
  g_assert_cmpint (tp2->channel->category, ==, WAYMARK_CATEGORY_PHYSICAL);
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels + 1);
  g_assert_cmpuint (cell_count (f.journey, during, actions), ==, 2);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels);
  g_assert_cmpuint (cell_count (f.journey, during, actions), ==, 1);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels + 1);
  g_assert_cmpuint (count_channels_with_icon (f.journey, "event"), ==, 1);

  /* The note item fits a notes lane. */
  cell_point (f.canvas, during, pains, &x, &y);
  g_assert_true (_waymark_canvas_drop (f.canvas, note, x, y));
  type_and_enter (f.canvas, "Checkout asks for the address twice");
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 1);

  /* Undo takes the title, then the card. */
  g_assert_true (waymark_history_undo (f.history));
  g_assert_null (((WaymarkNote *) waymark_journey_get_item (f.journey, WAYMARK_ITEM_NOTE, 0))->text);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 0);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_true (waymark_history_redo (f.history));

  /* What is saved is what was built. */
  saved = save_and_read (&f);
  g_assert_nonnull (strstr (saved, "<title>Compare prices online</title>"));
  g_assert_nonnull (strstr (saved, "<text>Checkout asks for the address twice</text>"));
  reread = waymark_reader_read (saved, strlen (saved), "saved.journey", NULL, NULL);
  g_assert_nonnull (reread);
  tp = find_touchpoint (reread, "Compare prices online");
  g_assert_nonnull (tp);
  g_assert_cmpstr (tp->phase->name, ==, "During the purchase");
  g_assert_cmpstr (tp->lane->name, ==, "Customer actions");
  g_assert_cmpstr (tp->channel->icon, ==, "website");

  canvas_fixture_close (&f);
}

/* Double click and Enter on an empty cell add a card too. */
static void
test_add_by_double_click_and_enter (void)
{
  CanvasFixture f = { 0 };
  WaymarkPhase *before, *after;
  WaymarkLane *touchpoints, *ideas;
  WaymarkTouchpoint *tp;
  double x, y;

  canvas_fixture_open (&f, "three-stages.journey");
  before = find_phase (f.journey, "Before the purchase");
  after = find_phase (f.journey, "After the purchase");
  touchpoints = find_lane (f.journey, "Touchpoints");
  ideas = find_lane (f.journey, "Ideas");

  cell_point (f.canvas, before, touchpoints, &x, &y);
  _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
  _waymark_canvas_release (f.canvas, x, y);
  _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
  _waymark_canvas_double_click (f.canvas, x, y);
  _waymark_canvas_release (f.canvas, x, y);
  type_and_enter (f.canvas, "Sees an ad");
  tp = find_touchpoint (f.journey, "Sees an ad");
  g_assert_nonnull (tp);
  g_assert_true (tp->phase == before && tp->lane == touchpoints);
  /* The release after the double click kept the new card selected. */
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == tp);

  /* Keyboard only: the cursor on an empty notes cell, Enter. */
  waymark_canvas_unselect_all (f.canvas);
  _waymark_canvas_set_cursor_cell (f.canvas, after, ideas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.activate", NULL));
  type_and_enter (f.canvas, "Loyalty bonus");
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 1);
  g_assert_cmpstr (((WaymarkNote *) waymark_journey_get_item (f.journey, WAYMARK_ITEM_NOTE, 0))->text, ==,
                   "Loyalty bonus");

  canvas_fixture_close (&f);
}

/* Escape while naming a card made empty for it takes the card away again,
 * as if it had never been added; a card with a channel stays. */
static void
test_escape_new_card (void)
{
  CanvasFixture f = { 0 };
  g_autoptr(WaymarkPaletteItem) website = palette_item ("website");
  g_autoptr(WaymarkPaletteItem) note = palette_item ("note");
  WaymarkPhase *before, *after;
  WaymarkLane *touchpoints, *ideas;
  WaymarkTouchpoint *tp;
  guint n_undo;
  double x, y;

  canvas_fixture_open (&f, "three-stages.journey");
  before = find_phase (f.journey, "Before the purchase");
  after = find_phase (f.journey, "After the purchase");
  touchpoints = find_lane (f.journey, "Touchpoints");
  ideas = find_lane (f.journey, "Ideas");
  n_undo = waymark_history_get_n_undo (f.history);

  /* Enter on an empty notes cell, something typed, Escape. */
  _waymark_canvas_set_cursor_cell (f.canvas, after, ideas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.activate", NULL));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (inline_editor (f.canvas)), "Half a thought");
  g_assert_true (press_key (GTK_WIDGET (inline_editor (f.canvas)), GDK_KEY_Escape, 0));
  g_assert_false (waymark_canvas_is_editing (f.canvas));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 0);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f.canvas)));
  g_assert_false (waymark_document_is_modified (f.document));

  /* A double click on an empty touchpoints cell, then Escape (the cell
   * in view first: the map does not show under the toolbar's band). */
  {
    WaymarkRect cell;

    g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), before, touchpoints, &cell));
    waymark_canvas_scroll_to_rect (f.canvas, &cell);
    canvas_fixture_settle (&f);
  }
  cell_point (f.canvas, before, touchpoints, &x, &y);
  _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
  _waymark_canvas_release (f.canvas, x, y);
  _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
  _waymark_canvas_double_click (f.canvas, x, y);
  _waymark_canvas_release (f.canvas, x, y);
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (inline_editor (f.canvas)), GDK_KEY_Escape, 0));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 0);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  /* A note dropped from the palette starts empty: Escape takes it away. */
  {
    WaymarkRect cell;

    g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), after, ideas, &cell));
    waymark_canvas_scroll_to_rect (f.canvas, &cell);
    canvas_fixture_settle (&f);
  }
  cell_point (f.canvas, after, ideas, &x, &y);
  g_assert_true (_waymark_canvas_drop (f.canvas, note, x, y));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (inline_editor (f.canvas)), GDK_KEY_Escape, 0));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE), ==, 0);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  /* A touchpoint dropped from the palette has its channel: it stays, with
   * the channel's name. */
  {
    WaymarkRect cell;

    g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), before, touchpoints, &cell));
    waymark_canvas_scroll_to_rect (f.canvas, &cell);
    canvas_fixture_settle (&f);
  }
  cell_point (f.canvas, before, touchpoints, &x, &y);
  g_assert_true (_waymark_canvas_drop (f.canvas, website, x, y));
  g_assert_true (press_key (GTK_WIDGET (inline_editor (f.canvas)), GDK_KEY_Escape, 0));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  tp = waymark_journey_get_item (f.journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  g_assert_cmpstr (tp->channel->icon, ==, "website");

  /* Escape on a card that was there before leaves it as it was. */
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL));
  gtk_editable_set_text (GTK_EDITABLE (inline_editor (f.canvas)), "");
  g_assert_true (press_key (GTK_WIDGET (inline_editor (f.canvas)), GDK_KEY_Escape, 0));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  canvas_fixture_close (&f);
}

/* ---- Moving cards ---- */

static void
test_move_and_reorder (void)
{
  CanvasFixture f = { 0 };
  WaymarkPhase *awareness, *consideration;
  WaymarkLane *touchpoints;
  WaymarkTouchpoint *instagram, *poster, *display, *first;
  g_autoptr(GPtrArray) cell = NULL;
  WaymarkRect rect;
  guint n_undo, n_consideration;
  double x0, y0, x1, y1;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  waymark_canvas_set_zoom (f.canvas, 0.5);
  canvas_fixture_settle (&f);

  awareness = find_phase (f.journey, "Awareness");
  consideration = find_phase (f.journey, "Consideration");
  touchpoints = find_lane (f.journey, "Touchpoints");
  instagram = find_touchpoint (f.journey, "Instagram ad");
  poster = find_touchpoint (f.journey, "Poster at the bus stop");
  display = find_touchpoint (f.journey, "Display stand in the store");
  g_assert_true (instagram->phase == awareness && poster->phase == awareness);
  n_consideration = cell_count (f.journey, consideration, touchpoints);

  /* Onto another phase, before its first card: one undo step. */
  cell = waymark_journey_get_cell (f.journey, consideration, touchpoints);
  first = g_ptr_array_index (cell, 0);
  g_assert_true (waymark_layout_get_card_rect (waymark_canvas_get_layout (f.canvas), first, &rect));
  card_point (f.canvas, instagram, &x0, &y0);
  map_point (f.canvas, rect.x + rect.width / 2, rect.y + 4, &x1, &y1);
  n_undo = waymark_history_get_n_undo (f.history);
  drag_pointer (f.canvas, x0, y0, x1, y1, 0);
  g_assert_true (instagram->phase == consideration);
  g_assert_true (instagram->lane == touchpoints);
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 0);
  g_assert_cmpuint (cell_count (f.journey, consideration, touchpoints), ==, n_consideration + 1);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_true (instagram->phase == awareness);
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 0);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_true (instagram->phase == consideration);
  g_assert_true (waymark_history_undo (f.history));

  /* Within its cell: the display stand to the front. */
  g_assert_cmpint (cell_position (f.journey, display), >, 1);
  card_point (f.canvas, display, &x0, &y0);
  g_assert_true (waymark_layout_get_card_rect (waymark_canvas_get_layout (f.canvas), instagram, &rect));
  map_point (f.canvas, rect.x + 6, rect.y + 4, &x1, &y1);
  drag_pointer (f.canvas, x0, y0, x1, y1, 0);
  g_assert_cmpint (cell_position (f.journey, display), ==, 0);
  g_assert_true (display->phase == awareness);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpint (cell_position (f.journey, display), >, 1);

  /* Several at once: click one, Ctrl-click another, drag them together. */
  card_point (f.canvas, instagram, &x0, &y0);
  click_pointer (f.canvas, x0, y0, 0);
  card_point (f.canvas, poster, &x0, &y0);
  click_pointer (f.canvas, x0, y0, GDK_CONTROL_MASK);
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 2);
  n_undo = waymark_history_get_n_undo (f.history);
  cell_point (f.canvas, consideration, touchpoints, &x1, &y1);
  g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), consideration, touchpoints, &rect));
  map_point (f.canvas, rect.x + rect.width - 10, rect.y + rect.height - 6, &x1, &y1);
  drag_pointer (f.canvas, x0, y0, x1, y1, 0);
  g_assert_true (instagram->phase == consideration && poster->phase == consideration);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);
  /* Their order is kept, at the end of the cell. */
  g_assert_cmpint (cell_position (f.journey, poster), ==, cell_position (f.journey, instagram) + 1);
  g_assert_cmpuint (cell_count (f.journey, consideration, touchpoints), ==, n_consideration + 2);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_true (instagram->phase == awareness && poster->phase == awareness);

  /* A drag into the emotion curve lands nowhere and changes nothing. */
  n_undo = waymark_history_get_n_undo (f.history);
  card_point (f.canvas, instagram, &x0, &y0);
  cell_point (f.canvas, awareness, find_lane (f.journey, "Emotions"), &x1, &y1);
  drag_pointer (f.canvas, x0, y0, x1, y1, 0);
  g_assert_true (instagram->phase == awareness);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  canvas_fixture_close (&f);
}

static void
test_rubber_band (void)
{
  CanvasFixture f = { 0 };
  WaymarkPhase *awareness;
  WaymarkLane *touchpoints;
  WaymarkRect rect;
  double x0, y0, x1, y1;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  waymark_canvas_set_zoom (f.canvas, 0.5);
  canvas_fixture_settle (&f);
  awareness = find_phase (f.journey, "Awareness");
  touchpoints = find_lane (f.journey, "Touchpoints");

  /* Shift-drag over the Awareness cell selects its cards, nothing else. */
  g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), awareness, touchpoints, &rect));
  map_point (f.canvas, rect.x + 2, rect.y + 2, &x0, &y0);
  map_point (f.canvas, rect.x + rect.width - 2, rect.y + rect.height - 2, &x1, &y1);
  _waymark_canvas_press (f.canvas, x0, y0, GDK_SHIFT_MASK, FALSE);
  _waymark_canvas_motion (f.canvas, (x0 + x1) / 2, (y0 + y1) / 2);
  canvas_fixture_settle (&f);
  g_assert_true (gtk_widget_get_child_visible (canvas_part (f.canvas, "selectionbox")));
  _waymark_canvas_motion (f.canvas, x1, y1);
  _waymark_canvas_release (f.canvas, x1, y1);
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, cell_count (f.journey, awareness, touchpoints));
  canvas_fixture_settle (&f);
  g_assert_false (gtk_widget_get_child_visible (canvas_part (f.canvas, "selectionbox")));

  /* A plain drag on empty space pans instead. */
  map_point (f.canvas, 10, 10, &x0, &y0);
  waymark_canvas_set_zoom (f.canvas, 1.0);
  canvas_fixture_settle (&f);
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
    double before = gtk_adjustment_get_value (h);

    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
    map_point (f.canvas, 20, 20, &x0, &y0);
    drag_pointer (f.canvas, x0 + 300, y0, x0 + 100, y0, 0);
    g_assert_cmpfloat (fabs (gtk_adjustment_get_value (h) - (before + 200)), <, 1);
  }

  canvas_fixture_close (&f);
}

/* ---- The keyboard ---- */

static void
test_keyboard (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkPhase *awareness, *consideration;
  WaymarkLane *touchpoints;
  WaymarkTouchpoint *instagram;
  gpointer selected;
  guint n_undo;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  awareness = find_phase (f.journey, "Awareness");
  consideration = find_phase (f.journey, "Consideration");
  touchpoints = find_lane (f.journey, "Touchpoints");
  instagram = find_touchpoint (f.journey, "Instagram ad");
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 0);

  /* Arrows move the selection from card to card. */
  waymark_canvas_select_item (f.canvas, instagram, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cursor", "(iib)", 1, 0, FALSE));
  selected = waymark_canvas_get_selected_item (f.canvas);
  g_assert_true (selected != instagram);
  g_assert_true (((WaymarkTouchpoint *) selected)->phase == awareness);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cursor", "(iib)", -1, 0, FALSE));
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == instagram);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cursor", "(iib)", 0, 1, TRUE));
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 2);
  waymark_canvas_select_item (f.canvas, instagram, WAYMARK_CANVAS_SELECT_REPLACE);

  /* Ctrl+Down moves it one place down in its cell, Ctrl+Right into the
   * next phase; each is one undo step. */
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cards", "(ii)", 0, 1));
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 1);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cards", "(ii)", 0, 1));
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 2);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cards", "(ii)", 0, -1));
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 1);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-cards", "(ii)", 1, 0));
  g_assert_true (instagram->phase == consideration && instagram->lane == touchpoints);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 4);
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == instagram);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_true (instagram->phase == awareness);
  g_assert_cmpint (cell_position (f.journey, instagram), ==, 1);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_true (instagram->phase == consideration);

  /* Ctrl+D duplicates next to it, Delete deletes (undoably). */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.duplicate", NULL));
  selected = waymark_canvas_get_selected_item (f.canvas);
  g_assert_true (selected != instagram);
  g_assert_cmpstr (((WaymarkTouchpoint *) selected)->title, ==, "Instagram ad");
  g_assert_cmpint (cell_position (f.journey, selected), ==, cell_position (f.journey, instagram) + 1);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.delete", NULL));
  g_assert_cmpint (waymark_journey_index_of (f.journey, selected), <, 0);
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 0);

  /* Deleting a touchpoint takes its links along, and undo brings both. */
  {
    guint n_links = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK);
    WaymarkTouchpoint *linked = NULL;
    GPtrArray *links = waymark_journey_get_items (f.journey, WAYMARK_ITEM_LINK);

    g_assert_cmpuint (n_links, >, 0);
    linked = ((WaymarkLink *) g_ptr_array_index (links, 0))->from;
    waymark_canvas_select_item (f.canvas, linked, WAYMARK_CANVAS_SELECT_REPLACE);
    g_assert_true (gtk_widget_activate_action (canvas, "canvas.delete", NULL));
    g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK), <, n_links);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
    g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK), ==, n_links);
    g_assert_cmpint (waymark_journey_index_of (f.journey, linked), >=, 0);
  }

  /* Ctrl+A selects every card. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-all", NULL));
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==,
                    waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT) +
                    waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.escape", NULL));
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 0);

  canvas_fixture_close (&f);
}

/* ---- Editing in place ---- */

static void
test_inline_edit (void)
{
  CanvasFixture f = { 0 };
  WaymarkTouchpoint *instagram;
  WaymarkPhase *awareness;
  GtkEntry *entry;
  guint n_undo;
  double x, y;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  instagram = find_touchpoint (f.journey, "Instagram ad");
  awareness = find_phase (f.journey, "Awareness");

  /* F2 opens the editor over the card with the title selected. */
  waymark_canvas_select_item (f.canvas, instagram, WAYMARK_CANVAS_SELECT_REPLACE);
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL));
  entry = inline_editor (f.canvas);
  canvas_fixture_settle (&f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Instagram ad");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f.window)), GTK_WIDGET (entry)));
  {
    graphene_rect_t bounds;
    double cx, cy;

    card_point (f.canvas, instagram, &cx, &cy);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (entry), GTK_WIDGET (f.canvas), &bounds));
    g_assert_true (graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (cx, cy)));
  }

  /* Escape keeps the old title. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Something else");
  _waymark_canvas_stop_editing (f.canvas, FALSE);
  g_assert_cmpstr (instagram->title, ==, "Instagram ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  /* Enter commits, as one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.activate", NULL));
  type_and_enter (f.canvas, "Instagram story ad");
  g_assert_cmpstr (instagram->title, ==, "Instagram story ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f.canvas)));
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpstr (instagram->title, ==, "Instagram ad");
  g_assert_true (waymark_history_redo (f.history));
  g_assert_cmpstr (instagram->title, ==, "Instagram story ad");

  /* A double click on a phase header renames the phase. */
  {
    WaymarkRect rect;

    g_assert_true (waymark_layout_get_phase_header_rect (waymark_canvas_get_layout (f.canvas), awareness, &rect));
    map_point (f.canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
    _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
    _waymark_canvas_release (f.canvas, x, y);
    g_assert_true (waymark_canvas_get_selected_item (f.canvas) == awareness);
    _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
    _waymark_canvas_double_click (f.canvas, x, y);
    _waymark_canvas_release (f.canvas, x, y);
    type_and_enter (f.canvas, "Attention");
    g_assert_cmpstr (awareness->name, ==, "Attention");
    /* A name cannot be emptied. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL));
    type_and_enter (f.canvas, "   ");
    g_assert_cmpstr (awareness->name, ==, "Attention");
  }

  canvas_fixture_close (&f);
}

/* ---- The emotion curve ---- */

static void
test_emotion_drag (void)
{
  CanvasFixture f = { 0 };
  WaymarkLane *emotions;
  WaymarkTouchpoint *tp = NULL;
  GPtrArray *tps;
  WaymarkHit hit;
  double px, py, px2, py2, x, y;
  double zoom;
  guint n_undo;
  int old;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  emotions = find_lane (f.journey, "Emotions");
  zoom = waymark_canvas_get_zoom (f.canvas);

  /* A touchpoint at +1 on screen. */
  tps = waymark_journey_get_items (f.journey, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < tps->len && tp == NULL; i++)
    {
      WaymarkTouchpoint *t = g_ptr_array_index (tps, i);

      if (t->has_emotion && t->emotion == 1)
        tp = t;
    }
  g_assert_nonnull (tp);
  old = tp->emotion;
  g_assert_true (waymark_layout_get_emotion_point (waymark_canvas_get_layout (f.canvas), emotions, tp, &px, &py));
  map_point (f.canvas, px, py, &x, &y);
  g_assert_true (_waymark_canvas_hit (f.canvas, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_EMOTION_POINT);
  tp = hit.item;
  old = tp->emotion;

  /* Up one level (30 units), with a wobble: it snaps to +2 (the top),
   * and beyond the top it stays at +2. */
  n_undo = waymark_history_get_n_undo (f.history);
  _waymark_canvas_press (f.canvas, x, y, 0, FALSE);
  _waymark_canvas_motion (f.canvas, x + 3, y - 20 * zoom);
  _waymark_canvas_motion (f.canvas, x + 1, y - 37 * zoom);
  g_assert_cmpint (waymark_canvas_drag_get_mode (f.canvas->drag), ==, WAYMARK_DRAG_EMOTION);
  g_assert_cmpint (waymark_canvas_drag_get_emotion_score (f.canvas->drag), ==, MIN (old + 1, 2));
  /* Nothing changes until the release. */
  g_assert_cmpint (tp->emotion, ==, old);
  _waymark_canvas_motion (f.canvas, x, y - 500 * zoom);
  _waymark_canvas_release (f.canvas, x, y - 500 * zoom);
  g_assert_cmpint (tp->emotion, ==, WAYMARK_EMOTION_MAX);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);

  /* The layout agrees with the canvas's level spacing. */
  g_assert_true (waymark_layout_get_emotion_point (waymark_canvas_get_layout (f.canvas), emotions, tp, &px2, &py2));
  g_assert_cmpfloat (fabs ((py - py2) - 30.0 * (WAYMARK_EMOTION_MAX - old)), <, 0.01);

  /* Down to -2 in one drag. */
  map_point (f.canvas, px2, py2, &x, &y);
  drag_pointer (f.canvas, x, y, x, y + 4 * 30 * zoom + 5, 0);
  g_assert_cmpint (tp->emotion, ==, WAYMARK_EMOTION_MIN);

  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpint (tp->emotion, ==, WAYMARK_EMOTION_MAX);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpint (tp->emotion, ==, old);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_cmpint (tp->emotion, ==, WAYMARK_EMOTION_MAX);

  canvas_fixture_close (&f);
}

/* ---- Links ---- */

static void
test_link_handle (void)
{
  CanvasFixture f = { 0 };
  WaymarkTouchpoint *from, *to;
  graphene_rect_t handle;
  guint n_links;
  double x, y;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  from = find_touchpoint (f.journey, "Booth at the city fun run");
  to = find_touchpoint (f.journey, "Display stand in the store");
  n_links = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK);

  /* The handle shows on the selected touchpoint's right edge. */
  waymark_canvas_select_item (f.canvas, from, WAYMARK_CANVAS_SELECT_REPLACE);
  canvas_fixture_settle (&f);
  g_assert_true (gtk_widget_get_child_visible (canvas_part (f.canvas, "linkhandle")));
  g_assert_true (gtk_widget_compute_bounds (canvas_part (f.canvas, "linkhandle"), GTK_WIDGET (f.canvas), &handle));

  card_point (f.canvas, to, &x, &y);
  drag_pointer (f.canvas, handle.origin.x + handle.size.width / 2, handle.origin.y + handle.size.height / 2,
                x, y, 0);
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK), ==, n_links + 1);
  {
    WaymarkLink *link = waymark_journey_get_item (f.journey, WAYMARK_ITEM_LINK, n_links);

    g_assert_true (link->from == from && link->to == to);
  }
  /* The card did not move. */
  g_assert_cmpstr (from->phase->name, ==, "Awareness");
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK), ==, n_links);

  canvas_fixture_close (&f);
}

/* ---- Phases and lanes ---- */

static void
test_phases_and_lanes (void)
{
  CanvasFixture f = { 0 };
  WaymarkPhase *awareness, *advocacy, *added;
  WaymarkLane *touchpoints, *ideas, *lane;
  WaymarkRect from, to;
  guint n_phases, n_lanes, n_undo;
  double x0, y0, x1, y1;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  waymark_canvas_set_zoom (f.canvas, 0.4);
  canvas_fixture_settle (&f);
  n_phases = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_PHASE);
  n_lanes = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LANE);
  awareness = find_phase (f.journey, "Awareness");
  advocacy = find_phase (f.journey, "Advocacy");
  touchpoints = find_lane (f.journey, "Touchpoints");
  ideas = find_lane (f.journey, "Ideas");

  /* "+ Phase" after the selected phase, named in place. */
  waymark_canvas_select_item (f.canvas, awareness, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.add-phase", NULL));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_PHASE), ==, n_phases + 1);
  added = waymark_journey_get_item (f.journey, WAYMARK_ITEM_PHASE, 1);
  g_assert_cmpstr (added->name, ==, "New phase");
  type_and_enter (f.canvas, "Research");
  g_assert_cmpstr (added->name, ==, "Research");

  /* Reorder by dragging the header: Awareness after Advocacy. */
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (waymark_layout_get_phase_header_rect (waymark_canvas_get_layout (f.canvas), awareness, &from));
  g_assert_true (waymark_layout_get_phase_header_rect (waymark_canvas_get_layout (f.canvas), advocacy, &to));
  map_point (f.canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  map_point (f.canvas, to.x + to.width - 5, to.y + to.height / 2, &x1, &y1);
  _waymark_canvas_press (f.canvas, x0, y0, 0, FALSE);
  _waymark_canvas_motion (f.canvas, (x0 + x1) / 2, y0);
  _waymark_canvas_motion (f.canvas, x1, y1);
  canvas_fixture_settle (&f);
  g_assert_true (gtk_widget_get_child_visible (canvas_part (f.canvas, "insertionmarker")));
  _waymark_canvas_release (f.canvas, x1, y1);
  g_assert_cmpint (waymark_journey_index_of (f.journey, awareness), ==, (int) n_phases);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpint (waymark_journey_index_of (f.journey, awareness), ==, 0);

  /* Lanes the same way, vertically: Ideas above Touchpoints. */
  g_assert_true (waymark_layout_get_lane_header_rect (waymark_canvas_get_layout (f.canvas), ideas, &from));
  g_assert_true (waymark_layout_get_lane_header_rect (waymark_canvas_get_layout (f.canvas), touchpoints, &to));
  map_point (f.canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  map_point (f.canvas, to.x + to.width / 2, to.y + 5, &x1, &y1);
  drag_pointer (f.canvas, x0, y0, x1, y1, 0);
  g_assert_cmpint (waymark_journey_index_of (f.journey, ideas), ==, 0);
  g_assert_true (waymark_history_undo (f.history));

  /* A lane's kind: refused while it holds cards, with a message ... */
  g_assert_false (_waymark_canvas_set_lane_kind (f.canvas, touchpoints, WAYMARK_LANE_EMOTION));
  g_assert_cmpint (touchpoints->kind, ==, WAYMARK_LANE_TOUCHPOINTS);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (window))
          dialog = ADW_MESSAGE_DIALOG (window);
      }
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Touchpoints” holds"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* ... and done for an empty one: a new lane becomes a notes lane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.add-lane", NULL));
  type_and_enter (f.canvas, "Questions");
  lane = find_lane (f.journey, "Questions");
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LANE), ==, n_lanes + 1);
  g_assert_true (_waymark_canvas_set_lane_kind (f.canvas, lane, WAYMARK_LANE_NOTES));
  g_assert_cmpint (lane->kind, ==, WAYMARK_LANE_NOTES);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpint (lane->kind, ==, WAYMARK_LANE_TOUCHPOINTS);

  /* Delete a phase: its cards go with it, undo brings all back. */
  {
    guint n_cards = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT);

    waymark_canvas_select_item (f.canvas, advocacy, WAYMARK_CANVAS_SELECT_REPLACE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.delete", NULL));
    g_assert_cmpint (waymark_journey_index_of (f.journey, advocacy), <, 0);
    g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), <, n_cards);
    g_assert_true (waymark_history_undo (f.history));
    g_assert_cmpint (waymark_journey_index_of (f.journey, advocacy), >=, 0);
    g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, n_cards);
  }

  canvas_fixture_close (&f);
}

/* ---- Clipboard, between two windows ---- */

static void
paste_wait (CanvasFixture *f,
            guint          n_before)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (waymark_history_get_n_undo (f->history) == n_before && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_clipboard (void)
{
  CanvasFixture a = { 0 }, b = { 0 };
  WaymarkTouchpoint *instagram, *poster, *pasted;
  WaymarkPhase *after;
  WaymarkLane *touchpoints;
  guint n_undo, n_channels, n_links;
  GPtrArray *links;

  canvas_fixture_open (&a, "example-fitness-watch.journey");
  canvas_fixture_open (&b, "three-stages.journey");
  instagram = find_touchpoint (a.journey, "Instagram ad");
  poster = find_touchpoint (a.journey, "Poster at the bus stop");

  /* Link the two, so the link travels with them. */
  g_assert_nonnull (waymark_edits_link (a.history, instagram, poster));
  waymark_canvas_select_item (a.canvas, instagram, WAYMARK_CANVAS_SELECT_REPLACE);
  waymark_canvas_select_item (a.canvas, poster, WAYMARK_CANVAS_SELECT_ADD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (a.canvas), "canvas.copy", NULL));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (a.canvas))),
                                                        "application/vnd.waymark.journey+xml"));

  after = find_phase (b.journey, "After the purchase");
  touchpoints = find_lane (b.journey, "Touchpoints");
  n_channels = waymark_journey_get_n_items (b.journey, WAYMARK_ITEM_CHANNEL);
  n_links = waymark_journey_get_n_items (b.journey, WAYMARK_ITEM_LINK);
  _waymark_canvas_set_cursor_cell (b.canvas, after, touchpoints);
  n_undo = waymark_history_get_n_undo (b.history);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.canvas), "canvas.paste", NULL));
  paste_wait (&b, n_undo);
  g_assert_cmpuint (waymark_history_get_n_undo (b.history), ==, n_undo + 1);
  g_assert_cmpuint (cell_count (b.journey, after, touchpoints), ==, 2);
  pasted = find_touchpoint (b.journey, "Instagram ad");
  g_assert_nonnull (pasted);
  g_assert_true (pasted->phase == after && pasted->lane == touchpoints);
  g_assert_cmpstr (waymark_item_get_id (pasted), !=, waymark_item_get_id (instagram));
  /* The example's "Social media" channel is in the template too; its
   * "Poster" channel is not, and is recreated. */
  g_assert_cmpstr (pasted->channel->name, ==, "Social media");
  g_assert_nonnull (find_touchpoint (b.journey, "Poster at the bus stop")->channel);
  g_assert_cmpstr (find_touchpoint (b.journey, "Poster at the bus stop")->channel->name, ==,
                   poster->channel->name);
  g_assert_cmpuint (waymark_journey_get_n_items (b.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels + 1);
  g_assert_cmpuint (waymark_journey_get_n_items (b.journey, WAYMARK_ITEM_LINK), ==, n_links + 1);
  links = waymark_journey_get_items (b.journey, WAYMARK_ITEM_LINK);
  g_assert_true (((WaymarkLink *) g_ptr_array_index (links, links->len - 1))->from == pasted);
  /* Pasted cards are selected; one undo takes them all. */
  g_assert_cmpuint (waymark_canvas_get_selection (b.canvas)->len, ==, 2);
  g_assert_true (waymark_history_undo (b.history));
  g_assert_cmpuint (cell_count (b.journey, after, touchpoints), ==, 0);
  g_assert_cmpuint (waymark_journey_get_n_items (b.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels);

  /* Cut removes them from the source. */
  waymark_canvas_select_item (a.canvas, instagram, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (a.canvas), "canvas.cut", NULL));
  g_assert_null (find_touchpoint (a.journey, "Instagram ad"));

  /* Plain text from another program: a card per line. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (b.canvas)), "Flyer\n\n  Newsletter  \n");
  n_undo = waymark_history_get_n_undo (b.history);
  waymark_canvas_unselect_all (b.canvas);
  _waymark_canvas_set_cursor_cell (b.canvas, after, touchpoints);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (b.canvas), "canvas.paste", NULL));
  paste_wait (&b, n_undo);
  g_assert_cmpuint (cell_count (b.journey, after, touchpoints), ==, 2);
  g_assert_nonnull (find_touchpoint (b.journey, "Newsletter"));

  canvas_fixture_close (&a);
  canvas_fixture_close (&b);
}

/* ---- Zoom, drawing, dark style ---- */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);

  return *(guint32 *) (void *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static cairo_surface_t *
render_canvas (WaymarkCanvas *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (canvas)),
                                        gtk_widget_get_height (GTK_WIDGET (canvas)));
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_zoom_and_drawing (void)
{
  CanvasFixture f = { 0 };
  cairo_surface_t *surface;
  double mx, my, mx2, my2, x = 300, y = 200;
  guint n_cards;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  n_cards = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT) +
            waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_NOTE);

  /* Only what is visible is painted. */
  surface = render_canvas (f.canvas);
  g_assert_cmpuint (f.canvas->last_stats.n_cards_painted, >, 0);
  g_assert_cmpuint (f.canvas->last_stats.n_cards_painted, <, n_cards);
  /* Light: the page is white. */
  g_assert_cmphex (pixel_at (surface, 5, 5), ==, 0xffffff);
  cairo_surface_destroy (surface);

  /* Zoom keeps the map point under the pointer. */
  _waymark_canvas_widget_to_map (f.canvas, x, y, &mx, &my);
  _waymark_canvas_zoom_at (f.canvas, 2.0, x, y);
  _waymark_canvas_widget_to_map (f.canvas, x, y, &mx2, &my2);
  g_assert_cmpfloat (fabs (mx - mx2), <, 0.5);
  g_assert_cmpfloat (fabs (my - my2), <, 0.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.zoom-in", NULL));
  g_assert_cmpfloat (waymark_canvas_get_zoom (f.canvas), ==, 2.5);
  waymark_canvas_set_zoom (f.canvas, 40);
  g_assert_cmpfloat (waymark_canvas_get_zoom (f.canvas), ==, WAYMARK_CANVAS_MAX_ZOOM);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.zoom-in", NULL) &&
                  waymark_canvas_get_zoom (f.canvas) > WAYMARK_CANVAS_MAX_ZOOM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.zoom-reset", NULL));
  g_assert_cmpfloat (waymark_canvas_get_zoom (f.canvas), ==, 1.0);

  /* Fit: the whole map in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.zoom-fit", NULL));
  canvas_fixture_settle (&f);
  {
    double w, h, cw, ch, expected;

    waymark_layout_get_size (waymark_canvas_get_layout (f.canvas), &w, &h);
    cw = gtk_widget_get_width (GTK_WIDGET (f.canvas));
    ch = gtk_widget_get_height (GTK_WIDGET (f.canvas));
    /* As large as fits, at most 100 %, at least the minimum. */
    expected = CLAMP (MIN (cw / w, ch / h), WAYMARK_CANVAS_MIN_ZOOM, 1.0);
    g_assert_cmpfloat (fabs (waymark_canvas_get_zoom (f.canvas) - expected), <, 0.01);
    surface = render_canvas (f.canvas);
    if (expected > WAYMARK_CANVAS_MIN_ZOOM)
      g_assert_cmpuint (f.canvas->last_stats.n_cards_painted, ==, n_cards);
    cairo_surface_destroy (surface);
  }

  /* Dark style: the dark palette; prints stay light (the painter's
   * default). */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  canvas_fixture_settle (&f);
  g_assert_true (waymark_canvas_get_dark (f.canvas));
  surface = render_canvas (f.canvas);
  {
    const WaymarkColor *page = &waymark_palette_get (WAYMARK_PALETTE_DARK)->page;
    guint32 expected = ((guint32) lround (page->red * 255) << 16) | ((guint32) lround (page->green * 255) << 8) |
                       (guint32) lround (page->blue * 255);

    g_assert_cmphex (pixel_at (surface, 2, 2), ==, expected);
  }
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  canvas_fixture_settle (&f);
  g_assert_false (waymark_canvas_get_dark (f.canvas));

  canvas_fixture_close (&f);
}

/* A map that may not be edited: it can be looked at, selected and copied,
 * nothing else. */
static void
test_read_only (void)
{
  CanvasFixture f = { 0 };
  g_autoptr(WaymarkPaletteItem) website = palette_item ("website");
  WaymarkTouchpoint *instagram;
  WaymarkEditor *editor;
  GtkWidget *banner;
  guint n_undo;
  double x, y, x1, y1;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
  instagram = find_touchpoint (f.journey, "Instagram ad");
  waymark_document_set_read_only (f.document, "Shared copy: read only.");
  canvas_fixture_settle (&f);
  n_undo = waymark_history_get_n_undo (f.history);

  banner = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "read-only-banner");
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (waymark_editor_get_palette (editor))));

  cell_point (f.canvas, find_phase (f.journey, "Purchase"), find_lane (f.journey, "Touchpoints"), &x, &y);
  g_assert_cmpint (_waymark_canvas_drop_motion (f.canvas, website, x, y), ==, 0);
  g_assert_false (_waymark_canvas_drop (f.canvas, website, x, y));

  card_point (f.canvas, instagram, &x1, &y1);
  drag_pointer (f.canvas, x1, y1, x, y, 0);
  g_assert_cmpstr (instagram->phase->name, ==, "Awareness");
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == instagram);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.delete", NULL) &&
                  waymark_journey_index_of (f.journey, instagram) < 0);
  gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.move-cards", "(ii)", 1, 0);
  gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.edit", NULL);
  g_assert_false (waymark_canvas_is_editing (f.canvas));
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);
  g_assert_cmpstr (instagram->phase->name, ==, "Awareness");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.canvas), "canvas.copy", NULL));

  canvas_fixture_close (&f);
}

static GtkWidget *
find_button_for_action (GtkWidget  *root,
                        const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_for_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_css_class (GtkWidget  *root,
                   const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The editor keeps the inspector on the selection, and the palette adds
 * at the cursor from the keyboard. */
static void
test_editor (void)
{
  CanvasFixture f = { 0 };
  WaymarkEditor *editor;
  WaymarkChannelPalette *palette;
  GtkWidget *row;
  WaymarkPhase *before;
  WaymarkLane *touchpoints;
  gpointer card;

  canvas_fixture_open (&f, "three-stages.journey");
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
  palette = waymark_editor_get_palette (editor);
  before = find_phase (f.journey, "Before the purchase");
  touchpoints = find_lane (f.journey, "Touchpoints");

  /* F9 hides and shows the inspector.  The canvas grows and shrinks with
   * every frame of the animation, and no frame may find a widget without
   * its allocation (a warning, fatal here). */
  g_assert_true (waymark_editor_get_show_inspector (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-inspector", NULL));
  gui_test_spin (500);
  g_assert_false (waymark_editor_get_show_inspector (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-inspector", NULL));
  gui_test_spin (500);
  g_assert_true (waymark_editor_get_show_inspector (editor));

  /* Searching narrows the palette. */
  waymark_channel_palette_set_search (palette, "mail");
  canvas_fixture_settle (&f);
  g_assert_true (gtk_widget_get_child_visible (waymark_channel_palette_get_row (palette, "email")));
  g_assert_false (gtk_widget_get_child_visible (waymark_channel_palette_get_row (palette, "website")));
  waymark_channel_palette_set_search (palette, "");

  /* Activating a row adds at the cursor cell. */
  _waymark_canvas_set_cursor_cell (f.canvas, before, touchpoints);
  row = waymark_channel_palette_get_row (palette, "social-media");
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  card = waymark_canvas_get_selected_item (f.canvas);
  g_assert_nonnull (card);
  g_assert_cmpstr (((WaymarkTouchpoint *) card)->channel->icon, ==, "social-media");
  g_assert_true (((WaymarkTouchpoint *) card)->phase == before);
  _waymark_canvas_stop_editing (f.canvas, TRUE);

  /* Undo and redo are window actions with what they would do as tooltip. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.redo", NULL));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  {
    GtkWidget *undo = find_button_for_action (GTK_WIDGET (f.window), "win.undo");

    g_assert_nonnull (undo);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo “Add Touchpoint” (Ctrl+Z)");
  }

  /* The document is marked modified in the title, and a save clears it. */
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f.window)), "• "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.save", NULL));
  gui_test_iterate ();
  g_assert_false (waymark_document_is_modified (f.document));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f.window)), "• "));

  /* Scrolled to the top, the map (its title first) starts below the
   * floating toolbar instead of under it. */
  {
    GtkWidget *toolbar = find_by_css_class (GTK_WIDGET (editor), "canvas-toolbar");
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));
    graphene_rect_t bounds;
    double x, y;

    g_assert_nonnull (toolbar);
    gtk_adjustment_set_value (vadjustment, 0);
    canvas_fixture_settle (&f);
    g_assert_true (gtk_widget_compute_bounds (toolbar, GTK_WIDGET (f.canvas), &bounds));
    _waymark_canvas_map_to_widget (f.canvas, 0, 0, &x, &y);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, y);

    /* Scrolled to its end, the map's bottom edge is in view. */
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    canvas_fixture_settle (&f);
    {
      double map_width, map_height;

      waymark_layout_get_size (waymark_canvas_get_layout (f.canvas), &map_width, &map_height);
      _waymark_canvas_map_to_widget (f.canvas, 0, map_height, &x, &y);
      g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (f.canvas)) + 0.5);
    }
  }

  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = gui_test_make_dir ("waymark-canvas-state-XXXXXX");
  int status;

  /* Edits start the crash-recovery journal: keep it out of the user's
   * state folder. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    {
      gui_test_remove_tree (state);
      return GUI_TEST_SKIP;
    }

  g_test_add_func ("/canvas/drop-palette-item", test_drop_palette_item);
  g_test_add_func ("/canvas/add-by-double-click-and-enter", test_add_by_double_click_and_enter);
  g_test_add_func ("/canvas/escape-new-card", test_escape_new_card);
  g_test_add_func ("/canvas/move-and-reorder", test_move_and_reorder);
  g_test_add_func ("/canvas/rubber-band-and-pan", test_rubber_band);
  g_test_add_func ("/canvas/keyboard", test_keyboard);
  g_test_add_func ("/canvas/inline-edit", test_inline_edit);
  g_test_add_func ("/canvas/emotion-drag", test_emotion_drag);
  g_test_add_func ("/canvas/link-handle", test_link_handle);
  g_test_add_func ("/canvas/phases-and-lanes", test_phases_and_lanes);
  g_test_add_func ("/canvas/clipboard", test_clipboard);
  g_test_add_func ("/canvas/zoom-and-drawing", test_zoom_and_drawing);
  g_test_add_func ("/canvas/editor", test_editor);
  g_test_add_func ("/canvas/read-only", test_read_only);

  status = g_test_run ();
  gui_test_remove_tree (state);
  return status;
}
