/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-editor.h"
#include "waymark-window.h"

G_BEGIN_DECLS

struct _WaymarkWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwTabView          *tab_view;
  AdwTabBar           *tab_bar;
  GtkWidget           *undo_button;
  GtkWidget           *redo_button;
  GtkToggleButton     *inspector_button;
  GtkToggleButton     *palette_button;
  GtkToggleButton     *findings_button;
  GtkLabel            *findings_label;
  GtkLabel            *findings_short_label;
  GtkWidget           *recent_group;
  GtkListBox          *recent_list;

  /* The tab whose state the header bar shows (the selected one). */
  WaymarkDocumentTab  *selected;
  /* The page whose context menu is open: its actions act on it. */
  AdwTabPage          *menu_page;
  GBinding            *inspector_binding;
  GBinding            *palette_binding;
  /* The selected tab's findings panel: its show-findings and its counts. */
  GBinding            *findings_binding;
  WaymarkFindingsPanel *findings_panel;
  gulong               findings_changed_id;
  /* A dialog asks about unsaved changes before the window closes. */
  gboolean             asking;
  /* Tabs of the window that are still loading. */
  guint                n_loading;
  GtkRecentManager    *recent_manager;
  /* Presentation mode: the header bar it hides, the editor presenting
   * (a weak pointer; NULL when not presenting). */
  GtkWidget           *header_bar;
  WaymarkEditor       *presenting_editor;
};

/* waymark-window-actions.c: Open, New, export, print, about, tabs */
void _waymark_window_class_actions_init (WaymarkWindowClass *klass);
/* waymark-window-present.c: presentation mode (F11) */
void _waymark_window_class_present_init (WaymarkWindowClass *klass);
/* Leaves presentation mode if the window is in it (a tab closes). */
void _waymark_window_leave_presenting   (WaymarkWindow *self);
/* waymark-window-editor.c: the selected tab in the header bar, the
 * actions that act on it, closing with unsaved changes */
void _waymark_window_class_editor_init  (WaymarkWindowClass *klass);
void _waymark_window_editor_init        (WaymarkWindow *self);
void _waymark_window_editor_dispose     (WaymarkWindow *self);
/* Follows the newly selected tab (or none). */
void _waymark_window_select_tab         (WaymarkWindow *self, WaymarkDocumentTab *tab);
void _waymark_window_update_title       (WaymarkWindow *self);
/* A tab's state changed: its page, and the header when it is selected. */
void _waymark_window_tab_changed        (WaymarkWindow *self, WaymarkDocumentTab *tab);
/* Tells "journey", "file" and "read-only" listeners (waymark-window.c). */
void _waymark_window_notify_document    (WaymarkWindow *self);
/* Updates a tab page's title, tooltip and indicator from its tab. */
void _waymark_window_update_page        (WaymarkWindow *self, AdwTabPage *page);
/* The file name Save As offers: the journey's title with ".journey". */
char *_waymark_window_default_file_name (WaymarkWindow *self);
/* waymark-window-findings.c: the header bar's Findings button, F8 */
void _waymark_window_class_findings_init (WaymarkWindowClass *klass);
/* Follows @tab's findings (NULL: none). */
void _waymark_window_findings_bind      (WaymarkWindow *self, WaymarkDocumentTab *tab);
/* waymark-window-recent.c: the start page's list of recent maps */
void _waymark_window_recent_init        (WaymarkWindow *self);
void _waymark_window_recent_dispose     (WaymarkWindow *self);
void _waymark_window_class_recent_init  (WaymarkWindowClass *klass);
/* The page a tab action acts on: the one whose menu is open, or the
 * selected one. */
AdwTabPage *_waymark_window_get_action_page (WaymarkWindow *self);
/* The lowest untitled number not in use in the application's windows. */
guint _waymark_window_next_untitled_number (WaymarkWindow *self);

/* Whether @file is named as a CJML document ("….cjml"). */
gboolean _waymark_window_is_cjml        (GFile *file);
/* Opens the CJML journey of @file as a new untitled map. */
void _waymark_window_open_cjml          (WaymarkWindow *self, GFile *file);

G_END_DECLS
