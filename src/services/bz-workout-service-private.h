/* bz-workout-service-private.h — shared by bz-workout-service.c and
 * bz-workout-daily.c.  Not for other files. */
#pragma once

#include "bz-exercise.h"
#include "bz-workout-repo.h"
#include "bz-workout-service.h"

G_BEGIN_DECLS

/* The basis of every plan's prescription (bz-workout-planner.h). */
#define BZ_WORKOUT_BASIS_TEXT "ACSM, Progression Models in Resistance Training for Healthy Adults, Med Sci Sports Exerc " \
                   "2009;41(3):687-708 (sets, repetitions, rest, split); Garber et al., ACSM position stand, Med Sci " \
                   "Sports Exerc 2011;43(7):1334-1359 (cardio minutes, stretches); MET values: Ainsworth et al., " \
                   "Compendium of Physical Activities 2011"


/* Today's local date, YYYY-MM-DD, from bz_jobs_now_ms() (the tests' clock). */
char     *bz_workout_today (void);
/* @date + @days, YYYY-MM-DD; NULL when @date is not a date. */
char     *bz_workout_date_add (const char *date, int days);
/* The library, or NULL with an INTERNAL error. */
const BzExerciseLibrary *bz_workout_library (GError **error);
/* The ids of @vocab's bits in @mask. */
GStrv     bz_workout_mask_ids (const BzVocab *vocab, guint64 mask);
/* A WorkoutPlan record of @row (its plan_json read with the library). */
BzRecord *bz_workout_plan_record (const BzWorkoutPlanRow *row, const BzExerciseLibrary *lib, GError **error);
/* A WorkoutExercise record of one stored exercise object; NULL when it names no exercise. */
BzRecord *bz_workout_exercise_record (JsonObject *item, const BzExerciseLibrary *lib);
/**
 * bz_gym_machine_record:
 * @m: (transfer none): a machine of the store
 *
 * The one GymMachine record of a machine (bz-machine-service.c), for GET
 * /api/machines, GET /api/workouts/daily and the machine:status frames; the
 * key's hash and the current user are never in it.
 *
 * Returns: (transfer full): the record.
 */
BzRecord *bz_gym_machine_record (const BzGymMachine *m);

G_END_DECLS
