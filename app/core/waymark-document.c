/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-document-private.h"
#include "waymark-file.h"
#include "waymark-recovery.h"
#include "waymark-writer.h"

G_DEFINE_FINAL_TYPE (WaymarkDocument, waymark_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_JOURNEY,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
recovery_timeout_cb (gpointer data)
{
  WaymarkDocument *self = data;

  g_assert (WAYMARK_IS_DOCUMENT (self));

  self->recovery_source = 0;
  /* On a worker thread; it warns itself when it fails. */
  waymark_document_write_recovery_async (self, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

static void
journey_changed_cb (WaymarkJourney  *journey,
                    WaymarkChange   *change,
                    WaymarkDocument *self)
{
  g_assert (WAYMARK_IS_DOCUMENT (self));

  /* Debounced: a burst of edits (a drag, typing) writes one snapshot. */
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (self->recovery_delay > 0)
    self->recovery_source = g_timeout_add_seconds (self->recovery_delay, recovery_timeout_cb, self);
}

static void
history_modified_cb (WaymarkHistory  *history,
                     GParamSpec      *pspec,
                     WaymarkDocument *self)
{
  g_assert (WAYMARK_IS_DOCUMENT (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (!waymark_history_is_modified (history))
    waymark_document_discard_recovery (self);
}

static void
set_journey (WaymarkDocument *self,
             WaymarkJourney  *journey)
{
  if (self->journey)
    g_clear_signal_handler (&self->changed_handler, self->journey);
  if (self->history)
    g_clear_signal_handler (&self->modified_handler, self->history);
  g_set_object (&self->journey, journey);
  g_clear_object (&self->history);
  self->history = waymark_history_new (journey);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY]);
  self->changed_handler = g_signal_connect (journey, "changed", G_CALLBACK (journey_changed_cb), self);
  self->modified_handler = g_signal_connect (self->history, "notify::modified",
                                             G_CALLBACK (history_modified_cb), self);
}

static void
update_title (WaymarkDocument *self)
{
  g_free (self->title);
  if (self->file)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      self->title = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (self->file);
    }
  else
    self->title = g_strdup (_("Untitled Journey"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
waymark_document_dispose (GObject *object)
{
  WaymarkDocument *self = WAYMARK_DOCUMENT (object);

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  _waymark_document_async_dispose (self);
  if (self->journey)
    g_clear_signal_handler (&self->changed_handler, self->journey);
  if (self->history)
    g_clear_signal_handler (&self->modified_handler, self->history);
  g_clear_object (&self->history);
  g_clear_object (&self->journey);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (waymark_document_parent_class)->dispose (object);
}

static void
waymark_document_finalize (GObject *object)
{
  WaymarkDocument *self = WAYMARK_DOCUMENT (object);

  g_free (self->title);
  waymark_file_stamp_free (self->stamp);
  waymark_file_stamp_free (self->reported);
  g_free (self->read_only_reason);
  g_free (self->recovery_key);
  waymark_recovery_gate_unref (self->recovery_gate);
  G_OBJECT_CLASS (waymark_document_parent_class)->finalize (object);
}

static void
waymark_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkDocument *self = WAYMARK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_JOURNEY: g_value_set_object (value, self->journey); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_MODIFIED: g_value_set_boolean (value, waymark_document_is_modified (self)); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only_reason != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_document_class_init (WaymarkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_document_dispose;
  object_class->finalize = waymark_document_finalize;
  object_class->get_property = waymark_document_get_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_JOURNEY] = g_param_spec_object ("journey", NULL, NULL, WAYMARK_TYPE_JOURNEY,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
waymark_document_init (WaymarkDocument *self)
{
  self->recovery_delay = WAYMARK_DOCUMENT_RECOVERY_DELAY;
  self->recovery_gate = waymark_recovery_gate_new ();
  g_queue_init (&self->save_queue);
}

WaymarkDocument *
waymark_document_new (WaymarkJourney *journey)
{
  WaymarkDocument *self;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_object_new (WAYMARK_TYPE_DOCUMENT, NULL);
  set_journey (self, journey);
  self->recovery_key = waymark_recovery_key_for (NULL);
  update_title (self);
  return self;
}

WaymarkDocument *
waymark_document_new_untitled (WaymarkJourney *journey)
{
  return waymark_document_new (journey);
}

static gboolean
file_is_writable (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info == NULL ||
         !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

WaymarkDocument *
waymark_document_load (GFile   *file,
                       GError **error)
{
  g_autoptr(WaymarkJourney) journey = NULL;
  WaymarkReadInfo info = { 0 };
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  WaymarkDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  journey = waymark_file_load (file, &info, &stamp, error);
  if (journey == NULL)
    return NULL;

  self = g_object_new (WAYMARK_TYPE_DOCUMENT, NULL);
  set_journey (self, journey);
  self->file = g_object_ref (file);
  self->stamp = g_steal_pointer (&stamp);
  self->recovery_key = waymark_recovery_key_for (file);
  if (info.newer)
    self->read_only_reason = g_strdup_printf (_("This map was written by a newer version of Waymark (format %d). It can be read but not edited."),
                                              info.format);
  else if (!file_is_writable (file))
    self->read_only_reason = g_strdup (_("You do not have permission to change this file."));
  update_title (self);
  return self;
}

WaymarkJourney *
waymark_document_get_journey (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->journey;
}

WaymarkHistory *
waymark_document_get_history (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
waymark_document_get_file (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
waymark_document_is_untitled (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return self->file == NULL;
}

const char *
waymark_document_get_recovery_key (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->recovery_key;
}

const char *
waymark_document_get_title (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->title;
}

gboolean
waymark_document_is_modified (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return waymark_history_is_modified (self->history);
}

gboolean
waymark_document_is_read_only (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return self->read_only_reason != NULL;
}

const char *
waymark_document_get_read_only_reason (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->read_only_reason;
}

void
waymark_document_set_read_only (WaymarkDocument *self,
                                const char      *reason)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  if (g_strcmp0 (self->read_only_reason, reason) == 0)
    return;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

const char *
waymark_document_get_checksum (WaymarkDocument *self)
{
  const char *checksum;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  if (self->stamp == NULL)
    return NULL;
  checksum = waymark_file_stamp_get_checksum (self->stamp);
  return checksum[0] != '\0' ? checksum : NULL;
}

void
_waymark_document_set_stamp (WaymarkDocument  *self,
                             WaymarkFileStamp *stamp)
{
  waymark_file_stamp_free (self->stamp);
  self->stamp = stamp;
}

/* Whether the file on disk holds other bytes than those loaded or saved;
 * emits ::changed-on-disk once per new version.  @deep: see
 * waymark_file_stamp_compare(). */
gboolean
_waymark_document_check_disk (WaymarkDocument *self,
                              gboolean         deep)
{
  g_autoptr(WaymarkFileStamp) current = NULL;

  if (self->file == NULL || self->stamp == NULL)
    return FALSE;
  /* Our own save renames the file before it can give us its stamp: the
   * file monitor tells of it first.  Someone else's change meanwhile is
   * what the save itself compares, right before its rename. */
  if (self->saving != NULL)
    return FALSE;
  switch (waymark_file_stamp_compare (self->stamp, self->file, deep, &current))
    {
    case WAYMARK_FILE_STAMP_SAME:
      return FALSE;
    case WAYMARK_FILE_STAMP_SAME_BYTES:
      /* Touched, or rewritten with the same bytes: remember the new
       * metadata so the next look is cheap again. */
      _waymark_document_set_stamp (self, g_steal_pointer (&current));
      return FALSE;
    case WAYMARK_FILE_STAMP_GONE:
      /* Reported when saving fails, if it does. */
      return FALSE;
    case WAYMARK_FILE_STAMP_CHANGED:
    default:
      break;
    }
  if (self->reported == NULL || !waymark_file_stamp_same_version (current, self->reported))
    {
      waymark_file_stamp_free (self->reported);
      self->reported = g_steal_pointer (&current);
      g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
    }
  return TRUE;
}

void
_waymark_document_saved (WaymarkDocument  *self,
                         GFile            *file,
                         WaymarkFileStamp *stamp,
                         gboolean          save_as)
{
  _waymark_document_set_stamp (self, stamp);
  g_clear_pointer (&self->reported, waymark_file_stamp_free);
  if (save_as)
    {
      g_autofree char *old_key = g_steal_pointer (&self->recovery_key);

      waymark_recovery_gate_discard (self->recovery_gate, old_key);
      self->recovery_key = waymark_recovery_key_for (file);
      g_set_object (&self->file, file);
      waymark_document_set_read_only (self, NULL);
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

void
_waymark_document_set_changed_error (WaymarkDocument  *self,
                                     GError          **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("“%s” was changed on disk by someone else since you opened it."), self->title);
}

static gboolean
save_to (WaymarkDocument         *self,
         GFile                   *file,
         const WaymarkFileStamp  *expected,
         gboolean                 save_as,
         GError                 **error)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (self->journey);
  WaymarkFileStamp *stamp = NULL;

  if (!waymark_file_replace_contents (file, bytes, expected, &stamp, error))
    return FALSE;

  waymark_history_mark_saved (self->history);
  _waymark_document_saved (self, file, stamp, save_as);
  waymark_document_discard_recovery (self);
  return TRUE;
}

gboolean
waymark_document_save (WaymarkDocument  *self,
                       gboolean          overwrite,
                       GError          **error)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The map has not been saved yet: choose where to save it."));
      return FALSE;
    }
  if (self->read_only_reason && !overwrite)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  /* Down to the bytes: a sync tool or `cp -p` may keep the modification
   * time (GIO's etag) while replacing the content. */
  if (!overwrite && _waymark_document_check_disk (self, TRUE))
    {
      _waymark_document_set_changed_error (self, error);
      return FALSE;
    }
  /* And once more right before the rename, inside the save. */
  return save_to (self, self->file, overwrite ? NULL : self->stamp, FALSE, error);
}

gboolean
waymark_document_save_as (WaymarkDocument  *self,
                          GFile            *file,
                          GError          **error)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save_to (self, file, NULL, TRUE, error);
}

gboolean
waymark_document_reload (WaymarkDocument  *self,
                         GError          **error)
{
  g_autoptr(WaymarkDocument) fresh = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  fresh = waymark_document_load (self->file, error);
  if (fresh == NULL)
    return FALSE;

  /* Keep this object (windows hold it); the journey is new, and views
   * rebind on notify::journey. */
  set_journey (self, fresh->journey);
  _waymark_document_set_stamp (self, g_steal_pointer (&fresh->stamp));
  g_clear_pointer (&self->reported, waymark_file_stamp_free);
  waymark_document_set_read_only (self, fresh->read_only_reason);
  waymark_document_discard_recovery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  return TRUE;
}

gboolean
waymark_document_check_disk (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  return _waymark_document_check_disk (self, FALSE);
}

gboolean
waymark_document_write_recovery (WaymarkDocument  *self,
                                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 ticket;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (!waymark_history_is_modified (self->history))
    {
      waymark_document_discard_recovery (self);
      return TRUE;
    }
  ticket = waymark_recovery_gate_begin_write (self->recovery_gate);
  bytes = waymark_writer_write (self->journey);
  return waymark_recovery_write_gated (self->recovery_gate, ticket, self->recovery_key, self->file,
                                       self->title, waymark_document_get_checksum (self), bytes, error);
}

void
waymark_document_discard_recovery (WaymarkDocument *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  waymark_recovery_gate_discard (self->recovery_gate, self->recovery_key);
}

gboolean
waymark_document_restore_snapshot (WaymarkDocument  *self,
                                   const char       *snapshot_path,
                                   GError          **error)
{
  g_autoptr(GFile) snapshot = g_file_new_for_path (snapshot_path);
  g_autoptr(WaymarkJourney) journey = NULL;
  WaymarkReadInfo info = { 0 };

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  journey = waymark_file_load (snapshot, &info, NULL, error);
  if (journey == NULL)
    return FALSE;
  set_journey (self, journey);
  /* The restored state is not what the file holds: it must count as
   * unsaved, or closing the window would lose it again. */
  waymark_history_mark_unsaved (self->history);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  return TRUE;
}

void
waymark_document_set_recovery_delay (WaymarkDocument *self,
                                     guint            seconds)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));

  if (self->recovery_delay == seconds)
    return;
  self->recovery_delay = seconds;
  if (seconds == 0)
    {
      /* The user turned the journal off: none is kept, not even the last. */
      waymark_document_discard_recovery (self);
    }
  else if (self->recovery_source != 0)
    {
      g_clear_handle_id (&self->recovery_source, g_source_remove);
      self->recovery_source = g_timeout_add_seconds (seconds, recovery_timeout_cb, self);
    }
}

guint
waymark_document_get_recovery_delay (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), 0);

  return self->recovery_delay;
}
