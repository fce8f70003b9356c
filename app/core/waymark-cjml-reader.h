/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-journey.h"

G_BEGIN_DECLS

/* The largest CJML document read: a journey, not a log of millions of
 * events.  It is parsed into a tree, so this bounds the memory too. */
#define WAYMARK_CJML_READER_MAX_SIZE (16 * 1024 * 1024)
/* How deep elements may nest (a CJML journey needs 6) and how many a
 * document may have, so that a hostile file cannot make a huge tree. */
#define WAYMARK_CJML_READER_MAX_DEPTH 32
#define WAYMARK_CJML_READER_MAX_ELEMENTS 500000

/* Which journey of a document to read. */
typedef enum {
  WAYMARK_CJML_FIRST_JOURNEY,
  WAYMARK_CJML_PLANNED_JOURNEY,
  WAYMARK_CJML_ACTUAL_JOURNEY,
} WaymarkCjmlJourney;

/**
 * waymark_cjml_read:
 * @data: the document's bytes
 * @length: their length
 * @name: the file's name for messages ("trip.cjml")
 * @warnings: (nullable): where what the map cannot hold is said,
 *   translated, one "NAME:LINE: warning: …" an entry (char *)
 * @error: the first problem, "NAME:LINE: message"
 *
 * Reads a CJML document (docs/CJML.md) into a new map: its first journey
 * (a planned one becomes an intended map, an actual one an as-is map),
 * the phases, the end users as personas, the other actors as touchpoint
 * lanes, and the communication points and actions as touchpoints in
 * document order.  Elements the map has no place for, further journeys
 * and texts longer than a field holds are said in @warnings, each kind
 * of element once with how often it occurs.
 *
 * The document is treated as hostile: no DOCTYPE, no entity but the five
 * predefined ones, at most %WAYMARK_CJML_READER_MAX_SIZE bytes,
 * %WAYMARK_CJML_READER_MAX_DEPTH levels and
 * %WAYMARK_CJML_READER_MAX_ELEMENTS elements.  A reference to an actor
 * or phase the journey does not declare, a duplicate id, a missing
 * initiator or receiver or an experience rating that is not 1 … 5 fails
 * the whole document.
 *
 * Returns: (transfer full) (nullable): the new map, or NULL with a
 * WAYMARK_FORMAT_ERROR set.
 */
WaymarkJourney *waymark_cjml_read      (const char  *data,
                                        gsize        length,
                                        const char  *name,
                                        GPtrArray   *warnings,
                                        GError     **error);

/**
 * waymark_cjml_read_file:
 * Reads @file (at most %WAYMARK_CJML_READER_MAX_SIZE bytes) with
 * waymark_cjml_read(), named by its parse name.
 */
WaymarkJourney *waymark_cjml_read_file (GFile      *file,
                                        GPtrArray  *warnings,
                                        GError    **error);

/**
 * waymark_cjml_read_file_journey:
 * @which: the first journey, or the first planned or actual one (the
 *   other kind is then passed over without a warning: it is another
 *   reading's, as `--compare` reads the planned journey and the actual
 *   one of one document)
 * @item_lines: (nullable): filled with id → GINT_TO_POINTER (line) of
 *   the phases, actors and touchpoints, for messages about them
 *
 * waymark_cjml_read_file() for one kind of journey.  A document without
 * a journey of that kind fails.
 */
WaymarkJourney *waymark_cjml_read_file_journey (GFile               *file,
                                                WaymarkCjmlJourney   which,
                                                GHashTable          *item_lines,
                                                GPtrArray           *warnings,
                                                GError             **error);

G_END_DECLS
