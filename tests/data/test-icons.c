/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-icons"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

/* The channel icons bundled for cards and the palette, and the app icons.
 * Environment: WAYMARK_DATADIR (source data/, for the templates) and
 * WAYMARK_ICONS_DIR (source icons/). */

#define CHANNEL_PREFIX "/io/github/waymark/Waymark/icons/scalable/actions/"

/* The channels the palette offers; "other" is drawn for unknown keys. */
static const char * const palette_keys[] = {
  "website", "social-media", "search", "online-ad", "email", "chat", "phone",
  "store", "event", "print", "packaging", "gift", "app", "word-of-mouth",
  "review", "sales-visit", "video", "catalogue", "trade-fair", "webinar",
  "other",
};

static char *
channel_resource (const char *key)
{
  return g_strconcat (CHANNEL_PREFIX "waymark-channel-", key, "-symbolic.svg", NULL);
}

static gboolean
channel_exists (const char *key)
{
  g_autofree char *path = channel_resource (key);

  return g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
}

/* ---- symbolic icons: what GTK can recolour --------------------------- */

typedef struct
{
  const char *name;
  GString *problems;
  int shapes;
  int width;
  int height;
} SymbolicCheck;

/* GTK recolours a symbolic icon by forcing `fill` on rect, circle and path
 * (gtk_make_symbolic_pixbuf_from_data).  A stroke keeps its colour, so it
 * stays dark on a dark header bar, and any other shape element is not
 * recoloured at all. */
static void
symbolic_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  SymbolicCheck *check = user_data;
  static const char * const allowed[] = { "svg", "g", "path", "rect", "circle", "title", NULL };

  if (!g_strv_contains (allowed, element))
    g_string_append_printf (check->problems, "%s: <%s> is not recoloured by GTK\n",
                            check->name, element);
  if (g_str_equal (element, "path") || g_str_equal (element, "rect") || g_str_equal (element, "circle"))
    check->shapes++;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "stroke") && !g_str_equal (values[i], "none"))
        g_string_append_printf (check->problems, "%s: <%s %s=\"%s\">: use fills, not strokes\n",
                                check->name, element, names[i], values[i]);
      if (g_str_equal (names[i], "style") && strstr (values[i], "stroke") != NULL)
        g_string_append_printf (check->problems, "%s: <%s style=\"%s\">: use fills, not strokes\n",
                                check->name, element, values[i]);
      if (g_str_equal (names[i], "fill") && !g_str_equal (values[i], "#2e3436"))
        g_string_append_printf (check->problems, "%s: <%s fill=\"%s\">: symbolic icons are #2e3436\n",
                                check->name, element, values[i]);
      if (g_str_equal (element, "svg") && g_str_equal (names[i], "width"))
        check->width = atoi (values[i]);
      if (g_str_equal (element, "svg") && g_str_equal (names[i], "height"))
        check->height = atoi (values[i]);
    }
}

static void
assert_symbolic (const char *name,
                 GBytes     *bytes)
{
  static const GMarkupParser parser = { symbolic_start, NULL, NULL, NULL, NULL };
  g_autoptr(GString) problems = g_string_new (NULL);
  SymbolicCheck check = { name, problems, 0, 0, 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &check, NULL);
  if (g_markup_parse_context_parse (context, text, len, &error))
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  if (check.width != 16 || check.height != 16)
    g_string_append_printf (problems, "%s: %d×%d, symbolic icons are 16×16\n",
                            name, check.width, check.height);
  if (check.shapes == 0)
    g_string_append_printf (problems, "%s: draws nothing\n", name);
  if (problems->len > 0)
    g_error ("%s", problems->str);
}

/* The icon renders, and it is neither a blank nor a filled square.  Goes
 * through gdk-pixbuf's SVG loader, the one GTK 4.8 uses for icons. */
static void
assert_renders (const char *name,
                GBytes     *bytes,
                int         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *pixels;
  int stride, inked = 0;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, size, size, TRUE, NULL, &error);
  if (error != NULL)
    g_error ("%s does not render (is gdk-pixbuf's SVG loader, librsvg2-common, "
             "installed? GTK needs it for every symbolic icon): %s",
             name, error->message);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));

  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      if (pixels[y * stride + x * 4 + 3] >= 128)
        inked++;
  if (inked < size * size / 8 || inked > size * size * 9 / 10)
    g_error ("%s covers %d of %d pixels at %d px: blank or a blot", name, inked, size * size, size);
}

static void
test_palette_channels_bundled (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (palette_keys); i++)
    if (!channel_exists (palette_keys[i]))
      g_error ("no icon for channel \"%s\" in the resource bundle", palette_keys[i]);
}

static void
test_channels_symbolic (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (CHANNEL_PREFIX, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (children), >=, G_N_ELEMENTS (palette_keys));
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CHANNEL_PREFIX, children[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (children[i], "waymark-channel-"));
      g_assert_true (g_str_has_suffix (children[i], "-symbolic.svg"));
      assert_symbolic (children[i], bytes);
      assert_renders (children[i], bytes, 16);
    }
}

static void
test_templates_use_bundled_channels (void)
{
  const char *datadir = g_getenv ("WAYMARK_DATADIR");
  g_autofree char *templates = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GRegex) icon_attr = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  int checked = 0;

  g_assert_nonnull (datadir);
  templates = g_build_filename (datadir, "templates", NULL);
  dir = g_dir_open (templates, 0, &error);
  g_assert_no_error (error);
  icon_attr = g_regex_new ("<channel [^>]*\\bicon=\"([^\"]*)\"", G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      path = g_build_filename (templates, name, NULL);
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      for (g_regex_match (icon_attr, contents, 0, &match);
           g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *key = g_match_info_fetch (match, 1);

          if (!channel_exists (key))
            g_error ("%s uses channel icon \"%s\", which is not bundled", name, key);
          checked++;
        }
    }
  /* The templates do name channel icons; a regex that finds none is broken. */
  g_assert_cmpint (checked, >, 0);
}

static GBytes *
read_source_icon (const char *relative)
{
  const char *icons_dir = g_getenv ("WAYMARK_ICONS_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize len;

  g_assert_nonnull (icons_dir);
  path = g_build_filename (icons_dir, relative, NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
test_app_icon (void)
{
  g_autoptr(GBytes) bytes = read_source_icon ("hicolor/scalable/apps/" APP_ID ".svg");
  const char *text = g_bytes_get_data (bytes, NULL);

  /* GNOME app icons are drawn on a 128×128 canvas. */
  g_assert_nonnull (strstr (text, "width=\"128\" height=\"128\" viewBox=\"0 0 128 128\""));
  assert_renders (APP_ID ".svg", bytes, 128);
  assert_renders (APP_ID ".svg", bytes, 32);
}

static void
test_app_icon_symbolic (void)
{
  g_autoptr(GBytes) bytes = read_source_icon ("hicolor/symbolic/apps/" APP_ID "-symbolic.svg");

  assert_symbolic (APP_ID "-symbolic.svg", bytes);
  assert_renders (APP_ID "-symbolic.svg", bytes, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/icons/palette-channels-bundled", test_palette_channels_bundled);
  g_test_add_func ("/icons/channels-symbolic", test_channels_symbolic);
  g_test_add_func ("/icons/templates-use-bundled-channels", test_templates_use_bundled_channels);
  g_test_add_func ("/icons/app-icon", test_app_icon);
  g_test_add_func ("/icons/app-icon-symbolic", test_app_icon_symbolic);
  return g_test_run ();
}
