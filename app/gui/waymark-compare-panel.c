/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-compare-panel-private.h"
#include "waymark-file.h"

G_DEFINE_FINAL_TYPE (WaymarkComparePanel, waymark_compare_panel, WAYMARK_TYPE_CHANGE_PANEL)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_drawn (WaymarkItemType type)
{
  return type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE ||
         type == WAYMARK_ITEM_PHASE || type == WAYMARK_ITEM_LANE;
}

static void
card_cell (gpointer       card,
           WaymarkPhase **phase,
           WaymarkLane  **lane)
{
  if (waymark_item_get_item_type (card) == WAYMARK_ITEM_NOTE)
    {
      *phase = ((WaymarkNote *) card)->phase;
      *lane = ((WaymarkNote *) card)->lane;
    }
  else
    {
      *phase = ((WaymarkTouchpoint *) card)->phase;
      *lane = ((WaymarkTouchpoint *) card)->lane;
    }
}

/* Marks for what this map added or changed; ghosts for the cards it no
 * longer has, in the cell that matches theirs (when the cell is still
 * there: a card of a removed phase has no place to be drawn). */
static void
collect_marks (WaymarkComparePanel *self)
{
  self->marks = g_hash_table_new_full (NULL, NULL, waymark_item_unref, NULL);
  self->ghosts = g_ptr_array_new_with_free_func (g_free);

  for (WaymarkItemType type = 0; type < WAYMARK_N_ITEM_TYPES; type++)
    {
      if (!is_drawn (type))
        continue;
      for (guint i = 0; i < waymark_diff_get_n_only (self->diff, WAYMARK_DIFF_B, type); i++)
        {
          const WaymarkDiffPlace *place = waymark_diff_get_only (self->diff, WAYMARK_DIFF_B, type, i);

          g_hash_table_insert (self->marks, waymark_item_ref (place->item),
                               GINT_TO_POINTER (WAYMARK_CANVAS_MARK_ADDED));
        }
      for (guint i = 0; i < waymark_diff_get_n_pairs (self->diff, type); i++)
        {
          const WaymarkDiffPair *pair = waymark_diff_get_pair (self->diff, type, i);

          if (pair->edited != 0 || pair->moved || pair->reordered)
            g_hash_table_insert (self->marks, waymark_item_ref (pair->b.item),
                                 GINT_TO_POINTER (WAYMARK_CANVAS_MARK_CHANGED));
        }
      if (type != WAYMARK_ITEM_TOUCHPOINT && type != WAYMARK_ITEM_NOTE)
        continue;
      for (guint i = 0; i < waymark_diff_get_n_only (self->diff, WAYMARK_DIFF_A, type); i++)
        {
          const WaymarkDiffPlace *place = waymark_diff_get_only (self->diff, WAYMARK_DIFF_A, type, i);
          WaymarkPhase *phase;
          WaymarkLane *lane;
          WaymarkCanvasGhost *ghost;

          card_cell (place->item, &phase, &lane);
          ghost = g_new0 (WaymarkCanvasGhost, 1);
          ghost->card = place->item;
          ghost->phase = waymark_diff_get_partner (self->diff, WAYMARK_DIFF_A, phase);
          ghost->lane = waymark_diff_get_partner (self->diff, WAYMARK_DIFF_A, lane);
          if (ghost->phase == NULL || ghost->lane == NULL)
            g_free (ghost);
          else
            g_ptr_array_add (self->ghosts, ghost);
        }
    }
}

/* The item of the document a record is about, to show it. */
static gpointer
record_item (WaymarkComparePanel     *self,
             const WaymarkDiffRecord *record)
{
  gpointer item = NULL;

  if (record->b != NULL)
    item = record->b->item;
  else if (record->a != NULL)
    {
      gpointer card = record->a->item;
      WaymarkPhase *phase;
      WaymarkLane *lane;

      /* A removed card: its cell's phase, where its ghost is. */
      if (record->type == WAYMARK_ITEM_TOUCHPOINT || record->type == WAYMARK_ITEM_NOTE)
        {
          card_cell (card, &phase, &lane);
          item = waymark_diff_get_partner (self->diff, WAYMARK_DIFF_A, phase);
        }
    }
  if (item != NULL && !is_drawn (waymark_item_get_item_type (item)))
    return NULL;
  return item;
}

static GtkWidget *
record_row (WaymarkComparePanel     *self,
            const WaymarkDiffRecord *record)
{
  g_autofree char *text = waymark_diff_record_describe (self->diff, record);
  GtkWidget *row = waymark_change_panel_text_row (waymark_change_panel_row_label (text));
  static const char *const kinds[] = { "added", "removed", "edited", "moved", "reordered" };

  gtk_widget_add_css_class (row, "compare-row");
  gtk_widget_add_css_class (row, kinds[record->kind]);
  return row;
}

static void
clear_results (WaymarkComparePanel *self)
{
  _waymark_compare_panel_clear_plan (self);
  g_clear_pointer (&self->diff, waymark_diff_free);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  g_ptr_array_set_size (self->row_items, 0);
  waymark_change_panel_remove_rows (WAYMARK_CHANGE_PANEL (self));
}

/* A diff does not follow edits: it is made anew once per burst of them
 * (the base panel schedules it). */
static void
waymark_compare_panel_rebuild (WaymarkChangePanel *panel)
{
  WaymarkComparePanel *self = WAYMARK_COMPARE_PANEL (panel);
  WaymarkJourney *journey = waymark_change_panel_get_journey (panel);
  guint n;
  g_autofree char *summary = NULL;
  gboolean by_id;

  clear_results (self);
  if (self->other == NULL || journey == NULL)
    {
      waymark_change_panel_set_summary (panel, NULL);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  /* Two versions of one map match by id alone, as `waymark diff` does. */
  by_id = g_strcmp0 (waymark_journey_get_id (self->other), waymark_journey_get_id (journey)) == 0;
  self->diff_flags = by_id ? WAYMARK_DIFF_BY_ID_ONLY : WAYMARK_DIFF_FLAGS_NONE;
  self->diff = waymark_diff_new (self->other, journey, self->diff_flags);
  collect_marks (self);
  if (self->show_deviations)
    {
      _waymark_compare_panel_rebuild_plan (self);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  n = waymark_diff_get_n_records (self->diff);
  for (guint i = 0; i < n && i < WAYMARK_COMPARE_MAX_ROWS; i++)
    {
      const WaymarkDiffRecord *record = waymark_diff_get_record (self->diff, i);

      waymark_change_panel_append_row (panel, record_row (self, record));
      g_ptr_array_add (self->row_items, record_item (self, record));
    }
  if (n == 0)
    summary = g_strdup (_("The maps mean the same."));
  else if (n > WAYMARK_COMPARE_MAX_ROWS)
    summary = g_strdup_printf (g_dngettext (NULL, "%u change; the first %u are listed.",
                                            "%u changes; the first %u are listed.", n),
                               n, WAYMARK_COMPARE_MAX_ROWS);
  else
    summary = g_strdup_printf (g_dngettext (NULL, "%u change.", "%u changes.", n), n);
  waymark_change_panel_set_summary (panel, summary);
  g_signal_emit (self, signals[UPDATED], 0);
}

static gpointer
waymark_compare_panel_row_item (WaymarkChangePanel *panel,
                                guint               index)
{
  WaymarkComparePanel *self = WAYMARK_COMPARE_PANEL (panel);

  return index < self->row_items->len ? g_ptr_array_index (self->row_items, index) : NULL;
}

/* A save (or a reload) makes the file the document's contents: the saved
 * version to compare with is that one now. */
static void
modified_cb (WaymarkComparePanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkJourney) saved = NULL;
  GFile *file;

  g_assert (WAYMARK_IS_COMPARE_PANEL (self));

  if (!self->follows_saved || waymark_document_is_modified (self->watched))
    return;
  file = waymark_document_get_file (self->watched);
  saved = file ? waymark_file_load (file, NULL, NULL, &error) : NULL;
  /* Unreadable now (moved away, …): keep comparing with what was read. */
  if (saved == NULL)
    return;
  g_set_object (&self->other, saved);
  g_clear_object (&self->other_layout);
  self->other_layout = waymark_layout_new (saved, NULL);
  waymark_change_panel_rebuild (WAYMARK_CHANGE_PANEL (self));
}

static void
unwatch_document (WaymarkComparePanel *self)
{
  if (self->watched != NULL)
    g_clear_signal_handler (&self->modified_notify_id, self->watched);
  g_clear_object (&self->watched);
}

/* Another document: what it is compared with is for it to choose. */
static void
document_notify_cb (WaymarkComparePanel *self)
{
  WaymarkDocument *document;

  g_assert (WAYMARK_IS_COMPARE_PANEL (self));

  document = waymark_change_panel_get_document (WAYMARK_CHANGE_PANEL (self));
  unwatch_document (self);
  if (document != NULL)
    {
      self->watched = g_object_ref (document);
      self->modified_notify_id = g_signal_connect_swapped (document, "notify::modified",
                                                           G_CALLBACK (modified_cb), self);
    }
  self->follows_saved = FALSE;
  g_clear_object (&self->other);
  g_clear_object (&self->other_layout);
}

/* ---- Public ---- */

void
waymark_compare_panel_set_other (WaymarkComparePanel *self,
                                 WaymarkJourney      *other,
                                 const char          *name)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PANEL (self));

  g_set_object (&self->other, other);
  self->follows_saved = FALSE;
  g_clear_object (&self->other_layout);
  g_free (self->other_name);
  self->other_name = g_strdup (name);
  if (other != NULL)
    self->other_layout = waymark_layout_new (other, NULL);
  _waymark_compare_panel_update_subtitle (self);
  waymark_change_panel_rebuild (WAYMARK_CHANGE_PANEL (self));
}

void
_waymark_compare_panel_update_subtitle (WaymarkComparePanel *self)
{
  g_autofree char *subtitle = NULL;

  if (self->other == NULL)
    subtitle = NULL;
  else if (!self->show_deviations)
    /* TRANSLATORS: what the map is compared with: "With “shop.journey”" */
    subtitle = g_strdup_printf (_("With %s"), self->other_name);
  else if (self->document_intended)
    /* TRANSLATORS: "As is: “shop.journey” · intended: this map" */
    subtitle = g_strdup_printf (_("As is: %s · intended: this map"), self->other_name);
  else
    /* TRANSLATORS: "Intended: “shop.journey” · as is: this map" */
    subtitle = g_strdup_printf (_("Intended: %s · as is: this map"), self->other_name);
  waymark_change_panel_set_subtitle (WAYMARK_CHANGE_PANEL (self), subtitle);
}

gboolean
waymark_compare_panel_compare_with_file (WaymarkComparePanel  *self,
                                         GFile                *file,
                                         const char           *name,
                                         GError              **error)
{
  g_autoptr(WaymarkJourney) other = NULL;

  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), FALSE);

  other = waymark_file_load (file, NULL, NULL, error);
  if (other == NULL)
    return FALSE;
  waymark_compare_panel_set_other (self, other, name);
  return TRUE;
}

gboolean
waymark_compare_panel_compare_with_saved (WaymarkComparePanel  *self,
                                          GError              **error)
{
  GFile *file;

  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), FALSE);
  g_return_val_if_fail (self->watched != NULL, FALSE);

  file = waymark_document_get_file (self->watched);
  g_return_val_if_fail (file != NULL, FALSE);
  if (!waymark_compare_panel_compare_with_file (self, file, _("the saved version"), error))
    return FALSE;
  self->follows_saved = TRUE;
  return TRUE;
}

void
waymark_compare_panel_clear (WaymarkComparePanel *self)
{
  g_return_if_fail (WAYMARK_IS_COMPARE_PANEL (self));

  waymark_compare_panel_set_other (self, NULL, NULL);
}

gboolean
waymark_compare_panel_is_comparing (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), FALSE);

  return self->other != NULL;
}

WaymarkDiff *
waymark_compare_panel_get_diff (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return self->diff;
}

guint
waymark_compare_panel_get_n_changes (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), 0);

  return self->diff ? waymark_diff_get_n_records (self->diff) : 0;
}

GHashTable *
waymark_compare_panel_get_marks (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return self->marks;
}

GPtrArray *
waymark_compare_panel_get_ghosts (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return self->ghosts;
}

WaymarkLayout *
waymark_compare_panel_get_other_layout (WaymarkComparePanel *self)
{
  g_return_val_if_fail (WAYMARK_IS_COMPARE_PANEL (self), NULL);

  return self->other_layout;
}

/* ---- GObject ---- */

static void
waymark_compare_panel_dispose (GObject *object)
{
  WaymarkComparePanel *self = WAYMARK_COMPARE_PANEL (object);

  unwatch_document (self);
  _waymark_compare_panel_clear_plan (self);
  g_clear_pointer (&self->diff, waymark_diff_free);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->ghosts, g_ptr_array_unref);
  g_ptr_array_set_size (self->row_items, 0);
  g_clear_object (&self->other);
  g_clear_object (&self->other_layout);
  G_OBJECT_CLASS (waymark_compare_panel_parent_class)->dispose (object);
}

static void
waymark_compare_panel_finalize (GObject *object)
{
  WaymarkComparePanel *self = WAYMARK_COMPARE_PANEL (object);

  g_free (self->other_name);
  g_ptr_array_unref (self->row_items);
  G_OBJECT_CLASS (waymark_compare_panel_parent_class)->finalize (object);
}

static void
waymark_compare_panel_class_init (WaymarkComparePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  WaymarkChangePanelClass *panel_class = WAYMARK_CHANGE_PANEL_CLASS (klass);

  object_class->dispose = waymark_compare_panel_dispose;
  object_class->finalize = waymark_compare_panel_finalize;
  panel_class->rebuild = waymark_compare_panel_rebuild;
  panel_class->row_item = waymark_compare_panel_row_item;

  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "comparepanel");
}

static GtkWidget *
legend_entry (const char *css_class,
              const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (swatch, "compare-swatch");
  gtk_widget_add_css_class (swatch, css_class);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
waymark_compare_panel_init (WaymarkComparePanel *self)
{
  WaymarkChangePanel *panel = WAYMARK_CHANGE_PANEL (self);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->row_items = g_ptr_array_new ();
  waymark_change_panel_set_heading (panel, _("Comparison"));
  waymark_change_panel_add_close_button (panel, _("Close the Comparison"));

  /* What the marks on the map mean. */
  gtk_box_append (GTK_BOX (legend), legend_entry ("added", C_("compare", "Added")));
  gtk_box_append (GTK_BOX (legend), legend_entry ("changed", C_("compare", "Changed")));
  gtk_box_append (GTK_BOX (legend), legend_entry ("removed", C_("compare", "Removed")));
  self->changes_legend = legend;
  _waymark_compare_panel_add_plan_controls (self, GTK_BOX (header));
  gtk_box_append (GTK_BOX (header), legend);
  gtk_widget_set_margin_end (header, 12);
  waymark_change_panel_set_legend (panel, header);

  g_signal_connect_swapped (self, "notify::document", G_CALLBACK (document_notify_cb), self);
}

GtkWidget *
waymark_compare_panel_new (void)
{
  return g_object_new (WAYMARK_TYPE_COMPARE_PANEL, NULL);
}
