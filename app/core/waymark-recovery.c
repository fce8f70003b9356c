/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-recovery.h"
#include "waymark-process.h"

#define GROUP "Recovery"

void
waymark_recovery_entry_free (WaymarkRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->key);
  g_free (entry->path);
  g_free (entry->display_name);
  g_free (entry->base_checksum);
  g_free (entry->snapshot_path);
  waymark_process_free (entry->writer);
  g_free (entry);
}

char *
waymark_recovery_dir (void)
{
  const char *override = g_getenv ("WAYMARK_RECOVERY_DIR");

  if (override && *override)
    return g_strdup (override);
  return g_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);
}

char *
waymark_recovery_key_for (GFile *file)
{
  g_autofree char *uri = NULL;

  if (file == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      return g_strconcat ("untitled-", uuid, NULL);
    }
  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

static char *
entry_file (const char *dir,
            const char *key,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (key, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
waymark_recovery_write (const char  *key,
                        GFile       *file,
                        const char  *display_name,
                        const char  *base_checksum,
                        GBytes      *snapshot,
                        GError     **error)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *snapshot_path = entry_file (dir, key, ".journey");
  g_autofree char *info_path = entry_file (dir, key, ".info");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_text = NULL;
  gsize info_length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The snapshot first: an info file always names a complete snapshot. */
  if (!g_file_set_contents_full (snapshot_path, g_bytes_get_data (snapshot, NULL),
                                 (gssize) g_bytes_get_size (snapshot),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (file)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_key_file_set_string (info, GROUP, "uri", uri);
    }
  g_key_file_set_string (info, GROUP, "name", display_name ? display_name : "");
  if (base_checksum)
    g_key_file_set_string (info, GROUP, "base-checksum", base_checksum);
  g_key_file_set_int64 (info, GROUP, "written", g_get_real_time () / G_USEC_PER_SEC);
  /* "pid" as older versions wrote it, and what makes the process unique
   * inside a PID namespace. */
  waymark_process_to_key_file (waymark_process_self (), info, GROUP);
  info_text = g_key_file_to_data (info, &info_length, NULL);
  return g_file_set_contents_full (info_path, info_text, (gssize) info_length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
waymark_recovery_discard (const char *key)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *snapshot_path = entry_file (dir, key, ".journey");
  g_autofree char *info_path = entry_file (dir, key, ".info");

  g_unlink (info_path);
  g_unlink (snapshot_path);
}

static WaymarkRecoveryEntry *
read_entry (const char *dir,
            const char *info_name)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *uri = NULL;
  WaymarkRecoveryEntry *entry;

  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;
  entry = g_new0 (WaymarkRecoveryEntry, 1);
  entry->key = g_strndup (info_name, strlen (info_name) - strlen (".info"));
  uri = g_key_file_get_string (info, GROUP, "uri", NULL);
  if (uri)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      entry->path = g_file_get_path (file);
    }
  entry->display_name = g_key_file_get_string (info, GROUP, "name", NULL);
  entry->base_checksum = g_key_file_get_string (info, GROUP, "base-checksum", NULL);
  entry->written = g_key_file_get_int64 (info, GROUP, "written", NULL);
  entry->writer = waymark_process_from_key_file (info, GROUP);
  if (entry->writer == NULL)
    entry->writer = g_new0 (WaymarkProcess, 1);   /* pid 0: not running */
  entry->snapshot_path = entry_file (dir, entry->key, ".journey");
  if (!g_file_test (entry->snapshot_path, G_FILE_TEST_IS_REGULAR))
    {
      waymark_recovery_entry_free (entry);
      return NULL;
    }
  return entry;
}

static int
compare_written (gconstpointer a,
                 gconstpointer b)
{
  const WaymarkRecoveryEntry *ea = *(WaymarkRecoveryEntry **) a;
  const WaymarkRecoveryEntry *eb = *(WaymarkRecoveryEntry **) b;

  return (ea->written > eb->written) - (ea->written < eb->written);
}

GPtrArray *
waymark_recovery_list_orphans (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_recovery_entry_free);
  g_autofree char *dir = waymark_recovery_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return entries;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      WaymarkRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".info"))
        continue;
      entry = read_entry (dir, name);
      if (entry == NULL)
        continue;
      /* A running instance is still editing it: not an orphan. */
      if (waymark_process_is_running (entry->writer))
        {
          waymark_recovery_entry_free (entry);
          continue;
        }
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_written);
  return entries;
}

char *
waymark_recovery_checksum_file (GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

WaymarkRecoveryState
waymark_recovery_check (const WaymarkRecoveryEntry *entry)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *now = NULL;

  if (entry->path == NULL)
    return WAYMARK_RECOVERY_UNTITLED;
  file = g_file_new_for_path (entry->path);
  now = waymark_recovery_checksum_file (file);
  if (now == NULL)
    return WAYMARK_RECOVERY_FILE_GONE;
  if (entry->base_checksum && strcmp (now, entry->base_checksum) == 0)
    return WAYMARK_RECOVERY_RESTORABLE;
  return WAYMARK_RECOVERY_FILE_CHANGED;
}

char *
waymark_recovery_set_aside (const WaymarkRecoveryEntry  *entry,
                            GError                     **error)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *aside_dir = g_build_filename (dir, "set-aside", NULL);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->written);
  g_autofree char *stamp = when ? g_date_time_format (when, "%Y-%m-%d %H.%M.%S") : g_strdup ("unknown");
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *info_path = entry_file (dir, entry->key, ".info");

  if (g_mkdir_with_parents (aside_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", aside_dir, g_strerror (saved_errno));
      return NULL;
    }
  stem = g_strdup (entry->display_name && *entry->display_name ? entry->display_name : "journey");
  if (g_str_has_suffix (stem, ".journey"))
    stem[strlen (stem) - strlen (".journey")] = '\0';
  g_strdelimit (stem, "/\\", '_');
  /* Translators: the file name of recovered changes that could not be
   * restored: "<map name> (unsaved changes <date time>).journey" */
  name = g_strdup_printf (_("%s (unsaved changes %s).journey"), stem, stamp);
  target = g_build_filename (aside_dir, name, NULL);
  if (g_rename (entry->snapshot_path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", target, g_strerror (saved_errno));
      return NULL;
    }
  g_unlink (info_path);
  return g_steal_pointer (&target);
}
