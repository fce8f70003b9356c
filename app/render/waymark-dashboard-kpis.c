/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-dashboard-painter-private.h"
#include "waymark-painter-private.h"

/* The dashboard's list of KPIs against their targets. */

/* Two columns of 30 rows: on A3 still readable at arm's length. */
#define MAX_LISTED_KPIS 60

#define N_KPI_COLUMNS 6

/* One line of the KPI list: a phase's name over its KPIs, or a KPI. */
typedef struct {
  const WaymarkDashboardKpi *kpi;   /* NULL: the heading of phase_index */
  guint phase_index;
  double height;
} KpiLine;

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
  amount = waymark_kpi_format_amount (row->kpi->target, row->kpi->unit);
  return g_strconcat (row->direction == WAYMARK_KPI_DIRECTION_LOWER ? "≤ " : "≥ ", amount, NULL);
}

/* The columns of a KPI table @width wide at @left. */
static void
kpi_columns (double                  left,
             double                  width,
             WaymarkDashboardColumn *columns)
{
  const WaymarkDashboardColumn initial[] = {
    { left + 4, WM_DASHBOARD_GLYPH_SIZE, PANGO_ALIGN_LEFT },       /* the standing's glyph */
    { left + 4 + WM_DASHBOARD_GLYPH_SIZE + 8, 0, PANGO_ALIGN_LEFT },  /* the KPI's name */
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

/* The heading of a phase in the KPI list ("Purchase", or "Purchase
 * (continued)" at the top of the second column).  Returns its height;
 * draws only when @paint. */
static double
draw_kpi_phase (WaymarkDashboardPaint *p,
                guint                  phase_index,
                gboolean               continued,
                double                 left,
                double                 width,
                double                 y,
                gboolean               paint)
{
  const WaymarkDashboardPhase *phase = g_ptr_array_index (p->dashboard->phases, phase_index);
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (continued)
    /* TRANSLATORS: a phase's heading repeated where the KPI list goes on in its second column */
    label = g_strdup_printf (_("%s (continued)"), _waymark_dashboard_phase_label (phase->name));
  else
    label = g_strdup (_waymark_dashboard_phase_label (phase->name));
  layout = _waymark_dashboard_make_text (p, label, WAYMARK_DASHBOARD_STYLE_BODY_BOLD, width - 8, PANGO_ALIGN_LEFT);
  if (paint)
    {
      waymark_color_set_source (&p->palette->text_secondary, p->cr);
      cairo_move_to (p->cr, left + 4, y + 8);
      pango_cairo_show_layout (p->cr, layout);
    }
  return _waymark_dashboard_text_height (layout) + 8 + 3;
}

/* One KPI against its target.  Returns its height; draws only when
 * @paint. */
static double
draw_kpi_row (WaymarkDashboardPaint        *p,
              const WaymarkDashboardKpi    *row,
              const WaymarkDashboardColumn *columns,
              guint                         index,
              double                        left,
              double                        width,
              double                        y,
              gboolean                      paint)
{
  const char *touchpoint = row->touchpoint[0] != '\0' ? row->touchpoint : _("Untitled touchpoint");
  g_autofree char *value = waymark_kpi_format_amount (row->kpi->value, row->kpi->unit);
  g_autofree char *target = format_target (row);
  g_autoptr(PangoLayout) name = _waymark_dashboard_make_text (p, row->kpi->name, WAYMARK_DASHBOARD_STYLE_BODY_BOLD, columns[1].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) place = _waymark_dashboard_make_text (p, touchpoint, WAYMARK_DASHBOARD_STYLE_SMALL, columns[2].width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) amount = _waymark_dashboard_make_text (p, value, WAYMARK_DASHBOARD_STYLE_BODY, columns[3].width, PANGO_ALIGN_RIGHT);
  g_autoptr(PangoLayout) goal = _waymark_dashboard_make_text (p, target, WAYMARK_DASHBOARD_STYLE_BODY, columns[4].width, PANGO_ALIGN_RIGHT);
  double content = MAX (MAX (_waymark_dashboard_text_height (name), _waymark_dashboard_text_height (place)), MAX (_waymark_dashboard_text_height (amount), _waymark_dashboard_text_height (goal)));
  double height = MAX (WM_DASHBOARD_ROW_MIN - 6, content + 2 * (WM_DASHBOARD_ROW_PAD - 3));
  double cy = y + height / 2;
  cairo_t *cr = p->cr;

  if (!paint)
    return height;

  _waymark_dashboard_draw_band (p, index, left, y, width, height);
  if (row->status == WAYMARK_KPI_STATUS_MISSED)
    _waymark_glyph_weakness (cr, p->palette, columns[0].x + WM_DASHBOARD_GLYPH_SIZE / 2, cy, WM_DASHBOARD_GLYPH_SIZE);
  else if (row->status == WAYMARK_KPI_STATUS_MET)
    _waymark_glyph_strength (cr, p->palette, columns[0].x + WM_DASHBOARD_GLYPH_SIZE / 2, cy, WM_DASHBOARD_GLYPH_SIZE);

  waymark_color_set_source (&p->palette->text, cr);
  cairo_move_to (cr, columns[1].x, cy - _waymark_dashboard_text_height (name) / 2);
  pango_cairo_show_layout (cr, name);
  waymark_color_set_source (&p->palette->text_secondary, cr);
  cairo_move_to (cr, columns[2].x, cy - _waymark_dashboard_text_height (place) / 2);
  pango_cairo_show_layout (cr, place);
  waymark_color_set_source (&p->palette->text, cr);
  cairo_move_to (cr, columns[3].x, cy - _waymark_dashboard_text_height (amount) / 2);
  pango_cairo_show_layout (cr, amount);
  waymark_color_set_source (&p->palette->text_secondary, cr);
  cairo_move_to (cr, columns[4].x, cy - _waymark_dashboard_text_height (goal) / 2);
  pango_cairo_show_layout (cr, goal);
  _waymark_dashboard_draw_cell_text (p, status_label (row->status),
                  row->status == WAYMARK_KPI_STATUS_MISSED ? WAYMARK_DASHBOARD_STYLE_BODY_BOLD : WAYMARK_DASHBOARD_STYLE_BODY,
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
double
_waymark_dashboard_draw_kpis (WaymarkDashboardPaint *p,
                              double                 left,
                              double                 width,
                              double                 y)
{
  const WaymarkDashboard *d = p->dashboard;
  const char *labels[] = { "", _("KPI"), _("Touchpoint"), _("Value"), _("Target"), _("Status"), NULL };
  double half = (width - WM_DASHBOARD_GAP) / 2;
  WaymarkDashboardColumn columns[2][N_KPI_COLUMNS];
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (KpiLine));
  g_autoptr(GPtrArray) listed = NULL;
  double top, bottom = 0;
  guint split;

  y += _waymark_dashboard_draw_text (p, _("KPIs against their targets"), WAYMARK_DASHBOARD_STYLE_HEADING, left, y, width, PANGO_ALIGN_LEFT,
                  &p->palette->text) + 8;

  if (d->kpis->len == 0)
    return y + _waymark_dashboard_draw_text (p, _("No touchpoint of the map has a KPI."), WAYMARK_DASHBOARD_STYLE_BODY, left, y, width,
                          PANGO_ALIGN_LEFT, &p->palette->text_secondary);

  kpi_columns (left, half, columns[0]);
  kpi_columns (left + half + WM_DASHBOARD_GAP, half, columns[1]);
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

  _waymark_dashboard_draw_column_headers (p, columns[0], labels, left, half, y);
  top = _waymark_dashboard_draw_column_headers (p, columns[1], labels, left + half + WM_DASHBOARD_GAP, half, y);
  for (guint c = 0; c < 2; c++)
    {
      double x = c == 0 ? left : left + half + WM_DASHBOARD_GAP;
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
      _waymark_dashboard_draw_rule (p, x, at, half, 1);
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

      y += _waymark_dashboard_draw_text (p, note, WAYMARK_DASHBOARD_STYLE_BODY, left + 4, y, width, PANGO_ALIGN_LEFT, &p->palette->text);
    }
  y += _waymark_dashboard_draw_text (p, _("≥: higher is better, ≤: lower is better"), WAYMARK_DASHBOARD_STYLE_SMALL, left + 4, y, width,
                  PANGO_ALIGN_LEFT, &p->palette->text_secondary);
  return y;
}
