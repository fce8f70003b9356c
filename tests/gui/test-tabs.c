/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-tabs"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gui-test.h"
#include "waymark-application.h"
#include "waymark-edits.h"
#include "waymark-lock.h"
#include "waymark-recovery.h"
#include "waymark-template-dialog.h"
#include "waymark-window.h"

/* Documents and windows: one map per tab, opening, closing and quitting
 * with unsaved changes, new maps from templates, recovery of untitled
 * maps, and the start page with the recent maps. */

#define JOURNEY(title) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n" \
  "  <title>" title "</title>\n" \
  "  <state>as-is</state>\n" \
  "</journey>\n"

static char *test_dir;

static WaymarkWindow *
new_window (void)
{
  WaymarkWindow *window = waymark_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  return window;
}

static AdwTabView *
tab_view (WaymarkWindow *window)
{
  return waymark_window_get_tab_view (window);
}

static int
n_tabs (WaymarkWindow *window)
{
  return adw_tab_view_get_n_pages (tab_view (window));
}

static const char *
tab_title (WaymarkWindow *window,
           int            position)
{
  return adw_tab_page_get_title (adw_tab_view_get_nth_page (tab_view (window), position));
}

static const char *
visible_page (WaymarkWindow *window)
{
  GtkWidget *stack = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, "content-stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GFile *
template_file (const char *name)
{
  g_autofree char *relative = g_strconcat ("templates/", name, NULL);
  GFile *file = waymark_application_find_data_file (relative);

  g_assert_nonnull (file);
  return file;
}

static void
new_from_template (WaymarkWindow *window,
                   const char    *name)
{
  g_autoptr(GFile) file = template_file (name);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s", uri));
  gui_test_iterate ();
}

/* ---- Tests ---- */

static void
test_two_files_two_tabs (void)
{
  g_autoptr(GFile) first = gui_test_write_file (test_dir, "first.journey", JOURNEY ("First journey"));
  g_autoptr(GFile) second = gui_test_write_file (test_dir, "second.journey", JOURNEY ("Second journey"));
  WaymarkWindow *window = new_window ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));

  waymark_window_open (window, first);
  waymark_window_open (window, second);
  g_assert_true (waymark_window_get_loading (window));
  gui_test_wait_until_loaded (window);

  g_assert_cmpint (n_tabs (window), ==, 2);
  g_assert_cmpstr (visible_page (window), ==, "editor");
  /* In the order opened, named after the files; the last one is shown. */
  g_assert_cmpstr (tab_title (window, 0), ==, "first.journey");
  g_assert_cmpstr (tab_title (window, 1), ==, "second.journey");
  g_assert_true (g_file_equal (waymark_window_get_file (window), second));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Second journey");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "second.journey");

  /* The window's title follows the selected tab; an edit marks its tab. */
  adw_tab_view_set_selected_page (tab_view (window), adw_tab_view_get_nth_page (tab_view (window), 0));
  gui_test_iterate ();
  g_assert_true (g_file_equal (waymark_window_get_file (window), first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "First journey");
  gui_test_edit_title (window, "First, edited");
  g_assert_cmpstr (tab_title (window, 0), ==, "• first.journey");
  g_assert_cmpstr (tab_title (window, 1), ==, "second.journey");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• First, edited");
  /* Undo acts on the selected tab only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (tab_title (window, 0), ==, "first.journey");

  /* Ctrl+PageUp/PageDown, Alt+1…9 and moving tabs work in the whole window. */
  {
    AdwTabViewShortcuts shortcuts = adw_tab_view_get_shortcuts (tab_view (window));

    g_assert_true (shortcuts & ADW_TAB_VIEW_SHORTCUT_CONTROL_PAGE_DOWN);
    g_assert_true (shortcuts & ADW_TAB_VIEW_SHORTCUT_CONTROL_PAGE_UP);
    g_assert_true (shortcuts & ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS);
    g_assert_true (shortcuts & ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_PAGE_UP);
  }
  /* Ctrl+PageDown: the next tab. */
  g_assert_true (adw_tab_view_select_next_page (tab_view (window)));
  g_assert_true (g_file_equal (waymark_window_get_file (window), second));

  /* Opening a file that is open already shows its tab. */
  waymark_window_open (window, first);
  gui_test_iterate ();
  g_assert_cmpint (n_tabs (window), ==, 2);
  g_assert_false (waymark_window_get_loading (window));
  g_assert_true (g_file_equal (waymark_window_get_file (window), first));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A broken file: the loader's message, and the window keeps its tabs. */
static void
test_broken_file_keeps_tabs (void)
{
  g_autoptr(GFile) good = gui_test_write_file (test_dir, "good.journey", JOURNEY ("Good"));
  g_autoptr(GFile) broken = gui_test_write_file (test_dir, "broken-tab.journey",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n"
    "  <title>Broken</title>\n"
    "  <state>sometimes</state>\n"
    "</journey>\n");
  g_autofree char *prefix = g_strdup_printf ("%s:4: ", g_file_peek_path (broken));
  WaymarkWindow *window = new_window ();
  AdwMessageDialog *dialog;

  waymark_window_open (window, good);
  waymark_window_open (window, broken);
  gui_test_wait_until_loaded (window);
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_true (g_file_equal (waymark_window_get_file (window), good));
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open “broken-tab.journey”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), prefix));
  gui_test_respond (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_tab_unsaved (void)
{
  g_autoptr(GFile) kept = gui_test_write_file (test_dir, "kept.journey", JOURNEY ("Kept"));
  g_autoptr(GFile) other = gui_test_write_file (test_dir, "other.journey", JOURNEY ("Other"));
  WaymarkWindow *window = new_window ();
  AdwMessageDialog *dialog;
  g_autofree char *contents = NULL;

  waymark_window_open (window, kept);
  waymark_window_open (window, other);
  gui_test_wait_until_loaded (window);

  /* Unchanged: Ctrl+W closes it without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_true (g_file_equal (waymark_window_get_file (window), kept));

  /* Cancel keeps the tab and its changes. */
  gui_test_edit_title (window, "Kept, edited");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Kept, edited” has unsaved changes. Changes which are not saved will be permanently lost.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  gui_test_respond (dialog, "cancel");
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));

  /* Save writes the file, then the tab closes: the start page shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "save");
  g_assert_cmpint (n_tabs (window), ==, 0);
  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_assert_null (waymark_window_get_document (window));
  contents = gui_test_read_file (kept);
  g_assert_nonnull (strstr (contents, "Kept, edited"));
  g_clear_pointer (&contents, g_free);

  /* Discard closes it and the file keeps what it had. */
  waymark_window_open (window, kept);
  gui_test_wait_until_loaded (window);
  gui_test_edit_title (window, "Thrown away");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "discard");
  g_assert_cmpint (n_tabs (window), ==, 0);
  contents = gui_test_read_file (kept);
  g_assert_null (strstr (contents, "Thrown away"));
  g_clear_pointer (&contents, g_free);

  /* Ctrl+S, then Ctrl+W at once: the save is still on its worker thread,
   * so the map counts as modified.  The close waits for the save and,
   * with nothing left unsaved, asks nothing. */
  waymark_window_open (window, kept);
  gui_test_wait_until_loaded (window);
  gui_test_edit_title (window, "Saved, then closed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (waymark_document_is_saving (waymark_window_get_document (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  g_assert_cmpint (n_tabs (window), ==, 1);
  for (guint waited = 0; n_tabs (window) > 0 && waited < 10000; waited += 50)
    gui_test_spin (50);
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpint (n_tabs (window), ==, 0);
  contents = gui_test_read_file (kept);
  g_assert_nonnull (strstr (contents, "Saved, then closed"));
  g_clear_pointer (&contents, g_free);

  /* An edit after the save started is still unsaved when it ends: the
   * close asks then. */
  waymark_window_open (window, kept);
  gui_test_wait_until_loaded (window);
  gui_test_edit_title (window, "Saved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_edit_title (window, "Edited while saving");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  for (guint waited = 0; gui_test_find_message_dialog (GTK_WINDOW (window)) == NULL && waited < 10000; waited += 50)
    gui_test_spin (50);
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "discard");
  g_assert_cmpint (n_tabs (window), ==, 0);
  contents = gui_test_read_file (kept);
  g_assert_nonnull (strstr (contents, "<title>Saved</title>"));
  g_assert_null (strstr (contents, "Edited while saving"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing a window asks once for all its unsaved maps, and lists them. */
static void
test_close_window_lists_unsaved (void)
{
  g_autoptr(GFile) one = gui_test_write_file (test_dir, "one.journey", JOURNEY ("One"));
  g_autoptr(GFile) two = gui_test_write_file (test_dir, "two.journey", JOURNEY ("Two"));
  g_autoptr(GFile) three = gui_test_write_file (test_dir, "three.journey", JOURNEY ("Three"));
  WaymarkWindow *window = new_window ();
  gpointer weak = window;
  AdwMessageDialog *dialog;
  GtkWidget *list;
  g_autofree char *contents = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  waymark_window_open (window, one);
  waymark_window_open (window, two);
  waymark_window_open (window, three);
  gui_test_wait_until_loaded (window);
  gui_test_edit_title (window, "Three, edited");
  adw_tab_view_set_selected_page (tab_view (window), adw_tab_view_get_nth_page (tab_view (window), 0));
  gui_test_iterate ();
  gui_test_edit_title (window, "One, edited");

  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 maps have unsaved changes. Changes which are not saved will be permanently lost.");
  list = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (list);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0))),
                   ==, "One, edited");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1))),
                   ==, "three.journey");

  /* Cancel keeps everything. */
  gui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_cmpint (n_tabs (window), ==, 3);

  /* Save All saves both, then the window closes. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "save");
  g_assert_null (weak);
  contents = gui_test_read_file (one);
  g_assert_nonnull (strstr (contents, "One, edited"));
  g_clear_pointer (&contents, g_free);
  contents = gui_test_read_file (three);
  g_assert_nonnull (strstr (contents, "Three, edited"));
}

/* Closing a window right after Save: the save still runs on its worker
 * thread; the close waits for it and, with nothing left unsaved, asks
 * nothing. */
static void
test_close_window_right_after_save (void)
{
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "saving.journey", JOURNEY ("Saving"));
  WaymarkWindow *window = new_window ();
  gpointer weak = window;
  g_autofree char *contents = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  waymark_window_open (window, file);
  gui_test_wait_until_loaded (window);
  gui_test_edit_title (window, "Saving, edited");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (waymark_document_is_saving (waymark_window_get_document (window)));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (weak);
  for (guint waited = 0; weak != NULL && waited < 10000; waited += 50)
    {
      g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
      gui_test_spin (50);
    }
  g_assert_null (weak);
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Saving, edited"));
}

/* A tab dragged into another window (AdwTabView transfers the page): the
 * map goes with its state, and the window it left, now empty, closes. */
static void
test_move_tab_to_other_window (void)
{
  g_autoptr(GFile) moving = gui_test_write_file (test_dir, "moving.journey", JOURNEY ("Moving"));
  g_autoptr(GFile) lock = waymark_lock_file_for (moving);
  WaymarkWindow *source = new_window ();
  WaymarkWindow *target = new_window ();
  gpointer weak = source;
  WaymarkDocument *document;

  g_object_add_weak_pointer (G_OBJECT (source), &weak);
  waymark_window_open (source, moving);
  gui_test_wait_until_loaded (source);
  new_from_template (target, "three-stages.journey");
  gui_test_edit_title (source, "Moving, edited");
  document = waymark_window_get_document (source);

  adw_tab_view_transfer_page (tab_view (source), adw_tab_view_get_selected_page (tab_view (source)),
                              tab_view (target), 1);
  adw_tab_view_set_selected_page (tab_view (target), adw_tab_view_get_nth_page (tab_view (target), 1));
  gui_test_iterate ();
  g_assert_null (weak);
  g_assert_cmpint (n_tabs (target), ==, 2);
  g_assert_true (waymark_window_get_document (target) == document);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (target)), ==, "• Moving, edited");
  g_assert_cmpstr (tab_title (target, 1), ==, "• moving.journey");
  /* Still ours: the lock went with the tab. */
  g_assert_true (g_file_query_exists (lock, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (target), "win.save", NULL));
  gui_test_iterate ();
  g_assert_false (waymark_document_is_modified (document));

  /* The tab menu's Move to New Window does the same without a drag. */
  new_from_template (target, "example-fitness-watch.journey");
  g_assert_cmpint (n_tabs (target), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (target), "win.move-tab-to-new-window", NULL));
  gui_test_iterate ();
  g_assert_cmpint (n_tabs (target), ==, 2);
  {
    GtkWindow *moved = gtk_window_get_transient_for (GTK_WINDOW (target));
    GListModel *toplevels = gtk_window_get_toplevels ();

    g_assert_null (moved);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

        if (WAYMARK_IS_WINDOW (window) && window != GTK_WINDOW (target))
          moved = window;
      }
    g_assert_nonnull (moved);
    g_assert_cmpint (n_tabs (WAYMARK_WINDOW (moved)), ==, 1);
    g_assert_cmpstr (gtk_window_get_title (moved), ==, "Fitness watch: from ad to advocate");
    gtk_window_destroy (moved);
  }
  /* The last tabs: nothing left to move out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (target), "win.close-tab", NULL));
  gui_test_iterate ();
  g_assert_cmpint (n_tabs (target), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (target), "win.move-tab-to-new-window", NULL);
  gui_test_iterate ();
  g_assert_cmpint (n_tabs (target), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);

  gtk_window_destroy (GTK_WINDOW (target));
  g_assert_false (g_file_query_exists (lock, NULL));
}

/* ---- New maps from templates ---- */

static GtkFileChooser *
find_save_chooser (GtkWindow *parent)
{
  GtkWindow *chooser = gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, parent);

  return chooser != NULL ? GTK_FILE_CHOOSER (chooser) : NULL;
}

static void
test_new_from_template (void)
{
  g_autoptr(GFile) template = template_file ("three-stages.journey");
  g_autoptr(GFile) lock = waymark_lock_file_for (template);
  g_autoptr(GFile) opened = gui_test_write_file (test_dir, "opened.journey", JOURNEY ("Opened"));
  g_autofree char *template_before = gui_test_read_file (template);
  g_autofree char *template_after = NULL;
  WaymarkWindow *window = new_window ();
  GtkFileChooser *chooser;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  /* Ctrl+N: the template gallery, over this window. */
  {
    GtkWindow *gallery;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
    gui_test_iterate ();
    gallery = gui_test_find_toplevel (WAYMARK_TYPE_TEMPLATE_DIALOG, GTK_WINDOW (window));
    g_assert_nonnull (gallery);
    gtk_window_destroy (gallery);
    gui_test_iterate ();
  }

  /* The gallery answers with win.new-from-template: an untitled map that
   * is unsaved only once edited. */
  new_from_template (window, "three-stages.journey");
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_null (waymark_window_get_file (window));
  g_assert_nonnull (waymark_window_get_journey (window));
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_cmpstr (tab_title (window, 0), ==, "Untitled Map");
  g_assert_false (g_file_query_exists (lock, NULL));

  /* An empty untitled map gives way to a file that is opened. */
  waymark_window_open (window, opened);
  gui_test_wait_until_loaded (window);
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_true (g_file_equal (waymark_window_get_file (window), opened));

  /* The next untitled map is number 2 while the first is open; a new
   * map never replaces another, even an empty one. */
  new_from_template (window, "three-stages.journey");
  new_from_template (window, "example-fitness-watch.journey");
  g_assert_cmpint (n_tabs (window), ==, 3);
  g_assert_cmpstr (tab_title (window, 1), ==, "Untitled Map");
  g_assert_cmpstr (tab_title (window, 2), ==, "Untitled Map 2");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Fitness watch: from ad to advocate");

  /* Unedited, it closes without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  gui_test_iterate ();
  g_assert_null (gui_test_find_message_dialog (GTK_WINDOW (window)));
  g_assert_cmpint (n_tabs (window), ==, 2);

  /* Edited, Save asks where (Save As), offering the journey's title. */
  gui_test_edit_title (window, "Our workshop");
  g_assert_cmpstr (tab_title (window, 1), ==, "• Untitled Map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_iterate ();
  chooser = find_save_chooser (GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    g_assert_cmpstr (name, ==, "Our workshop.journey");
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gui_test_iterate ();
  g_assert_null (find_save_chooser (GTK_WINDOW (window)));
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (window)));
  g_assert_null (waymark_window_get_file (window));

  /* Closing the window asks; Save goes to Save As, and choosing a file
   * saves it there and lets the window close. */
  gtk_window_close (GTK_WINDOW (window));
  gui_test_iterate ();
  gui_test_respond (gui_test_find_message_dialog (GTK_WINDOW (window)), "save");
  chooser = find_save_chooser (GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (test_dir);
    g_autoptr(GFile) saved = g_file_new_build_filename (test_dir, "Our workshop.journey", NULL);
    g_autofree char *contents = NULL;

    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
    gtk_file_chooser_set_current_name (chooser, "Our workshop.journey");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    /* The chooser looks whether the file exists before it answers. */
    for (int i = 0; i < 50 && weak != NULL; i++)
      gui_test_spin (100);
    g_assert_true (g_file_query_exists (saved, NULL));
    g_assert_null (weak);
    contents = gui_test_read_file (saved);
    g_assert_nonnull (strstr (contents, "Our workshop"));
  }

  /* The template itself is untouched, and was never locked. */
  template_after = gui_test_read_file (template);
  g_assert_cmpstr (template_before, ==, template_after);
  g_assert_false (g_file_query_exists (lock, NULL));
}

/* A bundled template opened as a file (the command line, the file
 * manager) is an untitled copy too. */
static void
test_open_template_file (void)
{
  g_autoptr(GFile) template = template_file ("five-phases.journey");
  g_autoptr(GFile) lock = waymark_lock_file_for (template);
  WaymarkWindow *window = new_window ();

  g_assert_true (waymark_application_is_template_file (template));
  waymark_window_open (window, template);
  gui_test_wait_until_loaded (window);
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_nonnull (waymark_window_get_journey (window));
  g_assert_null (waymark_window_get_file (window));
  g_assert_false (g_file_query_exists (lock, NULL));
  g_assert_cmpstr (tab_title (window, 0), ==, "Untitled Map");

  /* Opening it again is another copy, not the same tab. */
  gui_test_edit_title (window, "Edited copy");
  waymark_window_open (window, template);
  gui_test_wait_until_loaded (window);
  g_assert_cmpint (n_tabs (window), ==, 2);
  g_assert_cmpstr (tab_title (window, 0), ==, "• Untitled Map");
  g_assert_cmpstr (tab_title (window, 1), ==, "Untitled Map 2");
  adw_tab_view_set_selected_page (tab_view (window), adw_tab_view_get_nth_page (tab_view (window), 0));
  waymark_document_discard_recovery (waymark_window_get_document (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- Recovery of an untitled map ---- */

static void
test_recover_untitled (void)
{
  WaymarkWindow *window = new_window ();
  WaymarkWindow *restored;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *dir = waymark_recovery_dir ();
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GtkWidget *toast_label;

  new_from_template (window, "three-stages.journey");
  gui_test_edit_title (window, "Never saved");
  g_assert_true (waymark_document_write_recovery (waymark_window_get_document (window), NULL));
  name = g_strconcat (waymark_document_get_recovery_key (waymark_window_get_document (window)), ".info", NULL);
  g_assert_true (g_str_has_prefix (name, "untitled-"));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  /* The process "crashed". */
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_integer (info, "Recovery", "pid", gui_test_dead_pid ());
  g_assert_true (g_key_file_save_to_file (info, path, NULL));
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);

  restored = new_window ();
  g_assert_true (waymark_window_recover (restored, g_ptr_array_index (orphans, 0)));
  gui_test_iterate ();
  g_assert_cmpint (n_tabs (restored), ==, 1);
  g_assert_null (waymark_window_get_file (restored));
  g_assert_cmpstr (waymark_journey_get_text (waymark_window_get_journey (restored), WAYMARK_FIELD_TITLE), ==,
                   "Never saved");
  g_assert_true (waymark_document_is_modified (waymark_window_get_document (restored)));
  g_assert_cmpstr (tab_title (restored, 0), ==, "• Untitled Map");
  /* The toast says what was restored. */
  {
    GtkWidget *toast = gui_test_find_widget (GTK_WIDGET (restored), g_type_from_name ("AdwToastWidget"), NULL);

    g_assert_nonnull (toast);
    toast_label = gui_test_find_widget (toast, GTK_TYPE_LABEL, NULL);
    g_assert_nonnull (toast_label);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (toast_label)), ==,
                     "Restored the unsaved map “Never saved” as Untitled Map");
  }
  /* Journalled under the new tab's key; the old entry is gone. */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = waymark_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  waymark_document_discard_recovery (waymark_window_get_document (restored));
  gtk_window_destroy (GTK_WINDOW (restored));
}

/* ---- The start page ---- */

static void
recent_changed_cb (GtkRecentManager *manager,
                   gboolean         *changed)
{
  *changed = TRUE;
}

static void
add_recent (GtkRecentManager *manager,
            GFile            *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  gboolean changed = FALSE;
  gulong id = g_signal_connect (manager, "changed", G_CALLBACK (recent_changed_cb), &changed);

  g_assert_true (gtk_recent_manager_add_item (manager, uri));
  while (!changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (manager, id);
}

static void
test_start_page_recent (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GFile) recent = gui_test_write_file (test_dir, "recent.journey", JOURNEY ("Recent"));
  g_autoptr(GFile) gone = gui_test_write_file (test_dir, "gone.journey", JOURNEY ("Gone"));
  g_autoptr(GFile) other = gui_test_write_file (test_dir, "notes.txt", "not a map\n");
  WaymarkWindow *window;
  GtkWidget *list;
  GtkListBoxRow *row;

  add_recent (manager, gone);
  add_recent (manager, other);
  add_recent (manager, recent);
  g_assert_true (g_file_delete (gone, NULL, NULL));

  window = new_window ();
  g_assert_cmpstr (visible_page (window), ==, "empty");
  list = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "recent-list");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_is_visible (list));
  /* Only maps, only those still there, and no more than eight (the
   * tests before opened and saved more). */
  row = NULL;
  for (int i = 0; i < 8; i++)
    {
      GtkListBoxRow *candidate = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      const char *name;

      g_assert_nonnull (candidate);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (candidate)));
      g_assert_true (gtk_list_box_row_get_activatable (candidate));
      name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (candidate));
      g_assert_cmpstr (name, !=, "gone.journey");
      g_assert_cmpstr (name, !=, "notes.txt");
      if (g_strcmp0 (name, "recent.journey") == 0)
        row = candidate;
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 8));
  g_assert_nonnull (row);

  /* Activating it (Enter, or a click) opens the map in a tab. */
  g_signal_emit_by_name (list, "row-activated", row);
  gui_test_wait_until_loaded (window);
  g_assert_cmpint (n_tabs (window), ==, 1);
  g_assert_true (g_file_equal (waymark_window_get_file (window), recent));
  g_assert_cmpstr (visible_page (window), ==, "editor");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The application ---- */

typedef struct {
  GtkApplication *app;
  GFile *files[2];
  int step;
} QuitFixture;

static gboolean
quit_step (gpointer user_data)
{
  QuitFixture *f = user_data;
  GtkWindow *active = gtk_application_get_active_window (f->app);
  WaymarkWindow *window = WAYMARK_WINDOW (active);
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (active == NULL || waymark_window_get_loading (window))
    return G_SOURCE_CONTINUE;

  switch (f->step++)
    {
    case 0:
      /* `waymark a.journey b.journey`: both in tabs of one window. */
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (f->app)), ==, 1);
      g_assert_cmpint (n_tabs (window), ==, 2);
      /* A second `waymark a.journey` reaches this instance: no new tab. */
      g_application_open (G_APPLICATION (f->app), f->files, 1, "");
      return G_SOURCE_CONTINUE;

    case 1:
      g_assert_cmpint (n_tabs (window), ==, 2);
      g_assert_true (g_file_equal (waymark_window_get_file (window), f->files[0]));
      gui_test_edit_title (window, "A, edited");
      adw_tab_view_select_next_page (tab_view (window));
      gui_test_edit_title (window, "B, edited");
      /* A second window with nothing in it. */
      g_action_group_activate_action (G_ACTION_GROUP (f->app), "new-window", NULL);
      gui_test_iterate ();
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (f->app)), ==, 2);

      /* Quit asks once for both. */
      g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
      gui_test_iterate ();
      dialog = gui_test_find_message_dialog (NULL);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                       "2 maps have unsaved changes. Changes which are not saved will be permanently lost.");
      list = adw_message_dialog_get_extra_child (dialog);
      g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
      gui_test_respond (dialog, "cancel");
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (f->app)), ==, 2);

      g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
      gui_test_iterate ();
      gui_test_respond (gui_test_find_message_dialog (NULL), "discard");
      return G_SOURCE_REMOVE;

    default:
      g_assert_not_reached ();
    }
}

static void
test_quit_with_unsaved (void)
{
  g_autoptr(WaymarkApplication) app = waymark_application_new ();
  g_autoptr(GFile) a = gui_test_write_file (test_dir, "a.journey", JOURNEY ("A"));
  g_autoptr(GFile) b = gui_test_write_file (test_dir, "b.journey", JOURNEY ("B"));
  g_autofree char *path_a = g_file_get_path (a);
  g_autofree char *path_b = g_file_get_path (b);
  char *argv[] = { (char *) "waymark", path_a, path_b, NULL };
  QuitFixture f = { GTK_APPLICATION (app), { a, b }, 0 };
  g_autofree char *contents = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, quit_step, &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_cmpint (f.step, ==, 2);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  /* Discarded: the files are as they were. */
  contents = gui_test_read_file (a);
  g_assert_null (strstr (contents, "A, edited"));
}

/* Quitting right after Save: the save still runs on its worker thread;
 * quit waits for it and, with nothing left unsaved, asks nothing. */
typedef struct {
  GtkApplication *app;
  GFile *file;
  gboolean quit_asked;
  gboolean dialog_seen;
} QuitSavingFixture;

static gboolean
watch_for_dialog (gpointer user_data)
{
  QuitSavingFixture *f = user_data;

  if (gui_test_find_message_dialog (NULL) != NULL)
    {
      /* Say Cancel, or the run would never end. */
      f->dialog_seen = TRUE;
      gui_test_respond (gui_test_find_message_dialog (NULL), "cancel");
      g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
quit_saving_step (gpointer user_data)
{
  QuitSavingFixture *f = user_data;
  GtkWindow *active = gtk_application_get_active_window (f->app);
  WaymarkWindow *window = WAYMARK_WINDOW (active);

  if (active == NULL || waymark_window_get_loading (window))
    return G_SOURCE_CONTINUE;

  gui_test_edit_title (window, "Saving, edited");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (waymark_document_is_saving (waymark_window_get_document (window)));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  f->quit_asked = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_quit_right_after_save (void)
{
  g_autoptr(WaymarkApplication) app = waymark_application_new ();
  g_autoptr(GFile) file = gui_test_write_file (test_dir, "quit-saving.journey", JOURNEY ("Saving"));
  g_autofree char *path = g_file_get_path (file);
  char *argv[] = { (char *) "waymark", path, NULL };
  QuitSavingFixture f = { GTK_APPLICATION (app), file, FALSE, FALSE };
  g_autofree char *contents = NULL;
  guint watch;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (50, quit_saving_step, &f);
  watch = g_timeout_add (20, watch_for_dialog, &f);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_source_remove (watch);
  g_assert_true (f.quit_asked);
  g_assert_false (f.dialog_seen);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  contents = gui_test_read_file (file);
  g_assert_nonnull (strstr (contents, "Saving, edited"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *recovery = NULL;
  g_autofree char *data_home = NULL;
  int status;

  test_dir = gui_test_make_dir ("waymark-tabs-XXXXXX");
  recovery = g_build_filename (test_dir, "recovery", NULL);
  g_setenv ("WAYMARK_RECOVERY_DIR", recovery, TRUE);
  /* The recent maps of this test only. */
  data_home = g_build_filename (test_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    {
      gui_test_remove_tree (test_dir);
      return GUI_TEST_SKIP;
    }

  g_test_add_func ("/tabs/two-files-two-tabs", test_two_files_two_tabs);
  g_test_add_func ("/tabs/broken-file-keeps-tabs", test_broken_file_keeps_tabs);
  g_test_add_func ("/tabs/close-tab-unsaved", test_close_tab_unsaved);
  g_test_add_func ("/tabs/close-window-lists-unsaved", test_close_window_lists_unsaved);
  g_test_add_func ("/tabs/close-window-right-after-save", test_close_window_right_after_save);
  g_test_add_func ("/tabs/move-tab-to-other-window", test_move_tab_to_other_window);
  g_test_add_func ("/tabs/new-from-template", test_new_from_template);
  g_test_add_func ("/tabs/open-template-file", test_open_template_file);
  g_test_add_func ("/tabs/recover-untitled", test_recover_untitled);
  g_test_add_func ("/tabs/start-page-recent", test_start_page_recent);
  g_test_add_func ("/tabs/quit-with-unsaved", test_quit_with_unsaved);
  g_test_add_func ("/tabs/quit-right-after-save", test_quit_right_after_save);

  status = g_test_run ();
  gui_test_remove_tree (test_dir);
  return status;
}
