/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templates: the gallery's list, and journeys made from every template in
 * data/templates, in English and in German. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libintl.h>

#include "waymark-error.h"
#include "waymark-file.h"
#include "waymark-template.h"

static GFile *
templates_dir (void)
{
  return g_file_new_build_filename (g_getenv ("WAYMARK_DATADIR"), "templates", NULL);
}

static GPtrArray *
template_files (void)
{
  g_autoptr(GFile) dir = templates_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autoptr(GDir) gdir = g_dir_open (path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (files, g_file_get_child (dir, name));
  g_assert_cmpuint (files->len, >=, 4);
  return files;
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

static WaymarkJourney *
load_original (GFile *file)
{
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_file_load (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return journey;
}

/* Every item of @copy sits where its original sits in @original, with a
 * fresh id, and its references point into @copy (at the copies of what
 * the original's point at). */
static void
assert_same_structure (WaymarkJourney *original,
                       WaymarkJourney *copy)
{
  g_assert_cmpstr (waymark_journey_get_id (copy), !=, waymark_journey_get_id (original));
  g_assert_cmpint (waymark_journey_get_state (copy), ==, waymark_journey_get_state (original));

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      guint n = waymark_journey_get_n_items (original, type);

      g_assert_cmpuint (waymark_journey_get_n_items (copy, type), ==, n);
      for (guint i = 0; i < n; i++)
        {
          gpointer a = waymark_journey_get_item (original, type, i);
          gpointer b = waymark_journey_get_item (copy, type, i);
          const char *id = waymark_item_get_id (b);

          /* Fresh: no id of the template lives on. */
          g_assert_true (g_str_has_prefix (id, waymark_item_type_id_prefix (type)));
          g_assert_null (waymark_journey_lookup (original, id));
          g_assert_true (waymark_journey_lookup (copy, id) == b);

          if (type == WAYMARK_ITEM_TOUCHPOINT)
            {
              WaymarkTouchpoint *ta = a, *tb = b;

              g_assert_cmpint (waymark_journey_index_of (copy, tb->phase), ==, waymark_journey_index_of (original, ta->phase));
              g_assert_cmpint (waymark_journey_index_of (copy, tb->lane), ==, waymark_journey_index_of (original, ta->lane));
              g_assert_true ((ta->channel == NULL) == (tb->channel == NULL));
              if (tb->channel != NULL)
                g_assert_cmpint (waymark_journey_index_of (copy, tb->channel), ==, waymark_journey_index_of (original, ta->channel));
              g_assert_cmpint (tb->initiator, ==, ta->initiator);
              g_assert_cmpint (tb->has_emotion, ==, ta->has_emotion);
              g_assert_cmpint (tb->emotion, ==, ta->emotion);
              g_assert_cmpint (tb->strength, ==, ta->strength);
              g_assert_cmpint (tb->priority, ==, ta->priority);
              g_assert_cmpint (tb->moment_of_truth, ==, ta->moment_of_truth);
              g_assert_cmpuint (waymark_touchpoint_get_n_kpis (tb), ==, waymark_touchpoint_get_n_kpis (ta));
              for (guint k = 0; k < waymark_touchpoint_get_n_kpis (ta); k++)
                {
                  WaymarkKpi *ka = g_ptr_array_index (ta->kpis, k);
                  WaymarkKpi *kb = g_ptr_array_index (tb->kpis, k);

                  g_assert_cmpstr (kb->value, ==, ka->value);
                  g_assert_cmpstr (kb->target, ==, ka->target);
                  /* A keyword of the painter, never translated. */
                  if (g_strcmp0 (ka->unit, "ratio") == 0)
                    g_assert_cmpstr (kb->unit, ==, "ratio");
                }
            }
          else if (type == WAYMARK_ITEM_NOTE)
            {
              WaymarkNote *na = a, *nb = b;

              g_assert_cmpint (waymark_journey_index_of (copy, nb->phase), ==, waymark_journey_index_of (original, na->phase));
              g_assert_cmpint (waymark_journey_index_of (copy, nb->lane), ==, waymark_journey_index_of (original, na->lane));
            }
          else if (type == WAYMARK_ITEM_LINK)
            {
              WaymarkLink *la = a, *lb = b;

              g_assert_cmpint (waymark_journey_index_of (copy, lb->from), ==, waymark_journey_index_of (original, la->from));
              g_assert_cmpint (waymark_journey_index_of (copy, lb->to), ==, waymark_journey_index_of (original, la->to));
            }
          else if (type == WAYMARK_ITEM_CHANNEL)
            {
              g_assert_cmpint (((WaymarkChannel *) b)->category, ==, ((WaymarkChannel *) a)->category);
              g_assert_cmpstr (((WaymarkChannel *) b)->icon, ==, ((WaymarkChannel *) a)->icon);
            }
          else if (type == WAYMARK_ITEM_LANE)
            g_assert_cmpint (((WaymarkLane *) b)->kind, ==, ((WaymarkLane *) a)->kind);
        }
    }
}

/* Calls @check on every pair (template text, journey text). */
typedef void (*TextCheck) (const char *original, const char *made, const char *what);

static void
each_text (WaymarkJourney *original,
           WaymarkJourney *copy,
           TextCheck       check)
{
  check (waymark_journey_get_text (original, WAYMARK_FIELD_TITLE), waymark_journey_get_text (copy, WAYMARK_FIELD_TITLE), "title");
  check (waymark_journey_get_text (original, WAYMARK_FIELD_SUBJECT), waymark_journey_get_text (copy, WAYMARK_FIELD_SUBJECT), "subject");
  check (waymark_journey_get_text (original, WAYMARK_FIELD_GOAL), waymark_journey_get_text (copy, WAYMARK_FIELD_GOAL), "goal");

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    for (guint i = 0; i < waymark_journey_get_n_items (original, type); i++)
      {
        gpointer a = waymark_journey_get_item (original, type, i);
        gpointer b = waymark_journey_get_item (copy, type, i);

        switch (type)
          {
          case WAYMARK_ITEM_PERSONA:
            check (((WaymarkPersona *) a)->name, ((WaymarkPersona *) b)->name, "persona");
            check (((WaymarkPersona *) a)->description, ((WaymarkPersona *) b)->description, "persona description");
            break;
          case WAYMARK_ITEM_PHASE:
            check (((WaymarkPhase *) a)->name, ((WaymarkPhase *) b)->name, "phase");
            break;
          case WAYMARK_ITEM_LANE:
            check (((WaymarkLane *) a)->name, ((WaymarkLane *) b)->name, "lane");
            break;
          case WAYMARK_ITEM_CHANNEL:
            check (((WaymarkChannel *) a)->name, ((WaymarkChannel *) b)->name, "channel");
            break;
          case WAYMARK_ITEM_TOUCHPOINT:
            {
              WaymarkTouchpoint *ta = a, *tb = b;

              check (ta->title, tb->title, "touchpoint title");
              check (ta->description, tb->description, "touchpoint description");
              check (ta->quote, tb->quote, "quote");
              check (ta->idea, tb->idea, "idea");
              check (ta->emotion_note, tb->emotion_note, "emotion");
              check (ta->owner, tb->owner, "owner");
              for (guint k = 0; k < waymark_touchpoint_get_n_kpis (ta); k++)
                {
                  WaymarkKpi *ka = g_ptr_array_index (ta->kpis, k);
                  WaymarkKpi *kb = g_ptr_array_index (tb->kpis, k);

                  check (ka->name, kb->name, "KPI");
                  if (g_strcmp0 (ka->unit, "ratio") != 0)
                    check (ka->unit, kb->unit, "KPI unit");
                }
            }
            break;
          case WAYMARK_ITEM_NOTE:
            check (((WaymarkNote *) a)->text, ((WaymarkNote *) b)->text, "note");
            break;
          case WAYMARK_ITEM_LINK:
          case WAYMARK_N_ITEM_TYPES:
          default:
            break;
          }
      }
}

static void
check_unchanged (const char *original,
                 const char *made,
                 const char *what)
{
  g_assert_cmpstr (made, ==, original);
}

static guint n_translated;
static guint n_differing;

/* In German every text of a template has a translation in the catalog
 * (gettext hands back the very string it was given when it has none) and
 * the journey holds it. */
static void
check_translated (const char *original,
                  const char *made,
                  const char *what)
{
  const char *translation;

  if (original == NULL || *original == '\0')
    {
      g_assert_cmpstr (made, ==, original);
      return;
    }
  translation = waymark_template_translate (original);
  if (translation == original)
    g_error ("The %s “%s” of a template has no German translation", what, original);
  g_assert_cmpstr (made, ==, translation);
  n_translated++;
  if (strcmp (made, original) != 0)
    n_differing++;
}

static void
test_instantiate_english (void)
{
  g_autoptr(GPtrArray) files = template_files ();

  set_language ("");
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(WaymarkJourney) original = load_original (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = waymark_template_instantiate (file, &error);
      g_autoptr(WaymarkJourney) again = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (journey);
      assert_same_structure (original, journey);
      each_text (original, journey, check_unchanged);

      /* Two journeys from one template share no id. */
      again = waymark_template_instantiate (file, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (waymark_journey_get_id (again), !=, waymark_journey_get_id (journey));
      for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
        for (guint k = 0; k < waymark_journey_get_n_items (again, type); k++)
          g_assert_null (waymark_journey_lookup (journey, waymark_item_get_id (waymark_journey_get_item (again, type, k))));
    }
}

static const char *
phase_name (WaymarkJourney *journey,
            guint           index)
{
  return ((WaymarkPhase *) waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, index))->name;
}

static WaymarkJourney *
instantiate (const char *basename)
{
  g_autoptr(GFile) dir = templates_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, basename);
  g_autoptr(GError) error = NULL;
  WaymarkJourney *journey = waymark_template_instantiate (file, &error);

  g_assert_no_error (error);
  return journey;
}

static void
test_instantiate_german (void)
{
  g_autoptr(GPtrArray) files = template_files ();
  g_autoptr(WaymarkJourney) five = NULL;
  g_autoptr(WaymarkJourney) three = NULL;
  g_autoptr(WaymarkJourney) example = NULL;
  WaymarkTouchpoint *first;

  set_language ("de");
  n_translated = n_differing = 0;
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(WaymarkJourney) original = load_original (file);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = waymark_template_instantiate (file, &error);

      g_assert_no_error (error);
      assert_same_structure (original, journey);
      each_text (original, journey, check_translated);
    }
  /* Most texts read differently in German ("Touchpoints", "Website" and
   * "App" stay). */
  g_assert_cmpuint (n_translated, >, 250);
  g_assert_cmpuint (n_differing, >, n_translated * 3 / 4);

  /* The vocabulary of the domain notes. */
  five = instantiate ("five-phases.journey");
  g_assert_cmpstr (waymark_journey_get_text (five, WAYMARK_FIELD_TITLE), ==, "Customer Journey");
  g_assert_cmpstr (phase_name (five, 0), ==, "Aufmerksamkeit");
  g_assert_cmpstr (phase_name (five, 1), ==, "Abwägung");
  g_assert_cmpstr (phase_name (five, 2), ==, "Kauf");
  g_assert_cmpstr (phase_name (five, 3), ==, "Bindung");
  g_assert_cmpstr (phase_name (five, 4), ==, "Empfehlung");
  g_assert_cmpstr (((WaymarkLane *) waymark_journey_get_item (five, WAYMARK_ITEM_LANE, 3))->name, ==, "Schwachstellen");

  three = instantiate ("three-stages.journey");
  g_assert_cmpstr (phase_name (three, 0), ==, "Vor dem Kauf");
  g_assert_cmpstr (phase_name (three, 1), ==, "Während des Kaufs");
  g_assert_cmpstr (phase_name (three, 2), ==, "Nach dem Kauf");

  example = instantiate ("example-fitness-watch.journey");
  g_assert_cmpstr (waymark_journey_get_text (example, WAYMARK_FIELD_TITLE), ==, "Fitnessuhr: von der Anzeige zur Empfehlung");
  g_assert_cmpstr (waymark_journey_get_text (example, WAYMARK_FIELD_GOAL), ==, "Kauf");
  first = waymark_journey_get_item (example, WAYMARK_ITEM_TOUCHPOINT, 0);
  g_assert_cmpstr (first->title, ==, "Instagram-Anzeige");
  g_assert_cmpstr (first->owner, ==, "Marketing");
  g_assert_cmpstr (first->emotion_note, ==, "neugierig");
  g_assert_cmpstr (((WaymarkKpi *) g_ptr_array_index (first->kpis, 0))->name, ==, "Klickrate");

  set_language ("");
}

static void
test_list (void)
{
  g_autoptr(GFile) dir = templates_dir ();
  g_autoptr(GPtrArray) files = template_files ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  WaymarkTemplateInfo *info;

  set_language ("");
  list = waymark_template_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, files->len);

  /* Blank templates first, the example last. */
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->basename, ==, "three-stages.journey");
  g_assert_cmpstr (info->name, ==, "Three Stages");
  g_assert_cmpuint (info->n_phases, ==, 3);
  g_assert_cmpuint (info->n_touchpoints, ==, 0);
  info = g_ptr_array_index (list, 1);
  g_assert_cmpstr (info->basename, ==, "five-phases.journey");
  g_assert_cmpuint (info->n_phases, ==, 5);
  g_assert_cmpuint (info->n_lanes, ==, 7);
  info = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpstr (info->basename, ==, "example-fitness-watch.journey");
  g_assert_cmpuint (info->n_touchpoints, >, 20);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *path = NULL;

      info = g_ptr_array_index (list, i);
      g_assert_nonnull (info->name);
      g_assert_cmpstr (info->name, !=, "");
      g_assert_nonnull (info->description);
      g_assert_cmpstr (info->description, !=, "");
      path = g_file_get_path (info->file);
      g_assert_true (g_str_has_suffix (path, info->basename));
    }

  /* In German. */
  set_language ("de");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = waymark_template_list (dir, &error);
  g_assert_no_error (error);
  info = g_ptr_array_index (list, 1);
  g_assert_cmpstr (info->name, ==, "Fünf Phasen");
  info = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpstr (info->name, ==, "Beispiel: Fitnessuhr");
  set_language ("");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-template-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_cmpint (g_remove (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static const char bad_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000001\">\n"
  "  <title>Broken</title>\n"
  "  <state>as-is</state>\n"
  "  <phase id=\"phase-000000000001\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <touchpoint id=\"tp-000000000001\" phase=\"phase-nowhere\" lane=\"lane-nowhere\">\n"
  "    <title>Lost</title>\n"
  "  </touchpoint>\n"
  "</journey>\n";

static void
test_bad_template (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.journey", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (path, bad_template, -1, NULL));
  journey = waymark_template_instantiate (file, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_REFERENCE);
  /* The message says which file and which line. */
  expected = g_strconcat (path, ":8: ", NULL);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  /* Not XML at all. */
  g_assert_true (g_file_set_contents (path, "<journey\n", -1, NULL));
  journey = waymark_template_instantiate (file, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_XML);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);

  journey = waymark_template_instantiate (missing, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing_path));
  g_clear_error (&error);

  remove_dir (dir);
}

/* A folder with a template of our own, a broken one and a file that is no
 * template: the gallery shows the one that loads, named by its title. */
static void
test_list_foreign_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) source_dir = templates_dir ();
  g_autoptr(GFile) source = g_file_get_child (source_dir, "five-phases.journey");
  g_autoptr(GFile) ours = g_file_get_child (dir_file, "workshop.journey");
  g_autofree char *broken = g_build_filename (dir, "broken.journey", NULL);
  g_autofree char *readme = g_build_filename (dir, "README", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkTemplateInfo *info;

  set_language ("");
  g_assert_true (g_file_copy (source, ours, G_FILE_COPY_NONE, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_set_contents (broken, bad_template, -1, NULL));
  g_assert_true (g_file_set_contents (readme, "not a template", -1, NULL));

  list = waymark_template_list (dir_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->basename, ==, "workshop.journey");
  g_assert_cmpstr (info->name, ==, "Customer journey");
  g_assert_cmpstr (info->description, ==, "5 phases, 7 lanes");

  remove_dir (dir);

  /* A folder that is not there. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = waymark_template_list (dir_file, &error);
  g_assert_null (list);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/template/list", test_list);
  g_test_add_func ("/template/list/foreign-folder", test_list_foreign_folder);
  g_test_add_func ("/template/instantiate/english", test_instantiate_english);
  g_test_add_func ("/template/instantiate/german", test_instantiate_german);
  g_test_add_func ("/template/instantiate/bad", test_bad_template);

  return g_test_run ();
}
