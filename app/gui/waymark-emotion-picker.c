/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "waymark-emotion-face.h"
#include "waymark-emotion-picker.h"
#include "waymark-palette.h"
#include "waymark-touchpoint.h"

/* Buttons: index 0 is "no emotion", 1 … 5 the scores -2 … +2. */
#define N_BUTTONS (1 + WAYMARK_EMOTION_MAX - WAYMARK_EMOTION_MIN + 1)
#define FACE_SIZE 26

struct _WaymarkEmotionPicker
{
  GtkWidget parent_instance;

  GtkWidget *buttons[N_BUTTONS];
  GtkWidget *faces[N_BUTTONS];
  GtkWidget *caption;

  gboolean has_emotion;
  int emotion;
  guint updating;
};

G_DEFINE_FINAL_TYPE (WaymarkEmotionPicker, waymark_emotion_picker, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
button_index (gboolean has_emotion,
              int      emotion)
{
  if (!has_emotion)
    return 0;
  return 1 + (guint) (CLAMP (emotion, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX) - WAYMARK_EMOTION_MIN);
}

const char *
waymark_emotion_picker_describe (gboolean has_emotion,
                                 int      emotion)
{
  static const char *names[N_BUTTONS] = {
    N_("No emotion"),
    N_("Very negative"),
    N_("Negative"),
    N_("Neutral"),
    N_("Positive"),
    N_("Very positive"),
  };

  return _(names[button_index (has_emotion, emotion)]);
}

/* The faces of the canvas, drawn by the same function and palette so the
 * picker and the map agree on what -1 looks like. */
static void
draw_face (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  int index = GPOINTER_TO_INT (data);
  AdwStyleManager *style = adw_style_manager_get_default ();
  const WaymarkPalette *palette =
    waymark_palette_get (adw_style_manager_get_dark (style) ? WAYMARK_PALETTE_DARK
                                                            : WAYMARK_PALETTE_LIGHT);
  double cx = width / 2.0, cy = height / 2.0;
  double r = MIN (width, height) / 2.0 - 1;

  if (index == 0)
    {
      /* "No emotion": an empty dashed outline in the text colour. */
      GdkRGBA color;
      static const double dashes[] = { 3.0, 2.6 };

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gdk_cairo_set_source_rgba (cr, &color);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_arc (cr, cx, cy, r - 0.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      return;
    }

  waymark_emotion_face_draw (cr, palette, index - 1 + WAYMARK_EMOTION_MIN, cx, cy, r);
}

static void
update_caption (WaymarkEmotionPicker *self)
{
  gtk_label_set_label (GTK_LABEL (self->caption),
                       waymark_emotion_picker_describe (self->has_emotion, self->emotion));
}

static void
button_toggled_cb (GtkToggleButton      *button,
                   WaymarkEmotionPicker *self)
{
  guint index;

  g_assert (WAYMARK_IS_EMOTION_PICKER (self));

  /* Grouped toggle buttons also report the one that was switched off. */
  if (self->updating > 0 || !gtk_toggle_button_get_active (button))
    return;

  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  if (index == button_index (self->has_emotion, self->emotion))
    return;

  self->has_emotion = index != 0;
  self->emotion = index == 0 ? 0 : (int) index - 1 + WAYMARK_EMOTION_MIN;
  update_caption (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
dark_changed_cb (WaymarkEmotionPicker *self)
{
  g_assert (WAYMARK_IS_EMOTION_PICKER (self));

  for (guint i = 0; i < N_BUTTONS; i++)
    gtk_widget_queue_draw (self->faces[i]);
}

static void
waymark_emotion_picker_dispose (GObject *object)
{
  WaymarkEmotionPicker *self = WAYMARK_EMOTION_PICKER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (waymark_emotion_picker_parent_class)->dispose (object);
}

static void
waymark_emotion_picker_class_init (WaymarkEmotionPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_emotion_picker_dispose;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "emotion-picker");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
waymark_emotion_picker_init (WaymarkEmotionPicker *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (row, GTK_WIDGET (self));

  for (guint i = 0; i < N_BUTTONS; i++)
    {
      const char *name = waymark_emotion_picker_describe (i != 0, (int) i - 1 + WAYMARK_EMOTION_MIN);

      self->faces[i] = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->faces[i]), FACE_SIZE);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->faces[i]), FACE_SIZE);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->faces[i]), draw_face,
                                      GINT_TO_POINTER (i), NULL);
      gtk_widget_add_css_class (self->faces[i], "face-image");

      self->buttons[i] = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->buttons[i]), self->faces[i]);
      gtk_widget_add_css_class (self->buttons[i], "flat");
      gtk_widget_add_css_class (self->buttons[i], "circular");
      gtk_widget_add_css_class (self->buttons[i], "face");
      gtk_widget_set_tooltip_text (self->buttons[i], name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data (G_OBJECT (self->buttons[i]), "index", GUINT_TO_POINTER (i));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->buttons[i]),
                                     GTK_TOGGLE_BUTTON (self->buttons[0]));
      g_signal_connect (self->buttons[i], "toggled", G_CALLBACK (button_toggled_cb), self);
      gtk_box_append (GTK_BOX (row), self->buttons[i]);
    }
  /* A gap between "none" and the scale. */
  gtk_widget_add_css_class (self->buttons[0], "no-emotion");

  self->caption = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->caption, "caption");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));
  /* The pressed button already tells assistive technologies the value. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->caption), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Emotion"), -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  self->updating++;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[0]), TRUE);
  self->updating--;
  update_caption (self);
}

GtkWidget *
waymark_emotion_picker_new (void)
{
  return g_object_new (WAYMARK_TYPE_EMOTION_PICKER, NULL);
}

void
waymark_emotion_picker_set_emotion (WaymarkEmotionPicker *self,
                                    gboolean              has_emotion,
                                    int                   emotion)
{
  g_return_if_fail (WAYMARK_IS_EMOTION_PICKER (self));

  self->has_emotion = has_emotion;
  self->emotion = has_emotion ? CLAMP (emotion, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX) : 0;
  self->updating++;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[button_index (has_emotion, emotion)]), TRUE);
  self->updating--;
  update_caption (self);
}

gboolean
waymark_emotion_picker_get_emotion (WaymarkEmotionPicker *self,
                                    int                  *emotion)
{
  g_return_val_if_fail (WAYMARK_IS_EMOTION_PICKER (self), FALSE);

  if (emotion != NULL)
    *emotion = self->emotion;
  return self->has_emotion;
}

GtkWidget *
waymark_emotion_picker_get_button (WaymarkEmotionPicker *self,
                                   gboolean              has_emotion,
                                   int                   emotion)
{
  g_return_val_if_fail (WAYMARK_IS_EMOTION_PICKER (self), NULL);

  return self->buttons[button_index (has_emotion, emotion)];
}
