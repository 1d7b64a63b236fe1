/* bz-meal-image-resources.c — the tables of bz-meal-image-resources.h. */
#include "bz-meal-image-resources.h"

BZ_RESOURCE_DEFINE (bz_meal_image, MEAL_IMAGE, "MealImage", "A meal photo uploaded ahead of its meal",
                    BZ_MEAL_IMAGE_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_image_upload, MEAL_IMAGE_UPLOAD, "MealImageUpload", "Meal photos stored for later",
                    BZ_MEAL_IMAGE_UPLOAD_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_image_form, MEAL_IMAGE_FORM, "MealImagePhotos",
                    "Meal photos to store ahead of a meal (multipart/form-data)", BZ_MEAL_IMAGE_FORM_FIELDS)
BZ_RESOURCE_DEFINE (bz_meal_correction, MEAL_CORRECTION, "MealCorrection",
                    "A correction of one meal: its foods, or a new analysis of its photo", BZ_MEAL_CORRECTION_FIELDS)
