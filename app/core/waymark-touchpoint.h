/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-channel.h"
#include "waymark-enums.h"
#include "waymark-item.h"
#include "waymark-kpi.h"
#include "waymark-lane.h"
#include "waymark-persona-mark.h"
#include "waymark-phase.h"

G_BEGIN_DECLS

#define WAYMARK_EMOTION_MIN (-2)
#define WAYMARK_EMOTION_MAX 2

/* A card: one moment a customer meets the brand.  It sits in the cell
 * (phase × lane); its order in the cell is its order among the journey's
 * touchpoints.  Text fields are NULL when empty. */
typedef struct {
  WaymarkItem item;
  WaymarkPhase *phase;       /* strong references */
  WaymarkLane *lane;
  WaymarkChannel *channel;   /* nullable */
  WaymarkInitiator initiator;
  char *title;
  char *description;
  char *quote;
  char *idea;
  gboolean has_emotion;
  int emotion;               /* WAYMARK_EMOTION_MIN … MAX when has_emotion */
  char *emotion_note;
  char *owner;
  WaymarkStrength strength;
  WaymarkPriority priority;
  gboolean moment_of_truth;
  GPtrArray *kpis;           /* WaymarkKpi; NULL when none */
  guint votes;               /* dot votes (format 2), 0 … WAYMARK_VOTES_MAX */
  GPtrArray *persona_marks;  /* WaymarkPersonaMark (format 2); NULL when none:
                              * then it applies to every persona */
} WaymarkTouchpoint;

WaymarkTouchpoint *waymark_touchpoint_new (const char *id, WaymarkPhase *phase, WaymarkLane *lane, const char *title);
void   waymark_touchpoint_set_phase   (WaymarkTouchpoint *tp, WaymarkPhase *phase);
void   waymark_touchpoint_set_lane    (WaymarkTouchpoint *tp, WaymarkLane *lane);
void   waymark_touchpoint_set_channel (WaymarkTouchpoint *tp, WaymarkChannel *channel);
guint  waymark_touchpoint_get_n_kpis  (const WaymarkTouchpoint *tp);
void   waymark_touchpoint_add_kpi     (WaymarkTouchpoint *tp, WaymarkKpi *kpi);
gboolean waymark_touchpoint_has_assessment (const WaymarkTouchpoint *tp);

/* Personas (format 2): which ones a touchpoint applies to and how each
 * feels there.  See WaymarkPersonaMark. */
guint  waymark_touchpoint_get_n_persona_marks (const WaymarkTouchpoint *tp);
/* The mark for the persona with @persona_id, or NULL. */
WaymarkPersonaMark *waymark_touchpoint_get_persona_mark (const WaymarkTouchpoint *tp,
                                                         const char              *persona_id);
/* Whether @tp applies to the persona with @persona_id: it names that
 * persona, or it names none (then it applies to everyone).  What a
 * filter by persona keeps. */
gboolean waymark_touchpoint_applies_to_persona (const WaymarkTouchpoint *tp,
                                                const char              *persona_id);
/* How the persona with @persona_id feels at @tp: its own score when its
 * mark has one, else the touchpoint's.  FALSE when @tp does not apply to
 * that persona or has no emotion for it.  @note (nullable) gets the
 * note that goes with the score (borrowed, may be NULL). */
gboolean waymark_touchpoint_get_persona_emotion (const WaymarkTouchpoint *tp,
                                                 const char              *persona_id,
                                                 int                     *score,
                                                 const char             **note);
/* Appends @mark (ownership is taken); for the reader and for an edited
 * copy, never for a touchpoint of a journey. */
void   waymark_touchpoint_add_persona_mark    (WaymarkTouchpoint  *tp,
                                               WaymarkPersonaMark *mark);
/* The mark for @persona, added at the end when it has none yet (an
 * edited copy only). */
WaymarkPersonaMark *waymark_touchpoint_mark_persona (WaymarkTouchpoint *tp,
                                                     WaymarkPersona    *persona);
/* Takes the mark for @persona_id away (an edited copy only); FALSE when
 * there was none. */
gboolean waymark_touchpoint_unmark_persona    (WaymarkTouchpoint *tp,
                                               const char        *persona_id);
void   _waymark_touchpoint_clear      (WaymarkTouchpoint *tp);
void   _waymark_touchpoint_copy_into  (const WaymarkTouchpoint *src, WaymarkTouchpoint *dst);

G_END_DECLS
