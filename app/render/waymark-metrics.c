/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include "waymark-layout-private.h"

/* The screen's sizes: cards wide enough for a pointer to hit the markers,
 * gutters wide enough to drop a card into. */
static const WaymarkMetrics screen = {
  .margin = 40.0,
  .min_content_width = 960.0,
  .header_gap = 28.0,
  .legend_gap = 32.0,
  .gap = 8.0,
  .lane_header_width = 172.0,
  .lane_header_pad = 12.0,
  .card_width = 220.0,
  .cell_pad = 12.0,
  .slot_gap = 12.0,
  .band_gap = 12.0,
  .card_pad = 11.0,
  .card_row_gap = 7.0,
  .note_pad = 12.0,
  .emotion_height = 188.0,
};

/* Paper: a fitted map is scaled as a whole, so the text only grows when
 * everything that is not text shrinks.  Measured on the example map on
 * A3, the screen's gutters, paddings and margins took a third of the
 * width.  Cards are narrower relative to their text (titles wrap to one
 * more line, which costs less height than the width saved); the map's own
 * margin is small because the paper has one; gutters stay wide enough for
 * the links routed through them. */
static const WaymarkMetrics print = {
  .margin = 10.0,
  .min_content_width = 720.0,
  .header_gap = 14.0,
  .legend_gap = 14.0,
  .gap = 5.0,
  .lane_header_width = 124.0,
  .lane_header_pad = 8.0,
  .card_width = 200.0,
  .cell_pad = 7.0,
  .slot_gap = 8.0,
  .band_gap = 8.0,
  .card_pad = 7.0,
  .card_row_gap = 4.0,
  .note_pad = 8.0,
  .emotion_height = 164.0,
};

/* A projector: the screen's cards (their titles are much larger, see
 * waymark-text-cache.c) with thin gutters and margins, so that the phases
 * fitted to the width leave the most to the text.  The emotion lane keeps
 * the screen's height: its levels stay 30 units apart (the canvas's
 * curve editing counts on that). */
static const WaymarkMetrics presentation = {
  .margin = 16.0,
  .min_content_width = 720.0,
  .header_gap = 16.0,
  .legend_gap = 16.0,
  .gap = 6.0,
  .lane_header_width = 172.0,
  .lane_header_pad = 10.0,
  .card_width = 220.0,
  .cell_pad = 8.0,
  .slot_gap = 8.0,
  .band_gap = 8.0,
  .card_pad = 9.0,
  .card_row_gap = 5.0,
  .note_pad = 9.0,
  .emotion_height = 188.0,
};

const WaymarkMetrics *
_waymark_metrics_get (WaymarkLayoutDensity density)
{
  switch (density)
    {
    case WAYMARK_LAYOUT_DENSITY_PRINT:
      return &print;
    case WAYMARK_LAYOUT_DENSITY_PRESENTATION:
      return &presentation;
    case WAYMARK_LAYOUT_DENSITY_SCREEN:
    default:
      return &screen;
    }
}
