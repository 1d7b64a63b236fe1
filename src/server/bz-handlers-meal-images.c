/* bz-handlers-meal-images.c — meal photos uploaded ahead of a meal (seed 001
 * "POST /api/upload/meal-images - Meal photo processing"; issue 11). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-meal-image-service.h"

/* multipart/form-data: images (a file; repeat the part for several). */
static BzResponse *
upload (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "images", NULL };
  static const char *const repeatable[] = { "images", NULL };
  g_autoptr(BzForm) form = NULL;
  g_autoptr(GPtrArray) files = NULL;
  BzRecord *data;

  if (!(form = bz_form_parse_full (req->headers, req->body, fields, repeatable, error)))
    return NULL;
  files = bz_form_get_all (form, "images");
  data = bz_meal_images_upload (svc, req->caller, files, error);
  return data ? bz_response_record (201, data) : NULL;
}

static BzResponse *
photo (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *mime = NULL, *etag = NULL;
  const char *size = bz_request_query (req, "size");
  GBytes *bytes;

  if (size && bz_vocab_canonical (&bz_vocab_photo_size, size) == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("size must be display or original"));
      bz_error_add_detail (*error, "size", "invalid_choice", (*error)->message);
      return NULL;
    }
  bytes = bz_meal_images_get_photo (svc, req->caller, bz_request_param (req, "image_id"),
                                    g_strcmp0 (bz_vocab_canonical (&bz_vocab_photo_size, size), "original") == 0,
                                    &mime, &etag, error);
  return bytes ? bz_response_blob (bytes, mime, etag) : NULL;
}

const BzRoute bz_meal_image_routes[] = {
  { "POST", "/api/upload/meal-images", upload, 0, BZ_UPLOAD_BODY_MAX,
    "Store meal photos ahead of their meal (multipart, repeat images): each checked, kept with a display copy "
    "without EXIF, the caller's for 24 h; their ids stand for the photos in upload-meal, meal-detection, "
    "log-previous-meal and correct-meal", .request = &bz_meal_image_form_resource,
    .response = &bz_meal_image_upload_resource },
  { "GET", "/api/upload/meal-images/{image_id}", photo, BZ_ROUTE_POOL, 0,
    "A stored meal photo of the caller's: its display copy (at most 1280 px, no EXIF), or ?size=original "
    "(ETag, Range, immutable)", .raw_type = "image/*", .query = &bz_photo_query_resource },
  { NULL }
};
