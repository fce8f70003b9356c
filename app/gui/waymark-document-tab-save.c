/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-document-tab-private.h"

/* Save, Save As (an untitled map's Save is a Save As), and the question
 * when the file was changed by someone else since it was opened.  Every
 * save asked for ends in exactly one ::save-finished, so that closing a
 * tab or a window can wait for it.
 *
 * The map is serialised and written on a worker thread
 * (waymark_document_save_async()): the window keeps drawing and the map
 * stays editable.  The application is held until the save ends, so that
 * quitting never cuts a write short. */

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

gboolean
waymark_document_tab_save_to (WaymarkDocumentTab *self,
                              GFile              *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;
  waymark_document_tab_commit_editing (self);
  if (!waymark_document_save_as (self->document, file, &error))
    {
      _waymark_document_tab_show_error (self, TRUE, file, error);
      return FALSE;
    }
  add_to_recent (file);
  _waymark_document_tab_emit_changed (self);
  return TRUE;
}

static void
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_hold (app);
}

static void
release_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_application_release (app);
}

static void ask_changed_on_disk (WaymarkDocumentTab *self);

/* "Saved" for a waiting close means everything is on disk: an edit made
 * while the save ran keeps the map modified, and the close asks again. */
static void
save_done (WaymarkDocumentTab *self,
           WaymarkDocument    *document,
           GFile              *file,
           gboolean            ok,
           const GError       *error)
{
  if (ok)
    {
      add_to_recent (file);
      _waymark_document_tab_emit_changed (self);
      _waymark_document_tab_save_finished (self, !waymark_document_is_modified (document));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    ask_changed_on_disk (self);
  else
    {
      _waymark_document_tab_show_error (self, TRUE, file, error);
      _waymark_document_tab_save_finished (self, FALSE);
    }
}

static void
save_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(WaymarkDocumentTab) self = user_data;
  WaymarkDocument *document = WAYMARK_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  ok = waymark_document_save_finish (document, result, &error);
  save_done (self, document, waymark_document_get_file (document), ok, error);
  release_application ();
}

typedef struct {
  WaymarkDocumentTab *tab;
  GFile *file;
} SaveAs;

static void
save_as_async_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveAs *data = user_data;
  WaymarkDocument *document = WAYMARK_DOCUMENT (source);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = waymark_document_save_as_finish (document, result, &error);
  /* Save As never compares with the file it replaces. */
  save_done (data->tab, document, data->file, ok, error);
  g_object_unref (data->tab);
  g_object_unref (data->file);
  g_free (data);
  release_application ();
}

/* Save As to @file on a worker thread; ends in ::save-finished. */
static void
save_as_in_background (WaymarkDocumentTab *self,
                       GFile              *file)
{
  SaveAs *data;

  if (file == NULL || self->document == NULL)
    {
      _waymark_document_tab_save_finished (self, FALSE);
      return;
    }
  waymark_document_tab_commit_editing (self);
  data = g_new0 (SaveAs, 1);
  data->tab = g_object_ref (self);
  data->file = g_object_ref (file);
  hold_application ();
  waymark_document_save_as_async (self->document, file, NULL, save_as_async_cb, data);
}

static GtkFileFilter *
journey_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_pattern (filter, "*.journey");
  gtk_file_filter_add_mime_type (filter, "application/vnd.waymark.journey+xml");
  return filter;
}

#if GTK_CHECK_VERSION(4, 10, 0)
static void
save_dialog_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(WaymarkDocumentTab) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  save_as_in_background (self, file);
}
#else
static void
save_chooser_response_cb (GtkNativeDialog    *chooser,
                          int                 response,
                          WaymarkDocumentTab *self)
{
  g_autoptr(GFile) file = NULL;

  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  save_as_in_background (self, file);
  g_object_unref (chooser);
  g_object_unref (self);
}
#endif

void
waymark_document_tab_save_as (WaymarkDocumentTab *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkWindow *parent;
  GFile *current;

  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  if (self->document == NULL)
    {
      _waymark_document_tab_save_finished (self, FALSE);
      return;
    }
  waymark_document_tab_commit_editing (self);
  name = waymark_document_tab_default_file_name (self);
  filter = journey_filter ();
  current = waymark_document_get_file (self->document);
  parent = _waymark_document_tab_get_parent_window (self);

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
        g_autoptr(GFile) folder = g_file_get_parent (current);

        gtk_file_dialog_set_initial_folder (dialog, folder);
      }
    gtk_file_dialog_save (dialog, parent, NULL, save_dialog_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (_("Save Journey As"), parent,
                                           GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    if (current != NULL)
      {
        g_autoptr(GFile) folder = g_file_get_parent (current);

        if (folder != NULL)
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      }
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
changed_on_disk_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  if (g_strcmp0 (response, "overwrite") == 0)
    waymark_document_tab_save (self, TRUE);
  else if (g_strcmp0 (response, "save-copy") == 0)
    waymark_document_tab_save_as (self);
  else
    {
      if (g_strcmp0 (response, "reload") == 0)
        waymark_document_tab_reload_from_disk (self);
      /* Their version, or nothing: not what a waiting close asked for. */
      _waymark_document_tab_save_finished (self, FALSE);
    }
}

static void
ask_changed_on_disk (WaymarkDocumentTab *self)
{
  g_autofree char *name = g_file_get_basename (waymark_document_get_file (self->document));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (_waymark_document_tab_get_parent_window (self), NULL,
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

void
waymark_document_tab_save (WaymarkDocumentTab *self,
                           gboolean            overwrite)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  if (self->document == NULL)
    {
      _waymark_document_tab_save_finished (self, FALSE);
      return;
    }
  if (waymark_document_is_untitled (self->document))
    {
      waymark_document_tab_save_as (self);
      return;
    }
  waymark_document_tab_commit_editing (self);
  hold_application ();
  waymark_document_save_async (self->document, overwrite, NULL, save_async_cb, g_object_ref (self));
}

/* ---- Changes on disk ---- */

void
waymark_document_tab_check_disk (WaymarkDocumentTab *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  if (self->document != NULL && !waymark_document_is_untitled (self->document))
    waymark_document_check_disk (self->document);
}

void
waymark_document_tab_reload_from_disk (WaymarkDocumentTab *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
  if (self->document != NULL && !waymark_document_is_untitled (self->document) &&
      !waymark_document_reload (self->document, &error))
    _waymark_document_tab_show_error (self, FALSE,
                                      waymark_document_get_file (self->document), error);
}

void
waymark_document_tab_keep_mine (WaymarkDocumentTab *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  /* The next save asks before it overwrites the other version. */
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
}
