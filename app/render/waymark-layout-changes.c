/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a change of the journey marks dirty: the dirty lists that
 * waymark_layout_update() works through, placing cards in their cells,
 * and the handler of WaymarkJourney::changed. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"

/* ---- dirty marking ----------------------------------------------------- */

void
_waymark_layout_mark_card (WaymarkLayout *self,
                           WaymarkCard   *card)
{
  if (card->dirty)
    return;
  card->dirty = TRUE;
  g_ptr_array_add (self->dirty_cards, card);
}

static void
enqueue_cell (WaymarkLayout *self,
              WaymarkCell   *cell)
{
  if (!cell->dirty && !cell->kpi_dirty)
    g_ptr_array_add (self->dirty_cells, cell);
}

void
_waymark_layout_mark_cell (WaymarkLayout *self,
                           WaymarkCell   *cell)
{
  enqueue_cell (self, cell);
  cell->dirty = TRUE;
}

static void
enqueue_column (WaymarkLayout *self,
                WaymarkColumn *column)
{
  if (!column->dirty && !column->header_dirty)
    g_ptr_array_add (self->dirty_columns, column);
}

/* The column's slot count may change: a cell in it gained or lost cards. */
void
_waymark_layout_mark_column (WaymarkLayout *self,
                             WaymarkColumn *column)
{
  enqueue_column (self, column);
  column->dirty = TRUE;
  column->header_dirty = TRUE;   /* the touchpoint count */
}

static void
mark_column_header (WaymarkLayout *self,
                    WaymarkColumn *column)
{
  enqueue_column (self, column);
  column->header_dirty = TRUE;
}

void
_waymark_layout_mark_row (WaymarkLayout *self,
                          WaymarkRow    *row)
{
  if (row->dirty)
    return;
  row->dirty = TRUE;
  g_ptr_array_add (self->dirty_rows, row);
}

/* The KPI summaries of @column's phase: a touchpoint with KPIs came, went
 * or changed there. */
static void
mark_kpis (WaymarkLayout *self,
           WaymarkColumn *column)
{
  if (column == NULL)
    return;
  for (guint r = 0; r < self->rows->len; r++)
    {
      WaymarkRow *row = _waymark_layout_row (self, r);
      WaymarkCell *cell;

      if (row->kind != WAYMARK_LANE_KPIS)
        continue;
      cell = _waymark_layout_cell (self, r, column->index);
      enqueue_cell (self, cell);
      cell->kpi_dirty = TRUE;
    }
}

/* ---- card placement ---------------------------------------------------- */

static void
renumber (WaymarkCell *cell)
{
  for (guint i = 0; i < cell->cards->len; i++)
    ((WaymarkCard *) g_ptr_array_index (cell->cards, i))->position = i;
}

static void
unplace_card (WaymarkLayout *self,
              WaymarkCard   *card)
{
  WaymarkCell *cell = card->cell;

  if (cell == NULL)
    return;
  g_ptr_array_remove (cell->cards, card);
  renumber (cell);
  card->cell = NULL;
  _waymark_layout_mark_cell (self, cell);
  _waymark_layout_mark_column (self, cell->column);
}

WaymarkCard *
_waymark_layout_ensure_card (WaymarkLayout *self,
                             gpointer       item)
{
  WaymarkCard *card = g_hash_table_lookup (self->cards, item);

  if (card == NULL)
    {
      card = _waymark_card_new (item);
      _waymark_card_snapshot (card);
      g_hash_table_insert (self->cards, item, card);
      _waymark_layout_mark_card (self, card);
    }
  return card;
}

/* Collects the cell's cards again in journey order.  Cells hold the
 * cards whose phase and lane name them, touchpoints before notes.  This
 * is O(cards in the journey) but only runs when a card enters, leaves or
 * moves within the cell, never for an edit of its contents. */
static void
rescan_cell (WaymarkLayout *self,
             WaymarkCell   *cell)
{
  static const WaymarkItemType types[] = { WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_NOTE };

  g_ptr_array_set_size (cell->cards, 0);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GPtrArray *items = waymark_journey_get_items (self->journey, types[t]);

      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);
          WaymarkCard *card;

          if (_waymark_layout_item_phase (item) != cell->column->phase || _waymark_layout_item_lane (item) != cell->row->lane)
            continue;
          card = _waymark_layout_ensure_card (self, item);
          if (card->cell != NULL && card->cell != cell)
            unplace_card (self, card);
          card->cell = cell;
          card->position = cell->cards->len;
          g_ptr_array_add (cell->cards, card);
        }
    }
  _waymark_layout_mark_cell (self, cell);
  _waymark_layout_mark_column (self, cell->column);
}

static void
place_card (WaymarkLayout *self,
            WaymarkCard   *card)
{
  WaymarkCell *cell = _waymark_layout_cell_for_item (self, card->item);

  if (cell != NULL)
    rescan_cell (self, cell);
}

static void
remove_card (WaymarkLayout *self,
             WaymarkCard   *card)
{
  unplace_card (self, card);
  if (card->dirty)
    g_ptr_array_remove_fast (self->dirty_cards, card);
  g_hash_table_remove (self->cards, card->item);
}

/* ---- change handling --------------------------------------------------- */

static void
card_changed (WaymarkLayout       *self,
              const WaymarkChange *change)
{
  WaymarkCard *card = g_hash_table_lookup (self->cards, change->item);
  WaymarkColumn *old_column;
  WaymarkCardChanges changes;

  switch (change->kind)
    {
    case WAYMARK_CHANGE_INSERTED:
      card = _waymark_layout_ensure_card (self, change->item);
      place_card (self, card);
      if (card->emotion != WM_NO_EMOTION)
        self->emotion_dirty = TRUE;
      if (card->persona_hash != 0)
        self->emotion_dirty = self->legend_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      break;

    case WAYMARK_CHANGE_REMOVED:
      if (card == NULL)
        break;
      if (card->emotion != WM_NO_EMOTION)
        self->emotion_dirty = TRUE;
      if (card->persona_hash != 0)
        self->emotion_dirty = self->legend_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      remove_card (self, card);
      break;

    case WAYMARK_CHANGE_MOVED:
      if (card == NULL)
        break;
      if (card->cell != NULL)
        rescan_cell (self, card->cell);
      if (card->emotion != WM_NO_EMOTION || card->persona_hash != 0)
        self->emotion_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      break;

    case WAYMARK_CHANGE_EDITED:
      if (card == NULL)
        break;
      old_column = g_hash_table_lookup (self->column_of, card->phase);
      changes = _waymark_card_snapshot (card);
      if (changes & WM_CARD_CHANGED_CELL)
        {
          unplace_card (self, card);
          place_card (self, card);
        }
      _waymark_layout_mark_card (self, card);
      if ((changes & WM_CARD_CHANGED_EMOTION) ||
          ((changes & WM_CARD_CHANGED_CELL) && (card->emotion != WM_NO_EMOTION || card->persona_hash != 0)))
        self->emotion_dirty = TRUE;
      /* The legend names the personas that have curves. */
      if (changes & WM_CARD_CHANGED_PERSONAS)
        self->legend_dirty = TRUE;
      if ((changes & WM_CARD_CHANGED_KPIS) ||
          ((changes & WM_CARD_CHANGED_CELL) && card->kpi_hash != 0))
        {
          mark_kpis (self, old_column);
          mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
        }
      break;

    case WAYMARK_CHANGE_PROPERTIES:
    case WAYMARK_CHANGE_RELOADED:
    default:
      break;
    }
}

void
_waymark_layout_on_journey_changed (WaymarkJourney *journey,
                                    WaymarkChange  *change,
                                    WaymarkLayout  *self)
{
  WaymarkColumn *column;
  WaymarkRow *row;

  switch (change->kind)
    {
    case WAYMARK_CHANGE_PROPERTIES:
      self->header_dirty = TRUE;
      break;

    case WAYMARK_CHANGE_RELOADED:
      self->structure_dirty = TRUE;
      break;

    case WAYMARK_CHANGE_INSERTED:
    case WAYMARK_CHANGE_REMOVED:
    case WAYMARK_CHANGE_MOVED:
    case WAYMARK_CHANGE_EDITED:
    default:
      if (self->structure_dirty)
        break;   /* everything is rebuilt anyway */
      switch (waymark_item_get_item_type (change->item))
        {
        case WAYMARK_ITEM_PERSONA:
          /* Its name is in the header and the legend; its place in the
           * list is its curve's style. */
          self->header_dirty = TRUE;
          self->legend_dirty = TRUE;
          self->emotion_dirty = TRUE;
          break;

        case WAYMARK_ITEM_PHASE:
          column = g_hash_table_lookup (self->column_of, change->item);
          if (change->kind == WAYMARK_CHANGE_EDITED && column != NULL)
            mark_column_header (self, column);   /* a rename: the width does not follow the name */
          else
            self->structure_dirty = TRUE;
          break;

        case WAYMARK_ITEM_LANE:
          row = g_hash_table_lookup (self->row_of, change->item);
          if (change->kind == WAYMARK_CHANGE_EDITED && row != NULL &&
              row->kind == ((WaymarkLane *) change->item)->kind)
            {
              row->header_dirty = TRUE;
              _waymark_layout_mark_row (self, row);
            }
          else
            self->structure_dirty = TRUE;
          break;

        case WAYMARK_ITEM_TOUCHPOINT:
        case WAYMARK_ITEM_NOTE:
          card_changed (self, change);
          break;

        case WAYMARK_ITEM_CHANNEL:
        case WAYMARK_ITEM_LINK:
        case WAYMARK_N_ITEM_TYPES:
        default:
          /* Channel names and links are looked up when painting: nothing
           * to lay out, but the map must be drawn again. */
          break;
        }
      break;
    }
  _waymark_layout_mark_invalid (self);
}
