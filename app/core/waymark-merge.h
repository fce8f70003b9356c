/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-conflict.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* A three-way merge of two versions of one map (docs/DIFF.md, "Merging"):
 * @ours and @theirs both grew from @base, and items are the same item
 * when they have the same id.
 *
 * Fields merge one by one: a field one side changed takes that side's
 * value; a field both changed to different values is a conflict (the
 * result has ours).  KPIs merge by name.  An item one side deleted is
 * deleted unless the other side changed it or put something new on it
 * (a conflict: the result keeps it).  Orders (cards in their cells,
 * phases, lanes, channels, personas) merge by intent: what neither side
 * moved keeps its order, what one side moved or added goes where that
 * side put it (after the same neighbour); only an item both sides moved
 * to different places is a conflict (the result has ours).
 *
 * Returns the merged journey, with its conflicts in
 * waymark_journey_get_conflicts(); it may share unchanged items with the
 * three inputs, which must then not be edited while it lives.  Things
 * worth saying that are not conflicts (extension data both sides changed,
 * merged with ours winning where they collide) are appended to
 * @warnings (nullable; translated strings).  Fails when an input still
 * has unresolved conflicts: merge those first. */
WaymarkJourney *waymark_merge (WaymarkJourney  *base,
                               WaymarkJourney  *ours,
                               WaymarkJourney  *theirs,
                               GPtrArray       *warnings,
                               GError         **error);

G_END_DECLS
