/* bz-workout-log.c — completed workout sessions (POST /api/workouts/sessions)
 * and seed 001's workout analytics (GET /api/analytics/workout/summary):
 * see bz-workout-service.h. */
#include "bz-workout-service-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-json.h"
#include "bz-patient-service.h"
#include "bz-workout-planner.h"
#include "bz-workout-resources.h"

static void
validation (GError **error, const char *field, const char *issue, const char *message)
{
  BzValidation v = BZ_VALIDATION_INIT;
  bz_validation_add (&v, field, issue, message);
  bz_validation_finish (&v, error);
}

static gboolean
check_caller (const BzCaller *caller, GError **error)
{
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return FALSE;
    }
  return TRUE;
}

/* The patient's active plan's day (1-14) that is a training day on @date, or 0. */
static gint64
plan_day_of (const BzWorkoutPlanRow *plan, const char *date)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *days;

  if (plan->id == NULL || g_strcmp0 (date, plan->starts_on) < 0 || g_strcmp0 (date, plan->ends_on) > 0)
    return 0;
  root = bz_json_parse (plan->plan_json, strlen (plan->plan_json), &bz_json_limits_stored, NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  days = json_object_get_array_member (json_node_get_object (root), "days");
  for (guint d = 0; days && d < json_array_get_length (days); d++)
    {
      double n = -1;
      g_autofree char *day_date = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (days, d)) ||
          !bz_json_get_number (json_array_get_object_element (days, d), "day", &n))
        continue;
      day_date = bz_workout_date_add (plan->starts_on, (int) n);
      if (g_strcmp0 (day_date, date) == 0)
        return (gint64) n + 1;
    }
  return 0;
}

BzRecord *
bz_workouts_log_session (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *patient = NULL, *today = NULL, *earliest = NULL;
  g_auto(BzWorkoutSessionRow) row = { 0 };
  g_auto(BzWorkoutPlanRow) plan = { 0 };
  const BzExerciseLibrary *lib;
  const char *date;
  double volume = 0;
  BzRecord *out;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_caller (caller, error))
    return NULL;
  if (caller->role != BZ_ROLE_NUTRITIONIST && caller->role != BZ_ROLE_PATIENT)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s",
                   _("Only a member (for self) or a nutritionist (for a patient) can log a workout session"));
      return NULL;
    }
  if (!(lib = bz_workout_library (error)))
    return NULL;
  in = bz_resource_parse (&bz_workout_session_resource, input, NULL, &v);
  today = bz_workout_today ();
  earliest = bz_workout_date_add (today, -BZ_WORKOUT_LOG_MAX_DAYS_BACK);
  date = in && bz_record_get_string (in, BZ_WORKOUT_SESSION_DATE) ? bz_record_get_string (in, BZ_WORKOUT_SESSION_DATE) : today;
  if (in && (g_strcmp0 (date, today) > 0 || g_strcmp0 (date, earliest) < 0))
    bz_validation_add (&v, "date", "out_of_range", _("date must be today or up to 30 days back"));
  for (guint i = 0; in && i < bz_record_get_n_items (in, BZ_WORKOUT_SESSION_EXERCISES); i++)
    {
      BzRecord *ex = bz_record_get_item (in, BZ_WORKOUT_SESSION_EXERCISES, i);
      if (!bz_exercise_library_lookup (lib, bz_record_get_string (ex, BZ_WORKOUT_LOG_EXERCISE_EXERCISE_ID)))
        {
          g_autofree char *field = g_strdup_printf ("exercises[%u].exerciseId", i);
          bz_validation_add (&v, field, "unknown", _("Not an exercise of the library"));
        }
      for (guint j = 0; j < bz_record_get_n_items (ex, BZ_WORKOUT_LOG_EXERCISE_SETS); j++)
        {
          BzRecord *set = bz_record_get_item (ex, BZ_WORKOUT_LOG_EXERCISE_SETS, j);
          if (!bz_record_has (set, BZ_WORKOUT_SET_REPS) && !bz_record_has (set, BZ_WORKOUT_SET_MINUTES))
            {
              g_autofree char *field = g_strdup_printf ("exercises[%u].sets[%u]", i, j);
              bz_validation_add (&v, field, "required", _("A set has repetitions or minutes"));
            }
        }
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  patient = bz_patients_resolve (svc, caller, bz_record_get_string (in, BZ_WORKOUT_SESSION_PATIENT_ID), &local);
  if (patient == NULL)
    {
      if (bz_error_http_status (local) == 404)
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Patient not found"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!bz_workout_repo_get_active (store, patient, &plan, &local) && local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  row.id = g_uuid_string_random ();
  row.patient_id = g_strdup (patient);
  row.performed_on = g_strdup (date);
  row.created_by = g_strdup (caller->user_id);
  row.created_at = bz_now_iso8601 ();
  row.duration_min = bz_record_has (in, BZ_WORKOUT_SESSION_DURATION_MINUTES)
                       ? bz_record_get_int (in, BZ_WORKOUT_SESSION_DURATION_MINUTES) : 0;
  row.plan_day = plan_day_of (&plan, date);
  row.plan_id = row.plan_day ? g_strdup (plan.id) : NULL;
  row.sets = g_array_new (FALSE, TRUE, sizeof (BzWorkoutSetRow));
  row.strings = g_ptr_array_new_with_free_func (g_free);
  out = bz_record_new (&bz_workout_session_resource);
  bz_record_set_empty_array (out, BZ_WORKOUT_SESSION_EXERCISES);
  for (guint i = 0; i < bz_record_get_n_items (in, BZ_WORKOUT_SESSION_EXERCISES); i++)
    {
      BzRecord *ex = bz_record_get_item (in, BZ_WORKOUT_SESSION_EXERCISES, i);
      const BzExercise *e = bz_exercise_library_lookup (lib, bz_record_get_string (ex, BZ_WORKOUT_LOG_EXERCISE_EXERCISE_ID));
      BzRecord *oe = bz_record_new (&bz_workout_log_exercise_resource);
      bz_record_set_string (oe, BZ_WORKOUT_LOG_EXERCISE_EXERCISE_ID, e->slug);
      bz_record_set_string (oe, BZ_WORKOUT_LOG_EXERCISE_NAME_ES, e->name_es);
      bz_record_set_string (oe, BZ_WORKOUT_LOG_EXERCISE_NAME_EN, e->name_en);
      bz_record_set_empty_array (oe, BZ_WORKOUT_LOG_EXERCISE_SETS);
      for (guint j = 0; j < bz_record_get_n_items (ex, BZ_WORKOUT_LOG_EXERCISE_SETS); j++)
        {
          BzRecord *set = bz_record_get_item (ex, BZ_WORKOUT_LOG_EXERCISE_SETS, j);
          BzRecord *os = bz_record_new (&bz_workout_set_resource);
          BzWorkoutSetRow s = { e->slug, -1, -1, -1 };
          if (bz_record_has (set, BZ_WORKOUT_SET_REPS))
            bz_record_set_int (os, BZ_WORKOUT_SET_REPS, s.reps = bz_record_get_int (set, BZ_WORKOUT_SET_REPS));
          else
            bz_record_set_null (os, BZ_WORKOUT_SET_REPS);
          if (bz_record_has (set, BZ_WORKOUT_SET_WEIGHT_KG))
            bz_record_set_double (os, BZ_WORKOUT_SET_WEIGHT_KG, s.weight_kg = bz_record_get_double (set, BZ_WORKOUT_SET_WEIGHT_KG));
          else
            bz_record_set_null (os, BZ_WORKOUT_SET_WEIGHT_KG);
          if (bz_record_has (set, BZ_WORKOUT_SET_MINUTES))
            bz_record_set_double (os, BZ_WORKOUT_SET_MINUTES, s.minutes = bz_record_get_double (set, BZ_WORKOUT_SET_MINUTES));
          else
            bz_record_set_null (os, BZ_WORKOUT_SET_MINUTES);
          if (s.reps > 0 && s.weight_kg > 0)
            volume += s.reps * s.weight_kg;
          g_array_append_val (row.sets, s);
          bz_record_append (oe, BZ_WORKOUT_LOG_EXERCISE_SETS, os);
        }
      bz_record_append (out, BZ_WORKOUT_SESSION_EXERCISES, oe);
    }
  if (!bz_store_begin (store, error))
    {
      g_object_unref (out);
      return NULL;
    }
  if (!bz_workout_repo_insert_session (store, &row, &local) || !bz_store_commit (store, &local))
    {
      bz_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local));
      g_object_unref (out);
      return NULL;
    }
  bz_store_notify (store, "workout_sessions", row.id);
  bz_record_set_string (out, BZ_WORKOUT_SESSION_ID, row.id);
  bz_record_set_string (out, BZ_WORKOUT_SESSION_PATIENT_ID, patient);
  bz_record_set_string (out, BZ_WORKOUT_SESSION_DATE, date);
  if (row.duration_min > 0)
    bz_record_set_int (out, BZ_WORKOUT_SESSION_DURATION_MINUTES, row.duration_min);
  else
    bz_record_set_null (out, BZ_WORKOUT_SESSION_DURATION_MINUTES);
  if (row.plan_id)
    {
      bz_record_set_string (out, BZ_WORKOUT_SESSION_WORKOUT_PLAN_ID, row.plan_id);
      bz_record_set_int (out, BZ_WORKOUT_SESSION_PLAN_DAY, row.plan_day);
    }
  else
    {
      bz_record_set_null (out, BZ_WORKOUT_SESSION_WORKOUT_PLAN_ID);
      bz_record_set_null (out, BZ_WORKOUT_SESSION_PLAN_DAY);
    }
  bz_record_set_double (out, BZ_WORKOUT_SESSION_VOLUME_KG, volume);
  return out;
}

/* --- Analytics ------------------------------------------------------------------ */

/* One exercise's loaded sessions: the first and the last. */
typedef struct
{
  const BzExercise *exercise;
  guint sessions;
  double first_top, first_volume, last_top, last_volume;
  const char *last_session;
} Progress;

BzRecord *
bz_workouts_analytics (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *period,
                       const char *date, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *patient = NULL, *today = NULL, *to = NULL, *from = NULL, *checked = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) progress = g_array_new (FALSE, TRUE, sizeof (Progress));
  g_autoptr(GHashTable) done_days = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) local = NULL;
  g_auto(BzWorkoutPlanRow) plan = { 0 };
  const BzExerciseLibrary *lib;
  const char *span;
  double volume = 0, cardio = 0, groups[BZ_WORKOUT_N_GROUPS] = { 0 };
  guint days, planned = 0, completed = 0;
  BzRecord *res, *gv;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!check_caller (caller, error))
    return NULL;
  span = period && *period ? bz_vocab_canonical (&bz_vocab_analytics_period, period) : "week";
  if (span == NULL)
    {
      validation (error, "period", "invalid_value", _("period must be day, week or month"));
      return NULL;
    }
  today = bz_workout_today ();
  if (date && *date && (!(checked = bz_workout_date_add (date, 0)) || g_strcmp0 (checked, today) > 0))
    {
      validation (error, "date", "invalid_value", _("date must be a date (YYYY-MM-DD), not after today"));
      return NULL;
    }
  if (!(patient = bz_patients_resolve (svc, caller, patient_id && *patient_id ? patient_id : NULL, error)) ||
      !(lib = bz_workout_library (error)))
    return NULL;
  days = g_str_equal (span, "day") ? 1 : g_str_equal (span, "month") ? 30 : 7;
  to = g_strdup (checked ? checked : today);
  from = bz_workout_date_add (to, -(int) (days - 1));
  if (!bz_workout_repo_sessions (store, patient, from, to, &sessions, error))
    return NULL;
  if (!bz_workout_repo_get_active (store, patient, &plan, &local) && local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      const BzWorkoutSessionRow *s = &g_array_index (sessions, BzWorkoutSessionRow, i);
      if (plan.id && g_strcmp0 (s->plan_id, plan.id) == 0 && s->plan_day > 0)
        g_hash_table_add (done_days, GINT_TO_POINTER ((int) s->plan_day));
      for (guint k = 0; k < s->sets->len; k++)
        {
          const BzWorkoutSetRow *x = &g_array_index (s->sets, BzWorkoutSetRow, k);
          const BzExercise *e = bz_exercise_library_lookup (lib, x->exercise_id);
          double load = x->reps > 0 && x->weight_kg > 0 ? x->reps * x->weight_kg : 0;
          Progress *p = NULL;
          if (e == NULL)
            continue;
          if (g_str_equal (e->category, "cardio") && x->minutes > 0)
            cardio += x->minutes;
          if (load <= 0)
            continue;
          volume += load;
          for (guint m = 0; m < bz_vocab_muscle.n_terms; m++)
            if (e->primary & ((guint64) 1 << m))
              {
                groups[bz_workout_muscle_group (bz_vocab_muscle.terms[m].id)] += load;
                break;
              }
          for (guint j = 0; j < progress->len && !p; j++)
            if (g_array_index (progress, Progress, j).exercise == e)
              p = &g_array_index (progress, Progress, j);
          if (p == NULL)
            {
              Progress n = { e, 0, 0, 0, 0, 0, NULL };
              g_array_append_val (progress, n);
              p = &g_array_index (progress, Progress, progress->len - 1);
            }
          if (p->last_session != s->id)
            {
              p->sessions++;
              p->last_session = s->id;
              p->last_top = 0;
              p->last_volume = 0;
            }
          p->last_top = MAX (p->last_top, x->weight_kg);
          p->last_volume += load;
          if (p->sessions == 1)
            {
              p->first_top = p->last_top;
              p->first_volume = p->last_volume;
            }
        }
    }
  /* Adherence: the active plan's training days in the period, up to today. */
  if (plan.id)
    {
      g_autoptr(JsonNode) root = bz_json_parse (plan.plan_json, strlen (plan.plan_json), &bz_json_limits_stored, NULL, NULL);
      JsonArray *pd = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_array_member (json_node_get_object (root), "days") : NULL;
      for (guint d = 0; pd && d < json_array_get_length (pd); d++)
        {
          double n = -1;
          g_autofree char *dd = NULL;
          if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (pd, d)) ||
              !bz_json_get_number (json_array_get_object_element (pd, d), "day", &n))
            continue;
          dd = bz_workout_date_add (plan.starts_on, (int) n);
          if (g_strcmp0 (dd, from) < 0 || g_strcmp0 (dd, to) > 0 || g_strcmp0 (dd, today) > 0)
            continue;
          planned++;
          completed += g_hash_table_contains (done_days, GINT_TO_POINTER ((int) n + 1));
        }
    }

  res = bz_record_new (&bz_workout_analytics_resource);
  bz_record_set_string (res, BZ_WORKOUT_ANALYTICS_FROM, from);
  bz_record_set_string (res, BZ_WORKOUT_ANALYTICS_TO, to);
  bz_record_set_int (res, BZ_WORKOUT_ANALYTICS_SESSIONS, sessions->len);
  bz_record_set_double (res, BZ_WORKOUT_ANALYTICS_SESSIONS_PER_WEEK, sessions->len * 7.0 / days);
  bz_record_set_double (res, BZ_WORKOUT_ANALYTICS_VOLUME_KG, volume);
  gv = bz_record_new (&bz_workout_group_volume_resource);
  for (guint g = 0; g < BZ_WORKOUT_N_GROUPS; g++)
    bz_record_set_double (gv, BZ_WORKOUT_GROUP_VOLUME_PUSH + g, groups[g]);   /* fields in BzWorkoutGroup's order */
  bz_record_take_object (res, BZ_WORKOUT_ANALYTICS_VOLUME_BY_GROUP, gv);
  bz_record_set_double (res, BZ_WORKOUT_ANALYTICS_CARDIO_MINUTES, cardio);
  bz_record_set_int (res, BZ_WORKOUT_ANALYTICS_PLANNED_SESSIONS, planned);
  bz_record_set_int (res, BZ_WORKOUT_ANALYTICS_COMPLETED_PLANNED, completed);
  if (planned)
    bz_record_set_double (res, BZ_WORKOUT_ANALYTICS_ADHERENCE_PERCENT, 100.0 * completed / planned);
  else
    bz_record_set_null (res, BZ_WORKOUT_ANALYTICS_ADHERENCE_PERCENT);
  bz_record_set_empty_array (res, BZ_WORKOUT_ANALYTICS_PROGRESSION);
  for (guint j = 0; j < progress->len; j++)
    {
      const Progress *p = &g_array_index (progress, Progress, j);
      BzRecord *r = bz_record_new (&bz_exercise_progress_resource);
      bz_record_set_string (r, BZ_EXERCISE_PROGRESS_EXERCISE_ID, p->exercise->slug);
      bz_record_set_string (r, BZ_EXERCISE_PROGRESS_NAME_ES, p->exercise->name_es);
      bz_record_set_string (r, BZ_EXERCISE_PROGRESS_NAME_EN, p->exercise->name_en);
      bz_record_set_int (r, BZ_EXERCISE_PROGRESS_SESSIONS, p->sessions);
      bz_record_set_double (r, BZ_EXERCISE_PROGRESS_FIRST_TOP_KG, p->first_top);
      bz_record_set_double (r, BZ_EXERCISE_PROGRESS_LAST_TOP_KG, p->last_top);
      bz_record_set_double (r, BZ_EXERCISE_PROGRESS_FIRST_VOLUME_KG, p->first_volume);
      bz_record_set_double (r, BZ_EXERCISE_PROGRESS_LAST_VOLUME_KG, p->last_volume);
      if (p->first_top > 0)
        bz_record_set_double (r, BZ_EXERCISE_PROGRESS_CHANGE_PERCENT, (p->last_top - p->first_top) / p->first_top * 100);
      else
        bz_record_set_null (r, BZ_EXERCISE_PROGRESS_CHANGE_PERCENT);
      bz_record_append (res, BZ_WORKOUT_ANALYTICS_PROGRESSION, r);
    }
  return res;
}
