/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-touchpoint.h"

WaymarkTouchpoint *
waymark_touchpoint_new (const char   *id,
                        WaymarkPhase *phase,
                        WaymarkLane  *lane,
                        const char   *title)
{
  WaymarkTouchpoint *tp = _waymark_item_alloc (WAYMARK_ITEM_TOUCHPOINT, sizeof *tp, id);

  waymark_touchpoint_set_phase (tp, phase);
  waymark_touchpoint_set_lane (tp, lane);
  tp->title = g_strdup (title);
  return tp;
}

static void
replace_ref (gpointer *slot,
             gpointer  item)
{
  if (*slot == item)
    return;
  if (item)
    waymark_item_ref (item);
  if (*slot)
    waymark_item_unref (*slot);
  *slot = item;
}

void
waymark_touchpoint_set_phase (WaymarkTouchpoint *tp,
                              WaymarkPhase      *phase)
{
  replace_ref ((gpointer *) &tp->phase, phase);
}

void
waymark_touchpoint_set_lane (WaymarkTouchpoint *tp,
                             WaymarkLane       *lane)
{
  replace_ref ((gpointer *) &tp->lane, lane);
}

void
waymark_touchpoint_set_channel (WaymarkTouchpoint *tp,
                                WaymarkChannel    *channel)
{
  replace_ref ((gpointer *) &tp->channel, channel);
}

guint
waymark_touchpoint_get_n_kpis (const WaymarkTouchpoint *tp)
{
  return tp->kpis ? tp->kpis->len : 0;
}

void
waymark_touchpoint_add_kpi (WaymarkTouchpoint *tp,
                            WaymarkKpi        *kpi)
{
  if (tp->kpis == NULL)
    tp->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_kpi_free);
  g_ptr_array_add (tp->kpis, kpi);
}

gboolean
waymark_touchpoint_has_assessment (const WaymarkTouchpoint *tp)
{
  return tp->strength != WAYMARK_STRENGTH_UNSET ||
         tp->priority != WAYMARK_PRIORITY_UNSET ||
         tp->moment_of_truth;
}

guint
waymark_touchpoint_get_n_persona_marks (const WaymarkTouchpoint *tp)
{
  return tp->persona_marks ? tp->persona_marks->len : 0;
}

WaymarkPersonaMark *
waymark_touchpoint_get_persona_mark (const WaymarkTouchpoint *tp,
                                     const char              *persona_id)
{
  /* A handful of personas: a scan beats any index. */
  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    {
      WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);

      if (g_strcmp0 (waymark_item_get_id (mark->persona), persona_id) == 0)
        return mark;
    }
  return NULL;
}

gboolean
waymark_touchpoint_applies_to_persona (const WaymarkTouchpoint *tp,
                                       const char              *persona_id)
{
  g_return_val_if_fail (tp != NULL, FALSE);

  return waymark_touchpoint_get_n_persona_marks (tp) == 0 ||
         waymark_touchpoint_get_persona_mark (tp, persona_id) != NULL;
}

gboolean
waymark_touchpoint_get_persona_emotion (const WaymarkTouchpoint  *tp,
                                        const char               *persona_id,
                                        int                      *score,
                                        const char              **note)
{
  const WaymarkPersonaMark *mark = waymark_touchpoint_get_persona_mark (tp, persona_id);

  if (mark == NULL && waymark_touchpoint_get_n_persona_marks (tp) > 0)
    return FALSE;
  if (mark != NULL && mark->has_emotion)
    {
      *score = mark->emotion;
      if (note)
        *note = mark->emotion_note;
      return TRUE;
    }
  if (!tp->has_emotion)
    return FALSE;
  *score = tp->emotion;
  if (note)
    *note = tp->emotion_note;
  return TRUE;
}

void
waymark_touchpoint_add_persona_mark (WaymarkTouchpoint  *tp,
                                     WaymarkPersonaMark *mark)
{
  if (tp->persona_marks == NULL)
    tp->persona_marks = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_persona_mark_free);
  g_ptr_array_add (tp->persona_marks, mark);
}

WaymarkPersonaMark *
waymark_touchpoint_mark_persona (WaymarkTouchpoint *tp,
                                 WaymarkPersona    *persona)
{
  WaymarkPersonaMark *mark = waymark_touchpoint_get_persona_mark (tp, waymark_item_get_id (persona));

  if (mark == NULL)
    {
      mark = waymark_persona_mark_new (persona);
      waymark_touchpoint_add_persona_mark (tp, mark);
    }
  return mark;
}

gboolean
waymark_touchpoint_unmark_persona (WaymarkTouchpoint *tp,
                                   const char        *persona_id)
{
  WaymarkPersonaMark *mark = waymark_touchpoint_get_persona_mark (tp, persona_id);

  if (mark == NULL)
    return FALSE;
  g_ptr_array_remove (tp->persona_marks, mark);
  if (tp->persona_marks->len == 0)
    g_clear_pointer (&tp->persona_marks, g_ptr_array_unref);
  return TRUE;
}

void
_waymark_touchpoint_clear (WaymarkTouchpoint *tp)
{
  g_clear_pointer (&tp->phase, waymark_item_unref);
  g_clear_pointer (&tp->lane, waymark_item_unref);
  g_clear_pointer (&tp->channel, waymark_item_unref);
  g_clear_pointer (&tp->title, g_free);
  g_clear_pointer (&tp->description, g_free);
  g_clear_pointer (&tp->quote, g_free);
  g_clear_pointer (&tp->idea, g_free);
  g_clear_pointer (&tp->emotion_note, g_free);
  g_clear_pointer (&tp->owner, g_free);
  g_clear_pointer (&tp->kpis, g_ptr_array_unref);
  g_clear_pointer (&tp->persona_marks, g_ptr_array_unref);
}

static gpointer
copy_kpi (gconstpointer src,
          gpointer      user_data)
{
  return waymark_kpi_copy (src);
}

static gpointer
copy_persona_mark (gconstpointer src,
                   gpointer      user_data)
{
  return waymark_persona_mark_copy (src);
}

void
_waymark_touchpoint_copy_into (const WaymarkTouchpoint *src,
                               WaymarkTouchpoint       *dst)
{
  waymark_touchpoint_set_phase (dst, src->phase);
  waymark_touchpoint_set_lane (dst, src->lane);
  waymark_touchpoint_set_channel (dst, src->channel);
  dst->initiator = src->initiator;
  dst->title = g_strdup (src->title);
  dst->description = g_strdup (src->description);
  dst->quote = g_strdup (src->quote);
  dst->idea = g_strdup (src->idea);
  dst->has_emotion = src->has_emotion;
  dst->emotion = src->emotion;
  dst->emotion_note = g_strdup (src->emotion_note);
  dst->owner = g_strdup (src->owner);
  dst->strength = src->strength;
  dst->priority = src->priority;
  dst->moment_of_truth = src->moment_of_truth;
  dst->votes = src->votes;
  if (src->kpis)
    {
      dst->kpis = g_ptr_array_copy (src->kpis, copy_kpi, NULL);
      g_ptr_array_set_free_func (dst->kpis, (GDestroyNotify) waymark_kpi_free);
    }
  if (src->persona_marks)
    {
      dst->persona_marks = g_ptr_array_copy (src->persona_marks, copy_persona_mark, NULL);
      g_ptr_array_set_free_func (dst->persona_marks, (GDestroyNotify) waymark_persona_mark_free);
    }
}
