/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "waymark-journey.h"

G_BEGIN_DECLS

/* The fields a diff compares and a merge merges one at a time.  An item
 * has the fields of its type (waymark_diff_field_mask()); the journey
 * itself has TITLE, SUBJECT, GOAL, STATE and EXTENSIONS.  The values
 * are kept in the enumeration's order: it is the order in which a diff
 * reports them and in which docs/DIFF.md lists their names. */
typedef enum {
  WAYMARK_DIFF_FIELD_TITLE,            /* journey, touchpoint */
  WAYMARK_DIFF_FIELD_SUBJECT,          /* journey */
  WAYMARK_DIFF_FIELD_GOAL,             /* journey */
  WAYMARK_DIFF_FIELD_STATE,            /* journey: as-is or intended */
  WAYMARK_DIFF_FIELD_NAME,             /* persona, phase, lane, channel */
  WAYMARK_DIFF_FIELD_DESCRIPTION,      /* persona, touchpoint */
  WAYMARK_DIFF_FIELD_KIND,             /* lane */
  WAYMARK_DIFF_FIELD_CATEGORY,         /* channel */
  WAYMARK_DIFF_FIELD_ICON,             /* channel */
  WAYMARK_DIFF_FIELD_PHASE,            /* touchpoint, note: the column */
  WAYMARK_DIFF_FIELD_LANE,             /* touchpoint, note: the row */
  WAYMARK_DIFF_FIELD_CHANNEL,          /* touchpoint */
  WAYMARK_DIFF_FIELD_INITIATOR,        /* touchpoint */
  WAYMARK_DIFF_FIELD_QUOTE,            /* touchpoint */
  WAYMARK_DIFF_FIELD_IDEA,             /* touchpoint */
  WAYMARK_DIFF_FIELD_EMOTION,          /* touchpoint: the score, or none */
  WAYMARK_DIFF_FIELD_EMOTION_NOTE,     /* touchpoint */
  WAYMARK_DIFF_FIELD_PERSONAS,         /* touchpoint: the personas it applies to, their emotions */
  WAYMARK_DIFF_FIELD_OWNER,            /* touchpoint */
  WAYMARK_DIFF_FIELD_STRENGTH,         /* touchpoint */
  WAYMARK_DIFF_FIELD_PRIORITY,         /* touchpoint */
  WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH,  /* touchpoint */
  WAYMARK_DIFF_FIELD_KPIS,             /* touchpoint: the list of KPIs */
  WAYMARK_DIFF_FIELD_TEXT,             /* note */
  WAYMARK_DIFF_FIELD_VOTES,            /* touchpoint, note: the dot votes */
  WAYMARK_DIFF_FIELD_FROM,             /* link */
  WAYMARK_DIFF_FIELD_TO,               /* link */
  WAYMARK_DIFF_FIELD_DISMISSED,        /* everything: the weak-spot findings dismissed for it */
  WAYMARK_DIFF_FIELD_EXTENSIONS,       /* everything: what other namespaces put there */
  WAYMARK_DIFF_N_FIELDS
} WaymarkDiffField;

#define WAYMARK_DIFF_FIELD_BIT(field) (1u << (field))

/* The fields items of @type have (a bit per field). */
guint32      waymark_diff_field_mask      (WaymarkItemType type);
/* The fields of the journey itself. */
guint32      waymark_diff_field_journey_mask (void);
/* The field's name in the XML output and in merge conflicts
 * ("title", "emotion-note", "moment-of-truth", …). */
const char  *waymark_diff_field_to_nick   (WaymarkDiffField field);
gboolean     waymark_diff_field_from_nick (const char       *nick,
                                           WaymarkDiffField *out);
/* The field's name for people ("emotion note"), translated. */
const char  *waymark_diff_field_label     (WaymarkDiffField field);

/* How a field that refers to another item (a touchpoint's phase, lane and
 * channel, a link's ends) is compared: whether @a_ref (of @a's journey)
 * and @b_ref (of @b's) are the same item.  Either may be NULL. */
typedef gboolean (*WaymarkDiffSameFunc) (gconstpointer a_ref,
                                         gconstpointer b_ref,
                                         gpointer      user_data);

/* Whether @field has the same value in @a and @b, two items of one type
 * (@same compares references; NULL compares them by id). */
gboolean     waymark_diff_field_equal     (gconstpointer        a,
                                           gconstpointer        b,
                                           WaymarkDiffField     field,
                                           WaymarkDiffSameFunc  same,
                                           gpointer             user_data);
/* The fields of @a and @b (same type) that differ, as a mask. */
guint32      waymark_diff_field_compare   (gconstpointer        a,
                                           gconstpointer        b,
                                           WaymarkDiffSameFunc  same,
                                           gpointer             user_data);

/* How a copied reference finds its target: the item of the target
 * journey that stands for @ref (an item of the source journey). */
typedef gpointer (*WaymarkDiffMapFunc) (gconstpointer ref,
                                        gpointer      user_data);

/* Sets @field of @dst to its value in @src (same type; @dst is not in a
 * journey yet, or the caller swaps it in as a command does).  References
 * go through @map; NULL keeps the pointer. */
void         waymark_diff_field_copy      (gpointer             dst,
                                           gconstpointer        src,
                                           WaymarkDiffField     field,
                                           WaymarkDiffMapFunc   map,
                                           gpointer             user_data);

/* The value of @field in @item as text: for people (translated; a
 * reference as the name or title of what it names, an empty field as
 * NULL) when @human, else as the file spells it (an id, a keyword, the
 * score).  KPIS is one line per KPI; DISMISSED the finding ids, with
 * spaces between them (", " for people).  Never NULL when !@human unless the
 * field is empty. */
char        *waymark_diff_field_to_string (gconstpointer        item,
                                           WaymarkDiffField     field,
                                           gboolean             human);
/* Sets @field of @item (a copy, not in a journey) from @text spelled as
 * waymark_diff_field_to_string (…, FALSE) spells it; references are
 * looked up in @journey, and a card's lane must hold its kind of card.
 * FALSE with @error (WAYMARK_FORMAT_ERROR, a message without place) when
 * @text is no value of the field.  KPIS and EXTENSIONS have no text form. */
gboolean     waymark_diff_field_from_string (gpointer          item,
                                             WaymarkDiffField  field,
                                             const char       *text,
                                             WaymarkJourney   *journey,
                                             GError          **error);
/* The same for a field of the journey itself. */
char        *waymark_diff_field_journey_string (WaymarkJourney   *journey,
                                                WaymarkDiffField  field,
                                                gboolean          human);

/* One KPI as text: "0.031 ratio, target 0.05" (@human) or the file's
 * attributes "value=0.031 unit=ratio target=0.05". */
char        *waymark_diff_kpi_to_string   (const WaymarkKpi *kpi,
                                           gboolean          human);

/* The name or title a person knows @item by, for messages ("Instagram
 * ad", "Awareness", "Website → Store" for a link); never NULL. */
char        *waymark_diff_item_label      (gconstpointer item);
/* The kind of @item for people: "touchpoint", "phase", … (translated);
 * WAYMARK_N_ITEM_TYPES is the journey. */
const char  *waymark_diff_item_type_label (WaymarkItemType type);
/* The same at the start of a sentence: "Touchpoint", "Phase", …. */
const char  *waymark_diff_item_type_title (WaymarkItemType type);

G_END_DECLS
