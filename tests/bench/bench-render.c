/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <cairo.h>

#include "bench-generate.h"
#include "bench-render.h"
#include "waymark-edits.h"
#include "waymark-export.h"
#include "waymark-file.h"
#include "waymark-history.h"
#include "waymark-layout.h"
#include "waymark-painter.h"

/* How the figures are taken, and why:
 *  - both paints go to a 1920 × 1080 image surface, so they rasterise the
 *    same number of pixels and differ only in what the painter visits:
 *    the whole map is scaled to fit (what "zoom to fit" asks of the
 *    canvas), the viewport is a 1920 × 1080 area in the middle of the map
 *    at 100 %.  The layout is made first and not timed here; every paint
 *    reuses it, as the canvas does.
 *  - relayout is waymark_layout_update () after one card's title changed
 *    through the history (as an edit in the app makes it), alternating a
 *    short and a long title so the card's height changes and its row may
 *    have to grow; it is compared with a full layout of a new
 *    WaymarkLayout of the same journey.
 *  - the PDF export is what `waymark --export` does after loading: a new
 *    layout and waymark_export_to_bytes (); the example map's A3 page and
 *    3 × 2 A4 poster are timed too.
 *  - figures are medians of the runs; CPU time would hide nothing here
 *    (one thread, no I/O), so the wall clock is reported. */

#define SEED 20240601u
#define VIEW_WIDTH 1920
#define VIEW_HEIGHT 1080

typedef struct {
  guint size;
  double map_width;
  double map_height;
  double layout_ms;      /* a full layout of a new WaymarkLayout */
  double whole_ms;       /* the whole map, scaled into 1920 × 1080 */
  double view_ms;        /* 1920 × 1080 at 100 % */
  double view_nolinks_ms; /* the same without the flow links, to tell their share */
  double relayout_ms;    /* after one title change */
  guint view_cards;      /* cards the viewport painted */
  guint view_links;      /* links it drew (of those it tested) */
  guint view_links_tested;
  guint view_points;     /* emotion points it drew */
  guint relayout_cards;  /* cards the relayout measured (median run) */
} Figures;

static guint
runs_for (const BenchOptions *options,
          guint               size)
{
  if (options->runs > 0)
    return options->runs;
  return size >= 100000 ? 3 : 5;
}

static double
paint_ms (WaymarkLayout     *layout,
          cairo_surface_t   *surface,
          double             scale,
          const WaymarkRect *clip,
          WaymarkPaintFlags  flags,
          WaymarkPaintStats *out)
{
  cairo_t *cr = cairo_create (surface);
  WaymarkPaintStats stats = { 0 };
  WaymarkPaintState state = { .stats = &stats };
  gint64 start;
  double ms;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (clip != NULL)
    cairo_translate (cr, -clip->x, -clip->y);

  start = bench_now_ns ();
  waymark_painter_paint (layout, cr, clip, NULL, flags, &state);
  cairo_surface_flush (surface);
  ms = bench_ms_since (start);

  cairo_destroy (cr);
  if (out != NULL)
    *out = stats;
  return ms;
}

static void
measure_size (const BenchOptions *options,
              Figures            *fig)
{
  g_autoptr(WaymarkJourney) journey = bench_generate_journey (fig->size, SEED + fig->size);
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(WaymarkLayout) layout = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  GPtrArray *touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  guint runs = runs_for (options, fig->size);
  g_autofree double *layout_ms = g_new0 (double, runs);
  g_autofree double *whole_ms = g_new0 (double, runs);
  g_autofree double *view_ms = g_new0 (double, runs);
  g_autofree double *view_nolinks_ms = g_new0 (double, runs);
  g_autofree double *relayout_ms = g_new0 (double, runs);
  g_autofree double *relayout_cards = g_new0 (double, runs);
  WaymarkRect view;
  double fit;

  /* Full layouts: a new layout each time (the text layouts included). */
  for (guint r = 0; r < runs; r++)
    {
      gint64 start = bench_now_ns ();

      g_clear_object (&layout);
      layout = waymark_layout_new (journey, NULL);
      waymark_layout_update (layout);
      layout_ms[r] = bench_ms_since (start);
    }
  waymark_layout_get_size (layout, &fig->map_width, &fig->map_height);

  fit = MIN (VIEW_WIDTH / fig->map_width, VIEW_HEIGHT / fig->map_height);
  view = WAYMARK_RECT_INIT (MAX (0, (fig->map_width - VIEW_WIDTH) / 2), MAX (0, (fig->map_height - VIEW_HEIGHT) / 2),
                            VIEW_WIDTH, VIEW_HEIGHT);

  /* One untimed paint of each first: glyph caches warm, as on screen. */
  paint_ms (layout, surface, fit, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  paint_ms (layout, surface, 1.0, &view, WAYMARK_PAINT_DEFAULT, NULL);
  for (guint r = 0; r < runs; r++)
    {
      WaymarkPaintStats stats;

      whole_ms[r] = paint_ms (layout, surface, fit, NULL, WAYMARK_PAINT_DEFAULT, NULL);
      view_nolinks_ms[r] = paint_ms (layout, surface, 1.0, &view, WAYMARK_PAINT_NO_LINKS, NULL);
      view_ms[r] = paint_ms (layout, surface, 1.0, &view, WAYMARK_PAINT_DEFAULT, &stats);
      fig->view_cards = stats.n_cards_painted;
      fig->view_links = stats.n_links_painted;
      fig->view_links_tested = stats.n_links_tested;
      fig->view_points = stats.n_emotion_points_painted;
    }

  /* One title change at a time, on cards spread over the map. */
  for (guint r = 0; r < runs; r++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, (r * 7919u + touchpoints->len / 2) % touchpoints->len);
      WaymarkTouchpoint *edited = waymark_item_copy (tp);
      WaymarkLayoutStats stats;
      gint64 start;

      g_free (edited->title);
      edited->title = g_strdup (r % 2 == 0
                                ? "A much longer title that wraps over several lines of the card, as people write them"
                                : "Short");
      waymark_edits_update (history, tp, edited, NULL);
      g_assert (waymark_layout_is_dirty (layout));

      waymark_layout_reset_stats (layout);
      start = bench_now_ns ();
      waymark_layout_update (layout);
      relayout_ms[r] = bench_ms_since (start);
      waymark_layout_get_stats (layout, &stats);
      relayout_cards[r] = stats.n_cards_measured;
    }

  fig->layout_ms = bench_median (layout_ms, runs);
  fig->whole_ms = bench_median (whole_ms, runs);
  fig->view_ms = bench_median (view_ms, runs);
  fig->view_nolinks_ms = bench_median (view_nolinks_ms, runs);
  fig->relayout_ms = bench_median (relayout_ms, runs);
  fig->relayout_cards = (guint) bench_median (relayout_cards, runs);

  cairo_surface_destroy (surface);
}

static GFile *
example_map (void)
{
  const char *dirs[] = { g_getenv ("WAYMARK_DATADIR"), SOURCE_DATADIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], "templates", "example-fitness-watch.journey", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }
  return NULL;
}

/* Median ms of a new layout plus the export, and the size of the file. */
static gboolean
measure_export (WaymarkJourney              *journey,
                const WaymarkExportOptions  *export_options,
                guint                        runs,
                double                      *ms,
                gsize                       *bytes,
                GError                     **error)
{
  g_autofree double *times = g_new0 (double, runs + 1);

  /* The first run warms font and glyph caches and is not counted. */
  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(WaymarkLayout) layout = NULL;
      g_autoptr(GBytes) data = NULL;
      gint64 start = bench_now_ns ();

      layout = waymark_layout_new (journey, NULL);
      data = waymark_export_to_bytes (layout, export_options, error);
      if (data == NULL)
        return FALSE;
      times[r] = bench_ms_since (start);
      *bytes = g_bytes_get_size (data);
    }

  *ms = bench_median (times + 1, runs);
  return TRUE;
}

static void
print_row (const char *label,
           const Figures *figs,
           guint n,
           double (*value) (const Figures *),
           int precision)
{
  g_print ("  %-46s", label);
  for (guint i = 0; i < n; i++)
    bench_print_cell (value (&figs[i]), 10, precision);
  g_print ("\n");
}

static double get_layout (const Figures *f) { return f->layout_ms; }
static double get_whole (const Figures *f) { return f->whole_ms; }
static double get_view (const Figures *f) { return f->view_ms; }
static double get_relayout (const Figures *f) { return f->relayout_ms; }
static double get_view_nolinks (const Figures *f) { return f->view_nolinks_ms; }
static double get_view_cards (const Figures *f) { return f->view_cards; }
static double get_relayout_cards (const Figures *f) { return f->relayout_cards; }
static double get_view_links (const Figures *f) { return f->view_links; }
static double get_view_links_tested (const Figures *f) { return f->view_links_tested; }
static double get_view_points (const Figures *f) { return f->view_points; }
static double get_view_share (const Figures *f) { return f->whole_ms > 0 ? f->view_ms / f->whole_ms : -1; }
static double get_relayout_ratio (const Figures *f) { return f->layout_ms > 0 ? f->relayout_ms / f->layout_ms : -1; }

static const Figures *
find_size (const Figures *figs,
           guint          n,
           guint          size)
{
  for (guint i = 0; i < n; i++)
    if (figs[i].size == size)
      return &figs[i];
  return NULL;
}

gboolean
bench_render_run (const BenchOptions  *options,
                  GError             **error)
{
  g_autofree Figures *figs = g_new0 (Figures, options->sizes->len);
  g_autoptr(GFile) example = example_map ();
  g_autoptr(WaymarkJourney) journey = NULL;
  const Figures *small, *big;
  struct { const char *label; WaymarkPaper paper; guint columns, rows; double ms; gsize bytes; } pdfs[] = {
    { "natural size, one page", WAYMARK_PAPER_NATURAL, 1, 1, 0, 0 },
    { "A3 landscape", WAYMARK_PAPER_A3, 1, 1, 0, 0 },
    { "poster 3 x 2 A4", WAYMARK_PAPER_A4, 3, 2, 0, 0 },
  };
  guint pdf_runs = options->runs > 0 ? options->runs : 10;
  guint passed = 0, checked = 0;

  g_print ("\n== render: paint, viewport, relayout, PDF export (cairo %s, pango %s) ==\n",
           cairo_version_string (), pango_version_string ());

  for (guint i = 0; i < options->sizes->len; i++)
    {
      figs[i].size = g_array_index (options->sizes, guint, i);
      g_print ("  %u touchpoints...", figs[i].size);
      measure_size (options, &figs[i]);
      g_print (" done\n");
    }

  g_print ("\n  %-46s", "touchpoints");
  for (guint i = 0; i < options->sizes->len; i++)
    g_print (" %10u", figs[i].size);
  g_print ("\n  %-46s", "map size (map units = px at 100 %)");
  for (guint i = 0; i < options->sizes->len; i++)
    {
      g_autofree char *cell = g_strdup_printf ("%.0fx%.0f", figs[i].map_width, figs[i].map_height);
      g_print (" %10s", cell);
    }
  g_print ("\n\n  Time (ms, median)\n");
  print_row ("full layout (new layout, all text)", figs, options->sizes->len, get_layout, 1);
  print_row ("paint whole map (fitted into 1920x1080)", figs, options->sizes->len, get_whole, 1);
  print_row ("paint one 1920x1080 viewport at 100 %", figs, options->sizes->len, get_view, 2);
  print_row ("  the same, flow links left out", figs, options->sizes->len, get_view_nolinks, 2);
  print_row ("relayout after one title change", figs, options->sizes->len, get_relayout, 3);
  g_print ("\n  Work\n");
  print_row ("cards painted in the viewport", figs, options->sizes->len, get_view_cards, 0);
  print_row ("links drawn in the viewport", figs, options->sizes->len, get_view_links, 0);
  print_row ("links tested for the viewport", figs, options->sizes->len, get_view_links_tested, 0);
  print_row ("emotion points drawn in the viewport", figs, options->sizes->len, get_view_points, 0);
  print_row ("cards measured by the relayout", figs, options->sizes->len, get_relayout_cards, 0);
  g_print ("\n  Ratios\n");
  print_row ("viewport / whole map", figs, options->sizes->len, get_view_share, 4);
  print_row ("relayout / full layout", figs, options->sizes->len, get_relayout_ratio, 4);

  /* The goals of the render issue, stated for 1,000 and 10,000. */
  small = find_size (figs, options->sizes->len, 1000);
  big = find_size (figs, options->sizes->len, 10000);
  g_print ("\n  Goals\n");
  if (big != NULL)
    {
      double share = get_view_share (big);

      g_print ("  %-46s %10.4f %s   goal <= 0.05 (1/20)\n", "10k: viewport / whole map", share,
               bench_verdict (share, 0.05));
      passed += share >= 0 && share <= 0.05;
      checked++;
    }
  if (small != NULL && big != NULL)
    {
      double growth = small->view_ms > 0 ? big->view_ms / small->view_ms : -1;

      g_print ("  %-46s %10.2f %s   goal <= 1.5\n", "viewport 10k / viewport 1k", growth,
               bench_verdict (growth, 1.5));
      passed += growth >= 0 && growth <= 1.5;
      checked++;
    }
  for (guint i = 0; i < options->sizes->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%uk: relayout / full layout", figs[i].size / 1000);
      double ratio = get_relayout_ratio (&figs[i]);

      if (figs[i].size != 1000 && figs[i].size != 10000)
        continue;
      g_print ("  %-46s %10.4f %s   goal <= 0.05\n", label, ratio, bench_verdict (ratio, 0.05));
      passed += ratio >= 0 && ratio <= 0.05;
      checked++;
    }
  if (checked == 0)
    g_print ("  (the goals are stated for --sizes 1000,10000)\n");

  /* The example map as `waymark --export` writes it. */
  if (example == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           "the example map is not found (set WAYMARK_DATADIR to the data folder)");
      return FALSE;
    }
  journey = waymark_file_load (example, NULL, NULL, error);
  if (journey == NULL)
    return FALSE;

  g_print ("\n  PDF export of the example map (%u touchpoints; new layout + export, median of %u)\n",
           waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT), pdf_runs);
  for (guint i = 0; i < G_N_ELEMENTS (pdfs); i++)
    {
      WaymarkExportOptions export_options;

      waymark_export_options_init (&export_options, WAYMARK_EXPORT_PDF);
      export_options.paper = pdfs[i].paper;
      export_options.poster_columns = pdfs[i].columns;
      export_options.poster_rows = pdfs[i].rows;
      if (!measure_export (journey, &export_options, pdf_runs, &pdfs[i].ms, &pdfs[i].bytes, error))
        return FALSE;
      g_print ("  %-46s %10.1f ms %8.0f KiB\n", pdfs[i].label, pdfs[i].ms, pdfs[i].bytes / 1024.0);
    }

  if (checked > 0)
    g_print ("\n  goals met: %u of %u\n", passed, checked);
  return TRUE;
}
