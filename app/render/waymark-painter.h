/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-layout.h"
#include "waymark-palette.h"

G_BEGIN_DECLS

/* The one painter: the canvas, printing and every export draw a journey
 * map with waymark_painter_paint(), so what prints is what the screen
 * shows.  It draws onto any cairo_t (image, PDF, SVG, a widget's
 * snapshot) in map units; the caller sets the matrix for zoom, scrolling,
 * paper size or poster tiles. */

typedef enum {
  WAYMARK_PAINT_DEFAULT           = 0,
  /* Leave the page transparent (the canvas paints its own background). */
  WAYMARK_PAINT_NO_BACKGROUND     = 1 << 0,
  /* Leave out parts, e.g. when the canvas draws sticky headers itself. */
  WAYMARK_PAINT_NO_HEADER         = 1 << 1,
  WAYMARK_PAINT_NO_PHASE_HEADERS  = 1 << 2,
  WAYMARK_PAINT_NO_LANE_HEADERS   = 1 << 3,
  WAYMARK_PAINT_NO_LEGEND         = 1 << 4,
  WAYMARK_PAINT_NO_LINKS          = 1 << 5,
} WaymarkPaintFlags;

/* How much of a card shows that a highlight leaves out (with its links,
 * emotion point and, on the canvas, its finding badge): enough to see
 * where it sits, little enough that the highlighted ones stand out, on
 * the light and the dark page alike. */
#define WAYMARK_PAINT_DIM_ALPHA 0.28

/* What a paint visited: tests and the benchmark check that the cost
 * follows the visible area, not the size of the map. */
typedef struct {
  guint n_columns_visited;
  guint n_rows_visited;
  guint n_cells_visited;
  guint n_cards_painted;
  guint n_emotion_points_painted;
  guint n_links_tested;
  guint n_links_painted;
} WaymarkPaintStats;

/* Interaction state the canvas draws on top of the map.  Prints and
 * exports pass NULL. */
typedef struct {
  GHashTable *selected;         /* nullable set of items (cards, links) drawn with a selection ring */
  gconstpointer hover;          /* nullable: the item under the pointer */
  gboolean show_drop;           /* draw where a dragged card would land: */
  WaymarkPhase *drop_phase;     /*   the cell … */
  WaymarkLane *drop_lane;
  guint drop_index;             /*   … and the insertion index (WaymarkHit.index) */
  WaymarkPaintStats *stats;     /* nullable out: filled with what was painted */
} WaymarkPaintState;

/**
 * waymark_painter_paint:
 * @layout: the map's layout (updated first if the journey changed)
 * @cr: any cairo context; its current matrix maps map units to the device
 * @clip: (nullable): the area to draw, in map units; NULL for the whole
 *   map.  Only what intersects it is visited: columns and rows are found
 *   by binary search and cards by their band, so a viewport of a huge map
 *   costs what the viewport shows.
 * @palette: (nullable): the colours; NULL for the light (print) palette
 * @flags: parts to leave out
 * @state: (nullable): selection, hover and drop feedback (canvas only)
 *
 * Draws the map: header, phase and lane headers, cells with their cards
 * and sticky notes, the emotion curve, KPI summaries, the legend, and the
 * flow links on top.  Text is drawn from layouts made device independent
 * (see waymark_layout_create_pango_context()), so it keeps its line breaks
 * at any scale and stays real, selectable text in PDF and SVG.
 */
void waymark_painter_paint (WaymarkLayout           *layout,
                            cairo_t                 *cr,
                            const WaymarkRect       *clip,
                            const WaymarkPalette    *palette,
                            WaymarkPaintFlags        flags,
                            const WaymarkPaintState *state);

G_END_DECLS
