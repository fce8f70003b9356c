/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-mermaid.h"

/* What ends a name in Mermaid's journey grammar (its lexer's character
 * classes): # and ; end the title, a section's or a task's name also ends
 * at :, an actor in the list also at the comma. */
#define TITLE_SPECIALS "#;"
#define NAME_SPECIALS  "#;:"
#define ACTOR_SPECIALS "#;:,"

static gboolean
starts_with_keyword (const char *text)
{
  /* The lexer is case-insensitive and tries these before a task name. */
  return g_ascii_strncasecmp (text, "journey", 7) == 0 ||
         (g_ascii_strncasecmp (text, "title", 5) == 0 && g_ascii_isspace (text[5])) ||
         (g_ascii_strncasecmp (text, "section", 7) == 0 && g_ascii_isspace (text[7]));
}

/* Appends @text on one line: runs of white space (line breaks too) become
 * one space, the ends are trimmed, the characters in @specials become
 * entity codes. */
static void
append_text (GString    *out,
             const char *text,
             const char *specials,
             gboolean    at_line_start)
{
  g_autofree char *flat = g_strdup (text);
  char **words;
  gboolean keyword;

  /* Only ASCII white space: a no-break space in a name is meant. */
  for (char *p = flat; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      *p = ' ';
  words = g_strsplit (flat, " ", -1);
  keyword = at_line_start && starts_with_keyword (g_strstrip (flat));
  for (guint i = 0, n = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (n++ > 0)
        g_string_append_c (out, ' ');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          gboolean first = n == 1 && p == words[i];

          if (strchr (specials, *p) != NULL ||
              (*p == '%' && p[1] == '%') ||
              (first && keyword))
            g_string_append_printf (out, "#%d;", (int) (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_strfreev (words);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* −2 … +2 → 1 … 5; none → 3. */
static int
score_of (const WaymarkTouchpoint *tp)
{
  if (!tp->has_emotion)
    return 3;
  return CLAMP (tp->emotion, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX) - WAYMARK_EMOTION_MIN + 1;
}

static void
append_task (GString                 *out,
             const WaymarkTouchpoint *tp)
{
  g_string_append (out, "    ");
  if (is_blank (tp->title))
    /* TRANSLATORS: the name of a touchpoint without a title in a Mermaid diagram */
    append_text (out, C_("mermaid", "(untitled)"), NAME_SPECIALS, TRUE);
  else
    append_text (out, tp->title, NAME_SPECIALS, TRUE);
  g_string_append_printf (out, ": %d", score_of (tp));
  if (!is_blank (tp->owner))
    {
      g_string_append (out, ": ");
      append_text (out, tp->owner, ACTOR_SPECIALS, FALSE);
    }
  g_string_append_c (out, '\n');
}

GBytes *
waymark_mermaid_write (WaymarkJourney *journey)
{
  GPtrArray *phases;
  GPtrArray *lanes;
  GString *out;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  out = g_string_new ("journey\n");
  if (!is_blank (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE)))
    {
      g_string_append (out, "  title ");
      append_text (out, waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), TITLE_SPECIALS, FALSE);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < phases->len; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (phases, i);

      g_string_append (out, "  section ");
      if (is_blank (phase->name))
        /* TRANSLATORS: a phase without a name in a Mermaid diagram: "Phase 2" */
        g_string_append_printf (out, C_("mermaid", "Phase %u"), i + 1);
      else
        append_text (out, phase->name, NAME_SPECIALS, FALSE);
      g_string_append_c (out, '\n');

      for (guint j = 0; j < lanes->len; j++)
        {
          WaymarkLane *lane = g_ptr_array_index (lanes, j);
          g_autoptr(GPtrArray) cell = NULL;

          if (lane->kind != WAYMARK_LANE_TOUCHPOINTS)
            continue;
          cell = waymark_journey_get_cell (journey, phase, lane);
          for (guint k = 0; k < cell->len; k++)
            append_task (out, g_ptr_array_index (cell, k));
        }
    }

  return g_string_free_to_bytes (out);
}
