/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-canvas-part-private.h"
#include "waymark-canvas-private.h"

/* The highlight on the map: kept here across a reload (a new layout) and
 * a new checker, and handed to the layout, whose painter dims the rest. */

void
_waymark_canvas_apply_highlight (WaymarkCanvas *self)
{
  if (self->layout == NULL)
    return;
  waymark_layout_set_highlight (self->layout, self->highlight, self->checker);
  _waymark_canvas_invalidate (self);
}

void
waymark_canvas_set_highlight (WaymarkCanvas          *self,
                              const WaymarkHighlight *highlight)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  if (highlight != NULL && waymark_highlight_is_active (highlight))
    self->highlight = waymark_highlight_copy (highlight);
  _waymark_canvas_apply_highlight (self);
}

const WaymarkHighlight *
waymark_canvas_get_highlight (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return self->highlight;
}
