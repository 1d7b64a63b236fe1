/* bz-recognize-resources.h — the declarations of POST
 * /api/v1/ai/recognize-food (issue 11; seed 002 §4.7 and §6.5): a meal
 * photo's foods, each matched to Balanza's foods (USDA SR28 with Spanish
 * names), with its portion in grams and in a Mexican household measure
 * (bz-household.h), its energy and macronutrients and its SMAE equivalents
 * (bz-smae.h), and the meal's totals.  See bz-resource.h for the mechanism
 * and src/services/bz-food-recognition.h for what the values mean.
 *
 * The seed's answer gives a food's equivalents as a sentence ("2 cereales,
 * 2 carne bajo aporte"); Balanza answers them as the SmaeEquivalents object
 * its meals and plans use (one member per SMAE group), and the seed's
 * "quantity" ("3 piezas") as the household portion's text. */
#pragma once

#include "bz-household.h"
#include "bz-resources.h"

G_BEGIN_DECLS

/** BZ_RECOGNIZE_MAX_ALTERNATIVES: at most 3 other Balanza foods per recognized food (the seed's alternative_matches). */
#define BZ_RECOGNIZE_MAX_ALTERNATIVES 3

/* POST /api/v1/ai/recognize-food: the photo (multipart/form-data). */
#define BZ_FOOD_RECOGNITION_FORM_FIELDS(F) \
  F (FOOD_RECOGNITION_FORM_IMAGE, .name = "image", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "JPEG or PNG; at most 10 MB and 40 MP; sent to the service resized, without EXIF") \
  F (FOOD_RECOGNITION_FORM_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_WRITE_ONLY, .vocab = &bz_vocab_meal_type, .description = "Default lunch (comida), as the seed") \
  F (FOOD_RECOGNITION_FORM_LOCALE, .name = "locale", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_WRITE_ONLY, .description = "es-MX (default) or en: the language of the foods' names")
BZ_RESOURCE_DECLARE (bz_food_recognition_form, FOOD_RECOGNITION_FORM, BZ_FOOD_RECOGNITION_FORM_FIELDS)

/* A food's portion in a Mexican household measure (bz_household_portion()). */
#define BZ_HOUSEHOLD_PORTION_FIELDS(F) \
  F (HOUSEHOLD_PORTION_MEASURE, .name = "measure", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_household_measure, .description = "The SMAE's household measure (SMAE 4th ed., 2014): count measures first, then taza 240 ml, cucharada 15 ml, cucharadita 5 ml") \
  F (HOUSEHOLD_PORTION_QUANTITY, .name = "quantity", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .min = 0.25, .max = BZ_HOUSEHOLD_MAX_QUANTITY, .description = "How many, to the nearest quarter") \
  F (HOUSEHOLD_PORTION_TEXT, .name = "text", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "As the SMAE writes it, in Spanish: \"1 ½ tazas\", \"3 tortillas\"") \
  F (HOUSEHOLD_PORTION_UNIT_GRAMS, .name = "unit_grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g", .description = "What one measure of this food weighs") \
  F (HOUSEHOLD_PORTION_BASIS, .name = "basis", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "sr28_weight: an SR28 household weight of the same measure; sr28_density: the food's SR28 density times the SMAE volume")
BZ_RESOURCE_DECLARE (bz_household_portion, HOUSEHOLD_PORTION, BZ_HOUSEHOLD_PORTION_FIELDS)

/* Another Balanza food the name could be (the food search's next matches). */
#define BZ_FOOD_ALTERNATIVE_FIELDS(F) \
  F (FOOD_ALTERNATIVE_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "SR28 NDB number") \
  F (FOOD_ALTERNATIVE_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "USDA description") \
  F (FOOD_ALTERNATIVE_NAME_ES, .name = "name_es", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Spanish (Mexico) name; null when the food has none")
BZ_RESOURCE_DECLARE (bz_food_alternative, FOOD_ALTERNATIVE, BZ_FOOD_ALTERNATIVE_FIELDS)

/* One food the service saw on the photo. */
#define BZ_RECOGNIZED_FOOD_FIELDS(F) \
  F (RECOGNIZED_FOOD_NAME, .name = "name", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "What the service called it, in the request's language") \
  F (RECOGNIZED_FOOD_CONFIDENCE, .name = "confidence", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .min = 0, .max = 1) \
  F (RECOGNIZED_FOOD_GRAMS, .name = "grams", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_ROUND1, .unit = "g", .description = "The service's estimate of the portion") \
  F (RECOGNIZED_FOOD_QUANTITY, .name = "quantity", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The portion in a household measure, as the seed (\"3 piezas\"): household.text; null when household is") \
  F (RECOGNIZED_FOOD_HOUSEHOLD, .name = "household", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_household_portion_resource, .description = "null: not matched to a Balanza food, or its SR28 household weights fit no SMAE measure") \
  F (RECOGNIZED_FOOD_MATCHED, .name = "matched", .type = BZ_FIELD_BOOLEAN, .flags = BZ_FIELD_READ_ONLY, .description = "false: no Balanza food matched the name; the nutrition is the service's estimate and the equivalents its decomposition: check it") \
  F (RECOGNIZED_FOOD_NDB_NO, .name = "ndb_no", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The Balanza (USDA SR28) food it was matched to") \
  F (RECOGNIZED_FOOD_DESCRIPTION, .name = "description", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The matched food's USDA description") \
  F (RECOGNIZED_FOOD_NAME_ES, .name = "name_es", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The matched food's Spanish (Mexico) name") \
  F (RECOGNIZED_FOOD_SMAE_GROUP, .name = "smae_group", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The SMAE group the matched food counts in (bz_smae_classify(): an id of SmaeEquivalents); null: a mixed dish or an unmatched food, decomposed into cereals, animal-source foods and fats") \
  F (RECOGNIZED_FOOD_ESTIMATED_NUTRITION, .name = "estimated_nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_nutrients_resource, .description = "Of the grams: from SR28 when matched, else the service's estimate") \
  F (RECOGNIZED_FOOD_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "SMAE equivalents of the portion") \
  F (RECOGNIZED_FOOD_ALTERNATIVE_MATCHES, .name = "alternative_matches", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_food_alternative_resource, .max = BZ_RECOGNIZE_MAX_ALTERNATIVES, .description = "Other Balanza foods the name finds, best first, to correct the match")
BZ_RESOURCE_DECLARE (bz_recognized_food, RECOGNIZED_FOOD, BZ_RECOGNIZED_FOOD_FIELDS)

/* The answer. */
#define BZ_FOOD_RECOGNITION_FIELDS(F) \
  F (FOOD_RECOGNITION_STATUS, .name = "status", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_detection_status, .description = "detected, or manual_entry_required (no service, or it failed: see message and proposals)") \
  F (FOOD_RECOGNITION_PROVIDER, .name = "provider", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The service that answered (openai), local for the earlier-meal proposals; null when none") \
  F (FOOD_RECOGNITION_SOURCE, .name = "source", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "remote, cached (the service's last answer for the same photo) or local (proposals of earlier meals); null: manual entry") \
  F (FOOD_RECOGNITION_MEAL_TYPE, .name = "meal_type", .type = BZ_FIELD_ENUM, .flags = BZ_FIELD_READ_ONLY, .vocab = &bz_vocab_meal_type) \
  F (FOOD_RECOGNITION_RECOGNIZED_FOODS, .name = "recognized_foods", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_recognized_food_resource, .description = "Empty when the foods are to be entered by hand") \
  F (FOOD_RECOGNITION_TOTAL_NUTRITION, .name = "total_nutrition", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .ref = &bz_nutrients_resource, .description = "The foods' sum; null with no foods") \
  F (FOOD_RECOGNITION_EQUIVALENTS, .name = "equivalents", .type = BZ_FIELD_OBJECT, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_smae_equivalents_resource, .description = "The foods' SMAE equivalents, summed (all 0 with no foods)") \
  F (FOOD_RECOGNITION_CONFIDENCE_SCORE, .name = "confidence_score", .type = BZ_FIELD_NUMBER, .flags = BZ_FIELD_READ_ONLY, .min = 0, .max = 1, .description = "The mean of the foods' confidences (seed 002 §6.5); 0 with no foods") \
  F (FOOD_RECOGNITION_SUGGESTIONS, .name = "suggestions", .type = BZ_FIELD_STRING_ARRAY, .flags = BZ_FIELD_READ_ONLY, .description = "Advice on the plate from its SMAE equivalents") \
  F (FOOD_RECOGNITION_MESSAGE, .name = "message", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "Why the foods are to be entered by hand, or that some were not matched; null otherwise") \
  F (FOOD_RECOGNITION_PROPOSALS, .name = "proposals", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_proposal_resource, .max = BZ_MEAL_PROPOSALS_MAX, .description = "When nothing was recognized and the caller is a member: the local provider's answer, the member's most similar earlier meals of this type (most frequent food sets at this time of day first); empty otherwise") \
  F (FOOD_RECOGNITION_PROCESSING_TIME_MS, .name = "processing_time_ms", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "ms", .description = "Time spent on the photo, the service and the matching")
BZ_RESOURCE_DECLARE (bz_food_recognition, FOOD_RECOGNITION, BZ_FOOD_RECOGNITION_FIELDS)

G_END_DECLS
