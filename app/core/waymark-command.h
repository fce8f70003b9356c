/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_COMMAND (waymark_command_get_type ())
G_DECLARE_DERIVABLE_TYPE (WaymarkCommand, waymark_command, WAYMARK, COMMAND, GObject)

/* One reversible edit of a journey.  apply() and revert() must be exact
 * inverses: after revert() the journey saves to the same bytes as before
 * apply(). */
struct _WaymarkCommandClass
{
  GObjectClass parent_class;

  void     (*apply)  (WaymarkCommand *self, WaymarkJourney *journey);
  void     (*revert) (WaymarkCommand *self, WaymarkJourney *journey);
  /* Absorbs @next, an edit applied right after this one, so that typing
   * in one field becomes one undo step.  Returns FALSE to refuse. */
  gboolean (*merge)  (WaymarkCommand *self, WaymarkCommand *next);
};

void        waymark_command_apply     (WaymarkCommand *self, WaymarkJourney *journey);
void        waymark_command_revert    (WaymarkCommand *self, WaymarkJourney *journey);
gboolean    waymark_command_merge     (WaymarkCommand *self, WaymarkCommand *next);
/* What the edit did, for "Undo Move Touchpoint" (translated). */
const char *waymark_command_get_label (WaymarkCommand *self);
void        waymark_command_set_label (WaymarkCommand *self, const char *label);
/* Commands with the same non-NULL merge key may merge (e.g. "title:tp-…"). */
const char *waymark_command_get_merge_key (WaymarkCommand *self);
void        waymark_command_set_merge_key (WaymarkCommand *self, const char *key);

G_END_DECLS
