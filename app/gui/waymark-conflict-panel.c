/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-conflict-panel.h"
#include "waymark-edits.h"

struct _WaymarkConflictPanel
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *summary;
  GtkListBox *list;

  WaymarkDocument *document;
  WaymarkJourney *journey;
  gulong journey_notify_id;
  gulong changed_id;
  guint rebuild_source;
  guint n_conflicts;
};

G_DEFINE_FINAL_TYPE (WaymarkConflictPanel, waymark_conflict_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_CONFLICTS,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
side_title (WaymarkConflictSide side)
{
  switch (side)
    {
    case WAYMARK_CONFLICT_BASE:
      /* TRANSLATORS: the value before either side changed it */
      return C_("conflict side", "Before");
    case WAYMARK_CONFLICT_OURS:
      /* TRANSLATORS: the value of the version merged into */
      return C_("conflict side", "Ours");
    case WAYMARK_CONFLICT_THEIRS:
    case WAYMARK_CONFLICT_N_SIDES:
    default:
      /* TRANSLATORS: the value of the version merged in */
      return C_("conflict side", "Theirs");
    }
}

static void
resolve_clicked_cb (GtkButton            *button,
                    WaymarkConflictPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "side"));

  g_assert (WAYMARK_IS_CONFLICT_PANEL (self));

  g_return_if_fail (row != NULL);
  waymark_conflict_panel_resolve (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), side);
}

static GtkWidget *
side_line (WaymarkConflictPanel *self,
           WaymarkConflict      *conflict,
           WaymarkConflictSide   side,
           gboolean              with_button)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *value = waymark_conflict_describe_value (conflict, self->journey, side);
  /* TRANSLATORS: one side's value of a conflict: "Ours: “Call back”" */
  g_autofree char *text = g_strdup_printf (C_("conflict", "%s: %s"), side_title (side), value);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);
  if (side == WAYMARK_CONFLICT_BASE)
    gtk_widget_add_css_class (label, "dim-label");

  if (with_button)
    {
      GtkWidget *button = gtk_button_new_with_label (side == WAYMARK_CONFLICT_OURS ? _("Use Ours")
                                                                                    : _("Use Theirs"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, side == WAYMARK_CONFLICT_OURS ? "conflict-ours" : "conflict-theirs");
      g_object_set_data (G_OBJECT (button), "side", GINT_TO_POINTER (side));
      g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
      gtk_box_append (GTK_BOX (line), button);
    }
  return line;
}

static GtkWidget *
conflict_row (WaymarkConflictPanel *self,
              WaymarkConflict      *conflict)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *what = waymark_conflict_describe (conflict, self->journey);
  GtkWidget *title = gtk_label_new (what);
  GtkWidget *keep;

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  /* The base says what both sides started from; a deleted item has
   * none worth showing. */
  if (conflict->kind == WAYMARK_CONFLICT_FIELD && conflict->values[WAYMARK_CONFLICT_BASE].set)
    gtk_box_append (GTK_BOX (box), side_line (self, conflict, WAYMARK_CONFLICT_BASE, FALSE));
  gtk_box_append (GTK_BOX (box), side_line (self, conflict, WAYMARK_CONFLICT_OURS, TRUE));
  gtk_box_append (GTK_BOX (box), side_line (self, conflict, WAYMARK_CONFLICT_THEIRS, TRUE));

  /* After an edit by hand (in the inspector or on the map) the map's
   * value is the answer. */
  keep = gtk_button_new_with_label (_("Keep Current"));
  gtk_widget_set_tooltip_text (keep, _("Settle it with what the map has now, for example after editing it by hand"));
  gtk_widget_set_halign (keep, GTK_ALIGN_END);
  gtk_widget_add_css_class (keep, "flat");
  gtk_widget_add_css_class (keep, "conflict-keep");
  g_object_set_data (G_OBJECT (keep), "side", GINT_TO_POINTER (WAYMARK_CONFLICT_PANEL_KEEP_CURRENT));
  g_signal_connect (keep, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), keep);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "conflict-row");
  return row;
}

static void
rebuild (WaymarkConflictPanel *self)
{
  GPtrArray *conflicts = self->journey ? waymark_journey_get_conflicts (self->journey) : NULL;
  guint n = conflicts ? conflicts->len : 0;
  g_autofree char *summary = NULL;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, conflict_row (self, g_ptr_array_index (conflicts, i)));

  if (n == 0)
    summary = g_strdup (_("All merge conflicts are resolved. Save to write a clean file."));
  else
    summary = g_strdup_printf (g_dngettext (NULL, "%u merge conflict left: pick a side for it.",
                                            "%u merge conflicts left: pick a side for each.", n), n);
  gtk_label_set_text (self->summary, summary);

  if (n != self->n_conflicts)
    {
      self->n_conflicts = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  WaymarkConflictPanel *self = data;

  g_assert (WAYMARK_IS_CONFLICT_PANEL (self));

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Any edit may rename what a conflict names, so the rows are made anew,
 * once per burst of changes. */
static void
journey_changed_cb (WaymarkJourney       *journey,
                    WaymarkChange        *change,
                    WaymarkConflictPanel *self)
{
  g_assert (WAYMARK_IS_CONFLICT_PANEL (self));

  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
  /* The count is what the banner and the title read: keep it exact. */
  if (change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    {
      guint n = waymark_journey_get_conflicts (journey)->len;

      if (n != self->n_conflicts)
        {
          self->n_conflicts = n;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
        }
    }
}

static void
row_activated_cb (WaymarkConflictPanel *self,
                  GtkListBoxRow        *row,
                  GtkListBox           *list)
{
  GPtrArray *conflicts = waymark_journey_get_conflicts (self->journey);
  int index = gtk_list_box_row_get_index (row);
  WaymarkConflict *conflict;

  g_assert (WAYMARK_IS_CONFLICT_PANEL (self));

  if (index < 0 || (guint) index >= conflicts->len)
    return;
  conflict = g_ptr_array_index (conflicts, index);
  g_signal_emit (self, signals[ITEM_ACTIVATED], 0,
                 conflict->item ? waymark_journey_lookup (self->journey, conflict->item) : NULL);
}

static void
bind_journey (WaymarkConflictPanel *self)
{
  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
  if (self->document != NULL)
    {
      self->journey = g_object_ref (waymark_document_get_journey (self->document));
      self->changed_id = g_signal_connect (self->journey, "changed", G_CALLBACK (journey_changed_cb), self);
    }
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
}

/* ---- Public ---- */

void
waymark_conflict_panel_set_document (WaymarkConflictPanel *self,
                                     WaymarkDocument      *document)
{
  g_return_if_fail (WAYMARK_IS_CONFLICT_PANEL (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->journey_notify_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->journey_notify_id = g_signal_connect_swapped (document, "notify::journey",
                                                        G_CALLBACK (bind_journey), self);
  bind_journey (self);
}

guint
waymark_conflict_panel_get_n_conflicts (WaymarkConflictPanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_CONFLICT_PANEL (self), 0);

  return self->n_conflicts;
}

gboolean
waymark_conflict_panel_resolve (WaymarkConflictPanel *self,
                                guint                 index,
                                int                   side)
{
  GPtrArray *conflicts;
  WaymarkHistory *history;
  WaymarkConflict *conflict;

  g_return_val_if_fail (WAYMARK_IS_CONFLICT_PANEL (self), FALSE);
  g_return_val_if_fail (self->journey != NULL, FALSE);

  conflicts = waymark_journey_get_conflicts (self->journey);
  g_return_val_if_fail (index < conflicts->len, FALSE);
  if (waymark_document_is_read_only (self->document))
    return FALSE;

  conflict = g_ptr_array_index (conflicts, index);
  history = waymark_document_get_history (self->document);
  if (side == WAYMARK_CONFLICT_PANEL_KEEP_CURRENT)
    {
      waymark_edits_keep_conflict (history, conflict);
      return TRUE;
    }
  g_return_val_if_fail (side >= 0 && side < WAYMARK_CONFLICT_N_SIDES, FALSE);
  if (!waymark_edits_resolve_conflict (history, conflict, (WaymarkConflictSide) side))
    {
      g_signal_emit (self, signals[MESSAGE], 0,
                     _("That side’s value does not fit the map as it is now: edit the item by hand, then keep it"));
      return FALSE;
    }
  return TRUE;
}

/* ---- GObject ---- */

static void
waymark_conflict_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WaymarkConflictPanel *self = WAYMARK_CONFLICT_PANEL (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_conflict_panel_dispose (GObject *object)
{
  WaymarkConflictPanel *self = WAYMARK_CONFLICT_PANEL (object);

  waymark_conflict_panel_set_document (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (waymark_conflict_panel_parent_class)->dispose (object);
}

static void
waymark_conflict_panel_class_init (WaymarkConflictPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_conflict_panel_dispose;
  object_class->get_property = waymark_conflict_panel_get_property;

  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__STRING, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "conflictpanel");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_conflict_panel_init (WaymarkConflictPanel *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *heading = gtk_label_new (_("Merge Conflicts"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_box_append (GTK_BOX (self->box), heading);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);

  rebuild (self);
}

GtkWidget *
waymark_conflict_panel_new (void)
{
  return g_object_new (WAYMARK_TYPE_CONFLICT_PANEL, NULL);
}
