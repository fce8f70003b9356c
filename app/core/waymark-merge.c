/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-error.h"
#include "waymark-fragment.h"
#include "waymark-merge.h"

#define N_TYPES WAYMARK_N_ITEM_TYPES
#define BIT WAYMARK_DIFF_FIELD_BIT

enum {
  B = WAYMARK_CONFLICT_BASE,
  O = WAYMARK_CONFLICT_OURS,
  T = WAYMARK_CONFLICT_THEIRS,
  N_SIDES = WAYMARK_CONFLICT_N_SIDES
};

/* Where a merged field's value comes from. */
typedef enum {
  FROM_OURS,
  FROM_THEIRS,
  FROM_MERGE,    /* KPIs or extension data merged from both */
} Source;

typedef struct _Entry Entry;

/* One id of one type, in any of the three journeys. */
struct _Entry
{
  const char *id;             /* borrowed from a version */
  WaymarkItemType type;
  gpointer v[N_SIDES];        /* the item in base, ours, theirs (borrowed) */
  gboolean keep;
  int deleted_by;             /* kept although this side deleted it; else -1 */
  int source;                 /* the version the result starts from */
  gpointer fields;            /* merged values (references still into the inputs), or NULL:
                               * the result is v[source] as it is */
  gpointer result;            /* the item in the merged journey (the journey holds it) */
  char *cell;                 /* cards: "phase\nlane" of the result */
  GPtrArray *conflicts;       /* WaymarkConflict about this item, or NULL */

  /* Scratch of one order merge. */
  int pos[N_SIDES];
  gboolean moved[N_SIDES];
  gboolean placed[N_SIDES];
  Entry *gap[N_SIDES];
  gboolean fixed;
  gboolean dropped;           /* left out of theirs' run: a conflict placed it as ours */
  int run_index;
};

typedef struct {
  WaymarkJourney *j[N_SIDES];
  GHashTable *entries[N_TYPES];   /* id → Entry */
  GPtrArray *all[N_TYPES];        /* Entry, in the order first met */
  GPtrArray *order[N_TYPES];      /* Entry, the merged order */
  GPtrArray *journey_conflicts;   /* WaymarkConflict about the journey's fields */
  GPtrArray *warnings;
} Merge;

/* The gap before the first item that stays where it was. */
static Entry head;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->fields, waymark_item_unref);
  g_free (e->cell);
  g_clear_pointer (&e->conflicts, g_ptr_array_unref);
  g_free (e);
}

static Entry *
lookup (Merge           *m,
        WaymarkItemType  type,
        const char      *id)
{
  return id ? g_hash_table_lookup (m->entries[type], id) : NULL;
}

static void
add_conflict (Merge           *m,
              Entry           *e,
              WaymarkConflict *conflict)
{
  if (e == NULL)
    {
      g_ptr_array_add (m->journey_conflicts, conflict);
      return;
    }
  if (e->conflicts == NULL)
    e->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_conflict_free);
  g_ptr_array_add (e->conflicts, conflict);
}

static void
collect (Merge *m)
{
  for (int s = 0; s < N_SIDES; s++)
    for (guint t = 0; t < N_TYPES; t++)
      {
        GPtrArray *items = waymark_journey_get_items (m->j[s], t);

        for (guint i = 0; i < items->len; i++)
          {
            gpointer item = g_ptr_array_index (items, i);
            const char *id = waymark_item_get_id (item);
            Entry *e = lookup (m, t, id);

            if (e == NULL)
              {
                e = g_new0 (Entry, 1);
                e->id = id;
                e->type = t;
                e->deleted_by = -1;
                g_hash_table_insert (m->entries[t], (gpointer) id, e);
                g_ptr_array_add (m->all[t], e);
              }
            e->v[s] = item;
          }
      }
}

/* ---- Fields ---- */

static gboolean
same (gconstpointer    a,
      gconstpointer    b,
      WaymarkDiffField field)
{
  if (a == NULL || b == NULL)
    return a == b;
  return waymark_diff_field_equal (a, b, field, NULL, NULL);
}

static gboolean
kpi_same (const WaymarkKpi *a,
          const WaymarkKpi *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return waymark_kpi_equal (a, b);
}

static guint
occurrence (const WaymarkTouchpoint *tp,
            guint                    index)
{
  const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, index);
  guint n = 0;

  for (guint i = 0; i < index; i++)
    if (g_strcmp0 (((const WaymarkKpi *) g_ptr_array_index (tp->kpis, i))->name, kpi->name) == 0)
      n++;
  return n;
}

static GPtrArray *merge_order (Merge     *m,
                               GPtrArray *seq[N_SIDES],
                               gboolean   report);

/* A KPI's key: its name and which of the KPIs of that name it is. */
static char *
kpi_key (const WaymarkTouchpoint *tp,
         guint                    index)
{
  const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, index);

  return g_strdup_printf ("%u:%s", occurrence (tp, index), kpi->name);
}

/* Merges KPIs one by one, told apart by name (and occurrence), in the
 * order the list merge gives them.  Returns NULL (and sets @conflict)
 * when one KPI was changed on both sides differently, or changed on one
 * and removed on the other. */
static GPtrArray *
merge_kpis (Merge                   *m,
            const WaymarkTouchpoint *b,
            const WaymarkTouchpoint *o,
            const WaymarkTouchpoint *t,
            gboolean                *conflict)
{
  const WaymarkTouchpoint *sides[N_SIDES] = { b, o, t };
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  g_autoptr(GHashTable) values = g_hash_table_new (NULL, NULL);   /* Entry → const WaymarkKpi */
  GPtrArray *seq[N_SIDES];
  g_autoptr(GPtrArray) order = NULL;
  GPtrArray *out = NULL;

  *conflict = FALSE;
  for (int s = 0; s < N_SIDES; s++)
    {
      seq[s] = g_ptr_array_new ();
      for (guint i = 0; sides[s] != NULL && i < waymark_touchpoint_get_n_kpis (sides[s]); i++)
        {
          char *key = kpi_key (sides[s], i);
          Entry *e = g_hash_table_lookup (entries, key);

          if (e == NULL)
            {
              e = g_new0 (Entry, 1);
              e->id = key;
              e->deleted_by = -1;
              g_hash_table_insert (entries, key, e);
            }
          else
            g_free (key);
          e->v[s] = g_ptr_array_index (sides[s]->kpis, i);
          g_ptr_array_add (seq[s], e);
        }
    }

  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < seq[s]->len && !*conflict; i++)
      {
        Entry *e = g_ptr_array_index (seq[s], i);
        const WaymarkKpi *kb = e->v[B], *ko = e->v[O], *kt = e->v[T];
        const WaymarkKpi *take = NULL;

        if (kpi_same (ko, kt))
          take = ko;
        else if (kpi_same (kb, ko))
          take = kt;
        else if (kpi_same (kb, kt))
          take = ko;
        else
          *conflict = TRUE;
        e->keep = !*conflict && take != NULL;
        if (e->keep)
          g_hash_table_insert (values, e, (gpointer) take);
      }

  if (!*conflict)
    {
      order = merge_order (m, seq, FALSE);
      out = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_kpi_free);
      for (guint i = 0; i < order->len; i++)
        g_ptr_array_add (out, waymark_kpi_copy (g_hash_table_lookup (values, g_ptr_array_index (order, i))));
    }
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (seq[s]);
  return out;
}

static gboolean
attr_same (const WaymarkForeignAttr *a,
           const WaymarkForeignAttr *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strcmp0 (a->value, b->value) == 0;
}

static const WaymarkForeignAttr *
find_attr (const WaymarkForeign     *foreign,
           const WaymarkForeignAttr *like)
{
  for (guint i = 0; foreign != NULL && foreign->attrs != NULL && i < foreign->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (foreign->attrs, i);

      if (g_strcmp0 (a->owner, like->owner) == 0 && g_strcmp0 (a->qname, like->qname) == 0)
        return a;
    }
  return NULL;
}

static gboolean
has_string (GPtrArray  *strings,
            const char *s)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* Extension data merges as a set of elements and a map of attributes;
 * where both sides changed one attribute, ours stays and @collided is
 * set. */
static WaymarkForeign *
merge_foreign (const WaymarkForeign *b,
               const WaymarkForeign *o,
               const WaymarkForeign *t,
               gboolean             *collided)
{
  WaymarkForeign *out = NULL;

  *collided = FALSE;
  for (guint i = 0; o && o->ns_decls && i < o->ns_decls->len; i++)
    {
      const char *decl = g_ptr_array_index (o->ns_decls, i);
      const char *nl = strchr (decl, '\n');
      g_autofree char *prefix = g_strndup (decl, nl - decl);

      waymark_foreign_add_ns_decl (&out, prefix, nl + 1);
    }
  for (guint i = 0; t && t->ns_decls && i < t->ns_decls->len; i++)
    {
      const char *decl = g_ptr_array_index (t->ns_decls, i);
      const char *nl = strchr (decl, '\n');
      g_autofree char *prefix = g_strndup (decl, nl - decl);

      if (!has_string (o ? o->ns_decls : NULL, decl))
        waymark_foreign_add_ns_decl (&out, prefix, nl + 1);
    }

  for (guint i = 0; o && o->attrs && i < o->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (o->attrs, i);
      const WaymarkForeignAttr *ab = find_attr (b, a);
      const WaymarkForeignAttr *at = find_attr (t, a);
      const WaymarkForeignAttr *take = a;

      if (attr_same (a, ab) && !attr_same (at, ab))
        take = at;   /* only theirs changed (or removed) it */
      else if (!attr_same (a, at) && !attr_same (at, ab) && !attr_same (a, ab))
        *collided = TRUE;
      if (take != NULL)
        waymark_foreign_add_attr (&out, take->owner, take->qname, take->value);
    }
  for (guint i = 0; t && t->attrs && i < t->attrs->len; i++)
    {
      const WaymarkForeignAttr *a = g_ptr_array_index (t->attrs, i);
      const WaymarkForeignAttr *ab = find_attr (b, a);

      if (find_attr (o, a) != NULL)
        continue;
      if (ab == NULL || !attr_same (a, ab))
        {
          /* Added by theirs, or changed by theirs and removed by ours. */
          if (ab != NULL)
            *collided = TRUE;
          waymark_foreign_add_attr (&out, a->owner, a->qname, a->value);
        }
    }

  for (guint i = 0; o && o->elements && i < o->elements->len; i++)
    {
      const char *element = g_ptr_array_index (o->elements, i);

      if (has_string (t ? t->elements : NULL, element) || !has_string (b ? b->elements : NULL, element))
        waymark_foreign_add_element (&out, element);
    }
  for (guint i = 0; t && t->elements && i < t->elements->len; i++)
    {
      const char *element = g_ptr_array_index (t->elements, i);

      if (!has_string (b ? b->elements : NULL, element) && !has_string (o ? o->elements : NULL, element))
        waymark_foreign_add_element (&out, element);
    }
  return out;
}

static WaymarkForeign *
foreign_of (gconstpointer item)
{
  return item ? WAYMARK_ITEM (item)->foreign : NULL;
}

static void
warn_extensions (Merge *m,
                 Entry *e)
{
  g_autofree char *label = NULL;

  if (m->warnings == NULL)
    return;
  if (e == NULL)
    {
      g_ptr_array_add (m->warnings,
                       g_strdup (_("The journey’s extension data was changed on both sides; where the changes collide, ours was kept")));
      return;
    }
  label = waymark_diff_item_label (e->v[O]);
  /* TRANSLATORS: "touchpoint “Chat”: …" */
  g_ptr_array_add (m->warnings,
                   g_strdup_printf (_("%s “%s”: its extension data was changed on both sides; where the changes collide, ours was kept"),
                                    waymark_diff_item_type_label (e->type), label));
}

static WaymarkConflict *
field_conflict (Merge            *m,
                Entry            *e,
                WaymarkDiffField  field)
{
  WaymarkConflict *conflict = waymark_conflict_new (WAYMARK_CONFLICT_FIELD, e ? e->id : NULL, field);

  for (int s = 0; s < N_SIDES; s++)
    if (e == NULL || e->v[s] != NULL)
      waymark_conflict_take_value (conflict, s, m->j[s], e ? e->v[s] : NULL);
  return conflict;
}

/* Both sides have the item: merge it field by field. */
static void
merge_fields (Merge *m,
              Entry *e)
{
  gpointer b = e->v[B], o = e->v[O], t = e->v[T];
  guint32 mask = waymark_diff_field_mask (e->type);
  guint32 from_theirs = 0;
  guint32 differ = 0;
  g_autoptr(GPtrArray) kpis = NULL;
  WaymarkForeign *foreign = NULL;
  gboolean kpis_merged = FALSE, foreign_merged = FALSE;

  for (guint f = 0; f < WAYMARK_DIFF_N_FIELDS; f++)
    {
      if (!(mask & BIT (f)) || same (o, t, f))
        continue;
      differ |= BIT (f);
      if (same (b, o, f))
        from_theirs |= BIT (f);
      else if (same (b, t, f))
        ;   /* only ours changed it */
      else if (f == WAYMARK_DIFF_FIELD_KPIS)
        {
          gboolean conflict;

          kpis = merge_kpis (m, b, o, t, &conflict);
          if (conflict)
            add_conflict (m, e, field_conflict (m, e, f));
          else
            kpis_merged = TRUE;
        }
      else if (f == WAYMARK_DIFF_FIELD_EXTENSIONS)
        {
          gboolean collided;

          foreign = merge_foreign (foreign_of (b), foreign_of (o), foreign_of (t), &collided);
          foreign_merged = TRUE;
          if (collided)
            warn_extensions (m, e);
        }
      else
        add_conflict (m, e, field_conflict (m, e, f));
    }

  e->keep = TRUE;
  if (from_theirs == 0 && !kpis_merged && !foreign_merged)
    {
      e->source = O;
      return;
    }
  if (from_theirs == differ && !kpis_merged && !foreign_merged)
    {
      e->source = T;
      return;
    }
  e->source = O;
  e->fields = waymark_item_copy (o);
  for (guint f = 0; f < WAYMARK_DIFF_N_FIELDS; f++)
    if (from_theirs & BIT (f))
      waymark_diff_field_copy (e->fields, t, f, NULL, NULL);
  if (kpis_merged)
    {
      WaymarkTouchpoint *tp = e->fields;

      g_clear_pointer (&tp->kpis, g_ptr_array_unref);
      if (kpis->len > 0)
        tp->kpis = g_steal_pointer (&kpis);
    }
  if (foreign_merged)
    {
      waymark_foreign_free (WAYMARK_ITEM (e->fields)->foreign);
      WAYMARK_ITEM (e->fields)->foreign = foreign;
    }
}

static void
decide (Merge *m,
        Entry *e)
{
  gpointer b = e->v[B];
  int kept;

  if (e->v[O] != NULL && e->v[T] != NULL)
    {
      merge_fields (m, e);
      return;
    }
  if (b == NULL)
    {
      e->keep = TRUE;   /* added on one side */
      e->source = e->v[O] ? O : T;
      return;
    }
  if (e->v[O] == NULL && e->v[T] == NULL)
    return;           /* deleted on both */

  /* Deleted on one side: gone, unless the other side changed it. */
  kept = e->v[O] ? O : T;
  if (waymark_diff_field_compare (b, e->v[kept], NULL, NULL) != 0)
    {
      e->keep = TRUE;
      e->source = kept;
      e->deleted_by = kept == O ? T : O;
    }
}

/* The item that holds @e's merged values, references into the inputs. */
static gconstpointer
values_of (Entry *e)
{
  return e->fields ? e->fields : e->v[e->source];
}

static const struct {
  WaymarkDiffField field;
  WaymarkItemType type;
} references[] = {
  { WAYMARK_DIFF_FIELD_PHASE, WAYMARK_ITEM_PHASE },
  { WAYMARK_DIFF_FIELD_LANE, WAYMARK_ITEM_LANE },
  { WAYMARK_DIFF_FIELD_CHANNEL, WAYMARK_ITEM_CHANNEL },
  { WAYMARK_DIFF_FIELD_FROM, WAYMARK_ITEM_TOUCHPOINT },
  { WAYMARK_DIFF_FIELD_TO, WAYMARK_ITEM_TOUCHPOINT },
};

static void
resurrect_id (Merge           *m,
              WaymarkItemType  type,
              const char      *id)
{
  Entry *r = lookup (m, type, id);

  if (r == NULL || r->keep)
    return;
  /* Something kept needs it: the side that deleted it conflicts with
   * the side that still uses it. */
  r->keep = TRUE;
  r->source = r->v[O] ? O : T;
  r->deleted_by = r->source == O ? T : O;
}

/* The personas of a kept touchpoint's marks stay, as its channel does;
 * so do those a conflict may yet give it. */
static void
resurrect_personas (Merge *m,
                    Entry *e)
{
  const WaymarkTouchpoint *tp = values_of (e);

  for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
    resurrect_id (m, WAYMARK_ITEM_PERSONA,
                  waymark_item_get_id (((WaymarkPersonaMark *) g_ptr_array_index (tp->persona_marks, i))->persona));
  for (guint c = 0; e->conflicts != NULL && c < e->conflicts->len; c++)
    {
      WaymarkConflict *conflict = g_ptr_array_index (e->conflicts, c);
      g_auto(GStrv) lines = NULL;

      if (conflict->kind != WAYMARK_CONFLICT_FIELD || conflict->field != WAYMARK_DIFF_FIELD_PERSONAS ||
          conflict->values[T].text == NULL)
        continue;
      lines = g_strsplit (conflict->values[T].text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *space = strchr (lines[i], ' ');

          if (space != NULL)
            *space = '\0';
          resurrect_id (m, WAYMARK_ITEM_PERSONA, lines[i]);
        }
    }
}

/* A kept item whose phase, lane, channel or ends a side deleted brings
 * them back (types from links down to phases, so chains come along). */
static void
resurrect (Merge *m)
{
  for (int t = N_TYPES - 1; t >= 0; t--)
    for (guint i = 0; i < m->all[t]->len; i++)
      {
        Entry *e = g_ptr_array_index (m->all[t], i);
        guint32 mask = waymark_diff_field_mask (t);

        if (!e->keep)
          continue;
        if (t == WAYMARK_ITEM_TOUCHPOINT)
          resurrect_personas (m, e);
        for (guint k = 0; k < G_N_ELEMENTS (references); k++)
          {
            g_autofree char *id = NULL;

            if (!(mask & BIT (references[k].field)))
              continue;
            id = waymark_diff_field_to_string (values_of (e), references[k].field, FALSE);
            resurrect_id (m, references[k].type, id);
            /* A conflict may yet pick the other side's value. */
            for (guint c = 0; e->conflicts != NULL && c < e->conflicts->len; c++)
              {
                WaymarkConflict *conflict = g_ptr_array_index (e->conflicts, c);

                if (conflict->kind == WAYMARK_CONFLICT_FIELD && conflict->field == references[k].field)
                  resurrect_id (m, references[k].type, conflict->values[T].text);
              }
          }
      }

  for (guint t = 0; t < N_TYPES; t++)
    for (guint i = 0; i < m->all[t]->len; i++)
      {
        Entry *e = g_ptr_array_index (m->all[t], i);

        if (e->keep && e->deleted_by >= 0)
          {
            WaymarkConflict *conflict = waymark_conflict_new (WAYMARK_CONFLICT_DELETED, e->id, 0);

            conflict->deleted_by = e->deleted_by;
            add_conflict (m, e, conflict);
          }
      }
}

/* A lane one side turned into another kind while the other put cards in
 * it keeps the kind its cards need. */
static void
fit_lane_kinds (Merge *m)
{
  for (int t = WAYMARK_ITEM_TOUCHPOINT; t <= WAYMARK_ITEM_NOTE; t++)
    for (guint i = 0; i < m->all[t]->len; i++)
      {
        Entry *e = g_ptr_array_index (m->all[t], i);
        WaymarkLaneKind needs = t == WAYMARK_ITEM_NOTE ? WAYMARK_LANE_NOTES : WAYMARK_LANE_TOUCHPOINTS;
        g_autofree char *lane_id = NULL;
        Entry *lane;
        WaymarkLane *values;

        if (!e->keep)
          continue;
        lane_id = waymark_diff_field_to_string (values_of (e), WAYMARK_DIFF_FIELD_LANE, FALSE);
        lane = lookup (m, WAYMARK_ITEM_LANE, lane_id);
        if (lane == NULL)
          continue;
        values = (WaymarkLane *) values_of (lane);
        if (values->kind == needs)
          continue;
        if (lane->fields == NULL)
          lane->fields = waymark_item_copy (values);
        ((WaymarkLane *) lane->fields)->kind = needs;
        if (lane->v[O] != NULL && lane->v[T] != NULL)
          {
            gboolean known = FALSE;

            for (guint c = 0; lane->conflicts != NULL && c < lane->conflicts->len; c++)
              known |= ((WaymarkConflict *) g_ptr_array_index (lane->conflicts, c))->field == WAYMARK_DIFF_FIELD_KIND;
            if (!known)
              add_conflict (m, lane, field_conflict (m, lane, WAYMARK_DIFF_FIELD_KIND));
          }
      }
}

/* ---- Orders ---- */

/* Marks in @keep the elements of @seq that form a longest increasing
 * subsequence. */
static void
longest_increasing (const int *seq,
                    guint      n,
                    gboolean  *keep)
{
  g_autofree int *tails = g_new (int, MAX (n, 1));
  g_autofree int *prev = g_new (int, MAX (n, 1));
  guint length = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = length;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = (int) i;
      if (lo == length)
        length++;
      keep[i] = FALSE;
    }
  for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = prev[i])
    keep[i] = TRUE;
}

/* Marks what @side moved: the items it has in common with the base that
 * are not in the longest run it kept in the base's order. */
static void
mark_moved (GPtrArray *seq,
            int        side)
{
  g_autoptr(GPtrArray) common = g_ptr_array_new ();
  g_autofree int *positions = NULL;
  g_autofree gboolean *keep = NULL;

  for (guint i = 0; i < seq->len; i++)
    if (((Entry *) g_ptr_array_index (seq, i))->pos[B] >= 0)
      g_ptr_array_add (common, g_ptr_array_index (seq, i));
  positions = g_new (int, MAX (common->len, 1));
  keep = g_new (gboolean, MAX (common->len, 1));
  for (guint i = 0; i < common->len; i++)
    positions[i] = ((Entry *) g_ptr_array_index (common, i))->pos[B];
  longest_increasing (positions, common->len, keep);
  for (guint i = 0; i < common->len; i++)
    ((Entry *) g_ptr_array_index (common, i))->moved[side] = !keep[i];
}

static void
order_conflict (Merge     *m,
                Entry     *e,
                GPtrArray *seq[N_SIDES])
{
  WaymarkConflict *conflict = waymark_conflict_new (WAYMARK_CONFLICT_ORDER, e->id, 0);

  for (int s = O; s <= T; s++)
    {
      int p = e->pos[s];

      conflict->values[s].set = TRUE;
      if (p > 0)
        conflict->values[s].text = g_strdup (((Entry *) g_ptr_array_index (seq[s], (guint) p - 1))->id);
    }
  add_conflict (m, e, conflict);
}

static void
append_all (GPtrArray *out,
            GPtrArray *items,
            guint      from,
            guint      to)
{
  for (guint i = from; i < to; i++)
    g_ptr_array_add (out, g_ptr_array_index (items, i));
}

/* Two runs placed after the same item, each in its side's order: the
 * one whose first id sorts first goes first, so that swapping the sides
 * gives the same order. */
static void
append_runs (GPtrArray *out,
             GPtrArray *ours,
             guint      o_from,
             guint      o_to,
             GPtrArray *theirs,
             guint      t_from,
             guint      t_to)
{
  gboolean ours_first = TRUE;

  if (o_from < o_to && t_from < t_to)
    ours_first = strcmp (((Entry *) g_ptr_array_index (ours, o_from))->id,
                         ((Entry *) g_ptr_array_index (theirs, t_from))->id) <= 0;
  if (ours_first)
    {
      append_all (out, ours, o_from, o_to);
      append_all (out, theirs, t_from, t_to);
    }
  else
    {
      append_all (out, theirs, t_from, t_to);
      append_all (out, ours, o_from, o_to);
    }
}

/* The items both sides placed in the same gap keep the order both agree
 * on; the others of each side go between them. */
static void
emit_gap (Merge     *m,
          GPtrArray *out,
          GPtrArray *ours,
          GPtrArray *theirs_all,
          GPtrArray *seq[N_SIDES],
          gboolean   report)
{
  g_autoptr(GPtrArray) theirs = g_ptr_array_new ();
  g_autoptr(GPtrArray) shared = g_ptr_array_new ();
  g_autofree int *positions = NULL;
  g_autofree gboolean *keep = NULL;
  g_autoptr(GPtrArray) anchors = g_ptr_array_new ();
  guint o_from = 0, t_from = 0;

  for (guint i = 0; theirs_all != NULL && i < theirs_all->len; i++)
    {
      Entry *e = g_ptr_array_index (theirs_all, i);

      if (!e->dropped)
        {
          e->run_index = (int) theirs->len;
          g_ptr_array_add (theirs, e);
        }
    }
  if (ours == NULL || ours->len == 0 || theirs->len == 0)
    {
      if (ours != NULL)
        append_all (out, ours, 0, ours->len);
      append_all (out, theirs, 0, theirs->len);
      return;
    }

  for (guint i = 0; i < ours->len; i++)
    {
      Entry *e = g_ptr_array_index (ours, i);

      if (e->placed[T] && !e->dropped && e->gap[T] == e->gap[O])
        g_ptr_array_add (shared, e);
    }
  positions = g_new (int, MAX (shared->len, 1));
  keep = g_new (gboolean, MAX (shared->len, 1));
  for (guint i = 0; i < shared->len; i++)
    positions[i] = ((Entry *) g_ptr_array_index (shared, i))->run_index;
  longest_increasing (positions, shared->len, keep);
  for (guint i = 0; i < shared->len; i++)
    {
      Entry *e = g_ptr_array_index (shared, i);

      if (keep[i])
        g_ptr_array_add (anchors, e);
      else
        {
          /* Both moved it here, in another order among the rest. */
          e->dropped = TRUE;
          if (report)
            order_conflict (m, e, seq);
        }
    }
  if (anchors->len < shared->len)
    {
      g_ptr_array_set_size (theirs, 0);
      for (guint i = 0; i < theirs_all->len; i++)
        {
          Entry *e = g_ptr_array_index (theirs_all, i);

          if (!e->dropped)
            g_ptr_array_add (theirs, e);
        }
    }

  for (guint k = 0; k <= anchors->len; k++)
    {
      Entry *anchor = k < anchors->len ? g_ptr_array_index (anchors, k) : NULL;
      guint o_to = o_from, t_to = t_from;

      while (o_to < ours->len && g_ptr_array_index (ours, o_to) != anchor)
        o_to++;
      while (t_to < theirs->len && g_ptr_array_index (theirs, t_to) != anchor)
        t_to++;
      append_runs (out, ours, o_from, o_to, theirs, t_from, t_to);
      if (anchor != NULL)
        g_ptr_array_add (out, anchor);
      o_from = o_to + 1;
      t_from = t_to + 1;
    }
}

/* The merged order of the kept items of three sequences (base, ours,
 * theirs) of one list or one cell.  What neither side moved keeps the
 * base's order; what a side moved or added follows the item that stays
 * which it follows on that side.  An item both moved to different places
 * is a conflict (when @report) and goes where ours put it. */
static GPtrArray *
merge_order (Merge     *m,
             GPtrArray *seq[N_SIDES],
             gboolean   report)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GHashTable) runs_o = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) runs_t = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GHashTable *runs[N_SIDES] = { NULL, runs_o, runs_t };

  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < seq[s]->len; i++)
      {
        Entry *e = g_ptr_array_index (seq[s], i);

        for (int k = 0; k < N_SIDES; k++)
          {
            e->pos[k] = -1;
            e->moved[k] = FALSE;
            e->placed[k] = FALSE;
            e->gap[k] = NULL;
          }
        e->fixed = FALSE;
        e->dropped = FALSE;
      }
  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < seq[s]->len; i++)
      ((Entry *) g_ptr_array_index (seq[s], i))->pos[s] = (int) i;

  mark_moved (seq[O], O);
  mark_moved (seq[T], T);
  for (guint i = 0; i < seq[B]->len; i++)
    {
      Entry *e = g_ptr_array_index (seq[B], i);

      e->fixed = e->keep && !e->moved[O] && !e->moved[T];
    }

  for (int s = O; s <= T; s++)
    {
      Entry *gap = &head;

      for (guint i = 0; i < seq[s]->len; i++)
        {
          Entry *e = g_ptr_array_index (seq[s], i);
          GPtrArray *run;

          if (e->fixed)
            {
              gap = e;
              continue;
            }
          if (!e->keep || (e->pos[B] >= 0 && !e->moved[s]))
            continue;
          e->placed[s] = TRUE;
          e->gap[s] = gap;
          run = g_hash_table_lookup (runs[s], gap);
          if (run == NULL)
            {
              run = g_ptr_array_new ();
              g_hash_table_insert (runs[s], gap, run);
            }
          g_ptr_array_add (run, e);
        }
    }

  /* Both moved it, after different items that stay. */
  for (guint i = 0; i < seq[T]->len; i++)
    {
      Entry *e = g_ptr_array_index (seq[T], i);

      if (e->placed[O] && e->placed[T] && e->gap[O] != e->gap[T])
        {
          e->dropped = TRUE;
          if (report)
            order_conflict (m, e, seq);
        }
    }

  emit_gap (m, out, g_hash_table_lookup (runs_o, &head), g_hash_table_lookup (runs_t, &head), seq, report);
  for (guint i = 0; i < seq[B]->len; i++)
    {
      Entry *e = g_ptr_array_index (seq[B], i);

      if (!e->fixed)
        continue;
      g_ptr_array_add (out, e);
      emit_gap (m, out, g_hash_table_lookup (runs_o, e), g_hash_table_lookup (runs_t, e), seq, report);
    }
  return out;
}

/* The entries of @side's list of @type, in order (only those @keep_cell
 * allows when it is not NULL). */
static GPtrArray *
side_sequence (Merge           *m,
               int              side,
               WaymarkItemType  type)
{
  GPtrArray *items = waymark_journey_get_items (m->j[side], type);
  GPtrArray *seq = g_ptr_array_sized_new (items->len);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (seq, lookup (m, type, waymark_item_get_id (g_ptr_array_index (items, i))));
  return seq;
}

static char *
cell_key (gconstpointer card)
{
  g_autofree char *phase = waymark_diff_field_to_string (card, WAYMARK_DIFF_FIELD_PHASE, FALSE);
  g_autofree char *lane = waymark_diff_field_to_string (card, WAYMARK_DIFF_FIELD_LANE, FALSE);

  return g_strconcat (phase, "\n", lane, NULL);
}

static void
free_sequences (gpointer data)
{
  GPtrArray **seq = data;

  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (seq[s]);
  g_free (seq);
}

/* Cards: the order inside each cell is what counts.  The file order
 * comes from a merge of the whole list; then each cell's cards are put
 * into its places in the order the cell's own merge gives. */
static void
merge_cards (Merge           *m,
             WaymarkItemType  type)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_sequences);
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GPtrArray *seq[N_SIDES];
  GPtrArray *global;
  GHashTableIter iter;
  gpointer key, value;

  for (int s = 0; s < N_SIDES; s++)
    seq[s] = side_sequence (m, s, type);
  for (guint i = 0; i < m->all[type]->len; i++)
    {
      Entry *e = g_ptr_array_index (m->all[type], i);

      if (e->keep)
        e->cell = cell_key (values_of (e));
    }

  /* Each side's cards of each merged cell, in that side's order. */
  for (int s = 0; s < N_SIDES; s++)
    for (guint i = 0; i < seq[s]->len; i++)
      {
        Entry *e = g_ptr_array_index (seq[s], i);
        g_autofree char *here = NULL;
        GPtrArray **cell;

        if (!e->keep)
          continue;
        here = cell_key (e->v[s]);
        if (strcmp (here, e->cell) != 0)
          continue;
        cell = g_hash_table_lookup (cells, here);
        if (cell == NULL)
          {
            cell = g_new (GPtrArray *, N_SIDES);
            for (int k = 0; k < N_SIDES; k++)
              cell[k] = g_ptr_array_new ();
            g_hash_table_insert (cells, g_steal_pointer (&here), cell);
          }
        g_ptr_array_add (cell[s], e);
      }

  global = merge_order (m, seq, FALSE);
  for (int s = 0; s < N_SIDES; s++)
    g_ptr_array_unref (seq[s]);

  for (guint i = 0; i < global->len; i++)
    {
      Entry *e = g_ptr_array_index (global, i);
      GArray *places = g_hash_table_lookup (slots, e->cell);

      if (places == NULL)
        {
          places = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (slots, e->cell, places);
        }
      g_array_append_val (places, i);
    }

  /* A card whose phase came from one side and lane from the other is in
   * a cell neither side had it in: it goes after the others there.
   * (.fixed marks what a cell's order has placed.) */
  for (guint i = 0; i < m->all[type]->len; i++)
    ((Entry *) g_ptr_array_index (m->all[type], i))->fixed = FALSE;
  g_hash_table_iter_init (&iter, slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *places = value;
      GPtrArray **cell = g_hash_table_lookup (cells, key);
      g_autoptr(GPtrArray) order = NULL;

      if (cell != NULL)
        order = merge_order (m, cell, TRUE);
      else
        order = g_ptr_array_new ();
      for (guint i = 0; i < order->len; i++)
        ((Entry *) g_ptr_array_index (order, i))->fixed = TRUE;   /* placed */
      for (guint i = 0; i < places->len; i++)
        {
          Entry *e = g_ptr_array_index (global, g_array_index (places, guint, i));

          if (!e->fixed)
            g_ptr_array_add (order, e);
        }
      g_assert (order->len == places->len);
      for (guint i = 0; i < order->len; i++)
        {
          Entry *e = g_ptr_array_index (order, i);

          g_ptr_array_index (global, g_array_index (places, guint, i)) = e;
        }
    }
  m->order[type] = global;
}

static void
merge_orders (Merge *m)
{
  for (guint t = 0; t < N_TYPES; t++)
    {
      GPtrArray *seq[N_SIDES];

      if (t == WAYMARK_ITEM_TOUCHPOINT || t == WAYMARK_ITEM_NOTE)
        {
          merge_cards (m, t);
          continue;
        }
      for (int s = 0; s < N_SIDES; s++)
        seq[s] = side_sequence (m, s, t);
      /* The order of links means nothing: never a conflict. */
      m->order[t] = merge_order (m, seq, t != WAYMARK_ITEM_LINK);
      for (int s = 0; s < N_SIDES; s++)
        g_ptr_array_unref (seq[s]);
    }
}

/* ---- The merged journey ---- */

static gpointer
map_to_result (gconstpointer ref,
               gpointer      user_data)
{
  Entry *e = lookup (user_data, waymark_item_get_item_type (ref), waymark_item_get_id (ref));

  return e ? e->result : NULL;
}

/* Whether @item's references are the very items the merged journey
 * holds, so that it can be shared as it is. */
static gboolean
references_hold (Merge         *m,
                 gconstpointer  item)
{
  guint32 mask = waymark_diff_field_mask (waymark_item_get_item_type (item));

  for (guint k = 0; k < G_N_ELEMENTS (references); k++)
    {
      WaymarkDiffField field = references[k].field;
      gpointer ref;

      if (!(mask & BIT (field)))
        continue;
      switch (field)
        {
        case WAYMARK_DIFF_FIELD_PHASE:
          ref = waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE ? (gpointer) ((const WaymarkNote *) item)->phase
                                                                        : (gpointer) ((const WaymarkTouchpoint *) item)->phase;
          break;
        case WAYMARK_DIFF_FIELD_LANE:
          ref = waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE ? (gpointer) ((const WaymarkNote *) item)->lane
                                                                        : (gpointer) ((const WaymarkTouchpoint *) item)->lane;
          break;
        case WAYMARK_DIFF_FIELD_CHANNEL:
          ref = ((const WaymarkTouchpoint *) item)->channel;
          break;
        case WAYMARK_DIFF_FIELD_FROM:
          ref = ((const WaymarkLink *) item)->from;
          break;
        case WAYMARK_DIFF_FIELD_TO:
        default:
          ref = ((const WaymarkLink *) item)->to;
          break;
        }
      if (ref != NULL && map_to_result (ref, m) != ref)
        return FALSE;
    }
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT)
    {
      const WaymarkTouchpoint *tp = item;

      for (guint i = 0; i < waymark_touchpoint_get_n_persona_marks (tp); i++)
        {
          WaymarkPersona *persona = ((WaymarkPersonaMark *) g_ptr_array_index (tp->persona_marks, i))->persona;

          if (map_to_result (persona, m) != persona)
            return FALSE;
        }
    }
  return TRUE;
}

static void
build_item (Merge          *m,
            WaymarkJourney *out,
            Entry          *e)
{
  gpointer result;

  if (e->fields != NULL)
    {
      result = g_steal_pointer (&e->fields);
      for (guint k = 0; k < G_N_ELEMENTS (references); k++)
        if (waymark_diff_field_mask (e->type) & BIT (references[k].field))
          waymark_diff_field_copy (result, result, references[k].field, map_to_result, m);
      if (e->type == WAYMARK_ITEM_TOUCHPOINT)
        waymark_diff_field_copy (result, result, WAYMARK_DIFF_FIELD_PERSONAS, map_to_result, m);
    }
  else if (references_hold (m, e->v[e->source]) && waymark_journey_lookup (out, e->id) == NULL)
    result = waymark_item_ref (e->v[e->source]);
  else
    result = waymark_fragment_copy_item (e->v[e->source], map_to_result, m);

  /* Two kinds of item with one id (only possible in hand-made files). */
  if (waymark_journey_lookup (out, WAYMARK_ITEM (result)->id) != NULL)
    {
      gpointer copy = waymark_item_copy (result);

      waymark_item_unref (result);
      result = copy;
      g_free (WAYMARK_ITEM (result)->id);
      WAYMARK_ITEM (result)->id = waymark_journey_new_id (out, e->type);
    }
  e->result = result;
  _waymark_journey_append_new (out, result);
  waymark_item_unref (result);
}

static const WaymarkDiffField journey_fields[] = {
  WAYMARK_DIFF_FIELD_TITLE,
  WAYMARK_DIFF_FIELD_SUBJECT,
  WAYMARK_DIFF_FIELD_GOAL,
  WAYMARK_DIFF_FIELD_STATE,
};

static void
merge_journey_fields (Merge          *m,
                      WaymarkJourney *out)
{
  gboolean collided = FALSE;
  WaymarkForeign *foreign;

  for (guint i = 0; i < G_N_ELEMENTS (journey_fields); i++)
    {
      WaymarkDiffField field = journey_fields[i];
      char *values[N_SIDES];
      const char *take;

      for (int s = 0; s < N_SIDES; s++)
        values[s] = waymark_diff_field_journey_string (m->j[s], field, FALSE);
      if (g_strcmp0 (values[O], values[T]) == 0 || g_strcmp0 (values[B], values[T]) == 0)
        take = values[O];
      else if (g_strcmp0 (values[B], values[O]) == 0)
        take = values[T];
      else
        {
          take = values[O];
          add_conflict (m, NULL, field_conflict (m, NULL, field));
        }
      if (field == WAYMARK_DIFF_FIELD_STATE)
        {
          WaymarkState state = WAYMARK_STATE_AS_IS;

          waymark_state_from_nick (take, &state);
          waymark_journey_set_state (out, state);
        }
      else
        waymark_journey_set_text (out, field == WAYMARK_DIFF_FIELD_TITLE ? WAYMARK_FIELD_TITLE
                                       : field == WAYMARK_DIFF_FIELD_SUBJECT ? WAYMARK_FIELD_SUBJECT
                                       : WAYMARK_FIELD_GOAL, take);
      for (int s = 0; s < N_SIDES; s++)
        g_free (values[s]);
    }

  foreign = merge_foreign (waymark_journey_get_foreign (m->j[B]), waymark_journey_get_foreign (m->j[O]),
                           waymark_journey_get_foreign (m->j[T]), &collided);
  if (collided)
    warn_extensions (m, NULL);
  *waymark_journey_get_foreign_slot (out) = foreign;
}

WaymarkJourney *
waymark_merge (WaymarkJourney  *base,
               WaymarkJourney  *ours,
               WaymarkJourney  *theirs,
               GPtrArray       *warnings,
               GError         **error)
{
  Merge m = { { base, ours, theirs }, };
  WaymarkJourney *out;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (base), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (ours), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (int s = 0; s < N_SIDES; s++)
    if (waymark_journey_get_conflicts (m.j[s])->len > 0)
      {
        g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID,
                     s == B ? _("the common ancestor still has merge conflicts; resolve them first")
                            : s == O ? _("our version still has merge conflicts; resolve them first")
                                     : _("their version still has merge conflicts; resolve them first"));
        return NULL;
      }

  m.warnings = warnings;
  m.journey_conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_conflict_free);
  for (guint t = 0; t < N_TYPES; t++)
    {
      m.entries[t] = g_hash_table_new (g_str_hash, g_str_equal);
      m.all[t] = g_ptr_array_new_with_free_func (entry_free);
    }

  collect (&m);
  for (guint t = 0; t < N_TYPES; t++)
    for (guint i = 0; i < m.all[t]->len; i++)
      decide (&m, g_ptr_array_index (m.all[t], i));
  resurrect (&m);
  fit_lane_kinds (&m);
  merge_orders (&m);

  out = waymark_journey_new ();
  waymark_journey_set_id (out, waymark_journey_get_id (ours));
  merge_journey_fields (&m, out);
  for (guint t = 0; t < N_TYPES; t++)
    for (guint i = 0; i < m.order[t]->len; i++)
      build_item (&m, out, g_ptr_array_index (m.order[t], i));

  /* Conflicts in the order of what they are about. */
  for (guint i = 0; i < m.journey_conflicts->len; i++)
    _waymark_journey_append_conflict (out, g_steal_pointer (&g_ptr_array_index (m.journey_conflicts, i)));
  for (guint t = 0; t < N_TYPES; t++)
    for (guint i = 0; i < m.order[t]->len; i++)
      {
        Entry *e = g_ptr_array_index (m.order[t], i);

        for (guint c = 0; e->conflicts != NULL && c < e->conflicts->len; c++)
          _waymark_journey_append_conflict (out, g_steal_pointer (&g_ptr_array_index (e->conflicts, c)));
      }

  for (guint t = 0; t < N_TYPES; t++)
    {
      g_ptr_array_unref (m.order[t]);
      g_hash_table_unref (m.entries[t]);
      g_ptr_array_unref (m.all[t]);
    }
  g_ptr_array_unref (m.journey_conflicts);
  return out;
}
