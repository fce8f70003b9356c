/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-editor.h"

G_BEGIN_DECLS

/* "Import Touchpoints…": the touchpoints of a CSV table (what the CSV
 * export writes, read by waymark_csv_read()) added to the editor's map in
 * one undo step, in the phases and lanes of their names (added when the
 * map has none of that name).  A table with bad rows adds nothing; a
 * dialog lists its problems as FILE:LINE: message. */

/* Asks for a table, then imports it. */
void     waymark_import_choose_file (WaymarkEditor *editor);
/* Imports @file; FALSE when it could not be read (the dialog says why)
 * or the map may not be edited.  The new touchpoints are selected. */
gboolean waymark_import_touchpoints (WaymarkEditor *editor,
                                     GFile         *file);

G_END_DECLS
