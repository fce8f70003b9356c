/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The map's texts outside the grid's cells: the header (title, subject
 * and goal, personas, the as-is or intended badge) and the hint an empty
 * grid shows. */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-layout-private.h"

/* ---- header ----------------------------------------------------------- */

static char *
join_personas (WaymarkJourney *journey)
{
  GPtrArray *personas = waymark_journey_get_items (journey, WAYMARK_ITEM_PERSONA);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);

  if (personas->len == 0)
    return NULL;
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);

      if (i > 0)
        g_string_append (names, ", ");
      waymark_text_append_isolated (names, persona->name);
    }
  /* TRANSLATORS: the travellers of the journey map, e.g. "Persona: Running beginner" */
  g_string_printf (line, g_dngettext (GETTEXT_PACKAGE, "Persona: %s", "Personas: %s", personas->len),
                   names->str);
  waymark_text_mark_direction (line);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

void
_waymark_layout_update_header (WaymarkLayout *self)
{
  const char *title = waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE);
  const char *subject = waymark_journey_get_text (self->journey, WAYMARK_FIELD_SUBJECT);
  const char *goal = waymark_journey_get_text (self->journey, WAYMARK_FIELD_GOAL);
  gboolean intended = waymark_journey_get_state (self->journey) == WAYMARK_STATE_INTENDED;
  g_autoptr(GString) sub = g_string_new (NULL);
  g_autofree char *personas = join_personas (self->journey);
  double x = self->metrics->margin;
  double y = self->metrics->margin;
  double width = _waymark_layout_frame_width (self);
  double bw, bh, w, h;

  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->personas);
  g_clear_object (&self->badge);

  self->badge = waymark_text_cache_create (self->text, WAYMARK_TEXT_BADGE,
                                           intended ? _("Intended journey") : _("As-is journey"), -1, 1);
  waymark_text_get_size (self->badge, &bw, &bh);
  self->badge_rect = WAYMARK_RECT_INIT (x + width - (bw + 24), y + 6, bw + 24, bh + 10);

  self->title = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_TITLE,
                                           title ? title : _("Untitled journey"),
                                           width - self->badge_rect.width - 32, 2);
  waymark_text_get_size (self->title, &w, &h);
  self->title_rect = WAYMARK_RECT_INIT (x, y, w, h);
  y += h;

  /* Each field isolated: its writing direction stays its own. */
  if (subject)
    waymark_text_append_isolated (sub, subject);
  if (goal)
    {
      g_autoptr(GString) isolated = g_string_new (NULL);

      if (sub->len)
        g_string_append (sub, "   ·   ");
      waymark_text_append_isolated (isolated, goal);
      /* TRANSLATORS: the goal of the journey, e.g. "Goal: Purchase" */
      g_string_append_printf (sub, _("Goal: %s"), isolated->str);
    }
  self->subtitle_rect = WAYMARK_RECT_INIT (x, y, 0, 0);
  if (sub->len)
    {
      waymark_text_mark_direction (sub);
      self->subtitle = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_SUBTITLE, sub->str,
                                                  width, 2);
      waymark_text_get_size (self->subtitle, &w, &h);
      self->subtitle_rect = WAYMARK_RECT_INIT (x, y + 6, w, h);
      y += 6 + h;
    }
  self->personas_rect = WAYMARK_RECT_INIT (x, y, 0, 0);
  if (personas)
    {
      self->personas = waymark_text_cache_create (self->text, WAYMARK_TEXT_MAP_SUBTITLE, personas,
                                                  width, 2);
      waymark_text_get_size (self->personas, &w, &h);
      self->personas_rect = WAYMARK_RECT_INIT (x, y + 4, w, h);
      y += 4 + h;
    }
  self->header = WAYMARK_RECT_INIT (self->metrics->margin, self->metrics->margin, width, y - self->metrics->margin);
  self->header_dirty = FALSE;
}

void
_waymark_layout_update_empty_hint (WaymarkLayout *self)
{
  const char *hint = NULL;

  if (self->columns->len == 0 && self->rows->len == 0)
    hint = _("No phases and no lanes yet");
  else if (self->columns->len == 0)
    hint = _("No phases yet");
  else if (self->rows->len == 0)
    hint = _("No lanes yet");

  g_clear_object (&self->empty_hint);
  if (hint)
    self->empty_hint = waymark_text_cache_create (self->text, WAYMARK_TEXT_PLACEHOLDER, hint,
                                                  self->metrics->card_width, 3);
}
