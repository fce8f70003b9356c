/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <math.h>

#include "journey-builder.h"
#include "waymark-layout.h"
#include "waymark-painter.h"
#include "waymark-persona-style.h"

/* Eight personas' emotion curves drawn together: each in its own style
 * (colour, and dash and marker for greyscale), each in the legend, in
 * light and dark; a map whose cards name no persona draws none. */

#define N_PERSONAS 8

static WaymarkJourney *
eight_personas (gboolean      marked,
                WaymarkLane **emotion_lane)
{
  WaymarkJourney *journey = waymark_journey_new ();
  WaymarkPersona *personas[N_PERSONAS];
  WaymarkLane *lane;
  const char *names[N_PERSONAS] = {
    "Running beginner", "Gift buyer", "Marathon runner", "Parent", "Senior", "Student", "Cyclist", "Swimmer",
  };

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Eight personas");
  for (guint i = 0; i < N_PERSONAS; i++)
    {
      g_autofree char *id = g_strdup_printf ("persona-%u", i);

      personas[i] = waymark_persona_new (id, names[i]);
      waymark_journey_insert_item (journey, personas[i], -1);
      waymark_item_unref (personas[i]);
    }
  lane = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  *emotion_lane = builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  for (guint p = 0; p < 4; p++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %u", p + 1);
      WaymarkPhase *phase = builder_add_phase (journey, name);

      for (guint t = 0; t < 2; t++)
        {
          WaymarkTouchpoint *tp = builder_add_touchpoint (journey, phase, lane, NULL, "Step", ((p + t) % 3) - 1);
          WaymarkTouchpoint *copy;

          if (!marked)
            continue;
          copy = waymark_item_copy (tp);
          for (guint k = 0; k < N_PERSONAS; k++)
            {
              WaymarkPersonaMark *mark = waymark_touchpoint_mark_persona (copy, personas[k]);

              /* Each persona its own path through the scores. */
              mark->has_emotion = TRUE;
              mark->emotion = (int) ((p * 2 + t + k) % 5) - 2;
            }
          builder_swap (journey, tp, copy);
        }
    }
  return journey;
}

static cairo_surface_t *
paint (WaymarkLayout         *layout,
       WaymarkPaletteVariant  variant)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  waymark_painter_paint (layout, cr, NULL, waymark_palette_get (variant), WAYMARK_PAINT_DEFAULT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels within @rect close to @color (antialiased edges are blends). */
static guint
count_color (cairo_surface_t    *surface,
             const WaymarkRect  *rect,
             const WaymarkColor *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = MAX (0, (int) rect->y); y < MIN (h, (int) (rect->y + rect->height)); y++)
    for (int x = MAX (0, (int) rect->x); x < MIN (w, (int) (rect->x + rect->width)); x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        double r = ((px >> 16) & 0xff) - color->red * 255;
        double g = ((px >> 8) & 0xff) - color->green * 255;
        double b = (px & 0xff) - color->blue * 255;

        if (sqrt (r * r + g * g + b * b) < 14)
          n++;
      }
  return n;
}

static void
check_variant (WaymarkPaletteVariant variant)
{
  WaymarkLane *emotion_lane;
  g_autoptr(WaymarkJourney) journey = eight_personas (TRUE, &emotion_lane);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(WaymarkJourney) plain = NULL;
  g_autoptr(WaymarkLayout) plain_layout = NULL;
  const WaymarkPalette *palette = waymark_palette_get (variant);
  cairo_surface_t *surface;
  WaymarkRect lane, legend, plain_legend;

  surface = paint (layout, variant);
  g_assert_true (waymark_layout_get_lane_rect (layout, emotion_lane, &lane));
  waymark_layout_get_legend_rect (layout, &legend);

  /* The eight colours are eight, and each persona's shows on the curves
   * and in the legend. */
  for (guint a = 0; a < WAYMARK_N_PERSONA_STYLES; a++)
    for (guint b = a + 1; b < WAYMARK_N_PERSONA_STYLES; b++)
      {
        const WaymarkColor *ca = &palette->persona[a], *cb = &palette->persona[b];
        double d = fabs (ca->red - cb->red) + fabs (ca->green - cb->green) + fabs (ca->blue - cb->blue);

        if (d <= 0.2)
          g_error ("persona styles %u and %u: colours too close (%.2f)", a, b, d);
      }
  for (guint k = 0; k < N_PERSONAS; k++)
    {
      guint on_curves = count_color (surface, &lane, &palette->persona[k]);
      guint in_legend = count_color (surface, &legend, &palette->persona[k]);

      if (on_curves < 40 || in_legend < 8)
        g_error ("persona %u (%s): %u pixels on the curves, %u in the legend", k,
                 variant == WAYMARK_PALETTE_LIGHT ? "light" : "dark", on_curves, in_legend);
    }
  cairo_surface_destroy (surface);

  /* The same map without marks: no persona's curve, no persona group in
   * the legend (so the legend is shorter or the same). */
  plain = eight_personas (FALSE, &emotion_lane);
  plain_layout = waymark_layout_new (plain, NULL);
  surface = paint (plain_layout, variant);
  g_assert_true (waymark_layout_get_lane_rect (plain_layout, emotion_lane, &lane));
  waymark_layout_get_legend_rect (plain_layout, &plain_legend);
  g_assert_cmpfloat (plain_legend.height, <, legend.height);
  /* Vermillion and reddish purple are no other colour of the map. */
  g_assert_cmpuint (count_color (surface, &lane, &palette->persona[1]), ==, 0);
  g_assert_cmpuint (count_color (surface, &lane, &palette->persona[3]), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_light (void)
{
  check_variant (WAYMARK_PALETTE_LIGHT);
}

static void
test_dark (void)
{
  check_variant (WAYMARK_PALETTE_DARK);
}

/* Marking a card updates the curves and the legend without a new
 * layout (the canvas keeps its layout). */
static void
test_incremental (void)
{
  WaymarkLane *emotion_lane;
  g_autoptr(WaymarkJourney) journey = eight_personas (FALSE, &emotion_lane);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  const WaymarkPalette *palette = waymark_palette_get (WAYMARK_PALETTE_LIGHT);
  WaymarkTouchpoint *tp = g_ptr_array_index (waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT), 0);
  WaymarkTouchpoint *copy = waymark_item_copy (tp);
  WaymarkPersonaMark *mark;
  WaymarkRect before, after, lane;
  cairo_surface_t *surface;

  waymark_layout_get_legend_rect (layout, &before);
  mark = waymark_touchpoint_mark_persona (copy, g_ptr_array_index (waymark_journey_get_items (journey, WAYMARK_ITEM_PERSONA), 3));
  mark->has_emotion = TRUE;
  mark->emotion = 2;
  builder_swap (journey, tp, copy);
  waymark_layout_get_legend_rect (layout, &after);
  g_assert_cmpfloat (after.height, >=, before.height);
  surface = paint (layout, WAYMARK_PALETTE_LIGHT);
  g_assert_true (waymark_layout_get_lane_rect (layout, emotion_lane, &lane));
  /* One point: its marker, no line. */
  g_assert_cmpuint (count_color (surface, &lane, &palette->persona[3]), >, 10);
  g_assert_cmpuint (count_color (surface, &after, &palette->persona[3]), >, 8);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/personas/light", test_light);
  g_test_add_func ("/render/personas/dark", test_dark);
  g_test_add_func ("/render/personas/incremental", test_incremental);
  return g_test_run ();
}
