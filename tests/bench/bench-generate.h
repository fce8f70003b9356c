/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* A journey of @n_touchpoints cards that looks like one a team would build:
 * 5–8 phases, 6 lanes (three of cards, the emotion curve, pain points,
 * KPIs), 15 channels, English and German text of realistic length, and
 * notes (one per ten cards), links (about four per five cards), KPIs and
 * assessments in proportion.  The same @n_touchpoints and @seed always
 * give the same journey, ids included, so files are comparable between
 * runs and machines. */
WaymarkJourney *bench_generate_journey (guint   n_touchpoints,
                                        guint32 seed);

/* Generates a journey and writes it with waymark_writer_write () to
 * DIR/journey-N.journey.  Returns the path; @size (nullable) receives the
 * file's size in bytes. */
char           *bench_generate_file    (const char  *dir,
                                        guint        n_touchpoints,
                                        guint32      seed,
                                        gsize       *size,
                                        GError     **error);

G_END_DECLS
