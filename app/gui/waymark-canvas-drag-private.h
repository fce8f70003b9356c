/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-canvas-part-private.h"

G_BEGIN_DECLS

/* What each kind of drag computes and paints, for the drag state machine
 * (waymark-canvas-drag.c): functions of the canvas and of what they are
 * given, holding no state of their own. */

/* waymark-canvas-drag-cards.c */
/* The index among the cards that stay when @moving leave the cell: what
 * waymark_edits_move_cards() takes, while the hit test counts every
 * card in the cell. */
guint    _waymark_canvas_drag_index_without     (WaymarkCanvas *canvas,
                                                 GPtrArray     *moving,
                                                 WaymarkPhase  *phase,
                                                 WaymarkLane   *lane,
                                                 guint          index);
/* Selects the cards in the box between two widget points; @extend keeps
 * the cards selected before. */
void     _waymark_canvas_drag_select_in_box     (WaymarkCanvas *canvas,
                                                 double         x0,
                                                 double         y0,
                                                 double         x1,
                                                 double         y1,
                                                 gboolean       extend);
/* @cards drawn moved by (@dx, @dy) map units, as they follow the pointer. */
void     _waymark_canvas_drag_snapshot_ghosts   (WaymarkCanvas        *canvas,
                                                 GtkSnapshot          *snapshot,
                                                 const WaymarkPalette *palette,
                                                 GPtrArray            *cards,
                                                 double                dx,
                                                 double                dy);

/* waymark-canvas-drag-link.c */
/* The link handle of @card in widget coordinates; FALSE when @card is
 * not on the map. */
gboolean _waymark_canvas_drag_link_handle_rect  (WaymarkCanvas   *canvas,
                                                 gpointer         card,
                                                 gboolean         touch,
                                                 graphene_rect_t *out);
/* The line a link drag draws from the handle to (@x, @y). */
void     _waymark_canvas_drag_snapshot_link_line (GtkSnapshot           *snapshot,
                                                  const WaymarkPalette  *palette,
                                                  const graphene_rect_t *handle,
                                                  double                 x,
                                                  double                 y);

/* waymark-canvas-drag-emotion.c */
/* The level of @tp's emotion point (on the curve of @lane) with the
 * pointer at widget @y. */
int      _waymark_canvas_drag_emotion_score_at  (WaymarkCanvas     *canvas,
                                                 WaymarkTouchpoint *tp,
                                                 WaymarkLane       *lane,
                                                 double             y);
void     _waymark_canvas_drag_snapshot_emotion  (WaymarkCanvas        *canvas,
                                                 GtkSnapshot          *snapshot,
                                                 const WaymarkPalette *palette,
                                                 WaymarkTouchpoint    *tp,
                                                 WaymarkLane          *lane,
                                                 int                   score);

/* waymark-canvas-drag-header.c */
/* The new index of the dragged phase or lane @item with the pointer at
 * (x, y). */
guint    _waymark_canvas_drag_header_index_at   (WaymarkCanvas *canvas,
                                                 gpointer       item,
                                                 double         x,
                                                 double         y);
/* Where the insertion marker shows @item going to @index, in widget
 * coordinates. */
gboolean _waymark_canvas_drag_header_marker     (WaymarkCanvas   *canvas,
                                                 gpointer         item,
                                                 guint            index,
                                                 graphene_rect_t *out);

G_END_DECLS
