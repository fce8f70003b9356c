/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-canvas.h"
#include "waymark-painter.h"

G_BEGIN_DECLS

/* The canvas is split over files by concern: waymark-canvas.c (document,
 * geometry, drawing, selection), -input.c (the event controllers),
 * -drag.c (pointer and touch drags), -drag-cards.c, -drag-link.c,
 * -drag-emotion.c and -drag-header.c (what each kind of drag does),
 * -drag-feedback.c (what a drag shows, the CSS-named parts), -drop.c
 * (cards from the palette), -keys.c (actions and key bindings), -zoom.c
 * (zoom gestures and steps), -edit.c (editing titles in place, header
 * menus, adding and deleting).  They share this struct. */

typedef enum {
  WAYMARK_DRAG_NONE,
  WAYMARK_DRAG_PENDING,      /* pressed; becomes a drag past the threshold */
  WAYMARK_DRAG_CARDS,        /* moving the selected cards */
  WAYMARK_DRAG_RUBBER_BAND,  /* selecting the cards in a box */
  WAYMARK_DRAG_PAN,          /* scrolling the map by hand */
  WAYMARK_DRAG_LINK,         /* from a card's link handle to another card */
  WAYMARK_DRAG_EMOTION,      /* a point of the emotion curve up or down */
  WAYMARK_DRAG_HEADER,       /* reordering a phase or a lane */
} WaymarkDragMode;

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
  gulong document_journey_id;
  gulong document_read_only_id;
  gulong journey_changed_id;
  gulong layout_invalidated_id;
  gboolean read_only;

  /* GtkScrollable: adjustments in widget pixels of the zoomed map. */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
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

  /* Pointer and touch */
  struct {
    WaymarkDragMode mode;
    WaymarkDragMode pending_mode; /* what PENDING becomes */
    WaymarkHit hit;           /* what was pressed */
    double start_x, start_y;  /* widget */
    double x, y;              /* widget, now */
    double start_hvalue, start_vvalue;
    GdkModifierType state;
    gboolean touch;
    gboolean swallow;         /* a double click handled the press */
    gboolean select_on_release;
    GPtrArray *cards;         /* the cards being moved (references) */
    int emotion_score;
    guint header_index;       /* the new index of a dragged header */
    WaymarkTouchpoint *link_target;
  } drag;
  WaymarkDropTarget drop;     /* cards and palette items */
  double pointer_x;           /* where the pointer was last seen (widget) */
  double pointer_y;
  gboolean pointer_inside;
  guint autoscroll_id;
  double autoscroll_dx;
  double autoscroll_dy;

  /* CSS-named parts (children that never take input) */
  GtkWidget *drop_preview;
  GtkWidget *selection_box;
  GtkWidget *link_handle;
  GtkWidget *cursor_box;
  GtkWidget *insertion_marker;
  gpointer link_handle_card;  /* borrowed: the card whose handle shows */

  /* Editing in place */
  GtkWidget *editor;
  gpointer editing_item;      /* a reference */
  gboolean editor_done;

  /* Context menu (it acts on the selection) */
  GtkWidget *context_menu;
  GActionGroup *lane_actions; /* "lane.kind"; owned by the widget */

  double pinch_start_zoom;
};

/* waymark-canvas.c */
void     _waymark_canvas_invalidate        (WaymarkCanvas *self);
void     _waymark_canvas_widget_to_map     (WaymarkCanvas *self, double x, double y, double *mx, double *my);
void     _waymark_canvas_map_to_widget     (WaymarkCanvas *self, double mx, double my, double *x, double *y);
void     _waymark_canvas_rect_to_widget    (WaymarkCanvas *self, const WaymarkRect *rect, graphene_rect_t *out);
gboolean _waymark_canvas_hit              (WaymarkCanvas *self, double x, double y, WaymarkHit *hit);
void     _waymark_canvas_set_hover        (WaymarkCanvas *self, gpointer item);
void     _waymark_canvas_set_cursor_cell  (WaymarkCanvas *self, WaymarkPhase *phase, WaymarkLane *lane);
void     _waymark_canvas_selection_changed (WaymarkCanvas *self);
void     _waymark_canvas_set_selection    (WaymarkCanvas *self, GPtrArray *items);
gboolean _waymark_canvas_can_edit         (WaymarkCanvas *self);
void     _waymark_canvas_configure_adjustments (WaymarkCanvas *self);
void     _waymark_canvas_toast            (WaymarkCanvas *self, const char *title, gboolean undo);
GPtrArray *_waymark_canvas_selected_cards (WaymarkCanvas *self);
gpointer _waymark_canvas_cursor_card      (WaymarkCanvas *self);
gboolean _waymark_canvas_cursor_cell      (WaymarkCanvas *self, WaymarkPhase **phase, WaymarkLane **lane, guint *index);

/* waymark-canvas-input.c */
void     _waymark_canvas_init_input       (WaymarkCanvas *self);

/* waymark-canvas-drag.c */
void     _waymark_canvas_cancel_drag      (WaymarkCanvas *self);
/* The input entry points: gestures call these, and so do the GUI tests
 * (x, y in widget coordinates). */
void     _waymark_canvas_press            (WaymarkCanvas *self, double x, double y, GdkModifierType state, gboolean touch);
void     _waymark_canvas_motion           (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_release          (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_long_press       (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_double_click     (WaymarkCanvas *self, double x, double y);
/* Whether @item (may be NULL) is a touchpoint or a note. */
gboolean _waymark_canvas_is_card          (gconstpointer item);

/* waymark-canvas-drop.c */
GdkDragAction _waymark_canvas_drop_motion (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y);
gboolean _waymark_canvas_drop             (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y);
void     _waymark_canvas_drop_leave       (WaymarkCanvas *self);
/* Creates a card of @item in the cell at @index, in one undo step with
 * the channel it needs; returns the card. */
gpointer _waymark_canvas_create_card      (WaymarkCanvas *self, WaymarkPaletteItem *item,
                                           WaymarkPhase *phase, WaymarkLane *lane, guint index);
/* Sets where a dragged card or palette item would land (self->drop). */
void     _waymark_canvas_set_drop         (WaymarkCanvas *self, gboolean valid, WaymarkPhase *phase,
                                           WaymarkLane *lane, guint index);
/* Where a card of @type would land at widget point (x, y). */
gboolean _waymark_canvas_drop_target_at   (WaymarkCanvas *self, WaymarkItemType type, double x, double y,
                                           WaymarkPhase **phase, WaymarkLane **lane, guint *index);

/* waymark-canvas-drag-cards.c */
/* The index among the cards that stay, for waymark_edits_move_cards(). */
guint    _waymark_canvas_index_without_moving (WaymarkCanvas *self, WaymarkPhase *phase, WaymarkLane *lane,
                                               guint index);
void     _waymark_canvas_rubber_band_select (WaymarkCanvas *self);
void     _waymark_canvas_snapshot_ghosts  (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);

/* waymark-canvas-drag-link.c */
/* The link handle's square in widget coordinates; FALSE when none shows. */
gboolean _waymark_canvas_link_handle_rect (WaymarkCanvas *self, graphene_rect_t *out);
/* The touchpoint whose link handle shows, or NULL. */
gpointer _waymark_canvas_link_handle_card (WaymarkCanvas *self);
void     _waymark_canvas_snapshot_link_line (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);

/* waymark-canvas-drag-emotion.c */
/* The score of the dragged emotion point with the pointer at widget @y. */
int      _waymark_canvas_emotion_score_at (WaymarkCanvas *self, double y);
void     _waymark_canvas_finish_emotion_drag (WaymarkCanvas *self);
void     _waymark_canvas_snapshot_emotion_preview (WaymarkCanvas *self, GtkSnapshot *snapshot,
                                                   const WaymarkPalette *palette);

/* waymark-canvas-drag-header.c */
/* The new index of the dragged phase or lane with the pointer at (x, y). */
guint    _waymark_canvas_header_index_at  (WaymarkCanvas *self, double x, double y);
/* The insertion marker of a header drag in widget coordinates. */
gboolean _waymark_canvas_header_marker_rect (WaymarkCanvas *self, graphene_rect_t *out);

/* waymark-canvas-drag-feedback.c */
void     _waymark_canvas_snapshot_drag    (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette);
void     _waymark_canvas_allocate_parts   (WaymarkCanvas *self);

/* waymark-canvas-keys.c */
void     _waymark_canvas_class_init_keys  (GtkWidgetClass *widget_class);
void     _waymark_canvas_update_actions   (WaymarkCanvas *self);
void     _waymark_canvas_move_cursor      (WaymarkCanvas *self, int dx, int dy, gboolean extend);
gboolean _waymark_canvas_move_cards_by    (WaymarkCanvas *self, int dx, int dy);
void     _waymark_canvas_delete_selection (WaymarkCanvas *self);

/* waymark-canvas-zoom.c */
void     _waymark_canvas_init_zoom        (WaymarkCanvas *self);
void     _waymark_canvas_class_init_zoom  (GtkWidgetClass *widget_class);
void     _waymark_canvas_zoom_at          (WaymarkCanvas *self, double zoom, double x, double y);

/* waymark-canvas-edit.c */
void     _waymark_canvas_class_init_edit  (GtkWidgetClass *widget_class);
void     _waymark_canvas_init_edit        (WaymarkCanvas *self);
void     _waymark_canvas_start_editing    (WaymarkCanvas *self, gpointer item);
void     _waymark_canvas_stop_editing     (WaymarkCanvas *self, gboolean commit);
void     _waymark_canvas_allocate_editor  (WaymarkCanvas *self);
void     _waymark_canvas_popup_menu       (WaymarkCanvas *self, const WaymarkHit *hit, double x, double y);
void     _waymark_canvas_allocate_menu    (WaymarkCanvas *self);
/* Sets @lane's kind; refuses (with a message) when its cards cannot stay. */
gboolean _waymark_canvas_set_lane_kind    (WaymarkCanvas *self, WaymarkLane *lane, WaymarkLaneKind kind);

G_END_DECLS
