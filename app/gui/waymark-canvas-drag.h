/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-canvas.h"
#include "waymark-painter.h"

G_BEGIN_DECLS

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

#define WAYMARK_TYPE_CANVAS_DRAG (waymark_canvas_drag_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkCanvasDrag, waymark_canvas_drag, WAYMARK, CANVAS_DRAG, GObject)

/* The canvas's pointer and touch drags: a press, the drag it becomes past
 * the threshold (cards, rubber band, pan, link, emotion point, header),
 * the release that ends it in one undo step, and scrolling at the edges
 * meanwhile.  It shows what it does with the CSS-named parts it adds to
 * the canvas (selection box, insertion marker, link handle) and with what
 * it paints over the map.  The canvas owns it and outlives it; it reaches
 * the canvas only through the canvas's functions.  Coordinates are the
 * canvas's widget coordinates. */

WaymarkCanvasDrag *waymark_canvas_drag_new              (WaymarkCanvas *canvas);

void               waymark_canvas_drag_press            (WaymarkCanvasDrag *self,
                                                         double             x,
                                                         double             y,
                                                         GdkModifierType    state,
                                                         gboolean           touch);
/* The middle button: pans at once.  FALSE when another drag is on. */
gboolean           waymark_canvas_drag_pan              (WaymarkCanvasDrag *self,
                                                         double             x,
                                                         double             y);
void               waymark_canvas_drag_motion           (WaymarkCanvasDrag *self,
                                                         double             x,
                                                         double             y);
void               waymark_canvas_drag_release          (WaymarkCanvasDrag *self,
                                                         double             x,
                                                         double             y);
/* A finger held still picks up what it pressed. */
void               waymark_canvas_drag_long_press       (WaymarkCanvasDrag *self);
/* A double click handled the press: its release does nothing more. */
void               waymark_canvas_drag_swallow_release  (WaymarkCanvasDrag *self);
void               waymark_canvas_drag_cancel           (WaymarkCanvasDrag *self);

WaymarkDragMode    waymark_canvas_drag_get_mode         (WaymarkCanvasDrag *self);
/* Whether a drag is on (pressed or moving). */
gboolean           waymark_canvas_drag_is_active        (WaymarkCanvasDrag *self);
/* The level the dragged emotion point would get. */
int                waymark_canvas_drag_get_emotion_score (WaymarkCanvasDrag *self);
/* Whether (x, y) is on the link handle that shows. */
gboolean           waymark_canvas_drag_on_link_handle   (WaymarkCanvasDrag *self,
                                                         double             x,
                                                         double             y);
/* @item left the journey: the drag lets go of it. */
void               waymark_canvas_drag_forget           (WaymarkCanvasDrag *self,
                                                         gpointer           item);

/* What the drag paints over the map, and where its parts go; the canvas
 * calls these from its own snapshot and size_allocate. */
void               waymark_canvas_drag_snapshot         (WaymarkCanvasDrag    *self,
                                                         GtkSnapshot          *snapshot,
                                                         const WaymarkPalette *palette);
void               waymark_canvas_drag_allocate         (WaymarkCanvasDrag *self);

G_END_DECLS
