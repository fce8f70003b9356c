/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-snapshot.h"

G_BEGIN_DECLS

struct _WaymarkSnapshot
{
  WaymarkJourney *journey;        /* strong: keeps its foreign data alive */
  char *id;
  char *text[3];                  /* WaymarkJourneyField */
  WaymarkState state;
  const WaymarkForeign *foreign;  /* the journey's: set once, at load */
  GPtrArray *items[WAYMARK_N_ITEM_TYPES];  /* borrowed: see @kept */
  GPtrArray *conflicts;           /* copies */
  /* Held by the writer while it reads one item, and by the journey while
   * it copies an item into @preserved and changes it. */
  GMutex lock;
  GHashTable *preserved;          /* live item → its copy as it was */
  /* References on the items the journey removed while the snapshot
   * lived; the journey's own references keep the others alive (and the
   * snapshot keeps the journey). */
  GPtrArray *kept;
};

/* The journey's side: before and after changing @item in place. */
void          _waymark_snapshot_begin_change (WaymarkSnapshot *snapshot,
                                              gpointer         item);
void          _waymark_snapshot_end_change   (WaymarkSnapshot *snapshot);
/* Before the journey lets go of @item (removes it from its lists). */
void          _waymark_snapshot_keep         (WaymarkSnapshot *snapshot,
                                              gpointer         item);

/* The writer's side: the item at @index of @type's list as it was when
 * the snapshot was taken, locked until _waymark_snapshot_release_item(). */
gconstpointer _waymark_snapshot_lock_item    (WaymarkSnapshot *snapshot,
                                              WaymarkItemType  type,
                                              guint            index);
void          _waymark_snapshot_release_item (WaymarkSnapshot *snapshot);

/* The journey's list of live snapshots. */
void          _waymark_journey_add_snapshot    (WaymarkJourney  *journey,
                                                WaymarkSnapshot *snapshot);
void          _waymark_journey_remove_snapshot (WaymarkJourney  *journey,
                                                WaymarkSnapshot *snapshot);

G_END_DECLS
