/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* Journeys built in code for the render tests and tools. */

/* Appends a phase, lane, channel, touchpoint or note through
 * waymark_journey_insert_item(), so views hear about it. */
WaymarkPhase      *builder_add_phase      (WaymarkJourney *journey, const char *name);
WaymarkLane       *builder_add_lane       (WaymarkJourney *journey, WaymarkLaneKind kind, const char *name);
WaymarkChannel    *builder_add_channel    (WaymarkJourney *journey, WaymarkCategory category,
                                           const char *icon, const char *name);
WaymarkTouchpoint *builder_add_touchpoint (WaymarkJourney *journey, WaymarkPhase *phase, WaymarkLane *lane,
                                           WaymarkChannel *channel, const char *title, int emotion);
WaymarkNote       *builder_add_note       (WaymarkJourney *journey, WaymarkPhase *phase, WaymarkLane *lane,
                                           const char *text);
/* Swaps @item's contents with @edited (a changed waymark_item_copy(),
 * taken over) the way a command does. */
void               builder_swap           (WaymarkJourney *journey, gpointer item, gpointer edited);
/* Replaces @tp's title the way a command does (swap with an edited copy). */
void               builder_set_title      (WaymarkJourney *journey, WaymarkTouchpoint *tp, const char *title);

/* A map of @n_touchpoints touchpoints spread over @n_phases phases, with
 * pain-point notes, KPIs, an emotion and a KPI lane and some links.  The
 * same seed gives the same map. */
WaymarkJourney    *builder_generate       (guint n_phases, guint n_touchpoints, guint32 seed);

G_END_DECLS
