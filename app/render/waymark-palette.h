/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "waymark-enums.h"

G_BEGIN_DECLS

/* A colour with straight (not premultiplied) alpha, components 0 … 1. */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} WaymarkColor;

typedef enum {
  WAYMARK_PALETTE_LIGHT,   /* print, export and the light canvas */
  WAYMARK_PALETTE_DARK,    /* the canvas in dark mode; never printed */
} WaymarkPaletteVariant;

#define WAYMARK_N_EMOTIONS   5
#define WAYMARK_N_PERSONA_STYLES 8

/* Every colour the painter uses, in one place.
 *
 * Channel categories use the Okabe–Ito colours (blue, orange, bluish
 * green), which stay apart for the common colour-vision deficiencies; as
 * greyscale print can still merge blue and green, each category also has
 * its own badge shape (digital: circle, physical: square, personal:
 * diamond), so colour is never the only cue.  Emotion runs along a
 * diverging red–grey–blue scale (ColorBrewer RdBu, safe for red–green
 * deficiencies); its score is also told by the face's mouth and by the
 * height of the point on the curve, which survive greyscale print.
 * Personas' curves take the eight Okabe–Ito colours, each with a dash
 * and a marker of its own (waymark-persona-style.h). */
typedef struct {
  WaymarkColor page;              /* the background of the whole map */
  WaymarkColor text;              /* titles and body text */
  WaymarkColor text_secondary;    /* metadata: channel, owner, subtitles */
  WaymarkColor text_faint;        /* placeholders, hints */
  WaymarkColor phase_fill;        /* phase header chevrons */
  WaymarkColor phase_text;
  WaymarkColor lane_header_fill;
  WaymarkColor lane_header_text;
  WaymarkColor cell_fill;         /* the tile behind each cell */
  WaymarkColor grid_line;         /* emotion levels, separators */
  WaymarkColor card_fill;
  WaymarkColor card_border;
  WaymarkColor card_shadow;
  WaymarkColor icon_on_badge;     /* channel glyphs drawn on the category badge */
  WaymarkColor category[WAYMARK_N_CATEGORIES];  /* by WaymarkCategory */
  WaymarkColor emotion[WAYMARK_N_EMOTIONS];     /* score -2 … +2 */
  WaymarkColor face_features;     /* eyes and mouth of the emotion faces */
  WaymarkColor emotion_curve;
  WaymarkColor persona[WAYMARK_N_PERSONA_STYLES];  /* one persona's curve and marks */
  WaymarkColor intended_curve;    /* the plan's curve beside the map's (as-is/intended chart) */
  WaymarkColor zero_line;
  WaymarkColor note_fill;         /* sticky notes */
  WaymarkColor note_text;
  WaymarkColor note_shadow;
  WaymarkColor link;              /* flow arrows between cards */
  WaymarkColor weakness;          /* the red "!" triangle */
  WaymarkColor strength;          /* the check mark */
  WaymarkColor moment_of_truth;   /* the star */
  WaymarkColor moment_of_truth_outline;
  WaymarkColor vote;              /* the dot-vote stickers */
  WaymarkColor badge_as_is_fill;  /* the as-is / intended badge in the header */
  WaymarkColor badge_as_is_text;
  WaymarkColor badge_intended_fill;
  WaymarkColor badge_intended_text;
  WaymarkColor selection;         /* canvas only: selected cards */
  WaymarkColor hover;             /* canvas only: the card under the pointer */
  WaymarkColor drop;              /* canvas only: where a dragged card lands */
} WaymarkPalette;

/**
 * waymark_palette_get:
 * The palette of @variant (static; never free it).  Print and export
 * always use %WAYMARK_PALETTE_LIGHT.
 */
const WaymarkPalette *waymark_palette_get            (WaymarkPaletteVariant variant);
/**
 * waymark_palette_get_emotion:
 * The colour of emotion @score, clamped to -2 … +2.
 */
const WaymarkColor   *waymark_palette_get_emotion    (const WaymarkPalette *palette,
                                                      int                   score);
/**
 * waymark_palette_get_category:
 * The colour of channel category @category.
 */
const WaymarkColor   *waymark_palette_get_category   (const WaymarkPalette *palette,
                                                      WaymarkCategory       category);
/**
 * waymark_color_set_source:
 * Makes @color the source of @cr.
 */
void                  waymark_color_set_source       (const WaymarkColor   *color,
                                                      cairo_t              *cr);
/**
 * waymark_color_set_source_alpha:
 * Makes @color, with its alpha multiplied by @alpha, the source of @cr.
 */
void                  waymark_color_set_source_alpha (const WaymarkColor   *color,
                                                      double                alpha,
                                                      cairo_t              *cr);

G_END_DECLS
