/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-error.h"

G_DEFINE_QUARK (waymark-format-error-quark, waymark_format_error)
