/* test-recipe-photos.c — a recipe a user writes, in a real SQLite file
 * (data/sql/012_recipe_user_photos.sql, bz-recipe-repo-user.c): stored
 * pending, seen only by its author and by reviewers, its photos' blobs kept
 * by the garbage collector while the recipe references them and collected
 * once it is gone. */
#include <glib/gstdio.h>

#include "bz-blob-store.h"
#include "bz-recipe-repo.h"
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

static BzRecord *
new_recipe (const char *id)
{
  BzRecord *r = bz_record_new (&bz_recipe_resource);
  BzRecord *n = bz_record_new (&bz_recipe_nutrition_resource);
  BzRecord *step = bz_record_new (&bz_recipe_step_resource);

  bz_record_set_string (r, BZ_RECIPE_ID, id);
  bz_record_set_string (r, BZ_RECIPE_TITLE, "Agua de pepino");
  bz_record_set_string (r, BZ_RECIPE_MEAL_TYPE, "colacion");
  bz_record_take_strv (r, BZ_RECIPE_DIETARY_TAGS, g_strsplit ("vegan,quick", ",", -1));
  bz_record_set_int (r, BZ_RECIPE_PREP_TIME_MIN, 5);
  bz_record_set_int (r, BZ_RECIPE_COOK_TIME_MIN, 0);
  bz_record_set_int (r, BZ_RECIPE_SERVINGS, 2);
  for (guint f = 0; f < BZ_RECIPE_NUTRITION_N_FIELDS; f++)
    bz_record_set_double (n, f, 10.0 * (f + 1));
  bz_record_take_object (r, BZ_RECIPE_NUTRITION_PER_SERVING, n);
  bz_record_set_empty_array (r, BZ_RECIPE_INGREDIENTS);
  bz_record_set_int (step, BZ_RECIPE_STEP_STEP_NUMBER, 1);
  bz_record_set_string (step, BZ_RECIPE_STEP_INSTRUCTION, "Licúa y sirve.");
  bz_record_append (r, BZ_RECIPE_INSTRUCTIONS, step);
  return r;
}

static gint64
found (BzStore *store, const char *viewer, gboolean sees_pending)
{
  BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = -1;

  q.viewer_id = viewer;
  q.viewer_sees_pending = sees_pending;
  g_assert_true (bz_recipe_repo_find (store, &q, &page, &total, &error));
  g_assert_no_error (error);
  return total;
}

static void
test_user_recipe (void)
{
  g_autofree char *dir = bz_test_tmpdir ("recipe-photos");
  g_autoptr(GError) error = NULL;
  g_autoptr(BzStore) store = bz_store_open (dir, &error);
  const char *id = "3b0f4bb4-8a3e-4c55-9d0e-2a7d7f5a9e01";
  g_autoptr(BzRecord) recipe = new_recipe (id);
  g_autofree char *orig = NULL, *disp = NULL, *sha = NULL;
  guint removed = 0;

  g_assert_no_error (error);
  g_assert_cmpint (bz_store_schema_version (store), >=, 11);
  g_assert_true (bz_db_exec (bz_store_db (store),
      "INSERT INTO users (id, email, username, password_hash, first_name, last_name, user_type, created_at, updated_at)"
      " VALUES ('u1', 'p@b.mx', 'p', 'x', 'Ana', 'Ruiz', 'patient', 'now', 'now')", &error));

  g_assert_true (bz_store_begin (store, &error));
  orig = put (store, "original bytes");
  disp = put (store, "display bytes");
  {
    BzRecipePhotoRow row = { orig, disp, 640, 480 };
    g_assert_true (bz_recipe_repo_insert_user (store, recipe, "u1", &row, 1, "2026-11-30T12:00:00Z", &error));
  }
  g_assert_true (bz_store_commit (store, &error));
  g_assert_no_error (error);

  /* Pending: not published, so nobody but its author and reviewers. */
  g_assert_null (bz_recipe_repo_get (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (bz_recipe_repo_get_visible (store, id, "u2", FALSE, &error));
  {
    g_autoptr(BzRecord) mine = bz_recipe_repo_get_visible (store, id, "u1", FALSE, &error);
    g_autoptr(BzRecord) review = bz_recipe_repo_get_visible (store, id, "u9", TRUE, &error);
    g_autofree char *main_url = g_strdup_printf ("/api/v1/recipes/%s/photos/0", id);
    g_assert_nonnull (mine);
    g_assert_nonnull (review);
    g_assert_cmpstr (bz_record_get_string (mine, BZ_RECIPE_MODERATION_STATUS), ==, "pending");
    g_assert_false (bz_record_get_boolean (mine, BZ_RECIPE_IS_VERIFIED));
    g_assert_cmpstr (bz_record_get_string (mine, BZ_RECIPE_MAIN_PHOTO_URL), ==, main_url);
    g_assert_cmpuint (g_strv_length ((GStrv) bz_record_get_strv (mine, BZ_RECIPE_GALLERY_PHOTOS)), ==, 1);
    g_assert_cmpstr (bz_record_get_string (bz_record_get_object (mine, BZ_RECIPE_AUTHOR), BZ_RECIPE_AUTHOR_FULL_NAME), ==, "Ana Ruiz");
    g_assert_cmpfloat (bz_record_get_double (bz_record_get_object (mine, BZ_RECIPE_NUTRITION_PER_SERVING),
                                             BZ_RECIPE_NUTRITION_CALORIES), ==, 10.0);
    g_assert_cmpuint (bz_record_get_n_items (mine, BZ_RECIPE_INSTRUCTIONS), ==, 1);
  }
  g_assert_cmpint (found (store, NULL, FALSE), ==, 0);
  g_assert_cmpint (found (store, "u2", FALSE), ==, 0);
  g_assert_cmpint (found (store, "u1", FALSE), ==, 1);
  g_assert_cmpint (found (store, "u9", TRUE), ==, 1);

  /* Its photo: the display copy or the original, to those who see it. */
  g_assert_true (bz_recipe_repo_photo (store, id, 0, FALSE, "u1", FALSE, &sha, &error));
  g_assert_cmpstr (sha, ==, disp);
  g_clear_pointer (&sha, g_free);
  g_assert_true (bz_recipe_repo_photo (store, id, 0, TRUE, "u9", TRUE, &sha, &error));
  g_assert_cmpstr (sha, ==, orig);
  g_clear_pointer (&sha, g_free);
  g_assert_true (bz_recipe_repo_photo (store, id, 0, FALSE, "u2", FALSE, &sha, &error));
  g_assert_null (sha);
  g_assert_true (bz_recipe_repo_photo (store, id, 1, FALSE, "u1", FALSE, &sha, &error));
  g_assert_null (sha);

  /* The collector keeps referenced blobs, and takes them once the recipe is gone. */
  g_assert_true (bz_blob_collect_garbage (store, 0, &removed, &error));
  g_assert_cmpuint (removed, ==, 0);
  g_assert_true (bz_db_exec (bz_store_db (store), "DELETE FROM recipes WHERE id = '3b0f4bb4-8a3e-4c55-9d0e-2a7d7f5a9e01'",
                             &error));
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
  g_test_add_func ("/store/recipe-photos/user-recipe", test_user_recipe);
  return g_test_run ();
}
