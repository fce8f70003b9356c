/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-text-row.h"

G_BEGIN_DECLS

/* Helpers the inspector's editors share.  A refresh from the model must
 * never overwrite the field the user is typing in: what they type was
 * applied already, and resetting it would move the cursor or, for a
 * value not valid yet, throw their input away. */

/* Whether the keyboard focus is on @widget or inside it. */
gboolean waymark_inspector_has_focus_within (GtkWidget *widget);
/* Shows @text in @editable unless it shows it already or, but for
 * @replace (another item is being shown), it is being edited. */
void     waymark_inspector_sync_editable    (GtkEditable *editable,
                                             const char  *text,
                                             gboolean     replace);
void     waymark_inspector_sync_text_row    (WaymarkTextRow *row,
                                             const char     *text,
                                             gboolean        replace);
/* Names the text fields of every AdwEntryRow in @root after their rows'
 * titles for assistive technologies (libadwaita 1.2 leaves them nameless). */
void     waymark_inspector_label_entry_rows (GtkWidget *root);
/* The text of @editable for the model: NULL when empty. */
char    *waymark_inspector_dup_editable     (GtkEditable *editable);

G_END_DECLS
