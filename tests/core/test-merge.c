/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "journey-builder.h"
#include "random-edits.h"
#include "waymark-diff.h"
#include "waymark-error.h"
#include "waymark-merge.h"
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

static char *
save (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static WaymarkJourney *
merge (WaymarkJourney *base,
       WaymarkJourney *ours,
       WaymarkJourney *theirs)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *merged = waymark_merge (base, ours, theirs, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  return merged;
}

/* What differs, in words ("" when the two mean the same), leaving out
 * where the items in @placed (ids; nullable) are in their order. */
static char *
differences_but (WaymarkJourney *a,
                 WaymarkJourney *b,
                 GHashTable     *placed)
{
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, WAYMARK_DIFF_BY_ID_ONLY);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
    {
      const WaymarkDiffRecord *record = waymark_diff_get_record (diff, i);
      g_autofree char *line = NULL;

      if (placed != NULL && record->kind == WAYMARK_DIFF_REORDERED &&
          g_hash_table_contains (placed, waymark_item_get_id (record->a->item)))
        continue;
      line = waymark_diff_record_describe (diff, record);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static char *
differences (WaymarkJourney *a,
             WaymarkJourney *b)
{
  return differences_but (a, b, NULL);
}

static void
assert_same (WaymarkJourney *a,
             WaymarkJourney *b)
{
  g_autofree char *words = differences (a, b);

  g_assert_cmpstr (words, ==, "");
}

/* The merged map saves, loads again as the same map, and saves to the
 * same bytes. */
static void
assert_round_trip (WaymarkJourney *journey)
{
  g_autofree char *bytes = save (journey);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) again = waymark_reader_read (bytes, strlen (bytes), "merged", NULL, &error);
  g_autofree char *bytes_again = NULL;

  g_assert_no_error (error);
  bytes_again = save (again);
  g_assert_cmpstr (bytes_again, ==, bytes);
  g_assert_cmpuint (waymark_journey_get_conflicts (again)->len, ==, waymark_journey_get_conflicts (journey)->len);
}

/* The saved map matches data/journey.rng (when xmllint is there). */
static void
assert_schema_valid (WaymarkJourney *journey)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *rng = g_build_filename (g_getenv ("WAYMARK_DATADIR"), "journey.rng", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = waymark_writer_write (journey);
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (xmllint == NULL)
    return;
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "xmllint", "--noout", "--relaxng", rng, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("the merged map does not match journey.rng:\n%.*s",
             (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
}

/* ---- Hand-written cases ---- */

typedef struct {
  WaymarkJourney *base;
  WaymarkPhase *phases[2];
  WaymarkLane *lane;
  WaymarkLane *notes;
} Fixture;

/* Two phases; six touchpoints tp-1 … tp-6 ("t1" … "t6") in the first
 * one's cell. */
static void
fixture_init (Fixture *f)
{
  f->base = waymark_journey_new ();
  waymark_journey_set_id (f->base, "j-1");
  waymark_journey_set_text (f->base, WAYMARK_FIELD_TITLE, "Base");
  f->phases[0] = builder_add_phase (f->base, "One");
  f->phases[1] = builder_add_phase (f->base, "Two");
  f->lane = builder_add_lane (f->base, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  f->notes = builder_add_lane (f->base, WAYMARK_LANE_NOTES, "Notes");
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("tp-%d", i);
      g_autofree char *title = g_strdup_printf ("t%d", i);
      WaymarkTouchpoint *tp = waymark_touchpoint_new (id, f->phases[0], f->lane, title);

      tp->has_emotion = TRUE;
      g_assert_true (waymark_journey_insert_item (f->base, tp, -1));
      waymark_item_unref (tp);
    }
}

static gpointer
get (WaymarkJourney *journey,
     const char     *id)
{
  gpointer item = waymark_journey_lookup (journey, id);

  g_assert_nonnull (item);
  return item;
}

/* Swaps in an edited copy the way a command does. */
static WaymarkTouchpoint *
edit_tp (WaymarkJourney *journey,
         const char     *id)
{
  return waymark_item_copy (get (journey, id));
}

static void
commit (WaymarkJourney *journey,
        gpointer        edited)
{
  builder_swap (journey, get (journey, waymark_item_get_id (edited)), edited);
}

/* The titles of a cell's cards in order, comma-separated. */
static char *
cell_titles (WaymarkJourney *journey,
             const char     *phase,
             const char     *lane)
{
  g_autoptr(GPtrArray) cell = waymark_journey_get_cell (journey, get (journey, phase), get (journey, lane));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cell->len; i++)
    {
      g_autofree char *label = waymark_diff_item_label (g_ptr_array_index (cell, i));

      g_string_append_printf (out, "%s%s", i ? "," : "", label);
    }
  return g_string_free (out, FALSE);
}

static void
move_in_list (WaymarkJourney *journey,
              const char     *id,
              guint           index)
{
  waymark_journey_move_item (journey, get (journey, id), index);
}

static void
test_fields (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) swapped = NULL;
  WaymarkTouchpoint *tp;

  fixture_init (&f);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);

  /* Different fields of one card, KPIs by name, the journey's title. */
  tp = edit_tp (ours, "tp-1");
  g_free (tp->title);
  tp->title = g_strdup ("Ours");
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("NPS", "30", NULL, NULL));
  commit (ours, tp);
  tp = edit_tp (theirs, "tp-1");
  tp->emotion = -2;
  tp->owner = g_strdup ("Service");
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("Waiting time", "4", "min", NULL));
  commit (theirs, tp);
  waymark_journey_set_text (theirs, WAYMARK_FIELD_TITLE, "Theirs");

  merged = merge (f.base, ours, theirs);
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 0);
  tp = get (merged, "tp-1");
  g_assert_cmpstr (tp->title, ==, "Ours");
  g_assert_cmpint (tp->emotion, ==, -2);
  g_assert_cmpstr (tp->owner, ==, "Service");
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp), ==, 2);
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->name, ==, "NPS");
  g_assert_cmpstr (waymark_journey_get_text (merged, WAYMARK_FIELD_TITLE), ==, "Theirs");
  assert_round_trip (merged);

  swapped = merge (f.base, theirs, ours);
  assert_same (merged, swapped);

  /* Merging with an unchanged side gives the other side. */
  {
    g_autoptr(WaymarkJourney) m1 = merge (f.base, ours, f.base);
    g_autoptr(WaymarkJourney) m2 = merge (f.base, f.base, ours);
    g_autofree char *ours_bytes = save (ours);
    g_autofree char *m1_bytes = save (m1);
    g_autofree char *m2_bytes = save (m2);

    g_assert_cmpstr (m1_bytes, ==, ours_bytes);
    g_assert_cmpstr (m2_bytes, ==, ours_bytes);
  }
  g_object_unref (f.base);
}

static void
test_field_conflict (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *clean = NULL;
  WaymarkConflict *conflict;
  WaymarkTouchpoint *tp;

  fixture_init (&f);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);
  tp = edit_tp (ours, "tp-2");
  g_free (tp->title);
  tp->title = g_strdup ("Call us");
  tp->emotion = 1;
  commit (ours, tp);
  tp = edit_tp (theirs, "tp-2");
  g_free (tp->title);
  tp->title = g_strdup ("Chat with us");
  tp->emotion = 1;
  commit (theirs, tp);
  waymark_journey_set_text (ours, WAYMARK_FIELD_GOAL, "Buy");
  waymark_journey_set_text (theirs, WAYMARK_FIELD_GOAL, "Rent");

  merged = merge (f.base, ours, theirs);
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 2);
  /* The journey's own first, then the items'. */
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 0);
  g_assert_null (conflict->item);
  g_assert_cmpint (conflict->field, ==, WAYMARK_DIFF_FIELD_GOAL);
  g_assert_false (conflict->values[WAYMARK_CONFLICT_BASE].set == FALSE);
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 1);
  g_assert_cmpint (conflict->kind, ==, WAYMARK_CONFLICT_FIELD);
  g_assert_cmpstr (conflict->item, ==, "tp-2");
  g_assert_cmpint (conflict->field, ==, WAYMARK_DIFF_FIELD_TITLE);
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_BASE].text, ==, "t2");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_OURS].text, ==, "Call us");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_THEIRS].text, ==, "Chat with us");
  /* The map holds ours; the same change on both sides is no conflict. */
  tp = get (merged, "tp-2");
  g_assert_cmpstr (tp->title, ==, "Call us");
  g_assert_cmpint (tp->emotion, ==, 1);
  {
    g_autofree char *what = waymark_conflict_describe (conflict, merged);
    g_autofree char *theirs_value = waymark_conflict_describe_value (conflict, merged, WAYMARK_CONFLICT_THEIRS);

    g_assert_cmpstr (what, ==, "Touchpoint “Call us”: title");
    g_assert_cmpstr (theirs_value, ==, "Chat with us");
  }

  /* Kept in the file in format 2, and read back. */
  bytes = save (merged);
  g_assert_nonnull (strstr (bytes, "format=\"2\""));
  g_assert_nonnull (strstr (bytes,
                            "  <conflict item=\"tp-2\" field=\"title\">\n"
                            "    <base>t2</base>\n"
                            "    <ours>Call us</ours>\n"
                            "    <theirs>Chat with us</theirs>\n"
                            "  </conflict>\n"));
  assert_round_trip (merged);

  /* Picking a side settles it, in one undo step. */
  history = waymark_history_new (merged);
  g_assert_true (waymark_edits_resolve_conflict (history, conflict, WAYMARK_CONFLICT_THEIRS));
  g_assert_cmpstr (tp->title, ==, "Chat with us");
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 1);
  g_assert_true (waymark_history_undo (history));
  g_assert_cmpstr (tp->title, ==, "Call us");
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 2);
  g_assert_true (waymark_history_redo (history));
  waymark_edits_keep_conflict (history, g_ptr_array_index (waymark_journey_get_conflicts (merged), 0));
  g_assert_cmpstr (waymark_journey_get_text (merged, WAYMARK_FIELD_GOAL), ==, "Buy");

  /* All settled: a clean file of the old format. */
  clean = save (merged);
  g_assert_null (strstr (clean, "<conflict"));
  g_assert_nonnull (strstr (clean, "format=\"1\""));
  g_object_unref (f.base);
}

static void
test_deleted (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) swapped = NULL;
  g_autoptr(WaymarkHistory) history = NULL;
  WaymarkConflict *conflict;
  WaymarkTouchpoint *tp;

  fixture_init (&f);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);

  /* Ours deletes t3 and t4; theirs changes t3 and leaves t4 alone; ours
   * deletes phase Two, where theirs adds a card. */
  waymark_item_unref (waymark_journey_remove_item (ours, get (ours, "tp-3")));
  waymark_item_unref (waymark_journey_remove_item (ours, get (ours, "tp-4")));
  tp = edit_tp (theirs, "tp-3");
  tp->strength = WAYMARK_STRENGTH_WEAKNESS;
  commit (theirs, tp);
  waymark_item_unref (waymark_journey_remove_item (ours, get (ours, waymark_item_get_id (f.phases[1]))));
  tp = builder_add_touchpoint (theirs, get (theirs, waymark_item_get_id (f.phases[1])),
                               get (theirs, waymark_item_get_id (f.lane)), NULL, "New", 99);

  merged = merge (f.base, ours, theirs);
  g_assert_null (waymark_journey_lookup (merged, "tp-4"));
  g_assert_nonnull (waymark_journey_lookup (merged, waymark_item_get_id (tp)));
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 2);
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 0);
  g_assert_cmpint (conflict->kind, ==, WAYMARK_CONFLICT_DELETED);
  g_assert_cmpstr (conflict->item, ==, waymark_item_get_id (f.phases[1]));
  g_assert_cmpint (conflict->deleted_by, ==, WAYMARK_CONFLICT_OURS);
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 1);
  g_assert_cmpstr (conflict->item, ==, "tp-3");
  g_assert_cmpint (((WaymarkTouchpoint *) get (merged, "tp-3"))->strength, ==, WAYMARK_STRENGTH_WEAKNESS);
  assert_round_trip (merged);

  swapped = merge (f.base, theirs, ours);
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (swapped), 1);
  g_assert_cmpint (conflict->deleted_by, ==, WAYMARK_CONFLICT_THEIRS);
  assert_same (merged, swapped);

  /* Deleting the phase after all takes the card with it. */
  history = waymark_history_new (merged);
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 0);
  g_assert_true (waymark_edits_resolve_conflict (history, conflict, WAYMARK_CONFLICT_OURS));
  g_assert_null (waymark_journey_lookup (merged, waymark_item_get_id (f.phases[1])));
  g_assert_null (waymark_journey_lookup (merged, waymark_item_get_id (tp)));
  conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 0);
  g_assert_true (waymark_edits_resolve_conflict (history, conflict, WAYMARK_CONFLICT_THEIRS));
  g_assert_nonnull (waymark_journey_lookup (merged, "tp-3"));
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 0);
  g_object_unref (f.base);
}

static void
test_orders (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) swapped = NULL;
  g_autofree char *order = NULL;
  g_autofree char *swapped_order = NULL;
  const char *phase, *lane;

  fixture_init (&f);
  phase = waymark_item_get_id (f.phases[0]);
  lane = waymark_item_get_id (f.lane);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);

  /* Ours moves t1 after t3; theirs moves t6 before t4 and the phases. */
  move_in_list (ours, "tp-1", 2);
  move_in_list (theirs, "tp-6", 3);
  move_in_list (theirs, waymark_item_get_id (f.phases[1]), 0);
  {
    g_autofree char *o = cell_titles (ours, phase, lane);
    g_autofree char *t = cell_titles (theirs, phase, lane);

    g_assert_cmpstr (o, ==, "t2,t3,t1,t4,t5,t6");
    g_assert_cmpstr (t, ==, "t1,t2,t3,t6,t4,t5");
  }

  merged = merge (f.base, ours, theirs);
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 0);
  order = cell_titles (merged, phase, lane);
  g_assert_cmpstr (order, ==, "t2,t3,t1,t6,t4,t5");
  g_assert_true (waymark_journey_get_item (merged, WAYMARK_ITEM_PHASE, 0) ==
                 get (merged, waymark_item_get_id (f.phases[1])));
  swapped = merge (f.base, theirs, ours);
  swapped_order = cell_titles (swapped, phase, lane);
  g_assert_cmpstr (swapped_order, ==, order);

  /* Both move t5, to different places: a conflict; the map has ours. */
  g_clear_object (&merged);
  g_clear_object (&ours);
  g_clear_object (&theirs);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);
  move_in_list (ours, "tp-5", 0);
  move_in_list (theirs, "tp-5", 2);
  merged = merge (f.base, ours, theirs);
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 1);
  {
    WaymarkConflict *conflict = g_ptr_array_index (waymark_journey_get_conflicts (merged), 0);
    g_autoptr(WaymarkHistory) history = waymark_history_new (merged);
    g_autofree char *before = cell_titles (merged, phase, lane);
    g_autofree char *after = NULL;
    g_autofree char *value = waymark_conflict_describe_value (conflict, merged, WAYMARK_CONFLICT_THEIRS);

    g_assert_cmpint (conflict->kind, ==, WAYMARK_CONFLICT_ORDER);
    g_assert_cmpstr (conflict->item, ==, "tp-5");
    g_assert_cmpstr (before, ==, "t5,t1,t2,t3,t4,t6");
    g_assert_cmpstr (value, ==, "after “t2”");
    assert_round_trip (merged);
    g_assert_true (waymark_edits_resolve_conflict (history, conflict, WAYMARK_CONFLICT_THEIRS));
    after = cell_titles (merged, phase, lane);
    g_assert_cmpstr (after, ==, "t1,t2,t5,t3,t4,t6");
  }
  g_object_unref (f.base);
}

/* A card moved to another cell on one side and edited on the other; a
 * phase from one side and a lane from the other. */
static void
test_cells (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  WaymarkTouchpoint *tp;
  WaymarkLane *backstage;

  fixture_init (&f);
  backstage = builder_add_lane (f.base, WAYMARK_LANE_TOUCHPOINTS, "Backstage");
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);

  tp = edit_tp (ours, "tp-2");
  waymark_touchpoint_set_phase (tp, get (ours, waymark_item_get_id (f.phases[1])));
  commit (ours, tp);
  tp = edit_tp (theirs, "tp-2");
  waymark_touchpoint_set_lane (tp, get (theirs, waymark_item_get_id (backstage)));
  g_free (tp->title);
  tp->title = g_strdup ("Moved");
  commit (theirs, tp);

  merged = merge (f.base, ours, theirs);
  g_assert_cmpuint (waymark_journey_get_conflicts (merged)->len, ==, 0);
  tp = get (merged, "tp-2");
  g_assert_cmpstr (tp->title, ==, "Moved");
  g_assert_cmpstr (waymark_item_get_id (tp->phase), ==, waymark_item_get_id (f.phases[1]));
  g_assert_cmpstr (waymark_item_get_id (tp->lane), ==, waymark_item_get_id (backstage));
  assert_round_trip (merged);
  g_object_unref (f.base);
}

/* Inputs with open conflicts are refused. */
static void
test_refuses_conflicts (void)
{
  Fixture f;
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) again = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  ours = random_edits_copy_journey (f.base);
  theirs = random_edits_copy_journey (f.base);
  waymark_journey_set_text (ours, WAYMARK_FIELD_TITLE, "A");
  waymark_journey_set_text (theirs, WAYMARK_FIELD_TITLE, "B");
  merged = merge (f.base, ours, theirs);
  again = waymark_merge (f.base, merged, theirs, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID);
  g_object_unref (f.base);
}

/* ---- Properties ---- */

/* Edits A and B that do not conflict: merging base+A with base+B gives
 * base+A+B, either way round, without conflicts. */
static void
test_random_clean (void)
{
  g_autoptr(WaymarkJourney) base = load_example ();
  guint total_a = 0, total_b = 0;

  for (guint seed = 1; seed <= 150; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(WaymarkJourney) a = random_edits_copy_journey (base);
      g_autoptr(WaymarkJourney) b = random_edits_copy_journey (base);
      g_autoptr(WaymarkJourney) expected = random_edits_copy_journey (base);
      g_autoptr(WaymarkHistory) history_a = waymark_history_new (a);
      g_autoptr(WaymarkHistory) history_b = waymark_history_new (b);
      g_autoptr(WaymarkHistory) history_expected = waymark_history_new (expected);
      g_autoptr(RandomEdits) edits_a = random_edits_new (history_a);
      g_autoptr(RandomEdits) edits_b = random_edits_new (history_b);
      g_autoptr(WaymarkJourney) merged = NULL;
      g_autoptr(WaymarkJourney) swapped = NULL;

      random_edits_run (edits_a, rand, (guint) g_rand_int_range (rand, 1, 25), NULL);
      random_edits_run (edits_b, rand, (guint) g_rand_int_range (rand, 1, 25), edits_a);
      total_a += random_edits_count (edits_a);
      total_b += random_edits_count (edits_b);
      random_edits_replay (edits_a, history_expected);
      random_edits_replay (edits_b, history_expected);

      merged = merge (base, a, b);
      if (waymark_journey_get_conflicts (merged)->len > 0)
        g_error ("seed %u: %u conflicts", seed, waymark_journey_get_conflicts (merged)->len);
      {
        g_autofree char *words = differences (merged, expected);

        if (*words != '\0')
          g_error ("seed %u: the merge differs from base+A+B:\n%s", seed, words);
      }
      swapped = merge (base, b, a);
      assert_same (swapped, expected);
      assert_round_trip (merged);
    }
  /* The generator drew enough edits on both sides to mean something. */
  g_assert_cmpuint (total_a, >, 1000);
  g_assert_cmpuint (total_b, >, 600);
}

/* Any edits: the merge is symmetric up to the sides of its conflicts.
 * Settling every conflict for the same side in both gives one map (a
 * card that a conflict moves to another cell may land elsewhere in it:
 * a conflict keeps a side's cell, not its place there). */
static void
test_random_symmetric (void)
{
  g_autoptr(WaymarkJourney) base = load_example ();
  guint conflicts = 0;

  for (guint seed = 1; seed <= 120; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919);
      g_autoptr(WaymarkJourney) a = random_edits_copy_journey (base);
      g_autoptr(WaymarkJourney) b = random_edits_copy_journey (base);
      g_autoptr(WaymarkHistory) history_a = waymark_history_new (a);
      g_autoptr(WaymarkHistory) history_b = waymark_history_new (b);
      g_autoptr(RandomEdits) edits_a = random_edits_new (history_a);
      g_autoptr(RandomEdits) edits_b = random_edits_new (history_b);
      g_autoptr(WaymarkJourney) ab = NULL;
      g_autoptr(WaymarkJourney) ba = NULL;
      g_autoptr(WaymarkHistory) history_ab = NULL;
      g_autoptr(WaymarkHistory) history_ba = NULL;
      g_autoptr(GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      random_edits_run (edits_a, rand, (guint) g_rand_int_range (rand, 1, 30), NULL);
      random_edits_run (edits_b, rand, (guint) g_rand_int_range (rand, 1, 30), NULL);

      ab = merge (base, a, b);
      ba = merge (base, b, a);
      g_assert_cmpuint (waymark_journey_get_conflicts (ab)->len, ==, waymark_journey_get_conflicts (ba)->len);
      conflicts += waymark_journey_get_conflicts (ab)->len;
      assert_round_trip (ab);
      if (seed <= 25)
        assert_schema_valid (ab);

      for (guint i = 0; i < waymark_journey_get_conflicts (ab)->len; i++)
        {
          WaymarkConflict *conflict = g_ptr_array_index (waymark_journey_get_conflicts (ab), i);

          if (conflict->item != NULL && conflict->kind == WAYMARK_CONFLICT_FIELD &&
              (conflict->field == WAYMARK_DIFF_FIELD_PHASE || conflict->field == WAYMARK_DIFF_FIELD_LANE))
            g_hash_table_add (placed, g_strdup (conflict->item));
        }

      /* a's side is ours in ab and theirs in ba. */
      history_ab = waymark_history_new (ab);
      history_ba = waymark_history_new (ba);
      while (waymark_journey_get_conflicts (ab)->len > 0)
        if (!waymark_edits_resolve_conflict (history_ab, g_ptr_array_index (waymark_journey_get_conflicts (ab), 0),
                                             WAYMARK_CONFLICT_OURS))
          waymark_edits_keep_conflict (history_ab, g_ptr_array_index (waymark_journey_get_conflicts (ab), 0));
      while (waymark_journey_get_conflicts (ba)->len > 0)
        if (!waymark_edits_resolve_conflict (history_ba, g_ptr_array_index (waymark_journey_get_conflicts (ba), 0),
                                             WAYMARK_CONFLICT_THEIRS))
          waymark_edits_keep_conflict (history_ba, g_ptr_array_index (waymark_journey_get_conflicts (ba), 0));
      {
        g_autofree char *words = differences_but (ab, ba, placed);

        if (*words != '\0')
          g_error ("seed %u: the two merges, settled for the same side, differ:\n%s", seed, words);
      }
    }
  /* Unconstrained edits do collide now and then. */
  g_assert_cmpuint (conflicts, >, 20);
}

/* How many items of @journey are the very items of @reference. */
static guint
count_shared (WaymarkJourney *journey,
              WaymarkJourney *reference)
{
  guint shared = 0;

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, type);

      for (guint i = 0; i < items->len; i++)
        if (waymark_journey_lookup (reference, waymark_item_get_id (items->pdata[i])) == items->pdata[i])
          shared++;
    }
  return shared;
}

/* @text read again, sharing @reference's items where they are the same. */
static WaymarkJourney *
read_sharing (const char     *text,
              WaymarkJourney *reference)
{
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { .share_with = reference };
  WaymarkJourney *journey = waymark_reader_read (text, strlen (text), "shared", &info, &error);

  g_assert_no_error (error);
  return journey;
}

/* `waymark merge` reads the base and theirs sharing ours' unchanged
 * items, to hold three versions for little more than one: the versions
 * still mean what their files say, and the merge (conflicts and all) is
 * the same to the byte. */
static void
test_random_shared (void)
{
  g_autoptr(WaymarkJourney) base = load_example ();
  g_autofree char *base_text = save (base);
  guint shared = 0, copies = 0;

  for (guint seed = 1; seed <= 120; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 104729);
      g_autoptr(WaymarkJourney) a = random_edits_copy_journey (base);
      g_autoptr(WaymarkJourney) b = random_edits_copy_journey (base);
      g_autoptr(WaymarkHistory) history_a = waymark_history_new (a);
      g_autoptr(WaymarkHistory) history_b = waymark_history_new (b);
      g_autoptr(RandomEdits) edits_a = random_edits_new (history_a);
      g_autoptr(RandomEdits) edits_b = random_edits_new (history_b);
      g_autoptr(WaymarkJourney) expected = NULL;
      g_autoptr(WaymarkJourney) base_shared = NULL;
      g_autoptr(WaymarkJourney) b_shared = NULL;
      g_autoptr(WaymarkJourney) merged = NULL;
      g_autofree char *b_text = NULL;
      g_autofree char *expected_text = NULL;
      g_autofree char *base_shared_text = NULL;
      g_autofree char *b_shared_text = NULL;
      g_autofree char *text = NULL;

      random_edits_run (edits_a, rand, (guint) g_rand_int_range (rand, 1, 30), NULL);
      random_edits_run (edits_b, rand, (guint) g_rand_int_range (rand, 1, 30), NULL);
      expected = merge (base, a, b);
      expected_text = save (expected);
      b_text = save (b);

      base_shared = read_sharing (base_text, a);
      b_shared = read_sharing (b_text, a);
      base_shared_text = save (base_shared);
      b_shared_text = save (b_shared);
      g_assert_cmpstr (base_shared_text, ==, base_text);
      g_assert_cmpstr (b_shared_text, ==, b_text);
      shared += count_shared (base_shared, a) + count_shared (b_shared, a);
      copies += count_shared (base_shared, base) + count_shared (b_shared, b);

      merged = merge (base_shared, a, b_shared);
      text = save (merged);
      if (g_strcmp0 (text, expected_text) != 0)
        g_error ("seed %u: the merge of shared versions differs", seed);
    }
  /* Most items did not change and are shared; the read versions hold
   * nothing of the originals they were written from. */
  g_test_message ("%u items shared", shared);
  g_assert_cmpuint (shared, >, 120 * 2 * 50);
  g_assert_cmpuint (copies, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/fields", test_fields);
  g_test_add_func ("/merge/field-conflict", test_field_conflict);
  g_test_add_func ("/merge/deleted", test_deleted);
  g_test_add_func ("/merge/orders", test_orders);
  g_test_add_func ("/merge/cells", test_cells);
  g_test_add_func ("/merge/refuses-conflicts", test_refuses_conflicts);
  g_test_add_func ("/merge/random-clean", test_random_clean);
  g_test_add_func ("/merge/random-symmetric", test_random_symmetric);
  g_test_add_func ("/merge/random-shared", test_random_shared);

  return g_test_run ();
}
