/* SPDX-License-Identifier: GPL-3.0-or-later */
/* From the journey to the grid: the columns (phases), rows (lanes) and
 * cells of a WaymarkLayout, which cell a card belongs in, and the full
 * rebuild when phases or lanes come, go or move. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"

/* ---- columns, rows and cells ------------------------------------------ */

static WaymarkColumn *
column_new (WaymarkPhase *phase,
            guint         index)
{
  WaymarkColumn *column = g_new0 (WaymarkColumn, 1);

  column->phase = waymark_item_ref (phase);
  column->index = index;
  /* No slots yet: the first measure sets the width. */
  return column;
}

void
_waymark_layout_column_free (gpointer data)
{
  WaymarkColumn *column = data;

  g_clear_object (&column->name);
  g_clear_object (&column->count);
  waymark_item_unref (column->phase);
  g_free (column);
}

static WaymarkRow *
row_new (WaymarkLane *lane,
         guint        index)
{
  WaymarkRow *row = g_new0 (WaymarkRow, 1);

  row->lane = waymark_item_ref (lane);
  row->kind = lane->kind;
  row->index = index;
  return row;
}

void
_waymark_layout_row_free (gpointer data)
{
  WaymarkRow *row = data;

  g_clear_object (&row->name);
  g_clear_object (&row->hint);
  waymark_item_unref (row->lane);
  g_free (row);
}

void
_waymark_layout_cells_free (WaymarkLayout *self)
{
  guint n = self->rows->len * self->columns->len;

  for (guint i = 0; i < n && self->cells; i++)
    {
      WaymarkCell *cell = &self->cells[i];

      g_ptr_array_unref (cell->cards);
      g_array_unref (cell->bands);
      _waymark_kpi_cell_clear (cell);
    }
  g_clear_pointer (&self->cells, g_free);
}

WaymarkPhase *
_waymark_layout_item_phase (gconstpointer item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
    return ((const WaymarkTouchpoint *) item)->phase;
  return ((const WaymarkNote *) item)->phase;
}

WaymarkLane *
_waymark_layout_item_lane (gconstpointer item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
    return ((const WaymarkTouchpoint *) item)->lane;
  return ((const WaymarkNote *) item)->lane;
}

/* The cell a card item belongs in, or NULL when its phase or lane is not
 * (or no longer) in the journey, or its lane draws no cards. */
WaymarkCell *
_waymark_layout_cell_for_item (WaymarkLayout *self,
                               gconstpointer  item)
{
  WaymarkColumn *column = g_hash_table_lookup (self->column_of, _waymark_layout_item_phase (item));
  WaymarkRow *row = g_hash_table_lookup (self->row_of, _waymark_layout_item_lane (item));

  if (column == NULL || row == NULL || !_waymark_row_holds_cards (row))
    return NULL;
  return _waymark_layout_cell (self, row->index, column->index);
}

/* ---- structure --------------------------------------------------------- */

static void
clear_dirty_lists (WaymarkLayout *self)
{
  for (guint i = 0; i < self->dirty_cards->len; i++)
    ((WaymarkCard *) g_ptr_array_index (self->dirty_cards, i))->dirty = FALSE;
  g_ptr_array_set_size (self->dirty_cards, 0);
  g_ptr_array_set_size (self->dirty_cells, 0);
  g_ptr_array_set_size (self->dirty_columns, 0);
  g_ptr_array_set_size (self->dirty_rows, 0);
}

/* Rebuilds columns, rows and cells from the journey.  Cards are kept (and
 * with them their text layouts) for every item still in the journey. */
void
_waymark_layout_rebuild_structure (WaymarkLayout *self)
{
  static const WaymarkItemType card_types[] = { WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_NOTE };
  GPtrArray *phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;

  self->stats.n_full++;
  clear_dirty_lists (self);
  g_array_set_size (self->emotion, 0);
  _waymark_layout_cells_free (self);
  g_hash_table_remove_all (self->column_of);
  g_hash_table_remove_all (self->row_of);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < phases->len; i++)
    {
      WaymarkColumn *column = column_new (g_ptr_array_index (phases, i), i);

      g_ptr_array_add (self->columns, column);
      g_hash_table_insert (self->column_of, column->phase, column);
      _waymark_layout_mark_column (self, column);
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkRow *row = row_new (g_ptr_array_index (lanes, i), i);

      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->row_of, row->lane, row);
      row->header_dirty = TRUE;
      _waymark_layout_mark_row (self, row);
    }

  self->cells = g_new0 (WaymarkCell, MAX (1, lanes->len * phases->len));
  for (guint r = 0; r < lanes->len; r++)
    for (guint c = 0; c < phases->len; c++)
      {
        WaymarkCell *cell = _waymark_layout_cell (self, r, c);

        cell->column = _waymark_layout_column (self, c);
        cell->row = _waymark_layout_row (self, r);
        cell->metrics = self->metrics;
        cell->cards = g_ptr_array_new ();
        cell->bands = g_array_new (FALSE, FALSE, sizeof (WaymarkBand));
        cell->n_slots = 1;
        _waymark_layout_mark_cell (self, cell);
        if (cell->row->kind == WAYMARK_LANE_KPIS)
          cell->kpi_dirty = TRUE;
      }

  /* One pass over the cards in journey order fills every cell in order. */
  for (guint t = 0; t < G_N_ELEMENTS (card_types); t++)
    {
      GPtrArray *items = waymark_journey_get_items (self->journey, card_types[t]);

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);
          WaymarkCard *card = _waymark_layout_ensure_card (self, item);
          WaymarkCell *cell;

          _waymark_card_snapshot (card);
          g_hash_table_add (seen, item);
          cell = _waymark_layout_cell_for_item (self, item);
          card->cell = cell;
          if (cell != NULL)
            {
              card->position = cell->cards->len;
              g_ptr_array_add (cell->cards, card);
            }
          _waymark_layout_mark_card (self, card);
        }
    }

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      {
        WaymarkCard *card = value;

        if (card->dirty)
          g_ptr_array_remove_fast (self->dirty_cards, card);
        g_hash_table_iter_remove (&iter);
      }

  self->structure_dirty = FALSE;
  self->header_dirty = TRUE;
  self->emotion_dirty = TRUE;
  self->x_dirty = TRUE;
  self->y_dirty = TRUE;
  self->legend_dirty = TRUE;
}
