/* bz-provider-kinds.c — the service kinds' interfaces and the local diet
 * planner (see bz-provider-kinds.h). */
#include "bz-provider-kinds.h"

#include <math.h>
#include <string.h>

#include "bz-nutrition.h"
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
  static const double s3[] = { 0.30, 0.40, 0.30 };
  static const double s4[] = { 0.25, 0.10, 0.35, 0.30 };
  static const double s5[] = { 0.25, 0.10, 0.35, 0.10, 0.20 };
  static const double s6[] = { 0.20, 0.10, 0.30, 0.10, 0.20, 0.10 };
  static const char *const n3[] = { "desayuno", "comida", "cena" };
  static const char *const n4[] = { "desayuno", "colacion_matutina", "comida", "cena" };
  static const char *const n5[] = { "desayuno", "colacion_matutina", "comida", "colacion_vespertina", "cena" };
  static const char *const n6[] = { "desayuno", "colacion_matutina", "comida", "colacion_vespertina", "cena",
                                    "colacion_nocturna" };
  static const double *const shares[] = { s3, s4, s5, s6 };
  static const char *const *const names[] = { n3, n4, n5, n6 };

  g_return_val_if_fail (meals >= 3 && meals <= 6, NULL);
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

static JsonNode *
local_plan (BzDietPlanner *self, JsonObject *req, double *out_cost, GCancellable *cancellable, GError **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *sex_s = json_object_get_string_member_with_default (req, "sex", "");
  const char *activity_s = json_object_get_string_member_with_default (req, "activity_level", "moderate");
  const char *goal_s = json_object_get_string_member_with_default (req, "goal", "maintenance");
  double age, weight, height, meals_d = 5;
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
      (json_object_has_member (req, "meals_per_day") && !number_in (req, "meals_per_day", 3, 6, &meals_d, error)))
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
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
bz_local_diet_planner_iface_init (BzDietPlannerInterface *iface)
{
  iface->get_name = local_get_name;
  iface->plan = local_plan;
}
