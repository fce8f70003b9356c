/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"
/* c_std=c11 hides POSIX: write, STDOUT_FILENO. */
#define _XOPEN_SOURCE 700

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "savekill-docs.h"
#include "waymark-file.h"

/* Saves document A, then B, then A … to PATH until it is killed.  The
 * savekill test kills it at random moments and checks that PATH always
 * holds one whole version. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(WaymarkJourney) a = NULL;
  g_autoptr(WaymarkJourney) b = NULL;
  g_autoptr(GFile) file = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s PATH\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  a = savekill_journey ('A');
  b = savekill_journey ('B');

  /* Tell the test we are about to save, so that its random delay measures
   * time spent saving rather than starting up (slow under sanitizers). */
  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 1;

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!waymark_file_save (i % 2 == 0 ? a : b, file, NULL, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}
