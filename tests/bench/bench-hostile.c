/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bench-generate.h"
#include "bench-hostile.h"

/* Each hostile file is loaded (or refused) by `waymark-bench-child
 * --load-or-refuse` as a whole process, like the format section's load,
 * and compared with the load of a generated journey of about the same
 * size: the ratios say what a hostile file costs over a normal one, per
 * MB.  The goal is the hostile suite's rule: within 100 ms per MB and
 * 64 MB + 4x the file's size. */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" xmlns:x=\"urn:example:x\" format=\"1\" id=\"j-1\">\n"
#define RUNS 3

typedef struct {
  const char *name;
  void (*fill) (GString *s);
} Family;

static void
fill_repeated (GString    *s,
               const char *before,
               char        c,
               gsize       n,
               const char *after)
{
  g_string_append (s, before);
  for (gsize i = 0; i < n; i++)
    g_string_append_c (s, c);
  g_string_append (s, after);
}

static void
fill_attributes (GString *s)
{
  g_string_append (s, "  <x:e");
  for (guint i = 0; i < 480000; i++)
    g_string_append_printf (s, " x:a%u=\"1\"", i);
  g_string_append (s, "/>\n");
}

static void
fill_namespaces (GString *s)
{
  g_string_append (s, "  <x:e");
  for (guint i = 0; i < 480000; i++)
    g_string_append_printf (s, " xmlns:n%u=\"u\"", i);
  g_string_append (s, "/>\n");
}

static void
fill_attribute_value (GString *s)
{
  fill_repeated (s, "  <title x:a=\"", 'a', 8 << 20, "\">T</title>\n");
}

static void
fill_reference (GString *s)
{
  fill_repeated (s, "  <title>&#", '0', 8 << 20, "65;</title>\n");
}

static void
fill_comment (GString *s)
{
  fill_repeated (s, "  <!--", 'c', 8 << 20, "-->\n");
}

static void
fill_title (GString *s)
{
  fill_repeated (s, "  <title>", 't', 8 << 20, "</title>\n");
}

static void
fill_foreign_text (GString *s)
{
  fill_repeated (s, "  <x:e>", 't', 8 << 20, "</x:e>\n");
}

static const Family families[] = {
  { "480,000 attributes", fill_attributes },
  { "480,000 namespace declarations", fill_namespaces },
  { "8 MiB attribute value", fill_attribute_value },
  { "8 MiB character reference", fill_reference },
  { "8 MiB comment", fill_comment },
  { "8 MiB journey title", fill_title },
  { "8 MiB foreign text", fill_foreign_text },
};

static char *
write_family (const BenchOptions  *options,
              const Family        *family,
              guint                index,
              gsize               *size,
              GError             **error)
{
  g_autofree char *name = g_strdup_printf ("hostile-%u.journey", index);
  char *path = g_build_filename (options->tmpdir, name, NULL);
  GString *s = g_string_new (HEAD);

  family->fill (s);
  g_string_append (s, "</journey>\n");
  *size = s->len;
  if (!g_file_set_contents (path, s->str, s->len, error))
    g_clear_pointer (&path, g_free);
  g_string_free (s, TRUE);
  return path;
}

static gboolean
measure_load (const BenchOptions  *options,
              const char          *path,
              BenchProc           *out,
              GError             **error)
{
  const char *argv[] = { options->child, "--load-or-refuse", path, NULL };
  double ms[RUNS], mb[RUNS], cpu[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      BenchProc proc;

      if (!bench_run_measured (options, argv, &proc, error))
        return FALSE;
      ms[r] = proc.wall_ms;
      mb[r] = proc.maxrss_mb;
      cpu[r] = proc.cpu_ms;
    }
  out->wall_ms = bench_median (ms, RUNS);
  out->maxrss_mb = bench_median (mb, RUNS);
  out->cpu_ms = bench_median (cpu, RUNS);
  return TRUE;
}

gboolean
bench_hostile_run (const BenchOptions  *options,
                   GError             **error)
{
  g_autofree char *normal = NULL;
  BenchProc base;
  gsize base_size;
  double base_mb;

  g_print ("== hostile: the worst file of each family, whole load process (median of %d) ==\n", RUNS);
  /* About 8 MB of ordinary journey. */
  normal = bench_generate_file (options->tmpdir, 10000, 20240601u, &base_size, error);
  if (normal == NULL || !measure_load (options, normal, &base, error))
    return FALSE;
  base_mb = base_size / (1024.0 * 1024.0);
  g_print ("%-34s %8s %10s %10s %12s %12s %10s\n", "file", "MB", "wall ms", "peak MB",
           "ms/MB ratio", "CPU ratio", "rule");
  g_print ("%-34s %8.2f %10.1f %10.1f %12s %12s %10s\n", "generated journey (10,000 cards)",
           base_mb, base.wall_ms, base.maxrss_mb, "1.00", "1.00",
           base.wall_ms <= 100 * base_mb && base.maxrss_mb <= 64 + 4 * base_mb ? "met" : "MISSED");
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      g_autofree char *path = NULL;
      BenchProc proc;
      gsize size;
      double mb;

      path = write_family (options, &families[i], i, &size, error);
      if (path == NULL || !measure_load (options, path, &proc, error))
        return FALSE;
      g_unlink (path);
      mb = size / (1024.0 * 1024.0);
      g_print ("%-34s %8.2f %10.1f %10.1f %12.2f %12.2f %10s\n", families[i].name, mb,
               proc.wall_ms, proc.maxrss_mb,
               (proc.wall_ms / mb) / (base.wall_ms / base_mb),
               (proc.cpu_ms / mb) / (base.cpu_ms / base_mb),
               proc.wall_ms <= 100 * mb && proc.maxrss_mb <= 64 + 4 * mb ? "met" : "MISSED");
    }
  g_print ("\n");
  return TRUE;
}
