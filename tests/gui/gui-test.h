/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "waymark-window.h"

G_BEGIN_DECLS

/* What every GUI test program shares (the library `gui-test-support`):
 * its start, the display check, finding widgets, running the main loop,
 * the example map and temporary folders. */

/* The exit status meson reports as SKIP. */
#define GUI_TEST_SKIP 77

typedef enum {
  GUI_TEST_DEFAULT        = 0,
  /* Keep what widgets tell assistive technologies, for checking it (the
   * suite's GTK_A11Y=none would drop it; no AT-SPI bus is needed). */
  GUI_TEST_ACCESSIBILITY  = 1 << 0,
  /* The test switches to German while it runs.  g_dgettext() (the _() of
   * core and render) decides once per process whether to translate at all,
   * and in the C.UTF-8 locale with English messages it decides not to: an
   * application never changes its language, a test does.  So GLib decides
   * while German is on, before GTK's start asks it first. */
  GUI_TEST_SWITCHES_LANGUAGE = 1 << 1,
} GuiTestFlags;

/* Starts a GUI test program: the locale and the build's translations,
 * GTest, GTK and libadwaita.  Returns FALSE when there is no display,
 * having said so; main() then returns GUI_TEST_SKIP. */
gboolean   gui_test_init          (int          *argc,
                                   char       ***argv,
                                   GuiTestFlags  flags);

/* The first widget at or below @root (depth first) of @type whose name or
 * one of whose CSS classes is @name_or_class (NULL: any). */
GtkWidget *gui_test_find_widget   (GtkWidget  *root,
                                   GType       type,
                                   const char *name_or_class);

/* Runs what the main loop has ready, and waits for saves and journal
 * writes on worker threads to end. */
void       gui_test_iterate       (void);
/* Runs the main loop for @ms milliseconds (animations, timeouts). */
void       gui_test_spin          (guint ms);

/* A new document of the example map (data/templates) from the source tree. */
WaymarkDocument *gui_test_load_example (void);

/* Files: writing @contents to @dir/@basename, and reading one back. */
GFile     *gui_test_write_file    (const char *dir,
                                   const char *basename,
                                   const char *contents);
char      *gui_test_read_file     (GFile *file);

/* Runs the main loop until @window has read its file. */
void       gui_test_wait_until_loaded (WaymarkWindow *window);
/* An edit of the document in @window (its title), as a user's would be. */
void       gui_test_edit_title    (WaymarkWindow *window,
                                   const char    *title);

/* The visible window of @type that is transient for @parent (NULL: any),
 * and the message dialog (unsaved changes, changed on disk, …) of @parent. */
GtkWindow *gui_test_find_toplevel (GType      type,
                                   GtkWindow *parent);
AdwMessageDialog *gui_test_find_message_dialog (GtkWindow *parent);
/* Answers @dialog as a click on the button of @response would. */
void       gui_test_respond       (AdwMessageDialog *dialog,
                                   const char       *response);

/* The pid of a process that has ended: a lock or a recovery journal that
 * names it belongs to nobody. */
int        gui_test_dead_pid      (void);

/* A new temporary folder named after @name_template ("waymark-x-XXXXXX"),
 * and removing one with everything in it. */
char      *gui_test_make_dir      (const char *name_template);
void       gui_test_remove_tree   (const char *path);

G_END_DECLS
