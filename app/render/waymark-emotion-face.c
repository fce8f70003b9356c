/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-emotion-face.h"
#include "waymark-touchpoint.h"

void
waymark_emotion_face_draw (cairo_t              *cr,
                           const WaymarkPalette *palette,
                           int                   score,
                           double                cx,
                           double                cy,
                           double                r)
{
  double mouth_y, bend;

  score = CLAMP (score, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  waymark_color_set_source (waymark_palette_get_emotion (palette, score), cr);
  cairo_fill (cr);

  waymark_color_set_source (&palette->face_features, cr);
  cairo_arc (cr, cx - r * 0.34, cy - r * 0.24, r * 0.13, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, cx + r * 0.34, cy - r * 0.24, r * 0.13, 0, 2 * G_PI);
  cairo_fill (cr);

  /* The mouth bends with the score: the face reads without colour. */
  bend = score * r * 0.2;
  mouth_y = cy + r * 0.38 - (score > 0 ? bend * 0.5 : bend * 0.25);
  cairo_save (cr);
  cairo_set_line_width (cr, r * 0.14);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - r * 0.45, mouth_y);
  cairo_curve_to (cr, cx - r * 0.2, mouth_y + bend, cx + r * 0.2, mouth_y + bend, cx + r * 0.45, mouth_y);
  cairo_stroke (cr);
  cairo_restore (cr);
}
