/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-emotion-picker.h"
#include "waymark-kpi-editor.h"
#include "waymark-text-row.h"
#include "waymark-touchpoint-editor.h"
#include "waymark-votes-row.h"

G_BEGIN_DECLS

struct _WaymarkTouchpointEditor
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget            *box;
  AdwPreferencesGroup  *card_group;
  AdwEntryRow          *title_row;
  WaymarkTextRow       *description_row;
  WaymarkTextRow       *quote_row;
  WaymarkTextRow       *idea_row;
  AdwComboRow          *channel_row;
  GtkMenuButton        *new_channel_button;
  GtkPopover           *new_channel_popover;
  GtkEditable          *new_channel_entry;
  GtkToggleButton      *new_channel_digital;
  GtkToggleButton      *new_channel_physical;
  GtkToggleButton      *new_channel_personal;
  GtkWidget            *new_channel_add_button;
  AdwComboRow          *category_row;
  AdwComboRow          *initiator_row;
  WaymarkEmotionPicker *emotion_picker;
  AdwEntryRow          *emotion_note_row;
  AdwEntryRow          *owner_row;
  GtkMenuButton        *owner_button;
  AdwComboRow          *strength_row;
  AdwComboRow          *priority_row;
  GtkSwitch            *moment_switch;
  WaymarkVotesRow      *votes_row;
  WaymarkKpiEditor     *kpi_editor;
  AdwPreferencesGroup  *links_group;
  AdwPreferencesGroup  *personas_group;

  WaymarkDocument      *document;
  WaymarkTouchpoint    *touchpoint;
  GtkStringList        *channel_names;   /* "No channel", then the journey's channels */
  GPtrArray            *link_rows;
  char                 *links_shown;     /* what link_rows show, to rebuild only on change */
  GPtrArray            *persona_rows;    /* one AdwActionRow per persona of the journey */
  char                 *personas_shown;  /* the personas they show, to rebuild only on change */
  guint                 updating;
  /* Set while another touchpoint is being shown: its text replaces even
   * the field that has the focus. */
  gboolean              replacing;
};

WaymarkJourney *_waymark_touchpoint_editor_get_journey (WaymarkTouchpointEditor *self);
WaymarkHistory *_waymark_touchpoint_editor_get_history (WaymarkTouchpointEditor *self);
/* Whether a signal from a control is the user editing (not the editor
 * showing the model), on a document that may be edited. */
gboolean        _waymark_touchpoint_editor_user_edit   (WaymarkTouchpointEditor *self);

/* The channel and its category (waymark-touchpoint-editor-channel.c). */
void            _waymark_touchpoint_editor_channel_init  (WaymarkTouchpointEditor *self);
void            _waymark_touchpoint_editor_show_channel  (WaymarkTouchpointEditor *self);
void            _waymark_touchpoint_editor_channel_class_init (GtkWidgetClass *widget_class);

/* The links to and from other cards (waymark-touchpoint-editor-links.c). */
gboolean        _waymark_touchpoint_editor_is_linked     (WaymarkTouchpointEditor *self,
                                                          gconstpointer            touchpoint);
void            _waymark_touchpoint_editor_show_links    (WaymarkTouchpointEditor *self);

/* The personas it applies to, and their emotions
 * (waymark-touchpoint-editor-personas.c). */
void            _waymark_touchpoint_editor_show_personas (WaymarkTouchpointEditor *self);

G_END_DECLS
