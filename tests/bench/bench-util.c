/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c_std=c11 hides POSIX: clock_gettime. */
#define _GNU_SOURCE

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"

gint64
bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

gint64
bench_cpu_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

gint64
bench_thread_cpu_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

gint64
bench_thread_wait_ns (void)
{
  g_autofree char *text = NULL;
  guint64 run, wait;

  /* "time on a core, time waiting for one, time slices" in ns (Linux with
   * scheduler statistics); 0 when unknown. */
  if (!g_file_get_contents ("/proc/thread-self/schedstat", &text, NULL, NULL) ||
      sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &run, &wait) != 2)
    return 0;
  return (gint64) wait;
}

double
bench_ms_since (gint64 start_ns)
{
  return (double) (bench_now_ns () - start_ns) / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof *values, compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

char *
bench_self_path (const char *argv0)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  if (path != NULL)
    return path;
  if (g_path_is_absolute (argv0))
    return g_strdup (argv0);
  if (strchr (argv0, '/') != NULL)
    {
      g_autofree char *cwd = g_get_current_dir ();
      return g_build_filename (cwd, argv0, NULL);
    }
  return g_find_program_in_path (argv0);
}

gboolean
bench_run_measured (const BenchOptions  *options,
                    const char * const  *argv,
                    BenchProc           *out,
                    GError             **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *output = NULL;
  g_autofree char *command = NULL;
  long long wall_ns, cpu_ns;
  long maxrss_kb;
  int helper_status, status;

  g_ptr_array_add (args, (gpointer) options->child);
  g_ptr_array_add (args, (gpointer) "--measure");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT,
                     NULL, NULL, &output, NULL, &helper_status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (helper_status, error))
    return FALSE;
  if (output == NULL || sscanf (output, "%lld %ld %d %lld", &wall_ns, &maxrss_kb, &status, &cpu_ns) != 4)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "unexpected output from --measure: %s", output ? output : "");
      return FALSE;
    }

  command = g_strjoinv (" ", (char **) argv);
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: ", command);
      return FALSE;
    }

  out->wall_ms = (double) wall_ns / 1e6;
  out->maxrss_mb = (double) maxrss_kb / 1024.0;
  out->cpu_ms = (double) cpu_ns / 1e6;
  return TRUE;
}

void
bench_print_cell (double value,
                  int    width,
                  int    precision)
{
  if (value < 0)
    g_print (" %*s", width, "n/a");
  else
    g_print (" %*.*f", width, precision, value);
}

const char *
bench_verdict (double ratio,
               double goal)
{
  if (ratio < 0)
    return "n/a";
  return ratio <= goal ? "PASS" : "MISS";
}
