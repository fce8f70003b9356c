/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quick-add field: channel, title, Enter.  It knows the journey it
 * offers channels of and nothing else of the canvas; the canvas adds the
 * card it is told about. */

#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-quick-add.h"
#include "waymark-text-limit.h"

/* At most this many matches are shown; the rest are one more letter away. */
#define SHOWN_MATCHES 5

typedef struct {
  char *name;
  char *folded;
  WaymarkChannel *channel;    /* the map's (a reference), or */
  WaymarkPaletteItem *item;   /* the palette's */
  guint order;                /* the map's first, in their order */
  int rank;                   /* for the typed text: lower is better */
} Candidate;

struct _WaymarkQuickAdd
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *prompt;
  GtkWidget *entry;
  GtkWidget *matches_label;

  gboolean active;
  gboolean note;
  GPtrArray *candidates;      /* Candidate, all of them */
  GPtrArray *matches;         /* borrowed from candidates, best first */
  guint chosen_match;         /* Up and Down move it */
  Candidate *channel;         /* chosen; borrowed from candidates */
};

G_DEFINE_FINAL_TYPE (WaymarkQuickAdd, waymark_quick_add, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->name);
  g_free (candidate->folded);
  g_clear_pointer (&candidate->channel, waymark_item_unref);
  g_clear_object (&candidate->item);
  g_free (candidate);
}

static void
add_candidate (WaymarkQuickAdd    *self,
               const char         *name,
               WaymarkChannel     *channel,
               WaymarkPaletteItem *item)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->name = g_strdup (name);
  candidate->folded = g_utf8_casefold (name, -1);
  candidate->channel = channel ? waymark_item_ref (channel) : NULL;
  candidate->item = item ? g_object_ref (item) : NULL;
  candidate->order = self->candidates->len;
  g_ptr_array_add (self->candidates, candidate);
}

/* The map's channels, then the palette's kinds it would add as new ones
 * (a kind the map has under its own name is that channel already). */
static void
collect_candidates (WaymarkQuickAdd *self,
                    WaymarkJourney  *journey)
{
  GPtrArray *channels = waymark_journey_get_items (journey, WAYMARK_ITEM_CHANNEL);
  g_autoptr(GPtrArray) catalogue = waymark_palette_item_get_catalogue ();

  g_ptr_array_set_size (self->candidates, 0);
  for (guint i = 0; i < channels->len; i++)
    {
      WaymarkChannel *channel = g_ptr_array_index (channels, i);

      if (channel->name != NULL && channel->name[0] != '\0')
        add_candidate (self, channel->name, channel, NULL);
    }
  for (guint i = 0; i < catalogue->len; i++)
    {
      WaymarkPaletteItem *item = g_ptr_array_index (catalogue, i);

      if (!waymark_palette_item_is_note (item) && waymark_palette_item_find_channel (item, journey) == NULL)
        add_candidate (self, waymark_palette_item_get_name (item), NULL, item);
    }
}

/* 0: the name starts with it; 1: a word of it does; 2: it is inside;
 * -1: no match. */
static int
rank_of (const char *folded_name,
         const char *folded_text)
{
  const char *at;

  if (folded_text[0] == '\0' || g_str_has_prefix (folded_name, folded_text))
    return 0;
  at = strstr (folded_name, folded_text);
  if (at == NULL)
    return -1;
  for (const char *p = at; p != NULL && *p != '\0'; p = strstr (p + 1, folded_text))
    if (p > folded_name && !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (folded_name, p))))
      return 1;
  return 2;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Candidate *ca = *(Candidate **) a;
  const Candidate *cb = *(Candidate **) b;

  if (ca->rank != cb->rank)
    return ca->rank - cb->rank;
  return (int) ca->order - (int) cb->order;
}

static void
update_matches_label (WaymarkQuickAdd *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  if (self->channel != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->channel->name, -1);

      /* TRANSLATORS: under the title field of the quick-add field; %s is the chosen channel. */
      g_string_printf (markup, _("Channel: <b>%s</b> · Backspace goes back"), escaped);
    }
  else if (self->matches->len == 0)
    g_string_append (markup, _("No channel matches"));
  else
    for (guint i = 0; i < self->matches->len && i < SHOWN_MATCHES; i++)
      {
        Candidate *candidate = g_ptr_array_index (self->matches, i);
        g_autofree char *escaped = g_markup_escape_text (candidate->name, -1);

        if (i > 0)
          g_string_append (markup, " · ");
        if (i == self->chosen_match)
          g_string_append_printf (markup, "<b><u>%s</u></b>", escaped);
        else
          g_string_append (markup, escaped);
      }
  gtk_label_set_markup (GTK_LABEL (self->matches_label), markup->str);
  gtk_widget_set_visible (self->matches_label, !self->note);
}

static void
update_matches (WaymarkQuickAdd *self)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->entry)), -1);

  g_strstrip (folded);
  g_ptr_array_set_size (self->matches, 0);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (self->candidates, i);

      candidate->rank = rank_of (candidate->folded, folded);
      if (candidate->rank >= 0)
        g_ptr_array_add (self->matches, candidate);
    }
  g_ptr_array_sort (self->matches, compare_matches);
  self->chosen_match = 0;
  if (self->matches->len == 0)
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
  update_matches_label (self);
}

static void
show_stage (WaymarkQuickAdd *self)
{
  const char *prompt;

  if (self->note)
    prompt = _("New note: its text, then Enter");
  else if (self->channel == NULL)
    prompt = _("New touchpoint: type its channel, then Enter");
  else
    prompt = _("Its title, then Enter");
  gtk_label_set_text (GTK_LABEL (self->prompt), prompt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, prompt, -1);
  /* A note's text may be pages, a title or a channel's name a line. */
  gtk_entry_set_max_length (GTK_ENTRY (self->entry),
                            self->note ? WAYMARK_TEXT_LIMIT_PAGES : WAYMARK_TEXT_LIMIT_LINE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_remove_css_class (self->entry, "error");
  if (self->note || self->channel != NULL)
    update_matches_label (self);
  else
    update_matches (self);
}

static void
set_active (WaymarkQuickAdd *self,
            gboolean         active)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->active == active)
    return;
  self->active = active;
  if (active)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_widget_grab_focus (self->entry);
    }
  else
    {
      gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));

      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      if (had_focus && parent != NULL)
        gtk_widget_grab_focus (parent);
      g_ptr_array_set_size (self->matches, 0);
      g_ptr_array_set_size (self->candidates, 0);
      self->channel = NULL;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
waymark_quick_add_start (WaymarkQuickAdd *self,
                         WaymarkJourney  *journey,
                         gboolean         note)
{
  g_return_if_fail (WAYMARK_IS_QUICK_ADD (self));
  g_return_if_fail (WAYMARK_IS_JOURNEY (journey));

  waymark_quick_add_cancel (self);
  self->note = note;
  self->channel = NULL;
  collect_candidates (self, journey);
  show_stage (self);
  set_active (self, TRUE);
}

void
waymark_quick_add_cancel (WaymarkQuickAdd *self)
{
  g_return_if_fail (WAYMARK_IS_QUICK_ADD (self));

  set_active (self, FALSE);
}

gboolean
waymark_quick_add_is_active (WaymarkQuickAdd *self)
{
  g_return_val_if_fail (WAYMARK_IS_QUICK_ADD (self), FALSE);

  return self->active;
}

gboolean
waymark_quick_add_is_titling (WaymarkQuickAdd *self)
{
  g_return_val_if_fail (WAYMARK_IS_QUICK_ADD (self), FALSE);

  return self->active && (self->note || self->channel != NULL);
}

GStrv
waymark_quick_add_get_matches (WaymarkQuickAdd *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WAYMARK_IS_QUICK_ADD (self), NULL);

  for (guint i = 0; i < self->matches->len; i++)
    g_strv_builder_add (builder, ((Candidate *) g_ptr_array_index (self->matches, i))->name);
  return g_strv_builder_end (builder);
}

void
waymark_quick_add_allocate_over (WaymarkQuickAdd       *self,
                                 const graphene_rect_t *bounds)
{
  int min_width, min_height, width;

  g_return_if_fail (WAYMARK_IS_QUICK_ADD (self));

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  width = MAX (MAX (min_width, 320), (int) bounds->size.width);
  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  /* At the top of the cell, where the new card goes when the cell is
   * empty, and readable however far the map is zoomed out. */
  gtk_widget_size_allocate (GTK_WIDGET (self),
                            &(GtkAllocation) {
                              (int) (bounds->origin.x + (bounds->size.width - width) / 2),
                              (int) bounds->origin.y,
                              width, min_height,
                            },
                            -1);
}

static void
entry_activate_cb (WaymarkQuickAdd *self,
                   GtkEntry        *entry)
{
  g_autofree char *title = NULL;
  WaymarkChannel *channel = NULL;
  WaymarkPaletteItem *item = NULL;

  g_assert (WAYMARK_IS_QUICK_ADD (self));

  if (!self->note && self->channel == NULL)
    {
      if (self->matches->len == 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      self->channel = g_ptr_array_index (self->matches, self->chosen_match);
      show_stage (self);
      return;
    }

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (title[0] == '\0')
    {
      /* A touchpoint without a title is named after its channel, as one
       * from the palette is; a note needs its text. */
      if (self->note)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      g_free (title);
      title = g_strdup (self->channel->name);
    }
  if (self->channel != NULL)
    {
      channel = self->channel->channel ? waymark_item_ref (self->channel->channel) : NULL;
      item = self->channel->item ? g_object_ref (self->channel->item) : NULL;
    }
  set_active (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_DONE], 0, channel, item, title);
  g_clear_pointer (&channel, waymark_item_unref);
  g_clear_object (&item);
}

static void
entry_changed_cb (WaymarkQuickAdd *self,
                  GtkEditable     *editable)
{
  g_assert (WAYMARK_IS_QUICK_ADD (self));

  if (self->active && !self->note && self->channel == NULL)
    update_matches (self);
}

static gboolean
entry_key_cb (WaymarkQuickAdd       *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  gboolean choosing = !self->note && self->channel == NULL;

  g_assert (WAYMARK_IS_QUICK_ADD (self));

  switch (keyval)
    {
    case GDK_KEY_Escape:
      waymark_quick_add_cancel (self);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!choosing || self->matches->len == 0)
        return FALSE;
      if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
        self->chosen_match = (self->chosen_match + 1) % MIN (self->matches->len, SHOWN_MATCHES);
      else
        self->chosen_match = (self->chosen_match + MIN (self->matches->len, SHOWN_MATCHES) - 1) %
                             MIN (self->matches->len, SHOWN_MATCHES);
      update_matches_label (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      /* Back to the channel from an empty title. */
      if (self->note || self->channel == NULL || gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0')
        return FALSE;
      self->channel = NULL;
      show_stage (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
entry_focus_leave_cb (WaymarkQuickAdd         *self,
                      GtkEventControllerFocus *controller)
{
  g_assert (WAYMARK_IS_QUICK_ADD (self));

  /* A click elsewhere: nothing half-made stays behind. */
  waymark_quick_add_cancel (self);
}

static void
waymark_quick_add_dispose (GObject *object)
{
  WaymarkQuickAdd *self = WAYMARK_QUICK_ADD (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (waymark_quick_add_parent_class)->dispose (object);
}

static void
waymark_quick_add_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WaymarkQuickAdd *self = WAYMARK_QUICK_ADD (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_quick_add_class_init (WaymarkQuickAddClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_quick_add_dispose;
  object_class->get_property = waymark_quick_add_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_POINTER, WAYMARK_TYPE_PALETTE_ITEM, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "quickadd");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_quick_add_init (WaymarkQuickAdd *self)
{
  GtkEventController *controller;

  self->candidates = g_ptr_array_new_with_free_func (candidate_free);
  self->matches = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->prompt = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->prompt), 0);
  gtk_label_set_wrap (GTK_LABEL (self->prompt), TRUE);
  gtk_widget_add_css_class (self->prompt, "heading");
  gtk_box_append (GTK_BOX (self->box), self->prompt);
  self->entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (self->box), self->entry);
  self->matches_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->matches_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->matches_label), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->matches_label);

  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (entry_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, controller);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
waymark_quick_add_new (void)
{
  return g_object_new (WAYMARK_TYPE_QUICK_ADD, NULL);
}
