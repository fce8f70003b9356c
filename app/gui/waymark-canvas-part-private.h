/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-canvas.h"
#include "waymark-painter.h"

G_BEGIN_DECLS

/* What the canvas offers its parts (the drag state machine, the inline
 * editor) and the tests: its functions, not its struct, so that a part
 * touches only its own state. */

/* waymark-canvas.c */
WaymarkJourney *_waymark_canvas_get_journey    (WaymarkCanvas *self);
WaymarkHistory *_waymark_canvas_get_history    (WaymarkCanvas *self);
void     _waymark_canvas_invalidate        (WaymarkCanvas *self);
/* waymark-canvas-highlight.c: hands the highlight to a new layout or
 * with a new checker. */
void     _waymark_canvas_apply_highlight   (WaymarkCanvas *self);
void     _waymark_canvas_widget_to_map     (WaymarkCanvas *self, double x, double y, double *mx, double *my);
void     _waymark_canvas_map_to_widget     (WaymarkCanvas *self, double mx, double my, double *x, double *y);
void     _waymark_canvas_rect_to_widget    (WaymarkCanvas *self, const WaymarkRect *rect, graphene_rect_t *out);
gboolean _waymark_canvas_hit              (WaymarkCanvas *self, double x, double y, WaymarkHit *hit);
/* Whether @item (may be NULL) is a touchpoint or a note. */
gboolean _waymark_canvas_is_card          (gconstpointer item);
gpointer _waymark_canvas_get_hover        (WaymarkCanvas *self);
void     _waymark_canvas_set_hover        (WaymarkCanvas *self, gpointer item);
void     _waymark_canvas_set_cursor_cell  (WaymarkCanvas *self, WaymarkPhase *phase, WaymarkLane *lane);
gboolean _waymark_canvas_is_selected      (WaymarkCanvas *self, gpointer item);
void     _waymark_canvas_set_selection    (WaymarkCanvas *self, GPtrArray *items);
gboolean _waymark_canvas_can_edit         (WaymarkCanvas *self);
void     _waymark_canvas_configure_adjustments (WaymarkCanvas *self);
void     _waymark_canvas_toast            (WaymarkCanvas *self, const char *title, gboolean undo);
GPtrArray *_waymark_canvas_selected_cards (WaymarkCanvas *self);
gboolean _waymark_canvas_cursor_cell      (WaymarkCanvas *self, WaymarkPhase **phase, WaymarkLane **lane, guint *index);
/* Starts editing @item in place; @new_card: it was made empty for this
 * edit (Escape takes it away again). */
void     _waymark_canvas_start_editing    (WaymarkCanvas *self, gpointer item, gboolean new_card);
void     _waymark_canvas_stop_editing     (WaymarkCanvas *self, gboolean commit);

/* waymark-canvas-parts.c */
/* A CSS-named child of the canvas that takes no input, hidden. */
GtkWidget *_waymark_canvas_new_part       (WaymarkCanvas *self, const char *css_name);
void     _waymark_canvas_allocate_part    (GtkWidget *part, gboolean visible, const graphene_rect_t *rect);

/* waymark-canvas-input.c: the input entry points.  The gestures call
 * these, and so do the GUI tests (x, y in widget coordinates). */
void     _waymark_canvas_press            (WaymarkCanvas *self, double x, double y, GdkModifierType state, gboolean touch);
void     _waymark_canvas_motion           (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_release          (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_long_press       (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_double_click     (WaymarkCanvas *self, double x, double y);
void     _waymark_canvas_cancel_drag      (WaymarkCanvas *self);

/* waymark-canvas-drop.c */
GdkDragAction _waymark_canvas_drop_motion (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y);
gboolean _waymark_canvas_drop             (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y);
void     _waymark_canvas_drop_leave       (WaymarkCanvas *self);
/* Creates a card of @item in the cell at @index, in one undo step with
 * the channel it needs; returns the card. */
gpointer _waymark_canvas_create_card      (WaymarkCanvas *self, WaymarkPaletteItem *item,
                                           WaymarkPhase *phase, WaymarkLane *lane, guint index);
/* The same for a touchpoint titled @title (NULL: the item's name). */
gpointer _waymark_canvas_create_touchpoint (WaymarkCanvas *self, WaymarkPaletteItem *item,
                                           WaymarkPhase *phase, WaymarkLane *lane, guint index,
                                           const char *title);
/* Sets where a dragged card or palette item would land. */
void     _waymark_canvas_set_drop         (WaymarkCanvas *self, gboolean valid, WaymarkPhase *phase,
                                           WaymarkLane *lane, guint index);
/* Where it would land (any argument may be NULL); FALSE when nowhere. */
gboolean _waymark_canvas_get_drop         (WaymarkCanvas *self, WaymarkPhase **phase, WaymarkLane **lane,
                                           guint *index);
/* Where a card of @type would land at widget point (x, y). */
gboolean _waymark_canvas_drop_target_at   (WaymarkCanvas *self, WaymarkItemType type, double x, double y,
                                           WaymarkPhase **phase, WaymarkLane **lane, guint *index);

G_END_DECLS
