/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-deviation"

#include "config.h"

#include <string.h>

#include "waymark-curve-steps.h"
#include "waymark-deviation.h"
#include "waymark-reader.h"

/* The deviations of an as-is journey from the intended one: each kind
 * with a pair of maps that has it and one that does not, by ids (two
 * states of one map) and by content (maps drawn separately). */

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-1\">\n" \
  "  <title>T</title>\n" \
  "  <phase id=\"p1\"><name>Awareness</name></phase>\n" \
  "  <phase id=\"p2\"><name>Purchase</name></phase>\n" \
  "  <lane id=\"l1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"
#define TAIL "</journey>\n"
#define TP(id, phase, title, extra) \
  "  <touchpoint id=\"" id "\" phase=\"" phase "\" lane=\"l1\"><title>" title "</title>" extra "</touchpoint>\n"

static WaymarkJourney *
load (const char *xml)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_reader_read (xml, strlen (xml), "test.journey", NULL, &error);

  g_assert_no_error (error);
  return journey;
}

/* "kind-id title severity" of each deviation, one a line, in order. */
static char *
deviations_of (const char *intended_xml,
               const char *actual_xml)
{
  g_autoptr(WaymarkJourney) intended = load (intended_xml);
  g_autoptr(WaymarkJourney) actual = load (actual_xml);
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (intended, actual, WAYMARK_DIFF_FLAGS_NONE);
  g_autoptr(GPtrArray) deviations = waymark_deviations_find (diff);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < deviations->len; i++)
    {
      WaymarkDeviation *deviation = deviations->pdata[i];
      WaymarkTouchpoint *tp = deviation->actual ? deviation->actual : deviation->intended;

      g_assert_nonnull (deviation->message);
      g_assert_true (deviation->kind == WAYMARK_DEVIATION_AD_HOC || deviation->intended != NULL);
      g_assert_true (deviation->kind == WAYMARK_DEVIATION_MISSING || deviation->actual != NULL);
      g_string_append_printf (text, "%s %s %s\n", waymark_deviation_kind_to_id (deviation->kind),
                              tp->title, waymark_severity_to_nick (deviation->severity));
    }
  return g_string_free (text, FALSE);
}

#define PLAN HEAD \
  TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>") \
  TP ("t2", "p1", "Flyer", "") \
  TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment moment-of-truth=\"true\"/>") \
  TP ("t4", "p2", "Mail", "") TAIL

static void
test_as_planned (void)
{
  g_autofree char *none = deviations_of (PLAN, PLAN);

  g_assert_cmpstr (none, ==, "");
}

static void
test_missing (void)
{
  g_autofree char *found = deviations_of (PLAN, HEAD
                                          TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                                          TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment moment-of-truth=\"true\"/>")
                                          TP ("t4", "p2", "Mail", "") TAIL);
  g_autofree char *mot = deviations_of (PLAN, HEAD
                                        TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                                        TP ("t2", "p1", "Flyer", "")
                                        TP ("t4", "p2", "Mail", "") TAIL);

  g_assert_cmpstr (found, ==, "missing-touchpoint Flyer medium\n");
  /* A planned moment of truth that is missing matters more. */
  g_assert_cmpstr (mot, ==, "missing-touchpoint Checkout high\n");
}

static void
test_ad_hoc (void)
{
  g_autofree char *found = deviations_of (PLAN, HEAD
                                          TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                                          TP ("t2", "p1", "Flyer", "")
                                          TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment moment-of-truth=\"true\"/>")
                                          TP ("t4", "p2", "Mail", "")
                                          TP ("t5", "p2", "Hotline", "<emotion score=\"-2\"/>") TAIL);

  /* A bad one that nobody planned is worse than a harmless one. */
  g_assert_cmpstr (found, ==, "ad-hoc-touchpoint Hotline medium\n");
}

static void
test_irregular (void)
{
  /* Mail comes first now; the others keep their planned order. */
  g_autofree char *found = deviations_of (PLAN, HEAD
                                          TP ("t4", "p1", "Mail", "")
                                          TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                                          TP ("t2", "p1", "Flyer", "")
                                          TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment moment-of-truth=\"true\"/>") TAIL);
  g_assert_cmpstr (found, ==, "irregular-sequence Mail low\n");
}

static void
test_failing (void)
{
  g_autofree char *emotion = deviations_of (PLAN, HEAD
                                            TP ("t1", "p1", "Ad", "<emotion score=\"-1\"/>")
                                            TP ("t2", "p1", "Flyer", "")
                                            TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment moment-of-truth=\"true\"/>")
                                            TP ("t4", "p2", "Mail", "") TAIL);
  g_autofree char *weakness = deviations_of (PLAN, HEAD
                                             TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                                             TP ("t2", "p1", "Flyer", "")
                                             TP ("t3", "p2", "Checkout", "<emotion score=\"1\"/><assessment strength=\"weakness\" moment-of-truth=\"true\"/>")
                                             TP ("t4", "p2", "Mail", "") TAIL);
  /* Bad in the plan already: not a failure against the plan. */
  g_autofree char *planned_bad = deviations_of (HEAD TP ("t1", "p1", "Ad", "<emotion score=\"-2\"/>") TAIL,
                                                HEAD TP ("t1", "p1", "Ad", "<emotion score=\"-2\"/>") TAIL);

  g_assert_cmpstr (emotion, ==, "failing-touchpoint Ad medium\n");
  g_assert_cmpstr (weakness, ==, "failing-touchpoint Checkout high\n");
  g_assert_cmpstr (planned_bad, ==, "");
}

/* Maps drawn separately (other ids) match by phase names and titles;
 * the list is by severity. */
static void
test_separate_maps_and_order (void)
{
  g_autofree char *found = deviations_of (PLAN,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<journey xmlns=\"urn:waymark:journey\" format=\"2\" id=\"j-2\">\n"
    "  <title>Now</title>\n"
    "  <phase id=\"x1\"><name>Awareness</name></phase>\n"
    "  <phase id=\"x2\"><name>Purchase</name></phase>\n"
    "  <lane id=\"y1\" kind=\"touchpoints\"><name>Touchpoints</name></lane>\n"
    "  <touchpoint id=\"z4\" phase=\"x1\" lane=\"y1\"><title>Mail</title></touchpoint>\n"
    "  <touchpoint id=\"z1\" phase=\"x1\" lane=\"y1\"><title>Ad</title><emotion score=\"1\"/></touchpoint>\n"
    "  <touchpoint id=\"z3\" phase=\"x2\" lane=\"y1\"><title>Checkout</title><emotion score=\"-2\"/>"
    "<assessment moment-of-truth=\"true\"/></touchpoint>\n"
    "  <touchpoint id=\"z5\" phase=\"x2\" lane=\"y1\"><title>Hotline</title></touchpoint>\n"
    TAIL);

  g_assert_cmpstr (found, ==,
                   "failing-touchpoint Checkout high\n"
                   "missing-touchpoint Flyer medium\n"
                   "ad-hoc-touchpoint Hotline low\n"
                   "irregular-sequence Mail low\n");
}

/* "intended|as-is|phase|kinds" of each step of the two curves, one a
 * line; "-" for a side without a touchpoint. */
static char *
steps_of (const char *intended_xml,
          const char *actual_xml,
          double     *intended_average,
          double     *actual_average)
{
  g_autoptr(WaymarkJourney) intended = load (intended_xml);
  g_autoptr(WaymarkJourney) actual = load (actual_xml);
  g_autoptr(WaymarkDiff) diff = waymark_diff_new (intended, actual, WAYMARK_DIFF_FLAGS_NONE);
  g_autoptr(GPtrArray) deviations = waymark_deviations_find (diff);
  g_autoptr(GArray) steps = waymark_curve_steps_new (diff, deviations);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    {
      const WaymarkCurveStep *step = &g_array_index (steps, WaymarkCurveStep, i);

      g_string_append_printf (text, "%s|%s|%s|", step->intended ? step->intended->title : "-",
                              step->actual ? step->actual->title : "-", step->phase_name);
      for (WaymarkDeviationKind kind = WAYMARK_DEVIATION_MISSING; kind <= WAYMARK_DEVIATION_FAILING; kind++)
        if (step->deviations & (1u << kind))
          g_string_append_printf (text, "%s ", waymark_deviation_kind_to_id (kind));
      g_string_append_c (text, '\n');
    }
  g_assert_true (waymark_curve_steps_average (steps, TRUE, intended_average));
  g_assert_true (waymark_curve_steps_average (steps, FALSE, actual_average));
  return g_string_free (text, FALSE);
}

/* Both curves on one axis: the as-is flow, with each missing touchpoint
 * after the planned one before it, its deviations marked. */
static void
test_curve_steps (void)
{
  double intended, actual;
  g_autofree char *same = steps_of (PLAN, PLAN, &intended, &actual);
  g_autofree char *steps = NULL;

  g_assert_cmpstr (same, ==,
                   "Ad|Ad|Awareness|\n"
                   "Flyer|Flyer|Awareness|\n"
                   "Checkout|Checkout|Purchase|\n"
                   "Mail|Mail|Purchase|\n");
  g_assert_cmpfloat (intended, ==, 1.0);
  g_assert_cmpfloat (actual, ==, 1.0);

  steps = steps_of (PLAN, HEAD
                    TP ("t4", "p1", "Mail", "<emotion score=\"0\"/>")
                    TP ("t1", "p1", "Ad", "<emotion score=\"1\"/>")
                    TP ("t3", "p2", "Checkout", "<emotion score=\"-2\"/>")
                    TP ("t5", "p2", "Hotline", "<emotion score=\"-1\"/>") TAIL,
                    &intended, &actual);
  g_assert_cmpstr (steps, ==,
                   "Mail|Mail|Awareness|irregular-sequence \n"
                   "Ad|Ad|Awareness|\n"
                   "Flyer|-|Awareness|missing-touchpoint \n"
                   "Checkout|Checkout|Purchase|failing-touchpoint \n"
                   "-|Hotline|Purchase|ad-hoc-touchpoint \n");
  g_assert_cmpfloat (intended, ==, 1.0);
  g_assert_cmpfloat (actual, ==, -0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deviation/as-planned", test_as_planned);
  g_test_add_func ("/deviation/missing", test_missing);
  g_test_add_func ("/deviation/ad-hoc", test_ad_hoc);
  g_test_add_func ("/deviation/irregular", test_irregular);
  g_test_add_func ("/deviation/failing", test_failing);
  g_test_add_func ("/deviation/separate-maps-and-order", test_separate_maps_and_order);
  g_test_add_func ("/deviation/curve-steps", test_curve_steps);

  return g_test_run ();
}
