/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-highlight-private.h"
#include "waymark-rules.h"
#include "waymark-touchpoint.h"
#include "waymark-votes.h"

/* The command line's spelling of a highlight (--highlight), read and
 * written: key=value criteria separated by commas. */

#define KEYS "channel, category, owner, persona, emotion, finding, votes"

/* Splits @spec at commas that no backslash escapes, and unescapes. */
static GPtrArray *
split_criteria (const char *spec)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  GString *part = g_string_new (NULL);

  for (const char *p = spec; *p != '\0'; p++)
    {
      if (*p == '\\' && (p[1] == ',' || p[1] == '\\'))
        g_string_append_c (part, *++p);
      else if (*p == ',')
        {
          g_ptr_array_add (parts, g_string_free (part, FALSE));
          part = g_string_new (NULL);
        }
      else
        g_string_append_c (part, *p);
    }
  g_ptr_array_add (parts, g_string_free (part, FALSE));
  return parts;
}

static gboolean
parse_emotion_bound (const char *text,
                     int         fallback,
                     int        *out)
{
  char *end = NULL;
  long value;

  if (*text == '\0')
    {
      *out = fallback;
      return TRUE;
    }
  value = strtol (text, &end, 10);
  if (end == text || *end != '\0' || value < WAYMARK_EMOTION_MIN || value > WAYMARK_EMOTION_MAX)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* "-2..-1", "1", "..0" or "1..": whole numbers from -2 to 2. */
static gboolean
parse_emotion (const char *value,
               int        *min,
               int        *max)
{
  const char *dots = strstr (value, "..");
  g_autofree char *low = NULL;

  if (dots == NULL)
    {
      if (*value == '\0' || !parse_emotion_bound (value, 0, min))
        return FALSE;
      *max = *min;
      return TRUE;
    }
  low = g_strndup (value, (gsize) (dots - value));
  return parse_emotion_bound (low, WAYMARK_EMOTION_MIN, min)
         && parse_emotion_bound (dots + 2, WAYMARK_EMOTION_MAX, max)
         && *min <= *max;
}

static gboolean
severity_from_nick (const char      *nick,
                    WaymarkSeverity *out)
{
  for (guint s = 0; s < WAYMARK_N_SEVERITIES; s++)
    if (strcmp (nick, waymark_severity_to_nick (s)) == 0)
      {
        *out = s;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_criterion (WaymarkHighlight  *self,
                 const char        *criterion,
                 GError           **error)
{
  const char *eq = strchr (criterion, '=');
  g_autofree char *key = g_strstrip (g_strndup (criterion, eq != NULL ? (gsize) (eq - criterion) : strlen (criterion)));
  g_autofree char *value = g_strstrip (g_strdup (eq != NULL ? eq + 1 : ""));
  WaymarkCategory category;
  WaymarkSeverity severity;
  int min, max;
  guint votes;

  if (strcmp (key, "finding") == 0)
    {
      /* A bare "finding" asks for any finding; a value is a severity
       * (that or worse) or a rule's id. */
      if (*value == '\0')
        waymark_highlight_add_finding (self, NULL, WAYMARK_SEVERITY_LOW);
      else if (severity_from_nick (value, &severity))
        waymark_highlight_add_finding (self, NULL, severity);
      else if (waymark_rules_lookup (value) != NULL)
        waymark_highlight_add_finding (self, value, WAYMARK_SEVERITY_LOW);
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s”: a finding is high, medium, low or the id of a check such as touchpoint-without-owner"),
                       criterion);
          return FALSE;
        }
      return TRUE;
    }
  if (eq == NULL || *value == '\0')
    {
      if (*key == '\0')
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("An empty criterion: write key=value, with the keys %s"), KEYS);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("“%s”: write key=value, with the keys %s"), criterion, KEYS);
      return FALSE;
    }
  if (strcmp (key, "channel") == 0)
    waymark_highlight_add_channel (self, value);
  else if (strcmp (key, "owner") == 0)
    waymark_highlight_add_owner (self, value);
  else if (strcmp (key, "persona") == 0)
    waymark_highlight_add_persona (self, value);
  else if (strcmp (key, "category") == 0)
    {
      if (!waymark_category_from_nick (value, &category))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s”: a category is digital, physical or personal"), criterion);
          return FALSE;
        }
      waymark_highlight_add_category (self, category);
    }
  else if (strcmp (key, "emotion") == 0)
    {
      if (!parse_emotion (value, &min, &max))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s”: an emotion is a whole number from −2 to 2 or a range such as -2..-1"),
                       criterion);
          return FALSE;
        }
      if (waymark_highlight_get_emotion (self, NULL, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s”: give one emotion range only"), criterion);
          return FALSE;
        }
      waymark_highlight_set_emotion (self, min, max);
    }
  else if (strcmp (key, "votes") == 0)
    {
      if (!waymark_votes_parse (value, &votes) || votes == 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s”: votes is the least number of votes, from 1 to %d"),
                       criterion, WAYMARK_VOTES_MAX);
          return FALSE;
        }
      waymark_highlight_set_min_votes (self, MAX (votes, waymark_highlight_get_min_votes (self)));
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s”: unknown criterion; the keys are %s"), key, KEYS);
      return FALSE;
    }
  return TRUE;
}

WaymarkHighlight *
waymark_highlight_parse (const char  *spec,
                         GError     **error)
{
  g_autoptr(WaymarkHighlight) self = waymark_highlight_new ();
  g_autoptr(GPtrArray) criteria = NULL;

  g_return_val_if_fail (spec != NULL, NULL);

  if (!g_utf8_validate (spec, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The criteria are not valid UTF-8"));
      return NULL;
    }
  criteria = split_criteria (spec);
  for (guint i = 0; i < criteria->len; i++)
    if (!parse_criterion (self, g_ptr_array_index (criteria, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

static void
append_value (GString    *out,
              const char *key,
              const char *value)
{
  if (out->len > 0)
    g_string_append_c (out, ',');
  g_string_append (out, key);
  if (value == NULL)
    return;
  g_string_append_c (out, '=');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ',' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

char *
waymark_highlight_to_string (const WaymarkHighlight *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->channels->len; i++)
    append_value (out, "channel", g_ptr_array_index (self->channels, i));
  for (guint c = WAYMARK_CATEGORY_DIGITAL; c <= WAYMARK_CATEGORY_PERSONAL; c++)
    if (waymark_highlight_has_category (self, c))
      append_value (out, "category", waymark_category_to_nick (c));
  for (guint i = 0; i < self->owners->len; i++)
    append_value (out, "owner", g_ptr_array_index (self->owners, i));
  for (guint i = 0; i < self->personas->len; i++)
    append_value (out, "persona", g_ptr_array_index (self->personas, i));
  if (self->has_emotion)
    {
      g_autofree char *range = g_strdup_printf ("%d..%d", self->emotion_min, self->emotion_max);

      append_value (out, "emotion", range);
    }
  for (guint i = 0; i < self->findings->len; i++)
    {
      const WaymarkHighlightFinding *finding = &g_array_index (self->findings, WaymarkHighlightFinding, i);

      if (finding->rule_id == NULL && finding->severity == WAYMARK_SEVERITY_LOW)
        append_value (out, "finding", NULL);
      else if (finding->rule_id == NULL)
        append_value (out, "finding", waymark_severity_to_nick (finding->severity));
      else
        append_value (out, "finding", finding->rule_id);
    }
  if (self->min_votes > 0)
    {
      g_autofree char *votes = g_strdup_printf ("%u", self->min_votes);

      append_value (out, "votes", votes);
    }
  return g_string_free (out, FALSE);
}

gboolean
waymark_highlight_check (const WaymarkHighlight  *self,
                         WaymarkJourney          *journey,
                         GError                 **error)
{
  GPtrArray *channels, *personas;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), FALSE);

  channels = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);
  for (guint i = 0; i < self->channels->len; i++)
    {
      const char *wanted = g_ptr_array_index (self->channels, i);
      gboolean found = FALSE;

      for (guint c = 0; c < channels->len && !found; c++)
        found = _waymark_highlight_names_channel (wanted, g_ptr_array_index (channels, c));
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("channel=%s: the map has no channel of that name, id or icon"), wanted);
          return FALSE;
        }
    }
  personas = waymark_journey_get_items (journey, WAYMARK_ITEM_PERSONA);
  for (guint i = 0; i < self->personas->len; i++)
    {
      const char *wanted = g_ptr_array_index (self->personas, i);
      gboolean found = FALSE;

      for (guint p = 0; p < personas->len && !found; p++)
        found = _waymark_highlight_names_persona (wanted, g_ptr_array_index (personas, p));
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("persona=%s: the map has no persona of that name or id"), wanted);
          return FALSE;
        }
    }
  return TRUE;
}
