/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Pixels count as different when any channel differs by more than this:
 * antialiasing and font rasteriser versions move edges by a few levels. */
#define IMAGE_CHANNEL_TOLERANCE 8

/* Compares two ARGB32 images of the same size.  Returns the number of
 * pixels that differ by more than IMAGE_CHANNEL_TOLERANCE in any channel
 * (G_MAXUINT when the sizes differ).  @diff (nullable out) receives an
 * image of @actual faded to grey with the differing pixels in red. */
guint image_compare (cairo_surface_t  *expected,
                     cairo_surface_t  *actual,
                     cairo_surface_t **diff);

G_END_DECLS
