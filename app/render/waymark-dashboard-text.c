/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-dashboard-painter-private.h"
#include "waymark-text-cache.h"

/* The dashboard's text and table parts: fonts, cells, rules, headers. */

static const struct {
  double size;
  PangoWeight weight;
} styles[WAYMARK_DASHBOARD_N_STYLES] = {
  [WAYMARK_DASHBOARD_STYLE_TITLE] = { 22, PANGO_WEIGHT_BOLD },
  [WAYMARK_DASHBOARD_STYLE_HEADING] = { 16, PANGO_WEIGHT_BOLD },
  [WAYMARK_DASHBOARD_STYLE_BODY] = { 13, PANGO_WEIGHT_NORMAL },
  [WAYMARK_DASHBOARD_STYLE_BODY_BOLD] = { 13, PANGO_WEIGHT_BOLD },
  [WAYMARK_DASHBOARD_STYLE_SMALL] = { 11, PANGO_WEIGHT_NORMAL },
  [WAYMARK_DASHBOARD_STYLE_COLUMN] = { 11, PANGO_WEIGHT_BOLD },
};

PangoLayout *
_waymark_dashboard_make_text (WaymarkDashboardPaint *p,
                              const char            *text,
                              WaymarkDashboardStyle  style,
                              double                 width,
                              PangoAlignment         align)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (WAYMARK_TEXT_FAMILIES);

  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      /* Nothing is cut: a long name takes more lines. */
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, align);
    }
  return layout;
}

double
_waymark_dashboard_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
_waymark_dashboard_text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Draws @text at (@x, @y) and returns its height. */
double
_waymark_dashboard_draw_text (WaymarkDashboardPaint *p,
                              const char            *text,
                              WaymarkDashboardStyle  style,
                              double                 x,
                              double                 y,
                              double                 width,
                              PangoAlignment         align,
                              const WaymarkColor    *color)
{
  g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, text, style, width, align);

  waymark_color_set_source (color, p->cr);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  return _waymark_dashboard_text_height (layout);
}

/* Text centred vertically on @cy in the column @column. */
void
_waymark_dashboard_draw_cell_text (WaymarkDashboardPaint        *p,
                                   const char                   *text,
                                   WaymarkDashboardStyle         style,
                                   const WaymarkDashboardColumn *column,
                                   double                        cy,
                                   const WaymarkColor           *color)
{
  g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, text, style, column->width, column->align);

  waymark_color_set_source (color, p->cr);
  cairo_move_to (p->cr, column->x, cy - _waymark_dashboard_text_height (layout) / 2);
  pango_cairo_show_layout (p->cr, layout);
}

/* The horizontal rule under a table's column headers and between rows. */
void
_waymark_dashboard_draw_rule (WaymarkDashboardPaint *p,
                              double                 x,
                              double                 y,
                              double                 width,
                              double                 line_width)
{
  cairo_new_path (p->cr);
  cairo_rectangle (p->cr, x, y - line_width / 2, width, line_width);
  waymark_color_set_source (&p->palette->grid_line, p->cr);
  cairo_fill (p->cr);
}

/* WaymarkDashboardColumn headers in @columns (NULL-terminated @labels); returns the y
 * below them. */
double
_waymark_dashboard_draw_column_headers (WaymarkDashboardPaint        *p,
                                        const WaymarkDashboardColumn *columns,
                                        const char *const            *labels,
                                        double                        left,
                                        double                        width,
                                        double                        y)
{
  double height = 0;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, labels[i], WAYMARK_DASHBOARD_STYLE_COLUMN, columns[i].width, columns[i].align);

      height = MAX (height, _waymark_dashboard_text_height (layout));
    }
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, labels[i], WAYMARK_DASHBOARD_STYLE_COLUMN, columns[i].width, columns[i].align);

      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, columns[i].x, y + height - _waymark_dashboard_text_height (layout));
      pango_cairo_show_layout (p->cr, layout);
    }
  y += height + 6;
  _waymark_dashboard_draw_rule (p, left, y, width, 1.5);
  return y + 1;
}

/* A row's band: every other row is tinted so a line is easy to follow. */
void
_waymark_dashboard_draw_band (WaymarkDashboardPaint *p,
                              guint                  index,
                              double                 x,
                              double                 y,
                              double                 width,
                              double                 height)
{
  if (index % 2 == 0)
    return;
  cairo_new_path (p->cr);
  cairo_rectangle (p->cr, x, y, width, height);
  waymark_color_set_source (&p->palette->cell_fill, p->cr);
  cairo_fill (p->cr);
}

const char *
_waymark_dashboard_phase_label (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : _("Untitled phase");
}
