/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The render section: painting a whole generated map and one 1920 × 1080
 * viewport of it, relayout after one card's title changes against a full
 * layout, and the PDF export of the example map. */
gboolean bench_render_run (const BenchOptions  *options,
                           GError             **error);

G_END_DECLS
