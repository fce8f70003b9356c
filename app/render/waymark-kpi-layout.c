/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-layout-private.h"
#include "waymark-number.h"

/* A KPI summary lists every key figure measured in a phase, one line per
 * name and unit: "Conversion rate   2.1 %, 2.4 %" ("2,1; 2,4 %" in
 * German).  Values keep the digits of the file, except ratios, which read
 * better as percentages; every number takes the reader's decimal mark and
 * the list a separator that cannot be mistaken for it. */

typedef struct {
  const char *name;
  const char *unit;
  GString *values;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_string_free (group->values, TRUE);
  g_free (group);
}

guint
_waymark_kpi_hash (WaymarkTouchpoint *tp)
{
  guint hash = 0;

  if (tp->kpis == NULL || tp->kpis->len == 0)
    return 0;
  for (guint i = 0; i < tp->kpis->len; i++)
    {
      const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);

      hash = hash * 31 + g_str_hash (kpi->name ? kpi->name : "");
      hash = hash * 31 + g_str_hash (kpi->value ? kpi->value : "");
      hash = hash * 31 + g_str_hash (kpi->unit ? kpi->unit : "");
    }
  return hash != 0 ? hash : 1;
}

static gboolean
is_ratio (const char *unit)
{
  return unit != NULL && strcmp (unit, "ratio") == 0;
}

static void
append_value (GString          *out,
              const WaymarkKpi *kpi)
{
  g_autofree char *number = NULL;

  if (is_ratio (kpi->unit) && kpi->value)
    {
      double percent = g_ascii_strtod (kpi->value, NULL) * 100.0;

      /* Whole percentages without a decimal. */
      number = waymark_number_format_double (percent, fabs (percent - round (percent)) < 0.05 ? 0 : 1);
    }
  else
    number = waymark_number_format (kpi->value);
  g_string_append (out, number);
}

void
_waymark_kpi_cell_clear (WaymarkCell *cell)
{
  if (cell->kpi_lines == NULL)
    return;
  for (guint i = 0; i < cell->kpi_lines->len; i++)
    {
      WaymarkKpiLine *line = g_ptr_array_index (cell->kpi_lines, i);

      g_clear_object (&line->name);
      g_clear_object (&line->value);
      g_free (line);
    }
  g_clear_pointer (&cell->kpi_lines, g_ptr_array_unref);
}

void
_waymark_kpi_cell_build (WaymarkCell   *cell,
                         WaymarkLayout *layout)
{
  WaymarkTextCache *text = _waymark_layout_get_text_cache (layout);
  const WaymarkMetrics *m = cell->metrics;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint column = cell->column->index;
  guint slots, per_column;
  double y = m->cell_pad, height = 0;

  _waymark_kpi_cell_clear (cell);
  cell->height = 0;

  /* The touchpoints of the phase, lane by lane, each in cell order. */
  for (guint r = 0; r < layout->rows->len; r++)
    {
      WaymarkCell *source = _waymark_layout_cell (layout, r, column);

      for (guint i = 0; i < source->cards->len; i++)
        {
          WaymarkCard *card = g_ptr_array_index (source->cards, i);
          WaymarkTouchpoint *tp = card->item;

          if (waymark_item_get_item_type (tp) != WAYMARK_ITEM_TOUCHPOINT || tp->kpis == NULL)
            continue;
          for (guint k = 0; k < tp->kpis->len; k++)
            {
              const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, k);
              g_autofree char *key = g_strconcat (kpi->name ? kpi->name : "", "\x1f",
                                                  kpi->unit ? kpi->unit : "", NULL);
              Group *group = g_hash_table_lookup (by_key, key);

              if (group == NULL)
                {
                  group = g_new0 (Group, 1);
                  group->name = kpi->name;
                  group->unit = kpi->unit;
                  group->values = g_string_new (NULL);
                  g_ptr_array_add (groups, group);
                  g_hash_table_insert (by_key, g_steal_pointer (&key), group);
                }
              else
                g_string_append (group->values, waymark_number_get_list_separator ());
              append_value (group->values, kpi);
            }
        }
    }

  if (groups->len == 0)
    return;

  /* Lines fill the column's slots top to bottom, then left to right, so a
   * wide phase lists its figures in several short columns. */
  slots = MAX (1, cell->column->n_slots);
  per_column = (groups->len + slots - 1) / slots;
  cell->kpi_lines = g_ptr_array_new ();
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      WaymarkKpiLine *line = g_new0 (WaymarkKpiLine, 1);
      g_autofree char *value = NULL;
      double vw, vh, nh;

      if (is_ratio (group->unit))
        value = g_strconcat (group->values->str, " %", NULL);
      else if (group->unit)
        value = g_strconcat (group->values->str, " ", group->unit, NULL);
      else
        value = g_strdup (group->values->str);

      if (i % per_column == 0)
        y = m->cell_pad;
      line->x = _waymark_cell_content_x (cell, i / per_column);
      line->y = y;
      line->width = m->card_width;
      line->value = waymark_text_cache_create (text, WAYMARK_TEXT_KPI_VALUE, value, -1, 1);
      waymark_text_get_size (line->value, &vw, NULL);
      /* The figure matters more than the name: the name gives way first
       * (wrapping to a second line), but keeps 40 % of the width. */
      if (vw > m->card_width * 0.6)
        {
          pango_layout_set_width (line->value, (int) (m->card_width * 0.6 * PANGO_SCALE));
          /* On paper the figure wraps; it is never cut. */
          if (waymark_layout_get_density (layout) == WAYMARK_LAYOUT_DENSITY_PRINT)
            pango_layout_set_wrap (line->value, PANGO_WRAP_WORD_CHAR);
          else
            pango_layout_set_ellipsize (line->value, PANGO_ELLIPSIZE_END);
          waymark_text_settle (line->value);
          vw = m->card_width * 0.6;
        }
      waymark_text_get_size (line->value, NULL, &vh);
      line->name = waymark_text_cache_create (text, WAYMARK_TEXT_KPI_NAME, group->name,
                                              m->card_width - vw - 10, 2);
      waymark_text_get_size (line->name, NULL, &nh);
      line->height = MAX (WM_KPI_LINE_HEIGHT, MAX (nh, vh) + WM_KPI_LINE_HEIGHT - 15);
      y += line->height;
      height = MAX (height, y);
      g_ptr_array_add (cell->kpi_lines, line);
    }
  cell->height = height + m->cell_pad;
}
