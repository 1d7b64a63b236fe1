/* bz-patient-report.c — the patient's progress report (see bz-patient-report.h). */
#include "bz-patient-report.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bz-gui-util.h"
#include "bz-intake-chart.h"
#include "bz-print-language.h"
#include "bz-print-op.h"

#define FONT_TITLE "Sans Bold 20"
#define FONT_H2 "Sans Bold 12"
#define FONT_BODY "Sans 9.5"
#define FONT_SMALL "Sans 8.5"

#define REPORT_DAYS "month"   /* the intake section's span: the 30 days ending today */

void
bz_patient_report_free (BzPatientReport *report)
{
  if (report == NULL)
    return;
  g_clear_object (&report->file);
  g_clear_object (&report->analytics);
  g_clear_object (&report->avatar);
  g_clear_pointer (&report->printed_on, g_date_time_unref);
  g_clear_pointer (&report->plan, bz_meal_plan_document_free);
  g_free (report);
}

/* --- loading: the record, then the analytics ------------------------------------ */

typedef struct
{
  BzGuiSession *session;
  char *patient_id;
  BzPatientReport *report;
} LoadState;

static void
load_state_free (gpointer p)
{
  LoadState *s = p;
  g_clear_object (&s->session);
  g_free (s->patient_id);
  g_clear_pointer (&s->report, bz_patient_report_free);
  g_free (s);
}

static void
plan_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadState *s = g_task_get_task_data (task);
  GError *error = NULL;

  s->report->plan = bz_meal_plans_document_finish (BZ_SERVICES (source), result, &error);
  if (s->report->plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&s->report), (GDestroyNotify) bz_patient_report_free);
}

static void
analytics_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadState *s = g_task_get_task_data (task);
  BzRecord *plan = bz_record_get_object (s->report->file, BZ_PATIENT_FILE_ACTIVE_MEAL_PLAN);
  GError *error = NULL;

  s->report->analytics = bz_analytics_nutrition_finish (BZ_SERVICES (source), result, &error);
  if (s->report->analytics == NULL)
    g_task_return_error (task, error);
  else if (plan != NULL)
    bz_meal_plans_document_async (bz_gui_session_get_services (s->session), bz_gui_session_get_caller (s->session),
                                  bz_record_get_string (plan, BZ_MEAL_PLAN_SUMMARY_ID), g_task_get_cancellable (task),
                                  plan_done, g_object_ref (task));
  else
    g_task_return_pointer (task, g_steal_pointer (&s->report), (GDestroyNotify) bz_patient_report_free);
}

static void
file_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadState *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(BzRecord) envelope = bz_patients_get_file_finish (BZ_SERVICES (source), result, &error);

  if (envelope == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  s->report->file = g_object_ref (bz_record_get_object (envelope, BZ_PATIENT_FILE_ENVELOPE_PATIENT));
  bz_analytics_nutrition_async (bz_gui_session_get_services (s->session), bz_gui_session_get_caller (s->session),
                                s->patient_id, REPORT_DAYS, NULL, g_task_get_cancellable (task), analytics_done,
                                g_object_ref (task));
}

void
bz_patient_report_load_async (BzGuiSession *session, const char *patient_id, GdkTexture *avatar,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  LoadState *s = g_new0 (LoadState, 1);

  g_task_set_source_tag (task, bz_patient_report_load_async);
  s->session = g_object_ref (session);
  s->patient_id = g_strdup (patient_id);
  s->report = g_new0 (BzPatientReport, 1);
  s->report->avatar = avatar ? g_object_ref (avatar) : NULL;
  s->report->printed_on = g_date_time_new_now_local ();
  g_task_set_task_data (task, s, load_state_free);
  bz_patients_get_file_async (bz_gui_session_get_services (session), bz_gui_session_get_caller (session), patient_id,
                              cancellable, file_done, task);
}

BzPatientReport *
bz_patient_report_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- figures ------------------------------------------------------------------ */

static const GdkRGBA ink = { 0.1, 0.12, 0.1, 1 };

/* The avatar picture, fitted into the left part of the box. */
static void
draw_avatar (cairo_t *cr, GdkTexture *texture, double width, double height)
{
  int tw = gdk_texture_get_width (texture), th = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  double scale = MIN (width / tw, height / th);

  cairo_surface_flush (surface);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  cairo_save (cr);
  cairo_translate (cr, (width - tw * scale) / 2, (height - th * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
}

static void
label_at (cairo_t *cr, const char *text, double x, double y, double xalign, const char *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
  g_object_unref (layout);
}

/* One measurement over the scans: a line through the points, the first and
 * the last labelled, in a box of @width × @height. */
static void
draw_series (cairo_t *cr, BzRecord *file, guint field, const char *title, int decimals,
             double width, double height, const GdkRGBA *color)
{
  guint n = bz_record_get_n_items (file, BZ_PATIENT_FILE_PROGRESS_HISTORY);
  double lo = INFINITY, hi = -INFINITY, pad_top = 32, pad_bottom = 14, pad_x = 34;
  gint64 t0 = 0, t1 = 1;
  gboolean first = TRUE;

  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.8);
  label_at (cr, title, 0, 7, 0, FONT_SMALL);
  for (guint i = 0; i < n; i++)
    {
      BzRecord *m = bz_record_get_item (file, BZ_PATIENT_FILE_PROGRESS_HISTORY, i);
      g_autoptr(GDateTime) at = bz_parse_datetime (bz_record_get_string (m, BZ_METRICS_MEASURED_AT));
      if (!bz_record_has (m, field) || at == NULL)
        continue;
      lo = MIN (lo, bz_record_get_double (m, field));
      hi = MAX (hi, bz_record_get_double (m, field));
      if (first)
        t0 = g_date_time_to_unix (at);
      t1 = g_date_time_to_unix (at);
      first = FALSE;
    }
  if (first)
    return;
  if (hi - lo < 1)
    {
      lo -= 0.5;
      hi += 0.5;
    }
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.3);
  cairo_move_to (cr, pad_x, height - pad_bottom);
  cairo_line_to (cr, width - pad_x, height - pad_bottom);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.6);
  gdk_cairo_set_source_rgba (cr, color);
  /* pass 0: the line; pass 1: the points, the first and last labelled */
  for (int pass = 0; pass < 2; pass++)
    {
      guint k = 0;
      for (guint i = 0; i < n; i++)
        {
          BzRecord *m = bz_record_get_item (file, BZ_PATIENT_FILE_PROGRESS_HISTORY, i);
          g_autoptr(GDateTime) at = bz_parse_datetime (bz_record_get_string (m, BZ_METRICS_MEASURED_AT));
          double v, x, y;
          if (!bz_record_has (m, field) || at == NULL)
            continue;
          v = bz_record_get_double (m, field);
          x = t1 > t0 ? pad_x + (width - 2 * pad_x) * (g_date_time_to_unix (at) - t0) / (double) (t1 - t0) : width / 2;
          y = pad_top + (height - pad_top - pad_bottom) * (1 - (v - lo) / (hi - lo));
          if (pass == 0)
            {
              if (k++ == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
              continue;
            }
          cairo_new_path (cr);   /* the labels leave a current point */
          cairo_arc (cr, x, y, 2.2, 0, 2 * G_PI);
          cairo_fill (cr);
          if (k++ == 0 || g_date_time_to_unix (at) == t1)
            {
              g_autofree char *text = bz_print_format_number (v, decimals);
              g_autofree char *date = bz_date_time_format (at, "%b %Y");
              cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.85);
              label_at (cr, text, x, y - 8, 0.5, FONT_SMALL);
              label_at (cr, date, x, height - 6, 0.5, FONT_SMALL);
              gdk_cairo_set_source_rgba (cr, color);
            }
        }
      if (pass == 0)
        cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

typedef struct
{
  BzRecord *file;
  GdkTexture *avatar;
} BodyFigure;

static void
body_figure_free (gpointer p)
{
  BodyFigure *f = p;
  g_clear_object (&f->file);
  g_clear_object (&f->avatar);
  g_free (f);
}

static void
draw_body (cairo_t *cr, double width, double height, gpointer data)
{
  static const GdkRGBA weight_color = { 0.16, 0.45, 0.78, 1 }, fat_color = { 0.85, 0.45, 0.05, 1 };
  BodyFigure *f = data;
  double left = f->avatar ? width * 0.32 : 0, chart_w = width - left - (f->avatar ? 12 : 0);

  if (f->avatar)
    draw_avatar (cr, f->avatar, left, height);
  cairo_save (cr);
  cairo_translate (cr, width - chart_w, 0);
  draw_series (cr, f->file, BZ_METRICS_WEIGHT_KG, _("Weight (kg)"), 1, chart_w, height / 2 - 4, &weight_color);
  cairo_translate (cr, 0, height / 2 + 4);
  draw_series (cr, f->file, BZ_METRICS_BODY_FAT_PERCENT, _("Body fat (%)"), 1, chart_w, height / 2 - 4, &fat_color);
  cairo_restore (cr);
}

static void
draw_intake (cairo_t *cr, double width, double height, gpointer data)
{
  PangoContext *pango = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");

  pango_context_set_font_description (pango, font);
  bz_intake_chart_draw (cr, pango, data, width, height, &ink);
  g_object_unref (pango);
}

/* --- layout -------------------------------------------------------------------- */

static void
heading (BzPrintFlow *flow, const char *text)
{
  g_autofree char *m = g_markup_printf_escaped ("%s", text);
  bz_print_flow_paragraph (flow, FONT_H2, m, 0, 14, 60);
  bz_print_flow_rule (flow, 2);
}

static void
field_line (BzPrintFlow *flow, const char *label, const char *value)
{
  g_autofree char *m = NULL;
  if (value == NULL || *value == '\0')
    return;
  m = g_markup_printf_escaped ("<b>%s</b> %s", label, value);
  bz_print_flow_paragraph (flow, FONT_BODY, m, 0, 2, 0);
}

/* The field with @decimals in the report's language (bz_print_format_number()),
 * then @suffix; "—" when the record or the field is absent. */
static char *
number_or_dash (BzRecord *rec, guint field, int decimals, const char *suffix)
{
  g_autofree char *n = NULL;

  if (rec == NULL || !bz_record_has (rec, field))
    return g_strdup ("—");
  n = bz_print_format_number (bz_record_get_double (rec, field), decimals);
  return g_strconcat (n, suffix, NULL);
}

static void
table_row (BzPrintFlow *flow, guint n, const char *const *cells, const double *widths, gboolean header, gboolean shade)
{
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (markups, header ? g_markup_printf_escaped ("<b>%s</b>", cells[i])
                                     : g_markup_printf_escaped ("%s", cells[i] ? cells[i] : ""));
  bz_print_flow_row (flow, FONT_BODY, n, (const char *const *) markups->pdata, widths, ~1u, shade);
}

static void
layout_header (BzPrintFlow *flow, const BzPatientReport *report)
{
  BzRecord *info = bz_record_get_object (report->file, BZ_PATIENT_FILE_BASIC_INFO);
  g_autofree char *title = g_markup_printf_escaped ("%s", _("Progress Report"));
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME));
  /* TRANSLATORS: a date on a printed meal plan, strftime format */
  g_autofree char *date = bz_date_time_format (report->printed_on, _("%B %-d, %Y"));
  g_autofree char *target = number_or_dash (info, BZ_PATIENT_INFO_TARGET_WEIGHT_KG, 1, " kg");
  const char *goal = bz_goal_label (bz_record_get_string (info, BZ_PATIENT_INFO_PRIMARY_GOAL));

  bz_print_flow_paragraph (flow, FONT_TITLE, title, 0, 0, 0);
  bz_print_flow_paragraph (flow, FONT_H2, name, 0, 4, 0);
  field_line (flow, _("E-mail:"), bz_record_get_string (info, BZ_PATIENT_INFO_EMAIL));
  field_line (flow, _("Goal:"), goal);
  field_line (flow, _("Target weight:"), target);
  field_line (flow, _("Report date:"), g_strstrip (date));
}

static void
layout_body (BzPrintFlow *flow, const BzPatientReport *report)
{
  static const double widths[] = { 0.28, 0.18, 0.18, 0.18, 0.18 };
  const char *head[] = { _("Scan"), _("Weight (kg)"), _("Body fat (%)"), _("Skeletal muscle (kg)"), _("Waist (cm)") };
  guint n = bz_record_get_n_items (report->file, BZ_PATIENT_FILE_PROGRESS_HISTORY);
  BodyFigure *figure;

  heading (flow, _("Body Composition"));
  if (n == 0)
    {
      g_autofree char *m = g_markup_printf_escaped ("%s", _("No body scan yet."));
      bz_print_flow_paragraph (flow, FONT_BODY, m, 0, 4, 0);
      return;
    }
  figure = g_new0 (BodyFigure, 1);
  figure->file = g_object_ref (report->file);
  figure->avatar = report->avatar ? g_object_ref (report->avatar) : NULL;
  bz_print_flow_figure (flow, 210, 6, draw_body, figure, body_figure_free);
  bz_print_flow_paragraph (flow, FONT_BODY, "", 0, 4, 0);
  table_row (flow, 5, head, widths, TRUE, FALSE);
  for (guint i = n; i-- > 0;)   /* newest first */
    {
      BzRecord *m = bz_record_get_item (report->file, BZ_PATIENT_FILE_PROGRESS_HISTORY, i);
      BzRecord *circ = bz_record_get_object (m, BZ_METRICS_CIRCUMFERENCES_CM);
      g_autofree char *date = bz_format_date (bz_record_get_string (m, BZ_METRICS_MEASURED_AT));
      g_autofree char *w = number_or_dash (m, BZ_METRICS_WEIGHT_KG, 1, "");
      g_autofree char *bf = number_or_dash (m, BZ_METRICS_BODY_FAT_PERCENT, 1, "");
      g_autofree char *smm = number_or_dash (m, BZ_METRICS_SKELETAL_MUSCLE_MASS_KG, 1, "");
      g_autofree char *waist = number_or_dash (circ, BZ_CIRCUMFERENCES_WAIST, 1, "");
      const char *cells[] = { date, w, bf, smm, waist };
      table_row (flow, 5, cells, widths, FALSE, (n - 1 - i) % 2 == 1);
    }
}

static void
layout_intake (BzPrintFlow *flow, const BzPatientReport *report)
{
  static const struct { guint field; const char *label; } panel[] = {
    { BZ_NUTRIENTS_ENERGY_KCAL, N_("Energy (kcal)") },
    { BZ_NUTRIENTS_PROTEIN_G, N_("Protein (g)") },
    { BZ_NUTRIENTS_CARBOHYDRATE_G, N_("Carbohydrate (g)") },
    { BZ_NUTRIENTS_FAT_G, N_("Fat (g)") },
    { BZ_NUTRIENTS_FIBER_G, N_("Fiber (g)") },
    { BZ_NUTRIENTS_SODIUM_MG, N_("Sodium (mg)") },
  };
  static const double widths[] = { 0.4, 0.3, 0.3 };
  BzRecord *a = report->analytics;
  guint n = bz_record_get_n_items (a, BZ_NUTRITION_ANALYTICS_DAYS);
  BzRecord *last = n ? bz_record_get_item (a, BZ_NUTRITION_ANALYTICS_DAYS, n - 1) : NULL;
  BzRecord *targets = last ? bz_record_get_object (last, BZ_NUTRITION_DAY_TARGETS) : NULL;
  BzRecord *mean = bz_record_get_object (a, BZ_NUTRITION_ANALYTICS_MEAN_INTAKE);
  BzRecord *macros = bz_record_get_object (a, BZ_NUTRITION_ANALYTICS_MACRO_DISTRIBUTION);
  gint64 logged = bz_record_get_int (a, BZ_NUTRITION_ANALYTICS_DAYS_LOGGED);
  g_autofree char *adherence = number_or_dash (a, BZ_NUTRITION_ANALYTICS_ADHERENCE_RATE, 0, " %");
  g_autofree char *plan = number_or_dash (a, BZ_NUTRITION_ANALYTICS_PLAN_ADHERENCE_RATE, 0, " %");
  g_autofree char *summary = NULL, *m = NULL, *split = NULL;
  const char *head[] = { _("Nutrient"), _("Mean of logged days"), _("Current target") };

  heading (flow, _("Intake, Last 30 Days"));
  summary = g_strdup_printf (_("Target met on %s of days · plan followed on %s · %d of %u days logged · streak %d days"),
                             adherence, plan, (int) logged, n,
                             (int) bz_record_get_int (a, BZ_NUTRITION_ANALYTICS_CURRENT_STREAK_DAYS));
  m = g_markup_printf_escaped ("%s", summary);
  bz_print_flow_paragraph (flow, FONT_BODY, m, 0, 4, 0);
  if (logged == 0)
    return;
  bz_print_flow_figure (flow, 150, 6, draw_intake, g_object_ref (a), g_object_unref);
  g_clear_pointer (&m, g_free);
  {
    g_autofree char *key = bz_intake_chart_key ();
    m = g_markup_printf_escaped ("%s", key);
  }
  bz_print_flow_paragraph (flow, FONT_SMALL, m, 0, 2, 0);
  table_row (flow, 3, head, widths, TRUE, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (panel); i++)
    {
      g_autofree char *eaten = number_or_dash (mean, panel[i].field, 0, "");
      g_autofree char *target = number_or_dash (targets, panel[i].field, 0, "");
      const char *cells[] = { _(panel[i].label), eaten, target };
      table_row (flow, 3, cells, widths, FALSE, i % 2 == 1);
    }
  split = g_strdup_printf (_("Energy from protein %.0f %%, carbohydrate %.0f %%, fat %.0f %%."),
                           bz_record_get_double (macros, BZ_MACRO_DISTRIBUTION_PROTEIN_PERCENT),
                           bz_record_get_double (macros, BZ_MACRO_DISTRIBUTION_CARBOHYDRATE_PERCENT),
                           bz_record_get_double (macros, BZ_MACRO_DISTRIBUTION_FAT_PERCENT));
  g_clear_pointer (&m, g_free);
  m = g_markup_printf_escaped ("%s", split);
  bz_print_flow_paragraph (flow, FONT_BODY, m, 0, 4, 0);
}

static void
layout_plan (BzPrintFlow *flow, const BzPatientReport *report)
{
  BzRecord *plan = bz_record_get_object (report->file, BZ_PATIENT_FILE_ACTIVE_MEAL_PLAN);
  g_autofree char *days = NULL, *start = NULL;
  const char *name;

  heading (flow, _("Meal Plan"));
  if (plan == NULL)
    {
      g_autofree char *m = g_markup_printf_escaped ("%s", _("No current meal plan."));
      bz_print_flow_paragraph (flow, FONT_BODY, m, 0, 4, 0);
      return;
    }
  name = bz_record_get_string (plan, BZ_MEAL_PLAN_SUMMARY_PLAN_NAME);
  start = bz_format_date (bz_record_get_string (plan, BZ_MEAL_PLAN_SUMMARY_START_DATE));
  days = g_strdup_printf (ngettext ("%d day", "%d days", (gulong) bz_record_get_int (plan, BZ_MEAL_PLAN_SUMMARY_DURATION_DAYS)),
                          (int) bz_record_get_int (plan, BZ_MEAL_PLAN_SUMMARY_DURATION_DAYS));
  field_line (flow, _("Plan:"), name && *name ? name : _("Meal plan"));
  field_line (flow, _("Starts:"), start);
  field_line (flow, _("Length:"), days);
  if (report->plan != NULL && report->plan->shopping->len > 0)
    {
      /* the foods in the report's language: Spanish (Mexico) names where Balanza has them */
      g_autoptr(GString) foods = g_string_new (NULL);
      for (guint i = 0; i < report->plan->shopping->len; i++)
        {
          const BzShoppingItem *item = g_ptr_array_index (report->plan->shopping, i);
          const char *name = item->description ? bz_food_display_name (item->description, item->name_es) : item->name;
          if (name && *name)
            g_string_append_printf (foods, "%s%s", foods->len ? "; " : "", name);
        }
      field_line (flow, _("Foods:"), foods->str);
    }
}

BzPrintFlow *
bz_patient_report_layout (const BzPatientReport *report, PangoContext *pango, double width, double height)
{
  BzPrintFlow *flow = bz_print_flow_new (pango, width, height);

  layout_header (flow, report);
  layout_body (flow, report);
  layout_intake (flow, report);
  layout_plan (flow, report);
  return flow;
}

/* --- printing ------------------------------------------------------------------- */

static BzPrintFlow *
report_layout (gpointer data, PangoContext *pango, double width, double height)
{
  return bz_patient_report_layout (data, pango, width, height);
}

static char *
report_footer (gpointer data, int page, guint n_pages)
{
  const BzPatientReport *report = data;
  BzRecord *info = bz_record_get_object (report->file, BZ_PATIENT_FILE_BASIC_INFO);

  return g_strdup_printf (_("%s · %s · page %d of %u"), bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME),
                          _("Progress report"), page + 1, n_pages);
}

static GtkPrintOperation *
operation_new (BzPatientReport *report, gboolean owns)
{
  BzRecord *info = bz_record_get_object (report->file, BZ_PATIENT_FILE_BASIC_INFO);
  g_autofree char *job_name = g_strdup_printf ("%s — %s", _("Progress report"),
                                               bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME));

  return bz_print_operation_new (job_name, report_layout, report_footer, report,
                                 owns ? (GDestroyNotify) bz_patient_report_free : NULL);
}

gboolean
bz_patient_report_export_pdf (const BzPatientReport *report, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) op = NULL;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);
  op = operation_new ((BzPatientReport *) report, FALSE);
  return bz_print_operation_export_pdf (op, path, error);
}

static void
run_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  BzPatientReport *report = bz_patient_report_load_finish (result, &error);

  if (report == NULL)
    {
      g_autofree char *message = bz_error_to_user_message (error);
      bz_print_show_error (parent, _("Could not print the progress report"), message);
      return;
    }
  bz_print_operation_run_dialog (operation_new (report, TRUE), parent, _("Could not print the progress report"));
}

void
bz_patient_report_run (GtkWindow *parent, BzGuiSession *session, const char *patient_id, GdkTexture *avatar)
{
  g_return_if_fail (BZ_IS_GUI_SESSION (session));
  bz_patient_report_load_async (session, patient_id, avatar, NULL, run_loaded, parent ? g_object_ref (parent) : NULL);
}
