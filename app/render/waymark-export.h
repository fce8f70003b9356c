/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-csv-format.h"
#include "waymark-dashboard.h"
#include "waymark-layout.h"
#include "waymark-page-plan.h"
#include "waymark-paper.h"

G_BEGIN_DECLS

/* Exporting a map: PDF (vector, real text, one page or a poster of
 * several sheets), SVG, PNG at a chosen resolution, CSV (the
 * touchpoints as a table), Mermaid (a `journey` diagram as text) and CJML (docs/CJML.md).  Everything is drawn by the one painter with
 * the light palette, through the same page plan as printing. */

typedef enum {
  WAYMARK_EXPORT_PDF,
  WAYMARK_EXPORT_SVG,
  WAYMARK_EXPORT_PNG,
  WAYMARK_EXPORT_CSV,
  WAYMARK_EXPORT_MERMAID,
  WAYMARK_EXPORT_CJML,
  WAYMARK_N_EXPORT_FORMATS
} WaymarkExportFormat;

#define WAYMARK_EXPORT_ERROR (waymark_export_error_quark ())

typedef enum {
  WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,  /* the options contradict each other or are out of range */
  WAYMARK_EXPORT_ERROR_TOO_LARGE,        /* the image would be too large at this resolution */
  WAYMARK_EXPORT_ERROR_FAILED,           /* cairo could not draw or encode it */
} WaymarkExportError;

#define WAYMARK_EXPORT_DPI_MIN     24
#define WAYMARK_EXPORT_DPI_MAX     1200
/* 96 dpi: one map unit is one pixel, the size the map has on screen. */
#define WAYMARK_EXPORT_DPI_DEFAULT 96
/* What the app's Export dialog and `waymark --export` start from (the
 * GSettings keys `default-paper` and `export-dpi` have the same defaults):
 * a PDF is for printing, on A3; an image keeps the map's own size, at a
 * resolution sharp enough for slides and documents. */
#define WAYMARK_EXPORT_DEFAULT_PDF_PAPER WAYMARK_PAPER_A3
#define WAYMARK_EXPORT_DEFAULT_DPI       150
/* cairo's image surfaces end at 32767 pixels a side; a gigabyte of pixels
 * is as much as an export should ask of the machine. */
#define WAYMARK_EXPORT_PNG_MAX_SIDE   32767
#define WAYMARK_EXPORT_PNG_MAX_PIXELS (256 * 1024 * 1024)

typedef struct {
  WaymarkExportFormat format;
  WaymarkPaper paper;              /* NATURAL: one page of the map's own size */
  WaymarkOrientation orientation;
  guint poster_columns;            /* 1 × 1: one page; more: a poster (PDF only) */
  guint poster_rows;
  double dpi;                      /* PNG only */
  WaymarkPages pages;              /* PDF on paper, not a poster: one page or a booklet */
  gboolean dashboard;              /* PDF only: a KPI dashboard page after the map */
  WaymarkCsvDelimiter csv_delimiter; /* CSV only; DEFAULT: the interface language's */
} WaymarkExportOptions;

GQuark      waymark_export_error_quark (void);

/**
 * waymark_export_format_to_nick:
 * "pdf", "svg", "png", "csv", "mmd" or "cjml" (the GSettings key
 * `recent-export-format`); the nick is the extension without its dot.
 */
const char *waymark_export_format_to_nick          (WaymarkExportFormat  format);
gboolean    waymark_export_format_from_nick        (const char          *nick,
                                                    WaymarkExportFormat *out);
/**
 * waymark_export_format_get_extension:
 * The file name extension with its dot: ".pdf".
 */
const char *waymark_export_format_get_extension    (WaymarkExportFormat  format);
const char *waymark_export_format_get_mime_type    (WaymarkExportFormat  format);
/**
 * waymark_export_format_get_display_name:
 * The translated name: "PDF document", "CSV table (touchpoints)", …
 */
const char *waymark_export_format_get_display_name (WaymarkExportFormat  format);
/**
 * waymark_export_format_is_text:
 * Whether @format is text written from the map's data (CSV, Mermaid, CJML):
 * no paper, no poster, no resolution.
 */
gboolean    waymark_export_format_is_text          (WaymarkExportFormat  format);
/**
 * waymark_export_format_for_path:
 * The format @path's extension names, case-insensitively.  Returns FALSE
 * when it names none.
 */
gboolean    waymark_export_format_for_path         (const char          *path,
                                                    WaymarkExportFormat *out);

/**
 * waymark_export_options_init:
 * Sets @options to the defaults of @format: natural size, landscape, no
 * poster, %WAYMARK_EXPORT_DPI_DEFAULT, and on paper a booklet when one
 * page would be illegible (%WAYMARK_PAGES_AUTO).
 */
void        waymark_export_options_init            (WaymarkExportOptions *options,
                                                    WaymarkExportFormat   format);
/**
 * waymark_export_options_init_default:
 * Sets @options to what the app and the command line start from for
 * @format: like waymark_export_options_init(), but a PDF on
 * %WAYMARK_EXPORT_DEFAULT_PDF_PAPER and a PNG at
 * %WAYMARK_EXPORT_DEFAULT_DPI.
 */
void        waymark_export_options_init_default    (WaymarkExportOptions *options,
                                                    WaymarkExportFormat   format);
/**
 * waymark_export_options_validate:
 * Checks what does not depend on the map: a poster needs a paper size and
 * PDF, so does a booklet (%WAYMARK_PAGES_BOOKLET), CSV has no paper, the resolution lies in
 * %WAYMARK_EXPORT_DPI_MIN … %WAYMARK_EXPORT_DPI_MAX, posters have 1 …
 * %WAYMARK_POSTER_MAX_SHEETS sheets a side, only a PDF gets a dashboard
 * page.  Sets a translated
 * %WAYMARK_EXPORT_ERROR_INVALID_OPTIONS message otherwise.
 */
gboolean    waymark_export_options_validate        (const WaymarkExportOptions *options,
                                                    GError                    **error);
/**
 * waymark_export_get_page_plan:
 * The pages @options put the map of @layout on (the plan printing would
 * use for the same paper).  Paper sizes go through
 * waymark_page_plan_fit_layout(), which switches @layout to the print
 * density and the shape that prints the map largest; the natural size
 * sets @layout back to the screen's density and shape.
 */
void        waymark_export_get_page_plan           (WaymarkLayout              *layout,
                                                    const WaymarkExportOptions *options,
                                                    WaymarkPagePlan            *plan);
/**
 * waymark_export_get_png_size:
 * The pixel size of the PNG @options make of @layout.  Fails with
 * %WAYMARK_EXPORT_ERROR_TOO_LARGE when it exceeds what can be made.
 */
gboolean    waymark_export_get_png_size            (WaymarkLayout              *layout,
                                                    const WaymarkExportOptions *options,
                                                    int                        *width,
                                                    int                        *height,
                                                    GError                    **error);
/**
 * waymark_export_get_dashboard_page_size:
 * The size in points of the dashboard page @options put after the map of
 * @layout: the map's paper, turned as
 * waymark_export_get_dashboard_orientation() says, or for the natural
 * size the dashboard's own (WAYMARK_DASHBOARD_WIDTH wide, as tall as its
 * tables), and the margin to leave around it.
 */
void        waymark_export_get_dashboard_page_size (WaymarkLayout              *layout,
                                                    const WaymarkExportOptions *options,
                                                    double                     *width,
                                                    double                     *height,
                                                    double                     *margin);
/**
 * waymark_export_get_dashboard_orientation:
 * Which way to turn paper of @paper_width × @paper_height points (either
 * way round) for the dashboard page with @margin points around it:
 * landscape, as maps print, unless the dashboard (tall with many KPIs)
 * comes out clearly larger on portrait paper.  Printing asks the same for
 * its last page.
 */
WaymarkOrientation waymark_export_get_dashboard_orientation (const WaymarkDashboard *dashboard,
                                                             const char             *title,
                                                             double                  paper_width,
                                                             double                  paper_height,
                                                             double                  margin);
/**
 * waymark_export_draw_dashboard_page:
 * Draws the KPI dashboard of @layout's journey (waymark-dashboard-painter.h)
 * with the light palette, fitted into a page of @width × @height points
 * with @margin points around it, onto @cr in page points.  Printing and
 * the PDF export call it.
 */
void        waymark_export_draw_dashboard_page     (WaymarkLayout              *layout,
                                                    double                      width,
                                                    double                      height,
                                                    double                      margin,
                                                    cairo_t                    *cr);
/**
 * waymark_export_to_bytes:
 * Draws (or, for CSV, writes) the map of @layout in @options' format,
 * and with @options->dashboard a KPI dashboard page after the map.
 * PDFs carry the map's title and "Waymark" as creator; when the
 * environment sets SOURCE_DATE_EPOCH, it is their creation date, so that
 * the same map gives the same bytes.
 *
 * Returns: (transfer full): the file's contents, or NULL with @error set.
 */
GBytes     *waymark_export_to_bytes                (WaymarkLayout              *layout,
                                                    const WaymarkExportOptions *options,
                                                    GError                    **error);
/**
 * waymark_export_to_file:
 * waymark_export_to_bytes() written atomically to @file with
 * waymark_file_replace_contents(): a failed export leaves what was there.
 */
gboolean    waymark_export_to_file                 (WaymarkLayout              *layout,
                                                    const WaymarkExportOptions *options,
                                                    GFile                      *file,
                                                    GError                    **error);

G_END_DECLS
