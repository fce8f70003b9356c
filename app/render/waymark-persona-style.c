/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-persona-style.h"

/* Dashes in units of the line width, so thick and thin lines keep their
 * rhythm.  0 marks the end of a pattern; an empty one is solid. */
static const double dashes[WAYMARK_N_PERSONA_STYLES][6] = {
  { 0 },                       /* solid */
  { 4.0, 2.0, 0 },             /* long dash */
  { 0.01, 2.2, 0 },            /* dots (round caps) */
  { 4.0, 1.6, 0.01, 1.6, 0 },  /* dash dot */
  { 1.8, 1.8, 0 },             /* short dash */
  { 6.0, 1.6, 0 },             /* very long dash */
  { 4.0, 1.4, 0.01, 1.4, 0.01, 1.4 },  /* dash dot dot */
  { 2.8, 1.2, 1.0, 1.2, 0 },   /* dash, short dash */
};

typedef enum {
  SHAPE_SQUARE,
  SHAPE_DIAMOND,
  SHAPE_CIRCLE,
  SHAPE_CROSS,
  SHAPE_TRIANGLE,
  SHAPE_PLUS,
  SHAPE_STAR,
  SHAPE_HEXAGON,
} Shape;

guint
waymark_persona_style_of (WaymarkJourney       *journey,
                          const WaymarkPersona *persona)
{
  int index = waymark_journey_index_of (journey, persona);

  return index < 0 ? 0 : (guint) index % WAYMARK_N_PERSONA_STYLES;
}

static void
polygon (cairo_t *cr,
         double   x,
         double   y,
         double   radius,
         guint    corners,
         double   start)
{
  for (guint i = 0; i < corners; i++)
    {
      double a = start + 2 * G_PI * i / corners;

      if (i == 0)
        cairo_move_to (cr, x + radius * cos (a), y + radius * sin (a));
      else
        cairo_line_to (cr, x + radius * cos (a), y + radius * sin (a));
    }
  cairo_close_path (cr);
}

/* A plus of two bars @w thick, @r from the centre, turned by @angle. */
static void
bars (cairo_t *cr,
      double   x,
      double   y,
      double   r,
      double   w,
      double   angle)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, -w / 2, -r);
  cairo_line_to (cr, w / 2, -r);
  cairo_line_to (cr, w / 2, -w / 2);
  cairo_line_to (cr, r, -w / 2);
  cairo_line_to (cr, r, w / 2);
  cairo_line_to (cr, w / 2, w / 2);
  cairo_line_to (cr, w / 2, r);
  cairo_line_to (cr, -w / 2, r);
  cairo_line_to (cr, -w / 2, w / 2);
  cairo_line_to (cr, -r, w / 2);
  cairo_line_to (cr, -r, -w / 2);
  cairo_line_to (cr, -w / 2, -w / 2);
  cairo_close_path (cr);
  cairo_restore (cr);
}

static void
shape_path (cairo_t *cr,
            Shape    shape,
            double   x,
            double   y,
            double   size)
{
  double r = size / 2;

  switch (shape)
    {
    case SHAPE_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case SHAPE_DIAMOND:
      polygon (cr, x, y, r * 1.1, 4, -G_PI / 2);
      break;
    case SHAPE_CIRCLE:
      cairo_arc (cr, x, y, r * 0.95, 0, 2 * G_PI);
      break;
    case SHAPE_CROSS:
      bars (cr, x, y, r * 1.05, r * 0.7, G_PI / 4);
      break;
    case SHAPE_TRIANGLE:
      polygon (cr, x, y + r * 0.15, r * 1.15, 3, -G_PI / 2);
      break;
    case SHAPE_PLUS:
      bars (cr, x, y, r * 1.0, r * 0.7, 0);
      break;
    case SHAPE_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + G_PI * i / 5;
          double radius = i % 2 == 0 ? r * 1.15 : r * 0.5;

          if (i == 0)
            cairo_move_to (cr, x + radius * cos (a), y + radius * sin (a));
          else
            cairo_line_to (cr, x + radius * cos (a), y + radius * sin (a));
        }
      cairo_close_path (cr);
      break;
    case SHAPE_HEXAGON:
    default:
      polygon (cr, x, y, r, 6, 0);
      break;
    }
}

void
waymark_persona_style_draw_marker (cairo_t              *cr,
                                   const WaymarkPalette *palette,
                                   guint                 style,
                                   double                x,
                                   double                y,
                                   double                size,
                                   const WaymarkColor   *outline)
{
  style %= WAYMARK_N_PERSONA_STYLES;
  cairo_save (cr);
  cairo_new_path (cr);
  shape_path (cr, (Shape) style, x, y, size);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (outline != NULL)
    {
      cairo_set_line_width (cr, MAX (1.0, size * 0.22));
      waymark_color_set_source (outline, cr);
      cairo_stroke_preserve (cr);
    }
  waymark_color_set_source (&palette->persona[style], cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
waymark_persona_style_set_line (cairo_t              *cr,
                                const WaymarkPalette *palette,
                                guint                 style,
                                double                width)
{
  double dash[6];
  int n = 0;

  style %= WAYMARK_N_PERSONA_STYLES;
  while (n < 6 && dashes[style][n] > 0)
    {
      dash[n] = dashes[style][n] * width;
      n++;
    }
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, n, 0);
  waymark_color_set_source (&palette->persona[style], cr);
}
