/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-channel.h"
#include "waymark-kpi.h"
#include "waymark-lane.h"
#include "waymark-note.h"
#include "waymark-persona.h"
#include "waymark-phase.h"
#include "waymark-text-limit.h"
#include "waymark-touchpoint.h"

gsize
waymark_text_limit_count (const char *text,
                          gsize       length)
{
  gsize n = 0;

  /* Every character has exactly one byte that is not a continuation
   * byte (10xxxxxx), so pieces cut anywhere add up. */
  for (gsize i = 0; i < length; i++)
    n += ((guchar) text[i] & 0xC0) != 0x80;
  return n;
}

/* The byte length of the first @max_chars characters of @text. */
static gsize
prefix_length (const char *text,
               gsize       max_chars)
{
  const char *p = text;

  for (gsize n = 0; n < max_chars && *p != '\0'; n++)
    p = g_utf8_next_char (p);
  return (gsize) (p - text);
}

char *
waymark_text_limit_cut (const char *text,
                        gsize       max_chars)
{
  if (text == NULL)
    return NULL;
  return g_strndup (text, prefix_length (text, max_chars));
}

void
waymark_text_limit_cut_field (char  **field,
                              gsize   max_chars)
{
  gsize length;

  if (*field == NULL)
    return;
  length = prefix_length (*field, max_chars);
  if ((*field)[length] != '\0')
    (*field)[length] = '\0';
}

static void
cut_touchpoint (WaymarkTouchpoint *tp)
{
  waymark_text_limit_cut_field (&tp->title, WAYMARK_TEXT_LIMIT_LINE);
  waymark_text_limit_cut_field (&tp->owner, WAYMARK_TEXT_LIMIT_LINE);
  waymark_text_limit_cut_field (&tp->emotion_note, WAYMARK_TEXT_LIMIT_LINE);
  waymark_text_limit_cut_field (&tp->description, WAYMARK_TEXT_LIMIT_PAGES);
  waymark_text_limit_cut_field (&tp->quote, WAYMARK_TEXT_LIMIT_PAGES);
  waymark_text_limit_cut_field (&tp->idea, WAYMARK_TEXT_LIMIT_PAGES);
  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);

      waymark_text_limit_cut_field (&kpi->name, WAYMARK_TEXT_LIMIT_LINE);
      waymark_text_limit_cut_field (&kpi->unit, WAYMARK_TEXT_LIMIT_LINE);
    }
  /* A persona's emotion note is an emotion note like the card's own. */
  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    waymark_text_limit_cut_field (&((WaymarkPersonaMark *) g_ptr_array_index (tp->persona_marks, i))->emotion_note,
                                  WAYMARK_TEXT_LIMIT_LINE);
}

gsize
waymark_text_limit_of_name (gpointer item)
{
  g_return_val_if_fail (item != NULL, WAYMARK_TEXT_LIMIT_LINE);

  return waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE ? WAYMARK_TEXT_LIMIT_PAGES
                                                                 : WAYMARK_TEXT_LIMIT_LINE;
}

void
waymark_text_limit_cut_item (gpointer item)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_PERSONA:
      waymark_text_limit_cut_field (&((WaymarkPersona *) item)->name, WAYMARK_TEXT_LIMIT_LINE);
      waymark_text_limit_cut_field (&((WaymarkPersona *) item)->description, WAYMARK_TEXT_LIMIT_PAGES);
      break;
    case WAYMARK_ITEM_PHASE:
      waymark_text_limit_cut_field (&((WaymarkPhase *) item)->name, WAYMARK_TEXT_LIMIT_LINE);
      break;
    case WAYMARK_ITEM_LANE:
      waymark_text_limit_cut_field (&((WaymarkLane *) item)->name, WAYMARK_TEXT_LIMIT_LINE);
      break;
    case WAYMARK_ITEM_CHANNEL:
      waymark_text_limit_cut_field (&((WaymarkChannel *) item)->name, WAYMARK_TEXT_LIMIT_LINE);
      break;
    case WAYMARK_ITEM_TOUCHPOINT:
      cut_touchpoint (item);
      break;
    case WAYMARK_ITEM_NOTE:
      waymark_text_limit_cut_field (&((WaymarkNote *) item)->text, WAYMARK_TEXT_LIMIT_PAGES);
      break;
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      break;
    }
}
