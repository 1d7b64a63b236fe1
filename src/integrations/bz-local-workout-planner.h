/* bz-local-workout-planner.h — the embedded workout planning provider
 * (seed 000 story 4.1): a #BzWorkoutPlanner (bz-provider-kinds.h) named
 * "local" that answers from the exercise library (bz-exercise.h) with
 * bz_workout_plan_make() (bz-workout-planner.h): offline, free,
 * deterministic for a seed. */
#pragma once

#include "bz-provider-kinds.h"

G_BEGIN_DECLS

#define BZ_TYPE_LOCAL_WORKOUT_PLANNER (bz_local_workout_planner_get_type ())
G_DECLARE_FINAL_TYPE (BzLocalWorkoutPlanner, bz_local_workout_planner, BZ, LOCAL_WORKOUT_PLANNER, GObject)

/**
 * bz_local_workout_planner_new:
 *
 * The request and answer are #BzWorkoutPlannerInterface's.  A request the
 * planner cannot use (an unknown goal, level or term, days outside 1-7, a
 * library that does not load) is %BZ_INTEGRATION_ERROR_INVALID_REQUEST;
 * equipment and exclusions that leave too few exercises too, its message
 * the planner's.
 *
 * Returns: (transfer full): a #BzWorkoutPlanner named "local".
 */
BzWorkoutPlanner *bz_local_workout_planner_new (void);

G_END_DECLS
