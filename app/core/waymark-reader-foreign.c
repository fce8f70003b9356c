/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-reader-private.h"
#include "waymark-writer.h"

/* What a journey holds from other namespaces (docs/ARCHITECTURE.md,
 * "Files": what others wrote is kept): namespace
 * declarations, attributes with a foreign prefix, and whole foreign
 * subtrees, re-serialised from the SAX events into the strings that
 * WaymarkForeign keeps and the writer writes back verbatim. */

#define XINCLUDE_NS     "http://www.w3.org/2001/XInclude"
#define XINCLUDE_OLD_NS "http://www.w3.org/2003/XInclude"

/* libxml2 interns names and namespace URIs in its dictionary, so the
 * pointer comparison is right nearly always and strcmp() is the fallback
 * that keeps it right always. */
gboolean
_waymark_reader_is_ours (Reader        *r,
                         const xmlChar *uri)
{
  return uri != NULL &&
         (uri == r->interned_ns || strcmp ((const char *) uri, WAYMARK_NAMESPACE) == 0);
}

static gboolean
is_xinclude (const xmlChar *uri)
{
  return uri != NULL &&
         (strcmp ((const char *) uri, XINCLUDE_NS) == 0 ||
          strcmp ((const char *) uri, XINCLUDE_OLD_NS) == 0);
}

/* Unless it expands entities itself (XML_PARSE_NOENT, which the reader
 * never sets), libxml2 hands attribute values and namespace URIs over
 * with every '&' (from &amp; or &#38;) written as "&#38;", for its tree
 * builder to decode.  Nothing else can put a '&' there, so decoding is
 * just that; without it, "&amp;" would gain "#38;" at every save. */
void
_waymark_reader_append_value (GString    *out,
                              const char *value,
                              gsize       length)
{
  const char *p = value;
  const char *end = value + length;

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          return;
        }
      g_string_append_len (out, p, amp - p);
      g_string_append_c (out, '&');
      p = amp + 1;
      if (end - p >= 4 && memcmp (p, "#38;", 4) == 0)
        p += 4;
    }
}

/* A namespace URI as the document meant it (see _waymark_reader_append_value()). */
static const char *
decode_uri (Reader        *r,
            const xmlChar *uri)
{
  const char *text = (const char *) uri;

  if (strchr (text, '&') == NULL)
    return text;
  g_string_truncate (r->scratch, 0);
  _waymark_reader_append_value (r->scratch, text, strlen (text));
  return r->scratch->str;
}

static guint
n_ns_decls (WaymarkForeign *foreign)
{
  return foreign && foreign->ns_decls ? foreign->ns_decls->len : 0;
}

/* The URI @prefix is bound to by a declaration kept in @foreign. */
static const char *
find_ns_decl (WaymarkForeign *foreign,
              const char     *prefix)
{
  gsize n = strlen (prefix);

  for (guint i = 0; i < n_ns_decls (foreign); i++)
    {
      const char *decl = g_ptr_array_index (foreign->ns_decls, i);

      if (strncmp (decl, prefix, n) == 0 && decl[n] == '\n')
        return decl + n + 1;
    }
  return NULL;
}

/* Keeps the namespace declarations of one of our elements.  The writer
 * declares our namespace as the default on <journey> and writes ns
 * declarations only on the journey and on items, so:
 *  - a default-namespace declaration must be ours (it is dropped);
 *  - a leaf child's declarations (<title xmlns:x=…>) move to its item (or
 *    the journey), which is safe unless the prefix already means
 *    something else there. */
gboolean
_waymark_reader_take_ns_decls (Reader         *r,
                               ReaderFrame    *frame,
                               int             nb_namespaces,
                               const xmlChar **namespaces)
{
  WaymarkForeign **slot = _waymark_reader_foreign_slot (r);
  gboolean leaf = frame->element != ELEMENT_JOURNEY && !_waymark_reader_element_is_item (frame->element);
  const char *name = _waymark_reader_element_name (frame->element);

  for (int i = 0; i < nb_namespaces; i++)
    {
      const char *prefix = (const char *) namespaces[2 * i];
      const char *uri = decode_uri (r, namespaces[2 * i + 1]);

      if (prefix == NULL)
        {
          if (!_waymark_reader_is_ours (r, namespaces[2 * i + 1]))
            {
              g_autofree char *shown = _waymark_reader_quote (uri);

              _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                           _("<%s> makes “%s” the default namespace; in a journey it must stay %s"),
                           name, shown, WAYMARK_NAMESPACE);
              return FALSE;
            }
          continue;
        }
      if (leaf)
        {
          const char *bound = find_ns_decl (*slot, prefix);

          if (bound == NULL && r->item != NULL)
            bound = find_ns_decl (waymark_journey_get_foreign (r->journey), prefix);
          if (bound != NULL && strcmp (bound, uri) == 0)
            continue;
          if (bound != NULL)
            {
              g_autofree char *shown = _waymark_reader_quote (prefix);

              _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                           _("<%s> declares the namespace prefix “%s” again with another URI; Waymark cannot keep both"),
                           name, shown);
              return FALSE;
            }
        }
      if (n_ns_decls (*slot) >= READER_MAX_NS_DECLS)
        {
          _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                       _("too many namespace declarations in <%s> (Waymark keeps at most %d)"),
                       name, READER_MAX_NS_DECLS);
          return FALSE;
        }
      waymark_foreign_add_ns_decl (slot, prefix, uri);
    }
  return TRUE;
}

/* Keeps the attributes of other namespaces on one of our elements, with
 * the element they belong to as their owner. */
void
_waymark_reader_take_foreign_attributes (Reader         *r,
                                         ReaderFrame    *frame,
                                         int             nb_attributes,
                                         const xmlChar **attributes)
{
  WaymarkForeign **slot = NULL;
  const char *owner = NULL;
  char buffer[32];

  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize qname_end;

      if (a[2] == NULL || _waymark_reader_is_ours (r, a[2]))
        continue;
      if (slot == NULL)
        {
          slot = _waymark_reader_foreign_slot (r);
          owner = _waymark_reader_foreign_owner (r, frame, buffer, sizeof buffer);
        }
      /* An attribute of a namespace always has a prefix: the default
       * namespace does not apply to attributes. */
      g_string_truncate (r->scratch, 0);
      g_string_append (r->scratch, (const char *) a[1]);
      g_string_append_c (r->scratch, ':');
      g_string_append (r->scratch, (const char *) a[0]);
      qname_end = r->scratch->len;
      g_string_append_c (r->scratch, '\0');
      _waymark_reader_append_value (r->scratch, (const char *) a[3], a[4] - a[3]);
      waymark_foreign_add_attr (slot, owner, r->scratch->str, r->scratch->str + qname_end + 1);
    }
}

/* ------------------------------------------------------------------ */
/* Foreign subtrees                                                    */

/* Foreign subtrees are written back as they came, re-serialised from the
 * events: prefixes and namespace declarations as written, text and
 * attribute values escaped the way the writer escapes, an element
 * without content as <x/>. */

static void
append_qname (GString       *out,
              const xmlChar *prefix,
              const xmlChar *localname)
{
  if (prefix != NULL)
    {
      g_string_append (out, (const char *) prefix);
      g_string_append_c (out, ':');
    }
  g_string_append (out, (const char *) localname);
}

/* waymark_writer_append_escaped() wants a NUL-terminated string. */
static void
append_escaped (Reader     *r,
                const char *text,
                gsize       length,
                gboolean    attribute,
                gboolean    value)
{
  g_string_truncate (r->scratch, 0);
  if (value)
    _waymark_reader_append_value (r->scratch, text, length);
  else
    g_string_append_len (r->scratch, text, length);
  waymark_writer_append_escaped (r->foreign, r->scratch->str, attribute);
}

/* Completes a start tag once the element turns out to have content. */
static gboolean
close_start_tag (Reader *r)
{
  if (r->foreign_open)
    {
      g_string_append_c (r->foreign, '>');
      r->foreign_open = FALSE;
    }
  if (r->foreign->len > READER_MAX_TEXT)
    {
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("an element of another namespace is larger than %d MiB"),
                   READER_MAX_TEXT / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

void
_waymark_reader_foreign_start (Reader         *r,
                               const xmlChar  *localname,
                               const xmlChar  *prefix,
                               const xmlChar  *uri,
                               int             nb_namespaces,
                               const xmlChar **namespaces,
                               int             nb_attributes,
                               const xmlChar **attributes)
{
  GString *out = r->foreign;

  if (is_xinclude (uri))
    {
      /* Harmless to us, but whoever processes the file with XInclude
       * on would pull in other files: refused like entities. */
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
                   _("XInclude (<%s>) is not allowed in a journey"), (const char *) localname);
      return;
    }
  if (!close_start_tag (r))
    return;
  g_string_append_c (out, '<');
  append_qname (out, prefix, localname);
  for (int i = 0; i < nb_namespaces; i++)
    {
      const char *ns_uri = (const char *) namespaces[2 * i + 1];

      g_string_append (out, " xmlns");
      if (namespaces[2 * i] != NULL)
        {
          g_string_append_c (out, ':');
          g_string_append (out, (const char *) namespaces[2 * i]);
        }
      g_string_append (out, "=\"");
      append_escaped (r, ns_uri, strlen (ns_uri), TRUE, TRUE);
      g_string_append_c (out, '"');
    }
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      g_string_append_c (out, ' ');
      append_qname (out, a[1], a[0]);
      g_string_append (out, "=\"");
      append_escaped (r, (const char *) a[3], a[4] - a[3], TRUE, TRUE);
      g_string_append_c (out, '"');
    }
  r->foreign_open = TRUE;
}

void
_waymark_reader_foreign_end (Reader        *r,
                             const xmlChar *localname,
                             const xmlChar *prefix)
{
  if (r->foreign_open)
    {
      g_string_append (r->foreign, "/>");
      r->foreign_open = FALSE;
    }
  else
    {
      g_string_append (r->foreign, "</");
      append_qname (r->foreign, prefix, localname);
      g_string_append_c (r->foreign, '>');
    }

  if (--r->foreign_depth == 0)
    {
      waymark_foreign_add_element (_waymark_reader_foreign_slot (r), r->foreign->str);
      g_string_truncate (r->foreign, 0);
    }
}

void
_waymark_reader_foreign_text (Reader     *r,
                              const char *text,
                              gsize       length)
{
  if (close_start_tag (r))
    append_escaped (r, text, length, FALSE, FALSE);
}

void
_waymark_reader_foreign_comment (Reader     *r,
                                 const char *text)
{
  if (!close_start_tag (r))
    return;
  g_string_append (r->foreign, "<!--");
  g_string_append (r->foreign, text);
  g_string_append (r->foreign, "-->");
}

void
_waymark_reader_foreign_processing_instruction (Reader     *r,
                                                const char *target,
                                                const char *data)
{
  if (!close_start_tag (r))
    return;
  g_string_append (r->foreign, "<?");
  g_string_append (r->foreign, target);
  if (data != NULL && *data != '\0')
    {
      g_string_append_c (r->foreign, ' ');
      g_string_append (r->foreign, data);
    }
  g_string_append (r->foreign, "?>");
}
