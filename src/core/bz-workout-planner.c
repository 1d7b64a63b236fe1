/* bz-workout-planner.c — the embedded workout planner (see bz-workout-planner.h). */
#include "bz-workout-planner.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bz-error.h"
#include "bz-text.h"

/* ACSM 2009, "Progression Models in Resistance Training for Healthy Adults"
 * (Med Sci Sports Exerc 41(3):687-708), its recommendations for novice,
 * intermediate and advanced trainees: strength 1-3 sets of 8-12 (novice),
 * multiple sets of 1-6 heavy with 2-3 min rest later; hypertrophy 1-3 sets
 * of 8-12 with 1-2 min, 3-6 sets of 1-12 for advanced; local muscular
 * endurance 10-15 repetitions with <= 1 min rest, 10-25 for advanced.
 * Cardio minutes a session: with 3-5 sessions, 10-25 min a session reach
 * Garber et al. 2011's 150 min a week for the weight-loss and endurance
 * goals; the others keep a short conditioning block. */
static const struct
{
  const char *goal;
  BzWorkoutPrescription level[3];
} prescriptions[] = {
  { "strength", { { 2, 8, 12, 120, 10 }, { 3, 4, 6, 180, 10 }, { 4, 1, 6, 180, 10 } } },
  { "hypertrophy", { { 2, 8, 12, 90, 10 }, { 3, 8, 12, 90, 10 }, { 4, 6, 12, 120, 10 } } },
  { "endurance", { { 2, 10, 15, 60, 20 }, { 3, 10, 15, 60, 20 }, { 3, 15, 25, 60, 20 } } },
  { "weight_loss", { { 2, 10, 15, 60, 25 }, { 3, 10, 15, 60, 25 }, { 3, 15, 25, 60, 25 } } },
  { "general_fitness", { { 2, 8, 12, 90, 15 }, { 3, 8, 12, 90, 15 }, { 3, 8, 12, 90, 15 } } },
};

const BzWorkoutPrescription *
bz_workout_prescription (const char *goal, guint level_rank)
{
  g_return_val_if_fail (level_rank < 3, NULL);
  for (guint i = 0; goal && i < G_N_ELEMENTS (prescriptions); i++)
    if (g_str_equal (prescriptions[i].goal, goal))
      return &prescriptions[i].level[level_rank];
  return NULL;
}

BzWorkoutGroup
bz_workout_muscle_group (const char *muscle)
{
  static const char *const push[] = { "chest", "shoulders", "triceps" };
  static const char *const pull[] = { "upper_back", "lats", "biceps", "forearms" };
  static const char *const legs[] = { "quadriceps", "hamstrings", "glutes", "calves", "adductors", "abductors", "hip_flexors" };

  for (guint i = 0; muscle && i < G_N_ELEMENTS (push); i++)
    if (g_str_equal (muscle, push[i]))
      return BZ_WORKOUT_GROUP_PUSH;
  for (guint i = 0; muscle && i < G_N_ELEMENTS (pull); i++)
    if (g_str_equal (muscle, pull[i]))
      return BZ_WORKOUT_GROUP_PULL;
  for (guint i = 0; muscle && i < G_N_ELEMENTS (legs); i++)
    if (g_str_equal (muscle, legs[i]))
      return BZ_WORKOUT_GROUP_LEGS;
  return BZ_WORKOUT_GROUP_CORE;
}

/* The sessions: the muscle each strength slot targets, in order (the first
 * slots are the big movements).  Beginners do the first five. */
#define SLOTS 6
static const struct
{
  const char *split;
  const char *slots[SLOTS];
} templates[] = {
  { "full_body_a", { "quadriceps", "chest", "lats", "hamstrings", "shoulders", "abs" } },
  { "full_body_b", { "glutes", "upper_back", "chest", "quadriceps", "triceps", "obliques" } },
  { "full_body_c", { "hamstrings", "shoulders", "lats", "quadriceps", "biceps", "lower_back" } },
  { "upper", { "chest", "lats", "shoulders", "upper_back", "biceps", "triceps" } },
  { "lower", { "quadriceps", "hamstrings", "glutes", "quadriceps", "calves", "abs" } },
  { "push", { "chest", "shoulders", "chest", "triceps", "shoulders", "abs" } },
  { "pull", { "lats", "upper_back", "lats", "biceps", "upper_back", "obliques" } },
  { "legs", { "quadriceps", "hamstrings", "glutes", "calves", "adductors", "lower_back" } },
  { "conditioning", { NULL } },
};

static guint
template_index (const char *split)
{
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_str_equal (templates[i].split, split))
      return i;
  g_return_val_if_reached (0);
}

/* The week's splits for @days and @level (ACSM 2009's frequencies). */
static const char *const *
week_splits (guint days, guint level_rank)
{
  static const char *const one[] = { "full_body_a" };
  static const char *const two[] = { "full_body_a", "full_body_b" };
  static const char *const three_novice[] = { "full_body_a", "full_body_b", "full_body_c" };
  static const char *const three[] = { "push", "pull", "legs" };
  static const char *const four[] = { "upper", "lower", "upper", "lower" };
  static const char *const five[] = { "push", "pull", "legs", "upper", "lower" };
  static const char *const six[] = { "push", "pull", "legs", "push", "pull", "legs" };
  static const char *const seven[] = { "push", "pull", "legs", "push", "pull", "legs", "conditioning" };

  switch (days)
    {
    case 1: return one;
    case 2: return two;
    case 3: return level_rank == 0 ? three_novice : three;
    case 4: return four;
    case 5: return five;
    case 6: return six;
    default: return seven;
    }
}

const guint *
bz_workout_week_days (guint days_per_week)
{
  /* Rest days spread: at least a day between full-body sessions. */
  static const guint days[8][7] = {
    { 0 }, { 0 }, { 0, 3 }, { 0, 2, 4 }, { 0, 1, 3, 4 }, { 0, 1, 2, 4, 5 }, { 0, 1, 2, 3, 4, 5 }, { 0, 1, 2, 3, 4, 5, 6 },
  };
  g_return_val_if_fail (days_per_week >= 1 && days_per_week <= 7, days[1]);
  return days[days_per_week];
}

gboolean
bz_workout_exercise_allowed (const BzExercise *e, const BzWorkoutRequest *req)
{
  guint64 have = req->equipment | BZ_EQUIPMENT_BODYWEIGHT;

  return (e->equipment & ~have) == 0 && ((e->primary | e->secondary) & req->excluded_muscles) == 0 &&
         e->level_rank <= req->level_rank;
}

static gboolean
in_items (GArray *items, const BzExercise *e)
{
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, BzWorkoutItem, i).exercise == e)
      return TRUE;
  return FALSE;
}

/* One of the allowed exercises of @category whose primary muscles meet
 * @muscles (any, when 0), not already in @items; those not yet in @used
 * (the week's) first.  A seeded draw among them. */
static const BzExercise *
pick (const BzExerciseLibrary *lib, const BzWorkoutRequest *req, const char *category, guint64 muscles,
      GArray *items, GHashTable *used, GRand *rand)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new (), seen = g_ptr_array_new ();
  GPtrArray *from;

  for (guint i = 0; i < bz_exercise_library_get_n (lib); i++)
    {
      const BzExercise *e = bz_exercise_library_get (lib, i);
      if (!g_str_equal (e->category, category) || (muscles && !(e->primary & muscles)) ||
          !bz_workout_exercise_allowed (e, req) || in_items (items, e))
        continue;
      g_ptr_array_add (g_hash_table_contains (used, e) ? seen : fresh, (gpointer) e);
    }
  from = fresh->len ? fresh : seen;
  if (from->len == 0)
    return NULL;
  return g_ptr_array_index (from, g_rand_int_range (rand, 0, (gint32) from->len));
}

/* The muscles of @muscle's group, for a slot its own muscle cannot fill. */
static guint64
group_mask (const char *muscle)
{
  BzWorkoutGroup g = bz_workout_muscle_group (muscle);
  guint64 mask = 0;

  for (guint i = 0; i < bz_vocab_muscle.n_terms; i++)
    if (bz_workout_muscle_group (bz_vocab_muscle.terms[i].id) == g)
      mask |= (guint64) 1 << i;
  return mask;
}

static void
add_item (GArray *items, const BzExercise *e, const char *role, guint sets, guint rmin, guint rmax, guint rest,
          guint minutes, guint hold)
{
  BzWorkoutItem it = { e, role, sets, rmin, rmax, rest, minutes, hold };
  g_array_append_val (items, it);
}

static void
session_clear (BzWorkoutSession *s)
{
  g_clear_pointer (&s->items, g_array_unref);
}

void
bz_workout_plan_free (BzWorkoutPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->sessions);
  g_free (plan);
}

/* Fills one week-1 session of @split; FALSE when it has too few strength exercises. */
static gboolean
make_session (const BzExerciseLibrary *lib, const BzWorkoutRequest *req, const BzWorkoutPrescription *rx,
              guint split, GHashTable *used, GRand *rand, BzWorkoutSession *s, guint group_sets[])
{
  guint n_slots = req->level_rank == 0 ? SLOTS - 1 : SLOTS, strength = 0;
  guint64 worked = 0;
  const BzExercise *e;

  s->items = g_array_new (FALSE, TRUE, sizeof (BzWorkoutItem));
  s->split = templates[split].split;
  for (guint k = 0; k < n_slots && templates[split].slots[k]; k++)
    {
      const char *m = templates[split].slots[k];
      e = pick (lib, req, "strength", bz_vocab_bit (&bz_vocab_muscle, m), s->items, used, rand);
      if (e == NULL)
        e = pick (lib, req, "strength", group_mask (m) & ~req->excluded_muscles, s->items, used, rand);
      if (e == NULL)
        continue;
      g_hash_table_add (used, (gpointer) e);
      add_item (s->items, e, "strength", rx->sets, rx->reps_min, rx->reps_max, rx->rest_s, 0, 0);
      group_sets[bz_workout_muscle_group (m)] += rx->sets;   /* the slot's group: e works its muscle */
      worked |= e->primary;
      strength++;
    }
  if (templates[split].slots[0] != NULL && strength < BZ_WORKOUT_MIN_STRENGTH)
    return FALSE;
  /* Cardio: the goal's minutes; the conditioning day twice them. */
  if ((e = pick (lib, req, "cardio", 0, s->items, used, rand)))
    {
      g_hash_table_add (used, (gpointer) e);
      add_item (s->items, e, "cardio", 1, 0, 0, 0, templates[split].slots[0] ? rx->cardio_min : 2 * rx->cardio_min, 0);
    }
  /* Cool-down: two stretches of the muscles worked (any, on the conditioning day). */
  for (guint k = 0; k < 2; k++)
    {
      e = pick (lib, req, "mobility", worked, s->items, used, rand);
      if (e == NULL)
        e = pick (lib, req, "mobility", 0, s->items, used, rand);
      if (e == NULL)
        break;
      g_hash_table_add (used, (gpointer) e);
      add_item (s->items, e, "cooldown", BZ_WORKOUT_STRETCH_SETS, 0, 0, 0, 0, BZ_WORKOUT_STRETCH_HOLD_S);
    }
  return TRUE;
}

BzWorkoutPlan *
bz_workout_plan_make (const BzExerciseLibrary *library, const BzWorkoutRequest *req, GError **error)
{
  const BzWorkoutPrescription *rx;
  g_autoptr(BzWorkoutPlan) plan = g_new0 (BzWorkoutPlan, 1);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GRand) rand = NULL;
  const char *const *splits;
  const guint *days;
  guint n = req->days_per_week;

  g_return_val_if_fail (library != NULL && req != NULL, NULL);
  g_return_val_if_fail (n >= BZ_WORKOUT_MIN_DAYS && n <= BZ_WORKOUT_MAX_DAYS && req->level_rank < 3, NULL);
  rx = bz_workout_prescription (req->goal, req->level_rank);
  g_return_val_if_fail (rx != NULL, NULL);

  rand = g_rand_new_with_seed (req->seed);
  splits = week_splits (n, req->level_rank);
  days = bz_workout_week_days (n);
  plan->sessions = g_array_new (FALSE, TRUE, sizeof (BzWorkoutSession));
  g_array_set_clear_func (plan->sessions, (GDestroyNotify) session_clear);
  for (guint d = 0; d < n; d++)
    {
      BzWorkoutSession s = { days[d], NULL, NULL };
      gboolean ok = make_session (library, req, rx, template_index (splits[d]), used, rand, &s, plan->group_sets);
      g_array_append_val (plan->sessions, s);
      if (!ok)
        {
          BzValidation v = BZ_VALIDATION_INIT;
          bz_validation_add (&v, req->excluded_muscles ? "excludedMuscles" : "equipment", "too_restrictive",
                             _("The equipment available and the muscles excluded leave too few exercises for a session"));
          bz_validation_finish (&v, error);
          return NULL;
        }
    }
  /* Week 2: week 1 again (the same exercises: progression is in the load). */
  for (guint d = 0; d < n; d++)
    {
      const BzWorkoutSession *w1 = &g_array_index (plan->sessions, BzWorkoutSession, d);
      BzWorkoutSession s = { w1->day + 7, w1->split, g_array_copy (w1->items) };
      g_array_append_val (plan->sessions, s);
    }
  return g_steal_pointer (&plan);
}

/* Body parts (folded words) and the muscles left out for them
 * (bz_workout_injury_muscles()). */
static const struct { const char *word; const char *muscles[3]; } injury_table[] = {
  { "rodilla", { "quadriceps" } }, { "rodillas", { "quadriceps" } }, { "knee", { "quadriceps" } }, { "knees", { "quadriceps" } },
  { "menisco", { "quadriceps" } }, { "meniscus", { "quadriceps" } },
  { "hombro", { "shoulders" } }, { "hombros", { "shoulders" } }, { "shoulder", { "shoulders" } },
  { "manguito", { "shoulders" } }, { "rotator", { "shoulders" } },
  { "lumbar", { "lower_back" } }, { "lumbalgia", { "lower_back" } }, { "lumbago", { "lower_back" } },
  { "hernia", { "lower_back" } }, { "disc", { "lower_back" } }, { "disco", { "lower_back" } }, { "ciatica", { "lower_back" } },
  { "sciatica", { "lower_back" } }, { "espalda baja", { "lower_back" } }, { "lower back", { "lower_back" } },
  { "muneca", { "forearms" } }, { "munecas", { "forearms" } }, { "wrist", { "forearms" } }, { "carpal", { "forearms" } },
  { "carpiano", { "forearms" } },
  { "codo", { "biceps", "triceps", "forearms" } }, { "elbow", { "biceps", "triceps", "forearms" } },
  { "tobillo", { "calves" } }, { "ankle", { "calves" } }, { "aquiles", { "calves" } }, { "achilles", { "calves" } },
  { "cadera", { "hip_flexors", "adductors", "abductors" } }, { "hip", { "hip_flexors", "adductors", "abductors" } },
  { "cuello", { "upper_back" } }, { "neck", { "upper_back" } }, { "cervical", { "upper_back" } },
};

guint64
bz_workout_injury_muscles (const char *text)
{
  g_autofree char *folded = text ? bz_text_fold (text) : NULL;
  g_autofree char *padded = NULL;
  guint64 mask = 0;

  if (folded == NULL)
    return 0;
  for (char *p = folded; *p; p++)
    if (!g_ascii_isalnum (*p) && !((guchar) *p & 0x80))
      *p = ' ';
  padded = g_strconcat (" ", folded, " ", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (injury_table); i++)
    {
      g_autofree char *needle = g_strconcat (" ", injury_table[i].word, " ", NULL);
      if (!strstr (padded, needle))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (injury_table[i].muscles) && injury_table[i].muscles[k]; k++)
        mask |= bz_vocab_bit (&bz_vocab_muscle, injury_table[i].muscles[k]);
    }
  return mask;
}
