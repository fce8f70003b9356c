/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "journey-builder.h"
#include "random-edits.h"
#include "waymark-checker.h"
#include "waymark-edits.h"
#include "waymark-history.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* The weak-spot rules: for each, a small map that triggers it and one
 * that does not; dismissals; and the incremental checker against a
 * fresh run after every one of many random edits. */

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-1\">\n" \
  "  <title>Test</title>\n" \
  "  <state>as-is</state>\n" \
  "  <phase id=\"p1\"><name>Awareness</name></phase>\n" \
  "  <phase id=\"p2\"><name>Purchase</name></phase>\n" \
  "  <lane id=\"l1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n" \
  "  <lane id=\"l2\" kind=\"notes\"><name>Pain points</name></lane>\n" \
  "  <channel id=\"web\" category=\"digital\"><name>Website</name></channel>\n" \
  "  <channel id=\"shop\" category=\"physical\"><name>Store</name></channel>\n"
#define TAIL "</journey>\n"
/* HEAD with two personas. */
#define HEAD_PERSONAS \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-1\">\n" \
  "  <title>Test</title>\n" \
  "  <state>as-is</state>\n" \
  "  <persona id=\"ps\"><name>Senior walker</name></persona>\n" \
  "  <persona id=\"pg\"><name>Gift buyer</name></persona>\n" \
  "  <phase id=\"p1\"><name>Awareness</name></phase>\n" \
  "  <phase id=\"p2\"><name>Purchase</name></phase>\n" \
  "  <lane id=\"l1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"

/* An owned touchpoint in @phase without anything the rules dislike. */
#define TP2(id, phase, before, after) \
  "  <touchpoint id=\"" id "\" phase=\"" phase "\" lane=\"l1\"><title>" id "</title>" before "<owner>Sales</owner>" after "</touchpoint>\n"
#define TP_CH(id, phase, channel, extra) \
  "  <touchpoint id=\"" id "\" phase=\"" phase "\" lane=\"l1\" channel=\"" channel "\"><title>" id "</title>" extra "<owner>Sales</owner>" \
  "<kpi name=\"Visits\" value=\"1\"/></touchpoint>\n"

static WaymarkJourney *
load (const char *xml)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_reader_read (xml, strlen (xml), "test.journey", NULL, &error);

  g_assert_no_error (error);
  return journey;
}

/* "rule-id item-id severity" of each finding, one a line, in list order;
 * with @messages, followed by ": " and the message. */
static char *
describe_with (WaymarkChecker *checker,
               gboolean        messages)
{
  g_autoptr(GPtrArray) list = waymark_checker_list (checker);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      WaymarkFinding *finding = list->pdata[i];

      g_string_append_printf (text, "%s %s %s", waymark_finding_get_rule_id (finding),
                              waymark_item_get_id (finding->item),
                              waymark_severity_to_nick (finding->severity));
      if (messages)
        g_string_append_printf (text, ": %s", waymark_finding_get_message (finding));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static char *
describe (WaymarkChecker *checker)
{
  return describe_with (checker, FALSE);
}

static char *
findings_of (const char *xml)
{
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);

  waymark_checker_update (checker);
  return describe (checker);
}

static gboolean
has (const char *findings,
     const char *line)
{
  g_autofree char *with_newline = g_strconcat (line, "\n", NULL);

  return g_str_has_prefix (findings, with_newline) || strstr (findings, with_newline) != NULL;
}

static void
assert_finding (const char *xml,
                const char *line)
{
  g_autofree char *findings = findings_of (xml);

  if (!has (findings, line))
    g_error ("expected “%s” in:\n%s", line, findings);
}

static void
assert_no_rule (const char *xml,
                const char *rule)
{
  g_autofree char *findings = findings_of (xml);
  g_autofree char *prefix = g_strconcat (rule, " ", NULL);
  g_autofree char *line_start = g_strconcat ("\n", prefix, NULL);

  if (g_str_has_prefix (findings, prefix) || strstr (findings, line_start) != NULL)
    g_error ("expected no %s in:\n%s", rule, findings);
}

/* @line: "rule-id item-id severity: message". */
static void
assert_message (const char *xml,
                const char *line)
{
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  g_autofree char *findings = NULL;

  waymark_checker_update (checker);
  findings = describe_with (checker, TRUE);
  if (!has (findings, line))
    g_error ("expected “%s” in:\n%s", line, findings);
}

/* Each rule's sentence, written when asked for, names the item as the
 * map shows it. */
static void
test_messages (void)
{
  assert_message (HEAD TP2 ("t1", "p1", "", "") TAIL,
                  "phase-without-touchpoints p2 high: Phase “Purchase” has no touchpoint");
  assert_message (HEAD "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title></touchpoint>\n"
                  "  <touchpoint id=\"t2\" phase=\"p2\" lane=\"l1\"><title></title></touchpoint>\n" TAIL,
                  "touchpoint-without-owner t1 low: Nobody owns touchpoint “Ad”");
  assert_message (HEAD "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title></touchpoint>\n"
                  "  <touchpoint id=\"t2\" phase=\"p2\" lane=\"l1\"><title></title></touchpoint>\n" TAIL,
                  "touchpoint-without-owner t2 low: Nobody owns touchpoint “untitled”");
  assert_message (HEAD TP2 ("t1", "p1", "<emotion score=\"-1\"/>", "") TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 low: The customer feels bad at “t1” (emotion −1)");
  assert_message (HEAD TP2 ("t1", "p1", "<emotion score=\"-2\"/>", "<assessment moment-of-truth=\"true\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 high: The customer feels bad at “t1”, a moment of truth (emotion −2)");
  assert_message (HEAD_PERSONAS TP2 ("t1", "p1", "<emotion score=\"0\"/><applies-to persona=\"ps\" score=\"-1\"/>"
                                   "<applies-to persona=\"pg\" score=\"-2\"/>", "")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 medium: Persona “Gift buyer” feels bad at “t1” (emotion −2)");
  assert_message (HEAD_PERSONAS TP2 ("t1", "p1", "<applies-to persona=\"ps\" score=\"-1\"/>",
                                     "<assessment moment-of-truth=\"true\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 medium: Persona “Senior walker” feels bad at “t1”, a moment of truth (emotion −1)");
  assert_message (HEAD TP2 ("t1", "p2", "<emotion score=\"0\"/>", "") TP2 ("t2", "p1", "<emotion score=\"2\"/>", "") TAIL,
                  "emotion-drop t1 medium: The emotion drops from +2 at “t2” to 0 at “t1”");
  assert_message (HEAD TP_CH ("t1", "p1", "web", "") TP_CH ("t2", "p2", "shop", "") TAIL,
                  "channel-break t2 medium: From online “t1” to offline “t2” without a link");
  assert_message (HEAD TP_CH ("t1", "p1", "shop", "<emotion score=\"1\"/>") TP_CH ("t2", "p2", "web", "<emotion score=\"0\"/>")
                  "  <link id=\"k1\" from=\"t1\" to=\"t2\"/>\n" TAIL,
                  "channel-break t2 medium: From offline “t1” to online “t2” the emotion drops");
  assert_message (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Waiting time\" value=\"12\" unit=\"min\" target=\"5\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 medium: “Waiting time” at “t1” is 12 min, above its target of 5 min");
  assert_message (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Conversion rate\" value=\"0.03\" target=\"0.05\"/>"
                                            "<kpi name=\"Waiting time\" value=\"12\" unit=\"min\" target=\"5\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 medium: “Conversion rate” at “t1” is 0.03, below its target of 0.05 "
                  "(and 1 more KPI misses its target)");
  /* A ratio reads as a percentage, as on the map's KPI lane and the
   * dashboard, not "0.009 ratio". */
  assert_message (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Click-through rate\" value=\"0.009\" unit=\"ratio\" target=\"0.012\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 medium: “Click-through rate” at “t1” is 0.9 %, below its target of 1.2 %");
  assert_message (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Stock accuracy\" value=\"0.87\" unit=\"ratio\" target=\"0.995\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 medium: “Stock accuracy” at “t1” is 87 %, below its target of 99.5 %");
  assert_message (HEAD "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\" channel=\"web\"><title>Site</title><owner>Web</owner></touchpoint>\n"
                  TP2 ("t2", "p2", "", "") TAIL,
                  "digital-without-kpi t1 low: Digital touchpoint “Site” has no KPI");
  assert_message (HEAD TP2 ("t1", "p1", "", "<assessment strength=\"weakness\"/>") TP2 ("t2", "p2", "", "") TAIL,
                  "weakness-without-idea t1 low: Weakness “t1” has no idea and no note beside it");
#define OWNED(id, owner) \
  "  <touchpoint id=\"" id "\" phase=\"p1\" lane=\"l1\"><title>" id "</title><owner>" owner "</owner></touchpoint>\n"
  assert_message (HEAD OWNED ("t1", "Sales") OWNED ("t2", "Service") OWNED ("t3", "Logistics") TP2 ("t4", "p2", "", "") TAIL,
                  "owner-silos p1 medium: Phase “Awareness”: 3 owners and no link between their touchpoints");
#undef OWNED
}

static void
test_phase_without_touchpoints (void)
{
  assert_finding (HEAD TP2 ("t1", "p1", "", "") TAIL, "phase-without-touchpoints p2 high");
  assert_no_rule (HEAD TP2 ("t1", "p1", "", "") TP2 ("t2", "p2", "", "") TAIL, "phase-without-touchpoints");
}

static void
test_touchpoint_without_owner (void)
{
  const char *xml = HEAD
    "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title></touchpoint>\n"
    TP2 ("t2", "p2", "", "") TAIL;

  assert_finding (xml, "touchpoint-without-owner t1 low");
  assert_no_rule (HEAD TP2 ("t1", "p1", "", "") TP2 ("t2", "p2", "", "") TAIL, "touchpoint-without-owner");
}

static void
test_negative_emotion (void)
{
  assert_finding (HEAD TP2 ("t1", "p1", "<emotion score=\"-1\"/>", "") TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 low");
  assert_finding (HEAD TP2 ("t1", "p1", "<emotion score=\"-2\"/>", "") TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 medium");
  /* More severe at a moment of truth. */
  assert_finding (HEAD TP2 ("t1", "p1", "<emotion score=\"-1\"/>", "<assessment moment-of-truth=\"true\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 medium");
  assert_finding (HEAD TP2 ("t1", "p1", "<emotion score=\"-2\"/>", "<assessment moment-of-truth=\"true\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 high");
  assert_no_rule (HEAD TP2 ("t1", "p1", "<emotion score=\"0\"/>", "") TP2 ("t2", "p2", "", "") TAIL, "negative-emotion");
  /* A persona's own score counts; a mark without one feels as the map. */
  assert_finding (HEAD_PERSONAS TP2 ("t1", "p1", "<emotion score=\"1\"/><applies-to persona=\"ps\" score=\"-1\"/>", "")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion t1 low");
  assert_no_rule (HEAD_PERSONAS TP2 ("t1", "p1", "<emotion score=\"0\"/><applies-to persona=\"ps\"/>"
                                     "<applies-to persona=\"pg\" score=\"1\"/>", "")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "negative-emotion");
}

static void
test_emotion_drop (void)
{
  /* The flow goes phase by phase: t2 (in p1) comes before t1 (in p2). */
  const char *xml = HEAD
    TP2 ("t1", "p2", "<emotion score=\"0\"/>", "")
    TP2 ("t2", "p1", "<emotion score=\"2\"/>", "") TAIL;
  const char *gentle = HEAD
    TP2 ("t1", "p2", "<emotion score=\"1\"/>", "")
    TP2 ("t2", "p1", "<emotion score=\"2\"/>", "") TAIL;
  const char *rising = HEAD
    TP2 ("t1", "p1", "<emotion score=\"0\"/>", "")
    TP2 ("t2", "p2", "<emotion score=\"2\"/>", "") TAIL;

  assert_finding (xml, "emotion-drop t1 medium");
  assert_no_rule (gentle, "emotion-drop");
  assert_no_rule (rising, "emotion-drop");
}

static void
test_channel_break (void)
{
  const char *unlinked = HEAD
    TP_CH ("t1", "p1", "web", "")
    TP_CH ("t2", "p2", "shop", "") TAIL;
  const char *linked = HEAD
    TP_CH ("t1", "p1", "web", "")
    TP_CH ("t2", "p2", "shop", "")
    "  <link id=\"k1\" from=\"t1\" to=\"t2\"/>\n" TAIL;
  const char *linked_drop = HEAD
    TP_CH ("t1", "p1", "web", "<emotion score=\"1\"/>")
    TP_CH ("t2", "p2", "shop", "<emotion score=\"0\"/>")
    "  <link id=\"k1\" from=\"t1\" to=\"t2\"/>\n" TAIL;
  const char *same_category = HEAD
    TP_CH ("t1", "p1", "web", "")
    TP_CH ("t2", "p2", "web", "") TAIL;

  assert_finding (unlinked, "channel-break t2 medium");
  assert_no_rule (linked, "channel-break");
  assert_finding (linked_drop, "channel-break t2 medium");
  assert_no_rule (same_category, "channel-break");
}

static void
test_kpi_misses_target (void)
{
  /* A waiting time above its target misses it, a conversion below. */
  assert_finding (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Waiting time\" value=\"12\" unit=\"min\" target=\"5\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 medium");
  assert_finding (HEAD TP2 ("t1", "p1", "", "<assessment moment-of-truth=\"true\"/><kpi name=\"Conversion rate\" value=\"0.03\" target=\"0.05\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target t1 high");
  assert_no_rule (HEAD TP2 ("t1", "p1", "", "<kpi name=\"Waiting time\" value=\"3\" unit=\"min\" target=\"5\"/><kpi name=\"Conversion rate\" value=\"0.06\" target=\"0.05\"/><kpi name=\"Score\" value=\"9\" target=\"5\" better=\"higher\"/>")
                  TP2 ("t2", "p2", "", "") TAIL,
                  "kpi-misses-target");
}

static void
test_digital_without_kpi (void)
{
  const char *xml = HEAD
    "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\" channel=\"web\"><title>Site</title><owner>Web</owner></touchpoint>\n"
    "  <touchpoint id=\"t2\" phase=\"p2\" lane=\"l1\" channel=\"shop\"><title>Store</title><owner>Web</owner></touchpoint>\n"
    "  <link id=\"k1\" from=\"t1\" to=\"t2\"/>\n" TAIL;

  assert_finding (xml, "digital-without-kpi t1 low");
  assert_no_rule (HEAD TP_CH ("t1", "p1", "web", "") TP2 ("t2", "p2", "", "") TAIL, "digital-without-kpi");
}

static void
test_owner_silos (void)
{
#define OWNED(id, owner) \
  "  <touchpoint id=\"" id "\" phase=\"p1\" lane=\"l1\"><title>" id "</title><owner>" owner "</owner></touchpoint>\n"
  const char *silos = HEAD OWNED ("t1", "Sales") OWNED ("t2", "Service") OWNED ("t3", "Logistics")
    TP2 ("t4", "p2", "", "") TAIL;
  const char *linked = HEAD OWNED ("t1", "Sales") OWNED ("t2", "Service") OWNED ("t3", "Logistics")
    TP2 ("t4", "p2", "", "") "  <link id=\"k1\" from=\"t1\" to=\"t2\"/>\n" TAIL;
  const char *two_owners = HEAD OWNED ("t1", "Sales") OWNED ("t2", "Service") OWNED ("t3", "Sales")
    TP2 ("t4", "p2", "", "") TAIL;
#undef OWNED

  assert_finding (silos, "owner-silos p1 medium");
  assert_no_rule (linked, "owner-silos");
  assert_no_rule (two_owners, "owner-silos");
}

static void
test_weakness_without_idea (void)
{
  const char *weak = HEAD TP2 ("t1", "p1", "", "<assessment strength=\"weakness\"/>") TP2 ("t2", "p2", "", "") TAIL;
  const char *idea = HEAD TP2 ("t1", "p1", "<idea>Call back</idea>", "<assessment strength=\"weakness\"/>")
    TP2 ("t2", "p2", "", "") TAIL;
  const char *note = HEAD TP2 ("t1", "p1", "", "<assessment strength=\"weakness\"/>") TP2 ("t2", "p2", "", "")
    "  <note id=\"n1\" phase=\"p1\" lane=\"l2\"><text>Too slow</text></note>\n" TAIL;
  const char *note_elsewhere = HEAD TP2 ("t1", "p1", "", "<assessment strength=\"weakness\"/>") TP2 ("t2", "p2", "", "")
    "  <note id=\"n1\" phase=\"p2\" lane=\"l2\"><text>Too slow</text></note>\n" TAIL;

  assert_finding (weak, "weakness-without-idea t1 low");
  assert_no_rule (idea, "weakness-without-idea");
  assert_no_rule (note, "weakness-without-idea");
  assert_finding (note_elsewhere, "weakness-without-idea t1 low");
}

static void
test_dismissed (void)
{
  const char *xml = HEAD
    "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title><emotion score=\"-2\"/>"
    "<dismissed finding=\"touchpoint-without-owner\"/></touchpoint>\n"
    "  <touchpoint id=\"t2\" phase=\"p2\" lane=\"l1\"><title>Buy</title></touchpoint>\n" TAIL;
  g_autofree char *findings = findings_of (xml);

  g_assert_false (has (findings, "touchpoint-without-owner t1 low"));
  g_assert_true (has (findings, "touchpoint-without-owner t2 low"));
  g_assert_true (has (findings, "negative-emotion t1 medium"));
}

/* Dismissals taken back, all at once and as one undo step: the findings
 * are reported again, and the map no longer needs format 2 for them. */
static void
test_restore_dismissed (void)
{
  const char *xml = HEAD
    "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title><emotion score=\"-2\"/>"
    "<dismissed finding=\"touchpoint-without-owner\"/><dismissed finding=\"negative-emotion\"/></touchpoint>\n"
    "  <touchpoint id=\"t2\" phase=\"p2\" lane=\"l1\"><title>Buy</title><owner>Shop</owner></touchpoint>\n" TAIL;
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *undone = NULL;

  waymark_checker_update (checker);
  before = describe (checker);
  g_assert_false (has (before, "touchpoint-without-owner t1 low"));
  g_assert_cmpuint (waymark_edits_count_dismissed (journey), ==, 2);

  g_assert_cmpuint (waymark_edits_restore_dismissed (history), ==, 2);
  g_assert_cmpuint (waymark_edits_count_dismissed (journey), ==, 0);
  waymark_checker_update (checker);
  restored = describe (checker);
  g_assert_true (has (restored, "touchpoint-without-owner t1 low"));
  g_assert_true (has (restored, "negative-emotion t1 medium"));
  g_assert_cmpuint (waymark_writer_get_format (journey), ==, 1);

  g_assert_true (waymark_history_undo (history));
  g_assert_false (waymark_history_can_undo (history));
  g_assert_cmpuint (waymark_edits_count_dismissed (journey), ==, 2);
  waymark_checker_update (checker);
  undone = describe (checker);
  g_assert_cmpstr (undone, ==, before);

  /* Nothing dismissed: nothing recorded. */
  g_assert_true (waymark_history_redo (history));
  g_assert_cmpuint (waymark_edits_restore_dismissed (history), ==, 0);
  g_assert_true (waymark_history_undo (history));
  g_assert_cmpuint (waymark_edits_count_dismissed (journey), ==, 2);
}

static void
test_order_and_counts (void)
{
  const char *xml = HEAD
    "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\"><title>Ad</title><emotion score=\"-2\"/>"
    "<assessment moment-of-truth=\"true\"/></touchpoint>\n" TAIL;
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  g_autofree char *findings = NULL;

  waymark_checker_update (checker);
  findings = describe (checker);
  /* By severity, then phase before touchpoint, then rule order. */
  g_assert_cmpstr (findings, ==,
                   "negative-emotion t1 high\n"
                   "phase-without-touchpoints p2 high\n"
                   "touchpoint-without-owner t1 low\n");
  g_assert_cmpuint (waymark_checker_count (checker, WAYMARK_SEVERITY_HIGH), ==, 2);
  g_assert_cmpuint (waymark_checker_count (checker, WAYMARK_SEVERITY_MEDIUM), ==, 0);
  g_assert_cmpuint (waymark_checker_count (checker, WAYMARK_SEVERITY_LOW), ==, 1);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, 3);
  g_assert_cmpstr (waymark_finding_get_rule_id (waymark_checker_get_worst (checker, waymark_journey_lookup (journey, "t1"))),
                   ==, "negative-emotion");

  /* waymark_checker_compare() orders as the list does (a view inserts
   * the added findings with it). */
  {
    g_autoptr(GPtrArray) list = waymark_checker_list (checker);

    for (guint i = 0; i < list->len; i++)
      for (guint j = 0; j < list->len; j++)
        {
          int order = waymark_checker_compare (checker, list->pdata[i], list->pdata[j]);

          g_assert_cmpint (i < j ? -1 : i > j ? 1 : 0, ==, order < 0 ? -1 : order > 0 ? 1 : 0);
        }
  }
}

static void
test_settings (void)
{
  const char *xml = HEAD
    TP2 ("t1", "p1", "<emotion score=\"1\"/>", "")
    TP2 ("t2", "p2", "<emotion score=\"0\"/>", "") TAIL;
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  WaymarkRuleSettings settings;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  waymark_checker_update (checker);
  before = describe (checker);
  g_assert_false (has (before, "emotion-drop t2 medium"));
  g_assert_false (has (before, "negative-emotion t2 low"));

  settings = *waymark_checker_get_settings (checker);
  settings.emotion_drop = 1;
  settings.negative_emotion = 0;
  waymark_checker_set_settings (checker, &settings);
  g_assert_true (waymark_checker_is_pending (checker));
  g_assert_true (waymark_checker_update (checker));
  after = describe (checker);
  g_assert_true (has (after, "emotion-drop t2 medium"));
  g_assert_true (has (after, "negative-emotion t2 low"));
}

/* Collects what ::changed reports, to check it against the list. */
typedef struct {
  int balance;
} Changes;

static void
on_changed (WaymarkChecker *checker,
            GPtrArray      *removed,
            GPtrArray      *added,
            Changes        *changes)
{
  changes->balance += (int) added->len - (int) removed->len;
}

/* After every random edit (and its undo) the incremental findings are
 * those of a fresh run. */
static void
test_incremental_matches_full (void)
{
  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autoptr(WaymarkJourney) journey = builder_generate (4, 40, seed);
      g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
      g_autoptr(RandomEdits) edits = random_edits_new (history);
      g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      Changes changes = { 0 };

      g_signal_connect (checker, "changed", G_CALLBACK (on_changed), &changes);
      waymark_checker_update (checker);
      for (guint step = 0; step < 40; step++)
        {
          g_autoptr(WaymarkChecker) fresh = NULL;
          g_autofree char *incremental = NULL;
          g_autofree char *full = NULL;

          if (step % 7 == 6)
            waymark_history_undo (history);
          else
            random_edits_step (edits, rand, NULL);
          waymark_checker_update (checker);
          g_assert_false (waymark_checker_is_pending (checker));

          fresh = waymark_checker_new (journey);
          waymark_checker_update (fresh);
          /* With the messages: the incremental checker's were written
           * at the step before, and a finding it kept must still say
           * what a fresh one says. */
          incremental = describe_with (checker, TRUE);
          full = describe_with (fresh, TRUE);
          if (g_strcmp0 (incremental, full) != 0)
            g_error ("seed %u, step %u: incremental\n%s\nfull\n%s", seed, step, incremental, full);
          g_assert_cmpint (changes.balance, ==, (int) waymark_checker_get_n_findings (checker));
        }
    }
}

/* A single edit re-judges a few items, not the map: the drop that the
 * edit causes after the edited card is found without a full run. */
static void
test_edit_updates_neighbour (void)
{
  const char *xml = HEAD
    TP2 ("t1", "p1", "<emotion score=\"1\"/>", "")
    TP2 ("t2", "p1", "<emotion score=\"1\"/>", "")
    TP2 ("t3", "p2", "<emotion score=\"1\"/>", "") TAIL;
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  WaymarkTouchpoint *t1 = waymark_journey_lookup (journey, "t1");
  WaymarkTouchpoint *edited;
  g_autofree char *findings = NULL;

  waymark_checker_update (checker);
  g_assert_cmpuint (waymark_checker_get_n_findings (checker), ==, 0);

  /* A fall of one step is not sharp: nothing changes. */
  edited = waymark_item_copy (t1);
  edited->emotion = 2;
  builder_swap (journey, t1, edited);
  g_assert_true (waymark_checker_is_pending (checker));
  g_assert_false (waymark_checker_update (checker));
  g_assert_false (waymark_checker_is_pending (checker));

  edited = waymark_item_copy (waymark_journey_lookup (journey, "t2"));
  edited->emotion = -1;
  builder_swap (journey, waymark_journey_lookup (journey, "t2"), edited);
  waymark_checker_update (checker);
  findings = describe (checker);
  g_assert_cmpstr (findings, ==, "emotion-drop t2 high\nnegative-emotion t2 low\n");
}

/* The sentence names the persona that feels worst: renaming it re-runs
 * the rule, and the finding says the new name. */
static void
test_persona_rename (void)
{
  const char *xml = HEAD_PERSONAS
    TP2 ("t1", "p1", "<emotion score=\"1\"/><applies-to persona=\"ps\" score=\"-2\"/>", "")
    TP2 ("t2", "p2", "<emotion score=\"1\"/>", "") TAIL;
  g_autoptr(WaymarkJourney) journey = load (xml);
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  WaymarkPersona *edited;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  waymark_checker_update (checker);
  before = describe_with (checker, TRUE);
  g_assert_true (has (before, "negative-emotion t1 medium: Persona “Senior walker” feels bad at “t1” (emotion −2)"));

  edited = waymark_item_copy (waymark_journey_lookup (journey, "ps"));
  g_free (edited->name);
  edited->name = g_strdup ("Walker, 70+");
  builder_swap (journey, waymark_journey_lookup (journey, "ps"), edited);
  g_assert_true (waymark_checker_is_pending (checker));
  g_assert_true (waymark_checker_update (checker));
  after = describe_with (checker, TRUE);
  g_assert_true (has (after, "negative-emotion t1 medium: Persona “Walker, 70+” feels bad at “t1” (emotion −2)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/findings/phase-without-touchpoints", test_phase_without_touchpoints);
  g_test_add_func ("/findings/touchpoint-without-owner", test_touchpoint_without_owner);
  g_test_add_func ("/findings/negative-emotion", test_negative_emotion);
  g_test_add_func ("/findings/persona-rename", test_persona_rename);
  g_test_add_func ("/findings/emotion-drop", test_emotion_drop);
  g_test_add_func ("/findings/channel-break", test_channel_break);
  g_test_add_func ("/findings/kpi-misses-target", test_kpi_misses_target);
  g_test_add_func ("/findings/digital-without-kpi", test_digital_without_kpi);
  g_test_add_func ("/findings/owner-silos", test_owner_silos);
  g_test_add_func ("/findings/weakness-without-idea", test_weakness_without_idea);
  g_test_add_func ("/findings/messages", test_messages);
  g_test_add_func ("/findings/dismissed", test_dismissed);
  g_test_add_func ("/findings/restore-dismissed", test_restore_dismissed);
  g_test_add_func ("/findings/order-and-counts", test_order_and_counts);
  g_test_add_func ("/findings/settings", test_settings);
  g_test_add_func ("/findings/edit-updates-neighbour", test_edit_updates_neighbour);
  g_test_add_func ("/findings/incremental-matches-full", test_incremental_matches_full);

  return g_test_run ();
}
