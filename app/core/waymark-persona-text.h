/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* A touchpoint's persona marks as one text, for the diff (a line people
 * read) and for a merge conflict's value (what the file keeps). */

/* @human: one line, "Lena −1 “frustrated”, Max" (personas by name).
 * Else one mark a line, "persona-1 score=-1 note=frustrated", the note
 * last with backslash and newline escaped as \\ and \n.  NULL when
 * @tp has no marks. */
char     *waymark_persona_text_from_marks (const WaymarkTouchpoint *tp,
                                           gboolean                 human);
/* Replaces @tp's marks with those @text (spelled as above, not @human;
 * NULL is none) names, looking the personas up in @journey.  With
 * @journey NULL only the spelling is checked and @tp may be NULL.
 * FALSE with @error (WAYMARK_FORMAT_ERROR, no place) when @text is not
 * such a list or names no persona of @journey. */
gboolean  waymark_persona_text_to_marks   (WaymarkTouchpoint       *tp,
                                           const char              *text,
                                           WaymarkJourney          *journey,
                                           GError                 **error);

G_END_DECLS
