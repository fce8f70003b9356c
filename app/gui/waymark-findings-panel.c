/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-finding-object.h"
#include "waymark-findings-panel.h"
#include "waymark-severity-glyph.h"
#include "waymark-preferences.h"

/* More changes than this share of the list at once (the first run, new
 * thresholds, a reload): the list is built again in one go rather than
 * row by row. */
#define REBUILD_SHARE 4

struct _WaymarkFindingsPanel
{
  GtkWidget parent_instance;

  GtkWidget *content;   /* the stack over the dismissed bar */
  GtkStack *stack;
  GtkWidget *dismissed_bar;
  GtkLabel *dismissed_label;
  GtkListView *list_view;
  GListStore *store;
  GtkSingleSelection *selection;

  WaymarkDocument *document;
  gulong journey_notify_id;
  WaymarkJourney *journey;
  gulong journey_changed_id;
  WaymarkChecker *checker;
  gulong checker_changed_id;
  /* finding → its WaymarkFindingObject in the store (borrowed) */
  GHashTable *objects;
  guint update_source;
  /* The Preferences' thresholds (NULL without the schema: the defaults). */
  GSettings *settings;
  /* The list is being changed by the panel, not by the user. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (WaymarkFindingsPanel, waymark_findings_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  SIGNAL_ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Rows ---- */

static GtkWidget *
new_text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped to the panel's width, not laid out on one long line. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Dismisses the row's finding for its item, in the file and as one undo
 * step: the checker then drops it like any other change. */
static void
dismiss_clicked_cb (GtkButton   *button,
                    GtkListItem *list_item)
{
  WaymarkFindingsPanel *self = g_object_get_data (G_OBJECT (button), "panel");
  WaymarkFindingObject *object = gtk_list_item_get_item (list_item);
  gpointer item;
  gpointer edited;

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  if (object == NULL || self->document == NULL || waymark_document_is_read_only (self->document))
    return;
  item = waymark_finding_object_get_item (object);
  edited = waymark_item_copy (item);
  waymark_item_set_dismissed (edited, waymark_finding_object_get_rule_id (object), TRUE);
  waymark_edits_update (waymark_document_get_history (self->document), item, edited, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              WaymarkFindingsPanel     *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* The marker's shape, as on the map and the findings button; the
   * severity line below says it in words. */
  GtkWidget *icon = gtk_label_new (NULL);
  GtkWidget *message = new_text_label ("finding-message");
  GtkWidget *severity = new_text_label ("caption");
  GtkWidget *why = new_text_label ("dim-label");
  GtkWidget *suggestion = new_text_label ("finding-suggestion");
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  gtk_widget_add_css_class (row, "finding-row");
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (severity, "dim-label");
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), message);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_add_css_class (dismiss, "circular");
  gtk_widget_add_css_class (dismiss, "finding-dismiss");
  gtk_widget_set_valign (dismiss, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss this finding for this item (kept in the file)"));
  g_object_set_data (G_OBJECT (dismiss), "panel", self);
  g_signal_connect (dismiss, "clicked", G_CALLBACK (dismiss_clicked_cb), list_item);
  gtk_box_append (GTK_BOX (top), dismiss);
  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), severity);
  gtk_box_append (GTK_BOX (row), why);
  gtk_box_append (GTK_BOX (row), suggestion);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "message", message);
  g_object_set_data (G_OBJECT (row), "severity", severity);
  g_object_set_data (G_OBJECT (row), "why", why);
  g_object_set_data (G_OBJECT (row), "suggestion", suggestion);
  g_object_set_data (G_OBJECT (row), "dismiss", dismiss);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             WaymarkFindingsPanel     *self)
{
  WaymarkFindingObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  WaymarkSeverity severity = waymark_finding_object_get_severity (object);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  g_autofree char *severity_text = NULL;
  g_autofree char *suggestion_text = NULL;
  g_autofree char *dismiss_name = NULL;

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  gtk_label_set_markup (GTK_LABEL (icon), waymark_severity_glyph_markup (severity));
  /* TRANSLATORS: under a finding in the findings panel; %s is "high",
   * "medium" or "low". */
  severity_text = g_strdup_printf (C_("finding", "Severity: %s"), waymark_severity_label (severity));
  /* TRANSLATORS: the last line of a finding in the findings panel. */
  suggestion_text = g_strdup_printf (C_("finding", "Suggestion: %s"),
                                     waymark_finding_object_get_suggestion (object));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "message"),
                      waymark_finding_object_get_message (object));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "severity"), severity_text);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "why"),
                      waymark_finding_object_get_why (object));
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "suggestion"), suggestion_text);
  /* Each button named by its finding: a screen reader's list of buttons
   * would otherwise read "Dismiss" a hundred times. */
  /* TRANSLATORS: the accessible name of a finding's dismiss button;
   * %s is the finding's message. */
  dismiss_name = g_strdup_printf (_("Dismiss: %s"), waymark_finding_object_get_message (object));
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (row), "dismiss")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dismiss_name,
                                  -1);
  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "dismiss"),
                            self->document != NULL && !waymark_document_is_read_only (self->document));
}

/* ---- The list ---- */

static int
compare_objects (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  WaymarkChecker *checker = user_data;

  return waymark_checker_compare (checker,
                                  waymark_finding_object_get_finding ((WaymarkFindingObject *) a),
                                  waymark_finding_object_get_finding ((WaymarkFindingObject *) b));
}

/* How many findings the map has dismissed, below the list, with the
 * button that shows them again: a dismissal saved and reopened is no
 * longer in the undo history. */
static void
update_dismissed_bar (WaymarkFindingsPanel *self)
{
  guint n = self->journey != NULL ? waymark_edits_count_dismissed (self->journey) : 0;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->dismissed_bar,
                          n > 0 && self->document != NULL && !waymark_document_is_read_only (self->document));
  if (n == 0)
    return;
  text = g_strdup_printf (ngettext ("%u finding dismissed", "%u findings dismissed", n), n);
  gtk_label_set_text (self->dismissed_label, text);
}

static void
show_empty_or_list (WaymarkFindingsPanel *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  update_dismissed_bar (self);
}

static void
show_dismissed_clicked_cb (WaymarkFindingsPanel *self)
{
  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  if (self->document == NULL || waymark_document_is_read_only (self->document))
    return;
  waymark_edits_restore_dismissed (waymark_document_get_history (self->document));
}

static void
rebuild (WaymarkFindingsPanel *self)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_remove_all (self->objects);
  if (self->checker != NULL)
    {
      g_autoptr(GPtrArray) findings = waymark_checker_list (self->checker);

      for (guint i = 0; i < findings->len; i++)
        {
          WaymarkFindingObject *object = waymark_finding_object_new (findings->pdata[i]);

          g_ptr_array_add (objects, object);
          g_hash_table_insert (self->objects, findings->pdata[i], object);
        }
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       objects->pdata, objects->len);
}

static void
checker_changed_cb (WaymarkChecker       *checker,
                    GPtrArray            *removed,
                    GPtrArray            *added,
                    WaymarkFindingsPanel *self)
{
  guint n;

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  self->updating = TRUE;
  if ((removed->len + added->len) * REBUILD_SHARE > n)
    {
      rebuild (self);
    }
  else
    {
      for (guint i = 0; i < removed->len; i++)
        {
          WaymarkFindingObject *object = g_hash_table_lookup (self->objects, removed->pdata[i]);
          guint position;

          if (object != NULL && g_list_store_find (self->store, object, &position))
            g_list_store_remove (self->store, position);
          g_hash_table_remove (self->objects, removed->pdata[i]);
        }
      for (guint i = 0; i < added->len; i++)
        {
          g_autoptr(WaymarkFindingObject) object = waymark_finding_object_new (added->pdata[i]);

          g_hash_table_insert (self->objects, added->pdata[i], object);
          g_list_store_insert_sorted (self->store, object, compare_objects, checker);
        }
    }
  self->updating = FALSE;
  show_empty_or_list (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
row_activated_cb (GtkListView          *list_view,
                  guint                 position,
                  WaymarkFindingsPanel *self)
{
  g_autoptr(WaymarkFindingObject) object = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  if (object != NULL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, waymark_finding_object_get_item (object));
}

static void
selection_changed_cb (GtkSelectionModel    *model,
                      guint                 position,
                      guint                 n_items,
                      WaymarkFindingsPanel *self)
{
  WaymarkFindingObject *object;

  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  if (self->updating)
    return;
  object = gtk_single_selection_get_selected_item (self->selection);
  if (object != NULL)
    g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, waymark_finding_object_get_item (object));
}

/* ---- Following the journey ---- */

static gboolean
update_idle (gpointer user_data)
{
  WaymarkFindingsPanel *self = user_data;

  self->update_source = 0;
  waymark_findings_panel_update (self);
  return G_SOURCE_REMOVE;
}

static void
journey_changed_cb (WaymarkFindingsPanel *self)
{
  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  /* Before the frame clock lays out and paints (GDK_PRIORITY_REDRAW), so
   * the frame that shows an edit shows its findings too; several changes
   * of one command share the run. */
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, update_idle, self, NULL);
}

static void
apply_settings (WaymarkFindingsPanel *self)
{
  WaymarkRuleSettings rule_settings;

  if (self->checker == NULL)
    return;
  waymark_preferences_rule_settings (self->settings, &rule_settings);
  waymark_checker_set_settings (self->checker, &rule_settings);
}

static void
settings_changed_cb (WaymarkFindingsPanel *self)
{
  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  apply_settings (self);
  journey_changed_cb (self);
}

static void
set_journey (WaymarkFindingsPanel *self,
             WaymarkJourney       *journey)
{
  if (self->journey == journey && (journey == NULL || self->checker != NULL))
    return;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_signal_handler (&self->journey_changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_signal_handler (&self->checker_changed_id, self->checker);
  g_clear_object (&self->checker);

  if (journey != NULL)
    {
      self->journey = g_object_ref (journey);
      self->checker = waymark_checker_new (journey);
      self->checker_changed_id = g_signal_connect (self->checker, "changed",
                                                   G_CALLBACK (checker_changed_cb), self);
      self->journey_changed_id = g_signal_connect_swapped (journey, "changed",
                                                           G_CALLBACK (journey_changed_cb), self);
      apply_settings (self);
      waymark_checker_update (self->checker);
    }
  self->updating = TRUE;
  rebuild (self);
  self->updating = FALSE;
  show_empty_or_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
document_journey_cb (WaymarkFindingsPanel *self)
{
  g_assert (WAYMARK_IS_FINDINGS_PANEL (self));

  set_journey (self, self->document != NULL ? waymark_document_get_journey (self->document) : NULL);
}

/* ---- The widget ---- */

static void
waymark_findings_panel_dispose (GObject *object)
{
  WaymarkFindingsPanel *self = WAYMARK_FINDINGS_PANEL (object);

  /* Quietly: whoever listens may be going away too. */
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_signal_handler (&self->journey_notify_id, self->document);
  g_clear_object (&self->document);
  g_clear_signal_handler (&self->journey_changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_signal_handler (&self->checker_changed_id, self->checker);
  g_clear_object (&self->checker);
  g_clear_object (&self->settings);
  if (self->content != NULL)
    {
      self->stack = NULL;
      gtk_widget_unparent (g_steal_pointer (&self->content));
    }
  G_OBJECT_CLASS (waymark_findings_panel_parent_class)->dispose (object);
}

static void
waymark_findings_panel_finalize (GObject *object)
{
  WaymarkFindingsPanel *self = WAYMARK_FINDINGS_PANEL (object);

  g_hash_table_unref (self->objects);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (waymark_findings_panel_parent_class)->finalize (object);
}

static void
waymark_findings_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  WaymarkFindingsPanel *self = WAYMARK_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_findings_panel_class_init (WaymarkFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_findings_panel_dispose;
  object_class->finalize = waymark_findings_panel_finalize;
  object_class->get_property = waymark_findings_panel_get_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL,
                         WAYMARK_TYPE_CHECKER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findings-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
waymark_findings_panel_init (WaymarkFindingsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_label_new (_("Findings"));
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *show_dismissed = gtk_button_new_with_mnemonic (_("_Show Again"));
  /* The count above its button: side by side, German words do not fit
   * the panel's width. */
  GtkWidget *dismissed_row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->objects = g_hash_table_new (NULL, NULL);
  self->store = g_list_store_new (WAYMARK_TYPE_FINDING_OBJECT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  /* Return (or a double click) shows the selected finding's item again. */
  g_signal_connect (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"),
                                  -1);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (list_page), heading);
  gtk_box_append (GTK_BOX (list_page), scroller);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Findings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The checks found no weak spots in this map."));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, list_page, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  self->dismissed_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->dismissed_label, 0);
  /* Ellipsized, not wrapped: a wrapping label asks for more width than
   * it then reports as natural, and the panel's side pane warns. */
  gtk_label_set_ellipsize (self->dismissed_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->dismissed_label), "dim-label");
  gtk_widget_set_name (show_dismissed, "show-dismissed-button");
  gtk_widget_set_tooltip_text (show_dismissed, _("Report the dismissed findings again (one undo step)"));
  gtk_widget_set_halign (show_dismissed, GTK_ALIGN_END);
  g_signal_connect_swapped (show_dismissed, "clicked", G_CALLBACK (show_dismissed_clicked_cb), self);
  gtk_widget_set_margin_start (dismissed_row, 12);
  gtk_widget_set_margin_end (dismissed_row, 12);
  gtk_widget_set_margin_top (dismissed_row, 6);
  gtk_widget_set_margin_bottom (dismissed_row, 6);
  gtk_box_append (GTK_BOX (dismissed_row), GTK_WIDGET (self->dismissed_label));
  gtk_box_append (GTK_BOX (dismissed_row), show_dismissed);
  self->dismissed_bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->dismissed_bar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->dismissed_bar), dismissed_row);
  gtk_widget_set_visible (self->dismissed_bar, FALSE);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (self->content), self->dismissed_bar);
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, -1);

  self->settings = waymark_preferences_get_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
waymark_findings_panel_new (void)
{
  return g_object_new (WAYMARK_TYPE_FINDINGS_PANEL, NULL);
}

void
waymark_findings_panel_set_document (WaymarkFindingsPanel *self,
                                     WaymarkDocument      *document)
{
  g_return_if_fail (WAYMARK_IS_FINDINGS_PANEL (self));

  if (self->document == document)
    return;
  g_clear_signal_handler (&self->journey_notify_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->journey_notify_id = g_signal_connect_swapped (document, "notify::journey",
                                                        G_CALLBACK (document_journey_cb), self);
  document_journey_cb (self);
}

WaymarkChecker *
waymark_findings_panel_get_checker (WaymarkFindingsPanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDINGS_PANEL (self), NULL);
  return self->checker;
}

void
waymark_findings_panel_update (WaymarkFindingsPanel *self)
{
  g_return_if_fail (WAYMARK_IS_FINDINGS_PANEL (self));

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->checker != NULL)
    waymark_checker_update (self->checker);
}

GListModel *
waymark_findings_panel_get_model (WaymarkFindingsPanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_FINDINGS_PANEL (self), NULL);
  return G_LIST_MODEL (self->store);
}

void
waymark_findings_panel_activate (WaymarkFindingsPanel *self,
                                 guint                 position)
{
  g_return_if_fail (WAYMARK_IS_FINDINGS_PANEL (self));
  gtk_single_selection_set_selected (self->selection, position);
}
