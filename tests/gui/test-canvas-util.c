/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include "test-canvas-util.h"
#include "waymark-application.h"

void
canvas_fixture_settle (CanvasFixture *fixture)
{
  gui_test_iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  gui_test_iterate ();
}

void
canvas_fixture_open (CanvasFixture *fixture,
                     const char    *template_name)
{
  g_autofree char *relative = g_strdup_printf ("templates/%s", template_name);
  g_autoptr(GFile) source = waymark_application_find_data_file (relative);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-canvas-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_file_load_contents (source, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, template_name, NULL);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  fixture->file = g_file_new_for_path (path);
  fixture->window = waymark_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1500, 950);
  waymark_window_open (fixture->window, fixture->file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (waymark_window_get_loading (fixture->window))
    g_main_context_iteration (NULL, TRUE);

  fixture->canvas = WAYMARK_CANVAS (gui_test_find_widget (GTK_WIDGET (fixture->window), WAYMARK_TYPE_CANVAS, NULL));
  g_assert_nonnull (fixture->canvas);
  fixture->document = waymark_window_get_document (fixture->window);
  g_assert_nonnull (fixture->document);
  g_assert_true (waymark_canvas_get_document (fixture->canvas) == fixture->document);
  fixture->journey = waymark_document_get_journey (fixture->document);
  fixture->history = waymark_document_get_history (fixture->document);
  canvas_fixture_settle (fixture);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)), >, 400);
}

void
canvas_fixture_close (CanvasFixture *fixture)
{
  g_autoptr(GFile) dir = g_file_get_parent (fixture->file);
  g_autofree char *path = g_file_get_path (dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  gui_test_iterate ();
  gui_test_remove_tree (path);
  g_clear_object (&fixture->file);
}

WaymarkPhase *
find_phase (WaymarkJourney *journey,
            const char     *name)
{
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);

  for (guint i = 0; i < phases->len; i++)
    if (g_strcmp0 (((WaymarkPhase *) g_ptr_array_index (phases, i))->name, name) == 0)
      return g_ptr_array_index (phases, i);
  g_error ("no phase “%s”", name);
  return NULL;
}

WaymarkLane *
find_lane (WaymarkJourney *journey,
           const char     *name)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);

  for (guint i = 0; i < lanes->len; i++)
    if (g_strcmp0 (((WaymarkLane *) g_ptr_array_index (lanes, i))->name, name) == 0)
      return g_ptr_array_index (lanes, i);
  g_error ("no lane “%s”", name);
  return NULL;
}

WaymarkTouchpoint *
find_touchpoint (WaymarkJourney *journey,
                 const char     *title)
{
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  for (guint i = 0; i < tps->len; i++)
    if (g_strcmp0 (((WaymarkTouchpoint *) g_ptr_array_index (tps, i))->title, title) == 0)
      return g_ptr_array_index (tps, i);
  return NULL;
}

int
cell_position (WaymarkJourney *journey,
               gpointer        card)
{
  WaymarkTouchpoint *tp = card;
  g_autoptr(GPtrArray) cell = NULL;
  guint index;

  g_assert_cmpint (waymark_item_get_item_type (card), ==, WAYMARK_ITEM_TOUCHPOINT);
  cell = waymark_journey_get_cell (journey, tp->phase, tp->lane);
  return g_ptr_array_find (cell, card, &index) ? (int) index : -1;
}

guint
cell_count (WaymarkJourney *journey,
            WaymarkPhase   *phase,
            WaymarkLane    *lane)
{
  g_autoptr(GPtrArray) cell = waymark_journey_get_cell (journey, phase, lane);

  return cell->len;
}

void
map_point (WaymarkCanvas *canvas,
           double         mx,
           double         my,
           double        *x,
           double        *y)
{
  _waymark_canvas_map_to_widget (canvas, mx, my, x, y);
}

void
card_point (WaymarkCanvas *canvas,
            gpointer       card,
            double        *x,
            double        *y)
{
  WaymarkRect rect;

  g_assert_true (waymark_layout_get_card_rect (waymark_canvas_get_layout (canvas), card, &rect));
  map_point (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

void
cell_point (WaymarkCanvas *canvas,
            WaymarkPhase  *phase,
            WaymarkLane   *lane,
            double        *x,
            double        *y)
{
  WaymarkRect rect;

  g_assert_true (waymark_layout_get_cell_rect (waymark_canvas_get_layout (canvas), phase, lane, &rect));
  map_point (canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

void
drag_pointer (WaymarkCanvas   *canvas,
              double           x0,
              double           y0,
              double           x1,
              double           y1,
              GdkModifierType  state)
{
  _waymark_canvas_press (canvas, x0, y0, state, FALSE);
  for (int i = 1; i <= 5; i++)
    _waymark_canvas_motion (canvas, x0 + (x1 - x0) * i / 5, y0 + (y1 - y0) * i / 5);
  _waymark_canvas_release (canvas, x1, y1);
}

void
click_pointer (WaymarkCanvas   *canvas,
               double           x,
               double           y,
               GdkModifierType  state)
{
  _waymark_canvas_press (canvas, x, y, state, FALSE);
  _waymark_canvas_release (canvas, x, y);
}

char *
save_and_read (CanvasFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (fixture->file);
  g_autoptr(GFile) copy = g_file_get_child (dir, "saved.journey");
  char *contents = NULL;

  g_assert_true (waymark_document_save_as (fixture->document, copy, &error));
  g_assert_no_error (error);
  g_file_load_contents (copy, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
