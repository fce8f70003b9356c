/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-dashboard-painter.h"
#include "waymark-emotion-face.h"
#include "waymark-painter-private.h"
#include "waymark-text-cache.h"
#include "waymark-touchpoint.h"

/* Map units (1/96 inch), as the map's own painter. */
#define MARGIN        32.0
#define GAP           28.0    /* between the two tables at the bottom */
#define SECTION_GAP   26.0
#define ROW_PAD        7.0
#define ROW_MIN       30.0
#define FACE_RADIUS    9.0
#define GLYPH_SIZE    15.0
#define BAR_HEIGHT    18.0
/* Two columns of 30 rows: on A3 still readable at arm's length. */
#define MAX_LISTED_KPIS 60

typedef enum {
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SMALL,
  STYLE_COLUMN,          /* column headers */
  N_STYLES
} Style;

static const struct {
  double size;
  PangoWeight weight;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { 22, PANGO_WEIGHT_BOLD },
  [STYLE_HEADING] = { 16, PANGO_WEIGHT_BOLD },
  [STYLE_BODY] = { 13, PANGO_WEIGHT_NORMAL },
  [STYLE_BODY_BOLD] = { 13, PANGO_WEIGHT_BOLD },
  [STYLE_SMALL] = { 11, PANGO_WEIGHT_NORMAL },
  [STYLE_COLUMN] = { 11, PANGO_WEIGHT_BOLD },
};

typedef struct {
  cairo_t *cr;
  const WaymarkPalette *palette;
  PangoContext *context;
  const WaymarkDashboard *dashboard;
} Paint;

/* A column of a table: where it starts, how wide, which way its text
 * leans. */
typedef struct {
  double x;
  double width;
  PangoAlignment align;
} Column;

static PangoLayout *
make_text (Paint          *p,
           const char     *text,
           Style           style,
           double          width,
           PangoAlignment  align)
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

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Draws @text at (@x, @y) and returns its height. */
static double
draw_text (Paint              *p,
           const char         *text,
           Style               style,
           double              x,
           double              y,
           double              width,
           PangoAlignment      align,
           const WaymarkColor *color)
{
  g_autoptr(PangoLayout) layout = make_text (p, text, style, width, align);

  waymark_color_set_source (color, p->cr);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  return text_height (layout);
}

/* Text centred vertically on @cy in the column @column. */
static void
draw_cell_text (Paint              *p,
                const char         *text,
                Style               style,
                const Column       *column,
                double              cy,
                const WaymarkColor *color)
{
  g_autoptr(PangoLayout) layout = make_text (p, text, style, column->width, column->align);

  waymark_color_set_source (color, p->cr);
  cairo_move_to (p->cr, column->x, cy - text_height (layout) / 2);
  pango_cairo_show_layout (p->cr, layout);
}

/* "+0.4", "−1.3", "0.0": an average emotion signed as the map shows
 * scores, with the locale's decimal mark. */
static char *
format_average (double value)
{
  double rounded = round (value * 10) / 10;
  g_autofree char *number = g_strdup_printf ("%.1f", fabs (rounded));

  if (rounded > 0)
    return g_strconcat ("+", number, NULL);
  if (rounded < 0)
    return g_strconcat ("−", number, NULL);
  return g_steal_pointer (&number);
}

static gboolean
is_ratio (const char *unit)
{
  return unit != NULL && strcmp (unit, "ratio") == 0;
}

/* A KPI's number as the locale writes it, with its unit: "38,50 EUR",
 * "185.000 contacts"; ratios as percentages ("0.021" is "2.1 %"), as the
 * map's KPI lane shows them.  The file's number of decimals is kept. */
static char *
format_amount (const char *text,
               const char *unit)
{
  g_autofree char *number = NULL;
  double value;
  int decimals;

  if (text == NULL || !waymark_kpi_number_is_valid (text))
    return g_strdup (text != NULL ? text : "");

  value = g_ascii_strtod (text, NULL);
  if (is_ratio (unit))
    {
      double percent = value * 100.0;

      decimals = fabs (percent - round (percent)) < 0.05 ? 0 : 1;
      number = g_strdup_printf ("%'.*f", decimals, percent);
      unit = "%";
    }
  else
    {
      const char *dot = strchr (text, '.');

      decimals = dot != NULL ? (int) strlen (dot + 1) : 0;
      number = g_strdup_printf ("%'.*f", decimals, value);
    }

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  return g_strdup_printf (C_("kpi amount", "%s %s"), number, unit);
}

static const char *
phase_label (const char *name)
{
  return name != NULL && name[0] != '\0' ? name : _("Untitled phase");
}

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

/* The horizontal rule under a table's column headers and between rows. */
static void
draw_rule (Paint  *p,
           double  x,
           double  y,
           double  width,
           double  line_width)
{
  cairo_new_path (p->cr);
  cairo_rectangle (p->cr, x, y - line_width / 2, width, line_width);
  waymark_color_set_source (&p->palette->grid_line, p->cr);
  cairo_fill (p->cr);
}

/* Column headers in @columns (NULL-terminated @labels); returns the y
 * below them. */
static double
draw_column_headers (Paint             *p,
                     const Column      *columns,
                     const char *const *labels,
                     double             left,
                     double             width,
                     double             y)
{
  double height = 0;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = make_text (p, labels[i], STYLE_COLUMN, columns[i].width, columns[i].align);

      height = MAX (height, text_height (layout));
    }
  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = make_text (p, labels[i], STYLE_COLUMN, columns[i].width, columns[i].align);

      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, columns[i].x, y + height - text_height (layout));
      pango_cairo_show_layout (p->cr, layout);
    }
  y += height + 6;
  draw_rule (p, left, y, width, 1.5);
  return y + 1;
}

/* The face of the average and its signed number, or a dash when no
 * touchpoint of the group has an emotion. */
static void
draw_emotion_value (Paint                         *p,
                    const WaymarkDashboardFigures *figures,
                    const Column                  *column,
                    double                         cy)
{
  g_autofree char *number = NULL;
  Column text = *column;

  if (figures->n_emotions == 0)
    {
      draw_cell_text (p, "—", STYLE_BODY, column, cy, &p->palette->text_faint);
      return;
    }
  number = format_average (figures->emotion_average);
  waymark_emotion_face_draw (p->cr, p->palette, (int) lround (figures->emotion_average),
                             column->x + FACE_RADIUS, cy, FACE_RADIUS);
  text.x += 2 * FACE_RADIUS + 6;
  text.width -= 2 * FACE_RADIUS + 6;
  draw_cell_text (p, number, STYLE_BODY, &text, cy, &p->palette->text);
}

/* The average emotion as a bar from the zero line (the middle of
 * @column, which spans −2 … +2), with the spread from the lowest to the
 * highest emotion of the group as a thin line behind it, and the face at
 * the bar's end: its mouth and the bar's side of the line tell the score
 * without colour. */
static void
draw_emotion_bar (Paint                         *p,
                  const WaymarkDashboardFigures *figures,
                  const Column                  *column,
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
draw_kpi_summary (Paint                         *p,
                  const WaymarkDashboardFigures *figures,
                  const Column                  *column,
                  double                         cy)
{
  guint with_target = figures->n_kpis_met + figures->n_kpis_missed;
  guint without_target = figures->n_kpis - with_target;
  g_autofree char *on_target = NULL;
  g_autofree char *rest = NULL;
  g_autoptr(PangoLayout) first = NULL;
  g_autoptr(PangoLayout) second = NULL;
  double x = column->x + GLYPH_SIZE + 6;
  double width = column->width - GLYPH_SIZE - 6;
  double height;

  if (figures->n_kpis == 0)
    {
      draw_cell_text (p, "—", STYLE_BODY, column, cy, &p->palette->text_faint);
      return;
    }

  if (figures->n_kpis_missed > 0)
    _waymark_glyph_weakness (p->cr, p->palette, column->x + GLYPH_SIZE / 2, cy, GLYPH_SIZE);
  else if (figures->n_kpis_met > 0)
    _waymark_glyph_strength (p->cr, p->palette, column->x + GLYPH_SIZE / 2, cy, GLYPH_SIZE);

  if (with_target > 0)
    /* TRANSLATORS: how many KPIs with a target meet it: "2 of 3 met" */
    on_target = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u met", "%u of %u met", with_target),
                                 figures->n_kpis_met, with_target);
  if (without_target > 0)
    rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u without target", "%u without target",
                                         without_target),
                            without_target);

  first = make_text (p, on_target != NULL ? on_target : rest, STYLE_BODY, width, PANGO_ALIGN_LEFT);
  height = text_height (first);
  if (on_target != NULL && rest != NULL)
    {
      second = make_text (p, rest, STYLE_SMALL, width, PANGO_ALIGN_LEFT);
      height += text_height (second);
    }
  waymark_color_set_source (on_target != NULL ? &p->palette->text : &p->palette->text_secondary, p->cr);
  cairo_move_to (p->cr, x, cy - height / 2);
  pango_cairo_show_layout (p->cr, first);
  if (second != NULL)
    {
      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, x, cy - height / 2 + text_height (first));
      pango_cairo_show_layout (p->cr, second);
    }
}

/* One segment of a channel-mix bar: the category's colour and shape
 * (grey and no shape for touchpoints without a channel) and the count
 * when it fits. */
static void
draw_mix_segment (Paint  *p,
                  int     category,
                  guint   count,
                  double  x,
                  double  width,
                  double  cy)
{
  cairo_t *cr = p->cr;
  g_autofree char *number = g_strdup_printf ("%u", count);
  g_autoptr(PangoLayout) layout = make_text (p, number, STYLE_SMALL, -1, PANGO_ALIGN_LEFT);
  double shape = BAR_HEIGHT * 0.55;
  double needed = text_width (layout) + (category >= 0 ? shape + 4 : 0) + 6;
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
  cairo_move_to (cr, x, cy - text_height (layout) / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The channel mix of a phase as a bar as long as its touchpoint count
 * (the longest phase fills @column), a segment per category. */
static void
draw_mix_bar (Paint                       *p,
              const WaymarkDashboardPhase *phase,
              guint                        most,
              const Column                *column,
              double                       cy)
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
draw_key_entry (Paint      *p,
                int         category,
                const char *label,
                double      x,
                double      y,
                double     *height)
{
  g_autoptr(PangoLayout) layout = make_text (p, label, STYLE_SMALL, -1, PANGO_ALIGN_LEFT);
  double shape = 12;
  double cy = y + text_height (layout) / 2;

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
  *height = MAX (*height, text_height (layout));
  return x + shape + 5 + text_width (layout) + 18;
}

/* The key of the channel-mix bars; returns its height. */
static double
draw_mix_key (Paint  *p,
              double  x,
              double  y)
{
  double height = 0;

  for (int c = 0; c < WAYMARK_N_CATEGORIES; c++)
    x = draw_key_entry (p, c, category_label (c), x, y, &height);
  if (p->dashboard->without_channel.n_touchpoints > 0)
    draw_key_entry (p, -1, _("No channel"), x, y, &height);
  return height;
}

/* A row's band: every other row is tinted so a line is easy to follow. */
static void
draw_band (Paint  *p,
           guint   index,
           double  x,
           double  y,
           double  width,
           double  height)
{
  if (index % 2 == 0)
    return;
  cairo_new_path (p->cr);
  cairo_rectangle (p->cr, x, y, width, height);
  waymark_color_set_source (&p->palette->cell_fill, p->cr);
  cairo_fill (p->cr);
}

static double
row_height (Paint        *p,
            const char   *label,
            Style         style,
            const Column *column)
{
  g_autoptr(PangoLayout) layout = make_text (p, label, style, column->width, column->align);

  return MAX (ROW_MIN, text_height (layout) + 2 * ROW_PAD);
}

/* The phase table: one row per phase with its touchpoints, channel mix,
 * emotion and KPIs.  Returns the y below it. */
static double
draw_phases (Paint  *p,
             double  left,
             double  width,
             double  y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = {
    _("Phase"), _("Touchpoints"), _("Channel mix"), _("Average emotion"), "", _("KPIs on target"), NULL
  };
  Column columns[] = {
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
  y += draw_text (p, _("By phase"), STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text) + 8;
  y = draw_column_headers (p, columns, labels, left, width, y);
  columns[3].width = 66;

  if (d->phases->len == 0)
    {
      y += 8;
      y += draw_text (p, _("The map has no phases."), STYLE_BODY, left + 8, y, width, PANGO_ALIGN_LEFT,
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
      const char *name = phase_label (phase->name);
      double height = row_height (p, name, STYLE_BODY_BOLD, &columns[0]);
      double cy = y + height / 2;
      g_autofree char *count = g_strdup_printf ("%u", phase->figures.n_touchpoints);

      draw_band (p, i, left, y, width, height);
      draw_cell_text (p, name, STYLE_BODY_BOLD, &columns[0], cy, &p->palette->text);
      draw_cell_text (p, count, STYLE_BODY, &columns[1], cy, &p->palette->text);
      draw_mix_bar (p, phase, most, &columns[2], cy);
      draw_emotion_value (p, &phase->figures, &columns[3], cy);
      draw_emotion_bar (p, &phase->figures, &columns[4], cy);
      draw_kpi_summary (p, &phase->figures, &columns[5], cy);
      y += height;
    }
  draw_rule (p, left, y, width, 1);
  y += 8;
  y += draw_mix_key (p, columns[2].x, y);
  return y;
}

/* One row of the category table. */
static double
draw_category_row (Paint                         *p,
                   const Column                  *columns,
                   guint                          index,
                   int                            category,
                   const char                    *label,
                   const WaymarkDashboardFigures *figures,
                   gboolean                       total,
                   double                         left,
                   double                         width,
                   double                         y)
{
  Column name = columns[0];
  double shape = 14;
  double height;
  double cy;
  g_autofree char *count = g_strdup_printf ("%u", figures->n_touchpoints);

  name.x += shape + 8;
  name.width -= shape + 8;
  height = row_height (p, label, total ? STYLE_BODY_BOLD : STYLE_BODY, &name);
  cy = y + height / 2;

  if (total)
    draw_rule (p, left, y, width, 1.5);
  else
    draw_band (p, index, left, y, width, height);

  if (category >= 0)
    {
      _waymark_glyph_category_shape (p->cr, category, columns[0].x + shape / 2, cy, shape);
      waymark_color_set_source (waymark_palette_get_category (p->palette, category), p->cr);
      cairo_fill (p->cr);
    }
  draw_cell_text (p, label, total ? STYLE_BODY_BOLD : STYLE_BODY, &name, cy, &p->palette->text);
  draw_cell_text (p, count, total ? STYLE_BODY_BOLD : STYLE_BODY, &columns[1], cy, &p->palette->text);
  draw_emotion_value (p, figures, &columns[2], cy);
  draw_kpi_summary (p, figures, &columns[3], cy);
  return height;
}

/* The table of channel categories, with the map's totals last. */
static double
draw_categories (Paint  *p,
                 double  left,
                 double  width,
                 double  y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = { _("Channel category"), _("Touchpoints"), _("Average emotion"), _("KPIs on target"), NULL };
  Column columns[] = {
    { left + 8, 150, PANGO_ALIGN_LEFT },
    { left + 160, 90, PANGO_ALIGN_RIGHT },
    { left + 268, 90, PANGO_ALIGN_LEFT },
    { left + 364, width - 364 - 8, PANGO_ALIGN_LEFT },
  };
  guint index = 0;

  y += draw_text (p, _("By channel category"), STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text) + 8;
  y = draw_column_headers (p, columns, labels, left, width, y);

  for (int c = 0; c < WAYMARK_N_CATEGORIES; c++)
    y += draw_category_row (p, columns, index++, c, category_label (c), &d->categories[c], FALSE, left, width, y);
  if (d->without_channel.n_touchpoints > 0)
    y += draw_category_row (p, columns, index++, -1, _("No channel"), &d->without_channel, FALSE, left, width, y);
  /* TRANSLATORS: the last row of the dashboard's category table: the whole map */
  y += draw_category_row (p, columns, index, -1, _("All touchpoints"), &d->total, TRUE, left, width, y);
  return y;
}

static const char *
status_label (WaymarkKpiStatus status)
{
  switch (status)
    {
    case WAYMARK_KPI_STATUS_MET: return C_("kpi status", "met");
    case WAYMARK_KPI_STATUS_MISSED: return C_("kpi status", "missed");
    case WAYMARK_KPI_STATUS_NO_TARGET:
    default:
      return C_("kpi status", "no target");
    }
}

/* The KPI's target with the side it must be on: "≥ 1.2 %", "≤ 2 min". */
static char *
format_target (const WaymarkDashboardKpi *row)
{
  g_autofree char *amount = NULL;

  if (row->kpi->target == NULL || row->kpi->target[0] == '\0')
    return g_strdup ("—");
  amount = format_amount (row->kpi->target, row->kpi->unit);
  return g_strconcat (row->direction == WAYMARK_KPI_DIRECTION_LOWER ? "≤ " : "≥ ", amount, NULL);
}

/* The columns of a KPI table @width wide at @left. */
static void
kpi_columns (double  left,
             double  width,
             Column *columns)
{
  const Column initial[] = {
    { left + 4, GLYPH_SIZE, PANGO_ALIGN_LEFT },       /* the standing's glyph */
    { left + 4 + GLYPH_SIZE + 8, 0, PANGO_ALIGN_LEFT },  /* the KPI's name */
    { 0, 0, PANGO_ALIGN_LEFT },                       /* its touchpoint */
    { 0, 84, PANGO_ALIGN_RIGHT },                     /* value */
    { 0, 84, PANGO_ALIGN_RIGHT },                     /* target */
    { 0, 54, PANGO_ALIGN_LEFT },                      /* standing in words */
  };
  double names;

  memcpy (columns, initial, sizeof initial);
  columns[5].x = left + width - 4 - columns[5].width;
  columns[4].x = columns[5].x - 10 - columns[4].width;
  columns[3].x = columns[4].x - 10 - columns[3].width;
  names = columns[3].x - 10 - columns[1].x;
  columns[1].width = names * 0.55;
  columns[2].x = columns[1].x + columns[1].width + 8;
  columns[2].width = columns[3].x - 10 - columns[2].x;
}

#define N_KPI_COLUMNS 6

/* One line of the KPI list: a phase's name over its KPIs, or a KPI. */
typedef struct {
  const WaymarkDashboardKpi *kpi;   /* NULL: the heading of phase_index */
  guint phase_index;
  double height;
} KpiLine;

/* The heading of a phase in the KPI list ("Purchase", or "Purchase
 * (continued)" at the top of the second column).  Returns its height;
 * draws only when @paint. */
static double
draw_kpi_phase (Paint    *p,
                guint     phase_index,
                gboolean  continued,
                double    left,
                double    width,
                double    y,
                gboolean  paint)
{
  const WaymarkDashboardPhase *phase = g_ptr_array_index (p->dashboard->phases, phase_index);
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (continued)
    /* TRANSLATORS: a phase's heading repeated where the KPI list goes on in its second column */
    label = g_strdup_printf (_("%s (continued)"), phase_label (phase->name));
  else
    label = g_strdup (phase_label (phase->name));
  layout = make_text (p, label, STYLE_BODY_BOLD, width - 8, PANGO_ALIGN_LEFT);
  if (paint)
    {
      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, left + 4, y + 8);
      pango_cairo_show_layout (p->cr, layout);
    }
  return text_height (layout) + 8 + 3;
}

/* One KPI against its target.  Returns its height; draws only when
 * @paint. */
static double
draw_kpi_row (Paint                     *p,
              const WaymarkDashboardKpi *row,
              const Column              *columns,
              guint                      index,
              double                     left,
              double                     width,
              double                     y,
              gboolean                   paint)
{
  const char *touchpoint = row->touchpoint[0] != '\0' ? row->touchpoint : _("Untitled touchpoint");
  g_autofree char *value = format_amount (row->kpi->value, row->kpi->unit);
  g_autofree char *target = format_target (row);
  g_autoptr(PangoLayout) name = make_text (p, row->kpi->name, STYLE_BODY_BOLD, columns[1].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) place = make_text (p, touchpoint, STYLE_SMALL, columns[2].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) amount = make_text (p, value, STYLE_BODY, columns[3].width, PANGO_ALIGN_RIGHT);
  g_autoptr(PangoLayout) goal = make_text (p, target, STYLE_BODY, columns[4].width, PANGO_ALIGN_RIGHT);
  double content = MAX (MAX (text_height (name), text_height (place)), MAX (text_height (amount), text_height (goal)));
  double height = MAX (ROW_MIN - 6, content + 2 * (ROW_PAD - 3));
  double cy = y + height / 2;
  cairo_t *cr = p->cr;

  if (!paint)
    return height;

  draw_band (p, index, left, y, width, height);
  if (row->status == WAYMARK_KPI_STATUS_MISSED)
    _waymark_glyph_weakness (cr, p->palette, columns[0].x + GLYPH_SIZE / 2, cy, GLYPH_SIZE);
  else if (row->status == WAYMARK_KPI_STATUS_MET)
    _waymark_glyph_strength (cr, p->palette, columns[0].x + GLYPH_SIZE / 2, cy, GLYPH_SIZE);

  waymark_color_set_source (&p->palette->text, cr);
  cairo_move_to (cr, columns[1].x, cy - text_height (name) / 2);
  pango_cairo_show_layout (cr, name);
  waymark_color_set_source (&p->palette->text_secondary, cr);
  cairo_move_to (cr, columns[2].x, cy - text_height (place) / 2);
  pango_cairo_show_layout (cr, place);
  waymark_color_set_source (&p->palette->text, cr);
  cairo_move_to (cr, columns[3].x, cy - text_height (amount) / 2);
  pango_cairo_show_layout (cr, amount);
  waymark_color_set_source (&p->palette->text_secondary, cr);
  cairo_move_to (cr, columns[4].x, cy - text_height (goal) / 2);
  pango_cairo_show_layout (cr, goal);
  draw_cell_text (p, status_label (row->status),
                  row->status == WAYMARK_KPI_STATUS_MISSED ? STYLE_BODY_BOLD : STYLE_BODY,
                  &columns[5], cy,
                  row->status == WAYMARK_KPI_STATUS_NO_TARGET ? &p->palette->text_faint : &p->palette->text);
  return height;
}

/* Where the second column of the KPI list begins: the line that
 * balances the two columns best, never right after a phase's heading. */
static guint
balance_columns (const GArray *lines)
{
  double total = 0, before = 0, best = G_MAXDOUBLE;
  guint split = lines->len;

  for (guint i = 0; i < lines->len; i++)
    total += g_array_index (lines, KpiLine, i).height;
  for (guint i = 0; i <= lines->len; i++)
    {
      double longer = MAX (before, total - before);

      if (longer < best && (i == 0 || g_array_index (lines, KpiLine, i - 1).kpi != NULL))
        {
          best = longer;
          split = i;
        }
      if (i < lines->len)
        before += g_array_index (lines, KpiLine, i).height;
    }
  return split;
}

/* The KPIs the list shows: all of them up to MAX_LISTED_KPIS, which keep
 * one page readable; of more, those that miss their targets first, then
 * those that meet them, then those without a target, in the map's order.
 * (A map of 10,000 KPIs would otherwise make a page taller than a PDF
 * may be.) */
static GPtrArray *
select_kpis (const WaymarkDashboard *d)
{
  static const WaymarkKpiStatus order[] = {
    WAYMARK_KPI_STATUS_MISSED, WAYMARK_KPI_STATUS_MET, WAYMARK_KPI_STATUS_NO_TARGET
  };
  g_autofree gboolean *chosen = g_new0 (gboolean, MAX (d->kpis->len, 1));
  GPtrArray *listed = g_ptr_array_new ();
  guint n = 0;

  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    for (guint i = 0; i < d->kpis->len && n < MAX_LISTED_KPIS; i++)
      if (((const WaymarkDashboardKpi *) g_ptr_array_index (d->kpis, i))->status == order[s])
        {
          chosen[i] = TRUE;
          n++;
        }
  for (guint i = 0; i < d->kpis->len; i++)
    if (chosen[i])
      g_ptr_array_add (listed, g_ptr_array_index (d->kpis, i));
  return listed;
}

/* Every KPI against its target, phase by phase, in two columns. */
static double
draw_kpis (Paint  *p,
           double  left,
           double  width,
           double  y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = { "", _("KPI"), _("Touchpoint"), _("Value"), _("Target"), _("Status"), NULL };
  double half = (width - GAP) / 2;
  Column columns[2][N_KPI_COLUMNS];
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (KpiLine));
  g_autoptr(GPtrArray) listed = NULL;
  double top, bottom = 0;
  guint split;

  y += draw_text (p, _("KPIs against their targets"), STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT,
                  &p->palette->text) + 8;

  if (d->kpis->len == 0)
    return y + draw_text (p, _("No touchpoint of the map has a KPI."), STYLE_BODY, left, y, width,
                          PANGO_ALIGN_LEFT, &p->palette->text_secondary);

  kpi_columns (left, half, columns[0]);
  kpi_columns (left + half + GAP, half, columns[1]);
  listed = select_kpis (d);
  for (guint i = 0; i < listed->len; i++)
    {
      const WaymarkDashboardKpi *row = g_ptr_array_index (listed, i);
      KpiLine line = { row, row->phase_index, 0 };

      if (i == 0 || row->phase_index != ((const WaymarkDashboardKpi *) g_ptr_array_index (listed, i - 1))->phase_index)
        {
          KpiLine heading = { NULL, row->phase_index, draw_kpi_phase (p, row->phase_index, FALSE, left, half, 0, FALSE) };

          g_array_append_val (lines, heading);
        }
      line.height = draw_kpi_row (p, row, columns[0], 0, left, half, 0, FALSE);
      g_array_append_val (lines, line);
    }
  split = balance_columns (lines);

  draw_column_headers (p, columns[0], labels, left, half, y);
  top = draw_column_headers (p, columns[1], labels, left + half + GAP, half, y);
  for (guint c = 0; c < 2; c++)
    {
      double x = c == 0 ? left : left + half + GAP;
      double at = top;
      guint first = c == 0 ? 0 : split;
      guint end = c == 0 ? split : lines->len;
      guint band = 0;

      if (first < end && g_array_index (lines, KpiLine, first).kpi != NULL)
        at += draw_kpi_phase (p, g_array_index (lines, KpiLine, first).phase_index, TRUE, x, half, at, TRUE);
      for (guint i = first; i < end; i++)
        {
          const KpiLine *line = &g_array_index (lines, KpiLine, i);

          if (line->kpi == NULL)
            {
              at += draw_kpi_phase (p, line->phase_index, FALSE, x, half, at, TRUE);
              band = 0;
            }
          else
            at += draw_kpi_row (p, line->kpi, columns[c], band++, x, half, at, TRUE);
        }
      draw_rule (p, x, at, half, 1);
      bottom = MAX (bottom, at);
    }
  y = bottom + 6;
  if (listed->len < d->kpis->len)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Listed: %u of %u KPI, those that miss their targets first; the tables above count them all.",
                                                            "Listed: %u of %u KPIs, those that miss their targets first; the tables above count them all.",
                                                            d->kpis->len),
                                               listed->len, d->kpis->len);

      y += draw_text (p, note, STYLE_BODY, left + 4, y, width, PANGO_ALIGN_LEFT, &p->palette->text);
    }
  y += draw_text (p, _("≥: higher is better, ≤: lower is better"), STYLE_SMALL, left + 4, y, width,
                  PANGO_ALIGN_LEFT, &p->palette->text_secondary);
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
      g_autofree char *average = format_average (total->emotion_average);

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
draw_header (Paint      *p,
             const char *title,
             double      left,
             double      width,
             double      y)
{
  g_autofree char *summary = waymark_dashboard_painter_get_summary (p->dashboard);

  y += draw_text (p, _("KPI dashboard"), STYLE_COLUMN, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text_secondary);
  y += draw_text (p, title != NULL && title[0] != '\0' ? title : _("Untitled journey"), STYLE_TITLE, left, y, width,
                  PANGO_ALIGN_LEFT, &p->palette->text) + 4;
  y += draw_text (p, summary, STYLE_BODY, left, y, width, PANGO_ALIGN_LEFT, &p->palette->text_secondary);
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
  Paint p = { cr, palette, context, dashboard };
  double left = MARGIN;
  double width = WAYMARK_DASHBOARD_WIDTH - 2 * MARGIN;
  double header_width = width * 0.42;
  double y = MARGIN;
  double below_header, below_categories;

  cairo_save (cr);
  below_header = draw_header (&p, title, left, header_width, y);
  below_categories = draw_categories (&p, left + header_width + GAP, width - header_width - GAP, y);
  y = MAX (below_header, below_categories) + SECTION_GAP;
  y = draw_phases (&p, left, width, y) + SECTION_GAP;
  y = draw_kpis (&p, left, width, y);
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
