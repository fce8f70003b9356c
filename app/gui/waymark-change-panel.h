/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CHANGE_PANEL (waymark_change_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (WaymarkChangePanel, waymark_change_panel, WAYMARK, CHANGE_PANEL, GtkWidget)

/* The panel beside the map that lists what differs between versions of
 * it: "Compare with…" (WaymarkComparePanel) and the merge conflicts
 * (WaymarkConflictPanel) are one view with different rows.  It holds the
 * heading, an optional close button, a subtitle, an optional legend, a
 * summary line and the list; it follows the document's journey and asks
 * for the rows anew once per burst of edits.
 *
 * Property "document": the document it shows (nullable).
 * Signals:
 *  ::item-activated (gpointer item) — a row was picked: the document
 *    item it is about (NULL: none to show, such as a removed item);
 *  ::close — the user closed the panel (only with a close button). */
struct _WaymarkChangePanelClass
{
  GtkWidgetClass parent_class;

  /* Makes the rows and the summary anew (the journey may be NULL). */
  void     (*rebuild)  (WaymarkChangePanel *self);
  /* The document item the @index-th row is about, or NULL. */
  gpointer (*row_item) (WaymarkChangePanel *self,
                        guint               index);
  /* Called for every change of the journey, before the rebuild it
   * schedules (nullable: nothing more to do). */
  void     (*journey_changed) (WaymarkChangePanel *self,
                               WaymarkChange      *change);
};

void             waymark_change_panel_set_document (WaymarkChangePanel *self,
                                                    WaymarkDocument    *document);
WaymarkDocument *waymark_change_panel_get_document (WaymarkChangePanel *self);
/* The document's journey (NULL without a document). */
WaymarkJourney  *waymark_change_panel_get_journey  (WaymarkChangePanel *self);

/* For subclasses, while they build themselves. */
void waymark_change_panel_set_heading    (WaymarkChangePanel *self,
                                          const char         *heading);
/* Adds the close button, named @label for the screen reader and its
 * tooltip; it emits ::close. */
void waymark_change_panel_add_close_button (WaymarkChangePanel *self,
                                            const char         *label);
void waymark_change_panel_set_subtitle   (WaymarkChangePanel *self,
                                          const char         *subtitle);
/* Puts @legend between the subtitle and the summary. */
void waymark_change_panel_set_legend     (WaymarkChangePanel *self,
                                          GtkWidget          *legend);

/* For subclasses' rebuild. */
void waymark_change_panel_set_summary    (WaymarkChangePanel *self,
                                          const char         *summary);
void waymark_change_panel_remove_rows    (WaymarkChangePanel *self);
void waymark_change_panel_append_row     (WaymarkChangePanel *self,
                                          GtkWidget          *row);
/* Makes the rows anew now, dropping a scheduled rebuild. */
void waymark_change_panel_rebuild        (WaymarkChangePanel *self);

/* A row's text: wrapped, start-aligned, as every row of these panels. */
GtkWidget *waymark_change_panel_row_label (const char *text);
/* A list row of one such @label alone, with the margins of a text row. */
GtkWidget *waymark_change_panel_text_row  (GtkWidget  *label);

G_END_DECLS
