/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_TOUCHPOINT_EDITOR (waymark_touchpoint_editor_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkTouchpointEditor, waymark_touchpoint_editor, WAYMARK, TOUCHPOINT_EDITOR, GtkWidget)

/* The inspector's page for one touchpoint: its text, channel and the
 * channel's category, initiator, emotion, owner, assessment, KPIs and
 * links.  Every edit goes through the document's history. */
GtkWidget *waymark_touchpoint_editor_new            (void);
void       waymark_touchpoint_editor_set_touchpoint (WaymarkTouchpointEditor *self,
                                                     WaymarkDocument         *document,
                                                     WaymarkTouchpoint       *touchpoint);
/* The journey changed (@change; NULL: anything may have): shows what is
 * new, leaving the field being typed in alone. */
void       waymark_touchpoint_editor_update         (WaymarkTouchpointEditor *self,
                                                     const WaymarkChange     *change);

G_END_DECLS
