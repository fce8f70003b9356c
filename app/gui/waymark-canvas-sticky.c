/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sticky headers: scrolled down, the phase headers stay at the top of the
 * view; scrolled right, the lane headers stay at its left, so a card on
 * screen always shows its phase and its lane.  The band above the map
 * that holds the floating toolbar stays clear of the map, so the toolbar
 * never covers a card.  In presentation mode the emotion lane stays at
 * the bottom of the view too, so the room sees the curve beside the cards
 * of a tall map.  Painted into the canvas's cached image with the one
 * painter, clipped to the headers; a press on a pinned header means that
 * header. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* Room between a pinned header row and the cards that scroll under it. */
#define STICKY_GAP 4.0

/* The phase header row in map units, and the widget y it is pinned at
 * when it is scrolled past that. */
static gboolean
phase_row (WaymarkCanvas *self,
           WaymarkRect   *row,
           double        *pinned_y)
{
  GPtrArray *phases;

  if (self->layout == NULL || self->journey == NULL)
    return FALSE;
  phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  if (phases->len == 0 || !waymark_layout_get_phase_header_rect (self->layout, g_ptr_array_index (phases, 0), row))
    return FALSE;
  *pinned_y = self->top_inset;
  return row->y * self->zoom + self->origin_y - gtk_adjustment_get_value (self->vadjustment) < *pinned_y;
}

/* The lane header column in map units; pinned at x = 0. */
static gboolean
lane_column (WaymarkCanvas *self,
             WaymarkRect   *column)
{
  GPtrArray *lanes;

  if (self->layout == NULL || self->journey == NULL)
    return FALSE;
  lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  if (lanes->len == 0 || !waymark_layout_get_lane_header_rect (self->layout, g_ptr_array_index (lanes, 0), column))
    return FALSE;
  return column->x * self->zoom + self->origin_x - gtk_adjustment_get_value (self->hadjustment) < 0;
}

/* Presentation mode: the emotion lane's row in map units, pinned to the
 * bottom of the view (@pinned_y, in widget pixels) while it lies below. */
static gboolean
emotion_row (WaymarkCanvas *self,
             WaymarkRect   *row,
             double        *pinned_y)
{
  GPtrArray *lanes;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->presenting || self->layout == NULL || self->journey == NULL)
    return FALSE;
  lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (lane->kind != WAYMARK_LANE_EMOTION || !waymark_layout_get_lane_rect (self->layout, lane, row))
        continue;
      *pinned_y = height - row->height * self->zoom;
      return (row->y + row->height) * self->zoom + self->origin_y - gtk_adjustment_get_value (self->vadjustment) >
             height;
    }
  return FALSE;
}

void
_waymark_canvas_paint_sticky (WaymarkCanvas           *self,
                              cairo_t                 *cr,
                              int                      width,
                              int                      height,
                              const WaymarkPalette    *palette,
                              const WaymarkPaintState *state)
{
  double hvalue = gtk_adjustment_get_value (self->hadjustment);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  WaymarkRect row, column;
  double pinned_y = 0, band_bottom;
  gboolean phases_pinned = phase_row (self, &row, &pinned_y);
  gboolean lanes_pinned = lane_column (self, &column);

  cairo_save (cr);
  waymark_color_set_source (&palette->page, cr);

  /* The toolbar's band: the map scrolls under it, never shows in it. */
  if (self->top_inset > 0 && vvalue > 0)
    {
      cairo_rectangle (cr, 0, 0, width, self->top_inset);
      cairo_fill (cr);
    }
  band_bottom = self->top_inset;

  if (phases_pinned)
    {
      double band_height = row.height * self->zoom + STICKY_GAP;
      WaymarkRect clip = { (hvalue - self->origin_x) / self->zoom, row.y, width / self->zoom, row.height };

      cairo_rectangle (cr, 0, pinned_y, width, band_height);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_rectangle (cr, 0, pinned_y, width, band_height);
      cairo_clip (cr);
      cairo_translate (cr, self->origin_x - hvalue, pinned_y - row.y * self->zoom);
      cairo_scale (cr, self->zoom, self->zoom);
      waymark_painter_paint (self->layout, cr, &clip, palette,
                             WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER | WAYMARK_PAINT_NO_LANE_HEADERS |
                             WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                             state);
      cairo_restore (cr);
      band_bottom = pinned_y + band_height;
    }

  if (lanes_pinned)
    {
      double band_width = column.width * self->zoom + STICKY_GAP;
      double top = MAX (band_bottom, self->origin_y - vvalue);
      WaymarkRect clip = { column.x, (top - self->origin_y + vvalue) / self->zoom, column.width,
                           (height - top) / self->zoom };

      if (top < height)
        {
          cairo_rectangle (cr, 0, top, band_width, height - top);
          cairo_fill (cr);
          cairo_save (cr);
          cairo_rectangle (cr, 0, top, band_width, height - top);
          cairo_clip (cr);
          cairo_translate (cr, -column.x * self->zoom, self->origin_y - vvalue);
          cairo_scale (cr, self->zoom, self->zoom);
          waymark_painter_paint (self->layout, cr, &clip, palette,
                                 WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER |
                                 WAYMARK_PAINT_NO_PHASE_HEADERS | WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                                 state);
          cairo_restore (cr);
        }
    }

  if (emotion_row (self, &row, &pinned_y))
    {
      WaymarkRect clip = { (hvalue - self->origin_x) / self->zoom, row.y, width / self->zoom, row.height };

      cairo_rectangle (cr, 0, pinned_y - STICKY_GAP, width, height - pinned_y + STICKY_GAP);
      cairo_fill (cr);
      cairo_save (cr);
      cairo_rectangle (cr, 0, pinned_y, width, height - pinned_y);
      cairo_clip (cr);
      cairo_translate (cr, self->origin_x - hvalue, pinned_y - row.y * self->zoom);
      cairo_scale (cr, self->zoom, self->zoom);
      waymark_painter_paint (self->layout, cr, &clip, palette,
                             WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER | WAYMARK_PAINT_NO_PHASE_HEADERS |
                             WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                             state);
      cairo_restore (cr);

      /* Its lane header where the lane headers are pinned. */
      if (lanes_pinned)
        {
          double band_width = column.width * self->zoom + STICKY_GAP;

          clip = (WaymarkRect) { column.x, row.y, column.width, row.height };
          cairo_rectangle (cr, 0, pinned_y, band_width, height - pinned_y);
          cairo_fill (cr);
          cairo_save (cr);
          cairo_rectangle (cr, 0, pinned_y, band_width, height - pinned_y);
          cairo_clip (cr);
          cairo_translate (cr, -column.x * self->zoom, pinned_y - row.y * self->zoom);
          cairo_scale (cr, self->zoom, self->zoom);
          waymark_painter_paint (self->layout, cr, &clip, palette,
                                 WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER |
                                 WAYMARK_PAINT_NO_PHASE_HEADERS | WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                                 state);
          cairo_restore (cr);
        }
    }
  cairo_restore (cr);
}

void
_waymark_canvas_sticky_reserve (WaymarkCanvas *self,
                                double        *left,
                                double        *top)
{
  WaymarkRect row = { 0 }, column = { 0 };
  double pinned_y = 0;

  *left = 0;
  *top = self->top_inset;
  if (self->layout == NULL)
    return;
  phase_row (self, &row, &pinned_y);
  lane_column (self, &column);
  if (row.height > 0)
    *top += row.height * self->zoom + STICKY_GAP;
  if (column.width > 0)
    *left = column.width * self->zoom + STICKY_GAP;
}

gboolean
_waymark_canvas_sticky_remap (WaymarkCanvas *self,
                              double        *x,
                              double        *y)
{
  WaymarkRect row, column, emotion;
  double pinned_y = 0, band_bottom, emotion_y = 0;
  gboolean phases_pinned = phase_row (self, &row, &pinned_y);
  gboolean lanes_pinned = lane_column (self, &column);

  band_bottom = phases_pinned ? pinned_y + row.height * self->zoom + STICKY_GAP : self->top_inset;
  if (self->top_inset > 0 && gtk_adjustment_get_value (self->vadjustment) > 0 && *y < self->top_inset)
    {
      /* Nothing: the map does not show under the toolbar. */
      *y = -G_MAXINT;
      return TRUE;
    }
  if (phases_pinned && *y >= pinned_y && *y < band_bottom)
    {
      /* The header's own place, scrolled out above the view. */
      *y = row.y * self->zoom + self->origin_y - gtk_adjustment_get_value (self->vadjustment) + (*y - pinned_y);
      return TRUE;
    }
  if (emotion_row (self, &emotion, &emotion_y) && *y >= emotion_y - STICKY_GAP)
    {
      /* The emotion lane's own place, below the view. */
      if (*y < emotion_y)
        *y = -G_MAXINT;
      else
        *y = emotion.y * self->zoom + self->origin_y - gtk_adjustment_get_value (self->vadjustment) + (*y - emotion_y);
      if (lanes_pinned && *x >= 0 && *x < column.width * self->zoom + STICKY_GAP)
        *x = column.x * self->zoom + self->origin_x - gtk_adjustment_get_value (self->hadjustment) + *x;
      return TRUE;
    }
  if (lanes_pinned && *y >= band_bottom && *x >= 0 && *x < column.width * self->zoom + STICKY_GAP)
    {
      *x = column.x * self->zoom + self->origin_x - gtk_adjustment_get_value (self->hadjustment) + *x;
      return TRUE;
    }
  return FALSE;
}

gboolean
waymark_canvas_get_headers_pinned (WaymarkCanvas *self,
                                   gboolean      *phases,
                                   gboolean      *lanes)
{
  WaymarkRect rect;
  double pinned_y;
  gboolean p, l;

  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  p = phase_row (self, &rect, &pinned_y);
  l = lane_column (self, &rect);
  if (phases != NULL)
    *phases = p;
  if (lanes != NULL)
    *lanes = l;
  return p || l;
}

gboolean
_waymark_canvas_emotion_pinned (WaymarkCanvas *self,
                                double        *top)
{
  WaymarkRect row;
  double pinned_y;

  if (!emotion_row (self, &row, &pinned_y))
    return FALSE;
  if (top != NULL)
    *top = pinned_y - STICKY_GAP;
  return TRUE;
}
