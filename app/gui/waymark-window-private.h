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
  WaymarkEditor       *editor;
  GtkWidget           *undo_button;
  GtkWidget           *redo_button;
  GtkToggleButton     *inspector_button;
  GtkRevealer         *disk_banner;

  WaymarkDocument     *document;
  GCancellable        *load_cancellable;
  /* Signals of the document's journey and history, which a reload replaces. */
  WaymarkJourney      *bound_journey;
  WaymarkHistory      *bound_history;
  /* The window closes once the save under way succeeds. */
  gboolean             close_after_save;
  /* Watches the document's file for changes by others. */
  GFileMonitor        *monitor;
  /* The file whose lock this window holds, if any. */
  GFile               *locked_file;
};

void _waymark_window_class_actions_init (WaymarkWindowClass *klass);
/* waymark-window-editor.c: the editor page, undo/redo, save, inspector */
void _waymark_window_class_editor_init  (WaymarkWindowClass *klass);
void _waymark_window_editor_init        (WaymarkWindow *self);
void _waymark_window_editor_dispose     (WaymarkWindow *self);
/* Shows @document (or nothing) in the editor and follows its changes. */
void _waymark_window_set_document       (WaymarkWindow *self, WaymarkDocument *document);
void _waymark_window_update_title       (WaymarkWindow *self);
/* The file name Save As offers: the journey's title with ".journey". */
char *_waymark_window_default_file_name (WaymarkWindow *self);

G_END_DECLS
