/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"
/* c_std=c11 hides POSIX (mkfifo, setrlimit, st_ino) and Linux (unshare). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "waymark-error.h"
#include "waymark-file.h"
#include "waymark-writer.h"

/* A journey with @n touchpoints; @title tells two versions apart. */
static WaymarkJourney *
make_journey (const char *title,
              guint       n)
{
  WaymarkJourney *journey = waymark_journey_new ();
  WaymarkPhase *phase = waymark_phase_new ("phase-000000000001", "Awareness");
  WaymarkLane *lane = waymark_lane_new ("lane-000000000001", WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");

  waymark_journey_set_id (journey, "j-000000000001");
  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, title);
  waymark_journey_insert_item (journey, phase, -1);
  waymark_journey_insert_item (journey, lane, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("tp-%012x", i);
      g_autofree char *tp_title = g_strdup_printf ("Touchpoint %u of %s", i, title);
      WaymarkTouchpoint *tp = waymark_touchpoint_new (id, phase, lane, tp_title);

      waymark_journey_insert_item (journey, tp, -1);
      waymark_item_unref (tp);
    }
  waymark_item_unref (phase);
  waymark_item_unref (lane);
  return journey;
}

static GBytes *
journey_bytes (const char *title,
               guint       n)
{
  g_autoptr(WaymarkJourney) journey = make_journey (title, n);

  return waymark_writer_write (journey);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
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

typedef struct {
  char *dir;
  char *path;      /* dir/map.journey, not created */
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("waymark-test-file-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "map.journey", NULL);
  fx->file = g_file_new_for_path (fx->path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          struct stat st;

          if (g_lstat (child, &st) == 0 && S_ISDIR (st.st_mode))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_tree (fx->dir);
  g_clear_object (&fx->file);
  g_free (fx->path);
  g_free (fx->dir);
}

static mode_t
current_umask (void)
{
  mode_t mask = umask (022);

  umask (mask);
  return mask;
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(WaymarkJourney) journey = make_journey ("Round trip", 50);
  g_autoptr(WaymarkJourney) loaded = NULL;
  g_autoptr(GBytes) expected = waymark_writer_write (journey);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkFileStamp) save_stamp = NULL;
  g_autoptr(WaymarkFileStamp) load_stamp = NULL;
  g_autofree char *checksum = NULL;
  WaymarkReadInfo info = { 0 };
  struct stat st;

  g_assert_true (waymark_file_save (journey, fx->file, NULL, &save_stamp, &error));
  g_assert_no_error (error);
  g_assert_nonnull (save_stamp);
  assert_file_is (fx->path, expected);

  /* A new file gets the usual mode, not mkstemp's 0600. */
  g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~current_umask ());

  loaded = waymark_file_load (fx->file, &info, &load_stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (info.format, ==, waymark_writer_get_format (journey));
  g_assert_false (info.newer);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, expected);
  g_assert_cmpstr (info.checksum, ==, checksum);
  /* The stamp from save is the one a later load sees: nothing changed,
   * down to the metadata (so looking again costs no read). */
  g_assert_cmpstr (waymark_file_stamp_get_checksum (load_stamp), ==, checksum);
  g_assert_cmpstr (waymark_file_stamp_get_checksum (save_stamp), ==, checksum);
  g_assert_cmpint (waymark_file_stamp_compare (save_stamp, fx->file, TRUE, NULL), ==, WAYMARK_FILE_STAMP_SAME);
  g_assert_cmpint (waymark_file_stamp_compare (load_stamp, fx->file, TRUE, NULL), ==, WAYMARK_FILE_STAMP_SAME);

  again = waymark_writer_write (loaded);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
}

static void
test_keeps_permissions (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) first = journey_bytes ("First", 3);
  g_autoptr(GBytes) second = journey_bytes ("Second", 3);
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  g_assert_true (waymark_file_replace_contents (fx->file, first, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fx->path, 0640), ==, 0);
  g_assert_cmpint (g_stat (fx->path, &before), ==, 0);

  g_assert_true (waymark_file_replace_contents (fx->file, second, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (fx->path, second);
  g_assert_cmpint (g_stat (fx->path, &after), ==, 0);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
  g_assert_cmpint (after.st_uid, ==, before.st_uid);
  g_assert_cmpint (after.st_gid, ==, before.st_gid);
  /* A new inode: the save renamed a complete file into place rather than
   * rewriting the old one, which a crash could have left half-written. */
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
}

static void
test_wrong_etag (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GBytes) ours = journey_bytes ("Ours", 3);
  g_autoptr(GBytes) theirs = journey_bytes ("Teammate's", 3);
  g_autoptr(GBytes) ours_again = journey_bytes ("Ours, edited", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  g_autoptr(WaymarkFileStamp) new_stamp = NULL;

  g_assert_true (waymark_file_replace_contents (fx->file, ours, NULL, &stamp, &error));
  g_assert_no_error (error);

  /* A teammate's `git pull` comes later than the kernel's coarse clock
   * tick (4 ms here) that file times go by. */
  g_usleep (50 * 1000);
  g_assert_true (g_file_set_contents (fx->path, g_bytes_get_data (theirs, NULL),
                                      (gssize) g_bytes_get_size (theirs), NULL));

  g_assert_false (waymark_file_replace_contents (fx->file, ours_again, stamp, &new_stamp, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_null (new_stamp);
  assert_file_is (fx->path, theirs);
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
  g_clear_error (&error);

  /* "Overwrite anyway" saves without a stamp. */
  g_assert_true (waymark_file_replace_contents (fx->file, ours_again, NULL, &new_stamp, &error));
  g_assert_no_error (error);
  assert_file_is (fx->path, ours_again);
  g_assert_false (waymark_file_stamp_same_version (new_stamp, stamp));
}

/* Puts @path's modification time back to @st's, as `cp -p`, `rsync -t`,
 * `touch -r` and sync tools do. */
static void
restore_mtime (const char        *path,
               const struct stat *st)
{
  struct timespec times[2] = { st->st_atim, st->st_mtim };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

/* Another program replaces the bytes and keeps the modification time, so
 * GIO's etag is what it was: in place (`cp -p`, same inode) and by
 * rename (`rsync -t`, a new inode).  Same size too, the hardest case. */
static void
test_changed_keeping_mtime (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GBytes) ours = journey_bytes ("Ours", 3);
  g_autoptr(GBytes) theirs = journey_bytes ("Them", 3);
  g_autoptr(GBytes) ours_again = journey_bytes ("Ours, edited", 3);
  g_autofree char *staged = g_build_filename (fx->dir, "incoming.tmp", NULL);
  g_autoptr(GFileInfo) before_info = NULL;
  g_autoptr(GFileInfo) after_info = NULL;

  g_assert_cmpuint (g_bytes_get_size (ours), ==, g_bytes_get_size (theirs));
  for (guint by_rename = 0; by_rename < 2; by_rename++)
    {
      g_autoptr(WaymarkFileStamp) stamp = NULL;
      g_autoptr(WaymarkFileStamp) current = NULL;
      g_autoptr(GError) error = NULL;
      struct stat st;

      g_assert_true (waymark_file_replace_contents (fx->file, ours, NULL, &stamp, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (fx->path, &st), ==, 0);
      g_clear_object (&before_info);
      before_info = g_file_query_info (fx->file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
      g_usleep (50 * 1000);

      if (by_rename)
        {
          g_assert_true (g_file_set_contents (staged, g_bytes_get_data (theirs, NULL),
                                              (gssize) g_bytes_get_size (theirs), NULL));
          restore_mtime (staged, &st);
          g_assert_cmpint (g_rename (staged, fx->path), ==, 0);
        }
      else
        {
          int fd = g_open (fx->path, O_WRONLY | O_TRUNC, 0);

          g_assert_cmpint (fd, >=, 0);
          g_assert_cmpint (write (fd, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs)), ==,
                           (gssize) g_bytes_get_size (theirs));
          g_assert_cmpint (close (fd), ==, 0);
          restore_mtime (fx->path, &st);
        }
      /* The premise: GIO cannot tell. */
      g_clear_object (&after_info);
      after_info = g_file_query_info (fx->file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
      g_assert_cmpstr (g_file_info_get_etag (after_info), ==, g_file_info_get_etag (before_info));

      g_assert_cmpint (waymark_file_stamp_compare (stamp, fx->file, FALSE, &current), ==,
                       WAYMARK_FILE_STAMP_CHANGED);
      g_assert_nonnull (current);
      g_assert_false (waymark_file_stamp_same_version (current, stamp));

      g_assert_false (waymark_file_replace_contents (fx->file, ours_again, stamp, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
      assert_file_is (fx->path, theirs);
      g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
    }
}

/* A touch, or a sync tool that rewrites the same bytes, is no change: the
 * save goes ahead and the stamp learns the new metadata. */
static void
test_touched_is_no_change (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GBytes) ours = journey_bytes ("Ours", 3);
  g_autoptr(GBytes) ours_again = journey_bytes ("Ours, edited", 3);
  g_autofree char *staged = g_build_filename (fx->dir, "incoming.tmp", NULL);
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  g_autoptr(WaymarkFileStamp) current = NULL;
  g_autoptr(WaymarkFileStamp) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (waymark_file_replace_contents (fx->file, ours, NULL, &stamp, &error));
  g_assert_no_error (error);
  g_usleep (50 * 1000);
  g_assert_true (g_file_set_contents (staged, g_bytes_get_data (ours, NULL),
                                      (gssize) g_bytes_get_size (ours), NULL));
  g_assert_cmpint (g_rename (staged, fx->path), ==, 0);

  g_assert_cmpint (waymark_file_stamp_compare (stamp, fx->file, FALSE, &current), ==,
                   WAYMARK_FILE_STAMP_SAME_BYTES);
  g_assert_true (waymark_file_stamp_same_version (current, stamp));
  g_assert_cmpint (waymark_file_stamp_compare (current, fx->file, FALSE, NULL), ==,
                   WAYMARK_FILE_STAMP_SAME);

  g_assert_true (waymark_file_replace_contents (fx->file, ours_again, stamp, &again, &error));
  g_assert_no_error (error);
  assert_file_is (fx->path, ours_again);
}

static void
test_symlink (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GBytes) first = journey_bytes ("First", 3);
  g_autoptr(GBytes) second = journey_bytes ("Second", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = g_build_filename (fx->dir, "shared", NULL);
  g_autofree char *target = g_build_filename (sub, "real.journey", NULL);
  g_autofree char *middle = g_build_filename (fx->dir, "middle.journey", NULL);
  g_autofree char *link_text = NULL;
  g_autofree char *middle_text = NULL;
  struct stat st;

  /* map.journey -> middle.journey -> shared/real.journey, both relative. */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, g_bytes_get_data (first, NULL),
                                      (gssize) g_bytes_get_size (first), NULL));
  g_assert_cmpint (symlink ("shared/real.journey", middle), ==, 0);
  g_assert_cmpint (symlink ("middle.journey", fx->path), ==, 0);

  g_assert_true (waymark_file_replace_contents (fx->file, second, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (fx->path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (middle, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_text = g_file_read_link (fx->path, NULL);
  middle_text = g_file_read_link (middle, NULL);
  g_assert_cmpstr (link_text, ==, "middle.journey");
  g_assert_cmpstr (middle_text, ==, "shared/real.journey");
  assert_file_is (target, second);
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
  g_assert_cmpuint (count_temporaries (sub), ==, 0);
}

static void
test_dangling_symlink (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GBytes) bytes = journey_bytes ("New", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fx->dir, "elsewhere.journey", NULL);
  struct stat st;

  g_assert_cmpint (symlink ("elsewhere.journey", fx->path), ==, 0);
  g_assert_true (waymark_file_replace_contents (fx->file, bytes, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (fx->path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_file_is (target, bytes);
}

static void
test_failed_write (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) old = journey_bytes ("Old", 3);
  g_autoptr(WaymarkJourney) big = make_journey ("Big", 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  g_autofree char *expected = NULL;
  struct rlimit saved, small;
  void (*saved_handler) (int);
  gboolean ok;

  g_assert_true (waymark_file_replace_contents (fx->file, old, NULL, &stamp, &error));
  g_assert_no_error (error);

  /* A stand-in for a full disk that needs no root and no mount: past
   * RLIMIT_FSIZE write () fails with EFBIG (once SIGXFSZ is ignored), on
   * the same code path ENOSPC takes. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = waymark_file_save (big, fx->file, stamp, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  expected = g_strdup_printf ("Could not save “%s”: %s", fx->path, g_strerror (EFBIG));
  g_assert_cmpstr (error->message, ==, expected);
  assert_file_is (fx->path, old);
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
}

/* A real full disk: a 64 KB tmpfs mounted in a child's own mount namespace,
 * so that it vanishes with the child whatever happens.  Needs CAP_SYS_ADMIN
 * (CI runs as root); returns 77 where it cannot mount.  Failed assertions
 * abort the child. */
static int
disk_full_child (const char *dir)
{
  g_autoptr(GBytes) old = journey_bytes ("Old", 3);
  g_autoptr(WaymarkJourney) big = make_journey ("Big", 2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autofree char *expected = NULL;

  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", 0, "size=64k") != 0)
    return 77;

  file = g_file_new_for_path (path);
  g_assert_true (waymark_file_replace_contents (file, old, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (waymark_file_save (big, file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  expected = g_strdup_printf ("Could not save “%s”: %s", path, g_strerror (ENOSPC));
  g_assert_cmpstr (error->message, ==, expected);
  assert_file_is (path, old);
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
  return 0;
}

static void
test_disk_full (Fixture       *fx,
                gconstpointer  data)
{
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (disk_full_child (fx->dir));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("Cannot mount a small tmpfs here (needs CAP_SYS_ADMIN)");
      return;
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static pid_t
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

static char *
touch (const char *dir,
       const char *name)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  return path;
}

static void
test_sweep (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *dead = g_strdup_printf ("map.journey.waymark-save-%d-aB3dE9", (int) dead_pid ());
  g_autofree char *alive = g_strdup_printf ("map.journey.waymark-save-%d-Zx81qP", (int) getpid ());
  g_autofree char *alive_old = g_strdup_printf ("map.journey.waymark-save-%d-0ldF1e", (int) getpid ());
  g_autofree char *other_doc = g_strdup_printf ("other.journey.waymark-save-%d-aB3dE9", (int) dead_pid ());
  g_autofree char *dead_path = touch (fx->dir, dead);
  g_autofree char *alive_path = touch (fx->dir, alive);
  g_autofree char *alive_old_path = touch (fx->dir, alive_old);
  g_autofree char *other_doc_path = touch (fx->dir, other_doc);
  g_autofree char *glib_path = touch (fx->dir, ".goutputstream-abc");
  g_autofree char *odd_path = touch (fx->dir, "map.journey.waymark-save-notours");
  g_autofree char *pid1_path = touch (fx->dir, "map.journey.waymark-save-1-abcdef");
  struct timeval old_times[2] = { { 0, 0 }, { 0, 0 } };

  /* Our own pid, but an hour old: a save never takes that long, so the pid
   * must have been reused by now. */
  old_times[0].tv_sec = old_times[1].tv_sec = time (NULL) - 3600;
  g_assert_cmpint (utimes (alive_old_path, old_times), ==, 0);

  g_assert_cmpuint (waymark_file_sweep_temporaries (fx->file), ==, 2);
  g_assert_false (g_file_test (dead_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (alive_old_path, G_FILE_TEST_EXISTS));
  /* A save in progress (this process), another app's GLib save, a name
   * that is not ours, another document's leftover and a live pid 1. */
  g_assert_true (g_file_test (alive_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (odd_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_doc_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (pid1_path, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (waymark_file_sweep_temporaries (fx->file), ==, 0);
}

static void
test_load_sweeps (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = journey_bytes ("Swept", 2);
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_strdup_printf ("map.journey.waymark-save-%d-aB3dE9", (int) dead_pid ());
  g_autofree char *stale_path = NULL;

  g_assert_true (waymark_file_replace_contents (fx->file, bytes, NULL, NULL, &error));
  g_assert_no_error (error);
  stale_path = touch (fx->dir, stale);

  journey = waymark_file_load (fx->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (journey);
  g_assert_false (g_file_test (stale_path, G_FILE_TEST_EXISTS));
}

/* Bytes this process has read through read () and friends so far. */
static guint64
bytes_read_so_far (void)
{
  g_autofree char *io = NULL;
  const char *rchar;

  if (!g_file_get_contents ("/proc/self/io", &io, NULL, NULL))
    return 0;
  rchar = strstr (io, "rchar: ");
  g_assert_nonnull (rchar);
  return g_ascii_strtoull (rchar + strlen ("rchar: "), NULL, 10);
}

static void
test_too_large (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(WaymarkFileStamp) stamp = NULL;
  guint64 before, after;
  int fd;

  /* Sparse: 300 MB in size, no disk used, instant to make. */
  fd = g_open (fx->path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  before = bytes_read_so_far ();
  journey = waymark_file_load (fx->file, NULL, &stamp, &error);
  after = bytes_read_so_far ();

  g_assert_null (journey);
  g_assert_null (stamp);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
  expected = g_strdup_printf ("%s:1: the file is 300 MB; journeys larger than 256 MB are refused",
                              fx->path);
  g_assert_cmpstr (error->message, ==, expected);
  /* Refused from its size alone: not one of its bytes was read (reading
   * /proc/self/io itself accounts for the little there is). */
  if (before != 0)
    g_assert_cmpuint (after - before, <, 64 * 1024);
}

static void
test_gzip_refused (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GBytes) plain = journey_bytes ("Compressed", 20);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (gzip));
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  const guint8 *magic;

  g_assert_true (g_output_stream_write_all (out, g_bytes_get_data (plain, NULL),
                                            g_bytes_get_size (plain), NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  magic = g_bytes_get_data (compressed, NULL);
  g_assert_cmphex (magic[0], ==, 0x1f);
  g_assert_cmphex (magic[1], ==, 0x8b);
  g_assert_true (g_file_set_contents (fx->path, (const char *) magic,
                                      (gssize) g_bytes_get_size (compressed), NULL));

  /* libxml2 would quietly un-gzip this (a zip bomb's way in); we parse the
   * bytes as they are, which are not XML. */
  journey = waymark_file_load (fx->file, NULL, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_XML);
  prefix = g_strdup_printf ("%s:1: ", fx->path);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "gzip"));
}

/* A map of a few hundred KiB whose texts are two-, three- and four-byte
 * characters: the loader reads it in pieces, and some characters are
 * cut by the end of a piece. */
static GBytes *
multibyte_bytes (void)
{
  g_autoptr(WaymarkJourney) journey = make_journey ("Grüße € 😀", 700);
  GPtrArray *touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      GString *text = g_string_new (NULL);

      for (guint k = 0; k < 20 + i % 7; k++)
        g_string_append (text, "ä€😀");
      tp->description = g_string_free (text, FALSE);
    }
  return waymark_writer_write (journey);
}

static void
test_load_in_pieces (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = multibyte_bytes ();
  g_autoptr(WaymarkJourney) loaded = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  WaymarkReadInfo info = { 0 };
  const guint8 *raw = g_bytes_get_data (bytes, NULL);
  guint cut = 0;

  /* Every 4 KiB boundary up to the end, whatever size the loader reads:
   * most of them cut a character. */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 256 * 1024);
  for (gsize at = 4096; at < g_bytes_get_size (bytes); at += 4096)
    cut += (raw[at] & 0xc0) == 0x80;
  g_assert_cmpuint (cut, >, 16);

  g_assert_true (g_file_set_contents (fx->path, (const char *) raw,
                                      (gssize) g_bytes_get_size (bytes), NULL));
  loaded = waymark_file_load (fx->file, &info, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info.checksum, ==, checksum);
  again = waymark_writer_write (loaded);
  g_assert_true (g_bytes_equal (again, bytes));
}

/* A bad byte far into a large file: the loader names its line, as for
 * the same bytes in memory, and does not report a checksum. */
static void
test_invalid_in_pieces (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = multibyte_bytes ();
  g_autofree char *contents = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  gsize length = g_bytes_get_size (bytes);
  g_autoptr(WaymarkJourney) loaded = NULL;
  g_autoptr(WaymarkJourney) in_memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) memory_error = NULL;
  g_autofree char *expected = NULL;
  WaymarkReadInfo info = { 0 };
  int line = 1;
  char *euro;

  /* The last euro sign before 192 KiB loses its last byte. */
  contents[192 * 1024] = '\0';
  euro = g_strrstr (contents, "€");
  contents[192 * 1024] = ((const char *) g_bytes_get_data (bytes, NULL))[192 * 1024];
  g_assert_nonnull (euro);
  euro[2] = '(';
  g_assert_true (g_file_set_contents (fx->path, contents, (gssize) length, NULL));

  loaded = waymark_file_load (fx->file, &info, NULL, &error);
  in_memory = waymark_reader_read (contents, length, fx->path, NULL, &memory_error);
  g_assert_null (loaded);
  g_assert_null (in_memory);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, memory_error->message);
  for (const char *p = contents; p < euro; p++)
    line += *p == '\n';
  expected = g_strdup_printf ("%s:%d: the file is not valid UTF-8 (byte 0xE2)", fx->path, line);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_cmpstr (info.checksum, ==, "");
}

static void
test_missing (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  journey = waymark_file_load (fx->file, NULL, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  expected = g_strdup_printf ("%s: cannot open: %s", fx->path, g_strerror (ENOENT));
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_fifo_refused (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* A named pipe under a .journey name: opening it for reading would block
   * until someone writes, so a careless loader hangs here for good. */
  g_assert_cmpint (mkfifo (fx->path, 0644), ==, 0);
  journey = waymark_file_load (fx->file, NULL, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  expected = g_strdup_printf ("%s: cannot open: not a regular file", fx->path);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_save_over_directory (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = journey_bytes ("Nowhere", 1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fx->path, 0755), ==, 0);
  g_assert_false (waymark_file_replace_contents (fx->file, bytes, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (fx->path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_temporaries (fx->dir), ==, 0);
}

/* Runs @argv; FALSE (the test then skips) when the tool is missing or the
 * file system does not take what it sets. */
static gboolean
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("%s: %s", argv[0], error ? error->message : err);
      return FALSE;
    }
  return TRUE;
}

/* The value of attribute @name of @path (binary for an ACL), or NULL. */
static GBytes *
read_xattr (const char *path,
            const char *name)
{
  char value[4096];
  ssize_t length = getxattr (path, name, value, sizeof value);

  return length < 0 ? NULL : g_bytes_new (value, (gsize) length);
}

/* A map shared with a group through an ACL stays shared after a save,
 * and other extended attributes (a sync tool's, a tag) stay too. */
static void
test_keeps_acl_and_xattrs (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GBytes) first = journey_bytes ("First", 3);
  g_autoptr(GBytes) second = journey_bytes ("Second", 3);
  g_autoptr(GError) error = NULL;
  const char *setfacl[] = { "setfacl", "-m", "u:65534:rw,g:65534:r", fx->path, NULL };
  const char *setfattr[] = { "setfattr", "-n", "user.waymark-test", "-v", "kept", fx->path, NULL };
  g_autoptr(GBytes) acl_before = NULL;
  g_autoptr(GBytes) acl_after = NULL;
  g_autoptr(GBytes) user_after = NULL;
  struct stat before, after;

  g_assert_true (waymark_file_replace_contents (fx->file, first, NULL, NULL, &error));
  g_assert_no_error (error);
  if (!run_tool (setfacl) || !run_tool (setfattr))
    {
      g_test_skip ("setfacl or setfattr is missing, or the file system has no ACLs or user attributes");
      return;
    }
  acl_before = read_xattr (fx->path, "system.posix_acl_access");
  g_assert_nonnull (acl_before);
  g_assert_cmpint (g_stat (fx->path, &before), ==, 0);

  g_assert_true (waymark_file_replace_contents (fx->file, second, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (fx->path, second);
  g_assert_cmpint (g_stat (fx->path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  /* The same entries, and the same mode (the ACL's mask is its group bits). */
  acl_after = read_xattr (fx->path, "system.posix_acl_access");
  g_assert_nonnull (acl_after);
  g_assert_true (g_bytes_equal (acl_after, acl_before));
  g_assert_cmpint (after.st_mode & 07777, ==, before.st_mode & 07777);
  user_after = read_xattr (fx->path, "user.waymark-test");
  g_assert_nonnull (user_after);
  g_assert_cmpmem (g_bytes_get_data (user_after, NULL), g_bytes_get_size (user_after), "kept", 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/file/round-trip", test_round_trip);
  ADD ("/file/keeps-permissions", test_keeps_permissions);
  ADD ("/file/keeps-acl-and-xattrs", test_keeps_acl_and_xattrs);
  ADD ("/file/wrong-etag", test_wrong_etag);
  ADD ("/file/changed-keeping-mtime", test_changed_keeping_mtime);
  ADD ("/file/touched-is-no-change", test_touched_is_no_change);
  ADD ("/file/symlink", test_symlink);
  ADD ("/file/dangling-symlink", test_dangling_symlink);
  ADD ("/file/failed-write", test_failed_write);
  ADD ("/file/disk-full", test_disk_full);
  ADD ("/file/sweep", test_sweep);
  ADD ("/file/load-sweeps", test_load_sweeps);
  ADD ("/file/too-large", test_too_large);
  ADD ("/file/gzip-refused", test_gzip_refused);
  ADD ("/file/load-in-pieces", test_load_in_pieces);
  ADD ("/file/invalid-in-pieces", test_invalid_in_pieces);
  ADD ("/file/missing", test_missing);
  ADD ("/file/fifo-refused", test_fifo_refused);
  ADD ("/file/save-over-directory", test_save_over_directory);
#undef ADD

  return g_test_run ();
}
