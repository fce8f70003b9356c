/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "waymark-csv.h"
#include "waymark-export.h"
#include "waymark-file.h"
#include "waymark-page-plan.h"
#include "waymark-paper.h"

/* The export logic, without a display and without the tools: paper sizes,
 * page plans (fit and poster), option checks, PNG sizes, the CSV bytes and
 * reproducible PDFs.  check-export.py checks the files with independent
 * tools (pdfinfo, pdftotext, xmllint, Python's csv). */

#define EPSILON 1e-6

static WaymarkJourney *
load_journey (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey;

  journey = waymark_file_load (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return journey;
}

static WaymarkLayout *
example_layout (void)
{
  g_autoptr(WaymarkJourney) journey = load_journey (TEMPLATES_DIR, "example-fitness-watch.journey");

  return waymark_layout_new (journey, NULL);
}

/* ---- Paper ---- */

static void
test_paper_sizes (void)
{
  struct {
    WaymarkPaper paper;
    WaymarkOrientation orientation;
    double width, height;   /* as pdfinfo prints them */
  } cases[] = {
    { WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_PORTRAIT, 595.28, 841.89 },
    { WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE, 841.89, 595.28 },
    { WAYMARK_PAPER_A3, WAYMARK_ORIENTATION_LANDSCAPE, 1190.55, 841.89 },
    { WAYMARK_PAPER_A2, WAYMARK_ORIENTATION_LANDSCAPE, 1683.78, 1190.55 },
    { WAYMARK_PAPER_A1, WAYMARK_ORIENTATION_LANDSCAPE, 2383.94, 1683.78 },
    { WAYMARK_PAPER_A0, WAYMARK_ORIENTATION_PORTRAIT, 2383.94, 3370.39 },
    { WAYMARK_PAPER_LETTER, WAYMARK_ORIENTATION_PORTRAIT, 612, 792 },
    { WAYMARK_PAPER_TABLOID, WAYMARK_ORIENTATION_LANDSCAPE, 1224, 792 },
    { WAYMARK_PAPER_NATURAL, WAYMARK_ORIENTATION_LANDSCAPE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double width, height;

      waymark_paper_get_size (cases[i].paper, cases[i].orientation, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.01);
    }
}

static void
test_paper_nicks (void)
{
  WaymarkPaper paper;
  WaymarkOrientation orientation;

  for (guint i = 0; i < WAYMARK_N_PAPERS; i++)
    {
      g_autofree char *upper = g_ascii_strup (waymark_paper_to_nick (i), -1);

      g_assert_true (waymark_paper_from_nick (waymark_paper_to_nick (i), &paper));
      g_assert_cmpint (paper, ==, i);
      g_assert_true (waymark_paper_from_nick (upper, &paper));
      g_assert_cmpint (paper, ==, i);
      g_assert_nonnull (waymark_paper_get_display_name (i));
      g_assert_true ((waymark_paper_get_pwg_name (i) == NULL) == (i == WAYMARK_PAPER_NATURAL));
    }
  /* The GSettings key stores these. */
  g_assert_cmpstr (waymark_paper_to_nick (WAYMARK_PAPER_A3), ==, "a3");
  g_assert_cmpstr (waymark_paper_to_nick (WAYMARK_PAPER_TABLOID), ==, "tabloid");
  g_assert_false (waymark_paper_from_nick ("B5", &paper));
  g_assert_false (waymark_paper_from_nick ("", &paper));
  g_assert_false (waymark_paper_from_nick (NULL, &paper));

  g_assert_true (waymark_orientation_from_nick ("Portrait", &orientation));
  g_assert_cmpint (orientation, ==, WAYMARK_ORIENTATION_PORTRAIT);
  g_assert_true (waymark_orientation_from_nick ("landscape", &orientation));
  g_assert_cmpint (orientation, ==, WAYMARK_ORIENTATION_LANDSCAPE);
  g_assert_false (waymark_orientation_from_nick ("sideways", &orientation));
}

static void
test_poster_parse (void)
{
  const struct { const char *text; guint columns, rows; } good[] = {
    { "3x2", 3, 2 }, { "1X1", 1, 1 }, { "10x10", 10, 10 }, { "2×3", 2, 3 }, { "01x4", 1, 4 },
  };
  const char *bad[] = { "0x0", "0x2", "11x1", "1x11", "3", "x2", "3x", "3x2x1", "-1x2", " 3x2", "3 x 2", "", "axb" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint columns = 0, rows = 0;

      g_assert_true (waymark_poster_parse (good[i].text, &columns, &rows, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (columns, ==, good[i].columns);
      g_assert_cmpuint (rows, ==, good[i].rows);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (waymark_poster_parse (bad[i], NULL, NULL, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
      /* The message repeats what was typed, so the user sees the typo. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

/* ---- Page plans ---- */

/* Where map point (x, y) lands on the page of @sheet. */
static void
to_page (const WaymarkSheet *sheet,
         double              x,
         double              y,
         double             *px,
         double             *py)
{
  *px = x;
  *py = y;
  cairo_matrix_transform_point (&sheet->matrix, px, py);
}

static void
test_plan_natural (void)
{
  WaymarkPagePlan plan;
  WaymarkSheet sheet;

  waymark_page_plan_init_natural (&plan, 3136, 1369.2);
  g_assert_cmpuint (waymark_page_plan_get_n_pages (&plan), ==, 1);
  g_assert_cmpfloat_with_epsilon (plan.page_width, 2352, EPSILON);
  g_assert_cmpfloat_with_epsilon (plan.page_height, 1026.9, EPSILON);
  g_assert_false (plan.poster);

  waymark_page_plan_get_sheet (&plan, 0, &sheet);
  g_assert_cmpfloat_with_epsilon (sheet.matrix.xx, 0.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (sheet.matrix.x0, 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (sheet.clip.width, 3136, EPSILON);
  g_assert_cmpfloat_with_epsilon (sheet.clip.height, 1369.2, EPSILON);
}

static void
test_plan_fit (void)
{
  WaymarkPagePlan plan;
  WaymarkSheet sheet;
  double page_width, page_height, margin, x0, y0, x1, y1;

  waymark_paper_get_size (WAYMARK_PAPER_A3, WAYMARK_ORIENTATION_LANDSCAPE, &page_width, &page_height);
  waymark_page_plan_init (&plan, 3136, 1369, page_width, page_height, 1, 1);
  g_assert_cmpuint (waymark_page_plan_get_n_pages (&plan), ==, 1);
  g_assert_false (plan.poster);
  margin = WAYMARK_MM_TO_POINTS (WAYMARK_PAPER_MARGIN_MM);
  g_assert_cmpfloat_with_epsilon (plan.margin, margin, EPSILON);

  /* A wide map fills the printable width and is centred vertically. */
  waymark_page_plan_get_sheet (&plan, 0, &sheet);
  to_page (&sheet, 0, 0, &x0, &y0);
  to_page (&sheet, 3136, 1369, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x0, margin, EPSILON);
  g_assert_cmpfloat_with_epsilon (x1, page_width - margin, EPSILON);
  g_assert_cmpfloat_with_epsilon (y0 - margin, page_height - margin - y1, EPSILON);
  g_assert_cmpfloat (y0, >, margin);
  /* Proportions kept. */
  g_assert_cmpfloat_with_epsilon ((x1 - x0) / (y1 - y0), 3136.0 / 1369.0, 1e-9);

  /* A tall map fills the height instead, and small maps are enlarged. */
  waymark_page_plan_init (&plan, 100, 400, page_width, page_height, 1, 1);
  waymark_page_plan_get_sheet (&plan, 0, &sheet);
  to_page (&sheet, 0, 0, &x0, &y0);
  to_page (&sheet, 100, 400, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (y0, margin, EPSILON);
  g_assert_cmpfloat_with_epsilon (y1, page_height - margin, EPSILON);
  g_assert_cmpfloat (plan.scale, >, 1.0);
}

/* Every point of the map is on some sheet, no sheet shows more than its
 * printable area, and neighbours share exactly the overlap. */
static void
check_poster (double             map_width,
              double             map_height,
              WaymarkPaper       paper,
              WaymarkOrientation orientation,
              guint              columns,
              guint              rows)
{
  WaymarkPagePlan plan;
  double page_width, page_height, overlap_units;
  g_autofree WaymarkSheet *sheets = NULL;
  guint n;

  waymark_paper_get_size (paper, orientation, &page_width, &page_height);
  waymark_page_plan_init (&plan, map_width, map_height, page_width, page_height, columns, rows);
  n = waymark_page_plan_get_n_pages (&plan);
  g_assert_cmpuint (plan.columns, <=, columns);
  g_assert_cmpuint (plan.rows, <=, rows);
  g_assert_cmpuint (n, ==, plan.columns * plan.rows);
  g_assert_true (plan.poster == (columns * rows > 1));
  g_assert_cmpfloat_with_epsilon (plan.overlap, plan.poster ? WAYMARK_MM_TO_POINTS (WAYMARK_POSTER_OVERLAP_MM) : 0,
                                  EPSILON);
  overlap_units = plan.overlap / plan.scale;

  sheets = g_new0 (WaymarkSheet, n);
  for (guint i = 0; i < n; i++)
    {
      WaymarkSheet *sheet = &sheets[i];
      double x0, y0, x1, y1;

      waymark_page_plan_get_sheet (&plan, i, sheet);
      g_assert_cmpuint (sheet->row, ==, i / plan.columns);
      g_assert_cmpuint (sheet->column, ==, i % plan.columns);
      /* No sheet is mostly empty: the map covers more than half of it. */
      g_assert_cmpfloat (sheet->clip.width * sheet->clip.height * plan.scale * plan.scale, >,
                         0.5 * sheet->printable.width * sheet->printable.height);
      /* The sheet's part of the map lands inside its printable area. */
      to_page (sheet, sheet->clip.x, sheet->clip.y, &x0, &y0);
      to_page (sheet, sheet->clip.x + sheet->clip.width, sheet->clip.y + sheet->clip.height, &x1, &y1);
      g_assert_cmpfloat (x0, >=, sheet->printable.x - EPSILON);
      g_assert_cmpfloat (y0, >=, sheet->printable.y - EPSILON);
      g_assert_cmpfloat (x1, <=, sheet->printable.x + sheet->printable.width + EPSILON);
      g_assert_cmpfloat (y1, <=, sheet->printable.y + sheet->printable.height + EPSILON);
      g_assert_cmpfloat (sheet->clip.x, >=, 0);
      g_assert_cmpfloat (sheet->clip.y, >=, 0);
      g_assert_cmpfloat (sheet->clip.x + sheet->clip.width, <=, map_width + EPSILON);
      g_assert_cmpfloat (sheet->clip.y + sheet->clip.height, <=, map_height + EPSILON);
    }

  /* Neighbours overlap by the overlap (where both show the map). */
  for (guint i = 0; i + 1 < n; i++)
    {
      WaymarkSheet *a = &sheets[i], *b = &sheets[i + 1];

      if (a->row != b->row || a->clip.width <= 0 || b->clip.width <= 0 ||
          b->clip.x <= 0 || a->clip.x + a->clip.width >= map_width)
        continue;
      g_assert_cmpfloat_with_epsilon (a->clip.x + a->clip.width - b->clip.x, overlap_units, 1e-6);
    }

  /* Every point of a grid over the map is on at least one sheet, and
   * shows at the same place relative to the map everywhere. */
  for (guint gx = 0; gx <= 40; gx++)
    for (guint gy = 0; gy <= 40; gy++)
      {
        double x = map_width * gx / 40.0, y = map_height * gy / 40.0;
        gboolean found = FALSE;

        for (guint i = 0; i < n && !found; i++)
          found = x >= sheets[i].clip.x - EPSILON && x <= sheets[i].clip.x + sheets[i].clip.width + EPSILON &&
                  y >= sheets[i].clip.y - EPSILON && y <= sheets[i].clip.y + sheets[i].clip.height + EPSILON;
        g_assert_true (found);
      }
}

static void
test_plan_poster (void)
{
  check_poster (3136, 1369, WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE, 3, 2);
  check_poster (3136, 1369, WAYMARK_PAPER_A3, WAYMARK_ORIENTATION_PORTRAIT, 2, 2);
  check_poster (3136, 1369, WAYMARK_PAPER_LETTER, WAYMARK_ORIENTATION_LANDSCAPE, 10, 10);
  check_poster (500, 4000, WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_PORTRAIT, 1, 4);
  check_poster (3136, 1369, WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE, 1, 1);
}

static void
test_plan_poster_scale (void)
{
  WaymarkPagePlan plan;
  double page_width, page_height, printable_width, poster_width;

  /* 3 × 2 A4 landscape sheets: the example map prints close to its
   * natural size (0.75 pt per unit), so it reads like the screen. */
  waymark_paper_get_size (WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE, &page_width, &page_height);
  waymark_page_plan_init (&plan, 3136, 1369, page_width, page_height, 3, 2);
  printable_width = page_width - 2 * plan.margin;
  poster_width = 3 * printable_width - 2 * plan.overlap;
  g_assert_cmpfloat_with_epsilon (plan.scale, poster_width / 3136, EPSILON);
  g_assert_cmpfloat (plan.scale, >, 0.7);
  g_assert_cmpfloat (plan.scale, <, 0.75);
}

static void
test_plan_blank_sheets (void)
{
  WaymarkPagePlan plan;
  WaymarkSheet first, last;
  double page_width, page_height, top, bottom;

  /* A wide map asked onto five rows of sheets fills one: the four it
   * would not reach are left out. */
  waymark_paper_get_size (WAYMARK_PAPER_A4, WAYMARK_ORIENTATION_LANDSCAPE, &page_width, &page_height);
  waymark_page_plan_init (&plan, 4000, 300, page_width, page_height, 1, 5);
  g_assert_cmpuint (waymark_page_plan_get_n_pages (&plan), ==, 1);
  g_assert_true (plan.poster);

  /* The example map's shape on 4 × 3 Letter sheets fills about 2.4 rows:
   * three rows remain, the map centred on them, so the blank is split
   * between the top and the bottom row instead of 60 % of the bottom. */
  waymark_paper_get_size (WAYMARK_PAPER_LETTER, WAYMARK_ORIENTATION_LANDSCAPE, &page_width, &page_height);
  waymark_page_plan_init (&plan, 3136, 1369, page_width, page_height, 4, 3);
  g_assert_cmpuint (plan.columns, ==, 4);
  g_assert_cmpuint (plan.rows, ==, 3);
  waymark_page_plan_get_sheet (&plan, 0, &first);
  waymark_page_plan_get_sheet (&plan, 11, &last);
  top = first.printable.height - first.clip.height * plan.scale;
  bottom = last.printable.height - last.clip.height * plan.scale;
  g_assert_cmpfloat (top, >, 0);
  g_assert_cmpfloat_with_epsilon (top, bottom, 1e-6);
  g_assert_cmpfloat (bottom, <, 0.5 * last.printable.height);

  /* Onto 4 × 5 the same map still needs only three rows. */
  waymark_page_plan_init (&plan, 3136, 1369, page_width, page_height, 4, 5);
  g_assert_cmpuint (plan.rows, ==, 3);
}

/* ---- Options ---- */

static void
check_invalid (const WaymarkExportOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (waymark_export_options_validate (options, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_options (void)
{
  WaymarkExportOptions options;
  WaymarkExportFormat format;

  for (guint f = 0; f < WAYMARK_N_EXPORT_FORMATS; f++)
    {
      g_autofree char *path = g_strconcat ("/tmp/Map.Final", waymark_export_format_get_extension (f), NULL);
      g_autofree char *upper = g_ascii_strup (path, -1);

      waymark_export_options_init (&options, f);
      g_assert_true (waymark_export_options_validate (&options, NULL));
      g_assert_true (waymark_export_format_for_path (path, &format));
      g_assert_cmpint (format, ==, f);
      g_assert_true (waymark_export_format_for_path (upper, &format));
      g_assert_cmpint (format, ==, f);
      g_assert_nonnull (waymark_export_format_get_display_name (f));
      g_assert_nonnull (waymark_export_format_get_mime_type (f));
    }
  g_assert_false (waymark_export_format_for_path ("map.journey", &format));
  g_assert_false (waymark_export_format_for_path ("pdf", &format));
  g_assert_false (waymark_export_format_for_path (".pdf", &format));
  g_assert_false (waymark_export_format_for_path ("dir.pdf/map", &format));

  /* A poster needs PDF and a paper. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.poster_columns = 3;
  options.poster_rows = 2;
  check_invalid (&options);
  options.paper = WAYMARK_PAPER_A4;
  g_assert_true (waymark_export_options_validate (&options, NULL));
  options.format = WAYMARK_EXPORT_SVG;
  check_invalid (&options);
  options.format = WAYMARK_EXPORT_PNG;
  check_invalid (&options);
  options.format = WAYMARK_EXPORT_CSV;
  check_invalid (&options);
  options.format = WAYMARK_EXPORT_PDF;
  options.poster_columns = WAYMARK_POSTER_MAX_SHEETS + 1;
  check_invalid (&options);
  options.poster_columns = 0;
  check_invalid (&options);

  /* CSV has no paper. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_CSV);
  options.paper = WAYMARK_PAPER_A3;
  check_invalid (&options);

  /* The resolution matters for PNG only. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PNG);
  options.dpi = WAYMARK_EXPORT_DPI_MIN - 1;
  check_invalid (&options);
  options.dpi = WAYMARK_EXPORT_DPI_MAX + 1;
  check_invalid (&options);
  options.dpi = WAYMARK_EXPORT_DPI_MAX;
  g_assert_true (waymark_export_options_validate (&options, NULL));
  options.format = WAYMARK_EXPORT_SVG;
  options.dpi = 0;
  g_assert_true (waymark_export_options_validate (&options, NULL));
}

/* ---- PNG ---- */

static void
test_png_size (void)
{
  g_autoptr(WaymarkLayout) layout = example_layout ();
  g_autoptr(GError) error = NULL;
  WaymarkExportOptions options;
  double map_width, map_height;
  int width, height;

  waymark_layout_get_size (layout, &map_width, &map_height);
  waymark_export_options_init (&options, WAYMARK_EXPORT_PNG);

  /* 96 dpi: one pixel per map unit (to the nearest pixel). */
  g_assert_true (waymark_export_get_png_size (layout, &options, &width, &height, &error));
  g_assert_cmpint (width, ==, (int) round (map_width));
  g_assert_cmpint (height, ==, (int) round (map_height));

  options.dpi = 192;
  g_assert_true (waymark_export_get_png_size (layout, &options, &width, &height, &error));
  g_assert_cmpint (width, ==, (int) round (2 * map_width));
  g_assert_cmpint (height, ==, (int) round (2 * map_height));

  /* A4 landscape at 300 dpi is the familiar 3508 × 2480. */
  options.dpi = 300;
  options.paper = WAYMARK_PAPER_A4;
  g_assert_true (waymark_export_get_png_size (layout, &options, &width, &height, &error));
  g_assert_cmpint (width, ==, 3508);
  g_assert_cmpint (height, ==, 2480);

  /* A0 at 1200 dpi is beyond what cairo can hold: a clear error. */
  options.dpi = 1200;
  options.paper = WAYMARK_PAPER_A0;
  g_assert_false (waymark_export_get_png_size (layout, &options, &width, &height, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (waymark_export_to_bytes (layout, &options, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE);
}

typedef struct {
  const guchar *data;
  gsize length;
  gsize offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_png_pixels (void)
{
  g_autoptr(WaymarkLayout) layout = example_layout ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkExportOptions options;
  cairo_surface_t *image;
  Reader reader = { 0 };
  guint dark = 0;
  int width, height, stride;
  const guchar *pixels;

  /* A4 at 50 dpi: the map on white paper, not an empty page. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PNG);
  options.paper = WAYMARK_PAPER_A4;
  options.dpi = 50;
  bytes = waymark_export_to_bytes (layout, &options, &error);
  g_assert_no_error (error);

  reader.data = g_bytes_get_data (bytes, &reader.length);
  image = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  g_assert_cmpint (width, ==, 585);   /* 297 mm at 50 dpi, to the nearest pixel */
  g_assert_cmpint (height, ==, 413);   /* 210 mm */

  stride = cairo_image_surface_get_stride (image);
  pixels = cairo_image_surface_get_data (image);
  /* The margin is white paper. */
  g_assert_cmpuint (*(const guint32 *) pixels & 0xffffff, ==, 0xffffff);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (pixels + y * stride + x * 4);

        dark += ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) < 3 * 96;
      }
  /* Phase headers, text, lines: a good share of the page is dark. */
  g_assert_cmpuint (dark, >, (guint) (width * height / 100));
  cairo_surface_destroy (image);
}

/* ---- PDF ---- */

static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  gsize length, n = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &length);

  /* PDFs hold NUL bytes: no string functions. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf_reproducible (void)
{
  g_autoptr(WaymarkLayout) layout = example_layout ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkExportOptions options;

  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = WAYMARK_PAPER_A4;
  options.poster_columns = 3;
  options.poster_rows = 2;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  first = waymark_export_to_bytes (layout, &options, &error);
  g_assert_no_error (error);
  second = waymark_export_to_bytes (layout, &options, &error);
  g_assert_no_error (error);
  g_unsetenv ("SOURCE_DATE_EPOCH");

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (contains (first, "%PDF-"));
  /* 2023-11-14 22:13:20 UTC; cairo 1.16 leaves out the "D:" that later
   * versions write (and every reader accepts both). */
  g_assert_true (contains (first, "/CreationDate (D:20231114221320") ||
                 contains (first, "/CreationDate (20231114221320"));
  g_assert_true (contains (first, "/Title (Fitness watch: from ad to advocate)"));
  g_assert_true (contains (first, "/Creator (Waymark " PACKAGE_VERSION ")"));
}

/* ---- CSV ---- */

static void
test_csv_bytes (void)
{
  g_autoptr(WaymarkJourney) journey = load_journey (EXPORT_DATA_DIR, "tricky.journey");
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;
  /* Reading order: phase, then lane, then order in the cell; quotes
   * doubled; texts with commas, semicolons, quotes or line breaks
   * quoted; line breaks inside a field kept; formulas defused with an
   * apostrophe; a column per KPI, one for targets where there are any;
   * links by id and by title. */
  const char *expected =
    "\xEF\xBB\xBF"
    "ID,Type,Phase,Lane,Order in cell,Title,Description,Quote,Idea,Channel,Channel category,Initiator,"
    "Emotion score,Emotion note,Owner,Strength or weakness,Priority,Moment of truth,Links to,Links to (titles),Votes,"
    "KPI: Wartezeit (min),KPI: Wartezeit (min) target,KPI: Conversion\r\n"
    "tp-0000000000d3,Touchpoint,\"Vorher, „davor“\",Touchpoints,1,\"Größe, Farbe & \"\"Stil\"\"\","
    "\"Line one\nline two, with a comma\n„Anführung“ 🏃 done\",\"\"\"Ist das für mich?\"\"\","
    "\"Idee; mit Semikolon\",\"Geschäft \"\"Süd\"\"\",Physical,Brand,-2,\"frustriert, sehr\",Vertrieb,"
    "Weakness,High,Yes,\"tp-0000000000d1; tp-0000000000d5\",\"Second in Kauf\nSecond in Vorher\",3,14,5,0.031\r\n"
    "tp-0000000000d5,Touchpoint,\"Vorher, „davor“\",Touchpoints,2,Second in Vorher,,,,,,,,,,Strength,Low,,,,0,,,\r\n"
    "tp-0000000000d2,Touchpoint,\"Vorher, „davor“\",Backstage,1,"
    "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\",'-2 looks like a number,,,,,,,,'@team,,,,,,0,,,\r\n"
    "tp-0000000000d1,Touchpoint,Kauf,Touchpoints,1,Second in Kauf,,,,\"Geschäft \"\"Süd\"\"\",Physical,Customer,,,,,,,,,0,,,\r\n"
    "tp-0000000000d4,Touchpoint,Kauf,Touchpoints,2,Third in Kauf,,,,,,,0,,,,,,,,0,,,\r\n";

  /* The votes, as a number a spreadsheet sorts by. */
  ((WaymarkTouchpoint *) waymark_journey_lookup (journey, "tp-0000000000d3"))->votes = 3;
  bytes = waymark_csv_write (journey, WAYMARK_CSV_DELIMITER_COMMA);
  data = g_bytes_get_data (bytes, &length);

  g_assert_cmpstr (g_utf8_validate (data, (gssize) length, NULL) ? "valid" : "invalid", ==, "valid");
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpmem (data, length, expected, strlen (expected));
}

static void
test_csv_empty (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(GBytes) bytes = waymark_csv_write (journey, WAYMARK_CSV_DELIMITER_COMMA);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Just the header: 21 columns and no KPI column, one record. */
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBFID,Type,"));
  g_assert_true (g_str_has_suffix (data, ",Votes\r\n"));
  g_assert_null (memchr (data, '\n', length - 1));
}

/* With semicolons: texts with a comma are still quoted, numbers keep the
 * English decimal point (the interface speaks English here). */
static void
test_csv_semicolon (void)
{
  g_autoptr(WaymarkJourney) journey = load_journey (EXPORT_DATA_DIR, "tricky.journey");
  g_autoptr(GBytes) bytes = waymark_csv_write (journey, WAYMARK_CSV_DELIMITER_SEMICOLON);
  const char *data = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBFID;Type;Phase;"));
  g_assert_nonnull (strstr (data, ";\"Größe, Farbe & \"\"Stil\"\"\";"));
  g_assert_nonnull (strstr (data, ";\"Idee; mit Semikolon\";"));
  g_assert_nonnull (strstr (data, ";0;14;5;0.031\r\n"));
  g_assert_cmpint (waymark_csv_delimiter_get_char (WAYMARK_CSV_DELIMITER_DEFAULT), ==, ',');
}

/* KPI column names read back as the KPI they name, however awkward the
 * name; a decimal comma is read, and nothing else that is no number. */
static void
test_csv_kpi_columns (void)
{
  const struct {
    const char *name, *unit, *header, *target_header;
  } cases[] = {
    { "Waiting time", "min", "KPI: Waiting time (min)", "KPI: Waiting time (min) target" },
    { "Reach", NULL, "KPI: Reach", "KPI: Reach target" },
    { "Satisfaction", "score (1-5)", "KPI: Satisfaction (score (1-5))", "KPI: Satisfaction (score (1-5)) target" },
    { "Net Promoter Score (NPS)", NULL, "KPI: Net Promoter Score (NPS) ()", "KPI: Net Promoter Score (NPS) () target" },
    /* Only the column of values needs "()": "… target target" is clear. */
    { "Hit target", NULL, "KPI: Hit target ()", "KPI: Hit target target" },
  };
  const char *numbers[][2] = {
    { "0.031", "0.031" }, { "0,031", "0.031" }, { " -3,5 ", "-3.5" }, { "+2", "2" },
    { "1,234.5", NULL }, { "1,2,3", NULL }, { "12 %", NULL }, { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (int target = FALSE; target <= TRUE; target++)
      {
        g_autofree char *header = waymark_csv_kpi_column_name (cases[i].name, cases[i].unit, target);
        const char *expected = target ? cases[i].target_header : cases[i].header;
        g_autofree char *name = NULL;
        g_autofree char *unit = NULL;
        gboolean is_target;

        g_assert_cmpstr (header, ==, expected);
        g_assert_true (waymark_csv_kpi_column_parse (header, &name, &unit, &is_target));
        g_assert_cmpstr (name, ==, cases[i].name);
        g_assert_cmpstr (unit, ==, cases[i].unit);
        g_assert_cmpint (is_target, ==, target);
      }

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *number = waymark_csv_parse_number (numbers[i][0]);

      g_assert_cmpstr (number, ==, numbers[i][1]);
    }
}

/* ---- Files ---- */

static void
test_file_atomic (void)
{
  g_autoptr(WaymarkLayout) layout = example_layout ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *contents = NULL;
  WaymarkExportOptions options;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* A refused export leaves the old file as it was. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_SVG);
  options.paper = WAYMARK_PAPER_A4;
  options.poster_columns = 2;
  g_assert_false (waymark_export_to_file (layout, &options, file, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* A good one replaces it. */
  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  g_assert_true (waymark_export_to_file (layout, &options, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* A folder that does not exist is an error, not a crash. */
  g_assert_false (waymark_export_to_file (layout, &options, missing_file, &error));
  g_assert_nonnull (error);

  g_unlink (path);
  g_rmdir (dir);
}

/* Fitting to paper chooses how many cards a phase holds side by side so the
 * map prints as large as it can: never smaller than with the screen's
 * layout, and larger for the wide example map on an A3 page. */
static void
test_plan_fit_chooses_columns (void)
{
  g_autoptr(WaymarkLayout) layout = example_layout ();
  WaymarkExportOptions options;
  WaymarkPagePlan plan, screen_plan;
  double page_width, page_height, width, height;

  waymark_export_options_init (&options, WAYMARK_EXPORT_PDF);
  options.paper = WAYMARK_PAPER_A3;
  options.orientation = WAYMARK_ORIENTATION_LANDSCAPE;
  options.poster_columns = options.poster_rows = 1;

  waymark_layout_update (layout);
  g_assert_cmpuint (waymark_layout_get_max_slots (layout), ==, WAYMARK_LAYOUT_MAX_SLOTS);
  waymark_layout_get_size (layout, &width, &height);
  waymark_paper_get_size (WAYMARK_PAPER_A3, WAYMARK_ORIENTATION_LANDSCAPE, &page_width, &page_height);
  waymark_page_plan_init (&screen_plan, width, height, page_width, page_height, 1, 1);

  waymark_export_get_page_plan (layout, &options, &plan);
  /* Print metrics and a shape chosen for the sheet: the same text sizes
   * come out larger. */
  g_assert_cmpint (waymark_layout_get_density (layout), ==, WAYMARK_LAYOUT_DENSITY_PRINT);
  g_assert_cmpfloat (plan.scale, >, screen_plan.scale * 1.1);

  /* Asking again gives the same plan: the layout has settled. */
  {
    WaymarkPagePlan again;
    waymark_export_get_page_plan (layout, &options, &again);
    g_assert_cmpfloat_with_epsilon (again.scale, plan.scale, 1e-9);
  }

  /* The natural size is the canvas's map again. */
  options.paper = WAYMARK_PAPER_NATURAL;
  waymark_export_get_page_plan (layout, &options, &plan);
  g_assert_cmpint (waymark_layout_get_density (layout), ==, WAYMARK_LAYOUT_DENSITY_SCREEN);
  g_assert_cmpuint (waymark_layout_get_stack_target (layout), ==, WAYMARK_LAYOUT_STACK_TARGET);
  g_assert_cmpfloat_with_epsilon (plan.map_width, width, 1e-9);
  g_assert_cmpfloat_with_epsilon (plan.map_height, height, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/paper/sizes", test_paper_sizes);
  g_test_add_func ("/export/paper/nicks", test_paper_nicks);
  g_test_add_func ("/export/poster/parse", test_poster_parse);
  g_test_add_func ("/export/plan/natural", test_plan_natural);
  g_test_add_func ("/export/plan/fit", test_plan_fit);
  g_test_add_func ("/export/plan/fit-chooses-columns", test_plan_fit_chooses_columns);
  g_test_add_func ("/export/plan/poster", test_plan_poster);
  g_test_add_func ("/export/plan/poster-scale", test_plan_poster_scale);
  g_test_add_func ("/export/plan/blank-sheets", test_plan_blank_sheets);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/png/size", test_png_size);
  g_test_add_func ("/export/png/pixels", test_png_pixels);
  g_test_add_func ("/export/pdf/reproducible", test_pdf_reproducible);
  g_test_add_func ("/export/csv/bytes", test_csv_bytes);
  g_test_add_func ("/export/csv/empty", test_csv_empty);
  g_test_add_func ("/export/csv/semicolon", test_csv_semicolon);
  g_test_add_func ("/export/csv/kpi-columns", test_csv_kpi_columns);
  g_test_add_func ("/export/file/atomic", test_file_atomic);

  return g_test_run ();
}
