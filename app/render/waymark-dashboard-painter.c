/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-dashboard-painter-private.h"
#include "waymark-emotion-face.h"
#include "waymark-number.h"
#include "waymark-painter-private.h"
#include "waymark-touchpoint.h"

/* Map units (1/96 inch), as the map's own painter. */
#define MARGIN        32.0
#define SECTION_GAP   26.0
#define FACE_RADIUS    9.0
#define BAR_HEIGHT    18.0

static const char *
category_label (WaymarkCategory category)
{
  switch (category)
    {
    case WAYMARK_CATEGORY_DIGITAL: return _("Digital");
    case WAYMARK_CATEGORY_PHYSICAL: return _("Physical");
    case WAYMARK_CATEGORY_PERSONAL: return _("Personal");
    default: g_return_val_if_reached ("");
    }
}

/* The face of the average and its signed number, or a dash when no
 * touchpoint of the group has an emotion. */
static void
draw_emotion_value (WaymarkDashboardPaint         *p,
                    const WaymarkDashboardFigures *figures,
                    const WaymarkDashboardColumn  *column,
                    double                         cy)
{
  g_autofree char *number = NULL;
  WaymarkDashboardColumn text = *column;

  if (figures->n_emotions == 0)
    {
      _waymark_dashboard_draw_cell_text (p, "—", WAYMARK_DASHBOARD_STYLE_BODY, column, cy, &p->palette->text_faint);
      return;
    }
  number = waymark_number_format_score (figures->emotion_average);
  waymark_emotion_face_draw (p->cr, p->palette, (int) lround (figures->emotion_average),
                             column->x + FACE_RADIUS, cy, FACE_RADIUS);
  text.x += 2 * FACE_RADIUS + 6;
  text.width -= 2 * FACE_RADIUS + 6;
  _waymark_dashboard_draw_cell_text (p, number, WAYMARK_DASHBOARD_STYLE_BODY, &text, cy, &p->palette->text);
}

/* The average emotion as a bar from the zero line (the middle of
 * @column, which spans −2 … +2), with the spread from the lowest to the
 * highest emotion of the group as a thin line behind it, and the face at
 * the bar's end: its mouth and the bar's side of the line tell the score
 * without colour. */
static void
draw_emotion_bar (WaymarkDashboardPaint         *p,
                  const WaymarkDashboardFigures *figures,
                  const WaymarkDashboardColumn  *column,
                  double                         cy)
{
  double half = (column->width - 2 * FACE_RADIUS) / 2;
  double zero = column->x + FACE_RADIUS + half;
  double unit = half / WAYMARK_EMOTION_MAX;
  double end;
  cairo_t *cr = p->cr;

  /* The scale: the zero line, and faint ticks at each whole score. */
  for (int score = WAYMARK_EMOTION_MIN; score <= WAYMARK_EMOTION_MAX; score++)
    {
      double x = zero + score * unit;
      double reach = score == 0 ? BAR_HEIGHT / 2 + 4 : 3;

      cairo_new_path (cr);
      cairo_rectangle (cr, x - (score == 0 ? 0.75 : 0.5), cy - reach, score == 0 ? 1.5 : 1, 2 * reach);
      waymark_color_set_source (score == 0 ? &p->palette->zero_line : &p->palette->grid_line, cr);
      cairo_fill (cr);
    }
  if (figures->n_emotions == 0)
    return;

  cairo_new_path (cr);
  cairo_rectangle (cr, zero + figures->emotion_min * unit, cy - 1, (figures->emotion_max - figures->emotion_min) * unit, 2);
  waymark_color_set_source (&p->palette->text_faint, cr);
  cairo_fill (cr);

  end = zero + figures->emotion_average * unit;
  cairo_new_path (cr);
  cairo_rectangle (cr, MIN (zero, end), cy - BAR_HEIGHT / 4, fabs (end - zero), BAR_HEIGHT / 2);
  waymark_color_set_source (waymark_palette_get_emotion (p->palette, (int) lround (figures->emotion_average)), cr);
  cairo_fill (cr);

  waymark_emotion_face_draw (cr, p->palette, (int) lround (figures->emotion_average), end, cy, FACE_RADIUS);
}

/* "2 of 3" KPIs with a target meet it, with the glyph of the worse
 * standing; "+1 without target" below when some have none. */
static void
draw_kpi_summary (WaymarkDashboardPaint         *p,
                  const WaymarkDashboardFigures *figures,
                  const WaymarkDashboardColumn  *column,
                  double                         cy)
{
  guint with_target = figures->n_kpis_met + figures->n_kpis_missed;
  guint without_target = figures->n_kpis - with_target;
  g_autofree char *on_target = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(PangoLayout) first = NULL;
  g_autoptr(PangoLayout) second = NULL;
  double x = column->x + WM_DASHBOARD_GLYPH_SIZE + 6;
  double width = column->width - WM_DASHBOARD_GLYPH_SIZE - 6;
  double height;

  if (figures->n_kpis == 0)
    {
      _waymark_dashboard_draw_cell_text (p, "—", WAYMARK_DASHBOARD_STYLE_BODY, column, cy, &p->palette->text_faint);
      return;
    }

  if (figures->n_kpis_missed > 0)
    _waymark_glyph_weakness (p->cr, p->palette, column->x + WM_DASHBOARD_GLYPH_SIZE / 2, cy, WM_DASHBOARD_GLYPH_SIZE);
  else if (figures->n_kpis_met > 0)
    _waymark_glyph_strength (p->cr, p->palette, column->x + WM_DASHBOARD_GLYPH_SIZE / 2, cy, WM_DASHBOARD_GLYPH_SIZE);

  if (with_target > 0)
    /* TRANSLATORS: how many KPIs with a target meet it: "2 of 3 met" */
    on_target = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u met", "%u of %u met", with_target),
                                 figures->n_kpis_met, with_target);
  if (without_target > 0)
    rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without target", "%u without target",
                                         without_target),
                            without_target);

  first = _waymark_dashboard_make_text (p, on_target != NULL ? on_target : rest, WAYMARK_DASHBOARD_STYLE_BODY, width, PANGO_ALIGN_LEFT);
  height = _waymark_dashboard_text_height (first);
  if (on_target != NULL && rest != NULL)
    {
      second = _waymark_dashboard_make_text (p, rest, WAYMARK_DASHBOARD_STYLE_SMALL, width, PANGO_ALIGN_LEFT);
      height += _waymark_dashboard_text_height (second);
    }
  waymark_color_set_source (on_target != NULL ? &p->palette->text : &p->palette->text_secondary, p->cr);
  cairo_move_to (p->cr, x, cy - height / 2);
  pango_cairo_show_layout (p->cr, first);
  if (second != NULL)
    {
      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, x, cy - height / 2 + _waymark_dashboard_text_height (first));
      pango_cairo_show_layout (p->cr, second);
    }
}

/* One segment of a channel-mix bar: the category's colour and shape
 * (grey and no shape for touchpoints without a channel) and the count
 * when it fits. */
static void
draw_mix_segment (WaymarkDashboardPaint *p,
                  int                    category,
                  guint                  count,
                  double                 x,
                  double                 width,
                  double                 cy)
{
  cairo_t *cr = p->cr;
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, number, WAYMARK_DASHBOARD_STYLE_SMALL, -1, PANGO_ALIGN_LEFT);
  double shape = BAR_HEIGHT * 0.55;
  double needed = _waymark_dashboard_text_width (layout) + (category >= 0 ? shape + 4 : 0) + 6;
  const WaymarkColor *ink = &p->palette->icon_on_badge;

  cairo_new_path (cr);
  /* A hairline of page between segments keeps neighbours apart in grey. */
  cairo_rectangle (cr, x, cy - BAR_HEIGHT / 2, MAX (width - 1.5, 1), BAR_HEIGHT);
  if (category >= 0)
    waymark_color_set_source (waymark_palette_get_category (p->palette, category), cr);
  else
    {
      waymark_color_set_source (&p->palette->grid_line, cr);
      ink = &p->palette->text;
    }
  cairo_fill (cr);

  if (needed > width)
    return;

  x += (width - needed) / 2 + 3;
  if (category >= 0)
    {
      _waymark_glyph_category_shape (cr, category, x + shape / 2, cy, shape);
      waymark_color_set_source (ink, cr);
      cairo_fill (cr);
      x += shape + 4;
    }
  waymark_color_set_source (ink, cr);
  cairo_move_to (cr, x, cy - _waymark_dashboard_text_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The channel mix of a phase as a bar as long as its touchpoint count
 * (the longest phase fills @column), a segment per category. */
static void
draw_mix_bar (WaymarkDashboardPaint        *p,
              const WaymarkDashboardPhase  *phase,
              guint                         most,
              const WaymarkDashboardColumn *column,
              double                        cy)
{
  double per_touchpoint = most > 0 ? column->width / most : 0;
  double x = column->x;

  for (int c = 0; c < WAYMARK_N_CATEGORIES; c++)
    if (phase->n_by_category[c] > 0)
      {
        double width = phase->n_by_category[c] * per_touchpoint;

        draw_mix_segment (p, c, phase->n_by_category[c], x, width, cy);
        x += width;
      }
  if (phase->n_without_channel > 0)
    draw_mix_segment (p, -1, phase->n_without_channel, x, phase->n_without_channel * per_touchpoint, cy);
}

/* One entry of the key of the channel-mix bars: a swatch (the
 * category's shape in its colour, or a grey square) and its name. */
static double
draw_key_entry (WaymarkDashboardPaint *p,
                int                    category,
                const char            *label,
                double                 x,
                double                 y,
                double                *height)
{
  g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, label, WAYMARK_DASHBOARD_STYLE_SMALL, -1, PANGO_ALIGN_LEFT);
  double shape = 12;
  double cy = y + _waymark_dashboard_text_height (layout) / 2;

  cairo_new_path (p->cr);
  if (category >= 0)
    {
      _waymark_glyph_category_shape (p->cr, category, x + shape / 2, cy, shape);
      waymark_color_set_source (waymark_palette_get_category (p->palette, category), p->cr);
    }
  else
    {
      cairo_rectangle (p->cr, x, cy - shape / 2, shape, shape);
      waymark_color_set_source (&p->palette->grid_line, p->cr);
    }
  cairo_fill (p->cr);
  waymark_color_set_source (&p->palette->text_secondary, p->cr);
  cairo_move_to (p->cr, x + shape + 5, y);
  pango_cairo_show_layout (p->cr, layout);
  *height = MAX (*height, _waymark_dashboard_text_height (layout));
  return x + shape + 5 + _waymark_dashboard_text_width (layout) + 18;
}

/* The key of the channel-mix bars; returns its height. */
static double
draw_mix_key (WaymarkDashboardPaint *p,
              double                 x,
              double                 y)
{
  double height = 0;

  for (int c = 0; c < WAYMARK_N_CATEGORIES; c++)
    x = draw_key_entry (p, c, category_label (c), x, y, &height);
  if (p->dashboard->without_channel.n_touchpoints > 0)
    draw_key_entry (p, -1, _("No channel"), x, y, &height);
  return height;
}

static double
row_height (WaymarkDashboardPaint        *p,
            const char                   *label,
            WaymarkDashboardStyle         style,
            const WaymarkDashboardColumn *column)
{
  g_autoptr(PangoLayout) layout = _waymark_dashboard_make_text (p, label, style, column->width, column->align);

  return MAX (WM_DASHBOARD_ROW_MIN, _waymark_dashboard_text_height (layout) + 2 * WM_DASHBOARD_ROW_PAD);
}

/* The phase table: one row per phase with its touchpoints, channel mix,
 * emotion and KPIs.  Returns the y below it. */
static double
draw_phases (WaymarkDashboardPaint *p,
             double                 left,
             double                 width,
             double                 y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = {
    _("Phase"), _("Touchpoints"), _("Channel mix"), _("Average emotion"), "", _("KPIs on target"), NULL
  };
  WaymarkDashboardColumn columns[] = {
    { left + 8, 210, PANGO_ALIGN_LEFT },
    { left + 226, 90, PANGO_ALIGN_RIGHT },
    { left + 336, 230, PANGO_ALIGN_LEFT },
    { left + 590, 66, PANGO_ALIGN_LEFT },
    { left + 662, 220, PANGO_ALIGN_LEFT },
    { left + 904, width - 904 - 8, PANGO_ALIGN_LEFT },
  };
  guint most = 0;

  /* The emotion header spans the number and the bar. */
  columns[3].width = columns[4].x + columns[4].width - columns[3].x;
  y += _waymark_dashboard_draw_text (p, _("By phase"), WAYMARK_DASHBOARD_STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text) + 8;
  y = _waymark_dashboard_draw_column_headers (p, columns, labels, left, width, y);
  columns[3].width = 66;

  if (d->phases->len == 0)
    {
      y += 8;
      y += _waymark_dashboard_draw_text (p, _("The map has no phases."), WAYMARK_DASHBOARD_STYLE_BODY, left + 8, y, width, PANGO_ALIGN_LEFT,
                      &p->palette->text_secondary);
      return y;
    }

  for (guint i = 0; i < d->phases->len; i++)
    {
      const WaymarkDashboardPhase *phase = g_ptr_array_index (d->phases, i);

      most = MAX (most, phase->figures.n_touchpoints);
    }

  for (guint i = 0; i < d->phases->len; i++)
    {
      const WaymarkDashboardPhase *phase = g_ptr_array_index (d->phases, i);
      const char *name = _waymark_dashboard_phase_label (phase->name);
      double height = row_height (p, name, WAYMARK_DASHBOARD_STYLE_BODY_BOLD, &columns[0]);
      double cy = y + height / 2;
      g_autofree char *count = g_strdup_printf ("%u", phase->figures.n_touchpoints);

      _waymark_dashboard_draw_band (p, i, left, y, width, height);
      _waymark_dashboard_draw_cell_text (p, name, WAYMARK_DASHBOARD_STYLE_BODY_BOLD, &columns[0], cy, &p->palette->text);
      _waymark_dashboard_draw_cell_text (p, count, WAYMARK_DASHBOARD_STYLE_BODY, &columns[1], cy, &p->palette->text);
      draw_mix_bar (p, phase, most, &columns[2], cy);
      draw_emotion_value (p, &phase->figures, &columns[3], cy);
      draw_emotion_bar (p, &phase->figures, &columns[4], cy);
      draw_kpi_summary (p, &phase->figures, &columns[5], cy);
      y += height;
    }
  _waymark_dashboard_draw_rule (p, left, y, width, 1);
  y += 8;
  y += draw_mix_key (p, columns[2].x, y);
  return y;
}

/* One row of the category table. */
static double
draw_category_row (WaymarkDashboardPaint         *p,
                   const WaymarkDashboardColumn  *columns,
                   guint                          index,
                   int                            category,
                   const char                    *label,
                   const WaymarkDashboardFigures *figures,
                   gboolean                       total,
                   double                         left,
                   double                         width,
                   double                         y)
{
  WaymarkDashboardColumn name = columns[0];
  double shape = 14;
  double height;
  double cy;
  g_autofree char *count = g_strdup_printf ("%u", figures->n_touchpoints);

  name.x += shape + 8;
  name.width -= shape + 8;
  height = row_height (p, label, total ? WAYMARK_DASHBOARD_STYLE_BODY_BOLD : WAYMARK_DASHBOARD_STYLE_BODY, &name);
  cy = y + height / 2;

  if (total)
    _waymark_dashboard_draw_rule (p, left, y, width, 1.5);
  else
    _waymark_dashboard_draw_band (p, index, left, y, width, height);

  if (category >= 0)
    {
      _waymark_glyph_category_shape (p->cr, category, columns[0].x + shape / 2, cy, shape);
      waymark_color_set_source (waymark_palette_get_category (p->palette, category), p->cr);
      cairo_fill (p->cr);
    }
  _waymark_dashboard_draw_cell_text (p, label, total ? WAYMARK_DASHBOARD_STYLE_BODY_BOLD : WAYMARK_DASHBOARD_STYLE_BODY, &name, cy, &p->palette->text);
  _waymark_dashboard_draw_cell_text (p, count, total ? WAYMARK_DASHBOARD_STYLE_BODY_BOLD : WAYMARK_DASHBOARD_STYLE_BODY, &columns[1], cy, &p->palette->text);
  draw_emotion_value (p, figures, &columns[2], cy);
  draw_kpi_summary (p, figures, &columns[3], cy);
  return height;
}

/* The table of channel categories, with the map's totals last. */
static double
draw_categories (WaymarkDashboardPaint *p,
                 double                 left,
                 double                 width,
                 double                 y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = { _("Channel category"), _("Touchpoints"), _("Average emotion"), _("KPIs on target"), NULL };
  WaymarkDashboardColumn columns[] = {
    { left + 8, 150, PANGO_ALIGN_LEFT },
    { left + 160, 90, PANGO_ALIGN_RIGHT },
    { left + 268, 90, PANGO_ALIGN_LEFT },
    { left + 364, width - 364 - 8, PANGO_ALIGN_LEFT },
  };
  guint index = 0;

  y += _waymark_dashboard_draw_text (p, _("By channel category"), WAYMARK_DASHBOARD_STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text) + 8;
  y = _waymark_dashboard_draw_column_headers (p, columns, labels, left, width, y);

  for (int c = 0; c < WAYMARK_N_CATEGORIES; c++)
    y += draw_category_row (p, columns, index++, c, category_label (c), &d->categories[c], FALSE, left, width, y);
  if (d->without_channel.n_touchpoints > 0)
    y += draw_category_row (p, columns, index++, -1, _("No channel"), &d->without_channel, FALSE, left, width, y);
  /* TRANSLATORS: the last row of the dashboard's category table: the whole map */
  y += draw_category_row (p, columns, index, -1, _("All touchpoints"), &d->total, TRUE, left, width, y);
  return y;
}

char *
waymark_dashboard_painter_get_summary (const WaymarkDashboard *dashboard)
{
  const WaymarkDashboardFigures *total;
  GString *summary;

  g_return_val_if_fail (dashboard != NULL, NULL);

  total = &dashboard->total;
  summary = g_string_new (NULL);
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", total->n_touchpoints),
                          total->n_touchpoints);
  if (total->n_emotions > 0)
    {
      g_autofree char *average = waymark_number_format_score (total->emotion_average);

      g_string_append (summary, " · ");
      g_string_append_printf (summary, _("average emotion %s"), average);
    }
  if (total->n_kpis > 0)
    {
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u KPI", "%u KPIs", total->n_kpis), total->n_kpis);
      g_string_append (summary, ", ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u misses its target", "%u miss their targets",
                                                    total->n_kpis_missed),
                              total->n_kpis_missed);
    }
  return g_string_free (summary, FALSE);
}

/* The title block: what this page is, the map's name, the totals in a
 * sentence. */
static double
draw_header (WaymarkDashboardPaint *p,
             const char            *title,
             double                 left,
             double                 width,
             double                 y)
{
  g_autofree char *summary = waymark_dashboard_painter_get_summary (p->dashboard);

  y += _waymark_dashboard_draw_text (p, _("KPI dashboard"), WAYMARK_DASHBOARD_STYLE_COLUMN, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text_secondary);
  y += _waymark_dashboard_draw_text (p, title != NULL && title[0] != '\0' ? title : _("Untitled journey"), WAYMARK_DASHBOARD_STYLE_TITLE, left, y, width,
                  PANGO_ALIGN_LEFT, &p->palette->text) + 4;
  y += _waymark_dashboard_draw_text (p, summary, WAYMARK_DASHBOARD_STYLE_BODY, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text_secondary);
  return y;
}

/* Draws everything and returns the height it took: the title and the
 * categories side by side, the phases, then the KPIs. */
static double
draw (const WaymarkDashboard *dashboard,
      const char             *title,
      const WaymarkPalette   *palette,
      cairo_t                *cr)
{
  PangoContext *context = waymark_layout_create_pango_context ();
  WaymarkDashboardPaint p = { cr, palette, context, dashboard };
  double left = MARGIN;
  double width = WAYMARK_DASHBOARD_WIDTH - 2 * MARGIN;
  double header_width = width * 0.42;
  double y = MARGIN;
  double below_header, below_categories;

  cairo_save (cr);
  below_header = draw_header (&p, title, left, header_width, y);
  below_categories = draw_categories (&p, left + header_width + WM_DASHBOARD_GAP, width - header_width - WM_DASHBOARD_GAP, y);
  y = MAX (below_header, below_categories) + SECTION_GAP;
  y = draw_phases (&p, left, width, y) + SECTION_GAP;
  y = _waymark_dashboard_draw_kpis (&p, left, width, y);
  cairo_restore (cr);
  g_object_unref (context);

  return y + MARGIN;
}

cairo_surface_t *
waymark_dashboard_painter_record (const WaymarkDashboard *dashboard,
                                  const char             *title,
                                  const WaymarkPalette   *palette,
                                  double                 *height)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double drawn;

  g_return_val_if_fail (dashboard != NULL, NULL);
  g_return_val_if_fail (palette != NULL, NULL);

  /* Unbounded: the height is known only once everything is laid out. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  drawn = draw (dashboard, title, palette, cr);
  cairo_destroy (cr);
  if (height != NULL)
    *height = drawn;
  return surface;
}

double
waymark_dashboard_painter_get_height (const WaymarkDashboard *dashboard,
                                      const char             *title)
{
  cairo_surface_t *surface;
  double height;

  g_return_val_if_fail (dashboard != NULL, 0);

  surface = waymark_dashboard_painter_record (dashboard, title, waymark_palette_get (WAYMARK_PALETTE_LIGHT), &height);
  cairo_surface_destroy (surface);
  return height;
}

void
waymark_dashboard_painter_paint_page (const WaymarkDashboard *dashboard,
                                      const char             *title,
                                      double                  page_width,
                                      double                  page_height,
                                      double                  margin,
                                      cairo_t                *cr)
{
  const WaymarkPalette *palette = waymark_palette_get (WAYMARK_PALETTE_LIGHT);
  double height, scale;

  g_return_if_fail (dashboard != NULL);
  g_return_if_fail (cr != NULL);

  /* Measured first, then drawn straight onto the page: replaying a
   * recording into a PDF surface costs twice the drawing. */
  height = waymark_dashboard_painter_get_height (dashboard, title);
  scale = MIN ((page_width - 2 * margin) / WAYMARK_DASHBOARD_WIDTH, (page_height - 2 * margin) / height);

  cairo_save (cr);
  cairo_translate (cr, (page_width - WAYMARK_DASHBOARD_WIDTH * scale) / 2, margin);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, WAYMARK_DASHBOARD_WIDTH, height);
  cairo_clip (cr);
  waymark_color_set_source (&palette->page, cr);
  cairo_paint (cr);
  draw (dashboard, title, palette, cr);
  cairo_restore (cr);
}
