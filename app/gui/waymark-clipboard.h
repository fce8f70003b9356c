/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-history.h"

G_BEGIN_DECLS

/* Copy and paste of cards through the system clipboard.  The clipboard
 * carries the document format: a journey fragment (waymark-fragment.h)
 * holding the cards with the phases, lanes and channels they refer to and
 * the links between them, so cards paste into another window or another
 * program instance with everything they had.  Other programs get the
 * titles as plain text, and plain text pastes as one card per line
 * (waymark_fragment_paste(), waymark_fragment_paste_text()). */

#define WAYMARK_CLIPBOARD_MIME_TYPE "application/vnd.waymark.journey+xml"

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

G_END_DECLS
