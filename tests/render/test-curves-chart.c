/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-curves-chart.h"
#include "waymark-reader.h"

/* The as-is/intended chart: each step where it belongs, in the shapes
 * and colours its legend gives (a hollow diamond for the plan, a dot for
 * the journey as it is, a triangle for a failing touchpoint, a cross for
 * a missing one), on the palette's page in light and dark; the steps
 * under the pointer; the words for tooltips and screen readers. */

#define HEAD(id) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"" id "\">\n" \
  "  <title>T</title>\n" \
  "  <phase id=\"p1\"><name>Purchase</name></phase>\n" \
  "  <lane id=\"l1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"
#define TP(id, title, score) \
  "  <touchpoint id=\"" id "\" phase=\"p1\" lane=\"l1\"><title>" title "</title>" \
  "<emotion score=\"" score "\"/></touchpoint>\n"

static const char intended_xml[] = HEAD ("j-1")
  TP ("t1", "Ad", "2") TP ("t2", "Flyer", "1") TP ("t3", "Checkout", "1") "</journey>\n";
static const char actual_xml[] = HEAD ("j-1")
  TP ("t1", "Ad", "2") TP ("t3", "Checkout", "-2") TP ("t5", "Hotline", "0") "</journey>\n";

/* The chart's frame for 4 steps in 400 × 220 (waymark-curves-chart.c):
 * plot from x 24 to 392, steps 92 wide; +2 at y 30, −2 at y 194. */
#define WIDTH 400
#define HEIGHT 220
#define STEP_X(i) (24 + ((i) + 0.5) * 92)
#define SCORE_Y(s) (30 + (2 - (s)) / 4.0 * 164)

typedef struct {
  WaymarkJourney *intended;
  WaymarkJourney *actual;
  WaymarkDiff *diff;
  GPtrArray *deviations;
  GArray *steps;
} Chart;

static WaymarkJourney *
load (const char *xml)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_reader_read (xml, strlen (xml), "test.journey", NULL, &error);

  g_assert_no_error (error);
  return journey;
}

static void
chart_init (Chart *c)
{
  c->intended = load (intended_xml);
  c->actual = load (actual_xml);
  c->diff = waymark_diff_new (c->intended, c->actual, WAYMARK_DIFF_BY_ID_ONLY);
  c->deviations = waymark_deviations_find (c->diff);
  c->steps = waymark_curve_steps_new (c->diff, c->deviations);
  g_assert_cmpuint (c->steps->len, ==, 4);
}

static void
chart_clear (Chart *c)
{
  g_array_unref (c->steps);
  g_ptr_array_unref (c->deviations);
  waymark_diff_free (c->diff);
  g_object_unref (c->actual);
  g_object_unref (c->intended);
}

static cairo_surface_t *
paint (Chart                 *c,
       WaymarkPaletteVariant  variant)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  waymark_curves_chart_paint (c->steps, waymark_palette_get (variant), WIDTH, HEIGHT, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
near_color (guint32             pixel,
            const WaymarkColor *color)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ABS (r - (int) (color->red * 255)) <= 24 && ABS (g - (int) (color->green * 255)) <= 24 &&
         ABS (b - (int) (color->blue * 255)) <= 24;
}

/* Whether a pixel near @color lies within @radius of (@cx, @cy). */
static gboolean
has_color_near (cairo_surface_t    *image,
                const WaymarkColor *color,
                double              cx,
                double              cy,
                int                 radius)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  for (int y = (int) cy - radius; y <= (int) cy + radius; y++)
    for (int x = (int) cx - radius; x <= (int) cx + radius; x++)
      if (x >= 0 && y >= 0 && x < WIDTH && y < HEIGHT &&
          near_color (*(const guint32 *) (data + y * stride + 4 * x), color))
        return TRUE;
  return FALSE;
}

static guint32
pixel_at (cairo_surface_t *image,
          double           x,
          double           y)
{
  return *(const guint32 *) (cairo_image_surface_get_data (image) +
                             (int) y * cairo_image_surface_get_stride (image) + 4 * (int) x);
}

static void
check_marks (WaymarkPaletteVariant variant)
{
  const WaymarkPalette *palette = waymark_palette_get (variant);
  Chart c;
  cairo_surface_t *image;

  chart_init (&c);
  image = paint (&c, variant);

  /* On the page colour. */
  g_assert_true (near_color (pixel_at (image, WIDTH - 2, HEIGHT / 2), &palette->page));

  /* "Ad" as planned: the as-is dot inside the plan's diamond. */
  g_assert_true (near_color (pixel_at (image, STEP_X (0), SCORE_Y (2)), &palette->emotion_curve));
  g_assert_true (has_color_near (image, &palette->intended_curve, STEP_X (0), SCORE_Y (2), 6));

  /* "Flyer" is missing: a hollow diamond at +1 and a cross on the axis,
   * no dot anywhere in its step's column. */
  g_assert_true (near_color (pixel_at (image, STEP_X (1), SCORE_Y (1)), &palette->page));
  g_assert_true (has_color_near (image, &palette->intended_curve, STEP_X (1), SCORE_Y (1), 5));
  g_assert_true (near_color (pixel_at (image, STEP_X (1), SCORE_Y (-2) + 5), &palette->weakness));

  /* "Checkout" fails: a triangle in the weakness colour at −2, the
   * plan's diamond at +1. */
  g_assert_true (near_color (pixel_at (image, STEP_X (2), SCORE_Y (-2)), &palette->weakness));
  g_assert_true (near_color (pixel_at (image, STEP_X (2), SCORE_Y (1)), &palette->page));
  g_assert_true (has_color_near (image, &palette->intended_curve, STEP_X (2), SCORE_Y (1), 5));

  /* "Hotline" was not planned: a dot at 0 and no diamond. */
  g_assert_true (near_color (pixel_at (image, STEP_X (3), SCORE_Y (0)), &palette->emotion_curve));
  for (int score = -1; score <= 2; score++)
    if (score != 0)
      g_assert_false (has_color_near (image, &palette->intended_curve, STEP_X (3), SCORE_Y (score), 3));

  cairo_surface_destroy (image);
  chart_clear (&c);
}

static void
test_light (void)
{
  check_marks (WAYMARK_PALETTE_LIGHT);
}

static void
test_dark (void)
{
  check_marks (WAYMARK_PALETTE_DARK);
}

static void
test_step_at (void)
{
  Chart c;

  chart_init (&c);
  g_assert_cmpint (waymark_curves_chart_step_at (c.steps, WIDTH, STEP_X (0)), ==, 0);
  g_assert_cmpint (waymark_curves_chart_step_at (c.steps, WIDTH, STEP_X (2) + 45), ==, 2);
  g_assert_cmpint (waymark_curves_chart_step_at (c.steps, WIDTH, STEP_X (3)), ==, 3);
  g_assert_cmpint (waymark_curves_chart_step_at (c.steps, WIDTH, 10), ==, -1);
  g_assert_cmpint (waymark_curves_chart_step_at (c.steps, WIDTH, WIDTH - 2), ==, -1);
  chart_clear (&c);
}

static void
test_describe (void)
{
  Chart c;
  g_autofree char *failing = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *summary = NULL;

  chart_init (&c);
  failing = waymark_curves_chart_describe_step (&g_array_index (c.steps, WaymarkCurveStep, 2));
  g_assert_cmpstr (failing, ==, "Checkout (Purchase)\nIntended: +1 · as is: −2\nFailing touchpoint");
  missing = waymark_curves_chart_describe_step (&g_array_index (c.steps, WaymarkCurveStep, 1));
  g_assert_cmpstr (missing, ==, "Flyer (Purchase)\nIntended: +1 · as is: none (no touchpoint)\nMissing touchpoint");
  summary = waymark_curves_chart_describe (c.steps);
  g_assert_cmpstr (summary, ==, "Emotion curves: intended average +1.3, as is 0.0; deviations at 3 of 4 touchpoints.");
  chart_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curves-chart/light", test_light);
  g_test_add_func ("/curves-chart/dark", test_dark);
  g_test_add_func ("/curves-chart/step-at", test_step_at);
  g_test_add_func ("/curves-chart/describe", test_describe);

  return g_test_run ();
}
