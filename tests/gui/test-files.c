/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-files"
/* c_std=c11 hides POSIX: utimensat, st_mtim. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "gui-test.h"
#include "waymark-application.h"
#include "waymark-edits.h"
#include "waymark-lock.h"
#include "waymark-recovery.h"
#include "waymark-window.h"
#include "waymark-window-private.h"

/* File management in the window: Save As, and the dialog for a file that
 * someone else changed since it was opened. */

#define JOURNEY(title) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n" \
  "  <title>" title "</title>\n" \
  "  <state>as-is</state>\n" \
  "</journey>\n"

static char *test_dir;

/* With WAYMARK_TEST_SCREENSHOTS=DIR, saves what @widget shows to DIR/@name. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_TEST_SCREENSHOTS"), name, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  for (int i = 0; i < 20; i++)
    {
      g_usleep (20000);
      gui_test_iterate ();
    }
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

static WaymarkWindow *
open_window (GFile *file)
{
  WaymarkWindow *window = waymark_window_new (NULL);

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  g_assert_nonnull (waymark_window_get_document (window));
  return window;
}

/* Someone else writes the file; the etag must differ from ours. */
static void
external_write (GFile      *file,
                const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_usleep (20000);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_default_file_name (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "name.journey", JOURNEY ("Onboarding: a/b test?"));
  WaymarkWindow *window = open_window (file);
  g_autofree char *name = _waymark_window_default_file_name (window);

  g_assert_cmpstr (name, ==, "Onboarding- a-b test-.journey");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_as (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "original.journey", JOURNEY ("Original"));
  g_autoptr(GFile) copy = g_file_new_build_filename (test_dir, "copy.journey", NULL);
  WaymarkWindow *window = open_window (file);
  g_autofree char *saved = NULL;
  g_autofree char *original = NULL;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  gui_test_edit_title (window, "Renamed");
  g_assert_true (waymark_window_save_to (window, copy));
  gui_test_iterate ();

  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_true (g_file_equal (waymark_window_get_file (window), copy));
  saved = gui_test_read_file (copy);
  g_assert_nonnull (strstr (saved, "Renamed"));
  /* The original is as it was. */
  original = gui_test_read_file (file);
  g_assert_null (strstr (original, "Renamed"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Renamed");

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
save_over_foreign_change (WaymarkWindow *window,
                          GFile         *file)
{
  AdwMessageDialog *dialog;

  gui_test_edit_title (window, "Mine");
  external_write (file, JOURNEY ("Theirs"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();

  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“etag.journey” was changed by someone else");
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-copy"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "overwrite"), ==, ADW_RESPONSE_DESTRUCTIVE);
  return dialog;
}

static void
test_changed_by_someone_else (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "etag.journey", JOURNEY ("Original"));
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  /* Cancel: nothing is written, nothing is lost. */
  dialog = save_over_foreign_change (window, file);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Theirs"));
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  g_clear_pointer (&contents, g_free);

  /* Overwrite: ours replaces theirs. */
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_null (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "overwrite");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Mine"));
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  g_clear_pointer (&contents, g_free);

  /* Reload: theirs replaces ours. */
  dialog = save_over_foreign_change (window, file);
  gui_test_edit_title (window, "Mine again");
  adw_message_dialog_response (dialog, "reload");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (window), WAYMARK_FIELD_TITLE), ==, "Theirs");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_error_is_shown (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "error.journey", JOURNEY ("Original"));
  g_autoptr(GFile) nowhere = g_file_new_build_filename (test_dir, "no-such-folder", "x.journey", NULL);
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog;

  gui_test_edit_title (window, "Unsaved");
  g_assert_false (waymark_window_save_to (window, nowhere));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save “x.journey”");
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Nothing is lost. */
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_true (g_file_equal (waymark_window_get_file (window), file));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Closing with unsaved changes ---- */

static AdwMessageDialog *
close_with_changes (WaymarkWindow *window,
                    const char    *title)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  gui_test_edit_title (window, title);
  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  body = g_strdup_printf ("“%s” has unsaved changes. Changes which are not saved will be permanently lost.", title);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "save"), ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  return dialog;
}

static gboolean
has_orphans (void)
{
  g_autoptr(GPtrArray) orphans = waymark_recovery_list_orphans ();

  return orphans != NULL && orphans->len > 0;
}

static void
test_close_unsaved (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "close.journey", JOURNEY ("Original"));
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  /* Nothing changed: the window closes without asking. */
  {
    WaymarkWindow *clean = open_window (file);
    gpointer clean_weak = clean;

    g_object_add_weak_pointer (G_OBJECT (clean), &clean_weak);
    gtk_window_close (GTK_WINDOW (clean));
    gui_test_iterate ();
    g_assert_null (clean_weak);
  }

  /* Cancel keeps the window and the changes. */
  dialog = close_with_changes (window, "Kept");
  if (g_getenv ("WAYMARK_TEST_SCREENSHOTS") != NULL)
    {
      screenshot (GTK_WIDGET (dialog), "unsaved-dialog.png");
      screenshot (GTK_WIDGET (window), "unsaved-window.png");
    }
  gui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));

  /* Save saves, then closes. */
  dialog = close_with_changes (window, "Saved on close");
  gui_test_respond (dialog, "save");
  g_assert_null (weak);
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Saved on close"));

  /* Discard closes and drops the recovery journal. */
  window = open_window (file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  dialog = close_with_changes (window, "Thrown away");
  g_assert_true (waymark_document_write_recovery (waymark_window_get_document (window), NULL));
  gui_test_respond (dialog, "discard");
  g_assert_null (weak);
  g_assert_false (has_orphans ());
  g_clear_pointer (&contents, g_free);
  contents = gui_test_read_file (file);
  g_assert_null (strstr (contents, "Thrown away"));
}

/* A save that fails keeps the window open. */
static void
test_close_save_fails (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "close-fails.journey", JOURNEY ("Original"));
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  dialog = close_with_changes (window, "Mine");
  external_write (file, JOURNEY ("Theirs"));
  gui_test_respond (dialog, "save");
  /* The file changed on disk: the save asks first. */
  g_assert_nonnull (weak);
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“close-fails.journey” was changed by someone else");
  gui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));

  /* Overwrite then closes, as the user asked. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "save");
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "overwrite");
  g_assert_null (weak);
}

/* ---- Changes on disk ---- */

static GtkRevealer *
disk_banner (WaymarkWindow *window)
{
  GtkWidget *banner = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER, "disk-banner");

  g_assert_nonnull (banner);
  return GTK_REVEALER (banner);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits up to @ms for the banner to show (the file monitor is async). */
static gboolean
wait_for_banner (WaymarkWindow *window,
                 guint          ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (ms, timeout_cb, &timed_out);

  while (!timed_out && !gtk_revealer_get_reveal_child (disk_banner (window)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return gtk_revealer_get_reveal_child (disk_banner (window));
}

static void
test_changed_on_disk_banner (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "banner.journey", JOURNEY ("Original"));
  WaymarkWindow *window = open_window (file);

  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));

  /* Our own save is no change by someone else. */
  gui_test_edit_title (window, "Ours");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_false (wait_for_banner (window, 500));

  /* Someone else writes it; the window looks when it gets the focus. */
  external_write (file, JOURNEY ("Theirs"));
  g_object_notify (G_OBJECT (window), "is-active");
  if (gtk_window_is_active (GTK_WINDOW (window)))
    g_assert_true (gtk_revealer_get_reveal_child (disk_banner (window)));
  /* Otherwise (no window manager under Xvfb) the file monitor notices. */
  g_assert_true (wait_for_banner (window, 5000));
  if (g_getenv ("WAYMARK_TEST_SCREENSHOTS") != NULL)
    screenshot (GTK_WIDGET (window), "banner.png");

  /* Reload brings their version and hides the banner. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-from-disk", NULL));
  gui_test_iterate ();
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (window), WAYMARK_FIELD_TITLE), ==, "Theirs");
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));

  /* Keep Mine hides it and keeps the edits; the next save asks. */
  gui_test_edit_title (window, "Mine");
  external_write (file, JOURNEY ("Theirs again"));
  waymark_document_check_disk (waymark_window_get_document (window));
  g_assert_true (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (disk_banner (window)));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (window), WAYMARK_FIELD_TITLE), ==, "Mine");

  waymark_document_discard_recovery (waymark_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* `cp -p` from a teammate's copy: other bytes of the same size under the
 * same modification time (GIO's etag).  The banner must show, and Save
 * must ask rather than overwrite. */
static void
test_copy_keeping_mtime (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "copied.journey", JOURNEY ("Original"));
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autofree char *contents = NULL;
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog;
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  before = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
  external_write (file, JOURNEY ("Replaced"));
  {
    struct timespec times[2] = { st.st_atim, st.st_mtim };

    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  }
  after = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, 0, NULL, NULL);
  g_assert_cmpstr (g_file_info_get_etag (after), ==, g_file_info_get_etag (before));

  /* What the window does when it gets the focus (the file monitor may
   * have shown the banner already, for the rename). */
  waymark_document_check_disk (waymark_window_get_document (window));
  g_assert_true (gtk_revealer_get_reveal_child (disk_banner (window)));

  gui_test_edit_title (window, "Mine");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“copied.journey” was changed by someone else");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Replaced"));

  waymark_document_discard_recovery (waymark_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Locks ---- */

static void
test_foreign_lock (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "locked.journey", JOURNEY ("Shared"));
  g_autoptr(GFile) lock = gui_test_write_file (test_dir, ".locked.journey.waymark-lock", "Ada\nother-host.example\n4242\n1700000000\n");
  WaymarkWindow *window = open_window (file);
  AdwMessageDialog *dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_autofree char *contents = NULL;
  GtkWidget *banner, *label, *edit;

  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog),
                                   "“locked.journey” is opened by Ada on other-host.example since "));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "read-only");
  gui_test_respond (dialog, "read-only");
  g_assert_true (waymark_window_get_read_only (window));
  /* The banner says why and offers Edit: while Ada is still there, Edit
   * asks the same question again. */
  banner = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "read-only-banner");
  g_assert_true (gtk_widget_get_visible (banner));
  label = gui_test_find_widget (banner, GTK_TYPE_LABEL, NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Opened read-only because someone else has it open.");
  edit = gui_test_find_widget (banner, GTK_TYPE_BUTTON, NULL);
  g_assert_true (gtk_widget_get_visible (edit));
  /* The button's text is a label of its own (named by it, not twice). */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (edit)))), ==, "_Edit");
  g_signal_emit_by_name (edit, "clicked");
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gui_test_respond (dialog, "read-only");
  g_assert_true (waymark_window_get_read_only (window));
  /* Their lock stays. */
  contents = gui_test_read_file (lock);
  g_assert_true (g_str_has_prefix (contents, "Ada\n"));
  g_clear_pointer (&contents, g_free);
  /* Once Ada has closed it, Edit makes it editable and takes the lock. */
  g_assert_true (g_file_delete (lock, NULL, NULL));
  g_signal_emit_by_name (edit, "clicked");
  gui_test_iterate ();
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_false (waymark_window_get_read_only (window));
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_false (gtk_widget_get_visible (edit));
  g_assert_true (g_file_query_exists (lock, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_file_query_exists (lock, NULL));
  g_clear_object (&lock);
  lock = gui_test_write_file (test_dir, ".locked.journey.waymark-lock", "Ada\nother-host.example\n4242\n1700000000\n");

  /* Edit Anyway takes the lock over; closing gives it up. */
  window = open_window (file);
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "edit");
  g_assert_false (waymark_window_get_read_only (window));
  g_assert_null (waymark_lock_read_other (file));
  contents = gui_test_read_file (lock);
  g_assert_false (g_str_has_prefix (contents, "Ada\n"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_file_query_exists (lock, NULL));
}

static void
test_own_lock (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "mine.journey", JOURNEY ("Mine"));
  g_autoptr(GFile) lock = waymark_lock_file_for (file);
  WaymarkWindow *window = open_window (file);

  /* Nobody else: no question, our lock is written and removed on close. */
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (g_file_query_exists (lock, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_file_query_exists (lock, NULL));
}

/* ---- Recovery after a crash ---- */

/* Edits @file in a window that then "crashes": its journal entry is left
 * behind as if by a process that has died.  Returns the orphaned entry. */
static WaymarkRecoveryEntry *
crash_with_edit (GFile      *file,
                 const char *title)
{
  WaymarkWindow *window = open_window (file);
  g_autofree char *key = waymark_recovery_key_for (file);
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *name = g_strconcat (key, ".info", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GPtrArray) orphans = NULL;

  gui_test_edit_title (window, title);
  g_assert_true (waymark_document_write_recovery (waymark_window_get_document (window), NULL));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  g_assert_true (g_key_file_load_from_file (info, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
  g_key_file_set_integer (info, "Recovery", "pid", gui_test_dead_pid ());
  g_assert_true (g_key_file_save_to_file (info, path, NULL));

  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  return g_ptr_array_steal_index (orphans, 0);
}

static void
test_recovery_restores (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "crash.journey", JOURNEY ("Before the crash"));
  g_autoptr(WaymarkRecoveryEntry) entry = crash_with_edit (file, "Typed before the crash");
  WaymarkWindow *window = waymark_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (waymark_window_recover (window, entry));
  gui_test_iterate ();
  g_assert_true (g_file_equal (waymark_window_get_file (window), file));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (window), WAYMARK_FIELD_TITLE), ==,
                   "Typed before the crash");
  /* Restored changes are unsaved changes: closing would ask. */
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Typed before the crash");
  /* A toast says so, and goes away again: it covers the bottom lane. */
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"), NULL));
  for (guint waited = 0;
       waited < 15000 && gui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"), NULL) != NULL;
       waited += 250)
    gui_test_spin (250);
  g_assert_null (gui_test_find_widget (GTK_WIDGET (window), g_type_from_name ("AdwToastWidget"), NULL));

  waymark_document_discard_recovery (waymark_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recovery_file_changed (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "crash-changed.journey", JOURNEY ("Before the crash"));
  g_autoptr(WaymarkRecoveryEntry) entry = crash_with_edit (file, "Lost in the crash?");
  WaymarkWindow *window = waymark_window_new (NULL);
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) orphans = NULL;

  external_write (file, JOURNEY ("Changed meanwhile"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (waymark_window_recover (window, entry));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Unsaved Changes to “crash-changed.journey” Were Kept Aside");
  /* It names where the changes are. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "set-aside"));
  gui_test_respond (dialog, "close");
  /* Set aside, not offered again. */
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recovery_file_gone (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "crash-gone.journey", JOURNEY ("Before the crash"));
  g_autoptr(WaymarkRecoveryEntry) entry = crash_with_edit (file, "Rescued");
  WaymarkWindow *window = waymark_window_new (NULL);
  g_autoptr(GPtrArray) orphans = NULL;

  g_assert_true (g_file_delete (file, NULL, NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (waymark_window_recover (window, entry));
  gui_test_iterate ();
  g_assert_null (waymark_window_get_file (window));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (window), WAYMARK_FIELD_TITLE), ==, "Rescued");
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  /* The old entry went only after the new one was written. */
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  waymark_document_discard_recovery (waymark_window_get_document (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a sandbox with only the document portal's access the folder beside
 * the map may not take a lock file: the map opens and saves as any
 * other, without a lock and without a word about it.  A directory where
 * the lock would go stands in for the portal here (it refuses even
 * root, under which CI may run). */
static void
test_lock_cannot_be_written (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "portal.journey", JOURNEY ("Sandboxed"));
  g_autofree char *lock_path = g_build_filename (test_dir, ".portal.journey.waymark-lock", NULL);
  g_autofree char *contents = NULL;
  WaymarkWindow *window;

  g_assert_cmpint (g_mkdir (lock_path, 0755), ==, 0);
  window = open_window (file);
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_false (waymark_window_get_read_only (window));

  gui_test_edit_title (window, "Edited in the sandbox");
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Edited in the sandbox"));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
  /* Nobody's lock was touched. */
  g_assert_true (g_file_test (lock_path, G_FILE_TEST_IS_DIR));
  g_rmdir (lock_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery = NULL;
  int status;

  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  test_dir = gui_test_make_dir ("waymark-files-XXXXXX");
  recovery = g_build_filename (test_dir, "recovery", NULL);
  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);

  g_test_add_func ("/files/default-file-name", test_default_file_name);
  g_test_add_func ("/files/save-as", test_save_as);
  g_test_add_func ("/files/changed-by-someone-else", test_changed_by_someone_else);
  g_test_add_func ("/files/save-error-is-shown", test_save_error_is_shown);
  g_test_add_func ("/files/close-unsaved", test_close_unsaved);
  g_test_add_func ("/files/close-save-fails", test_close_save_fails);
  g_test_add_func ("/files/changed-on-disk-banner", test_changed_on_disk_banner);
  g_test_add_func ("/files/copy-keeping-mtime", test_copy_keeping_mtime);
  g_test_add_func ("/files/foreign-lock", test_foreign_lock);
  g_test_add_func ("/files/lock-cannot-be-written", test_lock_cannot_be_written);
  g_test_add_func ("/files/own-lock", test_own_lock);
  g_test_add_func ("/files/recovery-restores", test_recovery_restores);
  g_test_add_func ("/files/recovery-file-changed", test_recovery_file_changed);
  g_test_add_func ("/files/recovery-file-gone", test_recovery_file_gone);

  status = g_test_run ();
  gui_test_remove_tree (test_dir);
  return status;
}
