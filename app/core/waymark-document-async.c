/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>

#include "waymark-document-private.h"
#include "waymark-file.h"
#include "waymark-snapshot.h"
#include "waymark-writer.h"

/* Saving and the recovery journal off the main thread.
 *
 * The main thread takes a WaymarkSnapshot of the map (a reference per
 * item, well under a millisecond at 100,000 cards) and a worker thread
 * serialises it and writes the file exactly as a synchronous save does:
 * temporary file, fsync, the stamp compared once more, rename.  The map
 * stays editable meanwhile; the snapshot keeps the state it was taken
 * from, so the file is always one the map really had.  When the save
 * ends, the history marks *that* state as saved: an edit made meanwhile
 * leaves the document modified (and its journal is written again against
 * the new file).
 *
 * Saves run one at a time in the order asked, each snapshotting the map
 * when it starts, so the second of two quick saves compares the stamp
 * the first one wrote.  Journal writes go through the document's
 * WaymarkRecoveryGate, so one that ends after a save or a newer write
 * never brings back an older state.
 *
 * Everything that touches items (the snapshot's references, the history)
 * is created and released on the main thread: item reference counts are
 * not atomic.  The worker only reads the snapshot and writes bytes. */

/* Saves and journal writes on a worker thread in this process. */
static gint n_writes;

guint
waymark_document_get_n_writes (void)
{
  return (guint) g_atomic_int_get (&n_writes);
}

typedef struct {
  GFile *file;
  gboolean overwrite;
  gboolean save_as;
  /* Set when the save starts, on the main thread. */
  WaymarkSnapshot *snapshot;
  WaymarkHistory *history;
  guint serial;
  WaymarkFileStamp *expected;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  /* Released by save_thread_done_cb () on the main thread. */
  g_assert (job->snapshot == NULL);
  g_clear_object (&job->file);
  g_clear_object (&job->history);
  waymark_file_stamp_free (job->expected);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autoptr(GBytes) bytes = waymark_writer_write_snapshot (job->snapshot);
  WaymarkFileStamp *stamp = NULL;
  GError *error = NULL;

  if (waymark_file_replace_contents (job->file, bytes, job->expected, &stamp, &error))
    g_task_return_pointer (task, stamp, (GDestroyNotify) waymark_file_stamp_free);
  else
    g_task_return_error (task, error);
}

static void start_next_save (WaymarkDocument *self);

static void
save_thread_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  WaymarkDocument *self = g_task_get_source_object (task);
  SaveJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  WaymarkFileStamp *stamp;

  g_assert (WAYMARK_IS_DOCUMENT (self));

  stamp = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_pointer (&job->snapshot, waymark_snapshot_free);
  self->saving = NULL;
  g_atomic_int_dec_and_test (&n_writes);

  if (stamp != NULL)
    {
      /* A reload meanwhile made another history: nothing of it is saved. */
      if (job->history == self->history)
        waymark_history_mark_saved_at (self->history, job->serial);
      _waymark_document_saved (self, job->file, stamp, job->save_as);
      if (!waymark_history_is_modified (self->history))
        waymark_document_discard_recovery (self);
      else if (waymark_document_get_recovery_delay (self) > 0)
        {
          /* Edited during the save: the journal now holds the edits
           * against a file that is gone; write it against the new one. */
          waymark_document_write_recovery_async (self, NULL, NULL, NULL);
        }
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) && !job->save_as)
    {
      /* The message of a synchronous save. */
      g_clear_error (&error);
      _waymark_document_set_changed_error (self, &error);
    }

  /* The next one first: a callback that asks for another save queues it
   * behind those already waiting. */
  start_next_save (self);
  if (stamp != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static void
start_save (WaymarkDocument *self,
            GTask           *task)
{
  SaveJob *job = g_task_get_task_data (task);
  GTask *thread_task;

  self->saving = task;
  g_atomic_int_inc (&n_writes);
  /* Typing after this point is a new undo step, so that undoing back to
   * the saved state is possible. */
  waymark_history_seal (self->history);
  job->snapshot = waymark_snapshot_new (self->journey);
  job->history = g_object_ref (self->history);
  job->serial = waymark_history_get_serial (self->history);
  if (!job->save_as && !job->overwrite && self->stamp != NULL)
    job->expected = waymark_file_stamp_copy (self->stamp);

  /* No source object: the worker may drop the last reference of this
   * task, and must not drop the document's. */
  thread_task = g_task_new (NULL, NULL, save_thread_done_cb, task);
  g_task_set_source_tag (thread_task, start_save);
  g_task_set_task_data (thread_task, job, NULL);
  g_task_run_in_thread (thread_task, save_thread);
  g_object_unref (thread_task);
}

static void
start_next_save (WaymarkDocument *self)
{
  GTask *next = g_queue_pop_head (&self->save_queue);

  if (next != NULL)
    start_save (self, next);
}

static void
queue_save (WaymarkDocument *self,
            GTask           *task)
{
  if (self->saving == NULL && g_queue_is_empty (&self->save_queue))
    start_save (self, task);
  else
    g_queue_push_tail (&self->save_queue, task);
}

static GTask *
new_save_task (WaymarkDocument     *self,
               GFile               *file,
               gboolean             overwrite,
               gboolean             save_as,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SaveJob *job = g_new0 (SaveJob, 1);

  g_task_set_source_tag (task, new_save_task);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  job->overwrite = overwrite;
  job->save_as = save_as;
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  return task;
}

void
waymark_document_save_async (WaymarkDocument     *self,
                             gboolean             overwrite,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));

  task = new_save_task (self, self->file, overwrite, FALSE, cancellable, callback, user_data);
  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The map has not been saved yet: choose where to save it."));
      g_object_unref (task);
      return;
    }
  if (self->read_only_reason && !overwrite)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY, "%s", self->read_only_reason);
      g_object_unref (task);
      return;
    }
  /* Whether someone else changed the file is asked on the worker, right
   * before writing and again before the rename: the question may mean
   * reading and hashing a large file. */
  queue_save (self, task);
}

gboolean
waymark_document_save_finish (WaymarkDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
waymark_document_save_as_async (WaymarkDocument     *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  queue_save (self, new_save_task (self, file, TRUE, TRUE, cancellable, callback, user_data));
}

gboolean
waymark_document_save_as_finish (WaymarkDocument  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return waymark_document_save_finish (self, result, error);
}

gboolean
waymark_document_is_saving (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return self->saving != NULL;
}

/* ---- The recovery journal ---- */

typedef struct {
  WaymarkDocument *document;   /* released on the main thread */
  WaymarkSnapshot *snapshot;   /* likewise */
  WaymarkRecoveryGate *gate;
  guint64 ticket;
  char *key;
  GFile *file;
  char *title;
  char *checksum;
  GTask *task;                 /* the caller's, or NULL */
} JournalJob;

static void
journal_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JournalJob *job = task_data;
  g_autoptr(GBytes) bytes = waymark_writer_write_snapshot (job->snapshot);
  GError *error = NULL;

  if (waymark_recovery_write_gated (job->gate, job->ticket, job->key, job->file,
                                    job->title, job->checksum, bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
journal_thread_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  JournalJob *job = user_data;
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_pointer (&job->snapshot, waymark_snapshot_free);
  g_atomic_int_dec_and_test (&n_writes);
  if (job->task != NULL)
    {
      if (error != NULL)
        g_task_return_error (job->task, error);
      else
        g_task_return_boolean (job->task, TRUE);
      g_object_unref (job->task);
    }
  else if (error != NULL)
    {
      g_warning ("Could not write the recovery journal: %s", error->message);
      g_error_free (error);
    }
  g_object_unref (job->document);
  waymark_recovery_gate_unref (job->gate);
  g_free (job->key);
  g_clear_object (&job->file);
  g_free (job->title);
  g_free (job->checksum);
  g_free (job);
}

void
waymark_document_write_recovery_async (WaymarkDocument     *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  JournalJob *job;
  GTask *thread_task;
  GTask *task = NULL;

  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));

  if (callback != NULL)
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, waymark_document_write_recovery_async);
    }
  g_clear_handle_id (&self->recovery_source, g_source_remove);
  if (!waymark_history_is_modified (self->history))
    {
      waymark_document_discard_recovery (self);
      if (task != NULL)
        {
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
        }
      return;
    }

  job = g_new0 (JournalJob, 1);
  job->document = g_object_ref (self);
  job->snapshot = waymark_snapshot_new (self->journey);
  job->gate = waymark_recovery_gate_ref (self->recovery_gate);
  job->ticket = waymark_recovery_gate_begin_write (self->recovery_gate);
  job->key = g_strdup (self->recovery_key);
  job->file = self->file != NULL ? g_object_ref (self->file) : NULL;
  job->title = g_strdup (self->title);
  job->checksum = g_strdup (waymark_document_get_checksum (self));
  job->task = task;
  g_atomic_int_inc (&n_writes);

  thread_task = g_task_new (NULL, NULL, journal_thread_done_cb, job);
  g_task_set_source_tag (thread_task, journal_thread);
  g_task_set_task_data (thread_task, job, NULL);
  g_task_run_in_thread (thread_task, journal_thread);
  g_object_unref (thread_task);
}

gboolean
waymark_document_write_recovery_finish (WaymarkDocument  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_waymark_document_async_dispose (WaymarkDocument *self)
{
  /* A save in progress holds a reference, so only waiting ones can be
   * left: they never started. */
  GTask *task;

  while ((task = g_queue_pop_head (&self->save_queue)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", g_strerror (ECANCELED));
      g_object_unref (task);
    }
}
