/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving and selecting cards by pointer: the index a drop of the moving
 * cards means, the selection in a rubber band, and the dragged cards that
 * follow the pointer. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

#define MAX_GHOSTS 12

/* The index among the cards that stay: what waymark_edits_move_cards()
 * takes, while the hit test counts every card in the cell. */
guint
_waymark_canvas_index_without_moving (WaymarkCanvas *self,
                                      WaymarkPhase  *phase,
                                      WaymarkLane   *lane,
                                      guint          index)
{
  g_autoptr(GPtrArray) cell = waymark_journey_get_cell (self->journey, phase, lane);
  g_autoptr(GHashTable) moving = g_hash_table_new (NULL, NULL);
  guint kept = 0;

  for (guint i = 0; i < self->drag.cards->len; i++)
    g_hash_table_add (moving, g_ptr_array_index (self->drag.cards, i));
  for (guint i = 0; i < cell->len && i < index; i++)
    if (!g_hash_table_contains (moving, g_ptr_array_index (cell, i)))
      kept++;
  return kept;
}

void
_waymark_canvas_rubber_band_select (WaymarkCanvas *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  double x0, y0, x1, y1;
  WaymarkRect box;

  _waymark_canvas_widget_to_map (self, MIN (self->drag.start_x, self->drag.x), MIN (self->drag.start_y, self->drag.y),
                                 &x0, &y0);
  _waymark_canvas_widget_to_map (self, MAX (self->drag.start_x, self->drag.x), MAX (self->drag.start_y, self->drag.y),
                                 &x1, &y1);
  /* The scroll may have moved since the press. */
  x0 = MIN (x0, x1);
  box = WAYMARK_RECT_INIT (x0, y0, x1 - x0, y1 - y0);

  if (self->drag.state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    for (guint i = 0; i < self->selection->len; i++)
      if (_waymark_canvas_is_card (g_ptr_array_index (self->selection, i)))
        g_ptr_array_add (items, g_ptr_array_index (self->selection, i));

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (self->journey, type);

      for (guint i = 0; i < cards->len; i++)
        {
          gpointer card = g_ptr_array_index (cards, i);
          WaymarkRect rect;

          if (waymark_layout_get_card_rect (self->layout, card, &rect) &&
              waymark_rect_intersects (&rect, &box) && !g_ptr_array_find (items, card, NULL))
            g_ptr_array_add (items, card);
        }
    }

  if (items->len != self->selection->len)
    _waymark_canvas_set_selection (self, items);
  else
    {
      for (guint i = 0; i < items->len; i++)
        if (!g_hash_table_contains (self->selected, g_ptr_array_index (items, i)))
          {
            _waymark_canvas_set_selection (self, items);
            break;
          }
    }
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The dragged cards follow the pointer, drawn by the painter itself. */
void
_waymark_canvas_snapshot_ghosts (WaymarkCanvas        *self,
                                 GtkSnapshot          *snapshot,
                                 const WaymarkPalette *palette)
{
  double dx = (self->drag.x - self->drag.start_x) / self->zoom;
  double dy = (self->drag.y - self->drag.start_y) / self->zoom;
  guint n = 0;

  /* The scroll may have moved under a still pointer. */
  dx += (gtk_adjustment_get_value (self->hadjustment) - self->drag.start_hvalue) / self->zoom;
  dy += (gtk_adjustment_get_value (self->vadjustment) - self->drag.start_vvalue) / self->zoom;

  gtk_snapshot_push_opacity (snapshot, 0.88);
  for (guint i = 0; i < self->drag.cards->len && n < MAX_GHOSTS; i++)
    {
      gpointer card = g_ptr_array_index (self->drag.cards, i);
      WaymarkRect rect, moved;
      graphene_rect_t bounds;
      GskRoundedRect outline;
      double ox, oy;
      cairo_t *cr;

      if (!waymark_layout_get_card_rect (self->layout, card, &rect))
        continue;
      n++;
      moved = WAYMARK_RECT_INIT (rect.x + dx, rect.y + dy, rect.width, rect.height);
      _waymark_canvas_rect_to_widget (self, &moved, &bounds);
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 8 * self->zoom);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.25 },
                                         0, 4 * self->zoom, 0, 12 * self->zoom);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      _waymark_canvas_map_to_widget (self, dx, dy, &ox, &oy);
      cairo_translate (cr, ox, oy);
      cairo_scale (cr, self->zoom, self->zoom);
      rounded_rect (cr, rect.x, rect.y, rect.width, rect.height, 8);
      cairo_clip (cr);
      waymark_painter_paint (self->layout, cr, &rect, palette,
                             WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER |
                             WAYMARK_PAINT_NO_PHASE_HEADERS | WAYMARK_PAINT_NO_LANE_HEADERS |
                             WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                             NULL);
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);
}
