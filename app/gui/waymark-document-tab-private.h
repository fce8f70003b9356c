/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-document-tab.h"

G_BEGIN_DECLS

struct _WaymarkDocumentTab
{
  GtkWidget parent_instance;

  /* Template children */
  GtkRevealer     *disk_banner;
  GtkStack        *tab_stack;
  WaymarkEditor   *editor;

  WaymarkDocument *document;
  /* The file being loaded, then the document's. */
  GFile           *file;
  GCancellable    *load_cancellable;
  guint            untitled_number;
  /* Signals of the document's journey and history, which a reload replaces. */
  WaymarkJourney  *bound_journey;
  WaymarkHistory  *bound_history;
  /* Watches the document's file for changes by others. */
  GFileMonitor    *monitor;
  /* The file whose lock this tab holds, if any. */
  GFile           *locked_file;
  /* The lock is looked at once the tab is in a window, to ask there. */
  gboolean         lock_pending;
  /* Opened read-only because someone else holds the lock. */
  gboolean         read_only_by_lock;
  /* The Preferences (NULL without the schema): the recovery journal. */
  GSettings       *settings;
};

void _waymark_document_tab_emit_changed  (WaymarkDocumentTab *self);
void _waymark_document_tab_save_finished (WaymarkDocumentTab *self, gboolean saved);
/* A dialog over the tab's window. */
GtkWindow *_waymark_document_tab_get_parent_window (WaymarkDocumentTab *self);
/* "Could Not Save “map.journey”" (@saving) or "Could Not Open …". */
void _waymark_document_tab_show_error    (WaymarkDocumentTab *self,
                                          gboolean            saving,
                                          GFile              *file,
                                          const GError       *error);

/* waymark-document-tab-disk.c: the file monitor, locks */
void _waymark_document_tab_watch_file    (WaymarkDocumentTab *self);
void _waymark_document_tab_lock_file     (WaymarkDocumentTab *self);
void _waymark_document_tab_release_lock  (WaymarkDocumentTab *self);
/* Edit a map opened read-only because of someone else's lock. */
void _waymark_document_tab_edit_shared   (WaymarkDocumentTab *self);
void _waymark_document_tab_disk_dispose  (WaymarkDocumentTab *self);

G_END_DECLS
