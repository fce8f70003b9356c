/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_TEXT_ROW (waymark_text_row_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkTextRow, waymark_text_row, WAYMARK, TEXT_ROW, AdwPreferencesRow)

/* A preferences row for text of several lines (a description, a quote):
 * AdwEntryRow holds one line only.  It looks like an entry row: the title
 * small above the text, the text view labelled by it.
 * Property "placeholder-text": shown while the text is empty.
 * Signal ::changed: the text changed (by the user or by set_text). */
GtkWidget   *waymark_text_row_new                  (void);
/* Returns the text, or NULL when it is empty. */
char        *waymark_text_row_dup_text             (WaymarkTextRow *self);
/* Replaces the text unless it is the same (so the cursor stays put). */
void         waymark_text_row_set_text             (WaymarkTextRow *self,
                                                    const char     *text);
GtkTextView *waymark_text_row_get_text_view        (WaymarkTextRow *self);
void         waymark_text_row_set_placeholder_text (WaymarkTextRow *self,
                                                    const char     *text);

G_END_DECLS
