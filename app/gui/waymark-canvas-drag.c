/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"
#include "waymark-group-command.h"
#include "waymark-insert-command.h"

/* Pointer, touch and drop input.  Every gesture ends in one call into
 * the undo history, so a drag is one step however far it went. */

/* The emotion curve's levels, as app/render lays them out: 34 units of
 * room above +2 and below -2, 30 units between levels.  The tests check
 * these against waymark_layout_get_emotion_point(). */
#define EMOTION_LEVEL_STEP 30.0

/* Fingers are larger than pointers: touch drags start later, and handles
 * are larger. */
#define TOUCH_THRESHOLD_FACTOR 2
#define LINK_HANDLE_SIZE 26
#define LINK_HANDLE_TOUCH_SIZE 40
#define AUTOSCROLL_EDGE 40.0
#define MAX_GHOSTS 12

static gboolean
is_card (gconstpointer item)
{
  WaymarkItemType type = item ? waymark_item_get_item_type (item) : WAYMARK_N_ITEM_TYPES;

  return type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE;
}

static gboolean
lane_takes (WaymarkLane *lane, WaymarkItemType type)
{
  if (lane == NULL)
    return FALSE;
  return type == WAYMARK_ITEM_NOTE ? lane->kind == WAYMARK_LANE_NOTES : lane->kind == WAYMARK_LANE_TOUCHPOINTS;
}

static int
drag_threshold (WaymarkCanvas *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  return self->drag.touch ? threshold * TOUCH_THRESHOLD_FACTOR : threshold;
}

/* ---- Creating cards ---- */

gpointer
_waymark_canvas_create_card (WaymarkCanvas      *self,
                             WaymarkPaletteItem *item,
                             WaymarkPhase       *phase,
                             WaymarkLane        *lane,
                             guint               index)
{
  WaymarkChannel *channel;
  g_autoptr(WaymarkCommand) group = NULL;
  g_autofree char *id = NULL;
  WaymarkTouchpoint *tp;
  guint at;

  g_return_val_if_fail (_waymark_canvas_can_edit (self), NULL);
  g_return_val_if_fail (waymark_palette_item_accepts_lane (item, lane), NULL);

  if (waymark_palette_item_is_note (item))
    return waymark_edits_add_note (self->history, phase, lane, index, NULL);

  channel = waymark_palette_item_find_channel (item, self->journey);
  if (channel != NULL)
    return waymark_edits_add_touchpoint (self->history, phase, lane, index,
                                         waymark_palette_item_get_name (item), channel);

  /* The channel is new to this map: adding it is part of the same step,
   * so one undo takes both away. */
  group = waymark_group_command_new (_("Add Touchpoint"));
  channel = waymark_palette_item_create_channel (item, self->journey);
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                             waymark_insert_command_new_insert (channel,
                                                                waymark_journey_get_n_items (self->journey,
                                                                                             WAYMARK_ITEM_CHANNEL)),
                             self->journey);
  waymark_item_unref (channel);

  id = waymark_journey_new_id (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  tp = waymark_touchpoint_new (id, phase, lane, waymark_palette_item_get_name (item));
  waymark_touchpoint_set_channel (tp, channel);
  at = waymark_edits_cell_index (self->journey, WAYMARK_ITEM_TOUCHPOINT, phase, lane, index, NULL);
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_insert_command_new_insert (tp, at),
                             self->journey);
  waymark_item_unref (tp);
  waymark_history_push_applied (self->history, g_steal_pointer (&group));

  return tp;
}

gpointer
waymark_canvas_add_palette_item (WaymarkCanvas *self, WaymarkPaletteItem *item)
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
  _waymark_canvas_start_editing (self, card);
  return card;
}

/* ---- Drop targets ---- */

static void
set_drop (WaymarkCanvas *self, gboolean valid, WaymarkPhase *phase, WaymarkLane *lane, guint index)
{
  WaymarkDropTarget drop = { valid, valid ? phase : NULL, valid ? lane : NULL, valid ? index : 0 };

  if (memcmp (&drop, &self->drop, sizeof drop) == 0)
    return;
  self->drop = drop;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Where a card of @type would land at widget point (x, y). */
static gboolean
drop_target_at (WaymarkCanvas *self, WaymarkItemType type, double x, double y,
                WaymarkPhase **phase, WaymarkLane **lane, guint *index)
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
_waymark_canvas_drop_motion (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;

  if (item == NULL || !_waymark_canvas_can_edit (self) ||
      !drop_target_at (self, waymark_palette_item_is_note (item) ? WAYMARK_ITEM_NOTE : WAYMARK_ITEM_TOUCHPOINT,
                       x, y, &phase, &lane, &index))
    {
      set_drop (self, FALSE, NULL, NULL, 0);
      return 0;
    }
  set_drop (self, TRUE, phase, lane, index);
  return GDK_ACTION_COPY;
}

void
_waymark_canvas_drop_leave (WaymarkCanvas *self)
{
  set_drop (self, FALSE, NULL, NULL, 0);
}

gboolean
_waymark_canvas_drop (WaymarkCanvas *self, WaymarkPaletteItem *item, double x, double y)
{
  WaymarkDropTarget drop;
  gpointer card;

  if (_waymark_canvas_drop_motion (self, item, x, y) == 0)
    return FALSE;
  drop = self->drop;
  set_drop (self, FALSE, NULL, NULL, 0);

  card = _waymark_canvas_create_card (self, item, drop.phase, drop.lane, drop.index);
  if (card == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  waymark_canvas_select_item (self, card, WAYMARK_CANVAS_SELECT_REPLACE);
  /* A workshop names the card right away. */
  _waymark_canvas_start_editing (self, card);
  return TRUE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target, double x, double y, WaymarkCanvas *self)
{
  const GValue *value = gtk_drop_target_get_value (target);

  return _waymark_canvas_drop_motion (self, value ? g_value_get_object (value) : NULL, x, y);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target, double x, double y, WaymarkCanvas *self)
{
  return drop_enter_cb (target, x, y, self);
}

static void
drop_leave_cb (GtkDropTarget *target, WaymarkCanvas *self)
{
  _waymark_canvas_drop_leave (self);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, WaymarkCanvas *self)
{
  if (!G_VALUE_HOLDS (value, WAYMARK_TYPE_PALETTE_ITEM))
    return FALSE;
  return _waymark_canvas_drop (self, g_value_get_object (value), x, y);
}

/* ---- Pointer drags ---- */

static gboolean
link_handle_rect (WaymarkCanvas *self, graphene_rect_t *out)
{
  WaymarkRect rect;
  double x, y, size;

  /* It shrinks with the map, down to what a pointer (or a finger) still
   * hits. */
  if (self->drag.touch)
    size = CLAMP (LINK_HANDLE_TOUCH_SIZE * self->zoom, 28, LINK_HANDLE_TOUCH_SIZE);
  else
    size = CLAMP (LINK_HANDLE_SIZE * self->zoom, 14, LINK_HANDLE_SIZE);

  if (self->link_handle_card == NULL ||
      !waymark_layout_get_card_rect (self->layout, self->link_handle_card, &rect))
    return FALSE;
  _waymark_canvas_map_to_widget (self, rect.x + rect.width, rect.y + rect.height / 2, &x, &y);
  graphene_rect_init (out, x - size / 2, y - size / 2, size, size);
  return TRUE;
}

/* The touchpoint whose link handle shows: the hovered one, else the one
 * selected. */
static gpointer
link_handle_card (WaymarkCanvas *self)
{
  gpointer selected;

  if (!_waymark_canvas_can_edit (self) || self->layout == NULL || self->editing_item != NULL)
    return NULL;
  if (self->drag.mode == WAYMARK_DRAG_LINK)
    return self->link_handle_card;
  if (self->drag.mode != WAYMARK_DRAG_NONE && self->drag.mode != WAYMARK_DRAG_PENDING)
    return NULL;
  if (self->hover != NULL && waymark_item_get_item_type (self->hover) == WAYMARK_ITEM_TOUCHPOINT)
    return self->hover;
  selected = waymark_canvas_get_selected_item (self);
  if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_TOUCHPOINT)
    return selected;
  return NULL;
}

static void
select_for_press (WaymarkCanvas *self, gpointer item, GdkModifierType state)
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
_waymark_canvas_press (WaymarkCanvas *self, double x, double y, GdkModifierType state, gboolean touch)
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
  self->link_handle_card = link_handle_card (self);
  if (editable && link_handle_rect (self, &handle) &&
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
begin_drag (WaymarkCanvas *self, WaymarkDragMode mode)
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

static int
emotion_score_at (WaymarkCanvas *self, double y)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  double px, py, mx, my;

  if (self->drag.hit.lane == NULL ||
      !waymark_layout_get_emotion_point (self->layout, self->drag.hit.lane, tp, &px, &py))
    return tp->emotion;
  _waymark_canvas_widget_to_map (self, 0, y, &mx, &my);
  return CLAMP (tp->emotion + (int) lround ((py - my) / EMOTION_LEVEL_STEP),
                WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
}

/* The new index of the dragged phase or lane: how many of the others have
 * their middle before the pointer. */
static guint
header_index_at (WaymarkCanvas *self, double x, double y)
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

/* The index among the cards that stay: what waymark_edits_move_cards()
 * takes, while the hit test counts every card in the cell. */
static guint
index_without_moving (WaymarkCanvas *self, WaymarkPhase *phase, WaymarkLane *lane, guint index)
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

static void
rubber_band_select (WaymarkCanvas *self)
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
      if (is_card (g_ptr_array_index (self->selection, i)))
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

        if (drop_target_at (self, type, x, y, &phase, &lane, &index))
          set_drop (self, TRUE, phase, lane, index);
        else
          set_drop (self, FALSE, NULL, NULL, 0);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case WAYMARK_DRAG_PAN:
      gtk_adjustment_set_value (self->hadjustment, self->drag.start_hvalue - (x - self->drag.start_x));
      gtk_adjustment_set_value (self->vadjustment, self->drag.start_vvalue - (y - self->drag.start_y));
      break;

    case WAYMARK_DRAG_RUBBER_BAND:
      rubber_band_select (self);
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
        int score = emotion_score_at (self, y);

        if (score != self->drag.emotion_score)
          {
            self->drag.emotion_score = score;
            gtk_widget_queue_draw (GTK_WIDGET (self));
          }
      }
      break;

    case WAYMARK_DRAG_HEADER:
      {
        guint index = header_index_at (self, x, y);

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
_waymark_canvas_motion (WaymarkCanvas *self, double x, double y)
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
  set_drop (self, FALSE, NULL, NULL, 0);
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

static void
finish_emotion_drag (WaymarkCanvas *self)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  WaymarkTouchpoint *copy;

  if (self->drag.emotion_score == tp->emotion)
    return;
  copy = waymark_item_copy (tp);
  copy->emotion = self->drag.emotion_score;
  waymark_edits_update (self->history, tp, copy, NULL);
  waymark_history_seal (self->history);
}

void
_waymark_canvas_release (WaymarkCanvas *self, double x, double y)
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
          if (is_card (self->drag.hit.item))
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
          guint index = index_without_moving (self, drop.phase, drop.lane, drop.index);

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
      finish_emotion_drag (self);
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
_waymark_canvas_long_press (WaymarkCanvas *self, double x, double y)
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
_waymark_canvas_double_click (WaymarkCanvas *self, double x, double y)
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
edge_speed (double pos, double size)
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

/* ---- Drawing what a drag shows ---- */

/* Repaints the small area around the insertion point with the painter's
 * drop indicator, over the cached map. */
static void
snapshot_drop_indicator (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette)
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

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The dragged cards follow the pointer, drawn by the painter itself. */
static void
snapshot_ghosts (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette)
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

static void
snapshot_link_line (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette)
{
  graphene_rect_t handle, bounds;
  double x0, y0, x1 = self->drag.x, y1 = self->drag.y;
  double angle;
  cairo_t *cr;

  if (!link_handle_rect (self, &handle))
    return;
  x0 = handle.origin.x + handle.size.width / 2;
  y0 = handle.origin.y + handle.size.height / 2;
  graphene_rect_init (&bounds, MIN (x0, x1) - 12, MIN (y0, y1) - 12, fabs (x1 - x0) + 24, fabs (y1 - y0) + 24);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  waymark_color_set_source (&palette->selection, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, (double[]) { 6, 5 }, 2, 0);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  angle = atan2 (y1 - y0, x1 - x0);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - 11 * cos (angle - 0.45), y1 - 11 * sin (angle - 0.45));
  cairo_line_to (cr, x1 - 11 * cos (angle + 0.45), y1 - 11 * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* The point's new level, with a face-coloured dot and a line from where
 * it was; the model changes once, on release. */
static void
snapshot_emotion_preview (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette)
{
  WaymarkTouchpoint *tp = self->drag.hit.item;
  double px, py, x, y, ny, r = 9 * self->zoom;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (self->drag.hit.lane == NULL ||
      !waymark_layout_get_emotion_point (self->layout, self->drag.hit.lane, tp, &px, &py))
    return;
  _waymark_canvas_map_to_widget (self, px, py, &x, &y);
  ny = y - (self->drag.emotion_score - tp->emotion) * EMOTION_LEVEL_STEP * self->zoom;
  graphene_rect_init (&bounds, x - r - 4, MIN (y, ny) - r - 4, 2 * r + 8, fabs (ny - y) + 2 * r + 8);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 4, 4 }, 2, 0);
  waymark_color_set_source (&palette->selection, cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, ny);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, ny, r, 0, 2 * G_PI);
  waymark_color_set_source (waymark_palette_get_emotion (palette, self->drag.emotion_score), cr);
  cairo_fill_preserve (cr);
  waymark_color_set_source (&palette->selection, cr);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

void
_waymark_canvas_snapshot_drag (WaymarkCanvas *self, GtkSnapshot *snapshot, const WaymarkPalette *palette)
{
  if (self->drop.valid)
    snapshot_drop_indicator (self, snapshot, palette);

  switch (self->drag.mode)
    {
    case WAYMARK_DRAG_CARDS:
      snapshot_ghosts (self, snapshot, palette);
      break;
    case WAYMARK_DRAG_LINK:
      snapshot_link_line (self, snapshot, palette);
      break;
    case WAYMARK_DRAG_EMOTION:
      snapshot_emotion_preview (self, snapshot, palette);
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
allocate_part (GtkWidget *part, gboolean visible, const graphene_rect_t *rect)
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

static gboolean
header_marker_rect (WaymarkCanvas *self, graphene_rect_t *out)
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

  self->link_handle_card = link_handle_card (self);
  show = link_handle_rect (self, &rect);
  allocate_part (self->link_handle, show, &rect);

  show = self->drag.mode == WAYMARK_DRAG_HEADER && header_marker_rect (self, &rect);
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

/* ---- Event controllers ---- */

static gboolean
event_is_touch (GtkEventController *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (controller);
  GdkDevice *device = event ? gdk_event_get_device (event) : NULL;

  return device != NULL && gdk_device_get_source (device) == GDK_SOURCE_TOUCHSCREEN;
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, WaymarkCanvas *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);

  _waymark_canvas_press (self, x, y, gtk_event_controller_get_current_event_state (controller),
                         event_is_touch (controller));
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, WaymarkCanvas *self)
{
  double x, y;

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  _waymark_canvas_motion (self, x + dx, y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, WaymarkCanvas *self)
{
  double x, y;

  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  _waymark_canvas_release (self, x + dx, y + dy);
}

static void
drag_cancel_cb (GtkGesture *gesture, GdkEventSequence *sequence, WaymarkCanvas *self)
{
  _waymark_canvas_cancel_drag (self);
}

static void
pan_begin_cb (GtkGestureDrag *gesture, double x, double y, WaymarkCanvas *self)
{
  if (self->drag.mode != WAYMARK_DRAG_NONE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag.mode = WAYMARK_DRAG_PAN;
  self->drag.start_x = self->drag.x = x;
  self->drag.start_y = self->drag.y = y;
  self->drag.start_hvalue = gtk_adjustment_get_value (self->hadjustment);
  self->drag.start_vvalue = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
click_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, WaymarkCanvas *self)
{
  if (n_press == 2)
    _waymark_canvas_double_click (self, x, y);
}

static void
menu_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, WaymarkCanvas *self)
{
  WaymarkHit hit;

  if (n_press != 1 || self->drag.mode != WAYMARK_DRAG_NONE)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _waymark_canvas_hit (self, x, y, &hit);
  if (hit.item != NULL && !g_hash_table_contains (self->selected, hit.item))
    waymark_canvas_select_item (self, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
  _waymark_canvas_popup_menu (self, &hit, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
long_press_cb (GtkGestureLongPress *gesture, double x, double y, WaymarkCanvas *self)
{
  _waymark_canvas_long_press (self, x, y);
}

static const char *
cursor_for (WaymarkCanvas *self, const WaymarkHit *hit, double x, double y)
{
  graphene_rect_t handle;

  if (!_waymark_canvas_can_edit (self))
    return hit->kind == WAYMARK_HIT_NONE || hit->kind == WAYMARK_HIT_CELL ? "grab" : NULL;
  if (link_handle_rect (self, &handle) && graphene_rect_contains_point (&handle, &GRAPHENE_POINT_INIT (x, y)))
    return "crosshair";
  switch (hit->kind)
    {
    case WAYMARK_HIT_EMOTION_POINT:
      return "ns-resize";
    case WAYMARK_HIT_CARD:
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      return "grab";
    case WAYMARK_HIT_LINK:
      return "pointer";
    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
    default:
      return NULL;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller, double x, double y, WaymarkCanvas *self)
{
  WaymarkHit hit;
  gpointer hover = NULL;

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->drag.mode != WAYMARK_DRAG_NONE)
    return;
  _waymark_canvas_hit (self, x, y, &hit);
  if (hit.kind == WAYMARK_HIT_CARD || hit.kind == WAYMARK_HIT_EMOTION_POINT)
    hover = hit.item;
  else if (self->hover != NULL && hit.kind == WAYMARK_HIT_CELL)
    {
      graphene_rect_t handle;

      /* Keep the handle while the pointer goes for it. */
      if (link_handle_rect (self, &handle) && graphene_rect_contains_point (&handle, &GRAPHENE_POINT_INIT (x, y)))
        hover = self->hover;
    }
  _waymark_canvas_set_hover (self, hover);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_for (self, &hit, x, y));
}

static void
leave_cb (GtkEventControllerMotion *controller, WaymarkCanvas *self)
{
  self->pointer_inside = FALSE;
  if (self->drag.mode == WAYMARK_DRAG_NONE)
    _waymark_canvas_set_hover (self, NULL);
}

static void
focus_changed_cb (GtkEventControllerFocus *controller, WaymarkCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_waymark_canvas_init_input (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;
  GtkDropTarget *target;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  /* The middle button always pans. */
  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_MIDDLE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (pan_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (menu_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_press_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (widget, controller);

  /* Typed drops: preloaded, so motion knows what would land. */
  target = gtk_drop_target_new (WAYMARK_TYPE_PALETTE_ITEM, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}
