/* bz-workout-daily.c — a stored workout plan as records, GET
 * /api/workouts/daily (the date's session with the gym's machines) and GET
 * /api/workouts/library (see bz-workout-service.h). */
#include "bz-workout-service-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-json.h"
#include "bz-patient-service.h"
#include "bz-text.h"
#include "bz-workout-planner.h"
#include "bz-workout-resources.h"

static gint64
int_member (JsonObject *o, const char *name)
{
  double v = 0;
  return bz_json_get_number (o, name, &v) ? (gint64) v : 0;
}

BzRecord *
bz_workout_exercise_record (JsonObject *item, const BzExerciseLibrary *lib)
{
  const BzExercise *e = bz_exercise_library_lookup (lib, bz_json_get_string (item, "exercise_id"));
  BzRecord *r;

  if (e == NULL)
    return NULL;
  r = bz_record_new (&bz_workout_exercise_resource);
  bz_record_set_string (r, BZ_WORKOUT_EXERCISE_EXERCISE_ID, e->slug);
  bz_record_set_string (r, BZ_WORKOUT_EXERCISE_NAME_ES, e->name_es);
  bz_record_set_string (r, BZ_WORKOUT_EXERCISE_NAME_EN, e->name_en);
  bz_record_set_string (r, BZ_WORKOUT_EXERCISE_ROLE, bz_json_get_string (item, "role"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_SETS, int_member (item, "sets"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_REPS_MIN, int_member (item, "reps_min"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_REPS_MAX, int_member (item, "reps_max"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_REST_SECONDS, int_member (item, "rest_s"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_MINUTES, int_member (item, "minutes"));
  bz_record_set_int (r, BZ_WORKOUT_EXERCISE_HOLD_SECONDS, int_member (item, "hold_s"));
  bz_record_take_strv (r, BZ_WORKOUT_EXERCISE_EQUIPMENT, bz_workout_mask_ids (&bz_vocab_equipment, e->equipment));
  return r;
}

static GStrv
strv_of (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; n && JSON_NODE_HOLDS_ARRAY (n) && i < json_array_get_length (json_node_get_array (n)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), i);
      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

/* A WorkoutDay of a stored day object; @machines (nullable) adds each
 * exercise's machines and availability (the daily). */
static BzRecord *
day_record (JsonObject *day, const char *starts_on, const BzExerciseLibrary *lib, GPtrArray *machines)
{
  BzRecord *r = bz_record_new (&bz_workout_day_resource);
  JsonNode *en = json_object_get_member (day, "exercises");
  JsonArray *ex = en && JSON_NODE_HOLDS_ARRAY (en) ? json_node_get_array (en) : NULL;
  gint64 n = int_member (day, "day");

  bz_record_set_int (r, BZ_WORKOUT_DAY_DAY, n + 1);
  bz_record_take_string (r, BZ_WORKOUT_DAY_DATE, bz_workout_date_add (starts_on, (int) n));
  bz_record_set_string (r, BZ_WORKOUT_DAY_SPLIT, bz_json_get_string (day, "split"));
  bz_record_set_empty_array (r, BZ_WORKOUT_DAY_EXERCISES);
  for (guint k = 0; ex && k < json_array_get_length (ex); k++)
    {
      JsonNode *in = json_array_get_element (ex, k);
      BzRecord *x = JSON_NODE_HOLDS_OBJECT (in) ? bz_workout_exercise_record (json_node_get_object (in), lib) : NULL;
      const BzExercise *e;
      gboolean available = TRUE;
      if (x == NULL)
        continue;
      e = bz_exercise_library_lookup (lib, bz_record_get_string (x, BZ_WORKOUT_EXERCISE_EXERCISE_ID));
      if (machines)
        {
          guint64 kinds = e->equipment & bz_equipment_machine_mask (), free_kinds = 0;
          bz_record_set_empty_array (x, BZ_WORKOUT_EXERCISE_MACHINES);
          for (guint i = 0; i < machines->len; i++)
            {
              BzGymMachine *m = g_ptr_array_index (machines, i);
              guint64 bit = bz_vocab_bit (&bz_vocab_equipment, m->kind);
              BzRecord *mr;
              if (!(kinds & bit))
                continue;
              if (g_str_equal (m->status, "available"))
                free_kinds |= bit;
              mr = bz_gym_machine_record (m);
              bz_record_append (x, BZ_WORKOUT_EXERCISE_MACHINES, mr);
            }
          available = (kinds & ~free_kinds) == 0;
          bz_record_set_boolean (x, BZ_WORKOUT_EXERCISE_AVAILABLE, available);
        }
      bz_record_append (r, BZ_WORKOUT_DAY_EXERCISES, x);
    }
  return r;
}

/* The stored plan_json's object, or NULL with an INTERNAL error. */
static JsonNode *
plan_json (const BzWorkoutPlanRow *row, GError **error)
{
  JsonNode *root = row->plan_json ? bz_json_parse (row->plan_json, strlen (row->plan_json), &bz_json_limits_stored,
                                                   NULL, NULL) : NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_get_array_member (json_node_get_object (root), "days"))
    {
      g_clear_pointer (&root, json_node_unref);
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "Workout plan %s is unreadable", row->id);
    }
  return root;
}

BzRecord *
bz_workout_plan_record (const BzWorkoutPlanRow *row, const BzExerciseLibrary *lib, GError **error)
{
  g_autoptr(JsonNode) root = plan_json (row, error);
  JsonObject *o;
  JsonArray *days;
  BzRecord *r;

  if (root == NULL)
    return NULL;
  o = json_node_get_object (root);
  days = json_object_get_array_member (o, "days");
  r = bz_record_new (&bz_workout_plan_resource);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_ID, row->id);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_PATIENT_ID, row->patient_id);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_STATUS, row->status);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_STARTS_ON, row->starts_on);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_ENDS_ON, row->ends_on);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_GOAL, row->goal);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_LEVEL, row->level);
  bz_record_set_int (r, BZ_WORKOUT_PLAN_DAYS_PER_WEEK, row->days_per_week);
  bz_record_take_strv (r, BZ_WORKOUT_PLAN_EQUIPMENT, strv_of (o, "equipment"));
  bz_record_take_strv (r, BZ_WORKOUT_PLAN_EXCLUDED_MUSCLES, strv_of (o, "excludedMuscles"));
  bz_record_set_string (r, BZ_WORKOUT_PLAN_BASIS, BZ_WORKOUT_BASIS_TEXT);
  bz_record_set_string (r, BZ_WORKOUT_PLAN_CREATED_AT, row->created_at);
  bz_record_set_empty_array (r, BZ_WORKOUT_PLAN_TRAINING_DAYS);
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonNode *dn = json_array_get_element (days, d);
      if (JSON_NODE_HOLDS_OBJECT (dn))
        bz_record_append (r, BZ_WORKOUT_PLAN_TRAINING_DAYS, day_record (json_node_get_object (dn), row->starts_on, lib, NULL));
    }
  return r;
}

static void
validation (GError **error, const char *field, const char *issue, const char *message)
{
  BzValidation v = BZ_VALIDATION_INIT;
  bz_validation_add (&v, field, issue, message);
  bz_validation_finish (&v, error);
}

BzRecord *
bz_workouts_daily (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *patient = NULL, *day_date = NULL, *checked = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) machines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(BzWorkoutPlanRow) row = { 0 };
  const BzExerciseLibrary *lib;
  BzRecord *daily;
  JsonArray *days;
  gint64 offset = -1;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (date && *date && !(checked = bz_workout_date_add (date, 0)))
    {
      validation (error, "date", "invalid_format", _("date must be a date (YYYY-MM-DD)"));
      return NULL;
    }
  if (!(patient = bz_patients_resolve (svc, caller, patient_id && *patient_id ? patient_id : NULL, error)))
    return NULL;
  if (!(lib = bz_workout_library (error)))
    return NULL;
  if (!bz_workout_repo_get_active (store, patient, &row, &local))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("The member has no active workout plan"));
      return NULL;
    }
  day_date = date && *date ? g_strdup (date) : bz_workout_today ();
  for (gint64 i = 0; i < BZ_WORKOUT_PLAN_DAYS && offset < 0; i++)
    {
      g_autofree char *d = bz_workout_date_add (row.starts_on, (int) i);
      if (g_strcmp0 (d, day_date) == 0)
        offset = i;
    }
  if (offset < 0)
    {
      g_autofree char *msg = g_strdup_printf (_("date must be within the active plan, %s to %s"), row.starts_on, row.ends_on);
      validation (error, "date", "out_of_range", msg);
      return NULL;
    }
  if (!(root = plan_json (&row, error)) || !bz_gym_repo_list (store, &machines, error))
    return NULL;
  days = json_object_get_array_member (json_node_get_object (root), "days");
  daily = bz_record_new (&bz_workout_daily_resource);
  bz_record_set_string (daily, BZ_WORKOUT_DAILY_DATE, day_date);
  bz_record_set_string (daily, BZ_WORKOUT_DAILY_WORKOUT_PLAN_ID, row.id);
  bz_record_set_int (daily, BZ_WORKOUT_DAILY_DAY, offset + 1);
  bz_record_set_boolean (daily, BZ_WORKOUT_DAILY_REST_DAY, TRUE);
  bz_record_set_null (daily, BZ_WORKOUT_DAILY_SESSION);
  bz_record_set_null (daily, BZ_WORKOUT_DAILY_NEXT_SESSION_DATE);
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonNode *dn = json_array_get_element (days, d);
      JsonObject *day = JSON_NODE_HOLDS_OBJECT (dn) ? json_node_get_object (dn) : NULL;
      gint64 n = day ? int_member (day, "day") : -1;
      if (n == offset)
        {
          bz_record_set_boolean (daily, BZ_WORKOUT_DAILY_REST_DAY, FALSE);
          bz_record_take_object (daily, BZ_WORKOUT_DAILY_SESSION, day_record (day, row.starts_on, lib, machines));
        }
      else if (n > offset)
        {
          bz_record_take_string (daily, BZ_WORKOUT_DAILY_NEXT_SESSION_DATE, bz_workout_date_add (row.starts_on, (int) n));
          break;
        }
    }
  bz_record_set_empty_array (daily, BZ_WORKOUT_DAILY_MACHINES);
  for (guint i = 0; i < machines->len; i++)
    {
      BzGymMachine *m = g_ptr_array_index (machines, i);
      bz_record_append (daily, BZ_WORKOUT_DAILY_MACHINES, bz_gym_machine_record (m));
    }
  return daily;
}

/* A query parameter that must be a term of @vocab: its id in *@out. */
static gboolean
term_param (const char *value, const BzVocab *vocab, const char *name, const char **out, BzValidation *v)
{
  *out = NULL;
  if (value == NULL || *value == '\0')
    return TRUE;
  if ((*out = bz_vocab_canonical (vocab, value)))
    return TRUE;
  {
    g_autofree char *msg = g_strdup_printf (_("%s is not one of the library's terms"), name);
    bz_validation_add (v, name, "invalid_value", msg);
  }
  return FALSE;
}

static gint64
int_param (const char *value, const char *name, gint64 fallback, gint64 max, BzValidation *v)
{
  gint64 n;

  if (value == NULL || *value == '\0')
    return fallback;
  if (!g_ascii_string_to_signed (value, 10, 1, max, &n, NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("%s must be an integer from 1 to %lld"), name, (long long) max);
      bz_validation_add (v, name, "out_of_range", msg);
      return fallback;
    }
  return n;
}

/* Whether every word of @q starts a word of @e's names (folded). */
static gboolean
matches (const BzExercise *e, char **words)
{
  g_autofree char *es = bz_text_fold (e->name_es), *en = bz_text_fold (e->name_en);
  g_autofree char *hay = g_strconcat (" ", es, " ", en, " ", e->slug, NULL);

  for (char *p = hay; *p; p++)
    if (*p == '-' || *p == '(' || *p == ')' || *p == ',')
      *p = ' ';
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *needle = g_strconcat (" ", words[i], NULL);
      if (*words[i] && !strstr (hay, needle))
        return FALSE;
    }
  return TRUE;
}

BzRecord *
bz_workouts_library (BzServices *svc, const BzCaller *caller, const BzExerciseFilter *f, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  const char *muscle, *equipment, *level, *category;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  const BzExerciseLibrary *lib;
  gint64 page, limit, total = 0;
  BzRecord *list;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  term_param (f->muscle, &bz_vocab_muscle, "muscle", &muscle, &v);
  term_param (f->equipment, &bz_vocab_equipment, "equipment", &equipment, &v);
  term_param (f->level, &bz_vocab_training_level, "level", &level, &v);
  term_param (f->category, &bz_vocab_exercise_category, "category", &category, &v);
  if (f->q && g_utf8_strlen (f->q, -1) > BZ_WORKOUT_QUERY_MAX)
    bz_validation_add (&v, "q", "too_long", _("q is too long"));
  page = int_param (f->page, "page", 1, G_MAXINT32, &v);
  limit = int_param (f->limit, "limit", BZ_LIST_LIMIT_DEFAULT, BZ_LIST_LIMIT_MAX, &v);
  if (!bz_validation_finish (&v, error) || !(lib = bz_workout_library (error)))
    return NULL;
  folded = f->q ? bz_text_fold (f->q) : NULL;
  words = g_strsplit (folded ? g_strstrip (folded) : "", " ", -1);
  list = bz_record_new (&bz_exercise_list_resource);
  bz_record_set_empty_array (list, BZ_EXERCISE_LIST_EXERCISES);
  for (guint i = 0; i < bz_exercise_library_get_n (lib); i++)
    {
      const BzExercise *e = bz_exercise_library_get (lib, i);
      BzRecord *r;
      if ((muscle && !((e->primary | e->secondary) & bz_vocab_bit (&bz_vocab_muscle, muscle))) ||
          (equipment && !(e->equipment & bz_vocab_bit (&bz_vocab_equipment, equipment))) ||
          (level && !g_str_equal (level, e->level)) || (category && !g_str_equal (category, e->category)) ||
          !matches (e, words))
        continue;
      total++;
      if (total <= (page - 1) * limit || total > page * limit)
        continue;
      r = bz_record_new (&bz_exercise_resource);
      bz_record_set_string (r, BZ_EXERCISE_ID, e->slug);
      bz_record_set_string (r, BZ_EXERCISE_CATEGORY, e->category);
      bz_record_set_string (r, BZ_EXERCISE_LEVEL, e->level);
      bz_record_set_string (r, BZ_EXERCISE_NAME_ES, e->name_es);
      bz_record_set_string (r, BZ_EXERCISE_NAME_EN, e->name_en);
      bz_record_set_string (r, BZ_EXERCISE_INSTRUCTIONS_ES, e->steps_es);
      bz_record_set_string (r, BZ_EXERCISE_INSTRUCTIONS_EN, e->steps_en);
      bz_record_take_strv (r, BZ_EXERCISE_PRIMARY_MUSCLES, bz_workout_mask_ids (&bz_vocab_muscle, e->primary));
      bz_record_take_strv (r, BZ_EXERCISE_SECONDARY_MUSCLES, bz_workout_mask_ids (&bz_vocab_muscle, e->secondary));
      bz_record_take_strv (r, BZ_EXERCISE_EQUIPMENT, bz_workout_mask_ids (&bz_vocab_equipment, e->equipment));
      if (e->met_code)
        {
          bz_record_set_double (r, BZ_EXERCISE_MET, e->met);
          bz_record_take_string (r, BZ_EXERCISE_MET_SOURCE,
                                 g_strdup_printf ("Ainsworth et al., Compendium of Physical Activities 2011, code %s", e->met_code));
        }
      else
        {
          bz_record_set_null (r, BZ_EXERCISE_MET);
          bz_record_set_null (r, BZ_EXERCISE_MET_SOURCE);
        }
      bz_record_append (list, BZ_EXERCISE_LIST_EXERCISES, r);
    }
  bz_record_take_object (list, BZ_EXERCISE_LIST_PAGINATION, bz_pagination_new ((guint) page, (guint) limit, total));
  return list;
}
