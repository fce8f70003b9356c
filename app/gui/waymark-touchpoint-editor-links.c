/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-touchpoint-editor-private.h"

/* The flow around the touchpoint: the cards a customer goes on to and
 * comes from, each with a button that removes the link. */

static void
remove_link_cb (GtkButton               *button,
                WaymarkTouchpointEditor *self)
{
  WaymarkLink *link = g_object_get_data (G_OBJECT (button), "link");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) || waymark_journey_index_of (_waymark_touchpoint_editor_get_journey (self), link) < 0)
    return;
  g_ptr_array_add (items, link);
  waymark_edits_delete (_waymark_touchpoint_editor_get_history (self), items);
}

static GtkWidget *
new_link_row (WaymarkTouchpointEditor *self,
              WaymarkLink             *link,
              gboolean                 outgoing)
{
  WaymarkTouchpoint *other = outgoing ? link->to : link->from;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), other->title ? other->title : _("Untitled"));
  subtitle = g_strdup_printf ("%s · %s",
                              outgoing ? _("Leads to") : _("Comes from"),
                              other->phase->name ? other->phase->name : _("Untitled"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), outgoing ? "mail-forward-symbolic" : "mail-reply-sender-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Link"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"), -1);
  g_object_set_data_full (G_OBJECT (remove), "link", waymark_item_ref (link), waymark_item_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_link_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

void
_waymark_touchpoint_editor_show_links (WaymarkTouchpointEditor *self)
{
  GPtrArray *links = waymark_journey_get_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_LINK);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GString) key = g_string_new (NULL);

  /* Outgoing first: the way on is what people look for. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < links->len; i++)
      {
        WaymarkLink *link = g_ptr_array_index (links, i);
        WaymarkTouchpoint *other;

        if ((pass == 0 ? link->from : link->to) != self->touchpoint)
          continue;
        other = pass == 0 ? link->to : link->from;
        g_ptr_array_add (shown, link);
        g_string_append_printf (key, "%d%p%s\x1f%s\x1e", pass, (gpointer) link,
                                other->title ? other->title : "",
                                other->phase->name ? other->phase->name : "");
      }

  if (g_strcmp0 (key->str, self->links_shown) == 0)
    return;
  g_free (self->links_shown);
  self->links_shown = g_strdup (key->str);

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->links_group, g_ptr_array_index (self->link_rows, i));
  g_ptr_array_set_size (self->link_rows, 0);

  for (guint i = 0; i < shown->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (shown, i);
      GtkWidget *row = new_link_row (self, link, link->from == self->touchpoint);

      adw_preferences_group_add (self->links_group, row);
      g_ptr_array_add (self->link_rows, row);
    }
  adw_preferences_group_set_description (self->links_group,
                                         shown->len == 0
                                         ? _("No links yet. Drag a card’s handle onto another card to show the way a customer takes.")
                                         : NULL);
}

gboolean
_waymark_touchpoint_editor_is_linked (WaymarkTouchpointEditor *self,
                                      gconstpointer            touchpoint)
{
  GPtrArray *links = waymark_journey_get_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);

      if (((gconstpointer) link->from == touchpoint && link->to == self->touchpoint) ||
          ((gconstpointer) link->to == touchpoint && link->from == self->touchpoint))
        return TRUE;
    }
  return FALSE;
}
