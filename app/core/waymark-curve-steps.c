/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-curve-steps.h"
#include "waymark-flow.h"

/* A planned touchpoint the as-is journey lacks, and the as-is flow
 * position of the step it follows (-1: before the first). */
typedef struct {
  WaymarkTouchpoint *intended;
  int after;
  guint order;    /* in the intended flow, to keep it among equals */
} Missing;

static const char *
phase_name_of (WaymarkTouchpoint *tp)
{
  return tp->phase != NULL && tp->phase->name != NULL ? tp->phase->name : "";
}

/* The deviation bits of each touchpoint a deviation names: the as-is
 * one, or the intended one of a missing touchpoint.  The two journeys'
 * touchpoints are distinct objects, so one table holds both. */
static GHashTable *
index_deviations (GPtrArray *deviations)
{
  GHashTable *bits = g_hash_table_new (NULL, NULL);

  for (guint i = 0; deviations != NULL && i < deviations->len; i++)
    {
      WaymarkDeviation *deviation = deviations->pdata[i];
      gpointer key = deviation->actual != NULL ? (gpointer) deviation->actual : (gpointer) deviation->intended;
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (bits, key));

      g_hash_table_insert (bits, key, GUINT_TO_POINTER (old | 1u << deviation->kind));
    }
  return bits;
}

static void
append_step (GArray            *steps,
             GHashTable        *deviations,
             WaymarkTouchpoint *intended,
             WaymarkTouchpoint *actual)
{
  WaymarkCurveStep step = {
    .intended = intended,
    .actual = actual,
    .phase_name = phase_name_of (actual != NULL ? actual : intended),
    .deviations = GPOINTER_TO_UINT (g_hash_table_lookup (deviations, actual != NULL ? actual : intended)),
  };

  g_array_append_val (steps, step);
}

static int
compare_missing (gconstpointer a,
                 gconstpointer b)
{
  const Missing *x = a;
  const Missing *y = b;

  if (x->after != y->after)
    return x->after < y->after ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

GArray *
waymark_curve_steps_new (WaymarkDiff *diff,
                         GPtrArray   *deviations)
{
  g_autoptr(WaymarkFlow) intended_flow = waymark_flow_new ();
  g_autoptr(WaymarkFlow) actual_flow = waymark_flow_new ();
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (Missing));
  g_autoptr(GHashTable) bits = index_deviations (deviations);
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (WaymarkCurveStep));
  GPtrArray *planned;
  GPtrArray *met;
  int after = -1;
  guint next_missing = 0;

  g_return_val_if_fail (diff != NULL, steps);

  waymark_flow_rebuild_order (intended_flow, waymark_diff_get_journey (diff, WAYMARK_DIFF_A));
  waymark_flow_rebuild_order (actual_flow, waymark_diff_get_journey (diff, WAYMARK_DIFF_B));

  /* Each missing touchpoint follows the last planned one before it that
   * the customer does meet: where the sequence was kept, the intended
   * curve runs in its own order. */
  planned = waymark_flow_get_order (intended_flow);
  for (guint i = 0; i < planned->len; i++)
    {
      WaymarkTouchpoint *tp = planned->pdata[i];
      WaymarkTouchpoint *partner = waymark_diff_get_partner (diff, WAYMARK_DIFF_A, tp);

      if (partner != NULL)
        after = waymark_flow_get_position (actual_flow, partner);
      else
        {
          Missing entry = { tp, after, i };

          g_array_append_val (missing, entry);
        }
    }
  g_array_sort (missing, compare_missing);

  met = waymark_flow_get_order (actual_flow);
  for (int position = -1; position < (int) met->len; position++)
    {
      if (position >= 0)
        {
          WaymarkTouchpoint *tp = met->pdata[position];

          append_step (steps, bits, waymark_diff_get_partner (diff, WAYMARK_DIFF_B, tp), tp);
        }
      while (next_missing < missing->len && g_array_index (missing, Missing, next_missing).after == position)
        append_step (steps, bits, g_array_index (missing, Missing, next_missing++).intended, NULL);
    }
  return steps;
}

gboolean
waymark_curve_steps_average (GArray   *steps,
                             gboolean  intended,
                             double   *average)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (steps != NULL, FALSE);

  for (guint i = 0; i < steps->len; i++)
    {
      const WaymarkCurveStep *step = &g_array_index (steps, WaymarkCurveStep, i);
      const WaymarkTouchpoint *tp = intended ? step->intended : step->actual;

      if (tp != NULL && tp->has_emotion)
        {
          sum += tp->emotion;
          n++;
        }
    }
  if (n == 0)
    return FALSE;
  if (average != NULL)
    *average = sum / n;
  return TRUE;
}
