/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "waymark-palette.h"

G_BEGIN_DECLS

/* The face that shows an emotion score (clamped to -2…+2): a disc in the
 * score's colour with eyes and a mouth that bends with the score, so it
 * reads without colour too.  Centred on (@cx, @cy) with radius @r.  The
 * cards, the emotion curve and the app's emotion picker all draw it, so
 * that they agree on what -1 looks like. */
void waymark_emotion_face_draw (cairo_t              *cr,
                                const WaymarkPalette *palette,
                                int                   score,
                                double                cx,
                                double                cy,
                                double                r);

G_END_DECLS
