/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-emotion-face.h"
#include "waymark-painter-private.h"

#define CURVE_WIDTH 2.5

static inline const WaymarkEmotionPoint *
point_at (WaymarkLayout *layout,
          guint          i)
{
  return &g_array_index (layout->emotion, WaymarkEmotionPoint, i);
}

static void
curve_segment (cairo_t       *cr,
               WaymarkLayout *layout,
               double         top,
               guint          i)
{
  double p[8];

  _waymark_emotion_segment (layout, i, top, p);
  cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
}

void
_waymark_paint_emotion_scale (WaymarkPaintContext *pc,
                              WaymarkRow          *row)
{
  const WaymarkMetrics *m = pc->layout->metrics;
  double x = m->margin + m->lane_header_width - 16;

  /* A small scale at the right of the lane header: the faces for +2, 0
   * and -2 at the heights the curve uses. */
  for (int score = WAYMARK_EMOTION_MAX; score >= WAYMARK_EMOTION_MIN; score -= 2)
    waymark_emotion_face_draw (pc->cr, pc->palette, score, x, row->y + _waymark_emotion_level_y (pc->layout->metrics, score), 7);
}

void
_waymark_paint_emotion_background (WaymarkPaintContext *pc,
                                   WaymarkRow          *row)
{
  WaymarkLayout *layout = pc->layout;
  cairo_t *cr = pc->cr;
  const WaymarkPalette *palette = pc->palette;
  double left = layout->grid_x;
  double right = layout->grid_right;
  double top = row->y;
  const WaymarkMetrics *m = layout->metrics;
  double height = MIN (row->height, m->emotion_height);
  guint first, last;

  /* One tile across all phases: the curve runs through them. */
  cairo_new_path (cr);
  _waymark_glyph_rounded_rect (cr, left, top, right - left, row->height, WM_CARD_RADIUS);
  waymark_color_set_source (&palette->cell_fill, cr);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  waymark_color_set_source (&palette->grid_line, cr);
  for (int score = WAYMARK_EMOTION_MIN; score <= WAYMARK_EMOTION_MAX; score++)
    {
      double y = top + _waymark_emotion_level_y (pc->layout->metrics, score);

      if (score == 0)
        continue;
      cairo_move_to (cr, MAX (left + 10, pc->clip.x), y);
      cairo_line_to (cr, MIN (right - 10, pc->clip.x + pc->clip.width), y);
    }
  cairo_stroke (cr);

  /* Phase boundaries, so points can be read against their phase. */
  if (_waymark_layout_column_range (layout, pc->clip.x, pc->clip.x + pc->clip.width, &first, &last))
    {
      double dash[] = { 2.0, 4.0 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      for (guint c = MAX (first, 1); c <= last; c++)
        {
          double x = _waymark_layout_column (layout, c)->x - m->gap / 2;

          cairo_move_to (cr, x, top + 10);
          cairo_line_to (cr, x, top + height - 10);
        }
      cairo_stroke (cr);
    }

  /* The zero line, dashed: above it the customer is pleased. */
  {
    double dash[] = { 6.0, 4.0 };
    double y = top + _waymark_emotion_level_y (pc->layout->metrics, 0);

    double x0 = left + 10;

    /* Start on a whole dash period before the clip: the pattern stays put
     * whatever part is drawn, and a wide map costs no more dashes. */
    if (pc->clip.x > x0)
      x0 += floor ((pc->clip.x - x0) / (dash[0] + dash[1])) * (dash[0] + dash[1]);
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    cairo_set_line_width (cr, 1.25);
    waymark_color_set_source (&palette->zero_line, cr);
    cairo_move_to (cr, x0, y);
    cairo_line_to (cr, MIN (right - 10, pc->clip.x + pc->clip.width), y);
    cairo_stroke (cr);
  }
  cairo_restore (cr);
}

void
_waymark_paint_emotion_curve (WaymarkPaintContext *pc,
                              WaymarkRow          *row)
{
  WaymarkLayout *layout = pc->layout;
  cairo_t *cr = pc->cr;
  const WaymarkPalette *palette = pc->palette;
  double top = row->y;
  guint n = layout->emotion->len;
  guint i0, i1;

  if (n == 0)
    return;

  /* Only the points near the clip, found by binary search; one more on
   * each side so the visible segments keep their shape, and the labels'
   * half width so a label reaching in is drawn. */
  i0 = _waymark_emotion_lower_bound (layout, pc->clip.x - WM_EMOTION_LABEL_WIDTH / 2);
  i1 = _waymark_emotion_lower_bound (layout, pc->clip.x + pc->clip.width + WM_EMOTION_LABEL_WIDTH / 2);
  i0 = i0 > 0 ? i0 - 1 : 0;
  i1 = MIN (i1, n - 1);

  if (i1 > i0)
    {
      const WaymarkEmotionPoint *p = point_at (layout, i0);

      cairo_save (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, _waymark_emotion_point_x (p), top + p->rel_y);
      for (guint i = i0; i < i1; i++)
        curve_segment (cr, layout, top, i);
      cairo_set_line_width (cr, CURVE_WIDTH);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      waymark_color_set_source (&palette->emotion_curve, cr);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = i0; i <= i1; i++)
    {
      const WaymarkEmotionPoint *p = point_at (layout, i);
      double x = _waymark_emotion_point_x (p);
      double y = top + p->rel_y;
      gboolean labelled = p->label != NULL && p->label_side != 0;
      gboolean dim = waymark_layout_is_dimmed (layout, p->touchpoint);
      double r = WM_EMOTION_RADIUS + 3;
      WaymarkRect area = WAYMARK_RECT_INIT (x - r, y - r, 2 * r, 2 * r);
      WaymarkRect rect;

      /* Halos in the tile's colour keep the label and the point readable
       * where the curve passes behind them; they stay whole on a dimmed
       * point, so the curve does not show through it. */
      if (labelled)
        {
          _waymark_emotion_label_rect (p, x, top, p->label_side, &rect);
          cairo_new_path (cr);
          _waymark_glyph_rounded_rect (cr, rect.x, rect.y, rect.width, rect.height, 4);
          waymark_color_set_source_alpha (&palette->cell_fill, 0.85, cr);
          cairo_fill (cr);
          waymark_rect_union (&area, &rect, &area);
        }
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      waymark_color_set_source (&palette->cell_fill, cr);
      cairo_fill (cr);

      if (dim)
        _waymark_paint_begin_dim (pc, &area);
      if (labelled)
        {
          /* Notes are centred in their wrap width; a footnote's "(n)" is
           * not wrapped. */
          double wrap = pango_layout_get_width (p->label) > 0
                        ? (double) pango_layout_get_width (p->label) / PANGO_SCALE : p->label_width;

          _waymark_paint_text (pc, p->label, x + p->label_dx - wrap / 2, rect.y + 1, &palette->text_secondary);
        }
      _waymark_glyph_emotion_dot (cr, palette, p->score, x, y, WM_EMOTION_RADIUS);
      if (dim)
        _waymark_paint_end_dim (pc);
      if (pc->stats)
        pc->stats->n_emotion_points_painted++;
    }
}
