/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The context menus of cards, cells, headers and links (right click,
 * Shift+F10, the Menu key): they act on the selection through the
 * canvas's actions. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"

static void
lane_kind_activate_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WaymarkCanvas *self = user_data;
  gpointer item = waymark_canvas_get_selected_item (self);
  WaymarkLaneKind kind;

  g_assert (WAYMARK_IS_CANVAS (self));

  if (item == NULL || waymark_item_get_item_type (item) != WAYMARK_ITEM_LANE ||
      !waymark_lane_kind_from_nick (g_variant_get_string (parameter, NULL), &kind))
    return;
  if (_waymark_canvas_set_lane_kind (self, item, kind))
    g_simple_action_set_state (action, parameter);
}

/* ---- Context menus ---- */

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

static gboolean
selection_has_touchpoint (WaymarkCanvas *self)
{
  for (guint i = 0; i < self->selection->len; i++)
    if (waymark_item_get_item_type (g_ptr_array_index (self->selection, i)) == WAYMARK_ITEM_TOUCHPOINT)
      return TRUE;
  return FALSE;
}

/* What a touchpoint is, as the keys set it: its channel (the map's), its
 * emotion (the digits), its assessment (W, S, M) and a link (L). */
static void
append_touchpoint_sections (WaymarkCanvas *self,
                            GMenu         *menu)
{
  static const char *emotions[] = {
    N_("_No Emotion"), N_("Very _Negative (−2)"), N_("N_egative (−1)"), N_("Ne_utral (0)"),
    N_("_Positive (+1)"), N_("_Very Positive (+2)"),
  };
  GPtrArray *channels = waymark_journey_get_items (self->journey, WAYMARK_ITEM_CHANNEL);
  g_autoptr(GMenu) channel_menu = g_menu_new ();
  g_autoptr(GMenu) emotion_menu = g_menu_new ();
  g_autoptr(GMenu) assessment = g_menu_new ();

  for (guint i = 0; i < channels->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (channels, i);

      /* A name's own underscores are not mnemonics. */
      g_auto(GStrv) parts = g_strsplit (channel->name ? channel->name : waymark_item_get_id (channel), "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);

      append_target (channel_menu, label, "canvas.channel", g_variant_new_string (waymark_item_get_id (channel)));
    }
  append_target (channel_menu, _("No Channel"), "canvas.channel", g_variant_new_string (""));
  for (guint i = 1; i < G_N_ELEMENTS (emotions); i++)
    append_target (emotion_menu, _(emotions[i]), "canvas.emotion", g_variant_new_int32 ((int) i));
  append_target (emotion_menu, _(emotions[0]), "canvas.emotion", g_variant_new_int32 (0));

  g_menu_append_submenu (assessment, _("C_hannel"), G_MENU_MODEL (channel_menu));
  g_menu_append_submenu (assessment, _("E_motion"), G_MENU_MODEL (emotion_menu));
  append_target (assessment, _("_Weak Spot"), "canvas.assess", g_variant_new_int32 (WAYMARK_CANVAS_WEAK_SPOT));
  append_target (assessment, _("_Strength"), "canvas.assess", g_variant_new_int32 (WAYMARK_CANVAS_STRENGTH));
  append_target (assessment, _("_Moment of Truth"), "canvas.assess",
                 g_variant_new_int32 (WAYMARK_CANVAS_MOMENT_OF_TRUTH));
  if (self->selection->len == 1)
    g_menu_append (assessment, _("_Link to…"), "canvas.link-to");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (assessment));
}

static GMenu *
card_menu (WaymarkCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) votes = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  if (self->selection->len == 1)
    g_menu_append (edit, _("_Edit Text"), "canvas.edit");
  /* Dot votes, as + and − give them, for touchpoints and notes alike. */
  append_target (votes, _("_Add a Vote"), "canvas.vote", g_variant_new_int32 (1));
  append_target (votes, _("_Take a Vote Away"), "canvas.vote", g_variant_new_int32 (-1));
  g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
  g_menu_append (clipboard, _("Cu_t"), "canvas.cut");
  g_menu_append (clipboard, _("_Copy"), "canvas.copy");
  g_menu_append (clipboard, _("_Paste"), "canvas.paste");
  g_menu_append (danger, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (selection_has_touchpoint (self))
    append_touchpoint_sections (self, menu);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (votes));
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

void
_waymark_canvas_init_menu (WaymarkCanvas *self)
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
