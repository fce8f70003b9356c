/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link handle on a touchpoint's edge, from which a drag draws a link
 * to another touchpoint, and the line that drag shows. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <math.h>

#include "waymark-canvas-drag-private.h"

/* Fingers are larger than pointers: handles are larger. */
#define LINK_HANDLE_SIZE 26
#define LINK_HANDLE_TOUCH_SIZE 40

gboolean
_waymark_canvas_drag_link_handle_rect (WaymarkCanvas   *canvas,
                                       gpointer         card,
                                       gboolean         touch,
                                       graphene_rect_t *out)
{
  double zoom = waymark_canvas_get_zoom (canvas);
  WaymarkRect rect;
  double x, y, size;

  /* It shrinks with the map, down to what a pointer (or a finger) still
   * hits. */
  if (touch)
    size = CLAMP (LINK_HANDLE_TOUCH_SIZE * zoom, 28, LINK_HANDLE_TOUCH_SIZE);
  else
    size = CLAMP (LINK_HANDLE_SIZE * zoom, 14, LINK_HANDLE_SIZE);

  if (card == NULL || !waymark_layout_get_card_rect (waymark_canvas_get_layout (canvas), card, &rect))
    return FALSE;
  _waymark_canvas_map_to_widget (canvas, rect.x + rect.width, rect.y + rect.height / 2, &x, &y);
  graphene_rect_init (out, x - size / 2, y - size / 2, size, size);
  return TRUE;
}

void
_waymark_canvas_drag_snapshot_link_line (GtkSnapshot           *snapshot,
                                         const WaymarkPalette  *palette,
                                         const graphene_rect_t *handle,
                                         double                 x1,
                                         double                 y1)
{
  graphene_rect_t bounds;
  double x0, y0;
  double angle;
  cairo_t *cr;

  x0 = handle->origin.x + handle->size.width / 2;
  y0 = handle->origin.y + handle->size.height / 2;
  graphene_rect_init (&bounds, MIN (x0, x1) - 12, MIN (y0, y1) - 12, fabs (x1 - x0) + 24, fabs (y1 - y0) + 24);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  waymark_color_set_source (&palette->selection, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 6, 5 }, 2, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  angle = atan2 (y1 - y0, x1 - x0);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - 11 * cos (angle - 0.45), y1 - 11 * sin (angle - 0.45));
  cairo_line_to (cr, x1 - 11 * cos (angle + 0.45), y1 - 11 * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}
