/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-item.h"

G_BEGIN_DECLS

/* A column of the map: Awareness, Consideration, … or before / during /
 * after the purchase.  Column order is the journey's phase order. */
typedef struct {
  WaymarkItem item;
  char *name;
} WaymarkPhase;

WaymarkPhase *waymark_phase_new (const char *id, const char *name);
void          _waymark_phase_clear (WaymarkPhase *phase);
void          _waymark_phase_copy_into (const WaymarkPhase *src, WaymarkPhase *dst);

G_END_DECLS
