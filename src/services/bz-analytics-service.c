/* bz-analytics-service.c — nutrition analytics (bz-analytics-service.h). */
#include "bz-analytics-service.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bz-analytics-repo.h"
#include "bz-patient-service.h"
#include "bz-service-task-private.h"
#include "bz-targets-private.h"
#include "bz-vocab.h"

guint
bz_analytics_period_days (const char *period)
{
  const char *id = period ? bz_vocab_canonical (&bz_vocab_analytics_period, period) : NULL;

  if (g_strcmp0 (id, "day") == 0)
    return 1;
  if (g_strcmp0 (id, "week") == 0)
    return 7;
  if (g_strcmp0 (id, "month") == 0)
    return 30;
  return 0;
}

static gboolean
parse_date (const char *s, GDate *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-' ||
      sscanf (s, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static void
format_date (const GDate *d, char out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (d), g_date_get_month (d), g_date_get_day (d));
}

static void
local_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
}

/* Index of @date in the span from @first, or -1 outside [0, n_days). */
static int
day_index (const GDate *first, guint n_days, const char *date)
{
  GDate d;
  int k;

  if (!parse_date (date, &d))
    return -1;
  k = g_date_days_between (first, &d);
  return k >= 0 && (guint) k < n_days ? k : -1;
}

/* Fills @days (n_patients × n_days, patient-major, zeroed by the caller)
 * for the span of @n_days from @first: intake, targets and plan days. */
static gboolean
fill_days (BzStore *store, const char *const *ids, guint n_patients, const GDate *first, guint n_days,
           BzAnalyticsDay *days, GError **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) intake = NULL, scans = NULL, plan_days = NULL;
  GDate last = *first;
  char start[11], end[11];

  g_date_add_days (&last, n_days - 1);
  format_date (first, start);
  format_date (&last, end);
  for (guint i = 0; i < n_patients; i++)
    g_hash_table_insert (index, (gpointer) ids[i], GUINT_TO_POINTER (i + 1));
  if (!bz_analytics_repo_intake (store, ids, n_patients, start, end, &intake, error) ||
      !bz_analytics_repo_scans (store, ids, n_patients, start, end, &scans, error) ||
      !bz_analytics_repo_plan_days (store, ids, n_patients, start, end, &plan_days, error))
    return FALSE;

  for (guint r = 0; r < intake->len; r++)
    {
      BzIntakeDay *row = &g_array_index (intake, BzIntakeDay, r);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (index, row->patient_id));
      int k = day_index (first, n_days, row->date);
      if (p && k >= 0)
        {
          days[(p - 1) * n_days + k].meals = row->meals;
          days[(p - 1) * n_days + k].intake = row->intake;
        }
    }
  for (guint r = 0; r < plan_days->len; r++)
    {
      BzPlanDay *row = &g_array_index (plan_days, BzPlanDay, r);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (index, row->patient_id));
      int k = day_index (first, n_days, row->date);
      if (p && k >= 0)
        {
          days[(p - 1) * n_days + k].has_plan = TRUE;
          days[(p - 1) * n_days + k].planned = row->planned;
        }
    }
  /* Scans come by patient, oldest first: each sets the targets of its day
   * and every later day of the span until the next scan. */
  for (guint r = 0; r < scans->len; r++)
    {
      BzScanBasis *row = &g_array_index (scans, BzScanBasis, r);
      guint p = GPOINTER_TO_UINT (g_hash_table_lookup (index, row->patient_id));
      BzNutrients targets;
      GDate d;
      int from;
      if (!p || !parse_date (row->date, &d))
        continue;
      from = MAX (0, g_date_days_between (first, &d));
      bz_targets_compute (&row->in, &targets);
      for (guint k = from; k < n_days; k++)
        {
          days[(p - 1) * n_days + k].has_targets = TRUE;
          days[(p - 1) * n_days + k].targets = targets;
        }
    }
  return TRUE;
}

static void
set_met (BzRecord *r, guint field, int met)
{
  if (met < 0)
    bz_record_set_null (r, field);
  else
    bz_record_set_boolean (r, field, met == 1);
}

static void
set_rate (BzRecord *r, guint field, double rate)
{
  if (rate < 0)
    bz_record_set_null (r, field);
  else
    bz_record_set_double (r, field, rate);
}

static gboolean
validation_error (GError **error, const char *field, const char *issue, const char *message)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);

  bz_error_add_detail (e, field, issue, message);
  g_propagate_error (error, e);
  return FALSE;
}

BzRecord *
bz_analytics_nutrition (BzServices *svc, const BzCaller *caller, const char *patient_id,
                        const char *period, const char *date, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *pid = NULL;
  g_autofree BzAnalyticsDay *days = NULL;
  g_auto(GStrv) logged = NULL;
  BzAnalyticsSummary sum;
  GDate last, today, first;
  guint n_days = bz_analytics_period_days (period && *period ? period : "week");
  char start_s[11], end_s[11];
  BzRecord *rec, *macros;

  if (n_days == 0)
    {
      validation_error (error, "period", "invalid_choice", _("period must be day, week or month"));
      return NULL;
    }
  local_today (&today);
  if (date && *date)
    {
      if (!parse_date (date, &last))
        {
          validation_error (error, "date", "invalid_format", _("date must be a calendar date YYYY-MM-DD"));
          return NULL;
        }
      if (g_date_compare (&last, &today) > 0)
        {
          validation_error (error, "date", "out_of_range", _("date cannot be after today"));
          return NULL;
        }
    }
  else
    last = today;
  pid = bz_patients_resolve (svc, caller, patient_id, error);
  if (pid == NULL)
    return NULL;
  bz_patients_audit_read (svc, caller, pid, "nutrition_analytics");

  first = last;
  g_date_subtract_days (&first, n_days - 1);
  format_date (&first, start_s);
  format_date (&last, end_s);
  days = g_new0 (BzAnalyticsDay, n_days);
  if (!fill_days (store, (const char *const[]) { pid }, 1, &first, n_days, days, error) ||
      !bz_analytics_repo_logged_dates (store, pid, end_s, BZ_ANALYTICS_STREAK_LOOKBACK_DAYS, &logged, error))
    return NULL;
  bz_analytics_compute (days, n_days, &sum);
  sum.current_streak = bz_analytics_streak (&last, (const char *const *) logged, g_strv_length (logged));

  rec = bz_record_new (&bz_nutrition_analytics_resource);
  bz_record_set_string (rec, BZ_NUTRITION_ANALYTICS_PATIENT_ID, pid);
  bz_record_set_string (rec, BZ_NUTRITION_ANALYTICS_PERIOD,
                        n_days == 1 ? "day" : n_days == 7 ? "week" : "month");
  bz_record_set_string (rec, BZ_NUTRITION_ANALYTICS_START_DATE, start_s);
  bz_record_set_string (rec, BZ_NUTRITION_ANALYTICS_END_DATE, end_s);
  bz_record_set_empty_array (rec, BZ_NUTRITION_ANALYTICS_DAYS);
  for (guint k = 0; k < n_days; k++)
    {
      BzRecord *day = bz_record_new (&bz_nutrition_day_resource);
      GDate d = first;
      char ds[11];
      g_date_add_days (&d, k);
      format_date (&d, ds);
      bz_record_set_string (day, BZ_NUTRITION_DAY_DATE, ds);
      bz_record_set_int (day, BZ_NUTRITION_DAY_MEALS, days[k].meals);
      bz_record_take_object (day, BZ_NUTRITION_DAY_INTAKE, bz_nutrients_record_new (&days[k].intake));
      if (days[k].has_targets)
        bz_record_take_object (day, BZ_NUTRITION_DAY_TARGETS, bz_nutrients_record_new (&days[k].targets));
      else
        bz_record_set_null (day, BZ_NUTRITION_DAY_TARGETS);
      set_met (day, BZ_NUTRITION_DAY_TARGET_MET, days[k].target_met);
      if (days[k].has_plan)
        bz_record_take_object (day, BZ_NUTRITION_DAY_PLANNED, bz_nutrients_record_new (&days[k].planned));
      else
        bz_record_set_null (day, BZ_NUTRITION_DAY_PLANNED);
      set_met (day, BZ_NUTRITION_DAY_PLAN_MET, days[k].plan_met);
      bz_record_append (rec, BZ_NUTRITION_ANALYTICS_DAYS, day);
    }
  bz_record_set_int (rec, BZ_NUTRITION_ANALYTICS_DAYS_LOGGED, sum.days_logged);
  set_rate (rec, BZ_NUTRITION_ANALYTICS_ADHERENCE_RATE, sum.adherence_rate);
  set_rate (rec, BZ_NUTRITION_ANALYTICS_PLAN_ADHERENCE_RATE, sum.plan_adherence_rate);
  bz_record_take_object (rec, BZ_NUTRITION_ANALYTICS_MEAN_INTAKE, bz_nutrients_record_new (&sum.mean_intake));
  macros = bz_record_new (&bz_macro_distribution_resource);
  bz_record_set_double (macros, BZ_MACRO_DISTRIBUTION_PROTEIN_PERCENT, sum.macros.protein_pct);
  bz_record_set_double (macros, BZ_MACRO_DISTRIBUTION_CARBOHYDRATE_PERCENT, sum.macros.carbohydrate_pct);
  bz_record_set_double (macros, BZ_MACRO_DISTRIBUTION_FAT_PERCENT, sum.macros.fat_pct);
  bz_record_take_object (rec, BZ_NUTRITION_ANALYTICS_MACRO_DISTRIBUTION, macros);
  bz_record_set_int (rec, BZ_NUTRITION_ANALYTICS_CURRENT_STREAK_DAYS, sum.current_streak);
  bz_record_set_int (rec, BZ_NUTRITION_ANALYTICS_LONGEST_STREAK_DAYS, sum.longest_streak);
  return rec;
}

gboolean
bz_analytics_adherence_rates (BzServices *svc, const char *const *patient_ids, guint n,
                              const char *end, double *out_rates, GError **error)
{
  g_autofree BzAnalyticsDay *days = NULL;
  GDate first;

  if (n == 0)
    return TRUE;
  if (!parse_date (end, &first))
    {
      validation_error (error, "date", "invalid_format", _("date must be a calendar date YYYY-MM-DD"));
      return FALSE;
    }
  g_date_subtract_days (&first, BZ_ANALYTICS_LIST_DAYS - 1);
  days = g_new0 (BzAnalyticsDay, (gsize) n * BZ_ANALYTICS_LIST_DAYS);
  if (!fill_days (bz_services_get_store (svc), patient_ids, n, &first, BZ_ANALYTICS_LIST_DAYS, days, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      BzAnalyticsSummary sum;
      bz_analytics_compute (days + (gsize) i * BZ_ANALYTICS_LIST_DAYS, BZ_ANALYTICS_LIST_DAYS, &sum);
      out_rates[i] = sum.adherence_rate;
    }
  return TRUE;
}

/* --- async (GIO style) ----------------------------------------------------- */

typedef struct
{
  char *patient_id, *period, *date;
} AnalyticsArgs;

static void
analytics_args_free (gpointer p)
{
  AnalyticsArgs *a = p;
  g_free (a->patient_id);
  g_free (a->period);
  g_free (a->date);
  g_free (a);
}

static gpointer
nutrition_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  AnalyticsArgs *a = args;
  return bz_analytics_nutrition (svc, caller, a->patient_id, a->period, a->date, error);
}

void
bz_analytics_nutrition_async (BzServices *svc, const BzCaller *caller, const char *patient_id,
                              const char *period, const char *date, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  AnalyticsArgs *a = g_new0 (AnalyticsArgs, 1);

  a->patient_id = g_strdup (patient_id);
  a->period = g_strdup (period);
  a->date = g_strdup (date);
  bz_service_task_run (svc, bz_analytics_nutrition_async, "bz-analytics", caller, BZ_SERVICE_TASK_NEEDS_CALLER,
                       nutrition_work, a, analytics_args_free, g_object_unref, cancellable, callback, user_data);
}

BzRecord *
bz_analytics_nutrition_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_analytics_nutrition_async, error);
}
