/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-checker.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_FINDINGS_PANEL (waymark_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkFindingsPanel, waymark_findings_panel, WAYMARK, FINDINGS_PANEL, GtkWidget)

/* The weak spots of the document's map as a list: each finding with its
 * severity, what is wrong, why it matters and what usually helps.  It
 * keeps a WaymarkChecker for the document's journey and runs it before
 * the next frame after a change, so the list, the counts and the
 * canvas's markers follow every edit; the checker re-runs only the rules
 * an edit can affect, and the list changes only the rows that came or
 * went.
 *
 * Property "checker" (replaced when the document or its journey is).
 * Signals:
 *  ::changed — the findings changed (the counts to show);
 *  ::item-activated (gpointer item) — the user selected a finding: show
 *    its phase or touchpoint. */
GtkWidget      *waymark_findings_panel_new          (void);
void            waymark_findings_panel_set_document (WaymarkFindingsPanel *self,
                                                     WaymarkDocument      *document);
/* NULL without a document. */
WaymarkChecker *waymark_findings_panel_get_checker  (WaymarkFindingsPanel *self);
/* Runs the checker now if a change is waiting (the panel does so itself
 * before the next frame). */
void            waymark_findings_panel_update       (WaymarkFindingsPanel *self);
/* The list of findings, in the panel's order (for tests). */
GListModel     *waymark_findings_panel_get_model    (WaymarkFindingsPanel *self);
/* Selects the row of @position as a click would (emits ::item-activated). */
void            waymark_findings_panel_activate     (WaymarkFindingsPanel *self,
                                                     guint                 position);

G_END_DECLS
