/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-kpi.h"
#include "waymark-number.h"

/* Whole parts this long or longer are grouped in threes. */
#define GROUP_FROM_DIGITS 5
/* U+202F NARROW NO-BREAK SPACE: groups stay one word, on one line. */
#define GROUP_SEPARATOR "\u202f"

const char *
waymark_number_get_decimal_mark (void)
{
  /* TRANSLATORS: the decimal mark of numbers shown to the reader (KPI
   * values: "38.50 EUR"): "." or ",", as your language writes decimals */
  const char *mark = C_("decimal mark", ".");

  /* Anything else would make numbers unreadable: a translation error. */
  return strcmp (mark, ",") == 0 ? "," : ".";
}

const char *
waymark_number_get_list_separator (void)
{
  return strcmp (waymark_number_get_decimal_mark (), ",") == 0 ? "; " : ", ";
}

char *
waymark_number_format (const char *number)
{
  GString *out;
  const char *digits, *point;
  gsize whole;

  if (number == NULL)
    return g_strdup ("");
  if (!waymark_kpi_number_is_valid (number))
    return g_strdup (number);

  out = g_string_new (NULL);
  digits = number;
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  whole = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < whole; i++)
    {
      if (whole >= GROUP_FROM_DIGITS && i > 0 && (whole - i) % 3 == 0)
        g_string_append (out, GROUP_SEPARATOR);
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append (out, waymark_number_get_decimal_mark ());
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

char *
waymark_number_format_double (double value,
                              guint  decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%uf", MIN (decimals, 12));
  char *end;

  /* The C locale's point first, whatever LC_NUMERIC says, then the
   * reader's mark. */
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (strchr (buffer, '.') != NULL)
    {
      end = buffer + strlen (buffer) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  /* "-0" is 0. */
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  return waymark_number_format (buffer);
}

char *
waymark_number_format_score (double value)
{
  char plain[G_ASCII_DTOSTR_BUF_SIZE];
  char *number;

  /* Rounded first, so that what rounds to zero has no sign. */
  g_ascii_formatd (plain, sizeof plain, "%.1f", value < 0 ? -value : value);
  number = waymark_number_format (plain);
  if (strcmp (plain, "0.0") == 0)
    return number;
  return g_strconcat (value > 0 ? "+" : "−", number, NULL);
}
