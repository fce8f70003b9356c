/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-tag-scan.h"

/* Just enough of XML to know where start tags and their attribute values
 * are: comments, CDATA sections and processing instructions may hold
 * '<' and quotes, end tags hold no attributes, and a value may hold '>'.
 * Anything else after "<!" is a DOCTYPE (or not XML): libxml2 refuses it,
 * so the scan stops looking.  Malformed markup is libxml2's to report. */

enum {
  SCAN_TEXT,
  SCAN_LT,         /* after '<' */
  SCAN_BANG,       /* after "<!" */
  SCAN_COMMENT,
  SCAN_CDATA,
  SCAN_PI,
  SCAN_END_TAG,
  SCAN_TAG_NAME,
  SCAN_IN_TAG,     /* between attributes */
  SCAN_ATTR_NAME,
  SCAN_VALUE,
  SCAN_DONE,
};

static const char comment_open[] = "--";
static const char cdata_open[] = "[CDATA[";

void
_waymark_tag_scan_init (WaymarkTagScan *scan,
                        guint           max)
{
  memset (scan, 0, sizeof *scan);
  scan->state = SCAN_TEXT;
  scan->max = max;
}

const char *
_waymark_tag_scan_name (WaymarkTagScan *scan)
{
  scan->name[MIN (scan->name_len, sizeof scan->name - 1)] = '\0';
  return scan->name;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the attribute whose value starts is a namespace declaration:
 * "xmlns" or "xmlns:prefix". */
static gboolean
attr_is_namespace (const WaymarkTagScan *scan)
{
  if (scan->attr_len < 5 || memcmp (scan->attr_head, "xmlns", 5) != 0)
    return FALSE;
  return scan->attr_len == 5 || scan->attr_head[5] == ':';
}

/* Counts the value that starts; the limit it crosses, if any. */
static WaymarkTagLimit
count_value (WaymarkTagScan *scan)
{
  if (attr_is_namespace (scan))
    return ++scan->n_ns > scan->max ? WAYMARK_TAG_LIMIT_NAMESPACES : WAYMARK_TAG_LIMIT_NONE;
  return ++scan->n_attrs > scan->max ? WAYMARK_TAG_LIMIT_ATTRIBUTES : WAYMARK_TAG_LIMIT_NONE;
}

WaymarkTagLimit
_waymark_tag_scan_feed (WaymarkTagScan *scan,
                        const char     *data,
                        gsize           length,
                        gsize          *at,
                        gssize         *tag_start)
{
  const char *p = data;
  const char *end = data + length;
  gssize start = -1;

  while (p < end)
    {
      char c;

      switch (scan->state)
        {
        case SCAN_TEXT:
          p = memchr (p, '<', end - p);
          if (p == NULL)
            return WAYMARK_TAG_LIMIT_NONE;
          start = p - data;
          scan->state = SCAN_LT;
          p++;
          continue;
        case SCAN_VALUE:
          p = memchr (p, scan->quote, end - p);
          if (p == NULL)
            return WAYMARK_TAG_LIMIT_NONE;
          scan->state = SCAN_IN_TAG;
          scan->attr_len = 0;
          p++;
          continue;
        case SCAN_DONE:
          return WAYMARK_TAG_LIMIT_NONE;
        default:
          break;
        }

      c = *p;
      switch (scan->state)
        {
        case SCAN_LT:
          scan->run = 0;
          if (c == '!')
            scan->state = SCAN_BANG;
          else if (c == '?')
            scan->state = SCAN_PI;
          else if (c == '/')
            scan->state = SCAN_END_TAG;
          else
            {
              scan->state = SCAN_TAG_NAME;
              scan->n_attrs = 0;
              scan->n_ns = 0;
              scan->attr_len = 0;
              scan->name[0] = c;
              scan->name_len = 1;
            }
          break;
        case SCAN_BANG:
          /* The first byte after "<!" tells which opening it can be. */
          if (scan->run == 0)
            scan->open = c == '-' ? comment_open : cdata_open;
          if (scan->open[scan->run] != c)
            scan->state = SCAN_DONE;
          else if (scan->open[++scan->run] == '\0')
            {
              scan->state = scan->open == comment_open ? SCAN_COMMENT : SCAN_CDATA;
              scan->run = 0;
            }
          break;
        case SCAN_COMMENT:
          if (c == '-')
            scan->run = MIN (scan->run + 1, 2);
          else if (c == '>' && scan->run == 2)
            scan->state = SCAN_TEXT;
          else
            scan->run = 0;
          break;
        case SCAN_CDATA:
          if (c == ']')
            scan->run = MIN (scan->run + 1, 2);
          else if (c == '>' && scan->run == 2)
            scan->state = SCAN_TEXT;
          else
            scan->run = 0;
          break;
        case SCAN_PI:
          if (c == '>' && scan->run == 1)
            scan->state = SCAN_TEXT;
          else
            scan->run = c == '?';
          break;
        case SCAN_END_TAG:
          if (c == '>')
            scan->state = SCAN_TEXT;
          break;
        case SCAN_TAG_NAME:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (is_space (c) || c == '/')
            scan->state = SCAN_IN_TAG;
          else
            {
              if (scan->name_len < sizeof scan->name - 1)
                scan->name[scan->name_len] = c;
              scan->name_len++;
            }
          break;
        case SCAN_IN_TAG:
        case SCAN_ATTR_NAME:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c == '"' || c == '\'')
            {
              WaymarkTagLimit limit = count_value (scan);

              if (limit != WAYMARK_TAG_LIMIT_NONE)
                {
                  scan->state = SCAN_DONE;
                  *at = p - data;
                  *tag_start = start;
                  return limit;
                }
              scan->quote = c;
              scan->state = SCAN_VALUE;
            }
          else if (is_space (c) || c == '=' || c == '/')
            {
              if (scan->state == SCAN_ATTR_NAME)
                scan->state = SCAN_IN_TAG;
            }
          else
            {
              if (scan->state == SCAN_IN_TAG)
                {
                  scan->state = SCAN_ATTR_NAME;
                  scan->attr_len = 0;
                }
              if (scan->attr_len < sizeof scan->attr_head)
                scan->attr_head[scan->attr_len] = c;
              scan->attr_len++;
            }
          break;
        default:
          g_assert_not_reached ();
        }
      p++;
    }
  return WAYMARK_TAG_LIMIT_NONE;
}
