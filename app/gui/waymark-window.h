/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-application.h"
#include "waymark-document.h"

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

G_END_DECLS
