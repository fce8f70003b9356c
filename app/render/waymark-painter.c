/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <pango/pangocairo.h>

#include "waymark-painter-private.h"

#define SELECTION_WIDTH 3.0

void
_waymark_paint_text (WaymarkPaintContext *pc,
                     PangoLayout         *layout,
                     double               x,
                     double               y,
                     const WaymarkColor  *color)
{
  /* The layouts were made once with a device-independent context (no
   * hinted metrics, unrounded positions), so they are shown as they are
   * under any matrix.  pango_cairo_update_layout() is deliberately not
   * called: it would re-break every text at each zoom step and make the
   * PDF differ from the screen. */
  waymark_color_set_source (color, pc->cr);
  cairo_move_to (pc->cr, x, y);
  pango_cairo_show_layout (pc->cr, layout);
}

void
_waymark_paint_text_within (WaymarkPaintContext *pc,
                            PangoLayout         *layout,
                            double               x,
                            double               y,
                            const WaymarkRect   *box,
                            const WaymarkColor  *color)
{
  PangoRectangle ink;
  WaymarkRect inked;

  /* Ordinary text inks inside its box and is drawn as it is (a clip has
   * a cost on every paint); text that reaches out of it, such as a
   * stack of combining marks, is cut at the box's edge. */
  pango_layout_get_extents (layout, &ink, NULL);
  inked = WAYMARK_RECT_INIT (x + (double) ink.x / PANGO_SCALE, y + (double) ink.y / PANGO_SCALE,
                             (double) ink.width / PANGO_SCALE, (double) ink.height / PANGO_SCALE);
  if (inked.x >= box->x && inked.y >= box->y &&
      inked.x + inked.width <= box->x + box->width && inked.y + inked.height <= box->y + box->height)
    {
      _waymark_paint_text (pc, layout, x, y, color);
      return;
    }
  cairo_save (pc->cr);
  cairo_new_path (pc->cr);
  cairo_rectangle (pc->cr, box->x, box->y, box->width, box->height);
  cairo_clip (pc->cr);
  _waymark_paint_text (pc, layout, x, y, color);
  cairo_restore (pc->cr);
}

static gboolean
visible (WaymarkPaintContext *pc,
         const WaymarkRect   *rect)
{
  return waymark_rect_intersects (rect, &pc->clip);
}

static void
paint_header (WaymarkPaintContext *pc)
{
  WaymarkLayout *layout = pc->layout;
  const WaymarkPalette *palette = pc->palette;
  gboolean intended = waymark_journey_get_state (layout->journey) == WAYMARK_STATE_INTENDED;
  const WaymarkRect *badge = &layout->badge_rect;
  double bw, bh;

  if (!visible (pc, &layout->header))
    return;

  _waymark_paint_text (pc, layout->title, layout->title_rect.x, layout->title_rect.y, &palette->text);
  if (layout->subtitle)
    _waymark_paint_text (pc, layout->subtitle, layout->subtitle_rect.x, layout->subtitle_rect.y,
                        &palette->text_secondary);
  if (layout->personas)
    _waymark_paint_text (pc, layout->personas, layout->personas_rect.x, layout->personas_rect.y,
                        &palette->text_secondary);

  cairo_new_path (pc->cr);
  _waymark_glyph_rounded_rect (pc->cr, badge->x, badge->y, badge->width, badge->height, badge->height / 2);
  waymark_color_set_source (intended ? &palette->badge_intended_fill : &palette->badge_as_is_fill, pc->cr);
  cairo_fill (pc->cr);
  waymark_text_get_size (layout->badge, &bw, &bh);
  _waymark_paint_text (pc, layout->badge, badge->x + (badge->width - bw) / 2, badge->y + (badge->height - bh) / 2,
                      intended ? &palette->badge_intended_text : &palette->badge_as_is_text);
}

static void
chevron_path (cairo_t  *cr,
              double    x,
              double    y,
              double    w,
              double    h,
              gboolean  first)
{
  double tip = WM_CHEVRON_TIP;

  /* Phases read as steps of one journey: arrows pointing right, each
   * notched to take the previous one's point. */
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w - tip, y);
  cairo_line_to (cr, x + w, y + h / 2);
  cairo_line_to (cr, x + w - tip, y + h);
  cairo_line_to (cr, x, y + h);
  if (!first)
    cairo_line_to (cr, x + tip, y + h / 2);
  cairo_close_path (cr);
}

static void
paint_phase_headers (WaymarkPaintContext *pc,
                     guint                first,
                     guint                last)
{
  WaymarkLayout *layout = pc->layout;
  const WaymarkPalette *palette = pc->palette;
  double y = layout->phase_y;
  WaymarkRect row = WAYMARK_RECT_INIT (layout->grid_x, y, layout->grid_right - layout->grid_x,
                                       WM_PHASE_HEADER_HEIGHT);

  if (!visible (pc, &row))
    return;

  for (guint c = first; c <= last; c++)
    {
      WaymarkColumn *column = _waymark_layout_column (pc->layout, c);
      double x = column->x;
      double w = column->width + (c + 1 < layout->columns->len ? layout->metrics->gap / 2 + WM_CHEVRON_TIP / 2 : 0);
      double tx = x + (c == 0 ? 14 : WM_CHEVRON_TIP + 10);
      double nh, ch, ty;

      chevron_path (pc->cr, x, y, w, WM_PHASE_HEADER_HEIGHT, c == 0);
      waymark_color_set_source (&palette->phase_fill, pc->cr);
      cairo_fill (pc->cr);

      waymark_text_get_size (column->name, NULL, &nh);
      waymark_text_get_size (column->count, NULL, &ch);
      ty = y + (WM_PHASE_HEADER_HEIGHT - nh - ch) / 2;
      _waymark_paint_text (pc, column->name, tx, ty, &palette->phase_text);
      _waymark_paint_text (pc, column->count, tx, ty + nh, &palette->phase_text);
    }
}

static void
paint_lane_header (WaymarkPaintContext *pc,
                   WaymarkRow          *row)
{
  const WaymarkPalette *palette = pc->palette;
  const WaymarkMetrics *m = pc->layout->metrics;
  WaymarkRect rect = WAYMARK_RECT_INIT (m->margin, row->y, m->lane_header_width, row->height);
  double nh;

  if (!visible (pc, &rect))
    return;
  cairo_new_path (pc->cr);
  _waymark_glyph_rounded_rect (pc->cr, rect.x, rect.y, rect.width, rect.height, WM_CARD_RADIUS);
  waymark_color_set_source (&palette->lane_header_fill, pc->cr);
  cairo_fill (pc->cr);

  waymark_text_get_size (row->name, NULL, &nh);
  _waymark_paint_text (pc, row->name, rect.x + m->lane_header_pad, rect.y + m->lane_header_pad,
                      &palette->lane_header_text);
  _waymark_paint_text (pc, row->hint, rect.x + m->lane_header_pad, rect.y + m->lane_header_pad + nh + 3,
                      &palette->text_secondary);
  if (row->kind == WAYMARK_LANE_EMOTION)
    _waymark_paint_emotion_scale (pc, row);
}

static void
paint_kpi_cell (WaymarkPaintContext *pc,
                WaymarkCell         *cell,
                const WaymarkRect   *rect)
{
  const WaymarkPalette *palette = pc->palette;

  if (cell->kpi_lines == NULL)
    return;
  for (guint i = 0; i < cell->kpi_lines->len; i++)
    {
      WaymarkKpiLine *line = g_ptr_array_index (cell->kpi_lines, i);
      double vw;

      if (rect->y + line->y > pc->clip.y + pc->clip.height ||
          rect->y + line->y + line->height < pc->clip.y)
        continue;
      waymark_text_get_size (line->value, &vw, NULL);
      if (pango_layout_get_width (line->value) > 0)
        vw = MIN (vw, (double) pango_layout_get_width (line->value) / PANGO_SCALE);
      _waymark_paint_text (pc, line->name, rect->x + line->x, rect->y + line->y, &palette->text_secondary);
      _waymark_paint_text (pc, line->value, rect->x + line->x + line->width - vw, rect->y + line->y, &palette->text);
    }
}

void
_waymark_paint_begin_dim (WaymarkPaintContext *pc,
                          const WaymarkRect   *area)
{
  cairo_save (pc->cr);
  cairo_rectangle (pc->cr, area->x, area->y, area->width, area->height);
  cairo_clip (pc->cr);
  cairo_push_group (pc->cr);
}

void
_waymark_paint_end_dim (WaymarkPaintContext *pc)
{
  cairo_pop_group_to_source (pc->cr);
  cairo_paint_with_alpha (pc->cr, WM_DIM_ALPHA);
  cairo_restore (pc->cr);
}

static void
paint_cards (WaymarkPaintContext *pc,
             WaymarkCell         *cell,
             const WaymarkRect   *cell_rect)
{
  guint first, last, start, end;

  /* Only the bands of cards that cross the clip. */
  if (!_waymark_cell_band_range (cell, pc->clip.y - cell_rect->y,
                                pc->clip.y + pc->clip.height - cell_rect->y, &first, &last))
    return;
  start = first * cell->n_slots;
  end = MIN ((last + 1) * cell->n_slots, cell->cards->len);
  for (guint i = start; i < end; i++)
    {
      WaymarkCard *card = g_ptr_array_index (cell->cards, i);
      WaymarkRect rect = WAYMARK_RECT_INIT (cell_rect->x + card->x, cell_rect->y + card->y,
                                            card->width, card->height);

      gboolean dim;

      if (!visible (pc, &rect))
        continue;
      dim = waymark_layout_is_dimmed (pc->layout, card->item);
      if (dim)
        {
          /* room for the card's shadow and outline */
          WaymarkRect area;

          waymark_rect_inset (&rect, -4, -4, &area);
          _waymark_paint_begin_dim (pc, &area);
        }
      if (waymark_item_get_item_type (card->item) == WAYMARK_ITEM_TOUCHPOINT)
        _waymark_paint_card (pc, card, &rect);
      else
        _waymark_paint_note (pc, card, &rect);
      if (dim)
        _waymark_paint_end_dim (pc);
      if (pc->stats)
        pc->stats->n_cards_painted++;
    }
}

typedef enum {
  PASS_BACKGROUND,   /* lane headers, tiles, the emotion grid */
  PASS_CONTENT,      /* cards, notes, KPI summaries, the emotion curve */
} Pass;

static void
paint_rows (WaymarkPaintContext *pc,
            Pass                 pass)
{
  WaymarkLayout *layout = pc->layout;
  gboolean have_columns;
  guint r0, r1, c0 = 0, c1 = 0;

  if (!_waymark_layout_row_range (layout, pc->clip.y, pc->clip.y + pc->clip.height, &r0, &r1))
    return;
  have_columns = _waymark_layout_column_range (layout, pc->clip.x, pc->clip.x + pc->clip.width, &c0, &c1);
  if (pc->stats && have_columns && pass == PASS_CONTENT)
    pc->stats->n_columns_visited = c1 - c0 + 1;

  for (guint r = r0; r <= r1; r++)
    {
      WaymarkRow *row = _waymark_layout_row (layout, r);

      if (pass == PASS_BACKGROUND && !(pc->flags & WAYMARK_PAINT_NO_LANE_HEADERS))
        paint_lane_header (pc, row);
      if (pc->stats && pass == PASS_CONTENT)
        pc->stats->n_rows_visited++;
      if (!have_columns)
        continue;
      if (row->kind == WAYMARK_LANE_EMOTION)
        {
          if (pass == PASS_BACKGROUND)
            _waymark_paint_emotion_background (pc, row);
          else
            {
              _waymark_paint_persona_lines (pc, row);
              _waymark_paint_emotion_curve (pc, row);
              _waymark_paint_persona_markers (pc, row);
            }
          continue;
        }
      for (guint c = c0; c <= c1; c++)
        {
          WaymarkCell *cell = _waymark_layout_cell (layout, r, c);
          WaymarkRect rect;

          _waymark_cell_get_rect (cell, &rect);
          if (!visible (pc, &rect))
            continue;
          if (pass == PASS_BACKGROUND)
            {
              cairo_new_path (pc->cr);
              _waymark_glyph_rounded_rect (pc->cr, rect.x, rect.y, rect.width, rect.height, WM_CARD_RADIUS);
              waymark_color_set_source (&pc->palette->cell_fill, pc->cr);
              cairo_fill (pc->cr);
              continue;
            }
          if (pc->stats)
            pc->stats->n_cells_visited++;
          if (row->kind == WAYMARK_LANE_KPIS)
            paint_kpi_cell (pc, cell, &rect);
          else
            paint_cards (pc, cell, &rect);
        }
    }
}

static void
paint_empty_hint (WaymarkPaintContext *pc)
{
  WaymarkLayout *layout = pc->layout;
  double dash[] = { 6.0, 4.0 };
  double top;

  if (layout->empty_hint == NULL)
    return;
  /* A dashed frame where the first phase (or lane) would go. */
  top = layout->columns->len == 0 ? layout->phase_y : layout->rows_y;
  cairo_new_path (pc->cr);
  _waymark_glyph_rounded_rect (pc->cr, layout->grid_x, top, layout->grid_right - layout->grid_x,
                              layout->rows_bottom - top, WM_CARD_RADIUS);
  cairo_save (pc->cr);
  cairo_set_dash (pc->cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (pc->cr, 1.5);
  waymark_color_set_source (&pc->palette->grid_line, pc->cr);
  cairo_stroke (pc->cr);
  cairo_restore (pc->cr);
  _waymark_paint_text (pc, layout->empty_hint, layout->grid_x + layout->metrics->cell_pad, top + layout->metrics->cell_pad,
                      &pc->palette->text_faint);
}

static void
paint_legend (WaymarkPaintContext *pc)
{
  WaymarkLayout *layout = pc->layout;
  const WaymarkPalette *palette = pc->palette;
  cairo_t *cr = pc->cr;
  double ox = layout->legend_rect.x;
  double oy = layout->legend_rect.y;

  if (!visible (pc, &layout->legend_rect) && !visible (pc, &layout->footnotes_rect))
    return;

  /* A hairline separates the key from the map. */
  cairo_save (cr);
  cairo_set_line_width (cr, 1.0);
  waymark_color_set_source (&palette->grid_line, cr);
  cairo_move_to (cr, ox, oy - layout->metrics->legend_gap / 2);
  cairo_line_to (cr, ox + layout->legend_rect.width, oy - layout->metrics->legend_gap / 2);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The emotion notes that had no room on the curve, by their number. */
  if (layout->emotion_footnotes != NULL && visible (pc, &layout->footnotes_rect))
    _waymark_paint_text (pc, layout->emotion_footnotes, layout->footnotes_rect.x, layout->footnotes_rect.y,
                         &palette->text_secondary);

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const WaymarkLegendItem *item = &g_array_index (layout->legend, WaymarkLegendItem, i);
      double x = ox + item->x;
      double cy = oy + item->y;
      double sx = x + WM_LEGEND_SYMBOL / 2;
      double h;

      waymark_text_get_size (item->label, NULL, &h);
      switch (item->kind)
        {
        case WM_LEGEND_TITLE:
          _waymark_paint_text (pc, item->label, x, cy - h / 2, &palette->text);
          continue;
        case WM_LEGEND_CATEGORY:
          _waymark_glyph_category_badge (cr, palette, item->value, NULL, sx, cy, WM_LEGEND_SYMBOL - 2);
          break;
        case WM_LEGEND_EMOTION:
          /* The curve's own marks: their shapes read in black and white. */
          _waymark_glyph_emotion_dot (cr, palette, item->value, sx, cy, WM_LEGEND_SYMBOL / 3);
          break;
        case WM_LEGEND_WEAKNESS:
          _waymark_glyph_weakness (cr, palette, sx, cy, WM_LEGEND_SYMBOL - 2);
          break;
        case WM_LEGEND_STRENGTH:
          _waymark_glyph_strength (cr, palette, sx, cy, WM_LEGEND_SYMBOL - 2);
          break;
        case WM_LEGEND_MOMENT_OF_TRUTH:
          _waymark_glyph_star (cr, palette, sx, cy, WM_LEGEND_SYMBOL);
          break;
        case WM_LEGEND_LINK:
          {
            double p[8] = { x, cy, x + 6, cy, x + WM_LEGEND_SYMBOL - 6, cy, x + WM_LEGEND_SYMBOL, cy };

            _waymark_paint_link_arrow (cr, p, &palette->link, 1.75, 1.0);
          }
          break;
        case WM_LEGEND_NOTE:
          _waymark_glyph_sticky (cr, palette, x + 1, cy - WM_LEGEND_SYMBOL / 2 + 1,
                                WM_LEGEND_SYMBOL - 2, WM_LEGEND_SYMBOL - 3);
          break;
        case WM_LEGEND_ALL_PERSONAS:
        case WM_LEGEND_PERSONA:
          _waymark_paint_persona_legend_symbol (pc, item, x, cy);
          break;
        default:
          break;
        }
      _waymark_paint_text (pc, item->label, x + WM_LEGEND_SYMBOL + 7, cy - h / 2, &palette->text_secondary);
    }
}

static void
paint_ring (WaymarkPaintContext *pc,
            const WaymarkRect   *rect,
            const WaymarkColor  *color)
{
  double o = SELECTION_WIDTH / 2 + 2;

  cairo_new_path (pc->cr);
  _waymark_glyph_rounded_rect (pc->cr, rect->x - o, rect->y - o, rect->width + 2 * o, rect->height + 2 * o,
                              WM_CARD_RADIUS + o);
  cairo_save (pc->cr);
  cairo_set_line_width (pc->cr, SELECTION_WIDTH);
  waymark_color_set_source (color, pc->cr);
  cairo_stroke (pc->cr);
  cairo_restore (pc->cr);
}

static void
paint_item_feedback (WaymarkPaintContext *pc,
                     gconstpointer        item,
                     const WaymarkColor  *color)
{
  WaymarkLayout *layout = pc->layout;
  WaymarkCard *card = g_hash_table_lookup (layout->cards, item);
  WaymarkRect rect;

  if (card == NULL || card->cell == NULL)
    return;
  _waymark_card_get_rect (card, &rect);
  if (visible (pc, &rect))
    paint_ring (pc, &rect, color);

  /* A selected touchpoint also marks its point on every emotion curve. */
  if (waymark_item_get_item_type (item) != WAYMARK_ITEM_TOUCHPOINT || card->emotion == WM_NO_EMOTION)
    return;
  for (guint r = 0; r < layout->rows->len; r++)
    {
      WaymarkRow *row = _waymark_layout_row (layout, r);
      double x, y;

      if (row->kind != WAYMARK_LANE_EMOTION ||
          !waymark_layout_get_emotion_point (layout, row->lane, (WaymarkTouchpoint *) item, &x, &y))
        continue;
      cairo_new_path (pc->cr);
      cairo_arc (pc->cr, x, y, WM_EMOTION_RADIUS + 4, 0, 2 * G_PI);
      cairo_save (pc->cr);
      cairo_set_line_width (pc->cr, SELECTION_WIDTH);
      waymark_color_set_source (color, pc->cr);
      cairo_stroke (pc->cr);
      cairo_restore (pc->cr);
    }
}

static void
paint_feedback (WaymarkPaintContext *pc)
{
  const WaymarkPaintState *state = pc->state;

  if (state == NULL)
    return;
  if (state->hover && !(state->selected && g_hash_table_contains (state->selected, state->hover)))
    paint_item_feedback (pc, state->hover, &pc->palette->hover);
  if (state->selected)
    {
      GHashTableIter iter;
      gpointer item;

      g_hash_table_iter_init (&iter, state->selected);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        paint_item_feedback (pc, item, &pc->palette->selection);
    }
  if (state->show_drop)
    {
      WaymarkRect rect;

      if (waymark_layout_get_cell_insertion_rect (pc->layout, state->drop_phase, state->drop_lane,
                                                  state->drop_index, &rect) && visible (pc, &rect))
        {
          cairo_new_path (pc->cr);
          _waymark_glyph_rounded_rect (pc->cr, rect.x, rect.y, rect.width, rect.height, 1.5);
          waymark_color_set_source (&pc->palette->drop, pc->cr);
          cairo_fill (pc->cr);
        }
    }
}

void
waymark_painter_paint (WaymarkLayout           *layout,
                       cairo_t                 *cr,
                       const WaymarkRect       *clip,
                       const WaymarkPalette    *palette,
                       WaymarkPaintFlags        flags,
                       const WaymarkPaintState *state)
{
  WaymarkPaintContext pc = { 0 };
  WaymarkPaintStats stats = { 0 };
  guint c0, c1;

  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  waymark_layout_update (layout);

  pc.layout = layout;
  pc.cr = cr;
  pc.palette = palette ? palette : waymark_palette_get (WAYMARK_PALETTE_LIGHT);
  pc.flags = flags;
  pc.state = state;
  pc.stats = state && state->stats ? &stats : NULL;
  pc.text = layout->text;
  pc.clip = clip ? *clip : WAYMARK_RECT_INIT (0, 0, layout->width, layout->height);

  cairo_save (cr);
  cairo_rectangle (cr, pc.clip.x, pc.clip.y, pc.clip.width, pc.clip.height);
  cairo_clip (cr);

  if (!(flags & WAYMARK_PAINT_NO_BACKGROUND))
    {
      cairo_rectangle (cr, pc.clip.x, pc.clip.y, pc.clip.width, pc.clip.height);
      waymark_color_set_source (&pc.palette->page, cr);
      cairo_fill (cr);
    }
  if (!(flags & WAYMARK_PAINT_NO_HEADER))
    paint_header (&pc);
  if (!(flags & WAYMARK_PAINT_NO_PHASE_HEADERS) &&
      _waymark_layout_column_range (layout, pc.clip.x, pc.clip.x + pc.clip.width, &c0, &c1))
    paint_phase_headers (&pc, c0, c1);
  paint_rows (&pc, PASS_BACKGROUND);
  paint_empty_hint (&pc);
  if (!(flags & WAYMARK_PAINT_NO_LINKS))
    _waymark_paint_links (&pc, FALSE);
  paint_rows (&pc, PASS_CONTENT);
  if (!(flags & WAYMARK_PAINT_NO_LINKS))
    _waymark_paint_links (&pc, TRUE);
  paint_feedback (&pc);
  if (!(flags & WAYMARK_PAINT_NO_LEGEND))
    paint_legend (&pc);

  cairo_restore (cr);
  if (pc.stats)
    *state->stats = stats;
}
