/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-import.h"
#include "waymark-save-changes.h"
#include "waymark-window-private.h"

/* The window's side of editing: the selected tab in the header bar (the
 * title with its unsaved-changes mark, undo and redo with what they would
 * do, the palette and inspector buttons), the win.* actions that act on the selected
 * tab, and closing the window with unsaved changes. */

void
_waymark_window_update_page (WaymarkWindow *self,
                             AdwTabPage    *page)
{
  WaymarkDocumentTab *tab = WAYMARK_DOCUMENT_TAB (adw_tab_page_get_child (page));
  WaymarkDocument *document = waymark_document_tab_get_document (tab);
  GFile *file = waymark_document_tab_get_file (tab);
  g_autofree char *name = waymark_document_tab_dup_name (tab);
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;

  /* GNOME Text Editor's mark for unsaved changes. */
  title = waymark_document_tab_is_modified (tab) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_tab_page_set_title (page, title);
  tooltip = file != NULL && document != NULL && !waymark_document_is_untitled (document)
            ? g_file_get_parse_name (file) : g_strdup (name);
  adw_tab_page_set_tooltip (page, tooltip);
  adw_tab_page_set_loading (page, waymark_document_tab_get_loading (tab));
  if (document != NULL && waymark_document_is_read_only (document))
    {
      g_autoptr(GIcon) icon = g_themed_icon_new ("changes-prevent-symbolic");

      adw_tab_page_set_indicator_icon (page, icon);
      adw_tab_page_set_indicator_tooltip (page, _("Read-only"));
    }
  else
    adw_tab_page_set_indicator_icon (page, NULL);
}

void
_waymark_window_update_title (WaymarkWindow *self)
{
  WaymarkDocumentTab *tab = self->selected;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  guint n_conflicts;

  if (tab == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Waymark"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Waymark"));
      return;
    }

  name = waymark_document_tab_dup_name (tab);
  if (waymark_document_tab_get_document (tab) == NULL)
    {
      adw_window_title_set_title (self->window_title, name);
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), name);
      return;
    }

  shown = waymark_document_tab_is_modified (tab)
          ? g_strdup_printf ("• %s", waymark_document_tab_get_journey_title (tab))
          : g_strdup (waymark_document_tab_get_journey_title (tab));
  /* A map with merge conflicts is not finished: the title says so until
   * the last one is settled. */
  n_conflicts = waymark_journey_get_conflicts (waymark_document_get_journey (waymark_document_tab_get_document (tab)))->len;
  if (n_conflicts > 0)
    {
      /* TRANSLATORS: the window title of a map with merge conflicts: "Shop — 2 Conflicts" */
      char *with = g_strdup_printf (g_dngettext (NULL, "%s — %u Conflict", "%s — %u Conflicts", n_conflicts),
                                    shown, n_conflicts);

      g_free (shown);
      shown = with;
    }
  adw_window_title_set_title (self->window_title, shown);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), shown);
}

static void
update_actions (WaymarkWindow *self)
{
  WaymarkDocument *document = self->selected ? waymark_document_tab_get_document (self->selected) : NULL;
  WaymarkHistory *history = document ? waymark_document_get_history (document) : NULL;
  gboolean editable = document != NULL && !waymark_document_is_read_only (document);
  gboolean can_undo = history != NULL && editable && waymark_history_can_undo (history);
  gboolean can_redo = history != NULL && editable && waymark_history_can_redo (history);
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-touchpoints",
                                 document != NULL && !waymark_document_is_read_only (document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-file", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-intended", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-saved",
                                 document != NULL && waymark_document_get_file (document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload-from-disk", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.keep-mine", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-inspector", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->inspector_button), document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-palette", document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->palette_button), document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-findings", document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->findings_button), document != NULL);

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

void
_waymark_window_tab_changed (WaymarkWindow      *self,
                             WaymarkDocumentTab *tab)
{
  AdwTabPage *page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (tab));

  if (page != NULL)
    _waymark_window_update_page (self, page);
  if (tab != self->selected)
    return;
  _waymark_window_update_title (self);
  update_actions (self);
  _waymark_window_notify_document (self);
}

static void
unbind_panel (GBinding **binding)
{
  if (*binding == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (*binding), (gpointer *) binding);
  g_binding_unbind (*binding);
  *binding = NULL;
}

/* The header bar's toggle button shows and sets the selected tab's panel. */
static void
bind_panel (GBinding        **binding,
            WaymarkEditor    *editor,
            const char       *property,
            GtkToggleButton  *button)
{
  *binding = g_object_bind_property (editor, property, button, "active",
                                     G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_add_weak_pointer (G_OBJECT (*binding), (gpointer *) binding);
}

void
_waymark_window_select_tab (WaymarkWindow      *self,
                            WaymarkDocumentTab *tab)
{
  unbind_panel (&self->inspector_binding);
  unbind_panel (&self->palette_binding);
  /* Another tab, or none: the room sees the window as it is again. */
  if (self->presenting_editor != NULL &&
      (tab == NULL || waymark_document_tab_get_editor (tab) != self->presenting_editor))
    _waymark_window_leave_presenting (self);
  self->selected = tab;
  _waymark_window_findings_bind (self, tab);
  if (tab != NULL)
    {
      bind_panel (&self->inspector_binding, waymark_document_tab_get_editor (tab), "show-inspector",
                  self->inspector_button);
      bind_panel (&self->palette_binding, waymark_document_tab_get_editor (tab), "show-palette",
                  self->palette_button);
      waymark_document_tab_check_disk (tab);
      waymark_document_tab_focus (tab);
    }
  _waymark_window_update_title (self);
  update_actions (self);
  _waymark_window_notify_document (self);
}

/* ---- Actions on the selected tab ---- */

#define SELECTED_TAB_ACTION(action_name, call)                                       \
  static void                                                                         \
  action_name (GtkWidget *widget, const char *name, GVariant *parameter)             \
  {                                                                                   \
    WaymarkDocumentTab *tab = WAYMARK_WINDOW (widget)->selected;                      \
                                                                                      \
    if (tab != NULL)                                                                  \
      call;                                                                           \
  }

SELECTED_TAB_ACTION (undo_action, waymark_document_tab_undo (tab))
SELECTED_TAB_ACTION (redo_action, waymark_document_tab_redo (tab))
SELECTED_TAB_ACTION (save_action, waymark_document_tab_save (tab, FALSE))
SELECTED_TAB_ACTION (save_as_action, waymark_document_tab_save_as (tab))
SELECTED_TAB_ACTION (reload_from_disk_action, waymark_document_tab_reload_from_disk (tab))
SELECTED_TAB_ACTION (keep_mine_action, waymark_document_tab_keep_mine (tab))
SELECTED_TAB_ACTION (import_touchpoints_action, waymark_import_choose_file (waymark_document_tab_get_editor (tab)))
SELECTED_TAB_ACTION (compare_file_action, waymark_editor_choose_compare_file (waymark_document_tab_get_editor (tab), FALSE))
SELECTED_TAB_ACTION (compare_intended_action, waymark_editor_choose_compare_file (waymark_document_tab_get_editor (tab), TRUE))
SELECTED_TAB_ACTION (compare_saved_action, waymark_editor_compare_with_saved (waymark_document_tab_get_editor (tab)))

static void
toggle_inspector_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_toggle_button_set_active (self->inspector_button, !gtk_toggle_button_get_active (self->inspector_button));
}

static void
toggle_palette_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_toggle_button_set_active (self->palette_button, !gtk_toggle_button_get_active (self->palette_button));
}

/* ---- Closing with unsaved changes ---- */

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_answered (gboolean proceed,
                gpointer user_data)
{
  g_autoptr(WaymarkWindow) self = user_data;

  self->asking = FALSE;
  /* Once the dialog that asked has gone. */
  if (proceed)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
close_after_saves (WaymarkWindow *self)
{
  self->asking = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Asks once for all the window's maps with unsaved changes, once the
 * saves still running have ended. */
static gboolean
close_request_cb (WaymarkWindow *self)
{
  GList *windows;
  g_autoptr(GPtrArray) tabs = NULL;

  g_assert (WAYMARK_IS_WINDOW (self));

  if (self->asking)
    return TRUE;
  windows = g_list_prepend (NULL, self);
  tabs = waymark_save_changes_collect (windows);
  g_list_free (windows);
  if (waymark_save_changes_wait (tabs, G_CALLBACK (close_after_saves), g_object_ref (self), g_object_unref))
    {
      self->asking = TRUE;
      return TRUE;
    }
  if (tabs->len == 0)
    return FALSE;

  self->asking = TRUE;
  waymark_save_changes_ask (GTK_WINDOW (self), tabs, close_answered, g_object_ref (self));
  return TRUE;
}

static void
is_active_cb (WaymarkWindow *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  if (gtk_window_is_active (GTK_WINDOW (self)) && self->selected != NULL)
    waymark_document_tab_check_disk (self->selected);
}

void
_waymark_window_class_editor_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, palette_button);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.reload-from-disk", NULL, reload_from_disk_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.import-touchpoints", NULL, import_touchpoints_action);
  gtk_widget_class_install_action (widget_class, "win.compare-file", NULL, compare_file_action);
  gtk_widget_class_install_action (widget_class, "win.compare-intended", NULL, compare_intended_action);
  gtk_widget_class_install_action (widget_class, "win.compare-saved", NULL, compare_saved_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-palette", NULL, toggle_palette_action);

  /* Window bindings run after the focused widget: a text field undoes its
   * own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-palette", NULL);
}

void
_waymark_window_editor_init (WaymarkWindow *self)
{
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
}

void
_waymark_window_editor_dispose (WaymarkWindow *self)
{
  g_clear_weak_pointer (&self->presenting_editor);
  unbind_panel (&self->inspector_binding);
  unbind_panel (&self->palette_binding);
  _waymark_window_findings_bind (self, NULL);
  self->selected = NULL;
}
