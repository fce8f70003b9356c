/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-channel-palette.h"

struct _WaymarkChannelPalette
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox *list;
  GtkLabel *hint;

  char *search;   /* case-folded */
};

G_DEFINE_FINAL_TYPE (WaymarkChannelPalette, waymark_channel_palette, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GQuark item_quark;

WaymarkPaletteItem *
waymark_channel_palette_get_row_item (WaymarkChannelPalette *self,
                                      GtkWidget             *row)
{
  g_return_val_if_fail (WAYMARK_IS_CHANNEL_PALETTE (self), NULL);

  return g_object_get_qdata (G_OBJECT (row), item_quark);
}

static const char *
section_name (WaymarkPaletteItem *item)
{
  if (waymark_palette_item_is_note (item))
    return _("Notes");
  return waymark_palette_category_get_name (waymark_palette_item_get_category (item));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  WaymarkPaletteItem *item = g_object_get_qdata (G_OBJECT (row), item_quark);
  WaymarkPaletteItem *previous = before ? g_object_get_qdata (G_OBJECT (before), item_quark) : NULL;
  GtkWidget *header;

  if (previous != NULL && g_strcmp0 (section_name (item), section_name (previous)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (section_name (item));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "palette-section");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  WaymarkChannelPalette *self = user_data;
  WaymarkPaletteItem *item = g_object_get_qdata (G_OBJECT (row), item_quark);
  g_autofree char *name = NULL;
  g_autofree char *section = NULL;
  const char *icon;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;
  name = g_utf8_casefold (waymark_palette_item_get_name (item), -1);
  section = g_utf8_casefold (section_name (item), -1);
  icon = waymark_palette_item_get_icon (item);
  /* "mail" finds "E-mail", "physical" finds its section. */
  return strstr (name, self->search) != NULL || strstr (section, self->search) != NULL ||
         (icon != NULL && strstr (icon, self->search) != NULL);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  WaymarkPaletteItem *item = g_object_get_qdata (G_OBJECT (row), item_quark);

  return waymark_palette_item_create_content (item);
}

/* What follows the pointer: a small card of the item's kind. */
static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  WaymarkPaletteItem *item = g_object_get_qdata (G_OBJECT (row), item_quark);
  GtkWidget *icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_image_new_from_icon_name (waymark_palette_item_get_icon_name (item));

  gtk_widget_add_css_class (box, "palette-drag-icon");
  gtk_widget_add_css_class (badge, "palette-badge");
  gtk_widget_add_css_class (badge, waymark_palette_item_is_note (item)
                                     ? "note"
                                     : waymark_category_to_nick (waymark_palette_item_get_category (item)));
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), gtk_label_new (waymark_palette_item_get_name (item)));
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), box);
  gdk_drag_set_hotspot (drag, -12, -12);
  gtk_widget_add_css_class (row, "dragging");
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkWidget     *row)
{
  gtk_widget_remove_css_class (row, "dragging");
}

static GtkWidget *
new_row (WaymarkPaletteItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *badge = gtk_image_new_from_icon_name (waymark_palette_item_get_icon_name (item));
  GtkWidget *label = gtk_label_new (waymark_palette_item_get_name (item));
  g_autofree char *tooltip = NULL;
  g_autofree char *description = NULL;
  GtkDragSource *source;

  g_object_set_qdata_full (G_OBJECT (row), item_quark, g_object_ref (item), g_object_unref);

  /* The badge repeats the card's: the category's colour and shape. */
  gtk_widget_add_css_class (badge, "palette-badge");
  if (waymark_palette_item_is_note (item))
    gtk_widget_add_css_class (badge, "note");
  else
    gtk_widget_add_css_class (badge, waymark_category_to_nick (waymark_palette_item_get_category (item)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "palette-row");

  if (waymark_palette_item_is_note (item))
    {
      tooltip = g_strdup (_("Drag onto a notes lane to add a note"));
      description = g_strdup (_("Note"));
    }
  else
    {
      tooltip = g_strdup_printf (_("Drag onto a cell to add a “%s” touchpoint"), waymark_palette_item_get_name (item));
      description = g_strdup_printf (_("%s touchpoint, %s channel"), waymark_palette_item_get_name (item),
                                     waymark_palette_category_get_name (waymark_palette_item_get_category (item)));
    }
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, waymark_palette_item_get_name (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
search_changed_cb (WaymarkChannelPalette *self,
                   GtkSearchEntry        *entry)
{
  g_assert (WAYMARK_IS_CHANNEL_PALETTE (self));

  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
}

static void
row_activated_cb (WaymarkChannelPalette *self,
                  GtkListBoxRow         *row,
                  GtkListBox            *list)
{
  g_assert (WAYMARK_IS_CHANNEL_PALETTE (self));

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, g_object_get_qdata (G_OBJECT (row), item_quark));
}

/* Enter in the search entry adds the first match: "web", Enter. */
static void
search_activate_cb (WaymarkChannelPalette *self,
                    GtkSearchEntry        *entry)
{
  g_assert (WAYMARK_IS_CHANNEL_PALETTE (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) &&
        filter_func (GTK_LIST_BOX_ROW (child), self))
      {
        row_activated_cb (self, GTK_LIST_BOX_ROW (child), self->list);
        return;
      }
}

GtkWidget *
waymark_channel_palette_get_row (WaymarkChannelPalette *self,
                                 const char            *icon)
{
  g_return_val_if_fail (WAYMARK_IS_CHANNEL_PALETTE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      WaymarkPaletteItem *item;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      item = g_object_get_qdata (G_OBJECT (child), item_quark);
      if (waymark_palette_item_is_note (item) ? g_strcmp0 (icon, "note") == 0
                                              : g_strcmp0 (icon, waymark_palette_item_get_icon (item)) == 0)
        return child;
    }
  return NULL;
}

void
waymark_channel_palette_set_search (WaymarkChannelPalette *self,
                                    const char            *text)
{
  g_return_if_fail (WAYMARK_IS_CHANNEL_PALETTE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self, self->search_entry);
}

void
waymark_channel_palette_focus_search (WaymarkChannelPalette *self)
{
  g_return_if_fail (WAYMARK_IS_CHANNEL_PALETTE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
waymark_channel_palette_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WAYMARK_TYPE_CHANNEL_PALETTE);
  /* The template's unnamed root box too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (waymark_channel_palette_parent_class)->dispose (object);
}

static void
waymark_channel_palette_finalize (GObject *object)
{
  g_free (WAYMARK_CHANNEL_PALETTE (object)->search);

  G_OBJECT_CLASS (waymark_channel_palette_parent_class)->finalize (object);
}

static void
waymark_channel_palette_class_init (WaymarkChannelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_channel_palette_dispose;
  object_class->finalize = waymark_channel_palette_finalize;

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WAYMARK_TYPE_PALETTE_ITEM);

  item_quark = g_quark_from_static_string ("waymark-palette-item");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-channel-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkChannelPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkChannelPalette, list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkChannelPalette, hint);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "channelpalette");
}

static void
waymark_channel_palette_init (WaymarkChannelPalette *self)
{
  g_autoptr(GPtrArray) items = waymark_palette_item_get_catalogue ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (items, i)));
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->list, filter_func, self, NULL);
}

GtkWidget *
waymark_channel_palette_new (void)
{
  return g_object_new (WAYMARK_TYPE_CHANNEL_PALETTE, NULL);
}
