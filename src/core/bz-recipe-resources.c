/* bz-recipe-resources.c — the tables of bz-recipe-resources.h. */
#include "bz-recipe-resources.h"

BZ_RESOURCE_DEFINE (bz_recipe_author, RECIPE_AUTHOR, "RecipeAuthor", "Who wrote a recipe", BZ_RECIPE_AUTHOR_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_nutrition, RECIPE_NUTRITION, "RecipeNutrition", "Nutrients of one serving (USDA SR28)", BZ_RECIPE_NUTRITION_FIELDS)
BZ_RESOURCE_DEFINE (bz_smae_equivalents, SMAE_EQUIVALENTS, "SmaeEquivalents",
                    "Equivalents per group of the Sistema Mexicano de Alimentos Equivalentes, 4th ed. (2014)", BZ_SMAE_EQUIVALENTS_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_ingredient, RECIPE_INGREDIENT, "RecipeIngredient", "One ingredient: a USDA SR28 food", BZ_RECIPE_INGREDIENT_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_step, RECIPE_STEP, "RecipeStep", "One step of a recipe", BZ_RECIPE_STEP_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe, RECIPE, "Recipe", "A recipe (seed 002 sections 3.3 and 4.5)", BZ_RECIPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_list, RECIPE_LIST, "RecipeList", "A page of recipes", BZ_RECIPE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_form, RECIPE_FORM, "RecipeForm", "POST /recipes (multipart/form-data)", BZ_RECIPE_FORM_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_created, RECIPE_CREATED, "RecipeCreated", "POST /recipes", BZ_RECIPE_CREATED_FIELDS)
BZ_RESOURCE_DEFINE (bz_recipe_envelope, RECIPE_ENVELOPE, "RecipeEnvelope", "GET /recipes/{recipe_id}", BZ_RECIPE_ENVELOPE_FIELDS)

BzRecord *
bz_recipe_author_new_catalogue (void)
{
  BzRecord *author = bz_record_new (&bz_recipe_author_resource);

  bz_record_set_string (author, BZ_RECIPE_AUTHOR_ID, BZ_RECIPE_CATALOGUE_AUTHOR_ID);
  bz_record_set_string (author, BZ_RECIPE_AUTHOR_USERNAME, "balanza");
  bz_record_set_string (author, BZ_RECIPE_AUTHOR_FULL_NAME, "Balanza");
  bz_record_set_string (author, BZ_RECIPE_AUTHOR_USER_TYPE, "admin");
  return author;
}
