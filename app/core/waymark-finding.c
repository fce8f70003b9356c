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
                     char              *message)
{
  WaymarkFinding *finding = g_new (WaymarkFinding, 1);

  finding->rule = rule;
  finding->item = waymark_item_ref (item);
  finding->severity = severity;
  finding->message = message;
  return finding;
}

void
waymark_finding_free (WaymarkFinding *finding)
{
  if (finding == NULL)
    return;
  waymark_item_unref (finding->item);
  g_free (finding->message);
  g_free (finding);
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
