/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-history.h"

G_BEGIN_DECLS

/* Copy and paste of cards.  The clipboard carries the document format: a
 * journey fragment holding the cards with the phases, lanes and channels
 * they refer to and the links between them, so cards paste into another
 * window or another program instance with everything they had.  Other
 * programs get the titles as plain text, and plain text pastes as one card
 * per line. */

#define WAYMARK_CLIPBOARD_MIME_TYPE "application/vnd.waymark.journey+xml"

/* A new journey holding copies of @cards (touchpoints and notes of
 * @journey) and what they need. */
WaymarkJourney     *waymark_clipboard_fragment_new     (WaymarkJourney *journey,
                                                        GPtrArray      *cards);
/* The clipboard content for @cards: the fragment, and the titles as text. */
GdkContentProvider *waymark_clipboard_create_content   (WaymarkJourney *journey,
                                                        GPtrArray      *cards);
void                waymark_clipboard_copy             (GdkClipboard   *clipboard,
                                                        WaymarkJourney *journey,
                                                        GPtrArray      *cards);

/* Reads the clipboard: a fragment when it holds one (@text is set to
 * NULL), else NULL and the clipboard's text in @text. */
void                waymark_clipboard_read_async       (GdkClipboard        *clipboard,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
WaymarkJourney     *waymark_clipboard_read_finish      (GdkClipboard  *clipboard,
                                                        GAsyncResult  *result,
                                                        char         **text,
                                                        GError       **error);

/* Adds copies of @fragment's cards (new ids) to the history's journey in
 * one undo step: cards of the kind @lane holds go into the cell at
 * @index, others into a lane of their kind in @phase, found by id, then
 * name, then kind.  Channels are matched by name and icon and added when
 * missing; links between pasted touchpoints come along.  Returns the new
 * cards (a new array of borrowed pointers; empty when nothing fitted). */
GPtrArray          *waymark_clipboard_paste            (WaymarkHistory *history,
                                                        WaymarkJourney *fragment,
                                                        WaymarkPhase   *phase,
                                                        WaymarkLane    *lane,
                                                        guint           index);
/* One card of @lane's kind per non-empty line of @text (at most 500). */
GPtrArray          *waymark_clipboard_paste_text       (WaymarkHistory *history,
                                                        const char     *text,
                                                        WaymarkPhase   *phase,
                                                        WaymarkLane    *lane,
                                                        guint           index);

G_END_DECLS
