/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "journey-builder.h"
#include "waymark-export.h"
#include "waymark-reader.h"
#include "waymark-text-limit.h"
#include "waymark-writer.h"

/* The hostile suite's rule, end to end: every file up to 256 MiB is
 * refused or loaded within 100 ms per MB and 64 MB plus 4x its size, and
 * every file that loads exports (PDF, SVG, PNG) within 10 s and 1 GB.
 * Each case runs in a process of its own, so that its peak resident size
 * (getrusage() ru_maxrss, a high-water mark) and its processor time are
 * its own.  The sizes keep
 * CI quick; waymark-bench's hostile section runs the largest files.
 * Under AddressSanitizer, whose quarantine keeps freed memory, only time
 * is checked, with room for the instrumentation. */

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
#if CHECK_MEMORY
# define TIME_FACTOR 1
#else
# define TIME_FACTOR 5
#endif

#define MIB (1024.0 * 1024.0)
#define EXPORT_MAX_SECONDS 10
#define EXPORT_MAX_KIB (1024 * 1024)

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-1\">\n"

/* Processor time, not the clock: the rule is about what a file costs,
 * and a shared CI machine's clock also counts everyone else's work. */
static gint64
cpu_microseconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static glong
peak_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;   /* KiB on Linux */
}

/* @n characters that draw as badly as text can: a leading U+202E, then
 * letters each carrying a flood of combining marks. */
static void
append_hostile (GString *s,
                guint    n)
{
  g_string_append (s, "\xe2\x80\xae");
  for (guint i = 1; i < n; i++)
    g_string_append (s, i % 50 == 1 ? "W" : "\xcc\x81");
}

static void
append_element (GString    *s,
                const char *name,
                guint       n)
{
  g_string_append_printf (s, "<%s>", name);
  append_hostile (s, n);
  g_string_append_printf (s, "</%s>", name);
}

/* Every text of every card as long as its field allows, all of it
 * hostile: the most a map that loads can ask of layout and export. */
static GBytes *
make_worst_text (void)
{
  GString *s = g_string_new (HEAD);

  append_element (s, "title", WAYMARK_TEXT_LIMIT_LINE);
  append_element (s, "subject", WAYMARK_TEXT_LIMIT_LINE);
  append_element (s, "goal", WAYMARK_TEXT_LIMIT_LINE);
  g_string_append (s, "\n<persona id=\"pe\">");
  append_element (s, "name", WAYMARK_TEXT_LIMIT_LINE);
  g_string_append (s, "</persona>\n");
  for (guint p = 0; p < 4; p++)
    {
      g_string_append_printf (s, "<phase id=\"p%u\">", p);
      append_element (s, "name", WAYMARK_TEXT_LIMIT_LINE);
      g_string_append (s, "</phase>\n");
    }
  g_string_append (s, "<lane id=\"lt\" kind=\"touchpoints\">");
  append_element (s, "name", WAYMARK_TEXT_LIMIT_LINE);
  g_string_append (s, "</lane>\n<lane id=\"le\" kind=\"emotion\"><name>E</name></lane>\n"
                   "<lane id=\"ln\" kind=\"notes\">");
  append_element (s, "name", WAYMARK_TEXT_LIMIT_LINE);
  g_string_append (s, "</lane>\n<lane id=\"lk\" kind=\"kpis\"><name>K</name></lane>\n<channel id=\"c\" category=\"digital\" icon=\"website\">");
  append_element (s, "name", WAYMARK_TEXT_LIMIT_LINE);
  g_string_append (s, "</channel>\n");
  for (guint i = 0; i < 120; i++)
    {
      g_string_append_printf (s, "<touchpoint id=\"t%u\" phase=\"p%u\" lane=\"lt\" channel=\"c\">", i, i % 4);
      append_element (s, "title", WAYMARK_TEXT_LIMIT_LINE);
      append_element (s, "description", WAYMARK_TEXT_LIMIT_PAGES);
      append_element (s, "quote", WAYMARK_TEXT_LIMIT_PAGES);
      g_string_append_printf (s, "<emotion score=\"%d\">", (int) (i % 5) - 2);
      append_hostile (s, WAYMARK_TEXT_LIMIT_LINE);
      g_string_append (s, "</emotion>");
      append_element (s, "owner", WAYMARK_TEXT_LIMIT_LINE);
      g_string_append (s, "<kpi name=\"");
      append_hostile (s, WAYMARK_TEXT_LIMIT_LINE);
      g_string_append (s, "\" value=\"1\"/></touchpoint>\n");
    }
  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (s, "<note id=\"n%u\" phase=\"p%u\" lane=\"ln\">", i, i % 4);
      append_element (s, "text", WAYMARK_TEXT_LIMIT_PAGES);
      g_string_append (s, "</note>\n");
    }
  g_string_append (s, "</journey>\n");
  return g_string_free_to_bytes (s);
}

/* An ordinary map of 2,000 cards (about 2 MB). */
static GBytes *
make_large_map (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (24, 2000, 7);

  return waymark_writer_write (journey);
}

/* 48 MiB whose first title never ends: refused at its limit. */
static GBytes *
make_huge_title (void)
{
  gsize n = 48 * 1024 * 1024;
  GString *s = g_string_sized_new (n + 256);

  g_string_append (s, HEAD "<title>");
  memset (s->str + s->len, 't', n);
  g_string_set_size (s, s->len + n);
  g_string_append (s, "</title></journey>\n");
  return g_string_free_to_bytes (s);
}

static void
check_export (WaymarkJourney      *journey,
              WaymarkExportFormat  format,
              glong                baseline)
{
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkExportOptions options;
  gint64 start = cpu_microseconds ();
  double seconds;

  waymark_export_options_init (&options, format);
  bytes = waymark_export_to_bytes (layout, &options, &error);
  seconds = (cpu_microseconds () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("export %s: %s in %.2f s, peak +%ld KiB", waymark_export_format_to_nick (format),
                  bytes ? "written" : error->message, seconds, peak_kib () - baseline);
  /* Too large an image is an answer too; failing to draw is not. */
  if (bytes == NULL)
    g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE);
  g_assert_cmpfloat (seconds, <, EXPORT_MAX_SECONDS * TIME_FACTOR);
  if (CHECK_MEMORY)
    g_assert_cmpint (peak_kib () - baseline, <, EXPORT_MAX_KIB);
}

static void
run_rule (GBytes *(*make) (void),
          gboolean loads)
{
  glong baseline = peak_kib ();
  g_autoptr(GBytes) bytes = make ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  double mb = length / MIB;
  gint64 start = cpu_microseconds ();
  double ms;

  journey = waymark_reader_read (data, length, "rule.journey", NULL, &error);
  ms = (cpu_microseconds () - start) / 1000.0;
  g_test_message ("%.2f MB %s in %.1f ms (%.1f ms/MB), peak +%ld KiB (rule: %.0f KiB)", mb,
                  journey ? "loaded" : error->message, ms, ms / mb, peak_kib () - baseline,
                  64 * 1024 + 4 * length / 1024.0);
  g_assert_true ((journey != NULL) == loads);
  g_assert_cmpfloat (ms, <, MAX (100 * mb, 10) * TIME_FACTOR);
  if (CHECK_MEMORY)
    g_assert_cmpfloat (peak_kib () - baseline, <, 64 * 1024 + 4 * length / 1024.0);
  if (journey == NULL)
    return;

  for (WaymarkExportFormat f = WAYMARK_EXPORT_PDF; f <= WAYMARK_EXPORT_PNG; f++)
    check_export (journey, f, baseline);
}

static void
test_rule (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      if (strcmp (data, "worst-text") == 0)
        run_rule (make_worst_text, TRUE);
      else if (strcmp (data, "large-map") == 0)
        run_rule (make_large_map, TRUE);
      else
        run_rule (make_huge_title, FALSE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/hostile/rule/worst-text", "worst-text", test_rule);
  g_test_add_data_func ("/hostile/rule/large-map", "large-map", test_rule);
  g_test_add_data_func ("/hostile/rule/huge-title", "huge-title", test_rule);
  return g_test_run ();
}
