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

/* waymark-rules-touchpoint.c */
WaymarkFinding *_waymark_rule_check_owner            (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_negative_emotion (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_kpi_target       (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_digital_kpi      (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_weakness_idea    (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);

/* waymark-rules-flow.c */
WaymarkFinding *_waymark_rule_check_emotion_drop     (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_channel_break    (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);

/* waymark-rules-phase.c */
WaymarkFinding *_waymark_rule_check_empty_phase      (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);
WaymarkFinding *_waymark_rule_check_silos            (const WaymarkRule        *rule,
                                                      const WaymarkRuleContext *context,
                                                      gpointer                  item);

G_END_DECLS
