/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-edits.h"

G_BEGIN_DECLS

/* Random edits of the kinds people make, recorded so that they can be
 * made again on another copy of the journey (the ids they name are the
 * same there), for the diff's and the merge's property tests.
 *
 * An edit claims what it touches (an item's field, a cell's order, a
 * list's order, that an item is still there).  Two sets of edits whose
 * claims do not collide do not conflict: made one after the other they
 * give the same map in either order, and a merge must give it too. */

typedef struct _RandomEdits RandomEdits;

/* A recorder of edits made on @history's journey. */
RandomEdits *random_edits_new    (WaymarkHistory *history);
void         random_edits_free   (RandomEdits    *edits);

/* Makes one random edit whose claims do not collide with @other's (NULL:
 * anything goes); returns FALSE when the edit it drew did nothing or was
 * not allowed. */
gboolean     random_edits_step   (RandomEdits    *edits,
                                  GRand          *rand,
                                  RandomEdits    *other);
/* Makes @n edits (tries up to 20 n times). */
void         random_edits_run    (RandomEdits    *edits,
                                  GRand          *rand,
                                  guint           n,
                                  RandomEdits    *other);
/* Makes the recorded edits again, in order, on @history's journey. */
void         random_edits_replay (RandomEdits    *edits,
                                  WaymarkHistory *history);
guint        random_edits_count  (RandomEdits    *edits);

/* A copy of @journey through the writer and the reader. */
WaymarkJourney *random_edits_copy_journey (WaymarkJourney *journey);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RandomEdits, random_edits_free)

G_END_DECLS
