/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-link.h"

WaymarkLink *
waymark_link_new (const char        *id,
                  WaymarkTouchpoint *from,
                  WaymarkTouchpoint *to)
{
  WaymarkLink *link = _waymark_item_alloc (WAYMARK_ITEM_LINK, sizeof *link, id);

  link->from = waymark_item_ref (from);
  link->to = waymark_item_ref (to);
  return link;
}

void
_waymark_link_clear (WaymarkLink *link)
{
  g_clear_pointer (&link->from, waymark_item_unref);
  g_clear_pointer (&link->to, waymark_item_unref);
}

void
_waymark_link_copy_into (const WaymarkLink *src,
                         WaymarkLink       *dst)
{
  dst->from = waymark_item_ref (src->from);
  dst->to = waymark_item_ref (src->to);
}
