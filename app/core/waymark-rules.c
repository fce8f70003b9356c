/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-rules-private.h"

/* The weak-spot rules: what each judges, what it reads besides its item
 * (so that a change re-runs only the rules it can affect), and what a
 * person should know about its findings. */
static const WaymarkRule rules[] = {
  {
    "phase-without-touchpoints", WAYMARK_ITEM_PHASE,
    WAYMARK_RULE_READS_PHASE_CARDS,
    _waymark_rule_check_empty_phase,
    _waymark_rule_describe_empty_phase,
    N_("In a phase where the customer meets nothing of yours, they are left alone, or the map misses what happens there."),
    N_("Add the touchpoints of this phase, or merge it with a neighbouring phase."),
  },
  {
    "touchpoint-without-owner", WAYMARK_ITEM_TOUCHPOINT,
    0,
    _waymark_rule_check_owner,
    _waymark_rule_describe_owner,
    N_("A touchpoint nobody is responsible for is neither measured nor improved."),
    N_("Name the team or person who owns it."),
  },
  {
    "negative-emotion", WAYMARK_ITEM_TOUCHPOINT,
    WAYMARK_RULE_READS_PERSONAS,
    _waymark_rule_check_negative_emotion,
    _waymark_rule_describe_negative_emotion,
    N_("Customers remember a bad experience, and at a moment of truth it decides whether they stay."),
    N_("Find out what causes it (quotes, pain points) and plan an improvement; start with the moments of truth."),
  },
  {
    "emotion-drop", WAYMARK_ITEM_TOUCHPOINT,
    WAYMARK_RULE_READS_PREVIOUS,
    _waymark_rule_check_emotion_drop,
    _waymark_rule_describe_emotion_drop,
    N_("A sharp fall from one touchpoint to the next shows where an expectation breaks."),
    N_("Look at what happens between the two touchpoints: a promise the next step does not keep, a wait, a handover."),
  },
  {
    "channel-break", WAYMARK_ITEM_TOUCHPOINT,
    WAYMARK_RULE_READS_PREVIOUS | WAYMARK_RULE_READS_LINKS | WAYMARK_RULE_READS_CHANNEL,
    _waymark_rule_check_channel_break,
    _waymark_rule_describe_channel_break,
    N_("Customers expect to go on where they left off; a switch between online and offline that loses what they did makes them start again."),
    N_("Carry the context across (an order number, a QR code, a call back) and link the two touchpoints."),
  },
  {
    "kpi-misses-target", WAYMARK_ITEM_TOUCHPOINT,
    0,
    _waymark_rule_check_kpi_target,
    _waymark_rule_describe_kpi_target,
    N_("A KPI on the wrong side of its target measures a weak spot instead of guessing it."),
    N_("Find the cause at this touchpoint, change it, and measure again."),
  },
  {
    "digital-without-kpi", WAYMARK_ITEM_TOUCHPOINT,
    WAYMARK_RULE_READS_CHANNEL,
    _waymark_rule_check_digital_kpi,
    _waymark_rule_describe_digital_kpi,
    N_("A digital touchpoint can be measured (visits, conversion, drop-outs); without a KPI nobody can tell whether a change helps."),
    N_("Add the KPI that tells whether this touchpoint works, with a target."),
  },
  {
    "owner-silos", WAYMARK_ITEM_PHASE,
    WAYMARK_RULE_READS_PHASE_CARDS | WAYMARK_RULE_READS_LINKS,
    _waymark_rule_check_silos,
    _waymark_rule_describe_silos,
    N_("When many departments own the touchpoints of one phase and nothing connects them, each improves its own part and the customer falls between them."),
    N_("Link the touchpoints in the order the customer takes them and agree who owns the handovers."),
  },
  {
    "weakness-without-idea", WAYMARK_ITEM_TOUCHPOINT,
    WAYMARK_RULE_READS_PHASE_NOTES,
    _waymark_rule_check_weakness_idea,
    _waymark_rule_describe_weakness_idea,
    N_("A weakness that nobody has an idea for stays a weakness."),
    N_("Write an idea on the touchpoint or a note in its phase."),
  },
};

void
waymark_rule_settings_init (WaymarkRuleSettings *settings)
{
  settings->negative_emotion = WAYMARK_RULE_DEFAULT_NEGATIVE_EMOTION;
  settings->emotion_drop = WAYMARK_RULE_DEFAULT_EMOTION_DROP;
  settings->silo_owners = WAYMARK_RULE_DEFAULT_SILO_OWNERS;
}

const WaymarkRule *
waymark_rules_get (guint *n_rules)
{
  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const WaymarkRule *
waymark_rules_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].id, id) == 0)
      return &rules[i];
  return NULL;
}

const char *
waymark_rule_get_why (const WaymarkRule *rule)
{
  return _(rule->why);
}

const char *
waymark_rule_get_suggestion (const WaymarkRule *rule)
{
  return _(rule->suggestion);
}

const char *
_waymark_rule_label (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return C_("item", "untitled");
  return text;
}

char *
_waymark_rule_format_emotion (int score)
{
  /* The minus sign, not a hyphen, as the emotion picker shows it. */
  if (score < 0)
    return g_strdup_printf ("−%d", -score);
  if (score > 0)
    return g_strdup_printf ("+%d", score);
  return g_strdup ("0");
}

guint64
_waymark_digest_text (guint64     digest,
                      const char *text)
{
  /* The terminating zero too, so that "ab" "c" and "a" "bc" differ. */
  for (const guchar *p = (const guchar *) text; ; p++)
    {
      digest = (digest ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
      if (*p == '\0')
        return digest;
    }
}

guint64
_waymark_digest_int (guint64 digest,
                     gint64  value)
{
  guint64 bits = (guint64) value;

  for (guint i = 0; i < 8; i++, bits >>= 8)
    digest = (digest ^ (bits & 0xff)) * G_GUINT64_CONSTANT (0x100000001b3);
  return digest;
}
