/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-kpi.h"

WaymarkKpi *
waymark_kpi_new (const char *name, const char *value, const char *unit, const char *target)
{
  WaymarkKpi *kpi = g_new (WaymarkKpi, 1);

  kpi->name = g_strdup (name);
  kpi->value = g_strdup (value);
  kpi->unit = (unit && *unit) ? g_strdup (unit) : NULL;
  kpi->target = (target && *target) ? g_strdup (target) : NULL;
  return kpi;
}

WaymarkKpi *
waymark_kpi_copy (const WaymarkKpi *kpi)
{
  return waymark_kpi_new (kpi->name, kpi->value, kpi->unit, kpi->target);
}

void
waymark_kpi_free (WaymarkKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_free (kpi->name);
  g_free (kpi->value);
  g_free (kpi->unit);
  g_free (kpi->target);
  g_free (kpi);
}

gboolean
waymark_kpi_equal (const WaymarkKpi *a, const WaymarkKpi *b)
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
