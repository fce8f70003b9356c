/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-conflict.h"
#include "waymark-history.h"

G_BEGIN_DECLS

/* The edits people make on a map, each recorded as one undo step in
 * @history.  Positions inside a cell count the cell's cards in order
 * (G_MAXUINT = at the end). */

/* @channel may be one the journey does not hold yet (a palette item's
 * or a newly named one): it is added in the same undo step. */
WaymarkTouchpoint *waymark_edits_add_touchpoint (WaymarkHistory *history,
                                                 WaymarkPhase   *phase,
                                                 WaymarkLane    *lane,
                                                 guint           position,
                                                 const char     *title,
                                                 WaymarkChannel *channel);
/* Gives @touchpoint @channel (NULL clears it); a channel new to the
 * journey is added in the same undo step. */
void               waymark_edits_set_channel    (WaymarkHistory    *history,
                                                 WaymarkTouchpoint *touchpoint,
                                                 WaymarkChannel    *channel);
WaymarkNote       *waymark_edits_add_note       (WaymarkHistory *history,
                                                 WaymarkPhase   *phase,
                                                 WaymarkLane    *lane,
                                                 guint           position,
                                                 const char     *text);
/* Moves @cards (touchpoints or notes, all of the kind @lane holds) into
 * the cell, keeping their relative order, before the card now at
 * @position.  Returns FALSE (and records nothing) when nothing moves. */
gboolean           waymark_edits_move_cards     (WaymarkHistory *history,
                                                 GPtrArray      *cards,
                                                 WaymarkPhase   *phase,
                                                 WaymarkLane    *lane,
                                                 guint           position);
/* Copies of @cards right after the originals; returns the copies (borrowed
 * pointers in a new array). */
GPtrArray         *waymark_edits_duplicate      (WaymarkHistory *history,
                                                 GPtrArray      *cards);
/* Deletes @items and what depends on them: a phase or lane with its
 * cards, a touchpoint with its links; a channel is cleared from the
 * touchpoints that used it. */
void               waymark_edits_delete         (WaymarkHistory *history,
                                                 GPtrArray      *items);
/* Replaces @item's contents with @edited (a changed waymark_item_copy of
 * it; ownership is taken).  Successive updates with the same
 * @merge_key (e.g. "title") of one item merge into one step. */
void               waymark_edits_update         (WaymarkHistory *history,
                                                 gpointer        item,
                                                 gpointer        edited,
                                                 const char     *merge_key);
/* How many weak-spot findings are dismissed across the items of
 * @journey (each kept in the file as <dismissed finding="ID"/>). */
guint              waymark_edits_count_dismissed (WaymarkJourney *journey);
/* Takes back every dismissal of the map, so that its findings are
 * reported again: one undo step.  Returns how many were taken back (0:
 * nothing recorded). */
guint              waymark_edits_restore_dismissed (WaymarkHistory *history);
/* Dot voting: adds @delta votes (negative: takes them away) to each of
 * @cards that is a card, within 0 … WAYMARK_VOTES_MAX; one undo step for
 * all.  Returns FALSE (and records nothing) when no count changes. */
gboolean           waymark_edits_vote           (WaymarkHistory *history,
                                                 GPtrArray      *cards,
                                                 int             delta);
/* Phases, lanes, channels and personas: add at @index (-1 appends). */
gpointer           waymark_edits_add_item       (WaymarkHistory *history,
                                                 gpointer        item,
                                                 int             index);
/* Reorders a phase, lane, channel or persona. */
gboolean           waymark_edits_move_item      (WaymarkHistory *history,
                                                 gpointer        item,
                                                 guint           new_index);
/* Links two touchpoints (the flow); NULL when they are already linked or
 * @from is @to. */
WaymarkLink       *waymark_edits_link           (WaymarkHistory    *history,
                                                 WaymarkTouchpoint *from,
                                                 WaymarkTouchpoint *to);
void               waymark_edits_set_text       (WaymarkHistory     *history,
                                                 WaymarkJourneyField field,
                                                 const char         *value);
void               waymark_edits_set_state      (WaymarkHistory *history,
                                                 WaymarkState    state);

/* Settles @conflict, one of the journey's merge conflicts, with @side's
 * value: a field takes it; an item one side deleted is deleted (@side is
 * the one that deleted it, with what depends on it) or kept; an item
 * both moved goes where @side put it.  Returns FALSE (and records
 * nothing) when that value cannot be taken (a lane kind its cards do not
 * fit, a side without a value). */
gboolean           waymark_edits_resolve_conflict (WaymarkHistory      *history,
                                                   WaymarkConflict     *conflict,
                                                   WaymarkConflictSide  side);
/* Settles @conflict with what the map has now (someone edited it). */
void               waymark_edits_keep_conflict  (WaymarkHistory  *history,
                                                 WaymarkConflict *conflict);

/* The index in the journey's card list at which a card enters the cell at
 * @position, not counting @moving (which may be NULL). */
guint              waymark_edits_cell_index     (WaymarkJourney *journey,
                                                 WaymarkItemType type,
                                                 WaymarkPhase   *phase,
                                                 WaymarkLane    *lane,
                                                 guint           position,
                                                 gconstpointer   moving);

G_END_DECLS
