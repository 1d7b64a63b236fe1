/* bz-integration-diet-sides.c — a generated diet plan's side foods: read
 * from the food table, sent to the planning provider, checked in its
 * answer and stored in the meal plan (see bz-integration-diet-private.h). */
#include "bz-integration-diet-private.h"

#include <math.h>
#include <string.h>

#include "bz-meal-plan-resources.h"
#include "bz-recipe-repo.h"
#include "bz-recipe.h"
#include "bz-services.h"

gboolean
bz_diet_side_foods_load (BzStore *store, BzDietSideFoods *out, GError **error)
{
  guint n;
  const BzDietSideSpec *specs = bz_diet_side_specs (&n);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, (gpointer) specs[i].ndb_no);
  g_ptr_array_add (ids, NULL);
  out->sides = g_array_new (FALSE, TRUE, sizeof (BzDietSide));
  if (!bz_recipe_repo_foods (store, (const char *const *) ids->pdata, &out->foods, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      BzRecipeFood *food = g_hash_table_lookup (out->foods, specs[i].ndb_no);
      BzDietSide side;
      if (food && bz_diet_side_init (&side, &specs[i], food->food_group, food->long_desc, &food->per_100g))
        g_array_append_val (out->sides, side);
    }
  return TRUE;
}

void
bz_diet_side_foods_clear (BzDietSideFoods *f)
{
  g_clear_pointer (&f->sides, g_array_unref);
  g_clear_pointer (&f->foods, g_hash_table_unref);
}

void
bz_diet_side_foods_to_request (const BzDietSideFoods *f, JsonBuilder *b)
{
  json_builder_set_member_name (b, "side_foods");
  json_builder_begin_array (b);
  for (guint i = 0; f->sides && i < f->sides->len; i++)
    {
      const BzDietSide *s = &g_array_index (f->sides, BzDietSide, i);
      const BzRecipeFood *food = g_hash_table_lookup (f->foods, s->id);
      g_autoptr(JsonObject) panel = bz_nutrients_to_json (&food->per_100g);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, s->id);
      json_builder_set_member_name (b, "food_group");
      json_builder_add_string_value (b, food->food_group);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, food->long_desc);
      json_builder_set_member_name (b, "per_100g");
      json_builder_add_value (b, json_node_init_object (json_node_alloc (), panel));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

gboolean
bz_diet_side_foods_check (const BzDietSideFoods *f, JsonObject *meal, const BzDietRequest *req, guint meal_type,
                          gint64 day, guint meal_index, GArray *out)
{
  JsonNode *node = json_object_get_member (meal, "foods");
  JsonArray *foods;
  guint groups = 0, total = 0, len;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  foods = json_node_get_array (node);
  len = out->len;
  for (guint k = 0; k < json_array_get_length (foods); k++)
    {
      JsonNode *e = json_array_get_element (foods, k);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      const char *id = o ? bz_json_get_string (o, "id") : NULL;
      double eq = 0;
      BzPlannedSide planned = { day, meal_index, G_MAXUINT, 0 };
      const BzDietSide *s = NULL;

      for (guint i = 0; id && i < f->sides->len && planned.side == G_MAXUINT; i++)
        if (g_str_equal (g_array_index (f->sides, BzDietSide, i).id, id))
          planned.side = i, s = &g_array_index (f->sides, BzDietSide, i);
      if (s == NULL || !bz_json_get_number (o, "equivalents", &eq) || eq != floor (eq) || eq < 1 ||
          eq > BZ_DIET_SIDE_MAX_EQUIVALENTS || !(s->meal_types & meal_type) || (groups & (1u << s->group)) ||
          !bz_diet_side_allowed (s, req))
        goto bad;
      groups |= 1u << s->group;
      planned.equivalents = (guint) eq;
      total += planned.equivalents;
      g_array_append_val (out, planned);
    }
  if (total <= BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS)
    return TRUE;
bad:
  g_array_set_size (out, len);
  return FALSE;
}

void
bz_diet_side_foods_add_days (const BzDietSideFoods *f, GArray *planned, BzNutrients *days)
{
  for (guint i = 0; i < planned->len; i++)
    {
      const BzPlannedSide *p = &g_array_index (planned, BzPlannedSide, i);
      bz_nutrients_add (&days[p->day - 1], &g_array_index (f->sides, BzDietSide, p->side).per_equivalent,
                        p->equivalents);
    }
}

/* The recipe of @diet whose id is @id, or -1. */
static int
recipe_index (GArray *diet, const char *id)
{
  for (guint i = 0; i < diet->len; i++)
    if (g_str_equal (g_array_index (diet, BzDietRecipe, i).id, id))
      return (int) i;
  return -1;
}

gboolean
bz_diet_side_foods_store (BzStore *store, const char *plan_id, const char *const *meals, const BzDietSideFoods *f,
                          GArray *planned, const BzMealPlanPortion *portions, guint n_portions, GPtrArray *recipes,
                          GArray *diet, const char *now, GError **error)
{
  for (guint i = 0; i < planned->len; i++)
    {
      const BzPlannedSide *first = &g_array_index (planned, BzPlannedSide, i);
      const BzMealPlanPortion *host = NULL;
      g_autoptr(GString) json = g_string_new ("[");
      g_autofree char *key = NULL;
      BzPlanTotals per_serving = { 0 };
      BzRecord *rec, *n;
      guint made, j;
      int r;

      if (i > 0 && first[-1].day == first->day && first[-1].meal == first->meal)
        continue;   /* the meal's sides were stored with its first */
      for (guint k = 0; k < n_portions; k++)
        if (portions[k].day == first->day && portions[k].meal == first->meal &&
            (host == NULL || portions[k].servings > host->servings))
          host = &portions[k];
      if (host == NULL || (r = recipe_index (diet, host->recipe_id)) < 0)
        continue;   /* cannot happen: every checked meal has a recipe of the catalogue */
      rec = g_ptr_array_index (recipes, r);
      n = bz_record_get_object (rec, BZ_RECIPE_NUTRITION_PER_SERVING);
      made = (guint) MAX (1, bz_record_get_int (rec, BZ_RECIPE_SERVINGS));
      per_serving.kcal = bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES);
      per_serving.protein_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G);
      per_serving.carbs_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G);
      per_serving.fat_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G);
      per_serving.fiber_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_FIBER_G);
      per_serving.sodium_mg = bz_record_get_double (n, BZ_RECIPE_NUTRITION_SODIUM_MG);
      bz_smae_record_add (bz_record_get_object (rec, BZ_RECIPE_SMAE_EQUIVALENTS_PER_SERVING), per_serving.smae, 1);
      for (j = i; j < planned->len; j++)
        {
          const BzPlannedSide *p = &g_array_index (planned, BzPlannedSide, j);
          const BzDietSide *s = &g_array_index (f->sides, BzDietSide, p->side);
          const BzRecipeFood *food = g_hash_table_lookup (f->foods, s->id);
          double grams = round (p->equivalents * s->grams * 10) / 10;
          double amount = round (grams * made / host->servings * 10) / 10;
          BzRecipeTotals added = { 0 };
          BzPlanTotals per = { 0 };
          if (p->day != first->day || p->meal != first->meal)
            break;
          if (amount > bz_plan_modification_resource.fields[BZ_PLAN_MODIFICATION_AMOUNT].max)
            {
              g_set_error (error, BZ_ERROR, BZ_ERROR_INTERNAL,
                           "Plan %s day %" G_GINT64_FORMAT ": %s %.1f g is past a modification's bound", plan_id,
                           p->day, s->id, amount);
              return FALSE;
            }
          g_string_append_printf (json, "%s{\"type\":\"add\",\"newIngredient\":\"%s\",\"amount\":%.1f,\"unit\":\"g\"}",
                                  j > i ? "," : "", s->id, amount);
          /* The recipes' own rule: the food's nutrients and equivalents for its grams, per serving in the meal. */
          bz_recipe_totals_add (&added, food->food_group, food->long_desc, &food->per_100g, grams);
          per.kcal = added.total.energy_kcal;
          per.protein_g = added.total.protein_g;
          per.carbs_g = added.total.carbohydrate_g;
          per.fat_g = added.total.fat_g;
          per.fiber_g = added.total.fiber_g;
          per.sodium_mg = added.total.sodium_mg;
          memcpy (per.smae, added.smae, sizeof per.smae);
          bz_plan_totals_add (&per_serving, &per, 1.0 / host->servings);
        }
      g_string_append_c (json, ']');
      key = bz_meal_plan_meal_key (meals[first->meal]);
      if (!bz_meal_plan_repo_set_customizations (store, plan_id, first->day, key, host->recipe_id, json->str,
                                                 &per_serving, now, error))
        return FALSE;
    }
  return TRUE;
}
