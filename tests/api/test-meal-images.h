/* test-meal-images.h — what test-meal-images.c and test-meal-correct.c share:
 * multipart requests of POST /api/upload/meal-images, upload-meal and
 * meal-detection with an image_id, and the store's counts. */
#pragma once

#include "bz-api-fixture.h"

/** test_meal_images_post: POST /api/upload/meal-images with @n parts "images". */
BzApiResponse *test_meal_images_post (const char *token, GBytes *const *files, guint n);
/** test_meal_images_upload_one: uploads @photo and returns its id (asserts 201). */
char          *test_meal_images_upload_one (const char *token, GBytes *photo);
/** test_meal_images_form: POST @path, multipart with the non-NULL of image, image_id, meal_type, items. */
BzApiResponse *test_meal_images_form (const char *path, const char *token, GBytes *image, const char *image_id,
                                      const char *meal_type, const char *items);
/** test_meal_images_counts: meal_images, meal_logs, meal_items, blobs, jobs. */
void           test_meal_images_counts (gint64 out[5]);
/** test_meal_images_assert_unchanged: the counts are still @before. */
void           test_meal_images_assert_unchanged (const gint64 before[5]);
/** test_meal_images_refused: asserts @r's status, code and a detail for @field with @issue. */
void           test_meal_images_refused (BzApiResponse *r, guint status, const char *code, const char *field,
                                         const char *issue);
