/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-inspector"

#include "config.h"

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-text-limit.h"
#include "waymark-edits.h"
#include "waymark-emotion-picker.h"
#include "waymark-inspector.h"
#include "waymark-kpi-editor.h"
#include "waymark-reader.h"
#include "waymark-text-row.h"
#include "waymark-touchpoint-editor.h"

#define INSTAGRAM_AD "tp-b9b597d94ddb"     /* 2 KPIs, emotion +1, a weak spot, links to the product page */
#define PRODUCT_PAGE "tp-1fc1fb25bb67"     /* 2 links in, 1 out */
#define PAIN_POINTS "lane-1de6ff129079"    /* a notes lane with notes */
#define KPI_LANE "lane-7cd2313713b8"       /* a computed lane: no cards */
#define TOUCHPOINT_LANE "lane-6922bfc001e8"
#define AWARENESS "phase-c2d0419b9eb4"
#define STORE "ch-38fc12b68525"            /* physical */

typedef struct {
  WaymarkDocument  *document;
  WaymarkJourney   *journey;
  WaymarkHistory   *history;
  GtkWindow        *window;
  WaymarkInspector *inspector;
  GtkWidget        *elsewhere;   /* takes the focus off the inspector, like the canvas */
} Fixture;

/* ---- Setting up ---- */

/* Activates a button as Enter or Space would: it is clicked when its
 * pressed look has been shown for a moment. */
static void
press (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  /* Switches slide over, too. */
  gui_test_spin (400);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->document = gui_test_load_example ();
  f->journey = waymark_document_get_journey (f->document);
  f->history = waymark_document_get_history (f->document);

  f->window = GTK_WINDOW (gtk_window_new ());
  /* Wide enough that the inspector stays beside the map (a narrower
   * window folds it into a hidden overlay: test-small-window). */
  gtk_window_set_default_size (f->window, 1400, 800);
  f->elsewhere = gtk_button_new_with_label ("Canvas");
  f->inspector = WAYMARK_INSPECTOR (waymark_inspector_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (f->inspector), TRUE);
  gtk_box_append (GTK_BOX (box), f->elsewhere);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->inspector));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  gui_test_iterate ();
  gtk_widget_grab_focus (f->elsewhere);

  waymark_inspector_set_document (f->inspector, f->document);
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

static gpointer
lookup (Fixture    *f,
        const char *id)
{
  gpointer item = waymark_journey_lookup (f->journey, id);

  g_assert_nonnull (item);
  return item;
}

/* ---- Finding what the user sees ---- */

/* The page the inspector shows. */
static GtkWidget *
visible_page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (gui_test_find_widget (GTK_WIDGET (f->inspector), GTK_TYPE_STACK, NULL));

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (stack);
}

static const char *
visible_page_name (Fixture *f)
{
  GtkStack *stack = GTK_STACK (gui_test_find_widget (GTK_WIDGET (f->inspector), GTK_TYPE_STACK, NULL));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWidget *
find_row_in (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_in (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the visible page with this title. */
static GtkWidget *
find_row (Fixture    *f,
          GType       type,
          const char *title)
{
  GtkWidget *row = find_row_in (visible_page (f), type, title);

  g_assert_nonnull (row);
  return row;
}

static GtkWidget *
find_button_in (GtkWidget  *root,
                const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_in (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_label (GtkWidget  *root,
               const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  /* A mnemonic button's text is a label of its own child. */
  if (GTK_IS_BUTTON (root) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (root))) &&
      g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (root)))), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (Fixture    *f,
             const char *tooltip)
{
  GtkWidget *button = find_button_in (visible_page (f), tooltip);

  g_assert_nonnull (button);
  return button;
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static char *
text_row_text (GtkWidget *row)
{
  return waymark_text_row_dup_text (WAYMARK_TEXT_ROW (row));
}

/* Puts the keyboard focus into a row's text, as a click would. */
static void
focus_row (GtkWidget *row)
{
  if (WAYMARK_IS_TEXT_ROW (row))
    gtk_widget_grab_focus (GTK_WIDGET (waymark_text_row_get_text_view (WAYMARK_TEXT_ROW (row))));
  else
    g_assert_true (gtk_widget_grab_focus (row));
  gui_test_iterate ();
}

static void
set_text_row (GtkWidget  *row,
              const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (waymark_text_row_get_text_view (WAYMARK_TEXT_ROW (row))),
                            text, -1);
}

/* Waits (up to 5 s) until @widget lies inside its window, as it does once
 * the scroll that focusing it started has been drawn: on a loaded machine
 * that can take longer than a fixed wait, and a popover opened from a
 * widget off every monitor is a critical. */
static void
wait_in_window (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  for (guint i = 0; i < 250; i++)
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (widget) &&
          gtk_widget_compute_bounds (widget, window, &bounds) &&
          bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
          bounds.origin.x + bounds.size.width <= gtk_widget_get_width (window) &&
          bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window))
        return;
      gui_test_spin (20);
    }
}

/* ---- Tests ---- */

static void
test_shows_touchpoint (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  g_autofree char *description = NULL;
  GtkWidget *picker;
  int emotion = 0;

  waymark_inspector_set_item (f->inspector, tp);
  g_assert_cmpstr (visible_page_name (f), ==, "touchpoint");

  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Title")), ==, "Instagram ad");
  description = text_row_text (find_row (f, WAYMARK_TYPE_TEXT_ROW, "Description"));
  g_assert_cmpstr (description, ==, tp->description);
  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Owner (department)")), ==, "Marketing");
  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Feeling, in a few words")), ==, "curious");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Initiated by"))),
                    ==, WAYMARK_INITIATOR_BRAND);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Assessment"))),
                    ==, WAYMARK_STRENGTH_WEAKNESS);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Priority"))),
                    ==, WAYMARK_PRIORITY_MEDIUM);
  /* The channel combo lists "None" first, then the journey's channels. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Channel"))),
                    ==, (guint) waymark_journey_index_of (f->journey, tp->channel) + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Channel category"))),
                    ==, WAYMARK_CATEGORY_DIGITAL);

  picker = gui_test_find_widget (visible_page (f), WAYMARK_TYPE_EMOTION_PICKER, NULL);
  g_assert_true (waymark_emotion_picker_get_emotion (WAYMARK_EMOTION_PICKER (picker), &emotion));
  g_assert_cmpint (emotion, ==, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    waymark_emotion_picker_get_button (WAYMARK_EMOTION_PICKER (picker), TRUE, 1))));

  /* A KPI per row, named by the KPI. */
  find_row (f, ADW_TYPE_EXPANDER_ROW, "Click-through rate");
  find_row (f, ADW_TYPE_EXPANDER_ROW, "Cost per acquisition");
}

static void
test_title_typing_is_one_step (Fixture       *f,
                               gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  GtkWidget *title;
  guint steps = waymark_history_get_n_undo (f->history);

  waymark_inspector_set_item (f->inspector, tp);
  title = find_row (f, ADW_TYPE_ENTRY_ROW, "Title");

  /* Typing, key by key: the model follows every key … */
  focus_row (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram ad ");
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram ad f");
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram ad for beginners");
  g_assert_cmpstr (tp->title, ==, "Instagram ad for beginners");
  /* … and the field is one undo step. */
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);

  /* Leaving the field ends the step: typing there again is the next one. */
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();
  focus_row (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram ad for runners");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 2);
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();

  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (tp->title, ==, "Instagram ad for beginners");
  g_assert_cmpstr (text_of (title), ==, "Instagram ad for beginners");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_cmpstr (text_of (title), ==, "Instagram ad");
  g_assert_true (waymark_history_redo (f->history));
  g_assert_cmpstr (text_of (title), ==, "Instagram ad for beginners");
}

static void
test_text_fields (Fixture       *f,
                  gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  GtkWidget *description, *quote, *owner;

  waymark_inspector_set_item (f->inspector, tp);
  description = find_row (f, WAYMARK_TYPE_TEXT_ROW, "Description");
  quote = find_row (f, WAYMARK_TYPE_TEXT_ROW, "Customer quote");
  owner = find_row (f, ADW_TYPE_ENTRY_ROW, "Owner (department)");

  focus_row (description);
  set_text_row (description, "Two lines\nof description");
  g_assert_cmpstr (tp->description, ==, "Two lines\nof description");
  focus_row (quote);
  set_text_row (quote, "");
  /* An empty field is no text at all (the file leaves the element out). */
  g_assert_null (tp->quote);
  focus_row (owner);
  gtk_editable_set_text (GTK_EDITABLE (owner), "Brand marketing");
  g_assert_cmpstr (tp->owner, ==, "Brand marketing");
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();

  /* The owners the map uses are offered, each once, in order … */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (gui_test_find_widget (owner, GTK_TYPE_MENU_BUTTON, NULL));
    GMenuModel *menu;
    const char *expected[] = { "Brand marketing", "E-commerce", "Logistics", "Marketing", "Product", "Sales", "Service" };

    /* Scrolled into view first, as it is when someone clicks it: the
     * persona rows above push it below a small screen's edge, and a
     * popover off every monitor is a critical. */
    gtk_widget_grab_focus (GTK_WIDGET (button));
    wait_in_window (GTK_WIDGET (button));
    gtk_menu_button_popup (button);
    menu = gtk_menu_button_get_menu_model (button);
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *label = NULL;

        g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
        g_assert_cmpstr (label, ==, expected[i]);
      }
    gtk_menu_button_popdown (button);
  }
  /* … and picking one is a step of its own. */
  g_assert_true (gtk_widget_activate_action (owner, "touchpoint.set-owner", "s", "Sales"));
  g_assert_cmpstr (tp->owner, ==, "Sales");
  g_assert_cmpstr (text_of (owner), ==, "Sales");
  g_assert_true (waymark_history_undo (f->history));

  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (tp->owner, ==, "Marketing");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (tp->quote, ==, "“Looks nice, but is it for me?”");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (tp->description, !=, "Two lines\nof description");
}

static void
test_external_change (Fixture       *f,
                      gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkTouchpoint *edited;
  GtkWidget *title, *owner, *picker;
  g_autofree char *description = NULL;
  int emotion = 0;

  waymark_inspector_set_item (f->inspector, tp);
  title = find_row (f, ADW_TYPE_ENTRY_ROW, "Title");
  owner = find_row (f, ADW_TYPE_ENTRY_ROW, "Owner (department)");
  picker = gui_test_find_widget (visible_page (f), WAYMARK_TYPE_EMOTION_PICKER, NULL);

  /* The canvas (or undo) changes the card: the inspector follows. */
  edited = waymark_item_copy (tp);
  g_free (edited->description);
  edited->description = g_strdup ("Changed on the canvas");
  g_free (edited->owner);
  edited->owner = g_strdup ("Sales");
  edited->emotion = -2;
  waymark_edits_update (f->history, tp, edited, NULL);

  description = text_row_text (find_row (f, WAYMARK_TYPE_TEXT_ROW, "Description"));
  g_assert_cmpstr (description, ==, "Changed on the canvas");
  g_assert_cmpstr (text_of (owner), ==, "Sales");
  g_assert_true (waymark_emotion_picker_get_emotion (WAYMARK_EMOTION_PICKER (picker), &emotion));
  g_assert_cmpint (emotion, ==, -2);

  /* But the field being typed in keeps what the user types. */
  focus_row (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram");
  g_assert_cmpstr (tp->title, ==, "Instagram");
  edited = waymark_item_copy (tp);
  g_free (edited->owner);
  edited->owner = g_strdup ("Service");
  waymark_edits_update (f->history, tp, edited, NULL);
  g_assert_cmpstr (text_of (owner), ==, "Service");
  g_assert_cmpstr (text_of (title), ==, "Instagram");
  gtk_editable_set_text (GTK_EDITABLE (title), "Instagram story");
  g_assert_cmpstr (tp->title, ==, "Instagram story");
  g_assert_cmpstr (tp->owner, ==, "Service");

  /* Changes to other things leave the page alone. */
  waymark_edits_set_text (f->history, WAYMARK_FIELD_TITLE, "Renamed journey");
  waymark_edits_set_state (f->history, WAYMARK_STATE_INTENDED);
  g_assert_cmpstr (visible_page_name (f), ==, "touchpoint");
  g_assert_cmpstr (text_of (title), ==, "Instagram story");
}

static void
test_emotion (Fixture       *f,
              gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkEmotionPicker *picker;
  GtkWidget *very_negative, *none, *note;

  waymark_inspector_set_item (f->inspector, tp);
  picker = WAYMARK_EMOTION_PICKER (gui_test_find_widget (visible_page (f), WAYMARK_TYPE_EMOTION_PICKER, NULL));
  note = find_row (f, ADW_TYPE_ENTRY_ROW, "Feeling, in a few words");
  very_negative = waymark_emotion_picker_get_button (picker, TRUE, -2);
  none = waymark_emotion_picker_get_button (picker, FALSE, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (very_negative), ==, "Very negative");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (none), ==, "No emotion");

  press (very_negative);
  g_assert_true (tp->has_emotion);
  g_assert_cmpint (tp->emotion, ==, -2);
  g_assert_cmpstr (tp->emotion_note, ==, "curious");

  focus_row (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "annoyed");
  g_assert_cmpstr (tp->emotion_note, ==, "annoyed");
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();

  press (none);
  g_assert_false (tp->has_emotion);
  /* No emotion, no note about it (the file keeps the note in the emotion). */
  g_assert_null (tp->emotion_note);
  g_assert_false (gtk_widget_get_sensitive (note));

  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (tp->has_emotion);
  g_assert_cmpstr (tp->emotion_note, ==, "annoyed");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (very_negative)));
  g_assert_true (gtk_widget_get_sensitive (note));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (tp->emotion, ==, 1);
  g_assert_cmpstr (tp->emotion_note, ==, "curious");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (waymark_emotion_picker_get_button (picker, TRUE, 1))));
}

/* A touchpoint's personas: a row per persona of the map with a check
 * and that persona's emotion; each change one undo step, and the rows
 * follow the map's personas. */
static void
test_personas (Fixture       *f,
               gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkPersona *beginner = lookup (f, "persona-061a487b63bf");
  GtkWidget *row, *check;
  const WaymarkPersonaMark *mark;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  waymark_inspector_set_item (f->inspector, tp);
  row = find_row (f, ADW_TYPE_COMBO_ROW, "Running beginner");
  check = gui_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Emotion of Running beginner");
  g_assert_true (gtk_widget_get_focusable (check));

  /* Activating the check, as Space does, marks the card for her. */
  g_assert_true (gtk_widget_activate (check));
  gui_test_iterate ();
  g_assert_nonnull (waymark_touchpoint_get_persona_mark (tp, beginner->item.id));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (waymark_touchpoint_applies_to_persona (tp, "persona-other"));

  /* Very negative, for her: the last choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 5);
  gui_test_iterate ();
  mark = waymark_touchpoint_get_persona_mark (tp, beginner->item.id);
  g_assert_true (mark->has_emotion);
  g_assert_cmpint (mark->emotion, ==, -2);
  g_assert_cmpint (tp->emotion, ==, 1);

  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  mark = waymark_touchpoint_get_persona_mark (tp, beginner->item.id);
  g_assert_false (mark->has_emotion);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_assert_true (waymark_history_redo (f->history));
  gui_test_iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 5);

  /* With an emotion of her own, a line for how she feels there; typing
   * is one undo step. */
  {
    GtkWidget *note = find_row (f, ADW_TYPE_ENTRY_ROW, "Feeling of Running beginner, in a few words");

    g_assert_true (gtk_widget_get_visible (note));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
    gtk_widget_grab_focus (note);
    gtk_editable_set_text (GTK_EDITABLE (note), "too");
    gtk_editable_set_text (GTK_EDITABLE (note), "too expensive");
    gui_test_iterate ();
    g_assert_cmpstr (waymark_touchpoint_get_persona_mark (tp, beginner->item.id)->emotion_note, ==, "too expensive");
    g_assert_cmpstr (tp->emotion_note, !=, "too expensive");
    gtk_widget_grab_focus (f->elsewhere);
    g_assert_true (waymark_history_undo (f->history));
    gui_test_iterate ();
    g_assert_null (waymark_touchpoint_get_persona_mark (tp, beginner->item.id)->emotion_note);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
    g_assert_true (waymark_history_redo (f->history));
    gui_test_iterate ();
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "too expensive");
  }

  /* A new persona gets a row of its own; picking its emotion marks the
   * card for it, in one step. */
  waymark_edits_add_item (f->history, waymark_persona_new ("persona-gift", "Gift buyer"), -1);
  gui_test_iterate ();
  row = find_row (f, ADW_TYPE_COMBO_ROW, "Gift buyer");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (gui_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL))));
  /* Feeling as the card does: no line of its own. */
  g_assert_false (gtk_widget_get_visible (find_row (f, ADW_TYPE_ENTRY_ROW, "Feeling of Gift buyer, in a few words")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (find_row (f, ADW_TYPE_ENTRY_ROW, "Feeling of Gift buyer, in a few words")));
  mark = waymark_touchpoint_get_persona_mark (tp, "persona-gift");
  g_assert_nonnull (mark);
  g_assert_cmpint (mark->emotion, ==, 2);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gui_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL))));
  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  g_assert_null (waymark_touchpoint_get_persona_mark (tp, "persona-gift"));

  /* Deleting a persona takes its mark and its row; undo brings both. */
  g_ptr_array_add (items, beginner);
  waymark_edits_delete (f->history, items);
  gui_test_iterate ();
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp), ==, 0);
  g_assert_null (find_row_in (visible_page (f), ADW_TYPE_COMBO_ROW, "Running beginner"));
  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  row = find_row (f, ADW_TYPE_COMBO_ROW, "Running beginner");
  check = gui_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpint (waymark_touchpoint_get_persona_mark (tp, beginner->item.id)->emotion, ==, -2);

  /* Unchecking is a step too. */
  g_assert_true (gtk_widget_activate (check));
  gui_test_iterate ();
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp), ==, 0);
  g_assert_true (waymark_history_undo (f->history));
  gui_test_iterate ();
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp), ==, 1);
}

static void
test_assessment (Fixture       *f,
                 gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  AdwComboRow *strength, *priority, *initiator;
  GtkWidget *moment_row;
  GtkSwitch *moment;

  waymark_inspector_set_item (f->inspector, tp);
  strength = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Assessment"));
  priority = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Priority"));
  initiator = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Initiated by"));
  moment_row = find_row (f, ADW_TYPE_ACTION_ROW, "Moment of truth");
  moment = GTK_SWITCH (gui_test_find_widget (moment_row, GTK_TYPE_SWITCH, NULL));
  g_assert_false (gtk_switch_get_active (moment));

  adw_combo_row_set_selected (strength, WAYMARK_STRENGTH_STRENGTH);
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_STRENGTH);
  adw_combo_row_set_selected (priority, WAYMARK_PRIORITY_HIGH);
  g_assert_cmpint (tp->priority, ==, WAYMARK_PRIORITY_HIGH);
  adw_combo_row_set_selected (initiator, WAYMARK_INITIATOR_CUSTOMER);
  g_assert_cmpint (tp->initiator, ==, WAYMARK_INITIATOR_CUSTOMER);
  /* The row switches, as a click on it would. */
  press (moment_row);
  /* The switch takes its new state when its slide ends, which on a
   * loaded machine can take longer than press() waits. */
  for (int i = 0; i < 50 && !tp->moment_of_truth; i++)
    gui_test_spin (100);
  g_assert_true (tp->moment_of_truth);
  g_assert_true (gtk_switch_get_active (moment));

  g_assert_true (waymark_history_undo (f->history));
  g_assert_false (tp->moment_of_truth);
  g_assert_false (gtk_switch_get_active (moment));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (tp->initiator, ==, WAYMARK_INITIATOR_BRAND);
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (tp->priority, ==, WAYMARK_PRIORITY_MEDIUM);
  g_assert_cmpuint (adw_combo_row_get_selected (priority), ==, WAYMARK_PRIORITY_MEDIUM);
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (tp->strength, ==, WAYMARK_STRENGTH_WEAKNESS);
  g_assert_cmpuint (adw_combo_row_get_selected (strength), ==, WAYMARK_STRENGTH_WEAKNESS);
}

static void
test_channel_and_category (Fixture       *f,
                           gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkChannel *social = tp->channel;
  WaymarkChannel *store = lookup (f, STORE);
  AdwComboRow *channel, *category;
  guint steps;

  waymark_inspector_set_item (f->inspector, tp);
  channel = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Channel"));
  category = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Channel category"));

  adw_combo_row_set_selected (channel, (guint) waymark_journey_index_of (f->journey, store) + 1);
  g_assert_true (tp->channel == store);
  /* The category shown is the new channel's. */
  g_assert_cmpuint (adw_combo_row_get_selected (category), ==, WAYMARK_CATEGORY_PHYSICAL);

  /* Changing the category changes the channel, in one undo step. */
  steps = waymark_history_get_n_undo (f->history);
  adw_combo_row_set_selected (category, WAYMARK_CATEGORY_PERSONAL);
  g_assert_cmpint (store->category, ==, WAYMARK_CATEGORY_PERSONAL);
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);

  /* No channel: no category to edit. */
  adw_combo_row_set_selected (channel, 0);
  g_assert_null (tp->channel);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (category)));

  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (tp->channel == store);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (category)));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (store->category, ==, WAYMARK_CATEGORY_PHYSICAL);
  g_assert_cmpuint (adw_combo_row_get_selected (category), ==, WAYMARK_CATEGORY_PHYSICAL);
  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (tp->channel == social);
  g_assert_cmpuint (adw_combo_row_get_selected (channel), ==,
                    (guint) waymark_journey_index_of (f->journey, social) + 1);
}

static void
test_new_channel (Fixture       *f,
                  gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkChannel *social = tp->channel;
  guint n_channels = waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_CHANNEL);
  guint steps = waymark_history_get_n_undo (f->history);
  GtkMenuButton *button;
  GtkWidget *popover, *entry, *add, *personal;
  AdwComboRow *channel;
  g_autoptr(GListModel) names = NULL;

  waymark_inspector_set_item (f->inspector, tp);
  channel = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Channel"));
  button = GTK_MENU_BUTTON (find_by_tooltip (visible_page (f), GTK_TYPE_MENU_BUTTON, "New Channel"));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  gui_test_iterate ();
  entry = gui_test_find_widget (popover, GTK_TYPE_ENTRY, NULL);
  add = find_by_label (popover, "_Add Channel");
  personal = find_by_label (popover, "Personal");
  g_assert_nonnull (entry);
  g_assert_nonnull (personal);
  g_assert_nonnull (add);

  /* No name, no channel. */
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Podcast ");
  g_assert_true (gtk_widget_get_sensitive (add));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (personal), TRUE);
  /* Enter in the name adds it. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  gui_test_spin (400);
  g_assert_false (gtk_widget_get_visible (popover));

  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_CHANNEL), ==, n_channels + 1);
  g_assert_nonnull (tp->channel);
  g_assert_cmpstr (tp->channel->name, ==, "Podcast");
  g_assert_cmpint (tp->channel->category, ==, WAYMARK_CATEGORY_PERSONAL);
  g_assert_cmpuint (adw_combo_row_get_selected (channel), ==, n_channels + 1);
  names = g_object_ref (adw_combo_row_get_model (channel));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, n_channels + 2);
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);

  /* One undo takes the channel away again, and the card has its old one. */
  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (tp->channel == social);
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_CHANNEL), ==, n_channels);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, n_channels + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (channel), ==,
                    (guint) waymark_journey_index_of (f->journey, social) + 1);
}

static GtkWidget *
kpi_field (Fixture    *f,
           const char *kpi,
           const char *field)
{
  return find_row_in (find_row (f, ADW_TYPE_EXPANDER_ROW, kpi), ADW_TYPE_ENTRY_ROW, field);
}

static void
test_kpis (Fixture       *f,
           gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  WaymarkKpi *ctr;
  GtkWidget *value, *target, *name;
  guint steps;

  waymark_inspector_set_item (f->inspector, tp);
  ctr = g_ptr_array_index (tp->kpis, 0);
  g_assert_cmpstr (ctr->name, ==, "Click-through rate");
  value = kpi_field (f, "Click-through rate", "Value");
  target = kpi_field (f, "Click-through rate", "Target");
  name = kpi_field (f, "Click-through rate", "Name");
  g_assert_cmpstr (text_of (value), ==, "0.009");
  g_assert_cmpstr (text_of (target), ==, "0.012");

  steps = waymark_history_get_n_undo (f->history);
  focus_row (value);
  gtk_editable_set_text (GTK_EDITABLE (value), "0.011");
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->value, ==, "0.011");

  /* Not a number the file allows: shown as an error, not applied. */
  gtk_editable_set_text (GTK_EDITABLE (value), "0.01x");
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->value, ==, "0.011");
  gtk_editable_set_text (GTK_EDITABLE (value), "1e-3");
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->value, ==, "0.011");
  /* A decimal comma is a number too. */
  gtk_editable_set_text (GTK_EDITABLE (value), "0,012");
  g_assert_false (gtk_widget_has_css_class (value, "error"));
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->value, ==, "0.012");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps + 1);

  /* No target is fine; a bad one is not; a KPI needs a name. */
  focus_row (target);
  gtk_editable_set_text (GTK_EDITABLE (target), "");
  g_assert_null (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->target);
  gtk_editable_set_text (GTK_EDITABLE (target), "high");
  g_assert_true (gtk_widget_has_css_class (target, "error"));
  g_assert_null (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->target);
  focus_row (name);
  gtk_editable_set_text (GTK_EDITABLE (name), " ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->name, ==, "Click-through rate");
  gtk_editable_set_text (GTK_EDITABLE (name), "CTR");
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->name, ==, "CTR");
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();

  /* Add one, remove one. */
  press (find_button_in (gui_test_find_widget (visible_page (f), WAYMARK_TYPE_KPI_EDITOR, NULL), "Add KPI"));
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp), ==, 3);
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 2))->value, ==, "0");
  find_row (f, ADW_TYPE_EXPANDER_ROW, "New KPI");
  press (find_button_in (find_row (f, ADW_TYPE_EXPANDER_ROW, "Cost per acquisition"), "Remove KPI"));
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp), ==, 2);
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 1))->name, ==, "New KPI");

  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp), ==, 3);
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp), ==, 2);
  g_assert_true (waymark_history_undo (f->history));   /* the name */
  g_assert_true (waymark_history_undo (f->history));   /* the target */
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->target, ==, "0.012");
  g_assert_true (waymark_history_undo (f->history));   /* the value */
  ctr = g_ptr_array_index (tp->kpis, 0);
  g_assert_cmpstr (ctr->value, ==, "0.009");
  g_assert_cmpstr (ctr->name, ==, "Click-through rate");
  g_assert_cmpstr (text_of (kpi_field (f, "Click-through rate", "Value")), ==, "0.009");
  g_assert_false (gtk_widget_has_css_class (kpi_field (f, "Click-through rate", "Target"), "error"));
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, PRODUCT_PAGE);
  guint n_links = waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_LINK);
  GtkWidget *row;

  waymark_inspector_set_item (f->inspector, tp);
  /* Two links come in, one goes out: the way on first. */
  row = find_row (f, ADW_TYPE_ACTION_ROW, "Live chat: “Does it work with my phone?”");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Leads to"));
  row = find_row (f, ADW_TYPE_ACTION_ROW, "Instagram ad");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Comes from"));
  find_row (f, ADW_TYPE_ACTION_ROW, "Blog post: all models compared");

  /* Renaming a linked card renames its row. */
  waymark_inspector_set_item (f->inspector, lookup (f, INSTAGRAM_AD));
  gtk_editable_set_text (GTK_EDITABLE (find_row (f, ADW_TYPE_ENTRY_ROW, "Title")), "Instagram story");
  waymark_inspector_set_item (f->inspector, tp);
  row = find_row (f, ADW_TYPE_ACTION_ROW, "Instagram story");

  press (find_button_in (row, "Remove Link"));
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_LINK), ==, n_links - 1);
  g_assert_null (find_row_in (visible_page (f), ADW_TYPE_ACTION_ROW, "Instagram story"));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_LINK), ==, n_links);
  find_row (f, ADW_TYPE_ACTION_ROW, "Instagram story");
}

static void
test_lane_kind (Fixture       *f,
                gconstpointer  data)
{
  WaymarkLane *pain_points = lookup (f, PAIN_POINTS);
  WaymarkLane *kpis = lookup (f, KPI_LANE);
  WaymarkLane *touchpoints = lookup (f, TOUCHPOINT_LANE);
  GtkRevealer *revealer;
  GtkWidget *message;
  AdwComboRow *kind;
  guint steps = waymark_history_get_n_undo (f->history);

  waymark_inspector_set_item (f->inspector, pain_points);
  g_assert_cmpstr (visible_page_name (f), ==, "lane");
  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Name")), ==, "Pain points");
  kind = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "Shows"));
  revealer = GTK_REVEALER (gui_test_find_widget (visible_page (f), GTK_TYPE_REVEALER, NULL));
  message = gui_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_LABEL, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, WAYMARK_LANE_NOTES);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* A lane with notes cannot become an emotion curve: it stays, and says why. */
  adw_combo_row_set_selected (kind, WAYMARK_LANE_EMOTION);
  g_assert_cmpint (pain_points->kind, ==, WAYMARK_LANE_NOTES);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, WAYMARK_LANE_NOTES);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), "This lane holds 9 cards"));
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps);

  /* Nor a touchpoint lane with cards a notes lane. */
  waymark_inspector_set_item (f->inspector, touchpoints);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  adw_combo_row_set_selected (kind, WAYMARK_LANE_NOTES);
  g_assert_cmpint (touchpoints->kind, ==, WAYMARK_LANE_TOUCHPOINTS);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));

  /* An empty lane takes any kind. */
  waymark_inspector_set_item (f->inspector, kpis);
  adw_combo_row_set_selected (kind, WAYMARK_LANE_NOTES);
  g_assert_cmpint (kpis->kind, ==, WAYMARK_LANE_NOTES);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_editable_set_text (GTK_EDITABLE (find_row (f, ADW_TYPE_ENTRY_ROW, "Name")), "Ideas for KPIs");
  g_assert_cmpstr (kpis->name, ==, "Ideas for KPIs");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpint (kpis->kind, ==, WAYMARK_LANE_KPIS);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, WAYMARK_LANE_KPIS);
  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Name")), ==, "KPIs");
}

static void
test_note_and_phase (Fixture       *f,
                     gconstpointer  data)
{
  GPtrArray *notes = waymark_journey_get_items (f->journey, WAYMARK_ITEM_NOTE);
  WaymarkNote *note = g_ptr_array_index (notes, 0);
  WaymarkPhase *phase = lookup (f, AWARENESS);
  g_autofree char *old_text = g_strdup (note->text);
  g_autofree char *shown = NULL;
  GtkWidget *text;

  waymark_inspector_set_item (f->inspector, note);
  g_assert_cmpstr (visible_page_name (f), ==, "note");
  text = find_row (f, WAYMARK_TYPE_TEXT_ROW, "Text");
  shown = text_row_text (text);
  g_assert_cmpstr (shown, ==, note->text);
  focus_row (text);
  set_text_row (text, "Ad promises 7 days of battery");
  g_assert_cmpstr (note->text, ==, "Ad promises 7 days of battery");

  waymark_inspector_set_item (f->inspector, phase);
  g_assert_cmpstr (visible_page_name (f), ==, "phase");
  g_assert_cmpstr (text_of (find_row (f, ADW_TYPE_ENTRY_ROW, "Name")), ==, "Awareness");
  gtk_editable_set_text (GTK_EDITABLE (find_row (f, ADW_TYPE_ENTRY_ROW, "Name")), "Aufmerksamkeit");
  g_assert_cmpstr (phase->name, ==, "Aufmerksamkeit");

  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (phase->name, ==, "Awareness");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (note->text, ==, old_text);
}

/* A text set before the window is shown is there to see, not a row of no
 * lines (GTK 4.8's text view needs help). */
static void
test_text_shows_at_once (Fixture       *f,
                         gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  WaymarkInspector *inspector = WAYMARK_INSPECTOR (waymark_inspector_new ());
  WaymarkNote *note = g_ptr_array_index (waymark_journey_get_items (f->journey, WAYMARK_ITEM_NOTE), 0);
  GtkWidget *row;
  GtkWidget *view;

  gtk_window_set_child (window, GTK_WIDGET (inspector));
  waymark_inspector_set_document (inspector, f->document);
  waymark_inspector_set_item (inspector, note);
  gtk_window_present (window);
  row = find_row_in (GTK_WIDGET (inspector), WAYMARK_TYPE_TEXT_ROW, "Text");
  g_assert_nonnull (row);
  view = GTK_WIDGET (waymark_text_row_get_text_view (WAYMARK_TEXT_ROW (row)));

  /* A loaded machine maps the window late: wait up to 10 s for its first
   * layout, long past the frame a person would notice. */
  for (guint i = 0; i < 200 && gtk_widget_get_height (view) <= 10; i++)
    gui_test_spin (50);
  g_assert_cmpint (gtk_widget_get_height (view), >, 10);
  gtk_window_destroy (window);
}

/* Typing stops at a field's limit (a title is a line, a note's text
 * pages) instead of the edit cutting what was typed. */
static void
test_typing_stops_at_limit (Fixture       *f,
                            gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  WaymarkInspector *inspector = WAYMARK_INSPECTOR (waymark_inspector_new ());
  WaymarkNote *note = g_ptr_array_index (waymark_journey_get_items (f->journey, WAYMARK_ITEM_NOTE), 0);
  WaymarkTouchpoint *tp = g_ptr_array_index (waymark_journey_get_items (f->journey, WAYMARK_ITEM_TOUCHPOINT), 0);
  GString *long_text = g_string_new (NULL);
  GtkTextBuffer *buffer;
  GtkWidget *row;

  for (guint i = 0; i < WAYMARK_TEXT_LIMIT_PAGES + 500; i++)
    g_string_append (long_text, "ä");
  gtk_window_set_child (window, GTK_WIDGET (inspector));
  waymark_inspector_set_document (inspector, f->document);

  waymark_inspector_set_item (inspector, tp);
  gtk_window_present (window);
  gui_test_iterate ();
  row = find_row_in (GTK_WIDGET (inspector), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), long_text->str);
  g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1), ==, WAYMARK_TEXT_LIMIT_LINE);

  waymark_inspector_set_item (inspector, note);
  gui_test_iterate ();
  row = find_row_in (GTK_WIDGET (inspector), WAYMARK_TYPE_TEXT_ROW, "Text");
  g_assert_nonnull (row);
  buffer = gtk_text_view_get_buffer (waymark_text_row_get_text_view (WAYMARK_TEXT_ROW (row)));
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_insert_at_cursor (buffer, long_text->str, -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, WAYMARK_TEXT_LIMIT_PAGES);
  /* Full: one more character is refused. */
  gtk_text_buffer_insert_at_cursor (buffer, "x", -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, WAYMARK_TEXT_LIMIT_PAGES);

  g_string_free (long_text, TRUE);
  gtk_window_destroy (window);
}

static void
test_journey_properties (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *subject, *goal, *title;
  AdwComboRow *state;
  guint n_personas = waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_PERSONA);
  WaymarkPersona *persona;

  waymark_inspector_set_item (f->inspector, lookup (f, INSTAGRAM_AD));
  waymark_inspector_set_item (f->inspector, NULL);
  g_assert_cmpstr (visible_page_name (f), ==, "journey");

  title = find_row (f, ADW_TYPE_ENTRY_ROW, "Title");
  subject = find_row (f, ADW_TYPE_ENTRY_ROW, "Product or customer segment");
  goal = find_row (f, ADW_TYPE_ENTRY_ROW, "Goal");
  state = ADW_COMBO_ROW (find_row (f, ADW_TYPE_COMBO_ROW, "As-is or to-be"));
  g_assert_cmpstr (text_of (title), ==, "Fitness watch: from ad to advocate");
  g_assert_cmpstr (text_of (goal), ==, "Purchase");
  g_assert_cmpuint (adw_combo_row_get_selected (state), ==, WAYMARK_STATE_AS_IS);

  /* Edited elsewhere (undo, another window): shown at once. */
  waymark_edits_set_text (f->history, WAYMARK_FIELD_TITLE, "Fitness watch: the gift");
  g_assert_cmpstr (text_of (title), ==, "Fitness watch: the gift");
  g_assert_true (waymark_history_undo (f->history));
  g_assert_cmpstr (text_of (title), ==, "Fitness watch: from ad to advocate");

  focus_row (goal);
  gtk_editable_set_text (GTK_EDITABLE (goal), "Newsletter sign-up");
  g_assert_cmpstr (waymark_journey_get_text (f->journey, WAYMARK_FIELD_GOAL), ==, "Newsletter sign-up");
  focus_row (subject);
  gtk_editable_set_text (GTK_EDITABLE (subject), "Fitness watch, gift buyers");
  g_assert_cmpstr (waymark_journey_get_text (f->journey, WAYMARK_FIELD_SUBJECT), ==, "Fitness watch, gift buyers");
  gtk_widget_grab_focus (f->elsewhere);
  gui_test_iterate ();
  adw_combo_row_set_selected (state, WAYMARK_STATE_INTENDED);
  g_assert_cmpint (waymark_journey_get_state (f->journey), ==, WAYMARK_STATE_INTENDED);

  /* Personas: one row each; add one, name it. */
  find_row (f, ADW_TYPE_EXPANDER_ROW, "Running beginner");
  press (find_button (f, "Add Persona"));
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_PERSONA), ==, n_personas + 1);
  persona = waymark_journey_get_item (f->journey, WAYMARK_ITEM_PERSONA, n_personas);
  g_assert_cmpstr (persona->name, ==, "New persona");
  gtk_editable_set_text (GTK_EDITABLE (find_row_in (find_row (f, ADW_TYPE_EXPANDER_ROW, "New persona"),
                                                    ADW_TYPE_ENTRY_ROW, "Name")),
                         "Gift buyer");
  g_assert_cmpstr (persona->name, ==, "Gift buyer");
  find_row (f, ADW_TYPE_EXPANDER_ROW, "Gift buyer");
  press (find_button_in (find_row (f, ADW_TYPE_EXPANDER_ROW, "Gift buyer"), "Remove Persona"));
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_PERSONA), ==, n_personas);
  g_assert_null (find_row_in (visible_page (f), ADW_TYPE_EXPANDER_ROW, "Gift buyer"));

  /* Undo, step by step; the fields follow. */
  g_assert_true (waymark_history_undo (f->history));   /* remove */
  find_row (f, ADW_TYPE_EXPANDER_ROW, "Gift buyer");
  g_assert_true (waymark_history_undo (f->history));   /* name */
  g_assert_true (waymark_history_undo (f->history));   /* add */
  g_assert_cmpuint (waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_PERSONA), ==, n_personas);
  g_assert_true (waymark_history_undo (f->history));   /* state */
  g_assert_cmpuint (adw_combo_row_get_selected (state), ==, WAYMARK_STATE_AS_IS);
  g_assert_true (waymark_history_undo (f->history));   /* subject */
  g_assert_true (waymark_history_undo (f->history));   /* goal */
  g_assert_cmpstr (text_of (goal), ==, "Purchase");
  g_assert_cmpstr (waymark_journey_get_text (f->journey, WAYMARK_FIELD_GOAL), ==, "Purchase");
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  GtkWidget *title;
  guint steps = waymark_history_get_n_undo (f->history);

  waymark_inspector_set_item (f->inspector, tp);
  title = find_row (f, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_true (gtk_widget_is_sensitive (title));

  waymark_document_set_read_only (f->document, "Written by a newer Waymark");
  g_assert_false (gtk_widget_is_sensitive (title));
  g_assert_false (gtk_widget_is_sensitive (find_row (f, ADW_TYPE_COMBO_ROW, "Channel")));
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (visible_page (f), WAYMARK_TYPE_EMOTION_PICKER, NULL)));
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_widget (visible_page (f), WAYMARK_TYPE_KPI_EDITOR, NULL)));

  /* Even a change that gets through is not applied. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Changed");
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_cmpuint (waymark_history_get_n_undo (f->history), ==, steps);

  waymark_inspector_set_item (f->inspector, NULL);
  g_assert_false (gtk_widget_is_sensitive (find_row (f, ADW_TYPE_ENTRY_ROW, "Goal")));
}

static void
test_item_removed (Fixture       *f,
                   gconstpointer  data)
{
  WaymarkTouchpoint *tp = lookup (f, INSTAGRAM_AD);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  waymark_inspector_set_item (f->inspector, tp);
  g_ptr_array_add (items, tp);
  waymark_edits_delete (f->history, items);
  /* What was shown is gone: the journey's properties show instead. */
  g_assert_cmpstr (visible_page_name (f), ==, "journey");
}

/* Every control says what it is to a screen reader: a visible label, an
 * accessible label, or a label it is labelled by. */
static void
check_labels (GtkWidget *widget,
              GString   *missing)
{
  gboolean control = GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
                     GTK_IS_TEXT (widget) || GTK_IS_TEXT_VIEW (widget);

  if (control && gtk_widget_get_visible (widget) && gtk_widget_get_focusable (widget))
    {
      gboolean labelled =
        gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
        gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      GtkWidget *child = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;

      /* A button that shows its text is named by it. */
      if (GTK_IS_LABEL (child) || (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL))
        labelled = TRUE;
      /* The toggle inside a GtkMenuButton is named by the menu button. */
      if (!labelled && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
        labelled = gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL);
      if (!labelled)
        {
          GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

          g_string_append_printf (missing, "  %s in “%s”\n", G_OBJECT_TYPE_NAME (widget),
                                  row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "?");
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_labels (child, missing);
}

static void
test_accessible_labels (Fixture       *f,
                        gconstpointer  data)
{
  gpointer items[] = {
    NULL, lookup (f, INSTAGRAM_AD), lookup (f, PAIN_POINTS), lookup (f, AWARENESS),
    g_ptr_array_index (waymark_journey_get_items (f->journey, WAYMARK_ITEM_NOTE), 0),
  };
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      waymark_inspector_set_item (f->inspector, items[i]);
      check_labels (visible_page (f), missing);
    }
  if (missing->len > 0)
    g_error ("Controls without an accessible name:\n%s", missing->str);
}

static void
test_parse_number (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "12", "12" }, { " 0.5 ", "0.5" }, { "0,5", "0.5" }, { "-3", "-3" },
    { "1e5", NULL }, { "", NULL }, { "1,000.5", NULL }, { "1,2,3", NULL }, { "abc", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = waymark_kpi_editor_parse_number (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* ---- Width ---- */

#define MAX_MIN_WIDTH 360

/* How wide @widget is at least: with nothing else asked, and when
 * measured for its minimum height, as a homogeneous GtkStack measures its
 * hidden pages (where no label wraps). */
static int
min_width (GtkWidget *widget)
{
  int min, min_height, min_for_height;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, min_height, &min_for_height, NULL, NULL, NULL);
  return MAX (min, min_for_height);
}

/* Lists the innermost widgets that ask for about the limit or more, so
 * that a failure says which label or row to fix. */
static void
report_wide (GtkWidget *widget)
{
  gboolean wide_child = FALSE;

  /* Hidden stack pages count, too. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (min_width (child) > MAX_MIN_WIDTH - 24)
      {
        wide_child = TRUE;
        report_wide (child);
      }
  if (!wide_child)
    g_test_message ("too wide: %s (%s) at least %d px%s%s",
                    G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget), min_width (widget),
                    GTK_IS_LABEL (widget) ? ": " : "",
                    GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : "");
}

static void
assert_narrow (Fixture    *f,
               const char *what)
{
  GtkWidget *widget = GTK_WIDGET (f->inspector);
  int min;

  gui_test_iterate ();
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d", what, min);
  if (min > MAX_MIN_WIDTH)
    {
      report_wide (widget);
      g_error ("the inspector is %d px wide at least on the %s page (at most %d)",
               min, what, MAX_MIN_WIDTH);
    }
}

/* The sidebar must never squeeze the map: on no page may its content
 * (long persona descriptions, row titles, option names) force it wider. */
static void
test_minimum_width (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *persona;

  waymark_inspector_set_item (f->inspector, NULL);
  assert_narrow (f, "journey");
  /* With a persona's name and description showing. */
  persona = gui_test_find_widget (GTK_WIDGET (f->inspector), ADW_TYPE_EXPANDER_ROW, NULL);
  g_assert_nonnull (persona);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (persona), TRUE);
  gui_test_spin (300);
  assert_narrow (f, "journey");

  waymark_inspector_set_item (f->inspector, lookup (f, INSTAGRAM_AD));
  assert_narrow (f, "touchpoint");
  waymark_inspector_set_item (f->inspector, lookup (f, PRODUCT_PAGE));
  assert_narrow (f, "touchpoint");

  waymark_inspector_set_item (f->inspector, lookup (f, PAIN_POINTS));
  assert_narrow (f, "lane");
  waymark_inspector_set_item (f->inspector, lookup (f, KPI_LANE));
  assert_narrow (f, "lane");
  waymark_inspector_set_item (f->inspector, lookup (f, AWARENESS));
  assert_narrow (f, "phase");

  waymark_inspector_set_item (f->inspector, NULL);
  assert_narrow (f, "journey");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  /* Untitled documents keep a recovery journal a few seconds after an
   * edit: not in the user's own state directory.  (Not
   * G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's GSettings schemas.) */
  state_dir = gui_test_make_dir ("waymark-test-inspector-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_ACCESSIBILITY))
    {
      gui_test_remove_tree (state_dir);
      return GUI_TEST_SKIP;
    }

#define ADD(path, func) g_test_add ("/inspector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-touchpoint", test_shows_touchpoint);
  ADD ("title-typing-is-one-step", test_title_typing_is_one_step);
  ADD ("text-fields", test_text_fields);
  ADD ("external-change", test_external_change);
  ADD ("emotion", test_emotion);
  ADD ("personas", test_personas);
  ADD ("assessment", test_assessment);
  ADD ("channel-and-category", test_channel_and_category);
  ADD ("new-channel", test_new_channel);
  ADD ("kpis", test_kpis);
  ADD ("links", test_links);
  ADD ("lane-kind", test_lane_kind);
  ADD ("note-and-phase", test_note_and_phase);
  ADD ("text-shows-at-once", test_text_shows_at_once);
  ADD ("typing-stops-at-limit", test_typing_stops_at_limit);
  ADD ("journey-properties", test_journey_properties);
  ADD ("read-only", test_read_only);
  ADD ("item-removed", test_item_removed);
  ADD ("accessible-labels", test_accessible_labels);
  ADD ("minimum-width", test_minimum_width);
#undef ADD
  g_test_add_func ("/inspector/parse-number", test_parse_number);

  status = g_test_run ();
  gui_test_remove_tree (state_dir);
  return status;
}
