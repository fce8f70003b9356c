/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-painter-private.h"

/* Symbols are drawn as vector paths, not icon-theme images: they must
 * scale to a wall poster, print in PDF, and app/render may not use GTK.
 * Each channel icon is drawn in a box from -1 to 1 around its centre. */

void
_waymark_glyph_rounded_rect (cairo_t *cr,
                             double   x,
                             double   y,
                             double   w,
                             double   h,
                             double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   outer,
           double   inner)
{
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 ? inner : outer;
      double a = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (a), cy + r * sin (a));
      else
        cairo_line_to (cr, cx + r * cos (a), cy + r * sin (a));
    }
  cairo_close_path (cr);
}

typedef void (*IconFunc) (cairo_t *cr);

static void
icon_website (cairo_t *cr)
{
  _waymark_glyph_rounded_rect (cr, -1, -0.8, 2, 1.6, 0.25);
  cairo_move_to (cr, -1, -0.3);
  cairo_line_to (cr, 1, -0.3);
  cairo_stroke (cr);
}

static void
icon_search (cairo_t *cr)
{
  cairo_arc (cr, -0.2, -0.2, 0.62, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.32);
  cairo_move_to (cr, 0.27, 0.27);
  cairo_line_to (cr, 0.9, 0.9);
  cairo_stroke (cr);
}

static void
icon_social_media (cairo_t *cr)
{
  cairo_move_to (cr, 0.6, -0.62);
  cairo_line_to (cr, -0.6, 0);
  cairo_line_to (cr, 0.6, 0.62);
  cairo_stroke (cr);
  cairo_arc (cr, 0.6, -0.62, 0.32, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, -0.6, 0, 0.32, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 0.6, 0.62, 0.32, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
icon_online_ad (cairo_t *cr)
{
  /* A megaphone. */
  cairo_move_to (cr, -0.95, -0.32);
  cairo_line_to (cr, -0.35, -0.32);
  cairo_line_to (cr, 0.75, -0.9);
  cairo_line_to (cr, 0.75, 0.9);
  cairo_line_to (cr, -0.35, 0.32);
  cairo_line_to (cr, -0.95, 0.32);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_move_to (cr, -0.55, 0.3);
  cairo_line_to (cr, -0.4, 0.9);
  cairo_stroke (cr);
}

static void
icon_email (cairo_t *cr)
{
  cairo_rectangle (cr, -1, -0.7, 2, 1.4);
  cairo_move_to (cr, -1, -0.7);
  cairo_line_to (cr, 0, 0.12);
  cairo_line_to (cr, 1, -0.7);
  cairo_stroke (cr);
}

static void
icon_chat (cairo_t *cr)
{
  _waymark_glyph_rounded_rect (cr, -1, -0.9, 2, 1.4, 0.4);
  cairo_fill (cr);
  cairo_move_to (cr, -0.55, 0.4);
  cairo_line_to (cr, -0.75, 1.0);
  cairo_line_to (cr, 0.05, 0.4);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_video (cairo_t *cr)
{
  _waymark_glyph_rounded_rect (cr, -1, -0.75, 2, 1.5, 0.3);
  cairo_stroke (cr);
  cairo_move_to (cr, -0.3, -0.42);
  cairo_line_to (cr, 0.48, 0);
  cairo_line_to (cr, -0.3, 0.42);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_app (cairo_t *cr)
{
  _waymark_glyph_rounded_rect (cr, -0.58, -1, 1.16, 2, 0.25);
  cairo_stroke (cr);
  cairo_arc (cr, 0, 0.66, 0.13, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
icon_review (cairo_t *cr)
{
  star_path (cr, 0, 0.05, 1.05, 0.45);
  cairo_fill (cr);
}

static void
icon_print (cairo_t *cr)
{
  cairo_move_to (cr, -0.72, -1);
  cairo_line_to (cr, 0.3, -1);
  cairo_line_to (cr, 0.72, -0.58);
  cairo_line_to (cr, 0.72, 1);
  cairo_line_to (cr, -0.72, 1);
  cairo_close_path (cr);
  for (int i = 0; i < 3; i++)
    {
      cairo_move_to (cr, -0.4, -0.25 + i * 0.4);
      cairo_line_to (cr, 0.4, -0.25 + i * 0.4);
    }
  cairo_stroke (cr);
}

static void
icon_store (cairo_t *cr)
{
  cairo_move_to (cr, -1, -0.25);
  cairo_line_to (cr, -0.8, -0.9);
  cairo_line_to (cr, 0.8, -0.9);
  cairo_line_to (cr, 1, -0.25);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_rectangle (cr, -0.8, -0.25, 1.6, 1.15);
  cairo_stroke (cr);
  cairo_rectangle (cr, -0.22, 0.25, 0.44, 0.65);
  cairo_fill (cr);
}

static void
icon_catalogue (cairo_t *cr)
{
  cairo_move_to (cr, 0, -0.55);
  cairo_line_to (cr, -1, -0.85);
  cairo_line_to (cr, -1, 0.65);
  cairo_line_to (cr, 0, 0.95);
  cairo_line_to (cr, 1, 0.65);
  cairo_line_to (cr, 1, -0.85);
  cairo_close_path (cr);
  cairo_move_to (cr, 0, -0.55);
  cairo_line_to (cr, 0, 0.95);
  cairo_stroke (cr);
}

static void
icon_event (cairo_t *cr)
{
  cairo_rectangle (cr, -0.9, -0.65, 1.8, 1.55);
  cairo_stroke (cr);
  cairo_rectangle (cr, -0.9, -0.65, 1.8, 0.45);
  cairo_fill (cr);
  cairo_move_to (cr, -0.45, -1);
  cairo_line_to (cr, -0.45, -0.5);
  cairo_move_to (cr, 0.45, -1);
  cairo_line_to (cr, 0.45, -0.5);
  cairo_stroke (cr);
}

static void
icon_packaging (cairo_t *cr)
{
  cairo_move_to (cr, 0, -1);
  cairo_line_to (cr, 0.92, -0.5);
  cairo_line_to (cr, 0.92, 0.5);
  cairo_line_to (cr, 0, 1);
  cairo_line_to (cr, -0.92, 0.5);
  cairo_line_to (cr, -0.92, -0.5);
  cairo_close_path (cr);
  cairo_move_to (cr, -0.92, -0.5);
  cairo_line_to (cr, 0, 0);
  cairo_line_to (cr, 0.92, -0.5);
  cairo_move_to (cr, 0, 0);
  cairo_line_to (cr, 0, 1);
  cairo_stroke (cr);
}

static void
icon_gift (cairo_t *cr)
{
  cairo_rectangle (cr, -0.82, -0.25, 1.64, 1.15);
  cairo_rectangle (cr, -1, -0.6, 2, 0.35);
  cairo_move_to (cr, 0, -0.6);
  cairo_line_to (cr, 0, 0.9);
  cairo_stroke (cr);
  cairo_arc (cr, -0.3, -0.85, 0.25, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, 0.3, -0.85, 0.25, 0, 2 * G_PI);
  cairo_stroke (cr);
}

static void
icon_person (cairo_t *cr)
{
  cairo_arc (cr, 0, -0.45, 0.42, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, -0.9, 1);
  cairo_curve_to (cr, -0.9, 0.05, 0.9, 0.05, 0.9, 1);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
icon_phone (cairo_t *cr)
{
  /* A handset: a thick curve with an earpiece and a mouthpiece. */
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 0.38);
  cairo_move_to (cr, -0.55, -0.75);
  cairo_curve_to (cr, -0.95, 0.05, -0.1, 0.95, 0.7, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
  _waymark_glyph_rounded_rect (cr, -0.95, -1.0, 0.75, 0.5, 0.2);
  cairo_fill (cr);
  _waymark_glyph_rounded_rect (cr, 0.4, 0.45, 0.6, 0.55, 0.2);
  cairo_fill (cr);
}

static void
icon_word_of_mouth (cairo_t *cr)
{
  cairo_arc (cr, -0.45, -0.05, 0.45, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, -0.1, 0, 0.75, -G_PI / 4, G_PI / 4);
  cairo_stroke (cr);
  cairo_arc (cr, -0.1, 0, 1.1, -G_PI / 4, G_PI / 4);
  cairo_stroke (cr);
}

static void
icon_unknown (cairo_t *cr)
{
  cairo_arc (cr, 0, 0, 0.38, 0, 2 * G_PI);
  cairo_fill (cr);
}

static const struct {
  const char *key;
  IconFunc draw;
} icons[] = {
  { "website", icon_website },
  { "search", icon_search },
  { "social-media", icon_social_media },
  { "online-ad", icon_online_ad },
  { "email", icon_email },
  { "chat", icon_chat },
  { "video", icon_video },
  { "app", icon_app },
  { "review", icon_review },
  { "print", icon_print },
  { "store", icon_store },
  { "catalogue", icon_catalogue },
  { "event", icon_event },
  { "packaging", icon_packaging },
  { "gift", icon_gift },
  { "sales-visit", icon_person },
  { "phone", icon_phone },
  { "word-of-mouth", icon_word_of_mouth },
};

void
_waymark_glyph_channel_icon (cairo_t    *cr,
                             const char *icon,
                             double      cx,
                             double      cy,
                             double      size)
{
  IconFunc draw = icon_unknown;

  for (guint i = 0; icon != NULL && i < G_N_ELEMENTS (icons); i++)
    if (strcmp (icons[i].key, icon) == 0)
      {
        draw = icons[i].draw;
        break;
      }

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, size / 2, size / 2);
  cairo_set_line_width (cr, 0.2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  draw (cr);
  cairo_new_path (cr);
  cairo_restore (cr);
}

void
_waymark_glyph_category_shape (cairo_t         *cr,
                               WaymarkCategory  category,
                               double           cx,
                               double           cy,
                               double           size)
{
  double h = size / 2;

  /* The shape tells the category where colour cannot (greyscale print,
   * colour-vision deficiency): circle, square, diamond. */
  cairo_new_path (cr);
  switch (category)
    {
    case WAYMARK_CATEGORY_PHYSICAL:
      _waymark_glyph_rounded_rect (cr, cx - h * 0.92, cy - h * 0.92, size * 0.92, size * 0.92, size * 0.14);
      break;
    case WAYMARK_CATEGORY_PERSONAL:
      cairo_move_to (cr, cx, cy - h * 1.18);
      cairo_line_to (cr, cx + h * 1.18, cy);
      cairo_line_to (cr, cx, cy + h * 1.18);
      cairo_line_to (cr, cx - h * 1.18, cy);
      cairo_close_path (cr);
      break;
    case WAYMARK_CATEGORY_DIGITAL:
    default:
      cairo_arc (cr, cx, cy, h, 0, 2 * G_PI);
      break;
    }
}

void
_waymark_glyph_category_badge (cairo_t              *cr,
                               const WaymarkPalette *palette,
                               WaymarkCategory       category,
                               const char           *icon,
                               double                cx,
                               double                cy,
                               double                size)
{
  _waymark_glyph_category_shape (cr, category, cx, cy, size);
  waymark_color_set_source (waymark_palette_get_category (palette, category), cr);
  cairo_fill (cr);

  waymark_color_set_source (&palette->icon_on_badge, cr);
  _waymark_glyph_channel_icon (cr, icon, cx, cy,
                              size * (category == WAYMARK_CATEGORY_PERSONAL ? 0.5 : 0.56));
}

/* A point of the emotion curve.  Its colour says the score on screen;
 * its shape says it on a black-and-white printer, where the five colours
 * come out at nearly the same grey: a circle for neutral, a triangle
 * pointing up for positive and down for negative, hollow for ±1 and
 * solid for ±2. */
void
_waymark_glyph_emotion_dot (cairo_t              *cr,
                            const WaymarkPalette *palette,
                            int                   score,
                            double                cx,
                            double                cy,
                            double                r)
{
  const WaymarkColor *color;

  score = CLAMP (score, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
  color = waymark_palette_get_emotion (palette, score);
  cairo_save (cr);
  cairo_new_path (cr);
  if (score == 0)
    cairo_arc (cr, cx, cy, r * 0.9, 0, 2 * G_PI);
  else
    {
      /* An equilateral triangle about the point, a little larger than
       * the circle so that both look the same size. */
      double up = score > 0 ? -1 : 1;
      double R = r * 1.35;

      cairo_move_to (cr, cx, cy + up * R);
      cairo_line_to (cr, cx + R * 0.866, cy - up * R * 0.5);
      cairo_line_to (cr, cx - R * 0.866, cy - up * R * 0.5);
      cairo_close_path (cr);
    }

  if (ABS (score) == 2)
    {
      waymark_color_set_source (color, cr);
      cairo_fill (cr);
    }
  else
    {
      cairo_set_line_width (cr, MAX (r * 0.45, 1.0));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      waymark_color_set_source (&palette->card_fill, cr);
      cairo_fill_preserve (cr);
      waymark_color_set_source (color, cr);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
_waymark_glyph_weakness (cairo_t              *cr,
                         const WaymarkPalette *palette,
                         double                cx,
                         double                cy,
                         double                size)
{
  double h = size / 2;

  cairo_new_path (cr);
  cairo_move_to (cr, cx, cy - h);
  cairo_line_to (cr, cx + h * 1.1, cy + h * 0.85);
  cairo_line_to (cr, cx - h * 1.1, cy + h * 0.85);
  cairo_close_path (cr);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, size * 0.1);
  waymark_color_set_source (&palette->weakness, cr);
  cairo_fill_preserve (cr);
  cairo_stroke (cr);
  cairo_restore (cr);

  waymark_color_set_source (&palette->icon_on_badge, cr);
  cairo_save (cr);
  cairo_set_line_width (cr, size * 0.13);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx, cy - h * 0.3);
  cairo_line_to (cr, cx, cy + h * 0.25);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_arc (cr, cx, cy + h * 0.58, size * 0.075, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
_waymark_glyph_strength (cairo_t              *cr,
                         const WaymarkPalette *palette,
                         double                cx,
                         double                cy,
                         double                size)
{
  double h = size / 2;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, h, 0, 2 * G_PI);
  waymark_color_set_source (&palette->strength, cr);
  cairo_fill (cr);

  cairo_save (cr);
  waymark_color_set_source (&palette->icon_on_badge, cr);
  cairo_set_line_width (cr, size * 0.13);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, cx - h * 0.45, cy + h * 0.02);
  cairo_line_to (cr, cx - h * 0.1, cy + h * 0.38);
  cairo_line_to (cr, cx + h * 0.5, cy - h * 0.35);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_waymark_glyph_star (cairo_t              *cr,
                     const WaymarkPalette *palette,
                     double                cx,
                     double                cy,
                     double                size)
{
  cairo_new_path (cr);
  star_path (cr, cx, cy + size * 0.04, size * 0.55, size * 0.24);
  waymark_color_set_source (&palette->moment_of_truth, cr);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MAX (0.8, size * 0.06));
  waymark_color_set_source (&palette->moment_of_truth_outline, cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_waymark_glyph_sticky (cairo_t              *cr,
                       const WaymarkPalette *palette,
                       double                x,
                       double                y,
                       double                w,
                       double                h)
{
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 1, y + 2, w, h);
  waymark_color_set_source (&palette->note_shadow, cr);
  cairo_fill (cr);
  _waymark_glyph_rounded_rect (cr, x, y, w, h, MIN (3.0, w / 8));
  waymark_color_set_source (&palette->note_fill, cr);
  cairo_fill (cr);
}
