/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "waymark-document.h"
#include "waymark-edits.h"
#include "waymark-recovery.h"
#include "waymark-snapshot.h"
#include "waymark-writer.h"

/* Saving and the recovery journal on a worker thread: the snapshot keeps
 * the state it was taken from whatever is edited meanwhile, an edit made
 * during a save is kept and leaves the map modified, and journal writes
 * that end late never bring back an older state. */

typedef struct {
  char *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *source = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recovery = NULL;
  gsize length;

  g_assert_nonnull (datadir);
  source = g_build_filename (datadir, "templates", "example-fitness-watch.journey", NULL);
  f->dir = g_dir_make_tmp ("waymark-save-async-XXXXXX", NULL);
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
  /* A save that ends with edits left starts a journal write: let it end
   * before its folder goes. */
  while (waymark_document_get_n_writes () > 0)
    g_main_context_iteration (NULL, TRUE);
  remove_tree (f->dir);
  g_free (f->dir);
  g_object_unref (f->file);
}

static WaymarkTouchpoint *
touchpoint_at (WaymarkDocument *doc,
               guint            index)
{
  return waymark_journey_get_item (waymark_document_get_journey (doc), WAYMARK_ITEM_TOUCHPOINT, index);
}

/* Every kind of edit: in place (the journey's text, an item swapped),
 * an item added, one removed, one moved. */
static void
edit_everything (WaymarkDocument *doc)
{
  WaymarkHistory *history = waymark_document_get_history (doc);
  WaymarkTouchpoint *tp = touchpoint_at (doc, 0);
  WaymarkTouchpoint *edited = waymark_item_copy (tp);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();

  waymark_edits_set_text (history, WAYMARK_FIELD_TITLE, "Edited while saving");
  g_free (edited->title);
  edited->title = g_strdup ("Renamed while saving");
  edited->has_emotion = TRUE;
  edited->emotion = -2;
  waymark_edits_update (history, tp, edited, NULL);
  waymark_edits_add_touchpoint (history, tp->phase, tp->lane, 0, "Added while saving", NULL);
  g_ptr_array_add (gone, touchpoint_at (doc, 3));
  waymark_edits_delete (history, gone);
}

static void
test_snapshot_keeps_its_state (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) now = NULL;
  WaymarkSnapshot *snapshot;

  g_assert_no_error (error);
  before = waymark_writer_write (waymark_document_get_journey (doc));
  snapshot = waymark_snapshot_new (waymark_document_get_journey (doc));
  edit_everything (doc);
  after = waymark_writer_write (waymark_document_get_journey (doc));
  g_assert_false (g_bytes_equal (before, after));
  /* The renamed card was copied before it changed in place. */
  g_assert_cmpuint (waymark_snapshot_get_n_preserved (snapshot), >=, 1);

  written = waymark_writer_write_snapshot (snapshot);
  g_assert_true (g_bytes_equal (written, before));
  waymark_snapshot_free (snapshot);

  /* And the journey itself is as edited, untouched by the snapshot. */
  now = waymark_writer_write (waymark_document_get_journey (doc));
  g_assert_true (g_bytes_equal (now, after));
}

/* Edits on the main thread while a worker serialises the snapshot over
 * and over: each result is the state the snapshot was taken from. */
static gpointer
write_repeatedly (gpointer data)
{
  WaymarkSnapshot *snapshot = data;
  GBytes *first = waymark_writer_write_snapshot (snapshot);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GBytes) again = waymark_writer_write_snapshot (snapshot);

      g_assert_true (g_bytes_equal (again, first));
    }
  return first;
}

static void
test_snapshot_under_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) written = NULL;
  WaymarkHistory *history;
  WaymarkSnapshot *snapshot;
  GThread *thread;

  g_assert_no_error (error);
  history = waymark_document_get_history (doc);
  before = waymark_writer_write (waymark_document_get_journey (doc));
  snapshot = waymark_snapshot_new (waymark_document_get_journey (doc));
  thread = g_thread_new ("writer", write_repeatedly, snapshot);
  for (guint i = 0; i < 200; i++)
    {
      guint n = waymark_journey_get_n_items (waymark_document_get_journey (doc), WAYMARK_ITEM_TOUCHPOINT);
      WaymarkTouchpoint *tp = touchpoint_at (doc, i % n);
      WaymarkTouchpoint *edited = waymark_item_copy (tp);
      g_autofree char *title = g_strdup_printf ("Edit %u", i);

      g_free (edited->title);
      edited->title = g_strdup (title);
      waymark_edits_update (history, tp, edited, NULL);
      if (i % 3 == 0)
        waymark_history_undo (history);
    }
  written = g_thread_join (thread);
  g_assert_true (g_bytes_equal (written, before));
  waymark_snapshot_free (snapshot);
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError *error;
} Pending;

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Pending *pending = user_data;

  pending->ok = waymark_document_save_finish (WAYMARK_DOCUMENT (source), result, &pending->error);
  pending->done = TRUE;
}

static void
journal_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Pending *pending = user_data;

  pending->ok = waymark_document_write_recovery_finish (WAYMARK_DOCUMENT (source), result, &pending->error);
  pending->done = TRUE;
}

static void
wait_for (Pending *pending)
{
  while (!pending->done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
file_contents (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static void
test_edit_during_save_is_kept (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *on_disk = NULL;
  Pending pending = { FALSE, FALSE, NULL };
  WaymarkHistory *history;

  g_assert_no_error (error);
  history = waymark_document_get_history (doc);
  waymark_edits_set_text (history, WAYMARK_FIELD_TITLE, "Saved title");
  g_assert_true (waymark_document_is_modified (doc));

  waymark_document_save_async (doc, FALSE, NULL, save_done_cb, &pending);
  g_assert_true (waymark_document_is_saving (doc));
  /* Before the worker is done, the user goes on typing. */
  waymark_edits_set_text (history, WAYMARK_FIELD_TITLE, "Typed during the save");
  wait_for (&pending);
  g_assert_no_error (pending.error);
  g_assert_true (pending.ok);
  g_assert_false (waymark_document_is_saving (doc));

  on_disk = file_contents (f->file);
  g_assert_nonnull (strstr (on_disk, "Saved title"));
  g_assert_null (strstr (on_disk, "Typed during the save"));
  /* The edit is in the map and not on disk: still modified. */
  g_assert_true (waymark_document_is_modified (doc));
  g_assert_cmpstr (waymark_journey_get_text (waymark_document_get_journey (doc), WAYMARK_FIELD_TITLE),
                   ==, "Typed during the save");
  /* Undoing it returns to what was saved. */
  g_assert_true (waymark_history_undo (history));
  g_assert_false (waymark_document_is_modified (doc));
}

static void
count_cb (WaymarkDocument *doc,
          guint           *count)
{
  (*count)++;
}

/* The file monitor tells of our own save's rename before the save has
 * ended: looking at the disk then must not take it for someone else's. */
static void
test_own_save_is_no_change_on_disk (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  Pending pending = { FALSE, FALSE, NULL };
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (doc, "changed-on-disk", G_CALLBACK (count_cb), &changed);
  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, "Ours");
  waymark_document_save_async (doc, FALSE, NULL, save_done_cb, &pending);
  while (!pending.done)
    {
      g_assert_false (waymark_document_check_disk (doc));
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_no_error (pending.error);
  g_assert_false (waymark_document_check_disk (doc));
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_saves_in_a_row (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *on_disk = NULL;
  Pending first = { FALSE, FALSE, NULL };
  Pending second = { FALSE, FALSE, NULL };
  WaymarkHistory *history;

  g_assert_no_error (error);
  history = waymark_document_get_history (doc);
  waymark_edits_set_text (history, WAYMARK_FIELD_TITLE, "First");
  waymark_document_save_async (doc, FALSE, NULL, save_done_cb, &first);
  waymark_edits_set_text (history, WAYMARK_FIELD_TITLE, "Second");
  /* Queued behind the first, which changes the stamp the second
   * compares: no conflict with our own save. */
  waymark_document_save_async (doc, FALSE, NULL, save_done_cb, &second);
  wait_for (&first);
  wait_for (&second);
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  on_disk = file_contents (f->file);
  g_assert_nonnull (strstr (on_disk, "Second"));
  g_assert_false (waymark_document_is_modified (doc));
}

static void
test_save_error_message (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autofree char *folder = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *path = g_build_filename (folder, "map.journey", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (path);
  g_autoptr(GError) sync_error = NULL;
  Pending pending = { FALSE, FALSE, NULL };

  g_assert_no_error (error);
  g_assert_false (waymark_document_save_as (doc, nowhere, &sync_error));
  waymark_document_save_as_async (doc, nowhere, NULL, save_done_cb, &pending);
  wait_for (&pending);
  g_assert_false (pending.ok);
  /* The same error, in the same words, as a save on the main thread. */
  g_assert_error (pending.error, sync_error->domain, sync_error->code);
  g_assert_cmpstr (pending.error->message, ==, sync_error->message);
  g_clear_error (&pending.error);
}

static void
test_journal_in_background (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) doc = waymark_document_load (f->file, &error);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *name = NULL;
  g_autofree char *entry = NULL;
  Pending pending = { FALSE, FALSE, NULL };

  g_assert_no_error (error);
  waymark_edits_set_text (waymark_document_get_history (doc), WAYMARK_FIELD_TITLE, "Journaled");
  waymark_document_write_recovery_async (doc, NULL, journal_done_cb, &pending);
  wait_for (&pending);
  g_assert_no_error (pending.error);
  name = g_strconcat (waymark_document_get_recovery_key (doc), ".journey", NULL);
  entry = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_test (entry, G_FILE_TEST_IS_REGULAR));

  /* Discarded at once, whatever the worker thread still does. */
  waymark_document_discard_recovery (doc);
  g_assert_false (g_file_test (entry, G_FILE_TEST_EXISTS));
}

/* A write that ends after a newer one, or after a discard, never lands. */
static void
test_gate_orders_writes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WaymarkRecoveryGate) gate = waymark_recovery_gate_new ();
  g_autoptr(GBytes) one = g_bytes_new_static ("one", 3);
  g_autoptr(GBytes) two = g_bytes_new_static ("two", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *path = g_build_filename (dir, "gate-test.journey", NULL);
  g_autofree char *contents = NULL;
  guint64 first, second, third;

  first = waymark_recovery_gate_begin_write (gate);
  second = waymark_recovery_gate_begin_write (gate);
  g_assert_true (waymark_recovery_write_gated (gate, second, "gate-test", NULL, "Map", NULL, two, &error));
  g_assert_true (waymark_recovery_write_gated (gate, first, "gate-test", NULL, "Map", NULL, one, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "two");

  third = waymark_recovery_gate_begin_write (gate);
  waymark_recovery_gate_discard (gate, "gate-test");
  g_assert_true (waymark_recovery_write_gated (gate, third, "gate-test", NULL, "Map", NULL, one, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/save-async/snapshot-keeps-its-state", test_snapshot_keeps_its_state);
  ADD ("/save-async/snapshot-under-edits", test_snapshot_under_edits);
  ADD ("/save-async/edit-during-save-is-kept", test_edit_during_save_is_kept);
  ADD ("/save-async/saves-in-a-row", test_saves_in_a_row);
  ADD ("/save-async/own-save-is-no-change-on-disk", test_own_save_is_no_change_on_disk);
  ADD ("/save-async/error-message", test_save_error_message);
  ADD ("/save-async/journal", test_journal_in_background);
  ADD ("/save-async/gate-orders-writes", test_gate_orders_writes);
#undef ADD

  return g_test_run ();
}
