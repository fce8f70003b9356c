/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-persona.h"

G_BEGIN_DECLS

/* That a touchpoint applies to one persona, and how that persona feels
 * there (format 2, <applies-to>).  A touchpoint without marks applies to
 * every persona; one with marks only to the personas it names.  The
 * touchpoint's own emotion stays the map's curve; a mark's emotion is
 * that persona's, and a mark without one follows the touchpoint's. */
typedef struct {
  WaymarkPersona *persona;   /* strong reference */
  gboolean has_emotion;
  int emotion;               /* WAYMARK_EMOTION_MIN … MAX when has_emotion */
  char *emotion_note;        /* nullable */
} WaymarkPersonaMark;

WaymarkPersonaMark *waymark_persona_mark_new   (WaymarkPersona           *persona);
WaymarkPersonaMark *waymark_persona_mark_copy  (const WaymarkPersonaMark *mark);
void                waymark_persona_mark_free  (WaymarkPersonaMark       *mark);
/* Same persona (by id, so marks of two versions of a map compare),
 * score and note. */
gboolean            waymark_persona_mark_equal (const WaymarkPersonaMark *a,
                                                const WaymarkPersonaMark *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPersonaMark, waymark_persona_mark_free)

G_END_DECLS
