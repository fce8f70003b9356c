/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-rules.h"

G_BEGIN_DECLS

/* Shared by the files of the rules, and the deviations of an as-is journey
 * from the intended one (waymark-deviation.c). */

/* @text, or a translated "untitled" when it is empty. */
const char     *_waymark_rule_label (const char *text);
/* "+2", "0", "−1": an emotion score as the map shows it. */
char           *_waymark_rule_format_emotion (int score);

/* A finding's digest (see WaymarkFinding): each rule feeds in, from
 * _WAYMARK_DIGEST_START, everything its sentence says, in a 64-bit
 * FNV-1a hash, instead of writing the sentence. */
#define _WAYMARK_DIGEST_START G_GUINT64_CONSTANT (0xcbf29ce484222325)
guint64         _waymark_digest_text (guint64     digest,
                                      const char *text);
guint64         _waymark_digest_int  (guint64     digest,
                                      gint64      value);

/* waymark-rules-touchpoint.c */
WaymarkFinding *_waymark_rule_check_owner            (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_owner (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_negative_emotion (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_negative_emotion (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_kpi_target       (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_kpi_target (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_digital_kpi      (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_digital_kpi (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_weakness_idea    (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_weakness_idea (const WaymarkFinding *finding);

/* waymark-rules-flow.c */
WaymarkFinding *_waymark_rule_check_emotion_drop     (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_emotion_drop (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_channel_break    (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_channel_break (const WaymarkFinding *finding);

/* waymark-rules-phase.c */
WaymarkFinding *_waymark_rule_check_empty_phase      (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_empty_phase (const WaymarkFinding *finding);
WaymarkFinding *_waymark_rule_check_silos            (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
char           *_waymark_rule_describe_silos (const WaymarkFinding *finding);

G_END_DECLS
