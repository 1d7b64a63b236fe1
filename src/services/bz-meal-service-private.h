/* bz-meal-service-private.h — what the meal service's files share
 * (bz-meal-service.c, bz-meal-reuse.c).  Not for other layers. */
#pragma once

#include "bz-meal-service.h"
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
 * @detection_status: (nullable): a bz_vocab_detection_status id; %NULL:
 *   manual_entry_required (no detection, or the foods are typed in)
 *
 * bz_meals_record(), for a meal that reuses another meal's photo without
 * reading or hashing its bytes again.
 * Returns: (transfer full) (nullable): the new meal's id.
 */
char      *bz_meals_record_with_blobs (BzServices *svc, const char *patient_id, const char *meal_type,
                                       GDateTime *eaten_at, const BzPhoto *photo, const char *photo_sha256,
                                       const char *display_sha256, JsonArray *items, const char *detection_status,
                                       const char *source, const char *created_by, GError **error);

G_END_DECLS
