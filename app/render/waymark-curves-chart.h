/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-curve-steps.h"
#include "waymark-palette.h"

G_BEGIN_DECLS

/* The emotion curves of the journey as intended and as it is on one
 * chart (steps from waymark_curve_steps_new()): the intended curve
 * dashed with hollow diamonds in the palette's intended blue, the as-is
 * curve solid with filled dots in the map curve's colour, a legend that
 * names them, the emotion scale as faces, and the phases under the axis.
 * A missing touchpoint shows as a cross on the axis under its diamond, a
 * failing one as a triangle in the weakness colour instead of a dot, so
 * nothing is told by colour alone. */

/**
 * waymark_curves_chart_paint:
 * Draws the chart, on the palette's page colour, into the rectangle
 * (0, 0, @width, @height) of @cr.
 */
void  waymark_curves_chart_paint         (GArray               *steps,
                                          const WaymarkPalette *palette,
                                          double                width,
                                          double                height,
                                          cairo_t              *cr);

/**
 * waymark_curves_chart_step_at:
 * The index of the step drawn at @x in a chart @width wide, or -1.
 */
int   waymark_curves_chart_step_at       (GArray               *steps,
                                          double                width,
                                          double                x);

/**
 * waymark_curves_chart_describe_step:
 * What the chart shows at one step, translated, in a few lines: the
 * touchpoint and its phase, both emotions, the deviations.
 */
char *waymark_curves_chart_describe_step (const WaymarkCurveStep *step);

/**
 * waymark_curves_chart_describe:
 * The chart in one translated sentence, for screen readers: both
 * average emotions and how many steps deviate.
 */
char *waymark_curves_chart_describe      (GArray               *steps);

G_END_DECLS
