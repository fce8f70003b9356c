/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much a weak spot matters; in the order findings are listed. */
typedef enum {
  WAYMARK_SEVERITY_HIGH,
  WAYMARK_SEVERITY_MEDIUM,
  WAYMARK_SEVERITY_LOW,
  WAYMARK_N_SEVERITIES,
} WaymarkSeverity;

/* "high", "medium", "low": the stable keyword (not translated). */
const char *waymark_severity_to_nick (WaymarkSeverity severity);
/* The translated word for @severity, as the command line prints it. */
const char *waymark_severity_label   (WaymarkSeverity severity);

typedef struct _WaymarkRule WaymarkRule;

/* One weak spot a rule found: the item it concerns (a strong reference),
 * the rule that found it, how much it matters and what it is, in a
 * translated sentence that names the item. */
typedef struct {
  const WaymarkRule *rule;
  gpointer item;
  WaymarkSeverity severity;
  char *message;
} WaymarkFinding;

/* Takes @message. */
WaymarkFinding *waymark_finding_new          (const WaymarkRule *rule,
                                              gpointer           item,
                                              WaymarkSeverity    severity,
                                              char              *message);
void            waymark_finding_free         (WaymarkFinding    *finding);
/* The rule's id, as the file's <dismissed finding="…"/> names it. */
const char     *waymark_finding_get_rule_id  (const WaymarkFinding *finding);
/* Why such a weak spot matters, and what usually helps (translated). */
const char     *waymark_finding_get_why      (const WaymarkFinding *finding);
const char     *waymark_finding_get_suggestion (const WaymarkFinding *finding);
/* Orders by severity (high first); a tie keeps the callers' order. */
int             waymark_finding_compare_severity (const WaymarkFinding *a,
                                                  const WaymarkFinding *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFinding, waymark_finding_free)

G_END_DECLS
