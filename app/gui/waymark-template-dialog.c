/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-application.h"
#include "waymark-layout.h"
#include "waymark-painter.h"
#include "waymark-template.h"
#include "waymark-template-dialog.h"

/* The size of a preview in the gallery, in logical pixels. */
#define PREVIEW_WIDTH  256
#define PREVIEW_HEIGHT 160
/* Below this zoom a map's cards are specks: a large map shows its top
 * left corner instead of the whole of it. */
#define PREVIEW_MIN_ZOOM 0.14

/* A texture shown at a logical size of its own: previews are rendered at
 * the screen's scale factor, but GtkPicture in GTK 4.8 would ask for the
 * texture's pixel size. */
#define WAYMARK_TYPE_SCALED_TEXTURE (waymark_scaled_texture_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkScaledTexture, waymark_scaled_texture, WAYMARK, SCALED_TEXTURE, GObject)

struct _WaymarkScaledTexture
{
  GObject parent_instance;
  GdkTexture *texture;
  int width;
  int height;
};

static void scaled_texture_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkScaledTexture, waymark_scaled_texture, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, scaled_texture_paintable_init))

static void
scaled_texture_snapshot (GdkPaintable *paintable,
                         GdkSnapshot  *snapshot,
                         double        width,
                         double        height)
{
  WaymarkScaledTexture *self = WAYMARK_SCALED_TEXTURE (paintable);

  gdk_paintable_snapshot (GDK_PAINTABLE (self->texture), snapshot, width, height);
}

static int
scaled_texture_get_intrinsic_width (GdkPaintable *paintable)
{
  return WAYMARK_SCALED_TEXTURE (paintable)->width;
}

static int
scaled_texture_get_intrinsic_height (GdkPaintable *paintable)
{
  return WAYMARK_SCALED_TEXTURE (paintable)->height;
}

static GdkPaintableFlags
scaled_texture_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
scaled_texture_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = scaled_texture_snapshot;
  iface->get_intrinsic_width = scaled_texture_get_intrinsic_width;
  iface->get_intrinsic_height = scaled_texture_get_intrinsic_height;
  iface->get_flags = scaled_texture_get_flags;
}

static void
waymark_scaled_texture_finalize (GObject *object)
{
  g_clear_object (&WAYMARK_SCALED_TEXTURE (object)->texture);
  G_OBJECT_CLASS (waymark_scaled_texture_parent_class)->finalize (object);
}

static void
waymark_scaled_texture_class_init (WaymarkScaledTextureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = waymark_scaled_texture_finalize;
}

static void
waymark_scaled_texture_init (WaymarkScaledTexture *self)
{
}

static GdkPaintable *
scaled_texture_new (GdkTexture *texture,
                    int         width,
                    int         height)
{
  WaymarkScaledTexture *self = g_object_new (WAYMARK_TYPE_SCALED_TEXTURE, NULL);

  self->texture = g_object_ref (texture);
  self->width = width;
  self->height = height;
  return GDK_PAINTABLE (self);
}

struct _WaymarkTemplateDialog
{
  AdwWindow parent_instance;

  GtkStack *stack;
  GtkFlowBox *gallery;
  AdwStatusPage *empty_page;

  GPtrArray *templates;         /* WaymarkTemplateInfo, in gallery order */
  GCancellable *cancellable;    /* the preview renderings */
  GSettings *settings;          /* nullable: an uninstalled build may have no schema */
};

G_DEFINE_FINAL_TYPE (WaymarkTemplateDialog, waymark_template_dialog, ADW_TYPE_WINDOW)

/* ---- Previews: rendered in a worker thread, one task per template ---- */

typedef struct {
  GFile *file;
  int scale_factor;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_object_unref (job->file);
  g_free (job);
}

/* The journey the template makes (translated: the preview shows what
 * Create gives), drawn by the one painter with the light palette. */
static GdkTexture *
render_preview (GFile   *file,
                int      scale_factor,
                GError **error)
{
  g_autoptr(WaymarkJourney) journey = waymark_template_instantiate (file, error);
  g_autoptr(WaymarkLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  WaymarkRect clip;
  double width, height, zoom;
  int pixel_width = PREVIEW_WIDTH * scale_factor;
  int pixel_height = PREVIEW_HEIGHT * scale_factor;

  if (journey == NULL)
    return NULL;

  layout = waymark_layout_new (journey, NULL);
  waymark_layout_get_size (layout, &width, &height);
  zoom = MAX (MIN (PREVIEW_WIDTH / width, PREVIEW_HEIGHT / height), PREVIEW_MIN_ZOOM);
  /* A map narrower than the preview is centred; a larger one shows its
   * top left, where the title and the first phases are. */
  clip.x = MIN (0.0, (width - PREVIEW_WIDTH / zoom) / 2.0);
  clip.y = 0.0;
  clip.width = PREVIEW_WIDTH / zoom;
  clip.height = PREVIEW_HEIGHT / zoom;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, zoom * scale_factor, zoom * scale_factor);
  cairo_translate (cr, -clip.x, -clip.y);
  waymark_painter_paint (layout, cr, &clip, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * (gsize) pixel_height);
  cairo_surface_destroy (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in native byte order. */
  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                 (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, pixel_width));
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  GdkTexture *texture;

  if (g_task_return_error_if_cancelled (task))
    return;

  texture = render_preview (job->file, job->scale_factor, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GdkPaintable) paintable = NULL;

  if (texture == NULL)
    {
      /* The template was listed, so it loaded a moment ago: a failure
       * now (the file changed) just leaves the preview blank. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("No preview: %s", error->message);
      return;
    }

  paintable = scaled_texture_new (texture, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_picture_set_paintable (picture, paintable);
}

static void
start_preview (WaymarkTemplateDialog *self,
               GtkPicture            *picture,
               GFile                 *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, preview_done, g_object_ref (picture));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  PreviewJob *job = g_new0 (PreviewJob, 1);

  job->file = g_object_ref (file);
  job->scale_factor = MAX (1, gtk_widget_get_scale_factor (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self)));
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, preview_thread);
}

/* ---- The gallery ---- */

static GtkWidget *
make_child (WaymarkTemplateDialog     *self,
            const WaymarkTemplateInfo *info)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *name = gtk_label_new (info->name);
  GtkWidget *description = gtk_label_new (info->description);
  g_autofree char *alternative = g_strdup_printf (_("Preview of “%s”"), info->name);

  gtk_widget_add_css_class (child, "template");
  gtk_widget_add_css_class (frame, "template-preview");
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (picture, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), alternative);
  gtk_frame_set_child (GTK_FRAME (frame), picture);

  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);

  gtk_widget_add_css_class (description, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_lines (GTK_LABEL (description), 2);
  gtk_label_set_ellipsize (GTK_LABEL (description), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 1);
  gtk_label_set_xalign (GTK_LABEL (description), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (description), 0.0f);
  gtk_widget_set_vexpand (description, TRUE);

  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_size_request (box, PREVIEW_WIDTH, -1);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);

  /* Screen readers announce the template, not the labels one by one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, info->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info->description,
                                  -1);

  start_preview (self, GTK_PICTURE (picture), info->file);
  return child;
}

static const WaymarkTemplateInfo *
get_selected (WaymarkTemplateDialog *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->gallery);
  int index;

  if (selected == NULL || self->templates == NULL)
    return NULL;
  index = gtk_flow_box_child_get_index (selected->data);
  if (index < 0 || (guint) index >= self->templates->len)
    return NULL;
  return g_ptr_array_index (self->templates, index);
}

static void
selection_changed_cb (WaymarkTemplateDialog *self)
{
  g_assert (WAYMARK_IS_TEMPLATE_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.create", get_selected (self) != NULL);
}

static void
create (WaymarkTemplateDialog *self)
{
  const WaymarkTemplateInfo *info = get_selected (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *uri = NULL;

  if (info == NULL)
    return;

  uri = g_file_get_uri (info->file);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-template", info->basename);

  if (parent == NULL ||
      !gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-from-template", "s", uri))
    g_warning ("Cannot create a journey from %s: the window has no win.new-from-template action", uri);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
child_activated_cb (WaymarkTemplateDialog *self,
                    GtkFlowBoxChild       *child)
{
  g_assert (WAYMARK_IS_TEMPLATE_DIALOG (self));

  gtk_flow_box_select_child (self->gallery, child);
  create (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  create (WAYMARK_TEMPLATE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "last-template"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
populate (WaymarkTemplateDialog *self)
{
  g_autoptr(GFile) dir = waymark_application_find_data_dir ("templates");
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  GtkFlowBoxChild *preselect = NULL;

  if (dir != NULL)
    self->templates = waymark_template_list (dir, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("The folder of templates is missing. Please reinstall Waymark."));

  if (self->templates == NULL || self->templates->len == 0)
    {
      if (error != NULL)
        adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.create", FALSE);
      return;
    }

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-template");

  for (guint i = 0; i < self->templates->len; i++)
    {
      const WaymarkTemplateInfo *info = g_ptr_array_index (self->templates, i);
      GtkWidget *child = make_child (self, info);

      gtk_flow_box_append (self->gallery, child);
      if (preselect == NULL && g_strcmp0 (info->basename, last) == 0)
        preselect = GTK_FLOW_BOX_CHILD (child);
    }

  if (preselect == NULL)
    preselect = gtk_flow_box_get_child_at_index (self->gallery, 0);
  /* Focused the way Tab focuses a child, which also makes it the flow
   * box's cursor: arrows and Enter work at once.  (Selecting it and
   * grabbing the focus would leave the arrows without a cursor to move.) */
  gtk_widget_child_focus (GTK_WIDGET (preselect), GTK_DIR_TAB_FORWARD);
  gtk_flow_box_select_child (self->gallery, preselect);
  selection_changed_cb (self);
}

static void
waymark_template_dialog_constructed (GObject *object)
{
  WaymarkTemplateDialog *self = WAYMARK_TEMPLATE_DIALOG (object);

  G_OBJECT_CLASS (waymark_template_dialog_parent_class)->constructed (object);

  /* Here rather than in init: the previews are rendered at the scale
   * factor of the parent, which is set by now. */
  populate (self);
}

static void
waymark_template_dialog_dispose (GObject *object)
{
  WaymarkTemplateDialog *self = WAYMARK_TEMPLATE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (waymark_template_dialog_parent_class)->dispose (object);
}

static void
waymark_template_dialog_finalize (GObject *object)
{
  WaymarkTemplateDialog *self = WAYMARK_TEMPLATE_DIALOG (object);

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (waymark_template_dialog_parent_class)->finalize (object);
}

static void
waymark_template_dialog_class_init (WaymarkTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = waymark_template_dialog_constructed;
  object_class->dispose = waymark_template_dialog_dispose;
  object_class->finalize = waymark_template_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkTemplateDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTemplateDialog, gallery);
  gtk_widget_class_bind_template_child (widget_class, WaymarkTemplateDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "template.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "template.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "template.cancel", NULL);
}

static void
waymark_template_dialog_init (WaymarkTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = lookup_settings ();
}

GtkWidget *
waymark_template_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (WAYMARK_TYPE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
}
