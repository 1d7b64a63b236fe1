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
 * bz_meal_detection_propose:
 * @detection: the MealDetection of a meal logged with no meal-detection
 *   service configured (status manual_entry_required)
 * @patient_id: whose meal
 * @meal_type: a bz_vocab_meal_type id
 * @except_id: (nullable): the new meal, left out
 * @at: when the new meal was eaten
 *
 * The embedded `local` meal detector: sets @detection's proposals to up to
 * %BZ_MEAL_PROPOSALS_MAX of the patient's earlier meals of @meal_type, for
 * the member to accept (nothing is stored).  Similarity rule:
 *   1. the candidates are the patient's %BZ_MEAL_PROPOSAL_SCAN most recent
 *      meals of @meal_type that have foods;
 *   2. they are grouped by their food set: the set of distinct USDA foods
 *      (ndb_no), grams ignored (a bigger or smaller plate of the same
 *      dish is the same meal);
 *   3. the groups are ranked by how many of their meals were eaten within
 *      %BZ_MEAL_PROPOSAL_WINDOW_MIN minutes of @at's local time of day
 *      (circular: 23:30 is 60 min from 00:30), then by how many meals they
 *      have in all, then by their latest meal, newest first;
 *   4. each proposal is the group's latest meal (its foods and grams).
 * With proposals, the detection's provider and source become "local";
 * with none (a new patient) it stays manual entry.  A database error leaves
 * no proposals (logged): the meal is stored all the same.
 */
void        bz_meal_detection_propose (BzServices *svc, BzRecord *detection, const char *patient_id,
                                       const char *meal_type, const char *except_id, GDateTime *at);

/**
 * bz_meal_detection_after_log:
 * @detection: what detection said of the new meal's photo
 * @status: (nullable): the detection_status the meal was stored with
 * @n_items: the foods it was stored with
 *
 * The hook of upload-meal after the meal is stored: a `pending` meal gets
 * its job (bz_meal_detection_enqueue()); a meal without foods logged with
 * no meal-detection service configured gets the local detector's
 * proposals (bz_meal_detection_propose()).
 */
void        bz_meal_detection_after_log (BzServices *svc, BzRecord *detection, const char *status,
                                         const char *patient_id, const char *meal_type, const char *meal_id,
                                         GDateTime *at, guint n_items);

/**
 * bz_meal_detection_register_jobs:
 * @svc: (transfer none): the services the handler detects with (a reference is held)
 *
 * Registers %BZ_MEAL_DETECTION_JOB's handler (not transactional: it calls
 * the service; its writes are one short transaction of their own).
 */
void        bz_meal_detection_register_jobs (BzJobRunner *runner, BzServices *svc);

G_END_DECLS
