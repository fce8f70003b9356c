/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "waymark-cli-private.h"
#include "waymark-cjml-reader.h"
#include "waymark-cjml-writer.h"
#include "waymark-csv-reader.h"
#include "waymark-export.h"
#include "waymark-file.h"
#include "waymark-highlight.h"
#include "waymark-writer.h"

static void
append_line (GString    *errors,
             const char *line)
{
  g_string_append (errors, line);
  if (errors->len == 0 || errors->str[errors->len - 1] != '\n')
    g_string_append_c (errors, '\n');
}

void
_waymark_cli_message (GString    *errors,
                      const char *message)
{
  /* TRANSLATORS: the prefix of a command-line error: "waymark: <message>" */
  g_string_append_printf (errors, _("waymark: %s\n"), message);
}

WaymarkJourney *
_waymark_cli_load (GFile           *file,
                   WaymarkReadInfo *info,
                   GString         *errors)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey;

  journey = waymark_file_load (file, info, NULL, &error);
  if (journey == NULL)
    append_line (errors, error->message);

  return journey;
}

WaymarkCliExit
waymark_cli_check (const char * const *paths,
                   gboolean            findings,
                   gboolean            strict,
                   GString            *errors)
{
  WaymarkCliExit status = WAYMARK_CLI_EXIT_OK;

  g_return_val_if_fail (errors != NULL, WAYMARK_CLI_EXIT_USAGE);

  if (paths == NULL || paths[0] == NULL)
    {
      _waymark_cli_message (errors, _("--check needs at least one file"));
      return WAYMARK_CLI_EXIT_USAGE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      WaymarkReadInfo info = { .item_lines = findings ? lines : NULL };
      g_autoptr(WaymarkJourney) journey = _waymark_cli_load (file, &info, errors);

      if (journey == NULL)
        {
          status = WAYMARK_CLI_EXIT_INVALID;
        }
      else if (waymark_journey_get_conflicts (journey)->len > 0)
        {
          g_autofree char *name = waymark_file_get_display_name (file);

          /* Valid, but not done: like conflict markers in a text file. */
          _waymark_cli_describe_conflicts (journey, name, NULL, errors);
          status = WAYMARK_CLI_EXIT_INVALID;
        }
      else if (info.newer)
        {
          g_autofree char *name = waymark_file_get_display_name (file);

          /* Still valid: it can be read, so it does not fail the check. */
          g_string_append_printf (errors,
                                  _("%s:1: written by a newer version of Waymark (format %d); it can be read but not edited\n"),
                                  name, info.format);
        }
      if (journey != NULL && findings)
        {
          g_autofree char *name = waymark_file_get_display_name (file);

          if (_waymark_cli_describe_findings (journey, name, lines, errors) > 0 && strict)
            status = WAYMARK_CLI_EXIT_INVALID;
        }
    }

  return status;
}

/* The extension of @path's base name, lower case, with its dot ("" when
 * there is none). */
static char *
get_extension (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return g_strdup ("");

  return g_ascii_strdown (dot, -1);
}

/* Whether any page option was given. */
static gboolean
has_page_options (const WaymarkCliExportOptions *options)
{
  return options->paper != NULL || options->orientation != NULL ||
         options->poster != NULL || options->dpi != NULL || options->one_page ||
         options->dashboard;
}

WaymarkCliExit
_waymark_cli_usage_error (GString    *errors,
                          const char *message)
{
  _waymark_cli_message (errors, message);
  return WAYMARK_CLI_EXIT_USAGE;
}

/* Turns the page options as typed into export options for @format,
 * refusing what does not fit it. */
static WaymarkCliExit
parse_export_options (const WaymarkCliExportOptions *typed,
                      WaymarkExportFormat            format,
                      WaymarkExportOptions          *options,
                      GString                       *errors)
{
  const char *extension = waymark_export_format_get_extension (format);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* The app's Export dialog starts from the same. */
  waymark_export_options_init_default (options, format);

  /* Before the page options' message, which would not name it. */
  if (typed->dashboard && format != WAYMARK_EXPORT_PDF)
    {
      message = g_strdup_printf (_("--dashboard needs a .pdf output: %s holds only the map"), extension);
      return _waymark_cli_usage_error (errors, message);
    }
  options->dashboard = typed->dashboard;

  if (waymark_export_format_is_text (format) && has_page_options (typed))
    {
      message = g_strdup_printf (_("--paper, --orientation, --poster, --one-page and --dpi do not apply to %s"), extension);
      return _waymark_cli_usage_error (errors, message);
    }

  if (typed->paper != NULL && !waymark_paper_from_nick (typed->paper, &options->paper))
    {
      message = g_strdup_printf (_("unknown paper size “%s”: use A4, A3, A2, A1, A0, Letter, Tabloid or natural"),
                                 typed->paper);
      return _waymark_cli_usage_error (errors, message);
    }

  if (typed->orientation != NULL && !waymark_orientation_from_nick (typed->orientation, &options->orientation))
    {
      message = g_strdup_printf (_("unknown orientation “%s”: use landscape or portrait"), typed->orientation);
      return _waymark_cli_usage_error (errors, message);
    }

  if (typed->poster != NULL)
    {
      if (!waymark_poster_parse (typed->poster, &options->poster_columns, &options->poster_rows, &error))
        return _waymark_cli_usage_error (errors, error->message);
      if (format != WAYMARK_EXPORT_PDF)
        {
          message = g_strdup_printf (_("--poster needs a .pdf output: %s holds one page"), extension);
          return _waymark_cli_usage_error (errors, message);
        }
      /* Posters are for office printers. */
      if (typed->paper == NULL)
        options->paper = WAYMARK_PAPER_A4;
      /* A poster of 1 × 1 sheets is one page, never a booklet. */
      options->pages = WAYMARK_PAGES_ONE;
    }

  if (typed->one_page)
    {
      if (typed->poster != NULL)
        return _waymark_cli_usage_error (errors, _("--one-page and --poster cannot be combined: a poster has several sheets"));
      if (options->paper == WAYMARK_PAPER_NATURAL)
        return _waymark_cli_usage_error (errors, _("--one-page needs --paper: the natural size is always one page"));
      options->pages = WAYMARK_PAGES_ONE;
    }

  if (typed->orientation != NULL && options->paper == WAYMARK_PAPER_NATURAL)
    return _waymark_cli_usage_error (errors, _("--orientation needs --paper or --poster: the natural size has no orientation"));

  if (typed->dpi != NULL)
    {
      guint64 dpi;

      if (format != WAYMARK_EXPORT_PNG)
        {
          message = g_strdup_printf (_("--dpi applies only to .png, not to %s"), extension);
          return _waymark_cli_usage_error (errors, message);
        }
      if (!g_ascii_string_to_unsigned (typed->dpi, 10, WAYMARK_EXPORT_DPI_MIN, WAYMARK_EXPORT_DPI_MAX,
                                       &dpi, NULL))
        {
          message = g_strdup_printf (_("--dpi must be a whole number from %d to %d, not “%s”"),
                                     WAYMARK_EXPORT_DPI_MIN, WAYMARK_EXPORT_DPI_MAX, typed->dpi);
          return _waymark_cli_usage_error (errors, message);
        }
      options->dpi = (double) dpi;
    }

  if (typed->csv_delimiter != NULL &&
      !waymark_csv_delimiter_from_nick (typed->csv_delimiter, &options->csv_delimiter))
    {
      message = g_strdup_printf (_("unknown delimiter “%s”: use comma or semicolon"), typed->csv_delimiter);
      return _waymark_cli_usage_error (errors, message);
    }

  if (!waymark_export_options_validate (options, &error))
    return _waymark_cli_usage_error (errors, error->message);

  return WAYMARK_CLI_EXIT_OK;
}

/* Writes the normalised document: what --export did before it drew maps. */
static WaymarkCliExit
export_journey (WaymarkJourney *journey,
                GFile          *input,
                gboolean        newer,
                int             format,
                const char     *output,
                GString        *errors)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Normalising writes only what this version knows, so it would silently
   * drop the newer parts of the document. */
  if (newer)
    {
      g_autofree char *name = waymark_file_get_display_name (input);

      g_string_append_printf (errors,
                              _("%s:1: written by a newer version of Waymark (format %d); exporting it would lose what this version does not know\n"),
                              name, format);
      return WAYMARK_CLI_EXIT_INVALID;
    }

  bytes = waymark_writer_write (journey);
  file = g_file_new_for_commandline_arg (output);
  if (!waymark_file_replace_contents (file, bytes, NULL, NULL, &error))
    {
      _waymark_cli_message (errors, error->message);
      return WAYMARK_CLI_EXIT_INVALID;
    }

  return WAYMARK_CLI_EXIT_OK;
}

/* Writes the map as CJML, saying what CJML has no place for. */
static WaymarkCliExit
export_cjml (WaymarkJourney        *journey,
             GFile                 *input,
             const WaymarkReadInfo *info,
             const char            *output,
             GString               *errors)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = waymark_file_get_display_name (input);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (info->newer)
    g_string_append_printf (errors,
                            _("%s:1: written by a newer version of Waymark (format %d); the export shows only what this version knows\n"),
                            name, info->format);
  bytes = waymark_cjml_write (journey, name, info->item_lines, warnings);
  for (guint i = 0; i < warnings->len; i++)
    append_line (errors, g_ptr_array_index (warnings, i));
  file = g_file_new_for_commandline_arg (output);
  if (!waymark_file_replace_contents (file, bytes, NULL, NULL, &error))
    {
      _waymark_cli_message (errors, error->message);
      return WAYMARK_CLI_EXIT_INVALID;
    }
  return WAYMARK_CLI_EXIT_OK;
}

/* Draws (or tabulates) the map with the same code as the app's export. */
static WaymarkCliExit
export_map (WaymarkJourney             *journey,
            GFile                      *input,
            const WaymarkReadInfo      *info,
            const WaymarkExportOptions *options,
            const WaymarkHighlight     *highlight,
            const char                 *output,
            GString                    *errors)
{
  g_autoptr(WaymarkLayout) layout = NULL;
  g_autoptr(WaymarkChecker) checker = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* A picture of a newer map is still useful; say what it may miss. */
  if (info->newer)
    {
      g_autofree char *name = waymark_file_get_display_name (input);

      g_string_append_printf (errors,
                              _("%s:1: written by a newer version of Waymark (format %d); the export shows only what this version knows\n"),
                              name, info->format);
    }

  layout = waymark_layout_new (journey, NULL);
  if (highlight != NULL)
    {
      /* The findings as the app's panel shows them, with the default
       * thresholds (the command line has no preferences). */
      if (waymark_highlight_count (highlight, WAYMARK_HIGHLIGHT_FINDING) > 0)
        {
          checker = waymark_checker_new (journey);
          waymark_checker_update (checker);
        }
      waymark_layout_set_highlight (layout, highlight, checker);
    }
  file = g_file_new_for_commandline_arg (output);
  if (!waymark_export_to_file (layout, options, file, &error))
    {
      _waymark_cli_message (errors, error->message);
      /* Too many pixels for this map at this --dpi is an argument problem. */
      if (g_error_matches (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE) ||
          g_error_matches (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_INVALID_OPTIONS))
        return WAYMARK_CLI_EXIT_USAGE;
      return WAYMARK_CLI_EXIT_INVALID;
    }

  return WAYMARK_CLI_EXIT_OK;
}

static WaymarkJourney *
load_table (GFile   *file,
            GString *errors)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_csv_read_file (file, &error);

  if (journey == NULL)
    append_line (errors, error->message);
  return journey;
}

/* A CJML journey starts a map; what it has no place for is said. */
static WaymarkJourney *
load_cjml (GFile   *file,
           GString *errors)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_cjml_read_file (file, warnings, &error);

  for (guint i = 0; i < warnings->len; i++)
    append_line (errors, g_ptr_array_index (warnings, i));
  if (journey == NULL)
    append_line (errors, error->message);
  return journey;
}

WaymarkCliExit
waymark_cli_export (const char                    *output,
                    const WaymarkCliExportOptions *options,
                    const char * const            *inputs,
                    GString                       *errors)
{
  static const WaymarkCliExportOptions no_options = { NULL };
  g_autofree char *extension = NULL;
  g_autofree char *input_extension = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GFile) input = NULL;
  WaymarkExportOptions export_options;
  WaymarkExportFormat format = WAYMARK_EXPORT_PDF;
  gboolean is_journey;
  gboolean is_cjml;
  WaymarkReadInfo info = { 0 };
  g_autoptr(GHashTable) item_lines = NULL;
  g_autoptr(WaymarkHighlight) highlight = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkCliExit status;

  g_return_val_if_fail (errors != NULL, WAYMARK_CLI_EXIT_USAGE);

  if (options == NULL)
    options = &no_options;

  if (output == NULL || output[0] == '\0')
    return _waymark_cli_usage_error (errors, _("--export needs an output file"));

  if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
    return _waymark_cli_usage_error (errors, _("--export needs exactly one input file: waymark --export OUT.pdf IN.journey"));

  extension = get_extension (output);
  is_journey = g_strcmp0 (extension, ".journey") == 0;
  is_cjml = g_strcmp0 (extension, ".cjml") == 0;
  if (!is_journey && !is_cjml && !waymark_export_format_for_path (output, &format))
    {
      g_autofree char *message = NULL;

      if (extension[0] == '\0')
        message = g_strdup_printf (_("cannot tell the export format of “%s”: use a name ending in .pdf, .svg, .png, .csv, .mmd, .cjml or .journey"), output);
      else
        message = g_strdup_printf (_("unsupported export format “%s”: use .pdf, .svg, .png, .csv, .mmd, .cjml or .journey"), extension);
      return _waymark_cli_usage_error (errors, message);
    }

  if (options->csv_delimiter != NULL && (is_journey || is_cjml || format != WAYMARK_EXPORT_CSV))
    {
      g_autofree char *message = g_strdup_printf (_("--csv-delimiter applies only to .csv, not to %s"), extension);

      return _waymark_cli_usage_error (errors, message);
    }
  if ((is_journey || is_cjml) && options->dashboard)
    {
      g_autofree char *message = g_strdup_printf (_("--dashboard needs a .pdf output: %s holds only the map"), extension);

      return _waymark_cli_usage_error (errors, message);
    }
  /* Only a drawing has cards to dim. */
  if (options->highlight != NULL && (is_journey || is_cjml || waymark_export_format_is_text (format)))
    {
      g_autofree char *message = g_strdup_printf (_("--highlight needs a .pdf, .svg or .png output: %s has no drawing to dim"),
                                                  extension);

      return _waymark_cli_usage_error (errors, message);
    }
  if (options->highlight != NULL)
    {
      highlight = waymark_highlight_parse (options->highlight, &error);
      if (highlight == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("--highlight: %s"), error->message);

          return _waymark_cli_usage_error (errors, message);
        }
    }
  if (is_journey && has_page_options (options))
    return _waymark_cli_usage_error (errors, _("--paper, --orientation, --poster, --one-page and --dpi do not apply to .journey"));
  if (is_cjml && has_page_options (options))
    return _waymark_cli_usage_error (errors, _("--paper, --orientation, --poster, --one-page and --dpi do not apply to .cjml"));

  if (!is_journey && !is_cjml)
    {
      status = parse_export_options (options, format, &export_options, errors);
      if (status != WAYMARK_CLI_EXIT_OK)
        return status;
    }

  input = g_file_new_for_commandline_arg (inputs[0]);
  input_extension = get_extension (inputs[0]);
  /* A table of touchpoints (what the CSV export writes) starts a map. */
  if (g_strcmp0 (input_extension, ".csv") == 0)
    journey = load_table (input, errors);
  else if (g_strcmp0 (input_extension, ".cjml") == 0)
    journey = load_cjml (input, errors);
  else
    {
      /* The lines of the items, for CJML's warnings about them. */
      if (is_cjml)
        info.item_lines = item_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      journey = _waymark_cli_load (input, &info, errors);
    }
  if (journey == NULL)
    return WAYMARK_CLI_EXIT_INVALID;

  if (is_journey)
    return export_journey (journey, input, info.newer, info.format, output, errors);
  if (is_cjml)
    return export_cjml (journey, input, &info, output, errors);

  if (highlight != NULL && !waymark_highlight_check (highlight, journey, &error))
    {
      g_autofree char *name = waymark_file_get_display_name (input);
      g_autofree char *message = g_strdup_printf (_("--highlight: %s in %s"), error->message, name);

      return _waymark_cli_usage_error (errors, message);
    }

  return export_map (journey, input, &info, &export_options, highlight, output, errors);
}

WaymarkCliExit
waymark_cli_run_command (const char * const *args,
                         const char         *format,
                         const char         *output,
                         const char         *name,
                         GString            *out,
                         GString            *errors)
{
  gboolean diff;

  g_return_val_if_fail (args != NULL && args[0] != NULL, WAYMARK_CLI_EXIT_USAGE);

  diff = g_str_equal (args[0], "diff");
  if (diff && (output != NULL || name != NULL))
    return _waymark_cli_usage_error (errors, _("--output and --name go with merge, not diff"));
  if (!diff && format != NULL)
    return _waymark_cli_usage_error (errors, _("--format goes with diff, not merge"));
  if (diff)
    return waymark_cli_diff (args + 1, format, out, errors);
  return waymark_cli_merge (args + 1, output, name, errors);
}

WaymarkCliExit
waymark_cli_run (gboolean                       check,
                 gboolean                       findings,
                 gboolean                       strict,
                 const char                    *export_path,
                 const WaymarkCliExportOptions *export_options,
                 const char * const            *files,
                 GString                       *errors)
{
  g_return_val_if_fail (check || findings || strict || export_path != NULL ||
                        (export_options != NULL &&
                         (has_page_options (export_options) || export_options->csv_delimiter != NULL ||
                          export_options->highlight != NULL)),
                        WAYMARK_CLI_EXIT_USAGE);

  if (export_path == NULL && export_options != NULL && export_options->csv_delimiter != NULL)
    return _waymark_cli_usage_error (errors, _("--csv-delimiter goes with --export to a .csv file"));
  if (export_path == NULL && export_options != NULL && export_options->highlight != NULL)
    return _waymark_cli_usage_error (errors, _("--highlight goes with --export to a .pdf, .svg or .png file"));

  if (export_path == NULL && export_options != NULL && export_options->dashboard)
    return _waymark_cli_usage_error (errors, _("--dashboard goes with --export to a .pdf file"));

  if (check && export_path != NULL)
    {
      _waymark_cli_message (errors, _("--check and --export cannot be combined"));
      return WAYMARK_CLI_EXIT_USAGE;
    }

  if (export_path == NULL && export_options != NULL && has_page_options (export_options))
    return _waymark_cli_usage_error (errors, _("--paper, --orientation, --poster, --one-page and --dpi go with --export"));

  if ((findings || strict) && !check)
    return _waymark_cli_usage_error (errors, _("--findings and --strict go with --check"));
  if (strict && !findings)
    return _waymark_cli_usage_error (errors, _("--strict goes with --findings"));

  if (check)
    return waymark_cli_check (files, findings, strict, errors);

  return waymark_cli_export (export_path, export_options, files, errors);
}
