/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The papers a map prints and exports on.  Sizes are in PostScript points
 * (1/72 inch), the unit of PDF pages and of GtkPrintContext with
 * GTK_UNIT_POINTS. */

typedef enum {
  WAYMARK_PAPER_NATURAL,   /* one page exactly the map's size (1 map unit = 1/96 inch) */
  WAYMARK_PAPER_A4,
  WAYMARK_PAPER_A3,
  WAYMARK_PAPER_A2,
  WAYMARK_PAPER_A1,
  WAYMARK_PAPER_A0,
  WAYMARK_PAPER_LETTER,
  WAYMARK_PAPER_TABLOID,
  WAYMARK_N_PAPERS
} WaymarkPaper;

typedef enum {
  WAYMARK_ORIENTATION_LANDSCAPE,  /* the default: maps are wider than tall */
  WAYMARK_ORIENTATION_PORTRAIT,
} WaymarkOrientation;

/* Printable-area inset of every sheet: office printers cannot print to the
 * edge, and poster sheets need room for cut marks and their label. */
#define WAYMARK_PAPER_MARGIN_MM   10.0
/* How much of the map neighbouring poster sheets both show, to tape over. */
#define WAYMARK_POSTER_OVERLAP_MM 10.0
/* The largest poster the app and the command line offer, per side. */
#define WAYMARK_POSTER_MAX_SHEETS 10

#define WAYMARK_MM_TO_POINTS(mm) ((mm) * 72.0 / 25.4)

/**
 * waymark_paper_to_nick:
 * The stable keyword of @paper ("natural", "a4", … "letter", "tabloid"),
 * as the GSettings key `default-paper` stores it.
 */
const char *waymark_paper_to_nick          (WaymarkPaper paper);
/**
 * waymark_paper_from_nick:
 * Parses a paper keyword case-insensitively ("A3", "a3", "Letter").
 * Returns FALSE for anything else.
 */
gboolean    waymark_paper_from_nick        (const char   *nick,
                                            WaymarkPaper *out);
/**
 * waymark_paper_get_display_name:
 * The translated name shown in menus, e.g. "A3 (297 × 420 mm)".
 */
const char *waymark_paper_get_display_name (WaymarkPaper paper);
/**
 * waymark_paper_get_pwg_name:
 * The PWG 5101.1 name (GTK_PAPER_NAME_A3 is "iso_a3"), for GtkPaperSize;
 * NULL for %WAYMARK_PAPER_NATURAL.
 */
const char *waymark_paper_get_pwg_name     (WaymarkPaper paper);
/**
 * waymark_paper_get_size:
 * The size of @paper in points, turned for @orientation (landscape: the
 * long side across).  %WAYMARK_PAPER_NATURAL has no size of its own: both
 * are set to 0.
 */
void        waymark_paper_get_size         (WaymarkPaper        paper,
                                            WaymarkOrientation  orientation,
                                            double             *width,
                                            double             *height);

/**
 * waymark_orientation_to_nick:
 * "landscape" or "portrait", as the GSettings key `default-orientation`.
 */
const char *waymark_orientation_to_nick    (WaymarkOrientation  orientation);
gboolean    waymark_orientation_from_nick  (const char         *nick,
                                            WaymarkOrientation *out);

/**
 * waymark_poster_parse:
 * Parses "COLSxROWS" ("3x2", also with "X" or "×") with 1 … 
 * %WAYMARK_POSTER_MAX_SHEETS on each side.  Sets a translated message in
 * @error (G_OPTION_ERROR_BAD_VALUE) when it does not.
 */
gboolean    waymark_poster_parse           (const char  *text,
                                            guint       *columns,
                                            guint       *rows,
                                            GError     **error);

G_END_DECLS
