/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "waymark-edits.h"
#include "waymark-reader.h"
#include "waymark-text-limit.h"
#include "waymark-writer.h"

/* A small map built in code, so this test depends on nothing but the model. */
static WaymarkJourney *
build_journey (void)
{
  WaymarkJourney *journey = waymark_journey_new ();
  const char *phases[] = { "Awareness", "Consideration", "Purchase", "Retention", "Advocacy" };
  WaymarkLane *lanes[3];
  WaymarkChannel *web, *store;

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Test journey");
  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_PHASE);
      WaymarkPhase *phase = waymark_phase_new (id, phases[i]);
      g_assert_true (_waymark_journey_append_quiet (journey, phase));
      waymark_item_unref (phase);
    }
  lanes[0] = waymark_lane_new ("lane-a", WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  lanes[1] = waymark_lane_new ("lane-b", WAYMARK_LANE_EMOTION, "Emotions");
  lanes[2] = waymark_lane_new ("lane-c", WAYMARK_LANE_NOTES, "Pain points");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (_waymark_journey_append_quiet (journey, lanes[i]));
      waymark_item_unref (lanes[i]);
    }
  web = waymark_channel_new ("ch-web", WAYMARK_CATEGORY_DIGITAL, "website", "Website");
  store = waymark_channel_new ("ch-store", WAYMARK_CATEGORY_PHYSICAL, "store", "Store");
  _waymark_journey_append_quiet (journey, web);
  _waymark_journey_append_quiet (journey, store);
  waymark_item_unref (web);
  waymark_item_unref (store);
  return journey;
}

static GBytes *
save (WaymarkJourney *journey)
{
  return waymark_writer_write (journey);
}

static gpointer
random_item (WaymarkJourney  *journey,
             WaymarkItemType  type)
{
  guint n = waymark_journey_get_n_items (journey, type);

  if (n == 0)
    return NULL;
  return waymark_journey_get_item (journey, type, g_random_int_range (0, (int) n));
}

static WaymarkLane *
random_card_lane (WaymarkJourney  *journey,
                  WaymarkLaneKind  kind)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  g_autoptr(GPtrArray) fitting = g_ptr_array_new ();

  for (guint i = 0; i < lanes->len; i++)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i))->kind == kind)
      g_ptr_array_add (fitting, g_ptr_array_index (lanes, i));
  if (fitting->len == 0)
    return NULL;
  return g_ptr_array_index (fitting, g_random_int_range (0, (int) fitting->len));
}

/* One random edit a person could make; returns FALSE if it did nothing. */
static gboolean
random_edit (WaymarkHistory *history)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  WaymarkPhase *phase = random_item (journey, WAYMARK_ITEM_PHASE);
  WaymarkLane *tp_lane = random_card_lane (journey, WAYMARK_LANE_TOUCHPOINTS);
  WaymarkLane *note_lane = random_card_lane (journey, WAYMARK_LANE_NOTES);
  WaymarkTouchpoint *tp = random_item (journey, WAYMARK_ITEM_TOUCHPOINT);
  guint before = waymark_history_get_n_undo (history);

  switch (g_random_int_range (0, 16))
    {
    case 0:
    case 1:
      if (phase && tp_lane)
        waymark_edits_add_touchpoint (history, phase, tp_lane, g_random_int_range (0, 4),
                                      "New touchpoint", random_item (journey, WAYMARK_ITEM_CHANNEL));
      break;
    case 2:
      if (phase && note_lane)
        waymark_edits_add_note (history, phase, note_lane, G_MAXUINT, "A pain point & <more>");
      break;
    case 3:
    case 4:
      if (tp && phase && tp_lane)
        {
          g_autoptr(GPtrArray) cards = g_ptr_array_new ();
          WaymarkTouchpoint *other = random_item (journey, WAYMARK_ITEM_TOUCHPOINT);

          g_ptr_array_add (cards, tp);
          if (other != tp && g_random_boolean ())
            g_ptr_array_add (cards, other);
          waymark_edits_move_cards (history, cards, phase, tp_lane, g_random_int_range (0, 5));
        }
      break;
    case 5:
      if (tp)
        {
          WaymarkTouchpoint *copy = waymark_item_copy (tp);
          g_free (copy->title);
          copy->title = g_strdup_printf ("Title %u", g_random_int_range (0, 1000));
          waymark_edits_update (history, tp, copy, "title");
        }
      break;
    case 6:
      if (tp)
        {
          WaymarkTouchpoint *copy = waymark_item_copy (tp);
          copy->has_emotion = g_random_boolean ();
          copy->emotion = g_random_int_range (-2, 3);
          g_clear_pointer (&copy->emotion_note, g_free);
          if (g_random_boolean ())
            copy->emotion_note = g_strdup ("frustrated\n\"very\"");
          copy->strength = g_random_int_range (0, 3);
          copy->priority = g_random_int_range (0, 4);
          copy->moment_of_truth = g_random_boolean ();
          copy->initiator = g_random_int_range (0, 3);
          waymark_touchpoint_add_kpi (copy, waymark_kpi_new ("Conversion rate", "0.031", "ratio", NULL));
          waymark_edits_update (history, tp, copy, NULL);
        }
      break;
    case 7:
      if (tp)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new ();
          g_ptr_array_add (items, tp);
          waymark_edits_delete (history, items);
        }
      break;
    case 8:
      if (tp)
        {
          g_autoptr(GPtrArray) cards = g_ptr_array_new ();
          g_ptr_array_add (cards, tp);
          g_ptr_array_unref (waymark_edits_duplicate (history, cards));
        }
      break;
    case 9:
      {
        WaymarkTouchpoint *other = random_item (journey, WAYMARK_ITEM_TOUCHPOINT);
        if (tp && other)
          waymark_edits_link (history, tp, other);
      }
      break;
    case 10:
      waymark_edits_set_text (history, g_random_int_range (0, 3),
                              g_random_boolean () ? "Fitness watch" : NULL);
      if (g_random_boolean ())
        waymark_history_seal (history);
      break;
    case 11:
      waymark_edits_set_state (history, g_random_boolean () ? WAYMARK_STATE_INTENDED : WAYMARK_STATE_AS_IS);
      break;
    case 12:
      {
        g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_PHASE);
        WaymarkPhase *p = waymark_phase_new (id, "New phase");
        waymark_edits_add_item (history, p, g_random_int_range (-1, 5));
        waymark_item_unref (p);
      }
      break;
    case 13:
      if (phase)
        waymark_edits_move_item (history, phase,
                                 g_random_int_range (0, (int) waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE)));
      break;
    case 14:
      /* Deleting whole phases or channels is rarer, as in real use. */
      if (g_random_int_range (0, 4) == 0)
        {
          g_autoptr(GPtrArray) items = g_ptr_array_new ();
          gpointer victim = g_random_boolean () ? (gpointer) phase : random_item (journey, WAYMARK_ITEM_CHANNEL);
          if (victim && waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE) > 1)
            {
              g_ptr_array_add (items, victim);
              waymark_edits_delete (history, items);
            }
        }
      break;
    case 15:
      {
        WaymarkNote *note = random_item (journey, WAYMARK_ITEM_NOTE);
        if (note && phase && note_lane)
          {
            g_autoptr(GPtrArray) cards = g_ptr_array_new ();
            g_ptr_array_add (cards, note);
            waymark_edits_move_cards (history, cards, phase, note_lane, 0);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return waymark_history_get_n_undo (history) != before ||
         waymark_history_can_undo (history);
}

static void
test_random_edits_undo_redo (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(GBytes) original = save (journey);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) edited = NULL;
  guint steps;

  g_random_set_seed (g_test_rand_int ());
  g_ptr_array_add (states, g_bytes_ref (original));

  /* Stay below the history limit so every step can be undone. */
  for (guint i = 0; i < 3000 && waymark_history_get_n_undo (history) < 800; i++)
    {
      guint n_before = waymark_history_get_n_undo (history);

      random_edit (history);
      if (waymark_history_get_n_undo (history) > n_before)
        g_ptr_array_add (states, save (journey));
      else if (waymark_history_get_n_undo (history) == n_before && n_before > 0)
        {
          /* Merged into the previous step: that step's state changed. */
          g_ptr_array_remove_index (states, states->len - 1);
          g_ptr_array_add (states, save (journey));
        }
    }

  steps = waymark_history_get_n_undo (history);
  g_assert_cmpuint (steps, >, 300);
  g_assert_cmpuint (states->len, ==, steps + 1);
  g_assert_true (waymark_history_is_modified (history));
  edited = save (journey);

  for (guint i = steps; i > 0; i--)
    {
      g_autoptr(GBytes) now = NULL;

      g_assert_true (waymark_history_undo (history));
      now = save (journey);
      g_assert_true (g_bytes_equal (now, g_ptr_array_index (states, i - 1)));
    }
  g_assert_false (waymark_history_can_undo (history));
  g_assert_false (waymark_history_is_modified (history));
  {
    g_autoptr(GBytes) back = save (journey);
    g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back),
                     g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  }

  while (waymark_history_redo (history))
    ;
  {
    g_autoptr(GBytes) again = save (journey);
    g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                     g_bytes_get_data (edited, NULL), g_bytes_get_size (edited));
  }
  g_assert_true (waymark_history_is_modified (history));
}

static void
test_typing_merges (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkTouchpoint *tp = waymark_edits_add_touchpoint (history, phase, lane, 0, "", NULL);
  const char *typed[] = { "I", "In", "Ins", "Insta", "Instagram ad" };

  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      WaymarkTouchpoint *copy = waymark_item_copy (tp);
      g_free (copy->title);
      copy->title = g_strdup (typed[i]);
      waymark_edits_update (history, tp, copy, "title");
    }
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 2);

  /* After the field loses focus, the next edit is a step of its own. */
  waymark_history_seal (history);
  {
    WaymarkTouchpoint *copy = waymark_item_copy (tp);
    g_free (copy->title);
    copy->title = g_strdup ("Instagram story");
    waymark_edits_update (history, tp, copy, "title");
  }
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 3);

  g_assert_true (waymark_history_undo (history));
  g_assert_cmpstr (tp->title, ==, "Instagram ad");
  g_assert_true (waymark_history_undo (history));
  g_assert_cmpstr (tp->title, ==, "");
  g_assert_cmpstr (waymark_history_get_redo_label (history), !=, NULL);
}

static void
test_modified_tracks_saved_state (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);

  g_assert_false (waymark_history_is_modified (history));
  waymark_edits_set_state (history, WAYMARK_STATE_INTENDED);
  g_assert_true (waymark_history_is_modified (history));
  waymark_history_mark_saved (history);
  g_assert_false (waymark_history_is_modified (history));
  waymark_history_undo (history);
  g_assert_true (waymark_history_is_modified (history));
  waymark_history_redo (history);
  g_assert_false (waymark_history_is_modified (history));

  /* Typing right after a save must not merge into the saved step. */
  waymark_edits_set_text (history, WAYMARK_FIELD_GOAL, "Purchase");
  waymark_history_mark_saved (history);
  waymark_edits_set_text (history, WAYMARK_FIELD_GOAL, "Purchases");
  g_assert_true (waymark_history_is_modified (history));
  waymark_history_undo (history);
  g_assert_false (waymark_history_is_modified (history));
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL), ==, "Purchase");
}

static void
test_move_cards_order (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkPhase *p0 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkPhase *p1 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 1);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkTouchpoint *a = waymark_edits_add_touchpoint (history, p0, lane, G_MAXUINT, "A", NULL);
  WaymarkTouchpoint *b = waymark_edits_add_touchpoint (history, p0, lane, G_MAXUINT, "B", NULL);
  WaymarkTouchpoint *c = waymark_edits_add_touchpoint (history, p0, lane, G_MAXUINT, "C", NULL);
  WaymarkTouchpoint *d = waymark_edits_add_touchpoint (history, p1, lane, G_MAXUINT, "D", NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) cell1 = NULL;

  /* C to the front of its own cell. */
  g_ptr_array_add (cards, c);
  g_assert_true (waymark_edits_move_cards (history, cards, p0, lane, 0));
  cell = waymark_journey_get_cell (journey, p0, lane);
  g_assert_true (g_ptr_array_index (cell, 0) == c);
  g_assert_true (g_ptr_array_index (cell, 1) == a);
  g_assert_true (g_ptr_array_index (cell, 2) == b);

  /* A and B together into the other phase, before D. */
  g_ptr_array_set_size (cards, 0);
  g_ptr_array_add (cards, a);
  g_ptr_array_add (cards, b);
  g_assert_true (waymark_edits_move_cards (history, cards, p1, lane, 0));
  cell1 = waymark_journey_get_cell (journey, p1, lane);
  g_assert_cmpuint (cell1->len, ==, 3);
  g_assert_true (g_ptr_array_index (cell1, 0) == a);
  g_assert_true (g_ptr_array_index (cell1, 1) == b);
  g_assert_true (g_ptr_array_index (cell1, 2) == d);
  g_assert_true (a->phase == p1);

  /* Dropping a card where it already is records nothing. */
  g_ptr_array_set_size (cards, 0);
  g_ptr_array_add (cards, d);
  g_assert_false (waymark_edits_move_cards (history, cards, p1, lane, 2));

  /* One drag is one undo step. */
  g_assert_true (waymark_history_undo (history));
  g_assert_true (a->phase == p0 && b->phase == p0);
}

static void
test_delete_phase_with_dependents (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkPhase *p0 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkPhase *p1 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 1);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkChannel *web = waymark_journey_lookup (journey, "ch-web");
  WaymarkTouchpoint *a = waymark_edits_add_touchpoint (history, p0, lane, 0, "A", web);
  WaymarkTouchpoint *b = waymark_edits_add_touchpoint (history, p1, lane, 0, "B", web);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after_undo = NULL;

  waymark_edits_link (history, a, b);
  before = save (journey);

  g_ptr_array_add (items, p0);
  g_ptr_array_add (items, web);
  waymark_edits_delete (history, items);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE), ==, 4);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_LINK), ==, 0);
  g_assert_null (b->channel);
  g_assert_null (waymark_journey_lookup (journey, "ch-web"));

  g_assert_true (waymark_history_undo (history));
  after_undo = save (journey);
  g_assert_true (g_bytes_equal (before, after_undo));
  g_assert_true (b->channel == web);
}

static void
changed_cb (WaymarkJourney *journey,
            WaymarkChange  *change,
            GArray         *kinds)
{
  g_array_append_val (kinds, change->kind);
}

static void
test_change_notifications (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (WaymarkChangeKind));
  WaymarkPhase *p0 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkPhase *p1 = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 1);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkTouchpoint *tp;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_signal_connect (journey, "changed", G_CALLBACK (changed_cb), kinds);
  tp = waymark_edits_add_touchpoint (history, p0, lane, 0, "A", NULL);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (kinds, WaymarkChangeKind, 0), ==, WAYMARK_CHANGE_INSERTED);

  g_ptr_array_add (cards, tp);
  waymark_edits_move_cards (history, cards, p1, lane, 0);
  g_assert_cmpuint (kinds->len, ==, 2);
  g_assert_cmpint (g_array_index (kinds, WaymarkChangeKind, 1), ==, WAYMARK_CHANGE_EDITED);
}

/* The journey's id table must never point into a command's copy: after the
 * history forgets the step, looking the item up must still work. */
static void
test_edit_keeps_id_owned_by_item (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  const char *id_before = phase->item.id;
  WaymarkPhase *copy = waymark_item_copy (phase);

  g_free (copy->name);
  copy->name = g_strdup ("Renamed");
  waymark_edits_update (history, phase, copy, NULL);
  g_assert_true (phase->item.id == id_before);
  waymark_history_clear (history);   /* frees the command and its copy */
  g_assert_true (waymark_journey_lookup (journey, id_before) == phase);
  g_assert_cmpstr (phase->name, ==, "Renamed");
}

/* A channel made for a card enters the map in the card's undo step:
 * one undo leaves neither an empty card nor an unused channel. */
static void
test_new_channel_is_part_of_the_step (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  guint channels = waymark_journey_get_n_items (journey, WAYMARK_ITEM_CHANNEL);
  guint touchpoints = waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);
  WaymarkChannel *chat = waymark_channel_new (id, WAYMARK_CATEGORY_DIGITAL, "chat", "Chat");
  g_autofree char *id2 = NULL;
  WaymarkChannel *phone;
  WaymarkTouchpoint *tp;

  tp = waymark_edits_add_touchpoint (history, phase, lane, 0, "Asks the bot", chat);
  g_assert_nonnull (tp);
  g_assert_true (tp->channel == chat);
  g_assert_cmpint (waymark_journey_index_of (journey, chat), ==, (int) channels);
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 1);

  id2 = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);
  phone = waymark_channel_new (id2, WAYMARK_CATEGORY_PERSONAL, "other", "Phone");
  waymark_edits_set_channel (history, tp, phone);
  g_assert_true (tp->channel == phone);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_CHANNEL), ==, channels + 2);
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 2);

  /* Choosing a channel the map has adds nothing. */
  waymark_edits_set_channel (history, tp, chat);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_CHANNEL), ==, channels + 2);

  g_assert_true (waymark_history_undo (history));
  g_assert_true (waymark_history_undo (history));
  g_assert_true (tp->channel == chat);
  g_assert_cmpint (waymark_journey_index_of (journey, phone), <, 0);
  g_assert_true (waymark_history_undo (history));
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_CHANNEL), ==, channels);
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, touchpoints);
  waymark_item_unref (chat);
  waymark_item_unref (phone);
}

static char *
repeat_char (const char *utf8,
             guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, utf8);
  return g_string_free (s, FALSE);
}

/* Text typed or pasted beyond a field's limit is cut there, on every kind
 * of edit, so what is saved opens again. */
static void
test_edits_keep_text_limits (void)
{
  g_autoptr(WaymarkJourney) journey = build_journey ();
  g_autoptr(WaymarkHistory) history = waymark_history_new (journey);
  g_autofree char *long_line = repeat_char ("\xc3\xa9", WAYMARK_TEXT_LIMIT_LINE + 500);
  g_autofree char *long_pages = repeat_char ("p", WAYMARK_TEXT_LIMIT_PAGES + 500);
  WaymarkPhase *phase = waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 0);
  WaymarkLane *lane = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 0);
  WaymarkLane *notes = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 2);
  WaymarkTouchpoint *tp, *edited;
  WaymarkNote *note;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) reread = NULL;
  gsize length;
  const char *data;

  tp = waymark_edits_add_touchpoint (history, phase, lane, G_MAXUINT, long_line, NULL);
  g_assert_cmpuint (g_utf8_strlen (tp->title, -1), ==, WAYMARK_TEXT_LIMIT_LINE);
  g_assert_true (g_utf8_validate (tp->title, -1, NULL));

  edited = waymark_item_copy (tp);
  edited->description = g_strdup (long_pages);
  edited->owner = g_strdup (long_line);
  waymark_touchpoint_add_kpi (edited, waymark_kpi_new (long_line, "1", long_line, NULL));
  waymark_edits_update (history, tp, edited, NULL);
  g_assert_cmpuint (strlen (tp->description), ==, WAYMARK_TEXT_LIMIT_PAGES);
  g_assert_cmpuint (g_utf8_strlen (tp->owner, -1), ==, WAYMARK_TEXT_LIMIT_LINE);

  note = waymark_edits_add_note (history, phase, notes, G_MAXUINT, long_pages);
  g_assert_cmpuint (strlen (note->text), ==, WAYMARK_TEXT_LIMIT_PAGES);

  waymark_edits_set_text (history, WAYMARK_FIELD_GOAL, long_line);
  g_assert_cmpuint (g_utf8_strlen (waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL), -1), ==,
                    WAYMARK_TEXT_LIMIT_LINE);

  bytes = save (journey);
  data = g_bytes_get_data (bytes, &length);
  reread = waymark_reader_read (data, length, "limits.journey", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reread);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/random-edits-undo-redo", test_random_edits_undo_redo);
  g_test_add_func ("/history/typing-merges", test_typing_merges);
  g_test_add_func ("/history/modified", test_modified_tracks_saved_state);
  g_test_add_func ("/edits/move-cards-order", test_move_cards_order);
  g_test_add_func ("/edits/delete-phase-with-dependents", test_delete_phase_with_dependents);
  g_test_add_func ("/journey/change-notifications", test_change_notifications);
  g_test_add_func ("/edits/edit-keeps-id-owned-by-item", test_edit_keeps_id_owned_by_item);
  g_test_add_func ("/edits/new-channel-is-part-of-the-step", test_new_channel_is_part_of_the_step);
  g_test_add_func ("/edits/keep-text-limits", test_edits_keep_text_limits);

  return g_test_run ();
}
