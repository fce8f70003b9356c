/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include "waymark-foreign.h"

static void
attr_free (gpointer data)
{
  WaymarkForeignAttr *attr = data;

  g_free (attr->owner);
  g_free (attr->qname);
  g_free (attr->value);
  g_free (attr);
}

static WaymarkForeign *
ensure (WaymarkForeign **foreign)
{
  if (*foreign == NULL)
    *foreign = g_new0 (WaymarkForeign, 1);
  return *foreign;
}

void
waymark_foreign_free (WaymarkForeign *foreign)
{
  if (foreign == NULL)
    return;
  g_clear_pointer (&foreign->ns_decls, g_ptr_array_unref);
  g_clear_pointer (&foreign->attrs, g_ptr_array_unref);
  g_clear_pointer (&foreign->elements, g_ptr_array_unref);
  g_free (foreign);
}

static gpointer
copy_attr (gconstpointer src,
           gpointer      user_data)
{
  const WaymarkForeignAttr *a = src;
  WaymarkForeignAttr *b = g_new (WaymarkForeignAttr, 1);

  b->owner = g_strdup (a->owner);
  b->qname = g_strdup (a->qname);
  b->value = g_strdup (a->value);
  return b;
}

static gpointer
copy_string (gconstpointer src,
             gpointer      user_data)
{
  return g_strdup (src);
}

WaymarkForeign *
waymark_foreign_copy (const WaymarkForeign *foreign)
{
  WaymarkForeign *copy;

  if (foreign == NULL)
    return NULL;
  copy = g_new0 (WaymarkForeign, 1);
  if (foreign->ns_decls)
    copy->ns_decls = g_ptr_array_copy (foreign->ns_decls, copy_string, NULL);
  if (foreign->attrs)
    copy->attrs = g_ptr_array_copy (foreign->attrs, copy_attr, NULL);
  if (foreign->elements)
    copy->elements = g_ptr_array_copy (foreign->elements, copy_string, NULL);
  return copy;
}

void
waymark_foreign_add_ns_decl (WaymarkForeign **foreign,
                             const char      *prefix,
                             const char      *uri)
{
  WaymarkForeign *f = ensure (foreign);

  if (f->ns_decls == NULL)
    f->ns_decls = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (f->ns_decls, g_strconcat (prefix ? prefix : "", "\n", uri, NULL));
}

void
waymark_foreign_add_attr (WaymarkForeign **foreign,
                          const char      *owner,
                          const char      *qname,
                          const char      *value)
{
  WaymarkForeign *f = ensure (foreign);
  WaymarkForeignAttr *attr = g_new (WaymarkForeignAttr, 1);

  attr->owner = g_strdup (owner ? owner : "");
  attr->qname = g_strdup (qname);
  attr->value = g_strdup (value);
  if (f->attrs == NULL)
    f->attrs = g_ptr_array_new_with_free_func (attr_free);
  g_ptr_array_add (f->attrs, attr);
}

void
waymark_foreign_add_element (WaymarkForeign **foreign,
                             const char      *xml)
{
  WaymarkForeign *f = ensure (foreign);

  if (f->elements == NULL)
    f->elements = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (f->elements, g_strdup (xml));
}

static gboolean
strings_equal (GPtrArray *a,
               GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
attrs_equal (GPtrArray *a,
             GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const WaymarkForeignAttr *x = g_ptr_array_index (a, i);
      const WaymarkForeignAttr *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->owner, y->owner) != 0 || g_strcmp0 (x->qname, y->qname) != 0 ||
          g_strcmp0 (x->value, y->value) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
waymark_foreign_equal (const WaymarkForeign *a,
                       const WaymarkForeign *b)
{
  if (a == b)
    return TRUE;
  /* An empty record and none write the same bytes. */
  return strings_equal (a ? a->ns_decls : NULL, b ? b->ns_decls : NULL) &&
         attrs_equal (a ? a->attrs : NULL, b ? b->attrs : NULL) &&
         strings_equal (a ? a->elements : NULL, b ? b->elements : NULL);
}
