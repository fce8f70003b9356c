/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-touchpoint-editor-private.h"

/* The touchpoint's channel, picked from the journey's channels, and the
 * channel's category — which belongs to the channel, so editing it edits
 * the channel for all its touchpoints. */

static void
channel_selected_cb (WaymarkTouchpointEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->channel_row);
  WaymarkChannel *channel = NULL;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    channel = waymark_journey_get_item (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_CHANNEL, selected - 1);
  if (channel == self->touchpoint->channel)
    return;

  waymark_edits_set_channel (_waymark_touchpoint_editor_get_history (self), self->touchpoint, channel);
}

static void
category_selected_cb (WaymarkTouchpointEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);
  WaymarkChannel *channel;
  WaymarkChannel *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  channel = self->touchpoint->channel;
  if (channel == NULL || channel->category == (WaymarkCategory) selected)
    return;

  /* The category belongs to the channel: every touchpoint on it changes. */
  edited = waymark_item_copy (channel);
  edited->category = (WaymarkCategory) selected;
  waymark_edits_update (_waymark_touchpoint_editor_get_history (self), channel, edited, NULL);
}

static const char *
category_name (WaymarkCategory category)
{
  switch (category)
    {
    case WAYMARK_CATEGORY_DIGITAL: return _("Digital");
    case WAYMARK_CATEGORY_PHYSICAL: return _("Physical");
    case WAYMARK_CATEGORY_PERSONAL: return _("Personal");
    default: return "";
    }
}

static char *
channel_icon_name (const WaymarkChannel *channel)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *name = g_strdup_printf ("waymark-channel-%s-symbolic",
                                           channel->icon ? channel->icon : "other");

  /* A key from a newer Waymark has no icon here yet. */
  if (!gtk_icon_theme_has_icon (theme, name))
    return g_strdup ("waymark-channel-other-symbolic");
  return g_steal_pointer (&name);
}

static void
setup_channel_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *category = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 24);
  gtk_label_set_xalign (GTK_LABEL (category), 0);
  gtk_widget_add_css_class (category, "caption");
  gtk_widget_add_css_class (category, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), category);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_channel_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   WaymarkTouchpointEditor  *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (icon);
  GtkWidget *check = gtk_widget_get_next_sibling (labels);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *category = gtk_widget_get_next_sibling (name);
  guint position = gtk_list_item_get_position (item);
  WaymarkChannel *channel = NULL;

  if (self->document != NULL && position > 0 &&
      position - 1 < waymark_journey_get_n_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_CHANNEL))
    channel = waymark_journey_get_item (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_CHANNEL, position - 1);

  gtk_label_set_label (GTK_LABEL (name),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  if (channel != NULL)
    {
      g_autofree char *icon_name = channel_icon_name (channel);

      gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
      gtk_label_set_label (GTK_LABEL (category), category_name (channel->category));
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "action-unavailable-symbolic");
      gtk_label_set_label (GTK_LABEL (category), NULL);
    }
  gtk_widget_set_visible (category, channel != NULL);
  gtk_widget_set_opacity (check, adw_combo_row_get_selected (self->channel_row) == position ? 1 : 0);
}

static void
show_channels (WaymarkTouchpointEditor *self)
{
  GPtrArray *channels = waymark_journey_get_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_CHANNEL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->channel_names));
  gboolean same = n == channels->len + 1;

  g_strv_builder_add (builder, _("No channel"));
  for (guint i = 0; i < channels->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (channels, i);
      const char *name = channel->name ? channel->name : _("Untitled");

      g_strv_builder_add (builder, name);
      if (same && g_strcmp0 (gtk_string_list_get_string (self->channel_names, i + 1), name) != 0)
        same = FALSE;
    }
  if (same)
    return;
  names = g_strv_builder_end (builder);
  gtk_string_list_splice (self->channel_names, 0, n, (const char * const *) names);
}

/* ---- A new channel ---- */

static char *
new_channel_name (WaymarkTouchpointEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (self->new_channel_entry)));
}

static void
new_channel_name_changed_cb (WaymarkTouchpointEditor *self)
{
  g_autofree char *name = new_channel_name (self);

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  gtk_widget_set_sensitive (self->new_channel_add_button, *name != '\0');
}

static void
new_channel_show_cb (WaymarkTouchpointEditor *self)
{
  WaymarkChannel *channel = self->touchpoint ? self->touchpoint->channel : NULL;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  gtk_editable_set_text (self->new_channel_entry, "");
  /* A new channel is most likely of the kind of the one it replaces. */
  if (channel != NULL && channel->category == WAYMARK_CATEGORY_PHYSICAL)
    gtk_toggle_button_set_active (self->new_channel_physical, TRUE);
  else if (channel != NULL && channel->category == WAYMARK_CATEGORY_PERSONAL)
    gtk_toggle_button_set_active (self->new_channel_personal, TRUE);
  else
    gtk_toggle_button_set_active (self->new_channel_digital, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_channel_entry));
}

static void
new_channel_add_cb (WaymarkTouchpointEditor *self)
{
  WaymarkJourney *journey = _waymark_touchpoint_editor_get_journey (self);
  g_autofree char *name = new_channel_name (self);
  g_autofree char *id = NULL;
  WaymarkCategory category = WAYMARK_CATEGORY_DIGITAL;
  WaymarkChannel *channel;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || *name == '\0')
    return;

  if (gtk_toggle_button_get_active (self->new_channel_physical))
    category = WAYMARK_CATEGORY_PHYSICAL;
  else if (gtk_toggle_button_get_active (self->new_channel_personal))
    category = WAYMARK_CATEGORY_PERSONAL;

  id = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);
  channel = waymark_channel_new (id, category, "other", name);
  waymark_edits_set_channel (_waymark_touchpoint_editor_get_history (self), self->touchpoint, channel);
  waymark_item_unref (channel);

  gtk_popover_popdown (self->new_channel_popover);
}

/* ---- Showing ---- */

void
_waymark_touchpoint_editor_show_channel (WaymarkTouchpointEditor *self)
{
  WaymarkChannel *channel = self->touchpoint->channel;
  int index;

  show_channels (self);
  index = channel ? waymark_journey_index_of (_waymark_touchpoint_editor_get_journey (self), channel) : -1;
  adw_combo_row_set_selected (self->channel_row, index >= 0 ? (guint) index + 1 : 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), channel != NULL);
  adw_combo_row_set_selected (self->category_row, channel ? (guint) channel->category : 0);
}

void
_waymark_touchpoint_editor_channel_init (WaymarkTouchpointEditor *self)
{
  GtkListItemFactory *factory;

  self->channel_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (self->channel_names));
  adw_combo_row_set_expression (self->channel_row,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_channel_item), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_channel_item), self);
  adw_combo_row_set_list_factory (self->channel_row, factory);
  g_object_unref (factory);

  /* GTK 4.8 names the entry but not the text inside it, which has the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (self->new_channel_entry)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the new channel"),
                                  -1);
}

void
_waymark_touchpoint_editor_channel_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_popover);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_digital);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_physical);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_personal);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTouchpointEditor, new_channel_add_button);
  gtk_widget_class_bind_template_callback (widget_class, channel_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_channel_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_channel_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_channel_add_cb);
}
