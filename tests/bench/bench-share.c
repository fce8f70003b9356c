/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include "bench-generate.h"
#include "bench-share.h"
#include "waymark-diff.h"
#include "waymark-file.h"
#include "waymark-merge.h"
#include "waymark-writer.h"

/* What sharing costs: a teammate's version against the base (the diff a
 * reviewer reads, `git diff`) and the three-way merge git runs.  Both read
 * their inputs first, so the question is how much they add on top:
 *
 *  - in this process, CPU time, median of the runs: the diff of ours
 *    against the base plus the merge of base, ours and theirs (and what
 *    reading the base and theirs sharing ours' unchanged items costs
 *    beyond plain loads, as `waymark merge` reads them), against
 *    loading the three files (goal: at most 1.5 times);
 *  - whole processes (`waymark-bench-child --merge`, `--diff`), peak
 *    resident memory against a process that loads one map (goal: at most
 *    3 times), counted above a process that loads a map of one card, so
 *    that the libraries both share do not flatter the ratio; and wall
 *    time against three such loads, for information.
 *
 * Each side changes 1 % of the touchpoints, on different cards, so that
 * the merge is clean: a third of them retitled, a fifth given another
 * emotion, a fifth moved to another phase, the rest split between removed
 * cards (ones without links, so nothing dangles) and new ones. */

#define SEED 20261206

static void
retitle (WaymarkTouchpoint *tp,
         const char        *side)
{
  char *title = g_strdup_printf ("%s (%s)", tp->title ? tp->title : "", side);

  g_free (tp->title);
  tp->title = title;
}

static gboolean
has_links (WaymarkJourney    *journey,
           WaymarkTouchpoint *tp)
{
  GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);

      if (link->from == tp || link->to == tp)
        return TRUE;
    }
  return FALSE;
}

/* Changes 1 % of @journey's touchpoints, starting at @offset of every
 * hundred (ours and theirs use different offsets). */
static void
change_one_percent (WaymarkJourney *journey,
                    guint           offset,
                    const char     *side)
{
  GPtrArray *touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  guint n = touchpoints->len;

  for (guint i = offset; i < n; i += 100)
    g_ptr_array_add (chosen, g_ptr_array_index (touchpoints, i));
  for (guint k = 0; k < chosen->len; k++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (chosen, k);

      switch (k % 10)
        {
        case 0: case 1: case 2:
          retitle (tp, side);
          break;
        case 3: case 4:
          tp->has_emotion = TRUE;
          tp->emotion = tp->emotion == WAYMARK_EMOTION_MAX ? WAYMARK_EMOTION_MIN : tp->emotion + 1;
          break;
        case 5: case 6:
          {
            int at = waymark_journey_index_of (journey, tp->phase);

            waymark_touchpoint_set_phase (tp, g_ptr_array_index (phases, (at + 1) % phases->len));
          }
          break;
        case 7: case 8:
          if (!has_links (journey, tp))
            {
              waymark_item_unref (waymark_journey_remove_item (journey, tp));
              break;
            }
          retitle (tp, side);
          break;
        default:
          {
            g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
            g_autofree char *title = g_strdup_printf ("New on %s %u", side, k);
            WaymarkTouchpoint *added = waymark_touchpoint_new (id, tp->phase, tp->lane, title);

            waymark_journey_insert_item (journey, added, -1);
            waymark_item_unref (added);
          }
          break;
        }
    }
}

static gboolean
write_journey (WaymarkJourney  *journey,
               const char      *path,
               GError         **error)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);

  return g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static WaymarkJourney *
load_sharing (const char      *path,
              WaymarkJourney  *share_with,
              GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkReadInfo info = { .share_with = share_with };

  return waymark_file_load (file, &info, NULL, error);
}

static WaymarkJourney *
load (const char  *path,
      GError     **error)
{
  return load_sharing (path, NULL, error);
}

typedef struct {
  guint size;
  double load3_ms;       /* CPU, in process */
  double diff_ms;
  double merge_ms;
  guint diff_records;
  BenchProc empty_proc;  /* a map of one card: the process without a map's data */
  BenchProc load_proc;   /* one map */
  BenchProc diff_proc;
  BenchProc merge_proc;
} Figures;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *values)
{
  g_array_sort (values, compare_double);
  return values->len == 0 ? 0 : g_array_index (values, double, values->len / 2);
}

static gboolean
measure_size (const BenchOptions  *options,
              guint                size,
              Figures             *fig,
              GError             **error)
{
  g_autofree char *base_path = g_strdup_printf ("%s/share-base-%u.journey", options->tmpdir, size);
  g_autofree char *ours_path = g_strdup_printf ("%s/share-ours-%u.journey", options->tmpdir, size);
  g_autofree char *theirs_path = g_strdup_printf ("%s/share-theirs-%u.journey", options->tmpdir, size);
  g_autofree char *out_path = g_strdup_printf ("%s/share-merged-%u.journey", options->tmpdir, size);
  g_autofree char *empty_path = g_strdup_printf ("%s/share-empty.journey", options->tmpdir);
  g_autoptr(WaymarkJourney) empty = bench_generate_journey (1, SEED);
  g_autoptr(WaymarkJourney) base = bench_generate_journey (size, SEED);
  g_autoptr(WaymarkJourney) ours = NULL;
  g_autoptr(WaymarkJourney) theirs = NULL;
  g_autoptr(GArray) load3 = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) diffs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (double));
  guint runs = options->runs > 0 ? options->runs : (size >= 100000 ? 3 : 5);
  const char *load_argv[] = { options->child, "--load-only", base_path, NULL };
  const char *empty_argv[] = { options->child, "--load-only", empty_path, NULL };
  const char *diff_argv[] = { options->child, "--diff", base_path, ours_path, NULL };
  const char *merge_argv[] = { options->child, "--merge", base_path, ours_path, theirs_path, out_path, NULL };

  fig->size = size;
  if (!write_journey (base, base_path, error) || !write_journey (empty, empty_path, error))
    return FALSE;
  ours = load (base_path, error);
  theirs = ours ? load (base_path, error) : NULL;
  if (theirs == NULL)
    return FALSE;
  change_one_percent (ours, 10, "ours");
  change_one_percent (theirs, 60, "theirs");
  if (!write_journey (ours, ours_path, error) || !write_journey (theirs, theirs_path, error))
    return FALSE;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(WaymarkJourney) b = NULL;
      g_autoptr(WaymarkJourney) o = NULL;
      g_autoptr(WaymarkJourney) t = NULL;
      g_autoptr(WaymarkJourney) merged = NULL;
      g_autoptr(WaymarkDiff) diff = NULL;
      gint64 start;
      double ms;
      double shared_extra;

      start = bench_cpu_now_ns ();
      b = load (base_path, error);
      o = b ? load (ours_path, error) : NULL;
      t = o ? load (theirs_path, error) : NULL;
      if (t == NULL)
        return FALSE;
      ms = (bench_cpu_now_ns () - start) / 1e6;
      g_array_append_val (load3, ms);

      start = bench_cpu_now_ns ();
      diff = waymark_diff_new (b, o, WAYMARK_DIFF_BY_ID_ONLY);
      fig->diff_records = waymark_diff_get_n_records (diff);
      ms = (bench_cpu_now_ns () - start) / 1e6;
      g_array_append_val (diffs, ms);

      /* As `waymark merge` does: ours first, the base and theirs sharing
       * its unchanged items as they are read, then the merge.  What the
       * sharing costs beyond three plain loads counts as the merge's. */
      g_clear_object (&b);
      g_clear_object (&o);
      g_clear_object (&t);
      start = bench_cpu_now_ns ();
      o = load (ours_path, error);
      b = o ? load_sharing (base_path, o, error) : NULL;
      t = b ? load_sharing (theirs_path, o, error) : NULL;
      if (t == NULL)
        return FALSE;
      ms = (bench_cpu_now_ns () - start) / 1e6;
      shared_extra = MAX (0, ms - g_array_index (load3, double, load3->len - 1));
      start = bench_cpu_now_ns ();
      merged = waymark_merge (b, o, t, NULL, error);
      if (merged == NULL)
        return FALSE;
      ms = (bench_cpu_now_ns () - start) / 1e6 + shared_extra;
      g_array_append_val (merges, ms);
      if (waymark_journey_get_conflicts (merged)->len != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the merge of %u has %u conflicts, expected none",
                       size, waymark_journey_get_conflicts (merged)->len);
          return FALSE;
        }
    }
  fig->load3_ms = median_of (load3);
  fig->diff_ms = median_of (diffs);
  fig->merge_ms = median_of (merges);

  /* Whole processes: one run each after a warm-up load (the page cache). */
  return bench_run_measured (options, empty_argv, &fig->empty_proc, error) &&
         bench_run_measured (options, load_argv, &fig->load_proc, error) &&
         bench_run_measured (options, load_argv, &fig->load_proc, error) &&
         bench_run_measured (options, diff_argv, &fig->diff_proc, error) &&
         bench_run_measured (options, merge_argv, &fig->merge_proc, error);
}

static double
ratio (double a,
       double b)
{
  return b > 0 ? a / b : -1;
}

gboolean
bench_share_run (const BenchOptions  *options,
                 GError             **error)
{
  g_autoptr(GArray) figs = g_array_new (FALSE, TRUE, sizeof (Figures));
  const Figures *largest;
  double value;

  g_print ("== share: diff and merge, 1 %% of the touchpoints changed on each side ==\n");
  for (guint i = 0; i < options->sizes->len; i++)
    {
      Figures fig = { 0 };

      if (!measure_size (options, g_array_index (options->sizes, guint, i), &fig, error))
        return FALSE;
      g_array_append_val (figs, fig);
    }

  g_print ("%-34s", "touchpoints");
  for (guint i = 0; i < figs->len; i++)
    g_print (" %10u", g_array_index (figs, Figures, i).size);
  g_print ("\n");
#define ROW(label, expr, precision) \
  G_STMT_START { \
    g_print ("%-34s", label); \
    for (guint i = 0; i < figs->len; i++) \
      { \
        const Figures *f = &g_array_index (figs, Figures, i); \
        bench_print_cell ((expr), 10, precision); \
      } \
    g_print ("\n"); \
  } G_STMT_END
  ROW ("changes the diff reports", f->diff_records, 0);
  ROW ("load 3 files, CPU ms", f->load3_ms, 1);
  ROW ("diff base/ours, CPU ms", f->diff_ms, 1);
  ROW ("merge, CPU ms", f->merge_ms, 1);
  ROW ("(diff + merge) / load 3", ratio (f->diff_ms + f->merge_ms, f->load3_ms), 2);
  ROW ("diff / load 3", ratio (f->diff_ms, f->load3_ms), 2);
  ROW ("merge / load 3", ratio (f->merge_ms, f->load3_ms), 2);
  ROW ("process: a 1-card map, peak MB", f->empty_proc.maxrss_mb, 1);
  ROW ("process: load 1, peak MB", f->load_proc.maxrss_mb, 1);
  ROW ("process: diff, peak MB", f->diff_proc.maxrss_mb, 1);
  ROW ("process: merge, peak MB", f->merge_proc.maxrss_mb, 1);
  ROW ("merge / load 1, peak", ratio (f->merge_proc.maxrss_mb, f->load_proc.maxrss_mb), 2);
  ROW ("the same above a 1-card map", ratio (f->merge_proc.maxrss_mb - f->empty_proc.maxrss_mb,
                                             f->load_proc.maxrss_mb - f->empty_proc.maxrss_mb), 2);
  ROW ("process: merge / 3 loads, wall", ratio (f->merge_proc.wall_ms, 3 * f->load_proc.wall_ms), 2);
#undef ROW

  largest = &g_array_index (figs, Figures, figs->len - 1);
  g_print ("\ngoals at %u touchpoints:\n", largest->size);
  value = ratio (largest->diff_ms + largest->merge_ms, largest->load3_ms);
  g_print ("  %-44s %6.2f  goal <= 1.5  %s\n", "(diff + merge) / loading the three files", value,
           bench_verdict (value, 1.5));
  /* Above what a process holds for a map of one card (libraries, the
   * parser): the memory the maps themselves take, the stricter figure. */
  value = ratio (largest->merge_proc.maxrss_mb - largest->empty_proc.maxrss_mb,
                 largest->load_proc.maxrss_mb - largest->empty_proc.maxrss_mb);
  g_print ("  %-44s %6.2f  goal <= 3    %s\n", "peak memory of a merge / of one loaded map", value,
           bench_verdict (value, 3.0));
  g_print ("\n");
  return TRUE;
}
