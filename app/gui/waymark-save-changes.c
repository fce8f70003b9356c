/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-save-changes.h"
#include "waymark-window.h"

typedef struct {
  GPtrArray *tabs;
  guint next;
  WaymarkDocumentTab *saving;
  gulong saving_handler;
  WaymarkSaveChangesFunc func;
  gpointer user_data;
} SaveChanges;

static void
finish (SaveChanges *state,
        gboolean     proceed)
{
  state->func (proceed, state->user_data);
  g_ptr_array_unref (state->tabs);
  g_free (state);
}

static void save_next (SaveChanges *state);

static void
save_finished_cb (WaymarkDocumentTab *tab,
                  gboolean            saved,
                  SaveChanges        *state)
{
  g_clear_signal_handler (&state->saving_handler, state->saving);
  state->saving = NULL;
  if (!saved)
    finish (state, FALSE);
  else
    save_next (state);
}

/* One after the other: an untitled map's file chooser must not stack on
 * another's. */
static void
save_next (SaveChanges *state)
{
  WaymarkDocumentTab *tab;

  if (state->next >= state->tabs->len)
    {
      finish (state, TRUE);
      return;
    }
  tab = g_ptr_array_index (state->tabs, state->next++);
  state->saving = tab;
  state->saving_handler = g_signal_connect (tab, "save-finished", G_CALLBACK (save_finished_cb), state);
  waymark_document_tab_save (tab, FALSE);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             SaveChanges      *state)
{
  g_signal_handlers_disconnect_by_data (dialog, state);
  if (g_strcmp0 (response, "save") == 0)
    save_next (state);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < state->tabs->len; i++)
        {
          WaymarkDocument *document = waymark_document_tab_get_document (g_ptr_array_index (state->tabs, i));

          if (document != NULL)
            waymark_document_discard_recovery (document);
        }
      finish (state, TRUE);
    }
  else
    finish (state, FALSE);
}

static GtkWidget *
unsaved_list (GPtrArray *tabs)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "unsaved-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Maps with unsaved changes"), -1);
  for (guint i = 0; i < tabs->len; i++)
    {
      WaymarkDocumentTab *tab = g_ptr_array_index (tabs, i);
      g_autofree char *name = waymark_document_tab_dup_name (tab);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), waymark_document_tab_get_journey_title (tab));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
      /* A list to read, not to act on: the focus stays on Save. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

AdwMessageDialog *
waymark_save_changes_ask (GtkWindow              *parent,
                          GPtrArray              *tabs,
                          WaymarkSaveChangesFunc  func,
                          gpointer                user_data)
{
  SaveChanges *state;
  GtkWidget *dialog;
  gboolean several;

  g_return_val_if_fail (tabs != NULL && tabs->len > 0, NULL);

  state = g_new0 (SaveChanges, 1);
  state->tabs = g_ptr_array_ref (tabs);
  state->func = func;
  state->user_data = user_data;
  several = tabs->len > 1;

  dialog = adw_message_dialog_new (parent, _("Save Changes?"), NULL);
  if (several)
    {
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "%u map has unsaved changes. Changes which are not saved will be permanently lost.",
                                                   "%u maps have unsaved changes. Changes which are not saved will be permanently lost.",
                                                   tabs->len),
                                      tabs->len);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), unsaved_list (tabs));
    }
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                                    waymark_document_tab_get_journey_title (g_ptr_array_index (tabs, 0)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", several ? _("_Discard All") : _("_Discard"),
                                    "save", several ? _("_Save All") : _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), state);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

GPtrArray *
waymark_save_changes_collect (GList *windows)
{
  GPtrArray *tabs = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      AdwTabView *view;

      if (!WAYMARK_IS_WINDOW (l->data))
        continue;
      view = waymark_window_get_tab_view (l->data);
      for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
        {
          WaymarkDocumentTab *tab = WAYMARK_DOCUMENT_TAB (adw_tab_page_get_child (adw_tab_view_get_nth_page (view, i)));

          waymark_document_tab_commit_editing (tab);
          if (waymark_document_tab_is_modified (tab))
            g_ptr_array_add (tabs, g_object_ref (tab));
        }
    }
  return tabs;
}

typedef struct {
  GPtrArray *tabs;        /* the ones saving, each with its handler */
  GArray *handlers;
  guint left;
  GCallback then;
  gpointer user_data;
  GDestroyNotify destroy;
} Waiting;

static void
waiting_save_finished_cb (WaymarkDocumentTab *tab,
                          gboolean            saved,
                          Waiting            *waiting)
{
  void (*then) (gpointer) = (void (*) (gpointer)) waiting->then;

  for (guint i = 0; i < waiting->tabs->len; i++)
    if (g_ptr_array_index (waiting->tabs, i) == tab)
      g_clear_signal_handler (&g_array_index (waiting->handlers, gulong, i), tab);
  if (--waiting->left > 0)
    return;
  then (waiting->user_data);
  if (waiting->destroy != NULL)
    waiting->destroy (waiting->user_data);
  g_ptr_array_unref (waiting->tabs);
  g_array_unref (waiting->handlers);
  g_free (waiting);
}

gboolean
waymark_save_changes_wait (GPtrArray      *tabs,
                           GCallback       then,
                           gpointer        user_data,
                           GDestroyNotify  destroy)
{
  Waiting *waiting = NULL;

  g_return_val_if_fail (tabs != NULL, FALSE);
  g_return_val_if_fail (then != NULL, FALSE);

  for (guint i = 0; i < tabs->len; i++)
    {
      WaymarkDocumentTab *tab = g_ptr_array_index (tabs, i);
      gulong handler;

      if (!waymark_document_is_saving (waymark_document_tab_get_document (tab)))
        continue;
      if (waiting == NULL)
        {
          waiting = g_new0 (Waiting, 1);
          waiting->tabs = g_ptr_array_new_with_free_func (g_object_unref);
          waiting->handlers = g_array_new (FALSE, TRUE, sizeof (gulong));
          waiting->then = then;
          waiting->user_data = user_data;
          waiting->destroy = destroy;
        }
      /* Every save asked for ends in exactly one ::save-finished. */
      handler = g_signal_connect (tab, "save-finished", G_CALLBACK (waiting_save_finished_cb), waiting);
      g_ptr_array_add (waiting->tabs, g_object_ref (tab));
      g_array_append_val (waiting->handlers, handler);
      waiting->left++;
    }
  if (waiting == NULL && destroy != NULL)
    destroy (user_data);
  return waiting != NULL;
}
