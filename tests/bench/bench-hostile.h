/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The hostile section: the worst file of each family (many attributes,
 * long markup, long text) against a generated journey of about the same
 * size, in time and peak memory of a whole load process. */
gboolean bench_hostile_run      (const BenchOptions  *options,
                                 GError             **error);

G_END_DECLS
