/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-canvas-part-private.h"
#include "waymark-canvas-drag.h"
#include "waymark-inline-editor.h"
#include "waymark-quick-add.h"

G_BEGIN_DECLS

/* The canvas is one widget made of parts.  The widget's own code is split
 * over files by concern and shares this struct: waymark-canvas.c (the
 * document, geometry, drawing, selection, tooltips), -parts.c (the
 * CSS-named parts and the drop indicator), -input.c (the event
 * controllers), -drop.c (cards from the palette), -keys.c (actions and
 * key bindings), -zoom.c, -edit.c (phases and lanes), -menu.c (context
 * menus).  Two parts are types of their own, with their own state, that
 * see only waymark-canvas-part-private.h (not this struct): the drag
 * state machine (WaymarkCanvasDrag, waymark-canvas-drag*.c) and the
 * inline editor (WaymarkInlineEditor). */

/* What W, S and M toggle on the selected touchpoints. */
typedef enum {
  WAYMARK_CANVAS_WEAK_SPOT,
  WAYMARK_CANVAS_STRENGTH,
  WAYMARK_CANVAS_MOMENT_OF_TRUTH,
} WaymarkCanvasAssessment;

/* Where a dragged card or palette item would land. */
typedef struct {
  gboolean valid;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;
} WaymarkDropTarget;

struct _WaymarkCanvas
{
  GtkWidget parent_instance;

  WaymarkDocument *document;
  WaymarkJourney *journey;
  WaymarkHistory *history;
  WaymarkLayout *layout;
  /* Followed while set: the document's journey and read-only state, the
   * journey's changes, the layout's invalidations. */
  GSignalGroup *document_signals;
  GBindingGroup *document_bindings;
  GSignalGroup *journey_signals;
  GSignalGroup *layout_signals;
  gboolean read_only;

  /* GtkScrollable: adjustments in widget pixels of the zoomed map. */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GSignalGroup *hadjustment_signals;
  GSignalGroup *vadjustment_signals;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  double zoom;
  /* Where the map's origin is drawn when scrolled to 0, 0: a map smaller
   * than the view is centred. */
  double origin_x;
  double origin_y;
  /* Room above the map for the editor's floating toolbar: the map starts
   * below it, so at the top nothing of the map is hidden under it. */
  double top_inset;
  double pinch_start_zoom;

  /* Drawing */
  gboolean dark;
  gboolean dark_set;          /* set by the caller: stop following the style manager */
  cairo_surface_t *base_surface; /* the visible map with selection and hover */
  gboolean base_valid;
  WaymarkPaintStats last_stats;  /* of the last full paint: tests, benchmark */

  /* Selection: items hold a reference. */
  GPtrArray *selection;
  GHashTable *selected;
  gpointer hover;             /* borrowed; cleared when its item goes */
  /* The keyboard cursor: a card (the last one selected) or an empty cell. */
  WaymarkPhase *cursor_phase; /* borrowed, checked against the journey */
  WaymarkLane *cursor_lane;

  /* Where the pointer was last seen (widget coordinates). */
  double pointer_x;
  double pointer_y;
  gboolean pointer_inside;

  WaymarkCanvasDrag *drag;
  WaymarkDropTarget drop;     /* cards and palette items */
  WaymarkInlineEditor *editor;

  /* Building cards from the keyboard: the quick-add field and the cell
   * its card goes to (borrowed, checked against the journey), the source
   * of "link to…" (a reference while the target is picked). */
  WaymarkQuickAdd *quick_add;
  WaymarkPhase *quick_phase;
  WaymarkLane *quick_lane;
  guint quick_index;
  WaymarkTouchpoint *link_source;

  /* Presentation mode: the phase in turn, what it changed (to restore),
   * the size its zoom was fitted to. */
  gboolean presenting;
  guint present_phase;
  guint slots_before;
  double zoom_before;
  double top_inset_before;
  int present_width;
  int present_height;

  /* CSS-named parts (children that never take input) */
  GtkWidget *cursor_box;
  GtkWidget *drop_preview;

  /* Weak-spot markers: the checker followed, and item (a reference) →
   * its worst finding's severity + 1 (waymark-canvas-findings.c). */
  WaymarkChecker *checker;
  gulong checker_changed_id;
  GHashTable *finding_marks;
  WaymarkHighlight *highlight;  /* nullable: what stands out (waymark-canvas-highlight.c) */

  /* Context menu (it acts on the selection) */
  GtkWidget *context_menu;
  GActionGroup *lane_actions; /* "lane.kind"; owned by the widget */

  /* Items marked over the map (merge conflicts, a comparison):
   * item (referenced) → WaymarkCanvasMark; NULL: none. */
  GHashTable *marks;
  /* Cards of another map drawn faded where they were (a comparison). */
  WaymarkLayout *ghost_layout;
  GPtrArray *ghosts;          /* WaymarkCanvasGhost */
};

/* ---- Between the widget's own files ---- */

/* waymark-canvas.c */
void     _waymark_canvas_selection_changed (WaymarkCanvas *self);
gpointer _waymark_canvas_cursor_card      (WaymarkCanvas *self);

/* waymark-canvas.c: the rectangle of a card or a phase's or lane's header. */
gboolean _waymark_canvas_item_rect        (WaymarkCanvas *self, gpointer item, WaymarkRect *rect);

/* waymark-canvas-marks.c */
void     _waymark_canvas_snapshot_marks   (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);
void     _waymark_canvas_marks_dispose    (WaymarkCanvas *self);
/* waymark-canvas-findings.c */
void     _waymark_canvas_init_findings    (WaymarkCanvas *self);
void     _waymark_canvas_dispose_findings (WaymarkCanvas *self);
/* Draws the markers over the map (map units; @visible: the part in view). */
void     _waymark_canvas_paint_findings   (WaymarkCanvas *self, cairo_t *cr, const WaymarkRect *visible);

/* waymark-canvas-parts.c */
void     _waymark_canvas_init_parts       (WaymarkCanvas *self);
void     _waymark_canvas_allocate_parts   (WaymarkCanvas *self);
void     _waymark_canvas_snapshot_drop    (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);

/* waymark-canvas-input.c */
void     _waymark_canvas_init_input       (WaymarkCanvas *self);

/* waymark-canvas-keys.c */
void     _waymark_canvas_class_init_keys  (GtkWidgetClass *widget_class);
void     _waymark_canvas_update_actions   (WaymarkCanvas *self);
void     _waymark_canvas_move_cursor      (WaymarkCanvas *self, int dx, int dy, gboolean extend);
gboolean _waymark_canvas_move_cards_by    (WaymarkCanvas *self, int dx, int dy);
void     _waymark_canvas_delete_selection (WaymarkCanvas *self);

/* waymark-canvas-card-keys.c */
void     _waymark_canvas_init_card_keys   (WaymarkCanvas *self);
void     _waymark_canvas_dispose_card_keys (WaymarkCanvas *self);
void     _waymark_canvas_class_init_card_keys (GtkWidgetClass *widget_class);
void     _waymark_canvas_update_card_key_actions (WaymarkCanvas *self);
/* Opens the quick-add field on the cursor's cell; FALSE when it cannot. */
gboolean _waymark_canvas_quick_add        (WaymarkCanvas *self);
void     _waymark_canvas_allocate_quick_add (WaymarkCanvas *self);
/* On the selected touchpoints, one undo step; FALSE when none is selected. */
gboolean _waymark_canvas_set_emotion      (WaymarkCanvas *self, gboolean has_emotion, int emotion);
/* @channel: one of the map's, or NULL for none. */
gboolean _waymark_canvas_set_channel      (WaymarkCanvas *self, WaymarkChannel *channel);
/* A double click in the emotion lane at (@x, @y): the touchpoint of @phase
 * without an emotion nearest to it gets the level there. */
gboolean _waymark_canvas_emotion_from_curve (WaymarkCanvas *self, WaymarkPhase *phase, WaymarkLane *lane,
                                             double x, double y);
gboolean _waymark_canvas_toggle_assessment (WaymarkCanvas *self, WaymarkCanvasAssessment assessment);
/* "Link to…" from the selected touchpoint: the cursor picks the target. */
gboolean _waymark_canvas_start_link       (WaymarkCanvas *self);
gboolean _waymark_canvas_is_linking       (WaymarkCanvas *self);
/* Links the source to the selected touchpoint and ends "link to…". */
gboolean _waymark_canvas_finish_link      (WaymarkCanvas *self);
void     _waymark_canvas_cancel_link      (WaymarkCanvas *self);
/* @item left the journey (NULL: all of them did). */
void     _waymark_canvas_forget_card_keys_item (WaymarkCanvas *self, gpointer item);
/* Adds @delta dot votes to the selected cards (one undo step); FALSE
 * when nothing changed. */
gboolean _waymark_canvas_vote (WaymarkCanvas *self, int delta);
void     _waymark_canvas_snapshot_link_to (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);

/* waymark-canvas-present.c */
void     _waymark_canvas_init_present     (WaymarkCanvas *self);
void     _waymark_canvas_present_allocate (WaymarkCanvas *self);
void     _waymark_canvas_snapshot_present (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);
/* The zoom presentation mode takes in a view of @width × @height. */
double   _waymark_canvas_present_zoom     (WaymarkCanvas *self, int width, int height);

/* waymark-canvas-sticky.c */
/* Paints the pinned headers and the toolbar's band over the map (@cr in
 * widget coordinates). */
void     _waymark_canvas_paint_sticky     (WaymarkCanvas *self, cairo_t *cr, int width, int height,
                                           const WaymarkPalette *palette, const WaymarkPaintState *state);
/* Moves a widget point on a pinned header to where that header is; TRUE
 * when it did. */
gboolean _waymark_canvas_sticky_remap     (WaymarkCanvas *self, double *x, double *y);
/* Whether the emotion lane is pinned to the bottom of the view
 * (presentation mode, the lane below the view); @top: where its band
 * starts, in widget pixels. */
gboolean _waymark_canvas_emotion_pinned   (WaymarkCanvas *self, double *top);
/* How much of the view the pinned headers and the toolbar's band may
 * take at its left and top (widget pixels): what is scrolled into view
 * goes past them. */
void     _waymark_canvas_sticky_reserve   (WaymarkCanvas *self, double *left, double *top);

/* waymark-canvas-zoom.c */
void     _waymark_canvas_init_zoom        (WaymarkCanvas *self);
void     _waymark_canvas_class_init_zoom  (GtkWidgetClass *widget_class);
void     _waymark_canvas_zoom_at          (WaymarkCanvas *self, double zoom, double x, double y);

/* waymark-canvas-edit.c */
void     _waymark_canvas_class_init_edit  (GtkWidgetClass *widget_class);
/* Sets @lane's kind; refuses (with a message) when its cards cannot stay. */
gboolean _waymark_canvas_set_lane_kind    (WaymarkCanvas *self, WaymarkLane *lane, WaymarkLaneKind kind);

/* waymark-canvas-menu.c */
void     _waymark_canvas_init_menu        (WaymarkCanvas *self);
void     _waymark_canvas_popup_menu       (WaymarkCanvas *self, const WaymarkHit *hit, double x, double y);
void     _waymark_canvas_allocate_menu    (WaymarkCanvas *self);

G_END_DECLS
