/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"
/* c_std=c11 hides POSIX: kill, waitpid, read. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "savekill-docs.h"
#include "waymark-file.h"
#include "waymark-writer.h"

/* Kills a process that saves in a loop, 200 times at random moments, and
 * checks after each kill that the file holds one whole version (the initial
 * one, A or B, never a torn or empty file) and that sweeping leaves no
 * temporary file behind.  The random delay (0–30 ms, a few saves' worth,
 * or three saves' worth where a save takes longer: under sanitizers on a
 * busy machine) starts when the writer reports that it begins saving.  Run
 * with --seed to replay a failure. */

#define RUNS 200
#define MAX_DELAY_MS 30

static const char *writer_path;

static GBytes *
document (char which)
{
  g_autoptr(WaymarkJourney) journey = savekill_journey (which);

  return waymark_writer_write (journey);
}

static gboolean
bytes_equal (GBytes     *expected,
             const char *data,
             gsize       length)
{
  return g_bytes_get_size (expected) == length &&
         memcmp (g_bytes_get_data (expected, NULL), data, length) == 0;
}

static guint
count_temporaries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, ".waymark-save-") != NULL)
        n++;
    }
  return n;
}

static void
test_savekill (void)
{
  g_autoptr(GBytes) initial = document ('I');
  g_autoptr(GBytes) a = document ('A');
  g_autoptr(GBytes) b = document ('B');
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint n_initial = 0, n_a = 0, n_b = 0, n_swept = 0;
  gint64 start = g_get_monotonic_time ();
  gint64 save_start;
  int max_delay_ms;

  dir = g_dir_make_tmp ("waymark-savekill-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "map.journey", NULL);
  file = g_file_new_for_path (path);
  save_start = g_get_monotonic_time ();
  g_assert_true (waymark_file_replace_contents (file, initial, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A save like the writer's, timed: the kills must land between saves too. */
  max_delay_ms = MAX (MAX_DELAY_MS, 3 * (int) ((g_get_monotonic_time () - save_start) / 1000));

  for (guint run = 0; run < RUNS; run++)
    {
      const char *argv[] = { writer_path, path, NULL };
      g_autofree char *contents = NULL;
      gsize length;
      GPid pid;
      int ready_fd;
      int status;
      guint swept;
      char ready;
      gssize n;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &ready_fd, NULL, &error));
      g_assert_no_error (error);
      /* The writer says when its documents are built and saving starts. */
      do
        n = read (ready_fd, &ready, 1);
      while (n < 0 && errno == EINTR);
      g_assert_cmpint (n, ==, 1);
      g_usleep ((gulong) g_test_rand_int_range (0, max_delay_ms + 1) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      /* Reap it before sweeping: a zombie's pid still looks alive. */
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      close (ready_fd);
      /* Anything else means the writer failed to save on its own. */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      if (bytes_equal (a, contents, length))
        n_a++;
      else if (bytes_equal (b, contents, length))
        n_b++;
      else if (bytes_equal (initial, contents, length))
        {
          /* Once A or B was in place the initial version cannot return. */
          g_assert_cmpuint (n_a + n_b, ==, 0);
          n_initial++;
        }
      else
        g_error ("Run %u: %s holds %" G_GSIZE_FORMAT " bytes that are neither "
                 "the initial version, A nor B", run, path, length);

      /* A slow machine (a sanitizer build, a loaded CI host) may need
       * longer than the first save showed before a save completes: widen
       * the window until one does, so that both outcomes get tested. */
      if (n_a + n_b == 0 && run % 20 == 19)
        max_delay_ms *= 2;

      swept = waymark_file_sweep_temporaries (file);
      g_assert_cmpuint (swept, <=, 1);
      n_swept += swept;
      g_assert_cmpuint (count_temporaries (dir), ==, 0);
    }

  g_test_message ("%u kills in %.1f s: file held the initial version %u times, "
                  "A %u times, B %u times; %u kills landed mid-save "
                  "(a temporary file was swept)",
                  RUNS, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC,
                  n_initial, n_a, n_b, n_swept);
  /* The test is only worth something if kills hit saves in progress and
   * saves completed in between. */
  g_assert_cmpuint (n_swept, >, 0);
  g_assert_cmpuint (n_a + n_b, >, 0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("Usage: %s [GTest options] PATH-TO-SAVEKILL-WRITER\n", argv[0]);
      return 2;
    }
  writer_path = argv[1];

  g_test_add_func ("/file/savekill", test_savekill);
  return g_test_run ();
}
