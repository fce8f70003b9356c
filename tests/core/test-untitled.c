/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "waymark-document.h"
#include "waymark-edits.h"
#include "waymark-recovery.h"

/* Untitled documents: a new map, or one made from a template, that has no
 * file yet. */

static char *test_dir;

static int
dead_pid (void)
{
  const char *argv[] = { "true", NULL };
  GPid pid;
  int status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL));
  waitpid (pid, &status, 0);
  return pid;
}

static WaymarkDocument *
new_untitled (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "From a template");
  return waymark_document_new_untitled (journey);
}

static void
test_untitled_is_unmodified_until_edited (void)
{
  g_autoptr(WaymarkDocument) doc = new_untitled ();
  g_autoptr(WaymarkDocument) other = new_untitled ();

  g_assert_true (waymark_document_is_untitled (doc));
  g_assert_null (waymark_document_get_file (doc));
  g_assert_false (waymark_document_is_modified (doc));
  g_assert_cmpstr (waymark_document_get_title (doc), ==, "Untitled Journey");
  /* Keyed by a generated id: two untitled maps never share a journal entry. */
  g_assert_true (g_str_has_prefix (waymark_document_get_recovery_key (doc), "untitled-"));
  g_assert_cmpstr (waymark_document_get_recovery_key (doc), !=, waymark_document_get_recovery_key (other));

  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, "Edited");
  g_assert_true (waymark_document_is_modified (doc));
  waymark_document_discard_recovery (doc);
}

static void
test_untitled_save_needs_a_file (void)
{
  g_autoptr(WaymarkDocument) doc = new_untitled ();
  g_autoptr(GFile) file = g_file_new_build_filename (test_dir, "saved.journey", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_key = NULL;
  g_autofree char *contents = NULL;

  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, "Saved at last");
  g_assert_false (waymark_document_save (doc, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (waymark_document_is_modified (doc));
  g_clear_error (&error);

  old_key = g_strdup (waymark_document_get_recovery_key (doc));
  g_assert_true (waymark_document_save_as (doc, file, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_document_is_untitled (doc));
  g_assert_false (waymark_document_is_modified (doc));
  g_assert_cmpstr (waymark_document_get_title (doc), ==, "saved.journey");
  /* From now on the journal is keyed by the file. */
  g_assert_cmpstr (waymark_document_get_recovery_key (doc), !=, old_key);
  g_assert_false (g_str_has_prefix (waymark_document_get_recovery_key (doc), "untitled-"));
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Saved at last"));
}

static void
test_untitled_recovery (void)
{
  g_autoptr(WaymarkDocument) doc = new_untitled ();
  g_autoptr(WaymarkDocument) restored = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkRecoveryEntry *entry;

  /* Unedited: nothing to recover. */
  g_assert_true (waymark_document_write_recovery (doc, NULL));
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_clear_pointer (&orphans, g_ptr_array_unref);

  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, "Typed, never saved");
  g_assert_true (waymark_document_write_recovery (doc, &error));
  g_assert_no_error (error);

  /* The process "crashes". */
  name = g_strconcat (waymark_document_get_recovery_key (doc), ".info", NULL);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (info, "Recovery", "pid", dead_pid ());
  g_assert_true (g_key_file_save_to_file (info, path, NULL));

  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_null (entry->path);
  g_assert_cmpstr (entry->key, ==, waymark_document_get_recovery_key (doc));
  g_assert_cmpint (waymark_recovery_check (entry), ==, WAYMARK_RECOVERY_UNTITLED);

  /* Restored as an untitled document with unsaved changes. */
  {
    g_autoptr(WaymarkJourney) empty = waymark_journey_new ();

    restored = waymark_document_new_untitled (empty);
  }
  g_assert_true (waymark_document_restore_snapshot (restored, entry->snapshot_path, &error));
  g_assert_no_error (error);
  g_assert_true (waymark_document_is_untitled (restored));
  g_assert_true (waymark_document_is_modified (restored));
  g_assert_cmpstr (waymark_journey_get_text (waymark_document_get_journey (restored), WAYMARK_FIELD_TITLE),
                   ==, "Typed, never saved");

  waymark_recovery_discard (entry->key);
  waymark_document_discard_recovery (restored);
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *recovery = NULL;
  g_autofree char *cmd = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("waymark-untitled-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  recovery = g_build_filename (test_dir, "recovery", NULL);
  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);

  g_test_add_func ("/untitled/unmodified-until-edited", test_untitled_is_unmodified_until_edited);
  g_test_add_func ("/untitled/save-needs-a-file", test_untitled_save_needs_a_file);
  g_test_add_func ("/untitled/recovery", test_untitled_recovery);

  status = g_test_run ();
  cmd = g_strdup_printf ("rm -rf '%s'", test_dir);
  (void) !system (cmd);
  return status;
}
