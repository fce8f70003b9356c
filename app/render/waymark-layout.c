/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WaymarkLayout itself: the GObject, construction, the settings that
 * change the grid (slots, stack target, density) and the statistics.
 * The work is spread over waymark-layout-*.c: -structure (model to grid),
 * -changes (what an edit marks dirty), -update (measuring and placing),
 * -header (the map's texts outside the grid), -geometry (rectangles and
 * searches) and -hit (hit testing). */

#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "waymark-layout-private.h"

G_DEFINE_FINAL_TYPE (WaymarkLayout, waymark_layout, G_TYPE_OBJECT)

enum {
  INVALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- invalidation ----------------------------------------------------- */

void
_waymark_layout_mark_invalid (WaymarkLayout *self)
{
  self->any_dirty = TRUE;
  self->links_dirty = TRUE;
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/* ---- GObject ----------------------------------------------------------- */

static void
waymark_layout_dispose (GObject *object)
{
  WaymarkLayout *self = WAYMARK_LAYOUT (object);

  if (self->journey)
    {
      g_clear_signal_handler (&self->changed_id, self->journey);
      g_clear_object (&self->journey);
    }
  g_clear_object (&self->checker);
  G_OBJECT_CLASS (waymark_layout_parent_class)->dispose (object);
}

static void
waymark_layout_finalize (GObject *object)
{
  WaymarkLayout *self = WAYMARK_LAYOUT (object);

  _waymark_layout_cells_free (self);
  g_clear_pointer (&self->dirty_cards, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_cells, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_columns, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);
  g_clear_pointer (&self->row_of, g_hash_table_unref);
  g_clear_pointer (&self->emotion, g_array_unref);
  g_clear_pointer (&self->link_routes, _waymark_link_routes_free);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  _waymark_legend_clear (self);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_pointer (&self->page_breaks, g_array_unref);
  g_clear_pointer (&self->highlight, waymark_highlight_free);
  g_clear_pointer (&self->emotion_marks, g_ptr_array_unref);
  g_clear_pointer (&self->persona_curves, g_ptr_array_unref);
  g_clear_object (&self->emotion_footnotes);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  g_clear_object (&self->personas);
  g_clear_object (&self->badge);
  g_clear_object (&self->empty_hint);
  g_clear_pointer (&self->text, waymark_text_cache_free);

  G_OBJECT_CLASS (waymark_layout_parent_class)->finalize (object);
}

static void
waymark_layout_class_init (WaymarkLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_layout_dispose;
  object_class->finalize = waymark_layout_finalize;

  /**
   * WaymarkLayout::invalidated:
   *
   * The journey changed: the geometry is out of date until the next
   * waymark_layout_update() (the canvas queues a resize and a redraw).
   */
  signals[INVALIDATED] =
    g_signal_new ("invalidated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
waymark_layout_init (WaymarkLayout *self)
{
  self->density = WAYMARK_LAYOUT_DENSITY_SCREEN;
  self->metrics = _waymark_metrics_get (self->density);
  self->max_slots = WM_MAX_SLOTS;
  self->stack_target = WAYMARK_LAYOUT_STACK_TARGET;
  self->columns = g_ptr_array_new_with_free_func (_waymark_layout_column_free);
  self->rows = g_ptr_array_new_with_free_func (_waymark_layout_row_free);
  self->column_of = g_hash_table_new (NULL, NULL);
  self->row_of = g_hash_table_new (NULL, NULL);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _waymark_card_free);
  self->emotion = g_array_new (FALSE, TRUE, sizeof (WaymarkEmotionPoint));
  self->links_dirty = TRUE;
  self->legend = g_array_new (FALSE, TRUE, sizeof (WaymarkLegendItem));
  self->emotion_marks = g_ptr_array_new_with_free_func (g_object_unref);
  self->persona_curves = g_ptr_array_new_with_free_func (_waymark_persona_curve_free);
  self->page_breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dirty_cards = g_ptr_array_new ();
  self->dirty_cells = g_ptr_array_new ();
  self->dirty_columns = g_ptr_array_new ();
  self->dirty_rows = g_ptr_array_new ();
  self->content_width = self->metrics->min_content_width;
}

PangoContext *
waymark_layout_create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions make line breaks and sizes
   * independent of the zoom and the surface: what the canvas shows is
   * what the PDF holds.  No hinting and grey antialiasing keep image
   * output the same on every machine with the same fonts. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 96.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

WaymarkLayout *
waymark_layout_new (WaymarkJourney *journey,
                    PangoContext   *context)
{
  WaymarkLayout *self;
  PangoContext *own = NULL;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  if (context == NULL)
    context = own = waymark_layout_create_pango_context ();

  self = g_object_new (WAYMARK_TYPE_LAYOUT, NULL);
  self->journey = g_object_ref (journey);
  self->text = waymark_text_cache_new (context);
  g_clear_object (&own);
  self->changed_id = g_signal_connect (journey, "changed", G_CALLBACK (_waymark_layout_on_journey_changed), self);
  self->structure_dirty = TRUE;
  self->any_dirty = TRUE;
  return self;
}

WaymarkJourney *
waymark_layout_get_journey (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), NULL);
  return self->journey;
}

PangoContext *
waymark_layout_get_pango_context (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), NULL);
  return waymark_text_cache_get_context (self->text);
}

WaymarkTextCache *
_waymark_layout_get_text_cache (WaymarkLayout *self)
{
  return self->text;
}

void
waymark_layout_invalidate (WaymarkLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  /* Layouts made for the old context must go, not just be re-measured. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WaymarkCard *card = value;

      g_clear_object (&card->text);
      g_clear_object (&card->emotion_label);
      card->natural_height = 0;
    }
  g_array_set_size (self->emotion, 0);
  g_ptr_array_set_size (self->persona_curves, 0);
  waymark_text_cache_clear_labels (self->text);
  self->structure_dirty = TRUE;
  _waymark_layout_mark_invalid (self);
}

void
waymark_layout_set_max_slots (WaymarkLayout *self,
                              guint          max_slots)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  max_slots = CLAMP (max_slots, 1, WM_MAX_SLOTS);
  if (max_slots == self->max_slots)
    return;
  self->max_slots = max_slots;
  /* Column widths change, so the grid is rebuilt; card text is kept. */
  self->structure_dirty = TRUE;
  _waymark_layout_mark_invalid (self);
}

guint
waymark_layout_get_max_slots (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WM_MAX_SLOTS);
  return self->max_slots;
}

void
waymark_layout_set_stack_target (WaymarkLayout *self,
                                 guint          stack_target)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  stack_target = MAX (stack_target, 1);
  if (stack_target == self->stack_target)
    return;
  self->stack_target = stack_target;
  self->structure_dirty = TRUE;
  _waymark_layout_mark_invalid (self);
}

guint
waymark_layout_get_stack_target (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WAYMARK_LAYOUT_STACK_TARGET);
  return self->stack_target;
}

void
waymark_layout_set_density (WaymarkLayout        *self,
                            WaymarkLayoutDensity  density)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  if (density == self->density)
    return;
  self->density = density;
  self->metrics = _waymark_metrics_get (density);
  waymark_text_cache_set_sizes (self->text, density == WAYMARK_LAYOUT_DENSITY_PRINT          ? WAYMARK_TEXT_SIZES_PRINT
                                            : density == WAYMARK_LAYOUT_DENSITY_PRESENTATION ? WAYMARK_TEXT_SIZES_PRESENTATION
                                                                                             : WAYMARK_TEXT_SIZES_SCREEN);
  /* Cards wrap at a new width and text sizes change: every layout goes. */
  waymark_layout_invalidate (self);
}

void
waymark_layout_set_frame_width (WaymarkLayout *self,
                                double         width)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));

  width = MAX (width, 0);
  if (width == self->frame_width)
    return;
  self->frame_width = width;
  /* The header's height moves the grid; the notes' list grows. */
  self->header_dirty = TRUE;
  self->legend_dirty = TRUE;
  self->emotion_dirty = TRUE;
  _waymark_layout_mark_invalid (self);
}

double
waymark_layout_get_frame_width (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), 0);
  return self->frame_width;
}

void
waymark_layout_set_page_breaks (WaymarkLayout *self,
                                const guint   *first_columns,
                                guint          n)
{
  gboolean same;

  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  g_return_if_fail (first_columns != NULL || n == 0);

  same = n == self->page_breaks->len;
  for (guint i = 0; same && i < n; i++)
    same = first_columns[i] == g_array_index (self->page_breaks, guint, i);
  if (same)
    return;

  g_array_set_size (self->page_breaks, 0);
  for (guint i = 0; i < n; i++)
    {
      g_return_if_fail (i == 0 || first_columns[i] > first_columns[i - 1]);
      if (first_columns[i] > 0)
        g_array_append_val (self->page_breaks, first_columns[i]);
    }
  /* Only the emotion notes' places depend on them. */
  self->emotion_dirty = TRUE;
  _waymark_layout_mark_invalid (self);
}

double
waymark_layout_get_text_size (WaymarkLayout    *self,
                              WaymarkTextStyle  style)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), 0);
  return waymark_text_cache_get_size (self->text, style);
}

WaymarkLayoutDensity
waymark_layout_get_density (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), WAYMARK_LAYOUT_DENSITY_SCREEN);
  return self->density;
}

gboolean
waymark_layout_is_dirty (WaymarkLayout *self)
{
  g_return_val_if_fail (WAYMARK_IS_LAYOUT (self), FALSE);
  return self->any_dirty;
}

/* ---- statistics ------------------------------------------------------- */

void
waymark_layout_get_stats (WaymarkLayout      *self,
                          WaymarkLayoutStats *stats)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  *stats = self->stats;
}

void
waymark_layout_reset_stats (WaymarkLayout *self)
{
  g_return_if_fail (WAYMARK_IS_LAYOUT (self));
  memset (&self->stats, 0, sizeof self->stats);
}
