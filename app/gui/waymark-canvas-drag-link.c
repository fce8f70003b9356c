/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link handle on a touchpoint's edge, from which a drag draws a link
 * to another touchpoint, and the line that drag shows. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <math.h>

#include "waymark-canvas-private.h"

/* Fingers are larger than pointers: handles are larger. */
#define LINK_HANDLE_SIZE 26
#define LINK_HANDLE_TOUCH_SIZE 40

gboolean
_waymark_canvas_link_handle_rect (WaymarkCanvas   *self,
                                  graphene_rect_t *out)
{
  WaymarkRect rect;
  double x, y, size;

  /* It shrinks with the map, down to what a pointer (or a finger) still
   * hits. */
  if (self->drag.touch)
    size = CLAMP (LINK_HANDLE_TOUCH_SIZE * self->zoom, 28, LINK_HANDLE_TOUCH_SIZE);
  else
    size = CLAMP (LINK_HANDLE_SIZE * self->zoom, 14, LINK_HANDLE_SIZE);

  if (self->link_handle_card == NULL ||
      !waymark_layout_get_card_rect (self->layout, self->link_handle_card, &rect))
    return FALSE;
  _waymark_canvas_map_to_widget (self, rect.x + rect.width, rect.y + rect.height / 2, &x, &y);
  graphene_rect_init (out, x - size / 2, y - size / 2, size, size);
  return TRUE;
}

/* The touchpoint whose link handle shows: the hovered one, else the one
 * selected. */
gpointer
_waymark_canvas_link_handle_card (WaymarkCanvas *self)
{
  gpointer selected;

  if (!_waymark_canvas_can_edit (self) || self->layout == NULL || self->editing_item != NULL)
    return NULL;
  if (self->drag.mode == WAYMARK_DRAG_LINK)
    return self->link_handle_card;
  if (self->drag.mode != WAYMARK_DRAG_NONE && self->drag.mode != WAYMARK_DRAG_PENDING)
    return NULL;
  if (self->hover != NULL && waymark_item_get_item_type (self->hover) == WAYMARK_ITEM_TOUCHPOINT)
    return self->hover;
  selected = waymark_canvas_get_selected_item (self);
  if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_TOUCHPOINT)
    return selected;
  return NULL;
}

void
_waymark_canvas_snapshot_link_line (WaymarkCanvas        *self,
                                    GtkSnapshot          *snapshot,
                                    const WaymarkPalette *palette)
{
  graphene_rect_t handle, bounds;
  double x0, y0, x1 = self->drag.x, y1 = self->drag.y;
  double angle;
  cairo_t *cr;

  if (!_waymark_canvas_link_handle_rect (self, &handle))
    return;
  x0 = handle.origin.x + handle.size.width / 2;
  y0 = handle.origin.y + handle.size.height / 2;
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
