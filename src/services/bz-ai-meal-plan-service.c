/* bz-ai-meal-plan-service.c — POST /api/v1/ai/generate-meal-plan (see
 * bz-ai-meal-plan-service.h): the diet planning service's plan, described
 * as seed 002 §6.7 asks, with its shopping list and cost estimate. */
#include "bz-ai-meal-plan-service.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bz-ai-meal-plan-resources.h"
#include "bz-food-prices.h"
#include "bz-food-repo.h"
#include "bz-integration-service.h"
#include "bz-limits.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service-private.h"
#include "bz-recipe-repo.h"
#include "bz-recipe-resources.h"
#include "bz-smae.h"

/** The price table in the store's resources (data/prices/food-prices-mx.tsv). */
#define PRICES_RESOURCE "/org/balanza/store/prices/food-prices-mx.tsv"

/* Suggested times of the meals of bz_diet_planner_slots(), by id: Balanza's
 * schedule for a Mexican day (a late comida, the main meal), stated in the
 * AiPlanMeal declaration; no norm fixes it. */
static const struct { const char *id, *time; } meal_times[] = {
  { "desayuno", "08:00" }, { "colacion_matutina", "11:00" }, { "comida", "14:30" },
  { "colacion_vespertina", "17:30" }, { "cena", "20:30" }, { "colacion_nocturna", "22:00" },
};

/* The price table, read once per process; %NULL when it cannot be read
 * (then every food is a missing price). */
static const BzFoodPrices *
prices (void)
{
  static gsize table;

  if (g_once_init_enter (&table))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (PRICES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      BzFoodPrices *t = bytes ? bz_food_prices_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error)
                              : NULL;
      if (t == NULL)
        g_warning ("The food prices cannot be read: %s", error->message);
      g_once_init_leave (&table, (gsize) (t ? t : bz_food_prices_parse ("", 0, NULL)));
    }
  return (const BzFoodPrices *) table;
}

static double
round2 (double x)
{
  return round (x * 100) / 100;
}

static BzRecord *
totals_record (double kcal, double protein, double carbs, double fat)
{
  BzRecord *t = bz_record_new (&bz_ai_daily_totals_resource);
  bz_record_set_double (t, BZ_AI_DAILY_TOTALS_CALORIES, kcal);
  bz_record_set_double (t, BZ_AI_DAILY_TOTALS_PROTEIN_G, protein);
  bz_record_set_double (t, BZ_AI_DAILY_TOTALS_CARBS_G, carbs);
  bz_record_set_double (t, BZ_AI_DAILY_TOTALS_FAT_G, fat);
  return t;
}

/* "1.5 cereales sin grasa, 1 frutas": the groups of at least half an
 * equivalent, to the half, in the declaration's order. */
static char *
equivalents_text (BzRecord *eq)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint g = 0; eq && g < BZ_SMAE_N_GROUPS; g++)
    {
      double n = bz_record_has (eq, g) ? round (bz_record_get_double (eq, g) * 2) / 2 : 0;
      g_autofree char *words = NULL;
      char num[G_ASCII_DTOSTR_BUF_SIZE];
      if (n < 0.5)
        continue;
      words = g_strdelimit (g_strdup (bz_smae_reference (g)->id), "_", ' ');
      g_string_append_printf (s, "%s%s %s", s->len ? ", " : "", g_ascii_formatd (num, sizeof num, "%g", n), words);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* One food of the shopping list while it is summed. */
typedef struct
{
  char *ndb_no;
  double grams;
} Need;

static void
need_free (gpointer data)
{
  Need *n = data;
  g_free (n->ndb_no);
  g_free (n);
}

static int
by_grams_desc (gconstpointer a, gconstpointer b)
{
  const Need *x = *(Need *const *) a, *y = *(Need *const *) b;
  return x->grams < y->grams ? 1 : x->grams > y->grams ? -1 : g_strcmp0 (x->ndb_no, y->ndb_no);
}

/* Adds @portions servings of @recipe's ingredients, after the plan's
 * @modifications of it (the generator's side foods are "add" modifications;
 * bz_meal_plan_customized_ingredients(), as the plan's own shopping list),
 * to @needs. */
static void
add_needs (GHashTable *needs, GPtrArray *order, BzRecord *recipe, const char *modifications, double portions)
{
  double yield = MAX (1, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
  g_autoptr(GPtrArray) ingredients = bz_meal_plan_customized_ingredients (recipe, modifications);

  for (guint i = 0; i < ingredients->len; i++)
    {
      BzPlanIngredient *ing = g_ptr_array_index (ingredients, i);
      Need *n;
      if (ing->ndb_no == NULL)
        continue;
      if (!(n = g_hash_table_lookup (needs, ing->ndb_no)))
        {
          n = g_new0 (Need, 1);
          n->ndb_no = g_strdup (ing->ndb_no);
          g_hash_table_insert (needs, n->ndb_no, n);
          g_ptr_array_add (order, n);
        }
      n->grams += ing->grams / yield * portions;
    }
}

/* A nutrient quantity's value ({quantity, unit}); 0 when absent. */
static double
quantity (BzRecord *q, guint field)
{
  BzRecord *v = q ? bz_record_get_object (q, field) : NULL;
  return v && bz_record_has (v, BZ_NUTRIENT_QUANTITY_QUANTITY) ? bz_record_get_double (v, BZ_NUTRIENT_QUANTITY_QUANTITY) : 0;
}

/* The plan's nutrition of one recipe entry (per serving after its
 * modifications x servings) as nutrients. */
static void
plan_nutrients (BzRecord *nutrition, BzNutrients *n)
{
  BzRecord *macros = bz_record_get_object (nutrition, BZ_PLAN_NUTRITION_MACROS);
  BzRecord *micros = bz_record_get_object (nutrition, BZ_PLAN_NUTRITION_MICROS);
  BzRecord *minerals = micros ? bz_record_get_object (micros, BZ_PLAN_MICROS_MINERALS) : NULL;

  memset (n, 0, sizeof *n);
  n->energy_kcal = quantity (nutrition, BZ_PLAN_NUTRITION_CALORIES);
  n->protein_g = quantity (macros, BZ_PLAN_MACROS_PROTEIN);
  n->carbohydrate_g = quantity (macros, BZ_PLAN_MACROS_CARBS);
  n->fat_g = quantity (macros, BZ_PLAN_MACROS_FAT);
  n->fiber_g = quantity (macros, BZ_PLAN_MACROS_FIBER);
  n->sodium_mg = quantity (minerals, BZ_PLAN_MINERALS_SODIUM);
}

/* The shopping list of @needs into @out, its cost, and the foods without a price. */
static gboolean
shopping_list (BzStore *store, GPtrArray *order, BzRecord *out, double *out_cost, GError **error)
{
  const BzFoodPrices *table = prices ();
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  double total = 0;

  g_ptr_array_sort (order, by_grams_desc);
  bz_record_set_empty_array (out, BZ_AI_MEAL_PLAN_SHOPPING_LIST);
  for (guint i = 0; i < order->len; i++)
    {
      const Need *n = g_ptr_array_index (order, i);
      const BzFoodPrice *price = bz_food_prices_lookup (table, n->ndb_no);
      BzRecord *item = bz_record_new (&bz_shopping_item_resource);

      bz_record_set_string (item, BZ_SHOPPING_ITEM_NDB_NO, n->ndb_no);
      bz_record_set_double (item, BZ_SHOPPING_ITEM_GRAMS, n->grams);
      if (price)
        {
          double cost = round2 (bz_food_price_cost (price, n->grams));
          bz_record_set_string (item, BZ_SHOPPING_ITEM_ITEM, price->name_es);
          bz_record_set_double (item, BZ_SHOPPING_ITEM_QUANTITY, bz_food_price_purchase_quantity (price, n->grams));
          bz_record_set_string (item, BZ_SHOPPING_ITEM_UNIT, price->purchase_unit);
          bz_record_set_double (item, BZ_SHOPPING_ITEM_UNIT_GRAMS, price->unit_grams);
          bz_record_set_double (item, BZ_SHOPPING_ITEM_PRICE_MXN_PER_KG, price->mxn_per_kg);
          bz_record_set_double (item, BZ_SHOPPING_ITEM_ESTIMATED_COST_MXN, cost);
          bz_record_set_string (item, BZ_SHOPPING_ITEM_PRICE_BASIS, price->basis);
          total += cost;
        }
      else
        {
          g_autoptr(GError) local = NULL;
          g_autoptr(BzRecord) food = bz_food_repo_get (store, n->ndb_no, &local);
          const char *name = food ? bz_record_get_string (food, BZ_FOOD_NAME_ES) : NULL;
          if (local)
            {
              g_object_unref (item);
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          if (name == NULL && food)
            name = bz_record_get_string (food, BZ_FOOD_DESCRIPTION);
          bz_record_set_string (item, BZ_SHOPPING_ITEM_ITEM, name ? name : n->ndb_no);
          g_strv_builder_add (missing, n->ndb_no);
        }
      bz_record_append (out, BZ_AI_MEAL_PLAN_SHOPPING_LIST, item);
    }
  bz_record_take_strv (out, BZ_AI_MEAL_PLAN_MISSING_PRICES, g_strv_builder_end (missing));
  bz_record_set_string (out, BZ_AI_MEAL_PLAN_PRICES_AS_OF, bz_food_prices_as_of (table));
  *out_cost = round2 (total);
  return TRUE;
}

/* The request as POST /api/integrations/diet-plans takes it. */
static JsonObject *
diet_request (BzRecord *in)
{
  JsonObject *o = json_object_new ();
  const char *const *prefs = bz_record_get_strv (in, BZ_AI_MEAL_PLAN_REQUEST_DIETARY_PREFERENCES);
  const char *const *foods = bz_record_get_strv (in, BZ_AI_MEAL_PLAN_REQUEST_EXCLUDE_FOODS);

  if (bz_record_get_string (in, BZ_AI_MEAL_PLAN_REQUEST_PATIENT_ID))
    json_object_set_string_member (o, "patientId", bz_record_get_string (in, BZ_AI_MEAL_PLAN_REQUEST_PATIENT_ID));
  json_object_set_int_member (o, "days", bz_record_has (in, BZ_AI_MEAL_PLAN_REQUEST_DURATION_DAYS)
                                           ? bz_record_get_int (in, BZ_AI_MEAL_PLAN_REQUEST_DURATION_DAYS)
                                           : BZ_DIET_PLANNER_DEFAULT_DAYS);
  json_object_set_int_member (o, "mealsPerDay", bz_record_has (in, BZ_AI_MEAL_PLAN_REQUEST_MEALS_PER_DAY)
                                                  ? bz_record_get_int (in, BZ_AI_MEAL_PLAN_REQUEST_MEALS_PER_DAY)
                                                  : BZ_DIET_PLANNER_DEFAULT_MEALS);
  if (bz_record_has (in, BZ_AI_MEAL_PLAN_REQUEST_CALORIES_TARGET))
    json_object_set_double_member (o, "caloriesTarget", bz_record_get_double (in, BZ_AI_MEAL_PLAN_REQUEST_CALORIES_TARGET));
  if (prefs && prefs[0])
    json_object_set_string_member (o, "dietaryPreference", prefs[0]);
  if (foods && foods[0])
    {
      JsonArray *a = json_array_new ();
      for (guint i = 0; foods[i]; i++)
        json_array_add_string_element (a, foods[i]);
      json_object_set_array_member (o, "excludeFoods", a);
    }
  return o;
}

/* The request's own rules besides the declaration's: one preference at
 * most, list entries of 1 to BZ_PATIENT_LIST_ENTRY_MAX characters. */
static gboolean
check_request (BzRecord *in, GError **error)
{
  const char *const *prefs = bz_record_get_strv (in, BZ_AI_MEAL_PLAN_REQUEST_DIETARY_PREFERENCES);
  const char *const *foods = bz_record_get_strv (in, BZ_AI_MEAL_PLAN_REQUEST_EXCLUDE_FOODS);
  BzValidation v = BZ_VALIDATION_INIT;

  for (guint i = 1; prefs && prefs[0] && prefs[i]; i++)
    if (!g_str_equal (prefs[i], prefs[0]))
      {
        bz_validation_add (&v, "dietary_preferences", "conflicting",
                           _("Give one dietary preference: omnivore, vegetarian or vegan"));
        break;
      }
  for (guint i = 0; foods && foods[i]; i++)
    {
      g_autofree char *t = g_strstrip (g_strdup (foods[i]));
      if (*t == '\0' || g_utf8_strlen (t, -1) > BZ_PATIENT_LIST_ENTRY_MAX)
        {
          g_autofree char *path = g_strdup_printf ("exclude_foods[%u]", i);
          g_autofree char *msg = g_strdup_printf (_("Each entry must have 1 to %d characters"), BZ_PATIENT_LIST_ENTRY_MAX);
          bz_validation_add (&v, path, "invalid_length", msg);
        }
    }
  return bz_validation_finish (&v, error);
}

/* One day of the plan: its meals, in slot order, and their totals. */
static BzRecord *
day_record (BzStore *store, const char *plan_id, BzRecord *plan_day, BzRecord *report, guint meals_per_day, GHashTable *recipes,
            GHashTable *needs, GPtrArray *order, BzNutrients *sum, GError **error)
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (meals_per_day);
  g_autoptr(BzRecord) day = bz_record_new (&bz_ai_plan_day_resource);
  BzNutrients total = { 0 };

  bz_record_set_int (day, BZ_AI_PLAN_DAY_DAY, bz_record_get_int (plan_day, BZ_PLAN_DAY_DAY));
  bz_record_set_string (day, BZ_AI_PLAN_DAY_DATE, bz_record_get_string (plan_day, BZ_PLAN_DAY_DATE));
  bz_record_set_boolean (day, BZ_AI_PLAN_DAY_WITHIN_TOLERANCE,
                         bz_record_get_boolean (report, BZ_DIET_PLAN_DAY_WITHIN_TOLERANCE));
  bz_record_set_empty_array (day, BZ_AI_PLAN_DAY_MEALS);
  for (guint s = 0; s < bz_record_get_n_items (plan_day, BZ_PLAN_DAY_MEALS) && s < meals_per_day; s++)
    {
      BzRecord *meal = bz_record_get_item (plan_day, BZ_PLAN_DAY_MEALS, s);
      const char *time = "12:00";

      for (guint t = 0; t < G_N_ELEMENTS (meal_times); t++)
        if (g_str_equal (meal_times[t].id, slots[s].id))
          time = meal_times[t].time;
      for (guint k = 0; k < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); k++)
        {
          BzRecord *pr = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, k);
          const char *id = bz_record_get_string (pr, BZ_PLAN_RECIPE_ID);
          double portions = bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS);
          BzRecord *recipe = g_hash_table_lookup (recipes, id);
          BzRecord *entry;
          BzNutrients n;
          g_autofree char *eq = NULL, *key = NULL, *modifications = NULL;
          gboolean found = FALSE;

          if (recipe == NULL)
            {
              g_autoptr(GError) local = NULL;
              if (!(recipe = bz_recipe_repo_get (store, id, &local)))
                {
                  if (local)
                    g_propagate_error (error, g_steal_pointer (&local));
                  else
                    g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL, "The plan's recipe %s is gone", id);
                  return NULL;
                }
              g_hash_table_insert (recipes, g_strdup (id), recipe);
            }
          /* The plan's own figures: the recipe after the plan's modifications of it. */
          plan_nutrients (bz_record_get_object (pr, BZ_PLAN_RECIPE_NUTRITION), &n);
          key = bz_meal_plan_meal_key (bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
          if (!bz_meal_plan_repo_get_customizations (store, plan_id, bz_record_get_int (plan_day, BZ_PLAN_DAY_DAY), key, id,
                                                     &found, &modifications, error))
            return NULL;
          bz_nutrients_add (&total, &n, 1);
          eq = equivalents_text (bz_record_get_object (bz_record_get_object (pr, BZ_PLAN_RECIPE_NUTRITION),
                                                       BZ_PLAN_NUTRITION_EQUIVALENTS));
          entry = bz_record_new (&bz_ai_plan_meal_resource);
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_MEAL_TYPE, slots[s].id);
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_MEAL_NAME, bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME));
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_TIME, time);
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_RECIPE_ID, id);
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_RECIPE_NAME, bz_record_get_string (recipe, BZ_RECIPE_TITLE));
          bz_record_set_double (entry, BZ_AI_PLAN_MEAL_PORTIONS, portions);
          bz_record_take_object (entry, BZ_AI_PLAN_MEAL_NUTRITION, bz_nutrients_record_new (&n));
          bz_record_set_string (entry, BZ_AI_PLAN_MEAL_EQUIVALENTS, eq);
          bz_record_append (day, BZ_AI_PLAN_DAY_MEALS, entry);
          add_needs (needs, order, recipe, modifications, portions);
        }
    }
  bz_record_take_object (day, BZ_AI_PLAN_DAY_DAILY_TOTALS,
                         totals_record (total.energy_kcal, total.protein_g, total.carbohydrate_g, total.fat_g));
  bz_nutrients_add (sum, &total, 1);
  return g_steal_pointer (&day);
}

BzRecord *
bz_ai_generate_meal_plan (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, result = NULL, out = NULL, answer = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GHashTable) recipes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) needs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, need_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  BzRecord *plan, *targets, *summary;
  BzNutrients sum = { 0 };
  guint n_days, meals_per_day;
  double cost = 0;
  const char *budget;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (caller == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNAUTHENTICATED, "%s", _("Authentication required"));
      return NULL;
    }
  in = bz_resource_parse (&bz_ai_meal_plan_request_resource, input, NULL, &v);
  if (!bz_validation_finish (&v, error) || !check_request (in, error))
    return NULL;
  request = diet_request (in);
  meals_per_day = (guint) json_object_get_int_member (request, "mealsPerDay");
  if (!(result = bz_integrations_generate_diet_plan (svc, caller, request, error)))
    return NULL;

  plan = bz_record_get_object (result, BZ_DIET_PLAN_RESULT_PLAN);
  n_days = bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS);
  out = bz_record_new (&bz_ai_meal_plan_resource);
  bz_record_set_string (out, BZ_AI_MEAL_PLAN_ID, bz_record_get_string (plan, BZ_MEAL_PLAN_ID));
  bz_record_set_string (out, BZ_AI_MEAL_PLAN_PATIENT_ID, bz_record_get_string (plan, BZ_MEAL_PLAN_CLIENT_ID));
  bz_record_set_empty_array (out, BZ_AI_MEAL_PLAN_DAYS);
  for (guint d = 0; d < n_days; d++)
    {
      BzRecord *day = day_record (store, bz_record_get_string (plan, BZ_MEAL_PLAN_ID), bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d),
                                  bz_record_get_item (result, BZ_DIET_PLAN_RESULT_DAYS, d), meals_per_day, recipes,
                                  needs, order, &sum, error);
      if (day == NULL)
        return NULL;
      bz_record_append (out, BZ_AI_MEAL_PLAN_DAYS, day);
    }

  targets = bz_record_get_object (result, BZ_DIET_PLAN_RESULT_TARGETS);
  summary = bz_record_new (&bz_ai_weekly_summary_resource);
  bz_record_set_int (summary, BZ_AI_WEEKLY_SUMMARY_DAYS, n_days);
  bz_record_set_int (summary, BZ_AI_WEEKLY_SUMMARY_DAYS_WITHIN_TOLERANCE,
                     bz_record_get_int (result, BZ_DIET_PLAN_RESULT_DAYS_WITHIN));
  bz_record_take_object (summary, BZ_AI_WEEKLY_SUMMARY_TARGETS,
                         totals_record (bz_record_get_double (targets, BZ_NUTRIENTS_ENERGY_KCAL),
                                        bz_record_get_double (targets, BZ_NUTRIENTS_PROTEIN_G),
                                        bz_record_get_double (targets, BZ_NUTRIENTS_CARBOHYDRATE_G),
                                        bz_record_get_double (targets, BZ_NUTRIENTS_FAT_G)));
  bz_record_take_object (summary, BZ_AI_WEEKLY_SUMMARY_DAILY_AVERAGE,
                         totals_record (sum.energy_kcal / MAX (n_days, 1), sum.protein_g / MAX (n_days, 1),
                                        sum.carbohydrate_g / MAX (n_days, 1), sum.fat_g / MAX (n_days, 1)));
  bz_record_set_string (summary, BZ_AI_WEEKLY_SUMMARY_SOLVER, bz_record_get_string (result, BZ_DIET_PLAN_RESULT_SOLVER));
  bz_record_set_string (summary, BZ_AI_WEEKLY_SUMMARY_SOURCE, bz_record_get_string (result, BZ_DIET_PLAN_RESULT_SOURCE));
  bz_record_take_object (out, BZ_AI_MEAL_PLAN_WEEKLY_SUMMARY, summary);

  if (!shopping_list (store, order, out, &cost, error))
    return NULL;
  bz_record_set_double (out, BZ_AI_MEAL_PLAN_ESTIMATED_COST_MXN, cost);
  bz_record_set_double (out, BZ_AI_MEAL_PLAN_COST_PER_DAY_MXN, round2 (cost / MAX (n_days, 1)));
  budget = bz_record_get_string (in, BZ_AI_MEAL_PLAN_REQUEST_BUDGET_LEVEL);
  bz_record_set_string (out, BZ_AI_MEAL_PLAN_BUDGET_LEVEL, budget ? budget : "moderado");

  answer = bz_record_new (&bz_ai_meal_plan_result_resource);
  bz_record_take_object (answer, BZ_AI_MEAL_PLAN_RESULT_MEAL_PLAN, g_steal_pointer (&out));
  return g_steal_pointer (&answer);
}
