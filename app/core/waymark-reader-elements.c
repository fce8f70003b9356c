/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-diff-field.h"
#include "waymark-id.h"
#include "waymark-migrate.h"
#include "waymark-reader-private.h"
#include "waymark-text-limit.h"
#include "waymark-votes.h"

/* What docs/FORMAT.md allows, element by element, and how each one goes
 * into the model.  The phases, lanes and channels come before the cards
 * and the touchpoints before the links, so every reference can be
 * resolved the moment it is read. */

typedef struct {
  ReaderElement element;
  guint rank;          /* children must come in rising rank */
  gboolean repeat;     /* may appear more than once */
  int since;           /* the first format that has it (0: format 1) */
} ReaderChild;

typedef struct {
  const char *name;
  ReaderContent content;
  const char *const *attrs;   /* known attributes, NULL-terminated */
  guint required_attrs;       /* 1 << index into @attrs */
  const ReaderChild *children;
  guint n_children;
  guint32 required_children;  /* 1 << ReaderElement */
} ReaderElementSpec;

/* After any foreign element, only foreign elements may follow. */
/* Every item's <dismissed> elements come after its own children. */
#define RANK_DISMISSED 100
#define RANK_FOREIGN G_MAXUINT

#define BIT(e) (1u << (e))
#define CHILDREN(a) (a), G_N_ELEMENTS (a)

static const ReaderChild journey_children[] = {
  { ELEMENT_TITLE, 1, FALSE },
  { ELEMENT_SUBJECT, 2, FALSE },
  { ELEMENT_GOAL, 3, FALSE },
  { ELEMENT_STATE, 4, FALSE },
  { ELEMENT_PERSONA, 5, TRUE },
  { ELEMENT_PHASE, 6, TRUE },
  { ELEMENT_LANE, 7, TRUE },
  { ELEMENT_CHANNEL, 8, TRUE },
  { ELEMENT_TOUCHPOINT, 9, TRUE },
  { ELEMENT_NOTE, 10, TRUE },
  { ELEMENT_LINK, 11, TRUE },
  { ELEMENT_CONFLICT, 12, TRUE, 2 },
};

#define DISMISSED_CHILD { ELEMENT_DISMISSED, RANK_DISMISSED, TRUE, 2 }

static const ReaderChild persona_children[] = {
  { ELEMENT_NAME, 1, FALSE },
  { ELEMENT_DESCRIPTION, 2, FALSE },
  DISMISSED_CHILD,
};

static const ReaderChild name_children[] = {
  { ELEMENT_NAME, 1, FALSE },
  DISMISSED_CHILD,
};

static const ReaderChild touchpoint_children[] = {
  { ELEMENT_TITLE, 1, FALSE },
  { ELEMENT_DESCRIPTION, 2, FALSE },
  { ELEMENT_QUOTE, 3, FALSE },
  { ELEMENT_IDEA, 4, FALSE },
  { ELEMENT_EMOTION, 5, FALSE },
  { ELEMENT_APPLIES_TO, 6, TRUE, 2 },
  { ELEMENT_OWNER, 7, FALSE },
  { ELEMENT_ASSESSMENT, 8, FALSE },
  { ELEMENT_KPI, 9, TRUE },
  DISMISSED_CHILD,
};

static const ReaderChild note_children[] = {
  { ELEMENT_TEXT, 1, FALSE },
  DISMISSED_CHILD,
};

static const ReaderChild link_children[] = {
  DISMISSED_CHILD,
};

static const ReaderChild conflict_children[] = {
  { ELEMENT_BASE, 1, FALSE },
  { ELEMENT_OURS, 2, FALSE },
  { ELEMENT_THEIRS, 3, FALSE },
};

/* A value of a conflict about KPIs holds them. */
static const ReaderChild value_children[] = {
  { ELEMENT_KPI, 1, TRUE },
};

static const char *const no_attrs[] = { NULL };
static const char *const journey_attrs[] = { "format", "id", NULL };
static const char *const id_attrs[] = { "id", NULL };
static const char *const lane_attrs[] = { "id", "kind", NULL };
static const char *const channel_attrs[] = { "id", "category", "icon", NULL };
static const char *const touchpoint_attrs[] = { "id", "phase", "lane", "channel", "initiator", "votes", NULL };
static const char *const note_attrs[] = { "id", "phase", "lane", "votes", NULL };
static const char *const link_attrs[] = { "id", "from", "to", NULL };
static const char *const emotion_attrs[] = { "score", NULL };
static const char *const applies_to_attrs[] = { "persona", "score", NULL };
static const char *const assessment_attrs[] = { "strength", "priority", "moment-of-truth", NULL };
static const char *const kpi_attrs[] = { "name", "value", "unit", "target", "better", NULL };
static const char *const dismissed_attrs[] = { "finding", NULL };
static const char *const conflict_attrs[] = { "kind", "item", "field", "deleted-by", NULL };
static const char *const value_attrs[] = { "after", NULL };

#define TEXT_ELEMENT(n) { n, CONTENT_TEXT, no_attrs, 0, NULL, 0, 0 }

static const ReaderElementSpec specs[N_ELEMENTS] = {
  [ELEMENT_JOURNEY] = { "journey", CONTENT_ELEMENTS, journey_attrs, 0x3, CHILDREN (journey_children), 0 },
  [ELEMENT_TITLE] = TEXT_ELEMENT ("title"),
  [ELEMENT_SUBJECT] = TEXT_ELEMENT ("subject"),
  [ELEMENT_GOAL] = TEXT_ELEMENT ("goal"),
  [ELEMENT_STATE] = TEXT_ELEMENT ("state"),
  [ELEMENT_PERSONA] = { "persona", CONTENT_ELEMENTS, id_attrs, 0x1, CHILDREN (persona_children), BIT (ELEMENT_NAME) },
  [ELEMENT_PHASE] = { "phase", CONTENT_ELEMENTS, id_attrs, 0x1, CHILDREN (name_children), BIT (ELEMENT_NAME) },
  [ELEMENT_LANE] = { "lane", CONTENT_ELEMENTS, lane_attrs, 0x3, CHILDREN (name_children), BIT (ELEMENT_NAME) },
  [ELEMENT_CHANNEL] = { "channel", CONTENT_ELEMENTS, channel_attrs, 0x3, CHILDREN (name_children), BIT (ELEMENT_NAME) },
  [ELEMENT_TOUCHPOINT] = { "touchpoint", CONTENT_ELEMENTS, touchpoint_attrs, 0x7, CHILDREN (touchpoint_children), BIT (ELEMENT_TITLE) },
  [ELEMENT_NOTE] = { "note", CONTENT_ELEMENTS, note_attrs, 0x7, CHILDREN (note_children), BIT (ELEMENT_TEXT) },
  [ELEMENT_LINK] = { "link", CONTENT_ELEMENTS, link_attrs, 0x7, CHILDREN (link_children), 0 },
  [ELEMENT_NAME] = TEXT_ELEMENT ("name"),
  [ELEMENT_DESCRIPTION] = TEXT_ELEMENT ("description"),
  [ELEMENT_QUOTE] = TEXT_ELEMENT ("quote"),
  [ELEMENT_IDEA] = TEXT_ELEMENT ("idea"),
  [ELEMENT_EMOTION] = { "emotion", CONTENT_TEXT, emotion_attrs, 0x1, NULL, 0, 0 },
  [ELEMENT_OWNER] = TEXT_ELEMENT ("owner"),
  [ELEMENT_ASSESSMENT] = { "assessment", CONTENT_EMPTY, assessment_attrs, 0, NULL, 0, 0 },
  [ELEMENT_KPI] = { "kpi", CONTENT_EMPTY, kpi_attrs, 0x3, NULL, 0, 0 },
  [ELEMENT_TEXT] = TEXT_ELEMENT ("text"),
  [ELEMENT_DISMISSED] = { "dismissed", CONTENT_EMPTY, dismissed_attrs, 0x1, NULL, 0, 0 },
  [ELEMENT_CONFLICT] = { "conflict", CONTENT_ELEMENTS, conflict_attrs, 0, CHILDREN (conflict_children), 0 },
  /* Text, or KPIs for a conflict about KPIs (start_value() decides). */
  [ELEMENT_BASE] = { "base", CONTENT_TEXT, value_attrs, 0, CHILDREN (value_children), 0 },
  [ELEMENT_OURS] = { "ours", CONTENT_TEXT, value_attrs, 0, CHILDREN (value_children), 0 },
  [ELEMENT_THEIRS] = { "theirs", CONTENT_TEXT, value_attrs, 0, CHILDREN (value_children), 0 },
  /* Its text is the persona's emotion note. */
  [ELEMENT_APPLIES_TO] = { "applies-to", CONTENT_TEXT, applies_to_attrs, 0x1, NULL, 0, 0 },
};

G_STATIC_ASSERT (N_ELEMENTS <= 32);   /* ReaderFrame.seen is a bit set */

const char *
_waymark_reader_element_name (ReaderElement element)
{
  g_assert (element < N_ELEMENTS);
  return specs[element].name;
}

ReaderContent
_waymark_reader_element_content (ReaderElement element)
{
  g_assert (element < N_ELEMENTS);
  return specs[element].content;
}

gsize
_waymark_reader_element_text_limit (ReaderElement element)
{
  switch (element)
    {
    case ELEMENT_DESCRIPTION:
    case ELEMENT_QUOTE:
    case ELEMENT_IDEA:
    case ELEMENT_TEXT:
    /* A conflict's value is the value of one of the fields above or
     * below: the larger limit. */
    case ELEMENT_BASE:
    case ELEMENT_OURS:
    case ELEMENT_THEIRS:
      return WAYMARK_TEXT_LIMIT_PAGES;
    case ELEMENT_JOURNEY:
    case ELEMENT_TITLE:
    case ELEMENT_SUBJECT:
    case ELEMENT_GOAL:
    case ELEMENT_STATE:
    case ELEMENT_PERSONA:
    case ELEMENT_PHASE:
    case ELEMENT_LANE:
    case ELEMENT_CHANNEL:
    case ELEMENT_TOUCHPOINT:
    case ELEMENT_NOTE:
    case ELEMENT_LINK:
    case ELEMENT_NAME:
    case ELEMENT_EMOTION:
    case ELEMENT_APPLIES_TO:
    case ELEMENT_OWNER:
    case ELEMENT_ASSESSMENT:
    case ELEMENT_KPI:
    case ELEMENT_DISMISSED:
    case ELEMENT_CONFLICT:
    case N_ELEMENTS:
    default:
      return WAYMARK_TEXT_LIMIT_LINE;
    }
}

gboolean
_waymark_reader_element_is_item (ReaderElement element)
{
  return element >= ELEMENT_PERSONA && element <= ELEMENT_LINK;
}

const char *const *
_waymark_reader_element_attrs (ReaderElement  element,
                               guint         *required)
{
  g_assert (element < N_ELEMENTS);
  *required = specs[element].required_attrs;
  return specs[element].attrs;
}

/* ------------------------------------------------------------------ */
/* Structure: which child, in which order                              */

static gboolean
is_known_name (const char *localname)
{
  for (guint e = 0; e < N_ELEMENTS; e++)
    if (strcmp (specs[e].name, localname) == 0)
      return TRUE;
  return FALSE;
}

gboolean
_waymark_reader_enter_child (Reader        *r,
                             ReaderFrame   *parent,
                             const char    *localname,
                             ReaderElement *child)
{
  const ReaderElementSpec *spec = &specs[parent->element];
  const char *parent_name = spec->name;
  const ReaderChild *c = NULL;

  /* Interned names first (see is_ours_in()), then strcmp() for certain. */
  for (guint i = 0; i < spec->n_children && c == NULL; i++)
    if ((const xmlChar *) localname == r->interned_names[spec->children[i].element])
      c = &spec->children[i];
  for (guint i = 0; i < spec->n_children && c == NULL; i++)
    if (strcmp (specs[spec->children[i].element].name, localname) == 0)
      c = &spec->children[i];

  if (c == NULL)
    {
      g_autofree char *shown = NULL;

      /* A newer format may have added it; the file opens read-only. */
      if (r->newer)
        {
          *child = N_ELEMENTS;
          return TRUE;
        }
      shown = _waymark_reader_quote (localname);
      if (is_known_name (localname))
        _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("<%s> is not allowed in <%s>"), shown, parent_name);
      else
        _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                     _("unknown element <%s> in <%s>"), shown, parent_name);
      return FALSE;
    }

  if (parent->rank == RANK_FOREIGN)
    {
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> must come before the elements of other namespaces in <%s>"),
                   localname, parent_name);
      return FALSE;
    }
  if (c->rank < parent->rank)
    {
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> must come before <%s> in <%s>"),
                   localname, specs[parent->last_child].name, parent_name);
      return FALSE;
    }
  if (c->rank == parent->rank && !c->repeat)
    {
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> appears twice in <%s>"), localname, parent_name);
      return FALSE;
    }
  if (c->since > r->format && !r->newer)
    {
      _waymark_reader_fail (r, _waymark_reader_line (r), WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> is new in format %d, but this file says format %d"),
                   localname, c->since, r->format);
      return FALSE;
    }

  parent->rank = c->rank;
  parent->last_child = c->element;
  parent->seen |= BIT (c->element);
  *child = c->element;
  return TRUE;
}

void
_waymark_reader_enter_foreign (Reader      *r,
                               ReaderFrame *parent)
{
  parent->rank = RANK_FOREIGN;
  parent->last_child = ELEMENT_FOREIGN;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */

static void
bad_value (Reader      *r,
           ReaderFrame *frame,
           const char  *attribute,
           const char  *expected,
           const char  *value)
{
  g_autofree char *shown = _waymark_reader_quote (value);

  _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
               /* Translators: "<lane> kind must be touchpoints, emotion, notes or kpis, not “x”" */
               _("<%s> %s must be %s, not “%s”"),
               specs[frame->element].name, attribute, expected, shown);
}

static gboolean
parse_integer (const char *text,
               gboolean    allow_sign,
               gint64     *out)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (allow_sign && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    value = MIN (value * 10 + (*p - '0'), (gint64) G_MAXINT);   /* saturates */
  if (*p != '\0')
    return FALSE;
  *out = negative ? -value : value;
  return TRUE;
}

gboolean
_waymark_reader_read_format (Reader     *r,
                             const char *value,
                             int         line)
{
  g_autofree char *shown = NULL;
  gint64 format;

  if (value == NULL)
    {
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_FORMAT,
                   _("<journey> has no format attribute"));
      return FALSE;
    }
  shown = _waymark_reader_quote (value);
  if (!parse_integer (value, FALSE, &format))
    {
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_FORMAT,
                   _("the format must be a whole number, not “%s”"), shown);
      return FALSE;
    }
  if (format > WAYMARK_FORMAT_VERSION)
    {
      r->format = (int) format;
      r->newer = TRUE;
      return TRUE;
    }
  if (!waymark_migrate_can_read ((int) format))
    {
      _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_FORMAT,
                   _("format %s is not a Waymark format"), shown);
      return FALSE;
    }
  r->format = (int) format;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Ids and references                                                  */

static int
line_of_item (Reader   *r,
              gpointer  item)
{
  WaymarkItemType type = waymark_item_get_item_type (item);
  int index = waymark_journey_index_of (r->journey, item);

  if (index < 0 || (guint) index >= r->lines[type]->len)
    return 0;
  return g_array_index (r->lines[type], int, index);
}

static void
duplicate_id (Reader      *r,
              ReaderFrame *frame,
              const char  *id)
{
  gpointer existing = waymark_journey_lookup (r->journey, id);
  int line = r->journey_line;

  if (existing != NULL)
    line = line_of_item (r, existing);
  _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_DUPLICATE_ID,
               _("id '%s' is already used on line %d"), id, line);
}

/* Whether @id may name a new item. */
static gboolean
check_new_id (Reader      *r,
              ReaderFrame *frame,
              const char  *id)
{
  if (!waymark_id_is_valid (id))
    {
      g_autofree char *shown = _waymark_reader_quote (id);

      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> has the id “%s”; an id starts with a letter or _, has only letters, digits, _ . - and at most %d characters"),
                   specs[frame->element].name, shown, WAYMARK_ID_MAX_LENGTH);
      return FALSE;
    }

  /* Checked before the item is built, and only here: add_item() relies
   * on it.  The journey's own id is not in the index. */
  if (waymark_journey_lookup (r->journey, id) != NULL ||
      (frame->element != ELEMENT_JOURNEY &&
       strcmp (id, waymark_journey_get_id (r->journey)) == 0))
    {
      duplicate_id (r, frame, id);
      return FALSE;
    }
  return TRUE;
}

/* The item of @type that @attribute of the item with @id names. */
static gpointer
resolve (Reader          *r,
         ReaderFrame     *frame,
         const char      *id,
         const char      *attribute,
         const char      *target,
         WaymarkItemType  type)
{
  const char *element = specs[frame->element].name;
  gpointer item = r->resolved[type];

  /* The cards of a cell come together and links follow the flow, so the
   * item named last is often named again: a string comparison instead
   * of hashing the id. */
  if (item == NULL || strcmp (WAYMARK_ITEM (item)->id, target) != 0)
    item = waymark_journey_lookup (r->journey, target);

  /* Every id in the journey is valid, so only a miss needs the check. */
  if (item == NULL && !waymark_id_is_valid (target))
    {
      g_autofree char *shown = _waymark_reader_quote (target);

      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("%s '%s': %s “%s” is not a valid id"), element, id, attribute, shown);
      return NULL;
    }
  if (item == NULL)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_REFERENCE,
                   _("%s '%s' refers to %s '%s', which does not exist"),
                   element, id, waymark_item_type_element (type), target);
      return NULL;
    }
  if (waymark_item_get_item_type (item) != type)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_REFERENCE,
                   _("%s '%s': its %s '%s' is a %s, not a %s"),
                   element, id, attribute, target,
                   waymark_item_type_element (waymark_item_get_item_type (item)),
                   waymark_item_type_element (type));
      return NULL;
    }
  r->resolved[type] = item;
  return item;
}

/* Cards sit only in lanes that hold their kind of card. */
static gboolean
check_lane_kind (Reader          *r,
                 ReaderFrame     *frame,
                 const char      *id,
                 WaymarkLane     *lane,
                 WaymarkLaneKind  kind)
{
  const char *element = specs[frame->element].name;

  if (lane->kind == kind)
    return TRUE;
  _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
               _("%s '%s' is in lane '%s', a lane of kind %s; a %s belongs in a lane of kind %s"),
               element, id, lane->item.id, waymark_lane_kind_to_nick (lane->kind),
               element, waymark_lane_kind_to_nick (kind));
  return FALSE;
}

/* Hands a new item to the journey and makes it the one being read. */
static gboolean
add_item (Reader      *r,
          ReaderFrame *frame,
          gpointer     item)
{
  WaymarkItem *it = item;

  /* check_new_id() has ruled out a taken id. */
  _waymark_journey_append_new (r->journey, item);
  g_array_append_val (r->lines[it->type], frame->line);
  r->item = item;
  waymark_item_unref (item);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Start tags                                                          */

static gboolean
start_journey (Reader            *r,
               ReaderFrame       *frame,
               const char *const *v)
{
  if (!check_new_id (r, frame, v[1]))
    return FALSE;
  waymark_journey_set_id (r->journey, v[1]);
  r->journey_line = frame->line;
  return TRUE;
}

static gboolean
start_persona_or_phase (Reader            *r,
                        ReaderFrame       *frame,
                        const char *const *v)
{
  if (!check_new_id (r, frame, v[0]))
    return FALSE;
  if (frame->element == ELEMENT_PERSONA)
    return add_item (r, frame, waymark_persona_new (v[0], NULL));
  return add_item (r, frame, waymark_phase_new (v[0], NULL));
}

static gboolean
start_lane (Reader            *r,
            ReaderFrame       *frame,
            const char *const *v)
{
  WaymarkLaneKind kind;

  if (!check_new_id (r, frame, v[0]))
    return FALSE;
  if (!waymark_lane_kind_from_nick (v[1], &kind))
    {
      bad_value (r, frame, "kind", _("touchpoints, emotion, notes or kpis"), v[1]);
      return FALSE;
    }
  return add_item (r, frame, waymark_lane_new (v[0], kind, NULL));
}

static gboolean
start_channel (Reader            *r,
               ReaderFrame       *frame,
               const char *const *v)
{
  WaymarkCategory category;

  if (!check_new_id (r, frame, v[0]))
    return FALSE;
  if (!waymark_category_from_nick (v[1], &category))
    {
      bad_value (r, frame, "category", _("digital, physical or personal"), v[1]);
      return FALSE;
    }
  if (v[2] != NULL && !waymark_channel_icon_is_valid (v[2]))
    {
      bad_value (r, frame, "icon", _("an icon key such as social-media (lowercase letters, digits, single hyphens)"), v[2]);
      return FALSE;
    }
  return add_item (r, frame, waymark_channel_new (v[0], category, v[2], NULL));
}

/* A card's votes="N" (format 2); @value NULL is none. */
static gboolean
read_votes (Reader      *r,
            ReaderFrame *frame,
            const char  *value,
            guint       *votes)
{
  *votes = 0;
  if (value == NULL)
    return TRUE;
  if (r->format < 2 && !r->newer)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("the attribute “%s” of <%s> is new in format %d, but this file says format %d"),
                   "votes", specs[frame->element].name, 2, r->format);
      return FALSE;
    }
  if (!waymark_votes_parse (value, votes))
    {
      g_autofree char *expected = g_strdup_printf (_("a whole number from 0 to %d"), WAYMARK_VOTES_MAX);

      bad_value (r, frame, "votes", expected, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_touchpoint (Reader            *r,
                  ReaderFrame       *frame,
                  const char *const *v)
{
  WaymarkInitiator initiator = WAYMARK_INITIATOR_UNSET;
  WaymarkChannel *channel = NULL;
  WaymarkTouchpoint *tp;
  WaymarkPhase *phase;
  WaymarkLane *lane;
  guint votes;

  if (!check_new_id (r, frame, v[0]) ||
      !(phase = resolve (r, frame, v[0], "phase", v[1], WAYMARK_ITEM_PHASE)) ||
      !(lane = resolve (r, frame, v[0], "lane", v[2], WAYMARK_ITEM_LANE)) ||
      !check_lane_kind (r, frame, v[0], lane, WAYMARK_LANE_TOUCHPOINTS))
    return FALSE;
  if (v[3] != NULL && !(channel = resolve (r, frame, v[0], "channel", v[3], WAYMARK_ITEM_CHANNEL)))
    return FALSE;
  if (v[4] != NULL && !waymark_initiator_from_nick (v[4], &initiator))
    {
      bad_value (r, frame, "initiator", _("brand or customer"), v[4]);
      return FALSE;
    }
  if (!read_votes (r, frame, v[5], &votes))
    return FALSE;

  tp = waymark_touchpoint_new (v[0], phase, lane, NULL);
  if (channel != NULL)
    waymark_touchpoint_set_channel (tp, channel);
  tp->initiator = initiator;
  tp->votes = votes;
  return add_item (r, frame, tp);
}

static gboolean
start_note (Reader            *r,
            ReaderFrame       *frame,
            const char *const *v)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;
  WaymarkNote *note;
  guint votes;

  if (!check_new_id (r, frame, v[0]) ||
      !(phase = resolve (r, frame, v[0], "phase", v[1], WAYMARK_ITEM_PHASE)) ||
      !(lane = resolve (r, frame, v[0], "lane", v[2], WAYMARK_ITEM_LANE)) ||
      !check_lane_kind (r, frame, v[0], lane, WAYMARK_LANE_NOTES) ||
      !read_votes (r, frame, v[3], &votes))
    return FALSE;
  note = waymark_note_new (v[0], phase, lane, NULL);
  note->votes = votes;
  return add_item (r, frame, note);
}

static gboolean
start_link (Reader            *r,
            ReaderFrame       *frame,
            const char *const *v)
{
  WaymarkTouchpoint *from;
  WaymarkTouchpoint *to;

  if (!check_new_id (r, frame, v[0]) ||
      !(from = resolve (r, frame, v[0], "from", v[1], WAYMARK_ITEM_TOUCHPOINT)) ||
      !(to = resolve (r, frame, v[0], "to", v[2], WAYMARK_ITEM_TOUCHPOINT)))
    return FALSE;
  return add_item (r, frame, waymark_link_new (v[0], from, to));
}

static gboolean
read_score (Reader      *r,
            ReaderFrame *frame,
            const char  *value,
            int         *out)
{
  gint64 score;

  if (!parse_integer (value, TRUE, &score) ||
      score < WAYMARK_EMOTION_MIN || score > WAYMARK_EMOTION_MAX)
    {
      bad_value (r, frame, "score", _("a whole number from -2 to 2"), value);
      return FALSE;
    }
  *out = (int) score;
  return TRUE;
}

static gboolean
start_emotion (Reader            *r,
               ReaderFrame       *frame,
               const char *const *v)
{
  WaymarkTouchpoint *tp = r->item;

  if (!read_score (r, frame, v[0], &tp->emotion))
    return FALSE;
  tp->has_emotion = TRUE;
  return TRUE;
}

/* <applies-to persona="ID" score="N">note</applies-to>: the personas
 * come before the touchpoints, so the id resolves at once. */
static gboolean
start_applies_to (Reader            *r,
                  ReaderFrame       *frame,
                  const char *const *v)
{
  WaymarkTouchpoint *tp = r->item;
  gpointer persona = waymark_journey_lookup (r->journey, v[0]);
  WaymarkPersonaMark *mark;

  if (persona == NULL || waymark_item_get_item_type (persona) != WAYMARK_ITEM_PERSONA)
    {
      g_autofree char *shown = _waymark_reader_quote (v[0]);

      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_REFERENCE,
                   /* Translators: "touchpoint 'tp-1' applies to persona “p-9”, but the map has no persona of that id" */
                   _("touchpoint '%s' applies to persona “%s”, but the map has no persona of that id"),
                   tp->item.id, shown);
      return FALSE;
    }
  if (waymark_touchpoint_get_persona_mark (tp, v[0]) != NULL)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("touchpoint '%s' applies to persona '%s' twice"), tp->item.id, v[0]);
      return FALSE;
    }
  mark = waymark_persona_mark_new (persona);
  waymark_touchpoint_add_persona_mark (tp, mark);
  if (v[1] != NULL)
    {
      if (!read_score (r, frame, v[1], &mark->emotion))
        return FALSE;
      mark->has_emotion = TRUE;
    }
  return TRUE;
}

static gboolean
start_assessment (Reader            *r,
                  ReaderFrame       *frame,
                  const char *const *v)
{
  WaymarkTouchpoint *tp = r->item;

  if (v[0] != NULL && !waymark_strength_from_nick (v[0], &tp->strength))
    {
      bad_value (r, frame, "strength", _("strength or weakness"), v[0]);
      return FALSE;
    }
  if (v[1] != NULL && !waymark_priority_from_nick (v[1], &tp->priority))
    {
      bad_value (r, frame, "priority", _("low, medium or high"), v[1]);
      return FALSE;
    }
  if (v[2] != NULL)
    {
      if (strcmp (v[2], "true") != 0 && strcmp (v[2], "false") != 0)
        {
          bad_value (r, frame, "moment-of-truth", _("true or false"), v[2]);
          return FALSE;
        }
      tp->moment_of_truth = v[2][0] == 't';
    }
  return TRUE;
}

/* The message is translated only when it is needed: a large map has a
 * <kpi> in every other card, and gettext() is not free. */
static void
bad_number (Reader      *r,
            ReaderFrame *frame,
            const char  *attribute,
            const char  *value)
{
  bad_value (r, frame, attribute,
             _("a decimal number such as 0.031 or -12 (no exponent, no spaces)"), value);
}

static gboolean
start_kpi (Reader            *r,
           ReaderFrame       *frame,
           const char *const *v)
{
  WaymarkKpi *kpi;

  for (guint i = 0; i < 3; i += 2)
    if (v[i] != NULL && waymark_text_limit_count (v[i], strlen (v[i])) > WAYMARK_TEXT_LIMIT_LINE)
      {
        _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                     /* Translators: "the attribute “name” of <kpi> is longer than 1000 characters, the most it may hold" */
                     _("the attribute “%s” of <%s> is longer than %d characters, the most it may hold"),
                     i == 0 ? "name" : "unit", "kpi", WAYMARK_TEXT_LIMIT_LINE);
        return FALSE;
      }
  if (!waymark_kpi_number_is_valid (v[1]))
    {
      bad_number (r, frame, "value", v[1]);
      return FALSE;
    }
  if (v[3] != NULL && !waymark_kpi_number_is_valid (v[3]))
    {
      bad_number (r, frame, "target", v[3]);
      return FALSE;
    }
  kpi = waymark_kpi_new (v[0], v[1], v[2], v[3]);
  if (r->conflict != NULL)
    {
      WaymarkConflictValue *value = &r->conflict->values[r->conflict_side];

      if (value->kpis == NULL)
        value->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_kpi_free);
      g_ptr_array_add (value->kpis, kpi);
    }
  else
    waymark_touchpoint_add_kpi (r->item, kpi);
  if (v[4] != NULL)
    {
      if (r->format < 2 && !r->newer)
        {
          _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                       _("the attribute “%s” of <%s> is new in format %d, but this file says format %d"),
                       "better", "kpi", 2, r->format);
          return FALSE;
        }
      if (!waymark_kpi_direction_from_nick (v[4], &kpi->direction))
        {
          bad_value (r, frame, "better", _("higher or lower"), v[4]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
start_dismissed (Reader            *r,
                 ReaderFrame       *frame,
                 const char *const *v)
{
  /* Finding ids are spelled like channel icon keys. */
  if (!waymark_channel_icon_is_valid (v[0]))
    {
      bad_value (r, frame, "finding", _("the id of a check such as touchpoint-without-owner"), v[0]);
      return FALSE;
    }
  if (waymark_item_is_dismissed (r->item, v[0]))
    {
      g_autofree char *shown = _waymark_reader_quote (v[0]);

      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("the finding “%s” is dismissed twice"), shown);
      return FALSE;
    }
  waymark_item_set_dismissed (r->item, v[0], TRUE);
  return TRUE;
}

/* ---- Merge conflicts ---- */

static void
bad_conflict (Reader     *r,
              int         line,
              const char *message)
{
  /* TRANSLATORS: "<conflict>: “x” is not a value of emotion" */
  _waymark_reader_fail (r, line, WAYMARK_FORMAT_ERROR_INVALID, _("<conflict>: %s"), message);
}

static gboolean
start_conflict (Reader            *r,
                ReaderFrame       *frame,
                const char *const *v)
{
  WaymarkConflictKind kind = WAYMARK_CONFLICT_FIELD;
  WaymarkDiffField field = 0;
  WaymarkConflictSide deleted_by = WAYMARK_CONFLICT_OURS;
  gpointer item = NULL;
  WaymarkConflict *conflict;

  if (v[0] != NULL && !waymark_conflict_kind_from_nick (v[0], &kind))
    {
      bad_value (r, frame, "kind", _("field, deleted or order"), v[0]);
      return FALSE;
    }
  if (v[1] != NULL)
    {
      item = waymark_journey_lookup (r->journey, v[1]);
      if (item == NULL)
        {
          _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_REFERENCE,
                       _("<conflict> is about item '%s', which does not exist"), v[1]);
          return FALSE;
        }
    }
  else if (kind != WAYMARK_CONFLICT_FIELD)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("<conflict> is missing the attribute “%s”"), "item");
      return FALSE;
    }

  if (kind == WAYMARK_CONFLICT_FIELD)
    {
      guint32 fields = item ? waymark_diff_field_mask (waymark_item_get_item_type (item))
                            : waymark_diff_field_journey_mask ();

      if (v[2] == NULL)
        {
          _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                       _("<conflict> is missing the attribute “%s”"), "field");
          return FALSE;
        }
      /* Extension data never conflicts: the merge keeps both. */
      fields &= ~WAYMARK_DIFF_FIELD_BIT (WAYMARK_DIFF_FIELD_EXTENSIONS);
      if (!waymark_diff_field_from_nick (v[2], &field) || !(fields & WAYMARK_DIFF_FIELD_BIT (field)))
        {
          bad_value (r, frame, "field", item ? _("a field of the item it is about") : _("title, subject, goal or state"),
                     v[2]);
          return FALSE;
        }
    }
  if (kind == WAYMARK_CONFLICT_DELETED)
    {
      if (v[3] == NULL || !waymark_conflict_side_from_nick (v[3], &deleted_by) ||
          deleted_by == WAYMARK_CONFLICT_BASE)
        {
          bad_value (r, frame, "deleted-by", _("ours or theirs"), v[3] ? v[3] : "");
          return FALSE;
        }
    }

  conflict = waymark_conflict_new (kind, v[1], field);
  conflict->deleted_by = deleted_by;
  conflict->line = frame->line;
  _waymark_journey_append_conflict (r->journey, conflict);
  r->conflict = conflict;
  return TRUE;
}

static gboolean
start_value (Reader            *r,
             ReaderFrame       *frame,
             const char *const *v)
{
  WaymarkConflict *conflict = r->conflict;
  WaymarkConflictSide side = frame->element == ELEMENT_BASE ? WAYMARK_CONFLICT_BASE
                             : frame->element == ELEMENT_OURS ? WAYMARK_CONFLICT_OURS
                             : WAYMARK_CONFLICT_THEIRS;

  if (conflict->kind == WAYMARK_CONFLICT_DELETED)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> is not allowed in a <conflict> of kind deleted"), specs[frame->element].name);
      return FALSE;
    }
  if (v[0] != NULL && conflict->kind != WAYMARK_CONFLICT_ORDER)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("only a <conflict> of kind order has “after” on <%s>"), specs[frame->element].name);
      return FALSE;
    }
  r->conflict_side = side;
  conflict->values[side].set = TRUE;
  if (conflict->kind == WAYMARK_CONFLICT_ORDER)
    {
      g_autoptr(GError) error = NULL;

      frame->content = CONTENT_EMPTY;
      conflict->values[side].text = g_strdup (v[0]);
      if (!waymark_conflict_check_value (conflict, side, r->journey, v[0], &error))
        {
          bad_conflict (r, frame->line, error->message);
          return FALSE;
        }
    }
  else if (conflict->field == WAYMARK_DIFF_FIELD_KPIS)
    frame->content = CONTENT_ELEMENTS;
  return TRUE;
}

gboolean
_waymark_reader_start_element (Reader            *r,
                               ReaderFrame       *frame,
                               const char *const *values)
{
  switch (frame->element)
    {
    case ELEMENT_JOURNEY:
      return start_journey (r, frame, values);
    case ELEMENT_PERSONA:
    case ELEMENT_PHASE:
      return start_persona_or_phase (r, frame, values);
    case ELEMENT_LANE:
      return start_lane (r, frame, values);
    case ELEMENT_CHANNEL:
      return start_channel (r, frame, values);
    case ELEMENT_TOUCHPOINT:
      return start_touchpoint (r, frame, values);
    case ELEMENT_NOTE:
      return start_note (r, frame, values);
    case ELEMENT_LINK:
      return start_link (r, frame, values);
    case ELEMENT_EMOTION:
      return start_emotion (r, frame, values);
    case ELEMENT_APPLIES_TO:
      return start_applies_to (r, frame, values);
    case ELEMENT_ASSESSMENT:
      return start_assessment (r, frame, values);
    case ELEMENT_KPI:
      return start_kpi (r, frame, values);
    case ELEMENT_CONFLICT:
      return start_conflict (r, frame, values);
    case ELEMENT_BASE:
    case ELEMENT_OURS:
    case ELEMENT_THEIRS:
      return start_value (r, frame, values);
    case ELEMENT_DISMISSED:
      return start_dismissed (r, frame, values);
    case ELEMENT_TITLE:
    case ELEMENT_SUBJECT:
    case ELEMENT_GOAL:
    case ELEMENT_STATE:
    case ELEMENT_NAME:
    case ELEMENT_DESCRIPTION:
    case ELEMENT_QUOTE:
    case ELEMENT_IDEA:
    case ELEMENT_OWNER:
    case ELEMENT_TEXT:
    case N_ELEMENTS:
    default:
      return TRUE;
    }
}

/* ------------------------------------------------------------------ */
/* End tags                                                            */

/* Where the text of @element inside the item being read goes. */
static char **
item_text_field (Reader        *r,
                 ReaderElement  element)
{
  WaymarkItem *item = r->item;

  switch (item->type)
    {
    case WAYMARK_ITEM_PERSONA:
      return element == ELEMENT_NAME ? &((WaymarkPersona *) item)->name
                                     : &((WaymarkPersona *) item)->description;
    case WAYMARK_ITEM_PHASE:
      return &((WaymarkPhase *) item)->name;
    case WAYMARK_ITEM_LANE:
      return &((WaymarkLane *) item)->name;
    case WAYMARK_ITEM_CHANNEL:
      return &((WaymarkChannel *) item)->name;
    case WAYMARK_ITEM_NOTE:
      return &((WaymarkNote *) item)->text;
    case WAYMARK_ITEM_TOUCHPOINT:
      {
        WaymarkTouchpoint *tp = (WaymarkTouchpoint *) item;

        switch (element)
          {
          case ELEMENT_TITLE: return &tp->title;
          case ELEMENT_DESCRIPTION: return &tp->description;
          case ELEMENT_QUOTE: return &tp->quote;
          case ELEMENT_IDEA: return &tp->idea;
          case ELEMENT_EMOTION: return &tp->emotion_note;
          case ELEMENT_APPLIES_TO:
            {
              GPtrArray *marks = tp->persona_marks;

              return &((WaymarkPersonaMark *) g_ptr_array_index (marks, marks->len - 1))->emotion_note;
            }
          case ELEMENT_OWNER: return &tp->owner;
          default: break;
          }
      }
      break;
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      break;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
end_text (Reader      *r,
          ReaderFrame *frame)
{
  GString *text = r->text;
  char **field;

  if (r->item == NULL)
    {
      /* Journey-level text: title, subject, goal, state. */
      switch (frame->element)
        {
        case ELEMENT_TITLE:
          waymark_journey_set_text (r->journey, WAYMARK_FIELD_TITLE, text->str);
          return TRUE;
        case ELEMENT_SUBJECT:
          waymark_journey_set_text (r->journey, WAYMARK_FIELD_SUBJECT, text->str);
          return TRUE;
        case ELEMENT_GOAL:
          waymark_journey_set_text (r->journey, WAYMARK_FIELD_GOAL, text->str);
          return TRUE;
        case ELEMENT_STATE:
          {
            WaymarkState state;

            if (!waymark_state_from_nick (text->str, &state))
              {
                g_autofree char *shown = _waymark_reader_quote (text->str);

                _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                             _("<state> must be as-is or intended, not “%s”"), shown);
                return FALSE;
              }
            waymark_journey_set_state (r->journey, state);
            return TRUE;
          }
        default:
          g_assert_not_reached ();
          return FALSE;
        }
    }

  /* Kept exactly, white space included; the model keeps "" as NULL. */
  field = item_text_field (r, frame->element);
  g_free (*field);
  *field = text->len > 0 ? g_strndup (text->str, text->len) : NULL;
  return TRUE;
}

/* References were looked up in the journey as it is read, so they are
 * the shared items already where those were shared. */
static gboolean
same_reference (gconstpointer read_ref,
                gconstpointer reference_ref,
                gpointer      user_data)
{
  return read_ref == reference_ref;
}

/* The version being shared with has an equal item: the journey takes
 * that one (waymark_reader_set_share_with()). */
static void
share_item (Reader   *r,
            gpointer  item)
{
  WaymarkItemType type = waymark_item_get_item_type (item);
  gpointer other = waymark_journey_lookup (r->share_with, waymark_item_get_id (item));
  GPtrArray *items;

  if (other == NULL || waymark_item_get_item_type (other) != type ||
      waymark_diff_field_compare (item, other, same_reference, NULL) != 0)
    return;
  if (r->resolved[type] == item)
    r->resolved[type] = NULL;
  items = waymark_journey_get_items (r->journey, type);
  g_assert (items->pdata[items->len - 1] == item);
  _waymark_journey_replace_quiet (r->journey, items->len - 1, other);
}

static gboolean
end_item (Reader      *r,
          ReaderFrame *frame)
{
  guint32 missing = specs[frame->element].required_children & ~frame->seen;

  if (missing != 0)
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("<%s> has no <%s>"), specs[frame->element].name,
                   specs[g_bit_nth_lsf (missing, -1)].name);
      return FALSE;
    }
  if (r->share_with != NULL)
    share_item (r, r->item);
  r->item = NULL;
  return TRUE;
}

static gboolean
end_value (Reader      *r,
           ReaderFrame *frame)
{
  WaymarkConflict *conflict = r->conflict;
  WaymarkConflictSide side = r->conflict_side;
  WaymarkConflictValue *value = &conflict->values[side];

  r->conflict_side = -1;
  if (frame->content == CONTENT_TEXT)
    {
      g_autoptr(GError) error = NULL;

      value->text = r->text->len > 0 ? g_strndup (r->text->str, r->text->len) : NULL;
      if (!waymark_conflict_check_value (conflict, side, r->journey, value->text, &error))
        {
          bad_conflict (r, frame->line, error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
end_conflict (Reader      *r,
              ReaderFrame *frame)
{
  WaymarkConflict *conflict = r->conflict;

  r->conflict = NULL;
  if (conflict->kind != WAYMARK_CONFLICT_DELETED &&
      !(conflict->values[WAYMARK_CONFLICT_OURS].set && conflict->values[WAYMARK_CONFLICT_THEIRS].set))
    {
      _waymark_reader_fail (r, frame->line, WAYMARK_FORMAT_ERROR_INVALID,
                   _("<conflict> needs both <ours> and <theirs>"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_waymark_reader_end_element (Reader      *r,
                             ReaderFrame *frame)
{
  if (frame->element == ELEMENT_JOURNEY)
    return TRUE;
  if (frame->element == ELEMENT_CONFLICT)
    return end_conflict (r, frame);
  if (frame->element == ELEMENT_BASE || frame->element == ELEMENT_OURS || frame->element == ELEMENT_THEIRS)
    return end_value (r, frame);
  if (_waymark_reader_element_is_item (frame->element))
    return end_item (r, frame);
  if (specs[frame->element].content == CONTENT_TEXT)
    return end_text (r, frame);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Foreign content                                                     */

WaymarkForeign **
_waymark_reader_foreign_slot (Reader *r)
{
  if (r->conflict != NULL)
    return &r->conflict->foreign;
  if (r->item != NULL)
    return &WAYMARK_ITEM (r->item)->foreign;
  return waymark_journey_get_foreign_slot (r->journey);
}

const char *
_waymark_reader_foreign_owner (Reader      *r,
                               ReaderFrame *frame,
                               char        *buffer,
                               gsize        size)
{
  if (frame->element == ELEMENT_JOURNEY || frame->element == ELEMENT_CONFLICT ||
      _waymark_reader_element_is_item (frame->element))
    return "";
  if (frame->element == ELEMENT_KPI && r->conflict != NULL)
    {
      WaymarkConflictSide side = r->conflict_side;

      g_snprintf (buffer, size, "%s:kpi:%u", waymark_conflict_side_to_nick (side),
                  r->conflict->values[side].kpis->len - 1);
      return buffer;
    }
  if (frame->element == ELEMENT_KPI)
    {
      g_snprintf (buffer, size, "kpi:%u", waymark_touchpoint_get_n_kpis (r->item) - 1);
      return buffer;
    }
  if (frame->element == ELEMENT_APPLIES_TO)
    {
      g_snprintf (buffer, size, "applies-to:%u", waymark_touchpoint_get_n_persona_marks (r->item) - 1);
      return buffer;
    }
  if (frame->element == ELEMENT_DISMISSED)
    {
      const WaymarkItem *item = r->item;

      g_snprintf (buffer, size, "dismissed:%u", g_strv_length (item->dismissed) - 1);
      return buffer;
    }
  return specs[frame->element].name;
}
