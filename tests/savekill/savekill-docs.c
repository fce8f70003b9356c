/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include "savekill-docs.h"

WaymarkJourney *
savekill_journey (char which)
{
  WaymarkJourney *journey = waymark_journey_new ();
  guint n = which == 'I' ? 10 : SAVEKILL_N_TOUCHPOINTS + (which == 'B' ? 7 : 0);
  g_autofree char *title = g_strdup_printf ("Save-kill document %c", which);
  WaymarkPhase *phases[4];
  WaymarkLane *lane = waymark_lane_new ("lane-000000000001", WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");

  waymark_journey_set_id (journey, "j-5a7e0000c0de");
  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, title);
  waymark_journey_insert_item (journey, lane, -1);
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autofree char *id = g_strdup_printf ("phase-%012u", i);
      g_autofree char *name = g_strdup_printf ("Phase %u", i);

      phases[i] = waymark_phase_new (id, name);
      waymark_journey_insert_item (journey, phases[i], -1);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("tp-%012x", i);
      g_autofree char *tp_title = g_strdup_printf ("Touchpoint %u of document %c", i, which);
      WaymarkTouchpoint *tp = waymark_touchpoint_new (id, phases[i % G_N_ELEMENTS (phases)], lane, tp_title);

      tp->description = g_strdup_printf ("Version %c: what the customer does, thinks and feels "
                                         "at step %u, and what we could do better there.", which, i);
      tp->owner = g_strdup (which == 'A' ? "Marketing" : "Customer service");
      tp->has_emotion = TRUE;
      tp->emotion = (int) (i % 5) - 2;
      waymark_journey_insert_item (journey, tp, -1);
      waymark_item_unref (tp);
    }
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    waymark_item_unref (phases[i]);
  waymark_item_unref (lane);
  return journey;
}
