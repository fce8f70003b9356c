/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include <string.h>

#include "gui-test.h"
#include "waymark-import.h"
#include "waymark-window.h"

/* "Import Touchpoints…": a table's touchpoints join the open map in the
 * phases and lanes of their names, as one undo step; a table with a bad
 * row adds nothing and says which line is wrong. */

static const char map[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<journey xmlns=\"urn:waymark:journey\" format=\"1\" id=\"j-000000000003\">\n"
  "  <title>Shop</title>\n"
  "  <state>as-is</state>\n"
  "  <phase id=\"p1\">\n"
  "    <name>Awareness</name>\n"
  "  </phase>\n"
  "  <lane id=\"l1\" kind=\"touchpoints\">\n"
  "    <name>Touchpoints</name>\n"
  "  </lane>\n"
  "  <lane id=\"l2\" kind=\"notes\">\n"
  "    <name>Notes</name>\n"
  "  </lane>\n"
  "  <channel id=\"c1\" category=\"digital\" icon=\"social-media\">\n"
  "    <name>Social media</name>\n"
  "  </channel>\n"
  "  <touchpoint id=\"t1\" phase=\"p1\" lane=\"l1\" channel=\"c1\">\n"
  "    <title>Ad</title>\n"
  "  </touchpoint>\n"
  "</journey>\n";

static const char table[] =
  "ID,Phase,Lane,Title,Channel,Channel category,Emotion score,Links to\r\n"
  "tp-00000000000a,Awareness,Touchpoints,Post,Social media,Digital,1,tp-00000000000b\r\n"
  "tp-00000000000b,Purchase,Backstage,Invoice,E-mail,Digital,-1,\r\n";

static const char bad_table[] =
  "Phase,Title,Emotion score\r\n"
  "Awareness,Post,1\r\n"
  "Purchase,Invoice,9\r\n";

static guint
n_items (WaymarkJourney  *journey,
         WaymarkItemType  type)
{
  return waymark_journey_get_n_items (journey, type);
}

static void
test_import_table (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-import-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  g_autoptr(GFile) csv = gui_test_write_file (dir, "touchpoints.csv", table);
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkEditor *editor;
  WaymarkJourney *journey;
  WaymarkDocument *document;
  GPtrArray *touchpoints;
  WaymarkTouchpoint *post, *invoice;
  WaymarkLane *backstage;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  editor = waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
  journey = waymark_window_get_journey (window);
  document = waymark_window_get_document (window);

  g_assert_true (waymark_import_touchpoints (editor, csv));
  gui_test_iterate ();
  touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  g_assert_cmpuint (touchpoints->len, ==, 3);
  /* The existing phase, lane and channel by name; a new phase and a new
   * touchpoint lane (after the touchpoint lanes, before the notes). */
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_PHASE), ==, 2);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_LANE), ==, 3);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_CHANNEL), ==, 2);
  post = g_ptr_array_index (touchpoints, 1);
  invoice = g_ptr_array_index (touchpoints, 2);
  g_assert_cmpstr (post->title, ==, "Post");
  g_assert_true (post->phase == waymark_journey_lookup (journey, "p1"));
  g_assert_true (post->lane == waymark_journey_lookup (journey, "l1"));
  g_assert_true (post->channel == waymark_journey_lookup (journey, "c1"));
  g_assert_true (post->has_emotion && post->emotion == 1);
  backstage = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 1);
  g_assert_cmpstr (backstage->name, ==, "Backstage");
  g_assert_true (invoice->lane == backstage);
  g_assert_cmpstr (((WaymarkPhase *) invoice->phase)->name, ==, "Purchase");
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_LINK), ==, 1);
  /* New ids: the table's could be taken already in another map. */
  g_assert_cmpstr (waymark_item_get_id (post), !=, "tp-00000000000a");
  g_assert_cmpuint (waymark_canvas_get_selection (waymark_editor_get_canvas (editor))->len, ==, 2);
  g_assert_true (waymark_document_is_modified (document));

  /* One undo step takes all of it back. */
  g_assert_true (waymark_history_undo (waymark_document_get_history (document)));
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_PHASE), ==, 1);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_LANE), ==, 2);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_CHANNEL), ==, 1);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_LINK), ==, 0);

  waymark_history_redo (waymark_document_get_history (document));
  waymark_history_undo (waymark_document_get_history (document));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

/* A table with notes and KPI columns, semicolons and a decimal comma, as
 * the German export writes it: the note joins the notes lane of its
 * name, the KPI its touchpoint; a note lane that is new goes after the
 * other notes lanes. */
static const char notes_table[] =
  "Type;Phase;Lane;Title;KPI: Wait (min);KPI: Wait (min) target\r\n"
  "Touchpoint;Awareness;Touchpoints;Post;3,5;2\r\n"
  "Note;Awareness;Notes;Too slow;;\r\n"
  "Note;Awareness;Ideas;Faster;;\r\n";

static void
test_import_notes (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-import-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  g_autoptr(GFile) csv = gui_test_write_file (dir, "cards.csv", notes_table);
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkEditor *editor;
  WaymarkJourney *journey;
  WaymarkTouchpoint *post;
  WaymarkNote *slow, *faster;
  const WaymarkKpi *kpi;
  WaymarkLane *ideas;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  editor = waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
  journey = waymark_window_get_journey (window);

  g_assert_true (waymark_import_touchpoints (editor, csv));
  gui_test_iterate ();
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, 2);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_NOTE), ==, 2);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_LANE), ==, 3);
  post = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 1);
  g_assert_cmpuint (waymark_touchpoint_get_n_kpis (post), ==, 1);
  kpi = g_ptr_array_index (post->kpis, 0);
  g_assert_cmpstr (kpi->name, ==, "Wait");
  g_assert_cmpstr (kpi->value, ==, "3.5");
  g_assert_cmpstr (kpi->unit, ==, "min");
  g_assert_cmpstr (kpi->target, ==, "2");
  slow = waymark_journey_get_item (journey, WAYMARK_ITEM_NOTE, 0);
  faster = waymark_journey_get_item (journey, WAYMARK_ITEM_NOTE, 1);
  g_assert_cmpstr (slow->text, ==, "Too slow");
  g_assert_true (slow->lane == waymark_journey_lookup (journey, "l2"));
  ideas = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 2);
  g_assert_cmpstr (ideas->name, ==, "Ideas");
  g_assert_cmpint (ideas->kind, ==, WAYMARK_LANE_NOTES);
  g_assert_true (faster->lane == ideas);
  g_assert_cmpuint (waymark_canvas_get_selection (waymark_editor_get_canvas (editor))->len, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

static void
test_import_bad_table (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-import-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "shop.journey", map);
  g_autoptr(GFile) csv = gui_test_write_file (dir, "bad.csv", bad_table);
  g_autofree char *where = NULL;
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkEditor *editor;
  WaymarkJourney *journey;
  AdwMessageDialog *dialog;

  waymark_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_until_loaded (window);
  editor = waymark_document_tab_get_editor (waymark_window_get_selected_tab (window));
  journey = waymark_window_get_journey (window);

  g_assert_false (waymark_import_touchpoints (editor, csv));
  gui_test_iterate ();
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_TOUCHPOINT), ==, 1);
  g_assert_cmpuint (n_items (journey, WAYMARK_ITEM_PHASE), ==, 1);
  g_assert_false (waymark_document_is_modified (waymark_window_get_document (window)));
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  where = g_strdup_printf ("%s:3: ", g_file_peek_path (csv));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), where));
  gui_test_respond (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

/* A CJML journey with one element a map has no place for. */
static const char journey_cjml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<CJML version=\"2.0\">\n"
  "  <actualJourney>\n"
  "    <journeyID>AJ1</journeyID>\n"
  "    <journeyTitle>Opening an account</journeyTitle>\n"
  "    <actors>\n"
  "      <endUser actorID=\"Carl\"><actorName>Carl</actorName></endUser>\n"
  "      <serviceProvider actorID=\"Bookis\"><companyName>Bookis</companyName></serviceProvider>\n"
  "    </actors>\n"
  "    <touchpoints>\n"
  "      <actualCommunicationPoint>\n"
  "        <touchpointID>TP1</touchpointID>\n"
  "        <initiator><refersTo actorIDref=\"Carl\"/><initiatorLabel>Creates account</initiatorLabel></initiator>\n"
  "        <receiver><refersTo actorIDref=\"Bookis\"/></receiver>\n"
  "        <channel><channelName>Web</channelName></channel>\n"
  "        <timestamps><timeOriginated>2024-01-01T10:00</timeOriginated></timestamps>\n"
  "      </actualCommunicationPoint>\n"
  "    </touchpoints>\n"
  "  </actualJourney>\n"
  "</CJML>\n";

/* Open takes a CJML journey as a new untitled map (never to be saved
 * over the CJML file) and says what it left out. */
static void
test_open_cjml (void)
{
  g_autofree char *dir = gui_test_make_dir ("waymark-import-XXXXXX");
  g_autoptr(GFile) file = gui_test_write_file (dir, "account.cjml", journey_cjml);
  g_autoptr(GFile) bad = NULL;
  g_autofree char *where = NULL;
  g_autofree char *bad_text = NULL;
  WaymarkWindow *window = waymark_window_new (NULL);
  WaymarkJourney *journey;
  WaymarkTouchpoint *tp;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  waymark_window_open (window, file);
  gui_test_iterate ();
  g_assert_cmpint (adw_tab_view_get_n_pages (waymark_window_get_tab_view (window)), ==, 1);
  g_assert_true (waymark_document_is_untitled (waymark_window_get_document (window)));
  g_assert_null (waymark_window_get_file (window));
  journey = waymark_window_get_journey (window);
  g_assert_cmpstr (waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE), ==, "Opening an account");
  tp = waymark_journey_lookup (journey, "TP1");
  g_assert_nonnull (tp);
  g_assert_cmpint (tp->initiator, ==, WAYMARK_INITIATOR_CUSTOMER);
  g_assert_cmpstr (tp->lane->name, ==, "Bookis");
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  where = g_strdup_printf ("%s:16: warning: <timestamps>", g_file_peek_path (file));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), where));
  gui_test_respond (dialog, "close");
  gui_test_iterate ();

  /* Bad CJML opens nothing and says where it is wrong. */
  bad_text = g_strdup (journey_cjml);
  memcpy (strstr (bad_text, "actorIDref=\"Bookis\""), "actorIDref=\"Nobody\"", strlen ("actorIDref=\"Nobody\""));
  bad = gui_test_write_file (dir, "bad.cjml", bad_text);
  waymark_window_open (window, bad);
  gui_test_iterate ();
  g_assert_cmpint (adw_tab_view_get_n_pages (waymark_window_get_tab_view (window)), ==, 1);
  dialog = gui_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_free (where);
  where = g_strdup_printf ("%s:14: the actor “Nobody” is not declared in <actors>", g_file_peek_path (bad));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, where);
  gui_test_respond (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv, GUI_TEST_DEFAULT))
    return GUI_TEST_SKIP;

  g_test_add_func ("/import/table", test_import_table);
  g_test_add_func ("/import/notes", test_import_notes);
  g_test_add_func ("/import/bad-table", test_import_bad_table);
  g_test_add_func ("/import/open-cjml", test_open_cjml);
  return g_test_run ();
}
