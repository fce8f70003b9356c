/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presentation mode: the map for a projector.  The layout takes the
 * presentation density (much larger text, thin gutters, one card per row),
 * the zoom fits up to five phases to the width, the phase headers and the
 * emotion curve stay in view at the top and bottom (waymark-canvas-sticky.c)
 * while a tall map scrolls between them, and the arrows or Page Down step
 * through the phases one at a time: the current one is lit, the others
 * dimmed. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* The most phases fitted to the width at once; a longer map scrolls. */
#define PRESENT_PHASES 5
/* How much the phases out of turn are dimmed. */
#define VEIL_ALPHA 0.55

/* The rows that stay in view whatever is scrolled: the phase headers
 * (pinned at the top) and the emotion lane (pinned at the bottom). */
static double
pinned_rows_height (WaymarkCanvas *self)
{
  GPtrArray *phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  WaymarkRect rect;
  double height = 0;

  if (phases->len > 0 && waymark_layout_get_phase_header_rect (self->layout, g_ptr_array_index (phases, 0), &rect))
    height += rect.height;
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (lane->kind == WAYMARK_LANE_EMOTION && waymark_layout_get_lane_rect (self->layout, lane, &rect))
        {
          height += rect.height;
          break;
        }
    }
  return height;
}

double
_waymark_canvas_present_zoom (WaymarkCanvas *self,
                              int            width,
                              int            height)
{
  GPtrArray *phases;
  WaymarkRect rect;
  double map_width, map_height, right, zoom;

  if (self->layout == NULL)
    return self->zoom;
  phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  waymark_layout_get_size (self->layout, &map_width, &map_height);
  if (phases->len == 0)
    return CLAMP (MIN (width / map_width, height / map_height), WAYMARK_CANVAS_MIN_ZOOM, WAYMARK_CANVAS_MAX_ZOOM);

  /* The lane headers and up to five phases across the width (a tall map
   * scrolls under its pinned headers and emotion curve)… */
  if (!waymark_layout_get_phase_rect (self->layout, g_ptr_array_index (phases, MIN (phases->len, PRESENT_PHASES) - 1),
                                      &rect))
    return self->zoom;
  right = phases->len <= PRESENT_PHASES ? map_width : rect.x + rect.width + 16;
  zoom = width / right;
  /* …and the pinned rows leave two thirds of the height to the cards. */
  if (pinned_rows_height (self) > 0)
    zoom = MIN (zoom, height / (3 * pinned_rows_height (self)));
  return CLAMP (zoom, WAYMARK_CANVAS_MIN_ZOOM, WAYMARK_CANVAS_MAX_ZOOM);
}

/* Fits the zoom to the widget's size and brings the current phase into
 * view, headers at the top. */
static void
present_fit (WaymarkCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GPtrArray *phases;
  WaymarkRect rect, header;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;
  self->present_width = width;
  self->present_height = height;
  waymark_canvas_set_zoom (self, _waymark_canvas_present_zoom (self, width, height));
  _waymark_canvas_configure_adjustments (self);

  phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  if (phases->len == 0 ||
      !waymark_layout_get_phase_header_rect (self->layout, g_ptr_array_index (phases, 0), &header))
    return;
  self->present_phase = MIN (self->present_phase, phases->len - 1);
  if (waymark_layout_get_phase_rect (self->layout, g_ptr_array_index (phases, self->present_phase), &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
  /* The phase headers at the top, the cards below them from the first. */
  gtk_adjustment_set_value (self->vadjustment, header.y * self->zoom + self->origin_y - 8);
  _waymark_canvas_invalidate (self);
}

static gboolean
present_fit_idle (gpointer data)
{
  WaymarkCanvas *self = data;

  if (self->presenting)
    present_fit (self);
  return G_SOURCE_REMOVE;
}

void
_waymark_canvas_present_allocate (WaymarkCanvas *self)
{
  if (!self->presenting)
    return;
  /* Going full screen arrives as a new size: fit again, once per size,
   * and not from inside the allocation. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) != self->present_width ||
      gtk_widget_get_height (GTK_WIDGET (self)) != self->present_height)
    {
      self->present_width = gtk_widget_get_width (GTK_WIDGET (self));
      self->present_height = gtk_widget_get_height (GTK_WIDGET (self));
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, present_fit_idle, g_object_ref (self), g_object_unref);
    }
}

void
waymark_canvas_set_presenting (WaymarkCanvas *self,
                               gboolean       presenting)
{
  gpointer card;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  presenting = !!presenting;
  if (presenting == self->presenting)
    return;
  self->presenting = presenting;
  _waymark_canvas_stop_editing (self, TRUE);
  waymark_quick_add_cancel (self->quick_add);
  _waymark_canvas_cancel_link (self);

  if (presenting)
    {
      self->zoom_before = self->zoom;
      self->top_inset_before = self->top_inset;
      waymark_canvas_set_top_inset (self, 0);
      /* Start at the phase of what is selected. */
      card = _waymark_canvas_cursor_card (self);
      self->present_phase = 0;
      if (card != NULL)
        {
          WaymarkPhase *phase = waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT
                                  ? ((WaymarkTouchpoint *) card)->phase : ((WaymarkNote *) card)->phase;

          self->present_phase = (guint) MAX (0, waymark_journey_index_of (self->journey, phase));
        }
      if (self->layout != NULL)
        {
          self->slots_before = waymark_layout_get_max_slots (self->layout);
          waymark_layout_set_density (self->layout, WAYMARK_LAYOUT_DENSITY_PRESENTATION);
          /* One card per row: the columns stay as narrow as a card. */
          waymark_layout_set_max_slots (self->layout, 1);
        }
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
      present_fit (self);
    }
  else
    {
      if (self->layout != NULL)
        {
          waymark_layout_set_density (self->layout, WAYMARK_LAYOUT_DENSITY_SCREEN);
          waymark_layout_set_max_slots (self->layout, self->slots_before);
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
      waymark_canvas_set_top_inset (self, self->top_inset_before);
      waymark_canvas_set_zoom (self, self->zoom_before);
      self->present_width = self->present_height = 0;
    }
  _waymark_canvas_invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

gboolean
waymark_canvas_get_presenting (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  return self->presenting;
}

guint
waymark_canvas_get_present_phase (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), 0);

  return self->present_phase;
}

void
waymark_canvas_step_phase (WaymarkCanvas *self,
                           int            step)
{
  guint n;
  int phase;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (!self->presenting || self->journey == NULL)
    return;
  n = waymark_journey_get_n_items (self->journey, WAYMARK_ITEM_PHASE);
  if (n == 0)
    return;
  phase = CLAMP ((int) self->present_phase + step, 0, (int) n - 1);
  if ((guint) phase == self->present_phase)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  self->present_phase = (guint) phase;
  present_fit (self);
}

/* The phases out of turn behind a veil, all but the emotion curve, which
 * stays whole. */
void
_waymark_canvas_snapshot_present (WaymarkCanvas        *self,
                                  GtkSnapshot          *snapshot,
                                  const WaymarkPalette *palette)
{
  GPtrArray *phases, *lanes;
  GdkRGBA veil = { palette->page.red, palette->page.green, palette->page.blue, VEIL_ALPHA };
  gboolean pinned;
  double pinned_top = 0;

  if (!self->presenting || self->layout == NULL)
    return;
  phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  /* The emotion lane pinned at the bottom stays whole too. */
  pinned = _waymark_canvas_emotion_pinned (self, &pinned_top);
  if (pinned)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)), pinned_top));
  for (guint i = 0; i < phases->len; i++)
    {
      WaymarkRect phase_rect;
      double y;

      if (i == self->present_phase || !waymark_layout_get_phase_rect (self->layout, g_ptr_array_index (phases, i),
                                                                      &phase_rect))
        continue;
      /* Band by band between the emotion lanes. */
      y = phase_rect.y;
      for (guint j = 0; j <= lanes->len; j++)
        {
          WaymarkLane *lane = j < lanes->len ? g_ptr_array_index (lanes, j) : NULL;
          WaymarkRect lane_rect = { 0, phase_rect.y + phase_rect.height, 0, 0 };
          WaymarkRect band;
          graphene_rect_t bounds;

          if (lane != NULL && (lane->kind != WAYMARK_LANE_EMOTION ||
                               !waymark_layout_get_lane_rect (self->layout, lane, &lane_rect)))
            continue;
          band = (WaymarkRect) { phase_rect.x, y, phase_rect.width, MAX (0, lane_rect.y - y) };
          if (band.height > 0)
            {
              _waymark_canvas_rect_to_widget (self, &band, &bounds);
              gtk_snapshot_append_color (snapshot, &veil, &bounds);
            }
          y = lane_rect.y + lane_rect.height;
        }
    }
  if (pinned)
    gtk_snapshot_pop (snapshot);
}

static gboolean
present_key_cb (WaymarkCanvas         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  if (!self->presenting)
    return FALSE;
  /* Shortcuts with modifiers (Ctrl+S, Ctrl+Q) keep working. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
      waymark_canvas_step_phase (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      waymark_canvas_step_phase (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      waymark_canvas_step_phase (self, -(int) self->present_phase);
      return TRUE;
    case GDK_KEY_End:
      waymark_canvas_step_phase (self, G_MAXINT / 2);
      return TRUE;
    case GDK_KEY_Escape:
    case GDK_KEY_F11:
      /* The window leaves full screen and brings the panels back. */
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.present", NULL))
        waymark_canvas_set_presenting (self, FALSE);
      return TRUE;
    default:
      /* The room looks at the map: no key edits it by accident. */
      return TRUE;
    }
}

void
_waymark_canvas_init_present (WaymarkCanvas *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (present_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
