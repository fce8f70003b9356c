/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-checker.h"
#include "waymark-export.h"
#include "waymark-highlight.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* The Export dialog: format (PDF, SVG, PNG, CSV, Mermaid, CJML), paper, orientation,
 * one page or a booklet, poster sheets and resolution, then a file chooser; the file is written
 * atomically with the same code as `waymark --export`. */

#define WAYMARK_TYPE_EXPORT_DIALOG (waymark_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkExportDialog, waymark_export_dialog, WAYMARK, EXPORT_DIALOG, AdwWindow)

/* Which option rows a choice of options shows. */
typedef enum {
  WAYMARK_EXPORT_ROW_PAPER       = 1 << 0,
  WAYMARK_EXPORT_ROW_ORIENTATION = 1 << 1,
  WAYMARK_EXPORT_ROW_POSTER      = 1 << 2,
  WAYMARK_EXPORT_ROW_DPI         = 1 << 3,
  WAYMARK_EXPORT_ROW_PAGES       = 1 << 4,
  WAYMARK_EXPORT_ROW_DASHBOARD   = 1 << 5,   /* a KPI dashboard page after the map */
  WAYMARK_EXPORT_ROW_DELIMITER   = 1 << 6,   /* CSV: comma or semicolon */
} WaymarkExportRows;

/**
 * waymark_export_dialog_new:
 * @parent: the window to stay above
 * @journey: the map to export
 * @source: (nullable): the map's file, for the suggested file name
 */
WaymarkExportDialog *waymark_export_dialog_new         (GtkWindow                  *parent,
                                                        WaymarkJourney             *journey,
                                                        GFile                      *source);
void                 waymark_export_dialog_get_options (WaymarkExportDialog        *self,
                                                        WaymarkExportOptions       *options);
void                 waymark_export_dialog_set_options (WaymarkExportDialog        *self,
                                                        const WaymarkExportOptions *options);
/**
 * waymark_export_dialog_set_highlight:
 * "Export what is highlighted": with a highlight (copied; NULL or empty:
 * none), a Highlight switch, on, offers a drawn export with the cards
 * it leaves out dimmed as on the map; @checker (nullable) holds the
 * findings it reads.
 */
void                 waymark_export_dialog_set_highlight (WaymarkExportDialog    *self,
                                                          const WaymarkHighlight *highlight,
                                                          WaymarkChecker         *checker);
/* Whether the export dims what the highlight leaves out. */
gboolean             waymark_export_dialog_get_dim     (WaymarkExportDialog        *self);
/**
 * waymark_export_dialog_export_to:
 * Writes the export with the dialog's options to @file (what choosing a
 * file in the file chooser does).
 */
gboolean             waymark_export_dialog_export_to   (WaymarkExportDialog        *self,
                                                        GFile                      *file,
                                                        GError                    **error);
/**
 * waymark_export_dialog_get_warnings:
 * What the last export could not write (for CJML: the parts of the map
 * CJML has no place for), one translated message an entry; empty when
 * nothing was left out.  Choosing a file shows them in a dialog.
 *
 * Returns: (transfer none) (element-type utf8): the messages
 */
GPtrArray           *waymark_export_dialog_get_warnings (WaymarkExportDialog       *self);

/**
 * waymark_export_rows_for:
 * The rows that apply to @options: paper for the drawn formats,
 * orientation once a paper is chosen, poster for PDF, one page or a
 * booklet for a PDF on paper that is not a poster, resolution for PNG,
 * none for CSV.
 */
WaymarkExportRows    waymark_export_rows_for           (const WaymarkExportOptions *options);
/**
 * waymark_export_suggest_name:
 * The file name to offer: @source's name with @format's extension
 * ("map.journey" → "map.pdf"), else the map's @title made safe for a file
 * name, else "Journey map".
 */
char                *waymark_export_suggest_name       (GFile                      *source,
                                                        const char                 *title,
                                                        WaymarkExportFormat         format);

G_END_DECLS
