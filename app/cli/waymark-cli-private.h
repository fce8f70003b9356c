/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-cli.h"
#include "waymark-file.h"

G_BEGIN_DECLS

/* Shared by the files of the command line. */

/* Appends "waymark: MESSAGE" and a newline. */
void            _waymark_cli_message      (GString         *errors,
                                           const char      *message);
/* The file's name as the loader's messages give it. */
/* Loads @file; on error appends the loader's "FILE:LINE: message". */
WaymarkJourney *_waymark_cli_load         (GFile           *file,
                                           WaymarkReadInfo *info,
                                           GString         *errors);
/* Appends @message and returns WAYMARK_CLI_EXIT_USAGE. */
WaymarkCliExit  _waymark_cli_usage_error  (GString         *errors,
                                           const char      *message);
/* One line "NAME:LINE: merge conflict: …" per open conflict of
 * @journey; @lines (nullable) holds the line of each in a file just
 * written, else the line the reader found it on. */
void            _waymark_cli_describe_conflicts (WaymarkJourney *journey,
                                                 const char     *name,
                                                 GArray         *lines,
                                                 GString        *errors);

/* One line "NAME:LINE: severity: rule-id: message" per weak-spot
 * finding of @journey, most severe first; @lines (nullable) maps item ids
 * to the lines the reader found them on.  Returns how many. */
guint           _waymark_cli_describe_findings (WaymarkJourney *journey,
                                                const char     *name,
                                                GHashTable     *lines,
                                                GString        *out);

G_END_DECLS
