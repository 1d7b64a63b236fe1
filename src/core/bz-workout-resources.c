/* bz-workout-resources.c — the tables of bz-workout-resources.h. */
#include "bz-workout-resources.h"

BZ_RESOURCE_DEFINE (bz_workout_plan_request, WORKOUT_PLAN_REQUEST, "WorkoutPlanRequest", "POST /api/integrations/workout-plans", BZ_WORKOUT_PLAN_REQUEST_FIELDS)
BZ_RESOURCE_DEFINE (bz_gym_machine, GYM_MACHINE, "GymMachine", "A machine of the gym and its status", BZ_GYM_MACHINE_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_exercise, WORKOUT_EXERCISE, "WorkoutExercise", "An exercise of a session and its prescription", BZ_WORKOUT_EXERCISE_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_day, WORKOUT_DAY, "WorkoutDay", "A training day of a workout plan", BZ_WORKOUT_DAY_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_plan, WORKOUT_PLAN, "WorkoutPlan", "A member's 14-day workout plan (generated; not modifiable by the member)", BZ_WORKOUT_PLAN_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_active_plans, WORKOUT_ACTIVE_PLANS, "WorkoutActivePlans", "The member's active workout plan (seed 000 activePlans)", BZ_WORKOUT_ACTIVE_PLANS_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_plan_result, WORKOUT_PLAN_RESULT, "WorkoutPlanResult", "A generated workout plan, stored as the member's one active plan", BZ_WORKOUT_PLAN_RESULT_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_daily, WORKOUT_DAILY, "WorkoutDaily", "The active plan's session of a date with the gym's machine availability", BZ_WORKOUT_DAILY_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_daily_query, WORKOUT_DAILY_QUERY, "WorkoutDailyQuery", "GET /api/workouts/daily", BZ_WORKOUT_DAILY_QUERY_FIELDS)
BZ_RESOURCE_DEFINE (bz_exercise, EXERCISE, "Exercise", "An exercise of Balanza's library (data/exercises)", BZ_EXERCISE_FIELDS)
BZ_RESOURCE_DEFINE (bz_exercise_list, EXERCISE_LIST, "ExerciseList", "A page of the exercise library", BZ_EXERCISE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_exercise_query, EXERCISE_QUERY, "ExerciseQuery", "GET /api/workouts/library", BZ_EXERCISE_QUERY_FIELDS)
