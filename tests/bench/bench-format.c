/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/xmlversion.h>

#include "bench-format.h"
#include "bench-generate.h"
#include "waymark-file.h"
#include "waymark-writer.h"

/* How the figures are taken, and why:
 *  - xmllint is timed as a whole process (fork to reaped), so our load is
 *    too (`waymark-bench-child --load-only FILE`): both sides pay process
 *    start-up and exit.  That program links the core library only, as
 *    xmllint links libxml2 only: GTK's start-up is not a cost of reading.  The in-process load time is printed for information; its
 *    CPU time is what the scaling goal uses, since start-up would hide a
 *    load that grows faster than the file.
 *  - whole processes are also measured in CPU time (user + system): on a
 *    shared machine the wall clock swings with other people's work, the
 *    CPU time much less, so its ratios are printed too.
 *  - peak memory is ru_maxrss from wait4 () of a process forked by the small
 *    `--measure` helper, never by this one (see bench_run_measured ()).
 *  - the whole-process runs of one size are interleaved (ours, stream,
 *    DOM, format, ours, …) so that a noisy moment hits every side alike;
 *    each command runs once untimed first, so all read from a warm page
 *    cache.
 *  - save is waymark_file_save () of the loaded journey to a path that does
 *    not exist yet, in process: serialise, write, fsync, rename, fsync the
 *    folder.  xmllint --format -o parses as well but does not fsync; the
 *    serialisation alone is printed too, to tell the two costs apart. */

#define SEED 20240601u

typedef struct {
  guint size;
  guint runs;
  gsize file_bytes;
  double gen_ms;
  BenchProc load_proc;
  double load_ms;
  double load_cpu_ms;
  double save_ms;
  double write_ms;
  BenchProc stream;
  BenchProc noout;
  BenchProc format;
  gboolean identical;
} Figures;

static guint
runs_for (const BenchOptions *options,
          guint               size)
{
  if (options->runs > 0)
    return options->runs;
  return size >= 100000 ? 3 : 5;
}

/* @runs whole-process runs of one command; medians of each figure. */
static gboolean
measure_median (const BenchOptions  *options,
                const char * const  *argv,
                guint                runs,
                BenchProc           *out,
                GError             **error)
{
  g_autofree double *ms = g_new0 (double, runs);
  g_autofree double *mb = g_new0 (double, runs);
  g_autofree double *cpu = g_new0 (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      BenchProc proc;

      if (!bench_run_measured (options, argv, &proc, error))
        return FALSE;
      ms[r] = proc.wall_ms;
      mb[r] = proc.maxrss_mb;
      cpu[r] = proc.cpu_ms;
    }
  out->wall_ms = bench_median (ms, runs);
  out->maxrss_mb = bench_median (mb, runs);
  out->cpu_ms = bench_median (cpu, runs);
  return TRUE;
}

/* Whole-process runs of all commands of one size, interleaved. */
static gboolean
measure_processes (const BenchOptions  *options,
                   const char          *xmllint,
                   const char          *path,
                   Figures             *fig,
                   GError             **error)
{
  g_autofree char *name = g_strdup_printf ("xmllint-format-%u.journey", fig->size);
  g_autofree char *format_out = g_build_filename (options->tmpdir, name, NULL);
  const char *load_argv[] = { options->child, "--load-only", path, NULL };
  const char *stream_argv[] = { xmllint, "--stream", "--noout", path, NULL };
  const char *noout_argv[] = { xmllint, "--noout", path, NULL };
  const char *format_argv[] = { xmllint, "--format", "-o", format_out, path, NULL };
  const char * const *commands[] = { load_argv, stream_argv, noout_argv, format_argv };
  BenchProc *results[] = { &fig->load_proc, &fig->stream, &fig->noout, &fig->format };
  g_autofree double *ms = g_new0 (double, G_N_ELEMENTS (commands) * fig->runs);
  g_autofree double *mb = g_new0 (double, G_N_ELEMENTS (commands) * fig->runs);
  g_autofree double *cpu = g_new0 (double, G_N_ELEMENTS (commands) * fig->runs);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      BenchProc warm;

      if (!bench_run_measured (options, commands[c], &warm, error))
        return FALSE;
    }

  for (guint r = 0; r < fig->runs; r++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        BenchProc proc;

        if (!bench_run_measured (options, commands[c], &proc, error))
          return FALSE;
        ms[c * fig->runs + r] = proc.wall_ms;
        mb[c * fig->runs + r] = proc.maxrss_mb;
        cpu[c * fig->runs + r] = proc.cpu_ms;
      }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      results[c]->wall_ms = bench_median (ms + c * fig->runs, fig->runs);
      results[c]->maxrss_mb = bench_median (mb + c * fig->runs, fig->runs);
      results[c]->cpu_ms = bench_median (cpu + c * fig->runs, fig->runs);
    }
  g_unlink (format_out);
  return TRUE;
}

static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  gsize len_a, len_b;

  if (!g_file_get_contents (a, &data_a, &len_a, NULL) ||
      !g_file_get_contents (b, &data_b, &len_b, NULL))
    return FALSE;
  return len_a == len_b && memcmp (data_a, data_b, len_a) == 0;
}

/* In-process load, save and serialisation. */
static gboolean
measure_in_process (const BenchOptions  *options,
                    const char          *path,
                    Figures             *fig,
                    GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_strdup_printf ("saved-%u.journey", fig->size);
  g_autofree char *saved_path = g_build_filename (options->tmpdir, name, NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autofree double *load = g_new0 (double, fig->runs);
  g_autofree double *load_cpu = g_new0 (double, fig->runs);
  g_autofree double *save = g_new0 (double, fig->runs);
  g_autofree double *write = g_new0 (double, fig->runs);

  for (guint r = 0; r < fig->runs; r++)
    {
      g_autoptr(WaymarkFileStamp) stamp = NULL;
      WaymarkReadInfo info = { 0 };
      gint64 start, cpu_start;

      g_clear_object (&journey);
      cpu_start = bench_cpu_now_ns ();
      start = bench_now_ns ();
      journey = waymark_file_load (file, &info, &stamp, error);
      load[r] = bench_ms_since (start);
      load_cpu[r] = (double) (bench_cpu_now_ns () - cpu_start) / 1e6;
      if (journey == NULL)
        return FALSE;
    }

  for (guint r = 0; r < fig->runs; r++)
    {
      gint64 start;

      g_unlink (saved_path);
      start = bench_now_ns ();
      if (!waymark_file_save (journey, saved, NULL, NULL, error))
        return FALSE;
      save[r] = bench_ms_since (start);
      if (r == 0)
        fig->identical = files_equal (path, saved_path);
    }
  g_unlink (saved_path);

  for (guint r = 0; r < fig->runs; r++)
    {
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = bench_now_ns ();

      bytes = waymark_writer_write (journey);
      write[r] = bench_ms_since (start);
    }

  fig->load_ms = bench_median (load, fig->runs);
  fig->load_cpu_ms = bench_median (load_cpu, fig->runs);
  fig->save_ms = bench_median (save, fig->runs);
  fig->write_ms = bench_median (write, fig->runs);
  return TRUE;
}

static double
ratio (double a,
       double b)
{
  return (a >= 0 && b > 0) ? a / b : -1;
}

/* One row of a table with a column per size. */
static void
print_row (const char *label,
           const Figures *figs,
           guint n,
           double (*get) (const Figures *),
           int precision)
{
  g_print ("  %-42s", label);
  for (guint i = 0; i < n; i++)
    bench_print_cell (get (&figs[i]), 10, precision);
  g_print ("\n");
}

static double get_file_mb (const Figures *f) { return (double) f->file_bytes / (1024.0 * 1024.0); }
static double get_gen_ms (const Figures *f) { return f->gen_ms; }
static double get_load_proc_ms (const Figures *f) { return f->load_proc.wall_ms; }
static double get_load_ms (const Figures *f) { return f->load_ms; }
static double get_load_cpu_ms (const Figures *f) { return f->load_cpu_ms; }
static double get_stream_ms (const Figures *f) { return f->stream.wall_ms; }
static double get_noout_ms (const Figures *f) { return f->noout.wall_ms; }
static double get_save_ms (const Figures *f) { return f->save_ms; }
static double get_write_ms (const Figures *f) { return f->write_ms; }
static double get_format_ms (const Figures *f) { return f->format.wall_ms; }
static double get_load_proc_mb (const Figures *f) { return f->load_proc.maxrss_mb; }
static double get_stream_mb (const Figures *f) { return f->stream.maxrss_mb; }
static double get_noout_mb (const Figures *f) { return f->noout.maxrss_mb; }
static double get_format_mb (const Figures *f) { return f->format.maxrss_mb; }
static double get_runs (const Figures *f) { return f->runs; }
static double get_load_proc_cpu (const Figures *f) { return f->load_proc.cpu_ms; }
static double get_stream_cpu (const Figures *f) { return f->stream.cpu_ms; }
static double get_noout_cpu (const Figures *f) { return f->noout.cpu_ms; }
static double get_format_cpu (const Figures *f) { return f->format.cpu_ms; }

typedef struct {
  guint checked;
  guint passed;
} Tally;

static void
print_goal_row (Tally        *tally,
                const char   *label,
                const double *values,
                guint         n,
                double        goal)
{
  g_print ("  %-42s", label);
  for (guint i = 0; i < n; i++)
    {
      if (values[i] < 0)
        {
          g_print (" %10s     ", "n/a");
          continue;
        }
      g_print (" %10.2f %s", values[i], bench_verdict (values[i], goal));
      tally->checked++;
      tally->passed += values[i] <= goal;
    }
  g_print ("   goal <= %.1f\n", goal);
}

static void
print_report (const BenchOptions *options,
              const Figures      *figs,
              guint               n,
              const BenchProc    *fixed)
{
  Tally tally = { 0, 0 };
  g_autofree double *values = g_new0 (double, n);
  const Figures *largest = &figs[n - 1];

  g_print ("\n  %-42s", "touchpoints");
  for (guint i = 0; i < n; i++)
    g_print (" %10u", figs[i].size);
  g_print ("\n");
  print_row ("file size (MB)", figs, n, get_file_mb, 2);
  print_row ("runs (median of)", figs, n, get_runs, 0);
  print_row ("generate + write (ms, once)", figs, n, get_gen_ms, 1);

  g_print ("\n  Time (ms, median wall clock)\n");
  print_row ("load, whole process", figs, n, get_load_proc_ms, 1);
  print_row ("  load, in-process", figs, n, get_load_ms, 1);
  print_row ("xmllint --stream --noout", figs, n, get_stream_ms, 1);
  print_row ("xmllint --noout", figs, n, get_noout_ms, 1);
  print_row ("save, in-process (incl. fsync)", figs, n, get_save_ms, 1);
  print_row ("  serialise only (writer)", figs, n, get_write_ms, 1);
  print_row ("xmllint --format -o (whole process)", figs, n, get_format_ms, 1);

  g_print ("\n  CPU time (ms, median user + system)\n");
  print_row ("load, whole process", figs, n, get_load_proc_cpu, 1);
  print_row ("  load, in-process", figs, n, get_load_cpu_ms, 1);
  print_row ("xmllint --stream --noout", figs, n, get_stream_cpu, 1);
  print_row ("xmllint --noout", figs, n, get_noout_cpu, 1);
  print_row ("xmllint --format -o", figs, n, get_format_cpu, 1);

  g_print ("\n  Peak RSS (MB, ru_maxrss of the process)\n");
  print_row ("load, whole process", figs, n, get_load_proc_mb, 1);
  print_row ("xmllint --stream --noout", figs, n, get_stream_mb, 1);
  print_row ("xmllint --noout", figs, n, get_noout_mb, 1);
  print_row ("xmllint --format", figs, n, get_format_mb, 1);

  g_print ("\n  Fixed costs (whole process, journey without cards): load %.1f ms %.1f MB,\n"
           "  xmllint --noout %.1f ms %.1f MB; /bin/true %.1f ms %.1f MB\n",
           fixed[1].wall_ms, fixed[1].maxrss_mb, fixed[2].wall_ms, fixed[2].maxrss_mb,
           fixed[0].wall_ms, fixed[0].maxrss_mb);

  g_print ("\n  Ratios\n");
  for (guint i = 0; i < n; i++)
    values[i] = ratio (figs[i].load_proc.wall_ms, figs[i].stream.wall_ms);
  print_goal_row (&tally, "load / xmllint --stream --noout", values, n, 3.0);
  for (guint i = 0; i < n; i++)
    values[i] = ratio (figs[i].load_proc.wall_ms, figs[i].noout.wall_ms);
  print_goal_row (&tally, "load / xmllint --noout", values, n, 0.4);
  for (guint i = 0; i < n; i++)
    values[i] = ratio (figs[i].save_ms, figs[i].format.wall_ms);
  print_goal_row (&tally, "save / xmllint --format", values, n, 0.5);

  /* Scaling: each size against the one before; linear would be the ratio
   * of the sizes, the goal allows 10 % more.  Judged on the in-process CPU
   * time: start-up would hide a load that grows faster than the file, and
   * on a busy machine the wall clock of one process swings too much. */
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("load(%u) / load(%u), in-process CPU", figs[i].size, figs[i - 1].size);
      double growth = (double) figs[i].size / figs[i - 1].size;
      double value = ratio (figs[i].load_cpu_ms, figs[i - 1].load_cpu_ms);

      g_print ("  %-42s %10.2f %s   goal <= %.1f   (wall: in-process %.2f, whole process %.2f)\n",
               label, value, bench_verdict (value, growth * 1.1), growth * 1.1,
               ratio (figs[i].load_ms, figs[i - 1].load_ms),
               ratio (figs[i].load_proc.wall_ms, figs[i - 1].load_proc.wall_ms));
      tally.checked++;
      tally.passed += value <= growth * 1.1;
    }

  {
    g_autofree char *label = g_strdup_printf ("peak RSS load(%u) / xmllint --noout", largest->size);
    double value = ratio (largest->load_proc.maxrss_mb, largest->noout.maxrss_mb);

    g_print ("  %-42s %10.2f %s   goal <= 0.4\n", label, value, bench_verdict (value, 0.4));
    tally.checked++;
    tally.passed += value <= 0.4;
  }

  /* The same ratios in CPU time, for information: on a busy machine
   * they move less than the wall clock. */
  g_print ("\n  For information, in CPU time:\n  %-42s", "load / xmllint --stream --noout");
  for (guint i = 0; i < n; i++)
    bench_print_cell (ratio (figs[i].load_proc.cpu_ms, figs[i].stream.cpu_ms), 10, 2);
  g_print ("\n  %-42s", "load / xmllint --noout");
  for (guint i = 0; i < n; i++)
    bench_print_cell (ratio (figs[i].load_proc.cpu_ms, figs[i].noout.cpu_ms), 10, 2);
  g_print ("\n");

  g_print ("\n  load -> save gives the same bytes:");
  for (guint i = 0; i < n; i++)
    g_print (" %u %s", figs[i].size, figs[i].identical ? "yes" : "NO");
  g_print ("\n  goals met: %u of %u\n", tally.passed, tally.checked);
  if (options->runs == 0 && largest->size >= 100000 && n > 1)
    g_print ("  (times of 100,000 touchpoints are medians of 3 runs, smaller sizes of 5)\n");
}

gboolean
bench_format_run (const BenchOptions  *options,
                  GError             **error)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree Figures *figs = g_new0 (Figures, options->sizes->len);
  const char *true_argv[] = { "/bin/true", NULL };
  BenchProc fixed[3];

  if (xmllint == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           "xmllint not found in PATH (Debian: apt install libxml2-utils)");
      return FALSE;
    }

  g_print ("== format: load and save against xmllint (libxml2 %s, %s) ==\n",
           LIBXML_DOTTED_VERSION, xmllint);

  for (guint i = 0; i < options->sizes->len; i++)
    {
      Figures *fig = &figs[i];
      g_autofree char *path = NULL;
      gint64 start;

      fig->size = g_array_index (options->sizes, guint, i);
      fig->runs = runs_for (options, fig->size);
      g_print ("  %u touchpoints: generating...", fig->size);

      start = bench_now_ns ();
      path = bench_generate_file (options->tmpdir, fig->size, SEED + fig->size, &fig->file_bytes, error);
      if (path == NULL)
        return FALSE;
      fig->gen_ms = bench_ms_since (start);

      g_print (" processes...");
      if (!measure_processes (options, xmllint, path, fig, error))
        return FALSE;
      g_print (" in-process...");
      if (!measure_in_process (options, path, fig, error))
        return FALSE;
      g_print (" done\n");
    }

  /* Fixed costs, to read the small sizes by: process start-up and exit
   * around a journey with no cards. */
  {
    g_autofree char *empty = bench_generate_file (options->tmpdir, 0, SEED, NULL, error);
    const char *load_argv[] = { options->child, "--load-only", empty, NULL };
    const char *noout_argv[] = { xmllint, "--noout", empty, NULL };

    if (empty == NULL ||
        !measure_median (options, true_argv, 5, &fixed[0], error) ||
        !measure_median (options, load_argv, 5, &fixed[1], error) ||
        !measure_median (options, noout_argv, 5, &fixed[2], error))
      return FALSE;
  }

  print_report (options, figs, options->sizes->len, fixed);
  return TRUE;
}
