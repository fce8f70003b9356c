/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-persona.h"

WaymarkPersona *
waymark_persona_new (const char *id,
                     const char *name)
{
  WaymarkPersona *persona = _waymark_item_alloc (WAYMARK_ITEM_PERSONA, sizeof *persona, id);

  persona->name = g_strdup (name);
  return persona;
}

void
_waymark_persona_clear (WaymarkPersona *persona)
{
  g_clear_pointer (&persona->name, g_free);
  g_clear_pointer (&persona->description, g_free);
}

void
_waymark_persona_copy_into (const WaymarkPersona *src,
                            WaymarkPersona       *dst)
{
  dst->name = g_strdup (src->name);
  dst->description = g_strdup (src->description);
}
