/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* What the outline says about a card, as plain translated text: the same
 * words are shown in the row and given to assistive technologies, so a
 * screen reader hears what a sighted user reads.  Pure functions of the
 * model, tested without widgets. */

/* The card's title (a touchpoint) or text (a note), or a placeholder
 * when it has none. */
const char *waymark_outline_card_title      (gconstpointer card);
/* "Emotion: +1, positive (“curious”)", or NULL without an emotion. */
char       *waymark_outline_emotion_text    (const WaymarkTouchpoint *tp);
/* The short facts of a card, joined by " · ": channel, lane, emotion,
 * owner for a touchpoint; "Note" and the lane for a note; then its votes
 * when it has any. */
char       *waymark_outline_card_details    (gconstpointer card);
/* A word of the assessment ("Weak spot", "Moment of truth") and the CSS
 * class that colours it ("weak-spot", "strength", "moment-of-truth"). */
typedef struct {
  const char *text;
  const char *style;
} WaymarkOutlineMarker;

#define WAYMARK_OUTLINE_MAX_MARKERS 2

/* Fills @markers with the card's assessment in words; returns how many. */
guint       waymark_outline_card_markers    (gconstpointer         card,
                                             WaymarkOutlineMarker  markers[WAYMARK_OUTLINE_MAX_MARKERS]);
/* The accessible name of a card's row: the title, its details and its
 * markers, which is what a person scanning the list needs first. */
char       *waymark_outline_card_label      (gconstpointer card);
/* The rest of the card, for the accessible description: phase,
 * initiator, priority, description, quote, idea and KPIs. */
char       *waymark_outline_card_description (gconstpointer card);
/* A phase header: "Awareness, 6 cards". */
char       *waymark_outline_phase_counts    (guint         n_touchpoints,
                                             guint         n_notes);
char       *waymark_outline_phase_label     (WaymarkPhase *phase,
                                             guint         n_touchpoints,
                                             guint         n_notes);

G_END_DECLS
