/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-clipboard.h"
#include "waymark-edits.h"
#include "waymark-fragment.h"
#include "waymark-describe.h"

/* The canvas actions and their keys.  A facilitator can build a whole map
 * without a pointer: arrows move the cursor, Ctrl+arrows move cards,
 * Enter adds or edits, Delete deletes. */

static int
cell_position (WaymarkJourney  *journey,
               gconstpointer    card,
               GPtrArray      **out_cell)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  GPtrArray *cell;
  guint index = 0;

  waymark_describe_card_cell (card, &phase, &lane);
  cell = waymark_journey_get_cell (journey, phase, lane);
  if (!g_ptr_array_find (cell, card, &index))
    index = 0;
  if (out_cell)
    *out_cell = cell;
  else
    g_ptr_array_unref (cell);
  return (int) index;
}

/* ---- Moving the cursor ---- */

/* The card of @cell nearest to (@x, @y), looking only at cards past the
 * point in the direction (@dx, @dy) when @strict. */
static gpointer
nearest_card (WaymarkCanvas *self,
              GPtrArray     *cell,
              double         x,
              double         y,
              int            dx,
              int            dy,
              gboolean       strict,
              gconstpointer  skip)
{
  gpointer best = NULL;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < cell->len; i++)
    {
      gpointer card = g_ptr_array_index (cell, i);
      WaymarkRect rect;
      double cx, cy, distance;

      if (card == skip || !waymark_layout_get_card_rect (self->layout, card, &rect))
        continue;
      cx = rect.x + rect.width / 2;
      cy = rect.y + rect.height / 2;
      if (strict)
        {
          if ((dx > 0 && cx <= x + 1) || (dx < 0 && cx >= x - 1) ||
              (dy > 0 && cy <= y + 1) || (dy < 0 && cy >= y - 1))
            continue;
          /* Along the direction first: the next card in the row or the
           * column, not the one diagonally nearer. */
          if (dx != 0 && fabs (cy - y) > rect.height / 2)
            continue;
        }
      distance = dx != 0 ? fabs (cx - x) * 4 + fabs (cy - y) : fabs (cy - y) * 4 + fabs (cx - x);
      if (distance < best_distance)
        {
          best = card;
          best_distance = distance;
        }
    }
  return best;
}

static gboolean
lane_holds (WaymarkLane *lane)
{
  return waymark_lane_kind_holds_cards (lane->kind);
}

void
_waymark_canvas_move_cursor (WaymarkCanvas *self,
                             int            dx,
                             int            dy,
                             gboolean       extend)
{
  gpointer card = _waymark_canvas_cursor_card (self);
  GPtrArray *phases, *lanes;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  WaymarkRect rect;
  gpointer target = NULL;
  guint index;
  int pi, li;
  double x, y;

  if (self->layout == NULL || !_waymark_canvas_cursor_cell (self, &phase, &lane, &index))
    return;
  phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
  lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);

  if (card != NULL && waymark_layout_get_card_rect (self->layout, card, &rect))
    ;
  else if (!waymark_layout_get_cell_rect (self->layout, phase, lane, &rect))
    return;
  x = rect.x + rect.width / 2;
  y = rect.y + rect.height / 2;

  /* Within the cell first. */
  if (card != NULL)
    {
      g_autoptr(GPtrArray) cell = waymark_journey_get_cell (self->journey, phase, lane);

      target = nearest_card (self, cell, x, y, dx, dy, TRUE, card);
    }

  /* Then the next cell that holds cards. */
  pi = waymark_journey_index_of (self->journey, phase);
  li = waymark_journey_index_of (self->journey, lane);
  while (target == NULL)
    {
      g_autoptr(GPtrArray) cell = NULL;
      WaymarkRect cell_rect;

      pi += dx;
      li += dy;
      if (pi < 0 || li < 0 || (guint) pi >= phases->len || (guint) li >= lanes->len)
        return;
      if (!lane_holds (g_ptr_array_index (lanes, li)))
        continue;
      phase = g_ptr_array_index (phases, pi);
      lane = g_ptr_array_index (lanes, li);
      cell = waymark_journey_get_cell (self->journey, phase, lane);
      if (cell->len == 0)
        {
          /* An empty cell: the cursor rests on it (Enter adds a card). */
          if (!extend)
            waymark_canvas_unselect_all (self);
          _waymark_canvas_set_cursor_cell (self, phase, lane);
          if (waymark_layout_get_cell_rect (self->layout, phase, lane, &cell_rect))
            waymark_canvas_scroll_to_rect (self, &cell_rect);
          return;
        }
      /* Entering from above takes the top band, from below the bottom
       * one, from a side the nearest row. */
      if (waymark_layout_get_cell_rect (self->layout, phase, lane, &cell_rect))
        {
          double ey = dy > 0 ? cell_rect.y : dy < 0 ? cell_rect.y + cell_rect.height : y;
          double ex = dx > 0 ? cell_rect.x : dx < 0 ? cell_rect.x + cell_rect.width : x;

          target = nearest_card (self, cell, ex, ey, dx, dy, FALSE, NULL);
        }
    }

  waymark_canvas_select_item (self, target,
                              extend ? WAYMARK_CANVAS_SELECT_ADD : WAYMARK_CANVAS_SELECT_REPLACE);
  if (waymark_layout_get_card_rect (self->layout, target, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
}

/* ---- Moving cards ---- */

static int
next_lane_for (WaymarkCanvas *self,
               WaymarkLane   *lane,
               int            step)
{
  GPtrArray *lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
  int i = waymark_journey_index_of (self->journey, lane);

  for (i += step; i >= 0 && (guint) i < lanes->len; i += step)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i))->kind == lane->kind)
      return i;
  return -1;
}

gboolean
_waymark_canvas_move_cards_by (WaymarkCanvas *self,
                               int            dx,
                               int            dy)
{
  gpointer anchor = _waymark_canvas_cursor_card (self);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint position;
  int first = G_MAXINT, last = -1, in_cell = 0;
  WaymarkRect rect;

  if (anchor == NULL || !_waymark_canvas_can_edit (self))
    return FALSE;

  selected = _waymark_canvas_selected_cards (self);
  cards = g_ptr_array_new ();
  for (guint i = 0; i < selected->len; i++)
    if (waymark_item_get_item_type (g_ptr_array_index (selected, i)) == waymark_item_get_item_type (anchor))
      g_ptr_array_add (cards, g_ptr_array_index (selected, i));

  waymark_describe_card_cell (anchor, &phase, &lane);
  cell_position (self->journey, anchor, &cell);
  for (guint i = 0; i < cell->len; i++)
    if (g_ptr_array_find (cards, g_ptr_array_index (cell, i), NULL))
      {
        first = MIN (first, (int) i);
        last = MAX (last, (int) i);
        in_cell++;
      }

  if (dx != 0)
    {
      int pi = waymark_journey_index_of (self->journey, phase) + dx;

      if (pi < 0 || (guint) pi >= waymark_journey_get_n_items (self->journey, WAYMARK_ITEM_PHASE))
        return FALSE;
      /* Level with where they were. */
      position = (guint) MAX (first, 0);
      phase = waymark_journey_get_item (self->journey, WAYMARK_ITEM_PHASE, (guint) pi);
    }
  else if (dy < 0 && first > 0)
    position = (guint) first - 1;
  else if (dy > 0 && last >= 0 && (guint) last + 1 < cell->len)
    position = (guint) (last + 2 - in_cell);
  else
    {
      /* At the edge of the cell: on to the next lane of the same kind. */
      int li = next_lane_for (self, lane, dy);

      if (li < 0)
        return FALSE;
      lane = waymark_journey_get_item (self->journey, WAYMARK_ITEM_LANE, (guint) li);
      position = dy < 0 ? G_MAXUINT : 0;
    }

  if (!waymark_edits_move_cards (self->history, cards, phase, lane, position))
    return FALSE;
  _waymark_canvas_set_cursor_cell (self, phase, lane);
  if (waymark_layout_get_card_rect (self->layout, anchor, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
  return TRUE;
}

/* ---- Deleting ---- */

static guint
count_cards_in (WaymarkJourney *journey,
                gpointer        item)
{
  guint n = 0;

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (journey, type);

      for (guint i = 0; i < cards->len; i++)
        {
          WaymarkPhase *phase;
          WaymarkLane *lane;

          waymark_describe_card_cell (g_ptr_array_index (cards, i), &phase, &lane);
          if ((gpointer) phase == item || (gpointer) lane == item)
            n++;
        }
    }
  return n;
}

void
_waymark_canvas_delete_selection (WaymarkCanvas *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  gpointer first;

  if (!_waymark_canvas_can_edit (self) || self->selection->len == 0)
    return;

  items = g_ptr_array_new_with_free_func (waymark_item_unref);
  for (guint i = 0; i < self->selection->len; i++)
    g_ptr_array_add (items, waymark_item_ref (g_ptr_array_index (self->selection, i)));
  first = g_ptr_array_index (items, 0);

  switch (waymark_item_get_item_type (first))
    {
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
      {
        const char *name = waymark_item_get_item_type (first) == WAYMARK_ITEM_PHASE
                             ? ((WaymarkPhase *) first)->name : ((WaymarkLane *) first)->name;
        guint n = count_cards_in (self->journey, first);

        if (n == 0)
          title = g_strdup_printf (_("Deleted “%s”"), name);
        else
          title = g_strdup_printf (ngettext ("Deleted “%s” and its card", "Deleted “%s” and its %u cards", n),
                                   name, n);
      }
      break;
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
      if (items->len == 1)
        {
          const char *text = waymark_item_get_item_type (first) == WAYMARK_ITEM_TOUCHPOINT
                               ? ((WaymarkTouchpoint *) first)->title : ((WaymarkNote *) first)->text;
          g_autofree char *shown = NULL;

          if (text == NULL || text[0] == '\0')
            title = g_strdup (_("Deleted a card"));
          else
            {
              /* Notes can be long: a toast shows the start. */
              shown = g_utf8_strlen (text, -1) > 40 ? g_strconcat (g_utf8_substring (text, 0, 38), "…", NULL)
                                                   : g_strdup (text);
              title = g_strdup_printf (_("Deleted “%s”"), shown);
            }
        }
      else
        title = g_strdup_printf (ngettext ("Deleted %u card", "Deleted %u cards", items->len), items->len);
      break;
    case WAYMARK_ITEM_LINK:
      title = g_strdup (_("Deleted the link"));
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return;
    }

  waymark_edits_delete (self->history, items);
  _waymark_canvas_toast (self, title, TRUE);
}

/* ---- Actions ---- */

static void
move_cursor_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  int dx, dy;
  gboolean extend;

  g_variant_get (parameter, "(iib)", &dx, &dy, &extend);
  _waymark_canvas_move_cursor (WAYMARK_CANVAS (widget), dx, dy, extend);
}

static void
move_cards_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  _waymark_canvas_move_cards_by (WAYMARK_CANVAS (widget), dx, dy);
}

static void
activate_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gpointer item = waymark_canvas_get_selected_item (self);
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;

  if (!_waymark_canvas_can_edit (self))
    return;
  if (_waymark_canvas_is_linking (self))
    {
      _waymark_canvas_finish_link (self);
      return;
    }
  if (item != NULL && waymark_item_get_item_type (item) != WAYMARK_ITEM_LINK)
    {
      _waymark_canvas_start_editing (self, item, FALSE);
      return;
    }
  if (self->selection->len > 0 || !_waymark_canvas_cursor_cell (self, &phase, &lane, &index))
    return;

  /* Enter on an empty cell (or at the end of one) adds a card there. */
  if (lane->kind == WAYMARK_LANE_NOTES)
    item = waymark_edits_add_note (self->history, phase, lane, index, NULL);
  else if (lane->kind == WAYMARK_LANE_TOUCHPOINTS)
    item = waymark_edits_add_touchpoint (self->history, phase, lane, index, _("New touchpoint"), NULL);
  else
    return;
  waymark_canvas_select_item (self, item, WAYMARK_CANVAS_SELECT_REPLACE);
  _waymark_canvas_start_editing (self, item, TRUE);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gpointer item = waymark_canvas_get_selected_item (self);

  if (item != NULL && waymark_item_get_item_type (item) != WAYMARK_ITEM_LINK)
    _waymark_canvas_start_editing (self, item, FALSE);
}

static void
escape_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);

  if (waymark_canvas_drag_is_active (self->drag))
    waymark_canvas_drag_cancel (self->drag);
  else if (_waymark_canvas_is_linking (self))
    {
      /* Back to where "link to…" started. */
      gpointer source = self->link_source;

      waymark_canvas_select_item (self, source, WAYMARK_CANVAS_SELECT_REPLACE);
      _waymark_canvas_cancel_link (self);
    }
  else if (self->selection->len > 0 || self->highlight == NULL)
    waymark_canvas_unselect_all (self);
  else
    /* Nothing selected: Escape lets go of the highlight, through the
     * editor, which keeps it for the outline and the popover too. */
    gtk_widget_activate_action (widget, "editor.clear-highlight", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  _waymark_canvas_delete_selection (WAYMARK_CANVAS (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autoptr(GPtrArray) cards = _waymark_canvas_selected_cards (self);
  g_autoptr(GPtrArray) copies = NULL;

  if (cards->len == 0 || !_waymark_canvas_can_edit (self))
    return;
  copies = waymark_edits_duplicate (self->history, cards);
  _waymark_canvas_set_selection (self, copies);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  waymark_canvas_select_all (WAYMARK_CANVAS (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autoptr(GPtrArray) cards = _waymark_canvas_selected_cards (self);

  if (cards->len == 0)
    return;
  waymark_clipboard_copy (gtk_widget_get_clipboard (widget), self->journey, cards);
}

static void
cut_action (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autoptr(GPtrArray) cards = _waymark_canvas_selected_cards (self);
  g_autofree char *title = NULL;

  if (cards->len == 0 || !_waymark_canvas_can_edit (self))
    return;
  waymark_clipboard_copy (gtk_widget_get_clipboard (widget), self->journey, cards);
  waymark_edits_delete (self->history, cards);
  title = g_strdup_printf (ngettext ("Cut %u card", "Cut %u cards", cards->len), cards->len);
  _waymark_canvas_toast (self, title, TRUE);
}

static void
paste_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WaymarkCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autofree char *text = NULL;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint index;

  fragment = waymark_clipboard_read_finish (GDK_CLIPBOARD (source), result, &text, &error);
  if (fragment == NULL && text == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not paste: %s"), error->message);

          _waymark_canvas_toast (self, message, FALSE);
        }
      return;
    }
  if (!_waymark_canvas_can_edit (self) || !_waymark_canvas_cursor_cell (self, &phase, &lane, &index))
    return;

  if (fragment != NULL)
    pasted = waymark_fragment_paste (self->history, fragment, phase, lane, index);
  else
    pasted = waymark_fragment_paste_text (self->history, text, phase, lane, index);
  if (pasted != NULL && pasted->len > 0)
    _waymark_canvas_set_selection (self, pasted);
  else
    _waymark_canvas_toast (self, _("Nothing to paste here"), FALSE);
}

static void
paste_action (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);

  if (!_waymark_canvas_can_edit (self))
    return;
  waymark_clipboard_read_async (gtk_widget_get_clipboard (widget), NULL, paste_done, g_object_ref (self));
}

static void
menu_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gpointer item = waymark_canvas_get_selected_item (self);
  WaymarkHit hit = { WAYMARK_HIT_NONE, NULL, NULL, NULL, 0 };
  WaymarkRect rect = { 0 };
  gboolean found = FALSE;
  double x = 0, y = 0;

  if (self->layout == NULL)
    return;
  if (item == NULL)
    item = _waymark_canvas_cursor_card (self);
  if (item != NULL && _waymark_canvas_is_card (item))
    {
      hit.kind = WAYMARK_HIT_CARD;
      found = waymark_layout_get_card_rect (self->layout, item, &rect);
    }
  else if (item != NULL && waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
    {
      hit.kind = WAYMARK_HIT_PHASE_HEADER;
      found = waymark_layout_get_phase_header_rect (self->layout, item, &rect);
    }
  else if (item != NULL && waymark_item_get_item_type (item) == WAYMARK_ITEM_LANE)
    {
      hit.kind = WAYMARK_HIT_LANE_HEADER;
      found = waymark_layout_get_lane_header_rect (self->layout, item, &rect);
    }
  else if (self->cursor_phase != NULL && self->cursor_lane != NULL)
    {
      hit.kind = WAYMARK_HIT_CELL;
      hit.phase = self->cursor_phase;
      hit.lane = self->cursor_lane;
      hit.index = G_MAXUINT;
      found = waymark_layout_get_cell_rect (self->layout, hit.phase, hit.lane, &rect);
    }
  if (!found)
    return;
  hit.item = _waymark_canvas_is_card (item) || hit.kind != WAYMARK_HIT_CELL ? item : NULL;
  _waymark_canvas_map_to_widget (self, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  _waymark_canvas_popup_menu (self, &hit, x, y);
}

void
_waymark_canvas_update_actions (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = _waymark_canvas_can_edit (self);
  gboolean has_journey = self->journey != NULL;
  gpointer single = waymark_canvas_get_selected_item (self);
  gboolean cards = self->selection->len > 0 && _waymark_canvas_is_card (g_ptr_array_index (self->selection, 0));

  gtk_widget_action_set_enabled (widget, "canvas.move-cursor", has_journey);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_journey);
  gtk_widget_action_set_enabled (widget, "canvas.move-cards", editable && cards);
  gtk_widget_action_set_enabled (widget, "canvas.activate", editable);
  gtk_widget_action_set_enabled (widget, "canvas.edit",
                                 editable && single != NULL && waymark_item_get_item_type (single) != WAYMARK_ITEM_LINK);
  gtk_widget_action_set_enabled (widget, "canvas.delete", editable && self->selection->len > 0);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", editable && cards);
  gtk_widget_action_set_enabled (widget, "canvas.copy", cards);
  gtk_widget_action_set_enabled (widget, "canvas.cut", editable && cards);
  gtk_widget_action_set_enabled (widget, "canvas.paste", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-phase", editable);
  gtk_widget_action_set_enabled (widget, "canvas.add-lane", editable);
  gtk_widget_action_set_enabled (widget, "canvas.insert-header", editable && single != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.move-header", editable && single != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-in", has_journey && self->zoom < WAYMARK_CANVAS_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out", has_journey && self->zoom > WAYMARK_CANVAS_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-reset", has_journey);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit", has_journey);
  _waymark_canvas_update_card_key_actions (self);
}

static void
bind_arrows (GtkWidgetClass  *widget_class,
             GdkModifierType  mods,
             const char      *action,
             gboolean         cells,
             gboolean         extend)
{
  static const struct { guint key; guint keypad; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      if (cells)
        {
          gtk_widget_class_add_binding_action (widget_class, arrows[i].key, mods, action, "(ii)",
                                               arrows[i].dx, arrows[i].dy);
          gtk_widget_class_add_binding_action (widget_class, arrows[i].keypad, mods, action, "(ii)",
                                               arrows[i].dx, arrows[i].dy);
        }
      else
        {
          gtk_widget_class_add_binding_action (widget_class, arrows[i].key, mods, action, "(iib)",
                                               arrows[i].dx, arrows[i].dy, extend);
          gtk_widget_class_add_binding_action (widget_class, arrows[i].keypad, mods, action, "(iib)",
                                               arrows[i].dx, arrows[i].dy, extend);
        }
    }
}

void
_waymark_canvas_class_init_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.move-cursor", "(iib)", move_cursor_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-cards", "(ii)", move_cards_action);
  gtk_widget_class_install_action (widget_class, "canvas.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.menu", NULL, menu_action);

  bind_arrows (widget_class, 0, "canvas.move-cursor", FALSE, FALSE);
  bind_arrows (widget_class, GDK_SHIFT_MASK, "canvas.move-cursor", FALSE, TRUE);
  bind_arrows (widget_class, GDK_CONTROL_MASK, "canvas.move-cards", TRUE, FALSE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.escape", NULL);
  /* Menus show the last binding of an action: Delete. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.menu", NULL);
}
