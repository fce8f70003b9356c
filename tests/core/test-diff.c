/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "journey-builder.h"
#include "random-edits.h"
#include "waymark-diff.h"
#include "waymark-reader.h"
#include "waymark-template.h"
#include "waymark-writer.h"

static GFile *
example_file (void)
{
  return g_file_new_build_filename (g_getenv ("WAYMARK_DATADIR"), "templates", "example-fitness-watch.journey", NULL);
}

static WaymarkJourney *
load_example (void)
{
  g_autoptr(GFile) file = example_file ();
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  WaymarkJourney *journey;

  g_assert_true (g_file_load_contents (file, NULL, &data, &size, NULL, &error));
  journey = waymark_reader_read (data, size, "example", NULL, &error);
  g_assert_no_error (error);
  return journey;
}

/* The same map with a fresh id for everything: made separately. */
static WaymarkJourney *
renumbered (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkJourney *copy;

  file = g_file_new_tmp ("waymark-diff-XXXXXX.journey", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                          FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  copy = waymark_template_instantiate (file, &error);
  g_assert_no_error (error);
  g_file_delete (file, NULL, NULL);
  return copy;
}

static char *
save (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every record in words, one per line. */
static char *
describe_all (WaymarkDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
    {
      g_autofree char *line = waymark_diff_record_describe (diff, waymark_diff_get_record (diff, i));

      g_assert_nonnull (line);
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
assert_empty (WaymarkJourney   *a,
              WaymarkJourney   *b,
              WaymarkDiffFlags  flags)
{
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, flags);
  g_autofree char *words = describe_all (diff);

  g_assert_cmpstr (words, ==, "");
  g_assert_true (waymark_diff_is_empty (diff));
}

static void
test_identical (void)
{
  g_autoptr(WaymarkJourney) a = load_example ();
  g_autoptr(WaymarkJourney) b = load_example ();
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);

  g_assert_true (waymark_diff_is_empty (diff));
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      g_assert_cmpuint (waymark_diff_get_n_pairs (diff, t), ==, waymark_journey_get_n_items (a, t));
      g_assert_cmpuint (waymark_diff_get_n_only (diff, WAYMARK_DIFF_A, t), ==, 0);
      g_assert_cmpuint (waymark_diff_get_n_only (diff, WAYMARK_DIFF_B, t), ==, 0);
      for (guint i = 0; i < waymark_diff_get_n_pairs (diff, t); i++)
        {
          const WaymarkDiffPair *pair = waymark_diff_get_pair (diff, t, i);

          g_assert_cmpint (pair->match, ==, WAYMARK_DIFF_MATCH_ID);
          g_assert_cmpuint (pair->a.index, ==, i);
          g_assert_cmpuint (pair->b.index, ==, i);
          g_assert_cmpuint (pair->edited, ==, 0);
          g_assert_false (pair->moved);
          g_assert_false (pair->reordered);
          g_assert_true (waymark_diff_lookup (diff, WAYMARK_DIFF_B, pair->b.item) == pair);
          g_assert_true (waymark_diff_get_partner (diff, WAYMARK_DIFF_A, pair->a.item) == pair->b.item);
        }
    }
  assert_empty (a, a, WAYMARK_DIFF_BY_ID_ONLY);
}

/* Two maps made from one template have no id in common and still mean
 * the same. */
static void
test_separate_maps (void)
{
  g_autoptr(WaymarkJourney) example = load_example ();
  g_autoptr(WaymarkJourney) a = renumbered (example);
  g_autoptr(WaymarkJourney) b = renumbered (example);
  g_autoptr(WaymarkDiff) by_id = waymark_diff_new (a, b, WAYMARK_DIFF_BY_ID_ONLY);
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);
  guint n_tps = waymark_journey_get_n_items (a, WAYMARK_ITEM_TOUCHPOINT);

  g_assert_cmpstr (waymark_journey_get_id (a), !=, waymark_journey_get_id (b));
  g_assert_cmpuint (waymark_diff_get_n_pairs (by_id, WAYMARK_ITEM_TOUCHPOINT), ==, 0);
  g_assert_cmpuint (waymark_diff_get_n_only (by_id, WAYMARK_DIFF_B, WAYMARK_ITEM_TOUCHPOINT), ==, n_tps);

  g_assert_true (waymark_diff_is_empty (diff));
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      g_assert_cmpuint (waymark_diff_get_n_pairs (diff, t), ==, waymark_journey_get_n_items (a, t));
      for (guint i = 0; i < waymark_diff_get_n_pairs (diff, t); i++)
        {
          const WaymarkDiffPair *pair = waymark_diff_get_pair (diff, t, i);

          g_assert_cmpint (pair->match, ==, WAYMARK_DIFF_MATCH_CONTENT);
          g_assert_cmpuint (pair->a.index, ==, pair->b.index);
        }
    }
}

typedef struct {
  WaymarkJourney *journey;
  WaymarkPhase *phases[3];
  WaymarkLane *tps;
  WaymarkLane *notes;
  WaymarkChannel *web;
  WaymarkChannel *phone;
} Small;

/* Three phases; in the first, touchpoints t1 … t4 and a note. */
static void
small_init (Small *s)
{
  WaymarkTouchpoint *tp;

  s->journey = waymark_journey_new ();
  waymark_journey_set_id (s->journey, "j-1");
  waymark_journey_set_text (s->journey, WAYMARK_FIELD_TITLE, "Small");
  s->phases[0] = builder_add_phase (s->journey, "Awareness");
  s->phases[1] = builder_add_phase (s->journey, "Purchase");
  s->phases[2] = builder_add_phase (s->journey, "Service");
  s->tps = builder_add_lane (s->journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  builder_add_lane (s->journey, WAYMARK_LANE_EMOTION, "Emotions");
  s->notes = builder_add_lane (s->journey, WAYMARK_LANE_NOTES, "Pain points");
  s->web = builder_add_channel (s->journey, WAYMARK_CATEGORY_DIGITAL, "website", "Website");
  s->phone = builder_add_channel (s->journey, WAYMARK_CATEGORY_PERSONAL, "phone", "Hotline");
  builder_add_touchpoint (s->journey, s->phases[0], s->tps, s->web, "t1", 1);
  tp = builder_add_touchpoint (s->journey, s->phases[0], s->tps, s->web, "t2", -1);
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("NPS", "30", NULL, "40"));
  builder_add_touchpoint (s->journey, s->phases[0], s->tps, s->phone, "t3", 0);
  builder_add_touchpoint (s->journey, s->phases[0], s->tps, NULL, "t4", 99);
  builder_add_note (s->journey, s->phases[0], s->notes, "Too slow");
}

static gpointer
by_title (WaymarkJourney  *journey,
          WaymarkItemType  type,
          const char      *title)
{
  GPtrArray *items = waymark_journey_get_items (journey, type);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *label = waymark_diff_item_label (g_ptr_array_index (items, i));

      if (g_str_equal (label, title))
        return g_ptr_array_index (items, i);
    }
  g_assert_not_reached ();
}

static void
test_records (void)
{
  Small s;
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(WaymarkDiff) diff = NULL;
  g_autoptr(WaymarkDiff) back = NULL;
  g_autoptr(WaymarkJourney) applied = NULL;
  g_autofree char *words = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *b_bytes = NULL;
  g_autofree char *applied_bytes = NULL;
  WaymarkTouchpoint *tp;
  gpointer edited;

  small_init (&s);
  b = random_edits_copy_journey (s.journey);

  /* Journey title; a phase renamed; t2's emotion and KPI; t3 moved to
   * Purchase; t4 first in its cell; the note removed; a lane reordered; a
   * new touchpoint and a link. */
  waymark_journey_set_text (b, WAYMARK_FIELD_TITLE, "Small map");
  edited = waymark_item_copy (by_title (b, WAYMARK_ITEM_PHASE, "Service"));
  g_free (((WaymarkPhase *) edited)->name);
  ((WaymarkPhase *) edited)->name = g_strdup ("After-sales");
  builder_swap (b, by_title (b, WAYMARK_ITEM_PHASE, "Service"), edited);

  tp = waymark_item_copy (by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t2"));
  tp->emotion = -2;
  g_ptr_array_set_size (tp->kpis, 0);
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("NPS", "35", NULL, "40"));
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("Waiting time", "4", "min", NULL));
  builder_swap (b, by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t2"), tp);

  tp = waymark_item_copy (by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t3"));
  waymark_touchpoint_set_phase (tp, by_title (b, WAYMARK_ITEM_PHASE, "Purchase"));
  builder_swap (b, by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t3"), tp);
  waymark_journey_move_item (b, by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t4"), 0);

  waymark_item_unref (waymark_journey_remove_item (b, by_title (b, WAYMARK_ITEM_NOTE, "Too slow")));
  waymark_journey_move_item (b, by_title (b, WAYMARK_ITEM_LANE, "Pain points"), 0);
  builder_add_touchpoint (b, by_title (b, WAYMARK_ITEM_PHASE, "After-sales"), by_title (b, WAYMARK_ITEM_LANE,
                                                                                       "Touchpoints"),
                          by_title (b, WAYMARK_ITEM_CHANNEL, "Hotline"), "Call back", 2);
  {
    WaymarkLink *link = waymark_link_new ("link-1", by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t1"),
                                          by_title (b, WAYMARK_ITEM_TOUCHPOINT, "Call back"));
    waymark_journey_insert_item (b, link, -1);
    waymark_item_unref (link);
  }

  diff = waymark_diff_new (s.journey, b, WAYMARK_DIFF_BY_ID_ONLY);
  words = describe_all (diff);
  expected = g_strjoin ("\n",
                        "Journey: title “Small” → “Small map”",
                        "Phase “Service” renamed to “After-sales”",
                        "Lane “Pain points” reordered: position 3 → 1",
                        "Touchpoint “t4” reordered in Awareness / Touchpoints: position 4 → 1",
                        "Touchpoint “t2”: emotion −1 → −2",
                        "Touchpoint “t2”: KPI “NPS” 30, target 40 → 35, target 40",
                        "Touchpoint “t2”: added KPI “Waiting time” 4 min",
                        "Touchpoint “t3” moved from Awareness / Touchpoints, position 3 to Purchase / Touchpoints, position 1",
                        "Touchpoint “Call back” added at After-sales / Touchpoints, position 1",
                        "Note “Too slow” removed from Awareness / Pain points, position 1",
                        "Link “t1 → Call back” added",
                        "", NULL);
  g_assert_cmpstr (words, ==, expected);

  /* The pairs say what the records say. */
  {
    const WaymarkDiffPair *t2 = waymark_diff_lookup (diff, WAYMARK_DIFF_A, by_title (s.journey, WAYMARK_ITEM_TOUCHPOINT,
                                                                                       "t2"));
    const WaymarkDiffPair *t3 = waymark_diff_lookup (diff, WAYMARK_DIFF_B, by_title (b, WAYMARK_ITEM_TOUCHPOINT,
                                                                                       "t3"));

    g_assert_cmpuint (t2->edited, ==, WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_EMOTION) |
                                      WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_KPIS));
    g_assert_true (t3->moved);
    g_assert_cmpint (t3->a.phase, ==, 0);
    g_assert_cmpint (t3->b.phase, ==, 1);
    g_assert_cmpint (t3->a.position, ==, 2);
    g_assert_cmpint (t3->b.position, ==, 0);
    g_assert_cmpint (t3->b.lane, ==, 1);   /* the lanes were reordered */
    g_assert_cmpuint (waymark_diff_get_n_only (diff, WAYMARK_DIFF_A, WAYMARK_ITEM_NOTE), ==, 1);
    g_assert_cmpuint (waymark_diff_get_n_only (diff, WAYMARK_DIFF_B, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
    g_assert_cmpuint (waymark_diff_get_journey_edited (diff), ==, WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_TITLE));
  }

  /* Applied to A, the diff gives B, byte for byte. */
  applied = waymark_diff_apply (diff);
  b_bytes = save (b);
  applied_bytes = save (applied);
  g_assert_cmpstr (applied_bytes, ==, b_bytes);

  /* And backwards the same changes, the other way round. */
  back = waymark_diff_new (b, s.journey, WAYMARK_DIFF_BY_ID_ONLY);
  g_assert_cmpuint (waymark_diff_get_n_records (back), ==, waymark_diff_get_n_records (diff));
  g_object_unref (s.journey);
}

/* Duplicates pair up in the same phase first, then in document order. */
static void
test_duplicates (void)
{
  g_autoptr(WaymarkJourney) a = waymark_journey_new ();
  g_autoptr(WaymarkJourney) b = waymark_journey_new ();
  WaymarkTouchpoint *a_tps[3], *b_tps[3];

  {
    WaymarkPhase *p1 = builder_add_phase (a, "One");
    WaymarkPhase *p2 = builder_add_phase (a, "Two");
    WaymarkLane *lane = builder_add_lane (a, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");

    a_tps[0] = builder_add_touchpoint (a, p2, lane, NULL, "Call", 1);
    a_tps[1] = builder_add_touchpoint (a, p1, lane, NULL, "Call", 2);
    a_tps[2] = builder_add_touchpoint (a, p1, lane, NULL, "Call", -1);
  }
  {
    WaymarkPhase *p1 = builder_add_phase (b, "one");
    WaymarkPhase *p2 = builder_add_phase (b, "Two ");
    WaymarkLane *lane = builder_add_lane (b, WAYMARK_LANE_TOUCHPOINTS, "TOUCHPOINTS");

    b_tps[0] = builder_add_touchpoint (b, p1, lane, NULL, "call", 2);
    b_tps[1] = builder_add_touchpoint (b, p1, lane, NULL, "  Call", -1);
    b_tps[2] = builder_add_touchpoint (b, p2, lane, NULL, "CALL", 1);
  }

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);

      g_assert_true (waymark_diff_get_partner (diff, WAYMARK_DIFF_A, a_tps[0]) == b_tps[2]);
      g_assert_true (waymark_diff_get_partner (diff, WAYMARK_DIFF_A, a_tps[1]) == b_tps[0]);
      g_assert_true (waymark_diff_get_partner (diff, WAYMARK_DIFF_A, a_tps[2]) == b_tps[1]);
      /* Only the titles' spelling differs. */
      for (guint i = 0; i < 3; i++)
        g_assert_cmpuint (waymark_diff_lookup (diff, WAYMARK_DIFF_A, a_tps[i])->edited, ==,
                          WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_TITLE));
    }
}

/* A renamed channel keeps its touchpoints matched; a touchpoint whose
 * channel changed still matches by its title. */
static void
test_channel_match (void)
{
  Small s;
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(WaymarkJourney) c = NULL;
  g_autoptr(WaymarkDiff) diff = NULL;
  g_autoptr(WaymarkDiff) renamed = NULL;
  WaymarkChannel *channel;
  WaymarkTouchpoint *tp;
  const WaymarkDiffPair *pair;

  small_init (&s);

  /* The channel renamed with its id kept, t1 with another id: t1 still
   * keys by the name A knows its channel by. */
  c = random_edits_copy_journey (s.journey);
  channel = waymark_item_copy (by_title (c, WAYMARK_ITEM_CHANNEL, "Website"));
  g_free (channel->name);
  channel->name = g_strdup ("Web shop");
  builder_swap (c, by_title (c, WAYMARK_ITEM_CHANNEL, "Website"), channel);
  tp = by_title (c, WAYMARK_ITEM_TOUCHPOINT, "t1");
  waymark_item_ref (tp);
  waymark_item_unref (waymark_journey_remove_item (c, tp));
  g_free (tp->item.id);
  tp->item.id = g_strdup ("tp-other");
  waymark_journey_insert_item (c, tp, 0);
  waymark_item_unref (tp);
  renamed = waymark_diff_new (s.journey, c, WAYMARK_DIFF_FLAGS_NONE);
  pair = waymark_diff_lookup (renamed, WAYMARK_DIFF_A, by_title (s.journey, WAYMARK_ITEM_TOUCHPOINT, "t1"));
  g_assert_nonnull (pair);
  g_assert_cmpint (pair->match, ==, WAYMARK_DIFF_MATCH_CONTENT);
  g_assert_cmpuint (pair->edited, ==, 0);
  g_assert_cmpuint (waymark_diff_get_n_records (renamed), ==, 1);

  /* Made separately, t3 on another channel: matched by its title. */
  b = renumbered (s.journey);
  tp = waymark_item_copy (by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t3"));
  waymark_touchpoint_set_channel (tp, by_title (b, WAYMARK_ITEM_CHANNEL, "Website"));
  builder_swap (b, by_title (b, WAYMARK_ITEM_TOUCHPOINT, "t3"), tp);
  diff = waymark_diff_new (s.journey, b, WAYMARK_DIFF_FLAGS_NONE);
  pair = waymark_diff_lookup (diff, WAYMARK_DIFF_A, by_title (s.journey, WAYMARK_ITEM_TOUCHPOINT, "t3"));
  g_assert_nonnull (pair);
  g_assert_cmpint (pair->match, ==, WAYMARK_DIFF_MATCH_TITLE);
  g_assert_cmpuint (pair->edited, ==, WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_CHANNEL));
  g_assert_cmpuint (waymark_diff_get_n_records (diff), ==, 1);
  g_object_unref (s.journey);
}

/* Random edits of the example: the diff of a map with itself is empty,
 * and applying the diff of two versions to the first gives the second. */
static void
test_random (void)
{
  g_autoptr(WaymarkJourney) base = load_example ();

  for (guint seed = 1; seed <= 60; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(WaymarkJourney) edited = random_edits_copy_journey (base);
      g_autoptr(WaymarkHistory) history = waymark_history_new (edited);
      g_autoptr(RandomEdits) edits = random_edits_new (history);
      g_autoptr(WaymarkDiff) same = NULL;
      g_autoptr(WaymarkDiff) diff = NULL;
      g_autoptr(WaymarkDiff) content = NULL;
      g_autoptr(WaymarkJourney) applied = NULL;
      g_autoptr(WaymarkJourney) applied_content = NULL;
      g_autofree char *edited_bytes = NULL;
      g_autofree char *applied_bytes = NULL;
      g_autofree char *words = NULL;

      random_edits_run (edits, rand, (guint) g_rand_int_range (rand, 1, 40), NULL);

      same = waymark_diff_new (edited, edited, WAYMARK_DIFF_FLAGS_NONE);
      g_assert_true (waymark_diff_is_empty (same));

      diff = waymark_diff_new (base, edited, WAYMARK_DIFF_BY_ID_ONLY);
      words = describe_all (diff);
      applied = waymark_diff_apply (diff);
      edited_bytes = save (edited);
      applied_bytes = save (applied);
      g_assert_cmpstr (applied_bytes, ==, edited_bytes);
      assert_empty (applied, edited, WAYMARK_DIFF_BY_ID_ONLY);

      /* Matched by content as well, the result means the same. */
      content = waymark_diff_new (base, edited, WAYMARK_DIFF_FLAGS_NONE);
      applied_content = waymark_diff_apply (content);
      assert_empty (applied_content, edited, WAYMARK_DIFF_FLAGS_NONE);

      /* And for a copy made separately. */
      {
        g_autoptr(WaymarkJourney) separate = renumbered (edited);
        g_autoptr(WaymarkDiff) d = waymark_diff_new (base, separate, WAYMARK_DIFF_FLAGS_NONE);
        g_autoptr(WaymarkJourney) patched = waymark_diff_apply (d);

        assert_empty (patched, separate, WAYMARK_DIFF_FLAGS_NONE);
      }
    }
}

/* Linear work: twice the map, about twice the time (not timed here; the
 * benchmark does that); this only makes a large diff run in the suite. */
static void
test_large (void)
{
  g_autoptr(WaymarkJourney) a = builder_generate (12, 3000, 7);
  g_autoptr(WaymarkJourney) b = random_edits_copy_journey (a);
  g_autoptr(WaymarkDiff) diff = NULL;
  WaymarkTouchpoint *tp = waymark_journey_get_item (b, WAYMARK_ITEM_TOUCHPOINT, 1500);

  builder_set_title (b, tp, "Changed");
  waymark_journey_move_item (b, waymark_journey_get_item (b, WAYMARK_ITEM_TOUCHPOINT, 10), 2999);
  diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);
  g_assert_cmpuint (waymark_diff_get_n_pairs (diff, WAYMARK_ITEM_TOUCHPOINT), ==, 3000);
  g_assert_true (waymark_diff_lookup (diff, WAYMARK_DIFF_B, tp)->edited == WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_TITLE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/separate-maps", test_separate_maps);
  g_test_add_func ("/diff/records", test_records);
  g_test_add_func ("/diff/duplicates", test_duplicates);
  g_test_add_func ("/diff/channel-match", test_channel_match);
  g_test_add_func ("/diff/random", test_random);
  g_test_add_func ("/diff/large", test_large);

  return g_test_run ();
}
