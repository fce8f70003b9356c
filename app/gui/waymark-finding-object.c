/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-finding-object.h"
#include "waymark-item.h"
#include "waymark-rules.h"

struct _WaymarkFindingObject
{
  GObject parent_instance;

  const WaymarkFinding *finding;
  gpointer item;
  const WaymarkRule *rule;
  WaymarkSeverity severity;
  char *message;
};

G_DEFINE_FINAL_TYPE (WaymarkFindingObject, waymark_finding_object, G_TYPE_OBJECT)

static void
waymark_finding_object_finalize (GObject *object)
{
  WaymarkFindingObject *self = WAYMARK_FINDING_OBJECT (object);

  g_clear_pointer (&self->item, waymark_item_unref);
  g_free (self->message);
  G_OBJECT_CLASS (waymark_finding_object_parent_class)->finalize (object);
}

static void
waymark_finding_object_class_init (WaymarkFindingObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = waymark_finding_object_finalize;
}

static void
waymark_finding_object_init (WaymarkFindingObject *self)
{
}

WaymarkFindingObject *
waymark_finding_object_new (const WaymarkFinding *finding)
{
  WaymarkFindingObject *self;

  g_return_val_if_fail (finding != NULL, NULL);

  self = g_object_new (WAYMARK_TYPE_FINDING_OBJECT, NULL);
  self->finding = finding;
  self->item = waymark_item_ref (finding->item);
  self->rule = finding->rule;
  self->severity = finding->severity;
  self->message = g_strdup (waymark_finding_get_message (finding));
  return self;
}

const WaymarkFinding *
waymark_finding_object_get_finding (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return self->finding;
}

gpointer
waymark_finding_object_get_item (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return self->item;
}

const char *
waymark_finding_object_get_rule_id (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return self->rule->id;
}

WaymarkSeverity
waymark_finding_object_get_severity (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), WAYMARK_SEVERITY_LOW);
  return self->severity;
}

const char *
waymark_finding_object_get_message (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return self->message;
}

const char *
waymark_finding_object_get_why (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return waymark_rule_get_why (self->rule);
}

const char *
waymark_finding_object_get_suggestion (WaymarkFindingObject *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDING_OBJECT (self), NULL);
  return waymark_rule_get_suggestion (self->rule);
}
