/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-document-tab-private.h"
#include "waymark-lock.h"

/* The tab's document and its file on disk: a monitor that notices when
 * someone else writes it, and the lock file that tells teammates who has
 * it open (with the question when someone else already has). */

static void
monitor_changed_cb (GFileMonitor       *monitor,
                    GFile              *file,
                    GFile              *other,
                    GFileMonitorEvent   event,
                    WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  /* Our own saves match the checksum and do not count. */
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
      event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN)
    waymark_document_tab_check_disk (self);
}

static void
stop_watching (WaymarkDocumentTab *self)
{
  if (self->monitor == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

void
_waymark_document_tab_watch_file (WaymarkDocumentTab *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;

  stop_watching (self);
  if (file == NULL)
    return;
  /* Saves replace the file: watch its name, not the old inode. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* The name others see: the user-name setting, or the account's name. */
static char *
lock_user_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.waymark.Waymark", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "user-name"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);

      name = g_settings_get_string (settings, "user-name");
    }
  if (name == NULL || name[0] == '\0')
    {
      const char *real = g_get_real_name ();

      g_free (name);
      name = g_strdup (real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0
                       ? real : g_get_user_name ());
    }
  return g_steal_pointer (&name);
}

void
_waymark_document_tab_release_lock (WaymarkDocumentTab *self)
{
  if (self->locked_file != NULL)
    waymark_lock_release (self->locked_file);
  g_clear_object (&self->locked_file);
}

static void
acquire_lock (WaymarkDocumentTab *self,
              GFile              *file)
{
  g_autofree char *user = lock_user_name ();
  g_autoptr(GError) error = NULL;

  _waymark_document_tab_release_lock (self);
  /* A folder we may not write in (a portal's, a read-only share) means
   * no lock, not an error. */
  if (waymark_lock_acquire (file, user, &error))
    self->locked_file = g_object_ref (file);
  else
    g_debug ("No lock for the file: %s", error != NULL ? error->message : "?");
}

/* Read-only because of someone else's lock, or not: the banner's Edit
 * button (tab.edit-shared) is there only while it is. */
static void
set_read_only_by_lock (WaymarkDocumentTab *self,
                       gboolean            read_only)
{
  if (read_only)
    waymark_document_set_read_only (self->document,
                                    _("Opened read-only because someone else has it open."));
  else if (self->read_only_by_lock)
    waymark_document_set_read_only (self->document, NULL);
  self->read_only_by_lock = read_only;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tab.edit-shared", read_only);
}

static void
lock_response_cb (AdwMessageDialog   *dialog,
                  const char         *response,
                  WaymarkDocumentTab *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;

  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  if (file == NULL)
    return;
  if (g_strcmp0 (response, "edit") == 0)
    {
      set_read_only_by_lock (self, FALSE);
      acquire_lock (self, file);
    }
  else
    set_read_only_by_lock (self, TRUE);
}

static void ask_about_lock (WaymarkDocumentTab    *self,
                            GFile                 *file,
                            const WaymarkLockInfo *other);

/* The banner's Edit: the teammate may have closed the map by now; if
 * not, the same question as on open. */
void
_waymark_document_tab_edit_shared (WaymarkDocumentTab *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;
  g_autoptr(WaymarkLockInfo) other = NULL;

  if (file == NULL || !self->read_only_by_lock)
    return;
  other = waymark_lock_read_other (file);
  if (other != NULL)
    {
      ask_about_lock (self, file, other);
      return;
    }
  set_read_only_by_lock (self, FALSE);
  acquire_lock (self, file);
}

/* On open: warn when someone else has the file open, else lock it. */
void
_waymark_document_tab_lock_file (WaymarkDocumentTab *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;
  g_autoptr(WaymarkLockInfo) other = NULL;

  self->lock_pending = FALSE;
  if (file == NULL)
    {
      _waymark_document_tab_release_lock (self);
      return;
    }
  if (self->locked_file != NULL && g_file_equal (self->locked_file, file))
    return;
  _waymark_document_tab_release_lock (self);
  if (waymark_document_is_read_only (self->document))
    return;

  other = waymark_lock_read_other (file);
  if (other == NULL)
    {
      acquire_lock (self, file);
      return;
    }
  if (_waymark_document_tab_get_parent_window (self) == NULL)
    {
      /* Asked once the tab is in a window. */
      self->lock_pending = TRUE;
      return;
    }
  ask_about_lock (self, file, other);
}

static void
ask_about_lock (WaymarkDocumentTab    *self,
                GFile                 *file,
                const WaymarkLockInfo *other)
{
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  GtkWidget *dialog;

  name = g_file_get_basename (file);
  who = waymark_lock_info_describe (other);
  dialog = adw_message_dialog_new (_waymark_document_tab_get_parent_window (self), NULL,
                                   _("If you both edit it, one of you will have to overwrite "
                                     "the other’s changes or save a copy."));
  /* TRANSLATORS: "“plan.journey” is opened by Ada on laptop since 10:20";
   * the second %s is the "opened by …" text. */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” is %s"), name, who);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "read-only", _("Open _Read-Only"),
                                    "edit", _("_Edit Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  g_signal_connect_object (dialog, "response", G_CALLBACK (lock_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_waymark_document_tab_disk_dispose (WaymarkDocumentTab *self)
{
  _waymark_document_tab_release_lock (self);
  stop_watching (self);
}
