/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-persona-mark.h"

WaymarkPersonaMark *
waymark_persona_mark_new (WaymarkPersona *persona)
{
  WaymarkPersonaMark *mark = g_new0 (WaymarkPersonaMark, 1);

  g_return_val_if_fail (persona != NULL, mark);
  mark->persona = waymark_item_ref (persona);
  return mark;
}

WaymarkPersonaMark *
waymark_persona_mark_copy (const WaymarkPersonaMark *mark)
{
  WaymarkPersonaMark *copy = waymark_persona_mark_new (mark->persona);

  copy->has_emotion = mark->has_emotion;
  copy->emotion = mark->emotion;
  copy->emotion_note = g_strdup (mark->emotion_note);
  return copy;
}

void
waymark_persona_mark_free (WaymarkPersonaMark *mark)
{
  if (mark == NULL)
    return;
  g_clear_pointer (&mark->persona, waymark_item_unref);
  g_free (mark->emotion_note);
  g_free (mark);
}

gboolean
waymark_persona_mark_equal (const WaymarkPersonaMark *a,
                            const WaymarkPersonaMark *b)
{
  return g_strcmp0 (waymark_item_get_id (a->persona), waymark_item_get_id (b->persona)) == 0 &&
         a->has_emotion == b->has_emotion &&
         (!a->has_emotion || a->emotion == b->emotion) &&
         g_strcmp0 (a->emotion_note, b->emotion_note) == 0;
}
