/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-change-panel.h"
#include "waymark-conflict.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CONFLICT_PANEL (waymark_conflict_panel_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkConflictPanel, waymark_conflict_panel, WAYMARK, CONFLICT_PANEL, WaymarkChangePanel)

/* The merge conflicts a map still holds (docs/FORMAT.md, "Merge
 * conflicts"), one row each: what it is about, every side's value and a
 * button per side that settles it with that value, plus "Keep Current"
 * for when the user edited the item by hand.  Every choice goes through
 * the document's undo history, so Undo brings a conflict back.
 *
 * Property "n-conflicts": how many are left.
 * It is a WaymarkChangePanel (the view "Compare with…" uses too): set
 * its document with waymark_change_panel_set_document(); its
 * ::item-activated gives the item a picked conflict is about (NULL for
 * the journey's own fields).
 * Signal:
 *  ::message (const char *text) — something to tell the user (a side
 *    that could not be taken). */
GtkWidget *waymark_conflict_panel_new             (void);
guint      waymark_conflict_panel_get_n_conflicts (WaymarkConflictPanel *self);
/* The side of waymark_conflict_panel_resolve() that keeps what the map
 * has now: the user edited the item by hand. */
#define WAYMARK_CONFLICT_PANEL_KEEP_CURRENT (-1)

/* Settles the @index-th open conflict with @side's value (a
 * WaymarkConflictSide or WAYMARK_CONFLICT_PANEL_KEEP_CURRENT), as its
 * button does; FALSE when that value cannot be taken. */
gboolean   waymark_conflict_panel_resolve         (WaymarkConflictPanel *self,
                                                   guint                 index,
                                                   int                   side);

G_END_DECLS
