/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-edits.h"
#include "waymark-error.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* Merge conflicts in the file: every kind, canonical, with foreign
 * attributes where the format keeps them. */
static const char conflicts_doc[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" xmlns:ext=\"urn:example:ext\" format=\"2\" id=\"j-1\">\n"
  "  <title>Ours</title>\n"
  "  <state>as-is</state>\n"
  "  <phase id=\"p1\">\n"
  "    <name>One</name>\n"
  "  </phase>\n"
  "  <phase id=\"p2\">\n"
  "    <name>Two</name>\n"
  "  </phase>\n"
  "  <lane id=\"l1\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <channel id=\"ch1\" category=\"digital\">\n"
  "    <name>Web</name>\n"
  "  </channel>\n"
  "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\" channel=\"ch1\">\n"
  "    <title>Call us</title>\n"
  "    <emotion score=\"1\"/>\n"
  "    <kpi name=\"NPS\" value=\"30\"/>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"t2\" phase=\"p1\" lane=\"l1\">\n"
  "    <title>Second</title>\n"
  "  </touchpoint>\n"
  "  <conflict field=\"title\">\n"
  "    <base>Base</base>\n"
  "    <ours>Ours</ours>\n"
  "    <theirs>Theirs</theirs>\n"
  "  </conflict>\n"
  "  <conflict item=\"t1\" field=\"emotion\" ext:by=\"ci\">\n"
  "    <base/>\n"
  "    <ours>1</ours>\n"
  "    <theirs>-2</theirs>\n"
  "  </conflict>\n"
  "  <conflict item=\"t1\" field=\"phase\">\n"
  "    <base>p-gone</base>\n"
  "    <ours>p1</ours>\n"
  "    <theirs>p2</theirs>\n"
  "  </conflict>\n"
  "  <conflict item=\"t1\" field=\"kpis\">\n"
  "    <ours>\n"
  "      <kpi name=\"NPS\" value=\"30\"/>\n"
  "    </ours>\n"
  "    <theirs ext:note=\"x\">\n"
  "      <kpi name=\"NPS\" value=\"42\" target=\"50\" better=\"higher\" ext:source=\"survey\"/>\n"
  "      <kpi name=\"Waiting time\" value=\"4\" unit=\"min\"/>\n"
  "    </theirs>\n"
  "  </conflict>\n"
  "  <conflict kind=\"deleted\" item=\"t2\" deleted-by=\"theirs\"/>\n"
  "  <conflict kind=\"order\" item=\"t2\">\n"
  "    <ours/>\n"
  "    <theirs after=\"t1\"/>\n"
  "    <ext:why>both moved it</ext:why>\n"
  "  </conflict>\n"
  "</journey>\n";

static WaymarkJourney *
read_doc (const char  *doc,
          GError     **error)
{
  return waymark_reader_read (doc, strlen (doc), "map.journey", NULL, error);
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = read_doc (conflicts_doc, &error);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *conflicts;
  WaymarkConflict *conflict;

  g_assert_no_error (error);
  conflicts = waymark_journey_get_conflicts (journey);
  g_assert_cmpuint (conflicts->len, ==, 6);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_null (conflict->item);
  g_assert_cmpint (conflict->line, ==, 25);
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_false (conflict->values[WAYMARK_CONFLICT_BASE].text != NULL);
  g_assert_true (conflict->values[WAYMARK_CONFLICT_BASE].set);
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_THEIRS].text, ==, "-2");
  conflict = g_ptr_array_index (conflicts, 3);
  g_assert_cmpuint (conflict->values[WAYMARK_CONFLICT_THEIRS].kpis->len, ==, 2);
  g_assert_false (conflict->values[WAYMARK_CONFLICT_BASE].set);
  conflict = g_ptr_array_index (conflicts, 4);
  g_assert_cmpint (conflict->kind, ==, WAYMARK_CONFLICT_DELETED);
  g_assert_cmpint (conflict->deleted_by, ==, WAYMARK_CONFLICT_THEIRS);
  conflict = g_ptr_array_index (conflicts, 5);
  g_assert_cmpint (conflict->kind, ==, WAYMARK_CONFLICT_ORDER);
  g_assert_null (conflict->values[WAYMARK_CONFLICT_OURS].text);
  g_assert_cmpstr (conflict->values[WAYMARK_CONFLICT_THEIRS].text, ==, "t1");

  bytes = waymark_writer_write (journey);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), conflicts_doc, sizeof conflicts_doc - 1);
}

static void
test_relaxng (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *rng = g_build_filename (datadir ? datadir : SOURCE_DATADIR, "journey.rng", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = g_bytes_new_static (conflicts_doc, sizeof conflicts_doc - 1);
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "xmllint", "--noout", "--relaxng", rng, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("merge conflicts do not match journey.rng:\n%.*s",
             (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
}

/* @doc with the conflicts replaced by @conflict. */
static char *
with_conflict (const char *format,
               const char *conflict)
{
  const char *start = strstr (conflicts_doc, "  <conflict field=\"title\">");
  g_autofree char *head = g_strndup (conflicts_doc, start - conflicts_doc);
  g_autofree char *head_format = NULL;
  GString *out;

  out = g_string_new (head);
  g_string_replace (out, "format=\"2\"", format, 1);
  g_string_append (out, conflict);
  g_string_append (out, "</journey>\n");
  head_format = g_string_free (out, FALSE);
  return g_steal_pointer (&head_format);
}

static void
assert_refused (const char *format,
                const char *conflict,
                const char *message)
{
  g_autofree char *doc = with_conflict (format, conflict);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = read_doc (doc, &error);

  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, error->code);
  if (g_strcmp0 (error->message, message) != 0)
    g_error ("expected “%s”, got “%s”", message, error->message);
}

static void
test_refused (void)
{
  assert_refused ("format=\"1\"", "  <conflict field=\"title\">\n    <ours/>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:25: <conflict> is new in format 2, but this file says format 1");
  assert_refused ("format=\"2\"", "  <conflict item=\"nope\" field=\"title\">\n    <ours/>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:25: <conflict> is about item 'nope', which does not exist");
  assert_refused ("format=\"2\"", "  <conflict item=\"p1\" field=\"emotion\">\n    <ours/>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:25: <conflict> field must be a field of the item it is about, not “emotion”");
  assert_refused ("format=\"2\"", "  <conflict item=\"t1\" field=\"emotion\">\n    <ours>3</ours>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:26: <conflict>: “3” is not a value of emotion");
  assert_refused ("format=\"2\"", "  <conflict item=\"t1\" field=\"lane\">\n    <ours>l1</ours>\n    <theirs>p1</theirs>\n  </conflict>\n",
                  "map.journey:27: <conflict>: “p1” names no lane of this map");
  assert_refused ("format=\"2\"", "  <conflict item=\"t1\" field=\"title\">\n    <ours>A</ours>\n  </conflict>\n",
                  "map.journey:25: <conflict> needs both <ours> and <theirs>");
  assert_refused ("format=\"2\"", "  <conflict kind=\"deleted\" item=\"t1\"/>\n",
                  "map.journey:25: <conflict> deleted-by must be ours or theirs, not “”");
  assert_refused ("format=\"2\"", "  <conflict kind=\"order\" item=\"t1\">\n    <ours after=\"p1\"/>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:26: <conflict>: “p1” names no touchpoint of this map");
  assert_refused ("format=\"2\"", "  <conflict field=\"extensions\">\n    <ours/>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:25: <conflict> field must be title, subject, goal or state, not “extensions”");
  assert_refused ("format=\"2\"", "  <conflict item=\"t1\" field=\"title\">\n    <ours>A<kpi name=\"x\" value=\"1\"/></ours>\n    <theirs/>\n  </conflict>\n",
                  "map.journey:26: <ours> can only contain text, not elements (found <kpi>)");
}

/* Deleting an item settles the conflicts about it, so that the file
 * stays valid; undo brings them back. */
static void
test_delete_settles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = read_doc (conflicts_doc, &error);
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkJourney) again = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (items, waymark_journey_lookup (journey, "p2"));
  waymark_edits_delete (history, items);
  /* Only the phase conflict named p2. */
  g_assert_cmpuint (waymark_journey_get_conflicts (journey)->len, ==, 5);
  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, waymark_journey_lookup (journey, "t1"));
  waymark_edits_delete (history, items);
  /* The journey's title and t2's two are left (t2's order named t1). */
  g_assert_cmpuint (waymark_journey_get_conflicts (journey)->len, ==, 2);
  bytes = waymark_writer_write (journey);
  again = waymark_reader_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "again", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_history_undo (history));
  g_assert_true (waymark_history_undo (history));
  g_assert_cmpuint (waymark_journey_get_conflicts (journey)->len, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflict/round-trip", test_round_trip);
  g_test_add_func ("/conflict/relaxng", test_relaxng);
  g_test_add_func ("/conflict/refused", test_refused);
  g_test_add_func ("/conflict/delete-settles", test_delete_settles);

  return g_test_run ();
}
