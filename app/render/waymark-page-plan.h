/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-layout.h"
#include "waymark-paper.h"
#include "waymark-rect.h"

G_BEGIN_DECLS

/* How a map goes onto pages: one page of its natural size, fitted to one
 * sheet of paper, or a poster of COLUMNS × ROWS sheets that overlap so
 * they can be taped together.  Export (PDF, SVG, PNG) and printing share
 * it, so a printed poster and an exported one are the same.
 *
 * Page coordinates are points (1/72 inch) from the top-left corner of the
 * paper, as PDF surfaces and GtkPrintContext (GTK_UNIT_POINTS, full page)
 * use them.  The plan is plain data, computed once; every sheet is derived
 * from it. */
typedef struct {
  double map_width;     /* map units */
  double map_height;
  double page_width;    /* points */
  double page_height;
  double margin;        /* points between the paper's edge and the printable area */
  double overlap;       /* points of the map shown on both of two neighbouring sheets */
  guint columns;        /* sheets across and down: 1 × 1 unless a poster; at most */
                        /*   the sheets asked for, fewer when the map ends early */
  guint rows;
  gboolean poster;      /* sheets get cut marks, overlap marks and a label */
  double scale;         /* points per map unit */
  double map_x;         /* the map's top-left corner on the poster area (points from */
  double map_y;         /*   the first sheet's printable corner) */
} WaymarkPagePlan;

/* One sheet of a plan. */
typedef struct {
  guint row;                /* 0-based */
  guint column;
  WaymarkRect printable;    /* points: the area the map may cover */
  WaymarkRect clip;         /* map units: the part of the map on this sheet (may be empty) */
  cairo_matrix_t matrix;    /* map units to page points */
} WaymarkSheet;

/**
 * waymark_page_plan_init_natural:
 * One page exactly the size of the map at 100 % (one map unit is 1/96
 * inch, so 0.75 points), without margins.
 */
void     waymark_page_plan_init_natural (WaymarkPagePlan *plan,
                                         double           map_width,
                                         double           map_height);
/**
 * waymark_page_plan_init:
 * The map fitted (scaled up or down, keeping its proportions) to the
 * printable area of @columns × @rows sheets of @page_width × @page_height
 * points with %WAYMARK_PAPER_MARGIN_MM margins, centred.  More than one
 * sheet makes a poster: neighbours overlap by %WAYMARK_POSTER_OVERLAP_MM,
 * and rows or columns of sheets the map would not reach are left out
 * (plan->columns and plan->rows say how many remain), so that no sheet is
 * mostly empty.
 */
void     waymark_page_plan_init         (WaymarkPagePlan *plan,
                                         double           map_width,
                                         double           map_height,
                                         double           page_width,
                                         double           page_height,
                                         guint            columns,
                                         guint            rows);
/**
 * waymark_page_plan_fit_layout:
 * Like waymark_page_plan_init() for the map of @layout, after switching
 * @layout to the print density (waymark_layout_set_density) and to the
 * stack target whose shape prints the map largest on these sheets.
 * Printing and export call this, so both get the same pages.
 */
void     waymark_page_plan_fit_layout   (WaymarkPagePlan *plan,
                                         WaymarkLayout   *layout,
                                         double           page_width,
                                         double           page_height,
                                         guint            columns,
                                         guint            rows);
/**
 * waymark_page_plan_get_n_pages:
 * How many pages (sheets) the plan has: columns × rows, row by row.
 */
guint    waymark_page_plan_get_n_pages  (const WaymarkPagePlan *plan);
/**
 * waymark_page_plan_get_sheet:
 * Fills @sheet with page @index (0 … n_pages - 1, row by row).
 */
void     waymark_page_plan_get_sheet    (const WaymarkPagePlan *plan,
                                         guint                  index,
                                         WaymarkSheet          *sheet);
/**
 * waymark_page_plan_draw_page:
 * Draws page @index onto @cr, whose user space must be the page in points
 * (origin at the paper's top-left corner): the part of the map on it,
 * with the light palette, and for posters the cut marks, the overlap
 * marks and the sheet label ("row 1, column 2 · Title") with a small
 * overview of the sheets.  @cr's state is restored afterwards.
 */
void     waymark_page_plan_draw_page    (const WaymarkPagePlan *plan,
                                         guint                  index,
                                         WaymarkLayout         *layout,
                                         cairo_t               *cr);

G_END_DECLS
