/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "e2e-check"

#include "config.h"

#include <stdlib.h>

#include "waymark-file.h"

/* e2e-check FILE PHASE LANE TITLE ICON: reads FILE with the core reader (as
 * the program would) and succeeds when it holds exactly one touchpoint
 * titled TITLE, in the cell PHASE × LANE, with a channel of icon ICON, and
 * otherwise the touchpoints it had before (none in the template used). */
int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  WaymarkReadInfo info = { 0 };
  GPtrArray *touchpoints;
  guint found = 0;

  if (argc != 6)
    {
      g_printerr ("usage: e2e-check FILE PHASE LANE TITLE ICON\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  journey = waymark_file_load (file, &info, NULL, &error);
  if (journey == NULL)
    {
      g_printerr ("e2e-check: %s\n", error->message);
      return 1;
    }

  touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);

      g_print ("touchpoint “%s” in %s × %s, channel %s\n", tp->title ? tp->title : "",
               tp->phase->name, tp->lane->name, tp->channel ? tp->channel->icon : "(none)");
      if (g_strcmp0 (tp->title, argv[4]) == 0 &&
          g_strcmp0 (tp->phase->name, argv[2]) == 0 &&
          g_strcmp0 (tp->lane->name, argv[3]) == 0 &&
          tp->channel != NULL && g_strcmp0 (tp->channel->icon, argv[5]) == 0)
        found++;
    }

  if (found != 1 || touchpoints->len != 1)
    {
      g_printerr ("e2e-check: expected one touchpoint “%s” in %s × %s with a %s channel\n",
                  argv[4], argv[2], argv[3], argv[5]);
      return 1;
    }
  return 0;
}
