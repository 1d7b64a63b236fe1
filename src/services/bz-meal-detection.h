/* bz-meal-detection.h — meal photos analysed later (issue 11, seed 000 story
 * 4.3: "a meal logged while the service was down is analysed when it comes
 * back").
 *
 * When upload-meal (bz_meals_add(), bz_meals_log()) sends a photo with no
 * foods to a configured meal-detection service and the service cannot answer
 * now (bz_integrations_detect_photo_later(): down, timed out, breaker open,
 * out of quota), the meal is stored with its photo and detection_status
 * `pending`, and a durable job %BZ_MEAL_DETECTION_JOB is queued for it
 * (bz-jobs.h).  The job sends the stored display photo through detection
 * again:
 *   - detected, and the meal still has no foods and is still pending: the
 *     detected foods become its items (nutrients from SR28) and its status
 *     `detected`, in one transaction that checks both first;
 *   - detected, but the member typed foods meanwhile (PATCH sets `manual`,
 *     or foods are present): nothing the member typed is overwritten; the
 *     status becomes (or stays) `manual`;
 *   - the service still down: the job fails and is retried with the jobs
 *     table's backoff (bz_jobs_backoff_ms(): 5-10 s, 10-20 s, ... capped at
 *     1 h) up to %BZ_MEAL_DETECTION_MAX_ATTEMPTS; its last attempt settles
 *     the meal as `manual_entry_required`;
 *   - a non-retryable failure (a malformed answer): `manual_entry_required`.
 * Delivery is at least once: the job does nothing to a meal that is no
 * longer pending, or gone.
 */
#pragma once

#include "bz-jobs.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_MEAL_DETECTION_JOB: the job kind that analyses a pending meal's photo (payload {"mealId"}, key the meal id). */
#define BZ_MEAL_DETECTION_JOB "meal.detect"

/**
 * BZ_MEAL_DETECTION_MAX_ATTEMPTS:
 * Attempts of a pending meal's job: with the jobs' backoff (ceilings 10 s,
 * 20 s, ... 2560 s, then 1 h) 12 attempts span about 4 to 8 hours, so a
 * service down for a clinic's afternoon still analyses the morning's photos;
 * past that the member enters the foods by hand.
 */
#define BZ_MEAL_DETECTION_MAX_ATTEMPTS 12

/**
 * bz_meal_detection_mark_pending:
 * @detection: a MealDetection record of a photo whose service may answer later
 *
 * Sets @detection's status to `pending` and its message to say that the
 * photo is kept and will be analysed when the service is back.
 *
 * Returns: (transfer none): "pending", the meal's detection_status.
 */
const char *bz_meal_detection_mark_pending (BzRecord *detection);

/**
 * bz_meal_detection_enqueue:
 * @meal_id: a stored meal with a photo and detection_status `pending`
 *
 * Queues %BZ_MEAL_DETECTION_JOB for @meal_id (idempotency key: the meal id),
 * due after the first backoff delay (bz_jobs_backoff_ms (1, ...), 5-10 s),
 * and wakes the runner.  A failure is logged: the start-up sweep
 * (bz_meal_detection_schedule_pending()) queues it again.
 */
void        bz_meal_detection_enqueue (BzServices *svc, const char *meal_id);

/**
 * bz_meal_detection_schedule_pending:
 * @error: as bz_db_set_error()
 *
 * Queues the job of every pending meal that has none (a crash between the
 * meal's commit and its job's): the runtime calls it at start.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean    bz_meal_detection_schedule_pending (BzServices *svc, GError **error);

/**
 * bz_meal_detection_register_jobs:
 * @svc: (transfer none): the services the handler detects with (a reference is held)
 *
 * Registers %BZ_MEAL_DETECTION_JOB's handler (not transactional: it calls
 * the service; its writes are one short transaction of their own).
 */
void        bz_meal_detection_register_jobs (BzJobRunner *runner, BzServices *svc);

G_END_DECLS
