/* test-meal-detection-later.c — a meal photo uploaded while the meal-detection
 * service is down is kept and analysed later by a durable job (issue 11,
 * "Done when"; bz-meal-detection.h), against the fake OpenAI-compatible
 * server of tests/bz-fake-openai.h.
 *
 * The test configures the provider on the shared services (pointed at this
 * test's fake, or at a closed port) and drops it when it ends
 * (bz_integrations_drop_openai()).  The jobs are run by a runner of this
 * test with only the meal detection kind, on the jobs' fake clock
 * (bz_jobs_set_test_now_ms()). */
#include "bz-api-fixture.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

#include "../bz-fake-openai.h"
#include "bz-integration-service.h"
#include "bz-jobs.h"
#include "bz-meal-detection.h"

const char *test_api_nutri_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_meal_detection_later (void);
void        test_meal_detection_local (void);

#define MODEL "gpt-4o-mini"
#define KEY "sk-balanza-test-42"
#define NOW_MS G_GINT64_CONSTANT (1800000000000)   /* 2027-01-15 */

static BzApiResponse *
upload_items (BzApi *api, const char *token, GBytes *image, const char *meal_type, const char *items)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;

  soup_multipart_append_form_file (mp, "image", "plate.jpg", "image/jpeg", image);
  soup_multipart_append_form_string (mp, "meal_type", meal_type);
  if (items)
    soup_multipart_append_form_string (mp, "items", items);
  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (api, "POST", "/api/nutrition/upload-meal", token, soup_message_headers_get_one (h, "Content-Type"),
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

static BzApiResponse *
upload (BzApi *api, const char *token, GBytes *image, const char *meal_type)
{
  return upload_items (api, token, image, meal_type, NULL);
}

/* One text column of one row; NULL when none. */
static char *
query_text (const char *sql, const char *arg)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (api->store), sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (st, 1, arg, -1, SQLITE_TRANSIENT);
  return sqlite3_step (st) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (st, 0)) : NULL;
}

static char *
status_of (const char *meal_id)
{
  return query_text ("SELECT detection_status FROM meal_logs WHERE id = ?1", meal_id);
}

static int
items_of (const char *meal_id)
{
  g_autofree char *n = query_text ("SELECT count(*) FROM meal_items WHERE meal_id = ?1", meal_id);
  return atoi (n);
}

/* The state of @meal_id's job; NULL when it has none. */
static char *
job_state (const char *meal_id)
{
  return query_text ("SELECT state FROM jobs WHERE kind = '" BZ_MEAL_DETECTION_JOB "' AND idempotency_key = ?1",
                     meal_id);
}

/* Moves the jobs' clock to @ms and waits (bounded) until @meal_id's job is done. */
static void
run_until_done (BzJobRunner *runner, gint64 ms, const char *meal_id)
{
  bz_jobs_set_test_now_ms (ms);
  bz_job_runner_wake (runner);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *state = job_state (meal_id);
      if (g_strcmp0 (state, "done") == 0)
        return;
      g_usleep (10000);
    }
  g_error ("the detection job of meal %s never finished", meal_id);
}

static const char *
meal_id_of (BzApiResponse *r, const char *want_status)
{
  JsonObject *meal = json_object_get_object_member (bz_api_data (r), "meal");
  JsonObject *detection = json_object_get_object_member (bz_api_data (r), "detection");

  g_assert_cmpuint (r->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (meal, "detection_status"), ==, want_status);
  g_assert_cmpstr (json_object_get_string_member (detection, "status"), ==, want_status);
  g_assert_false (json_object_get_null_member (meal, "photo_url"));   /* the photo is kept */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal, "items")), ==, 0);
  return json_object_get_string_member (meal, "id");
}

void
test_meal_detection_later (void)
{
  static const char *const good[] = { "detect", NULL }, *const malformed[] = { "malformed", NULL },
                           *const down[] = { "500", NULL };
  BzApi *api = bz_api_shared ();
  BzFakeOpenAI *fake = bz_fake_openai_start (MODEL, KEY);
  BzOpenAISettings settings = { (char *) bz_fake_openai_url (fake), MODEL, KEY, 20.0, 80.0, 100.0, TRUE };
  BzOpenAISettings closed = settings;
  g_autofree char *member = NULL, *patient = NULL, *a = NULL, *b = NULL, *m = NULL, *pending = NULL;
  g_autoptr(GBytes) pa = bz_api_jpeg (800, 600, 0x903020ffu), pb = bz_api_jpeg (800, 600, 0x209030ffu), pm = bz_api_jpeg (800, 600, 0x302090ffu);
  g_autoptr(BzServices) jobs_svc = NULL;
  g_autoptr(BzJobRunner) runner = NULL;
  g_autoptr(GError) error = NULL;
  BzResilientConfig cfg, loose;

  test_api_ensure_users ();
  bz_jobs_set_test_now_ms (NOW_MS);
  bz_resilient_config_init (&cfg);
  cfg.max_attempts = 1;
  g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) bz_integrations_drop_openai, api->services);   /* for the later tests */
  patient = test_api_create_patient (test_api_nutri_token (), "later-member@test.local", &member);

  /* The service answers 500: the meal is stored with its photo, pending,
   * and its job is queued for later (after the jobs' first backoff). */
  {
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *state = NULL, *run_at = NULL;

    bz_fake_openai_script (fake, down);
    r = upload (api, member, pa, "lunch");
    a = g_strdup (meal_id_of (r, "pending"));
    g_assert_false (json_object_get_null_member (json_object_get_object_member (bz_api_data (r), "detection"), "message"));
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, 1);
    state = job_state (a);
    g_assert_cmpstr (state, ==, "queued");
    run_at = query_text ("SELECT run_at FROM jobs WHERE idempotency_key = ?1", a);
    g_assert_cmpint (g_ascii_strtoll (run_at, NULL, 10), >=, NOW_MS + bz_jobs_backoff_ms (1, 0));
    g_assert_cmpint (g_ascii_strtoll (run_at, NULL, 10), <=, NOW_MS + bz_jobs_backoff_ms (1, 0.999999));
  }

  /* No connection at all (a closed port): pending too. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *state = NULL;

    closed.base_url = (char *) "http://127.0.0.1:9";
    g_assert_true (bz_integrations_use_openai (api->services, &closed, &cfg, NULL, &error));
    r = upload (api, member, pb, "dinner");
    b = g_strdup (meal_id_of (r, "pending"));
    state = job_state (b);
    g_assert_cmpstr (state, ==, "queued");
    g_assert_true (bz_integrations_use_openai (api->services, &settings, &cfg, NULL, &error));
  }

  /* A malformed answer is not retried: manual entry, and no job. */
  {
    g_autoptr(BzApiResponse) r = NULL;
    g_autofree char *state = NULL;

    bz_fake_openai_script (fake, malformed);
    r = upload (api, member, pm, "snack");
    m = g_strdup (meal_id_of (r, "manual_entry_required"));
    state = job_state (m);
    g_assert_null (state);
  }

  /* The member types meal B's foods while it waits: it becomes manual. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s", b);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "PATCH", path, member, "{\"items\":[{\"ndb_no\":\"20045\",\"grams\":80}]}");
    g_autofree char *status = NULL;

    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "detection_status"), ==, "manual");
    status = status_of (b);
    g_assert_cmpstr (status, ==, "manual");
  }

  /* The jobs run with services of their own over the same store, as a
   * second process would, whose detector's breaker and rate limit are
   * loose enough for this test (the shared one's run on the real clock).
   * Still down when the jobs first run: each pending meal's job fails and
   * is queued again after the jobs' backoff; the meals stay pending. */
  jobs_svc = bz_services_new (api->store);
  bz_resilient_config_init (&loose);
  loose.max_attempts = 1;
  loose.breaker_failures = 100;
  loose.breaker_min_calls = 1000;
  loose.bucket_capacity = 1000;
  g_assert_true (bz_integrations_use_openai (jobs_svc, &settings, &loose, NULL, &error));
  g_assert_no_error (error);
  bz_fake_openai_script (fake, down);
  runner = bz_job_runner_new (api->store);
  bz_meal_detection_register_jobs (runner, jobs_svc);
  bz_job_runner_set_timing (runner, BZ_JOBS_LEASE_MS, 20);
  bz_job_runner_start (runner);
  bz_jobs_set_test_now_ms (NOW_MS + 60000);
  bz_job_runner_wake (runner);
  for (guint i = 0; i < 2000; i++)
    {
      /* every due job has run (and failed, or settled its meal) */
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM jobs WHERE kind = ?1 AND (state = 'running' OR "
                                              "(state = 'queued' AND run_at <= %" G_GINT64_FORMAT "))", NOW_MS + 60000);
      g_autofree char *due = query_text (sql, BZ_MEAL_DETECTION_JOB);
      if (g_strcmp0 (due, "0") == 0)
        break;
      g_usleep (10000);
    }
  {
    g_autofree char *attempts = query_text ("SELECT attempts FROM jobs WHERE idempotency_key = ?1", a);
    g_autofree char *run_at = query_text ("SELECT run_at FROM jobs WHERE idempotency_key = ?1", a);
    g_autofree char *error_text = query_text ("SELECT last_error FROM jobs WHERE idempotency_key = ?1", a);
    g_autofree char *sa = status_of (a);

    g_assert_cmpstr (attempts, ==, "1");
    g_assert_cmpint (g_ascii_strtoll (run_at, NULL, 10), >=, NOW_MS + 60000 + bz_jobs_backoff_ms (1, 0));
    g_assert_nonnull (error_text);
    g_assert_cmpstr (sa, ==, "pending");
    g_assert_cmpint (items_of (a), ==, 0);
  }

  /* The service is back: the jobs run.  Meal A gets the detected foods
   * (rice and beans, matched to USDA) and `detected`; meal B keeps the
   * member's one food and `manual`, its photo not sent again. */
  bz_fake_openai_script (fake, good);
  pending = query_text ("SELECT count(*) FROM meal_logs WHERE detection_status = ?1", "pending");
  run_until_done (runner, NOW_MS + 180000, a);
  run_until_done (runner, NOW_MS + 180000, b);
  for (guint i = 0; i < 2000; i++)   /* and every other pending meal's job */
    {
      g_autofree char *left = query_text ("SELECT count(*) FROM jobs WHERE kind = ?1 AND state IN ('queued', 'running')",
                                          BZ_MEAL_DETECTION_JOB);
      if (g_strcmp0 (left, "0") == 0)
        break;
      g_usleep (10000);
    }
  {
    g_autofree char *sa = status_of (a), *sb = status_of (b), *sm = status_of (m);
    g_autofree char *kcal = query_text ("SELECT energy_kcal FROM meal_logs WHERE id = ?1", a);

    g_assert_cmpstr (sa, ==, "detected");
    g_assert_cmpint (items_of (a), ==, 2);
    g_assert_cmpfloat (g_ascii_strtod (kcal, NULL), >, 0);
    g_assert_cmpstr (sb, ==, "manual");
    g_assert_cmpint (items_of (b), ==, 1);
    g_assert_cmpstr (sm, ==, "manual_entry_required");
    /* One request per pending meal (A, and test-meal-detection.c's when it
     * ran first); none for B. */
    g_assert_cmpuint (bz_fake_openai_requests (fake), ==, atoi (pending));
    g_free (pending);
    pending = query_text ("SELECT count(*) FROM meal_logs WHERE detection_status = ?1", "pending");
    g_assert_cmpstr (pending, ==, "0");
  }
  /* The daily shows meal A with its foods; at least once: running the job
   * again (a second enqueue is the same job) changes nothing. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/nutrition/meal-history", member, NULL);
    gint64 items = bz_api_count (api, "meal_items");
    JsonArray *meals;
    gboolean seen = FALSE;

    g_assert_cmpuint (r->status, ==, 200);
    meals = json_object_get_array_member (bz_api_data (r), "meals");
    for (guint i = 0; i < json_array_get_length (meals); i++)
      {
        JsonObject *meal = json_array_get_object_element (meals, i);
        if (g_strcmp0 (json_object_get_string_member (meal, "id"), a) != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (json_object_get_string_member (meal, "detection_status"), ==, "detected");
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meal, "items")), ==, 2);
      }
    g_assert_true (seen);
    bz_meal_detection_enqueue (api->services, a);
    run_until_done (runner, NOW_MS + 240000, a);
    g_assert_true (bz_meal_detection_schedule_pending (api->services, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bz_api_count (api, "meal_items"), ==, items);
  }

  bz_job_runner_stop (runner);
  g_clear_pointer (&runner, bz_job_runner_free);   /* it holds a reference on jobs_svc */
  bz_jobs_set_test_now_ms (0);
  {
    g_autofree char *shape = bz_fake_openai_dup_shape_error (fake);
    g_assert_cmpstr (shape, ==, NULL);
  }
  bz_fake_openai_stop (fake);
}

/* A meal of @token's with @items, eaten @days ago at this time of day,
 * @hours earlier. */
static void
earlier_meal (BzApi *api, const char *token, GBytes *image, const char *meal_type, const char *items, int days,
              int hours)
{
  g_autoptr(BzApiResponse) r = upload_items (api, token, image, meal_type, items);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) back = g_date_time_add_hours (now, -24 * days - hours);
  g_autofree char *when = g_date_time_format (back, "{\"eaten_at\":\"%Y-%m-%dT%H:%M:%S%:z\"}");
  g_autofree char *path = NULL;
  g_autoptr(BzApiResponse) moved = NULL;

  g_assert_cmpuint (r->status, ==, 201);
  path = g_strdup_printf ("/api/v1/meals/%s",
                          json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "meal"), "id"));
  moved = bz_api_json (api, "PATCH", path, token, when);
  g_assert_cmpuint (moved->status, ==, 200);
}

/* The foods of @proposal's items, joined by ",". */
static char *
foods_of (JsonObject *proposal)
{
  JsonArray *items = json_object_get_array_member (proposal, "items");
  GString *g = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (items); i++)
    g_string_append_printf (g, "%s%s", i ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (items, i), "ndb_no"));
  return g_string_free (g, FALSE);
}

/* With no meal-detection service configured (the tests that configure one
 * drop it when they end): the local detector proposes the patient's
 * earlier meals of the same type, nothing stored. */
void
test_meal_detection_local (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other = NULL, *patient = NULL, *patient2 = NULL;
  g_autoptr(GBytes) plate = bz_api_jpeg (800, 600, 0x607080ffu);
  static const char rice[] = "[{\"ndb_no\":\"20045\",\"grams\":150}]",
                    rice_more[] = "[{\"ndb_no\":\"20045\",\"grams\":220}]",
                    eggs[] = "[{\"ndb_no\":\"01001\",\"grams\":10},{\"ndb_no\":\"05062\",\"grams\":120}]",
                    milk[] = "[{\"ndb_no\":\"11963\",\"grams\":90}]",
                    nuts[] = "[{\"ndb_no\":\"12061\",\"grams\":30}]",
                    other_food[] = "[{\"ndb_no\":\"18363\",\"grams\":60}]";

  test_api_ensure_users ();
  g_assert_false (bz_integrations_has_detector (api->services));
  patient = test_api_create_patient (test_api_nutri_token (), "local-member@test.local", &member);
  patient2 = test_api_create_patient (test_api_nutri_token (), "local-other@test.local", &other);

  /* A new patient: no earlier meal, no proposal; manual entry. */
  {
    g_autoptr(BzApiResponse) r = upload (api, member, plate, "lunch");
    JsonObject *d = json_object_get_object_member (bz_api_data (r), "detection");

    meal_id_of (r, "manual_entry_required");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (d, "proposals")), ==, 0);
    g_assert_true (json_object_get_null_member (d, "provider"));
  }

  /* Lunches: rice 3 times at this hour (one a bigger plate: the same food
   * set), chicken with butter once at this hour, milk 4 times 12 hours
   * away, nuts once 12 hours away; a dinner of nuts at this hour; the other
   * member's lunches of another food, 5 times at this hour. */
  earlier_meal (api, member, plate, "lunch", rice, 1, 0);
  earlier_meal (api, member, plate, "lunch", rice_more, 2, 0);
  earlier_meal (api, member, plate, "lunch", rice, 3, 1);
  earlier_meal (api, member, plate, "lunch", eggs, 4, 0);
  for (int d = 1; d <= 4; d++)
    earlier_meal (api, member, plate, "lunch", milk, d, 12);
  earlier_meal (api, member, plate, "lunch", nuts, 6, 12);
  earlier_meal (api, member, plate, "dinner", nuts, 1, 0);
  for (int d = 1; d <= 5; d++)
    earlier_meal (api, other, plate, "lunch", other_food, d, 0);

  /* A new lunch photo: rice (3 at this hour), then chicken (1 at this hour),
   * then milk (4, none at this hour); nuts (4th) left out; nothing of the
   * dinner or of the other member; no food stored. */
  {
    gint64 items = bz_api_count (api, "meal_items");
    g_autoptr(BzApiResponse) r = upload (api, member, plate, "comida");
    JsonObject *d = json_object_get_object_member (bz_api_data (r), "detection");
    JsonArray *proposals = json_object_get_array_member (d, "proposals");
    static const char *const want[] = { "20045", "01001,05062", "11963" };
    static const gint64 times[] = { 3, 1, 4 }, near[] = { 3, 1, 0 };

    meal_id_of (r, "manual_entry_required");
    g_assert_cmpstr (json_object_get_string_member (d, "provider"), ==, "local");
    g_assert_cmpstr (json_object_get_string_member (d, "source"), ==, "local");
    g_assert_cmpuint (json_array_get_length (proposals), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        JsonObject *p = json_array_get_object_element (proposals, i);
        g_autofree char *foods = foods_of (p);
        g_assert_cmpstr (foods, ==, want[i]);
        g_assert_cmpint (json_object_get_int_member (p, "times"), ==, times[i]);
        g_assert_cmpint (json_object_get_int_member (p, "times_at_this_hour"), ==, near[i]);
        g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (p, "nutrition"), "energy_kcal"), >, 0);
      }
    /* The latest rice meal (150 g, yesterday), not the bigger plate. */
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (
        json_object_get_array_member (json_array_get_object_element (proposals, 0), "items"), 0), "grams"), ==, 150);
    g_assert_cmpint (bz_api_count (api, "meal_items"), ==, items);
  }

  /* POST /api/integrations/meal-detection proposes the same, storing nothing. */
  {
    gint64 meals = bz_api_count (api, "meal_logs");
    g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
    g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
    g_autoptr(GBytes) body = NULL;
    g_autoptr(BzApiResponse) r = NULL;
    JsonArray *proposals;
    g_autofree char *first = NULL;

    soup_multipart_append_form_file (mp, "image", "plate.jpg", "image/jpeg", plate);
    soup_multipart_append_form_string (mp, "meal_type", "lunch");
    soup_multipart_to_message (mp, h, &body);
    r = bz_api_call (api, "POST", "/api/integrations/meal-detection", member, soup_message_headers_get_one (h, "Content-Type"),
                     g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
    g_assert_cmpuint (r->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "status"), ==, "manual_entry_required");
    proposals = json_object_get_array_member (bz_api_data (r), "proposals");
    g_assert_cmpuint (json_array_get_length (proposals), ==, 3);
    first = foods_of (json_array_get_object_element (proposals, 0));
    g_assert_cmpstr (first, ==, "20045");
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
  }

  /* The other member sees only their own meals. */
  {
    g_autoptr(BzApiResponse) r = upload (api, other, plate, "lunch");
    JsonArray *proposals = json_object_get_array_member (json_object_get_object_member (bz_api_data (r), "detection"),
                                                         "proposals");
    g_autofree char *foods = NULL;

    g_assert_cmpuint (json_array_get_length (proposals), ==, 1);
    foods = foods_of (json_array_get_object_element (proposals, 0));
    g_assert_cmpstr (foods, ==, "18363");
  }
}
