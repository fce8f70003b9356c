/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* A key figure measured at a touchpoint (conversion rate, waiting time, …).
 * Numbers are kept as the text the file holds, so a round trip never turns
 * "0.031" into "0.031000". */
typedef struct {
  char *name;
  char *value;   /* a decimal number */
  char *unit;    /* nullable */
  char *target;  /* nullable decimal number */
  WaymarkKpiDirection direction;   /* UNSET: derived from the name and unit */
  /*< private >*/
  gboolean packed;
} WaymarkKpi;

/* A KPI from waymark_kpi_new() is one allocation with its strings inside
 * (a large map holds many): treat its fields as read-only.  One from
 * waymark_kpi_copy() has a g_malloc()ed string in each field, so that an
 * editor may replace one (g_free() the old string, store a new one).
 * waymark_kpi_free() frees either kind. */
WaymarkKpi *waymark_kpi_new  (const char *name, const char *value, const char *unit, const char *target);
WaymarkKpi *waymark_kpi_copy (const WaymarkKpi *kpi);
void        waymark_kpi_free (WaymarkKpi *kpi);
gboolean    waymark_kpi_equal (const WaymarkKpi *a, const WaymarkKpi *b);
/* Whether @text is a decimal number as the format allows: an optional '-',
 * digits, an optional fraction; no exponent, no spaces. */
gboolean    waymark_kpi_number_is_valid (const char *text);

/* Which way @kpi is good: its own direction when one is set, otherwise
 * what its name or unit says (a waiting time, a cost, a bounce or churn
 * rate is better lower; anything else, a conversion rate or a
 * satisfaction score, higher).  Never UNSET. */
WaymarkKpiDirection waymark_kpi_get_direction (const WaymarkKpi *kpi);
/* Whether @kpi has a target and its value is on the wrong side of it:
 * below for a KPI that should be higher, above for one that should be
 * lower.  A value equal to the target meets it. */
gboolean    waymark_kpi_misses_target (const WaymarkKpi *kpi);
/* A KPI's @number (its value or its target) for the reader, with @unit,
 * as the map's KPI lane shows it: the interface language's decimal
 * mark, long numbers grouped ("38,50 EUR", "185 000 contacts"), a ratio
 * as a percentage ("0.021" is "2.1 %", whole ones without decimals).
 * Text that is no number comes back as it is. */
char       *waymark_kpi_format_amount (const char *number,
                                       const char *unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkKpi, waymark_kpi_free)

G_END_DECLS
