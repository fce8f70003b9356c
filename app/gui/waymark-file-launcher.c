/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include "waymark-file-launcher.h"

static WaymarkFileLaunchHook launch_hook;

void
waymark_file_launcher_set_hook (WaymarkFileLaunchHook hook)
{
  launch_hook = hook;
}

static void
launched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open %s: %s", (const char *) user_data, error->message);
  g_free (user_data);
}

static void
launch_default (GtkWindow *parent,
                GFile     *file)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent)) : gdk_display_get_default ();
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);
  char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launched, uri);
}

void
waymark_file_launcher_open (GtkWindow *parent,
                            GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

  if (launch_hook != NULL)
    launch_hook (WAYMARK_FILE_LAUNCH_OPEN, file);
  else
    launch_default (parent, file);
}

typedef struct {
  GtkWindow *parent;   /* nullable, strong */
  GFile *file;
} ShowRequest;

static void
show_request_free (ShowRequest *request)
{
  g_clear_object (&request->parent);
  g_object_unref (request->file);
  g_free (request);
}

static void
items_shown (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ShowRequest *request = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager answers: the folder, without the selection. */
      g_autoptr(GFile) folder = g_file_get_parent (request->file);

      g_debug ("FileManager1.ShowItems failed (%s): opening the folder", error->message);
      launch_default (request->parent, folder != NULL ? folder : request->file);
    }
  show_request_free (request);
}

void
waymark_file_launcher_show_in_folder (GtkWindow *parent,
                                      GFile     *file)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };
  ShowRequest *request;

  g_return_if_fail (G_IS_FILE (file));

  if (launch_hook != NULL)
    {
      launch_hook (WAYMARK_FILE_LAUNCH_SHOW_IN_FOLDER, file);
      return;
    }

  request = g_new0 (ShowRequest, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->file = g_object_ref (file);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      launch_default (parent, folder != NULL ? folder : file);
      show_request_free (request);
      return;
    }
  uri = g_file_get_uri (file);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, items_shown, request);
}
