/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An axis-aligned rectangle in map units.  One map unit is one pixel at
 * 100 % zoom and 1/96 inch on paper, so a map laid out once prints at the
 * size it shows on screen. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WaymarkRect;

#define WAYMARK_RECT_INIT(x, y, w, h) ((WaymarkRect) { (x), (y), (w), (h) })

/**
 * waymark_rect_intersects:
 * Whether @a and @b overlap in an area (touching edges do not count).
 */
gboolean waymark_rect_intersects     (const WaymarkRect *a, const WaymarkRect *b);
/**
 * waymark_rect_contains_point:
 * Whether (@x, @y) lies in @rect, left/top edges included, right/bottom not.
 */
gboolean waymark_rect_contains_point (const WaymarkRect *rect, double x, double y);
/**
 * waymark_rect_union:
 * Sets @out to the smallest rectangle holding @a and @b; an empty
 * rectangle (width or height <= 0) does not count.
 */
void     waymark_rect_union          (const WaymarkRect *a, const WaymarkRect *b, WaymarkRect *out);
/**
 * waymark_rect_inset:
 * Sets @out to @rect shrunk by @dx on the left and right and @dy on top
 * and bottom (negative values grow it).
 */
void     waymark_rect_inset          (const WaymarkRect *rect, double dx, double dy, WaymarkRect *out);

G_END_DECLS
