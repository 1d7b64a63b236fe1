/* bz-meal-plan-customize.c — PUT /api/meal-plans/draft: the
 * update-customizations action (replace/omit/add modifications of a plan
 * recipe's ingredients, applied and turned into per-serving nutrition).
 * Split from bz-meal-plan-service.c; the helpers both share are in
 * bz-meal-plan-service-private.h.
 */
#include "bz-meal-plan-service-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-json.h"
#include "bz-meal-plan-repo.h"
#include "bz-recipe-repo.h"

/* --- update-customizations ------------------------------------------------ */

typedef struct
{
  char *ndb_no;
  double grams;
  char *text;          /* the recipe's household text, or NULL for an added food */
  char *description;   /* SR28 long description (nullable) */
} WorkIngredient;

static void
work_ingredient_free (gpointer p)
{
  WorkIngredient *w = p;
  g_free (w->ndb_no);
  g_free (w->text);
  g_free (w->description);
  g_free (w);
}

static gboolean
is_grams (const char *unit)
{
  static const char *const grams[] = { "g", "gr", "gram", "grams", "gramo", "gramos", NULL };
  g_autofree char *u = unit ? g_ascii_strdown (unit, -1) : NULL;
  return u && g_strv_contains (grams, g_strstrip (u));
}

static gboolean
is_ndb_no (const char *s)
{
  if (s == NULL || strlen (s) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
contains_folded (const char *haystack, const char *folded_needle)
{
  g_autofree char *h = haystack ? g_utf8_casefold (haystack, -1) : NULL;
  return h && strstr (h, folded_needle) != NULL;
}

/* The index of the first ingredient @name names, or -1. */
static int
find_ingredient (GPtrArray *work, const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  g_strstrip (folded);
  for (guint i = 0; i < work->len; i++)
    {
      WorkIngredient *w = g_ptr_array_index (work, i);
      if (g_strcmp0 (w->ndb_no, folded) == 0 || contains_folded (w->text, folded) ||
          contains_folded (w->description, folded))
        return (int) i;
    }
  return -1;
}

/* Checks the fields each type needs (seed 004 "Modification Types"). */
static void
check_modification (BzRecord *m, guint i, BzValidation *v)
{
  const char *type = bz_record_get_string (m, BZ_PLAN_MODIFICATION_TYPE);
  gboolean replace = g_strcmp0 (type, "replace") == 0, omit = g_strcmp0 (type, "omit") == 0;
  gboolean add = g_strcmp0 (type, "add") == 0;
  g_autofree char *path = g_strdup_printf ("customizations.modifications[%u]", i);
  struct { guint field; gboolean needed; } need[] = {
    { BZ_PLAN_MODIFICATION_ORIGINAL_INGREDIENT, replace || omit },
    { BZ_PLAN_MODIFICATION_ORIGINAL_AMOUNT, replace || omit },
    { BZ_PLAN_MODIFICATION_ORIGINAL_UNIT, replace || omit },
    { BZ_PLAN_MODIFICATION_NEW_INGREDIENT, replace || add },
    { BZ_PLAN_MODIFICATION_AMOUNT, replace || add },
    { BZ_PLAN_MODIFICATION_UNIT, replace || add },
  };

  if (!replace && !omit && !add)
    {
      g_autofree char *f = g_strconcat (path, ".type", NULL);
      bz_validation_add (v, f, "invalid_choice", _("type must be replace, omit or add"));
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (need); k++)
    if (need[k].needed && !bz_record_has (m, need[k].field))
      {
        g_autofree char *f = g_strconcat (path, ".", bz_plan_modification_resource.fields[need[k].field].name, NULL);
        bz_validation_add (v, f, "required", _("This field is required"));
      }
  if ((replace || add) && bz_record_has (m, BZ_PLAN_MODIFICATION_UNIT) && !is_grams (bz_record_get_string (m, BZ_PLAN_MODIFICATION_UNIT)))
    {
      g_autofree char *f = g_strconcat (path, ".unit", NULL);
      bz_validation_add (v, f, "invalid_choice", _("unit must be g: amounts are in grams"));
    }
  if ((replace || add) && bz_record_has (m, BZ_PLAN_MODIFICATION_NEW_INGREDIENT) &&
      !is_ndb_no (bz_record_get_string (m, BZ_PLAN_MODIFICATION_NEW_INGREDIENT)))
    {
      g_autofree char *f = g_strconcat (path, ".newIngredient", NULL);
      bz_validation_add (v, f, "invalid_format", _("newIngredient must be a USDA SR28 food number (see GET /api/v1/foods)"));
    }
}

/* "type|original|new", case-folded: a later modification with the same key replaces an earlier one. */
static char *
modification_key (BzRecord *m)
{
  g_autofree char *o = g_utf8_casefold (bz_record_get_string (m, BZ_PLAN_MODIFICATION_ORIGINAL_INGREDIENT) ?: "", -1);
  g_autofree char *n = g_utf8_casefold (bz_record_get_string (m, BZ_PLAN_MODIFICATION_NEW_INGREDIENT) ?: "", -1);
  return g_strdup_printf ("%s|%s|%s", bz_record_get_string (m, BZ_PLAN_MODIFICATION_TYPE), g_strstrip (o), g_strstrip (n));
}

/* The stored modifications (already validated when stored). */
static GPtrArray *
stored_modifications (const char *json)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) p = json_parser_new ();
  JsonArray *a;

  if (json == NULL || !json_parser_load_from_data (p, json, -1, NULL) || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (p)))
    return out;
  a = json_node_get_array (json_parser_get_root (p));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      BzValidation v = BZ_VALIDATION_INIT;
      JsonNode *n = json_array_get_element (a, i);
      BzRecord *m = JSON_NODE_HOLDS_OBJECT (n) ? bz_resource_parse (&bz_plan_modification_resource, json_node_get_object (n), NULL, &v) : NULL;
      bz_validation_finish (&v, NULL);
      if (m)
        g_ptr_array_add (out, m);
    }
  return out;
}

/* Applies @mods to the recipe's ingredients into @work; a modification
 * whose ingredient is missing gives a detail, named by its index in the
 * request (@request_index[i]; -1 for a stored one). */
static void
apply_modifications (GPtrArray *work, GPtrArray *mods, const int *request_index, GPtrArray *steps, BzValidation *v)
{
  for (guint i = 0; i < mods->len; i++)
    {
      BzRecord *m = g_ptr_array_index (mods, i);
      const char *type = bz_record_get_string (m, BZ_PLAN_MODIFICATION_TYPE);
      const char *orig = bz_record_get_string (m, BZ_PLAN_MODIFICATION_ORIGINAL_INGREDIENT);
      const char *new_food = bz_record_get_string (m, BZ_PLAN_MODIFICATION_NEW_INGREDIENT);

      if (!g_str_equal (type, "add"))
        {
          int at = find_ingredient (work, orig);
          WorkIngredient *w;
          if (at < 0)
            {
              g_autofree char *f = request_index[i] < 0 ? g_strdup ("customizations.modifications")
                : g_strdup_printf ("customizations.modifications[%d].originalIngredient", request_index[i]);
              g_autofree char *msg = g_strdup_printf (_("No ingredient of the recipe matches “%s”"), orig);
              bz_validation_add (v, f, "not_found", msg);
              continue;
            }
          w = g_ptr_array_index (work, at);
          g_ptr_array_add (steps, g_strdup_printf ("%s: removed %s (%s), %.1f g", type, w->ndb_no,
                                                   w->text ? w->text : w->description ? w->description : "", w->grams));
          g_ptr_array_remove_index (work, at);
        }
      if (!g_str_equal (type, "omit"))
        {
          WorkIngredient *w = g_new0 (WorkIngredient, 1);
          w->ndb_no = g_strdup (new_food);
          w->grams = bz_record_get_double (m, BZ_PLAN_MODIFICATION_AMOUNT);
          g_ptr_array_add (work, w);
          g_ptr_array_add (steps, g_strdup_printf ("%s: added %s, %.1f g", type, new_food, w->grams));
        }
    }
}

GPtrArray *
bz_meal_plan_customized_ingredients (BzRecord *recipe, const char *modifications_json)
{
  g_autoptr(GPtrArray) work = g_ptr_array_new_with_free_func (work_ingredient_free);
  g_autoptr(GPtrArray) mods = stored_modifications (modifications_json);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *request_index = g_new (int, mods->len + 1);
  BzValidation v = BZ_VALIDATION_INIT;
  GPtrArray *out = g_ptr_array_new_with_free_func (bz_plan_ingredient_free);

  for (guint i = 0; i < mods->len; i++)
    request_index[i] = -1;
  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      WorkIngredient *w = g_new0 (WorkIngredient, 1);
      w->ndb_no = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO));
      w->grams = bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS);
      w->text = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT));
      w->description = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION));
      g_ptr_array_add (work, w);
    }
  /* Stored modifications were checked when stored: one that no longer
   * matches (none should) is skipped, as the stored nutrition skipped it. */
  apply_modifications (work, mods, request_index, steps, &v);
  bz_validation_finish (&v, NULL);
  for (guint i = 0; i < work->len; i++)
    {
      WorkIngredient *w = g_ptr_array_index (work, i);
      BzPlanIngredient *pi = g_new0 (BzPlanIngredient, 1);
      pi->ndb_no = g_strdup (w->ndb_no);
      pi->grams = w->grams;
      g_ptr_array_add (out, pi);
    }
  return out;
}

void
bz_plan_ingredient_free (gpointer p)
{
  BzPlanIngredient *pi = p;
  if (pi == NULL)
    return;
  g_free (pi->ndb_no);
  g_free (pi);
}

BzRecord *
bz_meal_plans_update_customizations (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error)
{
  BzStore *store = bz_services_get_store (svc);
  BzValidation v = BZ_VALIDATION_INIT;
  g_autoptr(BzRecord) in = NULL, plan = NULL, recipe = NULL;
  g_autoptr(GPtrArray) mods = NULL, work = g_ptr_array_new_with_free_func (work_ingredient_free);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) foods = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *key = NULL, *stored = NULL, *now = NULL;
  g_autofree int *request_index = NULL;
  g_autoptr(GError) local = NULL;
  BzRecord *custom = NULL, *slot, *result;
  const char *draft_id, *recipe_id;
  BzRecipeTotals acc = { 0 };
  BzPlanTotals per_serving = { 0 }, t = { 0 };
  double servings = 1;
  gboolean found;
  gint64 day;

  g_return_val_if_fail (BZ_IS_SERVICES (svc), NULL);
  if (!bz_meal_plan_check_nutritionist (caller, _("Only nutritionists can change manual meal plans"), error))
    return NULL;
  in = bz_resource_parse (&bz_meal_plan_draft_update_resource, input, NULL, &v);
  if (in)
    {
      if (g_strcmp0 (bz_record_get_string (in, BZ_MEAL_PLAN_DRAFT_UPDATE_ACTION), "update-customizations") != 0)
        bz_validation_add (&v, "action", "invalid_choice", _("action must be update-customizations"));
      custom = bz_record_get_object (in, BZ_MEAL_PLAN_DRAFT_UPDATE_CUSTOMIZATIONS);
      for (guint i = 0; i < bz_record_get_n_items (custom, BZ_PLAN_CUSTOMIZATIONS_MODIFICATIONS); i++)
        check_modification (bz_record_get_item (custom, BZ_PLAN_CUSTOMIZATIONS_MODIFICATIONS, i), i, &v);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;
  draft_id = bz_record_get_string (in, BZ_MEAL_PLAN_DRAFT_UPDATE_DRAFT_ID);
  day = bz_record_get_int (in, BZ_MEAL_PLAN_DRAFT_UPDATE_DAY);
  recipe_id = bz_record_get_string (in, BZ_MEAL_PLAN_DRAFT_UPDATE_RECIPE_ID);

  /* Any status (seed 004: "Works at ANY status"), but not an expired draft. */
  if (!bz_store_begin (store, error))
    return NULL;
  if (!(plan = bz_meal_plan_load (svc, caller, draft_id, error)) || !bz_meal_plan_check_day (plan, day, error))
    goto fail;
  key = bz_meal_plan_meal_key (bz_record_get_string (in, BZ_MEAL_PLAN_DRAFT_UPDATE_MEAL_NAME));
  if (!bz_meal_plan_repo_get_customizations (store, draft_id, day, key, recipe_id, &found, &stored, error))
    goto fail;
  if (!found || !(recipe = bz_recipe_repo_get (store, recipe_id, &local)))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, BZ_ERROR, BZ_ERROR_NOT_FOUND, "%s", _("That recipe is not in this meal"));
      goto fail;
    }
  if ((slot = bz_meal_plan_find_slot (plan, day, key, NULL)))
    for (guint i = 0; i < bz_record_get_n_items (slot, BZ_PLAN_MEAL_RECIPES); i++)
      if (g_strcmp0 (bz_record_get_string (bz_record_get_item (slot, BZ_PLAN_MEAL_RECIPES, i), BZ_PLAN_RECIPE_ID), recipe_id) == 0)
        {
          servings = bz_record_get_double (bz_record_get_item (slot, BZ_PLAN_MEAL_RECIPES, i), BZ_PLAN_RECIPE_SERVINGS);
          break;
        }

  /* Merge: the stored ones, each replaced by a new one of the same key, then the other new ones. */
  mods = stored_modifications (stored);
  request_index = g_new (int, mods->len + bz_record_get_n_items (custom, BZ_PLAN_CUSTOMIZATIONS_MODIFICATIONS) + 1);
  for (guint j = 0; j < mods->len; j++)
    request_index[j] = -1;
  for (guint i = 0; i < bz_record_get_n_items (custom, BZ_PLAN_CUSTOMIZATIONS_MODIFICATIONS); i++)
    {
      BzRecord *m = bz_record_get_item (custom, BZ_PLAN_CUSTOMIZATIONS_MODIFICATIONS, i);
      g_autofree char *k = modification_key (m);
      guint j;
      for (j = 0; j < mods->len; j++)
        {
          g_autofree char *kj = modification_key (g_ptr_array_index (mods, j));
          if (g_str_equal (k, kj))
            break;
        }
      if (j < mods->len)
        {
          g_object_unref (g_ptr_array_index (mods, j));
          g_ptr_array_index (mods, j) = g_object_ref (m);
        }
      else
        g_ptr_array_add (mods, g_object_ref (m));
      request_index[j] = (int) i;
    }
  if (mods->len > BZ_MEAL_PLAN_MAX_MODIFICATIONS)
    {
      g_autofree char *msg = g_strdup_printf (_("A recipe can have at most %d modifications"),
                                              BZ_MEAL_PLAN_MAX_MODIFICATIONS);
      bz_validation_add (&v, "customizations.modifications", "too_many_items", msg);
    }

  for (guint i = 0; i < bz_record_get_n_items (recipe, BZ_RECIPE_INGREDIENTS); i++)
    {
      BzRecord *ing = bz_record_get_item (recipe, BZ_RECIPE_INGREDIENTS, i);
      WorkIngredient *w = g_new0 (WorkIngredient, 1);
      w->ndb_no = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_NDB_NO));
      w->grams = bz_record_get_double (ing, BZ_RECIPE_INGREDIENT_GRAMS);
      w->text = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_TEXT));
      w->description = g_strdup (bz_record_get_string (ing, BZ_RECIPE_INGREDIENT_DESCRIPTION));
      g_ptr_array_add (work, w);
    }
  apply_modifications (work, mods, request_index, steps, &v);
  if (!bz_validation_finish (&v, error))
    goto fail;
  {
    g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
    g_auto(GStrv) ndb_nos = NULL;
    for (guint i = 0; i < work->len; i++)
      g_strv_builder_add (b, ((WorkIngredient *) g_ptr_array_index (work, i))->ndb_no);
    ndb_nos = g_strv_builder_end (b);
    if (!bz_recipe_repo_foods (store, (const char *const *) ndb_nos, &foods, error))
      goto fail;
  }
  for (guint i = 0; i < work->len; i++)
    {
      WorkIngredient *w = g_ptr_array_index (work, i);
      BzRecipeFood *food = g_hash_table_lookup (foods, w->ndb_no);
      if (food == NULL)
        {
          g_autofree char *msg = g_strdup_printf (_("No USDA SR28 food has the number %s"), w->ndb_no);
          bz_validation_add (&v, "customizations.modifications", "not_found", msg);
          continue;
        }
      /* The recipes' own rule (bz_recipe_totals_add()): nutrients, and SMAE
       * equivalents by the food's group (bz_smae_classify()). */
      bz_recipe_totals_add (&acc, food->food_group, food->long_desc, &food->per_100g, w->grams);
    }
  if (!bz_validation_finish (&v, error))
    goto fail;
  {
    guint n = (guint) MAX (1, bz_record_get_int (recipe, BZ_RECIPE_SERVINGS));
    BzNutrients per;
    bz_recipe_totals_per_serving (&acc, n, &per, per_serving.smae);
    per_serving.kcal = per.energy_kcal;
    per_serving.protein_g = per.protein_g;
    per_serving.carbs_g = per.carbohydrate_g;
    per_serving.fat_g = per.fat_g;
    per_serving.fiber_g = per.fiber_g;
    per_serving.sodium_mg = per.sodium_mg;
  }
  for (guint i = 0; i < mods->len; i++)
    {
      if (i)
        g_string_append_c (json, ',');
      bz_record_write_json (g_ptr_array_index (mods, i), json);
    }
  g_string_append_c (json, ']');
  now = bz_now_iso8601 ();
  if (!bz_meal_plan_repo_set_customizations (store, draft_id, day, key, recipe_id, json->str, &per_serving, now, error) ||
      !bz_store_commit (store, error))
    goto fail;
  bz_store_notify (store, "meal_plans", draft_id);

  bz_plan_totals_add (&t, &per_serving, servings);
  result = bz_record_new (&bz_plan_customization_result_resource);
  bz_record_take_object (result, BZ_PLAN_CUSTOMIZATION_RESULT_MODIFIED_NUTRITION, bz_plan_nutrition_new (&bz_plan_nutrition_resource, &t));
  bz_record_set_boolean (result, BZ_PLAN_CUSTOMIZATION_RESULT_MICRONUTRIENTS_INCLUDED, TRUE);
  g_ptr_array_add (steps, NULL);
  bz_record_take_strv (result, BZ_PLAN_CUSTOMIZATION_RESULT_DEBUG_STEPS, (GStrv) g_ptr_array_steal (steps, NULL));
  return result;

fail:
  bz_store_rollback (store);
  return NULL;
}
