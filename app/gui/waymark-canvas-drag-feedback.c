/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What input shows over the map: the painted previews of a drag or a
 * drop (the drop indicator, the dragged cards, the link line, the emotion
 * point) and the CSS-named parts (drop preview, selection box, link
 * handle, insertion marker, keyboard cursor). */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* ---- Drawing what a drag shows ---- */

/* Repaints the small area around the insertion point with the painter's
 * drop indicator, over the cached map. */
static void
snapshot_drop_indicator (WaymarkCanvas        *self,
                         GtkSnapshot          *snapshot,
                         const WaymarkPalette *palette)
{
  WaymarkPaintState state = {
    .selected = self->selected,
    .show_drop = TRUE,
    .drop_phase = self->drop.phase,
    .drop_lane = self->drop.lane,
    .drop_index = self->drop.index,
  };
  WaymarkRect rect;
  graphene_rect_t bounds;
  double ox, oy;
  cairo_t *cr;

  if (!waymark_layout_get_cell_insertion_rect (self->layout, self->drop.phase, self->drop.lane,
                                               self->drop.index, &rect))
    return;
  waymark_rect_inset (&rect, -4, -4, &rect);
  _waymark_canvas_rect_to_widget (self, &rect, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  _waymark_canvas_map_to_widget (self, 0, 0, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  waymark_painter_paint (self->layout, cr, &rect, palette, WAYMARK_PAINT_DEFAULT, &state);
  cairo_destroy (cr);
}

void
_waymark_canvas_snapshot_drag (WaymarkCanvas        *self,
                               GtkSnapshot          *snapshot,
                               const WaymarkPalette *palette)
{
  if (self->drop.valid)
    snapshot_drop_indicator (self, snapshot, palette);

  switch (self->drag.mode)
    {
    case WAYMARK_DRAG_CARDS:
      _waymark_canvas_snapshot_ghosts (self, snapshot, palette);
      break;
    case WAYMARK_DRAG_LINK:
      _waymark_canvas_snapshot_link_line (self, snapshot, palette);
      break;
    case WAYMARK_DRAG_EMOTION:
      _waymark_canvas_snapshot_emotion_preview (self, snapshot, palette);
      break;
    case WAYMARK_DRAG_NONE:
    case WAYMARK_DRAG_PENDING:
    case WAYMARK_DRAG_RUBBER_BAND:
    case WAYMARK_DRAG_PAN:
    case WAYMARK_DRAG_HEADER:
    default:
      break;
    }
}

/* ---- The CSS-named parts ---- */

/* Parts stay "visible" and are shown or hidden as children (which does
 * not queue another allocation from inside this one). */
static void
allocate_part (GtkWidget             *part,
               gboolean               visible,
               const graphene_rect_t *rect)
{
  int min_width, min_height;

  gtk_widget_set_child_visible (part, visible);
  gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (part, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  if (!visible)
    {
      gtk_widget_size_allocate (part, &(GtkAllocation) { 0, 0, min_width, min_height }, -1);
      return;
    }
  gtk_widget_size_allocate (part,
                            &(GtkAllocation) {
                              (int) floor (rect->origin.x), (int) floor (rect->origin.y),
                              MAX (min_width, (int) ceil (rect->size.width)),
                              MAX (min_height, (int) ceil (rect->size.height)),
                            },
                            -1);
}

void
_waymark_canvas_allocate_parts (WaymarkCanvas *self)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  WaymarkRect map_rect;
  gboolean show;
  gpointer selected;

  if (self->layout == NULL)
    {
      allocate_part (self->drop_preview, FALSE, &rect);
      allocate_part (self->selection_box, FALSE, &rect);
      allocate_part (self->link_handle, FALSE, &rect);
      allocate_part (self->cursor_box, FALSE, &rect);
      allocate_part (self->insertion_marker, FALSE, &rect);
      return;
    }

  /* The cell a card would land in. */
  show = self->drop.valid &&
         waymark_layout_get_cell_rect (self->layout, self->drop.phase, self->drop.lane, &map_rect);
  if (show)
    _waymark_canvas_rect_to_widget (self, &map_rect, &rect);
  allocate_part (self->drop_preview, show, &rect);

  show = self->drag.mode == WAYMARK_DRAG_RUBBER_BAND;
  if (show)
    graphene_rect_init (&rect, MIN (self->drag.start_x, self->drag.x) -
                                 (gtk_adjustment_get_value (self->hadjustment) - self->drag.start_hvalue),
                        MIN (self->drag.start_y, self->drag.y) -
                          (gtk_adjustment_get_value (self->vadjustment) - self->drag.start_vvalue),
                        fabs (self->drag.x - self->drag.start_x), fabs (self->drag.y - self->drag.start_y));
  allocate_part (self->selection_box, show, &rect);

  self->link_handle_card = _waymark_canvas_link_handle_card (self);
  show = _waymark_canvas_link_handle_rect (self, &rect);
  allocate_part (self->link_handle, show, &rect);

  show = self->drag.mode == WAYMARK_DRAG_HEADER && _waymark_canvas_header_marker_rect (self, &rect);
  allocate_part (self->insertion_marker, show, &rect);

  /* The keyboard cursor on an empty cell, or the selected header. */
  selected = waymark_canvas_get_selected_item (self);
  show = FALSE;
  if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_PHASE)
    show = waymark_layout_get_phase_header_rect (self->layout, selected, &map_rect);
  else if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_LANE)
    show = waymark_layout_get_lane_header_rect (self->layout, selected, &map_rect);
  else if (self->selection->len == 0 && gtk_widget_has_focus (GTK_WIDGET (self)) &&
           self->cursor_phase != NULL && self->cursor_lane != NULL &&
           self->drag.mode == WAYMARK_DRAG_NONE)
    show = waymark_layout_get_cell_rect (self->layout, self->cursor_phase, self->cursor_lane, &map_rect);
  if (show)
    {
      waymark_rect_inset (&map_rect, -3, -3, &map_rect);
      _waymark_canvas_rect_to_widget (self, &map_rect, &rect);
    }
  allocate_part (self->cursor_box, show, &rect);
}
