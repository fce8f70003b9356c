/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-dashboard.h"
#include "waymark-touchpoint.h"

static void
phase_free (gpointer data)
{
  WaymarkDashboardPhase *phase = data;

  g_free (phase->name);
  g_free (phase);
}

static void
kpi_free (gpointer data)
{
  WaymarkDashboardKpi *row = data;

  g_free (row->phase);
  g_free (row->touchpoint);
  waymark_kpi_free (row->kpi);
  g_free (row);
}

WaymarkKpiStatus
waymark_kpi_get_status (const WaymarkKpi *kpi)
{
  g_return_val_if_fail (kpi != NULL, WAYMARK_KPI_STATUS_NO_TARGET);

  if (waymark_kpi_misses_target (kpi))
    return WAYMARK_KPI_STATUS_MISSED;
  if (kpi->target == NULL || !waymark_kpi_number_is_valid (kpi->target) ||
      kpi->value == NULL || !waymark_kpi_number_is_valid (kpi->value))
    return WAYMARK_KPI_STATUS_NO_TARGET;
  return WAYMARK_KPI_STATUS_MET;
}

/* Emotions are summed as integers while adding up; finish() turns the
 * sum into the average. */
static void
add_touchpoint (WaymarkDashboardFigures *figures,
                int                     *emotion_sum,
                const WaymarkTouchpoint *tp)
{
  figures->n_touchpoints++;
  if (tp->has_emotion)
    {
      if (figures->n_emotions == 0)
        figures->emotion_min = figures->emotion_max = tp->emotion;
      figures->emotion_min = MIN (figures->emotion_min, tp->emotion);
      figures->emotion_max = MAX (figures->emotion_max, tp->emotion);
      figures->n_emotions++;
      *emotion_sum += tp->emotion;
    }
  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      figures->n_kpis++;
      switch (waymark_kpi_get_status (g_ptr_array_index (tp->kpis, i)))
        {
        case WAYMARK_KPI_STATUS_MET:
          figures->n_kpis_met++;
          break;
        case WAYMARK_KPI_STATUS_MISSED:
          figures->n_kpis_missed++;
          break;
        case WAYMARK_KPI_STATUS_NO_TARGET:
        default:
          break;
        }
    }
}

static void
finish (WaymarkDashboardFigures *figures,
        int                      emotion_sum)
{
  figures->emotion_average = figures->n_emotions > 0 ? (double) emotion_sum / figures->n_emotions : 0;
}

static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

WaymarkDashboard *
waymark_dashboard_new (WaymarkJourney *journey)
{
  WaymarkDashboard *self;
  g_autoptr(GHashTable) phase_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) by_phase = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree int *phase_sums = NULL;
  int category_sums[WAYMARK_N_CATEGORIES] = { 0 };
  int without_channel_sum = 0;
  int total_sum = 0;
  guint n_phases, n_touchpoints;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_new0 (WaymarkDashboard, 1);
  self->phases = g_ptr_array_new_with_free_func (phase_free);
  self->kpis = g_ptr_array_new_with_free_func (kpi_free);

  n_phases = waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE);
  phase_sums = g_new0 (int, n_phases);
  for (guint i = 0; i < n_phases; i++)
    {
      WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, i);
      WaymarkDashboardPhase *row = g_new0 (WaymarkDashboardPhase, 1);

      row->name = g_strdup (text_or_empty (phase->name));
      g_ptr_array_add (self->phases, row);
      g_hash_table_insert (phase_index, phase, GUINT_TO_POINTER (i + 1));
      /* The KPIs of each phase, so that the list runs in phase order. */
      g_ptr_array_add (by_phase, g_ptr_array_new ());
    }

  n_touchpoints = waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      WaymarkTouchpoint *tp = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, i);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, tp->phase));
      WaymarkDashboardPhase *row;

      /* Every touchpoint of a loaded map sits in one of its phases. */
      if (G_UNLIKELY (p == 0))
        {
          g_warn_if_reached ();
          continue;
        }
      row = g_ptr_array_index (self->phases, p - 1);

      add_touchpoint (&row->figures, &phase_sums[p - 1], tp);
      add_touchpoint (&self->total, &total_sum, tp);
      if (tp->channel != NULL && (guint) tp->channel->category < WAYMARK_N_CATEGORIES)
        {
          row->n_by_category[tp->channel->category]++;
          add_touchpoint (&self->categories[tp->channel->category], &category_sums[tp->channel->category], tp);
        }
      else
        {
          row->n_without_channel++;
          add_touchpoint (&self->without_channel, &without_channel_sum, tp);
        }
      if (waymark_touchpoint_get_n_kpis (tp) > 0)
        g_ptr_array_add (g_ptr_array_index (by_phase, p - 1), tp);
    }

  for (guint p = 0; p < n_phases; p++)
    {
      WaymarkDashboardPhase *row = g_ptr_array_index (self->phases, p);
      GPtrArray *touchpoints = g_ptr_array_index (by_phase, p);

      finish (&row->figures, phase_sums[p]);
      for (guint t = 0; t < touchpoints->len; t++)
        {
          WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, t);

          for (guint k = 0; k < tp->kpis->len; k++)
            {
              const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, k);
              WaymarkDashboardKpi *entry = g_new0 (WaymarkDashboardKpi, 1);

              entry->phase_index = p;
              entry->phase = g_strdup (row->name);
              entry->touchpoint = g_strdup (text_or_empty (tp->title));
              entry->kpi = waymark_kpi_copy (kpi);
              entry->direction = waymark_kpi_get_direction (kpi);
              entry->status = waymark_kpi_get_status (kpi);
              g_ptr_array_add (self->kpis, entry);
            }
        }
    }
  for (guint c = 0; c < WAYMARK_N_CATEGORIES; c++)
    finish (&self->categories[c], category_sums[c]);
  finish (&self->without_channel, without_channel_sum);
  finish (&self->total, total_sum);

  return self;
}

void
waymark_dashboard_free (WaymarkDashboard *dashboard)
{
  if (dashboard == NULL)
    return;

  g_ptr_array_unref (dashboard->phases);
  g_ptr_array_unref (dashboard->kpis);
  g_free (dashboard);
}
