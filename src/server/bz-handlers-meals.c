/* bz-handlers-meals.c — meal photos and logs (seed 000 story 4.3). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-meal-image-resources.h"
#include "bz-meal-service.h"

/* multipart/form-data: image (file) or image_id, meal_type, items (JSON text), patient_id. */
static BzResponse *
upload_meal (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "image", "meal_type", "items", "patient_id", "image_id", NULL };
  g_autoptr(BzForm) form = NULL;
  g_autoptr(JsonNode) items = NULL;
  g_autoptr(GError) items_error = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  g_autofree char *meal_type = NULL, *patient_id = NULL, *image_id = NULL;
  GBytes *image;
  BzRecord *data;

  if (!(form = bz_form_parse (req->headers, req->body, fields, error)))
    return NULL;
  image = bz_form_get_bytes (form, "image");
  meal_type = bz_form_get_text (form, "meal_type", 32, &v);
  patient_id = bz_form_get_text (form, "patient_id", 64, &v);
  image_id = bz_form_get_text (form, "image_id", 64, &v);
  items = bz_form_get_json (form, "items", &bz_json_limits_meal_items, &items_error);
  if (items_error && bz_error_http_status (items_error) == 413)
    {
      g_propagate_error (error, g_steal_pointer (&items_error));
      return NULL;
    }

  if ((image == NULL || g_bytes_get_size (image) == 0) && image_id == NULL)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  if (bz_form_get_bytes (form, "meal_type") == NULL || g_bytes_get_size (bz_form_get_bytes (form, "meal_type")) == 0)
    bz_validation_add (&v, "meal_type", "required", _("This field is required"));
  if (items_error)
    {
      JsonArray *d = bz_error_get_details (items_error);
      JsonObject *o = json_array_get_object_element (d, 0);
      bz_validation_add (&v, json_object_get_string_member (o, "field"),
                         json_object_get_string_member (o, "issue"), items_error->message);
    }
  else if (items && !JSON_NODE_HOLDS_ARRAY (items))
    bz_validation_add (&v, "items", "invalid_format", _("items must be a JSON array of {ndb_no, grams}"));
  if (!bz_validation_finish (&v, error))
    return NULL;

  data = bz_meals_add_image (svc, req->caller, patient_id, image, image_id, meal_type,
                             items ? json_node_get_array (items) : NULL, "phone", error);
  return data ? bz_response_record (201, data) : NULL;
}

static BzResponse *
history (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", BZ_LIST_LIMIT_DEFAULT, 1, BZ_LIST_LIMIT_MAX, &v);
  BzRecord *data;
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_meals_get_history (svc, req->caller, bz_request_query (req, "patient_id"), page, limit, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
daily (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_meals_get_daily (svc, req->caller, bz_request_query (req, "patient_id"),
                                       bz_request_query (req, "date"), error);
  return data ? bz_response_record (200, data) : NULL;
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
  bytes = bz_meals_get_photo (svc, req->caller, bz_request_param (req, "meal_id"), g_strcmp0 (bz_vocab_canonical (&bz_vocab_photo_size, size), "original") == 0,
                              &mime, &etag, error);
  return bytes ? bz_response_blob (bytes, mime, etag) : NULL;
}

static BzResponse *
update_meal (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (body == NULL)
    return NULL;
  data = bz_meals_update (svc, req->caller, bz_request_param (req, "meal_id"), body, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
log_previous (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (body == NULL)
    return NULL;
  data = bz_meals_log_previous (svc, req->caller, body, error);
  return data ? bz_response_record (201, data) : NULL;
}

static BzResponse *
correct_meal (BzServices *svc, BzRequest *req, GError **error)
{
  g_autoptr(JsonObject) body = bz_request_json_object (req, error);
  BzRecord *data;
  if (body == NULL)
    return NULL;
  data = bz_meals_correct (svc, req->caller, body, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
delete_meal (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_meals_delete (svc, req->caller, bz_request_param (req, "meal_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

const BzRoute bz_meal_routes[] = {
  { "POST", "/api/nutrition/upload-meal", upload_meal, 0, BZ_UPLOAD_BODY_MAX,
    "Upload a meal photo (or name one of POST /api/upload/meal-images by image_id) with optional USDA items (multipart)",
    .request = &bz_meal_form_resource, .response = &bz_meal_upload_resource },
  { "GET", "/api/nutrition/meal-history", history, 0, 0, "The caller's meals, newest first", .response = &bz_meal_history_resource,
    .query = &bz_meal_history_query_resource },
  { "GET", "/api/nutrition/daily", daily, 0, 0, "Intake for a day against Mifflin-St Jeor targets",
    .response = &bz_daily_intake_resource, .query = &bz_daily_query_resource },
  { "POST", "/api/nutrition/log-previous-meal", log_previous, 0, 0,
    "Log a meal of one's history again, without a new photo (seed 000 story 4.3): the same foods, grams and photo",
    .request = &bz_meal_reuse_resource, .response = &bz_meal_resource },
  { "POST", "/api/nutrition/correct-meal", correct_meal, 0, 0,
    "Correct one meal (seed 000 story 4.3): its foods as given, or its photo analysed again by the meal-detection "
    "service; only that meal's foods and nutrients change (its member, or a nutritionist of its patient)",
    .request = &bz_meal_correction_resource, .response = &bz_meal_upload_resource },
  { "PATCH", "/api/v1/meals/{meal_id}", update_meal, 0, 0,
    "Change a meal's type, time or foods (its member, or a nutritionist of its patient); answers the meal",
    .request = &bz_meal_update_resource, .response = &bz_meal_resource },
  { "DELETE", "/api/v1/meals/{meal_id}", delete_meal, 0, 0, "Delete a meal and its items (its member, or a nutritionist of its patient)",
    .response = &bz_meal_deleted_resource },
  { "GET", "/api/v1/meals/{meal_id}/photo", photo, BZ_ROUTE_POOL, 0, "A meal photo: its display copy (at most 1280 px, no EXIF), or ?size=original (ETag, Range, immutable)",
    .raw_type = "image/*", .query = &bz_photo_query_resource },
  { NULL }
};
