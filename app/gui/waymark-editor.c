/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "waymark-editor.h"
#include "waymark-canvas-private.h"
#include "waymark-compare-panel.h"
#include "waymark-conflict-panel.h"
#include "waymark-findings-panel.h"
#include "waymark-highlight-popover.h"
#include "waymark-inspector.h"
#include "waymark-dashboard-view.h"
#include "waymark-outline.h"

struct _WaymarkEditor
{
  GtkWidget parent_instance;

  GtkWidget *read_only_banner;
  GtkWidget *conflict_banner;
  GtkLabel *conflict_label;
  GtkToggleButton *conflict_button;
  GtkLabel *conflict_button_label;
  GtkRevealer *side_revealer;
  GtkStack *side_stack;
  WaymarkConflictPanel *conflict_panel;
  WaymarkComparePanel *compare_panel;
  GtkLabel *read_only_label;
  GtkWidget *read_only_button;
  WaymarkChannelPalette *palette;
  AdwFlap *palette_flap;
  AdwFlap *flap;
  AdwToastOverlay *toast_overlay;
  GtkScrolledWindow *scroller;
  WaymarkCanvas *canvas;
  GtkWidget *toolbar;
  GtkLabel *zoom_label;
  GtkWidget *inspector;
  GtkStack *view_stack;
  GtkWidget *map_tools;
  WaymarkOutline *outline;
  WaymarkDashboardView *dashboard_view;
  GtkWidget *dashboard_scroller;
  AdwFlap *findings_flap;
  WaymarkFindingsPanel *findings_panel;
  GtkMenuButton *highlight_button;
  WaymarkHighlightPopover *highlight_popover;

  WaymarkDocument *document;
  GSignalGroup *document_signals;
  /* The document's journey: edits change which cards a highlight lights. */
  WaymarkJourney *journey;
  gulong journey_changed_id;
  guint highlight_count_source;
  guint geometry_source;
  guint fold_source;

  /* Presentation mode: what was shown before, to bring back. */
  gboolean presenting;
  gboolean palette_was_shown;
  gboolean inspector_was_shown;
  char *view_before;
};

G_DEFINE_FINAL_TYPE (WaymarkEditor, waymark_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOW_INSPECTOR,
  PROP_SHOW_PALETTE,
  PROP_VIEW,
  PROP_SHOW_FINDINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
selection_changed_cb (WaymarkEditor *self,
                      WaymarkCanvas *canvas)
{
  gpointer item = waymark_canvas_get_selected_item (canvas);

  g_assert (WAYMARK_IS_EDITOR (self));

  if (self->inspector == NULL)  /* disposed */
    return;
  /* The inspector edits touchpoints, notes, phases and lanes; with none
   * or several selected it shows the journey. */
  if (item != NULL && waymark_item_get_item_type (item) == WAYMARK_ITEM_LINK)
    item = NULL;
  waymark_inspector_set_item (WAYMARK_INSPECTOR (self->inspector), item);
  /* The canvas holds the one selection; the outline shows it. */
  waymark_outline_select_item (self->outline, item);
}

static void
outline_selection_changed_cb (WaymarkEditor  *self,
                              WaymarkOutline *outline)
{
  gpointer item = waymark_outline_get_selected_item (outline);

  g_assert (WAYMARK_IS_EDITOR (self));

  if (item != NULL)
    waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_REPLACE);
  else
    waymark_canvas_unselect_all (self->canvas);
}

/* ---- Findings ---- */

/* ---- Highlight ---- */

/* The highlight is view state, like the zoom: not saved in the file, not
 * undone, kept per tab while it is open.  The popover holds it; the map
 * and the outline dim what it leaves out. */
/* The button says how many cards stand out. */
static void
update_highlight_button (WaymarkEditor *self)
{
  const WaymarkHighlight *highlight = waymark_highlight_popover_get_highlight (self->highlight_popover);
  WaymarkChecker *checker = waymark_findings_panel_get_checker (self->findings_panel);
  gboolean active = waymark_highlight_is_active (highlight);
  GtkWidget *button = GTK_WIDGET (self->highlight_button);

  g_clear_handle_id (&self->highlight_count_source, g_source_remove);
  if (active)
    {
      WaymarkJourney *journey = self->document != NULL ? waymark_document_get_journey (self->document) : NULL;
      guint n_cards = 0, n_lit = 0;
      g_autofree char *text = NULL;

      for (int t = WAYMARK_ITEM_TOUCHPOINT; journey != NULL && t <= WAYMARK_ITEM_NOTE; t++)
        {
          GPtrArray *cards = waymark_journey_get_items (journey, t);

          n_cards += cards->len;
          for (guint i = 0; i < cards->len; i++)
            n_lit += waymark_highlight_matches (highlight, checker, cards->pdata[i]);
        }
      /* TRANSLATORS: the tooltip of the map's Highlight button while a
       * highlight is on: "3 of 56 cards stand out" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Highlight: %u of %u card stands out; Escape on the map shows all (Shift+Ctrl+H)",
                                           "Highlight: %u of %u cards stand out; Escape on the map shows all (Shift+Ctrl+H)",
                                           n_cards),
                              n_lit, n_cards);
      gtk_widget_add_css_class (button, "highlight-active");
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    {
      gtk_widget_remove_css_class (button, "highlight-active");
      gtk_widget_set_tooltip_text (button, _("Highlight Cards (Shift+Ctrl+H)"));
      gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-highlight", active);
}

static void
apply_highlight (WaymarkEditor *self)
{
  const WaymarkHighlight *highlight = waymark_highlight_popover_get_highlight (self->highlight_popover);

  waymark_canvas_set_highlight (self->canvas, highlight);
  waymark_outline_set_highlight (self->outline, highlight, waymark_findings_panel_get_checker (self->findings_panel));
  update_highlight_button (self);
}

static gboolean
highlight_count_cb (gpointer data)
{
  WaymarkEditor *self = data;

  g_assert (WAYMARK_IS_EDITOR (self));

  self->highlight_count_source = 0;
  update_highlight_button (self);
  return G_SOURCE_REMOVE;
}

/* An edit can light a card or put it out (a new owner, a finding gone):
 * the count is made anew once per burst of edits, after the findings
 * followed them. */
static void
journey_changed_cb (WaymarkEditor *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  if (self->highlight_count_source == 0 &&
      waymark_highlight_is_active (waymark_highlight_popover_get_highlight (self->highlight_popover)))
    self->highlight_count_source = g_idle_add_full (G_PRIORITY_LOW, highlight_count_cb, self, NULL);
}

/* A reload gives the document another journey. */
static void
document_journey_cb (WaymarkEditor *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  if (self->journey != NULL)
    g_clear_signal_handler (&self->journey_changed_id, self->journey);
  g_clear_object (&self->journey);
  if (self->document == NULL)
    return;
  self->journey = g_object_ref (waymark_document_get_journey (self->document));
  self->journey_changed_id = g_signal_connect_swapped (self->journey, "changed",
                                                       G_CALLBACK (journey_changed_cb), self);
}

/* The popover lists the channels and owners of the map as it is now. */
static void
highlight_popup_cb (GtkMenuButton *button,
                    gpointer       data)
{
  WaymarkEditor *self = data;

  g_assert (WAYMARK_IS_EDITOR (self));

  waymark_highlight_popover_set_journey (self->highlight_popover,
                                         self->document != NULL ? waymark_document_get_journey (self->document) : NULL);
}

static void
highlight_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  WaymarkEditor *self = WAYMARK_EDITOR (widget);

  /* From the dashboard, which has no button: to the map it dims. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->highlight_button)))
    gtk_widget_activate_action (widget, "editor.view", "s", "map");
  gtk_menu_button_popup (self->highlight_button);
}

static void
clear_highlight_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  WaymarkEditor *self = WAYMARK_EDITOR (widget);

  waymark_highlight_popover_set_highlight (self->highlight_popover, NULL);
  apply_highlight (self);
}

const WaymarkHighlight *
waymark_editor_get_highlight (WaymarkEditor *self)
{
  const WaymarkHighlight *highlight;

  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  highlight = waymark_highlight_popover_get_highlight (self->highlight_popover);
  return waymark_highlight_is_active (highlight) ? highlight : NULL;
}

void
waymark_editor_set_highlight (WaymarkEditor          *self,
                              const WaymarkHighlight *highlight)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  waymark_highlight_popover_set_highlight (self->highlight_popover, highlight);
  apply_highlight (self);
}

static void
findings_checker_cb (WaymarkEditor        *self,
                     GParamSpec           *pspec,
                     WaymarkFindingsPanel *panel)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  if (self->canvas != NULL)
    {
      waymark_canvas_set_checker (self->canvas, waymark_findings_panel_get_checker (panel));
      waymark_outline_set_highlight (self->outline, waymark_highlight_popover_get_highlight (self->highlight_popover),
                                     waymark_findings_panel_get_checker (panel));
    }
}

/* A finding chosen in the panel: its item selected, in view, in the map
 * or in the outline (which follows the canvas's selection). */
static void
finding_activated_cb (WaymarkEditor        *self,
                      gpointer              item,
                      WaymarkFindingsPanel *panel)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_REPLACE);
  waymark_canvas_reveal_item (self->canvas, item);
}

static void
findings_revealed_cb (WaymarkEditor *self,
                      GParamSpec    *pspec,
                      AdwFlap       *flap)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FINDINGS]);
}

static void
zoom_changed_cb (WaymarkEditor *self,
                 GParamSpec    *pspec,
                 WaymarkCanvas *canvas)
{
  g_autofree char *text = g_strdup_printf (_("%.0f %%"), waymark_canvas_get_zoom (canvas) * 100);

  g_assert (WAYMARK_IS_EDITOR (self));

  gtk_label_set_text (self->zoom_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.zoom-in",
                                 waymark_canvas_get_zoom (canvas) < WAYMARK_CANVAS_MAX_ZOOM);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.zoom-out",
                                 waymark_canvas_get_zoom (canvas) > WAYMARK_CANVAS_MIN_ZOOM);
}

static void
palette_item_activated_cb (WaymarkEditor         *self,
                           WaymarkPaletteItem    *item,
                           WaymarkChannelPalette *palette)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  /* A new card is placed on the grid and named there, at the map's
   * keyboard cursor: the map has to be in view for that. */
  waymark_editor_set_view (self, "map");
  if (waymark_canvas_add_palette_item (self->canvas, item) == NULL)
    {
      AdwToast *toast = adw_toast_new (waymark_palette_item_is_note (item)
                                         ? _("Select a cell in a notes lane first")
                                         : _("Select a cell in a touchpoints lane first"));

      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
update_read_only (WaymarkEditor *self)
{
  const char *reason = self->document ? waymark_document_get_read_only_reason (self->document) : NULL;

  gtk_widget_set_visible (self->read_only_banner, reason != NULL);
  gtk_label_set_text (self->read_only_label, reason ? reason : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->palette), reason == NULL && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-phase", reason == NULL && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-lane", reason == NULL && self->document != NULL);
}

/* The items conflicts are about are marked on the map; while comparing,
 * with the comparison's marks and ghosts (a conflict's mark wins). */
static void
mark_items (WaymarkEditor *self)
{
  WaymarkJourney *journey = self->document ? waymark_document_get_journey (self->document) : NULL;
  GPtrArray *conflicts = journey ? waymark_journey_get_conflicts (journey) : NULL;
  GHashTable *compared = waymark_compare_panel_get_marks (self->compare_panel);
  g_autoptr(GHashTable) marks = NULL;
  GHashTableIter iter;
  gpointer item, mark;

  waymark_canvas_set_ghosts (self->canvas,
                             waymark_compare_panel_get_ghosts (self->compare_panel)
                               ? waymark_compare_panel_get_other_layout (self->compare_panel) : NULL,
                             waymark_compare_panel_get_ghosts (self->compare_panel));
  if ((conflicts == NULL || conflicts->len == 0) && compared == NULL)
    {
      waymark_canvas_set_marks (self->canvas, NULL);
      return;
    }
  marks = g_hash_table_new_full (NULL, NULL, waymark_item_unref, NULL);
  if (compared != NULL)
    {
      g_hash_table_iter_init (&iter, compared);
      while (g_hash_table_iter_next (&iter, &item, &mark))
        g_hash_table_insert (marks, waymark_item_ref (item), mark);
    }
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      WaymarkConflict *conflict = g_ptr_array_index (conflicts, i);

      item = conflict->item ? waymark_journey_lookup (journey, conflict->item) : NULL;
      if (item != NULL)
        g_hash_table_replace (marks, waymark_item_ref (item), GINT_TO_POINTER (WAYMARK_CANVAS_MARK_CONFLICT));
    }
  waymark_canvas_set_marks (self->canvas, marks);
}

/* The banner says the map has merge conflicts while it has any, and
 * stays while the panel is open so that the panel can be closed.  The
 * panel beside the map shows the conflicts when asked for, else the
 * comparison when there is one. */
static void
update_conflicts (WaymarkEditor *self)
{
  guint n = waymark_conflict_panel_get_n_conflicts (self->conflict_panel);
  gboolean shown = gtk_toggle_button_get_active (self->conflict_button);
  gboolean comparing = waymark_compare_panel_is_comparing (self->compare_panel);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("All merge conflicts are resolved. Saving writes a clean file."));
  else
    text = g_strdup_printf (g_dngettext (NULL, "This map has %u merge conflict: it holds our version until you pick a side.",
                                         "This map has %u merge conflicts: it holds our version until you pick a side for each.", n),
                            n);
  gtk_label_set_text (self->conflict_label, text);
  gtk_widget_set_visible (self->conflict_banner, n > 0 || shown);
  /* The button's own label would replace the mnemonic label it is
   * labelled by with a plain one (showing the underscore). */
  gtk_label_set_text_with_mnemonic (self->conflict_button_label, n > 0 ? _("_Resolve Conflicts") : _("_Close"));
  gtk_stack_set_visible_child_name (self->side_stack, shown || !comparing ? "conflicts" : "compare");
  gtk_revealer_set_reveal_child (self->side_revealer, shown || comparing);
  mark_items (self);
}

static void
compare_close_cb (WaymarkEditor *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  waymark_compare_panel_clear (self->compare_panel);
  update_conflicts (self);
}

static void
conflict_button_toggled_cb (WaymarkEditor *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  update_conflicts (self);
}

static void
conflict_item_activated_cb (WaymarkEditor *self,
                            gpointer       item)
{
  WaymarkRect rect;

  g_assert (WAYMARK_IS_EDITOR (self));

  if (item == NULL)
    {
      /* The journey's own fields: the inspector shows them with nothing selected. */
      waymark_canvas_unselect_all (self->canvas);
      waymark_editor_set_show_inspector (self, TRUE);
      return;
    }
  switch (waymark_item_get_item_type (item))
    {
    case WAYMARK_ITEM_TOUCHPOINT:
    case WAYMARK_ITEM_NOTE:
    case WAYMARK_ITEM_PHASE:
    case WAYMARK_ITEM_LANE:
      waymark_canvas_select_item (self->canvas, item, WAYMARK_CANVAS_SELECT_REPLACE);
      if (waymark_canvas_get_layout (self->canvas) != NULL &&
          (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT ||
           waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE) &&
          waymark_layout_get_card_rect (waymark_canvas_get_layout (self->canvas), item, &rect))
        waymark_canvas_scroll_to_rect (self->canvas, &rect);
      waymark_editor_set_show_inspector (self, TRUE);
      break;
    case WAYMARK_ITEM_LINK:
      waymark_canvas_select_item (self->canvas, ((WaymarkLink *) item)->from, WAYMARK_CANVAS_SELECT_REPLACE);
      break;
    case WAYMARK_ITEM_PERSONA:
    case WAYMARK_ITEM_CHANNEL:
    case WAYMARK_N_ITEM_TYPES:
    default:
      /* Edited in the journey's properties. */
      waymark_canvas_unselect_all (self->canvas);
      waymark_editor_set_show_inspector (self, TRUE);
      break;
    }
}

static void
conflict_message_cb (WaymarkEditor *self,
                     const char    *text)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
read_only_cb (WaymarkEditor   *self,
              GParamSpec      *pspec,
              WaymarkDocument *document)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  update_read_only (self);
}

/* ---- Test support: where things are, for tests/e2e ----
 *
 * With WAYMARK_TEST_GEOMETRY=FILE the editor writes, five times a second,
 * where the palette rows and the map's cells are in the window surface's
 * coordinates, so that an end-to-end test can drive the real program
 * with xdotool without guessing theme metrics. */

static void
append_widget_rect (GString    *out,
                    const char *name,
                    GtkWidget  *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_rect_t bounds;
  double sx = 0, sy = 0;

  if (native == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds))
    return;
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_string_append_printf (out, "%s=%d,%d,%d,%d\n", name,
                          (int) (bounds.origin.x + sx), (int) (bounds.origin.y + sy),
                          (int) bounds.size.width, (int) bounds.size.height);
}

static void
append_map_rect (GString           *out,
                 WaymarkEditor     *self,
                 const char        *name,
                 const WaymarkRect *rect)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self->canvas));
  graphene_point_t point;
  double sx = 0, sy = 0;
  double zoom = waymark_canvas_get_zoom (self->canvas);
  double x, y;

  /* The canvas's own conversion: it knows its centring and top inset. */
  _waymark_canvas_map_to_widget (self->canvas, rect->x, rect->y, &x, &y);
  if (native == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->canvas), GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_native_get_surface_transform (native, &sx, &sy);
  g_string_append_printf (out, "%s=%d,%d,%d,%d\n", name, (int) (point.x + sx), (int) (point.y + sy),
                          (int) (rect->width * zoom), (int) (rect->height * zoom));
}

static gboolean
write_geometry_cb (gpointer data)
{
  WaymarkEditor *self = data;
  const char *path = g_getenv ("WAYMARK_TEST_GEOMETRY");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *tmp = NULL;
  WaymarkLayout *layout = waymark_canvas_get_layout (self->canvas);
  WaymarkJourney *journey;
  GPtrArray *phases, *lanes;
  static const char *keys[] = { "website", "social-media", "email", "store", "phone", "note" };

  g_assert (WAYMARK_IS_EDITOR (self));

  if (path == NULL || layout == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_CONTINUE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *row = waymark_channel_palette_get_row (self->palette, keys[i]);
      g_autofree char *name = g_strdup_printf ("palette.%s", keys[i]);

      if (row != NULL)
        append_widget_rect (out, name, row);
    }
  append_widget_rect (out, "canvas", GTK_WIDGET (self->canvas));

  journey = waymark_layout_get_journey (layout);
  phases = waymark_journey_get_items (journey, WAYMARK_ITEM_PHASE);
  lanes = waymark_journey_get_items (journey, WAYMARK_ITEM_LANE);
  for (guint p = 0; p < phases->len; p++)
    for (guint l = 0; l < lanes->len; l++)
      {
        WaymarkRect rect;
        g_autofree char *name = g_strdup_printf ("cell.%u.%u", p, l);

        if (waymark_layout_get_cell_rect (layout, g_ptr_array_index (phases, p), g_ptr_array_index (lanes, l), &rect))
          append_map_rect (out, self, name, &rect);
      }

  /* Written whole, then renamed: a test never reads half a file. */
  tmp = g_strconcat (path, ".tmp", NULL);
  if (g_file_set_contents (tmp, out->str, (gssize) out->len, NULL))
    g_rename (tmp, path);
  return G_SOURCE_CONTINUE;
}

/* ---- Public ---- */

void
waymark_editor_set_document (WaymarkEditor   *self,
                             WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  if (self->document == document)
    return;
  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  document_journey_cb (self);

  waymark_inspector_set_document (WAYMARK_INSPECTOR (self->inspector), document);
  waymark_outline_set_document (self->outline, document);
  waymark_dashboard_view_set_document (self->dashboard_view, document);
  waymark_canvas_set_document (self->canvas, document);
  waymark_change_panel_set_document (WAYMARK_CHANGE_PANEL (self->conflict_panel), document);
  waymark_change_panel_set_document (WAYMARK_CHANGE_PANEL (self->compare_panel), document);
  waymark_findings_panel_set_document (self->findings_panel, document);
  selection_changed_cb (self, self->canvas);
  update_read_only (self);
  /* A merged map opens with its conflicts in view. */
  gtk_toggle_button_set_active (self->conflict_button,
                                waymark_conflict_panel_get_n_conflicts (self->conflict_panel) > 0);
  update_conflicts (self);
}

WaymarkConflictPanel *
waymark_editor_get_conflict_panel (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->conflict_panel;
}

WaymarkComparePanel *
waymark_editor_get_compare_panel (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->compare_panel;
}

static void
show_comparison (WaymarkEditor *self)
{
  /* The comparison takes the place beside the map. */
  gtk_toggle_button_set_active (self->conflict_button, FALSE);
  update_conflicts (self);
}

gboolean
waymark_editor_compare_with_file (WaymarkEditor *self,
                                  GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  /* TRANSLATORS: a file's name in quotes, as the Compare view names it */
  g_autofree char *name = g_strdup_printf (C_("file name", "“%s”"), basename);

  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  if (!waymark_compare_panel_compare_with_file (self->compare_panel, file, name, &error))
    {
      /* TRANSLATORS: "Could not compare with “a.journey”: …" */
      g_autofree char *text = g_strdup_printf (_("Could not compare with %s: %s"), name, error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return FALSE;
    }
  show_comparison (self);
  return TRUE;
}

gboolean
waymark_editor_compare_with_saved (WaymarkEditor *self)
{
  g_autoptr(GError) error = NULL;
  GFile *file;

  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  file = self->document ? waymark_document_get_file (self->document) : NULL;
  if (file == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This map has not been saved yet")));
      return FALSE;
    }
  if (!waymark_compare_panel_compare_with_saved (self->compare_panel, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not compare with %s: %s"), _("the saved version"),
                                               error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return FALSE;
    }
  show_comparison (self);
  return TRUE;
}

static void
compare_chooser_response_cb (GtkNativeDialog *chooser,
                             int              response,
                             WaymarkEditor   *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && waymark_editor_compare_with_file (self, file))
        {
          gboolean intended = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "intended"));

          /* The other map is the plan; this one, the journey as it is. */
          if (intended)
            waymark_compare_panel_set_document_intended (self->compare_panel, FALSE);
          waymark_compare_panel_set_show_deviations (self->compare_panel, intended);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
waymark_editor_choose_compare_file (WaymarkEditor *self,
                                    gboolean       intended)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  chooser = gtk_file_chooser_native_new (intended ? _("Compare With Intended Map") : _("Compare With"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), NULL);
  g_object_set_data (G_OBJECT (chooser), "intended", GINT_TO_POINTER (intended));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_pattern (filter, "*.journey");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (compare_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

gboolean
waymark_editor_get_show_conflicts (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  return gtk_toggle_button_get_active (self->conflict_button);
}

WaymarkDocument *
waymark_editor_get_document (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->document;
}

WaymarkCanvas *
waymark_editor_get_canvas (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->canvas;
}

WaymarkChannelPalette *
waymark_editor_get_palette (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->palette;
}

GtkWidget *
waymark_editor_get_inspector (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->inspector;
}

WaymarkOutline *
waymark_editor_get_outline (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->outline;
}

const char *
waymark_editor_get_view (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

void
waymark_editor_set_view (WaymarkEditor *self,
                         const char    *view)
{
  gboolean map;
  gpointer item;
  WaymarkRect rect;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (WAYMARK_IS_EDITOR (self));
  g_return_if_fail (g_strcmp0 (view, "map") == 0 || g_strcmp0 (view, "outline") == 0 ||
                    g_strcmp0 (view, "dashboard") == 0);

  /* Ctrl+1 from the palette or the inspector brings the keyboard back
   * to the map even when the map is shown already. */
  if (g_strcmp0 (view, waymark_editor_get_view (self)) == 0)
    {
      if (g_str_equal (view, "map"))
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
      return;
    }
  map = g_str_equal (view, "map");
  /* A stack that hides the child with the keyboard moves it into the new
   * child as Tab would, and Tab into the outline selects its first row:
   * the selection would change under the user.  The focus leaves first
   * and lands below where it should. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack)))
    gtk_root_set_focus (root, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  gtk_widget_set_visible (self->map_tools, map);
  /* The dashboard's figures are of the whole map: nothing to dim there. */
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_button), !g_str_equal (view, "dashboard"));

  /* The keyboard goes with the view, to what is selected (the dashboard
   * selects nothing: its scrolled window takes it, for the arrow keys). */
  if (g_str_equal (view, "outline"))
    waymark_outline_focus_row (self->outline);
  else if (g_str_equal (view, "dashboard"))
    gtk_widget_grab_focus (self->dashboard_scroller);
  else
    {
      item = waymark_canvas_get_selected_item (self->canvas);
      if (item != NULL && waymark_canvas_get_layout (self->canvas) != NULL &&
          (waymark_item_get_item_type (item) == WAYMARK_ITEM_TOUCHPOINT ||
           waymark_item_get_item_type (item) == WAYMARK_ITEM_NOTE) &&
          waymark_layout_get_card_rect (waymark_canvas_get_layout (self->canvas), item, &rect))
        waymark_canvas_scroll_to_rect (self->canvas, &rect);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

gboolean
waymark_editor_get_show_inspector (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

void
waymark_editor_set_show_inspector (WaymarkEditor *self,
                                   gboolean       show)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  adw_flap_set_reveal_flap (self->flap, show);
}

gboolean
waymark_editor_get_show_palette (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  return adw_flap_get_reveal_flap (self->palette_flap);
}

void
waymark_editor_set_show_palette (WaymarkEditor *self,
                                 gboolean       show)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  adw_flap_set_reveal_flap (self->palette_flap, show);
}

WaymarkFindingsPanel *
waymark_editor_get_findings_panel (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), NULL);

  return self->findings_panel;
}

gboolean
waymark_editor_get_show_findings (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  return adw_flap_get_reveal_flap (self->findings_flap);
}

void
waymark_editor_set_show_findings (WaymarkEditor *self,
                                  gboolean       show)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  adw_flap_set_reveal_flap (self->findings_flap, show);
}

void
waymark_editor_add_toast (WaymarkEditor *self,
                          AdwToast      *toast)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- Presentation mode ---- */

gboolean
waymark_editor_get_presenting (WaymarkEditor *self)
{
  g_return_val_if_fail (WAYMARK_IS_EDITOR (self), FALSE);

  return self->presenting;
}

void
waymark_editor_set_presenting (WaymarkEditor *self,
                               gboolean       presenting)
{
  g_return_if_fail (WAYMARK_IS_EDITOR (self));

  presenting = !!presenting;
  if (presenting == self->presenting)
    return;
  self->presenting = presenting;

  /* The map alone: no palette, inspector or toolbar. */
  if (presenting)
    {
      self->palette_was_shown = waymark_editor_get_show_palette (self);
      self->inspector_was_shown = waymark_editor_get_show_inspector (self);
      g_free (self->view_before);
      self->view_before = g_strdup (waymark_editor_get_view (self));
      waymark_editor_set_view (self, "map");
      waymark_editor_set_show_palette (self, FALSE);
      waymark_editor_set_show_inspector (self, FALSE);
      gtk_widget_set_visible (self->toolbar, FALSE);
      waymark_canvas_set_presenting (self->canvas, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    {
      waymark_canvas_set_presenting (self->canvas, FALSE);
      waymark_editor_set_show_palette (self, self->palette_was_shown);
      waymark_editor_set_show_inspector (self, self->inspector_was_shown);
      gtk_widget_set_visible (self->toolbar, TRUE);
      if (self->view_before != NULL)
        waymark_editor_set_view (self, self->view_before);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

/* ---- Actions: the toolbar sits beside the canvas, not in it ---- */

static void
search_palette_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *parameter)
{
  WaymarkEditor *self = WAYMARK_EDITOR (widget);

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->palette)))
    return;
  waymark_channel_palette_focus_search (self->palette);
}

/* Escape in the palette or the inspector returns the keyboard to the map
 * (what the room looks at); popovers and dialogs keep their own Escape. */
static gboolean
escape_to_map_cb (WaymarkEditor         *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  g_assert (WAYMARK_IS_EDITOR (self));

  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (focus != NULL && gtk_widget_get_native (focus) != gtk_widget_get_native (widget))
    return FALSE;
  if (g_strcmp0 (waymark_editor_get_view (self), "map") != 0)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  return TRUE;
}

static void
add_escape_to_map (WaymarkEditor *self,
                   GtkWidget     *widget)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (escape_to_map_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);
}

static void
forward_action (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  WaymarkEditor *self = WAYMARK_EDITOR (widget);
  g_autofree char *canvas_action = g_strconcat ("canvas.", strchr (name, '.') + 1, NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), canvas_action, NULL);
  /* Adding a phase starts a rename in the canvas; zooming leaves the
   * keyboard where it was. */
  if (!waymark_canvas_is_editing (self->canvas))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
reveal_flap_cb (WaymarkEditor *self,
                GParamSpec    *pspec,
                AdwFlap       *flap)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[flap == self->flap ? PROP_SHOW_INSPECTOR : PROP_SHOW_PALETTE]);
}

/* A panel that folds hides, one that unfolds shows again, as an unlocked
 * AdwFlap would do itself; but not in the middle of the size allocation
 * that folded it (showing or hiding a child there leaves widgets that
 * are drawn without an allocation): the flaps are locked, and the editor
 * does it once the frame is laid out. */
static gboolean
follow_fold_cb (gpointer data)
{
  WaymarkEditor *self = data;

  g_assert (WAYMARK_IS_EDITOR (self));

  self->fold_source = 0;
  /* Going full screen folds or unfolds them too: the room sees the map
   * alone all the same. */
  if (self->presenting)
    return G_SOURCE_REMOVE;
  adw_flap_set_reveal_flap (self->palette_flap, !adw_flap_get_folded (self->palette_flap));
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
  return G_SOURCE_REMOVE;
}

static void
folded_cb (WaymarkEditor *self)
{
  g_assert (WAYMARK_IS_EDITOR (self));

  if (self->fold_source == 0)
    self->fold_source = g_idle_add (follow_fold_cb, self);
}

static void
waymark_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkEditor *self = WAYMARK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_INSPECTOR:
      g_value_set_boolean (value, waymark_editor_get_show_inspector (self));
      break;
    case PROP_SHOW_PALETTE:
      g_value_set_boolean (value, waymark_editor_get_show_palette (self));
      break;
    case PROP_VIEW:
      g_value_set_string (value, waymark_editor_get_view (self));
      break;
    case PROP_SHOW_FINDINGS:
      g_value_set_boolean (value, waymark_editor_get_show_findings (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkEditor *self = WAYMARK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_INSPECTOR:
      waymark_editor_set_show_inspector (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_PALETTE:
      waymark_editor_set_show_palette (self, g_value_get_boolean (value));
      break;
    case PROP_VIEW:
      waymark_editor_set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_FINDINGS:
      waymark_editor_set_show_findings (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_editor_dispose (GObject *object)
{
  WaymarkEditor *self = WAYMARK_EDITOR (object);

  g_clear_handle_id (&self->geometry_source, g_source_remove);
  g_clear_handle_id (&self->fold_source, g_source_remove);
  g_clear_handle_id (&self->highlight_count_source, g_source_remove);
  g_clear_object (&self->document_signals);
  if (self->journey != NULL)
    g_clear_signal_handler (&self->journey_changed_id, self->journey);
  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  g_clear_pointer (&self->view_before, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_EDITOR);
  /* The template's unnamed root box too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (waymark_editor_parent_class)->dispose (object);
}

static void
waymark_editor_class_init (WaymarkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_editor_dispose;
  object_class->get_property = waymark_editor_get_property;
  object_class->set_property = waymark_editor_set_property;

  properties[PROP_SHOW_INSPECTOR] =
    g_param_spec_boolean ("show-inspector", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PALETTE] =
    g_param_spec_boolean ("show-palette", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "map",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_FINDINGS] =
    g_param_spec_boolean ("show-findings", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WAYMARK_TYPE_CANVAS);
  g_type_ensure (WAYMARK_TYPE_FINDINGS_PANEL);
  g_type_ensure (WAYMARK_TYPE_CHANNEL_PALETTE);
  g_type_ensure (WAYMARK_TYPE_CONFLICT_PANEL);
  g_type_ensure (WAYMARK_TYPE_COMPARE_PANEL);
  g_type_ensure (WAYMARK_TYPE_INSPECTOR);
  g_type_ensure (WAYMARK_TYPE_OUTLINE);
  g_type_ensure (WAYMARK_TYPE_DASHBOARD_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, read_only_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, conflict_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, conflict_button_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, side_revealer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, conflict_panel);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, side_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, compare_panel);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, palette);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, canvas);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, toolbar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, inspector);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, map_tools);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, outline);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, dashboard_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, dashboard_scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, findings_flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, WaymarkEditor, highlight_button);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, palette_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_conflicts);
  gtk_widget_class_bind_template_callback (widget_class, compare_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_checker_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_revealed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-phase", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "editor.add-lane", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-reset", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "editor.zoom-fit", NULL, forward_action);
  /* Radio-like toggle buttons and Ctrl+1 / Ctrl+2 / Ctrl+3 (free in the
   * canvas and the window; Alt+number is the tab view's). */
  gtk_widget_class_install_property_action (widget_class, "editor.view", "view");
  gtk_widget_class_install_action (widget_class, "editor.search-palette", NULL, search_palette_action);
  gtk_widget_class_install_action (widget_class, "editor.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-highlight", NULL, clear_highlight_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.highlight", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.search-palette", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "editor.view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "editor.view", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "editor.view", "s", "outline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_CONTROL_MASK, "editor.view", "s", "outline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "editor.view", "s", "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_3, GDK_CONTROL_MASK, "editor.view", "s", "dashboard");
  /* The window's Findings button and F8 (win.toggle-findings) set it. */
  gtk_widget_class_install_property_action (widget_class, "editor.show-findings", "show-findings");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* The map starts below the floating toolbar, as the outline does with its
 * margin: scrolled to the top, nothing of the map (its title first) hides
 * under the toolbar.  Measured once it is shown, with its style. */
static void
toolbar_mapped_cb (WaymarkEditor *self)
{
  int height;

  g_assert (WAYMARK_IS_EDITOR (self));

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  waymark_canvas_set_top_inset (self->canvas,
                                gtk_widget_get_margin_top (self->toolbar) + height + 8);
}

static void
waymark_editor_init (WaymarkEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The banner's Edit is there when its action is enabled (the tab's
   * tab.edit-shared, for a map someone else has open), not greyed out
   * for the reasons it cannot help with (a newer format, no permission). */
  g_object_bind_property (self->read_only_button, "sensitive",
                          self->read_only_button, "visible",
                          G_BINDING_SYNC_CREATE);

  self->document_signals = g_signal_group_new (WAYMARK_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify::read-only",
                                 G_CALLBACK (read_only_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->document_signals, "notify::journey",
                                 G_CALLBACK (document_journey_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->toolbar, "map", G_CALLBACK (toolbar_mapped_cb), self);
  add_escape_to_map (self, GTK_WIDGET (self->palette));
  add_escape_to_map (self, GTK_WIDGET (self->inspector));

  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_cb), self);
  g_signal_connect_swapped (self->conflict_button, "toggled", G_CALLBACK (conflict_button_toggled_cb), self);
  g_signal_connect_swapped (self->palette_flap, "notify::reveal-flap", G_CALLBACK (reveal_flap_cb), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (folded_cb), self);
  g_signal_connect_swapped (self->palette_flap, "notify::folded", G_CALLBACK (folded_cb), self);
  update_read_only (self);

  self->highlight_popover = WAYMARK_HIGHLIGHT_POPOVER (waymark_highlight_popover_new ());
  gtk_menu_button_set_popover (self->highlight_button, GTK_WIDGET (self->highlight_popover));
  gtk_menu_button_set_create_popup_func (self->highlight_button, highlight_popup_cb, self, NULL);
  g_signal_connect_swapped (self->highlight_popover, "changed", G_CALLBACK (apply_highlight), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-highlight", FALSE);

  if (g_getenv ("WAYMARK_TEST_GEOMETRY") != NULL)
    self->geometry_source = g_timeout_add (200, write_geometry_cb, self);
}

GtkWidget *
waymark_editor_new (void)
{
  return g_object_new (WAYMARK_TYPE_EDITOR, NULL);
}
