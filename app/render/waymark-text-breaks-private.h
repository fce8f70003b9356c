/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to app/render: where the map's text may break between lines.
 * Pango breaks between words; a word too long for its line it breaks
 * between any two letters ("delighte-d").  So before a text is laid out
 * it gets a soft hyphen (U+00AD) wherever the hyphenation dictionary of
 * the user's language allows a break, and a no-break space between a
 * number and the word after it ("20 %", "50 km").  Both are invisible
 * unless a line breaks at the soft hyphen, which pango then shows as a
 * hyphen. */

/* @text with no-break spaces added, and soft hyphens in the words that
 * hold one of the @n_inside character offsets @inside (the words that did
 * not fit a line whole: others break between words).  Free with g_free().
 * Without a dictionary (libhyphen missing at build time, or no
 * hyph_LANG.dic installed) only the no-break spaces. */
char    *_waymark_text_add_breaks     (const char  *text,
                                       const glong *inside,
                                       guint        n_inside);
/* Whether a hyphenation dictionary was found (tests). */
gboolean _waymark_text_can_hyphenate  (void);

G_END_DECLS
