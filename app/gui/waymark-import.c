/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-csv-reader.h"
#include "waymark-fragment.h"
#include "waymark-import.h"

static void
show_problems (WaymarkEditor *editor,
               const char    *problems)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editor));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Touchpoints Not Imported"), NULL);
  /* The problems name files and lines: the user fixes the table by them. */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  _("Nothing was added to the map. Correct these rows of the table and import it again:"),
                                  problems);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_widget_add_css_class (dialog, "import-problems");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
waymark_import_touchpoints (WaymarkEditor *editor,
                            GFile         *file)
{
  WaymarkDocument *document = waymark_editor_get_document (editor);
  g_autoptr(WaymarkJourney) table = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  WaymarkCanvas *canvas = waymark_editor_get_canvas (editor);

  g_return_val_if_fail (WAYMARK_IS_EDITOR (editor), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (document == NULL || waymark_document_is_read_only (document))
    return FALSE;
  table = waymark_csv_read_file (file, &error);
  if (table == NULL)
    {
      show_problems (editor, error->message);
      return FALSE;
    }
  /* TRANSLATORS: the undo step of "Import Touchpoints…" */
  added = waymark_fragment_import (waymark_document_get_history (document), table, _("Import Touchpoints"));
  waymark_canvas_unselect_all (canvas);
  for (guint i = 0; i < added->len; i++)
    waymark_canvas_select_item (canvas, g_ptr_array_index (added, i), WAYMARK_CANVAS_SELECT_ADD);
  if (waymark_journey_get_n_items (table, WAYMARK_ITEM_NOTE) == 0)
    text = g_strdup_printf (g_dngettext (NULL, "%u touchpoint imported", "%u touchpoints imported", added->len),
                            added->len);
  else
    /* TRANSLATORS: touchpoints and notes, after "Import Touchpoints…" */
    text = g_strdup_printf (g_dngettext (NULL, "%u card imported", "%u cards imported", added->len), added->len);
  waymark_editor_add_toast (editor, adw_toast_new (text));
  return TRUE;
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             WaymarkEditor   *editor)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        waymark_import_touchpoints (editor, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (editor);
}

void
waymark_import_choose_file (WaymarkEditor *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editor));
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  g_return_if_fail (WAYMARK_IS_EDITOR (editor));

  chooser = gtk_file_chooser_native_new (_("Import Touchpoints"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Tables"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), g_object_ref (editor));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
