/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-journey.h"
#include "waymark-palette-item.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_QUICK_ADD (waymark_quick_add_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkQuickAdd, waymark_quick_add, WAYMARK, QUICK_ADD, GtkWidget)

/* A card built in one breath from the keyboard, over the cell it goes to:
 * typing filters the channels (the map's own first, then the palette's
 * that the map has not got yet), Enter takes the first match (Up and
 * Down pick another), then the title, then Enter.  For a notes lane it
 * asks only for the text.  Escape, or a click elsewhere, adds nothing.
 *
 * Signal "done" (WaymarkChannel *channel, WaymarkPaletteItem *item,
 * const char *title): the card to add.  For a touchpoint one of @channel
 * (the map's) and @item (the palette's, its channel still to be added)
 * is set; for a note both are NULL.  @title is never empty.
 *
 * Property "active" (read-only): whether it is open. */

GtkWidget  *waymark_quick_add_new            (void);

/* Opens the field for a card of @journey; @note: the card is a note. */
void        waymark_quick_add_start          (WaymarkQuickAdd *self,
                                              WaymarkJourney  *journey,
                                              gboolean         note);
/* Closes it without adding anything. */
void        waymark_quick_add_cancel         (WaymarkQuickAdd *self);
gboolean    waymark_quick_add_is_active      (WaymarkQuickAdd *self);
/* Whether it asks for the title now (the channel is chosen). */
gboolean    waymark_quick_add_is_titling     (WaymarkQuickAdd *self);
/* The names the channel field offers for what is typed, best first. */
GStrv       waymark_quick_add_get_matches    (WaymarkQuickAdd *self);

/* Places it over @bounds (in the parent's coordinates), never narrower
 * than a title needs. */
void        waymark_quick_add_allocate_over  (WaymarkQuickAdd       *self,
                                              const graphene_rect_t *bounds);

G_END_DECLS
