/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-csv-format.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/**
 * waymark_csv_write:
 * @journey: the map
 * @delimiter: comma or semicolon (DEFAULT: the interface language's)
 *
 * The touchpoints and notes of @journey as a table for spreadsheets
 * (docs/CSV.md): a header row, then one row per touchpoint or note in the
 * map's reading order (phase, lane, order in the cell).  Columns: id,
 * type (touchpoint or note), phase, lane, order in cell, title (a note's
 * text), description, quote, idea, channel and its category, initiator,
 * emotion score and note, owner, strength or weakness, priority, moment
 * of truth, the ids and the titles (one a line) of the touchpoints it
 * links to, its dot votes (a number, 0 for none, so that a spreadsheet
 * sorts by it); then a column for each KPI name and unit ("KPI: Waiting
 * time (min)") and, when any of them has one, of its targets ("KPI:
 * Waiting time (min) target"), in order of first appearance.
 *
 * Numbers take the interface language's decimal mark when the table is
 * delimited by semicolons, else a point (waymark_csv_format_number()).
 * RFC 4180: fields with a delimiter (either one, in texts), a double
 * quote or a line break are quoted, quotes doubled; records end in CRLF.
 * UTF-8 with a byte order mark, which is how LibreOffice Calc and Excel
 * recognise UTF-8.  Column names and enumerations are translated (a
 * table is for people); a text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading
 * apostrophe, because maps come from other people.
 *
 * Returns: (transfer full): the file's bytes.
 */
GBytes *waymark_csv_write (WaymarkJourney      *journey,
                           WaymarkCsvDelimiter  delimiter);

G_END_DECLS
