/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c_std=c11 hides POSIX and BSD: fork, wait4, clock_gettime. */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "waymark-diff.h"
#include "waymark-file.h"
#include "waymark-merge.h"
#include "waymark-writer.h"

/* waymark-bench-child: the processes waymark-bench times from outside.
 * It links the core library only (GLib, libxml2), never GTK, libadwaita,
 * cairo or pango: a whole-process load is compared with xmllint, which
 * pays for libxml2 alone, so GTK's start-up (loading and relocating some
 * hundred libraries) must not be in our figure; it is the cost of opening
 * the app, not of reading a file.  The `--measure` helper lives here for
 * the same reason: see measure (). */

/* `--measure CMD ARGS…`: forks and execs CMD with stdout on /dev/null and
 * prints "WALL_NS MAXRSS_KB STATUS CPU_NS".  The child's ru_maxrss starts
 * from what it inherited at fork (Linux keeps the larger of the pre-exec
 * and post-exec peaks), and fork () itself takes longer in a process with
 * more mappings, so the forking process must be small: this one, not the
 * benchmark with its heap and GTK's libraries. */
static int
measure (int    argc,
         char **argv)
{
  struct rusage usage;
  struct timespec t0, t1;
  int status;
  pid_t pid;

  if (argc < 1)
    {
      fprintf (stderr, "--measure needs a command\n");
      return 2;
    }

  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 2;
    }
  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);

      if (null_fd >= 0)
        dup2 (null_fd, STDOUT_FILENO);
      execv (argv[0], argv);
      fprintf (stderr, "%s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          perror ("wait4");
          return 2;
        }
    }
  clock_gettime (CLOCK_MONOTONIC, &t1);

  printf ("%lld %ld %d %lld\n",
          (long long) (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec),
          usage.ru_maxrss, status,
          (long long) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000000LL +
          (long long) (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1000LL);
  return 0;
}

/* `--load-only FILE`: what the app does to open FILE.  With @refusal_ok
 * (`--load-or-refuse FILE`, for hostile files), a refusal is an answer
 * too: only a crash fails. */
static int
load_only (const char *path,
           gboolean    refusal_ok)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  WaymarkReadInfo info = { 0 };

  xmlInitParser ();
  /* As the app opens a document: with the stamp that a later save checks. */
  journey = waymark_file_load (file, &info, &stamp, &error);
  if (journey == NULL)
    {
      g_printerr ("%s\n", error->message);
      return refusal_ok ? 0 : 1;
    }
  return 0;
}

static WaymarkJourney *
load_sharing (const char     *path,
              WaymarkJourney *share_with)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { .share_with = share_with };
  WaymarkJourney *journey = waymark_file_load (file, &info, NULL, &error);

  if (journey == NULL)
    g_printerr ("%s\n", error->message);
  return journey;
}

static WaymarkJourney *
load_path (const char *path)
{
  return load_sharing (path, NULL);
}

/* `--diff A B`: what `waymark diff` does, short of printing. */
static int
diff_only (const char *a_path,
           const char *b_path)
{
  g_autoptr(WaymarkJourney) a = NULL;
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(WaymarkDiff) diff = NULL;

  xmlInitParser ();
  a = load_path (a_path);
  b = a ? load_path (b_path) : NULL;
  if (b == NULL)
    return 1;
  diff = waymark_diff_new (a, b, WAYMARK_DIFF_BY_ID_ONLY);
  for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
    g_free (waymark_diff_record_describe (diff, waymark_diff_get_record (diff, i)));
  return 0;
}

/* `--merge BASE OURS THEIRS OUT`: what `waymark merge` does. */
static int
merge_only (char **paths)
{
  g_autoptr(WaymarkJourney) base = NULL;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  xmlInitParser ();
  /* Ours first, then the others sharing its unchanged items. */
  ours = load_path (paths[1]);
  base = ours ? load_sharing (paths[0], ours) : NULL;
  theirs = base ? load_sharing (paths[2], ours) : NULL;
  if (theirs == NULL)
    return 1;
  merged = waymark_merge (base, ours, theirs, NULL, &error);
  if (merged == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&base);
  g_clear_object (&ours);
  g_clear_object (&theirs);
  bytes = waymark_writer_write (merged);
  if (!g_file_set_contents (paths[3], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "--measure") == 0)
    return measure (argc - 2, argv + 2);
  if (argc == 3 && strcmp (argv[1], "--load-only") == 0)
    return load_only (argv[2], FALSE);
  if (argc == 3 && strcmp (argv[1], "--load-or-refuse") == 0)
    return load_only (argv[2], TRUE);
  if (argc == 4 && strcmp (argv[1], "--diff") == 0)
    return diff_only (argv[2], argv[3]);
  if (argc == 6 && strcmp (argv[1], "--merge") == 0)
    return merge_only (argv + 2);
  fprintf (stderr, "usage: %s --measure CMD [ARGS…] | --load-only FILE | --load-or-refuse FILE | --diff A B |\n"
           "       --merge BASE OURS THEIRS OUT\n"
           "(run by waymark-bench, not by hand)\n", argv[0]);
  return 2;
}
