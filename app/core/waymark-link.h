/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-item.h"
#include "waymark-touchpoint.h"

G_BEGIN_DECLS

/* The flow from one touchpoint to the next one a customer takes; journeys
 * are not linear, so any two touchpoints can be linked. */
typedef struct {
  WaymarkItem item;
  WaymarkTouchpoint *from;   /* strong references */
  WaymarkTouchpoint *to;
} WaymarkLink;

WaymarkLink *waymark_link_new (const char *id, WaymarkTouchpoint *from, WaymarkTouchpoint *to);
void         _waymark_link_clear (WaymarkLink *link);
void         _waymark_link_copy_into (const WaymarkLink *src, WaymarkLink *dst);

G_END_DECLS
