/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "waymark-edits.h"
#include "waymark-inspector-util.h"
#include "waymark-touchpoint-editor-private.h"

G_DEFINE_FINAL_TYPE (WaymarkTouchpointEditor, waymark_touchpoint_editor, GTK_TYPE_WIDGET)

WaymarkJourney *
_waymark_touchpoint_editor_get_journey (WaymarkTouchpointEditor *self)
{
  return waymark_document_get_journey (self->document);
}

WaymarkHistory *
_waymark_touchpoint_editor_get_history (WaymarkTouchpointEditor *self)
{
  return waymark_document_get_history (self->document);
}

gboolean
_waymark_touchpoint_editor_user_edit (WaymarkTouchpointEditor *self)
{
  return self->updating == 0 &&
         self->touchpoint != NULL &&
         self->document != NULL &&
         !waymark_document_is_read_only (self->document);
}

static void
commit (WaymarkTouchpointEditor *self,
        WaymarkTouchpoint       *edited,
        const char              *merge_key)
{
  waymark_edits_update (_waymark_touchpoint_editor_get_history (self), self->touchpoint, edited, merge_key);
}

/* ---- Text fields ---- */

static void
edit_text (WaymarkTouchpointEditor *self,
           gsize                    offset,
           char                    *text,
           const char              *merge_key)
{
  g_autofree char *value = text;
  WaymarkTouchpoint *edited;
  char **slot;

  if (!_waymark_touchpoint_editor_user_edit (self))
    return;
  if (g_strcmp0 (G_STRUCT_MEMBER (char *, self->touchpoint, offset), value) == 0)
    return;

  edited = waymark_item_copy (self->touchpoint);
  slot = &G_STRUCT_MEMBER (char *, edited, offset);
  g_free (*slot);
  *slot = g_steal_pointer (&value);
  commit (self, edited, merge_key);
}

static void
title_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, title),
             waymark_inspector_dup_editable (GTK_EDITABLE (self->title_row)), "title");
}

static void
description_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, description),
             waymark_text_row_dup_text (self->description_row), "description");
}

static void
quote_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, quote),
             waymark_text_row_dup_text (self->quote_row), "quote");
}

static void
idea_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, idea),
             waymark_text_row_dup_text (self->idea_row), "idea");
}

static void
emotion_note_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, emotion_note),
             waymark_inspector_dup_editable (GTK_EDITABLE (self->emotion_note_row)), "emotion-note");
}

static void
owner_changed_cb (WaymarkTouchpointEditor *self)
{
  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  edit_text (self, G_STRUCT_OFFSET (WaymarkTouchpoint, owner),
             waymark_inspector_dup_editable (GTK_EDITABLE (self->owner_row)), "owner");
}

/* ---- Choices ---- */

static void
initiator_selected_cb (WaymarkTouchpointEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->initiator_row);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      self->touchpoint->initiator == (WaymarkInitiator) selected)
    return;

  edited = waymark_item_copy (self->touchpoint);
  edited->initiator = (WaymarkInitiator) selected;
  commit (self, edited, NULL);
}

static void
strength_selected_cb (WaymarkTouchpointEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->strength_row);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      self->touchpoint->strength == (WaymarkStrength) selected)
    return;

  edited = waymark_item_copy (self->touchpoint);
  edited->strength = (WaymarkStrength) selected;
  commit (self, edited, NULL);
}

static void
priority_selected_cb (WaymarkTouchpointEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->priority_row);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || selected == GTK_INVALID_LIST_POSITION ||
      self->touchpoint->priority == (WaymarkPriority) selected)
    return;

  edited = waymark_item_copy (self->touchpoint);
  edited->priority = (WaymarkPriority) selected;
  commit (self, edited, NULL);
}

static void
moment_toggled_cb (WaymarkTouchpointEditor *self)
{
  gboolean active = gtk_switch_get_active (self->moment_switch);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || self->touchpoint->moment_of_truth == active)
    return;

  edited = waymark_item_copy (self->touchpoint);
  edited->moment_of_truth = active;
  commit (self, edited, NULL);
}

static void
emotion_changed_cb (WaymarkTouchpointEditor *self)
{
  int emotion = 0;
  gboolean has_emotion = waymark_emotion_picker_get_emotion (self->emotion_picker, &emotion);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self))
    return;
  if (self->touchpoint->has_emotion == has_emotion &&
      (!has_emotion || self->touchpoint->emotion == emotion))
    return;

  edited = waymark_item_copy (self->touchpoint);
  edited->has_emotion = has_emotion;
  edited->emotion = has_emotion ? emotion : 0;
  /* The file keeps the note inside the emotion: without one it would be
   * lost on saving, so the model does not keep it either (undo does). */
  if (!has_emotion)
    g_clear_pointer (&edited->emotion_note, g_free);
  commit (self, edited, NULL);
}

static void
kpis_changed_cb (WaymarkTouchpointEditor *self,
                 GPtrArray               *kpis,
                 const char              *merge_key)
{
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self))
    return;

  edited = waymark_item_copy (self->touchpoint);
  g_clear_pointer (&edited->kpis, g_ptr_array_unref);
  for (guint i = 0; i < kpis->len; i++)
    waymark_touchpoint_add_kpi (edited, waymark_kpi_copy (g_ptr_array_index (kpis, i)));
  commit (self, edited, merge_key);
}

/* ---- Owners used in the map ---- */

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static GMenuModel *
owners_menu (WaymarkTouchpointEditor *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  GPtrArray *touchpoints;

  if (self->document == NULL)
    return G_MENU_MODEL (menu);

  touchpoints = waymark_journey_get_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);

      if (tp->owner != NULL && g_hash_table_add (seen, tp->owner))
        g_ptr_array_add (owners, tp->owner);
    }
  g_ptr_array_sort (owners, compare_owners);

  for (guint i = 0; i < owners->len; i++)
    {
      const char *owner = g_ptr_array_index (owners, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (owner, NULL);

      g_menu_item_set_action_and_target_value (item, "touchpoint.set-owner", g_variant_new_string (owner));
      g_menu_append_item (menu, item);
    }
  if (owners->len == 0)
    {
      /* An action nobody provides: the item shows, greyed out. */
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No owners in this map yet"), "touchpoint.none");

      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
owner_popup_cb (GtkMenuButton *button,
                gpointer       data)
{
  WaymarkTouchpointEditor *self = data;
  g_autoptr(GMenuModel) menu = owners_menu (self);

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  gtk_menu_button_set_menu_model (button, menu);
}

static void
set_owner_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkTouchpointEditor *self = WAYMARK_TOUCHPOINT_EDITOR (widget);
  const char *owner = g_variant_get_string (parameter, NULL);

  /* Picking is a step of its own, not part of typing in the field. */
  waymark_history_seal (_waymark_touchpoint_editor_get_history (self));
  gtk_editable_set_text (GTK_EDITABLE (self->owner_row), owner);
  waymark_history_seal (_waymark_touchpoint_editor_get_history (self));
}

/* ---- Showing the model ---- */

static void
sync_editable (WaymarkTouchpointEditor *self,
               AdwEntryRow             *row,
               const char              *text)
{
  waymark_inspector_sync_editable (GTK_EDITABLE (row), text, self->replacing);
}

static void
sync_text_row (WaymarkTouchpointEditor *self,
               WaymarkTextRow          *row,
               const char              *text)
{
  waymark_inspector_sync_text_row (row, text, self->replacing);
}

static void
show_fields (WaymarkTouchpointEditor *self)
{
  WaymarkTouchpoint *tp = self->touchpoint;
  g_autofree char *where = NULL;

  where = g_strdup_printf ("%s · %s",
                           tp->phase->name ? tp->phase->name : _("Untitled"),
                           tp->lane->name ? tp->lane->name : _("Untitled"));
  adw_preferences_group_set_description (self->card_group, where);

  sync_editable (self, self->title_row, tp->title);
  sync_text_row (self, self->description_row, tp->description);
  sync_text_row (self, self->quote_row, tp->quote);
  sync_text_row (self, self->idea_row, tp->idea);

  _waymark_touchpoint_editor_show_channel (self);
  adw_combo_row_set_selected (self->initiator_row, (guint) tp->initiator);

  waymark_emotion_picker_set_emotion (self->emotion_picker, tp->has_emotion, tp->emotion);
  sync_editable (self, self->emotion_note_row, tp->emotion_note);
  gtk_widget_set_sensitive (GTK_WIDGET (self->emotion_note_row), tp->has_emotion);
  _waymark_touchpoint_editor_show_personas (self);

  sync_editable (self, self->owner_row, tp->owner);
  adw_combo_row_set_selected (self->strength_row, (guint) tp->strength);
  adw_combo_row_set_selected (self->priority_row, (guint) tp->priority);
  gtk_switch_set_active (self->moment_switch, tp->moment_of_truth);
  waymark_votes_row_update (self->votes_row);

  if (self->replacing)
    waymark_kpi_editor_set_kpis (self->kpi_editor, NULL);
  waymark_kpi_editor_set_kpis (self->kpi_editor, tp->kpis);
}

void
waymark_touchpoint_editor_update (WaymarkTouchpointEditor *self,
                                  const WaymarkChange     *change)
{
  gboolean fields = TRUE, links = TRUE;

  g_return_if_fail (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (self->touchpoint == NULL || self->document == NULL)
    return;

  /* The journey's title and such: nothing on this page. */
  if (change != NULL && change->kind != WAYMARK_CHANGE_RELOADED && change->item == NULL)
    return;

  if (change != NULL && change->kind != WAYMARK_CHANGE_RELOADED && change->item != self->touchpoint)
    {
      switch (waymark_item_get_item_type (change->item))
        {
        case WAYMARK_ITEM_CHANNEL:
        case WAYMARK_ITEM_PHASE:
        case WAYMARK_ITEM_LANE:
          links = change->kind == WAYMARK_CHANGE_EDITED;
          break;
        case WAYMARK_ITEM_LINK:
          fields = FALSE;
          break;
        case WAYMARK_ITEM_TOUCHPOINT:
          /* Another card: only its title in our list of links shows. */
          fields = FALSE;
          links = _waymark_touchpoint_editor_is_linked (self, change->item) || change->kind == WAYMARK_CHANGE_REMOVED;
          break;
        case WAYMARK_ITEM_PERSONA:
          /* Its name, its place or its going shows in our personas. */
          fields = links = FALSE;
          self->updating++;
          _waymark_touchpoint_editor_show_personas (self);
          self->updating--;
          break;
        case WAYMARK_ITEM_NOTE:
        case WAYMARK_N_ITEM_TYPES:
        default:
          fields = links = FALSE;
          break;
        }
    }
  self->updating++;
  if (fields)
    show_fields (self);
  if (links)
    _waymark_touchpoint_editor_show_links (self);
  self->updating--;
}

void
waymark_touchpoint_editor_set_touchpoint (WaymarkTouchpointEditor *self,
                                          WaymarkDocument         *document,
                                          WaymarkTouchpoint       *touchpoint)
{
  g_return_if_fail (WAYMARK_IS_TOUCHPOINT_EDITOR (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (touchpoint != NULL)
    waymark_item_ref (touchpoint);
  g_clear_pointer (&self->touchpoint, waymark_item_unref);
  self->touchpoint = touchpoint;
  g_clear_pointer (&self->links_shown, g_free);
  waymark_votes_row_set_card (self->votes_row, document, touchpoint);

  if (document == NULL || touchpoint == NULL)
    return;

  self->replacing = TRUE;
  waymark_touchpoint_editor_update (self, NULL);
  self->replacing = FALSE;
}

/* ---- GObject ---- */

static void
waymark_touchpoint_editor_dispose (GObject *object)
{
  WaymarkTouchpointEditor *self = WAYMARK_TOUCHPOINT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_TOUCHPOINT_EDITOR);
  g_clear_object (&self->document);
  g_clear_pointer (&self->touchpoint, waymark_item_unref);
  g_clear_object (&self->channel_names);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);
  g_clear_pointer (&self->links_shown, g_free);
  g_clear_pointer (&self->persona_rows, g_ptr_array_unref);
  g_clear_pointer (&self->personas_shown, g_free);

  G_OBJECT_CLASS (waymark_touchpoint_editor_parent_class)->dispose (object);
}

static void
waymark_touchpoint_editor_class_init (WaymarkTouchpointEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_touchpoint_editor_dispose;

  g_type_ensure (WAYMARK_TYPE_TEXT_ROW);
  g_type_ensure (WAYMARK_TYPE_EMOTION_PICKER);
  g_type_ensure (WAYMARK_TYPE_KPI_EDITOR);
  g_type_ensure (WAYMARK_TYPE_VOTES_ROW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-touchpoint-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, card_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, quote_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, idea_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, initiator_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, emotion_picker);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, emotion_note_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, personas_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, owner_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, strength_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, moment_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, votes_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, kpi_editor);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, links_group);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quote_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, idea_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, initiator_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, emotion_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, emotion_note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, strength_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, priority_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, moment_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, kpis_changed_cb);
  _waymark_touchpoint_editor_channel_class_init (widget_class);

  gtk_widget_class_install_action (widget_class, "touchpoint.set-owner", "s", set_owner_action);
}

static void
waymark_touchpoint_editor_init (WaymarkTouchpointEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_inspector_label_entry_rows (GTK_WIDGET (self));

  self->link_rows = g_ptr_array_new ();
  self->persona_rows = g_ptr_array_new ();

  self->updating++;
  _waymark_touchpoint_editor_channel_init (self);
  self->updating--;

  gtk_menu_button_set_create_popup_func (self->owner_button, owner_popup_cb, self, NULL);
}

GtkWidget *
waymark_touchpoint_editor_new (void)
{
  return g_object_new (WAYMARK_TYPE_TOUCHPOINT_EDITOR, NULL);
}
