/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Geometry queries of WaymarkLayout (the rectangles of cards, cells,
 * phases, lanes, header, grid and legend, emotion points, the drop
 * indicator) and the binary searches over columns, rows and bands that
 * culling and hit testing use. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"

/* ---- geometry queries -------------------------------------------------- */

void
waymark_layout_get_size (WaymarkLayout *self,
                         double        *width,
                         double        *height)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

gboolean
waymark_layout_get_card_rect (WaymarkLayout *self,
                              gconstpointer  item,
                              WaymarkRect   *rect)
{
  WaymarkCard *card;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  waymark_layout_update (self);
  card = item ? g_hash_table_lookup (self->cards, item) : NULL;
  if (card == NULL || card->cell == NULL)
    return FALSE;
  _waymark_card_get_rect (card, rect);
  return TRUE;
}

gboolean
waymark_layout_get_cell_rect (WaymarkLayout *self,
                              WaymarkPhase  *phase,
                              WaymarkLane   *lane,
                              WaymarkRect   *rect)
{
  WaymarkColumn *column;
  WaymarkRow *row;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  column = g_hash_table_lookup (self->column_of, phase);
  row = g_hash_table_lookup (self->row_of, lane);
  if (column == NULL || row == NULL)
    return FALSE;
  _waymark_cell_get_rect (_waymark_layout_cell (self, row->index, column->index), rect);
  return TRUE;
}

gboolean
waymark_layout_get_phase_rect (WaymarkLayout *self,
                               WaymarkPhase  *phase,
                               WaymarkRect   *rect)
{
  WaymarkColumn *column;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  column = g_hash_table_lookup (self->column_of, phase);
  if (column == NULL)
    return FALSE;
  *rect = WAYMARK_RECT_INIT (column->x, self->phase_y, column->width, self->rows_bottom - self->phase_y);
  return TRUE;
}

gboolean
waymark_layout_get_phase_header_rect (WaymarkLayout *self,
                                      WaymarkPhase  *phase,
                                      WaymarkRect   *rect)
{
  WaymarkColumn *column;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  column = g_hash_table_lookup (self->column_of, phase);
  if (column == NULL)
    return FALSE;
  *rect = WAYMARK_RECT_INIT (column->x, self->phase_y, column->width, WM_PHASE_HEADER_HEIGHT);
  return TRUE;
}

gboolean
waymark_layout_get_lane_rect (WaymarkLayout *self,
                              WaymarkLane   *lane,
                              WaymarkRect   *rect)
{
  WaymarkRow *row;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  row = g_hash_table_lookup (self->row_of, lane);
  if (row == NULL)
    return FALSE;
  *rect = WAYMARK_RECT_INIT (self->metrics->margin, row->y, self->grid_right - self->metrics->margin, row->height);
  return TRUE;
}

gboolean
waymark_layout_get_lane_header_rect (WaymarkLayout *self,
                                     WaymarkLane   *lane,
                                     WaymarkRect   *rect)
{
  WaymarkRow *row;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  row = g_hash_table_lookup (self->row_of, lane);
  if (row == NULL)
    return FALSE;
  *rect = WAYMARK_RECT_INIT (self->metrics->margin, row->y, self->metrics->lane_header_width, row->height);
  return TRUE;
}

void
waymark_layout_get_header_rect (WaymarkLayout *self,
                                WaymarkRect   *rect)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  *rect = self->header;
}

void
waymark_layout_get_grid_rect (WaymarkLayout *self,
                              WaymarkRect   *rect)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  *rect = WAYMARK_RECT_INIT (self->grid_x, self->phase_y,
                             self->grid_right - self->grid_x, self->rows_bottom - self->phase_y);
}

void
waymark_layout_get_legend_rect (WaymarkLayout *self,
                                WaymarkRect   *rect)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  *rect = self->legend_rect;
}

gboolean
waymark_layout_get_emotion_point (WaymarkLayout     *self,
                                  WaymarkLane       *lane,
                                  WaymarkTouchpoint *touchpoint,
                                  double            *x,
                                  double            *y)
{
  const WaymarkEmotionPoint *p;
  WaymarkCard *card;
  WaymarkRow *row;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  row = g_hash_table_lookup (self->row_of, lane);
  card = touchpoint ? g_hash_table_lookup (self->cards, touchpoint) : NULL;
  if (row == NULL || row->kind != WAYMARK_LANE_EMOTION || card == NULL || card->emotion_index < 0)
    return FALSE;
  p = &g_array_index (self->emotion, WaymarkEmotionPoint, card->emotion_index);
  if (x)
    *x = _waymark_emotion_point_x (p);
  if (y)
    *y = row->y + p->rel_y;
  return TRUE;
}

gboolean
waymark_layout_get_cell_insertion_rect (WaymarkLayout *self,
                                        WaymarkPhase  *phase,
                                        WaymarkLane   *lane,
                                        guint          index,
                                        WaymarkRect   *rect)
{
  WaymarkColumn *column;
  WaymarkRow *row;
  WaymarkCell *cell;
  WaymarkRect cr;
  guint n;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  column = g_hash_table_lookup (self->column_of, phase);
  row = g_hash_table_lookup (self->row_of, lane);
  if (column == NULL || row == NULL || !_waymark_row_holds_cards (row))
    return FALSE;
  cell = _waymark_layout_cell (self, row->index, column->index);
  _waymark_cell_get_rect (cell, &cr);
  n = cell->cards->len;
  index = MIN (index, n);

  if (n == 0)
    {
      *rect = WAYMARK_RECT_INIT (cr.x + self->metrics->cell_pad, cr.y + self->metrics->cell_pad / 2 - 1.5, self->metrics->card_width, 3);
    }
  else if (cell->n_slots == 1 || index == n)
    {
      /* A horizontal bar above the card at @index, or below the last. */
      WaymarkCard *card = g_ptr_array_index (cell->cards, MIN (index, n - 1));
      double y = index < n ? card->y - self->metrics->band_gap / 2 : card->y + card->height + self->metrics->band_gap / 2;

      if (cell->n_slots > 1 && index == n && (n % cell->n_slots) != 0)
        *rect = WAYMARK_RECT_INIT (cr.x + card->x + card->width + self->metrics->slot_gap / 2 - 1.5, cr.y + card->y,
                                   3, card->height);
      else
        *rect = WAYMARK_RECT_INIT (cr.x + card->x, cr.y + y - 1.5, card->width, 3);
    }
  else
    {
      /* Side by side: a vertical bar left of the card at @index. */
      WaymarkCard *card = g_ptr_array_index (cell->cards, index);

      *rect = WAYMARK_RECT_INIT (cr.x + card->x - self->metrics->slot_gap / 2 - 1.5, cr.y + card->y, 3, card->height);
    }
  return TRUE;
}

/* ---- binary searches --------------------------------------------------- */

/* The index of the first column whose right edge (plus half the gap
 * after it) lies beyond @x; columns->len when none. */
guint
_waymark_layout_column_lower_bound (WaymarkLayout *self,
                                    double         x)
{
  guint lo = 0, hi = self->columns->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WaymarkColumn *column = _waymark_layout_column (self, mid);

      if (column->x + column->width + self->metrics->gap / 2 <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
_waymark_layout_row_lower_bound (WaymarkLayout *self,
                                 double         y)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WaymarkRow *row = _waymark_layout_row (self, mid);

      if (row->y + row->height + self->metrics->gap / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
_waymark_layout_column_range (WaymarkLayout *self,
                              double         x1,
                              double         x2,
                              guint         *first,
                              guint         *last)
{
  guint a, b;

  if (self->columns->len == 0)
    return FALSE;
  a = _waymark_layout_column_lower_bound (self, x1);
  if (a == self->columns->len || _waymark_layout_column (self, a)->x - self->metrics->gap / 2 >= x2)
    return FALSE;
  b = _waymark_layout_column_lower_bound (self, x2);
  if (b == self->columns->len)
    b = self->columns->len - 1;
  /* Keep b's left edge before x2. */
  while (b > a && _waymark_layout_column (self, b)->x - self->metrics->gap / 2 >= x2)
    b--;
  *first = a;
  *last = b;
  return TRUE;
}

gboolean
_waymark_layout_row_range (WaymarkLayout *self,
                           double         y1,
                           double         y2,
                           guint         *first,
                           guint         *last)
{
  guint a, b;

  if (self->rows->len == 0)
    return FALSE;
  a = _waymark_layout_row_lower_bound (self, y1);
  if (a == self->rows->len || _waymark_layout_row (self, a)->y - self->metrics->gap / 2 >= y2)
    return FALSE;
  b = _waymark_layout_row_lower_bound (self, y2);
  if (b == self->rows->len)
    b = self->rows->len - 1;
  while (b > a && _waymark_layout_row (self, b)->y - self->metrics->gap / 2 >= y2)
    b--;
  *first = a;
  *last = b;
  return TRUE;
}

gboolean
_waymark_cell_band_range (WaymarkCell *cell,
                          double       y1,
                          double       y2,
                          guint       *first,
                          guint       *last)
{
  guint lo = 0, hi = cell->bands->len;
  guint a;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const WaymarkBand *band = &g_array_index (cell->bands, WaymarkBand, mid);

      if (band->y + band->height <= y1)
        lo = mid + 1;
      else
        hi = mid;
    }
  a = lo;
  if (a == cell->bands->len || g_array_index (cell->bands, WaymarkBand, a).y >= y2)
    return FALSE;
  hi = cell->bands->len;
  lo = a;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (cell->bands, WaymarkBand, mid).y < y2)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = a;
  *last = lo - 1;
  return TRUE;
}
