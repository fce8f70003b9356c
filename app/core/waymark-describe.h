/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-lane.h"
#include "waymark-phase.h"

G_BEGIN_DECLS

/* What every view says about a card the same way: whether an item is a
 * card, the cell it sits in, the words for an emotion and the sentence
 * that names a card.  The canvas, the outline, the legend and the
 * command line use these, so a screen reader, the map and a printout
 * agree. */

/* Whether @item is a card: a touchpoint or a note (NULL is none). */
gboolean    waymark_describe_is_card   (gconstpointer item);
/* The cell @card sits in.  Returns FALSE (and NULLs) for an item that
 * is not a card. */
gboolean    waymark_describe_card_cell (gconstpointer   card,
                                        WaymarkPhase  **phase,
                                        WaymarkLane   **lane);
/* The translated word for an emotion score: "very negative", "negative",
 * "neutral", "positive", "very positive". */
const char *waymark_describe_emotion   (int score);
/* "Touchpoint “Instagram ad” in Awareness, Touchpoints" (translated),
 * with ", 3 votes" when it has votes;
 * NULL for an item that is not a card. */
char       *waymark_describe_card      (gconstpointer card);

G_END_DECLS
