/* test-workouts.c — POST /api/integrations/workout-plans, GET
 * /api/workouts/daily and GET /api/workouts/library (seed 000 story 4.1,
 * issue 11) on the real server, library and demo gym: a nutritionist's plan
 * for a patient with the quadriceps excluded has none of the library's
 * quadriceps exercises, only the gym's working equipment (not the rowing
 * machine out of service), the days asked for; a member's own plan replaces
 * it (one active plan, the first inactive, activePlans.workoutPlanId the
 * new one) and keeps to the member's dumbbells; the daily shows the date's
 * session with each exercise's machines and an availability that follows
 * the machines' status now; the library filters and pages; every refusal
 * leaves the store as it was; another nutritionist's patient is 404.  Part
 * of test-api's binary (responses checked against the OpenAPI document). */
#include "bz-api-fixture.h"

#include <string.h>

#include "bz-workout-repo.h"
#include "bz-workout-service.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_workouts_add_tests (void);

static char *wk_patient, *wk_member, *wk_other_patient, *wk_other_member, *wk_bare_patient, *wk_bare_member;

static void
ensure_patients (void)
{
  g_autoptr(GError) error = NULL;

  if (wk_patient)
    return;
  test_api_ensure_users ();
  wk_patient = test_api_create_patient (test_api_nutri_token (), "workout-member@test.local", &wk_member);
  wk_other_patient = test_api_create_patient (test_api_nutri2_token (), "workout-other@test.local", &wk_other_member);
  wk_bare_patient = test_api_create_patient (test_api_nutri_token (), "workout-bare@test.local", &wk_bare_member);
  g_assert_true (bz_workouts_add_demo_machines (bz_api_shared ()->services, &error));
  g_assert_no_error (error);
}

static gboolean
strv_has (JsonArray *a, const char *s)
{
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_array_get_string_element (a, i), s) == 0)
      return TRUE;
  return FALSE;
}

/* The slugs of every library exercise a query returns (all pages). */
static GHashTable *
library_ids (const char *query)
{
  BzApi *api = bz_api_shared ();
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint page = 1;; page++)
    {
      g_autofree char *path = g_strdup_printf ("/api/workouts/library?%s&limit=100&page=%u", query, page);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, wk_member, NULL);
      JsonArray *ex;
      bz_api_expect (r, 200);
      ex = json_object_get_array_member (bz_api_data (r), "exercises");
      for (guint i = 0; i < json_array_get_length (ex); i++)
        g_hash_table_add (ids, g_strdup (json_object_get_string_member (json_array_get_object_element (ex, i), "id")));
      if (!json_object_get_boolean_member (json_object_get_object_member (bz_api_data (r), "pagination"), "has_next"))
        break;
    }
  return ids;
}

/* The rules on a WorkoutPlan: the days asked for, every exercise's equipment
 * among the plan's, none in @forbidden. */
static void
check_plan (JsonObject *plan, guint days_per_week, GHashTable *forbidden)
{
  JsonArray *days = json_object_get_array_member (plan, "days");
  JsonArray *equipment = json_object_get_array_member (plan, "equipment");

  g_assert_cmpstr (json_object_get_string_member (plan, "status"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (plan, "daysPerWeek"), ==, days_per_week);
  g_assert_cmpuint (json_array_get_length (days), ==, 2 * days_per_week);
  g_assert_true (strv_has (equipment, "bodyweight"));
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      JsonArray *ex = json_object_get_array_member (day, "exercises");
      g_assert_cmpint (json_object_get_int_member (day, "day"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (day, "day"), <=, 14);
      g_assert_cmpuint (json_array_get_length (ex), >=, 3);
      for (guint k = 0; k < json_array_get_length (ex); k++)
        {
          JsonObject *e = json_array_get_object_element (ex, k);
          JsonArray *needs = json_object_get_array_member (e, "equipment");
          for (guint i = 0; i < json_array_get_length (needs); i++)
            if (!strv_has (equipment, json_array_get_string_element (needs, i)))
              g_error ("%s needs %s", json_object_get_string_member (e, "exerciseId"), json_array_get_string_element (needs, i));
          if (forbidden && g_hash_table_contains (forbidden, json_object_get_string_member (e, "exerciseId")))
            g_error ("%s works an excluded muscle", json_object_get_string_member (e, "exerciseId"));
        }
    }
}

static void
test_workout_plan_generate (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GHashTable) quads = NULL;
  g_autofree char *body = NULL, *first = NULL, *second = NULL, *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_auto(BzWorkoutPlanRow) row = { 0 };

  ensure_patients ();
  today = g_date_time_format (now, "%Y-%m-%d");
  quads = library_ids ("muscle=quadriceps");
  g_assert_cmpuint (g_hash_table_size (quads), >=, 10);
  body = g_strdup_printf ("{\"patientId\":\"%s\",\"daysPerWeek\":3,\"goal\":\"fuerza\",\"level\":\"intermedio\","
                          "\"excludedMuscles\":[\"cuádriceps\"]}", wk_patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/workout-plans", test_api_nutri_token (), body);
    JsonObject *data, *plan;
    bz_api_expect (r, 201);
    data = bz_api_data (r);
    plan = json_object_get_object_member (data, "plan");
    first = g_strdup (json_object_get_string_member (data, "workoutPlanId"));
    g_assert_cmpstr (json_object_get_string_member (plan, "id"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "activePlans"), "workoutPlanId"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (data, "provider"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (data, "source"), ==, "local");
    g_assert_true (json_object_get_null_member (data, "replacedPlanId"));
    g_assert_cmpstr (json_object_get_string_member (plan, "goal"), ==, "strength");
    g_assert_cmpstr (json_object_get_string_member (plan, "level"), ==, "intermediate");
    g_assert_cmpstr (json_object_get_string_member (plan, "startsOn"), ==, today);
    g_assert_cmpstr (json_object_get_string_member (plan, "patientId"), ==, wk_patient);
    g_assert_true (strv_has (json_object_get_array_member (plan, "excludedMuscles"), "quadriceps"));
    /* The gym's equipment: the working machines, not the rowing machine out of service. */
    g_assert_true (strv_has (json_object_get_array_member (plan, "equipment"), "treadmill"));
    g_assert_true (strv_has (json_object_get_array_member (plan, "equipment"), "leg_press"));
    g_assert_false (strv_has (json_object_get_array_member (plan, "equipment"), "rowing_machine"));
    check_plan (plan, 3, quads);
  }
  g_assert_true (bz_workout_repo_get_active (api->store, wk_patient, &row, &error));
  g_assert_cmpstr (row.id, ==, first);
  bz_workout_plan_row_clear (&row);

  /* The member plans for self with dumbbells only: it replaces the first. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/v1/integrations/workout-plans", wk_member,
                                              "{\"daysPerWeek\":2,\"equipment\":[\"mancuernas\"]}");
    JsonObject *data, *plan;
    JsonArray *equipment;
    bz_api_expect (r, 201);
    data = bz_api_data (r);
    plan = json_object_get_object_member (data, "plan");
    second = g_strdup (json_object_get_string_member (data, "workoutPlanId"));
    g_assert_cmpstr (second, !=, first);
    g_assert_cmpstr (json_object_get_string_member (data, "replacedPlanId"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "activePlans"), "workoutPlanId"), ==, second);
    /* Goal from the record (weight_loss), level from the activity level (light: beginner). */
    g_assert_cmpstr (json_object_get_string_member (plan, "goal"), ==, "weight_loss");
    g_assert_cmpstr (json_object_get_string_member (plan, "level"), ==, "beginner");
    equipment = json_object_get_array_member (plan, "equipment");
    g_assert_cmpuint (json_array_get_length (equipment), ==, 2);   /* bodyweight and dumbbell */
    g_assert_true (strv_has (equipment, "dumbbell"));
    check_plan (plan, 2, NULL);
  }
  g_assert_true (bz_workout_repo_get (api->store, first, &row, &error));
  g_assert_cmpstr (row.status, ==, "inactive");
  bz_workout_plan_row_clear (&row);
  g_assert_true (bz_workout_repo_get_active (api->store, wk_patient, &row, &error));
  g_assert_cmpstr (row.id, ==, second);
}

/* The daily's machines and availability agree with the gym's list. */
static guint
check_daily (JsonObject *daily)
{
  JsonArray *all = json_object_get_array_member (daily, "machines");
  JsonObject *session = json_object_get_null_member (daily, "session") ? NULL : json_object_get_object_member (daily, "session");
  JsonArray *ex = session ? json_object_get_array_member (session, "exercises") : NULL;
  guint with_machines = 0;

  g_assert_cmpuint (json_array_get_length (all), >=, 17);
  g_assert_true (json_object_get_boolean_member (daily, "restDay") == (session == NULL));
  for (guint k = 0; ex && k < json_array_get_length (ex); k++)
    {
      JsonObject *e = json_array_get_object_element (ex, k);
      JsonArray *needs = json_object_get_array_member (e, "equipment");
      JsonArray *machines = json_object_get_array_member (e, "machines");
      gboolean expected = TRUE;
      guint expected_n = 0;
      for (guint i = 0; i < json_array_get_length (needs); i++)
        {
          const char *kind = json_array_get_string_element (needs, i);
          gboolean kind_known = FALSE, kind_free = FALSE;
          for (guint m = 0; m < json_array_get_length (all); m++)
            {
              JsonObject *mo = json_array_get_object_element (all, m);
              if (!g_str_equal (json_object_get_string_member (mo, "kind"), kind))
                continue;
              kind_known = TRUE;
              expected_n++;
              kind_free |= g_str_equal (json_object_get_string_member (mo, "status"), "available");
            }
          if (kind_known && !kind_free)
            expected = FALSE;
        }
      g_assert_cmpuint (json_array_get_length (machines), ==, expected_n);
      g_assert_true (json_object_get_boolean_member (e, "available") == expected);
      with_machines += expected_n > 0;
    }
  return with_machines;
}

static void
test_workout_daily (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) machines = NULL;
  g_autofree char *body = NULL, *nutri_path = NULL;
  JsonArray *days;
  guint with_machines = 0;

  ensure_patients ();
  /* A gym plan for the other patient of nutri1: 6 days. */
  body = g_strdup_printf ("{\"patientId\":\"%s\",\"daysPerWeek\":6,\"level\":\"advanced\","
                          "\"injuries\":[\"dolor de hombro derecho\"]}", wk_bare_patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/integrations/workout-plans", test_api_nutri_token (), body);
    g_autoptr(GHashTable) shoulder = library_ids ("muscle=shoulders");
    bz_api_expect (r, 201);
    /* The injury: no exercise that works the shoulders. */
    g_assert_true (strv_has (json_object_get_array_member (json_object_get_object_member (bz_api_data (r), "plan"),
                                                           "excludedMuscles"), "shoulders"));
    check_plan (json_object_get_object_member (bz_api_data (r), "plan"), 6, shoulder);
    days = json_object_get_array_member (json_object_get_object_member (bz_api_data (r), "plan"), "days");
    days = json_array_ref (days);
  }
  /* Every training day through the daily, by the member and by the nutritionist. */
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      const char *date = json_object_get_string_member (json_array_get_object_element (days, d), "date");
      g_autofree char *path = g_strdup_printf ("/api/workouts/daily?date=%s", date);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, wk_bare_member, NULL);
      bz_api_expect (r, 200);
      g_assert_false (json_object_get_boolean_member (bz_api_data (r), "restDay"));
      g_assert_cmpint (json_object_get_int_member (bz_api_data (r), "day"), ==,
                       json_object_get_int_member (json_array_get_object_element (days, d), "day"));
      with_machines += check_daily (bz_api_data (r));
    }
  g_test_message ("%u exercises of the two weeks use a machine", with_machines);
  /* Day 7 is the rest day of 6: the next session is day 8. */
  {
    g_autoptr(GDateTime) start = g_date_time_new_now_local ();
    g_autoptr(GDateTime) d7 = g_date_time_add_days (start, 6);
    g_autofree char *date = g_date_time_format (d7, "%Y-%m-%d");
    g_autofree char *path = g_strdup_printf ("/api/workouts/daily?date=%s&patient_id=%s", date, wk_bare_patient);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    bz_api_expect (r, 200);
    g_assert_true (json_object_get_boolean_member (bz_api_data (r), "restDay"));
    g_assert_true (json_object_get_null_member (bz_api_data (r), "session"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "nextSessionDate"), ==,
                     json_object_get_string_member (json_array_get_object_element (days, 6), "date"));
  }
  /* Every machine out of service: whatever needs one is unavailable now. */
  g_assert_true (bz_gym_repo_list (api->store, &machines, &error));
  for (guint i = 0; i < machines->len; i++)
    g_assert_true (bz_gym_repo_set_status (api->store, ((BzGymMachine *) g_ptr_array_index (machines, i))->id,
                                           "out_of_service", "2026-12-01T00:00:00Z", &error));
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      const char *date = json_object_get_string_member (json_array_get_object_element (days, d), "date");
      g_autofree char *path = g_strdup_printf ("/api/workouts/daily?date=%s", date);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, wk_bare_member, NULL);
      JsonArray *ex;
      bz_api_expect (r, 200);
      check_daily (bz_api_data (r));
      ex = json_object_get_array_member (json_object_get_object_member (bz_api_data (r), "session"), "exercises");
      for (guint k = 0; k < json_array_get_length (ex); k++)
        {
          JsonObject *e = json_array_get_object_element (ex, k);
          g_assert_true (json_object_get_boolean_member (e, "available") ==
                         (json_array_get_length (json_object_get_array_member (e, "machines")) == 0));
        }
    }
  for (guint i = 0; i < machines->len; i++)
    {
      BzGymMachine *m = g_ptr_array_index (machines, i);
      g_assert_true (bz_gym_repo_set_status (api->store, m->id, m->status, "2026-12-01T00:00:00Z", &error));
    }
  json_array_unref (days);

  /* Refusals of the daily. */
  {
    static const struct { int who; const char *query; guint status; } cases[] = {
      { 0, "", 401 },
      { 1, "", 400 },                          /* a nutritionist names the patient */
      { 2, "?date=mañana", 400 },
      { 2, "?date=2001-01-01", 400 },          /* outside the plan */
      { 3, "", 404 },                          /* no active plan */
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        const char *token = cases[i].who == 0 ? NULL : cases[i].who == 1 ? test_api_nutri_token ()
                            : cases[i].who == 2 ? wk_member : wk_other_member;
        g_autofree char *path = g_strdup_printf ("/api/workouts/daily%s", cases[i].query);
        g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, token, NULL);
        bz_api_expect (r, cases[i].status);
      }
    nutri_path = g_strdup_printf ("/api/workouts/daily?patient_id=%s", wk_patient);
    {
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", nutri_path, test_api_nutri2_token (), NULL);
      bz_api_expect (r, 404);   /* another nutritionist's patient */
    }
  }
}

/* Each refusal: its status, its detail, and the tables as they were. */
static void
refuse (const char *token, const char *body, guint status, const char *detail)
{
  static const char *const tables[] = { "workout_plans", "gym_machines", "jobs", NULL };
  bz_api_refuse (bz_api_shared (), "POST", "/api/integrations/workout-plans", token, body, status, detail, tables);
}

static void
test_workout_plan_refusals (void)
{
  const char *nutri = test_api_nutri_token ();
  g_autofree char *b = NULL;

  ensure_patients ();
  refuse (NULL, "{}", 401, NULL);
  refuse (nutri, "[]", 400, NULL);
  refuse (nutri, "{}", 400, NULL);   /* a nutritionist names the patient */
  refuse (nutri, "{\"patientId\":\"not-a-uuid\"}", 400, "patientId");
#define WITH(fmt) (g_free (b), b = g_strdup_printf ("{\"patientId\":\"%s\"," fmt "}", wk_patient))
  refuse (nutri, WITH ("\"daysPerWeek\":0"), 400, "daysPerWeek");
  refuse (nutri, WITH ("\"daysPerWeek\":8"), 400, "daysPerWeek");
  refuse (nutri, WITH ("\"daysPerWeek\":\"3\""), 400, "daysPerWeek");
  refuse (nutri, WITH ("\"goal\":\"flying\""), 400, "goal");
  refuse (nutri, WITH ("\"level\":\"expert\""), 400, "level");
  refuse (nutri, WITH ("\"equipment\":\"dumbbell\""), 400, "equipment");
  refuse (nutri, WITH ("\"equipment\":[\"rocket\"]"), 400, "equipment[0]");
  refuse (nutri, WITH ("\"excludedMuscles\":[\"wings\"]"), 400, "excludedMuscles[0]");
  refuse (nutri, WITH ("\"injuries\":[\"rodilla\",\"mal de amores\"]"), 400, "injuries[1]");
  refuse (nutri, WITH ("\"injuries\":\"rodilla\""), 400, "injuries");
  /* So much excluded that no session can be made. */
  refuse (nutri, WITH ("\"excludedMuscles\":[\"chest\",\"upper_back\",\"lats\",\"lower_back\",\"shoulders\",\"biceps\","
                       "\"triceps\",\"forearms\",\"abs\",\"obliques\",\"glutes\",\"quadriceps\",\"hamstrings\",\"calves\","
                       "\"hip_flexors\",\"adductors\",\"abductors\"]"), 400, "excludedMuscles");
#undef WITH
  /* Not the caller's patient: 404, as unknown. */
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", wk_other_patient);
  refuse (nutri, b, 404, NULL);
  refuse (wk_member, b, 404, NULL);
  refuse (nutri, "{\"patientId\":\"00000000-0000-4000-8000-000000000000\"}", 404, NULL);
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\"}", wk_patient);
  refuse (test_api_nutri2_token (), b, 404, NULL);
  /* No PATCH or DELETE: plans are not modifiable. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "PATCH", "/api/integrations/workout-plans", wk_member, "{}");
    g_assert_cmpuint (r->status, ==, 405);
  }
}

static void
test_workout_library (void)
{
  BzApi *api = bz_api_shared ();
  static const struct { const char *query, *member, *value; } filters[] = {
    { "muscle=pecho", NULL, "chest" },
    { "equipment=kettlebell", "equipment", "kettlebell" },
    { "level=advanced", "level", "advanced" },
    { "category=cardio", "category", "cardio" },
  };

  ensure_patients ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/workouts/library", wk_member, NULL);
    JsonObject *pg;
    bz_api_expect (r, 200);
    pg = json_object_get_object_member (bz_api_data (r), "pagination");
    g_assert_cmpint (json_object_get_int_member (pg, "total_items"), >=, 150);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "exercises")), ==, 20);
  }
  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autofree char *path = g_strdup_printf ("/api/workouts/library?%s&limit=100", filters[f].query);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, wk_member, NULL);
      JsonArray *ex;
      bz_api_expect (r, 200);
      ex = json_object_get_array_member (bz_api_data (r), "exercises");
      g_assert_cmpuint (json_array_get_length (ex), >=, 5);
      for (guint i = 0; i < json_array_get_length (ex); i++)
        {
          JsonObject *e = json_array_get_object_element (ex, i);
          if (filters[f].member == NULL)
            g_assert_true (strv_has (json_object_get_array_member (e, "primaryMuscles"), filters[f].value) ||
                           strv_has (json_object_get_array_member (e, "secondaryMuscles"), filters[f].value));
          else if (g_str_equal (filters[f].member, "equipment"))
            g_assert_true (strv_has (json_object_get_array_member (e, "equipment"), filters[f].value));
          else
            g_assert_cmpstr (json_object_get_string_member (e, filters[f].member), ==, filters[f].value);
          /* Every category carries its Compendium MET and the code it comes from
           * (the values: tests/unit/test-exercise-library.c). */
          g_assert_cmpfloat (json_object_get_double_member (e, "met"), >, 1);
          g_assert_true (g_str_has_prefix (json_object_get_string_member (e, "metSource"),
                                           "Ainsworth et al., Compendium of Physical Activities 2011, code "));
        }
    }
  /* A strength exercise's MET is its Compendium code's (2011 code 02052,
   * resistance training, squats: 5.0 METs), as exact as the file has it. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/workouts/library?q=barbell%20back%20squat", wk_member, NULL);
    JsonArray *ex;
    JsonObject *e;
    bz_api_expect (r, 200);
    ex = json_object_get_array_member (bz_api_data (r), "exercises");
    g_assert_cmpuint (json_array_get_length (ex), ==, 1);
    e = json_array_get_object_element (ex, 0);
    g_assert_cmpstr (json_object_get_string_member (e, "id"), ==, "barbell-back-squat");
    g_assert_cmpfloat (json_object_get_double_member (e, "met"), ==, 5.0);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (e, "metSource"), ", code 02052"));
  }
  /* Words of the name, accents ignored; a page past the end is empty. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/workouts/library?q=SENTADILLA%20bulgara", wk_member, NULL);
    g_autoptr(BzApiResponse) past = bz_api_json (api, "GET", "/api/workouts/library?page=99", wk_member, NULL);
    JsonArray *ex;
    bz_api_expect (r, 200);
    ex = json_object_get_array_member (bz_api_data (r), "exercises");
    g_assert_cmpuint (json_array_get_length (ex), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ex, 0), "id"), ==, "bulgarian-split-squat");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ex, 0), "nameEs"), ==, "Sentadilla búlgara");
    bz_api_expect (past, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (past), "exercises")), ==, 0);
  }
  /* Refusals. */
  {
    static const struct { const char *query, *detail; } bad[] = {
      { "muscle=wings", "muscle" }, { "equipment=rocket", "equipment" }, { "level=expert", "level" },
      { "category=dance", "category" }, { "limit=0", "limit" }, { "limit=101", "limit" }, { "page=x", "page" },
    };
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/workouts/library", NULL, NULL);
    bz_api_expect (anon, 401);
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strdup_printf ("/api/workouts/library?%s", bad[i].query);
        g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, wk_member, NULL);
        bz_api_expect (r, 400);
        g_assert_true (bz_api_has_detail (r, bad[i].detail));
      }
  }
}

void
test_workouts_add_tests (void)
{
  g_test_add_func ("/api/workouts/generate", test_workout_plan_generate);
  g_test_add_func ("/api/workouts/daily", test_workout_daily);
  g_test_add_func ("/api/workouts/refusals", test_workout_plan_refusals);
  g_test_add_func ("/api/workouts/library", test_workout_library);
}
