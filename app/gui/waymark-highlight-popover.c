/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-highlight-popover.h"
#include "waymark-touchpoint.h"
#include "waymark-votes.h"

struct _WaymarkHighlightPopover
{
  GtkPopover parent_instance;

  WaymarkJourney *journey;
  WaymarkHighlight *highlight;
  GtkWidget *box;            /* rebuilt each time the popover opens */
  GtkWidget *clear_button;
  GtkCheckButton *emotion_check;
  GtkSpinButton *emotion_min;
  GtkSpinButton *emotion_max;
  GtkCheckButton *votes_check;
  GtkSpinButton *votes_spin;
  gboolean building;         /* filling in the controls: not the user */
};

G_DEFINE_FINAL_TYPE (WaymarkHighlightPopover, waymark_highlight_popover, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (WaymarkHighlightPopover *self)
{
  gtk_widget_set_sensitive (self->clear_button, waymark_highlight_is_active (self->highlight));
  if (!self->building)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- What each check box stands for ---- */

typedef enum {
  ENTRY_CATEGORY,
  ENTRY_CHANNEL,
  ENTRY_OWNER,
  ENTRY_PERSONA,
  ENTRY_FINDING,
} EntryKind;

static void
entry_toggled_cb (GtkCheckButton          *check,
                  WaymarkHighlightPopover *self)
{
  EntryKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "entry-kind"));
  const char *name = g_object_get_data (G_OBJECT (check), "entry-name");
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "entry-value"));
  gboolean on = gtk_check_button_get_active (check);

  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  if (self->building)
    return;
  switch (kind)
    {
    case ENTRY_CATEGORY:
      if (on)
        waymark_highlight_add_category (self->highlight, value);
      else
        waymark_highlight_remove_category (self->highlight, value);
      break;
    case ENTRY_CHANNEL:
      if (on)
        waymark_highlight_add_channel (self->highlight, name);
      else
        waymark_highlight_remove_channel (self->highlight, name);
      break;
    case ENTRY_OWNER:
      if (on)
        waymark_highlight_add_owner (self->highlight, name);
      else
        waymark_highlight_remove_owner (self->highlight, name);
      break;
    case ENTRY_PERSONA:
      if (on)
        waymark_highlight_add_persona (self->highlight, name);
      else
        waymark_highlight_remove_persona (self->highlight, name);
      break;
    case ENTRY_FINDING:
    default:
      /* One severity at a time: "high" already lies within "medium or
       * high". */
      waymark_highlight_clear_kind (self->highlight, WAYMARK_HIGHLIGHT_FINDING);
      if (on)
        waymark_highlight_add_finding (self->highlight, NULL, value);
      break;
    }
  changed (self);
}

static GtkWidget *
add_section (WaymarkHighlightPopover *self,
             const char              *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->box), label);
  gtk_box_append (GTK_BOX (self->box), section);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (section), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return section;
}

static GtkCheckButton *
add_check (WaymarkHighlightPopover *self,
           GtkWidget               *section,
           const char              *label,
           EntryKind                kind,
           const char              *name,
           int                      value,
           gboolean                 active)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);
  GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));

  /* A channel's or owner's name may be long: it wraps. */
  if (GTK_IS_LABEL (child))
    {
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 28);
    }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data (G_OBJECT (check), "entry-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (check), "entry-name", g_strdup (name), g_free);
  g_object_set_data (G_OBJECT (check), "entry-value", GINT_TO_POINTER (value));
  g_signal_connect (check, "toggled", G_CALLBACK (entry_toggled_cb), self);
  gtk_box_append (GTK_BOX (section), check);
  return GTK_CHECK_BUTTON (check);
}

/* ---- Emotion range and votes ---- */

static void votes_changed_cb (WaymarkHighlightPopover *self);

static void
emotion_changed_cb (WaymarkHighlightPopover *self)
{
  int min = gtk_spin_button_get_value_as_int (self->emotion_min);
  int max = gtk_spin_button_get_value_as_int (self->emotion_max);

  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  if (self->building)
    return;
  /* The bounds stay in order: moving one past the other takes it along. */
  self->building = TRUE;
  if (min > max && gtk_widget_has_focus (GTK_WIDGET (self->emotion_max)))
    gtk_spin_button_set_value (self->emotion_min, min = max);
  else if (min > max)
    gtk_spin_button_set_value (self->emotion_max, max = min);
  self->building = FALSE;
  waymark_highlight_clear_kind (self->highlight, WAYMARK_HIGHLIGHT_EMOTION);
  if (gtk_check_button_get_active (self->emotion_check))
    waymark_highlight_set_emotion (self->highlight, min, max);
  changed (self);
}

/* Setting a bound or a count means using it: its check box turns on
 * (which applies it). */
static void
spin_changed_cb (GtkSpinButton           *spin,
                 WaymarkHighlightPopover *self)
{
  GtkCheckButton *check = spin == self->votes_spin ? self->votes_check : self->emotion_check;

  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  if (self->building)
    return;
  if (!gtk_check_button_get_active (check))
    gtk_check_button_set_active (check, TRUE);
  else if (spin == self->votes_spin)
    votes_changed_cb (self);
  else
    emotion_changed_cb (self);
}

static void
votes_changed_cb (WaymarkHighlightPopover *self)
{
  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  if (self->building)
    return;
  waymark_highlight_set_min_votes (self->highlight,
                                   gtk_check_button_get_active (self->votes_check)
                                   ? (guint) gtk_spin_button_get_value_as_int (self->votes_spin) : 0);
  changed (self);
}

static GtkSpinButton *
add_spin (GtkWidget  *row,
          double      min,
          double      max,
          double      value,
          const char *accessible_label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  gtk_box_append (GTK_BOX (row), spin);
  return GTK_SPIN_BUTTON (spin);
}

static void
add_emotion (WaymarkHighlightPopover *self)
{
  GtkWidget *section = add_section (self, _("Emotion"));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  int min, max;
  gboolean on = waymark_highlight_get_emotion (self->highlight, &min, &max);

  self->emotion_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_From")));
  gtk_check_button_set_active (self->emotion_check, on);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->emotion_check));
  self->emotion_min = add_spin (row, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX, on ? min : -2, _("Lowest emotion"));
  gtk_box_append (GTK_BOX (row), gtk_label_new (C_("emotion range", "to")));
  self->emotion_max = add_spin (row, WAYMARK_EMOTION_MIN, WAYMARK_EMOTION_MAX, on ? max : -1, _("Highest emotion"));
  gtk_box_append (GTK_BOX (section), row);
  g_signal_connect_swapped (self->emotion_check, "toggled", G_CALLBACK (emotion_changed_cb), self);
  g_signal_connect (self->emotion_min, "value-changed", G_CALLBACK (spin_changed_cb), self);
  g_signal_connect (self->emotion_max, "value-changed", G_CALLBACK (spin_changed_cb), self);
}

static void
add_votes (WaymarkHighlightPopover *self)
{
  GtkWidget *section = add_section (self, _("Dot Votes"));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  guint votes = waymark_highlight_get_min_votes (self->highlight);

  self->votes_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_At least")));
  gtk_check_button_set_active (self->votes_check, votes > 0);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->votes_check));
  self->votes_spin = add_spin (row, 1, WAYMARK_VOTES_MAX, votes > 0 ? votes : 1, _("Least number of votes"));
  gtk_widget_set_name (GTK_WIDGET (self->votes_spin), "highlight-votes");
  gtk_box_append (GTK_BOX (row), gtk_label_new (C_("at least N", "votes")));
  gtk_box_append (GTK_BOX (section), row);
  g_signal_connect_swapped (self->votes_check, "toggled", G_CALLBACK (votes_changed_cb), self);
  g_signal_connect (self->votes_spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
}

/* ---- The map's channels and owners ---- */

static void
add_channels (WaymarkHighlightPopover *self)
{
  static const struct { WaymarkCategory category; const char *label; } categories[] = {
    { WAYMARK_CATEGORY_DIGITAL, N_("Digital") },
    { WAYMARK_CATEGORY_PHYSICAL, N_("Physical") },
    { WAYMARK_CATEGORY_PERSONAL, N_("Personal") },
  };
  GPtrArray *channels = self->journey != NULL ? waymark_journey_get_items (self->journey, WAYMARK_ITEM_CHANNEL) : NULL;
  GtkWidget *section = add_section (self, _("Channel Category"));

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    add_check (self, section, _(categories[i].label), ENTRY_CATEGORY, NULL, categories[i].category,
               waymark_highlight_has_category (self->highlight, categories[i].category));
  if (channels == NULL || channels->len == 0)
    return;
  section = add_section (self, _("Channel"));
  for (guint i = 0; i < channels->len; i++)
    {
      WaymarkChannel *channel = channels->pdata[i];
      const char *id = waymark_item_get_id (channel);

      add_check (self, section, channel->name != NULL ? channel->name : id, ENTRY_CHANNEL, id, 0,
                 waymark_highlight_has_channel (self->highlight, id));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
add_owners (WaymarkHighlightPopover *self)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *tps;
  GtkWidget *section;

  if (self->journey == NULL)
    return;
  /* Each owner once, however it is spelt on each card. */
  tps = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  for (guint i = 0; i < tps->len; i++)
    {
      const char *owner = ((WaymarkTouchpoint *) tps->pdata[i])->owner;
      char *key;

      if (owner == NULL)
        continue;
      key = g_utf8_casefold (owner, -1);
      if (g_hash_table_add (seen, key))
        g_ptr_array_add (owners, (gpointer) owner);
    }
  if (owners->len == 0)
    return;
  g_ptr_array_sort (owners, compare_names);
  section = add_section (self, _("Owner"));
  for (guint i = 0; i < owners->len; i++)
    add_check (self, section, owners->pdata[i], ENTRY_OWNER, owners->pdata[i], 0,
               waymark_highlight_has_owner (self->highlight, owners->pdata[i]));
}

/* A finding check turned on turns the others off. */
static void
finding_exclusive_cb (GtkCheckButton          *check,
                      WaymarkHighlightPopover *self)
{
  GtkWidget *section = g_object_get_data (G_OBJECT (check), "finding-section");

  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  if (section == NULL || !gtk_check_button_get_active (check))
    return;
  self->building = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (section); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (check))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), FALSE);
  self->building = FALSE;
}

/* The touchpoints a persona meets (those that name no persona apply to
 * every one). */
static void
add_personas (WaymarkHighlightPopover *self)
{
  GPtrArray *personas = self->journey != NULL ? waymark_journey_get_items (self->journey, WAYMARK_ITEM_PERSONA) : NULL;
  GtkWidget *section;

  if (personas == NULL || personas->len == 0)
    return;
  section = add_section (self, _("Persona"));
  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = personas->pdata[i];
      const char *id = waymark_item_get_id (persona);

      add_check (self, section, persona->name != NULL ? persona->name : id, ENTRY_PERSONA, id, 0,
                 waymark_highlight_has_persona (self->highlight, id));
    }
}

static void
add_findings (WaymarkHighlightPopover *self)
{
  static const struct { WaymarkSeverity severity; const char *label; } levels[] = {
    { WAYMARK_SEVERITY_LOW, N_("Any weak spot") },
    { WAYMARK_SEVERITY_MEDIUM, N_("Medium or high") },
    { WAYMARK_SEVERITY_HIGH, N_("High") },
  };
  GtkWidget *section = add_section (self, _("Findings"));

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      GtkCheckButton *check = add_check (self, section, _(levels[i].label), ENTRY_FINDING, NULL, levels[i].severity,
                                         waymark_highlight_has_finding (self->highlight, NULL, levels[i].severity));

      /* One at a time, as radio buttons, but the checked one can be
       * unchecked again (a group would keep one on). */
      g_object_set_data (G_OBJECT (check), "finding-section", section);
      g_signal_connect (check, "toggled", G_CALLBACK (finding_exclusive_cb), self);
    }
}

static void
rebuild (WaymarkHighlightPopover *self)
{
  GtkWidget *child;

  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  add_channels (self);
  add_owners (self);
  add_personas (self);
  add_emotion (self);
  add_findings (self);
  add_votes (self);
  gtk_widget_set_sensitive (self->clear_button, waymark_highlight_is_active (self->highlight));
  self->building = FALSE;
}

static void
clear_clicked_cb (WaymarkHighlightPopover *self)
{
  g_assert (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  waymark_highlight_clear (self->highlight);
  rebuild (self);
  changed (self);
}

static void
waymark_highlight_popover_show (GtkWidget *widget)
{
  WaymarkHighlightPopover *self = WAYMARK_HIGHLIGHT_POPOVER (widget);

  /* The map's channels and owners as they are now. */
  rebuild (self);
  GTK_WIDGET_CLASS (waymark_highlight_popover_parent_class)->show (widget);
}

static void
waymark_highlight_popover_dispose (GObject *object)
{
  WaymarkHighlightPopover *self = WAYMARK_HIGHLIGHT_POPOVER (object);

  g_clear_object (&self->journey);
  G_OBJECT_CLASS (waymark_highlight_popover_parent_class)->dispose (object);
}

static void
waymark_highlight_popover_finalize (GObject *object)
{
  WaymarkHighlightPopover *self = WAYMARK_HIGHLIGHT_POPOVER (object);

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  G_OBJECT_CLASS (waymark_highlight_popover_parent_class)->finalize (object);
}

static void
waymark_highlight_popover_class_init (WaymarkHighlightPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_highlight_popover_dispose;
  object_class->finalize = waymark_highlight_popover_finalize;
  widget_class->show = waymark_highlight_popover_show;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
waymark_highlight_popover_init (WaymarkHighlightPopover *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Highlight"));
  GtkWidget *hint = gtk_label_new (_("Cards that match stand out; the rest dims on the map, in the outline and in exports."));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->highlight = waymark_highlight_new ();

  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear"));
  gtk_widget_set_name (self->clear_button, "highlight-clear");
  gtk_widget_set_tooltip_text (self->clear_button, _("Show every card again (Escape on the map)"));
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), self->clear_button);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 30);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (outer), hint);

  /* A map with many channels and owners scrolls inside the popover. */
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_popover_set_child (GTK_POPOVER (self), outer);
  gtk_widget_set_name (GTK_WIDGET (self), "highlight-popover");
}

GtkWidget *
waymark_highlight_popover_new (void)
{
  return g_object_new (WAYMARK_TYPE_HIGHLIGHT_POPOVER, NULL);
}

void
waymark_highlight_popover_set_journey (WaymarkHighlightPopover *self,
                                       WaymarkJourney          *journey)
{
  g_return_if_fail (WAYMARK_IS_HIGHLIGHT_POPOVER (self));
  g_return_if_fail (journey == NULL || WAYMARK_IS_JOURNEY (journey));

  g_set_object (&self->journey, journey);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
}

const WaymarkHighlight *
waymark_highlight_popover_get_highlight (WaymarkHighlightPopover *self)
{
  g_return_val_if_fail (WAYMARK_IS_HIGHLIGHT_POPOVER (self), NULL);
  return self->highlight;
}

void
waymark_highlight_popover_set_highlight (WaymarkHighlightPopover *self,
                                         const WaymarkHighlight  *highlight)
{
  g_return_if_fail (WAYMARK_IS_HIGHLIGHT_POPOVER (self));

  waymark_highlight_free (self->highlight);
  self->highlight = highlight != NULL ? waymark_highlight_copy (highlight) : waymark_highlight_new ();
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
  gtk_widget_set_sensitive (self->clear_button, waymark_highlight_is_active (self->highlight));
}
