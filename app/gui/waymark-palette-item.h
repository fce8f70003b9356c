/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-journey.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PALETTE_ITEM (waymark_palette_item_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPaletteItem, waymark_palette_item, WAYMARK, PALETTE_ITEM, GObject)

/* What the palette offers and what a drag from it carries: a kind of
 * touchpoint (a channel icon key, its category and a display name) or a
 * note.  Drops are typed by this GType, so the canvas can read the item
 * while the pointer moves and show where it will land. */

WaymarkPaletteItem *waymark_palette_item_new_channel (const char      *icon,
                                                      WaymarkCategory  category,
                                                      const char      *name);
WaymarkPaletteItem *waymark_palette_item_new_note    (void);

gboolean         waymark_palette_item_is_note        (WaymarkPaletteItem *self);
/* The channel icon key ("social-media"); NULL for a note. */
const char      *waymark_palette_item_get_icon       (WaymarkPaletteItem *self);
WaymarkCategory  waymark_palette_item_get_category   (WaymarkPaletteItem *self);
/* The translated name shown in the palette and given to a new channel. */
const char      *waymark_palette_item_get_name       (WaymarkPaletteItem *self);
/* The themed icon name ("waymark-channel-social-media-symbolic"). */
const char      *waymark_palette_item_get_icon_name  (WaymarkPaletteItem *self);
/* Whether a card of this item can be placed in @lane. */
gboolean         waymark_palette_item_accepts_lane   (WaymarkPaletteItem *self,
                                                      WaymarkLane        *lane);

/* Drag content carrying @self as a typed value. */
GdkContentProvider *waymark_palette_item_create_content (WaymarkPaletteItem *self);

/* Every item of the palette, channels by category then the note (a new
 * array of new references). */
GPtrArray       *waymark_palette_item_get_catalogue  (void);
/* The translated name of a category ("Digital"). */
const char      *waymark_palette_category_get_name   (WaymarkCategory category);

/* The journey's channel for @self: one with the same name and icon, else
 * the first with the same icon and category, else NULL (the caller adds
 * one, see waymark_palette_item_new_channel_for_journey()). */
WaymarkChannel  *waymark_palette_item_find_channel   (WaymarkPaletteItem *self,
                                                      WaymarkJourney     *journey);
/* A new channel for @self with a free id of @journey (not yet added). */
WaymarkChannel  *waymark_palette_item_create_channel (WaymarkPaletteItem *self,
                                                      WaymarkJourney     *journey);

G_END_DECLS
