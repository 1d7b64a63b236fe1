/* bz-meal-service-private.h — what the meal service's files share
 * (bz-meal-service.c, bz-meal-reuse.c).  Not for other layers. */
#pragma once

#include "bz-meal-service.h"
#include "bz-meal-image-repo.h"
#include "bz-photo.h"

G_BEGIN_DECLS

/**
 * bz_meals_owner_for:
 * Returns: (transfer full) (nullable): the patients.id whose meal @meal_id
 *   is, when @caller may write it; %NULL with NOT_FOUND otherwise (someone
 *   else's meal answers as an unknown one does) or UNAUTHENTICATED.
 */
char      *bz_meals_owner_for        (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error);

/** bz_meals_check_not_future: adds eaten_at "out_of_range" to @v when @eaten_at is more than %BZ_MEAL_CLOCK_SKEW_S ahead. */
void       bz_meals_check_not_future (BzValidation *v, GDateTime *eaten_at);

/** bz_meals_items_json_of: Returns: (transfer full): the MealItem records of @rec's ARRAY @field as [{ndb_no, grams}]. */
JsonArray *bz_meals_items_json_of    (BzRecord *rec, guint field);

/**
 * bz_meals_record_with_blobs:
 * @photo: (nullable): a new photo to put in the blob store, as for bz_meals_record()
 * @photo_sha256: (nullable): without @photo, a photo already in the blob
 *   store that the new meal shares (a blob is kept while a row names it)
 * @display_sha256: (nullable): its display copy's blob
 * @image_id: (nullable): the uploaded photo whose blobs these are
 *   (bz_meal_images_resolve()): it is attached to the new meal in the same
 *   transaction; %BZ_ERROR_CONFLICT when another meal took it meanwhile
 * @detection_status: (nullable): a bz_vocab_detection_status id; %NULL:
 *   manual_entry_required (no detection, or the foods are typed in)
 *
 * bz_meals_record(), for a meal that reuses another meal's photo without
 * reading or hashing its bytes again.
 * Returns: (transfer full) (nullable): the new meal's id.
 */
char      *bz_meals_record_with_blobs (BzServices *svc, const char *patient_id, const char *meal_type,
                                       GDateTime *eaten_at, const BzPhoto *photo, const char *photo_sha256,
                                       const char *display_sha256, const char *image_id, JsonArray *items,
                                       const char *detection_status, const char *source, const char *created_by,
                                       GError **error);

/**
 * bz_meal_images_resolve:
 * @image_id: a photo of POST /api/upload/meal-images
 * @field: the request's field for the error's details ("image_id")
 * @error: %BZ_ERROR_NOT_FOUND (detail @field "not_found") when @caller did
 *   not upload @image_id, or it expired; a database error
 *
 * Returns: (transfer full) (nullable): the photo's row (its blobs, and
 *   meal_id when a meal was logged with it already).
 */
BzMealImageRow *bz_meal_images_resolve (BzServices *svc, const BzCaller *caller, const char *image_id,
                                        const char *field, GError **error);

/**
 * bz_meals_replay:
 * @meal_id: the meal an uploaded photo was logged as
 *
 * The answer of upload-meal sent again with the same image_id: the meal as
 * it is, and a MealDetection that says so (status: the meal's
 * detection_status; nothing analysed).
 *
 * Returns: (transfer full): a MealUpload record; %NULL with NOT_FOUND when
 *   @caller may no longer see the meal.
 */
BzRecord       *bz_meals_replay        (BzServices *svc, const BzCaller *caller, const char *meal_id, GError **error);

/**
 * bz_meals_set_items:
 * @meal: a Meal record
 * @items: (nullable): validated foods [{ndb_no, grams}]
 * @error: BZ_ERROR_NOT_FOUND for an ndb_no SR28 does not have
 *
 * Sets @meal's items, each with its nutrients from SR28 per 100 g scaled to
 * its grams (bz_nutrients_add_scaled()), and the meal's nutrition, their sum.
 *
 * Returns: %FALSE with @error when a food is unknown.
 */
gboolean   bz_meals_set_items        (BzServices *svc, BzRecord *meal, JsonArray *items, GError **error);

/**
 * bz_meals_detected_items:
 * @detection: a MealDetection record
 *
 * Returns: (transfer full): the foods detection matched to USDA, as meal
 *   items [{ndb_no, grams}], their grams clamped to a meal item's range
 *   (%BZ_MEAL_ITEM_MIN_G..%BZ_MEAL_ITEM_MAX_G); unmatched foods are left out.
 */
JsonArray *bz_meals_detected_items   (BzRecord *detection);

G_END_DECLS
