/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-test"

#include "config.h"

#include <string.h>

#include "journey-builder.h"
#include "waymark-cjml-reader.h"
#include "waymark-cjml-writer.h"
#include "waymark-error.h"
#include "waymark-writer.h"

/* CJML import and export (docs/CJML.md): what the table says is kept
 * comes back, what is not is said, bad and hostile documents fail with
 * "NAME:LINE: message". */

static char *
write_cjml (WaymarkJourney *journey,
            GPtrArray      *warnings)
{
  g_autoptr(GBytes) bytes = waymark_cjml_write (journey, "map.journey", NULL, warnings);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static WaymarkJourney *
read_cjml (const char  *text,
           GPtrArray   *warnings,
           GError     **error)
{
  return waymark_cjml_read (text, strlen (text), "map.cjml", warnings, error);
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *text)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static WaymarkJourney *
make_map (WaymarkState state)
{
  WaymarkJourney *journey = waymark_journey_new ();
  WaymarkPhase *awareness, *purchase;
  WaymarkLane *web, *centre, *notes;
  WaymarkChannel *site, *phone;
  WaymarkTouchpoint *tp;
  WaymarkPersona *persona = waymark_persona_new ("persona-1", "Ana");

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Buying a bike");
  waymark_journey_set_text (journey, WAYMARK_FIELD_SUBJECT, "Bikes & <more>");
  waymark_journey_set_state (journey, state);
  persona->description = g_strdup ("Commutes daily");
  _waymark_journey_append_quiet (journey, persona);
  waymark_item_unref (persona);
  awareness = builder_add_phase (journey, "Awareness");
  purchase = builder_add_phase (journey, "Purchase");
  builder_add_phase (journey, "Use");
  web = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Website");
  centre = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Call centre");
  builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  notes = builder_add_lane (journey, WAYMARK_LANE_NOTES, "Pain points");
  site = builder_add_channel (journey, WAYMARK_CATEGORY_DIGITAL, "website", "Web");
  phone = builder_add_channel (journey, WAYMARK_CATEGORY_PERSONAL, "phone", "Phone");

  tp = builder_add_touchpoint (journey, awareness, web, site, "Finds the shop", 1);
  tp->initiator = WAYMARK_INITIATOR_CUSTOMER;
  tp->emotion_note = g_strdup ("hopeful");
  tp->description = g_strdup ("Searches “bike” & compares");
  tp->quote = g_strdup ("Nice!");
  tp = builder_add_touchpoint (journey, awareness, web, site, "Newsletter", 0);
  tp->initiator = WAYMARK_INITIATOR_BRAND;
  tp->has_emotion = FALSE;
  tp = builder_add_touchpoint (journey, purchase, centre, phone, "Order by phone", -2);
  tp->initiator = WAYMARK_INITIATOR_BRAND;
  tp = builder_add_touchpoint (journey, purchase, web, NULL, "Stock check", 0);
  tp->has_emotion = FALSE;
  tp->initiator = WAYMARK_INITIATOR_UNSET;
  tp = builder_add_touchpoint (journey, purchase, centre, NULL, "Reads the manual", 2);
  tp->initiator = WAYMARK_INITIATOR_CUSTOMER;
  builder_add_note (journey, purchase, notes, "Long queue");
  return journey;
}

/* The fields docs/CJML.md says come back, compared one by one. */
static void
assert_kept (WaymarkJourney *a,
             WaymarkJourney *b,
             gboolean        emotions)
{
  GPtrArray *tps_a = waymark_journey_get_items (a, WAYMARK_ITEM_TOUCHPOINT);
  GPtrArray *tps_b = waymark_journey_get_items (b, WAYMARK_ITEM_TOUCHPOINT);

  g_assert_cmpstr (waymark_journey_get_id (a), ==, waymark_journey_get_id (b));
  g_assert_cmpstr (waymark_journey_get_text (a, WAYMARK_FIELD_TITLE), ==, waymark_journey_get_text (b, WAYMARK_FIELD_TITLE));
  g_assert_cmpstr (waymark_journey_get_text (a, WAYMARK_FIELD_SUBJECT), ==, waymark_journey_get_text (b, WAYMARK_FIELD_SUBJECT));
  g_assert_cmpint (waymark_journey_get_state (a), ==, waymark_journey_get_state (b));
  g_assert_cmpuint (waymark_journey_get_n_items (b, WAYMARK_ITEM_PERSONA), ==, 1);
  g_assert_cmpstr (((WaymarkPersona *) waymark_journey_get_item (b, WAYMARK_ITEM_PERSONA, 0))->name, ==, "Ana");
  g_assert_cmpuint (waymark_journey_get_n_items (a, WAYMARK_ITEM_PHASE), ==, waymark_journey_get_n_items (b, WAYMARK_ITEM_PHASE));
  for (guint i = 0; i < waymark_journey_get_n_items (a, WAYMARK_ITEM_PHASE); i++)
    {
      WaymarkPhase *pa = waymark_journey_get_item (a, WAYMARK_ITEM_PHASE, i);
      WaymarkPhase *pb = waymark_journey_get_item (b, WAYMARK_ITEM_PHASE, i);

      g_assert_cmpstr (waymark_item_get_id (pa), ==, waymark_item_get_id (pb));
      g_assert_cmpstr (pa->name, ==, pb->name);
    }
  g_assert_cmpuint (tps_a->len, ==, tps_b->len);
  for (guint i = 0; i < tps_a->len; i++)
    {
      WaymarkTouchpoint *ta = g_ptr_array_index (tps_a, i);
      WaymarkTouchpoint *tb = waymark_journey_lookup (b, waymark_item_get_id (ta));
      g_autoptr(GPtrArray) cell_a = waymark_journey_get_cell (a, ta->phase, ta->lane);
      g_autoptr(GPtrArray) cell_b = NULL;

      g_assert_nonnull (tb);
      g_assert_cmpstr (ta->title, ==, tb->title);
      g_assert_cmpstr (ta->description, ==, tb->description);
      g_assert_cmpstr (waymark_item_get_id (ta->phase), ==, waymark_item_get_id (tb->phase));
      g_assert_cmpstr (waymark_item_get_id (ta->lane), ==, waymark_item_get_id (tb->lane));
      g_assert_cmpstr (ta->lane->name, ==, tb->lane->name);
      g_assert_cmpstr (ta->channel ? ta->channel->name : NULL, ==, tb->channel ? tb->channel->name : NULL);
      /* Without an initiator, CJML's touchpoint is its lane's. */
      g_assert_cmpint (ta->initiator == WAYMARK_INITIATOR_UNSET ? WAYMARK_INITIATOR_BRAND : ta->initiator, ==, tb->initiator);
      g_assert_cmpint (tb->has_emotion, ==, emotions && ta->has_emotion);
      if (tb->has_emotion)
        {
          g_assert_cmpint (ta->emotion, ==, tb->emotion);
          g_assert_cmpstr (ta->emotion_note, ==, tb->emotion_note);
        }
      cell_b = waymark_journey_get_cell (b, tb->phase, tb->lane);
      g_assert_cmpuint (cell_a->len, ==, cell_b->len);
      for (guint j = 0; j < cell_a->len; j++)
        g_assert_cmpstr (waymark_item_get_id (g_ptr_array_index (cell_a, j)), ==,
                         waymark_item_get_id (g_ptr_array_index (cell_b, j)));
    }
}

static void
test_map_round_trip (void)
{
  g_autoptr(WaymarkJourney) map = make_map (WAYMARK_STATE_AS_IS);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) read_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) again_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cjml = write_cjml (map, warnings);
  g_autofree char *again = NULL;
  g_autoptr(WaymarkJourney) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_nonnull (strstr (cjml, "<CJML version=\"2.0\">"));
  g_assert_nonnull (strstr (cjml, "<actualJourney>"));
  g_assert_nonnull (strstr (cjml, "<journeyShortSummary>Bikes &amp; &lt;more&gt;</journeyShortSummary>"));
  g_assert_nonnull (strstr (cjml, "<experienceRating>4</experienceRating>"));
  g_assert_nonnull (strstr (cjml, "<experienceRating>1</experienceRating>"));
  g_assert_nonnull (strstr (cjml, "<actualAction>"));
  /* Each lost kind once, with its count. */
  g_assert_true (has_warning (warnings, "map.journey:1: warning: CJML has no notes: 1 note is not written"));
  g_assert_true (has_warning (warnings, "the description of 1 persona"));
  g_assert_true (has_warning (warnings, "the categories and icons of 2 channels"));
  g_assert_true (has_warning (warnings, "1 lane is not written"));
  g_assert_true (has_warning (warnings, "the quote of 1 touchpoint"));
  g_assert_true (has_warning (warnings, "1 touchpoint without one is written as started by its lane"));
  g_assert_cmpuint (warnings->len, ==, 6);

  back = read_cjml (cjml, read_warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read_warnings->len, ==, 0);
  assert_kept (map, back, TRUE);
  /* The customer's own action keeps its lane (the end user's) apart. */
  g_assert_cmpuint (waymark_journey_get_n_items (back, WAYMARK_ITEM_NOTE), ==, 0);

  /* CJML → map → CJML: the same document. */
  again = write_cjml (back, again_warnings);
  g_assert_cmpstr (again, ==, cjml);
  /* And the map it made is one the .journey writer and reader accept. */
  saved = waymark_writer_write (back);
  g_assert_cmpuint (g_bytes_get_size (saved), >, 0);
}

static void
test_intended (void)
{
  g_autoptr(WaymarkJourney) map = make_map (WAYMARK_STATE_INTENDED);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *cjml = write_cjml (map, warnings);
  g_autoptr(WaymarkJourney) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (cjml, "<plannedJourney>"));
  g_assert_nonnull (strstr (cjml, "<plannedCommunicationPoint>"));
  g_assert_null (strstr (cjml, "experienceRating"));
  g_assert_true (has_warning (warnings, "the emotions of 3 touchpoints of this intended map are not written"));
  back = read_cjml (cjml, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waymark_journey_get_state (back), ==, WAYMARK_STATE_INTENDED);
  assert_kept (map, back, FALSE);
}

/* A document as other CJML tools write it: no phases, actors met again
 * by actorIDref, elements Waymark has no place for, a second journey. */
static const char foreign_cjml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<CJML version=\"1.1\">\n"
  "<actualJourney>\n"
  "<journeyID>AJ1</journeyID>\n"
  "<plannedReference>PJ1</plannedReference>\n"
  "<actors>\n"
  "<endUser actorID=\"Carl\"><actorName> Carl </actorName></endUser>\n"
  "<serviceProvider actorID=\"Bookis\"><companyName>Bookis</companyName></serviceProvider>\n"
  "<serviceProvider actorIDref=\"Bank\"><actorName>Bank</actorName><companyName>DNB</companyName></serviceProvider>\n"
  "</actors>\n"
  "<touchpoints>\n"
  "<actualCommunicationPoint><touchpointID>TP1</touchpointID><compliance>ok</compliance>\n"
  "<initiator><refersTo actorIDref=\"Carl\"/><initiatorLabel>Creates account</initiatorLabel></initiator>\n"
  "<receiver><refersTo actorIDref=\"Bookis\"/><receiverLabel>Creates account</receiverLabel></receiver>\n"
  "<channel><channelName>Web</channelName></channel>\n"
  "<touchpointExperience><experienceRating>2</experienceRating></touchpointExperience>\n"
  "</actualCommunicationPoint>\n"
  "<actualAction><touchpointID>TP2</touchpointID><compliance>ok</compliance>\n"
  "<initiator><refersTo actorIDref=\"Carl\"/><initiatorLabel>Waits</initiatorLabel></initiator>\n"
  "</actualAction>\n"
  "<actualCommunicationPoint><touchpointID>TP3</touchpointID>\n"
  "<initiator><refersTo actorIDref=\"Bookis\"/><initiatorLabel>Asks for payment</initiatorLabel></initiator>\n"
  "<receiver><refersTo actorIDref=\"Bank\"/><receiverLabel>Payment request</receiverLabel></receiver>\n"
  "<channel><channelName>Web</channelName></channel>\n"
  "</actualCommunicationPoint>\n"
  "</touchpoints>\n"
  "</actualJourney>\n"
  "<plannedJourney><journeyID>PJ1</journeyID></plannedJourney>\n"
  "</CJML>\n";

static void
test_foreign (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = read_cjml (foreign_cjml, warnings, &error);
  WaymarkTouchpoint *tp1, *tp2, *tp3;

  g_assert_no_error (error);
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "AJ1");
  g_assert_cmpint (waymark_journey_get_state (journey), ==, WAYMARK_STATE_AS_IS);
  /* No phases: one made for all. */
  g_assert_cmpuint (waymark_journey_get_n_items (journey, WAYMARK_ITEM_PHASE), ==, 1);
  tp1 = waymark_journey_lookup (journey, "TP1");
  tp2 = waymark_journey_lookup (journey, "TP2");
  tp3 = waymark_journey_lookup (journey, "TP3");
  g_assert_nonnull (tp1);
  g_assert_nonnull (tp2);
  g_assert_nonnull (tp3);
  g_assert_cmpstr (tp1->lane->name, ==, "Bookis");
  g_assert_cmpint (tp1->initiator, ==, WAYMARK_INITIATOR_CUSTOMER);
  g_assert_cmpstr (tp1->channel->name, ==, "Web");
  g_assert_true (tp1->has_emotion);
  g_assert_cmpint (tp1->emotion, ==, -1);
  /* Carl's own action: in Carl's lane. */
  g_assert_cmpstr (tp2->lane->name, ==, "Carl");
  g_assert_cmpint (tp2->initiator, ==, WAYMARK_INITIATOR_CUSTOMER);
  g_assert_cmpstr (tp3->lane->name, ==, "Bookis");
  g_assert_cmpint (tp3->initiator, ==, WAYMARK_INITIATOR_BRAND);
  g_assert_true (tp3->channel == tp1->channel);
  g_assert_cmpstr (((WaymarkPersona *) waymark_journey_get_item (journey, WAYMARK_ITEM_PERSONA, 0))->name, ==, "Carl");

  g_assert_true (has_warning (warnings, "map.cjml:5: warning: <plannedReference>: a Waymark map has no place for this, not read (1 time)"));
  g_assert_true (has_warning (warnings, "map.cjml:12: warning: <compliance>: a Waymark map has no place for this, not read (2 times)"));
  g_assert_true (has_warning (warnings, "map.cjml:23: warning: receivers of communication between two end users or two service providers"));
  g_assert_true (has_warning (warnings, "map.cjml:28: warning: further journeys (a map holds one journey)"));
  g_assert_true (has_warning (warnings, "map.cjml:23: warning: <receiverLabel>"));
  /* An actor has one name in the map: the other is said. */
  g_assert_true (has_warning (warnings, "map.cjml:9: warning: <companyName>"));
  g_assert_cmpuint (warnings->len, ==, 6);
}

typedef struct {
  const char *document;
  const char *message;
} Bad;

#define HEAD "<?xml version=\"1.0\"?>\n<CJML version=\"2.0\">\n<actualJourney>\n"
#define ACTORS "<actors><endUser actorID=\"u\"/><serviceProvider actorID=\"s\"/></actors>\n"
#define TAIL "</actualJourney>\n</CJML>\n"

static const Bad bad_documents[] = {
  { "", "map.cjml:1: the file is empty" },
  { "<journey/>", "map.cjml:1: the root element is <journey>, not <CJML>: this is not a CJML document" },
  { "<CJML version=\"2.0\">\n</CJML>", "map.cjml:1: <CJML> holds no <plannedJourney> or <actualJourney>" },
  { "<CJML>\n<actualJourney>\n", "map.cjml:3: not well-formed XML: " },
  { HEAD "<actors><endUser/></actors>" TAIL, "map.cjml:4: the actor <endUser> needs an actorID" },
  { HEAD "<actors><endUser actorID=\"u\"/><endUser actorID=\"u\"/></actors>" TAIL, "map.cjml:4: the actorID “u” is declared twice" },
  { HEAD "<journeyPhases><journeyPhase/></journeyPhases>" TAIL, "map.cjml:4: <journeyPhase> needs a phaseID" },
  { HEAD "<journeyPhases><journeyPhase phaseID=\"p\"/>\n<journeyPhase phaseID=\"p\"/></journeyPhases>" TAIL,
    "map.cjml:5: the phaseID “p” is declared twice" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><touchpointID>a</touchpointID></actualAction></touchpoints>" TAIL,
    "map.cjml:6: <actualAction> needs an <initiator>" },
  { HEAD ACTORS "<touchpoints>\n<actualCommunicationPoint><initiator><refersTo actorIDref=\"u\"/></initiator></actualCommunicationPoint></touchpoints>" TAIL,
    "map.cjml:6: <actualCommunicationPoint> needs a <receiver>" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><initiator><refersTo actorIDref=\"x\"/></initiator></actualAction></touchpoints>" TAIL,
    "map.cjml:6: the actor “x” is not declared in <actors>" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><initiator/></actualAction></touchpoints>" TAIL,
    "map.cjml:6: <initiator> needs a <refersTo actorIDref=\"…\"/>" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><belongsTo phaseIDref=\"nowhere\"/><initiator><refersTo actorIDref=\"u\"/></initiator></actualAction></touchpoints>" TAIL,
    "map.cjml:6: the phase “nowhere” is not declared in <journeyPhases>" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><touchpointID>t</touchpointID><initiator><refersTo actorIDref=\"u\"/></initiator></actualAction>\n"
    "<actualAction><touchpointID>t</touchpointID><initiator><refersTo actorIDref=\"u\"/></initiator></actualAction></touchpoints>" TAIL,
    "map.cjml:7: the touchpointID “t” is used twice" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><initiator><refersTo actorIDref=\"u\"/></initiator>\n"
    "<touchpointExperience><experienceRating>9</experienceRating></touchpointExperience></actualAction></touchpoints>" TAIL,
    "map.cjml:7: the experienceRating must be a whole number from 1 to 5, not “9”" },
  { HEAD ACTORS "<touchpoints>\n<actualAction><initiator><refersTo actorIDref=\"u\"/></initiator>\n"
    "<touchpointExperience><experienceRating>good</experienceRating></touchpointExperience></actualAction></touchpoints>" TAIL,
    "map.cjml:7: the experienceRating must be a whole number from 1 to 5, not “good”" },
  /* Hostile: no DTD, no entity but the predefined, nothing external. */
  { "<?xml version=\"1.0\"?>\n<!DOCTYPE CJML [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<CJML>&b;</CJML>",
    "map.cjml:2: DOCTYPE declarations are not allowed: CJML has no DTD" },
  { "<?xml version=\"1.0\"?>\n<!DOCTYPE CJML SYSTEM \"file:///etc/passwd\">\n<CJML/>",
    "map.cjml:2: DOCTYPE declarations are not allowed: CJML has no DTD" },
  { "<CJML>\n<actualJourney><journeyID>&secret;</journeyID></actualJourney></CJML>",
    "map.cjml:2: the entity reference “&secret;” is not allowed" },
  { "<CJML>\n<actualJourney><journeyID>\xff\xfe</journeyID></actualJourney></CJML>", "map.cjml:2: not well-formed XML: " },
};

static void
test_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = read_cjml (bad_documents[i].document, NULL, &error);

      g_test_message ("case %u: %s", i, bad_documents[i].message);
      g_assert_null (journey);
      g_assert_error (error, WAYMARK_FORMAT_ERROR, error->code);
      if (!g_str_has_prefix (error->message, bad_documents[i].message))
        g_error ("case %u: expected “%s”, got “%s”", i, bad_documents[i].message, error->message);
    }
}

/* Nesting, element counts and size past the limits: refused quickly. */
static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("<CJML><actualJourney>");
  g_autoptr(GString) many = g_string_new ("<CJML><actualJourney><journeyID>");
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;
  g_autofree char *huge = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < WAYMARK_CJML_READER_MAX_DEPTH; i++)
    g_string_append (deep, "<x>");
  journey = read_cjml (deep->str, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "map.cjml:1: elements are nested more than 32 deep"));
  g_clear_error (&error);

  for (guint i = 0; i < WAYMARK_CJML_READER_MAX_ELEMENTS; i++)
    g_string_append (many, "<b/>");
  g_string_append (many, "</journeyID></actualJourney></CJML>");
  journey = read_cjml (many->str, NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
  g_assert_true (strstr (error->message, "more than 500000 elements") != NULL);
  g_clear_error (&error);

  huge = g_malloc0 (WAYMARK_CJML_READER_MAX_SIZE + 2);
  memset (huge, ' ', WAYMARK_CJML_READER_MAX_SIZE + 1);
  journey = waymark_cjml_read (huge, WAYMARK_CJML_READER_MAX_SIZE + 1, "map.cjml", NULL, &error);
  g_assert_null (journey);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "map.cjml:1: the document is larger than 16 MB");

  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* Texts longer than a field holds are cut, and said. */
static void
test_long_text (void)
{
  g_autoptr(GString) doc = g_string_new (HEAD "<journeyTitle>");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) journey = NULL;

  for (guint i = 0; i < 1500; i++)
    g_string_append (doc, "é");
  g_string_append (doc, "</journeyTitle>\n" TAIL);
  journey = read_cjml (doc->str, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), -1), ==, 1000);
  g_assert_true (has_warning (warnings, "map.cjml:4: warning: texts longer than 1000 characters, cut to that length"));
}

/* Random damage to a valid document never crashes, and what fails says
 * where. */
static void
test_mutations (void)
{
  g_autoptr(WaymarkJourney) map = make_map (WAYMARK_STATE_AS_IS);
  g_autofree char *cjml = write_cjml (map, NULL);
  gsize length = strlen (cjml);
  GRand *rand = g_rand_new_with_seed (13);

  for (guint round = 0; round < 3000; round++)
    {
      g_autofree char *copy = g_strdup (cjml);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkJourney) journey = NULL;
      gsize cut = length;
      guint n = g_rand_int_range (rand, 1, 5);

      for (guint i = 0; i < n; i++)
        {
          static const char bytes[] = "<>/&\"'=x \n\xc3\xff;";

          copy[g_rand_int_range (rand, 0, (gint32) length)] = bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];
        }
      if (g_rand_boolean (rand))
        cut = g_rand_int_range (rand, 0, (gint32) length);
      journey = waymark_cjml_read (copy, cut, "map.cjml", warnings, &error);
      if (journey == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, "map.cjml:"));
        }
      else
        {
          g_autoptr(GBytes) again = waymark_cjml_write (journey, "x.journey", NULL, NULL);

          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (again), >, 0);
        }
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cjml/map-round-trip", test_map_round_trip);
  g_test_add_func ("/cjml/intended", test_intended);
  g_test_add_func ("/cjml/foreign", test_foreign);
  g_test_add_func ("/cjml/bad", test_bad);
  g_test_add_func ("/cjml/limits", test_limits);
  g_test_add_func ("/cjml/long-text", test_long_text);
  g_test_add_func ("/cjml/mutations", test_mutations);
  return g_test_run ();
}
