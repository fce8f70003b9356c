/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* Marks and ghosts are drawn over the cached map, not into it: they come
 * and go with a panel and must not cost a repaint of the map. */

static const GdkRGBA mark_colors[] = {
  [WAYMARK_CANVAS_MARK_NONE] = { 0, 0, 0, 0 },
  [WAYMARK_CANVAS_MARK_CONFLICT] = { 0.90, 0.38, 0.00, 1 },  /* GNOME orange 4 */
  [WAYMARK_CANVAS_MARK_ADDED] = { 0.18, 0.76, 0.49, 1 },     /* green 4 */
  [WAYMARK_CANVAS_MARK_CHANGED] = { 0.21, 0.52, 0.89, 1 },   /* blue 3 */
};

static void
rounded_path (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The cell a touchpoint or a note sits in. */
static void
card_cell (gpointer       card,
           WaymarkPhase **phase,
           WaymarkLane  **lane)
{
  if (waymark_item_get_item_type (card) == WAYMARK_ITEM_NOTE)
    {
      *phase = ((WaymarkNote *) card)->phase;
      *lane = ((WaymarkNote *) card)->lane;
    }
  else
    {
      *phase = ((WaymarkTouchpoint *) card)->phase;
      *lane = ((WaymarkTouchpoint *) card)->lane;
    }
}

static void
snapshot_mark (WaymarkCanvas     *self,
               GtkSnapshot       *snapshot,
               gpointer           item,
               WaymarkCanvasMark  mark)
{
  WaymarkRect rect;
  graphene_rect_t bounds;
  double pad = 4;
  cairo_t *cr;

  if (mark == WAYMARK_CANVAS_MARK_NONE || !_waymark_canvas_item_rect (self, item, &rect))
    return;
  rect = WAYMARK_RECT_INIT (rect.x - pad, rect.y - pad, rect.width + 2 * pad, rect.height + 2 * pad);
  _waymark_canvas_rect_to_widget (self, &rect, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &mark_colors[mark]);
  cairo_set_line_width (cr, 3);
  /* A conflict is a warning: dashed, so that it reads apart from a
   * comparison's marks even without colour. */
  if (mark == WAYMARK_CANVAS_MARK_CONFLICT)
    cairo_set_dash (cr, (double[]) { 8, 4 }, 2, 0);
  rounded_path (cr, bounds.origin.x + 1.5, bounds.origin.y + 1.5,
                bounds.size.width - 3, bounds.size.height - 3, 10 * waymark_canvas_get_zoom (self));
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* A removed card where it was: painted by the other map's layout, faded,
 * with a dashed outline, at its old place in the matching cell. */
static gboolean
rects_overlap (const WaymarkRect *a,
               const WaymarkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The lowest bottom (plus a gap) of what @taken has in the column whose
 * span covers @x, at least @top. */
static double
column_bottom (GArray *taken,
               double  x,
               double  top)
{
  double gap = 8;

  for (guint i = 0; i < taken->len; i++)
    {
      const WaymarkRect *other = &g_array_index (taken, WaymarkRect, i);

      if (other->x <= x && x <= other->x + other->width)
        top = MAX (top, other->y + other->height + gap);
    }
  return top;
}

/* Where a ghost goes: its old place in the cell, unless a card of this
 * map (or a ghost placed before) is there now — which is the rule, not the
 * exception, since the cards after a removed one move up into its place.
 * Then below the lowest card of its column, or of another column of the
 * cell where it still fits inside the cell; only when none has room does
 * it reach below the cell.  It never hides a card of the map.  @taken holds
 * the rectangles of the cell's cards and of the ghosts placed so far; the
 * ghost's is added. */
static void
place_ghost (WaymarkRect       *rect,
             const WaymarkRect *cell,
             GArray            *taken)
{
  gboolean free = TRUE;

  for (guint i = 0; i < taken->len && free; i++)
    free = !rects_overlap (rect, &g_array_index (taken, WaymarkRect, i));
  if (!free)
    {
      double own = column_bottom (taken, rect->x + rect->width / 2, rect->y);

      rect->y = own;
      if (own + rect->height > cell->y + cell->height)
        for (guint i = 0; i < taken->len; i++)
          {
            const WaymarkRect *other = &g_array_index (taken, WaymarkRect, i);
            double bottom = column_bottom (taken, other->x + other->width / 2, cell->y);

            if (bottom + rect->height <= cell->y + cell->height)
              {
                rect->x = other->x;
                rect->y = bottom;
                break;
              }
          }
    }
  g_array_append_val (taken, *rect);
}

/* The rectangles of the cards of one cell of this map. */
static GArray *
cell_card_rects (WaymarkCanvas *self,
                 WaymarkPhase  *phase,
                 WaymarkLane   *lane)
{
  g_autoptr(GPtrArray) cards = waymark_journey_get_cell (self->journey, phase, lane);
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (WaymarkRect));

  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkRect rect;

      if (waymark_layout_get_card_rect (self->layout, g_ptr_array_index (cards, i), &rect))
        g_array_append_val (rects, rect);
    }
  return rects;
}

static void
snapshot_ghost (WaymarkCanvas            *self,
                GtkSnapshot              *snapshot,
                const WaymarkPalette     *palette,
                const WaymarkCanvasGhost *ghost,
                GArray                   *taken)
{
  WaymarkRect card, old_cell, cell, moved;
  WaymarkPhase *old_phase;
  WaymarkLane *old_lane;
  graphene_rect_t bounds;
  double zoom = waymark_canvas_get_zoom (self);
  double ox, oy, dx, dy;
  cairo_t *cr;

  card_cell (ghost->card, &old_phase, &old_lane);
  if (!waymark_layout_get_card_rect (self->ghost_layout, ghost->card, &card) ||
      !waymark_layout_get_cell_rect (self->ghost_layout, old_phase, old_lane, &old_cell) ||
      !waymark_layout_get_cell_rect (self->layout, ghost->phase, ghost->lane, &cell))
    return;
  dx = cell.x - old_cell.x;
  dy = cell.y - old_cell.y;
  moved = WAYMARK_RECT_INIT (card.x + dx, card.y + dy, card.width, card.height);
  place_ghost (&moved, &cell, taken);
  dx = moved.x - card.x;
  dy = moved.y - card.y;
  _waymark_canvas_rect_to_widget (self, &moved, &bounds);

  gtk_snapshot_push_opacity (snapshot, 0.4);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  _waymark_canvas_map_to_widget (self, dx, dy, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, zoom, zoom);
  rounded_path (cr, card.x, card.y, card.width, card.height, 8);
  cairo_clip (cr);
  waymark_painter_paint (self->ghost_layout, cr, &card, palette,
                         WAYMARK_PAINT_NO_BACKGROUND | WAYMARK_PAINT_NO_HEADER |
                         WAYMARK_PAINT_NO_PHASE_HEADERS | WAYMARK_PAINT_NO_LANE_HEADERS |
                         WAYMARK_PAINT_NO_LEGEND | WAYMARK_PAINT_NO_LINKS,
                         NULL);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.9);   /* red 4: gone */
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
  rounded_path (cr, bounds.origin.x + 1, bounds.origin.y + 1, bounds.size.width - 2, bounds.size.height - 2,
                8 * zoom);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

void
_waymark_canvas_snapshot_marks (WaymarkCanvas        *self,
                                GtkSnapshot          *snapshot,
                                const WaymarkPalette *palette)
{
  GHashTableIter iter;
  gpointer item, mark;

  if (self->ghosts != NULL && self->ghost_layout != NULL)
    {
      /* The rectangles taken, cell by cell ("phase/lane" → GArray). */
      g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);

      for (guint i = 0; i < self->ghosts->len; i++)
        {
          const WaymarkCanvasGhost *ghost = g_ptr_array_index (self->ghosts, i);
          char *key = g_strdup_printf ("%p/%p", (gpointer) ghost->phase, (gpointer) ghost->lane);
          GArray *taken = g_hash_table_lookup (cells, key);

          if (taken == NULL)
            {
              taken = cell_card_rects (self, ghost->phase, ghost->lane);
              g_hash_table_insert (cells, key, taken);
            }
          else
            g_free (key);
          snapshot_ghost (self, snapshot, palette, ghost, taken);
        }
    }

  if (self->marks == NULL)
    return;
  g_hash_table_iter_init (&iter, self->marks);
  while (g_hash_table_iter_next (&iter, &item, &mark))
    if (waymark_journey_lookup (self->journey, waymark_item_get_id (item)) == item)
      snapshot_mark (self, snapshot, item, GPOINTER_TO_INT (mark));
}

void
_waymark_canvas_marks_dispose (WaymarkCanvas *self)
{
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  g_clear_object (&self->ghost_layout);
}

void
waymark_canvas_set_marks (WaymarkCanvas *self,
                          GHashTable    *marks)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (marks != NULL)
    g_hash_table_ref (marks);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  self->marks = marks;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

WaymarkCanvasMark
waymark_canvas_get_mark (WaymarkCanvas *self,
                         gconstpointer  item)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), WAYMARK_CANVAS_MARK_NONE);

  if (self->marks == NULL)
    return WAYMARK_CANVAS_MARK_NONE;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->marks, item));
}

void
waymark_canvas_set_ghosts (WaymarkCanvas *self,
                           WaymarkLayout *layout,
                           GPtrArray     *ghosts)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));
  g_return_if_fail ((layout == NULL) == (ghosts == NULL));

  if (ghosts != NULL)
    g_ptr_array_ref (ghosts);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  self->ghosts = ghosts;
  g_set_object (&self->ghost_layout, layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
waymark_canvas_get_n_ghosts (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), 0);

  return self->ghosts ? self->ghosts->len : 0;
}
