/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-describe.h"

static void waymark_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkCanvas, waymark_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, waymark_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_DARK,
  PROP_CAN_ZOOM_IN,
  PROP_CAN_ZOOM_OUT,
  PROP_READ_ONLY,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Geometry ---- */

void
_waymark_canvas_widget_to_map (WaymarkCanvas *self,
                               double         x,
                               double         y,
                               double        *mx,
                               double        *my)
{
  *mx = (x - self->origin_x + gtk_adjustment_get_value (self->hadjustment)) / self->zoom;
  *my = (y - self->origin_y + gtk_adjustment_get_value (self->vadjustment)) / self->zoom;
}

void
_waymark_canvas_map_to_widget (WaymarkCanvas *self,
                               double         mx,
                               double         my,
                               double        *x,
                               double        *y)
{
  *x = mx * self->zoom - gtk_adjustment_get_value (self->hadjustment) + self->origin_x;
  *y = my * self->zoom - gtk_adjustment_get_value (self->vadjustment) + self->origin_y;
}

void
_waymark_canvas_rect_to_widget (WaymarkCanvas     *self,
                                const WaymarkRect *rect,
                                graphene_rect_t   *out)
{
  double x, y;

  _waymark_canvas_map_to_widget (self, rect->x, rect->y, &x, &y);
  graphene_rect_init (out, x, y, rect->width * self->zoom, rect->height * self->zoom);
}

/* Links are drawn over cards, and the layout finds them first; but a
 * press on a card means the card (links are picked in the gaps), and a
 * drop there needs the insertion index the cell would give. */
static void
resolve_link_hit (WaymarkCanvas *self,
                  double         mx,
                  double         my,
                  WaymarkHit    *hit)
{
  g_autoptr(GPtrArray) cell = NULL;
  guint index = 0;

  if (hit->phase == NULL || hit->lane == NULL || !waymark_lane_kind_holds_cards (hit->lane->kind))
    return;
  cell = waymark_journey_get_cell (self->journey, hit->phase, hit->lane);
  for (guint i = 0; i < cell->len; i++)
    {
      gpointer card = g_ptr_array_index (cell, i);
      WaymarkRect rect;

      if (!waymark_layout_get_card_rect (self->layout, card, &rect))
        continue;
      if (waymark_rect_contains_point (&rect, mx, my))
        {
          hit->kind = WAYMARK_HIT_CARD;
          hit->item = card;
        }
      /* Reading order: rows of cards, left to right. */
      if (rect.y + rect.height <= my || (my >= rect.y && mx > rect.x + rect.width / 2))
        index = i + 1;
    }
  hit->index = index;
}

/* One hit test for hover, tooltips, clicks and drops (x, y: widget). */
gboolean
_waymark_canvas_hit (WaymarkCanvas *self,
                     double         x,
                     double         y,
                     WaymarkHit    *hit)
{
  double mx, my;
  gboolean found;

  *hit = (WaymarkHit) { WAYMARK_HIT_NONE, NULL, NULL, NULL, 0 };
  if (self->layout == NULL)
    return FALSE;
  /* A pinned header is where it would be; the toolbar's band hides the
   * map. */
  _waymark_canvas_sticky_remap (self, &x, &y);
  _waymark_canvas_widget_to_map (self, x, y, &mx, &my);
  found = waymark_layout_hit_test (self->layout, mx, my, hit);
  if (hit->kind == WAYMARK_HIT_LINK)
    resolve_link_hit (self, mx, my, hit);
  return found;
}

static void
map_size (WaymarkCanvas *self,
          double        *width,
          double        *height)
{
  *width = 0;
  *height = 0;
  if (self->layout != NULL)
    waymark_layout_get_size (self->layout, width, height);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         view)
{
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - view));

  gtk_adjustment_configure (adjustment, value, 0, MAX (content, view),
                            view * 0.1, view * 0.9, view);
}

void
_waymark_canvas_configure_adjustments (WaymarkCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double map_width, map_height;

  map_size (self, &map_width, &map_height);
  self->origin_x = MAX (0, (width - map_width * self->zoom) / 2);
  self->origin_y = self->top_inset + MAX (0, (height - self->top_inset - map_height * self->zoom) / 2);

  if (self->hadjustment)
    configure_adjustment (self->hadjustment, map_width * self->zoom, width);
  if (self->vadjustment)
    configure_adjustment (self->vadjustment, map_height * self->zoom + self->top_inset, height);
}

void
waymark_canvas_scroll_to_rect (WaymarkCanvas     *self,
                               const WaymarkRect *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double margin = 24;
  double left, top, right, bottom, h, v, reserved_left, reserved_top;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  /* The map may have grown a moment ago (a new phase or lane at its end),
   * before the next allocation: the adjustments must reach it now. */
  _waymark_canvas_configure_adjustments (self);
  h = gtk_adjustment_get_value (self->hadjustment);
  v = gtk_adjustment_get_value (self->vadjustment);
  /* In scrolled content: the origin is 0 across a map wider than the
   * view, and the top inset down. */
  left = rect->x * self->zoom + self->origin_x - margin;
  top = rect->y * self->zoom + self->origin_y - margin;
  right = (rect->x + rect->width) * self->zoom + self->origin_x + margin;
  bottom = (rect->y + rect->height) * self->zoom + self->origin_y + margin;

  /* Not under the pinned headers or the toolbar's band. */
  _waymark_canvas_sticky_reserve (self, &reserved_left, &reserved_top);
  if (right - h > width)
    h = right - width;
  if (left - h < reserved_left)
    h = left - reserved_left;
  if (bottom - v > height)
    v = bottom - height;
  if (top - v < reserved_top)
    v = top - reserved_top;
  gtk_adjustment_set_value (self->hadjustment, h);
  gtk_adjustment_set_value (self->vadjustment, v);
}

/* ---- Drawing ---- */

static const WaymarkPalette *
current_palette (WaymarkCanvas *self)
{
  return waymark_palette_get (self->dark ? WAYMARK_PALETTE_DARK : WAYMARK_PALETTE_LIGHT);
}

void
_waymark_canvas_invalidate (WaymarkCanvas *self)
{
  self->base_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The visible part of the map with selection and hover, rasterised once
 * into an image and kept until something in it changes.  (A cairo node
 * alone is a recording that is replayed, that is painted again, every
 * frame.)  Frames during a drag blit it and add the drop indicator and
 * the dragged cards on top. */
static void
render_base (WaymarkCanvas        *self,
             int                   width,
             int                   height,
             const WaymarkPalette *palette)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double map_width, map_height;
  double hvalue = gtk_adjustment_get_value (self->hadjustment);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  WaymarkRect clip, map;
  cairo_t *cr;

  /* Kept across renders: a new 4 MB image each time costs more in page
   * faults than the painting.  (cairo copies it first should an older
   * frame's recording still use it.) */
  if (self->base_surface == NULL ||
      cairo_image_surface_get_width (self->base_surface) != width * scale ||
      cairo_image_surface_get_height (self->base_surface) != height * scale)
    {
      g_clear_pointer (&self->base_surface, cairo_surface_destroy);
      self->base_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
    }

  cr = cairo_create (self->base_surface);
  cairo_scale (cr, scale, scale);
  waymark_color_set_source (&palette->page, cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  map_size (self, &map_width, &map_height);
  map = WAYMARK_RECT_INIT (0, 0, map_width, map_height);
  clip = WAYMARK_RECT_INIT ((hvalue - self->origin_x) / self->zoom, (vvalue - self->origin_y) / self->zoom,
                            width / self->zoom, height / self->zoom);
  if (waymark_rect_intersects (&clip, &map))
    {
      WaymarkPaintState state = {
        .selected = self->selected,
        .hover = waymark_canvas_drag_is_active (self->drag) ? NULL : self->hover,
        .stats = &self->last_stats,
      };
      WaymarkRect visible;

      /* Only what is on screen: the painter culls to the clip. */
      visible.x = MAX (clip.x, 0);
      visible.y = MAX (clip.y, 0);
      visible.width = MIN (clip.x + clip.width, map_width) - visible.x;
      visible.height = MIN (clip.y + clip.height, map_height) - visible.y;

      cairo_save (cr);
      cairo_translate (cr, self->origin_x - hvalue, self->origin_y - vvalue);
      cairo_scale (cr, self->zoom, self->zoom);
      waymark_painter_paint (self->layout, cr, &visible, palette, WAYMARK_PAINT_NO_BACKGROUND, &state);
      _waymark_canvas_paint_findings (self, cr, &visible);
      cairo_restore (cr);
      _waymark_canvas_paint_sticky (self, cr, width, height, palette, &state);
    }
  cairo_destroy (cr);
  cairo_surface_flush (self->base_surface);
  cairo_surface_mark_dirty (self->base_surface);
  self->base_valid = TRUE;
}

static void
waymark_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const WaymarkPalette *palette = current_palette (self);

  if (width <= 0 || height <= 0)
    return;

  if (!self->base_valid)
    render_base (self, width, height, palette);
  {
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
    double scale = gtk_widget_get_scale_factor (widget);

    cairo_scale (cr, 1 / scale, 1 / scale);
    cairo_set_source_surface (cr, self->base_surface, 0, 0);
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
    cairo_paint (cr);
    cairo_destroy (cr);
  }

  if (self->layout != NULL)
    {
      _waymark_canvas_snapshot_marks (self, snapshot, palette);
      _waymark_canvas_snapshot_drop (self, snapshot, palette);
      waymark_canvas_drag_snapshot (self->drag, snapshot, palette);
      _waymark_canvas_snapshot_present (self, snapshot, palette);
      _waymark_canvas_snapshot_link_to (self, snapshot, palette);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
waymark_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  double map_width, map_height;

  map_size (self, &map_width, &map_height);
  /* A scrollable asks for the whole map (the scrolled window never
   * passes that on).  The scrolled window decides whether a scrollbar
   * shows from the size its scroll policy names, the minimum: it must be
   * the one the adjustments then say, or they queue a resize in the
   * middle of the allocation. */
  *minimum = *natural = MAX (64, (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL
                                             ? map_width * self->zoom
                                             : map_height * self->zoom + self->top_inset));
}

/* ---- Editing in place ---- */

gboolean
_waymark_canvas_item_rect (WaymarkCanvas *self,
                           gpointer       item,
                           WaymarkRect   *rect)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
      return waymark_layout_get_card_rect (self->layout, item, rect);
    case WAYMARK_ITEM_PHASE:
      return waymark_layout_get_phase_header_rect (self->layout, item, rect);
    case WAYMARK_ITEM_LANE:
      return waymark_layout_get_lane_header_rect (self->layout, item, rect);
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}

void
waymark_canvas_reveal_item (WaymarkCanvas *self,
                            gpointer       item)
{
  WaymarkRect rect;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (item != NULL && self->layout != NULL && _waymark_canvas_item_rect (self, item, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
}

void
_waymark_canvas_start_editing (WaymarkCanvas *self,
                               gpointer       item,
                               gboolean       new_card)
{
  WaymarkRect rect;

  if (!_waymark_canvas_can_edit (self) || self->layout == NULL || !_waymark_canvas_item_rect (self, item, &rect))
    return;
  waymark_inline_editor_stop (self->editor, TRUE);
  waymark_canvas_scroll_to_rect (self, &rect);
  waymark_inline_editor_start (self->editor, self->history, item, new_card);
}

void
_waymark_canvas_stop_editing (WaymarkCanvas *self,
                              gboolean       commit)
{
  waymark_inline_editor_stop (self->editor, commit && _waymark_canvas_can_edit (self));
}

gboolean
waymark_canvas_is_editing (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  return waymark_inline_editor_get_item (self->editor) != NULL;
}

static gboolean
stop_editing_idle (gpointer data)
{
  _waymark_canvas_stop_editing (data, FALSE);
  return G_SOURCE_REMOVE;
}

static void
allocate_editor (WaymarkCanvas *self)
{
  gpointer item = waymark_inline_editor_get_item (self->editor);
  WaymarkRect rect;
  graphene_rect_t bounds;

  if (item == NULL)
    return;
  if (self->layout == NULL || !_waymark_canvas_item_rect (self, item, &rect))
    {
      /* The item went away (an undo from elsewhere): end the edit, but not
       * from inside the allocation. */
      g_idle_add_full (G_PRIORITY_HIGH, stop_editing_idle, g_object_ref (self), g_object_unref);
      return;
    }
  _waymark_canvas_rect_to_widget (self, &rect, &bounds);
  waymark_inline_editor_allocate_over (self->editor, &bounds);
}

static void
editor_item_cb (WaymarkCanvas       *self,
                GParamSpec          *pspec,
                WaymarkInlineEditor *editor)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  /* The link handle hides while a title is edited. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
waymark_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);

  _waymark_canvas_configure_adjustments (self);
  self->base_valid = FALSE;
  _waymark_canvas_allocate_parts (self);
  allocate_editor (self);
  _waymark_canvas_allocate_quick_add (self);
  _waymark_canvas_present_allocate (self);
  _waymark_canvas_allocate_menu (self);
}

/* ---- Selection ---- */

static char *
describe_item (gpointer item)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
      return waymark_describe_card (item);
    case WAYMARK_ITEM_PHASE:
      return g_strdup_printf (_("Phase “%s”"), ((WaymarkPhase *) item)->name);
    case WAYMARK_ITEM_LANE:
      return g_strdup_printf (_("Lane “%s”"), ((WaymarkLane *) item)->name);
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return g_strdup ("");
    }
}

void
_waymark_canvas_selection_changed (WaymarkCanvas *self)
{
  g_autofree char *description = NULL;

  if (self->selection->len == 1)
    description = describe_item (g_ptr_array_index (self->selection, 0));
  else if (self->selection->len > 1)
    description = g_strdup_printf (ngettext ("%u item selected", "%u items selected", self->selection->len),
                                   self->selection->len);
  else
    description = g_strdup (_("Nothing selected"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  /* The cursor follows the newest selected card. */
  if (self->selection->len > 0)
    {
      gpointer last = g_ptr_array_index (self->selection, self->selection->len - 1);

      if (_waymark_canvas_is_card (last))
        {
          WaymarkPhase *phase;
          WaymarkLane *lane;

          if (waymark_item_get_item_type (last) == WAYMARK_ITEM_TOUCHPOINT)
            phase = ((WaymarkTouchpoint *) last)->phase, lane = ((WaymarkTouchpoint *) last)->lane;
          else
            phase = ((WaymarkNote *) last)->phase, lane = ((WaymarkNote *) last)->lane;
          self->cursor_phase = phase;
          self->cursor_lane = lane;
        }
    }

  _waymark_canvas_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _waymark_canvas_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
clear_selection (WaymarkCanvas *self)
{
  g_hash_table_remove_all (self->selected);
  g_ptr_array_set_size (self->selection, 0);
}

gboolean
_waymark_canvas_is_selected (WaymarkCanvas *self,
                             gpointer       item)
{
  return g_hash_table_contains (self->selected, item);
}

void
_waymark_canvas_set_selection (WaymarkCanvas *self,
                               GPtrArray     *items)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (waymark_item_unref);

  /* @items may be the selection itself or hold the same items. */
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (keep, waymark_item_ref (g_ptr_array_index (items, i)));
  clear_selection (self);
  for (guint i = 0; i < keep->len; i++)
    {
      gpointer item = g_ptr_array_index (keep, i);

      if (g_hash_table_contains (self->selected, item))
        continue;
      g_hash_table_add (self->selected, waymark_item_ref (item));
      g_ptr_array_add (self->selection, waymark_item_ref (item));
    }
  _waymark_canvas_selection_changed (self);
}

GPtrArray *
waymark_canvas_get_selection (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);

  return self->selection;
}

gpointer
waymark_canvas_get_selected_item (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);

  return self->selection->len == 1 ? g_ptr_array_index (self->selection, 0) : NULL;
}

void
waymark_canvas_select_item (WaymarkCanvas           *self,
                            gpointer                 item,
                            WaymarkCanvasSelectMode  mode)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (item == NULL)
    {
      if (mode == WAYMARK_CANVAS_SELECT_REPLACE)
        waymark_canvas_unselect_all (self);
      return;
    }

  /* Headers are selected alone: a phase and three cards cannot be edited
   * or moved together. */
  if (!_waymark_canvas_is_card (item) || (self->selection->len > 0 && !_waymark_canvas_is_card (g_ptr_array_index (self->selection, 0))))
    mode = WAYMARK_CANVAS_SELECT_REPLACE;

  switch (mode)
    {
    case WAYMARK_CANVAS_SELECT_TOGGLE:
      if (g_hash_table_remove (self->selected, item))
        {
          g_ptr_array_remove (self->selection, item);
          _waymark_canvas_selection_changed (self);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case WAYMARK_CANVAS_SELECT_ADD:
      /* The set and the array each hold a reference.  An item selected
       * again moves to the end: it becomes the cursor. */
      if (!g_hash_table_contains (self->selected, item))
        g_hash_table_add (self->selected, waymark_item_ref (item));
      g_ptr_array_add (self->selection, waymark_item_ref (item));
      {
        guint first = 0;

        g_ptr_array_find (self->selection, item, &first);
        if (first != self->selection->len - 1)
          g_ptr_array_remove_index (self->selection, first);
      }
      _waymark_canvas_selection_changed (self);
      break;
    case WAYMARK_CANVAS_SELECT_REPLACE:
    default:
      {
        g_autoptr(GPtrArray) one = g_ptr_array_new ();

        if (self->selection->len == 1 && g_ptr_array_index (self->selection, 0) == item)
          return;
        g_ptr_array_add (one, item);
        _waymark_canvas_set_selection (self, one);
      }
      break;
    }
}

void
waymark_canvas_select_all (WaymarkCanvas *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->journey == NULL)
    return;
  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (self->journey, type);

      g_ptr_array_extend (all, cards, NULL, NULL);
    }
  _waymark_canvas_set_selection (self, all);
}

void
waymark_canvas_unselect_all (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->selection->len == 0)
    return;
  clear_selection (self);
  _waymark_canvas_selection_changed (self);
}

/* The selected cards in journey order: the order they keep when moved. */
GPtrArray *
_waymark_canvas_selected_cards (WaymarkCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new ();

  if (self->journey == NULL || self->selection->len == 0)
    return cards;

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *all = waymark_journey_get_items (self->journey, type);

      /* One pass in journey order (index_of is a linear search too). */
      for (guint i = 0; i < all->len; i++)
        if (g_hash_table_contains (self->selected, g_ptr_array_index (all, i)))
          g_ptr_array_add (cards, g_ptr_array_index (all, i));
    }
  return cards;
}

gpointer
_waymark_canvas_cursor_card (WaymarkCanvas *self)
{
  gpointer last;

  if (self->selection->len == 0)
    return NULL;
  last = g_ptr_array_index (self->selection, self->selection->len - 1);
  return _waymark_canvas_is_card (last) ? last : NULL;
}

static gboolean
phase_in_journey (WaymarkCanvas *self,
                  WaymarkPhase  *phase)
{
  return phase != NULL && self->journey != NULL && waymark_journey_index_of (self->journey, phase) >= 0;
}

static gboolean
lane_in_journey (WaymarkCanvas *self,
                 WaymarkLane   *lane)
{
  return lane != NULL && self->journey != NULL && waymark_journey_index_of (self->journey, lane) >= 0;
}

/* Where a new card goes: after the cursor card, or at the end of the
 * cursor cell, or in the first cell that holds cards. */
gboolean
_waymark_canvas_cursor_cell (WaymarkCanvas  *self,
                             WaymarkPhase  **phase,
                             WaymarkLane   **lane,
                             guint          *index)
{
  gpointer card = _waymark_canvas_cursor_card (self);
  GPtrArray *lanes;

  *phase = NULL;
  *lane = NULL;
  *index = G_MAXUINT;
  if (self->journey == NULL)
    return FALSE;

  if (card != NULL)
    {
      g_autoptr(GPtrArray) cell = NULL;

      if (waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT)
        *phase = ((WaymarkTouchpoint *) card)->phase, *lane = ((WaymarkTouchpoint *) card)->lane;
      else
        *phase = ((WaymarkNote *) card)->phase, *lane = ((WaymarkNote *) card)->lane;
      cell = waymark_journey_get_cell (self->journey, *phase, *lane);
      for (guint i = 0; i < cell->len; i++)
        if (g_ptr_array_index (cell, i) == card)
          *index = i + 1;
      return TRUE;
    }

  if (phase_in_journey (self, self->cursor_phase) && lane_in_journey (self, self->cursor_lane))
    {
      *phase = self->cursor_phase;
      *lane = self->cursor_lane;
      return TRUE;
    }

  if (waymark_journey_get_n_items (self->journey, WAYMARK_ITEM_PHASE) == 0)
    return FALSE;
  lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *l = g_ptr_array_index (lanes, i);

      if (waymark_lane_kind_holds_cards (l->kind))
        {
          *phase = waymark_journey_get_item (self->journey, WAYMARK_ITEM_PHASE, 0);
          *lane = l;
          return TRUE;
        }
    }
  return FALSE;
}

void
_waymark_canvas_set_cursor_cell (WaymarkCanvas *self,
                                 WaymarkPhase  *phase,
                                 WaymarkLane   *lane)
{
  self->cursor_phase = phase;
  self->cursor_lane = lane;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
_waymark_canvas_is_card (gconstpointer item)
{
  return waymark_describe_is_card (item);
}

gpointer
_waymark_canvas_get_hover (WaymarkCanvas *self)
{
  return self->hover;
}

void
_waymark_canvas_set_hover (WaymarkCanvas *self,
                           gpointer       item)
{
  if (self->hover == item)
    return;
  self->hover = item;
  _waymark_canvas_invalidate (self);
  /* The link handle follows the hovered card. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
_waymark_canvas_can_edit (WaymarkCanvas *self)
{
  return self->history != NULL && !self->read_only;
}

WaymarkJourney *
_waymark_canvas_get_journey (WaymarkCanvas *self)
{
  return self->journey;
}

WaymarkHistory *
_waymark_canvas_get_history (WaymarkCanvas *self)
{
  return self->history;
}

void
_waymark_canvas_toast (WaymarkCanvas *self,
                       const char    *title,
                       gboolean       undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* ---- The document ---- */

static void
drop_item_references (WaymarkCanvas *self,
                      gpointer       item)
{
  if (self->hover == item)
    self->hover = NULL;
  waymark_canvas_drag_forget (self->drag, item);
  if ((gpointer) self->cursor_phase == item)
    self->cursor_phase = NULL;
  if ((gpointer) self->cursor_lane == item)
    self->cursor_lane = NULL;
  if (waymark_inline_editor_get_item (self->editor) == item)
    _waymark_canvas_stop_editing (self, FALSE);
  _waymark_canvas_forget_card_keys_item (self, item);
  if (g_hash_table_contains (self->selected, item))
    {
      g_hash_table_remove (self->selected, item);
      g_ptr_array_remove (self->selection, item);
      _waymark_canvas_selection_changed (self);
    }
}

static void
forget_items (WaymarkCanvas *self)
{
  self->hover = NULL;
  waymark_canvas_drag_forget (self->drag, NULL);
  self->cursor_phase = NULL;
  self->cursor_lane = NULL;
  _waymark_canvas_forget_card_keys_item (self, NULL);
}

static void
journey_changed_cb (WaymarkCanvas  *self,
                    WaymarkChange  *change,
                    WaymarkJourney *journey)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  switch (change->kind)
    {
    case WAYMARK_CHANGE_REMOVED:
      /* A change in the middle of a drag (an undo from the toast) ends it. */
      if (waymark_canvas_drag_is_active (self->drag))
        waymark_canvas_drag_cancel (self->drag);
      drop_item_references (self, change->item);
      break;
    case WAYMARK_CHANGE_RELOADED:
      waymark_canvas_drag_cancel (self->drag);
      _waymark_canvas_stop_editing (self, FALSE);
      forget_items (self);
      waymark_canvas_unselect_all (self);
      break;
    case WAYMARK_CHANGE_EDITED:
      /* An accessible description names the card's cell and title. */
      if (g_hash_table_contains (self->selected, change->item))
        _waymark_canvas_selection_changed (self);
      break;
    case WAYMARK_CHANGE_PROPERTIES:
    case WAYMARK_CHANGE_INSERTED:
    case WAYMARK_CHANGE_MOVED:
    default:
      break;
    }
}

static void
layout_invalidated_cb (WaymarkCanvas *self,
                       WaymarkLayout *layout)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_invalidate (self);
  /* The map may have grown or shrunk, and parts follow cards. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
unbind_journey (WaymarkCanvas *self)
{
  waymark_canvas_drag_cancel (self->drag);
  _waymark_canvas_stop_editing (self, FALSE);
  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));

  g_signal_group_set_target (self->journey_signals, NULL);
  g_signal_group_set_target (self->layout_signals, NULL);
  clear_selection (self);
  forget_items (self);
  g_clear_object (&self->layout);
  g_clear_object (&self->history);
  g_clear_object (&self->journey);
}

/* The document's journey, and a layout of it: on a new document and when
 * the document's journey is replaced (a reload). */
static void
bind_journey (WaymarkCanvas *self)
{
  unbind_journey (self);

  if (self->document != NULL)
    {
      self->journey = g_object_ref (waymark_document_get_journey (self->document));
      self->history = g_object_ref (waymark_document_get_history (self->document));
      /* No screen context: the map is laid out as it prints (see
       * app/render/README.md), so zooming never re-breaks text. */
      self->layout = waymark_layout_new (self->journey, NULL);
      waymark_layout_set_highlight (self->layout, self->highlight, self->checker);
      g_signal_group_set_target (self->journey_signals, self->journey);
      g_signal_group_set_target (self->layout_signals, self->layout);
    }

  _waymark_canvas_selection_changed (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
document_journey_cb (WaymarkCanvas   *self,
                     GParamSpec      *pspec,
                     WaymarkDocument *document)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  bind_journey (self);
}

static void
set_read_only (WaymarkCanvas *self,
               gboolean       read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  if (read_only)
    _waymark_canvas_stop_editing (self, FALSE);
  _waymark_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

void
waymark_canvas_set_document (WaymarkCanvas   *self,
                             WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  /* Sets "read-only" from the document's at once. */
  g_binding_group_set_source (self->document_bindings, document);
  if (document == NULL)
    set_read_only (self, FALSE);

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);

  bind_journey (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WaymarkDocument *
waymark_canvas_get_document (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);

  return self->document;
}

WaymarkLayout *
waymark_canvas_get_layout (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);

  return self->layout;
}

/* ---- Zoom ---- */

double
waymark_canvas_get_zoom (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), 1.0);

  return self->zoom;
}

/* Keeps the map point under (x, y) where it is. */
void
_waymark_canvas_zoom_at (WaymarkCanvas *self,
                         double         zoom,
                         double         x,
                         double         y)
{
  double mx, my;
  gboolean could_in, could_out;

  zoom = CLAMP (zoom, WAYMARK_CANVAS_MIN_ZOOM, WAYMARK_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  could_in = self->zoom < WAYMARK_CANVAS_MAX_ZOOM;
  could_out = self->zoom > WAYMARK_CANVAS_MIN_ZOOM;
  _waymark_canvas_widget_to_map (self, x, y, &mx, &my);
  self->zoom = zoom;
  _waymark_canvas_configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, mx * zoom + self->origin_x - x);
  gtk_adjustment_set_value (self->vadjustment, my * zoom + self->origin_y - y);

  _waymark_canvas_invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  if (could_in != (zoom < WAYMARK_CANVAS_MAX_ZOOM))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_IN]);
  if (could_out != (zoom > WAYMARK_CANVAS_MIN_ZOOM))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_OUT]);
  _waymark_canvas_update_actions (self);
}

void
waymark_canvas_set_top_inset (WaymarkCanvas *self,
                              double         pixels)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  pixels = MAX (0, pixels);
  if (fabs (pixels - self->top_inset) < 0.5)
    return;
  self->top_inset = pixels;
  _waymark_canvas_configure_adjustments (self);
  _waymark_canvas_invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
waymark_canvas_set_zoom (WaymarkCanvas *self,
                         double         zoom)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_zoom_at (self, zoom,
                           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* ---- Dark style ---- */

gboolean
waymark_canvas_get_dark (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  return self->dark;
}

static void
update_dark (WaymarkCanvas *self,
             gboolean       dark)
{
  if (self->dark == dark)
    return;
  self->dark = dark;
  _waymark_canvas_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

void
waymark_canvas_set_dark (WaymarkCanvas *self,
                         gboolean       dark)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  self->dark_set = TRUE;
  update_dark (self, dark);
}

static void
style_dark_cb (AdwStyleManager *manager,
               GParamSpec      *pspec,
               WaymarkCanvas   *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  if (!self->dark_set)
    update_dark (self, adw_style_manager_get_dark (manager));
}

/* ---- Tooltips ---- */

static gboolean
waymark_canvas_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autofree char *text = NULL;
  WaymarkHit hit;

  if (keyboard || waymark_canvas_drag_is_active (self->drag) || waymark_canvas_is_editing (self))
    return FALSE;
  /* The handle is a part that takes no input of its own. */
  if (waymark_canvas_drag_on_link_handle (self->drag, x, y))
    {
      gtk_tooltip_set_text (tooltip, _("Drag onto another touchpoint to link them"));
      return TRUE;
    }
  if (!_waymark_canvas_hit (self, x, y, &hit))
    return FALSE;

  switch (hit.kind)
    {
    case WAYMARK_HIT_EMOTION_POINT:
      {
        WaymarkTouchpoint *tp = hit.item;

        if (tp->emotion_note != NULL)
          text = g_strdup_printf (_("%s\nEmotion: %+d, %s (“%s”)\nDrag up or down to change it"),
                                  tp->title ? tp->title : "", tp->emotion, waymark_describe_emotion (tp->emotion),
                                  tp->emotion_note);
        else
          text = g_strdup_printf (_("%s\nEmotion: %+d, %s\nDrag up or down to change it"),
                                  tp->title ? tp->title : "", tp->emotion, waymark_describe_emotion (tp->emotion));
      }
      break;
    case WAYMARK_HIT_LINK:
      {
        WaymarkLink *link = hit.item;

        text = g_strdup_printf (_("Customer flow: “%s” → “%s”"),
                                link->from->title ? link->from->title : "",
                                link->to->title ? link->to->title : "");
      }
      break;
    case WAYMARK_HIT_PHASE_HEADER:
      text = g_strdup_printf (_("%s\nDouble-click to rename, drag to reorder, right-click for more"),
                              ((WaymarkPhase *) hit.item)->name);
      break;
    case WAYMARK_HIT_LANE_HEADER:
      text = g_strdup_printf (_("%s\nDouble-click to rename, drag to reorder, right-click for more"),
                              ((WaymarkLane *) hit.item)->name);
      break;
    case WAYMARK_HIT_CARD:
      if (waymark_item_get_item_type (hit.item) == WAYMARK_ITEM_TOUCHPOINT)
        {
          WaymarkTouchpoint *tp = hit.item;

          if (tp->description != NULL)
            text = g_strdup_printf ("%s\n%s", tp->title ? tp->title : "", tp->description);
        }
      break;
    case WAYMARK_HIT_CELL:
      if (!self->read_only && hit.lane != NULL)
        {
          if (hit.lane->kind == WAYMARK_LANE_TOUCHPOINTS)
            text = g_strdup (_("Double-click to add a touchpoint, or drag one here from the palette"));
          else if (hit.lane->kind == WAYMARK_LANE_NOTES)
            text = g_strdup (_("Double-click to add a note"));
        }
      break;
    case WAYMARK_HIT_NONE:
    default:
      break;
    }

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GObject ---- */

static void
adjustment_value_changed_cb (WaymarkCanvas *self,
                             GtkAdjustment *adjustment)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (WaymarkCanvas  *self,
                GtkAdjustment **slot,
                GSignalGroup   *followed,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  g_signal_group_set_target (followed, adjustment);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
waymark_canvas_dispose (GObject *object)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  waymark_canvas_set_document (self, NULL);
  g_clear_object (&self->drag);
  g_clear_pointer (&self->drop_preview, gtk_widget_unparent);
  g_clear_pointer (&self->cursor_box, gtk_widget_unparent);
  if (self->editor != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->editor)));
  _waymark_canvas_dispose_card_keys (self);
  _waymark_canvas_dispose_findings (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->base_surface, cairo_surface_destroy);
  _waymark_canvas_marks_dispose (self);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->journey_signals);
  g_clear_object (&self->layout_signals);
  g_clear_object (&self->hadjustment_signals);
  g_clear_object (&self->vadjustment_signals);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (waymark_canvas_parent_class)->dispose (object);
}

static void
waymark_canvas_finalize (GObject *object)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  g_hash_table_unref (self->selected);
  g_ptr_array_unref (self->selection);

  G_OBJECT_CLASS (waymark_canvas_parent_class)->finalize (object);
}

static void
waymark_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_CAN_ZOOM_IN:
      g_value_set_boolean (value, self->zoom < WAYMARK_CANVAS_MAX_ZOOM);
      break;
    case PROP_CAN_ZOOM_OUT:
      g_value_set_boolean (value, self->zoom > WAYMARK_CANVAS_MIN_ZOOM);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      waymark_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_DARK:
      waymark_canvas_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, self->hadjustment_signals, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, self->vadjustment_signals, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_canvas_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
waymark_canvas_class_init (WaymarkCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_canvas_dispose;
  object_class->finalize = waymark_canvas_finalize;
  object_class->get_property = waymark_canvas_get_property;
  object_class->set_property = waymark_canvas_set_property;

  widget_class->measure = waymark_canvas_measure;
  widget_class->size_allocate = waymark_canvas_size_allocate;
  widget_class->snapshot = waymark_canvas_snapshot;
  widget_class->query_tooltip = waymark_canvas_query_tooltip;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, WAYMARK_CANVAS_MIN_ZOOM, WAYMARK_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ZOOM_IN] =
    g_param_spec_boolean ("can-zoom-in", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ZOOM_OUT] =
    g_param_spec_boolean ("can-zoom-out", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);

  _waymark_canvas_class_init_keys (widget_class);
  _waymark_canvas_class_init_card_keys (widget_class);
  _waymark_canvas_class_init_zoom (widget_class);
  _waymark_canvas_class_init_edit (widget_class);
}

static void
waymark_canvas_init (WaymarkCanvas *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->zoom = 1.0;
  self->selection = g_ptr_array_new_with_free_func (waymark_item_unref);
  self->selected = g_hash_table_new_full (NULL, NULL, waymark_item_unref, NULL);

  /* The document, its journey and its layout, followed while set. */
  self->document_signals = g_signal_group_new (WAYMARK_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::journey",
                                 G_CALLBACK (document_journey_cb), self, G_CONNECT_SWAPPED);
  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "read-only", self, "read-only", G_BINDING_SYNC_CREATE);
  self->journey_signals = g_signal_group_new (WAYMARK_TYPE_JOURNEY);
  g_signal_group_connect_object (self->journey_signals, "changed",
                                 G_CALLBACK (journey_changed_cb), self, G_CONNECT_SWAPPED);
  self->layout_signals = g_signal_group_new (WAYMARK_TYPE_LAYOUT);
  g_signal_group_connect_object (self->layout_signals, "invalidated",
                                 G_CALLBACK (layout_invalidated_cb), self, G_CONNECT_SWAPPED);

  self->hadjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_object (self->hadjustment_signals, "value-changed",
                                 G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  self->vadjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_object (self->vadjustment_signals, "value-changed",
                                 G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  set_adjustment (self, &self->hadjustment, self->hadjustment_signals, NULL);
  set_adjustment (self, &self->vadjustment, self->vadjustment_signals, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("accessible name of the canvas", "Journey map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Nothing selected"),
                                  -1);

  _waymark_canvas_init_parts (self);
  self->drag = waymark_canvas_drag_new (self);
  self->editor = WAYMARK_INLINE_EDITOR (waymark_inline_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  g_signal_connect_object (self->editor, "notify::item", G_CALLBACK (editor_item_cb), self, G_CONNECT_SWAPPED);
  _waymark_canvas_init_card_keys (self);
  _waymark_canvas_init_findings (self);

  self->dark = adw_style_manager_get_dark (style);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_dark_cb), self, 0);

  _waymark_canvas_init_input (self);
  _waymark_canvas_init_zoom (self);
  _waymark_canvas_init_menu (self);
  _waymark_canvas_init_present (self);
  _waymark_canvas_update_actions (self);
}

GtkWidget *
waymark_canvas_new (void)
{
  return g_object_new (WAYMARK_TYPE_CANVAS, NULL);
}
