/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much text one field of a map may hold, in characters (Unicode code
 * points).  A title is a line: titles, names, the journey's subject and
 * goal, an owner, an emotion note (the card's or a persona's), a KPI's
 * name and unit.  A description
 * is a few pages: descriptions, quotes, ideas and the text of a note.
 * The reader refuses a file that has more, and every edit keeps within
 * them, so what is saved can always be opened again. */
#define WAYMARK_TEXT_LIMIT_LINE  1000
#define WAYMARK_TEXT_LIMIT_PAGES 10000

/* The number of characters in @length bytes of valid UTF-8. */
gsize    waymark_text_limit_count      (const char *text,
                                        gsize       length);
/* @text (nullable) cut after @max_chars characters, as a new string;
 * NULL for NULL. */
char    *waymark_text_limit_cut        (const char *text,
                                        gsize       max_chars);
/* Cuts *@field in place to @max_chars characters when it is longer. */
void     waymark_text_limit_cut_field  (char      **field,
                                        gsize       max_chars);
/* The limit of the text the map shows as @item's name: a note's text is
 * pages, every other title or name a line.  What an entry that edits it
 * in place stops at while one types. */
gsize    waymark_text_limit_of_name    (gpointer    item);
/* Cuts every text of @item (a persona, phase, lane, channel, touchpoint
 * with its KPIs, note or link) to its field's limit. */
void     waymark_text_limit_cut_item   (gpointer    item);

G_END_DECLS
