/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <adwaita.h>

#include "waymark-curves-chart.h"
#include "waymark-curves-view.h"

struct _WaymarkCurvesView
{
  GtkDrawingArea parent_instance;

  GArray *steps;
};

G_DEFINE_FINAL_TYPE (WaymarkCurvesView, waymark_curves_view, GTK_TYPE_DRAWING_AREA)

enum {
  STEP_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  WaymarkCurvesView *self = WAYMARK_CURVES_VIEW (area);
  gboolean dark;

  g_assert (WAYMARK_IS_CURVES_VIEW (self));

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  if (self->steps == NULL)
    return;
  waymark_curves_chart_paint (self->steps, waymark_palette_get (dark ? WAYMARK_PALETTE_DARK : WAYMARK_PALETTE_LIGHT),
                              width, height, cr);
}

static gboolean
query_tooltip_cb (WaymarkCurvesView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  g_autofree char *text = NULL;
  int index;

  g_assert (WAYMARK_IS_CURVES_VIEW (self));

  if (self->steps == NULL || keyboard)
    return FALSE;
  index = waymark_curves_chart_step_at (self->steps, gtk_widget_get_width (GTK_WIDGET (self)), x);
  if (index < 0)
    return FALSE;
  text = waymark_curves_chart_describe_step (&g_array_index (self->steps, WaymarkCurveStep, index));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
pressed_cb (GtkGestureClick   *gesture,
            int                n_press,
            double             x,
            double             y,
            WaymarkCurvesView *self)
{
  int index;

  g_assert (WAYMARK_IS_CURVES_VIEW (self));

  if (self->steps == NULL)
    return;
  index = waymark_curves_chart_step_at (self->steps, gtk_widget_get_width (GTK_WIDGET (self)), x);
  if (index >= 0)
    g_signal_emit (self, signals[STEP_ACTIVATED], 0, (guint) index);
}

void
waymark_curves_view_set_steps (WaymarkCurvesView *self,
                               GArray            *steps)
{
  g_autofree char *description = NULL;

  g_return_if_fail (WAYMARK_IS_CURVES_VIEW (self));

  if (steps != NULL)
    g_array_ref (steps);
  g_clear_pointer (&self->steps, g_array_unref);
  self->steps = steps;
  description = steps ? waymark_curves_chart_describe (steps) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
waymark_curves_view_get_steps (WaymarkCurvesView *self)
{
  g_return_val_if_fail (WAYMARK_IS_CURVES_VIEW (self), NULL);

  return self->steps;
}

static void
waymark_curves_view_finalize (GObject *object)
{
  WaymarkCurvesView *self = WAYMARK_CURVES_VIEW (object);

  g_clear_pointer (&self->steps, g_array_unref);
  G_OBJECT_CLASS (waymark_curves_view_parent_class)->finalize (object);
}

static void
waymark_curves_view_class_init (WaymarkCurvesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = waymark_curves_view_finalize;

  signals[STEP_ACTIVATED] =
    g_signal_new ("step-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "curvesview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
waymark_curves_view_init (WaymarkCurvesView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 210);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  /* The palette follows the style: draw again when it turns dark. */
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
waymark_curves_view_new (void)
{
  return g_object_new (WAYMARK_TYPE_CURVES_VIEW, NULL);
}
