/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-application.h"
#include "waymark-cli.h"
#include "waymark-preferences.h"
#include "waymark-termination.h"
#include "waymark-save-changes.h"
#include "waymark-window.h"

struct _WaymarkApplication
{
  AdwApplication parent_instance;

  /* Whether GOption accepted the arguments (handle-local-options ran). */
  gboolean options_parsed;
};

G_DEFINE_FINAL_TYPE (WaymarkApplication, waymark_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check that the files are valid journey maps and exit"), NULL },
  { "findings", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --check: also list each file’s weak spots as FILE:LINE: severity: rule: message, most severe first"), NULL },
  { "strict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --findings: a weak spot fails the check (exit 1)"), NULL },
  { "compare", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Compare two maps, INTENDED then AS-IS: list how the journey as it is deviates from the intended one as FILE:LINE: severity: kind: message (exit 1 when it does)"), NULL },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the input file to OUT and exit; the format follows OUT’s extension: .pdf, .svg, .png, .csv, .mmd (a Mermaid journey diagram), .cjml (a CJML journey) or .journey (the normalised file); a .csv or .cjml input starts a new map"),
    N_("OUT") },
  { "paper", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export: fit the map to A4, A3, A2, A1, A0, Letter or Tabloid, or “natural” for one page of the map’s own size (default, as in the app: A3 for .pdf, A4 with --poster, natural for .svg and .png). A PDF on A4 or Letter becomes a booklet of pages in reading order when one page would print card titles below 9 pt"),
    N_("SIZE") },
  { "one-page", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --paper: always one page, never a booklet, however small the text"), NULL },
  { "orientation", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --paper or --poster: landscape (default) or portrait"),
    N_("ORIENTATION") },
  { "poster", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to .pdf: tile the map over COLSxROWS overlapping sheets with cut marks, to tape together"),
    N_("COLSxROWS") },
  { "dpi", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to .png: the resolution, 24 to 1200 (default 150, as in the app; 96 is one pixel per map unit)"),
    N_("N") },
  { "dashboard", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("With --export to .pdf: add a KPI dashboard page after the map (touchpoints, average emotion, channel mix and KPIs against their targets, by phase and by channel category); other formats refuse it"),
    NULL },
  { "csv-delimiter", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to .csv: comma or semicolon between fields (default: semicolon where the language writes decimals with a comma, as German does; else comma)"),
    N_("DELIMITER") },
  { "highlight", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With --export to .pdf, .svg or .png: draw the cards that match as they are and dim the rest, as the app’s Highlight does. CRITERIA are key=value pairs separated by commas: channel=NAME, category=digital|physical|personal, owner=NAME, persona=NAME, emotion=MIN..MAX (−2 to 2), finding (any), finding=high|medium|low or finding=RULE, votes=N (at least N). Different keys must all hold, the same key repeated means any of them; a backslash escapes a comma"),
    N_("CRITERIA") },
  { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("With diff: words (default) or xml"),
    N_("FORMAT") },
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With merge: the file to write the merged map to"),
    N_("OUT") },
  { "name", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("With merge: the name messages give OUT (git’s %P, since %A is a temporary file)"),
    N_("NAME") },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* Where data files are looked for, in order. */
#define DATA_DIRS { g_getenv ("WAYMARK_DATADIR"), PKGDATADIR, SOURCE_DATADIR }

static GFile *
find_data (const char *relative_path,
           GFileTest   test)
{
  const char *dirs[] = DATA_DIRS;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;

      path = g_build_filename (dirs[i], relative_path, NULL);
      if (g_file_test (path, test))
        return g_file_new_for_path (path);
    }

  return NULL;
}

GFile *
waymark_application_find_data_file (const char *relative_path)
{
  g_return_val_if_fail (relative_path != NULL, NULL);

  return find_data (relative_path, G_FILE_TEST_IS_REGULAR);
}

GFile *
waymark_application_find_data_dir (const char *relative_path)
{
  g_return_val_if_fail (relative_path != NULL, NULL);

  return find_data (relative_path, G_FILE_TEST_IS_DIR);
}

gboolean
waymark_application_is_template_file (GFile *file)
{
  const char *dirs[] = DATA_DIRS;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) candidate = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return FALSE;
  /* A link to the bundled template (or a path with "..") is the template. */
  target = g_file_read_link (path, NULL);
  if (target != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *resolved = g_canonicalize_filename (target, folder);

      candidate = g_file_new_for_path (resolved);
    }
  else
    {
      g_autofree char *canonical = g_canonicalize_filename (path, NULL);

      candidate = g_file_new_for_path (canonical);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *templates = NULL;
      g_autoptr(GFile) folder = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      templates = g_canonicalize_filename (dirs[i], NULL);
      folder = g_file_new_build_filename (templates, "templates", NULL);
      if (g_file_has_prefix (candidate, folder))
        return TRUE;
    }
  return FALSE;
}

/* The window files open in: the active one, or a new one. */
static WaymarkWindow *
target_window (WaymarkApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WAYMARK_IS_WINDOW (active))
    return WAYMARK_WINDOW (active);
  return waymark_window_new (self);
}

static void
waymark_application_activate (GApplication *app)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (app);

  /* With no file: the window's start page (New, Open, recent maps). */
  gtk_window_present (GTK_WINDOW (target_window (self)));
}

/* From the command line, the file manager or another `waymark`: tabs in
 * the active window (a file already open anywhere is shown instead). */
static void
waymark_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (app);
  WaymarkWindow *window = target_window (self);

  for (int i = 0; i < n_files; i++)
    waymark_window_open (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_command_line (const char * const            *files,
                  gboolean                       check,
                  gboolean                       findings,
                  gboolean                       strict,
                  const char                    *export_path,
                  const WaymarkCliExportOptions *export_options)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  WaymarkCliExit status = waymark_cli_run (check, findings, strict, export_path, export_options, files, errors);

  if (errors->len > 0)
    g_printerr ("%s", errors->str);

  return status;
}

static int
run_compare (const char * const *files)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) errors = g_string_new (NULL);
  WaymarkCliExit status = waymark_cli_compare (files, out, errors);

  if (out->len > 0)
    g_print ("%s", out->str);
  if (errors->len > 0)
    g_printerr ("%s", errors->str);

  return status;
}

static int
run_subcommand (const char * const *args,
                const char         *format,
                const char         *output,
                const char         *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) errors = g_string_new (NULL);
  WaymarkCliExit status = waymark_cli_run_command (args, format, output, name, out, errors);

  if (out->len > 0)
    g_print ("%s", out->str);
  if (errors->len > 0)
    g_printerr ("%s", errors->str);

  return status;
}

/* Whether the first of @files names a command rather than a map. */
static gboolean
is_subcommand (const char * const *files)
{
  return files != NULL && files[0] != NULL && (g_str_equal (files[0], "diff") || g_str_equal (files[0], "merge"));
}

/* Everything here runs before the application registers or GTK opens a
 * display, so that --check, --export, diff and merge work on a machine
 * without one. */
static int
waymark_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (app);
  g_autofree const char **files = NULL;
  const char *export_path = NULL;
  WaymarkCliExportOptions export_options = { NULL };
  const char *format = NULL;
  const char *output = NULL;
  const char *name = NULL;
  gboolean check = FALSE;
  gboolean findings = FALSE;
  gboolean strict = FALSE;
  gboolean compare = FALSE;
  gboolean version = FALSE;
  g_autoptr(GError) error = NULL;
  GFile **gfiles;
  guint n_files;

  self->options_parsed = TRUE;

  g_variant_dict_lookup (options, "version", "b", &version);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "findings", "b", &findings);
  g_variant_dict_lookup (options, "strict", "b", &strict);
  g_variant_dict_lookup (options, "compare", "b", &compare);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "paper", "&s", &export_options.paper);
  g_variant_dict_lookup (options, "orientation", "&s", &export_options.orientation);
  g_variant_dict_lookup (options, "poster", "&s", &export_options.poster);
  g_variant_dict_lookup (options, "dpi", "&s", &export_options.dpi);
  g_variant_dict_lookup (options, "one-page", "b", &export_options.one_page);
  g_variant_dict_lookup (options, "dashboard", "b", &export_options.dashboard);
  g_variant_dict_lookup (options, "csv-delimiter", "&s", &export_options.csv_delimiter);
  g_variant_dict_lookup (options, "highlight", "&s", &export_options.highlight);
  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "name", "^&ay", &name);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (version)
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (compare)
    {
      if (is_subcommand (files) || check || findings || strict || export_path != NULL || export_options.paper != NULL ||
          export_options.orientation != NULL || export_options.poster != NULL || export_options.dpi != NULL ||
          export_options.one_page || export_options.dashboard || export_options.csv_delimiter != NULL ||
          export_options.highlight != NULL ||
          format != NULL || output != NULL || name != NULL)
        {
          g_printerr (_("waymark: --compare takes two maps and no other option\n"));
          return WAYMARK_CLI_EXIT_USAGE;
        }
      return run_compare (files);
    }

  if (is_subcommand (files))
    {
      if (check || export_path != NULL || export_options.paper != NULL || export_options.orientation != NULL ||
          export_options.poster != NULL || export_options.dpi != NULL || export_options.one_page ||
          export_options.dashboard || export_options.csv_delimiter != NULL || export_options.highlight != NULL)
        {
          g_printerr (_("waymark: %s cannot be combined with --check or --export\n"), files[0]);
          return WAYMARK_CLI_EXIT_USAGE;
        }
      return run_subcommand (files, format, output, name);
    }
  if (format != NULL || output != NULL || name != NULL)
    {
      g_printerr (_("waymark: --format goes with diff, --output and --name with merge\n"));
      return WAYMARK_CLI_EXIT_USAGE;
    }

  if (check || findings || strict || export_path != NULL || export_options.paper != NULL ||
      export_options.orientation != NULL || export_options.poster != NULL || export_options.dpi != NULL ||
      export_options.one_page || export_options.dashboard || export_options.csv_delimiter != NULL ||
      export_options.highlight != NULL)
    return run_command_line (files, check, findings, strict, export_path, &export_options);

  if (files == NULL || files[0] == NULL)
    return -1; /* GApplication goes on to register and activate */

  /* The files were taken out of the arguments by our G_OPTION_REMAINING
   * entry, so open them here: in this process, or in the instance that is
   * already running. */
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("waymark: %s\n", error->message);
      return EXIT_FAILURE;
    }

  n_files = g_strv_length ((char **) files);
  gfiles = g_new0 (GFile *, n_files);
  for (guint i = 0; i < n_files; i++)
    gfiles[i] = g_file_new_for_commandline_arg (files[i]);

  g_application_open (app, gfiles, (int) n_files, "");

  for (guint i = 0; i < n_files; i++)
    g_object_unref (gfiles[i]);
  g_free (gfiles);

  /* A local instance now holds windows: g_application_run() keeps running
   * until they close.  A remote one has passed the files on and exits. */
  return EXIT_SUCCESS;
}

static gboolean
waymark_application_local_command_line (GApplication   *app,
                                        char         ***arguments,
                                        int            *exit_status)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (app);
  gboolean handled;

  self->options_parsed = FALSE;
  handled = G_APPLICATION_CLASS (waymark_application_parent_class)->local_command_line (app, arguments, exit_status);

  /* GOption refused the arguments and has said why: scripts tell a usage
   * error (2) from an invalid file (1). */
  if (handled && !self->options_parsed)
    {
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      *exit_status = WAYMARK_CLI_EXIT_USAGE;
    }

  return handled;
}

/* Unsaved changes left by a crash: each in a tab of one window. */
static void
recover_orphans (WaymarkApplication *self)
{
  g_autoptr(GPtrArray) orphans = waymark_recovery_list_orphans ();
  WaymarkWindow *window = NULL;
  gboolean shown = FALSE;

  if (orphans == NULL || orphans->len == 0)
    return;
  window = waymark_window_new (self);
  for (guint i = 0; i < orphans->len; i++)
    shown |= waymark_window_recover (window, g_ptr_array_index (orphans, i));
  if (shown)
    gtk_window_present (GTK_WINDOW (window));
  else
    gtk_window_destroy (GTK_WINDOW (window));
}

static void
waymark_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control><Shift>w", NULL };
  static const char *close_tab_accels[] = { "<Control>w", NULL };
  static const char *new_accels[] = { "<Control>n", "<Control>t", NULL };
  static const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };

  G_APPLICATION_CLASS (waymark_application_parent_class)->startup (app);

  recover_orphans (WAYMARK_APPLICATION (app));

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.close-tab", close_tab_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  /* app.preferences (Ctrl+comma) and the color-scheme setting. */
  waymark_preferences_install (GTK_APPLICATION (app));
  waymark_termination_install (GTK_APPLICATION (app));
}

static gboolean
destroy_windows_cb (gpointer user_data)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                     (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  /* Everything was saved or discarded: no window asks again. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
  return G_SOURCE_REMOVE;
}

static void
quit_answered (gboolean proceed,
               gpointer user_data)
{
  g_autoptr(WaymarkApplication) self = user_data;

  /* Once the dialog that asked has gone. */
  if (proceed)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_windows_cb, g_object_ref (self), g_object_unref);
}

static void
quit_after_saves (WaymarkApplication *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);
}

/* Asks once for the unsaved maps of every window, then closes them all;
 * Cancel keeps everything open.  Saves still running end first. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WaymarkApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  g_autoptr(GPtrArray) tabs = waymark_save_changes_collect (windows);

  if (waymark_save_changes_wait (tabs, G_CALLBACK (quit_after_saves), g_object_ref (self), g_object_unref))
    return;
  if (tabs->len == 0)
    {
      quit_answered (TRUE, g_object_ref (self));
      return;
    }
  waymark_save_changes_ask (gtk_application_get_active_window (GTK_APPLICATION (self)), tabs,
                            quit_answered, g_object_ref (self));
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (waymark_window_new (WAYMARK_APPLICATION (user_data))));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "new-window", .activate = new_window_activated },
};

static void
waymark_application_class_init (WaymarkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = waymark_application_activate;
  app_class->open = waymark_application_open;
  app_class->handle_local_options = waymark_application_handle_local_options;
  app_class->local_command_line = waymark_application_local_command_line;
  app_class->startup = waymark_application_startup;
}

static void
waymark_application_init (WaymarkApplication *self)
{
  GApplication *app = G_APPLICATION (self);

  g_application_add_main_option_entries (app, option_entries);
  g_application_set_option_context_parameter_string (app, _("[FILE…] | diff A B | merge BASE OURS THEIRS -o OUT"));
  g_application_set_option_context_summary (app,
                                            _("Waymark maps customer journeys: phases, swimlanes and touchpoints.\n"
                                              "Each FILE opens in a tab; with none, a start page offers new and recent maps."));
  g_application_set_option_context_description (app,
                                                _("Examples:\n"
                                                  "  waymark map.journey\n"
                                                  "  waymark --check *.journey\n"
                                                  "  waymark --export map.pdf --paper A3 map.journey\n"
                                                  "  waymark --export poster.pdf --poster 3x2 map.journey\n"
                                                  "  waymark --export report.pdf --paper A4 --dashboard map.journey\n"
                                                  "  waymark --export map.png --dpi 150 map.journey\n"
                                                  "  waymark --export support.pdf --highlight channel=email,owner=Support map.journey\n"
                                                  "  waymark --export touchpoints.csv map.journey\n"
                                                  "  waymark --export journey.mmd map.journey\n"
                                                  "  waymark --export map.journey touchpoints.csv\n"
                                                  "  waymark --export journey.cjml map.journey\n"
                                                  "  waymark --export map.journey journey.cjml\n"
                                                  "  waymark --export normalised.journey map.journey\n"
                                                  "  waymark diff old.journey new.journey\n"
                                                  "  waymark merge base.journey ours.journey theirs.journey -o merged.journey\n"
                                                  "\n"
                                                  "Exit codes: 0 success, 1 an invalid file, 2 bad arguments.\n"
                                                  "diff: 0 the same, 1 different, 2 an error. "
                                                  "merge: 0 merged, 1 with conflicts, 2 an error."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

WaymarkApplication *
waymark_application_new (void)
{
  return g_object_new (WAYMARK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/waymark/Waymark",
                       NULL);
}
