/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>

#include "image-compare.h"
#include "journey-builder.h"
#include "waymark-layout.h"
#include "waymark-painter.h"
#include "waymark-text-cache.h"

static cairo_surface_t *
paint_image (WaymarkLayout               *layout,
             const WaymarkRect           *clip,
             double                       scale,
             const WaymarkPaletteVariant  variant,
             const WaymarkPaintState     *state)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  waymark_painter_paint (layout, cr, clip, waymark_palette_get (variant), WAYMARK_PAINT_DEFAULT, state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static WaymarkPaintStats
paint_stats (WaymarkLayout     *layout,
             const WaymarkRect *clip)
{
  WaymarkPaintStats stats = { 0 };
  WaymarkPaintState state = { 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_t *cr = cairo_create (surface);

  state.stats = &stats;
  /* The viewport's own transform: the clip is in map units. */
  if (clip)
    cairo_translate (cr, -clip->x, -clip->y);
  waymark_painter_paint (layout, cr, clip, NULL, WAYMARK_PAINT_DEFAULT, &state);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return stats;
}

static void
test_culling (void)
{
  g_autoptr(WaymarkJourney) small = builder_generate (12, 600, 1);
  g_autoptr(WaymarkJourney) big = builder_generate (48, 4800, 1);
  g_autoptr(WaymarkLayout) small_layout = waymark_layout_new (small, NULL);
  g_autoptr(WaymarkLayout) big_layout = waymark_layout_new (big, NULL);
  WaymarkPaintStats whole, view_small, view_big;
  WaymarkRect grid, view;
  guint n_rows = waymark_journey_get_n_items (small, WAYMARK_ITEM_LANE);

  /* The whole map visits every cell (but the emotion lane, one band). */
  whole = paint_stats (small_layout, NULL);
  g_assert_cmpuint (whole.n_cells_visited, ==, 12 * (n_rows - 1));
  g_assert_cmpuint (whole.n_cards_painted, ==,
                    waymark_journey_get_n_items (small, WAYMARK_ITEM_TOUCHPOINT) +
                    waymark_journey_get_n_items (small, WAYMARK_ITEM_NOTE));

  /* A 1280×720 viewport in the middle of the grid visits only the cells
   * it shows, however large the map. */
  waymark_layout_get_grid_rect (small_layout, &grid);
  view = WAYMARK_RECT_INIT (grid.x + grid.width / 2, grid.y + 100, 1280, 720);
  view_small = paint_stats (small_layout, &view);
  waymark_layout_get_grid_rect (big_layout, &grid);
  view = WAYMARK_RECT_INIT (grid.x + grid.width / 2, grid.y + 100, 1280, 720);
  view_big = paint_stats (big_layout, &view);

  g_test_message ("viewport: %u/%u cells, %u/%u cards (small map); %u cells, %u cards (big map)",
                  view_small.n_cells_visited, whole.n_cells_visited, view_small.n_cards_painted,
                  whole.n_cards_painted, view_big.n_cells_visited, view_big.n_cards_painted);
  g_assert_cmpuint (view_small.n_columns_visited, <=, 3);
  g_assert_cmpuint (view_small.n_cards_painted, >, 0);
  g_assert_cmpuint (view_small.n_cards_painted, <, 60);
  g_assert_cmpuint (view_small.n_cells_visited, <, whole.n_cells_visited / 4);
  g_assert_cmpuint (view_big.n_columns_visited, <=, 3);
  g_assert_cmpuint (view_big.n_cards_painted, <=, view_small.n_cards_painted * 3 / 2 + 4);
  g_assert_cmpuint (view_big.n_rows_visited, <=, view_small.n_rows_visited + 1);
}

static void
test_tiles_match_whole (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (5, 60, 2);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  cairo_surface_t *whole = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, NULL);
  cairo_surface_t *tiled;
  double width, height;
  cairo_t *cr;
  guint n;

  /* Painting in tiles through the clip (as the canvas and poster export
   * do) gives the same picture: nothing is culled that reaches in. */
  waymark_layout_get_size (layout, &width, &height);
  tiled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (tiled);
  for (int ty = 0; ty < height; ty += 301)
    for (int tx = 0; tx < width; tx += 377)
      {
        WaymarkRect tile = WAYMARK_RECT_INIT (tx, ty, 377, 301);

        waymark_painter_paint (layout, cr, &tile, NULL, WAYMARK_PAINT_DEFAULT, NULL);
      }
  cairo_destroy (cr);

  n = image_compare (whole, tiled, NULL);
  g_test_message ("%u of %.0f pixels differ between whole and tiled", n, width * height);
  /* A few antialiased pixels where a stroke is cut into pieces. */
  g_assert_cmpuint (n, <=, (guint) (width * height / 100000));
  cairo_surface_destroy (whole);
  cairo_surface_destroy (tiled);
}

static void
test_scale_keeps_layout (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (4, 30, 4);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-render-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  WaymarkLayoutStats stats;
  cairo_surface_t *surface;
  double width, height;
  double scales[] = { 0.25, 1.0, 1.5, 3.0 };
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  waymark_layout_reset_stats (layout);

  /* Zoom levels and vector surfaces reuse the one layout as it is. */
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    cairo_surface_destroy (paint_image (layout, NULL, scales[i], WAYMARK_PALETTE_LIGHT, NULL));

  surface = cairo_pdf_surface_create (pdf_path, width * 0.75, height * 0.75);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);   /* 96 dpi map units to 72 dpi points */
  waymark_painter_paint (layout, cr, NULL, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg_path, width, height);
  cr = cairo_create (surface);
  waymark_painter_paint (layout, cr, NULL, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  waymark_layout_get_stats (layout, &stats);
  g_assert_cmpuint (stats.n_updates, ==, 0);
  g_assert_cmpuint (stats.n_cards_measured, ==, 0);

  {
    GStatBuf st;

    g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 1000);
    g_assert_cmpint (g_stat (svg_path, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 1000);
  }
  g_unlink (pdf_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

static void
test_selection_ring (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (3, 12, 6);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  WaymarkTouchpoint *tp = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 4);
  WaymarkPaintState empty = { 0 };
  WaymarkPaintState state = { 0 };
  cairo_surface_t *plain, *with_empty, *with_selection, *diff = NULL;
  WaymarkRect card;
  guint n;

  plain = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, NULL);
  with_empty = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, &empty);
  g_assert_cmpuint (image_compare (plain, with_empty, NULL), ==, 0);

  g_hash_table_add (selected, tp);
  state.selected = selected;
  with_selection = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, &state);
  n = image_compare (plain, with_selection, &diff);
  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card));
  /* A ring around the card: at least its perimeter changed … */
  g_assert_cmpuint (n, >, 2 * (card.width + card.height));
  /* … and right outside the card's left edge, not inside it. */
  {
    const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (diff) +
                                            (int) (card.y + card.height / 2) * cairo_image_surface_get_stride (diff));

    g_assert_cmphex (row[(int) card.x - 4], ==, 0xffff0000);
    g_assert_cmphex (row[(int) card.x + 40], !=, 0xffff0000);
  }
  cairo_surface_destroy (diff);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (with_empty);
  cairo_surface_destroy (with_selection);
}

static void
test_dark_palette (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (3, 12, 6);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  cairo_surface_t *light = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, NULL);
  cairo_surface_t *dark = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_DARK, NULL);
  const guint32 *corner;

  /* Same geometry, different page. */
  g_assert_cmpuint (image_compare (light, dark, NULL), >, 0);
  corner = (const guint32 *) cairo_image_surface_get_data (dark);
  g_assert_cmphex (corner[0], ==, 0xff1e1e1e);
  corner = (const guint32 *) cairo_image_surface_get_data (light);
  g_assert_cmphex (corner[0], ==, 0xffffffff);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* The mean difference in lightness (0 … 255) between the squares of
 * @size around (@ax, @ay) and (@bx, @by) of @image. */
static double
grey_difference (cairo_surface_t *image,
                 double           ax,
                 double           ay,
                 double           bx,
                 double           by,
                 int              size)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  double sum = 0;

  for (int dy = -size / 2; dy < size / 2; dy++)
    for (int dx = -size / 2; dx < size / 2; dx++)
      {
        const guint32 a = *(const guint32 *) (data + ((int) ay + dy) * stride + 4 * ((int) ax + dx));
        const guint32 b = *(const guint32 *) (data + ((int) by + dy) * stride + 4 * ((int) bx + dx));
        /* Rec. 601 luma, as a black-and-white printer's driver makes it. */
        double la = 0.299 * ((a >> 16) & 0xff) + 0.587 * ((a >> 8) & 0xff) + 0.114 * (a & 0xff);
        double lb = 0.299 * ((b >> 16) & 0xff) + 0.587 * ((b >> 8) & 0xff) + 0.114 * (b & 0xff);

        sum += ABS (la - lb);
      }
  return sum / (size * size);
}

/* On a black-and-white printer the five scores' colours come out at
 * almost the same grey: the marks differ in shape or fill, so any two
 * scores' marks differ clearly in grey alone. */
static void
test_emotion_marks_greyscale (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  WaymarkPhase *phase = builder_add_phase (journey, "Phase");
  WaymarkLane *lane = builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotion");
  WaymarkLane *cards = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Cards");
  WaymarkChannel *channel = builder_add_channel (journey, WAYMARK_CATEGORY_DIGITAL, "web", "Web");
  WaymarkTouchpoint *tps[5];
  g_autoptr(WaymarkLayout) layout = NULL;
  double x[5], y[5];
  cairo_surface_t *image;

  for (int score = -2; score <= 2; score++)
    tps[score + 2] = builder_add_touchpoint (journey, phase, cards, channel, "Step", score);
  layout = waymark_layout_new (journey, NULL);
  for (int i = 0; i < 5; i++)
    g_assert_true (waymark_layout_get_emotion_point (layout, lane, tps[i], &x[i], &y[i]));

  /* Four times the resolution, as a 300 dpi print. */
  image = paint_image (layout, NULL, 4.0, WAYMARK_PALETTE_LIGHT, NULL);
  for (int i = 0; i < 5; i++)
    for (int j = i + 1; j < 5; j++)
      {
        double d = grey_difference (image, 4 * x[i], 4 * y[i], 4 * x[j], 4 * y[j], 56);

        if (d < 12)
          g_error ("scores %d and %d differ by %.1f grey levels only", i - 2, j - 2, d);
      }
  cairo_surface_destroy (image);
}

static char *
flood (const char *before,
       guint       n_bases,
       guint       marks_per_base)
{
  GString *s = g_string_new (before);

  for (guint b = 0; b < n_bases; b++)
    {
      g_string_append_c (s, 'W');
      for (guint m = 0; m < marks_per_base; m++)
        g_string_append (s, m % 2 ? "\xcc\x81" : "\xcc\xa7");   /* U+0301, U+0327 */
    }
  return g_string_free (s, FALSE);
}

/* A flood of combining marks and a leading U+202E RIGHT-TO-LEFT OVERRIDE
 * in a card's title, channel and owner change only the card's own
 * pixels, and a title of megabytes is laid out in bounded time. */
static void
test_hostile_text_stays_in_card (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  WaymarkPhase *phase = builder_add_phase (journey, "Phase");
  WaymarkLane *lane = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Lane");
  WaymarkLane *notes = builder_add_lane (journey, WAYMARK_LANE_NOTES, "Notes");
  WaymarkChannel *channel = builder_add_channel (journey, WAYMARK_CATEGORY_DIGITAL, "website", "Website");
  WaymarkTouchpoint *tp = builder_add_touchpoint (journey, phase, lane, channel,
                                                  "Three lines of an ordinary title that goes on and on and on "
                                                  "until the card cuts it with an ellipsis at its end", 1);
  WaymarkTouchpoint *below = builder_add_touchpoint (journey, phase, lane, channel, "Below", 0);
  g_autofree char *long_note = g_strnfill (2000, 'n');
  WaymarkNote *note = builder_add_note (journey, phase, notes, long_note);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autofree char *title = flood ("\xe2\x80\xae" "Hello ", 60, 60);
  g_autofree char *owner = flood ("\xe2\x80\xae" "Owner ", 20, 200);
  g_autofree char *note_text = flood ("\xe2\x80\xae", 100, 100);
  g_autofree char *huge = flood ("\xe2\x80\xae", 200000, 10);
  WaymarkRect card_before, card_after, note_before, note_after, below_before, below_after;
  cairo_surface_t *plain, *hostile, *diff = NULL;
  WaymarkTouchpoint *copy;
  WaymarkNote *note_copy;
  gint64 start;

  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card_before));
  g_assert_true (waymark_layout_get_card_rect (layout, note, &note_before));
  g_assert_true (waymark_layout_get_card_rect (layout, below, &below_before));
  plain = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, NULL);

  copy = waymark_item_copy (tp);
  g_free (copy->title);
  copy->title = g_strdup (title);
  copy->owner = g_strdup (owner);
  builder_swap (journey, tp, copy);
  note_copy = waymark_item_copy (note);
  g_free (note_copy->text);
  note_copy->text = g_strdup (note_text);
  builder_swap (journey, note, note_copy);

  /* The cards keep their size (three lines of title, eight of note)... */
  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card_after));
  g_assert_true (waymark_layout_get_card_rect (layout, note, &note_after));
  g_assert_true (waymark_layout_get_card_rect (layout, below, &below_after));
  g_assert_cmpfloat (card_after.height, ==, card_before.height);
  g_assert_cmpfloat (below_after.y, ==, below_before.y);
  g_assert_cmpfloat (note_after.y, ==, note_before.y);
  g_assert_cmpfloat (note_after.height, ==, note_before.height);

  /* ... and what changed is on them. */
  hostile = paint_image (layout, NULL, 1.0, WAYMARK_PALETTE_LIGHT, NULL);
  g_assert_cmpuint (image_compare (plain, hostile, &diff), >, 0);
  {
    int width = cairo_image_surface_get_width (diff);
    int height = cairo_image_surface_get_height (diff);
    int stride = cairo_image_surface_get_stride (diff);
    guchar *data = cairo_image_surface_get_data (diff);
    guint stray = 0;

    cairo_surface_flush (diff);
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        {
          const guint32 *px = (const guint32 *) (data + y * stride) + x;
          gboolean on_card = x >= card_after.x - 1 && x < card_after.x + card_after.width + 1 &&
                             y >= card_after.y - 1 && y < card_after.y + card_after.height + 1;
          gboolean on_note = x >= note_after.x - 1 && x < note_after.x + note_after.width + 1 &&
                             y >= note_after.y - 1 && y < note_after.y + note_after.height + 1;

          if (*px == 0xffff0000 && !on_card && !on_note)
            stray++;
        }
    g_assert_cmpuint (stray, ==, 0);
  }

  /* Two megabytes of title: bounded before pango sees it. */
  start = g_get_monotonic_time ();
  builder_set_title (journey, tp, huge);
  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card_after));
  g_assert_cmpfloat (card_after.height, ==, card_before.height);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  cairo_surface_destroy (diff);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (hostile);
}

/* A line of isolated fields takes its direction from its own words, not
 * from a field's U+202E; bounding drops mark floods and cuts at the
 * limit, and leaves ordinary text alone. */
static void
test_text_direction_and_bounds (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *flood_text = NULL;
  g_autofree char *bounded = NULL;

  waymark_text_append_isolated (line, "\xe2\x80\xae" "Subject");
  g_string_append (line, " \xc2\xb7 Goal: ");
  waymark_text_append_isolated (line, "x");
  waymark_text_mark_direction (line);
  g_assert_true (g_str_has_prefix (line->str, "\xe2\x80\x8e"));   /* U+200E */

  g_string_assign (line, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d: ");   /* Hebrew */
  waymark_text_append_isolated (line, "Latin");
  waymark_text_mark_direction (line);
  g_assert_true (g_str_has_prefix (line->str, "\xe2\x80\x8f"));   /* U+200F */

  g_assert_null (waymark_text_bound ("Ordinary text, \xc3\xa9t\xc3\xa9", 100));
  flood_text = flood ("", 2, 10);
  bounded = waymark_text_bound (flood_text, 0);
  /* Two letters, four marks each. */
  g_assert_cmpuint (g_utf8_strlen (bounded, -1), ==, 10);
  g_free (bounded);
  bounded = waymark_text_bound ("abcdef", 3);
  g_assert_cmpstr (bounded, ==, "abc\xe2\x80\xa6");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/painter/culling", test_culling);
  g_test_add_func ("/render/painter/tiles-match-whole", test_tiles_match_whole);
  g_test_add_func ("/render/painter/scale-keeps-layout", test_scale_keeps_layout);
  g_test_add_func ("/render/painter/selection-ring", test_selection_ring);
  g_test_add_func ("/render/painter/dark-palette", test_dark_palette);
  g_test_add_func ("/render/painter/emotion-marks-greyscale", test_emotion_marks_greyscale);
  g_test_add_func ("/render/painter/hostile-text-stays-in-card", test_hostile_text_stays_in_card);
  g_test_add_func ("/render/painter/text-direction-and-bounds", test_text_direction_and_bounds);

  return g_test_run ();
}
