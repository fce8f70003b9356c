/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "waymark-curves-chart.h"
#include "waymark-emotion-face.h"
#include "waymark-number.h"
#include "waymark-text-cache.h"

/* Lengths in device units (the app's pixels, or points on a page). */
#define LEGEND_HEIGHT 22.0
#define SCALE_WIDTH   24.0
#define AXIS_HEIGHT   20.0
#define RIGHT_PAD      8.0
#define FACE_RADIUS    6.0
#define MARKER         4.5
#define TEXT_SIZE     11.0
/* Narrower steps than this draw their lines only: markers would merge. */
#define MIN_MARKER_STEP 7.0
/* A phase narrower than this gets no name under the axis. */
#define MIN_LABEL_WIDTH 24.0

typedef struct {
  double left;
  double right;
  double top;
  double bottom;
  double step;   /* width of one step */
} Frame;

static Frame
frame_of (GArray *steps,
          double  width,
          double  height)
{
  Frame f = {
    .left = SCALE_WIDTH,
    .right = MAX (SCALE_WIDTH + 1, width - RIGHT_PAD),
    .top = LEGEND_HEIGHT + FACE_RADIUS + 2,
    .bottom = MAX (LEGEND_HEIGHT + FACE_RADIUS + 3, height - AXIS_HEIGHT - FACE_RADIUS),
  };

  f.step = (f.right - f.left) / MAX (steps->len, 1);
  return f;
}

static double
step_x (const Frame *f,
        guint        i)
{
  return f->left + (i + 0.5) * f->step;
}

static double
score_y (const Frame *f,
         double       score)
{
  return f->top + (WAYMARK_EMOTION_MAX - score) / (WAYMARK_EMOTION_MAX - WAYMARK_EMOTION_MIN) * (f->bottom - f->top);
}

static PangoLayout *
make_text (cairo_t    *cr,
           const char *text,
           double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (WAYMARK_TEXT_FAMILIES);

  pango_font_description_set_absolute_size (font, TEXT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  return layout;
}

/* Draws @text with its left edge at @x, centred on @cy; returns its width. */
static double
draw_text (cairo_t            *cr,
           const WaymarkColor *color,
           const char         *text,
           double              x,
           double              cy,
           double              width)
{
  g_autoptr(PangoLayout) layout = make_text (cr, text, width);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  waymark_color_set_source (color, cr);
  cairo_move_to (cr, x, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
triangle (cairo_t *cr,
          double   x,
          double   y,
          double   r)
{
  cairo_move_to (cr, x, y - r * 1.2);
  cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
  cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
  cairo_close_path (cr);
}

static void
set_intended_style (cairo_t              *cr,
                    const WaymarkPalette *palette)
{
  static const double dash[] = { 5.0, 3.5 };

  waymark_color_set_source (&palette->intended_curve, cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
}

static void
set_actual_style (cairo_t              *cr,
                  const WaymarkPalette *palette)
{
  waymark_color_set_source (&palette->emotion_curve, cr);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* The plan's marker: a diamond on the page colour, outlined. */
static void
intended_marker (cairo_t              *cr,
                 const WaymarkPalette *palette,
                 double                x,
                 double                y)
{
  diamond (cr, x, y, MARKER);
  waymark_color_set_source (&palette->page, cr);
  cairo_fill_preserve (cr);
  waymark_color_set_source (&palette->intended_curve, cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}

static void
actual_marker (cairo_t              *cr,
               const WaymarkPalette *palette,
               double                x,
               double                y)
{
  cairo_arc (cr, x, y, MARKER - 0.5, 0, 2 * G_PI);
  waymark_color_set_source (&palette->emotion_curve, cr);
  cairo_fill (cr);
}

static void
draw_legend (cairo_t              *cr,
             const WaymarkPalette *palette)
{
  double cy = LEGEND_HEIGHT / 2;
  double x = SCALE_WIDTH;

  set_intended_style (cr, palette);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + 22, cy);
  cairo_stroke (cr);
  intended_marker (cr, palette, x + 11, cy);
  x += 28;
  x += draw_text (cr, &palette->text, C_("emotion curve", "Intended"), x, cy, -1) + 16;

  set_actual_style (cr, palette);
  cairo_move_to (cr, x, cy);
  cairo_line_to (cr, x + 22, cy);
  cairo_stroke (cr);
  actual_marker (cr, palette, x + 11, cy);
  x += 28;
  draw_text (cr, &palette->text, C_("emotion curve", "As is"), x, cy, -1);
}

/* The emotion levels as faces at the left, a line at each. */
static void
draw_scale (cairo_t              *cr,
            const WaymarkPalette *palette,
            const Frame          *f)
{
  for (int score = WAYMARK_EMOTION_MIN; score <= WAYMARK_EMOTION_MAX; score++)
    {
      double y = score_y (f, score);

      waymark_color_set_source (score == 0 ? &palette->zero_line : &palette->grid_line, cr);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, f->left, round (y) + 0.5);
      cairo_line_to (cr, f->right, round (y) + 0.5);
      cairo_stroke (cr);
      if (score % 2 == 0)
        waymark_emotion_face_draw (cr, palette, score, SCALE_WIDTH / 2, y, FACE_RADIUS);
    }
}

/* Each run of steps in one phase: a faint band every other run, and the
 * phase's name under the axis where it fits. */
static void
draw_phases (cairo_t              *cr,
             const WaymarkPalette *palette,
             GArray               *steps,
             const Frame          *f,
             double                height)
{
  guint start = 0;
  gboolean shaded = FALSE;

  while (start < steps->len)
    {
      const char *name = g_array_index (steps, WaymarkCurveStep, start).phase_name;
      guint end = start + 1;
      double x0, width;

      while (end < steps->len && g_strcmp0 (g_array_index (steps, WaymarkCurveStep, end).phase_name, name) == 0)
        end++;
      x0 = f->left + start * f->step;
      width = (end - start) * f->step;
      if (shaded)
        {
          waymark_color_set_source (&palette->cell_fill, cr);
          cairo_rectangle (cr, x0, f->top - FACE_RADIUS, width, f->bottom - f->top + 2 * FACE_RADIUS);
          cairo_fill (cr);
        }
      if (width >= MIN_LABEL_WIDTH && *name != '\0')
        draw_text (cr, &palette->text_secondary, name, x0 + 2, height - AXIS_HEIGHT / 2, width - 4);
      shaded = !shaded;
      start = end;
    }
}

static WaymarkTouchpoint *
side_of (const WaymarkCurveStep *step,
         gboolean                intended)
{
  return intended ? step->intended : step->actual;
}

/* One curve through the steps whose touchpoint on that side has an
 * emotion; a step without one is passed over, as on the map. */
static void
draw_curve (cairo_t              *cr,
            const WaymarkPalette *palette,
            GArray               *steps,
            const Frame          *f,
            gboolean              intended)
{
  gboolean started = FALSE;

  if (intended)
    set_intended_style (cr, palette);
  else
    set_actual_style (cr, palette);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < steps->len; i++)
    {
      WaymarkTouchpoint *tp = side_of (&g_array_index (steps, WaymarkCurveStep, i), intended);

      if (tp == NULL || !tp->has_emotion)
        continue;
      if (started)
        cairo_line_to (cr, step_x (f, i), score_y (f, tp->emotion));
      else
        cairo_move_to (cr, step_x (f, i), score_y (f, tp->emotion));
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_markers (cairo_t              *cr,
              const WaymarkPalette *palette,
              GArray               *steps,
              const Frame          *f)
{
  for (guint i = 0; i < steps->len; i++)
    {
      const WaymarkCurveStep *step = &g_array_index (steps, WaymarkCurveStep, i);
      double x = step_x (f, i);

      if (step->intended != NULL && step->intended->has_emotion)
        intended_marker (cr, palette, x, score_y (f, step->intended->emotion));
      if (step->actual != NULL && step->actual->has_emotion)
        {
          double y = score_y (f, step->actual->emotion);

          if (step->deviations & (1u << WAYMARK_DEVIATION_FAILING))
            {
              triangle (cr, x, y, MARKER + 0.5);
              waymark_color_set_source (&palette->weakness, cr);
              cairo_fill (cr);
            }
          else
            actual_marker (cr, palette, x, y);
        }
      /* Missing: a cross on the axis, where the as-is dot would be. */
      if (step->actual == NULL)
        {
          double y = f->bottom + FACE_RADIUS - 1;

          waymark_color_set_source (&palette->weakness, cr);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, x - 3.5, y - 3.5);
          cairo_line_to (cr, x + 3.5, y + 3.5);
          cairo_move_to (cr, x + 3.5, y - 3.5);
          cairo_line_to (cr, x - 3.5, y + 3.5);
          cairo_stroke (cr);
        }
    }
}

void
waymark_curves_chart_paint (GArray               *steps,
                            const WaymarkPalette *palette,
                            double                width,
                            double                height,
                            cairo_t              *cr)
{
  Frame f;

  g_return_if_fail (steps != NULL);
  g_return_if_fail (palette != NULL);
  g_return_if_fail (cr != NULL);

  f = frame_of (steps, width, height);
  cairo_save (cr);
  waymark_color_set_source (&palette->page, cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  draw_phases (cr, palette, steps, &f, height);
  draw_scale (cr, palette, &f);
  draw_legend (cr, palette);
  if (steps->len > 0)
    {
      /* The plan's dashes on top: where both curves agree, they show
       * over the solid one. */
      draw_curve (cr, palette, steps, &f, FALSE);
      draw_curve (cr, palette, steps, &f, TRUE);
      if (f.step >= MIN_MARKER_STEP)
        draw_markers (cr, palette, steps, &f);
    }
  cairo_restore (cr);
}

int
waymark_curves_chart_step_at (GArray *steps,
                              double  width,
                              double  x)
{
  Frame f;
  double index;

  g_return_val_if_fail (steps != NULL, -1);

  f = frame_of (steps, width, 0);
  if (steps->len == 0 || x < f.left || x >= f.right)
    return -1;
  index = floor ((x - f.left) / f.step);
  return index < steps->len ? (int) index : -1;
}

static char *
format_emotion (const WaymarkTouchpoint *tp)
{
  if (tp == NULL)
    /* TRANSLATORS: the emotion of a touchpoint one journey lacks */
    return g_strdup (C_("emotion", "none (no touchpoint)"));
  if (!tp->has_emotion)
    /* TRANSLATORS: the emotion of a touchpoint that has no emotion set */
    return g_strdup (C_("emotion", "not set"));
  /* A score is whole: "+1", "−2" (a minus sign), "0". */
  if (tp->emotion < 0)
    return g_strdup_printf ("−%d", -tp->emotion);
  return g_strdup_printf (tp->emotion > 0 ? "+%d" : "%d", tp->emotion);
}

char *
waymark_curves_chart_describe_step (const WaymarkCurveStep *step)
{
  const WaymarkTouchpoint *tp;
  g_autofree char *intended = NULL;
  g_autofree char *actual = NULL;
  GString *text;

  g_return_val_if_fail (step != NULL, NULL);

  tp = step->actual != NULL ? step->actual : step->intended;
  intended = format_emotion (step->intended);
  actual = format_emotion (step->actual);
  text = g_string_new (NULL);
  /* TRANSLATORS: a touchpoint and its phase: "Checkout (Purchase)" */
  g_string_append_printf (text, _("%s (%s)"), tp->title ? tp->title : _("Untitled touchpoint"),
                          *step->phase_name != '\0' ? step->phase_name : _("no phase"));
  g_string_append_c (text, '\n');
  /* TRANSLATORS: the emotions at one step of the as-is/intended chart */
  g_string_append_printf (text, _("Intended: %s · as is: %s"), intended, actual);
  for (WaymarkDeviationKind kind = WAYMARK_DEVIATION_MISSING; kind <= WAYMARK_DEVIATION_FAILING; kind++)
    if (step->deviations & (1u << kind))
      g_string_append_printf (text, "\n%s", waymark_deviation_kind_to_label (kind));
  return g_string_free (text, FALSE);
}

char *
waymark_curves_chart_describe (GArray *steps)
{
  double intended_average = 0, actual_average = 0;
  g_autofree char *intended = NULL;
  g_autofree char *actual = NULL;
  guint deviating = 0;

  g_return_val_if_fail (steps != NULL, NULL);

  for (guint i = 0; i < steps->len; i++)
    deviating += g_array_index (steps, WaymarkCurveStep, i).deviations != 0;
  intended = waymark_curve_steps_average (steps, TRUE, &intended_average)
             ? waymark_number_format_score (intended_average) : g_strdup (C_("emotion", "not set"));
  actual = waymark_curve_steps_average (steps, FALSE, &actual_average)
           ? waymark_number_format_score (actual_average) : g_strdup (C_("emotion", "not set"));
  /* TRANSLATORS: the as-is/intended chart for screen readers:
   * "Emotion curves: intended average +1.0, as is −0.5; deviations at 2 of 5 touchpoints." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Emotion curves: intended average %s, as is %s; deviations at %u of %u touchpoint.",
                                       "Emotion curves: intended average %s, as is %s; deviations at %u of %u touchpoints.",
                                       steps->len),
                          intended, actual, deviating, steps->len);
}
