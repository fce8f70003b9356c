/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What identifies the bytes of a file as they were loaded or saved: the
 * device, inode, size, modification and change times, and the SHA-256 of
 * the content (for files that GIO reaches through GVfs: its etag, the size
 * and the checksum).
 *
 * The modification time alone is not enough: `cp -p`, `rsync -t`,
 * `touch -r` and sync tools replace the bytes and put the old time back,
 * so GIO's etag (which is the mtime) stays the same.  The change time
 * (ctime) cannot be set from user space; when it, the inode and all the
 * rest are equal, the bytes are the ones we saw (up to the file system's
 * timestamp tick, 4 ms here).  When anything differs, the file is read
 * and its checksum decides: a touch or a sync tool that rewrites the same
 * bytes is not a change. */
typedef struct _WaymarkFileStamp WaymarkFileStamp;

typedef enum {
  WAYMARK_FILE_STAMP_SAME,        /* nothing about the file changed */
  WAYMARK_FILE_STAMP_SAME_BYTES,  /* touched, moved or rewritten: same bytes */
  WAYMARK_FILE_STAMP_CHANGED,     /* other bytes */
  WAYMARK_FILE_STAMP_GONE,        /* no file there (or it cannot be read) */
} WaymarkFileStampMatch;

WaymarkFileStamp     *waymark_file_stamp_copy         (const WaymarkFileStamp *self);
void                  waymark_file_stamp_free         (WaymarkFileStamp *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFileStamp, waymark_file_stamp_free)

/* The SHA-256 of the bytes (hex), or "" when it was not computed (the size
 * alone showed a change). */
const char           *waymark_file_stamp_get_checksum (const WaymarkFileStamp *self);

/* Whether both describe the same version: the same checksum, or, when a
 * checksum is missing, the same file metadata. */
gboolean              waymark_file_stamp_same_version (const WaymarkFileStamp *a,
                                                       const WaymarkFileStamp *b);

/* Compares @self with what @file holds now.  For a local file, an
 * identical stat is trusted; anything else reads and hashes the file
 * (unless the size already differs).  For a remote file an equal etag and
 * size are trusted unless @deep, which always hashes: a save compares
 * deeply right before it writes.  @current (nullable out) receives the
 * stamp of what is on disk now (NULL when GONE). */
WaymarkFileStampMatch waymark_file_stamp_compare      (const WaymarkFileStamp  *self,
                                                       GFile                   *file,
                                                       gboolean                 deep,
                                                       WaymarkFileStamp       **current);

/* The stamp of @file as it is now (the file is read and hashed), or NULL
 * when it cannot be read. */
WaymarkFileStamp     *waymark_file_stamp_new_for_file (GFile *file);

G_END_DECLS
