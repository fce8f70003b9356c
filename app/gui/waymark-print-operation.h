/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-checker.h"
#include "waymark-highlight.h"
#include "waymark-journey.h"
#include "waymark-layout.h"
#include "waymark-page-plan.h"
#include "waymark-paper.h"

G_BEGIN_DECLS

/* Printing a map: the same painter and page plan as the PDF export, the
 * light palette always, GTK's print dialog with its page setup and
 * preview, and a "Map" tab choosing between one page, a booklet (by
 * default when one A4 or Letter page would be too small to read, as in
 * the export) and a poster of several sheets.  The settings and page setup chosen are kept for the
 * next print while the application runs; the first print starts from the
 * GSettings keys `default-paper` and `default-orientation`. */

#define WAYMARK_TYPE_PRINT_OPERATION (waymark_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPrintOperation, waymark_print_operation, WAYMARK, PRINT_OPERATION, GtkPrintOperation)

/**
 * waymark_print_operation_new:
 * A print operation for @journey, set up with the page setup and print
 * settings of the last print in this run (or the defaults).
 */
WaymarkPrintOperation *waymark_print_operation_new        (WaymarkJourney        *journey);
/**
 * waymark_print_operation_set_poster:
 * Prints on @columns × @rows sheets (1 × 1: the map fitted to one page).
 */
void                   waymark_print_operation_set_poster (WaymarkPrintOperation *self,
                                                           guint                  columns,
                                                           guint                  rows);
void                   waymark_print_operation_get_poster (WaymarkPrintOperation *self,
                                                           guint                 *columns,
                                                           guint                 *rows);
/* Whether a KPI dashboard page (waymark-dashboard-painter.h) follows the
 * map's pages, on the same paper, as `--export OUT.pdf --dashboard`
 * makes it; the dialog's "Map" tab offers it and the next print in this
 * run starts from the last choice. */
void                   waymark_print_operation_set_dashboard (WaymarkPrintOperation *self,
                                                              gboolean               dashboard);
gboolean               waymark_print_operation_get_dashboard (WaymarkPrintOperation *self);
/* The map's highlight (copied; NULL or empty: none) and the findings it
 * reads: "print what is highlighted".  With one, the rest prints dimmed
 * as on the map (the default) or, unchecked in the "Map" tab, plain. */
void                   waymark_print_operation_set_highlight (WaymarkPrintOperation  *self,
                                                              const WaymarkHighlight *highlight,
                                                              WaymarkChecker         *checker);
void                   waymark_print_operation_set_dim       (WaymarkPrintOperation *self,
                                                              gboolean               dim);
gboolean               waymark_print_operation_get_dim       (WaymarkPrintOperation *self);
/* The layout the pages are drawn from (tests). */
WaymarkLayout         *waymark_print_operation_get_layout   (WaymarkPrintOperation *self);
/**
 * waymark_print_operation_set_pages:
 * One page or a booklet when not printing a poster (%WAYMARK_PAGES_AUTO
 * by default, as the PDF export).
 */
void                   waymark_print_operation_set_pages  (WaymarkPrintOperation *self,
                                                           WaymarkPages           pages);
WaymarkPages           waymark_print_operation_get_pages  (WaymarkPrintOperation *self);
/**
 * waymark_print_operation_run_dialog:
 * Shows the print dialog over @parent and prints; errors are shown in a
 * dialog.  What the user chose is remembered for the next print.
 */
void                   waymark_print_operation_run_dialog (WaymarkPrintOperation *self,
                                                           GtkWindow             *parent);

/**
 * waymark_print_page_setup_new:
 * A page setup for @paper (not %WAYMARK_PAPER_NATURAL) in @orientation.
 */
GtkPageSetup          *waymark_print_page_setup_new       (WaymarkPaper           paper,
                                                           WaymarkOrientation     orientation);
/**
 * waymark_print_get_default_paper:
 * The paper and orientation of the GSettings keys `default-paper` and
 * `default-orientation`, or A3 landscape when the schema is not installed
 * (a build run from its folder).
 */
void                   waymark_print_get_default_paper    (WaymarkPaper          *paper,
                                                           WaymarkOrientation    *orientation);
/**
 * waymark_print_forget_session:
 * Drops the remembered page setup, settings, poster and booklet choice
 * (tests).
 */
void                   waymark_print_forget_session       (void);

G_END_DECLS
