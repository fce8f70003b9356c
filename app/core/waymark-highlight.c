/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-highlight-private.h"
#include "waymark-note.h"
#include "waymark-persona-mark.h"
#include "waymark-rules.h"
#include "waymark-touchpoint.h"
#include "waymark-votes.h"

static void
finding_criterion_clear (gpointer data)
{
  WaymarkHighlightFinding *criterion = data;

  g_clear_pointer (&criterion->rule_id, g_free);
}

WaymarkHighlight *
waymark_highlight_new (void)
{
  WaymarkHighlight *self = g_new0 (WaymarkHighlight, 1);

  self->channels = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->personas = g_ptr_array_new_with_free_func (g_free);
  self->findings = g_array_new (FALSE, TRUE, sizeof (WaymarkHighlightFinding));
  g_array_set_clear_func (self->findings, finding_criterion_clear);
  return self;
}

WaymarkHighlight *
waymark_highlight_copy (const WaymarkHighlight *self)
{
  WaymarkHighlight *copy = waymark_highlight_new ();

  g_return_val_if_fail (self != NULL, copy);

  for (guint i = 0; i < self->channels->len; i++)
    waymark_highlight_add_channel (copy, g_ptr_array_index (self->channels, i));
  copy->categories = self->categories;
  for (guint i = 0; i < self->owners->len; i++)
    waymark_highlight_add_owner (copy, g_ptr_array_index (self->owners, i));
  for (guint i = 0; i < self->personas->len; i++)
    waymark_highlight_add_persona (copy, g_ptr_array_index (self->personas, i));
  copy->has_emotion = self->has_emotion;
  copy->emotion_min = self->emotion_min;
  copy->emotion_max = self->emotion_max;
  for (guint i = 0; i < self->findings->len; i++)
    {
      const WaymarkHighlightFinding *criterion = &g_array_index (self->findings, WaymarkHighlightFinding, i);

      waymark_highlight_add_finding (copy, criterion->rule_id, criterion->severity);
    }
  copy->min_votes = self->min_votes;
  return copy;
}

void
waymark_highlight_free (WaymarkHighlight *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->channels);
  g_ptr_array_unref (self->owners);
  g_ptr_array_unref (self->personas);
  g_array_unref (self->findings);
  g_free (self);
}

/* Names compare as a user reads them: "E-Mail" is "e-mail". */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return strcmp (fa, fb) == 0;
}

static int
find_name (GPtrArray  *names,
           const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (same_name (g_ptr_array_index (names, i), name))
      return (int) i;
  return -1;
}

static gboolean
same_names (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (find_name (b, g_ptr_array_index (a, i)) < 0)
      return FALSE;
  return TRUE;
}

static int
find_finding (const WaymarkHighlight *self,
              const char             *rule_id,
              WaymarkSeverity         severity)
{
  for (guint i = 0; i < self->findings->len; i++)
    {
      const WaymarkHighlightFinding *criterion = &g_array_index (self->findings, WaymarkHighlightFinding, i);

      if (criterion->severity == severity && g_strcmp0 (criterion->rule_id, rule_id) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
waymark_highlight_equal (const WaymarkHighlight *a,
                         const WaymarkHighlight *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!same_names (a->channels, b->channels) || !same_names (a->owners, b->owners) ||
      !same_names (a->personas, b->personas))
    return FALSE;
  if (a->categories != b->categories || a->min_votes != b->min_votes)
    return FALSE;
  if (a->has_emotion != b->has_emotion
      || (a->has_emotion && (a->emotion_min != b->emotion_min || a->emotion_max != b->emotion_max)))
    return FALSE;
  if (a->findings->len != b->findings->len)
    return FALSE;
  for (guint i = 0; i < a->findings->len; i++)
    {
      const WaymarkHighlightFinding *criterion = &g_array_index (a->findings, WaymarkHighlightFinding, i);

      if (find_finding (b, criterion->rule_id, criterion->severity) < 0)
        return FALSE;
    }
  return TRUE;
}

guint
waymark_highlight_count (const WaymarkHighlight *self,
                         WaymarkHighlightKind    kind)
{
  g_return_val_if_fail (self != NULL, 0);

  switch (kind)
    {
    case WAYMARK_HIGHLIGHT_CHANNEL:
      return self->channels->len;
    case WAYMARK_HIGHLIGHT_CATEGORY:
      {
        guint n = 0;

        for (guint bits = self->categories; bits != 0; bits &= bits - 1)
          n++;
        return n;
      }
    case WAYMARK_HIGHLIGHT_OWNER:
      return self->owners->len;
    case WAYMARK_HIGHLIGHT_PERSONA:
      return self->personas->len;
    case WAYMARK_HIGHLIGHT_EMOTION:
      return self->has_emotion ? 1 : 0;
    case WAYMARK_HIGHLIGHT_FINDING:
      return self->findings->len;
    case WAYMARK_HIGHLIGHT_VOTES:
      return self->min_votes > 0 ? 1 : 0;
    case WAYMARK_N_HIGHLIGHT_KINDS:
    default:
      return 0;
    }
}

gboolean
waymark_highlight_is_active (const WaymarkHighlight *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint kind = 0; kind < WAYMARK_N_HIGHLIGHT_KINDS; kind++)
    if (waymark_highlight_count (self, kind) > 0)
      return TRUE;
  return FALSE;
}

void
waymark_highlight_clear_kind (WaymarkHighlight     *self,
                              WaymarkHighlightKind  kind)
{
  g_return_if_fail (self != NULL);

  switch (kind)
    {
    case WAYMARK_HIGHLIGHT_CHANNEL:
      g_ptr_array_set_size (self->channels, 0);
      break;
    case WAYMARK_HIGHLIGHT_CATEGORY:
      self->categories = 0;
      break;
    case WAYMARK_HIGHLIGHT_OWNER:
      g_ptr_array_set_size (self->owners, 0);
      break;
    case WAYMARK_HIGHLIGHT_PERSONA:
      g_ptr_array_set_size (self->personas, 0);
      break;
    case WAYMARK_HIGHLIGHT_EMOTION:
      self->has_emotion = FALSE;
      break;
    case WAYMARK_HIGHLIGHT_FINDING:
      g_array_set_size (self->findings, 0);
      break;
    case WAYMARK_HIGHLIGHT_VOTES:
      self->min_votes = 0;
      break;
    case WAYMARK_N_HIGHLIGHT_KINDS:
    default:
      break;
    }
}

void
waymark_highlight_clear (WaymarkHighlight *self)
{
  for (guint kind = 0; kind < WAYMARK_N_HIGHLIGHT_KINDS; kind++)
    waymark_highlight_clear_kind (self, kind);
}

static void
add_name (GPtrArray  *names,
          const char *name)
{
  g_return_if_fail (name != NULL && g_utf8_validate (name, -1, NULL));

  if (find_name (names, name) < 0)
    g_ptr_array_add (names, g_strdup (name));
}

static void
remove_name (GPtrArray  *names,
             const char *name)
{
  int i = find_name (names, name);

  if (i >= 0)
    g_ptr_array_remove_index (names, (guint) i);
}

void
waymark_highlight_add_channel (WaymarkHighlight *self,
                               const char       *channel)
{
  g_return_if_fail (self != NULL);
  add_name (self->channels, channel);
}

gboolean
waymark_highlight_has_channel (const WaymarkHighlight *self,
                               const char             *channel)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_name (self->channels, channel) >= 0;
}

void
waymark_highlight_remove_channel (WaymarkHighlight *self,
                                  const char       *channel)
{
  g_return_if_fail (self != NULL);
  remove_name (self->channels, channel);
}

void
waymark_highlight_add_category (WaymarkHighlight *self,
                                WaymarkCategory   category)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) category < 32);
  self->categories |= 1u << category;
}

gboolean
waymark_highlight_has_category (const WaymarkHighlight *self,
                                WaymarkCategory         category)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return (guint) category < 32 && (self->categories & (1u << category)) != 0;
}

void
waymark_highlight_remove_category (WaymarkHighlight *self,
                                   WaymarkCategory   category)
{
  g_return_if_fail (self != NULL);
  if ((guint) category < 32)
    self->categories &= ~(1u << category);
}

void
waymark_highlight_add_owner (WaymarkHighlight *self,
                             const char       *owner)
{
  g_return_if_fail (self != NULL);
  add_name (self->owners, owner);
}

gboolean
waymark_highlight_has_owner (const WaymarkHighlight *self,
                             const char             *owner)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_name (self->owners, owner) >= 0;
}

void
waymark_highlight_remove_owner (WaymarkHighlight *self,
                                const char       *owner)
{
  g_return_if_fail (self != NULL);
  remove_name (self->owners, owner);
}

void
waymark_highlight_add_persona (WaymarkHighlight *self,
                               const char       *persona)
{
  g_return_if_fail (self != NULL);
  add_name (self->personas, persona);
}

gboolean
waymark_highlight_has_persona (const WaymarkHighlight *self,
                               const char             *persona)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_name (self->personas, persona) >= 0;
}

void
waymark_highlight_remove_persona (WaymarkHighlight *self,
                                  const char       *persona)
{
  g_return_if_fail (self != NULL);
  remove_name (self->personas, persona);
}

void
waymark_highlight_set_emotion (WaymarkHighlight *self,
                               int               min,
                               int               max)
{
  g_return_if_fail (self != NULL);

  self->has_emotion = TRUE;
  self->emotion_min = MIN (min, max);
  self->emotion_max = MAX (min, max);
}

gboolean
waymark_highlight_get_emotion (const WaymarkHighlight *self,
                               int                    *min,
                               int                    *max)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (min != NULL)
    *min = self->has_emotion ? self->emotion_min : WAYMARK_EMOTION_MIN;
  if (max != NULL)
    *max = self->has_emotion ? self->emotion_max : WAYMARK_EMOTION_MAX;
  return self->has_emotion;
}

void
waymark_highlight_add_finding (WaymarkHighlight *self,
                               const char       *rule_id,
                               WaymarkSeverity   severity)
{
  WaymarkHighlightFinding criterion = { g_strdup (rule_id), severity };

  g_return_if_fail (self != NULL);
  g_return_if_fail (severity < WAYMARK_N_SEVERITIES);

  if (find_finding (self, rule_id, severity) >= 0)
    {
      g_free (criterion.rule_id);
      return;
    }
  g_array_append_val (self->findings, criterion);
}

gboolean
waymark_highlight_has_finding (const WaymarkHighlight *self,
                               const char             *rule_id,
                               WaymarkSeverity         severity)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return find_finding (self, rule_id, severity) >= 0;
}

void
waymark_highlight_set_min_votes (WaymarkHighlight *self,
                                 guint             votes)
{
  g_return_if_fail (self != NULL);
  self->min_votes = MIN (votes, WAYMARK_VOTES_MAX);
}

guint
waymark_highlight_get_min_votes (const WaymarkHighlight *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->min_votes;
}

/* Matching. */

gboolean
_waymark_highlight_names_channel (const char           *wanted,
                                  const WaymarkChannel *channel)
{
  return strcmp (wanted, waymark_item_get_id (channel)) == 0
         || (channel->icon != NULL && g_ascii_strcasecmp (wanted, channel->icon) == 0)
         || same_name (wanted, channel->name);
}

static gboolean
channel_matches (const WaymarkHighlight *self,
                 const WaymarkChannel   *channel)
{
  if (channel == NULL)
    return FALSE;
  for (guint i = 0; i < self->channels->len; i++)
    if (_waymark_highlight_names_channel (g_ptr_array_index (self->channels, i), channel))
      return TRUE;
  return FALSE;
}

gboolean
_waymark_highlight_names_persona (const char           *wanted,
                                  const WaymarkPersona *persona)
{
  return strcmp (wanted, waymark_item_get_id (persona)) == 0 || same_name (wanted, persona->name);
}

/* A touchpoint that names no persona applies to every one. */
static gboolean
persona_matches (const WaymarkHighlight  *self,
                 const WaymarkTouchpoint *tp)
{
  if (waymark_touchpoint_get_n_persona_marks (tp) == 0)
    return TRUE;
  for (guint m = 0; m < tp->persona_marks->len; m++)
    {
      const WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, m);

      for (guint i = 0; i < self->personas->len; i++)
        if (_waymark_highlight_names_persona (g_ptr_array_index (self->personas, i), mark->persona))
          return TRUE;
    }
  return FALSE;
}

static gboolean
finding_matches (const WaymarkHighlightFinding *criterion,
                 WaymarkChecker                *checker,
                 gconstpointer                  card)
{
  const WaymarkFinding *finding;

  if (criterion->rule_id == NULL)
    finding = waymark_checker_get_worst (checker, card);
  else
    {
      const WaymarkRule *rule = waymark_rules_lookup (criterion->rule_id);

      finding = rule != NULL ? waymark_checker_get_finding (checker, card, rule) : NULL;
    }
  /* A higher severity has a lower number. */
  return finding != NULL && finding->severity <= criterion->severity;
}

static gboolean
findings_match (const WaymarkHighlight *self,
                WaymarkChecker         *checker,
                gconstpointer           card)
{
  if (checker == NULL)
    return FALSE;
  for (guint i = 0; i < self->findings->len; i++)
    if (finding_matches (&g_array_index (self->findings, WaymarkHighlightFinding, i), checker, card))
      return TRUE;
  return FALSE;
}

static gboolean
touchpoint_matches (const WaymarkHighlight  *self,
                    WaymarkChecker          *checker,
                    const WaymarkTouchpoint *tp)
{
  if (self->channels->len > 0 && !channel_matches (self, tp->channel))
    return FALSE;
  if (self->categories != 0
      && (tp->channel == NULL || !waymark_highlight_has_category (self, tp->channel->category)))
    return FALSE;
  if (self->owners->len > 0 && (tp->owner == NULL || find_name (self->owners, tp->owner) < 0))
    return FALSE;
  if (self->personas->len > 0 && !persona_matches (self, tp))
    return FALSE;
  if (self->has_emotion
      && (!tp->has_emotion || tp->emotion < self->emotion_min || tp->emotion > self->emotion_max))
    return FALSE;
  if (self->findings->len > 0 && !findings_match (self, checker, tp))
    return FALSE;
  return tp->votes >= self->min_votes;
}

gboolean
waymark_highlight_matches (const WaymarkHighlight *self,
                           WaymarkChecker         *checker,
                           gconstpointer           card)
{
  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (card != NULL, FALSE);

  switch (waymark_item_get_item_type (card))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      return touchpoint_matches (self, checker, card);
    case WAYMARK_ITEM_NOTE:
      /* Only votes can single out a note; any other criterion dims it. */
      if (self->channels->len > 0 || self->categories != 0 || self->owners->len > 0
          || self->personas->len > 0 || self->has_emotion || self->findings->len > 0)
        return FALSE;
      return ((const WaymarkNote *) card)->votes >= self->min_votes;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return !waymark_highlight_is_active (self);
    }
}
