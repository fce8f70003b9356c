/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-rect.h"

gboolean
waymark_rect_intersects (const WaymarkRect *a,
                         const WaymarkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
waymark_rect_contains_point (const WaymarkRect *rect,
                             double             x,
                             double             y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

void
waymark_rect_union (const WaymarkRect *a,
                    const WaymarkRect *b,
                    WaymarkRect       *out)
{
  double x1, y1, x2, y2;

  if (a->width <= 0 || a->height <= 0)
    {
      *out = *b;
      return;
    }
  if (b->width <= 0 || b->height <= 0)
    {
      *out = *a;
      return;
    }
  x1 = MIN (a->x, b->x);
  y1 = MIN (a->y, b->y);
  x2 = MAX (a->x + a->width, b->x + b->width);
  y2 = MAX (a->y + a->height, b->y + b->height);
  *out = WAYMARK_RECT_INIT (x1, y1, x2 - x1, y2 - y1);
}

void
waymark_rect_inset (const WaymarkRect *rect,
                    double             dx,
                    double             dy,
                    WaymarkRect       *out)
{
  *out = WAYMARK_RECT_INIT (rect->x + dx, rect->y + dy,
                            rect->width - 2 * dx, rect->height - 2 * dy);
}
