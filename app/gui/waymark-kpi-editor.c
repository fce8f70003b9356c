/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-inspector-util.h"
#include "waymark-kpi-editor.h"
#include "waymark-kpi.h"
#include "waymark-number.h"

typedef enum {
  FIELD_NAME,
  FIELD_VALUE,
  FIELD_UNIT,
  FIELD_TARGET,
  N_FIELDS
} Field;

static const char *const field_keys[N_FIELDS] = { "name", "value", "unit", "target" };

typedef struct {
  AdwExpanderRow *expander;
  AdwEntryRow *entries[N_FIELDS];
  GtkWidget *warnings[N_FIELDS];   /* for the number fields; NULL otherwise */
} KpiRow;

struct _WaymarkKpiEditor
{
  AdwPreferencesGroup parent_instance;

  GtkWidget *add_button;
  GPtrArray *kpis;        /* WaymarkKpi: what the rows show */
  GPtrArray *rows;        /* KpiRow */
  int focus_after_rebuild;
  guint updating;
};

G_DEFINE_FINAL_TYPE (WaymarkKpiEditor, waymark_kpi_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
waymark_kpi_editor_parse_number (const char *text)
{
  g_autofree char *number = NULL;
  char *comma;

  if (text == NULL)
    return NULL;
  number = g_strstrip (g_strdup (text));
  /* German and many other locales write 0,5; the file always has 0.5. */
  comma = strchr (number, ',');
  if (comma != NULL && strchr (comma + 1, ',') == NULL && strchr (number, '.') == NULL)
    *comma = '.';
  if (!waymark_kpi_number_is_valid (number))
    return NULL;
  return g_steal_pointer (&number);
}

static GPtrArray *
copy_kpis (GPtrArray *kpis)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_kpi_free);

  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    g_ptr_array_add (copy, waymark_kpi_copy (g_ptr_array_index (kpis, i)));
  return copy;
}

static const char *
kpi_field (const WaymarkKpi *kpi,
           Field             field)
{
  switch (field)
    {
    case FIELD_NAME: return kpi->name;
    case FIELD_VALUE: return kpi->value;
    case FIELD_UNIT: return kpi->unit;
    case FIELD_TARGET: return kpi->target;
    case N_FIELDS:
    default: g_assert_not_reached ();
    }
}

static char **
kpi_field_slot (WaymarkKpi *kpi,
                Field       field)
{
  switch (field)
    {
    case FIELD_NAME: return &kpi->name;
    case FIELD_VALUE: return &kpi->value;
    case FIELD_UNIT: return &kpi->unit;
    case FIELD_TARGET: return &kpi->target;
    case N_FIELDS:
    default: g_assert_not_reached ();
    }
}

static void
update_summary (KpiRow           *row,
                const WaymarkKpi *kpi)
{
  g_autofree char *value = waymark_number_format (kpi->value);
  g_autoptr(GString) summary = g_string_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 (kpi->name && *kpi->name) ? kpi->name : _("Unnamed KPI"));
  if (kpi->unit != NULL)
    g_string_append_printf (summary, " %s", kpi->unit);
  if (kpi->target != NULL)
    {
      g_autofree char *target = waymark_number_format (kpi->target);

      g_string_append (summary, " · ");
      /* Translators: the target value of a KPI, e.g. "target 0.03" */
      g_string_append_printf (summary, _("target %s"), target);
    }
  adw_expander_row_set_subtitle (row->expander, summary->str);
}

static void
set_error (KpiRow   *row,
           Field     field,
           gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row->entries[field]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->entries[field]), "error");
  if (row->warnings[field] != NULL)
    gtk_widget_set_visible (row->warnings[field], error);
}

static void
entry_changed_cb (GtkEditable      *editable,
                  WaymarkKpiEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "kpi-index"));
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "kpi-field"));
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *value = NULL;
  g_autoptr(GPtrArray) kpis = NULL;
  g_autofree char *merge_key = NULL;
  KpiRow *row;
  char **slot;

  g_assert (WAYMARK_IS_KPI_EDITOR (self));

  if (self->updating > 0 || index >= self->kpis->len)
    return;
  row = g_ptr_array_index (self->rows, index);

  switch (field)
    {
    case FIELD_NAME:
      /* A KPI needs a name: the file requires one. */
      value = g_strstrip (g_strdup (text));
      if (*value == '\0')
        g_clear_pointer (&value, g_free);
      set_error (row, field, value == NULL);
      if (value == NULL)
        return;
      g_free (value);
      value = g_strdup (text);
      break;
    case FIELD_VALUE:
      value = waymark_kpi_editor_parse_number (text);
      set_error (row, field, value == NULL);
      if (value == NULL)
        return;
      break;
    case FIELD_TARGET:
      /* The target is optional. */
      if (*text != '\0')
        {
          value = waymark_kpi_editor_parse_number (text);
          set_error (row, field, value == NULL);
          if (value == NULL)
            return;
        }
      else
        set_error (row, field, FALSE);
      break;
    case FIELD_UNIT:
      value = *text != '\0' ? g_strdup (text) : NULL;
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (g_strcmp0 (value, kpi_field (g_ptr_array_index (self->kpis, index), field)) == 0)
    return;

  kpis = copy_kpis (self->kpis);
  slot = kpi_field_slot (g_ptr_array_index (kpis, index), field);
  g_free (*slot);
  *slot = g_steal_pointer (&value);

  /* What the rows show follows at once, so that the next keystroke
   * builds on this one even before the model reports back. */
  g_ptr_array_unref (self->kpis);
  self->kpis = g_ptr_array_ref (kpis);
  update_summary (row, g_ptr_array_index (kpis, index));

  merge_key = g_strdup_printf ("kpi:%u:%s", index, field_keys[field]);
  g_signal_emit (self, signals[CHANGED], 0, kpis, merge_key);
}

static void
remove_clicked_cb (GtkButton        *button,
                   WaymarkKpiEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kpi-index"));
  g_autoptr(GPtrArray) kpis = NULL;

  g_assert (WAYMARK_IS_KPI_EDITOR (self));

  if (index >= self->kpis->len)
    return;
  kpis = copy_kpis (self->kpis);
  g_ptr_array_remove_index (kpis, index);
  g_signal_emit (self, signals[CHANGED], 0, kpis, NULL);
}

static void
add_clicked_cb (WaymarkKpiEditor *self)
{
  g_autoptr(GPtrArray) kpis = copy_kpis (self->kpis);

  g_assert (WAYMARK_IS_KPI_EDITOR (self));

  g_ptr_array_add (kpis, waymark_kpi_new (_("New KPI"), "0", NULL, NULL));
  self->focus_after_rebuild = (int) kpis->len - 1;
  g_signal_emit (self, signals[CHANGED], 0, kpis, NULL);
  /* Had the new KPI not been applied (a read-only document), no row takes the focus. */
  self->focus_after_rebuild = -1;
}

static AdwEntryRow *
new_entry (WaymarkKpiEditor *self,
           KpiRow           *row,
           guint             index,
           Field             field)
{
  static const char *const titles[N_FIELDS] = {
    N_("Name"), N_("Value"), N_("Unit"), N_("Target"),
  };
  AdwEntryRow *entry = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(titles[field]));
  g_object_set_data (G_OBJECT (entry), "kpi-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (entry), "kpi-field", GUINT_TO_POINTER (field));

  if (field == FIELD_VALUE || field == FIELD_TARGET)
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      adw_entry_row_set_input_purpose (entry, GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_set_tooltip_text (warning, _("Enter a number such as 0.031 or 12"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Enter a number such as 0.031 or 12"),
                                      -1);
      gtk_widget_add_css_class (warning, "error");
      gtk_widget_set_visible (warning, FALSE);
      adw_entry_row_add_suffix (entry, warning);
      row->warnings[field] = warning;
    }

  adw_expander_row_add_row (row->expander, GTK_WIDGET (entry));
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  return entry;
}

static void
clear_rows (WaymarkKpiEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      KpiRow *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row->expander));
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (WaymarkKpiEditor *self,
         guint             index)
{
  KpiRow *row = g_new0 (KpiRow, 1);
  GtkWidget *remove;

  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* KPI names are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  for (Field f = 0; f < N_FIELDS; f++)
    row->entries[f] = new_entry (self, row, index, f);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove KPI"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove KPI"),
                                  -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "kpi-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (row->expander, remove);

  waymark_inspector_label_entry_rows (GTK_WIDGET (row->expander));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row->expander));
  g_ptr_array_add (self->rows, row);
}

static void
show_row (WaymarkKpiEditor *self,
          guint             index)
{
  KpiRow *row = g_ptr_array_index (self->rows, index);
  const WaymarkKpi *kpi = g_ptr_array_index (self->kpis, index);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      if (waymark_inspector_has_focus_within (GTK_WIDGET (row->entries[f])))
        continue;
      waymark_inspector_sync_editable (GTK_EDITABLE (row->entries[f]), kpi_field (kpi, f), FALSE);
      set_error (row, f, FALSE);
    }
  update_summary (row, kpi);
}

void
waymark_kpi_editor_set_kpis (WaymarkKpiEditor *self,
                             GPtrArray        *kpis)
{
  guint n = kpis ? kpis->len : 0;

  g_return_if_fail (WAYMARK_IS_KPI_EDITOR (self));

  g_ptr_array_unref (self->kpis);
  self->kpis = copy_kpis (kpis);

  self->updating++;
  /* Rows are kept while their number stays, so that an edit made
   * elsewhere (undo, another field) leaves the one being typed in alone. */
  if (n != self->rows->len)
    {
      clear_rows (self);
      for (guint i = 0; i < n; i++)
        add_row (self, i);
    }
  for (guint i = 0; i < n; i++)
    show_row (self, i);
  self->updating--;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n == 0 ? _("Key figures such as conversion rate or waiting time") : NULL);

  if (self->focus_after_rebuild >= 0 && (guint) self->focus_after_rebuild < n)
    {
      KpiRow *row = g_ptr_array_index (self->rows, self->focus_after_rebuild);

      adw_expander_row_set_expanded (row->expander, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row->entries[FIELD_NAME]));
      gtk_editable_select_region (GTK_EDITABLE (row->entries[FIELD_NAME]), 0, -1);
      self->focus_after_rebuild = -1;
    }
}

static void
waymark_kpi_editor_finalize (GObject *object)
{
  WaymarkKpiEditor *self = WAYMARK_KPI_EDITOR (object);

  g_clear_pointer (&self->kpis, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (waymark_kpi_editor_parent_class)->finalize (object);
}

static void
waymark_kpi_editor_class_init (WaymarkKpiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_kpi_editor_finalize;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_STRING);
}

static void
waymark_kpi_editor_init (WaymarkKpiEditor *self)
{
  self->kpis = copy_kpis (NULL);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->focus_after_rebuild = -1;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("KPIs"));

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Add KPI"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add KPI"),
                                  -1);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Key figures such as conversion rate or waiting time"));
}

GtkWidget *
waymark_kpi_editor_new (void)
{
  return g_object_new (WAYMARK_TYPE_KPI_EDITOR, NULL);
}
