/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "waymark-dashboard.h"
#include "waymark-reader.h"
#include "waymark-touchpoint.h"

/* The dashboard's figures for a small map, worked out by hand (the map is
 * tests/export/data/dashboard.journey; its comments in this file say how
 * each figure comes about), and that they follow the map's edits. */

static WaymarkJourney *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  WaymarkJourney *journey;

  g_file_get_contents (path, &xml, &length, &error);
  g_assert_no_error (error);
  journey = waymark_reader_read (xml, length, path, NULL, &error);
  g_assert_no_error (error);
  return journey;
}

static void
assert_figures (const WaymarkDashboardFigures *figures,
                guint                          n_touchpoints,
                guint                          n_emotions,
                double                         average,
                int                            min,
                int                            max,
                guint                          n_kpis,
                guint                          met,
                guint                          missed)
{
  g_assert_cmpuint (figures->n_touchpoints, ==, n_touchpoints);
  g_assert_cmpuint (figures->n_emotions, ==, n_emotions);
  g_assert_cmpfloat_with_epsilon (figures->emotion_average, average, 1e-9);
  if (n_emotions > 0)
    {
      g_assert_cmpint (figures->emotion_min, ==, min);
      g_assert_cmpint (figures->emotion_max, ==, max);
    }
  g_assert_cmpuint (figures->n_kpis, ==, n_kpis);
  g_assert_cmpuint (figures->n_kpis_met, ==, met);
  g_assert_cmpuint (figures->n_kpis_missed, ==, missed);
}

static void
test_figures (void)
{
  g_autoptr(WaymarkJourney) journey = load (DASHBOARD_JOURNEY);
  g_autoptr(WaymarkDashboard) d = waymark_dashboard_new (journey);
  const WaymarkDashboardPhase *discover, *buy, *use;
  const WaymarkDashboardKpi *kpi;

  g_assert_cmpuint (d->phases->len, ==, 3);
  discover = d->phases->pdata[0];
  buy = d->phases->pdata[1];
  use = d->phases->pdata[2];
  g_assert_cmpstr (discover->name, ==, "Discover");
  g_assert_cmpstr (use->name, ==, "Use");

  /* Discover: t1 (web, +2) and t2 (store, −1): average (2 − 1) / 2.
   * Conversion 2 % under its 3 % target misses (higher is better);
   * waiting 5.5 min under 10 meets (lower is better, by its name). */
  assert_figures (&discover->figures, 2, 2, 0.5, -1, 2, 2, 1, 1);
  g_assert_cmpuint (discover->n_by_category[WAYMARK_CATEGORY_DIGITAL], ==, 1);
  g_assert_cmpuint (discover->n_by_category[WAYMARK_CATEGORY_PHYSICAL], ==, 1);
  g_assert_cmpuint (discover->n_by_category[WAYMARK_CATEGORY_PERSONAL], ==, 0);
  g_assert_cmpuint (discover->n_without_channel, ==, 0);

  /* Buy: t3 (web, +1), t4 (phone, no emotion), t5 (no channel, −2):
   * (1 − 2) / 2.  Returns 12 over a target of 8, lower is better (said
   * outright): missed; visits have no target; score 3 at its target 3
   * meets it; waiting 20 over 10 meets, as the file says higher is better
   * whatever the name suggests. */
  assert_figures (&buy->figures, 3, 2, -0.5, -2, 1, 4, 2, 1);
  g_assert_cmpuint (buy->n_by_category[WAYMARK_CATEGORY_DIGITAL], ==, 1);
  g_assert_cmpuint (buy->n_by_category[WAYMARK_CATEGORY_PHYSICAL], ==, 0);
  g_assert_cmpuint (buy->n_by_category[WAYMARK_CATEGORY_PERSONAL], ==, 1);
  g_assert_cmpuint (buy->n_without_channel, ==, 1);

  /* Use has no touchpoint at all. */
  assert_figures (&use->figures, 0, 0, 0, 0, 0, 0, 0, 0);

  /* By category: digital t1 + t3 ((2 + 1) / 2, conversion and returns
   * missed, visits without target); physical t2; personal t4; t5 has no
   * channel. */
  assert_figures (&d->categories[WAYMARK_CATEGORY_DIGITAL], 2, 2, 1.5, 1, 2, 3, 0, 2);
  assert_figures (&d->categories[WAYMARK_CATEGORY_PHYSICAL], 1, 1, -1, -1, -1, 1, 1, 0);
  assert_figures (&d->categories[WAYMARK_CATEGORY_PERSONAL], 1, 0, 0, 0, 0, 1, 1, 0);
  assert_figures (&d->without_channel, 1, 1, -2, -2, -2, 1, 1, 0);
  /* The whole map: (2 − 1 + 1 − 2) / 4 = 0. */
  assert_figures (&d->total, 5, 4, 0, -2, 2, 6, 3, 2);

  /* Every KPI, phase by phase, with its direction and standing. */
  g_assert_cmpuint (d->kpis->len, ==, 6);
  kpi = d->kpis->pdata[0];
  g_assert_cmpstr (kpi->kpi->name, ==, "Conversion rate");
  g_assert_cmpstr (kpi->touchpoint, ==, "Landing page");
  g_assert_cmpstr (kpi->phase, ==, "Discover");
  g_assert_cmpuint (kpi->phase_index, ==, 0);
  g_assert_cmpint (kpi->direction, ==, WAYMARK_KPI_DIRECTION_HIGHER);
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_MISSED);
  kpi = d->kpis->pdata[1];
  g_assert_cmpstr (kpi->kpi->name, ==, "Waiting time");
  g_assert_cmpint (kpi->direction, ==, WAYMARK_KPI_DIRECTION_LOWER);
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_MET);
  kpi = d->kpis->pdata[2];
  g_assert_cmpstr (kpi->kpi->name, ==, "Returns");
  g_assert_cmpuint (kpi->phase_index, ==, 1);
  g_assert_cmpint (kpi->direction, ==, WAYMARK_KPI_DIRECTION_LOWER);
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_MISSED);
  kpi = d->kpis->pdata[3];
  g_assert_cmpstr (kpi->kpi->name, ==, "Visits");
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_NO_TARGET);
  kpi = d->kpis->pdata[4];
  g_assert_cmpstr (kpi->kpi->name, ==, "Score");
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_MET);
  kpi = d->kpis->pdata[5];
  g_assert_cmpstr (kpi->kpi->name, ==, "Waiting time");
  g_assert_cmpstr (kpi->touchpoint, ==, "Parcel lost");
  g_assert_cmpint (kpi->direction, ==, WAYMARK_KPI_DIRECTION_HIGHER);
  g_assert_cmpint (kpi->status, ==, WAYMARK_KPI_STATUS_MET);
}

/* The dashboard is a snapshot: a new one after an edit shows the edit,
 * and the old one still holds what it copied. */
static void
test_follows_edits (void)
{
  g_autoptr(WaymarkJourney) journey = load (DASHBOARD_JOURNEY);
  g_autoptr(WaymarkDashboard) before = waymark_dashboard_new (journey);
  g_autoptr(WaymarkDashboard) after = NULL;
  WaymarkTouchpoint *t4 = waymark_journey_lookup (journey, "t4");
  WaymarkPhase *use = waymark_journey_lookup (journey, "p3");
  gpointer removed;

  /* Order by phone moves to Use, and the lost parcel goes away. */
  waymark_touchpoint_set_phase (t4, use);
  removed = waymark_journey_remove_item (journey, waymark_journey_lookup (journey, "t5"));
  after = waymark_dashboard_new (journey);

  assert_figures (&((WaymarkDashboardPhase *) after->phases->pdata[1])->figures, 1, 1, 1, 1, 1, 2, 0, 1);
  assert_figures (&((WaymarkDashboardPhase *) after->phases->pdata[2])->figures, 1, 0, 0, 0, 0, 1, 1, 0);
  assert_figures (&after->total, 4, 3, 2.0 / 3.0, -1, 2, 5, 2, 2);
  g_assert_cmpuint (after->without_channel.n_touchpoints, ==, 0);
  g_assert_cmpuint (after->kpis->len, ==, 5);
  g_assert_cmpstr (((WaymarkDashboardKpi *) after->kpis->pdata[4])->phase, ==, "Use");

  assert_figures (&before->total, 5, 4, 0, -2, 2, 6, 3, 2);
  g_assert_cmpstr (((WaymarkDashboardKpi *) before->kpis->pdata[5])->touchpoint, ==, "Parcel lost");
  waymark_item_unref (removed);
}

/* An empty map has empty figures, not a crash or a division by zero. */
static void
test_empty (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(WaymarkDashboard) d = waymark_dashboard_new (journey);

  g_assert_cmpuint (d->phases->len, ==, 0);
  g_assert_cmpuint (d->kpis->len, ==, 0);
  assert_figures (&d->total, 0, 0, 0, 0, 0, 0, 0, 0);
}

/* The standing of single KPIs: equal meets, a missing or broken target
 * is no target, the direction decides. */
static void
test_kpi_status (void)
{
  g_autoptr(WaymarkKpi) none = waymark_kpi_new ("Visits", "10", NULL, NULL);
  g_autoptr(WaymarkKpi) equal = waymark_kpi_new ("Conversion rate", "0.05", "ratio", "0.05");
  g_autoptr(WaymarkKpi) wait_long = waymark_kpi_new ("Waiting time", "12", "min", "2");
  g_autoptr(WaymarkKpi) wait_short = waymark_kpi_new ("Waiting time", "1", "min", "2");
  g_autoptr(WaymarkKpi) low = waymark_kpi_new ("Conversion rate", "0.01", "ratio", "0.05");
  g_autoptr(WaymarkKpi) high = waymark_kpi_new ("Conversion rate", "0.09", "ratio", "0.05");

  g_assert_cmpint (waymark_kpi_get_status (none), ==, WAYMARK_KPI_STATUS_NO_TARGET);
  g_assert_cmpint (waymark_kpi_get_status (equal), ==, WAYMARK_KPI_STATUS_MET);
  g_assert_cmpint (waymark_kpi_get_status (wait_long), ==, WAYMARK_KPI_STATUS_MISSED);
  g_assert_cmpint (waymark_kpi_get_status (wait_short), ==, WAYMARK_KPI_STATUS_MET);
  g_assert_cmpint (waymark_kpi_get_status (low), ==, WAYMARK_KPI_STATUS_MISSED);
  g_assert_cmpint (waymark_kpi_get_status (high), ==, WAYMARK_KPI_STATUS_MET);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dashboard/figures", test_figures);
  g_test_add_func ("/dashboard/follows-edits", test_follows_edits);
  g_test_add_func ("/dashboard/empty", test_empty);
  g_test_add_func ("/dashboard/kpi-status", test_kpi_status);
  return g_test_run ();
}
