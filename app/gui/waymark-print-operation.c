/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "waymark-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-export.h"
#include "waymark-layout.h"
#include "waymark-page-plan.h"
#include "waymark-print-operation.h"

struct _WaymarkPrintOperation
{
  GtkPrintOperation parent_instance;

  WaymarkJourney *journey;
  WaymarkLayout *layout;
  WaymarkPagePlan plan;
  guint columns;
  guint rows;
  WaymarkPages pages;
  gboolean dashboard;   /* a KPI dashboard page after the map */
  WaymarkHighlight *highlight;  /* nullable: the map's highlight when printing began */
  WaymarkChecker *checker;
  gboolean dim;         /* print the rest dimmed, as the map shows it */

  /* The "Map" tab of the print dialog, while it is shown. */
  GtkCheckButton *auto_button;
  GtkCheckButton *one_page_button;
  GtkCheckButton *booklet_button;
  GtkCheckButton *poster_button;
  GtkCheckButton *dashboard_button;
  GtkCheckButton *highlight_button;
  GtkSpinButton *columns_spin;
  GtkSpinButton *rows_spin;

  gboolean error_shown;
};

G_DEFINE_FINAL_TYPE (WaymarkPrintOperation, waymark_print_operation, GTK_TYPE_PRINT_OPERATION)

/* What the last print in this run chose: the next one starts from it, as
 * in every GNOME application (kept in memory, not in GSettings). */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;
static guint session_columns = 1;
static guint session_rows = 1;
static WaymarkPages session_pages = WAYMARK_PAGES_AUTO;
static gboolean session_dashboard;

void
waymark_print_forget_session (void)
{
  g_clear_object (&session_settings);
  g_clear_object (&session_page_setup);
  session_columns = session_rows = 1;
  session_pages = WAYMARK_PAGES_AUTO;
  session_dashboard = FALSE;
}

void
waymark_print_get_default_paper (WaymarkPaper       *paper,
                                 WaymarkOrientation *orientation)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *paper_nick = NULL;
  g_autofree char *orientation_nick = NULL;

  *paper = WAYMARK_EXPORT_DEFAULT_PDF_PAPER;
  *orientation = WAYMARK_ORIENTATION_LANDSCAPE;

  /* An uninstalled build may run without the schema: printing still works. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  paper_nick = g_settings_get_string (settings, "default-paper");
  orientation_nick = g_settings_get_string (settings, "default-orientation");
  if (!waymark_paper_from_nick (paper_nick, paper) || *paper == WAYMARK_PAPER_NATURAL)
    *paper = WAYMARK_EXPORT_DEFAULT_PDF_PAPER;
  waymark_orientation_from_nick (orientation_nick, orientation);
}

GtkPageSetup *
waymark_print_page_setup_new (WaymarkPaper       paper,
                              WaymarkOrientation orientation)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  const char *name;

  g_return_val_if_fail (paper != WAYMARK_PAPER_NATURAL && paper < WAYMARK_N_PAPERS, setup);

  name = waymark_paper_get_pwg_name (paper);
  size = gtk_paper_size_new (name);
  /* GTK falls back to the locale's default paper for names it does not
   * know; a custom size of the right dimensions is better than that. */
  if (g_strcmp0 (gtk_paper_size_get_name (size), name) != 0)
    {
      double width, height;

      waymark_paper_get_size (paper, WAYMARK_ORIENTATION_PORTRAIT, &width, &height);
      g_clear_pointer (&size, gtk_paper_size_free);
      size = gtk_paper_size_new_custom (name, waymark_paper_get_display_name (paper),
                                        width, height, GTK_UNIT_POINTS);
    }

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, orientation == WAYMARK_ORIENTATION_PORTRAIT
                                           ? GTK_PAGE_ORIENTATION_PORTRAIT
                                           : GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

static void
waymark_print_operation_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);

  waymark_layout_set_highlight (self->layout, self->dim ? self->highlight : NULL, self->checker);
  /* With GTK_UNIT_POINTS and the full page, the context is the paper in
   * points, exactly what the page plan (and so the PDF export) uses.  The
   * operation's own layout takes the print density and the shape that
   * prints largest, as the PDF export's does: the same pages. */
  waymark_page_plan_fit (&self->plan, self->layout,
                         gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                         self->columns, self->rows, self->pages);
  gtk_print_operation_set_n_pages (operation,
                                   (int) waymark_page_plan_get_n_pages (&self->plan) + (self->dashboard ? 1 : 0));
}

static void
waymark_print_operation_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);
  guint n_map_pages = waymark_page_plan_get_n_pages (&self->plan);

  /* The dashboard on the same paper as the map, after it, with the same
   * margins as the PDF export's. */
  if (self->dashboard && page_nr >= 0 && (guint) page_nr == n_map_pages)
    {
      waymark_export_draw_dashboard_page (self->layout,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context),
                                          WAYMARK_MM_TO_POINTS (WAYMARK_PAPER_MARGIN_MM),
                                          gtk_print_context_get_cairo_context (context));
      return;
    }
  if (page_nr < 0 || (guint) page_nr >= n_map_pages)
    return;
  waymark_page_plan_draw_page (&self->plan, (guint) page_nr, self->layout,
                               gtk_print_context_get_cairo_context (context));
}

/* The dashboard page turns its paper as the PDF export's does (portrait
 * when a tall dashboard prints larger so). */
static void
waymark_print_operation_request_page_setup (GtkPrintOperation *operation,
                                            GtkPrintContext   *context,
                                            int                page_nr,
                                            GtkPageSetup      *setup)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);
  g_autoptr(WaymarkDashboard) dashboard = NULL;
  WaymarkOrientation orientation;
  const char *title;

  if (!self->dashboard || page_nr < 0 || (guint) page_nr != waymark_page_plan_get_n_pages (&self->plan))
    return;

  dashboard = waymark_dashboard_new (self->journey);
  title = waymark_journey_get_text (self->journey, WAYMARK_FIELD_TITLE);
  orientation = waymark_export_get_dashboard_orientation (dashboard, title != NULL ? title : "",
                                                          gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                                          gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS),
                                                          WAYMARK_MM_TO_POINTS (WAYMARK_PAPER_MARGIN_MM));
  gtk_page_setup_set_orientation (setup, orientation == WAYMARK_ORIENTATION_PORTRAIT
                                           ? GTK_PAGE_ORIENTATION_PORTRAIT
                                           : GTK_PAGE_ORIENTATION_LANDSCAPE);
}

static void
poster_toggled (GtkCheckButton        *button,
                WaymarkPrintOperation *self)
{
  gboolean poster = gtk_check_button_get_active (button);

  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_spin), poster);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rows_spin), poster);
}

static GtkSpinButton *
add_spin_row (GtkGrid    *grid,
              int         row,
              const char *label,
              guint       value)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, WAYMARK_POSTER_MAX_SHEETS, 1);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_margin_start (title, 24);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);
  return GTK_SPIN_BUTTON (spin);
}

/* A check button with a mnemonic.  GTK 4.8 names it by its raw label,
 * underscore and all ("_Fit the map on one page"): a screen reader reads
 * the label as it is shown instead. */
static GtkWidget *
mnemonic_check_button_new (const char *label)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);
  GString *name = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      /* "_x" is x with a mnemonic, "__" a literal underscore. */
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (name, *p);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);
  return button;
}

static GtkWidget *
waymark_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *automatic = mnemonic_check_button_new (_("A_utomatic: a booklet on A4 or Letter when one page would be too small to read"));
  GtkWidget *fit = mnemonic_check_button_new (_("_Fit the map on one page"));
  GtkWidget *booklet = mnemonic_check_button_new (_("_Booklet: a few phases a page, phase and lane headers on every page"));
  GtkWidget *poster = mnemonic_check_button_new (_("_Poster of several sheets to tape together"));
  GtkWidget *active;
  GtkWidget *hint;
  g_autofree char *hint_text = NULL;

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  g_object_set (grid, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (fit), GTK_CHECK_BUTTON (automatic));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (booklet), GTK_CHECK_BUTTON (automatic));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (poster), GTK_CHECK_BUTTON (automatic));
  gtk_grid_attach (grid, automatic, 0, 0, 2, 1);
  gtk_grid_attach (grid, fit, 0, 1, 2, 1);
  gtk_grid_attach (grid, booklet, 0, 2, 2, 1);
  gtk_grid_attach (grid, poster, 0, 3, 2, 1);
  self->auto_button = GTK_CHECK_BUTTON (automatic);
  self->one_page_button = GTK_CHECK_BUTTON (fit);
  self->booklet_button = GTK_CHECK_BUTTON (booklet);
  self->poster_button = GTK_CHECK_BUTTON (poster);
  /* Without a poster yet, suggest the usual one: 3 × 2 office sheets. */
  self->columns_spin = add_spin_row (grid, 4, _("Sheets _across"), self->columns * self->rows > 1 ? self->columns : 3);
  self->rows_spin = add_spin_row (grid, 5, _("Sheets _down"), self->columns * self->rows > 1 ? self->rows : 2);

  hint_text = g_strdup_printf (_("Neighbouring sheets overlap by %.0f mm. Each sheet has cut marks and a label saying where it goes."),
                               WAYMARK_POSTER_OVERLAP_MM);
  hint = gtk_label_new (hint_text);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 50);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 24);
  gtk_grid_attach (grid, hint, 0, 6, 2, 1);

  self->dashboard_button = GTK_CHECK_BUTTON (mnemonic_check_button_new (_("Add the KPI _dashboard as a page after the map")));
  gtk_check_button_set_active (self->dashboard_button, self->dashboard);
  gtk_widget_set_margin_top (GTK_WIDGET (self->dashboard_button), 12);
  gtk_grid_attach (grid, GTK_WIDGET (self->dashboard_button), 0, 7, 2, 1);

  /* "Print what is highlighted": only while the map has a highlight. */
  if (self->highlight != NULL)
    {
      self->highlight_button = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Dim the cards the highlight leaves out, as on the map")));
      gtk_check_button_set_active (self->highlight_button, self->dim);
      gtk_grid_attach (grid, GTK_WIDGET (self->highlight_button), 0, 8, 2, 1);
    }

  g_signal_connect_object (poster, "toggled", G_CALLBACK (poster_toggled), self, 0);
  if (self->columns * self->rows > 1)
    active = poster;
  else if (self->pages == WAYMARK_PAGES_ONE)
    active = fit;
  else if (self->pages == WAYMARK_PAGES_BOOKLET)
    active = booklet;
  else
    active = automatic;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (active), TRUE);
  poster_toggled (GTK_CHECK_BUTTON (poster), self);

  return GTK_WIDGET (grid);
}

static void
waymark_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                             GtkWidget         *widget)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);

  if (self->poster_button == NULL)
    return;

  if (gtk_check_button_get_active (self->poster_button))
    waymark_print_operation_set_poster (self,
                                        (guint) gtk_spin_button_get_value_as_int (self->columns_spin),
                                        (guint) gtk_spin_button_get_value_as_int (self->rows_spin));
  else
    waymark_print_operation_set_poster (self, 1, 1);

  if (gtk_check_button_get_active (self->one_page_button))
    self->pages = WAYMARK_PAGES_ONE;
  else if (gtk_check_button_get_active (self->booklet_button))
    self->pages = WAYMARK_PAGES_BOOKLET;
  else if (gtk_check_button_get_active (self->auto_button))
    self->pages = WAYMARK_PAGES_AUTO;
  waymark_print_operation_set_dashboard (self, gtk_check_button_get_active (self->dashboard_button));
  if (self->highlight_button != NULL)
    self->dim = gtk_check_button_get_active (self->highlight_button);
}

static void
waymark_print_operation_done (GtkPrintOperation       *operation,
                              GtkPrintOperationResult  result)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The dialog's page setup (it is embedded) becomes the default. */
      g_set_object (&session_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&session_page_setup, gtk_print_operation_get_default_page_setup (operation));
      session_columns = self->columns;
      session_rows = self->rows;
      session_pages = self->pages;
      session_dashboard = self->dashboard;
    }

  self->auto_button = NULL;
  self->one_page_button = NULL;
  self->booklet_button = NULL;
  self->poster_button = NULL;
  self->dashboard_button = NULL;
  self->highlight_button = NULL;
  self->columns_spin = NULL;
  self->rows_spin = NULL;
}

static void
waymark_print_operation_finalize (GObject *object)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->journey);
  g_clear_pointer (&self->highlight, waymark_highlight_free);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (waymark_print_operation_parent_class)->finalize (object);
}

static void
waymark_print_operation_class_init (WaymarkPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = waymark_print_operation_finalize;
  operation_class->begin_print = waymark_print_operation_begin_print;
  operation_class->draw_page = waymark_print_operation_draw_page;
  operation_class->request_page_setup = waymark_print_operation_request_page_setup;
  operation_class->create_custom_widget = waymark_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = waymark_print_operation_custom_widget_apply;
  operation_class->done = waymark_print_operation_done;
}

static void
waymark_print_operation_init (WaymarkPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->columns = session_columns;
  self->rows = session_rows;
  self->pages = session_pages;
  self->dashboard = session_dashboard;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Map"));

  if (session_page_setup != NULL)
    {
      gtk_print_operation_set_default_page_setup (operation, session_page_setup);
    }
  else
    {
      g_autoptr(GtkPageSetup) setup = NULL;
      WaymarkPaper paper;
      WaymarkOrientation orientation;

      waymark_print_get_default_paper (&paper, &orientation);
      setup = waymark_print_page_setup_new (paper, orientation);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  if (session_settings != NULL)
    gtk_print_operation_set_print_settings (operation, session_settings);
}

WaymarkPrintOperation *
waymark_print_operation_new (WaymarkJourney *journey)
{
  WaymarkPrintOperation *self;
  const char *title;

  g_return_val_if_fail (WAYMARK_IS_JOURNEY (journey), NULL);

  self = g_object_new (WAYMARK_TYPE_PRINT_OPERATION, NULL);
  self->journey = g_object_ref (journey);
  /* A layout of its own, without the screen's font settings: a print
   * breaks lines exactly like the PDF export. */
  self->layout = waymark_layout_new (journey, NULL);

  title = waymark_journey_get_text (journey, WAYMARK_FIELD_TITLE);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                    title != NULL && title[0] != '\0' ? title : _("Journey map"));
  return self;
}

void
waymark_print_operation_set_poster (WaymarkPrintOperation *self,
                                    guint                  columns,
                                    guint                  rows)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));

  self->columns = CLAMP (columns, 1, WAYMARK_POSTER_MAX_SHEETS);
  self->rows = CLAMP (rows, 1, WAYMARK_POSTER_MAX_SHEETS);
}

void
waymark_print_operation_set_pages (WaymarkPrintOperation *self,
                                   WaymarkPages           pages)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));
  g_return_if_fail (pages <= WAYMARK_PAGES_BOOKLET);

  self->pages = pages;
}

WaymarkPages
waymark_print_operation_get_pages (WaymarkPrintOperation *self)
{
  g_return_val_if_fail (WAYMARK_IS_PRINT_OPERATION (self), WAYMARK_PAGES_AUTO);
  return self->pages;
}

void
waymark_print_operation_get_poster (WaymarkPrintOperation *self,
                                    guint                 *columns,
                                    guint                 *rows)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));

  if (columns != NULL)
    *columns = self->columns;
  if (rows != NULL)
    *rows = self->rows;
}

void
waymark_print_operation_set_dashboard (WaymarkPrintOperation *self,
                                       gboolean               dashboard)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));

  self->dashboard = !!dashboard;
}

gboolean
waymark_print_operation_get_dashboard (WaymarkPrintOperation *self)
{
  g_return_val_if_fail (WAYMARK_IS_PRINT_OPERATION (self), FALSE);

  return self->dashboard;
}

void
waymark_print_operation_set_highlight (WaymarkPrintOperation  *self,
                                       const WaymarkHighlight *highlight,
                                       WaymarkChecker         *checker)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));
  g_return_if_fail (checker == NULL || WAYMARK_IS_CHECKER (checker));

  g_clear_pointer (&self->highlight, waymark_highlight_free);
  if (highlight != NULL && waymark_highlight_is_active (highlight))
    self->highlight = waymark_highlight_copy (highlight);
  g_set_object (&self->checker, checker);
  /* What the map shows is what is printed, unless the user says not. */
  self->dim = self->highlight != NULL;
}

void
waymark_print_operation_set_dim (WaymarkPrintOperation *self,
                                 gboolean               dim)
{
  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));
  self->dim = dim && self->highlight != NULL;
}

gboolean
waymark_print_operation_get_dim (WaymarkPrintOperation *self)
{
  g_return_val_if_fail (WAYMARK_IS_PRINT_OPERATION (self), FALSE);
  return self->dim;
}

WaymarkLayout *
waymark_print_operation_get_layout (WaymarkPrintOperation *self)
{
  g_return_val_if_fail (WAYMARK_IS_PRINT_OPERATION (self), NULL);
  return self->layout;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Map"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  WaymarkPrintOperation *self = WAYMARK_PRINT_OPERATION (operation);
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->error_shown)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (parent, error);
      self->error_shown = TRUE;
    }
}

void
waymark_print_operation_run_dialog (WaymarkPrintOperation *self,
                                    GtkWindow             *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (WAYMARK_IS_PRINT_OPERATION (self));

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  g_signal_connect_object (self, "done", G_CALLBACK (print_done), parent, 0);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  /* An error before the dialog may come without ::done. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL && !self->error_shown)
    {
      show_error (parent, error);
      self->error_shown = TRUE;
    }
}
