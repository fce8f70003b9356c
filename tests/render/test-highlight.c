/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "image-compare.h"
#include "journey-builder.h"
#include "waymark-layout.h"
#include "waymark-painter.h"

/* The painter dims what a highlight leaves out: each card that does not
 * match, its links and its emotion point, at a fraction of their contrast
 * against the page, in the light and the dark palette; the cards that
 * match are drawn exactly as without a highlight; the PDF carries the
 * same dimming as a constant alpha. */

static cairo_surface_t *
paint_image (WaymarkLayout         *layout,
             WaymarkPaletteVariant  variant)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  waymark_painter_paint (layout, cr, NULL, waymark_palette_get (variant), WAYMARK_PAINT_DEFAULT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

/* The summed difference of each channel over @rect from the colour at
 * (@bx, @by), the tile under it: how much a card stands out. */
static double
contrast (cairo_surface_t   *image,
          const WaymarkRect *rect,
          double             bx,
          double             by)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint32 page = *(const guint32 *) (data + (int) by * stride + 4 * (int) bx);
  double sum = 0;

  cairo_surface_flush (image);
  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    for (int x = (int) rect->x; x < (int) (rect->x + rect->width); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);

        for (int shift = 0; shift < 24; shift += 8)
          sum += ABS ((int) ((pixel >> shift) & 0xff) - (int) ((page >> shift) & 0xff));
      }
  return sum;
}

/* Whether @a and @b have the same pixels in @rect. */
static gboolean
same_in (cairo_surface_t   *a,
         cairo_surface_t   *b,
         const WaymarkRect *rect)
{
  const guint8 *da = cairo_image_surface_get_data (a);
  const guint8 *db = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);

  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    if (memcmp (da + y * stride + 4 * (int) rect->x, db + y * stride + 4 * (int) rect->x,
                4 * (gsize) rect->width) != 0)
      return FALSE;
  return TRUE;
}

static WaymarkLane *
emotion_lane (WaymarkJourney *journey)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);

  for (guint i = 0; i < lanes->len; i++)
    if (((WaymarkLane *) lanes->pdata[i])->kind == WAYMARK_LANE_EMOTION)
      return lanes->pdata[i];
  g_assert_not_reached ();
}

/* A touchpoint that Sales owns (highlighted) and one it does not
 * (dimmed), both with an emotion. */
static void
pick (WaymarkJourney     *journey,
      WaymarkTouchpoint **lit,
      WaymarkTouchpoint **dim)
{
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  *lit = *dim = NULL;
  for (guint i = 0; i < tps->len; i++)
    {
      WaymarkTouchpoint *tp = tps->pdata[i];

      if (!tp->has_emotion)
        continue;
      if (g_strcmp0 (tp->owner, "Sales") == 0)
        *lit = *lit != NULL ? *lit : tp;
      else
        *dim = *dim != NULL ? *dim : tp;
    }
  g_assert_nonnull (*lit);
  g_assert_nonnull (*dim);
}

static void
check_palette (WaymarkPaletteVariant variant)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (3, 16, 6);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  WaymarkTouchpoint *lit, *dim;
  cairo_surface_t *plain, *empty, *dimmed;
  WaymarkRect lit_rect, dim_rect, lit_point, dim_point, cell;
  double x, y, ratio;

  pick (journey, &lit, &dim);
  plain = paint_image (layout, variant);

  /* An empty highlight dims nothing. */
  waymark_layout_set_highlight (layout, highlight, NULL);
  g_assert_null (waymark_layout_get_highlight (layout));
  empty = paint_image (layout, variant);
  g_assert_cmpuint (image_compare (plain, empty, NULL), ==, 0);

  waymark_highlight_add_owner (highlight, "Sales");
  waymark_layout_set_highlight (layout, highlight, NULL);
  g_assert_nonnull (waymark_layout_get_highlight (layout));
  g_assert_false (waymark_layout_is_dimmed (layout, lit));
  g_assert_true (waymark_layout_is_dimmed (layout, dim));
  dimmed = paint_image (layout, variant);

  /* The highlighted card is drawn as before; the other fades towards the
   * page, to about WM_DIM_ALPHA of its contrast, but stays visible. */
  g_assert_true (waymark_layout_get_card_rect (layout, lit, &lit_rect));
  g_assert_true (waymark_layout_get_card_rect (layout, dim, &dim_rect));
  g_assert_true (same_in (plain, dimmed, &lit_rect));
  g_assert_true (waymark_layout_get_cell_rect (layout, dim->phase, dim->lane, &cell));
  ratio = contrast (dimmed, &dim_rect, cell.x + 6, cell.y + 6) / contrast (plain, &dim_rect, cell.x + 6, cell.y + 6);
  if (ratio < 0.15 || ratio > 0.45)
    g_error ("a dimmed card keeps %.2f of its contrast", ratio);

  /* The same for the emotion points. */
  g_assert_true (waymark_layout_get_emotion_point (layout, emotion_lane (journey), lit, &x, &y));
  lit_point = (WaymarkRect) WAYMARK_RECT_INIT (x - 5, y - 5, 10, 10);
  g_assert_true (waymark_layout_get_emotion_point (layout, emotion_lane (journey), dim, &x, &y));
  dim_point = (WaymarkRect) WAYMARK_RECT_INIT (x - 5, y - 5, 10, 10);
  g_assert_false (same_in (plain, dimmed, &dim_point));
  g_assert_true (waymark_layout_get_cell_rect (layout, dim->phase, emotion_lane (journey), &cell));
  g_assert_cmpfloat (contrast (dimmed, &dim_point, cell.x + 6, cell.y + 6), <,
                     0.6 * contrast (plain, &dim_point, cell.x + 6, cell.y + 6));
  /* (a highlighted point may lie under a dimmed curve label, so only its
   * centre is compared) */
  lit_point = (WaymarkRect) WAYMARK_RECT_INIT (lit_point.x + 3, lit_point.y + 3, 4, 4);
  g_assert_true (same_in (plain, dimmed, &lit_point));

  /* Clearing brings the plain map back. */
  waymark_layout_set_highlight (layout, NULL, NULL);
  cairo_surface_destroy (empty);
  empty = paint_image (layout, variant);
  g_assert_cmpuint (image_compare (plain, empty, NULL), ==, 0);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (empty);
  cairo_surface_destroy (dimmed);
}

static void
test_light (void)
{
  check_palette (WAYMARK_PALETTE_LIGHT);
}

static void
test_dark (void)
{
  check_palette (WAYMARK_PALETTE_DARK);
}

static void
test_links (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (3, 16, 6);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);
  guint n_dimmed = 0;

  g_assert_cmpuint (links->len, >, 0);
  waymark_highlight_add_owner (highlight, "Sales");
  waymark_layout_set_highlight (layout, highlight, NULL);
  /* A link stands out only between two highlighted cards. */
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = links->pdata[i];
      gboolean both = !waymark_layout_is_dimmed (layout, link->from) && !waymark_layout_is_dimmed (layout, link->to);

      g_assert_cmpint (waymark_layout_is_dimmed (layout, link), ==, !both);
      n_dimmed += !both;
    }
  g_assert_cmpuint (n_dimmed, >, 0);
}

/* PDF: the dimmed parts are drawn with a constant alpha, so the file
 * stays vector text and shapes. */
static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
paint_pdf (WaymarkLayout *layout)
{
  GByteArray *bytes = g_byte_array_new ();
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  waymark_layout_get_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append, bytes, width * 0.75, height * 0.75);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z");
  cr = cairo_create (surface);
  cairo_scale (cr, 0.75, 0.75);
  waymark_painter_paint (layout, cr, NULL, NULL, WAYMARK_PAINT_DEFAULT, NULL);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return bytes;
}

static gboolean
contains (GByteArray *bytes,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= bytes->len; i++)
    if (memcmp (bytes->data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (3, 16, 6);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  g_autoptr(WaymarkHighlight) highlight = waymark_highlight_new ();
  g_autoptr(GByteArray) plain = paint_pdf (layout);
  g_autoptr(GByteArray) dimmed = NULL;

  waymark_highlight_add_owner (highlight, "Sales");
  waymark_layout_set_highlight (layout, highlight, NULL);
  dimmed = paint_pdf (layout);
  g_assert_false (contains (plain, "/ca 0.28"));
  g_assert_true (contains (dimmed, "/ca 0.28"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/highlight/light", test_light);
  g_test_add_func ("/render/highlight/dark", test_dark);
  g_test_add_func ("/render/highlight/links", test_links);
  g_test_add_func ("/render/highlight/pdf", test_pdf);
  return g_test_run ();
}
