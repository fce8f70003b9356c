/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dragging a phase or lane header to reorder it: the new index under the
 * pointer, and where the insertion marker shows it. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* The new index of the dragged phase or lane: how many of the others have
 * their middle before the pointer. */
guint
_waymark_canvas_header_index_at (WaymarkCanvas *self,
                                 double         x,
                                 double         y)
{
  gpointer item = self->drag.hit.item;
  gboolean phase = self->drag.hit.kind == WAYMARK_HIT_PHASE_HEADER;
  GPtrArray *items = waymark_journey_get_items (self->journey, phase ? WAYMARK_ITEM_PHASE : WAYMARK_ITEM_LANE);
  double mx, my;
  guint index = 0;

  _waymark_canvas_widget_to_map (self, x, y, &mx, &my);
  for (guint i = 0; i < items->len; i++)
    {
      gpointer other = g_ptr_array_index (items, i);
      WaymarkRect rect;

      if (other == item)
        continue;
      if (phase ? !waymark_layout_get_phase_header_rect (self->layout, other, &rect)
                : !waymark_layout_get_lane_header_rect (self->layout, other, &rect))
        continue;
      if (phase ? rect.x + rect.width / 2 < mx : rect.y + rect.height / 2 < my)
        index++;
    }
  return index;
}

gboolean
_waymark_canvas_header_marker_rect (WaymarkCanvas   *self,
                                    graphene_rect_t *out)
{
  gboolean phase = self->drag.hit.kind == WAYMARK_HIT_PHASE_HEADER;
  GPtrArray *items = waymark_journey_get_items (self->journey, phase ? WAYMARK_ITEM_PHASE : WAYMARK_ITEM_LANE);
  gpointer before = NULL, after = NULL;
  WaymarkRect rect, grid;
  guint seen = 0;
  double pos;

  for (guint i = 0; i < items->len; i++)
    {
      gpointer other = g_ptr_array_index (items, i);

      if (other == self->drag.hit.item)
        continue;
      if (seen == self->drag.header_index)
        {
          after = other;
          break;
        }
      before = other;
      seen++;
    }
  if (phase)
    {
      if (after != NULL && waymark_layout_get_phase_rect (self->layout, after, &rect))
        pos = rect.x - 4;
      else if (before != NULL && waymark_layout_get_phase_rect (self->layout, before, &rect))
        pos = rect.x + rect.width + 4;
      else
        return FALSE;
      waymark_layout_get_grid_rect (self->layout, &grid);
      _waymark_canvas_rect_to_widget (self, &WAYMARK_RECT_INIT (pos - 2, grid.y, 4, grid.height), out);
    }
  else
    {
      if (after != NULL && waymark_layout_get_lane_rect (self->layout, after, &rect))
        pos = rect.y - 4;
      else if (before != NULL && waymark_layout_get_lane_rect (self->layout, before, &rect))
        pos = rect.y + rect.height + 4;
      else
        return FALSE;
      _waymark_canvas_rect_to_widget (self, &WAYMARK_RECT_INIT (rect.x, pos - 2, rect.width, 4), out);
    }
  return TRUE;
}
