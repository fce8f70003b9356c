/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-csv-format.h"
#include "waymark-kpi.h"
#include "waymark-number.h"

/* TRANSLATORS: the header of a CSV column of KPI values; %s is the KPI's
 * name and unit, "Waiting time (min)" */
#define KPI_VALUE_HEADER NC_("CSV column", "KPI: %s")
/* TRANSLATORS: the header of a CSV column of KPI targets; %s is the KPI's
 * name and unit, "Waiting time (min)" */
#define KPI_TARGET_HEADER NC_("CSV column", "KPI: %s target")

WaymarkCsvDelimiter
waymark_csv_delimiter_resolve (WaymarkCsvDelimiter delimiter)
{
  if (delimiter != WAYMARK_CSV_DELIMITER_DEFAULT)
    return delimiter;
  return strcmp (waymark_number_get_decimal_mark (), ",") == 0 ? WAYMARK_CSV_DELIMITER_SEMICOLON
                                                                : WAYMARK_CSV_DELIMITER_COMMA;
}

char
waymark_csv_delimiter_get_char (WaymarkCsvDelimiter delimiter)
{
  return waymark_csv_delimiter_resolve (delimiter) == WAYMARK_CSV_DELIMITER_SEMICOLON ? ';' : ',';
}

const char *
waymark_csv_delimiter_to_nick (WaymarkCsvDelimiter delimiter)
{
  switch (delimiter)
    {
    case WAYMARK_CSV_DELIMITER_COMMA:     return "comma";
    case WAYMARK_CSV_DELIMITER_SEMICOLON: return "semicolon";
    case WAYMARK_CSV_DELIMITER_DEFAULT:
    default:                              return NULL;
    }
}

gboolean
waymark_csv_delimiter_from_nick (const char          *nick,
                                 WaymarkCsvDelimiter *out)
{
  if (g_strcmp0 (nick, "comma") == 0)
    *out = WAYMARK_CSV_DELIMITER_COMMA;
  else if (g_strcmp0 (nick, "semicolon") == 0)
    *out = WAYMARK_CSV_DELIMITER_SEMICOLON;
  else
    return FALSE;
  return TRUE;
}

char *
waymark_csv_format_number (const char          *number,
                           WaymarkCsvDelimiter  delimiter)
{
  char *text = g_strdup (number != NULL ? number : "");
  char *point = strchr (text, '.');

  if (point != NULL && waymark_csv_delimiter_get_char (delimiter) == ';' &&
      strcmp (waymark_number_get_decimal_mark (), ",") == 0)
    *point = ',';
  return text;
}

char *
waymark_csv_parse_number (const char *text)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  char *comma = strchr (number, ',');
  const char *start = number;

  /* A decimal comma, as a German spreadsheet saves it; one only, never
   * beside a point (that would be grouping, which is not read). */
  if (comma != NULL && strchr (number, '.') == NULL && strchr (comma + 1, ',') == NULL)
    *comma = '.';
  /* A spreadsheet may write +2 for 2. */
  if (start[0] == '+' && start[1] != '-')
    start++;
  if (!waymark_kpi_number_is_valid (start))
    return NULL;
  return g_strdup (start);
}

/* "NAME (UNIT)" → NAME and UNIT (NULL when none or "()"). */
static gboolean
split_name_unit (const char  *text,
                 char       **name,
                 char       **unit)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize length = strlen (copy);
  int depth = 0;

  if (length > 0 && copy[length - 1] == ')')
    for (gsize i = length; i-- > 0;)
      {
        if (copy[i] == ')')
          depth++;
        else if (copy[i] == '(' && --depth == 0)
          {
            if (i == 0 || copy[i - 1] != ' ')
              break;
            copy[length - 1] = '\0';
            *unit = g_strstrip (g_strdup (copy + i + 1));
            if ((*unit)[0] == '\0')
              g_clear_pointer (unit, g_free);
            copy[i] = '\0';
            *name = g_strstrip (g_strdup (copy));
            if ((*name)[0] != '\0')
              return TRUE;
            g_clear_pointer (name, g_free);
            g_clear_pointer (unit, g_free);
            return FALSE;
          }
      }
  *unit = NULL;
  *name = g_steal_pointer (&copy);
  if ((*name)[0] != '\0')
    return TRUE;
  g_clear_pointer (name, g_free);
  return FALSE;
}

/* Whether @header is @pattern ("KPI: %s target") around some text,
 * ignoring ASCII case; the text in @inner. */
static gboolean
match_pattern (const char  *header,
               const char  *pattern,
               char       **inner)
{
  const char *arg = strstr (pattern, "%s");
  gsize prefix, suffix, length = strlen (header);

  if (arg == NULL)
    return FALSE;
  prefix = arg - pattern;
  suffix = strlen (arg + 2);
  if (length <= prefix + suffix ||
      g_ascii_strncasecmp (header, pattern, prefix) != 0 ||
      g_ascii_strcasecmp (header + length - suffix, arg + 2) != 0)
    return FALSE;
  *inner = g_strndup (header + prefix, length - prefix - suffix);
  return TRUE;
}

gboolean
waymark_csv_kpi_column_parse (const char  *header,
                              char       **name,
                              char       **unit,
                              gboolean    *target)
{
  /* Targets first: their pattern is the longer one. */
  const char *patterns[] = {
    KPI_TARGET_HEADER, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", KPI_TARGET_HEADER),
    KPI_VALUE_HEADER, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", KPI_VALUE_HEADER),
  };
  g_autofree char *stripped = g_strstrip (g_strdup (header));

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *inner = NULL;

      if (match_pattern (stripped, patterns[i], &inner) && split_name_unit (inner, name, unit))
        {
          *target = i < 2;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
reads_back (const char *header,
            const char *name,
            const char *unit,
            gboolean    target)
{
  g_autofree char *back_name = NULL;
  g_autofree char *back_unit = NULL;
  gboolean back_target;

  return waymark_csv_kpi_column_parse (header, &back_name, &back_unit, &back_target) &&
         back_target == target && g_strcmp0 (back_name, name) == 0 &&
         g_strcmp0 (back_unit, unit != NULL && unit[0] != '\0' ? unit : NULL) == 0;
}

char *
waymark_csv_kpi_column_name (const char *name,
                             const char *unit,
                             gboolean    target)
{
  const char *pattern = g_dpgettext2 (GETTEXT_PACKAGE, "CSV column",
                                      target ? KPI_TARGET_HEADER : KPI_VALUE_HEADER);
  g_autofree char *inner = unit != NULL && unit[0] != '\0' ? g_strdup_printf ("%s (%s)", name, unit)
                                                           : g_strdup (name);
  const char *arg = strstr (pattern, "%s");
  char *header;

  g_return_val_if_fail (arg != NULL, g_strdup (name));

  header = g_strdup_printf ("%.*s%s%s", (int) (arg - pattern), pattern, inner, arg + 2);
  if (!reads_back (header, name, unit, target) && (unit == NULL || unit[0] == '\0'))
    {
      g_free (header);
      header = g_strdup_printf ("%.*s%s ()%s", (int) (arg - pattern), pattern, name, arg + 2);
    }
  return header;
}
