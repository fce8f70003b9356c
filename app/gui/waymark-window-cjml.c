/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "waymark-cjml-reader.h"
#include "waymark-window-private.h"

gboolean
_waymark_window_is_cjml (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  gsize length = name != NULL ? strlen (name) : 0;

  return length > 5 && g_ascii_strcasecmp (name + length - 5, ".cjml") == 0;
}

static gboolean
present_later_cb (gpointer user_data)
{
  gtk_window_present (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Shows @dialog once the window is up: opened from the command line, the
 * window is presented only after this returns, and would cover it. */
static void
present_over (WaymarkWindow *self,
              GtkWidget     *dialog)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, present_later_cb, g_object_ref (dialog), g_object_unref);
}

/* A CJML journey opens as a new untitled map, so that saving it can never
 * write a .journey over the CJML file.  What the map has no place for is
 * said in a dialog over it, line by line as the command line says it. */
void
_waymark_window_open_cjml (WaymarkWindow *self,
                           GFile         *file)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_cjml_read_file (file, warnings, &error);
  g_autoptr(WaymarkDocument) document = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (journey == NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      present_over (self, dialog);
      return;
    }

  document = waymark_document_new_untitled (journey);
  waymark_window_add_document (self, document);
  if (warnings->len == 0)
    return;

  body = g_string_new (_("The map has no place for these parts of the CJML journey; they were not imported:"));
  for (guint i = 0; i < warnings->len; i++)
    {
      /* TRANSLATORS: one item of a list in a dialog */
      g_string_append_printf (body, _("\n• %s"), (const char *) g_ptr_array_index (warnings, i));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Opened “%s” Without Some Parts"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_over (self, dialog);
}
