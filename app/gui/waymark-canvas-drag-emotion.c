/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dragging a point of the emotion curve up or down: the score under the
 * pointer, the preview while dragging, and the one edit on release. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <math.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

/* The emotion curve's levels, as app/render lays them out: 34 units of
 * room above +2 and below -2, 30 units between levels.  The tests check
 * these against waymark_layout_get_emotion_point(). */
#define EMOTION_LEVEL_STEP 30.0

int
_waymark_canvas_emotion_score_at (WaymarkCanvas *self,
                                  double         y)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  double px, py, mx, my;

  if (self->drag.hit.lane == NULL ||
      !waymark_layout_get_emotion_point (self->layout, self->drag.hit.lane, tp, &px, &py))
    return tp->emotion;
  _waymark_canvas_widget_to_map (self, 0, y, &mx, &my);
  return CLAMP (tp->emotion + (int) lround ((py - my) / EMOTION_LEVEL_STEP),
                WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
}

void
_waymark_canvas_finish_emotion_drag (WaymarkCanvas *self)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  WaymarkTouchpoint *copy;

  if (self->drag.emotion_score == tp->emotion)
    return;
  copy = waymark_item_copy (tp);
  copy->emotion = self->drag.emotion_score;
  waymark_edits_update (self->history, tp, copy, NULL);
  waymark_history_seal (self->history);
}

/* The point's new level, with a face-coloured dot and a line from where
 * it was; the model changes once, on release. */
void
_waymark_canvas_snapshot_emotion_preview (WaymarkCanvas        *self,
                                          GtkSnapshot          *snapshot,
                                          const WaymarkPalette *palette)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  double px, py, x, y, ny, r = 9 * self->zoom;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->drag.hit.lane == NULL ||
      !waymark_layout_get_emotion_point (self->layout, self->drag.hit.lane, tp, &px, &py))
    return;
  _waymark_canvas_map_to_widget (self, px, py, &x, &y);
  ny = y - (self->drag.emotion_score - tp->emotion) * EMOTION_LEVEL_STEP * self->zoom;
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
  waymark_color_set_source (waymark_palette_get_emotion (palette, self->drag.emotion_score), cr);
  cairo_fill_preserve (cr);
  waymark_color_set_source (&palette->selection, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}
