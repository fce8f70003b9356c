/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-csv.h"
#include "waymark-csv-format.h"

/* A touchpoint or a note, where it sits on the map. */
typedef struct {
  WaymarkTouchpoint *touchpoint;   /* one of the two */
  WaymarkNote *note;
  guint phase;        /* column index */
  guint lane;         /* row index */
  guint order;        /* 1-based place in its cell */
  guint position;     /* order among the journey's items of its type, to keep the sort stable */
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

/* How a field is written. */
typedef enum {
  FIELD_TEXT,     /* typed by people: a spreadsheet must never run it as a formula */
  FIELD_NAME,     /* a column's name or a value of the export's own */
  FIELD_NUMBER,   /* written with the table's decimal mark */
} FieldKind;

typedef struct {
  GString *out;
  WaymarkCsvDelimiter delimiter;
  char separator;       /* ',' or ';' */
  gboolean first;       /* no field yet in this record */
} Writer;

/* Appends one field.  Text and names are quoted when they hold either
 * delimiter, so that the header tells the delimiter beyond doubt and a
 * table opened with the other one still keeps its columns; numbers hold
 * no delimiter of the table (waymark_csv_format_number()). */
static void
append_field (Writer     *writer,
              const char *value,
              FieldKind   kind)
{
  GString *out = writer->out;
  gboolean formula, quote;

  if (!writer->first)
    g_string_append_c (out, writer->separator);
  writer->first = FALSE;
  if (value == NULL || value[0] == '\0')
    return;

  formula = kind == FIELD_TEXT && strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, kind == FIELD_NUMBER ? "\"\r\n" : ",;\"\r\n") != NULL ||
          strchr (value, writer->separator) != NULL;

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
append_number (Writer     *writer,
               const char *number)
{
  g_autofree char *text = number != NULL ? waymark_csv_format_number (number, writer->delimiter) : NULL;

  append_field (writer, text, FIELD_NUMBER);
}

static void
end_record (Writer *writer)
{
  g_string_append (writer->out, "\r\n");
  writer->first = TRUE;
}

/* ---- KPI columns ---- */

/* The KPIs of one name and unit: a column of values and, when any of
 * them has one, a column of targets.  A touchpoint with two KPIs of the
 * same name and unit puts the second in the second such column. */
typedef struct {
  const char *name;
  const char *unit;       /* NULL for none */
  guint occurrence;       /* 0: the first KPI of this name and unit on a touchpoint */
  gboolean has_target;
} KpiColumn;

static const char *
unit_or_null (const WaymarkKpi *kpi)
{
  return kpi->unit != NULL && kpi->unit[0] != '\0' ? kpi->unit : NULL;
}

/* The @occurrence-th KPI of @tp with @name and @unit, or NULL. */
static const WaymarkKpi *
find_kpi (const WaymarkTouchpoint *tp,
          const char              *name,
          const char              *unit,
          guint                    occurrence)
{
  for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
    {
      const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);

      if (strcmp (kpi->name, name) == 0 && g_strcmp0 (unit_or_null (kpi), unit) == 0 && occurrence-- == 0)
        return kpi;
    }
  return NULL;
}

/* The KPI columns in order of first appearance in @rows. */
static GArray *
collect_kpi_columns (GArray *rows)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (KpiColumn));

  for (guint r = 0; r < rows->len; r++)
    {
      WaymarkTouchpoint *tp = g_array_index (rows, Row, r).touchpoint;

      for (guint i = 0; tp != NULL && i < waymark_touchpoint_get_n_kpis (tp); i++)
        {
          const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);
          guint occurrence = 0, c;

          for (guint j = 0; j < i; j++)
            {
              const WaymarkKpi *earlier = g_ptr_array_index (tp->kpis, j);

              occurrence += strcmp (earlier->name, kpi->name) == 0 &&
                            g_strcmp0 (unit_or_null (earlier), unit_or_null (kpi)) == 0;
            }
          for (c = 0; c < columns->len; c++)
            {
              KpiColumn *column = &g_array_index (columns, KpiColumn, c);

              if (strcmp (column->name, kpi->name) == 0 && g_strcmp0 (column->unit, unit_or_null (kpi)) == 0 &&
                  column->occurrence == occurrence)
                break;
            }
          if (c == columns->len)
            {
              KpiColumn column = { kpi->name, unit_or_null (kpi), occurrence, FALSE };

              g_array_append_val (columns, column);
            }
          if (kpi->target != NULL && kpi->target[0] != '\0')
            g_array_index (columns, KpiColumn, c).has_target = TRUE;
        }
    }
  return columns;
}

/* ---- Rows ---- */

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

/* Touchpoint → GPtrArray of the touchpoints it links to, in the
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
      g_ptr_array_add (targets, link->to);
    }

  return links;
}

static void
append_header (Writer *writer,
               GArray *kpi_columns)
{
  const char *columns[] = {
    C_("CSV column", "ID"),
    C_("CSV column", "Type"),
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
    C_("CSV column", "Links to"),
    C_("CSV column", "Links to (titles)"),
    C_("CSV column", "Votes"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (writer, columns[i], FIELD_NAME);
  for (guint c = 0; c < kpi_columns->len; c++)
    {
      const KpiColumn *column = &g_array_index (kpi_columns, KpiColumn, c);
      g_autofree char *value = waymark_csv_kpi_column_name (column->name, column->unit, FALSE);
      g_autofree char *target = column->has_target ? waymark_csv_kpi_column_name (column->name, column->unit, TRUE) : NULL;

      append_field (writer, value, FIELD_TEXT);
      if (target != NULL)
        append_field (writer, target, FIELD_TEXT);
    }
  end_record (writer);
}

/* The ids and the titles of @targets: "tp-…; tp-…" and one title a line. */
static void
join_links (GPtrArray  *targets,
            char      **ids,
            char      **titles)
{
  GString *id_text = g_string_new (NULL);
  GString *title_text = g_string_new (NULL);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      WaymarkTouchpoint *to = g_ptr_array_index (targets, i);

      if (id_text->len > 0)
        g_string_append (id_text, "; ");
      g_string_append (id_text, waymark_item_get_id (to));
      if (to->title != NULL && to->title[0] != '\0')
        {
          if (title_text->len > 0)
            g_string_append_c (title_text, '\n');
          g_string_append (title_text, to->title);
        }
    }
  *ids = g_string_free (id_text, FALSE);
  *titles = g_string_free (title_text, FALSE);
}

static void
append_touchpoint (Writer     *writer,
                   const Row  *row,
                   GHashTable *links,
                   GArray     *kpi_columns)
{
  WaymarkTouchpoint *tp = row->touchpoint;
  g_autofree char *order = g_strdup_printf ("%u", row->order);
  g_autofree char *score = tp->has_emotion ? g_strdup_printf ("%d", tp->emotion) : NULL;
  g_autofree char *linked = NULL;
  g_autofree char *linked_titles = NULL;
  g_autofree char *votes = g_strdup_printf ("%u", tp->votes);

  join_links (g_hash_table_lookup (links, tp), &linked, &linked_titles);

  append_field (writer, waymark_item_get_id (tp), FIELD_NAME);
  append_field (writer, C_("CSV value", "Touchpoint"), FIELD_NAME);
  append_field (writer, tp->phase->name, FIELD_TEXT);
  append_field (writer, tp->lane->name, FIELD_TEXT);
  append_field (writer, order, FIELD_NUMBER);
  append_field (writer, tp->title, FIELD_TEXT);
  append_field (writer, tp->description, FIELD_TEXT);
  append_field (writer, tp->quote, FIELD_TEXT);
  append_field (writer, tp->idea, FIELD_TEXT);
  append_field (writer, tp->channel ? tp->channel->name : NULL, FIELD_TEXT);
  append_field (writer, tp->channel ? category_name (tp->channel->category) : NULL, FIELD_NAME);
  append_field (writer, initiator_name (tp->initiator), FIELD_NAME);
  append_field (writer, score, FIELD_NUMBER);
  append_field (writer, tp->emotion_note, FIELD_TEXT);
  append_field (writer, tp->owner, FIELD_TEXT);
  append_field (writer, strength_name (tp->strength), FIELD_NAME);
  append_field (writer, priority_name (tp->priority), FIELD_NAME);
  append_field (writer, tp->moment_of_truth ? C_("CSV value", "Yes") : NULL, FIELD_NAME);
  append_field (writer, linked, FIELD_NAME);
  append_field (writer, linked_titles, FIELD_TEXT);
  append_field (writer, votes, FIELD_NUMBER);
  for (guint c = 0; c < kpi_columns->len; c++)
    {
      const KpiColumn *column = &g_array_index (kpi_columns, KpiColumn, c);
      const WaymarkKpi *kpi = find_kpi (tp, column->name, column->unit, column->occurrence);

      append_number (writer, kpi != NULL ? kpi->value : NULL);
      if (column->has_target)
        append_number (writer, kpi != NULL ? kpi->target : NULL);
    }
  end_record (writer);
}

/* A note: its text in "Title", its votes; the touchpoints' columns empty. */
static void
append_note (Writer    *writer,
             const Row *row,
             GArray    *kpi_columns)
{
  WaymarkNote *note = row->note;
  g_autofree char *order = g_strdup_printf ("%u", row->order);
  g_autofree char *votes = g_strdup_printf ("%u", note->votes);

  append_field (writer, waymark_item_get_id (note), FIELD_NAME);
  append_field (writer, C_("CSV value", "Note"), FIELD_NAME);
  append_field (writer, note->phase->name, FIELD_TEXT);
  append_field (writer, note->lane->name, FIELD_TEXT);
  append_field (writer, order, FIELD_NUMBER);
  append_field (writer, note->text, FIELD_TEXT);
  /* Description … Links to (titles) */
  for (guint i = 0; i < 14; i++)
    append_field (writer, NULL, FIELD_NAME);
  append_field (writer, votes, FIELD_NUMBER);
  for (guint c = 0; c < kpi_columns->len; c++)
    {
      append_field (writer, NULL, FIELD_NUMBER);
      if (g_array_index (kpi_columns, KpiColumn, c).has_target)
        append_field (writer, NULL, FIELD_NUMBER);
    }
  end_record (writer);
}

/* Rows for the items of @type, with their cell and their order in it: a
 * card's order in its cell is its order among the journey's items of
 * that cell (docs/FORMAT.md). */
static void
add_rows (GArray          *rows,
          WaymarkJourney  *journey,
          WaymarkItemType  type,
          GHashTable      *phases,
          GHashTable      *lanes)
{
  g_autoptr(GHashTable) cell_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *items = waymark_journey_get_items (journey, type);

  for (guint i = 0; i < items->len; i++)
    {
      Row row = { NULL, NULL, 0, 0, 0, i };
      WaymarkPhase *phase;
      WaymarkLane *lane;
      gint64 *key;

      if (type == WAYMARK_ITEM_NOTE)
        {
          row.note = g_ptr_array_index (items, i);
          phase = row.note->phase;
          lane = row.note->lane;
        }
      else
        {
          row.touchpoint = g_ptr_array_index (items, i);
          phase = row.touchpoint->phase;
          lane = row.touchpoint->lane;
        }
      row.phase = GPOINTER_TO_UINT (g_hash_table_lookup (phases, phase));
      row.lane = GPOINTER_TO_UINT (g_hash_table_lookup (lanes, lane));

      key = g_new (gint64, 1);
      *key = ((gint64) row.phase << 32) | row.lane;
      row.order = GPOINTER_TO_UINT (g_hash_table_lookup (cell_counts, key)) + 1;
      g_hash_table_replace (cell_counts, key, GUINT_TO_POINTER (row.order));
      g_array_append_val (rows, row);
    }
}

GBytes *
waymark_csv_write (WaymarkJourney      *journey,
                   WaymarkCsvDelimiter  delimiter)
{
  g_autoptr(GHashTable) phases = NULL;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GHashTable) links = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GArray) kpi_columns = NULL;
  Writer writer = { NULL, delimiter, waymark_csv_delimiter_get_char (delimiter), TRUE };

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  phases = index_items (journey, WAYMARK_ITEM_PHASE);
  lanes = index_items (journey, WAYMARK_ITEM_LANE);
  links = collect_links (journey);
  add_rows (rows, journey, WAYMARK_ITEM_TOUCHPOINT, phases, lanes);
  add_rows (rows, journey, WAYMARK_ITEM_NOTE, phases, lanes);
  /* A lane holds touchpoints or notes, never both: rows of one cell are
   * of one type, and the sort by position stays within it. */
  g_array_sort (rows, compare_rows);
  kpi_columns = collect_kpi_columns (rows);

  writer.out = g_string_new ("\xEF\xBB\xBF");
  append_header (&writer, kpi_columns);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);

      if (row->note != NULL)
        append_note (&writer, row, kpi_columns);
      else
        append_touchpoint (&writer, row, links, kpi_columns);
    }

  return g_string_free_to_bytes (writer.out);
}
