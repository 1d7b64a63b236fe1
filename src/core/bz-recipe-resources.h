/* bz-recipe-resources.h — the declarations of the recipe resources (issue 7;
 * seed 002 §3.3 social.recipes and §4.5 GET /recipes, GET /recipes/{id}).
 * See bz-resource.h for the mechanism and bz-recipe.h for the vocabularies.
 *
 * The columns are those of data/sql/006_recipes.sql.  JSON-valued columns
 * (meal_types, dietary_tags, tags, smae_equivalents), the author and the
 * nested lists are read by src/store/bz-recipe-repo.c, hence no .column.
 */
#pragma once

#include "bz-recipe.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/* Who wrote a recipe (seed 002 §4.5 "author").  The catalogue's recipes
 * are Balanza's own: bz_recipe_author_new_catalogue(). */
#define BZ_RECIPE_AUTHOR_FIELDS(F) \
  F (RECIPE_AUTHOR_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "The user's id; for the catalogue, " BZ_RECIPE_CATALOGUE_AUTHOR_ID " (Balanza, not an account)") \
  F (RECIPE_AUTHOR_USERNAME, .name = "username", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"balanza\" for the catalogue") \
  F (RECIPE_AUTHOR_FULL_NAME, .name = "full_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (RECIPE_AUTHOR_USER_TYPE, .name = "user_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_user_type, .description = "\"admin\" for the catalogue")
BZ_RESOURCE_DECLARE (bz_recipe_author, RECIPE_AUTHOR, BZ_RECIPE_AUTHOR_FIELDS)

/* Seed 002 §3.3 nutrition_per_serving, with its names (calories, carbs_g),
 * from the ingredients' SR28 values per 100 g (data/recipes/SOURCE.md). */
#define BZ_RECIPE_NUTRITION_FIELDS(F) \
  F (RECIPE_NUTRITION_CALORIES, .name = "calories", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "calories", .unit = "kcal", .description = "Energy (SR28 208)") \
  F (RECIPE_NUTRITION_PROTEIN_G, .name = "protein_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "protein_g", .unit = "g", .description = "Protein (SR28 203)") \
  F (RECIPE_NUTRITION_CARBS_G, .name = "carbs_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "carbs_g", .unit = "g", .description = "Carbohydrate by difference (SR28 205)") \
  F (RECIPE_NUTRITION_FAT_G, .name = "fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "fat_g", .unit = "g", .description = "Total lipid (SR28 204)") \
  F (RECIPE_NUTRITION_FIBER_G, .name = "fiber_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "fiber_g", .unit = "g", .description = "Total dietary fiber (SR28 291)") \
  F (RECIPE_NUTRITION_SODIUM_MG, .name = "sodium_mg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .column = "sodium_mg", .unit = "mg", .description = "Sodium (SR28 307)")
BZ_RESOURCE_DECLARE (bz_recipe_nutrition, RECIPE_NUTRITION, BZ_RECIPE_NUTRITION_FIELDS)

/* SMAE equivalents of one serving, one member per group: the names are
 * the ids of bz_smae_reference() and the fields follow BzSmaeGroup, so
 * field index = group (checked below and in tests/unit/test-recipe.c). */
#define BZ_SMAE_EQUIVALENTS_FIELDS(F) \
  F (SMAE_EQUIVALENTS_VERDURAS, .name = "verduras", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Verduras: 4 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_FRUTAS, .name = "frutas", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Frutas: 15 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_CEREALES_SIN_GRASA, .name = "cereales_sin_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Cereales y tubérculos sin grasa: 15 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_CEREALES_CON_GRASA, .name = "cereales_con_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Cereales y tubérculos con grasa: 15 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_LEGUMINOSAS, .name = "leguminosas", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Leguminosas: 8 g of protein each") \
  F (SMAE_EQUIVALENTS_AOA_MUY_BAJO, .name = "aoa_muy_bajo_aporte_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Alimentos de origen animal, muy bajo aporte de grasa: 7 g of protein each") \
  F (SMAE_EQUIVALENTS_AOA_BAJO, .name = "aoa_bajo_aporte_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Alimentos de origen animal, bajo aporte de grasa: 7 g of protein each") \
  F (SMAE_EQUIVALENTS_AOA_MODERADO, .name = "aoa_moderado_aporte_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Alimentos de origen animal, moderado aporte de grasa: 7 g of protein each") \
  F (SMAE_EQUIVALENTS_AOA_ALTO, .name = "aoa_alto_aporte_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Alimentos de origen animal, alto aporte de grasa: 7 g of protein each") \
  F (SMAE_EQUIVALENTS_LECHE_DESCREMADA, .name = "leche_descremada", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Leche descremada: 12 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_LECHE_SEMIDESCREMADA, .name = "leche_semidescremada", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Leche semidescremada: 12 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_LECHE_ENTERA, .name = "leche_entera", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Leche entera: 12 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_LECHE_CON_AZUCAR, .name = "leche_con_azucar", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Leche con azúcar: 12 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_GRASAS_SIN_PROTEINA, .name = "grasas_sin_proteina", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Aceites y grasas sin proteína: 5 g of lipids each") \
  F (SMAE_EQUIVALENTS_GRASAS_CON_PROTEINA, .name = "grasas_con_proteina", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Aceites y grasas con proteína: 5 g of lipids each") \
  F (SMAE_EQUIVALENTS_AZUCARES_SIN_GRASA, .name = "azucares_sin_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Azúcares sin grasa: 10 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_AZUCARES_CON_GRASA, .name = "azucares_con_grasa", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Azúcares con grasa: 10 g of carbohydrate each") \
  F (SMAE_EQUIVALENTS_LIBRES, .name = "libres", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "equivalents", .description = "Alimentos libres de energía: always 0 (they are not counted)")
BZ_RESOURCE_DECLARE (bz_smae_equivalents, SMAE_EQUIVALENTS, BZ_SMAE_EQUIVALENTS_FIELDS)

G_STATIC_ASSERT ((int) BZ_SMAE_EQUIVALENTS_N_FIELDS == (int) BZ_SMAE_N_GROUPS);
G_STATIC_ASSERT ((int) BZ_SMAE_EQUIVALENTS_VERDURAS == (int) BZ_SMAE_VEGETABLES);
G_STATIC_ASSERT ((int) BZ_SMAE_EQUIVALENTS_LIBRES == (int) BZ_SMAE_FREE);

/* One ingredient: a USDA SR28 food, its grams for the whole recipe and the
 * household quantity a cook reads. */
#define BZ_RECIPE_INGREDIENT_FIELDS(F) \
  F (RECIPE_INGREDIENT_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "ndb_no", .min = 1, .max = 5, .description = "USDA SR28 food number") \
  F (RECIPE_INGREDIENT_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED, .column = "grams", .min = 0.1, .max = 10000, .unit = "g", .description = "For the whole recipe (all servings); the edible portion, raw or cooked as the SR28 food says") \
  F (RECIPE_INGREDIENT_TEXT, .name = "text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "text", .min = 1, .max = 200, .description = "The household quantity in Spanish (\"2 jitomates medianos\")") \
  F (RECIPE_INGREDIENT_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The food's SR28 long description")
BZ_RESOURCE_DECLARE (bz_recipe_ingredient, RECIPE_INGREDIENT, BZ_RECIPE_INGREDIENT_FIELDS)

/* Seed 002 §3.3 instructions [{step_number, instruction, ...}]. */
#define BZ_RECIPE_STEP_FIELDS(F) \
  F (RECIPE_STEP_STEP_NUMBER, .name = "step_number", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "step_number", .description = "1, 2, ... in order") \
  F (RECIPE_STEP_INSTRUCTION, .name = "instruction", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "instruction", .min = 1, .max = 2000, .description = "In Spanish")
BZ_RESOURCE_DECLARE (bz_recipe_step, RECIPE_STEP, BZ_RECIPE_STEP_FIELDS)

/* A recipe (seed 002 §3.3, §4.5).  Lists carry the ingredients; the steps
 * only GET /recipes/{recipe_id} (instructions is OPTIONAL: absent in lists). */
#define BZ_RECIPE_FIELDS(F) \
  F (RECIPE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .column = "id", .description = "For the catalogue, a version-5 UUID of its data/recipes id (stable)") \
  F (RECIPE_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .column = "title", .min = 1, .max = 255) \
  F (RECIPE_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .column = "description", .max = 2000) \
  F (RECIPE_MAIN_PHOTO_URL, .name = "main_photo_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The first photo's display copy (GET /api/v1/recipes/{id}/photos/0); null without photos (the catalogue has none)") \
  F (RECIPE_GALLERY_PHOTOS, .name = "gallery_photos", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Every photo's URL in the order uploaded, main photo first (seed 002 §3.3 gallery_photos)") \
  F (RECIPE_AUTHOR, .name = "author", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_recipe_author_resource) \
  F (RECIPE_MODERATION_STATUS, .name = "moderation_status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .column = "moderation_status", .vocab = &bz_vocab_moderation_status, .description = "pending until reviewed (seen only by its author, nutritionists and admins), approved (published), rejected (seen by its author only)") \
  F (RECIPE_IS_VERIFIED, .name = "is_verified", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .column = "is_verified", .description = "Checked by a nutritionist; true for the catalogue (data/recipes/check-recipes.py)") \
  F (RECIPE_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .column = "meal_type", .vocab = &bz_vocab_recipe_meal_type, .description = "The recipe's first meal type (seed 002 has one); meal_types lists all") \
  F (RECIPE_MEAL_TYPES, .name = "meal_types", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Every meal type it suits (desayuno, colacion, comida, cena), meal_type first; ?meal_type= matches any") \
  F (RECIPE_CUISINE_TYPE, .name = "cuisine_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_NULLABLE, .column = "cuisine_type", .max = 20, .description = "mexicana, internacional or fusion") \
  F (RECIPE_DIETARY_TAGS, .name = "dietary_tags", .type = BZ_FIELD_STRING_ARRAY, .max = 16, .description = "vegetarian, vegan, gluten_free, no_added_sugar, high_protein, high_fiber, low_fat, low_sodium, quick: every one that holds for the ingredients and nutrition (data/recipes/SOURCE.md); a POST may name some, each must hold") \
  F (RECIPE_ALLERGENS, .name = "allergens", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Allergens of the NOM-051 / Codex CXS 1-1985 list that the ingredients are or name (gluten, crustaceans, egg, fish, peanut, soy, milk, tree_nuts; bz-recipe-derive.h): read from their SR28 descriptions, a help and not a guarantee; sulphites are never known") \
  F (RECIPE_TAGS, .name = "tags", .type = BZ_FIELD_STRING_ARRAY, .max = 16, .description = "Free Spanish labels (tradicional, económico, horneado, para llevar, bebida)") \
  F (RECIPE_DIFFICULTY, .name = "difficulty", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_NULLABLE, .column = "difficulty", .vocab = &bz_vocab_recipe_difficulty) \
  F (RECIPE_PREP_TIME_MIN, .name = "prep_time_min", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .column = "prep_time_min", .min = 0, .max = BZ_RECIPE_PREP_TIME_MAX_MIN, .unit = "min", .description = "Preparation, including soaking, marinating and cooling") \
  F (RECIPE_COOK_TIME_MIN, .name = "cook_time_min", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .column = "cook_time_min", .min = 0, .max = BZ_RECIPE_PREP_TIME_MAX_MIN, .unit = "min", .description = "On the stove or in the oven") \
  F (RECIPE_TOTAL_TIME_MIN, .name = "total_time_min", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "total_time_min", .unit = "min", .description = "prep_time_min + cook_time_min") \
  F (RECIPE_SERVINGS, .name = "servings", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .column = "servings", .min = 1, .max = 100) \
  F (RECIPE_NUTRITION_PER_SERVING, .name = "nutrition_per_serving", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_INLINE, .ref = &bz_recipe_nutrition_resource, .description = "Sum over the ingredients of grams x SR28 value per 100 g / 100, divided by servings") \
  F (RECIPE_SMAE_EQUIVALENTS_PER_SERVING, .name = "smae_equivalents_per_serving", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "Sum of each ingredient's SMAE equivalents (bz_smae_classify), divided by servings") \
  F (RECIPE_RATING_AVERAGE, .name = "rating_average", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .column = "rating_average", .description = "1 to 5; null until rated") \
  F (RECIPE_RATING_COUNT, .name = "rating_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "rating_count") \
  F (RECIPE_TRIED_COUNT, .name = "tried_count", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .column = "tried_count", .description = "Members who cooked it (0 until they can say so)") \
  F (RECIPE_CREATED_AT, .name = "created_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .column = "created_at", .description = "For the catalogue, when this database first imported it") \
  F (RECIPE_INGREDIENTS, .name = "ingredients", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_REQUIRED, .ref = &bz_recipe_ingredient_resource, .max = 50, .description = "In the order of the recipe") \
  F (RECIPE_INSTRUCTIONS, .name = "instructions", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_OPTIONAL, .ref = &bz_recipe_step_resource, .max = 50, .description = "The steps; only in GET /recipes/{recipe_id}")
BZ_RESOURCE_DECLARE (bz_recipe, RECIPE, BZ_RECIPE_FIELDS)

#define BZ_RECIPE_LIST_FIELDS(F) \
  F (RECIPE_LIST_RECIPES, .name = "recipes", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_recipe_resource, .description = "In the order of sort_by") \
  F (RECIPE_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_recipe_list, RECIPE_LIST, BZ_RECIPE_LIST_FIELDS)

/* POST /api/v1/recipes (seed 002 §4.5): multipart/form-data, documented
 * here; the text and JSON parts are validated as a Recipe (bz_recipes_create()). */
#define BZ_RECIPE_FORM_FIELDS(F) \
  F (RECIPE_FORM_TITLE, .name = "title", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 255) \
  F (RECIPE_FORM_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 2000) \
  F (RECIPE_FORM_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_recipe_meal_type) \
  F (RECIPE_FORM_CUISINE_TYPE, .name = "cuisine_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 20, .description = "mexicana, internacional or fusion") \
  F (RECIPE_FORM_DIETARY_TAGS, .name = "dietary_tags", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "A JSON array of tags, or the tags separated by commas; each must hold for the ingredients (the response carries every tag that holds)") \
  F (RECIPE_FORM_TAGS, .name = "tags", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "A JSON array of free Spanish labels, at most 16") \
  F (RECIPE_FORM_DIFFICULTY, .name = "difficulty", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_recipe_difficulty) \
  F (RECIPE_FORM_PREP_TIME_MIN, .name = "prep_time_min", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 0, .max = BZ_RECIPE_PREP_TIME_MAX_MIN, .unit = "min") \
  F (RECIPE_FORM_COOK_TIME_MIN, .name = "cook_time_min", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 0, .max = BZ_RECIPE_PREP_TIME_MAX_MIN, .unit = "min") \
  F (RECIPE_FORM_SERVINGS, .name = "servings", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 100) \
  F (RECIPE_FORM_INGREDIENTS, .name = "ingredients", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "A JSON array of {ndb_no, grams, text?} (USDA SR28 food numbers, grams for the whole recipe; text defaults to the grams), 1 to 50") \
  F (RECIPE_FORM_INSTRUCTIONS, .name = "instructions", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "A JSON array of steps: strings or {instruction} objects (the seed's step_number, photo_url and duration_min are ignored; steps are numbered in order), at most 50") \
  F (RECIPE_FORM_FILES, .name = "files", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_WRITE_ONLY, .description = "Photos, JPEG or PNG: repeat the part, at most " G_STRINGIFY (BZ_RECIPE_MAX_PHOTOS) ", 10 MB and 40 MP each; the first is the main photo. nutrition_per_serving is computed from the ingredients: a part of that name is ignored")
BZ_RESOURCE_DECLARE (bz_recipe_form, RECIPE_FORM, BZ_RECIPE_FORM_FIELDS)

#define BZ_RECIPE_CREATED_FIELDS(F) \
  F (RECIPE_CREATED_RECIPE, .name = "recipe", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_recipe_resource, .description = "As GET /recipes/{recipe_id} answers it") \
  F (RECIPE_CREATED_MODERATION_STATUS, .name = "moderation_status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_moderation_status, .description = "Always pending for a new recipe")
BZ_RESOURCE_DECLARE (bz_recipe_created, RECIPE_CREATED, BZ_RECIPE_CREATED_FIELDS)

#define BZ_RECIPE_ENVELOPE_FIELDS(F) \
  F (RECIPE_ENVELOPE_RECIPE, .name = "recipe", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_recipe_resource, .description = "With its ingredients and instructions")
BZ_RESOURCE_DECLARE (bz_recipe_envelope, RECIPE_ENVELOPE, BZ_RECIPE_ENVELOPE_FIELDS)

/**
 * bz_recipe_author_new_catalogue:
 *
 * The author of the catalogue's recipes (data/recipes): Balanza itself,
 * which has no user account: id %BZ_RECIPE_CATALOGUE_AUTHOR_ID, username
 * "balanza", full_name "Balanza", user_type "admin" (the clinic's own
 * content, as an administrator would publish it).
 *
 * Returns: (transfer full): a RecipeAuthor record.
 */
BzRecord *bz_recipe_author_new_catalogue (void);

G_END_DECLS
