/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-error.h"
#include "waymark-migrate.h"

/* One step turns a journey read from format N into what format N + 1
 * means.  The reader reads an older file with that file's rules (it
 * knows the format number and accepts the old spellings where a format
 * changed them), so a step only fixes up the model.
 *
 * When format N + 1 comes:
 *  1. bump WAYMARK_FORMAT_VERSION and teach the reader format N's rules
 *     where they differ (Reader.format, ReaderChild.since);
 *  2. add migrate_N_to_N+1() as steps[N];
 *  3. keep a format-N file in tests/core and check that it loads with
 *     info.migrated set.
 * A step must not change an item in place: it may be shared with another
 * version of the map (waymark_reader_set_share_with()); put a changed
 * copy in its place. */
typedef gboolean (*MigrateStep) (WaymarkJourney *journey, GError **error);

/* Format 2 only adds (dismissed findings, KPI directions, …): a format 1
 * map means the same in format 2, and the writer keeps writing it as
 * format 1 until it uses something new. */
static gboolean
migrate_1_to_2 (WaymarkJourney  *journey,
                GError         **error)
{
  return TRUE;
}

/* steps[N] migrates from format N to N + 1; index 0 (there is no format
 * 0) and the last slot (the current format) stay NULL. */
static const MigrateStep steps[WAYMARK_FORMAT_VERSION + 1] = {
  [1] = migrate_1_to_2,
};

gboolean
waymark_migrate_can_read (int format)
{
  if (format < WAYMARK_FORMAT_FIRST || format > WAYMARK_FORMAT_VERSION)
    return FALSE;
  for (int n = format; n < WAYMARK_FORMAT_VERSION; n++)
    if (steps[n] == NULL)
      return FALSE;
  return TRUE;
}

gboolean
waymark_migrate (WaymarkJourney  *journey,
                 int              format,
                 GError         **error)
{
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!waymark_migrate_can_read (format))
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORMAT,
                   _("files of format %d cannot be converted to format %d"),
                   format, WAYMARK_FORMAT_VERSION);
      return FALSE;
    }
  for (int n = format; n < WAYMARK_FORMAT_VERSION; n++)
    if (!steps[n] (journey, error))
      return FALSE;
  return TRUE;
}
