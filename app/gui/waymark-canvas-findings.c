/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-private.h"

/* The markers of the weak-spot findings: a badge on each card or phase
 * header the checker found something about, in the colour and shape of
 * its worst finding.  The canvas keeps item → worst severity up to date
 * from the checker's ::changed, so drawing looks at the visible items'
 * marks only and never asks the checker. */

/* Radius of a badge, in map units (it zooms with the map). */
#define BADGE_RADIUS 8.0

static void
set_mark (WaymarkCanvas *self,
          gpointer       item)
{
  WaymarkFinding *worst = waymark_checker_get_worst (self->checker, item);

  if (worst == NULL)
    g_hash_table_remove (self->finding_marks, item);
  else
    g_hash_table_replace (self->finding_marks, waymark_item_ref (item), GINT_TO_POINTER (worst->severity + 1));
}

static void
checker_changed_cb (WaymarkChecker *checker,
                    GPtrArray      *removed,
                    GPtrArray      *added,
                    WaymarkCanvas  *self)
{
  g_assert (WAYMARK_IS_CANVAS (self));

  for (guint i = 0; i < removed->len; i++)
    set_mark (self, ((WaymarkFinding *) removed->pdata[i])->item);
  for (guint i = 0; i < added->len; i++)
    set_mark (self, ((WaymarkFinding *) added->pdata[i])->item);
  _waymark_canvas_invalidate (self);
}

static void
mark_all (WaymarkCanvas *self)
{
  g_autoptr(GPtrArray) findings = waymark_checker_list (self->checker);

  for (guint i = 0; i < findings->len; i++)
    set_mark (self, ((WaymarkFinding *) findings->pdata[i])->item);
}

void
waymark_canvas_set_checker (WaymarkCanvas  *self,
                            WaymarkChecker *checker)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));
  g_return_if_fail (checker == NULL || WAYMARK_IS_CHECKER (checker));

  if (self->checker == checker || self->finding_marks == NULL)
    return;
  g_clear_signal_handler (&self->checker_changed_id, self->checker);
  g_set_object (&self->checker, checker);
  g_hash_table_remove_all (self->finding_marks);
  if (checker != NULL)
    {
      self->checker_changed_id = g_signal_connect (checker, "changed", G_CALLBACK (checker_changed_cb), self);
      mark_all (self);
    }
  /* A finding criterion reads the new checker. */
  _waymark_canvas_apply_highlight (self);
}

gboolean
waymark_canvas_get_finding_mark (WaymarkCanvas   *self,
                                 gconstpointer    item,
                                 WaymarkSeverity *severity)
{
  gpointer value;

  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);

  value = g_hash_table_lookup (self->finding_marks, item);
  if (value == NULL)
    return FALSE;
  if (severity != NULL)
    *severity = (WaymarkSeverity) (GPOINTER_TO_INT (value) - 1);
  return TRUE;
}

void
_waymark_canvas_init_findings (WaymarkCanvas *self)
{
  self->finding_marks = g_hash_table_new_full (NULL, NULL, waymark_item_unref, NULL);
}

void
_waymark_canvas_dispose_findings (WaymarkCanvas *self)
{
  g_clear_signal_handler (&self->checker_changed_id, self->checker);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->finding_marks, g_hash_table_unref);
  g_clear_pointer (&self->highlight, waymark_highlight_free);
}

/* Red, orange and blue, each a shape of its own so that the marks differ
 * without colour too: a triangle, a diamond, a circle. */
static void
badge_path (cairo_t         *cr,
            WaymarkSeverity  severity,
            double           x,
            double           y,
            double           r)
{
  switch (severity)
    {
    case WAYMARK_SEVERITY_HIGH:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.2, y + r * 0.9);
      cairo_line_to (cr, x - r * 1.2, y + r * 0.9);
      cairo_close_path (cr);
      break;
    case WAYMARK_SEVERITY_MEDIUM:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case WAYMARK_SEVERITY_LOW:
    case WAYMARK_N_SEVERITIES:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
paint_badge (cairo_t         *cr,
             WaymarkSeverity  severity,
             double           x,
             double           y)
{
  static const double colors[WAYMARK_N_SEVERITIES][3] = {
    { 0.753, 0.110, 0.157 },  /* #c01c28 */
    { 0.902, 0.380, 0.000 },  /* #e66100 */
    { 0.110, 0.443, 0.847 },  /* #1c71d8 */
  };
  double r = BADGE_RADIUS;

  badge_path (cr, severity, x, y, r);
  cairo_set_source_rgb (cr, colors[severity][0], colors[severity][1], colors[severity][2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  /* An exclamation mark: a bar and a dot. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, y - r * 0.5);
  cairo_line_to (cr, x, y + r * 0.1);
  cairo_stroke (cr);
  cairo_arc (cr, x, y + r * 0.5, 1.1, 0, 2 * G_PI);
  cairo_fill (cr);
}

static gboolean
marked_rect (WaymarkCanvas *self,
             gpointer       item,
             WaymarkRect   *rect)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
      return waymark_layout_get_card_rect (self->layout, item, rect);
    case WAYMARK_ITEM_PHASE:
      return waymark_layout_get_phase_header_rect (self->layout, item, rect);
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}

void
_waymark_canvas_paint_findings (WaymarkCanvas     *self,
                                cairo_t           *cr,
                                const WaymarkRect *visible)
{
  GHashTableIter iter;
  gpointer item, value;

  if (self->finding_marks == NULL || self->layout == NULL)
    return;

  g_hash_table_iter_init (&iter, self->finding_marks);
  while (g_hash_table_iter_next (&iter, &item, &value))
    {
      WaymarkRect rect, badge;
      double x, y;

      if (!marked_rect (self, item, &rect))
        continue;
      /* On the top right corner, as a badge: clear of the card's own
       * marks (weak spot, strength, moment of truth) inside it. */
      x = rect.x + rect.width - 1;
      y = rect.y + 1;
      badge = WAYMARK_RECT_INIT (x - 2 * BADGE_RADIUS, y - 2 * BADGE_RADIUS, 4 * BADGE_RADIUS, 4 * BADGE_RADIUS);
      if (!waymark_rect_intersects (&badge, visible))
        continue;
      cairo_save (cr);
      /* A card the highlight leaves out keeps its badge, as faint as the
       * card. */
      if (waymark_layout_is_dimmed (self->layout, item))
        {
          cairo_rectangle (cr, badge.x, badge.y, badge.width, badge.height);
          cairo_clip (cr);
          cairo_push_group (cr);
        }
      paint_badge (cr, (WaymarkSeverity) (GPOINTER_TO_INT (value) - 1), x, y);
      if (waymark_layout_is_dimmed (self->layout, item))
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, WAYMARK_PAINT_DIM_ALPHA);
        }
      cairo_restore (cr);
    }
}
