/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The canvas section: one frame of the canvas at 100 % while a card is
 * dragged over a 500- and a 5,000-touchpoint map (goal: at most 1.5 × the
 * 500 figure), a frame after a change (the visible area repainted), and
 * the model and layout work of each drag step and of the drop, with the
 * layout's counts showing that only the touched cells were laid out.
 * Needs a display (run it under xvfb-run); skipped without one. */
gboolean bench_canvas_run (const BenchOptions  *options,
                           GError             **error);

G_END_DECLS
