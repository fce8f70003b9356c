/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* SIGTERM, SIGHUP and SIGINT (a logout, `kill`, a closed terminal, Ctrl+C)
 * end the application without asking, as they must, but first write the
 * recovery journal of every map with unsaved changes and release the lock
 * files: the next start offers the changes again. */
void waymark_termination_install (GtkApplication *application);

G_END_DECLS
