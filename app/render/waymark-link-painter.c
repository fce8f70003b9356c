/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-painter-private.h"

#define LINK_WIDTH 1.75

void
_waymark_paint_link_arrow (cairo_t            *cr,
                           const double        p[8],
                           const WaymarkColor *color,
                           double              width,
                           double              line_alpha)
{
  double dx = p[6] - p[4], dy = p[7] - p[5];
  double len, ux, uy, bx, by;

  /* The arrowhead follows the curve's direction where it arrives. */
  if (fabs (dx) < 1e-6 && fabs (dy) < 1e-6)
    {
      dx = p[6] - p[0];
      dy = p[7] - p[1];
    }
  len = hypot (dx, dy);
  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  bx = p[6] - ux * WM_ARROW_LENGTH;
  by = p[7] - uy * WM_ARROW_LENGTH;

  cairo_save (cr);
  waymark_color_set_source (color, cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  /* A dot marks where the flow starts, unless the link is too short for
   * a dot and a head. */
  if (hypot (p[6] - p[0], p[7] - p[1]) > 3 * WM_ARROW_LENGTH)
    {
      cairo_arc (cr, p[0], p[1], width * 1.4, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  /* The line stops where the head starts, so a translucent colour does
   * not darken under the head. */
  if (line_alpha > 0)
    {
      waymark_color_set_source_alpha (color, line_alpha, cr);
      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, p[2], p[3], p[4], p[5], bx + ux * 0.5, by + uy * 0.5);
      cairo_stroke (cr);
      waymark_color_set_source (color, cr);
    }
  cairo_move_to (cr, p[6], p[7]);
  cairo_line_to (cr, bx - uy * WM_ARROW_WIDTH / 2, by + ux * WM_ARROW_WIDTH / 2);
  cairo_line_to (cr, bx + uy * WM_ARROW_WIDTH / 2, by - ux * WM_ARROW_WIDTH / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The part of the straight run @piece inside @area (Liang-Barsky); FALSE
 * when none. */
static gboolean
clip_run (const WaymarkLinkPiece *piece,
          const WaymarkRect      *area,
          double                  out[4])
{
  const double *p = piece->p;
  double t0 = 0, t1 = 1;
  double dx = p[6] - p[0], dy = p[7] - p[1];
  double edges[4][2] = {
    { -dx, p[0] - area->x }, { dx, area->x + area->width - p[0] },
    { -dy, p[1] - area->y }, { dy, area->y + area->height - p[1] },
  };

  for (guint i = 0; i < 4; i++)
    {
      double q = edges[i][0], r = edges[i][1];

      if (fabs (q) < 1e-12)
        {
          if (r < 0)
            return FALSE;
          continue;
        }
      if (q < 0)
        t0 = MAX (t0, r / q);
      else
        t1 = MIN (t1, r / q);
    }
  if (t0 > t1)
    return FALSE;
  out[0] = p[0] + t0 * dx;
  out[1] = p[1] + t0 * dy;
  out[2] = p[0] + t1 * dx;
  out[3] = p[1] + t1 * dy;
  return TRUE;
}

/* Appends @piece to the path as a subpath of its own, a straight run cut
 * to @area (cairo would otherwise carry a run hundreds of viewports long
 * through stroking and rasterising).  Strokes with round caps and joins
 * cover every point within half the width of the path, so pieces stroked
 * one by one in one cairo_stroke() give the same picture as the whole
 * route; cut ends lie outside the clip. */
static void
path_piece (cairo_t                *cr,
            const WaymarkLinkPiece *piece,
            const WaymarkRect      *area)
{
  const double *p = piece->p;
  double run[4];

  if (piece->curve)
    {
      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
    }
  else if (clip_run (piece, area, run))
    {
      cairo_move_to (cr, run[0], run[1]);
      cairo_line_to (cr, run[2], run[3]);
    }
}

/* A vertical (or horizontal) run: at @key from @lo to @hi. */
typedef struct {
  double key;
  double lo;
  double hi;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

static void
add_line (GArray *out,
          double  x1,
          double  y1,
          double  x2,
          double  y2)
{
  WaymarkStrokePiece piece = { { x1, y1, x1, y1, x2, y2, x2, y2 }, FALSE };

  g_array_append_val (out, piece);
}

/* Links share gutters and corridors, so many runs lie on the same line:
 * overlapping ones are merged and each stretch is stroked once. */
static void
add_runs (GArray   *out,
          GArray   *runs,
          gboolean  vertical)
{
  guint i = 0;

  g_array_sort (runs, compare_runs);
  while (i < runs->len)
    {
      Run merged = g_array_index (runs, Run, i);

      for (i++; i < runs->len; i++)
        {
          const Run *next = &g_array_index (runs, Run, i);

          if (next->key - merged.key > 1e-6 || next->lo > merged.hi)
            break;
          merged.hi = MAX (merged.hi, next->hi);
        }
      if (vertical)
        add_line (out, merged.key, merged.lo, merged.key, merged.hi);
      else
        add_line (out, merged.lo, merged.key, merged.hi, merged.key);
    }
}

static void
path_head (cairo_t                *cr,
           const WaymarkLinkRoute *route)
{
  double ux = route->dir_x, uy = route->dir_y;
  double bx = route->tip_x - ux * route->head_length;
  double by = route->tip_y - uy * route->head_length;
  double half = WM_ARROW_WIDTH / 2 * route->head_length / WM_ARROW_LENGTH;

  cairo_move_to (cr, route->tip_x, route->tip_y);
  cairo_line_to (cr, bx - uy * half, by + ux * half);
  cairo_line_to (cr, bx + uy * half, by - ux * half);
  cairo_close_path (cr);
}

static void
path_dot (cairo_t                *cr,
          const WaymarkLinkRoute *route,
          double                  width)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, route->start_x, route->start_y, width * 1.4, 0, 2 * G_PI);
}

static gboolean
is_marked (WaymarkPaintContext     *pc,
           const WaymarkLinkRoute  *route,
           const WaymarkColor     **color)
{
  if (pc->state == NULL)
    return FALSE;
  if (pc->state->selected && g_hash_table_contains (pc->state->selected, route->link))
    *color = &pc->palette->selection;
  else if (pc->state->hover == (gconstpointer) route->link)
    *color = &pc->palette->hover;
  else
    return FALSE;
  return TRUE;
}

/* A selected or hovered link: whole, wider, in its colour, on top. */
static void
paint_marked (WaymarkPaintContext    *pc,
              WaymarkLinkRoutes      *routes,
              const WaymarkLinkRoute *route,
              const WaymarkColor     *color,
              const WaymarkRect      *area)
{
  cairo_t *cr = pc->cr;
  double width = LINK_WIDTH + 2.5;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint k = 0; k < route->n_pieces; k++)
    path_piece (cr, _waymark_link_routes_get_piece (routes, route->first_piece + k), area);
  waymark_color_set_source (color, cr);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  path_head (cr, route);
  if (route->dot)
    path_dot (cr, route, width);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Under the cards: straight runs gathered by line, the rest as it is,
 * all in one stroke. */
typedef struct {
  GArray *pieces;      /* WaymarkStrokePiece */
  GArray *vertical;    /* Run */
  GArray *horizontal;  /* Run */
} UnderStroke;

static void
under_stroke_init (UnderStroke *under)
{
  under->pieces = g_array_new (FALSE, FALSE, sizeof (WaymarkStrokePiece));
  under->vertical = g_array_new (FALSE, FALSE, sizeof (Run));
  under->horizontal = g_array_new (FALSE, FALSE, sizeof (Run));
}

static void
under_stroke_add (UnderStroke            *under,
                  const WaymarkLinkPiece *piece,
                  const WaymarkRect      *area)
{
  const double *p = piece->p;
  double run[4];

  if (piece->curve)
    {
      WaymarkStrokePiece curve = { { p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7] }, TRUE };

      g_array_append_val (under->pieces, curve);
    }
  else if (p[0] != p[6] && p[1] != p[7])
    {
      if (clip_run (piece, area, run))
        add_line (under->pieces, run[0], run[1], run[2], run[3]);
    }
  else if (clip_run (piece, area, run))
    {
      Run r = p[0] == p[6]
        ? (Run) { run[0], MIN (run[1], run[3]), MAX (run[1], run[3]) }
        : (Run) { run[1], MIN (run[0], run[2]), MAX (run[0], run[2]) };

      g_array_append_val (p[0] == p[6] ? under->vertical : under->horizontal, r);
    }
}

/* Strokes what under_stroke_add() gathered with @cr's source. */
static void
under_stroke_paint (UnderStroke *under,
                    cairo_t     *cr)
{
  add_runs (under->pieces, under->vertical, TRUE);
  add_runs (under->pieces, under->horizontal, FALSE);
  cairo_set_line_width (cr, LINK_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  _waymark_stroke_pieces (cr, (const WaymarkStrokePiece *) (gpointer) under->pieces->data, under->pieces->len);
}

static void
under_stroke_clear (UnderStroke *under)
{
  g_clear_pointer (&under->pieces, g_array_unref);
  g_clear_pointer (&under->vertical, g_array_unref);
  g_clear_pointer (&under->horizontal, g_array_unref);
}

/* On top: the heads and dots. */
static void
path_ends (cairo_t                *cr,
           const WaymarkLinkRoute *route,
           guint                   index)
{
  if (index == route->first_piece && route->dot)
    path_dot (cr, route, LINK_WIDTH);
  if (index == route->first_piece + route->n_pieces - 1)
    path_head (cr, route);
}

void
_waymark_paint_links (WaymarkPaintContext *pc,
                      gboolean             over)
{
  WaymarkLinkRoutes *routes = _waymark_layout_get_link_routes (pc->layout);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) dimmed_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  UnderStroke under, dimmed;
  cairo_t *cr = pc->cr;
  WaymarkRect area;
  guint tested, last_route = G_MAXUINT;
  gboolean dim = FALSE;

  /* Only the pieces that reach into the clip (from the tiles it covers),
   * in route order: a long link costs what shows of it. */
  waymark_rect_inset (&pc->clip, -(WM_ARROW_LENGTH + 2), -(WM_ARROW_LENGTH + 2), &area);
  tested = _waymark_link_routes_query (routes, &area, pieces);
  _waymark_link_routes_sort (pieces);
  if (pc->stats && !over)
    pc->stats->n_links_tested += tested;

  under_stroke_init (&under);
  under_stroke_init (&dimmed);
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint i = 0; i < pieces->len; i++)
    {
      guint index = g_array_index (pieces, guint, i);
      const WaymarkLinkPiece *piece = _waymark_link_routes_get_piece (routes, index);
      const WaymarkLinkRoute *route = _waymark_link_routes_get (routes, piece->route);
      const WaymarkColor *color;

      if (piece->route != last_route)
        {
          last_route = piece->route;
          dim = waymark_layout_is_dimmed (pc->layout, route->link);
          if (pc->stats && !over)
            pc->stats->n_links_painted++;
          if (over && is_marked (pc, route, &color))
            g_array_append_val (marked, piece->route);
        }
      if (is_marked (pc, route, &color))
        continue;
      if (!over)
        under_stroke_add (dim ? &dimmed : &under, piece, &area);
      else if (dim)
        g_array_append_val (dimmed_ends, index);
      else
        path_ends (cr, route, index);
    }
  waymark_color_set_source (&pc->palette->link, cr);
  if (!over)
    under_stroke_paint (&under, cr);
  else
    cairo_fill (cr);
  /* The links of dimmed cards, fainter. */
  waymark_color_set_source_alpha (&pc->palette->link, WM_DIM_ALPHA, cr);
  if (!over)
    under_stroke_paint (&dimmed, cr);
  else if (dimmed_ends->len > 0)
    {
      for (guint i = 0; i < dimmed_ends->len; i++)
        {
          guint index = g_array_index (dimmed_ends, guint, i);
          const WaymarkLinkPiece *piece = _waymark_link_routes_get_piece (routes, index);

          path_ends (cr, _waymark_link_routes_get (routes, piece->route), index);
        }
      cairo_fill (cr);
    }
  under_stroke_clear (&under);
  under_stroke_clear (&dimmed);
  cairo_restore (cr);

  for (guint i = 0; i < marked->len; i++)
    {
      const WaymarkLinkRoute *route = _waymark_link_routes_get (routes, g_array_index (marked, guint, i));
      const WaymarkColor *color;

      if (is_marked (pc, route, &color))
        paint_marked (pc, routes, route, color, &area);
    }
}
