/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* Section "share": `waymark diff` and `waymark merge` of maps of each
 * size with 1 % of the touchpoints changed on each side, against loading
 * the files they read, and the merge's peak memory against one loaded
 * map's. */
gboolean bench_share_run (const BenchOptions *options,
                          GError            **error);

G_END_DECLS
