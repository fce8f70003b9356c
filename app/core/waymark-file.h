/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-file-stamp.h"
#include "waymark-journey.h"
#include "waymark-reader.h"

G_BEGIN_DECLS

/* Reading and writing .journey files on disk. */

/* The name messages use for @file: the path as the user gave it, or the
 * URI-ish parse name for remote files. */
char           *waymark_file_get_display_name (GFile *file);

/* Reads @file with the size cap (never through gzip or any other decoder)
 * and parses it.  Sweeps stray temporary files a crashed save left beside
 * it.  @stamp (nullable out) receives what identifies the bytes read, to
 * pass to a later save. */
WaymarkJourney *waymark_file_load (GFile             *file,
                                   WaymarkReadInfo   *info,
                                   WaymarkFileStamp **stamp,
                                   GError           **error);

/* Saves atomically: a temporary file in the same folder, fsync, rename, so
 * a crash or a full disk leaves the old file whole.  A symlink is resolved
 * and its target replaced.  When @expected is not NULL and the file on
 * disk holds other bytes (compared right before writing and again right
 * before the rename), fails with G_IO_ERROR_WRONG_ETAG.  @new_stamp
 * (nullable out) receives the stamp of what was written. */
gboolean        waymark_file_save (WaymarkJourney          *journey,
                                   GFile                   *file,
                                   const WaymarkFileStamp  *expected,
                                   WaymarkFileStamp       **new_stamp,
                                   GError                 **error);

/* Writes @bytes to @file with the same guarantees (for exports). */
gboolean        waymark_file_replace_contents (GFile                   *file,
                                               GBytes                  *bytes,
                                               const WaymarkFileStamp  *expected,
                                               WaymarkFileStamp       **new_stamp,
                                               GError                 **error);

/* Removes temporary files that an interrupted save of @file left in its
 * folder.  Returns how many were removed. */
guint           waymark_file_sweep_temporaries (GFile *file);

G_END_DECLS
