/* bz-diet-planner-greedy.c — the diet planner's greedy days and the
 * weekly capacity they and GLPK's days keep (see bz-diet-planner.h). */
#include "bz-diet-planner-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bz-error.h"

/* --- The greedy fallback --------------------------------------------------------- */

/* Servings of @r closest to @kcal, in halves within bounds. */
static double
servings_for (const BzDietRecipe *r, double kcal)
{
  double s = round (kcal / r->per_serving.energy_kcal / BZ_DIET_SERVING_STEP) * BZ_DIET_SERVING_STEP;
  return CLAMP (s, BZ_DIET_SERVING_STEP, BZ_DIET_MAX_SERVINGS);
}

/* The meals of each type (bit index of BzDietMealType) still to plan this
 * week after day @d's meals before @from_slot... are planned: day @d's meals
 * from @from_slot on, and every meal of the week's days after @d. */
void
bz_diet_demand_after (const BzDietRequest *req, guint d, guint from_slot, guint demand[N_MEAL_TYPES])
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);
  guint week_end = MIN (req->n_days, (d / WEEK_DAYS + 1) * WEEK_DAYS);

  memset (demand, 0, N_MEAL_TYPES * sizeof *demand);
  for (guint s = 0; s < req->meals_per_day; s++)
    {
      guint t = (guint) g_bit_nth_lsf (slots[s].meal_type, -1);
      demand[t] += (s >= from_slot ? 1 : 0) + (week_end - d - 1);
    }
}

/* Hall's condition (bz_diet_plan_check()) for @demand with the uses left:
 * whether every meal still to plan this week can get a recipe. */
static gboolean
hall_ok (const BzDietRecipe *recipes, GArray *cand, const guint *uses_left, const guint demand[N_MEAL_TYPES])
{
  for (guint T = 1; T < (1u << N_MEAL_TYPES); T++)
    {
      guint need = 0, have = 0;
      for (guint t = 0; t < N_MEAL_TYPES; t++)
        if (T & (1u << t))
          need += demand[t];
      if (need == 0)
        continue;
      for (guint c = 0; c < cand->len && have < need; c++)
        if (recipes[g_array_index (cand, guint, c)].meal_types & T)
          have += uses_left[c];
      if (have < need)
        return FALSE;
    }
  return TRUE;
}

/* Whether taking one more use of candidate @c leaves the rest of the week plannable. */
static gboolean
can_take (const BzDietRecipe *recipes, GArray *cand, guint *uses_left, guint c, const guint demand[N_MEAL_TYPES])
{
  gboolean ok;

  if (uses_left[c] == 0)
    return FALSE;
  uses_left[c]--;
  ok = hall_ok (recipes, cand, uses_left, demand);
  uses_left[c]++;
  return ok;
}

/* What the program's objective makes of a day: weighted excess over each
 * tolerance, plus a little of the deviation itself (ties go to the closer). */
double
bz_diet_day_penalty (const BzNutrients *day, const BzNutrients *targets)
{
  BzDietDayCheck chk;
  double cost = 0;

  bz_diet_day_check (day, targets, &chk);
  for (guint k = 0; k < N_NUTRIENTS; k++)
    cost += (k == 0 ? 10 : 3) * MAX (0, fabs (chk.deviation[k]) - bz_diet_tolerance (k)) + 0.01 * fabs (chk.deviation[k]);
  return cost;
}

/* Day @d greedily: each meal in turn takes the candidate with uses left
 * (@uses_left, decremented) whose servings come closest to the meal's
 * energy, protein, carbohydrate and fat; then, while that brings the day
 * nearer its targets, a portion moves by a half, a second recipe comes in,
 * or a side food (bz_diet_slot_sides()) moves by an equivalent within its
 * bounds.  FALSE when a meal finds no candidate. */
gboolean
bz_diet_greedy_day (const BzDietRecipe *recipes, GArray *cand, guint *uses_left, const BzDietRequest *req,
                    const gboolean *side_ok, guint d, BzDietPlan *plan)
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);
  guint rest[N_MEAL_TYPES];

  for (guint s = 0; s < req->meals_per_day; s++)
    {
      double e = slots[s].share * req->targets.energy_kcal;
      double prot = slots[s].share * req->targets.protein_g;
      double carb = slots[s].share * req->targets.carbohydrate_g, fat = slots[s].share * req->targets.fat_g;
      BzDietSlot *slot = &plan->slots[d * req->meals_per_day + s];
      double best = G_MAXDOUBLE;
      guint best_c = G_MAXUINT;
      guint demand[N_MEAL_TYPES];
      bz_diet_demand_after (req, d, s + 1, demand);
      for (guint c = 0; c < cand->len; c++)
        {
          const BzDietRecipe *r = &recipes[g_array_index (cand, guint, c)];
          double sv, score;
          if (!(r->meal_types & slots[s].meal_type) || !can_take (recipes, cand, uses_left, c, demand))
            continue;
          sv = servings_for (r, e);
          score = fabs (sv * r->per_serving.energy_kcal - e) / e +
                  (prot > 0 ? 0.5 * fabs (sv * r->per_serving.protein_g - prot) / prot : 0) +
                  (carb > 0 ? 0.3 * fabs (sv * r->per_serving.carbohydrate_g - carb) / carb : 0) +
                  (fat > 0 ? 0.3 * fabs (sv * r->per_serving.fat_g - fat) / fat : 0) -
                  0.01 * uses_left[c];
          if (score < best)
            best = score, best_c = c;
        }
      if (best_c == G_MAXUINT)
        return FALSE;
      uses_left[best_c]--;
      slot->portions[0].recipe = g_array_index (cand, guint, best_c);
      slot->portions[0].servings = servings_for (&recipes[slot->portions[0].recipe], e);
      slot->n_portions = 1;
    }
  /* Then, while the day's penalty falls: a portion moved by a half, a
   * second recipe at half a serving in a meal that has one (if the rest of
   * the week can spare it), or a side food moved by an equivalent. */
  bz_diet_demand_after (req, d, req->meals_per_day, rest);
  for (guint step = 0; step < 60; step++)
    {
      double base = 0, best_gain = 1e-9, best_delta = 0;
      int best_s = -1, best_i = -1, best_side = -1, best_side_delta = 0;
      guint best_add = G_MAXUINT;
      BzNutrients day = { 0 };
      bz_diet_day_sum (recipes, req, plan, d, &day);
      base = bz_diet_day_penalty (&day, &req->targets);
      for (guint s = 0; s < req->meals_per_day; s++)
        {
          BzDietSlot *slot = &plan->slots[d * req->meals_per_day + s];
          guint which[BZ_DIET_SLOT_MAX_SIDES], n_which = bz_diet_slot_sides (req, side_ok, d, s, which), total = 0;
          /* A side food one equivalent up or down (within its bounds). */
          for (guint i = 0; i < slot->n_sides; i++)
            total += slot->sides[i].equivalents;
          for (guint w = 0; w < n_which; w++)
            for (int sign = -1; sign <= 1; sign += 2)
              {
                guint have = 0;
                BzNutrients moved = day;
                for (guint i = 0; i < slot->n_sides; i++)
                  if (slot->sides[i].side == which[w])
                    have = slot->sides[i].equivalents;
                if ((sign < 0 && have == 0) ||
                    (sign > 0 && (have >= BZ_DIET_SIDE_MAX_EQUIVALENTS || total >= BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS)))
                  continue;
                bz_nutrients_add (&moved, &req->sides[which[w]].per_equivalent, sign);
                if (base - bz_diet_day_penalty (&moved, &req->targets) > best_gain)
                  best_gain = base - bz_diet_day_penalty (&moved, &req->targets), best_s = (int) s, best_i = -1,
                  best_side = (int) which[w], best_side_delta = sign, best_add = G_MAXUINT;
              }
          for (guint i = 0; i < slot->n_portions; i++)
            for (int sign = -1; sign <= 1; sign += 2)
              {
                const BzDietRecipe *r = &recipes[slot->portions[i].recipe];
                double sv = slot->portions[i].servings + sign * BZ_DIET_SERVING_STEP;
                BzNutrients moved = day;
                if (sv < BZ_DIET_SERVING_STEP || sv > BZ_DIET_MAX_SERVINGS)
                  continue;
                bz_nutrients_add (&moved, &r->per_serving, sign * BZ_DIET_SERVING_STEP);
                if (base - bz_diet_day_penalty (&moved, &req->targets) > best_gain)
                  best_gain = base - bz_diet_day_penalty (&moved, &req->targets), best_s = (int) s, best_i = (int) i,
                  best_delta = sign * BZ_DIET_SERVING_STEP, best_add = G_MAXUINT, best_side = -1;
              }
          if (slot->n_portions >= BZ_DIET_SLOT_MAX_RECIPES)
            continue;
          for (guint c = 0; c < cand->len; c++)
            {
              guint r = g_array_index (cand, guint, c);
              BzNutrients moved = day;
              if (!(recipes[r].meal_types & slots[s].meal_type) || r == slot->portions[0].recipe ||
                  !can_take (recipes, cand, uses_left, c, rest))
                continue;
              bz_nutrients_add (&moved, &recipes[r].per_serving, BZ_DIET_SERVING_STEP);
              if (base - bz_diet_day_penalty (&moved, &req->targets) > best_gain)
                best_gain = base - bz_diet_day_penalty (&moved, &req->targets), best_s = (int) s, best_add = c, best_side = -1;
            }
        }
      if (best_s < 0)
        break;
      if (best_side >= 0)
        {
          BzDietSlot *slot = &plan->slots[d * req->meals_per_day + best_s];
          guint i;
          for (i = 0; i < slot->n_sides && slot->sides[i].side != (guint) best_side; i++)
            ;
          if (i == slot->n_sides)
            slot->sides[slot->n_sides++] = (BzDietSidePortion) { (guint) best_side, 0 };
          slot->sides[i].equivalents += best_side_delta;
          if (slot->sides[i].equivalents == 0)
            slot->sides[i] = slot->sides[--slot->n_sides];
        }
      else if (best_add != G_MAXUINT)
        {
          BzDietSlot *slot = &plan->slots[d * req->meals_per_day + best_s];
          slot->portions[slot->n_portions].recipe = g_array_index (cand, guint, best_add);
          slot->portions[slot->n_portions].servings = BZ_DIET_SERVING_STEP;
          slot->n_portions++;
          uses_left[best_add]--;
        }
      else
        plan->slots[d * req->meals_per_day + best_s].portions[best_i].servings += best_delta;
    }
  return TRUE;
}

/* The whole plan greedily (no GLPK: request->no_solver). */
BzDietPlan *
bz_diet_solve_greedy (const BzDietRecipe *recipes, GArray *cand, const BzDietRequest *req, const gboolean *side_ok,
                      GError **error)
{
  g_autoptr(BzDietPlan) plan = bz_diet_plan_new_for (req);
  g_autofree guint *uses_left = g_new0 (guint, cand->len);

  for (guint d = 0; d < req->n_days; d++)
    {
      if (d % WEEK_DAYS == 0)
        for (guint c = 0; c < cand->len; c++)
          uses_left[c] = BZ_DIET_MAX_USES_PER_WEEK;
      if (!bz_diet_greedy_day (recipes, cand, uses_left, req, side_ok, d, plan))
        {
          g_set_error_literal (error, BZ_ERROR, BZ_ERROR_VALIDATION,
                               _("No plan keeps every recipe to twice a week with the recipes left"));
          return NULL;
        }
    }
  plan->solver = BZ_DIET_SOLVER_GREEDY;
  plan->greedy_days = req->n_days;
  return g_steal_pointer (&plan);
}

