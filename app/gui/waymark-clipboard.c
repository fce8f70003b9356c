/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-clipboard.h"
#include "waymark-fragment.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* A clipboard is another program's data: read it with a cap, and parse it
 * with the same hostile-file reader as any map. */
#define MAX_CLIPBOARD_SIZE (64 * 1024 * 1024)
#define READ_CHUNK (64 * 1024)

/* ---- Copy ---- */

static char *
cards_as_text (GPtrArray *cards)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      const char *line = waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT
                           ? ((WaymarkTouchpoint *) card)->title : ((WaymarkNote *) card)->text;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line ? line : "");
    }
  return g_string_free (text, FALSE);
}

GdkContentProvider *
waymark_clipboard_create_content (WaymarkJourney *journey,
                                  GPtrArray      *cards)
{
  g_autoptr(WaymarkJourney) fragment = waymark_fragment_new (journey, cards);
  g_autoptr(GBytes) bytes = waymark_writer_write (fragment);
  g_autofree char *text = cards_as_text (cards);
  GdkContentProvider *providers[2];

  providers[0] = gdk_content_provider_new_for_bytes (WAYMARK_CLIPBOARD_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

void
waymark_clipboard_copy (GdkClipboard   *clipboard,
                        WaymarkJourney *journey,
                        GPtrArray      *cards)
{
  g_autoptr(GdkContentProvider) content = NULL;

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  content = waymark_clipboard_create_content (journey, cards);
  gdk_clipboard_set_content (clipboard, content);
}

/* ---- Read ---- */

typedef struct {
  WaymarkJourney *fragment;
  char *text;
} ReadResult;

static void
read_result_free (gpointer data)
{
  ReadResult *result = data;

  g_clear_object (&result->fragment);
  g_free (result->text);
  g_free (result);
}

typedef struct {
  GInputStream *stream;
  GByteArray *data;
} ReadState;

static void
read_state_free (gpointer data)
{
  ReadState *state = data;

  g_clear_object (&state->stream);
  g_clear_pointer (&state->data, g_byte_array_unref);
  g_free (state);
}

static void
chunk_read_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadState *state = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;
  ReadResult *result;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), res, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (state->data->len + g_bytes_get_size (chunk) > MAX_CLIPBOARD_SIZE)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                                   _("The clipboard holds too much data"));
          return;
        }
      g_byte_array_append (state->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (state->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                       g_task_get_cancellable (task), chunk_read_cb, g_object_ref (task));
      return;
    }

  result = g_new0 (ReadResult, 1);
  result->fragment = waymark_reader_read ((const char *) state->data->data, state->data->len,
                                          _("Clipboard"), NULL, &error);
  if (result->fragment == NULL)
    {
      read_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, read_result_free);
}

static void
stream_ready_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  ReadState *state;
  GInputStream *stream;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), res, NULL, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  state = g_new0 (ReadState, 1);
  state->stream = stream;
  state->data = g_byte_array_new ();
  g_task_set_task_data (task, state, read_state_free);
  cancellable = g_task_get_cancellable (task);
  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   cancellable, chunk_read_cb, g_steal_pointer (&task));
}

static void
text_ready_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  ReadResult *result;
  char *text;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), res, &error);
  if (text == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The clipboard is empty"));
      return;
    }
  result = g_new0 (ReadResult, 1);
  result->text = text;
  g_task_return_pointer (task, result, read_result_free);
}

void
waymark_clipboard_read_async (GdkClipboard        *clipboard,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  static const char *mime_types[] = { WAYMARK_CLIPBOARD_MIME_TYPE, NULL };
  GTask *task;

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  task = g_task_new (clipboard, cancellable, callback, user_data);
  g_task_set_source_tag (task, waymark_clipboard_read_async);

  if (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), WAYMARK_CLIPBOARD_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, cancellable, stream_ready_cb, task);
  else
    gdk_clipboard_read_text_async (clipboard, cancellable, text_ready_cb, task);
}

WaymarkJourney *
waymark_clipboard_read_finish (GdkClipboard  *clipboard,
                               GAsyncResult  *result,
                               char         **text,
                               GError       **error)
{
  ReadResult *read;
  WaymarkJourney *fragment;

  g_return_val_if_fail (g_task_is_valid (result, clipboard), NULL);

  *text = NULL;
  read = g_task_propagate_pointer (G_TASK (result), error);
  if (read == NULL)
    return NULL;
  fragment = g_steal_pointer (&read->fragment);
  *text = g_steal_pointer (&read->text);
  read_result_free (read);
  return fragment;
}
