/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#ifdef HAVE_HYPHEN
#include <hyphen.h>
#endif

#include "waymark-text-breaks-private.h"

#define SOFT_HYPHEN   0x00AD
#define NO_BREAK_SPACE 0x00A0

/* Shorter words are never broken: two letters stay on the line, three
 * go to the next (the usual minimums of German and English print). */
#define LEFT_MIN  2
#define RIGHT_MIN 3

#ifdef HAVE_HYPHEN

typedef struct {
  HyphenDict *dict;
  gboolean latin1;    /* the dictionary's patterns are ISO 8859-1, not UTF-8 */
} Dictionary;

/* "de_DE.UTF-8@euro" → "de_DE" */
static char *
locale_base (const char *name)
{
  return g_strndup (name, strcspn (name, ".@"));
}

static HyphenDict *
load_for_language (const char *language)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *file = g_strdup_printf ("hyph_%s.dic", language);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "hyphen", file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          HyphenDict *dict = hnj_hyphen_load (path);

          if (dict != NULL)
            return dict;
          g_warning ("%s: not a hyphenation dictionary", path);
        }
    }
  return NULL;
}

/* The dictionary of the first of the user's languages that has one
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): the map is most likely written
 * in the language its author reads.  Loaded once, kept for the process. */
static gpointer
load_dictionary (gpointer data)
{
  const char * const *names = g_get_language_names ();
  Dictionary *dictionary = g_new0 (Dictionary, 1);

  (void) data;
  for (guint i = 0; names[i] != NULL && dictionary->dict == NULL; i++)
    {
      g_autofree char *base = locale_base (names[i]);

      if (strcmp (base, "C") == 0 || strcmp (base, "POSIX") == 0 || base[0] == '\0')
        continue;
      dictionary->dict = load_for_language (base);
    }
  /* The C locale: the templates and most maps are English. */
  if (dictionary->dict == NULL)
    dictionary->dict = load_for_language ("en_US");
  if (dictionary->dict != NULL)
    dictionary->latin1 = g_ascii_strncasecmp (dictionary->dict->cset, "ISO8859-1", 9) == 0 ||
                         g_ascii_strncasecmp (dictionary->dict->cset, "ISO-8859-1", 10) == 0;
  return dictionary;
}

static Dictionary *
get_dictionary (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_dictionary, NULL);
}

static void
free_alternatives (char **rep,
                   int   *pos,
                   int   *cut,
                   int    n)
{
  if (rep != NULL)
    for (int i = 0; i < n; i++)
      g_free (rep[i]);
  /* libhyphen allocates these with malloc. */
  free (rep);
  free (pos);
  free (cut);
}

/* Marks in @breaks (one per character of @word, n_chars of them) the
 * characters after which the dictionary allows a break. */
static void
find_breaks (Dictionary *dictionary,
             const char *word,
             glong       n_chars,
             gboolean   *breaks)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  g_autofree char *encoded = NULL;
  g_autofree char *hyphens = NULL;
  char **rep = NULL;
  int *pos = NULL;
  int *cut = NULL;
  size_t n_bytes;

  /* Lower case can change the length (rare: "İ"); such a word keeps
   * no break rather than a wrong one. */
  if (g_utf8_strlen (lower, -1) != n_chars)
    return;
  if (dictionary->latin1)
    {
      encoded = g_convert (lower, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
      if (encoded == NULL)
        return;   /* letters the dictionary's language does not have */
    }
  else
    encoded = g_strdup (lower);
  n_bytes = strlen (encoded);
  hyphens = g_malloc0 (n_bytes + 5);
  if (hnj_hyphen_hyphenate3 (dictionary->dict, encoded, (int) n_bytes, hyphens, NULL, &rep, &pos, &cut,
                             LEFT_MIN, RIGHT_MIN, LEFT_MIN, LEFT_MIN) == 0)
    {
      glong c = 0;

      /* hyphens[i] is odd when a break may follow byte i; in UTF-8 only
       * the last byte of a character counts. */
      for (const char *p = encoded; *p != '\0' && c < n_chars; c++)
        {
          const char *next = dictionary->latin1 ? p + 1 : g_utf8_next_char (p);
          size_t last = (size_t) (next - encoded) - 1;

          /* A non-standard break (German "Schiff-fahrt") changes letters:
           * left out, the word just breaks elsewhere. */
          if ((hyphens[last] & 1) && (rep == NULL || rep[last] == NULL) &&
              c + 1 >= LEFT_MIN && n_chars - (c + 1) >= RIGHT_MIN)
            breaks[c] = TRUE;
          p = next;
        }
    }
  free_alternatives (rep, pos, cut, (int) n_bytes);
}

static void
append_word (GString    *out,
             const char *word,
             const char *end)
{
  Dictionary *dictionary = get_dictionary ();
  g_autofree char *copy = g_strndup (word, end - word);
  glong n_chars = g_utf8_strlen (copy, -1);
  g_autofree gboolean *breaks = NULL;
  glong c = 0;

  if (dictionary->dict == NULL || n_chars < LEFT_MIN + RIGHT_MIN)
    {
      g_string_append (out, copy);
      return;
    }
  breaks = g_new0 (gboolean, n_chars);
  find_breaks (dictionary, copy, n_chars, breaks);
  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p), c++)
    {
      g_string_append_unichar (out, g_utf8_get_char (p));
      if (breaks[c])
        g_string_append_unichar (out, SOFT_HYPHEN);
    }
}

gboolean
_waymark_text_can_hyphenate (void)
{
  return get_dictionary ()->dict != NULL;
}

#else /* !HAVE_HYPHEN */

static void
append_word (GString    *out,
             const char *word,
             const char *end)
{
  g_string_append_len (out, word, end - word);
}

gboolean
_waymark_text_can_hyphenate (void)
{
  return FALSE;
}

#endif

/* A space after a number, before a word: "20 %", "50 km", "14 minutes". */
static gboolean
joins_number (const char *start,
              const char *space)
{
  const char *next = space + 1;

  if (space == start || !g_ascii_isdigit (space[-1]))
    return FALSE;
  return *next != '\0' && *next != ' ' && *next != '\n' && *next != '\t';
}

static gboolean
holds_offset (glong        start,
              glong        end,
              const glong *inside,
              guint        n_inside)
{
  for (guint i = 0; i < n_inside; i++)
    if (inside[i] >= start && inside[i] < end)
      return TRUE;
  return FALSE;
}

char *
_waymark_text_add_breaks (const char  *text,
                          const glong *inside,
                          guint        n_inside)
{
  GString *out;
  const char *p;
  glong offset = 0;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          const char *end = p;
          glong start = offset;

          while (*end != '\0' && g_unichar_isalpha (g_utf8_get_char (end)))
            {
              end = g_utf8_next_char (end);
              offset++;
            }
          if (holds_offset (start, offset, inside, n_inside))
            append_word (out, p, end);
          else
            g_string_append_len (out, p, end - p);
          p = end;
          continue;
        }
      if (c == ' ' && joins_number (text, p))
        g_string_append_unichar (out, NO_BREAK_SPACE);
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
      offset++;
    }
  return g_string_free (out, FALSE);
}
