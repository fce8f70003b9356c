/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_VOTES_ROW (waymark_votes_row_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkVotesRow, waymark_votes_row, WAYMARK, VOTES_ROW, AdwActionRow)

/* The inspector's row for a card's dot votes: the count, and buttons
 * that take a vote away and add one (each an undo step), for people who
 * click rather than press + and - on the map. */
GtkWidget *waymark_votes_row_new      (void);
/* Shows @card (a touchpoint or note of @document; NULL: none). */
void       waymark_votes_row_set_card (WaymarkVotesRow *self,
                                       WaymarkDocument *document,
                                       gpointer         card);
/* Reads the count again (after a change of the card). */
void       waymark_votes_row_update   (WaymarkVotesRow *self);

G_END_DECLS
