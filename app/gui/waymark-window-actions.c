/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-export-dialog.h"
#include "waymark-print-operation.h"
#include "waymark-window-private.h"

static GtkFileFilter *
new_journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.waymark.journey+xml");
  gtk_file_filter_add_pattern (filter, "*.journey");

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WaymarkWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source_object), result, NULL);
  if (file != NULL)
    waymark_window_open (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = new_journey_filter ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Open Map"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_open (dialog, GTK_WINDOW (widget), NULL, open_dialog_done, g_object_ref (widget));
}
#else
static void
open_dialog_response (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  WaymarkWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        waymark_window_open (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = new_journey_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Map"),
                                        GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_dialog_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "application-name", _("Waymark"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Waymark developers"),
                        "comments", _("Map how customers meet your brand: phases, swimlanes and "
                                      "touchpoints with their channel, emotion, owner and KPIs."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  WaymarkJourney *journey = waymark_window_get_journey (self);
  WaymarkExportDialog *dialog;

  if (journey == NULL)
    return;

  dialog = waymark_export_dialog_new (GTK_WINDOW (self), journey, waymark_window_get_file (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  WaymarkJourney *journey = waymark_window_get_journey (self);
  g_autoptr(WaymarkPrintOperation) operation = NULL;

  if (journey == NULL)
    return;

  /* GTK holds the operation while its dialog and the job run. */
  operation = waymark_print_operation_new (journey);
  waymark_print_operation_run_dialog (operation, GTK_WINDOW (self));
}

void
_waymark_window_class_actions_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
