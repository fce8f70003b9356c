/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-lane.h"
#include "waymark-phase.h"

G_BEGIN_DECLS

typedef enum {
  WAYMARK_CHANGE_PROPERTIES,  /* title, subject, goal, state or the merge conflicts */
  WAYMARK_CHANGE_INSERTED,    /* @item was added at @index */
  WAYMARK_CHANGE_REMOVED,     /* @item was removed from @old_index */
  WAYMARK_CHANGE_MOVED,       /* @item moved from @old_index to @index in its list */
  WAYMARK_CHANGE_EDITED,      /* @item's contents changed (for a card maybe its cell) */
  WAYMARK_CHANGE_RELOADED,    /* everything may have changed */
} WaymarkChangeKind;

/* What a WaymarkJourney::changed signal reports, so that a view updates
 * only what changed: for cards, @old_phase/@old_lane name the cell they were
 * in before (the cell after is in the card itself). */
typedef struct {
  WaymarkChangeKind kind;
  gpointer item;
  guint index;
  guint old_index;
  WaymarkPhase *old_phase;
  WaymarkLane *old_lane;
} WaymarkChange;

G_END_DECLS
