/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-diff.h"
#include "waymark-edits.h"
#include "waymark-error.h"
#include "waymark-fragment.h"
#include "waymark-merge.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* Touchpoints marked for personas, with an emotion per persona (format
 * 2, <applies-to>): the file keeps them, a format 1 file refuses them,
 * bad ids and scores say where, the writer goes back to format 1 when
 * the last mark is gone, deleting a persona takes its marks (undoably),
 * a diff reports each persona's change and a merge takes them. */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

#define MAP_START(format)                                                      \
  HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"" format "\" id=\"j-1\">\n" \
  "  <state>as-is</state>\n"                                                  \
  "  <persona id=\"persona-1\">\n"                                            \
  "    <name>Lena</name>\n"                                                   \
  "  </persona>\n"                                                            \
  "  <persona id=\"persona-2\">\n"                                            \
  "    <name>Max</name>\n"                                                    \
  "  </persona>\n"                                                            \
  "  <phase id=\"phase-1\">\n"                                                \
  "    <name>Awareness</name>\n"                                              \
  "  </phase>\n"                                                              \
  "  <lane id=\"lane-1\" kind=\"touchpoints\">\n"                             \
  "    <name>Touchpoints</name>\n"                                            \
  "  </lane>\n"

/* Line 16 is the first touchpoint's start tag. */
#define TP_LINE 16

/* Canonical: after the card's emotion, before its owner; foreign
 * attributes last. */
static const char marks_doc[] =
  MAP_START ("2")
  "  <touchpoint xmlns:ext=\"urn:example:ext\" id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Checkout</title>\n"
  "    <emotion score=\"1\">fine</emotion>\n"
  "    <applies-to persona=\"persona-2\" score=\"-2\" ext:by=\"sam\">furious &amp; lost</applies-to>\n"
  "    <applies-to persona=\"persona-1\"/>\n"
  "    <owner>Shop</owner>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-2\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Delivery</title>\n"
  "    <emotion score=\"0\"/>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-3\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Unboxing</title>\n"
  "    <applies-to persona=\"persona-1\" score=\"2\"/>\n"
  "  </touchpoint>\n"
  "</journey>\n";

static const char plain_doc[] =
  MAP_START ("1")
  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Checkout</title>\n"
  "    <emotion score=\"1\"/>\n"
  "  </touchpoint>\n"
  "</journey>\n";

static WaymarkJourney *
load (const char       *xml,
      WaymarkReadInfo  *info,
      GError          **error)
{
  return waymark_reader_read (xml, strlen (xml), "personas.journey", info, error);
}

static WaymarkJourney *
load_ok (const char *xml)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = load (xml, NULL, &error);

  g_assert_no_error (error);
  return journey;
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
  g_autofree char *prefix = g_strdup_printf ("personas.journey:%d: ", line);

  g_assert_null (journey);
  g_assert_nonnull (error);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, text) == NULL)
    g_error ("expected “%s…%s”, got “%s”", prefix, text, error->message);
}

static WaymarkTouchpoint *
touchpoint (WaymarkJourney *journey,
            const char     *id)
{
  return waymark_journey_lookup (journey, id);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { 0, };
  g_autoptr(WaymarkJourney) journey = load (marks_doc, &info, &error);
  g_autofree char *written = NULL;
  WaymarkTouchpoint *tp;
  WaymarkPersonaMark *mark;

  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, 2);
  tp = touchpoint (journey, "tp-1");
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp), ==, 2);
  mark = waymark_touchpoint_get_persona_mark (tp, "persona-2");
  g_assert_nonnull (mark);
  g_assert_true (mark->has_emotion);
  g_assert_cmpint (mark->emotion, ==, -2);
  g_assert_cmpstr (mark->emotion_note, ==, "furious & lost");
  g_assert_true (mark->persona == waymark_journey_lookup (journey, "persona-2"));
  mark = waymark_touchpoint_get_persona_mark (tp, "persona-1");
  g_assert_false (mark->has_emotion);
  g_assert_null (mark->emotion_note);

  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  written = save (journey);
  g_assert_cmpstr (written, ==, marks_doc);
}

static void
test_applies_to (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (marks_doc);
  WaymarkTouchpoint *tp1 = touchpoint (journey, "tp-1");
  WaymarkTouchpoint *tp2 = touchpoint (journey, "tp-2");
  WaymarkTouchpoint *tp3 = touchpoint (journey, "tp-3");
  const char *note = NULL;
  int score = 99;

  /* Marked: only the personas it names.  Unmarked: everyone. */
  g_assert_true (waymark_touchpoint_applies_to_persona (tp1, "persona-1"));
  g_assert_true (waymark_touchpoint_applies_to_persona (tp1, "persona-2"));
  g_assert_true (waymark_touchpoint_applies_to_persona (tp2, "persona-1"));
  g_assert_true (waymark_touchpoint_applies_to_persona (tp2, "persona-2"));
  g_assert_true (waymark_touchpoint_applies_to_persona (tp3, "persona-1"));
  g_assert_false (waymark_touchpoint_applies_to_persona (tp3, "persona-2"));
  g_assert_false (waymark_touchpoint_applies_to_persona (tp3, "persona-9"));

  /* Each persona's emotion: its own, else the card's, else none. */
  g_assert_true (waymark_touchpoint_get_persona_emotion (tp1, "persona-2", &score, &note));
  g_assert_cmpint (score, ==, -2);
  g_assert_cmpstr (note, ==, "furious & lost");
  g_assert_true (waymark_touchpoint_get_persona_emotion (tp1, "persona-1", &score, &note));
  g_assert_cmpint (score, ==, 1);
  g_assert_cmpstr (note, ==, "fine");
  g_assert_true (waymark_touchpoint_get_persona_emotion (tp2, "persona-2", &score, NULL));
  g_assert_cmpint (score, ==, 0);
  g_assert_true (waymark_touchpoint_get_persona_emotion (tp3, "persona-1", &score, NULL));
  g_assert_cmpint (score, ==, 2);
  g_assert_false (waymark_touchpoint_get_persona_emotion (tp3, "persona-2", &score, NULL));
}

static void
test_relaxng (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *rng = g_build_filename (datadir ? datadir : SOURCE_DATADIR, "journey.rng", NULL);
  /* What the schema itself can tell: a score out of range, a missing
   * persona, the element in the wrong place. */
  const struct { const char *from, *to; } bad[] = {
    { "score=\"-2\" ext:by", "score=\"-3\" ext:by" },
    { "score=\"-2\" ext:by", "score=\"x\" ext:by" },
    { "<applies-to persona=\"persona-1\"/>", "<applies-to/>" },
    { "    <owner>Shop</owner>\n", "" },
  };

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  for (int i = -1; i < (int) G_N_ELEMENTS (bad) + 1; i++)
    {
      g_autofree char *doc = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GBytes) input = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = NULL;
      g_autoptr(GError) read_error = NULL;
      gboolean valid = i < 0;

      if (i < 0)
        doc = g_strdup (marks_doc);
      else if (i < (int) G_N_ELEMENTS (bad))
        {
          g_auto(GStrv) parts = g_strsplit (marks_doc, bad[i].from, 2);

          doc = g_strjoin (bad[i].to, parts[0], parts[1], NULL);
          /* Without an owner the order is still right. */
          valid = bad[i].to[0] == '\0';
        }
      else
        {
          /* <applies-to> after the owner. */
          g_auto(GStrv) parts = g_strsplit (marks_doc, "    <owner>Shop</owner>\n", 2);
          g_auto(GStrv) again = g_strsplit (parts[0], "    <applies-to persona=\"persona-1\"/>\n", 2);
          g_autofree char *head = g_strjoin ("", again[0], again[1], NULL);

          doc = g_strjoin ("", head, "    <owner>Shop</owner>\n    <applies-to persona=\"persona-1\"/>\n", parts[1], NULL);
        }
      input = g_bytes_new (doc, strlen (doc));
      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                  G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  &error, "xmllint", "--noout", "--relaxng", rng, "-", NULL);
      g_assert_no_error (error);
      g_subprocess_communicate (process, input, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      journey = load (doc, NULL, &read_error);
      if (g_subprocess_get_successful (process) != valid || (journey != NULL) != valid)
        g_error ("case %d: the schema says %s, the reader %s", i,
                 g_subprocess_get_successful (process) ? "valid" : "invalid",
                 journey != NULL ? "valid" : read_error->message);
    }
}

static void
test_refused (void)
{
  assert_refused (MAP_START ("1")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to persona=\"persona-1\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 2, "<applies-to> is new in format 2, but this file says format 1");
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to persona=\"persona-9\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 2, "touchpoint 'tp-1' applies to persona “persona-9”, but the map has no persona of that id");
  /* An id of another kind of item is no persona either. */
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to persona=\"phase-1\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 2, "applies to persona “phase-1”, but the map has no persona of that id");
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to persona=\"persona-1\" score=\"1\"/>\n"
                  "    <applies-to persona=\"persona-1\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 3, "touchpoint 'tp-1' applies to persona 'persona-1' twice");
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to persona=\"persona-1\" score=\"3\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 2, "<applies-to> score must be a whole number from -2 to 2, not “3”");
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <applies-to score=\"1\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 2, "persona");
  assert_refused (MAP_START ("2")
                  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                  "    <title>Checkout</title>\n"
                  "    <owner>Shop</owner>\n"
                  "    <applies-to persona=\"persona-1\"/>\n"
                  "  </touchpoint>\n</journey>\n",
                  TP_LINE + 3, "<applies-to> must come before <owner> in <touchpoint>");
  {
    /* A persona's note is a line, like the card's emotion note. */
    g_autofree char *long_note = g_strnfill (1001, 'x');
    g_autofree char *doc = g_strdup_printf (MAP_START ("2")
                                            "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                                            "    <title>Checkout</title>\n"
                                            "    <applies-to persona=\"persona-1\">%s</applies-to>\n"
                                            "  </touchpoint>\n</journey>\n", long_note);

    assert_refused (doc, TP_LINE + 2, "longer than 1000 characters");
  }
}

static void
test_writer_picks_format (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (plain_doc);
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkTouchpoint *tp = touchpoint (journey, "tp-1");
  WaymarkTouchpoint *copy;
  WaymarkPersonaMark *mark;
  g_autofree char *same = save (journey);
  g_autofree char *marked = NULL;
  g_autofree char *undone = NULL;

  g_assert_cmpstr (same, ==, plain_doc);

  /* Marking a persona is an edit like any other: one undo step, and the
   * map needs format 2 until it is undone. */
  copy = waymark_item_copy (tp);
  mark = waymark_touchpoint_mark_persona (copy, waymark_journey_lookup (journey, "persona-2"));
  mark->has_emotion = TRUE;
  mark->emotion = -1;
  g_assert_true (waymark_touchpoint_mark_persona (copy, waymark_journey_lookup (journey, "persona-2")) == mark);
  waymark_edits_update (history, tp, copy, NULL);
  g_assert_false (waymark_touchpoint_applies_to_persona (tp, "persona-1"));
  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  marked = save (journey);
  g_assert_nonnull (strstr (marked, "format=\"2\""));
  g_assert_nonnull (strstr (marked, "    <emotion score=\"1\"/>\n    <applies-to persona=\"persona-2\" score=\"-1\"/>\n"));

  g_assert_true (waymark_history_undo (history));
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp), ==, 0);
  undone = save (journey);
  g_assert_cmpstr (undone, ==, plain_doc);
}

static void
test_delete_persona (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (marks_doc);
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  WaymarkTouchpoint *tp1 = touchpoint (journey, "tp-1");
  WaymarkTouchpoint *tp3 = touchpoint (journey, "tp-3");

  /* Deleting Lena takes her marks: tp-3 applied to her alone and now
   * applies to everyone; tp-1 keeps Max's.  One undo brings all back. */
  g_ptr_array_add (items, waymark_journey_lookup (journey, "persona-1"));
  waymark_edits_delete (history, items);
  g_assert_null (waymark_journey_lookup (journey, "persona-1"));
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp1), ==, 1);
  g_assert_nonnull (waymark_touchpoint_get_persona_mark (tp1, "persona-2"));
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (tp3), ==, 0);
  after = save (journey);
  g_assert_null (strstr (after, "persona-1"));
  {
    g_autoptr(WaymarkJourney) reread = load_ok (after);

    g_assert_nonnull (reread);
  }

  g_assert_true (waymark_history_undo (history));
  undone = save (journey);
  g_assert_cmpstr (undone, ==, marks_doc);
}

static char *
describe_all (WaymarkJourney *a,
              WaymarkJourney *b)
{
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (a, b, WAYMARK_DIFF_FLAGS_NONE);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
    {
      g_autofree char *line = waymark_diff_record_describe (diff, waymark_diff_get_record (diff, i));

      g_string_append_printf (lines, "%s\n", line);
    }
  return g_string_free (lines, FALSE);
}

static WaymarkJourney *
with_marks (const char *marks)
{
  g_autofree char *doc = g_strdup_printf (MAP_START ("2")
                                          "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
                                          "    <title>Checkout</title>\n%s"
                                          "  </touchpoint>\n</journey>\n", marks);

  return load_ok (doc);
}

static void
test_diff (void)
{
  g_autoptr(WaymarkJourney) a = with_marks ("    <applies-to persona=\"persona-1\" score=\"-1\">slow</applies-to>\n"
                                            "    <applies-to persona=\"persona-2\"/>\n");
  g_autoptr(WaymarkJourney) b = with_marks ("    <applies-to persona=\"persona-1\" score=\"1\">slow</applies-to>\n");
  g_autoptr(WaymarkJourney) c = with_marks ("    <applies-to persona=\"persona-2\"/>\n"
                                            "    <applies-to persona=\"persona-1\" score=\"-1\">slow</applies-to>\n");
  g_autofree char *ab = describe_all (a, b);
  g_autofree char *ba = describe_all (b, a);
  g_autofree char *ac = describe_all (a, c);

  g_assert_cmpstr (ab, ==,
                   "Touchpoint “Checkout”: persona “Lena” −1 “slow” → +1 “slow”\n"
                   "Touchpoint “Checkout”: no longer for persona “Max” (no emotion of its own)\n");
  g_assert_cmpstr (ba, ==,
                   "Touchpoint “Checkout”: persona “Lena” +1 “slow” → −1 “slow”\n"
                   "Touchpoint “Checkout”: now for persona “Max” (no emotion of its own)\n");
  g_assert_cmpstr (ac, ==, "Touchpoint “Checkout”: personas in another order\n");
}

static void
test_merge (void)
{
  g_autoptr(WaymarkJourney) base = with_marks ("    <applies-to persona=\"persona-1\" score=\"-1\"/>\n");
  g_autoptr(WaymarkJourney) ours = with_marks ("    <applies-to persona=\"persona-1\" score=\"1\"/>\n");
  g_autoptr(WaymarkJourney) theirs = with_marks ("    <applies-to persona=\"persona-1\" score=\"-2\">angry\nvery</applies-to>\n");
  g_autoptr(WaymarkJourney) only_theirs = NULL;
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(WaymarkJourney) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  WaymarkConflict *conflict;
  GPtrArray *conflicts;
  WaymarkPersonaMark *mark;

  /* Theirs alone changed it: taken, with the merged map's persona. */
  only_theirs = waymark_merge (base, base, theirs, NULL, &error);
  g_assert_no_error (error);
  mark = waymark_touchpoint_get_persona_mark (touchpoint (only_theirs, "tp-1"), "persona-1");
  g_assert_nonnull (mark);
  g_assert_cmpint (mark->emotion, ==, -2);
  g_assert_true (mark->persona == waymark_journey_lookup (only_theirs, "persona-1"));

  /* Both changed it: a conflict, the map has ours. */
  merged = waymark_merge (base, ours, theirs, NULL, &error);
  g_assert_no_error (error);
  mark = waymark_touchpoint_get_persona_mark (touchpoint (merged, "tp-1"), "persona-1");
  g_assert_cmpint (mark->emotion, ==, 1);
  conflicts = waymark_journey_get_conflicts (merged);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->field, ==, WAYMARK_DIFF_FIELD_PERSONAS);
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_BASE].text, ==, "persona-1 score=-1");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_OURS].text, ==, "persona-1 score=1");
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_THEIRS].text, ==, "persona-1 score=-2 note=angry\\nvery");

  /* The conflict lives in the file, reads back and settles with theirs,
   * the note's line break and all. */
  written = save (merged);
  g_assert_nonnull (strstr (written, "<conflict item=\"tp-1\" field=\"personas\">\n"));
  reread = load_ok (written);
  {
    g_autoptr(WaymarkHistory) history = waymark_history_new (reread);

    g_assert_true (waymark_edits_resolve_conflict (history, g_ptr_array_index (waymark_journey_get_conflicts (reread), 0),
                                                   WAYMARK_CONFLICT_THEIRS));
    mark = waymark_touchpoint_get_persona_mark (touchpoint (reread, "tp-1"), "persona-1");
    g_assert_cmpint (mark->emotion, ==, -2);
    g_assert_cmpstr (mark->emotion_note, ==, "angry\nvery");
  }

  /* A conflict value that names a persona the map lacks is refused. */
  {
    g_auto(GStrv) parts = g_strsplit (written, "<theirs>persona-1 ", 2);
    g_autofree char *bad = g_strjoin ("<theirs>persona-7 ", parts[0], parts[1], NULL);

    g_assert_nonnull (parts[1]);
    assert_refused (bad, 23, "“persona-7” names no persona of this map");
  }
}

static void
test_paste (void)
{
  g_autoptr(WaymarkJourney) source = load_ok (marks_doc);
  g_autoptr(WaymarkJourney) target = load_ok (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-2\">\n"
                                              "  <state>as-is</state>\n"
                                              "  <persona id=\"persona-x\">\n    <name>Max</name>\n  </persona>\n"
                                              "  <phase id=\"phase-a\">\n    <name>A</name>\n  </phase>\n"
                                              "  <lane id=\"lane-a\" kind=\"touchpoints\">\n    <name>T</name>\n  </lane>\n"
                                              "</journey>\n");
  g_autoptr(WaymarkHistory) history = waymark_history_new (target);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(WaymarkJourney) fragment = NULL;
  g_autoptr(GPtrArray) created = NULL;
  WaymarkTouchpoint *pasted;

  /* A pasted card keeps its personas: Max by name, Lena made anew. */
  g_ptr_array_add (cards, touchpoint (source, "tp-1"));
  fragment = waymark_fragment_new (source, cards);
  created = waymark_fragment_paste (history, fragment, waymark_journey_lookup (target, "phase-a"),
                                    waymark_journey_lookup (target, "lane-a"), 0);
  g_assert_cmpuint (created->len, ==, 1);
  pasted = g_ptr_array_index (created, 0);
  g_assert_cmpuint (waymark_touchpoint_get_n_persona_marks (pasted), ==, 2);
  g_assert_nonnull (waymark_touchpoint_get_persona_mark (pasted, "persona-x"));
  g_assert_cmpuint (waymark_journey_get_n_items (target, WAYMARK_ITEM_PERSONA), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      WaymarkPersonaMark *mark = g_ptr_array_index (pasted->persona_marks, i);

      g_assert_true (waymark_journey_lookup (target, waymark_item_get_id (mark->persona)) == mark->persona);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/personas/round-trip", test_round_trip);
  g_test_add_func ("/personas/applies-to", test_applies_to);
  g_test_add_func ("/personas/relaxng", test_relaxng);
  g_test_add_func ("/personas/refused", test_refused);
  g_test_add_func ("/personas/writer-picks-format", test_writer_picks_format);
  g_test_add_func ("/personas/delete-persona", test_delete_persona);
  g_test_add_func ("/personas/diff", test_diff);
  g_test_add_func ("/personas/merge", test_merge);
  g_test_add_func ("/personas/paste", test_paste);
  return g_test_run ();
}
