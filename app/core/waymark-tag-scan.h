/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A look at the markup of a document before libxml2 parses it, to count
 * the attributes and namespace declarations of each start tag.  libxml2
 * 2.9 checks a start tag for duplicate attributes by comparing each with
 * all the others: a tag with half a million of them, a few MB in all,
 * takes over a minute.  The count has to stop such a tag before libxml2
 * sees its '>'.  The scan is resumable: the bytes may be cut anywhere. */

typedef enum {
  WAYMARK_TAG_LIMIT_NONE,
  WAYMARK_TAG_LIMIT_ATTRIBUTES,
  WAYMARK_TAG_LIMIT_NAMESPACES,
} WaymarkTagLimit;

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
} WaymarkTagScan;

void            _waymark_tag_scan_init (WaymarkTagScan *scan,
                                        guint           max);
/* Scans the next @length bytes.  Once a start tag has more than the
 * maximum of attributes or of namespace declarations, returns which,
 * with @at the offset in @data of the value that is one too many and
 * @tag_start that of the tag's '<' (-1: in earlier bytes).  The scan
 * stops there for good. */
WaymarkTagLimit _waymark_tag_scan_feed (WaymarkTagScan *scan,
                                        const char     *data,
                                        gsize           length,
                                        gsize          *at,
                                        gssize         *tag_start);
/* The element name of the tag that went over, NUL-terminated (it may be
 * cut, even inside a character). */
const char     *_waymark_tag_scan_name (WaymarkTagScan *scan);

G_END_DECLS
