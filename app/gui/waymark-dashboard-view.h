/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-dashboard.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_DASHBOARD_VIEW (waymark_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkDashboardView, waymark_dashboard_view, WAYMARK, DASHBOARD_VIEW, GtkWidget)

/* The KPI dashboard of a document's map, drawn by the same painter as the
 * dashboard page of prints and PDFs (waymark-dashboard-painter.h), in
 * the dark palette when the style is dark.  It is scaled to the view's
 * width (between half and one and a quarter of its natural size) and
 * grows downwards; put it in a GtkScrolledWindow.  It follows every
 * change to the map: while it is shown the figures are computed again
 * before the next frame; while it is hidden, once it is shown again. */
GtkWidget              *waymark_dashboard_view_new           (void);
void                    waymark_dashboard_view_set_document  (WaymarkDashboardView *self,
                                                              WaymarkDocument      *document);
/* The figures of the map as it is now (computed now if it changed
 * since); NULL without a document.  Owned by the view, valid until the
 * next change. */
const WaymarkDashboard *waymark_dashboard_view_get_dashboard (WaymarkDashboardView *self);
/* How many times the figures were computed (tests: that a change is
 * followed, and that a hidden view does no work). */
guint                   waymark_dashboard_view_get_n_updates (WaymarkDashboardView *self);

G_END_DECLS
