/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-diff-field.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* A fragment of a journey: items taken out of one journey and put into
 * another one (a clipboard fragment, a pasted card, a merged or patched
 * map).  Items point at the phases, lanes, channels and touchpoints they
 * need, so moving one between journeys re-points those references. */

/* A deep copy of @item (of any journey) whose references (a card's
 * phase, lane and channel, a link's ends) are re-pointed through @map;
 * the id stays.  A reference @map returns NULL for is cleared, which is
 * only valid for a channel. */
gpointer waymark_fragment_copy_item (gconstpointer      item,
                                     WaymarkDiffMapFunc map,
                                     gpointer           user_data);

G_END_DECLS
