/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"
#include "waymark-snapshot.h"

G_BEGIN_DECLS

/* Serialises @journey in the canonical form of docs/FORMAT.md: fixed
 * element and attribute order, two-space indent, UTF-8, LF, trailing
 * newline.  The same journey always gives the same bytes. */
GBytes *waymark_writer_write           (WaymarkJourney *journey);
void    waymark_writer_write_to_string (WaymarkJourney *journey, GString *out);
/* The same bytes for the journey as it was when @snapshot was taken; safe
 * on a worker thread while the journey is edited (see WaymarkSnapshot). */
GBytes *waymark_writer_write_snapshot  (WaymarkSnapshot *snapshot);
/* The format number the writer gives @journey: the oldest one that holds
 * everything in it (1 unless it uses something new in format 2). */
int     waymark_writer_get_format      (WaymarkJourney *journey);

/* Appends @text escaped for element content or (when @attribute) for a
 * double-quoted attribute value; characters XML 1.0 cannot hold (C0
 * controls but TAB/LF/CR, U+FFFE, U+FFFF) are dropped so the output always
 * parses again. */
void    waymark_writer_append_escaped  (GString *out, const char *text, gboolean attribute);

G_END_DECLS
