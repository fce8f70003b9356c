/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* What the weak-spot rules need to know about a journey beyond one item,
 * kept so that judging one item does not walk the whole map:
 * - the flow, the order a customer meets the touchpoints: phase by phase,
 *   inside a phase in the map's order (the order of the emotion curve);
 * - each phase's touchpoints (a range of the flow) and number of notes;
 * - which touchpoints are linked, and how many links stay inside each
 *   phase.
 * The order and the links are rebuilt separately, each when a change
 * made it stale. */
typedef struct _WaymarkFlow WaymarkFlow;

WaymarkFlow       *waymark_flow_new             (void);
void               waymark_flow_free            (WaymarkFlow       *flow);
void               waymark_flow_rebuild_order   (WaymarkFlow       *flow,
                                                 WaymarkJourney    *journey);
void               waymark_flow_rebuild_links   (WaymarkFlow       *flow,
                                                 WaymarkJourney    *journey);

/* The touchpoints in flow order (borrowed). */
GPtrArray         *waymark_flow_get_order       (WaymarkFlow       *flow);
/* The touchpoint before or after @tp in the flow, or NULL (also when
 * @tp is not in it). */
WaymarkTouchpoint *waymark_flow_get_previous    (WaymarkFlow       *flow,
                                                 WaymarkTouchpoint *tp);
WaymarkTouchpoint *waymark_flow_get_next        (WaymarkFlow       *flow,
                                                 WaymarkTouchpoint *tp);
/* @tp's index in the flow, or -1 when it is not in the journey. */
int                waymark_flow_get_position    (WaymarkFlow       *flow,
                                                 WaymarkTouchpoint *tp);
/* Whether @phase was in the journey when the order was built. */
gboolean           waymark_flow_has_phase       (WaymarkFlow       *flow,
                                                 WaymarkPhase      *phase);
/* @phase's touchpoints are order[*start … *end - 1]. */
void               waymark_flow_get_phase_range (WaymarkFlow       *flow,
                                                 WaymarkPhase      *phase,
                                                 guint             *start,
                                                 guint             *end);
guint              waymark_flow_count_notes     (WaymarkFlow       *flow,
                                                 WaymarkPhase      *phase);
/* Counts a note put into @phase (@delta 1) or taken out of it (-1)
 * without rebuilding the order. */
void               waymark_flow_add_notes       (WaymarkFlow       *flow,
                                                 WaymarkPhase      *phase,
                                                 int                delta);
/* Whether a link joins @a and @b, either way. */
gboolean           waymark_flow_are_linked      (WaymarkFlow       *flow,
                                                 WaymarkTouchpoint *a,
                                                 WaymarkTouchpoint *b);
/* The links from one touchpoint of @phase to another. */
guint              waymark_flow_count_inner_links (WaymarkFlow     *flow,
                                                   WaymarkPhase    *phase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFlow, waymark_flow_free)

G_END_DECLS
