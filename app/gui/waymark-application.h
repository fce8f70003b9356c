/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_APPLICATION (waymark_application_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkApplication, waymark_application, WAYMARK, APPLICATION, AdwApplication)

WaymarkApplication *waymark_application_new (void);

/* Finds @relative_path (such as "templates/example-fitness-watch.journey")
 * among Waymark's data files: in $WAYMARK_DATADIR when set, then in the
 * installed data folder, then in the source tree (for a build that is run
 * without installing).  Returns NULL when none has it. */
GFile *waymark_application_find_data_file (const char *relative_path);
/* The same for a folder, such as "templates". */
GFile *waymark_application_find_data_dir  (const char *relative_path);

/* Whether @file lies in one of the folders of Waymark's bundled templates
 * (see waymark_application_find_data_file()): such a file opens as a new
 * untitled copy, so it is never locked or overwritten. */
gboolean waymark_application_is_template_file (GFile *file);

G_END_DECLS
