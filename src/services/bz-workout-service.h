/* bz-workout-service.h — workout planning (seed 000 story 4.1, issue 11):
 * a member's one active 14-day workout plan, generated through the
 * workout planning kind of the integration layer (the embedded provider:
 * bz-local-workout-planner.h) and regenerated every 14 days by a durable
 * job; the day's session with the gym's machine availability; the exercise
 * library.
 *
 * Plans are not modifiable by the member: there is no update or delete.
 * What a nutritionist can do is generate a new plan for a patient of theirs
 * (POST /api/integrations/workout-plans with patientId, other goal, level,
 * days, equipment or exclusions), which replaces the active one; the member
 * can do the same for self.  The replaced plan is kept inactive (the
 * latest %BZ_WORKOUT_INACTIVE_KEPT), older ones are deleted. */
#pragma once

/* BzJobRunner comes from bz-services.h: bz-jobs.h reads the store's headers, and the GUI includes this one. */
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_WORKOUT_REFRESH_JOB: the job kind that plans again 14 days after a plan was made (payload {"planId"}). */
#define BZ_WORKOUT_REFRESH_JOB "workout_plan.refresh"

/**
 * bz_workouts_generate_plan:
 * @caller: a nutritionist (for a patient of theirs: patientId) or a member (self)
 * @input: the request body (WorkoutPlanRequest, bz-workout-resources.h)
 * @error: UNAUTHENTICATED; FORBIDDEN (an admin); VALIDATION with field
 *   details (the body; "excludedMuscles"/"equipment" when they leave too few
 *   exercises); NOT_FOUND (not the caller's patient, as unknown); UPSTREAM
 *   (the provider's plan breaks the rules: nothing stored); UNAVAILABLE
 *
 * Plans 14 days from today (the clinic's date) for the patient's goal and
 * level (the request's, else from the record), equipment (the request's,
 * else the gym's: free weights and the machines not out of service) and
 * exclusions; checks the answer; stores it as the patient's one active plan
 * (the previous one deactivated, old ones deleted) and enqueues its refresh,
 * in one transaction.  Blocking (the handler's thread).
 *
 * Returns: (transfer full): a WorkoutPlanResult record, or %NULL with @error.
 */
BzRecord *bz_workouts_generate_plan (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_workouts_generate_plan_async:
 * @input: (transfer none): as bz_workouts_generate_plan() takes it; referenced until done
 *
 * Runs bz_workouts_generate_plan() on a worker thread (the desk).
 */
void      bz_workouts_generate_plan_async (BzServices *svc, const BzCaller *caller, JsonObject *input,
                                           GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_workouts_generate_plan_finish:
 * Returns: (transfer full) (nullable): the WorkoutPlanResult record, or %NULL with @error.
 */
BzRecord *bz_workouts_generate_plan_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_workouts_daily:
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @date: (nullable): YYYY-MM-DD within the active plan (default today)
 * @error: UNAUTHENTICATED; VALIDATION ("date"); NOT_FOUND (not the caller's
 *   patient, or no active plan)
 *
 * Returns: (transfer full): a WorkoutDaily record: the date's session, each
 *   exercise with the gym's machines of its kinds and their status now.
 */
BzRecord *bz_workouts_daily (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *date,
                             GError **error);

/**
 * BzExerciseFilter:
 * The query of GET /api/workouts/library, as sent (each nullable): muscle,
 * equipment, level, category (vocabulary terms or their Spanish names), q
 * (words of a name), page and limit (integers).
 */
typedef struct
{
  const char *muscle, *equipment, *level, *category, *q, *page, *limit;
} BzExerciseFilter;

/**
 * bz_workouts_library:
 * @error: UNAUTHENTICATED; VALIDATION naming the parameter; INTERNAL when
 *   the library cannot be read
 *
 * Returns: (transfer full): an ExerciseList record: the exercises that pass
 *   every filter, in the library's order, one page of them.
 */
BzRecord *bz_workouts_library (BzServices *svc, const BzCaller *caller, const BzExerciseFilter *filter, GError **error);

/**
 * bz_workouts_add_demo_machines:
 *
 * Adds the demo gym's machines (one of each machine kind, two treadmills
 * and two bikes, one treadmill in use and the rowing machine out of
 * service) unless the gym has machines already.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean  bz_workouts_add_demo_machines (BzServices *svc, GError **error);

/**
 * bz_workouts_register_jobs:
 * @svc: (transfer none): kept (a reference) for the handler
 *
 * Registers %BZ_WORKOUT_REFRESH_JOB's handler: when the plan of the payload
 * is still the member's active one, plans again from the request it was
 * made with and the member's current record and gym (the new plan enqueues
 * its own refresh); otherwise nothing (idempotent).
 */
void      bz_workouts_register_jobs (BzJobRunner *runner, BzServices *svc);

/**
 * bz_workouts_log_session:
 * @caller: a member (self) or a nutritionist (patientId of own patient)
 * @input: a WorkoutSession body: date (today by default, up to
 *   %BZ_WORKOUT_LOG_MAX_DAYS_BACK days back), durationMinutes, exercises
 *   [{exerciseId, sets: [{reps, weightKg, minutes}]}]
 * @error: UNAUTHENTICATED; FORBIDDEN (an admin); VALIDATION with field
 *   details (an unknown exerciseId, a set with neither reps nor minutes, a
 *   date in the future or too far back); NOT_FOUND (not the caller's patient)
 *
 * Stores a completed session, linked to the active plan's day when the date
 * is one of its training days (for adherence).
 *
 * Returns: (transfer full): the WorkoutSession record, or %NULL with @error.
 */
BzRecord *bz_workouts_log_session (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_workouts_analytics:
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @period: (nullable): day, week (default) or month (bz_vocab_analytics_period)
 * @date: (nullable): the period's last day (default today; not after it)
 * @error: UNAUTHENTICATED; VALIDATION ("period", "date"); NOT_FOUND
 *
 * Seed 001's workout analytics over the period: sessions and sessions a
 * week (frequency), volume (repetitions x load, kg) in all and by group,
 * cardio minutes, adherence to the active plan (its training days up to
 * today with a session logged against them) and each loaded exercise's
 * first and last session.
 *
 * Returns: (transfer full): a WorkoutAnalytics record, or %NULL with @error.
 */
BzRecord *bz_workouts_analytics (BzServices *svc, const BzCaller *caller, const char *patient_id, const char *period,
                                 const char *date, GError **error);

G_END_DECLS
