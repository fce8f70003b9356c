/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-votes-row.h"
#include "waymark-votes.h"

struct _WaymarkVotesRow
{
  AdwActionRow parent_instance;

  GtkLabel *count;
  GtkWidget *remove_button;
  GtkWidget *add_button;
  WaymarkDocument *document;
  gpointer card;     /* strong */
};

G_DEFINE_FINAL_TYPE (WaymarkVotesRow, waymark_votes_row, ADW_TYPE_ACTION_ROW)

static gboolean
can_edit (WaymarkVotesRow *self)
{
  return self->document != NULL && self->card != NULL && !waymark_document_is_read_only (self->document);
}

void
waymark_votes_row_update (WaymarkVotesRow *self)
{
  guint votes;
  g_autofree char *text = NULL;

  g_return_if_fail (WAYMARK_IS_VOTES_ROW (self));

  votes = waymark_votes_get (self->card);
  text = g_strdup_printf ("%u", votes);
  gtk_label_set_text (self->count, text);
  gtk_widget_set_sensitive (self->remove_button, can_edit (self) && votes > 0);
  gtk_widget_set_sensitive (self->add_button, can_edit (self) && votes < WAYMARK_VOTES_MAX);
  /* The row reads as "Votes, 3" to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

void
waymark_votes_row_set_card (WaymarkVotesRow *self,
                            WaymarkDocument *document,
                            gpointer         card)
{
  g_return_if_fail (WAYMARK_IS_VOTES_ROW (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  if (card != NULL)
    waymark_item_ref (card);
  g_clear_pointer (&self->card, waymark_item_unref);
  self->card = card;
  waymark_votes_row_update (self);
}

static void
vote (WaymarkVotesRow *self,
      int              delta)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  if (!can_edit (self))
    return;
  g_ptr_array_add (cards, self->card);
  if (!waymark_edits_vote (waymark_document_get_history (self->document), cards, delta))
    gtk_widget_error_bell (GTK_WIDGET (self));
  /* The inspector updates the row on the change; this covers a bell. */
  waymark_votes_row_update (self);
}

static void
remove_clicked_cb (WaymarkVotesRow *self)
{
  g_assert (WAYMARK_IS_VOTES_ROW (self));

  vote (self, -1);
}

static void
add_clicked_cb (WaymarkVotesRow *self)
{
  g_assert (WAYMARK_IS_VOTES_ROW (self));

  vote (self, 1);
}

static GtkWidget *
make_button (const char *icon,
             const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  return button;
}

static void
waymark_votes_row_dispose (GObject *object)
{
  WaymarkVotesRow *self = WAYMARK_VOTES_ROW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->card, waymark_item_unref);
  G_OBJECT_CLASS (waymark_votes_row_parent_class)->dispose (object);
}

static void
waymark_votes_row_class_init (WaymarkVotesRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = waymark_votes_row_dispose;
}

static void
waymark_votes_row_init (WaymarkVotesRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Votes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("Dot votes from the room (+ and − on the map)"));

  self->remove_button = make_button ("list-remove-symbolic", _("Remove a Vote"));
  self->add_button = make_button ("list-add-symbolic", _("Add a Vote"));
  gtk_widget_set_name (self->remove_button, "remove-vote");
  gtk_widget_set_name (self->add_button, "add-vote");
  self->count = GTK_LABEL (gtk_label_new ("0"));
  gtk_label_set_width_chars (self->count, 3);
  gtk_widget_add_css_class (GTK_WIDGET (self->count), "numeric");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), self->remove_button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count));
  gtk_box_append (GTK_BOX (box), self->add_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  waymark_votes_row_update (self);
}

GtkWidget *
waymark_votes_row_new (void)
{
  return g_object_new (WAYMARK_TYPE_VOTES_ROW, NULL);
}
