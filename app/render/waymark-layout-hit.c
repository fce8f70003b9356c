/* SPDX-License-Identifier: GPL-3.0-or-later */
/* waymark_layout_hit_test(): what lies under a point of the map (a link,
 * a phase or lane header, an emotion point, a card or a cell). */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-layout-private.h"

/* Tolerance in map units for clicking a link. */
#define LINK_HIT_TOLERANCE 4.0

/* ---- hit testing ------------------------------------------------------- */

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static double
piece_distance (const WaymarkLinkPiece *piece,
                double                  x,
                double                  y)
{
  const double *p = piece->p;
  double best, px = p[0], py = p[1];

  if (!piece->curve)
    return segment_distance (x, y, p[0], p[1], p[6], p[7]);
  best = G_MAXDOUBLE;
  for (int s = 1; s <= 8; s++)
    {
      double t = s / 8.0, u = 1 - t;
      double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
      double qx = a * p[0] + b * p[2] + c * p[4] + d * p[6];
      double qy = a * p[1] + b * p[3] + c * p[5] + d * p[7];

      best = MIN (best, segment_distance (x, y, px, py, qx, qy));
      px = qx;
      py = qy;
    }
  return best;
}

static WaymarkLink *
hit_link (WaymarkLayout *self,
          double         x,
          double         y)
{
  WaymarkLinkRoutes *routes = _waymark_layout_get_link_routes (self);
  WaymarkRect near = WAYMARK_RECT_INIT (x - LINK_HIT_TOLERANCE, y - LINK_HIT_TOLERANCE,
                                        2 * LINK_HIT_TOLERANCE, 2 * LINK_HIT_TOLERANCE);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  const WaymarkLinkRoute *best = NULL;

  /* The pieces near the point, from the tile index; the last drawn is on
   * top. */
  _waymark_link_routes_query (routes, &near, pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      const WaymarkLinkPiece *piece = _waymark_link_routes_get_piece (routes, g_array_index (pieces, guint, i));
      const WaymarkLinkRoute *route = _waymark_link_routes_get (routes, piece->route);

      if (best != NULL && route <= best)
        continue;
      if (piece_distance (piece, x, y) <= LINK_HIT_TOLERANCE ||
          hypot (x - route->tip_x, y - route->tip_y) <= route->head_length)
        best = route;
    }
  return best ? best->link : NULL;
}

gboolean
waymark_layout_hit_test (WaymarkLayout *self,
                         double         x,
                         double         y,
                         WaymarkHit    *hit)
{
  WaymarkColumn *column = NULL;
  WaymarkRow *row = NULL;
  WaymarkCell *cell;
  WaymarkLink *link;
  guint c, r;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  waymark_layout_update (self);
  *hit = (WaymarkHit) { WAYMARK_HIT_NONE, NULL, NULL, NULL, 0 };

  c = _waymark_layout_column_lower_bound (self, x);
  if (c < self->columns->len && x >= self->grid_x - self->metrics->gap / 2 &&
      x >= _waymark_layout_column (self, c)->x - self->metrics->gap / 2)
    column = _waymark_layout_column (self, c);
  r = _waymark_layout_row_lower_bound (self, y);
  if (r < self->rows->len && y >= self->rows_y - self->metrics->gap / 2 &&
      y >= _waymark_layout_row (self, r)->y - self->metrics->gap / 2)
    row = _waymark_layout_row (self, r);
  hit->phase = column ? column->phase : NULL;
  hit->lane = row ? row->lane : NULL;

  link = hit_link (self, x, y);
  if (link != NULL)
    {
      hit->kind = WAYMARK_HIT_LINK;
      hit->item = link;
      return TRUE;
    }

  /* Phase headers */
  if (column && y >= self->phase_y && y < self->phase_y + WM_PHASE_HEADER_HEIGHT)
    {
      hit->kind = WAYMARK_HIT_PHASE_HEADER;
      hit->item = column->phase;
      hit->lane = NULL;
      return TRUE;
    }
  /* Lane headers */
  if (row && x >= self->metrics->margin && x < self->metrics->margin + self->metrics->lane_header_width)
    {
      hit->kind = WAYMARK_HIT_LANE_HEADER;
      hit->item = row->lane;
      hit->phase = NULL;
      return TRUE;
    }
  if (column == NULL || row == NULL)
    {
      hit->phase = NULL;
      hit->lane = NULL;
      return FALSE;
    }

  cell = _waymark_layout_cell (self, row->index, column->index);
  hit->kind = WAYMARK_HIT_CELL;

  if (row->kind == WAYMARK_LANE_EMOTION)
    {
      /* Points are sorted by x: look at the ones near x only. */
      for (guint i = _waymark_emotion_lower_bound (self, x - 2 * WM_EMOTION_RADIUS); i < self->emotion->len; i++)
        {
          const WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
          double px = _waymark_emotion_point_x (p);

          if (px > x + 2 * WM_EMOTION_RADIUS)
            break;
          if (hypot (px - x, row->y + p->rel_y - y) <= WM_EMOTION_RADIUS + 3)
            {
              hit->kind = WAYMARK_HIT_EMOTION_POINT;
              hit->item = p->touchpoint;
              break;
            }
        }
      return TRUE;
    }

  if (_waymark_row_holds_cards (row))
    {
      double rx = x - column->x;
      double ry = y - row->y;
      guint first, last;

      hit->index = _waymark_cell_insertion_index (cell, rx, ry);
      if (_waymark_cell_band_range (cell, ry, ry + 0.001, &first, &last))
        {
          guint start = first * cell->n_slots;
          guint end = MIN ((last + 1) * cell->n_slots, cell->cards->len);

          for (guint i = start; i < end; i++)
            {
              WaymarkCard *card = g_ptr_array_index (cell->cards, i);

              if (rx >= card->x && rx < card->x + card->width &&
                  ry >= card->y && ry < card->y + card->height)
                {
                  hit->kind = WAYMARK_HIT_CARD;
                  hit->item = card->item;
                  break;
                }
            }
        }
    }
  return TRUE;
}
