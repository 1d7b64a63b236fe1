/* test-encryption.c — encryption at rest (issue 9; src/store/bz-crypt.[ch],
 * bz-store-crypt.c, data/sql/035_encryption_at_rest.sql) on real files:
 * a raw read of the database file and its WAL finds no condition, allergy,
 * food restriction or clinical note text; a blob file holds no plaintext (a
 * JPEG's magic bytes absent); a ciphertext moved to another row does not
 * open; a wrong or missing key fails clearly at open; a database from before
 * encryption (schema 34, plaintext rows and blob files, no key) is sealed at
 * its next open, once; the backup carries its key. */
#define _GNU_SOURCE   /* memmem */
#include <string.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "bz-blob-store.h"
#include "bz-clinical-repo.h"
#include "bz-error.h"
#include "bz-patient-repo.h"
#include "bz-store-backup.h"
#include "bz-store-crypt.h"
#include "bz-test-util.h"

#define NOW "2026-06-01T12:00:00Z"

/* Markers no other text of the database holds. */
#define CONDITION   "Hipotiroidismo-QZX7"
#define ALLERGY     "Cacahuate-WKV3"
#define RESTRICTION "SinGluten-PLM9"
#define NOTE        "Nota-clinica-confidencial-RTB5"
#define NOTE2       "Segunda-version-de-la-nota-HJD2"
#define ALLERGY2    "Mariscos-YUN4"

static const guint8 jpeg_head[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00 };

/* The one warning a step expects, swallowed and counted (as test-blobs.c:
 * g_test_expect_message() does not see structured logging before GLib 2.80). */
static guint warned_decrypt;

static GLogWriterOutput
test_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
          g_pattern_match_simple ("*does not decrypt*", fields[i].value))
        {
          warned_decrypt++;
          return G_LOG_WRITER_HANDLED;
        }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static char *
column (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return bz_db_column_text_dup (st, 0);
}

/* Whether @path (absent: no) holds @needle anywhere. */
static gboolean
file_holds (const char *path, const void *needle, gsize n)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  return memmem (contents, len, needle, n) != NULL;
}

/* Neither the database file nor its WAL holds any of the markers. */
static void
assert_no_plaintext (const char *dir, const char *const *markers)
{
  g_autofree char *db = g_build_filename (dir, "balanza.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "balanza.db-wal", NULL);

  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  for (guint i = 0; markers[i]; i++)
    {
      g_assert_false (file_holds (db, markers[i], strlen (markers[i])));
      g_assert_false (file_holds (wal, markers[i], strlen (markers[i])));
    }
}

static void
add_users (BzStore *store)
{
  exec (store, "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
               " VALUES ('n1', 'n1@t', 'n1', 'x', 'Ana', 'Rivera', 'nutritionist', '" NOW "', '" NOW "'),"
               " ('u1', 'u1@t', 'u1', 'x', 'Luis', 'Mora', 'patient', '" NOW "', '" NOW "'),"
               " ('u2', 'u2@t', 'u2', 'x', 'Eva', 'Luna', 'patient', '" NOW "', '" NOW "')");
}

static void
add_patient (BzStore *store, const char *id, const char *user_id)
{
  g_autoptr(GError) error = NULL;
  BzPatientRecord p = { .id = id, .user_id = user_id, .nutritionist_id = "n1",
                        .health_conditions_json = "[\"" CONDITION "\"]", .allergies_json = "[\"" ALLERGY "\"]",
                        .food_restrictions_json = "[\"" RESTRICTION "\"]", .created_at = NOW };
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_patient_repo_insert (store, &p, &error));
  g_assert_no_error (error);
  g_assert_true (bz_store_commit (store, &error));
}

static void
add_note (BzStore *store, const char *id, const char *patient_id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) n = bz_record_new (&bz_clinical_note_resource);

  bz_record_set_string (n, BZ_CLINICAL_NOTE_ID, id);
  bz_record_set_string (n, BZ_CLINICAL_NOTE_PATIENT_ID, patient_id);
  bz_record_set_string (n, BZ_CLINICAL_NOTE_AUTHOR_ID, "n1");
  bz_record_set_string (n, BZ_CLINICAL_NOTE_CONSULTATION_AT, NOW);
  bz_record_set_string (n, BZ_CLINICAL_NOTE_TEXT, text);
  bz_record_set_string (n, BZ_CLINICAL_NOTE_CREATED_AT, NOW);
  bz_record_set_string (n, BZ_CLINICAL_NOTE_UPDATED_AT, NOW);
  g_assert_true (bz_clinical_repo_insert_note (store, n, &error));
  g_assert_no_error (error);
  /* the caller's record keeps its plaintext */
  g_assert_cmpstr (bz_record_get_string (n, BZ_CLINICAL_NOTE_TEXT), ==, text);
}

static void
assert_patient_reads (BzStore *store, const char *id, const char *allergy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) info = bz_patient_repo_get_basic_info (store, id, &error);
  const char *const *conditions, *const *allergies, *const *restrictions;

  g_assert_no_error (error);
  g_assert_nonnull (info);
  conditions = bz_record_get_strv (info, BZ_PATIENT_INFO_HEALTH_CONDITIONS);
  allergies = bz_record_get_strv (info, BZ_PATIENT_INFO_ALLERGIES);
  restrictions = bz_record_get_strv (info, BZ_PATIENT_INFO_FOOD_RESTRICTIONS);
  g_assert_cmpuint (g_strv_length ((char **) conditions), ==, 1);
  g_assert_cmpstr (conditions[0], ==, CONDITION);
  g_assert_cmpuint (g_strv_length ((char **) allergies), ==, 1);
  g_assert_cmpstr (allergies[0], ==, allergy);
  g_assert_cmpuint (g_strv_length ((char **) restrictions), ==, 1);
  g_assert_cmpstr (restrictions[0], ==, RESTRICTION);
}

static void
assert_note_reads (BzStore *store, const char *id, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzRecord) n = bz_clinical_repo_get_note (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (n);
  g_assert_cmpstr (bz_record_get_string (n, BZ_CLINICAL_NOTE_TEXT), ==, text);
}

/* Writes, updates and reads through the repositories; the files hold none of it. */
static void
test_clinical_fields_sealed (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-fields");
  g_autofree char *key = g_build_filename (dir, "encryption.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  const char *markers[] = { CONDITION, ALLERGY, RESTRICTION, NOTE, NOTE2, ALLERGY2, NULL };
  GStatBuf sb;

  g_assert_no_error (error);
  /* The key: beside the database, 32 bytes, 0600. */
  g_assert_cmpint (g_stat (key, &sb), ==, 0);
  g_assert_cmpint (sb.st_size, ==, 32);
  g_assert_cmpint (sb.st_mode & 0777, ==, 0600);

  add_users (store);
  add_patient (store, "p1", "u1");
  add_note (store, "c1", "p1", NOTE);
  assert_patient_reads (store, "p1", ALLERGY);
  assert_note_reads (store, "c1", NOTE);
  {
    g_autofree char *raw = column (store, "SELECT allergies FROM patients WHERE id = 'p1'");
    g_assert_true (g_str_has_prefix (raw, BZ_CRYPT_TEXT_PREFIX));
  }
  {
    g_autofree char *raw = column (store, "SELECT body FROM clinical_notes WHERE id = 'c1'");
    g_assert_true (g_str_has_prefix (raw, BZ_CRYPT_TEXT_PREFIX));
  }

  /* Updates are sealed too. */
  {
    BzPatientChanges c = { .first_name = "Luis", .last_name = "Mora", .health_conditions_json = "[\"" CONDITION "\"]",
                           .allergies_json = "[\"" ALLERGY2 "\"]", .food_restrictions_json = "[\"" RESTRICTION "\"]",
                           .activity_level = "light", .status = "active", .updated_at = NOW };
    g_autoptr(BzRecord) n = bz_clinical_repo_get_note (store, "c1", &error);
    g_assert_true (bz_store_begin (store, &error));
    g_assert_true (bz_patient_repo_update (store, "p1", &c, &error));
    g_assert_no_error (error);
    bz_record_set_string (n, BZ_CLINICAL_NOTE_TEXT, NOTE2);
    g_assert_true (bz_clinical_repo_update_note (store, n, &error));
    g_assert_no_error (error);
    g_assert_true (bz_store_commit (store, &error));
  }
  assert_patient_reads (store, "p1", ALLERGY2);
  assert_note_reads (store, "c1", NOTE2);
  {
    g_autoptr(GPtrArray) notes = NULL;
    gint64 total = 0;
    notes = bz_clinical_repo_list_notes (store, "p1", 10, 0, &total, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 1);
    g_assert_cmpstr (bz_record_get_string (g_ptr_array_index (notes, 0), BZ_CLINICAL_NOTE_TEXT), ==, NOTE2);
  }

  /* The WAL before a checkpoint, then the database after one. */
  assert_no_plaintext (dir, markers);
  bz_store_checkpoint (store);
  assert_no_plaintext (dir, markers);
  /* The check must be able to fail: the database file does hold the names. */
  {
    g_autofree char *db = g_build_filename (dir, "balanza.db", NULL);
    g_assert_true (file_holds (db, "Rivera", 6));
  }
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* A sealed value copied to another row (or column) does not open: an error, never the other row's text. */
static void
test_moved_ciphertext_refused (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-moved");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(BzRecord) info = NULL;

  g_assert_no_error (error);
  add_users (store);
  add_patient (store, "p1", "u1");
  add_patient (store, "p2", "u2");
  exec (store, "UPDATE patients SET allergies = (SELECT allergies FROM patients WHERE id = 'p1') WHERE id = 'p2'");
  info = bz_patient_repo_get_basic_info (store, "p2", &error);
  g_assert_null (info);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "does not decrypt"));
  g_clear_error (&error);
  exec (store, "UPDATE patients SET allergies = health_conditions WHERE id = 'p1'");
  g_assert_null (bz_patient_repo_get_basic_info (store, "p1", &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* Another key, or none, is refused at open with a message saying so; the right one opens. */
static void
test_wrong_key_refused (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-key");
  g_autofree char *key = g_build_filename (dir, "encryption.key", NULL);
  g_autofree char *saved = NULL, *other_key = g_build_filename (dir, "other.key", NULL);
  g_autoptr(GError) error = NULL;
  BzStore *store = bz_store_open (dir, &error);
  gsize len = 0;
  guint8 other[32];

  g_assert_no_error (error);
  add_users (store);
  add_patient (store, "p1", "u1");
  g_object_unref (store);
  g_assert_true (g_file_get_contents (key, &saved, &len, NULL));

  /* another key in the key file */
  memcpy (other, saved, sizeof other);
  other[0] ^= 0x01;
  g_assert_true (g_file_set_contents (key, (const char *) other, sizeof other, NULL));
  g_assert_null (bz_store_open (dir, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "is not the key of this database"));
  g_clear_error (&error);

  /* no key file: refused, and no new key is made */
  g_assert_cmpint (g_unlink (key), ==, 0);
  g_assert_null (bz_store_open (dir, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "is missing"));
  g_clear_error (&error);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));

  /* a key of the wrong length */
  g_assert_true (g_file_set_contents (key, "short", 5, NULL));
  g_assert_null (bz_store_open (dir, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_error (&error);

  /* the right key given elsewhere through BALANZA_KEY_FILE (balanzad --key-file) */
  g_assert_cmpint (g_unlink (key), ==, 0);
  g_assert_true (g_file_set_contents (other_key, saved, len, NULL));
  g_setenv (BZ_CRYPT_KEY_FILE_ENV, other_key, TRUE);
  store = bz_store_open (dir, &error);
  g_unsetenv (BZ_CRYPT_KEY_FILE_ENV);
  g_assert_no_error (error);
  assert_patient_reads (store, "p1", ALLERGY);
  g_object_unref (store);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  bz_test_rmdir (dir);
}

/* A key the clinic provides before the first start (balanzad --key-file) is
 * used as it is, and the database is bound to it: no new key is made. */
static void
test_provided_key_used (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-provided");
  g_autofree char *keydir = bz_test_tmpdir ("crypt-provided-key");
  g_autofree char *key = g_build_filename (keydir, "clinic.key", NULL);
  g_autofree char *default_key = g_build_filename (dir, "encryption.key", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint8 provided[32];
  BzStore *store;
  gsize len = 0;

  for (guint i = 0; i < sizeof provided; i++)
    provided[i] = (guint8) (i * 7 + 1);
  g_assert_true (g_file_set_contents (key, (const char *) provided, sizeof provided, NULL));
  g_setenv (BZ_CRYPT_KEY_FILE_ENV, key, TRUE);
  store = bz_store_open (dir, &error);
  g_assert_no_error (error);
  add_users (store);
  add_patient (store, "p1", "u1");
  g_object_unref (store);
  g_unsetenv (BZ_CRYPT_KEY_FILE_ENV);
  g_assert_false (g_file_test (default_key, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (key, &after, &len, NULL));
  g_assert_cmpmem (after, len, provided, sizeof provided);
  /* without it, the database does not open (and makes no key of its own) */
  g_assert_null (bz_store_open (dir, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_assert_false (g_file_test (default_key, G_FILE_TEST_EXISTS));
  bz_test_rmdir (dir);
  bz_test_rmdir (keydir);
}

/* Blob files hold the sealed bytes; a damaged sealed file is refused. */
static void
test_blob_sealed (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-blob");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL, back = NULL;
  g_autofree char *sha = NULL, *path = NULL, *contents = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  g_byte_array_append (jpeg, jpeg_head, sizeof jpeg_head);
  g_byte_array_append (jpeg, (const guint8 *) NOTE, strlen (NOTE));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&jpeg));
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", &sha, &error));
  g_assert_no_error (error);
  /* named by the plaintext's hash */
  {
    g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    g_assert_cmpstr (sha, ==, expected);
  }
  path = bz_blob_path (store, sha);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, ==, g_bytes_get_size (bytes) + 20);
  g_assert_true (memcmp (contents, BZ_CRYPT_BLOB_MAGIC, 4) == 0);
  g_assert_false (file_holds (path, jpeg_head, 3));
  g_assert_false (file_holds (path, NOTE, strlen (NOTE)));
  back = bz_blob_get (store, sha, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* one bit flipped in the ciphertext: refused, not served */
  contents[len / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  warned_decrypt = 0;
  g_assert_null (bz_blob_get (store, sha, NULL, &error));
  g_assert_cmpuint (warned_decrypt, ==, 1);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

/* A database as Balanza left it before encryption: plaintext rows and blob
 * file, no key and no key check (the migrations after 034 are not replayed:
 * ALTER TABLE ADD COLUMN cannot be).  The next open makes the key, seals
 * everything, and says so once. */
static void
test_legacy_sealed_at_open (void)
{
  g_autofree char *dir = bz_test_tmpdir ("crypt-legacy");
  g_autofree char *key = g_build_filename (dir, "encryption.key", NULL);
  g_autofree char *backup = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *backup_key = g_build_filename (dir, "copy.db.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (jpeg_head, sizeof jpeg_head);
  g_autofree char *sha = NULL, *path = NULL;
  const char *markers[] = { CONDITION, ALLERGY, RESTRICTION, NOTE, NULL };
  BzStore *store = bz_store_open (dir, &error);
  guint sealed = 99;

  g_assert_no_error (error);
  add_users (store);
  g_assert_true (bz_blob_put (store, bytes, "image/jpeg", &sha, &error));
  path = bz_blob_path (store, sha);
  /* what an older Balanza wrote: plaintext everywhere */
  g_assert_true (g_file_set_contents (path, (const char *) jpeg_head, sizeof jpeg_head, NULL));
  exec (store, "INSERT INTO patients (id, user_id, nutritionist_id, health_conditions, allergies, food_restrictions,"
               " created_at, updated_at) VALUES ('p1', 'u1', 'n1', '[\"" CONDITION "\"]', '[\"" ALLERGY "\"]',"
               " '[\"" RESTRICTION "\"]', '" NOW "', '" NOW "');"
               "INSERT INTO clinical_notes (id, patient_id, author_id, consultation_at, body, created_at, updated_at)"
               " VALUES ('c1', 'p1', 'n1', '" NOW "', '" NOTE "', '" NOW "', '" NOW "');"
               "DELETE FROM crypt_key_check");
  bz_store_checkpoint (store);
  g_object_unref (store);
  g_assert_cmpint (g_unlink (key), ==, 0);
  {
    g_autofree char *db = g_build_filename (dir, "balanza.db", NULL);
    g_assert_true (file_holds (db, ALLERGY, strlen (ALLERGY)));   /* the test can fail */
    g_assert_true (file_holds (path, jpeg_head, 3));
  }

  store = bz_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bz_store_schema_version (store), >=, 35);
  g_assert_true (g_file_test (key, G_FILE_TEST_EXISTS));
  assert_no_plaintext (dir, markers);
  g_assert_false (file_holds (path, jpeg_head, 3));
  assert_patient_reads (store, "p1", ALLERGY);
  assert_note_reads (store, "c1", NOTE);
  {
    g_autoptr(GBytes) back = bz_blob_get (store, sha, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, bytes));
  }
  {
    g_autofree char *done = column (store, "SELECT blobs_sealed FROM crypt_key_check WHERE id = 1");
    g_assert_cmpstr (done, ==, "1");   /* the blob pass is not repeated at the next start */
  }
  /* idempotent: nothing left to seal */
  g_assert_true (bz_store_seal_legacy (store, &sealed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sealed, ==, 0);
  g_object_unref (store);

  /* the backup carries the key; its database holds no plaintext either */
  {
    BzBackupStats stats = { 0 };
    g_autofree char *saved = NULL, *copied = NULL;
    gsize a = 0, b = 0;
    GStatBuf sb;
    g_assert_true (bz_store_backup (dir, backup, &stats, &error));
    g_assert_no_error (error);
    g_assert_true (stats.key_copied);
    g_assert_cmpuint (stats.blobs, ==, 1);
    g_assert_cmpuint (stats.blobs_missing, ==, 0);
    g_assert_true (g_file_get_contents (key, &saved, &a, NULL));
    g_assert_true (g_file_get_contents (backup_key, &copied, &b, NULL));
    g_assert_cmpmem (saved, a, copied, b);
    g_assert_cmpint (g_stat (backup_key, &sb), ==, 0);
    g_assert_cmpint (sb.st_mode & 0777, ==, 0600);
    for (guint i = 0; markers[i]; i++)
      g_assert_false (file_holds (backup, markers[i], strlen (markers[i])));
  }
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (test_writer, NULL, NULL);
  g_test_add_func ("/store/encryption/clinical-fields-sealed", test_clinical_fields_sealed);
  g_test_add_func ("/store/encryption/moved-ciphertext-refused", test_moved_ciphertext_refused);
  g_test_add_func ("/store/encryption/wrong-key-refused", test_wrong_key_refused);
  g_test_add_func ("/store/encryption/provided-key-used", test_provided_key_used);
  g_test_add_func ("/store/encryption/blob-sealed", test_blob_sealed);
  g_test_add_func ("/store/encryption/legacy-sealed-at-open", test_legacy_sealed_at_open);
  return g_test_run ();
}
