/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <stdlib.h>

#include "waymark-flow.h"

typedef struct {
  guint start;
  guint end;
  guint n_notes;
} PhaseEntry;

/* The two ends of a link, the lower address first: a link from a to b
 * and one from b to a are the same pair. */
typedef struct {
  gconstpointer low;
  gconstpointer high;
} LinkPair;

struct _WaymarkFlow {
  GPtrArray *order;        /* WaymarkTouchpoint, borrowed */
  GHashTable *position;    /* touchpoint → index in order + 1 */
  GHashTable *phases;      /* phase → PhaseEntry */
  GArray *pairs;           /* LinkPair of every link, sorted: one block, not a list per touchpoint */
  GHashTable *inner_links; /* phase → links inside it */
};

WaymarkFlow *
waymark_flow_new (void)
{
  WaymarkFlow *flow = g_new0 (WaymarkFlow, 1);

  flow->order = g_ptr_array_new ();
  flow->position = g_hash_table_new (NULL, NULL);
  flow->phases = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  flow->pairs = g_array_new (FALSE, FALSE, sizeof (LinkPair));
  flow->inner_links = g_hash_table_new (NULL, NULL);
  return flow;
}

void
waymark_flow_free (WaymarkFlow *flow)
{
  if (flow == NULL)
    return;
  g_ptr_array_unref (flow->order);
  g_hash_table_unref (flow->position);
  g_hash_table_unref (flow->phases);
  g_array_unref (flow->pairs);
  g_hash_table_unref (flow->inner_links);
  g_free (flow);
}

static PhaseEntry *
lookup_phase (WaymarkFlow  *flow,
              WaymarkPhase *phase)
{
  return g_hash_table_lookup (flow->phases, phase);
}

/* A counting sort by phase: the touchpoints of a phase keep their
 * relative order in the map, in O(touchpoints + phases). */
void
waymark_flow_rebuild_order (WaymarkFlow    *flow,
                            WaymarkJourney *journey)
{
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  GPtrArray *touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  GPtrArray *notes = waymark_journey_get_items (journey, WAYMARK_ITEM_NOTE);
  guint next = 0;

  g_hash_table_remove_all (flow->phases);
  for (guint i = 0; i < phases->len; i++)
    g_hash_table_insert (flow->phases, phases->pdata[i], g_new0 (PhaseEntry, 1));

  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = touchpoints->pdata[i];
      PhaseEntry *entry = lookup_phase (flow, tp->phase);

      if (entry != NULL)
        entry->end++;
    }
  for (guint i = 0; i < phases->len; i++)
    {
      PhaseEntry *entry = lookup_phase (flow, phases->pdata[i]);
      guint count = entry->end;

      entry->start = entry->end = next;
      next += count;
    }

  g_ptr_array_set_size (flow->order, next);
  g_hash_table_remove_all (flow->position);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      WaymarkTouchpoint *tp = touchpoints->pdata[i];
      PhaseEntry *entry = lookup_phase (flow, tp->phase);

      if (entry == NULL)
        continue;
      flow->order->pdata[entry->end] = tp;
      g_hash_table_insert (flow->position, tp, GUINT_TO_POINTER (entry->end + 1));
      entry->end++;
    }

  for (guint i = 0; i < notes->len; i++)
    {
      WaymarkNote *note = notes->pdata[i];
      PhaseEntry *entry = lookup_phase (flow, note->phase);

      if (entry != NULL)
        entry->n_notes++;
    }
}

static LinkPair
link_pair (gconstpointer a,
           gconstpointer b)
{
  if ((guintptr) a <= (guintptr) b)
    return (LinkPair) { a, b };
  return (LinkPair) { b, a };
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const LinkPair *x = a;
  const LinkPair *y = b;

  if (x->low != y->low)
    return (guintptr) x->low < (guintptr) y->low ? -1 : 1;
  if (x->high != y->high)
    return (guintptr) x->high < (guintptr) y->high ? -1 : 1;
  return 0;
}

void
waymark_flow_rebuild_links (WaymarkFlow    *flow,
                            WaymarkJourney *journey)
{
  GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);

  g_array_set_size (flow->pairs, links->len);
  g_hash_table_remove_all (flow->inner_links);

  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = links->pdata[i];

      g_array_index (flow->pairs, LinkPair, i) = link_pair (link->from, link->to);
      if (link->from->phase == link->to->phase && link->from != link->to)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (flow->inner_links, link->from->phase));

          g_hash_table_insert (flow->inner_links, link->from->phase, GUINT_TO_POINTER (n + 1));
        }
    }
  /* Sorted once, every question is a binary search. */
  g_array_sort (flow->pairs, compare_pairs);
}

GPtrArray *
waymark_flow_get_order (WaymarkFlow *flow)
{
  return flow->order;
}

static guint
position_of (WaymarkFlow       *flow,
             WaymarkTouchpoint *tp)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (flow->position, tp));
}

WaymarkTouchpoint *
waymark_flow_get_previous (WaymarkFlow       *flow,
                           WaymarkTouchpoint *tp)
{
  guint position = position_of (flow, tp);

  if (position <= 1)
    return NULL;
  return flow->order->pdata[position - 2];
}

WaymarkTouchpoint *
waymark_flow_get_next (WaymarkFlow       *flow,
                       WaymarkTouchpoint *tp)
{
  guint position = position_of (flow, tp);

  if (position == 0 || position >= flow->order->len)
    return NULL;
  return flow->order->pdata[position];
}

int
waymark_flow_get_position (WaymarkFlow       *flow,
                           WaymarkTouchpoint *tp)
{
  return (int) position_of (flow, tp) - 1;
}

gboolean
waymark_flow_has_phase (WaymarkFlow  *flow,
                        WaymarkPhase *phase)
{
  return lookup_phase (flow, phase) != NULL;
}

void
waymark_flow_add_notes (WaymarkFlow  *flow,
                        WaymarkPhase *phase,
                        int           delta)
{
  PhaseEntry *entry = lookup_phase (flow, phase);

  if (entry != NULL && (delta > 0 || entry->n_notes >= (guint) -delta))
    entry->n_notes += delta;
}

void
waymark_flow_get_phase_range (WaymarkFlow  *flow,
                              WaymarkPhase *phase,
                              guint        *start,
                              guint        *end)
{
  PhaseEntry *entry = lookup_phase (flow, phase);

  *start = entry != NULL ? entry->start : 0;
  *end = entry != NULL ? entry->end : 0;
}

guint
waymark_flow_count_notes (WaymarkFlow  *flow,
                          WaymarkPhase *phase)
{
  PhaseEntry *entry = lookup_phase (flow, phase);

  return entry != NULL ? entry->n_notes : 0;
}

gboolean
waymark_flow_are_linked (WaymarkFlow       *flow,
                         WaymarkTouchpoint *a,
                         WaymarkTouchpoint *b)
{
  LinkPair pair = link_pair (a, b);

  return flow->pairs->len > 0 &&
         bsearch (&pair, flow->pairs->data, flow->pairs->len, sizeof (LinkPair), compare_pairs) != NULL;
}

guint
waymark_flow_count_inner_links (WaymarkFlow  *flow,
                                WaymarkPhase *phase)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (flow->inner_links, phase));
}
