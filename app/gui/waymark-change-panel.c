/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-change-panel.h"

typedef struct
{
  GtkWidget *box;
  GtkWidget *header;
  GtkLabel *heading;
  GtkLabel *subtitle;
  GtkWidget *legend;
  GtkLabel *summary;
  GtkListBox *list;

  WaymarkDocument *document;
  WaymarkJourney *journey;
  gulong journey_notify_id;
  gulong changed_id;
  guint rebuild_source;
} WaymarkChangePanelPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WaymarkChangePanel, waymark_change_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
waymark_change_panel_rebuild (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  g_clear_handle_id (&priv->rebuild_source, g_source_remove);
  WAYMARK_CHANGE_PANEL_GET_CLASS (self)->rebuild (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  WaymarkChangePanel *self = data;
  WaymarkChangePanelPrivate *priv;

  g_assert (WAYMARK_IS_CHANGE_PANEL (self));

  priv = waymark_change_panel_get_instance_private (self);
  priv->rebuild_source = 0;
  waymark_change_panel_rebuild (self);
  return G_SOURCE_REMOVE;
}

/* The rows name items, and any edit may rename one: they are made anew,
 * once per burst of changes rather than once per change. */
static void
journey_changed_cb (WaymarkJourney     *journey,
                    WaymarkChange      *change,
                    WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv;
  WaymarkChangePanelClass *klass;

  g_assert (WAYMARK_IS_CHANGE_PANEL (self));

  priv = waymark_change_panel_get_instance_private (self);
  klass = WAYMARK_CHANGE_PANEL_GET_CLASS (self);
  if (klass->journey_changed != NULL)
    klass->journey_changed (self, change);
  if (priv->rebuild_source == 0)
    priv->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
unbind_journey (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  if (priv->journey != NULL)
    g_clear_signal_handler (&priv->changed_id, priv->journey);
  g_clear_object (&priv->journey);
  g_clear_handle_id (&priv->rebuild_source, g_source_remove);
}

/* A reload replaces the document's journey: follow the new one. */
static void
bind_journey (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  unbind_journey (self);
  if (priv->document != NULL)
    {
      priv->journey = g_object_ref (waymark_document_get_journey (priv->document));
      priv->changed_id = g_signal_connect (priv->journey, "changed", G_CALLBACK (journey_changed_cb), self);
    }
  waymark_change_panel_rebuild (self);
}

static void
row_activated_cb (WaymarkChangePanel *self,
                  GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (WAYMARK_IS_CHANGE_PANEL (self));

  if (index < 0)
    return;
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0,
                 WAYMARK_CHANGE_PANEL_GET_CLASS (self)->row_item (self, (guint) index));
}

static void
close_clicked_cb (WaymarkChangePanel *self)
{
  g_assert (WAYMARK_IS_CHANGE_PANEL (self));

  g_signal_emit (self, signals[CLOSE], 0);
}

/* ---- Public ---- */

void
waymark_change_panel_set_document (WaymarkChangePanel *self,
                                   WaymarkDocument    *document)
{
  WaymarkChangePanelPrivate *priv;

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  priv = waymark_change_panel_get_instance_private (self);
  if (priv->document == document)
    return;
  if (priv->document != NULL)
    g_clear_signal_handler (&priv->journey_notify_id, priv->document);
  g_set_object (&priv->document, document);
  if (document != NULL)
    priv->journey_notify_id = g_signal_connect_swapped (document, "notify::journey",
                                                        G_CALLBACK (bind_journey), self);
  /* Subclasses hear of the new document before its first rows. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  bind_journey (self);
}

WaymarkDocument *
waymark_change_panel_get_document (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_val_if_fail (WAYMARK_IS_CHANGE_PANEL (self), NULL);

  return priv->document;
}

WaymarkJourney *
waymark_change_panel_get_journey (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_val_if_fail (WAYMARK_IS_CHANGE_PANEL (self), NULL);

  return priv->journey;
}

void
waymark_change_panel_set_heading (WaymarkChangePanel *self,
                                  const char         *heading)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  gtk_label_set_text (priv->heading, heading);
}

void
waymark_change_panel_add_close_button (WaymarkChangePanel *self,
                                       const char         *label)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  gtk_widget_set_tooltip_text (close, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "change-panel-close");
  g_signal_connect_swapped (close, "clicked", G_CALLBACK (close_clicked_cb), self);
  gtk_box_append (GTK_BOX (priv->header), close);
}

void
waymark_change_panel_set_subtitle (WaymarkChangePanel *self,
                                   const char         *subtitle)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  gtk_label_set_text (priv->subtitle, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle), subtitle != NULL && *subtitle != '\0');
}

void
waymark_change_panel_set_legend (WaymarkChangePanel *self,
                                 GtkWidget          *legend)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));
  g_return_if_fail (priv->legend == NULL);

  priv->legend = legend;
  gtk_widget_set_margin_start (legend, 12);
  gtk_box_insert_child_after (GTK_BOX (priv->box), legend, GTK_WIDGET (priv->subtitle));
}

void
waymark_change_panel_set_summary (WaymarkChangePanel *self,
                                  const char         *summary)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  gtk_label_set_text (priv->summary, summary ? summary : "");
}

void
waymark_change_panel_remove_rows (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (priv->list))) != NULL;)
    gtk_list_box_remove (priv->list, child);
}

void
waymark_change_panel_append_row (WaymarkChangePanel *self,
                                 GtkWidget          *row)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_CHANGE_PANEL (self));
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  gtk_list_box_append (priv->list, row);
}

GtkWidget *
waymark_change_panel_row_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  return label;
}

GtkWidget *
waymark_change_panel_text_row (GtkWidget *label)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* ---- GObject ---- */

static void
waymark_change_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkChangePanel *self = WAYMARK_CHANGE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, waymark_change_panel_get_document (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_change_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkChangePanel *self = WAYMARK_CHANGE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_change_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_change_panel_dispose (GObject *object)
{
  WaymarkChangePanel *self = WAYMARK_CHANGE_PANEL (object);
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);

  /* No last rebuild: the editor around the panel is going away too. */
  if (priv->document != NULL)
    g_clear_signal_handler (&priv->journey_notify_id, priv->document);
  g_clear_object (&priv->document);
  unbind_journey (self);
  g_clear_pointer (&priv->box, gtk_widget_unparent);
  G_OBJECT_CLASS (waymark_change_panel_parent_class)->dispose (object);
}

static void
waymark_change_panel_class_init (WaymarkChangePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_change_panel_dispose;
  object_class->get_property = waymark_change_panel_get_property;
  object_class->set_property = waymark_change_panel_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_change_panel_init (WaymarkChangePanel *self)
{
  WaymarkChangePanelPrivate *priv = waymark_change_panel_get_instance_private (self);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  priv->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (priv->box, GTK_WIDGET (self));

  /* A close button, when there is one, must not make the heading jump:
   * the header keeps a button's height either way. */
  priv->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (priv->header, 12);
  gtk_widget_set_margin_end (priv->header, 6);
  gtk_widget_set_margin_top (priv->header, 6);
  gtk_widget_set_size_request (priv->header, -1, 34);
  priv->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (priv->heading, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (priv->heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->heading), "title-4");
  gtk_box_append (GTK_BOX (priv->header), GTK_WIDGET (priv->heading));
  gtk_box_append (GTK_BOX (priv->box), priv->header);

  priv->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (priv->subtitle, 0);
  gtk_label_set_ellipsize (priv->subtitle, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->subtitle), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->subtitle), 12);
  gtk_widget_set_visible (GTK_WIDGET (priv->subtitle), FALSE);
  gtk_box_append (GTK_BOX (priv->box), GTK_WIDGET (priv->subtitle));

  priv->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (priv->summary, 0);
  gtk_label_set_wrap (priv->summary, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (priv->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (priv->summary), 12);
  gtk_widget_add_css_class (GTK_WIDGET (priv->summary), "dim-label");
  gtk_box_append (GTK_BOX (priv->box), GTK_WIDGET (priv->summary));

  priv->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (priv->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (priv->list), "navigation-sidebar");
  g_signal_connect_swapped (priv->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (priv->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (priv->box), scroller);
}
