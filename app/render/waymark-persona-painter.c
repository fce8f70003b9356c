/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-painter-private.h"
#include "waymark-persona-style.h"

/* The personas' emotion curves (waymark-persona-curves.c), their marks in
 * the legend and on the cards.  The lines go under the map's curve and
 * its notes, the markers of the personas' own scores over them: where a
 * persona only follows the card, its line passes without a marker. */

#define LINE_WIDTH   2.0
#define MARKER_SIZE  9.0
#define CARD_MARK    8.0    /* a persona's marker on a card */
#define CARD_MARK_GAP 2.5

static double
point_x (const WaymarkPersonaPoint *p)
{
  return p->column->x + p->rel_x;
}

/* The range of @curve's points near the clip (one more each side, so
 * the visible segments keep their shape); FALSE when none. */
static gboolean
visible_range (WaymarkPaintContext       *pc,
               const WaymarkPersonaCurve *curve,
               guint                     *first,
               guint                     *last)
{
  guint n = curve->points->len;
  guint lo = 0, hi = n;
  double left = pc->clip.x - MARKER_SIZE;
  double right = pc->clip.x + pc->clip.width + MARKER_SIZE;

  if (n == 0)
    return FALSE;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (point_x (&g_array_index (curve->points, WaymarkPersonaPoint, mid)) < left)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo > 0 ? lo - 1 : 0;
  for (*last = *first; *last + 1 < n; (*last)++)
    if (point_x (&g_array_index (curve->points, WaymarkPersonaPoint, *last)) > right)
      break;
  return TRUE;
}

void
_waymark_paint_persona_lines (WaymarkPaintContext *pc,
                              WaymarkRow          *row)
{
  cairo_t *cr = pc->cr;

  for (guint c = 0; c < pc->layout->persona_curves->len; c++)
    {
      const WaymarkPersonaCurve *curve = g_ptr_array_index (pc->layout->persona_curves, c);
      const WaymarkPersonaPoint *p;
      guint first, last;

      if (!visible_range (pc, curve, &first, &last) || last == first)
        continue;
      p = &g_array_index (curve->points, WaymarkPersonaPoint, first);
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_move_to (cr, point_x (p), row->y + p->rel_y);
      for (guint i = first; i < last; i++)
        {
          double s[8];

          _waymark_persona_curve_segment (curve, i, row->y, s);
          cairo_curve_to (cr, s[2], s[3], s[4], s[5], s[6], s[7]);
        }
      /* A thin halo in the lane's colour first: crossing curves stay
       * two lines. */
      cairo_set_line_width (cr, LINE_WIDTH + 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      waymark_color_set_source_alpha (&pc->palette->cell_fill, 0.8, cr);
      cairo_stroke_preserve (cr);
      waymark_persona_style_set_line (cr, pc->palette, curve->style, LINE_WIDTH);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

void
_waymark_paint_persona_markers (WaymarkPaintContext *pc,
                                WaymarkRow          *row)
{
  for (guint c = 0; c < pc->layout->persona_curves->len; c++)
    {
      const WaymarkPersonaCurve *curve = g_ptr_array_index (pc->layout->persona_curves, c);
      guint first, last;

      if (!visible_range (pc, curve, &first, &last))
        continue;
      for (guint i = first; i <= last; i++)
        {
          const WaymarkPersonaPoint *p = &g_array_index (curve->points, WaymarkPersonaPoint, i);

          if (p->own)
            waymark_persona_style_draw_marker (pc->cr, pc->palette, curve->style, point_x (p), row->y + p->rel_y,
                                               MARKER_SIZE, &pc->palette->cell_fill);
        }
    }
}

void
_waymark_paint_persona_legend_symbol (WaymarkPaintContext     *pc,
                                      const WaymarkLegendItem *item,
                                      double                   x,
                                      double                   cy)
{
  cairo_t *cr = pc->cr;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + WM_LEGEND_SYMBOL, cy);
  if (item->kind == WM_LEGEND_ALL_PERSONAS)
    {
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      waymark_color_set_source (&pc->palette->emotion_curve, cr);
      cairo_stroke (cr);
    }
  else
    {
      waymark_persona_style_set_line (cr, pc->palette, item->value, LINE_WIDTH);
      cairo_stroke (cr);
      waymark_persona_style_draw_marker (cr, pc->palette, item->value, x + WM_LEGEND_SYMBOL / 2, cy, MARKER_SIZE,
                                         &pc->palette->page);
    }
  cairo_restore (cr);
}

double
_waymark_paint_card_personas (WaymarkPaintContext     *pc,
                              const WaymarkTouchpoint *tp,
                              double                   x,
                              double                   cy,
                              double                   room)
{
  guint n = waymark_touchpoint_get_n_persona_marks (tp);
  double step = CARD_MARK + CARD_MARK_GAP;
  guint fits = room > CARD_MARK ? (guint) ((room + CARD_MARK_GAP) / step) : 0;
  guint shown = MIN (n, fits);
  double used;

  /* More personas than room: as many markers as fit with "+N" after
   * them, so the card still says how many it is for. */
  if (shown < n && shown > 0)
    shown--;
  /* The same markers as the curves and the legend, in the order the
   * card names them. */
  for (guint i = 0; i < shown; i++)
    {
      const WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);
      guint style = waymark_persona_style_of (pc->layout->journey, mark->persona);

      waymark_persona_style_draw_marker (pc->cr, pc->palette, style, x + CARD_MARK / 2 + i * step,
                                         cy, CARD_MARK, &pc->palette->card_fill);
    }
  used = shown * step;
  if (shown < n && room > 0)
    {
      char more[16];
      PangoLayout *layout;
      double w, h;

      g_snprintf (more, sizeof more, "+%u", n - shown);
      layout = waymark_text_cache_get_label (pc->text, WAYMARK_TEXT_CARD_META, more, -1);
      waymark_text_get_size (layout, &w, &h);
      _waymark_paint_text (pc, layout, x + used, cy - h / 2, &pc->palette->text_secondary);
      used += w + CARD_MARK_GAP;
    }
  return used;
}
