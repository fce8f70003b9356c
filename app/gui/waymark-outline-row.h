/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-journey.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_OUTLINE_ROW (waymark_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkOutlineRow, waymark_outline_row, WAYMARK, OUTLINE_ROW, GtkListBoxRow)

/* One row of the outline: a phase header, or a card (touchpoint or note)
 * with its facts and assessment in words.  Its accessible name and
 * description read the whole card.  F2 (or the outline's row activation)
 * edits the title in place; Delete and Alt+Up/Down act on the card.
 * The row keeps a reference to @item. */
GtkWidget *waymark_outline_row_new           (gpointer           item);
gpointer   waymark_outline_row_get_item      (WaymarkOutlineRow *self);
/* Shows the item's current contents. */
void       waymark_outline_row_update        (WaymarkOutlineRow *self);
/* How many cards a phase row says the phase has. */
/* A phase heading's counts, as the map's phase header says them. */
void       waymark_outline_row_set_counts    (WaymarkOutlineRow *self,
                                              guint              n_touchpoints,
                                              guint              n_notes);
void       waymark_outline_row_set_editable  (WaymarkOutlineRow *self,
                                              gboolean           editable);
void       waymark_outline_row_start_editing (WaymarkOutlineRow *self);
gboolean   waymark_outline_row_is_editing    (WaymarkOutlineRow *self);
/* The entry of the title while editing (for tests), else NULL. */
GtkEditable *waymark_outline_row_get_entry   (WaymarkOutlineRow *self);

G_END_DECLS
