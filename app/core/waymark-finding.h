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
 * the rule that found it and how much it matters.  What it is, a
 * translated sentence that names the item, is written when first asked
 * for (waymark_finding_get_message()): a large map has a hundred thousand
 * findings, and most are never shown.  Until then the finding keeps what
 * the sentence is made of. */
typedef struct {
  const WaymarkRule *rule;
  gpointer item;
  WaymarkSeverity severity;

  /*< private >*/
  gpointer other;     /* another item the sentence names (a reference): the touchpoint before @item, the persona that feels worst; or NULL */
  guint count;        /* a number the sentence gives (owners, KPIs), by rule */
  guint64 digest;     /* a 64-bit hash of everything the sentence says, to tell an edit that changes it */
  char *message;      /* NULL until asked for */
} WaymarkFinding;

/* @other (a touchpoint or NULL), @count and @digest: see WaymarkFinding. */
WaymarkFinding *waymark_finding_new          (const WaymarkRule *rule,
                                              gpointer           item,
                                              WaymarkSeverity    severity,
                                              gpointer           other,
                                              guint              count,
                                              guint64            digest);
void            waymark_finding_free         (WaymarkFinding    *finding);
/* The rule's id, as the file's <dismissed finding="…"/> names it. */
const char     *waymark_finding_get_rule_id  (const WaymarkFinding *finding);
/* What the weak spot is, in a translated sentence that names the item,
 * written the first time it is asked for and kept.  The checker replaces
 * a finding whose sentence would change, so after an update the sentence
 * is the one a fresh run would write. */
const char     *waymark_finding_get_message  (const WaymarkFinding *finding);
/* Whether @a and @b say the same (severity and sentence). */
gboolean        waymark_finding_equal        (const WaymarkFinding *a,
                                              const WaymarkFinding *b);
/* Why such a weak spot matters, and what usually helps (translated). */
const char     *waymark_finding_get_why      (const WaymarkFinding *finding);
const char     *waymark_finding_get_suggestion (const WaymarkFinding *finding);
/* Orders by severity (high first); a tie keeps the callers' order. */
int             waymark_finding_compare_severity (const WaymarkFinding *a,
                                                  const WaymarkFinding *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFinding, waymark_finding_free)

G_END_DECLS
