/* bz-meal-plan-resources.c — the tables of bz-meal-plan-resources.h and the
 * meal plan's nutrition roll-ups. */
#include "bz-meal-plan-resources.h"

#include <string.h>

BZ_RESOURCE_DEFINE (bz_nutrient_quantity, NUTRIENT_QUANTITY, "NutrientQuantity", "An amount of a nutrient", BZ_NUTRIENT_QUANTITY_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_macros, PLAN_MACROS, "PlanMacros", "Macronutrients", BZ_PLAN_MACROS_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_minerals, PLAN_MINERALS, "PlanMinerals", "Minerals", BZ_PLAN_MINERALS_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_micros, PLAN_MICROS, "PlanMicros", "Micronutrients Balanza's recipes carry", BZ_PLAN_MICROS_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_nutrition, PLAN_NUTRITION, "PlanNutrition", "Nutrition of a recipe, meal, day or plan (seed 004)", BZ_PLAN_NUTRITION_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_meal_nutrition, PLAN_MEAL_NUTRITION, "PlanMealNutrition", "Nutrition of one meal of a day", BZ_PLAN_MEAL_NUTRITION_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_day_nutrition, PLAN_DAY_NUTRITION, "PlanDayNutrition", "Nutrition of one day", BZ_PLAN_DAY_NUTRITION_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_nutrition_summary, PLAN_NUTRITION_SUMMARY, "PlanNutritionSummary", "dayWise, overall and dailyAverage", BZ_PLAN_NUTRITION_SUMMARY_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_recipe, PLAN_RECIPE, "PlanRecipe", "A recipe of a meal slot", BZ_PLAN_RECIPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_meal, PLAN_MEAL, "PlanMeal", "A meal slot of a day", BZ_PLAN_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_day, PLAN_DAY, "PlanDay", "One day of a meal plan", BZ_PLAN_DAY_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_plan_recipe, DAILY_PLAN_RECIPE, "DailyPlanRecipe", "A recipe of the day's plan, for its servings", BZ_DAILY_PLAN_RECIPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_plan_meal, DAILY_PLAN_MEAL, "DailyPlanMeal", "A meal slot of the day's plan", BZ_DAILY_PLAN_MEAL_FIELDS)
BZ_RESOURCE_DEFINE (bz_daily_plan, DAILY_PLAN, "DailyPlan", "The day of a patient's meal plan that falls on a date", BZ_DAILY_PLAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_search_params, PLAN_SEARCH_PARAMS, "PlanSearchParams", "How the plan was made", BZ_PLAN_SEARCH_PARAMS_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan, MEAL_PLAN, "MealPlan", "A manual meal plan (seed 004)", BZ_MEAL_PLAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_create, MEAL_PLAN_CREATE, "MealPlanCreate", "POST /api/meal-plans/manual/create", BZ_MEAL_PLAN_CREATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_recipe_ref, PLAN_RECIPE_REF, "PlanRecipeRef", "A recipe and its provider", BZ_PLAN_RECIPE_REF_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_add_recipe, MEAL_PLAN_ADD_RECIPE, "MealPlanAddRecipe", "POST /api/meal-plans/manual/add-recipe", BZ_MEAL_PLAN_ADD_RECIPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_remove_recipe, MEAL_PLAN_REMOVE_RECIPE, "MealPlanRemoveRecipe", "DELETE /api/meal-plans/manual/remove-recipe", BZ_MEAL_PLAN_REMOVE_RECIPE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_finalize, MEAL_PLAN_FINALIZE, "MealPlanFinalize", "POST /api/meal-plans/manual/finalize", BZ_MEAL_PLAN_FINALIZE_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_modification, PLAN_MODIFICATION, "PlanModification", "An ingredient modification", BZ_PLAN_MODIFICATION_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_customizations, PLAN_CUSTOMIZATIONS, "PlanCustomizations", "A recipe's ingredient modifications", BZ_PLAN_CUSTOMIZATIONS_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_draft_update, MEAL_PLAN_DRAFT_UPDATE, "MealPlanDraftUpdate", "PUT /api/meal-plans/draft", BZ_MEAL_PLAN_DRAFT_UPDATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_plan_customization_result, PLAN_CUSTOMIZATION_RESULT, "PlanCustomizationResult", "The recipe's nutrition after its modifications", BZ_PLAN_CUSTOMIZATION_RESULT_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_plan_draft, MEAL_PLAN_DRAFT, "MealPlanDraft", "A new manual draft", BZ_MEAL_PLAN_DRAFT_FIELDS)

void
bz_plan_totals_add (BzPlanTotals *a, const BzPlanTotals *b, double factor)
{
  a->kcal += b->kcal * factor;
  a->protein_g += b->protein_g * factor;
  a->carbs_g += b->carbs_g * factor;
  a->fat_g += b->fat_g * factor;
  a->fiber_g += b->fiber_g * factor;
  a->sodium_mg += b->sodium_mg * factor;
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    a->smae[g] += b->smae[g] * factor;
}

BzRecord *
bz_smae_record_new (const double smae[BZ_SMAE_N_GROUPS])
{
  BzRecord *rec = bz_record_new (&bz_smae_equivalents_resource);

  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    bz_record_set_double (rec, g, smae[g]);   /* field index = BzSmaeGroup */
  return rec;
}

void
bz_smae_record_add (BzRecord *rec, double smae[BZ_SMAE_N_GROUPS], double factor)
{
  if (rec == NULL)
    return;
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    if (bz_record_has (rec, g))
      smae[g] += bz_record_get_double (rec, g) * factor;
}

void
bz_smae_set_panel (BzRecord *rec, guint field, const double smae[BZ_SMAE_N_GROUPS])
{
  bz_record_set_panel (rec, field, smae, BZ_SMAE_N_GROUPS);   /* field index = BzSmaeGroup */
}

void
bz_smae_panel_add (BzRecord *rec, guint field, double smae[BZ_SMAE_N_GROUPS], double factor)
{
  double v[BZ_SMAE_N_GROUPS];
  guint64 present;

  if (rec == NULL)
    return;
  present = bz_record_get_panel (rec, field, v, BZ_SMAE_N_GROUPS);
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    if (present & (G_GUINT64_CONSTANT (1) << g))
      smae[g] += v[g] * factor;
}

static BzRecord *
quantity (double value, const char *unit)
{
  BzRecord *q = bz_record_new (&bz_nutrient_quantity_resource);
  bz_record_set_double (q, BZ_NUTRIENT_QUANTITY_QUANTITY, value);
  bz_record_set_string (q, BZ_NUTRIENT_QUANTITY_UNIT, unit);
  return q;
}

/* calories, macros, micros and equivalents are the same four fields in
 * both resources, after mealName in the meal's. */
static guint
first_field (const BzResource *resource)
{
  return resource == &bz_plan_meal_nutrition_resource ? BZ_PLAN_MEAL_NUTRITION_CALORIES : BZ_PLAN_NUTRITION_CALORIES;
}

BzRecord *
bz_plan_nutrition_new (const BzResource *resource, const BzPlanTotals *t)
{
  BzRecord *n = bz_record_new (resource);
  BzRecord *macros = bz_record_new (&bz_plan_macros_resource);
  BzRecord *micros = bz_record_new (&bz_plan_micros_resource);
  BzRecord *minerals = bz_record_new (&bz_plan_minerals_resource);
  guint f = first_field (resource);

  bz_record_take_object (macros, BZ_PLAN_MACROS_PROTEIN, quantity (t->protein_g, "g"));
  bz_record_take_object (macros, BZ_PLAN_MACROS_CARBS, quantity (t->carbs_g, "g"));
  bz_record_take_object (macros, BZ_PLAN_MACROS_FAT, quantity (t->fat_g, "g"));
  bz_record_take_object (macros, BZ_PLAN_MACROS_FIBER, quantity (t->fiber_g, "g"));
  bz_record_take_object (minerals, BZ_PLAN_MINERALS_SODIUM, quantity (t->sodium_mg, "mg"));
  bz_record_take_object (micros, BZ_PLAN_MICROS_MINERALS, minerals);
  bz_record_take_object (n, f, quantity (t->kcal, "kcal"));
  bz_record_take_object (n, f + 1, macros);
  bz_record_take_object (n, f + 2, micros);
  bz_smae_set_panel (n, f + 3, t->smae);
  return n;
}

static double
quantity_of (BzRecord *rec, guint field)
{
  BzRecord *q = rec ? bz_record_get_object (rec, field) : NULL;
  return q ? bz_record_get_double (q, BZ_NUTRIENT_QUANTITY_QUANTITY) : 0;
}

void
bz_plan_nutrition_read (BzRecord *nutrition, BzPlanTotals *t, double factor)
{
  BzRecord *macros, *micros, *minerals;
  BzPlanTotals x = { 0 };

  if (nutrition == NULL)
    return;
  macros = bz_record_get_object (nutrition, BZ_PLAN_NUTRITION_MACROS);
  micros = bz_record_get_object (nutrition, BZ_PLAN_NUTRITION_MICROS);
  minerals = micros ? bz_record_get_object (micros, BZ_PLAN_MICROS_MINERALS) : NULL;
  x.kcal = quantity_of (nutrition, BZ_PLAN_NUTRITION_CALORIES);
  x.protein_g = quantity_of (macros, BZ_PLAN_MACROS_PROTEIN);
  x.carbs_g = quantity_of (macros, BZ_PLAN_MACROS_CARBS);
  x.fat_g = quantity_of (macros, BZ_PLAN_MACROS_FAT);
  x.fiber_g = quantity_of (macros, BZ_PLAN_MACROS_FIBER);
  x.sodium_mg = quantity_of (minerals, BZ_PLAN_MINERALS_SODIUM);
  bz_smae_panel_add (nutrition, BZ_PLAN_NUTRITION_EQUIVALENTS, x.smae, 1);
  bz_plan_totals_add (t, &x, factor);
}

void
bz_plan_day_roll_up (BzRecord *day, guint meals_field, BzRecord *day_n, BzPlanTotals *out_total)
{
  memset (out_total, 0, sizeof *out_total);
  for (guint m = 0; m < bz_record_get_n_items (day, meals_field); m++)
    {
      BzRecord *meal = bz_record_get_item (day, meals_field, m);
      guint n = bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES);
      BzPlanTotals meal_total = { 0 };
      BzRecord *meal_n;

      if (n == 0)
        {
          bz_record_set_empty_array (meal, BZ_PLAN_MEAL_RECIPES);
          bz_record_set_null (meal, BZ_PLAN_MEAL_SELECTED_RECIPE_ID);
          bz_record_set_null (meal, BZ_PLAN_MEAL_TOTAL_NUTRITION);
          continue;
        }
      for (guint r = 0; r < n; r++)
        bz_plan_nutrition_read (bz_record_get_object (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r),
                                                      BZ_PLAN_RECIPE_NUTRITION), &meal_total, 1);
      bz_record_set_string (meal, BZ_PLAN_MEAL_SELECTED_RECIPE_ID,
                            bz_record_get_string (bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, 0), BZ_PLAN_RECIPE_ID));
      bz_record_take_object (meal, BZ_PLAN_MEAL_TOTAL_NUTRITION, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &meal_total));
      if (day_n)
        {
          meal_n = bz_plan_nutrition_new (&bz_plan_meal_nutrition_resource, &meal_total);
          bz_record_set_string (meal_n, BZ_PLAN_MEAL_NUTRITION_MEAL_NAME, bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
          bz_record_append (day_n, BZ_PLAN_DAY_NUTRITION_MEALS, meal_n);
        }
      bz_plan_totals_add (out_total, &meal_total, 1);
    }
}

void
bz_meal_plan_roll_up (BzRecord *plan)
{
  BzRecord *summary = bz_record_new (&bz_plan_nutrition_summary_resource);
  BzPlanTotals overall = { 0 };
  gint64 days = bz_record_get_int (plan, BZ_MEAL_PLAN_DURATION_DAYS);

  bz_record_set_empty_array (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE);
  for (guint d = 0; d < bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS); d++)
    {
      BzRecord *day = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      BzRecord *day_n = bz_record_new (&bz_plan_day_nutrition_resource);
      BzPlanTotals day_total;

      bz_record_set_int (day_n, BZ_PLAN_DAY_NUTRITION_DAY, bz_record_get_int (day, BZ_PLAN_DAY_DAY));
      bz_record_set_string (day_n, BZ_PLAN_DAY_NUTRITION_DATE, bz_record_get_string (day, BZ_PLAN_DAY_DATE));
      bz_record_set_empty_array (day_n, BZ_PLAN_DAY_NUTRITION_MEALS);
      bz_plan_day_roll_up (day, BZ_PLAN_DAY_MEALS, day_n, &day_total);
      bz_record_take_object (day_n, BZ_PLAN_DAY_NUTRITION_DAY_TOTAL, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &day_total));
      bz_record_append (summary, BZ_PLAN_NUTRITION_SUMMARY_DAY_WISE, day_n);
      bz_plan_totals_add (&overall, &day_total, 1);
    }
  bz_record_take_object (summary, BZ_PLAN_NUTRITION_SUMMARY_OVERALL, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &overall));
  {
    BzPlanTotals avg = { 0 };
    bz_plan_totals_add (&avg, &overall, days > 0 ? 1.0 / (double) days : 0);
    bz_record_take_object (summary, BZ_PLAN_NUTRITION_SUMMARY_DAILY_AVERAGE, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &avg));
  }
  bz_record_take_object (plan, BZ_MEAL_PLAN_NUTRITION, summary);
}

const char *const *
bz_meal_plan_default_meals (void)
{
  static const char *const meals[] = { "breakfast", "lunch", "dinner", "snack", NULL };
  return meals;
}

char *
bz_meal_plan_meal_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}
