/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c_std=c11 hides POSIX: fork, kill, waitpid. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "waymark-process.h"

/* A lock or journal is stale when the process that wrote it is gone.  A
 * killed process its parent has not reaped yet (a zombie) is gone too:
 * kill(pid, 0) still succeeds for it, which kept a crashed session's lock
 * and recovery journal "in use" when its parent died before reaping it. */

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

static void
test_running_and_killed (void)
{
  pid_t pid = spawn_sleeper ();
  int status;

  g_assert_true (waymark_process_is_running (pid));

  kill (pid, SIGKILL);
  /* Not reaped yet: a zombie.  Wait until the kernel has made it one. */
  for (int i = 0; i < 200 && waymark_process_is_running (pid); i++)
    g_usleep (10 * 1000);
  g_assert_false (waymark_process_is_running (pid));

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_false (waymark_process_is_running (pid));
}

static void
test_self_and_nonsense (void)
{
  g_assert_true (waymark_process_is_running (getpid ()));
  g_assert_true (waymark_process_is_running (getppid ()));
  g_assert_false (waymark_process_is_running (0));
  g_assert_false (waymark_process_is_running (-1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/process/running-and-killed", test_running_and_killed);
  g_test_add_func ("/process/self-and-nonsense", test_self_and_nonsense);
  return g_test_run ();
}
