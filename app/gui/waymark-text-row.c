/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-text-limit.h"
#include "waymark-text-row.h"

struct _WaymarkTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget   *title_label;
  GtkWidget   *placeholder;
  GtkTextView *text_view;
  guint        recheck_tick;
  int          recheck_frames;
};

G_DEFINE_FINAL_TYPE (WaymarkTextRow, waymark_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_placeholder (WaymarkTextRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_set_visible (self->placeholder,
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

/* GTK 4.8's text view lays its text out in an idle and does not always
 * ask for its new height when done: a text set before the row was shown
 * would stay a row of no lines.  For a few frames after the text changes
 * or the row appears, ask again when the height it wants is not the one
 * it has. */
#define RECHECK_FRAMES 30

static gboolean
recheck_height_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  WaymarkTextRow *self = WAYMARK_TEXT_ROW (widget);
  GtkWidget *view = GTK_WIDGET (self->text_view);
  int width = gtk_widget_get_width (view);
  int natural = 0;

  g_assert (WAYMARK_IS_TEXT_ROW (self));

  if (width > 0)
    {
      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
      if (natural != gtk_widget_get_height (view))
        gtk_widget_queue_resize (view);
    }
  if (--self->recheck_frames > 0)
    return G_SOURCE_CONTINUE;
  self->recheck_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
recheck_height (WaymarkTextRow *self)
{
  self->recheck_frames = RECHECK_FRAMES;
  if (self->recheck_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->recheck_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), recheck_height_cb, NULL, NULL);
}

/* A text row edits pages (a description, a quote, an idea, a note):
 * typing or pasting stops at the file's limit, with a bell, rather than
 * the edit cutting what was typed. */
static void
buffer_insert_text_cb (WaymarkTextRow *self,
                       GtkTextIter    *location,
                       char           *text,
                       int             length,
                       GtkTextBuffer  *buffer)
{
  gsize have = (gsize) gtk_text_buffer_get_char_count (buffer);
  gsize adding;
  gsize room;

  g_assert (WAYMARK_IS_TEXT_ROW (self));

  adding = (gsize) g_utf8_strlen (text, length);
  if (have + adding <= WAYMARK_TEXT_LIMIT_PAGES)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  gtk_widget_error_bell (GTK_WIDGET (self->text_view));
  room = have < WAYMARK_TEXT_LIMIT_PAGES ? WAYMARK_TEXT_LIMIT_PAGES - have : 0;
  if (room == 0)
    return;
  g_signal_handlers_block_by_func (buffer, buffer_insert_text_cb, self);
  gtk_text_buffer_insert (buffer, location, text, (int) (g_utf8_offset_to_pointer (text, (glong) room) - text));
  g_signal_handlers_unblock_by_func (buffer, buffer_insert_text_cb, self);
}

static void
buffer_changed_cb (WaymarkTextRow *self)
{
  g_assert (WAYMARK_IS_TEXT_ROW (self));

  update_placeholder (self);
  recheck_height (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A click anywhere on the row (its title, its padding) edits the text,
 * as it does on an AdwEntryRow. */
static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                WaymarkTextRow  *self)
{
  g_assert (WAYMARK_IS_TEXT_ROW (self));

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
waymark_text_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkTextRow *self = WAYMARK_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->placeholder)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_text_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WaymarkTextRow *self = WAYMARK_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER_TEXT:
      waymark_text_row_set_placeholder_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_text_row_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (waymark_text_row_parent_class)->map (widget);
  recheck_height (WAYMARK_TEXT_ROW (widget));
}

static void
waymark_text_row_unmap (GtkWidget *widget)
{
  WaymarkTextRow *self = WAYMARK_TEXT_ROW (widget);

  if (self->recheck_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->recheck_tick);
  self->recheck_tick = 0;
  GTK_WIDGET_CLASS (waymark_text_row_parent_class)->unmap (widget);
}

static void
waymark_text_row_class_init (WaymarkTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = waymark_text_row_map;
  widget_class->unmap = waymark_text_row_unmap;
  object_class->get_property = waymark_text_row_get_property;
  object_class->set_property = waymark_text_row_set_property;

  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
waymark_text_row_init (WaymarkTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkGesture *click;

  gtk_widget_add_css_class (GTK_WIDGET (self), "text-row");
  /* The text view takes the focus; the row itself is only its frame. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->title_label, "subtitle");
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), self->title_label);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as in every other row. */
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_view), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->text_view));

  self->placeholder = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
  gtk_label_set_yalign (GTK_LABEL (self->placeholder), 0);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_widget_set_can_target (self->placeholder, FALSE);
  gtk_widget_add_css_class (self->placeholder, "placeholder");
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->placeholder);
  gtk_box_append (GTK_BOX (box), overlay);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "insert-text",
                           G_CALLBACK (buffer_insert_text_cb), self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  update_placeholder (self);
}

GtkWidget *
waymark_text_row_new (void)
{
  return g_object_new (WAYMARK_TYPE_TEXT_ROW, NULL);
}

char *
waymark_text_row_dup_text (WaymarkTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (WAYMARK_IS_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (gtk_text_buffer_get_char_count (buffer) == 0)
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
waymark_text_row_set_text (WaymarkTextRow *self,
                           const char     *text)
{
  g_autofree char *now = NULL;

  g_return_if_fail (WAYMARK_IS_TEXT_ROW (self));

  now = waymark_text_row_dup_text (self);
  if (g_strcmp0 (now, (text && *text) ? text : NULL) == 0)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

GtkTextView *
waymark_text_row_get_text_view (WaymarkTextRow *self)
{
  g_return_val_if_fail (WAYMARK_IS_TEXT_ROW (self), NULL);

  return self->text_view;
}

void
waymark_text_row_set_placeholder_text (WaymarkTextRow *self,
                                       const char     *text)
{
  g_return_if_fail (WAYMARK_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->placeholder)), text ? text : "") == 0)
    return;
  gtk_label_set_label (GTK_LABEL (self->placeholder), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}
