/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-history.h"

struct _WaymarkHistory
{
  GObject parent_instance;

  WaymarkJourney *journey;
  GQueue undo;          /* WaymarkCommand, newest at the head */
  GQueue redo;
  GQueue undo_serials;  /* GUINT_TO_POINTER: the state each undo step leads to */
  GQueue redo_serials;
  guint serial;         /* the state the journey is in now */
  guint next_serial;
  guint saved_serial;
  guint base_serial;    /* the state below the oldest step still kept */
  gboolean sealed;
};

G_DEFINE_FINAL_TYPE (WaymarkHistory, waymark_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  gboolean can_undo, can_redo, modified;
  const char *undo_label, *redo_label;
} Snapshot;

static Snapshot
snapshot (WaymarkHistory *self)
{
  return (Snapshot) {
    waymark_history_can_undo (self),
    waymark_history_can_redo (self),
    waymark_history_is_modified (self),
    waymark_history_get_undo_label (self),
    waymark_history_get_redo_label (self),
  };
}

/* Notifies only the properties that changed, so that a toolbar does not
 * redraw on every keystroke. */
static void
notify_changes (WaymarkHistory *self,
                const Snapshot *before)
{
  Snapshot after = snapshot (self);

  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, g_object_unref);
}

static void
waymark_history_finalize (GObject *object)
{
  WaymarkHistory *self = WAYMARK_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_queue_clear (&self->undo_serials);
  g_queue_clear (&self->redo_serials);
  g_clear_object (&self->journey);
  G_OBJECT_CLASS (waymark_history_parent_class)->finalize (object);
}

static void
waymark_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WaymarkHistory *self = WAYMARK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_JOURNEY: g_value_set_object (value, self->journey); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, waymark_history_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, waymark_history_can_redo (self)); break;
    case PROP_MODIFIED: g_value_set_boolean (value, waymark_history_is_modified (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, waymark_history_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, waymark_history_get_redo_label (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_history_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WaymarkHistory *self = WAYMARK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_JOURNEY: self->journey = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_history_class_init (WaymarkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_history_finalize;
  object_class->get_property = waymark_history_get_property;
  object_class->set_property = waymark_history_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, WAYMARK_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_history_init (WaymarkHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->next_serial = 1;
  self->sealed = TRUE;
}

WaymarkHistory *
waymark_history_new (WaymarkJourney *journey)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);
  return g_object_new (WAYMARK_TYPE_HISTORY, "journey", journey, NULL);
}

WaymarkJourney *
waymark_history_get_journey (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), NULL);
  return self->journey;
}

void
waymark_history_push_applied (WaymarkHistory *self,
                              WaymarkCommand *command)
{
  Snapshot before;
  WaymarkCommand *top;

  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  g_return_if_fail (WAYMARK_IS_COMMAND (command));

  before = snapshot (self);
  clear_queue (&self->redo);
  g_queue_clear (&self->redo_serials);

  top = g_queue_peek_head (&self->undo);
  /* Merging into a step that is the saved state would make "modified"
   * lie, so a save seals the history too. */
  if (!self->sealed && top != NULL && waymark_command_merge (top, command))
    {
      g_object_unref (command);
      self->serial = self->next_serial++;
      g_queue_pop_head (&self->undo_serials);
      g_queue_push_head (&self->undo_serials, GUINT_TO_POINTER (self->serial));
    }
  else
    {
      g_queue_push_head (&self->undo, command);
      self->serial = self->next_serial++;
      g_queue_push_head (&self->undo_serials, GUINT_TO_POINTER (self->serial));
      if (self->undo.length > WAYMARK_HISTORY_MAX_STEPS)
        {
          g_object_unref (g_queue_pop_tail (&self->undo));
          self->base_serial = GPOINTER_TO_UINT (g_queue_pop_tail (&self->undo_serials));
        }
    }
  self->sealed = FALSE;
  notify_changes (self, &before);
}

void
waymark_history_push (WaymarkHistory *self,
                      WaymarkCommand *command)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  g_return_if_fail (WAYMARK_IS_COMMAND (command));

  waymark_command_apply (command, self->journey);
  waymark_history_push_applied (self, command);
}

void
waymark_history_seal (WaymarkHistory *self)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  self->sealed = TRUE;
}

/* The state before the newest undo step: the serial of the step below it,
 * or the state below the oldest step kept. */
static guint
serial_below_head (WaymarkHistory *self)
{
  gpointer below = g_queue_peek_nth (&self->undo_serials, 1);

  return below ? GPOINTER_TO_UINT (below) : self->base_serial;
}

gboolean
waymark_history_undo (WaymarkHistory *self)
{
  WaymarkCommand *command;
  Snapshot before;
  guint serial;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);

  if (self->undo.length == 0)
    return FALSE;
  before = snapshot (self);
  serial = serial_below_head (self);
  command = g_queue_pop_head (&self->undo);
  g_queue_push_head (&self->redo_serials, g_queue_pop_head (&self->undo_serials));
  waymark_command_revert (command, self->journey);
  g_queue_push_head (&self->redo, command);
  self->serial = serial;
  self->sealed = TRUE;
  notify_changes (self, &before);
  return TRUE;
}

gboolean
waymark_history_redo (WaymarkHistory *self)
{
  WaymarkCommand *command;
  Snapshot before;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);

  if (self->redo.length == 0)
    return FALSE;
  before = snapshot (self);
  command = g_queue_pop_head (&self->redo);
  waymark_command_apply (command, self->journey);
  g_queue_push_head (&self->undo, command);
  self->serial = GPOINTER_TO_UINT (g_queue_pop_head (&self->redo_serials));
  g_queue_push_head (&self->undo_serials, GUINT_TO_POINTER (self->serial));
  self->sealed = TRUE;
  notify_changes (self, &before);
  return TRUE;
}

gboolean
waymark_history_can_undo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->undo.length > 0;
}

gboolean
waymark_history_can_redo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->redo.length > 0;
}

const char *
waymark_history_get_undo_label (WaymarkHistory *self)
{
  WaymarkCommand *top;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), NULL);
  top = g_queue_peek_head (&self->undo);
  return top ? waymark_command_get_label (top) : NULL;
}

const char *
waymark_history_get_redo_label (WaymarkHistory *self)
{
  WaymarkCommand *top;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), NULL);
  top = g_queue_peek_head (&self->redo);
  return top ? waymark_command_get_label (top) : NULL;
}

guint
waymark_history_get_n_undo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), 0);
  return self->undo.length;
}

gboolean
waymark_history_is_modified (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->serial != self->saved_serial;
}

void
waymark_history_mark_saved (WaymarkHistory *self)
{
  Snapshot before;

  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  before = snapshot (self);
  self->saved_serial = self->serial;
  self->sealed = TRUE;
  notify_changes (self, &before);
}

guint
waymark_history_get_serial (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), 0);
  return self->serial;
}

void
waymark_history_mark_saved_at (WaymarkHistory *self,
                               guint           serial)
{
  Snapshot before;

  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  before = snapshot (self);
  /* Still modified when the state moved on since; undoing back to it
   * makes the map unmodified again. */
  self->saved_serial = serial;
  notify_changes (self, &before);
}

void
waymark_history_mark_unsaved (WaymarkHistory *self)
{
  Snapshot before;

  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  before = snapshot (self);
  /* No state ever gets this serial. */
  self->saved_serial = G_MAXUINT;
  notify_changes (self, &before);
}

void
waymark_history_clear (WaymarkHistory *self)
{
  Snapshot before;

  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  before = snapshot (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_queue_clear (&self->undo_serials);
  g_queue_clear (&self->redo_serials);
  self->serial = self->saved_serial = self->base_serial = 0;
  self->sealed = TRUE;
  notify_changes (self, &before);
}
