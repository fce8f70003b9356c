/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What every section of the benchmark gets from the driver. */
typedef struct {
  GArray *sizes;        /* guint: touchpoints per generated journey, ascending */
  guint runs;           /* 0: the section's default per size */
  const char *child;    /* absolute path of waymark-bench-child (bench-child.c), which
                         * forks what is measured and is the load process */
  const char *tmpdir;   /* scratch folder, removed at exit unless --keep */
} BenchOptions;

/* One child process, timed and measured from the outside. */
typedef struct {
  double wall_ms;       /* fork to reaped, so start-up and exit are included */
  double maxrss_mb;     /* the child's peak resident set (ru_maxrss) */
  double cpu_ms;        /* user + system time: less sensitive to a busy machine */
} BenchProc;

gint64   bench_now_ns        (void);
/* CPU time of this process (all threads, user + system). */
gint64   bench_cpu_now_ns    (void);
/* CPU time of the calling thread only. */
gint64   bench_thread_cpu_now_ns (void);
/* How long the calling thread has waited for a free core, in all (0 when
 * the kernel does not say): a step's wall clock minus this is what the
 * step itself took, working or blocked, however busy the machine. */
gint64   bench_thread_wait_ns (void);
double   bench_ms_since      (gint64 start_ns);
/* Sorts @values in place and returns their median (0 when @n is 0). */
double   bench_median        (double *values, guint n);
/* The absolute path of the running executable. */
char    *bench_self_path     (const char *argv0);
/* Runs @argv (argv[0] an absolute path) with stdout on /dev/null through
 * `waymark-bench-child --measure`, which forks it from a small process:
 * ru_maxrss of a child counts the memory of the process that forked it,
 * so measuring straight from this (large) process would report our own
 * heap and libraries. */
gboolean bench_run_measured  (const BenchOptions  *options,
                              const char * const  *argv,
                              BenchProc           *out,
                              GError             **error);

/* Table output: a fixed-width cell, "n/a" for negative values. */
void     bench_print_cell    (double value, int width, int precision);
const char *bench_verdict    (double ratio, double goal);

G_END_DECLS
