/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"
/* c_std=c11 hides POSIX kill(). */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "waymark-process.h"

WaymarkProcess *
waymark_process_copy (const WaymarkProcess *self)
{
  WaymarkProcess *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (WaymarkProcess, 1);
  copy->pid = self->pid;
  copy->host = g_strdup (self->host);
  copy->boot_id = g_strdup (self->boot_id);
  copy->pid_namespace = g_strdup (self->pid_namespace);
  copy->start_time = self->start_time;
  return copy;
}

void
waymark_process_free (WaymarkProcess *self)
{
  if (self == NULL)
    return;
  g_free (self->host);
  g_free (self->boot_id);
  g_free (self->pid_namespace);
  g_free (self);
}

/* What /proc/@pid/stat says (pid 0: "self"): the pid as this /proc counts
 * it, the state letter and the start time.  FALSE without such a process
 * (or without /proc: not Linux). */
static gboolean
read_stat (int      pid,
           int     *stat_pid,
           char    *state,
           guint64 *start_time)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/stat", pid) : g_strdup ("/proc/self/stat");
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_comm;
  char *end = NULL;
  gint64 value;
  guint64 start;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  value = g_ascii_strtoll (contents, &end, 10);
  if (end == contents || *end != ' ' || value <= 0 || value > G_MAXINT)
    return FALSE;
  /* "PID (COMM) STATE …": COMM may hold spaces and parentheses, so the
   * fields are counted from the last ')'.  STATE is field 3, the start
   * time field 22. */
  after_comm = strrchr (contents, ')');
  if (after_comm == NULL || after_comm[1] != ' ')
    return FALSE;
  fields = g_strsplit (after_comm + 2, " ", 21);
  if (g_strv_length (fields) < 20 || fields[0][0] == '\0' ||
      !g_ascii_string_to_unsigned (fields[19], 10, 0, G_MAXUINT64, &start, NULL))
    return FALSE;
  *stat_pid = (int) value;
  *state = fields[0][0];
  *start_time = start;
  return TRUE;
}

static char *
read_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return NULL;
  return g_strdup (g_strstrip (contents));
}

/* Whether /proc belongs to our pid namespace (it does in a Flatpak
 * sandbox, which mounts its own; not after a bare `unshare --pid`): only
 * then do its numbers mean our pids. */
static gboolean
proc_is_ours (void)
{
  int stat_pid;
  char state;
  guint64 start_time;

  return read_stat (0, &stat_pid, &state, &start_time) && stat_pid == getpid ();
}

static gpointer
compute_self (gpointer data)
{
  WaymarkProcess *self = g_new0 (WaymarkProcess, 1);
  int stat_pid;
  char state;

  self->pid = getpid ();
  self->host = g_strdup (g_get_host_name ());
  self->boot_id = read_boot_id ();
  self->pid_namespace = g_file_read_link ("/proc/self/ns/pid", NULL);
  /* /proc/self is us whatever namespace /proc counts in. */
  if (!read_stat (0, &stat_pid, &state, &self->start_time))
    self->start_time = 0;
  return self;
}

const WaymarkProcess *
waymark_process_self (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compute_self, NULL);
  return once.retval;
}

gboolean
waymark_process_is_self (const WaymarkProcess *self)
{
  const WaymarkProcess *me = waymark_process_self ();

  g_return_val_if_fail (self != NULL, FALSE);

  return self->pid == me->pid &&
         g_strcmp0 (self->host, me->host) == 0 &&
         g_strcmp0 (self->boot_id, me->boot_id) == 0 &&
         g_strcmp0 (self->pid_namespace, me->pid_namespace) == 0 &&
         self->start_time == me->start_time;
}

/* Whether a zombie: killed, but not yet reaped by its parent.  kill(pid, 0)
 * still succeeds for it, yet it will never release a lock or finish a save.
 * (Seen when a session's parent dies first and nobody reaps its children.)
 * Only Linux says so, through /proc; elsewhere a zombie counts as running. */
static gboolean
is_zombie (int pid)
{
  int stat_pid;
  char state;
  guint64 start_time;

  return read_stat (pid, &stat_pid, &state, &start_time) && state == 'Z';
}

gboolean
waymark_process_pid_is_running (int pid)
{
  if (pid <= 0)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  /* EPERM: it exists but belongs to someone else. */
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  return !is_zombie (pid);
}

gboolean
waymark_process_is_running (const WaymarkProcess *self)
{
  const WaymarkProcess *me = waymark_process_self ();
  int stat_pid;
  char state;
  guint64 start_time;

  g_return_val_if_fail (self != NULL, FALSE);

  /* An older version's record: the pid is all there is.  If it is ours,
   * the writer is gone (we record our full identity), which is what an
   * older version's crash inside a sandbox looks like. */
  if (self->boot_id == NULL && self->pid_namespace == NULL && self->start_time == 0)
    return (self->host == NULL || g_strcmp0 (self->host, me->host) == 0) &&
           self->pid != me->pid && waymark_process_pid_is_running (self->pid);

  if (g_strcmp0 (self->host, me->host) != 0 ||
      g_strcmp0 (self->boot_id, me->boot_id) != 0 ||
      g_strcmp0 (self->pid_namespace, me->pid_namespace) != 0)
    return FALSE;
  if (self->pid == me->pid)
    return self->start_time == me->start_time;
  if (!waymark_process_pid_is_running (self->pid))
    return FALSE;
  /* Alive, but is it the same process, or a younger one that got the pid
   * again?  Only our own /proc can say; without it the pid decides. */
  if (!proc_is_ours ())
    return TRUE;
  return read_stat (self->pid, &stat_pid, &state, &start_time) &&
         start_time == self->start_time && state != 'Z';
}

#define KEY_PID "pid"
#define KEY_HOST "host"
#define KEY_BOOT_ID "boot-id"
#define KEY_PID_NAMESPACE "pid-namespace"
#define KEY_START_TIME "start-time"

void
waymark_process_to_key_file (const WaymarkProcess *self,
                             GKeyFile             *key_file,
                             const char           *group)
{
  g_return_if_fail (self != NULL);

  g_key_file_set_integer (key_file, group, KEY_PID, self->pid);
  if (self->host != NULL)
    g_key_file_set_string (key_file, group, KEY_HOST, self->host);
  if (self->boot_id != NULL)
    g_key_file_set_string (key_file, group, KEY_BOOT_ID, self->boot_id);
  if (self->pid_namespace != NULL)
    g_key_file_set_string (key_file, group, KEY_PID_NAMESPACE, self->pid_namespace);
  if (self->start_time != 0)
    g_key_file_set_uint64 (key_file, group, KEY_START_TIME, self->start_time);
}

WaymarkProcess *
waymark_process_from_key_file (GKeyFile   *key_file,
                               const char *group)
{
  g_autoptr(GError) error = NULL;
  WaymarkProcess *self;
  int pid;

  pid = g_key_file_get_integer (key_file, group, KEY_PID, &error);
  if (error != NULL)
    return NULL;
  self = g_new0 (WaymarkProcess, 1);
  self->pid = pid;
  self->host = g_key_file_get_string (key_file, group, KEY_HOST, NULL);
  self->boot_id = g_key_file_get_string (key_file, group, KEY_BOOT_ID, NULL);
  self->pid_namespace = g_key_file_get_string (key_file, group, KEY_PID_NAMESPACE, NULL);
  self->start_time = g_key_file_get_uint64 (key_file, group, KEY_START_TIME, NULL);
  return self;
}
