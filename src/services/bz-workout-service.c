/* bz-workout-service.c — seed 000 story 4.1 through the integration layer:
 * a workout plan from the workout planning provider, checked, stored as the
 * member's one active plan, regenerated every 14 days by a job (see
 * bz-workout-service.h).  The daily and the library: bz-workout-daily.c. */
#include "bz-workout-service-private.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bz-jobs-repo.h"
#include "bz-jobs.h"
#include "bz-json.h"
#include "bz-integration-service.h"
#include "bz-local-workout-planner.h"
#include "bz-patient-service.h"
#include "bz-resilient.h"
#include "bz-workout-planner.h"
#include "bz-workout-resources.h"

/* Free weights and the like: in the gym's default equipment always; the
 * machine kinds only when the gym has one not out of service. */
static const char *const gym_free_equipment[] = {
  "dumbbell", "barbell", "kettlebell", "band", "bench", "pullup_bar", "box", "jump_rope", "medicine_ball",
};

char *
bz_workout_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (bz_jobs_now_ms () / 1000);
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
bz_workout_date_add (const char *date, int days)
{
  int y, m, d;
  char tail;
  g_autoptr(GDate) g = NULL;
  char buf[16];

  if (!date || strlen (date) != 10 || sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g = g_date_new_dmy (d, m, y);
  if (days >= 0)
    g_date_add_days (g, days);
  else
    g_date_subtract_days (g, -days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", g);
  return g_strdup (buf);
}

const BzExerciseLibrary *
bz_workout_library (GError **error)
{
  g_autoptr(GError) local = NULL;
  const BzExerciseLibrary *lib = bz_exercise_library_default (&local);

  if (lib == NULL)
    g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The exercise library could not be read: %s", local->message);
  return lib;
}

GStrv
bz_workout_mask_ids (const BzVocab *vocab, guint64 mask)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < vocab->n_terms; i++)
    if (mask & ((guint64) 1 << i))
      g_strv_builder_add (b, vocab->terms[i].id);
  return g_strv_builder_end (b);
}

static guint64
mask_of_strv (const BzVocab *vocab, const char *const *ids)
{
  guint64 m = 0;
  for (guint i = 0; ids && ids[i]; i++)
    m |= bz_vocab_bit (vocab, ids[i]);
  return m;
}

/* What a plan is made from: the request's explicit choices (each nullable);
 * the rest comes from the member's record and the gym at planning time. */
typedef struct
{
  char *goal, *level;
  gint64 days;             /* 0: the default */
  GStrv equipment;         /* NULL: the gym's */
  GStrv excluded;
  GStrv injuries;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->goal, g_free);
  g_clear_pointer (&in->level, g_free);
  g_clear_pointer (&in->equipment, g_strfreev);
  g_clear_pointer (&in->excluded, g_strfreev);
  g_clear_pointer (&in->injuries, g_strfreev);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

static void
append_strv (GString *s, const char *name, const char *const *v)
{
  g_string_append_printf (s, ",\"%s\":[", name);
  for (guint i = 0; v && v[i]; i++)
    {
      if (i)
        g_string_append_c (s, ',');
      bz_json_append_string (s, v[i]);
    }
  g_string_append_c (s, ']');
}

/* The inputs as stored in request_json (the refresh plans again from it). */
static char *
inputs_to_json (const Inputs *in)
{
  GString *s = g_string_new ("{\"days\":");

  g_string_append_printf (s, "%" G_GINT64_FORMAT, in->days);
  if (in->goal)
    {
      g_string_append (s, ",\"goal\":");
      bz_json_append_string (s, in->goal);
    }
  if (in->level)
    {
      g_string_append (s, ",\"level\":");
      bz_json_append_string (s, in->level);
    }
  if (in->equipment)
    append_strv (s, "equipment", (const char *const *) in->equipment);
  append_strv (s, "excludedMuscles", (const char *const *) in->excluded);
  append_strv (s, "injuries", (const char *const *) in->injuries);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static GStrv
strv_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) b = NULL;

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    return NULL;
  b = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (n)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), i);
      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

static gboolean
inputs_from_json (const char *json, Inputs *in)
{
  g_autoptr(JsonNode) root = json ? bz_json_parse (json, strlen (json), &bz_json_limits_stored, NULL, NULL) : NULL;
  JsonObject *o;
  double days = 0;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  o = json_node_get_object (root);
  in->goal = g_strdup (bz_json_get_string (o, "goal"));
  in->level = g_strdup (bz_json_get_string (o, "level"));
  bz_json_get_number (o, "days", &days);
  in->days = (gint64) days;
  in->equipment = strv_member (o, "equipment");
  in->excluded = strv_member (o, "excludedMuscles");
  in->injuries = strv_member (o, "injuries");
  return TRUE;
}

/* The gym's equipment now (gym_free_equipment and its working machine kinds). */
static gboolean
gym_equipment (BzStore *store, guint64 *out, GError **error)
{
  g_autoptr(GPtrArray) machines = NULL;

  if (!bz_gym_repo_list (store, &machines, error))
    return FALSE;
  *out = 0;
  for (guint i = 0; i < G_N_ELEMENTS (gym_free_equipment); i++)
    *out |= bz_vocab_bit (&bz_vocab_equipment, gym_free_equipment[i]);
  for (guint i = 0; i < machines->len; i++)
    {
      BzGymMachine *m = g_ptr_array_index (machines, i);
      if (!g_str_equal (m->status, "out_of_service") && bz_equipment_is_machine (m->kind))
        *out |= bz_vocab_bit (&bz_vocab_equipment, m->kind);
    }
  return TRUE;
}

static BzWorkoutPlanner *
local_planner (void)
{
  static BzWorkoutPlanner *planner;
  if (g_once_init_enter (&planner))
    g_once_init_leave (&planner, bz_local_workout_planner_new ());
  return planner;
}

/* The provider's request (bz-provider-kinds.h, BzWorkoutPlannerInterface). */
static JsonObject *
provider_request (const BzWorkoutRequest *req)
{
  g_auto(GStrv) equipment = bz_workout_mask_ids (&bz_vocab_equipment, req->equipment);
  g_auto(GStrv) excluded = bz_workout_mask_ids (&bz_vocab_muscle, req->excluded_muscles);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "goal");
  json_builder_add_string_value (b, req->goal);
  json_builder_set_member_name (b, "level");
  json_builder_add_string_value (b, bz_vocab_training_level.terms[req->level_rank].id);
  json_builder_set_member_name (b, "days_per_week");
  json_builder_add_int_value (b, req->days_per_week);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, req->seed);
  json_builder_set_member_name (b, "equipment");
  json_builder_begin_array (b);
  for (guint i = 0; equipment[i]; i++)
    json_builder_add_string_value (b, equipment[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "excluded_muscles");
  json_builder_begin_array (b);
  for (guint i = 0; excluded[i]; i++)
    json_builder_add_string_value (b, excluded[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_object_ref (json_node_get_object (root));
}

static gint64
int_member (JsonObject *o, const char *name)
{
  double v = -1;
  return bz_json_get_number (o, name, &v) && v == (gint64) v ? (gint64) v : -1;
}

/* The answer checked before anything is stored: 2 x days_per_week training
 * days in 0-13, in order; each exercise of the library and allowed (its
 * equipment there, no excluded muscle, not above the level), its numbers in
 * bounds.  Returns the days array, re-serialized, or NULL with an UPSTREAM error. */
static char *
check_answer (JsonNode *answer, const BzExerciseLibrary *lib, const BzWorkoutRequest *req, GError **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  JsonNode *days_node = o ? json_object_get_member (o, "days") : NULL;
  JsonArray *days = days_node && JSON_NODE_HOLDS_ARRAY (days_node) ? json_node_get_array (days_node) : NULL;
  gint64 last = -1;

  if (days == NULL || json_array_get_length (days) != 2 * req->days_per_week)
    goto bad;
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonNode *dn = json_array_get_element (days, d);
      JsonObject *day = JSON_NODE_HOLDS_OBJECT (dn) ? json_node_get_object (dn) : NULL;
      JsonNode *en = day ? json_object_get_member (day, "exercises") : NULL;
      JsonArray *ex = en && JSON_NODE_HOLDS_ARRAY (en) ? json_node_get_array (en) : NULL;
      gint64 n = day ? int_member (day, "day") : -1;
      if (ex == NULL || n <= last || n >= BZ_WORKOUT_PLAN_DAYS || !bz_json_get_string (day, "split") ||
          json_array_get_length (ex) == 0 || json_array_get_length (ex) > 20)
        goto bad;
      last = n;
      for (guint k = 0; k < json_array_get_length (ex); k++)
        {
          JsonNode *in = json_array_get_element (ex, k);
          JsonObject *it = JSON_NODE_HOLDS_OBJECT (in) ? json_node_get_object (in) : NULL;
          const BzExercise *e = it ? bz_exercise_library_lookup (lib, bz_json_get_string (it, "exercise_id")) : NULL;
          const char *role = it ? bz_json_get_string (it, "role") : NULL;
          if (e == NULL || !bz_workout_exercise_allowed (e, req) || role == NULL ||
              !(g_str_equal (role, "strength") || g_str_equal (role, "cardio") || g_str_equal (role, "cooldown")) ||
              int_member (it, "sets") < 1 || int_member (it, "sets") > 10 || int_member (it, "reps_min") < 0 ||
              int_member (it, "reps_max") < int_member (it, "reps_min") || int_member (it, "reps_max") > 50 ||
              int_member (it, "rest_s") < 0 || int_member (it, "rest_s") > 600 || int_member (it, "minutes") < 0 ||
              int_member (it, "minutes") > 120 || int_member (it, "hold_s") < 0 || int_member (it, "hold_s") > 120)
            goto bad;
        }
    }
  return bz_json_to_string (days_node, NULL);

bad:
  g_set_error (error, BZ_ERROR, BZ_ERROR_UPSTREAM, "%s",
               _("The workout planning service answered a plan that breaks the member's equipment, exclusions or "
                 "level, or the plan's rules; nothing was stored"));
  return NULL;
}

/* Plans, checks and stores a plan for @patient (see bz_workouts_generate_plan()). */
static gboolean
make_plan (BzServices *svc, const char *patient, const char *created_by, const Inputs *in, BzWorkoutPlanRow *out,
           char **out_replaced, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  const BzExerciseLibrary *lib = bz_workout_library (error);
  g_autofree char *primary_goal = NULL, *activity = NULL, *conditions = NULL, *days_json = NULL;
  g_auto(GStrv) equipment = NULL, excluded = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(BzWorkoutPlan) check = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_auto(BzWorkoutPlanRow) previous = { 0 };
  BzWorkoutRequest req = { 0 };
  BzProviderCall call = { 0 };
  BzResilientRequest rr = { "/workout-plans", NULL, NULL, NULL, bz_provider_call, &call };
  BzResilientSource source = BZ_RESILIENT_LOCAL;
  BzResilient *resilient;
  gint64 now_ms = bz_jobs_now_ms ();
  GString *pj;

  if (lib == NULL)
    return FALSE;
  if (!bz_workout_repo_member (store, patient, &primary_goal, &activity, &conditions, &local))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Patient not found"));
      return FALSE;
    }
  req.goal = in->goal ? in->goal
             : g_strcmp0 (primary_goal, "muscle_gain") == 0 ? "hypertrophy"
             : g_strcmp0 (primary_goal, "weight_loss") == 0 ? "weight_loss" : "general_fitness";
  if (in->level)
    req.level_rank = g_str_equal (in->level, "advanced") ? 2 : g_str_equal (in->level, "intermediate") ? 1 : 0;
  else
    req.level_rank = g_strcmp0 (activity, "moderate") == 0 ? 1
                     : g_strcmp0 (activity, "active") == 0 || g_strcmp0 (activity, "very_active") == 0 ? 2 : 0;
  req.days_per_week = in->days > 0 ? (guint) in->days : BZ_WORKOUT_DEFAULT_DAYS;
  if (in->equipment)
    req.equipment = mask_of_strv (&bz_vocab_equipment, (const char *const *) in->equipment) | BZ_EQUIPMENT_BODYWEIGHT;
  else if (!gym_equipment (store, &req.equipment, error))
    return FALSE;
  req.equipment |= BZ_EQUIPMENT_BODYWEIGHT;
  req.excluded_muscles = mask_of_strv (&bz_vocab_muscle, (const char *const *) in->excluded);
  for (guint i = 0; in->injuries && in->injuries[i]; i++)
    req.excluded_muscles |= bz_workout_injury_muscles (in->injuries[i]);
  {
    /* The record's health conditions as they are now: those naming a body part. */
    g_autoptr(JsonNode) cn = conditions ? bz_json_parse (conditions, strlen (conditions), &bz_json_limits_stored, NULL, NULL) : NULL;
    for (guint i = 0; cn && JSON_NODE_HOLDS_ARRAY (cn) && i < json_array_get_length (json_node_get_array (cn)); i++)
      {
        JsonNode *e = json_array_get_element (json_node_get_array (cn), i);
        if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
          req.excluded_muscles |= bz_workout_injury_muscles (json_node_get_string (e));
      }
  }

  memset (out, 0, sizeof *out);
  out->starts_on = bz_workout_today ();
  out->ends_on = bz_workout_date_add (out->starts_on, BZ_WORKOUT_PLAN_DAYS - 1);
  req.seed = g_str_hash (patient) ^ g_str_hash (out->starts_on);

  /* Whether the library can make it at all: a clear 400 naming the field. */
  if (!(check = bz_workout_plan_make (lib, &req, error)))
    return FALSE;

  /* The planning service, through its wrapper; checked before storing. */
  request = provider_request (&req);
  call.provider = local_planner ();
  call.request = request;
  resilient = bz_integrations_lookup (svc, "workout_planning", "local");
  answer = resilient ? bz_resilient_call (resilient, &rr, NULL, &source, &local)
                     : bz_provider_call (&call, NULL, NULL, &local);
  if (answer == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE, _("The workout planning service could not make the plan: %s"),
                   local->message);
      return FALSE;
    }
  if (!(days_json = check_answer (answer, lib, &req, error)))
    return FALSE;
  equipment = bz_workout_mask_ids (&bz_vocab_equipment, req.equipment);
  excluded = bz_workout_mask_ids (&bz_vocab_muscle, req.excluded_muscles);
  pj = g_string_new ("{\"days\":");
  g_string_append (pj, days_json);
  append_strv (pj, "equipment", (const char *const *) equipment);
  append_strv (pj, "excludedMuscles", (const char *const *) excluded);
  g_string_append_c (pj, '}');

  out->id = g_uuid_string_random ();
  out->patient_id = g_strdup (patient);
  out->created_by = g_strdup (created_by);
  out->status = g_strdup ("active");
  out->goal = g_strdup (req.goal);
  out->level = g_strdup (bz_vocab_training_level.terms[req.level_rank].id);
  out->days_per_week = req.days_per_week;
  out->seed = req.seed;
  out->provider = g_strdup (bz_workout_planner_get_name (local_planner ()));
  out->source = g_strdup (bz_resilient_source_name (source));
  out->request_json = inputs_to_json (in);
  out->plan_json = g_string_free (pj, FALSE);
  {
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (now_ms / 1000);
    out->created_at = g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
  }

  /* One transaction: the old plan deactivated, the new one active, its refresh queued. */
  {
    g_autofree char *payload = g_strdup_printf ("{\"planId\":\"%s\"}", out->id);
    if (!bz_store_begin (store, error))
      return FALSE;
    if (!bz_workout_repo_get_active (store, patient, &previous, &local) && local)
      {
        bz_store_rollback (store);
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
    if (!bz_workout_repo_replace_active (store, out, BZ_WORKOUT_INACTIVE_KEPT, &local) ||
        !bz_services_enqueue_job (svc, BZ_WORKOUT_REFRESH_JOB, payload, out->id,
                                  now_ms + (gint64) BZ_WORKOUT_PLAN_DAYS * 24 * 3600 * 1000, &local) ||
        !bz_store_commit (store, &local))
      {
        bz_store_rollback (store);
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }
  }
  bz_store_notify (store, "workout_plans", out->id);
  if (out_replaced)
    *out_replaced = g_steal_pointer (&previous.id);
  return TRUE;
}

BzRecord *
bz_workouts_generate_plan (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT, parts = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, plan = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *patient = NULL, *replaced = NULL;
  g_auto(Inputs) inputs = { 0 };
  g_auto(BzWorkoutPlanRow) row = { 0 };
  const BzExerciseLibrary *lib;
  BzRecord *res, *active;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (caller->role != BZ_ROLE_NUTRITIONIST && caller->role != BZ_ROLE_PATIENT)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_FORBIDDEN, "%s",
                   _("Only a nutritionist (for a patient) or a member (for self) can generate a workout plan"));
      return NULL;
    }
  in = bz_resource_parse (&bz_workout_plan_request_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  patient = bz_patients_resolve (svc, caller, bz_record_get_string (in, BZ_WORKOUT_PLAN_REQUEST_PATIENT_ID), &local);
  if (patient == NULL)
    {
      if (bz_error_http_status (local) == 404)
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Patient not found"));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  inputs.goal = g_strdup (bz_record_get_string (in, BZ_WORKOUT_PLAN_REQUEST_GOAL));
  inputs.level = g_strdup (bz_record_get_string (in, BZ_WORKOUT_PLAN_REQUEST_LEVEL));
  inputs.days = bz_record_has (in, BZ_WORKOUT_PLAN_REQUEST_DAYS_PER_WEEK) ? bz_record_get_int (in, BZ_WORKOUT_PLAN_REQUEST_DAYS_PER_WEEK) : 0;
  if (bz_record_has (in, BZ_WORKOUT_PLAN_REQUEST_EQUIPMENT))
    inputs.equipment = g_strdupv ((char **) bz_record_get_strv (in, BZ_WORKOUT_PLAN_REQUEST_EQUIPMENT));
  inputs.excluded = g_strdupv ((char **) bz_record_get_strv (in, BZ_WORKOUT_PLAN_REQUEST_EXCLUDED_MUSCLES));
  inputs.injuries = g_strdupv ((char **) bz_record_get_strv (in, BZ_WORKOUT_PLAN_REQUEST_INJURIES));
  for (guint i = 0; inputs.injuries && inputs.injuries[i]; i++)
    if (bz_workout_injury_muscles (inputs.injuries[i]) == 0)
      {
        g_autofree char *field = g_strdup_printf ("injuries[%u]", i);
        bz_validation_add (&parts, field, "unknown_body_part",
                           _("Names no body part the planner knows (knee, shoulder, lower back, wrist, elbow, ankle, hip, neck): "
                             "use excludedMuscles"));
      }
  if (!bz_validation_finish (&parts, error))
    return NULL;
  if (!(lib = bz_workout_library (error)) || !make_plan (svc, patient, caller->user_id, &inputs, &row, &replaced, error))
    return NULL;
  if (!(plan = bz_workout_plan_record (&row, lib, error)))
    return NULL;
  res = bz_record_new (&bz_workout_plan_result_resource);
  active = bz_record_new (&bz_workout_active_plans_resource);
  bz_record_set_string (active, BZ_WORKOUT_ACTIVE_PLANS_WORKOUT_PLAN_ID, row.id);
  bz_record_set_string (res, BZ_WORKOUT_PLAN_RESULT_WORKOUT_PLAN_ID, row.id);
  bz_record_take_object (res, BZ_WORKOUT_PLAN_RESULT_ACTIVE_PLANS, active);
  bz_record_set_string (res, BZ_WORKOUT_PLAN_RESULT_PROVIDER, row.provider);
  bz_record_set_string (res, BZ_WORKOUT_PLAN_RESULT_SOURCE, row.source);
  if (replaced)
    bz_record_set_string (res, BZ_WORKOUT_PLAN_RESULT_REPLACED_PLAN_ID, replaced);
  else
    bz_record_set_null (res, BZ_WORKOUT_PLAN_RESULT_REPLACED_PLAN_ID);
  bz_record_take_string (res, BZ_WORKOUT_PLAN_RESULT_REFRESH_ON, bz_workout_date_add (row.starts_on, BZ_WORKOUT_PLAN_DAYS));
  bz_record_take_object (res, BZ_WORKOUT_PLAN_RESULT_PLAN, g_steal_pointer (&plan));
  return res;
}

/* --- The refresh job ------------------------------------------------------------ */

static gboolean
run_refresh (BzStore *store, const BzJob *job, GCancellable *cancellable, gpointer user_data, GError **error)
{
  BzServices *svc = user_data;
  g_autoptr(JsonNode) root = job->payload ? bz_json_parse (job->payload, strlen (job->payload), &bz_json_limits_stored,
                                                           NULL, NULL) : NULL;
  const char *plan_id = root && JSON_NODE_HOLDS_OBJECT (root) ? bz_json_get_string (json_node_get_object (root), "planId") : NULL;
  g_auto(BzWorkoutPlanRow) row = { 0 }, fresh = { 0 };
  g_auto(Inputs) inputs = { 0 };
  g_autoptr(GError) local = NULL;

  if (plan_id == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "A workout refresh job without planId: %s", job->payload);
      return FALSE;
    }
  if (!bz_workout_repo_get (bz_services_get_store (svc), plan_id, &row, &local))
    {
      if (local == NULL)
        return TRUE;   /* deleted since: nothing to do */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!g_str_equal (row.status, "active"))
    return TRUE;   /* replaced since (by hand or by an earlier run of this job) */
  if (!inputs_from_json (row.request_json, &inputs))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, "Workout plan %s has an unreadable request", plan_id);
      return FALSE;
    }
  if (!make_plan (svc, row.patient_id, row.created_by, &inputs, &fresh, NULL, error))
    return FALSE;
  g_debug ("Workouts: plan %s of %s refreshed as %s", plan_id, row.patient_id, fresh.id);
  return TRUE;
}

void
bz_workouts_register_jobs (BzJobRunner *runner, BzServices *svc)
{
  bz_job_runner_register (runner, BZ_WORKOUT_REFRESH_JOB, BZ_JOB_HANDLER_NONE, run_refresh, g_object_ref (svc),
                          g_object_unref);
}

/* --- The demo gym ------------------------------------------------------------------ */

gboolean
bz_workouts_add_demo_machines (BzServices *svc, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *now = bz_now_iso8601 ();

  if (!bz_gym_repo_list (store, &existing, error))
    return FALSE;
  if (existing->len > 0)
    return TRUE;
  if (!bz_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < bz_vocab_equipment.n_terms; i++)
    {
      const char *kind = bz_vocab_equipment.terms[i].id;
      guint copies = g_str_equal (kind, "treadmill") || g_str_equal (kind, "stationary_bike") ? 2 : 1;
      if (!bz_equipment_is_machine (kind))
        continue;
      for (guint c = 1; c <= copies; c++)
        {
          g_autofree char *id = g_strdup_printf ("%s-%u", kind, c);
          g_autofree char *name = g_strdup_printf ("%s %u", bz_vocab_label (&bz_vocab_equipment, kind, kind), c);
          BzGymMachine m = { id, (char *) kind, name, NULL,
                             (char *) (g_str_equal (id, "treadmill-1") ? "in_use"
                                       : g_str_equal (kind, "rowing_machine") ? "out_of_service" : "available"),
                             NULL };
          if (!bz_gym_repo_insert (store, &m, NULL, now, error))
            {
              bz_store_rollback (store);
              return FALSE;
            }
        }
    }
  return bz_store_commit (store, error);
}
