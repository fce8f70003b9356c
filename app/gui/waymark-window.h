/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-application.h"
#include "waymark-document.h"
#include "waymark-recovery.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WINDOW (waymark_window_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkWindow, waymark_window, WAYMARK, WINDOW, AdwApplicationWindow)

WaymarkWindow  *waymark_window_new           (WaymarkApplication *application);

/* Loads @file off the main loop and shows it; a file that cannot be read
 * is explained in a dialog, and the window keeps what it showed. */
void            waymark_window_open          (WaymarkWindow *self,
                                              GFile         *file);

/* The document shown (its journey, undo history and file), or NULL before
 * one has loaded. */
WaymarkDocument *waymark_window_get_document (WaymarkWindow *self);
/* The journey shown, or NULL before one has loaded. */
WaymarkJourney *waymark_window_get_journey   (WaymarkWindow *self);
GFile          *waymark_window_get_file      (WaymarkWindow *self);
gboolean        waymark_window_get_loading   (WaymarkWindow *self);
/* Whether the journey may not be edited (written by a newer Waymark, or a
 * file we may not write). */
gboolean        waymark_window_get_read_only (WaymarkWindow *self);

/* Saves the document to @file, which it then belongs to (the end of Save
 * As); an error is explained in a dialog.  Returns whether it was saved. */
gboolean        waymark_window_save_to       (WaymarkWindow *self,
                                              GFile         *file);

/* Offers an orphaned recovery journal entry (left by a crash): restores it
 * onto its file when that is unchanged, or as a new untitled journey when
 * the file is gone or never existed, and says so in a toast; when the file
 * was changed since, the snapshot is set aside and a dialog says where.
 * Returns FALSE when there was nothing to show (the window may close). */
gboolean        waymark_window_recover       (WaymarkWindow              *self,
                                              const WaymarkRecoveryEntry *entry);

G_END_DECLS
