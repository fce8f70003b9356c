/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Internal to app/render: the map's text styles and the layouts shared
 * between cards.  Not part of the public API. */

typedef enum {
  WAYMARK_TEXT_MAP_TITLE,
  WAYMARK_TEXT_MAP_SUBTITLE,
  WAYMARK_TEXT_BADGE,
  WAYMARK_TEXT_PHASE,
  WAYMARK_TEXT_PHASE_COUNT,
  WAYMARK_TEXT_LANE,
  WAYMARK_TEXT_LANE_HINT,
  WAYMARK_TEXT_CARD_TITLE,
  WAYMARK_TEXT_CARD_META,
  WAYMARK_TEXT_NOTE,
  WAYMARK_TEXT_EMOTION_LABEL,
  WAYMARK_TEXT_KPI_NAME,
  WAYMARK_TEXT_KPI_VALUE,
  WAYMARK_TEXT_LEGEND,
  WAYMARK_TEXT_LEGEND_TITLE,
  WAYMARK_TEXT_PLACEHOLDER,
  WAYMARK_N_TEXT_STYLES
} WaymarkTextStyle;

/* The font families, in order: Cantarell is the GNOME UI font, DejaVu Sans
 * is on every Debian system and covers far more scripts. */
#define WAYMARK_TEXT_FAMILIES "Cantarell,DejaVu Sans"

typedef struct _WaymarkTextCache WaymarkTextCache;

WaymarkTextCache *waymark_text_cache_new        (PangoContext     *context);
void              waymark_text_cache_free       (WaymarkTextCache *cache);
PangoContext     *waymark_text_cache_get_context (WaymarkTextCache *cache);
/* Which text sizes: the screen's (the default), paper's, or a projector's
 * (presentation mode: read from the back of a room). */
typedef enum {
  WAYMARK_TEXT_SIZES_SCREEN,
  WAYMARK_TEXT_SIZES_PRINT,
  WAYMARK_TEXT_SIZES_PRESENTATION,
} WaymarkTextSizes;

/* Layouts created before keep their old fonts. */
void              waymark_text_cache_set_sizes  (WaymarkTextCache *cache,
                                                 WaymarkTextSizes  sizes);
/* The size of @style's text, in map units. */
double            waymark_text_cache_get_size   (WaymarkTextCache *cache,
                                                 WaymarkTextStyle  style);

/* A new layout of @text in @style, wrapped at @width (<= 0: no wrapping)
 * and cut with an ellipsis after @max_lines lines (0: no limit).  With
 * the print sizes nothing is cut: paper has no tooltip. */
PangoLayout      *waymark_text_cache_create     (WaymarkTextCache *cache,
                                                 WaymarkTextStyle  style,
                                                 const char       *text,
                                                 double            width,
                                                 int               max_lines);
/* A single-line label ellipsized at @width (<= 0: not ellipsized; with the
 * print sizes made smaller to fit instead, then wrapped), shared
 * by everyone asking for the same style, width and text: a thousand cards
 * owned by "Marketing" use one layout.  Borrowed; valid until the cache
 * is cleared. */
PangoLayout      *waymark_text_cache_get_label  (WaymarkTextCache *cache,
                                                 WaymarkTextStyle  style,
                                                 const char       *text,
                                                 double            width);
/* Drops the shared labels (after a reload, so the cache does not grow
 * with every owner name ever typed). */
void              waymark_text_cache_clear_labels (WaymarkTextCache *cache);
/* How many layouts the cache has created: for the layout's statistics. */
guint             waymark_text_cache_get_n_created (WaymarkTextCache *cache);

/* Size of @layout's logical extents in map units. */
void              waymark_text_get_size         (PangoLayout      *layout,
                                                 double           *width,
                                                 double           *height);
/* Lays @layout's text out again after its width, font or ellipsizing
 * changed: the breaks the language allows, then plain text (see
 * waymark-text-breaks-private.h). */
void              waymark_text_settle           (PangoLayout      *layout);
/* Whether a line of @layout ends inside a word: where its language allows
 * (a hyphen), or between any two letters of a word wider than the line. */
gboolean          waymark_text_breaks_word      (PangoLayout      *layout);
/* @text cut to what a layout can show, so that laying it out and drawing
 * it take bounded time and memory whatever it holds: at most @max_chars
 * characters (0: no limit; an ellipsis replaces the rest) and a few
 * combining marks on one character (a flood of them is dropped).  NULL
 * when @text is shown as it is. */
char             *waymark_text_bound            (const char       *text,
                                                 gsize             max_chars);
/* Wraps @text in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL
 * ISOLATE and appends it to @out, so that a field's own writing
 * direction (a leading U+202E RIGHT-TO-LEFT OVERRIDE, an unclosed
 * embedding) never turns the text around it. */
void              waymark_text_append_isolated  (GString          *out,
                                                 const char       *text);
/* Gives @composite, a text made of isolated fields, the writing
 * direction of its own words (a "Goal:", a separator), not of the first
 * field's, by putting a direction mark first. */
void              waymark_text_mark_direction   (GString          *composite);
/* Replaces the text of @layout when it differs; returns whether it did.
 * Layouts hold their text with the breaks of _waymark_text_add_breaks(). */
gboolean          waymark_text_set_text         (PangoLayout      *layout,
                                                 const char       *text);
/* Whether @layout shows @text (a layout's own text has the breaks added). */
gboolean          waymark_text_shows            (PangoLayout      *layout,
                                                 const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTextCache, waymark_text_cache_free)

G_END_DECLS
