/* test-foods-import.c — USDA SR28 import (bz-usda-import) failing as it
 * should: a checksum that does not match, a truncated or missing xz file, bad
 * records, a cancelled import and the default source directory; each on a
 * fresh store and a copy of the real files in data/foods/ (the import that
 * works, and the reads, are in test-foods.c). */
#include <glib/gstdio.h>
#include <lzma.h>

#include "bz-food-service.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

static char *foods_dir;

/* --- helpers ---------------------------------------------------------------- */

static gint64
count_rows (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store), sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  return sqlite3_column_int64 (st, 0);
}

static void
assert_foods_empty (BzStore *store)
{
  g_assert_false (bz_usda_is_imported (store));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM foods"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM food_nutrients"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM food_weights"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM nutrient_defs"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM food_groups"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM food_import"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM foods_fts WHERE foods_fts MATCH 'cheese'"), ==, 0);
}

/* Copies the five SR28 files of data/foods and the Spanish names into a
 * new temp dir. */
static char *
copy_sources (void)
{
  static const char *names[] = { "FD_GROUP.txt", "NUTR_DEF.txt", "FOOD_DES.txt.xz",
                                 "NUT_DATA.txt.xz", "WEIGHT.txt.xz", "es-MX-names.tsv" };
  char *dir = bz_test_tmpdir ("foods-src");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *from = g_build_filename (foods_dir, names[i], NULL);
      g_autofree char *to = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) src = g_file_new_for_path (from);
      g_autoptr(GFile) dst = g_file_new_for_path (to);
      g_file_copy (src, dst, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static BzStore *
fresh_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  BzStore *store;

  *out_dir = bz_test_tmpdir ("foods-db");
  store = bz_store_open (*out_dir, &error);
  g_assert_no_error (error);
  return store;
}

/* --- failures ------------------------------------------------------------------ */

static void
test_import_checksum_mismatch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = copy_sources ();
  g_autofree char *path = g_build_filename (src, "WEIGHT.txt.xz", NULL);
  g_autofree char *orig_xz = NULL;
  gsize orig_len, out_len = 0, in_pos = 0, out_pos = 0;
  guint64 memlimit = UINT64_MAX;
  g_autofree guint8 *plain = g_malloc (1 << 20);
  g_autofree guint8 *packed = NULL;
  char *hit;
  g_autofree char *db_dir = NULL;
  g_autoptr(BzStore) store = fresh_store (&db_dir);

  g_file_get_contents (path, &orig_xz, &orig_len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lzma_stream_buffer_decode (&memlimit, 0, NULL, (guint8 *) orig_xz, &in_pos, orig_len,
                                              plain, &out_len, 1 << 20), ==, LZMA_OK);
  hit = g_strstr_len ((char *) plain, out_len, "~^227^");   /* 01001 butter, 1 cup = 227 g */
  g_assert_nonnull (hit);
  hit[4] = '8';
  packed = g_malloc (lzma_stream_buffer_bound (out_len));
  g_assert_cmpint (lzma_easy_buffer_encode (0, LZMA_CHECK_CRC64, NULL, plain, out_len, packed, &out_pos,
                                            lzma_stream_buffer_bound (out_len)), ==, LZMA_OK);
  g_file_set_contents (path, (char *) packed, out_pos, &error);
  g_assert_no_error (error);

  g_assert_false (bz_usda_import (store, src, NULL, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "sha256"));
  assert_foods_empty (store);

  g_clear_object (&store);
  bz_test_rmdir (db_dir);
  bz_test_rmdir (src);
}

static void
write_xz (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize len = strlen (text), bound = lzma_stream_buffer_bound (len), out_pos = 0;
  g_autofree guint8 *packed = g_malloc (bound);

  g_assert_cmpint (lzma_easy_buffer_encode (0, LZMA_CHECK_CRC64, NULL, (const guint8 *) text, len,
                                            packed, &out_pos, bound), ==, LZMA_OK);
  g_file_set_contents (path, (char *) packed, out_pos, &error);
  g_assert_no_error (error);
}

/* Records that break the format or the references fail with a message that
 * names the file, the record and the field; nothing is committed. */
static void
test_import_bad_records (void)
{
  static const struct { const char *nut_data; const char *message; } cases[] = {
    { "~99999~^~208~^717^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n", "unknown NDB_No" },
    { "~01001~^~999~^717^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n", "unknown Nutr_No" },
    { "~01001~^~208~^abc^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n", "bad Nutr_Val" },
    { "~01001~^~208~^^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n", "bad Nutr_Val" },
    { "~01001~^~208~^717\r\n", "3 fields, expected 18" },
    { "~01001~^~208~^717^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n"
      "~01001~^~208~^717^16^0.074^~1~^^^^^^^^^^^11/1976^\r", "UNIQUE" },
    { "~01001~^~208~^717^16^0.074^~1~^^^^^^^^^^^11/1976^\r\n~01002~^~unterminated", "unterminated" },
  };
  g_autofree char *src = copy_sources ();
  g_autofree char *path = g_build_filename (src, "NUT_DATA.txt.xz", NULL);
  g_autofree char *db_dir = NULL;
  g_autoptr(BzStore) store = fresh_store (&db_dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      write_xz (path, cases[i].nut_data);
      g_assert_false (bz_usda_import (store, src, NULL, NULL, NULL, &error));
      g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].message);
      g_assert_nonnull (strstr (error->message, "NUT_DATA.txt"));
      assert_foods_empty (store);
      g_assert_cmpint (count_rows (store, "PRAGMA foreign_keys"), ==, 1);
    }

  g_clear_object (&store);
  bz_test_rmdir (db_dir);
  bz_test_rmdir (src);
}

static void
test_import_truncated_xz (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src = copy_sources ();
  g_autofree char *path = g_build_filename (src, "NUT_DATA.txt.xz", NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autofree char *db_dir = NULL;
  g_autoptr(BzStore) store = fresh_store (&db_dir);

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, data, len / 2, &error);
  g_assert_no_error (error);

  g_assert_false (bz_usda_import (store, src, NULL, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  assert_foods_empty (store);
  g_clear_error (&error);

  /* not xz at all */
  g_file_set_contents (path, "this is not xz\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (bz_usda_import (store, src, NULL, NULL, NULL, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_INTERNAL);
  assert_foods_empty (store);
  g_clear_error (&error);

  /* missing */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (bz_usda_import (store, src, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_foods_empty (store);

  g_clear_object (&store);
  bz_test_rmdir (db_dir);
  bz_test_rmdir (src);
}

static void
cancel_on_nutrients (const char *phase, double fraction, gpointer user_data)
{
  if (g_str_equal (phase, "nutrients") && fraction > 0.2)
    g_cancellable_cancel (user_data);
}

static void
test_import_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *db_dir = NULL;
  g_autoptr(BzStore) store = fresh_store (&db_dir);

  g_assert_false (bz_usda_import (store, foods_dir, cancel_on_nutrients, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_foods_empty (store);

  g_clear_object (&store);
  bz_test_rmdir (db_dir);
}

static void
test_default_source_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("BALANZA_FOODS_DIR"));
  g_autofree char *dir = NULL;
  g_autofree char *probe = NULL;

  g_setenv ("BALANZA_FOODS_DIR", "/nonexistent/foods", TRUE);
  dir = bz_usda_default_source_dir ();
  g_assert_cmpstr (dir, ==, "/nonexistent/foods");
  g_clear_pointer (&dir, g_free);

  g_unsetenv ("BALANZA_FOODS_DIR");
  dir = bz_usda_default_source_dir ();
  probe = g_build_filename (dir, "FOOD_DES.txt.xz", NULL);
  g_assert_true (g_file_test (probe, G_FILE_TEST_IS_REGULAR));
  if (saved)
    g_setenv ("BALANZA_FOODS_DIR", saved, TRUE);
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  foods_dir = bz_test_source_path ("data/foods");
  g_test_add_func ("/foods/import/checksum-mismatch", test_import_checksum_mismatch);
  g_test_add_func ("/foods/import/corrupt-or-missing-xz", test_import_truncated_xz);
  g_test_add_func ("/foods/import/bad-records", test_import_bad_records);
  g_test_add_func ("/foods/import/cancel", test_import_cancel);
  g_test_add_func ("/foods/default-source-dir", test_default_source_dir);
  rc = g_test_run ();
  g_free (foods_dir);
  return rc;
}
