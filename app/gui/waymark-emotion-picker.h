/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WAYMARK_TYPE_EMOTION_PICKER (waymark_emotion_picker_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkEmotionPicker, waymark_emotion_picker, WAYMARK, EMOTION_PICKER, GtkWidget)

/* The emotion a touchpoint causes, picked from a row of faces from very
 * negative (-2) to very positive (+2) — the faces and colours of the
 * canvas — plus "no emotion".  Signal ::changed: the user picked another
 * value (not emitted by waymark_emotion_picker_set_emotion()). */
GtkWidget  *waymark_emotion_picker_new         (void);
void        waymark_emotion_picker_set_emotion (WaymarkEmotionPicker *self,
                                                gboolean              has_emotion,
                                                int                   emotion);
/* Returns whether an emotion is picked, and stores it in @emotion. */
gboolean    waymark_emotion_picker_get_emotion (WaymarkEmotionPicker *self,
                                                int                  *emotion);
/* The toggle button of a score (-2 … 2), or of "no emotion" when
 * @has_emotion is FALSE: for tests and keyboard focus. */
GtkWidget  *waymark_emotion_picker_get_button  (WaymarkEmotionPicker *self,
                                                gboolean              has_emotion,
                                                int                   emotion);
/* The translated name of a value: "No emotion", "Very negative", … */
const char *waymark_emotion_picker_describe    (gboolean has_emotion,
                                                int      emotion);

G_END_DECLS
