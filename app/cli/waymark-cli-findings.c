/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-checker.h"
#include "waymark-cli-private.h"

typedef struct {
  WaymarkFinding *finding;
  int line;
} Located;

/* By severity, then by line: the order a person fixes them in. */
static int
compare_located (gconstpointer a,
                 gconstpointer b)
{
  const Located *x = a;
  const Located *y = b;

  if (x->finding->severity != y->finding->severity)
    return (int) x->finding->severity - (int) y->finding->severity;
  return x->line - y->line;
}

guint
_waymark_cli_describe_findings (WaymarkJourney *journey,
                                const char     *name,
                                GHashTable     *lines,
                                GString        *out)
{
  g_autoptr(WaymarkChecker) checker = waymark_checker_new (journey);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) located = g_array_new (FALSE, FALSE, sizeof (Located));

  waymark_checker_update (checker);
  list = waymark_checker_list (checker);
  for (guint i = 0; i < list->len; i++)
    {
      WaymarkFinding *finding = list->pdata[i];
      Located entry = { finding, 1 };

      if (lines != NULL)
        entry.line = MAX (GPOINTER_TO_INT (g_hash_table_lookup (lines, waymark_item_get_id (finding->item))), 1);
      g_array_append_val (located, entry);
    }
  /* The list is in map order already; a stable sort keeps it for ties. */
  g_array_sort (located, compare_located);

  for (guint i = 0; i < located->len; i++)
    {
      const Located *entry = &g_array_index (located, Located, i);

      /* TRANSLATORS: FILE:LINE: severity: rule-id: message, like a compiler's warnings */
      g_string_append_printf (out, _("%s:%d: %s: %s: %s\n"), name, entry->line,
                              waymark_severity_label (entry->finding->severity),
                              waymark_finding_get_rule_id (entry->finding),
                              waymark_finding_get_message (entry->finding));
    }
  return located->len;
}
