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

G_END_DECLS
