/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line's exit codes, as scripts see them. */
typedef enum {
  WAYMARK_CLI_EXIT_OK      = 0,
  WAYMARK_CLI_EXIT_INVALID = 1, /* a file is invalid or could not be written */
  WAYMARK_CLI_EXIT_USAGE   = 2, /* the arguments make no sense */
} WaymarkCliExit;

/* Validates each of @paths.  Appends one "FILE:LINE: message" line per bad
 * file to @errors, one "FILE:LINE: merge conflict: …" per conflict a merge
 * left in a file (which fails the check: the map is not done), and a
 * warning line per file of a newer format (which is still valid: it can
 * be read).  Returns WAYMARK_CLI_EXIT_OK when every file is valid.
 * With @findings, also one "FILE:LINE: severity: rule-id: message" line
 * per weak spot of each valid file (docs/FINDINGS.md), most severe
 * first; with @strict as well, a finding fails the check. */
WaymarkCliExit waymark_cli_check  (const char * const *paths,
                                   gboolean            findings,
                                   gboolean            strict,
                                   GString            *errors);

/* The page options of --export as they were typed; NULL when not given. */
typedef struct {
  const char *paper;        /* --paper A3 */
  const char *orientation;  /* --orientation landscape|portrait */
  const char *poster;       /* --poster 3x2 */
  const char *dpi;          /* --dpi 300 */
  gboolean one_page;        /* --one-page: no booklet on A4 or Letter */
  gboolean dashboard;       /* --dashboard: a KPI dashboard page after the map (PDF only) */
  const char *csv_delimiter; /* --csv-delimiter comma|semicolon (CSV only) */
  const char *highlight;    /* --highlight channel=email,owner=Support: dim the other cards */
} WaymarkCliExportOptions;

/* Exports the one file in @inputs to @output, atomically.  The format
 * follows @output's extension: .journey (the normalised document), .pdf,
 * .svg, .png or .csv; @options (nullable) choose paper, orientation,
 * poster tiling, one page instead of a booklet, and resolution.  Every argument is checked before the
 * input is read.  Messages go to @errors. */
WaymarkCliExit waymark_cli_export (const char                    *output,
                                   const WaymarkCliExportOptions *options,
                                   const char * const            *inputs,
                                   GString                       *errors);

/* `waymark diff A B`: what changed from A to B, one line of words per
 * change (or, with @format "xml", the XML of docs/DIFF.md) appended to
 * @out.  Exit 0 when they mean the same, 1 when they differ, 2 on an
 * error.  Also takes the seven arguments git gives an external diff
 * (PATH OLD HEX MODE NEW HEX MODE; /dev/null is an empty map): then it
 * exits 0, since git stops at a diff that does not. */
WaymarkCliExit waymark_cli_diff   (const char * const *args,
                                   const char         *format,
                                   GString            *out,
                                   GString            *errors);

/* `waymark --compare INTENDED AS-IS`: the deviations of the journey as
 * it is from the journey as intended (missing planned touchpoints, ad-hoc
 * ones, touchpoints out of the planned sequence, failing ones), one line
 * "FILE:LINE: severity: id: message" each on @out, most severe first.
 * Exit 0 when the journey is as intended, 1 when it deviates or a map
 * cannot be read (its error on @errors), 2 for other than two maps. */
WaymarkCliExit waymark_cli_compare (const char * const *paths,
                                    GString            *out,
                                    GString            *errors);

/* `waymark merge BASE OURS THEIRS -o OUT`: a three-way merge written to
 * OUT (atomically; OUT may be OURS, as git's merge driver wants it).
 * Exit 0 when it merged cleanly, 1 when OUT holds conflicts (one line
 * "OUT:LINE: merge conflict: …" each on @errors; @name, nullable, is
 * what to call OUT there), 2 on an error (OUT is not written). */
WaymarkCliExit waymark_cli_merge  (const char * const *args,
                                   const char         *output,
                                   const char         *name,
                                   GString            *errors);

/* Runs `diff` or `merge` (@args[0]) with the rest of @args; --format
 * goes with diff, --output and --name with merge. */
WaymarkCliExit waymark_cli_run_command (const char * const *args,
                                        const char         *format,
                                        const char         *output,
                                        const char         *name,
                                        GString            *out,
                                        GString            *errors);

/* Runs what the command-line options ask for: --check (@check) or
 * --export (@export_path, with @export_options), which cannot be
 * combined; --findings and --strict go with --check. */
WaymarkCliExit waymark_cli_run    (gboolean                       check,
                                   gboolean                       findings,
                                   gboolean                       strict,
                                   const char                    *export_path,
                                   const WaymarkCliExportOptions *export_options,
                                   const char * const            *files,
                                   GString                       *errors);

G_END_DECLS
