/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <glib/gi18n-lib.h>

#include "waymark-lock.h"
#include "waymark-process.h"

void
waymark_lock_info_free (WaymarkLockInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->user);
  g_free (info->host);
  waymark_process_free (info->process);
  g_free (info);
}

GFile *
waymark_lock_file_for (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *name = g_strdup_printf (".%s.waymark-lock", base);

  return g_file_get_child (parent, name);
}

#define PROCESS_GROUP "Process"

static WaymarkLockInfo *
parse_lock (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 5);
  g_autoptr(GKeyFile) extra = g_key_file_new ();
  WaymarkLockInfo *info;
  WaymarkProcess *process = NULL;
  gint64 pid, since;

  if (g_strv_length (lines) < 4)
    return NULL;
  if (!g_ascii_string_to_signed (lines[2], 10, 1, G_MAXINT, &pid, NULL) ||
      !g_ascii_string_to_signed (lines[3], 10, 0, G_MAXINT64, &since, NULL))
    return NULL;
  if (!g_utf8_validate (lines[0], -1, NULL) || !g_utf8_validate (lines[1], -1, NULL))
    return NULL;
  /* The identity; older versions wrote none. */
  if (lines[4] != NULL && g_key_file_load_from_data (extra, lines[4], -1, G_KEY_FILE_NONE, NULL))
    process = waymark_process_from_key_file (extra, PROCESS_GROUP);
  if (process == NULL)
    process = g_new0 (WaymarkProcess, 1);
  /* The lines say who; the group cannot contradict them. */
  process->pid = (int) pid;
  g_free (process->host);
  process->host = g_strdup (lines[1]);

  info = g_new0 (WaymarkLockInfo, 1);
  info->user = g_strdup (lines[0]);
  info->host = g_strdup (lines[1]);
  info->process = process;
  info->since = since;
  return info;
}

static gboolean
is_this_host (const char *host)
{
  return g_strcmp0 (host, g_get_host_name ()) == 0;
}

static WaymarkLockInfo *
read_lock (GFile *file)
{
  g_autoptr(GFile) lock = waymark_lock_file_for (file);
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_load_contents (lock, NULL, &text, &length, NULL, NULL))
    return NULL;
  if (length > 4096)
    return NULL;
  return parse_lock (text);
}

WaymarkLockInfo *
waymark_lock_read_other (GFile *file)
{
  g_autoptr(WaymarkLockInfo) info = read_lock (file);

  if (info == NULL)
    return NULL;
  if (is_this_host (info->host))
    {
      if (waymark_process_is_self (info->process))
        return NULL;             /* ours */
      if (!waymark_process_is_running (info->process))
        return NULL;             /* stale: that process is gone */
    }
  /* On another host we cannot check the process; trust the lock. */
  return g_steal_pointer (&info);
}

gboolean
waymark_lock_acquire (GFile       *file,
                      const char  *user,
                      GError     **error)
{
  g_autoptr(GFile) lock = waymark_lock_file_for (file);
  g_autoptr(GKeyFile) extra = g_key_file_new ();
  g_autofree char *identity = NULL;
  g_autofree char *text = NULL;
  const WaymarkProcess *self = waymark_process_self ();
  const char *name = (user && *user) ? user : g_get_real_name ();

  if (name == NULL || *name == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  waymark_process_to_key_file (self, extra, PROCESS_GROUP);
  identity = g_key_file_to_data (extra, NULL, NULL);
  text = g_strdup_printf ("%s\n%s\n%d\n%" G_GINT64_FORMAT "\n%s",
                          name, self->host, self->pid,
                          g_get_real_time () / G_USEC_PER_SEC, identity);
  return g_file_replace_contents (lock, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

void
waymark_lock_release (GFile *file)
{
  g_autoptr(WaymarkLockInfo) info = read_lock (file);
  g_autoptr(GFile) lock = NULL;

  if (info == NULL || !waymark_process_is_self (info->process))
    return;
  lock = waymark_lock_file_for (file);
  g_file_delete (lock, NULL, NULL);
}

char *
waymark_lock_info_describe (const WaymarkLockInfo *info)
{
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_local (info->since);
  g_autofree char *when = since ? g_date_time_format (since, "%x %X") : g_strdup ("?");

  /* Translators: "opened by Anna on laptop-3 since 24.11.2026 10:15:00" */
  return g_strdup_printf (_("opened by %s on %s since %s"), info->user, info->host, when);
}
