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

/** bz_meals_get_history: Returns: (transfer full): a MealHistory record {meals (newest first), pagination}. */
BzRecord *bz_meals_get_history (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                guint page, guint limit, GError **error);

/**
 * bz_meals_get_daily:
 * @date: (nullable): YYYY-MM-DD, local date; %NULL = today
 * Returns: (transfer full): a DailyIntake record: the day's meals with their
 *   items (three statements whatever their number), intake, and the
 *   Mifflin-St Jeor targets of the latest scan on or before @date (null
 *   without a scan).
 * Errors: VALIDATION (date), NOT_FOUND (patient), FORBIDDEN.
 */
BzRecord *bz_meals_get_daily   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                                const char *date, GError **error);

/* The same as JSON trees, for the GUI until it binds the records. */

/**
 * bz_meals_upload:
 * @patient_id: (nullable): for a nutritionist, one of own patients
 * @image: the photo bytes (JPEG, PNG or WebP; sniffed, not trusted from the client)
 * @meal_type: a term of %bz_vocab_meal_type: "breakfast" | "lunch" | "dinner" |
 *   "snack", or a Spanish alias ("desayuno", "comida", "cena", "colación")
 * @items: (nullable): [{ndb_no, grams}] — nutrition is computed from USDA values
 * @source: "phone" | "workstation"
 * Returns: (transfer full): {meal: {id, patient_id, meal_type, eaten_at, photo_url,
 *   items: [...], nutrition: {...}}, detection: {status, provider}}
 *   With no meal-detection service configured detection.status is
 *   "manual_entry_required" and the photo is kept.
 * Errors: VALIDATION, UNSUPPORTED_MEDIA (not an image), PAYLOAD_TOO_LARGE, NOT_FOUND.
 */
JsonNode *bz_meals_upload  (BzServices *svc, const BzCaller *caller, const char *patient_id,
                            GBytes *image, const char *meal_type, JsonArray *items,
                            const char *source, GError **error);

/** bz_meals_history: Returns: (transfer full): {meals: [...newest first], pagination}. */
JsonNode *bz_meals_history (BzServices *svc, const BzCaller *caller, const char *patient_id,
                            guint page, guint limit, GError **error);

/**
 * bz_meals_daily:
 * @date: (nullable): YYYY-MM-DD, local date; %NULL = today
 * Returns: (transfer full): {date, patient_id, intake: {energy_kcal, protein_g,
 *   carbohydrate_g, fat_g, fiber_g, sodium_mg}, targets: {same}, remaining: {same},
 *   targets_basis: {method: "mifflin_st_jeor", scan_id, weight_kg, ...} | null,
 *   meals: [...]}
 */
JsonNode *bz_meals_daily   (BzServices *svc, const BzCaller *caller, const char *patient_id,
                            const char *date, GError **error);

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
 * Low-level insert used by bz_meals_upload() and the demo clinic: no
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
