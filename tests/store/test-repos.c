/* test-repos.c — the repositories of src/store where the SQL is not a plain
 * copy of what the services ran before: usernames and unique fields in one
 * statement, nested transactions, token families, patient search. */
#include <math.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-error.h"
#include "bz-patient-repo.h"
#include "bz-scan-repo.h"
#include "bz-store.h"
#include "bz-test-util.h"
#include "bz-token-repo.h"
#include "bz-user-repo.h"

#define HASH "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"

static void
add_user (BzStore *store, const char *id, const char *email, const char *username,
          const char *phone, const char *user_type, const char *license)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = bz_now_iso8601 ();
  BzUserRecord u = {
    .id = id, .email = email, .username = username, .password_hash = HASH,
    .first_name = "Ana", .last_name = "Rivera", .phone = phone, .user_type = user_type,
    .professional_license = license, .created_at = now,
  };
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_user_repo_insert (store, &u, &error));
  g_assert_no_error (error);
  g_assert_true (bz_store_commit (store, &error));
}

static gint64
count (BzStore *store, const char *sql)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, NULL);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static void
test_users (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(BzRecord) user = NULL;
  g_auto(BzUserAccount) login = { 0 };
  g_auto(BzUserAccount) none = { 0 };
  BzUserTaken flags = 0;
  gboolean any = TRUE;

  g_assert_no_error (error);
  g_assert_true (bz_user_repo_has_any (store, &any, &error));
  g_assert_false (any);

  add_user (store, "u1", "ana@test.local", "ana_rivera", "+525512345678", "nutritionist", "LIC-1");
  add_user (store, "u2", "ana2@test.local", "ana_rivera_2", NULL, "patient", NULL);
  add_user (store, "u3", "ana3@test.local", "ana_rivera_10", NULL, "patient", NULL);
  add_user (store, "u4", "x@test.local", "ana_riveras", NULL, "patient", NULL);   /* not base_… */
  add_user (store, "u5", "y@test.local", "ana", NULL, "patient", NULL);           /* shorter */
  g_assert_true (bz_user_repo_has_any (store, &any, &error));
  g_assert_true (any);
  /* Only the nutritionist got a nutritionists row; every insert is logged. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM nutritionists"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'users'"), ==, 5);

  taken = bz_user_repo_usernames_with_base (store, "ana_rivera", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (taken), ==, 3);
  g_assert_true (g_hash_table_contains (taken, "ana_rivera"));
  g_assert_true (g_hash_table_contains (taken, "ana_rivera_2"));
  g_assert_true (g_hash_table_contains (taken, "ana_rivera_10"));

  g_assert_true (bz_user_repo_find_taken (store, "ana@test.local", "+525512345678", "LIC-1", &flags, &error));
  g_assert_cmpint (flags, ==, BZ_USER_TAKEN_EMAIL | BZ_USER_TAKEN_PHONE | BZ_USER_TAKEN_LICENSE);
  g_assert_true (bz_user_repo_find_taken (store, "new@test.local", NULL, NULL, &flags, &error));
  g_assert_cmpint (flags, ==, 0);
  g_assert_true (bz_user_repo_find_taken (store, "new@test.local", "+525512345678", "LIC-2", &flags, &error));
  g_assert_cmpint (flags, ==, BZ_USER_TAKEN_PHONE);

  user = bz_user_repo_get (store, "u1", &error);
  g_assert_nonnull (user);
  g_assert_cmpstr (bz_record_get_string (user, BZ_USER_FULL_NAME), ==, "Ana Rivera");
  g_assert_cmpstr (bz_record_get_string (user, BZ_USER_USER_TYPE), ==, "nutritionist");
  g_assert_true (bz_record_has (user, BZ_USER_EMAIL_VERIFIED));
  g_assert_false (bz_record_get_boolean (user, BZ_USER_MUST_CHANGE_PASSWORD));
  g_assert_null (bz_user_repo_get (store, "nobody", &error));
  g_assert_no_error (error);

  g_assert_true (bz_user_repo_find_login (store, "ana2@test.local", &login, &error));
  g_assert_cmpstr (login.id, ==, "u2");
  g_assert_cmpstr (login.password_hash, ==, HASH);
  g_assert_true (login.is_active);
  g_assert_true (bz_user_repo_find_login (store, "nobody@test.local", &none, &error));
  g_assert_null (none.id);

  bz_test_rmdir (dir);
}

/* A nested begin inside a transaction is a savepoint: rolling it back keeps
 * the outer transaction and what it wrote before. */
static void
test_nested_transaction (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *now = bz_now_iso8601 ();
  BzUserRecord a = { .id = "a", .email = "a@test.local", .username = "a", .password_hash = HASH,
                     .first_name = "A", .last_name = "A", .user_type = "patient", .created_at = now };
  BzUserRecord b = a;
  gboolean nested = TRUE;

  b.id = "b";
  b.email = "b@test.local";
  b.username = "b";
  g_assert_true (bz_store_begin_nested (store, "bz_test", &nested, &error));
  g_assert_false (nested);
  g_assert_true (bz_user_repo_insert (store, &a, &error));
  g_assert_true (bz_store_begin_nested (store, "bz_test", &nested, &error));
  g_assert_true (nested);
  g_assert_true (bz_user_repo_insert (store, &b, &error));
  bz_store_rollback_nested (store, "bz_test", TRUE);
  g_assert_true (bz_store_commit_nested (store, "bz_test", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM users WHERE id = 'a'"), ==, 1);
  bz_test_rmdir (dir);
}

static void
test_tokens (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *now = bz_now_iso8601 ();
  g_auto(BzRefreshToken) t = { 0 };
  g_auto(BzRefreshToken) unknown = { 0 };
  g_auto(BzUserAccount) session = { 0 };
  g_auto(BzUserAccount) ended = { 0 };
  const char *ids[] = { "t1", "t2", "t3" };
  const char *families[] = { "f1", "f1", "f2" };

  add_user (store, "u1", "ana@test.local", "ana", NULL, "patient", NULL);
  g_assert_true (bz_store_begin (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *hash = g_strdup_printf ("hash-%s", ids[i]);
      BzRefreshTokenRecord r = { .id = ids[i], .user_id = "u1", .family_id = families[i],
                                 .token_hash = hash, .expires_at = "2099-01-01T00:00:00Z", .created_at = now };
      g_assert_true (bz_token_repo_insert (store, &r, &error));
    }
  g_assert_true (bz_token_repo_mark_replaced (store, "t1", "t2", &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (bz_token_repo_find (store, "hash-t1", &t, &error));
  g_assert_cmpstr (t.id, ==, "t1");
  g_assert_cmpstr (t.family_id, ==, "f1");
  g_assert_cmpstr (t.expires_at, ==, "2099-01-01T00:00:00Z");
  g_assert_true (t.revoked);
  g_assert_true (bz_token_repo_find (store, "hash-none", &unknown, &error));
  g_assert_null (unknown.id);

  /* A live token of the family keeps the session; revoking the family ends it. */
  g_assert_true (bz_user_repo_get_active (store, "u1", "f1", &session, &error));
  g_assert_cmpstr (session.id, ==, "u1");
  g_assert_cmpstr (session.user_type, ==, "patient");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_token_repo_revoke_family (store, "f1", &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_true (bz_user_repo_get_active (store, "u1", "f1", &ended, &error));
  g_assert_null (ended.id);
  g_assert_cmpint (count (store, "SELECT count(*) FROM refresh_tokens WHERE revoked = 0"), ==, 1);
  /* t1 (rotated) and t2 (family revoked): one update row each. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM changes WHERE table_name = 'refresh_tokens'"
                                 " AND op = 'update'"), ==, 2);
  bz_test_rmdir (dir);
}

/* The revocation check of every signed-in request (bz_user_repo_get_active()
 * with a session) reads one covering index of refresh_tokens (migration
 * 050), and a family's lookups still find their index. */
static void
test_session_check_plan (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  const char *const checks[][2] = {
    { "EXPLAIN QUERY PLAN SELECT 1 FROM refresh_tokens r WHERE r.family_id = ?2 AND r.user_id = ?1 AND r.revoked = 0",
      "COVERING INDEX idx_refresh_tokens_session" },
    { "EXPLAIN QUERY PLAN SELECT id FROM refresh_tokens WHERE family_id = ? AND revoked = 0",
      "INDEX idx_refresh_tokens_session" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), checks[i][0], &error);
      g_autoptr(GString) plan = g_string_new (NULL);

      g_assert_no_error (error);
      while (sqlite3_step (st) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (st, 3));
      g_assert_nonnull (strstr (plan->str, checks[i][1]));
    }
  bz_test_rmdir (dir);
}

/* Search text reaches LIKE with its wildcards escaped. */
static void
test_patient_search (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(GPtrArray) all = NULL, literal = NULL, none = NULL;
  gint64 total = -1;

  add_user (store, "n1", "n@test.local", "n", NULL, "nutritionist", "LIC-9");
  add_user (store, "p1", "p_1@test.local", "p1", NULL, "patient", NULL);
  add_user (store, "p2", "px1@test.local", "p2", NULL, "patient", NULL);
  g_assert_true (bz_store_begin (store, &error));
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("pat%u", i), *user = g_strdup_printf ("p%u", i);
      BzPatientRecord p = { .id = id, .user_id = user, .nutritionist_id = "n1",
                            .health_conditions_json = "[]", .allergies_json = "[]", .created_at = now };
      g_assert_true (bz_patient_repo_insert (store, &p, &error));
    }
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  all = bz_patient_repo_list (store, "n1", "all", NULL, 10, 0, &total, &error);
  g_assert_cmpint (total, ==, 2);
  g_assert_cmpuint (all->len, ==, 2);
  literal = bz_patient_repo_list (store, "n1", "active", "P_1", 10, 0, &total, &error);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (literal, 0), BZ_PATIENT_SUMMARY_ID), ==, "pat1");
  none = bz_patient_repo_list (store, "n1", "graduated", NULL, 10, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 0);

  g_assert_null (bz_patient_repo_id_if_assigned (store, "pat1", "p2", &error));
  g_assert_no_error (error);
  {
    g_autofree char *mine = bz_patient_repo_id_if_assigned (store, "pat1", "n1", &error);
    g_autofree char *self = bz_patient_repo_id_of_user (store, "p2", &error);
    g_assert_cmpstr (mine, ==, "pat1");
    g_assert_cmpstr (self, ==, "pat2");
  }
  bz_test_rmdir (dir);
}

/* Names are found without their accents or case and listed in Spanish
 * alphabetical order (bz-text.h): "garcia" finds García, Gómez comes
 * before Gutiérrez, Núñez after Nunez and before Ochoa. */
static void
test_patient_search_spanish (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *now = bz_now_iso8601 ();
  static const char *const last[] = { "Ochoa", "Gutiérrez", "Núñez", "García", "Gómez", "Nunez", "Álvarez", "Chávez", "Cruz" };
  static const char *const sorted[] = { "Álvarez", "Chávez", "Cruz", "García", "Gómez", "Gutiérrez", "Nunez", "Núñez", "Ochoa" };
  g_autoptr(GPtrArray) all = NULL, garcia = NULL, nunez = NULL, upper = NULL;
  gint64 total = -1;

  add_user (store, "n1", "n@test.local", "n", NULL, "nutritionist", "LIC-9");
  g_assert_true (bz_store_begin (store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (last); i++)
    {
      g_autofree char *id = g_strdup_printf ("pat%u", i), *user = g_strdup_printf ("u%u", i);
      g_autofree char *email = g_strdup_printf ("u%u@test.local", i);
      BzUserRecord u = { .id = user, .email = email, .username = user, .password_hash = HASH,
                         .first_name = "Ana", .last_name = last[i], .user_type = "patient", .created_at = now };
      BzPatientRecord p = { .id = id, .user_id = user, .nutritionist_id = "n1",
                            .health_conditions_json = "[]", .allergies_json = "[]", .created_at = now };
      g_assert_true (bz_user_repo_insert (store, &u, &error));
      g_assert_true (bz_patient_repo_insert (store, &p, &error));
    }
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  all = bz_patient_repo_list (store, "n1", "all", NULL, 20, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (sorted));
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *want = g_strdup_printf ("Ana %s", sorted[i]);
      g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (all, i), BZ_PATIENT_SUMMARY_FULL_NAME), ==, want);
    }

  garcia = bz_patient_repo_list (store, "n1", "all", "garcia", 20, 0, &total, &error);
  g_assert_cmpint (total, ==, 1);
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (garcia, 0), BZ_PATIENT_SUMMARY_FULL_NAME), ==, "Ana García");
  /* Both spellings of Nunez/Núñez answer either search, in order. */
  nunez = bz_patient_repo_list (store, "n1", "all", "NÚÑEZ", 20, 0, &total, &error);
  g_assert_cmpint (total, ==, 2);
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (nunez, 0), BZ_PATIENT_SUMMARY_FULL_NAME), ==, "Ana Nunez");
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (nunez, 1), BZ_PATIENT_SUMMARY_FULL_NAME), ==, "Ana Núñez");
  upper = bz_patient_repo_list (store, "n1", "all", "ana álv", 20, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 1);
  bz_test_rmdir (dir);
}

static BzRecord *
new_scan (const char *id, const char *measured_at, double weight_kg, double waist_cm)
{
  BzRecord *scan = bz_record_new (&bz_scan_resource);
  BzRecord *circ = bz_record_new (&bz_circumferences_resource);

  bz_record_set_string (scan, BZ_SCAN_ID, id);
  bz_record_set_string (scan, BZ_SCAN_PATIENT_ID, "pat1");
  bz_record_set_string (scan, BZ_SCAN_MEASURED_AT, measured_at);
  bz_record_set_string (scan, BZ_SCAN_SEX, "male");
  bz_record_set_double (scan, BZ_SCAN_AGE, 41);
  bz_record_set_double (scan, BZ_SCAN_HEIGHT_CM, 175);
  bz_record_set_double (scan, BZ_SCAN_WEIGHT_KG, weight_kg);
  bz_record_set_double (scan, BZ_SCAN_BODY_FAT_PERCENT, 27.5);
  bz_record_set_double (scan, BZ_SCAN_SKELETAL_MUSCLE_MASS_KG, 33.1);
  bz_record_set_double (circ, BZ_CIRCUMFERENCES_WAIST, waist_cm);
  bz_record_set_double (circ, BZ_CIRCUMFERENCES_NECK, 40);
  bz_record_take_object (scan, BZ_SCAN_CIRCUMFERENCES_CM, circ);
  return scan;
}

/* Scans and avatars as records: only the measured circumferences stored and
 * read back, the BMI computed, avatars numbered per patient; the patient's
 * list row and basic info from them. */
static void
test_scans (void)
{
  g_autofree char *dir = bz_test_tmpdir ("repos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *now = bz_now_iso8601 ();
  g_autofree char *sha = NULL;
  g_autoptr(GBytes) glb = g_bytes_new_static ("glTF-not-really", 15);
  g_autoptr(BzRecord) got = NULL;
  g_autoptr(GPtrArray) list = NULL, history = NULL;
  g_autoptr(GPtrArray) patients = NULL;
  g_autoptr(BzRecord) info = NULL;
  BzPatientRecord p = { .id = "pat1", .user_id = "p1", .nutritionist_id = "n1",
                        .has_target_weight = TRUE, .target_weight_kg = 80,
                        .health_conditions_json = "[\"asthma\"]", .allergies_json = "[]", .created_at = now };
  BzRecord *circ, *avatar, *summary;
  gint64 total = 0;

  add_user (store, "n1", "n@test.local", "n", NULL, "nutritionist", "LIC-9");
  add_user (store, "p1", "p@test.local", "p", NULL, "patient", NULL);
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_patient_repo_insert (store, &p, &error));
  g_assert_true (bz_blob_put (store, glb, "model/gltf-binary", &sha, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i + 1), *avatar_id = g_strdup_printf ("a%u", i + 1);
      g_autoptr(BzRecord) scan = new_scan (id, i == 0 ? "2026-01-05T09:00:00Z" : "2026-03-05T09:00:00Z",
                                           i == 0 ? 88.4 : 86.0, i == 0 ? 98 : 95.5);
      g_autoptr(BzRecord) a = bz_record_new (&bz_avatar_resource);
      bz_record_set_string (a, BZ_AVATAR_ID, avatar_id);
      bz_record_set_int (a, BZ_AVATAR_SIZE_BYTES, 15);
      bz_record_set_string (a, BZ_AVATAR_ETAG, sha);
      bz_record_set_int (a, BZ_AVATAR_VERTEX_COUNT, 1234);
      bz_record_set_string (a, BZ_AVATAR_PROVIDER_NAME, "local");
      g_assert_true (bz_scan_repo_insert (store, scan, "n1", now, &error));
      g_assert_true (bz_scan_repo_insert_avatar (store, a, id, "pat1", now, &error));
      g_assert_cmpint (bz_record_get_int (a, BZ_AVATAR_VERSION), ==, i + 1);
    }
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count(*) FROM body_scans"
                                 " WHERE circumferences_cm = '{\"neck\":40,\"waist\":98}'"), ==, 1);

  got = bz_scan_repo_get (store, "s1", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bz_record_get_double (got, BZ_SCAN_AGE), ==, 41);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (got, BZ_SCAN_BMI),
                                  round (88.4 / (1.75 * 1.75) * 10) / 10, 1e-9);
  circ = bz_record_get_object (got, BZ_SCAN_CIRCUMFERENCES_CM);
  g_assert_cmpfloat (bz_record_get_double (circ, BZ_CIRCUMFERENCES_WAIST), ==, 98);
  g_assert_false (bz_record_has (circ, BZ_CIRCUMFERENCES_CHEST));
  avatar = bz_record_get_object (got, BZ_SCAN_AVATAR);
  g_assert_cmpint (bz_record_get_int (avatar, BZ_AVATAR_VERSION), ==, 1);
  g_assert_cmpstr (bz_record_get_string (avatar, BZ_AVATAR_URL), ==, "/api/v1/avatars/a1.glb");
  g_assert_cmpstr (bz_record_get_string (avatar, BZ_AVATAR_ETAG), ==, sha);
  g_assert_null (bz_scan_repo_get (store, "nope", &error));
  g_assert_no_error (error);

  list = bz_scan_repo_list (store, "pat1", &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (list, 0), BZ_SCAN_ID), ==, "s2");
  history = bz_scan_repo_progress (store, "pat1", &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (history, 0), BZ_METRICS_SCAN_ID), ==, "s1");
  circ = bz_record_get_object (g_ptr_array_index (history, 1), BZ_METRICS_CIRCUMFERENCES_CM);
  g_assert_cmpfloat (bz_record_get_double (circ, BZ_CIRCUMFERENCES_WAIST), ==, 95.5);

  /* The patient's figures from the scans: newest weight, progress from the
   * first toward the target, count. */
  patients = bz_patient_repo_list (store, "n1", "active", NULL, 10, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, ==, 1);
  summary = g_ptr_array_index (patients, 0);
  g_assert_cmpstr (bz_record_get_string (summary, BZ_PATIENT_SUMMARY_FULL_NAME), ==, "Ana Rivera");
  g_assert_cmpstr (bz_record_get_string (summary, BZ_PATIENT_SUMMARY_EMAIL), ==, "p@test.local");
  g_assert_cmpfloat (bz_record_get_double (summary, BZ_PATIENT_SUMMARY_CURRENT_WEIGHT_KG), ==, 86.0);
  g_assert_cmpfloat_with_epsilon (bz_record_get_double (summary, BZ_PATIENT_SUMMARY_PROGRESS_PERCENTAGE),
                                  28.6, 1e-9);
  g_assert_cmpint (bz_record_get_int (summary, BZ_PATIENT_SUMMARY_SCAN_COUNT), ==, 2);
  g_assert_false (bz_record_has (summary, BZ_PATIENT_SUMMARY_PHOTO_URL));

  info = bz_patient_repo_get_basic_info (store, "pat1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_FULL_NAME), ==, "Ana Rivera");
  g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_NUTRITIONIST_ID), ==, "n1");
  g_assert_cmpstr (bz_record_get_string (info, BZ_PATIENT_INFO_ACTIVITY_LEVEL), ==, "light");
  g_assert_cmpfloat (bz_record_get_double (info, BZ_PATIENT_INFO_TARGET_WEIGHT_KG), ==, 80);
  g_assert_cmpstrv (bz_record_get_strv (info, BZ_PATIENT_INFO_HEALTH_CONDITIONS), ((const char *[]) { "asthma", NULL }));
  g_assert_cmpuint (g_strv_length ((GStrv) bz_record_get_strv (info, BZ_PATIENT_INFO_ALLERGIES)), ==, 0);
  g_assert_null (bz_patient_repo_get_basic_info (store, "nope", &error));
  g_assert_no_error (error);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/repos/users", test_users);
  g_test_add_func ("/repos/nested-transaction", test_nested_transaction);
  g_test_add_func ("/repos/tokens", test_tokens);
  g_test_add_func ("/repos/session-check-plan", test_session_check_plan);
  g_test_add_func ("/repos/patient-search", test_patient_search);
  g_test_add_func ("/repos/patient-search-spanish", test_patient_search_spanish);
  g_test_add_func ("/repos/scans-and-patient", test_scans);
  return g_test_run ();
}
