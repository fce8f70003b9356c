/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pointer and touch drags: the press, the drag it becomes past the
 * threshold, the release, long presses, double clicks, and scrolling at
 * the edges while dragging.  Every gesture ends in one call into the undo
 * history, so a drag is one step however far it went.  What each kind of
 * drag does is in waymark-canvas-drag-*.c; the event controllers that
 * call in here are in waymark-canvas-input.c. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

/* Fingers are larger than pointers: touch drags start later. */
#define TOUCH_THRESHOLD_FACTOR 2
#define AUTOSCROLL_EDGE 40.0

gboolean
_waymark_canvas_is_card (gconstpointer item)
{
  WaymarkItemType type = item ? waymark_item_get_item_type (item) : WAYMARK_N_ITEM_TYPES;

  return type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE;
}

static int
drag_threshold (WaymarkCanvas *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  return self->drag.touch ? threshold * TOUCH_THRESHOLD_FACTOR : threshold;
}

/* ---- Pointer drags ---- */

static void
select_for_press (WaymarkCanvas   *self,
                  gpointer         item,
                  GdkModifierType  state)
{
  if (state & GDK_CONTROL_MASK)
    waymark_canvas_select_item (self, item, WAYMARK_CANVAS_SELECT_TOGGLE);
  else if (state & GDK_SHIFT_MASK)
    waymark_canvas_select_item (self, item, WAYMARK_CANVAS_SELECT_ADD);
  else if (g_hash_table_contains (self->selected, item))
    /* Maybe the start of a drag of the whole selection: decide on release. */
    self->drag.select_on_release = TRUE;
  else
    waymark_canvas_select_item (self, item, WAYMARK_CANVAS_SELECT_REPLACE);
}

void
_waymark_canvas_press (WaymarkCanvas   *self,
                       double           x,
                       double           y,
                       GdkModifierType  state,
                       gboolean         touch)
{
  gboolean editable = _waymark_canvas_can_edit (self);
  gboolean modifiers = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  graphene_rect_t handle;
  WaymarkHit hit;

  if (self->layout == NULL)
    return;
  if (self->editing_item != NULL)
    _waymark_canvas_stop_editing (self, TRUE);
  if (self->drag.mode != WAYMARK_DRAG_NONE)
    _waymark_canvas_cancel_drag (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  _waymark_canvas_hit (self, x, y, &hit);
  self->drag.mode = WAYMARK_DRAG_PENDING;
  self->drag.pending_mode = WAYMARK_DRAG_PAN;
  self->drag.hit = hit;
  self->drag.start_x = self->drag.x = x;
  self->drag.start_y = self->drag.y = y;
  self->drag.start_hvalue = gtk_adjustment_get_value (self->hadjustment);
  self->drag.start_vvalue = gtk_adjustment_get_value (self->vadjustment);
  self->drag.state = state;
  self->drag.touch = touch;
  self->drag.select_on_release = FALSE;

  /* The link handle sits on the card's edge, so it wins over the card. */
  self->link_handle_card = _waymark_canvas_link_handle_card (self);
  if (editable && _waymark_canvas_link_handle_rect (self, &handle) &&
      graphene_rect_contains_point (&handle, &GRAPHENE_POINT_INIT (x, y)))
    {
      self->drag.pending_mode = WAYMARK_DRAG_LINK;
      return;
    }

  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
      select_for_press (self, hit.item, state);
      /* On a touch screen a drag over cards scrolls; a long press first
       * picks the card up. */
      if (editable && !touch && g_hash_table_contains (self->selected, hit.item))
        self->drag.pending_mode = WAYMARK_DRAG_CARDS;
      break;

    case WAYMARK_HIT_EMOTION_POINT:
      select_for_press (self, hit.item, state);
      if (editable && !touch)
        self->drag.pending_mode = WAYMARK_DRAG_EMOTION;
      break;

    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      if (editable && !touch)
        self->drag.pending_mode = WAYMARK_DRAG_HEADER;
      break;

    case WAYMARK_HIT_LINK:
      waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      break;

    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
    default:
      if (hit.kind == WAYMARK_HIT_CELL)
        _waymark_canvas_set_cursor_cell (self, hit.phase, hit.lane);
      if (modifiers)
        self->drag.pending_mode = WAYMARK_DRAG_RUBBER_BAND;
      else
        self->drag.select_on_release = TRUE;
      break;
    }
}

static void
update_autoscroll (WaymarkCanvas *self);

static void
begin_drag (WaymarkCanvas   *self,
            WaymarkDragMode  mode)
{
  self->drag.mode = mode;
  self->drag.select_on_release = FALSE;

  switch (mode)
    {
    case WAYMARK_DRAG_CARDS:
      {
        g_autoptr(GPtrArray) selected = _waymark_canvas_selected_cards (self);
        WaymarkItemType type = waymark_item_get_item_type (self->drag.hit.item);

        g_clear_pointer (&self->drag.cards, g_ptr_array_unref);
        self->drag.cards = g_ptr_array_new_with_free_func (waymark_item_unref);
        /* Touchpoints and notes live in different lanes: the pressed
         * card's kind moves. */
        for (guint i = 0; i < selected->len; i++)
          if (waymark_item_get_item_type (g_ptr_array_index (selected, i)) == type)
            g_ptr_array_add (self->drag.cards, waymark_item_ref (g_ptr_array_index (selected, i)));
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      }
      break;
    case WAYMARK_DRAG_EMOTION:
      self->drag.emotion_score = ((WaymarkTouchpoint *) self->drag.hit.item)->emotion;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "ns-resize");
      break;
    case WAYMARK_DRAG_PAN:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      break;
    case WAYMARK_DRAG_HEADER:
      {
        int index = waymark_journey_index_of (self->journey, self->drag.hit.item);

        self->drag.header_index = (guint) MAX (index, 0);
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      }
      break;
    case WAYMARK_DRAG_LINK:
      self->drag.link_target = NULL;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      break;
    case WAYMARK_DRAG_RUBBER_BAND:
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      break;
    case WAYMARK_DRAG_NONE:
    case WAYMARK_DRAG_PENDING:
    default:
      break;
    }
  _waymark_canvas_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
update_drag (WaymarkCanvas *self)
{
  double x = self->drag.x;
  double y = self->drag.y;

  switch (self->drag.mode)
    {
    case WAYMARK_DRAG_CARDS:
      {
        WaymarkItemType type = waymark_item_get_item_type (self->drag.hit.item);
        WaymarkPhase *phase;
        WaymarkLane *lane;
        guint index;

        if (_waymark_canvas_drop_target_at (self, type, x, y, &phase, &lane, &index))
          _waymark_canvas_set_drop (self, TRUE, phase, lane, index);
        else
          _waymark_canvas_set_drop (self, FALSE, NULL, NULL, 0);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case WAYMARK_DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->drag.start_hvalue - (x - self->drag.start_x));
      gtk_adjustment_set_value (self->vadjustment, self->drag.start_vvalue - (y - self->drag.start_y));
      break;

    case WAYMARK_DRAG_RUBBER_BAND:
      _waymark_canvas_rubber_band_select (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case WAYMARK_DRAG_LINK:
      {
        WaymarkHit hit;
        WaymarkTouchpoint *target = NULL;

        _waymark_canvas_hit (self, x, y, &hit);
        if ((hit.kind == WAYMARK_HIT_CARD || hit.kind == WAYMARK_HIT_EMOTION_POINT) &&
            waymark_item_get_item_type (hit.item) == WAYMARK_ITEM_TOUCHPOINT &&
            hit.item != self->link_handle_card)
          target = hit.item;
        if (target != self->drag.link_target)
          {
            self->drag.link_target = target;
            _waymark_canvas_set_hover (self, target);
          }
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case WAYMARK_DRAG_EMOTION:
      {
        int score = _waymark_canvas_emotion_score_at (self, y);

        if (score != self->drag.emotion_score)
          {
            self->drag.emotion_score = score;
            gtk_widget_queue_draw (GTK_WIDGET (self));
          }
      }
      break;

    case WAYMARK_DRAG_HEADER:
      {
        guint index = _waymark_canvas_header_index_at (self, x, y);

        if (index != self->drag.header_index)
          {
            self->drag.header_index = index;
            gtk_widget_queue_allocate (GTK_WIDGET (self));
          }
      }
      break;

    case WAYMARK_DRAG_NONE:
    case WAYMARK_DRAG_PENDING:
    default:
      break;
    }
}

void
_waymark_canvas_motion (WaymarkCanvas *self,
                        double         x,
                        double         y)
{
  if (self->drag.mode == WAYMARK_DRAG_NONE)
    return;

  self->drag.x = x;
  self->drag.y = y;

  if (self->drag.mode == WAYMARK_DRAG_PENDING)
    {
      if (hypot (x - self->drag.start_x, y - self->drag.start_y) < drag_threshold (self))
        return;
      begin_drag (self, self->drag.pending_mode);
    }

  update_drag (self);
  update_autoscroll (self);
}

static void
end_drag (WaymarkCanvas *self)
{
  self->drag.mode = WAYMARK_DRAG_NONE;
  self->drag.link_target = NULL;
  g_clear_pointer (&self->drag.cards, g_ptr_array_unref);
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  _waymark_canvas_set_drop (self, FALSE, NULL, NULL, 0);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _waymark_canvas_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_waymark_canvas_cancel_drag (WaymarkCanvas *self)
{
  if (self->drag.mode == WAYMARK_DRAG_NONE && !self->drop.valid)
    return;
  end_drag (self);
}

void
_waymark_canvas_release (WaymarkCanvas *self,
                         double         x,
                         double         y)
{
  WaymarkDragMode mode = self->drag.mode;

  if (mode == WAYMARK_DRAG_NONE)
    return;
  if (self->drag.swallow)
    {
      self->drag.swallow = FALSE;
      end_drag (self);
      return;
    }

  self->drag.x = x;
  self->drag.y = y;
  if (mode != WAYMARK_DRAG_PENDING)
    update_drag (self);

  switch (mode)
    {
    case WAYMARK_DRAG_PENDING:
      /* A click. */
      if (self->drag.select_on_release)
        {
          if (_waymark_canvas_is_card (self->drag.hit.item))
            waymark_canvas_select_item (self, self->drag.hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
          else
            waymark_canvas_unselect_all (self);
        }
      break;

    case WAYMARK_DRAG_CARDS:
      if (self->drop.valid && self->drag.cards->len > 0)
        {
          g_autoptr(GPtrArray) cards = g_ptr_array_ref (self->drag.cards);
          WaymarkDropTarget drop = self->drop;
          guint index = _waymark_canvas_index_without_moving (self, drop.phase, drop.lane, drop.index);

          end_drag (self);
          waymark_edits_move_cards (self->history, cards, drop.phase, drop.lane, index);
          return;
        }
      break;

    case WAYMARK_DRAG_LINK:
      if (self->drag.link_target != NULL && self->link_handle_card != NULL)
        {
          WaymarkTouchpoint *from = self->link_handle_card;
          WaymarkTouchpoint *to = self->drag.link_target;

          end_drag (self);
          _waymark_canvas_set_hover (self, NULL);
          if (waymark_edits_link (self->history, from, to) == NULL)
            _waymark_canvas_toast (self, _("These touchpoints are already linked"), FALSE);
          return;
        }
      break;

    case WAYMARK_DRAG_EMOTION:
      _waymark_canvas_finish_emotion_drag (self);
      break;

    case WAYMARK_DRAG_HEADER:
      {
        gpointer item = self->drag.hit.item;
        guint index = self->drag.header_index;

        end_drag (self);
        waymark_edits_move_item (self->history, item, index);
        return;
      }

    case WAYMARK_DRAG_RUBBER_BAND:
    case WAYMARK_DRAG_PAN:
    case WAYMARK_DRAG_NONE:
    default:
      break;
    }

  end_drag (self);
}

void
_waymark_canvas_long_press (WaymarkCanvas *self,
                            double         x,
                            double         y)
{
  if (self->drag.mode != WAYMARK_DRAG_PENDING || !_waymark_canvas_can_edit (self))
    return;

  /* Picked up: the finger now drags what it holds. */
  switch (self->drag.hit.kind)
    {
    case WAYMARK_HIT_CARD:
      if (!g_hash_table_contains (self->selected, self->drag.hit.item))
        waymark_canvas_select_item (self, self->drag.hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      begin_drag (self, WAYMARK_DRAG_CARDS);
      update_drag (self);
      break;
    case WAYMARK_HIT_EMOTION_POINT:
      begin_drag (self, WAYMARK_DRAG_EMOTION);
      break;
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      begin_drag (self, WAYMARK_DRAG_HEADER);
      break;
    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
      begin_drag (self, WAYMARK_DRAG_RUBBER_BAND);
      break;
    case WAYMARK_HIT_LINK:
    default:
      break;
    }
}

void
_waymark_canvas_double_click (WaymarkCanvas *self,
                              double         x,
                              double         y)
{
  WaymarkHit hit;

  if (!_waymark_canvas_hit (self, x, y, &hit) || !_waymark_canvas_can_edit (self))
    return;

  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      self->drag.swallow = self->drag.mode != WAYMARK_DRAG_NONE;
      waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      _waymark_canvas_start_editing (self, hit.item);
      break;

    case WAYMARK_HIT_CELL:
      if (hit.lane != NULL && waymark_lane_kind_holds_cards (hit.lane->kind))
        {
          g_autoptr(WaymarkPaletteItem) item = NULL;
          gpointer card;

          if (hit.lane->kind == WAYMARK_LANE_NOTES)
            item = waymark_palette_item_new_note ();
          card = hit.lane->kind == WAYMARK_LANE_NOTES
                   ? _waymark_canvas_create_card (self, item, hit.phase, hit.lane, hit.index)
                   : waymark_edits_add_touchpoint (self->history, hit.phase, hit.lane, hit.index,
                                                   _("New touchpoint"), NULL);
          self->drag.swallow = self->drag.mode != WAYMARK_DRAG_NONE;
          waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
          _waymark_canvas_start_editing (self, card);
        }
      break;

    case WAYMARK_HIT_EMOTION_POINT:
    case WAYMARK_HIT_LINK:
    case WAYMARK_HIT_NONE:
    default:
      break;
    }
}

/* ---- Scrolling at the edges while dragging ---- */

static gboolean
autoscroll_cb (gpointer data)
{
  WaymarkCanvas *self = data;

  if (self->drag.mode == WAYMARK_DRAG_NONE || self->drag.mode == WAYMARK_DRAG_PENDING ||
      (self->autoscroll_dx == 0 && self->autoscroll_dy == 0))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + self->autoscroll_dx);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + self->autoscroll_dy);
  update_drag (self);
  return G_SOURCE_CONTINUE;
}

static double
edge_speed (double pos,
            double size)
{
  if (pos < AUTOSCROLL_EDGE)
    return -(AUTOSCROLL_EDGE - MAX (pos, 0)) / 2;
  if (pos > size - AUTOSCROLL_EDGE)
    return (MIN (pos, size) - (size - AUTOSCROLL_EDGE)) / 2;
  return 0;
}

static void
update_autoscroll (WaymarkCanvas *self)
{
  WaymarkDragMode mode = self->drag.mode;

  if (mode != WAYMARK_DRAG_CARDS && mode != WAYMARK_DRAG_RUBBER_BAND &&
      mode != WAYMARK_DRAG_LINK && mode != WAYMARK_DRAG_HEADER)
    return;
  self->autoscroll_dx = edge_speed (self->drag.x, gtk_widget_get_width (GTK_WIDGET (self)));
  self->autoscroll_dy = edge_speed (self->drag.y, gtk_widget_get_height (GTK_WIDGET (self)));
  if ((self->autoscroll_dx != 0 || self->autoscroll_dy != 0) && self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (16, autoscroll_cb, self);
}
