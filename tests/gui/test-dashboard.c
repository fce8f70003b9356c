/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "gui-test.h"
#include "waymark-dashboard-painter.h"
#include "waymark-dashboard-view.h"
#include "waymark-edits.h"
#include "waymark-editor.h"
#include "waymark-touchpoint.h"

/* The Dashboard view beside Map and Outline: Ctrl+3 shows it, it shows
 * the example map's figures, follows edits (while shown; a hidden one
 * does no work), draws with the dark palette in the dark style. */

#define INSTAGRAM_AD "tp-b9b597d94ddb"    /* Awareness, digital, emotion +1, two KPIs that miss */

typedef struct {
  WaymarkDocument      *document;
  WaymarkJourney       *journey;
  GtkWindow            *window;
  WaymarkEditor        *editor;
  WaymarkDashboardView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = gui_test_load_example ();
  f->journey = waymark_document_get_journey (f->document);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 800);
  f->editor = WAYMARK_EDITOR (waymark_editor_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  waymark_editor_set_document (f->editor, f->document);
  f->view = WAYMARK_DASHBOARD_VIEW (gui_test_find_widget (GTK_WIDGET (f->editor), WAYMARK_TYPE_DASHBOARD_VIEW, NULL));
  g_assert_nonnull (f->view);
  gtk_window_present (f->window);
  gui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_iterate ();
  g_clear_object (&f->document);
}

static void
show_dashboard (Fixture *f)
{
  /* Ctrl+3, as a user switches. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "dashboard");
  gui_test_spin (100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gui_test_spin (100);
  g_assert_cmpstr (waymark_editor_get_view (f->editor), ==, "dashboard");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

/* What the view shows, rendered as the window would. */
static GdkTexture *
render (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The 0xRRGGBB at (@x, @y) of @texture. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  /* GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) y * width + x) * 4;
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

static guint32
rgb (const WaymarkColor *color)
{
  return ((guint32) lround (color->red * 255) << 16) | ((guint32) lround (color->green * 255) << 8) |
         (guint32) lround (color->blue * 255);
}

/* Whether @texture has a pixel of @color. */
static gboolean
has_color (GdkTexture *texture,
           guint32     color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    if ((((guint32) data[i * 4 + 2] << 16) | ((guint32) data[i * 4 + 1] << 8) | data[i * 4]) == color)
      return TRUE;
  return FALSE;
}

static void
test_shows_figures (Fixture       *f,
                    gconstpointer  data)
{
  const WaymarkDashboard *d;
  g_autoptr(GdkTexture) texture = NULL;
  const WaymarkPalette *light = waymark_palette_get (WAYMARK_PALETTE_LIGHT);
  const WaymarkDashboardPhase *awareness;
  guint n_kpis = 0;

  /* Hidden behind the map, it has computed nothing yet. */
  g_assert_cmpuint (waymark_dashboard_view_get_n_updates (f->view), ==, 0);
  show_dashboard (f);
  g_assert_cmpuint (waymark_dashboard_view_get_n_updates (f->view), ==, 1);

  d = waymark_dashboard_view_get_dashboard (f->view);
  g_assert_nonnull (d);
  /* The example: 36 touchpoints in five phases, Awareness with six. */
  g_assert_cmpuint (d->total.n_touchpoints, ==, waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_TOUCHPOINT));
  g_assert_cmpuint (d->total.n_touchpoints, ==, 36);
  g_assert_cmpuint (d->phases->len, ==, 5);
  awareness = d->phases->pdata[0];
  g_assert_cmpstr (awareness->name, ==, "Awareness");
  g_assert_cmpuint (awareness->figures.n_touchpoints, ==, 6);
  for (guint i = 0; i < waymark_journey_get_n_items (f->journey, WAYMARK_ITEM_TOUCHPOINT); i++)
    n_kpis += waymark_touchpoint_get_n_kpis (waymark_journey_get_item (f->journey, WAYMARK_ITEM_TOUCHPOINT, i));
  g_assert_cmpuint (d->kpis->len, ==, n_kpis);

  /* It is scaled to the view's width and as tall as the dashboard. */
  g_assert_cmpfloat (fabs (gtk_widget_get_height (GTK_WIDGET (f->view)) -
                           waymark_dashboard_painter_get_height (d, "Fitness watch: from ad to advocate") *
                           CLAMP (gtk_widget_get_width (GTK_WIDGET (f->view)) / WAYMARK_DASHBOARD_WIDTH, 0.5, 1.25)),
                     <, 2);

  /* It draws the light palette: the page, the digital blue of the
   * channel mix, the weakness red of the KPIs that miss. */
  texture = render (f);
  g_assert_cmphex (pixel_at (texture, 2, 2), ==, rgb (&light->page));
  g_assert_true (has_color (texture, rgb (&light->category[WAYMARK_CATEGORY_DIGITAL])));
  g_assert_true (has_color (texture, rgb (&light->weakness)));

  /* Screen readers hear what it is and its totals. */
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_ROLE_IMG));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (f->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  WaymarkHistory *history = waymark_document_get_history (f->document);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  WaymarkTouchpoint *ad = waymark_journey_lookup (f->journey, INSTAGRAM_AD);
  WaymarkTouchpoint *edited;
  const WaymarkDashboard *d;
  guint updates;

  show_dashboard (f);
  updates = waymark_dashboard_view_get_n_updates (f->view);

  /* A new emotion: the average of Awareness follows before the next frame. */
  edited = waymark_item_copy (ad);
  edited->emotion = -2;
  waymark_edits_update (history, ad, edited, "emotion");
  gui_test_spin (50);
  g_assert_cmpuint (waymark_dashboard_view_get_n_updates (f->view), ==, updates + 1);
  d = waymark_dashboard_view_get_dashboard (f->view);
  g_assert_cmpint (((WaymarkDashboardPhase *) d->phases->pdata[0])->figures.emotion_min, ==, -2);

  /* A deleted card leaves the counts. */
  g_ptr_array_add (items, ad);
  waymark_edits_delete (history, items);
  gui_test_spin (50);
  d = waymark_dashboard_view_get_dashboard (f->view);
  g_assert_cmpuint (d->total.n_touchpoints, ==, 35);
  g_assert_cmpuint (((WaymarkDashboardPhase *) d->phases->pdata[0])->figures.n_touchpoints, ==, 5);

  /* Hidden, it does no work for an edit; shown again, it catches up. */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "map");
  /* The stack cross-fades: the old page stays mapped until it is done. */
  for (guint i = 0; i < 50 && gtk_widget_get_mapped (GTK_WIDGET (f->view)); i++)
    gui_test_spin (20);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  updates = waymark_dashboard_view_get_n_updates (f->view);
  waymark_history_undo (history);
  gui_test_spin (50);
  g_assert_cmpuint (waymark_dashboard_view_get_n_updates (f->view), ==, updates);
  show_dashboard (f);
  g_assert_cmpuint (waymark_dashboard_view_get_n_updates (f->view), ==, updates + 1);
  d = waymark_dashboard_view_get_dashboard (f->view);
  g_assert_cmpuint (d->total.n_touchpoints, ==, 36);
}

static void
test_dark (Fixture       *f,
           gconstpointer  data)
{
  const WaymarkPalette *dark = waymark_palette_get (WAYMARK_PALETTE_DARK);
  g_autoptr(GdkTexture) texture = NULL;

  show_dashboard (f);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_spin (100);
  texture = render (f);
  g_assert_cmphex (pixel_at (texture, 2, 2), ==, rgb (&dark->page));
  g_assert_true (has_color (texture, rgb (&dark->category[WAYMARK_CATEGORY_DIGITAL])));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gui_test_spin (100);
}

/* Ctrl+1 / Ctrl+2 / Ctrl+3 switch between the three views; only the map
 * has the map's tools. */
static void
test_switch_views (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *button = gui_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TOGGLE_BUTTON, "dashboard-button");

  show_dashboard (f);
  g_assert_nonnull (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "outline");
  for (guint i = 0; i < 50 && gtk_widget_get_mapped (GTK_WIDGET (f->view)); i++)
    gui_test_spin (20);
  g_assert_cmpstr (waymark_editor_get_view (f->editor), ==, "outline");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.view", "s", "map");
  gui_test_spin (100);
  g_assert_cmpstr (waymark_editor_get_view (f->editor), ==, "map");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = NULL;
  int status;

  state_dir = gui_test_make_dir ("waymark-test-dashboard-XXXXXX");
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  if (!gui_test_init (&argc, &argv, GUI_TEST_ACCESSIBILITY))
    {
      gui_test_remove_tree (state_dir);
      return GUI_TEST_SKIP;
    }

#define ADD(path, func) g_test_add ("/dashboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-figures", test_shows_figures);
  ADD ("follows-edits", test_follows_edits);
  ADD ("dark", test_dark);
  ADD ("switch-views", test_switch_views);
#undef ADD

  status = g_test_run ();
  gui_test_remove_tree (state_dir);
  return status;
}
