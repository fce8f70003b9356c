/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-bench"

#include "config.h"

#include "bench-generate.h"
#include "waymark-writer.h"

/* Word material.  Teams write in their own language, so a good share is
 * German with umlauts and ß, and a few strings carry characters the writer
 * must escape (&, quotes). */

static const char * const phase_names[] = {
  "Awareness", "Consideration", "Kauf & Bezahlung", "Delivery",
  "Onboarding", "Nutzung", "Support", "Weiterempfehlung",
};

static const struct {
  WaymarkLaneKind kind;
  const char *name;
  guint weight;   /* share of the cards, for card lanes */
} lanes[] = {
  { WAYMARK_LANE_TOUCHPOINTS, "Customer actions", 50 },
  { WAYMARK_LANE_TOUCHPOINTS, "Frontstage (Mitarbeitende)", 30 },
  { WAYMARK_LANE_TOUCHPOINTS, "Backstage & Systeme", 20 },
  { WAYMARK_LANE_EMOTION, "Emotions", 0 },
  { WAYMARK_LANE_NOTES, "Pain points", 0 },
  { WAYMARK_LANE_KPIS, "KPIs", 0 },
};

static const struct {
  WaymarkCategory category;
  const char *icon;
  const char *name;
} channels[] = {
  { WAYMARK_CATEGORY_DIGITAL, "social-media", "Social media" },
  { WAYMARK_CATEGORY_DIGITAL, "search", "Search engine" },
  { WAYMARK_CATEGORY_DIGITAL, "website", "Website" },
  { WAYMARK_CATEGORY_DIGITAL, "shop", "Online-Shop" },
  { WAYMARK_CATEGORY_DIGITAL, "app", "Companion app" },
  { WAYMARK_CATEGORY_DIGITAL, "email", "Newsletter" },
  { WAYMARK_CATEGORY_DIGITAL, "email", "Transaktions-E-Mail" },
  { WAYMARK_CATEGORY_DIGITAL, "chat", "Live chat" },
  { WAYMARK_CATEGORY_DIGITAL, "website", "Vergleichsportal" },
  { WAYMARK_CATEGORY_PHYSICAL, "store", "Filiale" },
  { WAYMARK_CATEGORY_PHYSICAL, "delivery", "Paketzustellung" },
  { WAYMARK_CATEGORY_PHYSICAL, "package", "Verpackung & Beileger" },
  { WAYMARK_CATEGORY_PERSONAL, "phone", "Hotline" },
  { WAYMARK_CATEGORY_PERSONAL, "person", "Sales advisor" },
  { WAYMARK_CATEGORY_PERSONAL, "person", "Außendienst" },
};

static const char * const verbs[] = {
  "Sees", "Compares", "Reads", "Opens", "Orders", "Pays for", "Tracks",
  "Unpacks", "Registers", "Calls about", "Returns", "Reviews", "Shares",
  "Prüft", "Bestätigt", "Öffnet", "Lädt herunter", "Fragt nach", "Kündigt",
  "Tauscht um",
};

static const char * const objects[] = {
  "Instagram ad", "product page", "size chart", "Größentabelle",
  "delivery status", "Lieferstatus", "invoice", "Rücksendeetikett",
  "welcome e-mail", "firmware update", "Kundenkonto", "Gutschein",
  "order confirmation", "Bestellbestätigung", "Q&A section",
  "Testbericht im Fachmagazin", "pairing instructions", "Garantiebedingungen",
  "loyalty programme", "Zahlungserinnerung", "battery FAQ", "Filialöffnungszeiten",
};

static const char * const sentences[] = {
  "The customer wants to know whether the watch is waterproof.",
  "Der Kunde möchte wissen, ob die Uhr wasserdicht ist.",
  "Rückfragen landen häufig beim falschen Team und bleiben liegen.",
  "Lieferzeiten über fünf Werktage führen zu Abbrüchen im Checkout.",
  "Size information is hard to understand for beginners.",
  "Größenangaben sind für Einsteiger schwer verständlich.",
  "The app asks for permissions before it explains why it needs them.",
  "Sponsored post in the feed, shown to people who follow running clubs.",
  "Die Bestätigung kommt erst nach mehreren Stunden an.",
  "Support agents cannot see the order history & the device serial.",
  "Customers compare prices on two or three portals before they decide.",
  "Bei Rückgabe muss das Etikett selbst ausgedruckt werden – ohne Drucker schwierig.",
  "The parcel arrives in a box that is much larger than necessary.",
  "Nach dem Update verliert die Uhr die Kopplung mit dem Smartphone.",
  "Reviews mention the strap more often than the sensor accuracy.",
  "Die Hotline ist werktags erst ab 9 Uhr erreichbar, viele rufen früher an.",
  "A first run with the watch should feel like a small success.",
  "Kundinnen erwarten eine persönliche Beratung zur Pulsmessung.",
};

static const char * const quotes[] = {
  "\"Looks nice, but is it for me?\"",
  "„Warum dauert das so lange?“",
  "\"I just want to go running, not read a manual.\"",
  "„Ich hätte gern jemanden, der mir das erklärt.“",
  "\"Where is my parcel?\"",
  "„Das war einfacher als gedacht!“",
};

static const char * const ideas[] = {
  "Show beginners, not athletes",
  "Lieferzeit schon auf der Produktseite anzeigen",
  "Rücksendeetikett direkt in die Verpackung legen",
  "Offer a 10-minute video call for set-up questions",
  "Größenberater mit Handgelenk-Maßband im Paket",
  "Send the pairing guide before the parcel arrives",
};

static const char * const emotion_notes[] = {
  "curious", "neugierig", "frustrated", "verärgert", "relieved",
  "erleichtert", "confused", "happy", "unsicher", "begeistert",
};

static const char * const owners[] = {
  "Marketing", "E-Commerce", "Logistik", "Kundenservice", "Product",
  "Finance", "IT", "Retail", "Legal", "Qualitätsmanagement",
};

static const struct {
  const char *name;
  const char *unit;
  double low, high;
  int decimals;
} kpis[] = {
  { "Conversion rate", "ratio", 0.005, 0.08, 3 },
  { "Bounce rate", "ratio", 0.2, 0.7, 2 },
  { "Wartezeit", "min", 0.5, 25, 1 },
  { "NPS", NULL, -40, 70, 0 },
  { "Click-through rate", "ratio", 0.002, 0.05, 3 },
  { "Lieferzeit", "d", 1, 7, 1 },
  { "Abbruchquote", "%", 5, 60, 1 },
  { "CSAT", "points", 1, 5, 1 },
  { "Average handling time", "s", 60, 900, 0 },
  { "Return rate", "%", 2, 30, 1 },
};

static const char * const note_texts[] = {
  "Ad promises what the shop cannot deliver",
  "Versandkosten werden erst im letzten Schritt angezeigt",
  "Two systems hold the customer's address – they disagree",
  "Hotline-Mitarbeitende kennen die App nicht",
  "No confirmation after the return was received",
  "Größentausch dauert länger als die Erstlieferung",
};

typedef struct {
  GRand *rand;
  guint64 next_id;
  guint64 id_salt;
} Gen;

static const char *
pick (Gen                *gen,
      const char * const *strings,
      guint               n)
{
  return strings[g_rand_int_range (gen->rand, 0, (gint32) n)];
}
#define PICK(gen, array) pick ((gen), (array), G_N_ELEMENTS (array))

static gboolean
chance (Gen    *gen,
        double  probability)
{
  return g_rand_double (gen->rand) < probability;
}

/* Ids look random like generated ones but are a bijection of a counter, so
 * they are unique and reproducible. */
static char *
new_id (Gen        *gen,
        const char *prefix)
{
  guint64 n = (gen->next_id++ + gen->id_salt) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return g_strdup_printf ("%s-%012" G_GINT64_MODIFIER "x", prefix,
                          n & G_GUINT64_CONSTANT (0xffffffffffff));
}

static char *
make_title (Gen *gen)
{
  return g_strdup_printf ("%s %s", PICK (gen, verbs), PICK (gen, objects));
}

static char *
make_description (Gen *gen)
{
  GString *text = g_string_new (PICK (gen, sentences));
  guint more = (guint) g_rand_int_range (gen->rand, 0, 3);

  for (guint i = 0; i < more; i++)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, PICK (gen, sentences));
    }
  return g_string_free (text, FALSE);
}

static char *
make_number (Gen    *gen,
             double  low,
             double  high,
             int     decimals)
{
  return g_strdup_printf ("%.*f", decimals, g_rand_double_range (gen->rand, low, high));
}

static void
add (WaymarkJourney *journey,
     gpointer        item)
{
  if (!waymark_journey_insert_item (journey, item, -1))
    g_error ("generated a duplicate id %s", waymark_item_get_id (item));
  waymark_item_unref (item);
}

static void
fill_touchpoint (Gen               *gen,
                 WaymarkTouchpoint *tp,
                 GPtrArray         *channel_items)
{
  guint n_kpis;
  double r;

  if (chance (gen, 0.9))
    waymark_touchpoint_set_channel (tp, g_ptr_array_index (channel_items,
                                                           g_rand_int_range (gen->rand, 0, (gint32) channel_items->len)));
  if (chance (gen, 0.75))
    tp->initiator = chance (gen, 0.6) ? WAYMARK_INITIATOR_BRAND : WAYMARK_INITIATOR_CUSTOMER;
  if (chance (gen, 0.7))
    tp->description = make_description (gen);
  if (chance (gen, 0.15))
    tp->quote = g_strdup (PICK (gen, quotes));
  if (chance (gen, 0.12))
    tp->idea = g_strdup (PICK (gen, ideas));
  if (chance (gen, 0.85))
    {
      tp->has_emotion = TRUE;
      tp->emotion = g_rand_int_range (gen->rand, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX + 1);
      if (chance (gen, 0.5))
        tp->emotion_note = g_strdup (PICK (gen, emotion_notes));
    }
  if (chance (gen, 0.9))
    tp->owner = g_strdup (PICK (gen, owners));
  if (chance (gen, 0.3))
    {
      tp->strength = (WaymarkStrength) g_rand_int_range (gen->rand, WAYMARK_STRENGTH_UNSET, WAYMARK_STRENGTH_WEAKNESS + 1);
      tp->priority = (WaymarkPriority) g_rand_int_range (gen->rand, WAYMARK_PRIORITY_LOW, WAYMARK_PRIORITY_HIGH + 1);
      tp->moment_of_truth = chance (gen, 0.25);
    }

  /* 0–3 KPIs: most cards have none or one. */
  r = g_rand_double (gen->rand);
  n_kpis = r < 0.45 ? 0 : r < 0.75 ? 1 : r < 0.92 ? 2 : 3;
  for (guint i = 0; i < n_kpis; i++)
    {
      guint k = (guint) g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (kpis));
      g_autofree char *value = make_number (gen, kpis[k].low, kpis[k].high, kpis[k].decimals);
      g_autofree char *target = NULL;

      if (chance (gen, 0.5))
        target = make_number (gen, kpis[k].low, kpis[k].high, kpis[k].decimals);
      waymark_touchpoint_add_kpi (tp, waymark_kpi_new (kpis[k].name, value, kpis[k].unit, target));
    }
}

WaymarkJourney *
bench_generate_journey (guint   n_touchpoints,
                        guint32 seed)
{
  g_autoptr(WaymarkJourney) journey = waymark_journey_new ();
  g_autoptr(GPtrArray) phase_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) card_lanes = g_ptr_array_new ();
  g_autoptr(GPtrArray) channel_items = g_ptr_array_new ();
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_sized_new (n_touchpoints);
  g_autofree guint *tp_phase = g_new0 (guint, MAX (n_touchpoints, 1));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Gen gen = { rand, 1, seed };
  WaymarkLane *notes_lane = NULL;
  guint n_phases, lane_weight_total = 0;

  {
    g_autofree char *id = new_id (&gen, "j");
    waymark_journey_set_id (journey, id);
  }
  waymark_journey_set_text (journey, WAYMARK_FIELD_TITLE, "Fitness watch: from ad to advocate");
  waymark_journey_set_text (journey, WAYMARK_FIELD_SUBJECT, "Fitnessuhr, Privatkunden");
  waymark_journey_set_text (journey, WAYMARK_FIELD_GOAL, "Purchase & first run");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = new_id (&gen, "persona");
      WaymarkPersona *persona = waymark_persona_new (id, i == 0 ? "Running beginner" : "Geschenkkäufer");

      persona->description = make_description (&gen);
      add (journey, persona);
    }

  n_phases = (guint) g_rand_int_range (rand, 5, 9);
  for (guint i = 0; i < n_phases; i++)
    {
      g_autofree char *id = new_id (&gen, "phase");
      WaymarkPhase *phase = waymark_phase_new (id, phase_names[i]);

      g_ptr_array_add (phase_items, phase);
      add (journey, phase);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autofree char *id = new_id (&gen, "lane");
      WaymarkLane *lane = waymark_lane_new (id, lanes[i].kind, lanes[i].name);

      if (lanes[i].kind == WAYMARK_LANE_TOUCHPOINTS)
        {
          g_ptr_array_add (card_lanes, lane);
          lane_weight_total += lanes[i].weight;
        }
      else if (lanes[i].kind == WAYMARK_LANE_NOTES)
        notes_lane = lane;
      add (journey, lane);
    }

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autofree char *id = new_id (&gen, "ch");
      WaymarkChannel *channel = waymark_channel_new (id, channels[i].category,
                                                     channels[i].icon, channels[i].name);

      g_ptr_array_add (channel_items, channel);
      add (journey, channel);
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autofree char *id = new_id (&gen, "tp");
      g_autofree char *title = make_title (&gen);
      WaymarkTouchpoint *tp;
      guint phase, lane = 0;
      gint32 w;

      /* Mostly in customer order along the file; some cards were added
       * to earlier or later phases afterwards. */
      if (chance (&gen, 0.8))
        phase = (guint) ((guint64) i * n_phases / n_touchpoints);
      else
        phase = (guint) g_rand_int_range (rand, 0, (gint32) n_phases);
      w = g_rand_int_range (rand, 0, (gint32) lane_weight_total);
      for (guint l = 0, k = 0; l < G_N_ELEMENTS (lanes); l++)
        {
          if (lanes[l].kind != WAYMARK_LANE_TOUCHPOINTS)
            continue;
          w -= (gint32) lanes[l].weight;
          if (w < 0)
            {
              lane = k;
              break;
            }
          k++;
        }

      tp = waymark_touchpoint_new (id, g_ptr_array_index (phase_items, phase),
                                   g_ptr_array_index (card_lanes, lane), title);
      fill_touchpoint (&gen, tp, channel_items);
      tp_phase[i] = phase;
      g_ptr_array_add (touchpoints, tp);
      add (journey, tp);
    }

  for (guint i = 0; i < n_touchpoints / 10; i++)
    {
      g_autofree char *id = new_id (&gen, "note");
      WaymarkPhase *phase = g_ptr_array_index (phase_items, g_rand_int_range (rand, 0, (gint32) n_phases));

      add (journey, waymark_note_new (id, phase, notes_lane, PICK (&gen, note_texts)));
    }

  /* The flow, as teams draw it: in journey order (phase order, then the
   * order in the file) most links go to one of the next few cards, some
   * jump to another card of the same or the next phase (another channel,
   * a step back).  About four links per five cards. */
  {
    g_autofree guint *order = g_new (guint, MAX (n_touchpoints, 1));
    g_autofree guint *phase_start = g_new0 (guint, n_phases + 1);
    guint n = n_touchpoints;

    /* A counting sort by phase keeps the file order within each phase. */
    for (guint i = 0; i < n; i++)
      phase_start[tp_phase[i] + 1]++;
    for (guint p = 0; p < n_phases; p++)
      phase_start[p + 1] += phase_start[p];
    {
      g_autofree guint *fill = g_memdup2 (phase_start, sizeof (guint) * n_phases);

      for (guint i = 0; i < n; i++)
        order[fill[tp_phase[i]]++] = i;
    }

    for (guint k = 0; k + 1 < n; k++)
      {
        guint from = order[k], to;

        if (!chance (&gen, 0.8))
          continue;
        if (chance (&gen, 0.85))
          to = order[MIN (k + (guint) g_rand_int_range (rand, 1, 6), n - 1)];
        else
          {
            guint p = MIN (tp_phase[from] + (guint) g_rand_int_range (rand, 0, 2), n_phases - 1);
            guint count = phase_start[p + 1] - phase_start[p];

            if (count == 0)
              continue;
            to = order[phase_start[p] + (guint) g_rand_int_range (rand, 0, (gint32) count)];
          }
        if (to == from)
          continue;
        {
          g_autofree char *id = new_id (&gen, "link");

          add (journey, waymark_link_new (id, g_ptr_array_index (touchpoints, from),
                                          g_ptr_array_index (touchpoints, to)));
        }
      }
  }

  return g_steal_pointer (&journey);
}

char *
bench_generate_file (const char  *dir,
                     guint        n_touchpoints,
                     guint32      seed,
                     gsize       *size,
                     GError     **error)
{
  g_autoptr(WaymarkJourney) journey = bench_generate_journey (n_touchpoints, seed);
  g_autoptr(GBytes) bytes = waymark_writer_write (journey);
  g_autofree char *name = g_strdup_printf ("journey-%u.journey", n_touchpoints);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents (path, data, (gssize) length, error))
    return NULL;
  if (size != NULL)
    *size = length;
  return g_steal_pointer (&path);
}
