/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-conflict-panel.h"
#include "waymark-edits.h"

struct _WaymarkConflictPanel
{
  WaymarkChangePanel parent_instance;

  guint n_conflicts;
};

G_DEFINE_FINAL_TYPE (WaymarkConflictPanel, waymark_conflict_panel, WAYMARK_TYPE_CHANGE_PANEL)

enum {
  PROP_0,
  PROP_N_CONFLICTS,
  N_PROPS
};

enum {
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
  WaymarkJourney *journey = waymark_change_panel_get_journey (WAYMARK_CHANGE_PANEL (self));
  g_autofree char *value = waymark_conflict_describe_value (conflict, journey, side);
  /* TRANSLATORS: one side's value of a conflict: "Ours: “Call back”" */
  g_autofree char *text = g_strdup_printf (C_("conflict", "%s: %s"), side_title (side), value);
  GtkWidget *label = waymark_change_panel_row_label (text);

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
  WaymarkJourney *journey = waymark_change_panel_get_journey (WAYMARK_CHANGE_PANEL (self));
  g_autofree char *what = waymark_conflict_describe (conflict, journey);
  GtkWidget *title = waymark_change_panel_row_label (what);
  GtkWidget *keep;

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
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
set_n_conflicts (WaymarkConflictPanel *self,
                 guint                 n)
{
  if (n == self->n_conflicts)
    return;
  self->n_conflicts = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

static void
waymark_conflict_panel_rebuild (WaymarkChangePanel *panel)
{
  WaymarkConflictPanel *self = WAYMARK_CONFLICT_PANEL (panel);
  WaymarkJourney *journey = waymark_change_panel_get_journey (panel);
  GPtrArray *conflicts = journey ? waymark_journey_get_conflicts (journey) : NULL;
  guint n = conflicts ? conflicts->len : 0;
  g_autofree char *summary = NULL;

  waymark_change_panel_remove_rows (panel);
  for (guint i = 0; i < n; i++)
    waymark_change_panel_append_row (panel, conflict_row (self, g_ptr_array_index (conflicts, i)));

  if (n == 0)
    summary = g_strdup (_("All merge conflicts are resolved. Save to write a clean file."));
  else
    summary = g_strdup_printf (g_dngettext (NULL, "%u merge conflict left: pick a side for it.",
                                            "%u merge conflicts left: pick a side for each.", n), n);
  waymark_change_panel_set_summary (panel, summary);
  set_n_conflicts (self, n);
}

/* The count is what the banner and the title read: it is kept exact at
 * once, while the rows wait for the end of the burst of changes. */
static void
waymark_conflict_panel_journey_changed (WaymarkChangePanel *panel,
                                        WaymarkChange      *change)
{
  WaymarkJourney *journey = waymark_change_panel_get_journey (panel);

  if (change->kind == WAYMARK_CHANGE_PROPERTIES || change->kind == WAYMARK_CHANGE_RELOADED)
    set_n_conflicts (WAYMARK_CONFLICT_PANEL (panel), waymark_journey_get_conflicts (journey)->len);
}

static gpointer
waymark_conflict_panel_row_item (WaymarkChangePanel *panel,
                                 guint               index)
{
  WaymarkJourney *journey = waymark_change_panel_get_journey (panel);
  GPtrArray *conflicts = journey ? waymark_journey_get_conflicts (journey) : NULL;
  WaymarkConflict *conflict;

  if (conflicts == NULL || index >= conflicts->len)
    return NULL;
  conflict = g_ptr_array_index (conflicts, index);
  return conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
}

/* ---- Public ---- */

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
  WaymarkDocument *document;
  GPtrArray *conflicts;
  WaymarkHistory *history;
  WaymarkConflict *conflict;

  g_return_val_if_fail (WAYMARK_IS_CONFLICT_PANEL (self), FALSE);
  document = waymark_change_panel_get_document (WAYMARK_CHANGE_PANEL (self));
  g_return_val_if_fail (document != NULL, FALSE);

  conflicts = waymark_journey_get_conflicts (waymark_document_get_journey (document));
  g_return_val_if_fail (index < conflicts->len, FALSE);
  if (waymark_document_is_read_only (document))
    return FALSE;

  conflict = g_ptr_array_index (conflicts, index);
  history = waymark_document_get_history (document);
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
waymark_conflict_panel_class_init (WaymarkConflictPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WaymarkChangePanelClass *panel_class = WAYMARK_CHANGE_PANEL_CLASS (klass);

  panel_class->rebuild = waymark_conflict_panel_rebuild;
  panel_class->row_item = waymark_conflict_panel_row_item;
  panel_class->journey_changed = waymark_conflict_panel_journey_changed;
  object_class->get_property = waymark_conflict_panel_get_property;

  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  g_cclosure_marshal_VOID__STRING, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "conflictpanel");
}

static void
waymark_conflict_panel_init (WaymarkConflictPanel *self)
{
  waymark_change_panel_set_heading (WAYMARK_CHANGE_PANEL (self), _("Merge Conflicts"));
  waymark_change_panel_rebuild (WAYMARK_CHANGE_PANEL (self));
}

GtkWidget *
waymark_conflict_panel_new (void)
{
  return g_object_new (WAYMARK_TYPE_CONFLICT_PANEL, NULL);
}
