/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The canvas's event controllers: the gestures, pointer motion, focus
 * and the typed drop target.  They hand their events to the entry points
 * below (the drag state machine, double clicks) and to
 * waymark-canvas-drop.c, and keep the hover and the pointer's cursor up
 * to date. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

/* ---- Entry points ---- */

void
_waymark_canvas_press (WaymarkCanvas   *self,
                       double           x,
                       double           y,
                       GdkModifierType  state,
                       gboolean         touch)
{
  if (self->layout == NULL)
    return;
  _waymark_canvas_stop_editing (self, TRUE);
  waymark_canvas_drag_cancel (self->drag);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  waymark_canvas_drag_press (self->drag, x, y, state, touch);
}

void
_waymark_canvas_motion (WaymarkCanvas *self,
                        double         x,
                        double         y)
{
  waymark_canvas_drag_motion (self->drag, x, y);
}

void
_waymark_canvas_release (WaymarkCanvas *self,
                         double         x,
                         double         y)
{
  waymark_canvas_drag_release (self->drag, x, y);
}

void
_waymark_canvas_long_press (WaymarkCanvas *self,
                            double         x,
                            double         y)
{
  waymark_canvas_drag_long_press (self->drag);
}

void
_waymark_canvas_cancel_drag (WaymarkCanvas *self)
{
  waymark_canvas_drag_cancel (self->drag);
}

void
_waymark_canvas_double_click (WaymarkCanvas *self,
                              double         x,
                              double         y)
{
  WaymarkHit hit;

  if (!_waymark_canvas_hit (self, x, y, &hit) || !_waymark_canvas_can_edit (self))
    return;

  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      waymark_canvas_drag_swallow_release (self->drag);
      waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      _waymark_canvas_start_editing (self, hit.item, FALSE);
      break;

    case WAYMARK_HIT_CELL:
      if (hit.lane != NULL && waymark_lane_kind_holds_cards (hit.lane->kind))
        {
          g_autoptr(WaymarkPaletteItem) item = NULL;
          gpointer card;

          if (hit.lane->kind == WAYMARK_LANE_NOTES)
            item = waymark_palette_item_new_note ();
          card = hit.lane->kind == WAYMARK_LANE_NOTES
                   ? _waymark_canvas_create_card (self, item, hit.phase, hit.lane, hit.index)
                   : waymark_edits_add_touchpoint (self->history, hit.phase, hit.lane, hit.index,
                                                   _("New touchpoint"), NULL);
          waymark_canvas_drag_swallow_release (self->drag);
          waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
          _waymark_canvas_start_editing (self, card, TRUE);
        }
      else if (hit.lane != NULL && hit.lane->kind == WAYMARK_LANE_EMOTION &&
               _waymark_canvas_emotion_from_curve (self, hit.phase, hit.lane, x, y))
        waymark_canvas_drag_swallow_release (self->drag);
      break;

    case WAYMARK_HIT_EMOTION_POINT:
    case WAYMARK_HIT_LINK:
    case WAYMARK_HIT_NONE:
    default:
      break;
    }
}

/* ---- Event controllers ---- */

static gboolean
event_is_touch (GtkEventController *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GdkDevice *device = event ? gdk_event_get_device (event) : NULL;

  return device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WaymarkCanvas  *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);

  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_press (self, x, y, gtk_event_controller_get_current_event_state (controller),
                         event_is_touch (controller));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                WaymarkCanvas  *self)
{
  double x, y;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  _waymark_canvas_motion (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             WaymarkCanvas  *self)
{
  double x, y;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  _waymark_canvas_release (self, x + dx, y + dy);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WaymarkCanvas    *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_cancel_drag (self);
}

static void
pan_begin_cb (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WaymarkCanvas  *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  if (!waymark_canvas_drag_pan (self->drag, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  WaymarkCanvas   *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  if (n_press == 2)
    _waymark_canvas_double_click (self, x, y);
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 WaymarkCanvas   *self)
{
  WaymarkHit hit;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (n_press != 1 || waymark_canvas_drag_is_active (self->drag))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _waymark_canvas_hit (self, x, y, &hit);
  if (hit.item != NULL && !_waymark_canvas_is_selected (self, hit.item))
    waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
  _waymark_canvas_popup_menu (self, &hit, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_press_cb (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               WaymarkCanvas       *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_long_press (self, x, y);
}

static const char *
cursor_for (WaymarkCanvas    *self,
            const WaymarkHit *hit,
            double            x,
            double            y)
{
  if (!_waymark_canvas_can_edit (self))
    return hit->kind == WAYMARK_HIT_NONE || hit->kind == WAYMARK_HIT_CELL ? "grab" : NULL;
  if (waymark_canvas_drag_on_link_handle (self->drag, x, y))
    return "crosshair";
  switch (hit->kind)
    {
    case WAYMARK_HIT_EMOTION_POINT:
      return "ns-resize";
    case WAYMARK_HIT_CARD:
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      return "grab";
    case WAYMARK_HIT_LINK:
      return "pointer";
    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
    default:
      return NULL;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WaymarkCanvas            *self)
{
  WaymarkHit hit;
  gpointer hover = NULL;

  g_assert (WAYMARK_IS_CANVAS (self));

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (waymark_canvas_drag_is_active (self->drag))
    return;
  _waymark_canvas_hit (self, x, y, &hit);
  if (hit.kind == WAYMARK_HIT_CARD || hit.kind == WAYMARK_HIT_EMOTION_POINT)
    hover = hit.item;
  /* Keep the handle while the pointer goes for it. */
  else if (self->hover != NULL && hit.kind == WAYMARK_HIT_CELL && waymark_canvas_drag_on_link_handle (self->drag, x, y))
    hover = self->hover;
  _waymark_canvas_set_hover (self, hover);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for (self, &hit, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          WaymarkCanvas            *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  self->pointer_inside = FALSE;
  if (!waymark_canvas_drag_is_active (self->drag))
    _waymark_canvas_set_hover (self, NULL);
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  WaymarkCanvas           *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               WaymarkCanvas *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  g_assert (WAYMARK_IS_CANVAS (self));

  return _waymark_canvas_drop_motion (self, value ? g_value_get_object (value) : NULL, x, y);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                WaymarkCanvas *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  return drop_enter_cb (target, x, y, self);
}

static void
drop_leave_cb (GtkDropTarget *target,
               WaymarkCanvas *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_drop_leave (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WaymarkCanvas *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  if (!G_VALUE_HOLDS (value, WAYMARK_TYPE_PALETTE_ITEM))
    return FALSE;
  return _waymark_canvas_drop (self, g_value_get_object (value), x, y);
}

void
_waymark_canvas_init_input (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;
  GtkDropTarget *target;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  /* The middle button always pans. */
  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_press_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (widget, controller);

  /* Typed drops: preloaded, so motion knows what would land. */
  target = gtk_drop_target_new (WAYMARK_TYPE_PALETTE_ITEM, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}
