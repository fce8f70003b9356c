/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-layout-private.h"
#include "waymark-painter.h"

G_BEGIN_DECLS

/* Shared by the painter's files. */
typedef struct {
  WaymarkLayout *layout;
  cairo_t *cr;
  const WaymarkPalette *palette;
  WaymarkRect clip;
  WaymarkPaintFlags flags;
  const WaymarkPaintState *state;
  WaymarkPaintStats *stats;
  WaymarkTextCache *text;
} WaymarkPaintContext;

#define WM_DIM_ALPHA WAYMARK_PAINT_DIM_ALPHA

/* Starts drawing something dimmed within @area: what follows until
 * _waymark_paint_end_dim() goes into a group the size of @area, not of
 * the whole clip, so that dimming a few hundred cards stays cheap. */
void _waymark_paint_begin_dim (WaymarkPaintContext *pc, const WaymarkRect *area);
void _waymark_paint_end_dim   (WaymarkPaintContext *pc);

/* Draws @layout with its top-left corner at (@x, @y) in @color. */
void _waymark_paint_text (WaymarkPaintContext *pc, PangoLayout *layout, double x, double y,
                         const WaymarkColor *color);
/* Like _waymark_paint_text(), but nothing of the text is drawn outside
 * @box (a card): whatever a field holds stays on its card. */
void _waymark_paint_text_within (WaymarkPaintContext *pc, PangoLayout *layout, double x, double y,
                                 const WaymarkRect *box, const WaymarkColor *color);

/* waymark-card-painter.c */
void _waymark_paint_card (WaymarkPaintContext *pc, WaymarkCard *card, const WaymarkRect *rect);
void _waymark_paint_note (WaymarkPaintContext *pc, WaymarkCard *card, const WaymarkRect *rect);

/* waymark-emotion-painter.c */
void _waymark_paint_emotion_background (WaymarkPaintContext *pc, WaymarkRow *row);
void _waymark_paint_emotion_curve (WaymarkPaintContext *pc, WaymarkRow *row);
void _waymark_paint_emotion_scale (WaymarkPaintContext *pc, WaymarkRow *row);

/* waymark-persona-painter.c */
void   _waymark_paint_persona_lines   (WaymarkPaintContext *pc, WaymarkRow *row);
void   _waymark_paint_persona_markers (WaymarkPaintContext *pc, WaymarkRow *row);
void   _waymark_paint_persona_legend_symbol (WaymarkPaintContext *pc, const WaymarkLegendItem *item,
                                             double x, double cy);
/* The markers of the personas @tp is for, from @x on @cy within @room;
 * returns the width used. */
double _waymark_paint_card_personas   (WaymarkPaintContext *pc, const WaymarkTouchpoint *tp, double x,
                                       double cy, double room);

/* waymark-link-painter.c */
/* Links are routed around the cards: their lines are drawn under the
 * cards (@over FALSE), their dots and arrowheads, and selected or hovered
 * links whole, on top (@over TRUE). */
void _waymark_paint_links (WaymarkPaintContext *pc, gboolean over);
void _waymark_paint_link_arrow (cairo_t *cr, const double p[8], const WaymarkColor *color, double width,
                               double line_alpha);

/* waymark-tiled-stroke.c: strokes @pieces (each a subpath of its own, a
 * line from p[0], p[1] to p[6], p[7] or a Bézier curve) with @cr's source
 * and line settings as one stroke would, but on raster targets tile by
 * tile, each tile with only the pieces that reach into it; the path is
 * cleared. */
typedef struct {
  double p[8];
  gboolean curve;
} WaymarkStrokePiece;

void _waymark_stroke_pieces (cairo_t *cr, const WaymarkStrokePiece *pieces, guint n);

/* waymark-glyphs.c: small vector symbols, centred on (cx, cy). */
void _waymark_glyph_rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r);
/* The path of @category's badge shape (circle, square, diamond), not drawn. */
void _waymark_glyph_category_shape (cairo_t *cr, WaymarkCategory category, double cx, double cy, double size);
void _waymark_glyph_category_badge (cairo_t *cr, const WaymarkPalette *palette, WaymarkCategory category,
                                   const char *icon, double cx, double cy, double size);
void _waymark_glyph_channel_icon (cairo_t *cr, const char *icon, double cx, double cy, double size);
void _waymark_glyph_emotion_dot (cairo_t *cr, const WaymarkPalette *palette, int score,
                                 double cx, double cy, double radius);
void _waymark_glyph_weakness (cairo_t *cr, const WaymarkPalette *palette, double cx, double cy, double size);
void _waymark_glyph_strength (cairo_t *cr, const WaymarkPalette *palette, double cx, double cy, double size);
void _waymark_glyph_star (cairo_t *cr, const WaymarkPalette *palette, double cx, double cy, double size);
void _waymark_glyph_sticky (cairo_t *cr, const WaymarkPalette *palette, double x, double y, double w, double h);

G_END_DECLS
