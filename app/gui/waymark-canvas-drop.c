/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Cards from the palette: creating the card of a palette item (with its
 * channel when the map has none yet), by the Add button or by a drop on a
 * cell, and where a dragged card or palette item would land. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

static gboolean
lane_takes (WaymarkLane     *lane,
            WaymarkItemType  type)
{
  if (lane == NULL)
    return FALSE;
  return type == WAYMARK_ITEM_NOTE ? lane->kind == WAYMARK_LANE_NOTES : lane->kind == WAYMARK_LANE_TOUCHPOINTS;
}

/* ---- Creating cards ---- */

gpointer
_waymark_canvas_create_card (WaymarkCanvas      *self,
                             WaymarkPaletteItem *item,
                             WaymarkPhase       *phase,
                             WaymarkLane        *lane,
                             guint               index)
{
  return _waymark_canvas_create_touchpoint (self, item, phase, lane, index, NULL);
}

gpointer
_waymark_canvas_create_touchpoint (WaymarkCanvas      *self,
                                   WaymarkPaletteItem *item,
                                   WaymarkPhase       *phase,
                                   WaymarkLane        *lane,
                                   guint               index,
                                   const char         *title)
{
  WaymarkChannel *created = NULL;
  WaymarkChannel *channel;
  WaymarkTouchpoint *tp;

  g_return_val_if_fail (_waymark_canvas_can_edit (self), NULL);
  g_return_val_if_fail (waymark_palette_item_accepts_lane (item, lane), NULL);

  if (waymark_palette_item_is_note (item))
    return waymark_edits_add_note (self->history, phase, lane, index, NULL);

  if (title == NULL)
    title = waymark_palette_item_get_name (item);
  channel = waymark_palette_item_find_channel (item, self->journey);
  if (channel == NULL)
    channel = created = waymark_palette_item_create_channel (item, self->journey);
  tp = waymark_edits_add_touchpoint (self->history, phase, lane, index, title, channel);
  if (created != NULL)
    waymark_item_unref (created);
  return tp;
}

gpointer
waymark_canvas_add_palette_item (WaymarkCanvas      *self,
                                 WaymarkPaletteItem *item)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;
  gpointer card;

  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  g_return_val_if_fail (WAYMARK_IS_PALETTE_ITEM (item), NULL);

  if (!_waymark_canvas_can_edit (self) || !_waymark_canvas_cursor_cell (self, &phase, &lane, &index))
    return NULL;

  /* A note asked for on a touchpoint lane goes to the phase's first
   * notes lane, and the other way round. */
  if (!waymark_palette_item_accepts_lane (item, lane))
    {
      GPtrArray *lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);

      lane = NULL;
      index = G_MAXUINT;
      for (guint i = 0; i < lanes->len && lane == NULL; i++)
        if (waymark_palette_item_accepts_lane (item, g_ptr_array_index (lanes, i)))
          lane = g_ptr_array_index (lanes, i);
      if (lane == NULL)
        return NULL;
    }

  card = _waymark_canvas_create_card (self, item, phase, lane, index);
  if (card == NULL)
    return NULL;
  waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
  /* A note starts empty; a touchpoint has its channel. */
  _waymark_canvas_start_editing (self, card, waymark_palette_item_is_note (item));
  return card;
}

/* ---- Drop targets ---- */

void
_waymark_canvas_set_drop (WaymarkCanvas *self,
                          gboolean       valid,
                          WaymarkPhase  *phase,
                          WaymarkLane   *lane,
                          guint          index)
{
  WaymarkDropTarget drop = { valid, valid ? phase : NULL, valid ? lane : NULL, valid ? index : 0 };

  if (memcmp (&drop, &self->drop, sizeof drop) == 0)
    return;
  self->drop = drop;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
_waymark_canvas_get_drop (WaymarkCanvas  *self,
                          WaymarkPhase  **phase,
                          WaymarkLane   **lane,
                          guint          *index)
{
  if (phase != NULL)
    *phase = self->drop.phase;
  if (lane != NULL)
    *lane = self->drop.lane;
  if (index != NULL)
    *index = self->drop.index;
  return self->drop.valid;
}

/* Where a card of @type would land at widget point (x, y). */
gboolean
_waymark_canvas_drop_target_at (WaymarkCanvas    *self,
                                WaymarkItemType   type,
                                double            x,
                                double            y,
                                WaymarkPhase    **phase,
                                WaymarkLane     **lane,
                                guint            *index)
{
  WaymarkHit hit;

  _waymark_canvas_hit (self, x, y, &hit);
  if ((hit.kind != WAYMARK_HIT_CELL && hit.kind != WAYMARK_HIT_CARD && hit.kind != WAYMARK_HIT_LINK) ||
      hit.phase == NULL || !lane_takes (hit.lane, type))
    return FALSE;
  *phase = hit.phase;
  *lane = hit.lane;
  *index = hit.index;
  return TRUE;
}

GdkDragAction
_waymark_canvas_drop_motion (WaymarkCanvas      *self,
                             WaymarkPaletteItem *item,
                             double              x,
                             double              y)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;

  if (item == NULL || !_waymark_canvas_can_edit (self) ||
      !_waymark_canvas_drop_target_at (self, waymark_palette_item_is_note (item) ? WAYMARK_ITEM_NOTE : WAYMARK_ITEM_TOUCHPOINT,
                       x, y, &phase, &lane, &index))
    {
      _waymark_canvas_set_drop (self, FALSE, NULL, NULL, 0);
      return 0;
    }
  _waymark_canvas_set_drop (self, TRUE, phase, lane, index);
  return GDK_ACTION_COPY;
}

void
_waymark_canvas_drop_leave (WaymarkCanvas *self)
{
  _waymark_canvas_set_drop (self, FALSE, NULL, NULL, 0);
}

gboolean
_waymark_canvas_drop (WaymarkCanvas      *self,
                      WaymarkPaletteItem *item,
                      double              x,
                      double              y)
{
  WaymarkDropTarget drop;
  gpointer card;

  if (_waymark_canvas_drop_motion (self, item, x, y) == 0)
    return FALSE;
  drop = self->drop;
  _waymark_canvas_set_drop (self, FALSE, NULL, NULL, 0);

  card = _waymark_canvas_create_card (self, item, drop.phase, drop.lane, drop.index);
  if (card == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
  /* A workshop names the card right away. */
  _waymark_canvas_start_editing (self, card, waymark_palette_item_is_note (item));
  return TRUE;
}

