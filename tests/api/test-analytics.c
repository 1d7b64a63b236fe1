/* test-analytics.c — GET /api/analytics/nutrition/summary (issue 12): a
 * patient's days against the targets and the plan, checked against the
 * daily intake the same server answers for each day; the streaks; every
 * refusal; the statement count of a week and a month; the patient list's
 * adherence_rate helper.  Part of test-api's binary (its responses are
 * checked against the OpenAPI document). */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-analytics-service.h"
#include "bz-auth-service.h"
#include "bz-store.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_analytics_add_tests (void);

static char *an_patient, *an_member, *an_other_member;

/* Local date @days_ago days before today, "YYYY-MM-DD", and noon of it with
 * its offset (today: 00:00, since noon may not have come yet and a meal in
 * the future is refused). */
static char *
day_ago (int days_ago, char **out_noon)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days_ago);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (then), g_date_time_get_month (then),
                                                     g_date_time_get_day_of_month (then), days_ago > 0 ? 12 : 0,
                                                     0, 0);
  if (out_noon)
    *out_noon = g_date_time_format (noon, "%Y-%m-%dT%H:%M:%S%:z");
  return g_date_time_format (then, "%Y-%m-%d");
}

/* A meal of @grams g of white rice (20045) logged by the member and moved to noon @days_ago days back. */
static void
log_rice (int days_ago, double grams)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL, jpeg = bz_api_test_jpeg ();
  g_autoptr(BzApiResponse) up = NULL, moved = NULL;
  g_autofree char *items = NULL, *noon = NULL, *date = day_ago (days_ago, &noon), *path = NULL, *patch = NULL;
  GString *g = g_string_new ("[");

  /* Split so that no item passes the per-item limit. */
  for (double left = grams; left > 0.05; left -= MIN (left, 1000))
    g_string_append_printf (g, "%s{\"ndb_no\":\"20045\",\"grams\":%.1f}", g->len > 1 ? "," : "", MIN (left, 1000));
  g_string_append_c (g, ']');
  items = g_string_free (g, FALSE);
  soup_multipart_append_form_file (mp, "image", "meal.jpg", "image/jpeg", jpeg);
  soup_multipart_append_form_string (mp, "meal_type", "comida");
  soup_multipart_append_form_string (mp, "items", items);
  soup_multipart_to_message (mp, h, &body);
  up = bz_api_call (api, "POST", "/api/nutrition/upload-meal", an_member, soup_message_headers_get_one (h, "Content-Type"),
                    g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  bz_api_expect (up, 201);
  path = g_strdup_printf ("/api/v1/meals/%s", json_object_get_string_member (
      json_object_get_object_member (bz_api_data (up), "meal"), "id"));
  patch = g_strdup_printf ("{\"eaten_at\":\"%s\"}", noon);
  moved = bz_api_json (api, "PATCH", path, an_member, patch);
  bz_api_expect (moved, 200);
}

static void
ensure_patient (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *scan = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  g_autofree char *other = NULL;

  if (an_patient)
    return;
  test_api_ensure_users ();
  an_patient = test_api_create_patient (test_api_nutri_token (), "analytics-member@test.local", &an_member);
  other = test_api_create_patient (test_api_nutri2_token (), "analytics-other@test.local", &an_other_member);
  scan = g_strdup_printf (test_api_scan_body_fmt, an_patient);
  r = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), scan);
  bz_api_expect (r, 201);
}

static JsonObject *
daily_of (const char *date)
{
  g_autofree char *path = g_strdup_printf ("/api/nutrition/daily?date=%s", date);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", path, an_member, NULL);
  bz_api_expect (r, 200);
  return json_object_ref (bz_api_data (r));
}

static double
kcal (JsonObject *panel)
{
  return json_object_get_double_member (panel, "energy_kcal");
}

/* Meals on 1, 2 and 4 days ago (the first two on target, the last far off),
 * nothing today or 3 days ago; each day of the week checked against the
 * daily the server gives for that date. */
static void
test_analytics_week (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *d1 = day_ago (1, NULL);
  g_autoptr(JsonObject) target_day = NULL;
  g_autoptr(BzApiResponse) r = NULL, es = NULL;
  JsonObject *data;
  JsonArray *days;
  double target;
  guint met = 0, with_targets = 0;

  ensure_patient ();
  target_day = daily_of (d1);
  target = kcal (json_object_get_object_member (target_day, "targets"));
  g_assert_cmpfloat (target, >, 1000);
  /* White rice is 130 kcal/100 g (SR28 20045): these grams give the target's energy. */
  log_rice (1, target / 1.30);
  log_rice (2, target * 1.05 / 1.30);
  log_rice (4, 200);

  r = bz_api_json (api, "GET", "/api/analytics/nutrition/summary", an_member, NULL);
  bz_api_expect (r, 200);
  data = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (data, "period"), ==, "week");
  g_assert_cmpstr (json_object_get_string_member (data, "patient_id"), ==, an_patient);
  days = json_object_get_array_member (data, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 7);
  for (guint k = 0; k < 7; k++)
    {
      JsonObject *day = json_array_get_object_element (days, k);
      g_autofree char *want_date = day_ago (6 - k, NULL);
      g_autoptr(JsonObject) daily = daily_of (want_date);
      JsonObject *targets = json_object_get_object_member (day, "targets");
      double eaten = kcal (json_object_get_object_member (day, "intake"));

      g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, want_date);
      g_assert_cmpuint (json_object_get_int_member (day, "meals"), ==,
                        json_array_get_length (json_object_get_array_member (daily, "meals")));
      g_assert_cmpfloat_with_epsilon (eaten, kcal (json_object_get_object_member (daily, "intake")), 0.051);
      g_assert_nonnull (targets);   /* the scan is dated June 2026, before the span */
      g_assert_cmpfloat_with_epsilon (kcal (targets), kcal (json_object_get_object_member (daily, "targets")), 0.051);
      g_assert_cmpint (json_object_get_boolean_member (day, "target_met"), ==,
                       eaten > 0 && fabs (eaten - kcal (targets)) <= 0.10 * kcal (targets));
      g_assert_true (json_object_get_null_member (day, "planned"));
      g_assert_true (json_object_get_null_member (day, "plan_met"));
      with_targets++;
      met += json_object_get_boolean_member (day, "target_met");
    }
  g_assert_cmpuint (met, ==, 2);    /* 1 and 2 days ago */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (data, "adherence_rate"),
                                  round (1000.0 * met / with_targets) / 10, 1e-9);
  g_assert_true (json_object_get_null_member (data, "plan_adherence_rate"));
  g_assert_cmpint (json_object_get_int_member (data, "days_logged"), ==, 3);
  /* Today has nothing yet: the streak runs through yesterday. */
  g_assert_cmpint (json_object_get_int_member (data, "current_streak_days"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (data, "longest_streak_days"), ==, 2);
  /* Rice only: its energy shares, and they sum to 100 %. */
  {
    JsonObject *m = json_object_get_object_member (data, "macro_distribution");
    double p = json_object_get_double_member (m, "protein_percent");
    double c = json_object_get_double_member (m, "carbohydrate_percent");
    double f = json_object_get_double_member (m, "fat_percent");
    g_assert_cmpfloat_with_epsilon (p + c + f, 100, 0.15);
    g_assert_cmpfloat (c, >, 80);   /* white rice: 28.2 g carbohydrate, 2.7 g protein, 0.3 g fat per 100 g */
  }

  /* Spanish period, a month ending yesterday, as the nutritionist. */
  {
    g_autofree char *path = g_strdup_printf ("/api/analytics/nutrition/summary?patient_id=%s&period=mes&date=%s",
                                             an_patient, d1);
    es = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    bz_api_expect (es, 200);
    data = bz_api_data (es);
    g_assert_cmpstr (json_object_get_string_member (data, "period"), ==, "month");
    g_assert_cmpstr (json_object_get_string_member (data, "end_date"), ==, d1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (data, "days")), ==, 30);
    g_assert_cmpint (json_object_get_int_member (data, "current_streak_days"), ==, 2);
  }
}

/* A plan that starts today: today's planned nutrients are the daily's, and
 * plan_met follows the energy. */
static void
test_analytics_plan (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *today = day_ago (0, NULL), *recipe = NULL, *create = NULL, *fin = NULL;
  g_autoptr(BzApiResponse) list = NULL, c = NULL, f = NULL, r = NULL;
  g_autoptr(JsonObject) daily = NULL;
  JsonObject *day, *data;
  const char *draft;
  double planned;

  ensure_patient ();
  list = bz_api_json (api, "GET", "/api/v1/recipes?limit=1&sort_by=calories", test_api_nutri_token (), NULL);
  bz_api_expect (list, 200);
  recipe = g_strdup (json_object_get_string_member (json_array_get_object_element (
      json_object_get_array_member (bz_api_data (list), "recipes"), 0), "id"));
  create = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"%s\",\"durationDays\":1}", an_patient, today);
  c = bz_api_json (api, "POST", "/api/meal-plans/manual/create", test_api_nutri_token (), create);
  bz_api_expect (c, 201);
  draft = json_object_get_string_member (bz_api_data (c), "draftId");
  /* Finalizing needs a recipe in each of the day's four slots. */
  for (guint i = 0; i < 4; i++)
    {
      static const char *slots[] = { "breakfast", "lunch", "dinner", "snack" };
      g_autoptr(BzApiResponse) a = NULL;
      g_autofree char *add = g_strdup_printf ("{\"draftId\":\"%s\",\"day\":1,\"mealName\":\"%s\","
                                              "\"recipe\":{\"id\":\"%s\",\"provider\":\"balanza\"},\"servings\":2}",
                                              draft, slots[i], recipe);
      a = bz_api_json (api, "POST", "/api/meal-plans/manual/add-recipe", test_api_nutri_token (), add);
      bz_api_expect (a, 200);
    }
  fin = g_strdup_printf ("{\"draftId\":\"%s\",\"planName\":\"Analítica\"}", draft);
  f = bz_api_json (api, "POST", "/api/meal-plans/manual/finalize", test_api_nutri_token (), fin);
  bz_api_expect (f, 200);

  daily = daily_of (today);
  planned = kcal (json_object_get_object_member (json_object_get_object_member (daily, "planned"), "nutrition"));
  g_assert_cmpfloat (planned, >, 0);
  log_rice (0, planned / 1.30);   /* today's meal matches the plan's energy */

  r = bz_api_json (api, "GET", "/api/analytics/nutrition/summary?period=day", an_member, NULL);
  bz_api_expect (r, 200);
  data = bz_api_data (r);
  day = json_array_get_object_element (json_object_get_array_member (data, "days"), 0);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, today);
  g_assert_cmpfloat_with_epsilon (kcal (json_object_get_object_member (day, "planned")), planned, 0.051);
  g_assert_true (json_object_get_boolean_member (day, "plan_met"));
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (data, "plan_adherence_rate"), 100, 1e-9);
  /* Today is logged now: the streak runs 0, 1, 2 days ago. */
  g_assert_cmpint (json_object_get_int_member (data, "current_streak_days"), ==, 3);
}

/* Refusals: each with its field, nothing written. */
static void
test_analytics_refusals (void)
{
  BzApi *api = bz_api_shared ();
  static const struct { const char *query; const char *field; } bad[] = {
    { "?period=year", "period" },
    { "?period=", NULL },             /* empty: the default week, accepted */
    { "?date=2026-13-01", "date" },
    { "?date=ayer", "date" },
    { "?date=2999-01-01", "date" },
  };
  gint64 audit = bz_api_count (api, "record_access_audit"), meals = bz_api_count (api, "meal_logs");

  ensure_patient ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/analytics/nutrition/summary%s", bad[i].query);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, an_member, NULL);
      if (bad[i].field == NULL)
        {
          bz_api_expect (r, 200);
          continue;
        }
      bz_api_expect (r, 400);
      g_assert_cmpstr (bz_api_error_code (r), ==, "VALIDATION_ERROR");
      g_assert_true (bz_api_has_detail (r, bad[i].field));
    }
  {
    g_autofree char *theirs = g_strdup_printf ("/api/analytics/nutrition/summary?patient_id=%s", an_patient);
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/analytics/nutrition/summary", NULL, NULL);
    g_autoptr(BzApiResponse) no_patient = bz_api_json (api, "GET", "/api/analytics/nutrition/summary", test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) other_nutri = bz_api_json (api, "GET", theirs, test_api_nutri2_token (), NULL);
    g_autoptr(BzApiResponse) other_member = bz_api_json (api, "GET", theirs, an_other_member, NULL);
    g_autoptr(BzApiResponse) unknown = bz_api_json (api, "GET",
        "/api/analytics/nutrition/summary?patient_id=00000000-0000-4000-8000-000000000000", test_api_nutri_token (), NULL);
    bz_api_expect (anon, 401);
    bz_api_expect (no_patient, 400);
    g_assert_true (bz_api_has_detail (no_patient, "patient_id"));
    bz_api_expect (other_nutri, 404);
    bz_api_expect (other_member, 404);
    bz_api_expect (unknown, 404);
  }
  g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
  /* Refused reads audit nothing (the member's own reads are not audited). */
  g_assert_cmpint (bz_api_count (api, "record_access_audit"), ==, audit);
}

static int
count_statement (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

static guint
statements_for (BzApi *api, const BzCaller *caller, const char *period)
{
  sqlite3 *db = bz_store_db (api->store);
  g_autoptr(BzRecord) rec = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement, &n);
  rec = bz_analytics_nutrition (api->services, caller, NULL, period, NULL, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (rec);
  return n;
}

/* The same number of statements for a day, a week and a month (no query per
 * day); the list's adherence rates equal the summary's, for two patients in
 * one call. */
static void
test_analytics_statements_and_list (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzCaller) caller = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BzApiResponse) week = NULL;
  g_autofree char *today = day_ago (0, NULL), *empty = NULL;
  guint d, w, m;
  double rates[2];

  ensure_patient ();
  caller = bz_auth_verify_access_token (api->services, an_member, NULL);
  g_assert_nonnull (caller);
  d = statements_for (api, caller, "day");
  w = statements_for (api, caller, "week");
  m = statements_for (api, caller, "month");
  g_test_message ("statements: day %u, week %u, month %u", d, w, m);
  g_assert_cmpuint (d, ==, w);
  g_assert_cmpuint (w, ==, m);
  g_assert_cmpuint (m, <=, 8);

  week = bz_api_json (api, "GET", "/api/analytics/nutrition/summary", an_member, NULL);
  bz_api_expect (week, 200);
  empty = test_api_create_patient (test_api_nutri_token (), "analytics-noscan@test.local", NULL);
  {
    const char *ids[] = { an_patient, empty };
    g_assert_true (bz_analytics_adherence_rates (api->services, ids, 2, today, rates, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpfloat_with_epsilon (rates[0], json_object_get_double_member (bz_api_data (week), "adherence_rate"), 1e-9);
  g_assert_cmpfloat (rates[1], <, 0);   /* no scan: no targets, no rate */

  /* The nutritionist's patient list carries the same figure (null without a scan). */
  {
    g_autoptr(BzApiResponse) list = bz_api_json (api, "GET", "/api/v1/nutritionist/patients?limit=100", test_api_nutri_token (), NULL);
    JsonArray *patients;
    guint seen = 0;
    bz_api_expect (list, 200);
    patients = json_object_get_array_member (bz_api_data (list), "patients");
    for (guint i = 0; i < json_array_get_length (patients); i++)
      {
        JsonObject *p = json_array_get_object_element (patients, i);
        const char *id = json_object_get_string_member (p, "id");
        if (g_strcmp0 (id, an_patient) == 0)
          {
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "adherence_rate"), rates[0], 1e-9);
            seen++;
          }
        else if (g_strcmp0 (id, empty) == 0)
          {
            g_assert_true (json_object_get_null_member (p, "adherence_rate"));
            seen++;
          }
      }
    g_assert_cmpuint (seen, ==, 2);
  }
}

void
test_analytics_add_tests (void)
{
  g_test_add_func ("/api/analytics/week", test_analytics_week);
  g_test_add_func ("/api/analytics/plan", test_analytics_plan);
  g_test_add_func ("/api/analytics/refusals", test_analytics_refusals);
  g_test_add_func ("/api/analytics/statements-and-list", test_analytics_statements_and_list);
}
