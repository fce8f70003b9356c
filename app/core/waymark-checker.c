/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include "waymark-checker.h"
#include "waymark-flow.h"

#define MAX_RULES 32

struct _WaymarkChecker {
  GObject parent_instance;

  WaymarkJourney *journey;
  gulong changed_id;
  WaymarkRuleSettings settings;
  WaymarkFlow *flow;

  const WaymarkRule *rules;
  guint n_rules;
  GHashTable *found[MAX_RULES];   /* item → WaymarkFinding (owned) */
  GHashTable *dirty[MAX_RULES];   /* items (a reference each) to judge again */
  guint32 all_dirty;              /* rules to run on every item */
  GHashTable *reordered;          /* touchpoints (a reference each) whose place in the flow changed */
  gboolean order_stale;
  gboolean links_stale;
  guint counts[WAYMARK_N_SEVERITIES];
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WaymarkChecker, waymark_checker, G_TYPE_OBJECT)

static GHashTable *
new_item_set (void)
{
  return g_hash_table_new_full (NULL, NULL, waymark_item_unref, NULL);
}

static void
waymark_checker_init (WaymarkChecker *self)
{
  waymark_rule_settings_init (&self->settings);
  self->flow = waymark_flow_new ();
  self->rules = waymark_rules_get (&self->n_rules);
  g_assert (self->n_rules <= MAX_RULES);
  for (guint r = 0; r < self->n_rules; r++)
    {
      self->found[r] = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) waymark_finding_free);
      self->dirty[r] = new_item_set ();
    }
  self->reordered = new_item_set ();
  self->all_dirty = (guint32) ((1ull << self->n_rules) - 1);
  self->order_stale = TRUE;
  self->links_stale = TRUE;
}

static void
waymark_checker_dispose (GObject *object)
{
  WaymarkChecker *self = WAYMARK_CHECKER (object);

  g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
  G_OBJECT_CLASS (waymark_checker_parent_class)->dispose (object);
}

static void
waymark_checker_finalize (GObject *object)
{
  WaymarkChecker *self = WAYMARK_CHECKER (object);

  for (guint r = 0; r < self->n_rules; r++)
    {
      g_hash_table_unref (self->found[r]);
      g_hash_table_unref (self->dirty[r]);
    }
  g_hash_table_unref (self->reordered);
  waymark_flow_free (self->flow);
  G_OBJECT_CLASS (waymark_checker_parent_class)->finalize (object);
}

static void
waymark_checker_class_init (WaymarkCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_checker_dispose;
  object_class->finalize = waymark_checker_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
}

/* Notes that the rules of @subject that read @reads (0: every such rule)
 * must judge @item again. */
static void
mark (WaymarkChecker   *self,
      gpointer          item,
      WaymarkItemType   subject,
      WaymarkRuleReads  reads)
{
  if (item == NULL)
    return;
  for (guint r = 0; r < self->n_rules; r++)
    {
      const WaymarkRule *rule = &self->rules[r];

      if (rule->subject != subject || (reads != 0 && (rule->reads & reads) == 0))
        continue;
      if (self->all_dirty & (1u << r))
        continue;
      if (!g_hash_table_contains (self->dirty[r], item))
        g_hash_table_add (self->dirty[r], waymark_item_ref (item));
    }
}

/* Every rule that reads @reads runs on every item at the next update. */
static void
mark_all (WaymarkChecker   *self,
          WaymarkRuleReads  reads)
{
  for (guint r = 0; r < self->n_rules; r++)
    if (reads == 0 || (self->rules[r].reads & reads) != 0)
      self->all_dirty |= 1u << r;
}

/* The flow is about to change around @tp: the touchpoint after it will
 * follow another one. */
static void
reorder (WaymarkChecker    *self,
         WaymarkTouchpoint *tp)
{
  if (self->order_stale)
    {
      /* Which touchpoint followed @tp is lost with the first change of
       * the order; this is a batch (a group command), so judge the whole
       * flow again. */
      mark_all (self, WAYMARK_RULE_READS_PREVIOUS);
    }
  else
    {
      mark (self, waymark_flow_get_next (self->flow, tp), WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_PREVIOUS);
      self->order_stale = TRUE;
    }
  if (!g_hash_table_contains (self->reordered, tp))
    g_hash_table_add (self->reordered, waymark_item_ref (tp));
}

static void
touchpoint_changed (WaymarkChecker      *self,
                    const WaymarkChange *change)
{
  WaymarkTouchpoint *tp = change->item;

  mark (self, tp, WAYMARK_ITEM_TOUCHPOINT, 0);
  mark (self, tp->phase, WAYMARK_ITEM_PHASE, WAYMARK_RULE_READS_PHASE_CARDS);

  switch (change->kind)
    {
    case WAYMARK_CHANGE_INSERTED:
    case WAYMARK_CHANGE_REMOVED:
    case WAYMARK_CHANGE_MOVED:
      reorder (self, tp);
      break;
    case WAYMARK_CHANGE_EDITED:
      /* Its title, emotion and channel are what the next one is judged
       * against. */
      if (!self->order_stale)
        mark (self, waymark_flow_get_next (self->flow, tp), WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_PREVIOUS);
      if (change->old_phase != NULL && change->old_phase != tp->phase)
        {
          mark (self, change->old_phase, WAYMARK_ITEM_PHASE, WAYMARK_RULE_READS_PHASE_CARDS);
          reorder (self, tp);
          /* Links inside a phase are counted per phase. */
          self->links_stale = TRUE;
        }
      break;
    case WAYMARK_CHANGE_PROPERTIES:
    case WAYMARK_CHANGE_RELOADED:
    default:
      break;
    }
}

/* The weaknesses of @phase are judged by its notes. */
static void
mark_phase_notes (WaymarkChecker *self,
                  WaymarkPhase   *phase)
{
  GPtrArray *order;
  guint start;
  guint end;

  if (self->order_stale)
    {
      mark_all (self, WAYMARK_RULE_READS_PHASE_NOTES);
      return;
    }
  order = waymark_flow_get_order (self->flow);
  waymark_flow_get_phase_range (self->flow, phase, &start, &end);
  for (guint i = start; i < end; i++)
    mark (self, order->pdata[i], WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_PHASE_NOTES);
}

static void
note_changed (WaymarkChecker      *self,
              const WaymarkChange *change)
{
  WaymarkNote *note = change->item;

  switch (change->kind)
    {
    case WAYMARK_CHANGE_INSERTED:
      waymark_flow_add_notes (self->flow, note->phase, 1);
      mark_phase_notes (self, note->phase);
      break;
    case WAYMARK_CHANGE_REMOVED:
      waymark_flow_add_notes (self->flow, note->phase, -1);
      mark_phase_notes (self, note->phase);
      break;
    case WAYMARK_CHANGE_EDITED:
      if (change->old_phase != NULL && change->old_phase != note->phase)
        {
          waymark_flow_add_notes (self->flow, change->old_phase, -1);
          waymark_flow_add_notes (self->flow, note->phase, 1);
          mark_phase_notes (self, change->old_phase);
          mark_phase_notes (self, note->phase);
        }
      break;
    case WAYMARK_CHANGE_MOVED:
    case WAYMARK_CHANGE_PROPERTIES:
    case WAYMARK_CHANGE_RELOADED:
    default:
      break;
    }
}

static void
link_changed (WaymarkChecker      *self,
              const WaymarkChange *change)
{
  WaymarkLink *link = change->item;

  switch (change->kind)
    {
    case WAYMARK_CHANGE_INSERTED:
    case WAYMARK_CHANGE_REMOVED:
      self->links_stale = TRUE;
      mark (self, link->from, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_LINKS);
      mark (self, link->to, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_LINKS);
      mark (self, link->from->phase, WAYMARK_ITEM_PHASE, WAYMARK_RULE_READS_LINKS);
      mark (self, link->to->phase, WAYMARK_ITEM_PHASE, WAYMARK_RULE_READS_LINKS);
      break;
    case WAYMARK_CHANGE_EDITED:
      /* The ends it had are gone with the edit. */
      self->links_stale = TRUE;
      mark_all (self, WAYMARK_RULE_READS_LINKS);
      break;
    case WAYMARK_CHANGE_MOVED:
    case WAYMARK_CHANGE_PROPERTIES:
    case WAYMARK_CHANGE_RELOADED:
    default:
      break;
    }
}

static void
phase_changed (WaymarkChecker      *self,
               const WaymarkChange *change)
{
  mark (self, change->item, WAYMARK_ITEM_PHASE, 0);
  if (change->kind == WAYMARK_CHANGE_EDITED)
    return;
  if (change->kind == WAYMARK_CHANGE_MOVED)
    mark_all (self, WAYMARK_RULE_READS_PREVIOUS);
  self->order_stale = TRUE;
}

static void
on_journey_changed (WaymarkJourney *journey,
                    WaymarkChange  *change,
                    WaymarkChecker *self)
{
  if (change->kind == WAYMARK_CHANGE_PROPERTIES)
    return;
  if (change->kind == WAYMARK_CHANGE_RELOADED)
    {
      mark_all (self, 0);
      self->order_stale = TRUE;
      self->links_stale = TRUE;
      return;
    }

  switch (waymark_item_get_item_type (change->item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      touchpoint_changed (self, change);
      break;
    case WAYMARK_ITEM_NOTE:
      note_changed (self, change);
      break;
    case WAYMARK_ITEM_LINK:
      link_changed (self, change);
      break;
    case WAYMARK_ITEM_PHASE:
      phase_changed (self, change);
      break;
    case WAYMARK_ITEM_CHANNEL:
      if (change->kind == WAYMARK_CHANGE_EDITED)
        mark_all (self, WAYMARK_RULE_READS_CHANNEL);
      break;
    case WAYMARK_ITEM_PERSONA:
      /* A finding names the persona that feels worst; a persona that
       * goes takes its marks off the touchpoints one by one. */
      if (change->kind == WAYMARK_CHANGE_EDITED)
        mark_all (self, WAYMARK_RULE_READS_PERSONAS);
      break;
    case WAYMARK_ITEM_LANE:
    case WAYMARK_N_ITEM_TYPES:
    default:
      /* No rule reads them: a lane's cards are removed one by one. */
      break;
    }
}

WaymarkChecker *
waymark_checker_new (WaymarkJourney *journey)
{
  WaymarkChecker *self;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_object_new (WAYMARK_TYPE_CHECKER, NULL);
  self->journey = g_object_ref (journey);
  self->changed_id = g_signal_connect (journey, "changed", G_CALLBACK (on_journey_changed), self);
  return self;
}

WaymarkJourney *
waymark_checker_get_journey (WaymarkChecker *self)
{
  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), NULL);
  return self->journey;
}

const WaymarkRuleSettings *
waymark_checker_get_settings (WaymarkChecker *self)
{
  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), NULL);
  return &self->settings;
}

void
waymark_checker_set_settings (WaymarkChecker            *self,
                              const WaymarkRuleSettings *settings)
{
  g_return_if_fail (WAYMARK_IS_CHECKER (self));
  g_return_if_fail (settings != NULL);

  if (memcmp (&self->settings, settings, sizeof *settings) == 0)
    return;
  self->settings = *settings;
  mark_all (self, 0);
}

gboolean
waymark_checker_is_pending (WaymarkChecker *self)
{
  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), FALSE);

  if (self->all_dirty != 0 || self->order_stale || self->links_stale)
    return TRUE;
  for (guint r = 0; r < self->n_rules; r++)
    if (g_hash_table_size (self->dirty[r]) > 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_in_journey (WaymarkChecker *self,
               gpointer        item)
{
  if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
    return waymark_flow_has_phase (self->flow, item);
  return waymark_flow_get_position (self->flow, item) >= 0;
}

/* Judges @item by rule @r again, moving what changed to @removed and
 * @added; @present: whether @item is in the journey; @maybe_found: FALSE
 * when the rule is known to have no finding about it. */
static void
judge_present (WaymarkChecker           *self,
               guint                     r,
               gpointer                  item,
               gboolean                  present,
               gboolean                  maybe_found,
               const WaymarkRuleContext *context,
               GPtrArray                *removed,
               GPtrArray                *added)
{
  const WaymarkRule *rule = &self->rules[r];
  WaymarkFinding *old = maybe_found ? g_hash_table_lookup (self->found[r], item) : NULL;
  WaymarkFinding *new = NULL;

  if (present && !waymark_item_is_dismissed (item, rule->id))
    new = rule->check (rule, context, item);

  if (old != NULL && new != NULL && waymark_finding_equal (old, new))
    {
      /* It says the same, perhaps about another touchpoint before it
       * with the same title and emotion: that one is the one to name
       * from now on. */
      if (old->other != new->other)
        {
          gpointer other = old->other;

          old->other = g_steal_pointer (&new->other);
          new->other = other;
        }
      waymark_finding_free (new);
      return;
    }
  if (old != NULL)
    {
      g_hash_table_steal (self->found[r], item);
      self->counts[old->severity]--;
      g_ptr_array_add (removed, old);
    }
  if (new != NULL)
    {
      g_hash_table_insert (self->found[r], new->item, new);
      self->counts[new->severity]++;
      g_ptr_array_add (added, new);
    }
}

static void
judge (WaymarkChecker           *self,
       guint                     r,
       gpointer                  item,
       const WaymarkRuleContext *context,
       GPtrArray                *removed,
       GPtrArray                *added)
{
  judge_present (self, r, item, is_in_journey (self, item), TRUE, context, removed, added);
}

/* Whether each item of @items is in the journey, looked up once for all
 * the rules that judge every one of them (a lookup in a table of every
 * touchpoint is a cache miss at 100,000). */
static guint8 *
find_present (WaymarkChecker *self,
              GPtrArray      *items)
{
  guint8 *present = g_malloc (MAX (items->len, 1));

  for (guint i = 0; i < items->len; i++)
    present[i] = is_in_journey (self, items->pdata[i]);
  return present;
}

/* Runs rule @r on every item of its subject, dropping findings about
 * items that are gone. */
static void
judge_all (WaymarkChecker           *self,
           guint                     r,
           const guint8             *present,
           const WaymarkRuleContext *context,
           GPtrArray                *removed,
           GPtrArray                *added)
{
  const WaymarkRule *rule = &self->rules[r];
  GPtrArray *items = waymark_journey_get_items (self->journey, rule->subject);
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  /* A new checker's first run: asking a growing table about every item
   * only to hear "none" costs a cache miss each. */
  gboolean maybe_found = g_hash_table_size (self->found[r]) > 0;
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->found[r]);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (!is_in_journey (self, item))
      g_ptr_array_add (gone, item);
  for (guint i = 0; i < gone->len; i++)
    judge (self, r, gone->pdata[i], context, removed, added);
  for (guint i = 0; i < items->len; i++)
    judge_present (self, r, items->pdata[i], present[i], maybe_found, context, removed, added);
}

gboolean
waymark_checker_update (WaymarkChecker *self)
{
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GPtrArray) added = NULL;
  guint8 *present[WAYMARK_N_ITEM_TYPES] = { NULL };
  WaymarkRuleContext context;
  GHashTableIter iter;
  gpointer item;

  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), FALSE);

  if (!waymark_checker_is_pending (self))
    return FALSE;

  if (self->order_stale)
    {
      waymark_flow_rebuild_order (self->flow, self->journey);
      self->order_stale = FALSE;
    }
  if (self->links_stale)
    {
      waymark_flow_rebuild_links (self->flow, self->journey);
      self->links_stale = FALSE;
    }
  /* Whatever follows a card that came, went or moved now follows
   * another one. */
  g_hash_table_iter_init (&iter, self->reordered);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    if (waymark_flow_get_position (self->flow, item) >= 0)
      mark (self, waymark_flow_get_next (self->flow, item), WAYMARK_ITEM_TOUCHPOINT, WAYMARK_RULE_READS_PREVIOUS);
  g_hash_table_remove_all (self->reordered);

  context.journey = self->journey;
  context.settings = &self->settings;
  context.flow = self->flow;
  removed = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_finding_free);
  added = g_ptr_array_new ();

  for (guint r = 0; r < self->n_rules; r++)
    {
      if (self->all_dirty & (1u << r))
        {
          WaymarkItemType subject = self->rules[r].subject;

          if (present[subject] == NULL)
            present[subject] = find_present (self, waymark_journey_get_items (self->journey, subject));
          judge_all (self, r, present[subject], &context, removed, added);
        }
      else
        {
          g_hash_table_iter_init (&iter, self->dirty[r]);
          while (g_hash_table_iter_next (&iter, &item, NULL))
            judge (self, r, item, &context, removed, added);
        }
      g_hash_table_remove_all (self->dirty[r]);
    }
  self->all_dirty = 0;
  for (guint t = 0; t < WAYMARK_N_ITEM_TYPES; t++)
    g_free (present[t]);

  if (removed->len == 0 && added->len == 0)
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, removed, added);
  return TRUE;
}

/* The place of @finding's item in the map: a phase just before its first
 * touchpoint. */
static guint
map_order_key (WaymarkChecker       *self,
               const WaymarkFinding *finding)
{
  if (waymark_item_get_item_type (finding->item) == WAYMARK_ITEM_PHASE)
    {
      guint start;
      guint end;

      waymark_flow_get_phase_range (self->flow, finding->item, &start, &end);
      return 2 * start;
    }
  return 2 * (guint) MAX (waymark_flow_get_position (self->flow, finding->item), 0) + 1;
}

typedef struct {
  WaymarkFinding *finding;
  guint key;
  int tie;    /* empty phases share a key: their order in the map */
  guint rule;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  if (x->finding->severity != y->finding->severity)
    return (int) x->finding->severity - (int) y->finding->severity;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->tie != y->tie)
    return x->tie - y->tie;
  return (int) x->rule - (int) y->rule;
}

static SortEntry
sort_entry (WaymarkChecker *self,
            WaymarkFinding *finding)
{
  SortEntry entry = { finding, map_order_key (self, finding), 0, (guint) (finding->rule - self->rules) };

  if (waymark_item_get_item_type (finding->item) == WAYMARK_ITEM_PHASE)
    entry.tie = waymark_journey_index_of (self->journey, finding->item);
  return entry;
}

int
waymark_checker_compare (WaymarkChecker       *self,
                         const WaymarkFinding *a,
                         const WaymarkFinding *b)
{
  SortEntry x, y;

  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), 0);

  x = sort_entry (self, (WaymarkFinding *) a);
  y = sort_entry (self, (WaymarkFinding *) b);
  return compare_entries (&x, &y);
}

GPtrArray *
waymark_checker_list (WaymarkChecker *self)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  GPtrArray *list;

  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), NULL);

  for (guint r = 0; r < self->n_rules; r++)
    {
      GHashTableIter iter;
      WaymarkFinding *finding;

      g_hash_table_iter_init (&iter, self->found[r]);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &finding))
        {
          SortEntry entry = sort_entry (self, finding);

          g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);

  list = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (list, g_array_index (entries, SortEntry, i).finding);
  return list;
}

guint
waymark_checker_count (WaymarkChecker  *self,
                       WaymarkSeverity  severity)
{
  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), 0);
  g_return_val_if_fail (severity < WAYMARK_N_SEVERITIES, 0);
  return self->counts[severity];
}

guint
waymark_checker_get_n_findings (WaymarkChecker *self)
{
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), 0);
  for (guint s = 0; s < WAYMARK_N_SEVERITIES; s++)
    n += self->counts[s];
  return n;
}

WaymarkFinding *
waymark_checker_get_worst (WaymarkChecker *self,
                           gconstpointer   item)
{
  WaymarkFinding *worst = NULL;

  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), NULL);

  for (guint r = 0; r < self->n_rules; r++)
    {
      WaymarkFinding *finding = g_hash_table_lookup (self->found[r], item);

      if (finding != NULL && (worst == NULL || finding->severity < worst->severity))
        worst = finding;
    }
  return worst;
}

WaymarkFinding *
waymark_checker_get_finding (WaymarkChecker    *self,
                             gconstpointer      item,
                             const WaymarkRule *rule)
{
  g_return_val_if_fail (WAYMARK_IS_CHECKER (self), NULL);
  g_return_val_if_fail (rule >= self->rules && rule < self->rules + self->n_rules, NULL);

  return g_hash_table_lookup (self->found[rule - self->rules], item);
}
