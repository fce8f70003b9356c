/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-canvas.h"
#include "waymark-change-panel.h"
#include "waymark-diff.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_COMPARE_PANEL (waymark_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkComparePanel, waymark_compare_panel, WAYMARK, COMPARE_PANEL, WaymarkChangePanel)

/* "Compare with…": the document's map against another map (a file, or
 * the version last saved), with the one diff of app/core (docs/DIFF.md).
 * The panel lists the changes in words; on the map, what only this map
 * has is outlined (added), what differs is marked (changed), and the
 * cards only the other map has are drawn faded where they were (ghosts).
 * It follows the document's edits (waymark_change_panel_set_document()).
 *
 * Signals, besides WaymarkChangePanel's (::item-activated gives the
 * document's item a change is about, NULL for a removed item or the
 * journey; ::close when the user closes the comparison):
 *  ::updated — the diff was made anew (marks and ghosts changed). */
GtkWidget   *waymark_compare_panel_new          (void);
/* Compares with @other (referenced; never edited), named @name in the
 * panel ("the saved version", a file's name). */
void         waymark_compare_panel_set_other    (WaymarkComparePanel *self,
                                                 WaymarkJourney      *other,
                                                 const char          *name);
/* Reads @file and compares with it; FALSE (and @error) when it cannot be
 * read, and the comparison stays as it was. */
gboolean     waymark_compare_panel_compare_with_file (WaymarkComparePanel *self,
                                                      GFile               *file,
                                                      const char          *name,
                                                      GError             **error);
/* Compares with the document's file as last saved, and again with each
 * new save (FALSE and @error when it cannot be read). */
gboolean     waymark_compare_panel_compare_with_saved (WaymarkComparePanel *self,
                                                       GError             **error);
void         waymark_compare_panel_clear        (WaymarkComparePanel *self);
gboolean     waymark_compare_panel_is_comparing (WaymarkComparePanel *self);
/* The current diff: A is the other map, B the document's (NULL when not
 * comparing). */
WaymarkDiff *waymark_compare_panel_get_diff     (WaymarkComparePanel *self);
/* How many changes the list shows. */
guint        waymark_compare_panel_get_n_changes (WaymarkComparePanel *self);
/* The marks for the document's items (item → WaymarkCanvasMark) and the
 * ghosts, for waymark_canvas_set_marks() and _set_ghosts() (NULL when
 * not comparing). */
GHashTable  *waymark_compare_panel_get_marks    (WaymarkComparePanel *self);
GPtrArray   *waymark_compare_panel_get_ghosts   (WaymarkComparePanel *self);
WaymarkLayout *waymark_compare_panel_get_other_layout (WaymarkComparePanel *self);

/* As is against intended: the panel shows both emotion curves on one
 * chart and lists the deviations of the journey as it is from the one
 * as intended instead of the changes (the marks on the map stay).  The
 * other map is the intended one, or with @intended TRUE the document's
 * map is (waymark-compare-panel-plan.c). */
void         waymark_compare_panel_set_show_deviations   (WaymarkComparePanel *self,
                                                          gboolean             show);
gboolean     waymark_compare_panel_get_show_deviations   (WaymarkComparePanel *self);
void         waymark_compare_panel_set_document_intended (WaymarkComparePanel *self,
                                                          gboolean             intended);
gboolean     waymark_compare_panel_get_document_intended (WaymarkComparePanel *self);
/* The deviations listed and the chart's steps (NULL when not shown). */
GPtrArray   *waymark_compare_panel_get_deviations        (WaymarkComparePanel *self);
GArray      *waymark_compare_panel_get_curve_steps       (WaymarkComparePanel *self);

G_END_DECLS
