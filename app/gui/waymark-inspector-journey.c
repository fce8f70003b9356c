/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-inspector-private.h"
#include "waymark-inspector-util.h"

/* The inspector's page when nothing is selected: the journey's title,
 * subject, goal and state, and its personas. */

typedef struct {
  WaymarkPersona *persona;   /* a reference */
  AdwExpanderRow *expander;
  AdwEntryRow    *name_row;
  WaymarkTextRow *description_row;
} PersonaRow;

/* How much of a persona's description its collapsed row shows. */
#define SUMMARY_CHARS 60

static void
persona_row_free (gpointer data)
{
  PersonaRow *row = data;

  waymark_item_unref (row->persona);
  g_free (row);
}

static WaymarkHistory *
get_history (WaymarkInspector *self)
{
  return waymark_document_get_history (self->document);
}

/* ---- Journey properties ---- */

static void
edit_field (WaymarkInspector    *self,
            WaymarkJourneyField  field,
            AdwEntryRow         *row)
{
  g_autofree char *text = waymark_inspector_dup_editable (GTK_EDITABLE (row));

  if (!_waymark_inspector_user_edit (self) || self->item != NULL ||
      g_strcmp0 (text, waymark_journey_get_text (self->journey, field)) == 0)
    return;
  waymark_edits_set_text (get_history (self), field, text);
}

static void
journey_title_changed_cb (WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  edit_field (self, WAYMARK_FIELD_TITLE, self->journey_title_row);
}

static void
subject_changed_cb (WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  edit_field (self, WAYMARK_FIELD_SUBJECT, self->subject_row);
}

static void
goal_changed_cb (WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  edit_field (self, WAYMARK_FIELD_GOAL, self->goal_row);
}

static void
state_selected_cb (WaymarkInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->state_row);

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || self->item != NULL ||
      selected > WAYMARK_STATE_INTENDED ||
      (WaymarkState) selected == waymark_journey_get_state (self->journey))
    return;
  waymark_edits_set_state (get_history (self), (WaymarkState) selected);
}

/* ---- Personas ---- */

static PersonaRow *
row_for (WaymarkInspector *self,
         GtkWidget        *widget)
{
  return g_object_get_data (G_OBJECT (widget), "persona-row");
}

static void
edit_persona (WaymarkInspector *self,
              PersonaRow       *row,
              gboolean          name,
              char             *text)
{
  g_autofree char *value = text;
  WaymarkPersona *edited;
  char **slot;

  if (!_waymark_inspector_user_edit (self) ||
      g_strcmp0 (value, name ? row->persona->name : row->persona->description) == 0)
    return;

  edited = waymark_item_copy (row->persona);
  slot = name ? &edited->name : &edited->description;
  g_free (*slot);
  *slot = g_steal_pointer (&value);
  waymark_edits_update (get_history (self), row->persona, edited, name ? "name" : "description");
}

static void
persona_name_changed_cb (AdwEntryRow      *entry,
                         WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  edit_persona (self, row_for (self, GTK_WIDGET (entry)), TRUE,
                waymark_inspector_dup_editable (GTK_EDITABLE (entry)));
}

static void
persona_description_changed_cb (WaymarkTextRow   *text_row,
                                WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  edit_persona (self, row_for (self, GTK_WIDGET (text_row)), FALSE,
                waymark_text_row_dup_text (text_row));
}

static void
remove_persona_cb (GtkButton        *button,
                   WaymarkInspector *self)
{
  PersonaRow *row = row_for (self, GTK_WIDGET (button));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self))
    return;
  g_ptr_array_add (items, row->persona);
  waymark_edits_delete (get_history (self), items);
}

static void
add_persona_cb (WaymarkInspector *self)
{
  g_autofree char *id = NULL;
  WaymarkPersona *persona;
  PersonaRow *row;

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || self->journey == NULL)
    return;

  id = waymark_journey_new_id (self->journey, WAYMARK_ITEM_PERSONA);
  persona = waymark_persona_new (id, _("New persona"));
  waymark_edits_add_item (get_history (self), persona, -1);
  waymark_item_unref (persona);

  /* The journey reported the new persona and its row is there: open it
   * for typing the name. */
  if (self->persona_rows->len == 0)
    return;
  row = g_ptr_array_index (self->persona_rows, self->persona_rows->len - 1);
  if (row->persona != persona)
    return;
  adw_expander_row_set_expanded (row->expander, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row->name_row));
  gtk_editable_select_region (GTK_EDITABLE (row->name_row), 0, -1);
}

static void
show_persona (WaymarkInspector *self,
              PersonaRow       *row)
{
  WaymarkPersona *persona = row->persona;
  g_autofree char *summary = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 persona->name ? persona->name : _("Unnamed persona"));
  if (persona->description != NULL)
    {
      const char *end = persona->description;
      glong n = 0;

      /* The first line, cut short: the whole text is in the row below. */
      while (*end != '\0' && *end != '\n' && n < SUMMARY_CHARS)
        end = g_utf8_next_char (end), n++;
      summary = g_strndup (persona->description, (gsize) (end - persona->description));
      if (*end != '\0')
        {
          char *cut = g_strconcat (g_strchomp (summary), "…", NULL);

          g_free (summary);
          summary = cut;
        }
    }
  adw_expander_row_set_subtitle (row->expander, summary ? summary : "");
  _waymark_inspector_sync_editable (self, row->name_row, persona->name);
  _waymark_inspector_sync_text_row (self, row->description_row, persona->description);
}

static PersonaRow *
add_persona_row (WaymarkInspector *self,
                 WaymarkPersona   *persona)
{
  PersonaRow *row = g_new0 (PersonaRow, 1);
  GtkWidget *remove;

  row->persona = waymark_item_ref (persona);
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* Persona names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  adw_expander_row_set_icon_name (row->expander, "avatar-default-symbolic");

  row->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->name_row), _("Name"));
  g_object_set_data (G_OBJECT (row->name_row), "persona-row", row);
  g_signal_connect (row->name_row, "changed", G_CALLBACK (persona_name_changed_cb), self);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->name_row));

  row->description_row = WAYMARK_TEXT_ROW (waymark_text_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->description_row), _("Description"));
  waymark_text_row_set_placeholder_text (row->description_row,
                                         _("Who they are, where they start, what they expect"));
  g_object_set_data (G_OBJECT (row->description_row), "persona-row", row);
  g_signal_connect (row->description_row, "changed", G_CALLBACK (persona_description_changed_cb), self);
  adw_expander_row_add_row (row->expander, GTK_WIDGET (row->description_row));

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Persona"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Persona"),
                                  -1);
  g_object_set_data (G_OBJECT (remove), "persona-row", row);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_persona_cb), self);
  adw_expander_row_add_action (row->expander, remove);

  waymark_inspector_label_entry_rows (GTK_WIDGET (row->expander));
  adw_preferences_group_add (self->personas_group, GTK_WIDGET (row->expander));
  g_ptr_array_add (self->persona_rows, row);
  return row;
}

void
_waymark_inspector_journey_clear (WaymarkInspector *self)
{
  if (self->persona_rows == NULL)
    return;
  for (guint i = 0; i < self->persona_rows->len; i++)
    {
      PersonaRow *row = g_ptr_array_index (self->persona_rows, i);

      adw_preferences_group_remove (self->personas_group, GTK_WIDGET (row->expander));
    }
  g_ptr_array_set_size (self->persona_rows, 0);
}

static void
show_personas (WaymarkInspector *self)
{
  GPtrArray *personas = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PERSONA);
  gboolean same = personas->len == self->persona_rows->len;

  for (guint i = 0; same && i < personas->len; i++)
    same = ((PersonaRow *) g_ptr_array_index (self->persona_rows, i))->persona ==
           g_ptr_array_index (personas, i);

  /* Rows stay while the personas do, so that typing in one is not
   * interrupted by a change elsewhere. */
  if (!same)
    {
      _waymark_inspector_journey_clear (self);
      for (guint i = 0; i < personas->len; i++)
        add_persona_row (self, g_ptr_array_index (personas, i));
    }
  for (guint i = 0; i < self->persona_rows->len; i++)
    show_persona (self, g_ptr_array_index (self->persona_rows, i));

  adw_preferences_group_set_description (self->personas_group,
                                         personas->len == 0
                                         ? _("Who travels this journey: a beginner, an expert, someone buying a gift")
                                         : NULL);
}

void
_waymark_inspector_journey_update (WaymarkInspector    *self,
                                   const WaymarkChange *change)
{
  if (self->journey == NULL)
    return;

  if (change == NULL || change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    {
      _waymark_inspector_sync_editable (self, self->journey_title_row,
                                        waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE));
      _waymark_inspector_sync_editable (self, self->subject_row,
                                        waymark_journey_get_text (self->journey, WAYMARK_FIELD_SUBJECT));
      _waymark_inspector_sync_editable (self, self->goal_row,
                                        waymark_journey_get_text (self->journey, WAYMARK_FIELD_GOAL));
      adw_combo_row_set_selected (self->state_row, (guint) waymark_journey_get_state (self->journey));
    }
  if (change == NULL || change->kind == WAYMARK_CHANGE_RELOADED ||
      (change->item != NULL && waymark_item_get_item_type (change->item) == WAYMARK_ITEM_PERSONA))
    show_personas (self);
}

void
_waymark_inspector_journey_init (WaymarkInspector *self)
{
  self->persona_rows = g_ptr_array_new_with_free_func (persona_row_free);
}

void
_waymark_inspector_journey_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, journey_title_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, subject_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, goal_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, state_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, personas_group);
  gtk_widget_class_bind_template_callback (widget_class, journey_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, goal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_persona_cb);
}
