/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The file format section: load and save of generated journeys against
 * xmllint on the same files, and the peak memory of a load. */
gboolean bench_format_run       (const BenchOptions  *options,
                                 GError             **error);

G_END_DECLS
