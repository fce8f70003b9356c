/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include <glib/gstdio.h>

#include "bench-findings.h"
#include "bench-generate.h"
#include "waymark-checker.h"
#include "waymark-edits.h"
#include "waymark-file.h"
#include "waymark-history.h"

/* Figures for one size:
 *  - load: waymark_file_load () of the generated file, as the app opens it;
 *  - full: a new WaymarkChecker's first waymark_checker_update () (every
 *    rule on every item, the flow and the links built);
 *  - incremental: waymark_checker_update () after one edit of one
 *    touchpoint's emotion in the middle of the flow (through the undo
 *    history, as the inspector makes it), the edit itself not timed. */

#define SEED 7301

typedef struct {
  guint size;
  guint runs;
  double load_ms;
  double full_ms;
  double incremental_ms;
  guint findings;
} Figures;

static gboolean
measure (const BenchOptions  *options,
         Figures             *fig,
         GError             **error)
{
  g_autofree char *path = bench_generate_file (options->tmpdir, fig->size, SEED + fig->size, NULL, error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(WaymarkHistory) history = NULL;
  g_autoptr(WaymarkChecker) checker = NULL;
  g_autofree double *load = g_new0 (double, fig->runs);
  g_autofree double *full = g_new0 (double, fig->runs);
  g_autofree double *incremental = g_new0 (double, fig->runs);
  GPtrArray *touchpoints;
  WaymarkTouchpoint *tp;

  if (path == NULL)
    return FALSE;
  file = g_file_new_for_path (path);

  for (guint r = 0; r < fig->runs; r++)
    {
      g_autoptr(WaymarkFileStamp) stamp = NULL;
      WaymarkReadInfo info = { 0 };
      gint64 start;

      g_clear_object (&journey);
      start = bench_now_ns ();
      journey = waymark_file_load (file, &info, &stamp, error);
      load[r] = bench_ms_since (start);
      if (journey == NULL)
        return FALSE;
    }

  for (guint r = 0; r < fig->runs; r++)
    {
      gint64 start;

      g_clear_object (&checker);
      checker = waymark_checker_new (journey);
      start = bench_now_ns ();
      waymark_checker_update (checker);
      full[r] = bench_ms_since (start);
    }
  fig->findings = waymark_checker_get_n_findings (checker);

  history = waymark_history_new (journey);
  touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  tp = touchpoints->pdata[touchpoints->len / 2];
  for (guint r = 0; r < fig->runs; r++)
    {
      WaymarkTouchpoint *edited = waymark_item_copy (tp);
      gint64 start;

      /* Down and up again: every run changes the emotion, and so what the
       * rules see. */
      edited->has_emotion = TRUE;
      edited->emotion = r % 2 == 0 ? -2 : 2;
      waymark_edits_update (history, tp, edited, NULL);
      g_assert (waymark_checker_is_pending (checker));
      start = bench_now_ns ();
      waymark_checker_update (checker);
      incremental[r] = bench_ms_since (start);
    }

  fig->load_ms = bench_median (load, fig->runs);
  fig->full_ms = bench_median (full, fig->runs);
  fig->incremental_ms = bench_median (incremental, fig->runs);
  g_unlink (path);
  return TRUE;
}

gboolean
bench_findings_run (const BenchOptions  *options,
                    GError             **error)
{
  g_autofree Figures *figs = g_new0 (Figures, options->sizes->len);
  guint passed = 0;
  guint checked = 0;

  g_print ("\n== findings: the weak-spot rules, full run and incremental update ==\n");
  for (guint i = 0; i < options->sizes->len; i++)
    {
      figs[i].size = g_array_index (options->sizes, guint, i);
      figs[i].runs = options->runs > 0 ? options->runs : (figs[i].size >= 100000 ? 3 : 5);
      g_print ("  %u touchpoints...", figs[i].size);
      if (!measure (options, &figs[i], error))
        return FALSE;
      g_print (" done\n");
    }

  g_print ("\n  %-46s", "touchpoints");
  for (guint i = 0; i < options->sizes->len; i++)
    g_print (" %10u", figs[i].size);
  g_print ("\n  %-46s", "findings");
  for (guint i = 0; i < options->sizes->len; i++)
    g_print (" %10u", figs[i].findings);
  g_print ("\n\n  Time (ms, median)\n  %-46s", "load of the map");
  for (guint i = 0; i < options->sizes->len; i++)
    bench_print_cell (figs[i].load_ms, 10, 2);
  g_print ("\n  %-46s", "full rule run");
  for (guint i = 0; i < options->sizes->len; i++)
    bench_print_cell (figs[i].full_ms, 10, 2);
  g_print ("\n  %-46s", "incremental update after one edit");
  for (guint i = 0; i < options->sizes->len; i++)
    bench_print_cell (figs[i].incremental_ms, 10, 4);
  g_print ("\n\n  Ratios\n  %-46s", "full run / load");
  for (guint i = 0; i < options->sizes->len; i++)
    bench_print_cell (figs[i].load_ms > 0 ? figs[i].full_ms / figs[i].load_ms : -1, 10, 4);
  g_print ("\n  %-46s", "incremental / full run");
  for (guint i = 0; i < options->sizes->len; i++)
    bench_print_cell (figs[i].full_ms > 0 ? figs[i].incremental_ms / figs[i].full_ms : -1, 10, 5);
  g_print ("\n\n  Goals\n");

  for (guint i = 0; i < options->sizes->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("%uk: full run / load", figs[i].size / 1000);
      double ratio = figs[i].load_ms > 0 ? figs[i].full_ms / figs[i].load_ms : -1;

      checked++;
      passed += ratio >= 0 && ratio <= 0.5;
      g_print ("  %-46s %10.4f %s   goal <= 0.5\n", label, ratio, bench_verdict (ratio, 0.5));
    }
  for (guint i = 0; i < options->sizes->len; i++)
    if (figs[i].size == 10000)
      {
        double ratio = figs[i].full_ms > 0 ? figs[i].incremental_ms / figs[i].full_ms : -1;

        checked++;
        passed += ratio >= 0 && ratio <= 1.0 / 50;
        g_print ("  %-46s %10.5f %s   goal <= 0.02 (1/50)\n", "10k: incremental / full run", ratio,
                 bench_verdict (ratio, 1.0 / 50));
      }
  g_print ("\n  goals met: %u of %u\n", passed, checked);
  return TRUE;
}
