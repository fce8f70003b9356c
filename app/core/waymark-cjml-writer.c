/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-cjml-writer.h"
#include "waymark-writer.h"

/* What a map can hold and CJML cannot: each is said once, with how many
 * items lose it and the line of the first. */
typedef enum {
  LOST_GOAL,
  LOST_PERSONA_DESCRIPTION,
  LOST_CHANNEL_LOOK,
  LOST_LANE,
  LOST_NOTE,
  LOST_LINK,
  LOST_QUOTE,
  LOST_IDEA,
  LOST_OWNER,
  LOST_ASSESSMENT,
  LOST_KPIS,
  LOST_VOTES,
  LOST_PLANNED_EMOTION,
  LOST_PERSONA_MARKS,
  LOST_INITIATOR,
  LOST_CONFLICTS,
  N_LOST
} Lost;

typedef struct {
  WaymarkJourney *journey;
  const char *name;
  GHashTable *item_lines;
  GString *out;
  gboolean planned;
  const char *prefix;          /* "planned" or "actual" */
  char *end_user_id;           /* the actor a customer's touchpoint starts from */
  GHashTable *end_user_lanes;  /* WaymarkLane → WaymarkPersona it stands for */
  guint lost_count[N_LOST];
  int lost_line[N_LOST];
} Writer;

static void
lose (Writer        *w,
      Lost           what,
      gconstpointer  item)
{
  if (w->lost_count[what]++ > 0)
    return;
  w->lost_line[what] = 1;
  if (item != NULL && w->item_lines != NULL)
    {
      int line = GPOINTER_TO_INT (g_hash_table_lookup (w->item_lines, waymark_item_get_id (item)));

      if (line > 0)
        w->lost_line[what] = line;
    }
}

static char *
describe_lost (Lost  what,
               guint n)
{
  switch (what)
    {
    case LOST_GOAL:
      return g_strdup (_("CJML has no place for the journey’s goal: it is not written"));
    case LOST_PERSONA_DESCRIPTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML keeps only an end user’s name: the description of %u persona is not written",
                                           "CJML keeps only an end user’s name: the descriptions of %u personas are not written", n), n);
    case LOST_CHANNEL_LOOK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML keeps only a channel’s name: the category and icon of %u channel are not written",
                                           "CJML keeps only a channel’s name: the categories and icons of %u channels are not written", n), n);
    case LOST_LANE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no notes or KPI lanes: %u lane is not written",
                                           "CJML has no notes or KPI lanes: %u lanes are not written", n), n);
    case LOST_NOTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no notes: %u note is not written",
                                           "CJML has no notes: %u notes are not written", n), n);
    case LOST_LINK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no links between touchpoints: %u link is not written",
                                           "CJML has no links between touchpoints: %u links are not written", n), n);
    case LOST_QUOTE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no quotes: the quote of %u touchpoint is not written",
                                           "CJML has no quotes: the quotes of %u touchpoints are not written", n), n);
    case LOST_IDEA:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no ideas: the idea of %u touchpoint is not written",
                                           "CJML has no ideas: the ideas of %u touchpoints are not written", n), n);
    case LOST_OWNER:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no owners: the owner of %u touchpoint is not written",
                                           "CJML has no owners: the owners of %u touchpoints are not written", n), n);
    case LOST_ASSESSMENT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no assessments: strength or weakness, priority and moment of truth of %u touchpoint are not written",
                                           "CJML has no assessments: strength or weakness, priority and moment of truth of %u touchpoints are not written", n), n);
    case LOST_KPIS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no KPIs: the KPIs of %u touchpoint are not written",
                                           "CJML has no KPIs: the KPIs of %u touchpoints are not written", n), n);
    case LOST_VOTES:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML has no dot votes: the votes of %u touchpoint are not written",
                                           "CJML has no dot votes: the votes of %u touchpoints are not written", n), n);
    case LOST_PLANNED_EMOTION:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML rates experiences only in actual journeys: the emotion of %u touchpoint of this intended map is not written",
                                           "CJML rates experiences only in actual journeys: the emotions of %u touchpoints of this intended map are not written", n), n);
    case LOST_PERSONA_MARKS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "CJML rates a touchpoint once, for its end user: the personas and their emotions of %u touchpoint are not written",
                                           "CJML rates a touchpoint once, for its end user: the personas and their emotions of %u touchpoints are not written", n), n);
    case LOST_INITIATOR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "a CJML touchpoint needs an initiator: %u touchpoint without one is written as started by its lane",
                                           "a CJML touchpoint needs an initiator: %u touchpoints without one are written as started by their lanes", n), n);
    case LOST_CONFLICTS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "the map has %u unresolved merge conflict: CJML gets the map’s current values only",
                                           "the map has %u unresolved merge conflicts: CJML gets the map’s current values only", n), n);
    case N_LOST:
    default:
      g_assert_not_reached ();
    }
}

static void
element (Writer     *w,
         guint       indent,
         const char *name,
         const char *text)
{
  g_string_append_printf (w->out, "%*s<%s>", (int) indent * 2, "", name);
  waymark_writer_append_escaped (w->out, text, FALSE);
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
refers_to (Writer     *w,
           const char *role,
           const char *actor_id,
           const char *label)
{
  g_string_append_printf (w->out, "        <%s>\n          <refersTo actorIDref=\"", role);
  waymark_writer_append_escaped (w->out, actor_id, TRUE);
  g_string_append (w->out, "\"/>\n");
  g_string_append_printf (w->out, "          <%sLabel>", role);
  waymark_writer_append_escaped (w->out, label, FALSE);
  g_string_append_printf (w->out, "</%sLabel>\n        </%s>\n", role, role);
}

static gboolean
is_customer_action (const WaymarkTouchpoint *tp)
{
  return tp->initiator == WAYMARK_INITIATOR_CUSTOMER && tp->channel == NULL;
}

/* A lane named like a persona that holds nothing but that persona's own
 * actions is the end user's lane (as the reader makes it), not a service
 * provider. */
static void
find_end_user_lanes (Writer *w)
{
  GPtrArray *lanes = waymark_journey_get_items (w->journey, WAYMARK_ITEM_LANE);
  GPtrArray *personas = waymark_journey_get_items (w->journey, WAYMARK_ITEM_PERSONA);
  GPtrArray *touchpoints = waymark_journey_get_items (w->journey, WAYMARK_ITEM_TOUCHPOINT);

  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);
      WaymarkPersona *persona = NULL;
      guint n_actions = 0;
      gboolean other = FALSE;

      if (lane->kind != WAYMARK_LANE_TOUCHPOINTS)
        continue;
      for (guint j = 0; j < personas->len && persona == NULL; j++)
        if (g_strcmp0 (((WaymarkPersona *) g_ptr_array_index (personas, j))->name, lane->name) == 0)
          persona = g_ptr_array_index (personas, j);
      if (persona == NULL)
        continue;
      for (guint j = 0; j < touchpoints->len && !other; j++)
        {
          WaymarkTouchpoint *tp = g_ptr_array_index (touchpoints, j);

          if (tp->lane != lane)
            continue;
          if (is_customer_action (tp))
            n_actions++;
          else
            other = TRUE;
        }
      if (n_actions > 0 && !other)
        g_hash_table_insert (w->end_user_lanes, lane, persona);
    }
}

static void
write_header (Writer *w)
{
  WaymarkJourney *journey = w->journey;
  const char *subject = waymark_journey_get_text (journey, WAYMARK_FIELD_SUBJECT);
  const char *goal = waymark_journey_get_text (journey, WAYMARK_FIELD_GOAL);
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);

  element (w, 2, "journeyID", waymark_journey_get_id (journey));
  element (w, 2, "journeyTitle", waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE));
  if (phases->len > 0)
    {
      g_string_append (w->out, "    <journeyPhases>\n");
      for (guint i = 0; i < phases->len; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (phases, i);

          g_string_append (w->out, "      <journeyPhase phaseID=\"");
          waymark_writer_append_escaped (w->out, waymark_item_get_id (phase), TRUE);
          g_string_append (w->out, "\">\n");
          element (w, 4, "phaseName", phase->name);
          g_string_append (w->out, "      </journeyPhase>\n");
        }
      g_string_append (w->out, "    </journeyPhases>\n");
    }
  if (subject != NULL && subject[0] != '\0')
    element (w, 2, "journeyShortSummary", subject);
  if (goal != NULL && goal[0] != '\0')
    lose (w, LOST_GOAL, NULL);
}

static void
write_actors (Writer *w)
{
  GPtrArray *personas = waymark_journey_get_items (w->journey, WAYMARK_ITEM_PERSONA);
  GPtrArray *lanes = waymark_journey_get_items (w->journey, WAYMARK_ITEM_LANE);

  g_string_append (w->out, "    <actors>\n");
  if (personas->len == 0)
    {
      /* A CJML journey is someone's: a map without a persona has a
       * nameless customer, under an id no item of the map has. */
      w->end_user_id = g_strdup ("customer");
      for (guint n = 2; waymark_journey_lookup (w->journey, w->end_user_id) != NULL; n++)
        {
          g_free (w->end_user_id);
          w->end_user_id = g_strdup_printf ("customer-%u", n);
        }
      g_string_append_printf (w->out, "      <endUser actorID=\"%s\">\n", w->end_user_id);
      element (w, 4, "actorName", "Customer");
      g_string_append (w->out, "      </endUser>\n");
    }
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);

      if (i == 0)
        w->end_user_id = g_strdup (waymark_item_get_id (persona));
      g_string_append (w->out, "      <endUser actorID=\"");
      waymark_writer_append_escaped (w->out, waymark_item_get_id (persona), TRUE);
      g_string_append (w->out, "\">\n");
      element (w, 4, "actorName", persona->name);
      g_string_append (w->out, "      </endUser>\n");
      if (persona->description != NULL && persona->description[0] != '\0')
        lose (w, LOST_PERSONA_DESCRIPTION, persona);
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (lane->kind == WAYMARK_LANE_NOTES || lane->kind == WAYMARK_LANE_KPIS)
        lose (w, LOST_LANE, lane);
      if (lane->kind != WAYMARK_LANE_TOUCHPOINTS || g_hash_table_contains (w->end_user_lanes, lane))
        continue;
      g_string_append (w->out, "      <serviceProvider actorID=\"");
      waymark_writer_append_escaped (w->out, waymark_item_get_id (lane), TRUE);
      g_string_append (w->out, "\">\n");
      element (w, 4, "companyName", lane->name);
      g_string_append (w->out, "      </serviceProvider>\n");
    }
  g_string_append (w->out, "    </actors>\n");
}

/* Says what of @tp stays behind. */
static void
check_touchpoint (Writer            *w,
                  WaymarkTouchpoint *tp)
{
  if (tp->quote != NULL && tp->quote[0] != '\0')
    lose (w, LOST_QUOTE, tp);
  if (tp->idea != NULL && tp->idea[0] != '\0')
    lose (w, LOST_IDEA, tp);
  if (tp->owner != NULL && tp->owner[0] != '\0')
    lose (w, LOST_OWNER, tp);
  if (waymark_touchpoint_has_assessment (tp))
    lose (w, LOST_ASSESSMENT, tp);
  if (waymark_touchpoint_get_n_kpis (tp) > 0)
    lose (w, LOST_KPIS, tp);
  if (tp->votes > 0)
    lose (w, LOST_VOTES, tp);
  if (tp->has_emotion && w->planned)
    lose (w, LOST_PLANNED_EMOTION, tp);
  if (waymark_touchpoint_get_n_persona_marks (tp) > 0)
    lose (w, LOST_PERSONA_MARKS, tp);
  if (tp->initiator == WAYMARK_INITIATOR_UNSET)
    lose (w, LOST_INITIATOR, tp);
}

static void
write_touchpoint (Writer            *w,
                  WaymarkTouchpoint *tp)
{
  const char *lane_actor = waymark_item_get_id (tp->lane);
  WaymarkPersona *lane_user = g_hash_table_lookup (w->end_user_lanes, tp->lane);
  gboolean from_customer = tp->initiator == WAYMARK_INITIATOR_CUSTOMER;
  /* Between the customer and a lane's service provider is communication;
   * what one of them does alone (the end user in their own lane, or a
   * provider without a channel) is an action. */
  gboolean communication = lane_user == NULL && (tp->channel != NULL || from_customer);
  const char *kind = communication ? "CommunicationPoint" : "Action";
  const char *initiator;

  check_touchpoint (w, tp);
  if (from_customer)
    initiator = lane_user != NULL ? waymark_item_get_id (lane_user) : w->end_user_id;
  else
    initiator = lane_actor;

  g_string_append_printf (w->out, "      <%s%s>\n", w->prefix, kind);
  element (w, 4, "touchpointID", waymark_item_get_id (tp));
  g_string_append (w->out, "        <belongsTo phaseIDref=\"");
  waymark_writer_append_escaped (w->out, waymark_item_get_id (tp->phase), TRUE);
  g_string_append (w->out, "\"/>\n");
  refers_to (w, "initiator", initiator, tp->title);
  if (communication)
    /* The receiver is the other side: the lane for a customer's
     * touchpoint, the customer for the brand's. */
    refers_to (w, "receiver", from_customer ? lane_actor : w->end_user_id, tp->title);
  if (tp->channel != NULL)
    {
      g_string_append (w->out, "        <channel>\n");
      element (w, 5, "channelName", tp->channel->name);
      g_string_append (w->out, "        </channel>\n");
    }
  if (tp->description != NULL && tp->description[0] != '\0')
    element (w, 4, "comment", tp->description);
  if (tp->has_emotion && !w->planned)
    {
      g_autofree char *rating = g_strdup_printf ("%d", tp->emotion - WAYMARK_EMOTION_MIN + 1);

      g_string_append (w->out, "        <touchpointExperience>\n");
      if (tp->emotion_note != NULL && tp->emotion_note[0] != '\0')
        element (w, 5, "experienceDescription", tp->emotion_note);
      element (w, 5, "experienceRating", rating);
      g_string_append (w->out, "        </touchpointExperience>\n");
    }
  g_string_append_printf (w->out, "      </%s%s>\n", w->prefix, kind);
}

/* In the order a person reads the map: phase by phase, lane by lane. */
static void
write_touchpoints (Writer *w)
{
  GPtrArray *phases = waymark_journey_get_items (w->journey, WAYMARK_ITEM_PHASE);
  GPtrArray *lanes = waymark_journey_get_items (w->journey, WAYMARK_ITEM_LANE);

  g_string_append (w->out, "    <touchpoints>\n");
  for (guint p = 0; p < phases->len; p++)
    for (guint l = 0; l < lanes->len; l++)
      {
        WaymarkLane *lane = g_ptr_array_index (lanes, l);
        g_autoptr(GPtrArray) cell = NULL;

        if (lane->kind != WAYMARK_LANE_TOUCHPOINTS)
          continue;
        cell = waymark_journey_get_cell (w->journey, g_ptr_array_index (phases, p), lane);
        for (guint i = 0; i < cell->len; i++)
          write_touchpoint (w, g_ptr_array_index (cell, i));
      }
  g_string_append (w->out, "    </touchpoints>\n");
}

static void
check_rest (Writer *w)
{
  GPtrArray *channels = waymark_journey_get_items (w->journey, WAYMARK_ITEM_CHANNEL);
  GPtrArray *notes = waymark_journey_get_items (w->journey, WAYMARK_ITEM_NOTE);
  GPtrArray *links = waymark_journey_get_items (w->journey, WAYMARK_ITEM_LINK);
  GPtrArray *conflicts = waymark_journey_get_conflicts (w->journey);

  for (guint i = 0; i < channels->len; i++)
    lose (w, LOST_CHANNEL_LOOK, g_ptr_array_index (channels, i));
  for (guint i = 0; i < notes->len; i++)
    lose (w, LOST_NOTE, g_ptr_array_index (notes, i));
  for (guint i = 0; i < links->len; i++)
    lose (w, LOST_LINK, g_ptr_array_index (links, i));
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    lose (w, LOST_CONFLICTS, NULL);
}

GBytes *
waymark_cjml_write (WaymarkJourney *journey,
                    const char     *name,
                    GHashTable     *item_lines,
                    GPtrArray      *warnings)
{
  Writer w = { 0 };
  gsize length;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  w.journey = journey;
  w.name = name;
  w.item_lines = item_lines;
  w.out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  w.planned = waymark_journey_get_state (journey) == WAYMARK_STATE_INTENDED;
  w.prefix = w.planned ? "planned" : "actual";
  w.end_user_lanes = g_hash_table_new (NULL, NULL);

  find_end_user_lanes (&w);
  g_string_append (w.out, "<CJML version=\"" WAYMARK_CJML_VERSION "\">\n");
  g_string_append_printf (w.out, "  <%sJourney>\n", w.prefix);
  write_header (&w);
  write_actors (&w);
  write_touchpoints (&w);
  g_string_append_printf (w.out, "  </%sJourney>\n", w.prefix);
  g_string_append (w.out, "</CJML>\n");
  check_rest (&w);

  for (guint i = 0; i < N_LOST && warnings != NULL; i++)
    if (w.lost_count[i] > 0)
      {
        g_autofree char *message = describe_lost (i, w.lost_count[i]);

        if (name == NULL)
          g_ptr_array_add (warnings, g_steal_pointer (&message));
        else
          /* TRANSLATORS: FILE:LINE: warning: message, like a compiler's warnings */
          g_ptr_array_add (warnings, g_strdup_printf (_("%s:%d: warning: %s"), name, w.lost_line[i], message));
      }

  g_hash_table_unref (w.end_user_lanes);
  g_free (w.end_user_id);
  length = w.out->len;
  return g_bytes_new_take (g_string_free (w.out, FALSE), length);
}
