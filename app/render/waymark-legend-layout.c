/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-layout-private.h"
#include "waymark-describe.h"
#include "waymark-persona-style.h"

#define ENTRY_GAP  18.0    /* between entries of a group */
#define GROUP_GAP  40.0    /* between groups */
#define SYMBOL_GAP 7.0     /* symbol → its label */
#define TITLE_GAP  12.0    /* group title → first entry */

typedef struct {
  WaymarkLegendKind kind;
  int value;
  const char *label;
} Entry;

void
_waymark_legend_clear (WaymarkLayout *self)
{
  if (self->legend == NULL)
    return;
  for (guint i = 0; i < self->legend->len; i++)
    g_clear_object (&g_array_index (self->legend, WaymarkLegendItem, i).label);
  g_array_set_size (self->legend, 0);
}

static double
text_width (PangoLayout *layout)
{
  double w;

  waymark_text_get_size (layout, &w, NULL);
  return w;
}

/* Places @item at (*@x, *@y) and moves *@x past it; @wrap: an entry that
 * would cross @width starts the next line. */
static void
place_entry (WaymarkLegendItem *item,
             double            *x,
             double            *y,
             double             width,
             gboolean           wrap)
{
  double w = item->kind == WM_LEGEND_TITLE ? text_width (item->label) + TITLE_GAP
                                           : WM_LEGEND_SYMBOL + SYMBOL_GAP + text_width (item->label) + ENTRY_GAP;

  if (wrap && *x > 0 && *x + w - ENTRY_GAP > width)
    {
      *x = 0;
      *y += WM_LEGEND_LINE;
    }
  item->x = *x;
  item->y = *y;
  *x += w;
}

/* The personas whose curves the emotion lane shows, by their marks, and
 * the map's own curve beside them.  Eight names may not fit one line:
 * unlike the other groups this one wraps between its entries. */
static void
add_persona_group (WaymarkLayout *self,
                   double        *x,
                   double        *y,
                   double         width)
{
  g_autoptr(GPtrArray) personas = _waymark_persona_curves_personas (self);
  WaymarkTextCache *text = _waymark_layout_get_text_cache (self);
  WaymarkLegendItem title = { WM_LEGEND_TITLE, 0, 0, 0, NULL };
  WaymarkLegendItem all = { WM_LEGEND_ALL_PERSONAS, 0, 0, 0, NULL };
  double first_width;

  if (personas->len == 0)
    return;
  /* TRANSLATORS: the legend's group of the personas' emotion curves */
  title.label = waymark_text_cache_create (text, WAYMARK_TEXT_LEGEND_TITLE, _("Personas"), -1, 1);
  /* TRANSLATORS: in the legend, the map's own emotion curve, which every persona shares where it has no emotion of its own */
  all.label = waymark_text_cache_create (text, WAYMARK_TEXT_LEGEND, _("All personas"), -1, 1);
  /* The title stays with its first entry. */
  first_width = text_width (title.label) + TITLE_GAP + WM_LEGEND_SYMBOL + SYMBOL_GAP + text_width (all.label);
  if (*x > 0 && *x + first_width > width)
    {
      *x = 0;
      *y += WM_LEGEND_LINE;
    }
  place_entry (&title, x, y, width, FALSE);
  g_array_append_val (self->legend, title);
  place_entry (&all, x, y, width, FALSE);
  g_array_append_val (self->legend, all);
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);
      WaymarkLegendItem item = { WM_LEGEND_PERSONA, (int) waymark_persona_style_of (self->journey, persona), 0, 0, NULL };
      const char *name = persona->name != NULL && persona->name[0] != '\0' ? persona->name : _("Unnamed persona");

      /* A name is a line of up to 1,000 characters: cut to a few words. */
      item.label = waymark_text_cache_create (text, WAYMARK_TEXT_LEGEND, name, 220, 1);
      place_entry (&item, x, y, width, TRUE);
      g_array_append_val (self->legend, item);
    }
}

void
_waymark_legend_build (WaymarkLayout *self)
{
  const Entry categories[] = {
    { WM_LEGEND_CATEGORY, WAYMARK_CATEGORY_DIGITAL, _("Digital") },
    { WM_LEGEND_CATEGORY, WAYMARK_CATEGORY_PHYSICAL, _("Physical") },
    { WM_LEGEND_CATEGORY, WAYMARK_CATEGORY_PERSONAL, _("Personal") },
  };
  const Entry emotions[] = {
    { WM_LEGEND_EMOTION, -2, waymark_describe_emotion (-2) },
    { WM_LEGEND_EMOTION, -1, waymark_describe_emotion (-1) },
    { WM_LEGEND_EMOTION, 0, waymark_describe_emotion (0) },
    { WM_LEGEND_EMOTION, 1, waymark_describe_emotion (1) },
    { WM_LEGEND_EMOTION, 2, waymark_describe_emotion (2) },
  };
  const Entry markers[] = {
    { WM_LEGEND_WEAKNESS, 0, _("Weak spot") },
    { WM_LEGEND_STRENGTH, 0, _("Strength") },
    { WM_LEGEND_MOMENT_OF_TRUTH, 0, _("Moment of truth") },
  };
  const Entry others[] = {
    { WM_LEGEND_LINK, 0, _("Customer flow") },
    { WM_LEGEND_NOTE, 0, _("Note") },
  };
  const struct {
    const char *title;
    const Entry *entries;
    guint n;
  } groups[] = {
    { _("Channel category"), categories, G_N_ELEMENTS (categories) },
    { _("Emotion"), emotions, G_N_ELEMENTS (emotions) },
    { _("Markers"), markers, G_N_ELEMENTS (markers) },
    { _("Also shown"), others, G_N_ELEMENTS (others) },
  };
  WaymarkTextCache *text = _waymark_layout_get_text_cache (self);
  double width = _waymark_layout_frame_width (self);
  double x = 0;
  double y = WM_LEGEND_LINE / 2;

  _waymark_legend_clear (self);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      guint first = self->legend->len;
      WaymarkLegendItem title = { WM_LEGEND_TITLE, 0, 0, 0, NULL };
      double group_width;

      title.label = waymark_text_cache_create (text, WAYMARK_TEXT_LEGEND_TITLE, groups[g].title, -1, 1);
      g_array_append_val (self->legend, title);
      group_width = text_width (title.label) + TITLE_GAP;
      for (guint e = 0; e < groups[g].n; e++)
        {
          WaymarkLegendItem item = { groups[g].entries[e].kind, groups[g].entries[e].value, 0, 0, NULL };

          item.label = waymark_text_cache_create (text, WAYMARK_TEXT_LEGEND, groups[g].entries[e].label, -1, 1);
          g_array_append_val (self->legend, item);
          group_width += WM_LEGEND_SYMBOL + SYMBOL_GAP + text_width (item.label) + (e + 1 < groups[g].n ? ENTRY_GAP : 0);
        }

      /* A group never breaks: it moves to the next line whole. */
      if (x > 0 && x + group_width > width)
        {
          x = 0;
          y += WM_LEGEND_LINE;
        }
      for (guint i = first; i < self->legend->len; i++)
        {
          WaymarkLegendItem *item = &g_array_index (self->legend, WaymarkLegendItem, i);

          item->x = x;
          item->y = y;
          if (item->kind == WM_LEGEND_TITLE)
            x += text_width (item->label) + TITLE_GAP;
          else
            x += WM_LEGEND_SYMBOL + SYMBOL_GAP + text_width (item->label) + ENTRY_GAP;
        }
      x += GROUP_GAP - ENTRY_GAP;
    }

  add_persona_group (self, &x, &y, width);

  self->legend_rect.x = self->metrics->margin;
  self->legend_rect.width = width;
  self->legend_rect.height = y + WM_LEGEND_LINE / 2;
}
