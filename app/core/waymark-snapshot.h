/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* A journey as it is at one moment, for a save or a recovery journal
 * write to serialise on a worker thread (waymark_writer_write_snapshot())
 * while the map stays editable on the main thread.
 *
 * Taking one costs a copy of the lists of item pointers, not of the
 * items, and no item is touched (well under a millisecond at 100,000
 * cards); the journey's references keep them alive, and one it removes
 * meanwhile is kept by the snapshot.  Edits replace items in those lists
 * or reorder them without touching the snapshot; an edit that changes an
 * item in place (waymark_journey_swap_item()) first gives the snapshot a
 * copy of the item as it was, under the snapshot's lock, which the
 * writer also holds while it reads one item.  So what is written is a
 * state the map really had, and neither thread ever waits longer than
 * one item takes.
 *
 * Create and free it on the thread that edits the journey (item
 * reference counts are not atomic); only the writer may use it from
 * another thread, and only between the two. */

typedef struct _WaymarkSnapshot WaymarkSnapshot;

WaymarkSnapshot *waymark_snapshot_new     (WaymarkJourney  *journey);
void             waymark_snapshot_free    (WaymarkSnapshot *snapshot);
/* How many items were copied because they were edited in place while the
 * snapshot lived (tests). */
guint            waymark_snapshot_get_n_preserved (WaymarkSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkSnapshot, waymark_snapshot_free)

G_END_DECLS
