/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sys/stat.h>

#include "waymark-file-stamp.h"

G_BEGIN_DECLS

/* For waymark-file.c, which has the stat and the checksum at hand while it
 * loads or saves. */
WaymarkFileStamp *_waymark_file_stamp_new_local  (const struct stat *st,
                                                  const char        *checksum);
WaymarkFileStamp *_waymark_file_stamp_new_remote (const char        *etag,
                                                  gint64             size,
                                                  const char        *checksum);
/* GIO's etag of a remote file (nullable), for g_file_replace (). */
const char       *_waymark_file_stamp_get_etag   (const WaymarkFileStamp *self);

G_END_DECLS
