/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-conflict.h"
#include "waymark-snapshot-private.h"
#include "waymark-writer.h"

#define NS_URI "urn:waymark:journey"

void
waymark_writer_append_escaped (GString    *out,
                               const char *text,
                               gboolean    attribute)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  if (text == NULL)
    return;

  /* Copy runs of ordinary bytes in one go: this loop is the writer's hot
   * path on large maps. */
  for (; *p; p++)
    {
      const char *rep = NULL;
      gboolean drop = FALSE;

      if (*p >= 0x20 && *p != '&' && *p != '<' && *p != '>' && *p != '"' && *p != 0xEF)
        continue;

      switch (*p)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attribute ? "&quot;" : NULL; break;
        case '\t': rep = attribute ? "&#9;" : NULL; break;
        case '\n': rep = attribute ? "&#10;" : NULL; break;
        case '\r': rep = "&#13;"; break;
        case 0xEF:
          /* U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters. */
          if (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            {
              g_string_append_len (out, (const char *) run, p - run);
              p += 2;
              run = p + 1;
            }
          continue;
        default:
          drop = TRUE;   /* other C0 controls */
          break;
        }
      if (rep == NULL && !drop)
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      if (rep)
        g_string_append (out, rep);
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (out, "  ", 2);
}

static void
attr (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append_len (out, "=\"", 2);
  waymark_writer_append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
ns_decls (GString              *out,
          const WaymarkForeign *foreign)
{
  if (foreign == NULL || foreign->ns_decls == NULL)
    return;
  for (guint i = 0; i < foreign->ns_decls->len; i++)
    {
      const char *decl = g_ptr_array_index (foreign->ns_decls, i);
      const char *nl = strchr (decl, '\n');
      g_autofree char *name = NULL;

      if (nl == decl)
        name = g_strdup ("xmlns");
      else
        name = g_strdup_printf ("xmlns:%.*s", (int) (nl - decl), decl);
      attr (out, name, nl + 1);
    }
}

/* Foreign attributes of one element.  Writing an item visits each of its
 * elements once; when the item carries many foreign attributes (one per
 * KPI, say) they are bucketed by owner first, so that saving stays linear
 * in the size of the file. */
typedef struct {
  const WaymarkForeign *foreign;
  GHashTable *by_owner;   /* owner → GPtrArray of WaymarkForeignAttr, or NULL */
} ForeignIndex;

#define FOREIGN_INDEX_MIN 16

static void
foreign_index_init (ForeignIndex         *index,
                    const WaymarkForeign *foreign)
{
  index->foreign = foreign;
  index->by_owner = NULL;
  if (foreign == NULL || foreign->attrs == NULL || foreign->attrs->len < FOREIGN_INDEX_MIN)
    return;
  index->by_owner = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < foreign->attrs->len; i++)
    {
      WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);
      GPtrArray *list = g_hash_table_lookup (index->by_owner, a->owner);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index->by_owner, a->owner, list);
        }
      g_ptr_array_add (list, a);
    }
}

static void
foreign_index_clear (ForeignIndex *index)
{
  g_clear_pointer (&index->by_owner, g_hash_table_unref);
}

static void
foreign_attrs_indexed (GString            *out,
                       const ForeignIndex *index,
                       const char         *owner)
{
  const WaymarkForeign *foreign = index->foreign;

  if (foreign == NULL || foreign->attrs == NULL)
    return;
  if (index->by_owner)
    {
      GPtrArray *list = g_hash_table_lookup (index->by_owner, owner);

      for (guint i = 0; list && i < list->len; i++)
        {
          const WaymarkForeignAttr *a = g_ptr_array_index (list, i);
          attr (out, a->qname, a->value);
        }
      return;
    }
  for (guint i = 0; i < foreign->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);
      if (strcmp (a->owner, owner) == 0)
        attr (out, a->qname, a->value);
    }
}

static void
foreign_attrs (GString              *out,
               const WaymarkForeign *foreign,
               const char           *owner)
{
  ForeignIndex index = { foreign, NULL };

  foreign_attrs_indexed (out, &index, owner);
}

/* Whether @foreign holds attributes for @owner: an element that is
 * otherwise left out (empty text, nothing assessed) is still written
 * for them, or they would be lost on save. */
static gboolean
has_foreign_attrs (const WaymarkForeign *foreign,
                   const char           *owner)
{
  if (foreign == NULL || foreign->attrs == NULL)
    return FALSE;
  for (guint i = 0; i < foreign->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      if (strcmp (a->owner, owner) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
foreign_elements (GString              *out,
                  const WaymarkForeign *foreign,
                  guint                 depth)
{
  if (foreign == NULL || foreign->elements == NULL)
    return;
  for (guint i = 0; i < foreign->elements->len; i++)
    {
      indent (out, depth);
      g_string_append (out, g_ptr_array_index (foreign->elements, i));
      g_string_append_c (out, '\n');
    }
}

/* <name attrs>text</name> on a line of its own; skipped when @text is NULL
 * unless @always, or written as <name attrs/> when only foreign
 * attributes sit on it. */
static void
text_element (GString              *out,
              guint                 depth,
              const char           *name,
              const char           *text,
              gboolean              always,
              const WaymarkForeign *foreign)
{
  gboolean attrs_only = text == NULL && !always;

  if (attrs_only && !has_foreign_attrs (foreign, name))
    return;
  indent (out, depth);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  foreign_attrs (out, foreign, name);
  if (attrs_only)
    {
      g_string_append_len (out, "/>\n", 3);
      return;
    }
  g_string_append_c (out, '>');
  waymark_writer_append_escaped (out, text, FALSE);
  g_string_append_len (out, "</", 2);
  g_string_append (out, name);
  g_string_append_len (out, ">\n", 2);
}

static void
open_item (GString       *out,
           gconstpointer  item)
{
  const WaymarkItem *it = item;

  g_string_append_len (out, "  <", 3);
  g_string_append (out, waymark_item_type_element (it->type));
  ns_decls (out, it->foreign);
  attr (out, "id", it->id);
}

static void
end_open_item (GString       *out,
               gconstpointer  item)
{
  foreign_attrs (out, ((const WaymarkItem *) item)->foreign, "");
  g_string_append_len (out, ">\n", 2);
}

/* The findings dismissed for the item, after its own children. */
static void
dismissed_elements (GString           *out,
                    const WaymarkItem *it)
{
  if (it->dismissed == NULL)
    return;
  for (guint i = 0; it->dismissed[i] != NULL; i++)
    {
      char owner[32];

      g_string_append_len (out, "    <dismissed", 14);
      attr (out, "finding", it->dismissed[i]);
      if (it->foreign)
        {
          g_snprintf (owner, sizeof owner, "dismissed:%u", i);
          foreign_attrs (out, it->foreign, owner);
        }
      g_string_append_len (out, "/>\n", 3);
    }
}

static void
close_item (GString       *out,
            gconstpointer  item)
{
  const WaymarkItem *it = item;

  dismissed_elements (out, it);
  foreign_elements (out, it->foreign, 2);
  g_string_append_len (out, "  </", 4);
  g_string_append (out, waymark_item_type_element (it->type));
  g_string_append_len (out, ">\n", 2);
}

static void
write_persona (GString              *out,
               const WaymarkPersona *persona)
{
  const WaymarkForeign *f = persona->item.foreign;

  open_item (out, persona);
  end_open_item (out, persona);
  text_element (out, 2, "name", persona->name, TRUE, f);
  text_element (out, 2, "description", persona->description, FALSE, f);
  close_item (out, persona);
}

static void
write_phase (GString            *out,
             const WaymarkPhase *phase)
{
  open_item (out, phase);
  end_open_item (out, phase);
  text_element (out, 2, "name", phase->name, TRUE, phase->item.foreign);
  close_item (out, phase);
}

static void
write_lane (GString           *out,
            const WaymarkLane *lane)
{
  open_item (out, lane);
  attr (out, "kind", waymark_lane_kind_to_nick (lane->kind));
  end_open_item (out, lane);
  text_element (out, 2, "name", lane->name, TRUE, lane->item.foreign);
  close_item (out, lane);
}

static void
write_channel (GString              *out,
               const WaymarkChannel *channel)
{
  open_item (out, channel);
  attr (out, "category", waymark_category_to_nick (channel->category));
  attr (out, "icon", channel->icon);
  end_open_item (out, channel);
  text_element (out, 2, "name", channel->name, TRUE, channel->item.foreign);
  close_item (out, channel);
}

/* votes="N" on a card that has votes (format 2); none is not written. */
static void
votes_attr (GString *out,
            guint    votes)
{
  char text[16];

  if (votes == 0)
    return;
  g_snprintf (text, sizeof text, "%u", votes);
  attr (out, "votes", text);
}

static void
write_touchpoint (GString                 *out,
                  const WaymarkTouchpoint *tp)
{
  const WaymarkForeign *f = tp->item.foreign;

  open_item (out, tp);
  attr (out, "phase", tp->phase->item.id);
  attr (out, "lane", tp->lane->item.id);
  if (tp->channel)
    attr (out, "channel", tp->channel->item.id);
  attr (out, "initiator", waymark_initiator_to_nick (tp->initiator));
  votes_attr (out, tp->votes);
  end_open_item (out, tp);

  text_element (out, 2, "title", tp->title, TRUE, f);
  text_element (out, 2, "description", tp->description, FALSE, f);
  text_element (out, 2, "quote", tp->quote, FALSE, f);
  text_element (out, 2, "idea", tp->idea, FALSE, f);
  if (tp->has_emotion)
    {
      char score[8];

      g_snprintf (score, sizeof score, "%d", tp->emotion);
      g_string_append_len (out, "    <emotion", 12);
      attr (out, "score", score);
      foreign_attrs (out, f, "emotion");
      if (tp->emotion_note)
        {
          g_string_append_c (out, '>');
          waymark_writer_append_escaped (out, tp->emotion_note, FALSE);
          g_string_append_len (out, "</emotion>\n", 11);
        }
      else
        g_string_append_len (out, "/>\n", 3);
    }
  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    {
      const WaymarkPersonaMark *mark = g_ptr_array_index (tp->persona_marks, i);
      char owner[24];

      g_string_append_len (out, "    <applies-to", 15);
      attr (out, "persona", mark->persona->item.id);
      if (mark->has_emotion)
        {
          char score[8];

          g_snprintf (score, sizeof score, "%d", mark->emotion);
          attr (out, "score", score);
        }
      if (f)
        {
          g_snprintf (owner, sizeof owner, "applies-to:%u", i);
          foreign_attrs (out, f, owner);
        }
      if (mark->emotion_note)
        {
          g_string_append_c (out, '>');
          waymark_writer_append_escaped (out, mark->emotion_note, FALSE);
          g_string_append_len (out, "</applies-to>\n", 14);
        }
      else
        g_string_append_len (out, "/>\n", 3);
    }
  text_element (out, 2, "owner", tp->owner, FALSE, f);
  if (waymark_touchpoint_has_assessment (tp) || has_foreign_attrs (f, "assessment"))
    {
      g_string_append_len (out, "    <assessment", 15);
      attr (out, "strength", waymark_strength_to_nick (tp->strength));
      attr (out, "priority", waymark_priority_to_nick (tp->priority));
      if (tp->moment_of_truth)
        attr (out, "moment-of-truth", "true");
      foreign_attrs (out, f, "assessment");
      g_string_append_len (out, "/>\n", 3);
    }
  if (waymark_touchpoint_get_n_kpis (tp) > 0)
    {
      ForeignIndex index;

      foreign_index_init (&index, f);
      for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
        {
          const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);
          char owner[24];

          g_string_append_len (out, "    <kpi", 8);
          attr (out, "name", kpi->name);
          attr (out, "value", kpi->value);
          attr (out, "unit", kpi->unit);
          attr (out, "target", kpi->target);
          attr (out, "better", waymark_kpi_direction_to_nick (kpi->direction));
          if (f)
            {
              g_snprintf (owner, sizeof owner, "kpi:%u", i);
              foreign_attrs_indexed (out, &index, owner);
            }
          g_string_append_len (out, "/>\n", 3);
        }
      foreign_index_clear (&index);
    }
  close_item (out, tp);
}

static void
write_note (GString           *out,
            const WaymarkNote *note)
{
  open_item (out, note);
  attr (out, "phase", note->phase->item.id);
  attr (out, "lane", note->lane->item.id);
  votes_attr (out, note->votes);
  end_open_item (out, note);
  text_element (out, 2, "text", note->text, TRUE, note->item.foreign);
  close_item (out, note);
}

static void
write_link (GString           *out,
            const WaymarkLink *link)
{
  open_item (out, link);
  attr (out, "from", link->from->item.id);
  attr (out, "to", link->to->item.id);
  if ((link->item.foreign && link->item.foreign->elements) || link->item.dismissed)
    {
      end_open_item (out, link);
      close_item (out, link);
    }
  else
    {
      foreign_attrs (out, link->item.foreign, "");
      g_string_append_len (out, "/>\n", 3);
    }
}

static gboolean
touchpoint_needs_format_2 (const WaymarkTouchpoint *tp)
{
  if (tp->votes > 0 || waymark_touchpoint_get_n_persona_marks (tp) > 0)
    return TRUE;
  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    if (((const WaymarkKpi *) g_ptr_array_index (tp->kpis, i))->direction != WAYMARK_KPI_DIRECTION_UNSET)
      return TRUE;
  return FALSE;
}

/* <base>, <ours> or <theirs> of a conflict: the value as text, the KPIs
 * as <kpi> elements, or the item before it (@after, for an order). */
static void
write_conflict_value (GString               *out,
                      const WaymarkConflict *conflict,
                      WaymarkConflictSide    side)
{
  const WaymarkConflictValue *value = &conflict->values[side];
  const char *name = waymark_conflict_side_to_nick (side);

  if (!value->set)
    return;
  g_string_append_printf (out, "    <%s", name);
  if (conflict->kind == WAYMARK_CONFLICT_ORDER)
    attr (out, "after", value->text);
  foreign_attrs (out, conflict->foreign, name);
  if (conflict->kind == WAYMARK_CONFLICT_ORDER)
    {
      g_string_append_len (out, "/>\n", 3);
      return;
    }
  if (value->kpis != NULL && value->kpis->len > 0)
    {
      g_string_append_len (out, ">\n", 2);
      for (guint i = 0; i < value->kpis->len; i++)
        {
          const WaymarkKpi *kpi = g_ptr_array_index (value->kpis, i);

          g_string_append_len (out, "      <kpi", 10);
          attr (out, "name", kpi->name);
          attr (out, "value", kpi->value);
          attr (out, "unit", kpi->unit);
          attr (out, "target", kpi->target);
          attr (out, "better", waymark_kpi_direction_to_nick (kpi->direction));
          if (conflict->foreign != NULL)
            {
              g_autofree char *owner = g_strdup_printf ("%s:kpi:%u", name, i);

              foreign_attrs (out, conflict->foreign, owner);
            }
          g_string_append_len (out, "/>\n", 3);
        }
      g_string_append_printf (out, "    </%s>\n", name);
      return;
    }
  if (value->text == NULL)
    {
      g_string_append_len (out, "/>\n", 3);
      return;
    }
  g_string_append_c (out, '>');
  waymark_writer_append_escaped (out, value->text, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
write_conflict (GString               *out,
                const WaymarkConflict *conflict)
{
  gboolean values = conflict->kind != WAYMARK_CONFLICT_DELETED;
  gboolean elements = conflict->foreign != NULL && conflict->foreign->elements != NULL;

  g_string_append_len (out, "  <conflict", 11);
  ns_decls (out, conflict->foreign);
  if (conflict->kind != WAYMARK_CONFLICT_FIELD)
    attr (out, "kind", waymark_conflict_kind_to_nick (conflict->kind));
  attr (out, "item", conflict->item);
  if (conflict->kind == WAYMARK_CONFLICT_FIELD)
    attr (out, "field", waymark_diff_field_to_nick (conflict->field));
  if (conflict->kind == WAYMARK_CONFLICT_DELETED)
    attr (out, "deleted-by", waymark_conflict_side_to_nick (conflict->deleted_by));
  foreign_attrs (out, conflict->foreign, "");
  if (!values && !elements)
    {
      g_string_append_len (out, "/>\n", 3);
      return;
    }
  g_string_append_len (out, ">\n", 2);
  if (values)
    for (int side = 0; side < WAYMARK_CONFLICT_N_SIDES; side++)
      write_conflict_value (out, conflict, side);
  foreign_elements (out, conflict->foreign, 2);
  g_string_append_len (out, "  </conflict>\n", 14);
}

/* What is written: a journey as it is now (read on its own thread), or
 * a snapshot (on any thread: each item is read under its lock). */
typedef struct {
  WaymarkJourney *journey;
  WaymarkSnapshot *snapshot;
} Source;

static const char *
source_id (const Source *src)
{
  return src->snapshot ? src->snapshot->id : waymark_journey_get_id (src->journey);
}

static const char *
source_text (const Source        *src,
             WaymarkJourneyField  field)
{
  return src->snapshot ? src->snapshot->text[field] : waymark_journey_get_text (src->journey, field);
}

static WaymarkState
source_state (const Source *src)
{
  return src->snapshot ? src->snapshot->state : waymark_journey_get_state (src->journey);
}

static const WaymarkForeign *
source_foreign (const Source *src)
{
  return src->snapshot ? src->snapshot->foreign : waymark_journey_get_foreign (src->journey);
}

static GPtrArray *
source_items (const Source    *src,
              WaymarkItemType  type)
{
  return src->snapshot ? src->snapshot->items[type] : waymark_journey_get_items (src->journey, type);
}

static GPtrArray *
source_conflicts (const Source *src)
{
  return src->snapshot ? src->snapshot->conflicts : waymark_journey_get_conflicts (src->journey);
}

/* The item at @index, to read until source_release_item(). */
static gconstpointer
source_lock_item (const Source    *src,
                  WaymarkItemType  type,
                  guint            index)
{
  if (src->snapshot)
    return _waymark_snapshot_lock_item (src->snapshot, type, index);
  return g_ptr_array_index (waymark_journey_get_items (src->journey, type), index);
}

static void
source_release_item (const Source *src)
{
  if (src->snapshot)
    _waymark_snapshot_release_item (src->snapshot);
}

static gboolean
item_needs_format_2 (const WaymarkItem *item)
{
  if (item->dismissed != NULL)
    return TRUE;
  if (item->type == WAYMARK_ITEM_TOUCHPOINT && touchpoint_needs_format_2 ((gconstpointer) item))
    return TRUE;
  if (item->type == WAYMARK_ITEM_NOTE && ((const WaymarkNote *) item)->votes > 0)
    return TRUE;
  return FALSE;
}

static int
source_format (const Source *src)
{
  if (source_conflicts (src)->len > 0)
    return 2;
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      guint n = source_items (src, t)->len;

      for (guint i = 0; i < n; i++)
        {
          gboolean newer = item_needs_format_2 (source_lock_item (src, t, i));

          source_release_item (src);
          if (newer)
            return 2;
        }
    }
  return 1;
}

/**
 * waymark_writer_get_format:
 *
 * The oldest format that holds everything in @journey: a map that uses
 * nothing new in format 2 is written as format 1, so that teammates with
 * an older Waymark can still open and edit it.
 */
int
waymark_writer_get_format (WaymarkJourney *journey)
{
  Source src = { journey, NULL };

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), WAYMARK_FORMAT_VERSION);

  return source_format (&src);
}

static void
write_item (GString       *out,
            gconstpointer  item)
{
  switch (((const WaymarkItem *) item)->type)
    {
    case WAYMARK_ITEM_PERSONA: write_persona (out, item); break;
    case WAYMARK_ITEM_PHASE: write_phase (out, item); break;
    case WAYMARK_ITEM_LANE: write_lane (out, item); break;
    case WAYMARK_ITEM_CHANNEL: write_channel (out, item); break;
    case WAYMARK_ITEM_TOUCHPOINT: write_touchpoint (out, item); break;
    case WAYMARK_ITEM_NOTE: write_note (out, item); break;
    case WAYMARK_ITEM_LINK: write_link (out, item); break;
    case WAYMARK_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }
}

static void
write_source (GString      *out,
              const Source *src)
{
  const WaymarkForeign *f = source_foreign (src);
  GPtrArray *conflicts = source_conflicts (src);
  char format[16];

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<journey");
  attr (out, "xmlns", NS_URI);
  ns_decls (out, f);
  g_snprintf (format, sizeof format, "%d", source_format (src));
  attr (out, "format", format);
  attr (out, "id", source_id (src));
  foreign_attrs (out, f, "");
  g_string_append_len (out, ">\n", 2);

  text_element (out, 1, "title", source_text (src, WAYMARK_FIELD_TITLE), FALSE, f);
  text_element (out, 1, "subject", source_text (src, WAYMARK_FIELD_SUBJECT), FALSE, f);
  text_element (out, 1, "goal", source_text (src, WAYMARK_FIELD_GOAL), FALSE, f);
  text_element (out, 1, "state", waymark_state_to_nick (source_state (src)), TRUE, f);

  /* Personas, phases, lanes, channels, touchpoints, notes, links: the
   * order of WaymarkItemType is the order of the file. */
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    {
      guint n = source_items (src, t)->len;

      for (guint i = 0; i < n; i++)
        {
          write_item (out, source_lock_item (src, t, i));
          source_release_item (src);
        }
    }

  for (guint i = 0; i < conflicts->len; i++)
    write_conflict (out, g_ptr_array_index (conflicts, i));

  foreign_elements (out, f, 1);
  g_string_append (out, "</journey>\n");
}

void
waymark_writer_write_to_string (WaymarkJourney *journey,
                                GString        *out)
{
  Source src = { journey, NULL };

  g_return_if_fail (WAYMARK_IS_JOURNEY (journey));

  write_source (out, &src);
}

GBytes *
waymark_writer_write (WaymarkJourney *journey)
{
  GString *out = g_string_sized_new (4096);

  waymark_writer_write_to_string (journey, out);
  return g_string_free_to_bytes (out);
}

GBytes *
waymark_writer_write_snapshot (WaymarkSnapshot *snapshot)
{
  Source src = { NULL, snapshot };
  GString *out;

  g_return_val_if_fail (snapshot != NULL, NULL);

  out = g_string_sized_new (4096);
  write_source (out, &src);
  return g_string_free_to_bytes (out);
}
