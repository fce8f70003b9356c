/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-document.h"
#include "waymark-editor.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_DOCUMENT_TAB (waymark_document_tab_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkDocumentTab, waymark_document_tab, WAYMARK, DOCUMENT_TAB, GtkWidget)

/* One open map, the child of a tab page: the editor, the banner for a file
 * changed on disk, and everything that belongs to the document rather than
 * to the window — loading, Save and Save As, the file monitor, the lock
 * file that tells teammates who has it open, the recovery journal.
 *
 * Properties: "document" (NULL while loading), "loading".
 * Signals:
 *  ::changed — its title, unsaved state, undo history or read-only state
 *    changed: the window updates the tab and, when selected, its header;
 *  ::load-failed (GError) — the file could not be opened;
 *  ::save-finished (gboolean saved) — a save asked for with
 *    waymark_document_tab_save() or _save_as() ended (after any dialog);
 *    @saved is TRUE when the map has no unsaved changes left (an edit
 *    made while the save ran on its worker thread keeps it modified). */

/* Starts loading @file off the main loop.  With @as_template the file is
 * not opened but copied into a new untitled map (waymark_template_instantiate),
 * so a bundled template is never locked or overwritten. */
WaymarkDocumentTab *waymark_document_tab_new_for_file (GFile    *file,
                                                       gboolean  as_template);
/* A tab showing @document (an untitled one, or one restored after a crash). */
WaymarkDocumentTab *waymark_document_tab_new          (WaymarkDocument *document);

WaymarkDocument *waymark_document_tab_get_document   (WaymarkDocumentTab *self);
WaymarkEditor   *waymark_document_tab_get_editor     (WaymarkDocumentTab *self);
/* The document's file, or the file being loaded; NULL when untitled. */
GFile           *waymark_document_tab_get_file       (WaymarkDocumentTab *self);
gboolean         waymark_document_tab_get_loading    (WaymarkDocumentTab *self);
gboolean         waymark_document_tab_is_modified    (WaymarkDocumentTab *self);
/* Untitled, unedited and without touchpoints: an opened file replaces it. */
gboolean         waymark_document_tab_is_empty       (WaymarkDocumentTab *self);

/* Untitled maps are numbered per application: "Untitled Map 2"; 0 for a
 * tab with a file. */
guint            waymark_document_tab_get_untitled_number (WaymarkDocumentTab *self);
void             waymark_document_tab_set_untitled_number (WaymarkDocumentTab *self,
                                                           guint               number);
/* The tab's name: the file's name, or "Untitled Map 2". */
char            *waymark_document_tab_dup_name       (WaymarkDocumentTab *self);
/* The journey's title, or "Untitled Journey" when it has none. */
const char      *waymark_document_tab_get_journey_title (WaymarkDocumentTab *self);

void             waymark_document_tab_undo           (WaymarkDocumentTab *self);
void             waymark_document_tab_redo           (WaymarkDocumentTab *self);
/* Ends an in-place edit on the canvas, so that what is typed is saved. */
void             waymark_document_tab_commit_editing (WaymarkDocumentTab *self);
void             waymark_document_tab_add_toast      (WaymarkDocumentTab *self,
                                                      AdwToast           *toast);
/* Grabs the focus for the canvas (after the tab was selected). */
void             waymark_document_tab_focus          (WaymarkDocumentTab *self);

/* Saves to the document's file (Save As for an untitled one) on a worker
 * thread; a file that changed on disk asks first.  ::save-finished tells
 * how it ended. */
void             waymark_document_tab_save           (WaymarkDocumentTab *self,
                                                      gboolean            overwrite);
void             waymark_document_tab_save_as        (WaymarkDocumentTab *self);
/* Saves to @file, which the document then belongs to, before it returns
 * (tests, and scripts that need the file now); an error is shown in a
 * dialog.  Returns whether it was saved. */
gboolean         waymark_document_tab_save_to        (WaymarkDocumentTab *self,
                                                      GFile              *file);
/* The file name Save As offers: the journey's title with ".journey". */
char            *waymark_document_tab_default_file_name (WaymarkDocumentTab *self);

/* Looks whether someone else changed the file (on focus). */
void             waymark_document_tab_check_disk     (WaymarkDocumentTab *self);
void             waymark_document_tab_reload_from_disk (WaymarkDocumentTab *self);
/* Hides the changed-on-disk banner; the next save asks before overwriting. */
void             waymark_document_tab_keep_mine      (WaymarkDocumentTab *self);

G_END_DECLS
