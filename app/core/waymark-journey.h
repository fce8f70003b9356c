/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-change.h"
#include "waymark-channel.h"
#include "waymark-enums.h"
#include "waymark-item.h"
#include "waymark-lane.h"
#include "waymark-link.h"
#include "waymark-note.h"
#include "waymark-persona.h"
#include "waymark-phase.h"
#include "waymark-touchpoint.h"

G_BEGIN_DECLS

/* The newest file format this program reads and writes.  It writes the
 * oldest format that holds a map (waymark_writer_get_format()). */
#define WAYMARK_FORMAT_VERSION 2

typedef enum {
  WAYMARK_FIELD_TITLE,
  WAYMARK_FIELD_SUBJECT,
  WAYMARK_FIELD_GOAL,
} WaymarkJourneyField;

#define WAYMARK_TYPE_JOURNEY (waymark_journey_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkJourney, waymark_journey, WAYMARK, JOURNEY, GObject)

/* A journey map document: the journey's properties and its items in order.
 * Read it freely; change it only through commands (WaymarkHistory), which
 * call the mutators below and so emit ::changed for every change. */
WaymarkJourney *waymark_journey_new           (void);

const char     *waymark_journey_get_id        (WaymarkJourney *self);
const char     *waymark_journey_get_text      (WaymarkJourney *self, WaymarkJourneyField field);
WaymarkState    waymark_journey_get_state     (WaymarkJourney *self);
WaymarkForeign *waymark_journey_get_foreign   (WaymarkJourney *self);
WaymarkForeign **waymark_journey_get_foreign_slot (WaymarkJourney *self);

guint           waymark_journey_get_n_items   (WaymarkJourney *self, WaymarkItemType type);
gpointer        waymark_journey_get_item      (WaymarkJourney *self, WaymarkItemType type, guint index);
/* The items of @type in order (borrowed; do not modify). */
GPtrArray      *waymark_journey_get_items     (WaymarkJourney *self, WaymarkItemType type);
gpointer        waymark_journey_lookup        (WaymarkJourney *self, const char *id);
/* The position of @item in its list, or -1 when it is not in the journey. */
int             waymark_journey_index_of      (WaymarkJourney *self, gconstpointer item);
/* The cards (touchpoints or notes, by the lane's kind) of one cell in order;
 * a new array of borrowed pointers. */
GPtrArray      *waymark_journey_get_cell      (WaymarkJourney *self, WaymarkPhase *phase, WaymarkLane *lane);
/* A new id of @type's prefix that this journey does not use yet. */
char           *waymark_journey_new_id        (WaymarkJourney *self, WaymarkItemType type);

/* Mutators: only commands and the loader call these. */
void            waymark_journey_set_id        (WaymarkJourney *self, const char *id);
void            waymark_journey_set_text      (WaymarkJourney *self, WaymarkJourneyField field, const char *value);
void            waymark_journey_set_state     (WaymarkJourney *self, WaymarkState state);
/* Inserts @item (takes a reference) at @index of its list (-1 appends).
 * Fails when its id is taken. */
gboolean        waymark_journey_insert_item   (WaymarkJourney *self, gpointer item, int index);
/* Removes @item and returns the reference the journey held. */
gpointer        waymark_journey_remove_item   (WaymarkJourney *self, gpointer item);
void            waymark_journey_move_item     (WaymarkJourney *self, gpointer item, guint new_index);
/* Exchanges the contents of the journey's @item with @other (same id):
 * the edit and its undo are the same operation. */
void            waymark_journey_swap_item     (WaymarkJourney *self, gpointer item, gpointer other);
/* Merge conflicts the map still holds (WaymarkConflict, borrowed; in
 * file order).  Taking one off the list or putting one back reports a
 * WAYMARK_CHANGE_PROPERTIES change; only commands do that. */
GPtrArray      *waymark_journey_get_conflicts (WaymarkJourney *self);
int             waymark_journey_index_of_conflict (WaymarkJourney *self, gconstpointer conflict);
/* Takes @conflict (a WaymarkConflict) and puts it at @index (-1: last). */
void            waymark_journey_insert_conflict (WaymarkJourney *self, gpointer conflict, int index);
/* Takes @conflict off the list and gives it to the caller. */
void            waymark_journey_remove_conflict (WaymarkJourney *self, gpointer conflict);

/* Tells views that everything changed (after a reload). */
void            waymark_journey_emit_reloaded (WaymarkJourney *self);

/* For the loader: appends without notifying anyone; fails on a taken id. */
gboolean        _waymark_journey_append_quiet (WaymarkJourney *self, gpointer item);
/* The same for a loader that has looked the id up and found it free. */
void            _waymark_journey_append_new   (WaymarkJourney *self, gpointer item);
/* For a reader that shares items with another version of the map: puts
 * @item in place of the item of the same type and id at @index of its
 * type's list, quietly. */
void            _waymark_journey_replace_quiet (WaymarkJourney *self, guint index, gpointer item);
/* For the loader and the merge: appends @conflict (taken) quietly. */
void            _waymark_journey_append_conflict (WaymarkJourney *self, gpointer conflict);

G_END_DECLS
