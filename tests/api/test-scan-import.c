/* test-scan-import.c — POST /api/upload/scan-data and GET
 * /api/analytics/body/{trends,compare} (issue 8) against a real server and
 * SQLite file: the fixtures of tests/data/inbody (LookinBody 770 and 270
 * CSV, the InBody app's CSV in pounds with defaults, JSON) stored with their
 * avatars; every refusal with its line details and the store unchanged
 * (scans, avatars, blobs); other users' patients and scans 404; trends and
 * changes checked against figures computed here from the fixture.  Part of
 * test-api's binary: every response is validated against the OpenAPI
 * document. */
#include "bz-api-fixture.h"

#include <math.h>
#include <string.h>

#include "bz-limits.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
void        test_scan_import_add_tests (void);

static char *p1, *m1, *p2, *m2, *q, *mq;

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "inbody", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

static void
ensure (void)
{
  if (p1)
    return;
  test_api_ensure_users ();
  p1 = test_api_create_patient (test_api_nutri_token (), "inbody-770@test.local", &m1);
  p2 = test_api_create_patient (test_api_nutri_token (), "inbody-270@test.local", &m2);
  q = test_api_create_patient (test_api_nutri2_token (), "inbody-other@test.local", &mq);
}

/* A multipart upload of @file (NULL: no file part) with @patient_id. */
static BzApiResponse *
post_form (const char *token, GBytes *file, const char *patient_id)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;

  if (file)
    soup_multipart_append_form_file (mp, "file", "export.csv", "text/csv", file);
  if (patient_id)
    soup_multipart_append_form_string (mp, "patient_id", patient_id);
  soup_multipart_append_form_string (mp, "note", "ignored");
  soup_multipart_to_message (mp, h, &body);
  return bz_api_call (bz_api_shared (), "POST", "/api/upload/scan-data", token,
                      soup_message_headers_get_one (h, "Content-Type"), g_bytes_get_data (body, NULL),
                      g_bytes_get_size (body), NULL);
}

static BzApiResponse *
post_raw (const char *token, const char *query, const char *type, GBytes *file)
{
  g_autofree char *path = g_strconcat ("/api/upload/scan-data", query ? "?" : "", query, NULL);
  return bz_api_call (bz_api_shared (), "POST", path, token, type, g_bytes_get_data (file, NULL),
                      g_bytes_get_size (file), NULL);
}

/* The detail of @field: its issue, and its message in @out_message. */
static const char *
detail (BzApiResponse *r, const char *field, const char **out_message)
{
  JsonObject *err = json_object_get_object_member (json_node_get_object (r->json), "error");
  JsonArray *d = json_object_get_array_member (err, "details");
  for (guint i = 0; i < json_array_get_length (d); i++)
    {
      JsonObject *o = json_array_get_object_element (d, i);
      if (g_strcmp0 (json_object_get_string_member (o, "field"), field) == 0)
        {
          if (out_message)
            *out_message = json_object_get_string_member (o, "message");
          return json_object_get_string_member (o, "issue");
        }
    }
  g_error ("no detail for %s: %.*s", field, (int) g_bytes_get_size (r->body), (const char *) g_bytes_get_data (r->body, NULL));
  return NULL;
}

typedef struct { gint64 scans, avatars, blobs; } Counts;

static Counts
counts (void)
{
  BzApi *api = bz_api_shared ();
  return (Counts) { bz_api_count (api, "body_scans"), bz_api_count (api, "avatars"), bz_api_count (api, "blobs") };
}

static void
assert_unchanged (Counts before)
{
  Counts now = counts ();
  g_assert_cmpint (now.scans, ==, before.scans);
  g_assert_cmpint (now.avatars, ==, before.avatars);
  g_assert_cmpint (now.blobs, ==, before.blobs);
}

static JsonArray *
scans_of (BzApiResponse *r)
{
  return json_object_get_array_member (bz_api_data (r), "scans");
}

static void
test_import_success (void)
{
  g_autoptr(GBytes) f770 = fixture ("lookinbody-770.csv"), f270 = fixture ("inbody-270.csv");
  g_autoptr(GBytes) app = fixture ("inbody-app.csv"), json = fixture ("inbody.json");
  Counts before;

  ensure ();
  before = counts ();
  /* The nutritionist, multipart, for a patient: three scans with avatars, in file order. */
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), f770, p1);
    JsonArray *scans;
    JsonObject *s0, *bia, *lean, *fat, *circ;
    bz_api_expect (r, 201);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "format"), ==, "csv");
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "patient_id"), ==, p1);
    scans = scans_of (r);
    g_assert_cmpuint (json_array_get_length (scans), ==, 3);
    s0 = json_array_get_object_element (scans, 0);
    g_assert_cmpfloat (json_object_get_double_member (s0, "weight_kg"), ==, 88.4);
    g_assert_cmpstr (json_object_get_string_member (s0, "sex"), ==, "male");
    g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (s0, "avatar"), "url"));
    bia = json_object_get_object_member (s0, "bioimpedance");
    lean = json_object_get_object_member (bia, "segmental_lean_mass_kg");
    fat = json_object_get_object_member (bia, "segmental_fat_mass_kg");
    circ = json_object_get_object_member (s0, "circumferences_cm");
    g_assert_cmpfloat (json_object_get_double_member (lean, "trunk"), ==, 27.8);
    g_assert_cmpfloat (json_object_get_double_member (fat, "right_arm"), ==, 1.6);
    g_assert_cmpfloat (json_object_get_double_member (bia, "visceral_fat_level"), ==, 12);
    g_assert_cmpfloat (json_object_get_double_member (bia, "phase_angle_deg"), ==, 5.9);
    g_assert_cmpfloat (json_object_get_double_member (bia, "total_body_water_l"), ==, 45.1);
    g_assert_cmpfloat (json_object_get_double_member (bia, "ecw_tbw_ratio"), ==, 0.386);
    g_assert_cmpfloat (json_object_get_double_member (circ, "waist"), ==, 101.0);
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (scans, 2), "weight_kg"), ==, 82.6);
  }
  /* The member, raw text/csv, for self (InBody 270: no phase angle, so null). */
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, NULL, "text/csv", f270);
    JsonObject *s1;
    bz_api_expect (r, 201);
    g_assert_cmpuint (json_array_get_length (scans_of (r)), ==, 2);
    s1 = json_array_get_object_element (scans_of (r), 1);
    g_assert_cmpstr (json_object_get_string_member (s1, "sex"), ==, "female");
    g_assert_true (json_object_get_null_member (json_object_get_object_member (s1, "bioimpedance"), "phase_angle_deg"));
  }
  /* The InBody app's CSV lacks height, sex and age: given in the query. */
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, "sex=male&age=35&height_cm=175", "text/csv", app);
    JsonObject *s0;
    bz_api_expect (r, 201);
    s0 = json_array_get_object_element (scans_of (r), 0);
    g_assert_cmpfloat (json_object_get_double_member (s0, "height_cm"), ==, 175);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (s0, "weight_kg"), 161.6 * 0.45359237, 1e-9);
  }
  /* JSON, by the nutritionist with patient_id in the query. */
  {
    g_autofree char *query = g_strdup_printf ("patient_id=%s", p2);
    g_autoptr(BzApiResponse) r = post_raw (test_api_nutri_token (), query, "application/json", json);
    bz_api_expect (r, 201);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "format"), ==, "json");
    g_assert_cmpuint (json_array_get_length (scans_of (r)), ==, 2);
  }
  g_assert_cmpint (counts ().scans, ==, before.scans + 9);
  g_assert_cmpint (counts ().avatars, ==, before.avatars + 9);
  /* The scans list shows them. */
  {
    g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/v1/scans", m2, NULL);
    bz_api_expect (r, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "scans")), ==, 6);
  }
}

static void
test_import_refusals (void)
{
  g_autoptr(GBytes) bad = fixture ("bad-number.csv"), missing = fixture ("missing-column.csv");
  g_autoptr(GBytes) range = fixture ("out-of-range.csv"), many = fixture ("too-many-rows.csv");
  g_autoptr(GBytes) bin = fixture ("binary.bin"), app = fixture ("inbody-app.csv"), f270 = fixture ("inbody-270.csv");
  Counts before;
  const char *msg = NULL;

  ensure ();
  before = counts ();
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), bad, p1);
    bz_api_expect (r, 400);
    g_assert_cmpstr (bz_api_error_code (r), ==, "VALIDATION_ERROR");
    g_assert_cmpstr (detail (r, "line 3: Weight", &msg), ==, "not_a_number");
    g_assert_cmpstr (msg, ==, "line 3: Weight: not a number");
    /* Said once: not again as "weight_kg: required" by the scan's validation. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
        json_object_get_object_member (json_node_get_object (r->json), "error"), "details")), ==, 1);
  }
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), missing, p1);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "line 1: Weight", NULL), ==, "missing_column");
  }
  /* Line 2 is a good scan, line 3 out of range: neither is stored. */
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), range, p1);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "line 3: PBF (Percent Body Fat)", &msg), ==, "out_of_range");
    g_assert_true (g_str_has_prefix (msg, "line 3: PBF (Percent Body Fat): "));
  }
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, NULL, "text/csv", many);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "line 102", NULL), ==, "too_many_rows");
  }
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, NULL, "application/octet-stream", bin);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "line 3", NULL), ==, "not_text");
  }
  /* No height, sex or age in the file and none given: each row says which. */
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, "age=abc", "text/csv", app);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "age", NULL), ==, "invalid_type");
    g_assert_cmpstr (detail (r, "line 2: height_cm", NULL), ==, "required");
    g_assert_cmpstr (detail (r, "line 3: sex", NULL), ==, "required");
  }
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), NULL, p1);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "file", NULL), ==, "required");
  }
  /* The same export again (its scans are stored), and a file that repeats a row. */
  {
    g_autoptr(GBytes) f770 = fixture ("lookinbody-770.csv");
    g_autoptr(GBytes) twice = g_bytes_new_static ("Date,Weight,Gender,Age,Height,PBF,SMM\n"
                                                  "20250105100000,70,F,30,160,30,25\n"
                                                  "20250105100000,71,F,30,160,30,25\n", 104);
    g_autoptr(BzApiResponse) again = post_form (test_api_nutri_token (), f770, p1);
    g_autoptr(BzApiResponse) repeated = post_raw (m2, NULL, "text/csv", twice);
    bz_api_expect (again, 400);
    g_assert_cmpstr (detail (again, "line 2: 14. Test Date / Time", NULL), ==, "duplicate");
    g_assert_cmpstr (detail (again, "line 4: 14. Test Date / Time", NULL), ==, "duplicate");
    bz_api_expect (repeated, 400);
    g_assert_cmpstr (detail (repeated, "line 3: Date", NULL), ==, "duplicate");
  }
  {
    g_autoptr(BzApiResponse) r = post_raw (m2, NULL, "image/png", bin);
    bz_api_expect (r, 415);
  }
  /* Past the file limit but within the route's: the parser says so; past the route's: 413. */
  {
    gsize n = BZ_INBODY_MAX_BYTES + 10, huge = BZ_INBODY_MAX_BYTES + 128 * 1024;
    g_autoptr(GBytes) big = g_bytes_new_take (g_strnfill (n, 'a'), n);
    g_autoptr(GBytes) bigger = g_bytes_new_take (g_strnfill (huge, 'a'), huge);
    g_autoptr(BzApiResponse) r = post_raw (m2, NULL, "text/csv", big);
    g_autoptr(BzApiResponse) t = post_raw (m2, NULL, "text/csv", bigger);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "file", NULL), ==, "too_large");
    bz_api_expect (t, 413);
  }
  /* Another nutritionist's patient; a nutritionist without patient_id; nobody. */
  {
    g_autoptr(BzApiResponse) r = post_form (test_api_nutri_token (), f270, q);
    g_autoptr(BzApiResponse) none = post_form (test_api_nutri_token (), f270, NULL);
    g_autoptr(BzApiResponse) anon = post_raw (NULL, NULL, "text/csv", f270);
    g_autofree char *query = g_strdup_printf ("patient_id=%s", p1);
    g_autoptr(BzApiResponse) member_other = post_raw (mq, query, "text/csv", f270);
    bz_api_expect (r, 404);
    bz_api_expect (none, 400);
    bz_api_expect (anon, 401);
    bz_api_expect (member_other, 404);
  }
  assert_unchanged (before);
}

/* Seconds since the epoch of an ISO 8601 text. */
static double
epoch (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (dt);
  return (double) g_date_time_to_unix (dt);
}

static JsonObject *
trend (JsonObject *data, const char *metric)
{
  JsonArray *trends = json_object_get_array_member (data, "trends");
  for (guint i = 0; i < json_array_get_length (trends); i++)
    {
      JsonObject *t = json_array_get_object_element (trends, i);
      if (g_str_equal (json_object_get_string_member (t, "metric"), metric))
        return t;
    }
  g_error ("no trend %s", metric);
  return NULL;
}

static void
test_body_trends (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL;
  JsonObject *data, *w, *whtr, *fat;
  JsonArray *pts;
  double x[3], y[3], mx = 0, my = 0, sxy = 0, sxx = 0;

  ensure ();
  r = bz_api_json (api, "GET", "/api/analytics/body/trends", m1, NULL);
  bz_api_expect (r, 200);
  data = bz_api_data (r);
  g_assert_cmpint (json_object_get_int_member (data, "scan_count"), ==, 3);
  g_assert_true (json_object_get_null_member (data, "start_date"));
  w = trend (data, "weight_kg");
  pts = json_object_get_array_member (w, "points");
  g_assert_cmpuint (json_array_get_length (pts), ==, 3);
  /* The least-squares slope, computed here from the points' times and values. */
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *p = json_array_get_object_element (pts, i);
      x[i] = epoch (json_object_get_string_member (p, "measured_at")) / 86400.0;
      y[i] = json_object_get_double_member (p, "value");
      mx += x[i] / 3, my += y[i] / 3;
    }
  for (guint i = 0; i < 3; i++)
    sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
  g_assert_cmpfloat (y[0], ==, 88.4);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "change"), 82.6 - 88.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "rate_per_week"), sxy / sxx * 7, 1e-9);
  /* 5.8 kg in 18 weeks (126 days), evenly spaced: about −0.32 kg a week. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "rate_per_week"), -5.8 / 18, 0.01);
  whtr = trend (data, "waist_to_height_ratio");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (whtr, "first"), 101.0 / 172.0, 1e-12);
  fat = trend (data, "fat_mass_kg");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (fat, "first"), 88.4 * 0.304, 1e-9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (trend (data, "lean_trunk_kg"), "points")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (trend (data, "calf_cm"), "points")), ==, 0);
  g_assert_true (json_object_get_null_member (trend (data, "calf_cm"), "rate_per_week"));

  /* A period: August holds the second scan only; the nutritionist asks. */
  {
    g_autofree char *path = g_strdup_printf ("/api/analytics/body/trends?patient_id=%s&start_date=2026-08-01&end_date=2026-08-31", p1);
    g_autoptr(BzApiResponse) p = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    bz_api_expect (p, 200);
    g_assert_cmpint (json_object_get_int_member (bz_api_data (p), "scan_count"), ==, 1);
    g_assert_cmpfloat (json_object_get_double_member (trend (bz_api_data (p), "weight_kg"), "first"), ==, 85.1);
    g_assert_true (json_object_get_null_member (trend (bz_api_data (p), "weight_kg"), "rate_per_week"));
  }
  /* Refusals. */
  {
    g_autoptr(BzApiResponse) bad = bz_api_json (api, "GET", "/api/analytics/body/trends?start_date=2026-02-30", m1, NULL);
    g_autoptr(BzApiResponse) order = bz_api_json (api, "GET", "/api/analytics/body/trends?start_date=2026-09-01&end_date=2026-08-01", m1, NULL);
    g_autofree char *spy_path = g_strdup_printf ("/api/analytics/body/trends?patient_id=%s", p1);
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", spy_path, mq, NULL);
    g_autoptr(BzApiResponse) nutri2 = bz_api_json (api, "GET", spy_path, test_api_nutri2_token (), NULL);
    g_autoptr(BzApiResponse) anon = bz_api_json (api, "GET", "/api/analytics/body/trends", NULL, NULL);
    bz_api_expect (bad, 400);
    g_assert_cmpstr (detail (bad, "start_date", NULL), ==, "invalid_format");
    bz_api_expect (order, 400);
    g_assert_cmpstr (detail (order, "end_date", NULL), ==, "out_of_range");
    bz_api_expect (spy, 404);
    bz_api_expect (nutri2, 404);
    bz_api_expect (anon, 401);
  }
}

static char *
scan_id (const char *token, guint index_newest_first)
{
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "GET", "/api/v1/scans", token, NULL);
  JsonArray *scans;
  bz_api_expect (r, 200);
  scans = json_object_get_array_member (bz_api_data (r), "scans");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (scans, index_newest_first), "id"));
}

static JsonObject *
change (JsonObject *data, const char *metric)
{
  JsonArray *changes = json_object_get_array_member (data, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *c = json_array_get_object_element (changes, i);
      if (g_str_equal (json_object_get_string_member (c, "metric"), metric))
        return c;
    }
  g_error ("no change %s", metric);
  return NULL;
}

static void
test_body_compare (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *latest = NULL, *first = NULL, *foreign = NULL, *path = NULL;
  Counts before;

  ensure ();
  latest = scan_id (m1, 0);
  first = scan_id (m1, 2);
  foreign = scan_id (m2, 0);
  /* Asked in reverse order: answered earlier to later. */
  path = g_strdup_printf ("/api/analytics/body/compare?from_scan_id=%s&to_scan_id=%s", latest, first);
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, m1, NULL);
    JsonObject *data, *w, *lean, *waist;
    double days;
    bz_api_expect (r, 200);
    data = bz_api_data (r);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "from"), "id"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "to"), "id"), ==, latest);
    days = json_object_get_double_member (data, "days_between");
    g_assert_cmpfloat (days, >, 120);
    w = change (data, "weight_kg");
    g_assert_cmpfloat (json_object_get_double_member (w, "from"), ==, 88.4);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "change"), -5.8, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (w, "rate_per_week"), -5.8 / (days / 7), 1e-9);
    lean = change (data, "lean_trunk_kg");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (lean, "change"), 28.1 - 27.8, 1e-9);
    waist = change (data, "waist_cm");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (waist, "change"), -7.0, 1e-9);
    g_assert_true (json_object_get_null_member (change (data, "calf_cm"), "change"));
  }
  /* The nutritionist may; the other patient's member and nutritionist get 404, as for an unknown id. */
  before = counts ();
  {
    g_autoptr(BzApiResponse) nutri = bz_api_json (api, "GET", path, test_api_nutri_token (), NULL);
    g_autoptr(BzApiResponse) spy = bz_api_json (api, "GET", path, mq, NULL);
    g_autoptr(BzApiResponse) nutri2 = bz_api_json (api, "GET", path, test_api_nutri2_token (), NULL);
    g_autofree char *mixed = g_strdup_printf ("/api/analytics/body/compare?from_scan_id=%s&to_scan_id=%s", first, foreign);
    g_autoptr(BzApiResponse) other = bz_api_json (api, "GET", mixed, m1, NULL);
    g_autoptr(BzApiResponse) two_patients = bz_api_json (api, "GET", mixed, test_api_nutri_token (), NULL);
    g_autofree char *unknown = g_strdup_printf ("/api/analytics/body/compare?from_scan_id=%s&to_scan_id=%s", first,
                                                "0b9d6f6e-1111-4222-8333-944455556666");
    g_autoptr(BzApiResponse) nope = bz_api_json (api, "GET", unknown, m1, NULL);
    g_autoptr(BzApiResponse) missing = bz_api_json (api, "GET", "/api/analytics/body/compare", m1, NULL);
    g_autoptr(BzApiResponse) malformed = bz_api_json (api, "GET", "/api/analytics/body/compare?from_scan_id=x&to_scan_id=y", m1, NULL);
    bz_api_expect (nutri, 200);
    bz_api_expect (spy, 404);
    bz_api_expect (nutri2, 404);
    bz_api_expect (other, 404);
    bz_api_expect (two_patients, 400);
    g_assert_cmpstr (detail (two_patients, "to_scan_id", NULL), ==, "different_patient");
    bz_api_expect (nope, 404);
    bz_api_expect (missing, 400);
    g_assert_cmpstr (detail (missing, "from_scan_id", NULL), ==, "required");
    bz_api_expect (malformed, 400);
    g_assert_cmpstr (detail (malformed, "to_scan_id", NULL), ==, "invalid_format");
  }
  assert_unchanged (before);
}

/* POST /api/scans/upload takes the same InBody members, declared once
 * (bz-inbody-resources.h): stored and returned; out of range and unknown
 * members refused by name, nothing stored. */
static void
test_upload_bioimpedance (void)
{
  BzApi *api = bz_api_shared ();
  const char *fmt = "{\"measured_at\":\"2026-11-20T09:00:00Z\",\"sex\":\"female\",\"age\":29,\"height_cm\":165,"
                    "\"weight_kg\":61,\"body_fat_percent\":27,\"skeletal_muscle_mass_kg\":24.5,"
                    "\"bioimpedance\":{\"segmental_lean_mass_kg\":{\"trunk\":20.1,\"left_leg\":6.9},"
                    "\"segmental_fat_mass_kg\":{\"trunk\":8.4},\"visceral_fat_level\":5,"
                    "\"phase_angle_deg\":%s,\"total_body_water_l\":32.7,\"ecw_tbw_ratio\":0.379%s}}";
  g_autofree char *good = g_strdup_printf (fmt, "5.6", "");
  g_autofree char *bad = g_strdup_printf (fmt, "50", "");
  g_autofree char *unknown = g_strdup_printf (fmt, "5.6", ",\"tail_kg\":1");
  Counts before;

  ensure ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", mq, good);
    JsonObject *bia, *lean;
    bz_api_expect (r, 201);
    bia = json_object_get_object_member (json_object_get_object_member (bz_api_data (r), "scan"), "bioimpedance");
    lean = json_object_get_object_member (bia, "segmental_lean_mass_kg");
    g_assert_cmpfloat (json_object_get_double_member (lean, "trunk"), ==, 20.1);
    g_assert_true (json_object_get_null_member (lean, "right_arm"));
    g_assert_cmpfloat (json_object_get_double_member (bia, "phase_angle_deg"), ==, 5.6);
    g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (bia, "segmental_fat_mass_kg"), "trunk"), ==, 8.4);
  }
  before = counts ();
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/scans/upload", mq, bad);
    g_autoptr(BzApiResponse) u = bz_api_json (api, "POST", "/api/scans/upload", mq, unknown);
    bz_api_expect (r, 400);
    g_assert_cmpstr (detail (r, "bioimpedance.phase_angle_deg", NULL), ==, "out_of_range");
    bz_api_expect (u, 400);
    g_assert_cmpstr (detail (u, "bioimpedance.tail_kg", NULL), ==, "unknown_field");
  }
  assert_unchanged (before);
}

void
test_scan_import_add_tests (void)
{
  g_test_add_func ("/api/scan-import/upload-bioimpedance", test_upload_bioimpedance);
  g_test_add_func ("/api/scan-import/success", test_import_success);
  g_test_add_func ("/api/scan-import/refusals", test_import_refusals);
  g_test_add_func ("/api/analytics/body/trends", test_body_trends);
  g_test_add_func ("/api/analytics/body/compare", test_body_compare);
}
