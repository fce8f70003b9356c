/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-layout-private.h"

/* Links are routed like lines on a metro map: a link leaves its card from
 * the side facing the target, runs in the gutters between cards (slot
 * gutters and the gaps between columns run the whole height of a column)
 * and in the corridors between bands and lanes, and arrives horizontally
 * at the target's edge.  So no link runs across another card's text.
 *
 * Every route is cut into pieces (straight runs and rounded corners, each
 * with its box), and the pieces are put in a grid of tiles: a viewport
 * visits only the tiles it covers and strokes only the pieces that reach
 * into it, however long the link is.  The routes are built on first use
 * after any change (O(links), each with a few binary searches) and kept
 * until the next one. */

#define CORNER_RADIUS 8.0
#define CLEARANCE     3.0     /* a run keeps this far from the cards */
#define TIGHT_ARRIVAL 9.5     /* the last run when arriving through a slot gutter */
#define TILE_SIZE     512.0
#define PIECE_MARGIN  4.0     /* half the widest stroke (selection), and a little more */
#define KAPPA         0.5523  /* a quarter circle as a cubic */

struct _WaymarkLinkRoutes
{
  GArray *routes;           /* WaymarkLinkRoute, in the journey's link order */
  GArray *pieces;           /* WaymarkLinkPiece, each route's pieces in a run */
  /* Pieces by tile: tile t holds items[start[t] .. start[t + 1]). */
  double x0, y0;
  guint nx, ny;
  guint *start;
  guint *items;
};

void
_waymark_link_routes_free (WaymarkLinkRoutes *routes)
{
  if (routes == NULL)
    return;
  g_array_unref (routes->routes);
  g_array_unref (routes->pieces);
  g_free (routes->start);
  g_free (routes->items);
  g_free (routes);
}

const WaymarkLinkRoute *
_waymark_link_routes_get (WaymarkLinkRoutes *routes,
                          guint              index)
{
  return &g_array_index (routes->routes, WaymarkLinkRoute, index);
}

guint
_waymark_link_routes_get_n (WaymarkLinkRoutes *routes)
{
  return routes->routes->len;
}

const WaymarkLinkPiece *
_waymark_link_routes_get_piece (WaymarkLinkRoutes *routes,
                                guint              index)
{
  return &g_array_index (routes->pieces, WaymarkLinkPiece, index);
}

/* ---- where a card is and what is next to it --------------------------- */

typedef struct {
  WaymarkCard *card;
  WaymarkRect rect;
  guint slot;
  guint band;
} End;

static gboolean
end_init (WaymarkLayout *self,
          gconstpointer  item,
          End           *end)
{
  WaymarkCard *card = item ? g_hash_table_lookup (self->cards, item) : NULL;
  guint slots;

  if (card == NULL || card->cell == NULL)
    return FALSE;
  slots = MAX (1, card->cell->n_slots);
  end->card = card;
  _waymark_card_get_rect (card, &end->rect);
  end->slot = card->position % slots;
  end->band = card->position / slots;
  return TRUE;
}

/* Whether the gutter right of @e is a narrow one between slots. */
static gboolean
right_is_slot_gutter (const End *e)
{
  return e->slot + 1 < MAX (1, e->card->cell->n_slots);
}

static gboolean
left_is_slot_gutter (const End *e)
{
  return e->slot > 0;
}

/* The x of the free gutter right of @e: between slots, between columns,
 * or in the last column's padding. */
static double
right_gutter (WaymarkLayout *self,
              const End     *e)
{
  double right = e->rect.x + e->rect.width;
  WaymarkColumn *column = e->card->cell->column;

  if (right_is_slot_gutter (e))
    return right + self->metrics->slot_gap / 2;
  if (column->index + 1 < self->columns->len)
    return (right + _waymark_layout_column (self, column->index + 1)->x + self->metrics->cell_pad) / 2;
  return right + self->metrics->cell_pad / 2;
}

static double
left_gutter (WaymarkLayout *self,
             const End     *e)
{
  WaymarkColumn *column = e->card->cell->column;

  if (left_is_slot_gutter (e))
    return e->rect.x - self->metrics->slot_gap / 2;
  if (column->index > 0)
    {
      WaymarkColumn *prev = _waymark_layout_column (self, column->index - 1);

      return (e->rect.x + prev->x + prev->width - self->metrics->cell_pad) / 2;
    }
  return e->rect.x - self->metrics->cell_pad / 2;
}

/* The corridor above row @r (between it and the row or headers above)
 * and below it. */
static double
corridor_above (WaymarkLayout *self,
                guint          r)
{
  WaymarkRow *row = _waymark_layout_row (self, r);

  return r == 0 ? row->y + (self->metrics->cell_pad - self->metrics->gap) / 2 : row->y - self->metrics->gap / 2;
}

static double
corridor_below (WaymarkLayout *self,
                guint          r)
{
  WaymarkRow *row = _waymark_layout_row (self, r);

  return r + 1 < self->rows->len ? corridor_above (self, r + 1) : row->y + row->height - self->metrics->cell_pad / 2;
}

/* Whether a horizontal run at @y from @x1 to @x2 keeps clear of every
 * card but @a and @b: columns and rows by binary search, cards by band. */
static gboolean
run_is_free (WaymarkLayout *self,
             double         x1,
             double         x2,
             double         y,
             WaymarkCard   *a,
             WaymarkCard   *b)
{
  guint c0, c1, r0, r1;

  if (x1 > x2)
    {
      double t = x1;

      x1 = x2;
      x2 = t;
    }
  if (!_waymark_layout_column_range (self, x1, x2, &c0, &c1) ||
      !_waymark_layout_row_range (self, y - CLEARANCE, y + CLEARANCE, &r0, &r1))
    return TRUE;
  for (guint r = r0; r <= r1; r++)
    {
      WaymarkRow *row = _waymark_layout_row (self, r);

      if (!_waymark_row_holds_cards (row))
        continue;
      for (guint c = c0; c <= c1; c++)
        {
          WaymarkCell *cell = _waymark_layout_cell (self, r, c);
          guint first, last;

          if (!_waymark_cell_band_range (cell, y - CLEARANCE - row->y, y + CLEARANCE - row->y, &first, &last))
            continue;
          for (guint i = first * cell->n_slots; i < MIN ((last + 1) * cell->n_slots, cell->cards->len); i++)
            {
              WaymarkCard *card = g_ptr_array_index (cell->cards, i);
              double cx = cell->column->x + card->x;

              if (card == a || card == b)
                continue;
              if (cx - CLEARANCE < x2 && cx + card->width + CLEARANCE > x1)
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* The corridor to run along between the gutters @gx1 and @gx2 on the way
 * from @a to @b: the card rows of the ends when clear, else a gap between
 * bands next to either end, else a corridor between lanes (always clear);
 * the one that makes the shortest detour. */
static double
pick_corridor (WaymarkLayout *self,
               const End     *a,
               const End     *b,
               double         ay,
               double         by,
               double         gx1,
               double         gx2)
{
  double candidates[8];
  guint n = 0;
  double best = G_MAXDOUBLE, best_y = ay;
  guint ra = a->card->cell->row->index, rb = b->card->cell->row->index;
  const End *ends[2] = { a, b };

  for (guint e = 0; e < 2; e++)
    {
      WaymarkCell *cell = ends[e]->card->cell;
      guint band = ends[e]->band;

      if (band > 0)
        {
          const WaymarkBand *prev = &g_array_index (cell->bands, WaymarkBand, band - 1);
          candidates[n++] = cell->row->y + prev->y + prev->height + self->metrics->band_gap / 2;
        }
      if (band + 1 < cell->bands->len)
        {
          const WaymarkBand *here = &g_array_index (cell->bands, WaymarkBand, band);
          candidates[n++] = cell->row->y + here->y + here->height + self->metrics->band_gap / 2;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      double cost = fabs (ay - candidates[i]) + fabs (candidates[i] - by);

      if (cost < best && run_is_free (self, gx1, gx2, candidates[i], a->card, b->card))
        {
          best = cost;
          best_y = candidates[i];
        }
    }
  for (guint r = MIN (ra, rb); r <= MAX (ra, rb); r++)
    {
      double ys[2] = { corridor_above (self, r), corridor_below (self, r) };

      for (guint k = 0; k < 2; k++)
        {
          double cost = fabs (ay - ys[k]) + fabs (ys[k] - by);

          if (cost < best)
            {
              best = cost;
              best_y = ys[k];
            }
        }
    }
  return best_y;
}

/* ---- routes ------------------------------------------------------------ */

typedef struct {
  double x[8], y[8];
  guint n;
} Polyline;

static void
add_point (Polyline *line,
           double    x,
           double    y)
{
  g_assert (line->n < G_N_ELEMENTS (line->x));
  line->x[line->n] = x;
  line->y[line->n] = y;
  line->n++;
}

/* An orthogonal route from @a to @b (in map units), from the start on
 * @a's edge to the arrow's tip on @b's edge. */
static void
route_points (WaymarkLayout *self,
              const End     *a,
              const End     *b,
              Polyline      *line)
{
  const WaymarkRect *ra = &a->rect, *rb = &b->rect;
  double ay = ra->y + ra->height / 2, by = rb->y + rb->height / 2;
  gboolean forward = rb->x >= ra->x + ra->width;
  gboolean backward = rb->x + rb->width <= ra->x;

  line->n = 0;
  if (forward || backward)
    {
      /* Leave from the side facing the target, arrive at the facing side. */
      double sx = forward ? ra->x + ra->width : ra->x;
      double tx = forward ? rb->x : rb->x + rb->width;
      double gx1 = forward ? right_gutter (self, a) : left_gutter (self, a);
      double gx2 = forward ? left_gutter (self, b) : right_gutter (self, b);
      gboolean tight = forward ? left_is_slot_gutter (b) : right_is_slot_gutter (b);

      /* Through a narrow slot gutter, the vertical run keeps to the far
       * side, leaving room for the arrowhead. */
      if (tight)
        gx2 = forward ? tx - TIGHT_ARRIVAL : tx + TIGHT_ARRIVAL;

      add_point (line, sx, ay);
      if (fabs (ay - by) < 0.5 && run_is_free (self, sx, tx, ay, a->card, b->card))
        ;  /* side by side: straight across */
      else if (fabs (gx1 - gx2) < self->metrics->slot_gap && (forward ? gx2 >= sx : gx2 <= sx))
        {
          /* The same gutter: down it and across. */
          add_point (line, gx2, ay);
          add_point (line, gx2, by);
        }
      else if (run_is_free (self, sx, gx2, ay, a->card, b->card))
        {
          add_point (line, gx2, ay);
          add_point (line, gx2, by);
        }
      else if (run_is_free (self, gx1, tx, by, a->card, b->card))
        {
          add_point (line, gx1, ay);
          add_point (line, gx1, by);
        }
      else
        {
          double cy = pick_corridor (self, a, b, ay, by, gx1, gx2);

          add_point (line, gx1, ay);
          add_point (line, gx1, cy);
          add_point (line, gx2, cy);
          add_point (line, gx2, by);
        }
      add_point (line, tx, by);
      return;
    }

  /* One above the other in the same slot. */
  if (a->card->cell == b->card->cell && (a->band + 1 == b->band || b->band + 1 == a->band))
    {
      /* Neighbours: straight across the gap between the bands. */
      double x = ra->x + ra->width / 2;

      if (b->band > a->band)
        {
          add_point (line, x, ra->y + ra->height);
          add_point (line, x, rb->y);
        }
      else
        {
          add_point (line, x, ra->y);
          add_point (line, x, rb->y + rb->height);
        }
      return;
    }
  {
    /* Further apart: out to the right, along the gutter and back in. */
    double gx = right_gutter (self, a);

    if (right_is_slot_gutter (a))
      gx = ra->x + ra->width + TIGHT_ARRIVAL;
    add_point (line, ra->x + ra->width, ay);
    add_point (line, gx, ay);
    add_point (line, gx, by);
    add_point (line, rb->x + rb->width, by);
  }
}

/* Drops repeated points and points in the middle of a straight run. */
static void
simplify (Polyline *line)
{
  guint n = 0;

  for (guint i = 0; i < line->n; i++)
    {
      if (n > 0 && fabs (line->x[i] - line->x[n - 1]) < 0.01 && fabs (line->y[i] - line->y[n - 1]) < 0.01)
        continue;
      if (n > 1)
        {
          double dx1 = line->x[n - 1] - line->x[n - 2], dy1 = line->y[n - 1] - line->y[n - 2];
          double dx2 = line->x[i] - line->x[n - 1], dy2 = line->y[i] - line->y[n - 1];

          if (fabs (dx1 * dy2 - dy1 * dx2) < 1e-6 && dx1 * dx2 + dy1 * dy2 > 0)
            n--;
        }
      line->x[n] = line->x[i];
      line->y[n] = line->y[i];
      n++;
    }
  line->n = n;
}

static void
piece_box (WaymarkLinkPiece *piece)
{
  guint n = piece->curve ? 4 : 2;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (guint i = 0; i < 4; i++)
    {
      /* A line uses its first and last point. */
      guint k = piece->curve ? i : (i == 0 ? 0 : 3);

      if (!piece->curve && i >= n)
        break;
      x1 = MIN (x1, piece->p[2 * k]);
      x2 = MAX (x2, piece->p[2 * k]);
      y1 = MIN (y1, piece->p[2 * k + 1]);
      y2 = MAX (y2, piece->p[2 * k + 1]);
    }
  piece->box = WAYMARK_RECT_INIT (x1 - PIECE_MARGIN, y1 - PIECE_MARGIN,
                                  x2 - x1 + 2 * PIECE_MARGIN, y2 - y1 + 2 * PIECE_MARGIN);
}

static void
add_line (GArray *pieces,
          guint   route,
          double  x1,
          double  y1,
          double  x2,
          double  y2)
{
  WaymarkLinkPiece piece = { { x1, y1, x1, y1, x2, y2, x2, y2 }, { 0 }, route, FALSE };

  if (fabs (x2 - x1) < 1e-6 && fabs (y2 - y1) < 1e-6)
    return;
  piece_box (&piece);
  g_array_append_val (pieces, piece);
}

static void
add_corner (GArray *pieces,
            guint   route,
            double  x1,
            double  y1,
            double  vx,
            double  vy,
            double  x2,
            double  y2)
{
  WaymarkLinkPiece piece = { { x1, y1,
                               x1 + (vx - x1) * KAPPA, y1 + (vy - y1) * KAPPA,
                               x2 + (vx - x2) * KAPPA, y2 + (vy - y2) * KAPPA,
                               x2, y2 }, { 0 }, route, TRUE };

  piece_box (&piece);
  g_array_append_val (pieces, piece);
}

/* Turns @line into pieces with rounded corners; the last run stops where
 * the arrowhead starts. */
static void
build_route (GArray           *pieces,
             guint             index,
             WaymarkLinkRoute *route,
             Polyline         *line)
{
  double len[8], radius[8] = { 0 };
  double x, y;
  guint last = line->n - 1;
  double head;

  for (guint i = 0; i < last; i++)
    len[i] = hypot (line->x[i + 1] - line->x[i], line->y[i + 1] - line->y[i]);

  route->start_x = line->x[0];
  route->start_y = line->y[0];
  route->tip_x = line->x[last];
  route->tip_y = line->y[last];
  route->dir_x = (line->x[last] - line->x[last - 1]) / len[last - 1];
  route->dir_y = (line->y[last] - line->y[last - 1]) / len[last - 1];
  /* The head fits its last run, the corner before it what is left. */
  head = MIN (WM_ARROW_LENGTH, MAX (len[last - 1] - 1.5, 4.0));
  route->head_length = head;

  for (guint i = 1; i < last; i++)
    {
      /* The first and last runs have one corner, the others two. */
      double before = i == 1 ? len[0] : len[i - 1] / 2;
      double after = i + 1 == last ? len[i] - head : len[i] / 2;

      radius[i] = CLAMP (MIN (before, after), 0, CORNER_RADIUS);
    }

  route->first_piece = pieces->len;
  x = line->x[0];
  y = line->y[0];
  for (guint i = 0; i < last; i++)
    {
      double ux = (line->x[i + 1] - line->x[i]) / len[i], uy = (line->y[i + 1] - line->y[i]) / len[i];
      double ex, ey;

      if (i + 1 == last)
        {
          /* Under the head by half a unit, so there is no gap. */
          ex = line->x[last] - ux * (head - 0.5);
          ey = line->y[last] - uy * (head - 0.5);
          add_line (pieces, index, x, y, ex, ey);
        }
      else
        {
          double r = radius[i + 1];
          double vx = line->x[i + 1], vy = line->y[i + 1];
          double nx = (line->x[i + 2] - vx) / len[i + 1], ny = (line->y[i + 2] - vy) / len[i + 1];

          ex = vx - ux * r;
          ey = vy - uy * r;
          add_line (pieces, index, x, y, ex, ey);
          x = vx + nx * r;
          y = vy + ny * r;
          if (r > 0.01)
            add_corner (pieces, index, ex, ey, vx, vy, x, y);
        }
    }
  route->n_pieces = pieces->len - route->first_piece;

  {
    double length = 0;

    for (guint i = 0; i < last; i++)
      length += len[i];
    route->dot = length > 3 * WM_ARROW_LENGTH;
  }
}

static void
build_index (WaymarkLayout     *self,
             WaymarkLinkRoutes *routes)
{
  guint n_tiles;
  g_autofree guint *fill = NULL;

  routes->x0 = 0;
  routes->y0 = 0;
  routes->nx = (guint) ceil (MAX (self->width, 1) / TILE_SIZE) + 1;
  routes->ny = (guint) ceil (MAX (self->height, 1) / TILE_SIZE) + 1;
  n_tiles = routes->nx * routes->ny;
  routes->start = g_new0 (guint, n_tiles + 1);
  fill = g_new0 (guint, n_tiles);

  /* Count, then fill (compressed rows). */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < routes->pieces->len; i++)
        {
          const WaymarkLinkPiece *piece = &g_array_index (routes->pieces, WaymarkLinkPiece, i);
          guint tx0, tx1, ty0, ty1;

          _waymark_link_routes_tiles (routes, &piece->box, &tx0, &tx1, &ty0, &ty1);
          for (guint ty = ty0; ty <= ty1; ty++)
            for (guint tx = tx0; tx <= tx1; tx++)
              {
                guint t = ty * routes->nx + tx;

                if (pass == 0)
                  routes->start[t + 1]++;
                else
                  routes->items[routes->start[t] + fill[t]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint t = 0; t < n_tiles; t++)
            routes->start[t + 1] += routes->start[t];
          routes->items = g_new (guint, MAX (routes->start[n_tiles], 1));
        }
    }
}

void
_waymark_link_routes_tiles (WaymarkLinkRoutes *routes,
                            const WaymarkRect *rect,
                            guint             *tx0,
                            guint             *tx1,
                            guint             *ty0,
                            guint             *ty1)
{
  double fx0 = floor ((rect->x - routes->x0) / TILE_SIZE);
  double fx1 = floor ((rect->x + rect->width - routes->x0) / TILE_SIZE);
  double fy0 = floor ((rect->y - routes->y0) / TILE_SIZE);
  double fy1 = floor ((rect->y + rect->height - routes->y0) / TILE_SIZE);

  *tx0 = (guint) CLAMP (fx0, 0, routes->nx - 1);
  *tx1 = (guint) CLAMP (fx1, 0, routes->nx - 1);
  *ty0 = (guint) CLAMP (fy0, 0, routes->ny - 1);
  *ty1 = (guint) CLAMP (fy1, 0, routes->ny - 1);
}

guint
_waymark_link_routes_query (WaymarkLinkRoutes *routes,
                            const WaymarkRect *rect,
                            GArray            *out)
{
  guint tx0, tx1, ty0, ty1;
  guint tested = 0;

  g_array_set_size (out, 0);
  _waymark_link_routes_tiles (routes, rect, &tx0, &tx1, &ty0, &ty1);
  for (guint ty = ty0; ty <= ty1; ty++)
    for (guint tx = tx0; tx <= tx1; tx++)
      {
        guint t = ty * routes->nx + tx;

        for (guint k = routes->start[t]; k < routes->start[t + 1]; k++)
          {
            guint i = routes->items[k];
            const WaymarkLinkPiece *piece = &g_array_index (routes->pieces, WaymarkLinkPiece, i);
            WaymarkRect corner;
            guint cx0, cx1, cy0, cy1;

            tested++;
            if (!waymark_rect_intersects (&piece->box, rect))
              continue;
            /* A piece in several tiles counts once: in the tile that
             * holds the top-left corner of its overlap with @rect. */
            corner = WAYMARK_RECT_INIT (MAX (piece->box.x, rect->x), MAX (piece->box.y, rect->y), 0, 0);
            _waymark_link_routes_tiles (routes, &corner, &cx0, &cx1, &cy0, &cy1);
            if (cx0 != tx || cy0 != ty)
              continue;
            g_array_append_val (out, i);
          }
      }
  return tested;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

void
_waymark_link_routes_sort (GArray *pieces)
{
  g_array_sort (pieces, compare_uint);
}

/* ---- arrowheads apart ------------------------------------------------ */

typedef struct {
  WaymarkLink *link;
  Polyline line;
  WaymarkRect from;     /* the cards the route leaves and reaches */
  WaymarkRect to;
  double order_x;       /* the tip's x before any shift, for the sweep */
} PlannedRoute;

#define HEAD_SHIFT   (WM_ARROW_WIDTH + 2.0)   /* one step sideways */
#define HEAD_STEPS   8                        /* at most four steps either way */
#define HEAD_REACH   (2 * WM_ARROW_LENGTH + HEAD_STEPS * HEAD_SHIFT)  /* heads further apart in x never meet */

/* The box around the arrowhead of @line, a little smaller than the
 * triangle's so that heads side by side may touch but not cover. */
static void
head_box (const Polyline *line,
          WaymarkRect    *box)
{
  guint last = line->n - 1;
  double dx = line->x[last] - line->x[last - 1], dy = line->y[last] - line->y[last - 1];
  double len = hypot (dx, dy);
  double ux = dx / len, uy = dy / len;
  double head = MIN (WM_ARROW_LENGTH, len);
  double bx = line->x[last] - ux * head, by = line->y[last] - uy * head;
  double x1 = MIN (line->x[last], MIN (bx - uy * WM_ARROW_WIDTH / 2, bx + uy * WM_ARROW_WIDTH / 2));
  double x2 = MAX (line->x[last], MAX (bx - uy * WM_ARROW_WIDTH / 2, bx + uy * WM_ARROW_WIDTH / 2));
  double y1 = MIN (line->y[last], MIN (by - ux * WM_ARROW_WIDTH / 2, by + ux * WM_ARROW_WIDTH / 2));
  double y2 = MAX (line->y[last], MAX (by - ux * WM_ARROW_WIDTH / 2, by + ux * WM_ARROW_WIDTH / 2));

  *box = WAYMARK_RECT_INIT (x1 + 0.5, y1 + 0.5, MAX (x2 - x1 - 1, 0), MAX (y2 - y1 - 1, 0));
}

/* Whether @line's tip (and its start, when the route is one straight run)
 * still lies on the cards' edges. */
static gboolean
ends_on_cards (const PlannedRoute *route,
               const Polyline     *line)
{
  guint last = line->n - 1;
  gboolean across = fabs (line->y[last] - line->y[last - 1]) < 1e-6;
  const double inset = 4.0;

  if (across)
    return line->y[last] >= route->to.y + inset && line->y[last] <= route->to.y + route->to.height - inset &&
           (line->n > 2 || (line->y[0] >= route->from.y + inset &&
                            line->y[0] <= route->from.y + route->from.height - inset));
  return line->x[last] >= route->to.x + inset && line->x[last] <= route->to.x + route->to.width - inset &&
         (line->n > 2 || (line->x[0] >= route->from.x + inset &&
                          line->x[0] <= route->from.x + route->from.width - inset));
}

/* Moves the last run of @line sideways by @offset: the tip slides along
 * the target's edge, the run before it gets longer or shorter. */
static void
shift_arrival (Polyline *line,
               double    offset)
{
  guint last = line->n - 1;
  gboolean across = fabs (line->y[last] - line->y[last - 1]) < 1e-6;

  for (guint k = last - 1; k <= last; k++)
    {
      if (across)
        line->y[k] += offset;
      else
        line->x[k] += offset;
    }
}

static int
compare_order_x (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const PlannedRoute *routes = data;
  double x = routes[*(const guint *) a].order_x, y = routes[*(const guint *) b].order_x;

  return x < y ? -1 : x > y;
}

/* Two links that arrive at one card edge, or meet tip to tip across a
 * narrow gap, would draw one arrowhead over the other (a bow-tie whose
 * direction cannot be read).  Each head in turn that covers one placed
 * before it moves sideways along its card's edge, a step at a time in
 * both directions, to the nearest place where it covers none.  Heads are
 * swept in x order, so each is compared with its neighbours only. */
static void
separate_heads (PlannedRoute *routes,
                guint         n)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree WaymarkRect *boxes = g_new (WaymarkRect, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      routes[i].order_x = routes[i].line.x[routes[i].line.n - 1];
    }
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_order_x, routes);

  for (guint k = 0; k < n; k++)
    {
      PlannedRoute *route = &routes[order[k]];

      for (int step = 0; step <= HEAD_STEPS; step++)
        {
          /* 0, +1, -1, +2, -2, … steps. */
          double offset = (step + 1) / 2 * HEAD_SHIFT * (step % 2 == 1 ? 1 : -1);
          Polyline moved = route->line;
          gboolean free = TRUE;
          WaymarkRect box;

          if (step > 0)
            {
              shift_arrival (&moved, offset);
              if (!ends_on_cards (route, &moved))
                continue;
            }
          head_box (&moved, &box);
          for (guint j = k; j-- > 0 && free;)
            {
              if (route->order_x - routes[order[j]].order_x > HEAD_REACH)
                break;
              free = !waymark_rect_intersects (&box, &boxes[j]);
            }
          if (free)
            {
              route->line = moved;
              break;
            }
          /* No free place along the edge (a card with a dozen arrivals):
           * the head stays where the route put it. */
        }
      head_box (&route->line, &boxes[k]);
    }
}

WaymarkLinkRoutes *
_waymark_layout_get_link_routes (WaymarkLayout *self)
{
  GPtrArray *links;
  WaymarkLinkRoutes *routes;
  g_autoptr(GArray) planned = NULL;

  waymark_layout_update (self);
  if (self->link_routes != NULL && !self->links_dirty)
    return self->link_routes;

  g_clear_pointer (&self->link_routes, _waymark_link_routes_free);
  links = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LINK);
  routes = g_new0 (WaymarkLinkRoutes, 1);
  routes->routes = g_array_sized_new (FALSE, TRUE, sizeof (WaymarkLinkRoute), links->len);
  routes->pieces = g_array_sized_new (FALSE, TRUE, sizeof (WaymarkLinkPiece), links->len * 5);
  planned = g_array_sized_new (FALSE, TRUE, sizeof (PlannedRoute), links->len);

  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);
      PlannedRoute route = { 0 };
      End a, b;

      if (link->from == link->to || !end_init (self, link->from, &a) || !end_init (self, link->to, &b))
        continue;
      route_points (self, &a, &b, &route.line);
      simplify (&route.line);
      if (route.line.n < 2)
        continue;
      route.link = link;
      route.from = a.rect;
      route.to = b.rect;
      g_array_append_val (planned, route);
    }
  separate_heads ((PlannedRoute *) (gpointer) planned->data, planned->len);

  for (guint i = 0; i < planned->len; i++)
    {
      PlannedRoute *planned_route = &g_array_index (planned, PlannedRoute, i);
      WaymarkLinkRoute route = { 0 };

      /* A shift may straighten a bend away. */
      simplify (&planned_route->line);
      route.link = planned_route->link;
      build_route (routes->pieces, routes->routes->len, &route, &planned_route->line);
      g_array_append_val (routes->routes, route);
    }
  build_index (self, routes);

  self->link_routes = routes;
  self->links_dirty = FALSE;
  return routes;
}
