/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "waymark-cjml-writer.h"
#include "waymark-csv.h"
#include "waymark-dashboard-painter.h"
#include "waymark-mermaid.h"
#include "waymark-export.h"
#include "waymark-file.h"

G_DEFINE_QUARK (waymark-export-error-quark, waymark_export_error)

typedef struct {
  const char *nick;
  const char *extension;
  const char *mime_type;
} FormatInfo;

static const FormatInfo formats[WAYMARK_N_EXPORT_FORMATS] = {
  [WAYMARK_EXPORT_PDF] = { "pdf", ".pdf", "application/pdf" },
  [WAYMARK_EXPORT_SVG] = { "svg", ".svg", "image/svg+xml" },
  [WAYMARK_EXPORT_PNG] = { "png", ".png", "image/png" },
  [WAYMARK_EXPORT_CSV] = { "csv", ".csv", "text/csv" },
  /* Mermaid has no registered media type; its files are plain text. */
  [WAYMARK_EXPORT_MERMAID] = { "mmd", ".mmd", "text/plain" },
  /* Nor has CJML: it is XML. */
  [WAYMARK_EXPORT_CJML] = { "cjml", ".cjml", "application/xml" },
};

const char *
waymark_export_format_to_nick (WaymarkExportFormat format)
{
  g_return_val_if_fail (format < WAYMARK_N_EXPORT_FORMATS, NULL);

  return formats[format].nick;
}

gboolean
waymark_export_format_from_nick (const char          *nick,
                                 WaymarkExportFormat *out)
{
  for (guint i = 0; nick != NULL && i < WAYMARK_N_EXPORT_FORMATS; i++)
    if (g_ascii_strcasecmp (nick, formats[i].nick) == 0)
      {
        if (out != NULL)
          *out = (WaymarkExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
waymark_export_format_get_extension (WaymarkExportFormat format)
{
  g_return_val_if_fail (format < WAYMARK_N_EXPORT_FORMATS, NULL);

  return formats[format].extension;
}

const char *
waymark_export_format_get_mime_type (WaymarkExportFormat format)
{
  g_return_val_if_fail (format < WAYMARK_N_EXPORT_FORMATS, NULL);

  return formats[format].mime_type;
}

const char *
waymark_export_format_get_display_name (WaymarkExportFormat format)
{
  switch (format)
    {
    case WAYMARK_EXPORT_PDF: return _("PDF document");
    case WAYMARK_EXPORT_SVG: return _("SVG image");
    case WAYMARK_EXPORT_PNG: return _("PNG image");
    case WAYMARK_EXPORT_CSV: return _("CSV table of the touchpoints");
    case WAYMARK_EXPORT_MERMAID: return _("Mermaid journey diagram (text)");
    case WAYMARK_EXPORT_CJML: return _("CJML journey (XML)");
    case WAYMARK_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
waymark_export_format_is_text (WaymarkExportFormat format)
{
  g_return_val_if_fail (format < WAYMARK_N_EXPORT_FORMATS, FALSE);

  return format == WAYMARK_EXPORT_CSV || format == WAYMARK_EXPORT_MERMAID || format == WAYMARK_EXPORT_CJML;
}

gboolean
waymark_export_format_for_path (const char          *path,
                                WaymarkExportFormat *out)
{
  g_autofree char *base = NULL;
  const char *dot;

  if (path == NULL)
    return FALSE;

  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return FALSE;

  return waymark_export_format_from_nick (dot + 1, out);
}

void
waymark_export_options_init (WaymarkExportOptions *options,
                             WaymarkExportFormat   format)
{
  g_return_if_fail (options != NULL);

  *options = (WaymarkExportOptions) {
    .format = format,
    .paper = WAYMARK_PAPER_NATURAL,
    .orientation = WAYMARK_ORIENTATION_LANDSCAPE,
    .poster_columns = 1,
    .poster_rows = 1,
    .dpi = WAYMARK_EXPORT_DPI_DEFAULT,
    .pages = WAYMARK_PAGES_AUTO,
  };
}

void
waymark_export_options_init_default (WaymarkExportOptions *options,
                                     WaymarkExportFormat   format)
{
  g_return_if_fail (options != NULL);

  waymark_export_options_init (options, format);
  if (format == WAYMARK_EXPORT_PDF)
    options->paper = WAYMARK_EXPORT_DEFAULT_PDF_PAPER;
  options->dpi = WAYMARK_EXPORT_DEFAULT_DPI;
}

static gboolean
is_poster (const WaymarkExportOptions *options)
{
  return options->poster_columns * options->poster_rows > 1;
}

gboolean
waymark_export_options_validate (const WaymarkExportOptions  *options,
                                 GError                     **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->format >= WAYMARK_N_EXPORT_FORMATS || options->paper >= WAYMARK_N_PAPERS ||
      options->csv_delimiter > WAYMARK_CSV_DELIMITER_SEMICOLON)
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("Unknown export format or paper size"));
      return FALSE;
    }

  if (options->poster_columns < 1 || options->poster_columns > WAYMARK_POSTER_MAX_SHEETS ||
      options->poster_rows < 1 || options->poster_rows > WAYMARK_POSTER_MAX_SHEETS)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                   _("A poster has 1 to %d sheets across and down"), WAYMARK_POSTER_MAX_SHEETS);
      return FALSE;
    }

  if (options->format == WAYMARK_EXPORT_CSV && (options->paper != WAYMARK_PAPER_NATURAL || is_poster (options)))
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("A CSV table has no paper size and cannot be a poster"));
      return FALSE;
    }

  if (options->format == WAYMARK_EXPORT_MERMAID && (options->paper != WAYMARK_PAPER_NATURAL || is_poster (options)))
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("A Mermaid diagram has no paper size and cannot be a poster"));
      return FALSE;
    }

  if (options->format == WAYMARK_EXPORT_CJML && (options->paper != WAYMARK_PAPER_NATURAL || is_poster (options)))
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("A CJML journey has no paper size and cannot be a poster"));
      return FALSE;
    }

  if (is_poster (options) && options->format != WAYMARK_EXPORT_PDF)
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("Only a PDF can hold a poster of several sheets"));
      return FALSE;
    }

  if (is_poster (options) && options->paper == WAYMARK_PAPER_NATURAL)
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("A poster needs a paper size for its sheets"));
      return FALSE;
    }

  if (options->pages == WAYMARK_PAGES_BOOKLET &&
      (options->format != WAYMARK_EXPORT_PDF || options->paper == WAYMARK_PAPER_NATURAL || is_poster (options)))
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("A booklet needs a PDF, a paper size and no poster"));
      return FALSE;
    }

  if (options->dashboard && options->format != WAYMARK_EXPORT_PDF)
    {
      g_set_error_literal (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                           _("Only a PDF can hold the dashboard page after the map"));
      return FALSE;
    }

  if (options->format == WAYMARK_EXPORT_PNG &&
      !(options->dpi >= WAYMARK_EXPORT_DPI_MIN && options->dpi <= WAYMARK_EXPORT_DPI_MAX))
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS,
                   _("The resolution must be %d to %d dots per inch"),
                   WAYMARK_EXPORT_DPI_MIN, WAYMARK_EXPORT_DPI_MAX);
      return FALSE;
    }

  return TRUE;
}

void
waymark_export_get_page_plan (WaymarkLayout              *layout,
                              const WaymarkExportOptions *options,
                              WaymarkPagePlan            *plan)
{
  double map_width, map_height, page_width, page_height;

  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);
  g_return_if_fail (plan != NULL);

  if (options->paper == WAYMARK_PAPER_NATURAL)
    {
      /* The map as the canvas shows it. */
      waymark_layout_set_frame_width (layout, 0);
      waymark_layout_set_page_breaks (layout, NULL, 0);
      waymark_layout_set_density (layout, WAYMARK_LAYOUT_DENSITY_SCREEN);
      waymark_layout_set_max_slots (layout, WAYMARK_LAYOUT_MAX_SLOTS);
      waymark_layout_set_stack_target (layout, WAYMARK_LAYOUT_STACK_TARGET);
      waymark_layout_get_size (layout, &map_width, &map_height);
      waymark_page_plan_init_natural (plan, map_width, map_height);
      return;
    }

  waymark_paper_get_size (options->paper, options->orientation, &page_width, &page_height);
  /* Only a PDF has pages to make a booklet of. */
  waymark_page_plan_fit (plan, layout, page_width, page_height,
                         MAX (options->poster_columns, 1), MAX (options->poster_rows, 1),
                         options->format == WAYMARK_EXPORT_PDF ? options->pages : WAYMARK_PAGES_ONE);
}

/* Pixels for @points at @dpi, rounded to the nearest as printers and
 * image programs do (A4 at 300 dpi is 3508 × 2480): at most half a pixel
 * of the page's edge, which is margin, is lost or added. */
static double
points_to_pixels (double points,
                  double dpi)
{
  return floor (points * dpi / 72.0 + 0.5);
}

gboolean
waymark_export_get_png_size (WaymarkLayout               *layout,
                             const WaymarkExportOptions  *options,
                             int                         *width,
                             int                         *height,
                             GError                     **error)
{
  WaymarkPagePlan plan;
  double w, h;

  g_return_val_if_fail (WAYMARK_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  waymark_export_get_page_plan (layout, options, &plan);
  w = MAX (1, points_to_pixels (plan.page_width, options->dpi));
  h = MAX (1, points_to_pixels (plan.page_height, options->dpi));

  if (w > WAYMARK_EXPORT_PNG_MAX_SIDE || h > WAYMARK_EXPORT_PNG_MAX_SIDE ||
      w * h > WAYMARK_EXPORT_PNG_MAX_PIXELS)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE,
                   /* TRANSLATORS: "… would be 40000 × 20000 pixels at 300 dpi; …" */
                   _("The image would be %.0f × %.0f pixels at %g dpi; at most %d pixels a side and %d megapixels can be made: choose a lower resolution or a smaller paper"),
                   w, h, options->dpi, WAYMARK_EXPORT_PNG_MAX_SIDE, WAYMARK_EXPORT_PNG_MAX_PIXELS / (1024 * 1024));
      return FALSE;
    }

  if (width != NULL)
    *width = (int) w;
  if (height != NULL)
    *height = (int) h;
  return TRUE;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_FAILED,
               _("The map could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

static const char *
map_title (WaymarkLayout *layout)
{
  const char *title = waymark_journey_get_text (waymark_layout_get_journey (layout), WAYMARK_FIELD_TITLE);

  return title != NULL ? title : "";
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) as a PDF date, or NULL. */
static char *
source_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) time = NULL;
  guint64 seconds;

  if (epoch == NULL || !g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    return NULL;

  time = g_date_time_new_from_unix_utc ((gint64) seconds);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

void
waymark_export_get_dashboard_page_size (WaymarkLayout              *layout,
                                        const WaymarkExportOptions *options,
                                        double                     *width,
                                        double                     *height,
                                        double                     *margin)
{
  g_autoptr(WaymarkDashboard) dashboard = NULL;

  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));
  g_return_if_fail (options != NULL);

  dashboard = waymark_dashboard_new (waymark_layout_get_journey (layout));
  if (options->paper != WAYMARK_PAPER_NATURAL)
    {
      WaymarkOrientation orientation;

      *margin = WAYMARK_MM_TO_POINTS (WAYMARK_PAPER_MARGIN_MM);
      waymark_paper_get_size (options->paper, WAYMARK_ORIENTATION_PORTRAIT, width, height);
      orientation = waymark_export_get_dashboard_orientation (dashboard, map_title (layout), *width, *height, *margin);
      waymark_paper_get_size (options->paper, orientation, width, height);
      return;
    }

  /* As the map itself: 100 %, one map unit is 0.75 points, no margin
   * (the dashboard has its own). */
  *width = WAYMARK_DASHBOARD_WIDTH * 0.75;
  *height = waymark_dashboard_painter_get_height (dashboard, map_title (layout)) * 0.75;
  *margin = 0;
}

WaymarkOrientation
waymark_export_get_dashboard_orientation (const WaymarkDashboard *dashboard,
                                          const char             *title,
                                          double                  paper_width,
                                          double                  paper_height,
                                          double                  margin)
{
  double height, short_side, long_side, landscape, portrait;

  g_return_val_if_fail (dashboard != NULL, WAYMARK_ORIENTATION_LANDSCAPE);

  height = waymark_dashboard_painter_get_height (dashboard, title);
  short_side = MIN (paper_width, paper_height) - 2 * margin;
  long_side = MAX (paper_width, paper_height) - 2 * margin;
  landscape = MIN (long_side / WAYMARK_DASHBOARD_WIDTH, short_side / height);
  portrait = MIN (short_side / WAYMARK_DASHBOARD_WIDTH, long_side / height);
  /* Landscape, as the map, unless portrait prints it clearly larger. */
  return portrait > landscape * 1.05 ? WAYMARK_ORIENTATION_PORTRAIT : WAYMARK_ORIENTATION_LANDSCAPE;
}

void
waymark_export_draw_dashboard_page (WaymarkLayout *layout,
                                    double         width,
                                    double         height,
                                    double         margin,
                                    cairo_t       *cr)
{
  g_autoptr(WaymarkDashboard) dashboard = NULL;

  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  dashboard = waymark_dashboard_new (waymark_layout_get_journey (layout));
  waymark_dashboard_painter_paint_page (dashboard, map_title (layout), width, height, margin, cr);
}

/* Draws every page of @plan on @surface (a PDF or SVG surface in points),
 * and for a PDF with @options->dashboard the dashboard page after them. */
static gboolean
draw_pages (cairo_surface_t             *surface,
            const WaymarkPagePlan       *plan,
            WaymarkLayout               *layout,
            const WaymarkExportOptions  *options,
            gboolean                     pdf,
            GError                     **error)
{
  cairo_t *cr = cairo_create (surface);
  guint n_pages = waymark_page_plan_get_n_pages (plan);
  cairo_status_t status;

  for (guint i = 0; i < n_pages; i++)
    {
      if (pdf && plan->poster)
        {
          WaymarkSheet sheet;
          g_autofree char *label = NULL;

          waymark_page_plan_get_sheet (plan, i, &sheet);
          /* TRANSLATORS: the page label of a poster sheet in PDF viewers */
          label = g_strdup_printf (_("row %u, column %u"), sheet.row + 1, sheet.column + 1);
          cairo_pdf_surface_set_page_label (surface, label);
        }
      waymark_page_plan_draw_page (plan, i, layout, cr);
      cairo_show_page (cr);
    }

  if (pdf && options->dashboard)
    {
      double width, height, margin;

      waymark_export_get_dashboard_page_size (layout, options, &width, &height, &margin);
      cairo_pdf_surface_set_size (surface, width, height);
      /* TRANSLATORS: the page label of the dashboard page in PDF viewers */
      cairo_pdf_surface_set_page_label (surface, _("Dashboard"));
      waymark_export_draw_dashboard_page (layout, width, height, margin, cr);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  return check_status (status, error);
}

static GBytes *
export_pdf (WaymarkLayout               *layout,
            const WaymarkExportOptions  *options,
            GError                     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);
  g_autofree char *date = source_date ();
  cairo_surface_t *surface;
  WaymarkPagePlan plan;
  gboolean ok;

  waymark_export_get_page_plan (layout, options, &plan);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, data, plan.page_width, plan.page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, map_title (layout));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  ok = draw_pages (surface, &plan, layout, options, TRUE, error);
  cairo_surface_destroy (surface);

  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&data)) : NULL;
}

/* The SVG's <title> and <desc> (accessibility, file managers, search):
 * the map's title, and its subject and goal. */
static char *
svg_metadata (WaymarkLayout *layout)
{
  WaymarkJourney *journey = waymark_layout_get_journey (layout);
  const char *subject = waymark_journey_get_text (journey, WAYMARK_FIELD_SUBJECT);
  const char *goal = waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL);
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (map_title (layout), -1);
  g_autofree char *escaped = NULL;

  /* TRANSLATORS: the description of an exported SVG image */
  g_string_append (desc, _("A customer journey map made with Waymark."));
  if (subject != NULL && subject[0] != '\0')
    g_string_append_printf (desc, " %s", subject);
  if (goal != NULL && goal[0] != '\0')
    /* TRANSLATORS: %s is the journey's goal, in an exported SVG's description */
    g_string_append_printf (desc, _(" Goal: %s"), goal);
  escaped = g_markup_escape_text (desc->str, -1);

  return g_strdup_printf ("<title>%s</title>\n<desc>%s</desc>\n", title, escaped);
}

/* Inserts @length bytes at @at of @data. */
static void
insert_bytes (GByteArray   *data,
              guint         at,
              const guint8 *bytes,
              guint         length)
{
  guint tail = data->len - at;

  g_byte_array_set_size (data, data->len + length);
  memmove (data->data + at + length, data->data + at, tail);
  memcpy (data->data + at, bytes, length);
}

/* Puts @metadata right after the opening <svg …> tag of @data, where SVG
 * readers look for the document's title. */
static void
insert_svg_metadata (GByteArray *data,
                     const char *metadata)
{
  const char *start = (const char *) data->data;
  const char *svg = g_strstr_len (start, data->len, "<svg");
  const char *end = svg != NULL ? memchr (svg, '>', data->len - (gsize) (svg - start)) : NULL;
  g_autofree char *line = g_strconcat ("\n", metadata, NULL);

  g_return_if_fail (end != NULL);

  insert_bytes (data, (guint) (end - start) + 1, (const guint8 *) line, (guint) strlen (line));
}

static GBytes *
export_svg (WaymarkLayout               *layout,
            const WaymarkExportOptions  *options,
            GError                     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *metadata = NULL;
  cairo_surface_t *surface;
  WaymarkPagePlan plan;
  gboolean ok;

  waymark_export_get_page_plan (layout, options, &plan);
  surface = cairo_svg_surface_create_for_stream (append_to_array, data, plan.page_width, plan.page_height);
  /* Points, as the page plan: browsers then show the natural size at
   * 100 % (2352 pt = 3136 px) and print paper sizes exactly. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);

  ok = draw_pages (surface, &plan, layout, options, FALSE, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;

  metadata = svg_metadata (layout);
  insert_svg_metadata (data, metadata);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The CRC-32 of PNG chunks (ISO 3309, as in zlib), bit by bit: it runs
 * over 13 bytes once per export. */
static guint32
png_crc (const guint8 *bytes,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= bytes[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320 & (0 - (crc & 1)));
    }

  return crc ^ 0xffffffff;
}

static void
put_be32 (guint8  *at,
          guint32  value)
{
  at[0] = (guint8) (value >> 24);
  at[1] = (guint8) (value >> 16);
  at[2] = (guint8) (value >> 8);
  at[3] = (guint8) value;
}

/* cairo writes no physical resolution: adds a pHYs chunk after IHDR, so
 * that office programs place a 300 dpi image at its real size.  PNG
 * counts pixels per metre. */
static void
insert_png_resolution (GByteArray *data,
                       double      dpi)
{
  /* Signature (8) and IHDR (4 length, 4 type, 13 data, 4 CRC). */
  const guint ihdr_end = 8 + 4 + 4 + 13 + 4;
  guint32 per_metre = (guint32) floor (dpi / 0.0254 + 0.5);
  guint8 chunk[4 + 4 + 9 + 4];

  g_return_if_fail (data->len > ihdr_end && memcmp (data->data + 12, "IHDR", 4) == 0);

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, per_metre);
  put_be32 (chunk + 12, per_metre);
  chunk[16] = 1;  /* unit: the metre */
  put_be32 (chunk + 17, png_crc (chunk + 4, 4 + 9));
  insert_bytes (data, ihdr_end, chunk, sizeof chunk);
}

static GBytes *
export_png (WaymarkLayout               *layout,
            const WaymarkExportOptions  *options,
            GError                     **error)
{
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  WaymarkPagePlan plan;
  int width, height;
  cairo_t *cr;

  if (!waymark_export_get_png_size (layout, options, &width, &height, error))
    return NULL;

  waymark_export_get_page_plan (layout, options, &plan);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);

  /* Paper around a fitted map is white, as it would print. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, options->dpi / 72.0, options->dpi / 72.0);
  waymark_page_plan_draw_page (&plan, 0, layout, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      data = g_byte_array_new ();
      cairo_surface_flush (surface);
      status = cairo_surface_write_to_png_stream (surface, append_to_array, data);
    }
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  insert_png_resolution (data, options->dpi);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
waymark_export_to_bytes (WaymarkLayout               *layout,
                         const WaymarkExportOptions  *options,
                         GError                     **error)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!waymark_export_options_validate (options, error))
    return NULL;

  switch (options->format)
    {
    case WAYMARK_EXPORT_PDF:
      return export_pdf (layout, options, error);
    case WAYMARK_EXPORT_SVG:
      return export_svg (layout, options, error);
    case WAYMARK_EXPORT_PNG:
      return export_png (layout, options, error);
    case WAYMARK_EXPORT_CSV:
      return waymark_csv_write (waymark_layout_get_journey (layout), options->csv_delimiter);
    case WAYMARK_EXPORT_MERMAID:
      return waymark_mermaid_write (waymark_layout_get_journey (layout));
    case WAYMARK_EXPORT_CJML:
      /* What CJML has no place for: waymark_cjml_write() with warnings,
       * as the command line and the export dialog ask for it. */
      return waymark_cjml_write (waymark_layout_get_journey (layout), NULL, NULL, NULL);
    case WAYMARK_N_EXPORT_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
waymark_export_to_file (WaymarkLayout               *layout,
                        const WaymarkExportOptions  *options,
                        GFile                       *file,
                        GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = waymark_export_to_bytes (layout, options, error);
  if (bytes == NULL)
    return FALSE;

  return waymark_file_replace_contents (file, bytes, NULL, NULL, error);
}
