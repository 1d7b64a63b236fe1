/* test-sync.c — GET /api/v1/sync/changes (issue 9, the phones' delta sync):
 * a member sees its own meals, scans and plans and no one else's; a
 * nutritionist its patients' and not another nutritionist's; a deletion
 * arrives as a tombstone; paging reaches the end without duplicates; an
 * empty delta is small; a cursor older than the retention prune answers
 * 410 with a full-resync hint, and the full sync after the prune still has
 * every live record; bad cursors and limits answer 400 with details; no
 * token 401; a page of five meals takes the statements of a page of one.  Part of test-api's binary (its responses are checked against
 * the OpenAPI document). */
#include "bz-api-fixture.h"

#include "bz-auth-service.h"
#include "bz-store.h"
#include "bz-sync-service.h"

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;
void        test_sync_add_tests (void);

static char *sy_patient, *sy_member, *sy_other_patient, *sy_other_member;

static void
expect_at (BzApiResponse *r, guint status, int line)
{
  if (r->status != status)
    g_error ("line %d: expected %u, got %u: %.*s", line, status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}
#define expect(r, status) expect_at ((r), (status), __LINE__)

static void
ensure_patients (void)
{
  if (sy_patient)
    return;
  test_api_ensure_users ();
  sy_patient = test_api_create_patient (test_api_nutri_token (), "sync-member@test.local", &sy_member);
  sy_other_patient = test_api_create_patient (test_api_nutri2_token (), "sync-other@test.local", &sy_other_member);
}

/* A meal of 150 g of white rice (SR28 20045) by @token; its id. */
static char *
post_meal (const char *token)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL, jpeg = bz_api_test_jpeg ();
  g_autoptr(BzApiResponse) r = NULL;

  soup_multipart_append_form_file (mp, "image", "meal.jpg", "image/jpeg", jpeg);
  soup_multipart_append_form_string (mp, "meal_type", "comida");
  soup_multipart_append_form_string (mp, "items", "[{\"ndb_no\":\"20045\",\"grams\":150}]");
  soup_multipart_to_message (mp, h, &body);
  r = bz_api_call (api, "POST", "/api/nutrition/upload-meal", token, soup_message_headers_get_one (h, "Content-Type"),
                   g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL);
  expect (r, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "meal"), "id"));
}

static char *
post_scan (const char *patient_id)
{
  g_autofree char *scan = g_strdup_printf (test_api_scan_body_fmt, patient_id);
  g_autoptr(BzApiResponse) r = bz_api_json (bz_api_shared (), "POST", "/api/scans/upload", test_api_nutri_token (), scan);
  expect (r, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "scan"), "id"));
}

/* A page of @token's changes after @cursor (NULL: full sync). */
static BzApiResponse *
sync_page (const char *token, const char *cursor, guint limit)
{
  GString *path = g_string_new ("/api/v1/sync/changes?");
  BzApiResponse *r;

  if (cursor)
    g_string_append_printf (path, "since=%s&", cursor);
  if (limit)
    g_string_append_printf (path, "limit=%u", limit);
  r = bz_api_json (bz_api_shared (), "GET", path->str, token, NULL);
  g_string_free (path, TRUE);
  return r;
}

/* Every change of @token after @cursor, page by page: "type/id" ->
 * the change's JSON (the last page's wins); the final cursor into
 * @out_cursor; asserts that no record comes twice and pages count. */
static GHashTable *
sync_all (const char *token, const char *cursor, guint limit, char **out_cursor, guint *out_pages)
{
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  g_autofree char *at = g_strdup (cursor);
  guint pages = 0;
  gboolean more = TRUE;
  gint64 last_version = 0;

  while (more)
    {
      g_autoptr(BzApiResponse) r = sync_page (token, at, limit);
      JsonObject *d;
      JsonArray *changes;

      expect (r, 200);
      d = bz_api_data (r);
      changes = json_object_get_array_member (d, "changes");
      g_assert_cmpuint (json_array_get_length (changes), <=, limit ? limit : 100);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *c = json_array_get_object_element (changes, i);
          char *key = g_strconcat (json_object_get_string_member (c, "type"), "/",
                                   json_object_get_string_member (c, "id"), NULL);
          gint64 version = json_object_get_int_member (c, "version");
          g_assert_cmpint (version, >, last_version);   /* oldest first, never again */
          last_version = version;
          g_hash_table_replace (seen, key, json_object_ref (c));
        }
      more = json_object_get_boolean_member (d, "has_more");
      g_free (at);
      at = g_strdup (json_object_get_string_member (d, "next_cursor"));
      pages++;
      g_assert_cmpuint (pages, <, 1000);
    }
  if (out_cursor)
    *out_cursor = g_steal_pointer (&at);
  if (out_pages)
    *out_pages = pages;
  return seen;
}

static gboolean
has (GHashTable *seen, const char *type, const char *id)
{
  g_autofree char *key = g_strconcat (type, "/", id, NULL);
  return g_hash_table_contains (seen, key);
}

static JsonObject *
change_of (GHashTable *seen, const char *type, const char *id)
{
  g_autofree char *key = g_strconcat (type, "/", id, NULL);
  return g_hash_table_lookup (seen, key);
}

/* Own meals, scans and plans, and no one else's; the nutritionists the same. */
static void
test_sync_visibility (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *m_cur = NULL, *o_cur = NULL, *n_cur = NULL, *n2_cur = NULL;
  g_autofree char *meal = NULL, *other_meal = NULL, *scan = NULL, *plan = NULL;
  g_autoptr(GHashTable) full = NULL, m = NULL, o = NULL, n = NULL, n2 = NULL;
  JsonObject *c;

  ensure_patients ();
  /* Where each phone stands now: a full sync, which has the member's own patient record. */
  full = sync_all (sy_member, NULL, 0, &m_cur, NULL);
  g_assert_true (has (full, "patient", sy_patient));
  g_assert_false (has (full, "patient", sy_other_patient));
  g_hash_table_unref (sync_all (sy_other_member, NULL, 0, &o_cur, NULL));
  g_hash_table_unref (sync_all (test_api_nutri_token (), NULL, 500, &n_cur, NULL));
  g_hash_table_unref (sync_all (test_api_nutri2_token (), NULL, 500, &n2_cur, NULL));

  meal = post_meal (sy_member);
  other_meal = post_meal (sy_other_member);
  scan = post_scan (sy_patient);
  {
    g_autofree char *body = g_strdup_printf ("{\"clientId\":\"%s\",\"planDate\":\"2026-12-07\",\"durationDays\":1}",
                                             sy_patient);
    g_autoptr(BzApiResponse) r = bz_api_json (api, "POST", "/api/meal-plans/manual/create", test_api_nutri_token (), body);
    expect (r, 201);
    plan = g_strdup (json_object_get_string_member (bz_api_data (r), "draftId"));
  }

  m = sync_all (sy_member, m_cur, 0, NULL, NULL);
  g_assert_true (has (m, "meal", meal));
  c = change_of (m, "meal", meal);
  g_assert_cmpstr (json_object_get_string_member (c, "op"), ==, "upsert");
  g_assert_false (json_object_get_boolean_member (c, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (c, "meal"), "id"), ==, meal);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (c, "meal"),
                                                                         "items")), ==, 1);
  g_assert_true (has (m, "scan", scan));
  c = change_of (m, "scan", scan);
  g_assert_nonnull (json_object_get_object_member (json_object_get_object_member (c, "scan"), "avatar"));
  {
    const char *avatar = json_object_get_string_member (json_object_get_object_member (
        json_object_get_object_member (c, "scan"), "avatar"), "id");
    c = change_of (m, "avatar", avatar);
    g_assert_nonnull (c);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (c, "avatar"), "id"), ==, avatar);
  }
  g_assert_false (has (m, "meal", other_meal));
  g_assert_false (has (m, "meal_plan", plan));   /* a draft is the nutritionist's until finalized */

  o = sync_all (sy_other_member, o_cur, 0, NULL, NULL);
  g_assert_true (has (o, "meal", other_meal));
  g_assert_false (has (o, "meal", meal));
  g_assert_false (has (o, "scan", scan));

  n = sync_all (test_api_nutri_token (), n_cur, 0, NULL, NULL);
  g_assert_true (has (n, "meal", meal));
  g_assert_true (has (n, "scan", scan));
  g_assert_true (has (n, "meal_plan", plan));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (change_of (n, "meal_plan", plan),
                                                                                 "meal_plan"), "status"), ==, "draft");
  g_assert_false (has (n, "meal", other_meal));

  n2 = sync_all (test_api_nutri2_token (), n2_cur, 0, NULL, NULL);
  g_assert_true (has (n2, "meal", other_meal));
  g_assert_false (has (n2, "meal", meal));
  g_assert_false (has (n2, "meal_plan", plan));
}

/* A deletion reaches the member and the nutritionist as a tombstone. */
static void
test_sync_tombstone (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *m_cur = NULL, *n_cur = NULL, *meal = NULL, *path = NULL;
  g_autoptr(GHashTable) before = NULL, m = NULL, n = NULL, o = NULL;
  g_autoptr(BzApiResponse) del = NULL;
  JsonObject *c;

  ensure_patients ();
  meal = post_meal (sy_member);
  before = sync_all (sy_member, NULL, 0, &m_cur, NULL);
  g_assert_true (has (before, "meal", meal));
  g_hash_table_unref (sync_all (test_api_nutri_token (), NULL, 500, &n_cur, NULL));

  path = g_strdup_printf ("/api/v1/meals/%s", meal);
  del = bz_api_json (api, "DELETE", path, sy_member, NULL);
  expect (del, 200);

  m = sync_all (sy_member, m_cur, 0, NULL, NULL);
  g_assert_cmpuint (g_hash_table_size (m), ==, 1);
  c = change_of (m, "meal", meal);
  g_assert_nonnull (c);
  g_assert_true (json_object_get_boolean_member (c, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (c, "op"), ==, "delete");
  g_assert_false (json_object_has_member (c, "meal"));
  n = sync_all (test_api_nutri_token (), n_cur, 0, NULL, NULL);
  g_assert_true (json_object_get_boolean_member (change_of (n, "meal", meal), "deleted"));
  /* The other member's phone is not told. */
  o = sync_all (sy_other_member, m_cur, 0, NULL, NULL);
  g_assert_false (has (o, "meal", meal));
}

/* Five meals after a cursor, two a page: three pages, then an empty delta. */
static void
test_sync_paging (void)
{
  g_autofree char *cur = NULL, *end = NULL;
  char *meals[5] = { NULL };
  g_autoptr(GHashTable) seen = NULL;
  guint pages = 0;

  ensure_patients ();
  g_hash_table_unref (sync_all (sy_member, NULL, 0, &cur, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (meals); i++)
    meals[i] = post_meal (sy_member);
  seen = sync_all (sy_member, cur, 2, &end, &pages);
  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (meals); i++)
    {
      g_assert_true (has (seen, "meal", meals[i]));
      g_assert_true (json_object_has_member (change_of (seen, "meal", meals[i]), "meal"));
      g_free (meals[i]);
    }
  {
    g_autoptr(BzApiResponse) r = sync_page (sy_member, end, 0);
    expect (r, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "changes")), ==, 0);
    g_assert_false (json_object_get_boolean_member (bz_api_data (r), "has_more"));
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (r), "next_cursor"), ==, end);
    /* issue 9's target: an empty delta under 1 KB on the wire */
    g_assert_cmpuint (g_bytes_get_size (r->body), <, 1024);
  }
  /* A full sync in pages of 50 has each record once and every meal. */
  {
    g_autoptr(GHashTable) full = sync_all (sy_member, NULL, 50, NULL, &pages);
    g_assert_cmpuint (pages, >, 1);
    g_assert_true (has (full, "patient", sy_patient));
  }
}

/* Every refusal: a cursor that is not one, a limit out of range, no token. */
static void
test_sync_refusals (void)
{
  static const struct { const char *query, *field; } bad[] = {
    { "since=!!!", "since" },
    { "since=abc", "since" },             /* base64url, but not a cursor */
    { "since=djE6LTE", "since" },         /* "v1:-1" */
    { "since=djE6eA", "since" },          /* "v1:x" */
    { "since=djE6NQ", "since" },          /* "v1:5", no horizon */
    { "since=djE6NTo1OjU", "since" },     /* "v1:5:5:5" */
    { "since=", "since" },
    { "limit=0", "limit" },
    { "limit=501", "limit" },
    { "limit=ten", "limit" },
    { "limit=-1", "limit" },
  };
  BzApi *api = bz_api_shared ();

  ensure_patients ();
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/sync/changes?%s", bad[i].query);
      g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", path, sy_member, NULL);
      expect (r, 400);
      g_assert_cmpstr (bz_api_error_code (r), ==, "VALIDATION_ERROR");
      g_assert_true (bz_api_has_detail (r, bad[i].field));
    }
  {
    g_autoptr(BzApiResponse) r = bz_api_json (api, "GET", "/api/v1/sync/changes", NULL, NULL);
    expect (r, 401);
    g_assert_cmpstr (bz_api_error_code (r), ==, "UNAUTHENTICATED");
  }
  /* The limit's bounds themselves are fine. */
  {
    g_autoptr(BzApiResponse) one = sync_page (sy_member, NULL, 1);
    g_autoptr(BzApiResponse) most = sync_page (sy_member, NULL, 500);
    expect (one, 200);
    expect (most, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (one), "changes")), ==, 1);
  }
  /* A cursor ahead of the log (a restored database): resync. */
  {
    g_autofree char *ahead = bz_sync_cursor_encode (G_MAXINT32, 0);
    g_autoptr(BzApiResponse) r = sync_page (sy_member, ahead, 0);
    expect (r, 410);
    g_assert_cmpstr (bz_api_error_code (r), ==, "SYNC_CURSOR_EXPIRED");
  }
}

/* The retention prune: old cursors answer 410 with the resync hint; a full
 * sync afterwards still has every live record and not the deleted one. */
static void
test_sync_expired (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *fresh = NULL, *meal = NULL, *gone = NULL, *path = NULL, *zero = bz_sync_cursor_encode (0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL, after = NULL;
  guint pruned = 0, pages = 0;

  ensure_patients ();
  meal = post_meal (sy_member);
  gone = post_meal (sy_member);
  path = g_strdup_printf ("/api/v1/meals/%s", gone);
  {
    g_autoptr(BzApiResponse) del = bz_api_json (api, "DELETE", path, sy_member, NULL);
    expect (del, 200);
  }
  before = sync_all (sy_member, NULL, 0, NULL, NULL);
  {
    g_autoptr(BzApiResponse) r = sync_page (sy_member, zero, 0);
    expect (r, 200);   /* nothing pruned yet: version 0 is a fine cursor */
  }
  /* Changes logged before the next second are out of retention. */
  g_usleep (1100 * 1000);
  g_assert_true (bz_sync_prune (api->services, 0, &pruned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pruned, >, 0);
  {
    g_autoptr(BzApiResponse) r = sync_page (sy_member, zero, 0);
    JsonArray *details;
    JsonObject *d;
    expect (r, 410);
    g_assert_cmpstr (bz_api_error_code (r), ==, "SYNC_CURSOR_EXPIRED");
    g_assert_true (bz_api_has_detail (r, "since"));
    details = json_object_get_array_member (json_object_get_object_member (json_node_get_object (r->json), "error"),
                                            "details");
    d = json_array_get_object_element (details, 0);
    g_assert_cmpstr (json_object_get_string_member (d, "resync"), ==, "/api/v1/sync/changes");
  }
  /* A full sync after the prune gives a good cursor again (the one before
   * it may be below the horizon: other writers, such as the jobs of
   * earlier tests, may have logged and had pruned changes after it). */
  after = sync_all (sy_member, NULL, 10, &fresh, &pages);
  g_assert_cmpuint (pages, >, 2);   /* cursors below the horizon, given after the prune: good */
  {
    g_autoptr(BzApiResponse) r = sync_page (sy_member, fresh, 0);
    expect (r, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (bz_api_data (r), "changes")), ==, 0);
  }
  g_assert_true (has (after, "meal", meal));
  g_assert_true (has (after, "patient", sy_patient));
  g_assert_false (has (after, "meal", gone));   /* its tombstone went with the prune */
  /* A walk's cursor below the horizon, given before another prune: 410. */
  {
    g_autoptr(BzApiResponse) first = sync_page (sy_member, NULL, 10);
    g_autofree char *mid = NULL, *again = NULL, *p2 = NULL;
    expect (first, 200);
    mid = g_strdup (json_object_get_string_member (bz_api_data (first), "next_cursor"));
    again = post_meal (sy_member);
    p2 = g_strdup_printf ("/api/v1/meals/%s", again);
    {
      g_autoptr(BzApiResponse) del = bz_api_json (api, "DELETE", p2, sy_member, NULL);
      expect (del, 200);
    }
    g_usleep (1100 * 1000);
    g_assert_true (bz_sync_prune (api->services, 0, &pruned, &error));
    g_assert_cmpuint (pruned, >, 0);
    {
      g_autoptr(BzApiResponse) r = sync_page (sy_member, mid, 0);
      expect (r, 410);
    }
  }
  /* Every live record of the member before the prune is still reached. */
  {
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init (&it, before);
    while (g_hash_table_iter_next (&it, &key, &value))
      if (!json_object_get_boolean_member (value, "deleted"))
        g_assert_true (g_hash_table_contains (after, key));
  }
}

static int
count_statement (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

/* Statements of one sync page for @caller after @cursor, on this thread's
 * connection; the page's meal entries into @out_meals. */
static guint
page_statements (const BzCaller *caller, const char *cursor, guint *out_meals)
{
  BzApi *api = bz_api_shared ();
  sqlite3 *db = bz_store_db (api->store);
  g_autoptr(BzRecord) page = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, count_statement, &n);
  page = bz_sync_changes (api->services, caller, cursor, 100, &error);
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  *out_meals = 0;
  for (guint i = 0; i < bz_record_get_n_items (page, BZ_SYNC_PAGE_CHANGES); i++)
    if (g_str_equal (bz_record_get_string (bz_record_get_item (page, BZ_SYNC_PAGE_CHANGES, i), BZ_SYNC_CHANGE_TYPE),
                     "meal"))
      (*out_meals)++;
  return n;
}

/* No N+1: a page of one meal and a page of five take the same statements. */
static void
test_sync_statements (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzCaller) caller = NULL;
  g_autofree char *cur = NULL;
  guint one, five, meals = 0;

  ensure_patients ();
  caller = bz_auth_verify_access_token (api->services, sy_member, NULL);
  g_assert_nonnull (caller);
  g_hash_table_unref (sync_all (sy_member, NULL, 0, &cur, NULL));
  g_free (post_meal (sy_member));
  one = page_statements (caller, cur, &meals);
  g_assert_cmpuint (meals, ==, 1);
  for (guint i = 0; i < 4; i++)
    g_free (post_meal (sy_member));
  five = page_statements (caller, cur, &meals);
  g_assert_cmpuint (meals, ==, 5);
  g_test_message ("statements: %u for one meal, %u for five", one, five);
  g_assert_cmpuint (five, ==, one);
}

void
test_sync_add_tests (void)
{
  g_test_add_func ("/api/sync/visibility", test_sync_visibility);
  g_test_add_func ("/api/sync/tombstone", test_sync_tombstone);
  g_test_add_func ("/api/sync/paging", test_sync_paging);
  g_test_add_func ("/api/sync/statements", test_sync_statements);
  g_test_add_func ("/api/sync/refusals", test_sync_refusals);
  g_test_add_func ("/api/sync/expired", test_sync_expired);
}
