/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new id "<prefix>-<12 hex digits>": random, so two people adding cards to
 * copies of one file do not produce the same id. */
char     *waymark_id_new      (const char *prefix);
/* Whether @id is a valid id: [A-Za-z_][A-Za-z0-9_.-]*, at most 64 bytes. */
gboolean  waymark_id_is_valid (const char *id);

#define WAYMARK_ID_MAX_LENGTH 64

G_END_DECLS
