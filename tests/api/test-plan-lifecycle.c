/* test-plan-lifecycle.c — the meal plans' status lifecycle through the API
 * with the jobs' clock under the test's control (bz_jobs_set_test_now_ms()),
 * GET /api/nutrition/daily's "planned" day beside what was eaten, and the
 * SMAE equivalents of meals, the daily and the plan's roll-ups.
 *
 * Run from test_meal_plans() (test-meal-plans.c) inside test-api's binary,
 * so its responses go through the OpenAPI schema check.  A patient of its
 * own; a job runner of its own with only the lifecycle's handlers (the
 * other tests' drafts must not expire when the clock jumps). */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-auth-service-private.h"
#include "bz-auth-service.h"
#include "bz-jobs.h"
#include "bz-meal-plan-service.h"
#include "bz-meal-service.h"
#include "bz-store.h"

void test_plan_lifecycle (void);

static char *lc_nutri, *lc_member, *lc_patient, *lc_member_user;

static void
ensure_users (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL, l = NULL;

  if (lc_nutri)
    return;
  lc_nutri = bz_api_register (api, "lc-nutri@test.local", "nutritionist", NULL);
  r = bz_api_json (api, "POST", "/api/v1/nutritionist/patients", lc_nutri,
                   "{\"email\":\"lc-member@test.local\",\"first_name\":\"Rosa\",\"last_name\":\"Nava\","
                   "\"password\":\"Member-Pass1!\"}");
  g_assert_cmpuint (r->status, ==, 201);
  lc_patient = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "id"));
  lc_member_user = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "patient"), "user_id"));
  bz_auth_reset_rate_limits ();
  l = bz_api_json (api, "POST", "/api/auth/login", NULL, "{\"email\":\"lc-member@test.local\",\"password\":\"Member-Pass1!\"}");
  g_assert_cmpuint (l->status, ==, 200);
  lc_member = g_strdup (json_object_get_string_member (bz_api_data (l), "access_token"));
}

static BzApiResponse *
call (const char *method, const char *path, const char *token, const char *body)
{
  return bz_api_json (bz_api_shared (), method, path, token, body);
}

/* ms of local @y-@m-@d @h:00. */
static gint64
local_ms (int y, int m, int d, int h)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (y, m, d, h, 0, 0);
  return g_date_time_to_unix (t) * 1000;
}

/* A draft of @days days from @date with @recipe in each of its four slots,
 * finalized as @name; returns its id and the finalize answer's status. */
static char *
make_plan (const char *date, int days, const char *recipe, const char *name, char **out_status)
{
  g_autofree char *body = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"%s\",\"durationDays\":%d}",
                                           lc_patient, date, days);
  g_autoptr(BzApiResponse) c = call ("POST", "/api/meal-plans/manual/create", lc_nutri, body);
  g_autoptr(BzApiResponse) f = NULL;
  g_autofree char *fin = NULL;
  char *id;

  bz_api_expect (c, 201);
  id = g_strdup (json_object_get_string_member (bz_api_data (c), "draftId"));
  for (int day = 1; day <= days; day++)
    for (guint s = 0; s < 4; s++)
      {
        static const char *slots[] = { "breakfast", "lunch", "dinner", "snack" };
        g_autofree char *add = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":%d,\"mealName\":\"%s\","
                                                "\"recipe\":{\"id\":\"%s\",\"provider\":\"balanza\"},\"servings\":%s}",
                                                id, day, slots[s], recipe, s == 0 ? "2" : "1");
        g_autoptr(BzApiResponse) a = call ("POST", "/api/meal-plans/manual/add-recipe", lc_nutri, add);
        bz_api_expect (a, 200);
      }
  fin = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"%s\"}", id, name);
  f = call ("POST", "/api/meal-plans/manual/finalize", lc_nutri, fin);
  bz_api_expect (f, 200);
  *out_status = g_strdup (json_object_get_string_member (bz_api_data (f), "status"));
  return id;
}

static char *
plan_status (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/api/meal-plans/manual/%s", id);
  g_autoptr(BzApiResponse) r = call ("GET", path, lc_member, NULL);
  bz_api_expect (r, 200);
  return g_strdup (json_object_get_string_member (bz_api_data (r), "status"));
}

#define assert_plan_status(id, status) G_STMT_START { \
  g_autofree char *s_ = plan_status (id);             \
  g_assert_cmpstr (s_, ==, status);                   \
} G_STMT_END

/* The patient record's active_meal_plan id, or NULL. */
static char *
active_meal_plan (void)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s", lc_patient);
  g_autoptr(BzApiResponse) r = call ("GET", path, lc_nutri, NULL);
  JsonObject *p;
  bz_api_expect (r, 200);
  p = json_object_get_object_member (bz_api_data (r), "patient");
  if (json_object_get_null_member (p, "active_meal_plan"))
    return NULL;
  return g_strdup (json_object_get_string_member (json_object_get_object_member (p, "active_meal_plan"), "id"));
}

/* The state and run_at of the job @kind keyed @key ("" when none). */
static char *
job_state (const char *kind, const char *key, gint64 *out_run_at)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store),
      "SELECT state, run_at FROM jobs WHERE kind = ?1 AND idempotency_key = ?2", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_ROW)
    return g_strdup ("");
  if (out_run_at)
    *out_run_at = sqlite3_column_int64 (st, 1);
  return g_strdup ((const char *) sqlite3_column_text (st, 0));
}

/* Moves the clock to @ms, wakes @runner and waits (at most 10 s) until the
 * job @kind keyed @key is done. */
static void
run_until_done (BzJobRunner *runner, gint64 ms, const char *kind, const char *key)
{
  bz_jobs_set_test_now_ms (ms);
  bz_job_runner_wake (runner);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *state = job_state (kind, key, NULL);
      if (g_str_equal (state, "done"))
        return;
      g_assert_cmpstr (state, !=, "failed");
      g_usleep (10000);
    }
  g_error ("job %s of %s never ran", kind, key);
}

static double
smae (JsonObject *with_equivalents, const char *group)
{
  return json_object_get_double_member (json_object_get_object_member (with_equivalents, "equivalents"), group);
}

/* GET /api/nutrition/daily?date= for the member, or for the nutritionist
 * with patient_id. */
static BzApiResponse *
daily (const char *token, const char *date)
{
  g_autofree char *path = token == lc_member
    ? g_strdup_printf ("/api/nutrition/daily?date=%s", date)
    : g_strdup_printf ("/api/v1/nutrition/daily?patient_id=%s&date=%s", lc_patient, date);
  BzApiResponse *r = call ("GET", path, token, NULL);
  bz_api_expect (r, 200);
  return r;
}

static int
count_statement (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

/* Statements bz_meals_get_daily() runs for @caller on @date. */
static guint
daily_statements (const BzCaller *caller, const char *date)
{
  BzApi *api = bz_api_shared ();
  sqlite3 *db = bz_store_db (api->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) d = NULL;
  guint n = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement, &n);
  d = bz_meals_get_daily (api->services, caller, NULL, date, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  return n;
}

void
test_plan_lifecycle (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzJobRunner) runner = NULL;
  g_autofree char *recipe = NULL, *plan_a = NULL, *plan_b = NULL, *status_a = NULL, *status_b = NULL;
  g_autofree char *current = NULL, *state = NULL;
  double recipe_kcal = 0, recipe_cereal = 0;
  gint64 run_at = 0;

  ensure_users ();
  /* A catalogue recipe with at least one cereal equivalent per serving. */
  {
    g_autoptr(BzApiResponse) r = call ("GET", "/api/v1/recipes?limit=50&sort_by=calories", lc_nutri, NULL);
    JsonArray *a;
    bz_api_expect (r, 200);
    a = json_object_get_array_member (bz_api_data (r), "recipes");
    for (guint i = 0; i < json_array_get_length (a) && recipe == NULL; i++)
      {
        JsonObject *rec = json_array_get_object_element (a, i);
        recipe_cereal = json_object_get_double_member (json_object_get_object_member (rec, "smae_equivalents_per_serving"),
                                                       "cereales_sin_grasa");
        recipe_kcal = json_object_get_double_member (json_object_get_object_member (rec, "nutrition_per_serving"), "calories");
        if (recipe_cereal >= 1)
          recipe = g_strdup (json_object_get_string_member (rec, "id"));
      }
    g_assert_nonnull (recipe);
  }

  runner = bz_job_runner_new (api->store);
  bz_meal_plans_register_lifecycle_jobs (runner);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);

  /* Monday 2027-03-01, noon.  A: two days from today.  Finalize answers
   * "finalized" (seed 004) with A's activation due at once; the runner makes
   * it active, its completion due at local midnight of its endDate 2027-03-03. */
  bz_jobs_set_test_now_ms (local_ms (2027, 3, 1, 12));
  plan_a = make_plan ("2027-03-01", 2, recipe, "Plan A", &status_a);
  g_assert_cmpstr (status_a, ==, "finalized");
  state = job_state (BZ_MEAL_PLAN_ACTIVATE_JOB, plan_a, &run_at);
  g_assert_cmpstr (state, ==, "queued");
  g_assert_cmpint (run_at, <=, local_ms (2027, 3, 1, 12));
  g_clear_pointer (&state, g_free);
  bz_job_runner_start (runner);
  run_until_done (runner, local_ms (2027, 3, 1, 12), BZ_MEAL_PLAN_ACTIVATE_JOB, plan_a);
  assert_plan_status (plan_a, "active");
  state = job_state (BZ_MEAL_PLAN_COMPLETE_JOB, plan_a, &run_at);
  g_assert_cmpstr (state, ==, "queued");
  g_assert_cmpint (run_at, ==, local_ms (2027, 3, 3, 0));
  g_clear_pointer (&state, g_free);
  current = active_meal_plan ();
  g_assert_cmpstr (current, ==, plan_a);
  g_clear_pointer (&current, g_free);

  /* B: one day from tomorrow: finalized, waiting for its day; A runs on and
   * stays the patient's current plan. */
  plan_b = make_plan ("2027-03-02", 1, recipe, "Plan B", &status_b);
  g_assert_cmpstr (status_b, ==, "finalized");
  state = job_state (BZ_MEAL_PLAN_ACTIVATE_JOB, plan_b, &run_at);
  g_assert_cmpstr (state, ==, "queued");
  g_assert_cmpint (run_at, ==, local_ms (2027, 3, 2, 0));
  g_clear_pointer (&state, g_free);
  assert_plan_status (plan_a, "active");
  current = active_meal_plan ();
  g_assert_cmpstr (current, ==, plan_a);
  g_clear_pointer (&current, g_free);

  /* Today's planned meals next to what was eaten: A's day 1, for the member
   * and for the nutritionist; breakfast has 2 servings, the others 1. */
  {
    const char *tokens[] = { lc_member, lc_nutri };
    for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
      {
        g_autoptr(BzApiResponse) r = daily (tokens[i], "2027-03-01");
        JsonObject *d = bz_api_data (r), *planned = json_object_get_object_member (d, "planned");
        JsonArray *meals = json_object_get_array_member (planned, "meals");
        JsonObject *breakfast = json_array_get_object_element (meals, 0);
        JsonObject *first = json_array_get_object_element (json_object_get_array_member (breakfast, "recipes"), 0);
        JsonObject *day_nutrition = json_object_get_object_member (planned, "nutrition");

        g_assert_cmpstr (json_object_get_string_member (planned, "plan_id"), ==, plan_a);
        g_assert_cmpstr (json_object_get_string_member (planned, "plan_name"), ==, "Plan A");
        g_assert_cmpstr (json_object_get_string_member (planned, "status"), ==, "active");
        g_assert_cmpint (json_object_get_int_member (planned, "day"), ==, 1);
        g_assert_cmpuint (json_array_get_length (meals), ==, 4);
        g_assert_cmpstr (json_object_get_string_member (breakfast, "meal_name"), ==, "breakfast");
        g_assert_cmpstr (json_object_get_string_member (first, "recipe_id"), ==, recipe);
        g_assert_cmpfloat (json_object_get_double_member (first, "servings"), ==, 2);
        g_assert_nonnull (json_object_get_string_member (first, "title"));
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (first, "nutrition"),
                                                                       "energy_kcal"), 2 * recipe_kcal, 0.2);
        /* The day: 5 servings of the recipe; its equivalents too. */
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (day_nutrition, "energy_kcal"), 5 * recipe_kcal, 0.5);
        g_assert_cmpfloat_with_epsilon (smae (planned, "cereales_sin_grasa"), 5 * recipe_cereal, 0.3);
        g_assert_true (json_object_has_member (d, "equivalents"));
      }
    /* A day no plan covers, and the next day: B (the active A is preferred
     * only when it covers the date: here both do, A wins). */
    {
      g_autoptr(BzApiResponse) none = daily (lc_member, "2027-02-28");
      g_autoptr(BzApiResponse) next = daily (lc_member, "2027-03-02");
      g_assert_true (json_object_get_null_member (bz_api_data (none), "planned"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (next), "planned"), "plan_id"),
                       ==, plan_a);
    }
  }
  /* Nobody else sees the plan through the daily: another nutritionist, a
   * bad date. */
  {
    g_autofree char *other = bz_api_register (api, "lc-other@test.local", "nutritionist", NULL);
    g_autofree char *path = g_strdup_printf ("/api/nutrition/daily?patient_id=%s&date=2027-03-01", lc_patient);
    g_autoptr(BzApiResponse) r = call ("GET", path, other, NULL);
    g_autoptr(BzApiResponse) bad = call ("GET", "/api/nutrition/daily?date=2027-02-30", lc_member, NULL);
    bz_api_expect (r, 404);
    bz_api_expect (bad, 400);
    g_assert_true (bz_api_has_detail (bad, "date"));
  }
  /* The plan's roll-ups carry equivalents: dayWise, overall, dailyAverage. */
  {
    g_autofree char *path = g_strdup_printf ("/api/meal-plans/manual/%s", plan_a);
    g_autoptr(BzApiResponse) r = call ("GET", path, lc_member, NULL);
    JsonObject *n;
    bz_api_expect (r, 200);
    n = json_object_get_object_member (bz_api_data (r), "nutrition");
    g_assert_cmpfloat_with_epsilon (smae (json_object_get_object_member (n, "overall"), "cereales_sin_grasa"),
                                    10 * recipe_cereal, 0.5);
    g_assert_cmpfloat_with_epsilon (smae (json_object_get_object_member (n, "dailyAverage"), "cereales_sin_grasa"),
                                    5 * recipe_cereal, 0.3);
    g_assert_cmpfloat_with_epsilon (smae (json_object_get_object_member (json_array_get_object_element (
                                      json_object_get_array_member (n, "dayWise"), 1), "dayTotal"), "cereales_sin_grasa"),
                                    5 * recipe_cereal, 0.3);
  }
  /* Constant statements: a day of one recipe costs what a day of four does. */
  {
    g_autoptr(BzCaller) member = bz_caller_new (lc_member_user, BZ_ROLE_PATIENT, "lc-member@test.local");
    guint none, four;
    none = daily_statements (member, "2027-02-28");
    four = daily_statements (member, "2027-03-01");
    g_test_message ("daily statements: %u without a plan, %u with a day of four recipes", none, four);
    g_assert_cmpuint (four, <=, none + 2);
  }

  /* Tuesday 00:00: B's day.  B becomes active; A, cut short before its last
   * day, archived.  The record shows B. */
  run_until_done (runner, local_ms (2027, 3, 2, 0) + 1000, BZ_MEAL_PLAN_ACTIVATE_JOB, plan_b);
  assert_plan_status (plan_b, "active");
  assert_plan_status (plan_a, "archived");
  current = active_meal_plan ();
  g_assert_cmpstr (current, ==, plan_b);
  g_clear_pointer (&current, g_free);
  {
    g_autoptr(BzApiResponse) r = daily (lc_nutri, "2027-03-02");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "planned"), "plan_id"),
                     ==, plan_b);
  }

  /* Wednesday 00:00: A's completion finds it archived and leaves it; B ran
   * its one day: completed.  No current plan; the daily of Tuesday still
   * shows B's day (completed). */
  run_until_done (runner, local_ms (2027, 3, 3, 0) + 1000, BZ_MEAL_PLAN_COMPLETE_JOB, plan_a);
  run_until_done (runner, local_ms (2027, 3, 3, 0) + 1000, BZ_MEAL_PLAN_COMPLETE_JOB, plan_b);
  assert_plan_status (plan_a, "archived");
  assert_plan_status (plan_b, "completed");
  current = active_meal_plan ();
  g_assert_null (current);
  {
    g_autoptr(BzApiResponse) r = daily (lc_member, "2027-03-02");
    JsonObject *planned = json_object_get_object_member (bz_api_data (r), "planned");
    g_assert_cmpstr (json_object_get_string_member (planned, "plan_id"), ==, plan_b);
    g_assert_cmpstr (json_object_get_string_member (planned, "status"), ==, "completed");
  }
  bz_job_runner_stop (runner);
  {
    guint done = 0, failed = 0;
    bz_job_runner_get_counts (runner, &done, &failed);
    g_assert_cmpuint (failed, ==, 0);
  }
  bz_jobs_set_test_now_ms (0);
}

/* SMAE equivalents of a logged meal and of the day, on foods checked by
 * hand against SR28 (data/foods NUT_DATA: protein 203, fat 204,
 * carbohydrate 205 per 100 g) and the rules of bz_smae_classify():
 *   01123 egg, whole, raw, 100 g: SR28 group 0100, "Egg..."; fat per 7 g of
 *     protein 9.51 / 12.56 x 7 = 5.30 -> moderate fat; 12.56 g protein / 7
 *     = 1.79 aoa_moderado_aporte_grasa;
 *   09040 bananas, raw, 120 g: group 0900, 0.33 g fat -> frutas; 22.84 x 1.2
 *     = 27.41 g carbohydrate / 15 = 1.83;
 *   04053 olive oil, 10 g: group 0400 -> grasas_sin_proteina; 10 g fat / 5
 *     = 2.0;
 *   20045 white rice, cooked, 150 g: group 2000, fat per 15 g carbohydrate
 *     0.28 / 28.17 x 15 = 0.15 (<= 2.5) -> cereales_sin_grasa; 28.17 x 1.5
 *     = 42.26 g / 15 = 2.82.
 * Responses round to 0.1. */
void test_meal_equivalents (void);

void
test_meal_equivalents (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL, jpeg = bz_api_test_jpeg ();
  g_autoptr(BzApiResponse) up = NULL, day = NULL, hist = NULL;
  g_autofree char *ct = NULL, *path = NULL;
  JsonObject *meal, *eq, *deq;
  struct { const char *group; double value; } expected[] = {
    { "aoa_moderado_aporte_grasa", 1.8 }, { "frutas", 1.8 }, { "grasas_sin_proteina", 2.0 },
    { "cereales_sin_grasa", 2.8 }, { "verduras", 0 }, { "leguminosas", 0 }, { "leche_entera", 0 },
  };

  ensure_users ();
  soup_multipart_append_form_file (mp, "image", "meal.jpg", "image/jpeg", jpeg);
  soup_multipart_append_form_string (mp, "meal_type", "comida");
  soup_multipart_append_form_string (mp, "items", "[{\"ndb_no\":\"01123\",\"grams\":100},{\"ndb_no\":\"09040\",\"grams\":120},"
                                                  "{\"ndb_no\":\"04053\",\"grams\":10},{\"ndb_no\":\"20045\",\"grams\":150}]");
  soup_multipart_to_message (mp, h, &body);
  ct = g_strdup (soup_message_headers_get_one (h, "Content-Type"));
  up = bz_api_call (api, "POST", "/api/nutrition/upload-meal", lc_member, ct,
                    g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  bz_api_expect (up, 201);
  meal = json_object_get_object_member (bz_api_data (up), "meal");
  eq = json_object_get_object_member (meal, "equivalents");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (eq, expected[i].group), expected[i].value, 1e-9);

  /* The day: the meal's equivalents (the patient's only meal). */
  path = g_strdup_printf ("/api/nutrition/daily?date=%s", json_object_get_string_member (meal, "date"));
  day = call ("GET", path, lc_member, NULL);
  bz_api_expect (day, 200);
  deq = json_object_get_object_member (bz_api_data (day), "equivalents");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (deq, expected[i].group), expected[i].value, 1e-9);
  /* And the history's meals carry them too. */
  hist = call ("GET", "/api/nutrition/meal-history", lc_member, NULL);
  bz_api_expect (hist, 200);
  {
    JsonArray *meals = json_object_get_array_member (bz_api_data (hist), "meals");
    JsonObject *first = json_array_get_object_element (meals, 0);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (first, "equivalents"),
                                                                   "grasas_sin_proteina"), 2.0, 1e-9);
  }
}
