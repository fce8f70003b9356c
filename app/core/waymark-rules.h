/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-finding.h"
#include "waymark-flow.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* The thresholds of the weak-spot rules (the Preferences change them). */
typedef struct {
  int negative_emotion;   /* an emotion at or below this is a finding */
  int emotion_drop;       /* a fall of at least this from one touchpoint to the next */
  guint silo_owners;      /* a phase with at least this many owners and no link inside */
} WaymarkRuleSettings;

#define WAYMARK_RULE_DEFAULT_NEGATIVE_EMOTION (-1)
#define WAYMARK_RULE_DEFAULT_EMOTION_DROP     2
#define WAYMARK_RULE_DEFAULT_SILO_OWNERS      3

void waymark_rule_settings_init (WaymarkRuleSettings *settings);

/* What a rule reads besides its own item: which changes make it look at
 * an item again. */
typedef enum {
  WAYMARK_RULE_READS_PREVIOUS    = 1 << 0,  /* the touchpoint before in the flow */
  WAYMARK_RULE_READS_PHASE_CARDS = 1 << 1,  /* the touchpoints of its phase */
  WAYMARK_RULE_READS_PHASE_NOTES = 1 << 2,  /* the notes of its phase */
  WAYMARK_RULE_READS_LINKS       = 1 << 3,
  WAYMARK_RULE_READS_CHANNEL     = 1 << 4,  /* its channel's category */
  WAYMARK_RULE_READS_PERSONAS    = 1 << 5,  /* the names of the personas it is marked for */
} WaymarkRuleReads;

/* What a rule may look at. */
typedef struct {
  WaymarkJourney *journey;
  const WaymarkRuleSettings *settings;
  WaymarkFlow *flow;
} WaymarkRuleContext;

/* Returns the finding about @item (a phase or a touchpoint, by the
 * rule's subject), or NULL when there is none.  Dismissals are the
 * caller's business. */
typedef WaymarkFinding *(*WaymarkRuleCheck) (const WaymarkRule        *rule,
                                             const WaymarkRuleContext *context,
                                             gpointer                  item);

/* Writes the translated sentence of a finding the rule made. */
typedef char *(*WaymarkRuleDescribe) (const WaymarkFinding *finding);

struct _WaymarkRule {
  const char *id;              /* stable: files name it in <dismissed> */
  WaymarkItemType subject;     /* the type of item it judges */
  WaymarkRuleReads reads;
  WaymarkRuleCheck check;
  WaymarkRuleDescribe describe;
  const char *why;             /* untranslated; see waymark_rule_get_why() */
  const char *suggestion;
};

/* The rules, in a fixed order. */
const WaymarkRule *waymark_rules_get           (guint             *n_rules);
/* The rule called @id, or NULL. */
const WaymarkRule *waymark_rules_lookup        (const char        *id);
const char        *waymark_rule_get_why        (const WaymarkRule *rule);
const char        *waymark_rule_get_suggestion (const WaymarkRule *rule);

G_END_DECLS
