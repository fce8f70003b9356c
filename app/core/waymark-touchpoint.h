/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-channel.h"
#include "waymark-enums.h"
#include "waymark-item.h"
#include "waymark-kpi.h"
#include "waymark-lane.h"
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
} WaymarkTouchpoint;

WaymarkTouchpoint *waymark_touchpoint_new (const char *id, WaymarkPhase *phase, WaymarkLane *lane, const char *title);
void   waymark_touchpoint_set_phase   (WaymarkTouchpoint *tp, WaymarkPhase *phase);
void   waymark_touchpoint_set_lane    (WaymarkTouchpoint *tp, WaymarkLane *lane);
void   waymark_touchpoint_set_channel (WaymarkTouchpoint *tp, WaymarkChannel *channel);
guint  waymark_touchpoint_get_n_kpis  (const WaymarkTouchpoint *tp);
void   waymark_touchpoint_add_kpi     (WaymarkTouchpoint *tp, WaymarkKpi *kpi);
gboolean waymark_touchpoint_has_assessment (const WaymarkTouchpoint *tp);
void   _waymark_touchpoint_clear      (WaymarkTouchpoint *tp);
void   _waymark_touchpoint_copy_into  (const WaymarkTouchpoint *src, WaymarkTouchpoint *dst);

G_END_DECLS
