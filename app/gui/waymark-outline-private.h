/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-outline.h"

G_BEGIN_DECLS

/* What a row asks of the outline it is in: the outline holds the
 * document, so every edit made in a row goes through its history. */
gboolean _waymark_outline_is_editable  (WaymarkOutline *self);
void     _waymark_outline_commit_title (WaymarkOutline *self,
                                        gpointer        item,
                                        const char     *text);
void     _waymark_outline_delete_item  (WaymarkOutline *self,
                                        gpointer        item);
void     _waymark_outline_move_item    (WaymarkOutline *self,
                                        gpointer        item,
                                        int             direction);

G_END_DECLS
