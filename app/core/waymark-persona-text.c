/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-error.h"
#include "waymark-id.h"
#include "waymark-persona-text.h"

static void
append_escaped_note (GString    *out,
                     const char *note)
{
  for (const char *p = note; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

static void
append_human (GString                  *out,
              const WaymarkPersonaMark *mark)
{
  const char *name = mark->persona->name;

  g_string_append (out, name != NULL && name[0] != '\0' ? name : C_("diff", "(untitled)"));
  if (mark->has_emotion)
    {
      /* People read a typographic minus. */
      if (mark->emotion < 0)
        g_string_append_printf (out, " −%d", -mark->emotion);
      else if (mark->emotion > 0)
        g_string_append_printf (out, " +%d", mark->emotion);
      else
        g_string_append (out, " 0");
    }
  if (mark->emotion_note != NULL && mark->emotion_note[0] != '\0')
    {
      g_autofree char *one_line = g_strdelimit (g_strdup (mark->emotion_note), "\n", ' ');

      /* TRANSLATORS: a persona's emotion note in a diff line: Lena −1 “frustrated” */
      g_string_append_printf (out, C_("diff value", " “%s”"), one_line);
    }
}

char *
waymark_persona_text_from_marks (const WaymarkTouchpoint *tp,
                                 gboolean                 human)
{
  GString *out;

  if (waymark_touchpoint_get_n_persona_marks (tp) == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < tp->persona_marks->len; i++)
    {
      const WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);

      if (human)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_human (out, mark);
          continue;
        }
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, waymark_item_get_id (mark->persona));
      if (mark->has_emotion)
        g_string_append_printf (out, " score=%d", mark->emotion);
      if (mark->emotion_note != NULL)
        {
          g_string_append (out, " note=");
          append_escaped_note (out, mark->emotion_note);
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
bad_text (GError     **error,
          const char  *line)
{
  g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
               /* TRANSLATORS: "“x” is not a value of personas" */
               _("“%s” is not a value of %s"), line, "personas");
  return FALSE;
}

static char *
unescape_note (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == 'n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else if (*p == '\\' && p[1] == '\\')
        {
          g_string_append_c (out, '\\');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* One line: "ID[ score=N][ note=TEXT]". */
static gboolean
parse_line (const char  *line,
            char       **id,
            gboolean    *has_score,
            int         *score,
            char       **note,
            GError     **error)
{
  const char *space = strchr (line, ' ');
  const char *rest;

  *id = g_strndup (line, space ? (gsize) (space - line) : strlen (line));
  *has_score = FALSE;
  *note = NULL;
  if (!waymark_id_is_valid (*id))
    return bad_text (error, line);
  rest = space ? space + 1 : NULL;
  if (rest != NULL && g_str_has_prefix (rest, "score="))
    {
      const char *end = strchr (rest, ' ');
      g_autofree char *number = g_strndup (rest + 6, end ? (gsize) (end - rest - 6) : strlen (rest + 6));
      gint64 value;

      if (!g_ascii_string_to_signed (number, 10, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX, &value, NULL))
        return bad_text (error, line);
      *has_score = TRUE;
      *score = (int) value;
      rest = end ? end + 1 : NULL;
    }
  if (rest != NULL)
    {
      if (!g_str_has_prefix (rest, "note="))
        return bad_text (error, line);
      *note = unescape_note (rest + 5);
      /* The model keeps an empty note as none. */
      if (**note == '\0')
        g_clear_pointer (note, g_free);
    }
  return TRUE;
}

gboolean
waymark_persona_text_to_marks (WaymarkTouchpoint  *tp,
                               const char         *text,
                               WaymarkJourney     *journey,
                               GError            **error)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_persona_mark_free);
  g_auto(GStrv) lines = NULL;

  if (text != NULL && text[0] != '\0')
    lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *note = NULL;
      gboolean has_score;
      int score = 0;
      gpointer persona;
      WaymarkPersonaMark *mark;

      if (!parse_line (lines[i], &id, &has_score, &score, &note, error))
        return FALSE;
      for (guint k = 0; k < i; k++)
        if (g_str_has_prefix (lines[k], id) && (lines[k][strlen (id)] == ' ' || lines[k][strlen (id)] == '\0'))
          return bad_text (error, lines[i]);
      if (journey == NULL)
        continue;
      persona = waymark_journey_lookup (journey, id);
      if (persona == NULL || waymark_item_get_item_type (persona) != WAYMARK_ITEM_PERSONA)
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_REFERENCE,
                       /* TRANSLATORS: "“persona-1” names no persona of this map" */
                       _("“%s” names no %s of this map"), id, "persona");
          return FALSE;
        }
      mark = waymark_persona_mark_new (persona);
      mark->has_emotion = has_score;
      mark->emotion = score;
      mark->emotion_note = g_steal_pointer (&note);
      g_ptr_array_add (marks, mark);
    }
  if (journey == NULL)
    return TRUE;
  g_clear_pointer (&tp->persona_marks, g_ptr_array_unref);
  if (marks->len > 0)
    tp->persona_marks = g_steal_pointer (&marks);
  return TRUE;
}
