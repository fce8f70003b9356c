/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8's GtkMenuButton keeps its accessible label to itself: the
 * toggle button inside it, which is what a screen reader reaches, has
 * no name and is announced by its role alone.  Gives @button and that
 * toggle button @label (translated). */
void waymark_a11y_name_menu_button (GtkMenuButton *button,
                                    const char    *label);

G_END_DECLS
