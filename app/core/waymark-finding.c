/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-finding.h"
#include "waymark-item.h"
#include "waymark-rules.h"

const char *
waymark_severity_to_nick (WaymarkSeverity severity)
{
  switch (severity)
    {
    case WAYMARK_SEVERITY_HIGH: return "high";
    case WAYMARK_SEVERITY_MEDIUM: return "medium";
    case WAYMARK_SEVERITY_LOW:
    case WAYMARK_N_SEVERITIES:
    default:
      return "low";
    }
}

const char *
waymark_severity_label (WaymarkSeverity severity)
{
  switch (severity)
    {
    case WAYMARK_SEVERITY_HIGH: return C_("severity", "high");
    case WAYMARK_SEVERITY_MEDIUM: return C_("severity", "medium");
    case WAYMARK_SEVERITY_LOW:
    case WAYMARK_N_SEVERITIES:
    default:
      return C_("severity", "low");
    }
}

WaymarkFinding *
waymark_finding_new (const WaymarkRule *rule,
                     gpointer           item,
                     WaymarkSeverity    severity,
                     gpointer           other,
                     guint              count,
                     guint64            digest)
{
  WaymarkFinding *finding = g_new (WaymarkFinding, 1);

  finding->rule = rule;
  finding->item = waymark_item_ref (item);
  finding->severity = severity;
  finding->other = other != NULL ? waymark_item_ref (other) : NULL;
  finding->count = count;
  finding->digest = digest;
  finding->message = NULL;
  return finding;
}

void
waymark_finding_free (WaymarkFinding *finding)
{
  if (finding == NULL)
    return;
  waymark_item_unref (finding->item);
  g_clear_pointer (&finding->other, waymark_item_unref);
  g_free (finding->message);
  g_free (finding);
}

const char *
waymark_finding_get_message (const WaymarkFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  /* Written once and kept: the finding is replaced, not changed, when
   * its sentence would change. */
  if (finding->message == NULL)
    ((WaymarkFinding *) finding)->message = finding->rule->describe (finding);
  return finding->message;
}

gboolean
waymark_finding_equal (const WaymarkFinding *a,
                       const WaymarkFinding *b)
{
  return a->rule == b->rule && a->severity == b->severity && a->digest == b->digest;
}

const char *
waymark_finding_get_rule_id (const WaymarkFinding *finding)
{
  return finding->rule->id;
}

const char *
waymark_finding_get_why (const WaymarkFinding *finding)
{
  return waymark_rule_get_why (finding->rule);
}

const char *
waymark_finding_get_suggestion (const WaymarkFinding *finding)
{
  return waymark_rule_get_suggestion (finding->rule);
}

int
waymark_finding_compare_severity (const WaymarkFinding *a,
                                  const WaymarkFinding *b)
{
  return (int) a->severity - (int) b->severity;
}
