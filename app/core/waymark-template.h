/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "waymark-journey.h"

G_BEGIN_DECLS

/* Templates are ordinary .journey files in data/templates, written in
 * English.  Their texts are extracted into the POT (data/templates/journey.its)
 * and translated like every other string; a journey made from a template
 * speaks the user's language. */

/* One entry of the template gallery.  Read-only. */
typedef struct {
  GFile *file;           /* the template's .journey file */
  char *basename;        /* its file name, as GSettings "last-template" keeps it */
  char *name;            /* localized, for the gallery */
  char *description;     /* localized, one line */
  guint n_phases;
  guint n_lanes;
  guint n_touchpoints;
  int order;             /* sort key: blank templates first, the example last */
} WaymarkTemplateInfo;

void waymark_template_info_free (WaymarkTemplateInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTemplateInfo, waymark_template_info_free)

/* The templates (*.journey) in @templates_dir, described by the
 * templates.xml index there when it has an entry (name, description,
 * order) and by the journey itself otherwise; sorted by order, then by
 * name.  Templates that do not load are skipped with a warning.  Returns a
 * new array of WaymarkTemplateInfo (freed with the array), or NULL with
 * @error when the folder cannot be read. */
GPtrArray      *waymark_template_list        (GFile   *templates_dir,
                                              GError **error);

/* Loads @template_file with the core reader and returns a new journey
 * from it: every user-visible text translated through gettext for the
 * current locale, every item (and the journey) with a fresh id, the
 * references between them kept.  On error, returns NULL with @error in
 * WAYMARK_FORMAT_ERROR ("FILE:LINE: problem") or G_IO_ERROR. */
WaymarkJourney *waymark_template_instantiate (GFile   *template_file,
                                              GError **error);

/* The translation of one template text (the same lookup as
 * waymark_template_instantiate(); NULL and "" are returned as they are). */
const char     *waymark_template_translate   (const char *text);

G_END_DECLS
