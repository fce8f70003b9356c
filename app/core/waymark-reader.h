/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing. */
#define WAYMARK_READER_MAX_SIZE  (256 * 1024 * 1024)
/* Deeper element nesting than this is refused (foreign subtrees included). */
#define WAYMARK_READER_MAX_DEPTH 32
/* More attributes, or more namespace declarations, on one element than
 * this are refused (before libxml2 sees the tag: its check for duplicate
 * attributes takes time quadratic in their number). */
#define WAYMARK_READER_MAX_ATTRIBUTES 256
/* A tag (its attributes included), comment, processing instruction or
 * CDATA section longer than this is refused (libxml2's search for its
 * end takes time quadratic in its length). */
#define WAYMARK_READER_MAX_MARKUP (1024 * 1024)

typedef struct {
  int format;          /* the format number the file declared */
  gboolean migrated;   /* an older format was converted on load */
  gboolean newer;      /* written by a newer program: open read-only */
  char checksum[65];   /* SHA-256 (hex) of the bytes read; set by waymark_file_load */
  /* Set by the caller (g_hash_table_new_full (g_str_hash, g_str_equal,
   * g_free, NULL)) to learn the line of each item's element: id →
   * GINT_TO_POINTER (line), for messages about items; NULL: not kept. */
  GHashTable *item_lines;
  /* Set by the caller: another version of the same map, whose items the
   * journey read takes wherever they are the same (see
   * waymark_reader_set_share_with()); NULL: none. */
  WaymarkJourney *share_with;
} WaymarkReadInfo;

/* Parses a .journey document from memory, treating it as hostile (see
 * docs/ARCHITECTURE.md, "Files").  @display_name is the name used in
 * messages.  On error, returns NULL and sets @error in
 * WAYMARK_FORMAT_ERROR with a message "DISPLAY_NAME:LINE: problem". */
WaymarkJourney *waymark_reader_read (const char      *data,
                                     gsize            length,
                                     const char      *display_name,
                                     WaymarkReadInfo *info,
                                     GError         **error);

/* The same reader, fed piece by piece as the bytes arrive (a file being
 * read), so that no copy of the whole document is ever held: new, feed
 * each piece in order, finish, free.  The pieces may be cut anywhere
 * (inside a character, a tag, the XML declaration); the verdict is the
 * one waymark_reader_read() gives for the same bytes, except that when a
 * document has several problems, the first one in the file wins. */
typedef struct _WaymarkReader WaymarkReader;

WaymarkReader  *waymark_reader_new    (const char      *display_name);
/* Makes the journey being read hold @reference's very items wherever they
 * are the same (type, id, every field, and references to items that are
 * shared too), each as soon as it has been read, so that several
 * versions of one map in memory cost one map plus what differs: a merge
 * reads three.  Neither journey may be edited afterwards (their items
 * are shared); the journey read means what the file says.  Call before
 * the first piece. */
void            waymark_reader_set_share_with (WaymarkReader  *reader,
                                               WaymarkJourney *reference);
/* Returns FALSE (and sets @error, which may be NULL) once the document is
 * refused: there is no point in reading on.  waymark_reader_finish()
 * then reports the same error. */
gboolean        waymark_reader_feed   (WaymarkReader   *reader,
                                       const char      *data,
                                       gsize            length,
                                       GError         **error);
/* Ends the document and returns the journey, or NULL with @error as
 * waymark_reader_read() does.  Call once; then only free the reader. */
WaymarkJourney *waymark_reader_finish (WaymarkReader   *reader,
                                       WaymarkReadInfo *info,
                                       GError         **error);
void            waymark_reader_free   (WaymarkReader   *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkReader, waymark_reader_free)

G_END_DECLS
