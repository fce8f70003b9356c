/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-checker.h"
#include "waymark-document.h"
#include "waymark-layout.h"
#include "waymark-palette-item.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CANVAS (waymark_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkCanvas, waymark_canvas, WAYMARK, CANVAS, GtkWidget)

/* The journey map editor: draws the document's journey with the shared
 * painter (only what is visible), scrolls as a GtkScrollable, zooms from
 * 25 % to 400 %, and turns pointer, touch and keyboard input into edits
 * through the document's undo history.
 *
 * Properties: "document", "zoom", "dark" (follows the style manager
 * unless set), "can-zoom-in", "can-zoom-out".
 * Signal ::selection-changed: the selected items changed. */

#define WAYMARK_CANVAS_MIN_ZOOM 0.25
#define WAYMARK_CANVAS_MAX_ZOOM 4.0

typedef enum {
  WAYMARK_CANVAS_SELECT_REPLACE,  /* only this item */
  WAYMARK_CANVAS_SELECT_TOGGLE,   /* Ctrl-click */
  WAYMARK_CANVAS_SELECT_ADD,      /* Shift-click, rubber band */
} WaymarkCanvasSelectMode;

GtkWidget       *waymark_canvas_new            (void);

void             waymark_canvas_set_document   (WaymarkCanvas   *self,
                                                WaymarkDocument *document);
WaymarkDocument *waymark_canvas_get_document   (WaymarkCanvas   *self);
/* The layout the canvas draws (NULL without a document). */
WaymarkLayout   *waymark_canvas_get_layout     (WaymarkCanvas   *self);

double           waymark_canvas_get_zoom       (WaymarkCanvas   *self);
void             waymark_canvas_set_zoom       (WaymarkCanvas   *self,
                                                double           zoom);
void             waymark_canvas_zoom_in        (WaymarkCanvas   *self);
void             waymark_canvas_zoom_out       (WaymarkCanvas   *self);
/* The whole map in view, at most 100 %. */
void             waymark_canvas_zoom_to_fit    (WaymarkCanvas   *self);
/* Pixels of room above the map for a toolbar floating over the canvas. */
void             waymark_canvas_set_top_inset  (WaymarkCanvas   *self,
                                                double           pixels);

/* Scrolls so that @rect (map units) is in view. */
void             waymark_canvas_scroll_to_rect (WaymarkCanvas     *self,
                                                const WaymarkRect *rect);

/* Scrolls so that @item (a card, a phase or a lane) is in view. */
void             waymark_canvas_reveal_item    (WaymarkCanvas     *self,
                                                gpointer           item);

/* Marks the cards and phases @checker has findings about (NULL: none),
 * following its changes. */
void             waymark_canvas_set_checker    (WaymarkCanvas   *self,
                                                WaymarkChecker  *checker);
/* Whether @item carries a marker, and of which severity. */
gboolean         waymark_canvas_get_finding_mark (WaymarkCanvas   *self,
                                                  gconstpointer    item,
                                                  WaymarkSeverity *severity);

/* The selected items in the order they were selected (borrowed): cards,
 * or one phase or lane. */
GPtrArray       *waymark_canvas_get_selection  (WaymarkCanvas   *self);
/* The one selected item, or NULL when none or several are. */
gpointer         waymark_canvas_get_selected_item (WaymarkCanvas *self);
void             waymark_canvas_select_item    (WaymarkCanvas          *self,
                                                gpointer                item,
                                                WaymarkCanvasSelectMode mode);
void             waymark_canvas_select_all     (WaymarkCanvas   *self);
void             waymark_canvas_unselect_all   (WaymarkCanvas   *self);

/* Adds a card of @item's kind at the keyboard cursor (the selected card's
 * cell, else the first cell that takes it) and starts editing its title:
 * the palette's keyboard path, equal to a drop. */
gpointer         waymark_canvas_add_palette_item (WaymarkCanvas      *self,
                                                  WaymarkPaletteItem *item);

/* Whether the title of a card or header is being edited in place. */
gboolean         waymark_canvas_is_editing     (WaymarkCanvas   *self);

/* Marks over the map, for merge conflicts and comparisons: drawn as a
 * coloured outline around a card or a phase's or lane's header. */
typedef enum {
  WAYMARK_CANVAS_MARK_NONE,
  WAYMARK_CANVAS_MARK_CONFLICT,  /* a merge conflict is about it */
  WAYMARK_CANVAS_MARK_ADDED,     /* only this map has it */
  WAYMARK_CANVAS_MARK_CHANGED,   /* the other map has it otherwise (edited, moved) */
} WaymarkCanvasMark;

/* A card of another map drawn faded in a cell of this one: what this map
 * no longer has (a comparison's removed cards). */
typedef struct {
  gpointer card;          /* a touchpoint or note of the ghost layout's journey */
  WaymarkPhase *phase;    /* the cell of this map it is drawn in */
  WaymarkLane *lane;
} WaymarkCanvasGhost;

/* @marks: item of the document's journey → GINT_TO_POINTER (mark); the
 * canvas keeps a reference to the table (NULL: no marks). */
void             waymark_canvas_set_marks      (WaymarkCanvas *self,
                                                GHashTable    *marks);
WaymarkCanvasMark waymark_canvas_get_mark      (WaymarkCanvas *self,
                                                gconstpointer  item);
/* @layout: the other map's layout; @ghosts: WaymarkCanvasGhost (the
 * canvas keeps references to both; NULL: none). */
void             waymark_canvas_set_ghosts     (WaymarkCanvas *self,
                                                WaymarkLayout *layout,
                                                GPtrArray     *ghosts);
guint            waymark_canvas_get_n_ghosts   (WaymarkCanvas *self);

/* What stands out on the map (copied; NULL or empty: everything); the
 * rest is drawn dimmed.  View state: not part of the document. */
void             waymark_canvas_set_highlight  (WaymarkCanvas          *self,
                                                const WaymarkHighlight *highlight);
const WaymarkHighlight *waymark_canvas_get_highlight (WaymarkCanvas    *self);
gboolean         waymark_canvas_get_dark       (WaymarkCanvas   *self);
void             waymark_canvas_set_dark       (WaymarkCanvas   *self,
                                                gboolean         dark);

/* Presentation mode: larger text, up to five phases fitted to the width
 * with the emotion curve, stepping through the phases (arrows, Page Down;
 * Escape leaves through the window's "win.present"). */
void             waymark_canvas_set_presenting (WaymarkCanvas   *self,
                                                gboolean         presenting);
gboolean         waymark_canvas_get_presenting (WaymarkCanvas   *self);
/* The index of the phase in turn. */
guint            waymark_canvas_get_present_phase (WaymarkCanvas *self);
/* Moves the turn @step phases on (back when negative). */
void             waymark_canvas_step_phase     (WaymarkCanvas   *self,
                                                int              step);

/* Whether the phase headers are pinned to the top of the view (scrolled
 * down) and the lane headers to its left (scrolled right). */
gboolean         waymark_canvas_get_headers_pinned (WaymarkCanvas *self,
                                                    gboolean      *phases,
                                                    gboolean      *lanes);

G_END_DECLS
