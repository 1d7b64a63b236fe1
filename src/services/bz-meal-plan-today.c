/* bz-meal-plan-today.c — a patient's meal plan for one day, the kiosk's
 * "today" (see bz-meal-plan-document.h, which declares it with the printable
 * plan: both are read-only views of a plan for the GUI). */
#include "bz-meal-plan-document.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service.h"
#include "bz-patient-service.h"
#include "bz-service-task-private.h"

/* --- today ------------------------------------------------------------------------ */

void
bz_meal_plan_today_free (BzMealPlanToday *today)
{
  if (today == NULL)
    return;
  g_free (today->date);
  g_clear_object (&today->plan);
  g_free (today);
}

static gboolean
is_date (const char *s)
{
  int y, m, d;
  char tail;
  return s && strlen (s) == 10 && sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y);
}

BzMealPlanToday *
bz_meal_plans_today (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date,
                     GError **error)
{
  g_autoptr(BzMealPlanToday) today = NULL;
  g_autoptr(BzRecord) summary = NULL;
  g_autofree char *patient = NULL;
  guint n_days;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (date != NULL && !is_date (date))
    {
      GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("date must be YYYY-MM-DD"));
      bz_error_add_detail (e, "date", "invalid_format", e->message);
      g_propagate_error (error, e);
      return NULL;
    }
  patient = bz_patients_resolve (svc, caller, patient_id, error);
  if (patient == NULL)
    return NULL;

  today = g_new0 (BzMealPlanToday, 1);
  if (date)
    today->date = g_strdup (date);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today->date = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!bz_meal_plan_repo_current (bz_services_get_store (svc), patient, &summary, error))
    return NULL;
  if (summary == NULL)
    return g_steal_pointer (&today);
  today->plan = bz_meal_plans_get (svc, caller, bz_record_get_string (summary, BZ_MEAL_PLAN_SUMMARY_ID), error);
  if (today->plan == NULL)
    return NULL;
  n_days = bz_record_get_n_items (today->plan, BZ_MEAL_PLAN_SUGGESTIONS);
  for (guint d = 0; d < n_days; d++)
    {
      BzRecord *day = bz_record_get_item (today->plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      if (g_strcmp0 (bz_record_get_string (day, BZ_PLAN_DAY_DATE), today->date) == 0)
        {
          today->day = day;
          break;
        }
    }
  if (today->day)
    {
      BzRecord *summary_n = bz_record_get_object (today->plan, BZ_MEAL_PLAN_NUTRITION);
      guint n = summary_n ? bz_record_get_n_items (summary_n, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE) : 0;
      gint64 day_no = bz_record_get_int (today->day, BZ_PLAN_DAY_DAY);

      for (guint i = 0; i < n; i++)
        {
          BzRecord *dn = bz_record_get_item (summary_n, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, i);
          if (bz_record_get_int (dn, BZ_PLAN_DAY_NUTRITION_DAY) == day_no)
            today->day_nutrition = bz_record_get_object (dn, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL);
        }
    }
  return g_steal_pointer (&today);
}

/* --- async (GIO style) ------------------------------------------------------------ */

typedef struct
{
  char *patient_id;
  char *date;
} TodayArgs;

static void
today_args_free (gpointer p)
{
  TodayArgs *a = p;
  g_free (a->patient_id);
  g_free (a->date);
  g_free (a);
}

static gpointer
today_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  TodayArgs *a = args;
  return bz_meal_plans_today (svc, caller, a->patient_id, a->date, error);
}

void
bz_meal_plans_today_async (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date,
                           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  TodayArgs *a = g_new0 (TodayArgs, 1);
  a->patient_id = g_strdup (patient_id);
  a->date = g_strdup (date);
  bz_service_task_run (svc, bz_meal_plans_today_async, "bz-meal-plan-today", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, today_work, a, today_args_free,
                       (GDestroyNotify) bz_meal_plan_today_free, cancellable, callback, user_data);
}

BzMealPlanToday *
bz_meal_plans_today_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_today_async, error);
}
