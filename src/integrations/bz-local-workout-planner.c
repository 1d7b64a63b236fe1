/* bz-local-workout-planner.c — the embedded workout planner as a provider
 * (see bz-local-workout-planner.h). */
#include "bz-local-workout-planner.h"

#include <string.h>

#include "bz-exercise.h"
#include "bz-workout-planner.h"

struct _BzLocalWorkoutPlanner
{
  GObject parent_instance;
};

static void bz_local_workout_planner_iface_init (BzWorkoutPlannerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzLocalWorkoutPlanner, bz_local_workout_planner, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BZ_TYPE_WORKOUT_PLANNER, bz_local_workout_planner_iface_init))

static void bz_local_workout_planner_class_init (BzLocalWorkoutPlannerClass *klass) {}
static void bz_local_workout_planner_init (BzLocalWorkoutPlanner *self) {}

static const char *
get_name (BzWorkoutPlanner *self)
{
  return "local";
}

/* The mask of @o's array @name of @vocab ids; FALSE on anything else. */
static gboolean
mask_of (JsonObject *o, const char *name, const BzVocab *vocab, guint64 *out)
{
  JsonNode *n = json_object_get_member (o, name);
  JsonArray *a;

  *out = 0;
  if (n == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    return FALSE;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      guint64 bit = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING
                      ? bz_vocab_bit (vocab, json_node_get_string (e)) : 0;
      if (bit == 0)
        return FALSE;
      *out |= bit;
    }
  return TRUE;
}

static const char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n) : NULL;
}

static gint64
int_member (JsonObject *o, const char *name, gint64 fallback)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64 ? json_node_get_int (n) : fallback;
}

static void
add_uint (JsonBuilder *b, const char *name, guint v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

static JsonNode *
plan (BzWorkoutPlanner *self, JsonObject *request, double *out_cost, GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(BzWorkoutPlan) p = NULL;
  const BzExerciseLibrary *lib = bz_exercise_library_default (&local);
  const char *goal = string_member (request, "goal");
  const char *level = string_member (request, "level");
  BzWorkoutRequest req = { 0 };
  gint64 days = int_member (request, "days_per_week", 0);

  if (lib == NULL)
    {
      g_set_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST, "The exercise library: %s",
                   local->message);
      return NULL;
    }
  req.goal = goal ? bz_vocab_canonical (&bz_vocab_workout_goal, goal) : NULL;
  req.level_rank = level && g_str_equal (level, "advanced") ? 2 : level && g_str_equal (level, "intermediate") ? 1 : 0;
  req.days_per_week = (guint) CLAMP (days, 0, 8);
  req.seed = (guint32) int_member (request, "seed", 0);
  if (req.goal == NULL || g_strcmp0 (req.goal, goal) != 0 || bz_vocab_bit (&bz_vocab_training_level, level) == 0 ||
      req.days_per_week < BZ_WORKOUT_MIN_DAYS || req.days_per_week > BZ_WORKOUT_MAX_DAYS ||
      !mask_of (request, "equipment", &bz_vocab_equipment, &req.equipment) ||
      !mask_of (request, "excluded_muscles", &bz_vocab_muscle, &req.excluded_muscles))
    {
      g_set_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST,
                   "A workout request needs goal, level, days_per_week 1-7 and vocabulary terms");
      return NULL;
    }
  if (!(p = bz_workout_plan_make (lib, &req, &local)))
    {
      g_set_error (error, BZ_INTEGRATION_ERROR, BZ_INTEGRATION_ERROR_INVALID_REQUEST, "%s", local->message);
      return NULL;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "provider");
  json_builder_add_string_value (b, "local");
  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint i = 0; i < p->sessions->len; i++)
    {
      const BzWorkoutSession *s = &g_array_index (p->sessions, BzWorkoutSession, i);
      json_builder_begin_object (b);
      add_uint (b, "day", s->day);
      json_builder_set_member_name (b, "split");
      json_builder_add_string_value (b, s->split);
      json_builder_set_member_name (b, "exercises");
      json_builder_begin_array (b);
      for (guint k = 0; k < s->items->len; k++)
        {
          const BzWorkoutItem *it = &g_array_index (s->items, BzWorkoutItem, k);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "exercise_id");
          json_builder_add_string_value (b, it->exercise->slug);
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, it->role);
          add_uint (b, "sets", it->sets);
          add_uint (b, "reps_min", it->reps_min);
          add_uint (b, "reps_max", it->reps_max);
          add_uint (b, "rest_s", it->rest_s);
          add_uint (b, "minutes", it->minutes);
          add_uint (b, "hold_s", it->hold_s);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
bz_local_workout_planner_iface_init (BzWorkoutPlannerInterface *iface)
{
  iface->get_name = get_name;
  iface->plan = plan;
}

BzWorkoutPlanner *
bz_local_workout_planner_new (void)
{
  return g_object_new (BZ_TYPE_LOCAL_WORKOUT_PLANNER, NULL);
}
