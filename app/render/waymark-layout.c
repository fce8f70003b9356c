/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "waymark-layout-private.h"

G_DEFINE_FINAL_TYPE (WaymarkLayout, waymark_layout, G_TYPE_OBJECT)

enum {
  INVALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tolerance in map units for clicking a link. */
#define LINK_HIT_TOLERANCE 4.0

/* ---- columns, rows and cells ------------------------------------------ */

static WaymarkColumn *
column_new (WaymarkPhase *phase, guint index)
{
  WaymarkColumn *column = g_new0 (WaymarkColumn, 1);

  column->phase = waymark_item_ref (phase);
  column->index = index;
  /* No slots yet: the first measure sets the width. */
  return column;
}

static void
column_free (gpointer data)
{
  WaymarkColumn *column = data;

  g_clear_object (&column->name);
  g_clear_object (&column->count);
  waymark_item_unref (column->phase);
  g_free (column);
}

static WaymarkRow *
row_new (WaymarkLane *lane, guint index)
{
  WaymarkRow *row = g_new0 (WaymarkRow, 1);

  row->lane = waymark_item_ref (lane);
  row->kind = lane->kind;
  row->index = index;
  return row;
}

static void
row_free (gpointer data)
{
  WaymarkRow *row = data;

  g_clear_object (&row->name);
  g_clear_object (&row->hint);
  waymark_item_unref (row->lane);
  g_free (row);
}

static void
cells_free (WaymarkLayout *self)
{
  guint n = self->rows->len * self->columns->len;

  for (guint i = 0; i < n && self->cells; i++)
    {
      WaymarkCell *cell = &self->cells[i];

      g_ptr_array_unref (cell->cards);
      g_array_unref (cell->bands);
      waymark_kpi_cell_clear (cell);
    }
  g_clear_pointer (&self->cells, g_free);
}

static WaymarkPhase *
item_phase (gconstpointer item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
    return ((const WaymarkTouchpoint *) item)->phase;
  return ((const WaymarkNote *) item)->phase;
}

static WaymarkLane *
item_lane (gconstpointer item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
    return ((const WaymarkTouchpoint *) item)->lane;
  return ((const WaymarkNote *) item)->lane;
}

/* The cell a card item belongs in, or NULL when its phase or lane is not
 * (or no longer) in the journey, or its lane draws no cards. */
static WaymarkCell *
cell_for_item (WaymarkLayout *self, gconstpointer item)
{
  WaymarkColumn *column = g_hash_table_lookup (self->column_of, item_phase (item));
  WaymarkRow *row = g_hash_table_lookup (self->row_of, item_lane (item));

  if (column == NULL || row == NULL || !waymark_row_holds_cards (row))
    return NULL;
  return waymark_layout_cell (self, row->index, column->index);
}

/* ---- dirty marking ----------------------------------------------------- */

static void
mark_card (WaymarkLayout *self, WaymarkCard *card)
{
  if (card->dirty)
    return;
  card->dirty = TRUE;
  g_ptr_array_add (self->dirty_cards, card);
}

static void
enqueue_cell (WaymarkLayout *self, WaymarkCell *cell)
{
  if (!cell->dirty && !cell->kpi_dirty)
    g_ptr_array_add (self->dirty_cells, cell);
}

static void
mark_cell (WaymarkLayout *self, WaymarkCell *cell)
{
  enqueue_cell (self, cell);
  cell->dirty = TRUE;
}

static void
enqueue_column (WaymarkLayout *self, WaymarkColumn *column)
{
  if (!column->dirty && !column->header_dirty)
    g_ptr_array_add (self->dirty_columns, column);
}

/* The column's slot count may change: a cell in it gained or lost cards. */
static void
mark_column (WaymarkLayout *self, WaymarkColumn *column)
{
  enqueue_column (self, column);
  column->dirty = TRUE;
  column->header_dirty = TRUE;   /* the touchpoint count */
}

static void
mark_column_header (WaymarkLayout *self, WaymarkColumn *column)
{
  enqueue_column (self, column);
  column->header_dirty = TRUE;
}

static void
mark_row (WaymarkLayout *self, WaymarkRow *row)
{
  if (row->dirty)
    return;
  row->dirty = TRUE;
  g_ptr_array_add (self->dirty_rows, row);
}

/* The KPI summaries of @column's phase: a touchpoint with KPIs came, went
 * or changed there. */
static void
mark_kpis (WaymarkLayout *self, WaymarkColumn *column)
{
  if (column == NULL)
    return;
  for (guint r = 0; r < self->rows->len; r++)
    {
      WaymarkRow *row = waymark_layout_row (self, r);
      WaymarkCell *cell;

      if (row->kind != WAYMARK_LANE_KPIS)
        continue;
      cell = waymark_layout_cell (self, r, column->index);
      enqueue_cell (self, cell);
      cell->kpi_dirty = TRUE;
    }
}

static void
invalidate (WaymarkLayout *self)
{
  self->any_dirty = TRUE;
  self->links_dirty = TRUE;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/* ---- card placement ---------------------------------------------------- */

static void
renumber (WaymarkCell *cell)
{
  for (guint i = 0; i < cell->cards->len; i++)
    ((WaymarkCard *) g_ptr_array_index (cell->cards, i))->position = i;
}

static void
unplace_card (WaymarkLayout *self, WaymarkCard *card)
{
  WaymarkCell *cell = card->cell;

  if (cell == NULL)
    return;
  g_ptr_array_remove (cell->cards, card);
  renumber (cell);
  card->cell = NULL;
  mark_cell (self, cell);
  mark_column (self, cell->column);
}

static WaymarkCard *
ensure_card (WaymarkLayout *self, gpointer item)
{
  WaymarkCard *card = g_hash_table_lookup (self->cards, item);

  if (card == NULL)
    {
      card = waymark_card_new (item);
      waymark_card_snapshot (card);
      g_hash_table_insert (self->cards, item, card);
      mark_card (self, card);
    }
  return card;
}

/* Collects the cell's cards again in journey order.  Cells hold the
 * cards whose phase and lane name them, touchpoints before notes.  This
 * is O(cards in the journey) but only runs when a card enters, leaves or
 * moves within the cell, never for an edit of its contents. */
static void
rescan_cell (WaymarkLayout *self, WaymarkCell *cell)
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

          if (item_phase (item) != cell->column->phase || item_lane (item) != cell->row->lane)
            continue;
          card = ensure_card (self, item);
          if (card->cell != NULL && card->cell != cell)
            unplace_card (self, card);
          card->cell = cell;
          card->position = cell->cards->len;
          g_ptr_array_add (cell->cards, card);
        }
    }
  mark_cell (self, cell);
  mark_column (self, cell->column);
}

static void
place_card (WaymarkLayout *self, WaymarkCard *card)
{
  WaymarkCell *cell = cell_for_item (self, card->item);

  if (cell != NULL)
    rescan_cell (self, cell);
}

static void
remove_card (WaymarkLayout *self, WaymarkCard *card)
{
  unplace_card (self, card);
  if (card->dirty)
    g_ptr_array_remove_fast (self->dirty_cards, card);
  g_hash_table_remove (self->cards, card->item);
}

/* ---- change handling --------------------------------------------------- */

static void
card_changed (WaymarkLayout *self, const WaymarkChange *change)
{
  WaymarkCard *card = g_hash_table_lookup (self->cards, change->item);
  WaymarkColumn *old_column;
  WaymarkCardChanges changes;

  switch (change->kind)
    {
    case WAYMARK_CHANGE_INSERTED:
      card = ensure_card (self, change->item);
      place_card (self, card);
      if (card->emotion != WM_NO_EMOTION)
        self->emotion_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      break;

    case WAYMARK_CHANGE_REMOVED:
      if (card == NULL)
        break;
      if (card->emotion != WM_NO_EMOTION)
        self->emotion_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      remove_card (self, card);
      break;

    case WAYMARK_CHANGE_MOVED:
      if (card == NULL)
        break;
      if (card->cell != NULL)
        rescan_cell (self, card->cell);
      if (card->emotion != WM_NO_EMOTION)
        self->emotion_dirty = TRUE;
      if (card->kpi_hash != 0)
        mark_kpis (self, g_hash_table_lookup (self->column_of, card->phase));
      break;

    case WAYMARK_CHANGE_EDITED:
      if (card == NULL)
        break;
      old_column = g_hash_table_lookup (self->column_of, card->phase);
      changes = waymark_card_snapshot (card);
      if (changes & WM_CARD_CHANGED_CELL)
        {
          unplace_card (self, card);
          place_card (self, card);
        }
      mark_card (self, card);
      if ((changes & WM_CARD_CHANGED_EMOTION) ||
          ((changes & WM_CARD_CHANGED_CELL) && card->emotion != WM_NO_EMOTION))
        self->emotion_dirty = TRUE;
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

static void
on_journey_changed (WaymarkJourney *journey,
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
          self->header_dirty = TRUE;
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
              mark_row (self, row);
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
  invalidate (self);
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
static void
rebuild_structure (WaymarkLayout *self)
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
  cells_free (self);
  g_hash_table_remove_all (self->column_of);
  g_hash_table_remove_all (self->row_of);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < phases->len; i++)
    {
      WaymarkColumn *column = column_new (g_ptr_array_index (phases, i), i);

      g_ptr_array_add (self->columns, column);
      g_hash_table_insert (self->column_of, column->phase, column);
      mark_column (self, column);
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkRow *row = row_new (g_ptr_array_index (lanes, i), i);

      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->row_of, row->lane, row);
      row->header_dirty = TRUE;
      mark_row (self, row);
    }

  self->cells = g_new0 (WaymarkCell, MAX (1, lanes->len * phases->len));
  for (guint r = 0; r < lanes->len; r++)
    for (guint c = 0; c < phases->len; c++)
      {
        WaymarkCell *cell = waymark_layout_cell (self, r, c);

        cell->column = waymark_layout_column (self, c);
        cell->row = waymark_layout_row (self, r);
        cell->metrics = self->metrics;
        cell->cards = g_ptr_array_new ();
        cell->bands = g_array_new (FALSE, FALSE, sizeof (WaymarkBand));
        cell->n_slots = 1;
        mark_cell (self, cell);
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
          WaymarkCard *card = ensure_card (self, item);
          WaymarkCell *cell;

          waymark_card_snapshot (card);
          g_hash_table_add (seen, item);
          cell = cell_for_item (self, item);
          card->cell = cell;
          if (cell != NULL)
            {
              card->position = cell->cards->len;
              g_ptr_array_add (cell->cards, card);
            }
          mark_card (self, card);
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
column_update_header (WaymarkLayout *self, WaymarkColumn *column)
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
column_measure (WaymarkLayout *self, WaymarkColumn *column)
{
  guint most = 0;
  guint n_touchpoints = 0;
  guint slots;
  double old_width = column->width;

  self->stats.n_columns_measured++;
  for (guint r = 0; r < self->rows->len; r++)
    {
      WaymarkCell *cell = waymark_layout_cell (self, r, column->index);

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
          WaymarkCell *cell = waymark_layout_cell (self, r, column->index);

          mark_cell (self, cell);
          if (cell->row->kind == WAYMARK_LANE_KPIS)
            cell->kpi_dirty = TRUE;
        }
    }
  return column->width != old_width;
}

static void
row_update_header (WaymarkLayout *self, WaymarkRow *row)
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
row_measure (WaymarkLayout *self, WaymarkRow *row)
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
      height = MAX (height, waymark_layout_cell (self, row->index, c)->height);
  height = MAX (height, row->header_height);
  row->height = height;
  row->dirty = FALSE;
  return height != old;
}

static char *
join_personas (WaymarkJourney *journey)
{
  GPtrArray *personas = waymark_journey_get_items (journey, WAYMARK_ITEM_PERSONA);
  g_autoptr(GString) names = g_string_new (NULL);

  if (personas->len == 0)
    return NULL;
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, persona->name ? persona->name : "");
    }
  /* TRANSLATORS: the travellers of the journey map, e.g. "Persona: Running beginner" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Persona: %s", "Personas: %s", personas->len),
                          names->str);
}

static void
header_update (WaymarkLayout *self)
{
  const char *title = waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE);
  const char *subject = waymark_journey_get_text (self->journey, WAYMARK_FIELD_SUBJECT);
  const char *goal = waymark_journey_get_text (self->journey, WAYMARK_FIELD_GOAL);
  gboolean intended = waymark_journey_get_state (self->journey) == WAYMARK_STATE_INTENDED;
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *personas = join_personas (self->journey);
  double x = self->metrics->margin;
  double y = self->metrics->margin;
  double bw, bh, w, h;

  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->personas);
  g_clear_object (&self->badge);

  self->badge = waymark_text_cache_create (self->text, WAYMARK_TEXT_BADGE,
                                           intended ? _("Intended journey") : _("As-is journey"), -1, 1);
  waymark_text_get_size (self->badge, &bw, &bh);
  self->badge_rect = WAYMARK_RECT_INIT (x + self->content_width - (bw + 24), y + 6, bw + 24, bh + 10);

  self->title = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_TITLE,
                                           title ? title : _("Untitled journey"),
                                           self->content_width - self->badge_rect.width - 32, 2);
  waymark_text_get_size (self->title, &w, &h);
  self->title_rect = WAYMARK_RECT_INIT (x, y, w, h);
  y += h;

  if (subject)
    g_string_append (sub, subject);
  if (goal)
    {
      if (sub->len)
        g_string_append (sub, "   ·   ");
      /* TRANSLATORS: the goal of the journey, e.g. "Goal: Purchase" */
      g_string_append_printf (sub, _("Goal: %s"), goal);
    }
  self->subtitle_rect = WAYMARK_RECT_INIT (x, y, 0, 0);
  if (sub->len)
    {
      self->subtitle = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_SUBTITLE, sub->str,
                                                  self->content_width, 2);
      waymark_text_get_size (self->subtitle, &w, &h);
      self->subtitle_rect = WAYMARK_RECT_INIT (x, y + 6, w, h);
      y += 6 + h;
    }
  self->personas_rect = WAYMARK_RECT_INIT (x, y, 0, 0);
  if (personas)
    {
      self->personas = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_SUBTITLE, personas,
                                                  self->content_width, 2);
      waymark_text_get_size (self->personas, &w, &h);
      self->personas_rect = WAYMARK_RECT_INIT (x, y + 4, w, h);
      y += 4 + h;
    }
  self->header = WAYMARK_RECT_INIT (self->metrics->margin, self->metrics->margin, self->content_width, y - self->metrics->margin);
  self->header_dirty = FALSE;
}

static void
update_x (WaymarkLayout *self)
{
  double x = self->metrics->margin + self->metrics->lane_header_width + self->metrics->gap;
  double content;

  self->grid_x = x;
  for (guint c = 0; c < self->columns->len; c++)
    {
      WaymarkColumn *column = waymark_layout_column (self, c);

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
      WaymarkRow *row = waymark_layout_row (self, r);

      row->y = y;
      y += row->height + self->metrics->gap;
    }
  if (self->rows->len == 0)
    y += (2 * self->metrics->cell_pad + WM_CARD_MIN_HEIGHT) + self->metrics->gap;
  self->rows_bottom = y - self->metrics->gap;
  self->legend_rect.y = self->rows_bottom + self->metrics->legend_gap;
  self->y_dirty = FALSE;
}

static void
update_empty_hint (WaymarkLayout *self)
{
  const char *hint = NULL;

  if (self->columns->len == 0 && self->rows->len == 0)
    hint = _("No phases and no lanes yet");
  else if (self->columns->len == 0)
    hint = _("No phases yet");
  else if (self->rows->len == 0)
    hint = _("No lanes yet");

  g_clear_object (&self->empty_hint);
  if (hint)
    self->empty_hint = waymark_text_cache_create (self->text, WAYMARK_TEXT_PLACEHOLDER, hint,
                                                  self->metrics->card_width, 3);
}

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
      rebuild_structure (self);
      update_empty_hint (self);
    }

  /* Cards: a card whose height changed makes its cell flow again. */
  for (guint i = 0; i < self->dirty_cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (self->dirty_cards, i);

      card->dirty = FALSE;
      if (waymark_card_measure (card, self->metrics, self->text, &self->stats.n_cards_measured) && card->cell)
        mark_cell (self, card->cell);
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

      if (cell->dirty && waymark_row_holds_cards (cell->row))
        {
          waymark_cell_flow (cell);
          self->stats.n_cells_flowed++;
        }
      if (cell->kpi_dirty && cell->row->kind == WAYMARK_LANE_KPIS)
        waymark_kpi_cell_build (cell, self);
      cell->dirty = FALSE;
      cell->kpi_dirty = FALSE;
      if (cell->height != old)
        mark_row (self, cell->row);
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

      header_update (self);
      if (self->header.height != old)
        self->y_dirty = TRUE;
    }
  if (self->y_dirty)
    update_y (self);
  if (self->legend_dirty)
    {
      waymark_legend_build (self);
      self->legend_dirty = FALSE;
    }
  if (self->emotion_dirty)
    {
      waymark_emotion_build (self);
      self->stats.n_emotion_layouts++;
      self->emotion_dirty = FALSE;
    }

  /* Whole units, rounded up: images, pages and tiles come out exact. */
  self->width = ceil (2 * self->metrics->margin + self->content_width - 1e-6);
  self->height = ceil (self->legend_rect.y + self->legend_rect.height + self->metrics->margin - 1e-6);
  self->stats.n_text_layouts += waymark_text_cache_get_n_created (self->text) - n_text;
  self->any_dirty = FALSE;
  self->links_dirty = TRUE;
  self->updating = FALSE;
}

/* ---- GObject ----------------------------------------------------------- */

static void
waymark_layout_dispose (GObject *object)
{
  WaymarkLayout *self = WAYMARK_LAYOUT (object);

  if (self->journey)
    {
      g_clear_signal_handler (&self->changed_id, self->journey);
      g_clear_object (&self->journey);
    }
  G_OBJECT_CLASS (waymark_layout_parent_class)->dispose (object);
}

static void
waymark_layout_finalize (GObject *object)
{
  WaymarkLayout *self = WAYMARK_LAYOUT (object);

  cells_free (self);
  g_clear_pointer (&self->dirty_cards, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_cells, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_columns, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_clear_pointer (&self->emotion, g_array_unref);
  g_clear_pointer (&self->link_routes, waymark_link_routes_free);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  waymark_legend_clear (self);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->personas);
  g_clear_object (&self->badge);
  g_clear_object (&self->empty_hint);
  g_clear_pointer (&self->text, waymark_text_cache_free);

  G_OBJECT_CLASS (waymark_layout_parent_class)->finalize (object);
}

static void
waymark_layout_class_init (WaymarkLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_layout_dispose;
  object_class->finalize = waymark_layout_finalize;

  /**
   * WaymarkLayout::invalidated:
   *
   * The journey changed: the geometry is out of date until the next
   * waymark_layout_update() (the canvas queues a resize and a redraw).
   */
  signals[INVALIDATED] =
    g_signal_new ("invalidated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
waymark_layout_init (WaymarkLayout *self)
{
  self->density = WAYMARK_LAYOUT_DENSITY_SCREEN;
  self->metrics = waymark_metrics_get (self->density);
  self->max_slots = WM_MAX_SLOTS;
  self->stack_target = WAYMARK_LAYOUT_STACK_TARGET;
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->column_of = g_hash_table_new (NULL, NULL);
  self->row_of = g_hash_table_new (NULL, NULL);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) waymark_card_free);
  self->emotion = g_array_new (FALSE, TRUE, sizeof (WaymarkEmotionPoint));
  self->links_dirty = TRUE;
  self->legend = g_array_new (FALSE, TRUE, sizeof (WaymarkLegendItem));
  self->dirty_cards = g_ptr_array_new ();
  self->dirty_cells = g_ptr_array_new ();
  self->dirty_columns = g_ptr_array_new ();
  self->dirty_rows = g_ptr_array_new ();
  self->content_width = self->metrics->min_content_width;
}

PangoContext *
waymark_layout_create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions make line breaks and sizes
   * independent of the zoom and the surface: what the canvas shows is
   * what the PDF holds.  No hinting and grey antialiasing keep image
   * output the same on every machine with the same fonts. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

WaymarkLayout *
waymark_layout_new (WaymarkJourney *journey, PangoContext *context)
{
  WaymarkLayout *self;
  PangoContext *own = NULL;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  if (context == NULL)
    context = own = waymark_layout_create_pango_context ();

  self = g_object_new (WAYMARK_TYPE_LAYOUT, NULL);
  self->journey = g_object_ref (journey);
  self->text = waymark_text_cache_new (context);
  g_clear_object (&own);
  self->changed_id = g_signal_connect (journey, "changed", G_CALLBACK (on_journey_changed), self);
  self->structure_dirty = TRUE;
  self->any_dirty = TRUE;
  return self;
}

WaymarkJourney *
waymark_layout_get_journey (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), NULL);
  return self->journey;
}

PangoContext *
waymark_layout_get_pango_context (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), NULL);
  return waymark_text_cache_get_context (self->text);
}

WaymarkTextCache *
waymark_layout_get_text_cache (WaymarkLayout *self)
{
  return self->text;
}

void
waymark_layout_invalidate (WaymarkLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  /* Layouts made for the old context must go, not just be re-measured. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WaymarkCard *card = value;

      g_clear_object (&card->text);
      g_clear_object (&card->emotion_label);
      card->natural_height = 0;
    }
  g_array_set_size (self->emotion, 0);
  waymark_text_cache_clear_labels (self->text);
  self->structure_dirty = TRUE;
  invalidate (self);
}

void
waymark_layout_set_max_slots (WaymarkLayout *self, guint max_slots)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  max_slots = CLAMP (max_slots, 1, WM_MAX_SLOTS);
  if (max_slots == self->max_slots)
    return;
  self->max_slots = max_slots;
  /* Column widths change, so the grid is rebuilt; card text is kept. */
  self->structure_dirty = TRUE;
  invalidate (self);
}

guint
waymark_layout_get_max_slots (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WM_MAX_SLOTS);
  return self->max_slots;
}

void
waymark_layout_set_stack_target (WaymarkLayout *self, guint stack_target)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  stack_target = MAX (stack_target, 1);
  if (stack_target == self->stack_target)
    return;
  self->stack_target = stack_target;
  self->structure_dirty = TRUE;
  invalidate (self);
}

guint
waymark_layout_get_stack_target (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WAYMARK_LAYOUT_STACK_TARGET);
  return self->stack_target;
}

void
waymark_layout_set_density (WaymarkLayout *self, WaymarkLayoutDensity density)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  if (density == self->density)
    return;
  self->density = density;
  self->metrics = waymark_metrics_get (density);
  waymark_text_cache_set_print (self->text, density == WAYMARK_LAYOUT_DENSITY_PRINT);
  /* Cards wrap at a new width and text sizes change: every layout goes. */
  waymark_layout_invalidate (self);
}

WaymarkLayoutDensity
waymark_layout_get_density (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WAYMARK_LAYOUT_DENSITY_SCREEN);
  return self->density;
}

gboolean
waymark_layout_is_dirty (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  return self->any_dirty;
}

/* ---- geometry queries -------------------------------------------------- */

void
waymark_layout_get_size (WaymarkLayout *self, double *width, double *height)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  if (width)
    *width = self->width;
  if (height)
    *height = self->height;
}

gboolean
waymark_layout_get_card_rect (WaymarkLayout *self, gconstpointer item, WaymarkRect *rect)
{
  WaymarkCard *card;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  waymark_layout_update (self);
  card = item ? g_hash_table_lookup (self->cards, item) : NULL;
  if (card == NULL || card->cell == NULL)
    return FALSE;
  waymark_card_get_rect (card, rect);
  return TRUE;
}

gboolean
waymark_layout_get_cell_rect (WaymarkLayout *self, WaymarkPhase *phase, WaymarkLane *lane, WaymarkRect *rect)
{
  WaymarkColumn *column;
  WaymarkRow *row;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);

  waymark_layout_update (self);
  column = g_hash_table_lookup (self->column_of, phase);
  row = g_hash_table_lookup (self->row_of, lane);
  if (column == NULL || row == NULL)
    return FALSE;
  waymark_cell_get_rect (waymark_layout_cell (self, row->index, column->index), rect);
  return TRUE;
}

gboolean
waymark_layout_get_phase_rect (WaymarkLayout *self, WaymarkPhase *phase, WaymarkRect *rect)
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
waymark_layout_get_phase_header_rect (WaymarkLayout *self, WaymarkPhase *phase, WaymarkRect *rect)
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
waymark_layout_get_lane_rect (WaymarkLayout *self, WaymarkLane *lane, WaymarkRect *rect)
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
waymark_layout_get_lane_header_rect (WaymarkLayout *self, WaymarkLane *lane, WaymarkRect *rect)
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
waymark_layout_get_header_rect (WaymarkLayout *self, WaymarkRect *rect)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  *rect = self->header;
}

void
waymark_layout_get_grid_rect (WaymarkLayout *self, WaymarkRect *rect)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  waymark_layout_update (self);
  *rect = WAYMARK_RECT_INIT (self->grid_x, self->phase_y,
                             self->grid_right - self->grid_x, self->rows_bottom - self->phase_y);
}

void
waymark_layout_get_legend_rect (WaymarkLayout *self, WaymarkRect *rect)
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
    *x = waymark_emotion_point_x (p);
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
  if (column == NULL || row == NULL || !waymark_row_holds_cards (row))
    return FALSE;
  cell = waymark_layout_cell (self, row->index, column->index);
  waymark_cell_get_rect (cell, &cr);
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
static guint
column_lower_bound (WaymarkLayout *self, double x)
{
  guint lo = 0, hi = self->columns->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WaymarkColumn *column = waymark_layout_column (self, mid);

      if (column->x + column->width + self->metrics->gap / 2 <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
row_lower_bound (WaymarkLayout *self, double y)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WaymarkRow *row = waymark_layout_row (self, mid);

      if (row->y + row->height + self->metrics->gap / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
waymark_layout_column_range (WaymarkLayout *self, double x1, double x2, guint *first, guint *last)
{
  guint a, b;

  if (self->columns->len == 0)
    return FALSE;
  a = column_lower_bound (self, x1);
  if (a == self->columns->len || waymark_layout_column (self, a)->x - self->metrics->gap / 2 >= x2)
    return FALSE;
  b = column_lower_bound (self, x2);
  if (b == self->columns->len)
    b = self->columns->len - 1;
  /* Keep b's left edge before x2. */
  while (b > a && waymark_layout_column (self, b)->x - self->metrics->gap / 2 >= x2)
    b--;
  *first = a;
  *last = b;
  return TRUE;
}

gboolean
waymark_layout_row_range (WaymarkLayout *self, double y1, double y2, guint *first, guint *last)
{
  guint a, b;

  if (self->rows->len == 0)
    return FALSE;
  a = row_lower_bound (self, y1);
  if (a == self->rows->len || waymark_layout_row (self, a)->y - self->metrics->gap / 2 >= y2)
    return FALSE;
  b = row_lower_bound (self, y2);
  if (b == self->rows->len)
    b = self->rows->len - 1;
  while (b > a && waymark_layout_row (self, b)->y - self->metrics->gap / 2 >= y2)
    b--;
  *first = a;
  *last = b;
  return TRUE;
}

gboolean
waymark_cell_band_range (WaymarkCell *cell, double y1, double y2, guint *first, guint *last)
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

/* ---- hit testing ------------------------------------------------------- */

static double
segment_distance (double px, double py, double ax, double ay, double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static double
piece_distance (const WaymarkLinkPiece *piece, double x, double y)
{
  const double *p = piece->p;
  double best, px = p[0], py = p[1];

  if (!piece->curve)
    return segment_distance (x, y, p[0], p[1], p[6], p[7]);
  best = G_MAXDOUBLE;
  for (int s = 1; s <= 8; s++)
    {
      double t = s / 8.0, u = 1 - t;
      double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
      double qx = a * p[0] + b * p[2] + c * p[4] + d * p[6];
      double qy = a * p[1] + b * p[3] + c * p[5] + d * p[7];

      best = MIN (best, segment_distance (x, y, px, py, qx, qy));
      px = qx;
      py = qy;
    }
  return best;
}

static WaymarkLink *
hit_link (WaymarkLayout *self, double x, double y)
{
  WaymarkLinkRoutes *routes = waymark_layout_get_link_routes (self);
  WaymarkRect near = WAYMARK_RECT_INIT (x - LINK_HIT_TOLERANCE, y - LINK_HIT_TOLERANCE,
                                        2 * LINK_HIT_TOLERANCE, 2 * LINK_HIT_TOLERANCE);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  const WaymarkLinkRoute *best = NULL;

  /* The pieces near the point, from the tile index; the last drawn is on
   * top. */
  waymark_link_routes_query (routes, &near, pieces);
  for (guint i = 0; i < pieces->len; i++)
    {
      const WaymarkLinkPiece *piece = waymark_link_routes_get_piece (routes, g_array_index (pieces, guint, i));
      const WaymarkLinkRoute *route = waymark_link_routes_get (routes, piece->route);

      if (best != NULL && route <= best)
        continue;
      if (piece_distance (piece, x, y) <= LINK_HIT_TOLERANCE ||
          hypot (x - route->tip_x, y - route->tip_y) <= route->head_length)
        best = route;
    }
  return best ? best->link : NULL;
}

gboolean
waymark_layout_hit_test (WaymarkLayout *self, double x, double y, WaymarkHit *hit)
{
  WaymarkColumn *column = NULL;
  WaymarkRow *row = NULL;
  WaymarkCell *cell;
  WaymarkLink *link;
  guint c, r;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  waymark_layout_update (self);
  *hit = (WaymarkHit) { WAYMARK_HIT_NONE, NULL, NULL, NULL, 0 };

  c = column_lower_bound (self, x);
  if (c < self->columns->len && x >= self->grid_x - self->metrics->gap / 2 &&
      x >= waymark_layout_column (self, c)->x - self->metrics->gap / 2)
    column = waymark_layout_column (self, c);
  r = row_lower_bound (self, y);
  if (r < self->rows->len && y >= self->rows_y - self->metrics->gap / 2 &&
      y >= waymark_layout_row (self, r)->y - self->metrics->gap / 2)
    row = waymark_layout_row (self, r);
  hit->phase = column ? column->phase : NULL;
  hit->lane = row ? row->lane : NULL;

  link = hit_link (self, x, y);
  if (link != NULL)
    {
      hit->kind = WAYMARK_HIT_LINK;
      hit->item = link;
      return TRUE;
    }

  /* Phase headers */
  if (column && y >= self->phase_y && y < self->phase_y + WM_PHASE_HEADER_HEIGHT)
    {
      hit->kind = WAYMARK_HIT_PHASE_HEADER;
      hit->item = column->phase;
      hit->lane = NULL;
      return TRUE;
    }
  /* Lane headers */
  if (row && x >= self->metrics->margin && x < self->metrics->margin + self->metrics->lane_header_width)
    {
      hit->kind = WAYMARK_HIT_LANE_HEADER;
      hit->item = row->lane;
      hit->phase = NULL;
      return TRUE;
    }
  if (column == NULL || row == NULL)
    {
      hit->phase = NULL;
      hit->lane = NULL;
      return FALSE;
    }

  cell = waymark_layout_cell (self, row->index, column->index);
  hit->kind = WAYMARK_HIT_CELL;

  if (row->kind == WAYMARK_LANE_EMOTION)
    {
      /* Points are sorted by x: look at the ones near x only. */
      for (guint i = waymark_emotion_lower_bound (self, x - 2 * WM_EMOTION_RADIUS); i < self->emotion->len; i++)
        {
          const WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
          double px = waymark_emotion_point_x (p);

          if (px > x + 2 * WM_EMOTION_RADIUS)
            break;
          if (hypot (px - x, row->y + p->rel_y - y) <= WM_EMOTION_RADIUS + 3)
            {
              hit->kind = WAYMARK_HIT_EMOTION_POINT;
              hit->item = p->touchpoint;
              break;
            }
        }
      return TRUE;
    }

  if (waymark_row_holds_cards (row))
    {
      double rx = x - column->x;
      double ry = y - row->y;
      guint first, last;

      hit->index = waymark_cell_insertion_index (cell, rx, ry);
      if (waymark_cell_band_range (cell, ry, ry + 0.001, &first, &last))
        {
          guint start = first * cell->n_slots;
          guint end = MIN ((last + 1) * cell->n_slots, cell->cards->len);

          for (guint i = start; i < end; i++)
            {
              WaymarkCard *card = g_ptr_array_index (cell->cards, i);

              if (rx >= card->x && rx < card->x + card->width &&
                  ry >= card->y && ry < card->y + card->height)
                {
                  hit->kind = WAYMARK_HIT_CARD;
                  hit->item = card->item;
                  break;
                }
            }
        }
    }
  return TRUE;
}

void
waymark_layout_get_stats (WaymarkLayout *self, WaymarkLayoutStats *stats)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  *stats = self->stats;
}

void
waymark_layout_reset_stats (WaymarkLayout *self)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  memset (&self->stats, 0, sizeof self->stats);
}
