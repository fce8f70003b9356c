/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A look at the markup of a document before libxml2 parses it, to count
 * the attributes and namespace declarations of each start tag and to
 * bound the length of each piece of markup.  libxml2 2.9 checks a start
 * tag for duplicate attributes by comparing each with all the others: a
 * tag with half a million of them, a few MB in all, takes over a minute.
 * Its push parser looks for the end of a tag, comment, processing
 * instruction, CDATA section or reference anew with every piece it is
 * given, which takes time quadratic in their length (a second for 8 MB
 * of one attribute value, five for a character reference), and past
 * 10 MB it gives up with "internal error: Huge input lookup".  The scan
 * has to stop such markup before libxml2 sees its end.  It is
 * resumable: the bytes may be cut anywhere. */

typedef enum {
  WAYMARK_TAG_LIMIT_NONE,
  WAYMARK_TAG_LIMIT_ATTRIBUTES,
  WAYMARK_TAG_LIMIT_NAMESPACES,
  /* Longer than the maximum markup length: */
  WAYMARK_TAG_LIMIT_START_TAG,
  WAYMARK_TAG_LIMIT_END_TAG,
  WAYMARK_TAG_LIMIT_COMMENT,
  WAYMARK_TAG_LIMIT_PI,
  WAYMARK_TAG_LIMIT_CDATA,
  WAYMARK_TAG_LIMIT_DECLARATION,
  WAYMARK_TAG_LIMIT_REFERENCE,   /* longer than WAYMARK_TAG_SCAN_MAX_REFERENCE */
} WaymarkTagLimit;

/* The longest reference (&name; or &#digits;) that is let through:
 * longer than any character reference needs, even with leading zeros. */
#define WAYMARK_TAG_SCAN_MAX_REFERENCE 64

#define WAYMARK_TAG_SCAN_NAME 48

typedef struct {
  guint8 state;
  guint8 run;        /* how much of a delimiter ("-->", "]]>", "?>", …) is matched */
  char quote;        /* of the attribute value being read */
  const char *open;  /* "--" or "[CDATA[" after "<!" */
  guint n_attrs;     /* of the open start tag */
  guint n_ns;
  char name[WAYMARK_TAG_SCAN_NAME];   /* the start tag's element name, cut */
  guint name_len;
  char attr_head[6]; /* the first bytes of the attribute name being read */
  guint attr_len;
  guint max;         /* of each, per element */
  gsize length;      /* of the markup being read, from its '<' or '&' on */
  gsize max_length;  /* of one piece of markup */
} WaymarkTagScan;

void            _waymark_tag_scan_init (WaymarkTagScan *scan,
                                        guint           max,
                                        gsize           max_length);
/* Scans the next @length bytes.  Once a start tag has more than the
 * maximum of attributes or of namespace declarations, or a piece of
 * markup goes on for too long, returns which limit, with @at the offset
 * in @data of the byte that crossed it and @tag_start that of the
 * markup's '<' or '&' (-1: in earlier bytes).  The scan stops there for
 * good. */
WaymarkTagLimit _waymark_tag_scan_feed (WaymarkTagScan *scan,
                                        const char     *data,
                                        gsize           length,
                                        gsize          *at,
                                        gssize         *tag_start);
/* The element name of the tag that went over, or the start of the
 * reference, NUL-terminated (it may be cut, even inside a character). */
const char     *_waymark_tag_scan_name (WaymarkTagScan *scan);

G_END_DECLS
