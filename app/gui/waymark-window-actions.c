/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-export-dialog.h"
#include "waymark-export-toast.h"
#include "waymark-file-launcher.h"
#include "waymark-print-operation.h"
#include "waymark-template-dialog.h"
#include "waymark-template.h"
#include "waymark-window-private.h"

static GtkFileFilter *
new_journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* A CJML journey opens too, as a new map (docs/CJML.md). */
  gtk_file_filter_set_name (filter, _("Journey Maps and CJML Journeys"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.waymark.journey+xml");
  gtk_file_filter_add_pattern (filter, "*.journey");
  gtk_file_filter_add_pattern (filter, "*.cjml");

  return filter;
}

/* Each chosen file opens in a tab of its own. */
static void
open_list (WaymarkWindow *self,
           GListModel    *files)
{
  guint n = files != NULL ? g_list_model_get_n_items (files) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      waymark_window_open (self, file);
    }
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WaymarkWindow) self = user_data;
  g_autoptr(GListModel) files = NULL;

  files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source_object), result, NULL);
  open_list (self, files);
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
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (widget), NULL, open_dialog_done, g_object_ref (widget));
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
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      open_list (self, files);
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
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_dialog_response), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

/* New: the template gallery, which answers with win.new-from-template. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (waymark_template_dialog_new (GTK_WINDOW (widget))));
}

/* A new untitled map from the template at the URI @parameter: unsaved
 * only once it is edited, and Save asks where. */
static void
new_from_template_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_template_instantiate (file, &error);
  g_autoptr(WaymarkDocument) document = NULL;

  if (journey == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);

      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  document = waymark_document_new_untitled (journey);
  waymark_window_add_document (self, document);
}

/* Closes the selected tab (asking first when it has unsaved changes);
 * with no tab left, the window. */
static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  AdwTabPage *page = _waymark_window_get_action_page (self);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* What dragging a tab out of the window does, from the tab's menu. */
static void
move_tab_to_new_window_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  AdwTabPage *page = _waymark_window_get_action_page (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  WaymarkWindow *window;

  if (page == NULL || adw_tab_view_get_n_pages (self->tab_view) < 2)
    return;
  window = waymark_window_new (app != NULL ? WAYMARK_APPLICATION (app) : NULL);
  adw_tab_view_transfer_page (self->tab_view, page, waymark_window_get_tab_view (window), 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *developers[] = { "The Waymark developers https://github.com/waymark/waymark", NULL };
  GtkWidget *about;

  /* The same addresses as the AppStream metainfo. */
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", widget,
                        "application-name", _("Waymark"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Waymark developers"),
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line, as "Name <e-mail>" or "Name https://…". */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Waymark developers",
                        "website", "https://github.com/waymark/waymark",
                        "issue-url", "https://github.com/waymark/waymark/issues",
                        "comments", _("Map how customers meet your brand: phases, swimlanes and "
                                      "touchpoints with their channel, emotion, owner and KPIs."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built with"),
                                                (const char *[]) {
                                                  "GTK https://gtk.org",
                                                  "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
                                                  "cairo https://cairographics.org",
                                                  "Pango https://pango.gnome.org",
                                                  "libxml2 https://gitlab.gnome.org/GNOME/libxml2",
                                                  NULL,
                                                });
  gtk_window_present (GTK_WINDOW (about));
}

/* Where the file went, over the map it came from. */
static void
exported_cb (WaymarkWindow *self,
             GFile         *file)
{
  WaymarkDocumentTab *tab = waymark_window_get_selected_tab (self);

  g_assert (WAYMARK_IS_WINDOW (self));

  if (tab != NULL)
    waymark_document_tab_add_toast (tab, waymark_export_toast_new (file));
}

/* The selected tab's highlight and the findings it reads, for "export
 * (print) what is highlighted"; NULL when nothing is highlighted. */
static const WaymarkHighlight *
selected_highlight (WaymarkWindow   *self,
                    WaymarkChecker **checker)
{
  WaymarkEditor *editor = self->selected != NULL ? waymark_document_tab_get_editor (self->selected) : NULL;

  *checker = editor != NULL ? waymark_findings_panel_get_checker (waymark_editor_get_findings_panel (editor)) : NULL;
  return editor != NULL ? waymark_editor_get_highlight (editor) : NULL;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  WaymarkJourney *journey = waymark_window_get_journey (self);
  WaymarkExportDialog *dialog;
  const WaymarkHighlight *highlight;
  WaymarkChecker *checker;

  if (journey == NULL)
    return;

  dialog = waymark_export_dialog_new (GTK_WINDOW (self), journey, waymark_window_get_file (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  highlight = selected_highlight (self, &checker);
  waymark_export_dialog_set_highlight (dialog, highlight, checker);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  waymark_file_launcher_open (GTK_WINDOW (widget), file);
}

static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  waymark_file_launcher_show_in_folder (GTK_WINDOW (widget), file);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  WaymarkJourney *journey = waymark_window_get_journey (self);
  g_autoptr(WaymarkPrintOperation) operation = NULL;
  const WaymarkHighlight *highlight;
  WaymarkChecker *checker;

  if (journey == NULL)
    return;

  /* GTK holds the operation while its dialog and the job run. */
  operation = waymark_print_operation_new (journey);
  highlight = selected_highlight (self, &checker);
  waymark_print_operation_set_highlight (operation, highlight, checker);
  waymark_print_operation_run_dialog (operation, GTK_WINDOW (self));
}

void
_waymark_window_class_actions_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-template", "s", new_from_template_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.move-tab-to-new-window", NULL, move_tab_to_new_window_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
}
