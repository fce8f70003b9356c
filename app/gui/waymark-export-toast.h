/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * waymark_export_toast_new:
 * @file: the file an export wrote
 *
 * The toast that says where an export went ("Exported “map.pdf” to
 * Documents") with the two things one does next: its button "Open"
 * (win.open-exported) and, since a libadwaita 1.2 toast has one button,
 * a "Show in Folder" button beside the title (win.show-exported); both
 * take the file's URI.
 */
AdwToast *waymark_export_toast_new (GFile *file);

G_END_DECLS
