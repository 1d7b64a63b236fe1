/* bz-recognize-resources.c — the tables of bz-recognize-resources.h. */
#include "bz-recognize-resources.h"

BZ_RESOURCE_DEFINE (bz_food_recognition_form, FOOD_RECOGNITION_FORM, "FoodRecognitionPhoto",
                    "A meal photo to recognize (multipart/form-data); nothing is stored", BZ_FOOD_RECOGNITION_FORM_FIELDS)
BZ_RESOURCE_DEFINE (bz_household_portion, HOUSEHOLD_PORTION, "HouseholdPortion",
                    "A portion in a Mexican household measure (SMAE 4th ed.)", BZ_HOUSEHOLD_PORTION_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_alternative, FOOD_ALTERNATIVE, "FoodAlternative",
                    "Another Balanza food a recognized name could be", BZ_FOOD_ALTERNATIVE_FIELDS)
BZ_RESOURCE_DEFINE (bz_recognized_food, RECOGNIZED_FOOD, "RecognizedFood",
                    "A food recognized on a photo, with its portion, nutrition and SMAE equivalents",
                    BZ_RECOGNIZED_FOOD_FIELDS)
BZ_RESOURCE_DEFINE (bz_food_recognition, FOOD_RECOGNITION, "FoodRecognition",
                    "POST /ai/recognize-food (seed 002 §4.7): the foods of a meal photo", BZ_FOOD_RECOGNITION_FIELDS)
