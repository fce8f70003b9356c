/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The enumerations of the file format. Each has a stable file keyword
 * (the "nick") that must never change: it is what teams' files contain. */

typedef enum {
  WAYMARK_STATE_AS_IS,
  WAYMARK_STATE_INTENDED,
} WaymarkState;

typedef enum {
  WAYMARK_LANE_TOUCHPOINTS,
  WAYMARK_LANE_EMOTION,
  WAYMARK_LANE_NOTES,
  WAYMARK_LANE_KPIS,
} WaymarkLaneKind;

typedef enum {
  WAYMARK_CATEGORY_DIGITAL,
  WAYMARK_CATEGORY_PHYSICAL,
  WAYMARK_CATEGORY_PERSONAL,
} WaymarkCategory;

#define WAYMARK_N_CATEGORIES 3

typedef enum {
  WAYMARK_INITIATOR_UNSET,
  WAYMARK_INITIATOR_BRAND,
  WAYMARK_INITIATOR_CUSTOMER,
} WaymarkInitiator;

typedef enum {
  WAYMARK_STRENGTH_UNSET,
  WAYMARK_STRENGTH_STRENGTH,
  WAYMARK_STRENGTH_WEAKNESS,
} WaymarkStrength;

typedef enum {
  WAYMARK_PRIORITY_UNSET,
  WAYMARK_PRIORITY_LOW,
  WAYMARK_PRIORITY_MEDIUM,
  WAYMARK_PRIORITY_HIGH,
} WaymarkPriority;

/* Which way a KPI is good: a conversion rate should be higher than its
 * target, a waiting time lower (format 2). */
typedef enum {
  WAYMARK_KPI_DIRECTION_UNSET,
  WAYMARK_KPI_DIRECTION_HIGHER,
  WAYMARK_KPI_DIRECTION_LOWER,
} WaymarkKpiDirection;

const char *waymark_state_to_nick      (WaymarkState state);
gboolean    waymark_state_from_nick    (const char *nick, WaymarkState *out);
const char *waymark_lane_kind_to_nick  (WaymarkLaneKind kind);
gboolean    waymark_lane_kind_from_nick(const char *nick, WaymarkLaneKind *out);
const char *waymark_category_to_nick   (WaymarkCategory category);
gboolean    waymark_category_from_nick (const char *nick, WaymarkCategory *out);
/* The UNSET values have no nick (NULL): they are written as an absent attribute. */
const char *waymark_initiator_to_nick  (WaymarkInitiator initiator);
gboolean    waymark_initiator_from_nick(const char *nick, WaymarkInitiator *out);
const char *waymark_strength_to_nick   (WaymarkStrength strength);
gboolean    waymark_strength_from_nick (const char *nick, WaymarkStrength *out);
const char *waymark_priority_to_nick   (WaymarkPriority priority);
gboolean    waymark_priority_from_nick (const char *nick, WaymarkPriority *out);
const char *waymark_kpi_direction_to_nick   (WaymarkKpiDirection direction);
gboolean    waymark_kpi_direction_from_nick (const char *nick, WaymarkKpiDirection *out);

/* Whether cards can be placed in a lane of this kind (emotion and KPI
 * lanes are computed from the touchpoints). */
gboolean    waymark_lane_kind_holds_cards (WaymarkLaneKind kind);

G_END_DECLS
