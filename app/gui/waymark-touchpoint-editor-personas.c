/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-inspector-util.h"
#include "waymark-palette.h"
#include "waymark-persona-style.h"
#include "waymark-touchpoint-editor-private.h"

/* The personas a touchpoint is for: a row per persona of the map with a
 * check (the card applies to that persona) and that persona's emotion,
 * its own or the card's (picking one checks the persona).  None
 * checked: the card applies to everyone.
 * Under a persona with an emotion of its own, a line says how it feels
 * there (<applies-to>'s text), as the card's own feeling does.
 * Each change is one undo step (typing merges into one).  The marker
 * beside a name is the one its curve, the legend and the cards show. */

#define MARKER 14

/* The emotions a persona can have here, in the drop-down's order. */
static const int scores[] = { 2, 1, 0, -1, -2 };

static void
draw_marker (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const WaymarkPalette *palette = waymark_palette_get (dark ? WAYMARK_PALETTE_DARK : WAYMARK_PALETTE_LIGHT);

  waymark_persona_style_draw_marker (cr, palette, GPOINTER_TO_UINT (user_data), width / 2.0, height / 2.0,
                                     MIN (width, height) - 3, NULL);
}

static WaymarkPersona *
row_persona (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "persona");
}

static void
commit_marks (WaymarkTouchpointEditor *self,
              WaymarkTouchpoint       *edited)
{
  waymark_edits_update (_waymark_touchpoint_editor_get_history (self), self->touchpoint, edited, NULL);
}

static void
applies_toggled_cb (GtkCheckButton          *check,
                    WaymarkTouchpointEditor *self)
{
  WaymarkPersona *persona = row_persona (GTK_WIDGET (check));
  gboolean active = gtk_check_button_get_active (check);
  WaymarkTouchpoint *edited;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self) ||
      (waymark_touchpoint_get_persona_mark (self->touchpoint, persona->item.id) != NULL) == active)
    return;
  edited = waymark_item_copy (self->touchpoint);
  if (active)
    waymark_touchpoint_mark_persona (edited, persona);
  else
    waymark_touchpoint_unmark_persona (edited, persona->item.id);
  commit_marks (self, edited);
}

static void
emotion_selected_cb (AdwComboRow             *row,
                     GParamSpec              *pspec,
                     WaymarkTouchpointEditor *self)
{
  WaymarkPersona *persona = row_persona (GTK_WIDGET (row));
  guint selected = adw_combo_row_get_selected (row);
  const WaymarkPersonaMark *mark;
  WaymarkTouchpoint *edited;
  WaymarkPersonaMark *edited_mark;
  gboolean own = selected > 0 && selected != GTK_INVALID_LIST_POSITION;
  int score = own ? scores[selected - 1] : 0;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self))
    return;
  mark = waymark_touchpoint_get_persona_mark (self->touchpoint, persona->item.id);
  /* Giving a persona an emotion here says the card is for it. */
  if (mark == NULL ? !own : (mark->has_emotion == own && (!own || mark->emotion == score)))
    return;
  edited = waymark_item_copy (self->touchpoint);
  edited_mark = waymark_touchpoint_mark_persona (edited, persona);
  edited_mark->has_emotion = own;
  edited_mark->emotion = score;
  /* Like the card's own note, a note goes with a score. */
  if (!own)
    g_clear_pointer (&edited_mark->emotion_note, g_free);
  commit_marks (self, edited);
}

static void
note_changed_cb (GtkEditable             *note,
                 WaymarkTouchpointEditor *self)
{
  WaymarkPersona *persona = row_persona (GTK_WIDGET (note));
  const WaymarkPersonaMark *mark;
  g_autofree char *text = NULL;
  g_autofree char *merge_key = NULL;
  WaymarkTouchpoint *edited;
  WaymarkPersonaMark *edited_mark;

  g_assert (WAYMARK_IS_TOUCHPOINT_EDITOR (self));

  if (!_waymark_touchpoint_editor_user_edit (self))
    return;
  mark = waymark_touchpoint_get_persona_mark (self->touchpoint, persona->item.id);
  text = waymark_inspector_dup_editable (note);
  /* Shown only with an emotion of the persona's own. */
  if (mark == NULL || !mark->has_emotion || g_strcmp0 (mark->emotion_note, text) == 0)
    return;
  edited = waymark_item_copy (self->touchpoint);
  edited_mark = waymark_touchpoint_mark_persona (edited, persona);
  g_free (edited_mark->emotion_note);
  edited_mark->emotion_note = g_steal_pointer (&text);
  merge_key = g_strconcat ("persona-note:", persona->item.id, NULL);
  waymark_edits_update (_waymark_touchpoint_editor_get_history (self), self->touchpoint, edited, merge_key);
}

static GtkWidget *
new_note_row (WaymarkTouchpointEditor *self,
              WaymarkPersona          *persona,
              const char              *name)
{
  GtkWidget *note = adw_entry_row_new ();
  /* TRANSLATORS: the title of a persona's feeling on a touchpoint, as
   * "Feeling, in a few words" is the card's own */
  g_autofree char *title = g_strdup_printf (_("Feeling of %s, in a few words"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (note), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), title);
  g_object_set_data_full (G_OBJECT (note), "persona", waymark_item_ref (persona), waymark_item_unref);
  g_signal_connect (note, "changed", G_CALLBACK (note_changed_cb), self);
  waymark_inspector_label_entry_rows (note);
  return note;
}

/* A persona's row: its marker and a check (the card is for it) before
 * its name, its emotion here as the row's choice. */
static GtkWidget *
new_persona_row (WaymarkTouchpointEditor *self,
                 WaymarkPersona          *persona,
                 guint                    style)
{
  const char *name = persona->name != NULL && persona->name[0] != '\0' ? persona->name : _("Unnamed persona");
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *marker = gtk_drawing_area_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *check_label = NULL;
  g_autofree char *emotion_label = NULL;

  /* TRANSLATORS: the first choice of a persona's emotion on a touchpoint: it feels what the card says */
  gtk_string_list_append (choices, _("As the card"));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    gtk_string_list_append (choices, waymark_emotion_picker_describe (TRUE, scores[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  g_object_set_data_full (G_OBJECT (row), "persona", waymark_item_ref (persona), waymark_item_unref);
  /* TRANSLATORS: the tooltip of a persona's emotion on a touchpoint */
  emotion_label = g_strdup_printf (_("Emotion of %s"), name);
  gtk_widget_set_tooltip_text (row, emotion_label);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* TRANSLATORS: the accessible name of the check box that marks a touchpoint for a persona */
  check_label = g_strdup_printf (_("For %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_widget_set_tooltip_text (check, check_label);
  g_object_set_data_full (G_OBJECT (check), "persona", waymark_item_ref (persona), waymark_item_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (applies_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (marker), MARKER);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (marker), MARKER);
  gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (marker), draw_marker, GUINT_TO_POINTER (style), NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), marker);

  g_signal_connect (row, "notify::selected", G_CALLBACK (emotion_selected_cb), self);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "note", new_note_row (self, persona, name));
  return row;
}

/* Rebuilds the rows when the map's personas changed (names, order,
 * which ones), else leaves them: a row keeps its focus while one types. */
static void
ensure_rows (WaymarkTouchpointEditor *self,
             GPtrArray               *personas)
{
  g_autoptr(GString) key = g_string_new (NULL);
  WaymarkJourney *journey = _waymark_touchpoint_editor_get_journey (self);

  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);

      g_string_append_printf (key, "%p%s\x1e", (gpointer) persona, persona->name ? persona->name : "");
    }
  if (g_strcmp0 (key->str, self->personas_shown) == 0)
    return;
  g_free (self->personas_shown);
  self->personas_shown = g_strdup (key->str);

  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->persona_rows, i);

      adw_preferences_group_remove (self->personas_group, g_object_get_data (G_OBJECT (row), "note"));
      adw_preferences_group_remove (self->personas_group, row);
    }
  g_ptr_array_set_size (self->persona_rows, 0);
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);
      GtkWidget *row = new_persona_row (self, persona, waymark_persona_style_of (journey, persona));

      adw_preferences_group_add (self->personas_group, row);
      adw_preferences_group_add (self->personas_group, g_object_get_data (G_OBJECT (row), "note"));
      g_ptr_array_add (self->persona_rows, row);
    }
}

void
_waymark_touchpoint_editor_show_personas (WaymarkTouchpointEditor *self)
{
  GPtrArray *personas = waymark_journey_get_items (_waymark_touchpoint_editor_get_journey (self), WAYMARK_ITEM_PERSONA);
  WaymarkTouchpoint *tp = self->touchpoint;
  gboolean marked = waymark_touchpoint_get_n_persona_marks (tp) > 0;

  if (self->persona_rows == NULL)
    self->persona_rows = g_ptr_array_new ();
  /* A map without personas has nothing to pick here. */
  gtk_widget_set_visible (GTK_WIDGET (self->personas_group), personas->len > 0);
  ensure_rows (self, personas);
  adw_preferences_group_set_description (self->personas_group,
                                         marked ? _("For the personas checked, each with its emotion here.")
                                                : _("For every persona. Check the ones it is for to give each an emotion of its own."));
  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->persona_rows, i);
      WaymarkPersona *persona = row_persona (row);
      const WaymarkPersonaMark *mark = waymark_touchpoint_get_persona_mark (tp, persona->item.id);
      guint selected = 0;
      GtkWidget *note;

      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), mark != NULL);
      for (guint k = 0; mark != NULL && mark->has_emotion && k < G_N_ELEMENTS (scores); k++)
        if (scores[k] == mark->emotion)
          selected = k + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      note = g_object_get_data (G_OBJECT (row), "note");
      gtk_widget_set_visible (note, selected > 0);
      waymark_inspector_sync_editable (GTK_EDITABLE (note), mark != NULL ? mark->emotion_note : NULL, self->replacing);
    }
}
