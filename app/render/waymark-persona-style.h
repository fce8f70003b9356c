/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"
#include "waymark-palette.h"

G_BEGIN_DECLS

/* How one persona's emotion curve looks, so that eight curves drawn
 * together stay apart for every reader: a colour of the Okabe–Ito set
 * (safe for the common colour-vision deficiencies), a dash pattern and a
 * marker shape of its own (which survive greyscale print).  The legend,
 * the marks on the cards and the inspector use the same styles
 * (WAYMARK_N_PERSONA_STYLES of them, in waymark-palette.h). */
/* The style of @persona: its place among @journey's personas, so it
 * stays the same whatever the cards say; past eight they repeat. */
guint waymark_persona_style_of   (WaymarkJourney       *journey,
                                  const WaymarkPersona *persona);
/* The marker of @style centred on (@x, @y), @size across, filled with
 * the persona's colour and outlined in @outline (the ground it sits on,
 * so that touching markers stay apart). */
void  waymark_persona_style_draw_marker (cairo_t              *cr,
                                         const WaymarkPalette *palette,
                                         guint                 style,
                                         double                x,
                                         double                y,
                                         double                size,
                                         const WaymarkColor   *outline);
/* Sets the source, line width and dash of @style's curve on @cr. */
void  waymark_persona_style_set_line    (cairo_t              *cr,
                                         const WaymarkPalette *palette,
                                         guint                 style,
                                         double                width);

G_END_DECLS
