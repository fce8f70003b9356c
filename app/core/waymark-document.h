/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-history.h"
#include "waymark-journey.h"
#include "waymark-reader.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_DOCUMENT (waymark_document_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkDocument, waymark_document, WAYMARK, DOCUMENT, GObject)

/* One open journey: the model, its undo history, the file it came from and
 * what identifies its bytes on disk (a WaymarkFileStamp), the recovery
 * journal of its unsaved changes, and why it may be read-only.
 * Properties: "file", "journey" (replaced on reload: views rebind),
 * "title", "modified", "read-only".
 * Signal ::changed-on-disk: the file was changed by someone else. */
WaymarkDocument *waymark_document_new          (WaymarkJourney *journey);
/* A document that has no file yet (a new map, one made from a template, or
 * one restored after a crash): it counts as modified only after its first
 * edit, its recovery journal is keyed by a generated id, and it is saved
 * with waymark_document_save_as().  The same as waymark_document_new(). */
WaymarkDocument *waymark_document_new_untitled (WaymarkJourney *journey);
WaymarkDocument *waymark_document_load         (GFile *file, GError **error);

WaymarkJourney  *waymark_document_get_journey  (WaymarkDocument *self);
WaymarkHistory  *waymark_document_get_history  (WaymarkDocument *self);
GFile           *waymark_document_get_file     (WaymarkDocument *self);
/* Whether the document has no file yet (Save must ask for one). */
gboolean         waymark_document_is_untitled  (WaymarkDocument *self);
/* The key of its recovery journal entry: derived from the file's URI, or
 * "untitled-<uuid>" for an untitled document. */
const char      *waymark_document_get_recovery_key (WaymarkDocument *self);
/* The file's name, or "Untitled Journey". */
const char      *waymark_document_get_title    (WaymarkDocument *self);
gboolean         waymark_document_is_modified  (WaymarkDocument *self);
gboolean         waymark_document_is_read_only (WaymarkDocument *self);
/* Why the document is read-only (translated), or NULL. */
const char      *waymark_document_get_read_only_reason (WaymarkDocument *self);
void             waymark_document_set_read_only (WaymarkDocument *self, const char *reason);
const char      *waymark_document_get_checksum (WaymarkDocument *self);

/* Saves to the document's file.  Fails with G_IO_ERROR_WRONG_ETAG when
 * the file changed on disk since it was loaded or saved, unless @overwrite,
 * and with G_IO_ERROR_NOT_FOUND for an untitled document (use Save As). */
gboolean         waymark_document_save         (WaymarkDocument *self, gboolean overwrite, GError **error);
gboolean         waymark_document_save_as      (WaymarkDocument *self, GFile *file, GError **error);
/* The same on a worker thread (the main thread takes a snapshot of the
 * map, well under a millisecond, and is free while the bytes are made and
 * written).  The map stays editable meanwhile: the file holds the state
 * it had when the save started, and an edit made since leaves the
 * document modified.  Saves run one after the other in the order asked.
 * WRONG_ETAG and the other errors are those of the synchronous calls. */
void             waymark_document_save_async     (WaymarkDocument     *self,
                                                  gboolean             overwrite,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         waymark_document_save_finish    (WaymarkDocument     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void             waymark_document_save_as_async  (WaymarkDocument     *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean         waymark_document_save_as_finish (WaymarkDocument     *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Whether a save started by waymark_document_save_async() or
 * waymark_document_save_as_async() has not ended yet. */
gboolean         waymark_document_is_saving      (WaymarkDocument     *self);
/* How many saves and journal writes of all documents are on a worker
 * thread now (tests wait for none). */
guint            waymark_document_get_n_writes   (void);
/* Replaces the contents with the file on disk, dropping unsaved changes. */
gboolean         waymark_document_reload       (WaymarkDocument *self, GError **error);
/* Compares the file on disk with what was loaded or saved (inode, size,
 * modification and change time; the checksum when any of them differ, so
 * a touch is no change and `cp -p` is one); emits
 * ::changed-on-disk once per new version.  Returns TRUE if it changed. */
gboolean         waymark_document_check_disk   (WaymarkDocument *self);

/* Writes the recovery journal now, on this thread (when the process is
 * asked to end).  The timer ~3 s after an edit uses the asynchronous
 * call, which serialises and writes on a worker thread. */
gboolean         waymark_document_write_recovery (WaymarkDocument *self, GError **error);
void             waymark_document_write_recovery_async  (WaymarkDocument     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean         waymark_document_write_recovery_finish (WaymarkDocument     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* Discards the journal entry: on close without saving, after a save. */
void             waymark_document_discard_recovery (WaymarkDocument *self);
/* Replaces the contents with a recovered snapshot, which counts as
 * unsaved changes against the file on disk. */
gboolean         waymark_document_restore_snapshot (WaymarkDocument *self,
                                                    const char      *snapshot_path,
                                                    GError         **error);

/* Seconds of quiet after an edit before the journal is written. */
#define WAYMARK_DOCUMENT_RECOVERY_DELAY 3

/* The Preferences' "autosave" and "autosave-delay-seconds": 0 keeps no
 * journal (and discards this document's); the default is
 * WAYMARK_DOCUMENT_RECOVERY_DELAY. */
void             waymark_document_set_recovery_delay (WaymarkDocument *self,
                                                      guint            seconds);
guint            waymark_document_get_recovery_delay (WaymarkDocument *self);

G_END_DECLS
