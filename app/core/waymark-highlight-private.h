/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-highlight.h"

G_BEGIN_DECLS

/* The criteria, for waymark-highlight-spec.c, which reads and writes
 * their command-line spelling. */

typedef struct {
  char *rule_id;             /* nullable: any rule */
  WaymarkSeverity severity;  /* this or more severe */
} WaymarkHighlightFinding;

struct _WaymarkHighlight {
  GPtrArray *channels;       /* char *, as given */
  guint categories;          /* 1 << WaymarkCategory */
  GPtrArray *owners;         /* char *, as given */
  GPtrArray *personas;       /* char *, ids or names as given */
  gboolean has_emotion;
  int emotion_min;
  int emotion_max;
  GArray *findings;          /* WaymarkHighlightFinding */
  guint min_votes;
};

/* Whether @wanted is @channel's id, icon key or name (any case). */
gboolean _waymark_highlight_names_channel (const char           *wanted,
                                           const WaymarkChannel *channel);

/* Whether @wanted is @persona's id or name (any case). */
gboolean _waymark_highlight_names_persona (const char           *wanted,
                                           const WaymarkPersona *persona);

G_END_DECLS
