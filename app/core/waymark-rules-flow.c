/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-rules-private.h"

/* The rules that judge a touchpoint against the one before it in the
 * flow; the finding is about the later one, where the customer arrives. */

WaymarkFinding *
_waymark_rule_check_emotion_drop (const WaymarkRule        *rule,
                                  const WaymarkRuleContext *context,
                                  gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  WaymarkTouchpoint *previous = waymark_flow_get_previous (context->flow, tp);
  WaymarkSeverity severity = WAYMARK_SEVERITY_MEDIUM;
  guint64 digest;
  int drop;

  if (previous == NULL || !previous->has_emotion || !tp->has_emotion)
    return NULL;
  drop = previous->emotion - tp->emotion;
  if (drop < context->settings->emotion_drop)
    return NULL;

  /* A fall into a moment of truth, or across the whole scale but one
   * step, is the worst kind. */
  if (tp->moment_of_truth || drop >= WAYMARK_EMOTION_MAX - WAYMARK_EMOTION_MIN - 1)
    severity = WAYMARK_SEVERITY_HIGH;
  digest = _waymark_digest_text (_WAYMARK_DIGEST_START, _waymark_rule_label (previous->title));
  digest = _waymark_digest_int (digest, previous->emotion);
  digest = _waymark_digest_text (digest, _waymark_rule_label (tp->title));
  digest = _waymark_digest_int (digest, tp->emotion);
  return waymark_finding_new (rule, tp, severity, previous, 0, digest);
}

char *
_waymark_rule_describe_emotion_drop (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;
  WaymarkTouchpoint *previous = finding->other;
  g_autofree char *before = _waymark_rule_format_emotion (previous->emotion);
  g_autofree char *after = _waymark_rule_format_emotion (tp->emotion);

  return g_strdup_printf (_("The emotion drops from %s at “%s” to %s at “%s”"),
                          before, _waymark_rule_label (previous->title),
                          after, _waymark_rule_label (tp->title));
}

static gboolean
is_online (const WaymarkTouchpoint *tp)
{
  return tp->channel->category == WAYMARK_CATEGORY_DIGITAL;
}

/* What a channel-break finding keeps in its count. */
enum {
  BREAK_FROM_ONLINE = 1 << 0,
  BREAK_DROPS = 1 << 1,
};

WaymarkFinding *
_waymark_rule_check_channel_break (const WaymarkRule        *rule,
                                   const WaymarkRuleContext *context,
                                   gpointer                  item)
{
  WaymarkTouchpoint *tp = item;
  WaymarkTouchpoint *previous = waymark_flow_get_previous (context->flow, tp);
  gboolean drops;
  guint kind;
  guint64 digest;

  if (previous == NULL || previous->channel == NULL || tp->channel == NULL ||
      is_online (previous) == is_online (tp))
    return NULL;
  drops = previous->has_emotion && tp->has_emotion && tp->emotion < previous->emotion;
  if (!drops && waymark_flow_are_linked (context->flow, previous, tp))
    return NULL;

  kind = (is_online (previous) ? BREAK_FROM_ONLINE : 0) | (drops ? BREAK_DROPS : 0);
  digest = _waymark_digest_text (_WAYMARK_DIGEST_START, _waymark_rule_label (previous->title));
  digest = _waymark_digest_text (digest, _waymark_rule_label (tp->title));
  digest = _waymark_digest_int (digest, kind);
  return waymark_finding_new (rule, tp, WAYMARK_SEVERITY_MEDIUM, previous, kind, digest);
}

char *
_waymark_rule_describe_channel_break (const WaymarkFinding *finding)
{
  WaymarkTouchpoint *tp = finding->item;
  WaymarkTouchpoint *previous = finding->other;
  const char *from = _waymark_rule_label (previous->title);
  const char *to = _waymark_rule_label (tp->title);
  gboolean drops = (finding->count & BREAK_DROPS) != 0;

  if (finding->count & BREAK_FROM_ONLINE)
    return drops
      ? g_strdup_printf (_("From online “%s” to offline “%s” the emotion drops"), from, to)
      : g_strdup_printf (_("From online “%s” to offline “%s” without a link"), from, to);
  return drops
    ? g_strdup_printf (_("From offline “%s” to online “%s” the emotion drops"), from, to)
    : g_strdup_printf (_("From offline “%s” to online “%s” without a link"), from, to);
}
