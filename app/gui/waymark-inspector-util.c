/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <adwaita.h>

#include "waymark-inspector-util.h"
#include "waymark-text-limit.h"

gboolean
waymark_inspector_has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  if (root == NULL)
    return FALSE;
  focus = gtk_root_get_focus (root);
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
waymark_inspector_sync_editable (GtkEditable *editable,
                                 const char  *text,
                                 gboolean     replace)
{
  if (!replace && waymark_inspector_has_focus_within (GTK_WIDGET (editable)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

void
waymark_inspector_sync_text_row (WaymarkTextRow *row,
                                 const char     *text,
                                 gboolean        replace)
{
  if (!replace && waymark_inspector_has_focus_within (GTK_WIDGET (row)))
    return;
  waymark_text_row_set_text (row, text);
}

char *
waymark_inspector_dup_editable (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  return (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

static void
label_entry_row (AdwEntryRow *row)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (text == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
  /* Every entry row edits a line (a title, a name, an owner, a feeling, a
   * KPI's name or unit): typing stops there, with a bell, rather than the
   * edit cutting what was typed. */
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), WAYMARK_TEXT_LIMIT_LINE);
}

void
waymark_inspector_label_entry_rows (GtkWidget *root)
{
  if (ADW_IS_ENTRY_ROW (root))
    {
      label_entry_row (ADW_ENTRY_ROW (root));
      /* The title may be set after the row was built (from a template). */
      if (g_object_get_data (G_OBJECT (root), "waymark-labelled") == NULL)
        {
          g_object_set_data (G_OBJECT (root), "waymark-labelled", GINT_TO_POINTER (TRUE));
          g_signal_connect (root, "notify::title", G_CALLBACK (label_entry_row), NULL);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    waymark_inspector_label_entry_rows (child);
}
