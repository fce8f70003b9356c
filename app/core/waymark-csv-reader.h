/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-journey.h"

G_BEGIN_DECLS

/* The largest table read: a spreadsheet of touchpoints, not a database. */
#define WAYMARK_CSV_READER_MAX_SIZE (64 * 1024 * 1024)
/* How many bad rows are reported one by one before the rest is counted. */
#define WAYMARK_CSV_READER_MAX_ERRORS 20

/**
 * waymark_csv_read:
 * @data: the table's bytes (UTF-8, a byte order mark is skipped)
 * @length: their length
 * @name: the file's name for messages ("touchpoints.csv")
 * @title: (nullable): the new map's title
 * @error: the problems, one "NAME:LINE: message" a line
 *
 * Reads the touchpoint table the CSV export writes, so that a map can
 * start from a spreadsheet: a header row naming the columns (in English or
 * in the language of the export, in any order; only "Phase" and "Title"
 * are needed), then one touchpoint a row.  Fields are separated by commas
 * or, as spreadsheets save them in many languages, by semicolons (the
 * header tells which), quoted as RFC 4180 says; lines end in CRLF or LF.
 *
 * The map gets the phases and touchpoint lanes in the order they first
 * appear, the channels by name (with their category; icon "other"), and
 * an emotion lane when a row has a score; touchpoints keep the "ID" of the
 * table when it is a touchpoint id, and sit in their cell in the order of
 * "Order in cell" (else of the rows); "Links to" links them; "Votes"
 * gives their dot votes (0 … WAYMARK_VOTES_MAX).  A leading
 * apostrophe that the export put before a text a spreadsheet would run
 * as a formula is taken off again.
 *
 * Every row is checked before anything is built: an unknown column, a
 * row with more fields than the header, a missing phase, a value that is
 * not one of its column's (a score outside −2 … 2, an unknown initiator,
 * a KPI that is not "name=value unit (target T)"), a duplicate or invalid
 * id, a link to no row, or an unterminated quote fails the whole table,
 * each reported as "NAME:LINE: message" (up to
 * %WAYMARK_CSV_READER_MAX_ERRORS, then how many more); nothing is
 * half-read.  Rows with every field empty are skipped.
 *
 * Returns: (transfer full) (nullable): the new map, or NULL with
 * WAYMARK_FORMAT_ERROR_INVALID (or _ENCODING) set.
 */
WaymarkJourney *waymark_csv_read      (const char  *data,
                                       gsize        length,
                                       const char  *name,
                                       const char  *title,
                                       GError     **error);

/**
 * waymark_csv_read_file:
 * Reads @file (at most %WAYMARK_CSV_READER_MAX_SIZE bytes) with
 * waymark_csv_read(), named by its display name, the map titled by the
 * file's name without ".csv".
 */
WaymarkJourney *waymark_csv_read_file (GFile   *file,
                                       GError **error);

G_END_DECLS
