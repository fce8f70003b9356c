/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-votes.h"
#include "waymark-number.h"
#include "waymark-outline-text.h"
#include "waymark-describe.h"

static gboolean
is_touchpoint (gconstpointer card)
{
  return waymark_item_get_item_type (card) == WAYMARK_ITEM_TOUCHPOINT;
}

const char *
waymark_outline_card_title (gconstpointer card)
{
  const char *text;

  g_return_val_if_fail (card != NULL, NULL);

  text = is_touchpoint (card) ? ((const WaymarkTouchpoint *) card)->title : ((const WaymarkNote *) card)->text;
  if (text != NULL && text[0] != '\0')
    return text;
  return is_touchpoint (card) ? _("Untitled touchpoint") : _("Empty note");
}

char *
waymark_outline_emotion_text (const WaymarkTouchpoint *tp)
{
  g_return_val_if_fail (tp != NULL, NULL);

  if (!tp->has_emotion)
    return NULL;
  if (tp->emotion_note != NULL && tp->emotion_note[0] != '\0')
    return g_strdup_printf (_("Emotion: %+d, %s (“%s”)"), tp->emotion, waymark_describe_emotion (tp->emotion), tp->emotion_note);
  return g_strdup_printf (_("Emotion: %+d, %s"), tp->emotion, waymark_describe_emotion (tp->emotion));
}

char *
waymark_outline_card_details (gconstpointer card)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  WaymarkPhase *phase;
  WaymarkLane *lane;

  g_return_val_if_fail (card != NULL, NULL);

  waymark_describe_card_cell (card, &phase, &lane);
  if (is_touchpoint (card))
    {
      const WaymarkTouchpoint *tp = card;
      char *emotion = waymark_outline_emotion_text (tp);

      g_ptr_array_add (parts, tp->channel != NULL && tp->channel->name != NULL
                                ? g_strdup_printf (_("Channel: %s"), tp->channel->name)
                                : g_strdup (_("No channel")));
      g_ptr_array_add (parts, g_strdup_printf (_("Lane: %s"), lane->name ? lane->name : ""));
      g_ptr_array_add (parts, emotion != NULL ? emotion : g_strdup (_("No emotion")));
      /* A touchpoint nobody owns is a weak spot in itself: say so. */
      g_ptr_array_add (parts, tp->owner != NULL && tp->owner[0] != '\0'
                                ? g_strdup_printf (_("Owner: %s"), tp->owner)
                                : g_strdup (_("No owner")));
    }
  else
    {
      g_ptr_array_add (parts, g_strdup (_("Note")));
      g_ptr_array_add (parts, g_strdup_printf (_("Lane: %s"), lane->name ? lane->name : ""));
    }
  if (waymark_votes_get (card) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u vote", "%u votes", waymark_votes_get (card)),
                                             waymark_votes_get (card)));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: joins the facts of a card in the outline, "Channel: Store · Owner: Sales". */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

guint
waymark_outline_card_markers (gconstpointer        card,
                              WaymarkOutlineMarker markers[WAYMARK_OUTLINE_MAX_MARKERS])
{
  const WaymarkTouchpoint *tp = card;
  guint n = 0;

  g_return_val_if_fail (card != NULL, 0);

  if (!is_touchpoint (card))
    return 0;
  if (tp->strength == WAYMARK_STRENGTH_WEAKNESS)
    markers[n++] = (WaymarkOutlineMarker) { _("Weak spot"), "weak-spot" };
  else if (tp->strength == WAYMARK_STRENGTH_STRENGTH)
    markers[n++] = (WaymarkOutlineMarker) { _("Strength"), "strength" };
  if (tp->moment_of_truth)
    markers[n++] = (WaymarkOutlineMarker) { _("Moment of truth"), "moment-of-truth" };
  return n;
}

char *
waymark_outline_card_label (gconstpointer card)
{
  g_autofree char *details = NULL;
  WaymarkOutlineMarker markers[WAYMARK_OUTLINE_MAX_MARKERS];
  guint n_markers;
  GString *label;

  g_return_val_if_fail (card != NULL, NULL);

  details = waymark_outline_card_details (card);
  n_markers = waymark_outline_card_markers (card, markers);
  label = g_string_new (waymark_outline_card_title (card));
  /* Sentences, not the visual separator: screen readers pause at them. */
  g_string_append (label, ". ");
  g_string_append (label, details);
  for (guint i = 0; i < n_markers; i++)
    g_string_append_printf (label, ". %s", markers[i].text);
  return g_string_free (label, FALSE);
}

static void
append_sentence (GString    *out,
                 const char *sentence)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, sentence);
  if (!g_str_has_suffix (sentence, ".") && !g_str_has_suffix (sentence, "?") && !g_str_has_suffix (sentence, "!"))
    g_string_append_c (out, '.');
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

static const char *
priority_text (WaymarkPriority priority)
{
  switch (priority)
    {
    case WAYMARK_PRIORITY_LOW: return _("Low priority");
    case WAYMARK_PRIORITY_MEDIUM: return _("Medium priority");
    case WAYMARK_PRIORITY_HIGH: return _("High priority");
    case WAYMARK_PRIORITY_UNSET:
    default: return NULL;
    }
}

char *
waymark_outline_card_description (gconstpointer card)
{
  GString *out = g_string_new (NULL);
  WaymarkPhase *phase;
  WaymarkLane *lane;

  g_return_val_if_fail (card != NULL, NULL);

  waymark_describe_card_cell (card, &phase, &lane);
  if (has_text (phase->name))
    {
      g_autofree char *sentence = g_strdup_printf (_("Phase: %s"), phase->name);

      append_sentence (out, sentence);
    }
  if (is_touchpoint (card))
    {
      const WaymarkTouchpoint *tp = card;
      const char *priority = priority_text (tp->priority);

      if (tp->channel != NULL)
        {
          const char *category = NULL;

          switch (tp->channel->category)
            {
            case WAYMARK_CATEGORY_DIGITAL: category = _("Digital channel"); break;
            case WAYMARK_CATEGORY_PHYSICAL: category = _("Physical channel"); break;
            case WAYMARK_CATEGORY_PERSONAL: category = _("Personal channel"); break;
            default: break;
            }
          if (category != NULL)
            append_sentence (out, category);
        }
      if (tp->initiator == WAYMARK_INITIATOR_BRAND)
        append_sentence (out, _("Initiated by the brand"));
      else if (tp->initiator == WAYMARK_INITIATOR_CUSTOMER)
        append_sentence (out, _("Initiated by the customer"));
      if (priority != NULL)
        append_sentence (out, priority);
      if (has_text (tp->description))
        {
          g_autofree char *sentence = g_strdup_printf (_("Description: %s"), tp->description);

          append_sentence (out, sentence);
        }
      if (has_text (tp->quote))
        {
          g_autofree char *sentence = g_strdup_printf (_("Customer quote: %s"), tp->quote);

          append_sentence (out, sentence);
        }
      if (has_text (tp->idea))
        {
          g_autofree char *sentence = g_strdup_printf (_("Idea: %s"), tp->idea);

          append_sentence (out, sentence);
        }
      for (guint i = 0; i < waymark_touchpoint_get_n_kpis (tp); i++)
        {
          const WaymarkKpi *kpi = g_ptr_array_index (tp->kpis, i);
          g_autofree char *value = waymark_number_format (kpi->value);
          g_autofree char *sentence = NULL;

          if (kpi->unit != NULL && kpi->unit[0] != '\0')
            /* TRANSLATORS: a KPI of a card: name, value, unit. */
            sentence = g_strdup_printf (_("KPI %s: %s %s"), kpi->name, value, kpi->unit);
          else
            sentence = g_strdup_printf (_("KPI %s: %s"), kpi->name, value);
          append_sentence (out, sentence);
        }
    }
  return g_string_free (out, FALSE);
}

/* "6 touchpoints · 3 notes": the phase header on the map counts the
 * touchpoints; notes are counted apart, not as more touchpoints. */
char *
waymark_outline_phase_counts (guint n_touchpoints,
                              guint n_notes)
{
  g_autofree char *touchpoints = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", n_touchpoints),
                                                  n_touchpoints);
  g_autofree char *notes = NULL;

  if (n_notes == 0)
    return g_steal_pointer (&touchpoints);
  notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);
  /* TRANSLATORS: a phase's counts in the outline: "6 touchpoints · 3 notes". */
  return g_strdup_printf (_("%s · %s"), touchpoints, notes);
}

char *
waymark_outline_phase_label (WaymarkPhase *phase,
                             guint         n_touchpoints,
                             guint         n_notes)
{
  g_autofree char *counts = NULL;

  g_return_val_if_fail (phase != NULL, NULL);

  counts = waymark_outline_phase_counts (n_touchpoints, n_notes);
  /* TRANSLATORS: a phase heading read by a screen reader: its name and counts. */
  return g_strdup_printf (_("%s, %s"), phase->name ? phase->name : "", counts);
}
