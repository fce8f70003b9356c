/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Links between pages of a booklet.  A page shows only its part of the
 * map, so a link to a card on another page would end at the page's edge
 * with nowhere to go.  Where it leaves the page, a marker names the page
 * and the card it goes to ("→ page 3: Checkout"); where it comes in, the
 * page and the card it comes from ("← page 1: Instagram ad"). */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-layout-private.h"
#include "waymark-page-plan-private.h"
#include "waymark-text-cache.h"

/* Small, but as large as the page label's text and legible on paper. */
#define MARKER_SIZE_PT   7.0
#define MARKER_WIDTH_PT  130.0
#define MARKER_PAD_PT    2.0

/* The page (0-based, reading order) that shows the map point (@x, @y),
 * or G_MAXUINT. */
static guint
page_at (const WaymarkPagePlan *plan,
         double                 x,
         double                 y)
{
  const WaymarkBookletPlan *pages = &plan->pages;

  for (guint c = 0; c < pages->n_column_groups; c++)
    {
      const WaymarkRect *across = &pages->column_groups[c];

      if (x < across->x || x >= across->x + across->width)
        continue;
      for (guint r = 0; r < pages->n_row_groups; r++)
        {
          const WaymarkRect *down = &pages->row_groups[r];

          if (y >= down->y && y < down->y + down->height)
            return c * pages->n_row_groups + r;
        }
    }
  return G_MAXUINT;
}

static guint
card_page (const WaymarkPagePlan *plan,
           WaymarkLayout         *layout,
           gconstpointer          card)
{
  WaymarkRect rect;

  if (!waymark_layout_get_card_rect (layout, card, &rect))
    return G_MAXUINT;
  return page_at (plan, rect.x + rect.width / 2, rect.y + rect.height / 2);
}

static gboolean
inside (const WaymarkRect *rect,
        double             x,
        double             y)
{
  return x >= rect->x && x <= rect->x + rect->width && y >= rect->y && y <= rect->y + rect->height;
}

/* Where the straight run from (@ax, @ay), inside @rect, to (@bx, @by),
 * outside, crosses @rect's edge. */
static void
edge_point (const WaymarkRect *rect,
            double             ax,
            double             ay,
            double             bx,
            double             by,
            double            *x,
            double            *y)
{
  double in = 0, out = 1;

  for (int i = 0; i < 30; i++)
    {
      double t = (in + out) / 2;

      if (inside (rect, ax + (bx - ax) * t, ay + (by - ay) * t))
        in = t;
      else
        out = t;
    }
  *x = ax + (bx - ax) * in;
  *y = ay + (by - ay) * in;
}

/* Where @route crosses the edge of @rect: leaving it (@leaving, from its
 * start) or coming in (from its tip backwards).  FALSE when it does not. */
static gboolean
crossing (WaymarkLinkRoutes      *routes,
          const WaymarkLinkRoute *route,
          const WaymarkRect      *rect,
          gboolean                leaving,
          double                 *x,
          double                 *y)
{
  for (guint k = 0; k < route->n_pieces; k++)
    {
      guint i = leaving ? k : route->n_pieces - 1 - k;
      const WaymarkLinkPiece *piece = _waymark_link_routes_get_piece (routes, route->first_piece + i);
      /* Along the route's direction of travel: @near is on the page. */
      double near_x = leaving ? piece->p[0] : piece->p[6], near_y = leaving ? piece->p[1] : piece->p[7];
      double far_x = leaving ? piece->p[6] : piece->p[0], far_y = leaving ? piece->p[7] : piece->p[1];

      if (inside (rect, near_x, near_y) && !inside (rect, far_x, far_y))
        {
          edge_point (rect, near_x, near_y, far_x, far_y, x, y);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
overlaps_any (GArray            *taken,
              const WaymarkRect *box)
{
  for (guint i = 0; i < taken->len; i++)
    {
      const WaymarkRect *other = &g_array_index (taken, WaymarkRect, i);

      if (box->x < other->x + other->width && other->x < box->x + box->width &&
          box->y < other->y + other->height && other->y < box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* The marker's box at the edge point (@x, @y) (points), inside @area,
 * against the edge it crosses; moved along that edge to the nearest place
 * that covers no card and no other marker (@taken, which it joins), with
 * a short line back to the point when it had to move. */
static void
draw_marker (cairo_t           *cr,
             WaymarkLayout     *layout,
             const WaymarkRect *area,
             GArray            *taken,
             double             x,
             double             y,
             const char        *text)
{
  g_autoptr(PangoLayout) marker = pango_layout_new (waymark_layout_get_pango_context (layout));
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (WAYMARK_TEXT_FAMILIES);
  gboolean vertical_edge = x >= area->x + area->width - 1 || x <= area->x + 1;
  WaymarkRect box, best;
  int text_width, text_height;

  pango_font_description_set_absolute_size (font, MARKER_SIZE_PT * PANGO_SCALE);
  pango_layout_set_font_description (marker, font);
  pango_layout_set_text (marker, text, -1);
  /* Whole titles, never an ellipsis: long ones take more lines. */
  pango_layout_set_wrap (marker, PANGO_WRAP_WORD);
  pango_layout_set_width (marker, (int) (MARKER_WIDTH_PT * PANGO_SCALE));
  pango_layout_get_size (marker, &text_width, &text_height);
  box.width = (double) text_width / PANGO_SCALE + 2 * MARKER_PAD_PT;
  box.height = (double) text_height / PANGO_SCALE + 2 * MARKER_PAD_PT;

  box.x = x - box.width / 2;
  box.y = y - box.height / 2;
  if (x >= area->x + area->width - 1)
    box.x = area->x + area->width - box.width;
  else if (x <= area->x + 1)
    box.x = area->x;
  if (y >= area->y + area->height - 1)
    box.y = area->y + area->height - box.height;
  else if (y <= area->y + 1)
    box.y = area->y;

  /* Along the edge, nearest first: 0, +1, −1, +2, … steps. */
  best = box;
  for (int step = 0; step < 400; step++)
    {
      double shift = (step + 1) / 2 * 4.0 * (step % 2 == 0 ? -1 : 1);
      WaymarkRect candidate = box;

      if (vertical_edge)
        candidate.y += shift;
      else
        candidate.x += shift;
      candidate.x = CLAMP (candidate.x, area->x, MAX (area->x, area->x + area->width - candidate.width));
      candidate.y = CLAMP (candidate.y, area->y, MAX (area->y, area->y + area->height - candidate.height));
      if (!overlaps_any (taken, &candidate))
        {
          best = candidate;
          break;
        }
      if (step == 0)
        best = candidate;
    }
  g_array_append_val (taken, best);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (y < best.y || y > best.y + best.height || x < best.x || x > best.x + best.width)
    {
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, CLAMP (x, best.x, best.x + best.width), CLAMP (y, best.y, best.y + best.height));
      cairo_stroke (cr);
    }
  cairo_rectangle (cr, best.x, best.y, best.width, best.height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_stroke (cr);
  cairo_move_to (cr, best.x + MARKER_PAD_PT, best.y + MARKER_PAD_PT);
  pango_cairo_show_layout (cr, marker);
  cairo_restore (cr);
}

/* The cards of the page, in points: the markers keep off them. */
static GArray *
card_boxes (WaymarkLayout        *layout,
            const WaymarkRect    *cells,
            const cairo_matrix_t *matrix)
{
  WaymarkJourney *journey = waymark_layout_get_journey (layout);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (WaymarkRect));
  const WaymarkItemType types[] = { WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_NOTE };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GPtrArray *items = waymark_journey_get_items (journey, types[t]);

      for (guint i = 0; i < items->len; i++)
        {
          WaymarkRect rect;
          double x0, y0, x1, y1;

          if (!waymark_layout_get_card_rect (layout, g_ptr_array_index (items, i), &rect) ||
              rect.x + rect.width < cells->x || rect.x > cells->x + cells->width ||
              rect.y + rect.height < cells->y || rect.y > cells->y + cells->height)
            continue;
          x0 = rect.x, y0 = rect.y, x1 = rect.x + rect.width, y1 = rect.y + rect.height;
          cairo_matrix_transform_point (matrix, &x0, &y0);
          cairo_matrix_transform_point (matrix, &x1, &y1);
          rect = WAYMARK_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
          g_array_append_val (boxes, rect);
        }
    }
  return boxes;
}

static char *
marker_text (gboolean                 leaving,
             guint                    page,
             const WaymarkTouchpoint *other)
{
  const char *title = other->title != NULL ? other->title : "";

  if (leaving)
    /* TRANSLATORS: on a booklet page, where a link leaves it for a card
     * on another page: "→ page 3: Checkout" */
    return g_strdup_printf (_("→ page %u: %s"), page, title);
  /* TRANSLATORS: on a booklet page, where a link comes in from a card on
   * another page: "← page 1: Instagram ad" */
  return g_strdup_printf (_("← page %u: %s"), page, title);
}

void
_waymark_booklet_draw_link_markers (const WaymarkPagePlan *plan,
                                    guint                  index,
                                    WaymarkLayout         *layout,
                                    cairo_t               *cr,
                                    const WaymarkRect     *cells,
                                    const cairo_matrix_t  *matrix)
{
  WaymarkLinkRoutes *routes = _waymark_layout_get_link_routes (layout);
  guint n = _waymark_link_routes_get_n (routes);
  g_autoptr(GArray) taken = card_boxes (layout, cells, matrix);
  WaymarkRect area;
  double x0 = cells->x, y0 = cells->y, x1 = cells->x + cells->width, y1 = cells->y + cells->height;

  cairo_matrix_transform_point (matrix, &x0, &y0);
  cairo_matrix_transform_point (matrix, &x1, &y1);
  area = WAYMARK_RECT_INIT (x0, y0, x1 - x0, y1 - y0);

  for (guint i = 0; i < n; i++)
    {
      const WaymarkLinkRoute *route = _waymark_link_routes_get (routes, i);
      guint from = card_page (plan, layout, route->link->from);
      guint to = card_page (plan, layout, route->link->to);
      gboolean leaving = from == index;
      g_autofree char *text = NULL;
      double x, y;

      if (from == to || from == G_MAXUINT || to == G_MAXUINT || (from != index && to != index))
        continue;
      if (!crossing (routes, route, cells, leaving, &x, &y))
        continue;
      cairo_matrix_transform_point (matrix, &x, &y);
      text = marker_text (leaving, (leaving ? to : from) + 1, leaving ? route->link->to : route->link->from);
      draw_marker (cr, layout, &area, taken, x, y, text);
    }
}
