/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "waymark-reader.h"
#include "waymark-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Whatever the bytes, the reader returns a journey or an error, never
 * crashes, leaks or hangs.  And what it accepts, the writer must write
 * in a form that loads again and then saves to the same bytes: the
 * canonical form is a fixed point (DESIGN.md: load → save without edits
 * gives the same bytes). */
int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(WaymarkJourney) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  WaymarkReadInfo info;

  journey = waymark_reader_read ((const char *) data, size, "fuzz.journey", &info, &error);
  if (journey == NULL)
    {
      /* Every refusal says where: "NAME:LINE: …". */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.journey:"));
      return 0;
    }
  g_assert_no_error (error);

  first = waymark_writer_write (journey);
  again = waymark_reader_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                               "fuzz-saved.journey", &info, &error);
  /* abort () rather than g_error (), which traps, a signal libFuzzer
   * does not catch: it would save no reproducer. */
  if (again == NULL)
    {
      g_printerr ("the writer's output does not load: %s\n", error->message);
      abort ();
    }
  second = waymark_writer_write (again);
  if (!g_bytes_equal (first, second))
    {
      g_printerr ("saving a saved file changes it\n");
      abort ();
    }
  return 0;
}
