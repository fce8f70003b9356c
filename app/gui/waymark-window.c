/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-window-private.h"

G_DEFINE_FINAL_TYPE (WaymarkWindow, waymark_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_FILE,
  PROP_LOADING,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shows the document (or nothing) and tells property listeners. */
static void
set_document (WaymarkWindow   *self,
              WaymarkDocument *document)
{
  _waymark_window_set_document (self, document);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
show_load_error (WaymarkWindow *self,
                 GFile         *file,
                 const GError  *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  WaymarkDocument *document;
  GError *error = NULL;

  document = waymark_document_load (file, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, document, g_object_unref);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *res,
           gpointer      user_data)
{
  WaymarkWindow *self = WAYMARK_WINDOW (source_object);
  GTask *task = G_TASK (res);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) document = NULL;

  document = g_task_propagate_pointer (task, &error);

  /* A newer open() replaced this one. */
  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;

  g_clear_object (&self->load_cancellable);

  if (document == NULL)
    {
      _waymark_window_update_title (self);
      show_load_error (self, file, error);
    }
  else
    set_document (self, document);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
waymark_window_open (WaymarkWindow *self,
                     GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (self->document == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, waymark_window_open);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

WaymarkDocument *
waymark_window_get_document (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  return self->document;
}

WaymarkJourney *
waymark_window_get_journey (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  return self->document ? waymark_document_get_journey (self->document) : NULL;
}

GFile *
waymark_window_get_file (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  return self->document ? waymark_document_get_file (self->document) : NULL;
}

gboolean
waymark_window_get_loading (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}

gboolean
waymark_window_get_read_only (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);

  return self->document != NULL && waymark_document_is_read_only (self->document);
}

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  _waymark_window_editor_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_WINDOW);

  G_OBJECT_CLASS (waymark_window_parent_class)->dispose (object);
}

static void
waymark_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, waymark_window_get_journey (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, waymark_window_get_file (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, waymark_window_get_loading (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, waymark_window_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_class_init (WaymarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_window_dispose;
  object_class->get_property = waymark_window_get_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL,
                         WAYMARK_TYPE_JOURNEY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, stack);

  _waymark_window_class_actions_init (klass);
  _waymark_window_class_editor_init (klass);
}

static void
waymark_window_init (WaymarkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _waymark_window_editor_init (self);
  _waymark_window_update_title (self);
}

WaymarkWindow *
waymark_window_new (WaymarkApplication *application)
{
  return g_object_new (WAYMARK_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
