/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pixel tests: every template in data/templates, and maps built in code
 * for the edge cases, painted at 100 % straight onto a cairo image
 * surface and compared with the PNGs in tests/render/reference/.
 *
 * Tolerance: a pixel differs when a channel differs by more than
 * IMAGE_CHANNEL_TOLERANCE (8 of 255); a test fails when more than 0.5 %
 * of the pixels differ, or the size differs.  On failure the output and a
 * diff image (differences in red) are written to the build directory and
 * their paths printed.
 *
 * Regenerate the references after an intended change of the drawing:
 *   WAYMARK_UPDATE_REFERENCES=1 meson test -C BUILDDIR --suite render
 * and look at every changed PNG before committing it.
 *
 * The references depend on the fonts: Cantarell and DejaVu Sans (Debian:
 * fonts-cantarell, fonts-dejavu-core), as CI installs them.  Without
 * Cantarell the tests are skipped rather than failed. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "image-compare.h"
#include "journey-builder.h"
#include "waymark-file.h"
#include "waymark-layout.h"
#include "waymark-painter.h"

#define MAX_DIFFERENT_FRACTION 0.005

static gboolean
have_reference_fonts (void)
{
  PangoContext *context = waymark_layout_create_pango_context ();
  PangoFontDescription *desc = pango_font_description_from_string ("Cantarell 12");
  PangoFont *font = pango_context_load_font (context, desc);
  PangoFontDescription *found = font ? pango_font_describe (font) : NULL;
  gboolean ok = found && g_strcmp0 (pango_font_description_get_family (found), "Cantarell") == 0;

  if (found)
    pango_font_description_free (found);
  g_clear_object (&font);
  pango_font_description_free (desc);
  g_object_unref (context);
  return ok;
}

static cairo_surface_t *
paint (WaymarkJourney *journey)
{
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  waymark_painter_paint (layout, cr, NULL, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
check_reference (const char     *name,
                 WaymarkJourney *journey)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *reference = g_build_filename (REFERENCE_DIR, file, NULL);
  g_autofree char *out_dir = g_build_filename (OUTPUT_DIR, "render-output", NULL);
  cairo_surface_t *actual;
  cairo_surface_t *expected;
  cairo_surface_t *diff = NULL;
  guint n, total;

  if (!have_reference_fonts ())
    {
      g_test_skip ("Cantarell is not installed (fonts-cantarell); the references need it");
      return;
    }

  actual = paint (journey);
  if (g_getenv ("WAYMARK_UPDATE_REFERENCES"))
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, reference), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", reference);
      cairo_surface_destroy (actual);
      return;
    }

  expected = cairo_image_surface_create_from_png (reference);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    {
      g_test_fail_printf ("cannot read %s; create it with WAYMARK_UPDATE_REFERENCES=1", reference);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (actual);
      return;
    }

  n = image_compare (expected, actual, &diff);
  total = (guint) (cairo_image_surface_get_width (actual) * cairo_image_surface_get_height (actual));
  if (n == G_MAXUINT || n > total * MAX_DIFFERENT_FRACTION)
    {
      g_autofree char *out = g_build_filename (out_dir, file, NULL);
      g_autofree char *diff_file = g_strconcat (name, "-diff.png", NULL);
      g_autofree char *diff_path = g_build_filename (out_dir, diff_file, NULL);

      g_mkdir_with_parents (out_dir, 0755);
      cairo_surface_write_to_png (actual, out);
      if (diff)
        cairo_surface_write_to_png (diff, diff_path);
      if (n == G_MAXUINT)
        g_test_fail_printf ("%s: size %dx%d, reference %dx%d; output: %s",
                            name, cairo_image_surface_get_width (actual), cairo_image_surface_get_height (actual),
                            cairo_image_surface_get_width (expected), cairo_image_surface_get_height (expected),
                            out);
      else
        g_test_fail_printf ("%s: %u of %u pixels differ (%.2f %%, at most %.2f %% allowed); output: %s, diff: %s",
                            name, n, total, 100.0 * n / total, 100.0 * MAX_DIFFERENT_FRACTION, out, diff_path);
    }
  else
    g_test_message ("%s: %u of %u pixels differ", name, n, total);

  g_clear_pointer (&diff, cairo_surface_destroy);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
test_template (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_file_load (file, NULL, NULL, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_no_error (error);
  *strrchr (base, '.') = '\0';
  check_reference (base, journey);
}

/* Long texts everywhere, empty cells and phases, an intended journey with
 * several personas: nothing may spill out of its box. */
static WaymarkJourney *
edge_cases_journey (void)
{
  WaymarkJourney *journey = waymark_journey_new ();
  WaymarkPhase *p1, *p2, *p3;
  WaymarkLane *tps, *notes;
  WaymarkChannel *channel;
  WaymarkTouchpoint *tp;
  WaymarkPersona *persona;
  WaymarkNote *note;

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE,
                            "A journey map whose title is far too long for one line, because the team "
                            "wrote down everything they wanted to say about it in the title field");
  waymark_journey_set_text (journey, WAYMARK_FIELD_SUBJECT, "Every customer segment we have, and then some more");
  waymark_journey_set_text (journey, WAYMARK_FIELD_GOAL, "Newsletter sign-up");
  waymark_journey_set_state (journey, WAYMARK_STATE_INTENDED);
  persona = waymark_persona_new ("persona-a", "Gift buyer");
  waymark_journey_insert_item (journey, persona, -1);
  waymark_item_unref (persona);
  persona = waymark_persona_new ("persona-b", "Returning expert with very particular expectations");
  waymark_journey_insert_item (journey, persona, -1);
  waymark_item_unref (persona);

  p1 = builder_add_phase (journey, "A phase name that is much longer than its column");
  p2 = builder_add_phase (journey, "Empty phase");
  p3 = builder_add_phase (journey, "Ende");
  tps = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS,
                          "A lane name long enough to wrap over three lines and then be cut");
  builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  notes = builder_add_lane (journey, WAYMARK_LANE_NOTES, "Pain points");
  builder_add_lane (journey, WAYMARK_LANE_KPIS, "KPIs");
  channel = builder_add_channel (journey, WAYMARK_CATEGORY_PERSONAL,
                                 "no-such-icon", "A channel with a name that does not fit on the card");

  tp = builder_add_touchpoint (journey, p1, tps, channel,
                               "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellerverband "
                               "and a title that goes on and on and on well past three lines of text", -2);
  tp->owner = g_strdup ("Customer experience and digital transformation office");
  tp->strength = WAYMARK_STRENGTH_WEAKNESS;
  tp->priority = WAYMARK_PRIORITY_HIGH;
  tp->moment_of_truth = TRUE;
  /* More votes than dots: one dot and the count, beside every marker. */
  tp->votes = 12;
  tp->emotion_note = g_strdup ("a very long emotion note that cannot possibly fit under its point");
  waymark_touchpoint_add_kpi (tp, waymark_kpi_new ("A key figure with a very long name indeed",
                                                   "123456789.123456789", "units of something", NULL));
  tp = builder_add_touchpoint (journey, p1, tps, NULL, NULL, 99);
  tp = builder_add_touchpoint (journey, p3, tps, channel, "Ünïcödé — “quotes” ½ ✓", 2);
  tp->emotion_note = g_strdup ("glücklich");
  tp->votes = 3;
  note = builder_add_note (journey, p3, notes,
                    "A sticky note with so much text that it cannot all be shown: people write whole "
                    "paragraphs on sticky notes in workshops, with every detail they remember, and the "
                    "note must cut them off after a few lines instead of growing without end.");
  /* A full note grows by a row for its dots. */
  note->votes = 5;
  (void) p2;
  return journey;
}

static void
test_edge_cases (void)
{
  g_autoptr(WaymarkJourney) journey = edge_cases_journey ();

  check_reference ("edge-cases", journey);
}

static void
test_no_phases (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Lanes but no phases");
  builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  builder_add_lane (journey, WAYMARK_LANE_NOTES, "Ideas");
  check_reference ("no-phases", journey);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (TEMPLATES_DIR, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (paths, g_build_filename (TEMPLATES_DIR, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *test = NULL;

      *strrchr (base, '.') = '\0';
      test = g_strconcat ("/render/reference/template/", base, NULL);
      g_test_add_data_func (test, g_ptr_array_index (paths, i), test_template);
    }
  g_test_add_func ("/render/reference/edge-cases", test_edge_cases);
  g_test_add_func ("/render/reference/no-phases", test_no_phases);

  return g_test_run ();
}
