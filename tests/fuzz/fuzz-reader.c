/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "waymark-reader.h"
#include "waymark-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Reads @data in up to three pieces, cut where the first two bytes say:
 * the file loader feeds the reader piece by piece, and a piece may end
 * anywhere (inside a character, a tag, the XML declaration). */
static WaymarkJourney *
read_in_pieces (const guint8  *data,
                size_t         size,
                GError       **error)
{
  g_autoptr(WaymarkReader) reader = waymark_reader_new ("fuzz.journey");
  size_t cuts[2] = { 0, 0 };
  size_t from = 0;
  guint n_cuts = 0;

  if (size >= 2)
    {
      n_cuts = data[0] % 3;
      cuts[0] = data[0] * size / 256;
      cuts[1] = cuts[0] + (size - cuts[0]) * data[1] / 256;
    }
  for (guint i = 0; i <= n_cuts; i++)
    {
      size_t to = i < n_cuts ? cuts[i] : size;

      if (!waymark_reader_feed (reader, (const char *) data + from, to - from, NULL))
        break;
      from = to;
    }
  return waymark_reader_finish (reader, NULL, error);
}

/* Whatever the bytes, the reader returns a journey or an error, never
 * crashes, leaks or hangs.  And what it accepts, the writer must write
 * in a form that loads again and then saves to the same bytes: the
 * canonical form is a fixed point (docs/ARCHITECTURE.md, "Files": load → save without edits
 * gives the same bytes).  Read in pieces, the same bytes give the same
 * verdict (with several problems, possibly another first one) and the
 * same journey. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) pieces_error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(WaymarkJourney) pieces = NULL;
  g_autoptr(WaymarkJourney) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) from_pieces = NULL;
  WaymarkReadInfo info = { 0 };

  journey = waymark_reader_read ((const char *) data, size, "fuzz.journey", &info, &error);
  pieces = read_in_pieces (data, size, &pieces_error);
  /* abort () rather than g_error (), which traps, a signal libFuzzer
   * does not catch: it would save no reproducer. */
  if ((journey == NULL) != (pieces == NULL))
    {
      g_printerr ("read whole: %s; read in pieces: %s\n",
                  error ? error->message : "loads", pieces_error ? pieces_error->message : "loads");
      abort ();
    }
  if (journey == NULL)
    {
      /* Every refusal says where: "NAME:LINE: …". */
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.journey:"));
      g_assert_nonnull (pieces_error);
      g_assert_true (g_str_has_prefix (pieces_error->message, "fuzz.journey:"));
      return 0;
    }
  g_assert_no_error (error);

  first = waymark_writer_write (journey);
  from_pieces = waymark_writer_write (pieces);
  if (!g_bytes_equal (first, from_pieces))
    {
      g_printerr ("read in pieces, the same bytes give another journey\n");
      abort ();
    }
  again = waymark_reader_read (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                               "fuzz-saved.journey", &info, &error);
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
