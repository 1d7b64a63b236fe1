/* bz-meal-plan-document.c — the printable meal plan and the plan of the day
 * (see bz-meal-plan-document.h).  Reads through the services (plan, recipes)
 * and bz-meal-plan-document-repo.c (foods, names); computes the SMAE
 * equivalents and the shopping list. */
#include "bz-meal-plan-document.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bz-json.h"
#include "bz-meal-plan-document-repo.h"
#include "bz-meal-plan-repo.h"
#include "bz-meal-plan-service.h"
#include "bz-meal-plan-service-private.h"
#include "bz-patient-service.h"
#include "bz-recipe-service.h"
#include "bz-recipe.h"
#include "bz-service-task-private.h"

/* --- names ------------------------------------------------------------------ */

BzShoppingSection
bz_shopping_section_for_group (BzSmaeGroup group)
{
  switch (group)
    {
    case BZ_SMAE_VEGETABLES:
      return BZ_SHOPPING_VEGETABLES;
    case BZ_SMAE_FRUITS:
      return BZ_SHOPPING_FRUITS;
    case BZ_SMAE_CEREALS_NO_FAT:
    case BZ_SMAE_CEREALS_WITH_FAT:
      return BZ_SHOPPING_CEREALS;
    case BZ_SMAE_LEGUMES:
      return BZ_SHOPPING_LEGUMES;
    case BZ_SMAE_ANIMAL_VERY_LOW_FAT:
    case BZ_SMAE_ANIMAL_LOW_FAT:
    case BZ_SMAE_ANIMAL_MODERATE_FAT:
    case BZ_SMAE_ANIMAL_HIGH_FAT:
      return BZ_SHOPPING_ANIMAL;
    case BZ_SMAE_MILK_SKIM:
    case BZ_SMAE_MILK_REDUCED_FAT:
    case BZ_SMAE_MILK_WHOLE:
    case BZ_SMAE_MILK_WITH_SUGAR:
      return BZ_SHOPPING_MILK;
    case BZ_SMAE_FATS_NO_PROTEIN:
    case BZ_SMAE_FATS_WITH_PROTEIN:
      return BZ_SHOPPING_FATS;
    case BZ_SMAE_SUGARS_NO_FAT:
    case BZ_SMAE_SUGARS_WITH_FAT:
      return BZ_SHOPPING_SUGARS;
    case BZ_SMAE_FREE:
    case BZ_SMAE_NONE:
    case BZ_SMAE_N_GROUPS:
    default:
      return BZ_SHOPPING_OTHER;
    }
}

const char *
bz_shopping_section_name (BzShoppingSection section)
{
  switch (section)
    {
    case BZ_SHOPPING_VEGETABLES: return _("Vegetables");
    case BZ_SHOPPING_FRUITS: return _("Fruits");
    case BZ_SHOPPING_CEREALS: return _("Cereals and tubers");
    case BZ_SHOPPING_LEGUMES: return _("Legumes");
    case BZ_SHOPPING_ANIMAL: return _("Meat, fish, eggs and cheese");
    case BZ_SHOPPING_MILK: return _("Milk and yogurt");
    case BZ_SHOPPING_FATS: return _("Oils, fats, nuts and seeds");
    case BZ_SHOPPING_SUGARS: return _("Sugars");
    case BZ_SHOPPING_OTHER:
    case BZ_SHOPPING_N_SECTIONS:
    default: return _("Seasonings and others");
    }
}

const char *
bz_meal_plan_document_smae_name (BzSmaeGroup group)
{
  /* The group names of SMAE 4th ed. (2014), bz-smae.h. */
  switch (group)
    {
    case BZ_SMAE_VEGETABLES: return _("Vegetables");
    case BZ_SMAE_FRUITS: return _("Fruits");
    case BZ_SMAE_CEREALS_NO_FAT: return _("Cereals and tubers without fat");
    case BZ_SMAE_CEREALS_WITH_FAT: return _("Cereals and tubers with fat");
    case BZ_SMAE_LEGUMES: return _("Legumes");
    case BZ_SMAE_ANIMAL_VERY_LOW_FAT: return _("Animal foods, very low fat");
    case BZ_SMAE_ANIMAL_LOW_FAT: return _("Animal foods, low fat");
    case BZ_SMAE_ANIMAL_MODERATE_FAT: return _("Animal foods, moderate fat");
    case BZ_SMAE_ANIMAL_HIGH_FAT: return _("Animal foods, high fat");
    case BZ_SMAE_MILK_SKIM: return _("Skim milk");
    case BZ_SMAE_MILK_REDUCED_FAT: return _("Reduced-fat milk");
    case BZ_SMAE_MILK_WHOLE: return _("Whole milk");
    case BZ_SMAE_MILK_WITH_SUGAR: return _("Milk with sugar");
    case BZ_SMAE_FATS_NO_PROTEIN: return _("Fats without protein");
    case BZ_SMAE_FATS_WITH_PROTEIN: return _("Fats with protein");
    case BZ_SMAE_SUGARS_NO_FAT: return _("Sugars without fat");
    case BZ_SMAE_SUGARS_WITH_FAT: return _("Sugars with fat");
    case BZ_SMAE_FREE: return _("Free foods");
    case BZ_SMAE_NONE:
    case BZ_SMAE_N_GROUPS:
    default: return "";
    }
}

/* --- freeing ---------------------------------------------------------------- */

static void
ingredient_free (gpointer p)
{
  BzPlanDocIngredient *i = p;
  g_free (i->ndb_no);
  g_free (i->name);
  g_free (i->name_es);
  g_free (i->description);
  g_free (i->text);
  g_free (i);
}

static void
recipe_free (gpointer p)
{
  BzPlanDocRecipe *r = p;
  g_free (r->id);
  g_free (r->title);
  g_free (r->description);
  g_clear_pointer (&r->ingredients, g_ptr_array_unref);
  g_strfreev (r->steps);
  g_free (r);
}

static void
item_free (gpointer p)
{
  BzShoppingItem *i = p;
  g_free (i->ndb_no);
  g_free (i->name);
  g_free (i->name_es);
  g_free (i->description);
  g_free (i);
}

static void
change_free (gpointer p)
{
  BzPlanDocChange *c = p;
  g_free (c->type);
  g_free (c->original);
  g_free (c->original_name);
  g_free (c->new_ndb_no);
  g_free (c->new_name_es);
  g_free (c->new_description);
  g_free (c);
}

static void
customized_free (gpointer p)
{
  BzPlanDocCustomized *c = p;
  g_free (c->meal_name);
  g_free (c->recipe_id);
  g_clear_pointer (&c->changes, g_ptr_array_unref);
  g_free (c);
}

void
bz_meal_plan_document_free (BzMealPlanDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_object (&doc->plan);
  g_free (doc->patient_name);
  g_free (doc->nutritionist_name);
  g_clear_pointer (&doc->recipes, g_ptr_array_unref);
  g_free (doc->day_smae);
  g_clear_pointer (&doc->shopping, g_ptr_array_unref);
  g_clear_pointer (&doc->customized, g_ptr_array_unref);
  g_free (doc);
}

const BzPlanDocCustomized *
bz_meal_plan_document_find_customized (const BzMealPlanDocument *doc, guint day, const char *meal_name,
                                       const char *recipe_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (doc != NULL, NULL);
  if (doc->customized == NULL || doc->customized->len == 0 || meal_name == NULL)
    return NULL;
  key = bz_meal_plan_meal_key (meal_name);
  for (guint i = 0; i < doc->customized->len; i++)
    {
      const BzPlanDocCustomized *c = g_ptr_array_index (doc->customized, i);
      g_autofree char *k = bz_meal_plan_meal_key (c->meal_name);
      if (c->day == day && g_strcmp0 (c->recipe_id, recipe_id) == 0 && g_strcmp0 (k, key) == 0)
        return c;
    }
  return NULL;
}

const BzPlanDocRecipe *
bz_meal_plan_document_find_recipe (const BzMealPlanDocument *doc, const char *id)
{
  g_return_val_if_fail (doc != NULL, NULL);
  for (guint i = 0; id && i < doc->recipes->len; i++)
    {
      const BzPlanDocRecipe *r = g_ptr_array_index (doc->recipes, i);
      if (g_strcmp0 (r->id, id) == 0)
        return r;
    }
  return NULL;
}

/* --- building ---------------------------------------------------------------- */

/* Calls @fn for every recipe of every slot of @plan, in order. */
typedef void (*PlanRecipeFunc) (guint day_index, BzRecord *plan_recipe, gpointer data);

static void
foreach_plan_recipe (BzRecord *plan, PlanRecipeFunc fn, gpointer data)
{
  guint n_days = bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS);

  for (guint d = 0; d < n_days; d++)
    {
      BzRecord *day = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, d);
      guint n_meals = bz_record_get_n_items (day, BZ_PLAN_DAY_MEALS);

      for (guint m = 0; m < n_meals; m++)
        {
          BzRecord *meal = bz_record_get_item (day, BZ_PLAN_DAY_MEALS, m);
          guint n = bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES);

          for (guint r = 0; r < n; r++)
            fn (d, bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r), data);
        }
    }
}

typedef struct
{
  GPtrArray *ids;          /* unique recipe ids, first-use order */
  GHashTable *servings;    /* id -> double* total servings */
  GHashTable *uses;        /* id -> count */
} Usage;

static void
collect_usage (guint day_index, BzRecord *pr, gpointer data)
{
  Usage *u = data;
  const char *id = bz_record_get_string (pr, BZ_PLAN_RECIPE_ID);
  double *s;

  if (id == NULL)
    return;
  s = g_hash_table_lookup (u->servings, id);
  if (s == NULL)
    {
      g_ptr_array_add (u->ids, g_strdup (id));
      s = g_new0 (double, 1);
      g_hash_table_insert (u->servings, g_strdup (id), s);
    }
  *s += bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS);
  g_hash_table_insert (u->uses, g_strdup (id),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (u->uses, id)) + 1));
}

static void
add_day_smae (guint day_index, BzRecord *pr, gpointer data)
{
  BzMealPlanDocument *doc = data;
  const BzPlanDocRecipe *r = bz_meal_plan_document_find_recipe (doc, bz_record_get_string (pr, BZ_PLAN_RECIPE_ID));
  double servings = bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS);

  if (r == NULL || day_index >= doc->n_days)
    return;
  for (guint g = 0; g < BZ_SMAE_N_GROUPS; g++)
    doc->day_smae[day_index * BZ_SMAE_N_GROUPS + g] += r->smae_per_serving[g] * servings;
}

static const char *
food_name (const BzPlanFood *f, const char *fallback)
{
  if (f && f->name_es && *f->name_es)
    return f->name_es;
  if (f && f->long_desc)
    return f->long_desc;
  return fallback;
}

/* A recipe of the catalogue (RecipeEnvelope's recipe) as a BzPlanDocRecipe. */
static BzPlanDocRecipe *
doc_recipe_new (BzRecord *recipe, double servings_in_plan, guint uses, GHashTable *foods)
{
  BzPlanDocRecipe *r = g_new0 (BzPlanDocRecipe, 1);
  BzRecord *nut = bz_record_get_object (recipe, BZ_RECIPE_NUTRITION_PER_SERVING);
  BzRecipeTotals totals = { 0 };
  guint n = bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS);
  guint n_steps = bz_record_get_n_items (recipe, BZ_RECIPE_INSTRUCTIONS);

  r->id = g_strdup (bz_record_get_string (recipe, BZ_RECIPE_ID));
  r->title = g_strdup (bz_record_get_string (recipe, BZ_RECIPE_TITLE));
  r->description = g_strdup (bz_record_get_string (recipe, BZ_RECIPE_DESCRIPTION));
  r->yield_servings = (guint) MAX (1, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
  r->servings_in_plan = servings_in_plan;
  r->uses = uses;
  r->prep_time_min = bz_record_get_int (recipe, BZ_RECIPE_PREP_TIME_MIN);
  r->cook_time_min = bz_record_get_int (recipe, BZ_RECIPE_COOK_TIME_MIN);
  if (nut)
    {
      r->per_serving.kcal = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_CALORIES);
      r->per_serving.protein_g = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_PROTEIN_G);
      r->per_serving.carbs_g = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_CARBS_G);
      r->per_serving.fat_g = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_FAT_G);
      r->per_serving.fiber_g = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_FIBER_G);
      r->per_serving.sodium_mg = bz_record_get_double (nut, BZ_RECIPE_NUTRITION_SODIUM_MG);
    }
  r->ingredients = g_ptr_array_new_with_free_func (ingredient_free);
  for (guint i = 0; i < n; i++)
    {
      BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      BzPlanDocIngredient *di = g_new0 (BzPlanDocIngredient, 1);
      const BzPlanFood *f;
      double grams = bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS);

      di->ndb_no = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO));
      f = g_hash_table_lookup (foods, di->ndb_no);
      di->name = g_strdup (food_name (f, bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT)));
      di->name_es = f ? g_strdup (f->name_es) : NULL;
      di->description = f ? g_strdup (f->long_desc) : NULL;
      di->text = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT));
      di->grams_per_serving = grams / r->yield_servings;
      di->grams_in_plan = di->grams_per_serving * servings_in_plan;
      g_ptr_array_add (r->ingredients, di);
      if (f)
        bz_recipe_totals_add (&totals, f->food_group, f->long_desc, &f->per_100g, grams);
    }
  {
    BzNutrients per = { 0 };
    bz_recipe_totals_per_serving (&totals, r->yield_servings, &per, r->smae_per_serving);
  }
  r->steps = g_new0 (char *, n_steps + 1);
  for (guint i = 0; i < n_steps; i++)
    r->steps[i] = g_strdup (bz_record_get_string (bz_record_get_item (recipe, BZ_RECIPE_INSTRUCTIONS, i),
                                                  BZ_RECIPE_STEP_INSTRUCTION));
  return r;
}

typedef struct
{
  BzShoppingItem *item;
  char *key;
} SortEntry;

static int
compare_items (gconstpointer a, gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  if (x->item->section != y->item->section)
    return (int) x->item->section - (int) y->item->section;
  return strcmp (x->key, y->key);
}

/* The shopping item of @ndb_no in @by_food, made (from @foods) when new;
 * NULL for a food @foods does not have. */
static BzShoppingItem *
shopping_item (GHashTable *by_food, GHashTable *foods, const char *ndb_no)
{
  const BzPlanFood *f = g_hash_table_lookup (foods, ndb_no);
  BzShoppingItem *item;

  if (f == NULL)
    return NULL;
  item = g_hash_table_lookup (by_food, ndb_no);
  if (item == NULL)
    {
      item = g_new0 (BzShoppingItem, 1);
      item->ndb_no = g_strdup (f->ndb_no);
      item->name = g_strdup (food_name (f, f->ndb_no));
      item->name_es = g_strdup (f->name_es);
      item->description = g_strdup (f->long_desc);
      item->smae_group = bz_smae_classify (f->food_group, f->long_desc, &f->per_100g);
      item->section = bz_shopping_section_for_group (item->smae_group);
      g_hash_table_insert (by_food, item->ndb_no, item);
    }
  return item;
}

/* Every ingredient food once: grams summed over every recipe use, then
 * @swaps (ndb_no -> grams, negative for what a swap took out) applied;
 * foods left with nothing to buy are dropped. */
static GPtrArray *
build_shopping (GPtrArray *recipes, GHashTable *foods, GHashTable *swaps)
{
  g_autoptr(GHashTable) by_food = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  GPtrArray *list = g_ptr_array_new_with_free_func (item_free);
  GHashTableIter iter;
  gpointer value;

  for (guint r = 0; r < recipes->len; r++)
    {
      BzPlanDocRecipe *recipe = g_ptr_array_index (recipes, r);
      for (guint i = 0; i < recipe->ingredients->len; i++)
        {
          BzPlanDocIngredient *ing = g_ptr_array_index (recipe->ingredients, i);
          BzShoppingItem *item = shopping_item (by_food, foods, ing->ndb_no);

          if (item)
            item->grams += ing->grams_in_plan;
        }
    }
  g_hash_table_iter_init (&iter, swaps);
  {
    gpointer key;
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        BzShoppingItem *item = shopping_item (by_food, foods, key);
        if (item)
          item->grams += *(double *) value;
      }
  }
  g_hash_table_iter_init (&iter, by_food);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SortEntry e = { value, NULL };
      if (e.item->grams < 0.05)   /* a swap took all of it out */
        {
          item_free (e.item);
          continue;
        }
      g_autofree char *folded = g_utf8_casefold (e.item->name, -1);
      e.key = g_utf8_collate_key (folded, -1);
      g_array_append_val (entries, e);
    }
  g_array_sort (entries, compare_items);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *e = &g_array_index (entries, SortEntry, i);
      g_ptr_array_add (list, e->item);
      g_free (e->key);
    }
  return list;
}

/* The slot name of @plan's @day whose key is @key (as the plan writes it). */
static const char *
slot_name (BzRecord *plan, gint64 day, const char *key)
{
  BzRecord *d;

  if (day < 1 || (guint) day > bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS))
    return key;
  d = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, (guint) day - 1);
  for (guint m = 0; m < bz_record_get_n_items (d, BZ_PLAN_DAY_MEALS); m++)
    {
      const char *name = bz_record_get_string (bz_record_get_item (d, BZ_PLAN_DAY_MEALS, m), BZ_PLAN_MEAL_MEAL_NAME);
      g_autofree char *k = bz_meal_plan_meal_key (name ? name : "");
      if (g_strcmp0 (k, key) == 0)
        return name;
    }
  return key;
}

/* The servings of @recipe_id in the slot @key of @day (1-based); 0 if none. */
static double
use_servings (BzRecord *plan, gint64 day, const char *key, const char *recipe_id)
{
  BzRecord *d;

  if (day < 1 || (guint) day > bz_record_get_n_items (plan, BZ_MEAL_PLAN_SUGGESTIONS))
    return 0;
  d = bz_record_get_item (plan, BZ_MEAL_PLAN_SUGGESTIONS, (guint) day - 1);
  for (guint m = 0; m < bz_record_get_n_items (d, BZ_PLAN_DAY_MEALS); m++)
    {
      BzRecord *meal = bz_record_get_item (d, BZ_PLAN_DAY_MEALS, m);
      const char *name = bz_record_get_string (meal, BZ_PLAN_MEAL_MEAL_NAME);
      g_autofree char *k = bz_meal_plan_meal_key (name ? name : "");
      if (g_strcmp0 (k, key) != 0)
        continue;
      for (guint r = 0; r < bz_record_get_n_items (meal, BZ_PLAN_MEAL_RECIPES); r++)
        {
          BzRecord *pr = bz_record_get_item (meal, BZ_PLAN_MEAL_RECIPES, r);
          if (g_strcmp0 (bz_record_get_string (pr, BZ_PLAN_RECIPE_ID), recipe_id) == 0)
            return bz_record_get_double (pr, BZ_PLAN_RECIPE_SERVINGS);
        }
    }
  return 0;
}

static void
add_grams (GHashTable *deltas, const char *ndb_no, double grams)
{
  double *d = g_hash_table_lookup (deltas, ndb_no);
  if (d == NULL)
    {
      d = g_new0 (double, 1);
      g_hash_table_insert (deltas, g_strdup (ndb_no), d);
    }
  *d += grams;
}

/* What the swaps change in the shopping list: for each customized use, the
 * recipe's own ingredients x that use's share of the recipe out, and its
 * ingredients after the swaps (bz_meal_plan_customized_ingredients(), the
 * rule the plan's nutrition follows) x the same share in.  @envelopes are the
 * RecipeEnvelopes of @ids, in order.  ndb_no -> grams (double *). */
static GHashTable *
swap_deltas (BzRecord *plan, GPtrArray *modified, GPtrArray *ids, GPtrArray *envelopes)
{
  GHashTable *deltas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; modified && i < modified->len; i++)
    {
      BzPlanModifiedUse *use = g_ptr_array_index (modified, i);
      double servings = use_servings (plan, use->day, use->meal_key, use->recipe_id);
      BzRecord *recipe = NULL;
      g_autoptr(GPtrArray) swapped = NULL;

      for (guint k = 0; k < ids->len && recipe == NULL; k++)
        if (g_strcmp0 (g_ptr_array_index (ids, k), use->recipe_id) == 0)
          recipe = bz_record_get_object (g_ptr_array_index (envelopes, k), BZ_RECIPE_ENVELOPE_RECIPE);
      if (recipe == NULL || servings <= 0)
        continue;
      /* Ingredients (and swap amounts) are for the whole recipe, which
       * makes its servings (doc_recipe_new() divides the same way). */
      servings /= MAX (1, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
      for (guint k = 0; k < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); k++)
        {
          BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, k);
          add_grams (deltas, bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO),
                     -bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS) * servings);
        }
      swapped = bz_meal_plan_customized_ingredients (recipe, use->modifications);
      for (guint k = 0; k < swapped->len; k++)
        {
          BzPlanIngredient *pi = g_ptr_array_index (swapped, k);
          add_grams (deltas, pi->ndb_no, pi->grams * servings);
        }
    }
  return deltas;
}

/* The stored modifications (a JSON array of PlanModification objects,
 * validated when stored) as BzPlanDocChange; new foods' numbers go to
 * @ndb_nos so that their names are read with the ingredients'. */
static GPtrArray *
parse_changes (const char *json, GPtrArray *ndb_nos)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return changes;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      BzPlanDocChange *c;
      double amount = 0;

      if (o == NULL || bz_json_get_string (o, "type") == NULL)
        continue;
      c = g_new0 (BzPlanDocChange, 1);
      c->type = g_strdup (bz_json_get_string (o, "type"));
      c->original = g_strdup (bz_json_get_string (o, "originalIngredient"));
      c->new_ndb_no = g_strdup (bz_json_get_string (o, "newIngredient"));
      if (bz_json_get_number (o, "amount", &amount))
        c->amount_g = amount;
      if (c->new_ndb_no)
        g_ptr_array_add (ndb_nos, c->new_ndb_no);
      if (c->original && strlen (c->original) == 5 && strspn (c->original, "0123456789") == 5)
        g_ptr_array_add (ndb_nos, c->original);
      g_ptr_array_add (changes, c);
    }
  return changes;
}

BzMealPlanDocument *
bz_meal_plans_document (BzServices *svc, const BzCaller *caller, const char *draft_id, GError **error)
{
  BzStore *store;
  g_autoptr(BzMealPlanDocument) doc = NULL;
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GPtrArray) ndb_nos = NULL;
  g_autoptr(GHashTable) foods = NULL;
  g_autoptr(GPtrArray) modified = NULL;
  g_autoptr(GHashTable) swaps = NULL;
  Usage usage = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  store = bz_services_get_store (svc);
  doc = g_new0 (BzMealPlanDocument, 1);
  doc->plan = bz_meal_plans_get (svc, caller, draft_id, error);
  if (doc->plan == NULL)
    return NULL;
  doc->n_days = (guint) CLAMP (bz_record_get_int (doc->plan, BZ_MEAL_PLAN_DURATION_DAYS), 0, BZ_MEAL_PLAN_MAX_DAYS);
  doc->day_smae = g_new0 (double, (gsize) MAX (1, doc->n_days) * BZ_SMAE_N_GROUPS);
  if (!bz_meal_plan_document_repo_names (store, bz_record_get_string (doc->plan, BZ_MEAL_PLAN_CLIENT_ID),
                                         bz_record_get_string (doc->plan, BZ_MEAL_PLAN_NUTRITIONIST_ID),
                                         &doc->patient_name, &doc->nutritionist_name, error))
    return NULL;

  usage.ids = g_ptr_array_new_with_free_func (g_free);
  usage.servings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  usage.uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  foreach_plan_recipe (doc->plan, collect_usage, &usage);

  /* Each recipe in full, then every food of their ingredients in one read. */
  envelopes = g_ptr_array_new_with_free_func (g_object_unref);
  ndb_nos = g_ptr_array_new ();
  for (guint i = 0; i < usage.ids->len; i++)
    {
      BzRecord *env = bz_recipes_get (svc, caller, g_ptr_array_index (usage.ids, i), error);
      BzRecord *recipe;

      if (env == NULL)
        goto out;
      g_ptr_array_add (envelopes, env);
      recipe = bz_record_get_object (env, BZ_RECIPE_ENVELOPE_RECIPE);
      for (guint k = 0; k < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); k++)
        g_ptr_array_add (ndb_nos, (gpointer) bz_record_get_string (bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, k),
                                                                   BZ_RECIPE_INGREDIENT_NDB_NO));
    }
  /* The slots' ingredient changes, with the new foods among the foods to read. */
  if (!bz_meal_plan_document_repo_modified (store, bz_record_get_string (doc->plan, BZ_MEAL_PLAN_ID), &modified, error))
    goto out;
  doc->customized = g_ptr_array_new_with_free_func (customized_free);
  for (guint i = 0; i < modified->len; i++)
    {
      BzPlanModifiedUse *use = g_ptr_array_index (modified, i);
      BzPlanDocCustomized *c = g_new0 (BzPlanDocCustomized, 1);

      c->day = (guint) use->day;
      c->meal_name = g_strdup (slot_name (doc->plan, use->day, use->meal_key));
      c->recipe_id = g_strdup (use->recipe_id);
      c->changes = parse_changes (use->modifications, ndb_nos);
      g_ptr_array_add (doc->customized, c);
    }
  g_ptr_array_add (ndb_nos, NULL);
  if (!bz_meal_plan_document_repo_foods (store, (const char *const *) ndb_nos->pdata, &foods, error))
    goto out;

  doc->recipes = g_ptr_array_new_with_free_func (recipe_free);
  for (guint i = 0; i < envelopes->len; i++)
    {
      const char *id = g_ptr_array_index (usage.ids, i);
      BzRecord *recipe = bz_record_get_object (g_ptr_array_index (envelopes, i), BZ_RECIPE_ENVELOPE_RECIPE);
      double *servings = g_hash_table_lookup (usage.servings, id);
      BzPlanDocRecipe *r = doc_recipe_new (recipe, *servings,
                                           GPOINTER_TO_UINT (g_hash_table_lookup (usage.uses, id)), foods);
      /* The plan names the recipe by the id it was added with. */
      g_free (r->id);
      r->id = g_strdup (id);
      g_ptr_array_add (doc->recipes, r);
    }
  foreach_plan_recipe (doc->plan, add_day_smae, doc);
  swaps = swap_deltas (doc->plan, modified, usage.ids, envelopes);
  doc->shopping = build_shopping (doc->recipes, foods, swaps);
  for (guint i = 0; i < doc->customized->len; i++)
    {
      BzPlanDocCustomized *c = g_ptr_array_index (doc->customized, i);
      for (guint k = 0; k < c->changes->len; k++)
        {
          BzPlanDocChange *change = g_ptr_array_index (c->changes, k);
          const BzPlanFood *f = change->new_ndb_no ? g_hash_table_lookup (foods, change->new_ndb_no) : NULL;
          const BzPlanFood *o = change->original ? g_hash_table_lookup (foods, change->original) : NULL;
          if (f)
            {
              change->new_name_es = g_strdup (f->name_es);
              change->new_description = g_strdup (f->long_desc);
            }
          if (o)
            change->original_name = g_strdup (food_name (o, change->original));
        }
    }
  ok = TRUE;

out:
  g_clear_pointer (&usage.ids, g_ptr_array_unref);
  g_clear_pointer (&usage.servings, g_hash_table_unref);
  g_clear_pointer (&usage.uses, g_hash_table_unref);
  return ok ? g_steal_pointer (&doc) : NULL;
}

/* --- async (GIO style) ------------------------------------------------------------ */

static gpointer
document_work (BzServices *svc, const BzCaller *caller, gpointer args, GError **error)
{
  return bz_meal_plans_document (svc, caller, args, error);
}

void
bz_meal_plans_document_async (BzServices *svc, const BzCaller *caller, const char *draft_id,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  bz_service_task_run (svc, bz_meal_plans_document_async, "bz-meal-plan-document", caller,
                       BZ_SERVICE_TASK_NEEDS_CALLER, document_work, g_strdup (draft_id), g_free,
                       (GDestroyNotify) bz_meal_plan_document_free, cancellable, callback, user_data);
}

BzMealPlanDocument *
bz_meal_plans_document_finish (BzServices *svc, GAsyncResult *result, GError **error)
{
  return bz_service_task_finish (svc, result, bz_meal_plans_document_async, error);
}

