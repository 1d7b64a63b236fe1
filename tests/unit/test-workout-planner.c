/* test-workout-planner.c — the embedded workout planner
 * (bz-workout-planner.h) on the shipped library: for every goal, level and
 * days per week, with a home kit, a full gym and a bodyweight-only member,
 * no exercise needs missing equipment, works an excluded muscle or is above
 * the level; the training days are days_per_week a week for 14 days, on
 * the days the table says; each week trains push, pull and legs; the ACSM
 * 2009 prescription is the one applied; the same seed gives the same plan
 * and another seed another; too many exclusions are refused. */
#include <string.h>

#include "bz-error.h"
#include "bz-exercise.h"
#include "bz-vocab.h"
#include "bz-workout-planner.h"

static const BzExerciseLibrary *
library (void)
{
  g_autoptr(GError) error = NULL;
  const BzExerciseLibrary *lib = bz_exercise_library_default (&error);
  g_assert_no_error (error);
  return lib;
}

static guint64
mask_of (const BzVocab *vocab, const char *const *ids)
{
  guint64 m = 0;
  for (guint i = 0; ids[i]; i++)
    {
      guint64 bit = bz_vocab_bit (vocab, ids[i]);
      g_assert_cmpuint (bit, !=, 0);
      m |= bit;
    }
  return m;
}

/* Every rule of the header on @plan for @req. */
static void
check_plan (const BzWorkoutPlan *plan, const BzWorkoutRequest *req)
{
  const BzWorkoutPrescription *rx = bz_workout_prescription (req->goal, req->level_rank);
  const guint *days = bz_workout_week_days (req->days_per_week);
  guint64 have = req->equipment | BZ_EQUIPMENT_BODYWEIGHT;

  g_assert_cmpuint (plan->sessions->len, ==, 2 * req->days_per_week);
  for (guint i = 0; i < plan->sessions->len; i++)
    {
      const BzWorkoutSession *s = &g_array_index (plan->sessions, BzWorkoutSession, i);
      guint week = i / req->days_per_week, strength = 0;
      g_assert_cmpuint (s->day, ==, days[i % req->days_per_week] + 7 * week);
      g_assert_cmpuint (s->day, <, BZ_WORKOUT_PLAN_DAYS);
      if (i > 0)
        g_assert_cmpuint (s->day, >, g_array_index (plan->sessions, BzWorkoutSession, i - 1).day);
      for (guint k = 0; k < s->items->len; k++)
        {
          const BzWorkoutItem *it = &g_array_index (s->items, BzWorkoutItem, k);
          const BzExercise *e = it->exercise;
          if ((e->equipment & ~have) != 0)
            g_error ("%s needs equipment the member lacks", e->slug);
          if (((e->primary | e->secondary) & req->excluded_muscles) != 0)
            g_error ("%s works an excluded muscle", e->slug);
          g_assert_cmpuint (e->level_rank, <=, req->level_rank);
          for (guint j = 0; j < k; j++)
            g_assert_true (g_array_index (s->items, BzWorkoutItem, j).exercise != e);
          if (g_str_equal (it->role, "strength"))
            {
              g_assert_cmpstr (e->category, ==, "strength");
              g_assert_cmpuint (it->sets, ==, rx->sets);
              g_assert_cmpuint (it->reps_min, ==, rx->reps_min);
              g_assert_cmpuint (it->reps_max, ==, rx->reps_max);
              g_assert_cmpuint (it->rest_s, ==, rx->rest_s);
              strength++;
            }
          else if (g_str_equal (it->role, "cardio"))
            {
              g_assert_cmpstr (e->category, ==, "cardio");
              g_assert_cmpuint (it->minutes, >=, rx->cardio_min);
            }
          else
            {
              g_assert_cmpstr (it->role, ==, "cooldown");
              g_assert_cmpstr (e->category, ==, "mobility");
              g_assert_cmpuint (it->hold_s, ==, BZ_WORKOUT_STRETCH_HOLD_S);
            }
        }
      if (g_str_equal (s->split, "conditioning"))
        g_assert_cmpuint (strength, ==, 0);
      else
        g_assert_cmpuint (strength, >=, BZ_WORKOUT_MIN_STRENGTH);
      /* Week 2 repeats week 1. */
      if (week == 1)
        {
          const BzWorkoutSession *w1 = &g_array_index (plan->sessions, BzWorkoutSession, i - req->days_per_week);
          g_assert_cmpuint (s->items->len, ==, w1->items->len);
          for (guint k = 0; k < s->items->len; k++)
            g_assert_true (g_array_index (s->items, BzWorkoutItem, k).exercise ==
                           g_array_index (w1->items, BzWorkoutItem, k).exercise);
        }
    }
  /* Balanced: push, pull and legs each trained every week (from 2 days on;
   * a single full-body day too). */
  for (guint g = BZ_WORKOUT_GROUP_PUSH; g <= BZ_WORKOUT_GROUP_LEGS; g++)
    g_assert_cmpuint (plan->group_sets[g], >, 0);
}

static void
test_every_combination (void)
{
  static const char *const goals[] = { "strength", "hypertrophy", "endurance", "weight_loss", "general_fitness" };
  static const char *const home[] = { "dumbbell", "band", "bench", NULL };
  static const char *const gym[] = { "dumbbell", "barbell", "kettlebell", "band", "bench", "pullup_bar", "box", "jump_rope",
                                     "medicine_ball", "cable", "treadmill", "stationary_bike", "rowing_machine", "elliptical",
                                     "leg_press", "smith_machine", "lat_pulldown", "seated_row_machine", "chest_press_machine",
                                     "leg_extension", "leg_curl", "calf_raise_machine", NULL };
  static const char *const knee[] = { "quadriceps", NULL };
  const BzExerciseLibrary *lib = library ();
  guint64 kits[3] = { 0, mask_of (&bz_vocab_equipment, home), mask_of (&bz_vocab_equipment, gym) };
  guint64 excluded[2] = { 0, mask_of (&bz_vocab_muscle, knee) };
  guint plans = 0;

  for (guint g = 0; g < G_N_ELEMENTS (goals); g++)
    for (guint level = 0; level < 3; level++)
      for (guint days = BZ_WORKOUT_MIN_DAYS; days <= BZ_WORKOUT_MAX_DAYS; days++)
        for (guint k = 0; k < G_N_ELEMENTS (kits); k++)
          for (guint x = 0; x < G_N_ELEMENTS (excluded); x++)
            {
              BzWorkoutRequest req = { goals[g], level, days, kits[k], excluded[x], g * 1000 + level * 100 + days * 10 + k };
              g_autoptr(GError) error = NULL;
              g_autoptr(BzWorkoutPlan) plan = bz_workout_plan_make (lib, &req, &error);
              g_test_message ("%s, level %u, %u days, kit %u, exclusion %u", goals[g], level, days, k, x);
              g_assert_no_error (error);
              check_plan (plan, &req);
              plans++;
            }
  g_test_message ("%u plans checked", plans);
}

static void
test_no_treadmill_when_absent (void)
{
  /* The full gym but the treadmill: weight loss cardio never uses it. */
  static const char *const gym[] = { "dumbbell", "bench", "stationary_bike", "rowing_machine", NULL };
  const BzExerciseLibrary *lib = library ();
  BzWorkoutRequest req = { "weight_loss", 2, 6, mask_of (&bz_vocab_equipment, gym), 0, 7 };
  g_autoptr(BzWorkoutPlan) plan = bz_workout_plan_make (lib, &req, NULL);
  guint64 treadmill = bz_vocab_bit (&bz_vocab_equipment, "treadmill");
  guint cardio = 0;

  g_assert_nonnull (plan);
  for (guint i = 0; i < plan->sessions->len; i++)
    {
      const BzWorkoutSession *s = &g_array_index (plan->sessions, BzWorkoutSession, i);
      for (guint k = 0; k < s->items->len; k++)
        {
          const BzWorkoutItem *it = &g_array_index (s->items, BzWorkoutItem, k);
          g_assert_false (it->exercise->equipment & treadmill);
          cardio += g_str_equal (it->role, "cardio");
        }
    }
  g_assert_cmpuint (cardio, ==, plan->sessions->len);
}

/* The plan as text, to compare two. */
static char *
plan_text (const BzWorkoutPlan *plan)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < plan->sessions->len; i++)
    {
      const BzWorkoutSession *ss = &g_array_index (plan->sessions, BzWorkoutSession, i);
      g_string_append_printf (s, "%u %s:", ss->day, ss->split);
      for (guint k = 0; k < ss->items->len; k++)
        g_string_append_printf (s, " %s", g_array_index (ss->items, BzWorkoutItem, k).exercise->slug);
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
test_determinism (void)
{
  const BzExerciseLibrary *lib = library ();
  BzWorkoutRequest req = { "hypertrophy", 1, 4, G_MAXUINT64 >> (64 - bz_vocab_equipment.n_terms), 0, 42 };
  g_autoptr(BzWorkoutPlan) a = bz_workout_plan_make (lib, &req, NULL);
  g_autoptr(BzWorkoutPlan) b = bz_workout_plan_make (lib, &req, NULL);
  g_autoptr(BzWorkoutPlan) c = NULL;
  g_autofree char *ta = plan_text (a), *tb = plan_text (b), *tc = NULL;

  g_assert_cmpstr (ta, ==, tb);
  req.seed = 43;
  c = bz_workout_plan_make (lib, &req, NULL);
  tc = plan_text (c);
  g_assert_cmpstr (ta, !=, tc);
  g_test_message ("%s", ta);
}

static void
test_split_and_prescription (void)
{
  const BzExerciseLibrary *lib = library ();
  BzWorkoutRequest req = { "strength", 0, 3, 0, 0, 1 };
  g_autoptr(BzWorkoutPlan) novice = bz_workout_plan_make (lib, &req, NULL);
  g_autoptr(BzWorkoutPlan) inter = NULL;

  /* Novices: full body 3 days (ACSM 2009); intermediates: push/pull/legs. */
  g_assert_cmpstr (g_array_index (novice->sessions, BzWorkoutSession, 0).split, ==, "full_body_a");
  g_assert_cmpstr (g_array_index (novice->sessions, BzWorkoutSession, 2).split, ==, "full_body_c");
  req.level_rank = 1;
  inter = bz_workout_plan_make (lib, &req, NULL);
  g_assert_cmpstr (g_array_index (inter->sessions, BzWorkoutSession, 1).split, ==, "pull");
  /* ACSM 2009: strength 1-6 heavy reps with 2-3 min rest past the novice stage. */
  g_assert_cmpuint (bz_workout_prescription ("strength", 2)->reps_max, ==, 6);
  g_assert_cmpuint (bz_workout_prescription ("strength", 2)->rest_s, >=, 120);
  g_assert_cmpuint (bz_workout_prescription ("hypertrophy", 0)->reps_min, ==, 8);
  g_assert_cmpuint (bz_workout_prescription ("endurance", 1)->rest_s, <=, 60);
  g_assert_null (bz_workout_prescription ("flying", 0));
}

static void
test_too_restrictive (void)
{
  static const char *const everything[] = { "chest", "upper_back", "lats", "shoulders", "quadriceps", "glutes", "hamstrings",
                                             "abs", "triceps", "biceps", NULL };
  const BzExerciseLibrary *lib = library ();
  BzWorkoutRequest req = { "general_fitness", 1, 3, 0, mask_of (&bz_vocab_muscle, everything), 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BzWorkoutPlan) plan = bz_workout_plan_make (lib, &req, &error);

  g_assert_null (plan);
  g_assert_error (error, BZ_ERROR, BZ_ERROR_VALIDATION);
}

static void
test_injuries (void)
{
  guint64 quads = bz_vocab_bit (&bz_vocab_muscle, "quadriceps");
  guint64 lower_back = bz_vocab_bit (&bz_vocab_muscle, "lower_back");
  guint64 shoulders = bz_vocab_bit (&bz_vocab_muscle, "shoulders");

  g_assert_cmpuint (bz_workout_injury_muscles ("Rodilla izquierda"), ==, quads);
  g_assert_cmpuint (bz_workout_injury_muscles ("knee pain"), ==, quads);
  g_assert_cmpuint (bz_workout_injury_muscles ("dolor de espalda baja"), ==, lower_back);
  g_assert_cmpuint (bz_workout_injury_muscles ("Hernia discal L4-L5"), ==, lower_back);
  g_assert_cmpuint (bz_workout_injury_muscles ("tendinitis de HOMBRO, y rodilla"), ==, shoulders | quads);
  g_assert_cmpuint (bz_workout_injury_muscles ("Muñeca"), ==, bz_vocab_bit (&bz_vocab_muscle, "forearms"));
  g_assert_cmpuint (bz_workout_injury_muscles ("codo de tenista") & bz_vocab_bit (&bz_vocab_muscle, "forearms"), !=, 0);
  /* Conditions that name no body part, and words that only contain one. */
  g_assert_cmpuint (bz_workout_injury_muscles ("diabetes tipo 2"), ==, 0);
  g_assert_cmpuint (bz_workout_injury_muscles ("hipertension"), ==, 0);
  g_assert_cmpuint (bz_workout_injury_muscles ("hiphop"), ==, 0);
  g_assert_cmpuint (bz_workout_injury_muscles (""), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workout-planner/every-combination", test_every_combination);
  g_test_add_func ("/workout-planner/missing-equipment", test_no_treadmill_when_absent);
  g_test_add_func ("/workout-planner/determinism", test_determinism);
  g_test_add_func ("/workout-planner/split-and-prescription", test_split_and_prescription);
  g_test_add_func ("/workout-planner/too-restrictive", test_too_restrictive);
  g_test_add_func ("/workout-planner/injuries", test_injuries);
  return g_test_run ();
}
