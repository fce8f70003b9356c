/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a file holds from other namespaces, kept so that it survives a round
 * trip through a program that does not understand it.  NULL means "none",
 * which is by far the common case, so items pay one pointer for it. */

typedef struct {
  char *owner;   /* "" for the element itself, else the known child it sits on ("emotion", "kpi:2", …) */
  char *qname;   /* as written: prefix:local */
  char *value;
} WaymarkForeignAttr;

typedef struct {
  GPtrArray *ns_decls;  /* char *: "prefix\nuri" pairs declared on the element */
  GPtrArray *attrs;     /* WaymarkForeignAttr */
  GPtrArray *elements;  /* char *: each a whole foreign element as XML text */
} WaymarkForeign;

void            waymark_foreign_free        (WaymarkForeign *foreign);
WaymarkForeign *waymark_foreign_copy        (const WaymarkForeign *foreign);
void            waymark_foreign_add_ns_decl (WaymarkForeign **foreign, const char *prefix, const char *uri);
void            waymark_foreign_add_attr    (WaymarkForeign **foreign, const char *owner, const char *qname, const char *value);
void            waymark_foreign_add_element (WaymarkForeign **foreign, const char *xml);
/* Whether @a and @b hold the same foreign content (NULL is none). */
gboolean        waymark_foreign_equal       (const WaymarkForeign *a, const WaymarkForeign *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkForeign, waymark_foreign_free)

G_END_DECLS
