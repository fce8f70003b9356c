/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-compare-panel.h"

G_BEGIN_DECLS

/* Shared by waymark-compare-panel.c (the changes) and
 * waymark-compare-panel-plan.c (as is against intended). */

/* A list of thousands of rows helps nobody and costs a lot to build: the
 * rest is counted. */
#define WAYMARK_COMPARE_MAX_ROWS 500

struct _WaymarkComparePanel
{
  WaymarkChangePanel parent_instance;

  /* The document whose saves it follows (the base panel's document). */
  WaymarkDocument *watched;
  gulong modified_notify_id;

  WaymarkJourney *other;
  char *other_name;
  /* Comparing with the saved version: read again after each save. */
  gboolean follows_saved;
  WaymarkLayout *other_layout;
  WaymarkDiff *diff;
  WaymarkDiffFlags diff_flags;
  GHashTable *marks;
  GPtrArray *ghosts;
  /* The document item of each row, by row index (NULL: none to show). */
  GPtrArray *row_items;

  /* As is against intended (waymark-compare-panel-plan.c). */
  gboolean show_deviations;
  /* The document is the intended map and the other one the map as it
   * is (FALSE: the other way round). */
  gboolean document_intended;
  /* intended → as-is: the diff above, or its reverse when swapped. */
  WaymarkDiff *plan_diff;
  GPtrArray *deviations;
  GtkWidget *changes_legend;
  GtkWidget *curves;
  GtkWidget *changes_button;
  GtkWidget *deviations_button;
  GtkWidget *swap_button;
};

/* waymark-compare-panel.c */
void     _waymark_compare_panel_update_subtitle  (WaymarkComparePanel *self);

/* waymark-compare-panel-plan.c */
/* The mode buttons, the swap button and the chart, in @box. */
void     _waymark_compare_panel_add_plan_controls (WaymarkComparePanel *self,
                                                   GtkBox              *box);
/* The deviations' rows, summary and chart, from self->diff. */
void     _waymark_compare_panel_rebuild_plan      (WaymarkComparePanel *self);
void     _waymark_compare_panel_clear_plan        (WaymarkComparePanel *self);

G_END_DECLS
