/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-clipboard.h"
#include "waymark-edits.h"
#include "waymark-group-command.h"
#include "waymark-insert-command.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

/* A clipboard is another program's data: read it with a cap, and parse it
 * with the same hostile-file reader as any map. */
#define MAX_CLIPBOARD_SIZE (64 * 1024 * 1024)
#define READ_CHUNK (64 * 1024)
#define MAX_TEXT_CARDS 500

/* ---- Copy ---- */

static gpointer
copy_once (WaymarkJourney *fragment,
           GHashTable     *copies,
           gpointer        item)
{
  gpointer copy;

  if (item == NULL)
    return NULL;
  copy = g_hash_table_lookup (copies, item);
  if (copy == NULL)
    {
      copy = waymark_item_copy (item);
      waymark_journey_insert_item (fragment, copy, -1);
      waymark_item_unref (copy);
      g_hash_table_insert (copies, item, copy);
    }
  return copy;
}

WaymarkJourney *
waymark_clipboard_fragment_new (WaymarkJourney *journey,
                                GPtrArray      *cards)
{
  g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);
  WaymarkJourney *fragment;
  GPtrArray *links;
  const char *title;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  fragment = waymark_journey_new ();
  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  waymark_journey_set_text (fragment, WAYMARK_FIELD_TITLE, title && *title ? title : _("Copied cards"));
  waymark_journey_set_state (fragment, waymark_journey_get_state (journey));

  for (guint i = 0; i < cards->len; i++)
    {
      gpointer card = g_ptr_array_index (cards, i);
      gpointer copy;

      switch (waymark_item_get_item_type (card))
        {
        case WAYMARK_ITEM_TOUCHPOINT:
          {
            WaymarkTouchpoint *tp = card;
            WaymarkTouchpoint *tp_copy = waymark_item_copy (tp);

            waymark_touchpoint_set_phase (tp_copy, copy_once (fragment, copies, tp->phase));
            waymark_touchpoint_set_lane (tp_copy, copy_once (fragment, copies, tp->lane));
            waymark_touchpoint_set_channel (tp_copy, copy_once (fragment, copies, tp->channel));
            copy = tp_copy;
          }
          break;
        case WAYMARK_ITEM_NOTE:
          {
            WaymarkNote *note = card;
            WaymarkNote *note_copy = waymark_item_copy (note);

            waymark_note_set_phase (note_copy, copy_once (fragment, copies, note->phase));
            waymark_note_set_lane (note_copy, copy_once (fragment, copies, note->lane));
            copy = note_copy;
          }
          break;
        case WAYMARK_ITEM_PERSONA:
        case WAYMARK_ITEM_PHASE:
        case WAYMARK_ITEM_LANE:
        case WAYMARK_ITEM_CHANNEL:
        case WAYMARK_ITEM_LINK:
        case WAYMARK_N_ITEM_TYPES:
        default:
          continue;
        }
      waymark_journey_insert_item (fragment, copy, -1);
      g_hash_table_insert (copies, card, copy);
      waymark_item_unref (copy);
    }

  /* The flow between copied touchpoints comes along. */
  links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);
      WaymarkTouchpoint *from = g_hash_table_lookup (copies, link->from);
      WaymarkTouchpoint *to = g_hash_table_lookup (copies, link->to);

      if (from != NULL && to != NULL)
        {
          WaymarkLink *copy = waymark_link_new (waymark_item_get_id (link), from, to);

          waymark_journey_insert_item (fragment, copy, -1);
          waymark_item_unref (copy);
        }
    }

  return fragment;
}

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
  g_autoptr(WaymarkJourney) fragment = waymark_clipboard_fragment_new (journey, cards);
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

/* ---- Paste ---- */

static gboolean
lane_takes (WaymarkLane     *lane,
            WaymarkItemType  type)
{
  return lane != NULL &&
         (type == WAYMARK_ITEM_NOTE ? lane->kind == WAYMARK_LANE_NOTES : lane->kind == WAYMARK_LANE_TOUCHPOINTS);
}

static WaymarkLane *
find_lane (WaymarkJourney  *journey,
           WaymarkLane     *source,
           WaymarkItemType  type)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  gpointer same_id = waymark_journey_lookup (journey, waymark_item_get_id (source));

  if (same_id != NULL && waymark_item_get_item_type (same_id) == WAYMARK_ITEM_LANE && lane_takes (same_id, type))
    return same_id;
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (lane_takes (lane, type) && g_strcmp0 (lane->name, source->name) == 0)
        return lane;
    }
  for (guint i = 0; i < lanes->len; i++)
    if (lane_takes (g_ptr_array_index (lanes, i), type))
      return g_ptr_array_index (lanes, i);
  return NULL;
}

static WaymarkChannel *
map_channel (WaymarkJourney *journey,
             WaymarkCommand *group,
             GHashTable     *channels,
             WaymarkChannel *source)
{
  GPtrArray *list;
  WaymarkChannel *copy;

  if (source == NULL)
    return NULL;
  copy = g_hash_table_lookup (channels, source);
  if (copy != NULL)
    return copy;

  list = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);
  for (guint i = 0; i < list->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (list, i);

      if (g_strcmp0 (channel->name, source->name) == 0 && g_strcmp0 (channel->icon, source->icon) == 0)
        {
          g_hash_table_insert (channels, source, channel);
          return channel;
        }
    }

  /* Missing here: recreate it (with a fresh id if its own is taken). */
  copy = waymark_item_copy (source);
  if (waymark_journey_lookup (journey, waymark_item_get_id (copy)) != NULL)
    {
      g_free (WAYMARK_ITEM (copy)->id);
      WAYMARK_ITEM (copy)->id = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);
    }
  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                             waymark_insert_command_new_insert (copy, waymark_journey_get_n_items (journey,
                                                                                                  WAYMARK_ITEM_CHANNEL)),
                             journey);
  waymark_item_unref (copy);
  g_hash_table_insert (channels, source, copy);
  return copy;
}

static void
insert_card (WaymarkJourney *journey,
             WaymarkCommand *group,
             gpointer        card,
             WaymarkPhase   *phase,
             WaymarkLane    *lane,
             guint           position)
{
  WaymarkItemType type = waymark_item_get_item_type (card);
  guint at = waymark_edits_cell_index (journey, type, phase, lane, position, NULL);

  waymark_group_command_add (WAYMARK_GROUP_COMMAND (group), waymark_insert_command_new_insert (card, at), journey);
}

static GPtrArray *
push_group (WaymarkHistory *history,
            WaymarkCommand *group,
            GPtrArray      *created)
{
  if (waymark_group_command_get_length (WAYMARK_GROUP_COMMAND (group)) == 0)
    {
      g_object_unref (group);
      return created;
    }
  waymark_history_push_applied (history, group);
  return created;
}

GPtrArray *
waymark_clipboard_paste (WaymarkHistory *history,
                         WaymarkJourney *fragment,
                         WaymarkPhase   *phase,
                         WaymarkLane    *lane,
                         guint           index)
{
  WaymarkJourney *journey;
  g_autoptr(GHashTable) channels = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) pasted = g_hash_table_new (NULL, NULL);
  GPtrArray *created;
  WaymarkCommand *group;
  GPtrArray *links;
  guint in_target = 0;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (history), NULL);
  g_return_val_if_fail (WAYMARK_IS_JOURNEY (fragment), NULL);
  g_return_val_if_fail (phase != NULL && lane != NULL, NULL);

  journey = waymark_history_get_journey (history);
  created = g_ptr_array_new ();
  group = waymark_group_command_new (_("Paste"));

  for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
    {
      GPtrArray *cards = waymark_journey_get_items (fragment, type);

      for (guint i = 0; i < cards->len; i++)
        {
          gpointer card = g_ptr_array_index (cards, i);
          WaymarkLane *source_lane = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) card)->lane
                                                                      : ((WaymarkNote *) card)->lane;
          WaymarkLane *target = lane_takes (lane, type) ? lane : find_lane (journey, source_lane, type);
          WaymarkItem *copy;
          guint position;

          if (target == NULL)
            continue;
          copy = waymark_item_copy (card);
          g_free (copy->id);
          copy->id = waymark_journey_new_id (journey, type);
          if (type == WAYMARK_ITEM_TOUCHPOINT)
            {
              waymark_touchpoint_set_phase ((WaymarkTouchpoint *) copy, phase);
              waymark_touchpoint_set_lane ((WaymarkTouchpoint *) copy, target);
              waymark_touchpoint_set_channel ((WaymarkTouchpoint *) copy,
                                              map_channel (journey, group, channels,
                                                           ((WaymarkTouchpoint *) card)->channel));
            }
          else
            {
              waymark_note_set_phase ((WaymarkNote *) copy, phase);
              waymark_note_set_lane ((WaymarkNote *) copy, target);
            }
          /* Cards for the target cell keep their order there. */
          position = target == lane && index != G_MAXUINT ? index + in_target++ : G_MAXUINT;
          insert_card (journey, group, copy, phase, target, position);
          g_hash_table_insert (pasted, card, copy);
          g_ptr_array_add (created, copy);
          waymark_item_unref (copy);
        }
    }

  links = waymark_journey_get_items (fragment, WAYMARK_ITEM_LINK);
  for (guint i = 0; i < links->len; i++)
    {
      WaymarkLink *link = g_ptr_array_index (links, i);
      WaymarkTouchpoint *from = g_hash_table_lookup (pasted, link->from);
      WaymarkTouchpoint *to = g_hash_table_lookup (pasted, link->to);
      g_autofree char *id = NULL;
      WaymarkLink *copy;

      if (from == NULL || to == NULL)
        continue;
      id = waymark_journey_new_id (journey, WAYMARK_ITEM_LINK);
      copy = waymark_link_new (id, from, to);
      waymark_group_command_add (WAYMARK_GROUP_COMMAND (group),
                                 waymark_insert_command_new_insert (copy, waymark_journey_get_n_items (journey,
                                                                                                      WAYMARK_ITEM_LINK)),
                                 journey);
      waymark_item_unref (copy);
    }

  return push_group (history, group, created);
}

GPtrArray *
waymark_clipboard_paste_text (WaymarkHistory *history,
                              const char     *text,
                              WaymarkPhase   *phase,
                              WaymarkLane    *lane,
                              guint           index)
{
  g_auto(GStrv) lines = NULL;
  WaymarkJourney *journey;
  WaymarkCommand *group;
  GPtrArray *created;
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (history), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  created = g_ptr_array_new ();
  if (!waymark_lane_kind_holds_cards (lane->kind) || !g_utf8_validate (text, -1, NULL))
    return created;

  journey = waymark_history_get_journey (history);
  group = waymark_group_command_new (_("Paste"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && n < MAX_TEXT_CARDS; i++)
    {
      g_autofree char *id = NULL;
      char *line = g_strstrip (lines[i]);
      gpointer card;

      if (line[0] == '\0')
        continue;
      if (lane->kind == WAYMARK_LANE_NOTES)
        {
          id = waymark_journey_new_id (journey, WAYMARK_ITEM_NOTE);
          card = waymark_note_new (id, phase, lane, line);
        }
      else
        {
          id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
          card = waymark_touchpoint_new (id, phase, lane, line);
        }
      insert_card (journey, group, card, phase, lane, index == G_MAXUINT ? G_MAXUINT : index + n);
      g_ptr_array_add (created, card);
      waymark_item_unref (card);
      n++;
    }

  return push_group (history, group, created);
}
