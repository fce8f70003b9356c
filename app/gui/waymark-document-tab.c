/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-document-tab-private.h"
#include "waymark-preferences.h"
#include "waymark-template.h"

G_DEFINE_FINAL_TYPE (WaymarkDocumentTab, waymark_document_tab, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  LOAD_FAILED,
  SAVE_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_waymark_document_tab_emit_changed (WaymarkDocumentTab *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_waymark_document_tab_save_finished (WaymarkDocumentTab *self,
                                     gboolean            saved)
{
  g_signal_emit (self, signals[SAVE_FINISHED], 0, saved);
}

GtkWindow *
_waymark_document_tab_get_parent_window (WaymarkDocumentTab *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_waymark_document_tab_show_error (WaymarkDocumentTab *self,
                                  gboolean            saving,
                                  GFile              *file,
                                  const GError       *error)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : waymark_document_tab_dup_name (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (_waymark_document_tab_get_parent_window (self), NULL, error->message);
  if (saving)
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Save “%s”"), name);
  else
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Following the document ---- */

static void
history_changed_cb (WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  _waymark_document_tab_emit_changed (self);
}

static void
journey_changed_cb (WaymarkJourney     *journey,
                    WaymarkChange      *change,
                    WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  if (change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    _waymark_document_tab_emit_changed (self);
}

static void
unbind (WaymarkDocumentTab *self)
{
  if (self->bound_journey != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_journey, self);
  if (self->bound_history != NULL)
    g_signal_handlers_disconnect_by_data (self->bound_history, self);
  g_clear_object (&self->bound_journey);
  g_clear_object (&self->bound_history);
}

/* The document replaces its journey and history on a reload. */
static void
bind_journey (WaymarkDocumentTab *self)
{
  unbind (self);
  if (self->document == NULL)
    return;

  self->bound_journey = g_object_ref (waymark_document_get_journey (self->document));
  self->bound_history = g_object_ref (waymark_document_get_history (self->document));
  g_signal_connect (self->bound_journey, "changed", G_CALLBACK (journey_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-undo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::can-redo", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::undo-label", G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (self->bound_history, "notify::redo-label", G_CALLBACK (history_changed_cb), self);
}

static void
document_notify_cb (WaymarkDocument    *document,
                    GParamSpec         *pspec,
                    WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  if (g_strcmp0 (pspec->name, "journey") == 0)
    {
      bind_journey (self);
      /* A reload brings the version on disk. */
      gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
    }
  if (g_strcmp0 (pspec->name, "file") == 0)
    {
      g_set_object (&self->file, waymark_document_get_file (document));
      if (self->file != NULL)
        self->untitled_number = 0;
      _waymark_document_tab_watch_file (self);
      _waymark_document_tab_lock_file (self);
    }
  _waymark_document_tab_emit_changed (self);
}

static void
changed_on_disk_cb (WaymarkDocument    *document,
                    WaymarkDocumentTab *self)
{
  g_assert (WAYMARK_IS_DOCUMENT_TAB (self));

  gtk_revealer_set_reveal_child (self->disk_banner, TRUE);
}

/* The recovery journal as the Preferences say, now and when they change. */
static void
apply_recovery_settings (WaymarkDocumentTab *self)
{
  if (self->document != NULL && self->settings != NULL)
    waymark_document_set_recovery_delay (self->document, waymark_preferences_recovery_delay (self->settings));
}

static void
set_document (WaymarkDocumentTab *self,
              WaymarkDocument    *document)
{
  g_assert (self->document == NULL);

  self->document = g_object_ref (document);
  g_set_object (&self->file, waymark_document_get_file (document));
  g_signal_connect (document, "notify", G_CALLBACK (document_notify_cb), self);
  g_signal_connect (document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb), self);
  bind_journey (self);
  _waymark_document_tab_watch_file (self);
  _waymark_document_tab_lock_file (self);
  apply_recovery_settings (self);

  waymark_editor_set_document (self->editor, document);
  gtk_stack_set_visible_child_name (self->tab_stack, "editor");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  _waymark_document_tab_emit_changed (self);
}

/* ---- Loading ---- */

typedef struct {
  GFile *file;
  gboolean as_template;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_object_unref (data->file);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  WaymarkDocument *document;
  GError *error = NULL;

  if (data->as_template)
    {
      g_autoptr(WaymarkJourney) journey = waymark_template_instantiate (data->file, &error);

      document = journey != NULL ? waymark_document_new_untitled (journey) : NULL;
    }
  else
    document = waymark_document_load (data->file, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
forget_recent (GFile *file)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autofree char *uri = g_file_get_uri (file);

  if (gtk_recent_manager_has_item (manager, uri))
    gtk_recent_manager_remove_item (manager, uri, NULL);
}

static void
load_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  WaymarkDocumentTab *self = WAYMARK_DOCUMENT_TAB (source_object);
  GTask *task = G_TASK (result);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) document = g_task_propagate_pointer (task, &error);

  if (g_task_get_cancellable (task) != self->load_cancellable ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);

  if (document == NULL)
    {
      /* The file chooser put what it opened into the recent files: a map
       * that does not open is not one to go back to. */
      if (!data->as_template)
        forget_recent (data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  if (!data->as_template)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }
  set_document (self, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

WaymarkDocumentTab *
waymark_document_tab_new_for_file (GFile    *file,
                                   gboolean  as_template)
{
  WaymarkDocumentTab *self;
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (WAYMARK_TYPE_DOCUMENT_TAB, NULL);
  /* Names the tab while it loads (and the error); a template's copy has
   * no file once loaded. */
  self->file = g_object_ref (file);
  self->load_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->tab_stack, "loading");

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->as_template = as_template;
  task = g_task_new (self, self->load_cancellable, load_done, NULL);
  g_task_set_source_tag (task, waymark_document_tab_new_for_file);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
  return self;
}

WaymarkDocumentTab *
waymark_document_tab_new (WaymarkDocument *document)
{
  WaymarkDocumentTab *self;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  self = g_object_new (WAYMARK_TYPE_DOCUMENT_TAB, NULL);
  set_document (self, document);
  return self;
}

/* ---- Public ---- */

WaymarkDocument *
waymark_document_tab_get_document (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);
  return self->document;
}

WaymarkEditor *
waymark_document_tab_get_editor (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);
  return self->editor;
}

GFile *
waymark_document_tab_get_file (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);
  return self->file;
}

gboolean
waymark_document_tab_get_loading (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), FALSE);
  return self->load_cancellable != NULL;
}

gboolean
waymark_document_tab_is_modified (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), FALSE);
  return self->document != NULL && waymark_document_is_modified (self->document);
}

gboolean
waymark_document_tab_is_empty (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), FALSE);

  return self->document != NULL &&
         waymark_document_is_untitled (self->document) &&
         !waymark_document_is_modified (self->document) &&
         !waymark_history_can_undo (waymark_document_get_history (self->document)) &&
         waymark_journey_get_n_items (waymark_document_get_journey (self->document), WAYMARK_ITEM_TOUCHPOINT) == 0;
}

guint
waymark_document_tab_get_untitled_number (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), 0);
  return self->untitled_number;
}

void
waymark_document_tab_set_untitled_number (WaymarkDocumentTab *self,
                                          guint               number)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  self->untitled_number = number;
  _waymark_document_tab_emit_changed (self);
}

char *
waymark_document_tab_dup_name (WaymarkDocumentTab *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);

  if (self->document != NULL && !waymark_document_is_untitled (self->document))
    return g_strdup (waymark_document_get_title (self->document));
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (self->untitled_number > 1)
    /* TRANSLATORS: the name of the second, third, … new map */
    return g_strdup_printf (_("Untitled Map %u"), self->untitled_number);
  return g_strdup (_("Untitled Map"));
}

const char *
waymark_document_tab_get_journey_title (WaymarkDocumentTab *self)
{
  const char *title = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);

  if (self->document != NULL)
    title = waymark_journey_get_text (waymark_document_get_journey (self->document), WAYMARK_FIELD_TITLE);
  return title != NULL && title[0] != '\0' ? title : _("Untitled Journey");
}

void
waymark_document_tab_undo (WaymarkDocumentTab *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));
  if (self->bound_history != NULL)
    waymark_history_undo (self->bound_history);
}

void
waymark_document_tab_redo (WaymarkDocumentTab *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));
  if (self->bound_history != NULL)
    waymark_history_redo (self->bound_history);
}

void
waymark_document_tab_commit_editing (WaymarkDocumentTab *self)
{
  WaymarkCanvas *canvas;

  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));

  canvas = waymark_editor_get_canvas (self->editor);
  if (waymark_canvas_is_editing (canvas))
    gtk_widget_grab_focus (GTK_WIDGET (canvas));
}

void
waymark_document_tab_add_toast (WaymarkDocumentTab *self,
                                AdwToast           *toast)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));
  waymark_editor_add_toast (self->editor, toast);
}

void
waymark_document_tab_focus (WaymarkDocumentTab *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT_TAB (self));
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (waymark_editor_get_canvas (self->editor)));
}

char *
waymark_document_tab_default_file_name (WaymarkDocumentTab *self)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT_TAB (self), NULL);

  base = g_strdup (waymark_document_tab_get_journey_title (self));
  /* Characters that file systems refuse or that mean a folder. */
  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);
  return g_strconcat (base[0] != '\0' ? base : "journey", ".journey", NULL);
}

/* ---- GObject ---- */

static void
waymark_document_tab_root (GtkWidget *widget)
{
  WaymarkDocumentTab *self = WAYMARK_DOCUMENT_TAB (widget);

  GTK_WIDGET_CLASS (waymark_document_tab_parent_class)->root (widget);

  /* Asks about someone else's lock over the window the tab is in. */
  if (self->lock_pending)
    _waymark_document_tab_lock_file (self);
}

static void
waymark_document_tab_dispose (GObject *object)
{
  WaymarkDocumentTab *self = WAYMARK_DOCUMENT_TAB (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  unbind (self);
  _waymark_document_tab_disk_dispose (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_DOCUMENT_TAB);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (waymark_document_tab_parent_class)->dispose (object);
}

static void
waymark_document_tab_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkDocumentTab *self = WAYMARK_DOCUMENT_TAB (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, waymark_document_tab_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reload_from_disk_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  waymark_document_tab_reload_from_disk (WAYMARK_DOCUMENT_TAB (widget));
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  waymark_document_tab_keep_mine (WAYMARK_DOCUMENT_TAB (widget));
}

static void
edit_shared_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  _waymark_document_tab_edit_shared (WAYMARK_DOCUMENT_TAB (widget));
}

static void
waymark_document_tab_class_init (WaymarkDocumentTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_document_tab_dispose;
  object_class->get_property = waymark_document_tab_get_property;
  widget_class->root = waymark_document_tab_root;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SAVE_FINISHED] =
    g_signal_new ("save-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (WAYMARK_TYPE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-document-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkDocumentTab, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDocumentTab, tab_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkDocumentTab, editor);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  /* The banner's buttons act on the tab they are in. */
  gtk_widget_class_install_action (widget_class, "tab.reload-from-disk", NULL, reload_from_disk_action);
  gtk_widget_class_install_action (widget_class, "tab.keep-mine", NULL, keep_mine_action);
  /* The read-only banner's (in the editor) when someone else has the map open. */
  gtk_widget_class_install_action (widget_class, "tab.edit-shared", NULL, edit_shared_action);
}

static void
waymark_document_tab_init (WaymarkDocumentTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tab.edit-shared", FALSE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->settings = waymark_preferences_get_settings ();
  if (self->settings != NULL)
    {
      g_signal_connect_swapped (self->settings, "changed::autosave",
                                G_CALLBACK (apply_recovery_settings), self);
      g_signal_connect_swapped (self->settings, "changed::autosave-delay-seconds",
                                G_CALLBACK (apply_recovery_settings), self);
    }
}
