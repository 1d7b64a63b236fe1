/* test-clinical-repo.c — src/store/bz-clinical-repo.c on a real SQLite file:
 * last_appointment and next_appointment for a page of patients in ONE
 * statement (counted with sqlite3_trace_v2), which appointments count as a
 * visit, the order of a patient's appointments, the migration's CHECKs, and
 * feed tokens (one per nutritionist, replaced, revoked). */
#include "bz-clinical-repo.h"
#include "bz-error.h"
#include "bz-store.h"
#include "bz-test-util.h"

#define NOW "2026-06-01T12:00:00Z"
#define N_PATIENTS 40

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static void
add_appointment (BzStore *store, const char *id, const char *patient, const char *starts, const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) a = bz_record_new (&bz_appointment_resource);
  g_autofree char *uid = g_strconcat (id, "@test", NULL);

  bz_record_set_string (a, BZ_APPOINTMENT_ID, id);
  bz_record_set_string (a, BZ_APPOINTMENT_PATIENT_ID, patient);
  bz_record_set_string (a, BZ_APPOINTMENT_NUTRITIONIST_ID, "n1");
  bz_record_set_string (a, BZ_APPOINTMENT_STARTS_AT, starts);
  bz_record_set_int (a, BZ_APPOINTMENT_DURATION_MINUTES, 30);
  bz_record_set_string (a, BZ_APPOINTMENT_STATUS, status);
  bz_record_set_string (a, BZ_APPOINTMENT_UID, uid);
  bz_record_set_string (a, BZ_APPOINTMENT_CREATED_AT, NOW);
  bz_record_set_string (a, BZ_APPOINTMENT_UPDATED_AT, NOW);
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_clinical_repo_insert_appointment (store, a, &error));
  g_assert_no_error (error);
  g_assert_true (bz_store_commit (store, &error));
}

static int
count_stmt (unsigned type, void *ctx, void *p, void *x)
{
  (*(guint *) ctx)++;
  return 0;
}

static BzStore *
open_clinic (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  BzStore *store;

  *out_dir = bz_test_tmpdir ("clinical-repo");
  store = bz_store_open (*out_dir, &error);
  g_assert_no_error (error);
  exec (store, "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
               " VALUES ('n1', 'n1@t', 'n1', 'x', 'Ana', 'Rivera', 'nutritionist', '" NOW "', '" NOW "'),"
               " ('n2', 'n2@t', 'n2', 'x', 'Eva', 'Luna', 'nutritionist', '" NOW "', '" NOW "')");
  for (guint i = 0; i < N_PATIENTS; i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
          " VALUES ('u%u', 'u%u@t', 'u%u', 'x', 'Pat', 'N%u', 'patient', '" NOW "', '" NOW "');"
          "INSERT INTO patients (id, user_id, nutritionist_id, assigned_at, status, created_at, updated_at)"
          " VALUES ('p%u', 'u%u', 'n1', '" NOW "', 'active', '" NOW "', '" NOW "')", i, i, i, i, i, i);
      exec (store, sql);
    }
  return store;
}

static void
test_last_next (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_clinic (&dir);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint statements = 0;

  /* p0: a completed visit, a cancelled one and a no-show after it, a scheduled one ahead and a
   *     cancelled one sooner: last is the completed visit, next the scheduled one.
   * p1: a scheduled one in the past (due, never closed): it is the last; nothing ahead.
   * p2: an appointment exactly now is the next, not the last.
   * others: none. */
  add_appointment (store, "a1", "p0", "2026-05-01T10:00:00Z", "completed");
  add_appointment (store, "a2", "p0", "2026-05-10T10:00:00Z", "cancelled");
  add_appointment (store, "a3", "p0", "2026-05-20T10:00:00Z", "no_show");
  add_appointment (store, "a4", "p0", "2026-06-15T10:00:00Z", "scheduled");
  add_appointment (store, "a5", "p0", "2026-06-02T10:00:00Z", "cancelled");
  add_appointment (store, "a6", "p0", "2026-07-15T10:00:00Z", "scheduled");
  add_appointment (store, "b1", "p1", "2026-04-01T10:00:00Z", "scheduled");
  add_appointment (store, "c1", "p2", NOW, "scheduled");

  for (guint i = 0; i < N_PATIENTS; i++)
    {
      BzRecord *p = bz_record_new (&bz_patient_summary_resource);
      g_autofree char *id = g_strdup_printf ("p%u", i);
      bz_record_set_string (p, BZ_PATIENT_SUMMARY_ID, id);
      g_ptr_array_add (page, p);
    }
  sqlite3_trace_v2 (bz_store_db (store), SQLITE_TRACE_STMT, count_stmt, &statements);
  g_assert_true (bz_clinical_repo_fill_last_next (store, page, NOW, &error));
  sqlite3_trace_v2 (bz_store_db (store), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (statements, ==, 1);   /* one statement for 40 patients: no query per patient */

  g_assert_cmpstr (bz_record_get_string (page->pdata[0], BZ_PATIENT_SUMMARY_LAST_APPOINTMENT), ==, "2026-05-01T10:00:00Z");
  g_assert_cmpstr (bz_record_get_string (page->pdata[0], BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT), ==, "2026-06-15T10:00:00Z");
  g_assert_cmpstr (bz_record_get_string (page->pdata[1], BZ_PATIENT_SUMMARY_LAST_APPOINTMENT), ==, "2026-04-01T10:00:00Z");
  g_assert_null (bz_record_get_string (page->pdata[1], BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT));
  g_assert_null (bz_record_get_string (page->pdata[2], BZ_PATIENT_SUMMARY_LAST_APPOINTMENT));
  g_assert_cmpstr (bz_record_get_string (page->pdata[2], BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT), ==, NOW);
  for (guint i = 3; i < N_PATIENTS; i++)
    {
      g_assert_null (bz_record_get_string (page->pdata[i], BZ_PATIENT_SUMMARY_LAST_APPOINTMENT));
      g_assert_null (bz_record_get_string (page->pdata[i], BZ_PATIENT_SUMMARY_NEXT_APPOINTMENT));
    }

  /* An empty page runs nothing. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    statements = 0;
    sqlite3_trace_v2 (bz_store_db (store), SQLITE_TRACE_STMT, count_stmt, &statements);
    g_assert_true (bz_clinical_repo_fill_last_next (store, none, NOW, &error));
    sqlite3_trace_v2 (bz_store_db (store), 0, NULL, NULL);
    g_assert_cmpuint (statements, ==, 0);
  }

  /* p0's list: upcoming scheduled soonest first, then the rest latest first. */
  {
    gint64 total = 0;
    g_autoptr(GPtrArray) list = bz_clinical_repo_list_appointments (store, "p0", NULL, NOW, 10, 0, &total, &error);
    const char *want[] = { "a4", "a6", "a5", "a3", "a2", "a1" };
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 6);
    g_assert_cmpuint (list->len, ==, 6);
    for (guint i = 0; i < 6; i++)
      g_assert_cmpstr (bz_record_get_string (list->pdata[i], BZ_APPOINTMENT_ID), ==, want[i]);
    g_assert_cmpstr (bz_record_get_string (list->pdata[0], BZ_APPOINTMENT_ENDS_AT), ==, "2026-06-15T10:30:00Z");
    g_assert_cmpstr (bz_record_get_string (list->pdata[0], BZ_APPOINTMENT_PATIENT_NAME), ==, "Pat N0");
  }
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

static void
test_checks_and_tokens (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(BzStore) store = open_clinic (&dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  gboolean revoked = TRUE;

  /* The migration's CHECKs refuse what the API refuses. */
  g_assert_false (bz_db_exec (bz_store_db (store),
      "INSERT INTO appointments (id, patient_id, nutritionist_id, starts_at, duration_min, status, ics_uid, created_at, updated_at)"
      " VALUES ('x', 'p0', 'n1', '" NOW "', 481, 'scheduled', 'x@t', '" NOW "', '" NOW "')", &error));
  g_clear_error (&error);
  g_assert_false (bz_db_exec (bz_store_db (store),
      "INSERT INTO appointments (id, patient_id, nutritionist_id, starts_at, duration_min, status, ics_uid, created_at, updated_at)"
      " VALUES ('x', 'p0', 'n1', '" NOW "', 30, 'postponed', 'x@t', '" NOW "', '" NOW "')", &error));
  g_clear_error (&error);
  g_assert_false (bz_db_exec (bz_store_db (store),
      "INSERT INTO clinical_notes (id, patient_id, author_id, consultation_at, body, created_at, updated_at)"
      " VALUES ('x', 'p0', 'n1', '" NOW "', '', '" NOW "', '" NOW "')", &error));
  g_clear_error (&error);
  /* A UID is unique. */
  add_appointment (store, "a1", "p0", NOW, "scheduled");
  exec (store, "UPDATE appointments SET ics_uid = 'same' WHERE id = 'a1'");
  g_assert_false (bz_db_exec (bz_store_db (store),
      "INSERT INTO appointments (id, patient_id, nutritionist_id, starts_at, duration_min, status, ics_uid, created_at, updated_at)"
      " VALUES ('a2', 'p0', 'n1', '" NOW "', 30, 'scheduled', 'same', '" NOW "', '" NOW "')", &error));
  g_clear_error (&error);

  /* Feed tokens: one per nutritionist; a new one replaces the old; revoked, none. */
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_clinical_repo_set_feed_token (store, "n1", "hash-1", NOW, &error));
  g_assert_true (bz_clinical_repo_set_feed_token (store, "n2", "hash-2", NOW, &error));
  g_assert_true (bz_clinical_repo_set_feed_token (store, "n1", "hash-3", NOW, &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);
  owner = bz_clinical_repo_feed_owner (store, "hash-1", &error);
  g_assert_no_error (error);
  g_assert_null (owner);
  owner = bz_clinical_repo_feed_owner (store, "hash-3", &error);
  g_assert_cmpstr (owner, ==, "n1");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_clinical_repo_revoke_feed_token (store, "n1", &revoked, &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_true (revoked);
  g_clear_pointer (&owner, g_free);
  owner = bz_clinical_repo_feed_owner (store, "hash-3", &error);
  g_assert_null (owner);
  owner = bz_clinical_repo_feed_owner (store, "hash-2", &error);
  g_assert_cmpstr (owner, ==, "n2");
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_clinical_repo_revoke_feed_token (store, "n1", &revoked, &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_false (revoked);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clinical-repo/last-next", test_last_next);
  g_test_add_func ("/clinical-repo/checks-and-tokens", test_checks_and_tokens);
  return g_test_run ();
}
