/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

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

/* The digest of a sentence that names @tp and says nothing else. */
static guint64
digest_title (const WaymarkTouchpoint *tp)
{
  return _waymark_digest_text (_WAYMARK_DIGEST_START, _waymark_rule_label (tp->title));
}

WaymarkFinding *
_waymark_rule_check_owner (const WaymarkRule        *rule,
                           const WaymarkRuleContext *context,
                           gpointer                  item)
{
  WaymarkTouchpoint *tp = item;

  if (!is_empty (tp->owner))
    return NULL;
  return waymark_finding_new (rule, tp, WAYMARK_SEVERITY_LOW, NULL, 0, digest_title (tp));
}

char *
_waymark_rule_describe_owner (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;

  return g_strdup_printf (_("Nobody owns touchpoint “%s”"), _waymark_rule_label (tp->title));
}

/* The persona that feels worse at @tp than the map's emotion says and
 * than every other persona, or NULL; @worst: the lowest score there,
 * G_MAXINT when there is none. */
static WaymarkPersonaMark *
find_worst_feeling (const WaymarkTouchpoint *tp,
                    int                     *worst)
{
  WaymarkPersonaMark *worst_mark = NULL;

  *worst = tp->has_emotion ? tp->emotion : G_MAXINT;
  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    {
      WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);

      /* A mark without a score feels as the map says. */
      if (mark->has_emotion && mark->emotion < *worst)
        {
          *worst = mark->emotion;
          worst_mark = mark;
        }
    }
  return worst_mark;
}

/* The map's emotion, or a persona's where one feels worse: a touchpoint
 * that is fine on average can still fail one kind of customer. */
WaymarkFinding *
_waymark_rule_check_negative_emotion (const WaymarkRule        *rule,
                                      const WaymarkRuleContext *context,
                                      gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  WaymarkPersonaMark *mark;
  WaymarkSeverity severity;
  guint64 digest;
  int worst;

  mark = find_worst_feeling (tp, &worst);
  if (worst > context->settings->negative_emotion)
    return NULL;

  /* The worst score is worse than the first negative one. */
  severity = worst <= WAYMARK_EMOTION_MIN ? WAYMARK_SEVERITY_MEDIUM : WAYMARK_SEVERITY_LOW;
  severity = raise_at_moment_of_truth (severity, tp);
  digest = _waymark_digest_int (digest_title (tp), worst);
  digest = _waymark_digest_int (digest, tp->moment_of_truth);
  if (mark != NULL)
    digest = _waymark_digest_text (digest, _waymark_rule_label (mark->persona->name));
  return waymark_finding_new (rule, tp, severity, mark != NULL ? mark->persona : NULL, 0, digest);
}

char *
_waymark_rule_describe_negative_emotion (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;
  WaymarkPersona *persona = finding->other;
  g_autofree char *score = NULL;
  int worst;

  find_worst_feeling (tp, &worst);
  score = _waymark_rule_format_emotion (worst);
  if (persona != NULL && tp->moment_of_truth)
    /* Translators: the first %s is a persona, the second a touchpoint,
     * the third an emotion score such as −2. */
    return g_strdup_printf (_("Persona “%s” feels bad at “%s”, a moment of truth (emotion %s)"),
                            _waymark_rule_label (persona->name), _waymark_rule_label (tp->title), score);
  if (persona != NULL)
    /* Translators: the first %s is a persona, the second a touchpoint,
     * the third an emotion score such as −2. */
    return g_strdup_printf (_("Persona “%s” feels bad at “%s” (emotion %s)"),
                            _waymark_rule_label (persona->name), _waymark_rule_label (tp->title), score);
  if (tp->moment_of_truth)
    return g_strdup_printf (_("The customer feels bad at “%s”, a moment of truth (emotion %s)"),
                            _waymark_rule_label (tp->title), score);
  return g_strdup_printf (_("The customer feels bad at “%s” (emotion %s)"),
                          _waymark_rule_label (tp->title), score);
}

/* The first of @tp's KPIs that misses its target, or NULL; @n_missed:
 * how many do. */
static const WaymarkKpi *
find_missed_kpi (const WaymarkTouchpoint *tp,
                 guint                   *n_missed)
{
  const WaymarkKpi *first = NULL;

  *n_missed = 0;
  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      const WaymarkKpi *kpi = tp->kpis->pdata[i];

      if (!waymark_kpi_misses_target (kpi))
        continue;
      if (first == NULL)
        first = kpi;
      (*n_missed)++;
    }
  return first;
}

WaymarkFinding *
_waymark_rule_check_kpi_target (const WaymarkRule        *rule,
                                const WaymarkRuleContext *context,
                                gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  const WaymarkKpi *first;
  guint n_missed;
  guint64 digest;

  first = find_missed_kpi (tp, &n_missed);
  if (first == NULL)
    return NULL;

  /* Which way the KPI is good follows from its name, unit and own
   * direction; that it misses, from value and target. */
  digest = _waymark_digest_text (digest_title (tp), first->name);
  digest = _waymark_digest_text (digest, first->value);
  digest = _waymark_digest_text (digest, first->target);
  digest = _waymark_digest_text (digest, first->unit != NULL ? first->unit : "");
  digest = _waymark_digest_int (digest, first->direction);
  digest = _waymark_digest_int (digest, n_missed);
  return waymark_finding_new (rule, tp, raise_at_moment_of_truth (WAYMARK_SEVERITY_MEDIUM, tp),
                              NULL, 0, digest);
}

char *
_waymark_rule_describe_kpi_target (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;
  guint n_missed;
  const WaymarkKpi *first = find_missed_kpi (tp, &n_missed);
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;
  g_autofree char *what = NULL;

  /* Asked between an edit and the checker's update, say what the KPIs
   * say now; when none misses its target any more, what the rule is
   * about. */
  if (first == NULL)
    return g_strdup (waymark_rule_get_why (finding->rule));

  value = waymark_kpi_format_amount (first->value, first->unit);
  target = waymark_kpi_format_amount (first->target, first->unit);
  if (waymark_kpi_get_direction (first) == WAYMARK_KPI_DIRECTION_LOWER)
    what = g_strdup_printf (_("“%s” at “%s” is %s, above its target of %s"),
                            first->name, _waymark_rule_label (tp->title), value, target);
  else
    what = g_strdup_printf (_("“%s” at “%s” is %s, below its target of %s"),
                            first->name, _waymark_rule_label (tp->title), value, target);
  if (n_missed > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s (and %u more KPI misses its target)",
                                         "%s (and %u more KPIs miss their targets)",
                                         n_missed - 1),
                            what, n_missed - 1);
  return g_steal_pointer (&what);
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
  return waymark_finding_new (rule, tp, WAYMARK_SEVERITY_LOW, NULL, 0, digest_title (tp));
}

char *
_waymark_rule_describe_digital_kpi (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;

  return g_strdup_printf (_("Digital touchpoint “%s” has no KPI"), _waymark_rule_label (tp->title));
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
                              NULL, 0, digest_title (tp));
}

char *
_waymark_rule_describe_weakness_idea (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;

  return g_strdup_printf (_("Weakness “%s” has no idea and no note beside it"),
                          _waymark_rule_label (tp->title));
}
