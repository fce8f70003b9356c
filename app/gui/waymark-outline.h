/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-checker.h"
#include "waymark-document.h"
#include "waymark-highlight.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_OUTLINE (waymark_outline_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkOutline, waymark_outline, WAYMARK, OUTLINE, GtkWidget)

/* The map as a list, for the keyboard and screen readers: each phase (in
 * column order) with its cards in lane order, then card order.  Rows read
 * the whole card; titles are edited in place, cards deleted and moved
 * within their cell, all through the document's undo history.  It follows
 * every change to the journey and keeps the keyboard on the row it was on.
 * Signal ::selection-changed: the user selected another row (not emitted
 * by waymark_outline_select_item()). */
GtkWidget *waymark_outline_new               (void);
void       waymark_outline_set_document      (WaymarkOutline  *self,
                                              WaymarkDocument *document);
/* The phase or card of the selected row, or NULL. */
gpointer   waymark_outline_get_selected_item (WaymarkOutline  *self);
/* Selects the row of @item (a phase or card), or none for NULL or an item
 * the outline does not list (a lane, a link). */
void       waymark_outline_select_item       (WaymarkOutline  *self,
                                              gpointer         item);
/* The row of @item, a WaymarkOutlineRow, or NULL. */
GtkWidget *waymark_outline_get_row           (WaymarkOutline  *self,
                                              gpointer         item);
/* Moves the keyboard focus to the selected row, or the first one. */
void       waymark_outline_focus_row         (WaymarkOutline  *self);
/* Lists the cards of the whole map by their dot votes, most first (ties
 * in map order), without the phase rows: what the room prioritised.
 * Off: the map's order, phase by phase.  The outline's own toggle button
 * sets it too. */
void       waymark_outline_set_sort_by_votes (WaymarkOutline  *self,
                                              gboolean         sort);
gboolean   waymark_outline_get_sort_by_votes (WaymarkOutline  *self);
/* Dims the rows of the cards @highlight (copied; NULL or empty: none)
 * leaves out, as the map does; @checker (nullable) holds the findings a
 * finding criterion reads, and its changes dim the rows again. */
void       waymark_outline_set_highlight     (WaymarkOutline         *self,
                                              const WaymarkHighlight *highlight,
                                              WaymarkChecker         *checker);

G_END_DECLS
