/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-palette-item.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CHANNEL_PALETTE (waymark_channel_palette_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkChannelPalette, waymark_channel_palette, WAYMARK, CHANNEL_PALETTE, GtkWidget)

/* The palette beside the canvas: touchpoint kinds by channel, grouped by
 * category (digital, physical, personal), and a note; with a search
 * entry.  Rows are drag sources of WaymarkPaletteItem.  Activating a row
 * (Enter, double click) emits ::item-activated, so the keyboard can add
 * what a drag adds. */
GtkWidget          *waymark_channel_palette_new          (void);
/* The row showing the item with icon key @icon ("note" for the note). */
GtkWidget          *waymark_channel_palette_get_row      (WaymarkChannelPalette *self,
                                                          const char            *icon);
WaymarkPaletteItem *waymark_channel_palette_get_row_item (WaymarkChannelPalette *self,
                                                          GtkWidget             *row);
void                waymark_channel_palette_set_search   (WaymarkChannelPalette *self,
                                                          const char            *text);

/* Puts the keyboard in the search field, its text selected (Ctrl+F). */
void                waymark_channel_palette_focus_search (WaymarkChannelPalette *self);

G_END_DECLS
