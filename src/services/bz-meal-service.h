/* bz-meal-service.h — meal logs with photos (seed 000 story 4.3). */
#pragma once

#include "bz-limits.h"
#include "bz-resources.h"
#include "bz-nutrition.h"
#include "bz-photo.h"
#include "bz-vocab.h"
#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_meals_add:
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @image: the photo bytes (JPEG, PNG or WebP; sniffed, not trusted from the client)
 * @meal_type: a term of %bz_vocab_meal_type ("breakfast", "comida"...)
 * @items: (nullable): [{ndb_no, grams}], validated with the MealItem
 *   declaration; nutrition is computed from USDA values
 * @source: a term of %bz_vocab_meal_source
 * Returns: (transfer full): a MealUpload record {meal, detection}.  With no
 *   meal-detection service configured detection.status is
 *   "manual_entry_required" and the photo is kept.
 * Errors: VALIDATION, UNSUPPORTED_MEDIA (not an image), PAYLOAD_TOO_LARGE, NOT_FOUND.
 */
BzRecord *bz_meals_add         (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                GBytes *image, const char *meal_type, JsonArray *items,
                                const char *source, GError **error);

/**
 * bz_meals_add_image:
 * @image: (nullable): the photo bytes, as for bz_meals_add(); or %NULL with @image_id
 * @image_id: (nullable): instead of @image, a photo @caller stored with
 *   bz_meal_images_upload() (its blobs are named, not copied).  When a meal
 *   was logged with it already, that meal is answered (a MealUpload whose
 *   detection says so) and nothing is stored: the id makes a retried upload
 *   idempotent for %BZ_MEAL_IMAGE_TTL_S
 *
 * bz_meals_add() with a photo uploaded ahead (POST /api/upload/meal-images).
 *
 * Returns: (transfer full): a MealUpload record {meal, detection}.
 * Errors: as bz_meals_add(); VALIDATION "image_id" "conflict" with both
 *   @image and @image_id; NOT_FOUND (detail "image_id") for a photo
 *   @caller did not upload; CONFLICT when a concurrent request logged it.
 */
BzRecord *bz_meals_add_image   (BzServices *svc, const BzCaller *caller, const char *patient_id, GBytes *image,
                                const char *image_id, const char *meal_type, JsonArray *items, const char *source,
                                GError **error);

/**
 * bz_meals_correct:
 * @caller: the meal's member, or a nutritionist of its patient
 * @input: a MealCorrection object {meal_id, items?, image_id?}
 * @error: %BZ_ERROR_NOT_FOUND for a meal @caller may not write, or an
 *   image_id @caller did not upload; %BZ_ERROR_VALIDATION with field details
 *   (the MealCorrection declaration; "items[i].ndb_no" "unknown_food";
 *   "items" "required" for a meal without a photo and no image_id)
 *
 * Corrects one meal (seed 000 story 4.3 AC 5-6), nothing else: other meals
 * and the day's other records are not touched.
 *   - with @items: they replace the meal's foods; each item's nutrients and
 *     the meal's are recomputed from SR28 (bz_meals_set_items()) and the
 *     meal's detection_status becomes `manual`;
 *   - without: the meal's photo (or the @image_id photo, which becomes the
 *     meal's) is analysed again by the meal-detection kind (BzResilient:
 *     remote, its cached answer for the same photo).  Detected foods
 *     matched to USDA replace the meal's (status `detected`); when the
 *     service does not answer, or finds nothing it can match, the meal is
 *     left as it was (its photo kept) and the detection says why.  With no
 *     service configured the local detector proposes the patient's most
 *     similar earlier meals (bz_meal_detection_propose()) and the meal is
 *     left as it was.
 * Idempotent: the same correction sent again leaves the meal as the first
 * did (items are replaced, never added; a photo analysed again is answered
 * from the cache when the service is down).
 *
 * Returns: (transfer full): a MealUpload record {meal (as it now is),
 *   detection}; %NULL with @error (the store unchanged).
 */
BzRecord *bz_meals_correct     (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meals_log:
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @image: (nullable): the photo bytes, as for bz_meals_add(); %NULL or empty
 *   for a meal logged without a photo (the desk's manual entry)
 * @meal_type: a term of %bz_vocab_meal_type ("breakfast", "comida"...)
 * @eaten_at: (nullable): when the meal was eaten; %NULL for now.  More than
 *   %BZ_MEAL_CLOCK_SKEW_S seconds ahead of the server's clock is refused
 * @items: (nullable): [{ndb_no, grams}] as for bz_meals_add(); required
 *   (at least one) when there is no photo
 * @source: a term of %bz_vocab_meal_source
 *
 * bz_meals_add() for a meal at any past time, with or without a photo: a
 * meal needs a photo or at least one food.  The HTTP upload (seed 000 story
 * 4.3) keeps bz_meals_add(), whose photo is required.
 *
 * Returns: (transfer full): a MealUpload record {meal, detection}.
 * Errors: VALIDATION (image/items "required", eaten_at "out_of_range",
 *   meal_type, items' fields), UNSUPPORTED_MEDIA, PAYLOAD_TOO_LARGE, NOT_FOUND.
 */
BzRecord *bz_meals_log         (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                GBytes *image, const char *meal_type, GDateTime *eaten_at,
                                JsonArray *items, const char *source, GError **error);

/**
 * bz_meals_update:
 * @caller: the meal's member, or a nutritionist of its patient
 * @meal_id: (nullable): the meal
 * @input: a MealUpdate object {meal_type?, eaten_at?, items?}, at least one
 * @error: %BZ_ERROR_NOT_FOUND as bz_meals_delete(); %BZ_ERROR_VALIDATION
 *   with field details (the MealUpdate declaration; "items[i].ndb_no"
 *   "unknown_food"; "body" "required" when nothing is given)
 *
 * Changes the meal's type, time (its date follows, in the clinic's time
 * zone) and foods (replaced as a whole; each item's nutrients and the
 * meal's sum recomputed from SR28), in one transaction that logs the update
 * for the phones' sync; a nutritionist's change goes to the record-access
 * audit ("meal_update").  The photo stays.
 *
 * Returns: (transfer full): the Meal as it now is; %NULL with @error (the
 *   store unchanged).
 */
BzRecord *bz_meals_update      (BzServices *svc, const BzCaller *caller, const char *meal_id, JsonObject *input,
                                GError **error);

/**
 * bz_meals_delete:
 * @caller: the meal's member, or a nutritionist of its patient
 * @meal_id: (nullable): the meal
 * @error: %BZ_ERROR_NOT_FOUND when no meal the caller may write has
 *   @meal_id (someone else's meal answers as an unknown one does);
 *   %BZ_ERROR_UNAUTHENTICATED without a caller
 *
 * Deletes the meal with its items, in one transaction that also logs the
 * deletion for the phones' sync; a nutritionist's deletion of a patient's
 * meal is written to the record-access audit ("meal_delete").  The photo's
 * blobs go when the blob collector next runs.
 *
 * Returns: (transfer full): a MealDeleted record {id, patient_id, deleted};
 *   %NULL with @error.
 */
BzRecord *bz_meals_delete      (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error);

/**
 * bz_meals_delete_async:
 * @meal_id: the meal; copied
 *
 * Runs bz_meals_delete() on a worker thread (as bz_meals_get_daily_async()
 * runs its call).  Finish with bz_meals_delete_finish().
 */
/**
 * bz_meals_update_async:
 * @input: as bz_meals_update(); referenced until the call ends
 * bz_meals_update() on a worker thread, for the desk.  Finish with
 * bz_meals_update_finish().
 */
void      bz_meals_update_async  (BzServices *svc, const BzCaller *caller, const char *meal_id, JsonObject *input,
                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/** bz_meals_update_finish: Returns: (transfer full): as bz_meals_update(). */
BzRecord *bz_meals_update_finish (BzServices *svc, GAsyncResult *result, GError **error);

void      bz_meals_delete_async  (BzServices *svc, const BzCaller *caller, const char *meal_id,
                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_meals_delete_finish:
 * @error: as bz_meals_delete(), or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the MealDeleted record; %NULL with @error.
 */
BzRecord *bz_meals_delete_finish (BzServices *svc, GAsyncResult *result, GError **error);

/** bz_meals_get_history: Returns: (transfer full): a MealHistory record {meals (newest first), pagination}. */
BzRecord *bz_meals_get_history (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                guint page, guint limit, GError **error);

/**
 * bz_meals_get_daily:
 * @date: (nullable): YYYY-MM-DD, local date; %NULL = today
 * Returns: (transfer full): a DailyIntake record: the day's meals with their
 *   items and SMAE equivalents (three statements whatever their number),
 *   intake and the equivalents eaten, the Mifflin-St Jeor targets of the
 *   latest scan on or before @date (null without a scan), and "planned":
 *   the day of the patient's meal plan that falls on @date with its slots,
 *   recipes, servings, nutrition and SMAE equivalents and the day's totals
 *   (bz_meal_plan_repo_day_for_date(): the active plan, else the upcoming
 *   or last completed one; three more statements; null when no plan covers
 *   @date).
 * Errors: VALIDATION (date), NOT_FOUND (patient), FORBIDDEN.
 */
BzRecord *bz_meals_get_daily   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                const char *date, GError **error);

/* The same calls off the calling thread (GIO style), for the GUI. */

/**
 * bz_meals_get_daily_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): who asks; copied, so it may be freed when this returns.
 *   %NULL (signed out) finishes with %BZ_ERROR_UNAUTHENTICATED
 * @patient_id: (nullable): for a nutritionist, one of own patients; a member
 *   passes %NULL (or the own id)
 * @date: (nullable): YYYY-MM-DD, the clinic's local date; %NULL = today
 * @cancellable: (nullable): checked before the work starts and after it ends;
 *   a cancelled call finishes with %G_IO_ERROR_CANCELLED
 * @callback: called on the thread-default main context of the caller of
 *   this function
 * @user_data: for @callback
 *
 * Runs bz_meals_get_daily() on a GTask worker thread (the thread's own
 * SQLite connection), so the GUI thread never waits on the disk.  Finish
 * with bz_meals_get_daily_finish().
 */
void      bz_meals_get_daily_async    (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       const char *date, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_meals_get_daily_finish:
 * @svc: the service layer passed to bz_meals_get_daily_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED when the call was cancelled; otherwise
 *   what bz_meals_get_daily() sets: %BZ_ERROR_VALIDATION (date, patient_id),
 *   %BZ_ERROR_NOT_FOUND (not a patient the caller may see),
 *   %BZ_ERROR_UNAUTHENTICATED (no caller), a store error
 *
 * Returns: (transfer full) (nullable): the DailyIntake record {date,
 *   patient_id, intake, targets_basis, targets, remaining, meals} (see
 *   bz_meals_get_daily()), or %NULL with @error set.
 */
BzRecord *bz_meals_get_daily_finish   (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meals_get_history_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): who asks; copied.  %NULL finishes with
 *   %BZ_ERROR_UNAUTHENTICATED
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @page: 1-based page number
 * @limit: meals per page
 * @cancellable: (nullable): checked before the work starts and after it ends
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_meals_get_history() on a GTask worker thread.  Finish with
 * bz_meals_get_history_finish().
 */
void      bz_meals_get_history_async  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       guint page, guint limit, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_meals_get_history_finish:
 * @svc: the service layer passed to bz_meals_get_history_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_meals_get_history() sets:
 *   %BZ_ERROR_VALIDATION, %BZ_ERROR_NOT_FOUND, %BZ_ERROR_UNAUTHENTICATED
 *
 * Returns: (transfer full) (nullable): the MealHistory record {meals (newest
 *   first), pagination}, or %NULL with @error set.
 */
BzRecord *bz_meals_get_history_finish (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meals_add_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): who adds the meal; copied.  %NULL finishes with
 *   %BZ_ERROR_UNAUTHENTICATED
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @image: (transfer none): the photo bytes (JPEG, PNG or WebP, at most
 *   %BZ_PHOTO_MAX_BYTES); referenced until the work ends
 * @meal_type: a term of %bz_vocab_meal_type or a Spanish alias; copied
 * @items: (nullable) (transfer none): [{ndb_no, grams (g)}]; deep-copied, so
 *   the caller may change or free it when this returns
 * @source: a term of %bz_vocab_meal_source ("workstation" for the GUI); copied
 * @cancellable: (nullable): checked before the work starts and after it
 *   ends.  A cancellation that arrives while the meal is being written does
 *   not undo the write: the call then finishes with %G_IO_ERROR_CANCELLED
 *   but the meal is stored (and its change notification is sent)
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_meals_add() on a GTask worker thread: photo checks and the
 * display copy, item validation, USDA nutrition, the transaction.  Finish
 * with bz_meals_add_finish().
 */
void      bz_meals_add_async          (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       GBytes *image, const char *meal_type, JsonArray *items,
                                       const char *source, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);

/**
 * bz_meals_add_finish:
 * @svc: the service layer passed to bz_meals_add_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_meals_add() sets:
 *   %BZ_ERROR_VALIDATION (field details), %BZ_ERROR_UNSUPPORTED_MEDIA (not an
 *   image), %BZ_ERROR_PAYLOAD_TOO_LARGE, %BZ_ERROR_NOT_FOUND,
 *   %BZ_ERROR_UNAUTHENTICATED
 *
 * Returns: (transfer full) (nullable): the MealUpload record {meal,
 *   detection}, or %NULL with @error set.
 */
BzRecord *bz_meals_add_finish         (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meals_log_previous:
 * @input: the MealReuse body {meal_id, meal_type?, eaten_at?, image_id?}
 *
 * Logs again a meal of the caller's history (seed 000 story 4.3 AC 4, "log
 * a meal from their history without re-scanning"): the same foods and
 * grams, the same photo (its blobs are named again, never read or copied), a new id, the
 * meal type and time given or the earlier type and now.  Detection is not
 * run again: the meal is "manual_entry_required" when it had no foods.
 * With image_id (a photo @caller stored with bz_meal_images_upload()) the
 * new meal takes that photo instead; sent again with the same image_id it
 * answers the meal logged the first time (NOT_FOUND for a photo @caller did
 * not upload).
 * Returns: (transfer full): the new Meal.  Errors: VALIDATION (field
 *   details; eaten_at in the future), NOT_FOUND (unknown meal or not the
 *   caller's), UNAUTHENTICATED.
 */
BzRecord *bz_meals_log_previous (BzServices *svc, const BzCaller *caller, JsonObject *input, GError **error);

/**
 * bz_meals_log_async:
 * @svc: the service layer (the task's source object; kept alive until @callback)
 * @caller: (nullable): who logs the meal; copied
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @image: (nullable) (transfer none): the photo, or %NULL; referenced
 * @meal_type: copied
 * @eaten_at: (nullable) (transfer none): referenced; %NULL for now
 * @items: (nullable) (transfer none): deep-copied
 * @source: copied
 * @cancellable: (nullable): as for bz_meals_add_async()
 * @callback: called on the caller's thread-default main context
 * @user_data: for @callback
 *
 * Runs bz_meals_log() on a GTask worker thread.  Finish with
 * bz_meals_log_finish(), which returns what bz_meals_log() does.
 */
void      bz_meals_log_async          (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                       GBytes *image, const char *meal_type, GDateTime *eaten_at,
                                       JsonArray *items, const char *source, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
/**
 * bz_meals_log_finish:
 * @svc: the service layer passed to bz_meals_log_async()
 * @result: the #GAsyncResult given to the callback
 * @error: %G_IO_ERROR_CANCELLED, or what bz_meals_log() sets
 *
 * Returns: (transfer full) (nullable): the MealUpload record, or %NULL.
 */
BzRecord *bz_meals_log_finish         (BzServices *svc, GAsyncResult *result, GError **error);

/**
 * bz_meals_get_photo:
 * @original: %TRUE for the bytes as uploaded (with their EXIF); %FALSE for
 *   the display copy (bz_photo_prepare()), which GUI and phones use
 * @out_mime_type: (out) (transfer full): its MIME type
 * @out_etag: (out) (optional) (transfer full): its SHA-256, the strong ETag
 * @error: %BZ_ERROR_NOT_FOUND when the meal has no photo or the caller may
 *   not see it; %BZ_ERROR_INTERNAL when the stored file fails its hash
 *
 * Returns: (transfer full): the photo of a meal the caller may see.
 */
GBytes   *bz_meals_get_photo (BzServices *svc, const BzCaller *caller, const char *meal_id, gboolean original,
                              char **out_mime_type, char **out_etag, GError **error);

G_END_DECLS

G_BEGIN_DECLS
/**
 * bz_meals_record:
 * Low-level insert used by bz_meals_add() and the demo clinic: no
 * authorization (the caller resolved @patient_id), items already validated
 * as [{ndb_no, grams}].  Opens its own transaction.
 * @eaten_at: (transfer none): when the meal was eaten
 * @photo: (nullable): a photo checked by bz_photo_prepare(): original and display copy
 * Returns: (transfer full): the new meal id.
 */
char *bz_meals_record (BzServices *svc, const char *patient_id, const char *meal_type,
                       GDateTime *eaten_at, const BzPhoto *photo,
                       JsonArray *items, const char *source, const char *created_by,
                       GError **error);
G_END_DECLS
