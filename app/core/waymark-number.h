/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as the reader reads them.  A map stores a KPI's number as a
 * plain decimal ("0.031", "38.50"); wherever one is shown (the canvas,
 * prints, exports, the inspector, findings) it takes the decimal mark of
 * the language the interface speaks ("38,50" in German), long whole
 * parts are grouped by thin spaces ("185 000", unambiguous in every
 * language), and numbers listed together are separated by a mark that
 * cannot be mistaken for a decimal mark ("0,9; 4,1 %"). */

/**
 * waymark_number_get_decimal_mark:
 * "." or "," as the interface's language writes decimals.
 */
const char *waymark_number_get_decimal_mark    (void);
/**
 * waymark_number_get_list_separator:
 * What separates numbers in a list: ", " where the decimal mark is a
 * point, "; " where it is a comma.
 */
const char *waymark_number_get_list_separator  (void);
/**
 * waymark_number_format:
 * @number: a decimal as the file holds it ("-1234567.5")
 *
 * Returns: (transfer full): @number for the reader ("-1 234 567,5" in
 * German); text that is no such decimal comes back unchanged.
 */
char       *waymark_number_format              (const char *number);
/**
 * waymark_number_format_double:
 * @value formatted with @decimals digits after the mark (no more than
 * needed: trailing zeros of the fraction go), like waymark_number_format().
 */
char       *waymark_number_format_double       (double      value,
                                                guint       decimals);
/**
 * waymark_number_format_score:
 * An emotion score or average with one decimal and its sign, as the
 * reader writes numbers: "+0,4", "−1,0" (a minus sign, not a hyphen),
 * "0,0" in German.
 */
char       *waymark_number_format_score        (double      value);

G_END_DECLS
