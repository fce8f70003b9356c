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
/* Whether @key is spelled as icon keys (and finding ids) are:
 * [a-z0-9]+(-[a-z0-9]+)*, at most 64 bytes. */
gboolean        waymark_channel_icon_is_valid (const char *key);
void            _waymark_channel_clear (WaymarkChannel *channel);
void            _waymark_channel_copy_into (const WaymarkChannel *src, WaymarkChannel *dst);

G_END_DECLS
