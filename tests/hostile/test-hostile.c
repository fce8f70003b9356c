/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"
/* MAP_ANONYMOUS and MAP_NORESERVE, which strict C11 mode hides. */
#define _DEFAULT_SOURCE 1

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include "waymark-error.h"
#include "waymark-reader.h"

/* Loads every file of files/ as waymark_file_load() would (name = the
 * file's basename) and checks the verdict in expected.txt, plus cases
 * generated here because they are too big to keep in git.  Each case is
 * read whole, then fed to the reader in pieces of several sizes (the
 * loader feeds it what each read() returns): the verdict, message
 * included, must be the same however the bytes are cut.
 *
 * Every load must finish in under 100 ms (the generated inputs of over
 * 10 MiB, which libxml2 alone takes tens of milliseconds to scan, in
 * under a second) and leave the process's peak resident size
 * (getrusage() ru_maxrss, a high-water mark) less than 64 MiB above what
 * it was before the first case: a bound on what any single load can have
 * used at its worst moment, input included.  Under AddressSanitizer,
 * whose quarantine keeps freed memory resident, only time is checked. */

#define MAX_MICROSECONDS     (100 * 1000)
#define MAX_MICROSECONDS_BIG (1000 * 1000)
#define MAX_EXTRA_KIB        (64 * 1024)

#if defined(__SANITIZE_ADDRESS__)
# define CHECK_MEMORY 0
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define CHECK_MEMORY 0
# endif
#endif
#ifndef CHECK_MEMORY
# define CHECK_MEMORY 1
#endif

/* The time limits are the product's promise for a normal build; an
 * instrumented build (ASan+UBSan, about 3-5x slower) on a shared CI
 * machine gets more room, while still catching a hang or a blowup. */
#if CHECK_MEMORY
# define TIME_FACTOR 1
#else
# define TIME_FACTOR 5
#endif

typedef struct {
  char *name;
  GBytes *(*make) (void);   /* NULL: read files/NAME */
  gboolean ok;
  gboolean newer;
  int line;
  char *text;
  int code;
  gint64 max_microseconds;
} Case;

static glong baseline_kib;

static const char *const code_names[] = {
  "IO", "TOO_LARGE", "NOT_XML", "ENCODING", "FORBIDDEN", "TOO_DEEP",
  "NOT_JOURNEY", "FORMAT", "INVALID", "DUPLICATE_ID", "REFERENCE",
};
G_STATIC_ASSERT (G_N_ELEMENTS (code_names) == WAYMARK_FORMAT_ERROR_REFERENCE + 1);

static glong
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;   /* KiB on Linux */
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->name);
  g_free (c->text);
  g_free (c);
}

static Case *
case_new (const char         *name,
          int                 line,
          const char         *text,
          WaymarkFormatError  code)
{
  Case *c = g_new0 (Case, 1);

  c->name = g_strdup (name);
  c->line = line;
  c->text = g_strdup (text);
  c->code = (int) code;
  c->max_microseconds = MAX_MICROSECONDS;
  return c;
}

static WaymarkJourney *
read_in_pieces (const Case       *c,
                const char       *data,
                gsize             length,
                gsize             piece,
                WaymarkReadInfo  *info,
                GError          **error)
{
  g_autoptr(WaymarkReader) reader = waymark_reader_new (c->name);

  for (gsize at = 0; at < length; at += piece)
    if (!waymark_reader_feed (reader, data + at, MIN (piece, length - at), NULL))
      break;
  return waymark_reader_finish (reader, info, error);
}

/* Cut anywhere, even one byte at a time, the bytes give the same verdict.
 * Sizes that do not divide READER_PIECE (64 KiB) move the cuts around. */
static void
check_pieces (const Case     *c,
              const char     *data,
              gsize           length,
              WaymarkJourney *whole,
              const GError   *whole_error)
{
  const gsize small[] = { 1, 2, 3, 7, 64, 4093 };
  const gsize large[] = { 4093, 100003 };
  gboolean is_small = length <= 64 * 1024;
  const gsize *sizes = is_small ? small : large;
  guint n_sizes = is_small ? G_N_ELEMENTS (small) : G_N_ELEMENTS (large);

  for (guint i = 0; i < n_sizes; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = NULL;
      WaymarkReadInfo info = { 0, };

      journey = read_in_pieces (c, data, length, sizes[i], &info, &error);
      if (whole != NULL && journey == NULL)
        g_error ("%s: loads whole, but in pieces of %" G_GSIZE_FORMAT ": %s",
                 c->name, sizes[i], error->message);
      if (whole == NULL && journey != NULL)
        g_error ("%s: refused whole (%s), but loads in pieces of %" G_GSIZE_FORMAT,
                 c->name, whole_error->message, sizes[i]);
      if (whole == NULL &&
          (error->code != whole_error->code || strcmp (error->message, whole_error->message) != 0))
        g_error ("%s: whole: “%s”, in pieces of %" G_GSIZE_FORMAT ": “%s”",
                 c->name, whole_error->message, sizes[i], error->message);
      if (whole != NULL)
        g_assert_cmpint (info.newer, ==, c->newer);
    }
}

static void
run_case_full (const Case *c,
               const char *data,
               gsize       length,
               gboolean    pieces)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autofree char *prefix = NULL;
  WaymarkReadInfo info = { 0, };
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  journey = waymark_reader_read (data, length, c->name, &info, &error);
  elapsed = g_get_monotonic_time () - start;
  if (pieces)
    check_pieces (c, data, length, journey, error);

  g_test_message ("%s: %s (%" G_GINT64_FORMAT " us, peak +%ld KiB)", c->name,
                  error ? error->message : "loaded", elapsed, peak_kib () - baseline_kib);
  g_assert_cmpint (elapsed, <, c->max_microseconds * TIME_FACTOR);
  if (CHECK_MEMORY)
    g_assert_cmpint (peak_kib () - baseline_kib, <, MAX_EXTRA_KIB);

  if (c->ok)
    {
      g_assert_no_error (error);
      g_assert_nonnull (journey);
      g_assert_cmpint (info.newer, ==, c->newer);
      return;
    }

  g_assert_null (journey);
  g_assert_nonnull (error);
  if (error->domain != WAYMARK_FORMAT_ERROR || error->code != c->code)
    g_error ("%s: expected a %s error, got %s code %d: %s", c->name, code_names[c->code],
             g_quark_to_string (error->domain), error->code, error->message);
  prefix = g_strdup_printf ("%s:%d: ", c->name, c->line);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, c->text) == NULL)
    g_error ("%s: expected “%s…%s…”, got “%s”", c->name, prefix, c->text, error->message);
}

static void
run_case (const Case *c,
          const char *data,
          gsize       length)
{
  run_case_full (c, data, length, TRUE);
}

static void
test_file (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", "files", c->name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  run_case (c, contents, length);
}

/* Generated when the case runs, so that only one is in memory at a time. */
static void
test_generated (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GBytes) bytes = c->make ();
  gsize length;
  const char *contents = g_bytes_get_data (bytes, &length);

  run_case (c, contents, length);
}

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<journey xmlns=\"urn:waymark:journey\" xmlns:x=\"urn:example:x\" format=\"1\" id=\"j-1\">\n"

/* 110 KB that would expand to about 1 GB once read: one 50,000-byte
 * entity referenced 15,000 times.  Not passing XML_PARSE_NOENT is not
 * enough against it (docs/ARCHITECTURE.md, "Files"). */
static GBytes *
make_quadratic_blowup (void)
{
  GString *s = g_string_new (HEAD "<!DOCTYPE journey [\n<!ENTITY a \"");

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (s, 'a');
  g_string_append (s, "\">\n]>\n" ROOT "  <title>");
  for (guint i = 0; i < 15000; i++)
    g_string_append (s, "&a;");
  g_string_append (s, "</title>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

/* 10,000 nested foreign elements, one per line: the root is depth 1 on
 * line 2, so depth 33 is on line 34. */
static GBytes *
make_deep_nesting (void)
{
  GString *s = g_string_new (HEAD ROOT);

  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "<x:n>\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "</x:n>");
  g_string_append (s, "\n</journey>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_long (const char *before,
           char        fill,
           gsize       n,
           const char *after)
{
  GString *s = g_string_sized_new (n + 1024);

  g_string_append (s, before);
  memset (s->str + s->len, fill, n);
  g_string_set_size (s, s->len + n);
  g_string_append (s, after);
  return g_string_free_to_bytes (s);
}

/* One byte over the cap, without touching 256 MiB: untouched pages of an
 * anonymous mapping cost nothing, and a reader that checks the length
 * first never reads them (one that reads them finds NUL bytes and fails
 * this test with the wrong error). */
static void
test_too_large (void)
{
  gsize length = (gsize) WAYMARK_READER_MAX_SIZE + 1;
  Case *c = case_new ("too-large.journey", 1, "the file is larger than 256 MiB",
                      WAYMARK_FORMAT_ERROR_TOO_LARGE);
  void *data = mmap (NULL, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

  if (data == MAP_FAILED)
    {
      g_test_skip ("cannot map 256 MiB of address space");
      case_free (c);
      return;
    }
  /* Not in pieces: the reader only finds out when the pieces add up. */
  run_case_full (c, data, length, FALSE);
  munmap (data, length);
  case_free (c);
}

static GBytes *
make_huge_text (void)
{
  return make_long (HEAD ROOT "  <title>", 't', 10 * 1024 * 1024 + 1, "</title>\n</journey>\n");
}

static GBytes *
make_huge_foreign (void)
{
  return make_long (HEAD ROOT "  <x:blob>", 'b', 11 * 1024 * 1024, "</x:blob>\n</journey>\n");
}

/* The tag scan caps a tag at 1 MiB, libxml2 names at 50,000 characters. */
static GBytes *
make_huge_attribute (void)
{
  return make_long (HEAD ROOT "  <title x:a=\"", 'a', 11 * 1024 * 1024, "\">T</title>\n</journey>\n");
}

/* libxml2 would search 11 MB for the end in time quadratic in its
 * length, then say "internal error: Huge input lookup". */
static GBytes *
make_huge_comment (void)
{
  return make_long (HEAD ROOT "  <!--", 'c', 11 * 1024 * 1024, "-->\n</journey>\n");
}

static GBytes *
make_huge_reference (void)
{
  return make_long (HEAD ROOT "  <title>&#", '0', 11 * 1024 * 1024, "65;</title>\n</journey>\n");
}

static GBytes *
make_huge_name (void)
{
  return make_long (HEAD ROOT "  <x:", 'n', 60000, "/>\n</journey>\n");
}

/* The reader checks and parses 64 KiB at a time however it is fed
 * (READER_PIECE): these put what must not be cut across that boundary.
 * The filler is line feeds, so the line of a problem tells whether the
 * lines of every piece were counted. */
#define PIECE (64 * 1024)
#define TITLE_START HEAD ROOT "  <title>"
#define TITLE_FILL (PIECE - 1 - strlen (TITLE_START))

static GBytes *
make_straddling (const char *character)
{
  GString *s = g_string_new (HEAD ROOT);

  /* Blank lines between elements (a title is one line of text). */
  for (gsize i = 0; i < TITLE_FILL; i++)
    g_string_append_c (s, '\n');
  g_string_append (s, "  <title>");
  g_assert_cmpuint (s->len, ==, PIECE - 1);
  g_string_append (s, character);
  g_string_append (s, "</title>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

/* A euro sign, its three bytes cut by the boundary. */
static GBytes *
make_straddling_valid (void)
{
  return make_straddling ("\xe2\x82\xac");
}

/* The first two bytes of a euro sign, then '(': the lead byte is the
 * last of one piece, the bad one the second of the next. */
static GBytes *
make_straddling_invalid (void)
{
  return make_straddling ("\xe2\x82(");
}

/* A declaration longer than a piece, cut between its attributes. */
static GBytes *
make_long_declaration (const char *before,
                       const char *after)
{
  GString *s = g_string_new (before);

  for (guint i = 0; i < PIECE; i++)
    g_string_append_c (s, '\n');
  g_string_append (s, after);
  g_string_append (s, "\n" ROOT "  <title>T</title>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_split_version (void)
{
  return make_long_declaration ("<?xml", " version=\"1.1\"?>");
}

static GBytes *
make_split_encoding (void)
{
  return make_long_declaration ("<?xml version=\"1.0\"", " encoding=\"ISO-8859-1\"?>");
}

static GBytes *
make_split_fine (void)
{
  return make_long_declaration ("<?xml version=\"1.0\"", " encoding=\"UTF-8\"?>");
}

/* 480,000 attributes on one element (6 MB): libxml2 2.9 would take over
 * a minute to check them for duplicates; the reader counts them before
 * libxml2 sees the tag.  A paste goes through the same reader. */
static GBytes *
make_many_attributes (void)
{
  GString *s = g_string_new (HEAD ROOT "  <title>T</title>\n  <x:e");

  for (guint i = 0; i < 480000; i++)
    g_string_append_printf (s, " x:a%u=\"1\"", i);
  g_string_append (s, "/>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

static GBytes *
make_many_namespaces (void)
{
  GString *s = g_string_new (HEAD ROOT "  <title>T</title>\n  <x:e");

  for (guint i = 0; i < 480000; i++)
    g_string_append_printf (s, "\n xmlns:n%u='urn:n'", i);
  g_string_append (s, "/>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

/* As many as the reader takes, of both, on a foreign element and on one
 * of ours; and quotes, '<' and '>' where they are not attribute values. */
static GBytes *
make_attributes_at_limit (void)
{
  GString *s = g_string_new (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-1\"");

  /* format, id and the default namespace: 254 more of each. */
  for (guint i = 0; i < 254; i++)
    g_string_append_printf (s, " xmlns:j%u=\"urn:j%u\" j0:a%u='\">'", i, i, i);
  g_string_append (s, ">\n  <title><![CDATA[a=\"1\" b='<x y=\"\"']]></title>\n  <!-- <e a=\"1\" b=\"2\"> -->\n  <?pi a=\"1\"?>\n  <j0:e");
  for (guint i = 0; i < WAYMARK_READER_MAX_ATTRIBUTES; i++)
    g_string_append_printf (s, " xmlns:n%u=\"urn:n%u\" n%u:a=\"v\"", i, i, i);
  g_string_append (s, "/>\n</journey>\n");
  return g_string_free_to_bytes (s);
}

/* A comment holds many quotes: they are not attributes. */
static GBytes *
make_quotes_in_comment (void)
{
  GString *s = g_string_new (HEAD ROOT "  <title>T</title>\n  <!--");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, " a=\"1\" ->");
  g_string_append (s, " -->\n</journey>\n");
  return g_string_free_to_bytes (s);
}

static Case *
big (Case *c)
{
  c->max_microseconds = MAX_MICROSECONDS_BIG;
  return c;
}

static void
add_generated (Case *c,
               GBytes *(*make) (void))
{
  g_autofree char *path = g_strdup_printf ("/hostile/generated/%s", c->name);

  c->make = make;
  g_test_add_data_func_full (path, c, test_generated, case_free);
}

static void
add_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile", "expected.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *test_path = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) >= 2 && g_str_has_prefix (fields[1], "OK"))
        {
          c = case_new (fields[0], 0, NULL, 0);
          c->ok = TRUE;
          c->newer = strcmp (fields[1], "OK newer") == 0;
        }
      else
        {
          char *end = NULL;
          guint code;

          if (g_strv_length (fields) != 3)
            g_error ("expected.txt:%u: want FILE<TAB>LINE: TEXT<TAB>CODE", i + 1);
          for (code = 0; code < G_N_ELEMENTS (code_names); code++)
            if (strcmp (code_names[code], fields[2]) == 0)
              break;
          c = case_new (fields[0], (int) g_ascii_strtoll (fields[1], &end, 10), NULL, code);
          if (code == G_N_ELEMENTS (code_names) || end == fields[1] || end[0] != ':' || end[1] != ' ')
            g_error ("expected.txt:%u: bad line or code", i + 1);
          c->text = g_strdup (end + 2);
        }
      test_path = g_strdup_printf ("/hostile/file/%s", fields[0]);
      g_test_add_data_func_full (test_path, c, test_file, case_free);
      n++;
    }
  g_assert_cmpuint (n, >=, 35);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  baseline_kib = peak_kib ();

  add_manifest ();
  add_generated (case_new ("quadratic-blowup.journey", 2, "DOCTYPE declarations are not allowed",
                           WAYMARK_FORMAT_ERROR_FORBIDDEN), make_quadratic_blowup);
  add_generated (case_new ("deep-nesting.journey", 34, "elements are nested more than 32 deep",
                           WAYMARK_FORMAT_ERROR_TOO_DEEP), make_deep_nesting);
  add_generated (case_new ("huge-text.journey", 3, "the text of <title> is longer than 1000 characters",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_huge_text);
  add_generated (big (case_new ("huge-foreign.journey", 3, "an element of another namespace is larger than 10 MiB",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE)), make_huge_foreign);
  add_generated (case_new ("huge-attribute.journey", 3, "the start tag of <title> is longer than 1 MiB",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_huge_attribute);
  add_generated (case_new ("huge-name.journey", 3, "the name of an element or attribute is longer than 50000 characters",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_huge_name);
  add_generated (case_new ("huge-comment.journey", 3, "a comment is longer than 1 MiB",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_huge_comment);
  add_generated (case_new ("huge-reference.journey", 3, "the reference “&#000",
                           WAYMARK_FORMAT_ERROR_NOT_XML), make_huge_reference);
  add_generated (case_new ("many-attributes.journey", 4, "<x:e> has more than 256 attributes",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_many_attributes);
  add_generated (case_new ("many-namespaces.journey", 4 + 257, "<x:e> declares more than 256 namespaces",
                           WAYMARK_FORMAT_ERROR_TOO_LARGE), make_many_namespaces);
  {
    Case *c = case_new ("attributes-at-limit.journey", 0, NULL, 0);

    c->ok = TRUE;
    add_generated (c, make_attributes_at_limit);
    c = case_new ("quotes-in-comment.journey", 0, NULL, 0);
    c->ok = TRUE;
    add_generated (c, make_quotes_in_comment);
  }
  g_test_add_func ("/hostile/generated/too-large.journey", test_too_large);
  {
    Case *c = case_new ("straddling-valid.journey", 0, NULL, 0);

    c->ok = TRUE;
    add_generated (c, make_straddling_valid);
  }
  add_generated (case_new ("straddling-invalid.journey", 3 + (int) TITLE_FILL,
                           "the file is not valid UTF-8 (byte 0xE2)",
                           WAYMARK_FORMAT_ERROR_ENCODING), make_straddling_invalid);
  add_generated (case_new ("split-version.journey", 1 + PIECE,
                           "XML version “1.1” is not supported",
                           WAYMARK_FORMAT_ERROR_NOT_XML), make_split_version);
  add_generated (case_new ("split-encoding.journey", 1 + PIECE,
                           "the file declares the encoding “ISO-8859-1”",
                           WAYMARK_FORMAT_ERROR_ENCODING), make_split_encoding);
  {
    Case *c = case_new ("split-declaration.journey", 0, NULL, 0);

    c->ok = TRUE;
    add_generated (c, make_split_fine);
  }

  return g_test_run ();
}
