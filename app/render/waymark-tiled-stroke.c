/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include "waymark-painter-private.h"

/* Why strokes are tiled: cairo 1.16's rasteriser (the tor scan converter)
 * takes each pixel row whole, and a row in which any edge starts or ends
 * is sampled fifteen times over every edge that crosses it.  The flow
 * links' short corners start and end edges in nearly every row of a
 * viewport, and the long runs in the gutters cross every row: in one
 * stroke the two multiply (a 1920 × 1080 viewport of the 10,000-card map
 * spent 3.5 ms there, more than on all its cards' text).  Stroked tile by
 * tile, each tile holding only the pieces that reach into it, a row is
 * sampled over the few edges of its tile.
 *
 * The picture stays the same: in a tile, one stroke of every piece that
 * reaches it covers exactly what the whole stroke covers there (pieces
 * are separate subpaths, so leaving out those elsewhere changes nothing
 * inside), and a clip to whole device pixels cuts no pixel in two, so
 * there is no seam and no double blending of the translucent colour. */

#define TILE_PIXELS 128

typedef struct {
  guint tile;
  guint piece;
} Entry;

static void
path_piece (cairo_t                  *cr,
            const WaymarkStrokePiece *piece)
{
  const double *p = piece->p;

  cairo_move_to (cr, p[0], p[1]);
  if (piece->curve)
    cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
  else
    cairo_line_to (cr, p[6], p[7]);
}

static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->tile != y->tile)
    return x->tile < y->tile ? -1 : 1;
  return (x->piece > y->piece) - (x->piece < y->piece);
}

/* The device-space box of @piece: its control points' box (a Bézier
 * stays inside it), widened by half the line width and a pixel for the
 * antialiased edge. */
static void
device_box (cairo_t                  *cr,
            const WaymarkStrokePiece *piece,
            double                    half_width,
            double                    box[4])
{
  box[0] = box[1] = G_MAXDOUBLE;
  box[2] = box[3] = -G_MAXDOUBLE;
  for (guint i = 0; i < 8; i += 2)
    {
      double x = piece->p[i], y = piece->p[i + 1];

      if (!piece->curve && i != 0 && i != 6)
        continue;
      cairo_user_to_device (cr, &x, &y);
      box[0] = MIN (box[0], x);
      box[1] = MIN (box[1], y);
      box[2] = MAX (box[2], x);
      box[3] = MAX (box[3], y);
    }
  box[0] -= half_width + 1;
  box[1] -= half_width + 1;
  box[2] += half_width + 1;
  box[3] += half_width + 1;
}

void
_waymark_stroke_pieces (cairo_t                  *cr,
                        const WaymarkStrokePiece *pieces,
                        guint                     n)
{
  cairo_matrix_t m;
  double x0, y0, x1, y1, half_width, dx, dy;
  int tx0, ty0, nx, ny;
  g_autoptr(GArray) entries = NULL;

  if (n == 0)
    return;

  /* Tiles must be whole device pixels: only on raster targets (a PDF
   * would get the clips, not pixels) and under a matrix that keeps the
   * axes (zoom, scroll, fit), not a rotated one. */
  cairo_get_matrix (cr, &m);
  if (is_vector (cr) || m.xy != 0 || m.yx != 0)
    {
      cairo_new_path (cr);
      for (guint i = 0; i < n; i++)
        path_piece (cr, &pieces[i]);
      cairo_stroke (cr);
      return;
    }

  dx = dy = cairo_get_line_width (cr) / 2;
  cairo_user_to_device_distance (cr, &dx, &dy);
  half_width = MAX (fabs (dx), fabs (dy));

  /* Only the tiles of the clip's device pixels. */
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  tx0 = (int) floor (MIN (x0, x1) / TILE_PIXELS);
  ty0 = (int) floor (MIN (y0, y1) / TILE_PIXELS);
  nx = (int) floor (MAX (x0, x1) / TILE_PIXELS) - tx0 + 1;
  ny = (int) floor (MAX (y0, y1) / TILE_PIXELS) - ty0 + 1;

  entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n * 2);
  for (guint i = 0; i < n; i++)
    {
      double box[4];
      int cx0, cy0, cx1, cy1;

      device_box (cr, &pieces[i], half_width, box);
      cx0 = MAX ((int) floor (box[0] / TILE_PIXELS) - tx0, 0);
      cy0 = MAX ((int) floor (box[1] / TILE_PIXELS) - ty0, 0);
      cx1 = MIN ((int) floor (box[2] / TILE_PIXELS) - tx0, nx - 1);
      cy1 = MIN ((int) floor (box[3] / TILE_PIXELS) - ty0, ny - 1);
      for (int ty = cy0; ty <= cy1; ty++)
        for (int tx = cx0; tx <= cx1; tx++)
          {
            Entry entry = { (guint) (ty * nx + tx), i };

            g_array_append_val (entries, entry);
          }
    }
  g_array_sort (entries, compare_entries);

  for (guint k = 0; k < entries->len;)
    {
      guint tile = g_array_index (entries, Entry, k).tile;
      double cx = (double) (tx0 + (int) (tile % nx)) * TILE_PIXELS;
      double cy = (double) (ty0 + (int) (tile / nx)) * TILE_PIXELS;
      double ex = cx + TILE_PIXELS, ey = cy + TILE_PIXELS;

      /* The tile's pixels, in user space: cairo maps them back to the
       * same whole pixels, a clip it keeps as a box, not a mask. */
      cairo_device_to_user (cr, &cx, &cy);
      cairo_device_to_user (cr, &ex, &ey);
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, MIN (cx, ex), MIN (cy, ey), fabs (ex - cx), fabs (ey - cy));
      cairo_clip (cr);
      for (; k < entries->len && g_array_index (entries, Entry, k).tile == tile; k++)
        path_piece (cr, &pieces[g_array_index (entries, Entry, k).piece]);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
}
