/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-process.h"

G_BEGIN_DECLS

/* The crash-recovery journal.  Shortly after each edit, a document's
 * unsaved state is written to the user's state directory
 * ($XDG_STATE_HOME/waymark/recovery), keyed by the file's path, together
 * with the checksum of the file as it was on disk when the edits began.
 * After a crash the next start offers each entry: it is restored only
 * when the file on disk is still that version; otherwise it is set aside
 * (kept, never deleted) and the user is told where. */

typedef enum {
  WAYMARK_RECOVERY_RESTORABLE,    /* the file is unchanged since: replay */
  WAYMARK_RECOVERY_FILE_CHANGED,  /* someone changed the file since: set aside */
  WAYMARK_RECOVERY_FILE_GONE,     /* the file was deleted or moved: restore as new */
  WAYMARK_RECOVERY_UNTITLED,      /* never saved: restore as new */
} WaymarkRecoveryState;

typedef struct {
  char *key;
  char *path;           /* nullable: untitled document */
  char *display_name;
  char *base_checksum;  /* nullable: untitled document */
  gint64 written;       /* unix time of the snapshot */
  WaymarkProcess *writer;  /* the process that wrote it (never NULL) */
  char *snapshot_path;  /* the saved document bytes */
} WaymarkRecoveryEntry;

void                  waymark_recovery_entry_free (WaymarkRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkRecoveryEntry, waymark_recovery_entry_free)

/* The folder of the journal; $WAYMARK_RECOVERY_DIR overrides it (tests). */
char                 *waymark_recovery_dir         (void);
/* A key for @file, or a new unique key for an untitled document (@file NULL). */
char                 *waymark_recovery_key_for     (GFile *file);
/* Writes a snapshot atomically. */
gboolean              waymark_recovery_write       (const char *key,
                                                    GFile      *file,
                                                    const char *display_name,
                                                    const char *base_checksum,
                                                    GBytes     *snapshot,
                                                    GError    **error);
/* Removes the entry (after a save, or when the user discards changes). */
void                  waymark_recovery_discard     (const char *key);

/* Orders one document's journal writes and discards across threads: the
 * main thread takes a ticket when it snapshots the map, a worker writes
 * and syncs the entry beside its place and renames it in only when no
 * later ticket was written and no discard came since the ticket was
 * taken.  So a slow write that finishes after a save (which discards the
 * entry) or after a newer write never brings back an older state, and a
 * discard never waits for a write. */
typedef struct _WaymarkRecoveryGate WaymarkRecoveryGate;

WaymarkRecoveryGate  *waymark_recovery_gate_new     (void);
WaymarkRecoveryGate  *waymark_recovery_gate_ref     (WaymarkRecoveryGate *gate);
void                  waymark_recovery_gate_unref   (WaymarkRecoveryGate *gate);
guint64               waymark_recovery_gate_begin_write (WaymarkRecoveryGate *gate);
/* waymark_recovery_discard(), and no write begun before lands later. */
void                  waymark_recovery_gate_discard (WaymarkRecoveryGate *gate,
                                                     const char          *key);
/* waymark_recovery_write() for @ticket (any thread); TRUE also when a
 * newer ticket or a discard made it unnecessary. */
gboolean              waymark_recovery_write_gated  (WaymarkRecoveryGate *gate,
                                                     guint64              ticket,
                                                     const char          *key,
                                                     GFile               *file,
                                                     const char          *display_name,
                                                     const char          *base_checksum,
                                                     GBytes              *snapshot,
                                                     GError             **error);
/* Entries left by processes that are no longer running, oldest first. */
GPtrArray            *waymark_recovery_list_orphans (void);
WaymarkRecoveryState  waymark_recovery_check       (const WaymarkRecoveryEntry *entry);
/* Moves the entry's snapshot to "set-aside/" in the journal folder and
 * returns its new path, so the user can be told where it is. */
char                 *waymark_recovery_set_aside   (const WaymarkRecoveryEntry *entry,
                                                    GError                    **error);
/* The SHA-256 of a file's bytes as hex, or NULL when it cannot be read. */
char                 *waymark_recovery_checksum_file (GFile *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkRecoveryGate, waymark_recovery_gate_unref)

G_END_DECLS
