/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The drag state machine: the press, the drag it becomes past the
 * threshold, the release, long presses, and scrolling at the edges while
 * dragging.  Every gesture ends in one call into the undo history, so a
 * drag is one step however far it went.  What each kind of drag computes
 * and paints is in waymark-canvas-drag-*.c; the event controllers that
 * call in here are the canvas's (waymark-canvas-input.c). */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-drag.h"
#include "waymark-canvas-drag-private.h"
#include "waymark-edits.h"

/* Fingers are larger than pointers: touch drags start later. */
#define TOUCH_THRESHOLD_FACTOR 2
#define AUTOSCROLL_EDGE 40.0

struct _WaymarkCanvasDrag
{
  GObject parent_instance;

  WaymarkCanvas *canvas;      /* borrowed: it owns the drag */

  WaymarkDragMode mode;
  WaymarkDragMode pending_mode; /* what PENDING becomes */
  WaymarkHit hit;             /* what was pressed */
  double start_x, start_y;
  double x, y;                /* the pointer now */
  double start_hvalue, start_vvalue;
  GdkModifierType state;
  gboolean touch;
  gboolean swallow;           /* a double click handled the press */
  gboolean select_on_release;
  GPtrArray *cards;           /* the cards being moved (references) */
  int emotion_score;
  guint header_index;         /* the new index of a dragged header */
  WaymarkTouchpoint *link_target;   /* borrowed, forgotten when it goes */
  WaymarkTouchpoint *link_from;     /* the card whose link handle shows */

  guint autoscroll_id;
  double autoscroll_dx;
  double autoscroll_dy;

  /* CSS-named parts of the canvas */
  GtkWidget *selection_box;
  GtkWidget *insertion_marker;
  GtkWidget *link_handle;
};

G_DEFINE_FINAL_TYPE (WaymarkCanvasDrag, waymark_canvas_drag, G_TYPE_OBJECT)

static GtkAdjustment *
hadjustment (WaymarkCanvasDrag *self)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->canvas));
}

static GtkAdjustment *
vadjustment (WaymarkCanvasDrag *self)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->canvas));
}

static void
set_cursor (WaymarkCanvasDrag *self,
            const char        *name)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->canvas), name);
}

static int
drag_threshold (WaymarkCanvasDrag *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self->canvas)), "gtk-dnd-drag-threshold", &threshold, NULL);
  return self->touch ? threshold * TOUCH_THRESHOLD_FACTOR : threshold;
}

/* ---- The link handle ---- */

/* The touchpoint whose link handle shows: the hovered one, else the one
 * selected; during a link drag, the one it started from. */
static WaymarkTouchpoint *
link_handle_card (WaymarkCanvasDrag *self)
{
  WaymarkCanvas *canvas = self->canvas;
  gpointer hover = _waymark_canvas_get_hover (canvas);
  gpointer selected;

  if (!_waymark_canvas_can_edit (canvas) || waymark_canvas_get_layout (canvas) == NULL ||
      waymark_canvas_is_editing (canvas))
    return NULL;
  if (self->mode == WAYMARK_DRAG_LINK)
    return self->link_from;
  if (self->mode != WAYMARK_DRAG_NONE && self->mode != WAYMARK_DRAG_PENDING)
    return NULL;
  if (hover != NULL && waymark_item_get_item_type (hover) == WAYMARK_ITEM_TOUCHPOINT)
    return hover;
  selected = waymark_canvas_get_selected_item (canvas);
  if (selected != NULL && waymark_item_get_item_type (selected) == WAYMARK_ITEM_TOUCHPOINT)
    return selected;
  return NULL;
}

static gboolean
link_handle_rect (WaymarkCanvasDrag *self,
                  graphene_rect_t   *out)
{
  return _waymark_canvas_drag_link_handle_rect (self->canvas, self->link_from, self->touch, out);
}

gboolean
waymark_canvas_drag_on_link_handle (WaymarkCanvasDrag *self,
                                    double             x,
                                    double             y)
{
  graphene_rect_t handle;

  g_return_val_if_fail (WAYMARK_IS_CANVAS_DRAG (self), FALSE);

  self->link_from = link_handle_card (self);
  return link_handle_rect (self, &handle) && graphene_rect_contains_point (&handle, &GRAPHENE_POINT_INIT (x, y));
}

/* ---- Press ---- */

static void
select_for_press (WaymarkCanvasDrag *self,
                  gpointer           item,
                  GdkModifierType    state)
{
  if (state & GDK_CONTROL_MASK)
    waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_TOGGLE);
  else if (state & GDK_SHIFT_MASK)
    waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_ADD);
  else if (_waymark_canvas_is_selected (self->canvas, item))
    /* Maybe the start of a drag of the whole selection: decide on release. */
    self->select_on_release = TRUE;
  else
    waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_REPLACE);
}

static void
start (WaymarkCanvasDrag *self,
       WaymarkDragMode    mode,
       double             x,
       double             y)
{
  self->mode = mode;
  self->start_x = self->x = x;
  self->start_y = self->y = y;
  self->start_hvalue = gtk_adjustment_get_value (hadjustment (self));
  self->start_vvalue = gtk_adjustment_get_value (vadjustment (self));
}

void
waymark_canvas_drag_press (WaymarkCanvasDrag *self,
                           double             x,
                           double             y,
                           GdkModifierType    state,
                           gboolean           touch)
{
  WaymarkCanvas *canvas;
  gboolean editable;
  gboolean modifiers = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  WaymarkHit hit;

  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  canvas = self->canvas;
  editable = _waymark_canvas_can_edit (canvas);
  if (self->mode != WAYMARK_DRAG_NONE)
    waymark_canvas_drag_cancel (self);

  _waymark_canvas_hit (canvas, x, y, &hit);
  start (self, WAYMARK_DRAG_PENDING, x, y);
  self->pending_mode = WAYMARK_DRAG_PAN;
  self->hit = hit;
  self->state = state;
  self->touch = touch;
  self->select_on_release = FALSE;

  /* The link handle sits on the card's edge, so it wins over the card. */
  if (editable && waymark_canvas_drag_on_link_handle (self, x, y))
    {
      self->pending_mode = WAYMARK_DRAG_LINK;
      return;
    }

  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
      select_for_press (self, hit.item, state);
      /* On a touch screen a drag over cards scrolls; a long press first
       * picks the card up. */
      if (editable && !touch && _waymark_canvas_is_selected (canvas, hit.item))
        self->pending_mode = WAYMARK_DRAG_CARDS;
      break;

    case WAYMARK_HIT_EMOTION_POINT:
      select_for_press (self, hit.item, state);
      if (editable && !touch)
        self->pending_mode = WAYMARK_DRAG_EMOTION;
      break;

    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      waymark_canvas_select_item (canvas, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      if (editable && !touch)
        self->pending_mode = WAYMARK_DRAG_HEADER;
      break;

    case WAYMARK_HIT_LINK:
      waymark_canvas_select_item (canvas, hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      break;

    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
    default:
      if (hit.kind == WAYMARK_HIT_CELL)
        _waymark_canvas_set_cursor_cell (canvas, hit.phase, hit.lane);
      if (modifiers)
        self->pending_mode = WAYMARK_DRAG_RUBBER_BAND;
      else
        self->select_on_release = TRUE;
      break;
    }
}

gboolean
waymark_canvas_drag_pan (WaymarkCanvasDrag *self,
                         double             x,
                         double             y)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS_DRAG (self), FALSE);

  if (self->mode != WAYMARK_DRAG_NONE)
    return FALSE;
  start (self, WAYMARK_DRAG_PAN, x, y);
  set_cursor (self, "grabbing");
  return TRUE;
}

/* ---- Dragging ---- */

static void
update_autoscroll (WaymarkCanvasDrag *self);

static void
begin (WaymarkCanvasDrag *self,
       WaymarkDragMode    mode)
{
  self->mode = mode;
  self->select_on_release = FALSE;

  switch (mode)
    {
    case WAYMARK_DRAG_CARDS:
      {
        g_autoptr(GPtrArray) selected = _waymark_canvas_selected_cards (self->canvas);
        WaymarkItemType type = waymark_item_get_item_type (self->hit.item);

        g_clear_pointer (&self->cards, g_ptr_array_unref);
        self->cards = g_ptr_array_new_with_free_func (waymark_item_unref);
        /* Touchpoints and notes live in different lanes: the pressed
         * card's kind moves. */
        for (guint i = 0; i < selected->len; i++)
          if (waymark_item_get_item_type (g_ptr_array_index (selected, i)) == type)
            g_ptr_array_add (self->cards, waymark_item_ref (g_ptr_array_index (selected, i)));
        set_cursor (self, "grabbing");
      }
      break;
    case WAYMARK_DRAG_EMOTION:
      self->emotion_score = ((WaymarkTouchpoint *) self->hit.item)->emotion;
      set_cursor (self, "ns-resize");
      break;
    case WAYMARK_DRAG_PAN:
      set_cursor (self, "grabbing");
      break;
    case WAYMARK_DRAG_HEADER:
      {
        int index = waymark_journey_index_of (_waymark_canvas_get_journey (self->canvas), self->hit.item);

        self->header_index = (guint) MAX (index, 0);
        set_cursor (self, "grabbing");
      }
      break;
    case WAYMARK_DRAG_LINK:
      self->link_target = NULL;
      set_cursor (self, "crosshair");
      break;
    case WAYMARK_DRAG_RUBBER_BAND:
      set_cursor (self, "crosshair");
      break;
    case WAYMARK_DRAG_NONE:
    case WAYMARK_DRAG_PENDING:
    default:
      break;
    }
  _waymark_canvas_invalidate (self->canvas);
  gtk_widget_queue_allocate (GTK_WIDGET (self->canvas));
}

static void
update (WaymarkCanvasDrag *self)
{
  WaymarkCanvas *canvas = self->canvas;
  double x = self->x;
  double y = self->y;

  switch (self->mode)
    {
    case WAYMARK_DRAG_CARDS:
      {
        WaymarkItemType type = waymark_item_get_item_type (self->hit.item);
        WaymarkPhase *phase;
        WaymarkLane *lane;
        guint index;

        if (_waymark_canvas_drop_target_at (canvas, type, x, y, &phase, &lane, &index))
          _waymark_canvas_set_drop (canvas, TRUE, phase, lane, index);
        else
          _waymark_canvas_set_drop (canvas, FALSE, NULL, NULL, 0);
        gtk_widget_queue_draw (GTK_WIDGET (canvas));
      }
      break;

    case WAYMARK_DRAG_PAN:
      gtk_adjustment_set_value (hadjustment (self), self->start_hvalue - (x - self->start_x));
      gtk_adjustment_set_value (vadjustment (self), self->start_vvalue - (y - self->start_y));
      break;

    case WAYMARK_DRAG_RUBBER_BAND:
      _waymark_canvas_drag_select_in_box (canvas, self->start_x, self->start_y, x, y,
                                          (self->state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0);
      gtk_widget_queue_allocate (GTK_WIDGET (canvas));
      break;

    case WAYMARK_DRAG_LINK:
      {
        WaymarkHit hit;
        WaymarkTouchpoint *target = NULL;

        _waymark_canvas_hit (canvas, x, y, &hit);
        if ((hit.kind == WAYMARK_HIT_CARD || hit.kind == WAYMARK_HIT_EMOTION_POINT) &&
            waymark_item_get_item_type (hit.item) == WAYMARK_ITEM_TOUCHPOINT &&
            hit.item != (gpointer) self->link_from)
          target = hit.item;
        if (target != self->link_target)
          {
            self->link_target = target;
            _waymark_canvas_set_hover (canvas, target);
          }
        gtk_widget_queue_draw (GTK_WIDGET (canvas));
      }
      break;

    case WAYMARK_DRAG_EMOTION:
      {
        int score = _waymark_canvas_drag_emotion_score_at (canvas, self->hit.item, self->hit.lane, y);

        if (score != self->emotion_score)
          {
            self->emotion_score = score;
            gtk_widget_queue_draw (GTK_WIDGET (canvas));
          }
      }
      break;

    case WAYMARK_DRAG_HEADER:
      {
        guint index = _waymark_canvas_drag_header_index_at (canvas, self->hit.item, x, y);

        if (index != self->header_index)
          {
            self->header_index = index;
            gtk_widget_queue_allocate (GTK_WIDGET (canvas));
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
waymark_canvas_drag_motion (WaymarkCanvasDrag *self,
                            double             x,
                            double             y)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  if (self->mode == WAYMARK_DRAG_NONE)
    return;

  self->x = x;
  self->y = y;

  if (self->mode == WAYMARK_DRAG_PENDING)
    {
      if (hypot (x - self->start_x, y - self->start_y) < drag_threshold (self))
        return;
      begin (self, self->pending_mode);
    }

  update (self);
  update_autoscroll (self);
}

/* ---- Release ---- */

static void
end (WaymarkCanvasDrag *self)
{
  self->mode = WAYMARK_DRAG_NONE;
  self->link_target = NULL;
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  _waymark_canvas_set_drop (self->canvas, FALSE, NULL, NULL, 0);
  gtk_widget_set_cursor (GTK_WIDGET (self->canvas), NULL);
  _waymark_canvas_invalidate (self->canvas);
  gtk_widget_queue_allocate (GTK_WIDGET (self->canvas));
}

void
waymark_canvas_drag_cancel (WaymarkCanvasDrag *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  if (self->mode == WAYMARK_DRAG_NONE && !_waymark_canvas_get_drop (self->canvas, NULL, NULL, NULL))
    return;
  end (self);
}

static void
finish_emotion (WaymarkCanvasDrag *self)
{
  WaymarkTouchpoint *tp = self->hit.item;
  WaymarkHistory *history = _waymark_canvas_get_history (self->canvas);
  WaymarkTouchpoint *copy;

  if (self->emotion_score == tp->emotion)
    return;
  copy = waymark_item_copy (tp);
  copy->emotion = self->emotion_score;
  waymark_edits_update (history, tp, copy, NULL);
  waymark_history_seal (history);
}

void
waymark_canvas_drag_release (WaymarkCanvasDrag *self,
                             double             x,
                             double             y)
{
  WaymarkCanvas *canvas;
  WaymarkDragMode mode;

  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  canvas = self->canvas;
  mode = self->mode;
  if (mode == WAYMARK_DRAG_NONE)
    return;
  if (self->swallow)
    {
      self->swallow = FALSE;
      end (self);
      return;
    }

  self->x = x;
  self->y = y;
  if (mode != WAYMARK_DRAG_PENDING)
    update (self);

  switch (mode)
    {
    case WAYMARK_DRAG_PENDING:
      /* A click. */
      if (self->select_on_release)
        {
          if (_waymark_canvas_is_card (self->hit.item))
            waymark_canvas_select_item (canvas, self->hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
          else
            waymark_canvas_unselect_all (canvas);
        }
      break;

    case WAYMARK_DRAG_CARDS:
      {
        WaymarkPhase *phase;
        WaymarkLane *lane;
        guint index;

        if (_waymark_canvas_get_drop (canvas, &phase, &lane, &index) && self->cards->len > 0)
          {
            g_autoptr(GPtrArray) cards = g_ptr_array_ref (self->cards);

            index = _waymark_canvas_drag_index_without (canvas, cards, phase, lane, index);
            end (self);
            waymark_edits_move_cards (_waymark_canvas_get_history (canvas), cards, phase, lane, index);
            return;
          }
      }
      break;

    case WAYMARK_DRAG_LINK:
      if (self->link_target != NULL && self->link_from != NULL)
        {
          WaymarkTouchpoint *from = self->link_from;
          WaymarkTouchpoint *to = self->link_target;

          end (self);
          _waymark_canvas_set_hover (canvas, NULL);
          if (waymark_edits_link (_waymark_canvas_get_history (canvas), from, to) == NULL)
            _waymark_canvas_toast (canvas, _("These touchpoints are already linked"), FALSE);
          return;
        }
      break;

    case WAYMARK_DRAG_EMOTION:
      finish_emotion (self);
      break;

    case WAYMARK_DRAG_HEADER:
      {
        gpointer item = self->hit.item;
        guint index = self->header_index;

        end (self);
        waymark_edits_move_item (_waymark_canvas_get_history (canvas), item, index);
        return;
      }

    case WAYMARK_DRAG_RUBBER_BAND:
    case WAYMARK_DRAG_PAN:
    case WAYMARK_DRAG_NONE:
    default:
      break;
    }

  end (self);
}

void
waymark_canvas_drag_long_press (WaymarkCanvasDrag *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  if (self->mode != WAYMARK_DRAG_PENDING || !_waymark_canvas_can_edit (self->canvas))
    return;

  /* Picked up: the finger now drags what it holds. */
  switch (self->hit.kind)
    {
    case WAYMARK_HIT_CARD:
      if (!_waymark_canvas_is_selected (self->canvas, self->hit.item))
        waymark_canvas_select_item (self->canvas, self->hit.item, WAYMARK_CANVAS_SELECT_REPLACE);
      begin (self, WAYMARK_DRAG_CARDS);
      update (self);
      break;
    case WAYMARK_HIT_EMOTION_POINT:
      begin (self, WAYMARK_DRAG_EMOTION);
      break;
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      begin (self, WAYMARK_DRAG_HEADER);
      break;
    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_NONE:
      begin (self, WAYMARK_DRAG_RUBBER_BAND);
      break;
    case WAYMARK_HIT_LINK:
    default:
      break;
    }
}

void
waymark_canvas_drag_swallow_release (WaymarkCanvasDrag *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  self->swallow = self->mode != WAYMARK_DRAG_NONE;
}

/* ---- Scrolling at the edges while dragging ---- */

static gboolean
autoscroll_cb (gpointer data)
{
  WaymarkCanvasDrag *self = data;

  g_assert (WAYMARK_IS_CANVAS_DRAG (self));

  if (self->mode == WAYMARK_DRAG_NONE || self->mode == WAYMARK_DRAG_PENDING ||
      (self->autoscroll_dx == 0 && self->autoscroll_dy == 0))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (hadjustment (self), gtk_adjustment_get_value (hadjustment (self)) + self->autoscroll_dx);
  gtk_adjustment_set_value (vadjustment (self), gtk_adjustment_get_value (vadjustment (self)) + self->autoscroll_dy);
  update (self);
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
update_autoscroll (WaymarkCanvasDrag *self)
{
  WaymarkDragMode mode = self->mode;

  if (mode != WAYMARK_DRAG_CARDS && mode != WAYMARK_DRAG_RUBBER_BAND &&
      mode != WAYMARK_DRAG_LINK && mode != WAYMARK_DRAG_HEADER)
    return;
  self->autoscroll_dx = edge_speed (self->x, gtk_widget_get_width (GTK_WIDGET (self->canvas)));
  self->autoscroll_dy = edge_speed (self->y, gtk_widget_get_height (GTK_WIDGET (self->canvas)));
  if ((self->autoscroll_dx != 0 || self->autoscroll_dy != 0) && self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (16, autoscroll_cb, self);
}

/* ---- What it shows ---- */

WaymarkDragMode
waymark_canvas_drag_get_mode (WaymarkCanvasDrag *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS_DRAG (self), WAYMARK_DRAG_NONE);

  return self->mode;
}

gboolean
waymark_canvas_drag_is_active (WaymarkCanvasDrag *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS_DRAG (self), FALSE);

  return self->mode != WAYMARK_DRAG_NONE;
}

int
waymark_canvas_drag_get_emotion_score (WaymarkCanvasDrag *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS_DRAG (self), 0);

  return self->emotion_score;
}

void
waymark_canvas_drag_forget (WaymarkCanvasDrag *self,
                            gpointer           item)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  if ((gpointer) self->link_from == item)
    self->link_from = NULL;
  if ((gpointer) self->link_target == item)
    self->link_target = NULL;
}

void
waymark_canvas_drag_snapshot (WaymarkCanvasDrag    *self,
                              GtkSnapshot          *snapshot,
                              const WaymarkPalette *palette)
{
  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  switch (self->mode)
    {
    case WAYMARK_DRAG_CARDS:
      {
        double zoom = waymark_canvas_get_zoom (self->canvas);
        /* The scroll may have moved under a still pointer. */
        double dx = (self->x - self->start_x + gtk_adjustment_get_value (hadjustment (self)) - self->start_hvalue) / zoom;
        double dy = (self->y - self->start_y + gtk_adjustment_get_value (vadjustment (self)) - self->start_vvalue) / zoom;

        _waymark_canvas_drag_snapshot_ghosts (self->canvas, snapshot, palette, self->cards, dx, dy);
      }
      break;
    case WAYMARK_DRAG_LINK:
      {
        graphene_rect_t handle;

        if (link_handle_rect (self, &handle))
          _waymark_canvas_drag_snapshot_link_line (snapshot, palette, &handle, self->x, self->y);
      }
      break;
    case WAYMARK_DRAG_EMOTION:
      _waymark_canvas_drag_snapshot_emotion (self->canvas, snapshot, palette, self->hit.item, self->hit.lane,
                                             self->emotion_score);
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

void
waymark_canvas_drag_allocate (WaymarkCanvasDrag *self)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  gboolean show;

  g_return_if_fail (WAYMARK_IS_CANVAS_DRAG (self));

  if (waymark_canvas_get_layout (self->canvas) == NULL)
    {
      self->link_from = NULL;
      _waymark_canvas_allocate_part (self->selection_box, FALSE, &rect);
      _waymark_canvas_allocate_part (self->link_handle, FALSE, &rect);
      _waymark_canvas_allocate_part (self->insertion_marker, FALSE, &rect);
      return;
    }

  show = self->mode == WAYMARK_DRAG_RUBBER_BAND;
  if (show)
    graphene_rect_init (&rect,
                        MIN (self->start_x, self->x) - (gtk_adjustment_get_value (hadjustment (self)) - self->start_hvalue),
                        MIN (self->start_y, self->y) - (gtk_adjustment_get_value (vadjustment (self)) - self->start_vvalue),
                        fabs (self->x - self->start_x), fabs (self->y - self->start_y));
  _waymark_canvas_allocate_part (self->selection_box, show, &rect);

  self->link_from = link_handle_card (self);
  show = link_handle_rect (self, &rect);
  _waymark_canvas_allocate_part (self->link_handle, show, &rect);

  show = self->mode == WAYMARK_DRAG_HEADER &&
         _waymark_canvas_drag_header_marker (self->canvas, self->hit.item, self->header_index, &rect);
  _waymark_canvas_allocate_part (self->insertion_marker, show, &rect);
}

/* ---- GObject ---- */

static void
waymark_canvas_drag_dispose (GObject *object)
{
  WaymarkCanvasDrag *self = WAYMARK_CANVAS_DRAG (object);

  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->selection_box, gtk_widget_unparent);
  g_clear_pointer (&self->insertion_marker, gtk_widget_unparent);
  g_clear_pointer (&self->link_handle, gtk_widget_unparent);

  G_OBJECT_CLASS (waymark_canvas_drag_parent_class)->dispose (object);
}

static void
waymark_canvas_drag_class_init (WaymarkCanvasDragClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_canvas_drag_dispose;
}

static void
waymark_canvas_drag_init (WaymarkCanvasDrag *self)
{
}

WaymarkCanvasDrag *
waymark_canvas_drag_new (WaymarkCanvas *canvas)
{
  WaymarkCanvasDrag *self;

  g_return_val_if_fail (WAYMARK_IS_CANVAS (canvas), NULL);

  self = g_object_new (WAYMARK_TYPE_CANVAS_DRAG, NULL);
  self->canvas = canvas;
  self->insertion_marker = _waymark_canvas_new_part (canvas, "insertionmarker");
  self->selection_box = _waymark_canvas_new_part (canvas, "selectionbox");
  self->link_handle = _waymark_canvas_new_part (canvas, "linkhandle");
  gtk_box_append (GTK_BOX (self->link_handle), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return self;
}
