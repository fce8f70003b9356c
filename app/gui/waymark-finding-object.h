/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "waymark-finding.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_FINDING_OBJECT (waymark_finding_object_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkFindingObject, waymark_finding_object, WAYMARK, FINDING_OBJECT, GObject)

/* One finding as an item of a list model, for the findings panel.  It
 * copies what a row shows (a row may still hold it after the checker
 * freed the finding) and keeps a pointer to the live finding only for
 * finding and ordering it while it is in the list. */
WaymarkFindingObject *waymark_finding_object_new          (const WaymarkFinding *finding);
/* The checker's finding: valid only while this object is in the panel's list. */
const WaymarkFinding *waymark_finding_object_get_finding  (WaymarkFindingObject *self);
/* The phase or touchpoint it concerns (a reference held by the object). */
gpointer              waymark_finding_object_get_item     (WaymarkFindingObject *self);
const char           *waymark_finding_object_get_rule_id  (WaymarkFindingObject *self);
WaymarkSeverity       waymark_finding_object_get_severity (WaymarkFindingObject *self);
const char           *waymark_finding_object_get_message  (WaymarkFindingObject *self);
const char           *waymark_finding_object_get_why      (WaymarkFindingObject *self);
const char           *waymark_finding_object_get_suggestion (WaymarkFindingObject *self);

G_END_DECLS
