/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-enums.h"
#include "waymark-item.h"

G_BEGIN_DECLS

/* A swimlane (row): touchpoints, notes such as pain points or ideas, or a
 * computed lane (the emotion curve, the KPI summary). */
typedef struct {
  WaymarkItem item;
  WaymarkLaneKind kind;
  char *name;
} WaymarkLane;

WaymarkLane *waymark_lane_new (const char *id, WaymarkLaneKind kind, const char *name);
void         _waymark_lane_clear (WaymarkLane *lane);
void         _waymark_lane_copy_into (const WaymarkLane *src, WaymarkLane *dst);

G_END_DECLS
