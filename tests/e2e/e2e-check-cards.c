/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "e2e-check-cards"

#include "config.h"

#include <stdlib.h>

#include "waymark-file.h"

/* e2e-check-cards FILE CARD...: reads FILE with the core reader (as the
 * program would) and succeeds when its touchpoints are exactly the CARDs,
 * in any order, each "PHASE|LANE|TITLE|ICON|EMOTION" (EMOTION −2…2, or
 * "none"). */

static gboolean
matches (WaymarkTouchpoint  *tp,
         char              **spec)
{
  g_autofree char *emotion = tp->has_emotion ? g_strdup_printf ("%d", tp->emotion) : g_strdup ("none");

  return g_strcmp0 (tp->phase->name, spec[0]) == 0 &&
         g_strcmp0 (tp->lane->name, spec[1]) == 0 &&
         g_strcmp0 (tp->title, spec[2]) == 0 &&
         tp->channel != NULL && g_strcmp0 (tp->channel->icon, spec[3]) == 0 &&
         g_strcmp0 (emotion, spec[4]) == 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GPtrArray) left = NULL;
  WaymarkReadInfo info = { 0 };
  GPtrArray *touchpoints;
  int failed = 0;

  if (argc < 2)
    {
      g_printerr ("usage: e2e-check-cards FILE PHASE|LANE|TITLE|ICON|EMOTION...\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  journey = waymark_file_load (file, &info, NULL, &error);
  if (journey == NULL)
    {
      g_printerr ("e2e-check-cards: %s\n", error->message);
      return 1;
    }

  touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  left = g_ptr_array_new ();
  for (guint i = 0; i < touchpoints->len; i++)
    g_ptr_array_add (left, g_ptr_array_index (touchpoints, i));

  for (int a = 2; a < argc; a++)
    {
      g_auto(GStrv) spec = g_strsplit (argv[a], "|", 5);
      gboolean found = FALSE;

      if (g_strv_length (spec) != 5)
        {
          g_printerr ("e2e-check-cards: “%s” is not PHASE|LANE|TITLE|ICON|EMOTION\n", argv[a]);
          return 2;
        }
      for (guint i = 0; i < left->len && !found; i++)
        if (matches (g_ptr_array_index (left, i), spec))
          {
            g_ptr_array_remove_index (left, i);
            found = TRUE;
          }
      if (!found)
        {
          g_printerr ("e2e-check-cards: no touchpoint %s\n", argv[a]);
          failed = 1;
        }
    }
  for (guint i = 0; i < left->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (left, i);

      g_printerr ("e2e-check-cards: one touchpoint too many: “%s” in %s × %s, channel %s, emotion %s%d\n",
                  tp->title ? tp->title : "", tp->phase->name, tp->lane->name,
                  tp->channel ? tp->channel->icon : "(none)", tp->has_emotion ? "" : "none ",
                  tp->emotion);
      failed = 1;
    }
  return failed;
}
