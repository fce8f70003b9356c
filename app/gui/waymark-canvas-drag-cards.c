/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving and selecting cards by pointer: the index a drop of the moving
 * cards means, the selection in a rubber band, and the dragged cards that
 * follow the pointer. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-drag-private.h"

#define MAX_GHOSTS 12

guint
_waymark_canvas_drag_index_without (WaymarkCanvas *canvas,
                                    GPtrArray     *moving,
                                    WaymarkPhase  *phase,
                                    WaymarkLane   *lane,
                                    guint          index)
{
  g_autoptr(GPtrArray) cell = waymark_journey_get_cell (_waymark_canvas_get_journey (canvas), phase, lane);
  g_autoptr(GHashTable) leaving = g_hash_table_new (NULL, NULL);
  guint kept = 0;

  for (guint i = 0; i < moving->len; i++)
    g_hash_table_add (leaving, g_ptr_array_index (moving, i));
  for (guint i = 0; i < cell->len && i < index; i++)
    if (!g_hash_table_contains (leaving, g_ptr_array_index (cell, i)))
      kept++;
  return kept;
}

void
_waymark_canvas_drag_select_in_box (WaymarkCanvas *canvas,
                                    double         x0,
                                    double         y0,
                                    double         x1,
                                    double         y1,
                                    gboolean       extend)
{
  WaymarkJourney *journey = _waymark_canvas_get_journey (canvas);
  WaymarkLayout *layout = waymark_canvas_get_layout (canvas);
  GPtrArray *selection = waymark_canvas_get_selection (canvas);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  double mx0, my0, mx1, my1;
  WaymarkRect box;

  _waymark_canvas_widget_to_map (canvas, MIN (x0, x1), MIN (y0, y1), &mx0, &my0);
  _waymark_canvas_widget_to_map (canvas, MAX (x0, x1), MAX (y0, y1), &mx1, &my1);
  box = WAYMARK_RECT_INIT (mx0, my0, mx1 - mx0, my1 - my0);

  if (extend)
    for (guint i = 0; i < selection->len; i++)
      if (_waymark_canvas_is_card (g_ptr_array_index (selection, i)))
        g_ptr_array_add (items, g_ptr_array_index (selection, i));

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (journey, type);

      for (guint i = 0; i < cards->len; i++)
        {
          gpointer card = g_ptr_array_index (cards, i);
          WaymarkRect rect;

          if (waymark_layout_get_card_rect (layout, card, &rect) &&
              waymark_rect_intersects (&rect, &box) && !g_ptr_array_find (items, card, NULL))
            g_ptr_array_add (items, card);
        }
    }

  if (items->len != selection->len)
    _waymark_canvas_set_selection (canvas, items);
  else
    {
      for (guint i = 0; i < items->len; i++)
        if (!_waymark_canvas_is_selected (canvas, g_ptr_array_index (items, i)))
          {
            _waymark_canvas_set_selection (canvas, items);
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
_waymark_canvas_drag_snapshot_ghosts (WaymarkCanvas        *canvas,
                                      GtkSnapshot          *snapshot,
                                      const WaymarkPalette *palette,
                                      GPtrArray            *cards,
                                      double                dx,
                                      double                dy)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (canvas);
  double zoom = waymark_canvas_get_zoom (canvas);
  guint n = 0;

  gtk_snapshot_push_opacity (snapshot, 0.88);
  for (guint i = 0; i < cards->len && n < MAX_GHOSTS; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      WaymarkRect rect, moved;
      graphene_rect_t bounds;
      GskRoundedRect outline;
      double ox, oy;
      cairo_t *cr;

      if (!waymark_layout_get_card_rect (layout, card, &rect))
        continue;
      n++;
      moved = WAYMARK_RECT_INIT (rect.x + dx, rect.y + dy, rect.width, rect.height);
      _waymark_canvas_rect_to_widget (canvas, &moved, &bounds);
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 8 * zoom);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA) { 0, 0, 0, 0.25 },
                                         0, 4 * zoom, 0, 12 * zoom);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      _waymark_canvas_map_to_widget (canvas, dx, dy, &ox, &oy);
      cairo_translate (cr, ox, oy);
      cairo_scale (cr, zoom, zoom);
      rounded_rect (cr, rect.x, rect.y, rect.width, rect.height, 8);
      cairo_clip (cr);
      waymark_painter_paint (layout, cr, &rect, palette,
                             WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER |
                             WAYMARK_PAINT_NO_PHASE_HEADERS | WAYMARK_PAINT_NO_LANE_HEADERS |
                             WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                             NULL);
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);
}
