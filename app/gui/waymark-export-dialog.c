/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "waymark-cjml-writer.h"
#include "waymark-export-dialog.h"
#include "waymark-layout.h"
#include "waymark-number.h"
#include "waymark-print-operation.h"

struct _WaymarkExportDialog
{
  AdwWindow parent_instance;

  WaymarkJourney *journey;
  GFile *source;
  WaymarkLayout *layout;     /* for exports: no screen font settings */
  GSettings *settings;       /* nullable: an uninstalled build may have no schema */
  GPtrArray *warnings;       /* char *: what the last export left out */

  AdwComboRow *format_row;
  AdwComboRow *paper_row;
  AdwComboRow *orientation_row;
  AdwComboRow *pages_row;
  AdwExpanderRow *poster_row;
  GtkSpinButton *columns_spin;
  GtkSpinButton *rows_spin;
  AdwActionRow *dpi_row;
  GtkSpinButton *dpi_spin;
  AdwActionRow *dashboard_row;
  GtkSwitch *dashboard_switch;
  AdwComboRow *delimiter_row;   /* CSV: comma, semicolon */
  AdwActionRow *highlight_row;
  GtkSwitch *highlight_switch;
  WaymarkHighlight *highlight;  /* nullable: the map's highlight when the dialog opened */
  WaymarkChecker *checker;
  GtkWidget *export_button;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (WaymarkExportDialog, waymark_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

WaymarkExportRows
waymark_export_rows_for (const WaymarkExportOptions *options)
{
  WaymarkExportRows rows = 0;

  g_return_val_if_fail (options != NULL, 0);

  if (options->format == WAYMARK_EXPORT_CSV)
    return WAYMARK_EXPORT_ROW_DELIMITER;
  if (waymark_export_format_is_text (options->format))
    return 0;

  rows |= WAYMARK_EXPORT_ROW_PAPER;
  if (options->paper != WAYMARK_PAPER_NATURAL)
    rows |= WAYMARK_EXPORT_ROW_ORIENTATION;
  if (options->format == WAYMARK_EXPORT_PDF)
    rows |= WAYMARK_EXPORT_ROW_POSTER | WAYMARK_EXPORT_ROW_DASHBOARD;
  if (options->format == WAYMARK_EXPORT_PDF && options->paper != WAYMARK_PAPER_NATURAL &&
      options->poster_columns * options->poster_rows <= 1)
    rows |= WAYMARK_EXPORT_ROW_PAGES;
  if (options->format == WAYMARK_EXPORT_PNG)
    rows |= WAYMARK_EXPORT_ROW_DPI;

  return rows;
}

/* A file name stem from a map's title: what file systems, shells and
 * mail programs treat specially goes.  A colon, slash or semicolon with a
 * space beside it becomes a dash between words ("Fitnessuhr: von …" →
 * "Fitnessuhr - von …"), inside a word a plain dash ("online/offline" →
 * "online-offline"); quotes go, and a run of separators is one. */
static char *
clean_stem (const char *title)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean pending_space = FALSE, pending_dash = FALSE;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 ||
          c == 0x2019 || c == 0x00AB || c == 0x00BB || c == '*' || c == '?' || c == '<' || c == '>' ||
          c == '|' || (g_unichar_iscntrl (c) && !g_unichar_isspace (c)))
        continue;
      if (g_unichar_isspace (c))
        {
          pending_space = TRUE;
          continue;
        }
      if (c == ':' || c == '/' || c == '\\' || c == ';')
        {
          /* With a space on either side ("a: b", "a / b") it becomes a
           * dash between words. */
          pending_dash = TRUE;
          continue;
        }
      if (out->len > 0)
        {
          if (pending_dash)
            g_string_append (out, pending_space ? " - " : "-");
          else if (pending_space)
            g_string_append_c (out, ' ');
        }
      pending_space = pending_dash = FALSE;
      g_string_append_unichar (out, c);
    }
  /* No name that starts with a dot (hidden) or ends in one or a dash. */
  while (out->len > 0 && strchr (".- ", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  while (out->len > 0 && strchr (".- ", out->str[0]) != NULL)
    g_string_erase (out, 0, 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
waymark_export_suggest_name (GFile               *source,
                             const char          *title,
                             WaymarkExportFormat  format)
{
  const char *extension = waymark_export_format_get_extension (format);
  g_autofree char *stem = NULL;

  if (source != NULL)
    {
      g_autofree char *base = g_file_get_basename (source);

      if (base != NULL)
        {
          char *dot = strrchr (base, '.');

          if (dot != NULL && dot != base)
            *dot = '\0';
          stem = g_filename_display_name (base);
        }
    }

  if ((stem == NULL || stem[0] == '\0') && title != NULL)
    {
      g_clear_pointer (&stem, g_free);
      stem = clean_stem (title);
    }

  if (stem == NULL || stem[0] == '\0')
    {
      g_clear_pointer (&stem, g_free);
      stem = g_strdup (_("Journey map"));
    }

  return g_strconcat (stem, extension, NULL);
}

void
waymark_export_dialog_get_options (WaymarkExportDialog  *self,
                                   WaymarkExportOptions *options)
{
  g_return_if_fail (WAYMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  waymark_export_options_init (options, (WaymarkExportFormat) adw_combo_row_get_selected (self->format_row));
  if (options->format == WAYMARK_EXPORT_CSV)
    options->csv_delimiter = adw_combo_row_get_selected (self->delimiter_row) == 1 ? WAYMARK_CSV_DELIMITER_SEMICOLON
                                                                                   : WAYMARK_CSV_DELIMITER_COMMA;
  if (waymark_export_format_is_text (options->format))
    return;

  options->paper = (WaymarkPaper) adw_combo_row_get_selected (self->paper_row);
  options->orientation = (WaymarkOrientation) adw_combo_row_get_selected (self->orientation_row);
  if (options->format == WAYMARK_EXPORT_PDF && options->paper != WAYMARK_PAPER_NATURAL &&
      adw_expander_row_get_enable_expansion (self->poster_row))
    {
      options->poster_columns = (guint) gtk_spin_button_get_value_as_int (self->columns_spin);
      options->poster_rows = (guint) gtk_spin_button_get_value_as_int (self->rows_spin);
    }
  if (waymark_export_rows_for (options) & WAYMARK_EXPORT_ROW_PAGES)
    options->pages = (WaymarkPages) adw_combo_row_get_selected (self->pages_row);
  if (options->format == WAYMARK_EXPORT_PNG)
    options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  if (options->format == WAYMARK_EXPORT_PDF)
    options->dashboard = gtk_switch_get_active (self->dashboard_switch);
}

/* Shows the rows that apply and says what the choice gives. */
static void
update_rows (WaymarkExportDialog *self)
{
  WaymarkExportOptions options;
  WaymarkExportRows rows;
  gboolean can_export = TRUE;

  if (self->updating)
    return;

  waymark_export_dialog_get_options (self, &options);
  rows = waymark_export_rows_for (&options);

  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), rows & WAYMARK_EXPORT_ROW_PAPER);
  gtk_widget_set_visible (GTK_WIDGET (self->orientation_row), rows & WAYMARK_EXPORT_ROW_PAPER);
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row), rows & WAYMARK_EXPORT_ROW_ORIENTATION);
  gtk_widget_set_visible (GTK_WIDGET (self->pages_row), rows & WAYMARK_EXPORT_ROW_PAGES);
  gtk_widget_set_visible (GTK_WIDGET (self->poster_row), rows & WAYMARK_EXPORT_ROW_POSTER);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), rows & WAYMARK_EXPORT_ROW_DPI);
  gtk_widget_set_visible (GTK_WIDGET (self->dashboard_row), rows & WAYMARK_EXPORT_ROW_DASHBOARD);
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row), rows & WAYMARK_EXPORT_ROW_DELIMITER);
  if (rows & WAYMARK_EXPORT_ROW_DELIMITER)
    {
      g_autofree char *example = waymark_csv_format_number ("0.5", options.csv_delimiter);

      /* TRANSLATORS: how numbers are written in the CSV table: "Numbers as 0,5" */
      g_autofree char *subtitle = g_strdup_printf (_("Numbers as %s"), example);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), subtitle);
    }
  /* A table or a text has no cards to dim. */
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_row),
                          self->highlight != NULL && !waymark_export_format_is_text (options.format));
  /* cairo 1.16 writes SVG text as glyph outlines: say so before the
   * user expects to edit or search it. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               options.format == WAYMARK_EXPORT_SVG
                               ? _("Text becomes outlines: it looks right but cannot be searched or edited")
                               : NULL);

  if (rows & WAYMARK_EXPORT_ROW_PAGES)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *size = NULL;
      WaymarkPagePlan plan;
      guint n;

      /* What the choice gives for this map on this paper. */
      waymark_export_get_page_plan (self->layout, &options, &plan);
      n = waymark_page_plan_get_n_pages (&plan);
      /* In the interface language's decimals ("9,9" in German), as the
       * map's numbers: printf's would follow LC_NUMERIC instead. */
      size = waymark_number_format_double (waymark_page_plan_get_title_size (&plan, self->layout), 1);
      /* TRANSLATORS: what the export will be: "4 pages, card titles 9.9 pt";
       * %s is the size, with its decimal mark */
      subtitle = g_strdup_printf (ngettext ("%u page, card titles %s pt", "%u pages, card titles %s pt", n),
                                  n, size);
      if (options.pages == WAYMARK_PAGES_AUTO)
        {
          g_autofree char *automatic = g_steal_pointer (&subtitle);

          /* TRANSLATORS: %s is "4 pages, card titles 9.9 pt" */
          subtitle = g_strdup_printf (_("A booklet on A4 or Letter when one page would be too small to read: %s"),
                                      automatic);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->pages_row), subtitle);
    }

  if (rows & WAYMARK_EXPORT_ROW_POSTER)
    {
      guint asked = (guint) (gtk_spin_button_get_value_as_int (self->columns_spin) *
                             gtk_spin_button_get_value_as_int (self->rows_spin));
      g_autofree char *subtitle = NULL;
      WaymarkPagePlan plan;
      guint n;

      if (!adw_expander_row_get_enable_expansion (self->poster_row))
        subtitle = g_strdup (_("Several sheets to print on an office printer and tape together"));
      else if (options.paper == WAYMARK_PAPER_NATURAL)
        subtitle = g_strdup (_("Choose a paper size for the sheets"));
      else
        {
          /* The plan leaves out sheets the map would not reach: say how
           * many will print. */
          waymark_export_get_page_plan (self->layout, &options, &plan);
          n = waymark_page_plan_get_n_pages (&plan);
          if (n < asked)
            /* TRANSLATORS: "8 sheets (the map fills 4 × 2), with cut marks, …" */
            subtitle = g_strdup_printf (ngettext ("%u sheet (the map fills %u × %u), with cut marks, overlapping by %.0f mm",
                                                  "%u sheets (the map fills %u × %u), with cut marks, overlapping by %.0f mm", n),
                                        n, plan.columns, plan.rows, WAYMARK_POSTER_OVERLAP_MM);
          else
            subtitle = g_strdup_printf (ngettext ("%u sheet with cut marks, overlapping by %.0f mm",
                                                  "%u sheets with cut marks, overlapping by %.0f mm", n),
                                        n, WAYMARK_POSTER_OVERLAP_MM);
        }
      adw_expander_row_set_subtitle (self->poster_row, subtitle);
    }

  if (rows & WAYMARK_EXPORT_ROW_DPI)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *subtitle = NULL;
      int width, height;

      if (waymark_export_get_png_size (self->layout, &options, &width, &height, &error))
        /* TRANSLATORS: the size of the PNG image that will be written */
        subtitle = g_strdup_printf (_("%d × %d pixels"), width, height);
      else
        {
          subtitle = g_strdup (error->message);
          can_export = FALSE;
        }
      adw_action_row_set_subtitle (self->dpi_row, subtitle);
    }

  gtk_widget_set_sensitive (self->export_button, can_export);
}

static void
poster_enabled (WaymarkExportDialog *self)
{
  /* A poster needs sheets of some size: the office printer's. */
  if (adw_expander_row_get_enable_expansion (self->poster_row) &&
      adw_combo_row_get_selected (self->paper_row) == WAYMARK_PAPER_NATURAL)
    adw_combo_row_set_selected (self->paper_row, WAYMARK_PAPER_A4);
  update_rows (self);
}

void
waymark_export_dialog_set_options (WaymarkExportDialog        *self,
                                   const WaymarkExportOptions *options)
{
  gboolean poster;

  g_return_if_fail (WAYMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  poster = options->poster_columns * options->poster_rows > 1;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->format_row, options->format);
  adw_combo_row_set_selected (self->paper_row, options->paper);
  adw_combo_row_set_selected (self->orientation_row, options->orientation);
  adw_combo_row_set_selected (self->pages_row, options->pages);
  adw_expander_row_set_enable_expansion (self->poster_row, poster);
  if (poster)
    {
      gtk_spin_button_set_value (self->columns_spin, options->poster_columns);
      gtk_spin_button_set_value (self->rows_spin, options->poster_rows);
    }
  gtk_spin_button_set_value (self->dpi_spin, options->dpi);
  gtk_switch_set_active (self->dashboard_switch, options->dashboard);
  adw_combo_row_set_selected (self->delimiter_row,
                              waymark_csv_delimiter_resolve (options->csv_delimiter) == WAYMARK_CSV_DELIMITER_SEMICOLON);
  self->updating = FALSE;
  update_rows (self);
}

gboolean
waymark_export_dialog_export_to (WaymarkExportDialog  *self,
                                 GFile                *file,
                                 GError              **error)
{
  WaymarkExportOptions options;

  g_return_val_if_fail (WAYMARK_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  waymark_export_dialog_get_options (self, &options);
  g_ptr_array_set_size (self->warnings, 0);
  waymark_layout_set_highlight (self->layout,
                                waymark_export_dialog_get_dim (self) ? self->highlight : NULL,
                                self->checker);
  if (!waymark_export_to_file (self->layout, &options, file, error))
    return FALSE;
  /* Written again, for its warnings: cheap next to the file's I/O. */
  if (options.format == WAYMARK_EXPORT_CJML)
    g_bytes_unref (waymark_cjml_write (self->journey, NULL, NULL, self->warnings));

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "recent-export-format", waymark_export_format_to_nick (options.format));
      if (options.format == WAYMARK_EXPORT_PNG && options.dpi >= 72)
        g_settings_set_int (self->settings, "export-dpi", (int) options.dpi);
    }

  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}

GPtrArray *
waymark_export_dialog_get_warnings (WaymarkExportDialog *self)
{
  g_return_val_if_fail (WAYMARK_IS_EXPORT_DIALOG (self), NULL);

  return self->warnings;
}

/* Says, over the map's window (this dialog closes), what the file
 * written lacks. */
static void
show_warnings (WaymarkExportDialog *self,
               GFile               *file)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GString) body = g_string_new (_("The file has no place for these parts of the map; they were not written:"));
  GtkWidget *dialog;

  for (guint i = 0; i < self->warnings->len; i++)
    {
      /* TRANSLATORS: one item of a list in a dialog */
      g_string_append_printf (body, _("\n• %s"), (const char *) g_ptr_array_index (self->warnings, i));
    }
  dialog = adw_message_dialog_new (parent, NULL, body->str);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Exported “%s” Without Some Parts"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_to_chosen (WaymarkExportDialog *self,
                  GFile               *file)
{
  g_autoptr(GError) error = NULL;

  if (waymark_export_dialog_export_to (self, file, &error))
    {
      if (self->warnings->len > 0)
        show_warnings (self, file);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  {
    GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Map"), error->message);

    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static GtkFileFilter *
new_format_filter (WaymarkExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*", waymark_export_format_get_extension (format), NULL);

  gtk_file_filter_set_name (filter, waymark_export_format_get_display_name (format));
  gtk_file_filter_add_mime_type (filter, waymark_export_format_get_mime_type (format));
  gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_dialog_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WaymarkExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source_object), result, NULL);

  if (file != NULL)
    export_to_chosen (self, file);
}

static void
choose_file (WaymarkExportDialog *self,
             WaymarkExportFormat  format,
             const char          *name)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = new_format_filter (format);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Export Map"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  gtk_file_dialog_set_initial_name (dialog, name);
  if (self->source != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->source);

      if (folder != NULL)
        gtk_file_dialog_set_initial_folder (dialog, folder);
    }
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_done, g_object_ref (self));
}
#else
static void
save_dialog_response (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  WaymarkExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        export_to_chosen (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (WaymarkExportDialog *self,
             WaymarkExportFormat  format,
             const char          *name)
{
  g_autoptr(GtkFileFilter) filter = new_format_filter (format);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->source != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
#endif

static void
export_clicked (WaymarkExportDialog *self)
{
  WaymarkExportOptions options;
  g_autofree char *name = NULL;

  waymark_export_dialog_get_options (self, &options);
  name = waymark_export_suggest_name (self->source, waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE),
                                      options.format);
  choose_file (self, options.format, name);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkSpinButton *
new_spin_row (GtkWidget  **row,
              const char  *title,
              double       min,
              double       max,
              double       value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  *row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (*row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (*row), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (*row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (*row), spin);
  return GTK_SPIN_BUTTON (spin);
}

/* GTK 4.8 names a mnemonic button twice, by its raw label ("_Cancel") and
 * by the label inside it: the one inside is enough. */
static GtkWidget *
mnemonic_button_new (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  return button;
}

/* libadwaita 1.2 leaves the enable switch of an expander row unnamed. */
static void
name_enable_switch (AdwExpanderRow *row,
                    const char     *name)
{
  GtkWidget *found = NULL;
  GPtrArray *pending = g_ptr_array_new ();

  g_ptr_array_add (pending, row);
  while (found == NULL && pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      if (GTK_IS_SWITCH (widget))
        found = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }
  g_ptr_array_unref (pending);
  if (found != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (found), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
build (WaymarkExportDialog *self)
{
  const char *formats[WAYMARK_N_EXPORT_FORMATS + 1] = { NULL };
  const char *papers[WAYMARK_N_PAPERS + 1] = { NULL };
  const char *orientations[] = { _("Landscape"), _("Portrait"), NULL };
  /* In the order of WaymarkPages. */
  const char *pages[] = { _("Automatic"), _("One page"), _("Booklet"), NULL };
  /* TRANSLATORS: the delimiter between the fields of a CSV table */
  const char *delimiters[] = { _("Comma"), _("Semicolon"), NULL };
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = mnemonic_button_new (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;

  for (guint i = 0; i < WAYMARK_N_EXPORT_FORMATS; i++)
    formats[i] = waymark_export_format_get_display_name (i);
  for (guint i = 0; i < WAYMARK_N_PAPERS; i++)
    papers[i] = waymark_paper_get_display_name (i);

  gtk_window_set_title (GTK_WINDOW (self), _("Export Map"));
  /* Tall enough for all the rows of a PDF export (the Highlight switch
   * last) without scrolling, in German too. */
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->export_button = mnemonic_button_new (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->format_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("_Format"), formats);
  self->paper_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("_Paper"), papers);
  self->orientation_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("_Orientation"), orientations);
  self->pages_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("Pa_ges"), pages);

  self->poster_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->poster_row), _("Poster"));
  adw_expander_row_set_show_enable_switch (self->poster_row, TRUE);
  adw_expander_row_set_enable_expansion (self->poster_row, FALSE);
  name_enable_switch (self->poster_row, _("Poster"));
  self->columns_spin = new_spin_row (&row, _("Sheets _across"), 1, WAYMARK_POSTER_MAX_SHEETS, 3);
  adw_expander_row_add_row (self->poster_row, row);
  self->rows_spin = new_spin_row (&row, _("Sheets _down"), 1, WAYMARK_POSTER_MAX_SHEETS, 2);
  adw_expander_row_add_row (self->poster_row, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->poster_row));

  self->dpi_spin = new_spin_row (&row, _("_Resolution (dots per inch)"),
                                 WAYMARK_EXPORT_DPI_MIN, WAYMARK_EXPORT_DPI_MAX, WAYMARK_EXPORT_DEFAULT_DPI);
  self->dpi_row = ADW_ACTION_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->dashboard_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dashboard_row), _("KPI _Dashboard"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->dashboard_row), TRUE);
  adw_action_row_set_subtitle (self->dashboard_row, _("A page after the map with touchpoints, emotion and KPIs by phase and channel category"));
  self->dashboard_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->dashboard_switch), "dashboard-switch");
  gtk_widget_set_valign (GTK_WIDGET (self->dashboard_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->dashboard_row, GTK_WIDGET (self->dashboard_switch));
  adw_action_row_set_activatable_widget (self->dashboard_row, GTK_WIDGET (self->dashboard_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->dashboard_row));

  self->delimiter_row = add_combo_row (ADW_PREFERENCES_GROUP (group), _("Deli_miter"), delimiters);
  gtk_widget_set_name (GTK_WIDGET (self->delimiter_row), "delimiter-row");
  /* "Export what is highlighted": there while the map has a highlight. */
  self->highlight_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->highlight_row), _("_Highlight"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->highlight_row), TRUE);
  adw_action_row_set_subtitle (self->highlight_row, _("Dim the cards the highlight leaves out, as on the map"));
  self->highlight_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_name (GTK_WIDGET (self->highlight_switch), "highlight-switch");
  gtk_widget_set_valign (GTK_WIDGET (self->highlight_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->highlight_row, GTK_WIDGET (self->highlight_switch));
  adw_action_row_set_activatable_widget (self->highlight_row, GTK_WIDGET (self->highlight_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->highlight_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->orientation_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->pages_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->poster_row, "notify::enable-expansion", G_CALLBACK (poster_enabled), self);
  g_signal_connect_swapped (self->columns_spin, "value-changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->rows_spin, "value-changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (update_rows), self);
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* Starts from the last export's format and resolution and the default
 * paper: the usual export is the same as the last one. */
static void
load_defaults (WaymarkExportDialog *self)
{
  WaymarkExportOptions options;
  WaymarkExportFormat format = WAYMARK_EXPORT_PDF;
  WaymarkPaper paper;
  WaymarkOrientation orientation;

  if (self->settings != NULL)
    {
      g_autofree char *nick = g_settings_get_string (self->settings, "recent-export-format");

      waymark_export_format_from_nick (nick, &format);
    }

  waymark_export_options_init_default (&options, format);
  waymark_print_get_default_paper (&paper, &orientation);
  /* Paper is what PDFs are for; images usually want the map's own size. */
  if (format == WAYMARK_EXPORT_PDF)
    options.paper = paper;
  options.orientation = orientation;
  if (self->settings != NULL)
    options.dpi = g_settings_get_int (self->settings, "export-dpi");

  waymark_export_dialog_set_options (self, &options);
}

static void
waymark_export_dialog_dispose (GObject *object)
{
  WaymarkExportDialog *self = WAYMARK_EXPORT_DIALOG (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->journey);
  g_clear_object (&self->source);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->highlight, waymark_highlight_free);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (waymark_export_dialog_parent_class)->dispose (object);
}

static void
waymark_export_dialog_class_init (WaymarkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_export_dialog_dispose;

  /**
   * WaymarkExportDialog::exported:
   * @file: the file written
   *
   * Emitted after the export was written, e.g. to show a toast.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
waymark_export_dialog_init (WaymarkExportDialog *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  build (self);
}

WaymarkExportDialog *
waymark_export_dialog_new (GtkWindow      *parent,
                           WaymarkJourney *journey,
                           GFile          *source)
{
  WaymarkExportDialog *self;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_object_new (WAYMARK_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->journey = g_object_ref (journey);
  self->source = source != NULL ? g_object_ref (source) : NULL;
  self->layout = waymark_layout_new (journey, NULL);
  self->settings = lookup_settings ();
  load_defaults (self);

  return self;
}

void
waymark_export_dialog_set_highlight (WaymarkExportDialog    *self,
                                     const WaymarkHighlight *highlight,
                                     WaymarkChecker         *checker)
{
  g_return_if_fail (WAYMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (checker == NULL || WAYMARK_IS_CHECKER (checker));

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  if (highlight != NULL && waymark_highlight_is_active (highlight))
    self->highlight = waymark_highlight_copy (highlight);
  g_set_object (&self->checker, checker);
  /* What the map shows is what is exported, unless the user says not. */
  gtk_switch_set_active (self->highlight_switch, self->highlight != NULL);
  update_rows (self);
}

gboolean
waymark_export_dialog_get_dim (WaymarkExportDialog *self)
{
  g_return_val_if_fail (WAYMARK_IS_EXPORT_DIALOG (self), FALSE);

  return self->highlight != NULL && gtk_switch_get_active (self->highlight_switch);
}
