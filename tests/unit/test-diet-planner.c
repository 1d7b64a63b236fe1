/* test-diet-planner.c — the local diet planner (bz-diet-planner.h) on
 * synthetic catalogues: a feasible week within every tolerance, the hard
 * filters (allergens, excluded foods and tags, vegan), the twice-a-week
 * rule (kept, and refused when the catalogue cannot keep it), an
 * unreachable target answered with a plan and its misses, the greedy
 * fallback's rules; with SMAE side foods, targets the recipes alone miss
 * reached on every day, the side foods' filters and bounds.  GLPK gets a long time limit here, so the result never
 * depends on the machine's load. */
#include <math.h>
#include <string.h>

#include "bz-diet-planner.h"
#include "bz-diet-sides.h"
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
 * more than twice a week; and the days' sums match the portions (and side
 * foods). */
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
          for (guint i = 0; i < slot->n_sides; i++)   /* assert_side_rules() checks them */
            kcal += slot->sides[i].equivalents * req->sides[slot->sides[i].side].per_equivalent.energy_kcal;
        }
      g_assert_cmpfloat_with_epsilon (plan->days[d].energy_kcal, kcal, 1e-6);
    }
}

/* The side foods' rules: each allowed for the patient, suiting its meal,
 * 1-3 whole equivalents, one per SMAE group, at most 4 in a meal; the
 * days' sums hold them (their own nutrients) with the recipes'. */
static void
assert_side_rules (const BzDietPlan *plan, const Catalogue *c, const BzDietRequest *req)
{
  const BzDietRecipe *recipes = (const BzDietRecipe *) c->recipes->data;
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);

  for (guint d = 0; d < plan->n_days; d++)
    {
      BzNutrients sum = { 0 };
      for (guint s = 0; s < plan->meals_per_day; s++)
        {
          const BzDietSlot *slot = &plan->slots[d * plan->meals_per_day + s];
          guint groups = 0, total = 0;
          for (guint i = 0; i < slot->n_portions; i++)
            bz_nutrients_add (&sum, &recipes[slot->portions[i].recipe].per_serving, slot->portions[i].servings);
          g_assert_cmpuint (slot->n_sides, <=, BZ_DIET_SLOT_MAX_SIDES);
          for (guint i = 0; i < slot->n_sides; i++)
            {
              const BzDietSide *f;
              g_assert_cmpuint (slot->sides[i].side, <, req->n_sides);
              f = &req->sides[slot->sides[i].side];
              g_assert_true (bz_diet_side_allowed (f, req));
              g_assert_true (f->meal_types & slots[s].meal_type);
              g_assert_cmpuint (slot->sides[i].equivalents, >=, 1);
              g_assert_cmpuint (slot->sides[i].equivalents, <=, BZ_DIET_SIDE_MAX_EQUIVALENTS);
              g_assert_false (groups & (1u << f->group));
              groups |= 1u << f->group;
              total += slot->sides[i].equivalents;
              bz_nutrients_add (&sum, &f->per_equivalent, slot->sides[i].equivalents);
            }
          g_assert_cmpuint (total, <=, BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS);
        }
      g_assert_cmpfloat_with_epsilon (plan->days[d].energy_kcal, sum.energy_kcal, 1e-6);
      g_assert_cmpfloat_with_epsilon (plan->days[d].protein_g, sum.protein_g, 1e-6);
    }
}

/* Some side foods with their SR28 panels per 100 g (energy 208, protein
 * 203, carbohydrate 205, fat 204 of NUT_DATA.txt): {ndb, FdGrp_Cd,
 * Long_Desc, kcal, P, C, F}. */
static const struct { const char *ndb, *group, *desc; double kcal, p, c, f; } sr28[] = {
  { "05064", "0500", "Chicken, broilers or fryers, breast, meat only, cooked, roasted", 165, 31.02, 0, 3.57 },
  { "15121", "1500", "Fish, tuna, light, canned in water, drained solids", 86, 19.44, 0, 0.96 },
  { "01124", "0100", "Egg, white, raw, fresh", 52, 10.90, 0.73, 0.17 },
  { "01085", "0100", "Milk, nonfat, fluid, with added vitamin A and vitamin D (fat free or skim)", 34, 3.37, 4.96, 0.08 },
  { "16139", "1600", "Soymilk, original and vanilla, with added calcium, vitamins A and D", 43, 2.60, 4.92, 1.47 },
  { "16015", "1600", "Beans, black, mature seeds, cooked, boiled, without salt", 132, 8.86, 23.71, 0.54 },
  { "16126", "1600", "Tofu, firm, prepared with calcium sulfate and magnesium chloride (nigari)", 78, 9.04, 2.85, 4.17 },
  { "16070", "1600", "Lentils, mature seeds, cooked, boiled, without salt", 116, 9.02, 20.13, 0.38 },
  { "18363", "1800", "Tortillas, ready-to-bake or -fry, corn", 218, 5.70, 44.64, 2.85 },
  { "09040", "0900", "Bananas, raw", 89, 1.09, 22.84, 0.33 },
  { "11964", "1100", "Nopales, cooked, without salt", 15, 1.35, 3.28, 0.05 },
  { "09037", "0900", "Avocados, raw, all commercial varieties", 160, 2.00, 8.53, 14.66 },
  { "04053", "0400", "Oil, olive, salad or cooking", 884, 0, 0, 100 },
};

/* Those foods as side foods (bz_diet_side_init() with their specs). */
static GArray *
sides_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (BzDietSide));
  guint n;
  const BzDietSideSpec *specs = bz_diet_side_specs (&n);

  for (guint i = 0; i < G_N_ELEMENTS (sr28); i++)
    for (guint k = 0; k < n; k++)
      if (g_str_equal (specs[k].ndb_no, sr28[i].ndb))
        {
          BzNutrients per_100g = { sr28[i].kcal, sr28[i].p, sr28[i].c, sr28[i].f, 0, 0 };
          BzDietSide side;
          g_assert_true (bz_diet_side_init (&side, &specs[k], sr28[i].group, sr28[i].desc, &per_100g));
          g_array_append_val (a, side);
        }
  g_assert_cmpuint (a->len, ==, G_N_ELEMENTS (sr28));
  return a;
}

/* Side @ndb of @sides. */
static const BzDietSide *
side_of (GArray *sides, const char *ndb)
{
  for (guint i = 0; i < sides->len; i++)
    if (g_str_equal (g_array_index (sides, BzDietSide, i).id, ndb))
      return &g_array_index (sides, BzDietSide, i);
  g_assert_not_reached ();
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

/* One equivalent: the food's own grams for its group's defining nutrient. */
static void
test_side_init (void)
{
  g_autoptr(GArray) sides = sides_new ();
  const BzDietSide *chicken = side_of (sides, "05064"), *tortilla = side_of (sides, "18363");
  const BzDietSide *oil = side_of (sides, "04053");
  BzDietSide piece = *tortilla;
  guint n;
  const BzDietSideSpec *specs = bz_diet_side_specs (&n);
  BzNutrients none = { 10, 0, 0, 0, 0, 0 };
  BzDietSide unusable;
  char *h;

  /* 7 g of protein: 22.6 g of chicken breast, 37.2 kcal. */
  g_assert_cmpfloat_with_epsilon (chicken->grams, 700 / 31.02, 1e-9);
  g_assert_cmpfloat_with_epsilon (chicken->per_equivalent.protein_g, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (chicken->per_equivalent.energy_kcal, 165 * 7 / 31.02, 1e-9);
  g_assert_cmpint (chicken->group, ==, BZ_SMAE_ANIMAL_VERY_LOW_FAT);
  /* 15 g of carbohydrate: 33.6 g of corn tortilla; 5 g of lipids: 5 g of oil. */
  g_assert_cmpfloat_with_epsilon (tortilla->per_equivalent.carbohydrate_g, 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (oil->grams, 5, 1e-9);
  /* A panel without the defining nutrient cannot count. */
  g_assert_false (bz_diet_side_init (&unusable, &specs[0], "0500", "Chicken", &none));
  /* Household measures in quarters of the unit. */
  piece.grams = 24;
  h = bz_diet_side_household (&piece, 1);
  g_assert_cmpstr (h, ==, "1 pieza");
  g_free (h);
  h = bz_diet_side_household (&piece, 3);
  g_assert_cmpstr (h, ==, "3 piezas");
  g_free (h);
  piece.grams = 12;
  h = bz_diet_side_household (&piece, 1);
  g_assert_cmpstr (h, ==, "1/2 de pieza");
  g_free (h);
  piece.grams = 30;
  h = bz_diet_side_household (&piece, 1);
  g_assert_cmpstr (h, ==, "1 1/4 piezas");
  g_free (h);
}

/* Who may eat which side food: the allergens, the excluded foods (Spanish
 * name or SR28 description) and the preference. */
static void
test_side_filters (void)
{
  g_autoptr(GArray) sides = sides_new ();
  static const char *const beans[] = { "frijol", NULL }, *const oil[] = { "olive", NULL };
  BzDietRequest req;

  request_init (&req, 1, 3);
  g_assert_true (bz_diet_side_allowed (side_of (sides, "05064"), &req));
  req.preference = BZ_DIET_VEGETARIAN;
  g_assert_false (bz_diet_side_allowed (side_of (sides, "05064"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "15121"), &req));
  g_assert_true (bz_diet_side_allowed (side_of (sides, "01124"), &req));
  g_assert_true (bz_diet_side_allowed (side_of (sides, "01085"), &req));
  req.preference = BZ_DIET_VEGAN;
  g_assert_false (bz_diet_side_allowed (side_of (sides, "01124"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "01085"), &req));
  g_assert_true (bz_diet_side_allowed (side_of (sides, "16139"), &req));
  g_assert_true (bz_diet_side_allowed (side_of (sides, "16126"), &req));
  request_init (&req, 1, 3);
  req.allergens = BZ_ALLERGEN_EGG | BZ_ALLERGEN_FISH | BZ_ALLERGEN_SOY | BZ_ALLERGEN_MILK;
  g_assert_false (bz_diet_side_allowed (side_of (sides, "01124"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "15121"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "16139"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "16126"), &req));
  g_assert_false (bz_diet_side_allowed (side_of (sides, "01085"), &req));
  g_assert_true (bz_diet_side_allowed (side_of (sides, "05064"), &req));
  request_init (&req, 1, 3);
  req.excluded_foods = beans;
  g_assert_false (bz_diet_side_allowed (side_of (sides, "16015"), &req));   /* "Frijoles negros cocidos" */
  req.excluded_foods = oil;
  g_assert_false (bz_diet_side_allowed (side_of (sides, "04053"), &req));   /* "Oil, olive, ..." */
  g_assert_true (bz_diet_side_allowed (side_of (sides, "16015"), &req));
}

/* Recipes of 12-16 % protein cannot reach a 27 % protein target at 2000
 * kcal on their own; with side foods every day of two weeks is within
 * every tolerance, each rule kept; the greedy planner and GLPK with next to
 * no time keep the rules; a vegan patient allergic to soy with beans
 * excluded gets none of those foods, and still every day within. */
static void
test_sides_reach_targets (void)
{
  g_autoptr(Catalogue) c = catalogue_new (10, 0);
  g_autoptr(GArray) sides = sides_new ();
  g_autoptr(GError) error = NULL;
  BzDietRequest req;

  for (guint i = 0; i < c->recipes->len; i++)
    {
      BzDietRecipe *r = &g_array_index (c->recipes, BzDietRecipe, i);
      double p = 0.12 + 0.04 * (i % 3) / 2.0, f = 0.30;
      r->per_serving.protein_g = r->per_serving.energy_kcal * p / 4;
      r->per_serving.fat_g = r->per_serving.energy_kcal * f / 9;
      r->per_serving.carbohydrate_g = r->per_serving.energy_kcal * (1 - p - f) / 4;
    }
  request_init (&req, 14, 5);
  req.targets.protein_g = 135;   /* 27 % of 2000 kcal */
  req.targets.carbohydrate_g = 2000 * 0.43 / 4;
  {
    g_autoptr(BzDietPlan) plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->days_within, ==, 0);   /* recipes alone: every day short of protein */
    g_assert_cmpfloat (plan->checks[0].deviation[1], <, -BZ_DIET_MACRO_TOLERANCE);
  }
  req.sides = (const BzDietSide *) sides->data;
  req.n_sides = sides->len;
  {
    g_autoptr(BzDietPlan) plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    assert_rules (plan, c, &req);
    assert_side_rules (plan, c, &req);
    for (guint d = 0; d < plan->n_days; d++)
      {
        g_test_message ("day %u: %+.3f %+.3f %+.3f %+.3f", d, plan->checks[d].deviation[0],
                        plan->checks[d].deviation[1], plan->checks[d].deviation[2], plan->checks[d].deviation[3]);
        g_assert_true (plan->checks[d].within);
      }
    g_assert_cmpuint (plan->days_within, ==, 14);
  }
  /* The greedy planner (no GLPK) keeps the same rules. */
  req.no_solver = TRUE;
  {
    g_autoptr(BzDietPlan) plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (plan->solver, ==, BZ_DIET_SOLVER_GREEDY);
    assert_rules (plan, c, &req);
    assert_side_rules (plan, c, &req);
  }
  /* GLPK with next to no time: whatever it and the greedy repair make, the rules hold. */
  req.no_solver = FALSE;
  req.time_limit_ms = 1;
  {
    g_autoptr(BzDietPlan) plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    assert_rules (plan, c, &req);
    assert_side_rules (plan, c, &req);
  }
  /* Vegan (every third recipe is), soy-allergic, no beans. */
  {
    static const char *const beans[] = { "frijol", NULL };
    g_autoptr(BzDietPlan) plan = NULL;
    req.time_limit_ms = LONG_LIMIT_MS;
    req.n_days = 3;   /* 3 vegan recipes of each meal type: 6 meals a week of each */
    req.meals_per_day = 3;
    req.preference = BZ_DIET_VEGAN;
    req.allergens = BZ_ALLERGEN_SOY;
    req.excluded_foods = beans;
    req.targets.protein_g = 80;   /* 16 % */
    req.targets.carbohydrate_g = 2000 * 0.52 / 4;
    req.targets.fat_g = 2000 * 0.32 / 9;
    plan = bz_diet_plan_solve ((BzDietRecipe *) c->recipes->data, c->recipes->len, &req, &error);
    g_assert_no_error (error);
    assert_rules (plan, c, &req);
    assert_side_rules (plan, c, &req);
    for (guint i = 0; i < plan->n_days * plan->meals_per_day; i++)
      for (guint k = 0; k < plan->slots[i].n_sides; k++)
        {
          const BzDietSide *f = &req.sides[plan->slots[i].sides[k].side];
          g_test_message ("meal %u: %s x %u", i, f->id, plan->slots[i].sides[k].equivalents);
          g_assert_cmpstr (f->id, !=, "16015");
          g_assert_cmpstr (f->id, !=, "16126");
          g_assert_cmpstr (f->id, !=, "16139");
          g_assert_cmpstr (f->id, !=, "05064");
          g_assert_cmpstr (f->id, !=, "01085");
        }
    g_assert_cmpuint (plan->days_within, ==, 3);
  }
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
  g_test_add_func ("/diet-planner/side-init", test_side_init);
  g_test_add_func ("/diet-planner/side-filters", test_side_filters);
  g_test_add_func ("/diet-planner/sides-reach-targets", test_sides_reach_targets);
  return g_test_run ();
}
