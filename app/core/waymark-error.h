/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WAYMARK_FORMAT_ERROR (waymark_format_error_quark ())

/* Why a file was refused.  Every message reads "FILE:LINE: problem", so
 * the command line prints it as it is and the GUI shows it in a dialog. */
typedef enum {
  WAYMARK_FORMAT_ERROR_IO,           /* cannot read / write the file */
  WAYMARK_FORMAT_ERROR_TOO_LARGE,    /* over the size cap */
  WAYMARK_FORMAT_ERROR_NOT_XML,      /* not well-formed, truncated, gzip, … */
  WAYMARK_FORMAT_ERROR_ENCODING,     /* invalid UTF-8 or another encoding */
  WAYMARK_FORMAT_ERROR_FORBIDDEN,    /* DOCTYPE, entity reference, processing of external things */
  WAYMARK_FORMAT_ERROR_TOO_DEEP,     /* nesting over the cap */
  WAYMARK_FORMAT_ERROR_NOT_JOURNEY,  /* wrong root element or namespace */
  WAYMARK_FORMAT_ERROR_FORMAT,       /* missing, bad or newer format number */
  WAYMARK_FORMAT_ERROR_INVALID,      /* an element, attribute or value the format does not allow */
  WAYMARK_FORMAT_ERROR_DUPLICATE_ID,
  WAYMARK_FORMAT_ERROR_REFERENCE,    /* a reference to a phase/lane/channel/touchpoint that does not exist */
} WaymarkFormatError;

GQuark waymark_format_error_quark (void);

G_END_DECLS
