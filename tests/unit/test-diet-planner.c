/* test-diet-planner.c — the local diet planner (bz-diet-planner.h) on
 * synthetic catalogues: a feasible week within every tolerance, the hard
 * filters (allergens, excluded foods and tags, vegan), the twice-a-week
 * rule (kept, and refused when the catalogue cannot keep it), an
 * unreachable target answered with a plan and its misses, the greedy
 * fallback's rules.  GLPK gets a long time limit here, so the result never
 * depends on the machine's load. */
#include <math.h>
#include <string.h>

#include "bz-diet-planner.h"
#include "bz-error.h"
#include "bz-recipe-derive.h"

#define LONG_LIMIT_MS 60000

typedef struct
{
  GArray *recipes;           /* BzDietRecipe */
  GPtrArray *strings;        /* owned ids and string arrays */
} Catalogue;

static void
catalogue_free (Catalogue *c)
{
  g_array_unref (c->recipes);
  g_ptr_array_unref (c->strings);
  g_free (c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Catalogue, catalogue_free)

static const char *const no_tags[] = { NULL };
static const char *const vegan_tags[] = { "vegan", "vegetarian", NULL };
static const char *const baked_tags[] = { "horneado", NULL };
static const char *const plain_ingredients[] = { "1 taza de arroz", "Rice, white, cooked", NULL };
static const char *const broccoli_ingredients[] = { "1 taza de brócoli", "Broccoli, raw", NULL };

/* @per_type recipes of each meal type; the energy per serving spread over
 * 150-600 kcal, protein 18-32 % of it, fat 22-38 %, carbohydrate the rest:
 * around the targets' ratios (20 %, 30 %, 50 %).  Recipe i has milk when
 * @milk_every divides i (0: never), is vegan when 3 divides it. */
static Catalogue *
catalogue_new (guint per_type, guint milk_every)
{
  Catalogue *c = g_new0 (Catalogue, 1);
  static const guint types[] = { BZ_DIET_MEAL_BREAKFAST, BZ_DIET_MEAL_SNACK, BZ_DIET_MEAL_LUNCH, BZ_DIET_MEAL_DINNER };

  c->recipes = g_array_new (FALSE, TRUE, sizeof (BzDietRecipe));
  c->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint k = 0; k < per_type; k++)
      {
        guint i = c->recipes->len;
        BzDietRecipe r = { 0 };
        double kcal = (types[t] == BZ_DIET_MEAL_SNACK ? 120 : 250) + 37.0 * ((k * 7) % 11);
        double p = 0.18 + 0.14 * ((k * 5) % 7) / 6.0, f = 0.22 + 0.16 * ((k * 3) % 5) / 4.0;
        char *id = g_strdup_printf ("r%02u", i);
        g_ptr_array_add (c->strings, id);
        r.id = id;
        r.per_serving.energy_kcal = kcal;
        r.per_serving.protein_g = kcal * p / 4;
        r.per_serving.fat_g = kcal * f / 9;
        r.per_serving.carbohydrate_g = kcal * (1 - p - f) / 4;
        r.meal_types = types[t];
        r.allergens = milk_every && i % milk_every == 0 ? BZ_ALLERGEN_MILK : 0;
        r.tags = i % 3 == 0 ? vegan_tags : i % 5 == 0 ? baked_tags : no_tags;
        r.ingredients = i % 4 == 1 ? broccoli_ingredients : plain_ingredients;
        g_array_append_val (c->recipes, r);
      }
  return c;
}

static void
request_init (BzDietRequest *req, guint days, guint meals)
{
  memset (req, 0, sizeof *req);
  req->targets.energy_kcal = 2000;
  req->targets.protein_g = 100;
  req->targets.fat_g = 2000 * 0.30 / 9;
  req->targets.carbohydrate_g = 2000 * 0.50 / 4;
  req->n_days = days;
  req->meals_per_day = meals;
  req->time_limit_ms = LONG_LIMIT_MS;
  req->seed = 42;
}

/* The rules every plan keeps, whatever the tolerances: 1-2 allowed recipes
 * of the meal's type per meal, servings in halves within bounds, no recipe
 * more than twice a week; and the days' sums match the portions. */
static void
assert_rules (const BzDietPlan *plan, const Catalogue *c, const BzDietRequest *req)
{
  const BzDietRecipe *recipes = (const BzDietRecipe *) c->recipes->data;
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);
  g_autofree guint *uses = g_new0 (guint, c->recipes->len);

  g_assert_cmpuint (plan->n_days, ==, req->n_days);
  g_assert_cmpuint (plan->meals_per_day, ==, req->meals_per_day);
  for (guint d = 0; d < plan->n_days; d++)
    {
      double kcal = 0;
      if (d % 7 == 0)
        memset (uses, 0, c->recipes->len * sizeof *uses);
      for (guint s = 0; s < plan->meals_per_day; s++)
        {
          const BzDietSlot *slot = &plan->slots[d * plan->meals_per_day + s];
          g_assert_cmpuint (slot->n_portions, >=, 1);
          g_assert_cmpuint (slot->n_portions, <=, BZ_DIET_SLOT_MAX_RECIPES);
          if (slot->n_portions == 2)
            g_assert_cmpuint (slot->portions[0].recipe, !=, slot->portions[1].recipe);
          for (guint i = 0; i < slot->n_portions; i++)
            {
              const BzDietPortion *p = &slot->portions[i];
              const BzDietRecipe *r = &recipes[p->recipe];
              g_assert_true (r->meal_types & slots[s].meal_type);
              g_assert_true (bz_diet_recipe_allowed (r, req));
              g_assert_cmpfloat (p->servings, >=, BZ_DIET_SERVING_STEP);
              g_assert_cmpfloat (p->servings, <=, BZ_DIET_MAX_SERVINGS);
              g_assert_cmpfloat (fmod (p->servings, BZ_DIET_SERVING_STEP), ==, 0);
              uses[p->recipe]++;
              g_assert_cmpuint (uses[p->recipe], <=, BZ_DIET_MAX_USES_PER_WEEK);
              kcal += p->servings * r->per_serving.energy_kcal;
            }
        }
      g_assert_cmpfloat_with_epsilon (plan->days[d].energy_kcal, kcal, 1e-6);
    }
}

static void
test_slots (void)
{
  g_assert_null (bz_diet_planner_slots (2));
  g_assert_null (bz_diet_planner_slots (7));
  for (guint m = 3; m <= 6; m++)
    {
      const BzDietSlotSpec *s = bz_diet_planner_slots (m);
      double sum = 0;
      for (guint i = 0; i < m; i++)
        sum += s[i].share;
      g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-9);
    }
  g_assert_cmpuint (bz_diet_meal_type_from_id ("Colación"), ==, BZ_DIET_MEAL_SNACK);
  g_assert_cmpuint (bz_diet_meal_type_from_id ("lunch"), ==, BZ_DIET_MEAL_LUNCH);
  g_assert_cmpuint (bz_diet_meal_type_from_id ("brunch"), ==, 0);
}

static void
test_feasible_week (void)
{
  g_autoptr(Catalogue) c = catalogue_new (10, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzDietPlan) plan = NULL;
  BzDietRequest req;

  request_init (&req, 7, 5);
  plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
  g_assert_no_error (error);
  assert_rules (plan, c, &req);
  g_assert_cmpuint (plan->solver, ==, BZ_DIET_SOLVER_GLPK);
  for (guint d = 0; d < 7; d++) g_test_message ("day %u: %.1f kcal %.1f P %.1f C %.1f F", d, plan->days[d].energy_kcal, plan->days[d].protein_g, plan->days[d].carbohydrate_g, plan->days[d].fat_g);
  g_assert_cmpuint (plan->days_within, ==, 7);
  for (guint d = 0; d < 7; d++)
    {
      g_assert_true (plan->checks[d].within);
      g_assert_cmpfloat (fabs (plan->days[d].energy_kcal / 2000 - 1), <=, BZ_DIET_ENERGY_TOLERANCE + 5e-4);
      g_assert_cmpfloat (fabs (plan->days[d].protein_g / 100 - 1), <=, BZ_DIET_MACRO_TOLERANCE + 5e-4);
    }
  g_assert_cmpuint (plan->n_candidates, ==, 40);
}

static void
test_filters (void)
{
  g_autoptr(Catalogue) c = catalogue_new (24, 3);
  const BzDietRecipe *recipes = (const BzDietRecipe *) c->recipes->data;
  static const char *const foods[] = { "BROCOLI", NULL };
  static const char *const tags[] = { "Horneado", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BzDietPlan) plan = NULL;
  BzDietRequest req;

  request_init (&req, 7, 4);
  req.allergens = BZ_ALLERGEN_MILK;
  req.excluded_foods = foods;
  req.excluded_tags = tags;
  plan = bz_diet_plan_solve (recipes, c->recipes->len, &req, &error);
  g_assert_no_error (error);
  assert_rules (plan, c, &req);
  for (guint i = 0; i < plan->n_days * plan->meals_per_day; i++)
    for (guint k = 0; k < plan->slots[i].n_portions; k++)
      {
        const BzDietRecipe *r = &recipes[plan->slots[i].portions[k].recipe];
        g_assert_cmpuint (r->allergens & BZ_ALLERGEN_MILK, ==, 0);
        g_assert_true (r->ingredients != broccoli_ingredients);
        g_assert_true (r->tags != baked_tags);
      }
  /* Each filter alone. */
  {
    BzDietRequest one;
    request_init (&one, 1, 3);
    one.allergens = BZ_ALLERGEN_MILK;
    g_assert_false (bz_diet_recipe_allowed (&recipes[0], &one));
    g_assert_true (bz_diet_recipe_allowed (&recipes[1], &one));
    request_init (&one, 1, 3);
    one.excluded_foods = foods;
    g_assert_false (bz_diet_recipe_allowed (&recipes[1], &one));   /* 1 % 4 == 1: broccoli */
    g_assert_true (bz_diet_recipe_allowed (&recipes[2], &one));
    request_init (&one, 1, 3);
    one.preference = BZ_DIET_VEGAN;
    g_assert_true (bz_diet_recipe_allowed (&recipes[3], &one));
    g_assert_false (bz_diet_recipe_allowed (&recipes[4], &one));
    one.preference = BZ_DIET_VEGETARIAN;
    g_assert_true (bz_diet_recipe_allowed (&recipes[3], &one));
  }
  /* A word's prefix, not any substring: "arroz" is excluded by "arr", not by "rroz". */
  {
    static const char *const prefix[] = { "arr", NULL }, *const inner[] = { "rroz", NULL };
    BzDietRequest one;
    request_init (&one, 1, 3);
    one.excluded_foods = prefix;
    g_assert_false (bz_diet_recipe_allowed (&recipes[2], &one));
    one.excluded_foods = inner;
    g_assert_true (bz_diet_recipe_allowed (&recipes[2], &one));
  }
}

/* Four breakfasts cover a week's seven at two uses each; the plan uses
 * none of them a third time, over two weeks too.  Three cannot: refused. */
static void
test_twice_a_week (void)
{
  g_autoptr(GError) error = NULL;
  BzDietRequest req;

  {
    g_autoptr(Catalogue) c = catalogue_new (4, 0);
    g_autoptr(BzDietPlan) plan = NULL;
    request_init (&req, 14, 3);
    plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    assert_rules (plan, c, &req);
    req.no_solver = TRUE;
    bz_diet_plan_free (plan);
    plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->solver, ==, BZ_DIET_SOLVER_GREEDY);
    assert_rules (plan, c, &req);
  }
  {
    g_autoptr(Catalogue) c = catalogue_new (3, 0);
    g_autoptr(BzDietPlan) plan = NULL;
    JsonArray *details;
    request_init (&req, 7, 3);
    plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_null (plan);
    g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
    details = bz_error_get_details (error);
    g_assert_nonnull (details);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (details, 0), "issue"), ==,
                     "unsatisfiable");
    g_clear_error (&error);
    /* Three days need only three of each. */
    request_init (&req, 3, 3);
    g_assert_true (bz_diet_plan_check ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error));
  }
  /* Out of range. */
  request_init (&req, 15, 5);
  g_assert_false (bz_diet_plan_check (NULL, 0, &req, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
  g_clear_error (&error);
  request_init (&req, 7, 2);
  g_assert_false (bz_diet_plan_check (NULL, 0, &req, &error));
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
}

/* Protein at 400 g a day cannot be reached with these recipes at 2000
 * kcal: the plan still comes, every rule kept, and says the days miss. */
static void
test_unreachable_targets (void)
{
  g_autoptr(Catalogue) c = catalogue_new (10, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BzDietPlan) plan = NULL;
  BzDietRequest req;

  request_init (&req, 3, 5);
  req.targets.protein_g = 400;
  plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
  g_assert_no_error (error);
  assert_rules (plan, c, &req);
  g_assert_cmpuint (plan->days_within, ==, 0);
  for (guint d = 0; d < 3; d++)
    {
      g_assert_false (plan->checks[d].within);
      g_assert_cmpfloat (plan->checks[d].deviation[1], <, -BZ_DIET_MACRO_TOLERANCE);
    }
}

static void
test_day_check (void)
{
  BzNutrients t = { 2000, 100, 250, 66.7, 0, 0 };
  BzNutrients in = { 2100, 110, 225, 60.03, 0, 0 };
  BzNutrients out = { 2102, 100, 250, 66.7, 0, 0 };
  BzDietDayCheck chk;

  bz_diet_day_check (&in, &t, &chk);
  g_assert_true (chk.within);
  g_assert_cmpfloat_with_epsilon (chk.deviation[0], 0.05, 1e-9);
  bz_diet_day_check (&out, &t, &chk);
  g_assert_false (chk.within);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diet-planner/slots", test_slots);
  g_test_add_func ("/diet-planner/day-check", test_day_check);
  g_test_add_func ("/diet-planner/feasible-week", test_feasible_week);
  g_test_add_func ("/diet-planner/filters", test_filters);
  g_test_add_func ("/diet-planner/twice-a-week", test_twice_a_week);
  g_test_add_func ("/diet-planner/unreachable-targets", test_unreachable_targets);
  return g_test_run ();
}
