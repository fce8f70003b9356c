/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The entry that edits a card's text or a header's name in place, and
 * the one undo step an edit makes.  It knows the item and the history it
 * edits, nothing else of the canvas. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-inline-editor.h"
#include "waymark-describe.h"
#include "waymark-text-limit.h"

struct _WaymarkInlineEditor
{
  GtkWidget parent_instance;

  GtkWidget *entry;
  gpointer item;              /* a reference while editing */
  WaymarkHistory *history;
  /* A card made empty for this edit: Escape undoes its creation while
   * that is still the newest step. */
  gboolean new_card;
  guint undo_mark;
};

G_DEFINE_FINAL_TYPE (WaymarkInlineEditor, waymark_inline_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
item_text (gpointer item)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      return ((WaymarkTouchpoint *) item)->title;
    case WAYMARK_ITEM_NOTE:
      return ((WaymarkNote *) item)->text;
    case WAYMARK_ITEM_PHASE:
      return ((WaymarkPhase *) item)->name;
    case WAYMARK_ITEM_LANE:
      return ((WaymarkLane *) item)->name;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

/* Sets the text of a copy of @item; FALSE when @item keeps its own. */
static gboolean
set_text (gpointer   copy,
          char     **value)
{
  gboolean empty = (*value)[0] == '\0';
  char **slot;

  switch (waymark_item_get_item_type (copy))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      slot = &((WaymarkTouchpoint *) copy)->title;
      break;
    case WAYMARK_ITEM_NOTE:
      slot = &((WaymarkNote *) copy)->text;
      break;
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
      /* Phases and lanes need a name: an emptied one keeps its old name. */
      if (empty)
        return FALSE;
      slot = waymark_item_get_item_type (copy) == WAYMARK_ITEM_PHASE ? &((WaymarkPhase *) copy)->name
                                                                     : &((WaymarkLane *) copy)->name;
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
  g_free (*slot);
  *slot = empty ? NULL : g_steal_pointer (value);
  return TRUE;
}

static void
commit (WaymarkHistory *history,
        gpointer        item,
        const char     *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  gpointer copy;

  if (g_strcmp0 (value[0] == '\0' ? NULL : value, item_text (item)) == 0)
    return;
  copy = waymark_item_copy (item);
  if (!set_text (copy, &value))
    {
      waymark_item_unref (copy);
      return;
    }
  waymark_edits_update (history, item, copy, "title");
  /* One edit in place is one undo step. */
  waymark_history_seal (history);
}

static gboolean
in_journey (WaymarkHistory *history,
            gpointer        item)
{
  return waymark_journey_index_of (waymark_history_get_journey (history), item) >= 0;
}

void
waymark_inline_editor_stop (WaymarkInlineEditor *self,
                            gboolean             save)
{
  gpointer item;
  g_autoptr(WaymarkHistory) history = NULL;
  g_autofree char *text = NULL;
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *focus;
  GtkRoot *root;
  gboolean had_focus;

  g_return_if_fail (WAYMARK_IS_INLINE_EDITOR (self));

  if (self->item == NULL)
    return;
  item = g_steal_pointer (&self->item);
  history = g_steal_pointer (&self->history);

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (had_focus && parent != NULL)
    gtk_widget_grab_focus (parent);

  if (save && in_journey (history, item))
    commit (history, item, text);
  waymark_item_unref (item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
waymark_inline_editor_cancel (WaymarkInlineEditor *self)
{
  g_autoptr(WaymarkHistory) history = NULL;
  gpointer card = NULL;

  g_return_if_fail (WAYMARK_IS_INLINE_EDITOR (self));

  if (self->item == NULL)
    return;
  if (self->new_card)
    {
      card = waymark_item_ref (self->item);
      history = g_object_ref (self->history);
    }
  waymark_inline_editor_stop (self, FALSE);

  /* A card made to be named and not named is not left behind empty. */
  if (card != NULL && in_journey (history, card) && waymark_history_get_n_undo (history) == self->undo_mark)
    waymark_history_undo (history);
  g_clear_pointer (&card, waymark_item_unref);
}

void
waymark_inline_editor_start (WaymarkInlineEditor *self,
                             WaymarkHistory      *history,
                             gpointer             item,
                             gboolean             new_card)
{
  const char *text;

  g_return_if_fail (WAYMARK_IS_INLINE_EDITOR (self));
  g_return_if_fail (WAYMARK_IS_HISTORY (history));
  g_return_if_fail (item != NULL);

  waymark_inline_editor_stop (self, TRUE);
  self->item = waymark_item_ref (item);
  self->history = g_object_ref (history);
  self->new_card = new_card && waymark_describe_is_card (item);
  self->undo_mark = waymark_history_get_n_undo (history);

  text = item_text (item);
  /* Typing stops (with a bell) where the file's limit is, rather than
   * the edit cutting what was typed. */
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), (int) waymark_text_limit_of_name (item));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  waymark_describe_is_card (item) ? _("Card title") : _("Name"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

gpointer
waymark_inline_editor_get_item (WaymarkInlineEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_INLINE_EDITOR (self), NULL);

  return self->item;
}

void
waymark_inline_editor_allocate_over (WaymarkInlineEditor   *self,
                                     const graphene_rect_t *bounds)
{
  int min_width, min_height, width;

  g_return_if_fail (WAYMARK_IS_INLINE_EDITOR (self));

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  /* Readable however far the map is zoomed out. */
  width = MAX (MAX (min_width, 200), (int) bounds->size.width);
  gtk_widget_size_allocate (GTK_WIDGET (self),
                            &(GtkAllocation) {
                              (int) (bounds->origin.x + (bounds->size.width - width) / 2),
                              (int) (bounds->origin.y + (bounds->size.height - min_height) / 2),
                              width, min_height,
                            },
                            -1);
}

static void
entry_activate_cb (WaymarkInlineEditor *self,
                   GtkEntry            *entry)
{
  g_assert (WAYMARK_IS_INLINE_EDITOR (self));

  waymark_inline_editor_stop (self, TRUE);
}

static gboolean
entry_key_cb (WaymarkInlineEditor   *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  g_assert (WAYMARK_IS_INLINE_EDITOR (self));

  if (keyval != GDK_KEY_Escape)
    return FALSE;
  waymark_inline_editor_cancel (self);
  return TRUE;
}

static void
entry_focus_leave_cb (WaymarkInlineEditor     *self,
                      GtkEventControllerFocus *controller)
{
  g_assert (WAYMARK_IS_INLINE_EDITOR (self));

  /* Clicking elsewhere keeps what was typed, as GNOME's renames do. */
  waymark_inline_editor_stop (self, TRUE);
}

static void
waymark_inline_editor_dispose (GObject *object)
{
  WaymarkInlineEditor *self = WAYMARK_INLINE_EDITOR (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  g_clear_object (&self->history);
  g_clear_pointer (&self->entry, gtk_widget_unparent);

  G_OBJECT_CLASS (waymark_inline_editor_parent_class)->dispose (object);
}

static void
waymark_inline_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkInlineEditor *self = WAYMARK_INLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_inline_editor_class_init (WaymarkInlineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_inline_editor_dispose;
  object_class->get_property = waymark_inline_editor_get_property;

  properties[PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "inlineeditor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_inline_editor_init (WaymarkInlineEditor *self)
{
  GtkEventController *controller;

  self->entry = gtk_entry_new ();
  gtk_widget_add_css_class (self->entry, "inline-editor");
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (entry_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, controller);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
waymark_inline_editor_new (void)
{
  return g_object_new (WAYMARK_TYPE_INLINE_EDITOR, NULL);
}
