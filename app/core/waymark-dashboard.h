/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"
#include "waymark-kpi.h"

G_BEGIN_DECLS

/* The figures of a KPI dashboard, computed from a journey: per phase and
 * per channel category how many touchpoints there are, how the customer
 * feels on average, and how the KPIs measured there stand against their
 * targets.  A snapshot: it copies what it shows and holds no reference to
 * the journey, so it stays valid however the map changes afterwards
 * (compute a new one then). */

/* How a KPI stands against its target (waymark_kpi_misses_target()
 * decides, so the dashboard and the weak-spot rules agree). */
typedef enum {
  WAYMARK_KPI_STATUS_NO_TARGET,  /* no target, or a number that is not one */
  WAYMARK_KPI_STATUS_MET,
  WAYMARK_KPI_STATUS_MISSED,
} WaymarkKpiStatus;

/* What a group of touchpoints (a phase, a category, the whole map) adds
 * up to. */
typedef struct {
  guint n_touchpoints;
  guint n_emotions;         /* touchpoints with an emotion */
  double emotion_average;   /* of those n_emotions; 0 when there are none */
  int emotion_min;          /* valid when n_emotions > 0 */
  int emotion_max;
  guint n_kpis;
  guint n_kpis_met;
  guint n_kpis_missed;      /* the rest (n_kpis - met - missed) have no target */
} WaymarkDashboardFigures;

typedef struct {
  char *name;                                   /* the phase's name, as typed */
  WaymarkDashboardFigures figures;
  guint n_by_category[WAYMARK_N_CATEGORIES];    /* its channel mix, by WaymarkCategory */
  guint n_without_channel;
} WaymarkDashboardPhase;

/* One KPI of one touchpoint. */
typedef struct {
  guint phase_index;         /* the touchpoint's phase, in WaymarkDashboard.phases */
  char *phase;               /* its name */
  char *touchpoint;          /* the touchpoint's title */
  WaymarkKpi *kpi;           /* a copy */
  WaymarkKpiDirection direction;   /* waymark_kpi_get_direction(): never UNSET */
  WaymarkKpiStatus status;
} WaymarkDashboardKpi;

typedef struct {
  GPtrArray *phases;         /* WaymarkDashboardPhase, in the map's order */
  WaymarkDashboardFigures categories[WAYMARK_N_CATEGORIES];  /* by WaymarkCategory */
  WaymarkDashboardFigures without_channel;
  WaymarkDashboardFigures total;
  GPtrArray *kpis;           /* WaymarkDashboardKpi, in phase order, then the map's order */
} WaymarkDashboard;

/* Computes the dashboard of @journey: one pass over its touchpoints. */
WaymarkDashboard *waymark_dashboard_new  (WaymarkJourney   *journey);
void              waymark_dashboard_free (WaymarkDashboard *dashboard);
/* What waymark_kpi_misses_target() says of @kpi, with "no target" told
 * apart from "met". */
WaymarkKpiStatus  waymark_kpi_get_status (const WaymarkKpi *kpi);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDashboard, waymark_dashboard_free)

G_END_DECLS
