/* bz-meal-image-resources.h — meal photos uploaded ahead of a meal (seed 001
 * "POST /api/upload/meal-images"; issue 11) and the correction of one meal
 * (seed 000 story 4.3 AC 5-6, POST /api/nutrition/correct-meal).  Names are
 * snake_case like the other meal endpoints of seed 000 (upload-meal,
 * log-previous-meal). */
#pragma once

#include "bz-resources.h"

G_BEGIN_DECLS

/* One stored photo, not yet (or already) logged as a meal. */
#define BZ_MEAL_IMAGE_FIELDS(F) \
  F (MEAL_IMAGE_ID, .name = "id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY, .description = "Give it as image_id to POST /api/nutrition/upload-meal, /api/integrations/meal-detection, /api/nutrition/log-previous-meal or /api/nutrition/correct-meal instead of sending the photo again") \
  F (MEAL_IMAGE_DISPLAY_URL, .name = "display_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY, .description = "The display copy: JPEG, at most 1280 px, upright, without EXIF (no GPS position, device or time)") \
  F (MEAL_IMAGE_ORIGINAL_URL, .name = "original_url", .type = BZ_FIELD_URI, .flags = BZ_FIELD_READ_ONLY, .description = "The photo as uploaded") \
  F (MEAL_IMAGE_MIME_TYPE, .name = "mime_type", .type = BZ_FIELD_STRING, .flags = BZ_FIELD_READ_ONLY, .description = "The original's type, sniffed from its bytes: image/jpeg or image/png") \
  F (MEAL_IMAGE_WIDTH, .name = "width", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "px", .description = "The original's width") \
  F (MEAL_IMAGE_HEIGHT, .name = "height", .type = BZ_FIELD_INTEGER, .flags = BZ_FIELD_READ_ONLY, .unit = "px", .description = "The original's height") \
  F (MEAL_IMAGE_EXPIRES_AT, .name = "expires_at", .type = BZ_FIELD_DATE_TIME, .flags = BZ_FIELD_READ_ONLY, .description = "When it is deleted (24 h after the upload, BZ_MEAL_IMAGE_TTL_S); a meal it was logged as keeps its own copy") \
  F (MEAL_IMAGE_MEAL_ID, .name = "meal_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_READ_ONLY | BZ_FIELD_NULLABLE, .description = "The meal it was logged as; null while it waits")
BZ_RESOURCE_DECLARE (bz_meal_image, MEAL_IMAGE, BZ_MEAL_IMAGE_FIELDS)

/* POST /api/upload/meal-images: the photos stored, in the order sent. */
#define BZ_MEAL_IMAGE_UPLOAD_FIELDS(F) \
  F (MEAL_IMAGE_UPLOAD_IMAGES, .name = "images", .type = BZ_FIELD_ARRAY, .flags = BZ_FIELD_READ_ONLY, .ref = &bz_meal_image_resource, .max = BZ_MEAL_IMAGES_MAX_FILES)
BZ_RESOURCE_DECLARE (bz_meal_image_upload, MEAL_IMAGE_UPLOAD, BZ_MEAL_IMAGE_UPLOAD_FIELDS)

/* POST /api/upload/meal-images is multipart/form-data. */
#define BZ_MEAL_IMAGE_FORM_FIELDS(F) \
  F (MEAL_IMAGE_FORM_IMAGES, .name = "images", .type = BZ_FIELD_BINARY, .flags = BZ_FIELD_REQUIRED | BZ_FIELD_WRITE_ONLY, .description = "Photos, JPEG or PNG: repeat the part, 1 to " G_STRINGIFY (BZ_MEAL_IMAGES_MAX_FILES) ", at most 10 MB and 40 MP each")
BZ_RESOURCE_DECLARE (bz_meal_image_form, MEAL_IMAGE_FORM, BZ_MEAL_IMAGE_FORM_FIELDS)

/* POST /api/nutrition/correct-meal (seed 000 story 4.3 AC 5-6). */
#define BZ_MEAL_CORRECTION_FIELDS(F) \
  F (MEAL_CORRECTION_MEAL_ID, .name = "meal_id", .type = BZ_FIELD_UUID, .flags = BZ_FIELD_REQUIRED, .description = "The meal to correct: the caller's (a nutritionist: one of own patients')") \
  F (MEAL_CORRECTION_ITEMS, .name = "items", .type = BZ_FIELD_ARRAY, .ref = &bz_meal_item_resource, .max = BZ_MEAL_MAX_ITEMS, .description = "The corrected foods, replacing the meal's; their nutrients and the meal's are recomputed from SR28.  Absent: the meal's photo is analysed again") \
  F (MEAL_CORRECTION_IMAGE_ID, .name = "image_id", .type = BZ_FIELD_UUID, .description = "A photo of POST /api/upload/meal-images that becomes the meal's photo (then analysed, unless items are given)")
BZ_RESOURCE_DECLARE (bz_meal_correction, MEAL_CORRECTION, BZ_MEAL_CORRECTION_FIELDS)

G_END_DECLS
