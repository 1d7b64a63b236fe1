/* bz-label-service.h — POST /api/v1/ai/scan-label (issue 7; seed 002 §4.7):
 * a packaged food's label judged by NOM-051, scored, with a recommendation
 * and better alternatives from Balanza's catalogue.  The label's values come
 * as JSON, or are read off a photo by the configured service
 * (bz_labels_scan_photo(), bz-label-photo.c) and end here. */
#pragma once

#include "bz-label-resources.h"
#include "bz-services.h"

G_BEGIN_DECLS

/** Foods of the product's SR28 group that are judged for the alternatives
 * (the plainest first): enough for every group's everyday foods, bounded so
 * that a request reads at most this many rows. */
#define BZ_LABEL_CANDIDATES_MAX 400
/** Better alternatives answered at most (the seed's example has one; its
 * prompt asks for "2-3"). */
#define BZ_LABEL_ALTERNATIVES_MAX 3

/**
 * bz_labels_scan:
 * @caller: (nullable): any signed-in user; %NULL fails with %BZ_ERROR_UNAUTHENTICATED
 * @body: (nullable): a LabelScanInput object (bz-label-resources.h)
 * @today: (nullable): the day whose NOM-051 phase applies; %NULL for today
 * @error: %BZ_ERROR_VALIDATION with a detail per fault: those of
 *   bz_resource_parse() ("nutrition_per_serving.sodium_mg" "required", ...),
 *   "nutrition_per_serving" "required" when neither panel is given and
 *   "conflict" when both are, "serving_size_g" "required" for values per
 *   serving without a size ("30g" in serving_size counts), and
 *   "inconsistent" for a panel that cannot be (saturated plus trans fat over
 *   the fat, sugars over the carbohydrates, added sugars over the sugars,
 *   more than 100 g of macronutrients in 100 g); %BZ_ERROR_INTERNAL or
 *   UNAVAILABLE on a database error
 *
 * Brings the values to 100 g (or 100 ml), reads what was added from the
 * ingredient list (or takes every declared critical nutrient as added, see
 * bz-label.h), applies the NOM-051 criteria of @today's phase
 * (bz_nom051_seals(), bz_nom051_legends()), scores it
 * (bz_nom051_health_score() on the per-100 fiber and protein), writes a
 * recommendation (bz_label_recommendation()) and looks for better
 * alternatives:
 *
 * the product's KIND is an SR28 food group: @body's sr28_food_group, or the
 * group most of the foods found for its product_name belong to (the food
 * search of GET /foods, Spanish and English; its first 10 results vote,
 * the first with most weight; when the whole name finds nothing, each of its
 * words of 4 letters or more votes with its first 5).  The group's
 * %BZ_LABEL_CANDIDATES_MAX plainest foods are judged as the label is, per
 * 100 g and with every nutrient taken as added (SR28 cannot tell what was
 * added), and a food is BETTER when its score is higher and it has no more
 * seals.  The better ones are answered best score first, then fewer seals,
 * then plainer (the everyday food first), at most %BZ_LABEL_ALTERNATIVES_MAX.
 *
 * Returns: (transfer full): a LabelScan record; %NULL with @error.
 */
BzRecord *bz_labels_scan (BzServices *svc, const BzCaller *caller, JsonObject *body, const GDate *today,
                          GError **error);

/**
 * bz_labels_scan_photo:
 * @caller: (nullable): any signed-in user; %NULL fails with %BZ_ERROR_UNAUTHENTICATED
 * @image: (nullable): the upload
 * @product_name: (nullable): the product's name, 1-200 characters, when the photo does not show it
 * @lang: (nullable): "es" (default) or "en" (or their aliases): the names' language
 * @error: %BZ_ERROR_UNAUTHENTICATED; %BZ_ERROR_VALIDATION ("image" required,
 *   "product_name", "lang"); those of bz_photo_prepare() (413, 415);
 *   %BZ_ERROR_UNAVAILABLE when no label-reading service is configured or it
 *   does not answer (down, breaker open, over budget); %BZ_ERROR_UPSTREAM
 *   when its answer is not a label (not JSON, or outside
 *   bz_label_answer_validate()'s schema) or its values are incomplete or
 *   inconsistent for bz_labels_scan().  Every message tells the member to
 *   send the label's values as JSON instead (manual entry).
 *
 * The seed's scan-label (multipart image): the photo checked and reduced as
 * an upload is (bz_photo_prepare()), read by the configured
 * OpenAI-compatible provider (bz_openai_provider_read_label(): values per
 * 100 g) through its #BzResilient ("label_reading"/"openai", cache key the
 * display copy's SHA-256 and the language), then judged exactly as values
 * sent as JSON (bz_labels_scan() with nutrition_per_100g and
 * serving_size_g).  Nothing is stored.  Blocking (a worker thread).
 *
 * Returns: (transfer full): a LabelScan record; %NULL with @error.
 */
BzRecord *bz_labels_scan_photo (BzServices *svc, const BzCaller *caller, GBytes *image, const char *product_name,
                                const char *lang, GError **error);

G_END_DECLS
