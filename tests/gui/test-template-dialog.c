/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "New Journey Map" dialog: the gallery of templates, previews, the
 * keyboard, and what Create and Cancel do to the window that opened it. */
#define G_LOG_DOMAIN "test-template-dialog"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gui-test.h"
#include "waymark-application.h"
#include "waymark-template-dialog.h"

/* The window the dialog belongs to, with a win.new-from-template action
 * that records what it was given. */
typedef struct {
  GtkWidget *window;
  GPtrArray *uris;    /* every parameter win.new-from-template received */
} Fixture;

static void
new_from_template (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->uris, g_variant_dup_string (parameter, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const GActionEntry entries[] = {
    { "new-from-template", new_from_template, "s", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  fixture->uris = g_ptr_array_new_with_free_func (g_free);
  fixture->window = gtk_window_new ();
  gtk_widget_insert_action_group (fixture->window, "win", G_ACTION_GROUP (group));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_ptr_array_unref (fixture->uris);
}

static gboolean
timed_out (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails after 30 s. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add_seconds (30, timed_out, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (timeout);
}

static gboolean
is_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static void
collect_labels (GtkWidget *root,
                GString   *text)
{
  if (GTK_IS_LABEL (root))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static char *
child_text (GtkFlowBoxChild *child)
{
  GString *text = g_string_new (NULL);

  collect_labels (GTK_WIDGET (child), text);
  return g_string_free (text, FALSE);
}

static GtkFlowBox *
gallery_of (GtkWidget *dialog)
{
  GtkWidget *gallery = gui_test_find_widget (dialog, GTK_TYPE_FLOW_BOX, NULL);

  g_assert_nonnull (gallery);
  return GTK_FLOW_BOX (gallery);
}

static guint
n_children (GtkFlowBox *gallery)
{
  guint n = 0;

  while (gtk_flow_box_get_child_at_index (gallery, (int) n) != NULL)
    n++;
  return n;
}

static int
selected_index (GtkFlowBox *gallery)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (gallery);

  g_assert_cmpuint (g_list_length (selected), ==, 1);
  return gtk_flow_box_child_get_index (selected->data);
}

/* The folder the dialog shows: where the application finds its templates. */
static GFile *
templates_dir (void)
{
  g_autoptr(GFile) example = waymark_application_find_data_file ("templates/example-fitness-watch.journey");

  g_assert_nonnull (example);
  return g_file_get_parent (example);
}

static guint
n_templates (void)
{
  g_autoptr(GFile) dir = templates_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) gdir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    n += g_str_has_suffix (name, ".journey");
  return n;
}

static char *
template_uri (const char *basename)
{
  g_autoptr(GFile) dir = templates_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, basename);

  return g_file_get_uri (file);
}

static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
all_previews_shown (gpointer data)
{
  GtkFlowBox *gallery = data;
  GtkFlowBoxChild *child;

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (gallery, i)) != NULL; i++)
    {
      GtkWidget *picture = gui_test_find_widget (GTK_WIDGET (child), GTK_TYPE_PICTURE, NULL);

      g_assert_nonnull (picture);
      if (gtk_picture_get_paintable (GTK_PICTURE (picture)) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Draws @paintable and counts the pixels that are not the page's white:
 * a preview shows the map's header, columns and cards. */
static guint
count_ink (GdkPaintable *paintable)
{
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint ink = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        ink += (row[x] & 0xffffff) != 0xffffff;
    }
  cairo_surface_destroy (surface);
  return ink;
}

static GtkWidget *
open_dialog (Fixture *fixture)
{
  GtkWidget *dialog = waymark_template_dialog_new (GTK_WINDOW (fixture->window));

  g_assert_true (WAYMARK_IS_TEMPLATE_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
test_gallery (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = app_settings ();
  GtkWidget *dialog;
  GtkFlowBox *gallery;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gint64 start;

  g_settings_reset (settings, "last-template");
  start = g_get_monotonic_time ();
  dialog = open_dialog (fixture);
  /* The dialog is there before any preview: they are drawn in a thread. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Journey Map");

  gallery = gallery_of (dialog);
  g_assert_cmpuint (n_children (gallery), ==, n_templates ());
  /* Blank templates first, the example last; each with its description. */
  first = child_text (gtk_flow_box_get_child_at_index (gallery, 0));
  g_assert_cmpstr (first, ==, "Three Stages\nBefore, during and after the purchase\n");
  last = child_text (gtk_flow_box_get_child_at_index (gallery, (int) n_children (gallery) - 1));
  g_assert_true (g_str_has_prefix (last, "Example: Fitness Watch\n"));

  /* Nothing was used before: the first template is chosen, and has the
   * keyboard focus, so arrows and Enter work at once. */
  g_assert_cmpint (selected_index (gallery), ==, 0);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == GTK_WIDGET (gtk_flow_box_get_child_at_index (gallery, 0)));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) != NULL);

  wait_for (all_previews_shown, gallery);
  for (int i = 0; i < (int) n_children (gallery); i++)
    {
      GtkWidget *picture = gui_test_find_widget (GTK_WIDGET (gtk_flow_box_get_child_at_index (gallery, i)), GTK_TYPE_PICTURE, NULL);
      GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
      guint ink = count_ink (paintable);

      g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 256);
      g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 160);
      /* More than a frame: at least a tenth of the preview is drawn. */
      g_assert_cmpuint (ink, >, 256 * 160 / 10);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (fixture->uris->len, ==, 0);
}

/* Arrows move the choice, Enter creates: the window gets the template's
 * URI, the dialog closes and remembers the choice for next time. */
static void
test_keyboard_create (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *expected = NULL;
  g_autofree char *remembered = NULL;
  GtkWidget *dialog;
  GtkFlowBox *gallery;
  gboolean handled = FALSE;

  g_settings_reset (settings, "last-template");
  dialog = open_dialog (fixture);
  gallery = gallery_of (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gui_test_spin (100);

  /* → moves to the second template (what the Right arrow key does). */
  g_signal_emit_by_name (gallery, "move-cursor", GTK_MOVEMENT_VISUAL_POSITIONS, 1, FALSE, FALSE, &handled);
  g_assert_true (handled);
  g_assert_cmpint (selected_index (gallery), ==, 1);
  expected = template_uri ("five-phases.journey");

  /* Enter. */
  g_signal_emit_by_name (gallery, "activate-cursor-child");
  g_assert_cmpuint (fixture->uris->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->uris, 0), ==, expected);
  wait_for (is_gone, &dialog);

  remembered = g_settings_get_string (settings, "last-template");
  g_assert_cmpstr (remembered, ==, "five-phases.journey");
}

/* The last template used is chosen again; the Create button creates the
 * chosen one. */
static void
test_create_button (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autofree char *expected = template_uri ("b2b.journey");
  g_autofree char *remembered = NULL;
  GtkWidget *dialog;
  GtkFlowBox *gallery;
  GtkFlowBoxChild *b2b = NULL;
  GtkFlowBoxChild *child;

  g_settings_set_string (settings, "last-template", "example-fitness-watch.journey");
  dialog = open_dialog (fixture);
  gallery = gallery_of (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (selected_index (gallery), ==, (int) n_children (gallery) - 1);

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (gallery, i)) != NULL; i++)
    {
      g_autofree char *text = child_text (child);

      if (g_str_has_prefix (text, "Business Customers\n"))
        b2b = child;
    }
  g_assert_nonnull (b2b);
  gtk_flow_box_select_child (gallery, b2b);

  /* The suggested button of the header bar, the window's default. */
  g_assert_true (gtk_widget_has_css_class (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "suggested-action"));
  g_signal_emit_by_name (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "clicked");
  g_assert_cmpuint (fixture->uris->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->uris, 0), ==, expected);
  /* Closed (the button lets go of it once its signal is over). */
  wait_for (is_gone, &dialog);

  remembered = g_settings_get_string (settings, "last-template");
  g_assert_cmpstr (remembered, ==, "b2b.journey");
}

/* Escape closes the dialog and creates nothing. */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *dialog = open_dialog (fixture);
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcut *escape = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The shortcut the Escape key triggers. */
  controllers = gtk_widget_observe_controllers (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && escape == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)) && escape == NULL; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strcmp (trigger, "Escape") == 0)
            escape = g_object_ref (shortcut);
        }
    }
  g_assert_nonnull (escape);
  /* The list holds on to the dialog. */
  g_clear_object (&controllers);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, dialog,
                                               gtk_shortcut_get_arguments (escape)));
  g_object_unref (escape);
  wait_for (is_gone, &dialog);
  g_assert_cmpuint (fixture->uris->len, ==, 0);

  /* The Cancel button does the same. */
  dialog = open_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "template.cancel", NULL));
  wait_for (is_gone, &dialog);
  g_assert_cmpuint (fixture->uris->len, ==, 0);
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *dialog;
  GtkFlowBox *gallery;
  g_autofree char *first = NULL;

  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");

  dialog = open_dialog (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Neue Journey Map");
  gallery = gallery_of (dialog);
  first = child_text (gtk_flow_box_get_child_at_index (gallery, 0));
  g_assert_cmpstr (first, ==, "Drei Abschnitte\nVor, während und nach dem Kauf\n");
  wait_for (all_previews_shown, gallery);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_SWITCHES_LANGUAGE))
    return GUI_TEST_SKIP;

  g_test_add ("/template-dialog/gallery", Fixture, NULL, fixture_set_up, test_gallery, fixture_tear_down);
  g_test_add ("/template-dialog/keyboard-create", Fixture, NULL, fixture_set_up, test_keyboard_create, fixture_tear_down);
  g_test_add ("/template-dialog/create-button", Fixture, NULL, fixture_set_up, test_create_button, fixture_tear_down);
  g_test_add ("/template-dialog/escape-cancels", Fixture, NULL, fixture_set_up, test_escape_cancels, fixture_tear_down);
  g_test_add ("/template-dialog/german", Fixture, NULL, fixture_set_up, test_german, fixture_tear_down);

  return g_test_run ();
}
