/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-diff.h"
#include "waymark-finding.h"

G_BEGIN_DECLS

/* How the journey as it is deviates from the journey as intended, in the
 * terms of service research (CJML, SINTEF), read off the one journey
 * diff (A: intended, B: as-is). */
typedef enum {
  WAYMARK_DEVIATION_MISSING,    /* a planned touchpoint the as-is journey lacks */
  WAYMARK_DEVIATION_AD_HOC,     /* an as-is touchpoint that was not planned */
  WAYMARK_DEVIATION_IRREGULAR,  /* a planned touchpoint met out of the planned sequence */
  WAYMARK_DEVIATION_FAILING,    /* a negative emotion or a weakness where the plan expected success */
} WaymarkDeviationKind;

typedef struct {
  WaymarkDeviationKind kind;
  WaymarkSeverity severity;
  /* The touchpoint in the intended and in the as-is journey (borrowed
   * from the diff): NULL for the side that lacks it. */
  WaymarkTouchpoint *intended;
  WaymarkTouchpoint *actual;
  char *message;                /* translated, naming the touchpoint */
} WaymarkDeviation;

/* "missing-touchpoint", "ad-hoc-touchpoint", "irregular-sequence",
 * "failing-touchpoint": stable ids, as the command line prints them. */
const char *waymark_deviation_kind_to_id (WaymarkDeviationKind kind);
/* "Missing touchpoint", …: the kind's translated name. */
const char *waymark_deviation_kind_to_label (WaymarkDeviationKind kind);

/* The deviations of @diff's B (as-is) from its A (intended), by severity
 * and then in the order a customer meets the touchpoints (the intended
 * flow for missing ones, the as-is flow for the others): a new array
 * that frees its elements. */
GPtrArray  *waymark_deviations_find      (WaymarkDiff *diff);
void        waymark_deviation_free       (WaymarkDeviation *deviation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDeviation, waymark_deviation_free)

G_END_DECLS
