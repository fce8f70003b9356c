/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"
/* c_std=c11 hides POSIX kill(). */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "waymark-process.h"

/* Whether a zombie: killed, but not yet reaped by its parent.  kill(pid, 0)
 * still succeeds for it, yet it will never release a lock or finish a save.
 * (Seen when a session's parent dies first and nobody reaps its children.)
 * Only Linux says so, through /proc; elsewhere a zombie counts as running. */
static gboolean
is_zombie (int pid)
{
  char path[64];
  char buffer[512];
  g_autofree char *contents = NULL;
  const char *state;

  g_snprintf (path, sizeof path, "/proc/%d/stat", pid);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  g_strlcpy (buffer, contents, sizeof buffer);

  /* "PID (COMM) STATE …": COMM may hold spaces and parentheses, so the
   * state follows the last ')'. */
  state = strrchr (buffer, ')');
  return state != NULL && state[1] == ' ' && state[2] == 'Z';
}

/* Whether the process that wrote a lock, journal or temporary file may
 * still be working on it.  EPERM: it exists but belongs to someone else.
 * A pid in another pid namespace (a Flatpak sandbox) looks dead from here;
 * the callers accept that: the worst case is a second writer, and every
 * save is atomic. */
gboolean
waymark_process_is_running (int pid)
{
  if (pid <= 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  return !is_zombie (pid);
}
