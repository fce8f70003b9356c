/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-content-type"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/* Does the shared-mime-info definition make GLib (and so the file manager,
 * the file chooser and the portal) recognise journey maps?  It is installed
 * into a private XDG_DATA_HOME and compiled with update-mime-database, the
 * way a desktop does after `meson install`; the system's definitions stay
 * visible for application/xml and friends.
 *
 * Environment: WAYMARK_MIME_XML, the merged definition from the build;
 * WAYMARK_DATADIR, the source data/ folder (for a template).  Not
 * arguments: g_test_trap_subprocess() passes only GTest's own options. */

#define JOURNEY_TYPE "application/vnd.waymark.journey+xml"

static char *data_home;
static char *samples;
static char *template_bytes;
static gsize template_len;

static const char plain_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journal xmlns=\"urn:example:diary\">\n"
  "  <entry>A journey to the sea</entry>\n"
  "</journal>\n";

static char *
write_sample (const char *name,
              const char *contents,
              gssize      len)
{
  char *path = g_build_filename (samples, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static char *
query_content_type (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (g_file_info_get_content_type (info));
}

static void
test_glob (void)
{
  g_autofree char *type = g_content_type_guess ("Fitness watch.journey", NULL, 0, NULL);
  g_autofree char *path = write_sample ("map.journey", template_bytes, template_len);
  g_autofree char *queried = query_content_type (path);

  g_assert_cmpstr (type, ==, JOURNEY_TYPE);
  g_assert_cmpstr (queried, ==, JOURNEY_TYPE);
}

static void
test_sniffed (void)
{
  gboolean uncertain = TRUE;
  g_autofree char *type = g_content_type_guess (NULL, (const guchar *) template_bytes,
                                                template_len, &uncertain);
  /* A map saved without the extension, e.g. by a sync client or a mail
   * attachment, is still recognised from its content. */
  g_autofree char *path = write_sample ("customer journey", template_bytes, template_len);
  g_autofree char *queried = query_content_type (path);

  g_assert_cmpstr (type, ==, JOURNEY_TYPE);
  g_assert_false (uncertain);
  g_assert_cmpstr (queried, ==, JOURNEY_TYPE);
}

static void
test_sniffed_after_comment (void)
{
  /* The namespace may come after a licence comment, as long as it is
   * within the first few hundred bytes like the writer puts it. */
  g_autofree char *doc =
    g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n",
                 strstr (template_bytes, "<journey "), NULL);
  g_autofree char *type = g_content_type_guess (NULL, (const guchar *) doc, strlen (doc), NULL);

  g_assert_cmpstr (type, ==, JOURNEY_TYPE);
}

static void
test_other_xml_is_not_a_journey (void)
{
  /* The magic must not claim XML that merely mentions a journey. */
  g_autofree char *type = g_content_type_guess (NULL, (const guchar *) plain_xml,
                                                sizeof plain_xml - 1, NULL);
  g_autofree char *path = write_sample ("diary", plain_xml, -1);
  g_autofree char *queried = query_content_type (path);

  g_assert_cmpstr (type, !=, JOURNEY_TYPE);
  g_assert_true (g_content_type_is_a (type, "application/xml"));
  g_assert_cmpstr (queried, !=, JOURNEY_TYPE);
}

static void
test_xml_extension (void)
{
  /* A journey exported as *.xml: the glob is unambiguous, and by the
   * shared-mime-info rules a single glob match wins over the content, so
   * GLib calls it application/xml.  Our type is a subclass of it, so the
   * file is still an XML file everywhere, and Waymark's file dialogs can
   * open it through their XML filter. */
  g_autofree char *path = write_sample ("export.xml", template_bytes, template_len);
  g_autofree char *queried = query_content_type (path);

  g_assert_cmpstr (queried, ==, "application/xml");
  g_assert_true (g_content_type_is_a (JOURNEY_TYPE, queried));
}

static void
test_subclass_of_xml (void)
{
  g_assert_true (g_content_type_is_a (JOURNEY_TYPE, "application/xml"));
  /* Text editors offer themselves for it through application/xml → text/plain. */
  g_assert_true (g_content_type_is_a (JOURNEY_TYPE, "text/plain"));
  g_assert_false (g_content_type_is_unknown (JOURNEY_TYPE));
}

static void
test_icon (void)
{
  g_autoptr(GIcon) icon = g_content_type_get_icon (JOURNEY_TYPE);
  const char * const *names;

  g_assert_true (G_IS_THEMED_ICON (icon));
  names = g_themed_icon_get_names (G_THEMED_ICON (icon));
  g_assert_nonnull (names);
  g_assert_true (g_strv_contains (names, APP_ID));
  g_assert_true (g_strv_contains (names, "x-office-document"));
}

static void
test_description (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *description = NULL;

      g_setenv ("LANGUAGE", "en", TRUE);
      description = g_content_type_get_description (JOURNEY_TYPE);
      g_print ("%s\n", description);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Customer journey map\n");
}

static void
test_description_german (void)
{
  /* The file manager's "Type" column under a German desktop. */
  if (g_test_subprocess ())
    {
      g_autofree char *description = NULL;

      g_setenv ("LANGUAGE", "de", TRUE);
      description = g_content_type_get_description (JOURNEY_TYPE);
      g_print ("%s\n", description);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Customer Journey Map (Kundenreise)\n");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

/* Installs the definition into a fresh data home.  Runs again in each
 * subprocess, which then gets its own data home. */
static void
install_definition (const char *mime_xml)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autofree char *mime_dir = NULL;
  g_autofree char *template_path = NULL;
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  gsize len;
  int status = 0;

  data_home = g_dir_make_tmp ("waymark-mime-XXXXXX", &error);
  g_assert_no_error (error);
  samples = g_build_filename (data_home, "samples", NULL);
  mime_dir = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime_dir, "packages", NULL);
  g_assert_cmpint (g_mkdir_with_parents (packages, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (samples, 0700), ==, 0);

  g_file_get_contents (mime_xml, &contents, &len, &error);
  g_assert_no_error (error);
  target = g_build_filename (packages, APP_ID ".xml", NULL);
  g_file_set_contents (target, contents, len, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { "update-mime-database", mime_dir, NULL };
    g_autofree char *err = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("update-mime-database failed: %s", err);
  }

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (system_dirs == NULL || *system_dirs == '\0')
    g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);

  g_assert_nonnull (datadir);
  template_path = g_build_filename (datadir, "templates", "five-phases.journey", NULL);
  g_file_get_contents (template_path, &template_bytes, &template_len, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *mime_xml = g_getenv ("WAYMARK_MIME_XML");
  int result;

  if (mime_xml == NULL)
    {
      g_printerr ("%s: set WAYMARK_MIME_XML to the merged MIME definition\n", argv[0]);
      return 2;
    }
  /* Before GLib reads any XDG directory. */
  install_definition (mime_xml);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-type/glob", test_glob);
  g_test_add_func ("/content-type/sniffed", test_sniffed);
  g_test_add_func ("/content-type/sniffed-after-comment", test_sniffed_after_comment);
  g_test_add_func ("/content-type/other-xml", test_other_xml_is_not_a_journey);
  g_test_add_func ("/content-type/xml-extension", test_xml_extension);
  g_test_add_func ("/content-type/subclass-of-xml", test_subclass_of_xml);
  g_test_add_func ("/content-type/icon", test_icon);
  g_test_add_func ("/content-type/description", test_description);
  g_test_add_func ("/content-type/description-german", test_description_german);
  result = g_test_run ();

  remove_tree (data_home);
  g_free (data_home);
  g_free (samples);
  g_free (template_bytes);
  return result;
}
