/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

#include "waymark-highlight.h"
#include "waymark-journey.h"
#include "waymark-rect.h"
#include "waymark-text-cache.h"

G_BEGIN_DECLS

/* The geometry of a journey map: where the header, the phase columns, the
 * lane rows, every card, the emotion curve and the legend go.
 *
 * Units are map units: 1 unit = 1 pixel at 100 % zoom = 1/96 inch on
 * paper.  The origin is the top-left corner of the map; the whole map is
 * waymark_layout_get_size() big, margins included.
 *
 * The layout follows its journey: it listens to WaymarkJourney::changed,
 * marks only what a change touched as dirty and emits ::invalidated.  The
 * next waymark_layout_update() (every getter below calls it) lays out only
 * the dirty cards, cells, rows and columns: a new card title re-measures
 * that card and, only when its height changed, its row; rows below move
 * in O(rows + columns), never O(cards).  Structural changes (phases,
 * lanes, a reload) rebuild the grid but keep every card's text layout
 * whose text did not change.
 *
 * Text is laid out once, device independent (no hinted metrics, no
 * rounded glyph positions), so the same layout paints identically at any
 * zoom and on image, PDF and SVG surfaces. */

#define WAYMARK_TYPE_LAYOUT (waymark_layout_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkLayout, waymark_layout, WAYMARK, LAYOUT, GObject)

typedef enum {
  WAYMARK_HIT_NONE,
  WAYMARK_HIT_CARD,           /* item: the WaymarkTouchpoint or WaymarkNote */
  WAYMARK_HIT_CELL,           /* item: NULL; phase and lane name the cell */
  WAYMARK_HIT_PHASE_HEADER,   /* item: the WaymarkPhase */
  WAYMARK_HIT_LANE_HEADER,    /* item: the WaymarkLane */
  WAYMARK_HIT_EMOTION_POINT,  /* item: the WaymarkTouchpoint of the point */
  WAYMARK_HIT_LINK,           /* item: the WaymarkLink */
} WaymarkHitKind;

/* What lies at a point of the map.  @phase and @lane name the column and
 * row under the point whenever there is one (also for cards, links and
 * headers), else NULL.  @index is where a card dropped at the point would
 * enter the cell: 0 … number of cards in the cell.  Pointers are borrowed
 * from the journey. */
typedef struct {
  WaymarkHitKind kind;
  gpointer item;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;
} WaymarkHit;

/* What the layout did since the last waymark_layout_reset_stats(): the
 * tests and the benchmark use it to check that an update stays local. */
typedef struct {
  guint n_updates;          /* waymark_layout_update() calls that had work */
  guint n_full;             /* full rebuilds of the grid */
  guint n_cards_measured;   /* card and note texts laid out */
  guint n_cells_flowed;     /* cells whose cards were placed */
  guint n_rows_measured;    /* rows whose height was computed */
  guint n_columns_measured; /* columns whose width was computed */
  guint n_emotion_layouts;  /* emotion curve (points and labels) recomputed */
  guint n_text_layouts;     /* PangoLayouts created */
} WaymarkLayoutStats;

/* The structure's sizes.  SCREEN (the default) has room for pointing and
 * dragging.  PRINT is for a map scaled down to fit paper: narrower cards
 * relative to their text, thinner gutters, paddings and margins (the
 * paper has its own) and larger card titles, so the text comes out larger
 * on the same sheet.  PRESENTATION is for a projector: the screen's card
 * width with much larger text and thin gutters, so a map fitted to the
 * width is read from the back of a room.  All draw with the same
 * painter. */
typedef enum {
  WAYMARK_LAYOUT_DENSITY_SCREEN,
  WAYMARK_LAYOUT_DENSITY_PRINT,
  WAYMARK_LAYOUT_DENSITY_PRESENTATION,
} WaymarkLayoutDensity;

/**
 * waymark_layout_create_pango_context:
 * A PangoContext that lays text out the same at every scale and on every
 * surface: cairo's default font map, 96 dpi, no hinted metrics, no
 * hinting, grey antialiasing, glyph positions not rounded.  This is what
 * waymark_layout_new() uses when given no context.
 */
PangoContext   *waymark_layout_create_pango_context (void);

/**
 * waymark_layout_new:
 * @journey: the journey to lay out (a reference is kept)
 * @context: (nullable): the PangoContext for text; NULL for
 *   waymark_layout_create_pango_context().  Prints and exports must pass
 *   NULL so they do not depend on screen font settings.
 *
 * Returns: (transfer full): a layout that follows @journey's changes.
 */
WaymarkLayout  *waymark_layout_new              (WaymarkJourney *journey,
                                                 PangoContext   *context);
WaymarkJourney *waymark_layout_get_journey      (WaymarkLayout  *self);
PangoContext   *waymark_layout_get_pango_context (WaymarkLayout *self);

/**
 * waymark_layout_update:
 * Lays out whatever changed since the last update; cheap when nothing
 * did.  The getters call it, so callers rarely need to.
 */
void            waymark_layout_update           (WaymarkLayout  *self);
/**
 * waymark_layout_invalidate:
 * Marks everything dirty and drops every text layout: call it when the
 * PangoContext's fonts or options changed.
 */
void            waymark_layout_invalidate       (WaymarkLayout  *self);
/* Which cards stand out: the painter draws every other card, its links
 * and its emotion point dimmed (on screen, in print and in exports).
 * @highlight is copied; NULL or an empty one dims nothing.  @checker
 * (nullable, referenced) holds the findings a finding criterion reads.
 * The geometry does not change, so no ::invalidated is emitted: the
 * caller redraws. */
void            waymark_layout_set_highlight    (WaymarkLayout          *self,
                                                 const WaymarkHighlight *highlight,
                                                 WaymarkChecker         *checker);
/* The highlight in effect, or NULL when nothing is dimmed. */
const WaymarkHighlight *waymark_layout_get_highlight (WaymarkLayout     *self);
/* Whether the painter dims @item (a touchpoint, note or link). */
gboolean        waymark_layout_is_dimmed        (WaymarkLayout          *self,
                                                 gconstpointer           item);
/* How many cards a phase column may hold side by side (1 to
 * WAYMARK_LAYOUT_MAX_SLOTS, the default): a phase with many cards widens
 * instead of growing very tall.  Fitting a map to paper picks the value
 * whose shape fills the page best (waymark_export_get_page_plan). */
#define WAYMARK_LAYOUT_MAX_SLOTS 4
void            waymark_layout_set_max_slots    (WaymarkLayout  *self,
                                                 guint           max_slots);
guint           waymark_layout_get_max_slots    (WaymarkLayout  *self);
/* How many cards a cell stacks before its column puts cards side by side
 * (1 or more; WAYMARK_LAYOUT_STACK_TARGET by default).  Together with the
 * maximum slot count it sets the map's shape: fitting to paper tries
 * several (waymark_page_plan_fit_layout). */
#define WAYMARK_LAYOUT_STACK_TARGET 4
void            waymark_layout_set_stack_target (WaymarkLayout  *self,
                                                 guint           stack_target);
guint           waymark_layout_get_stack_target (WaymarkLayout  *self);
/**
 * waymark_layout_is_dirty:
 * Whether a change waits for waymark_layout_update().
 */
gboolean        waymark_layout_is_dirty         (WaymarkLayout  *self);
/**
 * waymark_layout_set_density:
 * Switches between the screen's and the print metrics; every card is
 * measured again (line breaks change with the card width).
 */
void            waymark_layout_set_density      (WaymarkLayout        *self,
                                                 WaymarkLayoutDensity  density);
WaymarkLayoutDensity waymark_layout_get_density (WaymarkLayout        *self);
/**
 * waymark_layout_set_frame_width:
 * The width in map units the header, the legend and the list of emotion
 * notes wrap at when it is less than the map's (0, the default: the
 * map's width).  A booklet page is narrower than the map: its first page
 * shows the header and its last the legend, whole.
 */
void            waymark_layout_set_frame_width  (WaymarkLayout        *self,
                                                 double                width);
double          waymark_layout_get_frame_width  (WaymarkLayout        *self);
/**
 * waymark_layout_set_page_breaks:
 * @first_columns: (array length=n): ascending indices of the phase columns
 *   that start a page (0 is ignored); NULL and 0 for none, the default
 *
 * Where a booklet starts new pages: an emotion note stays on the page of
 * its point, so no page cuts it (it may become a numbered footnote
 * instead).  Nothing else moves.
 */
void            waymark_layout_set_page_breaks  (WaymarkLayout        *self,
                                                 const guint          *first_columns,
                                                 guint                 n);
/* The size of @style's text at the current density, in map units. */
double          waymark_layout_get_text_size    (WaymarkLayout        *self,
                                                 WaymarkTextStyle      style);

/**
 * waymark_layout_get_size:
 * The size of the whole map in map units, margins included.
 */
void            waymark_layout_get_size         (WaymarkLayout  *self,
                                                 double         *width,
                                                 double         *height);
/**
 * waymark_layout_get_card_rect:
 * The rectangle of the card showing @item (a WaymarkTouchpoint or a
 * WaymarkNote).  Returns FALSE when the item has no card (not in the
 * journey, or in a cell that does not exist).
 */
gboolean        waymark_layout_get_card_rect    (WaymarkLayout  *self,
                                                 gconstpointer   item,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_cell_rect:
 * The rectangle of the cell where @phase's column meets @lane's row.
 */
gboolean        waymark_layout_get_cell_rect    (WaymarkLayout  *self,
                                                 WaymarkPhase   *phase,
                                                 WaymarkLane    *lane,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_phase_rect:
 * The whole column of @phase, from the top of its header to the bottom
 * of the last row.
 */
gboolean        waymark_layout_get_phase_rect   (WaymarkLayout  *self,
                                                 WaymarkPhase   *phase,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_phase_header_rect:
 * The header (chevron) of @phase.
 */
gboolean        waymark_layout_get_phase_header_rect (WaymarkLayout *self,
                                                      WaymarkPhase  *phase,
                                                      WaymarkRect   *rect);
/**
 * waymark_layout_get_lane_rect:
 * The whole row of @lane, from the left of its header to the right of the
 * last column.
 */
gboolean        waymark_layout_get_lane_rect    (WaymarkLayout  *self,
                                                 WaymarkLane    *lane,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_lane_header_rect:
 * The header of @lane at the left of its row.
 */
gboolean        waymark_layout_get_lane_header_rect (WaymarkLayout *self,
                                                     WaymarkLane   *lane,
                                                     WaymarkRect   *rect);
/**
 * waymark_layout_get_header_rect:
 * The block with the map's title, subject, goal, personas and state.
 */
void            waymark_layout_get_header_rect  (WaymarkLayout  *self,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_grid_rect:
 * The phase headers and all cells (not the lane headers): what scrolls
 * under sticky headers on the canvas.
 */
void            waymark_layout_get_grid_rect    (WaymarkLayout  *self,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_legend_rect:
 * The legend below the grid.
 */
void            waymark_layout_get_legend_rect  (WaymarkLayout  *self,
                                                 WaymarkRect    *rect);
/**
 * waymark_layout_get_emotion_point:
 * Where @touchpoint's score sits on the emotion curve of @lane (an
 * emotion lane).  Returns FALSE when the touchpoint has no emotion.
 */
gboolean        waymark_layout_get_emotion_point (WaymarkLayout     *self,
                                                  WaymarkLane       *lane,
                                                  WaymarkTouchpoint *touchpoint,
                                                  double            *x,
                                                  double            *y);
/**
 * waymark_layout_get_cell_insertion_rect:
 * A thin rectangle showing where a card dropped at @index of the cell
 * would land (the canvas draws its drop indicator there).
 */
gboolean        waymark_layout_get_cell_insertion_rect (WaymarkLayout *self,
                                                        WaymarkPhase  *phase,
                                                        WaymarkLane   *lane,
                                                        guint          index,
                                                        WaymarkRect   *rect);

/**
 * waymark_layout_hit_test:
 * What is at (@x, @y): a link (links are drawn on top), an emotion point,
 * a card, a cell, a phase or lane header, or nothing.  Columns and rows
 * are found by binary search and the card within its cell by its grid
 * row, so the cost does not grow with the size of the map (links are
 * tested by their bounding boxes).  Points in the gaps between cells
 * belong to the nearer cell, so drops never fall through.
 *
 * Returns: whether anything (even just a cell) is at the point; @hit is
 * filled either way.
 */
gboolean        waymark_layout_hit_test         (WaymarkLayout  *self,
                                                 double          x,
                                                 double          y,
                                                 WaymarkHit     *hit);

/**
 * waymark_layout_get_stats:
 * What the layout did since the last reset (see WaymarkLayoutStats).
 */
void            waymark_layout_get_stats        (WaymarkLayout      *self,
                                                 WaymarkLayoutStats *stats);
void            waymark_layout_reset_stats      (WaymarkLayout      *self);

G_END_DECLS
