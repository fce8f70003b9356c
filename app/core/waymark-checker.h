/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-finding.h"
#include "waymark-journey.h"
#include "waymark-rules.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CHECKER (waymark_checker_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkChecker, waymark_checker, WAYMARK, CHECKER, GObject)

/* Keeps the weak-spot findings of one journey up to date.  It listens to
 * the journey's changes and notes which rules each one can affect for
 * which items; waymark_checker_update() then re-runs only those, so that
 * an edit of one card at 10,000 touchpoints costs about as much as at
 * ten.  Findings dismissed in the file are not reported.
 * Signal ::changed (GPtrArray *removed, GPtrArray *added): the findings
 * that went and came in one update (borrowed; the removed ones are freed
 * after the emission). */
WaymarkChecker *waymark_checker_new          (WaymarkJourney            *journey);
WaymarkJourney *waymark_checker_get_journey  (WaymarkChecker            *self);
const WaymarkRuleSettings *waymark_checker_get_settings (WaymarkChecker *self);
/* Changes the thresholds: every rule runs again at the next update. */
void            waymark_checker_set_settings (WaymarkChecker            *self,
                                              const WaymarkRuleSettings *settings);
/* Runs the rules the changes since the last update touched (all of them
 * the first time).  Returns whether any finding came or went. */
gboolean        waymark_checker_update       (WaymarkChecker            *self);
/* Whether a change is waiting for waymark_checker_update(). */
gboolean        waymark_checker_is_pending   (WaymarkChecker            *self);

/* All findings as of the last update, by severity and then in the order
 * of the map (a phase before its touchpoints, the touchpoints in the
 * flow): a new array of borrowed findings. */
GPtrArray      *waymark_checker_list         (WaymarkChecker            *self);
/* Orders two current findings as waymark_checker_list() does (for a
 * view that inserts the added ones in place). */
int             waymark_checker_compare      (WaymarkChecker            *self,
                                              const WaymarkFinding      *a,
                                              const WaymarkFinding      *b);
guint           waymark_checker_count        (WaymarkChecker            *self,
                                              WaymarkSeverity            severity);
guint           waymark_checker_get_n_findings (WaymarkChecker          *self);
/* The most severe finding about @item, or NULL (for a marker on it). */
WaymarkFinding *waymark_checker_get_worst    (WaymarkChecker            *self,
                                              gconstpointer              item);
/* The finding of @rule about @item, or NULL. */
WaymarkFinding *waymark_checker_get_finding  (WaymarkChecker            *self,
                                              gconstpointer              item,
                                              const WaymarkRule         *rule);

G_END_DECLS
