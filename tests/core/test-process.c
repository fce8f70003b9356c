/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c_std=c11 hides POSIX: fork, kill, waitpid. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "waymark-lock.h"
#include "waymark-process.h"
#include "waymark-recovery.h"

/* A lock or journal is stale when the process that wrote it is gone.  A
 * killed process its parent has not reaped yet (a zombie) is gone too:
 * kill(pid, 0) still succeeds for it, which kept a crashed session's lock
 * and recovery journal "in use" when its parent died before reaping it.
 * And a pid alone is no identity: in a PID namespace every start gets the
 * same one. */

static pid_t
spawn_sleeper (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      pause ();
      _exit (0);
    }
  return pid;
}

/* The start time of @pid as the kernel says (field 22 of its stat). */
static guint64
start_time_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  fields = g_strsplit (strrchr (contents, ')') + 2, " ", -1);
  return g_ascii_strtoull (fields[19], NULL, 10);
}

/* @pid's identity as it would have recorded it: it shares our namespace. */
static WaymarkProcess *
identity_of (pid_t pid)
{
  WaymarkProcess *process = waymark_process_copy (waymark_process_self ());

  process->pid = pid;
  process->start_time = start_time_of (pid);
  return process;
}

static void
test_running_and_killed (void)
{
  pid_t pid = spawn_sleeper ();
  g_autoptr(WaymarkProcess) identity = NULL;
  int status;

  g_assert_true (waymark_process_pid_is_running (pid));
  identity = identity_of (pid);
  g_assert_true (waymark_process_is_running (identity));
  g_assert_false (waymark_process_is_self (identity));

  kill (pid, SIGKILL);
  /* Not reaped yet: a zombie.  Wait until the kernel has made it one. */
  for (int i = 0; i < 200 && waymark_process_pid_is_running (pid); i++)
    g_usleep (10 * 1000);
  g_assert_false (waymark_process_pid_is_running (pid));
  g_assert_false (waymark_process_is_running (identity));

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_false (waymark_process_pid_is_running (pid));
  g_assert_false (waymark_process_is_running (identity));
}

static void
test_self_and_nonsense (void)
{
  const WaymarkProcess *self = waymark_process_self ();

  g_assert_cmpint (self->pid, ==, getpid ());
  g_assert_nonnull (self->boot_id);
  g_assert_true (g_str_has_prefix (self->pid_namespace, "pid:["));
  g_assert_cmpuint (self->start_time, >, 0);
  g_assert_true (waymark_process_is_self (self));
  g_assert_true (waymark_process_is_running (self));

  g_assert_true (waymark_process_pid_is_running (getpid ()));
  g_assert_true (waymark_process_pid_is_running (getppid ()));
  g_assert_false (waymark_process_pid_is_running (0));
  g_assert_false (waymark_process_pid_is_running (-1));
}

/* Each part of the identity counts: a live pid is not enough. */
static void
test_every_part_must_match (void)
{
  pid_t pid = spawn_sleeper ();
  g_autoptr(WaymarkProcess) other = identity_of (pid);
  g_autoptr(WaymarkProcess) legacy = g_new0 (WaymarkProcess, 1);
  int status;

  g_assert_true (waymark_process_is_running (other));

  /* A younger process that got the pid again. */
  other->start_time++;
  g_assert_false (waymark_process_is_running (other));
  other->start_time--;
  /* Written before the last reboot. */
  g_free (other->boot_id);
  other->boot_id = g_strdup ("00000000-0000-0000-0000-000000000000");
  g_assert_false (waymark_process_is_running (other));
  g_free (other->boot_id);
  other->boot_id = g_strdup (waymark_process_self ()->boot_id);
  /* Another sandbox: its pids are not ours. */
  g_free (other->pid_namespace);
  other->pid_namespace = g_strdup ("pid:[1]");
  g_assert_false (waymark_process_is_running (other));
  g_free (other->pid_namespace);
  other->pid_namespace = g_strdup (waymark_process_self ()->pid_namespace);
  /* Another host. */
  g_free (other->host);
  other->host = g_strdup ("elsewhere.invalid");
  g_assert_false (waymark_process_is_running (other));

  /* An older version's record, a pid alone: judged by the pid, except
   * that our own pid cannot be it (we always record more). */
  legacy->pid = pid;
  g_assert_true (waymark_process_is_running (legacy));
  legacy->pid = getpid ();
  g_assert_false (waymark_process_is_running (legacy));

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* Older versions read a lock's first four lines and a journal's "pid":
 * both are still there, and what they wrote is still read. */
static void
test_records_stay_readable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-process-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lock = waymark_lock_file_for (file);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *lock_path = g_file_get_path (lock);
  g_autoptr(GError) error = NULL;

  g_assert_true (waymark_lock_acquire (file, "Anna", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (lock_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", 6);
  g_assert_cmpstr (lines[0], ==, "Anna");
  g_assert_cmpstr (lines[1], ==, g_get_host_name ());
  g_assert_cmpint (atoi (lines[2]), ==, getpid ());
  g_assert_null (waymark_lock_read_other (file));
  waymark_lock_release (file);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* ---- Inside PID namespaces ---- */

/* `test-process --child write|check DIR`, run by the test below under
 * `unshare --pid --fork`: "write" leaves a recovery journal and a lock
 * and dies without cleaning up (a crash); "check" looks at them from the
 * next sandbox, with the same pid, and prints what it sees. */
static int
child_main (const char *mode,
            const char *dir)
{
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);
  if (strcmp (mode, "write") == 0)
    {
      g_autoptr(GBytes) snapshot = g_bytes_new_static ("<journey/>", 10);
      g_autofree char *key = waymark_recovery_key_for (file);

      if (!waymark_recovery_write (key, file, "map.journey", NULL, snapshot, NULL) ||
          !waymark_lock_acquire (file, "Crashed", NULL))
        return 2;
      printf ("pid=%d\n", (int) getpid ());
      fflush (stdout);
      _exit (0);   /* no release, no discard: a crash */
    }
  else
    {
      g_autoptr(GPtrArray) orphans = NULL;
      g_autoptr(WaymarkLockInfo) other = NULL;
      g_autoptr(GBytes) snapshot = g_bytes_new_static ("<journey/>", 10);
      g_autofree char *own_path = g_build_filename (dir, "own.journey", NULL);
      g_autoptr(GFile) own = g_file_new_for_path (own_path);
      g_autofree char *own_key = waymark_recovery_key_for (own);

      /* Our own journal, which must not count as an orphan. */
      if (!waymark_recovery_write (own_key, own, "own.journey", NULL, snapshot, NULL))
        return 2;
      orphans = waymark_recovery_list_orphans ();
      other = waymark_lock_read_other (file);
      printf ("pid=%d\norphans=%u\nlock=%s\n", (int) getpid (), orphans->len,
              other != NULL ? other->user : "stale");
      waymark_recovery_discard (own_key);
      return 0;
    }
}

/* The unshare command line that works here: as root a new PID namespace
 * (with its own /proc, as Flatpak has); otherwise the same inside a user
 * namespace.  NULL when neither is permitted. */
static const char *const *
unshare_argv (void)
{
  static const char *const as_root[] = { "unshare", "--pid", "--fork", "--mount-proc", NULL };
  static const char *const as_user[] = { "unshare", "--user", "--map-root-user", "--pid", "--fork",
                                         "--mount-proc", NULL };
  const char *const *candidates[] = { as_root, as_user };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) argv = NULL;
      int status = -1;

      g_strv_builder_addv (builder, (const char **) candidates[i]);
      g_strv_builder_add (builder, "true");
      argv = g_strv_builder_end (builder);
      if (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                        G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return candidates[i];
    }
  return NULL;
}

static char *
run_in_sandbox (const char *const *unshare,
                const char        *mode,
                const char        *dir)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  char *out = NULL;
  int status = -1;

  g_assert_nonnull (self);
  g_strv_builder_addv (builder, (const char **) unshare);
  g_strv_builder_add_many (builder, self, "--child", mode, dir, NULL);
  argv = g_strv_builder_end (builder);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_pid_namespace (void)
{
  const char *const *unshare = unshare_argv ();
  g_autofree char *dir = NULL;
  g_autofree char *wrote = NULL;
  g_autofree char *checked = NULL;

  if (unshare == NULL)
    {
      g_test_skip ("unshare --pid is not permitted here (neither as root nor in a user namespace)");
      return;
    }
  dir = g_dir_make_tmp ("waymark-sandbox-XXXXXX", NULL);
  wrote = run_in_sandbox (unshare, "write", dir);
  checked = run_in_sandbox (unshare, "check", dir);
  /* The premise: both sandboxes gave their process the same pid. */
  g_assert_true (g_str_has_prefix (wrote, "pid=1\n"));
  g_assert_true (g_str_has_prefix (checked, "pid=1\n"));
  /* The crashed sandbox's journal is offered, its lock is stale, and our
   * own journal is not an orphan. */
  g_assert_cmpstr (checked, ==, "pid=1\norphans=1\nlock=stale\n");

  /* And from outside the sandboxes, too. */
  {
    g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
    g_autofree char *path = g_build_filename (dir, "map.journey", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GPtrArray) orphans = NULL;

    g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);
    orphans = waymark_recovery_list_orphans ();
    g_assert_cmpuint (orphans->len, ==, 1);
    g_assert_null (waymark_lock_read_other (file));
    g_unsetenv ("WAYMARK_RECOVERY_DIR");
  }
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--child") == 0)
    return child_main (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/process/running-and-killed", test_running_and_killed);
  g_test_add_func ("/process/self-and-nonsense", test_self_and_nonsense);
  g_test_add_func ("/process/every-part-must-match", test_every_part_must_match);
  g_test_add_func ("/process/records-stay-readable", test_records_stay_readable);
  g_test_add_func ("/process/pid-namespace", test_pid_namespace);
  return g_test_run ();
}
