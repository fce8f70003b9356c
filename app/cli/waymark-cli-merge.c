/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "waymark-cli-private.h"
#include "waymark-file.h"
#include "waymark-reader.h"
#include "waymark-merge.h"
#include "waymark-writer.h"

/* The line of each <conflict> in @bytes, in order. */
static GArray *
conflict_lines (GBytes *bytes)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (int));
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int line = 1;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '<' && size - i > 10 && memcmp (data + i, "<conflict", 9) == 0 &&
               (data[i + 9] == ' ' || data[i + 9] == '>' || data[i + 9] == '/'))
        g_array_append_val (lines, line);
    }
  return lines;
}

void
_waymark_cli_describe_conflicts (WaymarkJourney *journey,
                                 const char     *name,
                                 GArray         *lines,
                                 GString        *errors)
{
  GPtrArray *conflicts = waymark_journey_get_conflicts (journey);

  for (guint i = 0; i < conflicts->len; i++)
    {
      WaymarkConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *what = waymark_conflict_describe (conflict, journey);
      int line = lines && i < lines->len ? g_array_index (lines, int, i) : conflict->line;

      if (conflict->kind == WAYMARK_CONFLICT_DELETED)
        /* TRANSLATORS: "map.journey:40: merge conflict: Touchpoint “Chat”: they deleted it, we changed it" */
        g_string_append_printf (errors, _("%s:%d: merge conflict: %s\n"), name, line, what);
      else
        {
          g_autofree char *ours = waymark_conflict_describe_value (conflict, journey, WAYMARK_CONFLICT_OURS);
          g_autofree char *theirs = waymark_conflict_describe_value (conflict, journey, WAYMARK_CONFLICT_THEIRS);

          /* TRANSLATORS: "map.journey:40: merge conflict: Touchpoint “Chat”: title: ours “A”, theirs “B”" */
          g_string_append_printf (errors, _("%s:%d: merge conflict: %s: ours “%s”, theirs “%s”\n"),
                                  name, line, what, ours, theirs);
        }
    }
}

WaymarkCliExit
waymark_cli_merge (const char * const *args,
                   const char         *output,
                   const char         *name,
                   GString            *errors)
{
  WaymarkJourney *sides[3] = { NULL, };
  GString *side_errors[3];
  g_autoptr(WaymarkJourney) merged = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *out_name = NULL;
  WaymarkCliExit status = WAYMARK_CLI_EXIT_OK;
  guint n_conflicts;

  g_return_val_if_fail (errors != NULL, WAYMARK_CLI_EXIT_USAGE);

  if (args == NULL || g_strv_length ((char **) args) != 3)
    return _waymark_cli_usage_error (errors, _("merge needs three files: waymark merge BASE OURS THEIRS -o OUT"));
  if (output == NULL || output[0] == '\0')
    return _waymark_cli_usage_error (errors, _("merge needs an output file: waymark merge BASE OURS THEIRS -o OUT"));

  /* Ours first: three versions of a large map in memory would cost three
   * maps, so the base and theirs take ours' items wherever they are the
   * same, as they are read.  Messages stay in the order of the files. */
  for (int k = 0; k < 3; k++)
    {
      static const int order[] = { 1, 0, 2 };
      int s = order[k];
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[s]);
      WaymarkReadInfo info = { 0 };
      GString *said = side_errors[s] = g_string_new (NULL);

      info.share_with = s != 1 ? sides[1] : NULL;
      sides[s] = _waymark_cli_load (file, &info, said);
      if (sides[s] != NULL && info.newer)
        {
          g_autofree char *shown = waymark_file_get_display_name (file);

          g_string_append_printf (said,
                                  _("%s:1: written by a newer version of Waymark (format %d); merging it would lose what this version does not know\n"),
                                  shown, info.format);
          g_clear_object (&sides[s]);
        }
      if (sides[s] == NULL)
        status = WAYMARK_CLI_EXIT_USAGE;
    }
  for (int s = 0; s < 3; s++)
    {
      g_string_append_len (errors, side_errors[s]->str, side_errors[s]->len);
      g_string_free (side_errors[s], TRUE);
    }
  if (status != WAYMARK_CLI_EXIT_OK)
    goto out;

  merged = waymark_merge (sides[0], sides[1], sides[2], warnings, &error);
  if (merged == NULL)
    {
      _waymark_cli_message (errors, error->message);
      status = WAYMARK_CLI_EXIT_USAGE;
      goto out;
    }
  /* The merged map holds what it takes from them. */
  for (int s = 0; s < 3; s++)
    g_clear_object (&sides[s]);

  bytes = waymark_writer_write (merged);
  out_file = g_file_new_for_commandline_arg (output);
  if (!waymark_file_replace_contents (out_file, bytes, NULL, NULL, &error))
    {
      _waymark_cli_message (errors, error->message);
      status = WAYMARK_CLI_EXIT_USAGE;
      goto out;
    }

  for (guint i = 0; i < warnings->len; i++)
    _waymark_cli_message (errors, g_ptr_array_index (warnings, i));
  n_conflicts = waymark_journey_get_conflicts (merged)->len;
  if (n_conflicts > 0)
    {
      out_name = name ? g_filename_display_name (name) : waymark_file_get_display_name (out_file);
      lines = conflict_lines (bytes);
      _waymark_cli_describe_conflicts (merged, out_name, lines, errors);
      status = WAYMARK_CLI_EXIT_INVALID;
    }

out:
  for (int s = 0; s < 3; s++)
    g_clear_object (&sides[s]);
  return status;
}
