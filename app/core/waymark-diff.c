/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-diff.h"
#include "waymark-fragment.h"
#include "waymark-describe.h"

#define N_TYPES WAYMARK_N_ITEM_TYPES
#define BIT WAYMARK_DIFF_FIELD_BIT

struct _WaymarkDiff
{
  WaymarkJourney *journey[2];
  GHashTable *index[2];          /* item → its index in its list + 1 */
  GArray *places[2][N_TYPES];    /* WaymarkDiffPlace of every item (holds a reference) */
  int *partner[2][N_TYPES];      /* per item: index of its match on the other side, or -1 */
  WaymarkDiffMatch *match[N_TYPES];  /* per item of A: how it was matched */
  GArray *pairs[N_TYPES];        /* WaymarkDiffPair, in A's order */
  int *pair_of[N_TYPES];         /* per item of A: index into pairs, or -1 */
  GArray *only[2][N_TYPES];      /* WaymarkDiffPlace of the unmatched items */
  guint32 journey_edited;
  GArray *records;               /* WaymarkDiffRecord */
};

static gboolean
is_card_type (WaymarkItemType type)
{
  return type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE;
}

static int
index_of (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          gconstpointer    item)
{
  if (item == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (diff->index[side], item)) - 1;
}

static WaymarkDiffPlace *
place_at (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          WaymarkItemType  type,
          guint            index)
{
  return &g_array_index (diff->places[side][type], WaymarkDiffPlace, index);
}

gpointer
waymark_diff_get_partner (WaymarkDiff     *diff,
                          WaymarkDiffSide  side,
                          gconstpointer    item)
{
  WaymarkItemType type;
  int i, j;

  g_return_val_if_fail (diff != NULL, NULL);

  i = index_of (diff, side, item);
  if (i < 0)
    return NULL;
  type = waymark_item_get_item_type (item);
  j = diff->partner[side][type][i];
  if (j < 0)
    return NULL;
  return place_at (diff, !side, type, (guint) j)->item;
}

/* ---- Places ---- */

typedef struct {
  gint64 key;
  int count;
} CellCount;

static void
collect_places (WaymarkDiff     *diff,
                WaymarkDiffSide  side)
{
  WaymarkJourney *journey = diff->journey[side];
  g_autoptr(GHashTable) cells = NULL;

  diff->index[side] = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < N_TYPES; t++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, t);

      diff->places[side][t] = g_array_sized_new (FALSE, FALSE, sizeof (WaymarkDiffPlace), items->len);
      diff->partner[side][t] = g_new (int, MAX (items->len, 1));
      for (guint i = 0; i < items->len; i++)
        {
          gpointer item = g_ptr_array_index (items, i);

          g_hash_table_insert (diff->index[side], item, GUINT_TO_POINTER (i + 1));
          diff->partner[side][t][i] = -1;
        }
    }

  /* Cards count their position in their cell as they come. */
  cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint t = 0; t < N_TYPES; t++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, t);

      for (guint i = 0; i < items->len; i++)
        {
          WaymarkDiffPlace place = { waymark_item_ref (g_ptr_array_index (items, i)), i, -1, -1, -1 };

          if (is_card_type (t))
            {
              WaymarkPhase *phase;
              WaymarkLane *lane;
              CellCount *cell;
              gint64 key;

              waymark_describe_card_cell (place.item, &phase, &lane);
              place.phase = index_of (diff, side, phase);
              place.lane = index_of (diff, side, lane);
              key = ((gint64) place.phase << 32) | (guint32) place.lane;
              cell = g_hash_table_lookup (cells, &key);
              if (cell == NULL)
                {
                  cell = g_new0 (CellCount, 1);
                  cell->key = key;
                  g_hash_table_insert (cells, &cell->key, cell);
                }
              place.position = cell->count++;
            }
          g_array_append_val (diff->places[side][t], place);
        }
    }
}

/* ---- Matching ---- */

static void
pair_up (WaymarkDiff      *diff,
         WaymarkItemType   type,
         int               a,
         int               b,
         WaymarkDiffMatch  match)
{
  diff->partner[WAYMARK_DIFF_A][type][a] = b;
  diff->partner[WAYMARK_DIFF_B][type][b] = a;
  diff->match[type][a] = match;
}

static void
match_by_id (WaymarkDiff     *diff,
             WaymarkItemType  type)
{
  GArray *places = diff->places[WAYMARK_DIFF_B][type];

  for (guint i = 0; i < places->len; i++)
    {
      const WaymarkDiffPlace *place = &g_array_index (places, WaymarkDiffPlace, i);
      gpointer other = waymark_journey_lookup (diff->journey[WAYMARK_DIFF_A], waymark_item_get_id (place->item));

      if (other != NULL && waymark_item_get_item_type (other) == type)
        pair_up (diff, type, index_of (diff, WAYMARK_DIFF_A, other), (int) i, WAYMARK_DIFF_MATCH_ID);
    }
}

/* Text as a content key: NFKC, case folded, white space collapsed and
 * trimmed; NULL when nothing is left. */
static char *
normalize (const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  composed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed == NULL)
    return NULL;
  folded = g_utf8_casefold (composed, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The content key of @item of @side, or NULL when it has none. */
typedef char *(*KeyFunc) (WaymarkDiff     *diff,
                          WaymarkDiffSide  side,
                          gconstpointer    item);

static char *
name_key (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          gconstpointer    item)
{
  g_autofree char *name = waymark_diff_field_to_string (item, WAYMARK_DIFF_FIELD_NAME, FALSE);

  return normalize (name);
}

static char *
lane_key (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          gconstpointer    item)
{
  const WaymarkLane *lane = item;
  g_autofree char *name = normalize (lane->name);

  if (name == NULL)
    return NULL;
  return g_strconcat (waymark_lane_kind_to_nick (lane->kind), "\x1f", name, NULL);
}

/* A touchpoint's channel as A knows it, so that a channel renamed in B
 * still keys the same. */
static char *
channel_key (WaymarkDiff     *diff,
             WaymarkDiffSide  side,
             WaymarkChannel  *channel)
{
  WaymarkChannel *as_a = channel;

  if (channel == NULL)
    return g_strdup ("");
  if (side == WAYMARK_DIFF_B)
    {
      WaymarkChannel *partner = waymark_diff_get_partner (diff, side, channel);

      if (partner != NULL)
        as_a = partner;
    }
  return normalize (as_a->name);
}

static char *
touchpoint_key (WaymarkDiff     *diff,
                WaymarkDiffSide  side,
                gconstpointer    item)
{
  const WaymarkTouchpoint *tp = item;
  g_autofree char *title = normalize (tp->title);
  g_autofree char *channel = NULL;

  if (title == NULL)
    return NULL;
  channel = channel_key (diff, side, tp->channel);
  return g_strconcat (channel ? channel : "", "\x1f", title, NULL);
}

static char *
title_key (WaymarkDiff     *diff,
           WaymarkDiffSide  side,
           gconstpointer    item)
{
  return normalize (((const WaymarkTouchpoint *) item)->title);
}

static char *
note_key (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          gconstpointer    item)
{
  return normalize (((const WaymarkNote *) item)->text);
}

/* An item of B in terms of A: the A item it stands for, or NULL. */
static gconstpointer
as_a (WaymarkDiff     *diff,
      WaymarkDiffSide  side,
      gconstpointer    item)
{
  if (side == WAYMARK_DIFF_A || item == NULL)
    return item;
  return waymark_diff_get_partner (diff, side, item);
}

static char *
link_key (WaymarkDiff     *diff,
          WaymarkDiffSide  side,
          gconstpointer    item)
{
  const WaymarkLink *link = item;
  gconstpointer from = as_a (diff, side, link->from);
  gconstpointer to = as_a (diff, side, link->to);

  if (from == NULL || to == NULL)
    return NULL;
  return g_strdup_printf ("%p>%p", from, to);
}

/* The key that pairs cards of the same phase first. */
static char *
phase_key (WaymarkDiff     *diff,
           WaymarkDiffSide  side,
           gconstpointer    card,
           const char      *key)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  gconstpointer phase_a;

  waymark_describe_card_cell (card, &phase, &lane);
  phase_a = as_a (diff, side, phase);
  if (phase_a == NULL)
    return NULL;
  return g_strdup_printf ("%p\x1f%s", phase_a, key);
}

typedef struct {
  GArray *indices;   /* int: unmatched items of A with this key, in order */
  guint next;        /* the first one that may still be free */
} Queue;

static void
queue_free (gpointer data)
{
  Queue *queue = data;

  g_array_unref (queue->indices);
  g_free (queue);
}

static void
enqueue (GHashTable *queues,
         char       *key,
         int         index)
{
  Queue *queue = g_hash_table_lookup (queues, key);

  if (queue == NULL)
    {
      queue = g_new0 (Queue, 1);
      queue->indices = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (queues, key, queue);
    }
  else
    g_free (key);
  g_array_append_val (queue->indices, index);
}

/* The first item of A in @key's queue that is still unmatched, taken. */
static int
dequeue (WaymarkDiff     *diff,
         WaymarkItemType  type,
         GHashTable      *queues,
         const char      *key)
{
  Queue *queue = key ? g_hash_table_lookup (queues, key) : NULL;

  while (queue != NULL && queue->next < queue->indices->len)
    {
      int a = g_array_index (queue->indices, int, queue->next++);

      if (diff->partner[WAYMARK_DIFF_A][type][a] < 0)
        return a;
    }
  return -1;
}

static void
match_by_key (WaymarkDiff      *diff,
              WaymarkItemType   type,
              KeyFunc           key_func,
              WaymarkDiffMatch  match)
{
  g_autoptr(GHashTable) queues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, queue_free);
  GArray *a_places = diff->places[WAYMARK_DIFF_A][type];
  GArray *b_places = diff->places[WAYMARK_DIFF_B][type];
  guint n_b = b_places->len;
  g_autofree char **b_keys = NULL;
  gboolean cards = is_card_type (type);

  for (guint i = 0; i < a_places->len; i++)
    {
      gpointer item = g_array_index (a_places, WaymarkDiffPlace, i).item;
      char *key;

      if (diff->partner[WAYMARK_DIFF_A][type][i] >= 0)
        continue;
      key = key_func (diff, WAYMARK_DIFF_A, item);
      if (key == NULL)
        continue;
      if (cards)
        {
          char *by_phase = phase_key (diff, WAYMARK_DIFF_A, item, key);

          if (by_phase)
            enqueue (queues, by_phase, (int) i);
        }
      enqueue (queues, key, (int) i);
    }
  if (g_hash_table_size (queues) == 0)
    return;

  b_keys = g_new0 (char *, MAX (n_b, 1));
  for (guint i = 0; i < n_b; i++)
    if (diff->partner[WAYMARK_DIFF_B][type][i] < 0)
      b_keys[i] = key_func (diff, WAYMARK_DIFF_B, g_array_index (b_places, WaymarkDiffPlace, i).item);

  /* Same phase first, so that duplicates pair up where they stand. */
  if (cards)
    for (guint i = 0; i < n_b; i++)
      {
        g_autofree char *by_phase = NULL;
        int a;

        if (b_keys[i] == NULL)
          continue;
        by_phase = phase_key (diff, WAYMARK_DIFF_B, g_array_index (b_places, WaymarkDiffPlace, i).item, b_keys[i]);
        a = dequeue (diff, type, queues, by_phase);
        if (a >= 0)
          {
            pair_up (diff, type, a, (int) i, match);
            g_clear_pointer (&b_keys[i], g_free);
          }
      }

  for (guint i = 0; i < n_b; i++)
    {
      int a;

      if (b_keys[i] == NULL)
        continue;
      a = dequeue (diff, type, queues, b_keys[i]);
      if (a >= 0)
        pair_up (diff, type, a, (int) i, match);
      g_free (b_keys[i]);
    }
}

static void
match_items (WaymarkDiff      *diff,
             WaymarkDiffFlags  flags)
{
  for (guint t = 0; t < N_TYPES; t++)
    {
      diff->match[t] = g_new0 (WaymarkDiffMatch, MAX (diff->places[WAYMARK_DIFF_A][t]->len, 1));
      match_by_id (diff, t);
    }
  if (flags & WAYMARK_DIFF_BY_ID_ONLY)
    return;

  match_by_key (diff, WAYMARK_ITEM_PERSONA, name_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_PHASE, name_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_LANE, lane_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_CHANNEL, name_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_TOUCHPOINT, touchpoint_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_TOUCHPOINT, title_key, WAYMARK_DIFF_MATCH_TITLE);
  match_by_key (diff, WAYMARK_ITEM_NOTE, note_key, WAYMARK_DIFF_MATCH_CONTENT);
  match_by_key (diff, WAYMARK_ITEM_LINK, link_key, WAYMARK_DIFF_MATCH_CONTENT);
}

/* ---- Pairs ---- */

static gboolean
same_item (gconstpointer a_ref,
           gconstpointer b_ref,
           gpointer      user_data)
{
  return waymark_diff_get_partner (user_data, WAYMARK_DIFF_A, a_ref) == b_ref;
}

/* Marks in @keep the elements of @seq that form a longest increasing
 * subsequence: the ones that kept their order.  Patience sorting, n log n. */
static void
longest_increasing (const int *seq,
                    guint      n,
                    gboolean  *keep)
{
  g_autofree int *tails = g_new (int, MAX (n, 1));   /* index into seq of the smallest tail per length */
  g_autofree int *prev = g_new (int, MAX (n, 1));
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = (int) i;
      if (lo == length)
        length++;
      keep[i] = FALSE;
    }
  for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

/* Marks the pairs (indices into pairs[type], in A's order) that left the
 * order the others keep, by @key: a card's position in its cell, or an
 * item's index. */
static void
mark_reordered (GArray   *pairs,
                GArray   *members,
                gboolean  by_position)
{
  guint n = members->len;
  g_autofree int *seq = g_new (int, MAX (n, 1));
  g_autofree gboolean *keep = g_new (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      WaymarkDiffPair *pair = &g_array_index (pairs, WaymarkDiffPair, g_array_index (members, guint, i));
      seq[i] = by_position ? pair->b.position : (int) pair->b.index;
    }
  longest_increasing (seq, n, keep);
  for (guint i = 0; i < n; i++)
    if (!keep[i])
      g_array_index (pairs, WaymarkDiffPair, g_array_index (members, guint, i)).reordered = TRUE;
}

static void
find_reordered (WaymarkDiff     *diff,
                WaymarkItemType  type)
{
  GArray *pairs = diff->pairs[type];

  if (type == WAYMARK_ITEM_LINK)
    return;

  if (!is_card_type (type))
    {
      g_autoptr(GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (guint), pairs->len);

      for (guint i = 0; i < pairs->len; i++)
        g_array_append_val (all, i);
      mark_reordered (pairs, all, FALSE);
      return;
    }

  /* Cards: order counts inside a cell, among those that stayed in it. */
  {
    g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
    GHashTableIter iter;
    gpointer value;

    for (guint i = 0; i < pairs->len; i++)
      {
        WaymarkDiffPair *pair = &g_array_index (pairs, WaymarkDiffPair, i);
        gint64 key = ((gint64) pair->a.phase << 32) | (guint32) pair->a.lane;
        GArray *members;

        if (pair->moved)
          continue;
        members = g_hash_table_lookup (cells, &key);
        if (members == NULL)
          {
            members = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), members);
          }
        g_array_append_val (members, i);
      }
    g_hash_table_iter_init (&iter, cells);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      mark_reordered (pairs, value, TRUE);
  }
}

static void
build_pairs (WaymarkDiff     *diff,
             WaymarkItemType  type)
{
  GArray *a_places = diff->places[WAYMARK_DIFF_A][type];
  GArray *b_places = diff->places[WAYMARK_DIFF_B][type];
  guint32 cell = BIT (WAYMARK_DIFF_FIELD_PHASE) | BIT (WAYMARK_DIFF_FIELD_LANE);

  diff->pairs[type] = g_array_new (FALSE, FALSE, sizeof (WaymarkDiffPair));
  diff->pair_of[type] = g_new (int, MAX (a_places->len, 1));
  for (int side = 0; side < 2; side++)
    diff->only[side][type] = g_array_new (FALSE, FALSE, sizeof (WaymarkDiffPlace));

  for (guint i = 0; i < a_places->len; i++)
    {
      int j = diff->partner[WAYMARK_DIFF_A][type][i];
      WaymarkDiffPair pair = { 0, };

      diff->pair_of[type][i] = -1;
      if (j < 0)
        {
          g_array_append_val (diff->only[WAYMARK_DIFF_A][type], g_array_index (a_places, WaymarkDiffPlace, i));
          continue;
        }
      pair.type = type;
      pair.match = diff->match[type][i];
      pair.a = g_array_index (a_places, WaymarkDiffPlace, i);
      pair.b = g_array_index (b_places, WaymarkDiffPlace, j);
      pair.edited = waymark_diff_field_compare (pair.a.item, pair.b.item, same_item, diff);
      pair.moved = is_card_type (type) && (pair.edited & cell) != 0;
      diff->pair_of[type][i] = (int) diff->pairs[type]->len;
      g_array_append_val (diff->pairs[type], pair);
    }
  for (guint j = 0; j < b_places->len; j++)
    if (diff->partner[WAYMARK_DIFF_B][type][j] < 0)
      g_array_append_val (diff->only[WAYMARK_DIFF_B][type], g_array_index (b_places, WaymarkDiffPlace, j));

  find_reordered (diff, type);
}

static guint32
compare_journeys (WaymarkJourney *a,
                  WaymarkJourney *b)
{
  static const struct {
    WaymarkJourneyField text;
    WaymarkDiffField field;
  } texts[] = {
    { WAYMARK_FIELD_TITLE, WAYMARK_DIFF_FIELD_TITLE },
    { WAYMARK_FIELD_SUBJECT, WAYMARK_DIFF_FIELD_SUBJECT },
    { WAYMARK_FIELD_GOAL, WAYMARK_DIFF_FIELD_GOAL },
  };
  guint32 edited = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (waymark_journey_get_text (a, texts[i].text), waymark_journey_get_text (b, texts[i].text)) != 0)
      edited |= BIT (texts[i].field);
  if (waymark_journey_get_state (a) != waymark_journey_get_state (b))
    edited |= BIT (WAYMARK_DIFF_FIELD_STATE);
  if (!waymark_foreign_equal (waymark_journey_get_foreign (a), waymark_journey_get_foreign (b)))
    edited |= BIT (WAYMARK_DIFF_FIELD_EXTENSIONS);
  return edited;
}

/* ---- Records ---- */

static void
add_record (WaymarkDiff            *diff,
            WaymarkDiffKind         kind,
            WaymarkItemType         type,
            const WaymarkDiffPlace *a,
            const WaymarkDiffPlace *b,
            WaymarkDiffField        field)
{
  WaymarkDiffRecord record = { kind, type, a, b, field, NULL, NULL, NULL, NULL };

  g_array_append_val (diff->records, record);
}

static void
add_kpi_record (WaymarkDiff           *diff,
                const WaymarkDiffPair *pair,
                const WaymarkKpi      *kpi_a,
                const WaymarkKpi      *kpi_b)
{
  WaymarkDiffRecord record = { WAYMARK_DIFF_EDITED, WAYMARK_ITEM_TOUCHPOINT, &pair->a, &pair->b,
                               WAYMARK_DIFF_FIELD_KPIS, kpi_a, kpi_b, NULL, NULL };

  g_array_append_val (diff->records, record);
}

static void
add_persona_record (WaymarkDiff              *diff,
                    const WaymarkDiffPair    *pair,
                    const WaymarkPersonaMark *mark_a,
                    const WaymarkPersonaMark *mark_b)
{
  WaymarkDiffRecord record = { WAYMARK_DIFF_EDITED, WAYMARK_ITEM_TOUCHPOINT, &pair->a, &pair->b,
                               WAYMARK_DIFF_FIELD_PERSONAS, NULL, NULL, mark_a, mark_b };

  g_array_append_val (diff->records, record);
}

static gboolean same_item (gconstpointer a_ref,
                           gconstpointer b_ref,
                           gpointer      user_data);

/* Marks are told apart by their persona (matched as the personas are):
 * one record per persona whose mark changed, came or went; one without
 * marks when only their order changed. */
static void
add_persona_records (WaymarkDiff           *diff,
                     const WaymarkDiffPair *pair)
{
  const WaymarkTouchpoint *a = pair->a.item;
  const WaymarkTouchpoint *b = pair->b.item;
  guint na = waymark_touchpoint_get_n_persona_marks (a);
  guint nb = waymark_touchpoint_get_n_persona_marks (b);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (nb, 1));
  guint before = diff->records->len;

  for (guint i = 0; i < na; i++)
    {
      const WaymarkPersonaMark *ma = g_ptr_array_index (a->persona_marks, i);
      const WaymarkPersonaMark *mb = NULL;

      for (guint j = 0; j < nb && mb == NULL; j++)
        {
          const WaymarkPersonaMark *candidate = g_ptr_array_index (b->persona_marks, j);

          if (same_item (ma->persona, candidate->persona, diff))
            {
              used[j] = TRUE;
              mb = candidate;
            }
        }
      if (mb == NULL || ma->has_emotion != mb->has_emotion || (ma->has_emotion && ma->emotion != mb->emotion) ||
          g_strcmp0 (ma->emotion_note, mb->emotion_note) != 0)
        add_persona_record (diff, pair, ma, mb);
    }
  for (guint j = 0; j < nb; j++)
    if (!used[j])
      add_persona_record (diff, pair, NULL, g_ptr_array_index (b->persona_marks, j));
  if (diff->records->len == before)
    add_persona_record (diff, pair, NULL, NULL);
}

/* KPIs are told apart by name (duplicates in order): one record per
 * KPI that changed, was added or removed; one without KPIs when only
 * their order changed. */
static void
add_kpi_records (WaymarkDiff           *diff,
                 const WaymarkDiffPair *pair)
{
  const WaymarkTouchpoint *a = pair->a.item;
  const WaymarkTouchpoint *b = pair->b.item;
  guint na = waymark_touchpoint_get_n_kpis (a);
  guint nb = waymark_touchpoint_get_n_kpis (b);
  g_autofree gboolean *used = g_new0 (gboolean, MAX (nb, 1));
  guint before = diff->records->len;

  for (guint i = 0; i < na; i++)
    {
      const WaymarkKpi *ka = g_ptr_array_index (a->kpis, i);
      const WaymarkKpi *kb = NULL;

      for (guint j = 0; j < nb && kb == NULL; j++)
        if (!used[j] && g_strcmp0 (ka->name, ((WaymarkKpi *) g_ptr_array_index (b->kpis, j))->name) == 0)
          {
            used[j] = TRUE;
            kb = g_ptr_array_index (b->kpis, j);
          }
      if (kb == NULL || !waymark_kpi_equal (ka, kb))
        add_kpi_record (diff, pair, ka, kb);
    }
  for (guint j = 0; j < nb; j++)
    if (!used[j])
      add_kpi_record (diff, pair, NULL, g_ptr_array_index (b->kpis, j));
  if (diff->records->len == before)
    add_kpi_record (diff, pair, NULL, NULL);
}

static int
compare_by_b_index (gconstpointer x,
                    gconstpointer y)
{
  const WaymarkDiffPair *a = *(const WaymarkDiffPair * const *) x;
  const WaymarkDiffPair *b = *(const WaymarkDiffPair * const *) y;

  return (a->b.index > b->b.index) - (a->b.index < b->b.index);
}

static void
build_records (WaymarkDiff *diff)
{
  diff->records = g_array_new (FALSE, FALSE, sizeof (WaymarkDiffRecord));

  for (guint f = 0; f < WAYMARK_DIFF_N_FIELDS; f++)
    if (diff->journey_edited & BIT (f))
      add_record (diff, WAYMARK_DIFF_EDITED, WAYMARK_DIFF_JOURNEY, NULL, NULL, f);

  for (guint t = 0; t < N_TYPES; t++)
    {
      GArray *removed = diff->only[WAYMARK_DIFF_A][t];
      GArray *added = diff->only[WAYMARK_DIFF_B][t];
      GArray *pairs = diff->pairs[t];
      g_autoptr(GPtrArray) changed = g_ptr_array_new ();
      guint32 cell = BIT (WAYMARK_DIFF_FIELD_PHASE) | BIT (WAYMARK_DIFF_FIELD_LANE);

      for (guint i = 0; i < removed->len; i++)
        add_record (diff, WAYMARK_DIFF_REMOVED, t, &g_array_index (removed, WaymarkDiffPlace, i), NULL, 0);

      for (guint i = 0; i < pairs->len; i++)
        {
          WaymarkDiffPair *pair = &g_array_index (pairs, WaymarkDiffPair, i);

          if (pair->edited != 0 || pair->reordered)
            g_ptr_array_add (changed, pair);
        }
      g_ptr_array_sort (changed, compare_by_b_index);
      for (guint i = 0; i < changed->len; i++)
        {
          const WaymarkDiffPair *pair = g_ptr_array_index (changed, i);

          if (pair->moved)
            add_record (diff, WAYMARK_DIFF_MOVED, t, &pair->a, &pair->b, 0);
          else if (pair->reordered)
            add_record (diff, WAYMARK_DIFF_REORDERED, t, &pair->a, &pair->b, 0);
          for (guint f = 0; f < WAYMARK_DIFF_N_FIELDS; f++)
            {
              if (!(pair->edited & BIT (f)) || (pair->moved && (cell & BIT (f))))
                continue;
              if (f == WAYMARK_DIFF_FIELD_KPIS)
                add_kpi_records (diff, pair);
              else if (f == WAYMARK_DIFF_FIELD_PERSONAS)
                add_persona_records (diff, pair);
              else
                add_record (diff, WAYMARK_DIFF_EDITED, t, &pair->a, &pair->b, f);
            }
        }

      for (guint i = 0; i < added->len; i++)
        add_record (diff, WAYMARK_DIFF_ADDED, t, NULL, &g_array_index (added, WaymarkDiffPlace, i), 0);
    }
}

/* ---- The diff ---- */

WaymarkDiff *
waymark_diff_new (WaymarkJourney   *a,
                  WaymarkJourney   *b,
                  WaymarkDiffFlags  flags)
{
  WaymarkDiff *diff;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (a), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (b), NULL);

  diff = g_new0 (WaymarkDiff, 1);
  diff->journey[WAYMARK_DIFF_A] = g_object_ref (a);
  diff->journey[WAYMARK_DIFF_B] = g_object_ref (b);
  collect_places (diff, WAYMARK_DIFF_A);
  collect_places (diff, WAYMARK_DIFF_B);
  match_items (diff, flags);
  /* Types in order: a card's phase must have its pair before the card's
   * fields are compared. */
  for (guint t = 0; t < N_TYPES; t++)
    build_pairs (diff, t);
  diff->journey_edited = compare_journeys (a, b);
  build_records (diff);
  return diff;
}

void
waymark_diff_free (WaymarkDiff *diff)
{
  if (diff == NULL)
    return;
  for (int side = 0; side < 2; side++)
    {
      for (guint t = 0; t < N_TYPES; t++)
        {
          GArray *places = diff->places[side][t];

          for (guint i = 0; i < places->len; i++)
            waymark_item_unref (g_array_index (places, WaymarkDiffPlace, i).item);
          g_array_unref (places);
          g_free (diff->partner[side][t]);
          g_array_unref (diff->only[side][t]);
        }
      g_hash_table_unref (diff->index[side]);
      g_object_unref (diff->journey[side]);
    }
  for (guint t = 0; t < N_TYPES; t++)
    {
      g_free (diff->match[t]);
      g_array_unref (diff->pairs[t]);
      g_free (diff->pair_of[t]);
    }
  g_array_unref (diff->records);
  g_free (diff);
}

WaymarkJourney *
waymark_diff_get_journey (WaymarkDiff     *diff,
                          WaymarkDiffSide  side)
{
  g_return_val_if_fail (diff != NULL, NULL);
  return diff->journey[side];
}

gboolean
waymark_diff_is_empty (WaymarkDiff *diff)
{
  g_return_val_if_fail (diff != NULL, TRUE);
  return diff->records->len == 0;
}

guint
waymark_diff_get_n_pairs (WaymarkDiff     *diff,
                          WaymarkItemType  type)
{
  g_return_val_if_fail (diff != NULL && type < N_TYPES, 0);
  return diff->pairs[type]->len;
}

const WaymarkDiffPair *
waymark_diff_get_pair (WaymarkDiff     *diff,
                       WaymarkItemType  type,
                       guint            index)
{
  g_return_val_if_fail (diff != NULL && type < N_TYPES, NULL);
  g_return_val_if_fail (index < diff->pairs[type]->len, NULL);
  return &g_array_index (diff->pairs[type], WaymarkDiffPair, index);
}

guint
waymark_diff_get_n_only (WaymarkDiff     *diff,
                         WaymarkDiffSide  side,
                         WaymarkItemType  type)
{
  g_return_val_if_fail (diff != NULL && type < N_TYPES, 0);
  return diff->only[side][type]->len;
}

const WaymarkDiffPlace *
waymark_diff_get_only (WaymarkDiff     *diff,
                       WaymarkDiffSide  side,
                       WaymarkItemType  type,
                       guint            index)
{
  g_return_val_if_fail (diff != NULL && type < N_TYPES, NULL);
  g_return_val_if_fail (index < diff->only[side][type]->len, NULL);
  return &g_array_index (diff->only[side][type], WaymarkDiffPlace, index);
}

const WaymarkDiffPair *
waymark_diff_lookup (WaymarkDiff     *diff,
                     WaymarkDiffSide  side,
                     gconstpointer    item)
{
  WaymarkItemType type;
  int i;

  g_return_val_if_fail (diff != NULL, NULL);

  i = index_of (diff, side, item);
  if (i < 0)
    return NULL;
  type = waymark_item_get_item_type (item);
  if (side == WAYMARK_DIFF_B)
    i = diff->partner[side][type][i];
  if (i < 0 || diff->pair_of[type][i] < 0)
    return NULL;
  return &g_array_index (diff->pairs[type], WaymarkDiffPair, diff->pair_of[type][i]);
}

guint32
waymark_diff_get_journey_edited (WaymarkDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->journey_edited;
}

guint
waymark_diff_get_n_records (WaymarkDiff *diff)
{
  g_return_val_if_fail (diff != NULL, 0);
  return diff->records->len;
}

const WaymarkDiffRecord *
waymark_diff_get_record (WaymarkDiff *diff,
                         guint        index)
{
  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (index < diff->records->len, NULL);
  return &g_array_index (diff->records, WaymarkDiffRecord, index);
}

/* ---- Words ---- */

#define MAX_VALUE_CHARS 60

/* A value for a line of words: its first line, at most 60 characters. */
static char *
short_value (const char *value)
{
  const char *nl;
  glong length;

  if (value == NULL)
    return NULL;
  nl = strchr (value, '\n');
  length = g_utf8_strlen (value, nl ? nl - value : -1);
  if (nl == NULL && length <= MAX_VALUE_CHARS)
    return g_strdup (value);
  {
    g_autofree char *head = g_utf8_substring (value, 0, MIN (length, MAX_VALUE_CHARS));
    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
is_quoted_field (WaymarkDiffField field)
{
  switch (field)
    {
    case WAYMARK_DIFF_FIELD_TITLE:
    case WAYMARK_DIFF_FIELD_SUBJECT:
    case WAYMARK_DIFF_FIELD_GOAL:
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_ICON:
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
      return TRUE;
    case WAYMARK_DIFF_FIELD_STATE:
    case WAYMARK_DIFF_FIELD_KIND:
    case WAYMARK_DIFF_FIELD_CATEGORY:
    case WAYMARK_DIFF_FIELD_INITIATOR:
    case WAYMARK_DIFF_FIELD_EMOTION:
    case WAYMARK_DIFF_FIELD_STRENGTH:
    case WAYMARK_DIFF_FIELD_PRIORITY:
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_PERSONAS:
    case WAYMARK_DIFF_FIELD_VOTES:
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      return FALSE;
    }
}

/* A field's value for a sentence: quoted text, a bare keyword or number,
 * or "(none)". */
static char *
value_words (char             *value,
             WaymarkDiffField  field)
{
  g_autofree char *owned = value;
  g_autofree char *shortened = short_value (value);

  if (shortened == NULL)
    return g_strdup (C_("diff value", "(none)"));
  if (is_quoted_field (field))
    /* TRANSLATORS: a quoted value in a diff line */
    return g_strdup_printf (C_("diff value", "“%s”"), shortened);
  return g_steal_pointer (&shortened);
}

char *
waymark_diff_place_describe (WaymarkDiff            *diff,
                             WaymarkDiffSide         side,
                             const WaymarkDiffPlace *place)
{
  g_autofree char *phase = NULL;
  g_autofree char *lane = NULL;

  g_return_val_if_fail (diff != NULL && place != NULL, NULL);

  if (place->phase < 0 || place->lane < 0)
    /* TRANSLATORS: where an item is in its list, counting from 1 */
    return g_strdup_printf (_("position %d"), (int) place->index + 1);
  phase = waymark_diff_item_label (place_at (diff, side, WAYMARK_ITEM_PHASE, (guint) place->phase)->item);
  lane = waymark_diff_item_label (place_at (diff, side, WAYMARK_ITEM_LANE, (guint) place->lane)->item);
  /* TRANSLATORS: where a card is: "Awareness / Touchpoints, position 2" */
  return g_strdup_printf (_("%s / %s, position %d"), phase, lane, place->position + 1);
}

static char *
describe_kpi (const WaymarkDiffRecord *record,
              const char              *what)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;

  if (record->kpi_a == NULL && record->kpi_b == NULL)
    /* TRANSLATORS: "Touchpoint “Chat”: KPIs in another order" */
    return g_strdup_printf (_("%s: KPIs in another order"), what);
  if (record->kpi_a != NULL)
    old_value = waymark_diff_kpi_to_string (record->kpi_a, TRUE);
  if (record->kpi_b != NULL)
    new_value = waymark_diff_kpi_to_string (record->kpi_b, TRUE);
  if (record->kpi_a == NULL)
    /* TRANSLATORS: "Touchpoint “Chat”: added KPI “NPS” 30" */
    return g_strdup_printf (_("%s: added KPI “%s” %s"), what, record->kpi_b->name, new_value);
  if (record->kpi_b == NULL)
    return g_strdup_printf (_("%s: removed KPI “%s” %s"), what, record->kpi_a->name, old_value);
  /* TRANSLATORS: "Touchpoint “Chat”: KPI “NPS” 30 → 42" */
  return g_strdup_printf (_("%s: KPI “%s” %s → %s"), what, record->kpi_a->name, old_value, new_value);
}

/* A persona's mark for people: "−1 “frustrated”", "(no emotion of its own)". */
static char *
mark_words (const WaymarkPersonaMark *mark)
{
  g_autofree char *note = NULL;
  g_autofree char *score = NULL;

  if (mark->has_emotion)
    score = mark->emotion < 0 ? g_strdup_printf ("−%d", -mark->emotion)
            : mark->emotion > 0 ? g_strdup_printf ("+%d", mark->emotion) : g_strdup ("0");
  else
    /* TRANSLATORS: a persona's mark in a diff line that has no score of its own */
    score = g_strdup (C_("diff value", "(no emotion of its own)"));
  if (mark->emotion_note == NULL || mark->emotion_note[0] == '\0')
    return g_steal_pointer (&score);
  note = value_words (g_strdup (mark->emotion_note), WAYMARK_DIFF_FIELD_EMOTION_NOTE);
  return g_strdup_printf ("%s %s", score, note);
}

static char *
describe_persona (const WaymarkDiffRecord *record,
                  const char              *what)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *name = NULL;

  if (record->mark_a == NULL && record->mark_b == NULL)
    /* TRANSLATORS: "Touchpoint “Chat”: personas in another order" */
    return g_strdup_printf (_("%s: personas in another order"), what);
  name = waymark_diff_item_label ((record->mark_b ? record->mark_b : record->mark_a)->persona);
  if (record->mark_a != NULL)
    old_value = mark_words (record->mark_a);
  if (record->mark_b != NULL)
    new_value = mark_words (record->mark_b);
  if (record->mark_a == NULL)
    /* TRANSLATORS: "Touchpoint “Chat”: now for persona “Lena” −1 “annoyed”" */
    return g_strdup_printf (_("%s: now for persona “%s” %s"), what, name, new_value);
  if (record->mark_b == NULL)
    /* TRANSLATORS: "Touchpoint “Chat”: no longer for persona “Lena” −1" */
    return g_strdup_printf (_("%s: no longer for persona “%s” %s"), what, name, old_value);
  /* TRANSLATORS: "Touchpoint “Chat”: persona “Lena” −1 → +1" */
  return g_strdup_printf (_("%s: persona “%s” %s → %s"), what, name, old_value, new_value);
}

char *
waymark_diff_record_describe (WaymarkDiff             *diff,
                              const WaymarkDiffRecord *record)
{
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;
  g_autofree char *where_a = NULL;
  g_autofree char *where_b = NULL;
  gconstpointer item;

  g_return_val_if_fail (diff != NULL && record != NULL, NULL);

  if (record->type == WAYMARK_DIFF_JOURNEY)
    {
      g_autofree char *old_value = value_words (waymark_diff_field_journey_string (diff->journey[0], record->field, TRUE),
                                                record->field);
      g_autofree char *new_value = value_words (waymark_diff_field_journey_string (diff->journey[1], record->field, TRUE),
                                                record->field);

      /* TRANSLATORS: "Journey: title “Old” → “New”" */
      return g_strdup_printf (_("%s: %s %s → %s"), waymark_diff_item_type_title (WAYMARK_DIFF_JOURNEY),
                              waymark_diff_field_label (record->field), old_value, new_value);
    }

  item = record->b ? record->b->item : record->a->item;
  label = waymark_diff_item_label (record->a ? record->a->item : item);
  /* TRANSLATORS: an item in a diff line: "Touchpoint “Instagram ad”" */
  what = g_strdup_printf (C_("diff", "%s “%s”"), waymark_diff_item_type_title (record->type), label);
  if (record->a)
    where_a = waymark_diff_place_describe (diff, WAYMARK_DIFF_A, record->a);
  if (record->b)
    where_b = waymark_diff_place_describe (diff, WAYMARK_DIFF_B, record->b);

  switch (record->kind)
    {
    case WAYMARK_DIFF_ADDED:
      if (is_card_type (record->type))
        /* TRANSLATORS: "Touchpoint “Chat” added at Purchase / Touchpoints, position 2" */
        return g_strdup_printf (_("%s added at %s"), what, where_b);
      return g_strdup_printf (_("%s added"), what);
    case WAYMARK_DIFF_REMOVED:
      if (is_card_type (record->type))
        /* TRANSLATORS: "Touchpoint “Chat” removed from Purchase / Touchpoints, position 2" */
        return g_strdup_printf (_("%s removed from %s"), what, where_a);
      return g_strdup_printf (_("%s removed"), what);
    case WAYMARK_DIFF_MOVED:
      /* TRANSLATORS: "Touchpoint “Chat” moved from <place> to <place>" */
      return g_strdup_printf (_("%s moved from %s to %s"), what, where_a, where_b);
    case WAYMARK_DIFF_REORDERED:
      if (is_card_type (record->type))
        /* TRANSLATORS: "Touchpoint “Chat” reordered in Purchase / Touchpoints: position 3 → 1" */
        {
          g_autofree char *cell = NULL;
          g_autofree char *phase = waymark_diff_item_label (place_at (diff, WAYMARK_DIFF_B, WAYMARK_ITEM_PHASE,
                                                                      (guint) record->b->phase)->item);
          g_autofree char *lane = waymark_diff_item_label (place_at (diff, WAYMARK_DIFF_B, WAYMARK_ITEM_LANE,
                                                                     (guint) record->b->lane)->item);

          cell = g_strdup_printf ("%s / %s", phase, lane);
          return g_strdup_printf (_("%s reordered in %s: position %d → %d"), what, cell,
                                  record->a->position + 1, record->b->position + 1);
        }
      /* TRANSLATORS: "Phase “Purchase” reordered: position 3 → 2" */
      return g_strdup_printf (_("%s reordered: position %d → %d"), what,
                              (int) record->a->index + 1, (int) record->b->index + 1);
    case WAYMARK_DIFF_EDITED:
      if (record->field == WAYMARK_DIFF_FIELD_KPIS)
        return describe_kpi (record, what);
      if (record->field == WAYMARK_DIFF_FIELD_PERSONAS)
        return describe_persona (record, what);
      {
        g_autofree char *old_value = value_words (waymark_diff_field_to_string (record->a->item, record->field, TRUE),
                                                  record->field);
        g_autofree char *new_value = value_words (waymark_diff_field_to_string (record->b->item, record->field, TRUE),
                                                  record->field);

        if (record->field == WAYMARK_DIFF_FIELD_NAME)
          /* TRANSLATORS: "Phase “Awareness” renamed to “Attention”" */
          return g_strdup_printf (_("%s renamed to %s"), what, new_value);
        /* TRANSLATORS: "Touchpoint “Chat”: emotion +1 → −1" */
        return g_strdup_printf (_("%s: %s %s → %s"), what, waymark_diff_field_label (record->field),
                                old_value, new_value);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Applying ---- */

typedef struct {
  WaymarkDiff *diff;
  GHashTable *made;   /* item of B → its copy in the new journey */
} Apply;

static gpointer
map_to_made (gconstpointer ref,
             gpointer      user_data)
{
  Apply *apply = user_data;

  return g_hash_table_lookup (apply->made, ref);
}

WaymarkJourney *
waymark_diff_apply (WaymarkDiff *diff)
{
  WaymarkJourney *a, *b;
  WaymarkJourney *out;
  g_autoptr(GHashTable) made = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) reserved = g_hash_table_new (g_str_hash, g_str_equal);
  Apply apply = { diff, made };

  g_return_val_if_fail (diff != NULL, NULL);

  a = diff->journey[WAYMARK_DIFF_A];
  b = diff->journey[WAYMARK_DIFF_B];
  out = waymark_journey_new ();
  waymark_journey_set_id (out, waymark_journey_get_id (a));
  waymark_journey_set_text (out, WAYMARK_FIELD_TITLE, waymark_journey_get_text (b, WAYMARK_FIELD_TITLE));
  waymark_journey_set_text (out, WAYMARK_FIELD_SUBJECT, waymark_journey_get_text (b, WAYMARK_FIELD_SUBJECT));
  waymark_journey_set_text (out, WAYMARK_FIELD_GOAL, waymark_journey_get_text (b, WAYMARK_FIELD_GOAL));
  waymark_journey_set_state (out, waymark_journey_get_state (b));
  *waymark_journey_get_foreign_slot (out) = waymark_foreign_copy (waymark_journey_get_foreign (b));

  /* Matched items keep A's ids; an added item must not take one. */
  for (guint t = 0; t < N_TYPES; t++)
    for (guint i = 0; i < diff->pairs[t]->len; i++)
      g_hash_table_add (reserved, (gpointer) waymark_item_get_id (g_array_index (diff->pairs[t], WaymarkDiffPair,
                                                                                 i).a.item));

  /* Types in dependency order, each in B's order. */
  for (guint t = 0; t < N_TYPES; t++)
    {
      GArray *places = diff->places[WAYMARK_DIFF_B][t];

      for (guint j = 0; j < places->len; j++)
        {
          gpointer item = g_array_index (places, WaymarkDiffPlace, j).item;
          WaymarkItem *copy = waymark_fragment_copy_item (item, map_to_made, &apply);
          int i = diff->partner[WAYMARK_DIFF_B][t][j];

          if (i >= 0)
            {
              g_free (copy->id);
              copy->id = g_strdup (waymark_item_get_id (place_at (diff, WAYMARK_DIFF_A, t, (guint) i)->item));
            }
          while ((i < 0 && g_hash_table_contains (reserved, copy->id)) ||
                 waymark_journey_lookup (out, copy->id) != NULL ||
                 g_strcmp0 (copy->id, waymark_journey_get_id (out)) == 0)
            {
              g_free (copy->id);
              copy->id = waymark_journey_new_id (out, t);
              i = -1;
            }
          _waymark_journey_append_new (out, copy);
          g_hash_table_insert (made, item, copy);
          waymark_item_unref (copy);
        }
    }
  return out;
}
