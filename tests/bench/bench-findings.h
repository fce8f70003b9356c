/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The findings section: the full weak-spot rule run of a generated map
 * against loading the same map, and one incremental update after a
 * single edit against the full run. */
gboolean bench_findings_run (const BenchOptions  *options,
                             GError             **error);

G_END_DECLS
