/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-csv-format.h"
#include "waymark-csv-reader.h"
#include "waymark-error.h"
#include "waymark-id.h"
#include "waymark-votes.h"

/* The columns of the CSV export (app/render/waymark-csv.c), by the names
 * it writes; the same msgctxt and msgid, so the same translation. */
typedef enum {
  COL_ID,
  COL_TYPE,
  COL_PHASE,
  COL_LANE,
  COL_ORDER,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_QUOTE,
  COL_IDEA,
  COL_CHANNEL,
  COL_CATEGORY,
  COL_INITIATOR,
  COL_SCORE,
  COL_NOTE,
  COL_OWNER,
  COL_STRENGTH,
  COL_PRIORITY,
  COL_MOMENT,
  COL_KPIS,        /* "name=value unit (target T); …", as the export wrote KPIs before their own columns */
  COL_LINKS,
  COL_LINK_TITLES,
  COL_VOTES,
  N_COLUMNS
} Column;

static const char *const column_names[N_COLUMNS] = {
  NC_("CSV column", "ID"),
  NC_("CSV column", "Type"),
  NC_("CSV column", "Phase"),
  NC_("CSV column", "Lane"),
  NC_("CSV column", "Order in cell"),
  NC_("CSV column", "Title"),
  NC_("CSV column", "Description"),
  NC_("CSV column", "Quote"),
  NC_("CSV column", "Idea"),
  NC_("CSV column", "Channel"),
  NC_("CSV column", "Channel category"),
  NC_("CSV column", "Initiator"),
  NC_("CSV column", "Emotion score"),
  NC_("CSV column", "Emotion note"),
  NC_("CSV column", "Owner"),
  NC_("CSV column", "Strength or weakness"),
  NC_("CSV column", "Priority"),
  NC_("CSV column", "Moment of truth"),
  NC_("CSV column", "KPIs"),
  NC_("CSV column", "Links to"),
  NC_("CSV column", "Links to (titles)"),
  NC_("CSV column", "Votes"),
};

/* A value of an enumerated column, as the export writes it. */
typedef struct {
  const char *name;   /* msgid of context "CSV value" */
  int value;
} Choice;

static const Choice categories[] = {
  { NC_("CSV value", "Digital"), WAYMARK_CATEGORY_DIGITAL },
  { NC_("CSV value", "Physical"), WAYMARK_CATEGORY_PHYSICAL },
  { NC_("CSV value", "Personal"), WAYMARK_CATEGORY_PERSONAL },
  { NULL, 0 }
};

static const Choice initiators[] = {
  { NC_("CSV value", "Brand"), WAYMARK_INITIATOR_BRAND },
  { NC_("CSV value", "Customer"), WAYMARK_INITIATOR_CUSTOMER },
  { NULL, 0 }
};

static const Choice strengths[] = {
  { NC_("CSV value", "Strength"), WAYMARK_STRENGTH_STRENGTH },
  { NC_("CSV value", "Weakness"), WAYMARK_STRENGTH_WEAKNESS },
  { NULL, 0 }
};

static const Choice priorities[] = {
  { NC_("CSV value", "Low"), WAYMARK_PRIORITY_LOW },
  { NC_("CSV value", "Medium"), WAYMARK_PRIORITY_MEDIUM },
  { NC_("CSV value", "High"), WAYMARK_PRIORITY_HIGH },
  { NULL, 0 }
};

static const Choice types[] = {
  { NC_("CSV value", "Touchpoint"), WAYMARK_ITEM_TOUCHPOINT },
  { NC_("CSV value", "Note"), WAYMARK_ITEM_NOTE },
  { NULL, 0 }
};

static const Choice yes_no[] = {
  { NC_("CSV value", "Yes"), TRUE },
  { NC_("CSV value", "No"), FALSE },
  { NULL, 0 }
};

/* One record of the table: its fields and the line it starts on. */
typedef struct {
  guint line;
  GPtrArray *fields;   /* char * */
} Record;

typedef struct {
  const char *name;
  GString *errors;
  guint n_errors;
} Reader;

static void
record_clear (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->fields);
}

static void G_GNUC_PRINTF (3, 4)
report (Reader     *reader,
        guint       line,
        const char *format,
        ...)
{
  va_list args;

  if (reader->n_errors++ >= WAYMARK_CSV_READER_MAX_ERRORS)
    return;
  if (reader->errors->len > 0)
    g_string_append_c (reader->errors, '\n');
  g_string_append_printf (reader->errors, "%s:%u: ", reader->name, line);
  va_start (args, format);
  g_string_append_vprintf (reader->errors, format, args);
  va_end (args);
}

/* ---- Splitting into records (RFC 4180) ---- */

/* The delimiter is the one of comma and semicolon that occurs more often
 * outside quotes in the header line. */
static char
guess_delimiter (const char *p,
                 const char *end)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
split_records (Reader     *reader,
               const char *p,
               const char *end,
               char        delimiter,
               GArray     *records)
{
  guint line = 1;

  while (p < end)
    {
      Record record = { line, g_ptr_array_new_with_free_func (g_free) };
      gboolean end_of_record = FALSE;

      while (!end_of_record)
        {
          GString *field = g_string_new (NULL);

          if (p < end && *p == '"')
            {
              guint quote_line = line;

              for (p++;; p++)
                {
                  if (p >= end)
                    {
                      report (reader, quote_line, _("a quoted field is not closed"));
                      g_string_free (field, TRUE);
                      record_clear (&record);
                      return FALSE;
                    }
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    p++;
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p);
                }
              /* Text after the closing quote belongs to the field, as
               * spreadsheets read it. */
            }
          while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
          g_ptr_array_add (record.fields, g_string_free (field, FALSE));
          if (p >= end)
            end_of_record = TRUE;
          else if (*p == delimiter)
            p++;
          else
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
              end_of_record = TRUE;
            }
        }
      g_array_append_val (records, record);
    }
  return TRUE;
}

/* ---- Values ---- */

/* @text is @msgid in English or in the user's language, in any case. */
static gboolean
matches (const char *text,
         const char *context,
         const char *msgid)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *english = g_utf8_casefold (msgid, -1);
  g_autofree char *translated = g_utf8_casefold (g_dpgettext2 (GETTEXT_PACKAGE, context, msgid), -1);

  return strcmp (folded, english) == 0 || strcmp (folded, translated) == 0;
}

static gboolean
parse_choice (const Choice *choices,
              const char   *text,
              int          *value)
{
  for (guint i = 0; choices[i].name != NULL; i++)
    if (matches (text, "CSV value", choices[i].name))
      {
        *value = choices[i].value;
        return TRUE;
      }
  return FALSE;
}

/* "Brand, Customer" in the user's language, for messages. */
static char *
list_choices (const Choice *choices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; choices[i].name != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_dpgettext2 (GETTEXT_PACKAGE, "CSV value", choices[i].name));
    }
  return g_string_free (text, FALSE);
}

/* The export puts an apostrophe before a text a spreadsheet would run as
 * a formula; it is not part of the text. */
static const char *
unescape_formula (const char *text)
{
  if (text[0] == '\'' && text[1] != '\0' && strchr ("=+-@\t\r", text[1]) != NULL)
    return text + 1;
  return text;
}

static char *
text_or_null (const char *text)
{
  return text[0] == '\0' ? NULL : g_strdup (unescape_formula (text));
}

/* "name=value unit (target T)" (the target in the export's language). */
static WaymarkKpi *
parse_kpi (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autofree char *target = NULL;
  const char *patterns[] = { " (target %s)", _(" (target %s)") };
  char *equals, *value, *unit;

  for (guint i = 0; i < G_N_ELEMENTS (patterns) && target == NULL; i++)
    {
      const char *arg = strstr (patterns[i], "%s");
      g_autofree char *prefix = g_strndup (patterns[i] + 1, arg - patterns[i] - 1);
      const char *suffix = arg + 2;
      char *start = g_strrstr (copy, prefix);

      if (start != NULL && g_str_has_suffix (copy, suffix) && start + strlen (prefix) <= copy + strlen (copy) - strlen (suffix))
        {
          target = g_strndup (start + strlen (prefix), strlen (start + strlen (prefix)) - strlen (suffix));
          *start = '\0';
          g_strstrip (copy);
        }
    }

  equals = strchr (copy, '=');
  if (equals == NULL)
    return NULL;
  *equals = '\0';
  value = g_strstrip (equals + 1);
  unit = strchr (value, ' ');
  if (unit != NULL)
    {
      *unit++ = '\0';
      unit = g_strstrip (unit);
    }
  g_strstrip (copy);
  if (copy[0] == '\0' || !waymark_kpi_number_is_valid (value) ||
      (target != NULL && !waymark_kpi_number_is_valid (target)))
    return NULL;
  return waymark_kpi_new (unescape_formula (copy), value, unit != NULL && unit[0] != '\0' ? unit : NULL, target);
}

/* ---- Rows ---- */

typedef struct {
  guint line;
  guint phase;      /* index into the phase names */
  guint lane;
  guint order;      /* "Order in cell", G_MAXUINT when empty */
  guint position;   /* the row's place in the table */
  WaymarkTouchpoint *touchpoint;   /* one of the two */
  WaymarkNote *note;
  char **links;     /* ids */
  char *link_titles;
  GPtrArray *targets;   /* WaymarkTouchpoint *, once the links are checked */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->touchpoint, waymark_item_unref);
  g_clear_pointer (&row->note, waymark_item_unref);
  g_strfreev (row->links);
  g_free (row->link_titles);
  g_clear_pointer (&row->targets, g_ptr_array_unref);
}

/* A column of KPI values ("KPI: Waiting time (min)") and the column of
 * their targets, when there is one. */
typedef struct {
  int field;
  int target_field;   /* -1 when none */
  char *name;
  char *unit;         /* NULL for none */
} KpiColumn;

static void
kpi_column_clear (gpointer data)
{
  KpiColumn *column = data;

  g_free (column->name);
  g_free (column->unit);
}

typedef struct {
  Reader *reader;
  const Record *header;
  int columns[N_COLUMNS];      /* the field of each column, -1 when absent */
  GPtrArray *phase_names;      /* in order of first appearance */
  GPtrArray *lane_names;
  GArray *lane_kinds;          /* WaymarkLaneKind of each lane name: touchpoints or notes */
  GArray *kpi_columns;         /* KpiColumn */
  GHashTable *channels;        /* name → WaymarkChannel (category of its first row) */
  GPtrArray *channel_list;     /* the same, in order of first appearance */
  GHashTable *ids;             /* id → line */
  GArray *rows;
  gboolean has_emotion;
} Table;

static const char *
field (Table        *table,
       const Record *record,
       Column        column)
{
  int index = table->columns[column];

  if (index < 0 || (guint) index >= record->fields->len)
    return "";
  return g_ptr_array_index (record->fields, index);
}

static guint
name_index (GPtrArray  *names,
            const char *name)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, &index))
    {
      g_ptr_array_add (names, g_strdup (name));
      index = names->len - 1;
    }
  return index;
}

/* A KPI column's header: values are added to the table's KPI columns,
 * targets to @targets (paired once all columns are known). */
static gboolean
read_kpi_header (Table      *table,
                 const char *header,
                 int         index,
                 GArray     *targets)
{
  KpiColumn column = { index, -1, NULL, NULL };
  gboolean is_target;

  if (!waymark_csv_kpi_column_parse (header, &column.name, &column.unit, &is_target))
    return FALSE;
  g_array_append_val (is_target ? targets : table->kpi_columns, column);
  return TRUE;
}

/* Each target column belongs to the first column of values of the same
 * KPI that has none yet. */
static gboolean
pair_kpi_targets (Table        *table,
                  const Record *header,
                  GArray       *targets)
{
  gboolean ok = TRUE;

  for (guint t = 0; t < targets->len; t++)
    {
      const KpiColumn *target = &g_array_index (targets, KpiColumn, t);
      guint c;

      for (c = 0; c < table->kpi_columns->len; c++)
        {
          KpiColumn *column = &g_array_index (table->kpi_columns, KpiColumn, c);

          if (column->target_field < 0 && strcmp (column->name, target->name) == 0 &&
              g_strcmp0 (column->unit, target->unit) == 0)
            {
              column->target_field = target->field;
              break;
            }
        }
      if (c == table->kpi_columns->len)
        {
          report (table->reader, header->line, _("the column “%s” holds targets of a KPI that has no column of values"),
                  (const char *) g_ptr_array_index (header->fields, target->field));
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
read_header (Table        *table,
             const Record *header)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (KpiColumn));
  gboolean ok = TRUE;

  g_array_set_clear_func (targets, kpi_column_clear);

  for (guint c = 0; c < N_COLUMNS; c++)
    table->columns[c] = -1;
  for (guint i = 0; i < header->fields->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (header->fields, i)));
      guint c;

      for (c = 0; c < N_COLUMNS; c++)
        if (matches (name, "CSV column", column_names[c]))
          break;
      if (c == N_COLUMNS && read_kpi_header (table, name, i, targets))
        continue;
      if (c == N_COLUMNS)
        {
          /* TRANSLATORS: a column of a CSV table that is not one the export writes */
          report (table->reader, header->line, _("unknown column “%s”: the columns are those Waymark’s CSV export writes"),
                  name);
          ok = FALSE;
        }
      else if (table->columns[c] >= 0)
        {
          report (table->reader, header->line, _("the column “%s” appears twice"), name);
          ok = FALSE;
        }
      else
        table->columns[c] = i;
    }
  for (Column c = COL_PHASE; c <= COL_TITLE; c += COL_TITLE - COL_PHASE)
    if (table->columns[c] < 0)
      {
        report (table->reader, header->line, _("there is no column “%s”"),
                g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[c]));
        ok = FALSE;
      }
  return pair_kpi_targets (table, header, targets) && ok;
}

static gboolean
read_choice (Table        *table,
             const Record *record,
             Column        column,
             const Choice *choices,
             int          *value)
{
  const char *text = field (table, record, column);
  g_autofree char *allowed = NULL;

  if (text[0] == '\0' || parse_choice (choices, text, value))
    return TRUE;
  allowed = list_choices (choices);
  /* TRANSLATORS: "“Partner” is not a value of “Initiator”: use Brand, Customer or leave it empty" */
  report (table->reader, record->line, _("“%s” is not a value of “%s”: use %s or leave it empty"),
          text, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[column]), allowed);
  return FALSE;
}

static WaymarkChannel *
read_channel (Table        *table,
              const Record *record)
{
  const char *name = field (table, record, COL_CHANNEL);
  const char *category_text = field (table, record, COL_CATEGORY);
  int category = WAYMARK_CATEGORY_DIGITAL;
  gboolean has_category = category_text[0] != '\0';
  WaymarkChannel *channel;

  if (!read_choice (table, record, COL_CATEGORY, categories, &category))
    return NULL;
  if (name[0] == '\0')
    {
      if (has_category)
        report (table->reader, record->line, _("a channel category without a channel"));
      return NULL;
    }
  name = unescape_formula (name);
  channel = g_hash_table_lookup (table->channels, name);
  if (channel == NULL)
    {
      channel = waymark_channel_new ("ch-000000000000", category, "other", name);
      g_hash_table_insert (table->channels, g_strdup (name), channel);
      g_ptr_array_add (table->channel_list, channel);
    }
  else if (has_category && (int) channel->category != category)
    report (table->reader, record->line, _("the channel “%s” has another category in an earlier row"), name);
  return channel;
}

static const char *
field_at (const Record *record,
          int           index)
{
  if (index < 0 || (guint) index >= record->fields->len)
    return "";
  return g_ptr_array_index (record->fields, index);
}

/* A number of a KPI column, as the map holds it; NULL when the cell is
 * empty or (reported) no number. */
static char *
read_kpi_number (Table        *table,
                 const Record *record,
                 int           index,
                 gboolean     *ok)
{
  g_autofree char *text = g_strstrip (g_strdup (field_at (record, index)));
  char *number;

  if (text[0] == '\0')
    return NULL;
  number = waymark_csv_parse_number (text);
  if (number == NULL)
    {
      report (table->reader, record->line, _("“%s” in the column “%s” is not a number"),
              text, (const char *) field_at (table->header, index));
      *ok = FALSE;
    }
  return number;
}

/* The KPIs of the row's KPI columns and, in a table of the export before
 * them, of its "KPIs" column. */
static void
read_kpis (Table        *table,
           const Record *record,
           GPtrArray    *kpis)
{
  const char *legacy = field (table, record, COL_KPIS);

  for (guint c = 0; c < table->kpi_columns->len; c++)
    {
      const KpiColumn *column = &g_array_index (table->kpi_columns, KpiColumn, c);
      gboolean ok = TRUE;
      g_autofree char *value = read_kpi_number (table, record, column->field, &ok);
      g_autofree char *target = read_kpi_number (table, record, column->target_field, &ok);

      if (ok && value == NULL && target != NULL)
        report (table->reader, record->line, _("a target in the column “%s” without a value in “%s”"),
                (const char *) field_at (table->header, column->target_field),
                (const char *) field_at (table->header, column->field));
      else if (ok && value != NULL)
        g_ptr_array_add (kpis, waymark_kpi_new (column->name, value, column->unit, target));
    }

  if (legacy[0] != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (legacy, ";", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          WaymarkKpi *kpi;

          if (g_strstrip (parts[i])[0] == '\0')
            continue;
          kpi = parse_kpi (parts[i]);
          if (kpi == NULL)
            report (table->reader, record->line, _("the KPI “%s” is not “name=value unit (target value)”"), parts[i]);
          else
            g_ptr_array_add (kpis, kpi);
        }
    }
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A note has a text and votes: the touchpoints' columns stay empty. */
static void
check_note_fields (Table        *table,
                   const Record *record)
{
  static const Column touchpoint_only[] = {
    COL_DESCRIPTION, COL_QUOTE, COL_IDEA, COL_CHANNEL, COL_CATEGORY, COL_INITIATOR, COL_SCORE,
    COL_NOTE, COL_OWNER, COL_STRENGTH, COL_PRIORITY, COL_MOMENT, COL_KPIS, COL_LINKS, COL_LINK_TITLES,
  };
  g_autofree char *header = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (touchpoint_only); i++)
    if (header == NULL && !is_blank (field (table, record, touchpoint_only[i])))
      header = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[touchpoint_only[i]]));
  for (guint c = 0; c < table->kpi_columns->len && header == NULL; c++)
    {
      const KpiColumn *column = &g_array_index (table->kpi_columns, KpiColumn, c);

      if (!is_blank (field_at (record, column->field)))
        header = g_strdup (field_at (table->header, column->field));
      else if (!is_blank (field_at (record, column->target_field)))
        header = g_strdup (field_at (table->header, column->target_field));
    }
  if (header != NULL)
    report (table->reader, record->line, _("a note has only a text (in “%s”) and votes, but “%s” is filled in"),
            g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[COL_TITLE]), header);
}

/* The index of the lane named @name for items of @kind, added when new;
 * G_MAXUINT (reported) when the lane holds the other kind. */
static guint
lane_index (Table           *table,
            const Record    *record,
            const char      *name,
            WaymarkLaneKind  kind,
            gboolean         add)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (table->lane_names, name, g_str_equal, &index))
    {
      if (g_array_index (table->lane_kinds, WaymarkLaneKind, index) == kind)
        return index;
      report (table->reader, record->line,
              kind == WAYMARK_LANE_NOTES ? _("the lane “%s” holds touchpoints in an earlier row: notes need a lane of their own")
                                         : _("the lane “%s” holds notes in an earlier row: touchpoints need a lane of their own"),
              name);
      return G_MAXUINT;
    }
  if (!add)
    return 0;
  g_ptr_array_add (table->lane_names, g_strdup (name));
  g_array_append_val (table->lane_kinds, kind);
  return table->lane_names->len - 1;
}

static void
read_row (Table        *table,
          const Record *record)
{
  Reader *reader = table->reader;
  guint errors_before = reader->n_errors;
  /* Names, ids and numbers without the spaces a spreadsheet may keep. */
  g_autofree char *id = g_strstrip (g_strdup (field (table, record, COL_ID)));
  g_autofree char *phase = g_strstrip (g_strdup (unescape_formula (field (table, record, COL_PHASE))));
  g_autofree char *lane = g_strstrip (g_strdup (unescape_formula (field (table, record, COL_LANE))));
  g_autofree char *order = g_strstrip (g_strdup (field (table, record, COL_ORDER)));
  g_autofree char *score = g_strstrip (g_strdup (field (table, record, COL_SCORE)));
  g_autofree char *votes_text = g_strstrip (g_strdup (field (table, record, COL_VOTES)));
  const char *title = field (table, record, COL_TITLE);
  guint votes = 0;
  const char *links = field (table, record, COL_LINKS);
  const char *link_titles = field (table, record, COL_LINK_TITLES);
  int type = WAYMARK_ITEM_TOUCHPOINT;
  int initiator = WAYMARK_INITIATOR_UNSET, strength = WAYMARK_STRENGTH_UNSET;
  int priority = WAYMARK_PRIORITY_UNSET, moment = FALSE;
  g_autoptr(GPtrArray) parsed_kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_kpi_free);
  WaymarkChannel *channel = NULL;
  Row row = { record->line, 0, 0, G_MAXUINT, table->rows->len, NULL, NULL, NULL, NULL, NULL };
  WaymarkLaneKind lane_kind;
  WaymarkTouchpoint *tp;
  gint64 emotion = 0;

  read_choice (table, record, COL_TYPE, types, &type);
  lane_kind = type == WAYMARK_ITEM_NOTE ? WAYMARK_LANE_NOTES : WAYMARK_LANE_TOUCHPOINTS;
  if (lane[0] == '\0')
    {
      g_free (lane);
      lane = g_strdup (type == WAYMARK_ITEM_NOTE ? _("Notes") : _("Touchpoints"));
    }
  if (id[0] != '\0')
    {
      if (type == WAYMARK_ITEM_NOTE &&
          (!waymark_id_is_valid (id) || !g_str_has_prefix (id, waymark_item_type_id_prefix (WAYMARK_ITEM_NOTE))))
        report (reader, record->line, _("“%s” is not a note id (like note-0123456789ab); leave “%s” empty for a new one"),
                id, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[COL_ID]));
      else if (type != WAYMARK_ITEM_NOTE &&
               (!waymark_id_is_valid (id) ||
                !g_str_has_prefix (id, waymark_item_type_id_prefix (WAYMARK_ITEM_TOUCHPOINT))))
        report (reader, record->line, _("“%s” is not a touchpoint id (like tp-0123456789ab); leave “%s” empty for a new one"),
                id, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[COL_ID]));
      else if (g_hash_table_contains (table->ids, id))
        report (reader, record->line, _("the id “%s” is already used on line %u"),
                id, GPOINTER_TO_UINT (g_hash_table_lookup (table->ids, id)));
      else
        g_hash_table_insert (table->ids, g_strdup (id), GUINT_TO_POINTER (record->line));
    }
  if (phase[0] == '\0')
    report (reader, record->line, _("no phase: every touchpoint needs one"));
  if (order[0] != '\0')
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (order, 10, 1, G_MAXUINT - 1, &n, NULL))
        report (reader, record->line, _("“%s” is not an order in the cell (1, 2, 3, …)"), order);
      else
        row.order = n;
    }
  if (votes_text[0] != '\0' && !waymark_votes_parse (votes_text, &votes))
    report (reader, record->line, _("“%s” is not a number of votes from 0 to %d"), votes_text, WAYMARK_VOTES_MAX);
  lane_index (table, record, lane, lane_kind, FALSE);

  if (type == WAYMARK_ITEM_NOTE)
    check_note_fields (table, record);
  else
    {
      if (score[0] != '\0')
        {
          /* A spreadsheet may write +1 for 1. */
          if (!g_ascii_string_to_signed (score[0] == '+' ? score + 1 : score, 10,
                                         WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX, &emotion, NULL))
            report (reader, record->line, _("“%s” is not an emotion score from %d to %d"), score,
                    WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX);
          else
            table->has_emotion = TRUE;
        }
      read_choice (table, record, COL_INITIATOR, initiators, &initiator);
      read_choice (table, record, COL_STRENGTH, strengths, &strength);
      read_choice (table, record, COL_PRIORITY, priorities, &priority);
      read_choice (table, record, COL_MOMENT, yes_no, &moment);
      channel = read_channel (table, record);
      read_kpis (table, record, parsed_kpis);
      if (links[0] != '\0' && id[0] == '\0')
        report (reader, record->line, _("a touchpoint with links needs an id"));
    }
  if (reader->n_errors > errors_before)
    return;

  row.phase = name_index (table->phase_names, phase);
  row.lane = lane_index (table, record, lane, lane_kind, TRUE);
  if (type == WAYMARK_ITEM_NOTE)
    {
      row.note = waymark_note_new (id[0] != '\0' ? id : "note-000000000000", NULL, NULL, unescape_formula (title));
      row.note->votes = votes;
      g_array_append_val (table->rows, row);
      return;
    }

  tp = waymark_touchpoint_new (id[0] != '\0' ? id : "tp-000000000000", NULL, NULL,
                               title[0] != '\0' ? unescape_formula (title) : NULL);
  tp->description = text_or_null (field (table, record, COL_DESCRIPTION));
  tp->quote = text_or_null (field (table, record, COL_QUOTE));
  tp->idea = text_or_null (field (table, record, COL_IDEA));
  tp->emotion_note = text_or_null (field (table, record, COL_NOTE));
  tp->owner = text_or_null (field (table, record, COL_OWNER));
  tp->has_emotion = score[0] != '\0';
  tp->emotion = (int) emotion;
  tp->initiator = initiator;
  tp->strength = strength;
  tp->priority = priority;
  tp->moment_of_truth = moment;
  tp->votes = votes;
  if (channel != NULL)
    waymark_touchpoint_set_channel (tp, channel);
  for (guint i = 0; i < parsed_kpis->len; i++)
    waymark_touchpoint_add_kpi (tp, g_ptr_array_steal_index (parsed_kpis, i--));
  row.touchpoint = tp;
  if (links[0] != '\0')
    {
      row.links = g_strsplit (links, ";", -1);
      for (guint i = 0; row.links[i] != NULL; i++)
        g_strstrip (row.links[i]);
    }
  else if (link_titles[0] != '\0')
    row.link_titles = g_strdup (link_titles);
  g_array_append_val (table->rows, row);
}

static gboolean
is_empty (const Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    for (const char *p = g_ptr_array_index (record->fields, i); *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;
  return TRUE;
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
  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

static void
add_new (WaymarkJourney  *journey,
         gpointer         item,
         WaymarkItemType  type)
{
  WaymarkItem *it = item;

  g_free (it->id);
  it->id = waymark_journey_new_id (journey, type);
  _waymark_journey_append_new (journey, item);
  waymark_item_unref (item);
}

/* Builds the map from rows that are all valid. */
static WaymarkJourney *
build_journey (Table      *table,
               const char *title)
{
  WaymarkJourney *journey = waymark_journey_new ();
  g_autoptr(GPtrArray) phases = g_ptr_array_new ();
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, title);

  for (guint i = 0; i < table->phase_names->len; i++)
    {
      WaymarkPhase *phase = waymark_phase_new ("phase-000000000000", g_ptr_array_index (table->phase_names, i));

      g_ptr_array_add (phases, phase);
      add_new (journey, waymark_item_ref (phase), WAYMARK_ITEM_PHASE);
      waymark_item_unref (phase);
    }
  for (guint i = 0; i < table->lane_names->len; i++)
    {
      WaymarkLane *lane = waymark_lane_new ("lane-000000000000", g_array_index (table->lane_kinds, WaymarkLaneKind, i),
                                            g_ptr_array_index (table->lane_names, i));

      g_ptr_array_add (lanes, lane);
      add_new (journey, waymark_item_ref (lane), WAYMARK_ITEM_LANE);
      waymark_item_unref (lane);
    }
  if (table->has_emotion)
    add_new (journey, waymark_lane_new ("lane-000000000000", WAYMARK_LANE_EMOTION, _("Emotions")),
             WAYMARK_ITEM_LANE);
  for (guint i = 0; i < table->channel_list->len; i++)
    add_new (journey, waymark_item_ref (g_ptr_array_index (table->channel_list, i)), WAYMARK_ITEM_CHANNEL);

  g_array_sort (table->rows, compare_rows);
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      WaymarkPhase *phase = g_ptr_array_index (phases, row->phase);
      WaymarkLane *lane = g_ptr_array_index (lanes, row->lane);
      WaymarkItem *item;

      if (row->note != NULL)
        {
          waymark_note_set_phase (row->note, phase);
          waymark_note_set_lane (row->note, lane);
          item = (WaymarkItem *) row->note;
        }
      else
        {
          waymark_touchpoint_set_phase (row->touchpoint, phase);
          waymark_touchpoint_set_lane (row->touchpoint, lane);
          item = (WaymarkItem *) row->touchpoint;
        }
      /* The table's ids stay; rows without one get a new id. */
      if (g_str_has_suffix (waymark_item_get_id (item), "-000000000000"))
        add_new (journey, waymark_item_ref (item), row->note != NULL ? WAYMARK_ITEM_NOTE : WAYMARK_ITEM_TOUCHPOINT);
      else
        _waymark_journey_append_new (journey, item);
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      for (guint j = 0; row->targets != NULL && j < row->targets->len; j++)
        add_new (journey, waymark_link_new ("link-000000000000", row->touchpoint, g_ptr_array_index (row->targets, j)),
                 WAYMARK_ITEM_LINK);
    }
  return journey;
}

/* The touchpoint of the table titled @title, or NULL (reported) when
 * none or several are. */
static WaymarkTouchpoint *
find_by_title (Table      *table,
               GHashTable *by_title,
               const Row  *row,
               const char *title,
               gboolean    report_missing)
{
  GPtrArray *matches = g_hash_table_lookup (by_title, title);

  if (matches != NULL && matches->len == 1)
    return g_ptr_array_index (matches, 0);
  if (matches != NULL)
    report (table->reader, row->line, _("the link to “%s”: %u touchpoints have this title; name it by its id in “%s”"),
            title, matches->len, g_dpgettext2 (GETTEXT_PACKAGE, "CSV column", column_names[COL_LINKS]));
  else if (report_missing)
    report (table->reader, row->line, _("the link to “%s” names no touchpoint of the table"), title);
  return NULL;
}

/* The targets of a row's "Links to (titles)": one title a line, as the
 * export writes them; typed by hand, titles separated by semicolons. */
static void
resolve_titles (Table      *table,
                GHashTable *by_title,
                Row        *row)
{
  g_autofree char *text = g_strdup (row->link_titles);
  g_auto(GStrv) titles = NULL;
  char *whole = g_strstrip (text);

  if (strchr (whole, '\n') != NULL)
    titles = g_strsplit (whole, "\n", -1);
  else if (g_hash_table_contains (by_title, whole) || strchr (whole, ';') == NULL)
    titles = g_strsplit (whole, "\n", -1);
  else
    titles = g_strsplit (whole, ";", -1);

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (unescape_formula (g_strstrip (titles[i]))));
      WaymarkTouchpoint *to;

      if (title[0] == '\0')
        continue;
      to = find_by_title (table, by_title, row, title, TRUE);
      if (to == row->touchpoint)
        report (table->reader, row->line, _("a touchpoint cannot link to itself"));
      else if (to != NULL)
        g_ptr_array_add (row->targets, to);
    }
}

/* Links name touchpoints of the table, by id or by title; resolved once
 * all rows are read. */
static void
check_links (Table *table)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);
      GPtrArray *matches;

      if (row->touchpoint == NULL)
        continue;
      g_hash_table_insert (by_id, (gpointer) waymark_item_get_id (row->touchpoint), row->touchpoint);
      if (row->touchpoint->title == NULL)
        continue;
      matches = g_hash_table_lookup (by_title, row->touchpoint->title);
      if (matches == NULL)
        {
          matches = g_ptr_array_new ();
          g_hash_table_insert (by_title, row->touchpoint->title, matches);
        }
      g_ptr_array_add (matches, row->touchpoint);
    }

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      if (row->touchpoint == NULL)
        continue;
      row->targets = g_ptr_array_new ();
      for (guint j = 0; row->links != NULL && row->links[j] != NULL; j++)
        {
          WaymarkTouchpoint *to = g_hash_table_lookup (by_id, row->links[j]);

          if (row->links[j][0] == '\0')
            continue;
          if (to == NULL)
            report (table->reader, row->line, _("the link to “%s” names no touchpoint of the table"), row->links[j]);
          else if (to == row->touchpoint)
            report (table->reader, row->line, _("a touchpoint cannot link to itself"));
          else
            g_ptr_array_add (row->targets, to);
        }
      if (row->link_titles != NULL)
        resolve_titles (table, by_title, row);
    }
}

WaymarkJourney *
waymark_csv_read (const char  *data,
                  gsize        length,
                  const char  *name,
                  const char  *title,
                  GError     **error)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  Reader reader = { name, errors, 0 };
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (Record));
  g_autoptr(GPtrArray) phase_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lane_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lane_kinds = g_array_new (FALSE, FALSE, sizeof (WaymarkLaneKind));
  g_autoptr(GArray) kpi_columns = g_array_new (FALSE, FALSE, sizeof (KpiColumn));
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, waymark_item_unref);
  g_autoptr(GPtrArray) channel_list = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  Table table = { &reader, NULL, { 0 }, phase_names, lane_names, lane_kinds, kpi_columns, channels, channel_list, ids,
                  rows, FALSE };
  const char *end = data + length;
  const char *invalid;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_array_set_clear_func (records, record_clear);
  g_array_set_clear_func (rows, row_clear);
  g_array_set_clear_func (kpi_columns, kpi_column_clear);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  if (!g_utf8_validate_len (data, end - data, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_ENCODING,
                   _("%s:%u: this is not UTF-8 text; save the table as “CSV (UTF-8)”"), name, line);
      return NULL;
    }

  if (!split_records (&reader, data, end, guess_delimiter (data, end), records))
    goto failed;
  if (records->len == 0)
    {
      report (&reader, 1, _("the table is empty: it needs a header row and a row per touchpoint"));
      goto failed;
    }
  table.header = &g_array_index (records, Record, 0);
  if (!read_header (&table, table.header))
    goto failed;

  for (guint i = 1; i < records->len; i++)
    {
      const Record *record = &g_array_index (records, Record, i);
      guint n_header = g_array_index (records, Record, 0).fields->len;

      if (is_empty (record))
        continue;
      if (record->fields->len > n_header)
        {
          report (&reader, record->line, _("%u fields, but the header names %u columns"),
                  record->fields->len, n_header);
          continue;
        }
      read_row (&table, record);
    }
  check_links (&table);
  if (reader.n_errors > 0)
    goto failed;
  if (rows->len == 0)
    {
      report (&reader, 1, _("the table has no touchpoints, only its header"));
      goto failed;
    }
  return build_journey (&table, title);

failed:
  if (reader.n_errors > WAYMARK_CSV_READER_MAX_ERRORS)
    {
      guint more = reader.n_errors - WAYMARK_CSV_READER_MAX_ERRORS;

      g_string_append_c (errors, '\n');
      g_string_append_printf (errors,
                              g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem", "%s: and %u more problems", more),
                              name, more);
    }
  g_set_error_literal (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_INVALID, errors->str);
  return NULL;
}

WaymarkJourney *
waymark_csv_read_file (GFile   *file,
                       GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info != NULL && g_file_info_get_size (info) > WAYMARK_CSV_READER_MAX_SIZE)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("%s:1: the table is larger than %u MB"), name,
                   (guint) (WAYMARK_CSV_READER_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local))
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO, "%s:1: %s", name, local->message);
      return NULL;
    }
  /* It may have grown since. */
  if (length > WAYMARK_CSV_READER_MAX_SIZE)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("%s:1: the table is larger than %u MB"), name,
                   (guint) (WAYMARK_CSV_READER_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".csv") || g_str_has_suffix (basename, ".CSV"))
    basename[strlen (basename) - 4] = '\0';
  return waymark_csv_read (contents, length, name, basename, error);
}
