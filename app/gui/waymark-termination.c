/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <signal.h>
#include <glib-unix.h>

#include "waymark-document-tab.h"
#include "waymark-termination.h"
#include "waymark-window.h"

static guint
journal_window (WaymarkWindow *window)
{
  AdwTabView *view = waymark_window_get_tab_view (window);
  guint written = 0;

  for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
    {
      GtkWidget *child = adw_tab_page_get_child (adw_tab_view_get_nth_page (view, i));
      WaymarkDocument *document;
      g_autoptr(GError) error = NULL;

      if (!WAYMARK_IS_DOCUMENT_TAB (child))
        continue;
      document = waymark_document_tab_get_document (WAYMARK_DOCUMENT_TAB (child));
      /* An untouched map needs no journal; one the user keeps no journal
       * for (Preferences) gets none now either. */
      if (document == NULL || !waymark_document_is_modified (document) ||
          waymark_document_get_recovery_delay (document) == 0)
        continue;
      waymark_document_tab_commit_editing (WAYMARK_DOCUMENT_TAB (child));
      if (waymark_document_write_recovery (document, &error))
        written++;
      else
        g_warning ("Could not write the recovery journal: %s", error->message);
    }
  return written;
}

static gboolean
terminate_cb (gpointer data)
{
  GtkApplication *application = data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (application));
  guint written = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    if (WAYMARK_IS_WINDOW (l->data))
      written += journal_window (l->data);
  if (written > 0)
    g_message ("Terminated: unsaved changes to %u map(s) kept in the recovery journal", written);

  /* Destroyed, not closed: closing would ask about unsaved changes.  The
   * tabs release their lock files as they go, and the application ends
   * with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (application));
  return G_SOURCE_CONTINUE;
}

void
waymark_termination_install (GtkApplication *application)
{
  static const int signals[] = { SIGTERM, SIGHUP, SIGINT };

  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_unix_signal_add_full (G_PRIORITY_HIGH, signals[i], terminate_cb, application, NULL);
}
