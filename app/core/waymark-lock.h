/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-process.h"

G_BEGIN_DECLS

/* Who has a shared file open.  While a journey is open, a small lock file
 * ".NAME.waymark-lock" next to it records the user, host, process and
 * time, so a teammate opening the same file is warned.  A lock of this
 * host whose process is gone (see waymark_process_is_running(): another
 * boot, another pid namespace, a pid now used by a younger process) is
 * stale and ignored; one of another host is trusted.
 *
 * The file is "USER\nHOST\nPID\nSINCE\n" (what older versions read)
 * followed by a "[Process]" key-file group with the full identity. */
typedef struct {
  char *user;
  char *host;
  WaymarkProcess *process;
  gint64 since;   /* unix time */
} WaymarkLockInfo;

void             waymark_lock_info_free (WaymarkLockInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkLockInfo, waymark_lock_info_free)

/* The lock file that belongs to @file. */
GFile           *waymark_lock_file_for   (GFile *file);
/* The live lock of someone else (another process), or NULL when the file
 * is not locked, the lock is ours, or stale. */
WaymarkLockInfo *waymark_lock_read_other (GFile *file);
/* Writes our lock (replacing a stale or overridden one).  @user is the
 * name to show others. */
gboolean         waymark_lock_acquire    (GFile *file, const char *user, GError **error);
/* Removes the lock if it is ours. */
void             waymark_lock_release    (GFile *file);
/* "opened by NAME on HOST since TIME" (translated). */
char            *waymark_lock_info_describe (const WaymarkLockInfo *info);

G_END_DECLS
