/* bz-recipe-repo-user.c — recipes users write (seed 002 §4.5 POST /recipes):
 * the insert with ingredients, steps and photos (data/sql/012_recipe_user_photos.sql),
 * a photo's blob, and the photo URLs of a Recipe.  See bz-recipe-repo.h. */
#include "bz-recipe-repo.h"

#include "bz-json.h"
#include "bz-repo-private.h"

void
bz_recipe_repo_set_photo_urls (BzRecord *recipe, guint n_photos)
{
  const char *id = bz_record_get_string (recipe, BZ_RECIPE_ID);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < n_photos; i++)
    {
      g_autofree char *url = g_strdup_printf ("/api/v1/recipes/%s/photos/%u", id, i);
      g_strv_builder_add (b, url);
    }
  if (n_photos > 0)
    bz_record_take_string (recipe, BZ_RECIPE_MAIN_PHOTO_URL, g_strdup_printf ("/api/v1/recipes/%s/photos/0", id));
  else
    bz_record_set_null (recipe, BZ_RECIPE_MAIN_PHOTO_URL);
  bz_record_take_strv (recipe, BZ_RECIPE_GALLERY_PHOTOS, g_strv_builder_end (b));
}

/* A JSON array of @strv's strings ("[]" when empty). */
static char *
strv_json (const char *const *strv)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; strv && strv[i]; i++)
    {
      if (i)
        g_string_append_c (s, ',');
      bz_json_append_string (s, strv[i]);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

gboolean
bz_recipe_repo_insert_user (BzStore *store, BzRecord *recipe, const char *author_id,
                            const BzRecipePhotoRow *photos, guint n_photos, const char *now, GError **error)
{
  sqlite3 *db = bz_store_db (store);
  const char *id = bz_record_get_string (recipe, BZ_RECIPE_ID);
  const char *meal_type = bz_record_get_string (recipe, BZ_RECIPE_MEAL_TYPE);
  const char *meal_types[] = { meal_type, NULL };
  BzRecord *n = bz_record_get_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING);
  g_autofree char *meal_types_json = strv_json (meal_types);
  g_autofree char *dietary = strv_json (bz_record_get_strv (recipe, BZ_RECIPE_DIETARY_TAGS));
  g_autofree char *tags = strv_json (bz_record_get_strv (recipe, BZ_RECIPE_TAGS));
  g_autofree char *smae = bz_repo_smae_json (bz_record_get_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING));

  g_return_val_if_fail (id != NULL && n != NULL && author_id != NULL, FALSE);
  {
    g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
        "INSERT INTO recipes (id, catalogue_id, title, description, main_photo_sha256, author_id, is_verified,"
        " meal_type, meal_types, cuisine_type, dietary_tags, tags, difficulty, prep_time_min, cook_time_min,"
        " servings, calories, protein_g, carbs_g, fat_g, fiber_g, sodium_mg, smae_equivalents,"
        " is_published, moderation_status, photo_count, created_at, updated_at)"
        " VALUES (?1, NULL, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
        " ?15, ?16, ?17, ?18, ?19, ?20, ?21, 0, 'pending', ?22, ?23, ?23)", error);
    if (st == NULL)
      return FALSE;
    sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 2, bz_record_get_string (recipe, BZ_RECIPE_TITLE), -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 3, bz_record_get_string (recipe, BZ_RECIPE_DESCRIPTION));
    bz_db_bind_text_or_null (st, 4, n_photos > 0 ? photos[0].display_sha256 : NULL);
    sqlite3_bind_text (st, 5, author_id, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 6, meal_type, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 7, meal_types_json, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 8, bz_record_get_string (recipe, BZ_RECIPE_CUISINE_TYPE));
    sqlite3_bind_text (st, 9, dietary, -1, SQLITE_STATIC);
    sqlite3_bind_text (st, 10, tags, -1, SQLITE_STATIC);
    bz_db_bind_text_or_null (st, 11, bz_record_get_string (recipe, BZ_RECIPE_DIFFICULTY));
    sqlite3_bind_int64 (st, 12, bz_record_get_int (recipe, BZ_RECIPE_PREP_TIME_MIN));
    sqlite3_bind_int64 (st, 13, bz_record_get_int (recipe, BZ_RECIPE_COOK_TIME_MIN));
    sqlite3_bind_int64 (st, 14, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
    sqlite3_bind_double (st, 15, bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES));
    sqlite3_bind_double (st, 16, bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G));
    sqlite3_bind_double (st, 17, bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G));
    sqlite3_bind_double (st, 18, bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G));
    sqlite3_bind_double (st, 19, bz_record_get_double (n, BZ_RECIPE_NUTRITION_FIBER_G));
    sqlite3_bind_double (st, 20, bz_record_get_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG));
    sqlite3_bind_text (st, 21, smae, -1, SQLITE_STATIC);
    sqlite3_bind_int (st, 22, (int) n_photos);
    sqlite3_bind_text (st, 23, now, -1, SQLITE_STATIC);
    if (!bz_db_step_done (st, error))
      return FALSE;
  }
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      static gsize sql;
      BzRecord *item = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
          "INSERT INTO recipe_ingredients (recipe_id, position, %s) VALUES (?, ?, %?)",
          &bz_recipe_ingredient_resource, (const char *) NULL, &bz_recipe_ingredient_resource), error);
      int p = 3;
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, (int) i);
      bz_db_bind_record (st, &p, item);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INSTRUCTIONS); i++)
    {
      static gsize sql;
      BzRecord *step = bz_record_get_item (recipe, BZ_RECIPE_INSTRUCTIONS, i);
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db, bz_repo_sql_once (&sql,
          "INSERT INTO recipe_steps (recipe_id, %s) VALUES (?, %?)",
          &bz_recipe_step_resource, (const char *) NULL, &bz_recipe_step_resource), error);
      int p = 2;
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      bz_db_bind_record (st, &p, step);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(sqlite3_stmt) st = bz_db_prepare (db,
          "INSERT INTO recipe_photos (recipe_id, position, sha256, display_sha256, width, height)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_text (st, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, (int) i);
      sqlite3_bind_text (st, 3, photos[i].sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (st, 4, photos[i].display_sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 5, (int) photos[i].width);
      sqlite3_bind_int (st, 6, (int) photos[i].height);
      if (!bz_db_step_done (st, error))
        return FALSE;
    }
  return bz_store_log_change (db, "recipes", id, BZ_CHANGE_INSERT, error);
}

gboolean
bz_recipe_repo_photo (BzStore *store, const char *recipe_id, guint position, gboolean original,
                      const char *viewer_id, gboolean sees_pending, char **out_sha256, GError **error)
{
  g_autoptr(sqlite3_stmt) st = bz_db_prepare (bz_store_db (store),
      "SELECT CASE WHEN ?4 THEN p.sha256 ELSE p.display_sha256 END FROM recipe_photos p"
      " JOIN recipes r ON r.id = p.recipe_id"
      " WHERE p.recipe_id = ?1 AND p.position = ?2"
      " AND (r.is_published = 1 OR r.author_id = ?3 OR (?5 = 1 AND r.moderation_status = 'pending'))", error);
  gboolean have_row;

  *out_sha256 = NULL;
  if (st == NULL)
    return FALSE;
  sqlite3_bind_text (st, 1, recipe_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, position);
  bz_db_bind_text_or_null (st, 3, viewer_id);
  sqlite3_bind_int (st, 4, original ? 1 : 0);
  sqlite3_bind_int (st, 5, sees_pending ? 1 : 0);
  if (!bz_repo_step (st, &have_row, error))
    return FALSE;
  if (have_row)
    *out_sha256 = bz_db_column_text_dup (st, 0);
  return TRUE;
}
