/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "waymark-migrate.h"
#include "waymark-reader-private.h"

/* How the reader treats a file (DESIGN.md, "The file format"): every file
 * is hostile.  The bytes are checked before libxml2 sees them (size,
 * gzip, UTF-16, UTF-8, the declared encoding), then libxml2's SAX2
 * parser streams events straight into the model, with no tree in
 * between.  There is no DTD in the format, so a DOCTYPE stops the parse
 * before libxml2 reads its internal subset, and every entity but the
 * five predefined ones is refused; nothing is ever loaded from a file or
 * the network.  The first problem wins: it stops the parser, and its
 * message says where it is. */

/* libxml2 2.12 made the structured error const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError ReaderXmlError;
#else
typedef xmlError ReaderXmlError;
#endif

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void G_GNUC_PRINTF (4, 0)
set_error_valist (Reader             *r,
                  int                 line,
                  WaymarkFormatError  code,
                  const char         *format,
                  va_list             args)
{
  g_autofree char *message = NULL;

  if (r->error != NULL)
    return;
  message = g_strdup_vprintf (format, args);
  r->error = g_error_new (WAYMARK_FORMAT_ERROR, code, "%s:%d: %s",
                          r->display_name, MAX (line, 1), message);
}

static void G_GNUC_PRINTF (4, 5)
record (Reader             *r,
        int                 line,
        WaymarkFormatError  code,
        const char         *format,
        ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (r, line, code, format, args);
  va_end (args);
}

/* Records the problem and stops libxml2, for use in the element and text
 * callbacks (and before parsing).  libxml2's own lookups (getEntity) and
 * its error handler only record: halting the parser there would free the
 * input under code that still reads it. */
void
reader_fail (Reader             *r,
             int                 line,
             WaymarkFormatError  code,
             const char         *format,
             ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (r, line, code, format, args);
  va_end (args);
  if (r->ctxt != NULL)
    xmlStopParser (r->ctxt);
}

int
reader_line (Reader *r)
{
  /* ctxt->input->line rather than xmlSAX2GetLineNumber(), which newer
   * libxml2 versions deprecate. */
  if (r->ctxt == NULL || r->ctxt->input == NULL)
    return 1;
  return r->ctxt->input->line;
}

/* Text from the file (or from libxml2 about it) as a message shows it:
 * at most @max characters, valid UTF-8, on one line (control characters
 * become spaces), so that a hostile value cannot make the message huge
 * or forge a second "FILE:LINE:" line. */
static char *
clean_text (const char *text, guint max)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = valid;
  guint n;

  for (n = 0; *p != '\0' && n < max; n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

char *
reader_quote (const char *value)
{
  return clean_text (value, 40);
}

static char *
quote_len (const char *value, gsize length)
{
  g_autofree char *copy = g_strndup (value, length);

  return reader_quote (copy);
}

/* ------------------------------------------------------------------ */
/* Checks on the bytes, before libxml2 sees them                       */

static int
line_of_offset (const char *data, gsize offset)
{
  const char *p = data;
  const char *end = data + offset;
  int line = 1;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }
  return line;
}

static gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_blank (const char *text, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (!is_blank_char (text[i]))
      return FALSE;
  return TRUE;
}

/* Markup whose last non-blank byte is not the '>' of an end tag, an empty
 * element, a comment or a processing instruction cannot be a whole
 * document: nothing else may follow the root element. */
static gboolean
looks_cut_off (const char *data, gsize length)
{
  gsize start = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < length && is_blank_char (data[start]))
    start++;
  while (length > start && is_blank_char (data[length - 1]))
    length--;
  return length > start && data[start] == '<' && data[length - 1] != '>';
}

/* g_utf8_validate_len() goes byte by byte; journeys are mostly ASCII, so
 * skip ASCII eight bytes at a time and let GLib judge each other
 * character (NUL bytes included, which it refuses).  A tenth of a load's
 * instructions went to validation before. */
static gboolean
validate_utf8 (const char *data, gsize length, const char **end)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low = G_GUINT64_CONSTANT (0x0101010101010101);
  const char *p = data;
  const char *stop = data + length;

  while (p < stop)
    {
      guchar c;
      gsize n;

      while (stop - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          /* Any byte >= 0x80, or any zero byte. */
          if ((word & high) != 0 || ((word - low) & ~word & high) != 0)
            break;
          p += 8;
        }
      if (p == stop)
        break;
      c = (guchar) *p;
      if (c != 0 && c < 0x80)
        {
          p++;
          continue;
        }
      n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      if (!g_utf8_validate_len (p, MIN (n, (gsize) (stop - p)), end))
        return FALSE;
      p += n;
    }
  *end = stop;
  return TRUE;
}

static gboolean
check_bytes (Reader *r)
{
  const guchar *d = (const guchar *) r->data;
  gsize n = r->length;
  const char *end = NULL;

  if (n > WAYMARK_READER_MAX_SIZE)
    {
      reader_fail (r, 1, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("the file is larger than %d MiB, the most Waymark opens"),
                   WAYMARK_READER_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (n == 0 || is_blank (r->data, n))
    {
      reader_fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML, _("the file is empty"));
      return FALSE;
    }
  if (n >= 2 && d[0] == 0x1f && d[1] == 0x8b)
    {
      /* libxml2's file reader would quietly inflate it: a zip bomb. */
      reader_fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("compressed files are not journey documents (this is gzip data)"));
      return FALSE;
    }
  if ((n >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff))) ||
      (n >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xfe && d[3] == 0xff) ||
      (n >= 2 && ((d[0] == 0 && d[1] == '<') || (d[0] == '<' && d[1] == 0))))
    {
      reader_fail (r, 1, WAYMARK_FORMAT_ERROR_ENCODING,
                   _("the file is in UTF-16 or UTF-32; journey documents must be UTF-8"));
      return FALSE;
    }
  if (!validate_utf8 (r->data, n, &end))
    {
      int line = line_of_offset (r->data, end - r->data);

      if (*end == '\0')
        reader_fail (r, line, WAYMARK_FORMAT_ERROR_ENCODING,
                     _("the file contains a NUL byte: it is not a text file"));
      else
        reader_fail (r, line, WAYMARK_FORMAT_ERROR_ENCODING,
                     _("the file is not valid UTF-8 (byte 0x%02X); journey documents must be UTF-8"),
                     (guint) (guchar) *end);
      return FALSE;
    }
  if (looks_cut_off (r->data, n))
    {
      /* libxml2 2.9 reports the elements of a start tag cut off half-way
       * before it notices, so its complaint (or ours about a missing
       * attribute) would hide what happened. */
      reader_fail (r, line_of_offset (r->data, n), WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("the file ends in the middle of the document: is it cut off?"));
      return FALSE;
    }
  return TRUE;
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && is_blank_char (*p))
    p++;
  return p;
}

/* Reads `name = "value"` (or single quotes) at *@pp. */
static gboolean
read_pseudo_attribute (const char  **pp,
                       const char   *end,
                       const char   *name,
                       const char  **value,
                       gsize        *length)
{
  const char *p = *pp;
  gsize n = strlen (name);
  const char *close;
  char quote;

  if ((gsize) (end - p) < n || memcmp (p, name, n) != 0)
    return FALSE;
  p = skip_blanks (p + n, end);
  if (p >= end || *p != '=')
    return FALSE;
  p = skip_blanks (p + 1, end);
  if (p >= end || (*p != '"' && *p != '\''))
    return FALSE;
  quote = *p++;
  close = memchr (p, quote, end - p);
  if (close == NULL)
    return FALSE;
  *value = p;
  *length = close - p;
  *pp = close + 1;
  return TRUE;
}

/* The XML declaration's version and encoding.  Read here rather than in a
 * callback because libxml2 has already switched to the declared
 * encoding's decoder by the time any callback runs, and where it records
 * the name differs between its versions.  Anything malformed is left
 * for libxml2 to report. */
static gboolean
check_xml_declaration (Reader *r)
{
  const char *p = r->data;
  const char *end = r->data + r->length;
  const char *value;
  gsize length;

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (end - p < 6 || memcmp (p, "<?xml", 5) != 0 || !is_blank_char (p[5]))
    return TRUE;
  p = skip_blanks (p + 5, end);
  if (!read_pseudo_attribute (&p, end, "version", &value, &length))
    return TRUE;
  if (length != 3 || memcmp (value, "1.0", 3) != 0)
    {
      g_autofree char *shown = quote_len (value, length);

      reader_fail (r, line_of_offset (r->data, value - r->data), WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("XML version “%s” is not supported; journey documents are XML 1.0"),
                   shown);
      return FALSE;
    }
  p = skip_blanks (p, end);
  if (read_pseudo_attribute (&p, end, "encoding", &value, &length) &&
      !(length == 5 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0) &&
      !(length == 4 && g_ascii_strncasecmp (value, "UTF8", 4) == 0))
    {
      g_autofree char *shown = quote_len (value, length);

      reader_fail (r, line_of_offset (r->data, value - r->data), WAYMARK_FORMAT_ERROR_ENCODING,
                   _("the file declares the encoding “%s”; journey documents must be UTF-8"),
                   shown);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* SAX callbacks                                                       */

static void
on_doctype (void          *user_data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  Reader *r = user_data;

  /* libxml2 calls this after the DOCTYPE's name and external id, before
   * it reads the internal subset: no entity is declared, nothing loaded. */
  reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
               _("DOCTYPE declarations are not allowed: the format has no DTD"));
}

static xmlEntityPtr
on_get_entity (void *user_data, const xmlChar *name)
{
  Reader *r = user_data;
  g_autofree char *shown = reader_quote ((const char *) name);

  /* libxml2 resolves the five predefined entities itself and asks only
   * about others, which would need a DTD. */
  record (r, reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
          _("the entity reference “&%s;” is not allowed: only &amp; &lt; &gt; &quot; &apos; and character references are"),
          shown);
  return NULL;
}

static xmlParserInputPtr
on_resolve_entity (void          *user_data,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  Reader *r = user_data;

  record (r, reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
          _("references to external files are not allowed"));
  return NULL;
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  Reader *r = user_data;

  /* Unreachable while on_doctype() stops the parser; kept as a second
   * lock in case a libxml2 version reports the subset differently. */
  record (r, reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
          _("DOCTYPE declarations are not allowed: the format has no DTD"));
}

static void
on_reference (void *user_data, const xmlChar *name)
{
  on_get_entity (user_data, name);
}

static void
on_error (void *user_data, ReaderXmlError *error)
{
  Reader *r = user_data;
  g_autofree char *message = NULL;
  int line;

  /* Warnings (such as a relative namespace URI) do not make a file
   * unusable; errors, namespace errors included, do. */
  if (r->error != NULL || error->level < XML_ERR_ERROR)
    return;

  line = error->line;
  message = clean_text (error->message ? error->message : "", 200);
  g_strchomp (message);

  switch (error->code)
    {
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      on_get_entity (r, (const xmlChar *) (error->str1 ? error->str1 : "?"));
      return;
    case XML_ERR_DOCUMENT_EMPTY:
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML, _("there is no XML element in the file"));
      return;
    case XML_ERR_DOCUMENT_END:
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("there is more after the end of the document (a journey file holds one <journey> element)"));
      return;
    case XML_ERR_UNSUPPORTED_ENCODING:
      record (r, line, WAYMARK_FORMAT_ERROR_ENCODING, _("unsupported encoding: %s"), message);
      return;
    default:
      break;
    }

  if (error->code == XML_ERR_TAG_NOT_FINISHED && error->str1 != NULL)
    {
      g_autofree char *shown = reader_quote (error->str1);

      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("the file ends before <%s> is closed: is it cut off?"), shown);
      return;
    }
  if (error->domain == XML_FROM_NAMESPACE)
    record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML, _("namespace error: %s"), message);
  else
    record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML, _("not well-formed XML: %s"), message);
}

static gboolean
collect_attributes (Reader         *r,
                    ReaderElement   element,
                    int             nb_attributes,
                    const xmlChar **attributes,
                    const char    **values)
{
  guint required;
  const char *const *names = reader_element_attrs (element, &required);
  gssize offsets[READER_MAX_ATTRS];
  guint n_names;

  for (n_names = 0; names[n_names] != NULL; n_names++)
    offsets[n_names] = -1;
  g_assert (n_names <= READER_MAX_ATTRS);

  /* NUL-terminated copies in one buffer: the values libxml2 passes point
   * into its input and are not terminated. */
  g_string_truncate (r->scratch, 0);
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      const char *local = (const char *) a[0];
      guint k;

      if (a[2] != NULL && !reader_is_ours (r, a[2]))
        continue;   /* foreign: kept once the element's item exists */
      for (k = 0; k < n_names; k++)
        if (strcmp (names[k], local) == 0)
          break;
      if (k == n_names || a[2] != NULL)
        {
          g_autofree char *shown = NULL;
          g_autofree char *shown_prefix = NULL;

          /* A newer format may have added it: skip, the file is read-only. */
          if (r->newer)
            continue;
          shown = reader_quote (local);
          if (a[2] != NULL)
            {
              shown_prefix = reader_quote ((const char *) a[1]);
              reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                           _("attribute “%s:%s” is not allowed on <%s>: attributes of %s have no prefix"),
                           shown_prefix, shown, reader_element_name (element), WAYMARK_NAMESPACE);
            }
          else
            reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                         _("unknown attribute “%s” on <%s>"), shown, reader_element_name (element));
          return FALSE;
        }
      offsets[k] = r->scratch->len;
      reader_append_value (r->scratch, (const char *) a[3], a[4] - a[3]);
      g_string_append_c (r->scratch, '\0');
    }

  for (guint k = 0; k < n_names; k++)
    {
      values[k] = offsets[k] >= 0 ? r->scratch->str + offsets[k] : NULL;
      if (values[k] == NULL && (required & (1u << k)))
        {
          reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                       _("<%s> is missing the attribute “%s”"),
                       reader_element_name (element), names[k]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Opens one of our elements once its place is checked. */
static void
open_element (Reader         *r,
              ReaderElement   element,
              int             nb_namespaces,
              const xmlChar **namespaces,
              int             nb_attributes,
              const xmlChar **attributes)
{
  const char *values[READER_MAX_ATTRS] = { NULL, };
  ReaderFrame *frame;

  g_assert (r->n_frames < READER_MAX_FRAMES);
  frame = &r->frames[r->n_frames++];
  frame->element = element;
  frame->last_child = N_ELEMENTS;
  frame->rank = 0;
  frame->seen = 0;
  frame->line = reader_line (r);

  if (!collect_attributes (r, element, nb_attributes, attributes, values) ||
      !reader_start_element (r, frame, values) ||
      !reader_take_ns_decls (r, frame, nb_namespaces, namespaces))
    return;
  reader_take_foreign_attributes (r, frame, nb_attributes, attributes);
  if (reader_element_content (element) == CONTENT_TEXT)
    g_string_truncate (r->text, 0);
}

static void
start_root (Reader         *r,
            const char     *localname,
            const xmlChar  *uri,
            int             nb_namespaces,
            const xmlChar **namespaces,
            int             nb_attributes,
            const xmlChar **attributes)
{
  g_autofree char *format = NULL;
  g_autofree char *shown = reader_quote (localname);
  int line = reader_line (r);

  if (strcmp (localname, "journey") != 0)
    {
      reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
                   _("the root element is <%s>, not <journey>: this is not a Waymark journey"),
                   shown);
      return;
    }
  if (uri == NULL)
    {
      reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
                   _("<journey> has no namespace; a Waymark journey is <journey xmlns=\"%s\">"),
                   WAYMARK_NAMESPACE);
      return;
    }
  if (!reader_is_ours (r, uri))
    {
      g_autofree char *shown_uri = reader_quote ((const char *) uri);

      reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
                   _("<journey> is in the namespace “%s”, not %s: this is not a Waymark journey"),
                   shown_uri, WAYMARK_NAMESPACE);
      return;
    }

  /* The format number decides how strictly the rest is read. */
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] == NULL && strcmp ((const char *) a[0], "format") == 0)
        {
          GString *value = g_string_new (NULL);

          reader_append_value (value, (const char *) a[3], a[4] - a[3]);
          format = g_string_free (value, FALSE);
        }
    }
  if (!reader_read_format (r, format, line))
    return;

  open_element (r, ELEMENT_JOURNEY, nb_namespaces, namespaces, nb_attributes, attributes);
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  Reader *r = user_data;
  const char *name = (const char *) localname;
  ReaderFrame *parent;
  ReaderElement child;

  if (r->error != NULL)
    return;
  if (++r->depth > WAYMARK_READER_MAX_DEPTH)
    {
      reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_TOO_DEEP,
                   _("elements are nested more than %d deep"), WAYMARK_READER_MAX_DEPTH);
      return;
    }
  if (r->skip_depth > 0)
    {
      r->skip_depth++;
      return;
    }
  if (r->foreign_depth > 0)
    {
      r->foreign_depth++;
      reader_foreign_start (r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }
  if (r->n_frames == 0)
    {
      start_root (r, name, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }

  parent = &r->frames[r->n_frames - 1];
  if (reader_element_content (parent->element) != CONTENT_ELEMENTS)
    {
      g_autofree char *shown = reader_quote (name);

      if (reader_element_content (parent->element) == CONTENT_TEXT)
        reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("<%s> can only contain text, not elements (found <%s>)"),
                     reader_element_name (parent->element), shown);
      else
        reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("<%s> cannot contain elements (found <%s>)"),
                     reader_element_name (parent->element), shown);
      return;
    }
  if (uri == NULL)
    {
      g_autofree char *shown = reader_quote (name);

      reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("element <%s> in <%s> has no namespace"),
                   shown, reader_element_name (parent->element));
      return;
    }
  if (!reader_is_ours (r, uri))
    {
      reader_enter_foreign (r, parent);
      if (r->error != NULL)
        return;
      r->foreign_depth = 1;
      reader_foreign_start (r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }

  if (!reader_enter_child (r, parent, name, &child))
    return;
  if (child == N_ELEMENTS)
    {
      r->skip_depth = 1;
      return;
    }
  open_element (r, child, nb_namespaces, namespaces, nb_attributes, attributes);
}

static void
on_end_element (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Reader *r = user_data;

  if (r->error != NULL)
    return;
  r->depth--;
  if (r->skip_depth > 0)
    {
      r->skip_depth--;
      return;
    }
  if (r->foreign_depth > 0)
    {
      reader_foreign_end (r, localname, prefix);
      return;
    }

  g_assert (r->n_frames > 0);
  if (!reader_end_element (r, &r->frames[r->n_frames - 1]))
    return;
  if (--r->n_frames == 0)
    r->root_done = TRUE;
}

static void
on_characters (void *user_data, const xmlChar *ch, int len)
{
  Reader *r = user_data;
  const char *text = (const char *) ch;
  ReaderFrame *frame;

  if (r->error != NULL || r->skip_depth > 0 || r->n_frames == 0)
    return;
  if (r->foreign_depth > 0)
    {
      reader_foreign_text (r, text, len);
      return;
    }

  frame = &r->frames[r->n_frames - 1];
  if (reader_element_content (frame->element) == CONTENT_TEXT)
    {
      if (r->text->len + len > READER_MAX_TEXT)
        {
          reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_TOO_LARGE,
                       _("the text of <%s> is longer than %d MiB"),
                       reader_element_name (frame->element), READER_MAX_TEXT / (1024 * 1024));
          return;
        }
      g_string_append_len (r->text, text, len);
    }
  else if (!is_blank (text, len))
    {
      g_autofree char *shown = quote_len (text, len);

      reader_fail (r, reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> cannot contain text (found “%s”)"),
                   reader_element_name (frame->element), g_strstrip (shown));
    }
}

/* Comments and processing instructions are kept inside foreign subtrees
 * (they are part of them); anywhere else they have no place in the
 * model and are dropped on save. */
static void
on_comment (void *user_data, const xmlChar *value)
{
  Reader *r = user_data;

  if (r->error == NULL && r->skip_depth == 0 && r->foreign_depth > 0)
    reader_foreign_comment (r, (const char *) value);
}

static void
on_processing_instruction (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  Reader *r = user_data;

  if (r->error == NULL && r->skip_depth == 0 && r->foreign_depth > 0)
    reader_foreign_processing_instruction (r, (const char *) target, (const char *) data);
}

static const xmlSAXHandler reader_sax = {
  .internalSubset = on_doctype,
  .externalSubset = on_doctype,
  .getEntity = on_get_entity,
  .getParameterEntity = on_get_entity,
  .resolveEntity = on_resolve_entity,
  .entityDecl = on_entity_decl,
  .reference = on_reference,
  .characters = on_characters,
  .ignorableWhitespace = on_characters,
  .cdataBlock = on_characters,   /* CDATA is just text */
  .comment = on_comment,
  .processingInstruction = on_processing_instruction,
  .startElementNs = on_start_element,
  .endElementNs = on_end_element,
  .serror = on_error,
  .initialized = XML_SAX2_MAGIC,
};

/* ------------------------------------------------------------------ */
/* Driving libxml2                                                     */

/* libxml2 pulls the input through this in small pieces, so it keeps only
 * a few KiB of it at a time: a memory parser context would copy the
 * whole file first (and a static one would read past an unterminated
 * buffer). */
static int
read_input (void *context, char *buffer, int len)
{
  Reader *r = context;
  gsize n = MIN ((gsize) MAX (len, 0), r->length - r->offset);

  memcpy (buffer, r->data + r->offset, n);
  r->offset += n;
  return (int) n;
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
parse (Reader *r)
{
  xmlParserCtxtPtr ctxt;

  /* libxml2 copies the handler; the cast drops a const its API lacks. */
  ctxt = xmlCreateIOParserCtxt ((xmlSAXHandlerPtr) &reader_sax, r, read_input, NULL, r,
                                XML_CHAR_ENCODING_NONE);
  if (ctxt == NULL)
    {
      record (r, 1, WAYMARK_FORMAT_ERROR_IO, _("cannot set up the XML parser"));
      return;
    }
  r->ctxt = ctxt;
  r->interned_ns = xmlDictLookup (ctxt->dict, (const xmlChar *) WAYMARK_NAMESPACE, -1);
  for (guint e = 0; e < N_ELEMENTS; e++)
    r->interned_names[e] = xmlDictLookup (ctxt->dict, (const xmlChar *) reader_element_name (e), -1);

  /* No option that loads, expands or forgives anything: no NOENT,
   * DTDLOAD, DTDVALID, XINCLUDE, RECOVER or HUGE (which would turn off
   * libxml2's own limits).  NONET in case a version ever reaches out. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET);
  xmlParseDocument (ctxt);

  if (r->error == NULL && (!ctxt->wellFormed || !ctxt->nsWellFormed))
    record (r, reader_line (r), WAYMARK_FORMAT_ERROR_NOT_XML, _("not well-formed XML"));
  if (r->error == NULL && !r->root_done)
    record (r, reader_line (r), WAYMARK_FORMAT_ERROR_NOT_XML, _("the document has no <journey> element"));

  /* After an early error libxml2 parses on with SAX off, and keeps the
   * declarations of a DOCTYPE it meets in a document of its own "for
   * expat compatibility"; xmlFreeParserCtxt() leaves that to us. */
  if (ctxt->myDoc != NULL)
    {
      xmlFreeDoc (ctxt->myDoc);
      ctxt->myDoc = NULL;
    }
  r->ctxt = NULL;
  xmlFreeParserCtxt (ctxt);
}

static void
migrate (Reader *r, WaymarkReadInfo *info)
{
  g_autoptr(GError) error = NULL;

  if (!waymark_migrate (r->journey, r->format, &error))
    {
      record (r, r->journey_line, WAYMARK_FORMAT_ERROR_FORMAT, "%s", error->message);
      return;
    }
  if (info != NULL)
    info->migrated = TRUE;
}

/**
 * waymark_reader_read:
 *
 * Parses a .journey document held in memory.  See waymark-reader.h.
 */
WaymarkJourney *
waymark_reader_read (const char       *data,
                     gsize             length,
                     const char       *display_name,
                     WaymarkReadInfo  *info,
                     GError          **error)
{
  Reader r = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only our fields: waymark_file_load() fills in the rest of @info. */
  if (info != NULL)
    {
      info->format = 0;
      info->migrated = FALSE;
      info->newer = FALSE;
    }
  r.display_name = display_name != NULL ? display_name : "journey";
  r.data = data != NULL ? data : "";
  r.length = length;

  if (check_bytes (&r) && check_xml_declaration (&r))
    {
      ensure_libxml ();
      r.journey = waymark_journey_new ();
      r.text = g_string_sized_new (256);
      r.scratch = g_string_sized_new (256);
      r.foreign = g_string_new (NULL);
      for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
        r.lines[t] = g_array_new (FALSE, FALSE, sizeof (int));

      parse (&r);
      if (r.error == NULL && r.format < WAYMARK_FORMAT_VERSION)
        migrate (&r, info);

      g_string_free (r.text, TRUE);
      g_string_free (r.scratch, TRUE);
      g_string_free (r.foreign, TRUE);
      for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
        g_array_unref (r.lines[t]);
    }

  if (info != NULL)
    {
      info->format = r.format;
      info->newer = r.newer;
    }
  if (r.error != NULL)
    {
      g_clear_object (&r.journey);
      g_propagate_error (error, r.error);
      return NULL;
    }
  return r.journey;
}
