/* bz-machine-resources.h — the declarations of the gym machines' routes and
 * of the live workout frames (issue 10 "Real time", seed 001): POST
 * /api/machines (staff registers a machine and gets its API key once), GET
 * /api/machines, POST /api/machines/{id}/heartbeat, and the data of the
 * workout:progress frame of /api/ws/workouts (docs/realtime.md).  A machine
 * itself is GymMachine (bz-workout-resources.h), one declaration for GET
 * /api/workouts/daily, these routes and the machine:status frames.
 * camelCase as the workout routes; the frames' data snake_case as the other
 * WebSocket events (seed 002 §4.8). */
#pragma once

#include "bz-resources.h"
#include "bz-workout-resources.h"

G_BEGIN_DECLS

#define BZ_MACHINE_CREATE_FIELDS(F) \
  F (MACHINE_CREATE_KIND, .name = "kind", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_equipment, .description = "A machine kind of the equipment vocabulary (treadmill, leg_press_machine, ...)") \
  F (MACHINE_CREATE_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_MACHINE_NAME_MAX_CHARS, .description = "The label members see (\"Caminadora 3\")") \
  F (MACHINE_CREATE_ZONE, .name = "zone", .type = BZ_FIELD_STRING, .min = 1, .max = BZ_MACHINE_NAME_MAX_CHARS, .description = "Where it stands (\"Zona de cardio\")")
BZ_RESOURCE_DECLARE (bz_machine_create, MACHINE_CREATE, BZ_MACHINE_CREATE_FIELDS)

#define BZ_MACHINE_CREATED_FIELDS(F) \
  F (MACHINE_CREATED_MACHINE, .name = "machine", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_gym_machine_resource) \
  F (MACHINE_CREATED_API_KEY, .name = "apiKey", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The machine's secret for its heartbeats (X-Machine-Key) and /api/ws/machines; shown this once, stored only as its SHA-256")
BZ_RESOURCE_DECLARE (bz_machine_created, MACHINE_CREATED, BZ_MACHINE_CREATED_FIELDS)

#define BZ_MACHINE_LIST_FIELDS(F) \
  F (MACHINE_LIST_MACHINES, .name = "machines", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_gym_machine_resource, .description = "Every machine of the gym by kind then name, with its status now") \
  F (MACHINE_LIST_HEARTBEAT_SECONDS, .name = "heartbeatSeconds", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "s", .description = "How often machines report; one silent for missedHeartbeats of these is offline") \
  F (MACHINE_LIST_MISSED_HEARTBEATS, .name = "missedHeartbeats", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY)
BZ_RESOURCE_DECLARE (bz_machine_list, MACHINE_LIST, BZ_MACHINE_LIST_FIELDS)

#define BZ_MACHINE_HEARTBEAT_FIELDS(F) \
  F (MACHINE_HEARTBEAT_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_REQUIRED, .vocab = &bz_vocab_machine_status, .description = "available, in_use or out_of_service (offline is the server's)") \
  F (MACHINE_HEARTBEAT_USER_ID, .name = "userId", .type = BZ_FIELD_UUID, .description = "With in_use: the member using it (from the member's card), when the machine knows; never shown to other members")
BZ_RESOURCE_DECLARE (bz_machine_heartbeat, MACHINE_HEARTBEAT, BZ_MACHINE_HEARTBEAT_FIELDS)

/* workout:progress (client -> /api/ws/workouts, then relayed with the
 * member's patient_id and the server's received_at). */
#define BZ_WORKOUT_PROGRESS_FIELDS(F) \
  F (WORKOUT_PROGRESS_EXERCISE, .name = "exercise", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = 100, .description = "An exercise of the library (its slug, GET /api/workouts/library)") \
  F (WORKOUT_PROGRESS_SET, .name = "set", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 1, .max = BZ_WORKOUT_PROGRESS_SET_MAX, .description = "The set's number in the exercise, from 1") \
  F (WORKOUT_PROGRESS_REPS, .name = "reps", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_REQUIRED, .min = 0, .max = 1000, .description = "Repetitions done (as workout_session_sets)") \
  F (WORKOUT_PROGRESS_LOAD_KG, .name = "load_kg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE, .min = 0, .max = 1000, .unit = "kg", .description = "External load; absent or 0 for body weight") \
  F (WORKOUT_PROGRESS_HEART_RATE, .name = "heart_rate", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_NULLABLE, .min = BZ_WORKOUT_HEART_RATE_MIN, .max = BZ_WORKOUT_HEART_RATE_MAX, .unit = "1/min", .description = "From a strap or watch, when there is one") \
  F (WORKOUT_PROGRESS_PATIENT_ID, .name = "patient_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "Relayed frames: whose workout") \
  F (WORKOUT_PROGRESS_RECEIVED_AT, .name = "received_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "Relayed frames: when the server got it")
BZ_RESOURCE_DECLARE (bz_workout_progress, WORKOUT_PROGRESS, BZ_WORKOUT_PROGRESS_FIELDS)

G_END_DECLS
