/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the CSV export (app/render) writes and the CSV reader reads back
 * (docs/CSV.md): the delimiter, numbers and the names of KPI columns,
 * kept in one place so that the two always agree. */

typedef enum {
  WAYMARK_CSV_DELIMITER_DEFAULT,    /* the interface language's: a semicolon where decimals take a comma */
  WAYMARK_CSV_DELIMITER_COMMA,
  WAYMARK_CSV_DELIMITER_SEMICOLON,
} WaymarkCsvDelimiter;

/**
 * waymark_csv_delimiter_resolve:
 * COMMA or SEMICOLON: @delimiter itself, or for DEFAULT the one
 * spreadsheets in the interface's language expect (a semicolon where the
 * decimal mark is a comma, as in German; else a comma).
 */
WaymarkCsvDelimiter waymark_csv_delimiter_resolve   (WaymarkCsvDelimiter  delimiter);
/* ',' or ';' */
char                waymark_csv_delimiter_get_char  (WaymarkCsvDelimiter  delimiter);
/* "comma" or "semicolon" (`--csv-delimiter`); DEFAULT has no nick */
const char         *waymark_csv_delimiter_to_nick   (WaymarkCsvDelimiter  delimiter);
gboolean            waymark_csv_delimiter_from_nick (const char          *nick,
                                                     WaymarkCsvDelimiter *out);

/**
 * waymark_csv_format_number:
 * @number: a decimal as the map holds it ("0.031")
 * @delimiter: the table's delimiter
 *
 * Returns: (transfer full): @number with the interface language's decimal
 * mark when the table is delimited by semicolons ("0,031" in German),
 * else with a point: a decimal comma is never written beside a comma
 * delimiter.  No grouping, which spreadsheets would read as text.
 */
char     *waymark_csv_format_number      (const char          *number,
                                          WaymarkCsvDelimiter  delimiter);
/**
 * waymark_csv_parse_number:
 * @text: a cell: "0.031", "0,031", " -3,5 ", "+2"
 *
 * Returns: (transfer full) (nullable): the decimal as the map holds it
 * ("0.031"), or NULL when @text is no number.
 */
char     *waymark_csv_parse_number       (const char          *text);

/**
 * waymark_csv_kpi_column_name:
 * The header of the column of the KPIs named @name with @unit
 * ("KPI: Waiting time (min)"), or of their targets (@target: "KPI:
 * Waiting time (min) target"), in the interface's language.  A name
 * that would read back otherwise (it ends in parentheses) gets "()" for
 * no unit.
 */
char     *waymark_csv_kpi_column_name    (const char          *name,
                                          const char          *unit,
                                          gboolean             target);
/**
 * waymark_csv_kpi_column_parse:
 * @header: a column's name, in English or in the interface's language
 * @name: (out) (transfer full): the KPI's name
 * @unit: (out) (transfer full) (nullable): its unit
 * @target: (out): whether the column holds targets
 *
 * Returns: whether @header names a KPI column.
 */
gboolean  waymark_csv_kpi_column_parse   (const char          *header,
                                          char               **name,
                                          char               **unit,
                                          gboolean            *target);

G_END_DECLS
