/* test-privacy.c — the privacy rights of seed 002 §7.3 (issue 9) on a real
 * server and SQLite file: the export's ZIP (read back with libarchive) holds
 * the member's scan, meals and photo bytes as uploaded and nothing of another
 * member; the deletion anonymises the account, ends its sign-ins, tokens and
 * devices, erases a photo no one else holds and keeps one another member
 * shares; every refusal leaves the store unchanged.  Built into test-api's
 * binary: every JSON answer is checked against /api/openapi.json. */
#define _GNU_SOURCE   /* memmem() */
#include "bz-api-fixture.h"

#include <archive.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <archive_entry.h>
#include <string.h>

#include "bz-auth-service-private.h"
#include "bz-audit.h"
#include "bz-blob-store.h"
#include "bz-privacy-resources.h"
#include "bz-realtime-client.h"
#include "bz-realtime.h"

void test_privacy_add_tests (void);

const char *test_api_nutri_token (void);
const char *test_api_nutri2_token (void);
char       *test_api_create_patient (const char *token, const char *email, char **out_member_token);
void        test_api_ensure_users (void);
extern const char *test_api_scan_body_fmt;

typedef struct
{
  char *patient_id, *user_id, *token, *refresh;
} Member;

/* m1 and m2: patients of nutri1; m3: of nutri2 (another clinic). */
static Member m1, m2, m3;
static char *m1_meal_unique, *m1_meal_shared, *m2_meal_shared, *m1_scan;
static GBytes *unique_jpeg, *shared_jpeg;

static char *
replace_all (const char *s, const char *from, const char *to)
{
  g_auto(GStrv) parts = g_strsplit (s, from, -1);
  return g_strjoinv (to, parts);
}

static GBytes *
jpeg_of_colour (guint32 rgba)
{
  g_autoptr(GdkPixbuf) pb = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 40, 30);
  char *buf = NULL;
  gsize len = 0;
  gdk_pixbuf_fill (pb, rgba);
  g_assert_true (gdk_pixbuf_save_to_buffer (pb, &buf, &len, "jpeg", NULL, NULL));
  return g_bytes_new_take (buf, len);
}

static void
assert_status (BzApiResponse *r, guint status)
{
  if (r->status != status)
    g_error ("expected %u, got %u: %.*s", status, r->status, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
}

static BzApiResponse *
login (const char *email, const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
  bz_auth_reset_rate_limits ();
  return bz_api_json (bz_api_shared (), "POST", "/api/v1/auth/login", NULL, body);
}

static void
make_member (Member *m, const char *nutri_token, const char *email)
{
  g_autoptr(BzApiResponse) l = NULL;
  JsonObject *d;

  m->patient_id = test_api_create_patient (nutri_token, email, NULL);
  l = login (email, "Member-Pass1!");
  assert_status (l, 200);
  d = bz_api_data (l);
  m->token = g_strdup (json_object_get_string_member (d, "access_token"));
  m->refresh = g_strdup (json_object_get_string_member (d, "refresh_token"));
  m->user_id = g_strdup (json_object_get_string_member (json_object_get_object_member (d, "user"), "id"));
}

static char *
upload_meal (const char *token, GBytes *image)
{
  g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(BzApiResponse) r = NULL;

  soup_multipart_append_form_file (mp, "image", "meal.jpg", "image/jpeg", image);
  soup_multipart_append_form_string (mp, "meal_type", "lunch");
  soup_multipart_append_form_string (mp, "items", "[{\"ndb_no\":\"01001\",\"grams\":100}]");
  soup_multipart_to_message (mp, h, &body);
  r = bz_api_call (bz_api_shared (), "POST", "/api/nutrition/upload-meal", token,
                   soup_message_headers_get_one (h, "Content-Type"), g_bytes_get_data (body, NULL),
                   g_bytes_get_size (body), NULL);
  assert_status (r, 201);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (bz_api_data (r), "meal"), "id"));
}

/* One text column of one row, or NULL. */
static char *
db_text (const char *sql, const char *arg)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (bz_api_shared ()->store), sql, NULL);
  g_assert_nonnull (st);
  sqlite3_bind_text (st, 1, arg, -1, SQLITE_STATIC);
  return sqlite3_step (st) == SQLITE_ROW ? bz_db_column_text_dup (st, 0) : NULL;
}

static void
ensure_members (void)
{
  if (m1.token)
    return;
  test_api_ensure_users ();
  make_member (&m1, test_api_nutri_token (), "privacy-m1@test.local");
  make_member (&m2, test_api_nutri_token (), "privacy-m2@test.local");
  make_member (&m3, test_api_nutri2_token (), "privacy-m3@test.local");
  unique_jpeg = jpeg_of_colour (0x2080C0FF);
  shared_jpeg = jpeg_of_colour (0xC02080FF);
  {
    /* Measurements of m1's own, so that its avatar's bytes are no other patient's. */
    g_autofree char *fmt = NULL, *scan = NULL;
    g_assert_nonnull (strstr (test_api_scan_body_fmt, "\"weight_kg\":88.4"));
    fmt = replace_all (test_api_scan_body_fmt, "\"weight_kg\":88.4", "\"weight_kg\":91.3");
    scan = g_strdup_printf (fmt, m1.patient_id);
    g_autoptr(BzApiResponse) s = bz_api_json (bz_api_shared (), "POST", "/api/scans/upload", test_api_nutri_token (),
                                              scan);
    assert_status (s, 201);
    m1_scan = db_text ("SELECT id FROM body_scans WHERE patient_id = ?", m1.patient_id);
  }
  m1_meal_unique = upload_meal (m1.token, unique_jpeg);
  m1_meal_shared = upload_meal (m1.token, shared_jpeg);
  m2_meal_shared = upload_meal (m2.token, shared_jpeg);
}

/* --- The export ------------------------------------------------------------------ */

/* name -> GBytes of every entry of @zip. */
static GHashTable *
read_zip (GBytes *zip)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *a = archive_read_new ();
  struct archive_entry *e;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_memory (a, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip)), ==,
                   ARCHIVE_OK);
  while (archive_read_next_header (a, &e) == ARCHIVE_OK)
    {
      GByteArray *buf = g_byte_array_new ();
      guint8 chunk[8192];
      la_ssize_t n;
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        g_byte_array_append (buf, chunk, n);
      g_assert_cmpint (n, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (e)), g_byte_array_free_to_bytes (buf));
    }
  archive_read_free (a);
  return entries;
}

static JsonArray *
entry_array (GHashTable *entries, const char *name, JsonParser *p)
{
  GBytes *b = g_hash_table_lookup (entries, name);
  g_assert_nonnull (b);
  g_assert_true (json_parser_load_from_data (p, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL));
  return json_node_get_array (json_parser_get_root (p));
}

static gboolean
array_has_id (JsonArray *a, const char *member, const char *id)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (a, i), member, NULL),
                   id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
bytes_contain (GBytes *b, const char *needle)
{
  return memmem (g_bytes_get_data (b, NULL), g_bytes_get_size (b), needle, strlen (needle)) != NULL;
}

static void
test_export (void)
{
  BzApi *api = bz_api_shared ();
  g_autoptr(BzApiResponse) r = NULL;
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(JsonParser) p = json_parser_new ();
  g_autofree char *photo = NULL;
  GHashTableIter it;
  gpointer key, value;
  JsonArray *a;
  guint glbs = 0;

  ensure_members ();
  {
    /* A consent of m1's (seed 002 §7.3.1), to find in the export with its history. */
    g_autofree char *consent = g_strdup_printf (
        "{\"data_processing\":true,\"marketing_communications\":true,\"data_sharing_partners\":false,"
        "\"privacy_notice_version\":\"%s\"}", BZ_PRIVACY_NOTICE_VERSION);
    g_autoptr(BzApiResponse) c = bz_api_json (api, "PUT", "/api/v1/privacy/consents", m1.token, consent);
    assert_status (c, 200);
  }
  r = bz_api_call (api, "POST", "/api/v1/privacy/export-data", m1.token, NULL, NULL, 0, NULL);
  assert_status (r, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "application/zip");
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (r->headers, "Content-Disposition"),
                                   "attachment; filename=\"balanza-export-"));
  g_assert_cmpstr (soup_message_headers_get_one (r->headers, "Cache-Control"), ==, "no-store");
  g_assert_null (soup_message_headers_get_one (r->headers, "ETag"));
  entries = read_zip (r->body);

  a = entry_array (entries, "profile.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "email"), ==,
                   "privacy-m1@test.local");
  g_assert_false (json_object_has_member (json_array_get_object_element (a, 0), "password_hash"));
  a = entry_array (entries, "patient.json", p);
  g_assert_true (array_has_id (a, "id", m1.patient_id));
  a = entry_array (entries, "scans.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_true (array_has_id (a, "id", m1_scan));
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (a, 0), "weight_kg"), ==, 91.3);
  a = entry_array (entries, "meals.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_true (array_has_id (a, "id", m1_meal_unique));
  g_assert_true (array_has_id (a, "id", m1_meal_shared));
  a = entry_array (entries, "meal_items.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 2);
  g_assert_true (array_has_id (a, "meal_id", m1_meal_unique));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "ndb_no"), ==, "01001");
  g_assert_nonnull (g_hash_table_lookup (entries, "manifest.json"));
  a = entry_array (entries, "consents.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 0), "data_processing"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (a, 0), "marketing_communications"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "privacy_notice_version"), ==,
                   BZ_PRIVACY_NOTICE_VERSION);
  a = entry_array (entries, "consent_history.json", p);
  g_assert_cmpuint (json_array_get_length (a), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a, 0), "user_id"), ==, m1.user_id);

  /* The photos as uploaded, byte for byte. */
  photo = g_strdup_printf ("photos/meal-%s.jpg", m1_meal_unique);
  g_assert_nonnull (g_hash_table_lookup (entries, photo));
  g_assert_true (g_bytes_equal (g_hash_table_lookup (entries, photo), unique_jpeg));
  g_free (photo);
  photo = g_strdup_printf ("photos/meal-%s.jpg", m1_meal_shared);
  g_assert_true (g_bytes_equal (g_hash_table_lookup (entries, photo), shared_jpeg));

  /* The avatar as stored (binary glTF), and nothing of m2 anywhere. */
  g_hash_table_iter_init (&it, entries);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      if (g_str_has_prefix (key, "avatars/") && g_str_has_suffix (key, ".glb"))
        {
          g_assert_true (g_str_has_prefix (g_bytes_get_data (value, NULL), "glTF"));
          glbs++;
        }
      g_assert_false (bytes_contain (value, m2.user_id));
      g_assert_false (bytes_contain (value, m2.patient_id));
      g_assert_false (bytes_contain (value, m2_meal_shared));
      g_assert_false (bytes_contain (value, "privacy-m2@test.local"));
      g_assert_false (bytes_contain (value, "$argon2"));
      g_assert_false (bytes_contain (value, m3.user_id));
      g_assert_false (bytes_contain (value, m3.patient_id));
    }
  g_assert_cmpuint (glbs, ==, 1);

  /* A nutritionist's export: their profile and what they authored, not
   * their patients' meals. */
  {
    g_autoptr(BzApiResponse) n = bz_api_call (api, "POST", "/api/v1/privacy/export-data", test_api_nutri_token (),
                                              NULL, NULL, 0, NULL);
    g_autoptr(GHashTable) ne = NULL;
    assert_status (n, 200);
    ne = read_zip (n->body);
    g_assert_cmpuint (json_array_get_length (entry_array (ne, "meals.json", p)), ==, 0);
    g_assert_cmpuint (json_array_get_length (entry_array (ne, "nutritionist_profile.json", p)), ==, 1);
    g_hash_table_iter_init (&it, ne);
    while (g_hash_table_iter_next (&it, &key, &value))
      {
        g_assert_false (g_str_has_prefix (key, "photos/meal-"));
        /* Another clinic's patient: nowhere in nutri1's export. */
        g_assert_false (bytes_contain (value, m3.user_id));
        g_assert_false (bytes_contain (value, m3.patient_id));
      }
  }
  /* No token. */
  {
    g_autoptr(BzApiResponse) u = bz_api_call (api, "POST", "/api/v1/privacy/export-data", NULL, NULL, NULL, 0, NULL);
    assert_status (u, 401);
    g_assert_cmpstr (bz_api_error_code (u), ==, "UNAUTHENTICATED");
  }
}

/* --- The deletion ---------------------------------------------------------------- */

/* What a refusal must leave as it was. */
static char *
snapshot (void)
{
  static const char *const tables[] = { "users", "blobs", "avatars", "meal_logs", "refresh_tokens", "devices",
                                        "changes", "record_access_audit", "device_tokens", "pairing_codes", NULL };
  GString *s = g_string_new (NULL);
  for (guint i = 0; tables[i]; i++)
    g_string_append_printf (s, "%s=%" G_GINT64_FORMAT " ", tables[i], bz_api_count (bz_api_shared (), tables[i]));
  {
    g_autofree char *row = db_text ("SELECT email || first_name || last_name || password_hash || is_active"
                                    " || coalesce(deleted_at, '-') FROM users WHERE id = ?", m1.user_id);
    g_autofree char *revoked = db_text ("SELECT count(*) FROM refresh_tokens WHERE revoked = 1 AND user_id = ?",
                                        m1.user_id);
    g_autofree char *photos = db_text ("SELECT count(photo_sha256) FROM meal_logs WHERE patient_id = ?",
                                       m1.patient_id);
    g_string_append_printf (s, "%s %s %s", row, revoked, photos);
  }
  return g_string_free (s, FALSE);
}

static void
refuse (const char *method, const char *path, const char *token, const char *content_type, const char *body,
        guint status, const char *code, const char *field)
{
  g_autofree char *before = snapshot (), *after = NULL;
  g_autoptr(BzApiResponse) r = bz_api_call (bz_api_shared (), method, path, token, content_type, body,
                                            body ? strlen (body) : 0, NULL);
  assert_status (r, status);
  g_assert_cmpstr (bz_api_error_code (r), ==, code);
  if (field && !bz_api_has_detail (r, field))
    g_error ("%s %s: no detail for %s: %.*s", method, path, field, (int) g_bytes_get_size (r->body),
             (const char *) g_bytes_get_data (r->body, NULL));
  after = snapshot ();
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_refusals (void)
{
  const char *json = "application/json";
  g_autofree char *m3_path = NULL, *m1_path = NULL;

  ensure_members ();
  refuse ("DELETE", "/api/v1/privacy/delete-account", NULL, json, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}",
          401, "UNAUTHENTICATED", NULL);
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "{\"confirmation\":\"delete_my_account\"}",
          400, "VALIDATION_ERROR", "confirmation");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "{}", 400, "VALIDATION_ERROR", "confirmation");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "{\"confirmation\":5}",
          400, "VALIDATION_ERROR", "confirmation");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "{\"confirmation\":\"DELETE_MY_ACCOUNT\",\"x\":1}",
          400, "VALIDATION_ERROR", "x");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "DELETE_MY_ACCOUNT", 400, "VALIDATION_ERROR",
          "body");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, json, "", 400, "VALIDATION_ERROR", "body");
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, NULL, NULL, 415, "UNSUPPORTED_MEDIA_TYPE", NULL);
  refuse ("DELETE", "/api/v1/privacy/delete-account", m1.token, "text/plain", "DELETE_MY_ACCOUNT", 415,
          "UNSUPPORTED_MEDIA_TYPE", NULL);

  /* Another clinic's patient is not found; a member may not use the desk's route. */
  m3_path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/account", m3.patient_id);
  m1_path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/account", m1.patient_id);
  refuse ("DELETE", m3_path, test_api_nutri_token (), json, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}",
          404, "NOT_FOUND", NULL);
  refuse ("DELETE", m1_path, test_api_nutri2_token (), json, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}",
          404, "NOT_FOUND", NULL);
  refuse ("DELETE", "/api/v1/nutritionist/patients/not-a-uuid/account", test_api_nutri_token (), json,
          "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}", 404, "NOT_FOUND", NULL);
  refuse ("DELETE", m1_path, m2.token, json, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}", 403, "FORBIDDEN", NULL);
  refuse ("DELETE", m1_path, test_api_nutri_token (), json, "{\"confirmation\":\"yes\"}", 400, "VALIDATION_ERROR",
          "confirmation");
}

static void
test_delete_account (void)
{
  BzApi *api = bz_api_shared ();
  g_autofree char *unique = NULL, *unique_display = NULL, *shared = NULL, *avatar = NULL, *device_token = NULL;
  g_autofree char *deleted_email = NULL;
  g_autoptr(BzApiResponse) r = NULL;
  g_autoptr(BzRealtimeClient) socket = NULL;
  JsonObject *d;

  ensure_members ();
  unique = db_text ("SELECT photo_sha256 FROM meal_logs WHERE id = ?", m1_meal_unique);
  unique_display = db_text ("SELECT photo_display_sha256 FROM meal_logs WHERE id = ?", m1_meal_unique);
  shared = db_text ("SELECT photo_sha256 FROM meal_logs WHERE id = ?", m1_meal_shared);
  avatar = db_text ("SELECT blob_sha256 FROM avatars WHERE patient_id = ?", m1.patient_id);
  g_assert_nonnull (unique);
  g_assert_nonnull (avatar);
  g_assert_cmpstr (shared, !=, unique);
  {
    g_autofree char *m2_shared = db_text ("SELECT photo_sha256 FROM meal_logs WHERE id = ?", m2_meal_shared);
    g_assert_cmpstr (m2_shared, ==, shared);
  }
  /* A paired phone of m1's. */
  {
    g_autoptr(BzApiResponse) c = bz_api_json (api, "POST", "/api/v1/devices/pairing-codes", m1.token, "{}");
    g_autofree char *body = NULL;
    g_autoptr(BzApiResponse) p = NULL;
    assert_status (c, 201);
    body = g_strdup_printf ("{\"code\":\"%s\",\"device_name\":\"Moto\",\"platform\":\"android\"}",
                            json_object_get_string_member (bz_api_data (c), "code"));
    p = bz_api_json (api, "POST", "/api/v1/devices/pair", NULL, body);
    assert_status (p, 201);
    device_token = g_strdup (json_object_get_string_member (bz_api_data (p), "access_token"));
  }

  /* m1's open WebSocket. */
  {
    g_autofree char *url = g_strdup_printf ("ws://127.0.0.1:%u/ws?token=%s", bz_server_get_port (api->server), m1.token);
    guint status = 0;
    socket = bz_realtime_client_connect (api->session, url, NULL, &status);
    g_assert_cmpuint (status, ==, 101);
    g_assert_nonnull (socket);
    g_assert_false (socket->closed);
  }

  r = bz_api_json (api, "DELETE", "/api/v1/privacy/delete-account", m1.token, "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}");
  assert_status (r, 200);
  g_assert_true (bz_realtime_client_wait_closed (socket, 10000));
  g_assert_cmpuint (socket->close_code, ==, BZ_REALTIME_CLOSE_UNAUTHENTICATED);
  d = bz_api_data (r);
  g_assert_cmpstr (json_object_get_string_member (d, "user_id"), ==, m1.user_id);
  g_assert_cmpint (json_object_get_int_member (d, "erased_files"), >=, 2);  /* the unique photo and the avatar */
  g_assert_cmpint (json_object_get_int_member (d, "revoked_sessions"), >=, 2);
  g_assert_cmpint (json_object_get_int_member (d, "revoked_devices"), ==, 1);

  /* Sign-in, the old access, refresh and device tokens: all refused. */
  {
    g_autoptr(BzApiResponse) l = login ("privacy-m1@test.local", "Member-Pass1!");
    g_autofree char *refresh = g_strdup_printf ("{\"refresh_token\":\"%s\"}", m1.refresh);
    g_autoptr(BzApiResponse) a = bz_api_json (api, "GET", "/api/nutrition/daily", m1.token, NULL);
    g_autoptr(BzApiResponse) t = bz_api_json (api, "POST", "/api/v1/auth/refresh", NULL, refresh);
    g_autoptr(BzApiResponse) dv = bz_api_json (api, "GET", "/api/nutrition/daily", device_token, NULL);
    g_autoptr(BzApiResponse) again = bz_api_json (api, "DELETE", "/api/v1/privacy/delete-account", m1.token,
                                                  "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}");
    assert_status (l, 401);
    assert_status (a, 401);
    assert_status (t, 401);
    assert_status (dv, 401);
    assert_status (again, 401);
  }
  deleted_email = g_strdup_printf ("deleted_%s@deleted.local", m1.user_id);
  {
    g_autoptr(BzApiResponse) l = login (deleted_email, "Member-Pass1!");
    assert_status (l, 401);
  }
  /* Anonymised in the store, as seed 002 §7.3.2 shows. */
  {
    g_autofree char *email = db_text ("SELECT email FROM users WHERE id = ?", m1.user_id);
    g_autofree char *names = db_text ("SELECT first_name || ' ' || last_name FROM users WHERE id = ?", m1.user_id);
    g_autofree char *hash = db_text ("SELECT password_hash FROM users WHERE id = ?", m1.user_id);
    g_autofree char *when = db_text ("SELECT deleted_at FROM users WHERE id = ?", m1.user_id);
    g_autofree char *phone = db_text ("SELECT coalesce(phone, date_of_birth, gender, 'none') FROM users WHERE id = ?",
                                      m1.user_id);
    g_assert_cmpstr (email, ==, deleted_email);
    g_assert_cmpstr (names, ==, "Deleted User");
    g_assert_cmpstr (hash, ==, "");
    g_assert_nonnull (when);
    g_assert_cmpstr (phone, ==, "none");
  }
  /* The photo only m1 had and the avatar are gone, row and file; the photo
   * m2 shares stays, and m2 still sees it. */
  {
    const char *gone[] = { unique, unique_display, avatar };
    for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
      {
        g_autofree char *row = gone[i] ? db_text ("SELECT sha256 FROM blobs WHERE sha256 = ?", gone[i]) : NULL;
        g_autofree char *path = gone[i] ? bz_blob_path (api->store, gone[i]) : NULL;
        g_assert_null (row);
        g_assert_true (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }
  {
    g_autofree char *row = db_text ("SELECT sha256 FROM blobs WHERE sha256 = ?", shared);
    g_autofree char *path = bz_blob_path (api->store, shared);
    g_autoptr(GBytes) bytes = bz_blob_get (api->store, shared, NULL, NULL);
    g_assert_cmpstr (row, ==, shared);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_true (g_bytes_equal (bytes, shared_jpeg));
  }
  /* The meals stay for the clinic's record, without their photos. */
  {
    g_autofree char *meal = db_text ("SELECT coalesce(photo_sha256, 'none') FROM meal_logs WHERE id = ?",
                                     m1_meal_unique);
    g_assert_cmpstr (meal, ==, "none");
  }

  /* The desk's route: nutri2 carries out m3's request; once only. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/nutritionist/patients/%s/account", m3.patient_id);
    g_autoptr(BzApiResponse) n = bz_api_json (api, "DELETE", path, test_api_nutri2_token (),
                                              "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}");
    g_autoptr(BzApiResponse) twice = NULL;
    g_autoptr(BzApiResponse) m = NULL;
    g_autofree char *names = NULL;
    assert_status (n, 200);
    g_assert_cmpstr (json_object_get_string_member (bz_api_data (n), "user_id"), ==, m3.user_id);
    names = db_text ("SELECT first_name || ' ' || last_name FROM users WHERE id = ?", m3.user_id);
    g_assert_cmpstr (names, ==, "Deleted User");
    {
      g_autofree char *actor = NULL;
      bz_audit_log_flush (bz_services_get_audit_log (api->services));
      actor = db_text ("SELECT actor_id FROM record_access_audit WHERE action = 'delete_account' AND patient_id = ?",
                       m3.patient_id);
      g_assert_nonnull (actor);
    }
    m = bz_api_json (api, "GET", "/api/nutrition/daily", m3.token, NULL);
    assert_status (m, 401);
    twice = bz_api_json (api, "DELETE", path, test_api_nutri2_token (), "{\"confirmation\":\"DELETE_MY_ACCOUNT\"}");
    assert_status (twice, 404);
  }
}

void
test_privacy_add_tests (void)
{
  g_test_add_func ("/api/privacy/export", test_export);
  g_test_add_func ("/api/privacy/delete-refusals", test_delete_refusals);
  g_test_add_func ("/api/privacy/delete-account", test_delete_account);
}
