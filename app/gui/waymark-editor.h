/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-canvas.h"
#include "waymark-channel-palette.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_EDITOR (waymark_editor_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkEditor, waymark_editor, WAYMARK, EDITOR, GtkWidget)

/* The window's editing page: the channel palette, the canvas with its zoom
 * and structure toolbar, toasts, and the inspector beside it.  It keeps the
 * inspector on the canvas's selection (one item: that item; none or
 * several: the journey's properties).
 * Property "show-inspector". */
GtkWidget             *waymark_editor_new              (void);
void                   waymark_editor_set_document     (WaymarkEditor   *self,
                                                        WaymarkDocument *document);
WaymarkDocument       *waymark_editor_get_document     (WaymarkEditor   *self);
WaymarkCanvas         *waymark_editor_get_canvas       (WaymarkEditor   *self);
WaymarkChannelPalette *waymark_editor_get_palette      (WaymarkEditor   *self);
GtkWidget             *waymark_editor_get_inspector    (WaymarkEditor   *self);
gboolean               waymark_editor_get_show_inspector (WaymarkEditor *self);
void                   waymark_editor_set_show_inspector (WaymarkEditor *self,
                                                          gboolean       show);
void                   waymark_editor_add_toast        (WaymarkEditor   *self,
                                                        AdwToast        *toast);

G_END_DECLS
