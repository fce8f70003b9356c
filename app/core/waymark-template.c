/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-error.h"
#include "waymark-id.h"
#include "waymark-reader.h"
#include "waymark-file.h"
#include "waymark-template.h"

/* The templates Waymark ships, in gallery order: the blank ones first,
 * growing in detail, the filled-in example last.  A template missing here
 * (one a packager or a user added) still shows, after these, named by its
 * journey's title. */
static const struct {
  const char *basename;
  const char *name;
  const char *description;
} known_templates[] = {
  { "three-stages.journey",
    N_("Three Stages"),
    N_("Before, during and after the purchase") },
  { "five-phases.journey",
    N_("Five Phases"),
    N_("From awareness to advocacy") },
  { "b2b.journey",
    N_("Business Customers"),
    N_("A B2B purchase with its buying centre") },
  { "example-fitness-watch.journey",
    N_("Example: Fitness Watch"),
    N_("A running beginner buys a fitness watch") },
};

#define READ_CHUNK (64 * 1024)

/* The KPI unit the render layer shows as a percentage: a keyword, not a
 * text for people. */
#define KPI_UNIT_RATIO "ratio"

void
waymark_template_info_free (WaymarkTemplateInfo *info)
{
  if (info == NULL)
    return;
  g_clear_object (&info->file);
  g_free (info->basename);
  g_free (info->name);
  g_free (info->description);
  g_free (info);
}

const char *
waymark_template_translate (const char *text)
{
  /* gettext ("") is the catalog's header, not an empty string. */
  if (text == NULL || *text == '\0')
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

/* Reads the template through the streaming reader: the same checks as
 * opening a document, and never more than a chunk in memory at once. */
static WaymarkJourney *
load_template (GFile   *file,
               GError **error)
{
  g_autofree char *name = waymark_file_get_display_name (file);
  g_autoptr(WaymarkReader) reader = waymark_reader_new (name);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  WaymarkReadInfo info = { 0 };
  WaymarkJourney *journey;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
                       "%s: %s", name, local_error->message);
          return NULL;
        }
      if (n == 0)
        break;
      /* A refused document: finish() reports why. */
      if (!waymark_reader_feed (reader, buffer, (gsize) n, NULL))
        break;
    }

  journey = waymark_reader_finish (reader, &info, error);
  if (journey != NULL && info.newer)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORMAT,
                   _("%s:1: the template was written by a newer version of Waymark (format %d)"),
                   name, info.format);
      g_clear_object (&journey);
    }
  return journey;
}

/* Replaces the string in @field by its translation, if it has one. */
static void
translate_field (char **field)
{
  const char *translated = waymark_template_translate (*field);

  if (translated != *field)
    {
      char *copy = g_strdup (translated);

      g_free (*field);
      *field = copy;
    }
}

static void
translate_kpis (WaymarkTouchpoint *tp)
{
  if (tp->kpis == NULL)
    return;

  for (guint i = 0; i < tp->kpis->len; i++)
    {
      WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);
      const char *unit = kpi->unit;

      if (unit != NULL && strcmp (unit, KPI_UNIT_RATIO) != 0)
        unit = waymark_template_translate (unit);
      /* A fresh KPI rather than editing this one in place: it may be
       * packed (one allocation with its strings inside). */
      g_ptr_array_index (tp->kpis, i) = waymark_kpi_new (waymark_template_translate (kpi->name),
                                                         kpi->value, unit, kpi->target);
      waymark_kpi_free (kpi);
    }
}

static void
translate_item (gpointer item)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_PERSONA:
      translate_field (&((WaymarkPersona *) item)->name);
      translate_field (&((WaymarkPersona *) item)->description);
      break;
    case WAYMARK_ITEM_PHASE:
      translate_field (&((WaymarkPhase *) item)->name);
      break;
    case WAYMARK_ITEM_LANE:
      translate_field (&((WaymarkLane *) item)->name);
      break;
    case WAYMARK_ITEM_CHANNEL:
      translate_field (&((WaymarkChannel *) item)->name);
      break;
    case WAYMARK_ITEM_TOUCHPOINT:
      {
        WaymarkTouchpoint *tp = item;

        translate_field (&tp->title);
        translate_field (&tp->description);
        translate_field (&tp->quote);
        translate_field (&tp->idea);
        translate_field (&tp->emotion_note);
        translate_field (&tp->owner);
        translate_kpis (tp);
      }
      break;
    case WAYMARK_ITEM_NOTE:
      translate_field (&((WaymarkNote *) item)->text);
      break;
    case WAYMARK_ITEM_LINK:
      break;
    case WAYMARK_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }
}

/* A strong reference field pointing into the template, moved to the new
 * journey's item of the same origin. */
static void
remap (gpointer   *field,
       GHashTable *map)
{
  gpointer target;

  if (*field == NULL)
    return;
  target = g_hash_table_lookup (map, *field);
  g_assert (target != NULL);
  waymark_item_unref (*field);
  *field = waymark_item_ref (target);
}

static void
remap_references (gpointer    item,
                  GHashTable *map)
{
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      {
        WaymarkTouchpoint *tp = item;

        remap ((gpointer *) &tp->phase, map);
        remap ((gpointer *) &tp->lane, map);
        remap ((gpointer *) &tp->channel, map);
      }
      break;
    case WAYMARK_ITEM_NOTE:
      remap ((gpointer *) &((WaymarkNote *) item)->phase, map);
      remap ((gpointer *) &((WaymarkNote *) item)->lane, map);
      break;
    case WAYMARK_ITEM_LINK:
      remap ((gpointer *) &((WaymarkLink *) item)->from, map);
      remap ((gpointer *) &((WaymarkLink *) item)->to, map);
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
      break;
    case WAYMARK_N_ITEM_TYPES:
    default:
      g_assert_not_reached ();
    }
}

/* An id of @type that neither the new journey nor the template uses, so
 * that no id of the template lives on in maps made from it. */
static char *
fresh_id (WaymarkJourney  *journey,
          WaymarkJourney  *template,
          WaymarkItemType  type)
{
  for (;;)
    {
      g_autofree char *id = waymark_journey_new_id (journey, type);

      if (waymark_journey_lookup (template, id) == NULL &&
          g_strcmp0 (id, waymark_journey_get_id (template)) != 0)
        return g_steal_pointer (&id);
    }
}

WaymarkJourney *
waymark_template_instantiate (GFile   *template_file,
                              GError **error)
{
  g_autoptr(WaymarkJourney) template = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autoptr(GHashTable) map = NULL;
  static const WaymarkJourneyField fields[] = {
    WAYMARK_FIELD_TITLE, WAYMARK_FIELD_SUBJECT, WAYMARK_FIELD_GOAL,
  };

  g_return_val_if_fail (G_IS_FILE (template_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  template = load_template (template_file, error);
  if (template == NULL)
    return NULL;

  journey = waymark_journey_new ();
  while (g_strcmp0 (waymark_journey_get_id (journey), waymark_journey_get_id (template)) == 0)
    {
      g_autofree char *id = waymark_id_new ("j");
      waymark_journey_set_id (journey, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    waymark_journey_set_text (journey, fields[i],
                              waymark_template_translate (waymark_journey_get_text (template, fields[i])));
  waymark_journey_set_state (journey, waymark_journey_get_state (template));
  *waymark_journey_get_foreign_slot (journey) = waymark_foreign_copy (waymark_journey_get_foreign (template));

  /* Template item → new item, for the references (touchpoint → phase,
   * lane, channel; note → phase, lane; link → touchpoints).  Types come in
   * file order, so what a reference names is always mapped already. */
  map = g_hash_table_new_full (NULL, NULL, NULL, waymark_item_unref);
  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      GPtrArray *items = waymark_journey_get_items (template, type);

      for (guint i = 0; i < items->len; i++)
        {
          gpointer original = g_ptr_array_index (items, i);
          WaymarkItem *copy = waymark_item_copy (original);

          g_free (copy->id);
          copy->id = fresh_id (journey, template, type);
          remap_references (copy, map);
          translate_item (copy);
          _waymark_journey_append_new (journey, copy);
          g_hash_table_insert (map, original, copy);
        }
    }

  return g_steal_pointer (&journey);
}

static int
known_index (const char *basename)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_templates); i++)
    if (strcmp (known_templates[i].basename, basename) == 0)
      return (int) i;
  return -1;
}

static WaymarkTemplateInfo *
describe (GFile       *file,
          const char  *basename,
          GError     **error)
{
  g_autoptr(WaymarkJourney) journey = load_template (file, error);
  g_autoptr(WaymarkTemplateInfo) info = NULL;
  int index;

  if (journey == NULL)
    return NULL;

  info = g_new0 (WaymarkTemplateInfo, 1);
  info->file = g_object_ref (file);
  info->basename = g_strdup (basename);
  info->n_phases = waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE);
  info->n_lanes = waymark_journey_get_n_items (journey, WAYMARK_ITEM_LANE);
  info->n_touchpoints = waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT);

  index = known_index (basename);
  if (index >= 0)
    {
      info->order = index;
      info->name = g_strdup (_(known_templates[index].name));
      info->description = g_strdup (_(known_templates[index].description));
    }
  else
    {
      const char *title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
      g_autofree char *phases = NULL;
      g_autofree char *lanes = NULL;

      /* Unknown templates after ours; the emptier ones first. */
      info->order = (int) G_N_ELEMENTS (known_templates) + 1 +
                    (int) MIN (info->n_touchpoints, (guint) G_MAXINT / 2);
      if (title != NULL && *title != '\0')
        info->name = g_strdup (waymark_template_translate (title));
      else
        {
          g_autofree char *stem = g_strndup (basename, strlen (basename) - strlen (".journey"));
          info->name = g_filename_display_name (stem);
        }
      phases = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", info->n_phases),
                                info->n_phases);
      lanes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lane", "%u lanes", info->n_lanes),
                               info->n_lanes);
      /* TRANSLATORS: the description of a template: "5 phases, 7 lanes" */
      info->description = g_strdup_printf (_("%s, %s"), phases, lanes);
    }
  return g_steal_pointer (&info);
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const WaymarkTemplateInfo *ia = *(WaymarkTemplateInfo * const *) a;
  const WaymarkTemplateInfo *ib = *(WaymarkTemplateInfo * const *) b;
  int cmp;

  if (ia->order != ib->order)
    return ia->order < ib->order ? -1 : 1;
  cmp = g_utf8_collate (ia->name, ib->name);
  if (cmp != 0)
    return cmp;
  return strcmp (ia->basename, ib->basename);
}

GPtrArray *
waymark_template_list (GFile   *templates_dir,
                       GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (templates_dir), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  children = g_file_enumerate_children (templates_dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return NULL;

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_template_info_free);
  for (;;)
    {
      GFileInfo *child_info = NULL;
      GFile *child = NULL;
      const char *basename;
      WaymarkTemplateInfo *info;
      g_autoptr(GError) load_error = NULL;

      if (!g_file_enumerator_iterate (children, &child_info, &child, NULL, &local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (child_info == NULL)
        break;
      basename = g_file_info_get_name (child_info);
      if (g_file_info_get_file_type (child_info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (basename, ".journey") || basename[0] == '.')
        continue;

      info = describe (child, basename, &load_error);
      if (info == NULL)
        {
          g_message ("Skipping a template that does not load: %s", load_error->message);
          continue;
        }
      g_ptr_array_add (infos, info);
    }

  g_ptr_array_sort (infos, compare_infos);
  return g_steal_pointer (&infos);
}
