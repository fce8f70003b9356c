/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opening a file the app wrote, as the desktop does: with the default
 * application, or its folder in the file manager with the file selected. */

typedef enum {
  WAYMARK_FILE_LAUNCH_OPEN,             /* the file, with its default application */
  WAYMARK_FILE_LAUNCH_SHOW_IN_FOLDER,   /* its folder, the file selected */
} WaymarkFileLaunch;

/**
 * waymark_file_launcher_open:
 * Opens @file with the default application for its type (through the
 * OpenURI portal in a sandbox).  Failures are logged: the user sees the
 * application not appear, as with any desktop launch.
 */
void waymark_file_launcher_open           (GtkWindow *parent,
                                           GFile     *file);
/**
 * waymark_file_launcher_show_in_folder:
 * Shows @file selected in its folder: org.freedesktop.FileManager1's
 * ShowItems over the session bus (Files, Dolphin, Nemo, …), else the
 * folder opened with its default application.
 */
void waymark_file_launcher_show_in_folder (GtkWindow *parent,
                                           GFile     *file);

/* For tests: each launch calls @hook instead of reaching the desktop
 * (NULL: launch again). */
typedef void (*WaymarkFileLaunchHook) (WaymarkFileLaunch launch,
                                       GFile            *file);
void waymark_file_launcher_set_hook       (WaymarkFileLaunchHook hook);

G_END_DECLS
