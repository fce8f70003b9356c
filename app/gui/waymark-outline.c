/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-outline-private.h"
#include "waymark-outline-row.h"
#include "waymark-outline-text.h"
#include "waymark-describe.h"
#include "waymark-votes.h"

struct _WaymarkOutline
{
  GtkWidget parent_instance;

  GtkWidget *box;           /* the sort bar above the scroller */
  GtkToggleButton *sort_button;
  GtkListBox *list;
  gboolean sort_by_votes;

  WaymarkDocument *document;
  WaymarkJourney *journey;
  WaymarkHistory *history;
  gulong journey_notify_id;
  gulong read_only_id;
  gulong changed_id;

  GHashTable *rows;         /* item → its WaymarkOutlineRow (the list owns the rows) */
  gpointer selected;        /* a reference: survives a rebuild of the rows */
  guint rebuild_source;
  gboolean dirty;
  gboolean selecting;       /* selecting a row ourselves: not the user's choice */

  WaymarkHighlight *highlight;  /* nullable: the cards that stand out; the rest dims */
  WaymarkChecker *checker;      /* the findings a finding criterion reads */
  gulong checker_changed_id;
};

G_DEFINE_FINAL_TYPE (WaymarkOutline, waymark_outline, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_listed (gconstpointer item)
{
  return item != NULL && (waymark_describe_is_card (item) || waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE);
}

static WaymarkPhase *
card_phase (gconstpointer card)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;

  waymark_describe_card_cell (card, &phase, &lane);
  return phase;
}

static WaymarkLane *
card_lane (gconstpointer card)
{
  WaymarkPhase *phase;
  WaymarkLane *lane;

  waymark_describe_card_cell (card, &phase, &lane);
  return lane;
}

gboolean
_waymark_outline_is_editable (WaymarkOutline *self)
{
  return self->document != NULL && !waymark_document_is_read_only (self->document);
}

/* ---- Building the rows ----
 *
 * Cards are grouped in one pass over the journey (not a cell query per
 * phase and lane), so that the outline of a large map builds in linear
 * time.  A structural change rebuilds the rows; an edited card only
 * updates its own row, so typing in the inspector never rebuilds. */

static void
select_row_quietly (WaymarkOutline *self,
                    GtkWidget      *row)
{
  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;
}

/* A card the highlight leaves out is dimmed, as on the map. */
static void
dim_row (WaymarkOutline *self,
         GtkWidget      *row,
         gpointer        item)
{
  gboolean dim = self->highlight != NULL && waymark_describe_is_card (item) &&
                 !waymark_highlight_matches (self->highlight, self->checker, item);

  if (dim)
    gtk_widget_add_css_class (row, "highlight-dimmed");
  else
    gtk_widget_remove_css_class (row, "highlight-dimmed");
}

static void
dim_rows (WaymarkOutline *self)
{
  GHashTableIter iter;
  gpointer item, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &item, &row))
    dim_row (self, row, item);
}

static void
add_row (WaymarkOutline *self,
         gpointer        item,
         gboolean        editable)
{
  GtkWidget *row = waymark_outline_row_new (item);

  waymark_outline_row_set_editable (WAYMARK_OUTLINE_ROW (row), editable);
  dim_row (self, row, item);
  gtk_list_box_append (self->list, row);
  g_hash_table_insert (self->rows, item, row);
}

/* Most votes first; equal counts keep the map's order (the index each
 * card had in the list before sorting, kept in a hash table). */
static int
compare_votes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gconstpointer ca = *(gconstpointer *) a;
  gconstpointer cb = *(gconstpointer *) b;
  guint va = waymark_votes_get (ca), vb = waymark_votes_get (cb);
  guint ia, ib;

  if (va != vb)
    return va > vb ? -1 : 1;
  ia = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, ca));
  ib = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, cb));
  return ia < ib ? -1 : ia > ib;
}

static void
add_ranked_rows (WaymarkOutline *self,
                 GPtrArray      *ranked,
                 gboolean        editable)
{
  g_autoptr(GHashTable) order = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ranked->len; i++)
    g_hash_table_insert (order, g_ptr_array_index (ranked, i), GUINT_TO_POINTER (i));
  g_ptr_array_sort_with_data (ranked, compare_votes, order);
  for (guint i = 0; i < ranked->len; i++)
    add_row (self, g_ptr_array_index (ranked, i), editable);
}

static void
rebuild (WaymarkOutline *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gpointer focus_item = NULL;
  int focus_index = -1;
  gboolean editable = _waymark_outline_is_editable (self);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->dirty = FALSE;

  /* Where the keyboard was, to put it back on the same card, or where
   * that card was when it is gone. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, WAYMARK_TYPE_OUTLINE_ROW);

      if (row != NULL)
        {
          focus_item = waymark_item_ref (waymark_outline_row_get_item (WAYMARK_OUTLINE_ROW (row)));
          focus_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
        }
    }

  self->selecting = TRUE;
  g_hash_table_remove_all (self->rows);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL;)
    gtk_list_box_remove (self->list, child);
  self->selecting = FALSE;

  if (self->journey != NULL)
    {
      GPtrArray *phases = waymark_journey_get_items (self->journey, WAYMARK_ITEM_PHASE);
      GPtrArray *lanes = waymark_journey_get_items (self->journey, WAYMARK_ITEM_LANE);
      guint n_cells = phases->len * lanes->len;
      g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
      g_autoptr(GHashTable) phase_index = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) lane_index = g_hash_table_new (NULL, NULL);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_full (n_cells, (GDestroyNotify) g_ptr_array_unref);

      for (guint i = 0; i < phases->len; i++)
        g_hash_table_insert (phase_index, g_ptr_array_index (phases, i), GUINT_TO_POINTER (i + 1));
      for (guint i = 0; i < lanes->len; i++)
        g_hash_table_insert (lane_index, g_ptr_array_index (lanes, i), GUINT_TO_POINTER (i + 1));
      for (guint i = 0; i < n_cells; i++)
        g_ptr_array_add (cells, g_ptr_array_new ());

      /* The journey's card order is the order within each cell. */
      for (int type = WAYMARK_ITEM_TOUCHPOINT; type <= WAYMARK_ITEM_NOTE; type++)
        {
          GPtrArray *cards = waymark_journey_get_items (self->journey, type);

          for (guint i = 0; i < cards->len; i++)
            {
              gpointer card = g_ptr_array_index (cards, i);
              guint p = GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, card_phase (card)));
              guint l = GPOINTER_TO_UINT (g_hash_table_lookup (lane_index, card_lane (card)));

              if (p > 0 && l > 0)
                g_ptr_array_add (g_ptr_array_index (cells, (p - 1) * lanes->len + (l - 1)), card);
            }
        }

      for (guint p = 0; p < phases->len; p++)
        {
          WaymarkPhase *phase = g_ptr_array_index (phases, p);
          guint n_touchpoints = 0, n_notes = 0;
          GtkWidget *phase_row;

          if (!self->sort_by_votes)
            add_row (self, phase, editable);
          phase_row = g_hash_table_lookup (self->rows, phase);
          for (guint l = 0; l < lanes->len; l++)
            {
              WaymarkLane *lane = g_ptr_array_index (lanes, l);
              GPtrArray *cell = g_ptr_array_index (cells, p * lanes->len + l);

              /* Computed lanes (emotion curve, KPIs) hold no cards of their own. */
              if (!waymark_lane_kind_holds_cards (lane->kind))
                continue;
              for (guint c = 0; c < cell->len; c++)
                {
                  gpointer card = g_ptr_array_index (cell, c);

                  if (self->sort_by_votes)
                    g_ptr_array_add (ranked, card);
                  else
                    add_row (self, card, editable);
                  if (waymark_item_get_item_type (card) == WAYMARK_ITEM_NOTE)
                    n_notes++;
                  else
                    n_touchpoints++;
                }
            }
          if (phase_row != NULL)
            waymark_outline_row_set_counts (WAYMARK_OUTLINE_ROW (phase_row), n_touchpoints, n_notes);
        }
      if (self->sort_by_votes)
        add_ranked_rows (self, ranked, editable);
    }

  if (self->selected != NULL && !g_hash_table_contains (self->rows, self->selected))
    g_clear_pointer (&self->selected, waymark_item_unref);
  select_row_quietly (self, self->selected ? g_hash_table_lookup (self->rows, self->selected) : NULL);

  if (focus_item != NULL)
    {
      GtkWidget *row = g_hash_table_lookup (self->rows, focus_item);

      if (row == NULL)
        row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, focus_index));
      if (row == NULL && focus_index > 0)
        row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, focus_index - 1));
      if (row != NULL)
        gtk_widget_grab_focus (row);
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->list));
      waymark_item_unref (focus_item);
    }
}

static void
ensure_built (WaymarkOutline *self)
{
  if (self->dirty)
    rebuild (self);
}

static gboolean
rebuild_cb (gpointer data)
{
  WaymarkOutline *self = data;

  g_assert (WAYMARK_IS_OUTLINE (self));

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* A command may change many items (deleting a phase removes its cards):
 * the rows are rebuilt once, before the next frame.  While the outline is
 * hidden behind the map it is rebuilt only when it is shown again. */
static void
queue_rebuild (WaymarkOutline *self)
{
  self->dirty = TRUE;
  if (self->rebuild_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_cb, self, NULL);
}

static void
update_all_rows (WaymarkOutline *self)
{
  GHashTableIter iter;
  gpointer item, row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &item, &row))
    if (waymark_describe_is_card (item))
      waymark_outline_row_update (row);
  /* A channel's name or category may decide a highlight. */
  dim_rows (self);
}

static void
journey_changed_cb (WaymarkJourney *journey,
                    WaymarkChange  *change,
                    WaymarkOutline *self)
{
  WaymarkItemType type = change->item ? waymark_item_get_item_type (change->item) : WAYMARK_N_ITEM_TYPES;

  g_assert (WAYMARK_IS_OUTLINE (self));

  if (self->dirty)
    return;
  switch (change->kind)
    {
    case WAYMARK_CHANGE_EDITED:
      if (waymark_describe_is_card (change->item))
        {
          GtkWidget *row = g_hash_table_lookup (self->rows, change->item);

          /* Into another cell: another place in the list; when sorted
           * by votes, any edit may be a vote. */
          if (row == NULL || self->sort_by_votes || change->old_phase != card_phase (change->item) ||
              change->old_lane != card_lane (change->item))
            queue_rebuild (self);
          else
            {
              waymark_outline_row_update (WAYMARK_OUTLINE_ROW (row));
              dim_row (self, row, change->item);
            }
        }
      else if (type == WAYMARK_ITEM_PHASE)
        {
          GtkWidget *row = g_hash_table_lookup (self->rows, change->item);

          if (row != NULL)
            waymark_outline_row_update (WAYMARK_OUTLINE_ROW (row));
        }
      else if (type == WAYMARK_ITEM_LANE)
        /* A lane's kind decides whether its cards are listed. */
        queue_rebuild (self);
      else if (type == WAYMARK_ITEM_CHANNEL)
        update_all_rows (self);
      break;
    case WAYMARK_CHANGE_INSERTED:
    case WAYMARK_CHANGE_REMOVED:
    case WAYMARK_CHANGE_MOVED:
      if (waymark_describe_is_card (change->item) || type == WAYMARK_ITEM_PHASE || type == WAYMARK_ITEM_LANE)
        queue_rebuild (self);
      break;
    case WAYMARK_CHANGE_RELOADED:
      queue_rebuild (self);
      break;
    case WAYMARK_CHANGE_PROPERTIES:
    default:
      break;
    }
}

/* ---- Edits asked for by rows ---- */

void
_waymark_outline_commit_title (WaymarkOutline *self,
                               gpointer        item,
                               const char     *text)
{
  g_autofree char *value = g_strstrip (g_strdup (text));
  gboolean empty = value[0] == '\0';
  gpointer copy;

  if (!_waymark_outline_is_editable (self))
    return;

  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
      if (g_strcmp0 (empty ? NULL : value, ((WaymarkTouchpoint *) item)->title) == 0)
        return;
      copy = waymark_item_copy (item);
      g_free (((WaymarkTouchpoint *) copy)->title);
      ((WaymarkTouchpoint *) copy)->title = empty ? NULL : g_steal_pointer (&value);
      break;
    case WAYMARK_ITEM_NOTE:
      if (g_strcmp0 (empty ? NULL : value, ((WaymarkNote *) item)->text) == 0)
        return;
      copy = waymark_item_copy (item);
      g_free (((WaymarkNote *) copy)->text);
      ((WaymarkNote *) copy)->text = empty ? NULL : g_steal_pointer (&value);
      break;
    case WAYMARK_ITEM_PHASE:
      /* A phase needs a name: an emptied one keeps its old name. */
      if (empty || g_strcmp0 (value, ((WaymarkPhase *) item)->name) == 0)
        return;
      copy = waymark_item_copy (item);
      g_free (((WaymarkPhase *) copy)->name);
      ((WaymarkPhase *) copy)->name = g_steal_pointer (&value);
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_LANE:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return;
    }
  /* The same merge key as the canvas's edit in place, and sealed: one
   * edit in place is one undo step. */
  waymark_edits_update (self->history, item, copy, "title");
  waymark_history_seal (self->history);
}

void
_waymark_outline_delete_item (WaymarkOutline *self,
                              gpointer        item)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autofree char *title = NULL;
  GtkWidget *overlay;

  if (!_waymark_outline_is_editable (self) || !waymark_describe_is_card (item))
    return;

  title = g_strdup_printf (_("Deleted “%s”"), waymark_outline_card_title (item));
  g_ptr_array_add (items, item);
  waymark_edits_delete (self->history, items);

  /* The undo is a real step of the history: the toast only offers it. */
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

void
_waymark_outline_move_item (WaymarkOutline *self,
                            gpointer        item,
                            int             direction)
{
  if (!_waymark_outline_is_editable (self) || direction == 0)
    return;

  if (waymark_describe_is_card (item))
    {
      g_autoptr(GPtrArray) cell = waymark_journey_get_cell (self->journey, card_phase (item), card_lane (item));
      g_autoptr(GPtrArray) cards = g_ptr_array_new ();
      guint index;

      /* Positions count the cards that stay: one up is before the card
       * above; one down is before the card after the next. */
      if (!g_ptr_array_find (cell, item, &index) ||
          (direction < 0 && index == 0) ||
          (direction > 0 && index + 1 >= cell->len))
        return;
      g_ptr_array_add (cards, item);
      waymark_edits_move_cards (self->history, cards, card_phase (item), card_lane (item),
                                direction < 0 ? index - 1 : index + 1);
    }
  else if (waymark_item_get_item_type (item) == WAYMARK_ITEM_PHASE)
    {
      int index = waymark_journey_index_of (self->journey, item) + (direction < 0 ? -1 : 1);

      if (index < 0 || (guint) index >= waymark_journey_get_n_items (self->journey, WAYMARK_ITEM_PHASE))
        return;
      waymark_edits_move_item (self->history, item, (guint) index);
    }
}

/* ---- Selection ---- */

static void
row_selected_cb (WaymarkOutline *self,
                 GtkListBoxRow  *row,
                 GtkListBox     *list)
{
  gpointer item = row != NULL ? waymark_outline_row_get_item (WAYMARK_OUTLINE_ROW (row)) : NULL;

  g_assert (WAYMARK_IS_OUTLINE (self));

  if (self->selecting || item == self->selected)
    return;
  g_clear_pointer (&self->selected, waymark_item_unref);
  if (item != NULL)
    self->selected = waymark_item_ref (item);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
row_activated_cb (WaymarkOutline *self,
                  GtkListBoxRow  *row,
                  GtkListBox     *list)
{
  g_assert (WAYMARK_IS_OUTLINE (self));

  waymark_outline_row_start_editing (WAYMARK_OUTLINE_ROW (row));
}

gpointer
waymark_outline_get_selected_item (WaymarkOutline *self)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE (self), NULL);

  return self->selected;
}

void
waymark_outline_select_item (WaymarkOutline *self,
                             gpointer        item)
{
  g_return_if_fail (WAYMARK_IS_OUTLINE (self));

  if (!is_listed (item))
    item = NULL;
  if (item == self->selected)
    return;
  g_clear_pointer (&self->selected, waymark_item_unref);
  if (item != NULL)
    self->selected = waymark_item_ref (item);
  if (!self->dirty)
    select_row_quietly (self, item != NULL ? g_hash_table_lookup (self->rows, item) : NULL);
}

GtkWidget *
waymark_outline_get_row (WaymarkOutline *self,
                         gpointer        item)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE (self), NULL);

  ensure_built (self);
  return item != NULL ? g_hash_table_lookup (self->rows, item) : NULL;
}

void
waymark_outline_focus_row (WaymarkOutline *self)
{
  GtkWidget *row;

  g_return_if_fail (WAYMARK_IS_OUTLINE (self));

  ensure_built (self);
  row = self->selected != NULL ? g_hash_table_lookup (self->rows, self->selected) : NULL;
  if (row == NULL)
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0));
  gtk_widget_grab_focus (row != NULL ? row : GTK_WIDGET (self->list));
}

/* ---- The document ---- */

static void
update_editable (WaymarkOutline *self)
{
  GHashTableIter iter;
  gpointer row;
  gboolean editable = _waymark_outline_is_editable (self);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    waymark_outline_row_set_editable (row, editable);
}

static void
read_only_cb (WaymarkOutline  *self,
              GParamSpec      *pspec,
              WaymarkDocument *document)
{
  g_assert (WAYMARK_IS_OUTLINE (self));

  update_editable (self);
}

static void
unbind_journey (WaymarkOutline *self)
{
  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_object (&self->history);
  g_clear_pointer (&self->selected, waymark_item_unref);
}

static void
bind_journey (WaymarkOutline *self)
{
  unbind_journey (self);
  if (self->document != NULL)
    {
      self->journey = g_object_ref (waymark_document_get_journey (self->document));
      self->history = g_object_ref (waymark_document_get_history (self->document));
      self->changed_id = g_signal_connect (self->journey, "changed", G_CALLBACK (journey_changed_cb), self);
    }
  queue_rebuild (self);
}

static void
document_journey_cb (WaymarkOutline  *self,
                     GParamSpec      *pspec,
                     WaymarkDocument *document)
{
  g_assert (WAYMARK_IS_OUTLINE (self));

  bind_journey (self);
}

void
waymark_outline_set_document (WaymarkOutline  *self,
                              WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_OUTLINE (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->journey_notify_id, self->document);
      g_clear_signal_handler (&self->read_only_id, self->document);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->journey_notify_id = g_signal_connect_swapped (document, "notify::journey",
                                                          G_CALLBACK (document_journey_cb), self);
      self->read_only_id = g_signal_connect_swapped (document, "notify::read-only",
                                                     G_CALLBACK (read_only_cb), self);
    }
  bind_journey (self);
}

/* ---- GObject ---- */

static void
waymark_outline_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (waymark_outline_parent_class)->map (widget);
  ensure_built (WAYMARK_OUTLINE (widget));
}

static void
waymark_outline_dispose (GObject *object)
{
  WaymarkOutline *self = WAYMARK_OUTLINE (object);

  waymark_outline_set_document (self, NULL);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_signal_handler (&self->checker_changed_id, self->checker);
  g_clear_object (&self->checker);
  G_OBJECT_CLASS (waymark_outline_parent_class)->dispose (object);
}

static void
waymark_outline_finalize (GObject *object)
{
  WaymarkOutline *self = WAYMARK_OUTLINE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->highlight, waymark_highlight_free);
  G_OBJECT_CLASS (waymark_outline_parent_class)->finalize (object);
}

static void
waymark_outline_class_init (WaymarkOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_outline_dispose;
  object_class->finalize = waymark_outline_finalize;
  widget_class->map = waymark_outline_map;

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sort_toggled_cb (WaymarkOutline *self)
{
  gboolean sort;

  g_assert (WAYMARK_IS_OUTLINE (self));

  sort = gtk_toggle_button_get_active (self->sort_button);
  if (sort == self->sort_by_votes)
    return;
  self->sort_by_votes = sort;
  rebuild (self);
}

static void
waymark_outline_init (WaymarkOutline *self)
{
  GtkWidget *scroller;
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *placeholder = gtk_label_new (_("This map has no phases yet."));

  self->rows = g_hash_table_new (NULL, NULL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  /* A click selects (and shows the card in the inspector); a double
   * click or Enter edits, as on the map. */
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "outline-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outline of the map"), -1);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  /* The visible label is the accessible name. */
  self->sort_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("Sort by Votes")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_button),
                               _("List the cards of the whole map by their dot votes, most first"));
  gtk_widget_set_halign (GTK_WIDGET (self->sort_button), GTK_ALIGN_END);
  gtk_widget_set_margin_top (GTK_WIDGET (self->sort_button), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->sort_button), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->sort_button), "flat");
  g_signal_connect_swapped (self->sort_button, "toggled", G_CALLBACK (sort_toggled_cb), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->sort_button));
  gtk_box_append (GTK_BOX (self->box), scroller);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

void
waymark_outline_set_sort_by_votes (WaymarkOutline *self,
                                   gboolean        sort)
{
  g_return_if_fail (WAYMARK_IS_OUTLINE (self));

  gtk_toggle_button_set_active (self->sort_button, sort);
}

gboolean
waymark_outline_get_sort_by_votes (WaymarkOutline *self)
{
  g_return_val_if_fail (WAYMARK_IS_OUTLINE (self), FALSE);

  return self->sort_by_votes;
}

GtkWidget *
waymark_outline_new (void)
{
  return g_object_new (WAYMARK_TYPE_OUTLINE, NULL);
}

static void
checker_changed_cb (WaymarkChecker *checker,
                    GPtrArray      *removed,
                    GPtrArray      *added,
                    WaymarkOutline *self)
{
  g_assert (WAYMARK_IS_OUTLINE (self));

  if (self->highlight != NULL && waymark_highlight_count (self->highlight, WAYMARK_HIGHLIGHT_FINDING) > 0)
    dim_rows (self);
}

void
waymark_outline_set_highlight (WaymarkOutline         *self,
                               const WaymarkHighlight *highlight,
                               WaymarkChecker         *checker)
{
  g_return_if_fail (WAYMARK_IS_OUTLINE (self));
  g_return_if_fail (checker == NULL || WAYMARK_IS_CHECKER (checker));

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  if (highlight != NULL && waymark_highlight_is_active (highlight))
    self->highlight = waymark_highlight_copy (highlight);
  if (checker != self->checker)
    {
      g_clear_signal_handler (&self->checker_changed_id, self->checker);
      g_set_object (&self->checker, checker);
      if (checker != NULL)
        self->checker_changed_id = g_signal_connect (checker, "changed", G_CALLBACK (checker_changed_cb), self);
    }
  dim_rows (self);
}
