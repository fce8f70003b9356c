/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "waymark-window-private.h"

/* The start page of a window without tabs: New, Open, and the maps opened
 * or saved lately (GtkRecentManager) that still exist. */

#define MAX_RECENT 8

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (ib), gtk_recent_info_get_modified (ia));
}

static GtkWidget *
recent_row (GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("");
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *home = g_strconcat (g_get_home_dir (), G_DIR_SEPARATOR_S, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* "~/Maps" reads better than "/home/ada/Maps". */
  if (g_str_has_prefix (where, home))
    {
      char *shorter = g_strconcat ("~/", where + strlen (home), NULL);

      g_free (where);
      where = shorter;
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "waymark-uri", g_strdup (gtk_recent_info_get_uri (info)), g_free);
  return row;
}

static void
refresh_recent (WaymarkWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent_manager);
  g_autoptr(GPtrArray) journeys = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* Only maps that are still there to open. */
      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".journey") &&
          gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (journeys, info);
    }
  g_ptr_array_sort (journeys, compare_recent);
  for (guint i = 0; i < journeys->len && i < MAX_RECENT; i++)
    gtk_list_box_append (self->recent_list, recent_row (g_ptr_array_index (journeys, i)));
  gtk_widget_set_visible (self->recent_group, journeys->len > 0);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
recent_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     WaymarkWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "waymark-uri");
  g_autoptr(GFile) file = NULL;

  g_assert (WAYMARK_IS_WINDOW (self));

  if (uri == NULL)
    return;
  file = g_file_new_for_uri (uri);
  waymark_window_open (self, file);
}

static void
stack_child_cb (WaymarkWindow *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  /* Up to date whenever the start page shows. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0)
    refresh_recent (self);
}

void
_waymark_window_class_recent_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recent_list);
}

void
_waymark_window_recent_init (WaymarkWindow *self)
{
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed", G_CALLBACK (stack_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (stack_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (recent_activated_cb), self);
  refresh_recent (self);
}

void
_waymark_window_recent_dispose (WaymarkWindow *self)
{
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->recent_manager);
}
