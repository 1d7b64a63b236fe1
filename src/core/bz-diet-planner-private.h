/* bz-diet-planner-private.h — what bz-diet-planner.c and
 * bz-diet-planner-greedy.c share; not for other files. */
#pragma once

#include "bz-diet-planner.h"
#include "bz-diet-sides.h"

G_BEGIN_DECLS

#define N_NUTRIENTS 4   /* energy, protein, carbohydrate, fat */
#define HALVES_MAX ((int) (BZ_DIET_MAX_SERVINGS / BZ_DIET_SERVING_STEP))
#define WEEK_DAYS 7
#define N_MEAL_TYPES 4

/* BZ_DIET_SLOT_CANDIDATES, BZ_DIET_SLOT_DENSE_CANDIDATES: the recipes a meal's program offers (among_best()):
 * 4 whose energy split is closest to the targets', and the 2 with the most energy per serving.  Fewer
 * binaries solve a day in a few milliseconds where every candidate took tens (measured with the benchmark,
 * 2026-12-01); the side foods make up what the closest recipes leave. */
#define BZ_DIET_SLOT_CANDIDATES 4
#define BZ_DIET_SLOT_DENSE_CANDIDATES 2
/* BZ_DIET_REPAIR_MIN_MS: the least time a greedy day's repair gets, even past the plan's limit (it solves in
 * about a millisecond). */
#define BZ_DIET_REPAIR_MIN_MS 2
/* The greedy planner's measure of a day: weighted excess over each
 * tolerance (energy 10, macronutrients 3 per unit of fraction), plus 0.01
 * of each deviation itself; see bz_diet_day_check(). */
double      bz_diet_day_penalty   (const BzNutrients *day, const BzNutrients *targets);
/* The tolerance of nutrient @k (0 energy, 1-3 the macronutrients). */
double      bz_diet_tolerance     (guint k);
/* An empty plan of @req's shape. */
BzDietPlan *bz_diet_plan_new_for  (const BzDietRequest *req);
/* The meals of each type still to plan this week from day @d's @from_slot on. */
void        bz_diet_demand_after  (const BzDietRequest *req, guint d, guint from_slot, guint demand[N_MEAL_TYPES]);
/* Day @d planned greedily with the candidates' uses left (decremented);
 * FALSE when a meal finds no candidate. */
gboolean    bz_diet_greedy_day    (const BzDietRecipe *recipes, GArray *cand, guint *uses_left, const BzDietRequest *req,
                                   const gboolean *side_ok, guint d, BzDietPlan *plan);
/* What day @d of @plan adds up to: its recipes' servings and its sides' equivalents. */
void        bz_diet_day_sum       (const BzDietRecipe *recipes, const BzDietRequest *req, const BzDietPlan *plan,
                                   guint d, BzNutrients *out);
/* The side foods day @d's meal @s may take: the allowed sides suiting its
 * meal type, one per SMAE group, rotated by the seed and the day so the
 * week varies; indexes into req->sides, in @out.  Returns how many. */
guint       bz_diet_slot_sides    (const BzDietRequest *req, const gboolean *side_ok, guint d, guint s,
                                   guint out[BZ_DIET_SLOT_MAX_SIDES]);
/* Fills @ok[i] with bz_diet_side_allowed() of each of req->sides. */
gboolean   *bz_diet_sides_allowed (const BzDietRequest *req);
/* The whole plan greedily. */
BzDietPlan *bz_diet_solve_greedy  (const BzDietRecipe *recipes, GArray *cand, const BzDietRequest *req,
                                   const gboolean *side_ok, GError **error);

G_END_DECLS
