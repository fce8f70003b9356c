/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_CURVES_VIEW (waymark_curves_view_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkCurvesView, waymark_curves_view, WAYMARK, CURVES_VIEW, GtkDrawingArea)

/* The as-is and intended emotion curves (waymark-curves-chart.h) in the
 * Compare view: a tooltip tells each step's touchpoint, emotions and
 * deviations, and a click picks the step.
 *
 * Signal ::step-activated (guint index): a step was clicked. */
GtkWidget *waymark_curves_view_new       (void);
/* Shows @steps (WaymarkCurveStep; the view keeps a reference, NULL:
 * none), whose touchpoints must live as long as they are shown. */
void       waymark_curves_view_set_steps (WaymarkCurvesView *self,
                                          GArray            *steps);
GArray    *waymark_curves_view_get_steps (WaymarkCurvesView *self);

G_END_DECLS
