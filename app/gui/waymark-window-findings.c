/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-document-tab.h"
#include "waymark-severity-glyph.h"
#include "waymark-window-private.h"

/* The header bar's Findings button: the selected map's weak spots counted
 * by severity, in the shapes and colours of the markers on the map (▲
 * high, ◆ medium, ● low), and the switch of its findings panel. */

static void
update_button (WaymarkWindow *self)
{
  WaymarkChecker *checker = self->findings_panel ? waymark_findings_panel_get_checker (self->findings_panel) : NULL;
  guint high = checker ? waymark_checker_count (checker, WAYMARK_SEVERITY_HIGH) : 0;
  guint medium = checker ? waymark_checker_count (checker, WAYMARK_SEVERITY_MEDIUM) : 0;
  guint low = checker ? waymark_checker_count (checker, WAYMARK_SEVERITY_LOW) : 0;
  g_autofree char *markup = NULL;
  g_autofree char *short_markup = NULL;
  g_autofree char *tooltip = NULL;

  if (self->findings_label == NULL)  /* disposed */
    return;
  markup = g_strdup_printf ("%s %u  %s %u  %s %u",
                            waymark_severity_glyph_markup (WAYMARK_SEVERITY_HIGH), high,
                            waymark_severity_glyph_markup (WAYMARK_SEVERITY_MEDIUM), medium,
                            waymark_severity_glyph_markup (WAYMARK_SEVERITY_LOW), low);
  gtk_label_set_markup (self->findings_label, markup);
  /* Narrow: the most severe findings only, in their shape, so that the
   * number never reads as more high ones than there are. */
  short_markup = g_strdup_printf ("%s %u",
                                  waymark_severity_glyph_markup (high > 0 ? WAYMARK_SEVERITY_HIGH :
                                                                 medium > 0 ? WAYMARK_SEVERITY_MEDIUM :
                                                                 WAYMARK_SEVERITY_LOW),
                                  high > 0 ? high : medium > 0 ? medium : low);
  gtk_label_set_markup (self->findings_short_label, short_markup);
  /* TRANSLATORS: the tooltip of the findings button; the numbers of
   * findings by severity. */
  tooltip = g_strdup_printf (_("Findings: %u high, %u medium, %u low (F8)"), high, medium, low);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->findings_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

void
_waymark_window_findings_bind (WaymarkWindow      *self,
                               WaymarkDocumentTab *tab)
{
  if (self->findings_binding != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->findings_binding), (gpointer *) &self->findings_binding);
      g_binding_unbind (self->findings_binding);
      self->findings_binding = NULL;
    }
  if (self->findings_panel != NULL)
    {
      g_clear_signal_handler (&self->findings_changed_id, self->findings_panel);
      g_object_remove_weak_pointer (G_OBJECT (self->findings_panel), (gpointer *) &self->findings_panel);
      self->findings_panel = NULL;
    }
  if (tab != NULL)
    {
      WaymarkEditor *editor = waymark_document_tab_get_editor (tab);

      self->findings_binding = g_object_bind_property (editor, "show-findings",
                                                       self->findings_button, "active",
                                                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_add_weak_pointer (G_OBJECT (self->findings_binding), (gpointer *) &self->findings_binding);
      self->findings_panel = waymark_editor_get_findings_panel (editor);
      g_object_add_weak_pointer (G_OBJECT (self->findings_panel), (gpointer *) &self->findings_panel);
      self->findings_changed_id = g_signal_connect_swapped (self->findings_panel, "changed",
                                                            G_CALLBACK (update_button), self);
    }
  /* No map, no findings: not "▲ 0 ◆ 0 ● 0" on the start page. */
  gtk_widget_set_visible (GTK_WIDGET (self->findings_button), tab != NULL);
  update_button (self);
}

static void
toggle_findings_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  gtk_toggle_button_set_active (self->findings_button, !gtk_toggle_button_get_active (self->findings_button));
}

void
_waymark_window_class_findings_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, findings_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, findings_short_label);
  gtk_widget_class_install_action (widget_class, "win.toggle-findings", NULL, toggle_findings_action);
  /* Beside F9, the inspector on the other side. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.toggle-findings", NULL);
}
