/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-page-plan.h"

G_BEGIN_DECLS

/* One map unit is 1/96 inch; a point is 1/72 inch. */
#define WAYMARK_POINTS_PER_UNIT 0.75

/* Shared by posters and booklets: a line of small grey text at (@left,
 * @top) in points, at most @width wide, in the map's fonts. */
void     _waymark_page_plan_show_label     (cairo_t       *cr,
                                            WaymarkLayout *layout,
                                            const char    *label,
                                            double         left,
                                            double         top,
                                            double         width);
/* The map's title, or "Untitled map". */
const char *_waymark_page_plan_map_title   (WaymarkLayout *layout);

/* waymark-booklet.c */
gboolean _waymark_booklet_plan             (WaymarkPagePlan *plan,
                                            WaymarkLayout   *layout,
                                            double           page_width,
                                            double           page_height);
guint    _waymark_booklet_get_n_pages      (const WaymarkPagePlan *plan);
void     _waymark_booklet_get_sheet        (const WaymarkPagePlan *plan,
                                            guint                  index,
                                            WaymarkSheet          *sheet);
void     _waymark_booklet_draw_page        (const WaymarkPagePlan *plan,
                                            guint                  index,
                                            WaymarkLayout         *layout,
                                            cairo_t               *cr);

/* waymark-booklet-links.c: on page @index, whose @cells (map units) are
 * drawn through @matrix, a marker where a link leaves for or comes in
 * from a card on another page. */
void     _waymark_booklet_draw_link_markers (const WaymarkPagePlan *plan,
                                             guint                  index,
                                             WaymarkLayout         *layout,
                                             cairo_t               *cr,
                                             const WaymarkRect     *cells,
                                             const cairo_matrix_t  *matrix);

G_END_DECLS
