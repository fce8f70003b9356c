/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-diff-field.h"
#include "waymark-history.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* A fragment of a journey: items taken out of one journey and put into
 * another one.  Copy and paste carry cards as a fragment (a small journey
 * with the cards, the phases, lanes and channels they need and the links
 * between them); a diff applied and a merge build their journey from the
 * items of others.  Items point at the phases, lanes, channels and
 * touchpoints they need, so moving one between journeys re-points those
 * references: waymark_fragment_copy_item() is the one place that does it. */

/* A deep copy of @item (of any journey) whose references (a card's
 * phase, lane and channel, a link's ends) are re-pointed through @map;
 * the id stays.  A reference @map returns NULL for is cleared, which is
 * only valid for a channel. */
gpointer        waymark_fragment_copy_item   (gconstpointer      item,
                                              WaymarkDiffMapFunc map,
                                              gpointer           user_data);

/* A new journey holding copies of @cards (touchpoints and notes of
 * @journey, same ids), the phases, lanes and channels they sit in or use,
 * and the links between them; the title is @journey's (or, without one,
 * "Copied cards").  What the clipboard carries. */
WaymarkJourney *waymark_fragment_new         (WaymarkJourney *journey,
                                              GPtrArray      *cards);

/* Adds copies of @fragment's cards (new ids) to the history's journey in
 * one undo step: cards of the kind @lane holds go into the cell at
 * @index (G_MAXUINT: the end), others into a lane of their kind in
 * @phase, found by id, then name, then kind.  Channels are matched by
 * name and icon and added when missing; links between pasted touchpoints
 * come along.  Returns the new cards (a new array of borrowed pointers;
 * empty when nothing fitted). */
GPtrArray      *waymark_fragment_paste       (WaymarkHistory *history,
                                              WaymarkJourney *fragment,
                                              WaymarkPhase   *phase,
                                              WaymarkLane    *lane,
                                              guint           index);

/* One card of @lane's kind per non-empty line of @text (at most 500) in
 * one undo step; the same return value. */
GPtrArray      *waymark_fragment_paste_text  (WaymarkHistory *history,
                                              const char     *text,
                                              WaymarkPhase   *phase,
                                              WaymarkLane    *lane,
                                              guint           index);

/* Adds copies of all of @table's touchpoints (new ids) to the history's
 * journey in one undo step named @label, and its notes: each at the end
 * of its cell in the phase and the lane of the same name and kind
 * (touchpoints or notes), added after the others of its kind when the
 * journey has none of that name; channels are matched by
 * name alone and added when missing; the links between them come along.
 * What "Import Touchpoints…" does with a table waymark_csv_read() read.
 * Returns the new touchpoints, then the new notes (a new array of
 * borrowed pointers). */
GPtrArray      *waymark_fragment_import      (WaymarkHistory *history,
                                              WaymarkJourney *table,
                                              const char     *label);

G_END_DECLS
