/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"


#include "waymark-paper.h"
#include "waymark-preferences-window.h"

struct _WaymarkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkEntry *user_name_entry;
  AdwComboRow *color_scheme_row;
  GtkSwitch *autosave_switch;
  GtkWidget *autosave_delay_row;
  GtkSpinButton *autosave_delay_spin;
  AdwComboRow *paper_row;
  AdwComboRow *orientation_row;
  GtkSpinButton *dpi_spin;
  GtkSpinButton *negative_emotion_spin;
  GtkSpinButton *emotion_drop_spin;
  GtkSpinButton *silo_owners_spin;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (WaymarkPreferencesWindow, waymark_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The keywords of the choice keys, in the order of their combo rows. */
static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const orientations[] = { "landscape", "portrait", NULL };
/* The schema's papers: every one but the map's natural size. */
static const WaymarkPaper papers[] = {
  WAYMARK_PAPER_A4, WAYMARK_PAPER_A3, WAYMARK_PAPER_A2, WAYMARK_PAPER_A1,
  WAYMARK_PAPER_A0, WAYMARK_PAPER_LETTER, WAYMARK_PAPER_TABLOID,
};
static const char *paper_nicks[G_N_ELEMENTS (papers) + 1];

/* A combo row's "selected" is the index of the key's keyword in a
 * NULL-terminated list (@user_data). */
static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[selected]);
}

static void
bind_choice (GSettings          *settings,
             const char         *key,
             AdwComboRow        *row,
             const char * const *nicks)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer) nicks, NULL);
}

/* The placeholder is what an empty name means: the account's real name. */
static const char *
account_name (void)
{
  const char *real = g_get_real_name ();

  return real != NULL && real[0] != '\0' && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ();
}

static void
bind_settings (WaymarkPreferencesWindow *self)
{
  GSettings *settings = self->settings;

  g_settings_bind (settings, "user-name", self->user_name_entry, "text", G_SETTINGS_BIND_DEFAULT);
  bind_choice (settings, "color-scheme", self->color_scheme_row, color_schemes);
  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave", self->autosave_delay_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "autosave-delay-seconds", self->autosave_delay_spin, "value", G_SETTINGS_BIND_DEFAULT);
  bind_choice (settings, "default-paper", self->paper_row, paper_nicks);
  bind_choice (settings, "default-orientation", self->orientation_row, orientations);
  g_settings_bind (settings, "export-dpi", self->dpi_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "finding-negative-emotion", self->negative_emotion_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "finding-emotion-drop", self->emotion_drop_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "finding-silo-owners", self->silo_owners_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
waymark_preferences_window_get_control (WaymarkPreferencesWindow *self,
                                        const char               *key)
{
  const struct { const char *key; gpointer widget; } controls[] = {
    { "user-name", self->user_name_entry },
    { "color-scheme", self->color_scheme_row },
    { "autosave", self->autosave_switch },
    { "autosave-delay-seconds", self->autosave_delay_spin },
    { "default-paper", self->paper_row },
    { "default-orientation", self->orientation_row },
    { "export-dpi", self->dpi_spin },
    { "finding-negative-emotion", self->negative_emotion_spin },
    { "finding-emotion-drop", self->emotion_drop_spin },
    { "finding-silo-owners", self->silo_owners_spin },
  };

  g_return_val_if_fail (WAYMARK_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (g_strcmp0 (controls[i].key, key) == 0)
      return controls[i].widget;
  return NULL;
}

static void
waymark_preferences_window_dispose (GObject *object)
{
  WaymarkPreferencesWindow *self = WAYMARK_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (waymark_preferences_window_parent_class)->dispose (object);
}

static void
waymark_preferences_window_class_init (WaymarkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_preferences_window_dispose;

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    paper_nicks[i] = waymark_paper_to_nick (papers[i]);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/ui/waymark-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, user_name_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, autosave_delay_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, autosave_delay_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, negative_emotion_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, emotion_drop_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, silo_owners_spin);
}

static void
waymark_preferences_window_init (WaymarkPreferencesWindow *self)
{
  g_autoptr(GtkStringList) paper_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    gtk_string_list_append (paper_names, waymark_paper_get_display_name (papers[i]));
  adw_combo_row_set_model (self->paper_row, G_LIST_MODEL (paper_names));
  gtk_entry_set_placeholder_text (self->user_name_entry, account_name ());
}

GtkWidget *
waymark_preferences_window_new (GSettings *settings)
{
  WaymarkPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (WAYMARK_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  bind_settings (self);
  return GTK_WIDGET (self);
}
