/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-rules-private.h"

/* The rules that judge a phase by its touchpoints. */

WaymarkFinding *
_waymark_rule_check_empty_phase (const WaymarkRule        *rule,
                                 const WaymarkRuleContext *context,
                                 gpointer                  item)
{
  WaymarkPhase *phase = item;
  guint start;
  guint end;

  waymark_flow_get_phase_range (context->flow, phase, &start, &end);
  if (end > start)
    return NULL;
  return waymark_finding_new (rule, phase, WAYMARK_SEVERITY_HIGH, NULL, 0,
                              _waymark_digest_text (_WAYMARK_DIGEST_START, _waymark_rule_label (phase->name)));
}

char *
_waymark_rule_describe_empty_phase (const WaymarkFinding *finding)
{
  WaymarkPhase *phase = finding->item;

  return g_strdup_printf (_("Phase “%s” has no touchpoint"), _waymark_rule_label (phase->name));
}

/* The owners of the touchpoints of @phase, counted up to @enough. */
static guint
count_owners (WaymarkFlow  *flow,
              WaymarkPhase *phase,
              guint         enough)
{
  GPtrArray *order = waymark_flow_get_order (flow);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  guint start;
  guint end;

  waymark_flow_get_phase_range (flow, phase, &start, &end);
  for (guint i = start; i < end && owners->len < enough; i++)
    {
      WaymarkTouchpoint *tp = order->pdata[i];

      if (tp->owner != NULL && tp->owner[0] != '\0' &&
          !g_ptr_array_find_with_equal_func (owners, tp->owner, g_str_equal, NULL))
        g_ptr_array_add (owners, tp->owner);
    }
  return owners->len;
}

WaymarkFinding *
_waymark_rule_check_silos (const WaymarkRule        *rule,
                           const WaymarkRuleContext *context,
                           gpointer                  item)
{
  WaymarkPhase *phase = item;
  guint enough = MAX (context->settings->silo_owners, 2);
  guint owners;
  guint64 digest;

  if (waymark_flow_count_inner_links (context->flow, phase) > 0)
    return NULL;
  owners = count_owners (context->flow, phase, G_MAXUINT);
  if (owners < enough)
    return NULL;
  digest = _waymark_digest_text (_WAYMARK_DIGEST_START, _waymark_rule_label (phase->name));
  digest = _waymark_digest_int (digest, owners);
  return waymark_finding_new (rule, phase, WAYMARK_SEVERITY_MEDIUM, NULL, owners, digest);
}

char *
_waymark_rule_describe_silos (const WaymarkFinding *finding)
{
  WaymarkPhase *phase = finding->item;
  guint owners = finding->count;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Phase “%s”: %u owner and no link between their touchpoints",
                                       "Phase “%s”: %u owners and no link between their touchpoints",
                                       owners),
                          _waymark_rule_label (phase->name), owners);
}
