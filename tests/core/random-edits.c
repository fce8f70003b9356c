/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "random-edits.h"
#include "waymark-diff-field.h"
#include "waymark-fragment.h"
#include "waymark-insert-command.h"
#include "waymark-reader.h"
#include "waymark-writer.h"

typedef enum {
  OP_ADD_CARD,
  OP_MOVE_CARD,
  OP_EDIT,
  OP_DELETE,
  OP_ADD_ITEM,
  OP_MOVE_ITEM,
  OP_LINK,
  OP_JOURNEY_TEXT,
  OP_STATE,
  N_OPS
} OpKind;

typedef struct {
  OpKind kind;
  char *id;                 /* the item the edit concerns */
  gpointer item;            /* ADD_CARD, ADD_ITEM, LINK: the new item; EDIT: the edited copy */
  WaymarkDiffField field;   /* EDIT */
  char *phase;              /* ADD_CARD, MOVE_CARD: the cell */
  char *lane;
  guint position;           /* in the cell, or the index in the list */
  WaymarkJourneyField text_field;
  char *text;
  WaymarkState state;
} Op;

struct _RandomEdits {
  WaymarkHistory *history;
  GPtrArray *ops;
  GHashTable *claims;       /* char * keys */
};

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->id);
  g_clear_pointer (&op->item, waymark_item_unref);
  g_free (op->phase);
  g_free (op->lane);
  g_free (op->text);
  g_free (op);
}

RandomEdits *
random_edits_new (WaymarkHistory *history)
{
  RandomEdits *edits = g_new0 (RandomEdits, 1);

  edits->history = g_object_ref (history);
  edits->ops = g_ptr_array_new_with_free_func (op_free);
  edits->claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return edits;
}

void
random_edits_free (RandomEdits *edits)
{
  g_object_unref (edits->history);
  g_ptr_array_unref (edits->ops);
  g_hash_table_unref (edits->claims);
  g_free (edits);
}

guint
random_edits_count (RandomEdits *edits)
{
  return edits->ops->len;
}

WaymarkJourney *
random_edits_copy_journey (WaymarkJourney *journey)
{
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  WaymarkJourney *copy = waymark_reader_read (data, size, "copy", NULL, &error);

  g_assert_no_error (error);
  return copy;
}

/* ---- Making an edit, here or again elsewhere ---- */

static gpointer
map_by_id (gconstpointer ref,
           gpointer      user_data)
{
  return waymark_journey_lookup (user_data, waymark_item_get_id (ref));
}

static void
apply_op (WaymarkHistory *history,
          const Op       *op)
{
  WaymarkJourney *journey = waymark_history_get_journey (history);
  gpointer target = op->id ? waymark_journey_lookup (journey, op->id) : NULL;

  switch (op->kind)
    {
    case OP_ADD_CARD:
      {
        gpointer card = waymark_fragment_copy_item (op->item, map_by_id, journey);
        WaymarkPhase *phase = waymark_journey_lookup (journey, op->phase);
        WaymarkLane *lane = waymark_journey_lookup (journey, op->lane);
        guint index = waymark_edits_cell_index (journey, waymark_item_get_item_type (card), phase, lane,
                                                op->position, NULL);

        g_assert_nonnull (phase);
        g_assert_nonnull (lane);
        waymark_history_push (history, waymark_insert_command_new_insert (card, index));
        waymark_item_unref (card);
      }
      break;
    case OP_MOVE_CARD:
      {
        g_autoptr(GPtrArray) cards = g_ptr_array_new ();

        g_assert_nonnull (target);
        g_ptr_array_add (cards, target);
        waymark_edits_move_cards (history, cards, waymark_journey_lookup (journey, op->phase),
                                  waymark_journey_lookup (journey, op->lane), op->position);
      }
      break;
    case OP_EDIT:
      {
        gpointer copy;

        g_assert_nonnull (target);
        copy = waymark_item_copy (target);
        waymark_diff_field_copy (copy, op->item, op->field, map_by_id, journey);
        waymark_edits_update (history, target, copy, NULL);
      }
      break;
    case OP_DELETE:
      {
        g_autoptr(GPtrArray) items = g_ptr_array_new ();

        g_assert_nonnull (target);
        g_ptr_array_add (items, target);
        waymark_edits_delete (history, items);
      }
      break;
    case OP_ADD_ITEM:
      {
        gpointer copy = waymark_item_copy (op->item);

        waymark_edits_add_item (history, copy, (int) op->position);
        waymark_item_unref (copy);
      }
      break;
    case OP_MOVE_ITEM:
      g_assert_nonnull (target);
      waymark_edits_move_item (history, target, op->position);
      break;
    case OP_LINK:
      {
        gpointer link = waymark_fragment_copy_item (op->item, map_by_id, journey);

        waymark_history_push (history,
                              waymark_insert_command_new_insert (link, waymark_journey_get_n_items (journey,
                                                                                                   WAYMARK_ITEM_LINK)));
        waymark_item_unref (link);
      }
      break;
    case OP_JOURNEY_TEXT:
      waymark_edits_set_text (history, op->text_field, op->text);
      break;
    case OP_STATE:
      waymark_edits_set_state (history, op->state);
      break;
    case N_OPS:
    default:
      g_assert_not_reached ();
    }
}

void
random_edits_replay (RandomEdits    *edits,
                     WaymarkHistory *history)
{
  for (guint i = 0; i < edits->ops->len; i++)
    apply_op (history, g_ptr_array_index (edits->ops, i));
}

/* ---- Claims ---- */

/* Records what an edit claims, as "kind:what" (takes @key). */
static void
claim (GPtrArray *claims,
       char      *key)
{
  g_ptr_array_add (claims, key);
}

static void
claim_cell (GPtrArray     *claims,
            gconstpointer  phase,
            gconstpointer  lane)
{
  claim (claims, g_strdup_printf ("cell:%s/%s", waymark_item_get_id (phase), waymark_item_get_id (lane)));
}

/* Whether @claims collide with what @other claimed: the same key, or a
 * use of what the other deletes (and the other way round). */
static gboolean
collides (GPtrArray   *claims,
          RandomEdits *other)
{
  if (other == NULL)
    return FALSE;
  for (guint i = 0; i < claims->len; i++)
    {
      const char *key = g_ptr_array_index (claims, i);
      g_autofree char *del = NULL;
      g_autofree char *use = NULL;

      if (g_str_has_prefix (key, "use:"))
        {
          del = g_strconcat ("del:", key + 4, NULL);
          if (g_hash_table_contains (other->claims, del))
            return TRUE;
          continue;
        }
      if (g_str_has_prefix (key, "del:"))
        {
          use = g_strconcat ("use:", key + 4, NULL);
          if (g_hash_table_contains (other->claims, use))
            return TRUE;
        }
      if (g_hash_table_contains (other->claims, key))
        return TRUE;
    }
  return FALSE;
}

/* ---- Drawing an edit ---- */

static gpointer
pick (GRand           *rand,
      WaymarkJourney  *journey,
      WaymarkItemType  type)
{
  guint n = waymark_journey_get_n_items (journey, type);

  if (n == 0)
    return NULL;
  return waymark_journey_get_item (journey, type, (guint) g_rand_int_range (rand, 0, (int) n));
}

static WaymarkLane *
pick_lane (GRand           *rand,
           WaymarkJourney  *journey,
           WaymarkLaneKind  kind)
{
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  g_autoptr(GPtrArray) fitting = g_ptr_array_new ();

  for (guint i = 0; i < lanes->len; i++)
    if (((WaymarkLane *) g_ptr_array_index (lanes, i))->kind == kind)
      g_ptr_array_add (fitting, g_ptr_array_index (lanes, i));
  if (fitting->len == 0)
    return NULL;
  return g_ptr_array_index (fitting, (guint) g_rand_int_range (rand, 0, (int) fitting->len));
}

static guint
cell_size (WaymarkJourney *journey,
           WaymarkPhase   *phase,
           WaymarkLane    *lane)
{
  g_autoptr(GPtrArray) cell = waymark_journey_get_cell (journey, phase, lane);

  return cell->len;
}

static const char *const words[] = {
  "Call", "hotline", "Website", "visit", "Ad", "newsletter", "Shop", "review", "Unboxing", "App",
};

static char *
random_text (GRand *rand)
{
  return g_strdup_printf ("%s %s %d", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], g_rand_int_range (rand, 0, 100));
}

static void
set_text (char  **slot,
          GRand  *rand)
{
  g_free (*slot);
  *slot = g_rand_boolean (rand) || *slot == NULL ? random_text (rand) : NULL;
}

/* A changed copy of @item with one field changed; FALSE when the field
 * drawn cannot change. */
static gboolean
edit_field (GRand            *rand,
            WaymarkJourney   *journey,
            gpointer          edited,
            WaymarkDiffField *field,
            GPtrArray        *claims)
{
  switch (waymark_item_get_item_type (edited))
    {
    case WAYMARK_ITEM_PERSONA:
      {
        WaymarkPersona *persona = edited;

        *field = g_rand_boolean (rand) ? WAYMARK_DIFF_FIELD_NAME : WAYMARK_DIFF_FIELD_DESCRIPTION;
        if (*field == WAYMARK_DIFF_FIELD_NAME)
          {
            g_free (persona->name);
            persona->name = random_text (rand);
          }
        else
          set_text (&persona->description, rand);
        return TRUE;
      }
    case WAYMARK_ITEM_PHASE:
      *field = WAYMARK_DIFF_FIELD_NAME;
      g_free (((WaymarkPhase *) edited)->name);
      ((WaymarkPhase *) edited)->name = random_text (rand);
      return TRUE;
    case WAYMARK_ITEM_LANE:
      *field = WAYMARK_DIFF_FIELD_NAME;
      g_free (((WaymarkLane *) edited)->name);
      ((WaymarkLane *) edited)->name = random_text (rand);
      return TRUE;
    case WAYMARK_ITEM_CHANNEL:
      {
        WaymarkChannel *channel = edited;

        switch (g_rand_int_range (rand, 0, 3))
          {
          case 0:
            *field = WAYMARK_DIFF_FIELD_NAME;
            g_free (channel->name);
            channel->name = random_text (rand);
            break;
          case 1:
            *field = WAYMARK_DIFF_FIELD_CATEGORY;
            channel->category = (WaymarkCategory) g_rand_int_range (rand, 0, 3);
            break;
          default:
            *field = WAYMARK_DIFF_FIELD_ICON;
            g_free (channel->icon);
            channel->icon = g_strdup (g_rand_boolean (rand) ? "phone" : "website");
            break;
          }
        return TRUE;
      }
    case WAYMARK_ITEM_TOUCHPOINT:
      {
        WaymarkTouchpoint *tp = edited;

        switch (g_rand_int_range (rand, 0, 12))
          {
          case 0:
            *field = WAYMARK_DIFF_FIELD_TITLE;
            g_free (tp->title);
            tp->title = random_text (rand);
            break;
          case 1:
            *field = WAYMARK_DIFF_FIELD_DESCRIPTION;
            set_text (&tp->description, rand);
            break;
          case 2:
            *field = WAYMARK_DIFF_FIELD_EMOTION;
            tp->has_emotion = g_rand_int_range (rand, 0, 6) > 0;
            tp->emotion = tp->has_emotion ? g_rand_int_range (rand, -2, 3) : 0;
            break;
          case 3:
            *field = WAYMARK_DIFF_FIELD_OWNER;
            set_text (&tp->owner, rand);
            break;
          case 4:
            *field = WAYMARK_DIFF_FIELD_STRENGTH;
            tp->strength = (WaymarkStrength) g_rand_int_range (rand, 0, 3);
            break;
          case 5:
            *field = WAYMARK_DIFF_FIELD_PRIORITY;
            tp->priority = (WaymarkPriority) g_rand_int_range (rand, 0, 4);
            break;
          case 6:
            *field = WAYMARK_DIFF_FIELD_MOMENT_OF_TRUTH;
            tp->moment_of_truth = !tp->moment_of_truth;
            break;
          case 7:
            *field = WAYMARK_DIFF_FIELD_INITIATOR;
            tp->initiator = (WaymarkInitiator) g_rand_int_range (rand, 0, 3);
            break;
          case 8:
            {
              WaymarkChannel *channel = g_rand_int_range (rand, 0, 4) > 0 ? pick (rand, journey, WAYMARK_ITEM_CHANNEL)
                                                                          : NULL;

              *field = WAYMARK_DIFF_FIELD_CHANNEL;
              waymark_touchpoint_set_channel (tp, channel);
              if (channel)
                claim (claims, g_strdup_printf ("use:%s", waymark_item_get_id (channel)));
            }
            break;
          case 9:
            *field = WAYMARK_DIFF_FIELD_KPIS;
            if (tp->kpis != NULL && g_rand_boolean (rand))
              g_ptr_array_remove_index (tp->kpis, (guint) g_rand_int_range (rand, 0, (int) tp->kpis->len));
            else
              {
                g_autofree char *value = g_strdup_printf ("%d.%d", g_rand_int_range (rand, 0, 100),
                                                          g_rand_int_range (rand, 0, 10));

                waymark_touchpoint_add_kpi (tp, waymark_kpi_new (g_rand_boolean (rand) ? "NPS" : "Waiting time",
                                                                 value, g_rand_boolean (rand) ? "min" : NULL,
                                                                 g_rand_boolean (rand) ? "5" : NULL));
              }
            break;
          case 10:
            *field = WAYMARK_DIFF_FIELD_EMOTION_NOTE;
            set_text (&tp->emotion_note, rand);
            break;
          default:
            *field = WAYMARK_DIFF_FIELD_IDEA;
            set_text (&tp->idea, rand);
            break;
          }
        return TRUE;
      }
    case WAYMARK_ITEM_NOTE:
      *field = WAYMARK_DIFF_FIELD_TEXT;
      g_free (((WaymarkNote *) edited)->text);
      ((WaymarkNote *) edited)->text = random_text (rand);
      return TRUE;
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}

/* What deleting @item takes with it (as waymark_edits_delete() does),
 * claimed. */
static void
claim_delete (WaymarkJourney *journey,
              gpointer        item,
              GPtrArray      *claims)
{
  WaymarkItemType type = waymark_item_get_item_type (item);
  const char *id = waymark_item_get_id (item);

  claim (claims, g_strdup_printf ("del:%s", id));
  claim (claims, g_strdup_printf ("use:%s", id));
  if (type <= WAYMARK_ITEM_CHANNEL)
    claim (claims, g_strdup_printf ("list:%d", type));

  if (type == WAYMARK_ITEM_PHASE || type == WAYMARK_ITEM_LANE)
    {
      GPtrArray *others = waymark_journey_get_items (journey, type == WAYMARK_ITEM_PHASE ? WAYMARK_ITEM_LANE
                                                                                          : WAYMARK_ITEM_PHASE);

      for (guint i = 0; i < others->len; i++)
        if (type == WAYMARK_ITEM_PHASE)
          claim_cell (claims, item, g_ptr_array_index (others, i));
        else
          claim_cell (claims, g_ptr_array_index (others, i), item);
      for (int t = WAYMARK_ITEM_TOUCHPOINT; t <= WAYMARK_ITEM_NOTE; t++)
        {
          GPtrArray *cards = waymark_journey_get_items (journey, t);

          for (guint i = 0; i < cards->len; i++)
            {
              gpointer card = g_ptr_array_index (cards, i);
              gpointer p = t == WAYMARK_ITEM_TOUCHPOINT ? (gpointer) ((WaymarkTouchpoint *) card)->phase
                                                        : (gpointer) ((WaymarkNote *) card)->phase;
              gpointer l = t == WAYMARK_ITEM_TOUCHPOINT ? (gpointer) ((WaymarkTouchpoint *) card)->lane
                                                        : (gpointer) ((WaymarkNote *) card)->lane;

              if (p == item || l == item)
                claim_delete (journey, card, claims);
            }
        }
    }
  else if (type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE)
    {
      WaymarkPhase *phase = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) item)->phase
                                                            : ((WaymarkNote *) item)->phase;
      WaymarkLane *lane = type == WAYMARK_ITEM_TOUCHPOINT ? ((WaymarkTouchpoint *) item)->lane
                                                          : ((WaymarkNote *) item)->lane;
      GPtrArray *links = waymark_journey_get_items (journey, WAYMARK_ITEM_LINK);

      claim_cell (claims, phase, lane);
      for (guint i = 0; i < links->len; i++)
        {
          WaymarkLink *link = g_ptr_array_index (links, i);

          if ((gpointer) link->from == item || (gpointer) link->to == item)
            claim_delete (journey, link, claims);
        }
    }
  else if (type == WAYMARK_ITEM_CHANNEL)
    {
      GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);

      for (guint i = 0; i < tps->len; i++)
        {
          WaymarkTouchpoint *tp = g_ptr_array_index (tps, i);

          if ((gpointer) tp->channel == item)
            {
              claim (claims, g_strdup_printf ("field:%s:%d", waymark_item_get_id (tp), WAYMARK_DIFF_FIELD_CHANNEL));
              claim (claims, g_strdup_printf ("use:%s", waymark_item_get_id (tp)));
            }
        }
    }
}

/* Draws an edit into @op, and what it claims; FALSE if none fits. */
static gboolean
draw (RandomEdits *edits,
      GRand       *rand,
      Op          *op,
      GPtrArray   *claims)
{
  WaymarkJourney *journey = waymark_history_get_journey (edits->history);
  WaymarkPhase *phase = pick (rand, journey, WAYMARK_ITEM_PHASE);
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 18)
    {
      gboolean note = g_rand_int_range (rand, 0, 4) == 0;
      WaymarkLane *lane = pick_lane (rand, journey, note ? WAYMARK_LANE_NOTES : WAYMARK_LANE_TOUCHPOINTS);
      g_autofree char *text = random_text (rand);

      if (phase == NULL || lane == NULL)
        return FALSE;
      op->kind = OP_ADD_CARD;
      op->phase = g_strdup (waymark_item_get_id (phase));
      op->lane = g_strdup (waymark_item_get_id (lane));
      op->position = (guint) g_rand_int_range (rand, 0, (int) cell_size (journey, phase, lane) + 2);
      if (note)
        {
          op->id = waymark_journey_new_id (journey, WAYMARK_ITEM_NOTE);
          op->item = waymark_note_new (op->id, phase, lane, text);
        }
      else
        {
          WaymarkChannel *channel = pick (rand, journey, WAYMARK_ITEM_CHANNEL);

          op->id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
          op->item = waymark_touchpoint_new (op->id, phase, lane, text);
          if (channel && g_rand_boolean (rand))
            {
              waymark_touchpoint_set_channel (op->item, channel);
              claim (claims, g_strdup_printf ("use:%s", waymark_item_get_id (channel)));
            }
          if (g_rand_boolean (rand))
            {
              ((WaymarkTouchpoint *) op->item)->has_emotion = TRUE;
              ((WaymarkTouchpoint *) op->item)->emotion = g_rand_int_range (rand, -2, 3);
            }
        }
      claim_cell (claims, phase, lane);
      claim (claims, g_strdup_printf ("use:%s", op->phase));
      claim (claims, g_strdup_printf ("use:%s", op->lane));
      return TRUE;
    }

  if (roll < 36)
    {
      gboolean note = g_rand_int_range (rand, 0, 4) == 0;
      gpointer card = pick (rand, journey, note ? WAYMARK_ITEM_NOTE : WAYMARK_ITEM_TOUCHPOINT);
      WaymarkLane *lane;
      WaymarkPhase *from_phase;
      WaymarkLane *from_lane;

      if (card == NULL || phase == NULL)
        return FALSE;
      /* Half the time a reorder in the card's own cell. */
      from_phase = note ? ((WaymarkNote *) card)->phase : ((WaymarkTouchpoint *) card)->phase;
      from_lane = note ? ((WaymarkNote *) card)->lane : ((WaymarkTouchpoint *) card)->lane;
      if (g_rand_boolean (rand))
        {
          phase = from_phase;
          lane = from_lane;
        }
      else
        lane = pick_lane (rand, journey, note ? WAYMARK_LANE_NOTES : WAYMARK_LANE_TOUCHPOINTS);
      op->kind = OP_MOVE_CARD;
      op->id = g_strdup (waymark_item_get_id (card));
      op->phase = g_strdup (waymark_item_get_id (phase));
      op->lane = g_strdup (waymark_item_get_id (lane));
      op->position = (guint) g_rand_int_range (rand, 0, (int) cell_size (journey, phase, lane) + 1);
      claim (claims, g_strdup_printf ("use:%s", op->id));
      claim (claims, g_strdup_printf ("field:%s:%d", op->id, WAYMARK_DIFF_FIELD_PHASE));
      claim (claims, g_strdup_printf ("field:%s:%d", op->id, WAYMARK_DIFF_FIELD_LANE));
      claim_cell (claims, from_phase, from_lane);
      claim_cell (claims, phase, lane);
      claim (claims, g_strdup_printf ("use:%s", op->phase));
      claim (claims, g_strdup_printf ("use:%s", op->lane));
      return TRUE;
    }

  if (roll < 70)
    {
      static const WaymarkItemType types[] = {
        WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_TOUCHPOINT,
        WAYMARK_ITEM_NOTE, WAYMARK_ITEM_PHASE, WAYMARK_ITEM_LANE, WAYMARK_ITEM_CHANNEL, WAYMARK_ITEM_PERSONA,
      };
      gpointer item = pick (rand, journey, types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))]);

      if (item == NULL)
        return FALSE;
      op->kind = OP_EDIT;
      op->id = g_strdup (waymark_item_get_id (item));
      op->item = waymark_item_copy (item);
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          static const char *const findings[] = { "touchpoint-without-owner", "phase-without-touchpoints" };

          op->field = WAYMARK_DIFF_FIELD_DISMISSED;
          waymark_item_set_dismissed (op->item, findings[g_rand_int_range (rand, 0, 2)], g_rand_boolean (rand));
        }
      else if (!edit_field (rand, journey, op->item, &op->field, claims))
        return FALSE;
      claim (claims, g_strdup_printf ("use:%s", op->id));
      claim (claims, g_strdup_printf ("field:%s:%d", op->id, op->field));
      return TRUE;
    }

  if (roll < 80)
    {
      static const WaymarkItemType types[] = {
        WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_TOUCHPOINT, WAYMARK_ITEM_NOTE,
        WAYMARK_ITEM_LINK, WAYMARK_ITEM_CHANNEL, WAYMARK_ITEM_PERSONA, WAYMARK_ITEM_PHASE, WAYMARK_ITEM_LANE,
      };
      WaymarkItemType type = types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))];
      gpointer item = pick (rand, journey, type);

      /* Keep the map worth editing: a phase and a lane of each card kind. */
      if (item == NULL ||
          (type == WAYMARK_ITEM_PHASE && waymark_journey_get_n_items (journey, type) < 3) ||
          (type == WAYMARK_ITEM_LANE && waymark_journey_get_n_items (journey, type) < 5))
        return FALSE;
      op->kind = OP_DELETE;
      op->id = g_strdup (waymark_item_get_id (item));
      claim_delete (journey, item, claims);
      return TRUE;
    }

  if (roll < 86)
    {
      WaymarkItemType type = (WaymarkItemType) g_rand_int_range (rand, WAYMARK_ITEM_PERSONA, WAYMARK_ITEM_CHANNEL + 1);
      guint n = waymark_journey_get_n_items (journey, type);
      g_autofree char *name = random_text (rand);

      op->kind = OP_ADD_ITEM;
      op->id = waymark_journey_new_id (journey, type);
      op->position = (guint) g_rand_int_range (rand, 0, (int) n + 1);
      switch (type)
        {
        case WAYMARK_ITEM_PERSONA:
          op->item = waymark_persona_new (op->id, name);
          break;
        case WAYMARK_ITEM_PHASE:
          op->item = waymark_phase_new (op->id, name);
          break;
        case WAYMARK_ITEM_LANE:
          op->item = waymark_lane_new (op->id, g_rand_boolean (rand) ? WAYMARK_LANE_TOUCHPOINTS : WAYMARK_LANE_NOTES,
                                       name);
          break;
        case WAYMARK_ITEM_CHANNEL:
        case WAYMARK_ITEM_TOUCHPOINT:
        case WAYMARK_ITEM_NOTE:
        case WAYMARK_ITEM_LINK:
        case WAYMARK_N_ITEM_TYPES:
        default:
          op->item = waymark_channel_new (op->id, WAYMARK_CATEGORY_DIGITAL, "chat", name);
          break;
        }
      claim (claims, g_strdup_printf ("list:%d", type));
      return TRUE;
    }

  if (roll < 91)
    {
      WaymarkItemType type = (WaymarkItemType) g_rand_int_range (rand, WAYMARK_ITEM_PERSONA, WAYMARK_ITEM_CHANNEL + 1);
      gpointer item = pick (rand, journey, type);
      guint n = waymark_journey_get_n_items (journey, type);

      if (item == NULL || n < 2)
        return FALSE;
      op->kind = OP_MOVE_ITEM;
      op->id = g_strdup (waymark_item_get_id (item));
      op->position = (guint) g_rand_int_range (rand, 0, (int) n);
      if ((int) op->position == waymark_journey_index_of (journey, item))
        return FALSE;
      claim (claims, g_strdup_printf ("list:%d", type));
      claim (claims, g_strdup_printf ("use:%s", op->id));
      return TRUE;
    }

  if (roll < 96)
    {
      WaymarkTouchpoint *from = pick (rand, journey, WAYMARK_ITEM_TOUCHPOINT);
      WaymarkTouchpoint *to = pick (rand, journey, WAYMARK_ITEM_TOUCHPOINT);

      if (from == NULL || from == to)
        return FALSE;
      op->kind = OP_LINK;
      op->id = waymark_journey_new_id (journey, WAYMARK_ITEM_LINK);
      op->item = waymark_link_new (op->id, from, to);
      claim (claims, g_strdup_printf ("use:%s", waymark_item_get_id (from)));
      claim (claims, g_strdup_printf ("use:%s", waymark_item_get_id (to)));
      return TRUE;
    }

  if (roll < 99)
    {
      op->kind = OP_JOURNEY_TEXT;
      op->text_field = (WaymarkJourneyField) g_rand_int_range (rand, 0, 3);
      op->text = g_rand_int_range (rand, 0, 4) > 0 ? random_text (rand) : NULL;
      claim (claims, g_strdup_printf ("journey:%d", op->text_field));
      return TRUE;
    }

  op->kind = OP_STATE;
  op->state = waymark_journey_get_state (journey) == WAYMARK_STATE_AS_IS ? WAYMARK_STATE_INTENDED
                                                                        : WAYMARK_STATE_AS_IS;
  claim (claims, g_strdup ("journey:state"));
  return TRUE;
}

gboolean
random_edits_step (RandomEdits *edits,
                   GRand       *rand,
                   RandomEdits *other)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_free);
  Op *op = g_new0 (Op, 1);

  if (!draw (edits, rand, op, claims) || collides (claims, other))
    {
      op_free (op);
      return FALSE;
    }
  apply_op (edits->history, op);
  g_ptr_array_add (edits->ops, op);
  for (guint i = 0; i < claims->len; i++)
    g_hash_table_add (edits->claims, g_strdup (g_ptr_array_index (claims, i)));
  return TRUE;
}

void
random_edits_run (RandomEdits *edits,
                  GRand       *rand,
                  guint        n,
                  RandomEdits *other)
{
  guint made = 0;

  for (guint tries = 0; made < n && tries < 20 * n; tries++)
    if (random_edits_step (edits, rand, other))
      made++;
}
