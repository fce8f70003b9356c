/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-inspector.h"
#include "waymark-text-row.h"
#include "waymark-touchpoint-editor.h"
#include "waymark-votes-row.h"

G_BEGIN_DECLS

struct _WaymarkInspector
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget               *scroller;
  GtkStack                *stack;
  /* … the journey page (waymark-inspector-journey.c) */
  AdwEntryRow             *journey_title_row;
  AdwEntryRow             *subject_row;
  AdwEntryRow             *goal_row;
  AdwComboRow             *state_row;
  AdwPreferencesGroup     *personas_group;
  /* … one page per kind of item */
  WaymarkTouchpointEditor *touchpoint_editor;
  AdwPreferencesGroup     *note_group;
  WaymarkTextRow          *note_text_row;
  WaymarkVotesRow         *note_votes_row;
  AdwPreferencesGroup     *phase_group;
  AdwEntryRow             *phase_name_row;
  AdwPreferencesGroup     *lane_group;
  AdwEntryRow             *lane_name_row;
  AdwComboRow             *lane_kind_row;
  GtkRevealer             *lane_message_revealer;
  GtkLabel                *lane_message;

  WaymarkDocument         *document;
  WaymarkJourney          *journey;
  gpointer                 item;          /* a reference, or NULL */
  GPtrArray               *persona_rows;  /* PersonaRow */
  GtkWidget               *focus_widget;  /* weak: the field with the focus, when ours */
  guint                    updating;
  /* Set while another item is being shown: its text replaces even the
   * field that has the focus. */
  gboolean                 replacing;
};

/* Whether a signal from a control is the user editing an editable
 * document (not the inspector showing the model). */
gboolean _waymark_inspector_user_edit        (WaymarkInspector *self);
void     _waymark_inspector_sync_editable    (WaymarkInspector *self,
                                              AdwEntryRow      *row,
                                              const char       *text);
void     _waymark_inspector_sync_text_row    (WaymarkInspector *self,
                                              WaymarkTextRow   *row,
                                              const char       *text);

/* The journey page: properties and personas. */
void     _waymark_inspector_journey_init     (WaymarkInspector *self);
void     _waymark_inspector_journey_update   (WaymarkInspector    *self,
                                              const WaymarkChange *change);
void     _waymark_inspector_journey_clear    (WaymarkInspector *self);
void     _waymark_inspector_journey_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
