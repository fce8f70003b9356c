/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-document-tab.h"

G_BEGIN_DECLS

/* @proceed: every map was saved or its changes discarded, so what asked
 * (closing a tab, a window, quitting) may go on. */
typedef void (*WaymarkSaveChangesFunc) (gboolean proceed,
                                        gpointer user_data);

/* Asks once, over @parent, what to do with the unsaved changes of @tabs
 * (WaymarkDocumentTab with unsaved changes; one, or a list of several):
 * Cancel, Discard (drops their recovery journals) or Save (each in turn;
 * an untitled one asks where).  Calls @func exactly once: TRUE when all
 * were saved or discarded, FALSE on Cancel or when a save failed or was
 * cancelled.  Returns the dialog. */
AdwMessageDialog *waymark_save_changes_ask (GtkWindow              *parent,
                                            GPtrArray              *tabs,
                                            WaymarkSaveChangesFunc  func,
                                            gpointer                user_data);

/* The tabs of @windows (WaymarkWindow) whose maps have unsaved changes,
 * with anything typed in place committed first. */
GPtrArray        *waymark_save_changes_collect (GList *windows);
/* Ctrl+W or Ctrl+Q right after Ctrl+S: a map counts as modified until its
 * save on the worker thread ends.  When any of @tabs is saving, waits
 * for those saves to end, then calls @then (@user_data) to collect and
 * ask again, for what is still unsaved only, then @destroy (@user_data);
 * returns TRUE.  Else returns FALSE at once, calls @destroy (@user_data)
 * (nullable) and never @then. */
gboolean          waymark_save_changes_wait    (GPtrArray      *tabs,
                                                GCallback       then,
                                                gpointer        user_data,
                                                GDestroyNotify  destroy);

G_END_DECLS
