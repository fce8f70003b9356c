/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-save-changes.h"
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

void
_waymark_window_notify_document (WaymarkWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static WaymarkDocumentTab *
tab_of_page (AdwTabPage *page)
{
  return WAYMARK_DOCUMENT_TAB (adw_tab_page_get_child (page));
}

/* The windows whose tabs count as "open anywhere": the application's, or
 * just this one outside an application (tests). */
static GList *
sibling_windows (WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return g_list_prepend (NULL, self);
  return g_list_copy (gtk_application_get_windows (app));
}

guint
_waymark_window_next_untitled_number (WaymarkWindow *self)
{
  GList *windows = sibling_windows (self);
  g_autoptr(GArray) used = g_array_new (FALSE, TRUE, sizeof (gboolean));
  guint number = 1;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AdwTabView *view;

      if (!WAYMARK_IS_WINDOW (l->data))
        continue;
      view = WAYMARK_WINDOW (l->data)->tab_view;
      for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
        {
          guint n = waymark_document_tab_get_untitled_number (tab_of_page (adw_tab_view_get_nth_page (view, i)));

          if (n >= used->len)
            g_array_set_size (used, n + 1);
          g_array_index (used, gboolean, n) = TRUE;
        }
    }
  g_list_free (windows);

  while (number < used->len && g_array_index (used, gboolean, number))
    number++;
  return number;
}

/* ---- Following the tabs ---- */

static void
update_loading (WaymarkWindow *self)
{
  guint n_loading = 0;

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    if (waymark_document_tab_get_loading (tab_of_page (adw_tab_view_get_nth_page (self->tab_view, i))))
      n_loading++;
  if (n_loading == self->n_loading)
    return;
  self->n_loading = n_loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
update_tab_actions (WaymarkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-tab-to-new-window",
                                 adw_tab_view_get_n_pages (self->tab_view) > 1);
}

static void
tab_changed_cb (WaymarkDocumentTab *tab,
                WaymarkWindow      *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  _waymark_window_tab_changed (self, tab);
}

static void
tab_loading_cb (WaymarkDocumentTab *tab,
                GParamSpec         *pspec,
                WaymarkWindow      *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  _waymark_window_tab_changed (self, tab);
  update_loading (self);
  if (tab == self->selected && !waymark_document_tab_get_loading (tab))
    {
      _waymark_window_notify_document (self);
      waymark_document_tab_focus (tab);
    }
}

static void
tab_load_failed_cb (WaymarkDocumentTab *tab,
                    const GError       *error,
                    WaymarkWindow      *self)
{
  GFile *file = waymark_document_tab_get_file (tab);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : waymark_document_tab_dup_name (tab);
  AdwTabPage *page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (tab));
  GtkWidget *dialog;

  g_assert (WAYMARK_IS_WINDOW (self));

  /* The loader's message says what is wrong, and where (file:line). */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
page_attached_cb (AdwTabView    *view,
                  AdwTabPage    *page,
                  int            position,
                  WaymarkWindow *self)
{
  WaymarkDocumentTab *tab = tab_of_page (page);

  g_assert (WAYMARK_IS_WINDOW (self));

  g_signal_connect (tab, "changed", G_CALLBACK (tab_changed_cb), self);
  g_signal_connect (tab, "notify::loading", G_CALLBACK (tab_loading_cb), self);
  g_signal_connect (tab, "load-failed", G_CALLBACK (tab_load_failed_cb), self);
  _waymark_window_update_page (self, page);
  update_loading (self);
  update_tab_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
page_detached_cb (AdwTabView    *view,
                  AdwTabPage    *page,
                  int            position,
                  WaymarkWindow *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  g_signal_handlers_disconnect_by_data (tab_of_page (page), self);
  if (tab_of_page (page) == self->selected)
    {
      AdwTabPage *selected = adw_tab_view_get_selected_page (view);

      _waymark_window_select_tab (self, selected != NULL && selected != page ? tab_of_page (selected) : NULL);
    }
  if (page == self->menu_page)
    self->menu_page = NULL;
  update_loading (self);
  update_tab_actions (self);
  if (adw_tab_view_get_n_pages (view) > 0)
    return;

  /* A window whose last tab was dragged away goes with it; one whose last
   * tab was closed offers to start anew. */
  if (adw_tab_view_get_is_transferring_page (view))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
selected_page_cb (AdwTabView    *view,
                  GParamSpec    *pspec,
                  WaymarkWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (view);

  g_assert (WAYMARK_IS_WINDOW (self));

  _waymark_window_select_tab (self, page != NULL ? tab_of_page (page) : NULL);
}

typedef struct {
  WaymarkWindow *window;
  AdwTabPage *page;
} ClosingTab;

static void
close_tab_answered (gboolean proceed,
                    gpointer user_data)
{
  ClosingTab *closing = user_data;
  AdwTabView *view = closing->window->tab_view;

  if (adw_tab_view_get_page (view, adw_tab_page_get_child (closing->page)) == closing->page)
    adw_tab_view_close_page_finish (view, closing->page, proceed);
  g_object_unref (closing->window);
  g_object_unref (closing->page);
  g_free (closing);
}

/* A tab with unsaved changes asks first: Save, Discard or Cancel. */
static void
ask_or_close (ClosingTab *closing)
{
  WaymarkDocumentTab *tab = tab_of_page (closing->page);
  g_autoptr(GPtrArray) tabs = NULL;

  if (!waymark_document_tab_is_modified (tab))
    {
      close_tab_answered (TRUE, closing);
      return;
    }
  tabs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tabs, g_object_ref (tab));
  adw_tab_view_set_selected_page (closing->window->tab_view, closing->page);
  waymark_save_changes_ask (GTK_WINDOW (closing->window), tabs, close_tab_answered, closing);
}

static gboolean
close_page_cb (AdwTabView    *view,
               AdwTabPage    *page,
               WaymarkWindow *self)
{
  WaymarkDocumentTab *tab = tab_of_page (page);
  g_autoptr(GPtrArray) tabs = NULL;
  ClosingTab *closing;

  g_assert (WAYMARK_IS_WINDOW (self));

  waymark_document_tab_commit_editing (tab);
  if (!waymark_document_tab_is_modified (tab))
    return GDK_EVENT_PROPAGATE;

  closing = g_new0 (ClosingTab, 1);
  closing->window = g_object_ref (self);
  closing->page = g_object_ref (page);
  tabs = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (tabs, g_object_ref (tab));
  /* Ctrl+W right after Ctrl+S: the map counts as modified until its
   * save on the worker thread ends.  Wait for it, then ask only if
   * something is still unsaved (an edit since, or a failed save). */
  if (waymark_save_changes_wait (tabs, G_CALLBACK (ask_or_close), closing, NULL))
    return GDK_EVENT_STOP;
  ask_or_close (closing);
  return GDK_EVENT_STOP;
}

/* The tab menu's actions act on the page it was opened for; libadwaita
 * forgets that page only after the chosen action ran. */
static void
setup_menu_cb (AdwTabView    *view,
               AdwTabPage    *page,
               WaymarkWindow *self)
{
  g_assert (WAYMARK_IS_WINDOW (self));

  self->menu_page = page;
}

AdwTabPage *
_waymark_window_get_action_page (WaymarkWindow *self)
{
  if (self->menu_page != NULL && adw_tab_view_get_page (self->tab_view, adw_tab_page_get_child (self->menu_page)) == self->menu_page)
    return self->menu_page;
  return adw_tab_view_get_selected_page (self->tab_view);
}

/* A tab dropped outside every window gets a window of its own. */
static AdwTabView *
create_window_cb (AdwTabView    *view,
                  WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  WaymarkWindow *window = waymark_window_new (app != NULL ? WAYMARK_APPLICATION (app) : NULL);

  g_assert (WAYMARK_IS_WINDOW (self));

  gtk_window_present (GTK_WINDOW (window));
  return window->tab_view;
}

/* ---- Opening ---- */

WaymarkDocumentTab *
waymark_window_find_tab (WaymarkWindow *self,
                         GFile         *file)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      WaymarkDocumentTab *tab = tab_of_page (adw_tab_view_get_nth_page (self->tab_view, i));
      GFile *shown = waymark_document_tab_get_file (tab);

      if (shown != NULL && g_file_equal (shown, file))
        return tab;
    }
  return NULL;
}

/* Adds @tab after the selected one and selects it; with @replace_empty,
 * in place of a selected untitled map that was never edited and has no
 * touchpoints (a file opened into a fresh window does not leave a blank
 * map beside it). */
static void
add_tab (WaymarkWindow      *self,
         WaymarkDocumentTab *tab,
         gboolean            replace_empty)
{
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  AdwTabPage *page;

  if (self->selected != NULL)
    {
      waymark_editor_set_show_inspector (waymark_document_tab_get_editor (tab),
                                         gtk_toggle_button_get_active (self->inspector_button));
      waymark_editor_set_show_palette (waymark_document_tab_get_editor (tab),
                                       gtk_toggle_button_get_active (self->palette_button));
    }
  if (selected != NULL)
    page = adw_tab_view_insert (self->tab_view, GTK_WIDGET (tab), adw_tab_view_get_page_position (self->tab_view, selected) + 1);
  else
    page = adw_tab_view_append (self->tab_view, GTK_WIDGET (tab));
  adw_tab_view_set_selected_page (self->tab_view, page);

  if (replace_empty && selected != NULL && waymark_document_tab_is_empty (tab_of_page (selected)))
    adw_tab_view_close_page (self->tab_view, selected);
}

void
waymark_window_open (WaymarkWindow *self,
                     GFile         *file)
{
  gboolean as_template;
  WaymarkDocumentTab *tab;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (_waymark_window_is_cjml (file))
    {
      _waymark_window_open_cjml (self, file);
      return;
    }

  as_template = waymark_application_is_template_file (file);
  if (!as_template)
    {
      GList *windows = sibling_windows (self);

      for (GList *l = windows; l != NULL; l = l->next)
        {
          WaymarkWindow *window = l->data;

          if (!WAYMARK_IS_WINDOW (window) || (tab = waymark_window_find_tab (window, file)) == NULL)
            continue;
          adw_tab_view_set_selected_page (window->tab_view,
                                          adw_tab_view_get_page (window->tab_view, GTK_WIDGET (tab)));
          if (window != self)
            gtk_window_present (GTK_WINDOW (window));
          g_list_free (windows);
          return;
        }
      g_list_free (windows);
    }

  tab = waymark_document_tab_new_for_file (file, as_template);
  if (as_template)
    waymark_document_tab_set_untitled_number (tab, _waymark_window_next_untitled_number (self));
  add_tab (self, tab, TRUE);
}

WaymarkDocumentTab *
waymark_window_add_document (WaymarkWindow   *self,
                             WaymarkDocument *document)
{
  WaymarkDocumentTab *tab;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  tab = waymark_document_tab_new (document);
  if (waymark_document_is_untitled (document))
    waymark_document_tab_set_untitled_number (tab, _waymark_window_next_untitled_number (self));
  add_tab (self, tab, FALSE);
  waymark_document_tab_focus (tab);
  return tab;
}

/* ---- Public ---- */

AdwTabView *
waymark_window_get_tab_view (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->tab_view;
}

WaymarkDocumentTab *
waymark_window_get_selected_tab (WaymarkWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  return page != NULL ? tab_of_page (page) : NULL;
}

WaymarkDocument *
waymark_window_get_document (WaymarkWindow *self)
{
  WaymarkDocumentTab *tab;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  tab = waymark_window_get_selected_tab (self);
  return tab != NULL ? waymark_document_tab_get_document (tab) : NULL;
}

WaymarkJourney *
waymark_window_get_journey (WaymarkWindow *self)
{
  WaymarkDocument *document;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  document = waymark_window_get_document (self);
  return document ? waymark_document_get_journey (document) : NULL;
}

GFile *
waymark_window_get_file (WaymarkWindow *self)
{
  WaymarkDocument *document;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);

  document = waymark_window_get_document (self);
  return document ? waymark_document_get_file (document) : NULL;
}

gboolean
waymark_window_get_loading (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);

  return self->n_loading > 0;
}

gboolean
waymark_window_get_read_only (WaymarkWindow *self)
{
  WaymarkDocument *document;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);

  document = waymark_window_get_document (self);
  return document != NULL && waymark_document_is_read_only (document);
}

gboolean
waymark_window_save_to (WaymarkWindow *self,
                        GFile         *file)
{
  WaymarkDocumentTab *tab;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  tab = waymark_window_get_selected_tab (self);
  return tab != NULL && waymark_document_tab_save_to (tab, file);
}

char *
_waymark_window_default_file_name (WaymarkWindow *self)
{
  WaymarkDocumentTab *tab = waymark_window_get_selected_tab (self);

  return tab != NULL ? waymark_document_tab_default_file_name (tab) : g_strdup ("journey.journey");
}

/* ---- GObject ---- */

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  if (self->tab_view != NULL)
    g_signal_handlers_disconnect_by_data (self->tab_view, self);
  for (int i = 0; self->tab_view != NULL && i < adw_tab_view_get_n_pages (self->tab_view); i++)
    g_signal_handlers_disconnect_by_data (tab_of_page (adw_tab_view_get_nth_page (self->tab_view, i)), self);
  _waymark_window_editor_dispose (self);
  _waymark_window_recent_dispose (self);

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

  g_type_ensure (WAYMARK_TYPE_DOCUMENT_TAB);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, tab_bar);

  _waymark_window_class_actions_init (klass);
  _waymark_window_class_editor_init (klass);
  _waymark_window_class_present_init (klass);
  _waymark_window_class_recent_init (klass);
  _waymark_window_class_findings_init (klass);
}

static void
waymark_window_init (WaymarkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+PageUp/PageDown, Ctrl+Tab, Alt+1…9, Ctrl+Shift+PageUp/PageDown
   * to move a tab: from anywhere in the window. */
  adw_tab_view_set_shortcuts (self->tab_view, ADW_TAB_VIEW_SHORTCUT_ALL_SHORTCUTS);
  g_signal_connect (self->tab_view, "page-attached", G_CALLBACK (page_attached_cb), self);
  g_signal_connect (self->tab_view, "page-detached", G_CALLBACK (page_detached_cb), self);
  g_signal_connect (self->tab_view, "notify::selected-page", G_CALLBACK (selected_page_cb), self);
  g_signal_connect (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self);
  g_signal_connect (self->tab_view, "create-window", G_CALLBACK (create_window_cb), self);
  g_signal_connect (self->tab_view, "setup-menu", G_CALLBACK (setup_menu_cb), self);
  update_tab_actions (self);

  _waymark_window_editor_init (self);
  _waymark_window_recent_init (self);
  _waymark_window_select_tab (self, NULL);
}

WaymarkWindow *
waymark_window_new (WaymarkApplication *application)
{
  return g_object_new (WAYMARK_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
