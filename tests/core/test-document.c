/* SPDX-License-Identifier: GPL-3.0-or-later */
/* c_std=c11 hides POSIX: utimensat, st_mtim. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "waymark-document.h"
#include "waymark-edits.h"
#include "waymark-lock.h"
#include "waymark-recovery.h"

typedef struct {
  char *dir;
  GFile *file;
} Fixture;

static char *
template_path (const char *name)
{
  const char *datadir = g_getenv ("WAYMARK_DATADIR");

  g_assert_nonnull (datadir);
  return g_build_filename (datadir, "templates", name, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = template_path ("example-fitness-watch.journey");
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recovery = NULL;
  gsize length;

  f->dir = g_dir_make_tmp ("waymark-document-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  recovery = g_build_filename (f->dir, "recovery", NULL);
  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  path = g_build_filename (f->dir, "map.journey", NULL);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  f->file = g_file_new_for_path (path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_object_unref (f->file);
}

static void
edit_title (WaymarkDocument *doc,
            const char      *title)
{
  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, title);
}

/* Writes the file as a teammate's program would. */
static void
change_on_disk (GFile      *file,
                const char *from,
                const char *to)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  g_assert_nonnull (strstr (contents, from));
  {
    g_auto(GStrv) parts = g_strsplit (contents, from, 2);
    changed = g_strjoin (to, parts[0], parts[1], NULL);
  }
  /* Make sure the modification time differs even on coarse file systems. */
  g_usleep (20000);
  g_assert_true (g_file_replace_contents (file, changed, strlen (changed), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

static void
count_cb (WaymarkDocument *doc,
          guint           *count)
{
  (*count)++;
}

static void
test_external_change_is_detected (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  guint signalled = 0;

  g_assert_no_error (error);
  g_signal_connect (doc, "changed-on-disk", G_CALLBACK (count_cb), &signalled);

  /* Our own save is never reported as an external change. */
  edit_title (doc, "Mine");
  g_assert_true (waymark_document_save (doc, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_document_check_disk (doc));
  g_assert_cmpuint (signalled, ==, 0);

  change_on_disk (f->file, "<goal>Purchase</goal>", "<goal>Newsletter sign-up</goal>");
  g_assert_true (waymark_document_check_disk (doc));
  g_assert_true (waymark_document_check_disk (doc));
  g_assert_cmpuint (signalled, ==, 1);   /* once per new version */

  /* Saving over the teammate's work is refused unless asked. */
  edit_title (doc, "Mine again");
  g_assert_false (waymark_document_save (doc, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_load_contents (f->file, NULL, &contents, NULL, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Newsletter sign-up"));
  }
  g_assert_true (waymark_document_save (doc, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_document_is_modified (doc));
}

static void
test_touch_is_not_a_change (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *path = g_file_get_path (f->file);

  g_assert_no_error (error);
  g_usleep (20000);
  g_assert_cmpint (g_utime (path, NULL), ==, 0);
  g_assert_false (waymark_document_check_disk (doc));
}

/* `cp -p`: another program writes the file and puts its modification
 * time back, so GIO's etag is unchanged.  The bytes changed (same size,
 * the hardest case): it must be reported, and Save must refuse. */
static void
test_copy_keeping_mtime_is_a_change (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *path = g_file_get_path (f->file);
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autofree char *contents = NULL;
  struct stat st;
  guint signalled = 0;

  g_assert_no_error (error);
  g_signal_connect (doc, "changed-on-disk", G_CALLBACK (count_cb), &signalled);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  before = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);

  /* Same length: "Purchase" and "Purchasd". */
  change_on_disk (f->file, "<goal>Purchase</goal>", "<goal>Purchasd</goal>");
  {
    struct timespec times[2] = { st.st_atim, st.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  after = g_file_query_info (f->file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
  /* The premise: GIO cannot tell the versions apart. */
  g_assert_cmpstr (g_file_info_get_etag (after), ==, g_file_info_get_etag (before));

  g_assert_true (waymark_document_check_disk (doc));
  g_assert_cmpuint (signalled, ==, 1);

  edit_title (doc, "Mine");
  g_assert_false (waymark_document_save (doc, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_true (g_file_load_contents (f->file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<goal>Purchasd</goal>"));
}

static void
test_reload_replaces_journey (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  WaymarkJourney *before;

  g_assert_no_error (error);
  before = waymark_document_get_journey (doc);
  edit_title (doc, "Unsaved");
  change_on_disk (f->file, "<goal>Purchase</goal>", "<goal>Event registration</goal>");
  g_assert_true (waymark_document_reload (doc, &error));
  g_assert_no_error (error);
  g_assert_true (waymark_document_get_journey (doc) != before);
  g_assert_cmpstr (waymark_journey_get_text (waymark_document_get_journey (doc), WAYMARK_FIELD_GOAL),
                   ==, "Event registration");
  g_assert_false (waymark_document_is_modified (doc));
  g_assert_false (waymark_history_can_undo (waymark_document_get_history (doc)));
}

static int
dead_pid (void)
{
  GPid pid;
  const char *argv[] = { "true", NULL };
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL));
  waitpid (pid, &status, 0);
  return pid;
}

/* Pretends the entry was written by a process that has since died. */
static void
orphan_entry (const char *key)
{
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *name = g_strconcat (key, ".info", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (info, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_integer (info, "Recovery", "pid", dead_pid ());
  g_assert_true (g_key_file_save_to_file (info, path, NULL));
}

static void
test_recovery_restores_when_unchanged (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WaymarkDocument) reopened = NULL;
  g_autofree char *key = waymark_recovery_key_for (f->file);
  WaymarkRecoveryEntry *entry;

  g_assert_no_error (error);
  edit_title (doc, "Workshop result");
  g_assert_true (waymark_document_write_recovery (doc, &error));
  g_assert_no_error (error);

  /* While this process runs, the entry is not an orphan. */
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  orphan_entry (key);
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpint (waymark_recovery_check (entry), ==, WAYMARK_RECOVERY_RESTORABLE);

  reopened = waymark_document_load (f->file, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_document_restore_snapshot (reopened, entry->snapshot_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (waymark_journey_get_text (waymark_document_get_journey (reopened), WAYMARK_FIELD_TITLE),
                   ==, "Workshop result");
  g_assert_true (waymark_document_is_modified (reopened));

  /* Saving ends the journal entry. */
  g_assert_true (waymark_document_save (reopened, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
test_recovery_set_aside_when_file_changed (Fixture       *f,
                                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *key = waymark_recovery_key_for (f->file);
  g_autofree char *aside = NULL;
  WaymarkRecoveryEntry *entry;

  g_assert_no_error (error);
  edit_title (doc, "My unsaved work");
  g_assert_true (waymark_document_write_recovery (doc, &error));
  orphan_entry (key);

  /* A git pull changed the file in the meantime. */
  change_on_disk (f->file, "<goal>Purchase</goal>", "<goal>Repeat purchase</goal>");
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpint (waymark_recovery_check (entry), ==, WAYMARK_RECOVERY_FILE_CHANGED);

  aside = waymark_recovery_set_aside (entry, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "My unsaved work"));
  }
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
}

static void
test_recovery_debounced_after_edit (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *key = waymark_recovery_key_for (f->file);
  g_autofree char *name = g_strconcat (key, ".journey", NULL);
  g_autofree char *snapshot = g_build_filename (dir, name, NULL);
  gint64 deadline;

  g_assert_no_error (error);
  edit_title (doc, "Typed");
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  deadline = g_get_monotonic_time () + (WAYMARK_DOCUMENT_RECOVERY_DELAY + 3) * G_USEC_PER_SEC;
  while (!g_file_test (snapshot, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));

  /* Undoing back to the saved state removes the entry. */
  waymark_history_undo (waymark_document_get_history (doc));
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
}

/* The Preferences can switch the journal off (and change its delay). */
static void
test_recovery_switched_off (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *key = waymark_recovery_key_for (f->file);
  g_autofree char *name = g_strconcat (key, ".journey", NULL);
  g_autofree char *snapshot = g_build_filename (dir, name, NULL);
  gint64 deadline;

  g_assert_no_error (error);
  g_assert_cmpuint (waymark_document_get_recovery_delay (doc), ==, WAYMARK_DOCUMENT_RECOVERY_DELAY);

  /* A delay of one second writes within one second and a bit. */
  waymark_document_set_recovery_delay (doc, 1);
  edit_title (doc, "Typed");
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (!g_file_test (snapshot, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));

  /* Off: the journal goes, and later edits write none. */
  waymark_document_set_recovery_delay (doc, 0);
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  edit_title (doc, "Typed more");
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_false (g_file_test (snapshot, G_FILE_TEST_EXISTS));
}

static void
test_lock_other_and_stale (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) lock = waymark_lock_file_for (f->file);
  g_autoptr(WaymarkLockInfo) other = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;

  g_assert_true (waymark_lock_acquire (f->file, "Anna", &error));
  g_assert_no_error (error);
  g_assert_null (waymark_lock_read_other (f->file));   /* our own */

  text = g_strdup_printf ("Ben\nother-host.example\n4242\n%" G_GINT64_FORMAT "\n",
                          g_get_real_time () / G_USEC_PER_SEC);
  g_assert_true (g_file_replace_contents (lock, text, strlen (text), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  other = waymark_lock_read_other (f->file);
  g_assert_nonnull (other);
  g_assert_cmpstr (other->user, ==, "Ben");
  described = waymark_lock_info_describe (other);
  g_assert_nonnull (strstr (described, "Ben"));
  g_assert_nonnull (strstr (described, "other-host.example"));

  /* A lock of a process on this host that is gone is stale. */
  g_free (text);
  text = g_strdup_printf ("Ben\n%s\n%d\n0\n", g_get_host_name (), dead_pid ());
  g_assert_true (g_file_replace_contents (lock, text, strlen (text), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_null (waymark_lock_read_other (f->file));

  /* Release removes only our own lock. */
  g_assert_true (waymark_lock_acquire (f->file, "Anna", &error));
  waymark_lock_release (f->file);
  g_assert_false (g_file_query_exists (lock, NULL));
}

static void
test_newer_format_is_read_only (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = NULL;

  change_on_disk (f->file, "format=\"1\"", "format=\"7\"");
  doc = waymark_document_load (f->file, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_document_is_read_only (doc));
  g_assert_nonnull (strstr (waymark_document_get_read_only_reason (doc), "7"));
  g_assert_false (waymark_document_save (doc, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/document/external-change", test_external_change_is_detected);
  ADD ("/document/touch-is-not-a-change", test_touch_is_not_a_change);
  ADD ("/document/copy-keeping-mtime", test_copy_keeping_mtime_is_a_change);
  ADD ("/document/reload", test_reload_replaces_journey);
  ADD ("/document/newer-format-read-only", test_newer_format_is_read_only);
  ADD ("/recovery/restore-when-unchanged", test_recovery_restores_when_unchanged);
  ADD ("/recovery/set-aside-when-changed", test_recovery_set_aside_when_file_changed);
  ADD ("/recovery/debounced", test_recovery_debounced_after_edit);
  ADD ("/recovery/switched-off", test_recovery_switched_off);
  ADD ("/lock/other-and-stale", test_lock_other_and_stale);
#undef ADD

  return g_test_run ();
}
