/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gui-test"

#include "config.h"

#include <locale.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gui-test.h"
#include "waymark-document.h"
#include "waymark-edits.h"
#include "waymark-reader.h"

#define EXAMPLE "templates/example-fitness-watch.journey"

static void
bind_translations (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WAYMARK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* The application offers every journal in its recovery folder at start-up.
 * Test programs run in parallel and one killed by a timeout leaves its
 * journals behind, so a folder shared by the suite would let one test's
 * untitled map open in another's window: each process gets a fresh one
 * inside the folder it was given. */
static void
own_recovery_dir (void)
{
  const char *parent = g_getenv ("WAYMARK_RECOVERY_DIR");
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;

  if (parent == NULL)
    return;
  name = g_strdup_printf ("run-%d", (int) getpid ());
  dir = g_build_filename (parent, name, NULL);
  gui_test_remove_tree (dir);
  g_setenv ("WAYMARK_RECOVERY_DIR", dir, TRUE);
}

gboolean
gui_test_init (int            *argc,
               char         ***argv,
               GuiTestFlags    flags)
{
  bind_translations ();
  if (flags & GUI_TEST_SWITCHES_LANGUAGE)
    {
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "");
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Templates"), ==, "Vorlagen");
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, "");
    }
  /* After the language check: GLib decides once, at its first message,
   * whether to translate, and removing the folder may make one. */
  own_recovery_dir ();

  g_test_init (argc, argv, NULL);

  if (flags & GUI_TEST_ACCESSIBILITY)
    g_setenv ("GTK_A11Y", "test", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run the GUI tests under Xvfb (xvfb-run -a meson test).\n");
      return FALSE;
    }
  adw_init ();
  return TRUE;
}

GtkWidget *
gui_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *name_or_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name_or_class == NULL ||
       g_strcmp0 (gtk_widget_get_name (root), name_or_class) == 0 ||
       gtk_widget_has_css_class (root, name_or_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type, name_or_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
gui_test_iterate (void)
{
  /* Saves and journal writes end on a worker thread: what a test looks
   * at next is what a user sees once they have. */
  for (;;)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (waymark_document_get_n_writes () == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
timed_out (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
gui_test_spin (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, timed_out, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

WaymarkDocument *
gui_test_load_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, EXAMPLE, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { 0 };
  gsize length;
  g_autoptr(WaymarkJourney) journey = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  journey = waymark_reader_read (data, length, EXAMPLE, &info, &error);
  g_assert_no_error (error);
  return waymark_document_new (journey);
}

GFile *
gui_test_write_file (const char *dir,
                     const char *basename,
                     const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, basename, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

char *
gui_test_read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

void
gui_test_wait_until_loaded (WaymarkWindow *window)
{
  while (waymark_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  gui_test_iterate ();
}

void
gui_test_edit_title (WaymarkWindow *window,
                     const char    *title)
{
  WaymarkDocument *document = waymark_window_get_document (window);

  waymark_edits_set_text (waymark_document_get_history (document), WAYMARK_FIELD_TITLE, title);
  g_assert_true (waymark_document_is_modified (document));
}

GtkWindow *
gui_test_find_toplevel (GType      type,
                        GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window;
    }
  return NULL;
}

AdwMessageDialog *
gui_test_find_message_dialog (GtkWindow *parent)
{
  return (AdwMessageDialog *) gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent);
}

void
gui_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  gui_test_iterate ();
}

int
gui_test_dead_pid (void)
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

char *
gui_test_make_dir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return dir;
}

void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
