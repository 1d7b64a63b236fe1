/* test-meal-images.c — meal photos uploaded ahead of a meal, in a real SQLite
 * file (data/sql/044_meal_images.sql, bz-meal-image-repo.c): a photo is
 * attached to one meal only (compare-and-set), counted while it waits,
 * deleted once expired and not before, and its blobs are kept by the
 * collector while its row or a meal names them. */
#include <glib/gstdio.h>

#include "bz-blob-store.h"
#include "bz-meal-image-repo.h"
#include "bz-store.h"
#include "bz-test-util.h"

static char *
put (BzStore *store, const char *text)
{
  g_autoptr(GBytes) b = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  char *sha = NULL;
  g_assert_true (bz_blob_put (store, b, "image/jpeg", &sha, &error));
  g_assert_no_error (error);
  return sha;
}

static void
exec (BzStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (bz_db_exec (bz_store_db (store), sql, &error));
  g_assert_no_error (error);
}

static guint
waiting (BzStore *store, const char *owner)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;
  g_assert_true (bz_meal_image_repo_count_waiting (store, owner, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_meal_images_repo (void)
{
  g_autofree char *dir = bz_test_tmpdir ("meal-images");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  g_autofree char *orig = NULL, *disp = NULL;
  g_autoptr(BzMealImageRow) got = NULL;
  gboolean attached = FALSE, deleted = TRUE;
  guint removed = 0;

  g_assert_no_error (error);
  exec (store, "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at,"
               " updated_at) VALUES ('u1', 'p@b.mx', 'p', 'x', 'Ana', 'Ruiz', 'patient', 'now', 'now')");
  exec (store, "INSERT INTO patients (id, user_id, created_at, updated_at) VALUES ('p1', 'u1', 'now', 'now')");
  exec (store, "INSERT INTO meal_logs (id, patient_id, meal_type, eaten_at, eaten_date, detection_status, created_at)"
               " VALUES ('m1', 'p1', 'lunch', '2026-12-01T14:00:00Z', '2026-12-01', 'manual', 'now'),"
               " ('m2', 'p1', 'dinner', '2026-12-01T20:00:00Z', '2026-12-01', 'manual', 'now')");

  g_assert_true (bz_store_begin (store, &error));
  orig = put (store, "original bytes");
  disp = put (store, "display bytes");
  {
    BzMealImageRow row = { (char *) "i1", (char *) "u1", orig, disp, NULL, 640, 480, (char *) "2026-12-01T12:00:00Z",
                           (char *) "2026-12-02T12:00:00Z", NULL };
    g_assert_true (bz_meal_image_repo_insert (store, &row, &error));
  }
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (bz_meal_image_repo_get (store, "i1", &got, &error));
  g_assert_cmpstr (got->owner_id, ==, "u1");
  g_assert_cmpstr (got->mime_type, ==, "image/jpeg");
  g_assert_cmpuint (got->width, ==, 640);
  g_assert_null (got->meal_id);
  g_clear_pointer (&got, bz_meal_image_row_free);
  g_assert_false (bz_meal_image_repo_get (store, "nope", &got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (waiting (store, "u1"), ==, 1);

  /* One meal takes it; a second cannot. */
  g_assert_true (bz_meal_image_repo_attach (store, "i1", "m1", &attached, &error));
  g_assert_true (attached);
  g_assert_true (bz_meal_image_repo_attach (store, "i1", "m2", &attached, &error));
  g_assert_false (attached);
  g_assert_true (bz_meal_image_repo_get (store, "i1", &got, &error));
  g_assert_cmpstr (got->meal_id, ==, "m1");
  g_clear_pointer (&got, bz_meal_image_row_free);
  g_assert_cmpuint (waiting (store, "u1"), ==, 0);

  /* The meal takes the blobs as its photo. */
  g_assert_true (bz_store_begin (store, &error));
  g_assert_true (bz_meal_image_repo_set_meal_photo (store, "m1", orig, disp, &error));
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  /* Not expired yet: kept; expired: gone. */
  g_assert_true (bz_meal_image_repo_delete_expired (store, "i1", "2026-12-02T11:59:59Z", &deleted, &error));
  g_assert_false (deleted);
  g_assert_true (bz_meal_image_repo_delete_expired (store, "i1", "2026-12-02T12:00:00Z", &deleted, &error));
  g_assert_true (deleted);
  g_assert_no_error (error);

  /* The meal still names the blobs: the collector keeps them; then the meal goes, and so do they. */
  g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  exec (store, "DELETE FROM meal_logs WHERE id = 'm1'");
  g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  g_clear_object (&store);
  bz_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/meal-images", test_meal_images_repo);
  return g_test_run ();
}
