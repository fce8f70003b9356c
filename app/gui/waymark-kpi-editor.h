/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_KPI_EDITOR (waymark_kpi_editor_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkKpiEditor, waymark_kpi_editor, WAYMARK, KPI_EDITOR, AdwPreferencesGroup)

/* The KPIs of a touchpoint as a preferences group: a row per KPI that
 * expands to its name, value, unit and target, an Add button, a Remove
 * button per row.  A value or target that is not a number the format
 * allows is marked with the error style and not reported until it is.
 *
 * Signal ::changed (GPtrArray *kpis, const char *merge_key): the user
 * changed the list; @kpis (of WaymarkKpi, borrowed) is the whole new
 * list, @merge_key names the field typed into (NULL for adding and
 * removing), so that typing in one field is one undo step. */
GtkWidget *waymark_kpi_editor_new      (void);
/* Shows @kpis (of WaymarkKpi; NULL for none).  A field the user is typing
 * in keeps its text. */
void       waymark_kpi_editor_set_kpis (WaymarkKpiEditor *self,
                                        GPtrArray        *kpis);

/* The number the format allows for what a person typed: surrounding
 * spaces dropped, a decimal comma accepted ("0,5" is "0.5").  NULL when
 * @text is no such number. */
char      *waymark_kpi_editor_parse_number (const char *text);

G_END_DECLS
