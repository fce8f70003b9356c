/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-command.h"

typedef struct
{
  char *label;
  char *merge_key;
} WaymarkCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (WaymarkCommand, waymark_command, G_TYPE_OBJECT)

static gboolean
waymark_command_real_merge (WaymarkCommand *self,
                            WaymarkCommand *next)
{
  return FALSE;
}

static void
waymark_command_finalize (GObject *object)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (WAYMARK_COMMAND (object));

  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->merge_key, g_free);
  G_OBJECT_CLASS (waymark_command_parent_class)->finalize (object);
}

static void
waymark_command_class_init (WaymarkCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = waymark_command_finalize;
  klass->merge = waymark_command_real_merge;
}

static void
waymark_command_init (WaymarkCommand *self)
{
}

void
waymark_command_apply (WaymarkCommand *self,
                       WaymarkJourney *journey)
{
  g_return_if_fail (WAYMARK_IS_COMMAND (self));
  WAYMARK_COMMAND_GET_CLASS (self)->apply (self, journey);
}

void
waymark_command_revert (WaymarkCommand *self,
                        WaymarkJourney *journey)
{
  g_return_if_fail (WAYMARK_IS_COMMAND (self));
  WAYMARK_COMMAND_GET_CLASS (self)->revert (self, journey);
}

gboolean
waymark_command_merge (WaymarkCommand *self,
                       WaymarkCommand *next)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (self);
  WaymarkCommandPrivate *next_priv = waymark_command_get_instance_private (next);

  g_return_val_if_fail (WAYMARK_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (WAYMARK_IS_COMMAND (next), FALSE);

  if (priv->merge_key == NULL || g_strcmp0 (priv->merge_key, next_priv->merge_key) != 0)
    return FALSE;
  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;
  return WAYMARK_COMMAND_GET_CLASS (self)->merge (self, next);
}

const char *
waymark_command_get_label (WaymarkCommand *self)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (self);

  g_return_val_if_fail (WAYMARK_IS_COMMAND (self), NULL);
  return priv->label;
}

void
waymark_command_set_label (WaymarkCommand *self,
                           const char     *label)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_COMMAND (self));
  g_free (priv->label);
  priv->label = g_strdup (label);
}

const char *
waymark_command_get_merge_key (WaymarkCommand *self)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (self);

  g_return_val_if_fail (WAYMARK_IS_COMMAND (self), NULL);
  return priv->merge_key;
}

void
waymark_command_set_merge_key (WaymarkCommand *self,
                               const char     *key)
{
  WaymarkCommandPrivate *priv = waymark_command_get_instance_private (self);

  g_return_if_fail (WAYMARK_IS_COMMAND (self));
  g_free (priv->merge_key);
  priv->merge_key = g_strdup (key);
}
