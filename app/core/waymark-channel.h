/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-enums.h"
#include "waymark-item.h"

G_BEGIN_DECLS

/* Where a touchpoint happens (website, store, phone, …) and the channel's
 * category.  @icon is a key such as "social-media" naming the channel icon. */
typedef struct {
  WaymarkItem item;
  WaymarkCategory category;
  char *icon;
  char *name;
} WaymarkChannel;

WaymarkChannel *waymark_channel_new (const char *id, WaymarkCategory category, const char *icon, const char *name);
void            _waymark_channel_clear (WaymarkChannel *channel);
void            _waymark_channel_copy_into (const WaymarkChannel *src, WaymarkChannel *dst);

G_END_DECLS
