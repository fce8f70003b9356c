/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-error.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* What format 2 adds to format 1 (dismissed findings, KPI directions),
 * how a format 1 file refuses it, and which format the writer picks. */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Canonical format 2: a dismissal on every kind of item, with foreign
 * attributes on one, and KPIs with and without a direction. */
static const char format2_doc[] =
  HEAD
  "<journey xmlns=\"urn:waymark:journey\" xmlns:ext=\"urn:example:ext\" format=\"2\" id=\"j-1\">\n"
  "  <title>Dismissed</title>\n"
  "  <state>as-is</state>\n"
  "  <persona id=\"persona-1\">\n"
  "    <name>Lena</name>\n"
  "    <dismissed finding=\"some-future-check\"/>\n"
  "  </persona>\n"
  "  <phase id=\"phase-1\">\n"
  "    <name>Awareness</name>\n"
  "    <dismissed finding=\"owner-silos\"/>\n"
  "    <dismissed finding=\"phase-without-touchpoints\" ext:by=\"sam\"/>\n"
  "  </phase>\n"
  "  <lane id=\"lane-1\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "    <dismissed finding=\"a\"/>\n"
  "  </lane>\n"
  "  <lane id=\"lane-2\" kind=\"notes\">\n"
  "    <name>Notes</name>\n"
  "  </lane>\n"
  "  <channel id=\"ch-1\" category=\"digital\">\n"
  "    <name>Website</name>\n"
  "    <dismissed finding=\"b2\"/>\n"
  "  </channel>\n"
  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\" channel=\"ch-1\">\n"
  "    <title>Checkout</title>\n"
  "    <kpi name=\"Waiting time\" value=\"4\" unit=\"min\" target=\"3\"/>\n"
  "    <kpi name=\"Score\" value=\"4\" target=\"3\" better=\"lower\"/>\n"
  "    <kpi name=\"Delay\" value=\"4\" target=\"3\" better=\"higher\"/>\n"
  "    <dismissed finding=\"touchpoint-without-owner\"/>\n"
  "    <ext:x/>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-2\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Next</title>\n"
  "  </touchpoint>\n"
  "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\">\n"
  "    <text>Idea</text>\n"
  "    <dismissed finding=\"c\"/>\n"
  "  </note>\n"
  "  <link id=\"link-1\" from=\"tp-1\" to=\"tp-2\">\n"
  "    <dismissed finding=\"d\"/>\n"
  "  </link>\n"
  "</journey>\n";

static WaymarkJourney *
load (const char       *xml,
      WaymarkReadInfo  *info,
      GError          **error)
{
  return waymark_reader_read (xml, strlen (xml), "test.journey", info, error);
}

static void
assert_refused (const char *xml,
                int         line,
                const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = load (xml, NULL, &error);
  g_autofree char *prefix = g_strdup_printf ("test.journey:%d: ", line);

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
  g_autoptr(WaymarkJourney) journey = load (format2_doc, &info, &error);
  g_autoptr(GBytes) written = NULL;
  WaymarkPhase *phase;
  WaymarkTouchpoint *tp;

  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, 2);
  g_assert_false (info.migrated);
  g_assert_false (info.newer);

  phase = waymark_journey_lookup (journey, "phase-1");
  g_assert_true (waymark_item_is_dismissed (phase, "owner-silos"));
  g_assert_true (waymark_item_is_dismissed (phase, "phase-without-touchpoints"));
  g_assert_false (waymark_item_is_dismissed (phase, "touchpoint-without-owner"));
  tp = waymark_journey_lookup (journey, "tp-1");
  g_assert_true (waymark_item_is_dismissed (tp, "touchpoint-without-owner"));
  g_assert_cmpint (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 0))->direction, ==, WAYMARK_KPI_DIRECTION_UNSET);
  g_assert_cmpint (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 1))->direction, ==, WAYMARK_KPI_DIRECTION_LOWER);
  g_assert_cmpint (((WaymarkKpi *) g_ptr_array_index (tp->kpis, 2))->direction, ==, WAYMARK_KPI_DIRECTION_HIGHER);
  g_assert_true (waymark_item_is_dismissed (waymark_journey_lookup (journey, "link-1"), "d"));

  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  written = waymark_writer_write (journey);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                   format2_doc, sizeof format2_doc - 1);
}

static void
test_relaxng (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *rng = g_build_filename (datadir ? datadir : SOURCE_DATADIR, "journey.rng", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = g_bytes_new_static (format2_doc, sizeof format2_doc - 1);
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
    g_error ("format 2 does not match journey.rng:\n%.*s",
             (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
}

static void
test_format1_refuses (void)
{
  /* What format 2 adds is an error in a file that says format 1: a
   * program that reads format 1 only would refuse it too. */
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j\">\n"
                  "  <phase id=\"p\">\n    <name>P</name>\n"
                  "    <dismissed finding=\"phase-without-touchpoints\"/>\n  </phase>\n</journey>\n",
                  5, "<dismissed> is new in format 2, but this file says format 1");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j\">\n"
                  "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <lane id=\"l\" kind=\"touchpoints\">\n    <name>L</name>\n  </lane>\n"
                  "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n    <title>T</title>\n"
                  "    <kpi name=\"Wait\" value=\"1\" better=\"lower\"/>\n  </touchpoint>\n</journey>\n",
                  11, "“better” of <kpi> is new in format 2");
}

static void
test_bad_values (void)
{
  const char *head = HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j\">\n"
                     "  <phase id=\"p\">\n    <name>P</name>\n";

  g_autofree char *twice = g_strconcat (head, "    <dismissed finding=\"x\"/>\n    <dismissed finding=\"x\"/>\n  </phase>\n</journey>\n", NULL);
  g_autofree char *bad_id = g_strconcat (head, "    <dismissed finding=\"Not An Id\"/>\n  </phase>\n</journey>\n", NULL);
  g_autofree char *no_id = g_strconcat (head, "    <dismissed/>\n  </phase>\n</journey>\n", NULL);
  g_autofree char *before_name = g_strconcat (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j\">\n"
                                              "  <phase id=\"p\">\n    <dismissed finding=\"x\"/>\n    <name>P</name>\n  </phase>\n</journey>\n", NULL);

  assert_refused (twice, 6, "the finding “x” is dismissed twice");
  assert_refused (bad_id, 5, "finding must be");
  assert_refused (no_id, 5, "missing the attribute “finding”");
  assert_refused (before_name, 5, "<name> must come before <dismissed>");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j\">\n"
                  "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <lane id=\"l\" kind=\"touchpoints\">\n    <name>L</name>\n  </lane>\n"
                  "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n    <title>T</title>\n"
                  "    <kpi name=\"Wait\" value=\"1\" better=\"more\"/>\n  </touchpoint>\n</journey>\n",
                  11, "better must be higher or lower");
}

static void
test_writer_picks_format (void)
{
  static const char format1_doc[] =
    HEAD
    "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-1\">\n"
    "  <state>as-is</state>\n"
    "  <phase id=\"phase-1\">\n"
    "    <name>Awareness</name>\n"
    "  </phase>\n"
    "  <lane id=\"lane-1\" kind=\"touchpoints\">\n"
    "    <name>Touchpoints</name>\n"
    "  </lane>\n"
    "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
    "    <title>Call</title>\n"
    "    <kpi name=\"Waiting time\" value=\"4\" unit=\"min\" target=\"3\"/>\n"
    "  </touchpoint>\n"
    "</journey>\n";
  g_autoptr(GError) error = NULL;
  WaymarkReadInfo info = { 0, };
  g_autoptr(WaymarkJourney) journey = load (format1_doc, &info, &error);
  g_autoptr(GBytes) same = NULL;
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(GBytes) older = NULL;
  WaymarkPhase *phase;
  WaymarkTouchpoint *tp;
  WaymarkKpi *kpi;

  g_assert_no_error (error);
  g_assert_cmpint (info.format, ==, 1);
  g_assert_true (info.migrated);

  /* Nothing of format 2 used: the same bytes, format 1 included. */
  same = waymark_writer_write (journey);
  g_assert_cmpmem (g_bytes_get_data (same, NULL), g_bytes_get_size (same), format1_doc, sizeof format1_doc - 1);

  phase = waymark_journey_lookup (journey, "phase-1");
  waymark_item_set_dismissed (phase, "phase-without-touchpoints", TRUE);
  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  newer = waymark_writer_write (journey);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (newer, NULL), -1, "format=\"2\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (newer, NULL), -1,
                                  "    <name>Awareness</name>\n    <dismissed finding=\"phase-without-touchpoints\"/>\n  </phase>\n"));

  waymark_item_set_dismissed (phase, "phase-without-touchpoints", FALSE);
  g_assert_null (((WaymarkItem *) phase)->dismissed);
  tp = waymark_journey_lookup (journey, "tp-1");
  kpi = g_ptr_array_index (tp->kpis, 0);
  kpi->direction = WAYMARK_KPI_DIRECTION_LOWER;
  g_assert_cmpint (waymark_writer_get_format (journey), ==, 2);
  kpi->direction = WAYMARK_KPI_DIRECTION_UNSET;
  older = waymark_writer_write (journey);
  g_assert_cmpmem (g_bytes_get_data (older, NULL), g_bytes_get_size (older), format1_doc, sizeof format1_doc - 1);
}

static void
test_dismissed_copies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = load (format2_doc, NULL, &error);
  WaymarkPhase *phase = waymark_journey_lookup (journey, "phase-1");
  WaymarkPhase *copy = waymark_item_copy (phase);

  g_assert_no_error (error);
  /* A copy (what an edit command changes) has its own list. */
  g_assert_true (waymark_item_is_dismissed (copy, "owner-silos"));
  waymark_item_set_dismissed (copy, "owner-silos", FALSE);
  waymark_item_set_dismissed (copy, "owner-silos", FALSE);
  g_assert_false (waymark_item_is_dismissed (copy, "owner-silos"));
  g_assert_true (waymark_item_is_dismissed (phase, "owner-silos"));
  waymark_item_set_dismissed (copy, "x", TRUE);
  waymark_item_set_dismissed (copy, "x", TRUE);
  g_assert_cmpuint (g_strv_length (((WaymarkItem *) copy)->dismissed), ==, 2);
  g_assert_cmpstr (((WaymarkItem *) copy)->dismissed[1], ==, "x");

  /* An edit swaps the lists with the contents. */
  waymark_journey_swap_item (journey, phase, copy);
  g_assert_true (waymark_item_is_dismissed (phase, "x"));
  g_assert_false (waymark_item_is_dismissed (phase, "owner-silos"));
  g_assert_true (waymark_item_is_dismissed (copy, "owner-silos"));
  waymark_item_unref (copy);
}

static void
test_kpi_direction (void)
{
  static const struct {
    const char *name;
    const char *unit;
    WaymarkKpiDirection direction;
  } cases[] = {
    { "Conversion rate", "ratio", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Customer satisfaction", NULL, WAYMARK_KPI_DIRECTION_HIGHER },
    { "Open rate", "%", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Reach", "contacts", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Waiting time", "min", WAYMARK_KPI_DIRECTION_LOWER },
    { "Wartezeit im Service", NULL, WAYMARK_KPI_DIRECTION_LOWER },
    { "Cost per acquisition", "EUR", WAYMARK_KPI_DIRECTION_LOWER },
    { "Kosten der Kundenakquise", "EUR", WAYMARK_KPI_DIRECTION_LOWER },
    { "Bounce rate", "ratio", WAYMARK_KPI_DIRECTION_LOWER },
    { "Unsubscribe rate", NULL, WAYMARK_KPI_DIRECTION_LOWER },
    { "First response", "h", WAYMARK_KPI_DIRECTION_LOWER },
    { "Time on site", "min", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Verweildauer", "s", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Customer lifetime value", "EUR", WAYMARK_KPI_DIRECTION_HIGHER },
    /* The example map's: a share delivered on time is a time that
     * should be high, money wasted should be low. */
    { "On-time delivery", "ratio", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Termingerechte Lieferung", "ratio", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Pünktlichkeit", "%", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Wasted ad spend", "EUR per month", WAYMARK_KPI_DIRECTION_LOWER },
    { "Verschwendetes Werbebudget", "EUR pro Monat", WAYMARK_KPI_DIRECTION_LOWER },
    /* Any case; capitals, umlauts and long names take another way to
     * lower case than plain ASCII. */
    { "CHURN RATE", NULL, WAYMARK_KPI_DIRECTION_LOWER },
    { "WAITING TIME", NULL, WAYMARK_KPI_DIRECTION_LOWER },
    { "VERZÖGERUNG DER LIEFERUNG", NULL, WAYMARK_KPI_DIRECTION_LOWER },
    { "Reply speed", " MIN ", WAYMARK_KPI_DIRECTION_LOWER },
    { "Reply speed", " Sekunden ", WAYMARK_KPI_DIRECTION_LOWER },
    { "Reply speed", "Stück", WAYMARK_KPI_DIRECTION_HIGHER },
    { "Share of orders placed by returning customers through the loyalty programme in the first month after their first purchase, by cost",
      NULL, WAYMARK_KPI_DIRECTION_LOWER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WaymarkKpi) kpi = waymark_kpi_new (cases[i].name, "1", cases[i].unit, NULL);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (waymark_kpi_get_direction (kpi), ==, cases[i].direction);
      /* Set by hand, it wins. */
      kpi->direction = cases[i].direction == WAYMARK_KPI_DIRECTION_LOWER ? WAYMARK_KPI_DIRECTION_HIGHER
                                                                        : WAYMARK_KPI_DIRECTION_LOWER;
      g_assert_cmpint (waymark_kpi_get_direction (kpi), !=, cases[i].direction);
    }
}

static void
test_kpi_target (void)
{
  g_autoptr(WaymarkKpi) conversion_low = waymark_kpi_new ("Conversion rate", "0.031", "ratio", "0.05");
  g_autoptr(WaymarkKpi) conversion_met = waymark_kpi_new ("Conversion rate", "0.05", "ratio", "0.05");
  g_autoptr(WaymarkKpi) wait_high = waymark_kpi_new ("Waiting time", "14.5", "min", "3");
  g_autoptr(WaymarkKpi) wait_low = waymark_kpi_new ("Waiting time", "2", "min", "3");
  g_autoptr(WaymarkKpi) no_target = waymark_kpi_new ("Waiting time", "14.5", "min", NULL);
  g_autoptr(WaymarkKpi) negative = waymark_kpi_new ("Margin", "-2", NULL, "-1.5");

  g_assert_true (waymark_kpi_misses_target (conversion_low));
  g_assert_false (waymark_kpi_misses_target (conversion_met));
  g_assert_true (waymark_kpi_misses_target (wait_high));
  g_assert_false (waymark_kpi_misses_target (wait_low));
  g_assert_false (waymark_kpi_misses_target (no_target));
  g_assert_true (waymark_kpi_misses_target (negative));
  wait_high->direction = WAYMARK_KPI_DIRECTION_HIGHER;
  g_assert_false (waymark_kpi_misses_target (wait_high));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format2/round-trip", test_round_trip);
  g_test_add_func ("/format2/relaxng", test_relaxng);
  g_test_add_func ("/format2/format1-refuses", test_format1_refuses);
  g_test_add_func ("/format2/bad-values", test_bad_values);
  g_test_add_func ("/format2/writer-picks-format", test_writer_picks_format);
  g_test_add_func ("/format2/dismissed-copies", test_dismissed_copies);
  g_test_add_func ("/format2/kpi-direction", test_kpi_direction);
  g_test_add_func ("/format2/kpi-target", test_kpi_target);

  return g_test_run ();
}
