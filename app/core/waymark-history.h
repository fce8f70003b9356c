/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-command.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_HISTORY (waymark_history_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkHistory, waymark_history, WAYMARK, HISTORY, GObject)

/* The undo history of one journey.  Every edit goes through it.
 * Properties: "can-undo", "can-redo", "modified" (differs from the last
 * saved state), "undo-label", "redo-label". */
WaymarkHistory *waymark_history_new           (WaymarkJourney *journey);
WaymarkJourney *waymark_history_get_journey   (WaymarkHistory *self);

/* Applies @command and records it (takes ownership). */
void            waymark_history_push          (WaymarkHistory *self, WaymarkCommand *command);
/* Records a command that was already applied (a group built step by step). */
void            waymark_history_push_applied  (WaymarkHistory *self, WaymarkCommand *command);
/* Ends merging: the next edit of the same field is a new undo step (called
 * when a text field loses focus, or after a pause in typing). */
void            waymark_history_seal          (WaymarkHistory *self);

gboolean        waymark_history_undo          (WaymarkHistory *self);
gboolean        waymark_history_redo          (WaymarkHistory *self);
gboolean        waymark_history_can_undo      (WaymarkHistory *self);
gboolean        waymark_history_can_redo      (WaymarkHistory *self);
const char     *waymark_history_get_undo_label (WaymarkHistory *self);
const char     *waymark_history_get_redo_label (WaymarkHistory *self);
guint           waymark_history_get_n_undo    (WaymarkHistory *self);

gboolean        waymark_history_is_modified   (WaymarkHistory *self);
/* Marks the current state as the saved one. */
void            waymark_history_mark_saved    (WaymarkHistory *self);
/* What identifies the current state: every edit, undo and redo gives
 * another; one taken before a save began can be marked saved when the
 * save ends, whatever was edited meanwhile. */
guint           waymark_history_get_serial    (WaymarkHistory *self);
void            waymark_history_mark_saved_at (WaymarkHistory *self, guint serial);
/* Marks that no state reachable by undo/redo is the saved one (after
 * restoring unsaved changes from the recovery journal). */
void            waymark_history_mark_unsaved  (WaymarkHistory *self);
/* Drops all steps (after a reload from disk). */
void            waymark_history_clear         (WaymarkHistory *self);

/* How many steps are kept; older ones are forgotten. */
#define WAYMARK_HISTORY_MAX_STEPS 1000

G_END_DECLS
