/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map's structure: adding, inserting and reordering phases and lanes,
 * and a lane's kind (offered by the toolbar, the keys and the header
 * menus of waymark-canvas-menu.c). */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-edits.h"

static int
selected_index (WaymarkCanvas   *self,
                WaymarkItemType  type)
{
  gpointer item = waymark_canvas_get_selected_item (self);

  if (item == NULL || waymark_item_get_item_type (item) != type)
    return -1;
  return waymark_journey_index_of (self->journey, item);
}

static gboolean
header_rect (WaymarkCanvas *self,
             gpointer       item,
             WaymarkRect   *rect)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
    return waymark_layout_get_phase_header_rect (self->layout, item, rect);
  return waymark_layout_get_lane_header_rect (self->layout, item, rect);
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
  if (header_rect (self, item, &rect))
    waymark_canvas_scroll_to_rect (self, &rect);
  _waymark_canvas_start_editing (self, item, FALSE);
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

void
_waymark_canvas_class_init_edit (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", NULL, add_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.insert-header", "i", insert_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-header", "i", move_header_action);
}
