/* bz-handlers-recipes.c — /api/v1/recipes (seed 002 §4.5): search, one
 * recipe, POST (multipart with photos, pending review) and the photos. */
#include "bz-router.h"

#include <glib/gi18n.h>

#include "bz-recipe-service.h"

/* Query parameter @name as an integer into @out (unchanged when absent);
 * its range is the service's to check. */
static void
query_int (BzRequest *req, const char *name, gint64 *out, BzValidation *v)
{
  const char *s = bz_request_query (req, name);
  gint64 value;

  if (s == NULL || *s == '\0')
    return;
  if (!g_ascii_string_to_signed (s, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL))
    {
      g_autofree char *msg = g_strdup_printf (_("%s must be an integer"), name);
      bz_validation_add (v, name, "invalid_type", msg);
      return;
    }
  *out = value;
}

/* "true"/"false" (or 1/0) into -1 (absent), 1 or 0. */
static int
query_bool (BzRequest *req, const char *name, BzValidation *v)
{
  const char *s = bz_request_query (req, name);

  if (s == NULL || *s == '\0')
    return -1;
  if (g_ascii_strcasecmp (s, "true") == 0 || g_str_equal (s, "1"))
    return 1;
  if (g_ascii_strcasecmp (s, "false") == 0 || g_str_equal (s, "0"))
    return 0;
  {
    g_autofree char *msg = g_strdup_printf (_("%s must be true or false"), name);
    bz_validation_add (v, name, "invalid_type", msg);
  }
  return -1;
}

static BzResponse *
list (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecipeQuery q = BZ_RECIPE_QUERY_INIT;
  BzValidation v = BZ_VALIDATION_INIT;
  g_auto(GStrv) tags = bz_request_query_all (req, "dietary_tags");
  BzRecord *data;

  q.search = bz_request_query (req, "search");
  q.meal_type = bz_request_query (req, "meal_type");
  q.dietary_tags = (const char *const *) tags;
  q.difficulty = bz_request_query (req, "difficulty");
  q.sort_by = bz_request_query (req, "sort_by");
  q.is_verified = query_bool (req, "is_verified", &v);
  query_int (req, "max_prep_time_min", &q.max_prep_time_min, &v);
  query_int (req, "page", &q.page, &v);
  query_int (req, "limit", &q.limit, &v);
  if (!bz_validation_finish (&v, error))
    return NULL;
  data = bz_recipes_find (svc, req->caller, &q, error);
  return data ? bz_response_record (200, data) : NULL;
}

static BzResponse *
get (BzServices *svc, BzRequest *req, GError **error)
{
  BzRecord *data = bz_recipes_get (svc, req->caller, bz_request_param (req, "recipe_id"), error);
  return data ? bz_response_record (200, data) : NULL;
}

/* The text parts of a recipe form, by the JSON type its Recipe member takes. */
static const char *const text_parts[] = { "title", "description", "meal_type", "cuisine_type", "difficulty", NULL };
static const char *const integer_parts[] = { "prep_time_min", "cook_time_min", "servings", NULL };
static const char *const json_parts[] = { "ingredients", "instructions", "tags", NULL };
/* Bytes of one text part: the longest member (description, 2,000
 * characters) in 4-byte UTF-8 is 8,000; the resource checks characters. */
#define TEXT_PART_MAX (8 * 1024)

/* dietary_tags as a JSON array, or as text separated by commas. */
static void
add_dietary_tags (BzForm *form, JsonObject *input, BzValidation *v, GError **error)
{
  g_autofree char *text = bz_form_get_text (form, "dietary_tags", TEXT_PART_MAX, v);
  const char *p = text;

  if (text == NULL)
    return;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '[')
    {
      g_autoptr(JsonNode) node = bz_form_get_json (form, "dietary_tags", &bz_json_limits_body, error);
      if (node)
        json_object_set_member (input, "dietary_tags", g_steal_pointer (&node));
    }
  else if (*p)
    {
      g_auto(GStrv) parts = g_strsplit (p, ",", -1);
      JsonArray *a = json_array_new ();
      for (guint i = 0; parts[i]; i++)
        if (*g_strstrip (parts[i]))
          json_array_add_string_element (a, parts[i]);
      json_object_set_array_member (input, "dietary_tags", a);
    }
}

/* POST /api/v1/recipes: multipart/form-data (seed 002 §4.5), see RecipeForm. */
static BzResponse *
create (BzServices *svc, BzRequest *req, GError **error)
{
  static const char *const fields[] = { "title", "description", "meal_type", "cuisine_type", "dietary_tags", "tags",
                                        "difficulty", "prep_time_min", "cook_time_min", "servings", "ingredients",
                                        "instructions", "files", NULL };
  static const char *const repeatable[] = { "files", NULL };
  g_autoptr(BzForm) form = NULL;
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(GPtrArray) photos = NULL;
  BzValidation v = BZ_VALIDATION_INIT;
  BzResponse *resp;
  BzRecord *data;

  if (!(form = bz_form_parse_full (req->headers, req->body, fields, repeatable, error)))
    return NULL;
  for (guint i = 0; text_parts[i]; i++)
    {
      g_autofree char *text = bz_form_get_text (form, text_parts[i], TEXT_PART_MAX, &v);
      if (text)
        json_object_set_string_member (input, text_parts[i], text);
    }
  for (guint i = 0; integer_parts[i]; i++)
    {
      g_autofree char *text = bz_form_get_text (form, integer_parts[i], TEXT_PART_MAX, &v);
      gint64 value;
      if (text == NULL)
        continue;
      /* Not an integer: passed on as text, so the declaration reports its type. */
      if (g_ascii_string_to_signed (g_strstrip (text), 10, G_MININT64, G_MAXINT64, &value, NULL))
        json_object_set_int_member (input, integer_parts[i], value);
      else
        json_object_set_string_member (input, integer_parts[i], text);
    }
  for (guint i = 0; json_parts[i]; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(JsonNode) node = bz_form_get_json (form, json_parts[i], &bz_json_limits_body, &local);
      if (local && bz_error_http_status (local) == 413)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      if (local)
        {
          JsonObject *o = json_array_get_object_element (bz_error_get_details (local), 0);
          bz_validation_add (&v, json_object_get_string_member (o, "field"),
                             json_object_get_string_member (o, "issue"), local->message);
        }
      else if (node)
        json_object_set_member (input, json_parts[i], g_steal_pointer (&node));
    }
  {
    g_autoptr(GError) local = NULL;
    add_dietary_tags (form, input, &v, &local);
    if (local && bz_error_http_status (local) == 413)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        return NULL;
      }
    if (local)
      {
        JsonObject *o = json_array_get_object_element (bz_error_get_details (local), 0);
        bz_validation_add (&v, json_object_get_string_member (o, "field"),
                           json_object_get_string_member (o, "issue"), local->message);
      }
  }
  if (!bz_validation_finish (&v, error))
    return NULL;
  photos = bz_form_get_all (form, "files");
  data = bz_recipes_create (svc, req->caller, input, photos, error);
  if (data == NULL)
    return NULL;
  resp = bz_response_record (201, data);
  /* Seed 002 §4.5: "Receta creada. En revisión para publicación." (es.po) */
  resp->message = g_strdup (_("Recipe created. Under review for publication."));
  return resp;
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
  bytes = bz_recipes_get_photo (svc, req->caller, bz_request_param (req, "recipe_id"), bz_request_param (req, "n"),
                                g_strcmp0 (bz_vocab_canonical (&bz_vocab_photo_size, size), "original") == 0,
                                &mime, &etag, error);
  return bytes ? bz_response_blob (bytes, mime, etag) : NULL;
}

const BzRoute bz_recipe_routes[] = {
  { "GET", "/api/v1/recipes", list, BZ_ROUTE_POOL, 0,
    "Search recipes (search, meal_type, dietary_tags, max_prep_time_min, difficulty, is_verified, "
    "sort_by: rating|created_at|tried_count|total_time|calories|relevance, page, limit)",
    .response = &bz_recipe_list_resource, .query = &bz_recipe_query_resource },
  { "GET", "/api/v1/recipes/{recipe_id}", get, 0, 0,
    "One recipe with its ingredients, instructions, nutrition and SMAE equivalents per serving",
    .response = &bz_recipe_envelope_resource },
  { "POST", "/api/v1/recipes", create, 0, BZ_UPLOAD_BODY_MAX,
    "Write a recipe (multipart: the recipe's fields, ingredients as USDA SR28 numbers with grams, photos as "
    "repeated \"files\" parts); nutrition, tags and allergens are derived; pending review until moderated",
    .request = &bz_recipe_form_resource, .response = &bz_recipe_created_resource },
  { "GET", "/api/v1/recipes/{recipe_id}/photos/{n}", photo, BZ_ROUTE_POOL, 0,
    "A recipe photo (n = 0 for the main photo): its display copy (at most 1280 px, no EXIF), or ?size=original "
    "(ETag, Range, immutable)",
    .raw_type = "image/*", .query = &bz_photo_query_resource },
  { NULL }
};
