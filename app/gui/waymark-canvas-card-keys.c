/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Building a card in a breath from the keyboard: N opens the quick-add
 * field on the cursor's cell (channel, title, Enter), digits set the
 * emotion of the selected touchpoints, W, S and M toggle weak spot,
 * strength and moment of truth, + and - add and take away a dot vote on
 * the selected cards, L starts "link to…" (arrows pick the target,
 * Enter links, Escape cancels). */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "waymark-canvas-drag-private.h"
#include "waymark-canvas-private.h"
#include "waymark-edit-command.h"
#include "waymark-edits.h"
#include "waymark-group-command.h"

/* ---- Quick add ---- */

static gboolean
quick_cell_rect (WaymarkCanvas *self,
                 WaymarkRect   *rect)
{
  return self->layout != NULL && self->quick_phase != NULL && self->quick_lane != NULL &&
         waymark_journey_index_of (self->journey, self->quick_phase) >= 0 &&
         waymark_journey_index_of (self->journey, self->quick_lane) >= 0 &&
         waymark_layout_get_cell_rect (self->layout, self->quick_phase, self->quick_lane, rect);
}

gboolean
_waymark_canvas_quick_add (WaymarkCanvas *self)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  WaymarkRect rect;
  guint index;

  if (!_waymark_canvas_can_edit (self) || !_waymark_canvas_cursor_cell (self, &phase, &lane, &index) ||
      !waymark_lane_kind_holds_cards (lane->kind))
    return FALSE;
  _waymark_canvas_stop_editing (self, TRUE);
  _waymark_canvas_cancel_link (self);
  self->quick_phase = phase;
  self->quick_lane = lane;
  self->quick_index = index;
  if (!quick_cell_rect (self, &rect))
    return FALSE;
  waymark_canvas_scroll_to_rect (self, &rect);
  waymark_quick_add_start (self->quick_add, self->journey, lane->kind == WAYMARK_LANE_NOTES);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
cancel_quick_add_idle (gpointer data)
{
  waymark_quick_add_cancel (WAYMARK_CANVAS (data)->quick_add);
  return G_SOURCE_REMOVE;
}

void
_waymark_canvas_allocate_quick_add (WaymarkCanvas *self)
{
  WaymarkRect rect;
  graphene_rect_t bounds;

  if (!waymark_quick_add_is_active (self->quick_add))
    return;
  if (!quick_cell_rect (self, &rect))
    {
      /* The cell went away (an undo from elsewhere): close, but not from
       * inside the allocation. */
      g_idle_add_full (G_PRIORITY_HIGH, cancel_quick_add_idle, g_object_ref (self), g_object_unref);
      return;
    }
  _waymark_canvas_rect_to_widget (self, &rect, &bounds);
  waymark_quick_add_allocate_over (self->quick_add, &bounds);
}

static void
quick_add_done_cb (WaymarkCanvas      *self,
                   WaymarkChannel     *channel,
                   WaymarkPaletteItem *item,
                   const char         *title,
                   WaymarkQuickAdd    *quick_add)
{
  gpointer card;
  WaymarkRect rect;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (!_waymark_canvas_can_edit (self) || !quick_cell_rect (self, &rect))
    return;

  if (self->quick_lane->kind == WAYMARK_LANE_NOTES)
    card = waymark_edits_add_note (self->history, self->quick_phase, self->quick_lane, self->quick_index, title);
  else if (item != NULL)
    card = _waymark_canvas_create_touchpoint (self, item, self->quick_phase, self->quick_lane, self->quick_index,
                                              title);
  else if (channel != NULL && waymark_journey_index_of (self->journey, channel) >= 0)
    card = waymark_edits_add_touchpoint (self->history, self->quick_phase, self->quick_lane, self->quick_index,
                                         title, channel);
  else
    return;

  waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
  if (waymark_layout_get_card_rect (self->layout, card, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
quick_add_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  if (!_waymark_canvas_quick_add (WAYMARK_CANVAS (widget)))
    gtk_widget_error_bell (widget);
}

/* ---- Emotion and assessment ---- */

static GPtrArray *
selected_touchpoints (WaymarkCanvas *self)
{
  GPtrArray *touchpoints = g_ptr_array_new ();

  for (guint i = 0; i < self->selection->len; i++)
    {
      gpointer item = g_ptr_array_index (self->selection, i);

      if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
        g_ptr_array_add (touchpoints, item);
    }
  return touchpoints;
}

/* Edits of several cards are one undo step. */
static void
push_edits (WaymarkCanvas *self,
            GPtrArray     *items,
            GPtrArray     *copies,
            const char    *label)
{
  g_autoptr(WaymarkCommand) group = NULL;

  if (items->len == 0)
    return;
  if (items->len == 1)
    {
      waymark_edits_update (self->history, g_ptr_array_index (items, 0), g_ptr_array_steal_index (copies, 0), NULL);
      waymark_history_seal (self->history);
      return;
    }
  group = waymark_group_command_new (label);
  for (guint i = 0; i < items->len; i++)
    waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                               waymark_edit_command_new (g_ptr_array_index (items, i),
                                                         g_ptr_array_index (copies, i)),
                               self->journey);
  /* The commands own the copies now. */
  g_ptr_array_set_free_func (copies, NULL);
  waymark_history_push_applied (self->history, g_steal_pointer (&group));
}

gboolean
_waymark_canvas_set_emotion (WaymarkCanvas *self,
                             gboolean       has_emotion,
                             int            emotion)
{
  g_autoptr(GPtrArray) touchpoints = selected_touchpoints (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (waymark_item_unref);

  if (!_waymark_canvas_can_edit (self) || touchpoints->len == 0)
    return FALSE;
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      WaymarkTouchpoint *copy;

      if (tp->has_emotion == has_emotion && (!has_emotion || tp->emotion == emotion))
        continue;
      copy = waymark_item_copy (tp);
      copy->has_emotion = has_emotion;
      copy->emotion = has_emotion ? CLAMP (emotion, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX) : 0;
      g_ptr_array_add (items, tp);
      g_ptr_array_add (copies, copy);
    }
  push_edits (self, items, copies, _("Set Emotion"));
  return TRUE;
}

static gboolean
has_assessment (WaymarkTouchpoint       *tp,
                WaymarkCanvasAssessment  assessment)
{
  switch (assessment)
    {
    case WAYMARK_CANVAS_WEAK_SPOT:
      return tp->strength == WAYMARK_STRENGTH_WEAKNESS;
    case WAYMARK_CANVAS_STRENGTH:
      return tp->strength == WAYMARK_STRENGTH_STRENGTH;
    case WAYMARK_CANVAS_MOMENT_OF_TRUTH:
    default:
      return tp->moment_of_truth;
    }
}

static void
set_assessment (WaymarkTouchpoint       *tp,
                WaymarkCanvasAssessment  assessment,
                gboolean                 on)
{
  switch (assessment)
    {
    case WAYMARK_CANVAS_WEAK_SPOT:
      tp->strength = on ? WAYMARK_STRENGTH_WEAKNESS : WAYMARK_STRENGTH_UNSET;
      break;
    case WAYMARK_CANVAS_STRENGTH:
      tp->strength = on ? WAYMARK_STRENGTH_STRENGTH : WAYMARK_STRENGTH_UNSET;
      break;
    case WAYMARK_CANVAS_MOMENT_OF_TRUTH:
    default:
      tp->moment_of_truth = on;
      break;
    }
}

gboolean
_waymark_canvas_toggle_assessment (WaymarkCanvas           *self,
                                   WaymarkCanvasAssessment  assessment)
{
  g_autoptr(GPtrArray) touchpoints = selected_touchpoints (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (waymark_item_unref);
  gboolean on = FALSE;

  if (!_waymark_canvas_can_edit (self) || touchpoints->len == 0)
    return FALSE;
  /* On for all unless all have it already: a toggle of a mixed selection
   * makes it the same everywhere. */
  for (guint i = 0; i < touchpoints->len; i++)
    if (!has_assessment (g_ptr_array_index (touchpoints, i), assessment))
      on = TRUE;
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      WaymarkTouchpoint *copy;

      if (has_assessment (tp, assessment) == on)
        continue;
      copy = waymark_item_copy (tp);
      set_assessment (copy, assessment, on);
      g_ptr_array_add (items, tp);
      g_ptr_array_add (copies, copy);
    }
  push_edits (self, items, copies, _("Assess"));
  return TRUE;
}

gboolean
_waymark_canvas_set_channel (WaymarkCanvas  *self,
                             WaymarkChannel *channel)
{
  g_autoptr(GPtrArray) touchpoints = selected_touchpoints (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (waymark_item_unref);

  if (!_waymark_canvas_can_edit (self) || touchpoints->len == 0)
    return FALSE;
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      WaymarkTouchpoint *copy;

      if (tp->channel == channel)
        continue;
      copy = waymark_item_copy (tp);
      waymark_touchpoint_set_channel (copy, channel);
      g_ptr_array_add (items, tp);
      g_ptr_array_add (copies, copy);
    }
  push_edits (self, items, copies, _("Set Channel"));
  return TRUE;
}

/* The emotion curve's levels as app/render lays them out: 34 units of
 * room above +2, 30 units between levels (the tests check this against
 * waymark_layout_get_emotion_point()). */
#define CURVE_PAD 34.0
#define CURVE_STEP 30.0

gboolean
_waymark_canvas_emotion_from_curve (WaymarkCanvas *self,
                                    WaymarkPhase  *phase,
                                    WaymarkLane   *lane,
                                    double         x,
                                    double         y)
{
  GPtrArray *touchpoints;
  WaymarkTouchpoint *best = NULL;
  double best_distance = G_MAXDOUBLE;
  WaymarkRect cell, rect;
  double mx, my;
  int score;

  if (!_waymark_canvas_can_edit (self) || self->layout == NULL || lane->kind != WAYMARK_LANE_EMOTION ||
      !waymark_layout_get_cell_rect (self->layout, phase, lane, &cell))
    return FALSE;
  _waymark_canvas_widget_to_map (self, x, y, &mx, &my);
  score = CLAMP ((int) lround (WAYMARK_EMOTION_MAX - (my - cell.y - CURVE_PAD) / CURVE_STEP),
                 WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);

  /* A touchpoint of the phase that has no point yet: the one whose card
   * is nearest above or below. */
  touchpoints = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      double distance;

      if (tp->phase != phase || tp->has_emotion || !waymark_layout_get_card_rect (self->layout, tp, &rect))
        continue;
      distance = fabs (rect.x + rect.width / 2 - mx);
      if (distance < best_distance)
        {
          best = tp;
          best_distance = distance;
        }
    }
  if (best == NULL)
    return FALSE;
  waymark_canvas_select_item (self, best, WAYMARK_CANVAS_SELECT_REPLACE);
  return _waymark_canvas_set_emotion (self, TRUE, score);
}

static void
channel_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  WaymarkChannel *channel = NULL;

  if (id[0] != '\0')
    {
      channel = waymark_journey_lookup (self->journey, id);
      if (channel == NULL || waymark_item_get_item_type (channel) != WAYMARK_ITEM_CHANNEL)
        return;
    }
  _waymark_canvas_set_channel (self, channel);
}

static void
emotion_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  int digit = g_variant_get_int32 (parameter);

  /* 1–5 are −2…+2, 0 clears. */
  if (!_waymark_canvas_set_emotion (WAYMARK_CANVAS (widget), digit != 0, digit - 3))
    gtk_widget_error_bell (widget);
}

static void
assess_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  if (!_waymark_canvas_toggle_assessment (WAYMARK_CANVAS (widget), g_variant_get_int32 (parameter)))
    gtk_widget_error_bell (widget);
}

/* ---- Dot votes ---- */

gboolean
_waymark_canvas_vote (WaymarkCanvas *self,
                      int            delta)
{
  if (!_waymark_canvas_can_edit (self) || self->selection->len == 0 ||
      !waymark_edits_vote (self->history, self->selection, delta))
    return FALSE;
  /* The selection's description names the count: say the new one. */
  _waymark_canvas_selection_changed (self);
  return TRUE;
}

static void
vote_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  /* Nothing to take away (or a read-only map, or no card): a bell. */
  if (!_waymark_canvas_vote (WAYMARK_CANVAS (widget), g_variant_get_int32 (parameter)))
    gtk_widget_error_bell (widget);
}

/* ---- Link to… ---- */

gboolean
_waymark_canvas_start_link (WaymarkCanvas *self)
{
  gpointer card = waymark_canvas_get_selected_item (self);

  if (!_waymark_canvas_can_edit (self) || card == NULL ||
      waymark_item_get_item_type (card) != WAYMARK_ITEM_TOUCHPOINT)
    return FALSE;
  _waymark_canvas_cancel_link (self);
  self->link_source = waymark_item_ref (card);
  _waymark_canvas_toast (self, _("Link to…: pick the touchpoint with the arrow keys, then Enter (Escape cancels)"),
                         FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
_waymark_canvas_is_linking (WaymarkCanvas *self)
{
  return self->link_source != NULL;
}

void
_waymark_canvas_cancel_link (WaymarkCanvas *self)
{
  if (self->link_source == NULL)
    return;
  g_clear_pointer (&self->link_source, waymark_item_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_waymark_canvas_finish_link (WaymarkCanvas *self)
{
  gpointer target = waymark_canvas_get_selected_item (self);
  WaymarkTouchpoint *source = self->link_source;
  WaymarkLink *link;

  if (source == NULL)
    return FALSE;
  if (target == NULL || target == (gpointer) source ||
      waymark_item_get_item_type (target) != WAYMARK_ITEM_TOUCHPOINT ||
      waymark_journey_index_of (self->journey, source) < 0 || !_waymark_canvas_can_edit (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  link = waymark_edits_link (self->history, source, target);
  self->link_source = NULL;
  if (link == NULL)
    _waymark_canvas_toast (self, _("These touchpoints are linked already"), FALSE);
  waymark_item_unref (source);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

void
_waymark_canvas_forget_card_keys_item (WaymarkCanvas *self,
                                       gpointer       item)
{
  if (item == NULL || item == (gpointer) self->link_source)
    _waymark_canvas_cancel_link (self);
  if (item == NULL || item == (gpointer) self->quick_phase || item == (gpointer) self->quick_lane)
    {
      self->quick_phase = NULL;
      self->quick_lane = NULL;
      if (self->quick_add != NULL)
        waymark_quick_add_cancel (self->quick_add);
    }
}

/* The line "link to…" draws from the source to the target under the
 * cursor. */
void
_waymark_canvas_snapshot_link_to (WaymarkCanvas        *self,
                                  GtkSnapshot          *snapshot,
                                  const WaymarkPalette *palette)
{
  gpointer target = waymark_canvas_get_selected_item (self);
  graphene_rect_t handle;
  WaymarkRect rect;
  double x, y;

  if (self->link_source == NULL || self->layout == NULL ||
      !_waymark_canvas_drag_link_handle_rect (self, self->link_source, FALSE, &handle))
    return;
  if (target == NULL || target == (gpointer) self->link_source || !_waymark_canvas_is_card (target) ||
      !waymark_layout_get_card_rect (self->layout, target, &rect))
    return;
  _waymark_canvas_map_to_widget (self, rect.x, rect.y + rect.height / 2, &x, &y);
  _waymark_canvas_drag_snapshot_link_line (snapshot, palette, &handle, x, y);
}

static void
link_to_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  if (!_waymark_canvas_start_link (WAYMARK_CANVAS (widget)))
    gtk_widget_error_bell (widget);
}

/* ---- Set-up ---- */

void
_waymark_canvas_update_card_key_actions (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = _waymark_canvas_can_edit (self);

  gtk_widget_action_set_enabled (widget, "canvas.quick-add", editable);
  gtk_widget_action_set_enabled (widget, "canvas.emotion", editable);
  gtk_widget_action_set_enabled (widget, "canvas.channel", editable);
  gtk_widget_action_set_enabled (widget, "canvas.assess", editable);
  gtk_widget_action_set_enabled (widget, "canvas.link-to", editable);
  gtk_widget_action_set_enabled (widget, "canvas.vote", editable);
}

void
_waymark_canvas_init_card_keys (WaymarkCanvas *self)
{
  self->quick_add = WAYMARK_QUICK_ADD (waymark_quick_add_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->quick_add), GTK_WIDGET (self));
  g_signal_connect_object (self->quick_add, "done", G_CALLBACK (quick_add_done_cb), self, G_CONNECT_SWAPPED);
}

void
_waymark_canvas_dispose_card_keys (WaymarkCanvas *self)
{
  g_clear_pointer (&self->link_source, waymark_item_unref);
  if (self->quick_add != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->quick_add)));
}

void
_waymark_canvas_class_init_card_keys (GtkWidgetClass *widget_class)
{
  static const guint digits[] = { GDK_KEY_0, GDK_KEY_1, GDK_KEY_2, GDK_KEY_3, GDK_KEY_4, GDK_KEY_5 };
  static const guint keypad[] = { GDK_KEY_KP_0, GDK_KEY_KP_1, GDK_KEY_KP_2, GDK_KEY_KP_3, GDK_KEY_KP_4, GDK_KEY_KP_5 };

  gtk_widget_class_install_action (widget_class, "canvas.quick-add", NULL, quick_add_action);
  gtk_widget_class_install_action (widget_class, "canvas.emotion", "i", emotion_action);
  gtk_widget_class_install_action (widget_class, "canvas.channel", "s", channel_action);
  gtk_widget_class_install_action (widget_class, "canvas.assess", "i", assess_action);
  gtk_widget_class_install_action (widget_class, "canvas.link-to", NULL, link_to_action);
  gtk_widget_class_install_action (widget_class, "canvas.vote", "i", vote_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "canvas.quick-add", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keypad[i], 0, "canvas.emotion", "i", (int) i);
      gtk_widget_class_add_binding_action (widget_class, digits[i], 0, "canvas.emotion", "i", (int) i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "canvas.assess", "i", WAYMARK_CANVAS_WEAK_SPOT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "canvas.assess", "i", WAYMARK_CANVAS_STRENGTH);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "canvas.assess", "i",
                                       WAYMARK_CANVAS_MOMENT_OF_TRUTH);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "canvas.link-to", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.vote", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.vote", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.vote", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.vote", "i", -1);
}
