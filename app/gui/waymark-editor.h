/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-canvas.h"
#include "waymark-channel-palette.h"
#include "waymark-compare-panel.h"
#include "waymark-conflict-panel.h"
#include "waymark-document.h"
#include "waymark-findings-panel.h"
#include "waymark-outline.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_EDITOR (waymark_editor_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkEditor, waymark_editor, WAYMARK, EDITOR, GtkWidget)

/* The window's editing page: the channel palette, the canvas with its zoom
 * and structure toolbar or the outline (the same map as a list, switched
 * with Ctrl+1 / Ctrl+2), toasts, and the inspector beside them.  The
 * canvas holds the selection; the outline follows it and sets it, and the
 * inspector shows it (one item: that item; none or several: the
 * journey's properties).  A map with merge conflicts gets a banner that
 * says so and the conflict panel beside the map.
 * The findings panel (F8) lists the map's weak spots and the canvas marks
 * their items; the window's Findings button counts them.
 * Properties "show-inspector", "show-findings", "view" ("map", "outline" or "dashboard"). */
GtkWidget             *waymark_editor_new              (void);
void                   waymark_editor_set_document     (WaymarkEditor   *self,
                                                        WaymarkDocument *document);
WaymarkDocument       *waymark_editor_get_document     (WaymarkEditor   *self);
WaymarkCanvas         *waymark_editor_get_canvas       (WaymarkEditor   *self);
WaymarkChannelPalette *waymark_editor_get_palette      (WaymarkEditor   *self);
GtkWidget             *waymark_editor_get_inspector    (WaymarkEditor   *self);
WaymarkOutline        *waymark_editor_get_outline      (WaymarkEditor   *self);
const char            *waymark_editor_get_view         (WaymarkEditor   *self);
void                   waymark_editor_set_view         (WaymarkEditor   *self,
                                                        const char      *view);
gboolean               waymark_editor_get_show_inspector (WaymarkEditor *self);
void                   waymark_editor_set_show_inspector (WaymarkEditor *self,
                                                          gboolean       show);
/* The merge conflicts beside the map (shown with the banner's button). */
WaymarkConflictPanel  *waymark_editor_get_conflict_panel (WaymarkEditor *self);
gboolean               waymark_editor_get_show_conflicts (WaymarkEditor *self);
/* "Compare with…": the comparison beside the map, its marks on it. */
WaymarkComparePanel   *waymark_editor_get_compare_panel (WaymarkEditor *self);
/* Asks for a file, then compares with it; with @intended, as the
 * journey as intended (the panel shows the deviations). */
void                   waymark_editor_choose_compare_file (WaymarkEditor *self,
                                                           gboolean       intended);
/* Compare with @file, or with the document's file as last saved; an
 * error is shown as a toast (FALSE). */
gboolean               waymark_editor_compare_with_file (WaymarkEditor *self,
                                                         GFile         *file);
gboolean               waymark_editor_compare_with_saved (WaymarkEditor *self);
gboolean               waymark_editor_get_show_palette (WaymarkEditor *self);
void                   waymark_editor_set_show_palette (WaymarkEditor *self,
                                                        gboolean       show);
/* The findings panel beside the map (F8) and its weak-spot checker. */
WaymarkFindingsPanel  *waymark_editor_get_findings_panel (WaymarkEditor *self);
/* What stands out on the map and in the outline (the Highlight popover),
 * or NULL when nothing is dimmed.  View state: never saved, not undone.
 * Printing and exporting offer to dim the same. */
const WaymarkHighlight *waymark_editor_get_highlight     (WaymarkEditor          *self);
void                    waymark_editor_set_highlight     (WaymarkEditor          *self,
                                                          const WaymarkHighlight *highlight);
gboolean               waymark_editor_get_show_findings (WaymarkEditor *self);
void                   waymark_editor_set_show_findings (WaymarkEditor *self,
                                                         gboolean       show);
void                   waymark_editor_add_toast        (WaymarkEditor   *self,
                                                        AdwToast        *toast);
/* Presentation mode: the map alone (no palette, inspector or toolbar),
 * the canvas presenting (waymark_canvas_set_presenting); leaving brings
 * back what was shown. */
gboolean               waymark_editor_get_presenting   (WaymarkEditor   *self);
void                   waymark_editor_set_presenting   (WaymarkEditor   *self,
                                                        gboolean         presenting);

G_END_DECLS
