/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "waymark-cli-private.h"
#include "waymark-diff.h"
#include "waymark-writer.h"

#define DIFF_NAMESPACE "urn:waymark:diff"

/* git runs an external diff command with seven arguments: path, old file,
 * old hash, old mode, new file, new hash, new mode. */
#define GIT_EXTERNAL_ARGS 7

/* ---- The XML form (docs/DIFF.md) ---- */

static void
xml_attr (GString    *out,
          const char *name,
          const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  waymark_writer_append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static void
xml_int_attr (GString    *out,
              const char *name,
              int         value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%d", value);
  xml_attr (out, name, text);
}

static const char *
record_element (WaymarkDiffKind kind)
{
  switch (kind)
    {
    case WAYMARK_DIFF_ADDED: return "added";
    case WAYMARK_DIFF_REMOVED: return "removed";
    case WAYMARK_DIFF_MOVED: return "moved";
    case WAYMARK_DIFF_REORDERED: return "reordered";
    case WAYMARK_DIFF_EDITED:
    default:
      return "edited";
    }
}

static const char *
match_nick (WaymarkDiffMatch match)
{
  switch (match)
    {
    case WAYMARK_DIFF_MATCH_CONTENT: return "content";
    case WAYMARK_DIFF_MATCH_TITLE: return "title";
    case WAYMARK_DIFF_MATCH_ID:
    default:
      return "id";
    }
}

/* The place of an item on one side: its id, and for a card its cell and
 * position (counted from 1), as attributes with @prefix ("a-", "b-" or ""). */
static void
xml_place (GString                *out,
           WaymarkDiff            *diff,
           WaymarkDiffSide         side,
           const WaymarkDiffPlace *place,
           const char             *prefix)
{
  WaymarkJourney *journey = waymark_diff_get_journey (diff, side);
  g_autofree char *id = g_strconcat (prefix, "id", NULL);
  g_autofree char *position = g_strconcat (prefix, "position", NULL);

  xml_attr (out, id, waymark_item_get_id (place->item));
  if (place->phase >= 0)
    {
      g_autofree char *phase = g_strconcat (prefix, "phase", NULL);
      g_autofree char *lane = g_strconcat (prefix, "lane", NULL);

      xml_attr (out, phase, waymark_item_get_id (waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE,
                                                                           (guint) place->phase)));
      xml_attr (out, lane, waymark_item_get_id (waymark_journey_get_item (journey, WAYMARK_ITEM_LANE,
                                                                          (guint) place->lane)));
      xml_int_attr (out, position, place->position + 1);
    }
  else
    xml_int_attr (out, position, (int) place->index + 1);
}

static void
xml_value (GString    *out,
           const char *element,
           char       *value)
{
  g_autofree char *owned = value;

  if (value == NULL)
    {
      g_string_append_printf (out, "    <%s/>\n", element);
      return;
    }
  g_string_append_printf (out, "    <%s>", element);
  waymark_writer_append_escaped (out, value, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
xml_kpi (GString          *out,
         const char       *element,
         const WaymarkKpi *kpi)
{
  if (kpi == NULL)
    return;
  g_string_append_printf (out, "    <%s", element);
  xml_attr (out, "value", kpi->value);
  xml_attr (out, "unit", kpi->unit && *kpi->unit ? kpi->unit : NULL);
  xml_attr (out, "target", kpi->target && *kpi->target ? kpi->target : NULL);
  if (kpi->direction != WAYMARK_KPI_DIRECTION_UNSET)
    xml_attr (out, "better", waymark_kpi_direction_to_nick (kpi->direction));
  g_string_append (out, "/>\n");
}

/* A persona's mark in A or B: <a score="-1">note</a>; nothing when the
 * touchpoint has no mark for it there. */
static void
xml_mark (GString                  *out,
          const char               *element,
          const WaymarkPersonaMark *mark)
{
  if (mark == NULL)
    return;
  g_string_append_printf (out, "    <%s", element);
  if (mark->has_emotion)
    {
      char score[8];

      g_snprintf (score, sizeof score, "%d", mark->emotion);
      xml_attr (out, "score", score);
    }
  if (mark->emotion_note == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append_c (out, '>');
  waymark_writer_append_escaped (out, mark->emotion_note, FALSE);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
xml_record (GString                 *out,
            WaymarkDiff             *diff,
            const WaymarkDiffRecord *record)
{
  const char *element = record_element (record->kind);
  gboolean has_children = record->kind == WAYMARK_DIFF_EDITED;

  g_string_append_printf (out, "  <%s", element);
  if (record->type == WAYMARK_DIFF_JOURNEY)
    xml_attr (out, "type", "journey");
  else
    xml_attr (out, "type", waymark_item_type_element (record->type));
  if (record->kind == WAYMARK_DIFF_ADDED)
    xml_place (out, diff, WAYMARK_DIFF_B, record->b, "");
  else if (record->kind == WAYMARK_DIFF_REMOVED)
    xml_place (out, diff, WAYMARK_DIFF_A, record->a, "");
  else if (record->type != WAYMARK_DIFF_JOURNEY)
    {
      const WaymarkDiffPair *pair = waymark_diff_lookup (diff, WAYMARK_DIFF_A, record->a->item);

      xml_attr (out, "match", match_nick (pair->match));
      xml_place (out, diff, WAYMARK_DIFF_A, record->a, "a-");
      xml_place (out, diff, WAYMARK_DIFF_B, record->b, "b-");
    }
  if (record->kind == WAYMARK_DIFF_EDITED)
    {
      xml_attr (out, "field", waymark_diff_field_to_nick (record->field));
      if (record->field == WAYMARK_DIFF_FIELD_KPIS && (record->kpi_a || record->kpi_b))
        xml_attr (out, "kpi", record->kpi_a ? record->kpi_a->name : record->kpi_b->name);
      if (record->field == WAYMARK_DIFF_FIELD_PERSONAS && (record->mark_a || record->mark_b))
        xml_attr (out, "persona", waymark_item_get_id ((record->mark_b ? record->mark_b : record->mark_a)->persona));
    }
  if (!has_children)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  if (record->field == WAYMARK_DIFF_FIELD_KPIS)
    {
      xml_kpi (out, "a", record->kpi_a);
      xml_kpi (out, "b", record->kpi_b);
    }
  else if (record->field == WAYMARK_DIFF_FIELD_PERSONAS)
    {
      xml_mark (out, "a", record->mark_a);
      xml_mark (out, "b", record->mark_b);
    }
  else if (record->type == WAYMARK_DIFF_JOURNEY)
    {
      xml_value (out, "a", waymark_diff_field_journey_string (waymark_diff_get_journey (diff, WAYMARK_DIFF_A),
                                                              record->field, FALSE));
      xml_value (out, "b", waymark_diff_field_journey_string (waymark_diff_get_journey (diff, WAYMARK_DIFF_B),
                                                              record->field, FALSE));
    }
  else
    {
      xml_value (out, "a", waymark_diff_field_to_string (record->a->item, record->field, FALSE));
      xml_value (out, "b", waymark_diff_field_to_string (record->b->item, record->field, FALSE));
    }
  g_string_append_printf (out, "  </%s>\n", element);
}

static void
write_xml (GString     *out,
           WaymarkDiff *diff,
           const char  *name_a,
           const char  *name_b,
           gboolean     by_id)
{
  guint n = waymark_diff_get_n_records (diff);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<diff");
  xml_attr (out, "xmlns", DIFF_NAMESPACE);
  xml_attr (out, "a", name_a);
  xml_attr (out, "b", name_b);
  xml_attr (out, "matching", by_id ? "id" : "content");
  if (n == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < n; i++)
    xml_record (out, diff, waymark_diff_get_record (diff, i));
  g_string_append (out, "</diff>\n");
}

/* ---- The command ---- */

/* /dev/null (what git passes for a file that is added or deleted) is an
 * empty map. */
static WaymarkJourney *
load_side (const char      *path,
           WaymarkReadInfo *info,
           GString         *errors)
{
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (path, "/dev/null") == 0)
    return waymark_journey_new ();
  file = g_file_new_for_commandline_arg (path);
  return _waymark_cli_load (file, info, errors);
}

WaymarkCliExit
waymark_cli_diff (const char * const *args,
                  const char         *format,
                  GString            *out,
                  GString            *errors)
{
  g_autoptr(WaymarkJourney) a = NULL;
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(WaymarkDiff) diff = NULL;
  WaymarkReadInfo info_a = { 0 }, info_b = { 0 };
  const char *path_a, *path_b;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  gboolean git = FALSE;
  gboolean xml = FALSE;
  gboolean by_id;
  guint n_args = args ? g_strv_length ((char **) args) : 0;

  g_return_val_if_fail (out != NULL && errors != NULL, WAYMARK_CLI_EXIT_USAGE);

  if (format != NULL && g_strcmp0 (format, "words") != 0 && g_strcmp0 (format, "xml") != 0)
    {
      g_autofree char *message = g_strdup_printf (_("unknown diff format “%s”: use words or xml"), format);
      return _waymark_cli_usage_error (errors, message);
    }
  xml = g_strcmp0 (format, "xml") == 0;

  if (n_args == 2)
    {
      path_a = args[0];
      path_b = args[1];
      name_a = g_strdup (path_a);
      name_b = g_strdup (path_b);
    }
  else if (n_args == GIT_EXTERNAL_ARGS)
    {
      git = TRUE;
      path_a = args[1];
      path_b = args[4];
      name_a = g_strconcat ("a/", args[0], NULL);
      name_b = g_strconcat ("b/", args[0], NULL);
    }
  else
    return _waymark_cli_usage_error (errors, _("diff needs two files: waymark diff A.journey B.journey"));

  a = load_side (path_a, &info_a, errors);
  b = load_side (path_b, &info_b, errors);
  if (a == NULL || b == NULL)
    return WAYMARK_CLI_EXIT_USAGE;
  if (info_a.newer || info_b.newer)
    {
      /* TRANSLATORS: %s is a file name */
      g_string_append_printf (errors, _("%s:1: written by a newer version of Waymark; the diff shows only what this version knows\n"),
                              info_a.newer ? name_a : name_b);
    }

  /* Two versions of one map match by id alone: a card deleted and a new
   * one with the same title are two changes, not none. */
  by_id = g_strcmp0 (waymark_journey_get_id (a), waymark_journey_get_id (b)) == 0 ||
          g_strcmp0 (path_a, "/dev/null") == 0 || g_strcmp0 (path_b, "/dev/null") == 0;
  diff = waymark_diff_new (a, b, by_id ? WAYMARK_DIFF_BY_ID_ONLY : WAYMARK_DIFF_FLAGS_NONE);

  if (xml)
    write_xml (out, diff, name_a, name_b, by_id);
  else
    {
      if (git)
        g_string_append_printf (out, "diff --waymark %s %s\n", name_a, name_b);
      for (guint i = 0; i < waymark_diff_get_n_records (diff); i++)
        {
          g_autofree char *line = waymark_diff_record_describe (diff, waymark_diff_get_record (diff, i));

          g_string_append_printf (out, "%s\n", line);
        }
    }

  /* git stops at an external diff that does not exit 0. */
  if (git)
    return WAYMARK_CLI_EXIT_OK;
  return waymark_diff_is_empty (diff) ? WAYMARK_CLI_EXIT_OK : WAYMARK_CLI_EXIT_INVALID;
}
