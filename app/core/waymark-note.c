/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-note.h"

WaymarkNote *
waymark_note_new (const char   *id,
                  WaymarkPhase *phase,
                  WaymarkLane  *lane,
                  const char   *text)
{
  WaymarkNote *note = _waymark_item_alloc (WAYMARK_ITEM_NOTE, sizeof *note, id);

  waymark_note_set_phase (note, phase);
  waymark_note_set_lane (note, lane);
  note->text = g_strdup (text);
  return note;
}

void
waymark_note_set_phase (WaymarkNote  *note,
                        WaymarkPhase *phase)
{
  if (phase)
    waymark_item_ref (phase);
  g_clear_pointer (&note->phase, waymark_item_unref);
  note->phase = phase;
}

void
waymark_note_set_lane (WaymarkNote *note,
                       WaymarkLane *lane)
{
  if (lane)
    waymark_item_ref (lane);
  g_clear_pointer (&note->lane, waymark_item_unref);
  note->lane = lane;
}

void
_waymark_note_clear (WaymarkNote *note)
{
  g_clear_pointer (&note->phase, waymark_item_unref);
  g_clear_pointer (&note->lane, waymark_item_unref);
  g_clear_pointer (&note->text, g_free);
}

void
_waymark_note_copy_into (const WaymarkNote *src,
                         WaymarkNote       *dst)
{
  waymark_note_set_phase (dst, src->phase);
  waymark_note_set_lane (dst, src->lane);
  dst->text = g_strdup (src->text);
  dst->votes = src->votes;
}
