/* bz-handlers-meals.c — meal photos and logs (seed 000 story 4.3). */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-meal-service.h"

/* multipart/form-data: image (file), meal_type, items (JSON text), patient_id. */
static BzResponse *
upload_meal (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *ct = NULL;
  g_autoptr(SoupMultipart) mp = NULL;
  g_autoptr(JsonParser) parser = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  GBytes *image = NULL;
  g_autofree char *meal_type = NULL, *items_text = NULL, *patient_id = NULL;
  JsonArray *items = NULL;
  JsonNode *data;
  const char *mime = soup_message_headers_get_content_type (req->headers, NULL);

  if (mime == NULL || g_ascii_strcasecmp (mime, "multipart/form-data") != 0)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_UNSUPPORTED_MEDIA, _("The request body must be multipart/form-data"));
      return NULL;
    }
  mp = soup_multipart_new_from_message (req->headers, req->body);
  if (mp == NULL)
    {
      g_set_error (error, BZ_ERROR, BZ_ERROR_VALIDATION, _("The multipart body is malformed"));
      bz_error_add_detail (*error, "body", "malformed_multipart", (*error)->message);
      return NULL;
    }
  for (int i = 0; i < soup_multipart_get_length (mp); i++)
    {
      SoupMessageHeaders *ph;
      GBytes *pb;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) dparams = NULL;
      const char *name;

      if (!soup_multipart_get_part (mp, i, &ph, &pb))
        continue;
      if (!soup_message_headers_get_content_disposition (ph, &disposition, &dparams))
        continue;
      name = g_hash_table_lookup (dparams, "name");
      if (g_strcmp0 (name, "image") == 0)
        image = pb;
      else if (g_strcmp0 (name, "meal_type") == 0)
        meal_type = g_strndup (g_bytes_get_data (pb, NULL), g_bytes_get_size (pb));
      else if (g_strcmp0 (name, "items") == 0)
        items_text = g_strndup (g_bytes_get_data (pb, NULL), g_bytes_get_size (pb));
      else if (g_strcmp0 (name, "patient_id") == 0)
        patient_id = g_strndup (g_bytes_get_data (pb, NULL), g_bytes_get_size (pb));
    }

  if (image == NULL || g_bytes_get_size (image) == 0)
    bz_validation_add (&v, "image", "required", _("A meal photo is required"));
  if (meal_type == NULL || *meal_type == '\0')
    bz_validation_add (&v, "meal_type", "required", _("This field is required"));
  if (items_text && *items_text)
    {
      JsonNode *root;
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, items_text, -1, NULL) ||
          !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
        bz_validation_add (&v, "items", "invalid_format", _("items must be a JSON array of {ndb_no, grams}"));
      else
        items = json_node_get_array (root);
    }
  if (!bz_validation_finish (&v, error))
    return NULL;

  data = bz_meals_upload (svc, req->caller, patient_id, image, meal_type, items, "phone", error);
  return data ? bz_response_json (201, data) : NULL;
}

static BzResponse *
history (BzServices *svc, BzRequest *req, GError **error)
{
  BzValidation v = BZ_VALIDATION_INIT;
  guint page = bz_request_query_uint (req, "page", 1, 1, G_MAXINT32, &v);
  guint limit = bz_request_query_uint (req, "limit", 20, 1, 100, &v);
  JsonNode *data;
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_meals_history (svc, req->caller, bz_request_query (req, "patient_id"), page, limit, error);
  return data ? bz_response_json (200, data) : NULL;
}

static BzResponse *
daily (BzServices *svc, BzRequest *req, GError **error)
{
  JsonNode *data = bz_meals_daily (svc, req->caller, bz_request_query (req, "patient_id"),
                                   bz_request_query (req, "date"), error);
  return data ? bz_response_json (200, data) : NULL;
}

static BzResponse *
photo (BzServices *svc, BzRequest *req, GError **error)
{
  g_autofree char *mime = NULL, *etag = NULL;
  GBytes *bytes = bz_meals_get_photo (svc, req->caller, bz_request_param (req, "meal_id"), &mime, &etag, error);
  return bytes ? bz_response_blob (bytes, mime, etag) : NULL;
}

const BzRoute bz_meal_routes[] = {
  { "POST", "/api/nutrition/upload-meal", upload_meal, 0, BZ_UPLOAD_BODY_MAX, "Upload a meal photo with optional USDA items (multipart)" },
  { "GET", "/api/nutrition/meal-history", history, 0, 0, "The caller's meals, newest first" },
  { "GET", "/api/nutrition/daily", daily, 0, 0, "Intake for a day against Mifflin-St Jeor targets" },
  { "GET", "/api/v1/meals/{meal_id}/photo", photo, 0, 0, "A meal photo (ETag, Range, immutable)" },
  { NULL }
};
