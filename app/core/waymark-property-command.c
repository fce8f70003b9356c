/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-property-command.h"
#include "waymark-text-limit.h"

struct _WaymarkPropertyCommand
{
  WaymarkCommand parent_instance;
  gboolean is_state;
  WaymarkJourneyField field;
  char *value;            /* the value the journey does not have right now */
  WaymarkState state;
};

G_DEFINE_FINAL_TYPE (WaymarkPropertyCommand, waymark_property_command, WAYMARK_TYPE_COMMAND)

static void
waymark_property_command_swap (WaymarkCommand *command,
                               WaymarkJourney *journey)
{
  WaymarkPropertyCommand *self = WAYMARK_PROPERTY_COMMAND (command);

  if (self->is_state)
    {
      WaymarkState old = waymark_journey_get_state (journey);

      waymark_journey_set_state (journey, self->state);
      self->state = old;
    }
  else
    {
      char *old = g_strdup (waymark_journey_get_text (journey, self->field));

      waymark_journey_set_text (journey, self->field, self->value);
      g_free (self->value);
      self->value = old;
    }
}

static gboolean
waymark_property_command_merge (WaymarkCommand *command,
                                WaymarkCommand *next_command)
{
  WaymarkPropertyCommand *self = WAYMARK_PROPERTY_COMMAND (command);
  WaymarkPropertyCommand *next = WAYMARK_PROPERTY_COMMAND (next_command);

  /* Both applied: self->value holds the text before the first keystroke. */
  return !self->is_state && !next->is_state && self->field == next->field;
}

static void
waymark_property_command_finalize (GObject *object)
{
  WaymarkPropertyCommand *self = WAYMARK_PROPERTY_COMMAND (object);

  g_clear_pointer (&self->value, g_free);
  G_OBJECT_CLASS (waymark_property_command_parent_class)->finalize (object);
}

static void
waymark_property_command_class_init (WaymarkPropertyCommandClass *klass)
{
  WaymarkCommandClass *command_class = WAYMARK_COMMAND_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = waymark_property_command_finalize;
  command_class->apply = waymark_property_command_swap;
  command_class->revert = waymark_property_command_swap;
  command_class->merge = waymark_property_command_merge;
}

static void
waymark_property_command_init (WaymarkPropertyCommand *self)
{
}

WaymarkCommand *
waymark_property_command_new_text (WaymarkJourneyField  field,
                                   const char          *value)
{
  WaymarkPropertyCommand *self = g_object_new (WAYMARK_TYPE_PROPERTY_COMMAND, NULL);

  self->field = field;
  /* Journey fields are lines (waymark-text-limit.h). */
  self->value = (value && *value) ? waymark_text_limit_cut (value, WAYMARK_TEXT_LIMIT_LINE) : NULL;
  return WAYMARK_COMMAND (self);
}

WaymarkCommand *
waymark_property_command_new_state (WaymarkState state)
{
  WaymarkPropertyCommand *self = g_object_new (WAYMARK_TYPE_PROPERTY_COMMAND, NULL);

  self->is_state = TRUE;
  self->state = state;
  return WAYMARK_COMMAND (self);
}
