/* test-workout-analytics.c — POST /api/workouts/sessions and GET
 * /api/analytics/workout/summary (seed 001's workout analytics, issue 11)
 * on the real server: a session logged today is linked to the active plan's
 * day 1, one of yesterday (before the plan) to none; the week's summary
 * adds up their sessions, volume (repetitions x load) by group, cardio
 * minutes, the adherence to the plan (today planned and done) and the
 * goblet squat's progression from 18 to 22.5 kg; every refusal leaves the
 * sessions as they were; another nutritionist's patient is 404.  Part of
 * test-api's binary (responses checked against the OpenAPI document). */
#include "bz-api-fixture.h"

#include <math.h>
#include <string.h>

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_workout_analytics_add_tests (void);

static char *wa_patient, *wa_member, *wa_plan;

static char *
day_text (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) d = g_date_time_add_days (now, offset);
  return g_date_time_format (d, "%Y-%m-%d");
}

static void
ensure_plan (void)
{
  if (wa_patient)
    return;
  test_api_ensure_users ();
  wa_patient = test_api_create_patient (test_api_nutri_token (), "workout-analytics@test.local", &wa_member);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/integrations/workout-plans", wa_member,
                                              "{\"daysPerWeek\":3}");
    bz_api_expect (r, 201);
    wa_plan = g_strdup (json_object_get_string_member (bz_api_data (r), "workoutPlanId"));
  }
}

/* Logs today's and yesterday's sessions once (the tests run by path, the
 * summary's before the sessions'). */
static void
ensure_sessions (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *yesterday = day_text (-1), *body = NULL;
  static gboolean logged;

  ensure_plan ();
  if (logged)
    return;
  logged = TRUE;
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/workouts/sessions", wa_member,
        "{\"durationMinutes\":50,\"exercises\":[{\"exerciseId\":\"goblet-squat\",\"sets\":[{\"reps\":10,\"weightKg\":20},"
        "{\"reps\":8,\"weightKg\":22.5}]},{\"exerciseId\":\"treadmill-brisk-walk\",\"sets\":[{\"minutes\":20}]}]}");
    JsonObject *d;
    bz_api_expect (r, 201);
    d = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (d, "workoutPlanId"), ==, wa_plan);
    g_assert_cmpint (json_object_get_int_member (d, "planDay"), ==, 1);
    g_assert_cmpfloat (json_object_get_double_member (d, "volumeKg"), ==, 380);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (d, "exercises"), 0), "nameEs"), ==, "Sentadilla copa");
  }
  /* Yesterday, before the plan began: no plan day.  Logged by the nutritionist. */
  body = g_strdup_printf ("{\"patientId\":\"%s\",\"date\":\"%s\",\"exercises\":[{\"exerciseId\":\"goblet-squat\","
                          "\"sets\":[{\"reps\":10,\"weightKg\":18}]}]}", wa_patient, yesterday);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/workouts/sessions", test_api_nutri_token (), body);
    bz_api_expect (r, 201);
    g_assert_true (json_object_get_null_member (bz_api_data (r), "workoutPlanId"));
    g_assert_true (json_object_get_null_member (bz_api_data (r), "planDay"));
  }
}

static void
test_workout_sessions (void)
{
  ensure_sessions ();
  g_assert_cmpint (bz_api_count (bz_api_shared (), "workout_session_sets"), >=, 4);
}

static void
test_workout_summary (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *path = NULL;
  JsonObject *d, *groups, *p;
  JsonArray *prog;

  ensure_sessions ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/analytics/workout/summary?period=week", wa_member, NULL);
    bz_api_expect (r, 200);
    d = json_object_ref (bz_api_data (r));
  }
  g_assert_cmpint (json_object_get_int_member (d, "sessions"), ==, 2);
  g_assert_cmpfloat (fabs (json_object_get_double_member (d, "sessionsPerWeek") - 2.0), <, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (d, "volumeKg"), ==, 560);
  groups = json_object_get_object_member (d, "volumeByGroup");
  g_assert_cmpfloat (json_object_get_double_member (groups, "legs"), ==, 560);
  g_assert_cmpfloat (json_object_get_double_member (groups, "push"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (d, "cardioMinutes"), ==, 20);
  /* The plan began today: today planned and done. */
  g_assert_cmpint (json_object_get_int_member (d, "plannedSessions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (d, "completedPlannedSessions"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (d, "adherencePercent"), ==, 100);
  prog = json_object_get_array_member (d, "progression");
  g_assert_cmpuint (json_array_get_length (prog), ==, 1);
  p = json_array_get_object_element (prog, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "exerciseId"), ==, "goblet-squat");
  g_assert_cmpint (json_object_get_int_member (p, "sessions"), ==, 2);
  g_assert_cmpfloat (json_object_get_double_member (p, "firstTopWeightKg"), ==, 18);
  g_assert_cmpfloat (json_object_get_double_member (p, "lastTopWeightKg"), ==, 22.5);
  g_assert_cmpfloat (json_object_get_double_member (p, "topWeightChangePercent"), ==, 25);
  json_object_unref (d);

  /* A day: today's session only; the nutritionist sees the same. */
  path = g_strdup_printf ("/api/analytics/workout/summary?period=day&patient_id=%s", wa_patient);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    bz_api_expect (r, 200);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (r), "sessions"), ==, 1);
    g_assert_cmpfloat (json_object_get_double_member (bz_api_data (r), "volumeKg"), ==, 380);
  }
  /* Refusals. */
  {
    g_autoptr(BzApiResponse) other = bz_api_json (api, "GET", path, test_api_nutri2_token (), NULL);
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/analytics/workout/summary", NULL, NULL);
    g_autoptr(BzApiResponse) year = bz_api_json (api, "GET", "/api/analytics/workout/summary?period=year", wa_member, NULL);
    g_autoptr(BzApiResponse) future = bz_api_json (api, "GET", "/api/analytics/workout/summary?date=2999-01-01", wa_member, NULL);
    g_autoptr(BzApiResponse) nameless = bz_api_json (api, "GET", "/api/analytics/workout/summary", test_api_nutri_token (), NULL);
    bz_api_expect (other, 404);
    bz_api_expect (anon, 401);
    bz_api_expect (year, 400);
    g_assert_true (bz_api_has_detail (year, "period"));
    bz_api_expect (future, 400);
    g_assert_true (bz_api_has_detail (future, "date"));
    bz_api_expect (nameless, 400);
  }
}

static void
refuse (const char *token, const char *body, guint status, const char *detail)
{
  BzApi *api = bz_api_shared ();
  gint64 sessions = bz_api_count (api, "workout_sessions"), sets = bz_api_count (api, "workout_session_sets");
  g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/workouts/sessions", token, body);

  bz_api_expect (r, status);
  if (detail && !bz_api_has_detail (r, detail))
    g_error ("no detail %s in %.*s", detail, (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  g_assert_cmpint (bz_api_count (api, "workout_sessions"), ==, sessions);
  g_assert_cmpint (bz_api_count (api, "workout_session_sets"), ==, sets);
}

static void
test_workout_session_refusals (void)
{
  g_autofree char *b = NULL, *tomorrow = day_text (1), *long_ago = day_text (-40);

  ensure_sessions ();
#define SQUAT "{\"exerciseId\":\"goblet-squat\",\"sets\":[{\"reps\":10}]}"
  refuse (NULL, "{\"exercises\":[" SQUAT "]}", 401, NULL);
  refuse (wa_member, "[]", 400, NULL);
  refuse (wa_member, "{}", 400, "exercises");
  refuse (wa_member, "{\"exercises\":[]}", 400, "exercises");
  refuse (wa_member, "{\"exercises\":[{\"exerciseId\":\"moonwalk\",\"sets\":[{\"reps\":1}]}]}", 400, "exercises[0].exerciseId");
  refuse (wa_member, "{\"exercises\":[{\"exerciseId\":\"goblet-squat\",\"sets\":[{}]}]}", 400, "exercises[0].sets[0]");
  refuse (wa_member, "{\"exercises\":[{\"exerciseId\":\"goblet-squat\",\"sets\":[{\"reps\":-1}]}]}", 400, NULL);
  refuse (wa_member, "{\"durationMinutes\":0,\"exercises\":[" SQUAT "]}", 400, "durationMinutes");
  b = g_strdup_printf ("{\"date\":\"%s\",\"exercises\":[" SQUAT "]}", tomorrow);
  refuse (wa_member, b, 400, "date");
  g_free (b);
  b = g_strdup_printf ("{\"date\":\"%s\",\"exercises\":[" SQUAT "]}", long_ago);
  refuse (wa_member, b, 400, "date");
  refuse (test_api_nutri_token (), "{\"exercises\":[" SQUAT "]}", 400, NULL);   /* names no patient */
  g_free (b);
  b = g_strdup_printf ("{\"patientId\":\"%s\",\"exercises\":[" SQUAT "]}", wa_patient);
  refuse (test_api_nutri2_token (), b, 404, NULL);
#undef SQUAT
}

void
test_workout_analytics_add_tests (void)
{
  g_test_add_func ("/api/workouts/sessions", test_workout_sessions);
  g_test_add_func ("/api/workouts/session-refusals", test_workout_session_refusals);
  g_test_add_func ("/api/analytics/workout/summary", test_workout_summary);
}
