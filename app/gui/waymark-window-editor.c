/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-lock.h"
#include "waymark-window-private.h"

/* The window's side of editing: the document shown in the editor page,
 * the header bar's undo, redo and inspector buttons, the title with its
 * unsaved-changes mark, Save (to the document's file, or Save As for an
 * untitled one) and Save As, with the dialog for a file someone else
 * changed since it was opened. */

static void watch_file         (WaymarkWindow *self);
static void lock_document_file (WaymarkWindow *self);
static void release_lock       (WaymarkWindow *self);
static void changed_on_disk_cb (WaymarkDocument *document, WaymarkWindow *self);

void
_waymark_window_update_title (WaymarkWindow *self)
{
  WaymarkJourney *journey = self->document ? waymark_document_get_journey (self->document) : NULL;
  g_autofree char *shown = NULL;
  const char *title;
  GFile *file;

  if (journey == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Waymark"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      if (self->load_cancellable == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Journey");
  /* GNOME Text Editor's mark for unsaved changes. */
  shown = waymark_document_is_modified (self->document) ? g_strdup_printf ("• %s", title) : g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  gtk_window_set_title (GTK_WINDOW (self), shown);
  file = waymark_document_get_file (self->document);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    adw_window_title_set_subtitle (self->window_title, "");

  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
update_history_actions (WaymarkWindow *self)
{
  WaymarkHistory *history = self->bound_history;
  gboolean editable = self->document != NULL && !waymark_document_is_read_only (self->document);
  gboolean can_undo = history != NULL && editable && waymark_history_can_undo (history);
  gboolean can_redo = history != NULL && editable && waymark_history_can_redo (history);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->document != NULL);

  /* "Undo Move Card": the tooltip says what the button would do. */
  if (can_undo && waymark_history_get_undo_label (history) != NULL)
    undo_tip = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), waymark_history_get_undo_label (history));
  else
    undo_tip = g_strdup (_("Undo (Ctrl+Z)"));
  if (can_redo && waymark_history_get_redo_label (history) != NULL)
    redo_tip = g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), waymark_history_get_redo_label (history));
  else
    redo_tip = g_strdup (_("Redo (Shift+Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
history_changed_cb (WaymarkWindow *self)
{
  update_history_actions (self);
}

static void
journey_changed_cb (WaymarkJourney *journey, WaymarkChange *change, WaymarkWindow *self)
{
  if (change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    _waymark_window_update_title (self);
}

static void
unbind (WaymarkWindow *self)
{
  if (self->bound_journey != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_journey, self);
  if (self->bound_history != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_history, self);
  g_clear_object (&self->bound_journey);
  g_clear_object (&self->bound_history);
}

/* The document replaces its journey and history on a reload. */
static void
bind_journey (WaymarkWindow *self)
{
  unbind (self);
  if (self->document == NULL)
    return;

  self->bound_journey = g_object_ref (waymark_document_get_journey (self->document));
  self->bound_history = g_object_ref (waymark_document_get_history (self->document));
  g_signal_connect (self->bound_journey, "changed", G_CALLBACK (journey_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-undo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-redo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::undo-label", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::redo-label", G_CALLBACK (history_changed_cb), self);
}

static void
document_notify_cb (WaymarkDocument *document, GParamSpec *pspec, WaymarkWindow *self)
{
  if (g_strcmp0 (pspec->name, "journey") == 0)
    {
      bind_journey (self);
      /* A reload brings the version on disk. */
      gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
    }
  if (g_strcmp0 (pspec->name, "file") == 0)
    {
      watch_file (self);
      lock_document_file (self);
    }
  _waymark_window_update_title (self);
  update_history_actions (self);
}

void
_waymark_window_set_document (WaymarkWindow *self, WaymarkDocument *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect (document, "notify", G_CALLBACK (document_notify_cb), self);
      g_signal_connect (document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), self);
    }
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
  watch_file (self);
  lock_document_file (self);

  bind_journey (self);
  waymark_editor_set_document (self->editor, document);
  _waymark_window_update_title (self);
  update_history_actions (self);
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (waymark_editor_get_canvas (self->editor)));
}

/* ---- Actions ---- */

static void
undo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (self->bound_history != NULL)
    waymark_history_undo (self->bound_history);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (self->bound_history != NULL)
    waymark_history_redo (self->bound_history);
}

static gboolean save (WaymarkWindow *self, gboolean overwrite);
static void     save_as (WaymarkWindow *self);

/* What is typed in place belongs to the saved map. */
static void
commit_editing (WaymarkWindow *self)
{
  if (waymark_canvas_is_editing (waymark_editor_get_canvas (self->editor)))
    gtk_widget_grab_focus (GTK_WIDGET (waymark_editor_get_canvas (self->editor)));
}

static void
show_save_error (WaymarkWindow *self, GFile *file, const GError *error)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup (_("Untitled Journey"));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Save “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Destroys the window once the dialog that asked has closed. */
static void
destroy_later (WaymarkWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

/* A save finished: a window that waits for it to close does so. */
static void
save_finished (WaymarkWindow *self, gboolean saved)
{
  gboolean close = self->close_after_save;

  self->close_after_save = FALSE;
  if (saved && close)
    destroy_later (self);
}

gboolean
waymark_window_save_to (WaymarkWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;
  commit_editing (self);
  if (!waymark_document_save_as (self->document, file, &error))
    {
      show_save_error (self, file, error);
      return FALSE;
    }
  _waymark_window_update_title (self);
  return TRUE;
}

/* The name Save As offers: the journey's title, as a file name. */
char *
_waymark_window_default_file_name (WaymarkWindow *self)
{
  WaymarkJourney *journey = self->document ? waymark_document_get_journey (self->document) : NULL;
  const char *title = journey ? waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE) : NULL;
  g_autofree char *base = NULL;

  if (title == NULL || title[0] == '\0')
    title = _("Untitled Journey");
  base = g_strdup (title);
  /* Characters that file systems refuse or that mean a folder. */
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);
  return g_strconcat (base[0] != '\0' ? base : "journey", ".journey", NULL);
}

static GtkFileFilter *
journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_pattern (filter, "*.journey");
  gtk_file_filter_add_mime_type (filter, "application/x-waymark-journey");
  return filter;
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
save_dialog_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(WaymarkWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  save_finished (self, file != NULL && waymark_window_save_to (self, file));
}
#else
static void
save_chooser_response_cb (GtkNativeDialog *chooser, int response, WaymarkWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  save_finished (self, file != NULL && waymark_window_save_to (self, file));
  g_object_unref (chooser);
  g_object_unref (self);
}
#endif

static void
save_as (WaymarkWindow *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GFile *current;

  if (self->document == NULL)
    return;
  commit_editing (self);
  name = _waymark_window_default_file_name (self);
  filter = journey_filter ();
  current = waymark_document_get_file (self->document);

#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Save Journey As"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_set_initial_name (dialog, name);
    if (current != NULL)
      {
        g_autoptr(GFile) parent = g_file_get_parent (current);

        gtk_file_dialog_set_initial_folder (dialog, parent);
      }
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Save Journey As"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    if (current != NULL)
      {
        g_autoptr(GFile) parent = g_file_get_parent (current);

        if (parent != NULL)
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
      }
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog, const char *response, WaymarkWindow *self)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    save (self, TRUE);
  else if (g_strcmp0 (response, "save-copy") == 0)
    save_as (self);
  else if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GError) error = NULL;

      self->close_after_save = FALSE;
      if (!waymark_document_reload (self->document, &error))
        show_save_error (self, waymark_document_get_file (self->document), error);
    }
  else
    self->close_after_save = FALSE;
}

/* Saves to the document's file, or asks for one.  Returns TRUE when the
 * document was saved now; a dialog may still finish the save later. */
static gboolean
save (WaymarkWindow *self, gboolean overwrite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->document == NULL)
    return FALSE;
  if (waymark_document_get_file (self->document) == NULL)
    {
      save_as (self);
      return FALSE;
    }
  commit_editing (self);

  if (waymark_document_save (self->document, overwrite, &error))
    {
      save_finished (self, TRUE);
      return TRUE;
    }

  name = g_file_get_basename (waymark_document_get_file (self->document));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                       _("The file was changed since you opened it. "
                                         "Reload it and lose your changes, save yours as a copy, "
                                         "or overwrite the other changes with yours."));
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         _("“%s” was changed by someone else"), name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "reload", _("_Reload"),
                                        "save-copy", _("Save a _Copy…"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      show_save_error (self, waymark_document_get_file (self->document), error);
      self->close_after_save = FALSE;
    }
  return FALSE;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save (WAYMARK_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save_as (WAYMARK_WINDOW (widget));
}

/* ---- Changes on disk ---- */

static void
changed_on_disk_cb (WaymarkDocument *document, WaymarkWindow *self)
{
  gtk_revealer_set_reveal_child (self->disk_banner, TRUE);
}

static void
monitor_changed_cb (GFileMonitor *monitor, GFile *file, GFile *other,
                    GFileMonitorEvent event, WaymarkWindow *self)
{
  /* Our own saves match the checksum and do not count. */
  if (self->document != NULL &&
      (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED ||
       event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN))
    waymark_document_check_disk (self->document);
}

static void
watch_file (WaymarkWindow *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (file == NULL)
    return;
  /* Saves replace the file: watch its name, not the old inode. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

static void
is_active_cb (WaymarkWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->document != NULL &&
      waymark_document_get_file (self->document) != NULL)
    waymark_document_check_disk (self->document);
}

static void
reload_from_disk_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
  if (self->document != NULL && !waymark_document_reload (self->document, &error))
    show_save_error (self, waymark_document_get_file (self->document), error);
}

static void
keep_mine_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  /* The next save asks before it overwrites the other version. */
  gtk_revealer_set_reveal_child (WAYMARK_WINDOW (widget)->disk_banner, FALSE);
}

/* ---- Telling teammates who has the file open ---- */

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

static void
release_lock (WaymarkWindow *self)
{
  if (self->locked_file != NULL)
    waymark_lock_release (self->locked_file);
  g_clear_object (&self->locked_file);
}

static void
acquire_lock (WaymarkWindow *self, GFile *file)
{
  g_autofree char *user = lock_user_name ();
  g_autoptr(GError) error = NULL;

  release_lock (self);
  /* A folder we may not write in (a portal's, a read-only share) means
   * no lock, not an error. */
  if (waymark_lock_acquire (file, user, &error))
    self->locked_file = g_object_ref (file);
  else
    g_debug ("No lock for the file: %s", error != NULL ? error->message : "?");
}

static void
lock_response_cb (AdwMessageDialog *dialog, const char *response, WaymarkWindow *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;

  if (file == NULL)
    return;
  if (g_strcmp0 (response, "edit") == 0)
    acquire_lock (self, file);
  else
    waymark_document_set_read_only (self->document,
                                    _("Opened read-only because someone else has it open. "
                                      "Reopen it to edit."));
}

/* On open: warn when someone else has the file open, else lock it. */
static void
lock_document_file (WaymarkWindow *self)
{
  GFile *file = self->document ? waymark_document_get_file (self->document) : NULL;
  g_autoptr(WaymarkLockInfo) other = NULL;
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  GtkWidget *dialog;

  if (file == NULL)
    {
      release_lock (self);
      return;
    }
  if (self->locked_file != NULL && g_file_equal (self->locked_file, file))
    return;
  release_lock (self);
  if (waymark_document_is_read_only (self->document))
    return;

  other = waymark_lock_read_other (file);
  if (other == NULL)
    {
      acquire_lock (self, file);
      return;
    }

  name = g_file_get_basename (file);
  who = waymark_lock_info_describe (other);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
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

/* ---- Recovery after a crash ---- */

static void
show_recovery_toast (WaymarkWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  waymark_editor_add_toast (self->editor, toast);
}

gboolean
waymark_window_recover (WaymarkWindow *self, const WaymarkRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) document = NULL;
  g_autofree char *message = NULL;
  WaymarkRecoveryState state;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  state = waymark_recovery_check (entry);
  if (state == WAYMARK_RECOVERY_RESTORABLE)
    {
      g_autoptr(GFile) file = g_file_new_for_path (entry->path);

      document = waymark_document_load (file, &error);
      if (document == NULL || !waymark_document_restore_snapshot (document, entry->snapshot_path, &error))
        {
          g_warning ("Could not restore %s: %s", entry->snapshot_path, error->message);
          return FALSE;
        }
      _waymark_window_set_document (self, document);
      /* The journal keeps the restored changes under the same key. */
      waymark_document_write_recovery (document, NULL);
      message = g_strdup_printf (_("Restored unsaved changes to %s"), entry->display_name);
      show_recovery_toast (self, message);
      return TRUE;
    }

  if (state == WAYMARK_RECOVERY_FILE_CHANGED)
    {
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

  /* The file is gone, or there never was one: a new untitled journey. */
  {
    g_autoptr(WaymarkJourney) journey = waymark_journey_new ();

    document = waymark_document_new (journey);
  }
  if (!waymark_document_restore_snapshot (document, entry->snapshot_path, &error))
    {
      g_warning ("Could not restore %s: %s", entry->snapshot_path, error->message);
      return FALSE;
    }
  _waymark_window_set_document (self, document);
  /* Journal it under the new document's key before the old entry goes. */
  if (waymark_document_write_recovery (document, NULL))
    waymark_recovery_discard (entry->key);
  message = g_strdup_printf (_("Restored unsaved changes to %s as a new journey"), entry->display_name);
  show_recovery_toast (self, message);
  return TRUE;
}

/* ---- Closing with unsaved changes ---- */

static void
unsaved_changes_response_cb (AdwMessageDialog *dialog, const char *response, WaymarkWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      if (self->document != NULL)
        waymark_document_discard_recovery (self->document);
      destroy_later (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      /* Closes once saved; a failed or cancelled save keeps the window. */
      self->close_after_save = TRUE;
      save (self, FALSE);
    }
}

static gboolean
close_request_cb (WaymarkWindow *self)
{
  GtkWidget *dialog;
  const char *title;
  WaymarkJourney *journey;

  if (self->document == NULL || !waymark_document_is_modified (self->document))
    return FALSE;
  commit_editing (self);

  journey = waymark_document_get_journey (self->document);
  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Journey");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                  title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_changes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
toggle_inspector_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_toggle_button_set_active (self->inspector_button, !gtk_toggle_button_get_active (self->inspector_button));
}

void
_waymark_window_class_editor_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WAYMARK_TYPE_EDITOR);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, disk_banner);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_from_disk_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);

  /* Window bindings run after the focused widget: a text field undoes its
   * own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
}

void
_waymark_window_editor_init (WaymarkWindow *self)
{
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_object_bind_property (self->inspector_button, "active", self->editor, "show-inspector",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_history_actions (self);
}

void
_waymark_window_editor_dispose (WaymarkWindow *self)
{
  unbind (self);
  release_lock (self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
}
