/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-id.h"

char *
waymark_id_new (const char *prefix)
{
  guint64 r = ((guint64) g_random_int () << 32) | g_random_int ();

  return g_strdup_printf ("%s-%012" G_GINT64_MODIFIER "x", prefix, r & G_GUINT64_CONSTANT (0xffffffffffff));
}

gboolean
waymark_id_is_valid (const char *id)
{
  gsize i;

  if (id == NULL || id[0] == '\0')
    return FALSE;
  if (!(g_ascii_isalpha (id[0]) || id[0] == '_'))
    return FALSE;
  for (i = 1; id[i] != '\0'; i++)
    {
      char c = id[i];
      if (!(g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-'))
        return FALSE;
      if (i >= WAYMARK_ID_MAX_LENGTH)
        return FALSE;
    }
  return TRUE;
}
