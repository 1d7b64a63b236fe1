/* bz-workout-resources.h — the declarations of seed 000 story 4.1's workout
 * endpoints (issue 11): POST /api/integrations/workout-plans (request and
 * answer), GET /api/workouts/daily and GET /api/workouts/library (its query
 * and page), and the gym's machines.  camelCase, as seed 000 writes.  The
 * planner's rules: bz-workout-planner.h; the library: bz-exercise.h. */
#pragma once

#include "bz-resources.h"
#include "bz-workout-planner.h"

G_BEGIN_DECLS

/** BZ_WORKOUT_DEFAULT_DAYS: 3 training days a week unless asked (ACSM 2009: 2-3 for novices, 3-4 intermediate). */
#define BZ_WORKOUT_DEFAULT_DAYS 3
/** BZ_WORKOUT_INACTIVE_KEPT: a member's 2 latest replaced plans are kept (the nutritionist compares); older ones are deleted. */
#define BZ_WORKOUT_INACTIVE_KEPT 2
/** BZ_WORKOUT_QUERY_MAX: q of the library: 100 characters at most (Balanza's bound). */
#define BZ_WORKOUT_QUERY_MAX 100

#define BZ_WORKOUT_PLAN_REQUEST_FIELDS(F) \
  F (WORKOUT_PLAN_REQUEST_PATIENT_ID, .name = "patientId", .type = BZ_FIELD_UUID, .description = "The nutritionist's patient (required for a nutritionist); a member leaves it out: the plan is for self") \
  F (WORKOUT_PLAN_REQUEST_GOAL, .name = "goal", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_workout_goal, .description = "Default: from the patient's primary goal (muscle_gain: hypertrophy, weight_loss: weight_loss, else general_fitness)") \
  F (WORKOUT_PLAN_REQUEST_LEVEL, .name = "level", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_training_level, .description = "Default: from the patient's activity level (sedentary, light: beginner; moderate: intermediate; active, very_active: advanced)") \
  F (WORKOUT_PLAN_REQUEST_DAYS_PER_WEEK, .name = "daysPerWeek", .type = BZ_FIELD_INTEGER, .min = BZ_WORKOUT_MIN_DAYS, .max = BZ_WORKOUT_MAX_DAYS, .description = "Training days a week, 1-7 (default 3)") \
  F (WORKOUT_PLAN_REQUEST_EQUIPMENT, .name = "equipment", .type = BZ_FIELD_STRING_ARRAY, .vocab = &bz_vocab_equipment, .max = 40, .description = "What the member can use (body weight always); default: the gym's free weights and its machines that are not out of service") \
  F (WORKOUT_PLAN_REQUEST_EXCLUDED_MUSCLES, .name = "excludedMuscles", .type = BZ_FIELD_STRING_ARRAY, .vocab = &bz_vocab_muscle, .max = 20, .description = "Injured or excluded muscles: no exercise that works them (primary or secondary)") \
  F (WORKOUT_PLAN_REQUEST_INJURIES, .name = "injuries", .type = BZ_FIELD_STRING_ARRAY, .max = 10, .description = "Injuries as written (\"rodilla izquierda\", \"lower back\"): each must name a body part, whose muscles are left out (bz_workout_injury_muscles(): knee, shoulder, lower back, wrist, elbow, ankle, hip, neck); the patient's health conditions that name one are added")
BZ_RESOURCE_DECLARE (bz_workout_plan_request, WORKOUT_PLAN_REQUEST, BZ_WORKOUT_PLAN_REQUEST_FIELDS)

#define BZ_GYM_MACHINE_FIELDS(F) \
  F (GYM_MACHINE_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (GYM_MACHINE_KIND, .name = "kind", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_equipment) \
  F (GYM_MACHINE_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (GYM_MACHINE_ZONE, .name = "zone", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Where it stands in the gym; null when not given") \
  F (GYM_MACHINE_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_machine_status, .description = "available, in_use, out_of_service (maintenance) or offline (missed its heartbeats)") \
  F (GYM_MACHINE_LAST_SEEN, .name = "lastSeen", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The machine's last heartbeat; null before the first")
BZ_RESOURCE_DECLARE (bz_gym_machine, GYM_MACHINE, BZ_GYM_MACHINE_FIELDS)

#define BZ_WORKOUT_EXERCISE_FIELDS(F) \
  F (WORKOUT_EXERCISE_EXERCISE_ID, .name = "exerciseId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The library's slug (GET /api/workouts/library)") \
  F (WORKOUT_EXERCISE_NAME_ES, .name = "nameEs", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_EXERCISE_NAME_EN, .name = "nameEn", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_EXERCISE_ROLE, .name = "role", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "strength, cardio or cooldown") \
  F (WORKOUT_EXERCISE_SETS, .name = "sets", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_EXERCISE_REPS_MIN, .name = "repsMin", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "0 for cardio and stretches") \
  F (WORKOUT_EXERCISE_REPS_MAX, .name = "repsMax", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_EXERCISE_REST_SECONDS, .name = "restSeconds", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s") \
  F (WORKOUT_EXERCISE_MINUTES, .name = "minutes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "min", .description = "Cardio's duration; 0 otherwise") \
  F (WORKOUT_EXERCISE_HOLD_SECONDS, .name = "holdSeconds", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s", .description = "A stretch's hold; 0 otherwise") \
  F (WORKOUT_EXERCISE_EQUIPMENT, .name = "equipment", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_EXERCISE_AVAILABLE, .name = "available", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .description = "GET /api/workouts/daily: every machine kind it needs has a machine available now (true when it needs none)") \
  F (WORKOUT_EXERCISE_MACHINES, .name = "machines", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_OPTIONAL, .ref = &bz_gym_machine_resource, .description = "GET /api/workouts/daily: the gym's machines of the kinds it needs, with their status")
BZ_RESOURCE_DECLARE (bz_workout_exercise, WORKOUT_EXERCISE, BZ_WORKOUT_EXERCISE_FIELDS)

#define BZ_WORKOUT_DAY_FIELDS(F) \
  F (WORKOUT_DAY_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "1-14") \
  F (WORKOUT_DAY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_DAY_SPLIT, .name = "split", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "full_body_a/b/c, upper, lower, push, pull, legs or conditioning") \
  F (WORKOUT_DAY_EXERCISES, .name = "exercises", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_workout_exercise_resource)
BZ_RESOURCE_DECLARE (bz_workout_day, WORKOUT_DAY, BZ_WORKOUT_DAY_FIELDS)

#define BZ_WORKOUT_PLAN_FIELDS(F) \
  F (WORKOUT_PLAN_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_PATIENT_ID, .name = "patientId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_STATUS, .name = "status", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "active (the one plan in use) or inactive (replaced)") \
  F (WORKOUT_PLAN_STARTS_ON, .name = "startsOn", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_ENDS_ON, .name = "endsOn", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "Day 14; the plan is regenerated the next day from the member's current data") \
  F (WORKOUT_PLAN_GOAL, .name = "goal", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_workout_goal) \
  F (WORKOUT_PLAN_LEVEL, .name = "level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_training_level) \
  F (WORKOUT_PLAN_DAYS_PER_WEEK, .name = "daysPerWeek", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_EQUIPMENT, .name = "equipment", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "The equipment it was planned with") \
  F (WORKOUT_PLAN_EXCLUDED_MUSCLES, .name = "excludedMuscles", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_BASIS, .name = "basis", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The sources of the prescription") \
  F (WORKOUT_PLAN_CREATED_AT, .name = "createdAt", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_TRAINING_DAYS, .name = "days", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_workout_day_resource, .description = "The training days of the 14")
BZ_RESOURCE_DECLARE (bz_workout_plan, WORKOUT_PLAN, BZ_WORKOUT_PLAN_FIELDS)

#define BZ_WORKOUT_ACTIVE_PLANS_FIELDS(F) \
  F (WORKOUT_ACTIVE_PLANS_WORKOUT_PLAN_ID, .name = "workoutPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The member's one active workout plan (seed 000 activePlans.workoutPlanId)")
BZ_RESOURCE_DECLARE (bz_workout_active_plans, WORKOUT_ACTIVE_PLANS, BZ_WORKOUT_ACTIVE_PLANS_FIELDS)

#define BZ_WORKOUT_PLAN_RESULT_FIELDS(F) \
  F (WORKOUT_PLAN_RESULT_WORKOUT_PLAN_ID, .name = "workoutPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_PLAN_RESULT_ACTIVE_PLANS, .name = "activePlans", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_workout_active_plans_resource) \
  F (WORKOUT_PLAN_RESULT_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The planning service: local (embedded)") \
  F (WORKOUT_PLAN_RESULT_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "remote, cached or local: where the answer came from (the fallback chain)") \
  F (WORKOUT_PLAN_RESULT_REPLACED_PLAN_ID, .name = "replacedPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The plan this one deactivated; null for a first plan") \
  F (WORKOUT_PLAN_RESULT_REFRESH_ON, .name = "refreshOn", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY, .description = "When the refresh job plans again (14 days on)") \
  F (WORKOUT_PLAN_RESULT_PLAN, .name = "plan", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_workout_plan_resource)
BZ_RESOURCE_DECLARE (bz_workout_plan_result, WORKOUT_PLAN_RESULT, BZ_WORKOUT_PLAN_RESULT_FIELDS)

/* GET /api/workouts/daily */
#define BZ_WORKOUT_DAILY_FIELDS(F) \
  F (WORKOUT_DAILY_DATE, .name = "date", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_DAILY_WORKOUT_PLAN_ID, .name = "workoutPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_DAILY_DAY, .name = "day", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The plan's day, 1-14") \
  F (WORKOUT_DAILY_REST_DAY, .name = "restDay", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "No session on the date") \
  F (WORKOUT_DAILY_SESSION, .name = "session", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_workout_day_resource, .description = "The date's session, each exercise with its machines' availability; null on a rest day") \
  F (WORKOUT_DAILY_NEXT_SESSION_DATE, .name = "nextSessionDate", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The plan's next training day after the date; null after the last") \
  F (WORKOUT_DAILY_MACHINES, .name = "machines", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_gym_machine_resource, .description = "Every machine of the gym, with its status now")
BZ_RESOURCE_DECLARE (bz_workout_daily, WORKOUT_DAILY, BZ_WORKOUT_DAILY_FIELDS)

#define BZ_WORKOUT_DAILY_QUERY_FIELDS(F) \
  F (WORKOUT_DAILY_QUERY_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .description = "For a nutritionist: one of own patients; members omit it") \
  F (WORKOUT_DAILY_QUERY_DATE, .name = "date", .type = BZ_FIELD_DATE, .description = "A date of the active plan (default today)")
BZ_RESOURCE_DECLARE (bz_workout_daily_query, WORKOUT_DAILY_QUERY, BZ_WORKOUT_DAILY_QUERY_FIELDS)

/* GET /api/workouts/library */
#define BZ_EXERCISE_FIELDS(F) \
  F (EXERCISE_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Stable slug") \
  F (EXERCISE_CATEGORY, .name = "category", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_exercise_category) \
  F (EXERCISE_LEVEL, .name = "level", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_training_level) \
  F (EXERCISE_NAME_ES, .name = "nameEs", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_NAME_EN, .name = "nameEn", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_INSTRUCTIONS_ES, .name = "instructionsEs", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_INSTRUCTIONS_EN, .name = "instructionsEn", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_PRIMARY_MUSCLES, .name = "primaryMuscles", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_SECONDARY_MUSCLES, .name = "secondaryMuscles", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_EQUIPMENT, .name = "equipment", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Everything it needs") \
  F (EXERCISE_MET, .name = "met", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Metabolic equivalents of the activity (Ainsworth et al., Compendium of Physical Activities 2011); every cardio exercise has one, the others when the Compendium has a matching code; null otherwise") \
  F (EXERCISE_MET_SOURCE, .name = "metSource", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The Compendium and its activity code that give met; null when met is null")
BZ_RESOURCE_DECLARE (bz_exercise, EXERCISE, BZ_EXERCISE_FIELDS)

#define BZ_EXERCISE_LIST_FIELDS(F) \
  F (EXERCISE_LIST_EXERCISES, .name = "exercises", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_exercise_resource) \
  F (EXERCISE_LIST_PAGINATION, .name = "pagination", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_pagination_resource)
BZ_RESOURCE_DECLARE (bz_exercise_list, EXERCISE_LIST, BZ_EXERCISE_LIST_FIELDS)

#define BZ_EXERCISE_QUERY_FIELDS(F) \
  F (EXERCISE_QUERY_MUSCLE, .name = "muscle", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_muscle, .description = "Works it (primary or secondary)") \
  F (EXERCISE_QUERY_EQUIPMENT, .name = "equipment", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_equipment, .description = "Needs it") \
  F (EXERCISE_QUERY_LEVEL, .name = "level", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_training_level) \
  F (EXERCISE_QUERY_CATEGORY, .name = "category", .type = BZ_FIELD_ENUM, .vocab = &bz_vocab_exercise_category) \
  F (EXERCISE_QUERY_Q, .name = "q", .type = BZ_FIELD_STRING, .max = BZ_WORKOUT_QUERY_MAX, .description = "Words of the Spanish or English name (accents and case ignored)") \
  F (EXERCISE_QUERY_PAGE, .name = "page", .type = BZ_FIELD_INTEGER, .min = 1, .max = G_MAXINT32, .description = "Page number, from 1 (default 1)") \
  F (EXERCISE_QUERY_LIMIT, .name = "limit", .type = BZ_FIELD_INTEGER, .min = 1, .max = BZ_LIST_LIMIT_MAX, .description = "Items per page (default 20)")
BZ_RESOURCE_DECLARE (bz_exercise_query, EXERCISE_QUERY, BZ_EXERCISE_QUERY_FIELDS)

/* POST /api/workouts/sessions: a completed session. */
/** BZ_WORKOUT_LOG_MAX_EXERCISES: BZ_WORKOUT_LOG_MAX_SETS: 30 exercises, 20 sets each (Balanza's bounds). */
#define BZ_WORKOUT_LOG_MAX_EXERCISES 30
#define BZ_WORKOUT_LOG_MAX_SETS 20
/** BZ_WORKOUT_LOG_MAX_DAYS_BACK: a session is logged at most 30 days after it (Balanza's bound). */
#define BZ_WORKOUT_LOG_MAX_DAYS_BACK 30

#define BZ_WORKOUT_SET_FIELDS(F) \
  F (WORKOUT_SET_REPS, .name = "reps", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 1000, .description = "Repetitions (strength)") \
  F (WORKOUT_SET_WEIGHT_KG, .name = "weightKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 1000, .unit = "kg", .description = "External load; 0 or absent for body weight") \
  F (WORKOUT_SET_MINUTES, .name = "minutes", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 600, .unit = "min", .description = "Duration (cardio, stretches)")
BZ_RESOURCE_DECLARE (bz_workout_set, WORKOUT_SET, BZ_WORKOUT_SET_FIELDS)

#define BZ_WORKOUT_LOG_EXERCISE_FIELDS(F) \
  F (WORKOUT_LOG_EXERCISE_EXERCISE_ID, .name = "exerciseId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 64, .description = "A slug of the library") \
  F (WORKOUT_LOG_EXERCISE_NAME_ES, .name = "nameEs", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_LOG_EXERCISE_NAME_EN, .name = "nameEn", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_LOG_EXERCISE_SETS, .name = "sets", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_REQUIRED, .ref = &bz_workout_set_resource, .min = 1, .max = BZ_WORKOUT_LOG_MAX_SETS)
BZ_RESOURCE_DECLARE (bz_workout_log_exercise, WORKOUT_LOG_EXERCISE, BZ_WORKOUT_LOG_EXERCISE_FIELDS)

#define BZ_WORKOUT_SESSION_FIELDS(F) \
  F (WORKOUT_SESSION_ID, .name = "id", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_SESSION_PATIENT_ID, .name = "patientId", .type = BZ_FIELD_UUID, .description = "The nutritionist's patient (required for a nutritionist); a member leaves it out") \
  F (WORKOUT_SESSION_DATE, .name = "date", .type = BZ_FIELD_DATE, .description = "When it was done, the clinic's date: today (default) or up to 30 days back") \
  F (WORKOUT_SESSION_DURATION_MINUTES, .name = "durationMinutes", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = 1, .max = 600, .unit = "min") \
  F (WORKOUT_SESSION_EXERCISES, .name = "exercises", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_REQUIRED, .ref = &bz_workout_log_exercise_resource, .min = 1, .max = BZ_WORKOUT_LOG_MAX_EXERCISES) \
  F (WORKOUT_SESSION_WORKOUT_PLAN_ID, .name = "workoutPlanId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The active plan when the date is one of its training days; null otherwise") \
  F (WORKOUT_SESSION_PLAN_DAY, .name = "planDay", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "That plan's day, 1-14") \
  F (WORKOUT_SESSION_VOLUME_KG, .name = "volumeKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg", .description = "Sum of repetitions x load over the sets")
BZ_RESOURCE_DECLARE (bz_workout_session, WORKOUT_SESSION, BZ_WORKOUT_SESSION_FIELDS)

/* GET /api/analytics/workout/summary (seed 001: GET /api/analytics/workout/...). */
#define BZ_WORKOUT_GROUP_VOLUME_FIELDS(F) \
  F (WORKOUT_GROUP_VOLUME_PUSH, .name = "push", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg") \
  F (WORKOUT_GROUP_VOLUME_PULL, .name = "pull", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg") \
  F (WORKOUT_GROUP_VOLUME_LEGS, .name = "legs", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg") \
  F (WORKOUT_GROUP_VOLUME_CORE, .name = "core", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg")
BZ_RESOURCE_DECLARE (bz_workout_group_volume, WORKOUT_GROUP_VOLUME, BZ_WORKOUT_GROUP_VOLUME_FIELDS)

#define BZ_EXERCISE_PROGRESS_FIELDS(F) \
  F (EXERCISE_PROGRESS_EXERCISE_ID, .name = "exerciseId", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_PROGRESS_NAME_ES, .name = "nameEs", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_PROGRESS_NAME_EN, .name = "nameEn", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_PROGRESS_SESSIONS, .name = "sessions", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY) \
  F (EXERCISE_PROGRESS_FIRST_TOP_KG, .name = "firstTopWeightKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kg", .description = "The heaviest set of its first session in the period") \
  F (EXERCISE_PROGRESS_LAST_TOP_KG, .name = "lastTopWeightKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .unit = "kg", .description = "The heaviest set of its last session") \
  F (EXERCISE_PROGRESS_FIRST_VOLUME_KG, .name = "firstVolumeKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg") \
  F (EXERCISE_PROGRESS_LAST_VOLUME_KG, .name = "lastVolumeKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg") \
  F (EXERCISE_PROGRESS_CHANGE_PERCENT, .name = "topWeightChangePercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE | BZ_FIELD_ROUND1, .unit = "%", .description = "(last - first) / first x 100; null without a load in the first session")
BZ_RESOURCE_DECLARE (bz_exercise_progress, EXERCISE_PROGRESS, BZ_EXERCISE_PROGRESS_FIELDS)

#define BZ_WORKOUT_ANALYTICS_FIELDS(F) \
  F (WORKOUT_ANALYTICS_FROM, .name = "from", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_ANALYTICS_TO, .name = "to", .type = BZ_FIELD_DATE, .flags = BZ_FIELD_READ_ONLY) \
  F (WORKOUT_ANALYTICS_SESSIONS, .name = "sessions", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Sessions logged in the period (frequency)") \
  F (WORKOUT_ANALYTICS_SESSIONS_PER_WEEK, .name = "sessionsPerWeek", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .description = "sessions / days x 7") \
  F (WORKOUT_ANALYTICS_VOLUME_KG, .name = "volumeKg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "kg", .description = "Sum of repetitions x load") \
  F (WORKOUT_ANALYTICS_VOLUME_BY_GROUP, .name = "volumeByGroup", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_workout_group_volume_resource, .description = "By the group of each exercise's first primary muscle") \
  F (WORKOUT_ANALYTICS_CARDIO_MINUTES, .name = "cardioMinutes", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "min") \
  F (WORKOUT_ANALYTICS_PLANNED_SESSIONS, .name = "plannedSessions", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Training days of the active plan in the period, up to today") \
  F (WORKOUT_ANALYTICS_COMPLETED_PLANNED, .name = "completedPlannedSessions", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "Of them, the days with a session logged against the plan") \
  F (WORKOUT_ANALYTICS_ADHERENCE_PERCENT, .name = "adherencePercent", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE | BZ_FIELD_ROUND1, .unit = "%", .description = "completed / planned x 100; null with nothing planned") \
  F (WORKOUT_ANALYTICS_PROGRESSION, .name = "progression", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_exercise_progress_resource, .description = "Each exercise logged with a load, first and last session of the period")
BZ_RESOURCE_DECLARE (bz_workout_analytics, WORKOUT_ANALYTICS, BZ_WORKOUT_ANALYTICS_FIELDS)

G_END_DECLS
