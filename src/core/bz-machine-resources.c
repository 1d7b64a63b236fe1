/* bz-machine-resources.c — the tables of bz-machine-resources.h. */
#include "bz-machine-resources.h"

BZ_RESOURCE_DEFINE (bz_machine_create, MACHINE_CREATE, "MachineCreate", "POST /api/machines: a machine the gym installs", BZ_MACHINE_CREATE_FIELDS)
BZ_RESOURCE_DEFINE (bz_machine_created, MACHINE_CREATED, "MachineCreated", "A registered machine and its API key (shown once)", BZ_MACHINE_CREATED_FIELDS)
BZ_RESOURCE_DEFINE (bz_machine_list, MACHINE_LIST, "MachineList", "The gym's machines and their availability", BZ_MACHINE_LIST_FIELDS)
BZ_RESOURCE_DEFINE (bz_machine_heartbeat, MACHINE_HEARTBEAT, "MachineHeartbeat", "POST /api/machines/{id}/heartbeat: the machine's status now", BZ_MACHINE_HEARTBEAT_FIELDS)
BZ_RESOURCE_DEFINE (bz_workout_progress, WORKOUT_PROGRESS, "WorkoutProgress", "A set done, live (workout:progress on /api/ws/workouts)", BZ_WORKOUT_PROGRESS_FIELDS)
