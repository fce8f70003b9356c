/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canvas-keys"

#include "config.h"

#include <string.h>

#include "test-canvas-util.h"
#include "waymark-channel-palette.h"
#include "waymark-editor.h"
#include "waymark-inspector.h"
#include "waymark-votes-row.h"

/* Building a card in a breath: the keys of the map, each pressed through
 * the key bindings GTK holds for the widget (the trigger's keyval and
 * modifiers, the action and its arguments), so a key that is not bound,
 * or bound to the wrong thing, fails here.  tests/e2e presses the same
 * keys as real X events. */

/* Finds the binding of @keyval + @mods on @widget or an ancestor, as the
 * shortcut controllers see it, and activates it. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  mods)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != keyval ||
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != mods)
                continue;
              if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                {
                  gui_test_iterate ();
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

/* A key press as the key controllers of @widget see it (capture phase
 * ones first, as GTK runs them). */
static gboolean
press_captured (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      if (handled)
        {
          gui_test_iterate ();
          return TRUE;
        }
    }
  return FALSE;
}

static WaymarkQuickAdd *
quick_add (WaymarkCanvas *canvas)
{
  GtkWidget *widget = gui_test_find_widget (GTK_WIDGET (canvas), WAYMARK_TYPE_QUICK_ADD, NULL);

  g_assert_nonnull (widget);
  return WAYMARK_QUICK_ADD (widget);
}

static GtkWidget *
quick_add_entry (WaymarkCanvas *canvas)
{
  GtkWidget *entry = gui_test_find_widget (GTK_WIDGET (quick_add (canvas)), GTK_TYPE_ENTRY, NULL);

  g_assert_nonnull (entry);
  return entry;
}

static GtkWidget *
focus_of (CanvasFixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_in (CanvasFixture *f,
          GtkWidget     *widget)
{
  GtkWidget *focus = focus_of (f);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Types @text into the quick-add field and presses Enter. */
static void
quick_type (WaymarkCanvas *canvas,
            const char    *text)
{
  GtkWidget *entry = quick_add_entry (canvas);

  g_assert_true (waymark_quick_add_is_active (quick_add (canvas)));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  gui_test_iterate ();
}

static guint
count_cards (WaymarkJourney *journey)
{
  return waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT) +
         waymark_journey_get_n_items (journey, WAYMARK_ITEM_NOTE);
}

static WaymarkChannel *
find_channel (WaymarkJourney *journey,
              const char     *name)
{
  GPtrArray *channels = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);

  for (guint i = 0; i < channels->len; i++)
    if (g_strcmp0 (((WaymarkChannel *) g_ptr_array_index (channels, i))->name, name) == 0)
      return g_ptr_array_index (channels, i);
  return NULL;
}

/* ---- N: quick add ---- */

static void
test_quick_add (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkPhase *before, *during;
  WaymarkLane *touchpoints, *pain_points;
  WaymarkTouchpoint *tp;
  WaymarkNote *note;
  g_auto(GStrv) matches = NULL;
  guint n_cards, n_undo, n_channels;

  canvas_fixture_open (&f, "three-stages.journey");
  canvas = GTK_WIDGET (f.canvas);
  before = find_phase (f.journey, "Before the purchase");
  during = find_phase (f.journey, "During the purchase");
  touchpoints = find_lane (f.journey, "Touchpoints");
  pain_points = find_lane (f.journey, "Pain points");
  gtk_widget_grab_focus (canvas);
  n_cards = count_cards (f.journey);

  /* Arrows pick the cell: the map is empty, the cursor starts in the
   * first cell that holds cards and Right moves it to the next phase. */
  g_assert_true (press (canvas, GDK_KEY_Right, 0));
  g_assert_true (press (canvas, GDK_KEY_Left, 0));
  g_assert_true (press (canvas, GDK_KEY_Right, 0));
  g_assert_true (f.canvas->cursor_phase == during && f.canvas->cursor_lane == touchpoints);

  /* N opens the field on that cell with the keyboard in it; typing
   * filters the channels, the map's own first. */
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  g_assert_true (waymark_quick_add_is_active (quick_add (f.canvas)));
  g_assert_false (waymark_quick_add_is_titling (quick_add (f.canvas)));
  g_assert_true (focus_in (&f, quick_add_entry (f.canvas)));
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "ma");
  matches = waymark_quick_add_get_matches (quick_add (f.canvas));
  /* Inside a name counts too. */
  g_assert_cmpstr (matches[0], ==, "E-mail");
  g_clear_pointer (&matches, g_strfreev);
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "po");
  matches = waymark_quick_add_get_matches (quick_add (f.canvas));
  /* A word of the name may start with it. */
  g_assert_cmpstr (matches[0], ==, "Print & posters");
  g_clear_pointer (&matches, g_strfreev);
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "zzz");
  matches = waymark_quick_add_get_matches (quick_add (f.canvas));
  g_assert_cmpuint (g_strv_length (matches), ==, 0);
  g_clear_pointer (&matches, g_strfreev);
  /* Enter with no match stays on the channel. */
  g_signal_emit_by_name (quick_add_entry (f.canvas), "activate");
  g_assert_false (waymark_quick_add_is_titling (quick_add (f.canvas)));

  /* Enter takes the first match, then the title, then Enter: one card,
   * one undo step, selected, and the keyboard back on the map. */
  n_undo = waymark_history_get_n_undo (f.history);
  quick_type (f.canvas, "web");
  g_assert_true (waymark_quick_add_is_titling (quick_add (f.canvas)));
  quick_type (f.canvas, "Compares prices");
  g_assert_false (waymark_quick_add_is_active (quick_add (f.canvas)));
  g_assert_cmpuint (count_cards (f.journey), ==, n_cards + 1);
  tp = find_touchpoint (f.journey, "Compares prices");
  g_assert_true (tp->phase == during && tp->lane == touchpoints);
  g_assert_nonnull (tp->channel);
  g_assert_cmpstr (tp->channel->name, ==, "Website");
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == tp);
  g_assert_true (focus_of (&f) == canvas);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);

  /* A palette kind the map has not got yet adds its channel in the same
   * step, named as the palette names it; Down picks the second match. */
  n_channels = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL);
  g_assert_null (find_channel (f.journey, "Trade fair"));
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "trade");
  quick_type (f.canvas, "trade");
  quick_type (f.canvas, "Meets us at the booth");
  tp = find_touchpoint (f.journey, "Meets us at the booth");
  g_assert_nonnull (find_channel (f.journey, "Trade fair"));
  g_assert_true (tp->channel == find_channel (f.journey, "Trade fair"));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels + 1);
  /* It went after the selected card, in the same cell. */
  g_assert_true (tp->phase == during);
  g_assert_cmpint (cell_position (f.journey, tp), ==, 1);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_null (find_channel (f.journey, "Trade fair"));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_CHANNEL), ==, n_channels);

  /* Down picks another match; an empty title names the card after its
   * channel; Backspace in an empty title goes back to the channel. */
  waymark_canvas_unselect_all (f.canvas);
  _waymark_canvas_set_cursor_cell (f.canvas, before, touchpoints);
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "s");
  matches = waymark_quick_add_get_matches (quick_add (f.canvas));
  g_assert_cmpstr (matches[0], ==, "Social media");
  g_assert_cmpstr (matches[1], ==, "Search engine");
  g_assert_true (press_captured (quick_add_entry (f.canvas), GDK_KEY_Down));
  g_signal_emit_by_name (quick_add_entry (f.canvas), "activate");
  g_assert_true (waymark_quick_add_is_titling (quick_add (f.canvas)));
  g_assert_true (press_captured (quick_add_entry (f.canvas), GDK_KEY_BackSpace));
  g_assert_false (waymark_quick_add_is_titling (quick_add (f.canvas)));
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "s");
  g_assert_true (press_captured (quick_add_entry (f.canvas), GDK_KEY_Down));
  g_signal_emit_by_name (quick_add_entry (f.canvas), "activate");
  quick_type (f.canvas, "");
  tp = waymark_canvas_get_selected_item (f.canvas);
  g_assert_cmpstr (tp->title, ==, "Search engine");
  g_assert_cmpstr (tp->channel->name, ==, "Search engine");
  g_assert_true (tp->phase == before);

  /* Escape adds nothing and gives the keyboard back. */
  n_cards = count_cards (f.journey);
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  gtk_editable_set_text (GTK_EDITABLE (quick_add_entry (f.canvas)), "web");
  g_assert_true (press_captured (quick_add_entry (f.canvas), GDK_KEY_Escape));
  g_assert_false (waymark_quick_add_is_active (quick_add (f.canvas)));
  g_assert_cmpuint (count_cards (f.journey), ==, n_cards);
  g_assert_true (focus_of (&f) == canvas);

  /* On a notes lane it asks only for the text. */
  waymark_canvas_unselect_all (f.canvas);
  _waymark_canvas_set_cursor_cell (f.canvas, during, pain_points);
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  g_assert_true (waymark_quick_add_is_titling (quick_add (f.canvas)));
  quick_type (f.canvas, "Shipping costs show up late");
  note = waymark_canvas_get_selected_item (f.canvas);
  g_assert_cmpint (waymark_item_get_item_type (note), ==, WAYMARK_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, "Shipping costs show up late");
  g_assert_true (note->phase == during && note->lane == pain_points);

  canvas_fixture_close (&f);
}

/* ---- Digits, W, S, M ---- */

static void
test_emotion_and_assessment (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkTouchpoint *tp, *other;
  guint n_undo;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  tp = find_touchpoint (f.journey, "Instagram ad");
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  gtk_widget_grab_focus (canvas);

  /* 1–5 are −2…+2, 0 clears; each is one undo step. */
  n_undo = waymark_history_get_n_undo (f.history);
  for (guint key = GDK_KEY_1; key <= GDK_KEY_5; key++)
    {
      g_assert_true (press (canvas, key, 0));
      g_assert_true (tp->has_emotion);
      g_assert_cmpint (tp->emotion, ==, (int) (key - GDK_KEY_1) - 2);
    }
  g_assert_true (press (canvas, GDK_KEY_KP_2, 0));
  g_assert_cmpint (tp->emotion, ==, -1);
  g_assert_true (press (canvas, GDK_KEY_0, 0));
  g_assert_false (tp->has_emotion);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 7);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_true (tp->has_emotion);
  g_assert_cmpint (tp->emotion, ==, -1);

  /* Two cards: one step for both. */
  g_assert_true (press (canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpuint (waymark_canvas_get_selection (f.canvas)->len, ==, 2);
  other = g_ptr_array_index (waymark_canvas_get_selection (f.canvas), 1);
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (press (canvas, GDK_KEY_5, 0));
  g_assert_cmpint (tp->emotion, ==, 2);
  g_assert_cmpint (other->emotion, ==, 2);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);

  /* W, S and M toggle; a weak spot and a strength exclude each other. */
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  tp->strength = WAYMARK_STRENGTH_UNSET;
  g_assert_true (press (canvas, GDK_KEY_w, 0));
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_WEAKNESS);
  g_assert_true (press (canvas, GDK_KEY_s, 0));
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_STRENGTH);
  g_assert_true (press (canvas, GDK_KEY_s, 0));
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_UNSET);
  {
    gboolean was = tp->moment_of_truth;

    g_assert_true (press (canvas, GDK_KEY_m, 0));
    g_assert_true (tp->moment_of_truth == !was);
    g_assert_true (press (canvas, GDK_KEY_m, 0));
    g_assert_true (tp->moment_of_truth == was);
  }

  /* A note has no emotion: the digit changes nothing. */
  {
    GPtrArray *notes = waymark_journey_get_items (f.journey, WAYMARK_ITEM_NOTE);

    n_undo = waymark_history_get_n_undo (f.history);
    waymark_canvas_select_item (f.canvas, g_ptr_array_index (notes, 0), WAYMARK_CANVAS_SELECT_REPLACE);
    press (canvas, GDK_KEY_3, 0);
    g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);
  }

  canvas_fixture_close (&f);
}

/* ---- L: link to… ---- */

static gboolean
linked (WaymarkJourney    *journey,
        WaymarkTouchpoint *from,
        WaymarkTouchpoint *to)
{
  GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);

      if (link->from == from && link->to == to)
        return TRUE;
    }
  return FALSE;
}

static void
test_link_to (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkPhase *during;
  WaymarkLane *touchpoints;
  WaymarkTouchpoint *a, *b;
  guint n_links;

  canvas_fixture_open (&f, "three-stages.journey");
  canvas = GTK_WIDGET (f.canvas);
  during = find_phase (f.journey, "During the purchase");
  touchpoints = find_lane (f.journey, "Touchpoints");
  gtk_widget_grab_focus (canvas);

  /* Two cards side by side, from the keyboard. */
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  quick_type (f.canvas, "web");
  quick_type (f.canvas, "Reads the page");
  g_assert_true (press (canvas, GDK_KEY_Right, 0));
  g_assert_true (f.canvas->cursor_phase == during && f.canvas->cursor_lane == touchpoints);
  g_assert_true (press (canvas, GDK_KEY_n, 0));
  quick_type (f.canvas, "store");
  quick_type (f.canvas, "Buys in the store");
  a = find_touchpoint (f.journey, "Reads the page");
  b = find_touchpoint (f.journey, "Buys in the store");
  g_assert_true (b->phase == during);

  /* L on the first, Left and Right pick the target, Enter links. */
  n_links = waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK);
  waymark_canvas_select_item (f.canvas, a, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (press (canvas, GDK_KEY_l, 0));
  g_assert_true (_waymark_canvas_is_linking (f.canvas));
  g_assert_true (press (canvas, GDK_KEY_Right, 0));
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == b);
  g_assert_true (press (canvas, GDK_KEY_Return, 0));
  g_assert_false (_waymark_canvas_is_linking (f.canvas));
  g_assert_true (linked (f.journey, a, b));
  g_assert_cmpuint (waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LINK), ==, n_links + 1);
  /* Enter did not also edit the title. */
  g_assert_false (waymark_canvas_is_editing (f.canvas));

  /* Escape cancels and goes back to the source. */
  g_assert_true (press (canvas, GDK_KEY_l, 0));
  g_assert_true (press (canvas, GDK_KEY_Left, 0));
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == a);
  g_assert_true (press (canvas, GDK_KEY_Escape, 0));
  g_assert_false (_waymark_canvas_is_linking (f.canvas));
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == b);
  g_assert_false (linked (f.journey, b, a));

  /* Enter on the source itself links nothing and keeps picking. */
  g_assert_true (press (canvas, GDK_KEY_l, 0));
  g_assert_true (press (canvas, GDK_KEY_Return, 0));
  g_assert_true (_waymark_canvas_is_linking (f.canvas));
  g_assert_true (press (canvas, GDK_KEY_Escape, 0));
  g_assert_false (_waymark_canvas_is_linking (f.canvas));

  canvas_fixture_close (&f);
}

/* ---- Ctrl+F, Escape, Ctrl+1 ---- */

static void
test_focus_keys (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas, *palette, *search, *inspector, *inspector_entry;
  WaymarkEditor *editor;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
  palette = GTK_WIDGET (waymark_editor_get_palette (editor));
  search = gui_test_find_widget (palette, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  gtk_widget_grab_focus (canvas);

  /* Ctrl+F: the palette's search. */
  g_assert_true (press (canvas, GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (focus_in (&f, search));
  /* Escape there: back to the map. */
  g_assert_true (press_captured (palette, GDK_KEY_Escape));
  g_assert_true (focus_of (&f) == canvas);

  /* From the inspector too. */
  waymark_canvas_select_item (f.canvas, find_touchpoint (f.journey, "Instagram ad"), WAYMARK_CANVAS_SELECT_REPLACE);
  gui_test_iterate ();
  inspector = gui_test_find_widget (GTK_WIDGET (editor), WAYMARK_TYPE_INSPECTOR, NULL);
  inspector_entry = gui_test_find_widget (inspector, GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (inspector_entry);
  gtk_widget_grab_focus (inspector_entry);
  g_assert_true (focus_in (&f, inspector));
  g_assert_true (press_captured (inspector, GDK_KEY_Escape));
  g_assert_true (focus_of (&f) == canvas);

  /* Ctrl+1 on the map already shown brings the keyboard back too. */
  g_assert_true (press (canvas, GDK_KEY_f, GDK_CONTROL_MASK));
  g_assert_true (press (search, GDK_KEY_1, GDK_CONTROL_MASK));
  g_assert_true (focus_of (&f) == canvas);

  canvas_fixture_close (&f);
}

/* ---- Shift+F10: the context menu ---- */

/* The action (and target) of the item labelled @label in @model or its
 * sections and submenus; FALSE when there is none. */
static gboolean
find_menu_item (GMenuModel  *model,
                const char  *label,
                char       **action,
                GVariant   **target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        {
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", action);
          *target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (find_menu_item (linked, label, action, target))
            return TRUE;
        }
    }
  return FALSE;
}

/* Activates the context menu's item @label as a click on it would. */
static void
menu_activate (CanvasFixture *f,
               const char    *label)
{
  GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (f->canvas->context_menu));
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_nonnull (model);
  if (!find_menu_item (model, label, &action, &target))
    g_error ("no menu item %s", label);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->canvas), action, target));
  gui_test_iterate ();
}

static void
test_context_menu (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkTouchpoint *tp, *other;
  gboolean was;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  tp = find_touchpoint (f.journey, "Instagram ad");
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  gtk_widget_grab_focus (canvas);

  /* Shift+F10 opens it on the selected card: channel, emotion,
   * assessment, link, delete. */
  g_assert_true (press (canvas, GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_get_visible (f.canvas->context_menu));

  menu_activate (&f, "Online shop");
  g_assert_cmpstr (tp->channel->name, ==, "Online shop");
  menu_activate (&f, "No Channel");
  g_assert_null (tp->channel);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpstr (tp->channel->name, ==, "Online shop");

  menu_activate (&f, "Very _Negative (−2)");
  g_assert_true (tp->has_emotion && tp->emotion == -2);
  menu_activate (&f, "_Very Positive (+2)");
  g_assert_cmpint (tp->emotion, ==, 2);
  menu_activate (&f, "_No Emotion");
  g_assert_false (tp->has_emotion);

  tp->strength = WAYMARK_STRENGTH_UNSET;
  menu_activate (&f, "_Weak Spot");
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_WEAKNESS);
  menu_activate (&f, "_Strength");
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_STRENGTH);
  was = tp->moment_of_truth;
  menu_activate (&f, "_Moment of Truth");
  g_assert_true (tp->moment_of_truth == !was);

  /* Dot votes, as + and − give them. */
  tp->votes = 0;
  menu_activate (&f, "_Add a Vote");
  menu_activate (&f, "_Add a Vote");
  g_assert_cmpuint (tp->votes, ==, 2);
  menu_activate (&f, "_Take a Vote Away");
  g_assert_cmpuint (tp->votes, ==, 1);

  /* Link to…, then the arrows and Enter. */
  menu_activate (&f, "_Link to…");
  g_assert_true (_waymark_canvas_is_linking (f.canvas));
  g_assert_true (press (canvas, GDK_KEY_Right, 0));
  other = waymark_canvas_get_selected_item (f.canvas);
  g_assert_true (other != tp);
  g_assert_true (press (canvas, GDK_KEY_Return, 0));
  g_assert_false (_waymark_canvas_is_linking (f.canvas));

  /* Delete. */
  gtk_popover_popdown (GTK_POPOVER (f.canvas->context_menu));
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (press (canvas, GDK_KEY_F10, GDK_SHIFT_MASK));
  menu_activate (&f, "_Delete");
  g_assert_cmpint (waymark_journey_index_of (f.journey, tp), <, 0);
  gtk_popover_popdown (GTK_POPOVER (f.canvas->context_menu));

  canvas_fixture_close (&f);
}

/* ---- The emotion curve, for a card without an emotion ---- */

static void
test_emotion_from_curve (void)
{
  CanvasFixture f = { 0 };
  WaymarkLane *emotions;
  WaymarkTouchpoint *tp, *with;
  WaymarkRect cell;
  double px, py, x, y;
  GPtrArray *touchpoints;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  emotions = NULL;
  for (guint i = 0; i < waymark_journey_get_n_items (f.journey, WAYMARK_ITEM_LANE); i++)
    {
      WaymarkLane *lane = waymark_journey_get_item (f.journey, WAYMARK_ITEM_LANE, i);

      if (lane->kind == WAYMARK_LANE_EMOTION)
        emotions = lane;
    }
  g_assert_nonnull (emotions);
  tp = find_touchpoint (f.journey, "Instagram ad");
  touchpoints = waymark_journey_get_items (f.journey, WAYMARK_ITEM_TOUCHPOINT);

  /* The levels the canvas assumes are where app/render puts them: a
   * point at level e sits 34 + (2 − e) × 30 units below its cell's top. */
  with = NULL;
  for (guint i = 0; i < touchpoints->len && with == NULL; i++)
    if (((WaymarkTouchpoint *) g_ptr_array_index (touchpoints, i))->has_emotion)
      with = g_ptr_array_index (touchpoints, i);
  g_assert_nonnull (with);
  g_assert_true (waymark_layout_get_emotion_point (waymark_canvas_get_layout (f.canvas), emotions, with, &px, &py));
  g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), with->phase, emotions, &cell));
  g_assert_cmpfloat_with_epsilon (py, cell.y + 34 + (2 - with->emotion) * 30, 0.5);

  /* Take the emotion away: no point left on the curve.  A double click
   * on the curve's +1 level below the card gives it back there. */
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  g_assert_true (press (GTK_WIDGET (f.canvas), GDK_KEY_0, 0));
  g_assert_false (tp->has_emotion);
  canvas_fixture_settle (&f);
  g_assert_false (waymark_layout_get_emotion_point (waymark_canvas_get_layout (f.canvas), emotions, tp, &px, &py));
  {
    WaymarkRect rect;

    g_assert_true (waymark_layout_get_card_rect (waymark_canvas_get_layout (f.canvas), tp, &rect));
    g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (f.canvas), tp->phase, emotions, &cell));
    waymark_canvas_scroll_to_rect (f.canvas, &cell);
    canvas_fixture_settle (&f);
    map_point (f.canvas, rect.x + rect.width / 2, cell.y + 34 + 30, &x, &y);
  }
  waymark_canvas_unselect_all (f.canvas);
  _waymark_canvas_double_click (f.canvas, x, y);
  _waymark_canvas_release (f.canvas, x, y);
  g_assert_true (tp->has_emotion);
  g_assert_cmpint (tp->emotion, ==, 1);
  g_assert_true (waymark_canvas_get_selected_item (f.canvas) == tp);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_false (tp->has_emotion);

  canvas_fixture_close (&f);
}

/* ---- New phases and lanes scroll into view ---- */

static gboolean
header_in_view (WaymarkCanvas *canvas,
                gpointer       item)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (canvas);
  WaymarkRect rect;
  double x0, y0, x1, y1;

  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
    g_assert_true (waymark_layout_get_phase_header_rect (layout, item, &rect));
  else
    g_assert_true (waymark_layout_get_lane_header_rect (layout, item, &rect));
  map_point (canvas, rect.x, rect.y, &x0, &y0);
  map_point (canvas, rect.x + rect.width, rect.y + rect.height, &x1, &y1);
  return x0 >= 0 && y0 >= 0 && x1 <= gtk_widget_get_width (GTK_WIDGET (canvas)) &&
         y1 <= gtk_widget_get_height (GTK_WIDGET (canvas));
}

static void
test_new_headers_in_view (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;

  canvas_fixture_open (&f, "three-stages.journey");
  canvas = GTK_WIDGET (f.canvas);
  waymark_canvas_set_zoom (f.canvas, 1.0);
  canvas_fixture_settle (&f);

  /* Phase after phase at the end of the map, each in view at once, before
   * the window draws again. */
  for (int i = 0; i < 6; i++)
    {
      WaymarkPhase *phase;

      waymark_canvas_unselect_all (f.canvas);
      g_assert_true (gtk_widget_activate_action (canvas, "canvas.add-phase", NULL));
      phase = waymark_canvas_get_selected_item (f.canvas);
      g_assert_cmpint (waymark_item_get_item_type (phase), ==, WAYMARK_ITEM_PHASE);
      g_assert_true (header_in_view (f.canvas, phase));
      _waymark_canvas_stop_editing (f.canvas, TRUE);
      canvas_fixture_settle (&f);
      g_assert_true (header_in_view (f.canvas, phase));
    }
  for (int i = 0; i < 4; i++)
    {
      WaymarkLane *lane;

      waymark_canvas_unselect_all (f.canvas);
      g_assert_true (gtk_widget_activate_action (canvas, "canvas.add-lane", NULL));
      lane = waymark_canvas_get_selected_item (f.canvas);
      g_assert_true (header_in_view (f.canvas, lane));
      _waymark_canvas_stop_editing (f.canvas, TRUE);
      canvas_fixture_settle (&f);
      g_assert_true (header_in_view (f.canvas, lane));
    }

  canvas_fixture_close (&f);
}

/* ---- The palette's words ---- */

/* A palette item and the channel it makes, and the templates' generic
 * channels of the same kind, have the same name. */
static void
test_palette_names (void)
{
  static const char *templates[] = { "three-stages.journey", "five-phases.journey" };
  g_autoptr(GPtrArray) catalogue = waymark_palette_item_get_catalogue ();

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      CanvasFixture f = { 0 };
      GPtrArray *channels;
      guint compared = 0;

      canvas_fixture_open (&f, templates[t]);
      channels = waymark_journey_get_items (f.journey, WAYMARK_ITEM_CHANNEL);
      for (guint i = 0; i < catalogue->len; i++)
        {
          WaymarkPaletteItem *item = g_ptr_array_index (catalogue, i);

          for (guint j = 0; j < channels->len; j++)
            {
              WaymarkChannel *channel = g_ptr_array_index (channels, j);

              if (waymark_palette_item_is_note (item) ||
                  g_strcmp0 (channel->icon, waymark_palette_item_get_icon (item)) != 0)
                continue;
              g_assert_cmpstr (channel->name, ==, waymark_palette_item_get_name (item));
              g_assert_true (waymark_palette_item_find_channel (item, f.journey) == channel);
              compared++;
            }
        }
      g_assert_cmpuint (compared, ==, channels->len);
      canvas_fixture_close (&f);
    }
}

/* ---- F11: presentation mode ---- */

/* On a 1920 × 1080 projector, with the phases of @template in view: card
 * titles of at least 28 px, all five phases across, the phase headers and
 * the emotion lane (both pinned while a tall map scrolls) in a third of
 * the height at most. */
static void
check_projector (CanvasFixture *f)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (f->canvas);
  GPtrArray *phases = waymark_journey_get_items (f->journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (f->journey, WAYMARK_ITEM_LANE);
  double zoom = _waymark_canvas_present_zoom (f->canvas, 1920, 1080);
  WaymarkRect last, header, emotion = { 0 };

  g_assert_cmpuint (phases->len, ==, 5);
  g_assert_cmpint (waymark_layout_get_density (layout), ==, WAYMARK_LAYOUT_DENSITY_PRESENTATION);
  g_test_message ("card titles %.1f px at zoom %.2f", waymark_layout_get_text_size (layout, WAYMARK_TEXT_CARD_TITLE) * zoom,
                  zoom);
  g_assert_cmpfloat (waymark_layout_get_text_size (layout, WAYMARK_TEXT_CARD_TITLE) * zoom, >=, 28);
  g_assert_true (waymark_layout_get_phase_rect (layout, g_ptr_array_index (phases, 4), &last));
  g_assert_cmpfloat ((last.x + last.width) * zoom, <=, 1920);
  g_assert_true (waymark_layout_get_phase_header_rect (layout, g_ptr_array_index (phases, 0), &header));
  for (guint i = 0; i < lanes->len; i++)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i))->kind == WAYMARK_LANE_EMOTION)
      g_assert_true (waymark_layout_get_lane_rect (layout, g_ptr_array_index (lanes, i), &emotion));
  g_assert_cmpfloat (emotion.height, >, 0);
  g_assert_cmpfloat ((header.height + emotion.height) * zoom, <=, 1080 / 3.0);
}

/* The emotion curve is in view: inside the view, or pinned to its
 * bottom. */
static void
assert_emotion_in_view (CanvasFixture *f)
{
  GPtrArray *lanes = waymark_journey_get_items (f->journey, WAYMARK_ITEM_LANE);
  WaymarkRect emotion = { 0 };
  double bottom;

  for (guint i = 0; i < lanes->len; i++)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i))->kind == WAYMARK_LANE_EMOTION)
      g_assert_true (waymark_layout_get_lane_rect (waymark_canvas_get_layout (f->canvas), g_ptr_array_index (lanes, i),
                                                   &emotion));
  g_assert_cmpfloat (emotion.height, >, 0);
  bottom = (emotion.y + emotion.height) * f->canvas->zoom + f->canvas->origin_y -
           gtk_adjustment_get_value (f->canvas->vadjustment);
  g_assert_true (bottom <= gtk_widget_get_height (GTK_WIDGET (f->canvas)) ||
                 _waymark_canvas_emotion_pinned (f->canvas, NULL));
}

static void
test_presentation (void)
{
  static const char *templates[] = { "five-phases.journey", "example-fitness-watch.journey" };

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      CanvasFixture f = { 0 };
      GtkWidget *canvas;
      WaymarkEditor *editor;
      WaymarkLayout *layout;
      GtkWidget *button;
      double zoom_before;

      canvas_fixture_open (&f, templates[t]);
      canvas = GTK_WIDGET (f.canvas);
      layout = waymark_canvas_get_layout (f.canvas);
      editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
      zoom_before = waymark_canvas_get_zoom (f.canvas);
      gtk_widget_grab_focus (canvas);

      /* The header bar has a button for it. */
      button = gui_test_find_widget (GTK_WIDGET (f.window), GTK_TYPE_BUTTON, "present-button");
      g_assert_nonnull (button);
      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.present");

      /* F11: the map alone, larger text, fitted. */
      g_assert_true (press (canvas, GDK_KEY_F11, 0));
      canvas_fixture_settle (&f);
      g_assert_true (waymark_window_get_presenting (f.window));
      g_assert_true (waymark_editor_get_presenting (editor));
      g_assert_true (waymark_canvas_get_presenting (f.canvas));
      g_assert_false (waymark_editor_get_show_palette (editor));
      g_assert_false (waymark_editor_get_show_inspector (editor));
      g_assert_false (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "canvas-toolbar")));
      g_assert_true (focus_of (&f) == canvas);
      g_assert_cmpfloat (waymark_layout_get_text_size (layout, WAYMARK_TEXT_CARD_TITLE), >,
                         18);
      g_assert_cmpfloat_with_epsilon (waymark_canvas_get_zoom (f.canvas),
                                      _waymark_canvas_present_zoom (f.canvas, gtk_widget_get_width (canvas),
                                                                    gtk_widget_get_height (canvas)),
                                      0.01);
      check_projector (&f);
      assert_emotion_in_view (&f);

      /* Stepping through the phases; keys do not edit the map. */
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 0);
      g_assert_true (press_captured (canvas, GDK_KEY_Page_Down));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 1);
      g_assert_true (press_captured (canvas, GDK_KEY_Right));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 2);
      g_assert_true (press_captured (canvas, GDK_KEY_Left));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 1);
      g_assert_true (press_captured (canvas, GDK_KEY_End));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 4);
      assert_emotion_in_view (&f);
      g_assert_true (press_captured (canvas, GDK_KEY_Page_Down));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 4);
      g_assert_true (press_captured (canvas, GDK_KEY_Home));
      g_assert_cmpuint (waymark_canvas_get_present_phase (f.canvas), ==, 0);
      g_assert_true (press_captured (canvas, GDK_KEY_n));
      g_assert_false (waymark_quick_add_is_active (quick_add (f.canvas)));

      /* Escape: everything back as it was. */
      g_assert_true (press_captured (canvas, GDK_KEY_Escape));
      canvas_fixture_settle (&f);
      g_assert_false (waymark_window_get_presenting (f.window));
      g_assert_false (waymark_canvas_get_presenting (f.canvas));
      g_assert_true (waymark_editor_get_show_palette (editor));
      g_assert_true (waymark_editor_get_show_inspector (editor));
      g_assert_true (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "canvas-toolbar")));
      g_assert_cmpint (waymark_layout_get_density (layout), ==, WAYMARK_LAYOUT_DENSITY_SCREEN);
      g_assert_cmpfloat_with_epsilon (waymark_canvas_get_zoom (f.canvas), zoom_before, 0.001);

      canvas_fixture_close (&f);
    }
}

/* ---- Sticky headers ---- */

static void
test_sticky_headers (void)
{
  CanvasFixture f = { 0 };
  GtkAdjustment *hadjustment, *vadjustment;
  WaymarkEditor *editor;
  GtkWidget *toolbar;
  graphene_rect_t toolbar_bounds;
  gboolean phases, lanes;
  WaymarkHit hit;
  WaymarkTouchpoint *tp;
  double x, y, top;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
  toolbar = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_BOX, "canvas-toolbar");
  waymark_canvas_set_zoom (f.canvas, 1.5);
  canvas_fixture_settle (&f);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f.canvas));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f.canvas));
  gtk_adjustment_set_value (hadjustment, 0);
  gtk_adjustment_set_value (vadjustment, 0);
  canvas_fixture_settle (&f);
  g_assert_false (waymark_canvas_get_headers_pinned (f.canvas, NULL, NULL));

  /* Scrolled down: the phase headers stay at the top, below the
   * toolbar's band, and a press there means the phase. */
  gtk_adjustment_set_value (vadjustment, 700);
  canvas_fixture_settle (&f);
  waymark_canvas_get_headers_pinned (f.canvas, &phases, &lanes);
  g_assert_true (phases);
  g_assert_false (lanes);
  top = f.canvas->top_inset;
  g_assert_cmpfloat (top, >, 0);
  card_point (f.canvas, find_touchpoint (f.journey, "Instagram ad"), &x, &y);
  g_assert_true (_waymark_canvas_hit (f.canvas, x, top + 10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_PHASE_HEADER);
  g_assert_true (hit.item == find_phase (f.journey, "Awareness"));

  /* Nothing of the map under the toolbar: not a card, at any scroll. */
  g_assert_true (gtk_widget_compute_bounds (toolbar, GTK_WIDGET (f.canvas), &toolbar_bounds));
  g_assert_cmpfloat (toolbar_bounds.origin.y + toolbar_bounds.size.height, <=, top);
  for (double v = 0; v <= gtk_adjustment_get_upper (vadjustment); v += 40)
    {
      gtk_adjustment_set_value (vadjustment, v);
      for (double tx = toolbar_bounds.origin.x; tx < toolbar_bounds.origin.x + toolbar_bounds.size.width; tx += 20)
        for (double ty = toolbar_bounds.origin.y; ty < toolbar_bounds.origin.y + toolbar_bounds.size.height; ty += 10)
          {
            _waymark_canvas_hit (f.canvas, tx, ty, &hit);
            g_assert_cmpint (hit.kind, !=, WAYMARK_HIT_CARD);
          }
    }

  /* Scrolled right: the lane headers stay at the left. */
  gtk_adjustment_set_value (vadjustment, 0);
  gtk_adjustment_set_value (hadjustment, 600);
  canvas_fixture_settle (&f);
  waymark_canvas_get_headers_pinned (f.canvas, &phases, &lanes);
  g_assert_false (phases);
  g_assert_true (lanes);
  tp = find_touchpoint (f.journey, "Instagram ad");
  card_point (f.canvas, tp, &x, &y);
  g_assert_true (_waymark_canvas_hit (f.canvas, 10, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_LANE_HEADER);
  g_assert_true (hit.item == tp->lane);

  canvas_fixture_close (&f);
}

/* ---- Read-only maps ---- */

/* ---- + and −: dot votes ---- */

/* The widget of @type at or below @root that is on screen: the inspector
 * keeps a page for each kind of item, each with its own votes row. */
static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_vote_button (GtkWidget  *row,
                   const char *name)
{
  GtkWidget *button = gui_test_find_widget (row, GTK_TYPE_BUTTON, name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
}

static void
test_votes (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas, *inspector, *row, *count;
  WaymarkTouchpoint *tp;
  WaymarkNote *note;
  WaymarkEditor *editor;
  g_autofree char *saved = NULL;
  guint n_undo;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  tp = find_touchpoint (f.journey, "Instagram ad");
  note = g_ptr_array_index (waymark_journey_get_items (f.journey, WAYMARK_ITEM_NOTE), 0);
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  gtk_widget_grab_focus (canvas);
  g_assert_cmpuint (tp->votes, ==, 0);

  /* Nothing to take away: nothing recorded. */
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (press (canvas, GDK_KEY_minus, 0));
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);

  /* + and the keypad's + add, − and the keypad's − take away; each press
   * is an undo step. */
  g_assert_true (press (canvas, GDK_KEY_plus, 0));
  g_assert_true (press (canvas, GDK_KEY_plus, 0));
  g_assert_true (press (canvas, GDK_KEY_plus, 0));
  g_assert_cmpuint (tp->votes, ==, 3);
  g_assert_true (press (canvas, GDK_KEY_KP_Add, 0));
  g_assert_cmpuint (tp->votes, ==, 4);
  g_assert_true (press (canvas, GDK_KEY_minus, 0));
  g_assert_cmpuint (tp->votes, ==, 3);
  g_assert_true (press (canvas, GDK_KEY_KP_Subtract, 0));
  g_assert_cmpuint (tp->votes, ==, 2);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 6);
  g_assert_true (waymark_history_undo (f.history));
  g_assert_cmpuint (tp->votes, ==, 3);
  g_assert_true (waymark_history_redo (f.history));
  g_assert_cmpuint (tp->votes, ==, 2);

  /* A touchpoint and a note: a vote on each, one step. */
  waymark_canvas_select_item (f.canvas, note, WAYMARK_CANVAS_SELECT_ADD);
  n_undo = waymark_history_get_n_undo (f.history);
  g_assert_true (press (canvas, GDK_KEY_plus, 0));
  g_assert_cmpuint (tp->votes, ==, 3);
  g_assert_cmpuint (note->votes, ==, 1);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 1);

  /* Saved in the file. */
  saved = save_and_read (&f);
  g_assert_nonnull (strstr (saved, "format=\"2\""));
  g_assert_nonnull (strstr (saved, "votes=\"3\""));
  g_assert_nonnull (strstr (saved, "votes=\"1\""));

  /* The inspector's row: the note's count, and buttons that add and
   * take away, one undo step each. */
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));
  inspector = gui_test_find_widget (GTK_WIDGET (editor), WAYMARK_TYPE_INSPECTOR, NULL);
  waymark_canvas_select_item (f.canvas, note, WAYMARK_CANVAS_SELECT_REPLACE);
  gui_test_iterate ();
  row = find_mapped (inspector, WAYMARK_TYPE_VOTES_ROW);
  g_assert_nonnull (row);
  count = gui_test_find_widget (row, GTK_TYPE_LABEL, "numeric");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "1");
  n_undo = waymark_history_get_n_undo (f.history);
  click_vote_button (row, "add-vote");
  g_assert_cmpuint (note->votes, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "2");
  click_vote_button (row, "remove-vote");
  click_vote_button (row, "remove-vote");
  g_assert_cmpuint (note->votes, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "0");
  /* None left to take away. */
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (row, GTK_TYPE_BUTTON, "remove-vote")));
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo + 3);
  /* A key on the map updates the row. */
  g_assert_true (press (canvas, GDK_KEY_plus, 0));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "1");

  /* The touchpoint's page has its own. */
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  gui_test_iterate ();
  row = find_mapped (inspector, WAYMARK_TYPE_VOTES_ROW);
  g_assert_nonnull (row);
  count = gui_test_find_widget (row, GTK_TYPE_LABEL, "numeric");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "3");
  click_vote_button (row, "add-vote");
  g_assert_cmpuint (tp->votes, ==, 4);

  /* Read-only: no votes. */
  waymark_document_set_read_only (f.document, "Shared copy: read only.");
  gui_test_iterate ();
  n_undo = waymark_history_get_n_undo (f.history);
  press (canvas, GDK_KEY_plus, 0);
  g_assert_cmpuint (tp->votes, ==, 4);
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);
  waymark_document_set_read_only (f.document, NULL);

  canvas_fixture_close (&f);
}

static void
test_read_only_keys (void)
{
  CanvasFixture f = { 0 };
  GtkWidget *canvas;
  WaymarkTouchpoint *tp;
  guint n_undo;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  canvas = GTK_WIDGET (f.canvas);
  tp = find_touchpoint (f.journey, "Instagram ad");
  waymark_canvas_select_item (f.canvas, tp, WAYMARK_CANVAS_SELECT_REPLACE);
  waymark_document_set_read_only (f.document, "Shared copy: read only.");
  gui_test_iterate ();
  n_undo = waymark_history_get_n_undo (f.history);
  press (canvas, GDK_KEY_n, 0);
  press (canvas, GDK_KEY_1, 0);
  press (canvas, GDK_KEY_w, 0);
  press (canvas, GDK_KEY_l, 0);
  g_assert_false (waymark_quick_add_is_active (quick_add (f.canvas)));
  g_assert_false (_waymark_canvas_is_linking (f.canvas));
  g_assert_cmpuint (waymark_history_get_n_undo (f.history), ==, n_undo);
  waymark_document_set_read_only (f.document, NULL);

  canvas_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  g_test_add_func ("/canvas-keys/quick-add", test_quick_add);
  g_test_add_func ("/canvas-keys/emotion-and-assessment", test_emotion_and_assessment);
  g_test_add_func ("/canvas-keys/link-to", test_link_to);
  g_test_add_func ("/canvas-keys/focus", test_focus_keys);
  g_test_add_func ("/canvas-keys/context-menu", test_context_menu);
  g_test_add_func ("/canvas-keys/emotion-from-curve", test_emotion_from_curve);
  g_test_add_func ("/canvas-keys/palette-names", test_palette_names);
  g_test_add_func ("/canvas-keys/new-headers-in-view", test_new_headers_in_view);
  g_test_add_func ("/canvas-keys/presentation", test_presentation);
  g_test_add_func ("/canvas-keys/sticky-headers", test_sticky_headers);
  g_test_add_func ("/canvas-keys/read-only", test_read_only_keys);
  g_test_add_func ("/canvas-keys/votes", test_votes);

  return g_test_run ();
}
