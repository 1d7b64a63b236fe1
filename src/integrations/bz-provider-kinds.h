/* bz-provider-kinds.h — the service kinds of seed 000 besides the avatar
 * (bz-avatar-provider.h): workout planning (story 4.1), diet planning (4.2),
 * meal detection from a photo (4.3), and chat/completions for seed 002's
 * assistant (§4.7).  One GInterface per kind.
 *
 * Every method takes the request as a JSON object and answers JSON: the
 * contract a clinic's own `http` service implements (the same members,
 * POSTed to its URL), which BzResilient (bz-resilient.h) caches and
 * validates.  The contracts are given at each method.  Every method blocks:
 * call it on a worker thread, through BzResilient (bz_*_call() below are
 * #BzResilientFunc adapters for that).  Errors are %BZ_INTEGRATION_ERROR
 * (INVALID_REQUEST for a request the provider cannot use), or
 * G_IO_ERROR_CANCELLED.  @out_cost is the call's cost in MXN (0 for local
 * providers), counted against the provider's monthly quota.
 *
 * Providers: "local" (embedded, offline: BzLocalDietPlanner below), "http"
 * (a clinic's own service speaking these contracts: bz-http-provider.h);
 * "openai" (an OpenAI-compatible /v1/chat/completions for detection, label
 * reading and chat: bz-openai-provider.h, its answers' schemas in
 * bz-provider-schemas.h).  The local chat provider:
 * bz-local-chat-provider.h; the local workout planner:
 * bz-local-workout-planner.h; a local detector is still to come (issue 11).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bz-integration-error.h"

G_BEGIN_DECLS

/* --- Diet planning ------------------------------------------------------------ */

#define BZ_TYPE_DIET_PLANNER (bz_diet_planner_get_type ())
G_DECLARE_INTERFACE (BzDietPlanner, bz_diet_planner, BZ, DIET_PLANNER, GObject)

/**
 * BzDietPlannerInterface:
 * @get_name: a short static name ("local", "http")
 * @plan: plans a patient's day.  Request: {sex: "female"|"male", age_years,
 *   weight_kg, height_cm, activity_level: "sedentary"|"light"|"moderate"|
 *   "active"|"very_active", goal: "maintenance"|"weight_loss"|"muscle_gain",
 *   meals_per_day: 3-6 (default 5), energy_target_kcal: optional,
 *   %BZ_DIET_CALORIES_TARGET_MIN-%BZ_DIET_CALORIES_TARGET_MAX, the day's energy
 *   instead of the body's (protein, carbohydrate and fat keep their shares
 *   of it)}.  Answer: {provider, targets:
 *   {energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sodium_mg},
 *   meals: [{name, share, energy_kcal, protein_g, carbohydrate_g, fat_g,
 *   smae_equivalents: {group id: equivalents}}]}.
 *   With recipes in the request, the plan of recipes too (issue 11): request
 *   members days 1-14 (default 7), recipes: [{id, meal_types: [desayuno,
 *   colacion, comida, cena], calories, protein_g, carbs_g, fat_g, fiber_g,
 *   sodium_mg (per serving), allergens: [bz_vocab_allergen ids], tags:
 *   [dietary tags and free tags], ingredients: [texts]}], allergens: [ids],
 *   excluded_tags: [text], excluded_foods: [text], dietary_preference:
 *   omnivore|vegetarian|vegan, seed; answer members solver ("glpk",
 *   "glpk_time_limit", "greedy"), days_within, n_candidates, days: [{day
 *   1.., within_tolerance, deviation: {energy, protein, carbohydrate, fat:
 *   signed fractions}, totals: {energy_kcal...}, meals: [{id, name,
 *   recipes: [{id, servings}]}]}] (the rules of bz-diet-planner.h).
 *   With side_foods in the request too: [{id: an NDB number of
 *   bz_diet_side_specs(), food_group: SR28 FdGrp_Cd, description: its
 *   Long_Desc, per_100g: {energy_kcal, protein_g, carbohydrate_g, fat_g,
 *   fiber_g, sodium_mg}}] (others are ignored), each meal of the answer has
 *   foods: [{id, name, group: SMAE group id, equivalents: whole, 1-3,
 *   grams, household: Spanish household measure}] (bz-diet-sides.h).
 */
struct _BzDietPlannerInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzDietPlanner *self);
  JsonNode   *(*plan)     (BzDietPlanner *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

/** bz_diet_planner_get_name: Returns: (transfer none): the provider's name. */
const char *bz_diet_planner_get_name (BzDietPlanner *self);
/**
 * bz_diet_planner_plan:
 * @out_cost: (out) (optional): MXN
 * Returns: (transfer full): the answer of #BzDietPlannerInterface.plan, or %NULL with @error.
 */
JsonNode   *bz_diet_planner_plan     (BzDietPlanner *self, JsonObject *request, double *out_cost,
                                      GCancellable *cancellable, GError **error);

/* --- Workout planning ---------------------------------------------------------- */

#define BZ_TYPE_WORKOUT_PLANNER (bz_workout_planner_get_type ())
G_DECLARE_INTERFACE (BzWorkoutPlanner, bz_workout_planner, BZ, WORKOUT_PLANNER, GObject)

/**
 * BzWorkoutPlannerInterface:
 * @get_name: a short static name
 * @plan: plans 14 days of training (seed 000 story 4.1).  Request:
 *   {goal: a bz_vocab_workout_goal id, level: "beginner"|"intermediate"|
 *   "advanced", days_per_week 1-7, equipment: [bz_vocab_equipment ids
 *   available], excluded_muscles: [bz_vocab_muscle ids], seed}.  Answer:
 *   {provider, days: [{day: 0-13, split, exercises: [{exercise_id (a slug of
 *   data/exercises), role: "strength"|"cardio"|"cooldown", sets, reps_min,
 *   reps_max, rest_s, minutes, hold_s}]}]}: the training days only, in order
 *   (the local provider: bz-local-workout-planner.h)
 */
struct _BzWorkoutPlannerInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzWorkoutPlanner *self);
  JsonNode   *(*plan)     (BzWorkoutPlanner *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

const char *bz_workout_planner_get_name (BzWorkoutPlanner *self);
/** bz_workout_planner_plan: Returns: (transfer full): the plan, or %NULL with @error. */
JsonNode   *bz_workout_planner_plan     (BzWorkoutPlanner *self, JsonObject *request, double *out_cost,
                                         GCancellable *cancellable, GError **error);

/* --- Meal detection (vision) --------------------------------------------------- */

#define BZ_TYPE_MEAL_DETECTOR (bz_meal_detector_get_type ())
G_DECLARE_INTERFACE (BzMealDetector, bz_meal_detector, BZ, MEAL_DETECTOR, GObject)

/**
 * BzMealDetectorInterface:
 * @get_name: a short static name
 * @detect: finds the foods in a meal photo (seed 000 story 4.3; seed 002
 *   §4.7 recognize-food).  @image: JPEG/PNG/WebP bytes (already checked by
 *   bz-image.h); @request: {meal_type, locale: "es-MX"|"en", hints: [text]}.
 *   Answer: {provider, foods: [{name, ndb_no (nullable), grams, confidence
 *   0-1, and optionally search (English words for the USDA food search) and
 *   the service's estimates energy_kcal, protein_g, carbohydrate_g, fat_g}],
 *   total: {energy_kcal, protein_g, carbohydrate_g, fat_g}}; the schema:
 *   bz_meal_detection_validate() (bz-provider-schemas.h)
 */
struct _BzMealDetectorInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzMealDetector *self);
  JsonNode   *(*detect)   (BzMealDetector *self, GBytes *image, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

const char *bz_meal_detector_get_name (BzMealDetector *self);
/** bz_meal_detector_detect: Returns: (transfer full): the foods, or %NULL with @error. */
JsonNode   *bz_meal_detector_detect   (BzMealDetector *self, GBytes *image, JsonObject *request,
                                       double *out_cost, GCancellable *cancellable, GError **error);

/* --- Chat / completions -------------------------------------------------------- */

#define BZ_TYPE_CHAT_PROVIDER (bz_chat_provider_get_type ())
G_DECLARE_INTERFACE (BzChatProvider, bz_chat_provider, BZ, CHAT_PROVIDER, GObject)

/**
 * BzChatProviderInterface:
 * @get_name: a short static name
 * @complete: answers a conversation (seed 002 §4.7 POST /ai/chat, §6.8).
 *   Request: {system: text, messages: [{role: "user"|"assistant", content}],
 *   context: {the patient's plan, targets... as the caller gives them}}.
 *   Answer: {provider, reply: text, sources: [text], related_questions: [text]}
 *   (the OpenAI-compatible provider maps /v1/chat/completions to it)
 */
struct _BzChatProviderInterface
{
  GTypeInterface parent_iface;
  const char *(*get_name) (BzChatProvider *self);
  JsonNode   *(*complete) (BzChatProvider *self, JsonObject *request, double *out_cost,
                           GCancellable *cancellable, GError **error);
};

const char *bz_chat_provider_get_name (BzChatProvider *self);
/** bz_chat_provider_complete: Returns: (transfer full): the reply, or %NULL with @error. */
JsonNode   *bz_chat_provider_complete (BzChatProvider *self, JsonObject *request, double *out_cost,
                                       GCancellable *cancellable, GError **error);

/* --- Adapters for BzResilient ------------------------------------------------------ */

/**
 * BzProviderCall:
 * @provider: a #BzDietPlanner, #BzWorkoutPlanner or #BzChatProvider
 *   (bz_provider_call()), or a #BzMealDetector (bz_provider_call_detect())
 * @request: the JSON request
 * @image: (nullable): the photo, for meal detection
 *
 * The data of one call, as a #BzResilientFunc's @data.
 */
typedef struct
{
  gpointer provider;
  JsonObject *request;
  GBytes *image;
} BzProviderCall;

/**
 * bz_provider_call:
 * A #BzResilientFunc (bz-resilient.h): calls the plan or complete method of
 * @data's provider (a #BzProviderCall), whichever kind it implements.
 */
JsonNode   *bz_provider_call        (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);
/** bz_provider_call_detect: a #BzResilientFunc for a #BzMealDetector. */
JsonNode   *bz_provider_call_detect (gpointer data, GCancellable *cancellable, double *out_cost, GError **error);

/* --- The local diet planner ------------------------------------------------------ */

#define BZ_TYPE_LOCAL_DIET_PLANNER (bz_local_diet_planner_get_type ())
G_DECLARE_FINAL_TYPE (BzLocalDietPlanner, bz_local_diet_planner, BZ, LOCAL_DIET_PLANNER, GObject)

/**
 * bz_local_diet_planner_new:
 *
 * The embedded diet planner: the day's targets of bz_daily_targets()
 * (Mifflin-St Jeor x activity factor, goal adjustment, protein per kg, 30 %
 * fat), shared among the meals (bz_local_diet_planner_shares()), each meal's
 * macronutrients counted as SMAE equivalents (bz_smae_decompose()); given
 * recipes, the recipes and servings of every meal of every day
 * (bz_diet_plan_solve(), GLPK).  Offline, free, deterministic for a seed.
 *
 * Returns: (transfer full): a #BzDietPlanner named "local".
 */
BzDietPlanner *bz_local_diet_planner_new (void);

/**
 * bz_local_diet_planner_shares:
 * @meals: meals a day, 3-6
 * @out_names: (out) (transfer none) (array length=meals): the meals' names
 *
 * The share of the day's energy of each meal: bz_diet_planner_slots()'s
 * table (bz-diet-planner.h, where the choice is stated), its ids as names.
 *
 * Returns: (transfer none) (array length=meals): the shares.
 */
const double  *bz_local_diet_planner_shares (guint meals, const char *const **out_names);

G_END_DECLS
