/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-csv.h"

typedef struct {
  WaymarkTouchpoint *touchpoint;
  guint phase;        /* column index */
  guint lane;         /* row index */
  guint order;        /* 1-based place in its cell */
  guint position;     /* journey order, to keep the sort stable */
} Row;

static const char *
category_name (WaymarkCategory category)
{
  switch (category)
    {
    case WAYMARK_CATEGORY_DIGITAL:  return C_("CSV value", "Digital");
    case WAYMARK_CATEGORY_PHYSICAL: return C_("CSV value", "Physical");
    case WAYMARK_CATEGORY_PERSONAL: return C_("CSV value", "Personal");
    default:                        return "";
    }
}

static const char *
initiator_name (WaymarkInitiator initiator)
{
  switch (initiator)
    {
    case WAYMARK_INITIATOR_BRAND:    return C_("CSV value", "Brand");
    case WAYMARK_INITIATOR_CUSTOMER: return C_("CSV value", "Customer");
    case WAYMARK_INITIATOR_UNSET:
    default:                         return "";
    }
}

static const char *
strength_name (WaymarkStrength strength)
{
  switch (strength)
    {
    case WAYMARK_STRENGTH_STRENGTH: return C_("CSV value", "Strength");
    case WAYMARK_STRENGTH_WEAKNESS: return C_("CSV value", "Weakness");
    case WAYMARK_STRENGTH_UNSET:
    default:                        return "";
    }
}

static const char *
priority_name (WaymarkPriority priority)
{
  switch (priority)
    {
    case WAYMARK_PRIORITY_LOW:    return C_("CSV value", "Low");
    case WAYMARK_PRIORITY_MEDIUM: return C_("CSV value", "Medium");
    case WAYMARK_PRIORITY_HIGH:   return C_("CSV value", "High");
    case WAYMARK_PRIORITY_UNSET:
    default:                      return "";
    }
}

/* Appends one field.  @is_text: a value people typed, which a spreadsheet
 * must never evaluate. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    is_text,
              gboolean    first)
{
  gboolean formula, quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || value[0] == '\0')
    return;

  formula = is_text && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
end_record (GString *out)
{
  g_string_append (out, "\r\n");
}

static char *
format_kpis (const WaymarkTouchpoint *tp)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s=%s", kpi->name, kpi->value);
      if (kpi->unit != NULL && kpi->unit[0] != '\0')
        g_string_append_printf (text, " %s", kpi->unit);
      if (kpi->target != NULL && kpi->target[0] != '\0')
        /* TRANSLATORS: after a KPI in a CSV cell: "Conversion rate=0.031 ratio (target 0.05)" */
        g_string_append_printf (text, _(" (target %s)"), kpi->target);
    }

  return g_string_free (text, FALSE);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;

  if (x->phase != y->phase)
    return x->phase < y->phase ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

/* Item → its index among the journey's items of @type. */
static GHashTable *
index_items (WaymarkJourney  *journey,
             WaymarkItemType  type)
{
  GHashTable *indices = g_hash_table_new (NULL, NULL);
  GPtrArray *items = waymark_journey_get_items (journey, type);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (indices, g_ptr_array_index (items, i), GUINT_TO_POINTER (i));

  return indices;
}

/* Touchpoint → GString of the ids it links to, "; "-separated, in the
 * journey's link order. */
static GHashTable *
collect_links (WaymarkJourney *journey)
{
  GHashTable *links = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  GPtrArray *items = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);

  for (guint i = 0; i < items->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (items, i);
      GPtrArray *targets = g_hash_table_lookup (links, link->from);

      if (targets == NULL)
        {
          targets = g_ptr_array_new ();
          g_hash_table_insert (links, link->from, targets);
        }
      g_ptr_array_add (targets, (gpointer) waymark_item_get_id (link->to));
    }

  return links;
}

static void
append_header (GString *out)
{
  const char *columns[] = {
    C_("CSV column", "ID"),
    C_("CSV column", "Phase"),
    C_("CSV column", "Lane"),
    C_("CSV column", "Order in cell"),
    C_("CSV column", "Title"),
    C_("CSV column", "Description"),
    C_("CSV column", "Quote"),
    C_("CSV column", "Idea"),
    C_("CSV column", "Channel"),
    C_("CSV column", "Channel category"),
    C_("CSV column", "Initiator"),
    C_("CSV column", "Emotion score"),
    C_("CSV column", "Emotion note"),
    C_("CSV column", "Owner"),
    C_("CSV column", "Strength or weakness"),
    C_("CSV column", "Priority"),
    C_("CSV column", "Moment of truth"),
    C_("CSV column", "KPIs"),
    C_("CSV column", "Links to"),
    C_("CSV column", "Votes"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], FALSE, i == 0);
  end_record (out);
}

static void
append_row (GString    *out,
            const Row  *row,
            GHashTable *links)
{
  WaymarkTouchpoint *tp = row->touchpoint;
  GPtrArray *targets = g_hash_table_lookup (links, tp);
  g_autofree char *order = g_strdup_printf ("%u", row->order);
  g_autofree char *score = tp->has_emotion ? g_strdup_printf ("%d", tp->emotion) : NULL;
  g_autofree char *kpis = format_kpis (tp);
  g_autofree char *linked = NULL;
  g_autofree char *votes = g_strdup_printf ("%u", tp->votes);

  if (targets != NULL)
    {
      g_ptr_array_add (targets, NULL);
      linked = g_strjoinv ("; ", (char **) targets->pdata);
      g_ptr_array_remove_index (targets, targets->len - 1);
    }

  append_field (out, waymark_item_get_id (tp), FALSE, TRUE);
  append_field (out, tp->phase->name, TRUE, FALSE);
  append_field (out, tp->lane->name, TRUE, FALSE);
  append_field (out, order, FALSE, FALSE);
  append_field (out, tp->title, TRUE, FALSE);
  append_field (out, tp->description, TRUE, FALSE);
  append_field (out, tp->quote, TRUE, FALSE);
  append_field (out, tp->idea, TRUE, FALSE);
  append_field (out, tp->channel ? tp->channel->name : NULL, TRUE, FALSE);
  append_field (out, tp->channel ? category_name (tp->channel->category) : NULL, FALSE, FALSE);
  append_field (out, initiator_name (tp->initiator), FALSE, FALSE);
  append_field (out, score, FALSE, FALSE);
  append_field (out, tp->emotion_note, TRUE, FALSE);
  append_field (out, tp->owner, TRUE, FALSE);
  append_field (out, strength_name (tp->strength), FALSE, FALSE);
  append_field (out, priority_name (tp->priority), FALSE, FALSE);
  append_field (out, tp->moment_of_truth ? C_("CSV value", "Yes") : NULL, FALSE, FALSE);
  append_field (out, kpis, TRUE, FALSE);
  append_field (out, linked, FALSE, FALSE);
  append_field (out, votes, FALSE, FALSE);
  end_record (out);
}

GBytes *
waymark_csv_write (WaymarkJourney *journey)
{
  g_autoptr(GHashTable) phases = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(GHashTable) cell_counts = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  GPtrArray *touchpoints;
  GString *out;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  phases = index_items (journey, WAYMARK_ITEM_PHASE);
  lanes = index_items (journey, WAYMARK_ITEM_LANE);
  links = collect_links (journey);
  cell_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  /* A card's order in its cell is its order among the journey's
   * touchpoints of that cell (docs/FORMAT.md). */
  g_array_set_size (rows, touchpoints->len);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gint64 *key;
      gpointer count;

      row->touchpoint = g_ptr_array_index (touchpoints, i);
      row->phase = GPOINTER_TO_UINT (g_hash_table_lookup (phases, row->touchpoint->phase));
      row->lane = GPOINTER_TO_UINT (g_hash_table_lookup (lanes, row->touchpoint->lane));
      row->position = i;

      key = g_new (gint64, 1);
      *key = ((gint64) row->phase << 32) | row->lane;
      count = g_hash_table_lookup (cell_counts, key);
      row->order = GPOINTER_TO_UINT (count) + 1;
      g_hash_table_replace (cell_counts, key, GUINT_TO_POINTER (row->order));
    }
  g_array_sort (rows, compare_rows);

  out = g_string_new ("\xEF\xBB\xBF");
  append_header (out);
  for (guint i = 0; i < rows->len; i++)
    append_row (out, &g_array_index (rows, Row, i), links);

  return g_string_free_to_bytes (out);
}
