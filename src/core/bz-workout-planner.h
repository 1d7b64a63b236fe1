/* bz-workout-planner.h — the embedded workout planner (seed 000 story 4.1,
 * issue 11): 14 days of training from the exercise library (bz-exercise.h).
 *
 * The rules, each with its source:
 * - The week's split by days per week and level: full body on 1-2 days (and
 *   3 for beginners), push/pull/legs on 3, upper/lower on 4, push/pull/legs
 *   + upper/lower on 5, push/pull/legs twice on 6, and a conditioning day
 *   (cardio and mobility only) as the 7th.  ACSM 2009 (below) recommends
 *   total-body sessions 2-3 days a week for novices, upper/lower or
 *   muscle-group splits 3-4 days for intermediates and 4-6 for advanced.
 * - Sets, repetitions and rest by goal and level: American College of Sports
 *   Medicine, "Progression Models in Resistance Training for Healthy
 *   Adults", Med Sci Sports Exerc 2009;41(3):687-708
 *   (bz_workout_prescription(), the table in bz-workout-planner.c).
 * - Cardio minutes a session by goal, toward the 150 min a week of moderate
 *   activity of Garber et al., ACSM position stand, Med Sci Sports Exerc
 *   2011;43(7):1334-1359; stretches held 30 s, twice (same source: 10-30 s,
 *   2-4 repetitions).
 * - No exercise needs equipment the member does not have ("bodyweight" is
 *   always there), none works an excluded muscle (primary or secondary),
 *   none is above the member's level; each session's slots name muscles so
 *   that every week trains the push, pull, legs and core groups
 *   (bz_workout_muscle_group()) when the library allows it.
 * - Week 2 repeats week 1 (progression: add 2-10 % load once 1-2 repetitions
 *   above the range are done in two consecutive sessions, ACSM 2009).
 * - Deterministic: the same library, request and seed give the same plan.
 */
#pragma once

#include "bz-exercise.h"

G_BEGIN_DECLS

/** BZ_WORKOUT_PLAN_DAYS: a plan spans 14 days; it is regenerated after them (seed 000: every 2 weeks). */
#define BZ_WORKOUT_PLAN_DAYS 14
/** BZ_WORKOUT_MIN_DAYS: BZ_WORKOUT_MAX_DAYS: training days a week, 1-7. */
#define BZ_WORKOUT_MIN_DAYS 1
#define BZ_WORKOUT_MAX_DAYS 7
/** BZ_WORKOUT_MIN_STRENGTH: a session with fewer strength exercises than this cannot be made (too much excluded). */
#define BZ_WORKOUT_MIN_STRENGTH 3
/** BZ_WORKOUT_STRETCH_HOLD_S: a stretch is held 30 s (Garber et al. 2011: 10-30 s)... */
#define BZ_WORKOUT_STRETCH_HOLD_S 30
/** BZ_WORKOUT_STRETCH_SETS: ...twice (2-4 repetitions). */
#define BZ_WORKOUT_STRETCH_SETS 2

/**
 * BzWorkoutGroup:
 * The four groups a week is balanced over.
 */
typedef enum
{
  BZ_WORKOUT_GROUP_PUSH,   /* chest, shoulders, triceps */
  BZ_WORKOUT_GROUP_PULL,   /* upper back, lats, biceps, forearms */
  BZ_WORKOUT_GROUP_LEGS,   /* quadriceps, hamstrings, glutes, calves, adductors, abductors, hip flexors */
  BZ_WORKOUT_GROUP_CORE,   /* abs, obliques, lower back */
  BZ_WORKOUT_N_GROUPS
} BzWorkoutGroup;

/** bz_workout_muscle_group: Returns: the group of a bz_vocab_muscle id (CORE for an unknown one). */
BzWorkoutGroup bz_workout_muscle_group (const char *muscle);

/**
 * BzWorkoutPrescription:
 * @sets: sets per exercise
 * @reps_min: @reps_max: repetitions per set
 * @rest_s: rest between sets, seconds
 * @cardio_min: minutes of cardio each session
 */
typedef struct
{
  guint sets, reps_min, reps_max, rest_s, cardio_min;
} BzWorkoutPrescription;

/**
 * bz_workout_prescription:
 * @goal: a bz_vocab_workout_goal id
 * @level_rank: 0 beginner, 1 intermediate, 2 advanced
 *
 * ACSM 2009's loading for @goal and @level_rank: strength 8-12 reps for
 * novices, then 1-6 heavy with 2-3 min rest; hypertrophy 8-12 with 1-2 min,
 * 6-12 for advanced; endurance (and weight loss) 10-15 with 1 min or less,
 * 15-25 for advanced; general fitness 8-12.  Cardio minutes: Garber 2011.
 *
 * Returns: (transfer none): the prescription (%NULL for an unknown goal).
 */
const BzWorkoutPrescription *bz_workout_prescription (const char *goal, guint level_rank);

/**
 * BzWorkoutRequest:
 * @goal: a bz_vocab_workout_goal id
 * @level_rank: 0-2
 * @days_per_week: 1-7
 * @equipment: the equipment bits available (bz_vocab_bit() of bz_vocab_equipment)
 * @excluded_muscles: muscle bits no exercise may work
 * @seed: the plan's seed
 */
typedef struct
{
  const char *goal;
  guint level_rank;
  guint days_per_week;
  guint64 equipment;
  guint64 excluded_muscles;
  guint32 seed;
} BzWorkoutRequest;

/**
 * BzWorkoutItem:
 * @exercise: (transfer none): the library's
 * @role: "strength", "cardio" or "cooldown"
 * @sets: @reps_min: @reps_max: @rest_s: strength (and stretches: sets, 0 reps)
 * @minutes: cardio minutes (0 otherwise)
 * @hold_s: a stretch's hold (0 otherwise)
 */
typedef struct
{
  const BzExercise *exercise;
  const char *role;
  guint sets, reps_min, reps_max, rest_s, minutes, hold_s;
} BzWorkoutItem;

/**
 * BzWorkoutSession:
 * @day: 0-13, the day of the plan
 * @split: "full_body_a", "full_body_b", "full_body_c", "upper", "lower",
 *   "push", "pull", "legs" or "conditioning"
 * @items: (element-type BzWorkoutItem): the exercises, in order
 */
typedef struct
{
  guint day;
  const char *split;
  GArray *items;
} BzWorkoutSession;

/**
 * BzWorkoutPlan:
 * @sessions: (element-type BzWorkoutSession): the training days of the 14, in order
 * @group_sets: the strength sets a week per #BzWorkoutGroup (of the muscle of the slot each exercise fills)
 */
typedef struct
{
  GArray *sessions;
  guint group_sets[BZ_WORKOUT_N_GROUPS];
} BzWorkoutPlan;

/** bz_workout_week_days: Returns: (array length=days_per_week): the days of a week (0-6) trained, e.g. 0, 2, 4 for 3. */
const guint *bz_workout_week_days (guint days_per_week);

/**
 * bz_workout_plan_make:
 * @library: the exercise library
 * @request: what to plan for
 * @error: %BZ_ERROR_VALIDATION (field "excludedMuscles" or "equipment") when a
 *   session would have fewer than %BZ_WORKOUT_MIN_STRENGTH strength
 *   exercises: the member's equipment and exclusions leave too little
 *
 * Makes the plan (the rules above).
 *
 * Returns: (transfer full): the plan (bz_workout_plan_free()), or %NULL with @error.
 */
BzWorkoutPlan *bz_workout_plan_make (const BzExerciseLibrary *library, const BzWorkoutRequest *request,
                                     GError **error);

/**
 * bz_workout_exercise_allowed:
 * Returns: whether @e fits @request: its equipment available, no excluded
 *   muscle, not above the level.
 */
gboolean       bz_workout_exercise_allowed (const BzExercise *e, const BzWorkoutRequest *request);

/**
 * bz_workout_plan_free:
 * @plan: (nullable) (transfer full): a plan of bz_workout_plan_make()
 *
 * Frees @plan, its sessions and their items (the exercises are the library's).
 */
void           bz_workout_plan_free (BzWorkoutPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzWorkoutPlan, bz_workout_plan_free)

/**
 * bz_workout_injury_muscles:
 * @text: an injury or health condition as written ("rodilla izquierda",
 *   "lower back pain", "tendinitis de hombro")
 *
 * The muscles a plan leaves out for it: Balanza's conservative table of
 * body parts (case and accents ignored; a word of @text names the part):
 * knee: quadriceps; shoulder or rotator cuff: shoulders; lower back, lumbar
 * or disc: lower back; wrist or carpal tunnel: forearms; elbow: biceps,
 * triceps, forearms; ankle: calves; hip: hip flexors, adductors, abductors;
 * neck: upper back.  Not a clinical rule: the nutritionist or trainer sets
 * excludedMuscles for anything finer.
 *
 * Returns: the muscle bits (bz_vocab_muscle), 0 when @text names no body part.
 */
guint64        bz_workout_injury_muscles (const char *text);

G_END_DECLS
