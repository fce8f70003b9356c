/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INSPECTOR (waymark_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkInspector, waymark_inspector, WAYMARK, INSPECTOR, GtkWidget)

/* The sidebar that edits what is selected on the map: a touchpoint, a
 * note, a phase or a lane; with nothing selected, the journey's own
 * properties and personas.  Every edit goes through the document's undo
 * history; changes made elsewhere (undo, the canvas) show at once, except
 * in the field being typed in. */
GtkWidget *waymark_inspector_new          (void);
void       waymark_inspector_set_document (WaymarkInspector *self,
                                           WaymarkDocument  *document);
/* @item: a WaymarkTouchpoint, WaymarkNote, WaymarkPhase or WaymarkLane of
 * the document's journey, or NULL for the journey's properties. */
void       waymark_inspector_set_item     (WaymarkInspector *self,
                                           gpointer          item);

G_END_DECLS
