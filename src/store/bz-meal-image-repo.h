/* bz-meal-image-repo.h — the SQL of meal photos uploaded ahead of a meal
 * (data/sql/044_meal_images.sql; bz-meal-image-service.h). */
#pragma once

#include "bz-store.h"

G_BEGIN_DECLS

/**
 * BzMealImageRow:
 * @id: meal_images.id (a UUID)
 * @owner_id: users.id of the uploader
 * @sha256: the original's blob
 * @display_sha256: the display copy's blob (JPEG, no EXIF)
 * @mime_type: the original's MIME type (from its `blobs` row)
 * @width: the original's width, pixels
 * @height: the original's height, pixels
 * @created_at: UTC, ISO 8601 ("…Z")
 * @expires_at: UTC, ISO 8601 ("…Z")
 * @meal_id: (nullable): the meal it was logged as
 */
typedef struct
{
  char *id;
  char *owner_id;
  char *sha256;
  char *display_sha256;
  char *mime_type;
  guint width;
  guint height;
  char *created_at;
  char *expires_at;
  char *meal_id;
} BzMealImageRow;

/** bz_meal_image_row_free: frees @row and its strings; %NULL is ignored. */
void     bz_meal_image_row_free (BzMealImageRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzMealImageRow, bz_meal_image_row_free)

/**
 * bz_meal_image_repo_insert:
 * @row: every member but @mime_type (read from the blob) and @meal_id (NULL);
 *   its blobs already put (bz_blob_put()) in the same transaction
 * @error: as bz_db_set_error()
 *
 * Inserts the row, inside the caller's transaction.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_insert (BzStore *store, const BzMealImageRow *row, GError **error);

/**
 * bz_meal_image_repo_get:
 * @out: (out) (transfer full): the row, when there is one
 * @error: as bz_db_set_error()
 *
 * Returns: %TRUE with @out when @id exists; %FALSE without @error when not;
 *   %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_get (BzStore *store, const char *id, BzMealImageRow **out, GError **error);

/**
 * bz_meal_image_repo_count_waiting:
 * @out_count: (out): how many of @owner_id's photos are not logged as a meal
 *   (partial index idx_meal_images_owner)
 * @error: as bz_db_set_error()
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_count_waiting (BzStore *store, const char *owner_id, guint *out_count, GError **error);

/**
 * bz_meal_image_repo_attach:
 * @out_attached: (out): %TRUE when the photo was waiting and now names
 *   @meal_id; %FALSE when it is gone or already names a meal
 * @error: as bz_db_set_error()
 *
 * Compare-and-set of meal_images.meal_id from NULL to @meal_id, inside the
 * caller's transaction (so that two requests with one photo log one meal).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_attach (BzStore *store, const char *id, const char *meal_id, gboolean *out_attached,
                                    GError **error);

/**
 * bz_meal_image_repo_set_meal_photo:
 * @meal_id: a meal
 * @sha256: the new photo's original blob
 * @display_sha256: its display copy's blob
 * @error: as bz_db_set_error()
 *
 * Makes the blobs @meal_id's photo (meal_logs.photo_sha256 and
 * photo_display_sha256), logged as a change of the patient's meal for the
 * phones' sync; inside the caller's transaction.  The old photo's blobs go
 * when the collector finds no row naming them.
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_set_meal_photo (BzStore *store, const char *meal_id, const char *sha256,
                                            const char *display_sha256, GError **error);

/**
 * bz_meal_image_repo_delete_expired:
 * @now: UTC, ISO 8601 ("…Z"): a row whose expires_at is not after it goes
 * @out_deleted: (out): whether the row was deleted
 * @error: as bz_db_set_error()
 *
 * Deletes photo @id once expired (a meal that names its blobs keeps them).
 *
 * Returns: %FALSE with @error on a database error.
 */
gboolean bz_meal_image_repo_delete_expired (BzStore *store, const char *id, const char *now, gboolean *out_deleted,
                                            GError **error);

G_END_DECLS
