/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "journey-builder.h"

static gpointer
add (WaymarkJourney *journey,
     gpointer        item)
{
  gboolean inserted = waymark_journey_insert_item (journey, item, -1);

  g_assert_true (inserted);
  waymark_item_unref (item);   /* the journey holds it now */
  return item;
}

WaymarkPhase *
builder_add_phase (WaymarkJourney *journey,
                   const char     *name)
{
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_PHASE);

  return add (journey, waymark_phase_new (id, name));
}

WaymarkLane *
builder_add_lane (WaymarkJourney  *journey,
                  WaymarkLaneKind  kind,
                  const char      *name)
{
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_LANE);

  return add (journey, waymark_lane_new (id, kind, name));
}

WaymarkChannel *
builder_add_channel (WaymarkJourney  *journey,
                     WaymarkCategory  category,
                     const char      *icon,
                     const char      *name)
{
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_CHANNEL);

  return add (journey, waymark_channel_new (id, category, icon, name));
}

WaymarkTouchpoint *
builder_add_touchpoint (WaymarkJourney *journey,
                        WaymarkPhase   *phase,
                        WaymarkLane    *lane,
                        WaymarkChannel *channel,
                        const char     *title,
                        int             emotion)
{
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_TOUCHPOINT);
  WaymarkTouchpoint *tp = waymark_touchpoint_new (id, phase, lane, title);

  if (channel)
    waymark_touchpoint_set_channel (tp, channel);
  if (emotion >= WAYMARK_EMOTION_MIN && emotion <= WAYMARK_EMOTION_MAX)
    {
      tp->has_emotion = TRUE;
      tp->emotion = emotion;
    }
  return add (journey, tp);
}

WaymarkNote *
builder_add_note (WaymarkJourney *journey,
                  WaymarkPhase   *phase,
                  WaymarkLane    *lane,
                  const char     *text)
{
  g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_NOTE);

  return add (journey, waymark_note_new (id, phase, lane, text));
}

void
builder_swap (WaymarkJourney *journey,
              gpointer        item,
              gpointer        edited)
{
  GPtrArray *old = g_object_get_data (G_OBJECT (journey), "builder-old-contents");

  /* Like the history, keep the old contents alive as long as the journey:
   * waymark_item_swap_contents() also exchanges the id string, which the
   * journey's id table still points at. */
  if (old == NULL)
    {
      old = g_ptr_array_new_with_free_func (waymark_item_unref);
      g_object_set_data_full (G_OBJECT (journey), "builder-old-contents", old,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  waymark_journey_swap_item (journey, item, edited);
  g_ptr_array_add (old, edited);
}

void
builder_set_title (WaymarkJourney    *journey,
                   WaymarkTouchpoint *tp,
                   const char        *title)
{
  WaymarkTouchpoint *copy = waymark_item_copy (tp);

  g_free (copy->title);
  copy->title = g_strdup (title);
  builder_swap (journey, tp, copy);
}

static const char *words[] = {
  "Instagram", "ad", "poster", "at", "the", "bus", "stop", "store", "visit", "checkout",
  "newsletter", "sign-up", "review", "request", "support", "chat", "delivery", "unboxing",
  "app", "challenge", "gift", "survey", "hotline", "catalogue", "brochure", "trial",
  "comparison", "with", "friends", "recommendation", "order", "confirmation", "return",
};

static const struct {
  WaymarkCategory category;
  const char *icon;
  const char *name;
} channels[] = {
  { WAYMARK_CATEGORY_DIGITAL, "website", "Website" },
  { WAYMARK_CATEGORY_DIGITAL, "social-media", "Social media" },
  { WAYMARK_CATEGORY_DIGITAL, "email", "E-mail" },
  { WAYMARK_CATEGORY_DIGITAL, "app", "App" },
  { WAYMARK_CATEGORY_PHYSICAL, "store", "Store" },
  { WAYMARK_CATEGORY_PHYSICAL, "print", "Print" },
  { WAYMARK_CATEGORY_PERSONAL, "phone", "Phone" },
  { WAYMARK_CATEGORY_PERSONAL, "sales-visit", "Personal advice" },
};

WaymarkJourney *
builder_generate (guint   n_phases,
                  guint   n_touchpoints,
                  guint32 seed)
{
  WaymarkJourney *journey = waymark_journey_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) phases = g_ptr_array_new ();
  g_autoptr(GPtrArray) chans = g_ptr_array_new ();
  g_autoptr(GPtrArray) tps = g_ptr_array_new ();
  WaymarkLane *touchpoints, *backstage, *notes;
  static const char *owners[] = { "Marketing", "Sales", "Service", "E-commerce", NULL };

  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Generated journey");
  waymark_journey_set_text (journey, WAYMARK_FIELD_SUBJECT, "A map for tests and benchmarks");
  for (guint i = 0; i < n_phases; i++)
    {
      g_autofree char *name = g_strdup_printf ("Phase %u", i + 1);

      g_ptr_array_add (phases, builder_add_phase (journey, name));
    }
  touchpoints = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Touchpoints");
  builder_add_lane (journey, WAYMARK_LANE_EMOTION, "Emotions");
  notes = builder_add_lane (journey, WAYMARK_LANE_NOTES, "Pain points");
  builder_add_lane (journey, WAYMARK_LANE_KPIS, "KPIs");
  backstage = builder_add_lane (journey, WAYMARK_LANE_TOUCHPOINTS, "Backstage");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    g_ptr_array_add (chans, builder_add_channel (journey, channels[i].category, channels[i].icon, channels[i].name));

  for (guint i = 0; i < n_touchpoints && n_phases > 0; i++)
    {
      g_autoptr(GString) title = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 2, 9);
      WaymarkPhase *phase = g_ptr_array_index (phases, (guint64) i * n_phases / n_touchpoints);
      WaymarkLane *lane = g_rand_int_range (rand, 0, 5) == 0 ? backstage : touchpoints;
      WaymarkTouchpoint *tp;

      for (guint w = 0; w < n_words; w++)
        {
          if (w)
            g_string_append_c (title, ' ');
          g_string_append (title, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      title->str[0] = g_ascii_toupper (title->str[0]);
      tp = builder_add_touchpoint (journey, phase, lane,
                                   g_ptr_array_index (chans, g_rand_int_range (rand, 0, chans->len)),
                                   title->str,
                                   lane == touchpoints ? g_rand_int_range (rand, -2, 3) : 99);
      tp->owner = g_strdup (owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))]);
      if (g_rand_int_range (rand, 0, 4) == 0)
        tp->strength = WAYMARK_STRENGTH_WEAKNESS;
      if (g_rand_int_range (rand, 0, 8) == 0)
        tp->moment_of_truth = TRUE;
      if (g_rand_int_range (rand, 0, 3) == 0)
        waymark_touchpoint_add_kpi (tp, waymark_kpi_new (g_rand_boolean (rand) ? "Conversion rate" : "Waiting time",
                                                         "0.25", g_rand_boolean (rand) ? "ratio" : "min", NULL));
      if (tp->has_emotion && g_rand_int_range (rand, 0, 2) == 0)
        tp->emotion_note = g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_ptr_array_add (tps, tp);
      if (i % 7 == 3)
        builder_add_note (journey, phase, notes, "A pain point that someone wrote on a sticky note");
    }

  for (guint i = 0; i + 1 < tps->len; i += 5)
    {
      g_autofree char *id = waymark_journey_new_id (journey, WAYMARK_ITEM_LINK);
      WaymarkLink *link = waymark_link_new (id, g_ptr_array_index (tps, i), g_ptr_array_index (tps, i + 1));

      waymark_journey_insert_item (journey, link, -1);
      waymark_item_unref (link);
    }
  return journey;
}
