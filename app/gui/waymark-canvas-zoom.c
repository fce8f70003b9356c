/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* Zoom: Ctrl+scroll around the pointer, touchpad and touch-screen pinch
 * around the fingers, Ctrl+plus/minus through the steps GNOME apps use,
 * Ctrl+0 for 100 %, and fit. */

static const double steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

static double
next_step (double zoom,
           int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (steps[i] > zoom + 0.005)
          return steps[i];
      return WAYMARK_CANVAS_MAX_ZOOM;
    }
  for (guint i = G_N_ELEMENTS (steps); i > 0; i--)
    if (steps[i - 1] < zoom - 0.005)
      return steps[i - 1];
  return WAYMARK_CANVAS_MIN_ZOOM;
}

void
waymark_canvas_zoom_in (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  waymark_canvas_set_zoom (self, next_step (self->zoom, 1));
}

void
waymark_canvas_zoom_out (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  waymark_canvas_set_zoom (self, next_step (self->zoom, -1));
}

void
waymark_canvas_zoom_to_fit (WaymarkCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double map_width, map_height;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  waymark_layout_get_size (self->layout, &map_width, &map_height);
  if (map_width <= 0 || map_height <= 0)
    return;
  height = MAX (1, height - self->top_inset);
  waymark_canvas_set_zoom (self, MIN (1.0, MIN (width / map_width, height / map_height)));
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WaymarkCanvas            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x;
  double y = self->pointer_y;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (!(state & GDK_CONTROL_MASK) || self->layout == NULL || event == NULL)
    return FALSE;

  /* Scroll events carry no position: zoom around where the pointer was
   * last seen, or the middle. */
  if (!self->pointer_inside)
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  if (gdk_scroll_event_get_direction (event) == GDK_SCROLL_SMOOTH)
    _waymark_canvas_zoom_at (self, self->zoom * exp (-dy * 0.1), x, y);
  else
    _waymark_canvas_zoom_at (self, next_step (self->zoom, dy < 0 ? 1 : -1), x, y);
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WaymarkCanvas    *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  self->pinch_start_zoom = self->zoom;
  /* Two fingers zoom: whatever one finger started is off. */
  _waymark_canvas_cancel_drag (self);
}

static void
pinch_scale_cb (GtkGestureZoom *gesture,
                double          scale,
                WaymarkCanvas  *self)
{
  double x, y;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _waymark_canvas_zoom_at (self, self->pinch_start_zoom * scale, x, y);
}

void
_waymark_canvas_init_zoom (WaymarkCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  waymark_canvas_zoom_in (WAYMARK_CANVAS (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  waymark_canvas_zoom_out (WAYMARK_CANVAS (widget));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  waymark_canvas_set_zoom (WAYMARK_CANVAS (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  waymark_canvas_zoom_to_fit (WAYMARK_CANVAS (widget));
}

void
_waymark_canvas_class_init_zoom (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  /* Eye of GNOME's "best fit" key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "canvas.zoom-fit", NULL);
}
