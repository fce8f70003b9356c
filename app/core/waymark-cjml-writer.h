/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* The CJML version the writer declares and whose element names reader and
 * writer use (docs/CJML.md). */
#define WAYMARK_CJML_VERSION "2.0"

/**
 * waymark_cjml_write:
 * @journey: the map
 * @name: (nullable): the map's file name for warnings ("trip.journey");
 *   NULL: the warnings are the bare messages, for a dialog
 * @item_lines: (nullable): id → GINT_TO_POINTER (line) of the map's file
 *   (WaymarkReadInfo.item_lines), so that warnings name a line
 * @warnings: (nullable): where what CJML cannot hold is said, translated,
 *   one "NAME:LINE: warning: …" an entry (char *, the caller frees)
 *
 * Writes @journey as one CJML journey, as docs/CJML.md's table says: an
 * intended map as a planned journey, an as-is map as an actual one;
 * phases; the personas as end users and the touchpoint lanes as service
 * providers; touchpoints between the customer and a lane (those the
 * customer starts, and those with a channel) as communication points, the
 * others as actions, in the order of phases, lanes and cells.  What has
 * no place in CJML is not written and said in @warnings, one entry a
 * kind of field with how many items lose it.
 *
 * Returns: (transfer full): the document, UTF-8.
 */
GBytes *waymark_cjml_write (WaymarkJourney *journey,
                            const char     *name,
                            GHashTable     *item_lines,
                            GPtrArray      *warnings);

G_END_DECLS
