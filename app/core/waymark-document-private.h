/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-document.h"
#include "waymark-file-stamp.h"
#include "waymark-recovery.h"

G_BEGIN_DECLS

struct _WaymarkDocument
{
  GObject parent_instance;

  WaymarkJourney *journey;
  WaymarkHistory *history;
  GFile *file;
  char *title;
  /* The file as loaded or saved (NULL: untitled, or never read). */
  WaymarkFileStamp *stamp;
  /* The disk version ::changed-on-disk was emitted for. */
  WaymarkFileStamp *reported;
  char *read_only_reason;
  char *recovery_key;
  guint recovery_source;
  /* Seconds of quiet before the journal is written; 0: no journal. */
  guint recovery_delay;
  gulong changed_handler;
  gulong modified_handler;
  /* Orders this document's journal writes and discards. */
  WaymarkRecoveryGate *recovery_gate;
  /* The save on a worker thread, if any (a GTask of
   * waymark_document_save_async()), and those asked for since, which
   * run one after the other. */
  GTask *saving;
  GQueue save_queue;
};

/* waymark-document.c */
void     _waymark_document_set_stamp     (WaymarkDocument  *self,
                                          WaymarkFileStamp *stamp);
/* Emits ::changed-on-disk when the file holds other bytes than those
 * loaded or saved; @deep: see waymark_file_stamp_compare(). */
gboolean _waymark_document_check_disk    (WaymarkDocument  *self,
                                          gboolean          deep);
/* After a save to @file: its stamp, the history's saved state, and for
 * Save As the new file, title and journal key. */
void     _waymark_document_saved         (WaymarkDocument  *self,
                                          GFile            *file,
                                          WaymarkFileStamp *stamp,
                                          gboolean          save_as);
/* The error a save reports when someone else changed the file. */
void     _waymark_document_set_changed_error (WaymarkDocument  *self,
                                              GError          **error);

/* waymark-document-async.c */
void     _waymark_document_async_dispose (WaymarkDocument  *self);

G_END_DECLS
