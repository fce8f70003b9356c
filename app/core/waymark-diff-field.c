/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-diff-field.h"
#include "waymark-error.h"
#include "waymark-persona-text.h"
#include "waymark-votes.h"

#define BIT WAYMARK_DIFF_FIELD_BIT

static const char *const nicks[WAYMARK_DIFF_N_FIELDS] = {
  [WAYMARK_DIFF_FIELD_TITLE] = "title",
  [WAYMARK_DIFF_FIELD_SUBJECT] = "subject",
  [WAYMARK_DIFF_FIELD_GOAL] = "goal",
  [WAYMARK_DIFF_FIELD_STATE] = "state",
  [WAYMARK_DIFF_FIELD_NAME] = "name",
  [WAYMARK_DIFF_FIELD_DESCRIPTION] = "description",
  [WAYMARK_DIFF_FIELD_KIND] = "kind",
  [WAYMARK_DIFF_FIELD_CATEGORY] = "category",
  [WAYMARK_DIFF_FIELD_ICON] = "icon",
  [WAYMARK_DIFF_FIELD_PHASE] = "phase",
  [WAYMARK_DIFF_FIELD_LANE] = "lane",
  [WAYMARK_DIFF_FIELD_CHANNEL] = "channel",
  [WAYMARK_DIFF_FIELD_INITIATOR] = "initiator",
  [WAYMARK_DIFF_FIELD_QUOTE] = "quote",
  [WAYMARK_DIFF_FIELD_IDEA] = "idea",
  [WAYMARK_DIFF_FIELD_EMOTION] = "emotion",
  [WAYMARK_DIFF_FIELD_EMOTION_NOTE] = "emotion-note",
  [WAYMARK_DIFF_FIELD_PERSONAS] = "personas",
  [WAYMARK_DIFF_FIELD_OWNER] = "owner",
  [WAYMARK_DIFF_FIELD_STRENGTH] = "strength",
  [WAYMARK_DIFF_FIELD_PRIORITY] = "priority",
  [WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH] = "moment-of-truth",
  [WAYMARK_DIFF_FIELD_KPIS] = "kpis",
  [WAYMARK_DIFF_FIELD_TEXT] = "text",
  [WAYMARK_DIFF_FIELD_VOTES] = "votes",
  [WAYMARK_DIFF_FIELD_FROM] = "from",
  [WAYMARK_DIFF_FIELD_TO] = "to",
  [WAYMARK_DIFF_FIELD_DISMISSED] = "dismissed",
  [WAYMARK_DIFF_FIELD_EXTENSIONS] = "extensions",
};

static const char *const labels[WAYMARK_DIFF_N_FIELDS] = {
  [WAYMARK_DIFF_FIELD_TITLE] = NC_("diff field", "title"),
  [WAYMARK_DIFF_FIELD_SUBJECT] = NC_("diff field", "product or customer segment"),
  [WAYMARK_DIFF_FIELD_GOAL] = NC_("diff field", "goal"),
  [WAYMARK_DIFF_FIELD_STATE] = NC_("diff field", "state"),
  [WAYMARK_DIFF_FIELD_NAME] = NC_("diff field", "name"),
  [WAYMARK_DIFF_FIELD_DESCRIPTION] = NC_("diff field", "description"),
  [WAYMARK_DIFF_FIELD_KIND] = NC_("diff field", "kind"),
  [WAYMARK_DIFF_FIELD_CATEGORY] = NC_("diff field", "category"),
  [WAYMARK_DIFF_FIELD_ICON] = NC_("diff field", "icon"),
  [WAYMARK_DIFF_FIELD_PHASE] = NC_("diff field", "phase"),
  [WAYMARK_DIFF_FIELD_LANE] = NC_("diff field", "lane"),
  [WAYMARK_DIFF_FIELD_CHANNEL] = NC_("diff field", "channel"),
  [WAYMARK_DIFF_FIELD_INITIATOR] = NC_("diff field", "initiator"),
  [WAYMARK_DIFF_FIELD_QUOTE] = NC_("diff field", "quote"),
  [WAYMARK_DIFF_FIELD_IDEA] = NC_("diff field", "idea"),
  [WAYMARK_DIFF_FIELD_EMOTION] = NC_("diff field", "emotion"),
  [WAYMARK_DIFF_FIELD_EMOTION_NOTE] = NC_("diff field", "emotion note"),
  [WAYMARK_DIFF_FIELD_PERSONAS] = NC_("diff field", "personas"),
  [WAYMARK_DIFF_FIELD_OWNER] = NC_("diff field", "owner"),
  [WAYMARK_DIFF_FIELD_STRENGTH] = NC_("diff field", "strength or weakness"),
  [WAYMARK_DIFF_FIELD_PRIORITY] = NC_("diff field", "priority"),
  [WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH] = NC_("diff field", "moment of truth"),
  [WAYMARK_DIFF_FIELD_KPIS] = NC_("diff field", "KPIs"),
  [WAYMARK_DIFF_FIELD_TEXT] = NC_("diff field", "text"),
  [WAYMARK_DIFF_FIELD_VOTES] = NC_("diff field", "votes"),
  [WAYMARK_DIFF_FIELD_FROM] = NC_("diff field", "from"),
  [WAYMARK_DIFF_FIELD_TO] = NC_("diff field", "to"),
  [WAYMARK_DIFF_FIELD_DISMISSED] = NC_("diff field", "dismissed findings"),
  [WAYMARK_DIFF_FIELD_EXTENSIONS] = NC_("diff field", "extension data"),
};

guint32
waymark_diff_field_mask (WaymarkItemType type)
{
  guint32 ext = BIT (WAYMARK_DIFF_FIELD_DISMISSED) | BIT (WAYMARK_DIFF_FIELD_EXTENSIONS);

  switch (type)
    {
    case WAYMARK_ITEM_PERSONA:
      return BIT (WAYMARK_DIFF_FIELD_NAME) | BIT (WAYMARK_DIFF_FIELD_DESCRIPTION) | ext;
    case WAYMARK_ITEM_PHASE:
      return BIT (WAYMARK_DIFF_FIELD_NAME) | ext;
    case WAYMARK_ITEM_LANE:
      return BIT (WAYMARK_DIFF_FIELD_NAME) | BIT (WAYMARK_DIFF_FIELD_KIND) | ext;
    case WAYMARK_ITEM_CHANNEL:
      return BIT (WAYMARK_DIFF_FIELD_NAME) | BIT (WAYMARK_DIFF_FIELD_CATEGORY) |
             BIT (WAYMARK_DIFF_FIELD_ICON) | ext;
    case WAYMARK_ITEM_TOUCHPOINT:
      return BIT (WAYMARK_DIFF_FIELD_TITLE) | BIT (WAYMARK_DIFF_FIELD_DESCRIPTION) |
             BIT (WAYMARK_DIFF_FIELD_PHASE) | BIT (WAYMARK_DIFF_FIELD_LANE) |
             BIT (WAYMARK_DIFF_FIELD_CHANNEL) | BIT (WAYMARK_DIFF_FIELD_INITIATOR) |
             BIT (WAYMARK_DIFF_FIELD_QUOTE) | BIT (WAYMARK_DIFF_FIELD_IDEA) |
             BIT (WAYMARK_DIFF_FIELD_EMOTION) | BIT (WAYMARK_DIFF_FIELD_EMOTION_NOTE) |
             BIT (WAYMARK_DIFF_FIELD_PERSONAS) |
             BIT (WAYMARK_DIFF_FIELD_OWNER) | BIT (WAYMARK_DIFF_FIELD_STRENGTH) |
             BIT (WAYMARK_DIFF_FIELD_PRIORITY) | BIT (WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH) |
             BIT (WAYMARK_DIFF_FIELD_KPIS) | BIT (WAYMARK_DIFF_FIELD_VOTES) | ext;
    case WAYMARK_ITEM_NOTE:
      return BIT (WAYMARK_DIFF_FIELD_PHASE) | BIT (WAYMARK_DIFF_FIELD_LANE) |
             BIT (WAYMARK_DIFF_FIELD_TEXT) | BIT (WAYMARK_DIFF_FIELD_VOTES) | ext;
    case WAYMARK_ITEM_LINK:
      return BIT (WAYMARK_DIFF_FIELD_FROM) | BIT (WAYMARK_DIFF_FIELD_TO) | ext;
    case WAYMARK_N_ITEM_TYPES:
    default:
      return 0;
    }
}

guint32
waymark_diff_field_journey_mask (void)
{
  return BIT (WAYMARK_DIFF_FIELD_TITLE) | BIT (WAYMARK_DIFF_FIELD_SUBJECT) |
         BIT (WAYMARK_DIFF_FIELD_GOAL) | BIT (WAYMARK_DIFF_FIELD_STATE) |
         BIT (WAYMARK_DIFF_FIELD_EXTENSIONS);
}

const char *
waymark_diff_field_to_nick (WaymarkDiffField field)
{
  g_return_val_if_fail (field < WAYMARK_DIFF_N_FIELDS, NULL);
  return nicks[field];
}

gboolean
waymark_diff_field_from_nick (const char       *nick,
                              WaymarkDiffField *out)
{
  for (guint i = 0; nick != NULL && i < WAYMARK_DIFF_N_FIELDS; i++)
    if (g_str_equal (nicks[i], nick))
      {
        *out = (WaymarkDiffField) i;
        return TRUE;
      }
  return FALSE;
}

const char *
waymark_diff_field_label (WaymarkDiffField field)
{
  g_return_val_if_fail (field < WAYMARK_DIFF_N_FIELDS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "diff field", labels[field]);
}

/* ---- Access to one field of an item ---- */

/* The text field @field of @item, or NULL when it has none of that name. */
static char **
text_slot (gconstpointer    item,
           WaymarkDiffField field)
{
  gpointer p = (gpointer) item;

  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_PERSONA:
      if (field == WAYMARK_DIFF_FIELD_NAME)
        return &((WaymarkPersona *) p)->name;
      if (field == WAYMARK_DIFF_FIELD_DESCRIPTION)
        return &((WaymarkPersona *) p)->description;
      return NULL;
    case WAYMARK_ITEM_PHASE:
      return field == WAYMARK_DIFF_FIELD_NAME ? &((WaymarkPhase *) p)->name : NULL;
    case WAYMARK_ITEM_LANE:
      return field == WAYMARK_DIFF_FIELD_NAME ? &((WaymarkLane *) p)->name : NULL;
    case WAYMARK_ITEM_CHANNEL:
      if (field == WAYMARK_DIFF_FIELD_NAME)
        return &((WaymarkChannel *) p)->name;
      if (field == WAYMARK_DIFF_FIELD_ICON)
        return &((WaymarkChannel *) p)->icon;
      return NULL;
    case WAYMARK_ITEM_TOUCHPOINT:
      {
        WaymarkTouchpoint *tp = p;

        switch (field)
          {
          case WAYMARK_DIFF_FIELD_TITLE: return &tp->title;
          case WAYMARK_DIFF_FIELD_DESCRIPTION: return &tp->description;
          case WAYMARK_DIFF_FIELD_QUOTE: return &tp->quote;
          case WAYMARK_DIFF_FIELD_IDEA: return &tp->idea;
          case WAYMARK_DIFF_FIELD_EMOTION_NOTE: return &tp->emotion_note;
          case WAYMARK_DIFF_FIELD_OWNER: return &tp->owner;
          case WAYMARK_DIFF_FIELD_SUBJECT:
          case WAYMARK_DIFF_FIELD_GOAL:
          case WAYMARK_DIFF_FIELD_STATE:
          case WAYMARK_DIFF_FIELD_NAME:
          case WAYMARK_DIFF_FIELD_KIND:
          case WAYMARK_DIFF_FIELD_CATEGORY:
          case WAYMARK_DIFF_FIELD_ICON:
          case WAYMARK_DIFF_FIELD_PHASE:
          case WAYMARK_DIFF_FIELD_LANE:
          case WAYMARK_DIFF_FIELD_CHANNEL:
          case WAYMARK_DIFF_FIELD_INITIATOR:
          case WAYMARK_DIFF_FIELD_EMOTION:
          case WAYMARK_DIFF_FIELD_PERSONAS:
          case WAYMARK_DIFF_FIELD_STRENGTH:
          case WAYMARK_DIFF_FIELD_PRIORITY:
          case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
          case WAYMARK_DIFF_FIELD_KPIS:
          case WAYMARK_DIFF_FIELD_TEXT:
          case WAYMARK_DIFF_FIELD_VOTES:
          case WAYMARK_DIFF_FIELD_FROM:
          case WAYMARK_DIFF_FIELD_TO:
          case WAYMARK_DIFF_FIELD_DISMISSED:
          case WAYMARK_DIFF_FIELD_EXTENSIONS:
          case WAYMARK_DIFF_N_FIELDS:
          default:
            return NULL;
          }
      }
    case WAYMARK_ITEM_NOTE:
      return field == WAYMARK_DIFF_FIELD_TEXT ? &((WaymarkNote *) p)->text : NULL;
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

/* The reference field @field of @item, or NULL. */
static gpointer *
ref_slot (gconstpointer    item,
          WaymarkDiffField field)
{
  gpointer p = (gpointer) item;

  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      if (field == WAYMARK_DIFF_FIELD_PHASE)
        return (gpointer *) &((WaymarkTouchpoint *) p)->phase;
      if (field == WAYMARK_DIFF_FIELD_LANE)
        return (gpointer *) &((WaymarkTouchpoint *) p)->lane;
      if (field == WAYMARK_DIFF_FIELD_CHANNEL)
        return (gpointer *) &((WaymarkTouchpoint *) p)->channel;
      return NULL;
    case WAYMARK_ITEM_NOTE:
      if (field == WAYMARK_DIFF_FIELD_PHASE)
        return (gpointer *) &((WaymarkNote *) p)->phase;
      if (field == WAYMARK_DIFF_FIELD_LANE)
        return (gpointer *) &((WaymarkNote *) p)->lane;
      return NULL;
    case WAYMARK_ITEM_LINK:
      if (field == WAYMARK_DIFF_FIELD_FROM)
        return (gpointer *) &((WaymarkLink *) p)->from;
      if (field == WAYMARK_DIFF_FIELD_TO)
        return (gpointer *) &((WaymarkLink *) p)->to;
      return NULL;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return NULL;
    }
}

/* A field that is neither text nor reference, as a number. */
static int
scalar_value (gconstpointer    item,
              WaymarkDiffField field)
{
  const WaymarkTouchpoint *tp = item;

  switch (field)
    {
    case WAYMARK_DIFF_FIELD_KIND:
      return (int) ((const WaymarkLane *) item)->kind;
    case WAYMARK_DIFF_FIELD_CATEGORY:
      return (int) ((const WaymarkChannel *) item)->category;
    case WAYMARK_DIFF_FIELD_INITIATOR:
      return (int) tp->initiator;
    case WAYMARK_DIFF_FIELD_EMOTION:
      /* "No emotion" is a value of its own, out of the score's range. */
      return tp->has_emotion ? tp->emotion : G_MININT;
    case WAYMARK_DIFF_FIELD_STRENGTH:
      return (int) tp->strength;
    case WAYMARK_DIFF_FIELD_PRIORITY:
      return (int) tp->priority;
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
      return tp->moment_of_truth ? 1 : 0;
    case WAYMARK_DIFF_FIELD_VOTES:
      /* A note too: the votes are not where a touchpoint's fields are. */
      return (int) waymark_votes_get (item);
    case WAYMARK_DIFF_FIELD_TITLE:
    case WAYMARK_DIFF_FIELD_SUBJECT:
    case WAYMARK_DIFF_FIELD_GOAL:
    case WAYMARK_DIFF_FIELD_STATE:
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_ICON:
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_PERSONAS:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
    case WAYMARK_DIFF_FIELD_DISMISSED:
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_scalar (gpointer         item,
            WaymarkDiffField field,
            int              value)
{
  WaymarkTouchpoint *tp = item;

  switch (field)
    {
    case WAYMARK_DIFF_FIELD_KIND:
      ((WaymarkLane *) item)->kind = (WaymarkLaneKind) value;
      break;
    case WAYMARK_DIFF_FIELD_CATEGORY:
      ((WaymarkChannel *) item)->category = (WaymarkCategory) value;
      break;
    case WAYMARK_DIFF_FIELD_INITIATOR:
      tp->initiator = (WaymarkInitiator) value;
      break;
    case WAYMARK_DIFF_FIELD_EMOTION:
      tp->has_emotion = value != G_MININT;
      tp->emotion = tp->has_emotion ? value : 0;
      break;
    case WAYMARK_DIFF_FIELD_STRENGTH:
      tp->strength = (WaymarkStrength) value;
      break;
    case WAYMARK_DIFF_FIELD_PRIORITY:
      tp->priority = (WaymarkPriority) value;
      break;
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
      tp->moment_of_truth = value != 0;
      break;
    case WAYMARK_DIFF_FIELD_VOTES:
      waymark_votes_set (item, (guint) MAX (value, 0));
      break;
    case WAYMARK_DIFF_FIELD_TITLE:
    case WAYMARK_DIFF_FIELD_SUBJECT:
    case WAYMARK_DIFF_FIELD_GOAL:
    case WAYMARK_DIFF_FIELD_STATE:
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_ICON:
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_PERSONAS:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
    case WAYMARK_DIFF_FIELD_DISMISSED:
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
kpis_equal (const WaymarkTouchpoint *a,
            const WaymarkTouchpoint *b)
{
  guint n = waymark_touchpoint_get_n_kpis (a);

  if (n != waymark_touchpoint_get_n_kpis (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!waymark_kpi_equal (g_ptr_array_index (a->kpis, i), g_ptr_array_index (b->kpis, i)))
      return FALSE;
  return TRUE;
}

static gboolean
strvs_equal (char **a,
             char **b)
{
  /* NULL is none; the order is the order they were dismissed in, which
   * the file keeps. */
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
same_by_id (gconstpointer a_ref,
            gconstpointer b_ref)
{
  if (a_ref == NULL || b_ref == NULL)
    return a_ref == b_ref;
  return g_strcmp0 (waymark_item_get_id (a_ref), waymark_item_get_id (b_ref)) == 0;
}

/* Marks in the same order, for the same personas (by @same), with the
 * same scores and notes. */
static gboolean
persona_marks_equal (const WaymarkTouchpoint *a,
                     const WaymarkTouchpoint *b,
                     WaymarkDiffSameFunc      same,
                     gpointer                 user_data)
{
  guint n = waymark_touchpoint_get_n_persona_marks (a);

  if (n != waymark_touchpoint_get_n_persona_marks (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const WaymarkPersonaMark *ma = g_ptr_array_index (a->persona_marks, i);
      const WaymarkPersonaMark *mb = g_ptr_array_index (b->persona_marks, i);

      if (!(same ? same (ma->persona, mb->persona, user_data) : same_by_id (ma->persona, mb->persona)) ||
          ma->has_emotion != mb->has_emotion || (ma->has_emotion && ma->emotion != mb->emotion) ||
          g_strcmp0 (ma->emotion_note, mb->emotion_note) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
waymark_diff_field_equal (gconstpointer       a,
                          gconstpointer       b,
                          WaymarkDiffField    field,
                          WaymarkDiffSameFunc same,
                          gpointer            user_data)
{
  char **ta;
  gpointer *ra;

  g_return_val_if_fail (waymark_item_get_item_type (a) == waymark_item_get_item_type (b), FALSE);

  if (field == WAYMARK_DIFF_FIELD_EXTENSIONS)
    return waymark_foreign_equal (WAYMARK_ITEM (a)->foreign, WAYMARK_ITEM (b)->foreign);
  if (field == WAYMARK_DIFF_FIELD_DISMISSED)
    return strvs_equal (WAYMARK_ITEM (a)->dismissed, WAYMARK_ITEM (b)->dismissed);
  if (field == WAYMARK_DIFF_FIELD_KPIS)
    return kpis_equal (a, b);
  if (field == WAYMARK_DIFF_FIELD_PERSONAS)
    return persona_marks_equal (a, b, same, user_data);

  /* @a and @b are of one type, so both have the slot or neither: the
   * checks on @b's only tell the compiler so (a release build's
   * -Wnull-dereference). */
  ta = text_slot (a, field);
  if (ta != NULL)
    {
      char **tb = text_slot (b, field);

      return tb != NULL && g_strcmp0 (*ta, *tb) == 0;
    }

  ra = ref_slot (a, field);
  if (ra != NULL)
    {
      gpointer *rb_slot = ref_slot (b, field);
      gpointer rb;

      if (rb_slot == NULL)
        return FALSE;
      rb = *rb_slot;
      if (same == NULL)
        return same_by_id (*ra, rb);
      if (*ra == NULL || rb == NULL)
        return *ra == rb;
      return same (*ra, rb, user_data);
    }

  return scalar_value (a, field) == scalar_value (b, field);
}

guint32
waymark_diff_field_compare (gconstpointer       a,
                            gconstpointer       b,
                            WaymarkDiffSameFunc same,
                            gpointer            user_data)
{
  guint32 mask = waymark_diff_field_mask (waymark_item_get_item_type (a));
  guint32 differ = 0;

  for (guint f = 0; f < WAYMARK_DIFF_N_FIELDS; f++)
    if ((mask & BIT (f)) && !waymark_diff_field_equal (a, b, f, same, user_data))
      differ |= BIT (f);
  return differ;
}

static gpointer
copy_kpi (gconstpointer src,
          gpointer      user_data)
{
  return waymark_kpi_copy (src);
}

/* A mark whose persona @map finds nothing for is left out. */
static void
copy_persona_marks (WaymarkTouchpoint       *dst,
                    const WaymarkTouchpoint *src,
                    WaymarkDiffMapFunc       map,
                    gpointer                 user_data)
{
  GPtrArray *marks = NULL;

  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (src); i++)
    {
      WaymarkPersonaMark *copy = waymark_persona_mark_copy (g_ptr_array_index (src->persona_marks, i));

      if (map != NULL)
        {
          WaymarkPersona *target = map (copy->persona, user_data);

          if (target == NULL)
            {
              waymark_persona_mark_free (copy);
              continue;
            }
          waymark_item_ref (target);
          waymark_item_unref (copy->persona);
          copy->persona = target;
        }
      if (marks == NULL)
        marks = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_persona_mark_free);
      g_ptr_array_add (marks, copy);
    }
  /* @dst may be @src: the new list is complete before the old goes. */
  if (dst->persona_marks != NULL)
    g_ptr_array_unref (dst->persona_marks);
  dst->persona_marks = marks;
}

void
waymark_diff_field_copy (gpointer           dst,
                         gconstpointer      src,
                         WaymarkDiffField   field,
                         WaymarkDiffMapFunc map,
                         gpointer           user_data)
{
  char **ts;
  gpointer *rs;

  g_return_if_fail (waymark_item_get_item_type (dst) == waymark_item_get_item_type (src));

  if (field == WAYMARK_DIFF_FIELD_EXTENSIONS)
    {
      waymark_foreign_free (WAYMARK_ITEM (dst)->foreign);
      WAYMARK_ITEM (dst)->foreign = waymark_foreign_copy (WAYMARK_ITEM (src)->foreign);
      return;
    }
  if (field == WAYMARK_DIFF_FIELD_DISMISSED)
    {
      char **copy = g_strdupv (WAYMARK_ITEM (src)->dismissed);

      g_strfreev (WAYMARK_ITEM (dst)->dismissed);
      WAYMARK_ITEM (dst)->dismissed = copy;
      return;
    }
  if (field == WAYMARK_DIFF_FIELD_KPIS)
    {
      WaymarkTouchpoint *d = dst;
      const WaymarkTouchpoint *s = src;

      g_clear_pointer (&d->kpis, g_ptr_array_unref);
      if (s->kpis != NULL && s->kpis->len > 0)
        {
          d->kpis = g_ptr_array_copy (s->kpis, copy_kpi, NULL);
          g_ptr_array_set_free_func (d->kpis, (GDestroyNotify) waymark_kpi_free);
        }
      return;
    }

  if (field == WAYMARK_DIFF_FIELD_PERSONAS)
    {
      copy_persona_marks (dst, src, map, user_data);
      return;
    }

  ts = text_slot (src, field);
  if (ts != NULL)
    {
      char **td = text_slot (dst, field);

      g_free (*td);
      *td = g_strdup (*ts);
      return;
    }

  rs = ref_slot (src, field);
  if (rs != NULL)
    {
      gpointer *rd = ref_slot (dst, field);
      gpointer target = *rs;

      if (target != NULL && map != NULL)
        target = map (target, user_data);
      if (target != NULL)
        waymark_item_ref (target);
      if (*rd != NULL)
        waymark_item_unref (*rd);
      *rd = target;
      return;
    }

  set_scalar (dst, field, scalar_value (src, field));
}

/* ---- As text ---- */

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

char *
waymark_diff_kpi_to_string (const WaymarkKpi *kpi,
                            gboolean          human)
{
  GString *out = g_string_new (NULL);

  if (human)
    {
      g_string_append (out, kpi->value);
      if (nonempty (kpi->unit))
        g_string_append_printf (out, " %s", kpi->unit);
      if (nonempty (kpi->target))
        /* TRANSLATORS: after a KPI's value: "0.031 ratio, target 0.05" */
        g_string_append_printf (out, _(", target %s"), kpi->target);
      if (kpi->direction == WAYMARK_KPI_DIRECTION_HIGHER)
        g_string_append (out, _(", higher is better"));
      else if (kpi->direction == WAYMARK_KPI_DIRECTION_LOWER)
        g_string_append (out, _(", lower is better"));
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, "value=%s", kpi->value);
  if (nonempty (kpi->unit))
    g_string_append_printf (out, " unit=%s", kpi->unit);
  if (nonempty (kpi->target))
    g_string_append_printf (out, " target=%s", kpi->target);
  if (kpi->direction != WAYMARK_KPI_DIRECTION_UNSET)
    g_string_append_printf (out, " better=%s", waymark_kpi_direction_to_nick (kpi->direction));
  return g_string_free (out, FALSE);
}

static char *
kpis_to_string (const WaymarkTouchpoint *tp,
                gboolean                 human)
{
  GString *out;

  if (waymark_touchpoint_get_n_kpis (tp) == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < tp->kpis->len; i++)
    {
      const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);
      g_autofree char *value = waymark_diff_kpi_to_string (kpi, human);

      if (i > 0)
        g_string_append_c (out, '\n');
      if (human)
        g_string_append_printf (out, "%s: %s", kpi->name, value);
      else
        g_string_append_printf (out, "name=%s %s", kpi->name, value);
    }
  return g_string_free (out, FALSE);
}

static char *
foreign_to_string (const WaymarkForeign *foreign,
                   gboolean              human)
{
  GString *out;

  if (foreign == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; foreign->attrs && i < foreign->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (a->owner[0] != '\0')
        g_string_append_printf (out, "%s/", a->owner);
      g_string_append_printf (out, "@%s=%s", a->qname, a->value);
    }
  for (guint i = 0; foreign->elements && i < foreign->elements->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (foreign->elements, i));
    }
  if (out->len == 0 && !human && foreign->ns_decls != NULL)
    g_string_append (out, "xmlns");
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

const char *
waymark_diff_item_type_label (WaymarkItemType type)
{
  switch (type)
    {
    case WAYMARK_ITEM_PERSONA: return C_("diff item", "persona");
    case WAYMARK_ITEM_PHASE: return C_("diff item", "phase");
    case WAYMARK_ITEM_LANE: return C_("diff item", "lane");
    case WAYMARK_ITEM_CHANNEL: return C_("diff item", "channel");
    case WAYMARK_ITEM_TOUCHPOINT: return C_("diff item", "touchpoint");
    case WAYMARK_ITEM_NOTE: return C_("diff item", "note");
    case WAYMARK_ITEM_LINK: return C_("diff item", "link");
    case WAYMARK_N_ITEM_TYPES:
    default:
      return C_("diff item", "journey");
    }
}

const char *
waymark_diff_item_type_title (WaymarkItemType type)
{
  switch (type)
    {
    case WAYMARK_ITEM_PERSONA: return C_("diff", "Persona");
    case WAYMARK_ITEM_PHASE: return C_("diff", "Phase");
    case WAYMARK_ITEM_LANE: return C_("diff", "Lane");
    case WAYMARK_ITEM_CHANNEL: return C_("diff", "Channel");
    case WAYMARK_ITEM_TOUCHPOINT: return C_("diff", "Touchpoint");
    case WAYMARK_ITEM_NOTE: return C_("diff", "Note");
    case WAYMARK_ITEM_LINK: return C_("diff", "Link");
    case WAYMARK_N_ITEM_TYPES:
    default:
      return C_("diff", "Journey");
    }
}

char *
waymark_diff_item_label (gconstpointer item)
{
  const char *text = NULL;

  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_PERSONA: text = ((const WaymarkPersona *) item)->name; break;
    case WAYMARK_ITEM_PHASE: text = ((const WaymarkPhase *) item)->name; break;
    case WAYMARK_ITEM_LANE: text = ((const WaymarkLane *) item)->name; break;
    case WAYMARK_ITEM_CHANNEL: text = ((const WaymarkChannel *) item)->name; break;
    case WAYMARK_ITEM_TOUCHPOINT: text = ((const WaymarkTouchpoint *) item)->title; break;
    case WAYMARK_ITEM_NOTE: text = ((const WaymarkNote *) item)->text; break;
    case WAYMARK_ITEM_LINK:
      {
        const WaymarkLink *link = item;
        g_autofree char *from = waymark_diff_item_label (link->from);
        g_autofree char *to = waymark_diff_item_label (link->to);

        return g_strdup_printf ("%s → %s", from, to);
      }
    case WAYMARK_N_ITEM_TYPES:
    default:
      break;
    }
  if (nonempty (text))
    {
      /* One line is enough to know a card by. */
      const char *nl = strchr (text, '\n');

      if (nl != NULL)
        return g_strdup_printf ("%.*s…", (int) (nl - text), text);
      return g_strdup (text);
    }
  /* TRANSLATORS: the name of an item that has no title or name */
  return g_strdup (C_("diff", "(untitled)"));
}

static char *
scalar_to_string (gconstpointer    item,
                  WaymarkDiffField field,
                  gboolean         human)
{
  int value = scalar_value (item, field);

  switch (field)
    {
    case WAYMARK_DIFF_FIELD_KIND:
      {
        static const char *const kinds[] = {
          NC_("diff value", "touchpoints"), NC_("diff value", "emotion curve"),
          NC_("diff value", "notes"), NC_("diff value", "KPIs"),
        };
        return g_strdup (human ? g_dpgettext2 (GETTEXT_PACKAGE, "diff value", kinds[value]) : waymark_lane_kind_to_nick (value));
      }
    case WAYMARK_DIFF_FIELD_CATEGORY:
      {
        static const char *const categories[] = {
          NC_("diff value", "digital"), NC_("diff value", "physical"), NC_("diff value", "personal"),
        };
        return g_strdup (human ? g_dpgettext2 (GETTEXT_PACKAGE, "diff value", categories[value]) : waymark_category_to_nick (value));
      }
    case WAYMARK_DIFF_FIELD_INITIATOR:
      {
        static const char *const initiators[] = { NULL, NC_("diff value", "brand"), NC_("diff value", "customer") };
        if (value == WAYMARK_INITIATOR_UNSET)
          return NULL;
        return g_strdup (human ? g_dpgettext2 (GETTEXT_PACKAGE, "diff value", initiators[value]) : waymark_initiator_to_nick (value));
      }
    case WAYMARK_DIFF_FIELD_EMOTION:
      if (value == G_MININT)
        return NULL;
      /* People read a typographic minus; files hold the ASCII one. */
      if (human && value < 0)
        return g_strdup_printf ("−%d", -value);
      if (human && value > 0)
        return g_strdup_printf ("+%d", value);
      return g_strdup_printf ("%d", value);
    case WAYMARK_DIFF_FIELD_STRENGTH:
      {
        static const char *const strengths[] = { NULL, NC_("diff value", "strength"), NC_("diff value", "weakness") };
        if (value == WAYMARK_STRENGTH_UNSET)
          return NULL;
        return g_strdup (human ? g_dpgettext2 (GETTEXT_PACKAGE, "diff value", strengths[value]) : waymark_strength_to_nick (value));
      }
    case WAYMARK_DIFF_FIELD_PRIORITY:
      {
        static const char *const priorities[] = {
          NULL, NC_("diff value", "low"), NC_("diff value", "medium"), NC_("diff value", "high"),
        };
        if (value == WAYMARK_PRIORITY_UNSET)
          return NULL;
        return g_strdup (human ? g_dpgettext2 (GETTEXT_PACKAGE, "diff value", priorities[value]) : waymark_priority_to_nick (value));
      }
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
      if (human)
        return g_strdup (value ? C_("diff value", "yes") : C_("diff value", "no"));
      return g_strdup (value ? "true" : "false");
    case WAYMARK_DIFF_FIELD_VOTES:
      /* No votes is a count like any other: "2 → 0", and a merge
       * conflict's side "0". */
      return g_strdup_printf ("%d", value);
    case WAYMARK_DIFF_FIELD_TITLE:
    case WAYMARK_DIFF_FIELD_SUBJECT:
    case WAYMARK_DIFF_FIELD_GOAL:
    case WAYMARK_DIFF_FIELD_STATE:
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_ICON:
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_PERSONAS:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
    case WAYMARK_DIFF_FIELD_DISMISSED:
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

char *
waymark_diff_field_to_string (gconstpointer    item,
                              WaymarkDiffField field,
                              gboolean         human)
{
  char **text;
  gpointer *ref;

  g_return_val_if_fail (item != NULL, NULL);

  if (field == WAYMARK_DIFF_FIELD_EXTENSIONS)
    return foreign_to_string (WAYMARK_ITEM (item)->foreign, human);
  if (field == WAYMARK_DIFF_FIELD_DISMISSED)
    {
      char **dismissed = WAYMARK_ITEM (item)->dismissed;

      if (dismissed == NULL || dismissed[0] == NULL)
        return NULL;
      return g_strjoinv (human ? ", " : " ", dismissed);
    }
  if (field == WAYMARK_DIFF_FIELD_KPIS)
    return kpis_to_string (item, human);
  if (field == WAYMARK_DIFF_FIELD_PERSONAS)
    return waymark_persona_text_from_marks (item, human);

  text = text_slot (item, field);
  if (text != NULL)
    return g_strdup (nonempty (*text));

  ref = ref_slot (item, field);
  if (ref != NULL)
    {
      if (*ref == NULL)
        return NULL;
      return human ? waymark_diff_item_label (*ref) : g_strdup (waymark_item_get_id (*ref));
    }

  return scalar_to_string (item, field, human);
}

char *
waymark_diff_field_journey_string (WaymarkJourney   *journey,
                                   WaymarkDiffField  field,
                                   gboolean          human)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  switch (field)
    {
    case WAYMARK_DIFF_FIELD_TITLE:
      return g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE));
    case WAYMARK_DIFF_FIELD_SUBJECT:
      return g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_SUBJECT));
    case WAYMARK_DIFF_FIELD_GOAL:
      return g_strdup (waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL));
    case WAYMARK_DIFF_FIELD_STATE:
      if (human)
        return g_strdup (waymark_journey_get_state (journey) == WAYMARK_STATE_AS_IS ? C_("diff value", "as-is")
                                                                                 : C_("diff value", "intended"));
      return g_strdup (waymark_state_to_nick (waymark_journey_get_state (journey)));
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
      return foreign_to_string (waymark_journey_get_foreign (journey), human);
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_KIND:
    case WAYMARK_DIFF_FIELD_CATEGORY:
    case WAYMARK_DIFF_FIELD_ICON:
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_INITIATOR:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_PERSONAS:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_STRENGTH:
    case WAYMARK_DIFF_FIELD_PRIORITY:
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_FIELD_VOTES:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
invalid (GError           **error,
         WaymarkDiffField   field,
         const char        *text)
{
  g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
               /* TRANSLATORS: "“x” is not a value of emotion" */
               _("“%s” is not a value of %s"), text ? text : "", waymark_diff_field_to_nick (field));
  return FALSE;
}

/* Parses a keyword with @from_nick into *@out; NULL (empty) is @unset
 * when @unset >= 0 and invalid otherwise. */
#define PARSE_NICK(from_nick, Type, unset)                                     \
  G_STMT_START {                                                               \
    Type v;                                                                    \
    if (text == NULL && (unset) >= 0)                                          \
      v = (Type) (unset);                                                      \
    else if (!from_nick (text, &v))                                            \
      return invalid (error, field, text);                                     \
    set_scalar (item, field, (int) v);                                         \
  } G_STMT_END

static gboolean
set_reference (gpointer           item,
               WaymarkDiffField   field,
               const char        *text,
               WaymarkJourney    *journey,
               GError           **error)
{
  static const struct {
    WaymarkDiffField field;
    WaymarkItemType type;
    gboolean nullable;
  } kinds[] = {
    { WAYMARK_DIFF_FIELD_PHASE, WAYMARK_ITEM_PHASE, FALSE },
    { WAYMARK_DIFF_FIELD_LANE, WAYMARK_ITEM_LANE, FALSE },
    { WAYMARK_DIFF_FIELD_CHANNEL, WAYMARK_ITEM_CHANNEL, TRUE },
    { WAYMARK_DIFF_FIELD_FROM, WAYMARK_ITEM_TOUCHPOINT, FALSE },
    { WAYMARK_DIFF_FIELD_TO, WAYMARK_ITEM_TOUCHPOINT, FALSE },
  };
  gpointer *slot = ref_slot (item, field);
  gpointer target = text ? waymark_journey_lookup (journey, text) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i].field != field)
        continue;
      if (text == NULL && kinds[i].nullable)
        break;
      if (target == NULL || waymark_item_get_item_type (target) != kinds[i].type)
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_REFERENCE,
                       /* TRANSLATORS: "“phase-1” names no phase of this map" */
                       _("“%s” names no %s of this map"), text ? text : "",
                       waymark_item_type_element (kinds[i].type));
          return FALSE;
        }
      if (field == WAYMARK_DIFF_FIELD_LANE)
        {
          WaymarkLaneKind needs = waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE ? WAYMARK_LANE_NOTES
                                                                                         : WAYMARK_LANE_TOUCHPOINTS;

          if (((WaymarkLane *) target)->kind != needs)
            {
              g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
                           _("lane '%s' holds no %s"), text,
                           waymark_item_type_element (waymark_item_get_item_type (item)));
              return FALSE;
            }
        }
      break;
    }
  if (target != NULL)
    waymark_item_ref (target);
  if (*slot != NULL)
    waymark_item_unref (*slot);
  *slot = target;
  return TRUE;
}

gboolean
waymark_diff_field_from_string (gpointer           item,
                                WaymarkDiffField   field,
                                const char        *text,
                                WaymarkJourney    *journey,
                                GError           **error)
{
  char **slot;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail ((waymark_diff_field_mask (waymark_item_get_item_type (item)) & BIT (field)) != 0, FALSE);

  if (text != NULL && text[0] == '\0')
    text = NULL;

  switch (field)
    {
    case WAYMARK_DIFF_FIELD_KPIS:
    case WAYMARK_DIFF_FIELD_EXTENSIONS:
      return invalid (error, field, text);
    case WAYMARK_DIFF_FIELD_PERSONAS:
      return waymark_persona_text_to_marks (item, text, journey, error);
    case WAYMARK_DIFF_FIELD_DISMISSED:
      {
        g_auto(GStrv) ids = text ? g_strsplit (text, " ", -1) : NULL;

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          if (!waymark_channel_icon_is_valid (ids[i]))
            return invalid (error, field, text);
        g_strfreev (WAYMARK_ITEM (item)->dismissed);
        WAYMARK_ITEM (item)->dismissed = g_steal_pointer (&ids);
        return TRUE;
      }
    case WAYMARK_DIFF_FIELD_PHASE:
    case WAYMARK_DIFF_FIELD_LANE:
    case WAYMARK_DIFF_FIELD_CHANNEL:
    case WAYMARK_DIFF_FIELD_FROM:
    case WAYMARK_DIFF_FIELD_TO:
      return set_reference (item, field, text, journey, error);
    case WAYMARK_DIFF_FIELD_KIND:
      PARSE_NICK (waymark_lane_kind_from_nick, WaymarkLaneKind, -1);
      return TRUE;
    case WAYMARK_DIFF_FIELD_CATEGORY:
      PARSE_NICK (waymark_category_from_nick, WaymarkCategory, -1);
      return TRUE;
    case WAYMARK_DIFF_FIELD_INITIATOR:
      PARSE_NICK (waymark_initiator_from_nick, WaymarkInitiator, WAYMARK_INITIATOR_UNSET);
      return TRUE;
    case WAYMARK_DIFF_FIELD_STRENGTH:
      PARSE_NICK (waymark_strength_from_nick, WaymarkStrength, WAYMARK_STRENGTH_UNSET);
      return TRUE;
    case WAYMARK_DIFF_FIELD_PRIORITY:
      PARSE_NICK (waymark_priority_from_nick, WaymarkPriority, WAYMARK_PRIORITY_UNSET);
      return TRUE;
    case WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH:
      if (g_strcmp0 (text, "true") != 0 && g_strcmp0 (text, "false") != 0)
        return invalid (error, field, text);
      set_scalar (item, field, text[0] == 't');
      return TRUE;
    case WAYMARK_DIFF_FIELD_VOTES:
      {
        guint votes;

        if (text == NULL)
          votes = 0;
        else if (!waymark_votes_parse (text, &votes))
          return invalid (error, field, text);
        set_scalar (item, field, (int) votes);
        return TRUE;
      }
    case WAYMARK_DIFF_FIELD_EMOTION:
      {
        gint64 score;

        if (text == NULL)
          {
            set_scalar (item, field, G_MININT);
            return TRUE;
          }
        if (!g_ascii_string_to_signed (text, 10, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX, &score, NULL))
          return invalid (error, field, text);
        set_scalar (item, field, (int) score);
        return TRUE;
      }
    case WAYMARK_DIFF_FIELD_ICON:
      if (text != NULL && !waymark_channel_icon_is_valid (text))
        return invalid (error, field, text);
      break;
    case WAYMARK_DIFF_FIELD_TITLE:
    case WAYMARK_DIFF_FIELD_SUBJECT:
    case WAYMARK_DIFF_FIELD_GOAL:
    case WAYMARK_DIFF_FIELD_STATE:
    case WAYMARK_DIFF_FIELD_NAME:
    case WAYMARK_DIFF_FIELD_DESCRIPTION:
    case WAYMARK_DIFF_FIELD_QUOTE:
    case WAYMARK_DIFF_FIELD_IDEA:
    case WAYMARK_DIFF_FIELD_EMOTION_NOTE:
    case WAYMARK_DIFF_FIELD_OWNER:
    case WAYMARK_DIFF_FIELD_TEXT:
    case WAYMARK_DIFF_N_FIELDS:
    default:
      break;
    }

  slot = text_slot (item, field);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_free (*slot);
  *slot = g_strdup (text);
  return TRUE;
}
