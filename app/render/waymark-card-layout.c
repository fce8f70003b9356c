/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"
#include "waymark-votes.h"

WaymarkCard *
_waymark_card_new (gpointer item)
{
  WaymarkCard *card = g_new0 (WaymarkCard, 1);

  card->item = waymark_item_ref (item);
  card->emotion = WM_NO_EMOTION;
  card->emotion_index = -1;
  card->slot_rel_x = -1;
  return card;
}

void
_waymark_card_free (WaymarkCard *card)
{
  g_clear_object (&card->text);
  g_clear_object (&card->emotion_label);
  g_free (card->emotion_note);
  waymark_item_unref (card->item);
  g_free (card);
}

WaymarkCardChanges
_waymark_card_snapshot (WaymarkCard *card)
{
  WaymarkCardChanges changes = 0;
  WaymarkPhase *phase;
  WaymarkLane *lane;

  if (waymark_item_get_item_type (card->item) == WAYMARK_ITEM_TOUCHPOINT)
    {
      WaymarkTouchpoint *tp = card->item;
      int emotion = tp->has_emotion ? CLAMP (tp->emotion, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX)
                                    : WM_NO_EMOTION;
      guint kpi_hash = _waymark_kpi_hash (tp);

      phase = tp->phase;
      lane = tp->lane;
      if (emotion != card->emotion || g_strcmp0 (tp->emotion_note, card->emotion_note) != 0)
        {
          changes |= WM_CARD_CHANGED_EMOTION;
          card->emotion = emotion;
          g_free (card->emotion_note);
          card->emotion_note = g_strdup (tp->emotion_note);
        }
      guint persona_hash = _waymark_persona_marks_hash (tp);

      if (persona_hash != card->persona_hash)
        {
          changes |= WM_CARD_CHANGED_EMOTION | WM_CARD_CHANGED_PERSONAS;
          card->persona_hash = persona_hash;
        }
      if (kpi_hash != card->kpi_hash)
        {
          changes |= WM_CARD_CHANGED_KPIS;
          card->kpi_hash = kpi_hash;
        }
    }
  else
    {
      WaymarkNote *note = card->item;

      phase = note->phase;
      lane = note->lane;
    }
  if (phase != card->phase || lane != card->lane)
    {
      changes |= WM_CARD_CHANGED_CELL;
      card->phase = phase;
      card->lane = lane;
    }
  return changes;
}

gboolean
_waymark_card_measure (WaymarkCard          *card,
                       const WaymarkMetrics *m,
                       WaymarkTextCache     *text,
                       guint                *n_measured)
{
  gboolean is_touchpoint = waymark_item_get_item_type (card->item) == WAYMARK_ITEM_TOUCHPOINT;
  /* A touchpoint shows its votes on the channel row it always has; a
   * note grows by a row for them. */
  gboolean votes_row = !is_touchpoint && waymark_votes_get (card->item) > 0;
  const char *s;
  double h, natural;

  s = is_touchpoint ? ((WaymarkTouchpoint *) card->item)->title : ((WaymarkNote *) card->item)->text;
  if (card->text == NULL)
    {
      if (is_touchpoint)
        card->text = waymark_text_cache_create (text, WAYMARK_TEXT_CARD_TITLE, s,
                                                m->card_width - 2 * m->card_pad, WM_CARD_TITLE_LINES);
      else
        card->text = waymark_text_cache_create (text, WAYMARK_TEXT_NOTE, s,
                                                m->card_width - 2 * m->note_pad, WM_NOTE_LINES);
      (*n_measured)++;
    }
  else if (waymark_text_set_text (card->text, s))
    (*n_measured)++;
  else if (card->natural_height > 0 && votes_row == card->votes_row)
    return FALSE;   /* same text, same height: nothing to do */
  card->votes_row = votes_row;

  waymark_text_get_size (card->text, NULL, &h);
  if (is_touchpoint)
    natural = 2 * m->card_pad + WM_CARD_CHANNEL_ROW + m->card_row_gap + h + m->card_row_gap + WM_CARD_META_ROW;
  else
    natural = MAX (WM_NOTE_MIN_HEIGHT, 2 * m->note_pad + h + (votes_row ? WM_NOTE_VOTES_ROW : 0));

  if (natural == card->natural_height)
    return FALSE;
  card->natural_height = natural;
  return TRUE;
}

double
_waymark_cell_content_x (WaymarkCell *cell,
                         guint        slot)
{
  const WaymarkMetrics *m = cell->metrics;

  return m->cell_pad + slot * (m->card_width + m->slot_gap);
}

void
_waymark_cell_flow (WaymarkCell *cell)
{
  const WaymarkMetrics *m = cell->metrics;
  guint slots = MAX (1, cell->column->n_slots);
  guint n = cell->cards->len;
  double y = m->cell_pad;

  cell->n_slots = slots;
  g_array_set_size (cell->bands, 0);

  /* Cards fill a band left to right, then the next band, like text: the
   * reading order is the cell order.  Cards in a band share its height so
   * the band reads as one row of equal tiles. */
  for (guint i = 0; i < n; i += slots)
    {
      guint end = MIN (i + slots, n);
      WaymarkBand band = { y, 0 };

      for (guint j = i; j < end; j++)
        band.height = MAX (band.height, ((WaymarkCard *) g_ptr_array_index (cell->cards, j))->natural_height);
      for (guint j = i; j < end; j++)
        {
          WaymarkCard *card = g_ptr_array_index (cell->cards, j);

          card->position = j;
          card->x = _waymark_cell_content_x (cell, j - i);
          card->y = y;
          card->width = m->card_width;
          card->height = band.height;
        }
      g_array_append_val (cell->bands, band);
      y += band.height + m->band_gap;
    }
  cell->height = n > 0 ? y - m->band_gap + m->cell_pad : 0;
}

guint
_waymark_cell_insertion_index (WaymarkCell *cell,
                               double       x,
                               double       y)
{
  const WaymarkMetrics *m = cell->metrics;
  guint n = cell->cards->len;
  guint slots = MAX (1, cell->n_slots);
  guint lo = 0, hi = cell->bands->len;
  guint slot, index;
  WaymarkCard *card;

  if (n == 0)
    return 0;

  /* The band whose lower half-gap boundary lies below y. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const WaymarkBand *band = &g_array_index (cell->bands, WaymarkBand, mid);

      if (band->y + band->height + m->band_gap / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == cell->bands->len)
    return n;

  if (x < m->cell_pad)
    slot = 0;
  else
    slot = MIN ((guint) ((x - m->cell_pad + m->slot_gap / 2) / (m->card_width + m->slot_gap)), slots - 1);
  index = lo * slots + slot;
  if (index >= n)
    return n;

  /* Before or after the card under the point: by the vertical half in a
   * stack, by the horizontal half when cards sit side by side. */
  card = g_ptr_array_index (cell->cards, index);
  if (slots == 1 ? y > card->y + card->height / 2 : x > card->x + card->width / 2)
    index++;
  return MIN (index, n);
}
