/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* The oldest format number there ever was. */
#define WAYMARK_FORMAT_FIRST 1

/* Whether files of @format can be read: it is this program's format or
 * an older one with a chain of migrations up to it.  (Newer formats are
 * read best-effort by the reader and never migrated.) */
gboolean waymark_migrate_can_read (int format);

/* Brings @journey, as the reader built it from a file of the older
 * @format, up to WAYMARK_FORMAT_VERSION one format at a time.  Errors
 * are in WAYMARK_FORMAT_ERROR, without a "FILE:LINE:" prefix. */
gboolean waymark_migrate          (WaymarkJourney  *journey,
                                   int              format,
                                   GError         **error);

G_END_DECLS
