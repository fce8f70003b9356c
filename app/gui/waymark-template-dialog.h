/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_TEMPLATE_DIALOG (waymark_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkTemplateDialog, waymark_template_dialog, WAYMARK, TEMPLATE_DIALOG, AdwWindow)

/* "New Journey Map": a modal window, transient for @parent, with a gallery
 * of the templates in the data folder.  Create (or Enter, or a double
 * click) activates "win.new-from-template" on @parent with the template's
 * URI as a string parameter and closes the window; Cancel or Escape just
 * closes it.  Present it with gtk_window_present(). */
GtkWidget *waymark_template_dialog_new (GtkWindow *parent);

G_END_DECLS
