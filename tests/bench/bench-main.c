/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "bench-canvas.h"
#include "bench-findings.h"
#include "bench-format.h"
#include "bench-hostile.h"
#include "bench-render.h"
#include "bench-save.h"
#include "bench-share.h"
#include "bench-util.h"

/* waymark-bench: figures for the questions "is it fast enough, does it
 * stay fast as maps grow".  A program, not a test: timings on a shared CI
 * machine are noise.  Each section prints its own table; later sections
 * (rendering, the canvas) reuse the generator and the helpers. */

typedef struct {
  const char *name;
  const char *description;
  gboolean (*run) (const BenchOptions *options, GError **error);
} BenchSection;

static const BenchSection sections[] = {
  { "format", "load and save against xmllint, peak memory of a load", bench_format_run },
  { "render", "paint whole map and a viewport, relayout, PDF export", bench_render_run },
  { "hostile", "the worst hostile file of each family: load time and peak memory", bench_hostile_run },
  { "findings", "the weak-spot rules: full run against a load, one incremental update", bench_findings_run },
  { "canvas", "canvas frames while dragging a card (needs a display), drag and drop work", bench_canvas_run },
  { "save", "the longest main-thread step of a save and of a journal write, against a load", bench_save_run },
  { "share", "diff and merge with 1 % changed against loading the files, peak memory of a merge", bench_share_run },
};

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  g_array_set_size (sizes, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 10000000, &value, error))
        {
          g_prefix_error (error, "--sizes: ");
          return FALSE;
        }
      g_array_append_val (sizes, value);
    }
  if (sizes->len == 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--sizes: no size given");
      return FALSE;
    }
  return TRUE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Removes what the sections wrote; they write plain files only. */
static void
remove_tmpdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *sizes_text = NULL;
  g_autofree char *self = NULL;
  g_autofree char *self_dir = NULL;
  g_autofree char *child = NULL;
  g_autofree char *tmpdir = NULL;
  g_auto(GStrv) only = NULL;
  gboolean keep = FALSE;
  gboolean list = FALSE;
  gint runs = 0;
  BenchOptions options;
  int status = EXIT_SUCCESS;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Touchpoints per generated journey (default 1000,10000,100000)", "N,N,..." },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs,
      "Runs per figure (default: 5, and 3 for 100,000 or more)", "N" },
    { "section", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only,
      "Run only this section (repeatable)", "NAME" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, "List the sections", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated files", NULL },
    { NULL }
  };

  xmlInitParser ();

  context = g_option_context_new ("- Waymark benchmark");
  g_option_context_set_summary (context,
                                "Generates journeys and measures Waymark against xmllint on them.\n"
                                "Build with --buildtype=release for figures worth quoting.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (list)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        g_print ("%-10s %s\n", sections[i].name, sections[i].description);
      return EXIT_SUCCESS;
    }

  if (!parse_sizes (sizes_text ? sizes_text : "1000,10000,100000", sizes, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_array_sort (sizes, compare_uint);
  if (runs < 0)
    {
      g_printerr ("--runs: must be positive\n");
      return EXIT_FAILURE;
    }
  if (only != NULL)
    for (guint i = 0; only[i] != NULL; i++)
      {
        gboolean known = FALSE;

        for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
          known |= strcmp (only[i], sections[s].name) == 0;
        if (!known)
          {
            g_printerr ("--section: no section \"%s\" (see --list)\n", only[i]);
            return EXIT_FAILURE;
          }
      }

  /* The child program is built next to this one (tests/bench/meson.build). */
  self = bench_self_path (argv[0]);
  if (self == NULL)
    {
      g_printerr ("cannot find this program's path\n");
      return EXIT_FAILURE;
    }
  self_dir = g_path_get_dirname (self);
  child = g_build_filename (self_dir, BENCH_CHILD_NAME, NULL);
  if (!g_file_test (child, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("%s not found: build the bench target of tests/bench\n", child);
      return EXIT_FAILURE;
    }
  tmpdir = g_dir_make_tmp ("waymark-bench-XXXXXX", &error);
  if (tmpdir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  options.sizes = sizes;
  options.runs = (guint) runs;
  options.child = child;
  options.tmpdir = tmpdir;

  g_print ("waymark-bench, %s build\n", BENCH_BUILDTYPE);
  if (strcmp (BENCH_BUILDTYPE, "release") != 0)
    g_print ("note: not a release build (meson setup --buildtype=release): figures are not representative\n");
  g_print ("files in %s\n\n", tmpdir);

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (only != NULL && !g_strv_contains ((const char * const *) only, sections[s].name))
        continue;
      if (!sections[s].run (&options, &error))
        {
          g_printerr ("\n%s: %s\n", sections[s].name, error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
        }
    }

  if (keep)
    g_print ("\nkept %s\n", tmpdir);
  else
    remove_tmpdir (tmpdir);
  return status;
}
