/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-kpi.h"

/* Appends @text (when it is set, and not empty unless @keep_empty) to the
 * strings of a packed KPI at *@end, and returns where it went. */
static char *
pack_string (char       **end,
             const char  *text,
             gboolean     keep_empty)
{
  char *start = *end;
  gsize n;

  if (text == NULL || (*text == '\0' && !keep_empty))
    return NULL;
  n = strlen (text) + 1;
  memcpy (start, text, n);
  *end = start + n;
  return start;
}

static gsize
packed_size (const char *text)
{
  return text != NULL ? strlen (text) + 1 : 0;
}

WaymarkKpi *
waymark_kpi_new (const char *name,
                 const char *value,
                 const char *unit,
                 const char *target)
{
  WaymarkKpi *kpi;
  char *end;

  /* The reader makes one per <kpi>: one allocation instead of five. */
  kpi = g_malloc (sizeof *kpi + packed_size (name) + packed_size (value) +
                  packed_size (unit) + packed_size (target));
  end = (char *) (kpi + 1);
  kpi->name = pack_string (&end, name, TRUE);
  kpi->value = pack_string (&end, value, TRUE);
  kpi->unit = pack_string (&end, unit, FALSE);
  kpi->target = pack_string (&end, target, FALSE);
  kpi->packed = TRUE;
  return kpi;
}

WaymarkKpi *
waymark_kpi_copy (const WaymarkKpi *kpi)
{
  WaymarkKpi *copy = g_new (WaymarkKpi, 1);

  copy->name = g_strdup (kpi->name);
  copy->value = g_strdup (kpi->value);
  copy->unit = (kpi->unit && *kpi->unit) ? g_strdup (kpi->unit) : NULL;
  copy->target = (kpi->target && *kpi->target) ? g_strdup (kpi->target) : NULL;
  copy->packed = FALSE;
  return copy;
}

void
waymark_kpi_free (WaymarkKpi *kpi)
{
  if (kpi == NULL)
    return;
  if (!kpi->packed)
    {
      g_free (kpi->name);
      g_free (kpi->value);
      g_free (kpi->unit);
      g_free (kpi->target);
    }
  g_free (kpi);
}

gboolean
waymark_kpi_equal (const WaymarkKpi *a,
                   const WaymarkKpi *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->value, b->value) == 0 &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         g_strcmp0 (a->target, b->target) == 0;
}

gboolean
waymark_kpi_number_is_valid (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (p == NULL)
    return FALSE;
  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  return digits && *p == '\0' && (p - text) <= 40;
}
