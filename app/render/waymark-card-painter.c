/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "waymark-emotion-face.h"
#include "waymark-painter-private.h"
#include "waymark-votes.h"

#define BADGE_SIZE  18.0
#define MARKER_SIZE 16.0
#define FACE_RADIUS 8.0
#define STRIPE      4.0
#define VOTE_DOT    8.0
#define VOTE_GAP    3.0
#define VOTE_DOTS   5      /* dots drawn one by one; more are a dot and the count */

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

/* Draws a single-line label vertically centred on @cy, inside @card. */
static double
paint_label (WaymarkPaintContext *pc,
             const WaymarkRect   *card,
             WaymarkTextStyle     style,
             const char          *text,
             double               width,
             double               x,
             double               cy,
             const WaymarkColor  *color)
{
  PangoLayout *layout = waymark_text_cache_get_label (pc->text, style, text, width);
  double w, h;

  waymark_text_get_size (layout, &w, &h);
  _waymark_paint_text_within (pc, layout, x, cy - h / 2, card, color);
  return w;
}

/* What the owner keeps of the bottom row beside a card's persona marks. */
#define OWNER_ROOM 56.0

/* The bottom row: emotion face, owner, priority. */
static void
paint_meta_row (WaymarkPaintContext *pc,
                const WaymarkRect   *card,
                WaymarkTouchpoint   *tp,
                double               x,
                double               right,
                double               cy)
{
  cairo_t *cr = pc->cr;
  const WaymarkPalette *palette = pc->palette;
  const char *priority = priority_label (tp->priority);
  double owner_x = x;
  double priority_w = 0;

  if (tp->has_emotion)
    {
      waymark_emotion_face_draw (cr, palette, tp->emotion, x + FACE_RADIUS, cy, FACE_RADIUS);
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
      _waymark_glyph_rounded_rect (cr, right - priority_w, cy - ph / 2 - 2, priority_w, ph + 4, (ph + 4) / 2);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      waymark_color_set_source_alpha (fg, 0.7, cr);
      cairo_stroke (cr);
      cairo_restore (cr);
      _waymark_paint_text (pc, layout, right - priority_w + 6, cy - ph / 2, fg);
    }
  /* The personas it is for, beside its emotion: half the row at most,
   * and never the owner's last OWNER_ROOM units. */
  if (waymark_touchpoint_get_n_persona_marks (tp) > 0)
    owner_x += _waymark_paint_card_personas (pc, tp, owner_x, cy,
                                             MIN ((right - x) / 2, right - owner_x - priority_w - 6 - OWNER_ROOM)) + 4;
  if (tp->owner && tp->owner[0])
    paint_label (pc, card, WAYMARK_TEXT_CARD_META, tp->owner, right - owner_x - priority_w - 6, owner_x, cy,
                 &palette->text_secondary);
  else
    paint_label (pc, card, WAYMARK_TEXT_CARD_META, _("No owner"), right - owner_x - priority_w - 6, owner_x, cy,
                 &palette->text_faint);
}

/* Dot votes right-aligned at @right on @cy: a dot per vote up to five,
 * as the stickers a room puts on a card; more are one dot and the count,
 * which stays readable.  Returns the width used (0 without votes). */
static double
paint_votes (WaymarkPaintContext *pc,
             guint                votes,
             double               right,
             double               cy,
             const WaymarkColor  *count_color)
{
  cairo_t *cr = pc->cr;
  guint dots = votes <= VOTE_DOTS ? votes : 1;
  double x = right;

  if (votes == 0)
    return 0;
  if (votes > VOTE_DOTS)
    {
      char count[16];
      PangoLayout *layout;
      double w, h;

      g_snprintf (count, sizeof count, "%u", votes);
      layout = waymark_text_cache_get_label (pc->text, WAYMARK_TEXT_CARD_META, count, -1);
      waymark_text_get_size (layout, &w, &h);
      x -= w;
      _waymark_paint_text (pc, layout, x, cy - h / 2, count_color);
      x -= VOTE_GAP;
    }
  waymark_color_set_source (&pc->palette->vote, cr);
  for (guint i = 0; i < dots; i++)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x - VOTE_DOT / 2, cy, VOTE_DOT / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      x -= VOTE_DOT + VOTE_GAP;
    }
  return right - x - VOTE_GAP;
}

/* The shadow shows only around the card's edge: inside, the opaque card
 * covers it.  Blended under the whole card it cost as much as the card
 * itself at 100 %, so a rectangle well inside is left out (even-odd).
 * Its inset is the corners' radius plus two device pixels, so every
 * pixel its edge touches is one the card covers whole, and what shows is
 * unchanged. */
static void
paint_shadow (cairo_t              *cr,
              const WaymarkRect    *r,
              const WaymarkPalette *palette)
{
  double px = 1, py = 0, qx = 0, qy = 1, inset;

  cairo_new_path (cr);
  _waymark_glyph_rounded_rect (cr, r->x, r->y + 1.5, r->width, r->height, WM_CARD_RADIUS);
  cairo_user_to_device_distance (cr, &px, &py);
  cairo_user_to_device_distance (cr, &qx, &qy);
  inset = 0.5 + WM_CARD_RADIUS + 2 / MAX (MIN (hypot (px, py), hypot (qx, qy)), 1e-6);
  if (palette->card_fill.alpha >= 1 && r->width > 2 * inset && r->height > 2 * inset)
    {
      cairo_rectangle (cr, r->x + inset, r->y + inset, r->width - 2 * inset, r->height - 2 * inset);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
    }
  waymark_color_set_source (&palette->card_shadow, cr);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

/* The card's 1-unit border lies inside its outline, and the stripe is cut
 * by the outline's rounded corners.  Both were once drawn under a clip to
 * the outline; a non-rectangular clip makes cairo rasterise a mask for
 * every operation, the largest single cost of a viewport at 100 %.  The
 * same areas are filled directly: the border is the ring between the
 * outline and the outline moved in by half a unit (its corners' radius
 * half a unit smaller), filled even-odd; the stripe is the outline's part
 * left of x + STRIPE. */
static void
paint_body_edge (cairo_t              *cr,
                 const WaymarkRect    *r,
                 const WaymarkColor   *stripe,
                 const WaymarkPalette *palette)
{
  double x = r->x + 0.5, y = r->y + 0.5, w = r->width - 1, h = r->height - 1;
  double radius = MIN (WM_CARD_RADIUS, MIN (w, h) / 2);
  double cut = r->x + STRIPE;

  cairo_new_path (cr);
  _waymark_glyph_rounded_rect (cr, x, y, w, h, radius);
  _waymark_glyph_rounded_rect (cr, x + 0.5, y + 0.5, w - 1, h - 1, MAX (radius - 0.5, 0));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  waymark_color_set_source (&palette->card_border, cr);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  if (stripe == NULL)
    return;

  if (cut >= x + radius)
    {
      cairo_move_to (cr, cut, y);
      cairo_arc_negative (cr, x + radius, y + radius, radius, 3 * G_PI / 2, G_PI);
      cairo_arc_negative (cr, x + radius, y + h - radius, radius, G_PI, G_PI / 2);
      cairo_line_to (cr, cut, y + h);
    }
  else
    {
      /* The cut meets the corners' arcs. */
      double a = acos ((x + radius - cut) / radius);

      cairo_arc_negative (cr, x + radius, y + radius, radius, G_PI + a, G_PI);
      cairo_arc_negative (cr, x + radius, y + h - radius, radius, G_PI, G_PI - a);
    }
  cairo_close_path (cr);
  waymark_color_set_source (stripe, cr);
  cairo_fill (cr);
}

void
_waymark_paint_card (WaymarkPaintContext *pc,
                     WaymarkCard         *card,
                     const WaymarkRect   *r)
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
  paint_shadow (cr, r, palette);
  _waymark_glyph_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, WM_CARD_RADIUS);
  waymark_color_set_source (&palette->card_fill, cr);
  cairo_fill (cr);
  paint_body_edge (cr, r, tp->channel ? category_color : NULL, palette);

  /* Markers, right-aligned on the channel row. */
  if (tp->moment_of_truth)
    {
      _waymark_glyph_star (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE + 2);
      markers_x -= MARKER_SIZE + 5;
    }
  if (tp->strength == WAYMARK_STRENGTH_WEAKNESS)
    {
      _waymark_glyph_weakness (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE);
      markers_x -= MARKER_SIZE + 5;
    }
  else if (tp->strength == WAYMARK_STRENGTH_STRENGTH)
    {
      _waymark_glyph_strength (cr, palette, markers_x - MARKER_SIZE / 2, row_cy, MARKER_SIZE);
      markers_x -= MARKER_SIZE + 5;
    }

  /* Votes, left of the markers. */
  if (tp->votes > 0)
    markers_x -= paint_votes (pc, tp->votes, markers_x, row_cy, &palette->text_secondary) + 5;

  /* Channel: badge and name. */
  if (tp->channel)
    {
      _waymark_glyph_category_badge (cr, palette, category, tp->channel->icon,
                                    x + BADGE_SIZE / 2, row_cy, BADGE_SIZE);
      paint_label (pc, r, WAYMARK_TEXT_CARD_META, tp->channel->name,
                   markers_x - (x + BADGE_SIZE + 6) - 4, x + BADGE_SIZE + 6, row_cy,
                   &palette->text_secondary);
    }
  else
    paint_label (pc, r, WAYMARK_TEXT_CARD_META, _("No channel"), markers_x - x - 4, x, row_cy,
                 &palette->text_faint);

  /* Title */
  if (tp->title && tp->title[0])
    _waymark_paint_text_within (pc, card->text, x, r->y + m->card_pad + WM_CARD_CHANNEL_ROW + m->card_row_gap,
                                r, &palette->text);
  else
    {
      PangoLayout *layout = waymark_text_cache_get_label (pc->text, WAYMARK_TEXT_CARD_TITLE,
                                                          _("Untitled"), right - x);
      _waymark_paint_text (pc, layout, x, r->y + m->card_pad + WM_CARD_CHANNEL_ROW + m->card_row_gap,
                          &palette->text_faint);
    }

  paint_meta_row (pc, r, tp, x, right, r->y + r->height - m->card_pad - WM_CARD_META_ROW / 2);
}

void
_waymark_paint_note (WaymarkPaintContext *pc,
                     WaymarkCard         *card,
                     const WaymarkRect   *r)
{
  WaymarkNote *note = card->item;
  double pad = pc->layout->metrics->note_pad;

  _waymark_glyph_sticky (pc->cr, pc->palette, r->x, r->y, r->width, r->height);
  if (note->text && note->text[0])
    _waymark_paint_text_within (pc, card->text, r->x + pad, r->y + pad, r, &pc->palette->note_text);
  /* In the row the layout keeps free below the text. */
  paint_votes (pc, note->votes, r->x + r->width - pad, r->y + r->height - pad - WM_NOTE_VOTES_ROW / 2,
               &pc->palette->note_text);
}
