/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dragging a phase or lane header to reorder it: the new index under the
 * pointer, and where the insertion marker shows it. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-drag-private.h"

static GPtrArray *
siblings (WaymarkCanvas *canvas,
          gpointer       item)
{
  return waymark_journey_get_items (_waymark_canvas_get_journey (canvas), waymark_item_get_item_type (item));
}

/* How many of the others have their middle before the pointer. */
guint
_waymark_canvas_drag_header_index_at (WaymarkCanvas *canvas,
                                      gpointer       item,
                                      double         x,
                                      double         y)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (canvas);
  gboolean phase = waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE;
  GPtrArray *items = siblings (canvas, item);
  double mx, my;
  guint index = 0;

  _waymark_canvas_widget_to_map (canvas, x, y, &mx, &my);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer other = g_ptr_array_index (items, i);
      WaymarkRect rect;

      if (other == item)
        continue;
      if (phase ? !waymark_layout_get_phase_header_rect (layout, other, &rect)
                : !waymark_layout_get_lane_header_rect (layout, other, &rect))
        continue;
      if (phase ? rect.x + rect.width / 2 < mx : rect.y + rect.height / 2 < my)
        index++;
    }
  return index;
}

gboolean
_waymark_canvas_drag_header_marker (WaymarkCanvas   *canvas,
                                    gpointer         item,
                                    guint            index,
                                    graphene_rect_t *out)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (canvas);
  gboolean phase = waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE;
  GPtrArray *items = siblings (canvas, item);
  gpointer before = NULL, after = NULL;
  WaymarkRect rect, grid;
  guint seen = 0;
  double pos;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer other = g_ptr_array_index (items, i);

      if (other == item)
        continue;
      if (seen == index)
        {
          after = other;
          break;
        }
      before = other;
      seen++;
    }
  if (phase)
    {
      if (after != NULL && waymark_layout_get_phase_rect (layout, after, &rect))
        pos = rect.x - 4;
      else if (before != NULL && waymark_layout_get_phase_rect (layout, before, &rect))
        pos = rect.x + rect.width + 4;
      else
        return FALSE;
      waymark_layout_get_grid_rect (layout, &grid);
      _waymark_canvas_rect_to_widget (canvas, &WAYMARK_RECT_INIT (pos - 2, grid.y, 4, grid.height), out);
    }
  else
    {
      if (after != NULL && waymark_layout_get_lane_rect (layout, after, &rect))
        pos = rect.y - 4;
      else if (before != NULL && waymark_layout_get_lane_rect (layout, before, &rect))
        pos = rect.y + rect.height + 4;
      else
        return FALSE;
      _waymark_canvas_rect_to_widget (canvas, &WAYMARK_RECT_INIT (rect.x, pos - 2, rect.width, 4), out);
    }
  return TRUE;
}
