/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gui-test.h"
#include "waymark-canvas-private.h"
#include "waymark-window.h"

G_BEGIN_DECLS

/* Helpers for the canvas tests: real windows on the test's display, input
 * fed through the canvas's gesture entry points (the same functions the
 * GtkGestureDrag, GtkGestureClick and GtkDropTarget handlers call), and
 * lookups in the model by the names a user sees. */

typedef struct {
  GFile *file;            /* a copy of a template in a temporary folder */
  WaymarkWindow *window;
  WaymarkCanvas *canvas;
  WaymarkDocument *document;
  WaymarkJourney *journey;
  WaymarkHistory *history;
} CanvasFixture;

void       canvas_fixture_open      (CanvasFixture *fixture, const char *template_name);
void       canvas_fixture_close     (CanvasFixture *fixture);
void       canvas_fixture_settle    (CanvasFixture *fixture);


WaymarkPhase *find_phase            (WaymarkJourney *journey, const char *name);
WaymarkLane  *find_lane             (WaymarkJourney *journey, const char *name);
WaymarkTouchpoint *find_touchpoint  (WaymarkJourney *journey, const char *title);
/* The position of @card in its cell, or -1. */
int        cell_position            (WaymarkJourney *journey, gpointer card);
guint      cell_count               (WaymarkJourney *journey, WaymarkPhase *phase, WaymarkLane *lane);

/* Widget coordinates of the middle of a card, cell or header, and of an
 * arbitrary map point. */
void       card_point               (WaymarkCanvas *canvas, gpointer card, double *x, double *y);
void       cell_point               (WaymarkCanvas *canvas, WaymarkPhase *phase, WaymarkLane *lane, double *x, double *y);
void       map_point                (WaymarkCanvas *canvas, double mx, double my, double *x, double *y);

/* A full pointer drag: press, a few motions, release. */
void       drag_pointer             (WaymarkCanvas *canvas, double x0, double y0, double x1, double y1,
                                     GdkModifierType state);
void       click_pointer            (WaymarkCanvas *canvas, double x, double y, GdkModifierType state);

/* The saved file's text. */
char      *save_and_read            (CanvasFixture *fixture);

G_END_DECLS
