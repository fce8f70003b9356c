/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-painter-private.h"

#define BADGE_SIZE  18.0
#define MARKER_SIZE 16.0
#define FACE_RADIUS 8.0
#define STRIPE      4.0

static const char *
priority_label (WaymarkPriority priority)
{
  switch (priority)
    {
    case WAYMARK_PRIORITY_HIGH:   return _("High priority");
    case WAYMARK_PRIORITY_MEDIUM: return _("Medium priority");
    case WAYMARK_PRIORITY_LOW:    return _("Low priority");
    case WAYMARK_PRIORITY_UNSET:
    default:                      return NULL;
    }
}

/* Draws a single-line label vertically centred on @cy. */
static double
paint_label (WaymarkPaintContext *pc, WaymarkTextStyle style, const char *text, double width,
             double x, double cy, const WaymarkColor *color)
{
  PangoLayout *layout = waymark_text_cache_get_label (pc->text, style, text, width);
  double w, h;

  waymark_text_get_size (layout, &w, &h);
  waymark_paint_text (pc, layout, x, cy - h / 2, color);
  return w;
}

/* The bottom row: emotion face, owner, priority. */
static void
paint_meta_row (WaymarkPaintContext *pc, WaymarkTouchpoint *tp, double x, double right, double cy)
{
  cairo_t *cr = pc->cr;
  const WaymarkPalette *palette = pc->palette;
  const char *priority = priority_label (tp->priority);
  double owner_x = x;
  double priority_w = 0;

  if (tp->has_emotion)
    {
      waymark_glyph_face (cr, palette, tp->emotion, x + FACE_RADIUS, cy, FACE_RADIUS);
      owner_x += 2 * FACE_RADIUS + 7;
    }
  if (priority)
    {
      PangoLayout *layout = waymark_text_cache_get_label (pc->text, WAYMARK_TEXT_CARD_META, priority, -1);
      const WaymarkColor *fg = tp->priority == WAYMARK_PRIORITY_HIGH ? &palette->weakness
                                                                     : &palette->text_secondary;
      double pw, ph;

      waymark_text_get_size (layout, &pw, &ph);
      priority_w = pw + 12;
      cairo_new_path (cr);
      waymark_glyph_rounded_rect (cr, right - priority_w, cy - ph / 2 - 2, priority_w, ph + 4, (ph + 4) / 2);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      waymark_color_set_source_alpha (fg, 0.7, cr);
      cairo_stroke (cr);
      cairo_restore (cr);
      waymark_paint_text (pc, layout, right - priority_w + 6, cy - ph / 2, fg);
    }
  if (tp->owner && tp->owner[0])
    paint_label (pc, WAYMARK_TEXT_CARD_META, tp->owner, right - owner_x - priority_w - 6, owner_x, cy,
                 &palette->text_secondary);
  else
    paint_label (pc, WAYMARK_TEXT_CARD_META, _("No owner"), right - owner_x - priority_w - 6, owner_x, cy,
                 &palette->text_faint);
}

void
waymark_paint_card (WaymarkPaintContext *pc, WaymarkCard *card, const WaymarkRect *r)
{
  cairo_t *cr = pc->cr;
  const WaymarkPalette *palette = pc->palette;
  WaymarkTouchpoint *tp = card->item;
  WaymarkCategory category = tp->channel ? tp->channel->category : WAYMARK_CATEGORY_DIGITAL;
  const WaymarkColor *category_color = waymark_palette_get_category (palette, category);
  const WaymarkMetrics *m = pc->layout->metrics;
  double x = r->x + m->card_pad;
  double right = r->x + r->width - m->card_pad;
  double row_cy = r->y + m->card_pad + WM_CARD_CHANNEL_ROW / 2;
  double markers_x = right;

  /* Body: a soft shadow, the card, a stripe in the category colour. */
  cairo_new_path (cr);
  waymark_glyph_rounded_rect (cr, r->x, r->y + 1.5, r->width, r->height, WM_CARD_RADIUS);
  waymark_color_set_source (&palette->card_shadow, cr);
  cairo_fill (cr);
  waymark_glyph_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, WM_CARD_RADIUS);
  waymark_color_set_source (&palette->card_fill, cr);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip_preserve (cr);
  cairo_set_line_width (cr, 1.0);
  waymark_color_set_source (&palette->card_border, cr);
  cairo_stroke (cr);
  if (tp->channel)
    {
      cairo_rectangle (cr, r->x, r->y, STRIPE, r->height);
      waymark_color_set_source (category_color, cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* Markers, right-aligned on the channel row. */
  if (tp->moment_of_truth)
    {
      waymark_glyph_star (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE + 2);
      markers_x -= MARKER_SIZE + 5;
    }
  if (tp->strength == WAYMARK_STRENGTH_WEAKNESS)
    {
      waymark_glyph_weakness (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE);
      markers_x -= MARKER_SIZE + 5;
    }
  else if (tp->strength == WAYMARK_STRENGTH_STRENGTH)
    {
      waymark_glyph_strength (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE);
      markers_x -= MARKER_SIZE + 5;
    }

  /* Channel: badge and name. */
  if (tp->channel)
    {
      waymark_glyph_category_badge (cr, palette, category, tp->channel->icon,
                                    x + BADGE_SIZE / 2, row_cy, BADGE_SIZE);
      paint_label (pc, WAYMARK_TEXT_CARD_META, tp->channel->name,
                   markers_x - (x + BADGE_SIZE + 6) - 4, x + BADGE_SIZE + 6, row_cy,
                   &palette->text_secondary);
    }
  else
    paint_label (pc, WAYMARK_TEXT_CARD_META, _("No channel"), markers_x - x - 4, x, row_cy,
                 &palette->text_faint);

  /* Title */
  if (tp->title && tp->title[0])
    waymark_paint_text (pc, card->text, x, r->y + m->card_pad + WM_CARD_CHANNEL_ROW + m->card_row_gap,
                        &palette->text);
  else
    {
      PangoLayout *layout = waymark_text_cache_get_label (pc->text, WAYMARK_TEXT_CARD_TITLE,
                                                          _("Untitled"), right - x);
      waymark_paint_text (pc, layout, x, r->y + m->card_pad + WM_CARD_CHANNEL_ROW + m->card_row_gap,
                          &palette->text_faint);
    }

  paint_meta_row (pc, tp, x, right, r->y + r->height - m->card_pad - WM_CARD_META_ROW / 2);
}

void
waymark_paint_note (WaymarkPaintContext *pc, WaymarkCard *card, const WaymarkRect *r)
{
  WaymarkNote *note = card->item;

  waymark_glyph_sticky (pc->cr, pc->palette, r->x, r->y, r->width, r->height);
  if (note->text && note->text[0])
    waymark_paint_text (pc, card->text, r->x + pc->layout->metrics->note_pad,
                        r->y + pc->layout->metrics->note_pad, &pc->palette->note_text);
}
