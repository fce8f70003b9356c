/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-palette.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Light is the print palette: white paper, calm greys, colour reserved for
 * meaning (category, emotion, markers) so the wall poster reads at a
 * glance and does not waste toner on large fills. */
static const WaymarkPalette light = {
  .page                    = RGB (0xffffff),
  .text                    = RGB (0x1e1e24),
  .text_secondary          = RGB (0x5e5c64),
  .text_faint              = RGB (0x9a9996),
  .phase_fill              = RGB (0x34495e),
  .phase_text              = RGB (0xffffff),
  .lane_header_fill        = RGB (0xebeae7),
  .lane_header_text        = RGB (0x241f31),
  .cell_fill               = RGB (0xf6f5f3),
  .grid_line               = RGB (0xd6d4d0),
  .card_fill               = RGB (0xffffff),
  .card_border             = RGB (0xcfcdc8),
  .card_shadow             = RGBA (0x000000, 0.10),
  .icon_on_badge           = RGB (0xffffff),
  .category = {
    [WAYMARK_CATEGORY_DIGITAL]  = RGB (0x0072b2),   /* Okabe–Ito blue */
    [WAYMARK_CATEGORY_PHYSICAL] = RGB (0xe69f00),   /* Okabe–Ito orange */
    [WAYMARK_CATEGORY_PERSONAL] = RGB (0x009e73),   /* Okabe–Ito bluish green */
  },
  .emotion = {
    RGB (0xb2182b),   /* -2 */
    RGB (0xef8a62),   /* -1 */
    RGB (0xa8a7a3),   /*  0 */
    RGB (0x67a9cf),   /* +1 */
    RGB (0x2166ac),   /* +2 */
  },
  .face_features           = RGB (0x1e1e24),
  .emotion_curve           = RGB (0x5e5c64),
  /* Okabe–Ito; the yellow darkened to a mustard, as pure yellow
   * vanishes on white paper. */
  .persona = {
    RGB (0x0072b2),   /* blue */
    RGB (0xd55e00),   /* vermillion */
    RGB (0x009e73),   /* bluish green */
    RGB (0xcc79a7),   /* reddish purple */
    RGB (0xe69f00),   /* orange */
    RGB (0x56b4e9),   /* sky blue */
    RGB (0xa09400),   /* yellow, darkened to olive */
    RGB (0x000000),   /* black */
  },
  .intended_curve          = RGB (0x1a5fb4),
  .zero_line               = RGB (0x9a9996),
  .note_fill               = RGB (0xfff1a6),
  .note_text               = RGB (0x3d3846),
  .note_shadow             = RGBA (0x000000, 0.14),
  .link                    = RGBA (0x4a4850, 0.80),
  .weakness                = RGB (0xc01c28),
  .strength                = RGB (0x26a269),
  .moment_of_truth         = RGB (0xf5c211),
  .moment_of_truth_outline = RGB (0x9c6e03),
  .vote                    = RGB (0x813d9c),
  .badge_as_is_fill        = RGB (0xdeddda),
  .badge_as_is_text        = RGB (0x3d3846),
  .badge_intended_fill     = RGB (0xd7e6f8),
  .badge_intended_text     = RGB (0x1a5fb4),
  .selection               = RGB (0x3584e4),
  .hover                   = RGBA (0x3584e4, 0.45),
  .drop                    = RGB (0x3584e4),
};

/* Dark keeps the same hues, lightened where they sit on dark fills, so a
 * map reads the same in both modes. */
static const WaymarkPalette dark = {
  .page                    = RGB (0x1e1e1e),
  .text                    = RGB (0xffffff),
  .text_secondary          = RGB (0xc0bfbc),
  .text_faint              = RGB (0x77767b),
  .phase_fill              = RGB (0x4a5d74),
  .phase_text              = RGB (0xffffff),
  .lane_header_fill        = RGB (0x303030),
  .lane_header_text        = RGB (0xffffff),
  .cell_fill               = RGB (0x282828),
  .grid_line               = RGB (0x48484a),
  .card_fill               = RGB (0x383838),
  .card_border             = RGB (0x4a4a4a),
  .card_shadow             = RGBA (0x000000, 0.40),
  .icon_on_badge           = RGB (0xffffff),
  .category = {
    [WAYMARK_CATEGORY_DIGITAL]  = RGB (0x3b9ad9),
    [WAYMARK_CATEGORY_PHYSICAL] = RGB (0xe69f00),
    [WAYMARK_CATEGORY_PERSONAL] = RGB (0x1fae86),
  },
  .emotion = {
    RGB (0xf0606a),
    RGB (0xf4a582),
    RGB (0x9a9996),
    RGB (0x92c5de),
    RGB (0x5aa0e0),
  },
  .face_features           = RGB (0x1e1e1e),
  .emotion_curve           = RGB (0xc0bfbc),
  /* Okabe–Ito on a dark ground: the blue lightened, black turned
   * white, the yellow as it is. */
  .persona = {
    RGB (0x2f8fd8),   /* blue, lightened */
    RGB (0xe8772e),   /* vermillion */
    RGB (0x1fbf91),   /* bluish green */
    RGB (0xe08fbd),   /* reddish purple */
    RGB (0xe69f00),   /* orange */
    RGB (0x56b4e9),   /* sky blue */
    RGB (0xf0e442),   /* yellow */
    RGB (0xf6f5f4),   /* white */
  },
  .intended_curve          = RGB (0x99c1f1),
  .zero_line               = RGB (0x77767b),
  .note_fill               = RGB (0x6b6130),
  .note_text               = RGB (0xfff8d0),
  .note_shadow             = RGBA (0x000000, 0.40),
  .link                    = RGBA (0xdeddda, 0.80),
  .weakness                = RGB (0xff7b63),
  .strength                = RGB (0x57e389),
  .moment_of_truth         = RGB (0xf8e45c),
  .moment_of_truth_outline = RGB (0xc88800),
  .vote                    = RGB (0xdc8add),
  .badge_as_is_fill        = RGB (0x48484a),
  .badge_as_is_text        = RGB (0xffffff),
  .badge_intended_fill     = RGB (0x1a5fb4),
  .badge_intended_text     = RGB (0xffffff),
  .selection               = RGB (0x78aeed),
  .hover                   = RGBA (0x78aeed, 0.45),
  .drop                    = RGB (0x78aeed),
};

const WaymarkPalette *
waymark_palette_get (WaymarkPaletteVariant variant)
{
  return variant == WAYMARK_PALETTE_DARK ? &dark : &light;
}

const WaymarkColor *
waymark_palette_get_emotion (const WaymarkPalette *palette,
                             int                   score)
{
  return &palette->emotion[CLAMP (score, -2, 2) + 2];
}

const WaymarkColor *
waymark_palette_get_category (const WaymarkPalette *palette,
                              WaymarkCategory       category)
{
  if ((guint) category >= WAYMARK_N_CATEGORIES)
    category = WAYMARK_CATEGORY_DIGITAL;
  return &palette->category[category];
}

void
waymark_color_set_source (const WaymarkColor *color,
                          cairo_t            *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
waymark_color_set_source_alpha (const WaymarkColor *color,
                                double              alpha,
                                cairo_t            *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}
