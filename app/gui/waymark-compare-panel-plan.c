/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-compare-panel-private.h"
#include "waymark-curve-steps.h"
#include "waymark-curves-view.h"
#include "waymark-deviation.h"
#include "waymark-severity-glyph.h"

/* The Compare view's second mode: one map is the journey as intended,
 * the other the journey as it is.  It shows both emotion curves on one
 * chart and lists the deviations (missing, ad-hoc, irregular, failing
 * touchpoints), read off the same diff as the changes. */

/* The document's item to show for a touchpoint of the intended or the
 * as-is map: itself when it is the document's, else its partner, else
 * the document's phase that matches its phase (where it would be). */
static gpointer
document_item (WaymarkComparePanel *self,
               WaymarkTouchpoint   *intended,
               WaymarkTouchpoint   *actual)
{
  WaymarkTouchpoint *own = self->document_intended ? intended : actual;
  WaymarkTouchpoint *other = self->document_intended ? actual : intended;
  WaymarkDiffSide side = self->document_intended ? WAYMARK_DIFF_B : WAYMARK_DIFF_A;

  if (own != NULL)
    return own;
  if (other == NULL || other->phase == NULL)
    return NULL;
  return waymark_diff_get_partner (self->plan_diff, side, other->phase);
}

static GtkWidget *
deviation_row (const WaymarkDeviation *deviation)
{
  static const char *const kinds[] = { "missing", "ad-hoc", "irregular", "failing" };
  /* The message names the kind ("… is missing …", "… not planned …"). */
  g_autofree char *message = g_markup_escape_text (deviation->message, -1);
  g_autofree char *markup = g_strconcat (waymark_severity_glyph_markup (deviation->severity), " ", message, NULL);
  GtkWidget *label = waymark_change_panel_row_label (NULL);
  GtkWidget *row = waymark_change_panel_text_row (label);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* The glyph is a picture: screen readers get the kind in words. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  waymark_deviation_kind_to_label (deviation->kind), -1);
  gtk_widget_add_css_class (row, "deviation-row");
  gtk_widget_add_css_class (row, kinds[deviation->kind]);
  return row;
}

void
_waymark_compare_panel_clear_plan (WaymarkComparePanel *self)
{
  if (self->curves != NULL)
    waymark_curves_view_set_steps (WAYMARK_CURVES_VIEW (self->curves), NULL);
  g_clear_pointer (&self->deviations, g_ptr_array_unref);
  /* Not swapped, the plan's diff is the changes' diff. */
  if (self->plan_diff != self->diff)
    g_clear_pointer (&self->plan_diff, waymark_diff_free);
  self->plan_diff = NULL;
}

void
_waymark_compare_panel_rebuild_plan (WaymarkComparePanel *self)
{
  WaymarkChangePanel *panel = WAYMARK_CHANGE_PANEL (self);
  WaymarkJourney *journey = waymark_change_panel_get_journey (panel);
  g_autoptr(GArray) steps = NULL;
  g_autofree char *summary = NULL;
  guint n;

  if (self->document_intended)
    self->plan_diff = waymark_diff_new (journey, self->other, self->diff_flags);
  else
    self->plan_diff = self->diff;
  self->deviations = waymark_deviations_find (self->plan_diff);
  steps = waymark_curve_steps_new (self->plan_diff, self->deviations);
  waymark_curves_view_set_steps (WAYMARK_CURVES_VIEW (self->curves), steps);

  n = self->deviations->len;
  for (guint i = 0; i < n && i < WAYMARK_COMPARE_MAX_ROWS; i++)
    {
      WaymarkDeviation *deviation = self->deviations->pdata[i];

      waymark_change_panel_append_row (panel, deviation_row (deviation));
      g_ptr_array_add (self->row_items, document_item (self, deviation->intended, deviation->actual));
    }
  if (n == 0)
    summary = g_strdup (_("The journey runs as intended."));
  else if (n > WAYMARK_COMPARE_MAX_ROWS)
    summary = g_strdup_printf (g_dngettext (NULL, "%u deviation; the first %u are listed.",
                                            "%u deviations; the first %u are listed.", n),
                               n, WAYMARK_COMPARE_MAX_ROWS);
  else
    summary = g_strdup_printf (g_dngettext (NULL, "%u deviation from the intended journey.",
                                            "%u deviations from the intended journey.", n), n);
  waymark_change_panel_set_summary (panel, summary);
}

static void
step_activated_cb (WaymarkComparePanel *self,
                   guint                index)
{
  GArray *steps = waymark_curves_view_get_steps (WAYMARK_CURVES_VIEW (self->curves));
  const WaymarkCurveStep *step;

  g_assert (WAYMARK_IS_COMPARE_PANEL (self));

  if (steps == NULL || index >= steps->len)
    return;
  step = &g_array_index (steps, WaymarkCurveStep, index);
  g_signal_emit_by_name (self, "item-activated", document_item (self, step->intended, step->actual));
}

static void
show_widgets (WaymarkComparePanel *self)
{
  gtk_widget_set_visible (self->changes_legend, !self->show_deviations);
  gtk_widget_set_visible (self->curves, self->show_deviations);
  gtk_widget_set_visible (self->swap_button, self->show_deviations);
}

static void
mode_toggled_cb (WaymarkComparePanel *self)
{
  g_assert (WAYMARK_IS_COMPARE_PANEL (self));

  waymark_compare_panel_set_show_deviations (self,
                                             gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->deviations_button)));
}

static void
swap_clicked_cb (WaymarkComparePanel *self)
{
  g_assert (WAYMARK_IS_COMPARE_PANEL (self));

  waymark_compare_panel_set_document_intended (self, !self->document_intended);
}

void
_waymark_compare_panel_add_plan_controls (WaymarkComparePanel *self,
                                          GtkBox              *box)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *modes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->changes_button = gtk_toggle_button_new_with_label (C_("compare mode", "Changes"));
  gtk_widget_set_tooltip_text (self->changes_button, _("What differs between the two maps"));
  self->deviations_button = gtk_toggle_button_new_with_label (C_("compare mode", "As Is / Intended"));
  gtk_widget_set_tooltip_text (self->deviations_button,
                               _("How the journey as it is deviates from the journey as intended"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->deviations_button), GTK_TOGGLE_BUTTON (self->changes_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->changes_button), TRUE);
  g_signal_connect_swapped (self->deviations_button, "toggled", G_CALLBACK (mode_toggled_cb), self);
  gtk_widget_add_css_class (modes, "linked");
  gtk_box_append (GTK_BOX (modes), self->changes_button);
  gtk_box_append (GTK_BOX (modes), self->deviations_button);
  gtk_box_append (GTK_BOX (row), modes);

  self->swap_button = gtk_button_new_from_icon_name ("object-flip-horizontal-symbolic");
  gtk_widget_set_tooltip_text (self->swap_button, _("Swap As Is and Intended"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->swap_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Swap As Is and Intended"), -1);
  gtk_widget_add_css_class (self->swap_button, "flat");
  gtk_widget_set_hexpand (self->swap_button, TRUE);
  gtk_widget_set_halign (self->swap_button, GTK_ALIGN_END);
  g_signal_connect_swapped (self->swap_button, "clicked", G_CALLBACK (swap_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), self->swap_button);
  gtk_box_append (box, row);

  self->curves = waymark_curves_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->curves), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Emotion curves as is and as intended"), -1);
  g_signal_connect_swapped (self->curves, "step-activated", G_CALLBACK (step_activated_cb), self);
  gtk_box_append (box, self->curves);
  show_widgets (self);
}

/* ---- Public ---- */

void
waymark_compare_panel_set_show_deviations (WaymarkComparePanel *self,
                                           gboolean             show)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PANEL (self));

  show = !!show;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->deviations_button)) != show)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show ? self->deviations_button : self->changes_button), TRUE);
  if (self->show_deviations == show)
    return;
  self->show_deviations = show;
  show_widgets (self);
  _waymark_compare_panel_update_subtitle (self);
  waymark_change_panel_rebuild (WAYMARK_CHANGE_PANEL (self));
}

gboolean
waymark_compare_panel_get_show_deviations (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), FALSE);

  return self->show_deviations;
}

void
waymark_compare_panel_set_document_intended (WaymarkComparePanel *self,
                                             gboolean             intended)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PANEL (self));

  intended = !!intended;
  if (self->document_intended == intended)
    return;
  self->document_intended = intended;
  _waymark_compare_panel_update_subtitle (self);
  waymark_change_panel_rebuild (WAYMARK_CHANGE_PANEL (self));
}

gboolean
waymark_compare_panel_get_document_intended (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), FALSE);

  return self->document_intended;
}

GPtrArray *
waymark_compare_panel_get_deviations (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return self->deviations;
}

GArray *
waymark_compare_panel_get_curve_steps (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return waymark_curves_view_get_steps (WAYMARK_CURVES_VIEW (self->curves));
}
