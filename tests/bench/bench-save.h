/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bench-util.h"

G_BEGIN_DECLS

/* The save section: how long a save and a recovery journal write keep
 * the main thread from drawing a frame, against loading the same map. */
gboolean bench_save_run (const BenchOptions  *options,
                         GError             **error);

G_END_DECLS
