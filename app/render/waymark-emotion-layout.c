/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-layout-private.h"

#define LABEL_GAP   6.0    /* between labels on the same side */
#define LABEL_LINES 2

double
_waymark_emotion_level_y (const WaymarkMetrics *m,
                          int                   score)
{
  double step = (m->emotion_height - 2 * WM_EMOTION_PAD) / (WAYMARK_EMOTION_MAX - WAYMARK_EMOTION_MIN);

  score = CLAMP (score, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
  return WM_EMOTION_PAD + (WAYMARK_EMOTION_MAX - score) * step;
}

guint
_waymark_emotion_lower_bound (WaymarkLayout *self,
                              double         x)
{
  guint lo = 0, hi = self->emotion->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (_waymark_emotion_point_x (&g_array_index (self->emotion, WaymarkEmotionPoint, mid)) < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A Catmull-Rom spline turned into cubic Béziers.  Control points are
 * clamped to the segment's height range, so the curve never overshoots a
 * score (a "+2.3" bump would lie about the data) and never leaves the
 * lane. */
void
_waymark_emotion_segment (WaymarkLayout *self,
                          guint          i,
                          double         top,
                          double         p[8])
{
  guint n = self->emotion->len;
  const WaymarkEmotionPoint *p0 = &g_array_index (self->emotion, WaymarkEmotionPoint, i > 0 ? i - 1 : i);
  const WaymarkEmotionPoint *p1 = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
  const WaymarkEmotionPoint *p2 = &g_array_index (self->emotion, WaymarkEmotionPoint, i + 1);
  const WaymarkEmotionPoint *p3 = &g_array_index (self->emotion, WaymarkEmotionPoint, i + 2 < n ? i + 2 : i + 1);
  double x0 = _waymark_emotion_point_x (p0), y0 = top + p0->rel_y;
  double x1 = _waymark_emotion_point_x (p1), y1 = top + p1->rel_y;
  double x2 = _waymark_emotion_point_x (p2), y2 = top + p2->rel_y;
  double x3 = _waymark_emotion_point_x (p3), y3 = top + p3->rel_y;
  double lo = MIN (y1, y2), hi = MAX (y1, y2);

  p[0] = x1;
  p[1] = y1;
  p[2] = x1 + (x2 - x0) / 6;
  p[3] = CLAMP (y1 + (y2 - y0) / 6, lo, hi);
  p[4] = x2 - (x3 - x1) / 6;
  p[5] = CLAMP (y2 - (y3 - y1) / 6, lo, hi);
  p[6] = x2;
  p[7] = y2;
}

/* How much of the curve runs through @rect (relative to the lane's top):
 * the number of samples inside, out of 16 a segment, over the segments
 * that can reach it.  Labels are placed where this is least. */
static guint
curve_crossings (WaymarkLayout     *self,
                 const WaymarkRect *rect)
{
  guint n = self->emotion->len;
  guint i = _waymark_emotion_lower_bound (self, rect->x);
  guint hits = 0;

  for (i = i > 0 ? i - 1 : 0; i + 1 < n; i++)
    {
      double p[8];

      _waymark_emotion_segment (self, i, 0, p);
      if (p[0] > rect->x + rect->width)
        break;
      for (guint k = 0; k <= 16; k++)
        {
          double t = k / 16.0, u = 1 - t;
          double x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
          double y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];

          /* The stroke is a few units wide: a near miss touches. */
          if (x >= rect->x - 2 && x <= rect->x + rect->width + 2 &&
              y >= rect->y - 2 && y <= rect->y + rect->height + 2)
            hits++;
        }
    }
  return hits;
}

static PangoLayout *
card_label (WaymarkLayout *self,
            WaymarkCard   *card,
            double         width)
{
  if (card->emotion_note == NULL || card->emotion_note[0] == '\0')
    {
      g_clear_object (&card->emotion_label);
      return NULL;
    }
  /* Kept on the card: a new score elsewhere moves points but rarely
   * changes their room, so most labels survive a rebuild. */
  if (card->emotion_label != NULL && card->emotion_label_width == width &&
      waymark_text_shows (card->emotion_label, card->emotion_note))
    return card->emotion_label;

  g_clear_object (&card->emotion_label);
  /* A word is never broken between its letters: the label grows wider
   * (it may then find no free place and become a footnote). */
  for (double wrap = width;; wrap = MIN (wrap * 1.25, WM_EMOTION_LABEL_WIDTH))
    {
      g_clear_object (&card->emotion_label);
      card->emotion_label = waymark_text_cache_create (_waymark_layout_get_text_cache (self),
                                                       WAYMARK_TEXT_EMOTION_LABEL, card->emotion_note,
                                                       wrap, LABEL_LINES);
      if (wrap >= WM_EMOTION_LABEL_WIDTH || !waymark_text_breaks_word (card->emotion_label))
        break;
    }
  pango_layout_set_alignment (card->emotion_label, PANGO_ALIGN_CENTER);
  card->emotion_label_width = width;
  return card->emotion_label;
}

void
_waymark_emotion_label_rect (const WaymarkEmotionPoint *p,
                             double                     x,
                             double                     top,
                             int                        side,
                             WaymarkRect               *rect)
{
  double y = top + p->rel_y;
  double ly = side < 0 ? y - WM_EMOTION_RADIUS - WM_EMOTION_LABEL_SPACE - p->label_height
                       : y + WM_EMOTION_RADIUS + WM_EMOTION_LABEL_SPACE;

  *rect = WAYMARK_RECT_INIT (x + p->label_dx - p->label_width / 2 - 3, ly - 1,
                             p->label_width + 6, p->label_height + 2);
}

/* Whether a label of point @i at @rect (relative to the lane's top) would
 * cover a label placed before it or a nearby point. */
static gboolean
label_collides (WaymarkLayout     *self,
                guint              i,
                const WaymarkRect *rect)
{
  guint n = self->emotion->len;

  /* Placed labels: points are in x order and labels are at most
   * WM_EMOTION_LABEL_WIDTH wide, so only recent ones can reach. */
  for (guint j = i; j-- > 0;)
    {
      const WaymarkEmotionPoint *q = &g_array_index (self->emotion, WaymarkEmotionPoint, j);
      double qx = _waymark_emotion_point_x (q);
      WaymarkRect other;

      if (qx < rect->x - WM_EMOTION_LABEL_WIDTH)
        break;
      if (q->label == NULL || q->label_side == 0)
        continue;
      _waymark_emotion_label_rect (q, qx, 0, q->label_side, &other);
      waymark_rect_inset (&other, -LABEL_GAP / 2, 0, &other);
      if (waymark_rect_intersects (rect, &other))
        return TRUE;
    }

  /* Points on both sides, the label's own included (it sits beside it). */
  for (guint j = i; j-- > 0;)
    {
      const WaymarkEmotionPoint *q = &g_array_index (self->emotion, WaymarkEmotionPoint, j);
      double qx = _waymark_emotion_point_x (q);
      WaymarkRect dot = WAYMARK_RECT_INIT (qx - WM_EMOTION_RADIUS - 1, q->rel_y - WM_EMOTION_RADIUS - 1,
                                           2 * WM_EMOTION_RADIUS + 2, 2 * WM_EMOTION_RADIUS + 2);

      if (qx < rect->x - WM_EMOTION_RADIUS)
        break;
      if (waymark_rect_intersects (rect, &dot))
        return TRUE;
    }
  for (guint j = i + 1; j < n; j++)
    {
      const WaymarkEmotionPoint *q = &g_array_index (self->emotion, WaymarkEmotionPoint, j);
      double qx = _waymark_emotion_point_x (q);
      WaymarkRect dot = WAYMARK_RECT_INIT (qx - WM_EMOTION_RADIUS - 1, q->rel_y - WM_EMOTION_RADIUS - 1,
                                           2 * WM_EMOTION_RADIUS + 2, 2 * WM_EMOTION_RADIUS + 2);

      if (qx > rect->x + rect->width + WM_EMOTION_RADIUS)
        break;
      if (waymark_rect_intersects (rect, &dot))
        return TRUE;
    }

  /* Inside the lane. */
  return rect->y < 0 || rect->y + rect->height > self->metrics->emotion_height;
}

/* Which side of its point a label prefers: above a peak and below a
 * valley the curve leaves room; elsewhere sides alternate. */
static int
preferred_side (WaymarkLayout *self,
                guint          i,
                int            alternate)
{
  const WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
  int prev = i > 0 ? g_array_index (self->emotion, WaymarkEmotionPoint, i - 1).score : p->score;
  int next = i + 1 < self->emotion->len ? g_array_index (self->emotion, WaymarkEmotionPoint, i + 1).score : p->score;

  if (p->score == WAYMARK_EMOTION_MAX || (p->score > prev && p->score >= next) || (p->score >= prev && p->score > next))
    return -1;
  if (p->score == WAYMARK_EMOTION_MIN || (p->score < prev && p->score <= next) || (p->score <= prev && p->score < next))
    return 1;
  return alternate;
}

static void
measure_label (WaymarkEmotionPoint *p)
{
  PangoRectangle logical;

  waymark_text_get_size (p->label, NULL, &p->label_height);
  pango_layout_get_extents (p->label, NULL, &logical);
  /* The text is centred in its wrap width: collide by the longest
   * line, not by the width it was wrapped at. */
  p->label_width = (double) logical.width / PANGO_SCALE;
}

/* The x range a label of a point in column @c may take: the grid, or
 * the part of it on the point's booklet page. */
static void
label_bounds (WaymarkLayout *self,
              guint          c,
              double        *left,
              double        *right)
{
  guint first = 0, end = self->columns->len;

  for (guint i = 0; i < self->page_breaks->len; i++)
    {
      guint at = g_array_index (self->page_breaks, guint, i);

      if (at <= c)
        first = at;
      else
        {
          end = at;
          break;
        }
    }
  *left = self->grid_x;
  *right = self->grid_right;
  if (first > 0 && first < self->columns->len)
    *left = _waymark_layout_column (self, first)->x;
  if (end < self->columns->len && end > 0)
    {
      WaymarkColumn *last = _waymark_layout_column (self, end - 1);

      *right = last->x + last->width;
    }
}

/* Six places: above or below, centred or beside the point on either
 * side.  Of those where the label covers no other label and no point,
 * the one the curve crosses least wins; on a tie a centred label on the
 * preferred @side.  The segments to the neighbours leave a point upwards
 * or downwards, and a label there would sit on the line, while the other
 * corner is free.  Returns FALSE when no place is free. */
static gboolean
place_label (WaymarkLayout *self,
             guint          i,
             double         x,
             int            side)
{
  WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
  guint best_cost = G_MAXUINT;
  double best_dx = 0;
  double left, right;

  label_bounds (self, p->column->index, &left, &right);
  p->label_side = 0;
  for (int attempt = 0; attempt < 6; attempt++)
    {
      int this_side = attempt % 2 == 0 ? side : -side;
      int shift = attempt < 2 ? 0 : attempt < 4 ? -1 : 1;
      WaymarkRect rect;
      guint cost;

      p->label_dx = shift * (p->label_width / 2 + 2);
      /* Labels at the ends of the map (or of a booklet page) move
       * inwards, not out of it. */
      _waymark_emotion_label_rect (p, x, 0, this_side, &rect);
      if (rect.x < left + 4)
        p->label_dx += left + 4 - rect.x;
      else if (rect.x + rect.width > right - 4)
        p->label_dx += right - 4 - (rect.x + rect.width);
      _waymark_emotion_label_rect (p, x, 0, this_side, &rect);
      if (label_collides (self, i, &rect))
        continue;
      cost = 4 * curve_crossings (self, &rect) + (shift != 0 ? 2 : 0) + (this_side != side ? 1 : 0);
      if (cost < best_cost)
        {
          best_cost = cost;
          best_dx = p->label_dx;
          p->label_side = this_side;
        }
    }
  p->label_dx = best_dx;
  return p->label_side != 0;
}

/* Gives @p the next footnote number and the "(n)" marker as its label. */
static void
add_footnote (WaymarkLayout       *self,
              WaymarkEmotionPoint *p)
{
  g_autofree char *number = NULL;
  PangoLayout *mark;

  p->footnote = self->emotion_marks->len + 1;
  /* TRANSLATORS: the marker on the emotion curve of a note listed below the map */
  number = g_strdup_printf (_("(%u)"), p->footnote);
  mark = waymark_text_cache_create (_waymark_layout_get_text_cache (self), WAYMARK_TEXT_EMOTION_LABEL,
                                    number, -1, 0);
  g_ptr_array_add (self->emotion_marks, mark);
  p->label = mark;
  measure_label (p);
}

/* The notes of the footnoted points in full, one after another. */
static void
build_footnotes (WaymarkLayout *self)
{
  g_autoptr(GString) text = NULL;

  g_clear_object (&self->emotion_footnotes);
  if (self->emotion_marks->len == 0)
    return;

  /* TRANSLATORS: the title of the list of emotion notes that had no room on the curve */
  text = g_string_new (_("Emotion notes:"));
  for (guint i = 0; i < self->emotion->len; i++)
    {
      const WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
      WaymarkCard *card;

      if (p->footnote == 0)
        continue;
      card = g_hash_table_lookup (self->cards, p->touchpoint);
      g_string_append (text, p->footnote > 1 ? "   " : " ");
      g_string_append_printf (text, _("(%u)"), p->footnote);
      /* A no-break space: the number stays with its note. */
      g_string_append (text, "\u00a0");
      waymark_text_append_isolated (text, card->emotion_note);
    }
  waymark_text_mark_direction (text);
  self->emotion_footnotes = waymark_text_cache_create (_waymark_layout_get_text_cache (self),
                                                       WAYMARK_TEXT_LEGEND, text->str,
                                                       _waymark_layout_frame_width (self), 0);
}

/* Whether a curve passes @card: the map's, when it has an emotion, or a
 * persona's, when a persona has a score of its own there. */
static gboolean
card_has_slot (WaymarkCard *card)
{
  const WaymarkTouchpoint *tp = card->item;

  if (card->cell == NULL)
    return FALSE;
  if (card->emotion != WM_NO_EMOTION)
    return TRUE;
  for (guint i = 0; card->persona_hash != 0 && i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    if (((WaymarkPersonaMark *) g_ptr_array_index (tp->persona_marks, i))->has_emotion)
      return TRUE;
  return FALSE;
}

void
_waymark_emotion_build (WaymarkLayout *self)
{
  GPtrArray *touchpoints = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  guint n_columns = self->columns->len;
  g_autofree guint *count = NULL;
  g_autofree guint *start = NULL;
  g_autofree guint *filled = NULL;
  g_autofree guint *slots = NULL;
  g_autofree guint *slots_filled = NULL;
  guint total = 0;
  int alternate = -1;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ((WaymarkCard *) value)->emotion_index = -1;
      ((WaymarkCard *) value)->slot_rel_x = -1;
    }
  g_array_set_size (self->emotion, 0);
  g_ptr_array_set_size (self->persona_curves, 0);
  g_ptr_array_set_size (self->emotion_marks, 0);
  g_clear_object (&self->emotion_footnotes);
  if (n_columns == 0)
    return;

  /* Journey order is phase order, then document order within the phase;
   * counting first lets one more pass drop each point into place. */
  count = g_new0 (guint, n_columns);
  start = g_new0 (guint, n_columns);
  filled = g_new0 (guint, n_columns);
  slots = g_new0 (guint, n_columns);
  slots_filled = g_new0 (guint, n_columns);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkCard *card = g_hash_table_lookup (self->cards, g_ptr_array_index (touchpoints, i));

      if (card && card_has_slot (card))
        slots[card->cell->column->index]++;
      if (card && card->cell && card->emotion != WM_NO_EMOTION)
        count[card->cell->column->index]++;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      start[c] = total;
      total += count[c];
    }
  g_array_set_size (self->emotion, total);

  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkCard *card = g_hash_table_lookup (self->cards, g_ptr_array_index (touchpoints, i));
      WaymarkColumn *column;
      WaymarkEmotionPoint *p;
      guint c, k, slot;

      if (!card || !card_has_slot (card))
        continue;
      column = card->cell->column;
      c = column->index;
      /* Stacked cards share an x, and a curve needs distinct ones: the
       * places of a phase spread evenly over its column, in order.  A
       * card only a persona's curve passes takes a place too. */
      slot = slots_filled[c]++;
      card->slot_rel_x = self->metrics->cell_pad + (column->width - 2 * self->metrics->cell_pad) * (slot + 0.5) / slots[c];
      if (card->emotion == WM_NO_EMOTION)
        continue;
      k = filled[c]++;
      p = &g_array_index (self->emotion, WaymarkEmotionPoint, start[c] + k);
      p->touchpoint = card->item;
      p->column = column;
      card->emotion_index = (int) (start[c] + k);
      p->rel_x = card->slot_rel_x;
      p->rel_y = _waymark_emotion_level_y (self->metrics, card->emotion);
      p->score = card->emotion;
      p->footnote = 0;
    }

  /* Labels: as wide as the room to the neighbours allows (labels take
   * turns above and below, so twice the spacing), then placed on the
   * preferred side, else the other, else listed below the legend with a
   * numbered marker on the curve: a label never covers another label or
   * a point, and no note is left out. */
  for (guint i = 0; i < total; i++)
    {
      WaymarkEmotionPoint *p = &g_array_index (self->emotion, WaymarkEmotionPoint, i);
      WaymarkCard *card = g_hash_table_lookup (self->cards, p->touchpoint);
      double x = _waymark_emotion_point_x (p);
      double room = WM_EMOTION_LABEL_WIDTH;
      int side;

      if (i > 0)
        room = MIN (room, 2 * (x - _waymark_emotion_point_x (&g_array_index (self->emotion, WaymarkEmotionPoint, i - 1))) - LABEL_GAP);
      if (i + 1 < total)
        room = MIN (room, 2 * (_waymark_emotion_point_x (&g_array_index (self->emotion, WaymarkEmotionPoint, i + 1)) - x) - LABEL_GAP);
      room = MAX (room, 48.0);

      p->label = card_label (self, card, room);
      p->label_side = 0;
      if (p->label == NULL)
        continue;
      measure_label (p);
      side = preferred_side (self, i, alternate);
      /* A note that does not fit whole, or finds no free place, is
       * listed below the legend; the curve shows its number there. */
      if (pango_layout_is_ellipsized (p->label) || waymark_text_breaks_word (p->label) ||
          !place_label (self, i, x, side))
        {
          add_footnote (self, p);
          if (!place_label (self, i, x, side))
            {
              /* Even the number finds no free place: it goes on the
               * preferred side, as it is small, rather than missing. */
              p->label_side = side;
              p->label_dx = 0;
            }
        }
      alternate = -p->label_side;
    }

  build_footnotes (self);
  _waymark_persona_curves_build (self, slots);
}
