/* SPDX-License-Identifier: GPL-3.0-or-later */
/* waymark_layout_update(): measures what is dirty (cards, columns, cells,
 * rows) and places columns and rows, so that an edit costs what it
 * touched, not the whole map. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "waymark-layout-private.h"

/* ---- measuring --------------------------------------------------------- */

static const char *
lane_hint (WaymarkLaneKind kind)
{
  switch (kind)
    {
    case WAYMARK_LANE_TOUCHPOINTS: return _("Touchpoints");
    case WAYMARK_LANE_EMOTION:     return _("Emotion curve");
    case WAYMARK_LANE_NOTES:       return _("Notes");
    case WAYMARK_LANE_KPIS:        return _("Key figures");
    default:                       return "";
    }
}

static void
column_update_header (WaymarkLayout *self,
                      WaymarkColumn *column)
{
  g_autofree char *count = NULL;
  double width = column->width - WM_CHEVRON_TIP * 2 - 16;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints",
                                        column->n_touchpoints),
                           column->n_touchpoints);
  g_clear_object (&column->name);
  g_clear_object (&column->count);
  column->name = waymark_text_cache_create (self->text, WAYMARK_TEXT_PHASE,
                                            column->phase->name, width, 1);
  column->count = waymark_text_cache_create (self->text, WAYMARK_TEXT_PHASE_COUNT,
                                             count, width, 1);
  column->header_dirty = FALSE;
}

/* Recounts the column's cards; returns whether its width changed. */
static gboolean
column_measure (WaymarkLayout *self,
                WaymarkColumn *column)
{
  guint most = 0;
  guint n_touchpoints = 0;
  guint slots;
  double old_width = column->width;

  self->stats.n_columns_measured++;
  for (guint r = 0; r < self->rows->len; r++)
    {
      WaymarkCell *cell = _waymark_layout_cell (self, r, column->index);

      most = MAX (most, cell->cards->len);
      for (guint i = 0; i < cell->cards->len; i++)
        {
          WaymarkCard *card = g_ptr_array_index (cell->cards, i);

          if (waymark_item_get_item_type (card->item) == WAYMARK_ITEM_TOUCHPOINT)
            n_touchpoints++;
        }
    }
  if (n_touchpoints != column->n_touchpoints)
    column->header_dirty = TRUE;
  column->n_touchpoints = n_touchpoints;

  /* A phase with many cards gets wider before its lanes get very tall, so
   * the map stays a landscape poster instead of a tower. */
  slots = CLAMP ((most + self->stack_target - 1) / self->stack_target, 1, self->max_slots);
  column->dirty = FALSE;
  if (slots != column->n_slots)
    {
      column->n_slots = slots;
      column->width = 2 * self->metrics->cell_pad + slots * self->metrics->card_width + (slots - 1) * self->metrics->slot_gap;
      column->header_dirty = TRUE;
      for (guint r = 0; r < self->rows->len; r++)
        {
          WaymarkCell *cell = _waymark_layout_cell (self, r, column->index);

          _waymark_layout_mark_cell (self, cell);
          if (cell->row->kind == WAYMARK_LANE_KPIS)
            cell->kpi_dirty = TRUE;
        }
    }
  return column->width != old_width;
}

static void
row_update_header (WaymarkLayout *self,
                   WaymarkRow    *row)
{
  double width = self->metrics->lane_header_width - 2 * self->metrics->lane_header_pad;
  double h1, h2;

  g_clear_object (&row->name);
  g_clear_object (&row->hint);
  row->name = waymark_text_cache_create (self->text, WAYMARK_TEXT_LANE, row->lane->name, width, 3);
  /* The kind, unless the name already says it ("Touchpoints"). */
  row->hint = waymark_text_cache_create (self->text, WAYMARK_TEXT_LANE_HINT,
                                         g_utf8_collate (row->lane->name ? row->lane->name : "",
                                                         lane_hint (row->kind)) == 0 ? "" : lane_hint (row->kind),
                                         width, 1);
  waymark_text_get_size (row->name, NULL, &h1);
  waymark_text_get_size (row->hint, NULL, &h2);
  row->header_height = 2 * self->metrics->lane_header_pad + h1 + 3 + h2;
  row->header_dirty = FALSE;
}

/* Returns whether the row's height changed.  O(columns). */
static gboolean
row_measure (WaymarkLayout *self,
             WaymarkRow    *row)
{
  double height;
  double old = row->height;

  self->stats.n_rows_measured++;
  if (row->header_dirty || row->name == NULL)
    row_update_header (self, row);

  switch (row->kind)
    {
    case WAYMARK_LANE_EMOTION:
      height = self->metrics->emotion_height;
      break;
    case WAYMARK_LANE_KPIS:
      height = WM_MIN_KPI_ROW;
      break;
    case WAYMARK_LANE_NOTES:
      height = (2 * self->metrics->cell_pad + WM_NOTE_MIN_HEIGHT);
      break;
    case WAYMARK_LANE_TOUCHPOINTS:
    default:
      height = (2 * self->metrics->cell_pad + WM_CARD_MIN_HEIGHT);
      break;
    }
  if (row->kind != WAYMARK_LANE_EMOTION)
    for (guint c = 0; c < self->columns->len; c++)
      height = MAX (height, _waymark_layout_cell (self, row->index, c)->height);
  height = MAX (height, row->header_height);
  row->height = height;
  row->dirty = FALSE;
  return height != old;
}

static void
update_x (WaymarkLayout *self)
{
  double x = self->metrics->margin + self->metrics->lane_header_width + self->metrics->gap;
  double content;

  self->grid_x = x;
  for (guint c = 0; c < self->columns->len; c++)
    {
      WaymarkColumn *column = _waymark_layout_column (self, c);

      column->x = x;
      x += column->width + self->metrics->gap;
    }
  /* With no phases the grid keeps the room of one column for its hint. */
  if (self->columns->len == 0)
    x += 2 * self->metrics->cell_pad + self->metrics->card_width + self->metrics->gap;
  self->grid_right = x - self->metrics->gap;
  content = MAX (self->grid_right - self->metrics->margin, self->metrics->min_content_width);
  if (content != self->content_width)
    {
      self->content_width = content;
      self->header_dirty = TRUE;
      self->legend_dirty = TRUE;
    }
  self->emotion_dirty = TRUE;   /* label room depends on where columns are */
  self->x_dirty = FALSE;
}

static void
update_y (WaymarkLayout *self)
{
  double y;

  self->phase_y = self->header.y + self->header.height + self->metrics->header_gap;
  self->rows_y = self->phase_y + WM_PHASE_HEADER_HEIGHT + self->metrics->gap;
  y = self->rows_y;
  for (guint r = 0; r < self->rows->len; r++)
    {
      WaymarkRow *row = _waymark_layout_row (self, r);

      row->y = y;
      y += row->height + self->metrics->gap;
    }
  if (self->rows->len == 0)
    y += (2 * self->metrics->cell_pad + WM_CARD_MIN_HEIGHT) + self->metrics->gap;
  self->rows_bottom = y - self->metrics->gap;
  self->legend_rect.y = self->rows_bottom + self->metrics->legend_gap;
  self->y_dirty = FALSE;
}

#define FOOTNOTES_GAP 8.0   /* legend → the emotion notes listed below it */

void
waymark_layout_update (WaymarkLayout *self)
{
  guint n_text;

  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  if (!self->any_dirty || self->updating)
    return;
  self->updating = TRUE;
  self->stats.n_updates++;
  n_text = waymark_text_cache_get_n_created (self->text);

  if (self->structure_dirty)
    {
      _waymark_layout_rebuild_structure (self);
      _waymark_layout_update_empty_hint (self);
    }

  /* Cards: a card whose height changed makes its cell flow again. */
  for (guint i = 0; i < self->dirty_cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (self->dirty_cards, i);

      card->dirty = FALSE;
      if (_waymark_card_measure (card, self->metrics, self->text, &self->stats.n_cards_measured) && card->cell)
        _waymark_layout_mark_cell (self, card->cell);
    }
  g_ptr_array_set_size (self->dirty_cards, 0);

  /* Columns: slot counts, and with them widths. */
  for (guint i = 0; i < self->dirty_columns->len; i++)
    {
      WaymarkColumn *column = g_ptr_array_index (self->dirty_columns, i);

      if (column->dirty && column_measure (self, column))
        self->x_dirty = TRUE;
      if (column->header_dirty)
        column_update_header (self, column);
    }
  g_ptr_array_set_size (self->dirty_columns, 0);

  /* Cells: a cell whose height changed makes its row measure again. */
  for (guint i = 0; i < self->dirty_cells->len; i++)
    {
      WaymarkCell *cell = g_ptr_array_index (self->dirty_cells, i);
      double old = cell->height;

      if (cell->dirty && _waymark_row_holds_cards (cell->row))
        {
          _waymark_cell_flow (cell);
          self->stats.n_cells_flowed++;
        }
      if (cell->kpi_dirty && cell->row->kind == WAYMARK_LANE_KPIS)
        _waymark_kpi_cell_build (cell, self);
      cell->dirty = FALSE;
      cell->kpi_dirty = FALSE;
      if (cell->height != old)
        _waymark_layout_mark_row (self, cell->row);
    }
  g_ptr_array_set_size (self->dirty_cells, 0);

  /* Rows: O(columns) each; only rows that changed shift what follows. */
  for (guint i = 0; i < self->dirty_rows->len; i++)
    if (row_measure (self, g_ptr_array_index (self->dirty_rows, i)))
      self->y_dirty = TRUE;
  g_ptr_array_set_size (self->dirty_rows, 0);

  if (self->x_dirty)
    update_x (self);
  if (self->header_dirty)
    {
      double old = self->header.height;

      _waymark_layout_update_header (self);
      if (self->header.height != old)
        self->y_dirty = TRUE;
    }
  if (self->y_dirty)
    update_y (self);
  if (self->legend_dirty)
    {
      _waymark_legend_build (self);
      self->legend_dirty = FALSE;
    }
  if (self->emotion_dirty)
    {
      _waymark_emotion_build (self);
      self->stats.n_emotion_layouts++;
      self->emotion_dirty = FALSE;
    }

  /* Whole units, rounded up: images, pages and tiles come out exact. */
  self->width = ceil (2 * self->metrics->margin + self->content_width - 1e-6);
  /* Emotion notes without room on the curve follow the legend. */
  self->footnotes_rect = WAYMARK_RECT_INIT (self->legend_rect.x, self->legend_rect.y + self->legend_rect.height,
                                            _waymark_layout_frame_width (self), 0);
  if (self->emotion_footnotes != NULL)
    {
      waymark_text_get_size (self->emotion_footnotes, NULL, &self->footnotes_rect.height);
      self->footnotes_rect.y += FOOTNOTES_GAP;
    }
  self->height = ceil (self->footnotes_rect.y + self->footnotes_rect.height + self->metrics->margin - 1e-6);
  self->stats.n_text_layouts += waymark_text_cache_get_n_created (self->text) - n_text;
  self->any_dirty = FALSE;
  self->links_dirty = TRUE;
  self->updating = FALSE;
}
