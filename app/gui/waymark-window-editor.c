/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-window-private.h"

/* The window's side of editing: the document shown in the editor page,
 * the header bar's undo, redo and inspector buttons, the title with its
 * unsaved-changes mark, and a plain save to the document's file.  (Save As,
 * tabs and the unsaved-changes dialog come with the file management.) */

void
_waymark_window_update_title (WaymarkWindow *self)
{
  WaymarkJourney *journey = self->document ? waymark_document_get_journey (self->document) : NULL;
  g_autofree char *shown = NULL;
  const char *title;
  GFile *file;

  if (journey == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Waymark"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      if (self->load_cancellable == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Journey");
  /* GNOME Text Editor's mark for unsaved changes. */
  shown = waymark_document_is_modified (self->document) ? g_strdup_printf ("• %s", title) : g_strdup (title);

  adw_window_title_set_title (self->window_title, shown);
  gtk_window_set_title (GTK_WINDOW (self), shown);
  file = waymark_document_get_file (self->document);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    adw_window_title_set_subtitle (self->window_title, "");

  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
update_history_actions (WaymarkWindow *self)
{
  WaymarkHistory *history = self->bound_history;
  gboolean editable = self->document != NULL && !waymark_document_is_read_only (self->document);
  gboolean can_undo = history != NULL && editable && waymark_history_can_undo (history);
  gboolean can_redo = history != NULL && editable && waymark_history_can_redo (history);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 editable && waymark_document_get_file (self->document) != NULL);

  /* "Undo Move Card": the tooltip says what the button would do. */
  if (can_undo && waymark_history_get_undo_label (history) != NULL)
    undo_tip = g_strdup_printf (_("Undo “%s” (Ctrl+Z)"), waymark_history_get_undo_label (history));
  else
    undo_tip = g_strdup (_("Undo (Ctrl+Z)"));
  if (can_redo && waymark_history_get_redo_label (history) != NULL)
    redo_tip = g_strdup_printf (_("Redo “%s” (Shift+Ctrl+Z)"), waymark_history_get_redo_label (history));
  else
    redo_tip = g_strdup (_("Redo (Shift+Ctrl+Z)"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

static void
history_changed_cb (WaymarkWindow *self)
{
  update_history_actions (self);
}

static void
journey_changed_cb (WaymarkJourney *journey, WaymarkChange *change, WaymarkWindow *self)
{
  if (change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    _waymark_window_update_title (self);
}

static void
unbind (WaymarkWindow *self)
{
  if (self->bound_journey != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_journey, self);
  if (self->bound_history != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_history, self);
  g_clear_object (&self->bound_journey);
  g_clear_object (&self->bound_history);
}

/* The document replaces its journey and history on a reload. */
static void
bind_journey (WaymarkWindow *self)
{
  unbind (self);
  if (self->document == NULL)
    return;

  self->bound_journey = g_object_ref (waymark_document_get_journey (self->document));
  self->bound_history = g_object_ref (waymark_document_get_history (self->document));
  g_signal_connect (self->bound_journey, "changed", G_CALLBACK (journey_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-undo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-redo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::undo-label", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::redo-label", G_CALLBACK (history_changed_cb), self);
}

static void
document_notify_cb (WaymarkDocument *document, GParamSpec *pspec, WaymarkWindow *self)
{
  if (g_strcmp0 (pspec->name, "journey") == 0)
    bind_journey (self);
  _waymark_window_update_title (self);
  update_history_actions (self);
}

void
_waymark_window_set_document (WaymarkWindow *self, WaymarkDocument *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect (document, "notify", G_CALLBACK (document_notify_cb), self);

  bind_journey (self);
  waymark_editor_set_document (self->editor, document);
  _waymark_window_update_title (self);
  update_history_actions (self);
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (waymark_editor_get_canvas (self->editor)));
}

/* ---- Actions ---- */

static void
undo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (self->bound_history != NULL)
    waymark_history_undo (self->bound_history);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (self->bound_history != NULL)
    waymark_history_redo (self->bound_history);
}

static void
save (WaymarkWindow *self, gboolean overwrite);

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog, const char *response, WaymarkWindow *self)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    save (self, TRUE);
}

static void
save (WaymarkWindow *self, gboolean overwrite)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->document == NULL || waymark_document_get_file (self->document) == NULL)
    return;
  /* What is typed in place belongs to the saved map. */
  if (waymark_canvas_is_editing (waymark_editor_get_canvas (self->editor)))
    gtk_widget_grab_focus (GTK_WIDGET (waymark_editor_get_canvas (self->editor)));

  if (waymark_document_save (self->document, overwrite, &error))
    return;

  name = g_file_get_basename (waymark_document_get_file (self->document));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                       _("Someone else changed the file since it was opened. "
                                         "Saving replaces their changes with yours."));
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("“%s” Changed on Disk"), name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "overwrite", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), self, 0);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Save “%s”"), name);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  save (WAYMARK_WINDOW (widget), FALSE);
}

static void
toggle_inspector_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_toggle_button_set_active (self->inspector_button, !gtk_toggle_button_get_active (self->inspector_button));
}

void
_waymark_window_class_editor_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WAYMARK_TYPE_EDITOR);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, inspector_button);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);

  /* Window bindings run after the focused widget: a text field undoes its
   * own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
}

void
_waymark_window_editor_init (WaymarkWindow *self)
{
  g_object_bind_property (self->inspector_button, "active", self->editor, "show-inspector",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_history_actions (self);
}

void
_waymark_window_editor_dispose (WaymarkWindow *self)
{
  unbind (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
}
