/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-accessible"

#include "config.h"

#include <string.h>

#include "test-canvas-util.h"
#include "waymark-editor.h"

/* Every control has a name a screen reader can say.  AT-SPI over D-Bus is
 * not there under xvfb-run in CI, so the test reads what GTK hands to
 * it: each button, toggle button and menu button on screen needs an
 * accessible label (or a labelled-by relation), not empty, not the
 * name of a type ("GtkButton" is what a bare icon button is announced
 * as) and not a mnemonic's raw text ("_Open", read as "_Open Open").
 * It walks the window in each of its states: a touchpoint, a note, a
 * phase, a lane and nothing selected, and the outline. */

/* The accessible label of @widget, or NULL when none is set. */
static char *
accessible_label (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  /* The check returns the value when it differs from the one given:
   * a value no label has. */
  static const char impossible[] = "\x01";

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, impossible);
}

/* Whether a label with text is at or below @widget. */
static gboolean
has_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text (child))
      return TRUE;
  return FALSE;
}

static char *
ancestry (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    g_string_append_printf (out, "%s%s", out->len ? " < " : "", G_OBJECT_TYPE_NAME (w));
  return g_string_free (out, FALSE);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget);
}

static void
check_names (GtkWidget *widget,
             GString   *problems)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_names (child, problems);
  if (!is_control (widget))
    return;

  {
    g_autofree char *label = accessible_label (widget);
    const char *text = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
    const char *tooltip = gtk_widget_get_tooltip_text (widget);
    const char *problem = NULL;

    if (label == NULL || label[0] == '\0')
      {
        /* GTK labels a button by its child: a label's text is a name,
         * an icon's is its type. */
        if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
            !has_text (widget))
          problem = "has no accessible name";
      }
    else if (g_str_has_prefix (label, "Gtk") || g_str_has_prefix (label, "Adw") || g_str_has_prefix (label, "Waymark"))
      problem = "is named after its type";
    else if (strchr (label, '_') != NULL && GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
      problem = "is named with its mnemonic's underscore";
    if (problem != NULL)
      {
        g_autofree char *where = ancestry (widget);

        g_string_append_printf (problems, "%s (label “%s”, tooltip “%s”, accessible “%s”, in %s) %s\n",
                                G_OBJECT_TYPE_NAME (widget), text ? text : "", tooltip ? tooltip : "",
                                label ? label : "", where, problem);
      }
  }
}

static void
assert_all_named (CanvasFixture *f,
                  const char    *state)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  gui_test_iterate ();
  check_names (GTK_WIDGET (f->window), problems);
  if (problems->len > 0)
    {
      g_test_message ("with %s, controls without a proper accessible name:\n%s", state, problems->str);
      g_test_fail ();
    }
}

static void
test_every_control_named (void)
{
  CanvasFixture f = { 0 };
  WaymarkEditor *editor;

  canvas_fixture_open (&f, "example-fitness-watch.journey");
  editor = WAYMARK_EDITOR (gui_test_find_widget (GTK_WIDGET (f.window), WAYMARK_TYPE_EDITOR, NULL));

  assert_all_named (&f, "nothing selected");
  waymark_canvas_select_item (f.canvas, g_ptr_array_index (waymark_journey_get_items (f.journey, WAYMARK_ITEM_TOUCHPOINT), 0),
                              WAYMARK_CANVAS_SELECT_REPLACE);
  assert_all_named (&f, "a touchpoint selected");
  waymark_canvas_select_item (f.canvas, g_ptr_array_index (waymark_journey_get_items (f.journey, WAYMARK_ITEM_NOTE), 0),
                              WAYMARK_CANVAS_SELECT_REPLACE);
  assert_all_named (&f, "a note selected");
  waymark_canvas_select_item (f.canvas, g_ptr_array_index (waymark_journey_get_items (f.journey, WAYMARK_ITEM_PHASE), 0),
                              WAYMARK_CANVAS_SELECT_REPLACE);
  assert_all_named (&f, "a phase selected");
  waymark_canvas_select_item (f.canvas, g_ptr_array_index (waymark_journey_get_items (f.journey, WAYMARK_ITEM_LANE), 0),
                              WAYMARK_CANVAS_SELECT_REPLACE);
  assert_all_named (&f, "a lane selected");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.view", "s", "outline");
  assert_all_named (&f, "the outline");

  canvas_fixture_close (&f);
}

/* The start page of a window without a map. */
static void
test_start_page_named (void)
{
  WaymarkWindow *window = waymark_window_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  check_names (GTK_WIDGET (window), problems);
  if (problems->len > 0)
    g_error ("on the start page, controls without a proper accessible name:\n%s", problems->str);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();
}

/* The check itself: a bare icon button and a mnemonic's raw text fail,
 * a named one passes. */
static void
test_check_fails (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bare = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  GtkWidget *mnemonic = gtk_button_new_with_mnemonic ("_Open");
  GtkWidget *named = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Zoom Out", -1);
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), mnemonic);
  gtk_box_append (GTK_BOX (box), named);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  check_names (box, problems);
  lines = g_strsplit (problems->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);   /* two problems and the empty rest */
  g_assert_nonnull (strstr (lines[0], "has no accessible name"));
  g_assert_nonnull (strstr (lines[1], "“_Open”"));
  g_assert_nonnull (strstr (lines[1], "is named with its mnemonic's underscore"));
  g_assert_null (strstr (problems->str, "Zoom Out"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  g_test_add_func ("/accessible/check-fails", test_check_fails);
  g_test_add_func ("/accessible/every-control-named", test_every_control_named);
  g_test_add_func ("/accessible/start-page-named", test_start_page_named);
  return g_test_run ();
}
