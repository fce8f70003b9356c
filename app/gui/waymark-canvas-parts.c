/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The canvas's CSS-named parts (children that never take input, so that
 * style.css decides how they look: light, dark, high contrast): the
 * keyboard cursor and the cell a card would land in, plus where the
 * drag's own parts go; and the drop indicator painted over the map. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

GtkWidget *
_waymark_canvas_new_part (WaymarkCanvas *self,
                          const char    *css_name)
{
  GtkWidget *part = g_object_new (GTK_TYPE_BOX,
                                  "css-name", css_name,
                                  "can-target", FALSE,
                                  "can-focus", FALSE,
                                  NULL);

  gtk_widget_set_child_visible (part, FALSE);
  gtk_widget_set_parent (part, GTK_WIDGET (self));
  return part;
}

/* Parts stay "visible" and are shown or hidden as children (which does
 * not queue another allocation from inside this one). */
void
_waymark_canvas_allocate_part (GtkWidget             *part,
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
_waymark_canvas_init_parts (WaymarkCanvas *self)
{
  self->cursor_box = _waymark_canvas_new_part (self, "cursor");
  self->drop_preview = _waymark_canvas_new_part (self, "droppreview");
}

void
_waymark_canvas_allocate_parts (WaymarkCanvas *self)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  WaymarkRect map_rect;
  gboolean show;
  gpointer selected;

  waymark_canvas_drag_allocate (self->drag);
  if (self->layout == NULL)
    {
      _waymark_canvas_allocate_part (self->drop_preview, FALSE, &rect);
      _waymark_canvas_allocate_part (self->cursor_box, FALSE, &rect);
      return;
    }

  /* The cell a card would land in. */
  show = self->drop.valid &&
         waymark_layout_get_cell_rect (self->layout, self->drop.phase, self->drop.lane, &map_rect);
  if (show)
    _waymark_canvas_rect_to_widget (self, &map_rect, &rect);
  _waymark_canvas_allocate_part (self->drop_preview, show, &rect);

  /* The keyboard cursor on an empty cell, or the selected header. */
  selected = waymark_canvas_get_selected_item (self);
  show = FALSE;
  if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_PHASE)
    show = waymark_layout_get_phase_header_rect (self->layout, selected, &map_rect);
  else if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_LANE)
    show = waymark_layout_get_lane_header_rect (self->layout, selected, &map_rect);
  else if (self->selection->len == 0 && gtk_widget_has_focus (GTK_WIDGET (self)) &&
           self->cursor_phase != NULL && self->cursor_lane != NULL &&
           !waymark_canvas_drag_is_active (self->drag))
    show = waymark_layout_get_cell_rect (self->layout, self->cursor_phase, self->cursor_lane, &map_rect);
  if (show)
    {
      waymark_rect_inset (&map_rect, -3, -3, &map_rect);
      _waymark_canvas_rect_to_widget (self, &map_rect, &rect);
    }
  _waymark_canvas_allocate_part (self->cursor_box, show, &rect);
}

/* Repaints the small area around the insertion point with the painter's
 * drop indicator, over the cached map. */
void
_waymark_canvas_snapshot_drop (WaymarkCanvas        *self,
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

  if (!self->drop.valid ||
      !waymark_layout_get_cell_insertion_rect (self->layout, self->drop.phase, self->drop.lane,
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
