/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-channel.h"

WaymarkChannel *
waymark_channel_new (const char      *id,
                     WaymarkCategory  category,
                     const char      *icon,
                     const char      *name)
{
  WaymarkChannel *channel = _waymark_item_alloc (WAYMARK_ITEM_CHANNEL, sizeof *channel, id);

  channel->category = category;
  channel->icon = g_strdup (icon);
  channel->name = g_strdup (name);
  return channel;
}

void
_waymark_channel_clear (WaymarkChannel *channel)
{
  g_clear_pointer (&channel->icon, g_free);
  g_clear_pointer (&channel->name, g_free);
}

void
_waymark_channel_copy_into (const WaymarkChannel *src,
                            WaymarkChannel       *dst)
{
  dst->category = src->category;
  dst->icon = g_strdup (src->icon);
  dst->name = g_strdup (src->name);
}

gboolean
waymark_channel_icon_is_valid (const char *key)
{
  gsize n;

  if (key == NULL)
    return FALSE;
  n = strlen (key);
  if (n == 0 || n > 64 || key[0] == '-' || key[n - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = key[i];

      if (c == '-' ? key[i + 1] == '-' : !(g_ascii_islower (c) || g_ascii_isdigit (c)))
        return FALSE;
    }
  return TRUE;
}
