/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-tag-scan.h"

/* Just enough of XML to know where start tags and their attribute values
 * are, and where each piece of markup ends: comments, CDATA sections and
 * processing instructions may hold '<' and quotes, end tags hold no
 * attributes, and a value may hold '>'.  Anything else after "<!" is a
 * DOCTYPE (or not XML), which libxml2 refuses.  Malformed markup is
 * libxml2's to report; the scan only has to stay in step with it. */

enum {
  SCAN_TEXT,
  SCAN_LT,         /* after '<' */
  SCAN_BANG,       /* after "<!" */
  SCAN_COMMENT,
  SCAN_CDATA,
  SCAN_PI,
  SCAN_DECL,       /* "<!" and neither a comment nor CDATA */
  SCAN_END_TAG,
  SCAN_TAG_NAME,
  SCAN_IN_TAG,     /* between attributes */
  SCAN_ATTR_NAME,
  SCAN_VALUE,
  SCAN_REF,        /* after '&' in text */
  SCAN_DONE,
};

/* Which limit a piece of markup in @state crosses when it is too long. */
static const WaymarkTagLimit length_limits[] = {
  [SCAN_TEXT] = WAYMARK_TAG_LIMIT_NONE,
  [SCAN_LT] = WAYMARK_TAG_LIMIT_START_TAG,
  [SCAN_BANG] = WAYMARK_TAG_LIMIT_DECLARATION,
  [SCAN_COMMENT] = WAYMARK_TAG_LIMIT_COMMENT,
  [SCAN_CDATA] = WAYMARK_TAG_LIMIT_CDATA,
  [SCAN_PI] = WAYMARK_TAG_LIMIT_PI,
  [SCAN_DECL] = WAYMARK_TAG_LIMIT_DECLARATION,
  [SCAN_END_TAG] = WAYMARK_TAG_LIMIT_END_TAG,
  [SCAN_TAG_NAME] = WAYMARK_TAG_LIMIT_START_TAG,
  [SCAN_IN_TAG] = WAYMARK_TAG_LIMIT_START_TAG,
  [SCAN_ATTR_NAME] = WAYMARK_TAG_LIMIT_START_TAG,
  [SCAN_VALUE] = WAYMARK_TAG_LIMIT_START_TAG,
  [SCAN_REF] = WAYMARK_TAG_LIMIT_REFERENCE,
  [SCAN_DONE] = WAYMARK_TAG_LIMIT_NONE,
};

static const char comment_open[] = "--";
static const char cdata_open[] = "[CDATA[";

void
_waymark_tag_scan_init (WaymarkTagScan *scan,
                        guint           max,
                        gsize           max_length)
{
  memset (scan, 0, sizeof *scan);
  scan->state = SCAN_TEXT;
  scan->max = max;
  scan->max_length = max_length;
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

/* Starts a piece of markup at @p ('<' or '&'). */
static void
begin (WaymarkTagScan *scan,
       int             state)
{
  scan->state = state;
  scan->length = 1;
  scan->name_len = 0;
}

static void
keep_name_char (WaymarkTagScan *scan,
                char            c)
{
  if (scan->name_len < sizeof scan->name - 1)
    scan->name[scan->name_len] = c;
  scan->name_len++;
}

static WaymarkTagLimit
stop (WaymarkTagScan  *scan,
      WaymarkTagLimit  limit,
      const char      *data,
      const char      *p,
      gssize           start,
      gsize           *at,
      gssize          *tag_start)
{
  scan->state = SCAN_DONE;
  *at = p - data;
  *tag_start = start;
  return limit;
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
  const char *next_lt = NULL;   /* the next '<' in text, once looked for */
  gssize start = -1;

  while (p < end)
    {
      const char *found;
      char c;

      switch (scan->state)
        {
        case SCAN_TEXT:
          /* Text is most of a document: skip it with memchr(), and
           * look for the next '<' once however many '&' come before. */
          if (next_lt == NULL || next_lt < p)
            {
              next_lt = memchr (p, '<', end - p);
              if (next_lt == NULL)
                next_lt = end;
            }
          found = memchr (p, '&', next_lt - p);
          if (found != NULL)
            {
              start = found - data;
              begin (scan, SCAN_REF);
              p = found + 1;
              continue;
            }
          if (next_lt == end)
            return WAYMARK_TAG_LIMIT_NONE;
          start = next_lt - data;
          begin (scan, SCAN_LT);
          p = next_lt + 1;
          continue;
        case SCAN_VALUE:
          found = memchr (p, scan->quote, end - p);
          if (found == NULL)
            found = end;
          scan->length += found - p;
          if (scan->length > scan->max_length)
            return stop (scan, WAYMARK_TAG_LIMIT_START_TAG, data,
                         found - (scan->length - scan->max_length), start, at, tag_start);
          p = found;
          if (p == end)
            return WAYMARK_TAG_LIMIT_NONE;
          scan->state = SCAN_IN_TAG;
          scan->attr_len = 0;
          scan->length++;
          p++;
          continue;
        case SCAN_DONE:
          return WAYMARK_TAG_LIMIT_NONE;
        default:
          break;
        }

      c = *p;
      if (++scan->length > (scan->state == SCAN_REF ? WAYMARK_TAG_SCAN_MAX_REFERENCE : scan->max_length))
        return stop (scan, length_limits[scan->state], data, p, start, at, tag_start);
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
              keep_name_char (scan, c);
            }
          break;
        case SCAN_BANG:
          /* The first byte after "<!" tells which opening it can be. */
          if (scan->run == 0)
            scan->open = c == '-' ? comment_open : cdata_open;
          if (scan->open[scan->run] != c)
            scan->state = c == '>' ? SCAN_TEXT : SCAN_DECL;
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
        case SCAN_DECL:
        case SCAN_END_TAG:
          if (c == '>')
            scan->state = SCAN_TEXT;
          break;
        case SCAN_REF:
          if (c == ';')
            scan->state = SCAN_TEXT;
          else if (c == '<')
            {
              /* Not a reference after all: libxml2 says so. */
              scan->state = SCAN_TEXT;
              continue;
            }
          else
            keep_name_char (scan, c);
          break;
        case SCAN_TAG_NAME:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (is_space (c) || c == '/')
            scan->state = SCAN_IN_TAG;
          else
            keep_name_char (scan, c);
          break;
        case SCAN_IN_TAG:
        case SCAN_ATTR_NAME:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c == '"' || c == '\'')
            {
              WaymarkTagLimit limit = count_value (scan);

              if (limit != WAYMARK_TAG_LIMIT_NONE)
                return stop (scan, limit, data, p, start, at, tag_start);
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
