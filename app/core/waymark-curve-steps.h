/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-deviation.h"

G_BEGIN_DECLS

/* The emotion curves of the journey as intended and as it is, on one
 * axis: the steps a customer takes, each with the intended touchpoint,
 * the one met, or both.  The steps run in the as-is flow (phase by
 * phase, as the map's curve runs); a planned touchpoint the as-is
 * journey lacks stands right after the step of the planned touchpoint
 * before it, so the intended curve keeps its own order where it can. */
typedef struct {
  WaymarkTouchpoint *intended;  /* borrowed from the diff; NULL: not planned */
  WaymarkTouchpoint *actual;    /* borrowed from the diff; NULL: missing */
  /* The phase's name to show under the step: the as-is one's, or the
   * intended one's for a missing touchpoint ("" when it has none). */
  const char *phase_name;
  /* Bits of 1 << WaymarkDeviationKind that concern this step. */
  guint deviations;
} WaymarkCurveStep;

/* The steps of @diff (A: intended, B: as-is) with @deviations (from
 * waymark_deviations_find() on the same diff) marked on them: a new
 * array of WaymarkCurveStep. */
GArray  *waymark_curve_steps_new      (WaymarkDiff *diff,
                                       GPtrArray   *deviations);

/* The average emotion of the steps' intended (@intended TRUE) or as-is
 * touchpoints that have one; FALSE when none has. */
gboolean waymark_curve_steps_average  (GArray      *steps,
                                       gboolean     intended,
                                       double      *average);

G_END_DECLS
