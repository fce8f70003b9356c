/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing. */
#define WAYMARK_READER_MAX_SIZE  (256 * 1024 * 1024)
/* Deeper element nesting than this is refused (foreign subtrees included). */
#define WAYMARK_READER_MAX_DEPTH 32

typedef struct {
  int format;          /* the format number the file declared */
  gboolean migrated;   /* an older format was converted on load */
  gboolean newer;      /* written by a newer program: open read-only */
  char checksum[65];   /* SHA-256 (hex) of the bytes read; set by waymark_file_load */
} WaymarkReadInfo;

/* Parses a .journey document from memory, treating it as hostile (see
 * DESIGN.md).  @display_name is the name used in messages.  On error,
 * returns NULL and sets @error in WAYMARK_FORMAT_ERROR with a message
 * "DISPLAY_NAME:LINE: problem". */
WaymarkJourney *waymark_reader_read (const char      *data,
                                     gsize            length,
                                     const char      *display_name,
                                     WaymarkReadInfo *info,
                                     GError         **error);

G_END_DECLS
