/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-item.h"

G_BEGIN_DECLS

/* Who travels the journey (a running beginner, a gift buyer, …). */
typedef struct {
  WaymarkItem item;
  char *name;
  char *description;
} WaymarkPersona;

WaymarkPersona *waymark_persona_new (const char *id, const char *name);
void            _waymark_persona_clear (WaymarkPersona *persona);
void            _waymark_persona_copy_into (const WaymarkPersona *src, WaymarkPersona *dst);

G_END_DECLS
