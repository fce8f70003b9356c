/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "waymark-reader.h"
#include "waymark-writer.h"

/* Load → save without edits gives the same bytes (docs/ARCHITECTURE.md,
 * "Files"): git diffs must show only what a person changed. */

/* Canonical writer output with something foreign in every place the
 * format keeps it. */
static const char foreign_doc[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" xmlns:ext=\"urn:example:ext\" xmlns:crm=\"urn:example:crm?a=1&amp;b=2\" format=\"1\" id=\"j-0123456789ab\" ext:origin=\"R&amp;D\" crm:account=\"42\" xml:lang=\"en\">\n"
  "  <title ext:lang=\"en\">Foreign things &amp; more</title>\n"
  "  <subject crm:ref=\"S-1\">Subject</subject>\n"
  "  <goal>Goal</goal>\n"
  "  <state ext:note=\"a &quot;quoted&quot;&#9;tab&#10;newline\">intended</state>\n"
  "  <persona xmlns:p=\"urn:example:persona\" id=\"persona-1\" p:age=\"34\">\n"
  "    <name p:nick=\"L\">Lena</name>\n"
  "    <description>Runner&#13;</description>\n"
  "    <p:profile>\n"
  "      <p:sport level=\"beginner\">running</p:sport>\n"
  "      <p:empty/>\n"
  "    </p:profile>\n"
  "  </persona>\n"
  "  <phase id=\"phase-1\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <lane id=\"lane-1\" kind=\"touchpoints\" ext:colour=\"#ffcc00\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <lane id=\"lane-2\" kind=\"notes\">\n"
  "    <name>Notes</name>\n"
  "  </lane>\n"
  "  <channel id=\"ch-1\" category=\"personal\" icon=\"phone\" ext:number=\"+49 30 1234\">\n"
  "    <name>Hotline</name>\n"
  "  </channel>\n"
  "  <touchpoint xmlns:t=\"urn:example:t\" id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\" channel=\"ch-1\" initiator=\"customer\" ext:weight=\"3\">\n"
  "    <title t:ref=\"A-1\">Call the hotline</title>\n"
  "    <description ext:d=\"1\">  leading and trailing  </description>\n"
  "    <emotion score=\"-2\" ext:intensity=\"high\">angry</emotion>\n"
  "    <owner>Service</owner>\n"
  "    <assessment strength=\"weakness\" priority=\"high\" moment-of-truth=\"true\" ext:by=\"workshop\"/>\n"
  "    <kpi name=\"Waiting time\" value=\"14.5\" unit=\"min\" target=\"3\"/>\n"
  "    <kpi name=\"Calls &amp; chats\" value=\"1200\" ext:source=\"pbx &amp; chat\"/>\n"
  "    <ext:meta ext:version=\"2\">\n"
  "      <ext:row xmlns:q=\"urn:q?x&amp;y\" n=\"1 &amp; 2\">a &amp; b &lt; c &gt; d</ext:row>\n"
  "      <!-- kept inside foreign content -->\n"
  "      <?ext-pi data?>\n"
  "      <ext:empty/>\n"
  "      <other:thing xmlns:other=\"urn:example:other\" other:x=\"1\">text</other:thing>\n"
  "    </ext:meta>\n"
  "  </touchpoint>\n"
  "  <touchpoint id=\"tp-2\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title></title>\n"
  "    <emotion score=\"0\"/>\n"
  "  </touchpoint>\n"
  "  <note id=\"note-1\" phase=\"phase-1\" lane=\"lane-2\" ext:author=\"sam\">\n"
  "    <text>Note text</text>\n"
  "  </note>\n"
  "  <link id=\"link-1\" from=\"tp-1\" to=\"tp-2\" ext:kind=\"escalation\">\n"
  "    <ext:reason>No answer</ext:reason>\n"
  "  </link>\n"
  "  <link id=\"link-2\" from=\"tp-2\" to=\"tp-1\"/>\n"
  "  <ext:appendix>\n"
  "    <ext:item>1</ext:item>\n"
  "  </ext:appendix>\n"
  "</journey>\n";

/* Foreign attributes on elements that are otherwise empty: text elements
 * without text and an <assessment> that assesses nothing.  The writer
 * would leave each element out if it did not look at them. */
static const char foreign_empty_doc[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" xmlns:x=\"urn:example:x\" format=\"1\" id=\"j-0123456789ab\">\n"
  "  <title x:keep=\"title\"/>\n"
  "  <subject x:keep=\"1\"/>\n"
  "  <goal x:keep=\"goal\"/>\n"
  "  <state>as-is</state>\n"
  "  <persona id=\"persona-1\">\n"
  "    <name>Lena</name>\n"
  "    <description x:keep=\"d\"/>\n"
  "  </persona>\n"
  "  <phase id=\"phase-1\">\n"
  "    <name x:keep=\"n\"></name>\n"
  "  </phase>\n"
  "  <lane id=\"lane-1\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <touchpoint id=\"tp-1\" phase=\"phase-1\" lane=\"lane-1\">\n"
  "    <title>Call</title>\n"
  "    <description x:keep=\"desc\"/>\n"
  "    <quote x:keep=\"quote\"/>\n"
  "    <idea x:keep=\"idea\"/>\n"
  "    <owner x:keep=\"owner\"/>\n"
  "    <assessment x:keep=\"assessment\"/>\n"
  "  </touchpoint>\n"
  "</journey>\n";

/* Not canonical, but every bit of it means something the writer keeps. */
static const char untidy_doc[] =
  "\xef\xbb\xbf<?xml version='1.0' encoding='utf-8'?>\n"
  "<!-- a comment the model has no place for -->\n"
  "<w:journey xmlns:w=\"urn:waymark:journey\" id=\"j-1\" format=\"1\">\n"
  "<w:title><![CDATA[<cdata> & text]]></w:title>\n"
  "    <w:phase id=\"p\"><w:name>P</w:name></w:phase>\n"
  "    <w:lane id=\"l\" kind='touchpoints'><w:name>L</w:name></w:lane>\n"
  "    <w:touchpoint id=\"t\" lane=\"l\" phase=\"p\">\n"
  "      <w:title xmlns:q=\"urn:q\" q:x=\"1\">T</w:title>\n"
  "      <w:description></w:description>\n"
  "      <w:emotion score=\"+01\"></w:emotion>\n"
  "      <w:assessment moment-of-truth=\"false\"/>\n"
  "      <q:x xmlns:q=\"urn:q2\"></q:x>\n"
  "    </w:touchpoint>\n"
  "</w:journey>\n";

static char *
data_path (const char *name)
{
  const char *datadir = g_getenv ("WAYMARK_DATADIR");

  return g_build_filename (datadir ? datadir : SOURCE_DATADIR, name, NULL);
}

static GPtrArray *
list_templates (void)
{
  g_autofree char *dir_path = data_path ("templates");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".journey"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);
  return paths;
}

static GBytes *
load_and_write (const char *data,
                gsize       length,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = waymark_reader_read (data, length, name, NULL, &error);

  g_assert_no_error (error);
  return waymark_writer_write (journey);
}

static void
assert_same_bytes (const char *name,
                   const char *expected,
                   gsize       expected_length,
                   GBytes     *actual)
{
  gsize length;
  const char *data = g_bytes_get_data (actual, &length);
  gsize i;

  if (length == expected_length && memcmp (data, expected, length) == 0)
    return;
  for (i = 0; i < MIN (length, expected_length) && data[i] == expected[i]; i++)
    ;
  g_error ("%s: the writer's output differs from the file at byte %" G_GSIZE_FORMAT
           ":\nfile:   “%.60s”\nwriter: “%.60s”",
           name, i, expected + i, data + i);
}

static void
test_templates (void)
{
  g_autoptr(GPtrArray) paths = list_templates ();

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) written = NULL;
      gsize length;

      g_test_message ("template %s", name);
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      written = load_and_write (data, length, name);
      assert_same_bytes (name, data, length, written);
    }
}

static void
test_foreign (void)
{
  g_autoptr(GBytes) written = load_and_write (foreign_doc, sizeof foreign_doc - 1, "foreign");

  assert_same_bytes ("foreign", foreign_doc, sizeof foreign_doc - 1, written);
}

static void
test_foreign_on_empty (void)
{
  g_autoptr(GBytes) written = load_and_write (foreign_empty_doc, sizeof foreign_empty_doc - 1, "foreign-empty");

  assert_same_bytes ("foreign-empty", foreign_empty_doc, sizeof foreign_empty_doc - 1, written);
}

static void
test_untidy_settles (void)
{
  g_autoptr(GBytes) once = load_and_write (untidy_doc, sizeof untidy_doc - 1, "untidy");
  g_autoptr(GBytes) twice = NULL;
  gsize length;
  const char *data = g_bytes_get_data (once, &length);

  /* One save makes it canonical; the next changes nothing. */
  twice = load_and_write (data, length, "untidy-saved");
  assert_same_bytes ("untidy-saved", data, length, twice);
  g_assert_nonnull (strstr (data, "  <title>&lt;cdata&gt; &amp; text</title>\n"));
  g_assert_nonnull (strstr (data, "<touchpoint xmlns:q=\"urn:q\" id=\"t\" phase=\"p\" lane=\"l\">\n"
                                  "    <title q:x=\"1\">T</title>\n"
                                  "    <emotion score=\"1\"/>\n"
                                  "    <q:x xmlns:q=\"urn:q2\"/>\n"));
  g_assert_null (strstr (data, "comment"));
}

static void
validate (const char *rng,
          const char *name,
          GBytes     *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                              G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, "xmllint", "--noout", "--relaxng", rng, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, document, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s: the writer's output does not match journey.rng:\n%.*s", name,
             (int) g_bytes_get_size (err), (const char *) g_bytes_get_data (err, NULL));
}

static void
test_relaxng (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *rng = data_path ("journey.rng");
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GBytes) foreign = NULL;
  g_autoptr(GBytes) foreign_empty = NULL;

  if (xmllint == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return;
    }

  paths = list_templates ();
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) written = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      written = load_and_write (data, length, name);
      validate (rng, name, written);
    }

  foreign = load_and_write (foreign_doc, sizeof foreign_doc - 1, "foreign");
  validate (rng, "foreign", foreign);
  foreign_empty = load_and_write (foreign_empty_doc, sizeof foreign_empty_doc - 1, "foreign-empty");
  validate (rng, "foreign-empty", foreign_empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roundtrip/templates", test_templates);
  g_test_add_func ("/roundtrip/foreign", test_foreign);
  g_test_add_func ("/roundtrip/foreign-on-empty", test_foreign_on_empty);
  g_test_add_func ("/roundtrip/untidy-settles", test_untidy_settles);
  g_test_add_func ("/roundtrip/relaxng", test_relaxng);

  return g_test_run ();
}
