/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"
#include "waymark-persona-style.h"

/* One curve per persona that some touchpoint names, drawn over the map's
 * own curve.  A persona's curve passes the touchpoints that apply to it:
 * at its own score where its mark has one, else at the card's.  Curves
 * stay apart where they agree: each keeps a band of its own (a few units
 * up or down) and its points sit a little left or right of the card's,
 * so eight curves read as eight lines, not one thick one. */

#define BAND_STEP   1.6    /* vertical offset between neighbouring curves */
#define SHIFT_STEP  5.0    /* horizontal offset between their points, at most */

void
_waymark_persona_curve_free (gpointer data)
{
  WaymarkPersonaCurve *curve = data;

  g_array_unref (curve->points);
  g_free (curve);
}

guint
_waymark_persona_marks_hash (const WaymarkTouchpoint *tp)
{
  guint hash = 0;

  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    {
      const WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);

      hash = hash * 31 + g_direct_hash (mark->persona);
      hash = hash * 31 + (mark->has_emotion ? (guint) (mark->emotion + 3) : 0);
    }
  return hash != 0 ? hash : waymark_touchpoint_get_n_persona_marks (tp);
}

GPtrArray *
_waymark_persona_curves_personas (WaymarkLayout *self)
{
  GPtrArray *personas = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PERSONA);
  GPtrArray *touchpoints = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < touchpoints->len; i++)
    {
      const WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);

      for (guint k = 0; k < waymark_touchpoint_get_n_persona_marks (tp); k++)
        g_hash_table_add (named, ((WaymarkPersonaMark *) g_ptr_array_index (tp->persona_marks, k))->persona);
      if (g_hash_table_size (named) == personas->len)
        break;
    }
  for (guint i = 0; i < personas->len; i++)
    if (g_hash_table_contains (named, g_ptr_array_index (personas, i)))
      g_ptr_array_add (out, g_ptr_array_index (personas, i));
  return out;
}

static double
point_x (const WaymarkPersonaPoint *p)
{
  return p->column->x + p->rel_x;
}

void
_waymark_persona_curve_segment (const WaymarkPersonaCurve *curve,
                                guint                      i,
                                double                     top,
                                double                     p[8])
{
  guint n = curve->points->len;
  const WaymarkPersonaPoint *p0 = &g_array_index (curve->points, WaymarkPersonaPoint, i > 0 ? i - 1 : i);
  const WaymarkPersonaPoint *p1 = &g_array_index (curve->points, WaymarkPersonaPoint, i);
  const WaymarkPersonaPoint *p2 = &g_array_index (curve->points, WaymarkPersonaPoint, i + 1);
  const WaymarkPersonaPoint *p3 = &g_array_index (curve->points, WaymarkPersonaPoint, i + 2 < n ? i + 2 : i + 1);
  double x0 = point_x (p0), x1 = point_x (p1), x2 = point_x (p2), x3 = point_x (p3);
  double y0 = top + p0->rel_y, y1 = top + p1->rel_y, y2 = top + p2->rel_y, y3 = top + p3->rel_y;
  double lo = MIN (y1, y2), hi = MAX (y1, y2);

  /* The map's curve's spline, clamped the same way: no overshoot. */
  p[0] = x1;
  p[1] = y1;
  p[2] = x1 + (x2 - x0) / 6;
  p[3] = CLAMP (y1 + (y2 - y0) / 6, lo, hi);
  p[4] = x2 - (x3 - x1) / 6;
  p[5] = CLAMP (y2 - (y3 - y1) / 6, lo, hi);
  p[6] = x2;
  p[7] = y2;
}

typedef struct {
  guint column;
  guint order;
  WaymarkPersonaPoint point;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a;
  const Placed *pb = b;

  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

void
_waymark_persona_curves_build (WaymarkLayout *self,
                               const guint   *slots)
{
  g_autoptr(GPtrArray) personas = _waymark_persona_curves_personas (self);
  GPtrArray *touchpoints = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  const WaymarkMetrics *m = self->metrics;
  guint n = personas->len;

  g_ptr_array_set_size (self->persona_curves, 0);
  for (guint k = 0; k < n; k++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, k);
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
      WaymarkPersonaCurve *curve = g_new0 (WaymarkPersonaCurve, 1);
      double band = (k - (n - 1) / 2.0) * BAND_STEP;
      double shift = k - (n - 1) / 2.0;

      curve->persona = persona;
      curve->style = waymark_persona_style_of (self->journey, persona);
      for (guint i = 0; i < touchpoints->len; i++)
        {
          WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, i);
          WaymarkCard *card = g_hash_table_lookup (self->cards, tp);
          const WaymarkPersonaMark *mark;
          WaymarkColumn *column;
          Placed p;
          int score;
          double spacing;

          if (card == NULL || card->cell == NULL || card->slot_rel_x < 0 ||
              !waymark_touchpoint_get_persona_emotion (tp, persona->item.id, &score, NULL))
            continue;
          column = card->cell->column;
          mark = waymark_touchpoint_get_persona_mark (tp, persona->item.id);
          /* Points of different personas at one card stay apart, and
           * never reach the next card's. */
          spacing = (column->width - 2 * m->cell_pad) / MAX (slots[column->index], 1);
          p.column = column->index;
          p.order = i;
          p.point.column = column;
          p.point.rel_x = card->slot_rel_x + shift * MIN (SHIFT_STEP, spacing / (n + 1));
          p.point.rel_y = _waymark_emotion_level_y (m, score) + band;
          p.point.own = mark != NULL && mark->has_emotion;
          g_array_append_val (placed, p);
        }
      /* Journey order: phase order, then document order. */
      g_array_sort (placed, compare_placed);
      curve->points = g_array_sized_new (FALSE, FALSE, sizeof (WaymarkPersonaPoint), placed->len);
      for (guint i = 0; i < placed->len; i++)
        g_array_append_val (curve->points, g_array_index (placed, Placed, i).point);
      g_ptr_array_add (self->persona_curves, curve);
    }
}
