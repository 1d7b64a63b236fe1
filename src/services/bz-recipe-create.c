/* bz-recipe-create.c — recipes users write (seed 002 §4.5 POST /recipes)
 * and their photos.  See bz-recipe-service.h.
 *
 * The nutrition per serving and the SMAE equivalents come from the SR28
 * ingredients exactly as the catalogue's do (bz_recipe_totals_add(), the
 * same panels of bz_recipe_repo_foods()); the dietary tags are every one
 * that holds (bz_recipe_derive_tags(), the rules the catalogue checker
 * verifies); the photos go through bz_photo_prepare() into the blob store.
 */
#include "bz-recipe-service.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-blob-store.h"
#include "bz-json.h"
#include "bz-photo.h"
#include "bz-recipe-derive.h"
#include "bz-recipe-repo.h"
#include "bz-store.h"

/* The seed's step members that Balanza does not store: the order numbers
 * the steps, and step photos and durations are not kept. */
static const char *const ignored_step_members[] = { "step_number", "photo_url", "duration_min", NULL };

/* Brings @input to the shape of a Recipe (bz_recipe_resource): steps given
 * as strings become {instruction}; an ingredient without text gets its
 * grams ("150 g").  Anything of the wrong type is left for
 * bz_resource_parse() to report. */
static void
normalize (JsonObject *input)
{
  JsonNode *node;

  if ((node = json_object_get_member (input, "instructions")) && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *steps = json_node_get_array (node);
      JsonArray *out = json_array_sized_new (json_array_get_length (steps));
      for (guint i = 0; i < json_array_get_length (steps); i++)
        {
          JsonNode *el = json_array_get_element (steps, i);
          if (JSON_NODE_HOLDS_VALUE (el) && json_node_get_value_type (el) == G_TYPE_STRING)
            {
              JsonObject *o = json_object_new ();
              json_object_set_string_member (o, "instruction", json_node_get_string (el));
              json_array_add_object_element (out, o);
              continue;
            }
          if (JSON_NODE_HOLDS_OBJECT (el))
            for (guint k = 0; ignored_step_members[k]; k++)
              if (json_object_has_member (json_node_get_object (el), ignored_step_members[k]))
                json_object_remove_member (json_node_get_object (el), ignored_step_members[k]);
          json_array_add_element (out, json_node_ref (el));
        }
      json_object_set_array_member (input, "instructions", out);
    }
  if ((node = json_object_get_member (input, "ingredients")) && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *items = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *el = json_array_get_element (items, i);
          JsonObject *o;
          JsonNode *grams;
          if (!JSON_NODE_HOLDS_OBJECT (el))
            continue;
          o = json_node_get_object (el);
          grams = json_object_get_member (o, "grams");
          if (!json_object_has_member (o, "text") && grams && JSON_NODE_HOLDS_VALUE (grams) &&
              (json_node_get_value_type (grams) == G_TYPE_DOUBLE || json_node_get_value_type (grams) == G_TYPE_INT64))
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              g_autofree char *text = NULL;
              g_ascii_formatd (buf, sizeof buf, "%g", json_node_get_double (grams));
              text = g_strconcat (buf, " g", NULL);
              json_object_set_string_member (o, "text", text);
            }
        }
    }
}

/* The tags the author claimed, canonical; a detail per unknown tag. */
static GStrv
claimed_tags (BzRecord *recipe, BzValidation *v)
{
  const char *const *tags = bz_record_get_strv (recipe, BZ_RECIPE_DIETARY_TAGS);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; tags && tags[i]; i++)
    {
      const char *id = bz_vocab_canonical (&bz_vocab_dietary_tag, tags[i]);
      if (id == NULL)
        {
          g_autofree char *msg = g_strdup_printf (
              _("Unknown dietary tag “%s”: use vegetarian, vegan, gluten_free, no_added_sugar, high_protein, "
                "high_fiber, low_fat, low_sodium or quick"), tags[i]);
          bz_validation_add (v, "dietary_tags", "invalid_choice", msg);
        }
      else
        g_strv_builder_add (b, id);
    }
  return g_strv_builder_end (b);
}

static BzRecord *
nutrition_record (const BzNutrients *per)
{
  BzRecord *n = bz_record_new (&bz_recipe_nutrition_resource);

  bz_record_set_double (n, BZ_RECIPE_NUTRITION_CALORIES, per->energy_kcal);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G, per->protein_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_CARBS_G, per->carbohydrate_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_FAT_G, per->fat_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_FIBER_G, per->fiber_g);
  bz_record_set_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG, per->sodium_mg);
  return n;
}

/* Fills nutrition, SMAE equivalents and dietary tags of @recipe from its
 * ingredients; a detail per unknown food and per claimed tag that does not
 * hold. */
static gboolean
derive (BzServices *svc, BzRecord *recipe, BzValidation *v, GError **error)
{
  guint n_items = bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS);
  g_autoptr(GPtrArray) ndb_nos = g_ptr_array_new ();
  g_autoptr(GHashTable) foods = NULL;
  g_auto(GStrv) claimed = claimed_tags (recipe, v);
  g_auto(GStrv) holds = NULL;
  BzRecipeTotals totals = { { 0 } };
  BzNutrients per;
  double smae[BZ_SMAE_N_GROUPS];
  BzRecord *s;
  guint traits = 0;
  gint64 servings = bz_record_get_int (recipe, BZ_RECIPE_SERVINGS);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (ndb_nos, (gpointer) bz_record_get_string (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i),
                                                               BZ_RECIPE_INGREDIENT_NDB_NO));
  g_ptr_array_add (ndb_nos, NULL);
  if (!bz_recipe_repo_foods (bz_services_get_store (svc), (const char *const *) ndb_nos->pdata, &foods, error))
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      BzRecord *item = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      const char *ndb = bz_record_get_string (item, BZ_RECIPE_INGREDIENT_NDB_NO);
      BzRecipeFood *food = g_hash_table_lookup (foods, ndb);

      if (food == NULL)
        {
          g_autofree char *f = g_strdup_printf ("ingredients[%u].ndb_no", i);
          bz_validation_add (v, f, "unknown_food", _("No USDA food has this number"));
          continue;
        }
      bz_record_set_string (item, BZ_RECIPE_INGREDIENT_DESCRIPTION, food->long_desc);
      bz_recipe_totals_add (&totals, food->food_group, food->long_desc, &food->per_100g,
                            bz_record_get_double (item, BZ_RECIPE_INGREDIENT_GRAMS));
      traits |= bz_food_traits (ndb, food->food_group, food->long_desc);
    }
  if (bz_validation_failed (v))
    return TRUE;

  bz_recipe_totals_per_serving (&totals, (guint) servings, &per, smae);
  bz_record_take_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING, nutrition_record (&per));
  s = bz_record_new (&bz_smae_equivalents_resource);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    bz_record_set_double (s, g, smae[g]);   /* field index = BzSmaeGroup */
  bz_record_take_object (recipe, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING, s);

  holds = bz_recipe_derive_tags (traits, &per,
                                 g_strcmp0 (bz_record_get_string (recipe, BZ_RECIPE_MEAL_TYPE), "colacion") == 0,
                                 bz_record_get_int (recipe, BZ_RECIPE_PREP_TIME_MIN) +
                                 bz_record_get_int (recipe, BZ_RECIPE_COOK_TIME_MIN));
  for (guint i = 0; claimed[i]; i++)
    if (!g_strv_contains ((const char *const *) holds, claimed[i]))
      {
        g_autofree char *msg = g_strdup_printf (
            _("The dietary tag “%s” does not hold for these ingredients and this nutrition per serving"), claimed[i]);
        bz_validation_add (v, "dietary_tags", "does_not_hold", msg);
      }
  bz_record_take_strv (recipe, BZ_RECIPE_DIETARY_TAGS, g_steal_pointer (&holds));
  return TRUE;
}

/* The photos, checked and resized; a 4xx error for the first bad one. */
static gboolean
prepare_photos (GPtrArray *photos, BzPhoto *out, GError **error)
{
  for (guint i = 0; photos && i < photos->len; i++)
    {
      g_autofree char *field = g_strdup_printf ("files[%u]", i);
      if (!bz_photo_prepare (g_ptr_array_index (photos, i), field, &out[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
store_recipe (BzServices *svc, BzRecord *recipe, const char *author_id, BzPhoto *photos, guint n_photos,
              GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *now = bz_now_iso8601 ();
  g_autoptr(GPtrArray) shas = g_ptr_array_new_with_free_func (g_free);
  BzRecipePhotoRow rows[BZ_RECIPE_MAX_PHOTOS];

  if (!bz_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_photos; i++)
    {
      char *sha = NULL, *display = NULL;
      if (!bz_blob_put (store, photos[i].original, photos[i].original_mime, &sha, error))
        goto fail;
      g_ptr_array_add (shas, sha);
      if (!bz_blob_put (store, photos[i].display, "image/jpeg", &display, error))
        goto fail;
      g_ptr_array_add (shas, display);
      rows[i] = (BzRecipePhotoRow) { sha, display, photos[i].width, photos[i].height };
    }
  if (!bz_recipe_repo_insert_user (store, recipe, author_id, rows, n_photos, now, error) ||
      !bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "recipes", bz_record_get_string (recipe, BZ_RECIPE_ID));
  return TRUE;

fail:
  bz_store_rollback (store);
  return FALSE;
}

BzRecord *
bz_recipes_create (BzServices *svc, const BzCaller *caller, JsonObject *input, GPtrArray *photos, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) recipe = NULL;
  g_autoptr(GError) local = NULL;
  BzPhoto prepared[BZ_RECIPE_MAX_PHOTOS] = { { 0 } };
  guint n_photos = photos ? photos->len : 0;
  BzRecord *stored, *created;
  gboolean ok;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  /* Seed 002 §3.3 recipes.author_type: 'patient', 'nutritionist', 'admin':
   * every role may post; moderation decides what is published. */
  if (input)
    normalize (input);
  recipe = bz_resource_parse (&bz_recipe_resource, input, NULL, &v);
  if (n_photos > BZ_RECIPE_MAX_PHOTOS)
    {
      g_autofree char *msg = g_strdup_printf (_("A recipe may have at most %d photos"), BZ_RECIPE_MAX_PHOTOS);
      bz_validation_add (&v, "files", "too_many_items", msg);
    }
  for (guint i = 0; i < n_photos; i++)
    if (g_bytes_get_size (g_ptr_array_index (photos, i)) == 0)
      {
        g_autofree char *f = g_strdup_printf ("files[%u]", i);
        bz_validation_add (&v, f, "required", _("This photo is empty"));
      }
  if (recipe && bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS) == 0)
    bz_validation_add (&v, "ingredients", "required", _("A recipe needs at least one ingredient"));
  if (recipe && bz_record_get_n_items (recipe, BZ_RECIPE_INSTRUCTIONS) == 0)
    bz_validation_add (&v, "instructions", "required", _("A recipe needs at least one step"));
  if (recipe && !bz_validation_failed (&v) && !derive (svc, recipe, &v, error))
    return NULL;
  if (!bz_validation_finish (&v, error))
    return NULL;

  {
    g_autofree char *id = g_uuid_string_random ();
    bz_record_set_string (recipe, BZ_RECIPE_ID, id);
  }
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INSTRUCTIONS); i++)
    bz_record_set_int (bz_record_get_item (recipe, BZ_RECIPE_INSTRUCTIONS, i), BZ_RECIPE_STEP_STEP_NUMBER, i + 1);

  ok = prepare_photos (photos, prepared, error) &&
       store_recipe (svc, recipe, caller->user_id, prepared, n_photos, error);
  for (guint i = 0; i < n_photos; i++)
    bz_photo_clear (&prepared[i]);
  if (!ok)
    return NULL;

  stored = bz_recipe_repo_get_visible (bz_services_get_store (svc), bz_record_get_string (recipe, BZ_RECIPE_ID),
                                       caller->user_id, TRUE, &local);
  if (stored == NULL)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "%s", _("The recipe was not stored"));
      return NULL;
    }
  created = bz_record_new (&bz_recipe_created_resource);
  bz_record_take_object (created, BZ_RECIPE_CREATED_RECIPE, stored);
  bz_record_set_string (created, BZ_RECIPE_CREATED_MODERATION_STATUS, "pending");
  return created;
}

GBytes *
bz_recipes_get_photo (BzServices *svc, const BzCaller *caller, const char *recipe_id, const char *position,
                      gboolean original, char **out_mime_type, char **out_etag, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  g_autofree char *sha = NULL;
  guint64 pos = 0;
  GBytes *bytes;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  if (recipe_id == NULL || position == NULL ||
      !g_ascii_string_to_unsigned (position, 10, 0, BZ_RECIPE_MAX_PHOTOS - 1, &pos, NULL))
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Recipe photo not found"));
      return NULL;
    }
  if (!bz_recipe_repo_photo (store, recipe_id, (guint) pos, original, caller->user_id,
                             caller->role != BZ_ROLE_PATIENT, &sha, error))
    return NULL;
  if (sha == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("Recipe photo not found"));
      return NULL;
    }
  bytes = bz_blob_get (store, sha, out_mime_type, error);
  if (bytes && out_etag)
    *out_etag = g_steal_pointer (&sha);
  return bytes;
}
