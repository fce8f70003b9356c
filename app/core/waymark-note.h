/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-item.h"
#include "waymark-lane.h"
#include "waymark-phase.h"

G_BEGIN_DECLS

/* A sticky note in a notes lane: a pain point, an idea, a thought. */
typedef struct {
  WaymarkItem item;
  WaymarkPhase *phase;   /* strong references */
  WaymarkLane *lane;
  char *text;
  guint votes;           /* dot votes (format 2), 0 … WAYMARK_VOTES_MAX */
} WaymarkNote;

WaymarkNote *waymark_note_new (const char *id, WaymarkPhase *phase, WaymarkLane *lane, const char *text);
void         waymark_note_set_phase (WaymarkNote *note, WaymarkPhase *phase);
void         waymark_note_set_lane  (WaymarkNote *note, WaymarkLane *lane);
void         _waymark_note_clear (WaymarkNote *note);
void         _waymark_note_copy_into (const WaymarkNote *src, WaymarkNote *dst);

G_END_DECLS
