/* bz-provider-kinds.c — the service kinds' interfaces and the local diet
 * planner (see bz-provider-kinds.h). */
#include "bz-provider-kinds.h"

#include "bz-diet-plan-resources.h"

#include <math.h>
#include <string.h>

#include "bz-diet-planner.h"
#include "bz-diet-sides.h"
#include "bz-nutrition.h"
#include "bz-recipe-derive.h"
#include "bz-smae.h"

G_DEFINE_INTERFACE (BzDietPlanner, bz_diet_planner, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (BzWorkoutPlanner, bz_workout_planner, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (BzMealDetector, bz_meal_detector, G_TYPE_OBJECT)
G_DEFINE_INTERFACE (BzChatProvider, bz_chat_provider, G_TYPE_OBJECT)

static void bz_diet_planner_default_init (BzDietPlannerInterface *iface) {}
static void bz_workout_planner_default_init (BzWorkoutPlannerInterface *iface) {}
static void bz_meal_detector_default_init (BzMealDetectorInterface *iface) {}
static void bz_chat_provider_default_init (BzChatProviderInterface *iface) {}

/* Runs a method after the checks every wrapper makes; 0 cost unless it says. */
#define CALL_METHOD(iface, method, ...)                                        \
  G_STMT_START {                                                              \
    double cost_ = 0;                                                         \
    JsonNode *node_;                                                          \
    g_return_val_if_fail ((iface)->method != NULL, NULL);                     \
    if (g_cancellable_set_error_if_cancelled (cancellable, error))            \
      return NULL;                                                            \
    node_ = (iface)->method (__VA_ARGS__, &cost_, cancellable, error);        \
    if (out_cost)                                                             \
      *out_cost = node_ ? cost_ : 0;                                          \
    return node_;                                                             \
  } G_STMT_END

const char *
bz_diet_planner_get_name (BzDietPlanner *self)
{
  g_return_val_if_fail (BZ_IS_DIET_PLANNER (self), NULL);
  return BZ_DIET_PLANNER_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_diet_planner_plan (BzDietPlanner *self, JsonObject *request, double *out_cost,
                      GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (BZ_IS_DIET_PLANNER (self) && request != NULL, NULL);
  CALL_METHOD (BZ_DIET_PLANNER_GET_IFACE (self), plan, self, request);
}

const char *
bz_workout_planner_get_name (BzWorkoutPlanner *self)
{
  g_return_val_if_fail (BZ_IS_WORKOUT_PLANNER (self), NULL);
  return BZ_WORKOUT_PLANNER_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_workout_planner_plan (BzWorkoutPlanner *self, JsonObject *request, double *out_cost,
                         GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (BZ_IS_WORKOUT_PLANNER (self) && request != NULL, NULL);
  CALL_METHOD (BZ_WORKOUT_PLANNER_GET_IFACE (self), plan, self, request);
}

const char *
bz_meal_detector_get_name (BzMealDetector *self)
{
  g_return_val_if_fail (BZ_IS_MEAL_DETECTOR (self), NULL);
  return BZ_MEAL_DETECTOR_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_meal_detector_detect (BzMealDetector *self, GBytes *image, JsonObject *request, double *out_cost,
                         GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (BZ_IS_MEAL_DETECTOR (self) && image != NULL && request != NULL, NULL);
  CALL_METHOD (BZ_MEAL_DETECTOR_GET_IFACE (self), detect, self, image, request);
}

const char *
bz_chat_provider_get_name (BzChatProvider *self)
{
  g_return_val_if_fail (BZ_IS_CHAT_PROVIDER (self), NULL);
  return BZ_CHAT_PROVIDER_GET_IFACE (self)->get_name (self);
}

JsonNode *
bz_chat_provider_complete (BzChatProvider *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (BZ_IS_CHAT_PROVIDER (self) && request != NULL, NULL);
  CALL_METHOD (BZ_CHAT_PROVIDER_GET_IFACE (self), complete, self, request);
}

JsonNode *
bz_provider_call (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzProviderCall *call = data;

  if (BZ_IS_DIET_PLANNER (call->provider))
    return bz_diet_planner_plan (call->provider, call->request, out_cost, cancellable, error);
  if (BZ_IS_WORKOUT_PLANNER (call->provider))
    return bz_workout_planner_plan (call->provider, call->request, out_cost, cancellable, error);
  if (BZ_IS_CHAT_PROVIDER (call->provider))
    return bz_chat_provider_complete (call->provider, call->request, out_cost, cancellable, error);
  g_return_val_if_reached (NULL);
}

JsonNode *
bz_provider_call_detect (gpointer data, GCancellable *cancellable, double *out_cost, GError **error)
{
  BzProviderCall *call = data;
  return bz_meal_detector_detect (call->provider, call->image, call->request, out_cost, cancellable, error);
}

/* --- The local diet planner ------------------------------------------------------ */

struct _BzLocalDietPlanner
{
  GObject parent_instance;
};

static void bz_local_diet_planner_iface_init (BzDietPlannerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzLocalDietPlanner, bz_local_diet_planner, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_DIET_PLANNER, bz_local_diet_planner_iface_init))

static void bz_local_diet_planner_class_init (BzLocalDietPlannerClass *klass) {}
static void bz_local_diet_planner_init (BzLocalDietPlanner *self) {}

BzDietPlanner *
bz_local_diet_planner_new (void)
{
  return g_object_new (BZ_TYPE_LOCAL_DIET_PLANNER, NULL);
}

const double *
bz_local_diet_planner_shares (guint meals, const char *const **out_names)
{
  /* The table is bz_diet_planner_slots()'s, in this function's shape. */
  static double shares[4][BZ_DIET_PLANNER_MAX_MEALS];
  static const char *names[4][BZ_DIET_PLANNER_MAX_MEALS];
  static gsize once;

  g_return_val_if_fail (meals >= 3 && meals <= 6, NULL);
  if (g_once_init_enter (&once))
    {
      for (guint m = BZ_DIET_PLANNER_MIN_MEALS; m <= BZ_DIET_PLANNER_MAX_MEALS; m++)
        for (guint i = 0; i < m; i++)
          {
            shares[m - 3][i] = bz_diet_planner_slots (m)[i].share;
            names[m - 3][i] = bz_diet_planner_slots (m)[i].id;
          }
      g_once_init_leave (&once, 1);
    }
  if (out_names)
    *out_names = names[meals - 3];
  return shares[meals - 3];
}

static const char *
local_get_name (BzDietPlanner *self)
{
  return "local";
}

static GError *
invalid (const char *member, const char *why)
{
  return bz_integration_error_new ("local", BZ_INTEGRATION_ERROR_INVALID_REQUEST, 0, FALSE, 0,
                                   "%s: %s", member, why);
}

/* A number member within [lo, hi]. */
static gboolean
number_in (JsonObject *o, const char *member, double lo, double hi, double *out, GError **error)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) == G_TYPE_STRING ||
      json_node_get_value_type (n) == G_TYPE_BOOLEAN)
    {
      g_propagate_error (error, invalid (member, "a number is required"));
      return FALSE;
    }
  *out = json_node_get_double (n);
  if (!(*out >= lo && *out <= hi))
    {
      g_propagate_error (error, invalid (member, "out of range"));
      return FALSE;
    }
  return TRUE;
}

/* The strings of array member @member of @o, borrowed from it; %NULL-terminated. */
static const char **
strv_member (JsonObject *o, const char *member)
{
  JsonArray *a = json_object_has_member (o, member) && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, member))
                   ? json_object_get_array_member (o, member) : NULL;
  guint n = a ? json_array_get_length (a) : 0, k = 0;
  const char **v = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        v[k++] = json_node_get_string (e);
    }
  return v;
}

static double
double_member (JsonObject *o, const char *member)
{
  JsonNode *n = json_object_get_member (o, member);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) != G_TYPE_STRING ? json_node_get_double (n) : 0;
}

typedef struct
{
  GArray *recipes;     /* BzDietRecipe */
  GPtrArray *owned;    /* the strv arrays (their strings are the request's) */
  GArray *sides;       /* BzDietSide, borrowing the request's strings */
} Catalogue;

static void
catalogue_clear (Catalogue *c)
{
  g_clear_pointer (&c->recipes, g_array_unref);
  g_clear_pointer (&c->sides, g_array_unref);
  g_clear_pointer (&c->owned, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Catalogue, catalogue_clear)

/* The request's recipes (see bz-provider-kinds.h), borrowing its strings. */
static void
catalogue_read (JsonArray *a, Catalogue *c)
{
  c->recipes = g_array_new (FALSE, TRUE, sizeof (BzDietRecipe));
  c->owned = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      JsonObject *o;
      BzDietRecipe r = { 0 };
      const char **v;
      if (!JSON_NODE_HOLDS_OBJECT (e))
        continue;
      o = json_node_get_object (e);
      r.id = json_object_get_string_member_with_default (o, "id", NULL);
      if (r.id == NULL)
        continue;
      r.per_serving.energy_kcal = double_member (o, "calories");
      r.per_serving.protein_g = double_member (o, "protein_g");
      r.per_serving.carbohydrate_g = double_member (o, "carbs_g");
      r.per_serving.fat_g = double_member (o, "fat_g");
      r.per_serving.fiber_g = double_member (o, "fiber_g");
      r.per_serving.sodium_mg = double_member (o, "sodium_mg");
      v = strv_member (o, "meal_types");
      for (guint k = 0; v[k]; k++)
        r.meal_types |= bz_diet_meal_type_from_id (v[k]);
      g_free (v);
      v = strv_member (o, "allergens");
      for (guint k = 0; v[k]; k++)
        for (guint b = 0; b < bz_vocab_allergen.n_terms; b++)
          if (g_strcmp0 (bz_vocab_canonical (&bz_vocab_allergen, v[k]), bz_vocab_allergen.terms[b].id) == 0)
            r.allergens |= 1u << b;
      g_free (v);
      v = strv_member (o, "tags");
      g_ptr_array_add (c->owned, v);
      r.tags = v;
      v = strv_member (o, "ingredients");
      g_ptr_array_add (c->owned, v);
      r.ingredients = v;
      g_array_append_val (c->recipes, r);
    }
}

/* The request's side_foods (see bz-provider-kinds.h): those of
 * bz_diet_side_specs() whose panel counts in their group. */
static void
sides_read (JsonObject *req, Catalogue *c)
{
  JsonArray *a = json_object_has_member (req, "side_foods") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (req, "side_foods"))
                   ? json_object_get_array_member (req, "side_foods") : NULL;
  guint n_specs;
  const BzDietSideSpec *specs = bz_diet_side_specs (&n_specs);

  c->sides = g_array_new (FALSE, TRUE, sizeof (BzDietSide));
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      JsonNode *pn = o ? json_object_get_member (o, "per_100g") : NULL;
      JsonObject *panel = pn && JSON_NODE_HOLDS_OBJECT (pn) ? json_node_get_object (pn) : NULL;
      const char *id = o ? json_object_get_string_member_with_default (o, "id", NULL) : NULL;
      const char *group = o ? json_object_get_string_member_with_default (o, "food_group", NULL) : NULL;
      const char *desc = o ? json_object_get_string_member_with_default (o, "description", "") : "";
      BzNutrients per_100g = { 0 };
      BzDietSide side;

      if (id == NULL || group == NULL || panel == NULL)
        continue;
      per_100g.energy_kcal = double_member (panel, "energy_kcal");
      per_100g.protein_g = double_member (panel, "protein_g");
      per_100g.carbohydrate_g = double_member (panel, "carbohydrate_g");
      per_100g.fat_g = double_member (panel, "fat_g");
      per_100g.fiber_g = double_member (panel, "fiber_g");
      per_100g.sodium_mg = double_member (panel, "sodium_mg");
      for (guint k = 0; k < n_specs; k++)
        if (g_str_equal (specs[k].ndb_no, id) && bz_diet_side_init (&side, &specs[k], group, desc, &per_100g))
          g_array_append_val (c->sides, side);
    }
}

/* A meal's side foods as the answer's foods: [...]. */
static void
add_sides (JsonBuilder *b, const BzDietSlot *slot, GArray *sides)
{
  json_builder_set_member_name (b, "foods");
  json_builder_begin_array (b);
  for (guint i = 0; i < slot->n_sides; i++)
    {
      const BzDietSide *f = &g_array_index (sides, BzDietSide, slot->sides[i].side);
      g_autofree char *household = bz_diet_side_household (f, slot->sides[i].equivalents);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, f->id);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, f->name);
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, bz_smae_reference (f->group)->id);
      json_builder_set_member_name (b, "equivalents");
      json_builder_add_int_value (b, slot->sides[i].equivalents);
      json_builder_set_member_name (b, "grams");
      json_builder_add_double_value (b, round (slot->sides[i].equivalents * f->grams));
      json_builder_set_member_name (b, "household");
      json_builder_add_string_value (b, household);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The plan of recipes (bz-diet-planner.h) for the request's days, added to @b
 * as days, solver, days_within and n_candidates. */
static gboolean
plan_recipes (JsonObject *req, const BzNutrients *targets, guint meals, JsonBuilder *b, GError **error)
{
  g_auto(Catalogue) cat = { 0 };
  g_autofree const char **allergies = strv_member (req, "allergens");
  g_autofree const char **tags = strv_member (req, "excluded_tags");
  g_autofree const char **foods = strv_member (req, "excluded_foods");
  const char *pref = json_object_get_string_member_with_default (req, "dietary_preference", "omnivore");
  const BzDietSlotSpec *slots = bz_diet_planner_slots (meals);
  g_autoptr(BzDietPlan) plan = NULL;
  g_autoptr(GError) local = NULL;
  BzDietRequest r = { 0 };
  double days = BZ_DIET_PLANNER_DEFAULT_DAYS;

  if (json_object_has_member (req, "days") && !number_in (req, "days", 1, BZ_DIET_PLANNER_MAX_DAYS, &days, error))
    return FALSE;
  catalogue_read (json_object_get_array_member (req, "recipes"), &cat);
  sides_read (req, &cat);
  r.targets = *targets;
  r.n_days = (guint) days;
  r.meals_per_day = meals;
  for (guint k = 0; allergies[k]; k++)
    {
      const char *id = bz_vocab_canonical (&bz_vocab_allergen, allergies[k]);
      for (guint i = 0; id && i < bz_vocab_allergen.n_terms; i++)
        if (g_str_equal (id, bz_vocab_allergen.terms[i].id))
          r.allergens |= 1u << i;
      if (id == NULL)
        {
          g_propagate_error (error, invalid ("allergens", "an allergen of bz_vocab_allergen"));
          return FALSE;
        }
    }
  pref = bz_vocab_canonical (&bz_vocab_dietary_preference, pref);
  if (pref == NULL)
    {
      g_propagate_error (error, invalid ("dietary_preference", "omnivore, vegetarian or vegan"));
      return FALSE;
    }
  r.preference = g_str_equal (pref, "vegan") ? BZ_DIET_VEGAN : g_str_equal (pref, "vegetarian") ? BZ_DIET_VEGETARIAN
                                                                                                 : BZ_DIET_OMNIVORE;
  r.excluded_tags = tags;
  r.excluded_foods = foods;
  r.seed = (guint32) double_member (req, "seed");
  r.sides = (const BzDietSide *) cat.sides->data;
  r.n_sides = cat.sides->len;
  plan = bz_diet_plan_solve ((const BzDietRecipe *) cat.recipes->data, cat.recipes->len, &r, &local);
  if (plan == NULL)
    {
      g_propagate_error (error, invalid ("recipes", local->message));
      return FALSE;
    }

  json_builder_set_member_name (b, "solver");
  json_builder_add_string_value (b, bz_diet_solver_name (plan->solver));
  json_builder_set_member_name (b, "days_within");
  json_builder_add_int_value (b, plan->days_within);
  json_builder_set_member_name (b, "n_candidates");
  json_builder_add_int_value (b, plan->n_candidates);
  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint d = 0; d < plan->n_days; d++)
    {
      static const char *const dev_names[] = { "energy", "protein", "carbohydrate", "fat" };
      g_autoptr(JsonObject) totals = bz_nutrients_to_json (&plan->days[d]);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "day");
      json_builder_add_int_value (b, d + 1);
      json_builder_set_member_name (b, "within_tolerance");
      json_builder_add_boolean_value (b, plan->checks[d].within);
      json_builder_set_member_name (b, "deviation");
      json_builder_begin_object (b);
      for (guint k = 0; k < G_N_ELEMENTS (dev_names); k++)
        {
          json_builder_set_member_name (b, dev_names[k]);
          json_builder_add_double_value (b, round (plan->checks[d].deviation[k] * 1000) / 1000);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "totals");
      json_builder_add_value (b, json_node_init_object (json_node_alloc (), totals));
      json_builder_set_member_name (b, "meals");
      json_builder_begin_array (b);
      for (guint s = 0; s < meals; s++)
        {
          const BzDietSlot *slot = &plan->slots[d * meals + s];
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, slots[s].id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, slots[s].name);
          json_builder_set_member_name (b, "recipes");
          json_builder_begin_array (b);
          for (guint i = 0; i < slot->n_portions; i++)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_string_value (b, g_array_index (cat.recipes, BzDietRecipe, slot->portions[i].recipe).id);
              json_builder_set_member_name (b, "servings");
              json_builder_add_double_value (b, slot->portions[i].servings);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          add_sides (b, slot, cat.sides);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return TRUE;
}

static JsonNode *
local_plan (BzDietPlanner *self, JsonObject *req, double *out_cost, GCancellable *cancellable, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *sex_s = json_object_get_string_member_with_default (req, "sex", "");
  const char *activity_s = json_object_get_string_member_with_default (req, "activity_level", "moderate");
  const char *goal_s = json_object_get_string_member_with_default (req, "goal", "maintenance");
  double age, weight, height, meals_d = 5, energy_target = 0;
  BzSex sex;
  BzActivityLevel activity;
  BzGoal goal;
  BzNutrients day = { 0 };
  const double *shares;
  const char *const *names;
  g_autoptr(JsonObject) targets = NULL;

  if (g_str_equal (sex_s, "female"))
    sex = BZ_SEX_FEMALE;
  else if (g_str_equal (sex_s, "male"))
    sex = BZ_SEX_MALE;
  else
    {
      g_propagate_error (error, invalid ("sex", "\"female\" or \"male\""));
      return NULL;
    }
  /* The bounds of Mifflin-St Jeor's validation sample, widened to adults of
   * any size a clinic sees: 18-100 years, 30-300 kg, 120-230 cm. */
  if (!number_in (req, "age_years", 18, 100, &age, error) ||
      !number_in (req, "weight_kg", 30, 300, &weight, error) ||
      !number_in (req, "height_cm", 120, 230, &height, error) ||
      (json_object_has_member (req, "meals_per_day") && !number_in (req, "meals_per_day", 3, 6, &meals_d, error)) ||
      (json_object_has_member (req, "energy_target_kcal") &&
       !number_in (req, "energy_target_kcal", BZ_DIET_CALORIES_TARGET_MIN, BZ_DIET_CALORIES_TARGET_MAX, &energy_target, error)))
    return NULL;
  if (!bz_activity_level_from_string (activity_s, &activity))
    {
      g_propagate_error (error, invalid ("activity_level", "unknown level"));
      return NULL;
    }
  if (g_str_equal (goal_s, "maintenance"))
    goal = BZ_GOAL_MAINTENANCE;
  else if (g_str_equal (goal_s, "weight_loss"))
    goal = BZ_GOAL_WEIGHT_LOSS;
  else if (g_str_equal (goal_s, "muscle_gain"))
    goal = BZ_GOAL_MUSCLE_GAIN;
  else
    {
      g_propagate_error (error, invalid ("goal", "maintenance, weight_loss or muscle_gain"));
      return NULL;
    }

  bz_daily_targets (sex, weight, height, age, activity, goal, &day);
  if (energy_target > 0 && day.energy_kcal > 0)
    {
      /* The nutritionist's energy target: the macronutrients keep their shares of it. */
      double k = energy_target / day.energy_kcal;
      day.energy_kcal *= k;
      day.protein_g *= k;
      day.carbohydrate_g *= k;
      day.fat_g *= k;
    }
  shares = bz_local_diet_planner_shares ((guint) meals_d, &names);
  targets = bz_nutrients_to_json (&day);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "provider");
  json_builder_add_string_value (b, "local");
  json_builder_set_member_name (b, "targets");
  json_builder_add_value (b, json_node_init_object (json_node_alloc (), targets));
  json_builder_set_member_name (b, "meals");
  json_builder_begin_array (b);
  for (guint i = 0; i < (guint) meals_d; i++)
    {
      BzNutrients meal = { 0 };
      double eq[BZ_SMAE_N_GROUPS];

      bz_nutrients_add (&meal, &day, shares[i]);
      bz_smae_decompose (&meal, eq);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, names[i]);
      json_builder_set_member_name (b, "share");
      json_builder_add_double_value (b, shares[i]);
#define ROUNDED(member, v) json_builder_set_member_name (b, member); \
      json_builder_add_double_value (b, round ((v) * 10) / 10)
      ROUNDED ("energy_kcal", meal.energy_kcal);
      ROUNDED ("protein_g", meal.protein_g);
      ROUNDED ("carbohydrate_g", meal.carbohydrate_g);
      ROUNDED ("fat_g", meal.fat_g);
      json_builder_set_member_name (b, "smae_equivalents");
      json_builder_begin_object (b);
      for (int g = 0; g < BZ_SMAE_N_GROUPS; g++)
        if (eq[g] > 0)
          {
            /* Clinics hand out equivalents in halves (bz_smae_equivalents()). */
            ROUNDED (bz_smae_reference (g)->id, round (eq[g] * 2) / 2);
          }
#undef ROUNDED
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json_object_has_member (req, "recipes") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (req, "recipes")) &&
      !plan_recipes (req, &day, (guint) meals_d, b, error))
    return NULL;
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
bz_local_diet_planner_iface_init (BzDietPlannerInterface *iface)
{
  iface->get_name = local_get_name;
  iface->plan = local_plan;
}
