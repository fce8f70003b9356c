/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

/* Editing in place (card titles, note texts, phase and lane names), the
 * context menus of cards, cells and headers, and the structure edits
 * they offer: adding, reordering and deleting phases and lanes, and a
 * lane's kind. */

/* ---- Editing in place ---- */

static const char *
item_text (gpointer item)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      return ((WaymarkTouchpoint *) item)->title;
    case WAYMARK_ITEM_NOTE:
      return ((WaymarkNote *) item)->text;
    case WAYMARK_ITEM_PHASE:
      return ((WaymarkPhase *) item)->name;
    case WAYMARK_ITEM_LANE:
      return ((WaymarkLane *) item)->name;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

static gboolean
item_rect (WaymarkCanvas *self,
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

static void
commit (WaymarkCanvas *self,
        gpointer       item,
        const char    *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  const char *old = item_text (item);
  gboolean empty = value[0] == '\0';
  gpointer copy;

  if (g_strcmp0 (empty ? NULL : value, old) == 0)
    return;

  copy = waymark_item_copy (item);
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      g_free (((WaymarkTouchpoint *) copy)->title);
      ((WaymarkTouchpoint *) copy)->title = empty ? NULL : g_steal_pointer (&value);
      break;
    case WAYMARK_ITEM_NOTE:
      g_free (((WaymarkNote *) copy)->text);
      ((WaymarkNote *) copy)->text = empty ? NULL : g_steal_pointer (&value);
      break;
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
      /* Phases and lanes need a name: an emptied one keeps its old name. */
      if (empty)
        {
          waymark_item_unref (copy);
          return;
        }
      if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
        {
          g_free (((WaymarkPhase *) copy)->name);
          ((WaymarkPhase *) copy)->name = g_steal_pointer (&value);
        }
      else
        {
          g_free (((WaymarkLane *) copy)->name);
          ((WaymarkLane *) copy)->name = g_steal_pointer (&value);
        }
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      waymark_item_unref (copy);
      return;
    }
  waymark_edits_update (self->history, item, copy, "title");
  /* One edit in place is one undo step. */
  waymark_history_seal (self->history);
}

void
_waymark_canvas_stop_editing (WaymarkCanvas *self,
                              gboolean       save)
{
  gpointer item = g_steal_pointer (&self->editing_item);
  g_autofree char *text = NULL;
  GtkWidget *focus;
  GtkRoot *root;
  gboolean had_focus;

  if (item == NULL)
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && (focus == self->editor || gtk_widget_is_ancestor (focus, self->editor));
  gtk_widget_set_visible (self->editor, FALSE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (save && _waymark_canvas_can_edit (self) && self->journey != NULL &&
      waymark_journey_index_of (self->journey, item) >= 0)
    commit (self, item, text);
  waymark_item_unref (item);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_waymark_canvas_start_editing (WaymarkCanvas *self,
                               gpointer       item)
{
  WaymarkRect rect;
  const char *text;

  if (!_waymark_canvas_can_edit (self) || self->layout == NULL || !item_rect (self, item, &rect))
    return;

  _waymark_canvas_stop_editing (self, TRUE);
  self->editing_item = waymark_item_ref (item);
  text = item_text (item);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _waymark_canvas_is_card (item) ? _("Card title") : _("Name"),
                                  -1);
  waymark_canvas_scroll_to_rect (self, &rect);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
}

gboolean
waymark_canvas_is_editing (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  return self->editing_item != NULL;
}

static gboolean
stop_editing_idle (gpointer data)
{
  _waymark_canvas_stop_editing (data, FALSE);
  return G_SOURCE_REMOVE;
}

void
_waymark_canvas_allocate_editor (WaymarkCanvas *self)
{
  WaymarkRect rect;
  graphene_rect_t bounds;
  int min_width, min_height, width;

  if (self->editing_item == NULL || self->layout == NULL || !item_rect (self, self->editing_item, &rect))
    {
      /* The item went away (an undo from elsewhere): end the edit, but not
       * from inside the allocation. */
      if (self->editing_item != NULL)
        g_idle_add_full (G_PRIORITY_HIGH, stop_editing_idle, g_object_ref (self), g_object_unref);
      return;
    }
  _waymark_canvas_rect_to_widget (self, &rect, &bounds);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  /* Readable however far the map is zoomed out. */
  width = MAX (MAX (min_width, 200), (int) bounds.size.width);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) {
                              (int) (bounds.origin.x + (bounds.size.width - width) / 2),
                              (int) (bounds.origin.y + (bounds.size.height - min_height) / 2),
                              width, min_height,
                            },
                            -1);
}

static void
editor_activate_cb (GtkEntry      *entry,
                    WaymarkCanvas *self)
{
  _waymark_canvas_stop_editing (self, TRUE);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               WaymarkCanvas         *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  _waymark_canvas_stop_editing (self, FALSE);
  return TRUE;
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       WaymarkCanvas           *self)
{
  /* Clicking elsewhere keeps what was typed, as GNOME's renames do. */
  if (self->editing_item != NULL)
    _waymark_canvas_stop_editing (self, TRUE);
}

static void
create_editor (WaymarkCanvas *self)
{
  GtkEventController *controller;

  self->editor = gtk_entry_new ();
  gtk_widget_add_css_class (self->editor, "inline-editor");
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  g_signal_connect (self->editor, "activate", G_CALLBACK (editor_activate_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);
}

/* ---- Phases and lanes ---- */

static int
selected_index (WaymarkCanvas   *self,
                WaymarkItemType  type)
{
  gpointer item = waymark_canvas_get_selected_item (self);

  if (item == NULL || waymark_item_get_item_type (item) != type)
    return -1;
  return waymark_journey_index_of (self->journey, item);
}

static void
add_header (WaymarkCanvas   *self,
            WaymarkItemType  type,
            int              index)
{
  g_autofree char *id = NULL;
  gpointer item;
  WaymarkRect rect;

  if (!_waymark_canvas_can_edit (self))
    return;
  id = waymark_journey_new_id (self->journey, type);
  if (type == WAYMARK_ITEM_PHASE)
    item = waymark_phase_new (id, _("New phase"));
  else
    item = waymark_lane_new (id, WAYMARK_LANE_TOUCHPOINTS, _("New lane"));
  waymark_edits_add_item (self->history, item, index);
  waymark_item_unref (item);

  waymark_canvas_select_item (self, item, WAYMARK_CANVAS_SELECT_REPLACE);
  if (item_rect (self, item, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
  _waymark_canvas_start_editing (self, item);
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  int index = selected_index (self, WAYMARK_ITEM_PHASE);

  add_header (self, WAYMARK_ITEM_PHASE, index < 0 ? -1 : index + 1);
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  int index = selected_index (self, WAYMARK_ITEM_LANE);

  add_header (self, WAYMARK_ITEM_LANE, index < 0 ? -1 : index + 1);
}

/* Insert a phase or lane before (0) or after (1) the selected one. */
static void
insert_header_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gpointer item = waymark_canvas_get_selected_item (self);
  int offset = g_variant_get_int32 (parameter);
  int index;

  if (item == NULL)
    return;
  index = waymark_journey_index_of (self->journey, item);
  if (index < 0)
    return;
  add_header (self, waymark_item_get_item_type (item), index + offset);
}

static void
move_header_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gpointer item = waymark_canvas_get_selected_item (self);
  int step = g_variant_get_int32 (parameter);
  int index;

  if (item == NULL || !_waymark_canvas_can_edit (self))
    return;
  index = waymark_journey_index_of (self->journey, item) + step;
  if (index >= 0)
    waymark_edits_move_item (self->history, item, (guint) index);
}

gboolean
_waymark_canvas_set_lane_kind (WaymarkCanvas   *self,
                               WaymarkLane     *lane,
                               WaymarkLaneKind  kind)
{
  WaymarkLane *copy;
  guint n = 0;

  if (!_waymark_canvas_can_edit (self) || lane->kind == kind)
    return FALSE;

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (self->journey, type);

      for (guint i = 0; i < cards->len; i++)
        {
          gpointer card = g_ptr_array_index (cards, i);
          WaymarkLane *l = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) card)->lane
                                                           : ((WaymarkNote *) card)->lane;
          n += l == lane;
        }
    }

  /* Touchpoints cannot live in a notes lane or a computed one, nor notes
   * in a touchpoints lane: the cards would be lost. */
  if (n > 0)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      body = g_strdup_printf (ngettext ("“%s” holds %u card, which this kind of lane cannot show. "
                                        "Move it to another lane or delete it first.",
                                        "“%s” holds %u cards, which this kind of lane cannot show. "
                                        "Move them to another lane or delete them first.", n),
                              lane->name, n);
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Lane Kind Not Changed"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  copy = waymark_item_copy (lane);
  copy->kind = kind;
  waymark_edits_update (self->history, lane, copy, NULL);
  waymark_history_seal (self->history);
  return TRUE;
}

static void
lane_kind_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WaymarkCanvas *self = user_data;
  gpointer item = waymark_canvas_get_selected_item (self);
  WaymarkLaneKind kind;

  if (item == NULL || waymark_item_get_item_type (item) != WAYMARK_ITEM_LANE ||
      !waymark_lane_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (_waymark_canvas_set_lane_kind (self, item, kind))
    g_simple_action_set_state (action, parameter);
}

/* ---- Context menus ---- */

static GMenu *
card_menu (WaymarkCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  if (self->selection->len == 1)
    g_menu_append (edit, _("_Edit Text"), "canvas.edit");
  g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
  g_menu_append (clipboard, _("Cu_t"), "canvas.cut");
  g_menu_append (clipboard, _("_Copy"), "canvas.copy");
  g_menu_append (clipboard, _("_Paste"), "canvas.paste");
  g_menu_append (danger, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return menu;
}

static GMenu *
cell_menu (WaymarkCanvas *self,
           WaymarkLane   *lane)
{
  GMenu *menu = g_menu_new ();

  if (lane != NULL && lane->kind == WAYMARK_LANE_NOTES)
    g_menu_append (menu, _("_Add Note"), "canvas.activate");
  else if (lane != NULL && lane->kind == WAYMARK_LANE_TOUCHPOINTS)
    g_menu_append (menu, _("_Add Touchpoint"), "canvas.activate");
  g_menu_append (menu, _("_Paste"), "canvas.paste");
  return menu;
}

static GMenuItem *
target_item (const char *label,
             const char *action,
             GVariant   *target)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  return item;
}

static void
append_target (GMenu      *menu,
               const char *label,
               const char *action,
               GVariant   *target)
{
  g_autoptr(GMenuItem) item = target_item (label, action, target);

  g_menu_append_item (menu, item);
}

static GMenu *
header_menu (WaymarkCanvas *self,
             gboolean       phase)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) name = g_menu_new ();
  g_autoptr(GMenu) insert = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  g_menu_append (name, _("_Rename"), "canvas.edit");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (name));

  append_target (insert, phase ? _("Insert Phase _Before") : _("Insert Lane _Above"),
                 "canvas.insert-header", g_variant_new_int32 (0));
  append_target (insert, phase ? _("Insert Phase _After") : _("Insert Lane _Below"),
                 "canvas.insert-header", g_variant_new_int32 (1));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (insert));

  append_target (move, phase ? _("Move _Left") : _("Move _Up"), "canvas.move-header", g_variant_new_int32 (-1));
  append_target (move, phase ? _("Move _Right") : _("Move _Down"), "canvas.move-header", g_variant_new_int32 (1));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));

  if (!phase)
    {
      g_autoptr(GMenu) kinds = g_menu_new ();

      append_target (kinds, _("_Touchpoints"), "lane.kind", g_variant_new_string ("touchpoints"));
      append_target (kinds, _("_Notes"), "lane.kind", g_variant_new_string ("notes"));
      append_target (kinds, _("_Emotion Curve"), "lane.kind", g_variant_new_string ("emotion"));
      append_target (kinds, _("_KPI Summary"), "lane.kind", g_variant_new_string ("kpis"));
      g_menu_append_section (menu, _("Lane Shows"), G_MENU_MODEL (kinds));
    }

  g_menu_append (danger, phase ? _("_Delete Phase") : _("_Delete Lane"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return menu;
}

void
_waymark_canvas_popup_menu (WaymarkCanvas    *self,
                            const WaymarkHit *hit,
                            double            x,
                            double            y)
{
  g_autoptr(GMenu) menu = NULL;
  GActionGroup *group;

  if (self->layout == NULL)
    return;

  switch (hit->kind)
    {
    case WAYMARK_HIT_CARD:
      menu = card_menu (self);
      break;
    case WAYMARK_HIT_PHASE_HEADER:
      menu = header_menu (self, TRUE);
      break;
    case WAYMARK_HIT_LANE_HEADER:
      {
        WaymarkLane *lane = hit->item;

        menu = header_menu (self, FALSE);
        group = self->lane_actions;
        if (group != NULL)
          {
            g_action_group_change_action_state (group, "kind",
                                                g_variant_new_string (waymark_lane_kind_to_nick (lane->kind)));
            g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group), "kind")),
                                         _waymark_canvas_can_edit (self));
          }
      }
      break;
    case WAYMARK_HIT_CELL:
      if (hit->lane == NULL || !waymark_lane_kind_holds_cards (hit->lane->kind))
        return;
      waymark_canvas_unselect_all (self);
      _waymark_canvas_set_cursor_cell (self, hit->phase, hit->lane);
      menu = cell_menu (self, hit->lane);
      break;
    case WAYMARK_HIT_EMOTION_POINT:
    case WAYMARK_HIT_LINK:
      {
        g_autoptr(GMenu) section = g_menu_new ();

        menu = g_menu_new ();
        g_menu_append (section, _("_Delete"), "canvas.delete");
        if (hit->kind == WAYMARK_HIT_LINK)
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
        else
          {
            g_object_unref (menu);
            menu = card_menu (self);
          }
      }
      break;
    case WAYMARK_HIT_NONE:
    default:
      return;
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

void
_waymark_canvas_allocate_menu (WaymarkCanvas *self)
{
  if (self->context_menu != NULL && gtk_widget_get_visible (self->context_menu))
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
ensure_menu (WaymarkCanvas *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) kind = NULL;

  kind = g_simple_action_new_stateful ("kind", G_VARIANT_TYPE_STRING, g_variant_new_string ("touchpoints"));
  g_signal_connect (kind, "activate", G_CALLBACK (lane_kind_activate_cb), self);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (kind));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "lane", G_ACTION_GROUP (group));
  self->lane_actions = G_ACTION_GROUP (group);

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

void
_waymark_canvas_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", NULL, add_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.insert-header", "i", insert_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-header", "i", move_header_action);
}

void
_waymark_canvas_init_edit (WaymarkCanvas *self)
{
  create_editor (self);
  ensure_menu (self);
}
