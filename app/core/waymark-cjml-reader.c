/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "waymark-cjml-reader.h"
#include "waymark-error.h"
#include "waymark-id.h"
#include "waymark-text-limit.h"

/* An element the map has no place for, said once with its count. */
typedef struct {
  char *what;
  int line;
  guint count;
} Skipped;

/* A declared actor: an end user is a persona (and, for its own actions, a
 * lane made when first needed); any other actor is a touchpoint lane. */
typedef struct {
  gboolean end_user;
  char *name;
  WaymarkPersona *persona;
  WaymarkLane *lane;
} Actor;

typedef struct {
  const char *name;
  WaymarkCjmlJourney which;
  GHashTable *item_lines;      /* nullable: id → line */
  GPtrArray *warnings;
  GError *error;
  guint n_elements;
  GPtrArray *skipped;          /* Skipped, in the order first met */
  WaymarkJourney *journey;
  GHashTable *phases;          /* CJML phaseID → WaymarkPhase */
  GHashTable *actors;          /* CJML actorID → Actor */
  GHashTable *touchpoint_ids;  /* CJML touchpointIDs met */
  GHashTable *channels;        /* name → WaymarkChannel */
  WaymarkPhase *last_phase;
  WaymarkLane *emotion_lane;
} Reader;

static void
skipped_free (gpointer data)
{
  Skipped *skipped = data;

  g_free (skipped->what);
  g_free (skipped);
}

static void
actor_free (gpointer data)
{
  Actor *actor = data;

  g_free (actor->name);
  g_free (actor);
}

static void G_GNUC_PRINTF (4, 5)
fail (Reader             *r,
      int                 line,
      WaymarkFormatError  code,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  r->error = g_error_new (WAYMARK_FORMAT_ERROR, code, "%s:%d: %s", r->name, line, message);
}

/* Says, once for all of its kind, that @what (an element's name in
 * angle brackets, or a description) at @node is not read. */
static void
skip (Reader     *r,
      const char *what,
      int         line)
{
  for (guint i = 0; i < r->skipped->len; i++)
    {
      Skipped *skipped = g_ptr_array_index (r->skipped, i);

      if (strcmp (skipped->what, what) == 0)
        {
          skipped->count++;
          return;
        }
    }
  Skipped *skipped = g_new0 (Skipped, 1);

  skipped->what = g_strdup (what);
  skipped->line = line;
  skipped->count = 1;
  g_ptr_array_add (r->skipped, skipped);
}

static void
skip_element (Reader     *r,
              xmlNodePtr  node)
{
  g_autofree char *what = g_strdup_printf ("<%s>", (const char *) node->name);

  skip (r, what, (int) xmlGetLineNo (node));
}

static void
warn (Reader     *r,
      int         line,
      const char *message)
{
  if (r->warnings != NULL)
    /* TRANSLATORS: FILE:LINE: warning: message, like a compiler's warnings */
    g_ptr_array_add (r->warnings, g_strdup_printf (_("%s:%d: warning: %s"), r->name, line, message));
}

static gboolean
is (xmlNodePtr  node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* The element's text, stripped, cut to @limit characters (said). */
static char *
text_of (Reader     *r,
         xmlNodePtr  node,
         gsize       limit)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));

  xmlFree (content);
  if (waymark_text_limit_count (text, strlen (text)) > limit)
    {
      g_autofree char *what = g_strdup_printf (_("texts longer than %u characters, cut to that length"), (guint) limit);

      waymark_text_limit_cut_field (&text, limit);
      skip (r, what, (int) xmlGetLineNo (node));
    }
  return text;
}

static char *
attribute (xmlNodePtr  node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

/* Appends @item, keeping the CJML id @wanted when it is a valid id the
 * map does not use yet, else giving it a new one. */
static void
add_item (Reader          *r,
          gpointer         item,
          WaymarkItemType  type,
          const char      *wanted,
          int              line)
{
  WaymarkItem *it = item;

  g_free (it->id);
  if (wanted != NULL && waymark_id_is_valid (wanted) && waymark_journey_lookup (r->journey, wanted) == NULL)
    it->id = g_strdup (wanted);
  else
    it->id = waymark_journey_new_id (r->journey, type);
  if (r->item_lines != NULL && line > 0)
    g_hash_table_insert (r->item_lines, g_strdup (it->id), GINT_TO_POINTER (line));
  _waymark_journey_append_new (r->journey, item);
  waymark_item_unref (item);
}

/* ---- Journey level ---- */

static void
read_phases (Reader     *r,
             xmlNodePtr  phases)
{
  for (xmlNodePtr node = phases->children; node != NULL && r->error == NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      WaymarkPhase *phase;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!is (node, "journeyPhase"))
        {
          skip_element (r, node);
          continue;
        }
      id = attribute (node, "phaseID");
      if (id == NULL || id[0] == '\0')
        {
          fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_INVALID, _("<journeyPhase> needs a phaseID"));
          return;
        }
      if (g_hash_table_contains (r->phases, id))
        {
          fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_DUPLICATE_ID,
                _("the phaseID “%s” is declared twice"), id);
          return;
        }
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is (child, "phaseName"))
          {
            g_free (name);
            name = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
          }
        else if (child->type == XML_ELEMENT_NODE)
          {
            g_autofree char *description = text_of (r, child, WAYMARK_TEXT_LIMIT_PAGES);

            /* An empty description (as tools write them) loses nothing. */
            if (!is (child, "phaseDescription") || description[0] != '\0')
              skip_element (r, child);
          }
      if (name == NULL || name[0] == '\0')
        {
          g_free (name);
          name = waymark_text_limit_cut (id, WAYMARK_TEXT_LIMIT_LINE);
        }
      phase = waymark_phase_new ("phase-0", name);
      g_hash_table_insert (r->phases, g_strdup (id), phase);
      add_item (r, phase, WAYMARK_ITEM_PHASE, id, xmlGetLineNo (node));
    }
}

static void
read_actors (Reader     *r,
             xmlNodePtr  actors)
{
  for (xmlNodePtr node = actors->children; node != NULL && r->error == NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *company = NULL;
      xmlNodePtr company_node = NULL;
      Actor *actor;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      id = attribute (node, "actorID");
      /* Some tools name an actor met before with actorIDref. */
      if (id == NULL)
        id = attribute (node, "actorIDref");
      if (id == NULL || id[0] == '\0')
        {
          fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_INVALID,
                _("the actor <%s> needs an actorID"), (const char *) node->name);
          return;
        }
      if (g_hash_table_contains (r->actors, id))
        {
          fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_DUPLICATE_ID,
                _("the actorID “%s” is declared twice"), id);
          return;
        }
      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is (child, "actorName"))
          {
            g_free (name);
            name = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
          }
        else if (is (child, "companyName"))
          {
            company_node = child;
            g_free (company);
            company = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
          }
        else if (child->type == XML_ELEMENT_NODE)
          skip_element (r, child);
      /* The actor's name, else the company's; both, and different: the
       * lane or persona has room for one. */
      if (name == NULL || name[0] == '\0')
        {
          g_free (name);
          name = g_steal_pointer (&company);
        }
      else if (company != NULL && company[0] != '\0' && strcmp (company, name) != 0)
        skip_element (r, company_node);
      if (name == NULL || name[0] == '\0')
        {
          g_free (name);
          name = waymark_text_limit_cut (id, WAYMARK_TEXT_LIMIT_LINE);
        }

      actor = g_new0 (Actor, 1);
      actor->end_user = is (node, "endUser");
      actor->name = g_strdup (name);
      g_hash_table_insert (r->actors, g_strdup (id), actor);
      if (actor->end_user)
        {
          actor->persona = waymark_persona_new ("persona-0", name);
          add_item (r, actor->persona, WAYMARK_ITEM_PERSONA, id, xmlGetLineNo (node));
        }
      else
        {
          actor->lane = waymark_lane_new ("lane-0", WAYMARK_LANE_TOUCHPOINTS, name);
          add_item (r, actor->lane, WAYMARK_ITEM_LANE, id, xmlGetLineNo (node));
        }
    }
}

/* ---- Touchpoints ---- */

/* The actor an <initiator> or <receiver> refers to. */
static Actor *
party (Reader      *r,
       xmlNodePtr   node,
       char       **label)
{
  g_autofree char *id = NULL;
  g_autofree char *label_name = g_strdup_printf ("%sLabel", (const char *) node->name);
  Actor *actor;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is (child, "refersTo") && id == NULL)
      id = attribute (child, "actorIDref");
    else if (is (child, label_name))
      {
        g_free (*label);
        *label = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
      }
    else if (child->type == XML_ELEMENT_NODE)
      skip_element (r, child);
  if (id == NULL)
    {
      fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_INVALID,
            _("<%s> needs a <refersTo actorIDref=\"…\"/>"), (const char *) node->name);
      return NULL;
    }
  actor = g_hash_table_lookup (r->actors, id);
  if (actor == NULL)
    fail (r, xmlGetLineNo (node), WAYMARK_FORMAT_ERROR_REFERENCE,
          _("the actor “%s” is not declared in <actors>"), id);
  return actor;
}

/* The lane of an end user's own actions, made when first needed. */
static WaymarkLane *
end_user_lane (Reader *r,
               Actor  *actor)
{
  if (actor->lane == NULL)
    {
      actor->lane = waymark_lane_new ("lane-0", WAYMARK_LANE_TOUCHPOINTS, actor->name);
      add_item (r, actor->lane, WAYMARK_ITEM_LANE, NULL, 0);
    }
  return actor->lane;
}

static WaymarkPhase *
default_phase (Reader *r)
{
  GPtrArray *phases = waymark_journey_get_items (r->journey, WAYMARK_ITEM_PHASE);

  if (r->last_phase != NULL)
    return r->last_phase;
  if (phases->len > 0)
    return g_ptr_array_index (phases, 0);
  r->last_phase = waymark_phase_new ("phase-0", _("All touchpoints"));
  add_item (r, r->last_phase, WAYMARK_ITEM_PHASE, NULL, 0);
  return r->last_phase;
}

static WaymarkChannel *
channel_named (Reader     *r,
               const char *name)
{
  WaymarkChannel *channel = g_hash_table_lookup (r->channels, name);

  if (channel == NULL)
    {
      /* CJML names a channel and nothing more: the category and icon are
       * the plainest ones, for the user to set. */
      channel = waymark_channel_new ("ch-0", WAYMARK_CATEGORY_DIGITAL, "other", name);
      g_hash_table_insert (r->channels, g_strdup (name), channel);
      add_item (r, channel, WAYMARK_ITEM_CHANNEL, NULL, 0);
    }
  return channel;
}

static void
read_experience (Reader            *r,
                 xmlNodePtr         node,
                 WaymarkTouchpoint *tp)
{
  for (xmlNodePtr child = node->children; child != NULL && r->error == NULL; child = child->next)
    if (is (child, "experienceRating"))
      {
        g_autofree char *rating = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
        guint64 value;

        if (!g_ascii_string_to_unsigned (rating, 10, 1, 5, &value, NULL))
          {
            fail (r, xmlGetLineNo (child), WAYMARK_FORMAT_ERROR_INVALID,
                  _("the experienceRating must be a whole number from 1 to 5, not “%s”"), rating);
            return;
          }
        tp->has_emotion = TRUE;
        tp->emotion = (int) value - 1 + WAYMARK_EMOTION_MIN;
      }
    else if (is (child, "experienceDescription"))
      {
        g_free (tp->emotion_note);
        tp->emotion_note = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
      }
    else if (child->type == XML_ELEMENT_NODE)
      skip_element (r, child);

  if (tp->has_emotion && r->emotion_lane == NULL)
    {
      r->emotion_lane = waymark_lane_new ("lane-0", WAYMARK_LANE_EMOTION, _("Emotions"));
      add_item (r, r->emotion_lane, WAYMARK_ITEM_LANE, NULL, 0);
    }
  else if (!tp->has_emotion && tp->emotion_note != NULL && tp->emotion_note[0] != '\0')
    skip (r, "<experienceDescription>", (int) xmlGetLineNo (node));
}

static void
read_touchpoint (Reader     *r,
                 xmlNodePtr  node,
                 gboolean    communication)
{
  g_autofree char *id = NULL;
  g_autofree char *initiator_label = NULL;
  g_autofree char *receiver_label = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *comment = NULL;
  xmlNodePtr initiator_node = NULL, receiver_node = NULL, experience = NULL;
  WaymarkPhase *phase = NULL;
  Actor *initiator, *receiver = NULL;
  WaymarkTouchpoint *tp;
  int line = xmlGetLineNo (node);

  for (xmlNodePtr child = node->children; child != NULL && r->error == NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is (child, "touchpointID"))
        {
          g_free (id);
          id = text_of (r, child, WAYMARK_TEXT_LIMIT_LINE);
        }
      else if (is (child, "belongsTo"))
        {
          g_autofree char *ref = attribute (child, "phaseIDref");

          phase = ref != NULL ? g_hash_table_lookup (r->phases, ref) : NULL;
          if (phase == NULL)
            fail (r, xmlGetLineNo (child), WAYMARK_FORMAT_ERROR_REFERENCE,
                  _("the phase “%s” is not declared in <journeyPhases>"), ref != NULL ? ref : "");
        }
      else if (is (child, "initiator"))
        initiator_node = child;
      else if (is (child, "receiver") && communication)
        receiver_node = child;
      else if (is (child, "channel") && communication)
        {
          for (xmlNodePtr part = child->children; part != NULL; part = part->next)
            if (is (part, "channelName"))
              {
                g_free (channel);
                channel = text_of (r, part, WAYMARK_TEXT_LIMIT_LINE);
              }
            else if (part->type == XML_ELEMENT_NODE)
              skip_element (r, part);
        }
      else if (is (child, "comment"))
        {
          g_free (comment);
          comment = text_of (r, child, WAYMARK_TEXT_LIMIT_PAGES);
        }
      else if (is (child, "touchpointExperience"))
        experience = child;
      else
        skip_element (r, child);
    }
  if (r->error != NULL)
    return;

  if (id != NULL && id[0] != '\0')
    {
      if (g_hash_table_contains (r->touchpoint_ids, id))
        {
          fail (r, line, WAYMARK_FORMAT_ERROR_DUPLICATE_ID, _("the touchpointID “%s” is used twice"), id);
          return;
        }
      g_hash_table_add (r->touchpoint_ids, g_strdup (id));
    }
  if (initiator_node == NULL)
    {
      fail (r, line, WAYMARK_FORMAT_ERROR_INVALID, _("<%s> needs an <initiator>"), (const char *) node->name);
      return;
    }
  if (communication && receiver_node == NULL)
    {
      fail (r, line, WAYMARK_FORMAT_ERROR_INVALID, _("<%s> needs a <receiver>"), (const char *) node->name);
      return;
    }
  initiator = party (r, initiator_node, &initiator_label);
  if (receiver_node != NULL && r->error == NULL)
    receiver = party (r, receiver_node, &receiver_label);
  if (r->error != NULL)
    return;

  if (phase == NULL)
    phase = default_phase (r);
  r->last_phase = phase;

  tp = waymark_touchpoint_new ("tp-0", phase, NULL, NULL);
  g_free (tp->title);
  if (initiator_label != NULL && initiator_label[0] != '\0')
    tp->title = g_steal_pointer (&initiator_label);
  else if (receiver_label != NULL && receiver_label[0] != '\0')
    tp->title = g_strdup (receiver_label);
  else
    tp->title = g_strdup (id != NULL && id[0] != '\0' ? id : (const char *) node->name);
  if (receiver_label != NULL && receiver_label[0] != '\0' && strcmp (receiver_label, tp->title) != 0)
    skip (r, "<receiverLabel>", xmlGetLineNo (receiver_node));

  /* A touchpoint sits in the lane of the service provider it involves;
   * who started it is its initiator. */
  tp->initiator = initiator->end_user ? WAYMARK_INITIATOR_CUSTOMER : WAYMARK_INITIATOR_BRAND;
  if (!initiator->end_user)
    waymark_touchpoint_set_lane (tp, initiator->lane);
  else if (receiver != NULL && !receiver->end_user)
    waymark_touchpoint_set_lane (tp, receiver->lane);
  else
    waymark_touchpoint_set_lane (tp, end_user_lane (r, initiator));
  if (receiver != NULL && receiver->end_user == initiator->end_user)
    skip (r, _("receivers of communication between two end users or two service providers"),
          xmlGetLineNo (receiver_node));

  if (channel != NULL && channel[0] != '\0')
    waymark_touchpoint_set_channel (tp, channel_named (r, channel));
  if (comment != NULL && comment[0] != '\0')
    tp->description = g_steal_pointer (&comment);
  if (experience != NULL)
    read_experience (r, experience, tp);
  if (r->error != NULL)
    {
      waymark_item_unref (tp);
      return;
    }
  add_item (r, tp, WAYMARK_ITEM_TOUCHPOINT, id, line);
}

static void
read_touchpoints (Reader     *r,
                  xmlNodePtr  touchpoints)
{
  for (xmlNodePtr node = touchpoints->children; node != NULL && r->error == NULL; node = node->next)
    if (is (node, "plannedCommunicationPoint") || is (node, "actualCommunicationPoint"))
      read_touchpoint (r, node, TRUE);
    else if (is (node, "plannedAction") || is (node, "actualAction"))
      read_touchpoint (r, node, FALSE);
    else if (node->type == XML_ELEMENT_NODE)
      skip_element (r, node);
}

static void
read_journey (Reader     *r,
              xmlNodePtr  journey,
              gboolean    planned)
{
  xmlNodePtr phases = NULL, actors = NULL, touchpoints = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;

  waymark_journey_set_state (r->journey, planned ? WAYMARK_STATE_INTENDED : WAYMARK_STATE_AS_IS);
  for (xmlNodePtr node = journey->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (is (node, "journeyID"))
        {
          g_free (id);
          id = text_of (r, node, WAYMARK_TEXT_LIMIT_LINE);
        }
      else if (is (node, "journeyTitle"))
        {
          g_free (title);
          title = text_of (r, node, WAYMARK_TEXT_LIMIT_LINE);
        }
      else if (is (node, "journeyShortSummary"))
        {
          g_autofree char *subject = text_of (r, node, WAYMARK_TEXT_LIMIT_LINE);

          waymark_journey_set_text (r->journey, WAYMARK_FIELD_SUBJECT, subject);
        }
      else if (is (node, "journeyPhases"))
        phases = node;
      else if (is (node, "actors"))
        actors = node;
      else if (is (node, "touchpoints"))
        touchpoints = node;
      else
        skip_element (r, node);
    }

  if (id != NULL && waymark_id_is_valid (id))
    waymark_journey_set_id (r->journey, id);
  if (title != NULL && title[0] != '\0')
    waymark_journey_set_text (r->journey, WAYMARK_FIELD_TITLE, title);
  else
    waymark_journey_set_text (r->journey, WAYMARK_FIELD_TITLE, id != NULL && id[0] != '\0' ? id : r->name);

  if (phases != NULL)
    read_phases (r, phases);
  if (actors != NULL && r->error == NULL)
    read_actors (r, actors);
  if (touchpoints != NULL && r->error == NULL)
    read_touchpoints (r, touchpoints);
}

static void
read_document (Reader     *r,
               xmlNodePtr  root)
{
  g_autofree char *version = NULL;
  gboolean read = FALSE;

  if (root == NULL || !is (root, "CJML"))
    {
      fail (r, root != NULL ? xmlGetLineNo (root) : 1, WAYMARK_FORMAT_ERROR_NOT_JOURNEY,
            _("the root element is <%s>, not <CJML>: this is not a CJML document"),
            root != NULL ? (const char *) root->name : "");
      return;
    }
  version = attribute (root, "version");
  if (version != NULL && !g_str_has_prefix (version, "1.") && !g_str_has_prefix (version, "2."))
    {
      g_autofree char *message = g_strdup_printf (_("CJML version “%s” is newer than the versions Waymark knows (1.x and 2.x); it is read as version %s"),
                                                  version, "2.0");

      warn (r, xmlGetLineNo (root), message);
    }

  for (xmlNodePtr node = root->children; node != NULL && r->error == NULL; node = node->next)
    {
      gboolean planned = is (node, "plannedJourney");

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (!planned && !is (node, "actualJourney"))
        skip_element (r, node);
      /* Asked for one kind, the other kind is for another reading. */
      else if ((r->which == WAYMARK_CJML_PLANNED_JOURNEY && !planned) ||
               (r->which == WAYMARK_CJML_ACTUAL_JOURNEY && planned))
        continue;
      else if (read)
        skip (r, _("further journeys (a map holds one journey)"), xmlGetLineNo (node));
      else
        {
          read_journey (r, node, planned);
          read = TRUE;
        }
    }
  if (read || r->error != NULL)
    return;
  if (r->which == WAYMARK_CJML_PLANNED_JOURNEY)
    fail (r, xmlGetLineNo (root), WAYMARK_FORMAT_ERROR_INVALID, _("<CJML> holds no <plannedJourney>"));
  else if (r->which == WAYMARK_CJML_ACTUAL_JOURNEY)
    fail (r, xmlGetLineNo (root), WAYMARK_FORMAT_ERROR_INVALID, _("<CJML> holds no <actualJourney>"));
  else
    fail (r, xmlGetLineNo (root), WAYMARK_FORMAT_ERROR_INVALID,
          _("<CJML> holds no <plannedJourney> or <actualJourney>"));
}

/* ---- Parsing, with the limits ---- */

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  if (++r->n_elements > WAYMARK_CJML_READER_MAX_ELEMENTS)
    {
      fail (r, xmlSAX2GetLineNumber (ctxt), WAYMARK_FORMAT_ERROR_TOO_LARGE,
            _("the document has more than %d elements"), WAYMARK_CJML_READER_MAX_ELEMENTS);
      xmlStopParser (ctxt);
      return;
    }
  if (ctxt->nameNr >= WAYMARK_CJML_READER_MAX_DEPTH)
    {
      fail (r, xmlSAX2GetLineNumber (ctxt), WAYMARK_FORMAT_ERROR_TOO_DEEP,
            _("elements are nested more than %d deep"), WAYMARK_CJML_READER_MAX_DEPTH);
      xmlStopParser (ctxt);
      return;
    }
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
}

static void
on_doctype (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;

  /* Called before the internal subset is read: nothing declared yet. */
  fail (ctxt->_private, xmlSAX2GetLineNumber (ctxt), WAYMARK_FORMAT_ERROR_FORBIDDEN,
        _("DOCTYPE declarations are not allowed: CJML has no DTD"));
  xmlStopParser (ctxt);
}

static xmlEntityPtr
on_get_entity (void          *ctx,
               const xmlChar *name)
{
  xmlParserCtxtPtr ctxt = ctx;

  /* libxml2 resolves the five predefined entities without asking. */
  fail (ctxt->_private, xmlSAX2GetLineNumber (ctxt), WAYMARK_FORMAT_ERROR_FORBIDDEN,
        _("the entity reference “&%s;” is not allowed: only &amp; &lt; &gt; &quot; &apos; and character references are"),
        (const char *) name);
  xmlStopParser (ctxt);
  return NULL;
}

static xmlParserInputPtr
on_resolve_entity (void          *ctx,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;

  fail (ctxt->_private, xmlSAX2GetLineNumber (ctxt), WAYMARK_FORMAT_ERROR_FORBIDDEN,
        _("references to external files are not allowed"));
  xmlStopParser (ctxt);
  return NULL;
}

static void
on_xml_error (void        *ctx,
              xmlErrorPtr  error)
{
  /* libxml2 passes its context as the user data of SAX2. */
  Reader *r = ((xmlParserCtxtPtr) ctx)->_private;
  g_autofree char *message = g_strstrip (g_strdup (error->message != NULL ? error->message : "?"));

  if (error->level < XML_ERR_ERROR)
    return;
  fail (r, error->line > 0 ? error->line : 1, WAYMARK_FORMAT_ERROR_NOT_XML,
        _("not well-formed XML: %s"), message);
}

static xmlDocPtr
parse (Reader     *r,
       const char *data,
       gsize       length)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  xmlInitParser ();
  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML, _("the document is empty or cannot be parsed"));
      return NULL;
    }
  /* No option that loads, expands or forgives anything (NOENT, DTDLOAD,
   * RECOVER, HUGE): libxml2's own limits stay on.  BIG_LINES, so that
   * messages name lines past 65535 right. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  ctxt->_private = r;
  ctxt->sax->startElementNs = on_start_element;
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->externalSubset = on_doctype;
  ctxt->sax->getEntity = on_get_entity;
  ctxt->sax->resolveEntity = on_resolve_entity;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->sax->serror = on_xml_error;
  xmlCtxtResetLastError (ctxt);

  xmlParseDocument (ctxt);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;
  if (r->error == NULL && !ctxt->wellFormed)
    fail (r, 1, WAYMARK_FORMAT_ERROR_NOT_XML, _("not well-formed XML"));
  xmlFreeParserCtxt (ctxt);
  if (r->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

static WaymarkJourney *
read_bytes (const char          *data,
            gsize                length,
            const char          *name,
            WaymarkCjmlJourney   which,
            GHashTable          *item_lines,
            GPtrArray           *warnings,
            GError             **error)
{
  Reader r = { 0 };
  xmlDocPtr doc;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.name = name;
  r.which = which;
  r.item_lines = item_lines;
  r.warnings = warnings;
  if (length > WAYMARK_CJML_READER_MAX_SIZE)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("%s:1: the document is larger than %u MB"), name,
                   (guint) (WAYMARK_CJML_READER_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (length == 0)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_XML, _("%s:1: the file is empty"), name);
      return NULL;
    }

  doc = parse (&r, data, length);
  if (doc != NULL)
    {
      r.skipped = g_ptr_array_new_with_free_func (skipped_free);
      r.journey = waymark_journey_new ();
      r.phases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      r.actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, actor_free);
      r.touchpoint_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      r.channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      read_document (&r, xmlDocGetRootElement (doc));
      xmlFreeDoc (doc);

      for (guint i = 0; i < r.skipped->len && r.error == NULL; i++)
        {
          Skipped *skipped = g_ptr_array_index (r.skipped, i);
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: a Waymark map has no place for this, not read (%u time)",
                                          "%s: a Waymark map has no place for this, not read (%u times)",
                                          skipped->count),
                             skipped->what, skipped->count);

          warn (&r, skipped->line, message);
        }
      g_ptr_array_unref (r.skipped);
      g_hash_table_unref (r.phases);
      g_hash_table_unref (r.actors);
      g_hash_table_unref (r.touchpoint_ids);
      g_hash_table_unref (r.channels);
    }

  if (r.error != NULL)
    {
      g_clear_object (&r.journey);
      g_propagate_error (error, r.error);
      return NULL;
    }
  return r.journey;
}

WaymarkJourney *
waymark_cjml_read (const char  *data,
                   gsize        length,
                   const char  *name,
                   GPtrArray   *warnings,
                   GError     **error)
{
  return read_bytes (data, length, name, WAYMARK_CJML_FIRST_JOURNEY, NULL, warnings, error);
}

WaymarkJourney *
waymark_cjml_read_file (GFile      *file,
                        GPtrArray  *warnings,
                        GError    **error)
{
  return waymark_cjml_read_file_journey (file, WAYMARK_CJML_FIRST_JOURNEY, NULL, warnings, error);
}

WaymarkJourney *
waymark_cjml_read_file_journey (GFile               *file,
                                WaymarkCjmlJourney   which,
                                GHashTable          *item_lines,
                                GPtrArray           *warnings,
                                GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info != NULL && g_file_info_get_size (info) > WAYMARK_CJML_READER_MAX_SIZE)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("%s:1: the document is larger than %u MB"), name,
                   (guint) (WAYMARK_CJML_READER_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local))
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO, "%s:1: %s", name, local->message);
      return NULL;
    }
  return read_bytes (contents, length, name, which, item_lines, warnings, error);
}
