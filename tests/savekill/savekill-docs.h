/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* Touchpoints per document: enough that one save takes a few milliseconds,
 * so that random kills land in the middle of writes. */
#define SAVEKILL_N_TOUCHPOINTS 2000

/* The two documents the writer alternates between ('A' and 'B'), and the
 * initial one the test starts from ('I').  They differ on every line, and
 * in length, so that a torn or mixed file cannot pass for either. */
WaymarkJourney *savekill_journey (char which);

G_END_DECLS
