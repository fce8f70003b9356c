/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "waymark-error.h"
#include "waymark-migrate.h"
#include "waymark-reader.h"
#include "waymark-text-limit.h"
#include "waymark-writer.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-1\">\n"

static WaymarkJourney *
load (const char       *xml,
      WaymarkReadInfo  *info,
      GError          **error)
{
  return waymark_reader_read (xml, strlen (xml), "test.journey", info, error);
}

static WaymarkJourney *
load_ok (const char      *xml,
         WaymarkReadInfo *info)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = load (xml, info, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journey);
  return journey;
}

/* Asserts a refusal with @code whose message starts "test.journey:LINE:"
 * and contains @text. */
static void
assert_refused (const char         *xml,
                WaymarkFormatError  code,
                int                 line,
                const char         *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = load (xml, NULL, &error);
  g_autofree char *prefix = g_strdup_printf ("test.journey:%d: ", line);

  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, text) == NULL)
    g_error ("expected “%s…%s”, got “%s”", prefix, text, error->message);
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* A map whose journey title, card title, description and KPI name are
 * given; the card starts on line 9, its description is on line 11. */
static char *
limits_doc (const char *journey_title,
            const char *title,
            const char *description,
            const char *kpi_name)
{
  return g_strdup_printf (HEAD ROOT
                          "  <title>%s</title>\n"
                          "  <phase id=\"p\"><name>P</name></phase>\n"
                          "  <lane id=\"l\" kind=\"touchpoints\">\n"
                          "    <name>L</name>\n"
                          "  </lane>\n"
                          "\n"
                          "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n"
                          "    <title>%s</title>\n"
                          "    <description>%s</description>\n"
                          "    <kpi name=\"%s\" value=\"1\"/>\n"
                          "  </touchpoint>\n"
                          "</journey>\n",
                          journey_title, title, description, kpi_name);
}

/* A title is a line, a description a few pages: each field loads at its
 * limit, counted in characters (two bytes each here), and is refused one
 * character beyond it, naming the element and the limit. */
static void
test_field_limits (void)
{
  g_autofree char *line = repeat ("\xc3\xa9", WAYMARK_TEXT_LIMIT_LINE);
  g_autofree char *line_over = repeat ("\xc3\xa9", WAYMARK_TEXT_LIMIT_LINE + 1);
  g_autofree char *pages = repeat ("\xc3\xa9", WAYMARK_TEXT_LIMIT_PAGES);
  g_autofree char *pages_over = repeat ("\xc3\xa9", WAYMARK_TEXT_LIMIT_PAGES + 1);
  g_autofree char *at_limit = limits_doc (line, line, pages, line);
  g_autoptr(WaymarkJourney) journey = load_ok (at_limit, NULL);
  WaymarkTouchpoint *tp = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  g_autofree char *doc = NULL;

  g_assert_cmpuint (g_utf8_strlen (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), -1), ==,
                    WAYMARK_TEXT_LIMIT_LINE);
  g_assert_cmpuint (g_utf8_strlen (tp->title, -1), ==, WAYMARK_TEXT_LIMIT_LINE);
  g_assert_cmpuint (g_utf8_strlen (tp->description, -1), ==, WAYMARK_TEXT_LIMIT_PAGES);

  doc = limits_doc (line_over, "T", "", "K");
  assert_refused (doc, WAYMARK_FORMAT_ERROR_TOO_LARGE, 3,
                  "the text of <title> is longer than 1000 characters, the most a <title> may hold");
  g_free (doc);
  doc = limits_doc ("T", line_over, "", "K");
  assert_refused (doc, WAYMARK_FORMAT_ERROR_TOO_LARGE, 10,
                  "the text of <title> is longer than 1000 characters");
  g_free (doc);
  doc = limits_doc ("T", "T", pages_over, "K");
  assert_refused (doc, WAYMARK_FORMAT_ERROR_TOO_LARGE, 11,
                  "the text of <description> is longer than 10000 characters, the most a <description> may hold");
  g_free (doc);
  doc = limits_doc ("T", "T", "", line_over);
  assert_refused (doc, WAYMARK_FORMAT_ERROR_TOO_LARGE, 12,
                  "the attribute “name” of <kpi> is longer than 1000 characters");
}

static void
test_minimal (void)
{
  WaymarkReadInfo info = { 0, };
  g_autoptr(WaymarkJourney) journey =
    load_ok (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-abc\"/>\n", &info);

  g_assert_cmpstr (waymark_journey_get_id (journey), ==, "j-abc");
  g_assert_null (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE));
  g_assert_cmpint (waymark_journey_get_state (journey), ==, WAYMARK_STATE_AS_IS);
  g_assert_null (waymark_journey_get_foreign (journey));
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    g_assert_cmpuint (waymark_journey_get_n_items (journey, t), ==, 0);
  g_assert_cmpint (info.format, ==, 1);
  g_assert_false (info.newer);
  /* Format 1 is older than this program's: migrated (which changes nothing). */
  g_assert_true (info.migrated);
}

static const char full_doc[] =
  HEAD
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-5d1c0a9e33b2\">\n"
  "  <title>Fitness watch</title>\n"
  "  <subject>Private customers</subject>\n"
  "  <goal>Purchase</goal>\n"
  "  <state>intended</state>\n"
  "  <persona id=\"persona-1\">\n"
  "    <name>Running beginner</name>\n"
  "    <description>Lena, 34</description>\n"
  "  </persona>\n"
  "  <phase id=\"phase-a\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <phase id=\"phase-b\">\n"
  "    <name>Purchase</name>\n"
  "  </phase>\n"
  "  <lane id=\"lane-t\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <lane id=\"lane-e\" kind=\"emotion\">\n"
  "    <name>Emotions</name>\n"
  "  </lane>\n"
  "  <lane id=\"lane-n\" kind=\"notes\">\n"
  "    <name>Pain points</name>\n"
  "  </lane>\n"
  "  <lane id=\"lane-k\" kind=\"kpis\">\n"
  "    <name>KPIs</name>\n"
  "  </lane>\n"
  "  <channel id=\"ch-1\" category=\"digital\" icon=\"social-media\">\n"
  "    <name>Social media</name>\n"
  "  </channel>\n"
  "  <channel id=\"ch-2\" category=\"physical\">\n"
  "    <name>Store</name>\n"
  "  </channel>\n"
  "  <touchpoint id=\"tp-1\" phase=\"phase-a\" lane=\"lane-t\" channel=\"ch-1\" initiator=\"brand\">\n"
  "    <title>Instagram ad</title>\n"
  "    <description>Sponsored post</description>\n"
  "    <quote>\"Is it for me?\"</quote>\n"
  "    <idea>Show beginners</idea>\n"
  "    <emotion score=\"-2\">curious</emotion>\n"
  "    <owner>Marketing</owner>\n"
  "    <assessment strength=\"weakness\" priority=\"high\" moment-of-truth=\"true\"/>\n"
  "    <kpi name=\"Conversion rate\" value=\"0.031\" unit=\"ratio\" target=\"0.05\"/>\n"
  "    <kpi name=\"Reach\" value=\"-12\"/>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-2\" phase=\"phase-b\" lane=\"lane-t\">\n"
  "    <title>Checkout</title>\n"
  "    <emotion score=\"2\"/>\n"
  "    <assessment priority=\"low\" moment-of-truth=\"false\"/>\n"
  "  </touchpoint>\n"
  "  <note id=\"note-1\" phase=\"phase-b\" lane=\"lane-n\">\n"
  "    <text>Shop cannot deliver</text>\n"
  "  </note>\n"
  "  <link id=\"link-1\" from=\"tp-1\" to=\"tp-2\"/>\n"
  "</journey>\n";

static void
test_fields (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (full_doc, NULL);
  WaymarkPersona *persona;
  WaymarkPhase *phase_a, *phase_b;
  WaymarkLane *lane_t, *lane_n;
  WaymarkChannel *ch1, *ch2;
  WaymarkTouchpoint *tp1, *tp2;
  WaymarkKpi *kpi;
  WaymarkNote *note;
  WaymarkLink *link;

  g_assert_cmpstr (waymark_journey_get_id (journey), ==, "j-5d1c0a9e33b2");
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "Fitness watch");
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_SUBJECT), ==, "Private customers");
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL), ==, "Purchase");
  g_assert_cmpint (waymark_journey_get_state (journey), ==, WAYMARK_STATE_INTENDED);

  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PERSONA), ==, 1);
  persona = waymark_journey_get_item (journey, WAYMARK_ITEM_PERSONA, 0);
  g_assert_cmpstr (persona->item.id, ==, "persona-1");
  g_assert_cmpstr (persona->name, ==, "Running beginner");
  g_assert_cmpstr (persona->description, ==, "Lena, 34");

  /* Document order is column and row order. */
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE), ==, 2);
  phase_a = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  phase_b = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 1);
  g_assert_cmpstr (phase_a->name, ==, "Awareness");
  g_assert_cmpstr (phase_b->name, ==, "Purchase");

  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_LANE), ==, 4);
  lane_t = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  lane_n = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 2);
  g_assert_cmpint (lane_t->kind, ==, WAYMARK_LANE_TOUCHPOINTS);
  g_assert_cmpint (((WaymarkLane *) waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 1))->kind, ==, WAYMARK_LANE_EMOTION);
  g_assert_cmpint (lane_n->kind, ==, WAYMARK_LANE_NOTES);
  g_assert_cmpint (((WaymarkLane *) waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 3))->kind, ==, WAYMARK_LANE_KPIS);
  g_assert_cmpstr (lane_n->name, ==, "Pain points");

  ch1 = waymark_journey_get_item (journey, WAYMARK_ITEM_CHANNEL, 0);
  ch2 = waymark_journey_get_item (journey, WAYMARK_ITEM_CHANNEL, 1);
  g_assert_cmpint (ch1->category, ==, WAYMARK_CATEGORY_DIGITAL);
  g_assert_cmpstr (ch1->icon, ==, "social-media");
  g_assert_cmpstr (ch1->name, ==, "Social media");
  g_assert_cmpint (ch2->category, ==, WAYMARK_CATEGORY_PHYSICAL);
  g_assert_null (ch2->icon);

  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, 2);
  tp1 = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  tp2 = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 1);
  /* References are the items themselves, not copies. */
  g_assert_true (tp1->phase == phase_a);
  g_assert_true (tp1->lane == lane_t);
  g_assert_true (tp1->channel == ch1);
  g_assert_true (waymark_journey_lookup (journey, "tp-1") == tp1);
  g_assert_cmpint (tp1->initiator, ==, WAYMARK_INITIATOR_BRAND);
  g_assert_cmpstr (tp1->title, ==, "Instagram ad");
  g_assert_cmpstr (tp1->description, ==, "Sponsored post");
  g_assert_cmpstr (tp1->quote, ==, "\"Is it for me?\"");
  g_assert_cmpstr (tp1->idea, ==, "Show beginners");
  g_assert_true (tp1->has_emotion);
  g_assert_cmpint (tp1->emotion, ==, -2);
  g_assert_cmpstr (tp1->emotion_note, ==, "curious");
  g_assert_cmpstr (tp1->owner, ==, "Marketing");
  g_assert_cmpint (tp1->strength, ==, WAYMARK_STRENGTH_WEAKNESS);
  g_assert_cmpint (tp1->priority, ==, WAYMARK_PRIORITY_HIGH);
  g_assert_true (tp1->moment_of_truth);
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp1), ==, 2);
  kpi = g_ptr_array_index (tp1->kpis, 0);
  g_assert_cmpstr (kpi->name, ==, "Conversion rate");
  g_assert_cmpstr (kpi->value, ==, "0.031");
  g_assert_cmpstr (kpi->unit, ==, "ratio");
  g_assert_cmpstr (kpi->target, ==, "0.05");
  kpi = g_ptr_array_index (tp1->kpis, 1);
  g_assert_cmpstr (kpi->value, ==, "-12");
  g_assert_null (kpi->unit);
  g_assert_null (kpi->target);

  g_assert_true (tp2->phase == phase_b);
  g_assert_null (tp2->channel);
  g_assert_cmpint (tp2->initiator, ==, WAYMARK_INITIATOR_UNSET);
  g_assert_null (tp2->description);
  g_assert_true (tp2->has_emotion);
  g_assert_cmpint (tp2->emotion, ==, 2);
  g_assert_null (tp2->emotion_note);
  g_assert_cmpint (tp2->strength, ==, WAYMARK_STRENGTH_UNSET);
  g_assert_cmpint (tp2->priority, ==, WAYMARK_PRIORITY_LOW);
  g_assert_false (tp2->moment_of_truth);
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tp2), ==, 0);

  note = waymark_journey_get_item (journey, WAYMARK_ITEM_NOTE, 0);
  g_assert_true (note->phase == phase_b);
  g_assert_true (note->lane == lane_n);
  g_assert_cmpstr (note->text, ==, "Shop cannot deliver");

  link = waymark_journey_get_item (journey, WAYMARK_ITEM_LINK, 0);
  g_assert_cmpstr (link->item.id, ==, "link-1");
  g_assert_true (link->from == tp1);
  g_assert_true (link->to == tp2);

  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    for (guint i = 0; i < waymark_journey_get_n_items (journey, t); i++)
      g_assert_null (WAYMARK_ITEM (waymark_journey_get_item (journey, t, i))->foreign);
}

static void
test_text_exact (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (
    HEAD ROOT
    "  <title>  spaced\n\ttwo lines  </title>\n"
    "  <phase id=\"p\">\n"
    "    <name>&amp;&lt;&gt;&quot;&apos;&#13;&#x263A;</name>\n"
    "  </phase>\n"
    "  <lane id=\"l\" kind=\"touchpoints\">\n"
    "    <name>   </name>\n"
    "  </lane>\n"
    "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n"
    "    <title><![CDATA[Fish & <chips>]]> and more</title>\n"
    "    <description></description>\n"
    "    <emotion score=\"+1\"></emotion>\n"
    "    <kpi name=\"a&#10;b\" value=\"1\"/>\n"
    "    <kpi name=\"R&amp;D &#38; &#x26;&lt;\" value=\"2\" unit=\"&#38;#38;\"/>\n"
    "  </touchpoint>\n"
    "</journey>\n", NULL);
  WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkTouchpoint *tp = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, 0);

  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "  spaced\n\ttwo lines  ");
  g_assert_cmpstr (phase->name, ==, "&<>\"'\r\xe2\x98\xba");
  g_assert_cmpstr (lane->name, ==, "   ");
  g_assert_cmpstr (tp->title, ==, "Fish & <chips> and more");
  /* The model keeps empty text as NULL. */
  g_assert_null (tp->description);
  g_assert_null (tp->emotion_note);
  g_assert_cmpint (tp->emotion, ==, 1);
  /* Character references survive attribute normalisation. */
  g_assert_cmpstr (kpi->name, ==, "a\nb");
  /* libxml2 passes each '&' in an attribute as "&#38;" (we never ask it
   * to expand entities); the reader decodes it, and only it. */
  kpi = g_ptr_array_index (tp->kpis, 1);
  g_assert_cmpstr (kpi->name, ==, "R&D & &<");
  g_assert_cmpstr (kpi->unit, ==, "&#38;");
}

static void
test_comments_and_pis (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (
    HEAD "<?xml-stylesheet href=\"a.css\"?>\n<!-- before -->\n" ROOT
    "  <!-- a comment -->\n"
    "  <title>Ti<!-- inside -->tle<?pi data?></title>\n"
    "</journey>\n<!-- after -->\n", NULL);

  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "Title");
  g_assert_null (waymark_journey_get_foreign (journey));
}

static const char *
owner_of (WaymarkForeign *foreign,
          const char     *qname)
{
  for (guint i = 0; foreign && foreign->attrs && i < foreign->attrs->len; i++)
    {
      WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);
      if (strcmp (a->qname, qname) == 0)
        return a->owner;
    }
  return NULL;
}

static const char *
value_of (WaymarkForeign *foreign,
          const char     *qname)
{
  for (guint i = 0; foreign && foreign->attrs && i < foreign->attrs->len; i++)
    {
      WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);
      if (strcmp (a->qname, qname) == 0)
        return a->value;
    }
  return NULL;
}

static void
assert_ns_decls (WaymarkForeign    *foreign,
                 const char *const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (foreign);
  g_assert_nonnull (foreign->ns_decls);
  g_assert_cmpuint (foreign->ns_decls->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (foreign->ns_decls, i), ==, expected[i]);
}

static void
test_foreign (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (
    HEAD
    "<journey xmlns=\"urn:waymark:journey\" xmlns:x=\"urn:x\" format=\"1\" id=\"j-1\" x:root=\"r\" xml:lang=\"de\">\n"
    "  <title x:t=\"1\">T</title>\n"
    "  <state xmlns:s=\"urn:s\" s:why=\"w\">as-is</state>\n"
    "  <phase id=\"p\">\n"
    "    <name>P</name>\n"
    "  </phase>\n"
    "  <lane id=\"l\" kind=\"touchpoints\">\n"
    "    <name>L</name>\n"
    "  </lane>\n"
    "  <touchpoint xmlns:y=\"urn:y\" id=\"t\" phase=\"p\" lane=\"l\" y:item=\"i\">\n"
    "    <title xmlns:x=\"urn:x\" xmlns:z=\"urn:z\" z:a=\"1\">T</title>\n"
    "    <emotion score=\"0\" x:e=\"2\"/>\n"
    "    <assessment strength=\"strength\" x:a=\"3\"/>\n"
    "    <kpi name=\"a\" value=\"1\"/>\n"
    "    <kpi xmlns:z=\"urn:z\" name=\"b\" value=\"2\" z:k=\"4\"/>\n"
    "    <y:data y:v=\"&quot;q&quot;\"><y:row>a &amp; b</y:row><y:empty></y:empty>"
    "<w:inner xmlns:w=\"urn:w\" xmlns=\"urn:default\"><plain/><!--c--></w:inner></y:data>\n"
    "  </touchpoint>\n"
    "  <x:tail>end</x:tail>\n"
    "</journey>\n", NULL);
  WaymarkForeign *jf = waymark_journey_get_foreign (journey);
  WaymarkTouchpoint *tp = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 0);
  WaymarkForeign *tf = tp->item.foreign;
  const char *journey_decls[] = { "x\nurn:x", "s\nurn:s", NULL };
  const char *tp_decls[] = { "y\nurn:y", "z\nurn:z", NULL };

  /* The root's own declarations, plus the one <state> carried (moved up);
   * the default namespace is the writer's business. */
  assert_ns_decls (jf, journey_decls);
  g_assert_cmpstr (owner_of (jf, "x:root"), ==, "");
  g_assert_cmpstr (owner_of (jf, "xml:lang"), ==, "");
  g_assert_cmpstr (value_of (jf, "xml:lang"), ==, "de");
  g_assert_cmpstr (owner_of (jf, "x:t"), ==, "title");
  g_assert_cmpstr (owner_of (jf, "s:why"), ==, "state");
  g_assert_cmpuint (jf->elements->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (jf->elements, 0), ==, "<x:tail>end</x:tail>");

  /* xmlns:x on <title> repeats the root's binding and is dropped;
   * xmlns:z moves to the touchpoint once. */
  assert_ns_decls (tf, tp_decls);
  g_assert_cmpstr (owner_of (tf, "y:item"), ==, "");
  g_assert_cmpstr (owner_of (tf, "z:a"), ==, "title");
  g_assert_cmpstr (owner_of (tf, "x:e"), ==, "emotion");
  g_assert_cmpstr (owner_of (tf, "x:a"), ==, "assessment");
  g_assert_cmpstr (owner_of (tf, "z:k"), ==, "kpi:1");
  g_assert_cmpstr (value_of (tf, "z:k"), ==, "4");
  g_assert_cmpuint (tf->elements->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (tf->elements, 0), ==,
                   "<y:data y:v=\"&quot;q&quot;\"><y:row>a &amp; b</y:row><y:empty/>"
                   "<w:inner xmlns:w=\"urn:w\" xmlns=\"urn:default\"><plain/><!--c--></w:inner></y:data>");

  /* The phase has nothing foreign and pays nothing for it. */
  g_assert_null (WAYMARK_ITEM (waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0))->foreign);
}

static void
test_newer (void)
{
  WaymarkReadInfo info = { 0, };
  g_autoptr(WaymarkJourney) journey = load_ok (
    HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"7\" id=\"j-1\" layout=\"radial\">\n"
    "  <title>From the future</title>\n"
    "  <theme><colour>blue</colour></theme>\n"
    "  <phase id=\"p\" colour=\"red\">\n"
    "    <name>P</name>\n"
    "    <icon>star</icon>\n"
    "  </phase>\n"
    "</journey>\n", &info);

  g_assert_cmpint (info.format, ==, 7);
  g_assert_true (info.newer);
  g_assert_false (info.migrated);
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "From the future");
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE), ==, 1);
  g_assert_cmpstr (((WaymarkPhase *) waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0))->name, ==, "P");

  /* What the newer format keeps is still checked where we know it. */
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"7\" id=\"j-1\">\n"
                  "  <lane id=\"l\" kind=\"spiral\">\n    <name>L</name>\n  </lane>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_INVALID, 3, "kind must be");
}

static void
test_format_numbers (void)
{
  WaymarkReadInfo info = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) huge = load (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"99999999999999999999\" id=\"j\"/>",
                                         &info, &error);

  g_assert_no_error (error);
  g_assert_true (info.newer);
  g_assert_cmpint (info.format, ==, G_MAXINT);

  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"0\" id=\"j\"/>",
                  WAYMARK_FORMAT_ERROR_FORMAT, 2, "format 0 is not a Waymark format");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\" 1\" id=\"j\"/>",
                  WAYMARK_FORMAT_ERROR_FORMAT, 2, "whole number");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" id=\"j\"/>",
                  WAYMARK_FORMAT_ERROR_FORMAT, 2, "no format attribute");
}

static void
test_migrate_hook (void)
{
  g_autoptr(WaymarkJourney) journey = load_ok (full_doc, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = waymark_writer_write (journey);
  g_autoptr(GBytes) after = NULL;

  /* Format 1 is the first format: nothing older to migrate. */
  g_assert_false (waymark_migrate_can_read (0));
  g_assert_true (waymark_migrate_can_read (1));
  g_assert_true (waymark_migrate_can_read (WAYMARK_FORMAT_VERSION));
  g_assert_false (waymark_migrate_can_read (WAYMARK_FORMAT_VERSION + 1));
  g_assert_false (waymark_migrate_can_read (-3));

  g_assert_true (waymark_migrate (journey, WAYMARK_FORMAT_VERSION, &error));
  g_assert_no_error (error);
  after = waymark_writer_write (journey);
  g_assert_true (g_bytes_equal (before, after));
  /* Format 2 only adds: migrating a format 1 map changes nothing. */
  g_assert_true (waymark_migrate (journey, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_bytes_unref);
  after = waymark_writer_write (journey);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_false (waymark_migrate (journey, 0, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORMAT);
}

static void
test_errors (void)
{
  assert_refused (HEAD ROOT "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <phase id=\"x\">\n    <name>X</name>\n  </phase>\n"
                  "  <persona id=\"p\">\n    <name>N</name>\n  </persona>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_INVALID, 9, "<persona> must come before <phase> in <journey>");
  assert_refused (HEAD ROOT "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <phase id=\"p\">\n    <name>X</name>\n  </phase>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_DUPLICATE_ID, 6, "id 'p' is already used on line 3");
  assert_refused (HEAD ROOT "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <lane id=\"l\" kind=\"notes\">\n    <name>L</name>\n  </lane>\n"
                  "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n    <title>T</title>\n  </touchpoint>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_INVALID, 9, "a touchpoint belongs in a lane of kind touchpoints");
  assert_refused (HEAD ROOT "  <phase id=\"p\">\n    <name>P</name>\n  </phase>\n"
                  "  <lane id=\"l\" kind=\"touchpoints\">\n    <name>L</name>\n  </lane>\n"
                  "  <touchpoint id=\"t\" phase=\"p\" lane=\"l\">\n    <title>T</title>\n"
                  "    <emotion score=\"5\"/>\n  </touchpoint>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_INVALID, 11, "<emotion> score must be a whole number from -2 to 2, not “5”");
  assert_refused (HEAD "<!DOCTYPE journey [<!ENTITY a \"b\">]>\n" ROOT "</journey>\n",
                  WAYMARK_FORMAT_ERROR_FORBIDDEN, 2, "DOCTYPE");
  assert_refused (HEAD ROOT "  <title>&ouml;</title>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_FORBIDDEN, 3, "“&ouml;” is not allowed");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:other\" format=\"1\" id=\"j\"/>\n",
                  WAYMARK_FORMAT_ERROR_NOT_JOURNEY, 2, "not urn:waymark:journey");
  assert_refused (HEAD ROOT "<title>\n</journey>\n", WAYMARK_FORMAT_ERROR_NOT_XML, 4,
                  "the end tag </journey> does not match the start tag <title> on line 3");
  assert_refused (HEAD "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j\">\n<title>\xc3\x28</title></journey>\n",
                  WAYMARK_FORMAT_ERROR_ENCODING, 3, "not valid UTF-8 (byte 0xC3)");
  /* A message quotes a hostile value short and on one line. */
  assert_refused (HEAD ROOT "  <state>line one&#10;FAKE.journey:1: forged and very much longer than forty characters</state>\n</journey>\n",
                  WAYMARK_FORMAT_ERROR_INVALID, 3, "“line one FAKE.journey:1: forged and very…”");
}

static void
test_far_line (void)
{
  g_autoptr(GString) doc = g_string_new (HEAD ROOT);

  /* libxml2 keeps the line in an int here; nodes would cap it at 65535. */
  for (guint i = 0; i < 70000; i++)
    g_string_append_c (doc, '\n');
  g_string_append (doc, "  <state>later</state>\n</journey>\n");
  assert_refused (doc->str, WAYMARK_FORMAT_ERROR_INVALID, 70003, "<state> must be as-is or intended");
}

static void
test_unterminated_buffer (void)
{
  gsize length = sizeof full_doc - 1;
  /* Exactly the bytes, no NUL after them: AddressSanitizer builds catch
   * any read past the end. */
  g_autofree char *copy = g_memdup2 (full_doc, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_reader_read (copy, length, "x", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journey);
}

/* Fed in pieces of every size, down to one byte (cutting every
 * character, tag and the declaration somewhere), a document reads as it
 * does whole. */
static void
test_pieces (void)
{
  gsize length = sizeof full_doc - 1;
  g_autoptr(WaymarkJourney) whole = load_ok (full_doc, NULL);
  g_autoptr(GBytes) expected = waymark_writer_write (whole);

  for (gsize piece = 1; piece <= length; piece++)
    {
      g_autoptr(WaymarkReader) reader = waymark_reader_new ("test.journey");
      g_autoptr(WaymarkJourney) journey = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      WaymarkReadInfo info = { 0, };

      for (gsize at = 0; at < length; at += piece)
        {
          /* Exact-size copies: AddressSanitizer catches a read past one. */
          g_autofree char *copy = g_memdup2 (full_doc + at, MIN (piece, length - at));

          g_assert_true (waymark_reader_feed (reader, copy, MIN (piece, length - at), &error));
          g_assert_no_error (error);
        }
      journey = waymark_reader_finish (reader, &info, &error);
      g_assert_no_error (error);
      g_assert_cmpint (info.format, ==, 1);
      bytes = waymark_writer_write (journey);
      g_assert_true (g_bytes_equal (bytes, expected));
    }
}

/* Once a piece is refused, feeding more is pointless and finishing
 * reports what was wrong; the rest never reaches the parser. */
static void
test_feed_after_refusal (void)
{
  g_autoptr(WaymarkReader) reader = waymark_reader_new ("test.journey");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) finish_error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  WaymarkReadInfo info = { 0, };

  g_assert_true (waymark_reader_feed (reader, HEAD, strlen (HEAD), &error));
  g_assert_no_error (error);
  g_assert_false (waymark_reader_feed (reader, "<html>\n", 7, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_JOURNEY);
  g_assert_true (g_str_has_prefix (error->message, "test.journey:2: the root element is <html>"));
  g_clear_error (&error);

  /* Not even looked at: it would be a UTF-8 error. */
  g_assert_false (waymark_reader_feed (reader, "\xff", 1, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_JOURNEY);

  journey = waymark_reader_finish (reader, &info, &finish_error);
  g_assert_null (journey);
  g_assert_error (finish_error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_JOURNEY);
  g_assert_cmpstr (finish_error->message, ==, error->message);
}

/* A reader dropped half-way frees everything (AddressSanitizer builds
 * check that nothing leaks). */
static void
test_abandoned (void)
{
  WaymarkReader *reader = waymark_reader_new ("test.journey");

  g_assert_true (waymark_reader_feed (reader, full_doc, sizeof full_doc / 2, NULL));
  waymark_reader_free (reader);
  waymark_reader_free (NULL);
}

/* The end of the input is where the checks on a whole file happen: a
 * character, the first bytes or the declaration may still be held back. */
static void
test_pieces_end (void)
{
  const struct {
    const char *pieces[3];
    WaymarkFormatError code;
    const char *message;
  } cases[] = {
    { { HEAD ROOT "  <title>caf\xc3", NULL }, WAYMARK_FORMAT_ERROR_ENCODING,
      "test.journey:3: the file is not valid UTF-8 (byte 0xC3)" },
    { { HEAD ROOT "  <title>caf\xc3", "</title>\n</journey>\n", NULL }, WAYMARK_FORMAT_ERROR_ENCODING,
      "test.journey:3: the file is not valid UTF-8 (byte 0xC3)" },
    { { "\x1f", "\x8b", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:1: compressed files are not journey documents (this is gzip data)" },
    { { "\xef\xbb", "\xbf", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:1: there is no XML element in the file" },
    { { "<?xml version=\"1.", "1\"", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:1: XML version “1.1” is not supported" },
    { { " \n", "\t", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:1: the file is empty" },
    { { HEAD ROOT, "  <title", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:3: the file ends in the middle of the document" },
    { { HEAD ROOT, "  <title>T</title>\n\n", NULL }, WAYMARK_FORMAT_ERROR_NOT_XML,
      "test.journey:5: the file ends before <journey> is closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WaymarkReader) reader = waymark_reader_new ("test.journey");
      g_autoptr(WaymarkJourney) journey = NULL;
      g_autoptr(GError) error = NULL;

      for (guint p = 0; cases[i].pieces[p] != NULL; p++)
        waymark_reader_feed (reader, cases[i].pieces[p], strlen (cases[i].pieces[p]), NULL);
      journey = waymark_reader_finish (reader, NULL, &error);
      g_assert_null (journey);
      g_assert_error (error, WAYMARK_FORMAT_ERROR, (int) cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_display_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_reader_read ("<x/>", 4, "maps/a b.journey", NULL, &error);

  g_assert_null (journey);
  g_assert_true (g_str_has_prefix (error->message, "maps/a b.journey:1: "));
  g_clear_error (&error);

  journey = waymark_reader_read ("", 0, NULL, NULL, &error);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_XML);
  g_assert_true (g_str_has_suffix (error->message, ":1: the file is empty"));
}

static void
test_error_quark (void)
{
  g_assert_cmpstr (g_quark_to_string (WAYMARK_FORMAT_ERROR), ==, "waymark-format-error-quark");
}

static char *
templates_dir (void)
{
  const char *datadir = g_getenv ("WAYMARK_DATADIR");

  if (datadir != NULL)
    return g_build_filename (datadir, "templates", NULL);
  return g_build_filename (SOURCE_DATADIR, "templates", NULL);
}

static void
test_templates (void)
{
  g_autofree char *dir_path = templates_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = NULL;
      WaymarkReadInfo info = { 0, };
      gsize length;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      g_test_message ("template %s", name);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      journey = waymark_reader_read (data, length, name, &info, &error);
      g_assert_no_error (error);
      g_assert_cmpint (info.format, ==, waymark_writer_get_format (journey));
      g_assert_false (info.newer);
      g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE), >, 0);
      g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_LANE), >, 0);
      n++;
    }
  g_assert_cmpuint (n, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reader/minimal", test_minimal);
  g_test_add_func ("/reader/fields", test_fields);
  g_test_add_func ("/reader/text-exact", test_text_exact);
  g_test_add_func ("/reader/comments-and-pis", test_comments_and_pis);
  g_test_add_func ("/reader/foreign", test_foreign);
  g_test_add_func ("/reader/newer", test_newer);
  g_test_add_func ("/reader/format-numbers", test_format_numbers);
  g_test_add_func ("/reader/migrate-hook", test_migrate_hook);
  g_test_add_func ("/reader/errors", test_errors);
  g_test_add_func ("/reader/far-line", test_far_line);
  g_test_add_func ("/reader/unterminated-buffer", test_unterminated_buffer);
  g_test_add_func ("/reader/pieces", test_pieces);
  g_test_add_func ("/reader/feed-after-refusal", test_feed_after_refusal);
  g_test_add_func ("/reader/abandoned", test_abandoned);
  g_test_add_func ("/reader/pieces-end", test_pieces_end);
  g_test_add_func ("/reader/display-name", test_display_name);
  g_test_add_func ("/reader/error-quark", test_error_quark);
  g_test_add_func ("/reader/templates", test_templates);
  g_test_add_func ("/reader/field-limits", test_field_limits);

  return g_test_run ();
}
