/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-dashboard.h"
#include "waymark-palette.h"

G_BEGIN_DECLS

/* Draws a KPI dashboard (waymark-dashboard.h): a table of the phases with
 * their touchpoint count, channel mix and average emotion drawn as bars,
 * and their KPIs on target; the same per channel category; and every KPI
 * against its target.  The app's Dashboard view, printing and the PDF
 * export all draw it with this code.  Nothing is told by colour alone:
 * categories have their badge shapes, emotions their faces and signed
 * numbers, a KPI's standing its glyph and a word.  Numbers follow the
 * locale (LC_NUMERIC: "0,4" in German). */

/* The dashboard's width in map units (1/96 inch): A4 landscape. */
#define WAYMARK_DASHBOARD_WIDTH 1123.0

/**
 * waymark_dashboard_painter_get_height:
 * How tall the dashboard of @dashboard is at %WAYMARK_DASHBOARD_WIDTH, in
 * map units: it grows with the phases and the KPIs.
 */
double waymark_dashboard_painter_get_height (const WaymarkDashboard *dashboard,
                                             const char             *title);
/**
 * waymark_dashboard_painter_record:
 * Draws the dashboard once, at its natural size and without background,
 * into a new cairo recording surface, and sets @height: a view replays it
 * for every frame instead of laying out every table again.
 *
 * Returns: (transfer full): the recording surface.
 */
cairo_surface_t *waymark_dashboard_painter_record (const WaymarkDashboard *dashboard,
                                                   const char             *title,
                                                   const WaymarkPalette   *palette,
                                                   double                 *height);
/**
 * waymark_dashboard_painter_paint_page:
 * Draws the dashboard fitted (scaled down or up, keeping its
 * proportions) into a page of @page_width × @page_height points with
 * @margin points around it, with the light palette: the page printing
 * and the PDF export add after the map.
 */
void   waymark_dashboard_painter_paint_page (const WaymarkDashboard *dashboard,
                                             const char             *title,
                                             double                  page_width,
                                             double                  page_height,
                                             double                  margin,
                                             cairo_t                *cr);

/**
 * waymark_dashboard_painter_get_summary:
 * The dashboard's totals in one translated line, as its title block shows
 * them: "36 touchpoints · average emotion +0.7 · 49 KPIs, 33 miss their
 * targets".
 */
char  *waymark_dashboard_painter_get_summary (const WaymarkDashboard *dashboard);

G_END_DECLS
