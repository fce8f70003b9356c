/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-history.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INLINE_EDITOR (waymark_inline_editor_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkInlineEditor, waymark_inline_editor, WAYMARK, INLINE_EDITOR, GtkWidget)

/* Editing a card's text (a touchpoint's title, a note's text) or the name
 * of a phase or lane in place, over the item.  Enter, or a click
 * elsewhere, keeps what was typed as one undo step; Escape keeps the old
 * text, and takes a card that was made empty for this edit away again.
 * The parent (the canvas) places it over the item and gets the keyboard
 * back when it closes.
 *
 * Property "item" (read-only): what is being edited, or NULL. */

GtkWidget *waymark_inline_editor_new          (void);

/* Starts editing @item of @history's journey, its text selected.
 * @new_card: @item is a card made empty for this edit a moment ago. */
void       waymark_inline_editor_start        (WaymarkInlineEditor *self,
                                               WaymarkHistory      *history,
                                               gpointer             item,
                                               gboolean             new_card);
/* Ends the edit; @commit keeps what was typed. */
void       waymark_inline_editor_stop         (WaymarkInlineEditor *self,
                                               gboolean             commit);
/* Ends the edit as Escape does. */
void       waymark_inline_editor_cancel       (WaymarkInlineEditor *self);
gpointer   waymark_inline_editor_get_item     (WaymarkInlineEditor *self);

/* Places the editor over @bounds (in the parent's coordinates): centred,
 * never narrower than a title needs however far the map is zoomed out. */
void       waymark_inline_editor_allocate_over (WaymarkInlineEditor   *self,
                                                const graphene_rect_t *bounds);

G_END_DECLS
