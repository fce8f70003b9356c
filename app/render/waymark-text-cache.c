/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include "waymark-text-cache.h"

struct _WaymarkTextCache
{
  PangoContext *context;
  PangoFontDescription *fonts[WAYMARK_N_TEXT_STYLES];
  GHashTable *labels;     /* "style:width:text" → PangoLayout */
  guint n_created;
};

typedef struct {
  PangoWeight weight;
  double size;            /* absolute, in map units */
} Style;

static const Style screen_styles[WAYMARK_N_TEXT_STYLES] = {
  [WAYMARK_TEXT_MAP_TITLE]     = { PANGO_WEIGHT_BOLD,   30.0 },
  [WAYMARK_TEXT_MAP_SUBTITLE]  = { PANGO_WEIGHT_NORMAL, 16.0 },
  [WAYMARK_TEXT_BADGE]         = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_PHASE]         = { PANGO_WEIGHT_BOLD,   17.0 },
  [WAYMARK_TEXT_PHASE_COUNT]   = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_LANE]          = { PANGO_WEIGHT_BOLD,   15.0 },
  [WAYMARK_TEXT_LANE_HINT]     = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_CARD_TITLE]    = { PANGO_WEIGHT_BOLD,   14.0 },
  [WAYMARK_TEXT_CARD_META]     = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_NOTE]          = { PANGO_WEIGHT_NORMAL, 13.0 },
  [WAYMARK_TEXT_EMOTION_LABEL] = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_KPI_NAME]      = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_KPI_VALUE]     = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_LEGEND]        = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_LEGEND_TITLE]  = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_PLACEHOLDER]   = { PANGO_WEIGHT_NORMAL, 13.0 },
};

/* Paper: what is read from a distance (card titles, notes, headers) is
 * larger relative to the rest; the one-line rows that hold the small
 * text (card channel and owner rows, KPI lines) keep their height, so
 * their text keeps its size. */
static const Style print_styles[WAYMARK_N_TEXT_STYLES] = {
  [WAYMARK_TEXT_MAP_TITLE]     = { PANGO_WEIGHT_BOLD,   30.0 },
  [WAYMARK_TEXT_MAP_SUBTITLE]  = { PANGO_WEIGHT_NORMAL, 16.0 },
  [WAYMARK_TEXT_BADGE]         = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_PHASE]         = { PANGO_WEIGHT_BOLD,   20.0 },
  [WAYMARK_TEXT_PHASE_COUNT]   = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_LANE]          = { PANGO_WEIGHT_BOLD,   16.0 },
  [WAYMARK_TEXT_LANE_HINT]     = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_CARD_TITLE]    = { PANGO_WEIGHT_BOLD,   18.0 },
  [WAYMARK_TEXT_CARD_META]     = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_NOTE]          = { PANGO_WEIGHT_NORMAL, 13.0 },
  [WAYMARK_TEXT_EMOTION_LABEL] = { PANGO_WEIGHT_NORMAL, 11.5 },
  [WAYMARK_TEXT_KPI_NAME]      = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_KPI_VALUE]     = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_LEGEND]        = { PANGO_WEIGHT_NORMAL, 12.0 },
  [WAYMARK_TEXT_LEGEND_TITLE]  = { PANGO_WEIGHT_BOLD,   12.0 },
  [WAYMARK_TEXT_PLACEHOLDER]   = { PANGO_WEIGHT_NORMAL, 13.0 },
};

static void
set_styles (WaymarkTextCache *cache,
            const Style      *styles)
{
  for (guint i = 0; i < WAYMARK_N_TEXT_STYLES; i++)
    {
      PangoFontDescription *desc = pango_font_description_new ();

      /* An explicit family list, weight and absolute size: the result must
       * not depend on the desktop's font settings, or reference images and
       * printouts would differ between machines. */
      pango_font_description_set_family (desc, WAYMARK_TEXT_FAMILIES);
      pango_font_description_set_weight (desc, styles[i].weight);
      pango_font_description_set_style (desc, PANGO_STYLE_NORMAL);
      pango_font_description_set_stretch (desc, PANGO_STRETCH_NORMAL);
      pango_font_description_set_absolute_size (desc, styles[i].size * PANGO_SCALE);
      g_clear_pointer (&cache->fonts[i], pango_font_description_free);
      cache->fonts[i] = desc;
    }
}

WaymarkTextCache *
waymark_text_cache_new (PangoContext *context)
{
  WaymarkTextCache *cache = g_new0 (WaymarkTextCache, 1);

  cache->context = g_object_ref (context);
  set_styles (cache, screen_styles);
  cache->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return cache;
}

void
waymark_text_cache_set_print (WaymarkTextCache *cache,
                              gboolean          print)
{
  set_styles (cache, print ? print_styles : screen_styles);
  /* Shared labels were made with the old sizes. */
  waymark_text_cache_clear_labels (cache);
}

void
waymark_text_cache_free (WaymarkTextCache *cache)
{
  if (cache == NULL)
    return;
  for (guint i = 0; i < WAYMARK_N_TEXT_STYLES; i++)
    pango_font_description_free (cache->fonts[i]);
  g_hash_table_unref (cache->labels);
  g_object_unref (cache->context);
  g_free (cache);
}

PangoContext *
waymark_text_cache_get_context (WaymarkTextCache *cache)
{
  return cache->context;
}

/* What any text may cost pango, whatever the map holds: a line of the
 * widest map shows far fewer characters than this, so only what would
 * be cut by the ellipsis anyway is left out. */
#define SHOWN_CHARS_PER_LINE 2000
/* Combining marks drawn on one character: enough for any script (Thai,
 * Vietnamese and Indic clusters have two or three), while a flood of
 * thousands would stack far above and below the line. */
#define SHOWN_MARKS_PER_CHAR 4

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

char *
waymark_text_bound (const char *text,
                    gsize       max_chars)
{
  GString *out = NULL;
  const char *p = text;
  guint marks = 0;
  gsize n = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean skip;

      if (max_chars > 0 && n == max_chars)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append (out, "\u2026");
          break;
        }
      marks = is_mark (c) ? marks + 1 : 0;
      skip = marks > SHOWN_MARKS_PER_CHAR;
      if (skip && out == NULL)
        out = g_string_new_len (text, p - text);
      if (!skip)
        {
          n++;
          if (out != NULL)
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

/* @text as it is shown: bounded (see waymark_text_bound()); @owned
 * holds a copy when one was needed. */
static const char *
shown_text (const char  *text,
            gsize        max_chars,
            char       **owned)
{
  if (text == NULL)
    return "";
  *owned = waymark_text_bound (text, max_chars);
  return *owned != NULL ? *owned : text;
}

static gsize
max_chars_for_lines (int max_lines)
{
  /* 0: as many lines as the text needs (the emotion notes' list, whose
   * notes are each bounded by the map's own limits). */
  return max_lines == 0 ? 0 : (gsize) MAX (max_lines, 1) * SHOWN_CHARS_PER_LINE;
}

PangoLayout *
waymark_text_cache_create (WaymarkTextCache *cache,
                           WaymarkTextStyle  style,
                           const char       *text,
                           double            width,
                           int               max_lines)
{
  PangoLayout *layout = pango_layout_new (cache->context);
  g_autofree char *owned = NULL;

  cache->n_created++;
  pango_layout_set_font_description (layout, cache->fonts[style]);
  pango_layout_set_text (layout, shown_text (text, width > 0 ? max_chars_for_lines (max_lines)
                                                              : SHOWN_CHARS_PER_LINE, &owned), -1);
  /* The wrap and ellipsis settings follow; the text must be bounded
   * before pango itemises and shapes it. */
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (max_lines > 0)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          /* A negative height counts lines. */
          pango_layout_set_height (layout, -max_lines);
        }
      else if (max_lines == 0)
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

PangoLayout *
waymark_text_cache_get_label (WaymarkTextCache *cache,
                              WaymarkTextStyle  style,
                              const char       *text,
                              double            width)
{
  g_autofree char *key = NULL;
  g_autofree char *owned = NULL;
  PangoLayout *layout;

  text = shown_text (text, SHOWN_CHARS_PER_LINE, &owned);
  key = g_strdup_printf ("%d:%d:%s", (int) style, (int) (width * 4), text);
  layout = g_hash_table_lookup (cache->labels, key);
  if (layout != NULL)
    return layout;

  layout = waymark_text_cache_create (cache, style, text, -1, 1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  g_hash_table_insert (cache->labels, g_steal_pointer (&key), layout);
  return layout;
}

void
waymark_text_cache_clear_labels (WaymarkTextCache *cache)
{
  g_hash_table_remove_all (cache->labels);
}

guint
waymark_text_cache_get_n_created (WaymarkTextCache *cache)
{
  return cache->n_created;
}

void
waymark_text_get_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (width)
    *width = (double) w / PANGO_SCALE;
  if (height)
    *height = (double) h / PANGO_SCALE;
}

gboolean
waymark_text_set_text (PangoLayout *layout,
                       const char  *text)
{
  g_autofree char *owned = NULL;
  int height = pango_layout_get_height (layout);

  /* Bounded as waymark_text_cache_create() made it. */
  text = shown_text (text, pango_layout_get_width (layout) <= 0 ? SHOWN_CHARS_PER_LINE
                           : max_chars_for_lines (height < 0 ? -height : 0), &owned);
  if (strcmp (pango_layout_get_text (layout), text) == 0)
    return FALSE;
  pango_layout_set_text (layout, text, -1);
  return TRUE;
}

void
waymark_text_append_isolated (GString    *out,
                              const char *text)
{
  g_string_append (out, "\u2068");
  g_string_append (out, text != NULL ? text : "");
  g_string_append (out, "\u2069");
}

void
waymark_text_mark_direction (GString *composite)
{
  g_autoptr(GString) outside = g_string_new (NULL);
  guint depth = 0;
  PangoDirection direction;

  /* The paragraph's direction comes from its first strong character
   * outside any isolate (Unicode's rule P2); pango would look inside
   * the isolates too, so they are left out of what it looks at. */
  for (const char *p = composite->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2066 || c == 0x2067 || c == 0x2068)
        depth++;
      else if (c == 0x2069 && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_len (outside, p, g_utf8_next_char (p) - p);
    }
  /* Deprecated in pango 1.44 for the bidi of whole layouts, which is
   * what this is not: it is the one place that says the direction of a
   * piece of text without laying it out. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  direction = pango_find_base_dir (outside->str, (int) outside->len);
  G_GNUC_END_IGNORE_DEPRECATIONS
  /* U+200F RIGHT-TO-LEFT MARK or U+200E LEFT-TO-RIGHT MARK: invisible,
   * strong, and first, so pango takes its direction. */
  g_string_prepend (composite, direction == PANGO_DIRECTION_RTL ? "\u200f" : "\u200e");
}

gboolean
waymark_text_breaks_word (PangoLayout *layout)
{
  const PangoLogAttr *attrs;
  const char *text = pango_layout_get_text (layout);
  int n_attrs;
  GSList *lines;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  lines = pango_layout_get_lines_readonly (layout);
  /* Every line after the first starts where the one before broke: at a
   * line-break opportunity between words, or else inside a word. */
  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}
