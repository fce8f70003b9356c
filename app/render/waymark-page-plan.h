/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-layout.h"
#include "waymark-paper.h"
#include "waymark-rect.h"

G_BEGIN_DECLS

/* How a map goes onto pages: one page of its natural size, fitted to one
 * sheet of paper, a booklet of pages in reading order (a few phases a
 * page, the phase and lane headers on every page), or a poster of
 * COLUMNS × ROWS sheets that overlap so they can be taped together.  Export (PDF, SVG, PNG) and printing share
 * it, so a printed poster and an exported one are the same.
 *
 * Page coordinates are points (1/72 inch) from the top-left corner of the
 * paper, as PDF surfaces and GtkPrintContext (GTK_UNIT_POINTS, full page)
 * use them.  The plan is plain data, computed once; every sheet is derived
 * from it. */
/* Card titles at least this size make a page legible at arm's length;
 * a booklet prints them no smaller. */
#define WAYMARK_BOOKLET_TITLE_PT 9.0
/* Pages across the phases (and down the lanes) a booklet may have. */
#define WAYMARK_BOOKLET_MAX_GROUPS 64

/* One page or a booklet, on a sheet size that is not a poster. */
typedef enum {
  WAYMARK_PAGES_AUTO,     /* a booklet on office paper (A4, Letter or smaller) when one page
                           * would print card titles below WAYMARK_BOOKLET_TITLE_PT */
  WAYMARK_PAGES_ONE,      /* always one page */
  WAYMARK_PAGES_BOOKLET,  /* always a booklet */
} WaymarkPages;

/* A booklet page shows, in map units: the header (first page only), the
 * phase header row and the lane headers, then the cells of one column
 * group and one row group; the legend follows the last one or has a page
 * of its own. */
typedef struct {
  double lanes_width;       /* from the map's left edge to the first column: the lane headers */
  double top;               /* the map's top margin: where later pages start */
  double phases_y;          /* the phase header row: below the header */
  double phases_height;     /*   down to the first lane */
  WaymarkRect header;       /* from the map's corner to the phase row, frame wide */
  WaymarkRect legend;       /* from the last lane's bottom to the map's end */
  guint n_column_groups;
  guint n_row_groups;
  WaymarkRect column_groups[WAYMARK_BOOKLET_MAX_GROUPS];  /* x and width */
  WaymarkRect row_groups[WAYMARK_BOOKLET_MAX_GROUPS];     /* y and height */
  guint first_columns[WAYMARK_BOOKLET_MAX_GROUPS];        /* the phase index each column group starts at */
  gboolean legend_page;     /* the legend does not fit below the last group */
} WaymarkBookletPlan;

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
  gboolean booklet;     /* pages in reading order (below), not one or a poster */
  WaymarkBookletPlan pages;
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
 * waymark_page_plan_fit_booklet:
 * A booklet on sheets of @page_width × @page_height points: the map of
 * @layout in the print density, split between phases (and, when the
 * lanes do not fit a page, between lanes) into pages read in order,
 * each with the phase and lane headers, card titles at least
 * %WAYMARK_BOOKLET_TITLE_PT and as large as the fewest pages allow.
 * Sets @layout's frame width and page breaks to match.  A map that cannot
 * be split (no phases or lanes, or a phase too wide for the sheet) gets
 * one page, as waymark_page_plan_fit_layout() makes it.
 */
void     waymark_page_plan_fit_booklet  (WaymarkPagePlan *plan,
                                         WaymarkLayout   *layout,
                                         double           page_width,
                                         double           page_height);
/**
 * waymark_page_plan_fit:
 * What printing and export call: a poster when @columns × @rows > 1,
 * else one page or a booklet as @pages says (see #WaymarkPages).
 */
void     waymark_page_plan_fit          (WaymarkPagePlan *plan,
                                         WaymarkLayout   *layout,
                                         double           page_width,
                                         double           page_height,
                                         guint            columns,
                                         guint            rows,
                                         WaymarkPages     pages);
/**
 * waymark_page_plan_get_title_size:
 * The size in points card titles print at with @plan (the card title
 * style of @layout, which must be in the state the plan left it, times
 * the plan's scale).
 */
double   waymark_page_plan_get_title_size (const WaymarkPagePlan *plan,
                                           WaymarkLayout         *layout);
/**
 * waymark_page_plan_is_office_paper:
 * Whether sheets of @page_width × @page_height points are A4, Letter or
 * smaller: the papers on which %WAYMARK_PAGES_AUTO makes a booklet.
 */
gboolean waymark_page_plan_is_office_paper (double page_width,
                                            double page_height);
/**
 * waymark_page_plan_get_n_pages:
 * How many pages (sheets) the plan has: columns × rows, row by row.
 */
guint    waymark_page_plan_get_n_pages  (const WaymarkPagePlan *plan);
/**
 * waymark_page_plan_get_sheet:
 * Fills @sheet with page @index (0 … n_pages - 1, row by row).  For a
 * booklet page, row and column are its row and column group (a page of
 * the legend alone has the row group count as its row), and clip and
 * matrix are those of its cells.
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
 * overview of the sheets; for booklets the page's headers and cells and
 * the page label ("Title · page 2 of 5").  @cr's state is restored
 * afterwards.
 */
void     waymark_page_plan_draw_page    (const WaymarkPagePlan *plan,
                                         guint                  index,
                                         WaymarkLayout         *layout,
                                         cairo_t               *cr);

G_END_DECLS
