/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-diff.h"
#include "waymark-edits.h"
#include "waymark-error.h"
#include "waymark-merge.h"
#include "waymark-reader.h"
#include "waymark-votes.h"
#include "waymark-writer.h"

/* Dot votes on cards (format 2): the file keeps them, a format 1 file
 * refuses them, bad values say where, the writer goes back to format 1
 * when the last vote is gone, undo restores them, a diff reports them
 * and a merge takes them as a field. */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define MAP_START(format)                                                      \
  HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"" format "\" id=\"j-1\">\n" \
  "  <state>as-is</state>\n"                                                  \
  "  <phase id=\"phase-1\">\n"                                                \
  "    <name>Awareness</name>\n"                                              \
  "  </phase>\n"                                                              \
  "  <lane id=\"lane-1\" kind=\"touchpoints\">\n"                             \
  "    <name>Touchpoints</name>\n"                                            \
  "  </lane>\n"                                                               \
  "  <lane id=\"lane-2\" kind=\"notes\">\n"                                   \
  "    <name>Pain points</name>\n"                                            \
  "  </lane>\n"

/* Canonical: votes after the known attributes, before foreign ones. */
static const char votes_doc[] =
  MAP_START ("2")
  "  <touchpoint xmlns:ext=\"urn:example:ext\" id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\" initiator=\"brand\" votes=\"3\" ext:by=\"sam\">\n"
  "    <title>Checkout</title>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-2\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Delivery</title>\n"
  "  </touchpoint>\n"
  "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\" votes=\"999\">\n"
  "    <text>Hidden shipping costs</text>\n"
  "  </note>\n"
  "</journey>\n";

static const char plain_doc[] =
  MAP_START ("1")
  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Checkout</title>\n"
  "  </touchpoint>\n"
  "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\">\n"
  "    <text>Hidden shipping costs</text>\n"
  "  </note>\n"
  "</journey>\n";

static WaymarkJourney *
load (const char       *xml,
      WaymarkReadInfo  *info,
      GError          **error)
{
  return waymark_reader_read (xml, strlen (xml), "votes.journey", info, error);
}

static char *
save (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_refused (const char *xml,
                int         line,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = load (xml, NULL, &error);
  g_autofree char *prefix = g_strdup_printf ("votes.journey:%d: ", line);

  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, text) == NULL)
    g_error ("expected “%s…%s”, got “%s”", prefix, text, error->message);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { 0, };
  g_autoptr(WaymarkJourney) journey = load (votes_doc, &info, &error);
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, 2);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (journey, "tp-1")), ==, 3);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (journey, "tp-2")), ==, 0);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (journey, "note-1")), ==, WAYMARK_VOTES_MAX);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (journey, "phase-1")), ==, 0);

  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  written = save (journey);
  g_assert_cmpstr (written, ==, votes_doc);
}

static void
test_relaxng (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *rng = g_build_filename (datadir ? datadir : SOURCE_DATADIR, "journey.rng", NULL);
  const char *bad[] = { "-1", "1000", "0003", "+3", " 3", "three" };

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  /* The schema and the reader agree on what a vote count is. */
  for (int i = -1; i < (int) G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) input = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = NULL;
      g_autoptr(GError) read_error = NULL;

      if (i < 0)
        doc = g_strdup (votes_doc);
      else
        {
          g_autofree char *attribute = g_strdup_printf ("votes=\"%s\"", bad[i]);
          g_auto(GStrv) parts = g_strsplit (votes_doc, "votes=\"3\"", 2);

          doc = g_strjoin (attribute, parts[0], parts[1], NULL);
        }
      input = g_bytes_new (doc, strlen (doc));
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                  G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  &error, "xmllint", "--noout", "--relaxng", rng, "-", NULL);
      g_assert_no_error (error);
      g_subprocess_communicate (process, input, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      journey = load (doc, NULL, &read_error);
      if (g_subprocess_get_successful (process) != (i < 0) || (journey != NULL) != (i < 0))
        g_error ("votes=\"%s\": the schema says %s, the reader %s", i < 0 ? "3" : bad[i],
                 g_subprocess_get_successful (process) ? "valid" : "invalid",
                 journey != NULL ? "valid" : read_error->message);
    }
}

static void
test_format1_refuses (void)
{
  assert_refused (MAP_START ("1")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\" votes=\"2\">\n"
                  "    <title>Checkout</title>\n  </touchpoint>\n</journey>\n",
                  13, "the attribute “votes” of <touchpoint> is new in format 2, but this file says format 1");
  assert_refused (MAP_START ("1")
                  "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\" votes=\"2\">\n"
                  "    <text>Idea</text>\n  </note>\n</journey>\n",
                  13, "the attribute “votes” of <note> is new in format 2, but this file says format 1");
}

static void
test_bad_values (void)
{
  const char *bad[] = { "-1", "1000", "0003", "+3", " 3", "3 ", "", "three", "99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *tp = g_strdup_printf (MAP_START ("2")
                                             "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\" votes=\"%s\">\n"
                                             "    <title>Checkout</title>\n  </touchpoint>\n</journey>\n", bad[i]);
      g_autofree char *note = g_strdup_printf (MAP_START ("2")
                                               "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                                               "    <title>Checkout</title>\n  </touchpoint>\n"
                                               "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\" votes=\"%s\">\n"
                                               "    <text>Idea</text>\n  </note>\n</journey>\n", bad[i]);

      assert_refused (tp, 13, "<touchpoint> votes must be a whole number from 0 to 999");
      assert_refused (note, 16, "<note> votes must be a whole number from 0 to 999");
    }
}

static void
test_writer_picks_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = load (plain_doc, NULL, &error);
  g_autoptr(WaymarkHistory) history = NULL;
  g_autofree char *same = NULL;
  g_autofree char *voted = NULL;
  g_autofree char *undone = NULL;
  gpointer note;
  gpointer copy;

  g_assert_no_error (error);
  same = save (journey);
  g_assert_cmpstr (same, ==, plain_doc);

  /* A vote on a note is an edit like any other: one undo step, and the
   * map needs format 2 until it is undone. */
  history = waymark_history_new (journey);
  note = waymark_journey_lookup (journey, "note-1");
  copy = waymark_item_copy (note);
  waymark_votes_set (copy, 2);
  waymark_edits_update (history, note, copy, "votes");
  g_assert_cmpuint (waymark_votes_get (note), ==, 2);
  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  voted = save (journey);
  g_assert_nonnull (strstr (voted, "format=\"2\""));
  g_assert_nonnull (strstr (voted, "<note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\" votes=\"2\">\n"));

  g_assert_true (waymark_history_undo (history));
  g_assert_cmpuint (waymark_votes_get (note), ==, 0);
  undone = save (journey);
  g_assert_cmpstr (undone, ==, plain_doc);

  /* Clamped to what the file can hold. */
  copy = waymark_item_copy (note);
  waymark_votes_set (copy, 5000);
  g_assert_cmpuint (waymark_votes_get (copy), ==, WAYMARK_VOTES_MAX);
  waymark_item_unref (copy);
}

static void
test_diff (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) a = load (plain_doc, NULL, &error);
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(WaymarkDiff) diff = NULL;
  g_autofree char *b_doc = NULL;
  GString *lines = g_string_new (NULL);
  g_autofree char *all = NULL;

  g_assert_no_error (error);
  b_doc = g_strdup (votes_doc);
  b = load (votes_doc, NULL, &error);
  g_assert_no_error (error);
  diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);
  for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
    {
      g_autofree char *line = waymark_diff_record_describe (diff, waymark_diff_get_record (diff, i));

      g_string_append_printf (lines, "%s\n", line);
    }
  all = g_string_free (lines, FALSE);
  if (strstr (all, "Touchpoint “Checkout”: votes 0 → 3\n") == NULL ||
      strstr (all, "Note “Hidden shipping costs”: votes 0 → 999\n") == NULL)
    g_error ("the diff does not report the votes:\n%s", all);
}

static WaymarkJourney *
with_votes (const char *tp_votes,
            const char *note_votes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = g_strdup_printf (MAP_START ("2")
                                          "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\"%s>\n"
                                          "    <title>Checkout</title>\n  </touchpoint>\n"
                                          "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\"%s>\n"
                                          "    <text>Idea</text>\n  </note>\n</journey>\n",
                                          tp_votes, note_votes);
  WaymarkJourney *journey = load (doc, NULL, &error);

  g_assert_no_error (error);
  return journey;
}

static void
test_merge (void)
{
  g_autoptr(WaymarkJourney) base = with_votes ("", " votes=\"1\"");
  g_autoptr(WaymarkJourney) ours = with_votes (" votes=\"2\"", " votes=\"4\"");
  g_autoptr(WaymarkJourney) theirs = with_votes ("", " votes=\"3\"");
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  WaymarkConflict *conflict;
  GPtrArray *conflicts;

  /* Ours alone changed the touchpoint's votes: taken.  Both changed the
   * note's: a conflict, the map has ours. */
  merged = waymark_merge (base, ours, theirs, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (merged, "tp-1")), ==, 2);
  g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (merged, "note-1")), ==, 4);
  conflicts = waymark_journey_get_conflicts (merged);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->item, ==, "note-1");
  g_assert_cmpint (conflict->field, ==, WAYMARK_DIFF_FIELD_VOTES);
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_BASE].text, ==, "1");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_OURS].text, ==, "4");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_THEIRS].text, ==, "3");

  /* The conflict lives in the file and reads back. */
  written = save (merged);
  g_assert_nonnull (strstr (written, "<conflict item=\"note-1\" field=\"votes\">\n"));
  reread = load (written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waymark_journey_get_conflicts (reread)->len, ==, 1);

  /* Settling it with theirs takes their count. */
  {
    g_autoptr(WaymarkHistory) history = waymark_history_new (reread);

    g_assert_true (waymark_edits_resolve_conflict (history, g_ptr_array_index (waymark_journey_get_conflicts (reread), 0),
                                                   WAYMARK_CONFLICT_THEIRS));
    g_assert_cmpuint (waymark_votes_get (waymark_journey_lookup (reread, "note-1")), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/votes/round-trip", test_round_trip);
  g_test_add_func ("/votes/relaxng", test_relaxng);
  g_test_add_func ("/votes/format1-refuses", test_format1_refuses);
  g_test_add_func ("/votes/bad-values", test_bad_values);
  g_test_add_func ("/votes/writer-picks-format", test_writer_picks_format);
  g_test_add_func ("/votes/diff", test_diff);
  g_test_add_func ("/votes/merge", test_merge);
  return g_test_run ();
}
