/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-number.h"
#include "waymark-rules-private.h"

/* The rules that judge one touchpoint by itself (and, for a weakness,
 * the notes beside it). */

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* One step more severe at a moment of truth. */
static WaymarkSeverity
raise_at_moment_of_truth (WaymarkSeverity          severity,
                          const WaymarkTouchpoint *tp)
{
  if (tp->moment_of_truth && severity > WAYMARK_SEVERITY_HIGH)
    return severity - 1;
  return severity;
}

WaymarkFinding *
_waymark_rule_check_owner (const WaymarkRule        *rule,
                           const WaymarkRuleContext *context,
                           gpointer                  item)
{
  WaymarkTouchpoint *tp = item;

  if (!is_empty (tp->owner))
    return NULL;
  return waymark_finding_new (rule, tp, WAYMARK_SEVERITY_LOW,
                              g_strdup_printf (_("Nobody owns touchpoint “%s”"),
                                               _waymark_rule_label (tp->title)));
}

WaymarkFinding *
_waymark_rule_check_negative_emotion (const WaymarkRule        *rule,
                                      const WaymarkRuleContext *context,
                                      gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  g_autofree char *score = NULL;
  WaymarkSeverity severity;
  char *message;

  if (!tp->has_emotion || tp->emotion > context->settings->negative_emotion)
    return NULL;

  /* The worst score is worse than the first negative one. */
  severity = tp->emotion <= WAYMARK_EMOTION_MIN ? WAYMARK_SEVERITY_MEDIUM : WAYMARK_SEVERITY_LOW;
  severity = raise_at_moment_of_truth (severity, tp);
  score = _waymark_rule_format_emotion (tp->emotion);
  if (tp->moment_of_truth)
    message = g_strdup_printf (_("The customer feels bad at “%s”, a moment of truth (emotion %s)"),
                               _waymark_rule_label (tp->title), score);
  else
    message = g_strdup_printf (_("The customer feels bad at “%s” (emotion %s)"),
                               _waymark_rule_label (tp->title), score);
  return waymark_finding_new (rule, tp, severity, message);
}

/* "12 min", "0.031": a KPI's number, as the reader writes numbers,
 * with its unit. */
static char *
format_amount (const char *number,
               const char *unit)
{
  g_autofree char *shown = waymark_number_format (number);

  if (is_empty (unit))
    return g_steal_pointer (&shown);
  return g_strdup_printf (C_("kpi amount", "%s %s"), shown, unit);
}

WaymarkFinding *
_waymark_rule_check_kpi_target (const WaymarkRule        *rule,
                                const WaymarkRuleContext *context,
                                gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  const WaymarkKpi *first = NULL;
  guint n_missed = 0;
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *what = NULL;
  char *message;

  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      const WaymarkKpi *kpi = tp->kpis->pdata[i];

      if (!waymark_kpi_misses_target (kpi))
        continue;
      if (first == NULL)
        first = kpi;
      n_missed++;
    }
  if (first == NULL)
    return NULL;

  value = format_amount (first->value, first->unit);
  target = format_amount (first->target, first->unit);
  if (waymark_kpi_get_direction (first) == WAYMARK_KPI_DIRECTION_LOWER)
    what = g_strdup_printf (_("“%s” at “%s” is %s, above its target of %s"),
                            first->name, _waymark_rule_label (tp->title), value, target);
  else
    what = g_strdup_printf (_("“%s” at “%s” is %s, below its target of %s"),
                            first->name, _waymark_rule_label (tp->title), value, target);
  if (n_missed > 1)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s (and %u more KPI misses its target)",
                                            "%s (and %u more KPIs miss their targets)",
                                            n_missed - 1),
                               what, n_missed - 1);
  else
    message = g_steal_pointer (&what);
  return waymark_finding_new (rule, tp, raise_at_moment_of_truth (WAYMARK_SEVERITY_MEDIUM, tp), message);
}

WaymarkFinding *
_waymark_rule_check_digital_kpi (const WaymarkRule        *rule,
                                 const WaymarkRuleContext *context,
                                 gpointer                  item)
{
  WaymarkTouchpoint *tp = item;

  if (tp->channel == NULL || tp->channel->category != WAYMARK_CATEGORY_DIGITAL ||
      waymark_touchpoint_get_n_kpis (tp) > 0)
    return NULL;
  return waymark_finding_new (rule, tp, WAYMARK_SEVERITY_LOW,
                              g_strdup_printf (_("Digital touchpoint “%s” has no KPI"),
                                               _waymark_rule_label (tp->title)));
}

WaymarkFinding *
_waymark_rule_check_weakness_idea (const WaymarkRule        *rule,
                                   const WaymarkRuleContext *context,
                                   gpointer                  item)
{
  WaymarkTouchpoint *tp = item;

  if (tp->strength != WAYMARK_STRENGTH_WEAKNESS || !is_empty (tp->idea) ||
      waymark_flow_count_notes (context->flow, tp->phase) > 0)
    return NULL;
  return waymark_finding_new (rule, tp, raise_at_moment_of_truth (WAYMARK_SEVERITY_LOW, tp),
                              g_strdup_printf (_("Weakness “%s” has no idea and no note beside it"),
                                               _waymark_rule_label (tp->title)));
}
