/* bz-meal-image-service.h — meal photos uploaded ahead of a meal (seed 001
 * "POST /api/upload/meal-images - Meal photo processing"; issue 11, seed 000
 * story 4.3).
 *
 * A phone sends the photos of a plate as it is served (up to
 * %BZ_MEAL_IMAGES_MAX_FILES at once); each is checked and given its display
 * copy by bz_photo_prepare() (header check before any decode, bounded
 * decodes, upright JPEG of at most 1280 px with no EXIF: no GPS position,
 * device or time), both kept as blobs, owned by the caller and attached to no
 * meal.  Its id then stands for the photo in upload-meal, meal-detection,
 * log-previous-meal and correct-meal (another user's id answers 404 like an
 * unknown one).  The first meal logged with it is recorded on the photo, so
 * the same request sent again answers that meal instead of logging a second.
 * Each photo is deleted %BZ_MEAL_IMAGE_TTL_S after its upload by the durable
 * job %BZ_MEAL_IMAGE_EXPIRE_JOB (a meal logged with it keeps its blobs).
 */
#pragma once

#include "bz-jobs.h"
#include "bz-meal-image-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** BZ_MEAL_IMAGE_EXPIRE_JOB: deletes one uploaded photo at its expires_at (payload {"imageId"}, key the id). */
#define BZ_MEAL_IMAGE_EXPIRE_JOB "meal_image.expire"

/**
 * bz_meal_images_upload:
 * @caller: who uploads (any signed-in user); the photos are theirs
 * @files: (element-type GBytes): the photos as sent, in order
 * @error: %BZ_ERROR_UNAUTHENTICATED without @caller; %BZ_ERROR_VALIDATION
 *   ("images" "required" for none, "too_many_items" over
 *   %BZ_MEAL_IMAGES_MAX_FILES, "images[i]" "required" for an empty part);
 *   what bz_photo_prepare() sets for the first bad photo, with field
 *   "images[i]" (413 too large or too many pixels, 415 not a JPEG or PNG,
 *   truncated or corrupt; 503 when the decoders stay busy);
 *   %BZ_ERROR_CONFLICT ("images" "too_many_waiting") when the caller would
 *   hold more than %BZ_MEAL_IMAGES_PENDING_MAX photos not yet logged
 *
 * Checks every photo before storing any: on any refusal nothing is stored.
 * Then, in one transaction, their blobs, their meal_images rows (expiring
 * %BZ_MEAL_IMAGE_TTL_S from now, bz_jobs_now_ms()) and their expiry jobs.
 *
 * Returns: (transfer full): a MealImageUpload record {images: [MealImage]},
 *   or %NULL with @error (the store unchanged).
 */
BzRecord *bz_meal_images_upload    (BzServices *svc, const BzCaller *caller, GPtrArray *files, GError **error);

/**
 * bz_meal_images_get_photo:
 * @image_id: (nullable): a photo of bz_meal_images_upload()
 * @original: %TRUE for the bytes as uploaded, %FALSE for the display copy
 * @out_mime_type: (out) (transfer full): its MIME type
 * @out_etag: (out) (optional) (transfer full): its SHA-256, the strong ETag
 * @error: %BZ_ERROR_NOT_FOUND unless @caller uploaded @image_id (and it has
 *   not expired); %BZ_ERROR_INTERNAL when the stored file fails its hash
 *
 * Returns: (transfer full): the photo's bytes.
 */
GBytes   *bz_meal_images_get_photo (BzServices *svc, const BzCaller *caller, const char *image_id, gboolean original,
                                    char **out_mime_type, char **out_etag, GError **error);

/**
 * bz_meal_images_display:
 * @image_id: a photo of bz_meal_images_upload()
 * @field: the request's field for the error's details ("image_id")
 * @error: %BZ_ERROR_NOT_FOUND (detail @field "not_found") unless @caller
 *   uploaded @image_id
 *
 * Returns: (transfer full): the photo's display copy (what detection reads).
 */
GBytes   *bz_meal_images_display   (BzServices *svc, const BzCaller *caller, const char *image_id, const char *field,
                                    GError **error);

/**
 * bz_meal_images_register_jobs:
 *
 * Registers %BZ_MEAL_IMAGE_EXPIRE_JOB's handler (transactional: the row's
 * deletion commits with the job's completion).
 */
void      bz_meal_images_register_jobs (BzJobRunner *runner);

G_END_DECLS
