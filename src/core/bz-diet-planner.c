/* bz-diet-planner.c — the diet problem as a mixed-integer program (see
 * bz-diet-planner.h), solved with GLPK, and its greedy fallback. */
#include "bz-diet-planner.h"

#include <glib/gi18n-lib.h>
#include <glpk.h>
#include <math.h>
#include <string.h>

#include "bz-diet-planner-private.h"
#include "bz-error.h"
#include "bz-recipe.h"
#include "bz-text.h"


/* GLPK keeps its environment per thread only when built reentrant; one
 * solve at a time is safe whatever the build. */
static GMutex glpk_lock;

const BzDietSlotSpec *
bz_diet_planner_slots (guint meals)
{
  static const BzDietSlotSpec s3[] = {
    { "desayuno", "Desayuno", BZ_DIET_MEAL_BREAKFAST, 0.30 },
    { "comida", "Comida", BZ_DIET_MEAL_LUNCH, 0.40 },
    { "cena", "Cena", BZ_DIET_MEAL_DINNER, 0.30 },
  };
  static const BzDietSlotSpec s4[] = {
    { "desayuno", "Desayuno", BZ_DIET_MEAL_BREAKFAST, 0.25 },
    { "colacion_matutina", "Colación matutina", BZ_DIET_MEAL_SNACK, 0.10 },
    { "comida", "Comida", BZ_DIET_MEAL_LUNCH, 0.35 },
    { "cena", "Cena", BZ_DIET_MEAL_DINNER, 0.30 },
  };
  static const BzDietSlotSpec s5[] = {
    { "desayuno", "Desayuno", BZ_DIET_MEAL_BREAKFAST, 0.25 },
    { "colacion_matutina", "Colación matutina", BZ_DIET_MEAL_SNACK, 0.10 },
    { "comida", "Comida", BZ_DIET_MEAL_LUNCH, 0.35 },
    { "colacion_vespertina", "Colación vespertina", BZ_DIET_MEAL_SNACK, 0.10 },
    { "cena", "Cena", BZ_DIET_MEAL_DINNER, 0.20 },
  };
  static const BzDietSlotSpec s6[] = {
    { "desayuno", "Desayuno", BZ_DIET_MEAL_BREAKFAST, 0.20 },
    { "colacion_matutina", "Colación matutina", BZ_DIET_MEAL_SNACK, 0.10 },
    { "comida", "Comida", BZ_DIET_MEAL_LUNCH, 0.30 },
    { "colacion_vespertina", "Colación vespertina", BZ_DIET_MEAL_SNACK, 0.10 },
    { "cena", "Cena", BZ_DIET_MEAL_DINNER, 0.20 },
    { "colacion_nocturna", "Colación nocturna", BZ_DIET_MEAL_SNACK, 0.10 },
  };
  static const BzDietSlotSpec *const all[] = { s3, s4, s5, s6 };

  if (meals < BZ_DIET_PLANNER_MIN_MEALS || meals > BZ_DIET_PLANNER_MAX_MEALS)
    return NULL;
  return all[meals - BZ_DIET_PLANNER_MIN_MEALS];
}

guint
bz_diet_meal_type_from_id (const char *id)
{
  const char *c = bz_vocab_canonical (&bz_vocab_recipe_meal_type, id);

  if (c == NULL)
    return 0;
  if (g_str_equal (c, "desayuno"))
    return BZ_DIET_MEAL_BREAKFAST;
  if (g_str_equal (c, "colacion"))
    return BZ_DIET_MEAL_SNACK;
  if (g_str_equal (c, "comida"))
    return BZ_DIET_MEAL_LUNCH;
  if (g_str_equal (c, "cena"))
    return BZ_DIET_MEAL_DINNER;
  return 0;
}

const char *
bz_diet_solver_name (BzDietSolver solver)
{
  switch (solver)
    {
    case BZ_DIET_SOLVER_GLPK: return "glpk";
    case BZ_DIET_SOLVER_GLPK_TIME_LIMIT: return "glpk_time_limit";
    case BZ_DIET_SOLVER_GREEDY: return "greedy";
    default: return "greedy";
    }
}

/* --- The hard filters ---------------------------------------------------------- */

static gboolean
has_tag (const BzDietRecipe *r, const char *tag)
{
  for (guint i = 0; r->tags && r->tags[i]; i++)
    if (g_strcmp0 (bz_vocab_canonical (&bz_vocab_dietary_tag, r->tags[i]), tag) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @term (folded) starts a word of @text. */
static gboolean
word_prefix_in (const char *text, const char *term)
{
  g_autofree char *t = bz_text_fold (text);
  gsize n = strlen (term);

  if (n == 0)
    return FALSE;
  for (const char *p = strstr (t, term); p; p = strstr (p + 1, term))
    if (p == t || !g_ascii_isalnum (p[-1]))
      return TRUE;
  return FALSE;
}

static gboolean
tag_matches (const char *recipe_tag, const char *excluded)
{
  const char *a = bz_vocab_canonical (&bz_vocab_dietary_tag, recipe_tag);
  const char *b = bz_vocab_canonical (&bz_vocab_dietary_tag, excluded);
  g_autofree char *fa = NULL, *fb = NULL;

  if (a && b)
    return g_str_equal (a, b);
  fa = bz_text_fold (recipe_tag);
  fb = g_strstrip (bz_text_fold (excluded));
  return g_str_equal (fa, fb);
}

gboolean
bz_diet_recipe_allowed (const BzDietRecipe *recipe, const BzDietRequest *request)
{
  g_return_val_if_fail (recipe != NULL && request != NULL, FALSE);

  if (recipe->allergens & request->allergens)
    return FALSE;
  if (request->preference == BZ_DIET_VEGAN && !has_tag (recipe, "vegan"))
    return FALSE;
  if (request->preference == BZ_DIET_VEGETARIAN && !has_tag (recipe, "vegetarian") && !has_tag (recipe, "vegan"))
    return FALSE;
  for (guint i = 0; request->excluded_tags && request->excluded_tags[i]; i++)
    for (guint j = 0; recipe->tags && recipe->tags[j]; j++)
      if (tag_matches (recipe->tags[j], request->excluded_tags[i]))
        return FALSE;
  for (guint i = 0; request->excluded_foods && request->excluded_foods[i]; i++)
    {
      g_autofree char *term = g_strstrip (bz_text_fold (request->excluded_foods[i]));
      for (guint j = 0; recipe->ingredients && recipe->ingredients[j]; j++)
        if (word_prefix_in (recipe->ingredients[j], term))
          return FALSE;
    }
  return TRUE;
}

/* --- Checks --------------------------------------------------------------------- */

static double
nutrient (const BzNutrients *n, guint k)
{
  switch (k)
    {
    case 0: return n->energy_kcal;
    case 1: return n->protein_g;
    case 2: return n->carbohydrate_g;
    default: return n->fat_g;
    }
}

double
bz_diet_tolerance (guint k)
{
  return k == 0 ? BZ_DIET_ENERGY_TOLERANCE : BZ_DIET_MACRO_TOLERANCE;
}

void
bz_diet_day_check (const BzNutrients *day, const BzNutrients *targets, BzDietDayCheck *out)
{
  out->within = TRUE;
  for (guint k = 0; k < N_NUTRIENTS; k++)
    {
      double t = nutrient (targets, k);
      double dev = t > 0 ? nutrient (day, k) / t - 1 : 0;
      out->deviation[k] = dev;
      /* Compared as shown: rounded to 0.1 %. */
      if (fabs (round (dev * 1000) / 1000) > bz_diet_tolerance (k) + 1e-9)
        out->within = FALSE;
    }
}

static GError *
unsatisfiable (const char *message)
{
  GError *e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, message);
  bz_error_add_detail (e, "recipes", "unsatisfiable", message);
  return e;
}

/* The request's shape, then Hall's condition for every week (see the header). */
gboolean
bz_diet_plan_check (const BzDietRecipe *recipes, guint n_recipes, const BzDietRequest *request, GError **error)
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (request->meals_per_day);
  guint per_type[N_MEAL_TYPES] = { 0 };   /* the day's meals of each type */
  guint allowed_mask[64];
  guint n_allowed = 0;
  GError *e = NULL;

  if (request->n_days < 1 || request->n_days > BZ_DIET_PLANNER_MAX_DAYS || slots == NULL)
    {
      e = g_error_new_literal (BZ_ERROR, BZ_ERROR_VALIDATION, _("The plan's days or meals are out of range"));
      if (request->n_days < 1 || request->n_days > BZ_DIET_PLANNER_MAX_DAYS)
        bz_error_add_detail (e, "days", "out_of_range", _("days must be between 1 and 14"));
      if (slots == NULL)
        bz_error_add_detail (e, "mealsPerDay", "out_of_range", _("mealsPerDay must be between 3 and 6"));
      g_propagate_error (error, e);
      return FALSE;
    }
  for (guint s = 0; s < request->meals_per_day; s++)
    per_type[g_bit_nth_lsf (slots[s].meal_type, -1)]++;

  /* Allowed recipes counted by the set of meal types they suit (16 sets). */
  memset (allowed_mask, 0, sizeof allowed_mask);
  for (guint i = 0; i < n_recipes; i++)
    if ((recipes[i].meal_types & 0xf) && bz_diet_recipe_allowed (&recipes[i], request))
      {
        allowed_mask[recipes[i].meal_types & 0xf]++;
        n_allowed++;
      }
  for (guint week_start = 0; week_start < request->n_days; week_start += WEEK_DAYS)
    {
      guint days = MIN (WEEK_DAYS, request->n_days - week_start);
      for (guint T = 1; T < (1u << N_MEAL_TYPES); T++)
        {
          guint demand = 0, supply = 0;
          for (guint t = 0; t < N_MEAL_TYPES; t++)
            if (T & (1u << t))
              demand += per_type[t] * days;
          if (demand == 0)
            continue;
          for (guint m = 1; m < 16; m++)
            if (m & T)
              supply += allowed_mask[m];
          if (demand > supply * BZ_DIET_MAX_USES_PER_WEEK)
            {
              g_autoptr(GString) names = g_string_new (NULL);
              g_autofree char *msg = NULL;
              for (guint s = 0; s < request->meals_per_day; s++)
                if ((slots[s].meal_type & T) && !strstr (names->str, slots[s].name))
                  g_string_append_printf (names, "%s%s", names->len ? ", " : "", slots[s].name);
              msg = g_strdup_printf (_("Not enough recipes for %s: after the allergies, exclusions and dietary "
                                       "preference, %u recipes are left for %u meals a week, and a recipe may be "
                                       "used at most %d times a week"),
                                     names->str, supply, demand, BZ_DIET_MAX_USES_PER_WEEK);
              g_propagate_error (error, unsatisfiable (msg));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* --- The plan ------------------------------------------------------------------- */

void
bz_diet_plan_free (BzDietPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->slots);
  g_free (plan->days);
  g_free (plan->checks);
  g_free (plan);
}

BzDietPlan *
bz_diet_plan_new_for (const BzDietRequest *req)
{
  BzDietPlan *p = g_new0 (BzDietPlan, 1);
  p->n_days = req->n_days;
  p->meals_per_day = req->meals_per_day;
  p->slots = g_new0 (BzDietSlot, req->n_days * req->meals_per_day);
  p->days = g_new0 (BzNutrients, req->n_days);
  p->checks = g_new0 (BzDietDayCheck, req->n_days);
  return p;
}

/* Fills the days' sums and checks from the slots. */
static void
plan_finish (BzDietPlan *p, const BzDietRecipe *recipes, const BzDietRequest *req)
{
  p->days_within = 0;
  for (guint d = 0; d < p->n_days; d++)
    {
      bz_diet_day_sum (recipes, req, p, d, &p->days[d]);
      bz_diet_day_check (&p->days[d], &req->targets, &p->checks[d]);
      if (p->checks[d].within)
        p->days_within++;
    }
}

/* The candidates in the seed's order (a Fisher-Yates shuffle with GLib's
 * Mersenne Twister): every allowed recipe with a meal type. */
static GArray *
candidates (const BzDietRecipe *recipes, guint n_recipes, const BzDietRequest *req)
{
  GArray *c = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRand) rand = g_rand_new_with_seed (req->seed);

  for (guint i = 0; i < n_recipes; i++)
    if ((recipes[i].meal_types & 0xf) && recipes[i].per_serving.energy_kcal > 0 &&
        bz_diet_recipe_allowed (&recipes[i], req))
      g_array_append_val (c, i);
  for (guint i = c->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint t = g_array_index (c, guint, i - 1);
      g_array_index (c, guint, i - 1) = g_array_index (c, guint, j);
      g_array_index (c, guint, j) = t;
    }
  return c;
}

/* --- GLPK ------------------------------------------------------------------------ */

typedef struct
{
  guint day, slot, recipe;
  int y, n;   /* GLPK column numbers */
} Pair;

typedef struct
{
  guint slot, side;
  int x;      /* GLPK column: whole equivalents */
} SideVar;

/* Stops the search at an integer solution within every tolerance: its
 * objective is the sides' cost alone, at most *(double *) info. */
static void
good_enough (glp_tree *tree, void *info)
{
  if (glp_ios_reason (tree) == GLP_IBINGO && glp_mip_obj_val (glp_ios_get_prob (tree)) <= *(const double *) info)
    glp_ios_terminate (tree);
}

/* Adds a column: its kind, bounds and objective coefficient. */
static int
add_col (glp_prob *lp, int kind, int type, double lo, double hi, double cost)
{
  int j = glp_add_cols (lp, 1);
  glp_set_col_kind (lp, j, kind);
  glp_set_col_bnds (lp, j, type, lo, hi);
  glp_set_obj_coef (lp, j, cost);
  return j;
}

/* A row lo <= Σ coef·col (+ u − o when soft) <= hi, with @len entries in ind/val[1..len]. */
static void
add_row (glp_prob *lp, int len, int *ind, double *val, int type, double lo, double hi, double soft_cost)
{
  int i = glp_add_rows (lp, 1);

  if (soft_cost > 0)
    {
      ind[len + 1] = add_col (lp, GLP_CV, GLP_LO, 0, 0, soft_cost);
      val[len + 1] = 1;
      ind[len + 2] = add_col (lp, GLP_CV, GLP_LO, 0, 0, soft_cost);
      val[len + 2] = -1;
      len += 2;
    }
  glp_set_row_bnds (lp, i, type, lo, hi);
  glp_set_mat_row (lp, i, len, ind, val);
}

/* How far a recipe's energy split (protein, carbohydrate, fat) is from the
 * targets': the sum of the differences of their shares of the energy. */
static double
split_distance (const BzNutrients *n, const BzNutrients *t)
{
  double e = MAX (n->energy_kcal, 1), te = MAX (t->energy_kcal, 1);
  return fabs (4 * n->protein_g / e - 4 * t->protein_g / te) + fabs (4 * n->carbohydrate_g / e - 4 * t->carbohydrate_g / te) +
         fabs (9 * n->fat_g / e - 9 * t->fat_g / te);
}

/* Whether candidate @c is, of those with uses left that suit @type, among
 * the %BZ_DIET_SLOT_CANDIDATES closest to the targets' split
 * (split_distance()) or the %BZ_DIET_SLOT_DENSE_CANDIDATES with the most
 * energy per serving (for the large meals of large targets); ties go by
 * the candidates' order. */
static gboolean
among_best (const BzDietRecipe *recipes, GArray *cand, const guint *uses_left, const BzDietRequest *req, guint type,
            guint c)
{
  const BzNutrients *me = &recipes[g_array_index (cand, guint, c)].per_serving;
  double mine = split_distance (me, &req->targets);
  guint closer = 0, denser = 0;

  for (guint o = 0; o < cand->len; o++)
    {
      const BzNutrients *them = &recipes[g_array_index (cand, guint, o)].per_serving;
      double theirs;
      if (o == c || uses_left[o] == 0 || !(recipes[g_array_index (cand, guint, o)].meal_types & type))
        continue;
      theirs = split_distance (them, &req->targets);
      closer += theirs < mine || (theirs == mine && o < c);
      denser += them->energy_kcal > me->energy_kcal || (them->energy_kcal == me->energy_kcal && o < c);
      if (closer >= BZ_DIET_SLOT_CANDIDATES && denser >= BZ_DIET_SLOT_DENSE_CANDIDATES)
        return FALSE;
    }
  return TRUE;
}

/* One day's program (see the header) into @plan's day @d: the candidates
 * with weekly uses left (@uses_left, per candidate) and at most that many
 * times in the day.  With @fixed (the day's meals_per_day slots), only
 * their recipes, each kept: the servings and the sides are what is solved
 * (the repair of a greedy day; their uses are counted already).  Returns
 * FALSE when GLPK has no integer solution. */
static gboolean
solve_glpk_day (const BzDietRecipe *recipes, GArray *cand, const guint *uses_left, const BzDietRequest *req,
                const gboolean *side_ok, const BzDietSlot *fixed, guint d, int tm_lim, BzDietPlan *plan,
                gboolean *out_limited)
{
  const BzDietSlotSpec *slots = bz_diet_planner_slots (req->meals_per_day);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GArray) sides = g_array_new (FALSE, FALSE, sizeof (SideVar));
  double enough = BZ_DIET_GOOD_ENOUGH;
  g_autofree int *ind = NULL;
  g_autofree double *val = NULL;
  gboolean ok = FALSE;
  glp_prob *lp;
  glp_iocp parm;
  int rc, status;

  lp = glp_create_prob ();
  glp_set_obj_dir (lp, GLP_MIN);

  /* The pairs: y and n of the best candidates of every slot. */
  for (guint s = 0; s < req->meals_per_day; s++)
    for (guint c = 0; c < cand->len; c++)
      {
        guint r = g_array_index (cand, guint, c);
        Pair p = { d, s, c, 0, 0 };
        gboolean kept = FALSE;
        for (guint i = 0; fixed && i < fixed[s].n_portions; i++)
          kept |= fixed[s].portions[i].recipe == r;
        if (fixed ? !kept
                  : !(recipes[r].meal_types & slots[s].meal_type) || uses_left[c] == 0 ||
                    !among_best (recipes, cand, uses_left, req, slots[s].meal_type, c))
          continue;
        p.y = fixed ? add_col (lp, GLP_IV, GLP_FX, 1, 1, 0) : add_col (lp, GLP_BV, GLP_DB, 0, 1, 0);
        p.n = add_col (lp, GLP_IV, GLP_DB, 0, HALVES_MAX, 0);
        g_array_append_val (pairs, p);
      }
  /* The side foods: whole equivalents, each at a small cost so that the
   * recipes stay the plan's backbone. */
  for (guint s = 0; s < req->meals_per_day; s++)
    {
      guint which[BZ_DIET_SLOT_MAX_SIDES];
      guint n = bz_diet_slot_sides (req, side_ok, d, s, which);
      for (guint i = 0; i < n; i++)
        {
          SideVar v = { s, which[i], add_col (lp, GLP_IV, GLP_DB, 0, BZ_DIET_SIDE_MAX_EQUIVALENTS, BZ_DIET_SIDE_COST) };
          g_array_append_val (sides, v);
        }
      if (n > 0)
        enough += BZ_DIET_SIDE_COST * BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS;
    }
  /* The longest row has every pair and side of the day, plus two deviations. */
  ind = g_new (int, pairs->len + sides->len + 4);
  val = g_new (double, pairs->len + sides->len + 4);

  /* Links: y <= n <= 2M y. */
  for (guint i = 0; i < pairs->len; i++)
    {
      Pair *p = &g_array_index (pairs, Pair, i);
      ind[1] = p->n; val[1] = 1; ind[2] = p->y; val[2] = -1;
      add_row (lp, 2, ind, val, GLP_LO, 0, 0, 0);
      val[2] = -HALVES_MAX;
      add_row (lp, 2, ind, val, GLP_UP, 0, 0, 0);
    }

  /* Each slot: 1-2 recipes, its energy near its share. */
  for (guint s = 0; s < req->meals_per_day; s++)
    {
      double e = slots[s].share * req->targets.energy_kcal;
      int len = 0;
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          if (p->slot == s)
            {
              len++;
              ind[len] = p->y;
              val[len] = 1;
            }
        }
      if (len == 0)
        goto out;   /* no recipe left for this meal */
      add_row (lp, len, ind, val, GLP_DB, 1, BZ_DIET_SLOT_MAX_RECIPES, 0);
      len = 0;
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          if (p->slot == s)
            {
              len++;
              ind[len] = p->n;
              val[len] = BZ_DIET_SERVING_STEP * recipes[g_array_index (cand, guint, p->recipe)].per_serving.energy_kcal;
            }
        }
      for (guint i = 0; i < sides->len; i++)
        {
          SideVar *v = &g_array_index (sides, SideVar, i);
          if (v->slot == s)
            {
              len++;
              ind[len] = v->x;
              val[len] = req->sides[v->side].per_equivalent.energy_kcal;
            }
        }
      add_row (lp, len, ind, val, GLP_DB, BZ_DIET_SLOT_MIN_SHARE * e, BZ_DIET_SLOT_MAX_SHARE * e, 0);
      /* At most BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS of sides. */
      len = 0;
      for (guint i = 0; i < sides->len; i++)
        if (g_array_index (sides, SideVar, i).slot == s)
          {
            len++;
            ind[len] = g_array_index (sides, SideVar, i).x;
            val[len] = 1;
          }
      if (len * BZ_DIET_SIDE_MAX_EQUIVALENTS > BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS)
        add_row (lp, len, ind, val, GLP_UP, 0, BZ_DIET_SLOT_MAX_SIDE_EQUIVALENTS, 0);
    }
  /* The day: its targets. */
  for (guint k = 0; k < N_NUTRIENTS; k++)
    {
      double t = nutrient (&req->targets, k);
      int len = 0;
      if (t <= 0)
        continue;
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          len++;
          ind[len] = p->n;
          val[len] = BZ_DIET_SERVING_STEP * nutrient (&recipes[g_array_index (cand, guint, p->recipe)].per_serving, k);
        }
      for (guint i = 0; i < sides->len; i++)
        {
          SideVar *v = &g_array_index (sides, SideVar, i);
          len++;
          ind[len] = v->x;
          val[len] = nutrient (&req->sides[v->side].per_equivalent, k);
        }
      /* Energy weighs most: a point of it costs 10/100, of a macronutrient 3/100. */
      add_row (lp, len, ind, val, GLP_DB, (1 - bz_diet_tolerance (k)) * t, (1 + bz_diet_tolerance (k)) * t,
               (k == 0 ? 10.0 : 3.0) / t);
    }
  /* The rest of the week keeps a recipe for every meal (Hall's condition
   * on the uses left after today, see bz_diet_plan_check()): for each set T
   * of meal types, today's uses of recipes suiting T are at most their uses
   * left less the week's later meals of T. */
  if (fixed == NULL)
  {
    guint rest[N_MEAL_TYPES];
    bz_diet_demand_after (req, d, req->meals_per_day, rest);
    for (guint T = 1; T < (1u << N_MEAL_TYPES); T++)
      {
        guint need = 0, have = 0;
        int len = 0;
        for (guint t = 0; t < N_MEAL_TYPES; t++)
          if (T & (1u << t))
            need += rest[t];
        if (need == 0)
          continue;
        for (guint c = 0; c < cand->len; c++)
          if (recipes[g_array_index (cand, guint, c)].meal_types & T)
            have += uses_left[c];
        for (guint i = 0; i < pairs->len; i++)
          {
            Pair *p = &g_array_index (pairs, Pair, i);
            if (recipes[g_array_index (cand, guint, p->recipe)].meal_types & T)
              {
                len++;
                ind[len] = p->y;
                val[len] = 1;
              }
          }
        if (have < need)
          goto out;   /* cannot happen after bz_diet_plan_check() and these rows */
        if (len > 0 && (guint) len > have - need)
          add_row (lp, len, ind, val, GLP_UP, 0, have - need, 0);
      }
  }
  /* Each recipe: no more than its uses left this week. */
  for (guint c = 0; c < cand->len && fixed == NULL; c++)
    {
      int len = 0;
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          if (p->recipe == c)
            {
              len++;
              ind[len] = p->y;
              val[len] = 1;
            }
        }
      if (len > (int) uses_left[c])
        add_row (lp, len, ind, val, GLP_UP, 0, uses_left[c], 0);
    }

  glp_init_iocp (&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;
  parm.mip_gap = BZ_DIET_MIP_GAP;
  /* The root relaxation is within every tolerance on nearly every day
   * (objective 0, or the sides' cost), so the bound prunes nothing and the
   * search is for an integer point in the tolerances: depth first reaches
   * one in a few dozen nodes where best-bound wandered the tree to its time
   * limit; the cuts and the feasibility pump, which helped the recipes-only
   * program, cost more than they gained here (both measured with the
   * benchmark, 2026-12-01: CPU time per plan about halved). */
  parm.bt_tech = GLP_BT_DFS;
  parm.fp_heur = GLP_OFF;
  parm.tm_lim = MAX (tm_lim, 1);
  parm.cb_func = good_enough;
  parm.cb_info = &enough;
  rc = glp_intopt (lp, &parm);
  status = glp_mip_status (lp);
  if ((rc == 0 || rc == GLP_ETMLIM || rc == GLP_ESTOP) && (status == GLP_OPT || status == GLP_FEAS))
    {
      if (!(status == GLP_OPT || rc == GLP_ESTOP || glp_mip_obj_val (lp) <= enough))
        *out_limited = TRUE;
      memset (&plan->slots[d * req->meals_per_day], 0, req->meals_per_day * sizeof (BzDietSlot));
      for (guint i = 0; i < pairs->len; i++)
        {
          Pair *p = &g_array_index (pairs, Pair, i);
          double halves = round (glp_mip_col_val (lp, p->n));
          BzDietSlot *slot = &plan->slots[d * req->meals_per_day + p->slot];
          if (glp_mip_col_val (lp, p->y) < 0.5 || halves < 1 || slot->n_portions >= BZ_DIET_SLOT_MAX_RECIPES)
            continue;
          slot->portions[slot->n_portions].recipe = g_array_index (cand, guint, p->recipe);
          slot->portions[slot->n_portions].servings = halves * BZ_DIET_SERVING_STEP;
          slot->n_portions++;
        }
      for (guint i = 0; i < sides->len; i++)
        {
          SideVar *v = &g_array_index (sides, SideVar, i);
          double eq = round (glp_mip_col_val (lp, v->x));
          BzDietSlot *slot = &plan->slots[d * req->meals_per_day + v->slot];
          if (eq < 1 || slot->n_sides >= BZ_DIET_SLOT_MAX_SIDES)
            continue;
          slot->sides[slot->n_sides].side = v->side;
          slot->sides[slot->n_sides].equivalents = (guint) MIN (eq, BZ_DIET_SIDE_MAX_EQUIVALENTS);
          slot->n_sides++;
        }
      ok = TRUE;
      for (guint s = 0; s < req->meals_per_day; s++)
        if (plan->slots[d * req->meals_per_day + s].n_portions == 0)
          ok = FALSE;
    }
out:
  glp_delete_prob (lp);
  return ok;
}

/* Adds @sign to the uses left of day @d's recipes. */
static void
count_uses (const BzDietPlan *plan, guint d, GArray *cand, guint *uses_left, int sign)
{
  for (guint s = 0; s < plan->meals_per_day; s++)
    {
      const BzDietSlot *slot = &plan->slots[d * plan->meals_per_day + s];
      for (guint i = 0; i < slot->n_portions; i++)
        for (guint c = 0; c < cand->len; c++)
          if (g_array_index (cand, guint, c) == slot->portions[i].recipe)
            uses_left[c] += sign;
    }
}

/* The plan day by day (a rolling horizon): each day's program is small
 * enough for GLPK to solve in milliseconds, where the whole plan's (days x
 * meals x recipes binaries coupled by the weekly uses) is not; the weekly
 * rule carries from one day to the next as each recipe's uses left, and
 * bz_diet_plan_check() has made sure they suffice.  Each day gets an equal
 * part of the time left; a day GLPK leaves outside the tolerances goes to
 * the greedy planner and its repair (see the header).  %NULL when a day has
 * neither GLPK's solution nor a greedy one. */
static BzDietPlan *
solve_glpk (const BzDietRecipe *recipes, GArray *cand, const BzDietRequest *req, const gboolean *side_ok)
{
  g_autoptr(BzDietPlan) plan = bz_diet_plan_new_for (req);
  g_autofree guint *uses_left = g_new (guint, cand->len);
  gint64 limit_us = (gint64) (req->time_limit_ms ? req->time_limit_ms : BZ_DIET_PLANNER_TIME_LIMIT_MS) * 1000;
  gint64 deadline = g_get_monotonic_time () + limit_us;
  gboolean limited = FALSE, ok = TRUE;
  guint greedy_days = 0;

  g_mutex_lock (&glpk_lock);
  glp_term_out (GLP_OFF);
  for (guint d = 0; d < req->n_days && ok; d++)
    {
      BzDietSlot *day = &plan->slots[d * req->meals_per_day];
      BzDietSlot glpk_day[BZ_DIET_PLANNER_MAX_MEALS], greedy[BZ_DIET_PLANNER_MAX_MEALS];
      gint64 left = deadline - g_get_monotonic_time ();
      double glpk_penalty = G_MAXDOUBLE;
      BzNutrients sum;

      if (d % WEEK_DAYS == 0)
        for (guint c = 0; c < cand->len; c++)
          uses_left[c] = BZ_DIET_MAX_USES_PER_WEEK;
      if (left > 0 && solve_glpk_day (recipes, cand, uses_left, req, side_ok, NULL, d,
                                      (int) (left / 1000 / (req->n_days - d)), plan, &limited))
        {
          BzDietDayCheck chk;
          bz_diet_day_sum (recipes, req, plan, d, &sum);
          bz_diet_day_check (&sum, &req->targets, &chk);
          glpk_penalty = bz_diet_day_penalty (&sum, &req->targets);
          if (chk.within)
            {
              count_uses (plan, d, cand, uses_left, -1);
              continue;
            }
          memcpy (glpk_day, day, req->meals_per_day * sizeof (BzDietSlot));
        }
      /* GLPK found no integer solution in the day's time, or none within
       * every tolerance: the greedy day, its servings and sides then
       * re-solved with its recipes kept (a program a tenth the size), and
       * the better of that and GLPK's. */
      memset (day, 0, req->meals_per_day * sizeof (BzDietSlot));
      if (!bz_diet_greedy_day (recipes, cand, uses_left, req, side_ok, d, plan))
        {
          if (glpk_penalty == G_MAXDOUBLE)
            {
              ok = FALSE;
              break;
            }
          memcpy (day, glpk_day, req->meals_per_day * sizeof (BzDietSlot));
          count_uses (plan, d, cand, uses_left, -1);
          continue;
        }
      memcpy (greedy, day, req->meals_per_day * sizeof (BzDietSlot));
      left = deadline - g_get_monotonic_time ();
      if (!solve_glpk_day (recipes, cand, uses_left, req, side_ok, greedy, d,
                           (int) MAX (BZ_DIET_REPAIR_MIN_MS, left / 1000 / (req->n_days - d)), plan, &limited))
        memcpy (day, greedy, req->meals_per_day * sizeof (BzDietSlot));
      bz_diet_day_sum (recipes, req, plan, d, &sum);
      if (glpk_penalty < bz_diet_day_penalty (&sum, &req->targets))
        {
          count_uses (plan, d, cand, uses_left, +1);   /* the greedy day's, given back */
          memcpy (day, glpk_day, req->meals_per_day * sizeof (BzDietSlot));
          count_uses (plan, d, cand, uses_left, -1);
        }
      else
        greedy_days++;
    }
  glp_free_env ();
  g_mutex_unlock (&glpk_lock);
  if (!ok)
    return NULL;
  plan->solver = greedy_days == req->n_days ? BZ_DIET_SOLVER_GREEDY
                 : limited || greedy_days ? BZ_DIET_SOLVER_GLPK_TIME_LIMIT : BZ_DIET_SOLVER_GLPK;
  plan->greedy_days = greedy_days;
  return g_steal_pointer (&plan);
}

BzDietPlan *
bz_diet_plan_solve (const BzDietRecipe *recipes, guint n_recipes, const BzDietRequest *request, GError **error)
{
  g_autoptr(GArray) cand = NULL;
  g_autofree gboolean *side_ok = NULL;
  BzDietPlan *plan = NULL;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (request != NULL && (recipes != NULL || n_recipes == 0), NULL);
  if (!bz_diet_plan_check (recipes, n_recipes, request, error))
    return NULL;
  cand = candidates (recipes, n_recipes, request);
  side_ok = bz_diet_sides_allowed (request);
  if (!request->no_solver)
    plan = solve_glpk (recipes, cand, request, side_ok);
  if (plan == NULL && !(plan = bz_diet_solve_greedy (recipes, cand, request, side_ok, error)))
    return NULL;
  plan->n_candidates = cand->len;
  plan_finish (plan, recipes, request);
  plan->solve_ms = (double) (g_get_monotonic_time () - start) / 1000.0;
  return plan;
}
