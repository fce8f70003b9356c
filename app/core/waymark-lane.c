/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-lane.h"

WaymarkLane *
waymark_lane_new (const char      *id,
                  WaymarkLaneKind  kind,
                  const char      *name)
{
  WaymarkLane *lane = _waymark_item_alloc (WAYMARK_ITEM_LANE, sizeof *lane, id);

  lane->kind = kind;
  lane->name = g_strdup (name);
  return lane;
}

void
_waymark_lane_clear (WaymarkLane *lane)
{
  g_clear_pointer (&lane->name, g_free);
}

void
_waymark_lane_copy_into (const WaymarkLane *src,
                         WaymarkLane       *dst)
{
  dst->kind = src->kind;
  dst->name = g_strdup (src->name);
}
