/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A developer tool: paints a journey (a .journey file, or a generated
 * map) to a PNG through the same painter the app uses.
 *
 *   render-journey [--dark] [--clip X,Y,W,H] IN.journey OUT.png [SCALE]
 *   render-journey [--dark] [--clip X,Y,W,H] --generate PHASES TOUCHPOINTS OUT.png [SCALE]
 *
 * --dark uses the dark palette (the canvas in dark mode).
 * --clip paints only that part of the map (in map units), through the
 * painter's clip, as the canvas does for its viewport.
 */
#include "config.h"

#include <cairo.h>
#include <stdlib.h>

#include "journey-builder.h"
#include "waymark-file.h"
#include "waymark-layout.h"
#include "waymark-painter.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(WaymarkLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const char *out;
  double scale = 1.0;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  WaymarkRect clip = { 0 };
  gboolean have_clip = FALSE;
  WaymarkPaletteVariant variant = WAYMARK_PALETTE_LIGHT;

  if (argc > 1 && g_str_equal (argv[1], "--dark"))
    {
      variant = WAYMARK_PALETTE_DARK;
      argc--;
      argv++;
    }

  if (argc > 2 && g_str_equal (argv[1], "--clip"))
    {
      g_auto(GStrv) parts = g_strsplit (argv[2], ",", 4);

      if (g_strv_length (parts) == 4)
        {
          clip = WAYMARK_RECT_INIT (g_ascii_strtod (parts[0], NULL), g_ascii_strtod (parts[1], NULL),
                                    g_ascii_strtod (parts[2], NULL), g_ascii_strtod (parts[3], NULL));
          have_clip = TRUE;
        }
      argc -= 2;
      argv += 2;
    }

  if (argc >= 5 && g_str_equal (argv[1], "--generate"))
    {
      journey = builder_generate (atoi (argv[2]), atoi (argv[3]), 42);
      out = argv[4];
      if (argc > 5)
        scale = g_ascii_strtod (argv[5], NULL);
    }
  else if (argc >= 3)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

      journey = waymark_file_load (file, NULL, NULL, &error);
      if (journey == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      out = argv[2];
      if (argc > 3)
        scale = g_ascii_strtod (argv[3], NULL);
    }
  else
    {
      g_printerr ("usage: %s IN.journey OUT.png [SCALE]\n"
                  "       %s --generate PHASES TOUCHPOINTS OUT.png [SCALE]\n", argv[0], argv[0]);
      return 2;
    }

  layout = waymark_layout_new (journey, NULL);
  waymark_layout_get_size (layout, &width, &height);
  if (!have_clip)
    clip = WAYMARK_RECT_INIT (0, 0, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (clip.width * scale + 0.5),
                                        (int) (clip.height * scale + 0.5));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -clip.x, -clip.y);
  waymark_painter_paint (layout, cr, &clip, waymark_palette_get (variant), WAYMARK_PAINT_DEFAULT, NULL);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, out) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("cannot write %s\n", out);
      return 1;
    }
  g_print ("%s: %.0f x %.0f map units\n", out, width, height);
  cairo_surface_destroy (surface);
  return 0;
}
