/* test-meals.c — meal photos, history and the day's intake (seed 000 story
 * 4.3); part of the api suite's binary (test-api.c runs them and checks every
 * response against the document). */
#include "bz-api-fixture.h"

#include <math.h>

#include "bz-auth-service.h"
#include "bz-meal-service.h"
#include "bz-store.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_meals (void);
void        test_meals_statements (void);

static BzApiResponse *
upload_meal (BzApi *api, const char *token, GBytes *image, const char *image_type, const char *meal_type,
             const char *items, const char *patient_id)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *ct = NULL;
  if (image)
    soup_multipart_append_form_file (mp, "image", "meal.jpg", image_type, image);
  if (meal_type)
    soup_multipart_append_form_string (mp, "meal_type", meal_type);
  if (items)
    soup_multipart_append_form_string (mp, "items", items);
  if (patient_id)
    soup_multipart_append_form_string (mp, "patient_id", patient_id);
  soup_multipart_to_message (mp, h, &body);
  ct = g_strdup (soup_message_headers_get_one (h, "Content-Type"));
  return bz_api_call (api, "POST", "/api/nutrition/upload-meal", token, ct,
                      g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
}

static int
count_statement (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

/* Statements run by bz_meals_get_daily() for @caller on this thread's connection. */
static guint
daily_statements (BzApi *api, const BzCaller *caller)
{
  sqlite3 *db = bz_store_db (api->store);
  g_autoptr(BzRecord) daily = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement, &n);
  daily = bz_meals_get_daily (api->services, caller, NULL, NULL, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  return n;
}

/* No N+1: a day's meals and their items come from a constant number of
 * statements, one meal or five. */
void
test_meals_statements (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *pid = NULL;
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
  g_autoptr(BzCaller) caller = NULL;
  guint one, five;
  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "meal-n1@test.local", &member);
  caller = bz_auth_verify_access_token (api->services, member, NULL);
  g_assert_nonnull (caller);
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(BzApiResponse) r = upload_meal (api, member, jpeg, "image/jpeg", "snack",
                                                "[{\"ndb_no\":\"01001\",\"grams\":10},{\"ndb_no\":\"20045\",\"grams\":20}]", NULL);
      g_assert_cmpuint (r->status, ==, 201);
      if (i == 0)
        one = daily_statements (api, caller);
    }
  five = daily_statements (api, caller);
  g_test_message ("statements: %u for one meal, %u for five", one, five);
  g_assert_cmpuint (five, ==, one);
  {
    g_autoptr(BzRecord) daily = bz_meals_get_daily (api->services, caller, NULL, NULL, NULL);
    g_assert_nonnull (daily);
    g_assert_cmpuint (bz_record_get_n_items (daily, BZ_DAILY_INTAKE_MEALS), ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpuint (bz_record_get_n_items (bz_record_get_item (daily, BZ_DAILY_INTAKE_MEALS, i),
                                               BZ_MEAL_ITEMS), ==, 2);
  }
}

void
test_meals (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *member = NULL, *other = NULL, *pid = NULL, *other_pid = NULL, *meal_id = NULL;
  g_autoptr(GBytes) jpeg = bz_api_test_jpeg ();
  double kcal_before;
  test_api_ensure_users ();
  pid = test_api_create_patient (test_api_nutri_token (), "meal-a@test.local", &member);
  other_pid = test_api_create_patient (test_api_nutri2_token (), "meal-b@test.local", &other);
  {
    g_autofree char *scan = g_strdup_printf (test_api_scan_body_fmt, pid);
    g_autoptr(BzApiResponse) s = bz_api_json (api, "POST", "/api/scans/upload", test_api_nutri_token (), scan);
    g_assert_cmpuint (s->status, ==, 201);
  }
  {
    g_autoptr(BzApiResponse) d = bz_api_json (api, "GET", "/api/nutrition/daily", member, NULL);
    JsonObject *data = bz_api_data (d);
    kcal_before = json_object_get_double_member (json_object_get_object_member (data, "intake"), "energy_kcal");
    g_assert_cmpfloat (kcal_before, ==, 0.0);
    /* Mifflin-St Jeor: 10·88.4 + 6.25·175.2 − 5·41 + 5 = 1779 kcal BMR. */
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (data, "targets_basis"),
                                                                   "bmr_kcal"), 1779.0, 0.6);
  }
  {
    /* 100 g butter (01001: 717 kcal/100 g) + 200 g white rice (20045: 130 kcal/100 g) = 977 kcal. */
    g_autoptr(BzApiResponse) r = upload_meal (api, member, jpeg, "image/jpeg", "lunch",
                                              "[{\"ndb_no\":\"01001\",\"grams\":100},{\"ndb_no\":\"20045\",\"grams\":200}]", NULL);
    JsonObject *data, *meal;
    g_assert_cmpuint (r->status, ==, 201);
    data = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "detection"), "status"), ==,
                     "manual_entry_required");
    meal = json_object_get_object_member (data, "meal");
    meal_id = g_strdup (json_object_get_string_member (meal, "id"));
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (meal, "nutrition"),
                                                                   "energy_kcal"), 977.0, 0.5);
  }
  {
    g_autoptr(BzApiResponse) d = bz_api_json (api, "GET", "/api/nutrition/daily", member, NULL);
    g_autofree char *path = g_strdup_printf ("/api/v1/nutrition/daily?patient_id=%s", pid);
    g_autoptr(BzApiResponse) n = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", path, test_api_nutri2_token (), NULL);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (bz_api_data (d), "intake"),
                                                                   "energy_kcal"), 977.0, 0.5);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (n), "meals")), ==, 1);
    g_assert_cmpuint (spy->status, ==, 404);
  }
  {
    g_autoptr(BzApiResponse) h = bz_api_json (api, "GET", "/api/nutrition/meal-history", member, NULL);
    JsonArray *meals = json_object_get_array_member (bz_api_data (h), "meals");
    const char *photo;
    g_assert_cmpuint (json_array_get_length (meals), ==, 1);
    photo = json_object_get_string_member (json_array_get_object_element (meals, 0), "photo_url");
    g_autoptr(BzApiResponse) p = bz_api_json (api, "GET", photo, member, NULL);
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", photo, other, NULL);
    g_assert_cmpuint (p->status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (p->body), ==, g_bytes_get_size (jpeg));
    /* A member asking for another member's meal gets 404. */
    g_assert_cmpuint (spy->status, ==, 404);
  }
  {
    gint64 meals = bz_api_count (api, "meal_logs"), blobs = bz_api_count (api, "blobs");
    g_autoptr(GBytes) text = g_bytes_new_static ("this is not a picture at all", 28);
    g_autoptr(GBytes) fake = g_bytes_new_static ("\xFF\xD8\xFF\xE0 truncated jpeg", 20);
    g_autoptr(BzApiResponse) a = upload_meal (api, member, text, "image/jpeg", "lunch", NULL, NULL);
    g_autoptr(BzApiResponse) b = upload_meal (api, member, fake, "image/jpeg", "lunch", NULL, NULL);
    g_autoptr(BzApiResponse) c = upload_meal (api, member, jpeg, "image/jpeg", "brunch", "[{\"ndb_no\":\"00000\",\"grams\":-3}]", NULL);
    g_autoptr(BzApiResponse) d = upload_meal (api, member, jpeg, "image/jpeg", "lunch", NULL, other_pid);
    g_autoptr(BzApiResponse) e = upload_meal (api, member, jpeg, "image/jpeg", "lunch", "{not json", NULL);
    g_autoptr(BzApiResponse) f = bz_api_json (api, "POST", "/api/nutrition/upload-meal", member, "{}");
    g_assert_cmpuint (a->status, ==, 415);
    g_assert_cmpuint (b->status, ==, 415);
    g_assert_cmpuint (c->status, ==, 400);
    g_assert_true (bz_api_has_detail (c, "meal_type"));
    g_assert_cmpuint (d->status, ==, 404);
    g_assert_cmpuint (e->status, ==, 400);
    g_assert_true (bz_api_has_detail (e, "items"));
    g_assert_cmpuint (f->status, ==, 415);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
    g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
  }
  {
    g_autoptr(BzApiResponse) bad = bz_api_json (api, "GET", "/api/nutrition/daily?date=2026-02-30", member, NULL);
    g_assert_cmpuint (bad->status, ==, 400);
    g_assert_true (bz_api_has_detail (bad, "date"));
  }
  /* POST /api/nutrition/log-previous-meal (seed 000 4.3 AC 4): refusals
   * store nothing; the member logs the meal again with its foods. */
  {
    g_autofree char *body = g_strdup_printf ("{\"meal_id\":\"%s\",\"meal_type\":\"cena\"}", meal_id);
    g_autoptr(GDateTime) right_now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (right_now, 1);
    g_autofree char *when = g_date_time_format (later, "%Y-%m-%dT%H:%M:%S%:z");
    g_autofree char *future = g_strdup_printf ("{\"meal_id\":\"%s\",\"eaten_at\":\"%s\"}", meal_id, when);
    gint64 meals = bz_api_count (api, "meal_logs");
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", other, body);
    g_autoptr(BzApiResponse) unknown = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member,
                                                    "{\"meal_id\":\"7d9f8c2a-1b3e-4c5d-9e8f-0a1b2c3d4e5f\"}");
    g_autoptr(BzApiResponse) none = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, "{}");
    g_autoptr(BzApiResponse) late = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, future);
    g_autoptr(BzApiResponse) again = NULL;
    g_assert_cmpuint (spy->status, ==, 404);
    g_assert_cmpuint (unknown->status, ==, 404);
    g_assert_cmpuint (none->status, ==, 400);
    g_assert_true (bz_api_has_detail (none, "meal_id"));
    g_assert_cmpuint (late->status, ==, 400);
    g_assert_true (bz_api_has_detail (late, "eaten_at"));
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
    again = bz_api_json (api, "POST", "/api/nutrition/log-previous-meal", member, body);
    g_assert_cmpuint (again->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "meal_type"), ==, "dinner");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (again), "id"), !=, meal_id);
    g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals + 1);
    {
      /* the photo is the earlier meal's: same blob, served for the new meal */
      gint64 blobs = bz_api_count (api, "blobs");
      const char *url = json_object_get_string_member_with_default (bz_api_data (again), "photo_url", NULL);
      g_autoptr(BzApiResponse) pic = NULL;
      g_assert_nonnull (url);
      pic = bz_api_call (api, "GET", url, member, NULL, NULL, 0, NULL);
      g_assert_cmpuint (pic->status, ==, 200);
      g_assert_cmpint (bz_api_count (api, "blobs"), ==, blobs);
    }
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s",
                                               json_object_get_string_member (bz_api_data (again), "id"));
      g_autoptr(BzApiResponse) gone = bz_api_json (api, "DELETE", path, member, NULL);
      g_assert_cmpuint (gone->status, ==, 200);
    }
  }

  /* PATCH /api/v1/meals/{id} (issue 12): refusals change nothing; the
   * nutritionist moves the meal to yesterday's dinner; the member replaces its
   * foods: 150 g of white rice (20045, 130 kcal/100 g) = 195 kcal, checked by
   * hand; the daily follows. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s", meal_id);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
    g_autofree char *yday = g_date_time_format (yesterday, "%Y-%m-%d");
    g_autofree char *when = g_date_time_format (yesterday, "%Y-%m-%dT20:15:00%:z");
    g_autofree char *move = g_strdup_printf ("{\"meal_type\":\"cena\",\"eaten_at\":\"%s\"}", when);
    g_autofree char *many = NULL;
    gint64 items = bz_api_count (api, "meal_items"), changes = bz_api_count (api, "changes");
    {
      GString *g = g_string_new ("{\"items\":[");
      for (guint i = 0; i < 51; i++)
        g_string_append_printf (g, "%s{\"ndb_no\":\"20045\",\"grams\":10}", i ? "," : "");
      g_string_append (g, "]}");
      many = g_string_free (g, FALSE);
    }
    {
      g_autoptr(BzApiResponse) spy = bz_api_json (api, "PATCH", path, other, "{\"meal_type\":\"lunch\"}");
      g_autoptr(BzApiResponse) nutri2 = bz_api_json (api, "PATCH", path, test_api_nutri2_token (), "{\"meal_type\":\"lunch\"}");
      g_autoptr(BzApiResponse) empty = bz_api_json (api, "PATCH", path, member, "{}");
      g_autoptr(BzApiResponse) type = bz_api_json (api, "PATCH", path, member, "{\"meal_type\":\"brunch\"}");
      g_autoptr(BzApiResponse) when_bad = bz_api_json (api, "PATCH", path, member, "{\"eaten_at\":\"ayer\"}");
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autofree char *later_text = g_date_time_format (tomorrow, "{\"eaten_at\":\"%Y-%m-%dT%H:%M:%S%:z\"}");
      g_autoptr(BzApiResponse) later = bz_api_json (api, "PATCH", path, member, later_text);
      g_autoptr(BzApiResponse) food = bz_api_json (api, "PATCH", path, member, "{\"items\":[{\"ndb_no\":\"00000\",\"grams\":10}]}");
      g_autoptr(BzApiResponse) grams = bz_api_json (api, "PATCH", path, member, "{\"items\":[{\"ndb_no\":\"20045\",\"grams\":-1}]}");
      g_autoptr(BzApiResponse) lots = bz_api_json (api, "PATCH", path, member, many);
      g_autoptr(BzApiResponse) wrong = bz_api_json (api, "PATCH", path, member, "{\"items\":\"rice\"}");
      g_autoptr(BzApiResponse) junk = bz_api_json (api, "PATCH", path, member, "{\"meal_type\":");
      g_autofree char *brackets = g_strnfill (30000, '[');
      g_autofree char *deep_text = g_strconcat ("{\"items\":", brackets, NULL);
      g_autoptr(BzApiResponse) deep = bz_api_json (api, "PATCH", path, member, deep_text);
      g_assert_cmpuint (spy->status, ==, 404);
      g_assert_cmpuint (nutri2->status, ==, 404);
      g_assert_cmpuint (empty->status, ==, 400);
      g_assert_true (bz_api_has_detail (empty, "body"));
      g_assert_cmpuint (type->status, ==, 400);
      g_assert_true (bz_api_has_detail (type, "meal_type"));
      g_assert_cmpuint (when_bad->status, ==, 400);
      g_assert_true (bz_api_has_detail (when_bad, "eaten_at"));
      g_assert_cmpuint (later->status, ==, 400);   /* tomorrow: beyond BZ_MEAL_CLOCK_SKEW_S */
      g_assert_true (bz_api_has_detail (later, "eaten_at"));
      g_assert_cmpuint (food->status, ==, 400);
      g_assert_true (bz_api_has_detail (food, "items[0].ndb_no"));
      g_assert_cmpuint (grams->status, ==, 400);
      g_assert_true (bz_api_has_detail (grams, "items[0].grams"));
      g_assert_cmpuint (lots->status, ==, 400);
      g_assert_cmpuint (wrong->status, ==, 400);
      g_assert_true (bz_api_has_detail (wrong, "items"));
      g_assert_cmpuint (junk->status, ==, 400);
      g_assert_true (deep->status == 400 || deep->status == 413);
      g_assert_cmpint (bz_api_count (api, "meal_items"), ==, items);
      g_assert_cmpint (bz_api_count (api, "changes"), ==, changes);
    }
    {
      g_autoptr(BzApiResponse) moved = bz_api_json (api, "PATCH", path, test_api_nutri_token (), move);
      g_autoptr(BzApiResponse) foods = NULL;
      g_autofree char *ypath = g_strdup_printf ("/api/nutrition/daily?date=%s", yday);
      g_autoptr(BzApiResponse) yd = NULL, td = NULL;
      JsonObject *m;
      g_assert_cmpuint (moved->status, ==, 200);
      m = bz_api_data (moved);
      g_assert_cmpstr (json_object_get_string_member (m, "meal_type"), ==, "dinner");
      g_assert_cmpstr (json_object_get_string_member (m, "date"), ==, yday);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "items")), ==, 2);   /* kept */
      foods = bz_api_json (api, "PATCH", path, member, "{\"items\":[{\"ndb_no\":\"20045\",\"grams\":150}]}");
      g_assert_cmpuint (foods->status, ==, 200);
      m = bz_api_data (foods);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "items")), ==, 1);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (m, "nutrition"),
                                                                     "energy_kcal"), 195.0, 0.05);
      g_assert_cmpstr (json_object_get_string_member (m, "meal_type"), ==, "dinner");
      g_assert_cmpint (bz_api_count (api, "changes"), ==, changes + 2);
      yd = bz_api_json (api, "GET", ypath, member, NULL);
      td = bz_api_json (api, "GET", "/api/nutrition/daily", member, NULL);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (bz_api_data (yd), "intake"),
                                                                     "energy_kcal"), 195.0, 0.05);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (bz_api_data (td), "intake"),
                                                                     "energy_kcal"), 0.0, 0.05);
    }
  }
  /* DELETE /api/v1/meals/{id} (issue 12): refused for another member, another
   * nutritionist, an unknown or malformed id and without a token, the store
   * unchanged; then the patient's nutritionist deletes one meal and the member
   * the other, with their items, each deletion in the change log. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/meals/%s", meal_id);
    g_autofree char *second = NULL, *path2 = NULL;
    gint64 meals, items, changes;

    {
      g_autoptr(BzApiResponse) r = upload_meal (api, member, jpeg, "image/jpeg", "dinner",
                                                "[{\"ndb_no\":\"20045\",\"grams\":100}]", NULL);
      g_assert_cmpuint (r->status, ==, 201);
      second = g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "meal"), "id"));
      path2 = g_strdup_printf ("/api/v1/meals/%s", second);
    }
    meals = bz_api_count (api, "meal_logs");
    items = bz_api_count (api, "meal_items");
    changes = bz_api_count (api, "changes");
    {
      g_autoptr(BzApiResponse) spy = bz_api_json (api, "DELETE", path, other, NULL);
      g_autoptr(BzApiResponse) nutri2 = bz_api_json (api, "DELETE", path, test_api_nutri2_token (), NULL);
      g_autoptr(BzApiResponse) unknown = bz_api_json (api, "DELETE", "/api/v1/meals/00000000-0000-4000-8000-000000000000",
                                                      member, NULL);
      g_autoptr(BzApiResponse) junk = bz_api_json (api, "DELETE", "/api/v1/meals/%27%3B%20DROP%20TABLE", member, NULL);
      g_autoptr(BzApiResponse) anon = bz_api_json (api, "DELETE", path, NULL, NULL);
      g_assert_cmpuint (spy->status, ==, 404);
      g_assert_cmpuint (nutri2->status, ==, 404);
      g_assert_cmpuint (unknown->status, ==, 404);
      g_assert_cmpuint (junk->status, ==, 404);
      g_assert_cmpuint (anon->status, ==, 401);
      g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals);
      g_assert_cmpint (bz_api_count (api, "meal_items"), ==, items);
      g_assert_cmpint (bz_api_count (api, "changes"), ==, changes);
    }
    {
      g_autoptr(BzApiResponse) by_nutri = bz_api_json (api, "DELETE", path, test_api_nutri_token (), NULL);
      g_autoptr(BzApiResponse) again = NULL;
      g_autoptr(BzApiResponse) by_member = NULL;
      g_autoptr(BzApiResponse) h = NULL;
      JsonObject *d;
      g_assert_cmpuint (by_nutri->status, ==, 200);
      d = bz_api_data (by_nutri);
      g_assert_cmpstr (json_object_get_string_member (d, "id"), ==, meal_id);
      g_assert_cmpstr (json_object_get_string_member (d, "patient_id"), ==, pid);
      g_assert_true (json_object_get_boolean_member (d, "deleted"));
      again = bz_api_json (api, "DELETE", path, member, NULL);
      g_assert_cmpuint (again->status, ==, 404);
      by_member = bz_api_json (api, "DELETE", path2, member, NULL);
      g_assert_cmpuint (by_member->status, ==, 200);
      g_assert_cmpint (bz_api_count (api, "meal_logs"), ==, meals - 2);
      g_assert_cmpint (bz_api_count (api, "meal_items"), ==, items - 2);   /* 1 (after the PATCH) + 1 items */
      g_assert_cmpint (bz_api_count (api, "changes"), ==, changes + 2);
      h = bz_api_json (api, "GET", "/api/nutrition/meal-history", member, NULL);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (h), "meals")), ==, 0);
    }
  }
}

