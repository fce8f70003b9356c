/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "waymark-highlight.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_HIGHLIGHT_POPOVER (waymark_highlight_popover_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkHighlightPopover, waymark_highlight_popover, WAYMARK, HIGHLIGHT_POPOVER, GtkPopover)

/* The Highlight popover of the map's toolbar: check boxes for the
 * channel categories, the map's channels, owners and personas, the weak spots by
 * severity, an emotion range and a least number of votes, and a Clear
 * button.  The channels, owners and personas are those of the journey when the
 * popover opens.  Signal ::changed: the user changed the highlight. */
GtkWidget              *waymark_highlight_popover_new           (void);
void                    waymark_highlight_popover_set_journey   (WaymarkHighlightPopover *self,
                                                                 WaymarkJourney          *journey);
const WaymarkHighlight *waymark_highlight_popover_get_highlight (WaymarkHighlightPopover *self);
/* Shows @highlight (copied) without emitting ::changed. */
void                    waymark_highlight_popover_set_highlight (WaymarkHighlightPopover *self,
                                                                 const WaymarkHighlight  *highlight);

G_END_DECLS
