/* bench-diet-planner.c — the local diet planner (bz-diet-planner.h) on 1,000
 * synthetic patients and Balanza's recipe catalogue (issue 11).
 *
 *   bench-diet-planner [N_PATIENTS]      (default 1000)
 *
 * The catalogue: SR28 and data/recipes imported into a fresh store, every
 * published recipe read back as the service reads it.  Each patient, drawn
 * with a seeded GRand (seed 11): a sex (1/2 each), a body (weight, height)
 * drawn from that sex's NHANES 2017-2020 adults (/work/shared/data
 * nhanes-bmx-2020, or $BALANZA_NHANES_DIR), an age uniform in 18-80 years
 * (the files carry no ages), an activity level and a goal uniform among
 * theirs, each NOM-051 allergen with probability 0.08, a dietary
 * preference omnivore 0.7 / vegetarian 0.2 / vegan 0.1, 3-6 meals a day
 * uniform; targets by bz_daily_targets(); a 7-day plan.
 *
 * Prints one `name value` line per figure: plans made, plans refused as
 * unsatisfiable (too few recipes left for the restrictions:
 * bz_diet_plan_check()), the share of days within tolerance (±5 % energy,
 * ±10 % macronutrients), allergen and preference leaks (must be 0),
 * twice-a-week violations (must be 0), the side foods (bz-diet-sides.h,
 * their panels from the same store) per day and any break of their bounds
 * (must be 0), how the plans were solved, and the wall time per plan
 * p50/p99/max (bz_diet_plan_solve(), one thread).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bz-diet-planner.h"
#include "bz-diet-sides.h"
#include "bz-recipe-derive.h"
#include "bz-recipe-import.h"
#include "bz-recipe-repo.h"
#include "bz-test-util.h"
#include "bz-usda-import.h"

#define SEED 11
#define DAYS 7

typedef struct
{
  double weight_kg, height_cm;
} Body;

static GArray *
read_bodies (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *a = g_array_new (FALSE, FALSE, sizeof (Body));
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      Body b;
      if (lines[i][0] == '#' || lines[i][0] == '"' || lines[i][0] == '\0')
        continue;
      if (sscanf (lines[i], "%lf,%lf", &b.weight_kg, &b.height_cm) == 2)
        g_array_append_val (a, b);
    }
  return a;
}

/* The published catalogue as planner candidates (as bz-integration-diet.c
 * reads it); the records stay in @out_records. */
static GArray *
read_catalogue (BzStore *store, GPtrArray **out_records)
{
  GArray *diet = g_array_new (FALSE, TRUE, sizeof (BzDietRecipe));
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (gint64 page = 1;; page++)
    {
      BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
      g_autoptr(GPtrArray) rows = NULL;
      gint64 total = 0;
      q.page = page;
      q.limit = BZ_RECIPE_LIMIT_MAX;
      q.sort_by = "created_at";
      if (!bz_recipe_repo_find (store, &q, &rows, &total, &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (records, g_object_ref (g_ptr_array_index (rows, i)));
      if (rows->len == 0 || (gint64) records->len >= total)
        break;
    }
  for (guint i = 0; i < records->len; i++)
    {
      BzRecord *rec = g_ptr_array_index (records, i);
      BzRecord *n = bz_record_get_object (rec, BZ_RECIPE_NUTRITION_PER_SERVING);
      const char *const *types = bz_record_get_strv (rec, BZ_RECIPE_MEAL_TYPES);
      const char *const *allergens = bz_record_get_strv (rec, BZ_RECIPE_ALLERGENS);
      BzDietRecipe r = { 0 };
      r.id = bz_record_get_string (rec, BZ_RECIPE_ID);
      r.per_serving.energy_kcal = bz_record_get_double (n, BZ_RECIPE_NUTRITION_CALORIES);
      r.per_serving.protein_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_PROTEIN_G);
      r.per_serving.carbohydrate_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_CARBS_G);
      r.per_serving.fat_g = bz_record_get_double (n, BZ_RECIPE_NUTRITION_FAT_G);
      for (guint j = 0; types && types[j]; j++)
        r.meal_types |= bz_diet_meal_type_from_id (types[j]);
      for (guint j = 0; allergens && allergens[j]; j++)
        for (guint b = 0; b < bz_vocab_allergen.n_terms; b++)
          if (g_strcmp0 (allergens[j], bz_vocab_allergen.terms[b].id) == 0)
            r.allergens |= 1u << b;
      r.tags = bz_record_get_strv (rec, BZ_RECIPE_DIETARY_TAGS);
      g_array_append_val (diet, r);
    }
  *out_records = records;
  return diet;
}

/* The planner's side foods (bz_diet_side_specs()) with their SR28 panels
 * from the store, as bz-integration-diet.c reads them. */
static GArray *
read_sides (BzStore *store, GHashTable **out_foods)
{
  guint n_specs;
  const BzDietSideSpec *specs = bz_diet_side_specs (&n_specs);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GArray *sides = g_array_new (FALSE, TRUE, sizeof (BzDietSide));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_specs; i++)
    g_ptr_array_add (ids, (gpointer) specs[i].ndb_no);
  g_ptr_array_add (ids, NULL);
  if (!bz_recipe_repo_foods (store, (const char *const *) ids->pdata, out_foods, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n_specs; i++)
    {
      BzRecipeFood *f = g_hash_table_lookup (*out_foods, specs[i].ndb_no);
      BzDietSide side;
      if (f == NULL || !bz_diet_side_init (&side, &specs[i], f->food_group, f->long_desc, &f->per_100g))
        g_error ("side food %s is not in the food table", specs[i].ndb_no);
      g_array_append_val (sides, side);
    }
  return sides;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static gboolean
has_tag (const BzDietRecipe *r, const char *tag)
{
  for (guint i = 0; r->tags && r->tags[i]; i++)
    if (g_str_equal (r->tags[i], tag))
      return TRUE;
  return FALSE;
}

int
main (int argc, char **argv)
{
  guint n_patients = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  const char *nhanes = g_getenv ("BALANZA_NHANES_DIR") ? g_getenv ("BALANZA_NHANES_DIR")
                                                       : "/work/shared/data/nhanes-bmx-2020";
  g_autofree char *dir = bz_test_tmpdir ("bench-diet");
  g_autofree char *foods = bz_usda_default_source_dir (), *recipes_src = bz_recipe_default_source ();
  g_autofree char *fpath = g_build_filename (nhanes, "nhanes_adult_female_bmx_2020.csv", NULL);
  g_autofree char *mpath = g_build_filename (nhanes, "nhanes_adult_male_bmx_2020.csv", NULL);
  g_autoptr(GArray) women = read_bodies (fpath), men = read_bodies (mpath);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) catalogue = NULL, sides = NULL;
  g_autoptr(GHashTable) side_foods = NULL;
  guint side_eq = 0, side_bounds = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GError) error = NULL;
  BzStore *store;
  guint refused = 0, days = 0, within = 0, leaks = 0, overuse = 0, solvers[3] = { 0 }, missed[4] = { 0 }, greedy_days = 0;

  store = bz_store_open (dir, &error);
  if (store == NULL || !bz_usda_import (store, foods, NULL, NULL, NULL, &error) ||
      !bz_recipe_import (store, recipes_src, NULL, &error))
    g_error ("%s", error->message);
  catalogue = read_catalogue (store, &records);
  sides = read_sides (store, &side_foods);

  for (guint i = 0; i < n_patients; i++)
    {
      gboolean male = g_rand_boolean (rand);
      GArray *pool = male ? men : women;
      const Body *b = &g_array_index (pool, Body, g_rand_int_range (rand, 0, (gint32) pool->len));
      double age = g_rand_int_range (rand, 18, 81), u;
      BzActivityLevel level = (BzActivityLevel) g_rand_int_range (rand, 0, 5);
      BzGoal goal = (BzGoal) g_rand_int_range (rand, 0, 3);
      BzDietRequest req = { 0 };
      g_autoptr(BzDietPlan) plan = NULL;
      g_autoptr(GError) local = NULL;
      double t0;

      bz_daily_targets (male ? BZ_SEX_MALE : BZ_SEX_FEMALE, b->weight_kg, b->height_cm, age, level, goal, &req.targets);
      for (guint a = 0; a < BZ_ALLERGEN_N; a++)
        if (g_rand_double (rand) < 0.08)
          req.allergens |= 1u << a;
      u = g_rand_double (rand);
      req.preference = u < 0.7 ? BZ_DIET_OMNIVORE : u < 0.9 ? BZ_DIET_VEGETARIAN : BZ_DIET_VEGAN;
      req.n_days = DAYS;
      req.meals_per_day = (guint) g_rand_int_range (rand, 3, 7);
      req.seed = i;
      req.sides = (const BzDietSide *) sides->data;
      req.n_sides = sides->len;

      t0 = (double) g_get_monotonic_time ();
      plan = bz_diet_plan_solve ((const BzDietRecipe *) catalogue->data, catalogue->len, &req, &local);
      if (plan == NULL)
        {
          if (!g_error_matches (local, BZ_ERROR, BZ_ERROR_VALIDATION))
            g_error ("patient %u: %s", i, local->message);
          refused++;
          continue;
        }
      {
        double ms = ((double) g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (times, ms);
      }
      solvers[plan->solver]++;
      days += plan->n_days;
      within += plan->days_within;
      greedy_days += plan->greedy_days;
      for (guint d = 0; d < plan->n_days; d++)
        for (guint k = 0; k < 4; k++)
          if (fabs (plan->checks[d].deviation[k]) > (k == 0 ? BZ_DIET_ENERGY_TOLERANCE : BZ_DIET_MACRO_TOLERANCE) + 5e-4)
            missed[k]++;
      for (guint d = 0; d < plan->n_days; d++)
        for (guint s = 0; s < plan->meals_per_day; s++)
          {
            const BzDietSlot *slot = &plan->slots[d * plan->meals_per_day + s];
            guint slot_eq = 0;
            for (guint k = 0; k < slot->n_sides; k++)
              {
                const BzDietSide *f = &g_array_index (sides, BzDietSide, slot->sides[k].side);
                gboolean meat = (f->traits & BZ_FOOD_MEAT_FISH) != 0;
                gboolean animal = meat || (f->traits & (BZ_FOOD_DAIRY_EGG | BZ_FOOD_HONEY));
                if ((f->allergens & req.allergens) || (req.preference == BZ_DIET_VEGAN && animal) ||
                    (req.preference == BZ_DIET_VEGETARIAN && meat))
                  leaks++;
                if (slot->sides[k].equivalents < 1 || slot->sides[k].equivalents > BZ_DIET_SIDE_MAX_EQUIVALENTS)
                  side_bounds++;
                for (guint kk = 0; kk < k; kk++)
                  if (g_array_index (sides, BzDietSide, slot->sides[kk].side).group == f->group)
                    side_bounds++;
                slot_eq += slot->sides[k].equivalents;
              }
            side_eq += slot_eq;
            if (slot_eq > BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS)
              side_bounds++;
            for (guint k = 0; k < slot->n_portions; k++)
              {
                const BzDietRecipe *r = &g_array_index (catalogue, BzDietRecipe, slot->portions[k].recipe);
                guint uses = 0;
                if ((r->allergens & req.allergens) ||
                    (req.preference == BZ_DIET_VEGAN && !has_tag (r, "vegan")) ||
                    (req.preference == BZ_DIET_VEGETARIAN && !has_tag (r, "vegetarian") && !has_tag (r, "vegan")))
                  leaks++;
                for (guint dd = 0; dd < plan->n_days; dd++)
                  for (guint ss = 0; ss < plan->meals_per_day; ss++)
                    {
                      const BzDietSlot *o = &plan->slots[dd * plan->meals_per_day + ss];
                      for (guint kk = 0; kk < o->n_portions; kk++)
                        uses += o->portions[kk].recipe == slot->portions[k].recipe;
                    }
                if (uses > BZ_DIET_MAX_USES_PER_WEEK)
                  overuse++;
              }
          }
    }

  g_array_sort (times, cmp_double);
  printf ("diet_patients %u\n", n_patients);
  printf ("diet_catalogue_recipes %u\n", catalogue->len);
  printf ("diet_plans %u\n", times->len);
  printf ("diet_plans_refused_unsatisfiable %u\n", refused);
  printf ("diet_days %u\n", days);
  printf ("diet_days_within_tolerance_share %.4f\n", days ? (double) within / days : 0);
  printf ("diet_days_missing_energy %u\ndiet_days_missing_protein %u\ndiet_days_missing_carbohydrate %u\n"
          "diet_days_missing_fat %u\n", missed[0], missed[1], missed[2], missed[3]);
  printf ("diet_days_greedy %u\n", greedy_days);
  printf ("diet_allergen_or_preference_leaks %u\n", leaks);
  printf ("diet_twice_a_week_violations %u\n", overuse);
  printf ("diet_side_food_catalogue %u\n", sides->len);
  printf ("diet_side_equivalents_per_day %.2f\n", days ? (double) side_eq / days : 0);
  printf ("diet_side_bound_violations %u\n", side_bounds);
  printf ("diet_solver_glpk %u\ndiet_solver_glpk_time_limit %u\ndiet_solver_greedy %u\n", solvers[0], solvers[1],
          solvers[2]);
  if (times->len)
    {
      printf ("diet_plan_ms_p50 %.2f\n", g_array_index (times, double, times->len / 2));
      printf ("diet_plan_ms_p99 %.2f\n", g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.99))));
      printf ("diet_plan_ms_max %.2f\n", g_array_index (times, double, times->len - 1));
    }
  g_ptr_array_unref (g_steal_pointer (&records));
  g_object_unref (store);
  bz_test_rmdir (dir);
  return leaks || overuse || side_bounds ? 1 : 0;
}
