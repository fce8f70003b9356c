/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/**
 * waymark_csv_write:
 * The touchpoints of @journey as a table for spreadsheets: a header row,
 * then one row per touchpoint in the map's reading order (phase, lane,
 * order in the cell) with every field — id, phase, lane, order in cell,
 * title, description, quote, idea, channel and its category, initiator,
 * emotion score and note, owner, strength or weakness, priority, moment
 * of truth, KPIs ("name=value unit", joined with "; "), the ids of the
 * touchpoints it links to and its dot votes (a number, 0 for none, so
 * that a spreadsheet sorts by it).
 *
 * RFC 4180: fields with a comma, a double quote or a line break are
 * quoted, quotes doubled; records end in CRLF.  UTF-8 with a byte order
 * mark, which is how LibreOffice Calc and Excel recognise UTF-8.  Column
 * names and enumerations are translated (a table is for people); a text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe, because maps come
 * from other people.
 *
 * Returns: (transfer full): the file's bytes.
 */
GBytes *waymark_csv_write (WaymarkJourney *journey);

G_END_DECLS
