/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-note.h"
#include "waymark-touchpoint.h"
#include "waymark-votes.h"

static guint *
votes_slot (gconstpointer card)
{
  if (card == NULL)
    return NULL;
  switch (waymark_item_get_item_type (card))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      return &((WaymarkTouchpoint *) card)->votes;
    case WAYMARK_ITEM_NOTE:
      return &((WaymarkNote *) card)->votes;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

guint
waymark_votes_get (gconstpointer card)
{
  guint *slot = votes_slot (card);

  return slot != NULL ? *slot : 0;
}

void
waymark_votes_set (gpointer card,
                   guint    votes)
{
  guint *slot = votes_slot (card);

  if (slot != NULL)
    *slot = MIN (votes, WAYMARK_VOTES_MAX);
}

gboolean
waymark_votes_parse (const char *text,
                     guint      *out)
{
  guint value = 0;
  guint digits = 0;

  /* One to three digits, as the schema says: no sign, no space, no hex. */
  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  for (; g_ascii_isdigit (*text); text++)
    {
      if (++digits > 3)
        return FALSE;
      value = value * 10 + (guint) (*text - '0');
    }
  if (*text != '\0' || value > WAYMARK_VOTES_MAX)
    return FALSE;
  *out = value;
  return TRUE;
}
