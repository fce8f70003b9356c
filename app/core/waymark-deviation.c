/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-deviation.h"
#include "waymark-flow.h"
#include "waymark-rules-private.h"

/* Deviations are read off the diff's touchpoints:
 *  - missing: a touchpoint only the intended journey has;
 *  - ad hoc: a touchpoint only the as-is journey has;
 *  - irregular: among the touchpoints both have, those the customer meets
 *    in another order than planned: the order of the flow (phase by
 *    phase, as the emotion curve runs) of each journey, compared as the
 *    longest run of pairs that kept the planned order; the pairs outside
 *    it are the fewest that explain the new order;
 *  - failing: a touchpoint both have that has a negative emotion (−1 or
 *    less) or is marked a weakness in the as-is journey, where the
 *    intended one had neither. */

typedef struct {
  WaymarkDeviation *deviation;
  int position;   /* in its journey's flow: the intended one for missing ones */
} Entry;

const char *
waymark_deviation_kind_to_id (WaymarkDeviationKind kind)
{
  switch (kind)
    {
    case WAYMARK_DEVIATION_MISSING:
      return "missing-touchpoint";
    case WAYMARK_DEVIATION_AD_HOC:
      return "ad-hoc-touchpoint";
    case WAYMARK_DEVIATION_IRREGULAR:
      return "irregular-sequence";
    case WAYMARK_DEVIATION_FAILING:
    default:
      return "failing-touchpoint";
    }
}

const char *
waymark_deviation_kind_to_label (WaymarkDeviationKind kind)
{
  switch (kind)
    {
    case WAYMARK_DEVIATION_MISSING:
      return C_("deviation", "Missing touchpoint");
    case WAYMARK_DEVIATION_AD_HOC:
      return C_("deviation", "Ad-hoc touchpoint");
    case WAYMARK_DEVIATION_IRREGULAR:
      return C_("deviation", "Irregular sequence");
    case WAYMARK_DEVIATION_FAILING:
    default:
      return C_("deviation", "Failing touchpoint");
    }
}

void
waymark_deviation_free (WaymarkDeviation *deviation)
{
  if (deviation == NULL)
    return;
  g_free (deviation->message);
  g_free (deviation);
}

static void
add (GArray               *entries,
     WaymarkDeviationKind  kind,
     WaymarkSeverity       severity,
     WaymarkTouchpoint    *intended,
     WaymarkTouchpoint    *actual,
     int                   position,
     char                 *message)
{
  WaymarkDeviation *deviation = g_new0 (WaymarkDeviation, 1);
  Entry entry = { deviation, position };

  deviation->kind = kind;
  deviation->severity = severity;
  deviation->intended = intended;
  deviation->actual = actual;
  deviation->message = message;
  g_array_append_val (entries, entry);
}

static const char *
phase_name (WaymarkTouchpoint *tp)
{
  return _waymark_rule_label (tp->phase != NULL ? tp->phase->name : NULL);
}

static gboolean
is_failing (const WaymarkTouchpoint *tp)
{
  return (tp->has_emotion && tp->emotion <= -1) || tp->strength == WAYMARK_STRENGTH_WEAKNESS;
}

/* The pairs (by as-is flow position, listed in intended flow order) that
 * are not in the longest increasing run: patience sorting, n log n. */
static GArray *
out_of_sequence (GArray *actual_positions)
{
  guint n = actual_positions->len;
  g_autofree guint *tails = g_new0 (guint, n + 1);      /* index of the last element of a run of length k */
  g_autofree int *previous = g_new0 (int, n);
  g_autofree gboolean *kept = g_new0 (gboolean, n);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      int value = g_array_index (actual_positions, int, i);
      guint low = 1, high = length;

      while (low <= high)
        {
          guint mid = (low + high) / 2;

          if (g_array_index (actual_positions, int, tails[mid]) < value)
            low = mid + 1;
          else
            high = mid - 1;
        }
      previous[i] = low > 1 ? (int) tails[low - 1] : -1;
      tails[low] = i;
      if (low > length)
        length = low;
    }
  if (length > 0)
    for (int i = (int) tails[length]; i >= 0; i = previous[i])
      kept[i] = TRUE;
  for (guint i = 0; i < n; i++)
    if (!kept[i])
      g_array_append_val (out, i);
  return out;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->deviation->severity != y->deviation->severity)
    return (int) x->deviation->severity - (int) y->deviation->severity;
  if (x->deviation->kind != y->deviation->kind)
    return (int) x->deviation->kind - (int) y->deviation->kind;
  return x->position - y->position;
}

GPtrArray *
waymark_deviations_find (WaymarkDiff *diff)
{
  WaymarkJourney *intended = waymark_diff_get_journey (diff, WAYMARK_DIFF_A);
  WaymarkJourney *actual = waymark_diff_get_journey (diff, WAYMARK_DIFF_B);
  g_autoptr(WaymarkFlow) intended_flow = waymark_flow_new ();
  g_autoptr(WaymarkFlow) actual_flow = waymark_flow_new ();
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) actual_positions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) paired = g_ptr_array_new ();
  g_autoptr(GArray) irregular = NULL;
  GPtrArray *order;
  GPtrArray *result;

  g_return_val_if_fail (diff != NULL, NULL);

  waymark_flow_rebuild_order (intended_flow, intended);
  waymark_flow_rebuild_order (actual_flow, actual);

  /* Missing: planned, not there; worse at a planned moment of truth. */
  for (guint i = 0; i < waymark_diff_get_n_only (diff, WAYMARK_DIFF_A, WAYMARK_ITEM_TOUCHPOINT); i++)
    {
      WaymarkTouchpoint *tp = waymark_diff_get_only (diff, WAYMARK_DIFF_A, WAYMARK_ITEM_TOUCHPOINT, i)->item;

      add (entries, WAYMARK_DEVIATION_MISSING,
           tp->moment_of_truth ? WAYMARK_SEVERITY_HIGH : WAYMARK_SEVERITY_MEDIUM, tp, NULL,
           waymark_flow_get_position (intended_flow, tp),
           g_strdup_printf (_("Planned touchpoint “%s” (%s) is missing from the journey as it is"),
                            _waymark_rule_label (tp->title), phase_name (tp)));
    }

  /* Ad hoc: there, not planned. */
  for (guint i = 0; i < waymark_diff_get_n_only (diff, WAYMARK_DIFF_B, WAYMARK_ITEM_TOUCHPOINT); i++)
    {
      WaymarkTouchpoint *tp = waymark_diff_get_only (diff, WAYMARK_DIFF_B, WAYMARK_ITEM_TOUCHPOINT, i)->item;

      add (entries, WAYMARK_DEVIATION_AD_HOC,
           is_failing (tp) ? WAYMARK_SEVERITY_MEDIUM : WAYMARK_SEVERITY_LOW, NULL, tp,
           waymark_flow_get_position (actual_flow, tp),
           g_strdup_printf (_("Touchpoint “%s” (%s) was not planned: an ad-hoc touchpoint"),
                            _waymark_rule_label (tp->title), phase_name (tp)));
    }

  /* The pairs in the planned order, with where the customer meets them. */
  order = waymark_flow_get_order (intended_flow);
  for (guint i = 0; i < order->len; i++)
    {
      WaymarkTouchpoint *planned = order->pdata[i];
      WaymarkTouchpoint *met = waymark_diff_get_partner (diff, WAYMARK_DIFF_A, planned);
      int position;

      if (met == NULL)
        continue;
      position = waymark_flow_get_position (actual_flow, met);
      g_ptr_array_add (paired, planned);
      g_array_append_val (actual_positions, position);

      if (is_failing (met) && !is_failing (planned))
        {
          g_autofree char *why = NULL;

          if (met->has_emotion && met->emotion <= -1)
            {
              g_autofree char *score = _waymark_rule_format_emotion (met->emotion);

              why = g_strdup_printf (_("emotion %s"), score);
            }
          else
            why = g_strdup (_("marked a weakness"));
          add (entries, WAYMARK_DEVIATION_FAILING,
               met->moment_of_truth || planned->moment_of_truth ? WAYMARK_SEVERITY_HIGH : WAYMARK_SEVERITY_MEDIUM,
               planned, met, position,
               g_strdup_printf (_("Touchpoint “%s” fails where the plan expected success (%s)"),
                                _waymark_rule_label (met->title), why));
        }
    }

  irregular = out_of_sequence (actual_positions);
  for (guint k = 0; k < irregular->len; k++)
    {
      guint i = g_array_index (irregular, guint, k);
      WaymarkTouchpoint *planned = paired->pdata[i];
      WaymarkTouchpoint *met = waymark_diff_get_partner (diff, WAYMARK_DIFF_A, planned);
      WaymarkTouchpoint *planned_before = waymark_flow_get_previous (intended_flow, planned);
      WaymarkTouchpoint *met_before = waymark_flow_get_previous (actual_flow, met);
      char *message;

      /* Where it was planned and where the customer meets it, by the
       * touchpoint before it. */
      if (planned_before != NULL && met_before != NULL)
        message = g_strdup_printf (_("Touchpoint “%s” is out of the planned sequence: planned after “%s”, met after “%s”"),
                                   _waymark_rule_label (met->title), _waymark_rule_label (planned_before->title),
                                   _waymark_rule_label (met_before->title));
      else if (planned_before != NULL)
        message = g_strdup_printf (_("Touchpoint “%s” is out of the planned sequence: planned after “%s”, met first"),
                                   _waymark_rule_label (met->title), _waymark_rule_label (planned_before->title));
      else
        message = g_strdup_printf (_("Touchpoint “%s” is out of the planned sequence: planned first, met after “%s”"),
                                   _waymark_rule_label (met->title), _waymark_rule_label (met_before ? met_before->title : NULL));
      add (entries, WAYMARK_DEVIATION_IRREGULAR, WAYMARK_SEVERITY_LOW, planned, met,
           g_array_index (actual_positions, int, i), message);
    }

  g_array_sort (entries, compare_entries);
  result = g_ptr_array_new_full (entries->len, (GDestroyNotify) waymark_deviation_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (result, g_array_index (entries, Entry, i).deviation);
  return result;
}
