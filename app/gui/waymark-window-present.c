/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Presentation mode, the window's side (F11, the header bar's button):
 * full screen without the header bar and the tabs, the selected tab's
 * editor showing the map alone.  Escape on the map, F11 again or the
 * action leave it. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-document-tab.h"
#include "waymark-editor.h"
#include "waymark-window-private.h"

static void
set_presenting (WaymarkWindow *self,
                gboolean       presenting)
{
  WaymarkEditor *editor;

  if (presenting)
    {
      if (self->selected == NULL || waymark_document_tab_get_document (self->selected) == NULL)
        return;
      editor = waymark_document_tab_get_editor (self->selected);
      g_set_weak_pointer (&self->presenting_editor, editor);
      gtk_widget_set_visible (self->header_bar, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->tab_bar), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      waymark_editor_set_presenting (editor, TRUE);
    }
  else
    {
      if (self->presenting_editor != NULL)
        waymark_editor_set_presenting (self->presenting_editor, FALSE);
      g_clear_weak_pointer (&self->presenting_editor);
      gtk_window_unfullscreen (GTK_WINDOW (self));
      gtk_widget_set_visible (self->header_bar, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->tab_bar), TRUE);
    }
}

gboolean
waymark_window_get_presenting (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);

  return self->presenting_editor != NULL;
}

static void
present_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  set_presenting (self, !waymark_window_get_presenting (self));
}

void
_waymark_window_leave_presenting (WaymarkWindow *self)
{
  if (waymark_window_get_presenting (self))
    set_presenting (self, FALSE);
}

void
_waymark_window_class_present_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, header_bar);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.present", NULL);
}
