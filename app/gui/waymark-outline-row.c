/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-outline-private.h"
#include "waymark-outline-row.h"
#include "waymark-outline-text.h"
#include "waymark-text-limit.h"

struct _WaymarkOutlineRow
{
  GtkListBoxRow parent_instance;

  gpointer item;            /* a phase, touchpoint or note (a reference) */
  GtkStack *title_stack;
  GtkLabel *title_label;
  GtkEntry *title_entry;
  GtkLabel *details_label;  /* cards: channel, lane, emotion, owner; phases: the count */
  GtkLabel *description_label;
  GtkBox *markers;
  guint n_touchpoints;       /* of a phase */
  guint n_notes;
  gboolean editable;
  gboolean editing;
};

G_DEFINE_FINAL_TYPE (WaymarkOutlineRow, waymark_outline_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
is_phase (WaymarkOutlineRow *self)
{
  return waymark_item_get_item_type (self->item) == WAYMARK_ITEM_PHASE;
}

static WaymarkOutline *
get_outline (WaymarkOutlineRow *self)
{
  GtkWidget *outline = gtk_widget_get_ancestor (GTK_WIDGET (self), WAYMARK_TYPE_OUTLINE);

  return outline != NULL ? WAYMARK_OUTLINE (outline) : NULL;
}

static const char *
item_title (WaymarkOutlineRow *self)
{
  if (is_phase (self))
    return ((WaymarkPhase *) self->item)->name ? ((WaymarkPhase *) self->item)->name : "";
  return waymark_outline_card_title (self->item);
}

/* The text to edit: empty, not the placeholder, for a card without one. */
static const char *
item_raw_title (WaymarkOutlineRow *self)
{
  switch (waymark_item_get_item_type (self->item))
    {
    case WAYMARK_ITEM_PHASE:
      return ((WaymarkPhase *) self->item)->name;
    case WAYMARK_ITEM_TOUCHPOINT:
      return ((WaymarkTouchpoint *) self->item)->title;
    case WAYMARK_ITEM_NOTE:
      return ((WaymarkNote *) self->item)->text;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

static void
add_marker (WaymarkOutlineRow *self,
            const char        *text,
            const char        *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "outline-marker");
  gtk_widget_add_css_class (label, style);
  gtk_box_append (self->markers, label);
}

void
waymark_outline_row_update (WaymarkOutlineRow *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (WAYMARK_IS_OUTLINE_ROW (self));

  gtk_label_set_text (self->title_label, item_title (self));
  if (is_phase (self))
    {
      g_autofree char *count = waymark_outline_phase_counts (self->n_touchpoints, self->n_notes);

      gtk_label_set_text (self->details_label, count);
      label = waymark_outline_phase_label (self->item, self->n_touchpoints, self->n_notes);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Phase"),
                                      -1);
      return;
    }

  {
    g_autofree char *details = waymark_outline_card_details (self->item);
    WaymarkOutlineMarker markers[WAYMARK_OUTLINE_MAX_MARKERS];
    guint n_markers = waymark_outline_card_markers (self->item, markers);
    const char *text = waymark_item_get_item_type (self->item) == WAYMARK_ITEM_TOUCHPOINT
                         ? ((WaymarkTouchpoint *) self->item)->description : NULL;

    gtk_label_set_text (self->details_label, details);
    gtk_label_set_text (self->description_label, text ? text : "");
    gtk_widget_set_visible (GTK_WIDGET (self->description_label), text != NULL && text[0] != '\0');

    /* The same words as the accessible name, coloured by meaning. */
    for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->markers))) != NULL;)
      gtk_box_remove (self->markers, child);
    for (guint i = 0; i < n_markers; i++)
      add_marker (self, markers[i].text, markers[i].style);
    gtk_widget_set_visible (GTK_WIDGET (self->markers), n_markers > 0);
  }

  label = waymark_outline_card_label (self->item);
  description = waymark_outline_card_description (self->item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
waymark_outline_row_set_counts (WaymarkOutlineRow *self,
                                guint              n_touchpoints,
                                guint              n_notes)
{
  g_return_if_fail (WAYMARK_IS_OUTLINE_ROW (self));

  self->n_touchpoints = n_touchpoints;
  self->n_notes = n_notes;
  if (is_phase (self))
    waymark_outline_row_update (self);
}

/* ---- Editing the title in place ---- */

static void
finish_editing (WaymarkOutlineRow *self,
                gboolean           save)
{
  g_autofree char *text = NULL;
  WaymarkOutline *outline;
  GtkRoot *root;
  GtkWidget *focus;

  /* Grabbing the row's focus below ends the entry's focus, which calls
   * this again: the first call does the work. */
  if (!self->editing)
    return;
  self->editing = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel", FALSE);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry)));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Enter and Escape leave the keyboard on the row; a click elsewhere
   * has already taken it away. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->title_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_stack_set_visible_child (self->title_stack, GTK_WIDGET (self->title_label));

  outline = get_outline (self);
  if (save && outline != NULL)
    _waymark_outline_commit_title (outline, self->item, text);
}

void
waymark_outline_row_start_editing (WaymarkOutlineRow *self)
{
  const char *text;

  g_return_if_fail (WAYMARK_IS_OUTLINE_ROW (self));

  if (self->editing || !self->editable)
    return;
  text = item_raw_title (self);
  self->editing = TRUE;
  /* Typing stops (with a bell) at the file's limit. */
  gtk_entry_set_max_length (self->title_entry, (int) waymark_text_limit_of_name (self->item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel", TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), text ? text : "");
  gtk_stack_set_visible_child (self->title_stack, GTK_WIDGET (self->title_entry));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
}

gboolean
waymark_outline_row_is_editing (WaymarkOutlineRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE_ROW (self), FALSE);

  return self->editing;
}

GtkEditable *
waymark_outline_row_get_entry (WaymarkOutlineRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE_ROW (self), NULL);

  return self->editing ? GTK_EDITABLE (self->title_entry) : NULL;
}

static void
entry_activate_cb (WaymarkOutlineRow *self,
                   GtkEntry          *entry)
{
  g_assert (WAYMARK_IS_OUTLINE_ROW (self));

  finish_editing (self, TRUE);
}

/* Leaving the field keeps what was typed, as the canvas does. */
static void
entry_leave_cb (WaymarkOutlineRow       *self,
                GtkEventControllerFocus *controller)
{
  g_assert (WAYMARK_IS_OUTLINE_ROW (self));

  finish_editing (self, TRUE);
}

/* ---- Actions ---- */

void
waymark_outline_row_set_editable (WaymarkOutlineRow *self,
                                  gboolean           editable)
{
  gboolean card;

  g_return_if_fail (WAYMARK_IS_OUTLINE_ROW (self));

  self->editable = editable;
  card = !is_phase (self);
  if (!editable)
    finish_editing (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move", editable);
  /* A phase takes its cards with it: deleting one belongs on the map,
   * where the toast and the empty column show what went. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.delete", editable && card);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  waymark_outline_row_start_editing (WAYMARK_OUTLINE_ROW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  finish_editing (WAYMARK_OUTLINE_ROW (widget), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  WaymarkOutlineRow *self = WAYMARK_OUTLINE_ROW (widget);
  WaymarkOutline *outline = get_outline (self);

  if (outline != NULL && !self->editing)
    _waymark_outline_delete_item (outline, self->item);
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  WaymarkOutlineRow *self = WAYMARK_OUTLINE_ROW (widget);
  WaymarkOutline *outline = get_outline (self);

  if (outline != NULL && !self->editing)
    _waymark_outline_move_item (outline, self->item, g_variant_get_int32 (parameter));
}

/* ---- Building ---- */

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             GVariant   *target,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
build (WaymarkOutlineRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *buttons;

  self->title_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->title_stack, FALSE);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), is_phase (self) ? "title-3" : "heading");
  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_phase (self) ? _("Phase name") : _("Title"), -1);
  g_signal_connect_swapped (self->title_entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->title_entry), focus);
  gtk_stack_add_child (self->title_stack, GTK_WIDGET (self->title_label));
  gtk_stack_add_child (self->title_stack, GTK_WIDGET (self->title_entry));
  gtk_stack_set_visible_child (self->title_stack, GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->title_stack));

  self->details_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details_label, 0);
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->details_label));

  self->description_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->description_label, 0);
  gtk_label_set_wrap (self->description_label, TRUE);
  gtk_label_set_lines (self->description_label, 2);
  gtk_label_set_ellipsize (self->description_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "outline-description");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), FALSE);
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (self->description_label));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  self->markers = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_valign (GTK_WIDGET (self->markers), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->markers), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->markers));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "outline-row-buttons");
  gtk_box_append (GTK_BOX (buttons),
                  icon_button ("document-edit-symbolic", "row.edit", NULL,
                               is_phase (self) ? _("Rename (F2)") : _("Edit the Title (F2)")));
  gtk_box_append (GTK_BOX (buttons),
                  icon_button ("go-up-symbolic", "row.move", g_variant_new_int32 (-1),
                               is_phase (self) ? _("Move the Phase Left (Alt+↑)") : _("Move Up (Alt+↑)")));
  gtk_box_append (GTK_BOX (buttons),
                  icon_button ("go-down-symbolic", "row.move", g_variant_new_int32 (1),
                               is_phase (self) ? _("Move the Phase Right (Alt+↓)") : _("Move Down (Alt+↓)")));
  if (!is_phase (self))
    gtk_box_append (GTK_BOX (buttons), icon_button ("user-trash-symbolic", "row.delete", NULL, _("Delete (Delete)")));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_add_css_class (GTK_WIDGET (self), is_phase (self) ? "outline-phase" : "outline-card");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

/* ---- GObject ---- */

static void
waymark_outline_row_dispose (GObject *object)
{
  WaymarkOutlineRow *self = WAYMARK_OUTLINE_ROW (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  G_OBJECT_CLASS (waymark_outline_row_parent_class)->dispose (object);
}

static void
waymark_outline_row_class_init (WaymarkOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_outline_row_dispose;

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "row.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.move", "i", move_action);

  /* Enter activates the row, which the outline turns into editing too. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "row.edit", NULL);
  /* Enabled only while editing, so Escape is not taken from anyone else. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "row.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "row.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "row.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "row.move", "i", 1);
}

static void
waymark_outline_row_init (WaymarkOutlineRow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.cancel", FALSE);
}

GtkWidget *
waymark_outline_row_new (gpointer item)
{
  WaymarkOutlineRow *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (WAYMARK_TYPE_OUTLINE_ROW, NULL);
  self->item = waymark_item_ref (item);
  build (self);
  waymark_outline_row_set_editable (self, TRUE);
  waymark_outline_row_update (self);
  return GTK_WIDGET (self);
}

gpointer
waymark_outline_row_get_item (WaymarkOutlineRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE_ROW (self), NULL);

  return self->item;
}
