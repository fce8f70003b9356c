/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-application.h"
#include "waymark-document.h"
#include "waymark-document-tab.h"
#include "waymark-recovery.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WINDOW (waymark_window_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkWindow, waymark_window, WAYMARK, WINDOW, AdwApplicationWindow)

/* A window holds one tab per open map (WaymarkDocumentTab in an AdwTabView)
 * and, with none, a start page with New, Open and the recent maps.  The
 * functions below that speak of "the document" mean the selected tab's. */
WaymarkWindow  *waymark_window_new           (WaymarkApplication *application);

/* Opens @file in a new tab, loaded off the main loop (it replaces an empty
 * untitled tab); a file already open in a window of the application gets
 * its tab selected instead.  A file in the application's templates folder
 * opens as a new untitled copy.  A file that cannot be read is explained
 * in a dialog, and the window keeps what it showed. */
void            waymark_window_open          (WaymarkWindow *self,
                                              GFile         *file);
/* Shows @document (an untitled one, for instance) in a new selected tab. */
WaymarkDocumentTab *waymark_window_add_document (WaymarkWindow   *self,
                                                 WaymarkDocument *document);

AdwTabView     *waymark_window_get_tab_view  (WaymarkWindow *self);
/* The selected tab, or NULL when the window has none. */
WaymarkDocumentTab *waymark_window_get_selected_tab (WaymarkWindow *self);
/* The tab of @file in this window, or NULL. */
WaymarkDocumentTab *waymark_window_find_tab  (WaymarkWindow *self,
                                              GFile         *file);

/* The document shown (its journey, undo history and file), or NULL before
 * one has loaded. */
WaymarkDocument *waymark_window_get_document (WaymarkWindow *self);
/* The journey shown, or NULL before one has loaded. */
WaymarkJourney *waymark_window_get_journey   (WaymarkWindow *self);
GFile          *waymark_window_get_file      (WaymarkWindow *self);
/* Whether a tab of the window is still loading. */
gboolean        waymark_window_get_loading   (WaymarkWindow *self);
/* Whether the journey may not be edited (written by a newer Waymark, or a
 * file we may not write). */
gboolean        waymark_window_get_read_only (WaymarkWindow *self);

/* Saves the document to @file, which it then belongs to (the end of Save
 * As); an error is explained in a dialog.  Returns whether it was saved. */
gboolean        waymark_window_save_to       (WaymarkWindow *self,
                                              GFile         *file);

/* Offers an orphaned recovery journal entry (left by a crash): restores it
 * onto its file when that is unchanged, or as a new untitled map when
 * the file is gone or never existed, in a new tab, and says so in a toast; when the file
 * was changed since, the snapshot is set aside and a dialog says where.
 * Returns FALSE when there was nothing to show (the window may close). */
gboolean        waymark_window_recover       (WaymarkWindow              *self,
                                              const WaymarkRecoveryEntry *entry);

/* Whether the window is in presentation mode (F11, "win.present"). */
gboolean        waymark_window_get_presenting (WaymarkWindow *self);

G_END_DECLS
