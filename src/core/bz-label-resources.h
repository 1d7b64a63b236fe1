/* bz-label-resources.h — the declarations of POST /api/v1/ai/scan-label
 * (issue 7; seed 002 §4.7, lines 1893-1932): the label's values as JSON
 * (the OCR step will come through the integration layer), and the seed's
 * answer.  See bz-label.h for how a label is judged and bz-resource.h for
 * the mechanism. */
#pragma once

#include "bz-label.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/** Bounds of a label's values: a serving up to 5 kg or 5 l (a family pack)
 * holds at most 5,000 g of any nutrient and 45,000 kcal (9 kcal/g); sodium
 * in mg likewise (pure salt is 39,300 mg of sodium per 100 g). */
#define BZ_LABEL_MAX_G 5000
#define BZ_LABEL_MAX_KCAL 45000
#define BZ_LABEL_MAX_SODIUM_MG 2000000
/** A serving's size (g or ml), and the longest free texts. */
#define BZ_LABEL_SERVING_MAX 5000
#define BZ_LABEL_INGREDIENTS_MAX_CHARS 4000

/* Seed 002 lines 1907-1916 nutrition_per_serving, with its names; also the
 * basis of nutrition_per_100g.  Request and response. */
#define BZ_LABEL_NUTRITION_FIELDS(F) \
  F (LABEL_NUTRITION_CALORIES, .name = "calories", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_KCAL, .unit = "kcal") \
  F (LABEL_NUTRITION_PROTEIN_G, .name = "protein_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g") \
  F (LABEL_NUTRITION_CARBS_G, .name = "carbs_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g", .description = "Available carbohydrates (hidratos de carbono disponibles)") \
  F (LABEL_NUTRITION_SUGAR_G, .name = "sugar_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g", .description = "Total sugars (azúcares)") \
  F (LABEL_NUTRITION_ADDED_SUGAR_G, .name = "added_sugar_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_NULLABLE | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g", .description = "Added sugars (azúcares añadidos), as labels declare them since 2020; null when not declared (the total sugars then stand for the free sugars)") \
  F (LABEL_NUTRITION_FAT_G, .name = "fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g") \
  F (LABEL_NUTRITION_SATURATED_FAT_G, .name = "saturated_fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g") \
  F (LABEL_NUTRITION_TRANS_FAT_G, .name = "trans_fat_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g", .description = "0 when not given") \
  F (LABEL_NUTRITION_FIBER_G, .name = "fiber_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_G, .unit = "g", .description = "0 when not given") \
  F (LABEL_NUTRITION_SODIUM_MG, .name = "sodium_mg", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_ROUND1, .min = 0, .max = BZ_LABEL_MAX_SODIUM_MG, .unit = "mg")
BZ_RESOURCE_DECLARE (bz_label_nutrition, LABEL_NUTRITION, BZ_LABEL_NUTRITION_FIELDS)

/* The request: what the OCR step will read off a label (seed 002 lines
 * 1901-1916), given as JSON until then. */
#define BZ_LABEL_SCAN_INPUT_FIELDS(F) \
  F (LABEL_SCAN_INPUT_PRODUCT_NAME, .name = "product_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .min = 1, .max = 200, .description = "Also how Balanza finds the product's kind for the alternatives") \
  F (LABEL_SCAN_INPUT_BRAND, .name = "brand", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 100) \
  F (LABEL_SCAN_INPUT_SERVING_SIZE, .name = "serving_size", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 40, .description = "As printed (\"30g\", \"250 ml\"); its number is the serving's grams or ml unless serving_size_g is given") \
  F (LABEL_SCAN_INPUT_SERVING_SIZE_G, .name = "serving_size_g", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY, .min = 0.1, .max = BZ_LABEL_SERVING_MAX, .unit = "g", .description = "Grams (ml for a liquid) of one serving") \
  F (LABEL_SCAN_INPUT_SERVINGS_PER_CONTAINER, .name = "servings_per_container", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_WRITE_ONLY, .min = 0, .max = 1000) \
  F (LABEL_SCAN_INPUT_IS_LIQUID, .name = "is_liquid", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_WRITE_ONLY, .description = "A drink or other liquid: its values are per ml and the liquid criteria apply (false when not given)") \
  F (LABEL_SCAN_INPUT_NUTRITION_PER_SERVING, .name = "nutrition_per_serving", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_WRITE_ONLY, .ref = &bz_label_nutrition_resource, .description = "Give this or nutrition_per_100g") \
  F (LABEL_SCAN_INPUT_NUTRITION_PER_100G, .name = "nutrition_per_100g", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_WRITE_ONLY, .ref = &bz_label_nutrition_resource, .description = "Per 100 g, or per 100 ml for a liquid") \
  F (LABEL_SCAN_INPUT_INGREDIENTS_TEXT, .name = "ingredients_text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = BZ_LABEL_INGREDIENTS_MAX_CHARS, .description = "The ingredient list: what was added (sugars, fats, sodium, sweeteners, caffeine) decides which seals and legends apply; without it every declared critical nutrient counts as added") \
  F (LABEL_SCAN_INPUT_SR28_FOOD_GROUP, .name = "sr28_food_group", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .max = 4, .description = "The USDA SR28 food group of the product's kind (\"0800\" breakfast cereals), for the alternatives; found from product_name when not given")
BZ_RESOURCE_DECLARE (bz_label_scan_input, LABEL_SCAN_INPUT, BZ_LABEL_SCAN_INPUT_FIELDS)

/* A better choice from Balanza's catalogue (seed 002 line 1922). */
#define BZ_LABEL_ALTERNATIVE_FIELDS(F) \
  F (LABEL_ALTERNATIVE_PRODUCT_NAME, .name = "product_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "Its Spanish (Mexico) name, or its SR28 description when it has none") \
  F (LABEL_ALTERNATIVE_HEALTH_SCORE, .name = "health_score", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .description = "0-10, judged as the label is, per 100 g: a food with every nutrient taken as added, a recipe with what its ingredients add") \
  F (LABEL_ALTERNATIVE_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "\"usda_sr28\": a food; \"recipe\": a recipe of the catalogue") \
  F (LABEL_ALTERNATIVE_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "A food's: GET /api/v1/foods/{ndb_no}; null for a recipe") \
  F (LABEL_ALTERNATIVE_RECIPE_ID, .name = "recipe_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "A recipe's: GET /api/v1/recipes/{recipe_id}; null for a food") \
  F (LABEL_ALTERNATIVE_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "A food's SR28 long description; a recipe's title") \
  F (LABEL_ALTERNATIVE_NOM_051_WARNINGS, .name = "nom_051_warnings", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Its seals per 100 g, judged strictly")
BZ_RESOURCE_DECLARE (bz_label_alternative, LABEL_ALTERNATIVE, BZ_LABEL_ALTERNATIVE_FIELDS)

/* The answer (seed 002 lines 1900-1927), with what Balanza adds. */
#define BZ_LABEL_SCAN_FIELDS(F) \
  F (LABEL_SCAN_PRODUCT_NAME, .name = "product_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (LABEL_SCAN_BRAND, .name = "brand", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (LABEL_SCAN_SERVING_SIZE, .name = "serving_size", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (LABEL_SCAN_SERVINGS_PER_CONTAINER, .name = "servings_per_container", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE) \
  F (LABEL_SCAN_NUTRITION_PER_SERVING, .name = "nutrition_per_serving", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_label_nutrition_resource, .description = "As declared, or from the per-100 values and the serving size; null without a serving size") \
  F (LABEL_SCAN_NUTRITION_PER_100G, .name = "nutrition_per_100g", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_label_nutrition_resource, .description = "Per 100 g (per 100 ml for a liquid): what the seals and the score judge") \
  F (LABEL_SCAN_NOM_051_WARNINGS, .name = "nom_051_warnings", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "The warning seals of NOM-051 in force today (bz-nom051.h), as the label must print them: EXCESO CALORÍAS, EXCESO AZÚCARES, EXCESO GRASAS SATURADAS, EXCESO GRASAS TRANS, EXCESO SODIO") \
  F (LABEL_SCAN_NOM_051_LEGENDS, .name = "nom_051_legends", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "CONTIENE EDULCORANTES - NO RECOMENDABLE EN NIÑOS, CONTIENE CAFEÍNA - EVITAR EN NIÑOS") \
  F (LABEL_SCAN_NOM_051_PHASE, .name = "nom_051_phase", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .description = "The phase of the norm whose criteria applied (2 until 31 Dec. 2027)") \
  F (LABEL_SCAN_HEALTH_SCORE, .name = "health_score", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .description = "0-10: 10, minus 2 per seal, plus 1 for fiber ≥ 3 g and 1 for protein ≥ 5 g per 100 (seed 002 lines 4037-4059)") \
  F (LABEL_SCAN_RECOMMENDATION, .name = "recommendation", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY) \
  F (LABEL_SCAN_BETTER_ALTERNATIVES, .name = "better_alternatives", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_label_alternative_resource, .description = "Up to 3 foods or recipes of the same kind with a better score and no more seals (bz_labels_scan()): the best recipe, if one is better, then the best foods, everyday foods first; empty when none is better")
BZ_RESOURCE_DECLARE (bz_label_scan, LABEL_SCAN, BZ_LABEL_SCAN_FIELDS)

/* The seed's request (multipart/form-data: image), read by the configured
 * label-reading service (docs/integrations.md), with optional hints. */
#define BZ_LABEL_PHOTO_FORM_FIELDS(F) \
  F (LABEL_PHOTO_FORM_IMAGE, .name = "image", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "A photo of the label's nutrition table: JPEG or PNG; sent to the service resized to 1024 px, without EXIF") \
  F (LABEL_PHOTO_FORM_PRODUCT_NAME, .name = "product_name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .min = 1, .max = 200, .description = "The product's name, when the photo does not show it (else the name read, else a generic one)") \
  F (LABEL_PHOTO_FORM_LANG, .name = "lang", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_notice_lang, .description = "es (default) or en: the language of the names read")
BZ_RESOURCE_DECLARE (bz_label_photo_form, LABEL_PHOTO_FORM, BZ_LABEL_PHOTO_FORM_FIELDS)

G_END_DECLS
