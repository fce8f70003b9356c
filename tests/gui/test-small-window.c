/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-small-window"

#include "config.h"

#include "gui-test.h"
#include "waymark-application.h"
#include "waymark-canvas-private.h"
#include "waymark-document-tab.h"
#include "waymark-editor.h"
#include "waymark-window.h"

/* Laptops and small windows: the metainfo promises a 360 px display, so
 * the window goes down to 360 px, with one map and with three; the side
 * panels fold into overlays rather than squeeze the map; the floating
 * toolbar always fits inside the map and never covers a card. */

#define CLAIMED_MIN_WIDTH 360
#define HEIGHT 600

typedef struct {
  WaymarkWindow *window;
  WaymarkEditor *editor;
  GtkWidget *map_overlay;
  GtkWidget *toolbar;
  AdwFlap *palette_flap;
  AdwFlap *inspector_flap;
} Fixture;

static void
fixture_open (Fixture *f,
              int      width,
              guint    n_tabs)
{
  g_autoptr(GFile) example = waymark_application_find_data_file ("templates/example-fitness-watch.journey");
  WaymarkDocumentTab *tab;
  int window_min, content_min;

  g_assert_nonnull (example);
  f->window = waymark_window_new (NULL);
  for (guint i = 0; i < n_tabs; i++)
    {
      /* The example opens as a new, untitled map each time: n tabs. */
      waymark_window_open (f->window, example);
    }
  /* Without a compositor (Xvfb) the frame of client-side decorations is
   * a border inside the window's size: the content gets @width. */
  gtk_widget_realize (GTK_WIDGET (f->window));
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &window_min, NULL, NULL, NULL);
  gtk_widget_measure (gtk_widget_get_first_child (GTK_WIDGET (f->window)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &content_min, NULL, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width + window_min - content_min, HEIGHT);
  /* GTK keeps a default size within the monitor, and the suite's screen
   * (1280 px) is narrower than a 1366 px laptop's: a size request is not
   * bound by the monitor.  (Below the window's minimum it changes
   * nothing: the window stays at its minimum.) */
  gtk_widget_set_size_request (GTK_WIDGET (f->window), width + window_min - content_min, -1);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_until_loaded (f->window);
  g_assert_cmpuint (adw_tab_view_get_n_pages (waymark_window_get_tab_view (f->window)), ==, n_tabs);
  /* Folding and revealing animate. */
  gui_test_spin (600);

  tab = waymark_window_get_selected_tab (f->window);
  f->editor = waymark_document_tab_get_editor (tab);
  f->map_overlay = gui_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_OVERLAY, NULL);
  f->toolbar = gui_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_BOX, "canvas-toolbar");
  f->palette_flap = ADW_FLAP (gui_test_find_widget (GTK_WIDGET (f->editor), ADW_TYPE_FLAP, "palette-flap"));
  f->inspector_flap = ADW_FLAP (gui_test_find_widget (GTK_WIDGET (f->editor), ADW_TYPE_FLAP, "inspector-flap"));
  g_assert_nonnull (f->map_overlay);
  g_assert_nonnull (f->toolbar);
  g_assert_true (ADW_IS_FLAP (f->palette_flap));
  g_assert_true (ADW_IS_FLAP (f->inspector_flap));
}

static void
fixture_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  gui_test_iterate ();
}

static int
natural_width (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* The toolbar lies wholly inside the map (margins included), with at
 * least its minimum width: nothing of it is cut off. */
static void
assert_toolbar_fits (Fixture *f)
{
  graphene_rect_t bounds;
  int minimum;

  g_assert_true (gtk_widget_get_mapped (f->toolbar));
  g_assert_true (gtk_widget_compute_bounds (f->toolbar, f->map_overlay, &bounds));
  gtk_widget_measure (f->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  /* (A measure counts the margins, bounds do not.) */
  g_assert_cmpfloat (bounds.size.width, >=,
                     minimum - gtk_widget_get_margin_start (f->toolbar) - gtk_widget_get_margin_end (f->toolbar));
  g_assert_cmpfloat (bounds.origin.x, >=, gtk_widget_get_margin_start (f->toolbar));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                     gtk_widget_get_width (f->map_overlay) - gtk_widget_get_margin_end (f->toolbar));
}

/* Wherever the map is scrolled, no card shows under the toolbar (the map
 * scrolls under a band of the toolbar's height). */
static void
assert_toolbar_covers_no_card (Fixture *f)
{
  WaymarkCanvas *canvas = waymark_editor_get_canvas (f->editor);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  graphene_rect_t bounds;
  WaymarkHit hit;

  g_assert_true (gtk_widget_compute_bounds (f->toolbar, GTK_WIDGET (canvas), &bounds));
  for (double h = 0; h <= gtk_adjustment_get_upper (hadjustment); h += 200)
    for (double v = 0; v <= gtk_adjustment_get_upper (vadjustment); v += 40)
      {
        gtk_adjustment_set_value (hadjustment, h);
        gtk_adjustment_set_value (vadjustment, v);
        for (double x = bounds.origin.x; x < bounds.origin.x + bounds.size.width; x += 16)
          for (double y = bounds.origin.y; y < bounds.origin.y + bounds.size.height; y += 8)
            {
              _waymark_canvas_hit (canvas, x, y, &hit);
              g_assert_cmpint (hit.kind, !=, WAYMARK_HIT_CARD);
            }
      }
  gtk_adjustment_set_value (hadjustment, 0);
  gtk_adjustment_set_value (vadjustment, 0);
}

/* A panel beside the map (unfolded, shown) never leaves the map less than
 * the toolbar's full width. */
static void
assert_map_not_squeezed (Fixture *f)
{
  gboolean docked_palette = !adw_flap_get_folded (f->palette_flap) && adw_flap_get_reveal_flap (f->palette_flap);
  gboolean docked_inspector = !adw_flap_get_folded (f->inspector_flap) && adw_flap_get_reveal_flap (f->inspector_flap);

  if (docked_palette || docked_inspector)
    g_assert_cmpint (gtk_widget_get_width (f->map_overlay), >=, natural_width (f->toolbar));
}

static void
check_width (int   width,
             guint n_tabs)
{
  Fixture f;
  GtkWidget *content;
  int minimum;

  g_test_message ("%d px, %u tabs", width, n_tabs);
  fixture_open (&f, width, n_tabs);

  /* The window can be as narrow as the metainfo says, and is as wide as
   * asked.  Measured inside the frame that client-side decorations add
   * around it (a shadow or a border, outside the display's count). */
  content = gtk_widget_get_first_child (GTK_WIDGET (f.window));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("window minimum width: %d px", minimum);
  g_assert_cmpint (minimum, <=, CLAIMED_MIN_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (content), ==, width);

  assert_toolbar_fits (&f);
  assert_toolbar_covers_no_card (&f);
  assert_map_not_squeezed (&f);

  if (width <= 1024)
    {
      /* No room for the palette beside the map: it is an overlay, hidden
       * until asked for.  The flap folds when the map's natural width is
       * known, after its first layout: on a loaded machine that can be
       * later than the spin above. */
      for (guint waited = 0; !adw_flap_get_folded (f.palette_flap) && waited < 5000; waited += 50)
        gui_test_spin (50);
      g_assert_true (adw_flap_get_folded (f.palette_flap));
      g_assert_false (waymark_editor_get_show_palette (f.editor));
    }
  else
    {
      g_assert_false (adw_flap_get_folded (f.palette_flap));
      g_assert_false (adw_flap_get_folded (f.inspector_flap));
      g_assert_true (waymark_editor_get_show_palette (f.editor));
      g_assert_true (waymark_editor_get_show_inspector (f.editor));
    }
  if (width == CLAIMED_MIN_WIDTH)
    {
      g_assert_true (adw_flap_get_folded (f.inspector_flap));
      g_assert_false (waymark_editor_get_show_inspector (f.editor));
      /* The map has the whole width. */
      g_assert_cmpint (gtk_widget_get_width (f.map_overlay), ==, width);
    }
  /* The zoom buttons' separator stands only beside zoom buttons: each
   * set the squeezer may show begins with it. */
  {
    AdwSqueezer *squeezer = ADW_SQUEEZER (gui_test_find_widget (GTK_WIDGET (f.editor), ADW_TYPE_SQUEEZER, "zoom-buttons"));
    GtkWidget *shown = adw_squeezer_get_visible_child (squeezer);

    g_assert_false (GTK_IS_SEPARATOR (gtk_widget_get_prev_sibling (GTK_WIDGET (squeezer))));
    for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (squeezer)); page != NULL;
         page = gtk_widget_get_next_sibling (page))
      g_assert_true (GTK_IS_SEPARATOR (gtk_widget_get_first_child (page)));
    if (width == CLAIMED_MIN_WIDTH)
      g_assert_null (shown);
  }

  /* Shift+F9 (the header bar's toggle button) shows the folded palette
   * over the map, so the map keeps its width. */
  if (adw_flap_get_folded (f.palette_flap))
  {
    int map_width = gtk_widget_get_width (f.map_overlay);
    gboolean palette_folded = adw_flap_get_folded (f.palette_flap);
    gboolean palette_shown = waymark_editor_get_show_palette (f.editor);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-palette", NULL));
    gui_test_spin (400);
    g_assert_true (waymark_editor_get_show_palette (f.editor) != palette_shown);
    if (palette_folded)
      {
        graphene_rect_t bounds;

        g_assert_cmpint (gtk_widget_get_width (f.map_overlay), ==, map_width);
        g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (waymark_editor_get_palette (f.editor)),
                                                  GTK_WIDGET (f.window), &bounds));
        g_assert_cmpfloat (bounds.origin.x, >=, 0);
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      }
    assert_toolbar_fits (&f);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-palette", NULL));
    gui_test_spin (400);
    g_assert_true (waymark_editor_get_show_palette (f.editor) == palette_shown);
  }

  /* F8: the findings panel never makes the window wider than asked; in a
   * narrow one it lies over the map. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-findings", NULL));
  gui_test_spin (400);
  g_assert_true (waymark_editor_get_show_findings (f.editor));
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, CLAIMED_MIN_WIDTH);
  g_assert_cmpint (gtk_widget_get_width (content), ==, width);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.toggle-findings", NULL));
  gui_test_spin (400);
  g_assert_false (waymark_editor_get_show_findings (f.editor));

  fixture_close (&f);
}

static void
test_360 (void)
{
  check_width (360, 1);
  check_width (360, 3);
}

static void
test_1024 (void)
{
  check_width (1024, 1);
  check_width (1024, 3);
}

static void
test_1366 (void)
{
  check_width (1366, 1);
  check_width (1366, 3);
}

/* Narrower than the claim, the window refuses: it stays at its minimum,
 * and everything still fits in that. */
static void
test_narrower_than_claimed (void)
{
  Fixture f;

  fixture_open (&f, 200, 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, CLAIMED_MIN_WIDTH);
  assert_toolbar_fits (&f);
  fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;
  /* GNOME's title bar buttons (org.gnome.desktop.wm.preferences
   * button-layout), not GTK's fallback with minimize and maximize too. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/small-window/360", test_360);
  g_test_add_func ("/small-window/1024", test_1024);
  g_test_add_func ("/small-window/1366", test_1366);
  g_test_add_func ("/small-window/narrower-than-claimed", test_narrower_than_claimed);

  return g_test_run ();
}
