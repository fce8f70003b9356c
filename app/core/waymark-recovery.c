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

struct _WaymarkRecoveryGate
{
  gatomicrefcount ref_count;
  GMutex lock;
  guint64 issued;     /* the last ticket handed out */
  guint64 committed;  /* the ticket of the entry on disk */
  guint64 discarded;  /* tickets up to this one must not land */
};

WaymarkRecoveryGate *
waymark_recovery_gate_new (void)
{
  WaymarkRecoveryGate *self = g_new0 (WaymarkRecoveryGate, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  return self;
}

WaymarkRecoveryGate *
waymark_recovery_gate_ref (WaymarkRecoveryGate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_recovery_gate_unref (WaymarkRecoveryGate *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_mutex_clear (&self->lock);
  g_free (self);
}

guint64
waymark_recovery_gate_begin_write (WaymarkRecoveryGate *self)
{
  guint64 ticket;

  g_return_val_if_fail (self != NULL, 0);
  g_mutex_lock (&self->lock);
  ticket = ++self->issued;
  g_mutex_unlock (&self->lock);
  return ticket;
}

static void
unlink_entry (const char *key)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *snapshot_path = entry_file (dir, key, ".journey");
  g_autofree char *info_path = entry_file (dir, key, ".info");

  g_unlink (info_path);
  g_unlink (snapshot_path);
}

#define DISCARDED_INFIX ".discarded-"

static void
unlink_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **paths = task_data;

  for (guint i = 0; paths[i] != NULL; i++)
    g_unlink (paths[i]);
  g_task_return_boolean (task, TRUE);
}

/* Takes the entry's files off their names at once and deletes them on a
 * worker thread: unlinking a journal of a large map frees its blocks,
 * which took 40 ms of the main thread at 100,000 cards.  A crash before
 * the worker ran leaves them for waymark_recovery_list_orphans () to
 * delete. */
static void
discard_in_background (const char *key)
{
  static gint counter;
  g_autofree char *dir = waymark_recovery_dir ();
  GStrvBuilder *builder = g_strv_builder_new ();
  const char *suffixes[] = { ".info", ".journey" };
  GTask *task;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = entry_file (dir, key, suffixes[i]);
      g_autofree char *trash = g_strdup_printf ("%s" DISCARDED_INFIX "%d-%d", path, (int) getpid (),
                                                g_atomic_int_add (&counter, 1));

      /* The info file first: no info names a snapshot that is gone. */
      if (g_rename (path, trash) == 0)
        g_strv_builder_add (builder, trash);
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
  g_strv_builder_unref (builder);
  g_task_run_in_thread (task, unlink_thread);
  g_object_unref (task);
}

void
waymark_recovery_gate_discard (WaymarkRecoveryGate *self,
                               const char          *key)
{
  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->lock);
  self->discarded = self->issued;
  discard_in_background (key);
  g_mutex_unlock (&self->lock);
}

/* Writes @contents to a temporary name beside @path, fsynced; the caller
 * renames it into place. */
static char *
write_part (const char     *path,
            guint64         ticket,
            gconstpointer   contents,
            gsize           length,
            GError        **error)
{
  g_autofree char *part = g_strdup_printf ("%s.part-%d-%" G_GUINT64_FORMAT, path, (int) getpid (), ticket);

  if (!g_file_set_contents_full (part, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_DURABLE, 0600, error))
    {
      g_unlink (part);
      return NULL;
    }
  return g_steal_pointer (&part);
}

static gboolean
rename_part (const char  *part,
             const char  *path,
             GError     **error)
{
  if (g_rename (part, path) == 0)
    return TRUE;
  {
    int saved_errno = errno;

    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 "%s: %s", path, g_strerror (saved_errno));
    g_unlink (part);
    return FALSE;
  }
}

gboolean
waymark_recovery_write_gated (WaymarkRecoveryGate  *gate,
                              guint64               ticket,
                              const char           *key,
                              GFile                *file,
                              const char           *display_name,
                              const char           *base_checksum,
                              GBytes               *snapshot,
                              GError              **error)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *snapshot_path = entry_file (dir, key, ".journey");
  g_autofree char *info_path = entry_file (dir, key, ".info");
  g_autofree char *snapshot_part = NULL;
  g_autofree char *info_part = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_text = NULL;
  gsize info_length;
  gboolean current = TRUE;
  gboolean ok = TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

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

  /* The slow part (writing and syncing a large map) outside the gate's
   * lock, so that a discard on the main thread never waits for it. */
  snapshot_part = write_part (snapshot_path, ticket, g_bytes_get_data (snapshot, NULL),
                              g_bytes_get_size (snapshot), error);
  if (snapshot_part == NULL)
    return FALSE;
  info_part = write_part (info_path, ticket, info_text, info_length, error);
  if (info_part == NULL)
    {
      g_unlink (snapshot_part);
      return FALSE;
    }

  if (gate != NULL)
    {
      g_mutex_lock (&gate->lock);
      current = ticket > gate->committed && ticket > gate->discarded;
    }
  if (current)
    {
      /* The snapshot first: an info file always names a complete
       * snapshot. */
      ok = rename_part (snapshot_part, snapshot_path, error) &&
           rename_part (info_part, info_path, error);
      if (gate != NULL && ok)
        gate->committed = ticket;
    }
  if (gate != NULL)
    g_mutex_unlock (&gate->lock);
  /* Not renamed: a newer write or a discard came first. */
  g_unlink (snapshot_part);
  g_unlink (info_part);
  return ok;
}

gboolean
waymark_recovery_write (const char  *key,
                        GFile       *file,
                        const char  *display_name,
                        const char  *base_checksum,
                        GBytes      *snapshot,
                        GError     **error)
{
  return waymark_recovery_write_gated (NULL, 0, key, file, display_name, base_checksum, snapshot, error);
}

void
waymark_recovery_discard (const char *key)
{
  unlink_entry (key);
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

      if (strstr (name, DISCARDED_INFIX) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          /* Left by a discard the process did not live to finish. */
          g_unlink (path);
          continue;
        }
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
