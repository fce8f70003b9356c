/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "waymark-migrate.h"
#include "waymark-reader-private.h"
#include "waymark-text-limit.h"

/* How the reader treats a file (docs/ARCHITECTURE.md, "Files"): every file
 * is hostile.  The bytes are checked as they come, before libxml2 sees
 * them (size, gzip, UTF-16, UTF-8, the declared encoding), then libxml2's
 * SAX2 push parser streams events straight into the model, with no tree
 * in between and never the whole file in memory.  There is no DTD in the
 * format, so a DOCTYPE stops the parse before libxml2 reads its internal
 * subset, and every entity but the five predefined ones is refused;
 * nothing is ever loaded from a file or the network.  The first problem
 * wins: it stops the parser, and its message says where it is. */

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
_waymark_reader_fail (Reader *r,
                      int line,
                      WaymarkFormatError code,
                      const char *format,
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
_waymark_reader_line (Reader *r)
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
clean_text (const char *text,
            guint       max)
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
_waymark_reader_quote (const char *value)
{
  return clean_text (value, 40);
}

static char *
quote_len (const char *value,
           gsize       length)
{
  g_autofree char *copy = g_strndup (value, length);

  return _waymark_reader_quote (copy);
}

/* ------------------------------------------------------------------ */
/* Checks on the bytes, before libxml2 sees them                       */

/* The bytes go through the checks, and on to libxml2, in pieces of at
 * most this size, however they are fed: libxml2 copies what it is given
 * into a buffer of its own, which must stay small. */
#define READER_PIECE (64 * 1024)

typedef enum {
  SCAN_NO,     /* not there, or not as expected */
  SCAN_YES,
  SCAN_MORE,   /* the bytes so far cannot tell */
} Scan;

static const char utf8_bom[3] = { '\xef', '\xbb', '\xbf' };

static int
count_lines (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  int n = 0;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

static int
line_of_offset (const char *data,
                gsize       offset)
{
  return 1 + count_lines (data, offset);
}

static gboolean
is_blank_char (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!is_blank_char (text[i]))
      return FALSE;
  return TRUE;
}

static const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && is_blank_char (*p))
    p++;
  return p;
}

/* gzip, UTF-16 and UTF-32 give themselves away in the first four bytes. */
static gboolean
check_start (Reader *r)
{
  const guchar *d = r->start;
  guint n = r->n_start;

  if (n >= 2 && d[0] == 0x1f && d[1] == 0x8b)
    {
      /* libxml2's file reader would quietly inflate it: a zip bomb. */
      _waymark_reader_fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("compressed files are not journey documents (this is gzip data)"));
      return FALSE;
    }
  if ((n >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff))) ||
      (n >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xfe && d[3] == 0xff) ||
      (n >= 2 && ((d[0] == 0 && d[1] == '<') || (d[0] == '<' && d[1] == 0))))
    {
      _waymark_reader_fail (r, 1, WAYMARK_FORMAT_ERROR_ENCODING,
                   _("the file is in UTF-16 or UTF-32; journey documents must be UTF-8"));
      return FALSE;
    }
  r->bom = n >= 3 && memcmp (d, utf8_bom, 3) == 0;
  return TRUE;
}

static gboolean
bad_utf8 (Reader *r,
          int     line,
          guchar  byte)
{
  if (byte == 0)
    _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_ENCODING,
                 _("the file contains a NUL byte: it is not a text file"));
  else
    _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_ENCODING,
                 _("the file is not valid UTF-8 (byte 0x%02X); journey documents must be UTF-8"),
                 (guint) byte);
  return FALSE;
}

/* The next byte from @p on that is not plain ASCII (a NUL byte
 * included).  g_utf8_validate_len() goes byte by byte; journeys are
 * mostly ASCII, so skip ASCII eight bytes at a time and let GLib judge
 * each other character.  A tenth of a load's instructions went to
 * validation before. */
static const char *
skip_ascii (const char *p,
            const char *stop)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low = G_GUINT64_CONSTANT (0x0101010101010101);

  while (stop - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      /* Any byte >= 0x80, or any zero byte. */
      if ((word & high) != 0 || ((word - low) & ~word & high) != 0)
        break;
      p += 8;
    }
  while (p < stop && *p != '\0' && (guchar) *p < 0x80)
    p++;
  return p;
}

/* How many bytes a character starting with @c takes; 1 for a byte that
 * cannot start one (GLib then refuses it). */
static guint
utf8_length (guchar c)
{
  return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* Keeps what the checks at the end need to know of the bytes that went
 * on to libxml2: how many lines, and whether anything but white space. */
static void
note_content (Reader     *r,
              const char *data,
              gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  r->next_line += count_lines (data, length);
  if (r->bom && r->n_checked < sizeof utf8_bom)
    {
      /* A BOM is content for "empty", not for "cut off". */
      p += MIN (sizeof utf8_bom - r->n_checked, length);
      r->any_content = TRUE;
    }
  r->n_checked += length;
  if (r->first_content == '\0')
    {
      p = skip_blanks (p, end);
      if (p == end)
        return;
      r->first_content = *p;
    }
  while (end > p && is_blank_char (end[-1]))
    end--;
  if (end > p)
    {
      r->last_content = end[-1];
      r->any_content = TRUE;
    }
}

/* Reads `name = "value"` (or single quotes) at *@pp. */
static Scan
read_pseudo_attribute (const char **pp,
                       const char  *end,
                       gboolean     at_end,
                       const char  *name,
                       const char **value,
                       gsize       *length)
{
  const char *p = *pp;
  gsize n = strlen (name);
  const char *close;
  char quote;

  if ((gsize) (end - p) < n)
    return !at_end && memcmp (p, name, end - p) == 0 ? SCAN_MORE : SCAN_NO;
  if (memcmp (p, name, n) != 0)
    return SCAN_NO;
  p = skip_blanks (p + n, end);
  if (p == end)
    return at_end ? SCAN_NO : SCAN_MORE;
  if (*p != '=')
    return SCAN_NO;
  p = skip_blanks (p + 1, end);
  if (p == end)
    return at_end ? SCAN_NO : SCAN_MORE;
  if (*p != '"' && *p != '\'')
    return SCAN_NO;
  quote = *p++;
  close = memchr (p, quote, end - p);
  if (close == NULL)
    return at_end ? SCAN_NO : SCAN_MORE;
  *value = p;
  *length = close - p;
  *pp = close + 1;
  return SCAN_YES;
}

/* The XML declaration's version and encoding, in the first @length bytes
 * of the file (all of it when @at_end).  Read here rather than in a
 * callback because libxml2 has already switched to the declared
 * encoding's decoder by the time any callback runs, and where it records
 * the name differs between its versions.  Anything malformed is left
 * for libxml2 to report.  SCAN_YES: fine; SCAN_NO: refused (reported);
 * SCAN_MORE: the declaration goes on past @length. */
static Scan
check_xml_declaration (Reader     *r,
                       const char *data,
                       gsize       length,
                       gboolean    at_end)
{
  const char *p = data;
  const char *end = data + length;
  const char *value;
  gsize value_length;

  if (end - p >= 3 && memcmp (p, utf8_bom, 3) == 0)
    p += 3;
  else if (!at_end && end - p < 3 && memcmp (p, utf8_bom, end - p) == 0)
    return SCAN_MORE;
  if (end - p < 6)
    return !at_end && memcmp (p, "<?xml", MIN (end - p, 5)) == 0 ? SCAN_MORE : SCAN_YES;
  if (memcmp (p, "<?xml", 5) != 0 || !is_blank_char (p[5]))
    return SCAN_YES;
  p = skip_blanks (p + 5, end);
  switch (read_pseudo_attribute (&p, end, at_end, "version", &value, &value_length))
    {
    case SCAN_MORE:
      return SCAN_MORE;
    case SCAN_NO:
      return SCAN_YES;
    case SCAN_YES:
    default:
      break;
    }
  if (value_length != 3 || memcmp (value, "1.0", 3) != 0)
    {
      g_autofree char *shown = quote_len (value, value_length);

      _waymark_reader_fail (r, line_of_offset (data, value - data), WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("XML version “%s” is not supported; journey documents are XML 1.0"),
                   shown);
      return SCAN_NO;
    }
  p = skip_blanks (p, end);
  switch (read_pseudo_attribute (&p, end, at_end, "encoding", &value, &value_length))
    {
    case SCAN_MORE:
      return SCAN_MORE;
    case SCAN_NO:
      return SCAN_YES;
    case SCAN_YES:
    default:
      break;
    }
  if (!(value_length == 5 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0) &&
      !(value_length == 4 && g_ascii_strncasecmp (value, "UTF8", 4) == 0))
    {
      g_autofree char *shown = quote_len (value, value_length);

      _waymark_reader_fail (r, line_of_offset (data, value - data), WAYMARK_FORMAT_ERROR_ENCODING,
                   _("the file declares the encoding “%s”; journey documents must be UTF-8"),
                   shown);
      return SCAN_NO;
    }
  return SCAN_YES;
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
  _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
               _("DOCTYPE declarations are not allowed: the format has no DTD"));
}

static xmlEntityPtr
on_get_entity (void          *user_data,
               const xmlChar *name)
{
  Reader *r = user_data;
  g_autofree char *shown = _waymark_reader_quote ((const char *) name);

  /* libxml2 resolves the five predefined entities itself and asks only
   * about others, which would need a DTD. */
  record (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
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

  record (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
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
  record (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_FORBIDDEN,
          _("DOCTYPE declarations are not allowed: the format has no DTD"));
}

static void
on_reference (void          *user_data,
              const xmlChar *name)
{
  on_get_entity (user_data, name);
}

/* libxml2's messages are for programmers ("internal error: Huge input
 * lookup", "Name too long: NCName"): the common ones are said again in
 * words, translated, with the names and limits they are about.  TRUE
 * when @error was one of them. */
static gboolean
describe_xml_error (Reader         *r,
                    ReaderXmlError *error,
                    int             line)
{
  g_autofree char *str1 = error->str1 ? _waymark_reader_quote (error->str1) : g_strdup ("?");
  g_autofree char *str2 = error->str2 ? _waymark_reader_quote (error->str2) : g_strdup ("?");
  g_autofree char *str3 = error->str3 ? _waymark_reader_quote (error->str3) : NULL;

  switch ((int) error->code)
    {
    case XML_ERR_NAME_TOO_LONG:
      record (r, line, WAYMARK_FORMAT_ERROR_TOO_LARGE,
              _("the name of an element or attribute is longer than %d characters"), XML_MAX_NAME_LENGTH);
      return TRUE;
    case XML_ERR_INTERNAL_ERROR:
      /* The tag scan stops what is longer than WAYMARK_READER_MAX_MARKUP;
       * this is whatever it does not know (text in a DOCTYPE, say). */
      if (error->message == NULL || strstr (error->message, "Huge input lookup") == NULL)
        return FALSE;
      record (r, line, WAYMARK_FORMAT_ERROR_TOO_LARGE,
              _("the markup here goes on for more than %d MiB without its end"),
              XML_MAX_LOOKUP_LIMIT / (1000 * 1000));
      return TRUE;
    case XML_ERR_TAG_NAME_MISMATCH:
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("the end tag </%s> does not match the start tag <%s> on line %d"), str2, str1, error->int1);
      return TRUE;
    case XML_ERR_ATTRIBUTE_REDEFINED:
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("the attribute “%s” appears twice on one element"), str1);
      return TRUE;
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      /* On an element: prefix, element; on an attribute: prefix,
       * attribute, element. */
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("the namespace prefix “%s” is not declared (used on <%s>)"), str1, str3 ? str3 : str2);
      return TRUE;
    case XML_ERR_INVALID_CHAR:
      if (error->int1 <= 0)
        return FALSE;
      record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
              _("the character U+%04X is not allowed in an XML document"), (guint) error->int1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_error (void           *user_data,
          ReaderXmlError *error)
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
      /* Told that the input ends, the push parser says only that it is
       * not where a document may end: before the root element, or
       * inside it (all its tags complete, see waymark_reader_finish()).
       * Either way the problem is at the end of the file, which is where
       * the pull parser pointed to as well; the push parser stops short
       * of white space it has not needed to look at. */
      if (r->terminating && !r->root_done && r->ctxt->nameNr > 0)
        {
          g_autofree char *shown = _waymark_reader_quote ((const char *) r->ctxt->name);

          record (r, r->next_line, WAYMARK_FORMAT_ERROR_NOT_XML,
                  _("the file ends before <%s> is closed: is it cut off?"), shown);
        }
      else if (r->terminating && !r->root_done)
        record (r, r->next_line, WAYMARK_FORMAT_ERROR_NOT_XML, _("there is no XML element in the file"));
      else
        record (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
                _("there is more after the end of the document (a journey file holds one <journey> element)"));
      return;
    case XML_ERR_UNSUPPORTED_ENCODING:
      record (r, line, WAYMARK_FORMAT_ERROR_ENCODING, _("unsupported encoding: %s"), message);
      return;
    default:
      break;
    }

  if (describe_xml_error (r, error, line))
    return;
  if (error->code == XML_ERR_TAG_NOT_FINISHED && error->str1 != NULL)
    {
      g_autofree char *shown = _waymark_reader_quote (error->str1);

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
  const char *const *names = _waymark_reader_element_attrs (element, &required);
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

      if (a[2] != NULL && !_waymark_reader_is_ours (r, a[2]))
        continue;   /* foreign: kept once the element's item exists */
      /* Interned names first (see _waymark_reader_is_ours()), then strcmp() for
       * certain. */
      for (k = 0; k < n_names; k++)
        if (a[0] == r->interned_attrs[element][k])
          break;
      if (k == n_names)
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
          shown = _waymark_reader_quote (local);
          if (a[2] != NULL)
            {
              shown_prefix = _waymark_reader_quote ((const char *) a[1]);
              _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                           _("attribute “%s:%s” is not allowed on <%s>: attributes of %s have no prefix"),
                           shown_prefix, shown, _waymark_reader_element_name (element), WAYMARK_NAMESPACE);
            }
          else
            _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                         _("unknown attribute “%s” on <%s>"), shown, _waymark_reader_element_name (element));
          return FALSE;
        }
      offsets[k] = r->scratch->len;
      _waymark_reader_append_value (r->scratch, (const char *) a[3], a[4] - a[3]);
      g_string_append_c (r->scratch, '\0');
    }

  for (guint k = 0; k < n_names; k++)
    {
      values[k] = offsets[k] >= 0 ? r->scratch->str + offsets[k] : NULL;
      if (values[k] == NULL && (required & (1u << k)))
        {
          _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                       _("<%s> is missing the attribute “%s”"),
                       _waymark_reader_element_name (element), names[k]);
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
  frame->content = _waymark_reader_element_content (element);
  frame->last_child = N_ELEMENTS;
  frame->rank = 0;
  frame->seen = 0;
  frame->line = _waymark_reader_line (r);

  if (!collect_attributes (r, element, nb_attributes, attributes, values) ||
      !_waymark_reader_start_element (r, frame, values) ||
      !_waymark_reader_take_ns_decls (r, frame, nb_namespaces, namespaces))
    return;
  _waymark_reader_take_foreign_attributes (r, frame, nb_attributes, attributes);
  if (frame->content == CONTENT_TEXT)
    {
      g_string_truncate (r->text, 0);
      r->text_chars = 0;
    }
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
  g_autofree char *shown = _waymark_reader_quote (localname);
  int line = _waymark_reader_line (r);

  if (strcmp (localname, "journey") != 0)
    {
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
                   _("the root element is <%s>, not <journey>: this is not a Waymark journey"),
                   shown);
      return;
    }
  if (uri == NULL)
    {
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
                   _("<journey> has no namespace; a Waymark journey is <journey xmlns=\"%s\">"),
                   WAYMARK_NAMESPACE);
      return;
    }
  if (!_waymark_reader_is_ours (r, uri))
    {
      g_autofree char *shown_uri = _waymark_reader_quote ((const char *) uri);

      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
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

          _waymark_reader_append_value (value, (const char *) a[3], a[4] - a[3]);
          format = g_string_free (value, FALSE);
        }
    }
  if (!_waymark_reader_read_format (r, format, line))
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
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_TOO_DEEP,
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
      _waymark_reader_foreign_start (r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }
  if (r->n_frames == 0)
    {
      start_root (r, name, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }

  parent = &r->frames[r->n_frames - 1];
  if (parent->content != CONTENT_ELEMENTS)
    {
      g_autofree char *shown = _waymark_reader_quote (name);

      if (parent->content == CONTENT_TEXT)
        _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("<%s> can only contain text, not elements (found <%s>)"),
                     _waymark_reader_element_name (parent->element), shown);
      else
        _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("<%s> cannot contain elements (found <%s>)"),
                     _waymark_reader_element_name (parent->element), shown);
      return;
    }
  if (uri == NULL)
    {
      g_autofree char *shown = _waymark_reader_quote (name);

      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("element <%s> in <%s> has no namespace"),
                   shown, _waymark_reader_element_name (parent->element));
      return;
    }
  if (!_waymark_reader_is_ours (r, uri))
    {
      _waymark_reader_enter_foreign (r, parent);
      if (r->error != NULL)
        return;
      r->foreign_depth = 1;
      _waymark_reader_foreign_start (r, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes, attributes);
      return;
    }

  if (!_waymark_reader_enter_child (r, parent, name, &child))
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
      _waymark_reader_foreign_end (r, localname, prefix);
      return;
    }

  g_assert (r->n_frames > 0);
  if (!_waymark_reader_end_element (r, &r->frames[r->n_frames - 1]))
    return;
  if (--r->n_frames == 0)
    r->root_done = TRUE;
}

static void
on_characters (void          *user_data,
               const xmlChar *ch,
               int            len)
{
  Reader *r = user_data;
  const char *text = (const char *) ch;
  ReaderFrame *frame;

  if (r->error != NULL || r->skip_depth > 0 || r->n_frames == 0)
    return;
  if (r->foreign_depth > 0)
    {
      _waymark_reader_foreign_text (r, text, len);
      return;
    }

  frame = &r->frames[r->n_frames - 1];
  if (frame->content == CONTENT_TEXT)
    {
      gsize limit = _waymark_reader_element_text_limit (frame->element);

      /* Counted as it comes, so a huge text is refused at its limit and
       * never held whole. */
      r->text_chars += waymark_text_limit_count (text, len);
      if (r->text_chars > limit)
        {
          const char *name = _waymark_reader_element_name (frame->element);

          _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                       /* Translators: "the text of <title> is longer than 1000 characters, the most a <title> may hold" */
                       _("the text of <%s> is longer than %d characters, the most a <%s> may hold"),
                       name, (int) limit, name);
          return;
        }
      g_string_append_len (r->text, text, len);
    }
  else if (!is_blank (text, len))
    {
      g_autofree char *shown = quote_len (text, len);

      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> cannot contain text (found “%s”)"),
                   _waymark_reader_element_name (frame->element), g_strstrip (shown));
    }
}

/* Comments and processing instructions are kept inside foreign subtrees
 * (they are part of them); anywhere else they have no place in the
 * model and are dropped on save. */
static void
on_comment (void          *user_data,
            const xmlChar *value)
{
  Reader *r = user_data;

  if (r->error == NULL && r->skip_depth == 0 && r->foreign_depth > 0)
    _waymark_reader_foreign_comment (r, (const char *) value);
}

static void
on_processing_instruction (void          *user_data,
                           const xmlChar *target,
                           const xmlChar *data)
{
  Reader *r = user_data;

  if (r->error == NULL && r->skip_depth == 0 && r->foreign_depth > 0)
    _waymark_reader_foreign_processing_instruction (r, (const char *) target, (const char *) data);
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

/* The bytes flow through three stages, each a function below: the first
 * checks that they are UTF-8 (take_bytes(), take_utf8()), the second
 * holds them back until the XML declaration is judged (pass_on()), the
 * third hands them to libxml2's push parser (parse_bytes()).  Anything a
 * stage refuses stops the flow: libxml2 never sees a byte that has not
 * been checked, however the document was cut into pieces. */

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

/* Sets up libxml2 with the first @length bytes of the document. */
static gboolean
start_parser (Reader     *r,
              const char *data,
              int         length)
{
  xmlParserCtxtPtr ctxt;

  ensure_libxml ();
  /* libxml2 copies the handler; the cast drops a const its API lacks.
   * Given the first bytes (with none it waits for four before it looks
   * at anything, even once told that the input ends), it knows the
   * encoding at once, and skips a UTF-8 BOM. */
  ctxt = xmlCreatePushParserCtxt ((xmlSAXHandlerPtr) &reader_sax, r, data, length, NULL);
  if (ctxt == NULL)
    {
      record (r, 1, WAYMARK_FORMAT_ERROR_IO, _("cannot set up the XML parser"));
      return FALSE;
    }
  r->ctxt = ctxt;
  r->interned_ns = xmlDictLookup (ctxt->dict, (const xmlChar *) WAYMARK_NAMESPACE, -1);
  for (guint e = 0; e < N_ELEMENTS; e++)
    {
      guint required;
      const char *const *attrs = _waymark_reader_element_attrs (e, &required);

      r->interned_names[e] = xmlDictLookup (ctxt->dict, (const xmlChar *) _waymark_reader_element_name (e), -1);
      for (guint k = 0; attrs[k] != NULL; k++)
        {
          g_assert (k < READER_MAX_ATTRS);
          r->interned_attrs[e][k] = xmlDictLookup (ctxt->dict, (const xmlChar *) attrs[k], -1);
        }
    }

  /* No option that loads, expands or forgives anything: no NOENT,
   * DTDLOAD, DTDVALID, XINCLUDE, RECOVER or HUGE (which would turn off
   * libxml2's own limits).  NONET in case a version ever reaches out. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET);
  return TRUE;
}

static void
free_parser (Reader *r)
{
  if (r->ctxt == NULL)
    return;
  /* After an early error libxml2 parses on with SAX off, and keeps the
   * declarations of a DOCTYPE it meets in a document of its own "for
   * expat compatibility"; xmlFreeParserCtxt() leaves that to us. */
  if (r->ctxt->myDoc != NULL)
    {
      xmlFreeDoc (r->ctxt->myDoc);
      r->ctxt->myDoc = NULL;
    }
  g_clear_pointer (&r->ctxt, xmlFreeParserCtxt);
}

/* A limit of the tag scan (waymark-tag-scan.h) crossed at @at in the
 * @length bytes of @data: the last bytes parse_bytes() was given, so
 * r->next_line is the line after them. */
static void
markup_too_large (Reader          *r,
                  WaymarkTagLimit  limit,
                  const char      *data,
                  gsize            length,
                  gsize            at)
{
  int line = r->next_line - count_lines (data + at, length - at);
  g_autofree char *shown = _waymark_reader_quote (_waymark_tag_scan_name (&r->tags));
  int mib = WAYMARK_READER_MAX_MARKUP / (1024 * 1024);
  WaymarkFormatError code = WAYMARK_FORMAT_ERROR_TOO_LARGE;

  switch (limit)
    {
    case WAYMARK_TAG_LIMIT_NAMESPACES:
      _waymark_reader_fail (r, line, code,
                   _("<%s> declares more than %d namespaces; Waymark reads at most %d on one element"),
                   shown, WAYMARK_READER_MAX_ATTRIBUTES, WAYMARK_READER_MAX_ATTRIBUTES);
      break;
    case WAYMARK_TAG_LIMIT_ATTRIBUTES:
      _waymark_reader_fail (r, line, code,
                   _("<%s> has more than %d attributes; Waymark reads at most %d on one element"),
                   shown, WAYMARK_READER_MAX_ATTRIBUTES, WAYMARK_READER_MAX_ATTRIBUTES);
      break;
    case WAYMARK_TAG_LIMIT_START_TAG:
      _waymark_reader_fail (r, line, code,
                   _("the start tag of <%s> is longer than %d MiB (with its attributes); Waymark reads at most %d MiB"),
                   shown, mib, mib);
      break;
    case WAYMARK_TAG_LIMIT_END_TAG:
      _waymark_reader_fail (r, line, code, _("an end tag is longer than %d MiB"), mib);
      break;
    case WAYMARK_TAG_LIMIT_COMMENT:
      _waymark_reader_fail (r, line, code,
                   _("a comment is longer than %d MiB; Waymark reads at most %d MiB"), mib, mib);
      break;
    case WAYMARK_TAG_LIMIT_PI:
      _waymark_reader_fail (r, line, code,
                   _("a processing instruction (<?…?>) is longer than %d MiB; Waymark reads at most %d MiB"),
                   mib, mib);
      break;
    case WAYMARK_TAG_LIMIT_CDATA:
      _waymark_reader_fail (r, line, code,
                   _("a CDATA section is longer than %d MiB; Waymark reads at most %d MiB"), mib, mib);
      break;
    case WAYMARK_TAG_LIMIT_DECLARATION:
      _waymark_reader_fail (r, line, code, _("a declaration (<!…>) is longer than %d MiB"), mib);
      break;
    case WAYMARK_TAG_LIMIT_REFERENCE:
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_NOT_XML,
                   _("the reference “&%s” has no “;” within %d characters"),
                   shown, WAYMARK_TAG_SCAN_MAX_REFERENCE);
      break;
    case WAYMARK_TAG_LIMIT_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* The third stage.  The tag scan goes first: libxml2 gets the bytes up
 * to the '<' (or '&') of markup over a limit (the '<' included, so
 * that it has seen the end of the text before it), so that whatever is
 * wrong before it is still reported first, however the bytes are cut;
 * it never gets that markup's end, so never checks the attributes or
 * searches for the end for long. */
static gboolean
parse_bytes (Reader     *r,
             const char *data,
             gsize       length)
{
  gsize at = 0;
  gssize tag_start = -1;
  WaymarkTagLimit limit = _waymark_tag_scan_feed (&r->tags, data, length, &at, &tag_start);
  const char *whole = data;
  gsize whole_length = length;

  if (limit != WAYMARK_TAG_LIMIT_NONE)
    length = tag_start >= 0 ? (gsize) tag_start + 1 : 0;
  if (length > 0 && r->ctxt == NULL)
    {
      int first = (int) MIN (length, 4);

      if (!start_parser (r, data, first))
        return FALSE;
      data += first;
      length -= first;
    }
  while (length > 0 && r->error == NULL)
    {
      gsize n = MIN (length, (gsize) READER_PIECE);

      xmlParseChunk (r->ctxt, data, (int) n, 0);
      data += n;
      length -= n;
    }
  if (limit != WAYMARK_TAG_LIMIT_NONE && r->error == NULL)
    markup_too_large (r, limit, whole, whole_length, at);
  return r->error == NULL;
}

/* The second stage: checked bytes, from the start of the file on. */
static gboolean
pass_on (Reader     *r,
         const char *data,
         gsize       length,
         gboolean    last)
{
  const char *view = data;
  gsize view_length = length;
  gboolean ok;

  note_content (r, data, length);
  if (r->declaration_checked)
    return parse_bytes (r, data, length);

  /* Until the declaration is judged, nothing goes to libxml2.  It is
   * nearly always in the first piece; a hostile one may go on and on,
   * so look again only when the bytes held back have doubled. */
  if (r->head != NULL && r->head->len > 0)
    {
      g_string_append_len (r->head, data, length);
      view = r->head->str;
      view_length = r->head->len;
    }
  if (view_length < r->next_scan && !last)
    return TRUE;
  switch (check_xml_declaration (r, view, view_length, last))
    {
    case SCAN_NO:
      return FALSE;
    case SCAN_MORE:
      if (r->head == NULL)
        r->head = g_string_new (NULL);
      if (r->head->len == 0)
        g_string_append_len (r->head, data, length);
      r->next_scan = 2 * r->head->len;
      return TRUE;
    case SCAN_YES:
    default:
      break;
    }
  r->declaration_checked = TRUE;
  ok = parse_bytes (r, view, view_length);
  if (r->head != NULL)
    g_string_free (g_steal_pointer (&r->head), TRUE);
  return ok;
}

/* The first stage, after the first bytes: UTF-8 without NUL bytes.  A
 * character cut by the end of @data waits in r->carry for the rest. */
static gboolean
take_utf8 (Reader     *r,
           const char *data,
           gsize       length,
           gboolean    last)
{
  const char *p = data;
  const char *stop = data + length;
  const char *from;
  const char *end;

  if (r->n_carry > 0)
    {
      gsize take = MIN ((gsize) (r->carry_need - r->n_carry), length);

      memcpy (r->carry + r->n_carry, p, take);
      r->n_carry += take;
      p += take;
      if (r->n_carry < r->carry_need && !last)
        return TRUE;
      if (!g_utf8_validate_len ((const char *) r->carry, r->n_carry, &end))
        return bad_utf8 (r, r->carry_line, (guchar) *end);
      r->n_carry = 0;
      if (!pass_on (r, (const char *) r->carry, r->carry_need, last && p == stop))
        return FALSE;
    }

  for (from = p; p < stop; )
    {
      guint n;

      p = skip_ascii (p, stop);
      if (p == stop)
        break;
      n = utf8_length ((guchar) *p);
      if ((gsize) (stop - p) < n && !last)
        {
          r->n_carry = stop - p;
          r->carry_need = n;
          memcpy (r->carry, p, r->n_carry);
          if (!pass_on (r, from, p - from, FALSE))
            return FALSE;
          r->carry_line = r->next_line;
          return TRUE;
        }
      if (!g_utf8_validate_len (p, MIN (n, (gsize) (stop - p)), &end))
        return bad_utf8 (r, r->next_line + count_lines (from, end - from), (guchar) *end);
      p += n;
    }
  return pass_on (r, from, stop - from, last);
}

/* The first stage: the first bytes tell gzip and UTF-16 apart. */
static gboolean
take_bytes (Reader     *r,
            const char *data,
            gsize       length,
            gboolean    last)
{
  if (!r->start_checked)
    {
      gsize take = MIN (length, sizeof r->start - r->n_start);

      if (take > 0)
        memcpy (r->start + r->n_start, data, take);
      r->n_start += take;
      data += take;
      length -= take;
      if (r->n_start < sizeof r->start && !last)
        return TRUE;
      if (!check_start (r))
        return FALSE;
      r->start_checked = TRUE;
      if (!take_utf8 (r, (const char *) r->start, r->n_start, last && length == 0))
        return FALSE;
    }
  return take_utf8 (r, data, length, last);
}

static void
end_parse (Reader *r)
{
  if (r->ctxt == NULL && !start_parser (r, NULL, 0))
    return;
  r->terminating = TRUE;
  xmlParseChunk (r->ctxt, NULL, 0, 1);

  if (r->error == NULL && (!r->ctxt->wellFormed || !r->ctxt->nsWellFormed))
    record (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_NOT_XML, _("not well-formed XML"));
  if (r->error == NULL && !r->root_done)
    record (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_NOT_XML, _("the document has no <journey> element"));
}

static void
migrate (Reader          *r,
         WaymarkReadInfo *info)
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
 * waymark_reader_new:
 *
 * Starts reading a .journey document piece by piece.  See
 * waymark-reader.h.
 */
WaymarkReader *
waymark_reader_new (const char *display_name)
{
  Reader *r = g_new0 (Reader, 1);

  r->display_name = g_strdup (display_name != NULL ? display_name : "journey");
  r->next_line = 1;
  r->conflict_side = -1;
  _waymark_tag_scan_init (&r->tags, WAYMARK_READER_MAX_ATTRIBUTES, WAYMARK_READER_MAX_MARKUP);
  r->journey = waymark_journey_new ();
  r->text = g_string_sized_new (256);
  r->scratch = g_string_sized_new (256);
  r->foreign = g_string_new (NULL);
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    r->lines[t] = g_array_new (FALSE, FALSE, sizeof (int));
  return r;
}

/**
 * waymark_reader_feed:
 *
 * Checks and parses the next piece of the document.  See
 * waymark-reader.h.
 */
gboolean
waymark_reader_feed (WaymarkReader  *r,
                     const char     *data,
                     gsize           length,
                     GError        **error)
{
  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (!r->finished, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Before a byte is looked at: the cap holds for the whole document. */
  if (r->error == NULL && length > WAYMARK_READER_MAX_SIZE - r->total)
    _waymark_reader_fail (r, 1, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                 _("the file is larger than %d MiB, the most Waymark opens"),
                 WAYMARK_READER_MAX_SIZE / (1024 * 1024));
  if (r->error == NULL)
    r->total += length;
  while (r->error == NULL && length > 0)
    {
      gsize n = MIN (length, (gsize) READER_PIECE);

      take_bytes (r, data, n, FALSE);
      data += n;
      length -= n;
    }

  if (r->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (r->error);
      return FALSE;
    }
  return TRUE;
}

/* The reader kept the line of each item by type, in document order. */
static void
record_item_lines (Reader     *r,
                   GHashTable *lines)
{
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      GPtrArray *items = waymark_journey_get_items (r->journey, t);

      for (guint i = 0; i < items->len && i < r->lines[t]->len; i++)
        g_hash_table_insert (lines, g_strdup (waymark_item_get_id (items->pdata[i])),
                             GINT_TO_POINTER (g_array_index (r->lines[t], int, i)));
    }
}

/**
 * waymark_reader_finish:
 *
 * Ends the document and hands over the journey.  See waymark-reader.h.
 */
WaymarkJourney *
waymark_reader_finish (WaymarkReader    *r,
                       WaymarkReadInfo  *info,
                       GError          **error)
{
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (!r->finished, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r->finished = TRUE;
  /* Only our fields: waymark_file_load() fills in the rest of @info. */
  if (info != NULL)
    {
      info->format = 0;
      info->migrated = FALSE;
      info->newer = FALSE;
    }

  /* What the first bytes or a cut character still hold back. */
  if (r->error == NULL)
    take_bytes (r, "", 0, TRUE);
  if (r->error == NULL && !r->any_content)
    _waymark_reader_fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML, _("the file is empty"));
  /* Markup whose last non-blank byte is not the '>' of an end tag, an
   * empty element, a comment or a processing instruction cannot be a
   * whole document: nothing else may follow the root element.  Judged
   * before libxml2 hears that the input ends: it would report the
   * elements of a start tag cut off half-way before it noticed, so its
   * complaint (or ours about a missing attribute) would hide what
   * happened. */
  if (r->error == NULL && r->first_content == '<' && r->last_content != '>')
    _waymark_reader_fail (r, r->next_line, WAYMARK_FORMAT_ERROR_NOT_XML,
                 _("the file ends in the middle of the document: is it cut off?"));
  if (r->error == NULL)
    end_parse (r);
  free_parser (r);

  if (r->error == NULL && r->format < WAYMARK_FORMAT_VERSION)
    migrate (r, info);
  if (info != NULL)
    {
      info->format = r->format;
      info->newer = r->newer;
    }
  if (r->error == NULL && info != NULL && info->item_lines != NULL)
    record_item_lines (r, info->item_lines);
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return NULL;
    }
  return g_steal_pointer (&r->journey);
}

void
waymark_reader_set_share_with (WaymarkReader  *r,
                               WaymarkJourney *reference)
{
  g_return_if_fail (r != NULL);
  g_return_if_fail (reference == NULL || WAYMARK_IS_JOURNEY (reference));
  g_return_if_fail (r->total == 0);

  g_set_object (&r->share_with, reference);
}

/**
 * waymark_reader_free:
 *
 * Frees @r, finished or not.
 */
void
waymark_reader_free (WaymarkReader *r)
{
  if (r == NULL)
    return;
  free_parser (r);
  g_clear_object (&r->journey);
  g_clear_object (&r->share_with);
  g_clear_error (&r->error);
  if (r->head != NULL)
    g_string_free (r->head, TRUE);
  g_string_free (r->text, TRUE);
  g_string_free (r->scratch, TRUE);
  g_string_free (r->foreign, TRUE);
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    g_array_unref (r->lines[t]);
  g_free (r->display_name);
  g_free (r);
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
  g_autoptr(WaymarkReader) reader = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = waymark_reader_new (display_name);
  if (info != NULL && info->share_with != NULL)
    waymark_reader_set_share_with (reader, info->share_with);
  waymark_reader_feed (reader, data != NULL ? data : "", length, NULL);
  return waymark_reader_finish (reader, info, error);
}
