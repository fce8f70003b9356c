/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "waymark-edits.h"
#include "waymark-inspector-private.h"
#include "waymark-inspector-util.h"

/* The width the inspector asks for: a sidebar beside the canvas. */
#define NATURAL_WIDTH 340

G_DEFINE_FINAL_TYPE (WaymarkInspector, waymark_inspector, GTK_TYPE_WIDGET)

gboolean
_waymark_inspector_user_edit (WaymarkInspector *self)
{
  return self->updating == 0 &&
         self->document != NULL &&
         !waymark_document_is_read_only (self->document);
}

void
_waymark_inspector_sync_editable (WaymarkInspector *self,
                                  AdwEntryRow      *row,
                                  const char       *text)
{
  waymark_inspector_sync_editable (GTK_EDITABLE (row), text, self->replacing);
}

void
_waymark_inspector_sync_text_row (WaymarkInspector *self,
                                  WaymarkTextRow   *row,
                                  const char       *text)
{
  waymark_inspector_sync_text_row (row, text, self->replacing);
}

static WaymarkHistory *
get_history (WaymarkInspector *self)
{
  return waymark_document_get_history (self->document);
}

/* ---- Notes, phases, lanes ---- */

static const char *
name_or_untitled (const char *name)
{
  return name != NULL ? name : _("Untitled");
}

static void
note_text_changed_cb (WaymarkInspector *self)
{
  g_autofree char *text = waymark_text_row_dup_text (self->note_text_row);
  WaymarkNote *note = self->item, *edited;

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || note == NULL ||
      waymark_item_get_item_type (note) != WAYMARK_ITEM_NOTE ||
      g_strcmp0 (text, note->text) == 0)
    return;

  edited = waymark_item_copy (note);
  g_free (edited->text);
  edited->text = g_steal_pointer (&text);
  waymark_edits_update (get_history (self), note, edited, "text");
}

static void
phase_name_changed_cb (WaymarkInspector *self)
{
  g_autofree char *name = waymark_inspector_dup_editable (GTK_EDITABLE (self->phase_name_row));
  WaymarkPhase *phase = self->item, *edited;

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || phase == NULL ||
      waymark_item_get_item_type (phase) != WAYMARK_ITEM_PHASE ||
      g_strcmp0 (name, phase->name) == 0)
    return;

  edited = waymark_item_copy (phase);
  g_free (edited->name);
  edited->name = g_steal_pointer (&name);
  waymark_edits_update (get_history (self), phase, edited, "name");
}

static void
lane_name_changed_cb (WaymarkInspector *self)
{
  g_autofree char *name = waymark_inspector_dup_editable (GTK_EDITABLE (self->lane_name_row));
  WaymarkLane *lane = self->item, *edited;

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || lane == NULL ||
      waymark_item_get_item_type (lane) != WAYMARK_ITEM_LANE ||
      g_strcmp0 (name, lane->name) == 0)
    return;

  edited = waymark_item_copy (lane);
  g_free (edited->name);
  edited->name = g_steal_pointer (&name);
  waymark_edits_update (get_history (self), lane, edited, "name");
}

static guint
count_cards (WaymarkJourney *journey,
             WaymarkLane    *lane)
{
  GPtrArray *touchpoints = waymark_journey_get_items (journey, WAYMARK_ITEM_TOUCHPOINT);
  GPtrArray *notes = waymark_journey_get_items (journey, WAYMARK_ITEM_NOTE);
  guint n = 0;

  for (guint i = 0; i < touchpoints->len; i++)
    if (((WaymarkTouchpoint *) g_ptr_array_index (touchpoints, i))->lane == lane)
      n++;
  for (guint i = 0; i < notes->len; i++)
    if (((WaymarkNote *) g_ptr_array_index (notes, i))->lane == lane)
      n++;
  return n;
}

static void
show_lane_message (WaymarkInspector *self,
                   const char       *message)
{
  if (message != NULL)
    gtk_label_set_label (self->lane_message, message);
  gtk_revealer_set_reveal_child (self->lane_message_revealer, message != NULL);
}

static void
lane_kind_selected_cb (WaymarkInspector *self)
{
  WaymarkLane *lane = self->item, *edited;
  WaymarkLaneKind kind = (WaymarkLaneKind) adw_combo_row_get_selected (self->lane_kind_row);
  guint n_cards;

  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (!_waymark_inspector_user_edit (self) || lane == NULL ||
      waymark_item_get_item_type (lane) != WAYMARK_ITEM_LANE ||
      (guint) kind > WAYMARK_LANE_KPIS || kind == lane->kind)
    return;

  /* Touchpoint lanes hold touchpoints, note lanes notes, and emotion and
   * KPI lanes are drawn from the touchpoints: cards already in the lane
   * would have no place in a lane of another kind. */
  n_cards = count_cards (self->journey, lane);
  if (n_cards > 0)
    {
      g_autofree char *message = NULL;

      if (!waymark_lane_kind_holds_cards (kind))
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "This lane holds %u card. Emotion and KPI lanes are drawn from the touchpoints and hold no cards: move or delete the card first.",
                                                "This lane holds %u cards. Emotion and KPI lanes are drawn from the touchpoints and hold no cards: move or delete the cards first.",
                                                n_cards),
                                   n_cards);
      else
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "This lane holds %u card of another kind. Move or delete it first.",
                                                "This lane holds %u cards of another kind. Move or delete them first.",
                                                n_cards),
                                   n_cards);

      self->updating++;
      adw_combo_row_set_selected (self->lane_kind_row, (guint) lane->kind);
      self->updating--;
      show_lane_message (self, message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  show_lane_message (self, NULL);
  edited = waymark_item_copy (lane);
  edited->kind = kind;
  waymark_edits_update (get_history (self), lane, edited, NULL);
}

static void
show_note (WaymarkInspector *self)
{
  WaymarkNote *note = self->item;
  g_autofree char *where = g_strdup_printf ("%s · %s",
                                            name_or_untitled (note->lane->name),
                                            name_or_untitled (note->phase->name));

  adw_preferences_group_set_description (self->note_group, where);
  _waymark_inspector_sync_text_row (self, self->note_text_row, note->text);
  waymark_votes_row_set_card (self->note_votes_row, self->document, note);
}

static void
show_lane (WaymarkInspector *self)
{
  WaymarkLane *lane = self->item;
  guint n_cards = count_cards (self->journey, lane);
  g_autofree char *description = NULL;

  if (waymark_lane_kind_holds_cards (lane->kind) || n_cards > 0)
    description = n_cards == 0 ? g_strdup (_("No cards yet"))
                               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards", n_cards), n_cards);
  else
    description = g_strdup (_("Drawn from the touchpoints"));
  adw_preferences_group_set_description (self->lane_group, description);

  _waymark_inspector_sync_editable (self, self->lane_name_row, lane->name);
  adw_combo_row_set_selected (self->lane_kind_row, (guint) lane->kind);
}

static void
show_phase (WaymarkInspector *self)
{
  WaymarkPhase *phase = self->item;
  GPtrArray *touchpoints = waymark_journey_get_items (self->journey, WAYMARK_ITEM_TOUCHPOINT);
  g_autofree char *description = NULL;
  guint n = 0;

  for (guint i = 0; i < touchpoints->len; i++)
    if (((WaymarkTouchpoint *) g_ptr_array_index (touchpoints, i))->phase == phase)
      n++;
  /* An empty phase is a weak spot of the journey: worth saying. */
  description = n == 0 ? g_strdup (_("No touchpoints"))
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  adw_preferences_group_set_description (self->phase_group, description);
  _waymark_inspector_sync_editable (self, self->phase_name_row, phase->name);
}

/* ---- Which page ---- */

static const char *
page_for (gpointer item)
{
  if (item == NULL)
    return "journey";
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT: return "touchpoint";
    case WAYMARK_ITEM_NOTE: return "note";
    case WAYMARK_ITEM_PHASE: return "phase";
    case WAYMARK_ITEM_LANE: return "lane";
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default: return "journey";
    }
}

/* Shows the item's current contents in its page. */
static void
update_page (WaymarkInspector    *self,
             const WaymarkChange *change)
{
  self->updating++;
  if (self->item == NULL)
    _waymark_inspector_journey_update (self, change);
  else
    switch (waymark_item_get_item_type (self->item))
      {
      case WAYMARK_ITEM_TOUCHPOINT:
        waymark_touchpoint_editor_update (self->touchpoint_editor, change);
        break;
      case WAYMARK_ITEM_NOTE:
        show_note (self);
        break;
      case WAYMARK_ITEM_PHASE:
        show_phase (self);
        break;
      case WAYMARK_ITEM_LANE:
        show_lane (self);
        break;
      case WAYMARK_ITEM_PERSONA:
      case WAYMARK_ITEM_CHANNEL:
      case WAYMARK_ITEM_LINK:
      case WAYMARK_N_ITEM_TYPES:
      default:
        break;
      }
  self->updating--;
}

static void
show_item (WaymarkInspector *self)
{
  const char *page = page_for (self->item);
  gboolean other_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0;

  show_lane_message (self, NULL);
  waymark_touchpoint_editor_set_touchpoint (self->touchpoint_editor, self->document,
                                            self->item != NULL &&
                                            waymark_item_get_item_type (self->item) == WAYMARK_ITEM_TOUCHPOINT
                                            ? self->item : NULL);
  if (self->document == NULL)
    {
      /* No map: no leftovers of the last one. */
      self->updating++;
      gtk_editable_set_text (GTK_EDITABLE (self->journey_title_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->goal_row), "");
      self->updating--;
      gtk_stack_set_visible_child_name (self->stack, "journey");
      return;
    }

  self->replacing = TRUE;
  update_page (self, NULL);
  self->replacing = FALSE;

  gtk_stack_set_visible_child_name (self->stack, page);
  /* Another kind of item starts at its top; the next touchpoint keeps the
   * scroll position, so that the KPIs of several cards can be compared. */
  if (other_page)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

/* ---- The model ---- */

static gboolean
involves_item (WaymarkInspector    *self,
               const WaymarkChange *change)
{
  gpointer item = self->item;

  WaymarkItemType changed_type;

  if (change->item == item)
    return TRUE;
  if (change->item == NULL)   /* the journey's own properties */
    return FALSE;
  changed_type = waymark_item_get_item_type (change->item);
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_NOTE:
      /* A note's page names its phase and lane. */
      return change->item == ((WaymarkNote *) item)->phase ||
             change->item == ((WaymarkNote *) item)->lane;
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
      /* Their pages count the cards. */
      return changed_type == WAYMARK_ITEM_TOUCHPOINT || changed_type == WAYMARK_ITEM_NOTE;
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_ITEM_LINK:
    case WAYMARK_N_ITEM_TYPES:
    default:
      return FALSE;
    }
}

static void
journey_changed_cb (WaymarkJourney   *journey,
                    WaymarkChange    *change,
                    WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  if (self->item != NULL)
    {
      if ((change->kind == WAYMARK_CHANGE_REMOVED && change->item == self->item) ||
          (change->kind == WAYMARK_CHANGE_RELOADED && waymark_journey_index_of (journey, self->item) < 0))
        {
          /* What was shown is gone: show the journey rather than a ghost. */
          waymark_inspector_set_item (self, NULL);
          return;
        }
      if (waymark_item_get_item_type (self->item) != WAYMARK_ITEM_TOUCHPOINT &&
          change->kind != WAYMARK_CHANGE_RELOADED && !involves_item (self, change))
        return;
    }
  update_page (self, change);
}

static void
update_sensitivity (WaymarkInspector *self)
{
  gboolean editable = self->document != NULL && !waymark_document_is_read_only (self->document);

  /* The page, not the scrolled window: a read-only map can still be read
   * all the way down. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), editable);
}

static void
bind_journey (WaymarkInspector *self)
{
  WaymarkJourney *journey = self->document ? waymark_document_get_journey (self->document) : NULL;

  if (self->journey == journey)
    return;
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, journey_changed_cb, self);
  g_set_object (&self->journey, journey);
  if (journey != NULL)
    g_signal_connect_object (journey, "changed", G_CALLBACK (journey_changed_cb), self, 0);
}

static void
document_journey_cb (WaymarkInspector *self)
{
  g_assert (WAYMARK_IS_INSPECTOR (self));

  /* A reload replaces the journey and all its items. */
  bind_journey (self);
  _waymark_inspector_journey_clear (self);
  g_clear_pointer (&self->item, waymark_item_unref);
  show_item (self);
}

void
waymark_inspector_set_document (WaymarkInspector *self,
                                WaymarkDocument  *document)
{
  g_return_if_fail (WAYMARK_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      waymark_history_seal (get_history (self));
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::journey",
                               G_CALLBACK (document_journey_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::read-only",
                               G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
    }
  bind_journey (self);
  _waymark_inspector_journey_clear (self);
  g_clear_pointer (&self->item, waymark_item_unref);
  update_sensitivity (self);
  show_item (self);
}

void
waymark_inspector_set_item (WaymarkInspector *self,
                            gpointer          item)
{
  g_return_if_fail (WAYMARK_IS_INSPECTOR (self));

  if (item != NULL)
    {
      WaymarkItemType type = waymark_item_get_item_type (item);

      g_return_if_fail (self->document != NULL);
      g_return_if_fail (type == WAYMARK_ITEM_TOUCHPOINT || type == WAYMARK_ITEM_NOTE ||
                        type == WAYMARK_ITEM_PHASE || type == WAYMARK_ITEM_LANE);
    }
  if (self->item == item)
    return;

  /* Typing resumed on another item is another undo step. */
  if (self->document != NULL)
    waymark_history_seal (get_history (self));
  if (item != NULL)
    waymark_item_ref (item);
  g_clear_pointer (&self->item, waymark_item_unref);
  self->item = item;
  show_item (self);
}

/* ---- Focus: one undo step per field and visit ---- */

static void
focus_changed_cb (GtkWindow        *window,
                  GParamSpec       *pspec,
                  WaymarkInspector *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  g_assert (WAYMARK_IS_INSPECTOR (self));

  /* Leaving a field ends its undo step: typing there again later is
   * another step, and so is typing in the next field. */
  if (self->focus_widget != NULL && focus != self->focus_widget && self->document != NULL)
    waymark_history_seal (get_history (self));

  g_clear_weak_pointer (&self->focus_widget);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    g_set_weak_pointer (&self->focus_widget, focus);
}

static void
waymark_inspector_root (GtkWidget *widget)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (waymark_inspector_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self, 0);
}

static void
waymark_inspector_unroot (GtkWidget *widget)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, focus_changed_cb, self);
  g_clear_weak_pointer (&self->focus_widget);

  GTK_WIDGET_CLASS (waymark_inspector_parent_class)->unroot (widget);
}

/* ---- Size ---- */

static void
waymark_inspector_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
  /* A sidebar: wide enough for a row and its value, however long the
   * texts are (they wrap or scroll), and no wider unless given room. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
waymark_inspector_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

/* ---- GObject ---- */

static void
waymark_inspector_dispose (GObject *object)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (object);

  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, journey_changed_cb, self);
  _waymark_inspector_journey_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_INSPECTOR);
  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  g_clear_pointer (&self->item, waymark_item_unref);
  g_clear_pointer (&self->persona_rows, g_ptr_array_unref);
  g_clear_weak_pointer (&self->focus_widget);

  G_OBJECT_CLASS (waymark_inspector_parent_class)->dispose (object);
}

static void
waymark_inspector_class_init (WaymarkInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_inspector_dispose;
  widget_class->root = waymark_inspector_root;
  widget_class->unroot = waymark_inspector_unroot;
  widget_class->measure = waymark_inspector_measure;
  widget_class->size_allocate = waymark_inspector_size_allocate;

  g_type_ensure (WAYMARK_TYPE_TEXT_ROW);
  g_type_ensure (WAYMARK_TYPE_TOUCHPOINT_EDITOR);
  g_type_ensure (WAYMARK_TYPE_VOTES_ROW);

  gtk_widget_class_set_css_name (widget_class, "inspector");
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, touchpoint_editor);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, note_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, note_text_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, note_votes_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, phase_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, phase_name_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, lane_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, lane_name_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, lane_kind_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, lane_message_revealer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkInspector, lane_message);
  gtk_widget_class_bind_template_callback (widget_class, note_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, phase_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lane_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lane_kind_selected_cb);
  _waymark_inspector_journey_class_init (widget_class);
}

static void
waymark_inspector_init (WaymarkInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  waymark_inspector_label_entry_rows (GTK_WIDGET (self));
  _waymark_inspector_journey_init (self);
  update_sensitivity (self);
}

GtkWidget *
waymark_inspector_new (void)
{
  return g_object_new (WAYMARK_TYPE_INSPECTOR, NULL);
}
