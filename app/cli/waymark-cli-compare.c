/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-cjml-reader.h"
#include "waymark-cli-private.h"
#include "waymark-deviation.h"

/* `waymark --compare INTENDED AS-IS`: the deviations of the journey as it
 * is from the journey as intended, one line each in the form of the
 * weak-spot findings, FILE:LINE: severity: id: message, where FILE and
 * LINE are the element of the touchpoint concerned (in the intended map
 * for a missing one, else in the as-is map). */

typedef struct {
  GFile *file;
  char *name;
  GHashTable *lines;
  WaymarkJourney *journey;
} Side;

static void
side_clear (Side *side)
{
  g_clear_object (&side->file);
  g_clear_pointer (&side->name, g_free);
  g_clear_pointer (&side->lines, g_hash_table_unref);
  g_clear_object (&side->journey);
}

/* A CJML document gives its planned journey as the intended side and its
 * actual journey as the side as it is: one document holding both compares
 * with itself. */
static WaymarkJourney *
load_cjml (Side               *side,
           WaymarkCjmlJourney  which,
           GString            *errors)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_cjml_read_file_journey (side->file, which, side->lines, warnings, &error);

  for (guint i = 0; i < warnings->len; i++)
    g_string_append_printf (errors, "%s\n", (const char *) g_ptr_array_index (warnings, i));
  if (journey == NULL)
    g_string_append_printf (errors, "%s\n", error->message);
  return journey;
}

static gboolean
side_load (Side               *side,
           const char         *path,
           WaymarkCjmlJourney  which,
           GString            *errors)
{
  WaymarkReadInfo info = { 0 };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  side->file = g_file_new_for_commandline_arg (path);
  side->name = waymark_file_get_display_name (side->file);
  side->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info.item_lines = side->lines;
  if (g_str_has_suffix (lower, ".cjml"))
    side->journey = load_cjml (side, which, errors);
  else
    side->journey = _waymark_cli_load (side->file, &info, errors);
  return side->journey != NULL;
}

static int
line_of (const Side    *side,
         gconstpointer  item)
{
  return MAX (GPOINTER_TO_INT (g_hash_table_lookup (side->lines, waymark_item_get_id (item))), 1);
}

WaymarkCliExit
waymark_cli_compare (const char * const *paths,
                     GString            *out,
                     GString            *errors)
{
  Side intended = { NULL };
  Side actual = { NULL };
  g_autoptr(WaymarkDiff) diff = NULL;
  g_autoptr(GPtrArray) deviations = NULL;
  gboolean loaded;

  g_return_val_if_fail (out != NULL && errors != NULL, WAYMARK_CLI_EXIT_USAGE);

  if (paths == NULL || paths[0] == NULL || paths[1] == NULL || paths[2] != NULL)
    return _waymark_cli_usage_error (errors, _("--compare takes two maps: the intended one, then the one as it is"));

  loaded = side_load (&intended, paths[0], WAYMARK_CJML_PLANNED_JOURNEY, errors);
  loaded = side_load (&actual, paths[1], WAYMARK_CJML_ACTUAL_JOURNEY, errors) && loaded;
  if (!loaded)
    {
      side_clear (&intended);
      side_clear (&actual);
      return WAYMARK_CLI_EXIT_INVALID;
    }

  /* By id, then by content: two states of one map, or two maps drawn
   * separately. */
  diff = waymark_diff_new (intended.journey, actual.journey, WAYMARK_DIFF_FLAGS_NONE);
  deviations = waymark_deviations_find (diff);
  for (guint i = 0; i < deviations->len; i++)
    {
      WaymarkDeviation *deviation = deviations->pdata[i];
      const Side *side = deviation->actual != NULL ? &actual : &intended;
      gconstpointer item = deviation->actual != NULL ? (gconstpointer) deviation->actual : (gconstpointer) deviation->intended;

      /* TRANSLATORS: FILE:LINE: severity: rule-id: message, like a compiler's warnings */
      g_string_append_printf (out, _("%s:%d: %s: %s: %s\n"), side->name, line_of (side, item),
                              waymark_severity_label (deviation->severity),
                              waymark_deviation_kind_to_id (deviation->kind),
                              deviation->message);
    }

  side_clear (&intended);
  side_clear (&actual);
  return deviations->len > 0 ? WAYMARK_CLI_EXIT_INVALID : WAYMARK_CLI_EXIT_OK;
}
