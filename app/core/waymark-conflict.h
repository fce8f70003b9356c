/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-diff-field.h"

G_BEGIN_DECLS

/* A merge conflict kept in a map (docs/FORMAT.md, "Merge conflicts"):
 * something both sides of a three-way merge changed in ways that do not
 * fit together.  The map holds one of the values (ours) so that it opens
 * and draws as usual; the conflict records every side's value until
 * someone picks one (waymark_edits_resolve_conflict()). */

typedef enum {
  WAYMARK_CONFLICT_FIELD,    /* both changed @field to different values; the map has ours */
  WAYMARK_CONFLICT_DELETED,  /* one side deleted @item, the other changed it or put
                              * something new on it; the map keeps the item */
  WAYMARK_CONFLICT_ORDER,    /* both moved @item, to different places in its cell (cards)
                              * or list (phases, lanes, channels, personas); the map has ours */
} WaymarkConflictKind;

typedef enum {
  WAYMARK_CONFLICT_BASE,     /* the common ancestor */
  WAYMARK_CONFLICT_OURS,     /* the side merged into (git's current branch) */
  WAYMARK_CONFLICT_THEIRS,   /* the side merged in */
  WAYMARK_CONFLICT_N_SIDES
} WaymarkConflictSide;

/* One side's value, as the file spells it (an id, a keyword, a score). */
typedef struct {
  gboolean set;      /* FALSE: this side has no value (a base of something both added) */
  char *text;        /* NULL: empty / none.  ORDER: the id of the item before it (NULL: first) */
  GPtrArray *kpis;   /* field KPIS: WaymarkKpi (NULL: none) */
} WaymarkConflictValue;

typedef struct {
  WaymarkConflictKind kind;
  char *item;                  /* the id of the item; NULL: the journey itself (FIELD only) */
  WaymarkDiffField field;      /* FIELD */
  WaymarkConflictSide deleted_by;  /* DELETED: OURS or THEIRS */
  WaymarkConflictValue values[WAYMARK_CONFLICT_N_SIDES];   /* FIELD, ORDER (no base) */
  WaymarkForeign *foreign;     /* what other namespaces put on <conflict> */
  int line;                    /* where the reader found it (0: made in memory) */
} WaymarkConflict;

WaymarkConflict *waymark_conflict_new   (WaymarkConflictKind  kind,
                                         const char          *item,
                                         WaymarkDiffField     field);
WaymarkConflict *waymark_conflict_copy  (const WaymarkConflict *conflict);
void             waymark_conflict_free  (WaymarkConflict *conflict);

/* Sets @side's value of a FIELD conflict to @field's value in @item (or,
 * when @item is NULL, in the journey @journey). */
void             waymark_conflict_take_value (WaymarkConflict     *conflict,
                                              WaymarkConflictSide  side,
                                              WaymarkJourney      *journey,
                                              gconstpointer        item);

/* Whether @text is a valid value of @side for @journey: a keyword the
 * field allows, a score, the id of an item of the right kind, …;
 * otherwise sets @error (a message without place).  The base's value
 * is a record of what was: the item it names may be gone, so only its
 * spelling is checked. */
gboolean         waymark_conflict_check_value (const WaymarkConflict *conflict,
                                               WaymarkConflictSide    side,
                                               WaymarkJourney        *journey,
                                               const char            *text,
                                               GError               **error);

/* Puts @side's value of a FIELD conflict into @copy, a copy of the
 * conflict's item from @journey (references are looked up there). */
void             waymark_conflict_apply_value (const WaymarkConflict *conflict,
                                               WaymarkConflictSide    side,
                                               WaymarkJourney        *journey,
                                               gpointer               copy);

/* "Touchpoint “Chat”: title" or "Journey: goal" (translated): what the
 * conflict is about. */
char            *waymark_conflict_describe (const WaymarkConflict *conflict,
                                            WaymarkJourney        *journey);
/* @side's value for people (translated); "(none)" when empty. */
char            *waymark_conflict_describe_value (const WaymarkConflict *conflict,
                                                  WaymarkJourney        *journey,
                                                  WaymarkConflictSide    side);
/* "ours" / "theirs" as the file spells them, and back. */
const char      *waymark_conflict_side_to_nick   (WaymarkConflictSide  side);
gboolean         waymark_conflict_side_from_nick (const char          *nick,
                                                  WaymarkConflictSide *out);
const char      *waymark_conflict_kind_to_nick   (WaymarkConflictKind  kind);
gboolean         waymark_conflict_kind_from_nick (const char          *nick,
                                                  WaymarkConflictKind *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkConflict, waymark_conflict_free)

G_END_DECLS
