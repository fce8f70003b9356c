/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "waymark-dashboard-painter.h"

G_BEGIN_DECLS

/* Shared by the dashboard painter's files: waymark-dashboard-painter.c
 * (the layout, the phase and category tables), waymark-dashboard-text.c
 * (text, cells, rules) and waymark-dashboard-kpis.c (the KPI list).
 * Lengths are map units (1/96 inch). */

#define WM_DASHBOARD_GAP         28.0   /* between two side-by-side tables */
#define WM_DASHBOARD_ROW_PAD      7.0
#define WM_DASHBOARD_ROW_MIN     30.0
#define WM_DASHBOARD_GLYPH_SIZE  15.0

typedef enum {
  WAYMARK_DASHBOARD_STYLE_TITLE,
  WAYMARK_DASHBOARD_STYLE_HEADING,
  WAYMARK_DASHBOARD_STYLE_BODY,
  WAYMARK_DASHBOARD_STYLE_BODY_BOLD,
  WAYMARK_DASHBOARD_STYLE_SMALL,
  WAYMARK_DASHBOARD_STYLE_COLUMN,          /* column headers */
  WAYMARK_DASHBOARD_N_STYLES
} WaymarkDashboardStyle;

/* What drawing the dashboard needs at hand. */
typedef struct {
  cairo_t *cr;
  const WaymarkPalette *palette;
  PangoContext *context;
  const WaymarkDashboard *dashboard;
} WaymarkDashboardPaint;

/* A column of a table: where it starts, how wide, which way its text
 * leans. */
typedef struct {
  double x;
  double width;
  PangoAlignment align;
} WaymarkDashboardColumn;

/* waymark-dashboard-text.c */
/* A layout of @text in @style; @width > 0 wraps it (nothing is cut). */
PangoLayout *_waymark_dashboard_make_text           (WaymarkDashboardPaint        *p,
                                                     const char                   *text,
                                                     WaymarkDashboardStyle         style,
                                                     double                        width,
                                                     PangoAlignment                align);
double       _waymark_dashboard_text_height         (PangoLayout                  *layout);
double       _waymark_dashboard_text_width          (PangoLayout                  *layout);
/* Draws @text at (@x, @y) and returns its height. */
double       _waymark_dashboard_draw_text           (WaymarkDashboardPaint        *p,
                                                     const char                   *text,
                                                     WaymarkDashboardStyle         style,
                                                     double                        x,
                                                     double                        y,
                                                     double                        width,
                                                     PangoAlignment                align,
                                                     const WaymarkColor           *color);
/* Text centred vertically on @cy in @column. */
void         _waymark_dashboard_draw_cell_text      (WaymarkDashboardPaint        *p,
                                                     const char                   *text,
                                                     WaymarkDashboardStyle         style,
                                                     const WaymarkDashboardColumn *column,
                                                     double                        cy,
                                                     const WaymarkColor           *color);
/* A horizontal rule under column headers or a table. */
void         _waymark_dashboard_draw_rule           (WaymarkDashboardPaint        *p,
                                                     double                        x,
                                                     double                        y,
                                                     double                        width,
                                                     double                        line_width);
/* Column headers (NULL-terminated @labels) over @columns; returns the y
 * below them. */
double       _waymark_dashboard_draw_column_headers (WaymarkDashboardPaint        *p,
                                                     const WaymarkDashboardColumn *columns,
                                                     const char *const            *labels,
                                                     double                        left,
                                                     double                        width,
                                                     double                        y);
/* Tints every other row (@index odd), so a line is easy to follow. */
void         _waymark_dashboard_draw_band           (WaymarkDashboardPaint        *p,
                                                     guint                         index,
                                                     double                        x,
                                                     double                        y,
                                                     double                        width,
                                                     double                        height);
/* @name, or a translated "Untitled phase". */
const char  *_waymark_dashboard_phase_label         (const char                   *name);

/* waymark-dashboard-kpis.c */
/* Every KPI against its target (at most 60), phase by phase, in two
 * columns of @width at @left from @y; returns the y below. */
double       _waymark_dashboard_draw_kpis           (WaymarkDashboardPaint        *p,
                                                     double                        left,
                                                     double                        width,
                                                     double                        y);

G_END_DECLS
