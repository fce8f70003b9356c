/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dot votes: the way a room prioritises pain points and ideas.  Every
 * card (touchpoint or note) collects votes; the file keeps the count
 * (format 2, `votes="N"`), the map shows it as dots. */

/* More than a room of people ever gives one card, and few enough that
 * the count fits on a card. */
#define WAYMARK_VOTES_MAX 999

/* The votes on @card; 0 for an item that is not a card. */
guint    waymark_votes_get   (gconstpointer card);
/* Sets the votes of @card (clamped to WAYMARK_VOTES_MAX): for an edited
 * copy that a command puts in place, never for an item of a journey.
 * Does nothing to an item that is not a card. */
void     waymark_votes_set   (gpointer      card,
                              guint         votes);
/* Parses the file's spelling: a whole number from 0 to
 * WAYMARK_VOTES_MAX, digits only. */
gboolean waymark_votes_parse (const char   *text,
                              guint        *out);

G_END_DECLS
