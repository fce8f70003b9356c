/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-kpi.h"
#include "waymark-number.h"

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
  kpi->direction = WAYMARK_KPI_DIRECTION_UNSET;
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
  copy->direction = kpi->direction;
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
         g_strcmp0 (a->target, b->target) == 0 &&
         a->direction == b->direction;
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

/* Words in a KPI's name (English and German, lower case) that make lower
 * values better.  A name is matched before its unit, and the exceptions
 * come first: "time on site" is a time that should be long, and an
 * "on-time delivery" a share that should be high. */
static const char *const higher_words[] = {
  "time on site", "time on page", "session duration", "dwell", "verweildauer", "sitzungsdauer",
  "lifetime", "return on", "ersparnis", "saving", "on-time", "on time", "punctual",
  "pünktlich", "termingerecht", "termintreue",
};
static const char *const lower_words[] = {
  "wait", "warte", "time", "zeit", "dauer", "duration", "delay", "verzögerung", "latency",
  "cost", "kosten", "price", "preis", "cpa", "cac", "cpc", "bounce", "absprung", "churn",
  "abwanderung", "kündigung", "unsubscribe", "abmelde", "abandon", "abbruch", "complaint",
  "beschwerde", "return", "retoure", "error", "fehler", "effort", "aufwand", "drop-off",
  "waste", "verschwend",
};
/* Units that measure time. */
static const char *const time_units[] = {
  "s", "sec", "secs", "second", "seconds", "sekunde", "sekunden", "min", "mins", "minute",
  "minutes", "minuten", "h", "hr", "hrs", "hour", "hours", "stunde", "stunden", "d", "day",
  "days", "tag", "tage", "ms",
};

static gboolean
contains_any (const char        *text,
              const char *const *words,
              guint              n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* @text in lower case, as g_utf8_strdown() writes it, into @buffer when
 * that is plain: short ASCII without a capital I (which Turkish lowers to
 * a dotless ı); else a new string in @allocated.  The rules ask this of
 * every KPI of a map, and most names are plain. */
static char *
strdown (const char  *text,
         char        *buffer,
         gsize        size,
         char       **allocated)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    {
      guchar c = (guchar) text[i];

      if (i + 1 >= size || c >= 0x80 || c == 'I')
        return *allocated = g_utf8_strdown (text, -1);
      buffer[i] = g_ascii_tolower (c);
    }
  buffer[i] = '\0';
  return buffer;
}

WaymarkKpiDirection
waymark_kpi_get_direction (const WaymarkKpi *kpi)
{
  char name_buffer[128];
  char unit_buffer[32];
  g_autofree char *name_allocated = NULL;
  g_autofree char *unit_allocated = NULL;
  const char *name;
  char *unit;

  g_return_val_if_fail (kpi != NULL, WAYMARK_KPI_DIRECTION_HIGHER);

  if (kpi->direction != WAYMARK_KPI_DIRECTION_UNSET)
    return kpi->direction;
  name = strdown (kpi->name != NULL ? kpi->name : "", name_buffer, sizeof name_buffer, &name_allocated);
  if (contains_any (name, higher_words, G_N_ELEMENTS (higher_words)))
    return WAYMARK_KPI_DIRECTION_HIGHER;
  if (contains_any (name, lower_words, G_N_ELEMENTS (lower_words)))
    return WAYMARK_KPI_DIRECTION_LOWER;
  unit = strdown (kpi->unit != NULL ? kpi->unit : "", unit_buffer, sizeof unit_buffer, &unit_allocated);
  g_strstrip (unit);
  for (guint i = 0; i < G_N_ELEMENTS (time_units); i++)
    if (strcmp (unit, time_units[i]) == 0)
      return WAYMARK_KPI_DIRECTION_LOWER;
  return WAYMARK_KPI_DIRECTION_HIGHER;
}

gboolean
waymark_kpi_misses_target (const WaymarkKpi *kpi)
{
  double value;
  double target;

  g_return_val_if_fail (kpi != NULL, FALSE);

  if (kpi->target == NULL || !waymark_kpi_number_is_valid (kpi->target) ||
      !waymark_kpi_number_is_valid (kpi->value))
    return FALSE;
  value = g_ascii_strtod (kpi->value, NULL);
  target = g_ascii_strtod (kpi->target, NULL);
  if (waymark_kpi_get_direction (kpi) == WAYMARK_KPI_DIRECTION_LOWER)
    return value > target;
  return value < target;
}

char *
waymark_kpi_format_amount (const char *number,
                           const char *unit)
{
  g_autofree char *shown = NULL;

  if (number == NULL || !waymark_kpi_number_is_valid (number))
    return g_strdup (number != NULL ? number : "");

  if (g_strcmp0 (unit, "ratio") == 0)
    {
      /* One decimal at most: waymark_number_format_double() drops a
       * trailing zero, so 91.0 is "91". */
      shown = waymark_number_format_double (g_ascii_strtod (number, NULL) * 100.0, 1);
      unit = "%";
    }
  else
    shown = waymark_number_format (number);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&shown);
  /* TRANSLATORS: a KPI's number and its unit: "12 min", "38.50 EUR" */
  return g_strdup_printf (C_("kpi amount", "%s %s"), shown, unit);
}
