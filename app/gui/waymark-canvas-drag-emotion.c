/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dragging a point of the emotion curve up or down: the level under the
 * pointer and the preview while dragging (the model changes once, on
 * release). */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <math.h>

#include "waymark-canvas-drag-private.h"

/* The emotion curve's levels, as app/render lays them out: 34 units of
 * room above +2 and below -2, 30 units between levels.  The tests check
 * these against waymark_layout_get_emotion_point(). */
#define EMOTION_LEVEL_STEP 30.0

int
_waymark_canvas_drag_emotion_score_at (WaymarkCanvas     *canvas,
                                       WaymarkTouchpoint *tp,
                                       WaymarkLane       *lane,
                                       double             y)
{
  double px, py, mx, my;

  if (lane == NULL || !waymark_layout_get_emotion_point (waymark_canvas_get_layout (canvas), lane, tp, &px, &py))
    return tp->emotion;
  _waymark_canvas_widget_to_map (canvas, 0, y, &mx, &my);
  return CLAMP (tp->emotion + (int) lround ((py - my) / EMOTION_LEVEL_STEP),
                WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
}

/* The point's new level, with a face-coloured dot and a line from where
 * it was. */
void
_waymark_canvas_drag_snapshot_emotion (WaymarkCanvas        *canvas,
                                       GtkSnapshot          *snapshot,
                                       const WaymarkPalette *palette,
                                       WaymarkTouchpoint    *tp,
                                       WaymarkLane          *lane,
                                       int                   score)
{
  double zoom = waymark_canvas_get_zoom (canvas);
  double px, py, x, y, ny, r = 9 * zoom;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (lane == NULL || !waymark_layout_get_emotion_point (waymark_canvas_get_layout (canvas), lane, tp, &px, &py))
    return;
  _waymark_canvas_map_to_widget (canvas, px, py, &x, &y);
  ny = y - (score - tp->emotion) * EMOTION_LEVEL_STEP * zoom;
  graphene_rect_init (&bounds, x - r - 4, MIN (y, ny) - r - 4, 2 * r + 8, fabs (ny - y) + 2 * r + 8);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
  waymark_color_set_source (&palette->selection, cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, ny);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, ny, r, 0, 2 * G_PI);
  waymark_color_set_source (waymark_palette_get_emotion (palette, score), cr);
  cairo_fill_preserve (cr);
  waymark_color_set_source (&palette->selection, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}
