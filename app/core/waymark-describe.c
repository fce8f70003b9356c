/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-describe.h"
#include "waymark-note.h"
#include "waymark-touchpoint.h"
#include "waymark-votes.h"

gboolean
waymark_describe_is_card (gconstpointer item)
{
  WaymarkItemType type;

  if (item == NULL)
    return FALSE;
  type = waymark_item_get_item_type (item);
  return type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE;
}

gboolean
waymark_describe_card_cell (gconstpointer   card,
                            WaymarkPhase  **phase,
                            WaymarkLane   **lane)
{
  g_return_val_if_fail (card != NULL, FALSE);
  g_return_val_if_fail (phase != NULL, FALSE);
  g_return_val_if_fail (lane != NULL, FALSE);

  switch (waymark_item_get_item_type (card))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      *phase = ((const WaymarkTouchpoint *) card)->phase;
      *lane = ((const WaymarkTouchpoint *) card)->lane;
      return TRUE;
    case WAYMARK_ITEM_NOTE:
      *phase = ((const WaymarkNote *) card)->phase;
      *lane = ((const WaymarkNote *) card)->lane;
      return TRUE;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      *phase = NULL;
      *lane = NULL;
      return FALSE;
    }
}

const char *
waymark_describe_emotion (int score)
{
  switch (score)
    {
    case -2: return _("very negative");
    case -1: return _("negative");
    case 1: return _("positive");
    case 2: return _("very positive");
    case 0:
    default: return _("neutral");
    }
}

char *
waymark_describe_card (gconstpointer card)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  char *sentence;
  guint votes;

  g_return_val_if_fail (card != NULL, NULL);

  if (!waymark_describe_card_cell (card, &phase, &lane))
    return NULL;
  if (waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT)
    {
      const WaymarkTouchpoint *tp = card;

      sentence = g_strdup_printf (_("Touchpoint “%s” in %s, %s"), tp->title ? tp->title : "", phase->name, lane->name);
    }
  else
    {
      const WaymarkNote *note = card;

      sentence = g_strdup_printf (_("Note “%s” in %s, %s"), note->text ? note->text : "", phase->name, lane->name);
    }
  /* The dots on the map, in words. */
  votes = waymark_votes_get (card);
  if (votes > 0)
    {
      g_autofree char *start = sentence;

      /* TRANSLATORS: after the sentence that names a card */
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u vote", "%s, %u votes", votes), start, votes);
    }
  return sentence;
}
