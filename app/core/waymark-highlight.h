/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-checker.h"
#include "waymark-enums.h"
#include "waymark-finding.h"
#include "waymark-journey.h"

G_BEGIN_DECLS

/* Which cards a user wants to see among the rest: "the e-mail touchpoints
 * that Support owns", "everything with a severe finding", "what got at
 * least three votes".  The map draws the cards that match as they are and
 * dims the others, on screen, in the outline and in an export.
 *
 * Criteria of different kinds must all hold (AND); several values of one
 * kind are alternatives (OR): channel=email,channel=phone,owner=Support is
 * "(e-mail or phone) and owned by Support".  A criterion a card cannot
 * meet (a note has no channel, owner or emotion) leaves it dimmed.
 *
 * A highlight is view state: it is not part of the map, not saved in the
 * file and not undone. */

typedef enum {
  WAYMARK_HIGHLIGHT_CHANNEL,
  WAYMARK_HIGHLIGHT_CATEGORY,
  WAYMARK_HIGHLIGHT_OWNER,
  WAYMARK_HIGHLIGHT_PERSONA,
  WAYMARK_HIGHLIGHT_EMOTION,
  WAYMARK_HIGHLIGHT_FINDING,
  WAYMARK_HIGHLIGHT_VOTES,
  WAYMARK_N_HIGHLIGHT_KINDS,
} WaymarkHighlightKind;

typedef struct _WaymarkHighlight WaymarkHighlight;

/* An empty highlight: nothing is asked for, every card matches. */
WaymarkHighlight *waymark_highlight_new      (void);
WaymarkHighlight *waymark_highlight_copy     (const WaymarkHighlight *self);
void              waymark_highlight_free     (WaymarkHighlight       *self);
gboolean          waymark_highlight_equal    (const WaymarkHighlight *a,
                                              const WaymarkHighlight *b);
/* Whether any criterion is set (else nothing is dimmed). */
gboolean          waymark_highlight_is_active (const WaymarkHighlight *self);
/* How many criteria of @kind are set (values of a list, 1 for a range). */
guint             waymark_highlight_count    (const WaymarkHighlight *self,
                                              WaymarkHighlightKind    kind);
void              waymark_highlight_clear    (WaymarkHighlight       *self);
void              waymark_highlight_clear_kind (WaymarkHighlight     *self,
                                                WaymarkHighlightKind  kind);

/* A channel by its id, its icon key or its name (any case). */
void     waymark_highlight_add_channel     (WaymarkHighlight *self,
                                            const char       *channel);
gboolean waymark_highlight_has_channel     (const WaymarkHighlight *self,
                                            const char             *channel);
void     waymark_highlight_remove_channel  (WaymarkHighlight *self,
                                            const char       *channel);
void     waymark_highlight_add_category    (WaymarkHighlight *self,
                                            WaymarkCategory   category);
gboolean waymark_highlight_has_category    (const WaymarkHighlight *self,
                                            WaymarkCategory         category);
void     waymark_highlight_remove_category (WaymarkHighlight *self,
                                            WaymarkCategory   category);
/* An owner as the card names it, in any case. */
void     waymark_highlight_add_owner       (WaymarkHighlight *self,
                                            const char       *owner);
gboolean waymark_highlight_has_owner       (const WaymarkHighlight *self,
                                            const char             *owner);
void     waymark_highlight_remove_owner    (WaymarkHighlight *self,
                                            const char       *owner);
/* Touchpoints that apply to a persona, by its id or name (any case): a
 * touchpoint that names no persona applies to every one
 * (waymark_touchpoint_applies_to_persona()). */
void     waymark_highlight_add_persona     (WaymarkHighlight *self,
                                            const char       *persona);
gboolean waymark_highlight_has_persona     (const WaymarkHighlight *self,
                                            const char             *persona);
void     waymark_highlight_remove_persona  (WaymarkHighlight *self,
                                            const char       *persona);
/* Touchpoints whose emotion lies in @min … @max (both included); one
 * without an emotion does not match. */
void     waymark_highlight_set_emotion     (WaymarkHighlight *self,
                                            int               min,
                                            int               max);
gboolean waymark_highlight_get_emotion     (const WaymarkHighlight *self,
                                            int                    *min,
                                            int                    *max);
/* Touchpoints with a current finding at least as severe as @severity
 * (WAYMARK_SEVERITY_LOW: any finding), of the rule @rule_id when it is
 * not NULL. */
void     waymark_highlight_add_finding     (WaymarkHighlight *self,
                                            const char       *rule_id,
                                            WaymarkSeverity   severity);
/* Whether an entry with exactly this rule (or none) and severity is set. */
gboolean waymark_highlight_has_finding     (const WaymarkHighlight *self,
                                            const char             *rule_id,
                                            WaymarkSeverity         severity);
/* Cards (touchpoints and notes) with at least @votes dot votes; 0 drops
 * the criterion. */
void     waymark_highlight_set_min_votes   (WaymarkHighlight *self,
                                            guint             votes);
guint    waymark_highlight_get_min_votes   (const WaymarkHighlight *self);

/* Whether @card (a touchpoint or a note) is highlighted.
 * @checker holds the current findings; it may be NULL when no finding
 * criterion is set (with one set, no card then matches). */
gboolean waymark_highlight_matches         (const WaymarkHighlight *self,
                                            WaymarkChecker         *checker,
                                            gconstpointer           card);

/* Reads the command line's spelling: comma-separated criteria such as
 * "channel=email,category=digital,owner=Support,persona=Lena,
 * emotion=-2..-1,finding=high,finding=touchpoint-without-owner,votes=3";
 * a backslash escapes a comma or a backslash in a value.  The error
 * (G_OPTION_ERROR_BAD_VALUE) names the criterion that is wrong. */
WaymarkHighlight *waymark_highlight_parse     (const char             *spec,
                                               GError                **error);
/* The spelling waymark_highlight_parse() reads back to an equal highlight. */
char             *waymark_highlight_to_string (const WaymarkHighlight *self);
/* Fails, naming the first one, when a channel or persona the highlight
 * asks for is not in @journey: a typo on the command line would otherwise
 * dim the whole map.  (An owner is free text: none may own a card yet.) */
gboolean          waymark_highlight_check     (const WaymarkHighlight *self,
                                               WaymarkJourney         *journey,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkHighlight, waymark_highlight_free)

G_END_DECLS
