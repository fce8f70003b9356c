/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-fragment.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

static WaymarkJourney *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_build_filename (g_getenv ("WAYMARK_DATADIR"), "templates",
                                                     "example-fitness-watch.journey", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  WaymarkJourney *journey;

  g_assert_true (g_file_load_contents (file, NULL, &data, &size, NULL, &error));
  journey = waymark_reader_read (data, size, "example", NULL, &error);
  g_assert_no_error (error);
  return journey;
}

static gpointer
by_title (WaymarkJourney *journey,
          const char     *title)
{
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  for (guint i = 0; i < tps->len; i++)
    if (g_strcmp0 (((WaymarkTouchpoint *) g_ptr_array_index (tps, i))->title, title) == 0)
      return g_ptr_array_index (tps, i);
  g_assert_not_reached ();
}

static char *
save (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A fragment holds the cards, what they need and the links between them,
 * and is a valid journey of its own. */
static void
test_new (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(WaymarkJourney) fragment = NULL;
  g_autoptr(WaymarkJourney) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  WaymarkTouchpoint *copy;

  g_ptr_array_add (cards, by_title (journey, "Instagram ad"));
  g_ptr_array_add (cards, by_title (journey, "Product page in the online shop"));
  g_ptr_array_add (cards, waymark_journey_get_item (journey, WAYMARK_ITEM_NOTE, 0));
  fragment = waymark_fragment_new (journey, cards);

  g_assert_cmpuint (waymark_journey_get_n_items (fragment, WAYMARK_ITEM_TOUCHPOINT), ==, 2);
  g_assert_cmpuint (waymark_journey_get_n_items (fragment, WAYMARK_ITEM_NOTE), ==, 1);
  g_assert_cmpuint (waymark_journey_get_n_items (fragment, WAYMARK_ITEM_LINK), ==, 1);
  g_assert_cmpuint (waymark_journey_get_n_items (fragment, WAYMARK_ITEM_CHANNEL), ==, 2);
  copy = by_title (fragment, "Instagram ad");
  /* Same ids, the fragment's own items. */
  g_assert_cmpstr (waymark_item_get_id (copy), ==, waymark_item_get_id (by_title (journey, "Instagram ad")));
  g_assert_true (waymark_journey_lookup (fragment, waymark_item_get_id (copy->phase)) == copy->phase);
  g_assert_true (copy->phase != ((WaymarkTouchpoint *) by_title (journey, "Instagram ad"))->phase);

  bytes = save (fragment);
  again = waymark_reader_read (bytes, strlen (bytes), "fragment", NULL, &error);
  g_assert_no_error (error);
}

/* Pasted cards get new ids and land in the chosen cell; a channel the
 * target lacks comes along; one step undoes it all. */
static void
test_paste (void)
{
  g_autoptr(WaymarkJourney) journey = load_example ();
  g_autoptr(WaymarkJourney) target = waymark_journey_new ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (target);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(WaymarkJourney) fragment = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  WaymarkPhase *phase = waymark_phase_new ("p", "Somewhere");
  WaymarkLane *lane = waymark_lane_new ("l", WAYMARK_LANE_TOUCHPOINTS, "Cards");
  WaymarkTouchpoint *tp;

  waymark_journey_insert_item (target, phase, -1);
  waymark_journey_insert_item (target, lane, -1);
  g_ptr_array_add (cards, by_title (journey, "Instagram ad"));
  g_ptr_array_add (cards, by_title (journey, "Product page in the online shop"));
  fragment = waymark_fragment_new (journey, cards);

  before = save (target);
  pasted = waymark_fragment_paste (history, fragment, phase, lane, G_MAXUINT);
  g_assert_cmpuint (pasted->len, ==, 2);
  tp = g_ptr_array_index (pasted, 0);
  g_assert_true (tp->phase == phase && tp->lane == lane);
  g_assert_cmpstr (waymark_item_get_id (tp), !=, waymark_item_get_id (by_title (journey, "Instagram ad")));
  g_assert_nonnull (tp->channel);
  g_assert_true (waymark_journey_lookup (target, waymark_item_get_id (tp->channel)) == tp->channel);
  g_assert_cmpuint (waymark_journey_get_n_items (target, WAYMARK_ITEM_LINK), ==, 1);
  g_assert_true (((WaymarkLink *) waymark_journey_get_item (target, WAYMARK_ITEM_LINK, 0))->from == tp);

  /* Pasting again reuses the channels it added. */
  g_ptr_array_unref (waymark_fragment_paste (history, fragment, phase, lane, 0));
  g_assert_cmpuint (waymark_journey_get_n_items (target, WAYMARK_ITEM_CHANNEL), ==, 2);
  g_assert_true (waymark_journey_get_item (target, WAYMARK_ITEM_TOUCHPOINT, 0) != (gpointer) tp);

  g_assert_true (waymark_history_undo (history));
  g_assert_true (waymark_history_undo (history));
  after = save (target);
  g_assert_cmpstr (after, ==, before);
  waymark_item_unref (phase);
  waymark_item_unref (lane);
}

static void
test_paste_text (void)
{
  g_autoptr(WaymarkJourney) target = waymark_journey_new ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (target);
  g_autoptr(GPtrArray) pasted = NULL;
  WaymarkPhase *phase = waymark_phase_new ("p", "Somewhere");
  WaymarkLane *lane = waymark_lane_new ("l", WAYMARK_LANE_NOTES, "Notes");

  waymark_journey_insert_item (target, phase, -1);
  waymark_journey_insert_item (target, lane, -1);
  pasted = waymark_fragment_paste_text (history, "First\n\n  Second  \n", phase, lane, G_MAXUINT);
  g_assert_cmpuint (pasted->len, ==, 2);
  g_assert_cmpstr (((WaymarkNote *) g_ptr_array_index (pasted, 1))->text, ==, "Second");
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 1);
  waymark_item_unref (phase);
  waymark_item_unref (lane);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fragment/new", test_new);
  g_test_add_func ("/fragment/paste", test_paste);
  g_test_add_func ("/fragment/paste-text", test_paste_text);

  return g_test_run ();
}
