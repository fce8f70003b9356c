/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-page-plan-private.h"
#include "waymark-painter.h"
#include "waymark-text-cache.h"

#define POINTS_PER_UNIT WAYMARK_POINTS_PER_UNIT

/* Poster marks, in millimetres: small enough to stay in the margin, large
 * enough to find with scissors.  Cut marks start a little away from the
 * printable corner so that no ink touches the part that stays visible. */
#define MARK_GAP_MM       2.0
#define MARK_LENGTH_MM    5.0
#define MARK_LINE_PT      0.4
#define LABEL_SIZE_PT     7.0
#define LABEL_INSET_MM    4.0   /* from the printable corner, clear of the cut marks */
#define LABEL_DROP_MM     1.5   /* below the printable area */
#define OVERVIEW_HEIGHT_MM 4.0
#define OVERVIEW_CELL_MM  2.6   /* widest cell of the sheet overview */

void
waymark_page_plan_init_natural (WaymarkPagePlan *plan,
                                double           map_width,
                                double           map_height)
{
  g_return_if_fail (plan != NULL);

  *plan = (WaymarkPagePlan) {
    .map_width = map_width,
    .map_height = map_height,
    .page_width = map_width * POINTS_PER_UNIT,
    .page_height = map_height * POINTS_PER_UNIT,
    .columns = 1,
    .rows = 1,
    .scale = POINTS_PER_UNIT,
  };
}

/* How many of at most @available sheets, @printable points long and
 * overlapping by @overlap, a map @length points long needs. */
static guint
sheets_needed (double length,
               double printable,
               double overlap,
               guint  available)
{
  double needed = ceil ((length - overlap) / (printable - overlap) - 1e-9);

  return (guint) CLAMP (needed, 1, available);
}

void
waymark_page_plan_init (WaymarkPagePlan *plan,
                        double           map_width,
                        double           map_height,
                        double           page_width,
                        double           page_height,
                        guint            columns,
                        guint            rows)
{
  double printable_width, printable_height, area_width, area_height;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (columns >= 1 && rows >= 1);

  *plan = (WaymarkPagePlan) {
    .map_width = map_width,
    .map_height = map_height,
    .page_width = page_width,
    .page_height = page_height,
    .margin = WAYMARK_MM_TO_POINTS (WAYMARK_PAPER_MARGIN_MM),
    .columns = columns,
    .rows = rows,
    .poster = columns * rows > 1,
  };
  if (plan->poster)
    plan->overlap = WAYMARK_MM_TO_POINTS (WAYMARK_POSTER_OVERLAP_MM);

  /* Very small paper (a label printer) keeps a quarter of each side. */
  plan->margin = MIN (plan->margin, MIN (page_width, page_height) / 8);
  printable_width = page_width - 2 * plan->margin;
  printable_height = page_height - 2 * plan->margin;
  plan->overlap = MIN (plan->overlap, MIN (printable_width, printable_height) / 4);

  /* The poster area: the sheets side by side, each overlapping the one
   * before it. */
  area_width = columns * printable_width - (columns - 1) * plan->overlap;
  area_height = rows * printable_height - (rows - 1) * plan->overlap;

  if (map_width > 0 && map_height > 0)
    plan->scale = MIN (area_width / map_width, area_height / map_height);
  else
    plan->scale = POINTS_PER_UNIT;

  /* The scale fills the sheets along one side; along the other the map
   * may end early.  Sheets it would not reach are left out (a wide map
   * asked onto 4 × 3 sheets that fills 2.4 rows prints 4 × 3, onto 4 × 5
   * prints 4 × 3), and the map is centred on the rest, so the blank is
   * split between the first and the last row or column: each of them is
   * more than half map, never a mostly empty sheet. */
  if (plan->poster && map_width > 0 && map_height > 0)
    {
      plan->columns = sheets_needed (map_width * plan->scale, printable_width, plan->overlap, columns);
      plan->rows = sheets_needed (map_height * plan->scale, printable_height, plan->overlap, rows);
      area_width = plan->columns * printable_width - (plan->columns - 1) * plan->overlap;
      area_height = plan->rows * printable_height - (plan->rows - 1) * plan->overlap;
    }

  plan->map_x = (area_width - map_width * plan->scale) / 2;
  plan->map_y = (area_height - map_height * plan->scale) / 2;
}

/* The shapes a fitted map may take: cards stacked this many high before
 * a column puts them side by side.  Small values make wide maps, large
 * ones tall maps; the last is one card per column. */
static const guint stack_targets[] = { 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, G_MAXUINT };

void
waymark_page_plan_fit_layout (WaymarkPagePlan *plan,
                              WaymarkLayout   *layout,
                              double           page_width,
                              double           page_height,
                              guint            columns,
                              guint            rows)
{
  guint best_stack = WAYMARK_LAYOUT_STACK_TARGET;
  double best_scale = -1;
  double map_width, map_height;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));

  /* One page or a poster shows the map whole: no booklet pages. */
  waymark_layout_set_frame_width (layout, 0);
  waymark_layout_set_page_breaks (layout, NULL, 0);

  /* The scale is the only thing that varies (text sizes are fixed per
   * density), so the shape that scales largest prints the largest text.
   * Changing the stack target re-flows cells but keeps card text, so
   * each try costs O(cards) arithmetic. */
  waymark_layout_set_density (layout, WAYMARK_LAYOUT_DENSITY_PRINT);
  waymark_layout_set_max_slots (layout, WAYMARK_LAYOUT_MAX_SLOTS);
  for (guint i = 0; i < G_N_ELEMENTS (stack_targets); i++)
    {
      waymark_layout_set_stack_target (layout, stack_targets[i]);
      waymark_layout_get_size (layout, &map_width, &map_height);
      waymark_page_plan_init (plan, map_width, map_height, page_width, page_height, columns, rows);
      /* On a tie the squarer stacks (found first) win. */
      if (plan->scale > best_scale * 1.001)
        {
          best_scale = plan->scale;
          best_stack = stack_targets[i];
        }
    }
  waymark_layout_set_stack_target (layout, best_stack);
  waymark_layout_get_size (layout, &map_width, &map_height);
  waymark_page_plan_init (plan, map_width, map_height, page_width, page_height, columns, rows);
}

void
waymark_page_plan_fit_booklet (WaymarkPagePlan *plan,
                               WaymarkLayout   *layout,
                               double           page_width,
                               double           page_height)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));

  if (!_waymark_booklet_plan (plan, layout, page_width, page_height))
    waymark_page_plan_fit_layout (plan, layout, page_width, page_height, 1, 1);
}

gboolean
waymark_page_plan_is_office_paper (double page_width,
                                   double page_height)
{
  /* Letter is the wider, A4 the longer: both and anything smaller. */
  return MIN (page_width, page_height) <= 612.0 + 0.5 && MAX (page_width, page_height) <= 841.89 + 0.5;
}

double
waymark_page_plan_get_title_size (const WaymarkPagePlan *plan,
                                  WaymarkLayout         *layout)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (layout), 0);

  return plan->scale * waymark_layout_get_text_size (layout, WAYMARK_TEXT_CARD_TITLE);
}

void
waymark_page_plan_fit (WaymarkPagePlan *plan,
                       WaymarkLayout   *layout,
                       double           page_width,
                       double           page_height,
                       guint            columns,
                       guint            rows,
                       WaymarkPages     pages)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));

  if (columns * rows > 1 || pages == WAYMARK_PAGES_ONE)
    {
      waymark_page_plan_fit_layout (plan, layout, page_width, page_height, columns, rows);
      return;
    }
  if (pages == WAYMARK_PAGES_AUTO)
    {
      /* One page when it is legible or the paper is large: a booklet
       * is for the office printer. */
      waymark_page_plan_fit_layout (plan, layout, page_width, page_height, 1, 1);
      if (!waymark_page_plan_is_office_paper (page_width, page_height) ||
          waymark_page_plan_get_title_size (plan, layout) >= WAYMARK_BOOKLET_TITLE_PT - 1e-6)
        return;
    }
  waymark_page_plan_fit_booklet (plan, layout, page_width, page_height);
}

guint
waymark_page_plan_get_n_pages (const WaymarkPagePlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  if (plan->booklet)
    return _waymark_booklet_get_n_pages (plan);
  return plan->columns * plan->rows;
}

void
waymark_page_plan_get_sheet (const WaymarkPagePlan *plan,
                             guint                  index,
                             WaymarkSheet          *sheet)
{
  double printable_width, printable_height, area_x, area_y, ox, oy;
  WaymarkRect map, visible;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (index < waymark_page_plan_get_n_pages (plan));
  g_return_if_fail (sheet != NULL);

  if (plan->booklet)
    {
      _waymark_booklet_get_sheet (plan, index, sheet);
      return;
    }

  printable_width = plan->page_width - 2 * plan->margin;
  printable_height = plan->page_height - 2 * plan->margin;

  sheet->row = index / plan->columns;
  sheet->column = index % plan->columns;
  sheet->printable = WAYMARK_RECT_INIT (plan->margin, plan->margin, printable_width, printable_height);

  /* Where this sheet's printable area starts on the poster area. */
  area_x = sheet->column * (printable_width - plan->overlap);
  area_y = sheet->row * (printable_height - plan->overlap);

  /* Map (0, 0) lands on the page here. */
  ox = plan->margin + plan->map_x - area_x;
  oy = plan->margin + plan->map_y - area_y;
  cairo_matrix_init (&sheet->matrix, plan->scale, 0, 0, plan->scale, ox, oy);

  /* The printable area in map units, cut to the map. */
  visible = WAYMARK_RECT_INIT ((plan->margin - ox) / plan->scale, (plan->margin - oy) / plan->scale,
                               printable_width / plan->scale, printable_height / plan->scale);
  map = WAYMARK_RECT_INIT (0, 0, plan->map_width, plan->map_height);
  sheet->clip.x = MAX (visible.x, map.x);
  sheet->clip.y = MAX (visible.y, map.y);
  sheet->clip.width = MAX (0, MIN (visible.x + visible.width, map.width) - sheet->clip.x);
  sheet->clip.height = MAX (0, MIN (visible.y + visible.height, map.height) - sheet->clip.y);
}

static void
stroke_line (cairo_t *cr,
             double   x0,
             double   y0,
             double   x1,
             double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Cut marks continue the printable area's edges into the margin at each
 * corner: cutting along them leaves exactly the printable area. */
static void
draw_cut_marks (cairo_t           *cr,
                const WaymarkRect *area)
{
  double gap = WAYMARK_MM_TO_POINTS (MARK_GAP_MM);
  double length = WAYMARK_MM_TO_POINTS (MARK_LENGTH_MM);
  double xs[2] = { area->x, area->x + area->width };
  double ys[2] = { area->y, area->y + area->height };

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, MARK_LINE_PT);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        double dx = i == 0 ? -1 : 1;
        double dy = j == 0 ? -1 : 1;

        stroke_line (cr, xs[i] + dx * gap, ys[j], xs[i] + dx * (gap + length), ys[j]);
        stroke_line (cr, xs[i], ys[j] + dy * gap, xs[i], ys[j] + dy * (gap + length));
      }
}

/* A small filled triangle in the margin pointing at (x, y) on the
 * printable area's edge, from direction (dx, dy). */
static void
draw_pointer (cairo_t *cr,
              double   x,
              double   y,
              double   dx,
              double   dy)
{
  double gap = WAYMARK_MM_TO_POINTS (MARK_GAP_MM);
  double size = WAYMARK_MM_TO_POINTS (2.2);
  double tx = x + dx * gap, ty = y + dy * gap;

  cairo_move_to (cr, tx, ty);
  cairo_line_to (cr, tx + dx * size - dy * size / 2, ty + dy * size - dx * size / 2);
  cairo_line_to (cr, tx + dx * size + dy * size / 2, ty + dy * size + dx * size / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Overlap marks show where a neighbouring sheet's edge goes when the two
 * are taped: the strip between them and the edge appears on both. */
static void
draw_overlap_marks (cairo_t               *cr,
                    const WaymarkPagePlan *plan,
                    const WaymarkSheet    *sheet)
{
  const WaymarkRect *a = &sheet->printable;
  double top = a->y, bottom = a->y + a->height;
  double left = a->x, right = a->x + a->width;

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  if (sheet->column > 0)
    {
      draw_pointer (cr, left + plan->overlap, top, 0, -1);
      draw_pointer (cr, left + plan->overlap, bottom, 0, 1);
    }
  if (sheet->column + 1 < plan->columns)
    {
      draw_pointer (cr, right - plan->overlap, top, 0, -1);
      draw_pointer (cr, right - plan->overlap, bottom, 0, 1);
    }
  if (sheet->row > 0)
    {
      draw_pointer (cr, left, top + plan->overlap, -1, 0);
      draw_pointer (cr, right, top + plan->overlap, 1, 0);
    }
  if (sheet->row + 1 < plan->rows)
    {
      draw_pointer (cr, left, bottom - plan->overlap, -1, 0);
      draw_pointer (cr, right, bottom - plan->overlap, 1, 0);
    }
}

/* A tiny map of the sheets with this one filled, so sheets that fell on
 * the floor go back in their place.  Returns its width. */
static double
draw_overview (cairo_t               *cr,
               const WaymarkPagePlan *plan,
               const WaymarkSheet    *sheet,
               double                 right,
               double                 top)
{
  double height = WAYMARK_MM_TO_POINTS (OVERVIEW_HEIGHT_MM);
  double cell_h = height / plan->rows;
  /* Cells shaped like the sheets, but never taller than the margin allows. */
  double cell_w = MIN (WAYMARK_MM_TO_POINTS (OVERVIEW_CELL_MM), cell_h * plan->page_width / plan->page_height);
  double width, x0;

  width = cell_w * plan->columns;
  x0 = right - width;

  cairo_set_line_width (cr, 0.35);
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        cairo_rectangle (cr, x0 + c * cell_w, top + r * cell_h, cell_w, cell_h);
        if (r == sheet->row && c == sheet->column)
          {
            cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
            cairo_fill_preserve (cr);
          }
        cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
        cairo_stroke (cr);
      }

  return width;
}

const char *
_waymark_page_plan_map_title (WaymarkLayout *layout)
{
  const char *title = waymark_journey_get_text (waymark_layout_get_journey (layout), WAYMARK_FIELD_TITLE);

  return title != NULL && title[0] != '\0' ? title : _("Untitled map");
}

void
_waymark_page_plan_show_label (cairo_t       *cr,
                               WaymarkLayout *layout,
                               const char    *label,
                               double         left,
                               double         top,
                               double         width)
{
  /* The map's own context: device independent, like every export. */
  g_autoptr(PangoLayout) text = pango_layout_new (waymark_layout_get_pango_context (layout));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (WAYMARK_TEXT_FAMILIES);

  pango_font_description_set_absolute_size (font, LABEL_SIZE_PT * PANGO_SCALE);
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, label, -1);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (text, (int) MAX (0, width * PANGO_SCALE));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_move_to (cr, left, top);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

static void
draw_label (cairo_t               *cr,
            const WaymarkPagePlan *plan,
            const WaymarkSheet    *sheet,
            WaymarkLayout         *layout)
{
  g_autofree char *label = NULL;
  const WaymarkRect *a = &sheet->printable;
  double inset = WAYMARK_MM_TO_POINTS (LABEL_INSET_MM);
  double top = a->y + a->height + WAYMARK_MM_TO_POINTS (LABEL_DROP_MM);
  /* Start and end clear of the overlap marks, which sit one overlap in
   * from the corners. */
  double left = a->x + plan->overlap + inset;
  double right = a->x + a->width - plan->overlap - inset;
  double overview_width;

  overview_width = draw_overview (cr, plan, sheet, right, top);

  /* TRANSLATORS: the label on each sheet of a printed poster, so that the
   * sheets can be put together: "row 1, column 2 · Map title" */
  label = g_strdup_printf (_("row %u, column %u · %s"), sheet->row + 1, sheet->column + 1,
                           _waymark_page_plan_map_title (layout));
  _waymark_page_plan_show_label (cr, layout, label, left, top, right - left - inset - overview_width);
}

void
waymark_page_plan_draw_page (const WaymarkPagePlan *plan,
                             guint                  index,
                             WaymarkLayout         *layout,
                             cairo_t               *cr)
{
  WaymarkSheet sheet;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (WAYMARK_IS_LAYOUT (layout));
  g_return_if_fail (cr != NULL);

  if (plan->booklet)
    {
      cairo_save (cr);
      _waymark_booklet_draw_page (plan, index, layout, cr);
      cairo_restore (cr);
      return;
    }

  waymark_page_plan_get_sheet (plan, index, &sheet);

  /* A sheet of a poster may show nothing of the map (a wide map on many
   * rows); it still gets its marks, so the poster stays rectangular. */
  if (sheet.clip.width > 0 && sheet.clip.height > 0)
    {
      cairo_save (cr);
      cairo_transform (cr, &sheet.matrix);
      waymark_painter_paint (layout, cr, plan->poster ? &sheet.clip : NULL,
                             waymark_palette_get (WAYMARK_PALETTE_LIGHT), WAYMARK_PAINT_DEFAULT, NULL);
      cairo_restore (cr);
    }

  if (!plan->poster)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  draw_cut_marks (cr, &sheet.printable);
  draw_overlap_marks (cr, plan, &sheet);
  draw_label (cr, plan, &sheet, layout);
  cairo_restore (cr);
}
