/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-window-private.h"

/* Offering what a crash left in the recovery journal, each in a tab. */

/* Long enough to read a file name twice; it must not stay, since it
 * covers the bottom lane of the map. */
#define RECOVERY_TOAST_SECONDS 10

static void
show_recovery_toast (WaymarkDocumentTab *tab,
                     const char         *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, RECOVERY_TOAST_SECONDS);
  waymark_document_tab_add_toast (tab, toast);
}

static gboolean
recover_onto_file (WaymarkWindow              *self,
                   const WaymarkRecoveryEntry *entry)
{
  g_autoptr(GFile) file = g_file_new_for_path (entry->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) document = NULL;
  g_autofree char *message = NULL;
  WaymarkDocumentTab *tab;

  document = waymark_document_load (file, &error);
  if (document == NULL || !waymark_document_restore_snapshot (document, entry->snapshot_path, &error))
    {
      g_warning ("Could not restore %s: %s", entry->snapshot_path, error->message);
      return FALSE;
    }
  tab = waymark_window_add_document (self, document);
  /* The journal keeps the restored changes under the same key. */
  waymark_document_write_recovery (document, NULL);
  message = g_strdup_printf (_("Restored unsaved changes to %s"), entry->display_name);
  show_recovery_toast (tab, message);
  return TRUE;
}

static gboolean
set_aside (WaymarkWindow              *self,
           const WaymarkRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = waymark_recovery_set_aside (entry, &error);
  GtkWidget *dialog;

  if (aside == NULL)
    {
      g_warning ("Could not set aside %s: %s", entry->snapshot_path, error->message);
      return FALSE;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Unsaved Changes to “%s” Were Kept Aside"),
                                     entry->display_name);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The file was changed since your last edits, so they were "
                                    "not restored onto it. They are saved in %s."),
                                  aside);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* The file is gone, or there never was one: a new untitled map. */
static gboolean
recover_untitled (WaymarkWindow              *self,
                  const WaymarkRecoveryEntry *entry,
                  gboolean                    had_file)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(WaymarkDocument) document = waymark_document_new_untitled (journey);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  WaymarkDocumentTab *tab;

  if (!waymark_document_restore_snapshot (document, entry->snapshot_path, &error))
    {
      g_warning ("Could not restore %s: %s", entry->snapshot_path, error->message);
      return FALSE;
    }
  tab = waymark_window_add_document (self, document);
  /* Journal it under the new document's key before the old entry goes. */
  if (waymark_document_write_recovery (document, NULL))
    waymark_recovery_discard (entry->key);
  name = waymark_document_tab_dup_name (tab);
  if (had_file)
    message = g_strdup_printf (_("Restored unsaved changes to %s as a new journey"), entry->display_name);
  else
    /* TRANSLATORS: "Restored the unsaved map “Onboarding” as Untitled Map 2" */
    message = g_strdup_printf (_("Restored the unsaved map “%s” as %s"),
                               waymark_document_tab_get_journey_title (tab), name);
  show_recovery_toast (tab, message);
  return TRUE;
}

gboolean
waymark_window_recover (WaymarkWindow              *self,
                        const WaymarkRecoveryEntry *entry)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  switch (waymark_recovery_check (entry))
    {
    case WAYMARK_RECOVERY_RESTORABLE:
      return recover_onto_file (self, entry);
    case WAYMARK_RECOVERY_FILE_CHANGED:
      return set_aside (self, entry);
    case WAYMARK_RECOVERY_FILE_GONE:
      return recover_untitled (self, entry, TRUE);
    case WAYMARK_RECOVERY_UNTITLED:
    default:
      return recover_untitled (self, entry, FALSE);
    }
}
