/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "waymark-checker.h"
#include "waymark-highlight.h"
#include "waymark-reader.h"

/* The highlight filter: each criterion alone on a small map, every card
 * that should match and none that should not; AND across kinds and OR
 * within one; notes; the command-line spelling and its errors. */

static const char map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-1\">\n"
  "  <state>as-is</state>\n"
  "  <persona id=\"persona-1\"><name>Lena</name></persona>\n"
  "  <persona id=\"persona-2\"><name>Max</name></persona>\n"
  "  <phase id=\"p1\"><name>Awareness</name></phase>\n"
  "  <lane id=\"l1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"
  "  <lane id=\"l2\" kind=\"notes\"><name>Pain points</name></lane>\n"
  "  <channel id=\"ch-mail\" category=\"digital\" icon=\"email\"><name>E-Mail</name></channel>\n"
  "  <channel id=\"ch-web\" category=\"digital\" icon=\"website\"><name>Website</name></channel>\n"
  "  <channel id=\"ch-shop\" category=\"physical\" icon=\"store\"><name>Flagship Store</name></channel>\n"
  "  <channel id=\"ch-call\" category=\"personal\" icon=\"phone\"><name>Hotline</name></channel>\n"
  /* a: e-mail, Support, −2, 3 votes, Lena's, owned: a negative-emotion finding */
  "  <touchpoint id=\"a\" phase=\"p1\" lane=\"l1\" channel=\"ch-mail\" votes=\"3\"><title>a</title>"
  "<emotion score=\"-2\"/><applies-to persona=\"persona-1\"/><owner>Support</owner></touchpoint>\n"
  /* b: website, Marketing, +1, no votes, Max's */
  "  <touchpoint id=\"b\" phase=\"p1\" lane=\"l1\" channel=\"ch-web\"><title>b</title>"
  "<emotion score=\"1\"/><applies-to persona=\"persona-2\"/><owner>Marketing</owner></touchpoint>\n"
  /* c: store, support (other case), −1, 1 vote, both personas' */
  "  <touchpoint id=\"c\" phase=\"p1\" lane=\"l1\" channel=\"ch-shop\" votes=\"1\"><title>c</title>"
  "<emotion score=\"-1\"/><applies-to persona=\"persona-1\"/><applies-to persona=\"persona-2\"/>"
  "<owner>support</owner></touchpoint>\n"
  /* d: hotline, nobody owns it, no emotion: a touchpoint-without-owner
   * finding; d and e name no persona, so they apply to both */
  "  <touchpoint id=\"d\" phase=\"p1\" lane=\"l1\" channel=\"ch-call\" votes=\"5\"><title>d</title></touchpoint>\n"
  /* e: no channel, Support, 0 */
  "  <touchpoint id=\"e\" phase=\"p1\" lane=\"l1\"><title>e</title>"
  "<emotion score=\"0\"/><owner>Support</owner></touchpoint>\n"
  "  <note id=\"n1\" phase=\"p1\" lane=\"l2\" votes=\"4\"><text>Too slow</text></note>\n"
  "  <note id=\"n2\" phase=\"p1\" lane=\"l2\"><text>Nice</text></note>\n"
  "</journey>\n";

typedef struct {
  WaymarkJourney *journey;
  WaymarkChecker *checker;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->journey = waymark_reader_read (map, strlen (map), "highlight.journey", NULL, &error);
  g_assert_no_error (error);
  fixture->checker = waymark_checker_new (fixture->journey);
  waymark_checker_update (fixture->checker);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->checker);
  g_clear_object (&fixture->journey);
}

/* The ids of the highlighted cards, in map order, space-separated. */
static char *
matching (Fixture                *fixture,
          const WaymarkHighlight *highlight)
{
  GString *out = g_string_new (NULL);
  const WaymarkItemType types[] = { WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_NOTE };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GPtrArray *cards = waymark_journey_get_items (fixture->journey, types[t]);

      for (guint i = 0; i < cards->len; i++)
        if (waymark_highlight_matches (highlight, fixture->checker, cards->pdata[i]))
          g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "",
                                  waymark_item_get_id (cards->pdata[i]));
    }
  return g_string_free (out, FALSE);
}

static void
assert_spec (Fixture    *fixture,
             const char *spec,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse (spec, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = matching (fixture, highlight);
  if (g_strcmp0 (got, expected) != 0)
    g_error ("--highlight %s: highlights “%s”, expected “%s”", spec, got, expected);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  g_autofree char *all = matching (fixture, highlight);
  g_autofree char *spelling = waymark_highlight_to_string (highlight);

  g_assert_false (waymark_highlight_is_active (highlight));
  g_assert_cmpstr (all, ==, "a b c d e n1 n2");
  g_assert_cmpstr (spelling, ==, "");
}

static void
test_channel (Fixture       *fixture,
              gconstpointer  data)
{
  /* by icon key, by name in another case, by id */
  assert_spec (fixture, "channel=email", "a");
  assert_spec (fixture, "channel=WEBSITE", "b");
  assert_spec (fixture, "channel=flagship store", "c");
  assert_spec (fixture, "channel=ch-call", "d");
  assert_spec (fixture, "channel=email,channel=phone", "a d");
}

static void
test_category (Fixture       *fixture,
               gconstpointer  data)
{
  assert_spec (fixture, "category=digital", "a b");
  assert_spec (fixture, "category=physical", "c");
  assert_spec (fixture, "category=physical,category=personal", "c d");
}

static void
test_owner (Fixture       *fixture,
            gconstpointer  data)
{
  assert_spec (fixture, "owner=Support", "a c e");
  assert_spec (fixture, "owner=marketing", "b");
  assert_spec (fixture, "owner=Marketing,owner=support", "a b c e");
  assert_spec (fixture, "owner=Nobody", "");
}

static void
test_persona (Fixture       *fixture,
              gconstpointer  data)
{
  /* by name in any case or by id; a card that names no persona applies
   * to every one; notes have none */
  assert_spec (fixture, "persona=Lena", "a c d e");
  assert_spec (fixture, "persona=persona-2", "b c d e");
  assert_spec (fixture, "persona=MAX", "b c d e");
  assert_spec (fixture, "persona=lena,persona=max", "a b c d e");
  assert_spec (fixture, "persona=Max,owner=Marketing", "b");
  assert_spec (fixture, "persona=Lena,emotion=-2..-1", "a c");
}

static void
test_emotion (Fixture       *fixture,
              gconstpointer  data)
{
  /* d has no emotion and never matches a range */
  assert_spec (fixture, "emotion=-2..-1", "a c");
  assert_spec (fixture, "emotion=0", "e");
  assert_spec (fixture, "emotion=0..", "b e");
  assert_spec (fixture, "emotion=..-2", "a");
  assert_spec (fixture, "emotion=-2..2", "a b c e");
}

static void
test_finding (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  g_autofree char *without_checker = NULL;

  /* a: negative-emotion (medium at −2); c: negative-emotion (low) and
   * emotion-drop from b (medium); d: touchpoint-without-owner (low);
   * a and b: digital-without-kpi (low) */
  assert_spec (fixture, "finding=touchpoint-without-owner", "d");
  assert_spec (fixture, "finding=negative-emotion", "a c");
  assert_spec (fixture, "finding=touchpoint-without-owner,finding=negative-emotion", "a c d");
  assert_spec (fixture, "finding=high", "");
  assert_spec (fixture, "finding=medium", "a c");
  assert_spec (fixture, "finding=emotion-drop", "c");
  assert_spec (fixture, "finding", "a b c d");
  assert_spec (fixture, "finding=low", "a b c d");

  /* without findings to look at, a finding criterion matches nothing */
  waymark_highlight_add_finding (highlight, NULL, WAYMARK_SEVERITY_LOW);
  g_assert_false (waymark_highlight_matches (highlight, NULL,
                                             waymark_journey_lookup (fixture->journey, "a")));
}

static void
test_votes (Fixture       *fixture,
            gconstpointer  data)
{
  assert_spec (fixture, "votes=1", "a c d n1");
  assert_spec (fixture, "votes=4", "d n1");
  assert_spec (fixture, "votes=6", "");
}

static void
test_combined (Fixture       *fixture,
               gconstpointer  data)
{
  /* AND across kinds */
  assert_spec (fixture, "owner=Support,category=digital", "a");
  assert_spec (fixture, "owner=Support,votes=1", "a c");
  assert_spec (fixture, "owner=Support,emotion=-1..0", "c e");
  /* OR within a kind, AND across */
  assert_spec (fixture, "channel=email,channel=store,owner=support,emotion=-1", "c");
  assert_spec (fixture, "category=digital,category=personal,finding=touchpoint-without-owner,finding=medium", "a d");
  /* a criterion a note cannot meet dims every note, even with votes */
  assert_spec (fixture, "votes=4,owner=Support", "");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  g_autoptr(WaymarkHighlight) copy = NULL;
  int min, max;

  waymark_highlight_add_channel (highlight, "email");
  waymark_highlight_add_channel (highlight, "EMAIL");
  g_assert_cmpuint (waymark_highlight_count (highlight, WAYMARK_HIGHLIGHT_CHANNEL), ==, 1);
  waymark_highlight_add_category (highlight, WAYMARK_CATEGORY_PHYSICAL);
  waymark_highlight_add_category (highlight, WAYMARK_CATEGORY_PERSONAL);
  g_assert_cmpuint (waymark_highlight_count (highlight, WAYMARK_HIGHLIGHT_CATEGORY), ==, 2);
  waymark_highlight_set_emotion (highlight, 1, -1);
  g_assert_true (waymark_highlight_get_emotion (highlight, &min, &max));
  g_assert_cmpint (min, ==, -1);
  g_assert_cmpint (max, ==, 1);
  waymark_highlight_add_finding (highlight, "negative-emotion", WAYMARK_SEVERITY_LOW);
  waymark_highlight_set_min_votes (highlight, 2);
  waymark_highlight_add_persona (highlight, "Lena");
  g_assert_true (waymark_highlight_has_persona (highlight, "lena"));
  g_assert_cmpuint (waymark_highlight_count (highlight, WAYMARK_HIGHLIGHT_PERSONA), ==, 1);
  g_assert_true (waymark_highlight_is_active (highlight));

  copy = waymark_highlight_copy (highlight);
  g_assert_true (waymark_highlight_equal (copy, highlight));
  waymark_highlight_remove_category (copy, WAYMARK_CATEGORY_PERSONAL);
  g_assert_false (waymark_highlight_equal (copy, highlight));
  waymark_highlight_add_category (copy, WAYMARK_CATEGORY_PERSONAL);
  g_assert_true (waymark_highlight_equal (copy, highlight));

  waymark_highlight_clear_kind (highlight, WAYMARK_HIGHLIGHT_EMOTION);
  g_assert_false (waymark_highlight_get_emotion (highlight, NULL, NULL));
  g_assert_false (waymark_highlight_equal (copy, highlight));
  waymark_highlight_remove_channel (highlight, "Email");
  g_assert_false (waymark_highlight_has_channel (highlight, "email"));
  waymark_highlight_clear (highlight);
  g_assert_false (waymark_highlight_is_active (highlight));
  for (guint kind = 0; kind < WAYMARK_N_HIGHLIGHT_KINDS; kind++)
    g_assert_cmpuint (waymark_highlight_count (highlight, kind), ==, 0);
}

static void
test_spelling (void)
{
  const char *specs[] = {
    "channel=email,channel=a\\,b\\\\c,category=digital,owner=Support\\, EMEA,persona=Lena,emotion=-2..-1,finding,finding=high,finding=owner-silos,votes=3",
    "emotion=0..0",
    "votes=999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse (specs[i], &error);
      g_autoptr(WaymarkHighlight) again = NULL;
      g_autofree char *spelling = NULL;

      g_assert_no_error (error);
      spelling = waymark_highlight_to_string (highlight);
      g_assert_cmpstr (spelling, ==, specs[i]);
      again = waymark_highlight_parse (spelling, &error);
      g_assert_no_error (error);
      g_assert_true (waymark_highlight_equal (again, highlight));
    }
  {
    g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse ("owner=Support\\, EMEA", NULL);

    g_assert_true (waymark_highlight_has_owner (highlight, "support, emea"));
  }
}

static void
test_spelling_errors (void)
{
  /* each bad spec, and a word its error names */
  const struct { const char *spec; const char *named; } bad[] = {
    { "", "empty" },
    { "colour=red", "colour" },
    { "owner", "owner" },
    { "owner=", "owner=" },
    { "category=online", "category=online" },
    { "emotion=3", "emotion=3" },
    { "emotion=-1..-2", "emotion=-1..-2" },
    { "emotion=bad", "emotion=bad" },
    { "emotion=-1,emotion=1", "emotion=1" },
    { "votes=0", "votes=0" },
    { "votes=1000", "votes=1000" },
    { "votes=x", "votes=x" },
    { "finding=severe", "finding=severe" },
    { "channel=email,,owner=x", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkHighlight) highlight = waymark_highlight_parse (bad[i].spec, &error);

      g_assert_null (highlight);
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      if (strstr (error->message, bad[i].named) == NULL)
        g_error ("--highlight “%s”: “%s” does not name “%s”", bad[i].spec, error->message, bad[i].named);
    }
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkHighlight) good = waymark_highlight_parse ("channel=email,channel=Hotline,owner=Nobody", NULL);
  g_autoptr(WaymarkHighlight) typo = waymark_highlight_parse ("channel=emial", NULL);
  g_autoptr(WaymarkHighlight) persona = waymark_highlight_parse ("persona=Lena,persona=Nobody", NULL);

  g_assert_true (waymark_highlight_check (good, fixture->journey, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_highlight_check (typo, fixture->journey, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "emial"));
  g_clear_error (&error);
  g_assert_false (waymark_highlight_check (persona, fixture->journey, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "persona=Nobody"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/highlight/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("empty", test_empty);
  ADD ("channel", test_channel);
  ADD ("category", test_category);
  ADD ("owner", test_owner);
  ADD ("persona", test_persona);
  ADD ("emotion", test_emotion);
  ADD ("finding", test_finding);
  ADD ("votes", test_votes);
  ADD ("combined", test_combined);
  ADD ("edit", test_edit);
  ADD ("check", test_check);
#undef ADD
  g_test_add_func ("/highlight/spelling", test_spelling);
  g_test_add_func ("/highlight/spelling-errors", test_spelling_errors);
  return g_test_run ();
}
