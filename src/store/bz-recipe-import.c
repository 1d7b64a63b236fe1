/* bz-recipe-import.c — the recipe catalogue into the store (see bz-recipe-import.h). */
#include "bz-recipe-import.h"

#include <string.h>

#include "config.h"

#include "bz-error.h"
#include "bz-recipe-repo.h"
#include "bz-usda-import.h"
#include "bz-usda-import-private.h"

#define CATALOGUE_FILE "recipes-es-MX.json"

char *
bz_recipe_default_source (void)
{
  const char *env = g_getenv ("BALANZA_RECIPES_FILE");
  const char *const *dirs = g_get_system_data_dirs ();

  if (env && *env)
    return g_strdup (env);
  for (guint i = 0; dirs[i]; i++)
    {
      g_autofree char *probe = g_build_filename (dirs[i], "balanza", "recipes", CATALOGUE_FILE, NULL);
      if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&probe);
    }
  {
    /* The install prefix (meson install), when it is not among the data dirs. */
    g_autofree char *installed = g_build_filename (BZ_PKGDATADIR, "recipes", CATALOGUE_FILE, NULL);
    if (g_file_test (installed, G_FILE_TEST_IS_REGULAR))
      return g_steal_pointer (&installed);
  }
  return g_build_filename (BZ_SOURCE_DIR, "data", "recipes", CATALOGUE_FILE, NULL);
}

/* --- Reading the catalogue ------------------------------------------------------ */

typedef struct
{
  const char *file;      /* basename, for messages */
  guint index;           /* 0-based position of the recipe */
  const char *id;        /* its catalogue id, once known */
  GError **error;
  gboolean failed;       /* fail() was called (@error may be NULL) */
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
fail (Ctx *c, const char *field, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  c->failed = TRUE;
  g_set_error (c->error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: recipe %u (%s): %s: %s",
               c->file, c->index + 1, c->id ? c->id : "?", field, what);
  return FALSE;
}

static const char *
get_string (Ctx *c, JsonObject *o, const char *name, gboolean required)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        fail (c, name, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING || !*json_node_get_string (n))
    {
      fail (c, name, "not a non-empty string");
      return NULL;
    }
  return json_node_get_string (n);
}

static gboolean
get_int (Ctx *c, JsonObject *o, const char *name, gint64 min, gint64 max, gint64 *out)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return fail (c, name, "not an integer");
  *out = json_node_get_int (n);
  if (*out < min || *out > max)
    return fail (c, name, "%" G_GINT64_FORMAT " is not between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                 *out, min, max);
  return TRUE;
}

static JsonArray *
get_array (Ctx *c, JsonObject *o, const char *name, guint min_len)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_ARRAY (n))
    {
      fail (c, name, "not an array");
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (n)) < min_len)
    {
      fail (c, name, "fewer than %u elements", min_len);
      return NULL;
    }
  return json_node_get_array (n);
}

/* The strings of @a, or NULL (with @error) when one is not a string. */
static GStrv
strings_of (Ctx *c, JsonArray *a, const char *name)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING || !*json_node_get_string (e))
        {
          fail (c, name, "element %u is not a non-empty string", i);
          return NULL;
        }
      g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

/* Validates recipe @o and makes its Recipe record, ingredients with ndb_no,
 * grams and text; nutrition and SMAE are added once the foods are known. */
static BzRecord *
recipe_of (Ctx *c, JsonObject *o, const char **out_catalogue_id)
{
  g_autoptr(BzRecord) recipe = bz_record_new (&bz_recipe_resource);
  g_autoptr(GStrvBuilder) meal_types = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) dietary = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) free_tags = g_strv_builder_new ();
  g_auto(GStrv) types = NULL, tags = NULL, steps = NULL;
  const char *id, *name, *description, *difficulty, *cuisine, *canonical;
  JsonArray *a, *ingredients, *instructions;
  gint64 servings, prep, cook;

  if (!(id = get_string (c, o, "id", TRUE)))
    return NULL;
  c->id = id;
  if (!(name = get_string (c, o, "name", TRUE)))
    return NULL;
  description = get_string (c, o, "description", FALSE);
  if (c->failed)
    return NULL;
  if (!(a = get_array (c, o, "meal_types", 1)) || !(types = strings_of (c, a, "meal_types")))
    return NULL;
  for (guint i = 0; types[i]; i++)
    {
      if (!(canonical = bz_vocab_canonical (&bz_vocab_recipe_meal_type, types[i])))
        {
          fail (c, "meal_types", "unknown meal type \"%s\"", types[i]);
          return NULL;
        }
      g_strv_builder_add (meal_types, canonical);
    }
  if (!get_int (c, o, "servings", 1, 100, &servings) ||
      !get_int (c, o, "prep_time_min", 0, BZ_RECIPE_PREP_TIME_MAX_MIN, &prep) ||
      !get_int (c, o, "cook_time_min", 0, BZ_RECIPE_PREP_TIME_MAX_MIN, &cook))
    return NULL;
  if (!(difficulty = get_string (c, o, "difficulty", TRUE)))
    return NULL;
  if (!(canonical = bz_vocab_canonical (&bz_vocab_recipe_difficulty, difficulty)))
    {
      fail (c, "difficulty", "unknown difficulty \"%s\"", difficulty);
      return NULL;
    }
  difficulty = canonical;
  cuisine = get_string (c, o, "cuisine", FALSE);
  if (c->failed)
    return NULL;
  if (!(a = get_array (c, o, "tags", 0)) || !(tags = strings_of (c, a, "tags")))
    return NULL;
  for (guint i = 0; tags[i]; i++)
    {
      if ((canonical = bz_vocab_canonical (&bz_vocab_dietary_tag, tags[i])))
        g_strv_builder_add (dietary, canonical);
      else
        g_strv_builder_add (free_tags, tags[i]);
    }
  if (!(ingredients = get_array (c, o, "ingredients", 1)) || !(instructions = get_array (c, o, "instructions", 1)))
    return NULL;
  if (json_array_get_length (ingredients) > 50 || json_array_get_length (instructions) > 50)
    {
      fail (c, "ingredients", "more than 50 ingredients or steps");
      return NULL;
    }
  if (!(steps = strings_of (c, instructions, "instructions")))
    return NULL;

  {
    g_autofree char *name_for_id = g_strconcat ("recipe/", id, NULL);
    bz_record_take_string (recipe, BZ_RECIPE_ID, bz_recipe_uuid (name_for_id));
  }
  bz_record_set_string (recipe, BZ_RECIPE_TITLE, name);
  bz_record_set_string (recipe, BZ_RECIPE_DESCRIPTION, description);
  bz_record_take_strv (recipe, BZ_RECIPE_MEAL_TYPES, g_strv_builder_end (meal_types));
  bz_record_set_string (recipe, BZ_RECIPE_MEAL_TYPE, bz_record_get_strv (recipe, BZ_RECIPE_MEAL_TYPES)[0]);
  bz_record_set_string (recipe, BZ_RECIPE_CUISINE_TYPE, cuisine);
  bz_record_take_strv (recipe, BZ_RECIPE_DIETARY_TAGS, g_strv_builder_end (dietary));
  bz_record_take_strv (recipe, BZ_RECIPE_TAGS, g_strv_builder_end (free_tags));
  bz_record_set_string (recipe, BZ_RECIPE_DIFFICULTY, difficulty);
  bz_record_set_int (recipe, BZ_RECIPE_PREP_TIME_MIN, prep);
  bz_record_set_int (recipe, BZ_RECIPE_COOK_TIME_MIN, cook);
  bz_record_set_int (recipe, BZ_RECIPE_SERVINGS, servings);
  bz_record_set_empty_array (recipe, BZ_RECIPE_INGREDIENTS);
  for (guint i = 0; i < json_array_get_length (ingredients); i++)
    {
      JsonNode *e = json_array_get_element (ingredients, i);
      g_autofree char *field = g_strdup_printf ("ingredients[%u]", i);
      JsonObject *io;
      JsonNode *grams;
      const char *ndb, *text;
      BzRecord *item;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          fail (c, field, "not an object");
          return NULL;
        }
      io = json_node_get_object (e);
      if (!(ndb = get_string (c, io, "ndb_no", TRUE)) || !(text = get_string (c, io, "text", TRUE)))
        return NULL;
      grams = json_object_get_member (io, "grams");
      if (grams == NULL || !JSON_NODE_HOLDS_VALUE (grams) ||
          (json_node_get_value_type (grams) != G_TYPE_INT64 && json_node_get_value_type (grams) != G_TYPE_DOUBLE) ||
          !(json_node_get_double (grams) > 0))
        {
          fail (c, field, "grams is not a number above 0");
          return NULL;
        }
      item = bz_record_new (&bz_recipe_ingredient_resource);
      bz_record_set_string (item, BZ_RECIPE_INGREDIENT_NDB_NO, ndb);
      bz_record_set_double (item, BZ_RECIPE_INGREDIENT_GRAMS, json_node_get_double (grams));
      bz_record_set_string (item, BZ_RECIPE_INGREDIENT_TEXT, text);
      bz_record_append (recipe, BZ_RECIPE_INGREDIENTS, item);
    }
  bz_record_set_empty_array (recipe, BZ_RECIPE_INSTRUCTIONS);
  for (guint i = 0; steps[i]; i++)
    {
      BzRecord *step = bz_record_new (&bz_recipe_step_resource);
      bz_record_set_int (step, BZ_RECIPE_STEP_STEP_NUMBER, i + 1);
      bz_record_set_string (step, BZ_RECIPE_STEP_INSTRUCTION, steps[i]);
      bz_record_append (recipe, BZ_RECIPE_INSTRUCTIONS, step);
    }
  *out_catalogue_id = id;
  return g_steal_pointer (&recipe);
}

/* Adds nutrition_per_serving and smae_equivalents_per_serving to @recipe
 * from @foods (ndb_no -> BzRecipeFood). */
static gboolean
add_nutrition (Ctx *c, BzRecord *recipe, GHashTable *foods)
{
  BzRecipeTotals totals = { { 0 } };
  BzNutrients per;
  double smae[BZ_SMAE_N_GROUPS];
  BzRecord *n, *s;

  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      BzRecord *item = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      const char *ndb = bz_record_get_string (item, BZ_RECIPE_INGREDIENT_NDB_NO);
      BzRecipeFood *food = g_hash_table_lookup (foods, ndb);
      g_autofree char *field = g_strdup_printf ("ingredients[%u].ndb_no", i);

      if (food == NULL)
        return fail (c, field, "%s is not a USDA SR28 food", ndb);
      bz_recipe_totals_add (&totals, food->food_group, food->long_desc, &food->per_100g,
                            bz_record_get_double (item, BZ_RECIPE_INGREDIENT_GRAMS));
    }
  bz_recipe_totals_per_serving (&totals, (guint) bz_record_get_int (recipe, BZ_RECIPE_SERVINGS), &per, smae);
  n = bz_record_new (&bz_recipe_nutrition_resource);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_CALORIES, per.energy_kcal);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G, per.protein_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_CARBS_G, per.carbohydrate_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_FAT_G, per.fat_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_FIBER_G, per.fiber_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG, per.sodium_mg);
  bz_record_take_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING, n);
  s = bz_record_new (&bz_smae_equivalents_resource);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    bz_record_set_double (s, g, smae[g]);   /* field index = BzSmaeGroup */
  bz_record_take_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING, s);
  return TRUE;
}

/* --- Import ------------------------------------------------------------------ */

gboolean
bz_recipe_import (BzStore *store, const char *path, GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL, *sha256 = NULL, *stored_sha256 = NULL, *now = NULL;
  g_autofree char *file = g_path_get_basename (path);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) recipes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) catalogue_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) foods = NULL, existing = NULL, keep = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GPtrArray) ndb_nos = g_ptr_array_new ();
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Ctx c = { file, 0, NULL, error, FALSE };
  JsonNode *root;
  JsonArray *list;
  gsize len;

  g_return_val_if_fail (store != NULL && path != NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  if (!bz_recipe_repo_import_sha256 (store, file, &stored_sha256, error))
    return FALSE;
  if (g_strcmp0 (sha256, stored_sha256) == 0)
    return TRUE;
  if (!bz_usda_is_imported (store))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAVAILABLE,
                   "The USDA SR28 foods must be imported before the recipes that use them");
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, contents, len, error))
    {
      g_prefix_error (error, "%s: ", file);
      if (error && *error && (*error)->domain != BZ_ERROR)
        {
          GError *e = *error;
          *error = g_error_new_literal (BZ_ERROR, BZ_ERROR_INTERNAL, e->message);
          g_error_free (e);
        }
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s: not a JSON array of recipes", file);
      return FALSE;
    }
  list = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *e = json_array_get_element (list, i);
      const char *catalogue_id = NULL;
      BzRecord *recipe;

      c.index = i;
      c.id = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (e))
        return fail (&c, "recipe", "not an object");
      if (!(recipe = recipe_of (&c, json_node_get_object (e), &catalogue_id)))
        return FALSE;
      g_ptr_array_add (recipes, recipe);
      if (!g_hash_table_add (seen_ids, (gpointer) catalogue_id))
        return fail (&c, "id", "used by an earlier recipe");
      g_ptr_array_add (catalogue_ids, (gpointer) catalogue_id);
      for (guint k = 0; k < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); k++)
        {
          const char *ndb = bz_record_get_string (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, k),
                                                  BZ_RECIPE_INGREDIENT_NDB_NO);
          if (g_hash_table_add (wanted, (gpointer) ndb))
            g_ptr_array_add (ndb_nos, (gpointer) ndb);
        }
    }
  g_ptr_array_add (ndb_nos, NULL);
  if (!bz_recipe_repo_foods (store, (const char *const *) ndb_nos->pdata, &foods, error))
    return FALSE;
  keep = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < recipes->len; i++)
    {
      BzRecord *recipe = g_ptr_array_index (recipes, i);
      c.index = i;
      c.id = g_ptr_array_index (catalogue_ids, i);
      if (!add_nutrition (&c, recipe, foods))
        return FALSE;
      g_hash_table_add (keep, (gpointer) bz_record_get_string (recipe, BZ_RECIPE_ID));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  now = bz_now_iso8601 ();
  if (!bz_store_begin (store, error))
    return FALSE;
  if (!bz_recipe_repo_catalogue_ids (store, &existing, error))
    goto fail;
  for (guint i = 0; i < recipes->len; i++)
    {
      BzRecord *recipe = g_ptr_array_index (recipes, i);
      const char *id = bz_record_get_string (recipe, BZ_RECIPE_ID);
      if (!bz_recipe_repo_put_catalogue (store, recipe, g_ptr_array_index (catalogue_ids, i), now,
                                         !g_hash_table_contains (existing, id), error))
        {
          g_prefix_error (error, "%s: recipe %s: ", file, (const char *) g_ptr_array_index (catalogue_ids, i));
          goto fail;
        }
    }
  /* Recipe use is part of foods.plainness (the search's order). */
  if (!bz_recipe_repo_delete_catalogue_except (store, keep, &deleted, error) ||
      !bz_usda_plainness_fill (bz_store_db (store), FALSE, error) ||
      !bz_recipe_repo_record_import (store, file, sha256, recipes->len, now, error) ||
      !bz_store_commit (store, error))
    goto fail;
  g_debug ("Imported %u recipes from %s (%u removed)", recipes->len, path, deleted->len);
  for (guint i = 0; i < recipes->len; i++)
    bz_store_notify (store, "recipes", bz_record_get_string (g_ptr_array_index (recipes, i), BZ_RECIPE_ID));
  for (guint i = 0; i < deleted->len; i++)
    bz_store_notify (store, "recipes", g_ptr_array_index (deleted, i));
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}
