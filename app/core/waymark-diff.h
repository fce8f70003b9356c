/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-diff-field.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* The difference between two journeys, A and B: which items of one are
 * which items of the other (matching), what became of each matched pair
 * (fields edited, moved to another cell, reordered), what only A has
 * (removed) and what only B has (added).  It is the one diff of Waymark:
 * `waymark diff`, the git drivers, "Compare with…", the merge's
 * conflict view and the as-is / intended comparison all read it.
 *
 * Matching (docs/DIFF.md says the same for users):
 *  1. By id: an item of B with the id of an item of A of the same type is
 *     that item.  Two versions of one map match completely this way.
 *  2. Unless WAYMARK_DIFF_BY_ID_ONLY, what is left is matched by content,
 *     for maps made separately, type by type in this order so that later
 *     keys can use earlier matches:
 *       persona      its name
 *       phase        its name
 *       lane         its kind and name
 *       channel      its name
 *       touchpoint   its channel and title (the channel as matched, so a
 *                    renamed channel still counts as the same), then in
 *                    a second round its title alone (MATCH_TITLE)
 *       note         its text
 *       link         its two ends, both matched
 *     Names, titles and texts are compared after Unicode NFKC
 *     normalisation and case folding, with runs of white space made one
 *     space and the ends trimmed; an empty key never matches.
 *  3. Duplicates (several items with one key on a side) are paired in
 *     document order; for touchpoints and notes, pairs in the same
 *     (matched) phase are made first.  The same two journeys always give
 *     the same matching.
 *
 * A diff holds references to both journeys and to every item it names;
 * it does not follow later edits of either (make a new one). */

typedef enum {
  WAYMARK_DIFF_A,   /* the first journey: old, base, intended */
  WAYMARK_DIFF_B,   /* the second: new, changed, as-is */
} WaymarkDiffSide;

typedef enum {
  WAYMARK_DIFF_MATCH_ID,       /* the same id */
  WAYMARK_DIFF_MATCH_CONTENT,  /* the same content key (step 2 above) */
  WAYMARK_DIFF_MATCH_TITLE,    /* touchpoints: the same title, another channel */
} WaymarkDiffMatch;

typedef enum {
  WAYMARK_DIFF_FLAGS_NONE = 0,
  /* Match by id only: for two versions of one map (merge, git). */
  WAYMARK_DIFF_BY_ID_ONLY = 1 << 0,
} WaymarkDiffFlags;

/* Where an item sits in its journey.  Indices count from 0. */
typedef struct {
  gpointer item;       /* WaymarkTouchpoint *, WaymarkPhase *, … (the diff holds a reference) */
  guint index;         /* position in the journey's list of its type (document order) */
  int phase;           /* touchpoints and notes: the column (index of the phase); else -1 */
  int lane;            /* touchpoints and notes: the row (index of the lane); else -1 */
  int position;        /* touchpoints and notes: position in the cell (phase × lane); else -1 */
} WaymarkDiffPlace;

/* An item of A and the item of B it was matched with.  Read the fields
 * themselves (emotion, assessment, owner, …) from the items. */
typedef struct {
  WaymarkItemType type;
  WaymarkDiffMatch match;
  WaymarkDiffPlace a;
  WaymarkDiffPlace b;
  guint32 edited;       /* WAYMARK_DIFF_FIELD_BIT (field) for each field that differs;
                         * references (phase, lane, channel, from, to) differ when they
                         * name items that are not matched with each other */
  gboolean moved;       /* touchpoints and notes: in another cell (PHASE or LANE edited) */
  gboolean reordered;   /* another place in the order: among the matched cards that stay
                         * in the same cell, or among matched personas, phases, lanes or
                         * channels (the fewest items that explain the new order).
                         * Links have no order that matters and are never reordered. */
} WaymarkDiffPair;

/* What a change record says. */
typedef enum {
  WAYMARK_DIFF_ADDED,      /* only B has the item: @b */
  WAYMARK_DIFF_REMOVED,    /* only A has the item: @a */
  WAYMARK_DIFF_EDITED,     /* @field differs (for KPIS: one KPI, @kpi_a → @kpi_b;
                            * for PERSONAS: one persona's mark, @mark_a → @mark_b) */
  WAYMARK_DIFF_MOVED,      /* a card went to another cell: @a's place → @b's */
  WAYMARK_DIFF_REORDERED,  /* same cell or list, another position: @a's → @b's */
} WaymarkDiffKind;

/* The type of the records about the journey's own fields (title,
 * subject, goal, state, extensions). */
#define WAYMARK_DIFF_JOURNEY WAYMARK_N_ITEM_TYPES

/* One change, for people and tools.  Records come in a fixed order: the
 * journey's fields, then personas, phases, lanes, channels, touchpoints,
 * notes, links; within a type the removed items in A's order, then the
 * matched ones in B's order (each: moved or reordered, then its edited
 * fields in field order), then the added ones in B's order. */
typedef struct {
  WaymarkDiffKind kind;
  WaymarkItemType type;        /* WAYMARK_DIFF_JOURNEY for the journey's fields */
  const WaymarkDiffPlace *a;   /* NULL when ADDED or for the journey */
  const WaymarkDiffPlace *b;   /* NULL when REMOVED or for the journey */
  WaymarkDiffField field;      /* EDITED: the field */
  const WaymarkKpi *kpi_a;     /* EDITED KPIS: the KPI in A (NULL: added) */
  const WaymarkKpi *kpi_b;     /* EDITED KPIS: the KPI in B (NULL: removed) */
  const WaymarkPersonaMark *mark_a;   /* EDITED PERSONAS: the mark in A (NULL: added) */
  const WaymarkPersonaMark *mark_b;   /* EDITED PERSONAS: the mark in B (NULL: removed) */
} WaymarkDiffRecord;

typedef struct _WaymarkDiff WaymarkDiff;

/* Compares @a with @b (both are referenced, not copied).  Linear in the
 * size of the journeys (plus n log n for the order). */
WaymarkDiff            *waymark_diff_new            (WaymarkJourney   *a,
                                                     WaymarkJourney   *b,
                                                     WaymarkDiffFlags  flags);
void                    waymark_diff_free           (WaymarkDiff      *diff);

WaymarkJourney         *waymark_diff_get_journey    (WaymarkDiff      *diff,
                                                     WaymarkDiffSide   side);
/* Whether the journeys mean the same: no record at all.  (The order of
 * cards of different cells in the file does not count.) */
gboolean                waymark_diff_is_empty       (WaymarkDiff      *diff);

/* The matched pairs of @type, in A's order. */
guint                   waymark_diff_get_n_pairs    (WaymarkDiff      *diff,
                                                     WaymarkItemType   type);
const WaymarkDiffPair  *waymark_diff_get_pair       (WaymarkDiff      *diff,
                                                     WaymarkItemType   type,
                                                     guint             index);
/* The items of @type only @side has (removed: A; added: B), in that
 * side's order. */
guint                   waymark_diff_get_n_only     (WaymarkDiff      *diff,
                                                     WaymarkDiffSide   side,
                                                     WaymarkItemType   type);
const WaymarkDiffPlace *waymark_diff_get_only       (WaymarkDiff      *diff,
                                                     WaymarkDiffSide   side,
                                                     WaymarkItemType   type,
                                                     guint             index);
/* The pair @item (of @side's journey) belongs to, or NULL when it is
 * unmatched (or not in that journey). */
const WaymarkDiffPair  *waymark_diff_lookup         (WaymarkDiff      *diff,
                                                     WaymarkDiffSide   side,
                                                     gconstpointer     item);
/* The item of the other side matched with @item of @side, or NULL. */
gpointer                waymark_diff_get_partner    (WaymarkDiff      *diff,
                                                     WaymarkDiffSide   side,
                                                     gconstpointer     item);
/* The journey's own fields that differ (WAYMARK_DIFF_FIELD_BIT mask of
 * TITLE, SUBJECT, GOAL, STATE, EXTENSIONS). */
guint32                 waymark_diff_get_journey_edited (WaymarkDiff  *diff);

/* Every change as a record (borrowed, valid as long as @diff). */
guint                   waymark_diff_get_n_records  (WaymarkDiff      *diff);
const WaymarkDiffRecord *waymark_diff_get_record    (WaymarkDiff      *diff,
                                                     guint             index);
/* One line of words for @record (translated), e.g.
 * "Touchpoint “Instagram ad”: emotion +1 → −1". */
char                   *waymark_diff_record_describe (WaymarkDiff             *diff,
                                                      const WaymarkDiffRecord *record);
/* "Awareness / Touchpoints, position 2": where a card sits (translated). */
char                   *waymark_diff_place_describe (WaymarkDiff            *diff,
                                                     WaymarkDiffSide         side,
                                                     const WaymarkDiffPlace *place);

/* A new journey: A with the diff applied.  It means what B means (so a
 * diff of it with B is empty), with A's id and A's ids for matched items;
 * added items keep B's ids (a fresh one if A uses it for something
 * else).  When all items matched by id it saves to B's bytes. */
WaymarkJourney         *waymark_diff_apply          (WaymarkDiff      *diff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDiff, waymark_diff_free)

G_END_DECLS
