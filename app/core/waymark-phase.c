/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-phase.h"

WaymarkPhase *
waymark_phase_new (const char *id,
                   const char *name)
{
  WaymarkPhase *phase = _waymark_item_alloc (WAYMARK_ITEM_PHASE, sizeof *phase, id);

  phase->name = g_strdup (name);
  return phase;
}

void
_waymark_phase_clear (WaymarkPhase *phase)
{
  g_clear_pointer (&phase->name, g_free);
}

void
_waymark_phase_copy_into (const WaymarkPhase *src,
                          WaymarkPhase       *dst)
{
  dst->name = g_strdup (src->name);
}
