/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The file format section: load and save of generated journeys against
 * xmllint on the same files, and the peak memory of a load. */
gboolean bench_format_run       (const BenchOptions  *options,
                                 GError             **error);

/* The hidden `--load-only FILE` mode: what the app does to open FILE, in a
 * process of its own, so that it can be timed and measured from outside. */
int      bench_format_load_only (const char *path);

G_END_DECLS
