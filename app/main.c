/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "waymark-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WaymarkApplication) app = NULL;
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  /* WAYMARK_LOCALEDIR: the translations of a build that is not installed
   * (`meson devenv` sets it). */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = waymark_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
