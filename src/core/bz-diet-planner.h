/* bz-diet-planner.h — the local diet planner (issue 11, "The local diet
 * planner"; seed 000 story 4.2): recipes and servings for every meal of
 * every day of a plan, chosen by a mixed-integer program.
 *
 * The diet problem: choose amounts of foods that meet nutrient requirements
 * (G. J. Stigler, "The Cost of Subsistence", J. Farm Econ. 27(2):303-314,
 * 1945; G. B. Dantzig, "The Diet Problem", Interfaces 20(4):43-47, 1990).
 * Here the foods are recipes of Balanza's catalogue, the amounts servings in
 * half steps, and the requirements each day's energy and macronutrient
 * targets (bz_daily_targets()).  It is solved with GLPK, the GNU Linear
 * Programming Kit (A. Makhorin, https://www.gnu.org/software/glpk/, glpk.h
 * glp_intopt(): branch and cut), within %BZ_DIET_PLANNER_TIME_LIMIT_MS; a
 * greedy planner answers when GLPK finds no integer solution in that time.
 *
 * Pure: no I/O, no store; thread-safe (GLPK runs under a process-wide lock).
 *
 * The program, for days d, the day's meal slots s, the candidate recipes
 * r that suit s's meal type and the side foods f offered to s (bz-diet-sides.h:
 * single foods in whole SMAE equivalents, one food per SMAE group and slot):
 *   y[d,s,r] ∈ {0,1}          recipe r is in slot s of day d
 *   n[d,s,r] ∈ {0,1,...,2M}   its servings, in halves (servings = n / 2),
 *                             1·y ≤ n ≤ 2M·y, M = %BZ_DIET_MAX_SERVINGS
 *   x[d,s,f] ∈ {0,...,3}      equivalents of side food f (%BZ_DIET_SIDE_MAX_EQUIVALENTS)
 *   1 ≤ Σ_r y[d,s,r] ≤ %BZ_DIET_SLOT_MAX_RECIPES          every slot
 *   Σ_f x[d,s,f] ≤ %BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS      every slot
 *   Σ_{d in week w, s} y[d,s,r] ≤ %BZ_DIET_MAX_USES_PER_WEEK   every recipe, week
 *   (1 − 5 %) E ≤ Σ n/2 · kcal_r + Σ x · kcal_f + u − o ≤ (1 + 5 %) E   every day, energy
 *   the same at ±10 % for protein, carbohydrate and fat
 *   0.5 share_s E ≤ Σ_r n/2 · kcal_r + Σ_f x · kcal_f ≤ 1.75 share_s E   every slot (hard)
 *   minimize Σ weighted (u + o) / target + %BZ_DIET_SIDE_COST · Σ x
 * kcal_f and the others are the side food's own SR28 nutrients for one
 * equivalent of it, not the group's nominal values.
 * The tolerances are soft: u, o ≥ 0 take up what cannot be met, at a cost,
 * so a plan always comes out and says which days missed (bz_diet_day_check()).
 * Allergens, excluded foods and tags and the dietary preference are hard: a
 * recipe that breaks one is not a candidate (bz_diet_recipe_allowed()).
 * Weeks are days 1-7 and 8-14.
 *
 * The program is solved day by day (a rolling horizon): one day's program
 * (meals x candidates, a few hundred binaries) solves in milliseconds where
 * the whole plan's does not in %BZ_DIET_PLANNER_TIME_LIMIT_MS; the weekly
 * rule carries from day to day as each recipe's uses left, which
 * bz_diet_plan_check() has shown to suffice.  Each meal's program offers the
 * few recipes closest to the targets' energy split and the most energy-dense
 * (a few milliseconds a day, where every candidate took tens).  A day GLPK
 * finds no solution within every tolerance for in its share of the time is
 * planned greedily, then re-solved with the greedy recipes kept (servings
 * and side foods only); the better of the two days is kept.
 */
#pragma once

#include "bz-nutrition.h"
#include "bz-smae.h"

G_BEGIN_DECLS

/** BZ_DIET_PLANNER_MAX_DAYS: longest plan, 14 days (seed 000 story 4.2: plans are regenerated every 2 weeks). */
#define BZ_DIET_PLANNER_MAX_DAYS 14
/** BZ_DIET_PLANNER_DEFAULT_DAYS: a week. */
#define BZ_DIET_PLANNER_DEFAULT_DAYS 7
/** BZ_DIET_PLANNER_MIN_MEALS, BZ_DIET_PLANNER_MAX_MEALS: meals a day (bz_diet_planner_slots()). */
#define BZ_DIET_PLANNER_MIN_MEALS 3
#define BZ_DIET_PLANNER_MAX_MEALS 6
/** BZ_DIET_PLANNER_DEFAULT_MEALS: seed 002 §4.7 generate-meal-plan: 5 meals a day. */
#define BZ_DIET_PLANNER_DEFAULT_MEALS 5
/** BZ_DIET_ENERGY_TOLERANCE: a day's energy within ±5 % of the target (issue 11). */
#define BZ_DIET_ENERGY_TOLERANCE 0.05
/** BZ_DIET_MACRO_TOLERANCE: protein, carbohydrate and fat within ±10 % (issue 11). */
#define BZ_DIET_MACRO_TOLERANCE 0.10
/** BZ_DIET_SLOT_MIN_SHARE, BZ_DIET_SLOT_MAX_SHARE: a meal's energy between half and 1.75 times its share of
 * the day's (Balanza's choice: wide enough to leave the day's targets room, narrow enough that the comida
 * stays the main meal and a colación a snack). */
#define BZ_DIET_SLOT_MIN_SHARE 0.5
#define BZ_DIET_SLOT_MAX_SHARE 1.75
/** BZ_DIET_MIP_GAP: GLPK stops within 5 % of the best bound (glp_iocp.mip_gap): on a day the catalogue cannot
 * bring within tolerance, a plan 5 % from the least possible penalty is as good to the patient. */
#define BZ_DIET_MIP_GAP 0.05
/** BZ_DIET_MAX_USES_PER_WEEK: the same recipe at most twice a week (issue 11). */
#define BZ_DIET_MAX_USES_PER_WEEK 2
/** BZ_DIET_SLOT_MAX_RECIPES: a meal has 1 or 2 recipes. */
#define BZ_DIET_SLOT_MAX_RECIPES 2
/** BZ_DIET_SIDE_MAX_EQUIVALENTS: at most 3 equivalents of one SMAE group's side food in one meal (Balanza's
 * choice: a clinic's plan rarely lists more of one group in a meal, e.g. 3 tortillas or 90 g of chicken). */
#define BZ_DIET_SIDE_MAX_EQUIVALENTS 3
/** BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS: at most 4 equivalents of side foods in one meal (Balanza's choice: the
 * recipes stay the meal). */
#define BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS 4
/** BZ_DIET_SLOT_MAX_SIDES: side foods in one meal: at most one per group the planner offers (bz_diet_side_specs()). */
#define BZ_DIET_SLOT_MAX_SIDES 8
/** BZ_DIET_SERVING_STEP: servings come in halves, as clinics hand out portions. */
#define BZ_DIET_SERVING_STEP 0.5
/** BZ_DIET_MAX_SERVINGS: at most 3 servings of one recipe in one meal (Balanza's bound on a portion). */
#define BZ_DIET_MAX_SERVINGS 3.0
/**
 * BZ_DIET_PLANNER_TIME_LIMIT_MS:
 * GLPK's time limit per plan (glp_iocp.tm_lim), 150 ms: issue 11 asks for a
 * plan in under 200 ms at the 99th percentile; past it the best integer
 * solution found is used, or the greedy planner when there is none.
 */
#define BZ_DIET_PLANNER_TIME_LIMIT_MS 150

/**
 * BzDietMealType:
 * The meal types of Balanza's recipes (bz_vocab_recipe_meal_type), one bit each.
 */
typedef enum
{
  BZ_DIET_MEAL_BREAKFAST = 1 << 0,   /* desayuno */
  BZ_DIET_MEAL_SNACK     = 1 << 1,   /* colacion */
  BZ_DIET_MEAL_LUNCH     = 1 << 2,   /* comida */
  BZ_DIET_MEAL_DINNER    = 1 << 3,   /* cena */
} BzDietMealType;

/**
 * bz_diet_meal_type_from_id:
 * @id: a term of bz_vocab_recipe_meal_type in any spelling ("comida", "lunch")
 * Returns: its #BzDietMealType bit, 0 when unknown.
 */
guint bz_diet_meal_type_from_id (const char *id);

/** BzDietPreference: seed 002 §3.2 patients.dietary_preference (bz_vocab_dietary_preference). */
typedef enum
{
  BZ_DIET_OMNIVORE,
  BZ_DIET_VEGETARIAN,   /* recipes tagged vegetarian (or vegan) only */
  BZ_DIET_VEGAN,        /* recipes tagged vegan only */
} BzDietPreference;

/**
 * BzDietSlotSpec:
 * @id: the meal's id ("desayuno", "colacion_matutina", ...)
 * @name: its name as a plan shows it, in Spanish (Mexico) ("Colación matutina")
 * @meal_type: the #BzDietMealType its recipes must suit
 * @share: its share of the day's energy
 */
typedef struct
{
  const char *id;
  const char *name;
  BzDietMealType meal_type;
  double share;
} BzDietSlotSpec;

/**
 * bz_diet_planner_slots:
 * @meals: meals a day, 3-6
 *
 * The meals of a day and each one's share of the day's energy.  Balanza's
 * choice, stated here (no norm fixes it): the comida, Mexico's main meal,
 * takes the most; each colación (snack) 10 %:
 *   3 meals: desayuno 30, comida 40, cena 30 %
 *   4 meals: desayuno 25, colación 10, comida 35, cena 30 %
 *   5 meals: desayuno 25, colación 10, comida 35, colación 10, cena 20 %
 *   6 meals: desayuno 20, colación 10, comida 30, colación 10, cena 20, colación 10 %
 * Each row adds up to 1.
 *
 * Returns: (transfer none) (array length=meals): the slots, %NULL outside 3-6.
 */
const BzDietSlotSpec *bz_diet_planner_slots (guint meals);

/**
 * BzDietRecipe:
 * @id: the recipe's id (borrowed)
 * @per_serving: its nutrients per serving (kcal, g, mg)
 * @meal_types: the #BzDietMealType bits it suits
 * @allergens: its #BzAllergen bits (bz-recipe-derive.h)
 * @tags: (array zero-terminated=1) (nullable): its dietary tags
 *   (bz_vocab_dietary_tag ids) and free tags, borrowed
 * @ingredients: (array zero-terminated=1) (nullable): its ingredients' texts
 *   and SR28 descriptions, borrowed: what excluded foods are matched against
 *
 * One candidate of the catalogue.
 */
typedef struct
{
  const char *id;
  BzNutrients per_serving;
  guint meal_types;
  guint allergens;
  const char *const *tags;
  const char *const *ingredients;
} BzDietRecipe;

/**
 * BzDietRequest:
 * @targets: the day's targets (bz_daily_targets()): energy, protein,
 *   carbohydrate and fat are planned for
 * @n_days: 1-%BZ_DIET_PLANNER_MAX_DAYS
 * @meals_per_day: 3-6 (bz_diet_planner_slots())
 * @allergens: #BzAllergen bits the patient must not eat
 * @preference: the dietary preference
 * @excluded_tags: (array zero-terminated=1) (nullable): tags no chosen
 *   recipe may carry (dietary tags or free tags, case and accents ignored)
 * @excluded_foods: (array zero-terminated=1) (nullable): words no chosen
 *   recipe's ingredient may contain (case and accents ignored; "brócoli"
 *   excludes "1 taza de brocoli"); allergies that are not a known allergen
 *   ("kiwi") belong here
 * @time_limit_ms: GLPK's limit; 0: %BZ_DIET_PLANNER_TIME_LIMIT_MS
 * @seed: orders the candidates (another seed, another equally good plan)
 * @no_solver: skip GLPK and plan greedily (tests, and the benchmark's
 *   comparison)
 * @sides: (array length=n_sides) (nullable): the single foods the planner
 *   may add to a meal in whole SMAE equivalents (#BzDietSide,
 *   bz_diet_side_init()); those bz_diet_side_allowed() refuses are never
 *   chosen.  %NULL: recipes only, as before.
 * @n_sides: their number
 */
typedef struct
{
  BzNutrients targets;
  guint n_days;
  guint meals_per_day;
  guint allergens;
  BzDietPreference preference;
  const char *const *excluded_tags;
  const char *const *excluded_foods;
  guint time_limit_ms;
  guint32 seed;
  gboolean no_solver;
  const struct _BzDietSide *sides;
  guint n_sides;
} BzDietRequest;

/**
 * bz_diet_recipe_allowed:
 * Returns: whether @recipe may be in @request's plan: none of its
 *   allergens, tags or ingredients is excluded and it fits the preference.
 *   Its meal types are not looked at.
 */
gboolean bz_diet_recipe_allowed (const BzDietRecipe *recipe, const BzDietRequest *request);

/**
 * BzDietSolver:
 * @BZ_DIET_SOLVER_GLPK: every day GLPK's solution: optimal within
 *   %BZ_DIET_MIP_GAP, or within every tolerance (%BZ_DIET_GOOD_ENOUGH),
 *   where the search stops
 * @BZ_DIET_SOLVER_GLPK_TIME_LIMIT: some days GLPK's best integer solution
 *   when their time ran out, or the greedy day (repaired) when GLPK had
 *   none within every tolerance and the greedy one was better
 *   (#BzDietPlan.greedy_days)
 * @BZ_DIET_SOLVER_GREEDY: every day greedy (no GLPK: @no_solver, or no
 *   integer solution in time)
 *
 * How a plan was made.
 */
typedef enum
{
  BZ_DIET_SOLVER_GLPK,
  BZ_DIET_SOLVER_GLPK_TIME_LIMIT,
  BZ_DIET_SOLVER_GREEDY,
} BzDietSolver;

/** BZ_DIET_GOOD_ENOUGH: the penalty below which GLPK's search stops, besides the sides' cost: a day 1 % outside
 * its energy band costs 0.1, a macronutrient 0.03, so this is a day within every tolerance. */
#define BZ_DIET_GOOD_ENOUGH 1e-4
/** BZ_DIET_SIDE_COST: the objective's cost of one equivalent of a side food, 1e-5: enough that of two plans
 * within tolerance the one with fewer side foods wins, too little to matter beside a deviation (a meal's
 * %BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS cost what 0.0013 % of a macronutrient beyond its band does). */
#define BZ_DIET_SIDE_COST 1e-5

/** bz_diet_solver_name: Returns: (transfer none): "glpk", "glpk_time_limit" or "greedy". */
const char *bz_diet_solver_name (BzDietSolver solver);

/**
 * BzDietPortion:
 * @recipe: index into the recipes given to bz_diet_plan_solve()
 * @servings: a multiple of %BZ_DIET_SERVING_STEP, up to %BZ_DIET_MAX_SERVINGS
 */
typedef struct
{
  guint recipe;
  double servings;
} BzDietPortion;

/**
 * BzDietSidePortion:
 * @side: index into the request's @sides
 * @equivalents: whole SMAE equivalents, 1 to %BZ_DIET_SIDE_MAX_EQUIVALENTS
 */
typedef struct
{
  guint side;
  guint equivalents;
} BzDietSidePortion;

/**
 * BzDietSlot:
 * @portions: the 1 or 2 recipes of one meal
 * @sides: the single foods added to it, at most one per SMAE group
 */
typedef struct
{
  BzDietPortion portions[BZ_DIET_SLOT_MAX_RECIPES];
  guint n_portions;
  BzDietSidePortion sides[BZ_DIET_SLOT_MAX_SIDES];
  guint n_sides;
} BzDietSlot;

/**
 * BzDietDayCheck:
 * @deviation: (array fixed-size=4): energy, protein, carbohydrate and fat
 *   of the day against the target, as a signed fraction (0.03: 3 % over)
 * @within: every one within its tolerance
 */
typedef struct
{
  double deviation[4];
  gboolean within;
} BzDietDayCheck;

/**
 * bz_diet_day_check:
 * @day: what a day's meals add up to
 * @targets: the day's targets
 * @out: (out caller-allocates): the deviations and the verdict
 *   (±%BZ_DIET_ENERGY_TOLERANCE energy, ±%BZ_DIET_MACRO_TOLERANCE macros,
 *   each compared after rounding the deviation to 0.1 %)
 */
void bz_diet_day_check (const BzNutrients *day, const BzNutrients *targets, BzDietDayCheck *out);

/**
 * BzDietPlan:
 * @solver: how it was made
 * @n_days, @meals_per_day: its shape
 * @slots: (array length=n_days*meals_per_day): day-major
 * @days: (array length=n_days): each day's nutrients, recipes and side foods
 * @checks: (array length=n_days): each day against the targets
 * @days_within: how many days are within every tolerance
 * @n_candidates: recipes left after the hard filters
 * @greedy_days: days planned by the greedy fallback
 * @solve_ms: wall time of the solve, ms (for the benchmark; never in a test)
 */
typedef struct
{
  BzDietSolver solver;
  guint n_days, meals_per_day;
  BzDietSlot *slots;
  BzNutrients *days;
  BzDietDayCheck *checks;
  guint days_within;
  guint n_candidates;
  guint greedy_days;
  double solve_ms;
} BzDietPlan;

/** bz_diet_plan_free: frees @plan and its arrays (%NULL: nothing). */
void bz_diet_plan_free (BzDietPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzDietPlan, bz_diet_plan_free)

/**
 * bz_diet_plan_check:
 * @recipes: (array length=n_recipes): the catalogue
 * @request: the plan asked for
 * @error: %BZ_ERROR_VALIDATION, with a detail per problem: n_days or
 *   meals_per_day out of range ("days", "mealsPerDay"), or no plan can keep
 *   the structural rules with the recipes the filters leave (detail
 *   "recipes", issue "unsatisfiable", naming the meals that run short)
 *
 * Checks that a plan exists before solving: each week, for every set T of
 * the day's meal types, the meals of types in T must not outnumber
 * %BZ_DIET_MAX_USES_PER_WEEK × the allowed recipes suiting some type of T
 * (Hall's condition for the recipes' weekly uses; exact, as at least one
 * recipe per meal is all the rules demand).
 *
 * Returns: %TRUE when a plan exists.
 */
gboolean bz_diet_plan_check (const BzDietRecipe *recipes, guint n_recipes, const BzDietRequest *request,
                             GError **error);

/**
 * bz_diet_plan_solve:
 * @recipes: (array length=n_recipes): the catalogue
 * @request: the plan asked for
 * @error: as bz_diet_plan_check()
 *
 * Plans every meal of every day (see above).  Every portion's recipe is
 * allowed (bz_diet_recipe_allowed()) and suits its meal's type; no recipe is
 * used more than %BZ_DIET_MAX_USES_PER_WEEK times a week; every meal has 1
 * or 2 recipes; every side food is allowed (bz_diet_side_allowed()), suits
 * the meal, is 1-%BZ_DIET_SIDE_MAX_EQUIVALENTS equivalents, one per SMAE
 * group, at most %BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS in the meal.  The tolerances are met where the catalogue allows: the
 * plan's checks say which days miss.
 *
 * Returns: (transfer full): the plan, or %NULL with @error.
 */
BzDietPlan *bz_diet_plan_solve (const BzDietRecipe *recipes, guint n_recipes, const BzDietRequest *request,
                                GError **error);

G_END_DECLS
