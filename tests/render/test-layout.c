/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "journey-builder.h"
#include "waymark-layout.h"
/* White box for the arrowheads, which have no public geometry. */
#include "waymark-layout-private.h"

/* A journey with one phase of cards, an emotion lane, a notes lane and a
 * second phase; cards are added by the tests. */
typedef struct {
  WaymarkJourney *journey;
  WaymarkPhase *phase;
  WaymarkPhase *phase2;
  WaymarkLane *lane;
  WaymarkLane *emotion;
  WaymarkLane *notes;
  WaymarkChannel *channel;
  WaymarkLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->journey = waymark_journey_new ();
  waymark_journey_set_text (f->journey, WAYMARK_FIELD_TITLE, "Small journey");
  f->phase = builder_add_phase (f->journey, "Awareness");
  f->phase2 = builder_add_phase (f->journey, "Purchase");
  f->lane = builder_add_lane (f->journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  f->emotion = builder_add_lane (f->journey, WAYMARK_LANE_EMOTION, "Emotions");
  f->notes = builder_add_lane (f->journey, WAYMARK_LANE_NOTES, "Pain points");
  f->channel = builder_add_channel (f->journey, WAYMARK_CATEGORY_DIGITAL, "website", "Website");
  f->layout = waymark_layout_new (f->journey, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->layout);
  g_clear_object (&f->journey);
}

static WaymarkTouchpoint *
add_card (Fixture      *f,
          WaymarkPhase *phase,
          const char   *title,
          int           emotion)
{
  return builder_add_touchpoint (f->journey, phase, f->lane, f->channel, title, emotion);
}

static WaymarkRect
card_rect (Fixture       *f,
           gconstpointer  item)
{
  WaymarkRect rect;

  g_assert_true (waymark_layout_get_card_rect (f->layout, item, &rect));
  return rect;
}

static WaymarkRect
lane_rect (Fixture     *f,
           WaymarkLane *lane)
{
  WaymarkRect rect;

  g_assert_true (waymark_layout_get_lane_rect (f->layout, lane, &rect));
  return rect;
}

static gboolean
rect_inside (const WaymarkRect *inner,
             const WaymarkRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static void
test_stacked_in_order (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkTouchpoint *a = add_card (f, f->phase, "First", 1);
  WaymarkTouchpoint *b = add_card (f, f->phase, "Second", 0);
  WaymarkTouchpoint *c = add_card (f, f->phase, "Third", -1);
  WaymarkRect ra = card_rect (f, a), rb = card_rect (f, b), rc = card_rect (f, c);
  WaymarkRect cell;

  /* One stack, top to bottom in journey order, without overlap. */
  g_assert_cmpfloat (ra.x, ==, rb.x);
  g_assert_cmpfloat (rb.x, ==, rc.x);
  g_assert_cmpfloat (ra.y + ra.height, <, rb.y);
  g_assert_cmpfloat (rb.y + rb.height, <, rc.y);
  g_assert_cmpfloat (ra.width, ==, 220);

  g_assert_true (waymark_layout_get_cell_rect (f->layout, f->phase, f->lane, &cell));
  g_assert_true (rect_inside (&ra, &cell));
  g_assert_true (rect_inside (&rc, &cell));
}

static void
test_lane_grows (Fixture       *f,
                 gconstpointer  data)
{
  WaymarkRect lane1, emotion1, lane2, emotion2;

  add_card (f, f->phase, "One card", 1);
  lane1 = lane_rect (f, f->lane);
  emotion1 = lane_rect (f, f->emotion);

  add_card (f, f->phase, "Two cards", 1);
  add_card (f, f->phase2, "In another phase", 1);
  lane2 = lane_rect (f, f->lane);
  emotion2 = lane_rect (f, f->emotion);

  /* The lane follows its tallest cell; the lanes below move down by as
   * much, and the emotion lane keeps its fixed height. */
  g_assert_cmpfloat (lane2.height, >, lane1.height);
  g_assert_cmpfloat (emotion2.y - emotion1.y, ==, lane2.height - lane1.height);
  g_assert_cmpfloat (emotion2.height, ==, emotion1.height);
}

static void
test_wide_phase_flows (Fixture       *f,
                       gconstpointer  data)
{
  WaymarkTouchpoint *cards[6];
  WaymarkRect phase1, phase2;
  WaymarkRect r[6];

  g_assert_true (waymark_layout_get_phase_rect (f->layout, f->phase, &phase1));
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    cards[i] = add_card (f, f->phase, "Card", 0);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    r[i] = card_rect (f, cards[i]);

  /* Six cards make the phase two cards wide; they read like text. */
  g_assert_true (waymark_layout_get_phase_rect (f->layout, f->phase, &phase2));
  g_assert_cmpfloat (phase2.width, >, phase1.width + 200);
  g_assert_cmpfloat (r[0].y, ==, r[1].y);
  g_assert_cmpfloat (r[0].x + r[0].width, <, r[1].x);
  g_assert_cmpfloat (r[2].x, ==, r[0].x);
  g_assert_cmpfloat (r[2].y, >, r[0].y + r[0].height);
  g_assert_cmpfloat (r[5].x, ==, r[1].x);
}

static void
test_hit_test (Fixture       *f,
               gconstpointer  data)
{
  WaymarkTouchpoint *a = add_card (f, f->phase, "First", 2);
  WaymarkTouchpoint *b = add_card (f, f->phase, "Second", -2);
  WaymarkRect ra = card_rect (f, a), rb = card_rect (f, b), cell, header, lane;
  WaymarkHit hit;
  double ex, ey;

  /* On a card: the card, its cell, and before/after it by the half. */
  g_assert_true (waymark_layout_hit_test (f->layout, rb.x + 20, rb.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CARD);
  g_assert_true (hit.item == b);
  g_assert_true (hit.phase == f->phase);
  g_assert_true (hit.lane == f->lane);
  g_assert_cmpuint (hit.index, ==, 1);
  g_assert_true (waymark_layout_hit_test (f->layout, rb.x + 20, rb.y + rb.height - 5, &hit));
  g_assert_cmpuint (hit.index, ==, 2);
  g_assert_true (waymark_layout_hit_test (f->layout, ra.x + 20, ra.y + 5, &hit));
  g_assert_true (hit.item == a);
  g_assert_cmpuint (hit.index, ==, 0);

  /* Between the two cards: the cell, inserting between them. */
  g_assert_true (waymark_layout_hit_test (f->layout, ra.x + 20, (ra.y + ra.height + rb.y) / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);
  g_assert_cmpuint (hit.index, ==, 1);

  /* An empty cell of the other phase. */
  g_assert_true (waymark_layout_get_cell_rect (f->layout, f->phase2, f->lane, &cell));
  g_assert_true (waymark_layout_hit_test (f->layout, cell.x + 30, cell.y + 30, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);
  g_assert_true (hit.phase == f->phase2);
  g_assert_cmpuint (hit.index, ==, 0);

  /* The gap between two columns belongs to a cell, so drops never fall
   * through. */
  g_assert_true (waymark_layout_hit_test (f->layout, cell.x - 2, cell.y + 30, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);

  /* Headers */
  g_assert_true (waymark_layout_get_phase_header_rect (f->layout, f->phase2, &header));
  g_assert_true (waymark_layout_hit_test (f->layout, header.x + 40, header.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_PHASE_HEADER);
  g_assert_true (hit.item == f->phase2);
  g_assert_true (waymark_layout_get_lane_header_rect (f->layout, f->notes, &lane));
  g_assert_true (waymark_layout_hit_test (f->layout, lane.x + 10, lane.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_LANE_HEADER);
  g_assert_true (hit.item == f->notes);

  /* The emotion point of the second card is low, the first one's high. */
  g_assert_true (waymark_layout_get_emotion_point (f->layout, f->emotion, b, &ex, &ey));
  g_assert_true (waymark_layout_hit_test (f->layout, ex + 1, ey - 1, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_EMOTION_POINT);
  g_assert_true (hit.item == b);
  {
    double ax, ay;

    g_assert_true (waymark_layout_get_emotion_point (f->layout, f->emotion, a, &ax, &ay));
    g_assert_cmpfloat (ay, <, ey);
    g_assert_cmpfloat (ax, <, ex);
  }

  /* Outside the map. */
  g_assert_false (waymark_layout_hit_test (f->layout, -10, -10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_NONE);
  g_assert_null (hit.phase);
}

static void
test_hit_link (Fixture       *f,
               gconstpointer  data)
{
  WaymarkTouchpoint *a = add_card (f, f->phase, "From", 1);
  WaymarkTouchpoint *b = add_card (f, f->phase2, "To", 1);
  WaymarkRect ra = card_rect (f, a), rb = card_rect (f, b);
  WaymarkLink *link = waymark_link_new ("link-1", a, b);
  WaymarkHit hit;
  double y = ra.y + ra.height / 2;

  waymark_journey_insert_item (f->journey, link, -1);
  /* Both cards are at the top of their cells, so the link runs straight
   * across the gap between them. */
  g_assert_cmpfloat (ra.y, ==, rb.y);
  g_assert_true (waymark_layout_hit_test (f->layout, (ra.x + ra.width + rb.x) / 2, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_LINK);
  g_assert_true (hit.item == link);
  g_assert_true (waymark_layout_hit_test (f->layout, (ra.x + ra.width + rb.x) / 2, y + 30, &hit));
  g_assert_cmpint (hit.kind, !=, WAYMARK_HIT_LINK);
  waymark_item_unref (link);
}

/* The triangle of a route's arrowhead, as a box a little smaller than it
 * (heads may touch, not cover each other). */
static void
arrowhead_box (const WaymarkLinkRoute *route,
               WaymarkRect            *box)
{
  double bx = route->tip_x - route->dir_x * route->head_length;
  double by = route->tip_y - route->dir_y * route->head_length;
  double px = -route->dir_y * WM_ARROW_WIDTH / 2, py = route->dir_x * WM_ARROW_WIDTH / 2;
  double x1 = MIN (route->tip_x, MIN (bx + px, bx - px)), x2 = MAX (route->tip_x, MAX (bx + px, bx - px));
  double y1 = MIN (route->tip_y, MIN (by + py, by - py)), y2 = MAX (route->tip_y, MAX (by + py, by - py));

  *box = WAYMARK_RECT_INIT (x1 + 0.5, y1 + 0.5, x2 - x1 - 1, y2 - y1 - 1);
}

static guint
count_overlapping_heads (WaymarkLayout *layout,
                         guint          n_links)
{
  WaymarkLinkRoutes *routes = _waymark_layout_get_link_routes (layout);
  guint overlaps = 0;

  for (guint i = 0; i < n_links; i++)
    for (guint j = i + 1; j < n_links; j++)
      {
        WaymarkRect a, b;

        arrowhead_box (_waymark_link_routes_get (routes, i), &a);
        arrowhead_box (_waymark_link_routes_get (routes, j), &b);
        overlaps += waymark_rect_intersects (&a, &b);
      }
  return overlaps;
}

/* Two links meeting tip to tip across the gap between phases, and two
 * arriving at the same edge of one card: no arrowhead covers another. */
static void
test_arrowheads_apart (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  WaymarkPhase *p1 = builder_add_phase (journey, "One");
  WaymarkPhase *p2 = builder_add_phase (journey, "Two");
  WaymarkLane *top = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Top");
  WaymarkLane *bottom = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Bottom");
  WaymarkChannel *channel = builder_add_channel (journey, WAYMARK_CATEGORY_DIGITAL, "website", "Website");
  WaymarkTouchpoint *a = builder_add_touchpoint (journey, p1, top, channel, "A", 0);
  WaymarkTouchpoint *b = builder_add_touchpoint (journey, p2, top, channel, "B", 0);
  WaymarkTouchpoint *c = builder_add_touchpoint (journey, p1, bottom, channel, "C", 0);
  WaymarkTouchpoint *d = builder_add_touchpoint (journey, p2, bottom, channel, "D", 0);
  WaymarkTouchpoint *e = builder_add_touchpoint (journey, p1, bottom, channel, "E", 0);
  g_autoptr(WaymarkLayout) layout = NULL;
  const struct { gpointer from, to; } links[] = { { c, b }, { d, a }, { e, b } };
  WaymarkLinkRoutes *routes;

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autofree char *id = g_strdup_printf ("link-%u", i);
      WaymarkLink *link = waymark_link_new (id, links[i].from, links[i].to);

      waymark_journey_insert_item (journey, link, -1);
      waymark_item_unref (link);
    }
  layout = waymark_layout_new (journey, NULL);
  routes = _waymark_layout_get_link_routes (layout);
  /* C → B arrives at B's left edge, D → A at A's right edge, facing it
   * across the gap; E → B at B's left edge too. */
  g_assert_cmpfloat (_waymark_link_routes_get (routes, 0)->dir_x, >, 0.99);
  g_assert_cmpfloat (_waymark_link_routes_get (routes, 1)->dir_x, <, -0.99);
  g_assert_cmpfloat (_waymark_link_routes_get (routes, 2)->dir_x, >, 0.99);
  g_assert_cmpuint (count_overlapping_heads (layout, G_N_ELEMENTS (links)), ==, 0);
  /* Every tip is still on its card's edge. */
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const WaymarkLinkRoute *route = _waymark_link_routes_get (routes, i);
      WaymarkRect to;

      g_assert_true (waymark_layout_get_card_rect (layout, links[i].to, &to));
      g_assert_cmpfloat (route->tip_y, >, to.y);
      g_assert_cmpfloat (route->tip_y, <, to.y + to.height);
      g_assert_cmpfloat (fabs (route->tip_x - (route->dir_x > 0 ? to.x : to.x + to.width)), <, 0.01);
    }
}

static void
test_title_change_is_local (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (8, 320, 7);
  g_autoptr(WaymarkLayout) layout = NULL;
  GPtrArray *lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  WaymarkLane *solo = waymark_lane_new ("lane-solo", WAYMARK_LANE_TOUCHPOINTS, "Solo");
  WaymarkTouchpoint *tp;
  WaymarkLayoutStats stats;
  WaymarkRect before[8], after[8];
  WaymarkRect card_before, card_after;
  WaymarkTouchpoint *other;
  double width, height, height2;
  guint own = 0;

  /* A lane with one card among hundreds, high up in the map: its row
   * grows with that card, and every row below moves. */
  waymark_journey_insert_item (journey, solo, 1);
  waymark_item_unref (solo);
  tp = builder_add_touchpoint (journey, waymark_journey_get_item (journey, WAYMARK_ITEM_PHASE, 3), solo,
                               NULL, "Short", 1);
  layout = waymark_layout_new (journey, NULL);

  g_assert_cmpuint (lanes->len, <=, G_N_ELEMENTS (before));
  waymark_layout_get_size (layout, &width, &height);
  for (guint i = 0; i < lanes->len; i++)
    {
      g_assert_true (waymark_layout_get_lane_rect (layout, g_ptr_array_index (lanes, i), &before[i]));
      if (g_ptr_array_index (lanes, i) == tp->lane)
        own = i;
    }
  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card_before));

  /* A title much longer than before: the card grows to three lines, and
   * with it its cell and row. */
  waymark_layout_reset_stats (layout);
  builder_set_title (journey, tp, "A title that is long enough to need all three lines of the card "
                                  "and then some more words that are cut off with an ellipsis");
  g_assert_true (waymark_layout_is_dirty (layout));
  waymark_layout_update (layout);
  waymark_layout_get_stats (layout, &stats);

  g_assert_cmpuint (stats.n_full, ==, 0);
  g_assert_cmpuint (stats.n_cards_measured, ==, 1);
  g_assert_cmpuint (stats.n_cells_flowed, ==, 1);
  g_assert_cmpuint (stats.n_rows_measured, ==, 1);
  g_assert_cmpuint (stats.n_columns_measured, ==, 0);
  g_assert_cmpuint (stats.n_emotion_layouts, ==, 0);
  g_assert_cmpuint (stats.n_text_layouts, ==, 0);   /* the card's layout is reused */

  waymark_layout_get_size (layout, NULL, &height2);
  g_assert_true (waymark_layout_get_card_rect (layout, tp, &card_after));
  g_assert_cmpfloat (card_after.x, ==, card_before.x);
  for (guint i = 0; i < lanes->len; i++)
    {
      g_assert_true (waymark_layout_get_lane_rect (layout, g_ptr_array_index (lanes, i), &after[i]));
      if (i < own)
        g_assert_cmpfloat (after[i].y, ==, before[i].y);   /* rows above stay */
      else if (i > own)
        g_assert_cmpfloat (after[i].y - before[i].y, ==, after[own].height - before[own].height);
    }
  g_assert_cmpfloat (after[own].height, >, before[own].height);
  /* The map grows with the row, its size rounded up to whole units. */
  g_assert_cmpfloat (height2, ==, ceil (height2));
  g_assert_cmpfloat (height, ==, ceil (height));
  g_assert_cmpfloat_with_epsilon (height2 - height, after[own].height - before[own].height, 1.0);

  /* A change that keeps the card's height does not even measure the row. */
  other = waymark_journey_get_item (journey, WAYMARK_ITEM_TOUCHPOINT, 200);
  waymark_layout_reset_stats (layout);
  builder_set_title (journey, other, "X");
  waymark_layout_update (layout);
  builder_set_title (journey, other, "Y");
  waymark_layout_update (layout);
  waymark_layout_get_stats (layout, &stats);
  g_assert_cmpuint (stats.n_cards_measured, ==, 2);
  g_assert_cmpuint (stats.n_rows_measured, <=, 1);   /* "X" may differ from the old title */
  g_assert_cmpuint (stats.n_full, ==, 0);
}

static void
test_structure_keeps_text (Fixture       *f,
                           gconstpointer  data)
{
  WaymarkTouchpoint *a = add_card (f, f->phase, "First", 1);
  WaymarkRect before, after;
  WaymarkLayoutStats stats;

  before = card_rect (f, a);
  waymark_layout_reset_stats (f->layout);
  {
    WaymarkPhase *phase = waymark_phase_new ("phase-new", "Before everything");

    waymark_journey_insert_item (f->journey, phase, 0);
    waymark_item_unref (phase);
  }
  after = card_rect (f, a);
  waymark_layout_get_stats (f->layout, &stats);

  /* The grid is rebuilt, but no card text is laid out again. */
  g_assert_cmpuint (stats.n_full, ==, 1);
  g_assert_cmpuint (stats.n_cards_measured, ==, 0);
  g_assert_cmpfloat (after.x, >, before.x);
  g_assert_cmpfloat (after.y, ==, before.y);
}

static void
test_insert_move_remove (Fixture       *f,
                         gconstpointer  data)
{
  WaymarkTouchpoint *a = add_card (f, f->phase, "A", 1);
  WaymarkTouchpoint *b = add_card (f, f->phase, "B", 1);
  WaymarkTouchpoint *copy;
  WaymarkRect ra, rb, cell2;
  WaymarkLayoutStats stats;

  /* Reordering the journey's list reorders the cell. */
  waymark_layout_update (f->layout);
  waymark_layout_reset_stats (f->layout);
  waymark_journey_move_item (f->journey, b, 0);
  ra = card_rect (f, a);
  rb = card_rect (f, b);
  g_assert_cmpfloat (rb.y, <, ra.y);
  waymark_layout_get_stats (f->layout, &stats);
  g_assert_cmpuint (stats.n_full, ==, 0);
  g_assert_cmpuint (stats.n_cards_measured, ==, 0);

  /* An edit that changes the phase moves the card to the other cell. */
  copy = waymark_item_copy (a);
  waymark_touchpoint_set_phase (copy, f->phase2);
  builder_swap (f->journey, a, copy);
  ra = card_rect (f, a);
  g_assert_true (waymark_layout_get_cell_rect (f->layout, f->phase2, f->lane, &cell2));
  g_assert_true (rect_inside (&ra, &cell2));

  /* A removed card has no rectangle any more. */
  waymark_item_unref (waymark_journey_remove_item (f->journey, a));
  g_assert_false (waymark_layout_get_card_rect (f->layout, a, &ra));
  g_assert_true (waymark_layout_get_card_rect (f->layout, b, &rb));
}

static void
test_long_titles_are_cut (Fixture       *f,
                          gconstpointer  data)
{
  GString *huge = g_string_new (NULL);
  WaymarkTouchpoint *three, *long_one, *one;
  WaymarkRect r3, rl, r1;

  for (guint i = 0; i < 200; i++)
    g_string_append (huge, "Extraordinarily long title words ");
  /* Separate phases, so no band stretches one card to another's height. */
  one = add_card (f, f->phase, "Short", 0);
  three = builder_add_touchpoint (f->journey, f->phase2, f->lane, f->channel,
                                  "Three lines of title text, which is as many as a card shows "
                                  "before it cuts the rest off", 0);
  r1 = card_rect (f, one);
  r3 = card_rect (f, three);
  g_assert_cmpfloat (r3.height, >, r1.height);

  builder_set_title (f->journey, three, huge->str);
  long_one = three;
  rl = card_rect (f, long_one);
  /* However long the title, the card stays at three lines. */
  g_assert_cmpfloat (rl.height, ==, r3.height);
  g_string_free (huge, TRUE);
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  WaymarkNote *short_note = builder_add_note (f->journey, f->phase, f->notes, "Short");
  WaymarkNote *long_note = builder_add_note (f->journey, f->phase2, f->notes,
                                             "A long pain point that wraps over several lines of the "
                                             "sticky note, because people write a lot in workshops.");
  WaymarkRect rs = card_rect (f, short_note), rl = card_rect (f, long_note), lane;
  WaymarkHit hit;

  g_assert_cmpfloat (rl.height, >, rs.height);
  lane = lane_rect (f, f->notes);
  g_assert_true (rect_inside (&rl, &lane));
  g_assert_true (waymark_layout_hit_test (f->layout, rl.x + 10, rl.y + 10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CARD);
  g_assert_true (hit.item == long_note);
}

static void
count_invalidated (WaymarkLayout *layout,
                   guint         *count)
{
  (*count)++;
}

static void
test_renames_are_local (Fixture       *f,
                        gconstpointer  data)
{
  WaymarkPhase *phase = waymark_item_copy (f->phase);
  WaymarkLane *lane = waymark_item_copy (f->notes);
  WaymarkLayoutStats stats;
  WaymarkRect before, after;
  guint invalidated = 0;

  add_card (f, f->phase, "A card", 1);
  before = lane_rect (f, f->notes);
  g_signal_connect (f->layout, "invalidated", G_CALLBACK (count_invalidated), &invalidated);
  waymark_layout_reset_stats (f->layout);

  g_free (phase->name);
  phase->name = g_strdup ("Renamed phase");
  builder_swap (f->journey, f->phase, phase);
  g_free (lane->name);
  lane->name = g_strdup ("A lane name so long that it wraps over several lines in its header");
  builder_swap (f->journey, f->notes, lane);
  g_assert_cmpuint (invalidated, ==, 2);

  /* A new phase name keeps the column; a longer lane name makes its row
   * taller, and nothing else is laid out again. */
  after = lane_rect (f, f->notes);
  waymark_layout_get_stats (f->layout, &stats);
  g_assert_cmpuint (stats.n_full, ==, 0);
  g_assert_cmpuint (stats.n_cards_measured, ==, 0);
  g_assert_cmpuint (stats.n_columns_measured, ==, 0);
  g_assert_cmpuint (stats.n_rows_measured, ==, 1);
  g_assert_cmpfloat (after.height, >, before.height);
}

static void
test_empty_maps (void)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  WaymarkHit hit;
  WaymarkRect grid, legend;
  double width, height;

  /* Nothing at all: still a header, a hint and a legend. */
  waymark_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >=, 960);
  g_assert_cmpfloat (height, >, 200);
  waymark_layout_get_grid_rect (layout, &grid);
  waymark_layout_get_legend_rect (layout, &legend);
  g_assert_cmpfloat (legend.y, >, grid.y + grid.height);
  g_assert_false (waymark_layout_hit_test (layout, grid.x + 10, grid.y + 10, &hit));

  /* Lanes without phases. */
  builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  waymark_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (height, >, 300);
  waymark_layout_get_grid_rect (layout, &grid);
  g_assert_false (waymark_layout_hit_test (layout, grid.x + 10, grid.y + 80, &hit));
}

static void
test_many_touchpoints (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (6, 330, 11);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (WaymarkRect));
  WaymarkRect map;
  double width, height;

  waymark_layout_get_size (layout, &width, &height);
  map = WAYMARK_RECT_INIT (0, 0, width, height);
  for (guint i = 0; i < tps->len; i++)
    {
      WaymarkTouchpoint *tp = g_ptr_array_index (tps, i);
      WaymarkRect rect;
      WaymarkHit hit;

      g_assert_true (waymark_layout_get_card_rect (layout, tp, &rect));
      g_assert_true (rect_inside (&rect, &map));
      g_assert_true (waymark_layout_hit_test (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &hit));
      if (hit.kind == WAYMARK_HIT_CARD)   /* a link may lie on top */
        g_assert_true (hit.item == tp);
      g_array_append_val (rects, rect);
    }
  /* No two cards overlap. */
  for (guint i = 0; i < rects->len; i++)
    for (guint j = i + 1; j < rects->len; j++)
      g_assert_false (waymark_rect_intersects (&g_array_index (rects, WaymarkRect, i),
                                               &g_array_index (rects, WaymarkRect, j)));
}

static void
test_emotion_journey_order (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (5, 60, 3);
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (journey, NULL);
  GPtrArray *phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  GPtrArray *tps = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  WaymarkLane *emotion = waymark_journey_get_item (journey, WAYMARK_ITEM_LANE, 1);
  double last_x = -1;

  g_assert_cmpint (emotion->kind, ==, WAYMARK_LANE_EMOTION);
  /* Phase order, then document order: x only grows; higher scores are
   * higher up. */
  for (guint p = 0; p < phases->len; p++)
    for (guint i = 0; i < tps->len; i++)
      {
        WaymarkTouchpoint *tp = g_ptr_array_index (tps, i);
        double x, y;

        if (tp->phase != g_ptr_array_index (phases, p))
          continue;
        if (!tp->has_emotion)
          {
            g_assert_false (waymark_layout_get_emotion_point (layout, emotion, tp, &x, &y));
            continue;
          }
        g_assert_true (waymark_layout_get_emotion_point (layout, emotion, tp, &x, &y));
        g_assert_cmpfloat (x, >, last_x);
        last_x = x;
      }
}

static void
test_same_everywhere (void)
{
  g_autoptr(WaymarkJourney) journey = builder_generate (4, 40, 5);
  g_autoptr(WaymarkLayout) a = waymark_layout_new (journey, NULL);
  g_autoptr(WaymarkLayout) b = waymark_layout_new (journey, NULL);
  double wa, ha, wb, hb;

  /* Two layouts of one journey agree to the unit, and so does a layout
   * rebuilt from scratch. */
  waymark_layout_get_size (a, &wa, &ha);
  waymark_layout_get_size (b, &wb, &hb);
  g_assert_cmpfloat (wa, ==, wb);
  g_assert_cmpfloat (ha, ==, hb);
  waymark_layout_invalidate (b);
  waymark_layout_get_size (b, &wb, &hb);
  g_assert_cmpfloat (wa, ==, wb);
  g_assert_cmpfloat (ha, ==, hb);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/render/layout/stacked-in-order", test_stacked_in_order);
  ADD ("/render/layout/lane-grows", test_lane_grows);
  ADD ("/render/layout/wide-phase-flows", test_wide_phase_flows);
  ADD ("/render/layout/hit-test", test_hit_test);
  ADD ("/render/layout/hit-link", test_hit_link);
  g_test_add_func ("/render/layout/arrowheads-apart", test_arrowheads_apart);
  ADD ("/render/layout/structure-keeps-text", test_structure_keeps_text);
  ADD ("/render/layout/insert-move-remove", test_insert_move_remove);
  ADD ("/render/layout/long-titles-are-cut", test_long_titles_are_cut);
  ADD ("/render/layout/notes", test_notes);
  ADD ("/render/layout/renames-are-local", test_renames_are_local);
#undef ADD
  g_test_add_func ("/render/layout/title-change-is-local", test_title_change_is_local);
  g_test_add_func ("/render/layout/empty-maps", test_empty_maps);
  g_test_add_func ("/render/layout/many-touchpoints", test_many_touchpoints);
  g_test_add_func ("/render/layout/emotion-journey-order", test_emotion_journey_order);
  g_test_add_func ("/render/layout/same-everywhere", test_same_everywhere);

  return g_test_run ();
}
