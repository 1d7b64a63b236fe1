/* bz-food-recognition.h — POST /api/v1/ai/recognize-food (issue 11; seed
 * 002 §4.7 request and response, §6.5 "Food Recognition Service"): a meal
 * photo's foods with their portions in grams and in Mexican household
 * measures, their energy and macronutrients and their SMAE equivalents.
 * Nothing is stored: logging the meal is upload-meal's job.
 */
#pragma once

#include "bz-services.h"

G_BEGIN_DECLS

/**
 * bz_ai_recognize_food:
 * @caller: any signed-in user
 * @image: (nullable): the upload
 * @meal_type: (nullable): breakfast, lunch, dinner or snack, or their
 *   Spanish names (desayuno, comida, cena, colación); %NULL: lunch, the
 *   seed's "comida"
 * @locale: (nullable): "es-MX" (default) or "en": the language of the
 *   service's names
 * @error: %BZ_ERROR_UNAUTHENTICATED without @caller; %BZ_ERROR_VALIDATION
 *   with details on "image" (required), "meal_type" or "locale";
 *   %BZ_ERROR_PAYLOAD_TOO_LARGE and %BZ_ERROR_UNSUPPORTED_MEDIA as
 *   bz_photo_prepare() (over %BZ_PHOTO_MAX_BYTES or %BZ_IMAGE_MAX_PIXELS,
 *   not a JPEG or PNG, truncated or corrupt); %BZ_ERROR_UNAVAILABLE when the
 *   decoders stay busy
 *
 * The photo is checked and reduced as every upload is (bz_photo_prepare():
 * header probe before any decoding, bounded decoders, display copy without
 * EXIF), then sent through the meal-detection kind's #BzResilient
 * (bz_integrations_detect_photo(): the configured OpenAI-compatible vision
 * provider, its retries, breaker, quota, answer schema and cache).  Each
 * food the service names is matched to Balanza's foods (USDA SR28 with
 * their Spanish names, by the food search) and told:
 *   - in grams, and in a Mexican household measure from the food's SR28
 *     household weights (bz_household_portion(), SMAE 4th ed. measures);
 *   - its energy and macronutrients: SR28's panel for the grams when
 *     matched, the service's estimate otherwise;
 *   - its SMAE equivalents: the matched food classified
 *     (bz_smae_classify()) and counted from its group's defining nutrient
 *     (bz_recipe_totals_add()); a mixed dish or an unmatched food
 *     decomposed (bz_smae_decompose());
 *   - up to %BZ_RECOGNIZE_MAX_ALTERNATIVES other foods its name finds.
 * The totals are the foods' sums; the confidence score their mean
 * confidence (seed 002 §6.5 _calculate_confidence); the suggestion to add
 * vegetables when the plate has less than one SMAE equivalent of them (the
 * seed's "Agrega verduras para fibra y micronutrientes").
 *
 * No service configured, or it did not answer (down, timed out, breaker
 * open, out of quota) or answered something malformed or outside its
 * schema: never an error.  A member gets the local provider's answer (the
 * member's most similar earlier meals of @meal_type,
 * bz_meal_detection_propose(), source "local"); anyone else, or a member
 * with no earlier meals, an empty result; both with status
 * manual_entry_required and a message saying to enter the foods by hand.
 * Blocking: call on a worker thread.
 *
 * Returns: (transfer full): a FoodRecognition record
 *   (bz-recognize-resources.h), or %NULL with @error (nothing was sent).
 */
BzRecord *bz_ai_recognize_food (BzServices *svc, const BzCaller *caller, GBytes *image, const char *meal_type,
                                const char *locale, GError **error);

G_END_DECLS
