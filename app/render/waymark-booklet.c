/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Booklets: a map too large for one legible office page goes onto pages
 * read in order.  Pages split between phases (and only when the lanes do
 * not fit a page, between lanes); every page repeats the phase header row
 * and the lane headers, so each card shows its phase and its lane.  The
 * header opens the first page, the legend closes the last. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "waymark-page-plan-private.h"
#include "waymark-painter.h"

/* Pages never print larger than the map's natural size. */
#define MAX_SCALE WAYMARK_POINTS_PER_UNIT

/* The label under each page, like a poster sheet's. */
#define LABEL_DROP_MM 1.5

/* The same shapes as one page tries (waymark-page-plan.c). */
static const guint stack_targets[] = { 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, G_MAXUINT };

/* Greedy groups of consecutive @n spans (@starts and @ends, map units)
 * no longer than @room each.  Returns FALSE when one span alone is
 * longer, or the groups would be more than WAYMARK_BOOKLET_MAX_GROUPS. */
static gboolean
group_spans (const double *starts,
             const double *ends,
             guint         n,
             double        room,
             guint        *firsts,
             WaymarkRect  *groups,
             gboolean      across,
             guint        *n_groups)
{
  guint count = 0;

  for (guint i = 0; i < n;)
    {
      guint j = i;

      if (ends[i] - starts[i] > room + 1e-6 || count == WAYMARK_BOOKLET_MAX_GROUPS)
        return FALSE;
      while (j + 1 < n && ends[j + 1] - starts[i] <= room + 1e-6)
        j++;
      firsts[count] = i;
      if (across)
        groups[count] = WAYMARK_RECT_INIT (starts[i], 0, ends[j] - starts[i], 0);
      else
        groups[count] = WAYMARK_RECT_INIT (0, starts[i], 0, ends[j] - starts[i]);
      count++;
      i = j + 1;
    }
  *n_groups = count;
  return count > 0;
}

/* The pages of the booklet at @scale points per map unit, with @layout's
 * current shape.  Sets @layout's frame width (the header and legend wrap
 * at the page) and page breaks.  Returns FALSE when the map cannot be
 * split at this scale. */
static gboolean
plan_at (WaymarkPagePlan *plan,
         WaymarkLayout   *layout,
         double           scale)
{
  WaymarkJourney *journey = waymark_layout_get_journey (layout);
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  WaymarkBookletPlan *pages = &plan->pages;
  double printable_width = plan->page_width - 2 * plan->margin;
  double printable_height = plan->page_height - 2 * plan->margin;
  double room_width = printable_width / scale;
  double room_height = printable_height / scale;
  g_autofree double *starts = NULL;
  g_autofree double *ends = NULL;
  guint firsts[WAYMARK_BOOKLET_MAX_GROUPS];
  WaymarkRect header, grid, rect;
  double map_width, map_height, half_gap = 0, last_used;

  if (phases->len == 0 || lanes->len == 0)
    return FALSE;

  plan->scale = scale;
  waymark_layout_get_header_rect (layout, &header);
  /* The header and the legend: a page wide, less the map's margins. */
  waymark_layout_set_frame_width (layout, room_width - 2 * header.x);
  waymark_layout_set_page_breaks (layout, NULL, 0);
  waymark_layout_get_header_rect (layout, &header);
  waymark_layout_get_grid_rect (layout, &grid);
  waymark_layout_get_size (layout, &map_width, &map_height);

  pages->top = header.y;

  /* Across: whole phases, each with half the gutters beside it (the
   * phase chevrons and link arrows reach into them). */
  starts = g_new (double, MAX (phases->len, lanes->len));
  ends = g_new (double, MAX (phases->len, lanes->len));
  if (phases->len > 1)
    {
      WaymarkRect first, second;

      waymark_layout_get_phase_rect (layout, g_ptr_array_index (phases, 0), &first);
      waymark_layout_get_phase_rect (layout, g_ptr_array_index (phases, 1), &second);
      half_gap = MAX (0, second.x - (first.x + first.width)) / 2;
    }
  for (guint i = 0; i < phases->len; i++)
    {
      waymark_layout_get_phase_rect (layout, g_ptr_array_index (phases, i), &rect);
      starts[i] = rect.x - half_gap;
      ends[i] = rect.x + rect.width + half_gap;
    }
  /* The lane headers on the left (up to the first phase's gutter) and
   * the map's margin on the right. */
  pages->lanes_width = grid.x - half_gap;
  if (!group_spans (starts, ends, phases->len, room_width - pages->lanes_width - header.x,
                    pages->first_columns, pages->column_groups, TRUE, &pages->n_column_groups))
    return FALSE;
  waymark_layout_set_page_breaks (layout, pages->first_columns, pages->n_column_groups);

  /* Down: the header (on every page's count, so that all pages split
   * the lanes alike), the phase row, whole lanes. */
  waymark_layout_get_phase_header_rect (layout, g_ptr_array_index (phases, 0), &rect);
  pages->phases_y = rect.y;
  waymark_layout_get_lane_rect (layout, g_ptr_array_index (lanes, 0), &rect);
  pages->phases_height = rect.y - pages->phases_y;
  for (guint i = 0; i < lanes->len; i++)
    {
      waymark_layout_get_lane_rect (layout, g_ptr_array_index (lanes, i), &rect);
      starts[i] = rect.y;
      ends[i] = rect.y + rect.height;
    }
  if (!group_spans (starts, ends, lanes->len, room_height - pages->phases_y - pages->phases_height - header.y,
                    firsts, pages->row_groups, FALSE, &pages->n_row_groups))
    return FALSE;

  /* The map's size may have changed with the page breaks (more emotion
   * notes listed below the legend). */
  waymark_layout_get_size (layout, &map_width, &map_height);
  plan->map_width = map_width;
  plan->map_height = map_height;
  pages->header = WAYMARK_RECT_INIT (0, 0, MIN (map_width, header.width + 2 * header.x), pages->phases_y);
  pages->legend = WAYMARK_RECT_INIT (0, ends[lanes->len - 1], pages->header.width,
                                     map_height - ends[lanes->len - 1]);
  if (pages->legend.height > room_height)
    return FALSE;

  /* The legend follows the last lanes when it fits below them. */
  last_used = (pages->n_column_groups * pages->n_row_groups == 1 ? pages->phases_y : pages->top) +
              pages->phases_height + pages->row_groups[pages->n_row_groups - 1].height;
  pages->legend_page = last_used + pages->legend.height > room_height + 1e-6;
  return TRUE;
}

gboolean
_waymark_booklet_plan (WaymarkPagePlan *plan,
                       WaymarkLayout   *layout,
                       double           page_width,
                       double           page_height)
{
  double legible, lo, hi;
  guint best_stack = 0, best_pages = G_MAXUINT;

  waymark_page_plan_init (plan, 0, 0, page_width, page_height, 1, 1);
  plan->booklet = TRUE;

  waymark_layout_set_density (layout, WAYMARK_LAYOUT_DENSITY_PRINT);
  waymark_layout_set_max_slots (layout, WAYMARK_LAYOUT_MAX_SLOTS);
  legible = WAYMARK_BOOKLET_TITLE_PT / waymark_layout_get_text_size (layout, WAYMARK_TEXT_CARD_TITLE);

  /* The shape that needs the fewest pages at the legible size; on a tie
   * the squarer stacks (tried first). */
  for (guint i = 0; i < G_N_ELEMENTS (stack_targets); i++)
    {
      waymark_layout_set_stack_target (layout, stack_targets[i]);
      if (plan_at (plan, layout, legible) && _waymark_booklet_get_n_pages (plan) < best_pages)
        {
          best_pages = _waymark_booklet_get_n_pages (plan);
          best_stack = stack_targets[i];
        }
    }
  if (best_pages == G_MAXUINT)
    return FALSE;
  waymark_layout_set_stack_target (layout, best_stack);

  /* Then as large as those pages allow: the largest scale that still
   * needs no more of them. */
  lo = legible;
  hi = MAX (legible, MAX_SCALE);
  if (plan_at (plan, layout, hi) && _waymark_booklet_get_n_pages (plan) <= best_pages)
    lo = hi;
  for (guint step = 0; step < 12 && hi - lo > 0.002; step++)
    {
      double mid = (lo + hi) / 2;

      if (plan_at (plan, layout, mid) && _waymark_booklet_get_n_pages (plan) <= best_pages)
        lo = mid;
      else
        hi = mid;
    }
  return plan_at (plan, layout, lo);
}

guint
_waymark_booklet_get_n_pages (const WaymarkPagePlan *plan)
{
  const WaymarkBookletPlan *pages = &plan->pages;

  return pages->n_column_groups * pages->n_row_groups + (pages->legend_page ? 1 : 0);
}

/* Where page @index shows which group (the legend's own page has
 * *row == n_row_groups). */
static void
page_groups (const WaymarkPagePlan *plan,
             guint                  index,
             guint                 *column,
             guint                 *row)
{
  const WaymarkBookletPlan *pages = &plan->pages;
  guint n = pages->n_column_groups * pages->n_row_groups;

  if (index >= n)
    {
      *column = pages->n_column_groups - 1;
      *row = pages->n_row_groups;
      return;
    }
  /* Reading order: all lanes of some phases, then the next phases. */
  *column = index / pages->n_row_groups;
  *row = index % pages->n_row_groups;
}

/* A part of the map (@clip, map units) drawn with its top-left corner at
 * (@x, @y) map units from the printable corner. */
static void
piece_matrix (const WaymarkPagePlan *plan,
              const WaymarkRect     *clip,
              double                 x,
              double                 y,
              cairo_matrix_t        *matrix)
{
  cairo_matrix_init (matrix, plan->scale, 0, 0, plan->scale,
                     plan->margin + (x - clip->x) * plan->scale,
                     plan->margin + (y - clip->y) * plan->scale);
}

static WaymarkRect
cells_clip (const WaymarkPagePlan *plan,
            guint                  column,
            guint                  row)
{
  const WaymarkRect *across = &plan->pages.column_groups[column];
  const WaymarkRect *down = &plan->pages.row_groups[row];

  return WAYMARK_RECT_INIT (across->x, down->y, across->width, down->height);
}

void
_waymark_booklet_get_sheet (const WaymarkPagePlan *plan,
                            guint                  index,
                            WaymarkSheet          *sheet)
{
  guint column, row;

  page_groups (plan, index, &column, &row);
  sheet->row = row;
  sheet->column = column;
  sheet->printable = WAYMARK_RECT_INIT (plan->margin, plan->margin, plan->page_width - 2 * plan->margin,
                                        plan->page_height - 2 * plan->margin);
  if (row >= plan->pages.n_row_groups)
    {
      sheet->clip = plan->pages.legend;
      piece_matrix (plan, &sheet->clip, 0, plan->pages.top, &sheet->matrix);
      return;
    }
  sheet->clip = cells_clip (plan, column, row);
  piece_matrix (plan, &sheet->clip, plan->pages.lanes_width,
                (index == 0 ? plan->pages.phases_y : plan->pages.top) + plan->pages.phases_height, &sheet->matrix);
}

static void
paint_piece (const WaymarkPagePlan *plan,
             WaymarkLayout         *layout,
             cairo_t               *cr,
             const WaymarkRect     *clip,
             double                 x,
             double                 y)
{
  cairo_matrix_t matrix;

  if (clip->width <= 0 || clip->height <= 0)
    return;
  piece_matrix (plan, clip, x, y, &matrix);
  cairo_save (cr);
  cairo_transform (cr, &matrix);
  waymark_painter_paint (layout, cr, clip, waymark_palette_get (WAYMARK_PALETTE_LIGHT), WAYMARK_PAINT_DEFAULT, NULL);
  cairo_restore (cr);
}

void
_waymark_booklet_draw_page (const WaymarkPagePlan *plan,
                            guint                  index,
                            WaymarkLayout         *layout,
                            cairo_t               *cr)
{
  const WaymarkBookletPlan *pages = &plan->pages;
  guint n_pages = _waymark_booklet_get_n_pages (plan);
  g_autofree char *label = NULL;
  guint column, row;
  double y;

  page_groups (plan, index, &column, &row);
  if (row >= pages->n_row_groups)
    {
      paint_piece (plan, layout, cr, &pages->legend, 0, pages->top);
    }
  else
    {
      WaymarkRect phases = WAYMARK_RECT_INIT (pages->column_groups[column].x, pages->phases_y,
                                              pages->column_groups[column].width, pages->phases_height);
      WaymarkRect lanes = WAYMARK_RECT_INIT (0, pages->row_groups[row].y, pages->lanes_width,
                                             pages->row_groups[row].height);
      WaymarkRect cells = cells_clip (plan, column, row);

      y = pages->top;
      if (index == 0)
        {
          paint_piece (plan, layout, cr, &pages->header, 0, 0);
          y = pages->phases_y;
        }
      paint_piece (plan, layout, cr, &phases, pages->lanes_width, y);
      y += pages->phases_height;
      paint_piece (plan, layout, cr, &lanes, 0, y);
      paint_piece (plan, layout, cr, &cells, pages->lanes_width, y);
      if (cells.width > 0 && cells.height > 0)
        {
          cairo_matrix_t matrix;

          piece_matrix (plan, &cells, pages->lanes_width, y, &matrix);
          _waymark_booklet_draw_link_markers (plan, index, layout, cr, &cells, &matrix);
        }
      y += cells.height;
      if (index + 1 == n_pages)
        paint_piece (plan, layout, cr, &pages->legend, 0, y);
    }

  /* TRANSLATORS: the label under each page of a printed booklet:
   * "Map title · page 2 of 5" */
  label = g_strdup_printf (_("%s · page %u of %u"), _waymark_page_plan_map_title (layout), index + 1, n_pages);
  _waymark_page_plan_show_label (cr, layout, label, plan->margin,
                                 plan->page_height - plan->margin + WAYMARK_MM_TO_POINTS (LABEL_DROP_MM),
                                 plan->page_width - 2 * plan->margin);
}
