/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <adwaita.h>

#include "bench-canvas.h"
#include "bench-generate.h"
#include "waymark-canvas-private.h"
#include "waymark-edits.h"

/* Frames are timed the way GTK makes them with the cairo renderer: the
 * canvas's snapshot() into a GtkSnapshot, and the render node drawn onto
 * a cairo image surface of the view's size.  The pointer goes through
 * the canvas's gesture entry points, as the GtkGestureDrag handlers call
 * them. */

#define VIEW_WIDTH 1280
#define VIEW_HEIGHT 800
#define DRAG_STEPS 60
#define DROPS 20
#define GOAL_RATIO 1.5

typedef struct {
  guint touchpoints;
  double frame_drag_ms;      /* median frame while dragging */
  double frame_change_ms;    /* median frame after the map changed */
  double step_us;            /* median pointer step (hit test, drop target) */
  double drop_ms;            /* median drop: the move and the relayout */
  WaymarkLayoutStats drop_stats;  /* of one drop */
  guint cards_painted;
} CanvasFigures;

static double
time_frame (WaymarkCanvas   *canvas,
            cairo_surface_t *surface)
{
  gint64 start = bench_now_ns ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
  return bench_ms_since (start);
}

/* A card in the middle of the view, or NULL. */
static gpointer
card_in_view (WaymarkCanvas *canvas,
              double        *x,
              double        *y)
{
  for (int dy = 0; dy < VIEW_HEIGHT / 2; dy += 16)
    for (int dx = 0; dx < VIEW_WIDTH / 2; dx += 16)
      {
        WaymarkHit hit;

        *x = VIEW_WIDTH / 2.0 - dx;
        *y = VIEW_HEIGHT / 2.0 - dy;
        if (_waymark_canvas_hit (canvas, *x, *y, &hit) && hit.kind == WAYMARK_HIT_CARD &&
            waymark_item_get_item_type (hit.item) == WAYMARK_ITEM_TOUCHPOINT)
          return hit.item;
      }
  return NULL;
}

static gboolean
measure (guint           n_touchpoints,
         CanvasFigures  *out,
         GError        **error)
{
  g_autoptr(WaymarkJourney) journey = bench_generate_journey (n_touchpoints, 4242);
  g_autoptr(WaymarkDocument) document = waymark_document_new (journey);
  WaymarkHistory *history = waymark_document_get_history (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  WaymarkCanvas *canvas = WAYMARK_CANVAS (waymark_canvas_new ());
  WaymarkLayout *layout;
  cairo_surface_t *surface;
  double drag_frames[DRAG_STEPS], change_frames[DRAG_STEPS], steps[DRAG_STEPS], drops[DROPS];
  double x0, y0, map_width, map_height;
  gpointer card;
  gint64 start;
  guint n_change = 0;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (canvas));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_WIDTH, VIEW_HEIGHT);
  waymark_canvas_set_document (canvas, document);
  waymark_canvas_set_dark (canvas, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  start = bench_now_ns ();
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) < VIEW_WIDTH / 2 && bench_ms_since (start) < 10000)
    g_main_context_iteration (NULL, FALSE);
  if (gtk_widget_get_width (GTK_WIDGET (canvas)) < VIEW_WIDTH / 2)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the canvas window was never shown");
      return FALSE;
    }

  /* 100 %, in the middle of the map, where the cells are full. */
  layout = waymark_canvas_get_layout (canvas);
  waymark_canvas_set_zoom (canvas, 1.0);
  waymark_layout_get_size (layout, &map_width, &map_height);
  _waymark_canvas_configure_adjustments (canvas);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), map_width / 3);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)), map_height / 5);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (GTK_WIDGET (canvas)),
                                        gtk_widget_get_height (GTK_WIDGET (canvas)));
  time_frame (canvas, surface);   /* warm: text layouts, glyph caches */

  card = card_in_view (canvas, &x0, &y0);
  if (card == NULL)
    {
      cairo_surface_destroy (surface);
      gtk_window_destroy (GTK_WINDOW (window));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no card in view");
      return FALSE;
    }

  /* A frame after a change: the visible map is painted again. */
  for (guint i = 0; i < DRAG_STEPS; i++)
    {
      _waymark_canvas_invalidate (canvas);
      change_frames[n_change++] = time_frame (canvas, surface);
    }
  out->cards_painted = canvas->last_stats.n_cards_painted;

  /* Dragging: each pointer step, then the frame it causes. */
  _waymark_canvas_press (canvas, x0, y0, 0, FALSE);
  for (guint i = 0; i < DRAG_STEPS; i++)
    {
      double t = (double) i / DRAG_STEPS;
      double x = 80 + (VIEW_WIDTH - 160) * t;
      double y = VIEW_HEIGHT / 2.0 + (VIEW_HEIGHT / 3.0) * sin (t * 6 * G_PI);

      start = bench_now_ns ();
      _waymark_canvas_motion (canvas, x, y);
      steps[i] = bench_ms_since (start) * 1000;
      drag_frames[i] = time_frame (canvas, surface);
    }
  _waymark_canvas_cancel_drag (canvas);

  /* Drops: the card between two cells, one undo step each; the layout
   * redoes the touched cells only. */
  {
    WaymarkTouchpoint *tp = card;
    GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
    WaymarkPhase *home = tp->phase;
    WaymarkPhase *other = g_ptr_array_index (phases, home == g_ptr_array_index (phases, 0) ? 1 : 0);
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();

    g_ptr_array_add (cards, tp);
    for (guint i = 0; i < DROPS; i++)
      {
        waymark_layout_update (layout);
        waymark_layout_reset_stats (layout);
        start = bench_now_ns ();
        waymark_edits_move_cards (history, cards, i % 2 == 0 ? other : home, tp->lane, 0);
        waymark_layout_update (layout);
        drops[i] = bench_ms_since (start);
        if (i == 0)
          waymark_layout_get_stats (layout, &out->drop_stats);
      }
  }

  out->touchpoints = n_touchpoints;
  out->frame_drag_ms = bench_median (drag_frames, DRAG_STEPS);
  out->frame_change_ms = bench_median (change_frames, n_change);
  out->step_us = bench_median (steps, DRAG_STEPS);
  out->drop_ms = bench_median (drops, DROPS);

  cairo_surface_destroy (surface);
  waymark_canvas_set_document (canvas, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}

gboolean
bench_canvas_run (const BenchOptions  *options,
                  GError             **error)
{
  static const guint sizes[] = { 500, 5000 };
  CanvasFigures figures[G_N_ELEMENTS (sizes)] = { 0 };
  double ratio_drag, ratio_change;

  g_print ("== canvas: one frame at 100 %% while dragging a card, %d × %d view ==\n", VIEW_WIDTH, VIEW_HEIGHT);
  if (!gtk_init_check ())
    {
      g_print ("skipped: needs a display (run it under xvfb-run with GSK_RENDERER=cairo)\n\n");
      return TRUE;
    }
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (!measure (sizes[i], &figures[i], error))
      return FALSE;

  g_print ("%12s %14s %14s %12s %12s %8s\n", "touchpoints", "drag frame ms", "change frame", "step µs",
           "drop ms", "painted");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_print ("%12u", figures[i].touchpoints);
      bench_print_cell (figures[i].frame_drag_ms, 14, 2);
      bench_print_cell (figures[i].frame_change_ms, 14, 2);
      bench_print_cell (figures[i].step_us, 12, 1);
      bench_print_cell (figures[i].drop_ms, 12, 2);
      g_print (" %8u\n", figures[i].cards_painted);
    }

  ratio_drag = figures[0].frame_drag_ms > 0 ? figures[1].frame_drag_ms / figures[0].frame_drag_ms : -1;
  ratio_change = figures[0].frame_change_ms > 0 ? figures[1].frame_change_ms / figures[0].frame_change_ms : -1;
  g_print ("drag frame 5,000 / 500: %.2f × (goal ≤ %.1f ×): %s\n", ratio_drag, GOAL_RATIO,
           bench_verdict (ratio_drag, GOAL_RATIO));
  g_print ("change frame 5,000 / 500: %.2f × (goal ≤ %.1f ×): %s\n", ratio_change, GOAL_RATIO,
           bench_verdict (ratio_change, GOAL_RATIO));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const WaymarkLayoutStats *s = &figures[i].drop_stats;

      g_print ("drop on %u touchpoints laid out: %u cell(s) flowed, %u card(s) measured, "
               "%u row(s), %u column(s), %u full rebuild(s)\n",
               figures[i].touchpoints, s->n_cells_flowed, s->n_cards_measured, s->n_rows_measured,
               s->n_columns_measured, s->n_full);
    }
  g_print ("\n");
  return TRUE;
}
