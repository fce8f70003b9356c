/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "image-compare.h"

guint
image_compare (cairo_surface_t  *expected,
               cairo_surface_t  *actual,
               cairo_surface_t **diff)
{
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  cairo_surface_t *a, *b, *d = NULL;
  guint n = 0;

  if (diff)
    *diff = NULL;
  if (cairo_image_surface_get_width (expected) != width || cairo_image_surface_get_height (expected) != height)
    return G_MAXUINT;

  /* Compare in one known format whatever the PNGs were loaded as. */
  a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  for (int i = 0; i < 2; i++)
    {
      cairo_t *cr = cairo_create (i ? b : a);

      cairo_set_source_surface (cr, i ? actual : expected, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  if (diff)
    d = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));
      guint32 *rd = d ? (guint32 *) (cairo_image_surface_get_data (d) + y * cairo_image_surface_get_stride (d)) : NULL;

      for (int x = 0; x < width; x++)
        {
          gboolean differs = FALSE;

          for (int shift = 0; shift < 32; shift += 8)
            if (abs ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff)) > IMAGE_CHANNEL_TOLERANCE)
              differs = TRUE;
          if (differs)
            n++;
          if (rd)
            {
              guint grey = (((rb[x] >> 16) & 0xff) + ((rb[x] >> 8) & 0xff) + (rb[x] & 0xff)) / 3;

              grey = 160 + grey * 95 / 255;
              rd[x] = differs ? 0xffff0000 : (0xff000000 | grey << 16 | grey << 8 | grey);
            }
        }
    }
  if (d)
    {
      cairo_surface_mark_dirty (d);
      *diff = d;
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return n;
}
