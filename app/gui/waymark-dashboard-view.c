/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-dashboard-painter.h"
#include "waymark-dashboard-view.h"

/* How far the dashboard is scaled to the view's width. */
#define MIN_SCALE 0.5
#define MAX_SCALE 1.25

struct _WaymarkDashboardView {
  GtkWidget parent_instance;

  WaymarkDocument *document;
  WaymarkJourney *journey;
  gulong journey_notify_id;
  gulong changed_id;

  WaymarkDashboard *dashboard;   /* NULL until first computed */
  gboolean dirty;                /* the map changed since */
  double height;                 /* of the dashboard, at its natural size */
  cairo_surface_t *recording;    /* the dashboard drawn, replayed by every frame */
  gboolean recorded_dark;
  guint n_updates;
};

G_DEFINE_FINAL_TYPE (WaymarkDashboardView, waymark_dashboard_view, GTK_TYPE_WIDGET)

static const char *
journey_title (WaymarkDashboardView *self)
{
  return waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE);
}

static const WaymarkPalette *
current_palette (gboolean *dark)
{
  *dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  return waymark_palette_get (*dark ? WAYMARK_PALETTE_DARK : WAYMARK_PALETTE_LIGHT);
}

/* Draws the dashboard once, in the style's palette, for the frames to
 * replay. */
static void
record (WaymarkDashboardView *self)
{
  const WaymarkPalette *palette = current_palette (&self->recorded_dark);

  g_clear_pointer (&self->recording, cairo_surface_destroy);
  self->recording = waymark_dashboard_painter_record (self->dashboard, journey_title (self), palette, &self->height);
}

/* Computes the figures again when the map changed since they were last. */
static void
compute (WaymarkDashboardView *self)
{
  g_autofree char *summary = NULL;

  self->dirty = FALSE;
  g_clear_pointer (&self->dashboard, waymark_dashboard_free);
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  if (self->journey == NULL)
    return;

  self->dashboard = waymark_dashboard_new (self->journey);
  record (self);
  self->n_updates++;

  /* What a screen reader says of the picture: its totals. */
  summary = waymark_dashboard_painter_get_summary (self->dashboard);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
}

/* Only a shown view computes: the stack measures its hidden pages too,
 * and a map of 10,000 touchpoints must not pay for a dashboard nobody
 * looks at on every keystroke. */
static void
ensure_dashboard (WaymarkDashboardView *self)
{
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    compute (self);
}

/* Marks the figures out of date; the next measure computes them again,
 * so a burst of changes (a paste of fifty cards) costs one computation
 * before the next frame. */
static void
invalidate (WaymarkDashboardView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
journey_changed_cb (WaymarkJourney       *journey,
                    gpointer              change,
                    WaymarkDashboardView *self)
{
  g_assert (WAYMARK_IS_DASHBOARD_VIEW (self));

  invalidate (self);
}

static void
unbind_journey (WaymarkDashboardView *self)
{
  if (self->journey != NULL)
    g_clear_signal_handler (&self->changed_id, self->journey);
  g_clear_object (&self->journey);
}

static void
bind_journey (WaymarkDashboardView *self)
{
  unbind_journey (self);
  if (self->document != NULL)
    {
      self->journey = g_object_ref (waymark_document_get_journey (self->document));
      self->changed_id = g_signal_connect (self->journey, "changed", G_CALLBACK (journey_changed_cb), self);
    }
  invalidate (self);
}

static void
document_journey_cb (WaymarkDashboardView *self,
                     GParamSpec           *pspec,
                     WaymarkDocument      *document)
{
  g_assert (WAYMARK_IS_DASHBOARD_VIEW (self));

  bind_journey (self);
}

static void
dark_changed_cb (WaymarkDashboardView *self)
{
  g_assert (WAYMARK_IS_DASHBOARD_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
scale_for_width (double width)
{
  return CLAMP (width / WAYMARK_DASHBOARD_WIDTH, MIN_SCALE, MAX_SCALE);
}

static GtkSizeRequestMode
waymark_dashboard_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
waymark_dashboard_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  WaymarkDashboardView *self = WAYMARK_DASHBOARD_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) ceil (WAYMARK_DASHBOARD_WIDTH * MIN_SCALE);
      *natural = (int) ceil (WAYMARK_DASHBOARD_WIDTH);
      return;
    }

  ensure_dashboard (self);
  if (self->dashboard == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  *minimum = *natural = (int) ceil (self->height * scale_for_width (for_size < 0 ? WAYMARK_DASHBOARD_WIDTH : for_size));
}

static void
waymark_dashboard_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  WaymarkDashboardView *self = WAYMARK_DASHBOARD_VIEW (widget);
  gboolean dark;
  const WaymarkPalette *palette = current_palette (&dark);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double scale;
  cairo_t *cr;

  ensure_dashboard (self);
  if (self->dashboard == NULL || width <= 0 || height <= 0)
    return;
  if (dark != self->recorded_dark)
    record (self);

  scale = scale_for_width (width);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The page's colour edge to edge; the dashboard centred when the view
   * is wider than its largest size. */
  waymark_color_set_source (&palette->page, cr);
  cairo_paint (cr);
  cairo_translate (cr, MAX (0, (width - WAYMARK_DASHBOARD_WIDTH * scale) / 2), 0);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, self->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
waymark_dashboard_view_map (GtkWidget *widget)
{
  WaymarkDashboardView *self = WAYMARK_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (waymark_dashboard_view_parent_class)->map (widget);
  /* What changed while it was hidden. */
  if (self->dirty)
    gtk_widget_queue_resize (widget);
}

static void
waymark_dashboard_view_dispose (GObject *object)
{
  WaymarkDashboardView *self = WAYMARK_DASHBOARD_VIEW (object);

  waymark_dashboard_view_set_document (self, NULL);
  g_clear_pointer (&self->dashboard, waymark_dashboard_free);
  g_clear_pointer (&self->recording, cairo_surface_destroy);

  G_OBJECT_CLASS (waymark_dashboard_view_parent_class)->dispose (object);
}

static void
waymark_dashboard_view_class_init (WaymarkDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_dashboard_view_dispose;
  widget_class->map = waymark_dashboard_view_map;
  widget_class->get_request_mode = waymark_dashboard_view_get_request_mode;
  widget_class->measure = waymark_dashboard_view_measure;
  widget_class->snapshot = waymark_dashboard_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "dashboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
waymark_dashboard_view_init (WaymarkDashboardView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("KPI dashboard"), -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
waymark_dashboard_view_new (void)
{
  return g_object_new (WAYMARK_TYPE_DASHBOARD_VIEW, NULL);
}

void
waymark_dashboard_view_set_document (WaymarkDashboardView *self,
                                     WaymarkDocument      *document)
{
  g_return_if_fail (WAYMARK_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_clear_signal_handler (&self->journey_notify_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->journey_notify_id = g_signal_connect_swapped (document, "notify::journey",
                                                        G_CALLBACK (document_journey_cb), self);
  bind_journey (self);
}

const WaymarkDashboard *
waymark_dashboard_view_get_dashboard (WaymarkDashboardView *self)
{
  g_return_val_if_fail (WAYMARK_IS_DASHBOARD_VIEW (self), NULL);

  if (self->dirty)
    compute (self);
  return self->dashboard;
}

guint
waymark_dashboard_view_get_n_updates (WaymarkDashboardView *self)
{
  g_return_val_if_fail (WAYMARK_IS_DASHBOARD_VIEW (self), 0);

  return self->n_updates;
}
