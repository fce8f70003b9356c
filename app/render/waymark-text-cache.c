/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include "waymark-text-breaks-private.h"
#include "waymark-text-cache.h"

struct _WaymarkTextCache
{
  PangoContext *context;
  PangoFontDescription *fonts[WAYMARK_N_TEXT_STYLES];
  GHashTable *labels;     /* "style:width:text" → PangoLayout */
  gboolean whole;         /* never cut text with an ellipsis (paper) */
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

/* A projector: what the room reads (card titles, notes, headers) is much
 * larger relative to the card, whose width stays; the one-line rows grow
 * as far as their fixed heights allow. */
static const Style presentation_styles[WAYMARK_N_TEXT_STYLES] = {
  [WAYMARK_TEXT_MAP_TITLE]     = { PANGO_WEIGHT_BOLD,   34.0 },
  [WAYMARK_TEXT_MAP_SUBTITLE]  = { PANGO_WEIGHT_NORMAL, 18.0 },
  [WAYMARK_TEXT_BADGE]         = { PANGO_WEIGHT_BOLD,   13.0 },
  [WAYMARK_TEXT_PHASE]         = { PANGO_WEIGHT_BOLD,   24.0 },
  [WAYMARK_TEXT_PHASE_COUNT]   = { PANGO_WEIGHT_NORMAL, 13.0 },
  [WAYMARK_TEXT_LANE]          = { PANGO_WEIGHT_BOLD,   20.0 },
  [WAYMARK_TEXT_LANE_HINT]     = { PANGO_WEIGHT_NORMAL, 13.0 },
  [WAYMARK_TEXT_CARD_TITLE]    = { PANGO_WEIGHT_BOLD,   22.0 },
  [WAYMARK_TEXT_CARD_META]     = { PANGO_WEIGHT_NORMAL, 13.0 },
  [WAYMARK_TEXT_NOTE]          = { PANGO_WEIGHT_NORMAL, 18.0 },
  [WAYMARK_TEXT_EMOTION_LABEL] = { PANGO_WEIGHT_NORMAL, 14.0 },
  [WAYMARK_TEXT_KPI_NAME]      = { PANGO_WEIGHT_NORMAL, 14.0 },
  [WAYMARK_TEXT_KPI_VALUE]     = { PANGO_WEIGHT_BOLD,   14.0 },
  [WAYMARK_TEXT_LEGEND]        = { PANGO_WEIGHT_NORMAL, 14.0 },
  [WAYMARK_TEXT_LEGEND_TITLE]  = { PANGO_WEIGHT_BOLD,   14.0 },
  [WAYMARK_TEXT_PLACEHOLDER]   = { PANGO_WEIGHT_NORMAL, 16.0 },
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

/* The text a layout was made for, before the breaks were added. */
#define SOURCE_KEY      "waymark-source"
/* Whether a line had to start inside a word (see waymark_text_breaks_word). */
#define BREAKS_WORD_KEY "waymark-breaks-word"
/* How many characters of a text the layout shows (waymark_text_bound()). */
#define MAX_CHARS_KEY   "waymark-max-chars"

#define SOFT_HYPHEN    "\xc2\xad"
#define NO_BREAK_SPACE "\xc2\xa0"

/* @text without soft hyphens, its no-break spaces plain ones again. */
static void
append_plain (GString    *out,
              const char *text,
              gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end;)
    {
      if (end - p >= 2 && strncmp (p, SOFT_HYPHEN, 2) == 0)
        p += 2;
      else if (end - p >= 2 && strncmp (p, NO_BREAK_SPACE, 2) == 0)
        {
          g_string_append_c (out, ' ');
          p += 2;
        }
      else
        g_string_append_c (out, *p++);
    }
}

static gboolean
is_letter_at (const char *text,
              const char *p)
{
  return p >= text && *p != '\0' && g_unichar_isalpha (g_utf8_get_char (p));
}

/* Where @layout's lines start between two letters where no break is
 * allowed, as character offsets into the text without soft hyphens. */
static GArray *
find_word_breaks (PangoLayout *layout)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (glong));
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset, source_offset = 0;

      if (line->start_index == 0)
        continue;
      offset = g_utf8_pointer_to_offset (text, text + line->start_index);
      if (offset >= n_attrs || attrs[offset].is_line_break)
        continue;
      for (const char *p = text; p < text + line->start_index; p = g_utf8_next_char (p))
        if (strncmp (p, SOFT_HYPHEN, 2) != 0)
          source_offset++;
      g_array_append_val (offsets, source_offset);
    }
  return offsets;
}

/* Sets the text with its breaks: first between words only; a word that
 * still has to break (it is wider than the line) gets the breaks its
 * language allows, and the text is laid out again, until no line starts
 * inside a word or no more words can be helped. */
static void
set_breakable_text (PangoLayout *layout,
                    const char  *source)
{
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (glong));

  for (guint pass = 0; pass < 4; pass++)
    {
      g_autofree char *breakable = _waymark_text_add_breaks (source, (glong *) inside->data, inside->len);
      g_autoptr(GArray) found = NULL;
      guint before = inside->len;

      pango_layout_set_text (layout, breakable, -1);
      if (pango_layout_get_width (layout) < 0 || !_waymark_text_can_hyphenate ())
        return;
      found = find_word_breaks (layout);
      for (guint i = 0; i < found->len; i++)
        {
          glong offset = g_array_index (found, glong, i);
          gboolean known = FALSE;

          for (guint j = 0; j < inside->len && !known; j++)
            known = g_array_index (inside, glong, j) == offset;
          if (!known)
            g_array_append_val (inside, offset);
        }
      if (inside->len == before)
        return;
    }
}

void
waymark_text_settle (PangoLayout *layout)
{
  const char *source = g_object_get_data (G_OBJECT (layout), SOURCE_KEY);
  g_autoptr(GString) settled = g_string_new (NULL);
  g_autofree char *breakable = NULL;
  const PangoLogAttr *attrs;
  const char *text;
  gboolean breaks_word = FALSE;
  GSList *lines;
  int n_attrs, n_lines;

  set_breakable_text (layout, source);
  breakable = g_strdup (pango_layout_get_text (layout));
  text = pango_layout_get_text (layout);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  lines = pango_layout_get_lines_readonly (layout);
  n_lines = g_slist_length (lines);

  /* The soft hyphens and no-break spaces only steer the line breaks, and
   * would stay in a PDF's text (a search for "Kundenzufriedenheit" would
   * not find "Kunden\u00adzufriedenheit").  So the lines are written out
   * again as plain text with their breaks made explicit: a soft hyphen
   * where a line broke becomes "-", a space there a line break. */
  for (GSList *l = lines; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoLayoutLine *next = l->next != NULL ? l->next->data : NULL;
      const char *start = text + line->start_index;
      const char *end = start + line->length;
      const char *next_start = next != NULL ? text + next->start_index : NULL;
      glong offset;

      if (next == NULL)
        {
          append_plain (settled, start, strlen (start));
          break;
        }
      offset = g_utf8_pointer_to_offset (text, next_start);
      if (offset < n_attrs && !attrs[offset].is_line_break)
        breaks_word = TRUE;
      if (memchr (end, '\n', next_start - end) != NULL || memchr (end, '\r', next_start - end) != NULL)
        {
          append_plain (settled, start, end - start);
          g_string_append_c (settled, '\n');
          continue;
        }
      /* The line's own text without the spaces it ends with. */
      while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
      if (end - start >= 2 && strncmp (end - 2, SOFT_HYPHEN, 2) == 0)
        {
          append_plain (settled, start, end - start - 2);
          g_string_append (settled, "-\n");
          breaks_word = TRUE;
        }
      else
        {
          append_plain (settled, start, end - start);
          /* Broken between two letters (no break the language allows fit):
           * a hyphen, as pango draws one there. */
          if (is_letter_at (text, g_utf8_find_prev_char (text, end)) && is_letter_at (text, next_start) &&
              end == next_start)
            g_string_append_c (settled, '-');
          g_string_append_c (settled, '\n');
        }
    }
  g_object_set_data (G_OBJECT (layout), BREAKS_WORD_KEY, GINT_TO_POINTER (breaks_word));
  if (pango_layout_is_ellipsized (layout))
    return;   /* the screen: the cut text keeps its marks */
  pango_layout_set_text (layout, settled->str, (int) settled->len);
  /* Each line fits its width, so no new break: if the font's hyphen is
   * wider than the one pango drew and one does, the marked text stays. */
  if (pango_layout_get_line_count (layout) != n_lines)
    pango_layout_set_text (layout, breakable, -1);
}

static void
set_source (PangoLayout *layout,
            const char  *text)
{
  g_object_set_data_full (G_OBJECT (layout), SOURCE_KEY, g_strdup (text != NULL ? text : ""), g_free);
  waymark_text_settle (layout);
}

/* A label too wide for its place on paper gets a smaller font, down to
 * three quarters of its size (still legible at the scale a fitted page
 * gives); what is still too wide wraps to another line. */
static void
shrink_to_fit (PangoLayout                *layout,
               const PangoFontDescription *font,
               double                      width)
{
  g_autoptr(PangoFontDescription) smaller = NULL;
  double natural;
  int w;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  natural = (double) w / PANGO_SCALE;
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (natural <= width)
    return;
  smaller = pango_font_description_copy (font);
  pango_font_description_set_absolute_size (smaller, pango_font_description_get_size (font) *
                                                     MAX (0.75, width / natural));
  pango_layout_set_font_description (layout, smaller);
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
waymark_text_cache_set_sizes (WaymarkTextCache *cache,
                              WaymarkTextSizes  sizes)
{
  set_styles (cache, sizes == WAYMARK_TEXT_SIZES_PRINT          ? print_styles
                     : sizes == WAYMARK_TEXT_SIZES_PRESENTATION ? presentation_styles
                                                                : screen_styles);
  /* Paper has no tooltip: text there is never cut short. */
  cache->whole = sizes == WAYMARK_TEXT_SIZES_PRINT;
  /* Shared labels were made with the old sizes. */
  waymark_text_cache_clear_labels (cache);
}

double
waymark_text_cache_get_size (WaymarkTextCache *cache,
                             WaymarkTextStyle  style)
{
  g_return_val_if_fail (style < WAYMARK_N_TEXT_STYLES, 0);

  return pango_font_description_get_size (cache->fonts[style]) / (double) PANGO_SCALE;
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
  gsize max_chars;

  cache->n_created++;
  pango_layout_set_font_description (layout, cache->fonts[style]);
  max_chars = width > 0 ? max_chars_for_lines (max_lines) : SHOWN_CHARS_PER_LINE;
  /* set_text() bounds a new text the same way. */
  g_object_set_data (G_OBJECT (layout), MAX_CHARS_KEY, GSIZE_TO_POINTER (max_chars));
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      /* On paper there is no tooltip to read the rest: whole text. */
      if (max_lines > 0 && !cache->whole)
        {
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          /* A negative height counts lines. */
          pango_layout_set_height (layout, -max_lines);
        }
    }
  /* The text is bounded before pango itemises and shapes it. */
  set_source (layout, shown_text (text, max_chars, &owned));
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
      if (cache->whole)
        shrink_to_fit (layout, cache->fonts[style], width);
      else
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      waymark_text_settle (layout);
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
  gsize max_chars = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (layout), MAX_CHARS_KEY));

  /* Bounded as waymark_text_cache_create() made it. */
  text = shown_text (text, max_chars, &owned);
  if (waymark_text_shows (layout, text))
    return FALSE;
  set_source (layout, text);
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
waymark_text_shows (PangoLayout *layout,
                    const char  *text)
{
  const char *source = g_object_get_data (G_OBJECT (layout), SOURCE_KEY);

  return g_strcmp0 (source, text != NULL ? text : "") == 0;
}

gboolean
waymark_text_breaks_word (PangoLayout *layout)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), BREAKS_WORD_KEY));
}
