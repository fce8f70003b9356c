/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-export-toast.h"

/* Long enough to read the folder and reach for a button. */
#define EXPORT_TOAST_SECONDS 10

AdwToast *
waymark_export_toast_new (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder_name = folder != NULL ? g_file_get_basename (folder) : g_strdup ("/");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *text = NULL;
  AdwToast *toast;
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *show;

  /* TRANSLATORS: after an export: "Exported “map.pdf” to Documents" */
  text = g_strdup_printf (_("Exported “%s” to %s"), name, folder_name);
  toast = adw_toast_new (text);

  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_name (label, "export-toast-title");
  gtk_widget_set_tooltip_text (label, g_file_peek_path (file));
  show = gtk_button_new_with_label (_("Show in Folder"));
  gtk_widget_set_name (show, "export-toast-show");
  gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "win.show-exported");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (show), "s", uri);
  gtk_box_append (GTK_BOX (title), label);
  gtk_box_append (GTK_BOX (title), show);
  adw_toast_set_custom_title (toast, title);

  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_set_timeout (toast, EXPORT_TOAST_SECONDS);
  return toast;
}
