/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "waymark-foreign.h"

G_BEGIN_DECLS

/* Everything in a journey that has an id: personas, phases, lanes,
 * channels, touchpoints, notes and links.  Items are small reference-counted
 * structs (not GObjects): a map can hold 100,000 touchpoints and loading must
 * stay cheap.  Each concrete type starts with a WaymarkItem. */

typedef enum {
  WAYMARK_ITEM_PERSONA,
  WAYMARK_ITEM_PHASE,
  WAYMARK_ITEM_LANE,
  WAYMARK_ITEM_CHANNEL,
  WAYMARK_ITEM_TOUCHPOINT,
  WAYMARK_ITEM_NOTE,
  WAYMARK_ITEM_LINK,
  WAYMARK_N_ITEM_TYPES,
} WaymarkItemType;

typedef struct {
  WaymarkItemType type;
  char *id;
  WaymarkForeign *foreign;
  char **dismissed;   /* ids of the findings dismissed for this item (format 2); NULL when none */
} WaymarkItem;

#define WAYMARK_ITEM(p) ((WaymarkItem *) (p))

gpointer    waymark_item_ref            (gpointer item);
void        waymark_item_unref          (gpointer item);
/* A deep copy with the same id; referenced items (phase, lane, …) are shared. */
gpointer    waymark_item_copy           (gconstpointer item);
/* Exchanges everything but the identity of two items of the same type and
 * id, so that pointers held by views stay valid across undo/redo. */
void        waymark_item_swap_contents  (gpointer a, gpointer b);
const char *waymark_item_get_id         (gconstpointer item);
WaymarkItemType waymark_item_get_item_type (gconstpointer item);
/* The prefix generated ids of this type start with ("tp", "phase", …). */
const char *waymark_item_type_id_prefix (WaymarkItemType type);
/* The element name in the file ("touchpoint", "phase", …). */
const char *waymark_item_type_element   (WaymarkItemType type);

/* Whether the finding @rule_id (a weak-spot check's id such as
 * "touchpoint-without-owner") was dismissed for @item. */
gboolean    waymark_item_is_dismissed   (gconstpointer item,
                                         const char   *rule_id);
/* Dismisses or restores a finding on @item: for an edited copy that a
 * command puts in place, never for an item of a journey. */
void        waymark_item_set_dismissed  (gpointer      item,
                                         const char   *rule_id,
                                         gboolean      dismissed);

/* Allocates a zeroed item of @size bytes; used by the concrete types. */
gpointer    _waymark_item_alloc         (WaymarkItemType type, gsize size, const char *id);

G_END_DECLS
